"""The coding sample marks the items of documents not in English (kept, not dropped): the sheet
has a `language` column and the guide says the automatic coders read English only."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis.cli import main
from analysis.framing.codebook import load_codebook
from analysis.validation.sample import coding_guide, draw_sample
from analysis.validation.sheets import read_sheet


def _table(languages: list[str]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "doc_id": [f"d{i}" for i in range(len(languages))],
            "sentence_id": 0,
            "outlet": "Post",
            "language": languages,
            "sentence": [f"sentence {i}" for i in range(len(languages))],
        }
    )


def test_items_not_in_english_are_kept_and_marked() -> None:
    languages = ["English", "German", "", "es", "en-GB", "German"]
    sheet = draw_sample(_table(languages), 6, seed=1, frame_keys=["war"])
    assert len(sheet) == 6  # none dropped
    assert list(sheet.columns)[:6] == [
        "item_id", "doc_id", "sentence_id", "outlet", "language", "sentence"
    ]  # fmt: skip
    marked = dict(zip(sheet["doc_id"], sheet["language"], strict=True))
    assert marked == {"d0": "", "d1": "German", "d2": "", "d3": "es", "d4": "", "d5": "German"}
    guide = coding_guide(sheet=sheet)
    assert "3 sentences of the sheet come from documents in a language other than English" in guide
    assert "German 2, es 1" in guide and "read English only" in guide


def test_an_english_sample_has_no_language_column() -> None:
    sheet = draw_sample(_table(["English", "en", ""]), 3, seed=1)
    assert "language" not in sheet.columns
    assert "other than English" not in coding_guide(sheet=sheet)


def test_code_sample_marks_a_document_in_another_language(make_corpus, tmp_path: Path) -> None:
    folder = make_corpus()
    manifest = pd.read_csv(folder / "manifest.csv", dtype=str)
    manifest["language"] = ["en", "de", "en"]
    manifest.to_csv(folder / "manifest.csv", index=False)
    out = tmp_path / "sheet.csv"
    args = ["code-sample", "--corpus", str(folder), "--n", "3", "--unit", "article"]
    assert main([*args, "--out", str(out)]) == 0
    sheet = pd.read_csv(out, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert sheet.set_index("doc_id")["language"].to_dict() == {"a1": "", "b1": "de", "c1": ""}
    guide = (tmp_path / "sheet.guide.md").read_text(encoding="utf-8")
    assert "1 article of the sheet comes from documents in a language other than English" in guide
    # the marked sheet, once coded, reads as any other: language is not a code
    keys = load_codebook().keys
    assert "language" not in read_sheet(out, keys).columns


def test_the_guide_gives_definitions_only_unless_asked_for_the_indicators(tmp_path) -> None:
    """A tester's guide listed each frame's indicator words and sentences the codebook flagged:
    coders so led code what the codebook codes, and its agreement is flattered."""
    book = tmp_path / "book.toml"
    book.write_text(
        '[[frames]]\nkey = "war"\nlabel = "War"\ndefinition = "Armed conflict."\n'
        'indicators = ["troops"]\n\n[[frames]]\nkey = "money"\nlabel = "Money"\n'
        'indicators = ["prices"]\n',
        encoding="utf-8",
    )
    blind = coding_guide(str(book))
    assert "Armed conflict." in blind and "troops" not in blind
    assert "Indicator words" not in blind and "left out on purpose" in blind
    assert "No definition in the codebook" in blind  # "money" has a label only
    shown = coding_guide(str(book), show_indicators=True)
    assert "Indicator words (each also matches its endings unless marked): troops" in shown


def test_the_guide_gives_indicators_in_words_and_says_what_to_read(tmp_path) -> None:
    # a tester's guide printed "=nra" and "=2a" raw, and said neither whether headlines are
    # coded (the summary's Methods says they are not analysed) nor whether the sentences
    # around an item may be read
    book = tmp_path / "book.toml"
    book.write_text(
        '[[frames]]\nkey = "guns"\nlabel = "Guns"\ndefinition = "Gun rights."\n'
        'indicators = ["gun owner", "=nra", "dominan*"]\n',
        encoding="utf-8",
    )
    shown = coding_guide(str(book), show_indicators=True, titles=(30, 30))
    assert "gun owner, nra (this word only), dominan… (any word beginning so)" in shown
    assert "=nra" not in shown
    assert "Headlines are not coded" in shown
    assert "without reading the sentences around it" in shown
    untitled = coding_guide(str(book), titles=(0, 30))
    assert "a headline at the top of an article's text is its first sentence" in untitled
    assert "Headlines: 12 of the 30 articles have a title" in coding_guide(
        str(book), titles=(12, 30)
    )
    assert "sentences around it" not in coding_guide(str(book), unit="article")
