"""Figures of the framing analysis (notebook 03), drawn from its tables.

Each function takes a table as written under ``reports/tables/`` and returns a matplotlib
figure; the notebook saves it with :func:`analysis.figures.save_figure` under the stem listed in
:data:`FIGURES`. Groups keep the colour :func:`analysis.figures.group_palette` gives them, so an
outlet looks the same in every figure of the report.

seaborn draws the heatmap and the keyness panels. Shares and rates with intervals from the
package's bootstrap (the sourcing bars too) are drawn with matplotlib (``barh``, ``errorbar``):
seaborn draws only intervals it computes itself.

Modules that load NLTK are imported inside the functions that need them, so that reading
:data:`FIGURES` (the summary does, for the captions) stays cheap.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Mapping, Sequence
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns

from analysis.figure_labels import LABEL_LINE_IN, group_labels, label_lines, with_suffix
from analysis.figures import (
    DOUBLE_COLUMN_IN,
    FigureInfo,
    apply_style,
    grid_layout_deferred,
    group_palette,
    haloed,
    interval_arms,
    none_found_figure,
    size_text,
)

NOTEBOOK = "03_framing.ipynb"
FIGURES: dict[str, FigureInfo] = {
    "fig07_frame_heatmap": FigureInfo(
        "fig07_frame_heatmap",
        "Share of each outlet's sentences coded with each frame (by the codebook's indicators, "
        "or by the trained model for the frames a run gives it with -p frame_coder: the "
        "summary names which). Darker cells mean the frame is more salient; row labels give "
        "articles and sentences.",
        NOTEBOOK,
        "frames_by_outlet.csv",
    ),
    "fig08_frame_salience": FigureInfo(
        "fig08_frame_salience",
        "Frame salience, one panel per frame: each outlet's share of sentences with the frame "
        "and its 95% bootstrap interval (documents and sentences resampled); n = sentences. A "
        "share of 0 is an open circle with a dashed line to its rule-of-three upper bound 3/n. "
        "Where two outlets' intervals overlap the data show no clear difference.",
        NOTEBOOK,
        "frames_by_outlet.csv",
    ),
    "fig09_keyness": FigureInfo(
        "fig09_keyness",
        "Words most distinctive of each outlet against all others: z-scores of the log-odds "
        "ratio with an informative Dirichlet prior (Monroe et al. 2008); labels give uses in the "
        "outlet vs elsewhere. |z| > 1.96 is the conventional threshold.",
        "01_corpus.ipynb",  # with the corpus: it needs no measure, and 03 is the run's longest
        "keyness.csv",
    ),
    "fig10_sourcing": FigureInfo(
        "fig10_sourcing",
        "Share of sentences attributed to anyone (an attribution verb or a direct quotation), "
        "that credit each kind of source, and that carry a direct quotation, by outlet, with "
        "95% bootstrap intervals (documents and sentences resampled); a share of 0 (a kind no "
        "sentence of the outlet credits) is an open circle with a dashed line to its "
        "rule-of-three upper bound 3/n, n the outlet's sentences, the bound the summary's "
        "comparisons use.",
        NOTEBOOK,
        "sourcing.csv",
    ),
    "fig11_hedging": FigureInfo(
        "fig11_hedging",
        "Hedges (may, could, reportedly…) and certainty markers (clearly, never, must…) per "
        "1,000 words with 95% bootstrap intervals, by outlet; a rate of 0 is an open circle "
        "with a dashed line to its rule-of-three bound (3 per the group's words), the bound "
        "the summary's comparisons use.",
        NOTEBOOK,
        "hedging.csv",
    ),
    "fig12_article_frames": FigureInfo(
        "fig12_article_frames",
        "Share of each outlet's articles that carry each frame (at least one coded sentence), "
        "with 95% Wilson score intervals (articles as independent units: never zero-width, "
        "also at 0% and 100%); an open circle at 0 marks none of its articles. The legend "
        "gives the number of articles: with a few per outlet, one article moves a share by a "
        "large step.",
        NOTEBOOK,
        "frames_by_article.csv",
    ),
}


# What the figures say when there is nothing to draw (the summary's findings say the same).
NO_FRAMES = "No sentence in these articles uses the indicators of any frame in the codebook."
NO_KEYNESS = (
    "No distinctive words to show: keyness needs at least two groups whose articles have words "
    "to compare."
)
NO_SOURCING = "No sentence in these articles attributes a claim to a source or quotes directly."
NO_HEDGING = "No hedge or certainty marker is used in these articles."
DIRECT_QUOTE_LABEL = "Direct quotation"
ATTRIBUTED_LABEL = "Attributed to anyone (verb or quotation)"


def _no_frame(frames: pd.DataFrame) -> bool:
    """True when no group has a single sentence coded with any frame."""
    return frames.empty or not (frames["share"].fillna(0) > 0).any()


def _palette(groups: list[str], palette: Mapping[str, str] | None) -> Mapping[str, str]:
    return palette if palette is not None else group_palette(groups)


def _groups(table: pd.DataFrame, group_col: str) -> list[str]:
    return sorted(table[group_col].astype(str).unique())


def plot_frame_heatmap(
    frames: pd.DataFrame, group_col: str = "outlet", *, value: str = "share"
) -> plt.Figure:
    """Groups × frames heatmap of frame salience, each cell annotated with its percentage; with
    no coded sentence in any group, a figure that says so."""
    apply_style()
    if _no_frame(frames):
        return none_found_figure(NO_FRAMES, title="Frame salience")
    labels = frames.drop_duplicates("frame")[["frame", "label"]]
    groups = _groups(frames, group_col)
    table = frames.assign(**{group_col: frames[group_col].astype(str)})
    grid = table.pivot(index=group_col, columns="frame", values=value)
    grid = 100 * grid.reindex(index=groups, columns=labels["frame"].tolist())
    sizes = table.drop_duplicates(group_col).set_index(group_col)
    names = group_labels(groups)
    counts = [(int(sizes.loc[g, "n_docs"]), int(sizes.loc[g, "n_sentences"])) for g in groups]
    grid.index = [
        f"{names[g]}\n({docs} art., {sents} sent.)"
        for g, (docs, sents) in zip(groups, counts, strict=True)
    ]
    grid.columns = labels["label"].tolist()
    values = grid.to_numpy(dtype=float)
    vmax = max(float(np.nanmax(values)) if np.isfinite(values).any() else 0.0, 5.0)
    row_in = max(0.38, label_lines(grid.index) * LABEL_LINE_IN + 0.04)  # a row holds its label
    fig, ax = plt.subplots(
        figsize=(DOUBLE_COLUMN_IN, 1.6 + row_in * len(groups)), layout="constrained"
    )
    sns.heatmap(
        grid,
        cmap="Blues",
        vmin=0,
        vmax=vmax,
        annot=True,
        fmt=".0f",
        annot_kws={"fontsize": 6.5},
        linewidths=0.5,
        linecolor="white",
        xticklabels=True,
        yticklabels=True,
        cbar_kws={
            "shrink": 0.8,
            "label": "share of sentences",
            "format": lambda x, _: f"{x:g}%",  # a tick at 12.5 is "12.5%", not "12%"
        },
        ax=ax,
    )
    ax.tick_params(axis="y", labelrotation=0)
    plt.setp(ax.get_xticklabels(), rotation=40, ha="right", rotation_mode="anchor")
    ax.set_title("Frame salience: % of sentences coded with each frame")
    return fig


def plot_frame_salience(
    frames: pd.DataFrame,
    group_col: str = "outlet",
    palette: Mapping[str, str] | None = None,
    *,
    ncols: int | None = None,
) -> plt.Figure:
    """Small multiples, one panel per frame (codebook order): each group's share of sentences
    with the frame as a dot with its 95% CI, groups on rows (the same order in every panel, n in
    the row labels). A share of 0 is an open circle at 0 with a dashed line to its rule-of-three
    upper bound 3/n, labelled, so a zero never hides on the axis. With no coded sentence in any
    group, a figure that says so."""
    apply_style()
    if _no_frame(frames):
        return none_found_figure(NO_FRAMES, title=f"Frame salience by {group_col}")
    groups = _groups(frames, group_col)
    colours = _palette(groups, palette)
    labels = frames.drop_duplicates("frame")[["frame", "label"]]
    table = frames.assign(**{group_col: frames[group_col].astype(str)})
    sizes = table.dropna(subset=["n_sentences"]).groupby(group_col)["n_sentences"].first()
    names = group_labels(groups)
    rows = [with_suffix(names[g], f"(n = {int(sizes.get(g, 0))})") for g in groups]
    # a row holds its label's lines: a 67-character name on one line took half the width
    row_in = max(0.16, label_lines(rows) * LABEL_LINE_IN + 0.04)
    ncols = ncols or min(len(labels), 4 if len(groups) <= 4 else 3)
    nrows = math.ceil(len(labels) / ncols)
    fig, axes = plt.subplots(
        nrows,
        ncols,
        figsize=(DOUBLE_COLUMN_IN, 0.85 + nrows * (0.7 + row_in * len(groups))),
        sharex=True,
        sharey=True,
        squeeze=False,
        layout="constrained",
    )
    y = np.arange(len(groups))
    upper = 0.0
    for ax, (frame, label) in zip(axes.flat, labels.itertuples(index=False), strict=False):
        part = table[table["frame"] == frame].set_index(group_col).reindex(groups)
        for yi, group in zip(y, groups, strict=True):
            upper = max(upper, _salience_row(ax, part.loc[group], yi, colours.get(group)))
        ax.set_title(textwrap.fill(str(label), 26), fontsize=7, loc="left")
        ax.grid(axis="y", visible=False)
    first = axes.flat[0]
    first.set_yticks(y, rows)
    first.set_ylim(len(groups) - 0.5, -0.5)
    first.set_xlim(0, min(100.0, 100 * upper * 1.3 + 4))
    for index, ax in enumerate(axes.flat):
        if index >= len(labels):
            ax.remove()  # no empty panel
        else:  # every panel's ticks labelled: a tester's Conflict panel, above the last one,
            # had none (sharex labels only the lowest row), and read as a panel without a scale
            ax.tick_params(axis="x", labelbottom=True)
    fig.supxlabel("% of sentences", fontsize=8)  # the shared axis, named once
    fig.suptitle(
        f"Frame salience by {group_col}: % of sentences with the frame, 95% bootstrap CI; "
        "open circle: 0, dashed to its rule-of-three bound 3/n",
        fontsize=8,
    )
    return fig


def _salience_row(ax: plt.Axes, row: pd.Series, y: float, colour: str | None) -> float:
    """One group's dot and interval in a frame panel; returns the right end drawn (a share)."""
    colour = colour or "#999999"
    n = float(row["n_sentences"]) if pd.notna(row.get("n_sentences")) else 0.0
    share = float(row["share"]) if pd.notna(row.get("share")) else math.nan
    if math.isnan(share) or n <= 0:
        return 0.0
    if share == 0:
        bound = min(1.0, 3 / n)
        ax.plot([0, 100 * bound], [y, y], color=colour, lw=0.9, ls="--")
        ax.plot(0, y, "o", ms=3.5, mfc="white", mec=colour, mew=1, clip_on=False, zorder=3)
        ax.text(
            100 * bound, y, f" 0 (≤{100 * bound:.0f}%)", va="center", fontsize=5.5, color="#333333"
        )
        return bound
    low, high = float(row["share_ci_low"]), float(row["share_ci_high"])
    ax.errorbar(
        100 * share,
        y,
        xerr=100 * interval_arms(share, low, high),
        fmt="o",
        ms=3.5,
        capsize=1.5,
        lw=0.9,
        color=colour,
    )
    return high


