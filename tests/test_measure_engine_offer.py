"""Work a chunk function offers to idle workers at the end of a run (``engine.offer``)."""

from __future__ import annotations

import functools
import os
import time

import pandas as pd

from analysis.corpus.files import chunk_frame
from analysis.measure.engine import (
    MAX_OFFERS_PER_CHUNK,
    _Slot,
    collect,
    ending,
    map_chunks,
    offer,
    offering,
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
    workers = worker_pool(1, "spawn")  # up before the run
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
