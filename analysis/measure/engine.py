"""Running the per-chunk function over a stream of raw-document chunks on local processes.

There is one code base for five articles and for millions: a *chunk function* (by default
:func:`analysis.measure.chunk.process_chunk`) turns a DataFrame of raw documents into result tables,
and an engine only decides where chunks run and where their results go.

- :func:`run_local` maps the chunk function over chunks on ``jobs`` processes (this one and
  ``jobs - 1`` workers, forked from it on Linux), keeping chunk order (so the output is
  identical to ``jobs=1``) and holding only a few chunks in flight, and streams each result
  table into one Parquet file (:class:`ParquetTableWriter`). Memory does not grow with the
  number of documents.
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
import contextlib
import dataclasses
import functools
import gc
import multiprocessing
import os
import pickle
import shutil
import signal
import sys
import tempfile
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


def result_tables(result: Any) -> dict[str, pd.DataFrame | pa.Table]:
    """The named tables of a chunk function's result (dataclass, mapping or one DataFrame);
    in a mapping, Arrow tables count as tables too (a result some of whose tables were
    converted already: :func:`analysis.measure.document_quality.checked_chunk`)."""
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
    return {name: t for name, t in tables.items() if isinstance(t, pd.DataFrame | pa.Table)}


def table_file(name: str) -> str:
    """The Parquet file name of a result table."""
    return f"{_FILE_STEMS.get(name, name)}.parquet"


# --------------------------------------------------------------------------------------------
# Writing


def arrow_table(frame: pd.DataFrame) -> pa.Table:
    """``frame`` as an Arrow table, without its index (how every engine stores a table).

    On one thread: Arrow would otherwise start a pool of threads for a wide frame each time,
    which costs more than it gains on a chunk's tables while the other cores compute chunks;
    the table is the same."""
    return pa.Table.from_pandas(frame, preserve_index=False, nthreads=1)


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


def usable_cores() -> int:
    """The cores this process may run on (its CPU affinity where the system tells it, else
    every core of the machine)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def resolve_jobs(jobs: int | None) -> int:
    """``jobs`` as a positive count: ``None`` or ``0`` = every core, negative = all but -N.

    More jobs than cores are not started: they would compute nothing faster, and each worker
    holds its own lexicons and caches (about 200 MiB), so ``--jobs 1000`` started a thousand
    processes and filled the memory of a two-core machine. The count is then the number of
    cores, and a warning says so.
    """
    cores = usable_cores()
    if jobs is None or jobs == 0:
        return cores
    if jobs < 0:
        return max(1, cores + jobs)
    if jobs > cores:
        from analysis.user_warnings import warn_user

        warn_user(
            f"{jobs} jobs asked for, but this machine lets this process use {cores} "
            f"core{'s' * (cores != 1)}: running {cores} (more would not be faster, and each "
            "worker holds its own copy of the lexicons and caches)"
        )
        return cores
    return jobs


# Imported once in the fork server (where workers are not forked from this process) so that
# workers start warm: the per-document modules, NLTK without what the work does not use, and
# lexicon-independent caches (see the module).
_WARM_MODULES = ("analysis.measure.preload",)


@dataclass
class Workers:
    """A pool of worker processes and the table through which they and this process claim
    chunks, so that each chunk is computed once, by whoever starts it first.

    ``claims`` is a shared ring of integers: chunk number ``seq`` lives in slot
    ``seq % len(claims)``, which holds the highest chunk number claimed there. Chunk numbers
    grow over the pool's life (``seqs``), so a task left over from a chunk this process took
    long ago cannot claim a newer chunk of the same slot. The workers draw numbers from the
    same counter for the work they offer this process (:class:`_ToParent`).
    """

    pool: Any  # multiprocessing.pool.Pool
    claims: Any  # multiprocessing Array of int64
    seqs: Iterator[int]  # shared with the workers, which number what they offer (SharedCounter)
    spool: Path  # the folder through which the workers hand over their results
    # set while a run is at its end (:func:`ending`): a worker's chunk may then offer part of
    # its work to this process, which computes it once it has nothing left (:class:`_ToParent`)
    ending: Any = None  # multiprocessing Value of a byte


# Worker pools kept for the life of this process, by (worker processes, start method); the
# lock makes a pool that is being started (on a run's thread) the one later callers get.
_POOLS: dict[tuple[int, str], Workers] = {}
_POOLS_LOCK = threading.Lock()
# In a worker process: its pool's claims table and results folder (set by _init_worker).
_WORKER_CLAIMS: Any = None
_WORKER_SPOOL: Path | None = None
# In a worker: where its chunks at the end of a run offer work to the command's process
_WORKER_TO_PARENT: _ToParent | None = None


class SharedCounter:
    """``next()`` gives 0, 1, 2, ... across processes (a shared integer and its lock)."""

    def __init__(self, value: Any) -> None:
        self.value = value  # a multiprocessing Value of int64

    def __iter__(self) -> SharedCounter:
        return self

    def __next__(self) -> int:
        with self.value.get_lock():
            number = int(self.value.value)
            self.value.value = number + 1
        return number


def _is_claimed(table: Any, seq: int) -> bool:
    """Whether chunk ``seq`` (or a later chunk of its slot) is claimed in the claims ``table``
    (call with its lock held)."""
    return bool(table[seq % len(table)] >= seq)


def _claim(claims: Any, seq: int) -> bool:
    """Claim chunk ``seq``; False when it (or a later chunk of its slot) was claimed."""
    with claims.get_lock():
        table = claims.get_obj()
        if _is_claimed(table, seq):
            return False
        table[seq % len(table)] = seq
        return True


