"""The framing figures drawn with seaborn: which cells, panels and bars they hold, their labels
and colours. Tables are written by hand in the layout of ``reports/tables/``."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.collections import QuadMesh
from matplotlib.colors import to_hex

from analysis.figures import group_palette
from analysis.framing.plots import plot_frame_heatmap, plot_keyness, plot_sourcing

GROUPS = ["Daily Ledger", "Freedonia Post"]
PALETTE = group_palette(GROUPS)


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def _frames() -> pd.DataFrame:
    shares = {  # (outlet, frame): share; frames in codebook order, not alphabetical
        ("Daily Ledger", "truce", "Truce"): 0.5,
        ("Daily Ledger", "conflict", "Conflict"): 0.25,
        ("Freedonia Post", "truce", "Truce"): 0.0,
        ("Freedonia Post", "conflict", "Conflict"): 0.125,
    }
    sizes = {"Daily Ledger": (2, 4), "Freedonia Post": (1, 8)}
    return pd.DataFrame(
        [
            {
                "outlet": o,
                "frame": f,
                "label": lab,
                "share": v,
                "share_ci_low": v / 2,
                "share_ci_high": min(1.0, 2 * v),
                "n_docs": sizes[o][0],
                "n_sentences": sizes[o][1],
            }
            for (o, f, lab), v in shares.items()
        ]
    )


def test_frame_heatmap_has_a_percentage_cell_per_outlet_and_frame():
    fig = plot_frame_heatmap(_frames())
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["Truce", "Conflict"]
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "Daily Ledger\n(2 art., 4 sent.)",
        "Freedonia Post\n(1 art., 8 sent.)",
    ]
    (mesh,) = [c for c in ax.collections if isinstance(c, QuadMesh)]
    np.testing.assert_allclose(mesh.get_array().reshape(2, 2), [[50, 25], [0, 12.5]])
    assert [t.get_text() for t in ax.texts] == ["50", "25", "0", "12"]
    colourbar = fig.axes[1]
    assert colourbar.get_ylabel() == "share of sentences"
    assert colourbar.yaxis.get_major_formatter()(40, 0) == "40%"
    assert colourbar.yaxis.get_major_formatter()(12.5, 0) == "12.5%"  # not rounded to "12%"


KEYNESS_OUTLETS = [*GROUPS, "Strelsau Courier", "Tirana Times"]


def _keyness() -> pd.DataFrame:
    rows = [
        ("Daily Ledger", "truce", 6, 0, 2.5),
        ("Daily Ledger", "grain", 4, 1, 1.5),
        ("Daily Ledger", "levies", 3, 1, 1.5),
        ("Daily Ledger", "never", 0, 5, -2.0),  # not used by the outlet: never shown
        ("Freedonia Post", "tariffs", 5, 0, 2.1),
        ("Freedonia Post", "ministry", 2, 2, 0.3),
        ("Strelsau Courier", "harbour", 2, 0, 1.0),
        ("Tirana Times", "summit", 9, 1, 4.0),
    ]
    return pd.DataFrame(rows, columns=["outlet", "term", "count_in_group", "count_in_rest", "z"])


def test_keyness_has_a_panel_per_outlet_with_its_top_terms_in_its_colour():
    palette = group_palette(KEYNESS_OUTLETS)
    fig = plot_keyness(_keyness(), palette=palette, top_terms=2)
    panels = [ax for ax in fig.axes if ax.get_visible()]
    assert [ax.get_title() for ax in panels] == KEYNESS_OUTLETS  # three per row: two rows
    labels = [[t.get_text() for t in ax.get_yticklabels()] for ax in panels]
    # highest z first; ties by term; each label gives uses in the outlet / elsewhere
    assert labels == [
        ["truce (6/0)", "grain (4/1)"],
        ["tariffs (5/0)", "ministry (2/2)"],
        ["harbour (2/0)"],
        ["summit (9/1)"],
    ]
    for ax, outlet in zip(panels, KEYNESS_OUTLETS, strict=True):
        assert {to_hex(bar.get_facecolor()) for bar in ax.patches} == {palette[outlet].lower()}
        # the dashed threshold line at z = 1.96 in every panel
        assert any(list(line.get_xdata()) == [1.96, 1.96] for line in ax.lines)
        # each panel on its own z scale, so each names it, the one with a panel below too
        assert ax.get_xlabel() == "z (log-odds, informative prior)"
        assert all(t.get_visible() for t in ax.get_xticklabels())
    assert panels[0].get_xlim() != panels[3].get_xlim()
    assert panels[0].patches[0].get_width() == pytest.approx(2.5)


def _sourcing() -> pd.DataFrame:
    rows = []
    for outlet, n, shares in (
        ("Daily Ledger", 20, {"government_officials": 0.1, "media": 0.05, "direct_quote": 0.2}),
        ("Freedonia Post", 10, {"government_officials": 0.0, "media": 0.3, "direct_quote": 0.4}),
    ):
        for item, share in shares.items():
            measure = "quote" if item == "direct_quote" else "source"
            rows.append(
                {
                    "outlet": outlet,
                    "measure": measure,
                    "item": item,
                    "n_sentences_with": round(share * n),
                    "share": share,
                    "n_sentences": n,
                    "n_docs": 3 if outlet == "Daily Ledger" else 1,
                }
            )
        rows.append(
            {
                "outlet": outlet,
                "measure": "quote",
                "item": "any_quote",
                "n_sentences_with": 1,
                "share": 0.9,
                "n_sentences": n,
                "n_docs": 3 if outlet == "Daily Ledger" else 1,
            }
        )
    return pd.DataFrame(rows)


def test_sourcing_has_a_bar_per_outlet_and_source_with_sizes_in_the_legend():
    fig = plot_sourcing(_sourcing(), palette=PALETTE)
    ax = fig.axes[0]
    # codebook order of the categories, direct quotation last; other quote measures left out
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "Government officials",  # the bundled lexicon's labels, never raw keys
        "Other media",
        "Direct quotation",
    ]
    bars = [bar for bar in ax.patches if bar.get_height() > 0]
    assert len(bars) == 3 * len(GROUPS)
    widths = {
        (to_hex(bar.get_facecolor()), round(bar.get_y() + bar.get_height() / 2)): bar.get_width()
        for bar in bars
    }
    ledger, post = (PALETTE[g].lower() for g in GROUPS)
    assert widths == {
        (ledger, 0): pytest.approx(10),
        (ledger, 1): pytest.approx(5),
        (ledger, 2): pytest.approx(20),
        (post, 0): 0,
        (post, 1): pytest.approx(30),
        (post, 2): pytest.approx(40),
    }
    (legend,) = fig.legends
    assert [t.get_text() for t in legend.get_texts()] == [
        "Daily Ledger (3 articles, 20 sentences)",  # a reader's sample sizes, both of them
        "Freedonia Post (1 article, 10 sentences)",
    ]
    assert ax.get_legend() is None


def test_sourcing_draws_each_interval_and_marks_a_zero_share_with_an_open_circle():
    table = _sourcing().assign(
        ci_low=lambda t: t["share"] / 2, ci_high=lambda t: (t["share"] * 1.5).clip(upper=1)
    )
    fig = plot_sourcing(table, palette=PALETTE)
    ax = fig.axes[0]
    arms = [c for c in ax.collections if c.get_segments()]
    lengths = sorted(round(seg[1][0] - seg[0][0], 6) for c in arms for seg in c.get_segments())
    # five shares above 0, each its interval (share/2 to 1.5 share): 100 × share long
    assert lengths == sorted(round(100 * v, 6) for v in (0.1, 0.05, 0.2, 0.3, 0.4))
    (circle,) = [line for line in ax.lines if line.get_marker() == "o"]
    assert list(circle.get_xdata()) == [0]  # Freedonia Post credits no official
    assert round(circle.get_ydata()[0]) == 0
    assert to_hex(circle.get_markeredgecolor()) == PALETTE["Freedonia Post"].lower()
    assert circle.get_markerfacecolor() == "white"
    assert ax.get_xlim()[1] >= 60  # the widest interval (40% × 1.5) is inside the axes


def test_a_sourcing_share_of_zero_is_drawn_with_its_rule_of_three_bound():
    """As the frames' and hedging figures draw it, the bound the summary compares by: a tester
    found figure 10's zeros open circles only."""
    ax = plot_sourcing(_sourcing(), palette=PALETTE).axes[0]
    (dashed,) = [line for line in ax.lines if line.get_linestyle() == "--"]
    # Freedonia Post (10 sentences) credits no official: 0 up to 3/10
    assert list(dashed.get_xdata()) == [0, pytest.approx(30)]
    assert to_hex(dashed.get_color()) == PALETTE["Freedonia Post"].lower()
    assert any(t.get_text() == " 0 (≤30%)" for t in ax.texts)
    assert ax.get_xlim()[1] >= 30


