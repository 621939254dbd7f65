"""The scaling the per-document work itself gets from more cores, with nothing serial around it.

``bench throughput`` times runs as ``process`` makes them: one process reads the corpus, hands
chunks to its workers, computes some itself, and flags and writes every result in order. Those
serial parts bound the scaling at a few chunks per process (Amdahl). This module measures the
bound set by the machine and the work alone (``bench throughput --compute-only N``): each chunk
of the corpus is read into memory first, then the chunks are computed

* by one fresh interpreter, all of them;
* by ``jobs`` fresh interpreters at the same time, interpreter ``k`` the chunks ``k``,
  ``k + jobs``, … (how the engine shares four chunks between two processes),

each set up as a run is (lexicons checked, the work warmed up:
:func:`analysis.bench.throughput.prepared_chunk_function`) and started together at a barrier.
The clock runs from the barrier to the last interpreter's end; each chunk is computed as a run
computes it (with the per-document half of the quality flags unless ``--no-quality``, the
cyclic garbage collector paused). What it leaves out, reading, handing results over, flagging
in order and writing, is what ``process`` adds to it.

Each round also times the CPU of each interpreter's chunks, and computes the ``jobs`` shares a
third time, one interpreter after the other, so that none runs beside another. The round's
CPU ratio (``jobs`` at once over one) is then the product of two parts:

* ``split``: the shares' CPU one after the other over one interpreter's: what the work costs
  more for being cut between processes, each filling its own per-process memos and caches
  (nothing runs beside it, so the machine's other load and the shared L3 cache play no part
  beyond the noise of any timing);
* ``at_once``: the shares' CPU at once over one after the other: what running beside each
  other costs (the shared memory and L3 cache, and other load on the machine meanwhile).

With the busy shares (CPU over processes × wall time) of the ``jobs`` interpreters (under 1
by the imbalance between the shares, as the clock waits for the last) and of the one (about
1), the round's scaling is exactly ``jobs × busy share (jobs) ÷ busy share (one) ÷ CPU
ratio``.
"""

from __future__ import annotations

import argparse
import functools
import statistics
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any


def _compute_share(
    corpus: Path, args: argparse.Namespace, share: tuple[int, int], barrier: Any
) -> tuple[float, float, int, float]:
    """In a fresh interpreter: the chunks ``share[0]::share[1]`` of ``corpus`` computed after
    ``barrier``; returns the start and end (``time.time()``, comparable across processes), the
    chunks computed and the CPU seconds they took (this interpreter's, all threads)."""
    from analysis.bench.throughput import prepared_chunk_function
    from analysis.corpus.files import read_chunks
    from analysis.measure.document_quality import checked_chunk
    from analysis.measure.engine import call_without_gc

    fn, _ = prepared_chunk_function(quality=not args.no_quality)
    work = fn if args.no_quality else functools.partial(checked_chunk, fn=fn)
    chunks, _ = read_chunks(corpus, args.column_map, args.chunk_size)
    mine = list(chunks)[share[0] :: share[1]]
    barrier.wait()
    cpu_started = time.process_time()
    started = time.time()
    for chunk in mine:
        call_without_gc(work, chunk)
    ended = time.time()
    return started, ended, len(mine), time.process_time() - cpu_started


@dataclass(frozen=True)
class Timing:
    """One measurement of :func:`_timed`: seconds from the barrier to the last interpreter's
    end (for shares one after the other, the sum of each one's), and the CPU seconds of all
    the interpreters' chunks."""

    seconds: float
    cpu_seconds: float


def _timed(
    corpus: Path, args: argparse.Namespace, processes: int, manager: Any, at_once: bool = True
) -> Timing:
    """The chunks shared among ``processes`` interpreters (chunk k by interpreter k mod
    ``processes``), all started at once at a barrier, or (``at_once=False``) each alone, one
    after the other."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from analysis.bench.throughput import reading_options

    picklable = reading_options(args, "no_quality")
    context = multiprocessing.get_context("spawn")
    groups = [list(range(processes))] if at_once else [[k] for k in range(processes)]
    seconds = cpu = 0.0
    for group in groups:
        barrier = manager.Barrier(len(group))
        with ProcessPoolExecutor(max_workers=len(group), mp_context=context) as executor:
            futures = [
                executor.submit(_compute_share, corpus, picklable, (k, processes), barrier)
                for k in group
            ]
            spans = [future.result() for future in futures]
        seconds += max(span[1] for span in spans) - min(span[0] for span in spans)
        cpu += sum(span[3] for span in spans)
    return Timing(seconds, cpu)


def _round_parts(one: Timing, every: Timing, apart: Timing, jobs: int) -> dict[str, float]:
    """A round's timings and its split: the scaling, the CPU ratio and its two parts
    (``split``, ``at_once``; see the module's docstring) and each side's busy share."""
    return {
        "one": round(one.seconds, 3),
        "all": round(every.seconds, 3),
        "one_cpu": round(one.cpu_seconds, 3),
        "all_cpu": round(every.cpu_seconds, 3),
        "apart_cpu": round(apart.cpu_seconds, 3),
        "scaling": round(one.seconds / every.seconds, 3),
        "cpu_ratio": round(every.cpu_seconds / one.cpu_seconds, 4),
        "split": round(apart.cpu_seconds / one.cpu_seconds, 4),
        "at_once": round(every.cpu_seconds / apart.cpu_seconds, 4),
        "busy_one": round(one.cpu_seconds / one.seconds, 3),
        "busy_all": round(every.cpu_seconds / (jobs * every.seconds), 3),
    }


def compute_scaling(corpus: Path, args: argparse.Namespace, jobs: int) -> dict[str, Any]:
    """``args.compute_only`` rounds of one interpreter against ``jobs`` at once, and the
    ``jobs`` shares one after the other (each round all three, in that order); each round's
    scaling and its parts (:func:`_round_parts`), and the medians over the rounds."""
    import multiprocessing

    rounds = []
    with multiprocessing.get_context("spawn").Manager() as manager:
        for _ in range(args.compute_only):
            one = _timed(corpus, args, 1, manager)
            every = _timed(corpus, args, jobs, manager)
            apart = _timed(corpus, args, jobs, manager, at_once=False)
            rounds.append(_round_parts(one, every, apart, jobs))
    medians = {
        f"median_{name}": round(statistics.median(r[name] for r in rounds), 4)
        for name in ("scaling", "cpu_ratio", "split", "at_once", "busy_all")
    }
    return {
        "jobs": jobs,
        "rounds": rounds,
        "scaling": [r["scaling"] for r in rounds],
        **medians,
    }


def scaling_line(result: dict[str, Any]) -> str:
    """Lines for the terminal: the rounds' timings and scaling, then the medians of its parts."""
    pairs = ", ".join(f"{r['one']} s / {r['all']} s" for r in result["rounds"])
    return (
        f"compute only ({result['jobs']} processes at once vs one; no reading, hand-over, "
        f"flagging or writing): {pairs} -> scaling {result['scaling']}, "
        f"median {result['median_scaling']}\n"
        f"  its parts (medians): busy share {result['median_busy_all']:.3f}; CPU "
        f"{result['median_cpu_ratio']:.3f}× one process's = cut between processes "
        f"{result['median_split']:.3f}× (each alone, one after the other) × run at once "
        f"{result['median_at_once']:.3f}×"
    )
