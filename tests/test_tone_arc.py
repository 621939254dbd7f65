"""Which articles the tone-arc figure draws when there are too many for one panel each."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from analysis.sentiment.plots import arc_articles, plot_tone_arc


def _sentences(lengths: dict[str, tuple[str, int]]) -> pd.DataFrame:
    """``{doc_id: (outlet, n_sentences)}`` as a sentences table with scores."""
    rows = [
        (doc, outlet, i, f"Sentence {i}.", 0.1 * ((i % 5) - 2))
        for doc, (outlet, n) in lengths.items()
        for i in range(n)
    ]
    return pd.DataFrame(rows, columns=["doc_id", "outlet", "sentence_id", "sentence", "compound"])


LENGTHS = {
    "L1": ("Daily Ledger", 9),
    "L2": ("Daily Ledger", 12),
    "L3": ("Daily Ledger", 4),
    "P1": ("Freedonia Post", 7),
    "P2": ("Freedonia Post", 7),
    "C1": ("Strelsau Courier", 3),
}


def test_longest_article_of_each_group_comes_first():
    frame = _sentences(LENGTHS)
    # Round 1: the longest of each group (P1 beats P2 on the id); round 2 starts with the
    # group with most sentences (Daily Ledger, 25).
    assert arc_articles(frame, "outlet", 3) == ["L2", "P1", "C1"]
    assert arc_articles(frame, "outlet", 4) == ["L2", "L1", "P1", "C1"]
    assert arc_articles(frame, "outlet", 100) == ["L2", "L1", "L3", "P1", "P2", "C1"]


def test_selection_ignores_row_order_and_respects_the_maximum():
    frame = _sentences(LENGTHS)
    shuffled = frame.sample(frac=1.0, random_state=3)
    for k in range(1, 7):
        chosen = arc_articles(shuffled, "outlet", k)
        assert chosen == arc_articles(frame, "outlet", k)
        assert len(chosen) == k
    with pytest.raises(ValueError, match="at least 1"):
        arc_articles(frame, "outlet", 0)


def test_figure_has_one_visible_panel_per_chosen_article():
    frame = _sentences(LENGTHS)
    fig = plot_tone_arc(frame, "outlet", {"Daily Ledger": "#0072B2"}, "vader", max_docs=3)
    titles = [ax.get_title(loc="left") for ax in fig.axes if ax.get_visible()]
    plt.close(fig)
    assert [t.split(" · ")[0] for t in titles] == ["L2", "P1", "C1"]
