"""Work a chunk function offers to idle workers at the end of a run (``engine.offer``)."""

from __future__ import annotations

import functools
import os
import threading
import time
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from analysis.corpus.files import chunk_frame
from analysis.measure.engine import (
    MAX_OFFERS_PER_CHUNK,
    SharedCounter,
    _Slot,
    collect,
    ending,
    map_chunks,
    offer,
    offering,
    run_local,
    worker_pool,
)
from tests.engine_cases import raw_docs


def _until(condition: object, seconds: float = 30.0) -> bool:
    """Whether ``condition()`` became true within ``seconds`` (checked every 10 ms)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.01)
    return False


def this_module_loaded() -> int:
    """A task whose unpickling makes a spawned worker import this module (and what it imports)."""
    return os.getpid()


def offering_chunk(raw: pd.DataFrame, *, parent: int, ask: bool = True) -> pd.DataFrame:
    """Each chunk offers ``os.getpid``; in this process, an offer sent to the workers is left
    to them (it waits until a worker has started it). ``ask=False``: the result is never
    asked for. A worker takes 0.2 s a chunk, so this process computes the last chunk, at the
    end of the run."""
    if os.getpid() != parent:
        time.sleep(0.2)
    offered = offer(os.getpid)
    if os.getpid() == parent and offered.sent:
        assert _until(offered.by_worker), "no worker took the offer"
    value = offered.result() if ask else -1
    return pd.DataFrame(
        {"doc_id": raw["doc_id"], "pid": os.getpid(), "offered": value, "sent": offered.sent}
    )


def test_an_offer_outside_a_run_is_computed_here_once_and_only_when_asked() -> None:
    calls: list[int] = []
    offered = offer(calls.append, 7)
    assert not offered.sent and calls == []
    assert offered.result() is None and calls == [7]
    offered.result()
    assert calls == [7]  # computed once


def test_at_the_end_of_a_run_an_idle_worker_takes_what_this_process_offers() -> None:
    docs = raw_docs(8)
    workers = worker_pool(1, "spawn")  # up before the run, this module imported (see on_two)
    workers.pool.apply(this_module_loaded)
    fn = functools.partial(offering_chunk, parent=os.getpid())
    out = collect(chunk_frame(docs, 2), fn, jobs=2, start_method="spawn")["sentences"]
    assert out["doc_id"].tolist() == docs["doc_id"].tolist()  # order and values kept
    here = out[out["pid"] == os.getpid()]
    assert len(here) and len(out) > len(here)  # both processes computed chunks
    worker_pids = set(workers.pool.map(lambda_free_ping, range(1)))
    sent = here[here["sent"]]
    assert len(sent), "this process offered nothing to the workers"
    assert set(sent["offered"]) <= worker_pids  # computed by the worker that took it
    assert (here.loc[~here["sent"], "offered"] == os.getpid()).all()  # else computed here
    elsewhere = out[out["pid"] != os.getpid()]
    assert (elsewhere["offered"] == elsewhere["pid"]).all() and not elsewhere["sent"].any()
    assert not any(workers.spool.iterdir())  # every file read once and removed


def test_an_offer_not_asked_for_is_collected_and_nothing_is_left_in_the_spool() -> None:
    docs = raw_docs(8)
    workers = worker_pool(1, "spawn")
    workers.pool.apply(this_module_loaded)
    fn = functools.partial(offering_chunk, parent=os.getpid(), ask=False)
    out = collect(chunk_frame(docs, 2), fn, jobs=2, start_method="spawn")["sentences"]
    assert out["doc_id"].tolist() == docs["doc_id"].tolist()
    assert out["sent"].any(), out.to_string()
    assert not any(workers.spool.iterdir())
    # the pool still serves a run: no result of the withdrawn offer is mistaken for a chunk's
    again = collect(chunk_frame(docs, 2), fn, jobs=2, start_method="spawn")["sentences"]
    assert again["doc_id"].tolist() == docs["doc_id"].tolist()


def test_one_process_and_a_handed_over_run_compute_offers_here() -> None:
    docs = raw_docs(6)
    fn = functools.partial(offering_chunk, parent=os.getpid())
    for _, result in map_chunks(chunk_frame(docs, 2), fn, jobs=1):
        assert not result["sent"].any() and (result["offered"] == os.getpid()).all()


def test_a_run_is_ending_once_each_process_has_one_chunk_at_most_to_start() -> None:
    slots = [_Slot(1, None, seq=seq) for seq in range(4)]
    assert not ending(slots[2:], False, 2)  # more chunks are coming
    assert not ending(slots[1:], True, 2)  # more left than processes
    assert ending(slots[2:], True, 2) and ending(slots[1:], True, 3) and ending([], True, 2)


def lambda_free_ping(_: int) -> int:
    return os.getpid()


def many_offers(raw: pd.DataFrame, *, parent: int) -> pd.DataFrame:
    """Each chunk offers one more piece of work than a chunk may send, noting before each
    whether it would go to the workers (``offering``) and whether it was sent."""
    if os.getpid() != parent:
        time.sleep(0.2)
    notes = []
    for _ in range(MAX_OFFERS_PER_CHUNK + 1):
        would = offering()
        notes.append(f"{int(would)}{int(offer(os.getpid).sent)}")
    return pd.DataFrame({"doc_id": raw["doc_id"], "pid": os.getpid(), "notes": " ".join(notes)})


def test_a_chunk_sends_a_bounded_number_of_offers_and_says_when_it_would() -> None:
    assert not offering()  # outside a run
    docs = raw_docs(8)
    worker_pool(1, "spawn")
    fn = functools.partial(many_offers, parent=os.getpid())
    out = collect(chunk_frame(docs, 2), fn, jobs=2, start_method="spawn")["sentences"]
    notes = out.drop_duplicates("notes")["notes"].tolist()
    sent = " ".join(["11"] * MAX_OFFERS_PER_CHUNK + ["00"])  # the last one computed here
    assert sent in notes, notes
    assert set(notes) <= {sent, " ".join(["00"] * (MAX_OFFERS_PER_CHUNK + 1))}
    assert not offering()


def offering_to_parent(raw: pd.DataFrame, *, parent: int, ask: bool = True) -> pd.DataFrame:
    """In a worker (0.3 s a chunk, so the command's process ends its own chunks first), each
    chunk offers ``os.getpid`` and, when it was sent, waits until the command's process has
    taken it; ``ask=False``: the result is never asked for. The command's process offers
    nothing, and takes 0.05 s a chunk: while it computes one, the worker claims the next (a
    chunk computed in no time would let it take every chunk on a loaded machine)."""
    value, sent = -1, False
    if os.getpid() == parent:
        time.sleep(0.05)
    else:
        time.sleep(0.3)
        offered = offer(os.getpid)
        sent = offered.sent
        if sent:
            assert _until(offered.by_worker), "the command's process did not take the offer"
        value = offered.result() if ask else -1
    columns = {"doc_id": raw["doc_id"], "pid": os.getpid(), "offered": value, "sent": sent}
    return pd.DataFrame(columns)


def on_two(docs: pd.DataFrame, out: Path, fn: object) -> None:
    """``run_local`` of ``docs`` in chunks of 2 on this process and a spawned worker, once the
    worker is up and has imported this module (a task's round trip), so that it can claim a
    chunk from the start instead of importing while this process computes them all."""
    worker_pool(1, "spawn").pool.apply(this_module_loaded)
    run_local(chunk_frame(docs, 2), out, fn, jobs=2, progress=False, start_method="spawn")  # type: ignore[arg-type]


def test_at_the_end_of_a_run_this_process_takes_what_a_worker_offers(tmp_path: Path) -> None:
    docs = raw_docs(8)
    workers = worker_pool(1, "spawn")
    fn = functools.partial(offering_to_parent, parent=os.getpid())
    on_two(docs, tmp_path, fn)
    out = pq.read_table(tmp_path / "sentences.parquet").to_pandas()
    assert out["doc_id"].tolist() == docs["doc_id"].tolist()
    theirs = out[out["pid"] != os.getpid()]
    assert len(theirs) and theirs["sent"].any(), out.to_string()
    # what a worker sent was computed here; what it did not, by itself
    assert (theirs.loc[theirs["sent"], "offered"] == os.getpid()).all()
    assert (theirs.loc[~theirs["sent"], "offered"] == theirs.loc[~theirs["sent"], "pid"]).all()
    assert not any(workers.spool.iterdir())  # every offer and result read once and removed
    assert workers.ending.value == 0  # the run is over: the workers' next chunks offer nothing


def test_a_worker_s_offer_it_does_not_ask_for_leaves_nothing_and_the_pool_serves_on(
    tmp_path: Path,
) -> None:
    docs = raw_docs(8)
    workers = worker_pool(1, "spawn")
    fn = functools.partial(offering_to_parent, parent=os.getpid(), ask=False)
    on_two(docs, tmp_path / "a", fn)
    first = pq.read_table(tmp_path / "a" / "sentences.parquet").to_pandas()
    assert first["sent"].any(), first.to_string()
    assert not any(workers.spool.iterdir())
    again = functools.partial(offering_to_parent, parent=os.getpid())
    on_two(docs, tmp_path / "b", again)
    second = pq.read_table(tmp_path / "b" / "sentences.parquet").to_pandas()
    assert second["doc_id"].tolist() == docs["doc_id"].tolist()
    assert not any(workers.spool.iterdir())


def test_a_shared_counter_numbers_across_processes() -> None:
    import multiprocessing

    counter = SharedCounter(multiprocessing.get_context("spawn").Value("q", 5))
    assert [next(counter), next(counter)] == [5, 6]
    workers = worker_pool(1, "spawn")
    before = next(workers.seqs)
    assert next(workers.seqs) == before + 1  # the pool's own, which its workers draw from too


def test_a_worker_waiting_on_an_offer_stops_when_the_command_s_process_is_gone(
    tmp_path: Path,
) -> None:
    import multiprocessing
    import shutil

    from analysis.measure.engine import RunStopped, _claim, _ToParent

    context = multiprocessing.get_context("spawn")
    spool = tmp_path / "spool"
    spool.mkdir()
    claims = context.Array("q", [-1] * 8)
    seqs, ending = SharedCounter(context.Value("q", 0)), context.Value("b", 1)
    to_parent = _ToParent(claims, spool, seqs, ending)
    offered = _Slot(0, (1, 2), fn=functools.partial(max))
    to_parent.add(offered)
    assert [p.name for p in spool.iterdir()] == ["0.offer.pickle"]  # complete, under its name
    assert _claim(claims, offered.seq)  # the command's process took it
    assert to_parent.claimed_by_worker(offered) and not to_parent.take(offered)
    shutil.rmtree(spool)  # its pool stopped: the result will never come
    raised: list[BaseException] = []

    def wait() -> None:
        with pytest.raises(RunStopped):
            to_parent.wait(offered)
        raised.append(RunStopped())

    waiting = threading.Thread(target=wait, daemon=True)
    waiting.start()
    waiting.join(10)
    assert not waiting.is_alive() and raised, "the worker would wait for ever"
