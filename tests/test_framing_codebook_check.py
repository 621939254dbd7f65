"""Checking codebooks: optional fields, every problem at once, warnings, matching modes,
shared exclusions, the `codebook check` command and the run's parameter check."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.cli import main as cli_main
from analysis.config import DATA_DIR
from analysis.framing import frame_hits, frame_matrix
from analysis.framing.codebook import CodebookError, load_codebook
from analysis.framing.codebook_check import check_codebook
from analysis.framing.coverage import indicator_coverage
from analysis.pipeline.params import check_value


def _write(tmp_path: Path, text: str, name: str = "book.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


MINIMAL = """
[[frames]]
key = "guns"
label = "Guns"
indicators = ["rifle", "gun violence"]
"""


def test_only_key_label_and_indicators_are_required(tmp_path: Path) -> None:
    frame = load_codebook(_write(tmp_path, MINIMAL)).frames[0]
    assert (frame.type, frame.definition, frame.reference, frame.pfc_dimension) == (
        "issue",
        "",
        "",
        "none",
    )
    with pytest.raises(CodebookError, match="Policy Frames Codebook"):
        load_codebook(_write(tmp_path, MINIMAL + 'pfc_dimension = "Guns"\n', "b.toml"))


def test_template_is_valid_and_documents_every_field() -> None:
    template = DATA_DIR / "codebook_template.toml"
    report = check_codebook(template)
    assert report.ok and not report.warnings
    text = template.read_text(encoding="utf-8")
    for name in ("key", "label", "indicators", "type", "definition", "pfc_dimension", "reference"):
        assert f"#   {name}" in text
    assert load_codebook(template).keys == ["conflict", "public_safety"]


BROKEN = """
[[frames]]
key = "Bad Key"
label = "One"
indicators = ["x"]

[[frames]]
key = "two"
type = "special"
indicators = ["rain", 3, "rain"]
pfc_dimension = "Guns"

[[frames]]
key = "three"
label = "Three"
indicators = []
colour = "red"
"""


def test_every_problem_is_listed_at_once(tmp_path: Path) -> None:
    report = check_codebook(_write(tmp_path, BROKEN))
    joined = "\n".join(report.errors)
    assert len(report.errors) == 8, joined
    for part in (
        "frame 'Bad Key' (#1): 'key' must be lower-case",
        "frame 'two' (#2): missing field(s) ['label']",
        "frame 'two' (#2): 'type' must be one of",
        "frame 'two' (#2): 'indicators' entry #2 must be a string",
        "frame 'two' (#2): 'indicators' lists 'rain' twice",
        "frame 'two' (#2): 'pfc_dimension' 'Guns'",
        "frame 'three' (#3): unknown field(s) ['colour']",
        "frame 'three' (#3): 'indicators' is empty",
    ):
        assert part in joined
    with pytest.raises(CodebookError, match="8 problems") as caught:
        load_codebook(_write(tmp_path, BROKEN, "again.toml"))
    assert len(caught.value.problems) == 8


def test_redundant_indicators_are_warnings(tmp_path: Path) -> None:
    text = MINIMAL.replace('["rifle", "gun violence"]', '["rifle", "rifles", "=fight", "fighting"]')
    report = check_codebook(_write(tmp_path, text))
    assert report.ok
    assert any("'rifles' matches exactly what 'rifle'" in w for w in report.warnings)
    assert any("'=fight' is implied by 'fighting'" in w for w in report.warnings)
    flags = frame_matrix(["two rifles", "a fight"], load_codebook(_write(tmp_path, text, "c.toml")))
    assert flags["guns"].tolist() == [True, True]


def test_a_word_kept_as_written_that_another_indicator_matches_is_warned_about(
    tmp_path: Path,
) -> None:
    """A tester's "bans" beside "ban" (both too short to stem) added nothing, unwarned."""
    text = MINIMAL.replace('["rifle", "gun violence"]', '["ban", "bans", "bane", "gun*", "guns"]')
    report = check_codebook(_write(tmp_path, text))
    assert report.ok
    redundant = [w for w in report.warnings if "matched as written" in w]
    assert [w.split("indicator ")[1].split(" is")[0] for w in redundant] == ["'bans'", "'guns'"]
    assert "by 'ban'; the frame fires on 'bans' without it" in redundant[0]
    # "ban" does not match "bane", nor "bans" "ban": each adds words of its own
    assert not any("'bane'" in w and "matched" in w for w in report.warnings)
    assert not any(w.startswith("indicator 'ban' is matched") for w in redundant)


