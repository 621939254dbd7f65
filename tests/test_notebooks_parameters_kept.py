"""No notebook cell after the set-up cell rebinds a parameter's name.

In JupyterLab a user reruns the set-up cell ("run selected and all below") after a full run; a
later cell that had rebound a parameter's name to a result (notebook 02 set ``actors`` to the
actor-tone table) made that rerun fail with an unreadable error about a DataFrame's truth value.
The set-up cell itself may only normalise a parameter in a way that a second normalisation leaves
as it is (a comma-separated list split); a path it resolves gets a name of its own
(``tables_path``), since a user who reruns the parameters cell and then a later cell gets the
parameter back as given, not resolved.
"""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

# every notebook, the validation notebook (notebooks/validation/) too
NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").rglob("*.ipynb"))


def _names(tree: ast.AST) -> set[str]:
    """The names a piece of code assigns to (plain, annotated, augmented, unpacked, loop)."""
    found = set()
    for node in ast.walk(tree):
        targets = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, (ast.AnnAssign, ast.AugAssign, ast.For)):
            targets = [node.target]
        for target in targets:
            found |= {n.id for n in ast.walk(target) if isinstance(n, ast.Name)}
    return found


def rebound_parameters(path: Path) -> list[tuple[int, str]]:
    """(cell index, name) of each parameter a code cell after the set-up cell assigns to."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    code = [(i, c) for i, c in enumerate(cells) if c["cell_type"] == "code"]
    at = next(k for k, (_, c) in enumerate(code) if "parameters" in c["metadata"].get("tags", []))
    parameters = _names(ast.parse("".join(code[at][1]["source"])))
    found = []
    for index, cell in code[at + 2 :]:  # after the parameters cell and the set-up cell
        found += [
            (index, n) for n in sorted(_names(ast.parse("".join(cell["source"]))) & parameters)
        ]
    return found


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_no_later_cell_rebinds_a_parameter(path: Path) -> None:
    assert rebound_parameters(path) == []


def test_a_rebound_parameter_is_found(tmp_path: Path) -> None:
    def cell(source: str, tags: list[str] | None = None) -> dict:
        return {"cell_type": "code", "metadata": {"tags": tags or []}, "source": source}

    notebook = {
        "cells": [
            cell('actors = ""', ["parameters"]),
            cell("lexicon = load(actors)"),
            cell("actors = actor_tone(sentences)"),
        ]
    }
    path = tmp_path / "nb.ipynb"
    path.write_text(json.dumps(notebook), encoding="utf-8")
    assert rebound_parameters(path) == [(2, "actors")]


# The set-up cell may normalise a parameter only when normalising it again changes nothing: a
# comma-separated list of outlets split into a list is split again to the same list.
NORMALISED_IN_SET_UP = frozenset({"outlets"})


def set_up_rebinds(path: Path) -> list[str]:
    """The parameters the set-up cell (the code cell after the parameters cell) assigns to,
    but those it normalises harmlessly (:data:`NORMALISED_IN_SET_UP`)."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    code = [c for c in cells if c["cell_type"] == "code"]
    at = next(k for k, c in enumerate(code) if "parameters" in c["metadata"].get("tags", []))
    parameters = _names(ast.parse("".join(code[at]["source"])))
    assigned = _names(ast.parse("".join(code[at + 1]["source"])))
    return sorted((assigned & parameters) - NORMALISED_IN_SET_UP)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_the_set_up_cell_leaves_the_parameters_as_given(path: Path) -> None:
    # a JupyterLab tester reran the parameters cell, then only a later cell: the set-up cell had
    # made tables_dir a Path, the parameters cell made it text again, and notebook 01's keyness
    # cell failed on `tables_dir / "keyness.csv"` (str / str); notebook 04 hashed notebooks/
    # as the corpus. Resolved values have names of their own (tables_path).
    assert set_up_rebinds(path) == []


def test_a_path_resolved_under_the_parameters_name_is_found(tmp_path: Path) -> None:
    def cell(source: str, tags: list[str] | None = None) -> dict:
        return {"cell_type": "code", "metadata": {"tags": tags or []}, "source": source}

    notebook = {
        "cells": [
            cell('tables_dir = ""\noutlets = []', ["parameters"]),
            cell("tables_dir = resolve(tables_dir)\noutlets = name_list(outlets)"),
        ]
    }
    path = tmp_path / "nb.ipynb"
    path.write_text(json.dumps(notebook), encoding="utf-8")
    assert set_up_rebinds(path) == ["tables_dir"]
