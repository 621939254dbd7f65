"""Running the per-chunk function over a stream of raw-document chunks on local processes.

There is one code base for five articles and for millions: a *chunk function* (by default
:func:`analysis.measure.chunk.process_chunk`) turns a DataFrame of raw documents into result tables,
and an engine only decides where chunks run and where their results go.

- :func:`run_local` maps the chunk function over chunks on ``jobs`` processes, keeping chunk
  order (so the output is identical to ``jobs=1``) and holding only a few chunks in flight, and
  streams each result table into one Parquet file (:class:`ParquetTableWriter`). Memory does not
  grow with the number of documents.
- :func:`collect` does the same in memory and returns the concatenated tables (small corpora,
  notebooks, tests).
- :func:`analysis.measure.dask_engine.run_dask` runs the same function on a Dask cluster and
  writes the same Parquet files, with the writers, summary and helpers of this module.

A chunk function returns a dataclass of DataFrames (like ``ChunkResult``), a ``dict`` of
DataFrames, or one DataFrame (taken as the sentences table). Each table goes to
``<name>.parquet`` (``audit`` to ``cleaning_audit.parquet``), one row group per chunk.
"""

from __future__ import annotations

import atexit
import dataclasses
import functools
import itertools
import multiprocessing
import os
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

ChunkFunction = Callable[[pd.DataFrame], Any]

# Result tables whose file is not simply ``<name>.parquet``.
_FILE_STEMS = {"audit": "cleaning_audit"}
# How many chunks each worker may have queued; bounds memory without starving workers.
_IN_FLIGHT_PER_JOB = 2


class EngineError(RuntimeError):
    """An engine that cannot run as asked (bad option, missing optional dependency)."""


def default_chunk_function() -> ChunkFunction:
    """The full per-document work, :func:`analysis.measure.chunk.process_chunk`."""
    from analysis.measure.chunk import process_chunk

    return process_chunk


def split_chunk(raw_docs: pd.DataFrame, **options: object) -> dict[str, pd.DataFrame]:
    """A light chunk function: sentences and word counts only, no cleaning or measures.

    ``options`` (the full work's lexicons, codebook, ...) are accepted and ignored, so it can
    stand in for :func:`analysis.measure.chunk.process_chunk` anywhere.

    Serves as the engine's own reference (tests, measuring engine overhead). Same shape as
    ``process_chunk``: a ``documents`` and a ``sentences`` table, split exactly as the corpus
    step splits (:func:`analysis.corpus.documents.sentence_table`).
    """
    from analysis.corpus.documents import sentence_counts, sentence_table

    docs = raw_docs[["doc_id", "outlet", "origin", "raw_text"]].rename(columns={"raw_text": "text"})
    sentences = sentence_table(docs)
    documents = docs[["doc_id", "outlet", "origin"]].assign(
        **sentence_counts(docs["doc_id"], sentences)
    )
    return {"documents": documents.reset_index(drop=True), "sentences": sentences}


def result_tables(result: Any) -> dict[str, pd.DataFrame]:
    """The named tables of a chunk function's result (dataclass, mapping or one DataFrame)."""
    if isinstance(result, pd.DataFrame):
        return {"sentences": result}
    if isinstance(result, Mapping):
        tables = dict(result)
    elif dataclasses.is_dataclass(result) and not isinstance(result, type):
        tables = {f.name: getattr(result, f.name) for f in dataclasses.fields(result)}
    else:
        raise EngineError(
            f"a chunk function must return DataFrames (a dataclass or dict of them), "
            f"got {type(result).__name__}"
        )
    return {name: t for name, t in tables.items() if isinstance(t, pd.DataFrame)}


def table_file(name: str) -> str:
    """The Parquet file name of a result table."""
    return f"{_FILE_STEMS.get(name, name)}.parquet"


# --------------------------------------------------------------------------------------------
# Writing


