"""The README's table of notebooks lists every parameter of each, in the notebook's order.

A tester found ``other_languages`` and ``colours`` missing from the table's rows for notebooks
01-03, though each of them takes both: the table was written by hand and not kept up.
"""

from __future__ import annotations

import re

import pytest

from analysis.config import project_root
from analysis.pipeline.notebooks import DEFAULT_NOTEBOOKS
from analysis.report.table_parameters import parameter_names

ROW = re.compile(r"^\| `(?P<notebook>\d\d_\w+\.ipynb)` \|.*\| `(?P<names>[\w, ]+)` \|$")


def readme_parameters() -> dict[str, list[str]]:
    """Notebook name -> the parameters the README's table of notebooks lists for it."""
    text = (project_root() / "README.md").read_text(encoding="utf-8")
    rows = (ROW.match(line) for line in text.splitlines())
    return {m["notebook"]: [n.strip() for n in m["names"].split(",")] for m in rows if m}


@pytest.mark.parametrize("notebook", DEFAULT_NOTEBOOKS)
def test_the_readme_lists_every_parameter_of_each_notebook(notebook: str) -> None:
    listed = readme_parameters()
    assert listed.get(notebook) == parameter_names(project_root() / "notebooks" / notebook)


def test_a_row_is_read_as_its_names() -> None:
    row = "| `09_x.ipynb` | what it shows | `corpus_dir, seed` |"
    match = ROW.match(row)
    assert match is not None and match["names"] == "corpus_dir, seed"
