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

import contextlib
import html
import importlib.metadata
import io
import json
import re
import textwrap
import warnings
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from analysis.figure_fonts import (
    DEFAULT_FAMILY,
    quiet_glyph_warnings,
    restore_fonts,
    use_fallback_fonts,
    warn_fonts_failed,
)
from analysis.figure_labels import long_labels_wrapped
from analysis.io import write_bytes
from analysis.parameter_guard import check_parameters_unchanged

SINGLE_COLUMN_IN = 3.5
DOUBLE_COLUMN_IN = 7.0
DPI = 300
# zlib level of the PNGs: 3 encodes the twelve figures of a run in 0.56 s of CPU instead of 0.86 s
# (level 6, PIL's default) for files 13% larger (1.88 against 1.66 MB); lower levels gain no time
PNG_COMPRESS_LEVEL = 3
# The pool of the groups without a colour of their own; a name no outlet is likely to have, as
# "Other" is (a tester's export named its largest outlet "Other", which was then pooled)
OTHER_LABEL = "Other (pooled)"
OTHER_COLOUR = "#999999"
# Okabe & Ito (2008), reordered so that neighbouring groups contrast most; yellow last.
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#000000", "#F0E442"]

STYLE = {
    "figure.dpi": 100,
    "savefig.dpi": DPI,
    "font.family": DEFAULT_FAMILY,
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
    # texts drawn as written: an outlet named "$5 Daily & $10 Weekly" was drawn as mathtext
    # ("5Daily&10 Weekly" in italics); no figure of the package writes mathematics
    "text.parse_math": False,
}


# While saving: the style, and no layout engine from the user's rcParams once the layout is frozen.
_SAVE_RC = {**STYLE, "figure.autolayout": False, "figure.constrained_layout.use": False}


def apply_style() -> None:
    """Set the shared matplotlib style for the rest of the session (texts are drawn as written:
    `text.parse_math` is off, so a "$" in an outlet's name is not read as mathematics), and
    silence matplotlib's warning for each glyph DejaVu Sans lacks: :func:`save_figure` draws
    such glyphs with an installed font that has them, or says once that none has."""
    plt.rcParams.update(STYLE)
    quiet_glyph_warnings()  # save_figure says once which characters no font draws


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


@contextmanager
def grid_layout_deferred() -> Iterator[None]:
    """Inside the block, seaborn's grids skip their ``tight_layout`` calls.

    ``FacetGrid`` (and ``catplot``, which builds one) lays its figure out when it is created
    and again when it is done, each time measuring every text. When the caller lays the figure
    out itself afterwards (a ``constrained`` layout engine, which places the axes from scratch,
    or one explicit ``tight_layout`` at the end), those passes are wasted: skipping them saves
    0.1-0.2 s per grid and gives the same figure (the layout's floating-point sums come out
    different in the sixth decimal of a few SVG coordinates, which then name the clip paths
    differently; still the same bytes on every run).
    """
    import seaborn as sns

    grid = sns.FacetGrid
    original = grid.__dict__.get("tight_layout")
    grid.tight_layout = lambda self, *args, **kwargs: self  # type: ignore[method-assign]
    try:
        yield
    finally:
        if original is None:
            del grid.tight_layout
        else:
            grid.tight_layout = original  # type: ignore[method-assign]


def haloed(bars: Any) -> Any:
    """``bars`` (what ``Axes.errorbar`` returns) with each line and cap edged in white, so that
    an interval drawn over a bar stays visible on any of the palette's colours: dark grey over
    the seventh outlet's black bar vanished (a tester's figure 12)."""
    from matplotlib import patheffects

    halo = [patheffects.withStroke(linewidth=1.8, foreground="white")]
    for line in [*bars.lines[1], *bars.lines[2]]:
        line.set_path_effects(halo)
    return bars


