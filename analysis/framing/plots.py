"""Figures of the framing analysis (notebook 03), drawn from its tables.

Each function takes a table as written under ``reports/tables/`` and returns a matplotlib
figure; the notebook saves it with :func:`analysis.figures.save_figure` under the stem listed in
:data:`FIGURES`. Groups keep the colour :func:`analysis.figures.group_palette` gives them, so an
outlet looks the same in every figure of the report.

Modules that load NLTK are imported inside the functions that need them, so that reading
:data:`FIGURES` (the summary does, for the captions) stays cheap.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from analysis.figures import DOUBLE_COLUMN_IN, FigureInfo, apply_style, group_palette

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
}


def _palette(groups: list[str], palette: Mapping[str, str] | None) -> Mapping[str, str]:
    return palette if palette is not None else group_palette(groups)


def _groups(table: pd.DataFrame, group_col: str) -> list[str]:
    return sorted(table[group_col].astype(str).unique())


def plot_frame_heatmap(
    frames: pd.DataFrame, group_col: str = "outlet", *, value: str = "share"
) -> plt.Figure:
    """Groups × frames heatmap of frame salience, each cell annotated with its percentage."""
    apply_style()
    labels = frames.drop_duplicates("frame")[["frame", "label"]]
    groups = _groups(frames, group_col)
    grid = frames.pivot(index=group_col, columns="frame", values=value)
    grid = grid.reindex(index=groups, columns=labels["frame"].tolist())
    sizes = frames.drop_duplicates(group_col).set_index(group_col)
    fig, ax = plt.subplots(
        figsize=(DOUBLE_COLUMN_IN, 1.6 + 0.38 * len(groups)), layout="constrained"
    )
    values = grid.to_numpy(dtype=float)
    vmax = max(float(np.nanmax(values)) if values.size else 0.0, 0.05)
    image = ax.imshow(values, cmap="Blues", vmin=0, vmax=vmax, aspect="auto")
    for (i, j), v in np.ndenumerate(values):
        if np.isfinite(v):
            ax.text(
                j,
                i,
                f"{100 * v:.0f}",
                ha="center",
                va="center",
                fontsize=6.5,
                color="white" if v > 0.6 * vmax else "black",
            )
    ax.set_xticks(range(len(labels)), labels["label"].tolist(), rotation=40, ha="right")
    ax.set_yticks(
        range(len(groups)),
        [
            f"{g}\n({int(sizes.loc[g, 'n_docs'])} art., {int(sizes.loc[g, 'n_sentences'])} sent.)"
            for g in groups
        ],
    )
    ax.grid(False)
    ax.set_title("Frame salience: % of sentences coded with each frame")
    fig.colorbar(
        image, ax=ax, shrink=0.8, label="share of sentences", format=lambda x, _: f"{100 * x:.0f}%"
    )
    return fig


def plot_frame_salience(
    frames: pd.DataFrame, group_col: str = "outlet", palette: Mapping[str, str] | None = None
) -> plt.Figure:
    """Dot-and-interval plot: frame share of sentences per group with 95% CIs."""
    apply_style()
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
    ax.set_title("Frame salience by outlet")
    return fig


def plot_keyness(
    keyness: pd.DataFrame,
    group_col: str = "outlet",
    palette: Mapping[str, str] | None = None,
    top_terms: int = 12,
) -> plt.Figure:
    """One panel per group: its ``top_terms`` most distinctive words by z-score."""
    apply_style()
    groups = _groups(keyness, group_col)
    colours = _palette(groups, palette)
    ncols = min(3, max(len(groups), 1))
    nrows = max(1, math.ceil(len(groups) / ncols))
    fig, axes = plt.subplots(
        nrows,
        ncols,
        figsize=(DOUBLE_COLUMN_IN, 0.4 + nrows * (0.6 + 0.17 * top_terms)),
        layout="constrained",
        squeeze=False,
    )
    for ax, group in zip(axes.flat, groups, strict=False):
        part = keyness[(keyness[group_col].astype(str) == group) & (keyness["count_in_group"] > 0)]
        part = part.sort_values(["z", "term"], ascending=[False, True]).head(top_terms)
        y = np.arange(len(part))
        ax.barh(y, part["z"], color=colours.get(group, "#999999"), height=0.7)
        ax.set_yticks(
            y,
            [
                f"{t} ({a}/{b})"
                for t, a, b in zip(
                    part["term"], part["count_in_group"], part["count_in_rest"], strict=True
                )
            ],
        )
        ax.invert_yaxis()
        ax.axvline(1.96, color="#555555", lw=0.6, ls="--")
        ax.set_title(group)
        ax.set_xlabel("z (log-odds, informative prior)")
    for ax in list(axes.flat)[len(groups) :]:
        ax.set_visible(False)
    fig.suptitle(
        "Distinctive words per outlet (uses in outlet / elsewhere); dashed: z = 1.96", fontsize=8
    )
    return fig


def plot_sourcing(
    sourcing: pd.DataFrame, group_col: str = "outlet", palette: Mapping[str, str] | None = None
) -> plt.Figure:
    """Grouped bars: share of sentences crediting each source category, and quoting directly."""
    from analysis.framing.sourcing import load_sources  # here, not at the top: it loads NLTK

    apply_style()
    groups = _groups(sourcing, group_col)
    colours = _palette(groups, palette)
    rows = sourcing[
        (sourcing["measure"] == "source")
        | ((sourcing["measure"] == "quote") & (sourcing["item"] == "direct_quote"))
    ]
    present = set(rows["item"])
    order = [c for c in load_sources().categories if c in present] + ["direct_quote"]
    items = [i for i in order if i in present] + sorted(present - set(order))
    fig, ax = plt.subplots(
        figsize=(DOUBLE_COLUMN_IN, 1.2 + 0.11 * len(items) * max(len(groups), 2)),
        layout="constrained",
    )
    step = 0.8 / max(len(groups), 1)
    for gi, group in enumerate(groups):
        part = rows[rows[group_col].astype(str) == group].set_index("item").reindex(items)
        y = np.arange(len(items)) + (gi - (len(groups) - 1) / 2) * step
        n = int(part["n_sentences"].dropna().iloc[0]) if part["n_sentences"].notna().any() else 0
        ax.barh(
            y,
            100 * part["share"].fillna(0),
            height=step * 0.9,
            color=colours.get(group, "#999999"),
            label=f"{group} (n = {n} sentences)",
        )
    ax.set_yticks(range(len(items)), [i.replace("_", " ") for i in items])
    ax.invert_yaxis()
    ax.set_xlabel("% of sentences")
    fig.legend(loc="outside lower center", ncols=min(len(groups), 2), frameon=False)
    ax.set_title("Sourcing: whom sentences attribute claims to, and direct quotation")
    return fig


def plot_hedging(
    hedging: pd.DataFrame, group_col: str = "outlet", palette: Mapping[str, str] | None = None
) -> plt.Figure:
    """Two panels (hedges, certainty): rate per 1,000 words per group with 95% CIs."""
    apply_style()
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
