"""locked: one writer per output folder, and no lock file left behind."""

from __future__ import annotations

import os

import pytest

from analysis.outputs import LOCK, OutputsError, locked


def test_the_lock_file_holds_the_holder_and_leaves_with_the_block(tmp_path) -> None:
    # a tester found .analysis.lock in her reports/ after every run
    lock = tmp_path / "reports" / LOCK
    with locked(lock, tmp_path):
        assert lock.read_text(encoding="ascii") == f"{os.getpid()}\n"
        refused = pytest.raises(OutputsError, match=f"another run \\(process {os.getpid()}\\)")
        with refused, locked(lock, tmp_path):
            pass
    assert not lock.exists()
    with locked(lock, tmp_path):  # taken again at once
        pass


def test_a_lock_file_that_is_no_longer_the_one_taken_is_not_removed(tmp_path) -> None:
    lock = tmp_path / LOCK
    with locked(lock, tmp_path):
        lock.unlink()
        lock.write_text("another run's\n", encoding="ascii")
    assert lock.read_text(encoding="ascii") == "another run's\n"


def test_a_lock_taken_on_a_file_that_left_meanwhile_is_taken_again(tmp_path, monkeypatch) -> None:
    # another run removed the file between this one's open and its lock
    import analysis.outputs as outputs

    lock = tmp_path / LOCK
    real_flock, calls = outputs.fcntl.flock, []

    def flock_after_the_file_left(fd: int, operation: int) -> None:
        calls.append(operation)
        if len(calls) == 1:
            lock.unlink()
        real_flock(fd, operation)

    monkeypatch.setattr(outputs.fcntl, "flock", flock_after_the_file_left)
    with locked(lock, tmp_path):
        assert lock.read_text(encoding="ascii") == f"{os.getpid()}\n"  # the new file, held
    assert len(calls) == 2 and not lock.exists()
