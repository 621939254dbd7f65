"""Long labels wrapped while a figure is saved, so group names of any length keep their place.

A figure's labels come from the user's data: an outlet named "Süddeutsche Zeitung English Edition,
Munich Regional and International Desk" was drawn on one line, so the titles of neighbouring
panels ran into each other (keyness, tone arcs), a legend outgrew the figure and pushed it to
half its size, and a tick label took most of the plot's width. :func:`long_labels_wrapped`
wraps, for the time the figure is saved (:func:`analysis.figures.save_figure`):

- each panel's title that is wider, as drawn, than its share of the figure's width (the whole
  width for a lone title; shared, with a margin, by the titled panels of a row);
- each category tick label (group names, frames, actors) longer than :data:`TICK_LABEL_CHARS`
  (under an x axis, than the ticks' spacing), in as many lines as the ticks' spacing holds;
  slanted labels, and rows too close for a second line, are left as written;
- each legend entry longer than :data:`LEGEND_CHARS`.

Lines already broken in a label are kept and each is wrapped on its own, so a label written as
"name\\n(4 art., 24 sent.)" keeps its second line. A label that fits is left as it is, byte for
byte, so figures of short names do not change. The figure is given back as it was.

The plotting functions write each group's name through :func:`group_labels` before they draw
and size the figure: wrapped at :data:`TICK_LABEL_CHARS` characters in at most
:data:`GROUP_LABEL_LINES` lines, a longer name shortened in the middle. Wrapping only at save
time came after a figure's layout: rows kept to one line of a 120-character name, so the name
took the width of the figure and its panels collapsed (a tester's frame salience figure), and
``tight_layout`` gave up ("Tight layout not applied").
"""

from __future__ import annotations

import functools
import textwrap
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import matplotlib.pyplot as plt
from matplotlib.axes import Axes
from matplotlib.category import StrCategoryFormatter
from matplotlib.text import Text
from matplotlib.ticker import FixedFormatter, Formatter, FuncFormatter

TICK_LABEL_CHARS = 36
# the formatters that draw labels given as text: categories (seaborn), labels set with
# set_ticks(..., labels) or set_ticklabels (a FuncFormatter since matplotlib 3.8); numbers are
# drawn by other formatters and are never long
_LABEL_FORMATTERS = (FixedFormatter, StrCategoryFormatter, FuncFormatter)
LEGEND_CHARS = 48
# a line of DejaVu Sans averages about 0.6 of its font size per character (for a canvas that
# cannot measure text); titles side by side each take at most 90% of their share of the width,
# which keeps centred titles of neighbouring panels apart
_CHAR_WIDTH_EM = 0.6
_SHARED_ROW_MARGIN = 0.9
_MIN_TITLE_CHARS = 16
# tick labels: a line is 1.2 of the font size high; the ticks' spacing before the layout is
# taken at 80%, as the axes shrink to make room for titles and axis labels; labels under an x
# axis keep at least 10 characters a line and take at most three lines
_LINE_HEIGHT_EM = 1.2
_TICK_MARGIN = 0.8
_MIN_TICK_CHARS = 10
_MAX_TICK_LINES = 3
# a group's name in a figure (group_labels): at most this many lines of TICK_LABEL_CHARS; the
# height of a line of 7-point tick labels, in inches, for sizing rows to their labels
GROUP_LABEL_LINES = 3
LABEL_LINE_IN = 7 * _LINE_HEIGHT_EM / 72
ELLIPSIS = "…"


def wrapped_label(text: str, width: int) -> str:
    """``text`` with each line longer than ``width`` characters broken at spaces (or, in a word
    longer than a line, within it) into as few lines as ``width`` allows, of even length
    ("Uncertainty and scepticism / about the deal", not "... about the / deal"); ``text`` itself
    when every line fits."""
    lines = text.split("\n")
    if all(len(line) <= width for line in lines):
        return text
    return "\n".join(_balanced(line, width) if len(line) > width else line for line in lines)