def interval_arms(estimate: Any, low: Any, high: Any) -> np.ndarray:
    """The lengths of an interval's two arms around its estimate (``estimate - low`` and
    ``high - estimate``), as matplotlib's ``errorbar`` takes them (``xerr``/``yerr``, shape
    2 × n), never negative.

    ``errorbar`` refuses a negative length, and a degenerate interval gives one: when every
    article of a group has the same value, the bootstrap's bounds and the estimate are the same
    number computed in two ways, and can differ by 1e-17 (a one-outlet corpus of near-identical
    notices stopped the sentiment notebook so). A missing value stays missing (no arm drawn).
    """
    estimate = np.atleast_1d(np.asarray(estimate, dtype=float))
    low = np.atleast_1d(np.asarray(low, dtype=float))
    high = np.atleast_1d(np.asarray(high, dtype=float))
    return np.clip(np.vstack([estimate - low, high - estimate]), 0, None)


def group_palette(groups: Iterable[str]) -> dict[str, str]:
    """One fixed colour per group, assigned in sorted order of the group names.

    Pass every group that any figure will show (the whole corpus, not one figure's subset), so
    that a group has the same colour everywhere. ``"Other"`` is always grey. More groups than
    the palette holds are an error: collapse the tail with :func:`top_groups` first; except
    periods (:func:`analysis.corpus.periods.are_periods`: 2025-01, 2025-Q1, ...), which are
    never pooled by size (a tester's twelve months lost their five smallest to "Other"): past
    the palette's size they take :func:`period_colours`, a sequential scale in time order.
    """
    from analysis.corpus.periods import are_periods

    names = sorted({str(g) for g in groups if str(g) != OTHER_LABEL})
    if len(names) > len(OKABE_ITO) and are_periods(names):
        return {
            **dict(zip(names, period_colours(len(names)), strict=True)),
            OTHER_LABEL: OTHER_COLOUR,
        }
    if len(names) > len(OKABE_ITO):
        raise ValueError(
            f"{len(names)} groups but only {len(OKABE_ITO)} colour-blind-safe colours; "
            "use top_groups() to keep the largest and fold the rest into 'Other'."
        )
    palette = dict(zip(names, OKABE_ITO, strict=False))
    palette[OTHER_LABEL] = OTHER_COLOUR
    return palette


def period_colours(n: int) -> list[str]:
    """``n`` colours of the viridis scale, dark to light, for ``n`` periods in time order: more
    periods than the Okabe–Ito palette holds keep one colour each, read as earlier (dark) to
    later (light), and stay apart in grey print and for colour-blind readers. The scale stops
    short of its pale yellow end, which is hard to see on white."""
    from matplotlib import colormaps
    from matplotlib.colors import to_hex

    scale = colormaps["viridis"]
    return [to_hex(scale(float(x))) for x in np.linspace(0.0, PERIOD_SCALE_END, n)]


# where the periods' scale stops on viridis (1.0 is its pale yellow)
PERIOD_SCALE_END = 0.85


def top_groups(counts: pd.Series, max_groups: int = len(OKABE_ITO) - 1) -> list[str]:
    """The ``max_groups`` largest groups by count (ties broken by name)."""
    if max_groups < 1:
        raise ValueError("max_groups must be at least 1")
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))
    return [str(name) for name, _ in ordered[:max_groups]]


def fold_groups(values: pd.Series, keep: Sequence[str]) -> pd.Series:
    """Replace every group not in ``keep`` with ``"Other"``; warn when ``keep`` names groups
    but none of ``values``: the colours were made for another grouping (a tester changed
    ``group_by`` in a notebook and reran a figure's cell but not the set-up cell that makes the
    colours, and her three groups were drawn as one "Other (pooled)")."""
    keep_set = set(keep)
    text = values.astype(str)
    inside = text.isin(keep_set)
    if keep_set and len(text) and not inside.any() and not text.eq(OTHER_LABEL).all():
        from analysis.user_warnings import warn_user

        shown = ", ".join(sorted(text.unique())[:5])
        warn_user(
            f"none of these groups ({shown}) has a colour of the palette, made for "
            f"{', '.join(sorted(keep_set)[:5])}: every one is pooled as {OTHER_LABEL!r}. If you "
            "changed group_by or outlets, rerun the set-up cell that makes the colours."
        )
    return text.where(inside, OTHER_LABEL)


