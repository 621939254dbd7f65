"""forget_staging_paths: an executed notebook kept by a run, run again by hand, writes into
build/ and not into the run's (gone) staging folder."""

from __future__ import annotations

import json
from pathlib import Path

from analysis.config import notebook_paths
from analysis.pipeline.executed import forget_staging_paths


def _executed(path: Path) -> Path:
    staged = "/p/reports/.staging-123"
    nb = {
        "cells": [
            {"cell_type": "code", "metadata": {"tags": ["parameters"]},
             "source": ['corpus_dir: str = ""\n', 'figures_dir: str = ""\n']},
            {"cell_type": "code", "metadata": {"tags": ["injected-parameters"]},
             "source": ["# Parameters\n", 'corpus_dir = "/data/corpus"\n',
                        f'figures_dir = "{staged}/figures"\n',
                        f'tables_dir = "{staged}/reports/tables"\n', "n_boot = 500\n"]},
            {"cell_type": "code", "metadata": {}, "source": [f'print("{staged}/figures")\n']},
        ],
        "metadata": {"papermill": {"parameters": {
            "corpus_dir": "/data/corpus", "figures_dir": f"{staged}/figures",
            "tables_dir": f"{staged}/reports/tables", "n_boot": 500}}},
    }  # fmt: skip
    path.write_text(json.dumps(nb), encoding="utf-8")
    return path


def test_the_staging_folders_become_empty_parameters_and_nothing_else_changes(tmp_path):
    path = _executed(tmp_path / "02.ipynb")
    forget_staging_paths(path)
    nb = json.loads(path.read_text(encoding="utf-8"))
    injected = "".join(nb["cells"][1]["source"])
    assert 'corpus_dir = "/data/corpus"\n' in injected and "n_boot = 500\n" in injected
    assert 'figures_dir = ""  #' in injected and 'tables_dir = ""  #' in injected
    assert ".staging" not in injected
    namespace: dict = {}
    exec(injected, namespace)  # the cell still runs, and its folders are build/'s
    assert notebook_paths("", namespace["tables_dir"])["tables"].parts[-3:] == (
        "build", "reports", "tables",
    )  # fmt: skip
    assert nb["metadata"]["papermill"]["parameters"] == {
        "corpus_dir": "/data/corpus", "figures_dir": "", "tables_dir": "", "n_boot": 500
    }  # fmt: skip
    assert ".staging-123" in "".join(nb["cells"][2]["source"])  # other cells as they ran


def test_a_file_that_is_not_a_notebook_is_left_alone(tmp_path):
    path = tmp_path / "x.ipynb"
    path.write_text("not json", encoding="utf-8")
    forget_staging_paths(path)
    assert path.read_text(encoding="utf-8") == "not json"
    forget_staging_paths(tmp_path / "missing.ipynb")  # no error
