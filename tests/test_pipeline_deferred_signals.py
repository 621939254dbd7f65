"""Ctrl-C or SIGTERM while a run puts its outputs in place waits for the swap to finish, and the
run then says its outputs are in place (a tester's Ctrl-C was reported as leaving the old ones)."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from pipeline_fakes import (
    FakeExecute,
    FakeKernels,
    run,
    snapshot,
    use_fake_execute,
    use_fake_kernels,
    write_corpus,
    write_pipeline,
)

from analysis.pipeline import run as runner
from analysis.pipeline.deferred_signals import deferred_signals, resume


@pytest.fixture(autouse=True)
def ctrl_c_raises() -> Iterator[None]:
    """Ctrl-C as a terminal's run gets it (``KeyboardInterrupt``): a process started in the
    background (``nohup``, a CI runner) may have SIGINT ignored."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, previous)


def test_a_signal_in_the_block_is_held_and_acted_on_after_it() -> None:
    done = []
    with deferred_signals() as held:
        os.kill(os.getpid(), signal.SIGINT)
        done.append("finished")  # not interrupted
    assert done == ["finished"] and held == [signal.SIGINT]
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # restored
    with pytest.raises(KeyboardInterrupt):
        resume(held)
    resume([])  # nothing held: nothing happens


def test_sigterm_is_resumed_through_its_own_handler(monkeypatch) -> None:
    class Stopped(Exception):
        pass

    def stop(signum, frame):
        raise Stopped()

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        with deferred_signals() as held:
            os.kill(os.getpid(), signal.SIGTERM)
        assert held == [signal.SIGTERM]
        with pytest.raises(Stopped):
            resume(held)
    finally:
        signal.signal(signal.SIGTERM, previous)


def test_ctrl_c_during_the_swap_leaves_the_new_outputs_and_says_so(tmp_path: Path, monkeypatch):
    use_fake_kernels(monkeypatch, FakeKernels())
    notebooks = write_pipeline(tmp_path / "nbs")
    corpus = write_corpus(tmp_path / "corpus")
    out = tmp_path / "out"
    use_fake_execute(monkeypatch, FakeExecute("first"))
    run(notebooks, out, corpus)
    real_promote = runner.promote

    def promote_and_interrupt(*args, **kwargs):
        os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C as the swap begins
        return real_promote(*args, **kwargs)

    monkeypatch.setattr(runner, "promote", promote_and_interrupt)
    use_fake_execute(monkeypatch, FakeExecute("second"))
    said: list[str] = []
    with pytest.raises(KeyboardInterrupt):
        runner.run_pipeline(
            {"corpus_dir": str(corpus)}, out, notebooks, progress=False, log=said.append
        )
    assert (out / "reports" / "summary.md").read_text() == "# second\n"  # the swap finished
    assert any("holds this run's outputs, complete" in line for line in said)
    leftovers = [p.name for p in (out / "reports").iterdir() if p.name.startswith(".")]
    assert sorted(leftovers) == [".analysis-outputs.json"]
    assert "reports/summary.md" in snapshot(out)


def test_a_signal_the_process_ignores_stays_ignored() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a run started with nohup
    with deferred_signals() as held:
        os.kill(os.getpid(), signal.SIGINT)
    assert held == [] and signal.getsignal(signal.SIGINT) is signal.SIG_IGN