def group_sizes(sentences: pd.DataFrame, group_col: str) -> dict[str, str]:
    """Each group's size as a figure labels it, "3 art., 1,225 words" (the words of its
    sentences' ``n_words``; its sentences when the table has no such column): a figure cited
    alone says how much text each bar rests on."""
    groups = sentences[group_col].astype(str)
    docs = sentences.groupby(groups, sort=True)["doc_id"].nunique()
    if "n_words" in sentences.columns:
        amount = sentences.groupby(groups, sort=True)["n_words"].sum()
        unit = "words"
    else:
        amount, unit = groups.value_counts().sort_index(), "sent."
    return {str(g): size_text(int(docs[g]), int(amount[g]), unit) for g in docs.index}


def size_text(n_docs: int, amount: int, unit: str = "words") -> str:
    """ "3 art., 1,225 words": a group's size as the figures write it."""
    return f"{n_docs} art., {amount:,} {unit}"


def pooled_group_name(group: str, own: str | None) -> str:
    """The name to show for an article's group: ``group``, but when that is the pool
    (:data:`OTHER_LABEL`) the article's ``own`` group marked ``"(pooled)"`` ("CNN (pooled)"),
    so that a quote or a tone arc still says which outlet wrote it."""
    return f"{own} (pooled)" if group == OTHER_LABEL and own and own != group else group


def figure_provenance(
    corpus: Path | str,
    parameters: Mapping[str, Any],
    *,
    note: str = "",
    lexicons: Any = None,
) -> dict[str, Any]:
    """Where a figure comes from, to store in its files: the package, its version and the
    SHA-256 of its code (:func:`analysis.code_fingerprint.package_sha256`), the corpus's
    SHA-256 (:func:`analysis.corpus.documents.corpus_fingerprint`), the run's parameters
    (paths left out: they differ per machine) and, with ``lexicons`` (the notebook's
    :class:`analysis.settings.Lexicons`), the SHA-256 of each lexicon file it used that is not
    the package's own; and ``note``, when given, a caveat every figure of the run carries under
    its plot and in its caption (groups mostly not in English:
    :func:`analysis.report.group_languages.figure_note`). Two runs on the same articles with
    another codebook (a folder without its ``analysis.toml``) drew other figures under the
    same provenance."""
    from analysis.code_fingerprint import package_sha256
    from analysis.corpus.documents import corpus_fingerprint

    try:
        version = importlib.metadata.version("newsframe-analysis")
    except importlib.metadata.PackageNotFoundError:
        version = "unknown"
    shown = {
        str(k): _portable_value(list(v) if isinstance(v, tuple) else v)
        for k, v in sorted(parameters.items())
        if not str(k).endswith(("_dir", "_path", "_file")) and k != "run_parameters"
    }
    provenance: dict[str, Any] = {
        "package": f"newsframe-analysis {version}",
        "code_sha256": package_sha256(),
        "corpus_sha256": corpus_fingerprint(corpus),
        "parameters": shown,
    }
    if lexicons is not None:
        from analysis.settings import file_sha256

        provenance["lexicons_sha256"] = {
            kind: file_sha256(path) for kind, path in sorted(lexicons.given().items())
        }
    return provenance | ({"note": note} if note else {})


def _portable_value(value: Any) -> Any:
    """A parameter's value as a figure stores it: an absolute path by
    :func:`analysis.config.portable_path`, with the SHA-256 of a file outside the project (the
    file, not where it sits, made the figure); any other value as it is."""
    from analysis.config import portable_path

    if not isinstance(value, str) or not value or not Path(value).is_absolute():
        return value
    shown = portable_path(value)
    if shown == Path(value).name and Path(value).is_file():
        from analysis.outputs import file_sha256

        return f"{shown} (sha256 {file_sha256(Path(value))[:12]})"
    return shown