def panel_columns(n_panels: int, max_columns: int = 3) -> int:
    """Columns for ``n_panels`` small multiples: one row up to ``max_columns``; beyond, the
    number of columns (2 to ``max_columns``) that leaves the fewest empty places in the last row
    (ties: more columns), so four panels make a 2 × 2 grid, not 3 + 1."""
    if n_panels <= max_columns:
        return max(1, n_panels)
    return min(range(2, max_columns + 1), key=lambda c: (-n_panels % c, -c))


def plot_keyness(
    keyness: pd.DataFrame,
    group_col: str = "outlet",
    palette: Mapping[str, str] | None = None,
    top_terms: int = 12,
    *,
    groups: Sequence[str] | None = None,
    sizes: Mapping[str, str] | None = None,
) -> plt.Figure:
    """One panel per group (a seaborn ``catplot``): its ``top_terms`` most distinctive words by
    z-score, each labelled with its uses in the group and elsewhere. The panels fill a grid with
    as few empty places as possible (:func:`panel_columns`). ``groups`` are the groups the run
    compares (default: those of the table); with only one, a figure saying there is no second
    group to compare; with no term at all, a figure that says so. ``sizes`` (group -> "3 art.,
    1,225 words": :func:`analysis.figures.group_sizes`) follow each panel's title."""
    apply_style()
    title = f"Distinctive words per {group_col}"
    compared = sorted({str(g) for g in groups}) if groups is not None else None
    if compared is not None and len(compared) < 2:
        which = f" ({compared[0]})" if compared else ""
        message = (
            f"Only one {group_col}{which} in the selection: there is no second {group_col} to "
            "compare its words with, so keyness.csv lists no terms."
        )
        return none_found_figure(message, title=title)
    table = keyness.assign(group=keyness[group_col].astype(str))
    table = table[table["count_in_group"] > 0]
    if table.empty:
        return none_found_figure(NO_KEYNESS, title=title)
    groups = _groups(keyness, group_col)
    colours = _palette(groups, palette)
    top = (
        table.sort_values(["group", "z", "term"], ascending=[True, False, True], kind="stable")
        .groupby("group", sort=False)
        .head(top_terms)
    )
    top = top.assign(
        term_label=[
            f"{t} ({a}/{b})"
            for t, a, b in zip(
                top["term"], top["count_in_group"], top["count_in_rest"], strict=True
            )
        ]
    )
    ncols = panel_columns(len(groups))
    nrows = max(1, math.ceil(len(groups) / ncols))
    height = 0.6 + 0.17 * top_terms
    with grid_layout_deferred():  # the constrained layout below places the axes
        grid = _keyness_grid(top, groups, colours, ncols, height)
    names = group_labels(groups)
    for group, ax in grid.axes_dict.items():
        # the size on a line of its own: beside a long name it ran into the next panel's title
        # ("… 7,591 words)The Northern Ledger", a tester's)
        title = f"{names[group]}\n({sizes[group]})" if sizes and group in sizes else names[group]
        ax.set_title(title, size=plt.rcParams["axes.titlesize"])
    grid.set(xlabel="z (log-odds, informative prior)", ylabel="")  # every panel: own scale
    grid.refline(x=1.96, color="#555555", lw=0.6, ls="--")
    grid.figure.suptitle(
        f"Distinctive words per {group_col} (uses in {group_col} / elsewhere); dashed: z = 1.96",
        fontsize=8,
    )
    grid.figure.set_size_inches(DOUBLE_COLUMN_IN, 0.4 + nrows * height)  # room for the title
    grid.figure.set_layout_engine("constrained")
    return grid.figure


