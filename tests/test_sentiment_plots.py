"""The sentiment figures: which dots, panels and cells they draw, in which colours, and that a
rerun draws the same jitter without touching numpy's global random state."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.collections import PathCollection, QuadMesh
from matplotlib.colors import to_hex

from analysis.sentiment.plots import (
    SPARSE_CELL_COLOUR,
    TONE_COLOURS,
    arc_articles,
    plot_actor_tone,
    plot_sentence_tone,
    plot_tone_arc,
    plot_tone_shares,
)

PALETTE = {"Daily Ledger": "#0072B2", "Freedonia Post": "#E69F00", "Other (pooled)": "#999999"}


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


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


def _by_group(sentences: pd.DataFrame) -> pd.DataFrame:
    """A by-group table as :mod:`analysis.sentiment.tables` writes it (mean rows only), with a
    made-up interval of ±0.1 around each mean."""
    rows = []
    for outlet, part in sentences.groupby("outlet"):
        mean = float(part["compound"].mean())
        rows.append(
            {
                "outlet": outlet,
                "method": "vader",
                "measure": "mean_compound",
                "estimate": mean,
                "ci_low": mean - 0.1,
                "ci_high": mean + 0.1,
                "n_docs": part["doc_id"].nunique(),
                "n_sentences": len(part),
            }
        )
    return pd.DataFrame(rows)


def _dots(fig: plt.Figure) -> list[PathCollection]:
    """The strip plot's dot collections, one per group (seaborn draws a group at a time)."""
    return [c for c in fig.axes[0].collections if isinstance(c, PathCollection)]


# --- which articles the tone arc shows -------------------------------------------------------


def test_longest_article_of_each_group_comes_first():
    frame = _sentences(LENGTHS)
    # Round 1: the longest of each group (P1 beats P2 on the id); round 2 starts with the
    # group with most sentences (Daily Ledger, 25).
    assert arc_articles(frame, "outlet", 3) == ["L2", "P1", "C1"]
    assert arc_articles(frame, "outlet", 4) == ["L2", "L1", "P1", "C1"]
    assert arc_articles(frame, "outlet", 100) == ["L2", "L1", "L3", "P1", "P2", "C1"]


def test_the_pooled_other_comes_last_as_in_the_palette():
    frame = _sentences({"O1": ("Other (pooled)", 20), "S1": ("Strelsau Courier", 5)})
    assert arc_articles(frame, "outlet", 2) == ["S1", "O1"]  # not "Other" first by name


def test_selection_ignores_row_order_and_respects_the_maximum():
    frame = _sentences(LENGTHS)
    shuffled = frame.sample(frac=1.0, random_state=3)
    for k in range(1, 7):
        chosen = arc_articles(shuffled, "outlet", k)
        assert chosen == arc_articles(frame, "outlet", k)
        assert len(chosen) == k
    with pytest.raises(ValueError, match="at least 1"):
        arc_articles(frame, "outlet", 0)


def test_a_story_several_articles_ran_is_drawn_once():
    """A tester's wire copy: 7 of the 12 panels drew two stories, four outlets' copies of one
    side by side, and crowded out the outlets' own articles."""
    frame = _sentences(LENGTHS)
    # P1 and C1 are copies of L2 (the original), P2 a copy of L1's copy L3
    copies = {"P1": "L2", "C1": "L2", "L1": "L3", "P2": "L1"}
    assert arc_articles(frame, "outlet", 100, copies) == ["L2", "L3"]
    # without its original in the table, a story is drawn from its longest copy
    no_l3 = frame[frame["doc_id"] != "L3"]
    assert arc_articles(no_l3, "outlet", 100, copies) == ["L2", "L1"]
    # the slots of the copies go to other articles
    assert arc_articles(frame, "outlet", 3, {"P1": "L2"}) == ["L2", "P2", "C1"]
    assert arc_articles(frame, "outlet", 3) == ["L2", "P1", "C1"]