def _registered_caption(name: str, group_col: str) -> str:
    """The caption of ``name`` in the plotting modules' registries ("" when not registered)."""
    from analysis.report.gallery import registered_figures

    info = registered_figures().get(name)
    return info.caption_for(group_col) if info is not None else ""


# The SVG's text is live (svg.fonttype "none", so that it can be searched and edited), set in
# DejaVu Sans; a reader's machine without it drew the figures in its default serif font. The
# fonts it falls back on, in order: DejaVu's own ancestor, then the same width class, then any.
# (after any font a text's other scripts take: analysis.figure_fonts)
SVG_FONT_FALLBACK = "'Bitstream Vera Sans', Verdana, Geneva, sans-serif"
_SVG_DEJAVU_FAMILY = re.compile(r"(font-family: 'DejaVu Sans'[^;\"]*)")


def _with_fallback(match: re.Match[str]) -> str:
    """A font list with :data:`SVG_FONT_FALLBACK` at its end, unless it ends on a generic family
    already (matplotlib's own list, outside the package's style)."""
    families = match.group(1)
    if families.rstrip().endswith(("sans-serif", "serif", "monospace")):
        return families
    return f"{families}, {SVG_FONT_FALLBACK}"


def _svg_with_title(svg: bytes, title: str, desc: str) -> bytes:
    """Insert ``<title>`` and ``<desc>`` as the first children of the root ``<svg>`` element,
    and end each list of fonts that opens with DejaVu Sans with its fallbacks
    (:data:`SVG_FONT_FALLBACK`)."""
    text = _SVG_DEJAVU_FAMILY.sub(_with_fallback, svg.decode("utf-8"))
    root = text.index("<svg")
    close = text.index(">", root) + 1
    extra = f"\n <title>{html.escape(title)}</title>\n <desc>{html.escape(desc)}</desc>"
    return (text[:close] + extra + text[close:]).encode("utf-8")


