"""Wire copy's furniture (:mod:`analysis.corpus.wire_copy` and its hooks): contributor and
correction notes, a news page's notes around a wire story, the agency's "about" paragraph,
AFP's sign-off, and what they give the document's metadata.

Lines written after a tester's corpus of AP, Reuters and AFP stories as papers ran them (a
journalism scholar comparing how outlets rework wire copy); each is a kind, not one story's
line, and each goes in a story printed once (no recurrence across documents is needed)."""

from __future__ import annotations

import pandas as pd
import pytest
from cleaning_cases import PROSE, assert_kept, assert_removed, clean_lines

from analysis.corpus.cleaning import RULES, audit_frame, clean_text
from analysis.corpus.documents import clean_documents, published_with_time
from analysis.corpus.files import to_raw_docs
from analysis.corpus.line_rules import LineView
from analysis.corpus.quality import removed_line_counts
from analysis.corpus.wire_copy import RULES as WIRE_RULES
from analysis.corpus.wire_copy import wire_note_rule

HITS = {
    "contributor_note": [
        "Associated Press writers Kate Payne in Tallahassee and Curt Anderson in St. Petersburg "
        "contributed to this report.",
        "Associated Press writer Kate Payne in Tallahassee contributed.",
        "The Associated Press contributed to this report.",
        "Reuters contributed reporting.",
        "Material from the Associated Press and Reuters was used in this report.",
        "Information from Reuters was used in this story.",
        "Courier staff writer Maria Gonzalez contributed to this report.",
        "Contributing: Jane Roe, USA TODAY",
    ],
    "wire_page_note": [
        "THIS IS A BREAKING NEWS UPDATE. AP's earlier story follows below.",
        "THIS IS A BREAKING NEWS UPDATE.",
        "BREAKING",
        "Breaking:",
        "This is a developing story. Check back for updates.",
        "This story will be updated as more information becomes available.",
        "Follow AP's coverage of hurricanes at https://apnews.com/hub/hurricanes",
        "Follow Jane Roe on X: @janeroe",
        "Follow Jane Roe on Twitter at @jroe_ap",
    ],
    "wire_about": [
        "The Associated Press is an independent global news organization dedicated to factual "
        "reporting. Founded in 1846, AP today remains the most trusted source of fast, "
        "accurate, unbiased news in all formats.",
        "Reuters, the news and media division of Thomson Reuters, is the world's largest "
        "multimedia news provider, reaching billions of people worldwide every day.",
    ],
    "punctuation_only": ["___", "---"],  # AP's separators between the story and its notes
}

NEAR_MISSES = [
    # the notes' words in news
    "Warm water contributed to the storm's rapid growth, scientists said.",
    "Higher fuel costs contributed.",
    "Staff writers at the paper contributed to a strike fund last year.",
    "Breaking the deadlock took three days of talks.",
    "This is a developing country with a fast-growing port.",
    "Follow-up inspections are planned for next week.",
    "Residents were told to follow the evacuation routes on Twitter and local radio.",
    "The Associated Press is a cooperative owned by its member newspapers, the report said.",
    "An earlier version of the bill was rejected by the Senate in May.",
    "Material from the archive was used in the exhibition.",
    "jm/des",  # AFP's sign-off goes at the end of the text only
]


@pytest.mark.parametrize(
    ("rule", "line"), [(r, line) for r, lines in HITS.items() for line in lines]
)
def test_wire_furniture_goes(rule: str, line: str) -> None:
    assert_removed(line, rule)


@pytest.mark.parametrize("line", NEAR_MISSES)
def test_news_with_the_notes_words_stays(line: str) -> None:
    assert_kept(line)


def test_the_rules_are_listed() -> None:
    assert set(WIRE_RULES) | {"published_time"} <= set(RULES)


