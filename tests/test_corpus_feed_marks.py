"""What a news feed leaves at the end of an item (an excerpt's "[…]" or "Continue reading →", a
"Read more »" link, WordPress's "The post … appeared first on …") is cut from the end of the
text, audited and, for an excerpt, warned about; prose that only looks like it is kept, and so
are the same marks inside a text (a web page's teasers of other articles)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from analysis.corpus.cleaning import clean_text
from analysis.corpus.normalisers import remove_excerpt_mark, remove_feed_footer, remove_read_more

SENTENCE = "The council will meet next week to discuss the decision."


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("The council will meet to discuss it [\u2026]", "The council will meet to discuss it"),
        ("The council will meet to discuss it [...]", "The council will meet to discuss it"),
        (f"{SENTENCE} Continue reading \u2192", SENTENCE),
        (f"{SENTENCE} Continue reading...", SENTENCE),
        (f"{SENTENCE} Continue Reading", SENTENCE),
        ("It was over\u2026 Keep reading \u00bb", "It was over\u2026"),
        # kept: a mark alone on its line (a page's link, not an excerpt's end), not after a
        # sentence, or not at the end
        ("[\u2026]", "[\u2026]"),
        ("Continue reading", "Continue reading"),
        ("Officials urged riders to continue reading the notices", "Officials urged riders to "
         "continue reading the notices"),
        ("Quoted [\u2026] in the middle", "Quoted [\u2026] in the middle"),
    ],
)  # fmt: skip
def test_remove_excerpt_mark(line: str, expected: str) -> None:
    assert remove_excerpt_mark(line) == expected
    assert remove_excerpt_mark(expected) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (f"{SENTENCE} Read more", SENTENCE),
        (f"{SENTENCE} Read more \u00bb", SENTENCE),
        (f"{SENTENCE} Read More >>", SENTENCE),
        ("\u201cIt is over.\u201d Read the full story", "\u201cIt is over.\u201d"),
        ("Children should read more", "Children should read more"),
        ("Read more", "Read more"),  # a line of its own: the site-chrome rules' to take
    ],
)
def test_remove_read_more_cuts_the_link_after_the_last_sentence(line: str, expected: str) -> None:
    assert remove_read_more(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("The post Ferry fares rise appeared first on Harbour Post.", ""),
        (f"{SENTENCE} The post Ferry fares rise appeared first on Harbour Post.", SENTENCE),
        # prose: a one-word "title", or not after a sentence
        ("The post office appeared first on the list.", "The post office appeared first on "
         "the list."),
        ("He said the post of mayor appeared first on the agenda",
         "He said the post of mayor appeared first on the agenda"),
    ],
)  # fmt: skip
def test_remove_feed_footer(line: str, expected: str) -> None:
    assert remove_feed_footer(line) == expected


def test_the_marks_inside_a_text_are_kept() -> None:
    # a web page's "recent posts" teasers end in the same marks: chrome, which the classifier
    # knows by them; and the article is not cut short
    raw = (
        "Ferry fares rise\n"
        "The operator raised fares by 12% on Monday, angering commuters on every route.\n"
        "Sometimes people ask me why this or that location become […]\n"
        "A second teaser of another post. Read more »\n"
        "Riders said they would protest at the next council meeting in the town hall."
    )
    cleaned = clean_text(raw, "p1", model=None)
    assert "become […]" in cleaned.text and "post. Read more »" in cleaned.text
    assert not {"excerpt_mark", "read_more_link"} & {e.rule for e in cleaned.audit}


def test_cleaning_audits_each_mark_and_removes_a_footer_line() -> None:
    raw = (
        "Ferry fares rise\n"
        "The operator raised fares by 12% on Monday, angering commuters. Continue reading \u2192\n"
        "The post Ferry fares rise appeared first on Harbour Post."
    )
    cleaned = clean_text(raw, "f1")
    assert cleaned.text.splitlines()[-1] == (
        "The operator raised fares by 12% on Monday, angering commuters."
    )
    rules = {(e.rule, e.line_no, e.action) for e in cleaned.audit}
    assert ("excerpt_mark", 2, "changed") in rules
    assert ("feed_footer", 3, "removed") in rules
    assert clean_text(cleaned.text, "f1").text == cleaned.text


def test_loading_feed_excerpts_warns_that_articles_were_cut(tmp_path: Path) -> None:
    from analysis import load_corpus

    path = tmp_path / "feed.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["doc_id", "outlet", "text"])
        writer.writerow(
            ["e1", "Harbour Post", "<p>The operator raised fares on Monday [&#8230;]</p>"]
        )
        writer.writerow(["e2", "Valley Voice", "<p>Riders were angry about the new fares.</p>"])
    with pytest.warns(UserWarning, match=r"1 of 2 documents end with the mark of a text cut"):
        corpus = load_corpus(path, progress=False)
    audit = corpus.audit
    assert audit.loc[audit["rule"] == "excerpt_mark", "doc_id"].tolist() == ["e1"]
    assert corpus.documents.set_index("doc_id").loc["e1", "text"] == (
        "The operator raised fares on Monday"
    )
