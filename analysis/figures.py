"""The one figure style: sizes, fonts, outlet colours and byte-stable export.

Every figure in the package goes through :func:`save_figure`, which writes a 300 dpi PNG and an
SVG whose metadata (dates, tool versions, element ids) is fixed, so a rerun gives the same bytes.
Colours come from the Okabe–Ito palette, which stays distinguishable under the common forms of
colour-blindness; each outlet keeps one colour in every figure.

The figures are drawn with seaborn's axes- and grid-level functions (``barplot``, ``stripplot``,
``heatmap``, ``FacetGrid``) on top of this style. Nothing here calls ``seaborn.set_theme``: the
style is this module's, and seaborn changes no global setting. Bars and dots keep the palette's
exact colours (``saturation=1``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

SINGLE_COLUMN_IN = 3.5
DOUBLE_COLUMN_IN = 7.0
DPI = 300
OTHER_LABEL = "Other"
OTHER_COLOUR = "#999999"
# Okabe & Ito (2008), reordered so that neighbouring groups contrast most; yellow last.
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#000000", "#F0E442"]

STYLE = {
    "figure.dpi": 100,
    "savefig.dpi": DPI,
    "font.family": "DejaVu Sans",
    "font.size": 8,
    "axes.titlesize": 9,
    "axes.labelsize": 8,
    "xtick.labelsize": 7,
    "ytick.labelsize": 7,
    "legend.fontsize": 7,
    "legend.title_fontsize": 7,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.color": "#DDDDDD",
    "grid.linewidth": 0.5,
    "axes.axisbelow": True,
    "lines.linewidth": 1.2,
    "svg.fonttype": "none",
    "svg.hashsalt": "newsframe-analysis",
    "pdf.fonttype": 42,
    "path.simplify": False,
}


# While saving: the style, and no layout engine from the user's rcParams once the layout is frozen.
_SAVE_RC = {**STYLE, "figure.autolayout": False, "figure.constrained_layout.use": False}


def apply_style() -> None:
    """Set the shared matplotlib style for the rest of the session."""
    plt.rcParams.update(STYLE)


@contextmanager
def seeded_global_rng(seed: int) -> Iterator[None]:
    """Seed numpy's global random state for the block, then put the previous state back.

    seaborn's strip plot (0.13) draws its jitter from ``np.random.uniform`` and takes no seed.
    Drawing it inside this block makes the jitter, and so the figure's bytes, the same on every
    run, while every other user of the global state sees the numbers it would have seen. Any
    ``seed`` that ``numpy.random.default_rng`` takes is accepted.
    """
    state = np.random.get_state()
    np.random.seed(np.random.SeedSequence(seed).generate_state(1)[0])
    try:
        yield
    finally:
        np.random.set_state(state)


def group_palette(groups: Iterable[str]) -> dict[str, str]:
    """One fixed colour per group, assigned in sorted order of the group names.

    Pass every group that any figure will show (the whole corpus, not one figure's subset), so
    that a group has the same colour everywhere. ``"Other"`` is always grey. More groups than
    the palette holds are an error: collapse the tail with :func:`top_groups` first.
    """
    names = sorted({str(g) for g in groups if str(g) != OTHER_LABEL})
    if len(names) > len(OKABE_ITO):
        raise ValueError(
            f"{len(names)} groups but only {len(OKABE_ITO)} colour-blind-safe colours; "
            "use top_groups() to keep the largest and fold the rest into 'Other'."
        )
    palette = dict(zip(names, OKABE_ITO, strict=False))
    palette[OTHER_LABEL] = OTHER_COLOUR
    return palette


def top_groups(counts: pd.Series, max_groups: int = len(OKABE_ITO) - 1) -> list[str]:
    """The ``max_groups`` largest groups by count (ties broken by name)."""
    if max_groups < 1:
        raise ValueError("max_groups must be at least 1")
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))
    return [str(name) for name, _ in ordered[:max_groups]]


def fold_groups(values: pd.Series, keep: Sequence[str]) -> pd.Series:
    """Replace every group not in ``keep`` with ``"Other"``."""
    keep_set = set(keep)
    return values.astype(str).where(values.astype(str).isin(keep_set), OTHER_LABEL)


def save_figure(fig: plt.Figure, name: str, figures_dir: Path | str) -> list[Path]:
    """Write ``name``.png (300 dpi) and ``name``.svg (fixed metadata) into ``figures_dir``.

    Both files are cropped to the figure's tight bounding box (as ``bbox_inches="tight"``).
    The layout and that box are computed once, at 300 dpi, and both formats are then drawn with
    the layout frozen: one layout pass instead of one per format. Returns ``[png, svg]``; pass
    them to :func:`show_figure` to display the saved PNG in a notebook.
    """
    if not name or "/" in name or name.endswith((".png", ".svg")):
        raise ValueError(f"figure name must be a bare stem like 'fig01_tone', got {name!r}")
    out = Path(figures_dir)
    out.mkdir(parents=True, exist_ok=True)
    png, svg = out / f"{name}.png", out / f"{name}.svg"
    png_metadata = {"Software": None}
    svg_metadata = {"Date": None, "Creator": None, "Format": None, "Type": None}
    with plt.rc_context(_SAVE_RC):
        if not hasattr(fig.canvas, "get_renderer"):  # not an Agg canvas: let savefig do it all
            fig.savefig(png, dpi=DPI, bbox_inches="tight", metadata=png_metadata)
            fig.savefig(svg, bbox_inches="tight", metadata=svg_metadata)
            return [png, svg]
        dpi, engine = fig.dpi, fig.get_layout_engine()
        try:
            fig.dpi = DPI
            fig.draw_without_rendering()  # runs the layout engine, sizes every text
            box = fig.get_tightbbox(fig.canvas.get_renderer())
            box = box.padded(plt.rcParams["savefig.pad_inches"])
            fig.set_layout_engine(None)
            fig.savefig(png, dpi=DPI, bbox_inches=box, metadata=png_metadata)
            fig.savefig(svg, bbox_inches=box, metadata=svg_metadata)
        finally:
            fig.set_layout_engine(engine)
            fig.dpi = dpi
    return [png, svg]


def show_figure(fig: plt.Figure, paths: Sequence[Path | str], width: int | None = None) -> None:
    """Display a saved figure's PNG in the notebook and close the figure.

    The notebook shows exactly the file that was written (no third rendering by the inline
    backend), and closing the figure frees its memory. ``width`` is the displayed width in
    pixels; by default 110 px per inch of the saved figure (a double-column figure: ~770 px).
    """
    from IPython.display import Image, display

    png = next((Path(p) for p in paths if str(p).endswith(".png")), None)
    if png is None:
        raise ValueError(f"no PNG among {[str(p) for p in paths]}; pass save_figure's result")
    plt.close(fig)
    data = png.read_bytes()
    if width is None:  # the PNG header holds the width in pixels (bytes 16-20 of IHDR)
        width = round(int.from_bytes(data[16:20], "big") / DPI * 110)
    display(Image(data=data, format="png", width=width))


class FigureInfo:
    """What the gallery and the summary say about one exported figure."""

    __slots__ = ("caption", "notebook", "stem", "table", "width")

    def __init__(
        self, stem: str, caption: str, notebook: str, table: str, width: str = "double"
    ) -> None:
        self.stem = stem  # file name without extension, e.g. "fig02_sentence_tone"
        self.caption = caption  # one or two plain sentences, how to read it included
        self.notebook = notebook  # e.g. "02_sentiment.ipynb"
        self.table = table  # the reports/tables/*.csv it is drawn from
        self.width = width  # "single" (3.5 in) or "double" (7 in)

    def __repr__(self) -> str:
        return f"FigureInfo({self.stem!r})"


def none_found_figure(
    message: str, *, title: str | None = None, width: float = DOUBLE_COLUMN_IN
) -> plt.Figure:
    """A figure that says, centred and in words, that there is nothing to draw.

    A measure may find nothing in a corpus (no actor mentioned, no frame, no quotation, only one
    group to compare); the notebook still saves this figure under the measure's stable name, so
    the gallery and the summary list the same figures for every corpus.
    """
    fig, ax = plt.subplots(figsize=(width, 1.6))
    ax.set_axis_off()
    ax.text(0.5, 0.5, message, ha="center", va="center", wrap=True, transform=ax.transAxes)
    if title:
        ax.set_title(title)
    return fig
