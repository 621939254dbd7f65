"""The scheduler: stages in order, kernels warmed ahead in run order, every kernel shut down."""

from __future__ import annotations

import threading

import pytest
from papermill.exceptions import PapermillExecutionError
from pipeline_fakes import (
    FakeExecute,
    run,
    use_fake_execute,
    use_fake_kernels,
)

from analysis.pipeline import schedule
from analysis.pipeline.execute import NotebookFailed
from analysis.pipeline.run import run_pipeline

pytestmark = pytest.mark.usefixtures("kernels")


def test_every_notebook_runs_on_its_own_warmed_kernel_and_every_kernel_is_shut_down(
    notebooks, corpus, tmp_path, monkeypatch, kernels
):
    fake = FakeExecute("a")
    use_fake_execute(monkeypatch, fake)
    run(notebooks, tmp_path / "out", corpus)
    names = sorted(p.name for p in notebooks.iterdir())
    assert sorted(kernels.started) == names
    for name in names:
        assert fake.kernels[name] is kernels.started[name]
        assert kernels.started[name].shut_down == 1
        assert kernels.started[name].killed == 0


def test_warm_ups_start_in_run_order(notebooks, corpus, tmp_path, monkeypatch, kernels):
    monkeypatch.setattr(schedule, "WARMUP_SLOTS", 1)
    order: list[str] = []

    def start(notebook, cwd, cancel=None):
        order.append(notebook.name)
        return kernels(notebook, cwd, cancel)

    use_fake_kernels(monkeypatch, start)
    use_fake_execute(monkeypatch, FakeExecute("a"))
    plan = [["03_framing.ipynb"], ["01_corpus.ipynb", "02_sentiment.ipynb"], ["04_summary.ipynb"]]
    run_pipeline(
        {"corpus_dir": str(corpus)}, tmp_path / "out", notebooks, plan, progress=False,
        log=lambda _: None,
    )  # fmt: skip
    assert order == [name for stage in plan for name in stage]


def test_a_kernel_that_fails_to_warm_up_is_left_to_papermill(
    notebooks, corpus, tmp_path, monkeypatch, kernels
):
    def start(notebook, cwd, cancel=None):
        if notebook.name == "03_framing.ipynb":
            raise RuntimeError("kernel died during start-up")
        return kernels(notebook, cwd, cancel)

    use_fake_kernels(monkeypatch, start)
    fake = FakeExecute("a")
    use_fake_execute(monkeypatch, fake)
    run(notebooks, tmp_path / "out", corpus)
    assert fake.kernels["03_framing.ipynb"] is None
    assert fake.kernels["02_sentiment.ipynb"] is kernels.started["02_sentiment.ipynb"]


def test_after_a_failure_no_later_notebook_runs_and_every_kernel_is_shut_down(
    notebooks, corpus, tmp_path, monkeypatch, kernels
):
    error = PapermillExecutionError(3, 2, "x", "ValueError", "bad input", [])
    fake = FakeExecute("a", {"02_sentiment.ipynb": error})
    use_fake_execute(monkeypatch, fake)
    with pytest.raises(NotebookFailed, match="02_sentiment"):
        run(notebooks, tmp_path / "out", corpus)
    executed = {name for name, _ in fake.calls}
    assert "04_summary.ipynb" not in executed  # 03, its stage-mate, may or may not have begun
    assert all(k.shut_down == 1 for k in kernels.started.values())


def test_interrupt_kills_the_running_kernels_and_shuts_every_kernel_down(
    notebooks, corpus, tmp_path, monkeypatch, kernels
):
    framing_started = threading.Event()
    framing_ended: list[str] = []

    def execute(input_path, output_path, parameters, cwd, timeout, progress_bar, kernel=None):
        output_path.write_text("{}", encoding="utf-8")
        if input_path.name == "03_framing.ipynb":  # a long cell, ended by killing its kernel
            framing_started.set()
            for _ in range(1000):
                if kernel.killed:
                    framing_ended.append("killed")
                    raise RuntimeError("Kernel died")
                threading.Event().wait(0.01)
            framing_ended.append("ran to the end")
        if input_path.name == "02_sentiment.ipynb":
            assert framing_started.wait(5)
            raise KeyboardInterrupt

    use_fake_execute(monkeypatch, execute)
    with pytest.raises(KeyboardInterrupt):
        run(notebooks, tmp_path / "out", corpus)
    assert framing_ended == ["killed"]
    assert kernels.started["03_framing.ipynb"].killed == 1
    assert kernels.started["01_corpus.ipynb"].killed == 0  # it had finished
    assert all(k.shut_down == 1 for k in kernels.started.values())
    failed = tmp_path / "out" / "reports" / "failed"
    assert sorted(p.name for p in failed.iterdir()) == ["02_sentiment.ipynb", "03_framing.ipynb"]
