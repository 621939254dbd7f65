"""``bench throughput --serial``: the command's own steps timed over the whole corpus, on the
chunks and results a run would have."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from bench_args import quiet_benchmark, throughput_args

from analysis.bench import serial


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "c.csv"
    story = "The council said grain prices may rise on Monday, and traders were wary of it."
    texts = [f"Story {i}. {story} It met again on day {i}." for i in range(6)] + [story * 3] * 3
    outlets = ["Herald", "Courier", "Gazette"] * 3
    pd.DataFrame({"text": texts, "outlet": outlets}).to_csv(path, index=False)
    return path


def test_each_step_runs_over_every_chunk_and_the_copies_are_found(corpus: Path) -> None:
    result = serial._serial_steps(corpus, throughput_args(corpus, "--chunk-size", "4"), repeat=2)
    assert (result["chunks"], result["docs"]) == (3, 9)
    assert result["copies"] == 2  # the story three times over: the second and third copies
    assert result["rows_written"]["documents"] == 9
    assert set(result["cpu_seconds"]) == set(serial.STEPS)
    assert all(seconds > 0 for seconds in result["cpu_seconds"].values())
    assert "3 chunks, 9 documents, 2 near-copies" in serial.serial_line(result)


def test_the_best_pass_is_the_least_cpu() -> None:
    spent = iter([0.0, 0.5, 0.5, 0.7, 0.7, 0.8])  # process_time before and after each call
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(serial.time, "process_time", lambda: next(spent))
        assert serial._best_cpu(lambda: None, 3) == pytest.approx(0.1)


@pytest.mark.slow
def test_the_benchmark_reports_the_steps_from_a_fresh_interpreter(
    corpus: Path, tmp_path: Path
) -> None:
    options = ("--chunk-size", "4", "--skip-one-core", "--serial", "1")
    result = quiet_benchmark(corpus, tmp_path / "w", *options)["serial"]
    assert result["repeat"] == 1 and result["docs"] == 9
