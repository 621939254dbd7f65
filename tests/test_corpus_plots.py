"""The corpus-size figure: one bar per group in each panel, in the group's colour, labelled."""

from __future__ import annotations

import itertools

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
    palette = group_palette(["Daily Ledger", "Freedonia Post"])  # the Courier is "Other (pooled)"
    fig = plot_corpus_size(docs, "outlet", palette)
    left, right = fig.axes
    # largest by words first, from the top; the group beyond the palette folded into Other
    order = ["Daily Ledger", "Freedonia Post", "Other (pooled)"]
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


def test_count_axes_have_few_whole_number_ticks_that_do_not_overlap_with_many_groups():
    from analysis.selection import corpus_palette

    rows = [
        (f"d{g}_{i}", f"Outlet number {g}", 40 + g, 123_457 * (g + 1) + i)
        for g in range(12)
        for i in range(g + 1)
    ]
    docs = pd.DataFrame(rows, columns=["doc_id", "outlet", "n_sentences", "n_words"])
    fig = plot_corpus_size(docs, "outlet", corpus_palette(docs, "outlet"))
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    # horizontal bars: the groups on the y axis, the counts on x
    assert fig.axes[0].get_yticklabels()[0].get_text().startswith("Outlet")
    for ax in fig.axes:
        ticks = [t for t in ax.get_xticklabels() if t.get_text() and t.get_visible()]
        lo, hi = ax.get_xlim()
        shown = [t for t in ticks if lo <= t.get_position()[0] <= hi]
        assert 2 <= len(shown) <= 6
        assert all(float(t.get_position()[0]).is_integer() for t in shown)
        boxes = sorted((t.get_window_extent(renderer) for t in shown), key=lambda b: b.x0)
        assert all(a.x1 < b.x0 for a, b in itertools.pairwise(boxes))  # no overlap
    words = [t.get_text() for t in fig.axes[1].get_xticklabels() if t.get_text()]
    assert any(w.endswith("M") for w in words)  # short labels: 5M, not 5,000,000


def test_count_label_is_short():
    from analysis.corpus.plots import count_label

    assert [count_label(v) for v in (0, 950, 12_000, 1_500_000, 2_000_000)] == [
        "0",
        "950",
        "12k",
        "1.5M",
        "2M",
    ]


def test_the_figure_is_titled_with_its_grouping():
    docs = _documents().rename(columns={"outlet": "desk"})
    fig = plot_corpus_size(docs, "desk", group_palette(sorted(docs["desk"].unique())))
    assert fig.get_suptitle() == "Corpus size by desk: articles, and words after cleaning"
    plt.close(fig)


# a tester's outlet of 120 characters (c10b_odd_names)
NAME_120 = (
    "The Extraordinarily Long Named International Daily Chronicle of Commerce Politics and "
    "Culture Incorporating the Evening"
)


def test_a_long_outlet_name_is_wrapped_and_the_bars_keep_their_width():
    """A 120-character name on one line squeezed both panels into a strip: tick labels ran
    together ("0123", "300600900") and tight_layout gave up."""
    import warnings

    from analysis.figure_labels import TICK_LABEL_CHARS

    docs = _documents().replace({"Strelsau Courier": NAME_120})
    palette = group_palette(docs["outlet"].unique())
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig = plot_corpus_size(docs, "outlet", palette)
        fig.canvas.draw()
    assert not [w for w in caught if "not applied" in str(w.message)]
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert all(len(line) <= TICK_LABEL_CHARS for label in labels for line in label.split("\n"))
    assert sum("\n" in label for label in labels) == 1
    renderer = fig.canvas.get_renderer()
    for ax in fig.axes:
        assert ax.get_position().width * fig.get_figwidth() > 1.5
        shown = [t for t in ax.get_xticklabels() if t.get_text() and t.get_visible()]
        boxes = sorted((t.get_window_extent(renderer) for t in shown), key=lambda b: b.x0)
        assert all(a.x1 < b.x0 for a, b in itertools.pairwise(boxes))
