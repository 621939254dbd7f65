"""The local engine (:mod:`analysis.measure.engine`): the same tables whatever the number of
processes, streamed to Parquet."""

from __future__ import annotations

import functools
import gc
import os
import threading
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest
from engine_cases import raw_docs

from analysis.corpus.files import RAW_DOC_COLUMNS, chunk_frame
from analysis.measure.engine import (
    ChunkFunction,
    EngineError,
    ParquetTableWriter,
    Pending,
    RunSummary,
    _claim,
    _ping,
    call_without_gc,
    collect,
    map_chunks,
    result_tables,
    run_local,
    split_chunk,
    table_file,
    taking_order,
    worker_pool,
)


@dataclass(frozen=True)
class PairResult:
    documents: pd.DataFrame
    sentences: pd.DataFrame
    note: str = "not a table"


def failing_chunk(raw: pd.DataFrame) -> pd.DataFrame:
    if (raw["doc_id"] == "d0013").any():
        raise ValueError("cannot process d0013")
    return raw[["doc_id"]]


def test_result_tables_accepts_dataclass_dict_and_frame() -> None:
    frame = pd.DataFrame({"a": [1]})
    assert list(result_tables(PairResult(frame, frame))) == ["documents", "sentences"]
    assert list(result_tables({"audit": frame})) == ["audit"]
    assert list(result_tables(frame)) == ["sentences"]
    with pytest.raises(EngineError, match="must return DataFrames"):
        result_tables([frame])


def test_split_chunk_counts_sentences_per_document() -> None:
    tables = split_chunk(raw_docs(3))
    assert tables["documents"]["n_sentences"].tolist() == [1, 2, 3]
    assert tables["sentences"].groupby("doc_id").size().tolist() == [1, 2, 3]
    assert tables["sentences"]["sentence_id"].tolist() == [0, 0, 1, 0, 1, 2]


def test_map_chunks_keeps_order_and_counts_documents() -> None:
    out = list(map_chunks(chunk_frame(raw_docs(10), 4), split_chunk, jobs=1))
    assert [n for n, _ in out] == [4, 4, 2]
    firsts = [r["documents"]["doc_id"].iloc[0] for _, r in out]
    assert firsts == ["d0000", "d0004", "d0008"]


