"""Figures of the corpus notebook: how much text each group contributes."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from analysis.figures import DOUBLE_COLUMN_IN, OTHER_LABEL, FigureInfo, fold_groups

FIGURES = {
    "fig01_corpus_size": FigureInfo(
        stem="fig01_corpus_size",
        caption=(
            "Size of the corpus by group: number of articles (left) and words after cleaning "
            "(right). Every later estimate rests on these few articles; a group with one "
            "article describes that article, not the outlet."
        ),
        notebook="01_corpus.ipynb",
        table="documents.csv",
    )
}


def corpus_size_table(
    documents: pd.DataFrame, group_col: str, palette: dict[str, str]
) -> pd.DataFrame:
    """Articles, sentences and words per group (groups beyond the palette folded into Other)."""
    groups = fold_groups(documents[group_col], [g for g in palette if g != OTHER_LABEL])
    table = (
        documents.assign(_group=groups)
        .groupby("_group", sort=True)
        .agg(
            n_docs=("doc_id", "size"),
            n_sentences=("n_sentences", "sum"),
            n_words=("n_words", "sum"),
        )
        .rename_axis(group_col)
        .reset_index()
    )
    return table.sort_values(["n_words", group_col], ascending=[False, True], kind="stable")


def plot_corpus_size(
    documents: pd.DataFrame, group_col: str, palette: dict[str, str]
) -> plt.Figure:
    """Two bar panels: articles and words per group, in the group colours."""
    table = corpus_size_table(documents, group_col, palette)
    height = 0.9 + 0.3 * len(table)
    fig, axes = plt.subplots(1, 2, figsize=(DOUBLE_COLUMN_IN, height), sharey=True)
    colours = [palette.get(g, palette[OTHER_LABEL]) for g in table[group_col]]
    for ax, column, label in zip(
        axes, ["n_docs", "n_words"], ["Articles", "Words after cleaning"], strict=True
    ):
        ax.barh(table[group_col], table[column], color=colours)
        for y, value in enumerate(table[column]):
            ax.text(value, y, f" {value:,}", va="center", fontsize=7)
        ax.set_xlabel(label)
        ax.margins(x=0.18)
        ax.grid(axis="y", visible=False)
    axes[0].invert_yaxis()
    axes[0].set_ylabel("")
    fig.tight_layout()
    return fig
