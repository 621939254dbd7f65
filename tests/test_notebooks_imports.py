"""Notebooks import from the package's public surface only.

A notebook may import ``analysis`` itself, a stage package (``analysis.sentiment``) or a
top-level module (``analysis.figures``), and only names that exist there; never a module inside a
stage package (``analysis.sentiment.tables``) nor the pipeline that runs it. The layout inside
the stage packages can then change without touching a notebook.
"""

from __future__ import annotations

import ast
import importlib
import json
from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb"))


def analysis_imports(notebook: Path) -> list[tuple[str, str]]:
    """``(module, name)`` for every ``from analysis... import name`` in the notebook's code."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    found = []
    for cell in cells:
        if cell["cell_type"] != "code":
            continue
        for node in ast.walk(ast.parse("".join(cell["source"]))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("analysis"):
                found += [(node.module, alias.name) for alias in node.names]
            elif isinstance(node, ast.Import):
                found += [(a.name, "") for a in node.names if a.name.startswith("analysis")]
    return found


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_imports_only_the_public_surface(notebook: Path) -> None:
    imports = analysis_imports(notebook)
    assert imports, "the notebook imports nothing from analysis"
    for module, name in imports:
        assert module.count(".") <= 1, f"{notebook.name} imports the inner module {module}"
        assert not module.startswith(("analysis.pipeline", "analysis.commands")), module
        if name:
            assert hasattr(importlib.import_module(module), name), f"{module}.{name}"


def test_a_deep_import_is_caught(tmp_path: Path) -> None:
    cell = {"cell_type": "code", "source": ["from analysis.sentiment.tables import actor_tone\n"]}
    path = tmp_path / "nb.ipynb"
    path.write_text(json.dumps({"cells": [cell]}), encoding="utf-8")
    assert analysis_imports(path) == [("analysis.sentiment.tables", "actor_tone")]
