"""Letters pages (:mod:`analysis.corpus.letters`): a letters page's signatures move to the
metadata, its notices go, its heading is the title, and the document is flagged ``letters``;
names and towns outside a letters page stay. Made-up pages in a regional paper's and the Times'
layouts."""

from __future__ import annotations

import pandas as pd

from analysis.corpus.cleaning import clean_text
from analysis.corpus.quality import has_flag, quality_table

COURIER = [
    "Letters: Readers on the teachers' strike",
    "Your editorial rightly calls for arbitration, but it ignores the crisis in our classrooms.",
    "Margaret Hale, Leeds",
    "As a parent of two children, I have now lost four days' pay arranging childcare.",
    "Tom Reddy, Swindon",
    "Nobody mentions the support staff, who earn far less and still lose out when schools close.",
    "Rev. Alan Pryce, Hay-on-Wye, Powys",
    "Letters to the editor may be edited for length. Email letters@dailycourier.example",
]
TIMES = [
    "Letters to the Editor",
    "Teachers' strike and the pay review body",
    "Sir, As a headteacher of 15 years' standing, I cannot remember recruitment so difficult.",
    "DR ELAINE FORSYTH",
    "Headteacher, Holmfirth High School, West Yorkshire",
    "Sir, Your leading article is right that the strike has cost the teachers public sympathy.",
    "PETER GRANGE",
    "Tunbridge Wells, Kent",
    "Sir, It is odd that the union is blamed for the timing of the strike this spring.",
    "Professor Anna Whitcombe",
    "Institute of Education, University College London",
    "Write to us: letters@thetimes.example. Letters may be edited.",
]


def _rules(lines: list[str]) -> tuple[object, dict[int, str]]:
    cleaned = clean_text("\n".join(lines), doc_id="letters")
    return cleaned, {e.line_no: e.rule for e in cleaned.audit}


def test_a_letters_pages_signatures_and_notice_go_and_its_heading_is_the_title() -> None:
    cleaned, rules = _rules(COURIER)
    assert cleaned.text.splitlines() == [COURIER[1], COURIER[3], COURIER[5]]
    assert cleaned.metadata["title"] == COURIER[0]
    assert cleaned.metadata["letter_signatures"] == (
        "Margaret Hale, Leeds | Tom Reddy, Swindon | Rev. Alan Pryce, Hay-on-Wye, Powys"
    )
    assert [rules[n] for n in (1, 3, 5, 7, 8)] == [
        "letters_heading",
        *["letter_signature"] * 3,
        "letters_notice",
    ]
    assert clean_text(cleaned.text, doc_id="letters").text == cleaned.text  # idempotent


def test_a_times_letters_page_loses_its_names_in_capitals_and_their_addresses() -> None:
    cleaned, rules = _rules(TIMES)
    assert cleaned.text.splitlines() == [TIMES[2], TIMES[5], TIMES[8]]
    assert cleaned.metadata["title"] == TIMES[1]
    assert {rules[n] for n in (4, 5, 7, 8, 10, 11)} == {"letter_signature"}
    assert (rules[1], rules[2], rules[12]) == ("genre_label", "letters_heading", "letters_notice")
    assert (
        cleaned.metadata["letter_signatures"].split(" | ")[1]
        == "PETER GRANGE, Tunbridge Wells, Kent"
    )


def test_names_and_towns_under_paragraphs_stay_outside_a_letters_page() -> None:
    # no letters heading and no letters notice: an article's lines are not read as signatures
    lines = COURIER[1:-1]
    cleaned, rules = _rules(lines)
    assert cleaned.text.splitlines() == lines
    assert "letter_signature" not in rules.values()
    # a letters heading with a single name under a paragraph is no letters page either
    one = [COURIER[0], COURIER[1], COURIER[2], COURIER[3], COURIER[5]]
    cleaned, rules = _rules(one)
    assert COURIER[2] in cleaned.text.splitlines()


def test_a_letters_page_is_flagged_letters_and_no_longer_truncated() -> None:
    text = clean_text("\n".join(COURIER), doc_id="letters")
    audit = pd.DataFrame(
        [
            {
                "doc_id": e.doc_id,
                "line_no": e.line_no,
                "original": e.original,
                "rule": e.rule,
                "action": e.action,
                "result": e.result,
            }
            for e in text.audit
        ]
    )
    documents = pd.DataFrame(
        {
            "doc_id": ["letters", "news"],
            "language": ["en", "en"],
            "text": [text.text, COURIER[1]],
            "n_words": [len(text.text.split()), len(COURIER[1].split())],
        }
    )
    sentences = pd.DataFrame({"doc_id": ["letters", "news"], "n_words": [12, 12]})
    table = quality_table(documents, sentences, audit)
    assert has_flag(table, "letters").tolist() == [True, False]
    assert not has_flag(table, "truncated").any()