def test_an_indicator_written_as_a_regular_expression_is_warned_about(tmp_path: Path) -> None:
    # a tester's "gun|rifle", "*gun", "gun(control", "[abc" and "re:gun.*law" were "ok, 0
    # warning(s)" and never matched
    written = ["gun|rifle", "*gun", "gun(control", "[abc", "re:gun.*law", "gun*", "u.s."]
    text = MINIMAL.replace('["rifle", "gun violence"]', repr(written).replace("'", '"'))
    report = check_codebook(_write(tmp_path, text))
    assert report.ok
    flagged = [w for w in report.warnings if "not a regular expression" in w]
    assert [w.split("indicator ")[1].split(" holds")[0] for w in flagged] == [
        "'gun|rifle'",
        "'*gun'",
        "'gun(control'",
        "'[abc'",
        "'re:gun.*law'",
    ]
    assert "holds 're:', '.*':" in flagged[-1] and "holds '|':" in flagged[0]


def test_short_word_warning_names_the_doubled_forms(tmp_path: Path) -> None:
    report = check_codebook(_write(tmp_path, MINIMAL.replace('"rifle", ', '"ban", ')))
    assert any("'ban' is too short" in w and "'banned'" in w for w in report.warnings)
    # a noun's warning names no non-word it would match ("jobed": a tester's codebook)
    assert not any("baned" in w for w in report.warnings)
    # nor an acronym's ("gopped": a scholar's "GOP")
    report = check_codebook(_write(tmp_path, MINIMAL.replace('"rifle", ', '"GOP", '), "g.toml"))
    assert not any("'GOP' is too short" in w for w in report.warnings)


def test_loading_skips_only_the_warnings(tmp_path: Path) -> None:
    # load_codebook does not compute the redundancy warnings (it drops warnings anyway): the
    # same codebook as the full check, and errors still raised
    from analysis.framing.codebook import parse_codebook, read_codebook_mapping
    from analysis.framing.codebook_check import check_codebook_data

    redundant = MINIMAL.replace('["rifle", "gun violence"]', '["rifle", "rifles", "=fight", "ban"]')
    for path in (DATA_DIR / "frames.toml", _write(tmp_path, redundant)):
        data = read_codebook_mapping(path)
        full = check_codebook_data(data, str(path))
        quick = check_codebook_data(data, str(path), redundancy=False)
        assert quick.codebook == full.codebook == parse_codebook(data, str(path))
        assert quick.errors == full.errors
        assert not any("matches exactly" in w or "too short" in w for w in quick.warnings)
    assert any("matches exactly" in w for w in full.warnings)
    empty = MINIMAL.replace('["rifle", "gun violence"]', "[]")
    with pytest.raises(CodebookError, match="indicators"):
        load_codebook(_write(tmp_path, empty, "e.toml"))


MODES = """
[[frames]]
key = "calendar"
label = "Calendar"
indicators = [
  { term = "March", case = "sensitive" },
  { term = "police", match = "exact" },
  "=May",
]
"""


def test_case_sensitive_and_exact_indicators(tmp_path: Path) -> None:
    book = load_codebook(_write(tmp_path, MODES))
    sentences = [
        "They met in March.",  # case-sensitive: the month
        "Protesters march on.",  # not the month
        "The police came.",
        "A new policy.",  # exact: "police" does not reach "policy"
        "Police policies.",
        "it may rain",  # "=May" stays case-insensitive, as before
    ]
    assert frame_matrix(sentences, book)["calendar"].tolist() == [1, 0, 1, 0, 1, 1]
    hits = frame_hits(sentences, book)
    assert hits[["row", "term", "matched"]].values.tolist() == [
        [0, "March", "March"],
        [2, "police", "police"],
        [4, "police", "Police"],
        [5, "=May", "may"],
    ]


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ('{ term = "x", case = "upper" }', "case must be one of"),
        ('{ term = "x", match = "fuzzy" }', "match must be one of"),
        ('{ term = "x", colour = "red" }', "unknown key"),
        ('{ match = "exact" }', "must be a string or a table with a 'term'"),
    ],
)
def test_table_indicator_errors(tmp_path: Path, entry: str, message: str) -> None:
    text = MINIMAL.replace('"rifle", ', entry + ", ")
    with pytest.raises(CodebookError, match=message):
        load_codebook(_write(tmp_path, text))


SHARED = """
exclusions = ["fire drill"]

[exclusion_lists]
sports = ["shooting guard"]

[[frames]]
key = "guns"
label = "Guns"
indicators = ["shooting", "fire"]
exclusion_lists = ["sports"]

[[frames]]
key = "disaster"
label = "Disaster"
indicators = ["fire", "guard"]
"""


