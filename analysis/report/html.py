"""Corpus text made safe for the summary, and the summary's self-contained HTML page.

Corpus text (evidence sentences, outlet names, titles) can contain anything, including markup.
Every corpus-derived string goes through :func:`escape_text` before it enters the Markdown: ``<``
and ``>`` become entities and Markdown's link/emphasis characters are backslash-escaped, so
neither the Markdown renderer nor a browser can turn article text into tags or links.

The HTML page (:func:`summary_html`) inlines its CSS and embeds each PNG figure as a data URI
(:class:`EmbeddedImages`), so the one file can be mailed or archived on its own.
"""

from __future__ import annotations

import base64
import html
import re
from collections.abc import Callable
from pathlib import Path

from analysis.figures import FigureInfo

# How the summary refers to a figure's image: a relative link, or an embedded data URI.
ImageSource = Callable[[FigureInfo], str]

_MD_SPECIAL = re.compile(r"([\\`*\[\]|])")
# an underscore not between two letters or digits: "_x_" would be emphasis (an underscore
# inside a word, as in fig02_sentence_tone, never is, and stays as written)
_MD_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")

# Unicode's bidirectional embeddings, overrides and isolates: one left open in corpus text (an
# outlet named "Evil\u202egnp.exe") reverses how the rest of its line displays
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def _visible_bidi(text: str) -> str:
    """``text`` with each bidirectional control written as its code point, "(U+202E)"."""
    return _BIDI_CONTROLS.sub(lambda m: f"(U+{ord(m.group()):04X})", text)


CSS = """
body { font-family: Georgia, 'DejaVu Serif', serif; max-width: 46em; margin: 2em auto;
       padding: 0 1em; line-height: 1.5; color: #222; }
h1, h2, h3 { font-family: 'DejaVu Sans', Arial, sans-serif; line-height: 1.25; }
blockquote { margin: 0.4em 0 0.4em 1em; padding-left: 0.8em; border-left: 3px solid #ccc;
             color: #444; }
img { max-width: 100%; height: auto; }
table { border-collapse: collapse; font-size: 0.9em; }
th, td { border: 1px solid #ccc; padding: 0.2em 0.5em; text-align: left; }
code { font-size: 0.9em; }
.unsupported { color: #555; }
"""


def escape_text(text: object) -> str:
    """Corpus-derived text made inert for Markdown and HTML, on one line.

    Whitespace runs (newlines included) become one space, so a sentence cannot start a heading,
    list or quote; ``<`` and ``>`` become entities, so no tag can form; ``[``, ``]``, ``*``,
    backticks, ``|``, backslashes and underscores at a word's edge are backslash-escaped, so
    ``[x](javascript:…)`` cannot become a link, ``_x_`` emphasis, nor a cell break a table. A
    bare ``&`` is left for the renderer to escape. A bidirectional control is written as its
    code point, "(U+202E)", so none can reverse how the summary's line reads.
    """
    one_line = _visible_bidi(" ".join(str(text).split()))
    one_line = one_line.replace("<", "&lt;").replace(">", "&gt;")
    return _MD_UNDERSCORE.sub(r"\\_", _MD_SPECIAL.sub(r"\\\1", one_line))


def escape_code(text: object) -> str:
    """Corpus-derived text for inside a Markdown code span (``doc_id``): one line, no backticks.

    Inside a code span the renderer escapes everything itself; a bidirectional control is
    written as its code point, as in :func:`escape_text`.
    """
    return _visible_bidi(" ".join(str(text).replace("`", "'").split()))


def summary_html(markdown_text: str, title: str = "Summary of results") -> str:
    """A self-contained HTML page from the summary Markdown (inline CSS; images as data URIs)."""
    import markdown

    body = markdown.markdown(markdown_text, extensions=["tables"], output_format="html")
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f"{body}\n</body>\n</html>\n"
    )


def data_uri(path: Path) -> str:
    """A PNG file as a ``data:`` URI, for an ``<img>`` that needs no separate file."""
    return "data:image/png;base64," + base64.b64encode(path.read_bytes()).decode("ascii")


class EmbeddedImages:
    """An :data:`ImageSource` that embeds each figure's PNG in the HTML page as a data URI.

    Markdown's inline patterns would scan hundreds of kilobytes of base64 several times, so the
    Markdown gets a short placeholder per PNG (:meth:`__call__`) and :meth:`fill` puts the data
    URIs into the converted page. A figure with no PNG falls back to ``link`` (its SVG).
    """

    def __init__(self, figures_dir: Path | str, link: ImageSource) -> None:
        self.figures_dir = Path(figures_dir)
        self.link = link
        self.uris: dict[str, str] = {}

    def __call__(self, info: FigureInfo) -> str:
        """The placeholder standing for ``info``'s PNG, or ``link(info)`` when there is none."""
        png = self.figures_dir / f"{info.stem}.png"
        if not png.is_file():
            return self.link(info)
        placeholder = f"embedded-figure-{len(self.uris)}.png"
        self.uris[placeholder] = data_uri(png)
        return placeholder

    def fill(self, page: str) -> str:
        """``page`` with every placeholder image source replaced by its data URI."""
        for placeholder, uri in self.uris.items():
            page = page.replace(f'src="{placeholder}"', f'src="{uri}"')
        return page