def test_sourcing_without_intervals_draws_bars_only():
    ax = plot_sourcing(_sourcing(), palette=PALETTE).axes[0]
    assert not [c for c in ax.collections if c.get_segments()]


def test_figures_are_written(tmp_path) -> None:
    from framing_sentences import framed_sentences

    from analysis.figures import save_figure
    from analysis.framing.article_plots import plot_article_frames
    from analysis.framing.hedging import hedging_table
    from analysis.framing.keyness import keyness_table
    from analysis.framing.plots import FIGURES, plot_frame_salience, plot_hedging
    from analysis.framing.sourcing import sourcing_table
    from analysis.framing.tables import article_frame_table, frame_salience_table

    s = framed_sentences()
    frames = frame_salience_table(s, "outlet", n_boot=50)
    figs = {
        "fig07_frame_heatmap": plot_frame_heatmap(frames),
        "fig08_frame_salience": plot_frame_salience(frames),
        "fig09_keyness": plot_keyness(keyness_table(s, "outlet"), top_terms=3),
        "fig10_sourcing": plot_sourcing(sourcing_table(s, "outlet")),
        "fig11_hedging": plot_hedging(hedging_table(s, "outlet", n_boot=50)),
        "fig12_article_frames": plot_article_frames(article_frame_table(s, "outlet")),
    }
    assert set(figs) == set(FIGURES)
    for stem, fig in figs.items():
        assert FIGURES[stem].stem == stem
        paths = save_figure(fig, stem, tmp_path)
        assert all(p.stat().st_size > 0 for p in paths)


