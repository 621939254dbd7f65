"""Fonts for the characters of a figure that its own font cannot draw.

Every figure is set in DejaVu Sans, which matplotlib ships, so the files are the same on every
machine. DejaVu Sans has Latin, Greek, Cyrillic, Arabic and Hebrew letters but no Chinese,
Japanese or Korean: an outlet named "环球时报" or "조선일보", or a distinctive word of a Chinese
article, was drawn as empty boxes, with matplotlib's "Glyph … missing" warning. Before a figure
is saved (:func:`analysis.figures.save_figure`), each of its texts holding such characters is
given, after DejaVu Sans, the installed fonts that draw them (matplotlib falls back glyph by
glyph, in the order given). Only the fonts of the machine can do that: a figure that needs one
looks as the machine's fonts draw it, while every figure that needs none keeps the bytes it has
everywhere (its SVG names DejaVu Sans alone). When no installed font draws a character, a
warning says which, and what to install.

The fonts matplotlib ships are not candidates: its STIX and Computer Modern fonts are for
mathematics, and its "Last Resort" font draws a placeholder box for every character, which
would hide the missing glyph instead of drawing it.
"""

from __future__ import annotations

import functools
import warnings
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import matplotlib as mpl
import matplotlib.pyplot as plt
from matplotlib.text import Text

DEFAULT_FAMILY = "DejaVu Sans"  # every figure's font (analysis.figures.STYLE)

# the characters no installed font draws that a warning has named (forget_warned)
_WARNED: set[str] = set()

# characters every font lacks without harm: controls, spaces and marks drawn as nothing
_IGNORED = frozenset(chr(c) for c in range(0x20)) | frozenset("\u00ad\u200b\u200c\u200d\ufeff")


@functools.cache
def _charmap(path: str) -> frozenset[int]:
    """The code points the font file at ``path`` maps to glyphs; empty when it cannot be read,
    or when matplotlib cannot draw its glyphs as outlines (:func:`_drawable`)."""
    from matplotlib.ft2font import FT2Font

    try:
        font = FT2Font(path)
        return frozenset(font.get_charmap()) if _drawable(font) else frozenset()
    except (OSError, RuntimeError, ValueError):
        return frozenset()


def _drawable(font: Any) -> bool:
    """Whether ``font`` (an FT2Font) has outlines matplotlib can draw at any size: not a bitmap
    font (Noto Color Emoji's bitmaps, drawn at one size, made matplotlib fail) nor a colour
    font (its glyphs are layers matplotlib leaves blank)."""
    from matplotlib import ft2font

    names = getattr(ft2font, "FaceFlags", None)
    if names is None:  # matplotlib before 3.10: an int of FreeType's bits
        return bool(font.face_flags & ft2font.SCALABLE) and not font.face_flags & (1 << 14)
    color = getattr(names, "COLOR", None)
    return names.SCALABLE in font.face_flags and not (color and color in font.face_flags)


@functools.cache
def _default_charmap() -> frozenset[int]:
    from matplotlib import font_manager

    return _charmap(font_manager.findfont(DEFAULT_FAMILY, fallback_to_default=False))


def missing_characters(text: str) -> str:
    """The characters of ``text`` DejaVu Sans has no glyph for, each once, in order."""
    have = _default_charmap()
    drawn = (c for c in text if c not in _IGNORED and c.isprintable())
    return "".join(dict.fromkeys(c for c in drawn if ord(c) not in have))


# Sans-serif families for Chinese, Japanese and Korean, as Linux, Windows and macOS install them,
# tried before the rest: the figures are sans-serif, and by name alone a serif Ming face ("AR PL
# UMing") would come first on many machines
PREFERRED = (
    "Noto Sans CJK SC",
    "Noto Sans CJK TC",
    "Noto Sans CJK JP",
    "Noto Sans CJK KR",
    "Source Han Sans SC",
    "Source Han Sans",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "Malgun Gothic",
    "Yu Gothic",
    "PingFang SC",
    "Hiragino Sans",
    "Apple SD Gothic Neo",
)


def _rank(family: str) -> tuple[int, int]:
    """Where ``family`` comes among the candidates: :data:`PREFERRED` in its order, then other
    sans-serif families, then the rest."""
    if family in PREFERRED:
        return 0, PREFERRED.index(family)
    return (1 if "sans" in family.lower() or "gothic" in family.lower() else 2), 0


