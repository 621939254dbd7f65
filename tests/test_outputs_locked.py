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


@pytest.mark.parametrize("dangling", [False, True])
def test_a_lock_path_that_is_a_link_is_refused_and_its_target_untouched(
    tmp_path, dangling: bool
) -> None:
    # a tester's planted reports/.analysis.lock -> a file outside --out: the run wrote its
    # process id into that file (or created it, when the link dangled)
    victim = tmp_path / "outside" / "thesis.txt"
    victim.parent.mkdir()
    if not dangling:
        victim.write_text("chapter one\n", encoding="utf-8")
    lock = tmp_path / "out" / "reports" / LOCK
    lock.parent.mkdir(parents=True)
    lock.symlink_to(victim)
    with (
        pytest.raises(OutputsError, match=r"is a symbolic link .*remove the link"),
        locked(lock, tmp_path / "out"),
    ):
        pass
    if dangling:
        assert not victim.exists()
    else:
        assert victim.read_text(encoding="utf-8") == "chapter one\n"
    assert lock.is_symlink()  # the user's link is theirs to remove


def test_a_lock_file_with_another_name_is_refused(tmp_path) -> None:
    victim = tmp_path / "thesis.txt"
    victim.write_text("chapter one\n", encoding="utf-8")
    lock = tmp_path / LOCK
    os.link(victim, lock)
    with pytest.raises(OutputsError, match="hard link"), locked(lock, tmp_path):
        pass
    assert victim.read_text(encoding="utf-8") == "chapter one\n"