def test_the_tone_arc_title_counts_the_copies_it_left_out():
    frame = _sentences(LENGTHS)
    title = plot_tone_arc(frame, "outlet", PALETTE, copies={"P1": "L2"}).get_suptitle()
    assert title.endswith("running mean of 5;\n1 near-copy of another article not drawn")
    two = plot_tone_arc(frame, "outlet", PALETTE, copies={"P1": "L2", "C1": "L2"})
    assert two.get_suptitle().endswith("2 near-copies of another article not drawn")
    assert plot_tone_arc(frame, "outlet", PALETTE).get_suptitle().endswith("running mean of 5")


# --- fig03: tone arc -------------------------------------------------------------------------


def test_a_pooled_article_is_titled_with_its_own_outlet():
    frame = _sentences({"L1": ("Daily Ledger", 5), "O1": ("Other (pooled)", 4)})
    own = {"L1": "Daily Ledger", "O1": "Strelsau Courier"}
    fig = plot_tone_arc(frame, "outlet", PALETTE, "vader", own_groups=own)
    titles = [ax.get_title(loc="left") for ax in fig.axes if ax.get_visible()]
    assert titles == ["L1 · Daily Ledger (5 sent.)", "O1 · Strelsau Courier (pooled) (4 sent.)"]
    without = plot_tone_arc(frame, "outlet", PALETTE, "vader")
    assert without.axes[1].get_title(loc="left") == "O1 · Other (pooled) (4 sent.)"


def test_under_another_grouping_a_panel_names_its_articles_outlet():
    # grouped by origin, a panel read "P1 · Freedonia (7 sent.)": whose article it drew was
    # said nowhere
    frame = _sentences({"L2": ("Daily Ledger", 12), "P1": ("Freedonia Post", 7)})
    frame["origin"] = frame["outlet"].map({"Daily Ledger": "Ruritania", "Freedonia Post": "Ruri"})
    fig = plot_tone_arc(frame, "origin", {"Ruritania": "#0072B2", "Ruri": "#E69F00"})
    titles = [ax.get_title(loc="left") for ax in fig.axes if ax.get_visible()]
    assert sorted(titles) == [
        "L2 · Ruritania · Daily Ledger (12 sent.)",
        "P1 · Ruri · Freedonia Post (7 sent.)",
    ]
    # grouped by outlet the outlet is the group, named once
    fig = plot_tone_arc(frame, "outlet", PALETTE)
    assert fig.axes[0].get_title(loc="left") == "L2 · Daily Ledger (12 sent.)"


def test_tone_arc_has_one_panel_per_chosen_article_with_a_bar_per_sentence():
    frame = _sentences(LENGTHS)
    fig = plot_tone_arc(frame, "outlet", PALETTE, "vader", max_docs=3)
    axes = [ax for ax in fig.axes if ax.get_visible()]
    titles = [ax.get_title(loc="left") for ax in axes]
    assert [t.split(" · ")[0] for t in titles] == ["L2", "P1", "C1"]
    assert titles[0] == "L2 · Daily Ledger (12 sent.)"
    assert all(ax.get_title() == "" for ax in axes)  # no centred facet title left over
    assert [len(ax.patches) for ax in axes] == [12, 7, 3]
    # bars and line in the group's colour; a group without a palette colour is grey
    colours = [to_hex(ax.patches[0].get_facecolor(), keep_alpha=False) for ax in axes]
    assert colours == ["#0072b2", "#e69f00", "#999999"]
    assert all(ax.get_ylim() == (-1.05, 1.05) for ax in axes)


def test_tone_arc_line_is_the_centred_running_mean_in_reading_order():
    frame = _sentences({"L1": ("Daily Ledger", 9)}).sample(frac=1.0, random_state=1)
    fig = plot_tone_arc(frame, "outlet", PALETTE, "vader", window=3)
    (ax,) = fig.axes
    line = next(ln for ln in ax.lines if len(ln.get_xdata()) == 9)
    ordered = frame.sort_values("sentence_id")["compound"]
    expected = ordered.rolling(3, center=True, min_periods=1).mean().to_numpy()
    np.testing.assert_allclose(line.get_xdata(), np.arange(9))
    np.testing.assert_allclose(line.get_ydata(), expected)


