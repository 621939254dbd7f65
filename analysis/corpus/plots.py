"""Figures of the corpus notebook: how much text each group contributes."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns
from matplotlib.ticker import FuncFormatter, MaxNLocator

from analysis.figure_labels import LABEL_LINE_IN, group_labels, label_lines
from analysis.figures import DOUBLE_COLUMN_IN, OTHER_LABEL, FigureInfo, fold_groups

# At most this many intervals on each count axis (whole numbers only).
MAX_COUNT_TICKS = 4

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


def count_label(value: float) -> str:
    """A count as a short tick label: ``950``, ``12k``, ``1.5M`` (whole numbers below 1,000)."""
    for limit, suffix in ((1e6, "M"), (1e3, "k")):
        if abs(value) >= limit:
            return f"{value / limit:.1f}".removesuffix(".0") + suffix
    return f"{value:.0f}"


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
    """Two horizontal bar panels: articles and words per group, in the group colours, each bar
    labelled with its count; groups ordered by words, largest first. The count axes carry a few
    whole-number ticks with thousands separators, so their numbers never run together."""
    table = corpus_size_table(documents, group_col, palette)
    names = group_labels(table[group_col])  # already strings (fold_groups)
    colours = {names[g]: palette.get(g, palette[OTHER_LABEL]) for g in names}
    table = table.assign(**{group_col: table[group_col].map(names)})
    order = table[group_col].tolist()
    # a row holds its label's lines: a 120-character name on one line squeezed the bars into
    # a strip whose tick labels ran together ("0123"), a tester's
    row_in = max(0.3, label_lines(order) * LABEL_LINE_IN + 0.08)
    fig, axes = plt.subplots(
        1, 2, figsize=(DOUBLE_COLUMN_IN, 0.9 + row_in * len(table)), sharey=True
    )
    for ax, column, label in zip(
        axes, ["n_docs", "n_words"], ["Articles", "Words after cleaning"], strict=True
    ):
        sns.barplot(
            table,
            x=column,
            y=group_col,
            hue=group_col,
            order=order,
            hue_order=order,
            palette=colours,
            saturation=1,
            errorbar=None,
            legend=False,
            ax=ax,
        )
        for bars in ax.containers:
            ax.bar_label(bars, fmt="{:,.0f}", padding=2, fontsize=7)
        ax.set(xlabel=label, ylabel="")
        ax.margins(x=0.18)
        # whole numbers, few of them, short (12k, 1.5M): they never run together
        ax.xaxis.set_major_locator(MaxNLocator(nbins=MAX_COUNT_TICKS, integer=True))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: count_label(x)))
    fig.suptitle(f"Corpus size by {group_col}: articles, and words after cleaning", fontsize=8)
    fig.tight_layout()
    return fig
