"""Figures of the validation (notebook 05): agreement with human codes, and between coders."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from analysis.figures import DOUBLE_COLUMN_IN, apply_style, interval_arms, none_found_figure

# what each coder of an agreement table is, for the legend: the codebook's tone row is VADER's
CODER_NAMES = {
    "codebook": "codebook (tone: VADER)",
    "model": "trained model",
    "sources": "source lexicon",
}


def plot_agreement(table: pd.DataFrame, metric: str = "f1") -> plt.Figure:
    """Per frame (and tone), each machine coder's ``metric`` against the human codes with its
    95% interval (Wilson for a frame's precision and recall, else bootstrap); ``table`` is
    :func:`analysis.validation.agreement_table`."""
    apply_style()
    if table.empty:
        return none_found_figure("No coded items to compare with.")
    methods = list(dict.fromkeys(table["method"]))
    frames = list(dict.fromkeys(table["frame"]))
    height = 0.8 / len(methods)
    colours = ["#0072B2", "#E69F00", "#009E73", "#CC79A7"]
    fig, ax = plt.subplots(figsize=(DOUBLE_COLUMN_IN, 0.6 + 0.4 * len(frames)))
    for i, method in enumerate(methods):
        part = table[table["method"] == method].set_index("frame").reindex(frames)
        y = np.arange(len(frames)) + i * height - 0.4 + height / 2
        value = part[metric].to_numpy(dtype=float)
        arms = interval_arms(value, part[f"{metric}_ci_low"], part[f"{metric}_ci_high"])
        colour = colours[i % len(colours)]
        ax.barh(y, value, height=height, color=colour, label=CODER_NAMES.get(method, method))
        ax.errorbar(value, y, xerr=arms, fmt="none", ecolor="0.2")
    labels = [f"{f} (n={int(table[table['frame'] == f]['n'].max())})" for f in frames]
    if "tone" in frames:  # tone's figure is a macro average over its three classes
        labels[frames.index("tone")] = labels[frames.index("tone")].replace("tone", "tone, macro")
    ax.set_yticks(np.arange(len(frames)), labels)
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel(f"{metric} against the human codes (95% interval)")
    ax.legend(loc="lower right", fontsize="small")
    fig.tight_layout()
    return fig


def plot_intercoder(table: pd.DataFrame) -> plt.Figure:
    """Krippendorff's alpha per frame between human coders, with the conventional 0.667 and
    0.8 thresholds (Krippendorff 2004) marked."""
    apply_style()
    if table.empty:
        return none_found_figure("Only one coder: no agreement between coders to show.")
    fig, ax = plt.subplots(figsize=(DOUBLE_COLUMN_IN, 0.6 + 0.35 * len(table)))
    y = np.arange(len(table))
    ax.barh(y, table["krippendorff_alpha"].fillna(0), color="#56B4E9")
    for cut in (0.667, 0.8):
        ax.axvline(cut, color="0.4", ls="--", lw=0.8)
    ax.set_yticks(
        y, [f"{f} (n={n})" for f, n in zip(table["frame"], table["n_items"], strict=True)]
    )
    ax.invert_yaxis()
    ax.set_xlim(min(0.0, float(table["krippendorff_alpha"].min(skipna=True) or 0)), 1)
    ax.set_xlabel("Krippendorff's alpha (nominal); dashed: 0.667 and 0.8")
    fig.tight_layout()
    return fig
