"""``bench sourcing`` (:mod:`analysis.bench.sourcing`): credits read a sentence at a time and
within each article, on made-up articles in PerSenT's file layout."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from analysis.bench.sourcing import added_sample, compare, counts, main, persent_sentences
from analysis.cli import build_parser

ARTICLE = (
    "Council member Dana Whitfield, who cast the only vote against, called the fines excessive. "
    '"Families should not be fined for watering a garden," Whitfield said. '
    "The council approved the rules on Tuesday."
)


def _persent(folder: Path) -> Path:
    pd.DataFrame(
        {"DOCUMENT_INDEX": ["1", "2"], "DOCUMENT": [ARTICLE, "The port reopened on Monday."]}
    ).to_csv(folder / "dev.csv", index=False)
    return folder


def test_the_follow_up_is_counted_and_sampled(tmp_path: Path) -> None:
    sentences = persent_sentences(_persent(tmp_path))
    alone, within = compare(sentences)
    result = counts(alone, within)
    assert result["alone"]["politicians"] == 0
    assert result["within_documents"]["politicians"] == 1
    assert result["within_documents"]["credited"] == result["alone"]["credited"] + 1
    sheet = added_sample(sentences, alone, within, n=5, seed=0)
    assert len(sheet) == 1 and sheet.loc[0, "added"] == "politicians"
    assert sheet.loc[0, "sentence"].endswith("Whitfield said.")
    assert sheet.loc[0, "before"].startswith("[- ] Council member Dana Whitfield")


def test_the_command_prints_writes_and_refuses_a_folder_without_csv(tmp_path, capsys) -> None:
    (tmp_path / "persent").mkdir()
    folder = _persent(tmp_path / "persent")
    out, sheet = tmp_path / "counts.json", tmp_path / "sheet.csv"
    argv = ["bench", "sourcing", "--data", str(folder), "--json", str(out), "--sheet", str(sheet)]
    assert main(build_parser(argv).parse_args(argv)) == 0
    assert "politicians" in capsys.readouterr().out
    assert json.loads(out.read_text())["within_documents"]["politicians"] == 1
    assert len(pd.read_csv(sheet)) == 1
    empty = tmp_path / "empty"
    empty.mkdir()
    argv = ["bench", "sourcing", "--data", str(empty)]
    assert main(build_parser(argv).parse_args(argv)) == 2
    assert "no CSV file" in capsys.readouterr().err
