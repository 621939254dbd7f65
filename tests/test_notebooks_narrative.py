"""The notebooks' narrative states the rules the code applies (a tester read notebook 02's
"shuffles sentences" above a table whose permutation unit was the article)."""

from __future__ import annotations

import json
from pathlib import Path

from analysis.stats.comparisons import MIN_PERM_SPLITS

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


def _markdown(name: str) -> str:
    cells = json.loads((NOTEBOOKS / name).read_text(encoding="utf-8"))["cells"]
    text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    return " ".join(text.split())


def test_notebook_02_states_when_the_permutation_test_shuffles_articles() -> None:
    text = _markdown("02_sentiment.ipynb")
    assert (
        "shuffles whole articles between the two groups when they can be dealt between them in "
        f"at least {MIN_PERM_SPLITS} ways (5 and 5 articles, 3 and 9, 2 and 19), and sentences "
        "otherwise" in text
    )
