"""Any topic: generic defaults, the user's own lexicons, a corpus's analysis.toml, grouping by a
user column, --map through run. Every corpus and lexicon here is made up for the tests (a river
clean-up in a town with three newspapers)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis import load_corpus
from analysis.cli import main as cli_main
from analysis.measure.cache import cache_key
from analysis.pipeline.params import ParameterError, check_group_column, check_lexicon_files
from analysis.sentiment import discover_actors, discovered_names
from analysis.sentiment.discover import MAX_ACTORS, names_in
from analysis.settings import Lexicons, SettingsError, lexicon_lines, resolve_lexicons

ARTICLES = {
    "a.txt": "River Clean-Up Begins\n"
    "Volunteers from Greenbank Rowing Club cleared plastic from the river on Saturday.\n"
    "Mayor Ada Quill praised the volunteers and said the council would fund more bins.\n"
    "Greenbank Rowing Club plans another clean-up in May.\n",
    "b.txt": "Council Criticised Over River Pollution\n"
    "Critics said the council ignored warnings about sewage in the river for years.\n"
    "Ada Quill rejected the claims and blamed the water company.\n"
    "Residents fear the pollution will harm children who swim there.\n",
    "c.txt": "Water Company Fined\n"
    "The water company was fined after Ada Quill reported the spill to regulators.\n"
    "Shares in the company fell sharply after the fine was announced.\n"
    "Greenbank Rowing Club welcomed the fine.\n",
}
MANIFEST = (
    "doc_id,file,outlet,lean\n"
    "a1,a.txt,Town Crier,left\n"
    "b1,b.txt,Valley Voice,right\n"
    "c1,c.txt,Harbour Times,left\n"
)
CODEBOOK = """
[[frames]]
key = "pollution"
label = "Pollution"
type = "issue"
definition = "The river as polluted."
indicators = ["pollution", "sewage", "spill", "plastic"]
exclusions = []
pfc_dimension = "none"
reference = "made up for the tests"
"""
ACTORS = """
[[actor]]
key = "council"
label = "Town council"
side = "other"
patterns = ["council", "Ada Quill"]
cased = []
note = "The council and its mayor."
"""


@pytest.fixture
def topic(tmp_path: Path) -> Path:
    """A corpus folder on another topic (three outlets, a user column ``lean``)."""
    folder = tmp_path / "river"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "manifest.csv").write_text(MANIFEST, encoding="utf-8")
    return folder


@pytest.fixture
def codebook(tmp_path: Path) -> Path:
    path = tmp_path / "codebook.toml"
    path.write_text(CODEBOOK, encoding="utf-8")
    return path


@pytest.fixture
def actors(tmp_path: Path) -> Path:
    path = tmp_path / "actors.toml"
    path.write_text(ACTORS, encoding="utf-8")
    return path


# --- defaults and discovered actors --------------------------------------------------------


def test_without_lexicons_the_generic_frames_and_discovered_actors_apply(topic: Path) -> None:
    corpus = load_corpus(topic, measures=True, progress=False)
    frames = [c for c in corpus.sentences.columns if c.startswith("frame_")]
    assert frames == [
        "frame_conflict",
        "frame_economic_consequences",
        "frame_responsibility",
        "frame_human_interest",
        "frame_morality",
    ]
    # Actors discovered per outlet: a name in 2+ sentences of one outlet (the club in Town
    # Crier); "Ada Quill" is in 3 sentences, but once per outlet.
    actors = [c for c in corpus.sentences.columns if c.startswith("actor_")]
    assert actors == ["actor_greenbank_rowing_club"]
    assert "source_government_officials" in corpus.sentences.columns


def test_names_and_discovered_actors_with_counts() -> None:
    assert names_in("Mayor Ada Quill met the Bank of England in May.") == [
        "Ada Quill",
        "Bank of England",
    ]
    assert names_in("Shares fell.") == []  # a capitalised first word is not a name
    assert names_in("They met in New York after the 3D model of U.S. plans.") == ["New York", "U.S"]
    assert names_in("Cody Wilson sold 3-D-printed guns and X-ray kits to Anti-Trump Ed.") == [
        "Cody Wilson",
        "Anti-Trump Ed",
    ]
    sentences = pd.DataFrame(
        {
            "doc_id": ["a", "a", "b", "b", "c"],
            "outlet": ["X", "X", "Y", "Y", "Y"],
            "sentence": [
                "Then Ada Quill spoke.",
                "Now Ada Quill left.",
                "Ben Ash met Ada Quill.",
                "Once more Ben Ash spoke.",
                "Then Ben Ash and Cy Dee left.",
            ],
        }
    )
    table = discovered_names(sentences, "outlet")
    assert list(table.columns) == [
        "outlet",
        "name",
        "aliases",
        "n_sentences",
        "n_docs",
        "surname_of",
    ]
    assert table.values.tolist() == [
        ["X", "Ada Quill", "", 2, 1, ""],
        ["Y", "Ben Ash", "", 3, 2, ""],
    ]
    assert [a.label for a in discover_actors(sentences)] == ["Ben Ash", "Ada Quill"]
    # a name only one article uses is that article's detail, not an actor of the story
    one_article = sentences[sentences["doc_id"] != "c"].assign(
        sentence=["Then Ada Quill spoke.", "Now Ada Quill left.", "Ben Ash met.", "Ben Ash spoke."]
    )
    assert discovered_names(one_article, "outlet").empty
    assert len(discovered_names(one_article, "outlet", min_docs=1)) == 2


def test_discovered_actors_are_capped_at_those_in_most_sentences() -> None:
    # PerSenT's articles grouped by their 838 target entities gave 1,075 actors before the cap
    rows = []
    for g in range(30):  # 30 outlets, each with its own two names in two articles
        for d in range(2):
            for k in range(2 + g % 3):  # outlets 2, 5, 8... mention theirs in more sentences
                rows.append((f"o{g}", f"o{g}-{d}", f"Then Name{g}a met Name{g}b again ({k})."))
    sentences = pd.DataFrame(rows, columns=["outlet", "doc_id", "sentence"])
    found = discover_actors(sentences)
    assert len(found) == MAX_ACTORS < 60  # 60 names found in all
    counts = {f"Name{g}{x}": 2 * (2 + g % 3) for g in range(30) for x in "ab"}
    kept = [a.label for a in found]
    assert min(counts[n] for n in kept) >= max(counts[n] for n in counts if n not in kept)
    assert kept == sorted(kept, key=lambda n: (-counts[n], n))
    assert len(discover_actors(sentences, max_actors=5)) == 5
    assert len(discover_actors(sentences, max_actors=100)) == 60


# --- the user's own lexicons ---------------------------------------------------------------


def test_own_codebook_and_actor_list_are_used(topic: Path, codebook: Path, actors: Path) -> None:
    lexicons = Lexicons(codebook=codebook, actors=actors)
    corpus = load_corpus(topic, measures=True, lexicons=lexicons, progress=False)
    s = corpus.sentences
    assert [c for c in s.columns if c.startswith("frame_")] == ["frame_pollution"]
    assert [c for c in s.columns if c.startswith("actor_")] == ["actor_council"]
    assert (
        s["frame_pollution"].sum() == 5
    )  # plastic, the title's pollution, sewage, pollution, spill
    assert s["actor_council"].sum() == 5


def test_the_settings_file_is_read_and_a_parameter_wins(
    topic: Path, codebook: Path, actors: Path, tmp_path: Path
) -> None:
    (topic / "lexicons").mkdir()
    (topic / "lexicons" / "frames.toml").write_text(CODEBOOK, encoding="utf-8")
    (topic / "analysis.toml").write_text(
        '[lexicons]\ncodebook = "lexicons/frames.toml"\n', encoding="utf-8"
    )
    found = resolve_lexicons(topic)
    assert found.codebook == (topic / "lexicons" / "frames.toml").resolve()
    assert found.actors is None  # not named: discovered
    other = tmp_path / "other.toml"
    other.write_text(CODEBOOK.replace("pollution", "dirt"), encoding="utf-8")
    assert resolve_lexicons(topic, codebook=str(other)).codebook == other.resolve()
    lines = "\n".join(lexicon_lines(topic, {"actors": str(actors)}))
    assert f"| codebook | `{topic.name}/lexicons/frames.toml` |" in lines
    assert "| actors | `actors.toml` |" in lines
    assert "| sources | `analysis/data/sources.toml`" in lines


@pytest.mark.parametrize("where", ["../codebook.toml", "ABSOLUTE", "lexicons/../../codebook.toml"])
def test_a_settings_file_naming_a_file_outside_the_corpus_is_refused(
    topic: Path, codebook: Path, where: str
) -> None:
    """A tester's corpus read a codebook elsewhere on the machine through its analysis.toml,
    which a manifest may not do for an article."""
    value = str(codebook) if where == "ABSOLUTE" else where
    (topic / "analysis.toml").write_text(f'[lexicons]\ncodebook = "{value}"\n', encoding="utf-8")
    with pytest.raises(SettingsError, match="codebook names a file outside the corpus folder"):
        resolve_lexicons(topic)


def test_a_bad_settings_file_is_refused_naming_it(topic: Path) -> None:
    (topic / "analysis.toml").write_text('[lexicons]\ncolours = "x.toml"\n', encoding="utf-8")
    with pytest.raises(SettingsError, match="unknown lexicons"):
        resolve_lexicons(topic)


@pytest.mark.parametrize("kind", ["codebook", "actors", "sources", "hedges", "news_terms"])
def test_each_lexicon_is_refused_missing_or_invalid(topic: Path, tmp_path: Path, kind: str):
    with pytest.raises(ParameterError, match=f"{kind} file not found"):
        check_lexicon_files(topic, {kind: str(tmp_path / "missing.toml")})
    bad = tmp_path / ("bad.csv" if kind == "news_terms" else "bad.toml")
    bad.write_text("this is = = not valid\n", encoding="utf-8")
    with pytest.raises(ParameterError) as err:
        check_lexicon_files(topic, {kind: str(bad)})
    assert str(bad) in str(err.value) and "\n" not in str(err.value)


@pytest.mark.parametrize("option", ["codebook", "actors", "sources", "hedges", "news_terms"])
def test_run_refuses_a_bad_lexicon_before_any_notebook(
    topic: Path, tmp_path: Path, monkeypatch, capsys, option: str
) -> None:
    from analysis.pipeline import run as runner

    def no_notebook(*args, **kwargs):  # pragma: no cover - reached only when checks fail
        raise AssertionError("a notebook would have started")

    monkeypatch.setattr(runner, "_run_locked", no_notebook)
    bad = tmp_path / "bad.txt"
    bad.write_text("[[[ not a lexicon\n", encoding="utf-8")
    code = cli_main(
        ["run", "--corpus", str(topic), "-p", option, str(bad), "--out", str(tmp_path / "o")]
    )
    assert code == 2
    assert "bad.txt" in capsys.readouterr().err


def test_the_cache_key_changes_when_a_lexicon_file_changes(topic: Path, actors: Path) -> None:
    lexicons = Lexicons(actors=actors)
    before = cache_key(topic, lexicons=lexicons)
    assert cache_key(topic, lexicons=lexicons) == before
    actors.write_text(ACTORS.replace("Ada Quill", "Ada  Quill"), encoding="utf-8")
    assert cache_key(topic, lexicons=lexicons) != before
    assert cache_key(topic, lexicons=Lexicons()) != before


# --- grouping by a user column, --map ------------------------------------------------------


def test_a_user_column_reaches_documents_and_sentences(topic: Path) -> None:
    corpus = load_corpus(topic, progress=False)
    assert corpus.documents["lean"].tolist() == ["left", "right", "left"]
    assert set(corpus.sentences["lean"]) == {"left", "right"}


def test_group_by_is_checked_against_the_corpus_columns(topic: Path, tmp_path: Path) -> None:
    check_group_column(topic, "lean")
    with pytest.raises(ParameterError) as err:
        check_group_column(topic, "colour")
    assert "'colour'" in str(err.value) and "'lean'" in str(err.value)
    export = tmp_path / "export.csv"
    # two values: a column with one value only compares nothing and is refused
    export.write_text(
        "body,source,bias\nSome text here.,X,left\nOther text.,Y,right\n", encoding="utf-8"
    )
    check_group_column(export, "bias", "text=body,outlet=source")
    with pytest.raises(ParameterError, match="'bias'"):
        check_group_column(export, "lean", "text=body,outlet=source")
    # a column the mapping renamed: said so (a tester's --group-by Source)
    with pytest.raises(ParameterError, match="'source' is read as 'outlet' by --map"):
        check_group_column(export, "source", "text=body,outlet=source")


def test_run_takes_map(monkeypatch, tmp_path: Path) -> None:
    from analysis.commands import run as command

    seen: dict = {}

    def fake_run(checked, **kwargs):
        seen.update(checked)
        raise ParameterError("stop here")

    monkeypatch.setattr(command, "run_pipeline", fake_run)
    export = tmp_path / "export.csv"
    export.write_text("body,source\nSome text here.,X\n", encoding="utf-8")
    args = ["run", "--corpus", str(export), "--map", "text=body,outlet=source"]
    assert cli_main([*args, "--out", str(tmp_path / "o")]) == 2
    assert seen["column_map"] == "text=body,outlet=source"


@pytest.mark.slow
def test_another_topic_runs_end_to_end_with_only_a_codebook(
    topic: Path, codebook: Path, tmp_path: Path
) -> None:
    out = tmp_path / "run"
    args = ["run", "--corpus", str(topic), "-p", "codebook", str(codebook), "--out", str(out)]
    assert cli_main([*args, "--group-by", "lean", "-p", "n_boot", "100", "--no-progress"]) == 0
    frames = pd.read_csv(out / "reports" / "tables" / "frames_by_outlet.csv")
    assert "lean" in frames.columns and set(frames["lean"]) == {"left", "right"}
    assert set(frames["frame"]) == {"pollution"}
    summary = (out / "reports" / "summary.md").read_text(encoding="utf-8")
    assert "| codebook | `codebook.toml` |" in summary
    discovered = "| actors | discovered from the corpus (each group's 8 most frequent capitalised"
    assert discovered in summary