def test_sourcing_labels_come_from_the_lexicon_never_raw_keys(tmp_path):
    from analysis.framing.plots import source_labels

    lexicon = tmp_path / "sources.toml"
    lexicon.write_text(
        '[attribution_verbs]\nsay = ["said"]\n'
        '[sources.officials_china]\nlabel = "Chinese officials"\nterms = ["ministry"]\n'
        '[sources.officials_us]\nterms = ["white house"]\n',
        encoding="utf-8",
    )
    table = _sourcing().replace(
        {"government_officials": "officials_china", "media": "officials_us"}
    )
    fig = plot_sourcing(table, palette=PALETTE, lexicon=lexicon)
    shown = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert shown == ["Chinese officials", "Officials us", "Direct quotation"]
    assert not any("_" in s or s == "officials china" for s in shown)
    assert source_labels(["x_y"], {}) == {"x_y": "X y"}


def _many_frames(n_groups: int = 8, n_frames: int = 12) -> pd.DataFrame:
    """``n_groups`` outlets × ``n_frames`` frames; every third cell a share of 0."""
    rows = []
    for g in range(n_groups):
        n = 10 * (g + 1)
        for f in range(n_frames):
            share = 0.0 if (g + f) % 3 == 0 else 0.05 * ((g + f) % 5 + 1)
            rows.append(
                {
                    "outlet": f"Outlet {g}",
                    "frame": f"frame_{f}",
                    "label": f"Frame number {f} with a rather long label",
                    "share": share,
                    "share_ci_low": share / 2,
                    "share_ci_high": share and min(1.0, share * 1.5),
                    "n_docs": 2,
                    "n_sentences": n,
                }
            )
    return pd.DataFrame(rows)