def test_tone_arc_ticks_fall_on_whole_sentences():
    # a 3-sentence article had ticks at 0.5, 1.5 and 2.5: half sentences (a tester's report)
    fig = plot_tone_arc(_sentences({"C1": ("Caixin", 3)}), "outlet", PALETTE)
    (ax,) = fig.axes
    fig.canvas.draw()
    ticks = [t for t in ax.get_xticks() if ax.get_xlim()[0] <= t <= ax.get_xlim()[1]]
    assert ticks and all(float(t).is_integer() for t in ticks), ticks


def test_tone_arc_refuses_an_empty_table():
    with pytest.raises(ValueError, match="no sentences"):
        plot_tone_arc(_sentences({}), "outlet", PALETTE)


# --- fig02: sentence tone strip plot ---------------------------------------------------------


def test_strip_plot_draws_one_dot_per_sentence_in_the_group_colour():
    frame = _sentences(LENGTHS)
    fig = plot_sentence_tone(frame, _by_group(frame), "outlet", PALETTE)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "Daily Ledger",
        "Freedonia Post",
        "Strelsau Courier",
    ]
    dots = _dots(fig)
    assert [len(c.get_offsets()) for c in dots] == [25, 14, 3]
    assert sorted(dots[0].get_offsets()[:, 0]) == pytest.approx(
        sorted(frame.loc[frame.outlet == "Daily Ledger", "compound"])
    )
    # one colour per strip (the SVG then draws each dot as a marker, which keeps it small):
    # the palette's exact colours (seaborn would desaturate them by default), grey for Other
    assert [len(c.get_facecolors()) for c in dots] == [1, 1, 1]
    assert [to_hex(c.get_facecolors()[0], keep_alpha=False) for c in dots] == [
        "#0072b2",
        "#e69f00",
        "#999999",
    ]
    # jitter stays within ±0.22 of the group's row
    for y, c in enumerate(dots):
        assert np.all(np.abs(c.get_offsets()[:, 1] - y) <= 0.22)
    texts = [t.get_text() for t in ax.texts]
    assert texts == ["n = 25 sent., 3 art.", "n = 14 sent., 2 art.", "n = 3 sent., 1 art."]


def test_strip_plot_caps_the_dots_of_a_large_group_but_not_the_mean():
    frame = _sentences(LENGTHS)
    fig = plot_sentence_tone(frame, _by_group(frame), "outlet", PALETTE, max_points=10)
    assert [len(c.get_offsets()) for c in _dots(fig)] == [10, 10, 3]
    assert fig.axes[0].texts[0].get_text() == "n = 25 sent., 3 art."


def test_strip_plot_jitter_is_seeded_and_leaves_the_global_random_state_alone():
    frame = _sentences(LENGTHS)
    by_group = _by_group(frame)
    np.random.seed(12345)
    expected_next = np.random.random_sample()
    np.random.seed(12345)
    first = [
        c.get_offsets().copy()
        for c in _dots(plot_sentence_tone(frame, by_group, "outlet", PALETTE))
    ]
    assert np.random.random_sample() == expected_next  # the global state was put back
    again = [c.get_offsets() for c in _dots(plot_sentence_tone(frame, by_group, "outlet", PALETTE))]
    other = [
        c.get_offsets()
        for c in _dots(plot_sentence_tone(frame, by_group, "outlet", PALETTE, seed=1))
    ]
    for a, b in zip(first, again, strict=True):
        np.testing.assert_array_equal(a, b)
    assert not all(np.array_equal(a, b) for a, b in zip(first, other, strict=True))


# --- fig04: actor heatmap --------------------------------------------------------------------


def _actor_table() -> pd.DataFrame:
    cells = [
        ("Daily Ledger", "china", "China", 0.30, 8),
        ("Daily Ledger", "us", "United States", -0.20, 5),
        ("Freedonia Post", "china", "China", 0.05, 2),  # too few sentences: grey
        ("Freedonia Post", "us", "United States", np.nan, 0),
    ]
    rows = [
        {
            "outlet": o,
            "actor": a,
            "label": lab,
            "method": "vader",
            "estimate": e,
            "ci_low": e - 0.1,
            "ci_high": e + 0.1,
            "n_docs": 1,
            "n_sentences": n,
        }
        for o, a, lab, e, n in cells
    ]
    return pd.DataFrame(rows)