def collector_state(raw: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({"doc_id": raw["doc_id"], "gc_enabled": gc.isenabled()})


@pytest.mark.parametrize("jobs", [1, 2])
def test_chunks_run_with_the_collector_paused_and_restored(jobs: int) -> None:
    assert gc.isenabled()
    out = collect(chunk_frame(raw_docs(12), 4), collector_state, jobs=jobs)
    assert len(out["sentences"]) == 12 and not out["sentences"]["gc_enabled"].any()
    assert gc.isenabled()


def test_a_paused_collector_is_restored_after_an_error_and_left_off_if_it_was() -> None:
    with pytest.raises(ValueError, match="cannot process d0013"):
        call_without_gc(failing_chunk, raw_docs(20))
    assert gc.isenabled()
    gc.disable()
    try:
        assert not call_without_gc(collector_state, raw_docs(2))["gc_enabled"].any()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_two_processes_give_identical_tables_to_one() -> None:
    docs = raw_docs(60)
    one = collect(chunk_frame(docs, 7), split_chunk, jobs=1)
    two = collect(chunk_frame(docs, 7), split_chunk, jobs=2, start_method="spawn")
    assert set(one) == set(two) == {"documents", "sentences"}
    for name in one:
        pd.testing.assert_frame_equal(one[name], two[name])
    assert len(one["sentences"]) == int(one["documents"]["n_sentences"].sum())


def test_worker_error_reaches_the_caller() -> None:
    with pytest.raises(ValueError, match="cannot process d0013"):
        collect(chunk_frame(raw_docs(20), 5), failing_chunk, jobs=2, start_method="spawn")


def test_run_local_streams_one_row_group_per_chunk(tmp_path: Path) -> None:
    docs = raw_docs(25)
    summary = run_local(chunk_frame(docs, 10), tmp_path, split_chunk, jobs=1, progress=False)
    assert summary.n_docs == 25 and summary.n_chunks == 3
    sentences = pq.ParquetFile(tmp_path / "sentences.parquet")
    assert sentences.metadata.num_row_groups == 3
    assert summary.n_sentences == sentences.metadata.num_rows
    expected = collect(chunk_frame(docs, 10), split_chunk)
    pd.testing.assert_frame_equal(
        pd.read_parquet(tmp_path / "documents.parquet"), expected["documents"]
    )


def test_run_local_output_is_the_same_with_two_jobs(tmp_path: Path) -> None:
    docs = raw_docs(40)
    run_local(chunk_frame(docs, 6), tmp_path / "one", split_chunk, jobs=1, progress=False)
    run_local(
        chunk_frame(docs, 6),
        tmp_path / "two",
        split_chunk,
        jobs=2,
        progress=False,
        start_method="spawn",
    )
    for name in ("documents.parquet", "sentences.parquet"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()


def test_writer_keeps_schema_when_first_chunk_lacks_values(tmp_path: Path) -> None:
    writer = ParquetTableWriter(tmp_path / "audit.parquet")
    writer.write(pd.DataFrame({"doc_id": pd.Series([], dtype=object), "rule": []}))
    writer.write(pd.DataFrame({"doc_id": ["a"], "rule": [None]}))  # rule infers as null
    writer.write(pd.DataFrame({"doc_id": ["b"], "rule": ["dedupe"]}))
    writer.close()
    table = pd.read_parquet(tmp_path / "audit.parquet")
    assert table["rule"].tolist()[1] == "dedupe" and pd.isna(table["rule"].tolist()[0])


def test_writer_leaves_an_empty_table_when_nothing_was_written(tmp_path: Path) -> None:
    writer = ParquetTableWriter(tmp_path / "audit.parquet")
    empty = {"doc_id": pd.Series([], dtype=str), "n": pd.Series([], dtype="int64")}
    writer.write(pd.DataFrame(empty))
    writer.close()
    table = pd.read_parquet(tmp_path / "audit.parquet")
    assert list(table.columns) == ["doc_id", "n"] and table.empty


def test_writer_refuses_a_chunk_with_other_columns(tmp_path: Path) -> None:
    writer = ParquetTableWriter(tmp_path / "t.parquet")
    writer.write(pd.DataFrame({"a": [1]}))
    with pytest.raises(EngineError, match="do not match the first chunk"):
        writer.write(pd.DataFrame({"b": ["x"]}))
    writer.close()


def test_raw_doc_frames_have_the_reader_columns() -> None:
    assert list(raw_docs(2).columns) == RAW_DOC_COLUMNS


def test_table_files_are_named_after_the_tables() -> None:
    assert table_file("documents") == "documents.parquet"
    assert table_file("sentences") == "sentences.parquet"
    assert table_file("audit") == "cleaning_audit.parquet"  # the name of the CSV table too
    assert table_file("actors") == "actors.parquet"


def pid_chunk(raw: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({"doc_id": raw["doc_id"], "pid": os.getpid()})


def shared_chunk(raw: pd.DataFrame, *, parent: int, marks: str) -> pd.DataFrame:
    """``pid_chunk`` that, in the parent, first waits until a worker has started a chunk, so
    that the parent and a worker both compute chunks of the run."""
    import time

    folder = Path(marks)
    if os.getpid() == parent:
        for _ in range(600):
            if any(folder.iterdir()):
                break
            time.sleep(0.05)
    else:
        (folder / str(os.getpid())).touch()
    return pid_chunk(raw)


def slow_in_worker(raw: pd.DataFrame, *, parent: int, marks: str) -> pd.DataFrame:
    """``shared_chunk``, 0.3 s slower in a worker once it has started: this process computes
    chunks while a worker is still busy with one it started."""
    import time

    result = shared_chunk(raw, parent=parent, marks=marks)
    if os.getpid() != parent:
        time.sleep(0.3)
    return result


def failing_in_worker(raw: pd.DataFrame, *, parent: int, marks: str) -> pd.DataFrame:
    if os.getpid() != parent:
        (Path(marks) / str(os.getpid())).touch()
        raise ValueError("a worker failed")
    return shared_chunk(raw, parent=parent, marks=marks)


def test_claims_go_to_the_first_claimant_and_never_to_a_stale_chunk() -> None:
    import multiprocessing

    claims = multiprocessing.get_context("spawn").Array("q", [-1] * 4)
    assert _claim(claims, 5) and not _claim(claims, 5)  # once only
    assert not _claim(claims, 1)  # a chunk of the same slot, older than the one claimed there
    assert _claim(claims, 9) and _claim(claims, 6)  # a newer chunk of the slot; another slot


def test_this_process_and_a_worker_share_the_chunks_in_order(tmp_path: Path) -> None:
    docs = raw_docs(16)
    workers = worker_pool(1, "spawn")  # up before the run, so both compute from the start
    fn = functools.partial(shared_chunk, parent=os.getpid(), marks=str(tmp_path))
    out = collect(chunk_frame(docs, 2), fn, jobs=2, start_method="spawn")
    assert out["sentences"]["doc_id"].tolist() == docs["doc_id"].tolist()
    pids = set(out["sentences"]["pid"])
    worker_pids = set(workers.pool.map(_ping, range(1)))
    assert pids == {os.getpid(), *worker_pids}
    assert worker_pool(1, "spawn") is workers  # the same workers serve later runs


def test_worker_results_come_through_the_spool_folder_which_is_removed_with_the_pool(
    tmp_path: Path,
) -> None:
    from analysis.measure import engine

    docs = raw_docs(16)
    workers = worker_pool(1, "spawn")
    fn = functools.partial(shared_chunk, parent=os.getpid(), marks=str(tmp_path))
    out = collect(chunk_frame(docs, 2), fn, jobs=2, start_method="spawn")
    assert set(out["sentences"]["pid"]) - {os.getpid()}  # a worker computed some chunks
    assert workers.spool.is_dir() and not any(workers.spool.iterdir())  # each file read once
    engine.shutdown_pools()
    assert not workers.spool.exists()


def test_a_chunk_waits_for_the_workers_in_a_spool_file_that_whoever_claims_it_removes() -> None:
    import pickle
    import time

    from analysis.measure.engine import _chunk_file, _Helpers, _Slot

    workers = worker_pool(1, "spawn")
    busy = workers.pool.apply_async(time.sleep, (1.0,))  # the worker reaches our chunks after
    helpers = _Helpers(1, "spawn", pid_chunk)
    mine, theirs = (_Slot(len(chunk), chunk) for chunk in chunk_frame(raw_docs(4), 2))
    helpers.add(mine)
    helpers.add(theirs)
    files = [_chunk_file(workers.spool, slot.seq) for slot in (mine, theirs)]
    assert mine.chunk is not None and pickle.loads(files[0].read_bytes()).equals(mine.chunk)
    assert helpers.take(mine) and not files[0].exists()  # this process's now; file gone
    busy.get()
    assert mine.future.get() == (False, None)  # the worker skipped it
    result = helpers.wait(theirs)
    assert theirs.chunk is not None and result["doc_id"].tolist() == theirs.chunk["doc_id"].tolist()
    assert set(result["pid"]) == set(workers.pool.map(_ping, range(1)))
    assert not files[1].exists() and not any(workers.spool.iterdir())


def timed_slow_in_worker(raw: pd.DataFrame, *, parent: int, marks: str) -> pd.DataFrame:
    """``slow_in_worker`` with the time each chunk was computed (``at``, monotonic ns)."""
    import time

    return slow_in_worker(raw, parent=parent, marks=marks).assign(at=time.monotonic_ns())


def test_taking_order_is_the_input_order_until_the_last_chunks() -> None:
    from analysis.measure.engine import _Slot

    slots = [_Slot(1, None, seq=seq) for seq in range(4)]
    assert taking_order(slots, False, 2) == slots  # more chunks are coming
    assert taking_order(slots[1:], True, 2) == slots[1:]  # more left than processes
    assert taking_order(slots[2:], True, 2) == [slots[3], slots[2]]  # the last one first
    assert taking_order(slots[1:], True, 3) == [slots[3], slots[2], slots[1]]
    assert taking_order(slots[3:], True, 2) == [slots[3]]
    assert taking_order([], True, 2) == []


def last_chunks_of_a_run(tmp_path: Path) -> tuple[list[tuple[int, object]], list[pd.DataFrame]]:
    """Four chunks of two documents on this process and a spawned worker, 0.3 s slower a
    chunk, handed out as :func:`run_local` asks (a chunk a worker has started comes out before
    it is done): what came out, with when (monotonic ns), and the tables, in input order."""
    import time

    docs = raw_docs(8)
    worker_pool(1, "spawn")  # up before the run
    fn = functools.partial(timed_slow_in_worker, parent=os.getpid(), marks=str(tmp_path))
    out = map_chunks(chunk_frame(docs, 2), fn, jobs=2, start_method="spawn", hand_over=True)
    yielded = [(time.monotonic_ns(), result) for _, result in out]  # waiting only after
    tables = [r.get() if isinstance(r, Pending) else r for _, r in yielded]
    assert pd.concat(tables)["doc_id"].tolist() == docs["doc_id"].tolist()  # order kept
    assert tables[3]["pid"].iloc[0] == os.getpid()  # the last chunk: computed here
    return yielded, tables


def test_this_process_takes_the_last_chunk_and_leaves_the_one_before_to_a_worker(
    tmp_path: Path,
) -> None:
    _, tables = last_chunks_of_a_run(tmp_path)
    # the worker is still busy with its first chunk when this process ends its first, so with
    # chunks 2 and 3 left, this process takes 3 first (and 2 only if the worker has not yet)
    if tables[2]["pid"].iloc[0] == os.getpid():
        assert tables[3]["at"].iloc[0] < tables[2]["at"].iloc[0]


def test_at_the_end_the_chunk_left_to_a_worker_is_handed_out_before_the_last_is_computed(
    tmp_path: Path,
) -> None:
    yielded, tables = last_chunks_of_a_run(tmp_path)
    # the worker started chunk 0 or 1 (0.3 s); chunk 2, left to it when this process took the
    # last one, came out before that one was computed: a writing thread can write the
    # worker's result while this process computes. (The worker was still busy when this
    # process was done, so this process took chunk 2 back: the Pending gives its result.)
    at_2, handed = yielded[2]
    assert isinstance(handed, Pending)
    assert at_2 < tables[3]["at"].iloc[0]
    assert tables[2]["pid"].iloc[0] == os.getpid()


def test_waiting_on_a_chunk_handed_out_gives_this_process_s_result_once_it_took_it() -> None:
    import time

    from analysis.measure.engine import RunStopped, _Helpers, _Slot

    workers = worker_pool(1, "spawn")
    busy = workers.pool.apply_async(time.sleep, (1.0,))  # the worker reaches the chunk after
    helpers = _Helpers(1, "spawn", pid_chunk)
    frames = [*chunk_frame(raw_docs(4), 2)]
    slots = [_Slot(2, frame, computed=threading.Event()) for frame in frames]
    for slot in slots:
        helpers.add(slot)
    got: list[object] = []
    cancel = threading.Event()

    def wait(slot: _Slot) -> None:
        try:
            got.append(helpers.wait(slot, cancel))
        except RunStopped as error:
            got.append(error)

    waiting = threading.Thread(target=wait, args=(slots[0],))
    waiting.start()  # waits on the worker's result, then (taken here) on this process's
    assert helpers.take(slots[0])
    slots[0].result = "computed here"
    slots[0].computed.set()
    waiting.join(10)
    assert got == ["computed here"]
    stopped = threading.Thread(target=wait, args=(slots[1],))
    assert helpers.take(slots[1])
    stopped.start()
    cancel.set()  # never computed (an error in this process): the waiting thread stops
    stopped.join(10)
    assert not stopped.is_alive() and isinstance(got[1], RunStopped)
    busy.get()
    assert [slot.future.get() for slot in slots] == [(False, None)] * 2  # the worker skipped


class _ResultOnWait:
    """A worker's future whose result comes in while the writing thread waits on it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.is_in = False

    def ready(self) -> bool:
        return self.is_in

    def wait(self, timeout: float | None = None) -> None:
        self.is_in = True

    def get(self) -> tuple[bool, Path]:
        return True, self.path


class _NotToSleepOn(threading.Event):
    def wait(self, timeout: float | None = None) -> bool:
        raise AssertionError("the writing thread slept on the cancel event, not on the result")


def test_the_writing_thread_wakes_on_a_worker_s_result_not_on_a_timer(tmp_path: Path) -> None:
    import pickle

    from analysis.measure.engine import _Helpers, _Slot

    path = tmp_path / "0.pickle"
    path.write_bytes(pickle.dumps({"sentences": "done"}))
    helpers = object.__new__(_Helpers)  # only what wait() uses: the lock
    helpers.lock = threading.Lock()
    slot = _Slot(1, None, seq=0, future=_ResultOnWait(path))
    assert helpers.wait(slot, _NotToSleepOn()) == {"sentences": "done"}
    assert not path.exists()  # read once, removed


def test_this_process_computes_while_the_workers_start() -> None:
    from analysis.measure import engine

    engine.shutdown_pools()
    stats: dict[str, float] = {}
    chunks = chunk_frame(raw_docs(12), 2)
    out = list(map_chunks(chunks, pid_chunk, jobs=2, start_method="spawn", stats=stats))
    pids = pd.concat([table for _, table in out])["pid"]
    assert pids.iloc[0] == os.getpid()  # the first chunk did not wait for the workers
    assert [n for n, _ in out] == [2] * 6
    assert stats["startup_seconds"] >= 0


_COMPUTING = threading.Event()  # map_chunks' ``computing`` in the test below
_SEEN_COMPUTING: list[bool] = []  # what this process's chunks saw of it


def computing_chunk(raw: pd.DataFrame, *, parent: int) -> pd.DataFrame:
    """``pid_chunk`` that records, in this process, whether ``_COMPUTING`` is set."""
    if os.getpid() == parent:
        _SEEN_COMPUTING.append(_COMPUTING.is_set())
    return pid_chunk(raw)


def test_map_chunks_marks_this_process_computing_only_while_it_computes_a_chunk() -> None:
    from analysis.measure import engine

    engine.shutdown_pools()  # this process computes while the workers start (test above)
    _SEEN_COMPUTING.clear()
    fn = functools.partial(computing_chunk, parent=os.getpid())
    chunks = chunk_frame(raw_docs(12), 2)
    at_yield = []
    for _ in map_chunks(chunks, fn, jobs=2, start_method="spawn", computing=_COMPUTING):
        at_yield.append(_COMPUTING.is_set())
    assert _SEEN_COMPUTING and all(_SEEN_COMPUTING)  # set while this process computed
    assert len(at_yield) == 6 and not any(at_yield)  # clear whenever a result is handed out
    assert not _COMPUTING.is_set()


def test_a_worker_error_stops_the_workers_and_reaches_the_caller(tmp_path: Path) -> None:
    workers = worker_pool(1, "spawn")
    worker_pids = workers.pool.map(_ping, range(1))
    fn = functools.partial(failing_in_worker, parent=os.getpid(), marks=str(tmp_path))
    with pytest.raises(ValueError, match="a worker failed"):
        collect(chunk_frame(raw_docs(20), 5), fn, jobs=2, start_method="spawn")
    assert worker_pool(1, "spawn") is not workers  # the next run starts new workers
    for pid in worker_pids:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)  # stopped and reaped


def test_forked_workers_give_the_same_files(tmp_path: Path) -> None:
    # the default start method on Linux: workers forked from this process
    docs = raw_docs(30)
    run_local(chunk_frame(docs, 4), tmp_path / "one", split_chunk, jobs=1, progress=False)
    run_local(chunk_frame(docs, 4), tmp_path / "two", split_chunk, jobs=2, progress=False)
    for name in ("documents.parquet", "sentences.parquet"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()


def test_fork_server_preload_imports_nltk_without_scipy_and_sklearn() -> None:
    # In a fresh interpreter: the preload leaves SciPy and scikit-learn unimported but importable,
    # and the per-document work gives the same sentences and scores as usual.
    import subprocess
    import sys

    code = (
        "import sys\n"
        "import analysis.measure.preload\n"
        "assert 'nltk' in sys.modules\n"
        "assert 'scipy' not in sys.modules and 'sklearn' not in sys.modules\n"
        "from analysis.corpus.sentences import split_sentences\n"
        "from analysis.sentiment.vader import default_analyzer\n"
        "print(split_sentences('Mr. Li met U.S. envoys. It went well.'))\n"
        "print(default_analyzer().polarity_scores('It went well.'))\n"
        "import scipy.stats\n"
        "print('scipy importable')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    lines = result.stdout.splitlines()
    assert lines[0] == "['Mr. Li met U.S. envoys.', 'It went well.']"
    from analysis.sentiment.vader import default_analyzer

    assert lines[1] == repr(default_analyzer().polarity_scores("It went well."))
    assert lines[2] == "scipy importable"


def test_a_forked_worker_leaves_ctrl_c_to_its_parent_and_ends_on_sigterm() -> None:
    import signal

    from analysis.measure import engine

    previous = signal.signal(signal.SIGTERM, lambda *_: None)  # as the CLI's, inherited by fork
    try:
        workers = worker_pool(1, "fork")
    finally:
        signal.signal(signal.SIGTERM, previous)
    (pid,) = workers.pool.map(_ping, range(1))
    os.kill(pid, signal.SIGINT)
    assert workers.pool.map(_ping, range(1)) == [pid]  # still there, still working
    engine._drop_pool(workers)  # SIGTERM
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


def test_workers_are_not_forked_from_a_jupyter_kernel(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys
    import types

    from analysis.measure import engine as engine_module

    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.delitem(sys.modules, "ipykernel", raising=False)
    assert engine_module.default_start_method() == "fork"
    monkeypatch.setitem(sys.modules, "ipykernel", types.ModuleType("ipykernel"))
    assert engine_module.default_start_method() in ("forkserver", "spawn")


def test_writing_thread_writes_in_order_and_raises_a_write_error_in_the_caller() -> None:
    from analysis.measure.engine import WritingThread

    written: list[int] = []
    thread = WritingThread(written.append, depth=1)
    for item in range(5):
        thread.put(item)
    thread.close()
    assert written == [0, 1, 2, 3, 4]

    def slow(item: int) -> None:
        threading.Event().wait(0.05)
        written.append(item)

    written.clear()
    draining = WritingThread(slow, depth=3)
    for item in range(3):
        draining.put(item)
    draining.drain()  # waits for what was put, not for close
    assert written == [0, 1, 2]
    draining.close()

    def refuse_three(item: int) -> None:
        if item == 3:
            raise OSError("disk full")
        written.append(item)

    written.clear()
    failing = WritingThread(refuse_three)
    with pytest.raises(OSError, match="disk full"):
        for item in range(10):
            failing.put(item)
        failing.close()
    failing.stop()  # stopping again after the error raises nothing
    assert written == [0, 1, 2]  # nothing after the failed item


def test_hand_over_yields_a_worker_s_chunk_before_it_is_done(tmp_path: Path) -> None:
    from analysis.measure.engine import Pending

    docs = raw_docs(16)
    worker_pool(1, "spawn")
    fn = functools.partial(slow_in_worker, parent=os.getpid(), marks=str(tmp_path))
    out = list(map_chunks(chunk_frame(docs, 2), fn, jobs=2, start_method="spawn", hand_over=True))
    pending = [result for _, result in out if isinstance(result, Pending)]
    assert pending  # the worker's chunks came as handles, this process's as results
    tables = [result.get() if isinstance(result, Pending) else result for _, result in out]
    assert pd.concat(tables)["doc_id"].tolist() == docs["doc_id"].tolist()  # in input order
    assert {os.getpid()} < set(pd.concat(tables)["pid"])


def on_two_spawned(docs: pd.DataFrame, out: Path, fn: ChunkFunction) -> RunSummary:
    """``run_local`` of ``docs`` in chunks of 4 on this process and a spawned worker."""
    return run_local(chunk_frame(docs, 4), out, fn, jobs=2, progress=False, start_method="spawn")


def test_run_local_on_two_processes_writes_what_one_writes_and_reports_a_worker_error(
    tmp_path: Path,
) -> None:
    docs = raw_docs(30)
    worker_pool(1, "spawn")
    marks = tmp_path / "marks"
    marks.mkdir()
    fn = functools.partial(slow_in_worker, parent=os.getpid(), marks=str(marks))
    one = run_local(chunk_frame(docs, 4), tmp_path / "one", pid_chunk, jobs=1, progress=False)
    two = on_two_spawned(docs, tmp_path / "two", fn)
    assert (one.n_chunks, one.n_docs, one.rows) == (two.n_chunks, two.n_docs, two.rows)
    written = pq.read_table(tmp_path / "two" / "sentences.parquet").to_pandas()
    assert written["doc_id"].tolist() == docs["doc_id"].tolist()
    assert len(set(written["pid"])) == 2  # both processes computed, one file in order

    failing = functools.partial(failing_in_worker, parent=os.getpid(), marks=str(marks))
    with pytest.raises(ValueError, match="a worker failed"):
        on_two_spawned(docs, tmp_path / "three", failing)
    again = on_two_spawned(docs, tmp_path / "four", fn)
    assert again.rows == two.rows  # nothing left waiting or half-stopped by the failed run


def failing_in_parent(raw: pd.DataFrame, *, parent: int, marks: str) -> pd.DataFrame:
    """``slow_in_worker`` that fails in this process past the first eight documents: by then
    a worker's chunk waits, unfinished, for the writing thread."""
    if os.getpid() == parent and not raw["doc_id"].isin(raw_docs(8)["doc_id"]).all():
        raise RuntimeError("this process failed")
    return slow_in_worker(raw, parent=parent, marks=marks)


def test_an_error_in_this_process_stops_the_run_while_a_worker_chunk_waits_to_be_written(
    tmp_path: Path,
) -> None:
    import threading

    worker_pool(1, "spawn")
    marks = tmp_path / "marks"  # apart from the output folder, which would count as a mark
    marks.mkdir()
    fn = functools.partial(failing_in_parent, parent=os.getpid(), marks=str(marks))
    raised: list[BaseException] = []

    def run() -> None:
        try:
            on_two_spawned(raw_docs(30), tmp_path / "out", fn)
        except BaseException as error:
            raised.append(error)

    running = threading.Thread(target=run, daemon=True)
    running.start()
    running.join(60)
    assert not running.is_alive(), "the writing thread waits for a chunk of stopped workers"
    assert len(raised) == 1 and "this process failed" in str(raised[0])


def three_tables(raw: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """A result of three tables, as a checked chunk gives them."""
    ids = raw["doc_id"].astype(str)
    return {
        "documents": pd.DataFrame({"doc_id": ids}),
        "sentences": pd.DataFrame({"doc_id": ids, "n": range(len(ids))}),
        "audit": pd.DataFrame({"doc_id": ids, "action": "kept"}),
    }


class Marking:
    """A ``before_writing`` that marks each document and records the tables it was given."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, ...]] = []

    def __call__(self, result: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
        self.seen.append(tuple(result))
        return {**result, "documents": result["documents"].assign(mark="flagged")}


def test_untouched_tables_of_the_last_results_bypass_before_writing_with_the_same_files(
    tmp_path: Path,
) -> None:
    docs = raw_docs(30)
    runs = {}
    for jobs in (1, 2):
        marking = Marking()
        summary = run_local(
            chunk_frame(docs, 4),
            tmp_path / str(jobs),
            three_tables,
            jobs=jobs,
            progress=False,
            before_writing=marking,
            untouched=("sentences", "audit"),
        )
        runs[jobs] = (summary, marking.seen)
    (one, seen_one), (two, seen_two) = runs[1], runs[2]
    assert set(seen_one) == {("documents", "sentences", "audit")}  # one process: in line
    assert len(seen_two) == one.n_chunks
    # the last result is written once every chunk is computed: its untouched tables apart
    assert seen_two[-1] == ("documents",)
    assert set(seen_two) <= {("documents",), ("documents", "sentences", "audit")}
    assert list(two.rows.items()) == list(one.rows.items())  # same tables, counts and order
    for name in one.files.values():
        assert (tmp_path / "2" / name).read_bytes() == (tmp_path / "1" / name).read_bytes()
    written = pq.read_table(tmp_path / "2" / "documents.parquet").to_pandas()
    assert set(written["mark"]) == {"flagged"}