def arrow_table(frame: pd.DataFrame) -> pa.Table:
    """``frame`` as an Arrow table, without its index (how every engine stores a table)."""
    return pa.Table.from_pandas(frame, preserve_index=False)


def _fix_null_types(schema: pa.Schema) -> pa.Schema:
    """All-missing columns infer as ``null``; store them as strings so later chunks fit."""
    fields = [f.with_type(pa.string()) if pa.types.is_null(f.type) else f for f in schema]
    return pa.schema(fields, metadata=schema.metadata)


class ParquetTableWriter:
    """Append tables to one Parquet file, one row group per write; memory stays flat.

    The schema is fixed by the first non-empty table (columns that are entirely missing are
    stored as strings); later tables are cast to it. The file is written on :meth:`close`
    even if every table was empty.
    """

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.n_rows = 0
        self._writer: pq.ParquetWriter | None = None
        self._schema: pa.Schema | None = None
        self._empty_schema: pa.Schema | None = None

    def write(self, table: pd.DataFrame | pa.Table) -> None:
        """Append ``table`` (a DataFrame or an Arrow table)."""
        arrow = table if isinstance(table, pa.Table) else arrow_table(table)
        if arrow.num_rows == 0:
            if self._empty_schema is None:
                self._empty_schema = _fix_null_types(arrow.schema)
            return
        if self._writer is None:
            self._schema = _fix_null_types(arrow.schema)
            self._writer = pq.ParquetWriter(self.path, self._schema)
        assert self._schema is not None
        if arrow.schema != self._schema:
            try:
                arrow = arrow.select(self._schema.names).cast(self._schema)
            except (KeyError, pa.ArrowInvalid, pa.ArrowNotImplementedError) as error:
                raise EngineError(
                    f"{self.path.name}: a chunk's columns do not match the first chunk's "
                    f"({error}); first: {self._schema}, this one: {arrow.schema}"
                ) from None
        self._writer.write_table(arrow)
        self.n_rows += arrow.num_rows

    def close(self) -> None:
        """Finish the file (an empty table with the known columns if nothing was written)."""
        if self._writer is not None:
            self._writer.close()
            self._writer = None
        elif not self.path.exists():
            schema = self._empty_schema if self._empty_schema is not None else pa.schema([])
            pq.write_table(schema.empty_table(), self.path)


class ResultWriter:
    """One :class:`ParquetTableWriter` per result table, created as tables appear."""

    def __init__(self, out_dir: Path | str) -> None:
        self.out_dir = Path(out_dir)
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self.writers: dict[str, ParquetTableWriter] = {}

    def write(self, tables: Mapping[str, pd.DataFrame | pa.Table]) -> None:
        """Append one chunk's tables."""
        for name, table in tables.items():
            if name not in self.writers:
                self.writers[name] = ParquetTableWriter(self.out_dir / table_file(name))
            self.writers[name].write(table)

    def close(self) -> dict[str, int]:
        """Close every file; return rows written per table."""
        for writer in self.writers.values():
            writer.close()
        return {name: w.n_rows for name, w in self.writers.items()}


@dataclass
class RunSummary:
    """What a run did: counts, files and wall time."""

    engine: str
    jobs: int
    n_chunks: int = 0
    n_docs: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0
    startup_seconds: float = 0.0  # starting worker processes, included in ``seconds``

    @property
    def n_sentences(self) -> int:
        """Rows of the sentences table."""
        return self.rows.get("sentences", 0)


# --------------------------------------------------------------------------------------------
# Local engine


def resolve_jobs(jobs: int | None) -> int:
    """``jobs`` as a positive count: ``None`` or ``0`` = every core, negative = all but -N."""
    cores = os.cpu_count() or 1
    if jobs is None or jobs == 0:
        return cores
    if jobs < 0:
        return max(1, cores + jobs)
    return jobs


# Imported once in the fork server so that workers start warm: the per-document modules,
# NLTK without what the work does not use, and lexicon-independent caches (see the module).
_WARM_MODULES = ("analysis.measure.preload",)
# Worker pools kept for the life of this process, by (processes, start method).
_POOLS: dict[tuple[int, str], Any] = {}


