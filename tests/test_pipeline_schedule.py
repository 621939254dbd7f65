"""The scheduler: stages in order, one kernel per lane warmed ahead in run order and reused by the
lane's later notebooks, every kernel shut down."""

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


def test_lanes_deal_each_stages_notebooks_side_by_side():
    plan = [["01"], ["02", "03"], ["04"]]
    assert schedule.plan_lanes(plan) == [["01", "02", "04"], ["03"]]
    assert schedule.plan_lanes([["a"], ["b"], ["c"]]) == [["a", "b", "c"]]
    assert schedule.plan_lanes([["a", "b", "c"], ["d"]]) == [["a", "d"], ["b"], ["c"]]


def test_two_kernels_serve_four_notebooks_each_reused_and_shut_down_once(
    notebooks, corpus, tmp_path, monkeypatch, kernels
):
    fake = FakeExecute("a")
    use_fake_execute(monkeypatch, fake)
    run(notebooks, tmp_path / "out", corpus)
    assert sorted(kernels.started) == ["01_corpus.ipynb", "03_framing.ipynb"]
    first, framing = kernels.started["01_corpus.ipynb"], kernels.started["03_framing.ipynb"]
    assert first.prepared == ["02_sentiment.ipynb", "04_summary.ipynb"]  # readied in turn
    assert framing.prepared == []
    for name in ("01_corpus.ipynb", "02_sentiment.ipynb", "04_summary.ipynb"):
        assert fake.kernels[name] is first
    assert fake.kernels["03_framing.ipynb"] is framing
    for kernel in (first, framing):
        assert kernel.shut_down == 1
        assert kernel.killed == 0
    # the run's first kernel warms at full priority; the other in the background until the
    # first is warm (lowered then raised, or never lowered when the first was warm already)
    assert (first.started_in_background, first.background) == (False, [])
    assert framing.started_in_background and framing.background in ([True, False], [])


def test_the_second_kernel_is_raised_once_the_first_is_warm_before_notebook_01_runs(
    notebooks, corpus, tmp_path, monkeypatch
):
    # lowered until its own turn, the second kernel was still warming when notebook 01
    # released notebook 03 (0.1-0.3 s of the bundled run's critical path)
    from pipeline_fakes import FakeKernel

    events: list[str] = []
    lowered = threading.Event()

    class Recording(FakeKernel):
        def set_background(self, background: bool) -> None:
            super().set_background(background)
            events.append(f"{'lower' if background else 'raise'} {self.notebook}")
            if background:
                lowered.set()

    def start(notebook, cwd, cancel=None, background=None):
        kernel = Recording(notebook)
        if background is not None:
            background.lower(kernel)
        else:
            assert lowered.wait(10)  # the first kernel warms while the second is lowered
            events.append(f"warm {kernel.notebook}")
        return kernel

    class Execute(FakeExecute):
        def __call__(self, input_path, *args, **kwargs):
            events.append(f"execute {input_path.name}")
            return super().__call__(input_path, *args, **kwargs)

    monkeypatch.setattr(schedule.kernels, "start_kernel", start)
    use_fake_execute(monkeypatch, Execute("a"))
    run(notebooks, tmp_path / "out", corpus)
    assert events.index("lower 03_framing.ipynb") < events.index("warm 01_corpus.ipynb")
    assert events.index("warm 01_corpus.ipynb") < events.index("raise 03_framing.ipynb")
    assert events.index("raise 03_framing.ipynb") < events.index("execute 01_corpus.ipynb")
    assert events.count("raise 03_framing.ipynb") == 1  # not again at its turn


def test_a_kernel_that_cannot_be_reused_is_replaced_by_a_new_one(
    notebooks, corpus, tmp_path, monkeypatch, kernels
):
    def reuse(kernel, notebook, cancel=None):
        raise RuntimeError("the kernel is no longer running")

    monkeypatch.setattr(schedule.kernels, "reuse_kernel", reuse)
    fake = FakeExecute("a")
    use_fake_execute(monkeypatch, fake)
    run(notebooks, tmp_path / "out", corpus)
    assert sorted(kernels.started) == sorted(p.name for p in notebooks.iterdir())
    for name, kernel in kernels.started.items():
        assert fake.kernels[name] is kernel
        assert kernel.shut_down == 1


def test_warm_ups_start_in_run_order(notebooks, corpus, tmp_path, monkeypatch, kernels):
    monkeypatch.setattr(schedule, "WARMUP_SLOTS", 1)
    order: list[str] = []

    def start(notebook, cwd, cancel=None, **kwargs):
        order.append(notebook.name)
        return kernels(notebook, cwd, cancel, **kwargs)

    use_fake_kernels(monkeypatch, start)
    use_fake_execute(monkeypatch, FakeExecute("a"))
    plan = [["03_framing.ipynb"], ["02_sentiment.ipynb", "01_corpus.ipynb"], ["04_summary.ipynb"]]
    run_pipeline(
        {"corpus_dir": str(corpus)}, tmp_path / "out", notebooks, plan, progress=False,
        log=lambda _: None,
    )  # fmt: skip
    # the lanes' first notebooks, in run order (02 and 04 reuse 03's kernel)
    assert order == ["03_framing.ipynb", "01_corpus.ipynb"]
    assert kernels.started["03_framing.ipynb"].prepared == [
        "02_sentiment.ipynb",
        "04_summary.ipynb",
    ]


