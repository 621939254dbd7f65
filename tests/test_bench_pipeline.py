"""``bench pipeline``'s verdicts and its warning on an unsteady machine, with the timings faked
(the real ones run the whole pipeline several times)."""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from analysis.bench import pipeline


def _bench(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, floors: list[float], runs: list[float]
) -> dict[str, object]:
    floor_times: Iterator[float] = iter(floors)
    run_times: Iterator[float] = iter(runs)
    monkeypatch.setattr(pipeline, "time_floor", lambda count, workdir: next(floor_times))
    monkeypatch.setattr(pipeline, "time_pipeline", lambda corpus, notebooks, out: next(run_times))
    out = tmp_path / "bench.json"
    args = argparse.Namespace(repeat=len(floors), json=out, notebooks=None, corpus=None)
    assert pipeline.main(args) == 0
    return json.loads(out.read_text(encoding="utf-8"))


def test_a_steady_machine_gives_the_verdicts_without_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    result = _bench(tmp_path, monkeypatch, [10.0, 10.4], [7.5, 0.2, 7.9, 0.3])
    printed = capsys.readouterr().out
    assert result["ratio"] == 0.75 and result["rerun_ratio"] == 0.02  # fastest of each
    assert "within the 0.8x target" in printed
    assert result["floor_spread"] == 0.04 and result["steady"] is True
    assert "not steady" not in printed


def test_an_unsteady_machine_is_named_beside_the_verdicts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    result = _bench(tmp_path, monkeypatch, [10.0, 15.0], [9.0, 0.2, 13.0, 0.3])
    printed = capsys.readouterr().out
    assert result["ratio"] == 0.9 and "OVER the 0.8x target" in printed  # verdicts unchanged
    assert result["floor_spread"] == 0.5 and result["steady"] is False
    assert "warning: the machine was not steady" in printed and "50%" in printed
