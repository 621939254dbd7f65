"""The corpus-size figure: one bar per group in each panel, in the group's colour, labelled."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.colors import to_hex

from analysis.corpus.plots import corpus_size_table, plot_corpus_size
from analysis.figures import OTHER_COLOUR, group_palette


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def _documents() -> pd.DataFrame:
    rows = [
        ("d1", "Daily Ledger", 10, 1225),
        ("d2", "Freedonia Post", 4, 300),
        ("d3", "Freedonia Post", 5, 400),
        ("d4", "Strelsau Courier", 3, 90),
    ]
    return pd.DataFrame(rows, columns=["doc_id", "outlet", "n_sentences", "n_words"])


def test_each_panel_has_one_labelled_bar_per_group_in_the_group_colour():
    docs = _documents()
    palette = group_palette(["Daily Ledger", "Freedonia Post"])  # the Courier is "Other"
    fig = plot_corpus_size(docs, "outlet", palette)
    left, right = fig.axes
    # largest by words first, from the top; the group beyond the palette folded into Other
    order = ["Daily Ledger", "Freedonia Post", "Other"]
    assert [t.get_text() for t in left.get_yticklabels()] == order
    assert corpus_size_table(docs, "outlet", palette)["outlet"].tolist() == order
    for ax, widths, labels in (
        (left, [1, 2, 1], ["1", "2", "1"]),
        (right, [1225, 700, 90], ["1,225", "700", "90"]),
    ):
        bars = sorted(ax.patches, key=lambda bar: bar.get_y())  # top to bottom
        assert [bar.get_width() for bar in bars] == widths
        assert [to_hex(bar.get_facecolor()) for bar in bars] == [
            palette["Daily Ledger"].lower(),
            palette["Freedonia Post"].lower(),
            OTHER_COLOUR.lower(),
        ]
        texts = sorted(ax.texts, key=lambda t: t.get_position()[1])
        assert [t.get_text() for t in texts] == labels
    assert (left.get_xlabel(), right.get_xlabel()) == ("Articles", "Words after cleaning")
    assert left.get_ylabel() == ""