def save_figure(
    fig: plt.Figure,
    name: str,
    figures_dir: Path | str,
    *,
    caption: str | None = None,
    provenance: Mapping[str, Any] | None = None,
) -> list[Path]:
    """Write ``name``.png (300 dpi) and ``name``.svg (fixed metadata) into ``figures_dir``.

    Both files are cropped to the figure's tight bounding box (as ``bbox_inches="tight"``).
    The layout runs once, at 300 dpi and without rendering (:func:`_lay_out`), which gives the
    box; then, with the layout frozen, the figure is drawn twice: for the PNG, on its whole
    canvas (:func:`_write_png` cuts the box out of that image) or, when an artist reaches past
    the canvas, on a canvas as large as the box; and as SVG cropped to the same box. Returns
    ``[png, svg]``; pass them to :func:`show_figure` to display the saved PNG in a notebook.

    Long titles, category tick labels and legend entries (an outlet's name of any length) are
    wrapped while the figure is saved (:mod:`analysis.figure_labels`).

    A text holding characters DejaVu Sans cannot draw (Chinese, Japanese, Korean) is drawn with
    the installed fonts that have them (:mod:`analysis.figure_fonts`; a warning names any no
    installed font has).

    Each file carries its own citation: the caption (by default the registered one, in the words
    of the run's ``group_by``) and ``provenance`` (:func:`figure_provenance`) as PNG text chunks
    (``Title``, ``Description``, ``Source``, ``Comment`` with the provenance as JSON) and as the
    SVG's ``<title>``, ``<desc>`` and Dublin Core ``<metadata>``. Nothing in them varies between
    runs, so the bytes stay the same.

    In a notebook whose parameters were edited since its set-up cell ran, nothing is written:
    the provenance would name the old values (:mod:`analysis.parameter_guard`).
    """
    check_parameters_unchanged()
    if not name or "/" in name or name.endswith((".png", ".svg")):
        raise ValueError(f"figure name must be a bare stem like 'fig01_tone', got {name!r}")
    out = Path(figures_dir)
    out.mkdir(parents=True, exist_ok=True)
    png, svg = out / f"{name}.png", out / f"{name}.svg"
    prov = dict(provenance or {})
    group_col = str(prov.get("parameters", {}).get("group_by") or "outlet")
    caption = _registered_caption(name, group_col) if caption is None else caption
    note = str(prov.get("note") or "")
    caption = f"{caption} {note}".strip() if note else caption
    prov_json = json.dumps(prov, ensure_ascii=False, sort_keys=True)
    source = str(prov.get("package", ""))
    png_metadata = {"Software": None, "Title": name, "Description": caption}
    png_metadata |= {"Source": source, "Comment": prov_json} if prov else {}
    svg_metadata = {"Date": None, "Creator": None, "Format": None, "Type": None}
    svg_metadata |= {"Title": name, "Description": caption}
    svg_metadata |= {"Source": source, "Identifier": prov_json} if prov else {}
    buffer = io.BytesIO()
    footnote = _add_note(fig, note) if note else None
    fonts: list[Any] = []
    try:
        with long_labels_wrapped(fig):  # group names of any length keep their place
            fonts = use_fallback_fonts(fig, name)  # warns of characters no installed font draws
            with warnings.catch_warnings():  # matplotlib's, glyph by glyph: the warning says it
                quiet_glyph_warnings()
                try:
                    _save_both(fig, png, buffer, png_metadata, svg_metadata)
                except (RuntimeError, ValueError) as exc:
                    if not fonts:
                        raise
                    restore_fonts(fonts)  # an installed font matplotlib cannot draw: without it
                    fonts = []
                    warn_fonts_failed(name, exc)
                    buffer = io.BytesIO()
                    _save_both(fig, png, buffer, png_metadata, svg_metadata)
    finally:  # the figure is left as it was given
        restore_fonts(fonts)
        if footnote is not None:
            footnote.remove()
    write_bytes(_svg_with_title(buffer.getvalue(), name, caption), svg)
    return [png, svg]


# characters per inch of figure width in a note under the plot (small type)
_NOTE_CHARS_PER_INCH = 16


# the gap between a note and the lowest of the figure's other artists
_NOTE_GAP_IN = 0.06


def _add_note(fig: plt.Figure, note: str) -> Any:
    """Write ``note`` under the plot of ``fig``, below its canvas (the saved box grows to hold
    it), wrapped to the figure's width; the text artist, to remove once saved. Its place is
    settled once the figure is laid out (:func:`_place_note`)."""
    width = max(40, int(fig.get_figwidth() * _NOTE_CHARS_PER_INCH))
    note_text = fig.text(
        0.0,
        0.0,
        textwrap.fill(note, width=width),
        ha="left",
        va="top",
        fontsize="small",
        transform=fig.transFigure,
    )
    note_text.set_gid(_NOTE_GID)
    return note_text


_NOTE_GID = "figure-note"  # marks the note save_figure adds (_add_note), for _place_note


def _place_note(fig: plt.Figure, renderer: Any) -> None:
    """Put the note :func:`_add_note` added under everything else the laid-out ``fig`` draws,
    at the left edge of it: an axis label or legend below the canvas (a figure without a layout
    engine) was overwritten by a note at the canvas's bottom edge."""
    notes = [t for t in fig.texts if t.get_gid() == _NOTE_GID]
    if not notes:
        return
    for note in notes:
        note.set_visible(False)
    others = fig.get_tightbbox(renderer)
    for note in notes:
        note.set_visible(True)
    width, height = fig.get_size_inches()
    # at the canvas's bottom edge, unless something is drawn below it: then under that
    top = 0.0 if others.y0 >= 0 else others.y0 - _NOTE_GAP_IN
    for note in notes:
        note.set_position((min(0.0, others.x0) / width, top / height))


