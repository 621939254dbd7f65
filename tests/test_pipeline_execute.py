"""Executing a notebook on a real kernel, and describing where and why it failed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from papermill.exceptions import PapermillExecutionError
from pipeline_fakes import PARAMS_01, write_corpus, write_notebook

from analysis.outputs import MANIFEST, manifest_bytes
from analysis.pipeline.execute import (
    KERNEL_NAME,
    NotebookFailed,
    describe_error,
    failed_cell,
    kernel_environment,
    notebook_failure,
)
from analysis.pipeline.run import run_pipeline


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return write_corpus(tmp_path / "corpus")


@pytest.mark.slow
def test_real_kernel_failure_is_reported_with_cell_and_partial_notebook(tmp_path, corpus):
    folder = tmp_path / "real"
    folder.mkdir()
    write_notebook(
        folder / "01_ok.ipynb",
        PARAMS_01,
        "import os, sys\nfrom pathlib import Path\n"
        "Path(figures_dir, 'cwd.txt').write_text(os.getcwd() + '\\n' + sys.executable)",
    )
    write_notebook(folder / "02_bad.ipynb", 'tables_dir = "x"\n', "raise ValueError('no data')")
    out = tmp_path / "out"
    (out / "reports").mkdir(parents=True)
    (out / "reports" / "summary.md").write_text("previous\n", encoding="utf-8")
    record = manifest_bytes(["reports/summary.md"])  # as an earlier run records it
    (out / "reports" / MANIFEST).write_bytes(record)
    with pytest.raises(NotebookFailed) as err:
        run_pipeline({"corpus_dir": str(corpus)}, out, folder, progress=False, log=lambda _: None)
    assert "Notebook 02_bad.ipynb failed in cell" in str(err.value)
    assert "ValueError: no data" in str(err.value)
    partial = out / "reports" / "failed" / "02_bad.ipynb"
    assert partial.is_file() and "no data" in partial.read_text(encoding="utf-8")
    assert (out / "reports" / "summary.md").read_text(encoding="utf-8") == "previous\n"
    assert not (out / "figures").exists()


@pytest.mark.slow
def test_real_kernel_runs_this_python_in_the_notebooks_folder(tmp_path, corpus):
    folder = tmp_path / "real"
    folder.mkdir()
    write_notebook(
        folder / "01_ok.ipynb",
        PARAMS_01,
        "import os, sys\nfrom pathlib import Path\n"
        "Path(figures_dir, 'README.md').write_text(os.getcwd() + '\\n' + sys.executable"
        " + '\\n' + os.environ['MPLBACKEND'])",
    )
    out = tmp_path / "out"
    run_pipeline({"corpus_dir": str(corpus)}, out, folder, progress=False, log=print)
    cwd, executable, backend = (out / "figures" / "README.md").read_text().splitlines()
    assert Path(cwd) == folder.resolve()
    assert Path(executable) == Path(sys.executable)
    assert backend == "Agg"
    # the executed notebook kept, run again by hand, writes into build/, not the gone staging
    kept = json.loads((out / "reports" / "notebooks" / "01_ok.ipynb").read_text("utf-8"))
    injected = next(
        "".join(c["source"])
        for c in kept["cells"]
        if "injected-parameters" in c["metadata"]["tags"]
    )
    assert ".staging" not in injected and 'figures_dir = ""' in injected


def test_kernel_environment_runs_this_python_and_restores_the_environment(monkeypatch):
    monkeypatch.setenv("MPLBACKEND", "pdf")
    monkeypatch.delenv("JUPYTER_PATH", raising=False)
    with kernel_environment() as spec_dir:
        spec = json.loads((spec_dir / "kernel.json").read_text(encoding="utf-8"))
        assert spec["argv"][0] == sys.executable
        assert os.environ["JUPYTER_PATH"].split(os.pathsep)[0] == str(spec_dir.parents[1])
        assert spec_dir.name == KERNEL_NAME
        assert (os.environ["MPLBACKEND"], os.environ["PYTHONHASHSEED"]) == ("Agg", "0")
    assert os.environ["MPLBACKEND"] == "pdf"
    assert "JUPYTER_PATH" not in os.environ
    assert not spec_dir.exists()


def test_kernels_import_the_package_from_the_checkout_this_process_runs(monkeypatch):
    # a tester's run from a clone, with another checkout's interpreter, executed the notebooks
    # with the installed package: the kernels start in notebooks/, where the clone's is not seen
    import analysis
    from analysis.pipeline.execute import package_checkout

    checkout = package_checkout()
    assert checkout == Path(analysis.__file__).resolve().parent.parent
    assert (checkout / "pyproject.toml").is_file()
    monkeypatch.setenv("PYTHONPATH", "/somewhere/else")
    with kernel_environment():
        assert os.environ["PYTHONPATH"].split(os.pathsep) == [str(checkout), "/somewhere/else"]
    assert os.environ["PYTHONPATH"] == "/somewhere/else"
    monkeypatch.delenv("PYTHONPATH")
    with kernel_environment():
        assert os.environ["PYTHONPATH"] == str(checkout)
    assert "PYTHONPATH" not in os.environ


def test_the_kernels_temporary_files_leave_with_the_run(monkeypatch):
    """A kernel is killed at the end of a run, so its exit hooks never run: a worker pool's
    spool and multiprocessing's listener folders stayed in a tester's /tmp after every large
    run. The kernels' TMPDIR is a folder the run removes."""
    monkeypatch.setenv("TMPDIR", "/somewhere")
    with kernel_environment() as spec_dir:
        kernel_tmp = Path(os.environ["TMPDIR"])
        assert kernel_tmp.is_dir() and kernel_tmp.parent == spec_dir.parents[1]
        (kernel_tmp / "analysis-results-x").mkdir()  # as a kernel's pool leaves it
    assert os.environ["TMPDIR"] == "/somewhere"
    assert not kernel_tmp.exists()


