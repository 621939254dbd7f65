"""analysis.corpus.page_paragraphs: a page's long paragraphs the extracted text lacks."""

from __future__ import annotations

import pytest

from analysis.corpus import html as html_module
from analysis.corpus.html import HtmlExtraction, extraction_audit_entry, read_page
from analysis.corpus.page_paragraphs import partly_read, unkept_paragraphs

WORDS = " ".join(f"word{k}" for k in range(30))  # a long paragraph: 30 words


def _para(n: int) -> str:
    return f"Paragraph {n} of the article says {WORDS}."


PAGE = (
    "<html><body><article>"
    + "".join(f"<p>{_para(n)}</p>" for n in range(4))
    + "</article>"
    + f'<div class="comments"><div><p>A reader writes {WORDS}.</p></div></div>'
    + f"<aside><p>A teaser of another story {WORDS}.</p></aside>"
    + "<p>Short line.</p></body></html>"
)


def test_long_paragraphs_missing_from_the_text_are_counted_outside_the_furniture() -> None:
    whole = "\n".join(_para(n) for n in range(4))
    assert unkept_paragraphs(PAGE, whole) == (0, 0)  # comments, sidebar, short line not counted
    half = "\n".join(_para(n) for n in range(2))
    count, words = unkept_paragraphs(PAGE, half)
    assert count == 2 and words == 2 * len(_para(0).split())


def test_a_page_is_partly_read_when_enough_is_missing() -> None:
    text = "\n".join(_para(n) for n in range(2))  # 2 kept, 2 lost: the lost hold as much
    assert partly_read(unkept_paragraphs(PAGE, text), text)
    assert not partly_read((1, 500), text)  # one paragraph: not enough to say
    assert not partly_read((2, 10), text)  # little against what was kept


def test_unreadable_markup_counts_nothing() -> None:
    assert unkept_paragraphs("", "text") == (0, 0)


def test_the_audit_and_a_warning_say_a_page_was_perhaps_read_in_part(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # a tester's saved Wired page kept 619 of its 1,378 body words, unsaid
    text = "\n".join(_para(n) for n in range(2)) + "\n"
    extraction = HtmlExtraction(text, 5000, unkept=(2, 70))
    entry = extraction_audit_entry("d1", extraction)
    assert "perhaps read only in part: 2 long paragraphs of the page (70 words" in entry.result
    monkeypatch.setattr(html_module, "extract_article", lambda raw, name="": extraction)
    audit: list = []
    with pytest.warns(UserWarning, match=r"page\.html: perhaps read only in part"):
        read_page({"doc_id": "d1", "file": "page.html", "raw_text": PAGE}, {"outlet": "X"}, audit)
    whole = HtmlExtraction(text, 5000, unkept=(0, 0))
    assert "perhaps" not in extraction_audit_entry("d1", whole).result