def _save_both(
    fig: plt.Figure,
    png: Path,
    buffer: io.BytesIO,
    png_metadata: dict[str, Any],
    svg_metadata: dict[str, Any],
) -> None:
    """Write the PNG of ``fig`` to ``png`` and its SVG into ``buffer`` (see :func:`save_figure`)."""
    with plt.rc_context(_SAVE_RC):
        if not hasattr(fig.canvas, "get_renderer"):  # not an Agg canvas: let savefig do it all
            encoded = io.BytesIO()
            fig.savefig(encoded, format="png", dpi=DPI, bbox_inches="tight", metadata=png_metadata)
            write_bytes(encoded.getvalue(), png)
            fig.savefig(buffer, format="svg", bbox_inches="tight", metadata=svg_metadata)
        else:
            dpi, engine = fig.dpi, fig.get_layout_engine()
            try:
                fig.dpi = DPI
                renderer = fig.canvas.get_renderer()
                _lay_out(fig)
                _place_note(fig, renderer)
                tight = fig.get_tightbbox(renderer)
                box = tight.padded(plt.rcParams["savefig.pad_inches"])
                fig.set_layout_engine(None)
                if _inside(tight, fig.bbox_inches):  # the PNG is a part of the whole canvas
                    fig.canvas.draw()
                    _write_png(fig, box, png, png_metadata)
                else:  # an artist reaches past the canvas: draw on a canvas as large as the box
                    _pin_figure_legends(fig, renderer)
                    # written as every output is (analysis.io.write_bytes): a figure saved
                    # straight to its file kept its old SHA-256 in a run's ownership record, and
                    # the next run took the package's own figure for a user's
                    encoded = io.BytesIO()
                    fig.savefig(
                        encoded,
                        format="png",
                        dpi=DPI,
                        bbox_inches=box,
                        metadata=png_metadata,
                        pil_kwargs={"compress_level": PNG_COMPRESS_LEVEL},
                    )
                    write_bytes(encoded.getvalue(), png)
                fig.savefig(buffer, format="svg", bbox_inches=box, metadata=svg_metadata)
            finally:
                fig.set_layout_engine(engine)
                fig.dpi = dpi


def _pin_figure_legends(fig: plt.Figure, renderer: Any) -> None:
    """Keep each figure legend where the layout put it when ``savefig`` draws on a canvas grown
    to a box past the old one: a figure legend is placed against the figure's box, which
    ``savefig(bbox_inches=...)`` replaces by the larger one, so a legend "outside lower center"
    moved down onto the note under the plot (a tester's figures 10 and 12, whose note said
    an outlet's articles were not in English, could not be read). Pinned to its own extent in
    figure coordinates, which the larger canvas keeps."""
    to_figure = fig.transFigure.inverted()
    for legend in fig.legends:
        extent = legend.get_window_extent(renderer).transformed(to_figure)
        legend.set_bbox_to_anchor(extent, transform=fig.transFigure)
        legend.set_loc("center")


def _lay_out(fig: plt.Figure) -> None:
    """Run ``fig``'s layout engine as drawing it would, without rendering anything.

    ``Figure.draw`` runs the engine first (on the canvas's renderer) and then renders; running
    it here instead, and drawing afterwards with the engine switched off, places every artist
    where that draw would, while the tight box (which needs the layout) is known before a
    single pixel is rendered.
    """
    engine = fig.get_layout_engine()
    if fig.axes and engine is not None:
        with contextlib.suppress(ValueError):  # as Figure.draw: raised only for a resized window
            engine.execute(fig)


def _inside(inner: Any, outer: Any) -> bool:
    """Whether bounding box ``inner`` lies within ``outer`` (both in the same units)."""
    return bool(
        inner.x0 >= outer.x0
        and inner.y0 >= outer.y0
        and inner.x1 <= outer.x1
        and inner.y1 <= outer.y1
    )