def _candidates() -> list[tuple[str, str]]:
    """(family, file) of the installed fonts that are not matplotlib's own: the families of
    :data:`PREFERRED` first, then other sans-serif ones, each by name then file name, so that
    the choice is the same on every run."""
    from matplotlib import font_manager

    bundled = Path(mpl.get_data_path()).resolve()
    found = set()
    for entry in font_manager.fontManager.ttflist:
        try:
            inside = Path(entry.fname).resolve().is_relative_to(bundled)
        except OSError:
            continue
        if not inside:
            found.add((entry.name, entry.fname))
    return sorted(found, key=lambda candidate: (_rank(candidate[0]), candidate))


def fallback_families(
    characters: Iterable[str], candidates: list[tuple[str, str]] | None = None
) -> tuple[list[str], str]:
    """The installed families that draw ``characters`` (for each character in turn, the first
    of ``candidates`` that has it, unless an earlier pick has it; by default
    :func:`_candidates`) and the characters none draws."""
    if candidates is None:
        candidates = _candidates()
    picked: dict[str, frozenset[int]] = {}  # family -> the code points it draws, in pick order
    unmatched = []
    for char in dict.fromkeys(characters):
        code = ord(char)
        if any(code in charmap for charmap in picked.values()):
            continue
        for family, path in candidates:
            charmap = _charmap(path)
            if code in charmap:
                picked[family] = charmap
                break
        else:
            unmatched.append(char)
    return list(picked), "".join(unmatched)


def use_fallback_fonts(fig: plt.Figure, name: str = "") -> list[tuple[Text, object]]:
    """Give each text of ``fig`` holding characters DejaVu Sans cannot draw the installed
    families that draw them, after DejaVu Sans; warn, naming the figure ``name``, about the
    characters no installed font draws, each once until :func:`forget_warned` (a kernel
    handed to the next notebook calls it). Returns (text, its family before) for
    :func:`restore_fonts`."""
    changed: list[tuple[Text, object]] = []
    nowhere = ""
    candidates: list[tuple[str, str]] | None = None  # the installed fonts, listed when needed
    for text in dict.fromkeys(fig.findobj(Text)):  # once each, however often it is found
        missing = missing_characters(text.get_text())
        if not missing:
            continue
        if candidates is None:
            candidates = _candidates()
        families, unmatched = fallback_families(missing, candidates)
        nowhere += unmatched
        if families:
            changed.append((text, text.get_fontfamily()))
            text.set_fontfamily([DEFAULT_FAMILY, *families])
    new = "".join(c for c in dict.fromkeys(nowhere) if c not in _WARNED)
    if new:
        _WARNED.update(new)
        shown = new if len(new) <= 20 else new[:20] + "…"
        many = "s" if len(new) > 1 else ""
        warnings.warn(
            f"no installed font draws {len(new)} character{many} of the figures ({shown}, first "
            f"in {name or 'a figure'}); they show as empty boxes. Install a font that has them "
            "(Noto Sans CJK for Chinese, Japanese and Korean, Noto Emoji for emoji) and run "
            "again, or write the names figures show without them: outlets (a manifest's or "
            "metadata.csv's outlet column) and document ids (a file's name, or a manifest's "
            "doc_id column).",
            UserWarning,
            stacklevel=3,
        )
    return changed


def forget_warned() -> None:
    """Warn again about characters :func:`use_fallback_fonts` has warned about (a reused
    kernel's next notebook: :func:`analysis.pipeline.kernels.restore_fresh_state`)."""
    _WARNED.clear()


def quiet_glyph_warnings() -> None:
    """Silence matplotlib's warning for each glyph DejaVu Sans lacks (one per character, each
    time a text is measured, before :func:`use_fallback_fonts` has given the text its fonts):
    :func:`use_fallback_fonts` says once which characters no installed font draws."""
    warnings.filterwarnings(
        "ignore", message=r"Glyph \d+ .*missing from (current )?font", category=UserWarning
    )


def restore_fonts(changed: list[tuple[Text, object]]) -> None:
    """Put back the families :func:`use_fallback_fonts` replaced."""
    for text, family in changed:
        text.set_fontfamily(family)


def warn_fonts_failed(name: str, error: BaseException) -> None:
    """Say that figure ``name`` could not be drawn with the installed fonts chosen for some of
    its characters (``error``, matplotlib's), and was saved without them."""
    warnings.warn(
        f"figure {name}: matplotlib could not draw it with the installed fonts chosen for the "
        f"characters DejaVu Sans lacks ({error}); it was saved without them, and those "
        "characters show as empty boxes.",
        UserWarning,
        stacklevel=3,
    )
