"""A notebook whose parameters were edited after its set-up cell ran writes no results.

A JupyterLab tester changed ``seed`` to 3 in notebook 03's parameters cell, reran that cell and
then only the figure cells: the figures were drawn with seed 3, their provenance and
``parameters_03_framing.json`` said seed 20251030, and the summary disagreed with the figures.
The tests run the notebooks' own cells in a namespace, as a kernel does, with the check for
IPython answered yes (a test runs outside IPython, where nothing is remembered).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from analysis import parameter_guard
from analysis.config import project_root
from analysis.figures import save_figure
from analysis.io import write_table
from analysis.parameter_guard import ParametersChangedError
from analysis.report import save_findings, write_summary

NOTEBOOKS = project_root() / "notebooks"
SET_UP = (  # what the set-up cells do before and when they check their parameters
    "from analysis.name_lists import name_list\n"
    "from analysis.report import check_parameters\n"
    "outlets = name_list(outlets)\n"
    'check_parameters("{notebook}", {{**globals(), "corpus_dir": "/tmp/corpus"}})\n'
)


@pytest.fixture(autouse=True)
def _nothing_remembered_after():
    yield
    parameter_guard.forget_parameters()


@pytest.fixture
def in_ipython(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parameter_guard, "inside_ipython", lambda: True)


def parameters_cell(notebook: str) -> str:
    cells = json.loads((NOTEBOOKS / notebook).read_text(encoding="utf-8"))["cells"]
    return next(
        "".join(c["source"]) for c in cells if "parameters" in c["metadata"].get("tags", [])
    )


def set_up(notebook: str, **given: object) -> dict:
    """A notebook's namespace after its parameters cell (with ``given``) and the set-up cell's
    check."""
    namespace: dict = {}
    exec(parameters_cell(notebook), namespace)
    namespace.update(given)
    exec(SET_UP.format(notebook=notebook), namespace)
    return namespace


def rerun_parameters_cell(namespace: dict, notebook: str, **edited: object) -> None:
    exec(parameters_cell(notebook), namespace)
    namespace.update(edited)


def test_an_edited_seed_refuses_every_writer_with_what_changed(in_ipython, tmp_path: Path):
    namespace = set_up("03_framing.ipynb")
    rerun_parameters_cell(namespace, "03_framing.ipynb", seed=3)
    message = (
        "the parameters changed since the setup cell ran: seed 20251030 -> 3; run the notebook "
        "again from the setup cell (Run All)"
    )
    fig = plt.figure()
    writers = [
        lambda: write_table(pd.DataFrame({"a": [1]}), tmp_path / "t.csv"),
        lambda: save_figure(fig, "fig99_test", tmp_path),
        lambda: save_findings([], tmp_path / "findings.json"),
        lambda: write_summary(tmp_path, tmp_path, tmp_path, {}, tmp_path),
    ]
    for write in writers:
        with pytest.raises(ParametersChangedError, match=f"^{re.escape(message)}"):
            write()
    plt.close(fig)
    assert list(tmp_path.iterdir()) == []


def test_every_changed_parameter_is_named(in_ipython, tmp_path: Path):
    namespace = set_up("02_sentiment.ipynb")
    rerun_parameters_cell(namespace, "02_sentiment.ipynb", method="vader-news", n_boot=500)
    with pytest.raises(
        ParametersChangedError, match="method 'vader' -> 'vader-news', n_boot 2000 -> 500;"
    ):
        write_table(pd.DataFrame({"a": [1]}), tmp_path / "t.csv")


def test_the_parameters_cell_rerun_unchanged_lets_the_writers_write(in_ipython, tmp_path: Path):
    # the outlets as one text "A,B", which the set-up cell splits into a list
    namespace = set_up("02_sentiment.ipynb", outlets="A,B")
    assert namespace["outlets"] == ["A", "B"]
    rerun_parameters_cell(namespace, "02_sentiment.ipynb", outlets="A,B")
    assert write_table(pd.DataFrame({"a": [1]}), tmp_path / "t.csv").is_file()


def test_the_set_up_cell_run_again_takes_the_new_values(in_ipython, tmp_path: Path):
    namespace = set_up("02_sentiment.ipynb")
    rerun_parameters_cell(namespace, "02_sentiment.ipynb", seed=3)
    exec(SET_UP.format(notebook="02_sentiment.ipynb"), namespace)
    assert write_table(pd.DataFrame({"a": [1]}), tmp_path / "t.csv").is_file()


def test_outside_ipython_nothing_is_remembered(tmp_path: Path):
    # a script or a test calling the set-up's check: its later writes are never refused
    namespace = set_up("02_sentiment.ipynb")
    namespace["seed"] = 3
    assert parameter_guard.changed_parameters() == []
    assert write_table(pd.DataFrame({"a": [1]}), tmp_path / "t.csv").is_file()


def test_a_kernel_reused_for_the_next_notebook_forgets_the_last_ones(in_ipython, tmp_path):
    # python -m analysis run reuses a kernel (analysis.pipeline.kernels.restore_fresh_state),
    # whose namespace the next notebook fills with parameters of the same names
    namespace = set_up("02_sentiment.ipynb")
    rerun_parameters_cell(namespace, "02_sentiment.ipynb", seed=3)
    assert parameter_guard.changed_parameters() == [("seed", 20251030, 3)]
    from analysis.pipeline.kernels import restore_fresh_state

    restore_fresh_state()
    assert write_table(pd.DataFrame({"a": [1]}), tmp_path / "t.csv").is_file()
