"""A line holding several HTML blocks (:func:`analysis.corpus.normalisers.split_block_tags`):
text exported from a content-management system with its markup, a whole article on one line."""

from __future__ import annotations

import pytest

from analysis.corpus.cleaning import RULES, clean_text, line_key, template_lines
from analysis.corpus.normalisers import split_block_tags

_STORY = "The council approved the budget on Tuesday after a long debate."
_QUOTE = "Business groups praised the tax incentives, saying they would attract new jobs."
_MENU = "Home | News | Sports | Subscribe now! | Sign in"


@pytest.mark.parametrize(
    ("line", "pieces"),
    [
        ("<p>One.</p><p>Two.</p>", ["<p>One.</p>", "<p>Two.</p>"]),
        ('<h2 class="x">Title</h2>Loose text<hr/>After', ['<h2 class="x">Title</h2>',
                                                           "Loose text<hr/>", "After"]),
        ("<UL><LI>a</LI> <li>b</li></UL>", ["<LI>a</LI>", "<li>b</li>"]),
        # tag-only pieces are left out; one piece with text left is no split
        ("<div><p>Only one block.</p></div>", ["<div><p>Only one block.</p></div>"]),
        ("Plain text, no markup.", ["Plain text, no markup."]),
        # inline tags and <br> are not blocks: cms_debris cuts them within the line
        ("The deal<br>was signed on <b>Friday</b>.", ["The deal<br>was signed on <b>Friday</b>."]),
        ("a < b and <pre-release> is not a tag we know", [
            "a < b and <pre-release> is not a tag we know"]),
    ],
)  # fmt: skip
def test_split_block_tags_cuts_where_a_browser_starts_a_block(line: str, pieces: list[str]) -> None:
    assert split_block_tags(line) == pieces


def test_clean_text_keeps_paragraphs_of_a_one_line_html_body_apart() -> None:
    raw = f"<p>Advertisement</p><p>{_QUOTE}</p><p>{_MENU}</p><p>{_STORY}</p>"
    cleaned = clean_text(raw, doc_id="d1", model=None)
    lines = cleaned.text.split("\n")
    assert lines[0] == _QUOTE and lines[-1] == _STORY  # not "AdvertisementBusiness groups …"
    assert "Advertisement" not in cleaned.text  # an ad marker, now a line of its own
    split = [e for e in cleaned.audit if e.rule == "html_blocks"]
    assert len(split) == 1 and split[0].original == raw and split[0].action == "changed"
    assert split[0].result.split("\n") == [
        "<p>Advertisement</p>",
        f"<p>{_QUOTE}</p>",
        f"<p>{_MENU}</p>",
        f"<p>{_STORY}</p>",
    ]
    assert {e.line_no for e in cleaned.audit} == {1}  # every piece keeps the raw line's number
    assert lines == [_QUOTE, _STORY]  # the menu, on a line of its own, is recognised too
    removed = [e for e in cleaned.audit if e.action == "removed"]
    assert [e.original for e in removed] == ["<p>Advertisement</p>", f"<p>{_MENU}</p>"]
    assert clean_text(cleaned.text, doc_id="d1", model=None).text == cleaned.text
    assert "html_blocks" in RULES


def test_clean_text_leaves_lines_without_blocks_as_they_were_split() -> None:
    raw = f"{_STORY}\n<p>{_QUOTE}</p>"
    cleaned = clean_text(raw, doc_id="d2", model=None)
    assert cleaned.text.split("\n") == [_STORY, _QUOTE]
    assert "html_blocks" not in {e.rule for e in cleaned.audit}


def test_template_lines_sees_the_blocks_cleaning_sees() -> None:
    tagline = "Portmouth news, sport and weather since 1887"  # no rule's: only repetition tells
    # three blocks: a text of two lines is a row export's headline and lede, with no template
    texts = [
        f"<p>{tagline}</p><p>Story {k} goes on at length about the port.</p><p>Part {k} ends.</p>"
        for k in range(3)
    ]
    template = template_lines(texts, ["Gazette"] * 3)
    assert line_key(f"<p>{tagline}</p>") in template[0]
    cleaned = clean_text(texts[0], doc_id="g0", template=template[0], model=None)
    assert cleaned.text == "Story 0 goes on at length about the port.\nPart 0 ends."
    assert ("repeated_line", "removed") in {(e.rule, e.action) for e in cleaned.audit}


def test_a_scripts_and_a_style_sheets_content_is_no_text() -> None:
    """A tester's export kept "var x=1;Share this" as a sentence once the tags were cut."""
    from analysis.corpus.cleaning import clean_text
    from analysis.corpus.normalisers import remove_cms_debris

    assert remove_cms_debris("<p>Hello <script>var x=1;</script>there</p>") == "Hello there"
    assert remove_cms_debris("<style>.a { color: red }</style>Text") == "Text"
    line = "<p>The council met on Monday.</p><script>var x=1;</script><p>It voted 5-2.</p>"
    assert "var x" not in clean_text(line, "d").text