def test_exclusions_shared_across_frames(tmp_path: Path) -> None:
    book = load_codebook(_write(tmp_path, SHARED))
    assert book.frame("guns").exclusions == ("shooting guard", "fire drill")
    assert book.frame("disaster").exclusions == ("fire drill",)
    flags = frame_matrix(["a fire drill today", "the shooting guard scored"], book)
    assert flags["guns"].tolist() == [False, False]
    assert flags["disaster"].tolist() == [False, True]  # "sports" is not the disaster frame's
    bad = SHARED.replace('exclusion_lists = ["sports"]', 'exclusion_lists = ["sport"]')
    with pytest.raises(CodebookError, match="'exclusion_lists' names 'sport'"):
        load_codebook(_write(tmp_path, bad, "bad.toml"))


CORPUS = [
    "The police arrested him.",
    "A new gun policy was announced.",
    "Officials weaponized the data; the weapons were seized.",
    "Congress voted to ban assault rifles.",
    "The state banned bump stocks.",
]
SURPRISES = """
[[frames]]
key = "guns"
label = "Guns"
indicators = ["police", "weaponize", "ban", "bayonet"]
"""


def test_coverage_shows_stemming_surprises(tmp_path: Path) -> None:
    cov = indicator_coverage(CORPUS, load_codebook(_write(tmp_path, SURPRISES)))
    rows = {r.term: r for r in cov.itertuples()}
    assert dict(rows["police"].words) == {"police": 1, "policy": 1}
    assert dict(rows["weaponize"].words) == {"weaponized": 1, "weapons": 1}
    assert rows["ban"].n_sentences == 1  # "banned" is missed
    assert rows["bayonet"].n_sentences == 0


def test_check_command_reports_every_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli_main(["codebook", "check", str(_write(tmp_path, BROKEN))]) == 1
    out = capsys.readouterr().out
    assert len([line for line in out.splitlines() if line.startswith("error: ")]) == 8


def test_check_command_with_a_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus.csv"
    corpus.write_text(
        "doc_id,outlet,text\n" + "".join(f'd{i},Daily,"{s}"\n' for i, s in enumerate(CORPUS)),
        encoding="utf-8",
    )
    book = _write(tmp_path, SURPRISES)
    assert cli_main(["codebook", "check", str(book), "--corpus", str(corpus)]) == 0
    out = capsys.readouterr().out
    assert "'police': 2 sentence(s): police (1), policy (1)" in out
    assert "'weaponize': 1 sentence(s): weaponized (1), weapons (1)" in out
    assert "match nothing:\n  guns: 'bayonet'" in out
    assert "'ban' is too short" in out


def test_run_refuses_a_bad_codebook_before_any_notebook(tmp_path: Path) -> None:
    bad = _write(tmp_path, BROKEN)
    with pytest.raises(ValueError, match=r"parameter 'codebook'[\s\S]*'indicators' is empty"):
        check_value("codebook", str(bad), tmp_path)
    good = _write(tmp_path, MINIMAL, "good.toml")
    assert check_value("codebook", "good.toml", tmp_path) == str(good.resolve())


@pytest.mark.parametrize(
    ("given", "read"),
    [
        ('"Crime and Punishment"', "Crime and punishment"),  # the codebook's title case
        ("7", "Crime and punishment"),  # its number in the Policy Frames Codebook
        ('"12"', "Public opinion"),
        ('"Security & Defence"', "Security and defense"),
    ],
)
def test_a_pfc_dimension_is_read_in_any_case_or_by_its_number(
    tmp_path: Path, given: str, read: str
) -> None:
    report = check_codebook(_write(tmp_path, MINIMAL + f"pfc_dimension = {given}\n"))
    assert report.ok, report.errors
    assert report.codebook.frames[0].pfc_dimension == read


def test_an_unknown_pfc_dimension_suggests_the_closest(tmp_path: Path) -> None:
    text = MINIMAL + 'pfc_dimension = "Constitutionality and jurisprudence"\n'
    (error,) = check_codebook(_write(tmp_path, text)).errors
    assert "Did you mean 'Legality, constitutionality and jurisprudence'?" in error
    (error,) = check_codebook(_write(tmp_path, MINIMAL + "pfc_dimension = 16\n")).errors
    assert "its number 1–15" in error


def test_errors_are_listed_in_the_files_order(tmp_path: Path) -> None:
    # a duplicate key, found after every frame was read, was listed last: #4, #7, #3
    frames = [
        '[[frames]]\nkey = "a"\nlabel = "A"\nindicators = ["x"]\n',
        '[[frames]]\nkey = "a"\nlabel = "A again"\nindicators = ["y"]\n',
        '[[frames]]\nkey = "c"\nlabel = "C"\nindicators = []\n',
    ]
    errors = check_codebook(_write(tmp_path, "\n".join(frames))).errors
    assert ["(#2)" in errors[0], "(#3)" in errors[1]] == [True, True]
