"""CPU time that a process's children spend within a timed interval.

The throughput bench times a run from the moment its worker processes are forked and warmed
up. The CPU time the operating system gives for a child (``RUSAGE_CHILDREN``) covers the
child's whole life and is known only once it has ended, so the workers' warm-up before the
clock and their shutdown after it were counted as the run's: a two-core run of 1.4 s wall was
reported with 1.67 s of CPU in its one worker. Here each live child's CPU time is read when the
clock starts and again when it stops (both readings outside the timed interval), and only what
it used in between is counted (:func:`cpu_between`).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping


def children_cpu_seconds(exclude: Collection[int] = ()) -> dict[int, float]:
    """User plus system CPU seconds used so far by each live descendant of this process, by
    pid, leaving out the pids in ``exclude`` (a helper that is not the work, such as the
    bench's memory watcher). A child that ends while it is read is left out; empty when
    psutil cannot list processes here.

    psutil finds children by reading every process's ``/proc/<pid>/stat``, so call it outside
    the interval being timed (see :mod:`analysis.bench.process_memory` for what that costs).
    """
    try:
        import psutil
    except ImportError:
        return {}
    seconds: dict[int, float] = {}
    try:
        children = psutil.Process().children(recursive=True)
    except psutil.Error:
        return {}
    for child in children:
        if child.pid in exclude:
            continue
        try:
            times = child.cpu_times()
        except psutil.Error:  # it ended between the listing and the reading
            continue
        seconds[child.pid] = times.user + times.system
    return seconds


def cpu_between(start: Mapping[int, float], end: Mapping[int, float]) -> float:
    """CPU seconds the children used between two readings of :func:`children_cpu_seconds`:
    for a child in both, its growth; for a child started in between, all of it. A child that
    ended in between is in neither sum: add what ``RUSAGE_CHILDREN`` gained over the interval
    for it (the bench does)."""
    return sum(seconds - start.get(pid, 0.0) for pid, seconds in end.items())
