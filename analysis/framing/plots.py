"""Figures of the framing analysis (notebook 03), drawn from its tables.

Each function takes a table as written under ``reports/tables/`` and returns a matplotlib
figure; the notebook saves it with :func:`analysis.figures.save_figure` under the stem listed in
:data:`FIGURES`. Groups keep the colour :func:`analysis.figures.group_palette` gives them, so an
outlet looks the same in every figure of the report.

seaborn draws the heatmap, the keyness panels and the grouped sourcing bars. Shares and rates
with intervals from the package's bootstrap are drawn with matplotlib's ``errorbar``: seaborn
draws only intervals it computes itself.

Modules that load NLTK are imported inside the functions that need them, so that reading
:data:`FIGURES` (the summary does, for the captions) stays cheap.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns

from analysis.figures import (
    DOUBLE_COLUMN_IN,
    FigureInfo,
    apply_style,
    group_palette,
    none_found_figure,
)

NOTEBOOK = "03_framing.ipynb"
FIGURES: dict[str, FigureInfo] = {
    "fig07_frame_heatmap": FigureInfo(
        "fig07_frame_heatmap",
        "Share of each outlet's sentences coded with each frame (codebook indicators). Darker "
        "cells mean the frame is more salient; row labels give articles and sentences.",
        NOTEBOOK,
        "frames_by_outlet.csv",
    ),
    "fig08_frame_salience": FigureInfo(
        "fig08_frame_salience",
        "Frame salience with 95% bootstrap intervals (documents and sentences resampled). Where "
        "two outlets' intervals overlap the data show no clear difference.",
        NOTEBOOK,
        "frames_by_outlet.csv",
    ),
    "fig09_keyness": FigureInfo(
        "fig09_keyness",
        "Words most distinctive of each outlet against all others: z-scores of the log-odds "
        "ratio with an informative Dirichlet prior (Monroe et al. 2008); labels give uses in the "
        "outlet vs elsewhere. |z| > 1.96 is the conventional threshold.",
        NOTEBOOK,
        "keyness.csv",
    ),
    "fig10_sourcing": FigureInfo(
        "fig10_sourcing",
        "Share of sentences that attribute a claim to each kind of source, and that carry a "
        "direct quotation, by outlet.",
        NOTEBOOK,
        "sourcing.csv",
    ),
    "fig11_hedging": FigureInfo(
        "fig11_hedging",
        "Hedges (may, could, reportedly…) and certainty markers (will, clearly, never…) per "
        "1,000 words with 95% bootstrap intervals, by outlet.",
        NOTEBOOK,
        "hedging.csv",
    ),
    "fig12_article_frames": FigureInfo(
        "fig12_article_frames",
        "Share of each outlet's articles that carry each frame (at least one coded sentence), "
        "with 95% bootstrap intervals over articles; an open circle at 0 marks none of its "
        "articles. The legend gives the number of articles: with a few per outlet, one article "
        "moves a share by a large step.",
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
    grid.index = [
        f"{g}\n({int(sizes.loc[g, 'n_docs'])} art., {int(sizes.loc[g, 'n_sentences'])} sent.)"
        for g in groups
    ]
    grid.columns = labels["label"].tolist()
    values = grid.to_numpy(dtype=float)
    vmax = max(float(np.nanmax(values)) if np.isfinite(values).any() else 0.0, 5.0)
    fig, ax = plt.subplots(
        figsize=(DOUBLE_COLUMN_IN, 1.6 + 0.38 * len(groups)), layout="constrained"
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
            "format": lambda x, _: f"{x:.0f}%",
        },
        ax=ax,
    )
    ax.tick_params(axis="y", labelrotation=0)
    plt.setp(ax.get_xticklabels(), rotation=40, ha="right", rotation_mode="anchor")
    ax.set_title("Frame salience: % of sentences coded with each frame")
    return fig


def plot_frame_salience(
    frames: pd.DataFrame, group_col: str = "outlet", palette: Mapping[str, str] | None = None
) -> plt.Figure:
    """Dot-and-interval plot: frame share of sentences per group with 95% CIs; with no coded
    sentence in any group, a figure that says so."""
    apply_style()
    if _no_frame(frames):
        return none_found_figure(NO_FRAMES, title=f"Frame salience by {group_col}")
    groups = _groups(frames, group_col)
    colours = _palette(groups, palette)
    labels = frames.drop_duplicates("frame")[["frame", "label"]]
    fig, ax = plt.subplots(
        figsize=(DOUBLE_COLUMN_IN, 0.9 + 0.42 * len(labels)), layout="constrained"
    )
    step = 0.7 / max(len(groups), 1)
    for gi, group in enumerate(groups):
        part = frames[frames[group_col].astype(str) == group].set_index("frame")
        part = part.reindex(labels["frame"])
        y = np.arange(len(labels)) + (gi - (len(groups) - 1) / 2) * step
        n = part["n_sentences"].dropna()
        ax.errorbar(
            100 * part["share"],
            y,
            xerr=[
                100 * (part["share"] - part["share_ci_low"]),
                100 * (part["share_ci_high"] - part["share"]),
            ],
            fmt="o",
            ms=3.5,
            capsize=1.5,
            lw=0.9,
            color=colours.get(group, "#999999"),
            label=f"{group} (n = {int(n.iloc[0]) if len(n) else 0} sentences)",
        )
    ax.set_yticks(range(len(labels)), labels["label"].tolist())
    ax.invert_yaxis()
    ax.set_xlabel("% of sentences with the frame (95% bootstrap CI)")
    ax.set_xlim(left=0)
    fig.legend(loc="outside lower center", ncols=min(len(groups), 2), frameon=False)
    ax.set_title(f"Frame salience by {group_col}")
    return fig


def plot_keyness(
    keyness: pd.DataFrame,
    group_col: str = "outlet",
    palette: Mapping[str, str] | None = None,
    top_terms: int = 12,
) -> plt.Figure:
    """One panel per group (a seaborn ``catplot``): its ``top_terms`` most distinctive words by
    z-score, each labelled with its uses in the group and elsewhere. With no term (one group
    only, or no words), a figure that says so."""
    apply_style()
    table = keyness.assign(group=keyness[group_col].astype(str))
    table = table[table["count_in_group"] > 0]
    if table.empty:
        return none_found_figure(NO_KEYNESS, title=f"Distinctive words per {group_col}")
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
    ncols = min(3, max(len(groups), 1))
    nrows = max(1, math.ceil(len(groups) / ncols))
    height = 0.6 + 0.17 * top_terms
    grid = sns.catplot(
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
    grid.set_titles("{col_name}", size=plt.rcParams["axes.titlesize"])
    grid.set(xlabel="z (log-odds, informative prior)", ylabel="")  # every panel: own scale
    grid.refline(x=1.96, color="#555555", lw=0.6, ls="--")
    grid.figure.suptitle(
        f"Distinctive words per {group_col} (uses in {group_col} / elsewhere); dashed: z = 1.96",
        fontsize=8,
    )
    grid.figure.set_size_inches(DOUBLE_COLUMN_IN, 0.4 + nrows * height)  # room for the title
    grid.figure.set_layout_engine("constrained")
    return grid.figure


def plot_sourcing(
    sourcing: pd.DataFrame,
    group_col: str = "outlet",
    palette: Mapping[str, str] | None = None,
    lexicon: str | Path | None = None,
) -> plt.Figure:
    """Grouped bars: share of sentences crediting each source category (in the order of the
    sourcing ``lexicon`` file; default: the bundled one), and quoting directly."""
    from analysis.framing.sourcing import load_sources  # here, not at the top: it loads NLTK

    apply_style()
    groups = _groups(sourcing, group_col)
    colours = _palette(groups, palette)
    rows = sourcing[
        (sourcing["measure"] == "source")
        | ((sourcing["measure"] == "quote") & (sourcing["item"] == "direct_quote"))
    ]
    if not (rows["n_sentences_with"] > 0).any():
        return none_found_figure(NO_SOURCING, title="Sourcing and direct quotation")
    rows = rows.assign(group=rows[group_col].astype(str))
    present = set(rows["item"])
    categories = load_sources(str(lexicon) if lexicon else None).categories
    order = [c for c in categories if c in present] + ["direct_quote"]
    items = [i for i in order if i in present] + sorted(present - set(order))
    n = rows.dropna(subset=["n_sentences"]).groupby("group")["n_sentences"].first()
    legend = {g: f"{g} (n = {int(n.get(g, 0))} sentences)" for g in groups}
    bars = rows.assign(
        pct=100 * rows["share"].fillna(0),
        source=rows["item"].str.replace("_", " "),
        legend=rows["group"].map(legend),
    )
    fig, ax = plt.subplots(
        figsize=(DOUBLE_COLUMN_IN, 1.2 + 0.11 * len(items) * max(len(groups), 2)),
        layout="constrained",
    )
    sns.barplot(
        bars,
        x="pct",
        y="source",
        hue="legend",
        order=[i.replace("_", " ") for i in items],
        hue_order=[legend[g] for g in groups],
        palette={legend[g]: colours.get(g, "#999999") for g in groups},
        saturation=1,
        errorbar=None,
        gap=0.1,
        ax=ax,
    )
    handles, texts = ax.get_legend_handles_labels()
    ax.get_legend().remove()
    fig.legend(handles, texts, loc="outside lower center", ncols=min(len(groups), 2), frameon=False)
    ax.set(xlabel="% of sentences", ylabel="")
    ax.set_title("Sourcing: whom sentences attribute claims to, and direct quotation")
    return fig


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
    fig, axes = plt.subplots(
        1,
        2,
        figsize=(DOUBLE_COLUMN_IN, 0.9 + 0.3 * len(groups)),
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
            ax.errorbar(
                r["per_1000_words"],
                yi,
                xerr=[[r["per_1000_words"] - r["ci_low"]], [r["ci_high"] - r["per_1000_words"]]],
                fmt="o",
                ms=4,
                capsize=2,
                color=colours.get(group, "#999999"),
            )
        ax.set_yticks(y, [f"{g} ({int(part.loc[g, 'n_words'])} words)" for g in groups])
        ax.set_xlabel("per 1,000 words (95% bootstrap CI)")
        ax.set_title(title)
        ax.set_xlim(left=0)
    axes[0].invert_yaxis()
    return fig