@pytest.mark.parametrize(
    "line",
    [
        "This story has been corrected to show that the man whose truck was swept away was near "
        "Yankeetown, not Inglis.",
        "This story has been updated to include the governor's comments.",
        "Correction: An earlier version of this story misstated the number of counties under "
        "evacuation orders. It is 17, not 27.",
        "An earlier version of this story misspelled the name of the sheriff.",
    ],
)
def test_a_correction_note_moves_to_metadata(line: str) -> None:
    cleaned = clean_lines(PROSE[0], PROSE[1], line, PROSE[2])
    assert cleaned.text.splitlines() == PROSE[:3]
    assert cleaned.metadata["correction"] == line
    assert [(e.rule, e.action) for e in cleaned.audit] == [("correction_note", "moved_to_metadata")]


@pytest.mark.parametrize(
    "line",
    [
        "Correction: stocks slide as rates rise again",  # a market's correction
        "Editor's note: This story contains descriptions of violence.",  # a warning
        "The earlier version of the plan was cheaper, the mayor said.",
    ],
)
def test_other_notes_are_no_correction(line: str) -> None:
    cleaned = clean_lines(PROSE[0], line, PROSE[1])
    assert "correction" not in cleaned.metadata


def test_a_contributor_note_closing_a_paragraph_is_cut_from_it() -> None:
    paragraph = (
        "In Pinellas County, more than 2,300 people spent the night in public shelters, the "
        "county said."
    )
    note = "Courier staff writer Maria Gonzalez contributed to this report."
    cleaned = clean_lines(PROSE[0], f"{paragraph} {note}", PROSE[1])
    assert cleaned.text.splitlines() == [PROSE[0], paragraph, PROSE[1]]
    assert [(e.rule, e.action, e.result) for e in cleaned.audit] == [
        ("contributor_note", "changed", paragraph)
    ]
    # a sentence of the article ending in "contributed" stays
    kept = f"{paragraph} Volunteers from three counties contributed."
    assert clean_lines(PROSE[0], kept, PROSE[1]).text.splitlines()[1] == kept
    again = clean_lines(*cleaned.text.splitlines())  # idempotent
    assert again.text == cleaned.text and not again.audit


@pytest.mark.parametrize(
    "ending",
    [["jm/des", "© 2024 AFP"], ["bur-jm/des", "Agence France-Presse"], ["mlm/acb"]],
)
def test_afps_signoff_at_the_end_goes(ending: list[str]) -> None:
    # a tester's AFP stories ended "jm/des": flagged truncated, and "jm/des" a sentence
    cleaned = clean_text("\n".join([*PROSE, *ending]), "t", model=None)
    assert cleaned.text.splitlines() == PROSE
    assert {e.rule for e in cleaned.audit} <= {"wire_signoff", "site_chrome"}
    assert "wire_signoff" in {e.rule for e in cleaned.audit}


def test_a_reuters_or_afp_headline_over_its_dateline_is_the_title() -> None:
    # a paper runs a Reuters story with no byline: the headline was the first sentence
    for dateline in ("(Reuters) - ", "Steinhatchee (United States) (AFP) - "):
        cleaned = clean_lines(
            "Florida utilities restore power to half of Delia outages",
            dateline + PROSE[0],
            PROSE[1],
        )
        assert cleaned.metadata["title"] == (
            "Florida utilities restore power to half of Delia outages"
        )
        assert cleaned.text.splitlines() == PROSE[:2]
    # a first sentence over the dateline's paragraph is no headline
    first = "Officials said the storm had passed by Friday morning."
    cleaned = clean_lines(first, "(Reuters) - " + PROSE[0], PROSE[1])
    assert "title" not in cleaned.metadata
    assert cleaned.text.splitlines()[0] == first


def test_a_headline_under_a_breaking_news_line_and_a_correction_is_the_title() -> None:
    cleaned = clean_lines(
        "THIS IS A BREAKING NEWS UPDATE. AP's earlier story follows below.",
        "Correction: An earlier version of this story misstated the number of counties.",
        "Delia leaves Florida fishing towns under water",
        "By CURT ANDERSON Associated Press",
        "STEINHATCHEE, Fla. (AP) — " + PROSE[0],
        PROSE[1],
    )
    assert cleaned.metadata["title"] == "Delia leaves Florida fishing towns under water"
    assert cleaned.text.splitlines() == PROSE[:2]


