"""``analysis.bench.process_cpu``: the CPU a process's children use between two readings."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import pytest

from analysis.bench.process_cpu import children_cpu_seconds, cpu_between

# burns about 0.3 s of CPU, says so, then waits for its standard input to close
BURNER = """
import sys, time
end = time.process_time() + 0.3
while time.process_time() < end:
    pass
print("burned", flush=True)
sys.stdin.read()
"""


@pytest.fixture
def burner() -> Iterator[subprocess.Popen[str]]:
    child = subprocess.Popen(
        [sys.executable, "-c", BURNER], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None and child.stdout.readline().strip() == "burned"
    yield child
    assert child.stdin is not None
    child.stdin.close()
    child.wait(timeout=10)


def test_a_live_child_s_cpu_time_is_read(burner: subprocess.Popen[str]) -> None:
    seconds = children_cpu_seconds()
    assert burner.pid in seconds
    assert 0.25 <= seconds[burner.pid] < 5  # its 0.3 s of burning, and its start


def test_an_excluded_child_is_left_out(burner: subprocess.Popen[str]) -> None:
    assert burner.pid not in children_cpu_seconds(exclude=[burner.pid])


def test_a_child_that_has_ended_is_not_listed() -> None:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait(timeout=10)  # ended and reaped: its CPU is in RUSAGE_CHILDREN now
    assert child.pid not in children_cpu_seconds()


def test_only_what_a_child_used_between_the_readings_counts() -> None:
    start = {101: 0.5, 102: 1.0}  # 101, 102 warmed up before the clock
    end = {101: 0.75, 102: 1.5, 103: 0.25}  # 103 started after it
    assert cpu_between(start, end) == pytest.approx(0.25 + 0.5 + 0.25)
    assert cpu_between(start, {101: 0.75}) == pytest.approx(0.25)  # 102 ended meanwhile
    assert cpu_between({}, end) == pytest.approx(2.5)  # nothing read at the start: all of it