def test_actor_heatmap_annotates_every_cell_and_greys_the_sparse_ones():
    fig = plot_actor_tone(_actor_table(), "outlet", "vader", min_sentences=3)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["China", "United States"]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["Daily Ledger", "Freedonia Post"]
    cells = {
        (round(t.get_position()[0] - 0.5), round(t.get_position()[1] - 0.5)): t.get_text()
        for t in ax.texts
    }
    assert cells == {
        (0, 0): "+0.30\n[+0.20, +0.40]\nn=8",
        (0, 1): "-0.20\n[-0.30, -0.10]\nn=5",
        (1, 0): "n=2",
        (1, 1): "n=0",
    }
    grey, tone = [c for c in ax.collections if isinstance(c, QuadMesh)]
    assert grey.get_array().count() == 2 and tone.get_array().count() == 2  # 2 + 2 = 4 cells
    shown = ~np.ma.getmaskarray(grey.get_array()).ravel()
    assert {to_hex(c) for c in grey.get_facecolors()[shown]} == {SPARSE_CELL_COLOUR.lower()}
    # the estimates on a diverging scale: positive blue, negative red
    blue, red = tone.get_facecolors()[~np.ma.getmaskarray(tone.get_array()).ravel()]
    assert blue[2] > blue[0] and red[0] > red[2]
    assert fig.axes[1].get_ylabel() == "mean compound (vader)"  # the colour bar


def test_actor_heatmap_cells_of_many_groups_put_the_interval_on_two_lines():
    # a tester's eight outlets: "[-0.21, +0.41][+0.00, +0.06]" ran together, the last cut
    rows = [
        {"outlet": f"Outlet {k}", "actor": "a", "label": "Actor", "method": "vader",
         "estimate": 0.1, "ci_low": -0.21, "ci_high": 0.41, "n_docs": 1, "n_sentences": 9}
        for k in range(6)
    ]  # fmt: skip
    fig = plot_actor_tone(pd.DataFrame(rows), "outlet", "vader")
    assert {t.get_text() for t in fig.axes[0].texts} == {"+0.10\n[-0.21,\n+0.41]\nn=9"}
    few = plot_actor_tone(pd.DataFrame(rows[:5]), "outlet", "vader")
    assert {t.get_text() for t in few.axes[0].texts} == {"+0.10\n[-0.21, +0.41]\nn=9"}


def test_actor_heatmap_draws_the_actors_in_most_sentences_and_says_so():
    rows = [
        {"outlet": o, "actor": f"a{k}", "label": f"Actor {k}", "method": "vader",
         "estimate": 0.1, "ci_low": 0.0, "ci_high": 0.2, "n_docs": 1, "n_sentences": n}
        for k, (n_a, n_b) in enumerate([(1, 1), (9, 9), (2, 0), (5, 6), (7, 0)])
        for o, n in (("A", n_a), ("B", n_b))
    ]  # fmt: skip
    fig = plot_actor_tone(pd.DataFrame(rows), "outlet", "vader", max_actors=3)
    ax = fig.axes[0]
    # totals 2, 18, 2, 11, 7: the three largest, in the table's order
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Actor 1", "Actor 3", "Actor 4"]
    assert "the 3 of 5 actors in most sentences (all in actor_tone.csv)" in ax.get_title()
    whole = plot_actor_tone(pd.DataFrame(rows), "outlet", "vader", max_actors=5)
    assert len(whole.axes[0].get_yticklabels()) == 5 and "of 5" not in whole.axes[0].get_title()


def test_actor_heatmap_puts_the_pooled_other_last():
    table = _actor_table()
    table.loc[table["outlet"] == "Daily Ledger", "outlet"] = "Other (pooled)"
    fig = plot_actor_tone(table, "outlet", "vader", min_sentences=3)
    assert [t.get_text() for t in fig.axes[0].get_xticklabels()] == [
        "Freedonia Post",
        "Other (pooled)",
    ]