def test_errors_are_described_by_the_kernels_exception_or_the_first_line():
    error = PapermillExecutionError(5, 4, "1/0", "ZeroDivisionError", "division by zero", [])
    assert describe_error(error) == "ZeroDivisionError: division by zero"
    assert describe_error(RuntimeError("Kernel died\ntraceback")) == "RuntimeError: Kernel died"
    assert describe_error(TimeoutError()) == "TimeoutError"


def test_the_failed_cell_is_read_from_papermills_status_in_the_partial_notebook(tmp_path):
    partial = tmp_path / "03.ipynb"
    cells = [
        {"metadata": {"papermill": {"status": "completed"}}, "execution_count": 1},
        {"metadata": {"papermill": {"status": "failed"}}, "execution_count": 2},
        {"metadata": {"papermill": {"status": "pending"}}, "execution_count": None},
    ]
    partial.write_text(json.dumps({"cells": cells}), encoding="utf-8")
    assert failed_cell(partial) == (1, 2)
    assert failed_cell(tmp_path / "missing.ipynb") == (None, None)

    plain = notebook_failure("03.ipynb", partial, RuntimeError("Kernel died"))
    assert (plain.cell_index, plain.execution_count) == (1, 2)
    assert str(plain).startswith("Notebook 03.ipynb failed in cell 1 (execution count 2)")
    error = PapermillExecutionError(7, 6, "x", "NameError", "name 'x' is not defined", [])
    named = notebook_failure("03.ipynb", partial, error)  # papermill's own cell wins
    assert (named.cell_index, named.execution_count) == (7, 6)
    assert named.error == "NameError: name 'x' is not defined"
    assert named.partial_path == partial and str(partial) in str(named)


@pytest.mark.slow
def test_the_output_notebook_is_written_at_the_end_not_at_every_cell(tmp_path, monkeypatch):
    import papermill.engines

    from analysis.pipeline import execute

    writes: list[str] = []
    real_write = papermill.engines.write_ipynb

    def counting_write(nb, path):
        writes.append(path)
        real_write(nb, path)

    monkeypatch.setattr(papermill.engines, "write_ipynb", counting_write)
    path = write_notebook(tmp_path / "n.ipynb", "x = 1\n", "y = x + 1")
    nb = json.loads(path.read_text())
    nb["cells"] += [{**nb["cells"][-1], "id": f"c{i}", "source": f"z{i} = {i}"} for i in range(6)]
    path.write_text(json.dumps(nb))
    out = tmp_path / "out.ipynb"
    with kernel_environment():
        execute.execute_notebook(path, out, {"x": 2}, tmp_path, 60, False)
    executed = json.loads(out.read_text())
    code = [c for c in executed["cells"] if c["cell_type"] == "code"]
    assert all(c["metadata"]["papermill"]["status"] == "completed" for c in code)
    assert len(code) == 9  # parameters, injected parameters, y, z0..z5
    # papermill's engine writes at each of the 9 cells' start and end; this one once (and
    # papermill once more after it)
    assert len(writes) <= 2


