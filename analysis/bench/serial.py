"""The command's own steps in a run, timed one by one: what bounds the scaling on more cores.

In a run of ``process`` on several processes, one process reads every chunk, adds the
near-copies in corpus order and writes every result, beside the chunks it computes; the
workers only compute. Those steps are serial, so the workers wait for them at the end, and a
saving in them shortens a run on several cores more than a run on one. ``bench throughput
--serial N`` times each of them on the benchmark's corpus:

* ``read``: every chunk read from the corpus file (:func:`analysis.corpus.files.read_chunks`);
* ``near_copies``: the near-copy index over every chunk's MinHash signatures, in corpus order
  (:meth:`analysis.corpus.quality.DuplicateFinder.add_batch`);
* ``flag_and_write``: every chunk's result given its near-copies and flags
  (:meth:`analysis.measure.document_quality.QualityFlagger.flag_chunk`, which includes the
  index) and written to Parquet (:class:`analysis.measure.engine.ResultWriter`).

Each is CPU time of one fresh interpreter (``time.process_time``), set up as a run is
(:func:`analysis.bench.throughput.prepared_chunk_function`), best of N passes: the steps'
inputs are made once (the chunks computed as a run computes them), then each step is run N
times. CPU time, not wall time, and the best pass, because these are a few tens of
milliseconds each, which a shared machine moves more than any change to them.
"""

from __future__ import annotations

import argparse
import functools
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

STEPS = ("read", "near_copies", "flag_and_write")


def _best_cpu(step: Callable[[], Any], repeat: int) -> float:
    """The least CPU time (seconds) of ``repeat`` calls of ``step``."""
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        step()
        best = min(best, time.process_time() - started)
    return best


def _serial_steps(corpus: Path, args: argparse.Namespace, repeat: int) -> dict[str, Any]:
    """:func:`serial_costs` in this interpreter (meant to be a fresh one)."""
    from analysis.bench.throughput import prepared_chunk_function
    from analysis.corpus.files import read_chunks
    from analysis.corpus.quality import DuplicateFinder
    from analysis.measure.document_quality import CHECKS_KEY, QualityFlagger, checked_chunk
    from analysis.measure.engine import ResultWriter, call_without_gc, result_tables

    fn, _ = prepared_chunk_function(quality=True)
    work = functools.partial(checked_chunk, fn=fn)

    def read() -> list[Any]:
        return list(read_chunks(corpus, args.column_map, args.chunk_size)[0])

    chunks = read()
    results = [call_without_gc(work, chunk) for chunk in chunks]
    checks = [result[CHECKS_KEY] for result in results]
    copies: list[int] = []

    def near_copies() -> None:
        finder = DuplicateFinder()
        named = [finder.add_batch(c.doc_ids, c.signatures, c.signed, c.samples) for c in checks]
        copies[:] = [sum(bool(name) for name in batch) for batch in named]

    rows: dict[str, int] = {}
    with tempfile.TemporaryDirectory(prefix="bench-serial-") as folder:

        def flag_and_write() -> None:
            flagger = QualityFlagger()
            writer = ResultWriter(Path(folder))
            for result in results:
                writer.write(result_tables(flagger.flag_chunk(dict(result))))
            rows.update(writer.close())

        seconds = {
            "read": _best_cpu(read, repeat),
            "near_copies": _best_cpu(near_copies, repeat),
            "flag_and_write": _best_cpu(flag_and_write, repeat),
        }
    return {
        "repeat": repeat,
        "chunks": len(chunks),
        "docs": sum(len(chunk) for chunk in chunks),
        "copies": sum(copies),
        "rows_written": rows,
        "cpu_seconds": {name: round(value, 4) for name, value in seconds.items()},
    }


def serial_costs(corpus: Path, args: argparse.Namespace) -> dict[str, Any]:
    """The CPU seconds of each of :data:`STEPS` over the whole corpus, best of
    ``args.serial`` passes, in a fresh interpreter (it inherits no cache of this one)."""
    from analysis.bench.throughput import in_fresh_interpreter, reading_options

    picklable = reading_options(args)
    return in_fresh_interpreter(_serial_steps, corpus, picklable, args.serial)


def serial_line(result: dict[str, Any]) -> str:
    """One line for the terminal."""
    cpu = result["cpu_seconds"]
    return (
        f"the command's own steps, CPU best of {result['repeat']} ({result['chunks']} chunks, "
        f"{result['docs']:,} documents, {result['copies']:,} near-copies): read "
        f"{cpu['read']:.3f} s, near-copy index {cpu['near_copies']:.3f} s, flags and Parquet "
        f"{cpu['flag_and_write']:.3f} s (the index included)"
    )
