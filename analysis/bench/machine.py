"""What the machine itself gives on several cores: the floor's loop on N processes at once.

The scaling target of ``bench throughput`` (two cores ≥ 1.85× one core) takes for granted
that the machine runs two busy processes each about as fast as it runs one alone. A shared
virtual machine may not: on 2026-12-01, here, two processes of the bare VADER loop started
together ran 1.20–2.36× as fast as one process alone (four pairs a few seconds apart), so on
such a day no code could be judged on that target, and a run's scaling says as much about the
machine as about the work.

So each round of ``bench throughput`` on several cores also times the floor's own loop (NLTK's
VADER over the round's sample of sentences, :func:`analysis.bench.throughput.bare_nltk_vader`)
dealt to N fresh processes that start together at a barrier, right after the one-process
floor: the *machine's scaling* is the N processes' rate (all the sentences, from the first
start to the last end) over the one process's. A loop that shares nothing between processes
and writes nothing is the best case for N cores, so it bounds what the work can reach in the
same minutes: a work scaling of 1.80× where the machine gave 1.95× is the work's, 1.50× where
the machine gave 1.55× is the machine's. The verdicts are unchanged; :func:`machine_warning`
says when the machine's own median is under the target.

Times come from :func:`time.perf_counter`, read in each process; it is the system-wide
monotonic clock on Linux, macOS and Windows, so the processes' starts and ends compare.
"""

from __future__ import annotations

import multiprocessing
import queue
import statistics
import time
from collections.abc import Sequence
from typing import Any

# Longest wait for a process of the parallel floor to start or to finish its part.
_TIMEOUT_SECONDS = 600.0


def _score_part(part: list[str], barrier: Any, results: Any) -> None:
    """In a fresh process: NLTK's VADER over ``part`` once every process is ready; puts
    ``(start, end, sentences)`` (or the error, as text) on ``results``."""
    try:
        from analysis.bench.throughput import bare_nltk_vader

        score = bare_nltk_vader()
        barrier.wait(_TIMEOUT_SECONDS)
        start = time.perf_counter()
        for sentence in part:
            score(sentence)
        results.put((start, time.perf_counter(), len(part)))
    except BaseException as error:  # the parent raises it; the others stop waiting
        barrier.abort()
        results.put(f"{type(error).__name__}: {error}")


def floor_on_processes(sentences: Sequence[str], processes: int) -> dict[str, Any]:
    """The floor's loop over ``sentences`` dealt to ``processes`` fresh processes (every
    ``processes``-th sentence each) that start scoring together: the seconds from the first
    start to the last end, the rate, and each process's own seconds. Raises ``RuntimeError``
    when a process fails (its error) or does not report within ten minutes."""
    if processes < 1:
        raise ValueError(f"processes must be at least 1, got {processes}")
    context = multiprocessing.get_context("spawn")  # nothing inherited, as the runs
    barrier = context.Barrier(processes)
    results = context.Queue()
    parts = [list(sentences[i::processes]) for i in range(processes)]
    children = [
        context.Process(target=_score_part, args=(part, barrier, results), daemon=True)
        for part in parts
    ]
    for child in children:
        child.start()
    reports: list[Any] = []
    try:
        for _ in children:
            reports.append(results.get(timeout=_TIMEOUT_SECONDS))
    except queue.Empty:
        raise RuntimeError("a process of the parallel floor did not report in time") from None
    finally:
        for child in children:
            child.join(timeout=5)
            if child.is_alive():
                child.terminate()
    failed = [report for report in reports if isinstance(report, str)]
    # the cause first: a process's own error, not the others' BrokenBarrierError, which its
    # abort of the barrier raises in them and which may reach the queue before it
    failed.sort(key=lambda report: report.startswith("BrokenBarrierError"))
    if failed:
        raise RuntimeError(f"a process of the parallel floor failed: {failed[0]}")
    seconds = max(end for _, end, _ in reports) - min(start for start, _, _ in reports)
    scored = sum(n for _, _, n in reports)
    return {
        "processes": processes,
        "sentences": scored,
        "seconds": round(seconds, 2),
        "sentences_per_s": round(scored / seconds, 1) if seconds > 0 else None,
        "process_seconds": sorted(round(end - start, 2) for start, end, _ in reports),
    }


def machine_summary(rounds: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The machine's own scaling over the rounds of ``bench throughput`` (each round's
    ``machine_scaling``): its median and range, and the work's scaling as a share of it, round
    by round (``share``: the work's ``all_cores_vs_one_core`` over the machine's, where a round
    has both); ``None`` when no round measured it (one process)."""
    values = [r["machine_scaling"] for r in rounds if r.get("machine_scaling") is not None]
    if not values:
        return None
    shares = [
        round(r["all_cores_vs_one_core"] / r["machine_scaling"], 3)
        for r in rounds
        if r.get("machine_scaling") and r.get("all_cores_vs_one_core") is not None
    ]
    return {
        "median": round(statistics.median(values), 3),
        "range": [min(values), max(values)],
        "share": shares,
        "share_median": round(statistics.median(shares), 3) if shares else None,
    }


def machine_line(summary: dict[str, Any], processes: int) -> str:
    """The bench's line for a :func:`machine_summary`."""
    low, high = summary["range"]
    line = (
        f"the machine's own scaling (the floor's loop on {processes} processes at once against "
        f"one): median {summary['median']}× (rounds {low}–{high}×)"
    )
    if summary["share_median"] is not None:
        line += f"; the work's scaling was {summary['share_median']:.0%} of it (median)"
    return line


def machine_warning(median: float | None, target: float, processes: int) -> str | None:
    """A line saying that the machine's own scaling (the median over the rounds of the floor's
    loop on ``processes`` processes against one) is under the scaling ``target``, a best case
    the work could hardly beat in those minutes; ``None`` when it is not (or unknown)."""
    if median is None or median >= target:
        return None
    return (
        f"warning: the machine itself ran the floor's bare loop only {median:.2f}× as fast on "
        f"{processes} processes as on one (median of the rounds), under the {target}× scaling "
        "target, which the work, sharing and writing more, can only reach less easily: the "
        "scaling verdict above describes the machine in those minutes more than the work."
    )
