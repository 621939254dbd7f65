"""Progress of a long benchmark: one line on stderr per stage, with the time since it began.

Why: ``bench tone`` runs for about a quarter of an hour on the shared benchmarks and printed
nothing until its tables, so a user could not tell it from a hung command. The lines go to
stderr so that stdout holds the tables alone (they can be piped or redirected to a file).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO


def quiet(message: str) -> None:
    """A stage logger that says nothing (the default of a benchmark's ``run`` in tests)."""


class StageLog:
    """``log("message")`` prints ``[bench NAME m:ss] message`` to ``stream`` (stderr by default).

    ``clock`` is injectable so the elapsed time can be tested without sleeping."""

    def __init__(
        self,
        name: str,
        stream: TextIO | None = None,
        clock: Callable[[], float] = time.perf_counter,
    ) -> None:
        self.name = name
        self.stream = stream
        self.clock = clock
        self.start = clock()

    def __call__(self, message: str) -> None:
        minutes, seconds = divmod(int(self.clock() - self.start), 60)
        print(
            f"[bench {self.name} {minutes}:{seconds:02d}] {message}",
            file=self.stream or sys.stderr,
            flush=True,
        )