def test_actor_heatmap_gives_a_group_that_mentions_no_actor_its_column():
    # a journalist's Fox News mentioned no actor: no column, and nothing said so
    fig = plot_actor_tone(
        _actor_table(), "outlet", "vader", min_sentences=3, all_groups=["Acme Wire", "Daily Ledger"]
    )
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()] == [
        "Acme Wire",
        "Daily Ledger",
        "Freedonia Post",
    ]
    acme = {t.get_text() for t in ax.texts if round(t.get_position()[0] - 0.5) == 0}
    assert acme == {"n=0"}


def test_actor_heatmap_without_rows_for_the_method_says_none_found():
    fig = plot_actor_tone(_actor_table(), "outlet", "vader-news")
    texts = [t.get_text() for ax in fig.axes for t in ax.texts]
    assert len(texts) == 1 and texts[0].startswith("No actor to report")


def test_actor_heatmap_greys_cells_below_five_sentences_by_default_even_the_strongest():
    table = _actor_table()
    strongest = pd.DataFrame(
        [
            {
                **table.iloc[0].to_dict(),
                "actor": "eu",
                "label": "EU",
                "estimate": 0.9,
                "ci_low": 0.2,
                "ci_high": 1.0,
                "n_sentences": 4,
            },
        ]
    )
    fig = plot_actor_tone(pd.concat([table, strongest], ignore_index=True), "outlet", "vader")
    ax = fig.axes[0]
    texts = sorted(t.get_text() for t in ax.texts)
    assert "n=4" in texts  # the n = 4 cell shows its n only, on grey
    assert not any(t.startswith("+0.90") for t in texts)
    assert "-0.20\n[-0.30, -0.10]\nn=5" in texts  # n = 5 is enough
    assert "n < 5" in ax.get_title() and "outlet" in ax.get_title()


# --- fig05: tone shares ------------------------------------------------------------------------


def _shares_table(groups: list[str]) -> pd.DataFrame:
    rows = []
    for i, group in enumerate(groups):
        neg, pos = 0.1 + 0.02 * i, 0.3
        for measure, value in [
            ("share_negative", neg),
            ("share_neutral", 1 - neg - pos),
            ("share_positive", pos),
            ("mean_compound", 0.05),
        ]:
            rows.append(
                {
                    "outlet": group,
                    "method": "vader",
                    "measure": measure,
                    "estimate": value,
                    "ci_low": value,
                    "ci_high": value,
                    "n_docs": 2,
                    "n_sentences": 20 + i,
                }
            )
    return pd.DataFrame(rows)


def test_tone_shares_use_their_own_diverging_colours_never_an_outlet_colour():
    from analysis.figures import OKABE_ITO, OTHER_COLOUR

    fig = plot_tone_shares(_shares_table([f"Outlet {i}" for i in range(8)]), "outlet")
    ax = fig.axes[0]
    drawn = {to_hex(p.get_facecolor()) for p in ax.patches}
    assert drawn == {c.lower() for c in TONE_COLOURS.values()}
    assert not drawn & {c.lower() for c in [*OKABE_ITO, OTHER_COLOUR]}
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["negative", "neutral", "positive"]
    sizes = [t.get_text() for t in ax.texts if t.get_text().startswith("n = ")]
    assert len(sizes) == 8  # the sample size of every group on the figure


def test_strip_plot_draws_a_group_whose_interval_is_one_value():
    """Every article of a group with the same mean: the bootstrap's bounds can come out 1e-17
    past the estimate (a one-outlet corpus of near-identical notices), which errorbar refused."""
    frame = _sentences(LENGTHS)
    by_group = _by_group(frame)
    by_group["ci_low"] = by_group["estimate"] + 3e-17
    by_group["ci_high"] = by_group["estimate"] - 3e-17
    fig = plot_sentence_tone(frame, by_group, "outlet", PALETTE)
    assert [len(c.get_offsets()) for c in _dots(fig)] == [25, 14, 3]