def test_frame_salience_has_a_panel_per_frame_and_shows_zeros_with_their_bound():
    from analysis.framing.plots import plot_frame_salience

    frames = _many_frames()
    fig = plot_frame_salience(frames, palette=group_palette(frames["outlet"].unique()))
    panels = fig.axes
    assert len(panels) == 12  # one per frame, no empty panel
    assert all(ax.get_title(loc="left").startswith("Frame number") for ax in panels)
    ticks = [t.get_text() for t in panels[0].get_yticklabels()]
    assert ticks == [f"Outlet {g} (n = {10 * (g + 1)})" for g in range(8)]  # n on the figure
    # frame 0: outlets 0, 3 and 6 have a share of 0 -> bound 3/n, labelled, drawn from 0
    zero_labels = sorted(t.get_text().strip() for t in panels[0].texts)
    assert zero_labels == ["0 (≤30%)", "0 (≤4%)", "0 (≤8%)"]
    dashed = [ln for ln in panels[0].lines if ln.get_linestyle() == "--"]
    assert sorted(round(ln.get_xdata()[1], 1) for ln in dashed) == [4.3, 7.5, 30.0]
    assert all(ln.get_xdata()[0] == 0 for ln in dashed)
    # no two groups share a row in a panel: one y per group, so no interval overlaps another
    ys = [round(float(ln.get_ydata()[0]), 3) for ln in panels[1].lines if len(ln.get_ydata())]
    assert sorted(set(ys)) == [float(g) for g in range(8)]
    assert "outlet" in fig.get_suptitle()


def test_frame_salience_removes_unused_panels_and_names_the_grouping():
    from analysis.framing.plots import plot_frame_salience

    frames = _many_frames(n_groups=3, n_frames=5).rename(columns={"outlet": "region"})
    fig = plot_frame_salience(frames, "region")
    assert len(fig.axes) == 5
    assert "by region" in fig.get_suptitle()
    assert fig.get_supxlabel() == "% of sentences"  # the shared axis named once


def _labelled_x_ticks(ax: plt.Axes) -> list[str]:
    return [t.get_text() for t in ax.get_xticklabels() if t.get_visible() and t.get_text()]


def test_every_frame_salience_panel_has_its_x_ticks_labelled():
    """A tester's Conflict panel, above the fifth panel, had no tick labels (sharex)."""
    from analysis.framing.plots import plot_frame_salience

    fig = plot_frame_salience(_many_frames(n_groups=4, n_frames=5))
    fig.canvas.draw()
    assert len(fig.axes) == 5
    assert all(_labelled_x_ticks(ax) for ax in fig.axes)


# a tester's outlet of 120 characters (c10b_odd_names), and one of 67 (c10c_name70)
NAME_120 = (
    "The Extraordinarily Long Named International Daily Chronicle of Commerce Politics and "
    "Culture Incorporating the Evening"
)
NAME_67 = "The Northern Ledger and Evening Gazette of the Associated Lake Towns"


def _drawn_without_layout_warnings(fig: plt.Figure) -> list[str]:
    """The layout engine's complaints while ``fig`` is drawn (none expected)."""
    import warnings

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig.canvas.draw()
    return [str(w.message) for w in caught if "not applied" in str(w.message)]


