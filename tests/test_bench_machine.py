"""``floor_on_processes`` and ``machine_warning``: what the machine itself gives on N cores."""

from __future__ import annotations

import pytest

from analysis.bench.machine import (
    floor_on_processes,
    machine_line,
    machine_summary,
    machine_warning,
)

SENTENCES = [
    "The council approved the budget on Tuesday.",
    "Critics warned that the costs could rise sharply.",
    "It is a great success, the mayor said.",
    "Shares fell after the announcement.",
    "Nobody expected the delay.",
]


def test_every_sentence_is_scored_once_across_the_processes() -> None:
    sentences = SENTENCES * 300  # long enough to be timed in hundredths of a second
    floor = floor_on_processes(sentences, 2)
    assert floor["processes"] == 2 and floor["sentences"] == len(sentences)
    assert len(floor["process_seconds"]) == 2
    # the span runs from the first start to the last end, so it covers every process's own time
    assert floor["seconds"] >= max(floor["process_seconds"]) - 0.01
    # the rate is of the unrounded span, which lies within half a hundredth of "seconds"
    span = floor["seconds"]
    assert span > 0.005
    low, high = len(sentences) / (span + 0.005), len(sentences) / (span - 0.005)
    assert low - 0.05 <= floor["sentences_per_s"] <= high + 0.05


def test_a_failing_process_is_reported_not_waited_for() -> None:
    with pytest.raises(RuntimeError, match="failed: AttributeError"):
        floor_on_processes([*SENTENCES, None], 2)  # type: ignore[list-item]


def test_processes_must_be_positive() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        floor_on_processes(SENTENCES, 0)


def test_no_warning_when_the_machine_reaches_the_target() -> None:
    assert machine_warning(1.95, 1.85, 2) is None
    assert machine_warning(1.85, 1.85, 2) is None
    assert machine_warning(None, 1.85, 2) is None


def test_a_warning_names_the_machine_s_scaling_and_the_target() -> None:
    warning = machine_warning(1.5, 1.85, 2)
    assert warning is not None and warning.startswith("warning: the machine itself")
    assert "1.50×" in warning and "2 processes" in warning and "1.85×" in warning


def test_machine_summary_summarises_the_rounds_and_the_work_s_share() -> None:
    rounds = [
        {"machine_scaling": 1.9, "all_cores_vs_one_core": 1.71},
        {"machine_scaling": 1.5, "all_cores_vs_one_core": 1.5},
        {"machine_scaling": 2.0, "all_cores_vs_one_core": None},
    ]
    summary = machine_summary(rounds)
    assert summary is not None
    assert summary["median"] == 1.9 and summary["range"] == [1.5, 2.0]
    assert summary["share"] == [0.9, 1.0] and summary["share_median"] == 0.95
    assert machine_summary([{"all_cores_vs_one_core": 1.8}]) is None


def test_the_line_gives_the_median_the_range_and_the_work_s_share() -> None:
    summary = {"median": 1.9, "range": [1.5, 2.0], "share": [0.9, 1.0], "share_median": 0.95}
    line = machine_line(summary, 2)
    assert "2 processes" in line and "median 1.9×" in line and "1.5–2.0×" in line
    assert line.endswith("the work's scaling was 95% of it (median)")
    assert "work's scaling" not in machine_line({**summary, "share_median": None}, 2)