def _documents(texts: dict[str, str], published: str = "") -> pd.DataFrame:
    columns = {
        "doc_id": list(texts),
        "outlet": ["Courier"] * len(texts),
        "published": [published] * len(texts),
        "raw_text": list(texts.values()),
    }
    documents, _ = clean_documents(to_raw_docs(columns, len(texts)))
    return documents.set_index("doc_id")


def test_a_wire_credit_fills_an_empty_author_and_a_correction_is_noted() -> None:
    credit = "(Reporting by Brad Brooks in Lubbock, Texas; Writing by Daniel Wallis)"
    correction = "This story has been corrected to show that the bridge reopened on Friday."
    documents = _documents(
        {
            "reuters": "\n".join([*PROSE, credit]),
            "bylined": "\n".join(["By Jane Roe", *PROSE, credit]),
            "corrected": "\n".join([*PROSE, correction]),
        }
    )
    assert documents.loc["reuters", "author"] == "Brad Brooks"
    assert credit in documents.loc["reuters", "metadata_note"]
    assert documents.loc["bylined", "author"] == "Jane Roe"
    assert correction in documents.loc["corrected", "metadata_note"]


def test_an_updated_time_orders_two_updates_of_one_day() -> None:
    documents = _documents(
        {
            "early": "\n".join(["UPDATED 11:20 a.m.", *PROSE]),
            "late": "\n".join(["UPDATED 3:45 p.m.", *PROSE[:3]]),
        },
        published="2024-10-11",
    )
    assert documents["published"].tolist() == ["2024-10-11T11:20", "2024-10-11T15:45"]
    assert "'UPDATED 11:20 a.m.'" in documents.loc["early", "date_note"]


@pytest.mark.parametrize(
    ("metadata", "published"),
    [
        ({"updated": "Updated 3:45 PM EDT, October 11, 2024"}, "2024-10-11T15:45"),
        ({"dateline": "2024-10-11T09:05"}, "2024-10-11T09:05"),
        ({"dateline": "Oct. 11, 2024 12:30 a.m."}, "2024-10-11T00:30"),
        # another day's time, no time, a date in numbers with dots: the day alone
        ({"updated": "Updated 3:45 PM EDT, October 12, 2024"}, "2024-10-11"),
        ({"dateline": "Oct. 11, 2024"}, "2024-10-11"),
        ({"dateline": "11.10.2024"}, "2024-10-11"),
    ],
)
def test_published_takes_the_time_of_its_day(metadata: dict, published: str) -> None:
    row = {"published": "2024-10-11", "date_note": ""}
    entries = published_with_time(row, metadata, "d")
    assert row["published"] == published
    assert [e.rule for e in entries] == (["published_time"] if "T" in published else [])


def test_wire_notes_do_not_count_as_lines_removed() -> None:
    # an AP story with its notes under five paragraphs was flagged lines_removed
    notes = [
        "___",
        "Follow AP's coverage of hurricanes at https://apnews.com/hub/hurricanes",
        "Associated Press writer Kate Payne in Tallahassee contributed.",
        "This is a developing story. Check back for updates.",
    ]
    cleaned = clean_text("\n".join([*PROSE, *notes]), "ap", model=None)
    assert cleaned.text.splitlines() == PROSE
    counts = removed_line_counts(audit_frame(cleaned.audit))
    assert counts.loc["ap", "removed"] == 1  # the separator only


def test_a_line_of_many_notes_run_together_is_read_whole() -> None:
    # notes that could be cut in many ways (a free "." inside each) took 77 s for this line
    assert wire_note_rule(LineView.of("writer Jo contributed. " * 15 + "zz")) is None
    notes = "Follow Jo on X: @jo.ap. " * 10
    assert wire_note_rule(LineView.of(notes.strip())) == "wire_page_note"
