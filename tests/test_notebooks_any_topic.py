"""The notebooks' narrative fits any corpus: what is specific to the bundled rare-earth story
lives with the bundled corpus (``seeds/``), and a notebook names it only as that story's."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").rglob("*.ipynb"))
# Names of the bundled story's actors and places, which a user's corpus does not have.
STORY_NAMES = re.compile(r"\b(?:China|Chinese|Beijing|Taiwan|Xi Jinping|rare[- ]earths?)\b", re.I)


def _markdown(path: Path) -> list[str]:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return ["".join(c["source"]) for c in cells if c["cell_type"] == "markdown"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_no_notebook_describes_the_bundled_storys_actors_as_any_corpus_s(path: Path) -> None:
    for text in _markdown(path):
        for match in STORY_NAMES.finditer(text):
            around = text[max(0, match.start() - 120) : match.end() + 120]
            assert "bundled" in around or "seeds" in around, (path.name, around)
