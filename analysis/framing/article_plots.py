"""The figure of article-level frames: share of each group's articles with each frame."""

from __future__ import annotations

from collections.abc import Mapping

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from analysis.figure_labels import group_labels
from analysis.figures import (
    DOUBLE_COLUMN_IN,
    apply_style,
    group_palette,
    haloed,
    interval_arms,
    none_found_figure,
)
from analysis.report.wording import articles


def plot_article_frames(
    table: pd.DataFrame, group_col: str = "outlet", palette: Mapping[str, str] | None = None
) -> plt.Figure:
    """Horizontal bars: per frame, each group's percentage of articles with the frame, with its
    95% Wilson interval (capped, so that an interval is told from the bar below it);
    ``table`` is :func:`analysis.framing.article_frame_table`. A share of 0 is drawn as a small
    open marker at 0, so that it reads as "none of its articles", not as a missing bar;
    ``palette`` (the run's colours) defaults to :func:`analysis.figures.group_palette`. In
    percent and titled like the sentence-level figure of frames (fig08), which a reader sets
    beside it (a tester read a share of 0.5 on this one against 50% on that)."""
    apply_style()
    if table.empty:
        return none_found_figure("No articles to show.")
    groups = sorted(table[group_col].astype(str).unique())
    frames = list(dict.fromkeys(table["label"]))
    palette = palette if palette is not None else group_palette(groups)
    names = group_labels(groups)  # as every figure writes a group's name
    height = 0.8 / len(groups)
    fig, ax = plt.subplots(
        figsize=(DOUBLE_COLUMN_IN, 0.5 + 0.45 * len(frames) * len(groups) ** 0.5),
        layout="constrained",
    )
    for i, group in enumerate(groups):
        part = table[table[group_col].astype(str) == group].set_index("label").reindex(frames)
        y = np.arange(len(frames)) + i * height - 0.4 + height / 2
        fraction = part["share_articles"].to_numpy(dtype=float)
        share = 100 * fraction
        err = 100 * interval_arms(fraction, part["share_ci_low"], part["share_ci_high"])
        err[:, (err == 0).all(axis=0)] = np.nan  # no interval to draw: no caps on the bar's end
        n = int(part["n_docs"].max())
        colour = palette.get(group, "0.5")
        ax.barh(y, share, height=height, color=colour, label=f"{names[group]} ({articles(n)})")
        haloed(ax.errorbar(share, y, xerr=err, fmt="none", ecolor="0.2", lw=0.8, capsize=2))
        zero = share == 0
        if zero.any():  # an empty line's box sits at the canvas's corner, and the layout kept
            # room down to it: a tester's legend stood an inch below the axis label
            ax.plot(
                share[zero], y[zero], "o", mfc="white", mec=colour, ms=4, zorder=3, clip_on=False
            )
    ax.set_yticks(np.arange(len(frames)), frames)
    ax.invert_yaxis()
    ax.set_xlim(0, 103)  # an interval's cap at 100% is drawn whole
    ax.set_xticks(range(0, 101, 20))
    ax.set_xlabel("% of articles with the frame (95% Wilson interval)")
    ax.set_title(
        f"Frames by {group_col}, per article: % of articles with the frame; open circle: none",
        fontsize=8,
    )
    # below the axis label at any height (a legend placed at a share of the axes' height ran
    # into the label of a short figure: a corpus with five frames)
    handles, labels = ax.get_legend_handles_labels()
    fig.legend(handles, labels, loc="outside lower center", ncols=2, fontsize="small")
    return fig
