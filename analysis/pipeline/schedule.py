"""Scheduling a run: stages in order, a stage's notebooks side by side, kernels warm ahead.

The notebooks are dealt to *lanes* (:func:`plan_lanes`): a stage's first notebook goes to lane 0,
its second to lane 1, and so on, so that a run of stages 01 | 02 03 | 04 has two lanes, 01 → 02 →
04 and 03. Each lane is one thread and one kernel: the thread warms the kernel for the lane's
first notebook (:func:`analysis.pipeline.kernels.start_kernel`, at most :data:`WARMUP_SLOTS`
lanes at a time, in run order), waits for that notebook's turn, executes it
(:func:`analysis.pipeline.execute.execute_notebook`) and reports the outcome to the main thread;
then it makes the same kernel ready for the lane's next notebook
(:func:`analysis.pipeline.kernels.reuse_kernel`: the fresh state back, that notebook's modules
imported) while the others of the stage still run, and so on. The main thread starts the next
stage only when the previous one succeeded, or earlier when the previous stage's notebooks have
run their cell tagged :data:`~analysis.pipeline.execute.RELEASE_TAG` (notebook 01 once it has
built the per-sentence cache that 02 and 03 read: 03, on the other lane, then starts while 01
writes its tables and figure); a stage after that still waits for every earlier one to end.

On a two-core machine every kernel's start-up and imports compete with the notebooks running, so
fewer kernels make a faster run: two kernels instead of four. All three functions are looked up
on their modules at call time, so that tests can replace them there.
"""

from __future__ import annotations

import contextlib
import functools
import os
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analysis.pipeline import execute, kernels
from analysis.pipeline.kernels import Background, WarmKernel

# Lanes whose kernels start and import at the same time, in run order: one more than the cores (a
# kernel waits on its process start-up and sockets part of the time), so that the kernels needed
# first are ready early rather than every kernel late.
WARMUP_SLOTS = (os.cpu_count() or 1) + 1

Log = Callable[[str], None]


@dataclass(frozen=True)
class Job:
    """One notebook of a run: where it is read from and written to, and its parameters."""

    input_path: Path
    output_path: Path
    parameters: dict[str, Any]
    progress_bar: bool


@dataclass
class RunState:
    """Which notebooks were given their turn and which completed (read after an interrupt)."""

    started: list[str] = field(default_factory=list)  # given their turn, in that order
    finished: set[str] = field(default_factory=set)
    kernels: dict[str, WarmKernel] = field(default_factory=dict)
    cancel: threading.Event = field(default_factory=threading.Event)


class _OrderedSlots:
    """At most ``size`` holders at a time, let in strictly by ticket number (0, 1, 2, …).

    A plain semaphore lets waiting threads in in no particular order; the warm-ups must follow
    the run order, so that the kernels needed first are ready first.
    """

    def __init__(self, size: int) -> None:
        self._ready = threading.Condition()
        self._free = size
        self._next = 0

    @contextlib.contextmanager
    def hold(self, ticket: int) -> Iterator[None]:
        """Wait for ``ticket``'s turn and a free slot; release the slot on exit."""
        with self._ready:
            self._ready.wait_for(lambda: self._next == ticket and self._free > 0)
            self._free -= 1
            self._next += 1
            self._ready.notify_all()
        try:
            yield
        finally:
            with self._ready:
                self._free += 1
                self._ready.notify_all()


def plan_lanes(plan: Sequence[Sequence[str]]) -> list[list[str]]:
    """Deal the notebooks to lanes: the ``i``-th notebook of every stage goes to lane ``i``.

    A lane's notebooks run one after another on one kernel; since a stage starts only when the
    one before it finished, a lane's kernel is always free when its next notebook's turn comes.
    The lanes are listed in the order of their first notebook in the run.
    """
    lanes: list[list[str]] = []
    for stage in plan:
        for index, name in enumerate(stage):
            if index == len(lanes):
                lanes.append([])
            lanes[index].append(name)
    return lanes


def run_plan(
    plan: Sequence[Sequence[str]],
    jobs: Mapping[str, Job],
    cwd: Path,
    timeout: int,
    log: Log,
    state: RunState,
) -> dict[str, float]:
    """Run the stages in order, a stage's notebooks side by side, on one kernel per lane.

    :class:`Lanes` started and run at once (see there); every kernel is shut down before this
    returns. Returns the seconds each notebook took to execute.
    """
    with Lanes(plan, {name: job.input_path for name, job in jobs.items()}, cwd, state) as lanes:
        return lanes.run(jobs, timeout, log)


