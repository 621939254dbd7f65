"""The validation figure names each coder for what it is (a tester's read "codebook" on the
tone bar, which VADER scored) and marks tone's figure as a macro average."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from analysis.validation.plots import plot_agreement


def test_the_legend_and_labels_say_what_each_bar_measures() -> None:
    rows = [
        {"method": "codebook", "frame": "war", "n": 40, "f1": 0.6, "f1_ci_low": 0.4,
         "f1_ci_high": 0.8},
        {"method": "codebook", "frame": "tone", "n": 30, "f1": 0.5, "f1_ci_low": 0.3,
         "f1_ci_high": 0.7},
        {"method": "model", "frame": "war", "n": 40, "f1": 0.7, "f1_ci_low": 0.5,
         "f1_ci_high": 0.9},
    ]  # fmt: skip
    fig = plot_agreement(pd.DataFrame(rows))
    ax = fig.axes[0]
    legend = [text.get_text() for text in ax.get_legend().get_texts()]
    assert legend == ["codebook (tone: VADER)", "trained model"]
    labels = [label.get_text() for label in ax.get_yticklabels()]
    assert labels == ["war (n=40)", "tone, macro (n=30)"]
    plt.close(fig)