def test_a_kernel_that_fails_to_warm_up_is_left_to_papermill(
    notebooks, corpus, tmp_path, monkeypatch, kernels
):
    def start(notebook, cwd, cancel=None, **kwargs):
        if notebook.name == "03_framing.ipynb":
            raise RuntimeError("kernel died during start-up")
        return kernels(notebook, cwd, cancel, **kwargs)

    use_fake_kernels(monkeypatch, start)
    fake = FakeExecute("a")
    use_fake_execute(monkeypatch, fake)
    run(notebooks, tmp_path / "out", corpus)
    assert fake.kernels["03_framing.ipynb"] is None
    assert fake.kernels["02_sentiment.ipynb"] is kernels.started["01_corpus.ipynb"]


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

    def execute(
        input_path, output_path, parameters, cwd, timeout, progress_bar, kernel=None, released=None
    ):
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
    # 02 ran on the kernel 01 had finished with: killed once, as 02's
    assert kernels.started["01_corpus.ipynb"].prepared == ["02_sentiment.ipynb"]
    assert kernels.started["01_corpus.ipynb"].killed == 1
    assert all(k.shut_down == 1 for k in kernels.started.values())
    failed = tmp_path / "out" / "reports" / "failed"
    kept = sorted(p.name for p in failed.iterdir() if not p.name.startswith("."))  # not the record
    assert kept == ["02_sentiment.ipynb", "03_framing.ipynb"]


def _releasing_execute(order: list[str], fail_corpus: bool = False):
    """A papermill stand-in whose 01 releases the next stage, then waits for 03 to begin before
    it ends (or fails); every notebook records when it begins and ends."""
    framing_began = threading.Event()

    def execute(
        input_path, output_path, parameters, cwd, timeout, progress_bar, kernel=None, released=None
    ):
        name = input_path.name[:2]
        order.append(f"{name} begins")
        output_path.write_text("{}", encoding="utf-8")
        if name == "03":
            framing_began.set()
        if name == "01":
            released()
            assert framing_began.wait(5), "03 did not begin while 01 ran on"
            if fail_corpus:
                raise PapermillExecutionError(5, 4, "x", "ValueError", "late failure", [])
        order.append(f"{name} ends")

    return execute


def test_a_notebook_that_releases_its_next_stage_lets_it_begin_before_it_ends(
    notebooks, corpus, tmp_path, monkeypatch, kernels
):
    order: list[str] = []
    use_fake_execute(monkeypatch, _releasing_execute(order))
    result = run(notebooks, tmp_path / "out", corpus)
    assert order.index("03 begins") < order.index("01 ends")
    assert order.index("02 begins") > order.index("01 ends")  # 02 shares 01's lane
    assert order.index("04 begins") > max(order.index(f"{n} ends") for n in ("01", "02", "03"))
    assert sorted(result.seconds) == sorted(p.name for p in notebooks.glob("*.ipynb"))


def test_a_notebook_failing_after_it_released_its_next_stage_fails_the_run(
    notebooks, corpus, tmp_path, monkeypatch, kernels
):
    order: list[str] = []
    use_fake_execute(monkeypatch, _releasing_execute(order, fail_corpus=True))
    with pytest.raises(NotebookFailed, match="01_corpus"):
        run(notebooks, tmp_path / "out", corpus)
    assert "03 ends" in order  # begun before the failure: it finishes
    assert not any(step.startswith(("02", "04")) for step in order)
    assert all(k.shut_down == 1 for k in kernels.started.values())


def test_a_lane_waiting_for_its_first_turn_preloads_its_notebooks_parameters(
    notebooks, corpus, tmp_path, monkeypatch, kernels
):
    given: dict[str, dict] = {}

    def execute(
        input_path, output_path, parameters, cwd, timeout, progress_bar, kernel=None, released=None
    ):
        given[input_path.name] = dict(parameters)
        output_path.write_text("{}", encoding="utf-8")
        if input_path.name == "01_corpus.ipynb":  # runs until the other lane has preloaded
            framing = kernels.started["03_framing.ipynb"]
            for _ in range(500):
                if framing.preloaded:
                    break
                threading.Event().wait(0.01)

    use_fake_execute(monkeypatch, execute)
    run(notebooks, tmp_path / "out", corpus)
    framing, first = kernels.started["03_framing.ipynb"], kernels.started["01_corpus.ipynb"]
    assert framing.preloaded == [given["03_framing.ipynb"]]  # once, with its own parameters
    assert first.preloaded == []  # the run's first notebook has its turn at once
