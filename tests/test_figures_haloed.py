"""analysis.figures.haloed: intervals edged in white, visible over a bar of any colour."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt

from analysis.figures import haloed


def test_each_interval_line_and_cap_gets_a_white_edge() -> None:
    fig, ax = plt.subplots()
    ax.barh([0, 1], [5, 7], color="black")  # the palette's seventh outlet
    bars = haloed(ax.errorbar([5, 7], [0, 1], xerr=[[1, 2], [1, 2]], fmt="none", capsize=2))
    lines = [*bars.lines[1], *bars.lines[2]]
    assert lines  # two caps and the interval lines
    for line in lines:
        (effect,) = line.get_path_effects()
        assert type(effect).__name__ == "withStroke"
    plt.close(fig)


def test_the_figures_of_bars_halo_their_intervals() -> None:
    import pandas as pd

    from analysis.framing.article_plots import plot_article_frames

    table = pd.DataFrame(
        {
            "outlet": ["X", "Y"],
            "frame": ["a", "a"],
            "label": ["A", "A"],
            "share_articles": [0.5, 0.25],
            "share_ci_low": [0.2, 0.0],
            "share_ci_high": [0.8, 0.5],
            "n_docs": [4, 4],
        }
    )
    ax = plot_article_frames(table).axes[0]
    edged = [c for c in ax.collections if c.get_path_effects()]
    assert edged  # the interval lines
    plt.close("all")