def _keyness_grid(
    top: pd.DataFrame,
    groups: Sequence[str],
    colours: Mapping[str, str],
    ncols: int,
    height: float,
) -> sns.FacetGrid:
    """The keyness bar chart's ``catplot``: one panel per group, each on its own scales."""
    return sns.catplot(
        top,
        kind="bar",
        x="z",
        y="term_label",
        col="group",
        col_order=groups,
        col_wrap=ncols,
        hue="group",
        hue_order=groups,
        palette={g: colours.get(g, "#999999") for g in groups},
        saturation=1,
        errorbar=None,
        width=0.7,
        sharex=False,  # each outlet on its own z scale
        sharey=False,  # and with its own words
        legend=False,
        height=height,
        aspect=DOUBLE_COLUMN_IN / ncols / height,
    )


def plot_sourcing(
    sourcing: pd.DataFrame,
    group_col: str = "outlet",
    palette: Mapping[str, str] | None = None,
    lexicon: str | Path | None = None,
) -> plt.Figure:
    """Grouped bars: share of sentences crediting each source category (in the order of the
    sourcing ``lexicon`` file; default: the bundled one), and quoting directly, each with its
    95% interval when the table has one (``ci_low``/``ci_high``). A share of 0 is an open circle
    at 0, so that a kind no sentence of an outlet credits is told apart from a missing bar (a
    tester read the empty rows as missing data), with a dashed line to its rule-of-three upper
    bound 3/n (n the group's sentences), labelled, as in the frame salience figure: a tester
    found the frames' zeros drawn with the bound the summary compares by, the sources' without."""
    from analysis.framing.sourcing import load_sources  # here, not at the top: it loads NLTK

    apply_style()
    groups = _groups(sourcing, group_col)
    colours = _palette(groups, palette)
    rows = sourcing[
        (sourcing["measure"] == "source")
        | ((sourcing["measure"] == "quote") & sourcing["item"].isin(["attributed", "direct_quote"]))
    ]
    if not (rows["n_sentences_with"] > 0).any():
        return none_found_figure(NO_SOURCING, title="Sourcing and direct quotation")
    rows = rows.assign(group=rows[group_col].astype(str))
    present = set(rows["item"])
    sources = load_sources(str(lexicon) if lexicon else None)
    # the share attributed to anyone first: a finding states it and cites this figure (a
    # tester found no such row here)
    order = ["attributed", *(c for c in sources.categories if c in present), "direct_quote"]
    items = [i for i in order if i in present] + sorted(present - set(order))
    names = source_labels(items, sources.labels)
    sizes = rows.dropna(subset=["n_sentences"]).groupby("group")[["n_docs", "n_sentences"]]
    n = sizes.first()
    group_names = group_labels(groups)
    fig, ax = plt.subplots(
        figsize=(DOUBLE_COLUMN_IN, 1.2 + 0.11 * len(items) * max(len(groups), 2)),
        layout="constrained",
    )
    step = 0.8 / len(groups)
    upper = 0.0
    for j, group in enumerate(groups):
        part = rows[rows["group"] == group].set_index("item").reindex(items)
        y = np.arange(len(items)) + (j - (len(groups) - 1) / 2) * step
        share = part["share"].to_numpy(dtype=float)
        colour = colours.get(group, "#999999")
        label = f"{group_names[group]} ({_count(n, group, 'n_docs', 'article')}, "
        label += f"{_count(n, group, 'n_sentences', 'sentence')})"
        ax.barh(y, 100 * np.nan_to_num(share), height=0.9 * step, color=colour, label=label)
        upper = max(upper, np.nanmax(share, initial=0.0))
        if {"ci_low", "ci_high"} <= set(part.columns):
            low, high = part["ci_low"].to_numpy(float), part["ci_high"].to_numpy(float)
            drawn = ~np.isnan(low) & ~np.isnan(high) & (share > 0)
            if drawn.any():
                arms = interval_arms(share[drawn], low[drawn], high[drawn])
                haloed(  # seen over a black bar (the palette's seventh outlet)
                    ax.errorbar(
                        100 * share[drawn],
                        y[drawn],
                        xerr=100 * arms,
                        fmt="none",
                        ecolor="#333333",
                        elinewidth=0.7,
                        capsize=1.2,
                    )
                )
                upper = max(upper, float(np.max(high[drawn])))
        zero = share == 0
        sentences = float(n["n_sentences"].get(group, 0)) if "n_sentences" in n.columns else 0.0
        if zero.any() and sentences > 0:  # up to its rule-of-three bound, as the frames' figure
            bound = min(1.0, 3 / sentences)
            for yi in y[zero]:
                ax.plot([0, 100 * bound], [yi, yi], color=colour, lw=0.9, ls="--")
                ax.text(
                    100 * bound,
                    yi,
                    f" 0 (≤{100 * bound:.0f}%)",
                    va="center",
                    fontsize=5.5,
                    color="#333333",
                )
            upper = max(upper, bound)
        if zero.any():
            ax.plot(
                np.zeros(int(zero.sum())),
                y[zero],
                "o",
                ms=3,
                mfc="white",
                mec=colour,
                mew=0.9,
                ls="",
                clip_on=False,
                zorder=3,
            )
    ax.set_yticks(np.arange(len(items)), [names[i] for i in items])
    ax.set_ylim(len(items) - 0.5, -0.5)
    ax.set_xlim(0, min(100.0, 100 * upper * 1.05 + 1))
    ax.grid(axis="y", visible=False)
    handles, texts = ax.get_legend_handles_labels()
    fig.legend(handles, texts, loc="outside lower center", ncols=min(len(groups), 2), frameon=False)
    ax.set(xlabel="% of sentences", ylabel="")
    ax.set_title(
        "Sourcing: whom sentences attribute claims to, and direct quotation "
        "(95% bootstrap CI; open circle: 0, dashed to its rule-of-three bound 3/n)",
        fontsize=8,
    )
    return fig


