"""The notebooks run on their own (plain papermill, any working directory) and then leave the
committed outputs alone: with their default parameters they write into ``build/`` (ignored by
git), never into ``figures/`` or ``reports/``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.config import project_root

ROOT = project_root()
NOTEBOOKS = sorted((ROOT / "notebooks").glob("0*.ipynb"))


def git_status() -> str:
    return subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout


@pytest.mark.slow
@pytest.mark.skipif(not (ROOT / ".git").exists(), reason="needs the project's git checkout")
@pytest.mark.parametrize("cwd", ["", "notebooks"], ids=["from-root", "from-notebooks"])
def test_plain_papermill_of_each_notebook_leaves_git_status_unchanged(tmp_path: Path, cwd: str):
    before = git_status()
    out = tmp_path / "executed"
    out.mkdir()
    for notebook in NOTEBOOKS:  # in order: the summary reads what 01-03 wrote into build/
        _run(notebook, out, ROOT / cwd)
    assert git_status() == before
    assert (ROOT / "build" / "figures" / "fig02_sentence_tone.png").is_file()
    assert (ROOT / "build" / "reports" / "summary.md").is_file()


def _run(notebook: Path, out: Path, cwd: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "papermill",
            "--log-level",
            "WARNING",
            os.path.relpath(notebook, cwd),
            str(out / notebook.name),
        ],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