def test_strip_plot_mean_marker_is_no_groups_colour():
    # a tester's seventh outlet was drawn black, as the means were: its dots read as means
    from analysis.figures import OKABE_ITO, group_palette

    frame = _sentences(LENGTHS)
    palette = group_palette([*(f"Outlet {k}" for k in range(6)), "Daily Ledger"])
    assert palette["Outlet 5"] == "#000000"  # the palette's seventh colour
    fig = plot_sentence_tone(frame, _by_group(frame), "outlet", palette)
    means = [line for line in fig.axes[0].lines if line.get_marker() == "D"]
    assert means
    face = to_hex(means[0].get_markerfacecolor(), keep_alpha=False)
    assert face.upper() not in {c.upper() for c in OKABE_ITO}


def test_each_tone_figure_is_titled_with_its_grouping_and_method():
    # a tester citing the figures found titles on half of them: each now says what it shows
    from analysis.sentiment.plots import plot_vader_vs_news

    frame = _sentences(LENGTHS).rename(columns={"outlet": "desk"})
    by_group = _by_group(frame.rename(columns={"desk": "outlet"})).rename(
        columns={"outlet": "desk"}
    )
    both = pd.concat([by_group, by_group.assign(method="vader-news")], ignore_index=True)
    titles = {
        "fig02": plot_sentence_tone(frame, by_group, "desk", PALETTE).get_suptitle(),
        "fig03": plot_tone_arc(frame, "desk", PALETTE).get_suptitle(),
        "fig05": plot_tone_shares(_shares_table(["A", "B"]), "outlet").get_suptitle(),
        "fig06": plot_vader_vs_news(both, "desk", PALETTE).get_suptitle(),
    }
    assert titles["fig02"].startswith("Sentence tone by desk (vader)")
    assert titles["fig03"].startswith("Tone arc of the longest articles (vader)")
    assert titles["fig05"] == "Negative, neutral and positive sentences by outlet (vader)"
    assert titles["fig06"].startswith("Mean sentence tone by desk: VADER and its news variant")


def test_actor_heatmap_of_many_actors_fits_a_page() -> None:
    # a graphics editor's heatmap of 20 actors was 12.7 inches tall, taller than A4 or Letter
    rows = [
        {"outlet": o, "actor": f"a{k}", "label": f"Actor {k}", "method": "vader",
         "estimate": 0.1, "ci_low": 0.0, "ci_high": 0.2, "n_docs": 1, "n_sentences": 9}
        for k in range(25)
        for o in ("A", "B")
    ]  # fmt: skip
    fig = plot_actor_tone(pd.DataFrame(rows), "outlet", "vader")
    assert fig.get_size_inches()[1] <= 8.5
    assert "actors in most sentences" in fig.axes[0].get_title()


# --- long group names (a tester's c10b_odd_names: an outlet of 120 characters) ------------

NAME_120 = (
    "The Extraordinarily Long Named International Daily Chronicle of Commerce Politics and "
    "Culture Incorporating the Evening"
)


def _layout_complaints(draw) -> list[str]:
    """What matplotlib's layout said while ``draw()`` made and drew a figure ("Tight layout not
    applied", "constrained_layout not applied ...")."""
    import warnings

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig = draw()
        fig.canvas.draw()
    return [str(w.message) for w in caught if "not applied" in str(w.message)]


def _lines(labels) -> list[str]:
    return [line for t in labels for line in t.get_text().split("\n")]


def test_tone_figures_wrap_a_long_outlet_name_and_lay_out():
    from analysis.figure_labels import TICK_LABEL_CHARS
    from analysis.sentiment.plots import plot_vader_vs_news

    frame = _sentences({"L1": ("Daily Ledger", 6), "X1": (NAME_120, 5)})
    frame["compound_news"] = frame["compound"]
    by_group = _by_group(frame)
    by_group = pd.concat(
        [
            by_group,
            by_group.assign(method="vader-news"),
            *(by_group.assign(measure=m, estimate=0.3) for m in TONE_COLOURS),
        ]
    )
    palette = {"Daily Ledger": "#0072B2", NAME_120: "#E69F00"}
    draws = {
        "fig02": lambda: plot_sentence_tone(frame, by_group, "outlet", palette),
        "fig05": lambda: plot_tone_shares(by_group, "outlet"),
        "fig06": lambda: plot_vader_vs_news(by_group, "outlet", palette, frame),
    }
    for stem, draw in draws.items():
        assert _layout_complaints(draw) == [], stem
        labels = draw().axes[0].get_yticklabels()
        assert max(map(len, _lines(labels))) <= TICK_LABEL_CHARS, stem
        assert labels[0].get_text() == "Daily Ledger", stem


