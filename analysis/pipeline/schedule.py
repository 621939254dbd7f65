"""Scheduling a run: stages in order, a stage's notebooks side by side, every kernel warm ahead.

Every notebook gets a thread at once; the thread warms the notebook's kernel
(:func:`analysis.pipeline.kernels.start_kernel`, at most :data:`WARMUP_SLOTS` at a time, in run
order), waits for its stage's turn, executes the notebook on that kernel
(:func:`analysis.pipeline.execute.execute_notebook`) and reports the outcome to the main thread,
which starts the next stage only when the previous one succeeded. Both functions are looked up
on their modules at call time, so that tests can replace them there.
"""

from __future__ import annotations

import contextlib
import functools
import os
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import FIRST_EXCEPTION, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analysis.pipeline import execute, kernels
from analysis.pipeline.kernels import WarmKernel

# Kernels that start and import at the same time, in run order: one more than the cores (a kernel
# waits on its process start-up and sockets part of the time), so that the kernels needed first
# are ready early rather than every kernel late.
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

    started: list[str] = field(default_factory=list)
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


def run_plan(
    plan: Sequence[Sequence[str]],
    jobs: Mapping[str, Job],
    cwd: Path,
    timeout: int,
    log: Log,
    state: RunState,
) -> dict[str, float]:
    """Run the stages in order, a stage's notebooks side by side, every kernel warmed ahead.

    Every notebook gets a thread at once. The thread starts the notebook's kernel and imports
    its modules (``kernels.start_kernel``; at most :data:`WARMUP_SLOTS` at a time, in run
    order), waits for its stage's turn, executes the notebook on that kernel
    (``execute.execute_notebook``), reports the outcome and only then shuts the kernel down (so
    the next stage need not wait for that). A stage starts only when the previous one
    succeeded. When a notebook fails, the others of its stage that have begun finish, and none
    that has not begins; on ``KeyboardInterrupt`` the running kernels are killed. Every kernel
    is shut down before this returns. Returns the seconds each notebook took to execute.
    """
    names = [name for stage in plan for name in stage]
    turn = {name: threading.Event() for name in names}
    outcome: dict[str, Future[float]] = {name: Future() for name in names}
    slots = _OrderedSlots(WARMUP_SLOTS)
    seconds: dict[str, float] = {}
    pool = ThreadPoolExecutor(max_workers=max(1, len(names)), thread_name_prefix="notebook")
    try:
        for ticket, name in enumerate(names):
            warm_slot = functools.partial(slots.hold, ticket)
            pool.submit(
                _run_job,
                name,
                jobs[name],
                cwd,
                timeout,
                turn[name],
                warm_slot,
                state,
                outcome[name],
            )
        for stage in plan:
            for name in stage:
                log(f"[{len(state.started) + 1}/{len(names)}] {name} …")
                state.started.append(name)
                turn[name].set()
            running = [outcome[name] for name in stage]
            wait(running, return_when=FIRST_EXCEPTION)
            failure = next((e for f in running if f.done() and (e := _error(f))), None)
            if failure is not None:
                state.cancel.set()  # no later notebook starts
                if not isinstance(failure, KeyboardInterrupt):
                    wait(running)  # the stage's others finish, so that their kernels shut down
                raise failure
            for name in stage:
                seconds[name] = outcome[name].result()
                log(f"      {name} done in {seconds[name]:.1f} s")
    except KeyboardInterrupt:
        state.cancel.set()
        for name in state.started:
            kernel = state.kernels.get(name)
            if kernel is not None and name not in state.finished:
                kernel.kill()
        raise
    finally:
        state.cancel.set()
        for event in turn.values():
            event.set()  # threads still waiting for their turn see the cancel and stop
        pool.shutdown(wait=True)
    return dict(sorted(seconds.items()))


def _error(future: Future[float]) -> BaseException | None:
    """The exception a finished notebook raised (None when it succeeded or never started)."""
    return None if future.cancelled() else future.exception()


def _run_job(
    name: str,
    job: Job,
    cwd: Path,
    timeout: int,
    turn: threading.Event,
    warm_slot: Callable[[], contextlib.AbstractContextManager[None]],
    state: RunState,
    outcome: Future[float],
) -> None:
    """Warm a kernel, wait for the notebook's turn, execute it, set ``outcome``; then shut the
    kernel down (always, also after a failure or an interrupt)."""
    kernel: WarmKernel | None = None
    try:
        with warm_slot():
            if not state.cancel.is_set():
                try:
                    kernel = kernels.start_kernel(job.input_path, cwd, state.cancel)
                except Exception:  # an optimisation only: papermill then starts its own kernel
                    kernel = None
        if kernel is not None:
            state.kernels[name] = kernel
        turn.wait()
        if state.cancel.is_set():
            outcome.cancel()
            outcome.set_running_or_notify_cancel()  # wakes wait(), which counts it as done
            return
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
            )
        except KeyboardInterrupt:
            raise
        except Exception as err:
            raise execute.notebook_failure(name, job.output_path, err) from err
        state.finished.add(name)
        outcome.set_result(time.perf_counter() - start)
    except BaseException as err:  # handed to the main thread, which raises it
        if not outcome.done():
            outcome.set_exception(err)
    finally:
        if kernel is not None:
            kernel.shutdown()
