"""``bench throughput --compute-only``: the chunks shared between processes as the engine
shares them, every chunk computed once, and each round's scaling from its own two timings."""

from __future__ import annotations

import threading
from pathlib import Path

import pandas as pd
import pytest
from bench_args import quiet_benchmark, throughput_args

from analysis.bench import scaling


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "c.csv"
    texts = [f"Story {i}. The council said prices may rise on Monday." for i in range(7)]
    pd.DataFrame({"text": texts, "outlet": ["Herald", "Courier"] * 3 + ["Herald"]}).to_csv(path)
    return path


def test_each_share_computes_its_chunks_and_together_every_chunk(corpus: Path) -> None:
    args = throughput_args(corpus, "--chunk-size", "2", "--no-quality")
    barrier = threading.Barrier(1)
    counts = [scaling._compute_share(corpus, args, (k, 3), barrier)[2] for k in range(3)]
    assert counts == [2, 1, 1]  # chunks 0 and 3, 1, 2 of the 4 chunks of 7 rows
    started, ended, _ = scaling._compute_share(corpus, args, (0, 1), barrier)
    assert ended >= started


def test_the_scaling_of_a_round_is_its_own_timings_ratio(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    timings = iter([4.0, 2.0, 3.0, 2.0, 5.0, 2.0])  # one process, then two, for each round
    monkeypatch.setattr(scaling, "_timed", lambda corpus, args, n, manager: next(timings))
    result = scaling.compute_scaling(corpus, throughput_args(corpus, "--compute-only", "3"), 2)
    assert result["scaling"] == [2.0, 1.5, 2.5] and result["median_scaling"] == 2.0
    assert "4.0 s / 2.0 s" in scaling.scaling_line(result)


@pytest.mark.slow
def test_the_benchmark_reports_the_scaling_of_the_work_alone(corpus: Path, tmp_path: Path) -> None:
    options = ("--chunk-size", "2", "--jobs", "2", "--compute-only", "1")
    result = quiet_benchmark(corpus, tmp_path / "w", *options)["compute_only"]
    assert result["jobs"] == 2 and len(result["rounds"]) == 1
    assert result["rounds"][0]["one"] > 0 and result["rounds"][0]["all"] > 0