@pytest.mark.parametrize("name", [NAME_120, NAME_67])
def test_frame_salience_wraps_a_long_outlet_name_and_keeps_its_panels(name):
    from analysis.figure_labels import TICK_LABEL_CHARS
    from analysis.framing.plots import plot_frame_salience

    frames = _many_frames(n_groups=4, n_frames=5).replace({"Outlet 3": name})
    fig = plot_frame_salience(frames)
    assert _drawn_without_layout_warnings(fig) == []
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert all(len(line) <= TICK_LABEL_CHARS for label in labels for line in label.split("\n"))
    assert "\n" in labels[-1] and labels[0] == "Outlet 0 (n = 10)"
    # the panels keep a readable width (a 120-character name collapsed them to slivers)
    assert min(ax.get_position().width * fig.get_figwidth() for ax in fig.axes) > 0.9


@pytest.mark.parametrize(
    ("n_panels", "columns"), [(1, 1), (2, 2), (3, 3), (4, 2), (6, 3), (8, 2), (9, 3), (5, 3)]
)
def test_panel_columns_leave_the_fewest_empty_places(n_panels, columns):
    from analysis.framing.plots import panel_columns

    assert panel_columns(n_panels) == columns


def test_keyness_with_four_groups_fills_a_two_by_two_grid():
    rows = [
        {
            "outlet": g,
            "term": f"w{i}",
            "count_in_group": 3,
            "count_in_rest": 1,
            "log_odds": 1.0,
            "z": 3.0 - 0.1 * i,
        }
        for g in ["A", "B", "C", "D"]
        for i in range(4)
    ]
    fig = plot_keyness(pd.DataFrame(rows), top_terms=4)
    panels = [ax for ax in fig.axes if ax.get_title()]
    assert [ax.get_title() for ax in panels] == ["A", "B", "C", "D"]
    columns = sorted({round(ax.get_position().x0, 2) for ax in panels})
    rows_ = sorted({round(ax.get_position().y0, 2) for ax in panels})
    assert len(columns) == 2 and len(rows_) == 2  # 2 x 2: no empty quarter


def test_keyness_with_one_group_says_there_is_no_second_group():
    from analysis.framing.keyness import keyness_table

    sentences = pd.DataFrame(
        {
            "doc_id": ["d1", "d1"],
            "sentence_id": [0, 1],
            "region": ["North", "North"],
            "sentence": ["Ports reopen today.", "Tariffs fall."],
        }
    )
    table = keyness_table(sentences, "region")
    assert list(table.columns) == [
        "region",
        "term",
        "count_in_group",
        "count_in_rest",
        "log_odds",
        "z",
    ]
    fig = plot_keyness(table, "region", groups=["North"])
    texts = [t.get_text() for ax in fig.axes for t in ax.texts]
    assert texts == [
        "Only one region (North) in the selection: there is no second region to compare its "
        "words with, so keyness.csv lists no terms."
    ]


def test_keyness_and_hedging_figures_say_how_much_text_each_group_has():
    # a tester citing fig09 and fig11 alone could not say how many articles stood behind them
    from analysis.framing.hedging import hedging_counts, hedging_table
    from analysis.framing.plots import plot_hedging

    fig = plot_keyness(
        _keyness(), top_terms=2, sizes={o: f"{k + 1} art., 90 words" for k, o in
                                        enumerate(KEYNESS_OUTLETS)}
    )  # fmt: skip
    titles = [ax.get_title() for ax in fig.axes if ax.get_visible()]
    assert titles[0] == f"{KEYNESS_OUTLETS[0]}\n(1 art., 90 words)"  # its own line: no overlap
    sentences = pd.DataFrame(
        {
            "doc_id": ["a", "a", "b", "c"],
            "sentence_id": [0, 1, 0, 0],
            "outlet": ["Post", "Post", "Post", "Ledger"],
            "sentence": ["It may rise.", "Prices fell.", "It could fall.", "It will rise."],
            "n_words": [3, 2, 3, 3],
        }
    )
    sentences = sentences.join(hedging_counts(sentences["sentence"]))
    fig = plot_hedging(hedging_table(sentences, "outlet", n_boot=20))
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels == ["Ledger (1 art., 3 words)", "Post (2 art., 8 words)"]


