"""``bench language`` (:mod:`analysis.bench.language`): the language guess against the language
pages declare, and false alarms on English news, here on made-up pages in the benchmarks'
layouts."""

from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path

import pandas as pd
import pytest

from analysis.bench.language import (
    declared_language,
    english_false_alarms,
    main,
    pages_agreement,
)

ENGLISH = (
    "The council approved the budget on Monday after a long debate, and critics said that the "
    "plan would badly damage public transport in the city for years to come. "
)
GERMAN = (
    "Der Stadtrat hat am Montag den Haushalt nach einer langen Debatte beschlossen, und die "
    "Kritiker sagten, der Plan werde den Nahverkehr in der Stadt schwer beschädigen. "
)


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<!DOCTYPE html><html lang="en-US"><head>', "en"),
        ("<html class='x' LANG='de'>", "de"),
        ("<html lang=pt-BR>", "pt"),
        ("<html><body lang='fr'>", ""),  # only the document's own declaration counts
        ("", ""),
    ],
)
def test_declared_language(html: str, expected: str) -> None:
    assert declared_language(html) == expected


def _pages(folder: Path) -> Path:
    (folder / "html").mkdir(parents=True)
    pages = {
        "a": ('<html lang="en">', ENGLISH * 2),
        "b": ('<html lang="en">', GERMAN * 2),  # declared wrongly: the guess is right
        "c": ("<html>", GERMAN * 2),  # declares nothing
    }
    truth = {}
    for page_id, (head, body) in pages.items():
        page = f"{head}<body><p>{body}</p></body></html>".encode()
        if page_id == "a":
            (folder / "html" / f"{page_id}.html.gz").write_bytes(gzip.compress(page))
        else:
            (folder / "html" / f"{page_id}.html").write_bytes(page)
        truth[page_id] = {"articleBody": body, "url": f"https://example.org/{page_id}"}
    (folder / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    return folder


def test_pages_agreement_counts_guesses_and_lists_each_disagreement(tmp_path: Path) -> None:
    result = pages_agreement(_pages(tmp_path / "pages"))
    assert result["pages"] == 3 and result["guesses"] == {"de": 2, "en": 1}
    assert result["declaring"] == 2 and result["agreeing"] == 1
    [row] = result["disagreements"]
    assert (row["id"], row["declared"], row["guessed"]) == ("b", "en", "de")
    assert row["opening"].startswith("Der Stadtrat")


def test_english_false_alarms_lists_articles_guessed_as_another_language(tmp_path: Path) -> None:
    pd.DataFrame(
        {"DOCUMENT_INDEX": ["1", "2", "3"], "DOCUMENT": [ENGLISH * 2, GERMAN * 2, "Too short."]}
    ).to_csv(tmp_path / "dev.csv", index=False)
    result = english_false_alarms(tmp_path)
    assert result["articles"] == 3
    assert result["guesses"] == {"(too short)": 1, "de": 1, "en": 1}
    assert [(a["id"], a["guessed"]) for a in result["false_alarms"]] == [("2", "de")]


def test_main_prints_both_and_refuses_a_wrong_folder(tmp_path: Path, capsys) -> None:
    pages = _pages(tmp_path / "pages")
    persent = tmp_path / "persent"
    persent.mkdir()
    pd.DataFrame({"DOCUMENT_INDEX": ["1"], "DOCUMENT": [ENGLISH * 2]}).to_csv(
        persent / "dev.csv", index=False
    )
    out = tmp_path / "language.json"
    assert main(argparse.Namespace(pages=pages, persent=persent, json=out)) == 0
    printed = capsys.readouterr().out
    assert "declaring a language (<html lang>): 2; the guess agrees on 1" in printed
    assert "declared en, guessed de: https://example.org/b" in printed
    assert "not English (false alarms): 0" in printed
    assert json.loads(out.read_text())["persent"]["articles"] == 1
    assert main(argparse.Namespace(pages=persent, persent=None, json=None)) == 2
    assert main(argparse.Namespace(pages=None, persent=pages, json=None)) == 2
    assert main(argparse.Namespace(pages=None, persent=None, json=None)) == 2
