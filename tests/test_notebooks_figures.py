"""Each registered figure is saved by the notebook its registry entry names, and by no other.

The gallery and the summary cite a figure's source notebook from the plotting modules'
``FIGURES`` registries (:func:`analysis.report.gallery.registered_figures`); a figure moved to
another notebook (the keyness figure went from 03 to 01, so that the two lanes of a run take
about as long) must move in its registry entry too, or readers are sent to the wrong notebook.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from analysis.report.gallery import registered_figures
from analysis.sentiment.coder_plots import CODER_FIGURE

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
_SAVED = re.compile(r"save_figure\(\s*\w+\s*,\s*(\"fig\w+\"|[A-Z_]+)")
# the figure names a notebook passes as a constant of the package
_CONSTANTS = {"CODER_FIGURE": CODER_FIGURE}


def saved_by() -> dict[str, list[str]]:
    """Figure stem -> the notebooks whose code cells save it."""
    found: dict[str, list[str]] = {}
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
        for name in _SAVED.findall(code):
            stem = name.strip('"') if name.startswith('"') else _CONSTANTS[name]
            found.setdefault(stem, []).append(path.name)
    return found


def test_the_notebooks_save_figures():
    assert len(saved_by()) >= 10


@pytest.mark.parametrize("stem", sorted(registered_figures()))
def test_a_registered_figure_is_saved_by_its_registered_notebook_only(stem):
    assert saved_by().get(stem) == [registered_figures()[stem].notebook]


def test_the_keyness_figure_comes_from_the_corpus_notebook():
    assert saved_by()["fig09_keyness"] == ["01_corpus.ipynb"]
    assert registered_figures()["fig09_keyness"].notebook == "01_corpus.ipynb"