def test_the_hedging_figure_is_titled_with_its_grouping():
    from framing_sentences import framed_sentences

    from analysis.framing.hedging import hedging_table
    from analysis.framing.plots import plot_hedging

    fig = plot_hedging(hedging_table(framed_sentences(), "outlet", n_boot=20))
    assert fig.get_suptitle().startswith("Hedges and certainty markers per 1,000 words by outlet")
    plt.close(fig)


def test_a_hedging_rate_of_zero_is_drawn_with_its_rule_of_three_bound():
    # a tester's one "clear" hedging difference rested on that bound; the figure showed a dot
    # half hidden by the axis, with no interval
    from analysis.framing.hedging import hedging_counts, hedging_table
    from analysis.framing.plots import plot_hedging

    sentences = pd.DataFrame(
        {
            "doc_id": ["a", "b"],
            "sentence_id": [0, 0],
            "outlet": ["Post", "Ledger"],
            "sentence": ["It may rise, and it could fall again soon.", "Prices rose on Monday."],
            "n_words": [9, 4],
        }
    )
    sentences = sentences.join(hedging_counts(sentences["sentence"]))
    fig = plot_hedging(hedging_table(sentences, "outlet", n_boot=20))
    hedges = fig.axes[0]
    dashed = [line for line in hedges.get_lines() if line.get_linestyle() == "--"]
    assert len(dashed) == 1 and list(dashed[0].get_xdata()) == [0, 3000 / 4]
    assert any(t.get_text() == " 0 (≤750.0)" for t in hedges.texts)
    plt.close(fig)


def test_the_frame_heatmap_caption_does_not_credit_the_codebook_alone():
    # a tester's run coded frames with a trained model: the caption said "(codebook
    # indicators)" of a figure whose shares were the model's
    from analysis.framing.plots import FIGURES

    caption = FIGURES["fig07_frame_heatmap"].caption
    assert "(codebook indicators)" not in caption and "-p frame_coder" in caption


def test_sourcing_shows_the_share_attributed_to_anyone_first():
    # a finding states each outlet's share of attributed sentences and cites fig10, which had
    # no such row
    table = _sourcing()
    extra = table[table["item"] == "direct_quote"].assign(item="attributed", share=0.5)
    fig = plot_sourcing(pd.concat([table, extra], ignore_index=True), palette=PALETTE)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels[0] == "Attributed to anyone (verb or quotation)"
    assert labels[1:] == ["Government officials", "Other media", "Direct quotation"]


def test_framing_figures_write_a_long_outlet_name_as_every_figure_does():
    """fig07, fig10, fig11 and fig12 with a tester's 120-character outlet: its label is the one
    :func:`analysis.figure_labels.group_labels` gives, and the layout finds room for it."""
    from framing_sentences import framed_sentences

    from analysis.figure_labels import group_label
    from analysis.framing.article_plots import plot_article_frames
    from analysis.framing.hedging import hedging_table
    from analysis.framing.plots import plot_hedging
    from analysis.framing.sourcing import sourcing_table
    from analysis.framing.tables import article_frame_table, frame_salience_table

    s = framed_sentences()
    s["outlet"] = s["outlet"].where(s["outlet"] != s["outlet"].iloc[0], NAME_120)
    label = group_label(NAME_120)
    figs = {
        "fig07": plot_frame_heatmap(frame_salience_table(s, "outlet", n_boot=20)),
        "fig10": plot_sourcing(sourcing_table(s, "outlet")),
        "fig11": plot_hedging(hedging_table(s, "outlet", n_boot=20)),
        "fig12": plot_article_frames(article_frame_table(s, "outlet")),
    }
    for stem, fig in figs.items():
        assert _drawn_without_layout_warnings(fig) == [], stem
        texts = [t.get_text() for t in fig.axes[0].get_yticklabels()]
        texts += [t.get_text() for legend in fig.legends for t in legend.get_texts()]
        assert any(t.startswith(label) for t in texts), stem
        assert not any(NAME_120 in t for t in texts), stem
