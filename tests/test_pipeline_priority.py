"""analysis.pipeline.priority: a background kernel ranked below the run's other processes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from analysis.pipeline import priority

needs_autogroups = pytest.mark.skipif(
    priority.autogroup_of("self") is None, reason="the scheduler has no autogroups here"
)


def _sleeper(*, new_session: bool) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", "import time; time.sleep(30)"], start_new_session=new_session
    )


def test_autogroup_of_reads_id_and_nice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    proc = tmp_path / "proc" / "7"
    proc.mkdir(parents=True)
    (proc / "autogroup").write_text("/autogroup-42 nice -3\n", encoding="ascii")
    real_path = priority.Path
    monkeypatch.setattr(
        priority, "Path", lambda text: real_path(str(text).replace("/proc", str(tmp_path / "proc")))
    )
    assert priority.autogroup_of(7) == (42, -3)
    (proc / "autogroup").write_text("something else\n", encoding="ascii")
    assert priority.autogroup_of(7) is None
    assert priority.autogroup_of(8) is None  # no such process


@needs_autogroups
def test_a_process_in_its_own_session_is_lowered_and_raised_back() -> None:
    child = _sleeper(new_session=True)
    try:
        assert priority.autogroup_of(child.pid)[0] != priority.autogroup_of("self")[0]
        assert priority.set_autogroup_nice(child.pid, 10)
        assert priority.autogroup_of(child.pid)[1] == 10
        assert priority.set_autogroup_nice(child.pid, 0)
        assert priority.autogroup_of(child.pid)[1] == 0
    finally:
        child.kill()
        child.wait()


@needs_autogroups
def test_a_process_sharing_this_session_is_left_alone() -> None:
    # its autogroup is this process's: lowering it would slow the run itself
    own_nice = priority.autogroup_of("self")[1]
    child = _sleeper(new_session=False)
    try:
        assert not priority.set_autogroup_nice(child.pid, 10)
        assert priority.autogroup_of("self")[1] == own_nice
    finally:
        child.kill()
        child.wait()


@needs_autogroups
def test_the_rate_limit_is_waited_out(monkeypatch: pytest.MonkeyPatch) -> None:
    child = _sleeper(new_session=True)
    real_write = Path.write_text
    refusals = []

    def busy_once(self: Path, text: str, *args: object, **kwargs: object) -> int:
        if self.name == "autogroup" and not refusals:
            refusals.append(text)
            raise BlockingIOError(11, "Resource temporarily unavailable")
        return real_write(self, text, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", busy_once)
    monkeypatch.setattr(priority, "_PAUSE_S", 0.0)
    try:
        assert priority.set_autogroup_nice(child.pid, 7)
        assert refusals == ["7"]
        assert priority.autogroup_of(child.pid)[1] == 7
    finally:
        child.kill()
        child.wait()


def test_no_autogroups_means_nothing_is_written(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(priority, "autogroup_of", lambda pid: None)
    assert not priority.set_autogroup_nice(1, 10)
