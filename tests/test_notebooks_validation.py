"""Notebook 05 (validation) is clean, imports only the public surface, and runs with a sheet."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from tests.test_notebooks_imports import analysis_imports

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "validation" / "05_validation.ipynb"


def test_notebook_05_is_committed_clean_with_one_parameters_cell() -> None:
    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    code = [c for c in cells if c["cell_type"] == "code"]
    assert all(not c["outputs"] and c["execution_count"] is None for c in code)
    assert sum("parameters" in c["metadata"].get("tags", []) for c in code) == 1


def test_notebook_05_imports_only_the_public_surface() -> None:
    import importlib

    for module, name in analysis_imports(NOTEBOOK):
        assert module.count(".") <= 1, module
        assert hasattr(importlib.import_module(module), name), f"{module}.{name}"


def run_notebook_05(**parameters: object) -> dict:
    """Execute notebook 05's code cells in one namespace, ``parameters`` replacing its own (as
    papermill's injected cell would)."""
    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    namespace: dict = {}
    for cell in cells:
        if cell["cell_type"] == "code":
            exec("".join(cell["source"]), namespace)
            if "parameters" in cell["metadata"].get("tags", []):
                namespace.update(parameters)
    return namespace


@pytest.mark.slow
def test_notebook_05_runs_on_a_made_up_sheet(tmp_path: Path) -> None:
    sheet = tmp_path / "coded.csv"
    sheet.write_text(
        "sentence,conflict,economic_consequences,tone,coder\nA clash.,1,,negative,a\n"
        "Calm.,0,,neutral,a\nA clash.,1,,negative,b\nCalm.,0,,positive,b\n",
        encoding="utf-8",
    )
    out, fig = tmp_path / "out", tmp_path / "fig"
    # one path as text, as plain papermill's -p sheets coded.csv gives it
    run_notebook_05(sheets=str(sheet), out_dir=str(out), figures_dir=str(fig), n_boot=100)
    agreement = pd.read_csv(out / "agreement.csv")
    assert set(agreement["frame"]) == {"conflict", "tone"}  # economic_consequences: coded by no one
    assert (out / "intercoder.csv").is_file()
    assert (fig / "fig_validation_agreement.png").is_file()
    assert (fig / "fig_validation_intercoder.svg").is_file()


@pytest.mark.slow
def test_notebook_05_never_writes_over_a_users_table(tmp_path: Path) -> None:
    sheet = tmp_path / "coded.csv"
    sheet.write_text("sentence,conflict\nA clash.,1\nCalm.,0\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "agreement.csv").write_text("mine\n", encoding="utf-8")
    with pytest.raises(FileExistsError, match="not written by this package"):
        run_notebook_05(sheets=[str(sheet)], out_dir=str(out), figures_dir=str(tmp_path / "f"))
    assert (out / "agreement.csv").read_text(encoding="utf-8") == "mine\n"


def test_notebook_05_without_sheets_writes_nothing_and_points_into_build() -> None:
    from analysis.config import project_root

    namespace = run_notebook_05()
    build = project_root() / "build"
    assert namespace["out_path"] == build / "reports" / "validation"
    assert namespace["figures_path"] == build / "figures"
    # the parameters stay as given: a rerun parameters cell then a later cell finds the same
    assert namespace["out_dir"] == "" and namespace["figures_dir"] == ""
    assert "measured" not in namespace


@pytest.mark.slow
def test_notebook_05_refuses_to_write_after_a_parameter_was_edited(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a JupyterLab user edits n_boot, reruns the parameters cell and then only the agreement
    # cell: the tables would carry intervals of other replicates than the record says
    from analysis import parameter_guard
    from analysis.parameter_guard import ParametersChangedError

    monkeypatch.setattr(parameter_guard, "inside_ipython", lambda: True)
    sheet = tmp_path / "coded.csv"
    sheet.write_text("sentence,conflict\nA clash.,1\nCalm.,0\n", encoding="utf-8")
    out = tmp_path / "out"
    cells = [
        "".join(c["source"])
        for c in json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
        if c["cell_type"] == "code"
    ]
    namespace: dict = {}
    exec(cells[0], namespace)
    namespace.update(sheets=[str(sheet)], out_dir=str(out), figures_dir=str(tmp_path / "f"))
    try:
        exec(cells[1], namespace)  # the set-up cell
        namespace["n_boot"] = 500  # edited, and only the parameters cell rerun
        with pytest.raises(ParametersChangedError, match="n_boot"):
            exec(cells[3], namespace)  # the agreement cell
    finally:
        parameter_guard.forget_parameters()
    assert not (out / "agreement.csv").exists()


def test_notebook_05_refuses_too_few_bootstrap_replicates() -> None:
    with pytest.raises(ValueError, match="'n_boot' is 3; allowed: an integer >= 100"):
        run_notebook_05(n_boot=3)