def middle_shortened(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters in the middle, an ellipsis marking the cut
    ("NexisUni_Star…our_2024-03-1"); ``text`` itself when it fits. The end is kept as well as the
    start: a tester's export named its articles "NexisUni_Star_Harbour_2024-03-1", "...-2", and
    cut at the end every one read "NexisUni_Star_Harbour_2024-…"."""
    if len(text) <= limit:
        return text
    keep = max(limit - 1, 0)
    head, tail = -(-keep // 2), keep // 2
    return text[:head].rstrip() + ELLIPSIS + (text[len(text) - tail :].lstrip() if tail else "")


@functools.lru_cache(maxsize=4096)
def group_label(
    name: str, width: int = TICK_LABEL_CHARS, max_lines: int = GROUP_LABEL_LINES
) -> str:
    """A group's name as a figure writes it: wrapped at ``width`` characters a line
    (:func:`wrapped_label`); a name that takes more than ``max_lines`` lines so is shortened in
    the middle, at whole words where it can ("The Extraordinarily Long Named … Incorporating the
    Evening"), within a word where a word alone is too long. A name that fits is returned as it
    is."""
    label = wrapped_label(name, width)
    if label.count("\n") < max_lines:
        return label
    words = name.split()
    for kept in range(len(words) - 1, 1, -1):
        head, tail = words[: -(-kept // 2)], words[len(words) - kept // 2 :]
        label = wrapped_label(" ".join([*head, ELLIPSIS, *tail]), width)
        if label.count("\n") < max_lines and max(map(len, label.split("\n"))) <= width:
            return label
    return wrapped_label(middle_shortened(name, width * max_lines), width)


def group_labels(
    names: Iterable[object], width: int = TICK_LABEL_CHARS, max_lines: int = GROUP_LABEL_LINES
) -> dict[str, str]:
    """Each of ``names`` (as text) with its label, :func:`group_label`: the one way every figure
    writes a group's name. Labels stay distinct: two names shortened alike (they differ only
    where the ellipsis cut) are each written whole, wrapped, in as many lines as they take."""
    labels = {name: group_label(name, width, max_lines) for name in dict.fromkeys(map(str, names))}
    uses = Counter(labels.values())
    return {
        name: label if uses[label] == 1 else wrapped_label(name, width)
        for name, label in labels.items()
    }


def label_lines(labels: Iterable[str]) -> int:
    """The number of lines of the tallest of ``labels`` (1 for none): rows of a figure are sized
    to hold it."""
    return max((str(label).count("\n") + 1 for label in labels), default=1)


def with_suffix(label: str, suffix: str, width: int = TICK_LABEL_CHARS) -> str:
    """``label`` with ``suffix`` ("(n = 49)") after its last line, or on a line of its own when
    the last line would then be longer than ``width`` characters."""
    last = label.rsplit("\n", 1)[-1]
    return f"{label} {suffix}" if len(last) + 1 + len(suffix) <= width else f"{label}\n{suffix}"


def _balanced(line: str, width: int) -> str:
    fewest = len(textwrap.wrap(line, width, break_on_hyphens=False))
    # never narrower than its longest word that fits a line: evening the lines out cut
    # "BBC/World: Asia" into "BBC/Worl" and "d: Asia"
    longest_word = max((len(w) for w in line.split() if len(w) <= width), default=0)
    for narrower in range(max(-(-len(line) // fewest), longest_word), width):
        parts = textwrap.wrap(line, narrower, break_on_hyphens=False)
        if len(parts) == fewest:
            return "\n".join(parts)
    return "\n".join(textwrap.wrap(line, width, break_on_hyphens=False))


def title_widths(fig: plt.Figure) -> dict[Axes, float]:
    """The width (inches) each titled axes of ``fig`` may give its title: the figure's width
    shared by the titled axes of its row (axes whose tops are level), less a margin between
    neighbours (a centred title sits over its axes, not its cell); a lone title may be as wide as
    the figure."""
    rows: dict[float, list[Axes]] = {}
    for ax in fig.axes:
        if any(t.get_text() for t in _titles(ax)):
            rows.setdefault(round(ax.get_position().y1, 3), []).append(ax)
    width = fig.get_figwidth()
    return {
        ax: width if len(row) == 1 else width / len(row) * _SHARED_ROW_MARGIN
        for row in rows.values()
        for ax in row
    }


def text_width_in(text: Text, fig: plt.Figure) -> float:
    """The width (inches) ``text`` takes as drawn, its widest line; estimated from its font size
    where the canvas cannot measure text (not Agg)."""
    get_renderer = getattr(fig.canvas, "get_renderer", None)
    if get_renderer is None:
        longest = max(map(len, text.get_text().split("\n")))
        return longest * text.get_fontsize() * _CHAR_WIDTH_EM / 72
    return float(text.get_window_extent(get_renderer()).width) / fig.dpi


def _fitted_title(title: Text, available_in: float, fig: plt.Figure) -> str:
    """``title``'s text, wrapped when it is wider than ``available_in``: at the number of
    characters that fits, in proportion to its measured width."""
    text = title.get_text()
    width = text_width_in(title, fig)
    if not text or width <= available_in:
        return text
    longest = max(map(len, text.split("\n")))
    return wrapped_label(text, max(_MIN_TITLE_CHARS, int(longest * available_in / width)))


@functools.lru_cache(maxsize=4096)
def fitted_label(text: str, width: int, max_lines: int) -> str:
    """``text`` wrapped at ``width`` characters (:func:`wrapped_label`), or wider when that
    takes more than ``max_lines`` lines: the narrowest wrap within ``max_lines``, as written
    when none is. Cached: an axis formats its labels at every draw of the figure."""
    longest = max(map(len, text.split("\n")))
    # no wrap narrower than an even share of the longest line fits in max_lines lines
    for chars in range(max(width, -(-longest // max(max_lines, 1))), longest):
        label = wrapped_label(text, chars)
        if label.count("\n") < max_lines:
            return label
    return text


class _WrappingFormatter(Formatter):
    """A category axis's formatter whose labels are fitted (:func:`fitted_label`)."""

    def __init__(self, inner: Formatter, width: int, max_lines: int) -> None:
        self.inner = inner
        self.width = width
        self.max_lines = max_lines

    def set_axis(self, axis: Any) -> None:
        super().set_axis(axis)
        self.inner.set_axis(axis)

    def format_ticks(self, values: Sequence[float]) -> list[str]:
        return [self._fit(s) for s in self.inner.format_ticks(values)]

    def __call__(self, x: float, pos: int | None = None) -> str:
        return self._fit(self.inner(x, pos))

    def _fit(self, label: Any) -> str:
        return fitted_label(str(label), self.width, self.max_lines)


def tick_label_room(axis: Any, fig: plt.Figure) -> tuple[int, int] | None:
    """The width (characters) and number of lines a category tick label of ``axis`` may take
    before it reaches its neighbour's, from the ticks' spacing (with a margin: the axes shrink as
    the figure is laid out); None where a wrapped label would gain nothing: slanted labels, or
    rows too close for a second line."""
    labels = axis.get_ticklabels()
    if not labels or any(label.get_rotation() % 360 != 0 for label in labels):
        return None
    box = axis.axes.get_position()
    size = labels[0].get_fontsize()
    if axis.axis_name == "y":
        spacing_pt = box.height * fig.get_figheight() * 72 / len(labels) * _TICK_MARGIN
        max_lines = int(spacing_pt // (size * _LINE_HEIGHT_EM))
        return (TICK_LABEL_CHARS, max_lines) if max_lines >= 2 else None
    spacing_pt = box.width * fig.get_figwidth() * 72 / len(labels) * _TICK_MARGIN
    chars = int(spacing_pt // (size * _CHAR_WIDTH_EM))
    return (min(TICK_LABEL_CHARS, max(_MIN_TICK_CHARS, chars)), _MAX_TICK_LINES)


def _titles(ax: Axes) -> list[Text]:
    # matplotlib keeps the left and right titles beside ax.title (Axes.set_title(loc=...))
    return [
        t
        for t in (ax.title, getattr(ax, "_left_title", None), getattr(ax, "_right_title", None))
        if t is not None
    ]


def _legends(fig: plt.Figure) -> list[Any]:
    legends = list(fig.legends)
    legends += [ax.get_legend() for ax in fig.axes if ax.get_legend() is not None]
    return legends


@contextmanager
def long_labels_wrapped(fig: plt.Figure) -> Iterator[None]:
    """Within the block, ``fig``'s long titles, category tick labels and legend entries are
    wrapped (see the module's docstring); afterwards each is as it was."""
    undo: list[Callable[[], None]] = []

    def set_text(text: Text, new: str) -> None:
        old = text.get_text()
        if new != old:
            text.set_text(new)
            undo.append(lambda: text.set_text(old))

    try:
        widths = title_widths(fig)
        for ax in fig.axes:
            for title in _titles(ax):
                set_text(title, _fitted_title(title, widths.get(ax, fig.get_figwidth()), fig))
            for axis in (ax.xaxis, ax.yaxis):
                inner = axis.get_major_formatter()
                room = tick_label_room(axis, fig) if isinstance(inner, _LABEL_FORMATTERS) else None
                if room is not None:
                    axis.set_major_formatter(_WrappingFormatter(inner, *room))
                    undo.append(lambda axis=axis, inner=inner: axis.set_major_formatter(inner))
        for legend in _legends(fig):
            for text in legend.get_texts():
                set_text(text, wrapped_label(text.get_text(), LEGEND_CHARS))
        yield
    finally:
        for step in reversed(undo):
            step()