def _write_png(fig: plt.Figure, box: Any, path: Path, metadata: Mapping[str, str | None]) -> None:
    """Write the part ``box`` (inches) of ``fig``'s rendered 300 dpi canvas as a PNG.

    Cutting the box out of the image already drawn gives what ``savefig(bbox_inches=box)``
    would draw again, shifted by less than half a pixel (the box's corner is rounded to a whole
    pixel). Only for a tight box within the canvas (the caller checks): where the padding
    around it reaches past the canvas, the figure's background colour fills in, as it does in
    ``savefig``. The PNG holds RGB when every
    pixel is opaque (as the style's figures are) and RGBA otherwise; the text chunks are
    ``metadata``'s (a None value leaves its chunk out), the resolution is 300 dpi.
    """
    from matplotlib.colors import to_rgba
    from PIL import Image, PngImagePlugin

    # the rendered canvas as an image without a copy; PIL crops, pastes and drops the alpha
    # channel in C (the same pixels as doing it with numpy, in a third of the time)
    buffer = fig.canvas.buffer_rgba()
    height, width = buffer.shape[:2]
    canvas = Image.frombuffer("RGBA", (width, height), buffer, "raw", "RGBA", 0, 1)
    out_w, out_h = int(box.width * DPI), int(box.height * DPI)
    # savefig puts the box's lower left corner at the image's; the image's top row is then
    # out_h pixels above it (the box's height rounded down to whole pixels)
    left = round(box.x0 * DPI)
    top = round(height - box.y0 * DPI - out_h)
    background = tuple(round(c * 255) for c in to_rgba(fig.get_facecolor()))
    image = Image.new("RGBA", (out_w, out_h), background)
    x0, y0 = max(left, 0), max(top, 0)
    x1, y1 = min(left + out_w, width), min(top + out_h, height)
    if x1 > x0 and y1 > y0:
        image.paste(canvas.crop((x0, y0, x1, y1)), (x0 - left, y0 - top))
    if image.getextrema()[3] == (255, 255):
        image = image.convert("RGB")
    info = PngImagePlugin.PngInfo()
    for key, value in metadata.items():
        if value is not None:
            info.add_text(key, value)
    encoded = io.BytesIO()
    image.save(
        encoded, format="png", pnginfo=info, dpi=(DPI, DPI), compress_level=PNG_COMPRESS_LEVEL
    )
    write_bytes(encoded.getvalue(), path)


def figure_metadata(png: Path | str) -> dict[str, Any]:
    """What :func:`save_figure` stored in a PNG: title, caption and provenance (``{}`` if none,
    or if the file is not a PNG that can be read).

    :func:`save_figure` writes its text chunks before the pixels, where opening the file reads
    them; only a PNG without a title there is decoded whole (``Image.text``) for text chunks
    that follow the pixels (the gallery reads every figure: decoding them all took a third of
    a second).
    """
    from PIL import Image

    try:
        with Image.open(png) as image:
            text = {k: v for k, v in image.info.items() if isinstance(v, str)}
            if "Title" not in text:
                text = dict(getattr(image, "text", {}) or {})
    except OSError:
        return {}
    prov = json.loads(text["Comment"]) if text.get("Comment") else {}
    return {
        "title": text.get("Title", ""),
        "caption": text.get("Description", ""),
        "provenance": prov,
    }


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


_OUTLET_WORD = re.compile(r"(?<![\w.])outlet('s|s'|s)?(?!\w|\.csv)")


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

    def caption_for(self, group_col: str = "outlet") -> str:
        """The caption in the words of the run's grouping: "outlet" becomes ``group_col``
        (file names such as ``frames_by_outlet.csv`` are left as they are)."""
        if group_col == "outlet":
            return self.caption
        from analysis.report.wording import plural

        forms = {"s": plural(group_col), "s'": f"{plural(group_col)}'", "'s": f"{group_col}'s"}
        return _OUTLET_WORD.sub(lambda m: forms.get(m.group(1) or "", group_col), self.caption)


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
