"""connection_file_path: a kernel's connection file goes in the run's own kernel folder, so the
user's temporary folder keeps its mode (jupyter_client set the sticky bit on a tester's
TMPDIR) and a killed run's connection files leave with that folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.pipeline.execute import KERNEL_PREFIX, kernel_environment
from analysis.pipeline.kernels import connection_file_path


def test_inside_the_kernel_environment_the_file_is_in_its_folder(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    with kernel_environment():
        first, second = connection_file_path(), connection_file_path()
    assert first != second
    for path in (Path(first), Path(second)):
        assert path.parent.parent.name.startswith(KERNEL_PREFIX)
        assert path.suffix == ".json"


@pytest.mark.parametrize("tmpdir", ["", "/tmp/elsewhere"])
def test_outside_it_jupyter_clients_default_is_kept(monkeypatch, tmpdir: str) -> None:
    monkeypatch.setenv("TMPDIR", tmpdir)
    assert connection_file_path() == ""