@pytest.mark.slow
@pytest.mark.parametrize("fails", [False, True])
def test_a_cell_tagged_to_release_the_next_stage_says_so_when_it_has_run(tmp_path, fails):
    from analysis.pipeline import execute

    path = write_notebook(tmp_path / "n.ipynb", "x = 1\n", "y = 1 / (x - 1)" if fails else "y = x")
    nb = json.loads(path.read_text())
    nb["cells"][-1]["metadata"]["tags"] = [execute.RELEASE_TAG]
    nb["cells"].append({**nb["cells"][-1], "id": "after", "metadata": {}, "source": "z = y"})
    path.write_text(json.dumps(nb))
    calls: list[str] = []

    def released() -> None:
        calls.append("released")

    with kernel_environment():
        if fails:
            with pytest.raises(PapermillExecutionError):
                execute.execute_notebook(
                    path, tmp_path / "o.ipynb", {}, tmp_path, 60, False, released=released
                )
        else:
            execute.execute_notebook(
                path, tmp_path / "o.ipynb", {"x": 2}, tmp_path, 60, False, released=released
            )
    assert calls == ([] if fails else ["released"])


def test_a_failure_message_ending_in_a_full_stop_gets_no_second_one() -> None:
    # a tester's duplicate-id error ended "... to have ids generated.. Partly executed ..."
    from analysis.pipeline.execute import NotebookFailed

    said = str(NotebookFailed("01.ipynb", Path("p.ipynb"), 3, None, "ids generated."))
    assert (
        said
        == "Notebook 01.ipynb failed in cell 3: ids generated. Partly executed notebook: p.ipynb"
    )
    assert str(NotebookFailed("01.ipynb", None, None, None, "KeyError: 'x'")).endswith("'x'.")


def test_a_killed_runs_kernel_folder_is_removed_by_the_next_and_nothing_else(tmp_path):
    """A tester's ``kill -9`` left an ``analysis-kernel-*`` folder in /tmp after every run."""
    from analysis.pipeline.execute import KERNEL_OWNER, KERNEL_PREFIX, remove_stale_kernel_folders

    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                           capture_output=True, text=True, check=True)  # fmt: skip
    dead = int(ended.stdout)

    def folder(name: str, pid: int | None, spec: bool = True) -> Path:
        path = tmp_path / f"{KERNEL_PREFIX}{name}"
        (path / "tmp").mkdir(parents=True)
        if spec:
            (path / "kernels" / KERNEL_NAME).mkdir(parents=True)
            (path / "kernels" / KERNEL_NAME / "kernel.json").write_text("{}")
        if pid is not None:
            (path / KERNEL_OWNER).write_text(json.dumps({"pid": pid}))
        return path

    stale = folder("killed", dead)
    live = folder("running", os.getpid())
    unmarked = folder("older", None)  # no owner named: not known to be ours and ended
    other = folder("someone", dead, spec=False)  # not a kernel folder of ours
    (tmp_path / "analysis-kernel-file").write_text("a file")
    assert remove_stale_kernel_folders(tmp_path) == [stale]
    assert not stale.exists()
    assert live.is_dir() and unmarked.is_dir() and other.is_dir()
    assert (tmp_path / "analysis-kernel-file").is_file()


def test_a_cell_that_timed_out_is_named_from_the_contents_the_error_quotes(tmp_path):
    """A tester's ``--timeout 1`` failed with "CellTimeoutError ..." naming no cell."""
    import nbformat
    from nbclient.exceptions import CellTimeoutError

    from analysis.pipeline.execute import notebook_failure

    nb = nbformat.v4.new_notebook()
    short = "import time\ntime.sleep(5)"
    long = "\n".join(f"x{i} = {i}" for i in range(14))
    nb.cells = [
        nbformat.v4.new_markdown_cell("# title"),
        nbformat.v4.new_code_cell("a = 1"),
        nbformat.v4.new_code_cell(short),
        nbformat.v4.new_code_cell(long),
    ]
    partial = tmp_path / "02.ipynb"
    nbformat.write(nb, partial)
    for index, cell in ((2, nb.cells[2]), (3, nb.cells[3])):
        err = CellTimeoutError.error_from_timeout_and_cell("Cell execution timed out", 1, cell)
        failure = notebook_failure("02.ipynb", partial, err)
        assert failure.cell_index == index, index
        assert f"failed in cell {index}" in str(failure)
    other = nbformat.v4.new_code_cell("print('not in the notebook')")
    err = CellTimeoutError.error_from_timeout_and_cell("Cell execution timed out", 1, other)
    assert notebook_failure("02.ipynb", partial, err).cell_index is None