class Lanes:
    """A run's lane threads (:func:`plan_lanes`), started before the run's jobs are known.

    Creating it starts every lane's thread, which starts the lane's kernel and imports its first
    notebook's modules (``kernels.start_kernel``; at most :data:`WARMUP_SLOTS` lanes at a
    time, in run order) while the caller still checks parameters and prepares the staging
    folder. :meth:`run` then gives the notebooks their turns: each lane executes its notebooks
    (``execute.execute_notebook``) one after another on its kernel, readying it for the next
    (``kernels.reuse_kernel``) while the others of the stage still run. A kernel that cannot be
    warmed or reused is left to papermill (a fresh kernel of its own) for that notebook, and the
    lane's next notebook starts a new one. :meth:`close` (also on leaving a ``with`` block) stops
    the lanes and shuts every kernel down; no notebook runs when :meth:`run` was never called.
    """

    def __init__(
        self,
        plan: Sequence[Sequence[str]],
        notebooks: Mapping[str, Path],
        cwd: Path,
        state: RunState,
    ) -> None:
        self.plan = [list(stage) for stage in plan]
        self.state = state
        self.names = [name for stage in self.plan for name in stage]
        self.turn = {name: threading.Event() for name in self.names}
        self.outcome: dict[str, Future[float]] = {name: Future() for name in self.names}
        # set when a notebook has run its cell tagged execute.RELEASE_TAG (the next stage may
        # start); this and every notebook's end wake :meth:`run`
        self.released = {name: threading.Event() for name in self.names}
        self._changed = threading.Condition()
        for future in self.outcome.values():
            future.add_done_callback(lambda _: self._notify())
        self.jobs: dict[str, Job] = {}
        self.jobs_given = threading.Event()  # set by run (and by close)
        # the lower priority of the kernels warming after the first (kernels.Background),
        # ended by the first lane once its kernel is warm
        self.background = Background()
        self.timeout = 0
        slots = _OrderedSlots(WARMUP_SLOTS)
        lanes = plan_lanes(self.plan)
        self._pool = ThreadPoolExecutor(max_workers=max(1, len(lanes)), thread_name_prefix="lane")
        for ticket, lane in enumerate(lanes):
            warm_slot = functools.partial(slots.hold, ticket)
            self._pool.submit(_run_lane, self, lane, notebooks, cwd, warm_slot)

    def __enter__(self) -> Lanes:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def release(self, name: str) -> None:
        """Say that ``name``'s next stage may start (called from its lane)."""
        self.released[name].set()
        self._notify()

    def _notify(self) -> None:
        with self._changed:
            self._changed.notify_all()

    def _wait_for(
        self, released: Sequence[str], ended: Sequence[str], seconds: dict[str, float], log: Log
    ) -> None:
        """Until each of ``released`` has released its next stage or ended and each of
        ``ended`` has ended, logging each notebook that succeeded (into ``seconds``). Raises the
        failure of a notebook given its turn, once every notebook that began has ended."""
        started = self.state.started

        def ready() -> bool:
            if any(self.outcome[n].done() and _error(self.outcome[n]) for n in started):
                return True
            return all(
                self.released[n].is_set() or self.outcome[n].done() for n in released
            ) and all(self.outcome[n].done() for n in ended)

        with self._changed:
            self._changed.wait_for(ready)
        for name in started:
            outcome = self.outcome[name]
            succeeded = outcome.done() and not outcome.cancelled() and _error(outcome) is None
            if succeeded and name not in seconds:
                seconds[name] = outcome.result()
                log(f"      {name} done in {seconds[name]:.1f} s")
        failure = next(
            (e for n in started if self.outcome[n].done() and (e := _error(self.outcome[n]))), None
        )
        if failure is not None:
            self.state.cancel.set()  # no later notebook starts
            if not isinstance(failure, KeyboardInterrupt):
                wait([self.outcome[n] for n in started])  # the others finish, kernels shut down
            raise failure

    def close(self) -> None:
        """Stop every lane (a notebook running finishes first) and shut its kernel down."""
        self.state.cancel.set()
        self.jobs_given.set()
        for event in self.turn.values():
            event.set()  # threads still waiting for their turn see the cancel and stop
        self._pool.shutdown(wait=True)

    def run(self, jobs: Mapping[str, Job], timeout: int, log: Log) -> dict[str, float]:
        """Give the stages their turns in order; a stage starts when every notebook of the
        previous stage has ended, or has released it (run its cell tagged
        :data:`~analysis.pipeline.execute.RELEASE_TAG`), and every earlier stage has ended;
        nothing starts after a failure. When a notebook fails, the others that have begun
        finish, and none that has not begins; on ``KeyboardInterrupt`` the running kernels are
        killed. Closes the lanes before returning. Returns the seconds each notebook took."""
        state = self.state
        self.jobs.update(jobs)
        self.timeout = timeout
        self.jobs_given.set()
        seconds: dict[str, float] = {}
        try:
            for index, stage in enumerate(self.plan):
                if index:
                    earlier = [name for done in self.plan[: index - 1] for name in done]
                    self._wait_for(self.plan[index - 1], earlier, seconds, log)
                for name in stage:
                    log(f"[{len(state.started) + 1}/{len(self.names)}] {name} started")
                    state.started.append(name)
                    self.turn[name].set()
            self._wait_for([], self.names, seconds, log)
        except KeyboardInterrupt:
            state.cancel.set()
            for name in state.started:
                kernel = state.kernels.get(name)
                if kernel is not None and name not in state.finished:
                    kernel.kill()
            raise
        finally:
            self.close()
        return dict(sorted(seconds.items()))


