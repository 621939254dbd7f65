"""analysis.figures.save_figure: a figure rewritten into a run's --out keeps the run's ownership
record true, whichever way it is drawn (a tester's papermill rerun of notebook 02 left the actor
heatmap, whose labels reach past the canvas, with its old SHA-256, and the next run refused it
as a file the package did not write)."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pytest

from analysis import outputs
from analysis.figures import STYLE, save_figure


def _figure(past_the_canvas: bool) -> plt.Figure:
    fig, ax = plt.subplots(figsize=(3, 2))
    ax.plot([0, 1], [0, 1])
    if past_the_canvas:  # drawn outside the canvas: saved on a canvas as large as the box
        ax.text(1.6, 0.5, "a label far to the right", transform=ax.transAxes)
    return fig


@pytest.mark.parametrize("past_the_canvas", [False, True])
def test_a_rewritten_figure_is_still_the_packages(tmp_path: Path, past_the_canvas: bool) -> None:
    root = tmp_path / "out"
    (root / "reports").mkdir(parents=True)
    names = ["figures/fig.png", "figures/fig.svg"]
    record = root / "reports" / outputs.MANIFEST
    record.write_bytes(outputs.manifest_bytes(names, dict.fromkeys(names, "0" * 64)))
    fig = _figure(past_the_canvas)
    try:
        save_figure(fig, "fig", root / "figures")
    finally:
        plt.close(fig)
    assert outputs.unchanged_outputs(root, record) == set(names)


def test_the_svgs_text_falls_back_on_other_sans_serif_fonts(tmp_path: Path) -> None:
    # a reader without DejaVu Sans saw the SVGs in a serif font
    with plt.rc_context(STYLE):
        fig = _figure(False)
    try:
        _, svg = save_figure(fig, "fig", tmp_path)
    finally:
        plt.close(fig)
    text = svg.read_text(encoding="utf-8")
    assert "font-family: 'DejaVu Sans', 'Bitstream Vera Sans', Verdana, Geneva, sans-serif" in text
    assert "font-family: 'DejaVu Sans';" not in text and "sans-serif, " not in text
