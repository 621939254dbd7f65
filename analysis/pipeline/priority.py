"""Lowering, and raising back, the CPU priority of a kernel that warms in the background.

A kernel is started in a session of its own (jupyter_client starts every kernel with
``start_new_session``). Where the Linux scheduler groups processes by session (*autogroups*,
``/proc/sys/kernel/sched_autogroup_enabled``, on by default in Ubuntu, Debian and Fedora),
a process's nice value ranks it only against the other processes of its session: a kernel
reniced with ``setpriority`` still gets as much CPU as the kernel the run needs first, since
each session gets an equal share (``man 7 sched``, "The nice value and group scheduling").
What ranks sessions against each other is the session's *autogroup nice*, written to
``/proc/PID/autogroup``; any user may raise it for a process of their own and set it back to
0, without the privilege that lowering a nice value again needs.

:func:`set_autogroup_nice` does that for a kernel leading its own autogroup;
:func:`can_restore_priority` says whether the ordinary nice value may be lowered back too.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import time
from pathlib import Path

# /proc/PID/autogroup reads "/autogroup-123 nice 0"
_AUTOGROUP = re.compile(r"^/autogroup-(\d+) nice (-?\d+)\s*$")
# The kernel refuses a change of any autogroup's nice within 100 ms of the last one made on the
# machine by a process without CAP_SYS_ADMIN (EAGAIN): tries, and the pause between them.
_TRIES = 5
_PAUSE_S = 0.11


def autogroup_of(pid: int | str) -> tuple[int, int] | None:
    """``(autogroup id, autogroup nice)`` of process ``pid`` (``"self"`` for this one), or None
    where the system has no autogroups (not Linux, the feature off or compiled out)."""
    try:
        text = Path(f"/proc/{pid}/autogroup").read_text(encoding="ascii")
    except (OSError, UnicodeDecodeError):
        return None
    found = _AUTOGROUP.match(text)
    return (int(found.group(1)), int(found.group(2))) if found else None


def set_autogroup_nice(pid: int, nice: int) -> bool:
    """Set the autogroup nice of process ``pid`` to ``nice`` when ``pid`` has an autogroup of
    its own (not this process's, which would slow this process down too); True when set.

    A refusal because another autogroup's nice changed less than 100 ms ago is retried a few
    times; any other refusal (another user's process, a negative value without the privilege)
    leaves it as it was and returns False.
    """
    own, theirs = autogroup_of("self"), autogroup_of(pid)
    if theirs is None or own is None or theirs[0] == own[0]:
        return False
    if theirs[1] == nice:
        return True
    for attempt in range(_TRIES):
        try:
            Path(f"/proc/{pid}/autogroup").write_text(str(nice), encoding="ascii")
            return True
        except BlockingIOError:  # EAGAIN: the machine-wide rate limit
            if attempt + 1 < _TRIES:
                time.sleep(_PAUSE_S)
        except OSError:
            return False
    return False


@functools.cache
def can_restore_priority() -> bool:
    """Whether this process may raise a kernel's nice value back after lowering it: as root, or
    when the ``RLIMIT_NICE`` limit allows nice 0 (otherwise nice values are left alone)."""
    import resource

    if os.geteuid() == 0:
        return True
    soft, _ = resource.getrlimit(resource.RLIMIT_NICE)
    return soft == resource.RLIM_INFINITY or soft >= 20 - os.nice(0)


def set_background_priority(pid: int, background: bool, nice: int) -> None:
    """Lower process ``pid`` to ``nice`` (``background``) or give it back full priority: its
    autogroup's nice (:func:`set_autogroup_nice`), and its own nice value where that can be
    undone (:func:`can_restore_priority`). Failures leave the priority as it was."""
    set_autogroup_nice(pid, nice if background else 0)
    if can_restore_priority():
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, pid, nice if background else os.nice(0))