def _count(sizes: pd.DataFrame, group: str, column: str, noun: str) -> str:
    """``"1 article"``, ``"72 sentences"``: a group's count from ``sizes`` with its noun."""
    k = int(sizes[column].get(group, 0)) if column in sizes.columns else 0
    return f"{k} {noun}" + ("" if k == 1 else "s")


def source_labels(items: Sequence[str], labels: Mapping[str, str]) -> dict[str, str]:
    """The words a figure shows for each sourcing item: the lexicon's ``label`` (a category
    without one, or a key the lexicon does not know, is written out in plain words, its first
    letter capitalised); the direct-quotation row reads "Direct quotation"."""
    shown = {}
    for item in items:
        if item == "direct_quote":
            shown[item] = DIRECT_QUOTE_LABEL
        elif item == "attributed":
            shown[item] = ATTRIBUTED_LABEL
        elif labels.get(item) and labels[item] != item:
            shown[item] = labels[item]
        else:
            words = item.replace("_", " ").strip()
            shown[item] = words[:1].upper() + words[1:]
    return shown


def _hedging_label(name: str, row: pd.Series) -> str:
    """ "Caixin (1 art., 398 words)": the articles too when the table counts them; ``name`` is
    the group's label (:func:`analysis.figure_labels.group_labels`)."""
    if "n_docs" in row.index and pd.notna(row["n_docs"]):
        return with_suffix(name, f"({size_text(int(row['n_docs']), int(row['n_words']))})")
    return with_suffix(name, f"({int(row['n_words']):,} words)")


