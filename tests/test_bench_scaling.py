"""``bench throughput --compute-only``: the chunks shared between processes as the engine
shares them, every chunk computed once, each round's scaling from its own two timings, and its
CPU ratio split into the cost of cutting the work between processes and of running them at
once."""

from __future__ import annotations

import threading
from concurrent.futures import Future
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
    started, ended, _, cpu = scaling._compute_share(corpus, args, (0, 1), barrier)
    assert ended >= started and cpu > 0


def test_the_scaling_of_a_round_is_its_own_timings_ratio(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # one process, then two at once, then two one after the other, for each round
    walls = iter([4.0, 2.0, 9.9, 3.0, 2.0, 9.9, 5.0, 2.0, 9.9])
    monkeypatch.setattr(
        scaling,
        "_timed",
        lambda corpus, args, n, manager, at_once=True: scaling.Timing(next(walls), 4.0),
    )
    result = scaling.compute_scaling(corpus, throughput_args(corpus, "--compute-only", "3"), 2)
    assert result["scaling"] == [2.0, 1.5, 2.5] and result["median_scaling"] == 2.0
    assert "4.0 s / 2.0 s" in scaling.scaling_line(result)


def test_a_rounds_cpu_ratio_is_the_cost_of_the_cut_times_the_cost_of_running_at_once() -> None:
    one = scaling.Timing(seconds=4.0, cpu_seconds=4.0)
    every = scaling.Timing(seconds=2.5, cpu_seconds=4.6)  # two processes at once
    apart = scaling.Timing(seconds=4.2, cpu_seconds=4.2)  # the same two, one after the other
    parts = scaling._round_parts(one, every, apart, jobs=2)
    assert parts["cpu_ratio"] == 1.15
    assert parts["split"] == 1.05 and parts["at_once"] == round(4.6 / 4.2, 4)
    assert parts["busy_all"] == 0.92 and parts["busy_one"] == 1.0
    # the identity the module's docstring states: scaling = jobs × busy ÷ busy one ÷ CPU ratio
    identity = 2 * (4.6 / (2 * 2.5)) / (4.0 / 4.0) / (4.6 / 4.0)
    assert parts["scaling"] == round(identity, 3) == 1.6


def test_shares_one_after_the_other_are_timed_alone_and_their_cpu_summed(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    args = throughput_args(corpus, "--chunk-size", "2", "--no-quality")
    groups: list[int] = []  # the parties of each barrier made

    class Manager:
        def Barrier(self, parties: int) -> threading.Barrier:  # named as a Manager names it
            groups.append(parties)
            return threading.Barrier(1)

    def share(corpus: Path, args: object, share: tuple[int, int], barrier: object) -> tuple:
        # share k: starts at 10 k, lasts 1 + k seconds, takes 0.5 + k seconds of CPU
        return (10.0 * share[0], 10.0 * share[0] + 1.0 + share[0], 1, 0.5 + share[0])

    class Executor:  # runs in this process, so the stand-in for _compute_share is used
        def __init__(self, max_workers: int, mp_context: object) -> None:
            pass

        def __enter__(self) -> Executor:
            return self

        def __exit__(self, *exc: object) -> None:
            return None

        def submit(self, fn: object, *a: object) -> Future:
            future: Future = Future()
            future.set_result(share(*a))
            return future

    monkeypatch.setattr("concurrent.futures.ProcessPoolExecutor", Executor)
    apart = scaling._timed(corpus, args, 2, Manager(), at_once=False)
    assert groups == [1, 1]  # each share behind a barrier of its own
    assert apart == scaling.Timing(seconds=1.0 + 2.0, cpu_seconds=0.5 + 1.5)
    together = scaling._timed(corpus, args, 2, Manager())
    assert groups[2:] == [2]
    # at once: from the first start (0) to the last end (12); the CPU of both
    assert together == scaling.Timing(seconds=12.0, cpu_seconds=2.0)


@pytest.mark.slow
def test_the_benchmark_reports_the_scaling_of_the_work_alone(corpus: Path, tmp_path: Path) -> None:
    options = ("--chunk-size", "2", "--jobs", "2", "--compute-only", "1")
    result = quiet_benchmark(corpus, tmp_path / "w", *options)["compute_only"]
    assert result["jobs"] == 2 and len(result["rounds"]) == 1
    first = result["rounds"][0]
    assert first["one"] > 0 and first["all"] > 0
    assert first["one_cpu"] > 0 and first["all_cpu"] > 0 and first["apart_cpu"] > 0
    assert first["cpu_ratio"] == pytest.approx(first["split"] * first["at_once"], rel=1e-3)
