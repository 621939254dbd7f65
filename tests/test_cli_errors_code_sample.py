"""`code-sample`: options named in its errors, --out a file path, and the frames of the corpus
folder's analysis.toml on the sheet, as `corpus`, `process` and `run` use them."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from cli_errors import one_error_line

from analysis.cli import main

POLLUTION = """\
[[frames]]
key = "pollution"
label = "Pollution"
type = "issue"
definition = "Presents the river as polluted: sewage, spills, plastic."
indicators = ["pollution", "sewage", "spill", "tariff*"]
exclusions = []
"""


def _sample(corpus: Path, out: Path, *options: str) -> int:
    return main(["code-sample", "--corpus", str(corpus), "--out", str(out), *options])


@pytest.fixture
def topic_corpus(make_corpus) -> Path:
    """A corpus folder whose analysis.toml names a codebook of one issue frame."""
    folder = make_corpus()
    (folder / "lexicons").mkdir()
    (folder / "lexicons" / "pollution.toml").write_text(POLLUTION, encoding="utf-8")
    (folder / "analysis.toml").write_text(
        '[lexicons]\ncodebook = "lexicons/pollution.toml"\n', encoding="utf-8"
    )
    return folder


def _columns(sheet: Path) -> list[str]:
    return list(pd.read_csv(sheet, encoding="utf-8-sig").columns)


def test_the_sheet_has_the_frames_of_the_corpus_s_analysis_toml(
    topic_corpus: Path, tmp_path: Path
) -> None:
    sheet = tmp_path / "sheet.csv"
    assert _sample(topic_corpus, sheet, "--n", "3") == 0
    assert _columns(sheet)[5:] == ["pollution", "tone"]
    guide = (tmp_path / "sheet.guide.md").read_text(encoding="utf-8")
    assert "Pollution" in guide and "conflict" not in guide.lower()


def test_an_explicit_codebook_still_wins_over_analysis_toml(
    topic_corpus: Path, tmp_path: Path
) -> None:
    from analysis.config import DATA_DIR

    sheet = tmp_path / "sheet.csv"
    assert (
        _sample(topic_corpus, sheet, "--n", "3", "--codebook", str(DATA_DIR / "frames.toml")) == 0
    )
    assert "conflict" in _columns(sheet) and "pollution" not in _columns(sheet)


def test_a_bad_analysis_toml_is_one_error_line(
    make_corpus, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = make_corpus()
    (folder / "analysis.toml").write_text('[lexicons]\ncodebook = "nope.toml"\n', encoding="utf-8")
    assert _sample(folder, tmp_path / "s.csv", "--n", "1") == 2
    assert "nope.toml" in one_error_line(capsys.readouterr().err)


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_an_out_that_is_a_folder_is_refused_as_such(
    force: list[str], make_corpus, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "sheets"
    folder.mkdir()
    assert _sample(make_corpus(), folder, "--n", "1", *force) == 2
    line = one_error_line(capsys.readouterr().err)
    assert "is a folder; --out must be a file path" in line
    assert "coded sheet" not in line
    assert list(folder.iterdir()) == []


def test_atomic_path_refuses_a_folder_before_writing(tmp_path: Path) -> None:
    from analysis.io import write_text

    with pytest.raises(IsADirectoryError):
        write_text("x", tmp_path)
    assert list(tmp_path.iterdir()) == []  # no temporary file left


@pytest.mark.parametrize(
    ("options", "said"),
    [
        (["--seed", "-1"], "--seed must be 0 or more, got -1"),
        (["--n", "0"], "--n must be at least 1, got 0"),
        (["--examples", "-2"], "--examples must be 0 or more, got -2"),
    ],
)
def test_bad_numbers_name_their_option(
    options: list[str], said: str, make_corpus, tmp_path: Path, capsys
) -> None:
    assert _sample(make_corpus(), tmp_path / "s.csv", *options) == 2
    assert said in one_error_line(capsys.readouterr().err)


def test_too_large_an_n_speaks_of_n_and_what_is_available(
    make_corpus, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = make_corpus()
    assert _sample(corpus, tmp_path / "s.csv", "--n", "200") == 2
    line = one_error_line(capsys.readouterr().err)
    assert line.startswith("error: --n 200: the corpus has only ") and "draw_sample" not in line
    assert "give --n" in line
    assert _sample(corpus, tmp_path / "s.csv", "--unit", "article", "--n", "4") == 2
    assert "only 3 article(s)" in one_error_line(capsys.readouterr().err)


@pytest.mark.parametrize("unit", ["sentence", "article"])
def test_without_n_a_small_corpus_is_drawn_whole_and_said_so(
    unit: str, make_corpus, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # the summary's validation command gives no --n; the bundled corpus has 173 sentences, and
    # the default of 200 refused it
    from analysis.loading import load_corpus

    corpus = make_corpus()
    loaded = load_corpus(corpus, progress=False)
    expected = len(loaded.sentences) if unit == "sentence" else len(loaded.documents)
    sheet = tmp_path / "s.csv"
    options = ["--unit", unit, "--stratify", "outlet"]
    assert _sample(corpus, sheet, *options) == 0
    drawn = pd.read_csv(sheet, encoding="utf-8-sig")
    assert len(drawn) == expected
    assert drawn["item_id"].is_unique
    err = capsys.readouterr().err
    assert f"has {expected} {unit}(s) with text, fewer than the default 200" in err
    assert "error" not in err


def test_an_unknown_stratify_column_lists_the_columns(
    make_corpus, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _sample(make_corpus(), tmp_path / "s.csv", "--n", "2", "--stratify", "nosuch") == 2
    line = one_error_line(capsys.readouterr().err)
    assert line.startswith("error: --stratify nosuch: no such column")
    assert "outlet" in line and "['nosuch']" not in line and '"' not in line


@pytest.mark.parametrize("name", ["sheet.xlsx", "sheet.ods", "sheet.txt", "sheet"])
def test_an_out_that_is_not_a_csv_file_is_refused(
    make_corpus, tmp_path: Path, capsys, name: str
) -> None:
    """The sheet is CSV text: written as sheet.xlsx, no spreadsheet program could open it."""
    out = tmp_path / name
    assert _sample(make_corpus(), out, "--n", "3") == 2
    line = one_error_line(capsys.readouterr().err)
    assert line.startswith(f"error: --out {out}: ") and "must end in .csv" in line
    assert not out.exists() and list(tmp_path.glob("sheet*")) == []


def test_sourcing_adds_its_columns_after_tone_and_a_guide_section(
    make_corpus, tmp_path: Path
) -> None:
    from analysis.validation.sourcing_codes import sourcing_columns

    sheet = tmp_path / "sheet.csv"
    assert _sample(make_corpus(), sheet, "--n", "3", "--sourcing") == 0
    columns = _columns(sheet)
    assert columns[columns.index("tone") + 1 :] == sourcing_columns()
    guide = (tmp_path / "sheet.guide.md").read_text(encoding="utf-8")
    assert "## Sourcing" in guide and "`source_government_officials`" in guide
    plain = tmp_path / "plain.csv"
    assert _sample(make_corpus(), plain, "--n", "3") == 0
    assert "attributed" not in _columns(plain)


def test_sourcing_lists_the_kinds_of_the_lexicon_given(make_corpus, tmp_path: Path) -> None:
    lexicon = tmp_path / "rangers.toml"
    lexicon.write_text(
        '[attribution_verbs]\nsay = ["said"]\n\n[sources.rangers]\nlabel = "Park rangers"\n'
        'terms = ["rangers"]\n',
        encoding="utf-8",
    )
    sheet = tmp_path / "sheet.csv"
    assert _sample(make_corpus(), sheet, "--n", "2", "--sourcing", "--sources", str(lexicon)) == 0
    assert _columns(sheet)[-2:] == ["attributed", "source_rangers"]
    assert "Park rangers" in (tmp_path / "sheet.guide.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("options", "named"),
    [
        (["--sourcing", "--unit", "article"], "--unit article"),
        (["--sources", "x.toml"], "give --sourcing too"),
    ],
)
def test_sourcing_options_that_do_not_fit_are_refused_before_reading(
    make_corpus, tmp_path: Path, capsys, options: list[str], named: str
) -> None:
    sheet = tmp_path / "sheet.csv"
    assert _sample(make_corpus(), sheet, "--n", "2", *options) == 2
    assert named in one_error_line(capsys.readouterr().err)
    assert not sheet.exists()
