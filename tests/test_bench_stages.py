"""Stage lines of a long benchmark: on stderr, with the elapsed time, tables alone on stdout."""

from __future__ import annotations

import argparse
import io
import json
from pathlib import Path

import pandas as pd

from analysis.bench import tone
from analysis.bench.stages import StageLog


def test_a_stage_line_names_the_benchmark_and_the_time_since_it_began() -> None:
    ticks = iter([100.0, 100.0 + 75.4])
    stream = io.StringIO()
    log = StageLog("tone", stream=stream, clock=lambda: next(ticks))
    log("PerSenT: scoring fixed_test.csv")
    assert stream.getvalue() == "[bench tone 1:15] PerSenT: scoring fixed_test.csv\n"


def _tiny_benchmarks(folder: Path) -> None:
    good, bad = "Profits rose and everyone was delighted", "The attack killed many and failed"
    flat = "The meeting is on Tuesday in the hall"
    lines = [
        {"sentence_normalized": f"{text} {i}", "targets": [{"polarity": polarity}]}
        for i in range(8)
        for text, polarity in ((good, 6.0), (bad, 2.0), (flat, 4.0))
    ]
    (folder / "newsmtsc").mkdir()
    for name in ("train", "devtest_mt", "devtest_rw"):
        body = "\n".join(json.dumps(line) for line in lines)
        (folder / "newsmtsc" / f"{name}.jsonl").write_text(body + "\n", encoding="utf-8")
    (folder / "persent").mkdir()
    rows = [
        (f"{text}. {text} again {i}.", label)
        for i in range(8)
        for text, label in ((good, "Positive"), (bad, "Negative"), (flat, "Neutral"))
    ]
    frame = pd.DataFrame(rows, columns=["DOCUMENT", "TRUE_SENTIMENT"])
    for name in ("dev", "fixed_test", "random_test"):
        frame.to_csv(folder / "persent" / f"{name}.csv", index=False)


def test_bench_tone_says_each_stage_on_stderr_and_prints_only_tables_on_stdout(
    tmp_path: Path, capsys
) -> None:
    _tiny_benchmarks(tmp_path)
    assert tone.main(argparse.Namespace(data=tmp_path, seed=1, json=None)) == 0
    out, err = capsys.readouterr()
    stages = [line for line in err.splitlines() if line.startswith("[bench tone ")]
    assert [line.split("] ", 1)[1] for line in stages] == [
        "NewsMTSC: training the tone coder on train.jsonl (24 sentences)",
        "NewsMTSC: scoring devtest_mt.jsonl (24 sentences)",
        "NewsMTSC: scoring devtest_rw.jsonl (24 sentences)",
        "PerSenT: training the tone coder on dev.csv (24 articles)",
        "PerSenT: fitting vader's thresholds on dev.csv",
        "PerSenT: fitting vader-news's thresholds on dev.csv",
        "PerSenT: scoring fixed_test.csv (24 articles)",
        "PerSenT: scoring random_test.csv (24 articles)",
    ]
    assert out.startswith("| set | method | accuracy | macro-F1 | n |")
    assert "[bench" not in out
