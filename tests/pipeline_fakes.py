"""Tiny notebooks and stand-ins for papermill and kernels, shared by the ``test_pipeline_*`` files.

Most pipeline tests replace :func:`analysis.pipeline.execute.execute_notebook` with a
:class:`FakeExecute` that writes outputs the way a notebook would, and
:func:`analysis.pipeline.kernels.start_kernel` with :class:`FakeKernels`, so that they run in
milliseconds; the tests marked ``slow`` start real kernels on notebooks written by
:func:`write_notebook`. The scheduler looks both functions up on their modules at call time,
which is where :func:`use_fake_execute` and :func:`use_fake_kernels` replace them.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import nbformat
import pytest

from analysis.pipeline import execute, kernels
from analysis.pipeline.run import RunResult, run_pipeline

PARAMS_01 = 'corpus_dir = "../corpus"\ntables_dir = "../t"\nfigures_dir = "../f"\nseed = 1\n'
PARAMS_02 = (
    'tables_dir = "../t"\nfigures_dir = "../f"\nn_boot: int = 100\nalpha = 0.05\n'
    'group_by = "outlet"\noutlets = None\nlabels: Optional[list[str]] = None\nshow = True\n'
)
PARAMS_03 = 'tables_dir = "../t"\nreports_dir = "../r"\nmethod = "vader"\nseed = 1\n'
PARAMS_04 = 'tables_dir = "../t"\nreports_dir = "../r"\nrun_parameters = {}\n'
PIPELINE = {
    "01_corpus.ipynb": PARAMS_01,
    "02_sentiment.ipynb": PARAMS_02,
    "03_framing.ipynb": PARAMS_03,
    "04_summary.ipynb": PARAMS_04,
}


def write_notebook(path: Path, parameters: str, body: str = "pass") -> Path:
    """A notebook on the ``python3`` kernel: a title, the ``parameters`` cell, then ``body``."""
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell(parameters)
    cell.metadata["tags"] = ["parameters"]
    nb.cells = [nbformat.v4.new_markdown_cell("# test"), cell, nbformat.v4.new_code_cell(body)]
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nbformat.write(nb, path)
    return path


def write_pipeline(folder: Path) -> Path:
    """The four notebooks of :data:`PIPELINE` in ``folder`` (created)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, parameters in PIPELINE.items():
        write_notebook(folder / name, parameters)
    return folder


def write_corpus(folder: Path) -> Path:
    """A corpus folder holding one article and no manifest."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a.txt").write_text("Headline\nA sentence.\n", encoding="utf-8")
    return folder


class FakeKernel:
    """Stands in for a warmed kernel: records its notebook, the notebooks it was readied for
    afterwards (reused) and whether it was shut down."""

    def __init__(self, notebook: Path) -> None:
        self.notebook = notebook.name
        self.prepared: list[str] = []
        self.preloaded: list[dict[str, Any]] = []  # the parameters it preloaded, before its turn
        self.background: list[bool] = []  # priority changes after the start
        self.started_in_background = False
        self.shut_down = 0
        self.killed = 0

    def set_background(self, background: bool) -> None:
        self.background.append(background)

    def prepare(self, notebook: Path, cancel: Any = None) -> None:
        if self.shut_down or self.killed:
            raise RuntimeError("the kernel is no longer running")
        self.prepared.append(notebook.name)

    def preload(self, parameters: dict[str, Any], cancel: Any = None) -> None:
        self.preloaded.append(dict(parameters))

    def kill(self) -> None:
        self.killed += 1

    def shutdown(self) -> None:
        self.shut_down += 1


class FakeKernels:
    """Stands in for :func:`analysis.pipeline.kernels.start_kernel`: hands out FakeKernels and
    keeps them."""

    def __init__(self) -> None:
        self.started: dict[str, FakeKernel] = {}
        self.lock = threading.Lock()

    def __call__(
        self, notebook: Path, cwd: Path, cancel: Any = None, background: Any = None
    ) -> FakeKernel:
        kernel = FakeKernel(notebook)
        kernel.started_in_background = background is not None
        if background is not None and background is not True:  # a kernels.Background
            background.lower(kernel)  # as the real start does once the process exists
        with self.lock:
            self.started[notebook.name] = kernel
        return kernel


class FakeExecute:
    """Stands in for papermill: records calls, writes outputs named after the notebook."""

    def __init__(self, tag: str, fail: dict[str, BaseException] | None = None) -> None:
        self.tag = tag
        self.fail = fail or {}
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.kernels: dict[str, Any] = {}
        self.lock = threading.Lock()

    def __call__(
        self,
        input_path,
        output_path,
        parameters,
        cwd,
        timeout,
        progress_bar,
        kernel=None,
        released=None,
    ) -> None:
        with self.lock:
            self.calls.append((input_path.name, dict(parameters)))
            self.kernels[input_path.name] = kernel
        stem = input_path.stem
        output_path.write_text(json.dumps({"cells": [], "ran": stem}), encoding="utf-8")
        if "figures_dir" in parameters:
            figures = Path(parameters["figures_dir"])
            (figures / f"{stem}_{self.tag}.png").write_bytes(f"png {self.tag}".encode())
            (figures / f"{stem}.svg").write_text(f"<svg>{self.tag}</svg>", encoding="utf-8")
        if "tables_dir" in parameters:
            Path(parameters["tables_dir"], f"{stem}.csv").write_text(f"x\n{self.tag}\n")
        if "reports_dir" in parameters and stem.startswith("04"):
            Path(parameters["reports_dir"], "summary.md").write_text(f"# {self.tag}\n")
        if input_path.name in self.fail:
            raise self.fail[input_path.name]


def use_fake_execute(monkeypatch: pytest.MonkeyPatch, fake: Any) -> Any:
    """Make the scheduler call ``fake`` instead of papermill; returns ``fake``."""
    monkeypatch.setattr(execute, "execute_notebook", fake)
    return fake


def use_fake_kernels(monkeypatch: pytest.MonkeyPatch, fake: Any) -> Any:
    """Make the scheduler warm kernels with ``fake`` instead of starting real ones."""
    monkeypatch.setattr(kernels, "start_kernel", fake)
    return fake


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under ``root``, by relative path, with its bytes."""
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


def run(
    notebooks: Path, out: Path, corpus: Path, force: bool = False, log: Any = None, **values: Any
) -> RunResult:
    """A quiet run of the notebooks in ``notebooks`` on ``corpus`` into ``out``."""
    return run_pipeline(
        {"corpus_dir": str(corpus), **values},
        out_dir=out,
        notebooks_dir=notebooks,
        progress=False,
        log=log or (lambda _: None),
        force=force,
    )