def test_actor_heatmap_draws_a_long_outlet_name_level_and_wrapped():
    table = _actor_table().replace({"Freedonia Post": NAME_120})
    assert _layout_complaints(lambda: plot_actor_tone(table, "outlet", "vader")) == []
    fig = plot_actor_tone(table, "outlet", "vader")
    ticks = fig.axes[0].get_xticklabels()
    assert all(t.get_rotation() == 0 for t in ticks)  # not slanted across the figure
    assert max(map(len, _lines(ticks))) <= 36 and "\n" in ticks[1].get_text()
    # short names are drawn as before: slanted, whole
    fig = plot_actor_tone(_actor_table(), "outlet", "vader")
    assert [t.get_rotation() for t in fig.axes[0].get_xticklabels()] == [30.0, 30.0]


def test_tone_arc_titles_keep_the_end_of_a_long_doc_id_and_wrap_a_long_name():
    ids = {
        "NexisUni_Star_Harbour_2024-03-01": ("Daily Ledger", 6),
        "NexisUni_Star_Harbour_2024-03-02": ("Daily Ledger", 5),
        "X1": (NAME_120, 4),
    }
    assert _layout_complaints(lambda: plot_tone_arc(_sentences(ids), "outlet", PALETTE)) == []
    fig = plot_tone_arc(_sentences(ids), "outlet", PALETTE)
    titles = [ax.get_title(loc="left") for ax in fig.axes if ax.get_visible()]
    assert titles[0].startswith("NexisUni_Star") and "…" in titles[0]
    assert titles[0].split(" · ")[0].endswith("03-01")
    assert titles[1].split(" · ")[0].endswith("03-02")
    assert titles[0] == "NexisUni_Star_…ur_2024-03-01 · Daily Ledger (6 sent.)"
    assert "\n" in titles[2] and max(len(x) for t in titles for x in t.split("\n")) <= 56
    # no title runs into the tick labels of the panel above it
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    upper, lower = fig.axes[0], fig.axes[2]
    below_upper = upper.get_tightbbox(renderer).y0
    assert lower.title.get_window_extent(renderer).y1 <= below_upper


def test_the_longest_article_is_counted_in_words_not_in_sentences():
    """A badly split paste, many fragment sentences of few words, was shown as the longest."""
    frame = _sentences({"F1": ("Daily Ledger", 20), "A1": ("Daily Ledger", 6)})
    frame["n_words"] = np.where(frame["doc_id"] == "F1", 2, 25)  # 40 words against 150
    assert arc_articles(frame, "outlet", 1) == ["A1"]
    # without a count, the words of the sentences' text
    frame = frame.drop(columns="n_words")
    frame.loc[frame["doc_id"] == "A1", "sentence"] = " ".join(["word"] * 25)
    assert arc_articles(frame, "outlet", 1) == ["A1"]


def test_actor_heatmap_columns_keep_a_word_a_little_longer_than_the_column_whole():
    # a tester's four columns: "CBN (TV transcripts)" was drawn "CBN (TV / transc / ripts)"
    from analysis.sentiment.plots import _actor_columns

    groups = [
        "CBN (TV transcripts)",
        "Meridian Terminals (company releases)",
        "The Harlan Tribune",
        "Washington State (government releases)",
    ]
    names = _actor_columns(groups, 6.6)
    for group, label in names.items():
        assert label.replace("\n", " ") == group  # every word whole, none cut
    assert "\n" in names["CBN (TV transcripts)"]  # still wrapped to its column
