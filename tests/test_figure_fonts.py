"""analysis.figure_fonts: texts DejaVu Sans cannot draw get the installed fonts that can."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pytest
from matplotlib import font_manager

from analysis import figure_fonts, figures
from analysis.figure_fonts import fallback_families, missing_characters, use_fallback_fonts

FAMILY = "Test Fallback Sans"
HAN = "环球时报"


def _build_font(path: Path, characters: str) -> None:
    """A TrueType font named FAMILY with a square glyph for each of ``characters``."""
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    names = [".notdef", *(f"uni{ord(c):04X}" for c in characters)]
    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder(names)
    builder.setupCharacterMap({ord(c): f"uni{ord(c):04X}" for c in characters})
    glyphs = {}
    for name in names:
        pen = TTGlyphPen(None)
        pen.moveTo((100, 0))
        pen.lineTo((100, 700))
        pen.lineTo((800, 700))
        pen.lineTo((800, 0))
        pen.closePath()
        glyphs[name] = pen.glyph()
    builder.setupGlyf(glyphs)
    builder.setupHorizontalMetrics({name: (900, 100) for name in names})
    builder.setupHorizontalHeader(ascent=800, descent=-200)
    builder.setupNameTable({"familyName": FAMILY, "styleName": "Regular"})
    builder.setupOS2()
    builder.setupPost()
    builder.save(str(path))


@pytest.fixture
def installed_font(tmp_path: Path):
    """FAMILY installed for the test (drawing HAN only), and removed after it."""
    path = tmp_path / "fonts" / "test-fallback.ttf"
    path.parent.mkdir()
    _build_font(path, HAN)
    before = list(font_manager.fontManager.ttflist)
    font_manager.fontManager.addfont(str(path))
    font_manager.fontManager._findfont_cached.cache_clear()
    yield path
    font_manager.fontManager.ttflist[:] = before
    font_manager.fontManager._findfont_cached.cache_clear()


@pytest.fixture(autouse=True)
def close_figures():
    figure_fonts.forget_warned()  # each test sees its own first warning
    with matplotlib.rc_context():  # apply_style's settings end with the test
        yield
    plt.close("all")


def _figure(label: str) -> plt.Figure:
    figures.apply_style()
    fig, ax = plt.subplots(figsize=(figures.SINGLE_COLUMN_IN, 2.0))
    ax.barh([0, 1], [0.2, 0.4])
    ax.set_yticks([0, 1], labels=[label, "Daily Ledger"])
    return fig


# DejaVu Sans and the fonts an SVG falls back on without it (analysis.figures)
DEJAVU = f"'DejaVu Sans', {figures.SVG_FONT_FALLBACK}"


def _svg_families(svg: Path) -> set[str]:
    """The font-family lists of the SVG's texts ("font-family: 'A', 'B'" since matplotlib
    3.10, "font: 8px 'A', 'B'" before)."""
    text = svg.read_text(encoding="utf-8")
    found = re.findall(r"font-family: ([^;\"]+)", text)
    found += re.findall(r"font: [\d.]+px ((?:'[^']+'(?:, )?)+)", text)
    return set(found)


def test_missing_characters_are_those_dejavu_sans_lacks():
    assert missing_characters("Daily Ledger — Ελληνικά, Русский, العربية") == ""
    assert missing_characters("环球时报 (Global Times) 时报") == "环球时报"
    assert missing_characters("조선일보") == "조선일보"


def test_a_text_dejavu_cannot_draw_gets_the_installed_font_that_can(installed_font, tmp_path):
    assert fallback_families(HAN + "한") == ([FAMILY], "한")
    fig = _figure(HAN)
    ticks_before = [t.get_fontfamily() for t in fig.axes[0].get_yticklabels()]
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # neither matplotlib's glyph warning nor ours
        _, svg = figures.save_figure(fig, "fig02_sentence_tone", tmp_path / "out")
    assert f"'DejaVu Sans', '{FAMILY}', {figures.SVG_FONT_FALLBACK}" in _svg_families(svg)
    assert DEJAVU in _svg_families(svg)  # the other texts keep it alone
    assert [t.get_fontfamily() for t in fig.axes[0].get_yticklabels()] == ticks_before


def test_a_figure_without_such_characters_keeps_its_bytes(installed_font, tmp_path):
    fig = _figure("Daily Ledger 2")
    png, svg = figures.save_figure(fig, "fig02_sentence_tone", tmp_path / "with")
    assert _svg_families(svg) == {DEJAVU}
    font_manager.fontManager.ttflist[:] = [
        e for e in font_manager.fontManager.ttflist if e.name != FAMILY
    ]
    again = figures.save_figure(_figure("Daily Ledger 2"), "fig02_sentence_tone", tmp_path / "w")
    assert [p.read_bytes() for p in (png, svg)] == [p.read_bytes() for p in again]


def test_characters_no_installed_font_draws_are_named_once(tmp_path):
    with warnings.catch_warnings(record=True) as said:
        warnings.simplefilter("always")
        figures.save_figure(_figure("조선일보"), "fig07_frame_heatmap", tmp_path / "out")
        figures.save_figure(_figure("조선일보"), "fig08_frame_salience", tmp_path / "out")
        figures.save_figure(_figure("조선일보 수"), "fig09_keyness", tmp_path / "out")
    messages = [str(w.message) for w in said]
    # each character once, none of matplotlib's glyph-by-glyph warnings
    assert len(messages) == 2, messages
    assert messages[0].startswith("no installed font draws 4 characters of the figures (조선일보,")
    assert "first in fig07_frame_heatmap" in messages[0] and "Noto Sans CJK" in messages[0]
    # an emoji of a file name reached a figure as a document id: the advice names both
    assert "Noto Emoji" in messages[0] and "document ids (a file's name" in messages[0]
    assert messages[1].startswith("no installed font draws 1 character of the figures (수, first")
    figure_fonts.forget_warned()
    with warnings.catch_warnings(record=True) as said:
        warnings.simplefilter("always")
        figures.save_figure(_figure("수"), "fig10_sourcing", tmp_path / "out")
    assert len(said) == 1 and "(수, first in fig10_sourcing)" in str(said[0].message)


def test_apply_style_silences_matplotlibs_warning_for_each_missing_glyph():
    fig = _figure("조선일보")
    with warnings.catch_warnings(record=True) as said:
        warnings.simplefilter("always")
        figures.apply_style()
        fig.canvas.draw()  # a text measured before save_figure gives it its fonts
    assert not [w for w in said if "missing from font" in str(w.message)]


def test_fonts_matplotlib_ships_are_never_the_fallback():
    families, unmatched = fallback_families("조")
    assert "Last Resort High-Efficiency" not in families  # it draws a box for everything
    assert unmatched == "조" or families  # a machine with a Korean font may draw it


def test_use_fallback_fonts_changes_only_texts_that_need_it(installed_font):
    fig = _figure(HAN)
    changed = use_fallback_fonts(fig)
    assert {text.get_text() for text, _ in changed} == {HAN}  # its tick's two labels
    assert all(text.get_fontfamily() == ["DejaVu Sans", FAMILY] for text, _ in changed)


def test_sans_serif_families_for_cjk_come_first(monkeypatch, tmp_path):
    from analysis import figure_fonts as fonts

    installed = ["AR PL UMing CN", "Noto Sans CJK JP", "Droid Sans Fallback", "Noto Sans CJK SC"]
    entries = [
        font_manager.FontEntry(fname=str(tmp_path / f"{k}.ttf"), name=family)
        for k, family in enumerate(installed)
    ]
    own = matplotlib.get_data_path()
    bundled = [e for e in font_manager.fontManager.ttflist if e.fname.startswith(own)]
    monkeypatch.setattr(font_manager.fontManager, "ttflist", entries + bundled)
    assert [family for family, _ in fonts._candidates()] == [
        "Noto Sans CJK SC",
        "Noto Sans CJK JP",
        "Droid Sans Fallback",
        "AR PL UMing CN",
    ]  # matplotlib's own DejaVu Sans is never a candidate
    monkeypatch.setattr(fonts, "_charmap", lambda path: frozenset({ord("时")}))
    assert fonts.fallback_families("时") == (["Noto Sans CJK SC"], "")


def test_a_figure_the_chosen_fonts_cannot_draw_is_saved_without_them(
    installed_font, tmp_path, monkeypatch
):
    """A font matplotlib loads but cannot draw with (a colour or bitmap font it failed on)
    must not lose the figure: it is saved without the fallback fonts, with a warning."""
    real = figures._save_both

    def fails_with_fallbacks(fig, *args):
        if any(FAMILY in t.get_fontfamily() for t in fig.findobj(matplotlib.text.Text)):
            raise RuntimeError("In FT2Font: Could not set the fontsize")
        return real(fig, *args)

    monkeypatch.setattr(figures, "_save_both", fails_with_fallbacks)
    with pytest.warns(UserWarning, match=r"figure fig02_sentence_tone: matplotlib could not"):
        png, svg = figures.save_figure(_figure(HAN), "fig02_sentence_tone", tmp_path / "out")
    assert png.is_file() and _svg_families(svg) == {DEJAVU}


def test_bitmap_and_colour_fonts_are_not_drawable():
    from types import SimpleNamespace

    from matplotlib import ft2font

    from analysis.figure_fonts import _drawable

    if hasattr(ft2font, "FaceFlags"):  # matplotlib 3.10 on
        flags = ft2font.FaceFlags
        scalable, bitmaps, sfnt, colour = flags.SCALABLE, flags.FIXED_SIZES, flags.SFNT, flags.COLOR
    else:  # FreeType's bits as ints
        scalable, bitmaps, sfnt, colour = 1, 2, 8, 1 << 14
    assert _drawable(SimpleNamespace(face_flags=scalable | sfnt))
    assert not _drawable(SimpleNamespace(face_flags=bitmaps | sfnt))  # Noto Color Emoji's bitmaps
    assert not _drawable(SimpleNamespace(face_flags=scalable | colour))  # a colour font
