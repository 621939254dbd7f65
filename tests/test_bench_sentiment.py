"""analysis.bench.sentiment on tiny files written in the real formats."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from analysis.bench import sentiment as bench
from analysis.cli import main as cli_main

NYT_ROWS = [
    ("1_1", "2.9", "The rescue was a wonderful, generous act."),
    ("1_2", "-3.1", "The policy is a cruel and disastrous failure."),
    ("1_3", "0.1", "The committee meets on Tuesday."),
    ("2_1", "-0.3", "National security rules apply at the port."),
    ("2_2", "1.6", "Voters were happy with the outcome."),
    ("2_3", "-2.5", '"It was a disaster," the mayor said.'),
]
MTSC_LINES = [
    {
        "primary_gid": "x1",
        "sentence_normalized": "Officials praised Mayor Lund, but critics attacked the awful plan.",
        "targets": [{"Input.gid": "x1", "from": 24, "to": 28, "mention": "Lund", "polarity": 6.0}],
    },
    {
        "primary_gid": "x2",
        "sentence_normalized": "The senator blamed Governor Berg for the terrible delays.",
        "targets": [
            {"Input.gid": "x2", "from": 28, "to": 32, "mention": "Berg", "polarity": 2.0},
            {"Input.gid": "x2b", "from": 4, "to": 11, "mention": "senator", "polarity": 4.0},
        ],
    },
]


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    nyt = tmp_path / "vader_hutto2014"
    nyt.mkdir()
    body = "\r\n".join("\t".join(row) for row in NYT_ROWS) + "\r\n"
    (nyt / "nytEditorialSnippets_GroundTruth.txt").write_bytes(body.encode("utf-8"))
    mtsc = tmp_path / "newsmtsc"
    mtsc.mkdir()
    lines = "\n".join(json.dumps(obj) for obj in MTSC_LINES) + "\n"
    (mtsc / "devtest_rw.jsonl").write_text(lines, encoding="utf-8")
    return tmp_path


def test_readers(data_dir: Path):
    nyt = bench.read_vader_ground_truth(data_dir / bench.NYT_FILE)
    assert nyt["id"].tolist() == [r[0] for r in NYT_ROWS]
    assert nyt["text"].iloc[0] == NYT_ROWS[0][2]  # no trailing \r
    mtsc = bench.read_newsmtsc(data_dir / "newsmtsc" / "devtest_rw.jsonl")
    assert mtsc["gold"].tolist() == [1, -1, 0]
    assert mtsc["mention"].tolist() == ["Lund", "Berg", "senator"]


def test_macro_f1_and_pearson():
    gold = np.array([1, 1, 0, -1])
    assert bench.macro_f1(gold, gold) == 1.0
    # class 1: tp=1 fp=0 fn=1 -> 2/3; class 0: tp=1 fp=1 fn=0 -> 2/3; class -1: 1
    assert bench.macro_f1(gold, np.array([1, 0, 0, -1])) == pytest.approx((2 / 3 + 2 / 3 + 1) / 3)
    assert bench.pearson_r([1, 2, 3], [2, 4, 6]) == pytest.approx(1.0)
    assert np.isnan(bench.pearson_r([1, 1, 1], [1, 2, 3]))
    assert bench.gold_class([0.5, 0.51, -0.6, 0.0], 0.5).tolist() == [0, 1, -1, 0]


def test_clause_and_window():
    sentence = MTSC_LINES[0]["sentence_normalized"]
    assert bench.clause_around(sentence, 24, 28) == "Officials praised Mayor Lund"
    assert bench.window_around(sentence, 24, 28, 1) == "Mayor Lund, but"
    other = "Mayor Lund, but critics"
    assert bench.clause_around(other, 16, 23) == "but critics"


def test_run_and_cli(data_dir: Path, tmp_path: Path, capsys):
    results = bench.run(data_dir, window=3)
    nyt = results[(results["dataset"] == "nyt_editorials") & (results["subset"] == "all")]
    assert set(nyt["method"]) == {"vader", "vader-news", bench.NLTK_TOKENS}
    assert (nyt["n"] == len(NYT_ROWS)).all()
    # NLTK's tokens miss "disaster" beside its comma and quotation mark: one snippet differs
    nltk_row = nyt[(nyt["method"] == bench.NLTK_TOKENS)].iloc[0]
    assert nltk_row["note"].endswith("vader differs on 1")
    vader_row = nyt[(nyt["method"] == "vader")].iloc[0]
    assert vader_row["pearson_r"] > nltk_row["pearson_r"]
    subset = results[results["subset"] == "with domain term"]
    assert (subset["n"] == 1).all()
    mtsc = results[results["dataset"] == "newsmtsc_rw"]
    assert set(mtsc["approach"]) == {"sentence", "clause", "window ±3"}
    assert set(mtsc[mtsc["method"] == bench.NLTK_TOKENS]["approach"]) == {"sentence"}
    assert (mtsc["n"] == 3).all()
    # the clause around "Lund" is positive; the whole sentence is negative
    clause = mtsc[(mtsc["approach"] == "clause") & (mtsc["method"] == "vader")]["macro_f1"].iloc[0]
    whole = mtsc[(mtsc["approach"] == "sentence") & (mtsc["method"] == "vader")]["macro_f1"].iloc[0]
    assert clause > whole

    out = tmp_path / "out" / "bench.json"
    code = cli_main(["bench", "sentiment", "--data", str(data_dir), "--json", str(out)])
    assert code == 0
    printed = capsys.readouterr().out
    assert "nyt_editorials" in printed and "0.492" in printed
    payload = json.loads(out.read_text(encoding="utf-8"))
    assert len(payload["results"]) == len(results)


def test_missing_data_is_a_clear_error(tmp_path: Path, capsys):
    assert cli_main(["bench", "sentiment", "--data", str(tmp_path)]) == 2
    assert "no benchmark files" in capsys.readouterr().out