def plot_hedging(
    hedging: pd.DataFrame, group_col: str = "outlet", palette: Mapping[str, str] | None = None
) -> plt.Figure:
    """Two panels (hedges, certainty): rate per 1,000 words per group with 95% CIs; with no
    hedge and no certainty marker in any group, a figure that says so."""
    apply_style()
    if not (hedging["per_1000_words"].fillna(0) > 0).any():
        return none_found_figure(NO_HEDGING, title="Hedges and certainty markers")
    groups = _groups(hedging, group_col)
    colours = _palette(groups, palette)
    names = group_labels(groups)
    row_in = max(0.3, (label_lines(names.values()) + 1) * LABEL_LINE_IN)  # name, size below
    fig, axes = plt.subplots(
        1,
        2,
        figsize=(DOUBLE_COLUMN_IN, 0.9 + row_in * len(groups)),
        layout="constrained",
        sharey=True,
    )
    for ax, measure, title in zip(
        axes, ("hedges", "certainty"), ("Hedges", "Certainty markers"), strict=True
    ):
        part = hedging[hedging["measure"] == measure].set_index(group_col).reindex(groups)
        y = np.arange(len(groups))
        for yi, group in zip(y, groups, strict=True):
            r = part.loc[group]
            if _zero_rate(ax, r, yi, colours.get(group, "#999999")):
                continue
            ax.errorbar(
                r["per_1000_words"],
                yi,
                xerr=interval_arms(r["per_1000_words"], r["ci_low"], r["ci_high"]),
                fmt="o",
                ms=4,
                capsize=2,
                color=colours.get(group, "#999999"),
            )
        ax.set_yticks(y, [_hedging_label(names[g], part.loc[g]) for g in groups])
        ax.set_title(title)
        ax.set_xlim(left=0)
    axes[0].invert_yaxis()
    # one axis label under both panels: beside long group names, one under each ran together
    fig.supxlabel("per 1,000 words (95% bootstrap CI)", fontsize=7)
    fig.suptitle(
        f"Hedges and certainty markers per 1,000 words by {group_col}; open circle: 0, dashed "
        "to its rule-of-three bound",
        fontsize=8,
    )
    return fig


def _zero_rate(ax: plt.Axes, row: pd.Series, y: float, colour: str) -> bool:
    """A rate of 0 drawn as an open circle at 0 with a dashed line to its rule-of-three bound
    (3 per the group's words, per 1,000), labelled; whether the row was one. A tester's one
    "clear" hedging difference rested on that bound, and the figure showed a dot half hidden
    by the axis with no interval."""
    rate = row.get("per_1000_words")
    n_words = float(row.get("n_words", 0) or 0)
    if pd.isna(rate) or float(rate) != 0 or n_words <= 0:
        return False
    bound = 3000 / n_words
    ax.plot([0, bound], [y, y], color=colour, lw=0.9, ls="--")
    ax.plot(0, y, "o", ms=3.5, mfc="white", mec=colour, mew=1, clip_on=False, zorder=3)
    ax.text(bound, y, f" 0 (≤{bound:.1f})", va="center", fontsize=5.5, color="#333333")
    return True