def _ping(_: int) -> int:
    return os.getpid()


def _run_in_worker(fn: ChunkFunction, chunk: pd.DataFrame) -> Any:
    return fn(chunk)


def _default_start_method() -> str:
    # forkserver: workers fork from a clean server, not from a parent that may hold threads
    # (pyarrow, tqdm); spawn where forkserver does not exist (Windows).
    methods = multiprocessing.get_all_start_methods()
    return "forkserver" if "forkserver" in methods else "spawn"


def _preload_module(fn: ChunkFunction) -> str | None:
    target = fn.func if isinstance(fn, functools.partial) else fn
    module = getattr(target, "__module__", None)
    return module if module and module != "__main__" else None


def worker_pool(
    n_jobs: int, start_method: str | None = None, fn: ChunkFunction | None = None
) -> Any:
    """The ``multiprocessing`` pool of ``n_jobs`` workers of this process, started on first use
    and reused by every later run (workers import the package once, not once per run).

    ``fn``'s module is preloaded in the fork server with the modules of the per-document work.
    Pools are closed when the process exits (:func:`shutdown_pools`).
    """
    method = start_method or _default_start_method()
    key = (n_jobs, method)
    pool = _POOLS.get(key)
    if pool is not None:
        return pool
    context = multiprocessing.get_context(method)
    if method == "forkserver":
        extra = _preload_module(fn) if fn is not None else None
        context.set_forkserver_preload([*_WARM_MODULES, *([extra] if extra else [])])
    pool = context.Pool(n_jobs)
    pool.map(_ping, range(n_jobs), chunksize=1)  # wait until the workers are up
    _POOLS[key] = pool
    return pool


def shutdown_pools() -> None:
    """Close every worker pool of this process (runs at exit)."""
    while _POOLS:
        _, pool = _POOLS.popitem()
        pool.terminate()
        pool.join()


atexit.register(shutdown_pools)


def _drop_pool(pool: Any) -> None:
    for key, value in list(_POOLS.items()):
        if value is pool:
            del _POOLS[key]
    pool.terminate()
    pool.join()


def _start_pool(
    n_jobs: int, start_method: str | None, fn: ChunkFunction
) -> tuple[threading.Thread, Callable[[], Any]]:
    """Start :func:`worker_pool` on a thread; return the thread and a function that waits for
    the pool (re-raising what starting it raised).

    Starting the workers is mostly waiting for other processes to import the package, so the
    caller reads its first chunks meanwhile instead of after.
    """
    box: dict[str, Any] = {}

    def start() -> None:
        try:
            box["pool"] = worker_pool(n_jobs, start_method, fn)
        except BaseException as error:  # handed to the caller by wait()
            box["error"] = error

    thread = threading.Thread(target=start, name="worker-pool-start", daemon=True)
    thread.start()

    def wait() -> Any:
        thread.join()
        if "error" in box:
            raise box["error"]
        return box["pool"]

    return thread, wait