def _error(future: Future[float]) -> BaseException | None:
    """The exception a finished notebook raised (None when it succeeded or never started)."""
    return None if future.cancelled() else future.exception()


def _cancelled(outcome: Future[float]) -> None:
    """Mark a notebook that will not run as cancelled (wakes ``wait``, which counts it done)."""
    if not outcome.done():
        outcome.cancel()
        outcome.set_running_or_notify_cancel()


def _ready_kernel(
    kernel: WarmKernel | None, notebook: Path, cwd: Path, state: RunState
) -> WarmKernel | None:
    """The lane's kernel made ready for ``notebook``: reused when there is one, else a new one
    started; None (papermill then starts its own) when neither works."""
    if kernel is not None:
        try:
            return kernels.reuse_kernel(kernel, notebook, state.cancel)
        except Exception:  # a kernel that cannot be reused is replaced
            kernel.shutdown()
    if state.cancel.is_set():
        return None
    try:
        return kernels.start_kernel(notebook, cwd, state.cancel)
    except Exception:  # papermill then starts (and reports on) its own kernel
        return None


def _run_lane(
    lanes: Lanes,
    lane: Sequence[str],
    notebooks: Mapping[str, Path],
    cwd: Path,
    warm_slot: Callable[[], contextlib.AbstractContextManager[None]],
) -> None:
    """One lane: warm its kernel, then for each notebook wait for its turn, execute it and set
    its outcome, readying the kernel for the next; shut the kernel down at the end (always,
    also after a failure or an interrupt)."""
    state, outcome = lanes.state, lanes.outcome
    kernel: WarmKernel | None = None
    # A lane whose first notebook is not the run's first warms at a lower priority until the
    # run's first kernel, on the critical path, is warm (or until its own turn, if sooner)
    first = lane[0] == lanes.names[0]
    background = None if first else lanes.background
    try:
        with warm_slot():
            if not state.cancel.is_set():
                with contextlib.suppress(Exception):  # papermill then starts its own
                    extra = {} if background is None else {"background": background}
                    try:
                        kernel = kernels.start_kernel(
                            notebooks[lane[0]], cwd, state.cancel, **extra
                        )
                    finally:
                        if first:  # warm (or failed): the others need the cores now
                            lanes.background.end()
        if background is not None and kernel is not None:
            _preload(lanes, lane[0], kernel)
        for position, name in enumerate(lane):
            if position > 0 and not state.cancel.is_set():
                kernel = _ready_kernel(kernel, notebooks[name], cwd, state)
            if kernel is not None:
                state.kernels[name] = kernel
            lanes.turn[name].wait()
            if state.cancel.is_set():
                for rest in lane[position:]:
                    _cancelled(outcome[rest])
                return
            job = lanes.jobs[name]
            if background is not None:
                with contextlib.suppress(Exception):
                    background.end()  # its turn: full priority again
                background = None
            released = functools.partial(lanes.release, name)
            if not _run_job(name, job, cwd, lanes.timeout, kernel, state, outcome[name], released):
                for rest in lane[position + 1 :]:
                    _cancelled(outcome[rest])
                return
    except BaseException as err:  # handed to the main thread, which raises it
        for name in lane:
            if not outcome[name].done():
                outcome[name].set_exception(err)
                break
        for name in lane:
            _cancelled(outcome[name])
    finally:
        if kernel is not None:
            kernel.shutdown()


def _preload(lanes: Lanes, name: str, kernel: WarmKernel) -> None:
    """While ``name``, a lane's first notebook, waits for its turn: once the run's parameters are
    known, its kernel loads what the notebook's first cells load from them (lexicons, compiled
    patterns: :meth:`~analysis.pipeline.kernels.WarmKernel.preload`). Skipped when the turn has
    come already; a preload that fails leaves that work to the notebook."""
    lanes.jobs_given.wait()
    if lanes.state.cancel.is_set() or lanes.turn[name].is_set() or name not in lanes.jobs:
        return
    with contextlib.suppress(Exception):
        kernel.preload(lanes.jobs[name].parameters, lanes.state.cancel)


def _run_job(
    name: str,
    job: Job,
    cwd: Path,
    timeout: int,
    kernel: WarmKernel | None,
    state: RunState,
    outcome: Future[float],
    released: Callable[[], None],
) -> bool:
    """Execute one notebook (its turn has come) and set ``outcome``; True when it succeeded.
    ``released`` is called when it releases the next stage. ``KeyboardInterrupt`` is raised
    for the lane to hand over."""
    start = time.perf_counter()
    try:
        execute.execute_notebook(
            job.input_path,
            job.output_path,
            job.parameters,
            cwd,
            timeout,
            job.progress_bar,
            kernel=kernel,
            released=released,
        )
    except KeyboardInterrupt:
        raise
    except Exception as err:
        failure = execute.notebook_failure(name, job.output_path, err)
        failure.__cause__ = err
        outcome.set_exception(failure)
        return False
    state.finished.add(name)
    outcome.set_result(time.perf_counter() - start)
    return True
