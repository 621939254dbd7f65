"""analysis.report.html: corpus text made inert, the self-contained page, embedded figures."""

from __future__ import annotations

import base64
from pathlib import Path

from analysis.figures import FigureInfo
from analysis.report.html import (
    EmbeddedImages,
    data_uri,
    escape_code,
    escape_text,
    summary_html,
)

PNG_BYTES = b"\x89PNG\r\n\x1a\nnot-a-real-image"


def info(stem: str) -> FigureInfo:
    return FigureInfo(stem, "A caption.", "02_sentiment.ipynb", "tone.csv")


def test_escape_text_makes_markup_and_links_inert_on_one_line():
    escaped = escape_text("<b>hi</b> [a](javascript:x) *b* | c\n# head")
    assert escaped == r"&lt;b&gt;hi&lt;/b&gt; \[a\](javascript:x) \*b\* \| c # head"
    assert escape_code("a`b\nc") == "a'b c"
    # an underscore at a word's edge would start emphasis; one inside a word never does
    assert escape_text("_it_ Le_Monde_ fig02_tone") == r"\_it\_ Le_Monde\_ fig02_tone"


def test_a_bidirectional_control_in_corpus_text_is_written_as_its_code_point():
    """A tester's outlet "Evil\u202egnp.exe" reversed the rest of its summary line."""
    from analysis.report.html import escape_code

    assert escape_text("Evil\u202egnp.exe") == "Evil(U+202E)gnp.exe"
    assert escape_code("doc\u2066-1") == "doc(U+2066)-1"
    assert escape_text("سلام \u200f world") == "سلام \u200f world"  # a mark reverses nothing


def test_summary_html_is_one_page_with_inline_style_and_rendered_tables():
    page = summary_html("# Title\n\n| a | b |\n|---|---|\n| 1 | 2 |\n", title="<Results>")
    assert page.startswith("<!DOCTYPE html>") and page.endswith("</html>\n")
    assert "<title>&lt;Results&gt;</title>" in page
    assert "<style>" in page and "<link" not in page
    assert "<h1>Title</h1>" in page and "<td>1</td>" in page


def test_data_uri_holds_the_file_bytes(tmp_path: Path):
    path = tmp_path / "fig.png"
    path.write_bytes(PNG_BYTES)
    uri = data_uri(path)
    assert uri.startswith("data:image/png;base64,")
    assert base64.b64decode(uri.split(",", 1)[1]) == PNG_BYTES


def test_embedded_images_swap_placeholders_for_data_uris(tmp_path: Path):
    (tmp_path / "fig01.png").write_bytes(PNG_BYTES)
    (tmp_path / "fig02.png").write_bytes(PNG_BYTES + b"2")
    images = EmbeddedImages(tmp_path, link=lambda i: f"../figures/{i.stem}.svg")
    first, second = images(info("fig01")), images(info("fig02"))
    assert first != second and "base64" not in first  # short placeholders go through Markdown
    assert images(info("fig03")) == "../figures/fig03.svg"  # no PNG: the link
    page = images.fill(f'<img src="{first}"><img src="{second}"><img src="other.png">')
    assert page.count('src="data:image/png;base64,') == 2
    assert data_uri(tmp_path / "fig02.png") in page
    assert first not in page and 'src="other.png"' in page
