"""The figure of the trained tone coder (notebook 02 with ``-p tone_coder``).

:func:`plot_coder_tone` draws :func:`analysis.sentiment.coder.coder_tone_table`: per group, the
shares of sentences the trained coder codes negative, neutral and positive (filled dots) next to
the lexicon's shares (open dots), each with its 95% bootstrap interval, in the run's fixed group
colours, with the number of sentences and articles behind each group. The notebook saves it with
:func:`analysis.figures.save_figure` (PNG 300 dpi and byte-stable SVG) under
:data:`CODER_FIGURE`; the gallery and the summary take its caption from :data:`FIGURES`.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from analysis.figure_labels import group_labels
from analysis.figures import (
    DOUBLE_COLUMN_IN,
    OTHER_COLOUR,
    FigureInfo,
    interval_arms,
    none_found_figure,
)
from analysis.sentiment.coder import CODER_TONE_TABLE, SHARE_MEASURES, TRAINED

NOTEBOOK = "02_sentiment.ipynb"
CODER_FIGURE = "fig13_coder_tone"
NO_SENTENCES = "No sentences to code: the articles have no text left after cleaning."
PANEL_TITLES = {
    "share_negative": "negative",
    "share_neutral": "neutral",
    "share_positive": "positive",
}

FIGURES: dict[str, FigureInfo] = {
    CODER_FIGURE: FigureInfo(
        stem=CODER_FIGURE,
        caption=(
            "Tone by group from the trained tone coder (filled dots, parameter tone_coder) and "
            "from VADER's lexicon (open dots): the share of sentences each codes negative, "
            "neutral and positive, with 95% bootstrap CIs; n = sentences and articles. The "
            "trained coder's cross-validated F1 measures it on the sheet it was trained on; its "
            "error on these articles is measured only by validate --model on a coded sample of "
            "them that it was not trained on (the summary gives it when the run has one)."
        ),
        notebook=NOTEBOOK,
        table=CODER_TONE_TABLE,
    ),
}


def _size_label(n_sentences: int, n_docs: int) -> str:
    return f"n = {n_sentences} sent., {n_docs} art."


def plot_coder_tone(
    table: pd.DataFrame, group_col: str, palette: dict[str, str], method: str = "vader"
) -> plt.Figure:
    """Three panels (negative, neutral, positive): per group, the trained coder's share (filled)
    and the lexicon ``method``'s share (open), with 95% CIs, in the group's colour; the sample
    size of each group is written right of the last panel."""
    groups = sorted(table[group_col].astype(str).unique())
    if not groups:
        return none_found_figure(NO_SENTENCES, title="Tone from the trained coder")
    coders = [TRAINED, method]
    offsets = {TRAINED: -0.14, method: 0.14}
    fig, axes = plt.subplots(
        1,
        len(SHARE_MEASURES),
        figsize=(DOUBLE_COLUMN_IN, 1.1 + 0.42 * len(groups)),
        sharey=True,
    )
    for ax, measure in zip(axes, SHARE_MEASURES, strict=True):
        part = table[table["measure"] == measure]
        for y, group in enumerate(groups):
            colour = palette.get(group, OTHER_COLOUR)
            rows = part[part[group_col].astype(str) == group].set_index("coder")
            for coder in coders:
                if coder not in rows.index:
                    continue
                r = rows.loc[coder]
                ax.errorbar(
                    r["estimate"],
                    y + offsets[coder],
                    xerr=interval_arms(r["estimate"], r["ci_low"], r["ci_high"]),
                    fmt="o",
                    ms=4.5,
                    color=colour,
                    mfc=colour if coder == TRAINED else "white",
                    capsize=2,
                    lw=0.9,
                )
        ax.set_title(PANEL_TITLES[measure])
        ax.set_xlim(-0.02, 1.02)
        ax.set_xticks([0, 0.5, 1], ["0%", "50%", "100%"])
        ax.grid(axis="y", visible=False)
    names = group_labels(groups)  # wrapped as every figure writes a group's name
    axes[0].set_yticks(range(len(groups)), [names[g] for g in groups])
    axes[0].set_ylim(len(groups) - 0.5, -0.5)
    axes[1].set_xlabel("Share of sentences (95% CI)")
    sizes = table[(table["coder"] == TRAINED) & (table["measure"] == SHARE_MEASURES[0])]
    sizes = sizes.set_index(sizes[group_col].astype(str)).reindex(groups)
    for y, group in enumerate(groups):
        if pd.isna(sizes.loc[group, "n_sentences"]):
            continue
        label = _size_label(int(sizes.loc[group, "n_sentences"]), int(sizes.loc[group, "n_docs"]))
        axes[-1].text(
            1.04, y, label, va="center", fontsize=6.5, transform=axes[-1].get_yaxis_transform()
        )
    handles = [
        plt.Line2D([], [], marker="o", ls="", color="black", label="trained coder"),
        plt.Line2D([], [], marker="o", ls="", color="black", mfc="white", label=method),
    ]
    fig.legend(handles=handles, ncols=2, loc="upper center", frameon=False)
    fig.tight_layout(rect=(0, 0, 1, 0.93))
    return fig
