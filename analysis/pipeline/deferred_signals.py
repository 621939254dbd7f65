"""Ctrl-C and SIGTERM held back while a run puts its outputs in place, then acted on.

A run swaps its staged outputs in for the live ones in one step
(:func:`analysis.pipeline.promote.promote`, crash-safe: a killed swap is undone by the next run).
A tester's Ctrl-C 50 ms into the swap was reported as "interrupted", the run's exit code 130,
while the new outputs were already in place: a journalist who stopped a run with the wrong
parameters would believe the folder still held the old results. The swap takes well under a
second, so the signal waits for it (:func:`deferred_signals`), and the run then says that its
outputs are in place before it stops as interrupted (:func:`resume`).
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType

HELD = (signal.SIGINT, signal.SIGTERM)


@contextlib.contextmanager
def deferred_signals(signals: tuple[int, ...] = HELD) -> Iterator[list[int]]:
    """Within the block, ``signals`` are recorded, not acted on; yields the list they are
    recorded in (in the order they came). Outside the main thread (where no handler can be
    set) nothing is held, nor is a signal the process ignores."""
    received: list[int] = []
    if threading.current_thread() is not threading.main_thread():
        yield received
        return

    def hold(signum: int, frame: FrameType | None) -> None:
        received.append(signum)

    # a signal this process ignores (a run started with nohup) stays ignored
    held = [signum for signum in signals if signal.getsignal(signum) is not signal.SIG_IGN]
    previous = {signum: signal.signal(signum, hold) for signum in held}
    try:
        yield received
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def resume(received: list[int]) -> None:
    """Act on the first signal :func:`deferred_signals` held, as its own handler would have:
    Ctrl-C raises ``KeyboardInterrupt``, SIGTERM what the command's handler raises (or ends the
    process when it has none). Nothing when none was held."""
    if not received:
        return
    signum = received[0]
    handler = signal.getsignal(signum)
    if callable(handler):
        handler(signum, None)
    signal.raise_signal(signum)
