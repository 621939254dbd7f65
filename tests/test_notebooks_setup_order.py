"""A notebook's set-up cell checks the outlets and the grouping before it writes a table or sets
the tables later cells read.

A tester's mistyped outlet stopped notebook 02's set-up cell with a clear message, but only
after it had set ``sentences`` to the whole corpus: the next cell she ran showed every outlet.
"""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
CHECKS = ("corpus_palette", "keep_outlets", "select_sentences")
RESULTS = ("sentences", "documents", "written")


def first_lines(source: str) -> tuple[int, int]:
    """(line of the first check call, line of the first assignment to a result) in ``source``."""
    tree = ast.parse(source)
    checks = [
        n.lineno
        for n in ast.walk(tree)
        if isinstance(n, ast.Call) and getattr(n.func, "id", None) in CHECKS
    ]
    sets = [
        n.lineno
        for n in ast.walk(tree)
        if isinstance(n, ast.Assign)
        for t in n.targets
        for name in ast.walk(t)
        if isinstance(name, ast.Name) and name.id in RESULTS
    ]
    return min(checks), min(sets)


def setup_source(path: Path) -> str:
    """The code cell that loads the corpus."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    sources = ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]
    return next(s for s in sources if "load_corpus(" in s)


@pytest.mark.parametrize("name", ["01_corpus.ipynb", "02_sentiment.ipynb", "03_framing.ipynb"])
def test_the_set_up_cell_checks_before_it_sets_the_tables(name: str) -> None:
    check, first_set = first_lines(setup_source(NOTEBOOKS / name))
    assert check < first_set


def test_a_table_set_before_the_check_is_found() -> None:
    source = "sentences = corpus.sentences\nsentences = select_sentences(sentences, g, o, p)\n"
    check, first_set = first_lines(source)
    assert not check < first_set


def test_notebook_01s_word_in_context_reads_the_compared_articles() -> None:
    # a tester's chosen outlets got only the other outlets' matches of their keyness word
    cells = json.loads((NOTEBOOKS / "01_corpus.ipynb").read_text(encoding="utf-8"))["cells"]
    calls = [
        node
        for cell in cells
        if cell["cell_type"] == "code"
        for node in ast.walk(ast.parse("".join(cell["source"])))
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "kwic"
    ]
    assert calls and all(getattr(c.args[0], "id", None) == "compared" for c in calls)
