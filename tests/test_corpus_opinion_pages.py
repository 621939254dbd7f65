"""Opinion pages, editorials, leaders and explainers: their genre labels, question headlines,
authors' bios and datelines, as a journalism-studies tester's mixed-genre corpus gave them.
Made-up articles in each layout."""

from __future__ import annotations

from analysis.corpus.cleaning import CleanedText, clean_text

BODY = [
    "Two days of strikes have made one thing clear: the offer cannot work without new money.",
    "Schools cannot conjure a pay rise out of budgets that are already cut to the bone.",
    "Ministers should fund the rise in full, and the union should suspend further action.",
]


def _rules(cleaned: CleanedText) -> dict[int, str]:
    """The rule of each raw line number in the audit (the last, when several fired)."""
    return {e.line_no: e.rule for e in cleaned.audit}


def test_a_genre_label_between_headline_and_dateline_goes_and_the_headline_is_the_title() -> None:
    raw = "\n".join(
        [
            "The Ledger view: Fund the pay rise and end this strike",
            "Editorial",
            "12 March 2026",
            *BODY,
        ]
    )
    cleaned = clean_text(raw, doc_id="ed")
    assert cleaned.text.splitlines() == BODY
    assert _rules(cleaned)[2] == "genre_label"
    assert cleaned.metadata["title"] == "The Ledger view: Fund the pay rise and end this strike"


def test_a_question_headline_right_over_its_byline_is_the_title() -> None:
    raw = "\n".join(
        ["Explained: who decides teachers' pay?", "By Priya Shah", "Thursday 5 March 2026", *BODY]
    )
    cleaned = clean_text(raw, doc_id="explainer")
    assert cleaned.metadata["title"] == "Explained: who decides teachers' pay?"
    assert cleaned.metadata["author"] == "Priya Shah"
    assert cleaned.text.splitlines() == BODY


def test_a_question_opening_the_text_with_no_byline_under_it_stays() -> None:
    raw = "\n".join(["Who pays for the rise?", *BODY])
    cleaned = clean_text(raw, doc_id="explainer")
    assert cleaned.text.splitlines()[0] == "Who pays for the rise?"
    assert "title" not in cleaned.metadata


TIMES_LEADER = [
    "The Times view on the teachers' strike: Class Struggle",
    "Ministers and the union must compromise to get children back into classrooms",
    "Leading Article",
    "Thursday March 12 2026, 12.01am GMT, The Times",
    "Share",
    *BODY,
]


def test_a_times_leader_has_its_headline_as_title_and_its_date_line_as_dateline() -> None:
    cleaned = clean_text("\n".join(TIMES_LEADER), doc_id="leader")
    assert cleaned.metadata["title"] == TIMES_LEADER[0]
    assert cleaned.metadata["dateline"] == TIMES_LEADER[3]
    rules = _rules(cleaned)
    assert (rules[1], rules[3], rules[4]) == ("headline_line", "genre_label", "dateline")
    # the standfirst is the paper's own text under the headline, and stays
    assert cleaned.text.splitlines() == [TIMES_LEADER[1], *BODY]


def test_a_date_line_naming_its_paper_after_the_time_is_a_dateline_and_gives_the_day() -> None:
    from analysis.corpus.documents import published_from_metadata
    from analysis.corpus.line_rules import LineView
    from analysis.corpus.metadata_rules import parse_dateline

    line = "Thursday March 12 2026, 12.01am GMT, The Times"
    assert parse_dateline(LineView.of(line)) == ("dateline", line)
    assert published_from_metadata({"dateline": line})[0] == "2026-03-12"
    # without a time of day, a name after the date is no paper's: not read as a dateline
    assert parse_dateline(LineView.of("March 12 2026, Westminster")) is None


COLUMN = [
    "Opinion",
    "Militant unions are holding our children hostage",
    "By Graham Pike",
    "9 March 2026",
    *BODY,
]


def test_a_columnists_closing_bio_naming_the_byline_goes() -> None:
    for bio in (
        "Graham Pike is a Conservative peer and former education minister.",
        "Graham Pike is a former secondary school teacher and writes about education.",
        "Graham Pike is headteacher of a secondary school in South Yorkshire.",
    ):
        cleaned = clean_text("\n".join([*COLUMN, bio, "Comments (412)"]), doc_id="op")
        assert cleaned.text.splitlines() == BODY, bio
        assert _rules(cleaned)[len(COLUMN) + 1] == "author_bio"


def test_a_sentence_naming_the_author_stays_inside_the_text_or_of_another_name() -> None:
    bio = "Graham Pike is a Conservative peer and former education minister."
    inside = clean_text("\n".join([*COLUMN[:4], bio, *BODY]), doc_id="op")
    assert bio in inside.text.splitlines()
    other = "Helen Marsh is a Conservative peer and former education minister."
    last = clean_text("\n".join([*COLUMN, other]), doc_id="op")
    assert last.text.splitlines()[-1] == other


def test_a_known_title_repeated_under_itself_goes_both_times_so_cleaning_stays_idempotent() -> None:
    # Hypothesis's case: the title, twice, as the whole text; the copy kept was the cleaned
    # text's first line, and went when that was cleaned again with its title
    title = "The pause covers grain, timber and copper shipments, says the ministry."
    cleaned = clean_text("\n".join([title, title, *BODY]), doc_id="t", title=title)
    assert cleaned.text.splitlines() == BODY
    assert clean_text(cleaned.text, doc_id="t", title=title).text == cleaned.text