def map_chunks(
    chunks: Iterable[pd.DataFrame],
    fn: ChunkFunction | None = None,
    *,
    jobs: int | None = 1,
    start_method: str | None = None,
    stats: dict[str, float] | None = None,
) -> Iterator[tuple[int, Any]]:
    """Yield ``(n_docs, fn(chunk))`` for each chunk, in input order, on ``jobs`` processes.

    ``jobs=1`` runs in this process. With more, at most ``2 × jobs`` chunks are in flight, so
    the input is read only as fast as results are consumed. The workers are started once per
    process and reused by later calls (:func:`worker_pool`); ``fn`` goes with each chunk, so it
    must be picklable (a module-level function or a ``functools.partial`` of one). ``stats``, if
    given, receives ``startup_seconds``: the time until every worker process was up (0 for
    ``jobs=1`` and for workers already running), during which the first chunks are read. A run
    stopped half-way (an error in a chunk, the consumer leaving early) stops its workers, so
    that no stale work is left running.
    """
    fn = fn if fn is not None else default_chunk_function()
    n_jobs = resolve_jobs(jobs)
    if stats is not None:
        stats["startup_seconds"] = 0.0
    if n_jobs == 1:
        for chunk in chunks:
            yield len(chunk), fn(chunk)
        return
    started = time.perf_counter()
    starting, started_pool = _start_pool(n_jobs, start_method, fn)
    # read the first chunks while the workers start (they are sent as soon as the pool is up)
    source = iter(chunks)
    early: list[pd.DataFrame] = []
    while starting.is_alive() and len(early) < _IN_FLIGHT_PER_JOB * n_jobs:
        chunk = next(source, None)
        if chunk is None:
            break
        early.append(chunk)
    pool = started_pool()
    if stats is not None:
        stats["startup_seconds"] = time.perf_counter() - started
    pending: deque[tuple[int, Any]] = deque()
    finished = False
    try:
        for chunk in itertools.chain(early, source):
            pending.append((len(chunk), pool.apply_async(_run_in_worker, (fn, chunk))))
            if len(pending) >= _IN_FLIGHT_PER_JOB * n_jobs:
                n_docs, future = pending.popleft()
                yield n_docs, future.get()
        while pending:
            n_docs, future = pending.popleft()
            yield n_docs, future.get()
        finished = True
    finally:
        if not finished:
            _drop_pool(pool)


def progress_bar(total: int | None, enabled: bool, desc: str) -> Any:
    """A tqdm bar on stderr counting documents (silent when not ``enabled``)."""
    from tqdm.auto import tqdm

    return tqdm(
        total=total,
        unit="doc",
        desc=desc,
        disable=not enabled,
        file=sys.stderr,
        smoothing=0.1,
        dynamic_ncols=True,
    )


def run_local(
    chunks: Iterable[pd.DataFrame],
    out_dir: Path | str,
    fn: ChunkFunction | None = None,
    *,
    jobs: int | None = None,
    progress: bool = True,
    total_docs: int | None = None,
    start_method: str | None = None,
) -> RunSummary:
    """Process ``chunks`` on ``jobs`` local processes (default: every core), streaming the
    result tables into ``out_dir/<table>.parquet``.

    The output is identical whatever ``jobs`` is: chunks are written in input order, one row
    group per chunk.
    """
    started = time.perf_counter()
    n_jobs = resolve_jobs(jobs)
    summary = RunSummary(engine="local", jobs=n_jobs)
    writer = ResultWriter(out_dir)
    bar = progress_bar(total_docs, progress, f"processing ({n_jobs} job{'s' * (n_jobs > 1)})")
    stats: dict[str, float] = {}
    try:
        results = map_chunks(chunks, fn, jobs=n_jobs, start_method=start_method, stats=stats)
        for n_docs, result in results:
            writer.write(result_tables(result))
            summary.n_chunks += 1
            summary.n_docs += n_docs
            bar.update(n_docs)
    finally:
        bar.close()
        summary.rows = writer.close()
    summary.startup_seconds = stats.get("startup_seconds", 0.0)
    summary.files = {name: table_file(name) for name in summary.rows}
    summary.seconds = time.perf_counter() - started
    return summary


def collect(
    chunks: Iterable[pd.DataFrame],
    fn: ChunkFunction | None = None,
    *,
    jobs: int | None = 1,
    start_method: str | None = None,
) -> dict[str, pd.DataFrame]:
    """Process ``chunks`` and return each result table concatenated in memory (fresh index)."""
    parts: dict[str, list[pd.DataFrame]] = {}
    for _, result in map_chunks(chunks, fn, jobs=jobs, start_method=start_method):
        for name, table in result_tables(result).items():
            parts.setdefault(name, []).append(table)
    return {name: pd.concat(frames, ignore_index=True) for name, frames in parts.items()}
