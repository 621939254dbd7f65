"""analysis.pipeline.execute.Heartbeat: a notebook's progress bar is redrawn while a long cell
runs, on a terminal only (a tester's bar stood at "4/22 cells" for 90 s with no sign of work)."""

from __future__ import annotations

import time

from analysis.pipeline.execute import Heartbeat


class Bar:
    def __init__(self) -> None:
        self.redrawn = 0

    def refresh(self) -> None:
        self.redrawn += 1


def test_the_bar_is_redrawn_until_stopped() -> None:
    bar = Bar()
    beat = Heartbeat(bar, every=0.01, terminal=True)
    deadline = time.monotonic() + 5
    while bar.redrawn < 3 and time.monotonic() < deadline:
        time.sleep(0.01)
    beat.stop()
    assert bar.redrawn >= 3 and not beat.running
    stopped_at = bar.redrawn
    time.sleep(0.05)
    assert bar.redrawn == stopped_at


def test_nothing_is_redrawn_off_a_terminal_or_without_a_bar() -> None:
    bar = Bar()
    beat = Heartbeat(bar, every=0.01, terminal=False)
    time.sleep(0.05)
    beat.stop()
    assert bar.redrawn == 0 and not beat.running
    Heartbeat(None, terminal=True).stop()