def _init_worker(claims: Any, spool: Path, seqs: Any = None, ending: Any = None) -> None:
    """Start a worker: its claims table, and the signals a worker leaves to its parent. Ctrl-C
    is handled by the parent, which then stops the workers with SIGTERM; a worker ends on it
    at once (a forked worker would otherwise inherit the command's SIGTERM handler, and both
    would print the traceback of a chunk cut short)."""
    global _WORKER_CLAIMS, _WORKER_SPOOL, _WORKER_TO_PARENT
    _WORKER_CLAIMS, _WORKER_SPOOL = claims, spool
    if seqs is not None and ending is not None:
        _WORKER_TO_PARENT = _ToParent(claims, spool, SharedCounter(seqs), ending)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def call_without_gc(fn: ChunkFunction, chunk: pd.DataFrame) -> Any:
    """``fn(chunk)`` with Python's cyclic garbage collector paused (then restored as it was).

    The per-document work keeps per-process caches of recurring lines, tokens and patterns
    (tens of thousands of small objects); the collector would walk them again and again while
    a chunk allocates, which cost real articles about 5% of the work (PerSenT's 1,984 articles,
    whose lines rarely recur). Objects are still freed by reference counting as they go; only
    reference cycles wait until the chunk is done, so memory grows by the chunk's cycles at
    most (a chunk is in memory anyway).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return fn(chunk)
    finally:
        if was_enabled:
            gc.enable()


def _run_claimed(fn: ChunkFunction, chunk_path: Path, seq: int) -> tuple[bool, Any]:
    """In a worker: ``(True, <file holding fn(chunk)>)``, or ``(False, None)`` when the chunk
    was taken.

    Both ways go through files of the pool's spool folder, not the pool's pipes. A pipe carries
    64 KiB at a time, and the parent's thread at its end needs the interpreter lock for each
    piece while the parent computes a chunk of its own: a result of a few MiB sent back kept
    the worker waiting, idle, about 0.4 s per chunk, and a chunk of raw documents sent to it
    about 0.06 s (both measured on 2 cores), the more so as a worker read, whole, every chunk
    the parent had taken before skipping it. A file is written at once; the chunk's file is
    read only once the chunk is claimed, and removed by whoever claimed it.
    """
    if not _claim(_WORKER_CLAIMS, seq):
        return False, None
    assert _WORKER_SPOOL is not None, "a worker without its pool's spool folder"
    chunk = _load_pickle(chunk_path)
    path = _result_file(_WORKER_SPOOL, seq)
    is_offer = isinstance(fn, functools.partial) and fn.func is _apply
    _dump_pickle(_computed_here(fn, chunk, None if is_offer else _WORKER_TO_PARENT), path)
    return True, path


def _dump_pickle(value: Any, path: Path) -> None:
    """``value`` pickled into ``path`` (read back, once, by :func:`_load_pickle`)."""
    with open(path, "wb") as handle:
        pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)


def _dump_whole(value: Any, path: Path) -> None:
    """:func:`_dump_pickle`, the file appearing under ``path`` only once complete (for a
    reader that waits for it to exist: :class:`_ToParent`)."""
    partial = path.with_name(path.name + ".part")
    _dump_pickle(value, partial)
    os.replace(partial, path)


def _result_file(spool: Path, seq: int) -> Path:
    """Where the result of chunk or offer ``seq`` is handed over, by whichever process
    computed it (:func:`_run_claimed`, :class:`_ToParent`)."""
    return spool / f"{seq}.pickle"


def _offer_file(spool: Path, seq: int) -> Path:
    """Where what a worker offers (:class:`_ToParent`) waits for this process to take it."""
    return spool / f"{seq}.offer.pickle"


def _load_pickle(path: Path) -> Any:
    """The object pickled in ``path`` (a chunk or a worker's result: :func:`_run_claimed`);
    the file is removed."""
    try:
        with open(path, "rb") as handle:
            return pickle.load(handle)
    finally:
        path.unlink(missing_ok=True)


def _chunk_file(spool: Path, seq: int) -> Path:
    """Where chunk ``seq`` waits for a worker to claim it."""
    return spool / f"{seq}.chunk.pickle"


def _ping(_: int) -> int:
    return os.getpid()


def default_start_method() -> str:
    """``fork`` on Linux, else ``forkserver`` where it exists, else ``spawn`` (Windows).

    A forked worker exists in milliseconds with the modules this process has loaded and the
    lexicons it checked; a fork server first imports pandas, NLTK and the package again (about
    0.7 s of CPU), time in which that core computes nothing, and each worker then parses the
    lexicons again. The pool is forked by the calling thread before a chunk is read (by
    :func:`analysis.measure.warmup.warm_up`, or at the start of a run), never from a helper
    thread and never while this process's writing thread runs; the threads a process may hold
    then (Arrow's thread pools, which Arrow re-creates in a forked child, tqdm's monitor, the
    pools' own handler threads) hold nothing a worker needs, and a worker only runs chunk
    functions and leaves with ``os._exit``. macOS cannot fork safely
    (system frameworks), so it uses a fork server, as do other systems that have one. So does
    a Jupyter kernel (a notebook loading a corpus file): its own threads serve the notebook's
    messages while a cell runs, and a child forked from it could inherit one of their locks
    taken.
    """
    methods = multiprocessing.get_all_start_methods()
    in_kernel = "ipykernel" in sys.modules
    if sys.platform.startswith("linux") and "fork" in methods and not in_kernel:
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


def _preload_module(fn: ChunkFunction) -> str | None:
    target = fn.func if isinstance(fn, functools.partial) else fn
    module = getattr(target, "__module__", None)
    return module if module and module != "__main__" else None


def worker_pool(
    n_workers: int, start_method: str | None = None, fn: ChunkFunction | None = None
) -> Workers:
    """The ``n_workers`` worker processes of this process, started on first use and reused by
    every later run (workers import the package once, not once per run).

    With a fork server, ``fn``'s module is preloaded in it with the modules of the per-document
    work. Pools are closed when the process exits (:func:`shutdown_pools`).
    """
    method = start_method or default_start_method()
    with _POOLS_LOCK:
        workers = _POOLS.get((n_workers, method))
        if workers is None:
            workers = _start_workers(n_workers, method, fn)
            _POOLS[(n_workers, method)] = workers
        return workers


def _start_workers(n_workers: int, method: str, fn: ChunkFunction | None) -> Workers:
    context = multiprocessing.get_context(method)
    if method == "forkserver":
        extra = _preload_module(fn) if fn is not None else None
        context.set_forkserver_preload([*_WARM_MODULES, *([extra] if extra else [])])
    # a run holds at most _IN_FLIGHT_PER_JOB chunks per process, and a chunk this process
    # computes at the end of a run offers MAX_OFFERS_PER_CHUNK pieces of its work at most,
    # all settled before the next (:func:`offer`), and so does each worker's last chunk (to
    # this process): four times that many slots keep them apart
    n_slots = (_IN_FLIGHT_PER_JOB + MAX_OFFERS_PER_CHUNK) * (n_workers + 1)
    claims = context.Array("q", [-1] * (4 * n_slots))
    seqs, ending = context.Value("q", 0), context.Value("b", 0)
    spool = Path(tempfile.mkdtemp(prefix="analysis-results-"))
    try:
        shared = (claims, spool, seqs, ending)
        pool = context.Pool(n_workers, initializer=_init_worker, initargs=shared)
        pool.map(_ping, range(n_workers), chunksize=1)  # wait until the workers are up
    except BaseException:
        shutil.rmtree(spool, ignore_errors=True)
        raise
    return Workers(pool, claims, SharedCounter(seqs), spool, ending)


def _stop_workers(workers: Workers) -> None:
    """End the pool's processes and remove its spool folder (results never collected)."""
    workers.pool.terminate()
    workers.pool.join()
    shutil.rmtree(workers.spool, ignore_errors=True)


def shutdown_pools() -> None:
    """Close every worker pool of this process (runs at exit)."""
    with _POOLS_LOCK:
        stopping = list(_POOLS.values())
        _POOLS.clear()
    for workers in stopping:
        _stop_workers(workers)


atexit.register(shutdown_pools)


def _drop_pool(workers: Workers) -> None:
    with _POOLS_LOCK:
        for key, value in list(_POOLS.items()):
            if value is workers:
                del _POOLS[key]
    _stop_workers(workers)


@dataclass
class _Slot:
    """One chunk of a run, computed here (``result``) or by a worker (``future``); or an
    offer's arguments (:func:`offer`), with the function a worker calls on them (``fn``)."""

    n_docs: int
    chunk: Any  # a DataFrame of raw documents (an offer: its arguments); None once computed
    seq: int = -1  # its number in the claims table, once sent to the workers
    future: Any = None
    taken: bool = False  # claimed by this process
    result: Any = None
    fn: ChunkFunction | None = None  # what a worker computes (None: the run's chunk function)
    # set once this process has computed it, for a chunk handed out before anyone started it
    # (the end of a run: :func:`_map_shared`), whose :class:`Pending` may be waiting on it
    computed: threading.Event | None = None

    def done_by_worker(self) -> bool:
        """Whether a worker's task for it is over (it computed it, or found it taken)."""
        return self.future is not None and self.future.ready()

    def done(self) -> bool:
        """Whether the result is here (re-raises a worker's error)."""
        if self.taken:
            return self.chunk is None
        if self.future is None or not self.future.ready():
            return False
        claimed, path = self.future.get()
        if claimed:
            self.result = _load_pickle(path)
        return claimed


class RunStopped(RuntimeError):
    """A run stopped (an error elsewhere, Ctrl-C) while a thread waited for one of its chunks."""


@dataclass
class Pending:
    """A chunk's result that a worker is computing, handed out before it is done
    (:func:`map_chunks` with ``hand_over=True``); :meth:`get` waits for it. At the end of a
    run, also a chunk nobody has started yet, left to the workers: :meth:`get` then gives the
    result of whoever computes it, a worker or this process, if it is free first."""

    helpers: _Helpers
    slot: _Slot

    def get(self, cancel: threading.Event | None = None) -> Any:
        """The result, once the worker is done (``cancel``: see :meth:`_Helpers.wait`)."""
        return self.helpers.wait(self.slot, cancel)


class _Helpers:
    """The worker processes helping this process with one run.

    The pool is had at once when it is already running or is forked (milliseconds); otherwise
    it starts on a thread while this process computes the first chunks itself, and the chunks
    read meanwhile that this process has not taken are sent to it as soon as it is up.
    """

    def __init__(self, n_workers: int, start_method: str | None, fn: ChunkFunction) -> None:
        self.fn = fn
        self.lock = threading.Lock()
        self.workers: Workers | None = None
        self.error: BaseException | None = None
        self.unsent: list[_Slot] = []
        self.startup_seconds = 0.0
        self._started = time.perf_counter()
        method = start_method or default_start_method()
        self.thread: threading.Thread | None = None
        if (n_workers, method) in _POOLS or method == "fork":
            self._up(worker_pool(n_workers, method, fn))
        else:
            self.thread = threading.Thread(
                target=self._start, args=(n_workers, method), name="worker-pool-start", daemon=True
            )
            self.thread.start()

    def _start(self, n_workers: int, method: str) -> None:
        try:
            self._up(worker_pool(n_workers, method, self.fn))
        except BaseException as error:  # raised in the run by add() or take()
            self.error = error

    def _up(self, workers: Workers) -> None:
        with self.lock:
            self.workers = workers
            self.startup_seconds = time.perf_counter() - self._started
            for slot in self.unsent:
                if not slot.taken:
                    self._send(slot)
            self.unsent = []

    def _send(self, slot: _Slot) -> None:
        assert self.workers is not None
        slot.seq = next(self.workers.seqs)
        path = _chunk_file(self.workers.spool, slot.seq)
        _dump_pickle(slot.chunk, path)
        fn = slot.fn if slot.fn is not None else self.fn
        slot.future = self.workers.pool.apply_async(_run_claimed, (fn, path, slot.seq))

    def _check(self) -> None:
        if self.error is not None:
            raise self.error

    def add(self, slot: _Slot) -> None:
        """Send a chunk to the workers (or keep it for them until they are up)."""
        self._check()
        with self.lock:
            if self.workers is None:
                self.unsent.append(slot)
            else:
                self._send(slot)

    def take(self, slot: _Slot) -> bool:
        """Claim a chunk for this process; False when a worker has started it."""
        self._check()
        with self.lock:
            if slot.future is None:
                slot.taken = True
            elif self.workers is not None:
                slot.taken = _claim(self.workers.claims, slot.seq)
                if slot.taken:  # no worker will read the chunk's file
                    _chunk_file(self.workers.spool, slot.seq).unlink(missing_ok=True)
        return slot.taken

    def wait(self, slot: _Slot, cancel: threading.Event | None = None) -> Any:
        """The result of a chunk a worker claimed, or of a chunk handed out before anyone
        started it (``slot.computed`` set), which this process may take and compute instead;
        with ``cancel``, :class:`RunStopped` within 0.05 s of its being set instead (the
        waiting thread is not the one that stops the run).

        It waits on the result itself, checking ``cancel`` between waits of at most 0.05 s, so
        it goes on as soon as the result is in. (Sleeping on ``cancel`` between looks at the
        result, as it did, kept a run's writing thread 0.025 s on average, up to 0.05 s, from
        a worker's last chunk: at the end of a run, time all the processes wait.)
        """
        while True:
            with self.lock:  # a slot is claimable by a worker only once its future is set
                future, taken = slot.future, slot.taken
            if taken:
                assert slot.computed is not None, "waiting on a chunk this process computes"
                while not slot.computed.wait(0.05):
                    if cancel is not None and cancel.is_set():
                        raise RunStopped("the run stopped before this chunk was written")
                return slot.result
            if future is not None and future.ready():
                claimed, path = future.get()
                if claimed:
                    return _load_pickle(path)
                # this process claimed it (``taken`` is set under the lock, read next time)
                assert slot.computed is not None, "a chunk left to the workers was skipped"
                continue
            if cancel is not None and cancel.is_set():
                raise RunStopped("the run stopped before this chunk was written")
            if future is None:  # the workers are still starting
                time.sleep(0.005)
            elif cancel is None and slot.computed is None:
                future.wait()
            else:
                future.wait(0.05)

    def accepting(self) -> bool:
        """Whether offers (:func:`offer`) go to the workers now: always, once set up."""
        return True

    def set_ending(self, value: bool) -> None:
        """Say to the workers whether the run is at its end: their chunks may then offer this
        process part of their work (:class:`_ToParent`, served by :meth:`serve_offers`)."""
        if self.workers is not None and self.workers.ending is not None:
            self.workers.ending.value = int(value)

    def serve_offers(self) -> bool:
        """Compute what workers offered this process (:class:`_ToParent`) and none has
        started, the earliest first; whether there was any. Only once this process has
        nothing left of its own to compute: a worker waits for what this process took."""
        if self.workers is None:
            return False
        spool, claims = self.workers.spool, self.workers.claims
        offered = sorted((int(p.name.split(".")[0]), p) for p in spool.glob("*.offer.pickle"))
        served = False
        for seq, path in offered:
            if not _claim(claims, seq):
                continue  # the worker is computing it itself
            fn, args = _load_pickle(path)
            _dump_whole(call_without_gc(fn, args), _result_file(spool, seq))
            served = True
        return served

    def serve_until_done(self, slots: list[_Slot]) -> None:
        """Serve the workers' offers (:meth:`serve_offers`) until every chunk of ``slots``
        that a worker computes is done: the end of a run, when this process has nothing left
        but to wait for the workers' last chunks."""
        while True:
            running = [s for s in slots if not s.taken and not s.done_by_worker()]
            if not running or self.workers is None:
                return
            if not self.serve_offers():
                future = running[0].future
                if future is None:
                    time.sleep(0.002)
                else:
                    future.wait(0.002)

    def claimed_by_worker(self, slot: _Slot) -> bool:
        """Whether a worker has started ``slot`` (claimed it, and this process did not)."""
        with self.lock:
            if slot.taken or slot.future is None or self.workers is None:
                return False
            claims = self.workers.claims
        with claims.get_lock():
            return _is_claimed(claims.get_obj(), slot.seq)

    def stop(self) -> None:
        """Stop the workers (after an error, or when the consumer left early)."""
        if self.thread is not None:
            self.thread.join()
        if self.workers is not None:
            _drop_pool(self.workers)


def _apply(fn: Callable[..., Any], args: tuple[Any, ...]) -> Any:
    """``fn(*args)``: how a worker computes an offer (:func:`offer`)."""
    return fn(*args)


class _ToParent:
    """In a worker, what it offers (:func:`offer`) goes to the command's process: while a
    run is at its end (``ending``, set by that process), a worker's chunk may offer part of
    its work, which that process computes once it has nothing left of its own (when the
    worker's chunk ends after all of its own: :meth:`_Helpers.serve_until_done`). Whoever
    claims an offer first (the claims table) computes it: the worker when it asks for the
    result before that process has started it.

    An offer is a file of the spool folder, ``<seq>.offer.pickle`` (numbers from the pool's
    shared counter); the command's process removes it when it takes it and writes the result
    to ``<seq>.pickle``, which the worker waits for and removes. The same methods as
    :class:`_Helpers`, so :class:`Offered` serves both."""

    def __init__(self, claims: Any, spool: Path, seqs: Iterator[int], ending: Any) -> None:
        self.claims, self.spool, self.seqs, self.ending = claims, spool, seqs, ending
        self.parent = os.getppid()

    def accepting(self) -> bool:
        return bool(self.ending.value)

    def add(self, slot: _Slot) -> None:
        slot.seq = next(self.seqs)
        _dump_whole((slot.fn, slot.chunk), _offer_file(self.spool, slot.seq))

    def take(self, slot: _Slot) -> bool:
        slot.taken = _claim(self.claims, slot.seq)
        if slot.taken:
            _offer_file(self.spool, slot.seq).unlink(missing_ok=True)
        return slot.taken

    def wait(self, slot: _Slot, cancel: threading.Event | None = None) -> Any:
        path = _result_file(self.spool, slot.seq)
        while not path.exists():  # the command's process is computing it
            if os.getppid() != self.parent or not self.spool.is_dir():
                raise RunStopped("the command's process stopped before it sent this result")
            time.sleep(0.001)
        return _load_pickle(path)

    def claimed_by_worker(self, slot: _Slot) -> bool:
        """Whether the command's process has started it."""
        with self.claims.get_lock():
            return not slot.taken and _is_claimed(self.claims.get_obj(), slot.seq)


class Offered:
    """``fn(*args)``, offered to another process of the run (:func:`offer`); :meth:`result`
    gives it, from the process that took it, else computed here when asked for."""

    def __init__(
        self,
        fn: Callable[..., Any],
        args: tuple[Any, ...],
        sent: tuple[_Helpers | _ToParent, _Slot] | None,
    ) -> None:
        self.fn = fn
        self.args: tuple[Any, ...] | None = args  # None once settled
        self._sent = sent  # the run's workers and the slot it was sent in; None: not sent
        self._value: Any = None

    @property
    def sent(self) -> bool:
        """Whether it was offered to workers (else it is computed here when asked for)."""
        return self._sent is not None

    def by_worker(self) -> bool:
        """Whether a worker has started it (then :meth:`result` waits for that worker)."""
        return self._sent is not None and self._sent[0].claimed_by_worker(self._sent[1])

    def result(self) -> Any:
        """``fn(*args)``: the worker's result if one started it, else computed now (and then
        no worker starts it)."""
        if self.args is not None:
            if self._sent is None or self._sent[0].take(self._sent[1]):
                self._value = self.fn(*self.args)
            else:
                self._value = self._sent[0].wait(self._sent[1])
            self.args = None  # settled
        return self._value

    def withdraw(self) -> None:
        """No longer wanted: kept from the workers if none has started it, else its result
        is collected and dropped, so that nothing is left in the pool's spool folder."""
        if self.args is None or self._sent is None:
            return
        self.args = None
        helpers, slot = self._sent
        if not helpers.take(slot):
            helpers.wait(slot)


# Set, in this process, while it computes a chunk at the end of a run's input, to the run's
# workers and the offers made (:func:`offer`); per thread: only the thread running the run.
_OFFERING = threading.local()
# Offers a chunk may send to the workers (more are computed here when asked for): with the
# chunks in flight, they must fit the claims table (:func:`_start_workers`).
MAX_OFFERS_PER_CHUNK = 8


def offering() -> bool:
    """Whether work :func:`offer` is given now goes to the workers: this process is computing
    one of the last chunks of a run on several processes, and has room for more offers. A
    chunk function may then cut what it offers finer (work whoever is free first takes)."""
    return _offers_to() is not None


def _offers_to() -> _Helpers | _ToParent | None:
    """Where :func:`offer` sends work now (None: nowhere, it is computed here)."""
    helpers = getattr(_OFFERING, "helpers", None)
    if helpers is None or not helpers.accepting() or len(_OFFERING.made) >= MAX_OFFERS_PER_CHUNK:
        return None
    return helpers


def offer(fn: Callable[..., Any], *args: Any) -> Offered:
    """``fn(*args)``, offered to a process of the run that has nothing left to do; call
    ``.result()`` on what this returns for the value.

    For a chunk function, a part of its own work that is independent of what it computes
    next. While the command's process computes one of the last chunks of a run on several
    processes, the worker that finishes its own last chunk first takes that part instead of
    waiting for this process to end. While a worker computes a chunk at the end of a run, the
    command's process takes it once it has nothing left of its own (:class:`_ToParent`).
    Anywhere else (one process, Dask, the middle of a run) it is computed here when asked for.
    Whoever computes it, the value is the same, so outputs do not change. ``fn`` and ``args``
    are pickled when offered (a module-level function and plain data).
    """
    helpers = _offers_to()
    if helpers is None:
        return Offered(fn, args, None)
    slot = _Slot(0, args, fn=functools.partial(_apply, fn))
    helpers.add(slot)
    offered = Offered(fn, args, (helpers, slot))
    _OFFERING.made.append(offered)
    return offered


def _computed_here(
    fn: ChunkFunction, chunk: pd.DataFrame, helpers: _Helpers | _ToParent | None
) -> Any:
    """``call_without_gc(fn, chunk)`` in this process, ``fn`` allowed to :func:`offer` work to
    ``helpers`` (None: not); an offer it did not ask the result of is withdrawn."""
    if helpers is None:
        return call_without_gc(fn, chunk)
    _OFFERING.helpers, _OFFERING.made = helpers, []
    try:
        return call_without_gc(fn, chunk)
    finally:
        made = _OFFERING.made
        _OFFERING.helpers, _OFFERING.made = None, []
        for offered in made:  # (a worker's error in what was not wanted does not matter)
            with contextlib.suppress(Exception):
                offered.withdraw()


def map_chunks(
    chunks: Iterable[pd.DataFrame],
    fn: ChunkFunction | None = None,
    *,
    jobs: int | None = 1,
    start_method: str | None = None,
    stats: dict[str, float] | None = None,
    hand_over: bool = False,
    computing: threading.Event | None = None,
) -> Iterator[tuple[int, Any]]:
    """Yield ``(n_docs, fn(chunk))`` for each chunk, in input order, on ``jobs`` processes.

    ``jobs=1`` runs in this process. With more, this process and ``jobs - 1`` worker processes
    share the chunks (see :func:`_map_shared`); at most ``2 × jobs`` chunks are held at once
    (and the next one, read ahead), so the input is read only as fast as results are consumed.
    The workers are started once per process and reused by later calls (:func:`worker_pool`);
    ``fn`` goes with each chunk, so it must be picklable (a module-level function or a
    ``functools.partial`` of one). Each chunk runs with the cyclic garbage collector paused
    (:func:`call_without_gc`).
    ``stats``, if given, receives ``startup_seconds``: the time until the worker processes
    were up (0 for ``jobs=1``), during which this process computes. A run stopped half-way (an
    error in a chunk, the consumer leaving early) stops its workers, so that no stale work is
    left running.

    ``hand_over=True`` (several processes only) yields, in place of the result of a chunk a
    worker has started, a :class:`Pending` whose ``get()`` waits for it, and goes on at once:
    a consumer that waits on another thread (:func:`run_local`) then writes the worker's
    results while this process computes its next chunk, not after it. At the end of the
    input, when this process takes the last chunk (:func:`taking_order`), the chunks before
    it are handed out so too, before it is computed, even those no worker has started yet.

    ``computing``, if given (several processes only), is set while this process computes a
    chunk of its own, so that a consumer on another thread can tell whether its work would
    take the CPU from a chunk (:func:`run_local`).
    """
    fn = fn if fn is not None else default_chunk_function()
    n_jobs = resolve_jobs(jobs)
    if stats is not None:
        stats["startup_seconds"] = 0.0
    if n_jobs == 1:
        for chunk in chunks:
            yield len(chunk), call_without_gc(fn, chunk)
        return
    yield from _map_shared(chunks, fn, n_jobs, start_method, stats, hand_over, computing)


def taking_order(unstarted: list[_Slot], exhausted: bool, n_jobs: int) -> list[_Slot]:
    """The order in which this process tries to take the chunks nobody has started
    (``unstarted``, in input order) when it has no result to hand out: the earliest first, so
    that results are written as they come, except at the very end.

    Once the input is exhausted and no more chunks are left unstarted than there are processes
    (each will compute one more at most), this process takes the *last* of them and leaves the
    earlier ones to the workers. Results are written in input order, and this process also
    writes them (and adds the near-copies), usually finishing after the workers: had it taken
    the second-to-last chunk and a worker the last, the worker's result would wait for this
    process's, and both would be written after this process's last chunk, while the workers
    idle. Taking the last chunk, it leaves only that chunk's flags and Parquet to write once
    it is done, not two chunks', and with ``hand_over`` the chunks before it are handed out
    first (:func:`map_chunks`), so that a worker's result is written as soon as it is in.
    Which process computes a chunk never changes the output.
    """
    if ending(unstarted, exhausted, n_jobs):
        return unstarted[::-1]
    return unstarted


def ending(unstarted: list[_Slot], exhausted: bool, n_jobs: int) -> bool:
    """Whether a run is at its very end: the input exhausted and no more chunks left unstarted
    (``unstarted``) than there are processes, so that each starts one more at most. Then
    this process takes the last chunk (:func:`taking_order`) and may offer part of its work
    to the workers, which will have nothing left to do (:func:`offer`)."""
    return exhausted and len(unstarted) <= n_jobs


def _map_shared(
    chunks: Iterable[pd.DataFrame],
    fn: ChunkFunction,
    n_jobs: int,
    start_method: str | None,
    stats: dict[str, float] | None,
    hand_over: bool = False,
    computing: threading.Event | None = None,
) -> Iterator[tuple[int, Any]]:
    """:func:`map_chunks` on this process and ``n_jobs - 1`` workers.

    Every chunk read is sent to the workers at once; whenever the next result to hand out is
    not there yet, this process computes a chunk no worker has started (it claims it in the
    pool's table, so the worker that reaches it skips it; which one: :func:`taking_order`)
    instead of waiting. So this process computes while the workers start, no core idles while
    there is a chunk nobody started, and at the end of the input the last chunks go to whoever
    is free first, not to a worker's queue. Only when every chunk held has been started by a
    worker does this process wait, for the earliest. Results are handed out in input order, so
    the output is the same as with ``jobs=1``.
    """
    helpers = _Helpers(n_jobs - 1, start_method, fn)
    source = iter(chunks)
    pending: deque[_Slot] = deque()
    # chunks handed out (as a Pending) before anyone started them, at the end of a run: left
    # to the workers, but this process computes them itself if it is free first
    handed: list[_Slot] = []
    to_workers: list[_Slot] = []  # handed out as a Pending (hand_over), not yet done
    finished = False
    try:
        # the next chunk, read one ahead: the end of the input is known as soon as it is read
        # (the end of a run: taking_order, ending), not when one more chunk is asked for
        ahead = next(source, None)
        while True:
            while ahead is not None and len(pending) < _IN_FLIGHT_PER_JOB * n_jobs:
                pending.append(_Slot(len(ahead), ahead))
                helpers.add(pending[-1])
                ahead = next(source, None)
            handed = [s for s in handed if not s.taken and not helpers.claimed_by_worker(s)]
            to_workers = [s for s in to_workers if not s.taken and not s.done_by_worker()]
            if not pending and not handed:
                break
            head = pending[0] if pending else None
            if head is not None and not handed and head.done():
                pending.popleft()
                yield head.n_docs, head.result
                continue
            if head is not None and hand_over and helpers.claimed_by_worker(head):
                pending.popleft()
                to_workers.append(head)
                yield head.n_docs, Pending(helpers, head)
                continue
            unstarted = handed + [
                s for s in pending if not s.taken and not helpers.claimed_by_worker(s)
            ]
            exhausted = ahead is None
            at_end = ending(unstarted, exhausted, n_jobs)
            order = taking_order(unstarted, exhausted, n_jobs)
            mine = next((s for s in order if helpers.take(s)), None)
            if hand_over and at_end:
                helpers.set_ending(True)  # the workers' chunks may offer this process work
            if mine is not None:
                if hand_over and at_end and any(s is mine for s in pending):
                    # the chunks before this one are the workers' (or this process's later, if
                    # it is free first): handed out now, the writing thread writes a worker's
                    # result as soon as it is in, while this process computes, not after
                    while pending[0] is not mine:
                        slot = pending.popleft()
                        if slot.done():
                            yield slot.n_docs, slot.result
                            continue
                        slot.computed = threading.Event()
                        handed.append(slot)
                        to_workers.append(slot)
                        yield slot.n_docs, Pending(helpers, slot)
                # the end of the input (each worker has at most one more chunk to start): a
                # worker may soon have nothing to do, so fn may offer it part of its work
                if computing is not None:
                    computing.set()
                try:
                    mine.result = _computed_here(fn, mine.chunk, helpers if at_end else None)
                finally:
                    if computing is not None:
                        computing.clear()
                mine.chunk = None
                if mine.computed is not None:
                    mine.computed.set()
                continue
            if head is None or handed:  # what was handed out, a worker has started since
                continue
            pending.popleft()
            yield head.n_docs, helpers.wait(head)
        if hand_over:  # nothing left here: take part of the workers' last chunks
            helpers.serve_until_done(to_workers)
        finished = True
    finally:
        if stats is not None:
            stats["startup_seconds"] = helpers.startup_seconds
        if not finished:
            helpers.stop()
        else:
            helpers.set_ending(False)


class SilentBar:
    """What :func:`progress_bar` gives when it is not enabled: a bar's calls (``update``,
    ``close``, ``with``), doing nothing. tqdm is not imported for it: the import took 7–10 ms
    of a run on the synthetic corpus after its warm-up, before the first chunk was read, when
    every process waits for it."""

    def update(self, n: int = 1) -> None:
        """Nothing to show."""

    def close(self) -> None:
        """Nothing to close."""

    def __enter__(self) -> SilentBar:
        return self

    def __exit__(self, *exc: object) -> None:
        return None


def finish_bar(bar: Any) -> None:
    """End a document bar of a finished run at 100%: its total counted the file's rows, and rows
    without text are skipped, so a tester's bar stopped at "99%| 480/483" as if unfinished (the
    skipped rows are said in the reading summary). A :class:`SilentBar` has nothing to end."""
    total, done = getattr(bar, "total", None), getattr(bar, "n", None)
    if total and done is not None and done < total:
        bar.total = done
        bar.refresh()


def progress_bar(total: int | None, enabled: bool, desc: str) -> Any:
    """A tqdm bar on stderr counting documents; a :class:`SilentBar` when not ``enabled``."""
    if not enabled:
        return SilentBar()
    from tqdm.auto import tqdm

    return tqdm(
        total=total,
        unit="doc",
        desc=desc,
        file=sys.stderr,
        smoothing=0.1,
        dynamic_ncols=True,
    )


class WritingThread:
    """``write(item)`` for each item :meth:`put`, in the order put, on a thread of its own; at
    most ``depth`` items wait for it (memory stays bounded: :meth:`put` blocks).

    How a run on several processes writes while this process computes: writing a chunk's
    tables (the quality flags in corpus order, then Parquet encoding, which releases the
    interpreter lock) took this process about 0.05 s a chunk, all of it after its last chunk
    was computed, while the workers waited (measured on 2 cores, 2,000 documents). An error
    raised by ``write`` is raised again by the next :meth:`put` or by :meth:`close`; items put
    after it are not written.
    """

    _STOP = object()

    def __init__(self, write: Callable[[Any], None], depth: int = 2) -> None:
        import queue

        self._write = write
        self._queue: queue.Queue[Any] = queue.Queue(maxsize=depth)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._loop, name="result-writer", daemon=True)
        self._thread.start()

    def _loop(self) -> None:
        while True:
            item = self._queue.get()
            if item is self._STOP:
                self._queue.task_done()
                return
            if self._error is None:
                try:
                    self._write(item)
                except BaseException as error:  # raised in the caller's thread
                    self._error = error
            self._queue.task_done()

    def _raise(self) -> None:
        if self._error is not None:
            raise self._error

    def put(self, item: Any) -> None:
        """Queue ``item`` to be written after those put before it."""
        self._raise()
        self._queue.put(item)

    def drain(self) -> None:
        """Wait until every item put so far is written (or skipped after an error); raise the
        error of one that could not be."""
        self._queue.join()
        self._raise()

    def close(self) -> None:
        """Wait until every item put is written; raise the error of one that could not be."""
        self.stop()
        self._raise()

    def stop(self) -> None:
        """Wait until every item put is written or skipped after an error, raising nothing
        (when the caller stops on an error of its own)."""
        if self._thread.is_alive():
            self._queue.put(self._STOP)
            self._thread.join()


def run_local(
    chunks: Iterable[pd.DataFrame],
    out_dir: Path | str,
    fn: ChunkFunction | None = None,
    *,
    jobs: int | None = None,
    progress: bool = True,
    total_docs: int | None = None,
    start_method: str | None = None,
    before_writing: Callable[[Any], Any] | None = None,
    untouched: Iterable[str] = (),
) -> RunSummary:
    """Process ``chunks`` on ``jobs`` local processes (default: every core), streaming the
    result tables into ``out_dir/<table>.parquet``.

    The output is identical whatever ``jobs`` is: chunks are written in input order, one row
    group per chunk. ``before_writing``, if given, receives each result in that order and
    returns what to write (how the quality flags are added on the way:
    :func:`analysis.measure.document_quality.run_local_flagged`). With several processes,
    results are flagged and written on a thread of this process while it computes
    (:class:`WritingThread`); with one, in line, so that a one-process run uses one core.

    ``untouched`` names tables of a result given as a ``dict`` that ``before_writing``
    neither reads nor changes. With several processes, a result written while this process
    computes no chunk (at the end of a run: the last one or two, written after every process
    is done, while the workers wait) has those tables taken out before ``before_writing``
    and written on a second thread meanwhile (:func:`split_untouched`): the quality flags and
    the sentences' Parquet, the largest table, then run side by side instead of in turn.
    While this process computes, results are written in turn, as before: a second writing
    thread would take the CPU from the chunk (no gain end to end, measured).
    """
    started = time.perf_counter()
    n_jobs = resolve_jobs(jobs)
    summary = RunSummary(engine="local", jobs=n_jobs)
    writer = ResultWriter(out_dir)
    untouched = frozenset(untouched)
    bar = progress_bar(total_docs, progress, f"processing ({n_jobs} job{'s' * (n_jobs > 1)})")
    stats: dict[str, float] = {}

    cancel = threading.Event()  # set when the run stops on an error: the thread stops waiting
    computing = threading.Event()  # set while this process computes a chunk (map_chunks)
    side: WritingThread | None = None  # the untouched tables of results written otherwise
    table_order: list[str] = []  # the tables in the order a result gives them

    def write(item: tuple[int, Any]) -> None:
        n_docs, result = item
        if isinstance(result, Pending):
            result = result.get(cancel)
        if not table_order:
            table_order.extend(result_tables(result))
        if side is not None and not computing.is_set():
            result, first = split_untouched(result, untouched)
            if first:
                side.put(first)
        elif side is not None:  # in turn, here: after what the side thread holds of earlier
            side.drain()  # results, so that each file is written in chunk order
        if before_writing is not None:
            result = before_writing(result)
        writer.write(result_tables(result))
        bar.update(n_docs)

    thread: WritingThread | None = None
    results = map_chunks(
        chunks,
        fn,
        jobs=n_jobs,
        start_method=start_method,
        stats=stats,
        hand_over=n_jobs > 1,
        computing=computing if untouched else None,
    )
    try:
        for n_docs, result in results:
            summary.n_chunks += 1
            summary.n_docs += n_docs
            if n_jobs == 1:
                write((n_docs, result))
                continue
            if thread is None:  # started once the workers are: never forked with them
                # room for every chunk in flight: at the end of a run, the chunks left to the
                # workers are handed out before this process computes its last one, and that
                # must not wait for the writing thread
                if untouched:
                    side = WritingThread(writer.write, depth=_IN_FLIGHT_PER_JOB * n_jobs)
                thread = WritingThread(write, depth=_IN_FLIGHT_PER_JOB * n_jobs)
            thread.put((n_docs, result))
        if thread is not None:
            thread.close()
        if side is not None:
            side.close()
        finish_bar(bar)
    finally:
        if thread is not None:  # after an error: what is done and queued is written (else a no-op)
            cancel.set()
            thread.stop()
        if side is not None:
            side.stop()
        results.close()  # after an error: the workers are stopped
        bar.close()
        rows = writer.close()  # (its files in the order a result gives them, as on one process)
        summary.rows = {name: rows[name] for name in [*table_order, *rows] if name in rows}
    summary.startup_seconds = stats.get("startup_seconds", 0.0)
    summary.files = {name: table_file(name) for name in summary.rows}
    summary.seconds = time.perf_counter() - started
    return summary


def split_untouched(result: Any, names: frozenset[str]) -> tuple[Any, dict[str, Any]]:
    """``result`` without the tables ``names``, and those tables, when ``result`` is a
    ``dict`` (how :func:`run_local` writes them apart); otherwise ``result`` as it is and
    nothing."""
    if not names or not isinstance(result, dict):
        return result, {}
    rest = {name: value for name, value in result.items() if name not in names}
    return rest, {name: value for name, value in result.items() if name in names}


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
