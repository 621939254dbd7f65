"""Resident memory of a process and its descendants, read cheaply enough to sample while the
measured work runs.

``psutil.Process.children(recursive=True)`` finds children by reading ``/proc/<pid>/stat`` of
every process on the machine. Sampled on a thread of the process under measurement, each of
those reads hands Python's lock back and forth with the thread doing the work: a one-core run of
the throughput bench did about 9,000 voluntary context switches with it (49 without) and
took 2% longer (3.84 s against 3.76 s, median of 8), two cores 0.7% longer, so in those 8
rounds the two-core scaling looked better than it was (over whole bench runs the difference is
within the noise). On Linux the kernel lists a thread's
children itself (``/proc/<pid>/task/<tid>/children``) and a process's resident pages
(``/proc/<pid>/statm``), so a sample costs a few reads per process, and :func:`watch` takes
the samples in a process of its own (run as this file: it imports only the standard
library), so the measured process is not disturbed at all.
"""

from __future__ import annotations

import os
import select
import sys
from pathlib import Path

_PROC = Path("/proc")
_PAGE_BYTES = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def child_pids(pid: int) -> list[int]:
    """The pids of ``pid``'s children (of any of its threads), as the kernel lists them;
    empty when the process has ended or the kernel does not list them."""
    children: list[int] = []
    try:
        tasks = list((_PROC / str(pid) / "task").iterdir())
    except OSError:
        return children
    for task in tasks:
        try:
            children.extend(int(p) for p in (task / "children").read_text().split())
        except (OSError, ValueError):
            continue
    return children


def rss_bytes(pid: int) -> int:
    """Resident bytes of ``pid`` (0 if it has ended), from ``/proc/<pid>/statm``."""
    try:
        return int((_PROC / str(pid) / "statm").read_text().split()[1]) * _PAGE_BYTES
    except (OSError, ValueError, IndexError):
        return 0


def kernel_lists_children() -> bool:
    """Whether this system gives ``/proc/<pid>/task/<tid>/children`` (Linux built with
    ``CONFIG_PROC_CHILDREN``, as the common distributions are)."""
    pid = os.getpid()
    return (_PROC / str(pid) / "task" / str(pid) / "children").exists()


def tree_rss_bytes(pid: int, leave_out: int | None = None) -> int:
    """Summed resident bytes of ``pid`` and all its descendants but ``leave_out`` (Linux
    ``/proc`` only: see :func:`kernel_lists_children`). A process that ends while it is read
    counts as 0."""
    total, todo, seen = 0, [pid], {leave_out}
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        total += rss_bytes(current)
        todo.extend(child_pids(current))
    return total


def watch(pid: int, interval: float, stop: int) -> int:
    """The peak of :func:`tree_rss_bytes` of ``pid`` (this process left out), sampled every
    ``interval`` seconds and once more at the end, until the file descriptor ``stop`` is
    readable (its other end written to or closed)."""
    me = os.getpid()
    peak = tree_rss_bytes(pid, leave_out=me)
    while not select.select([stop], [], [], interval)[0]:
        peak = max(peak, tree_rss_bytes(pid, leave_out=me))
    return max(peak, tree_rss_bytes(pid, leave_out=me))


def main(argv: list[str]) -> None:
    """``python process_memory.py PID INTERVAL``: says ``ready``, then watches ``PID`` until
    its standard input closes, and writes the peak in bytes (:class:`PeakMemory`'s watcher)."""
    pid, interval = int(argv[0]), float(argv[1])
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    sys.stdout.write(f"{watch(pid, interval, sys.stdin.fileno())}\n")
    sys.stdout.flush()


if __name__ == "__main__":
    main(sys.argv[1:])
