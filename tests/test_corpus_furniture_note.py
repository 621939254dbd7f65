"""A text the line classifier scores as mostly page furniture is kept whole, and said to be.

A tester's inscriptis paste of a broadcaster's page kept 124 menu lines of 128: the classifier
leaves a text whole when its lines would take more than the model's ``max_share`` (an article
of short lines is not chrome), and nothing told the user."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.corpus.boilerplate_model import BoilerplateModel, default_model
from analysis.corpus.cleaning import CHROME_SHARE, clean_text
from analysis.corpus.quality import furniture_note, furniture_warning

LINES = [
    "World", "Politics", "Business", "Sport", "Weather", "Culture", "Travel",
    "The council approved the new budget on Monday after a long debate, officials said.",
]  # fmt: skip


class _MenuReader(BoilerplateModel):
    """Scores every line of three words or fewer as chrome."""

    def scores(self, texts):
        return np.array([float(len(t.split()) <= 3) for t in texts])

    def drop_mask(self, scores, texts):
        return np.asarray(scores) > 0.5


def _model(max_share: float) -> _MenuReader:
    return _MenuReader.from_dict({**default_model().to_dict(), "max_share": max_share})


def test_a_text_kept_whole_by_the_classifier_says_how_much_it_scored_as_furniture() -> None:
    text = "\n".join(LINES)
    kept = clean_text(text, "d1", model=_model(0.2))  # 7 menu words: over 20% of the text
    assert kept.text == text
    share = float(kept.metadata[CHROME_SHARE])
    assert 0.2 < share < 0.5
    cleaned = clean_text(text, "d1", model=_model(0.9))  # under the share: the menu goes
    assert cleaned.text == LINES[-1] and CHROME_SHARE not in cleaned.metadata


def test_the_note_and_the_warning_name_the_documents() -> None:
    note = furniture_note("0.87")
    assert note.startswith("The line classifier scored 87% of the text as page furniture")
    documents = pd.DataFrame(
        {"doc_id": ["ctv", "ap"], "metadata_note": [f"{note}; language: guessed", ""]}
    )
    warning = furniture_warning(documents)
    assert warning is not None and warning.startswith(
        "1 of 2 documents look mostly like page furniture (ctv)"
    )
    assert furniture_warning(documents.iloc[1:]) is None
