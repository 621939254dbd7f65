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
"""

from __future__ import annotations

import argparse
import functools
import statistics
import time
from pathlib import Path
from typing import Any


def _compute_share(
    corpus: Path, args: argparse.Namespace, share: tuple[int, int], barrier: Any
) -> tuple[float, float, int]:
    """In a fresh interpreter: the chunks ``share[0]::share[1]`` of ``corpus`` computed after
    ``barrier``; returns the start and end (``time.time()``, comparable across processes) and
    the chunks computed."""
    from analysis.bench.throughput import prepared_chunk_function
    from analysis.corpus.files import read_chunks
    from analysis.measure.document_quality import checked_chunk
    from analysis.measure.engine import call_without_gc

    fn, _ = prepared_chunk_function(quality=not args.no_quality)
    work = fn if args.no_quality else functools.partial(checked_chunk, fn=fn)
    chunks, _ = read_chunks(corpus, args.column_map, args.chunk_size)
    mine = list(chunks)[share[0] :: share[1]]
    barrier.wait()
    started = time.time()
    for chunk in mine:
        call_without_gc(work, chunk)
    return started, time.time(), len(mine)


def _timed(corpus: Path, args: argparse.Namespace, processes: int, manager: Any) -> float:
    """Seconds from the barrier to the end of the last of ``processes`` interpreters."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from analysis.bench.throughput import reading_options

    picklable = reading_options(args, "no_quality")
    barrier = manager.Barrier(processes)
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=processes, mp_context=context) as executor:
        futures = [
            executor.submit(_compute_share, corpus, picklable, (k, processes), barrier)
            for k in range(processes)
        ]
        spans = [future.result() for future in futures]
    return max(end for _, end, _ in spans) - min(start for start, _, _ in spans)


def compute_scaling(corpus: Path, args: argparse.Namespace, jobs: int) -> dict[str, Any]:
    """``args.compute_only`` rounds of one interpreter against ``jobs`` at once (each round
    both, one after the other); the scaling of each round and their median."""
    import multiprocessing

    rounds = []
    with multiprocessing.get_context("spawn").Manager() as manager:
        for _ in range(args.compute_only):
            one = _timed(corpus, args, 1, manager)
            every = _timed(corpus, args, jobs, manager)
            rounds.append({"one": round(one, 3), "all": round(every, 3)})
    scalings = [r["one"] / r["all"] for r in rounds]
    return {
        "jobs": jobs,
        "rounds": rounds,
        "scaling": [round(s, 3) for s in scalings],
        "median_scaling": round(statistics.median(scalings), 3),
    }


def scaling_line(result: dict[str, Any]) -> str:
    """One line for the terminal."""
    pairs = ", ".join(f"{r['one']} s / {r['all']} s" for r in result["rounds"])
    return (
        f"compute only ({result['jobs']} processes at once vs one; no reading, hand-over, "
        f"flagging or writing): {pairs} -> scaling {result['scaling']}, "
        f"median {result['median_scaling']}"
    )
