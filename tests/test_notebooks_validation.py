"""Notebook 05 (validation) is clean, imports only the public surface, and runs with a sheet."""

from __future__ import annotations

import json
from pathlib import Path

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


@pytest.mark.slow
def test_notebook_05_runs_on_a_made_up_sheet(tmp_path: Path) -> None:
    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    sheet = tmp_path / "coded.csv"
    sheet.write_text(
        "sentence,conflict,tone,coder\nA clash.,1,negative,a\nCalm.,0,neutral,a\n"
        "A clash.,1,negative,b\nCalm.,1,neutral,b\n",
        encoding="utf-8",
    )
    namespace: dict = {}
    for cell in cells:
        if cell["cell_type"] == "code":
            exec("".join(cell["source"]), namespace)
            if "parameters" in cell["metadata"].get("tags", []):
                namespace.update(sheets=[str(sheet)], out_dir=str(tmp_path / "out"))
                namespace.update(figures_dir=str(tmp_path / "fig"), n_boot=20)
    assert (tmp_path / "out" / "agreement.csv").is_file()
    assert (tmp_path / "out" / "intercoder.csv").is_file()
