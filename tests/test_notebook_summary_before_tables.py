"""Notebook 04 run before notebooks 01-03 stops in its set-up cell with what to run.

A JupyterLab tester ran the summary notebook first: it printed "0 findings", then the cell that
writes the summary raised the clear message, and the next cell a NameError. The check belongs
where the tables folder is first known, before anything reads it.
"""

from __future__ import annotations

import json
from pathlib import Path

import papermill
import pytest

from analysis.config import project_root

NOTEBOOK = project_root() / "notebooks" / "04_summary.ipynb"


@pytest.mark.slow
def test_the_summary_notebook_without_tables_stops_in_its_set_up_cell(tmp_path: Path) -> None:
    empty = tmp_path / "tables"
    empty.mkdir()
    executed = tmp_path / "executed.ipynb"
    with pytest.raises(papermill.PapermillExecutionError) as raised:
        papermill.execute_notebook(
            str(NOTEBOOK),
            str(executed),
            parameters={
                "tables_dir": str(empty),
                "figures_dir": str(tmp_path / "figures"),
                "reports_dir": str(tmp_path / "reports"),
            },
            progress_bar=False,
            cwd=str(tmp_path),
        )
    assert raised.value.ename == "FileNotFoundError"
    assert "notebooks 01-03" in raised.value.evalue
    cells = json.loads(executed.read_text(encoding="utf-8"))["cells"]
    failed = [
        c for c in cells if any(o.get("output_type") == "error" for o in c.get("outputs", []))
    ]
    assert len(failed) == 1
    assert "notebook_paths(" in "".join(failed[0]["source"])
    assert not (tmp_path / "reports" / "summary.md").exists()


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [("method", "vaderr", "'vader', 'vader-news'"), ("n_boot", 5, "an integer >= 100")],
)
def test_the_summary_notebook_refuses_a_value_run_would_refuse(
    tmp_path: Path, name: str, value: object, message: str
) -> None:
    # run by hand it only warned, and the summary went on to describe the tables' own values
    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    code = [c for c in cells if c["cell_type"] == "code"]
    namespace: dict = {}
    exec("".join(code[0]["source"]), namespace)  # the parameters cell
    namespace.update({name: value, "tables_dir": str(tmp_path / "tables")})
    namespace.update(reports_dir=str(tmp_path / "reports"), figures_dir=str(tmp_path / "f"))
    with pytest.raises(ValueError, match=f"parameter '{name}' is .*{message}"):
        exec("".join(code[1]["source"]), namespace)
    assert not (tmp_path / "reports").exists()
