"""analysis.bench.process_memory: the /proc reading behind the bench's peak-memory figure."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from analysis.bench.process_memory import (
    child_pids,
    kernel_lists_children,
    rss_bytes,
    tree_rss_bytes,
)
from analysis.bench.throughput import PeakMemory

pytestmark = pytest.mark.skipif(
    not kernel_lists_children(), reason="the kernel does not list a thread's children"
)

_HOLD = (
    "import sys, time; block = bytearray(64 << 20); block[::4096] = b'x' * (64 << 8); "
    "sys.stdout.write('up\\n'); sys.stdout.flush(); time.sleep(30)"
)


@pytest.fixture
def child() -> Iterator[subprocess.Popen[str]]:
    """A child holding 64 MiB of touched memory until it is killed."""
    process = subprocess.Popen([sys.executable, "-c", _HOLD], stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None and process.stdout.readline() == "up\n"
    yield process
    process.kill()
    process.wait()


def test_child_pids_lists_a_started_child(child: subprocess.Popen[str]) -> None:
    assert child.pid in child_pids(os.getpid())


def test_child_pids_of_an_ended_process_is_empty() -> None:
    ended = subprocess.Popen([sys.executable, "-c", "pass"])
    ended.wait()
    assert child_pids(ended.pid) == []


def test_rss_bytes_matches_the_kernels_status_line() -> None:
    status = Path(f"/proc/{os.getpid()}/status").read_text()
    vm_rss_kib = int(
        next(line for line in status.splitlines() if line.startswith("VmRSS")).split()[1]
    )
    assert abs(rss_bytes(os.getpid()) - vm_rss_kib * 1024) < 16 << 20


def test_rss_bytes_of_an_ended_process_is_zero() -> None:
    ended = subprocess.Popen([sys.executable, "-c", "pass"])
    ended.wait()
    assert rss_bytes(ended.pid) == 0


def test_tree_rss_bytes_adds_the_childs_memory(child: subprocess.Popen[str]) -> None:
    own = rss_bytes(os.getpid())
    assert rss_bytes(child.pid) >= 64 << 20
    assert tree_rss_bytes(os.getpid()) >= own + rss_bytes(child.pid) - (8 << 20)


def test_peak_memory_counts_a_child_started_inside_the_block() -> None:
    with PeakMemory(interval=0.02) as memory:
        process = subprocess.Popen([sys.executable, "-c", _HOLD], stdout=subprocess.PIPE, text=True)
        assert process.stdout is not None and process.stdout.readline() == "up\n"
        time.sleep(0.2)
        process.kill()
        process.wait()
    assert memory.method == "/proc process-tree sum"
    assert memory.peak_mib is not None
    assert memory.peak_mib >= rss_bytes(os.getpid()) / (1 << 20) + 64


def test_tree_rss_bytes_leaves_out_the_process_asked(child: subprocess.Popen[str]) -> None:
    whole = tree_rss_bytes(os.getpid())
    assert tree_rss_bytes(os.getpid(), leave_out=child.pid) <= whole - (56 << 20)


def test_peak_memory_reaps_its_watcher_and_says_what_it_cost() -> None:
    with PeakMemory(interval=0.01) as memory:
        watcher = memory._watcher
        assert watcher is not None and watcher.pid in child_pids(os.getpid())
        time.sleep(0.1)
    assert watcher.returncode == 0
    assert watcher.pid not in child_pids(os.getpid())
    assert 0 < memory.watcher_cpu_seconds < 5
