"""Metadata lines (:mod:`analysis.corpus.metadata_rules`): title, source, dateline, byline and
credits move to the document's metadata."""

from __future__ import annotations

import pytest
from cleaning_cases import PROSE, clean_lines

from analysis.corpus.metadata_rules import credit_reporters


def test_title_line_moves_to_metadata_even_with_different_quotes_and_case() -> None:
    cleaned = clean_lines(
        "Port Fees “Paused” For Now", PROSE[0], title='port fees "paused" for now'
    )
    assert cleaned.text == PROSE[0]
    assert cleaned.metadata["title"] == "Port Fees “Paused” For Now"
    assert [(e.rule, e.action) for e in cleaned.audit] == [("title_line", "moved_to_metadata")]


def test_first_line_that_is_not_the_title_stays() -> None:
    cleaned = clean_lines(PROSE[0], PROSE[1], title="Something else entirely")
    assert cleaned.text.splitlines() == PROSE[:2]
    assert "title" not in cleaned.metadata


def test_source_url_lines_move_to_metadata() -> None:
    cleaned = clean_lines(PROSE[0], "Original article: https://example.org/a/123", PROSE[1])
    assert cleaned.metadata["url"] == "https://example.org/a/123"
    assert cleaned.text.splitlines() == PROSE[:2]
    cleaned = clean_lines(PROSE[0], "Source: https://example.org/b", "https://example.org/c")
    assert cleaned.metadata["url"] == "https://example.org/b"  # the first one wins
    assert cleaned.text == PROSE[0]
    assert [e.result for e in cleaned.audit] == ["https://example.org/b", "https://example.org/c"]


def test_dateline_near_the_top_moves_to_metadata() -> None:
    cleaned = clean_lines("Harbour Fees Paused", "March 3, 2024", PROSE[0], PROSE[1])
    assert cleaned.metadata["dateline"] == "March 3, 2024"
    # without a known title, the headline above the dateline is the title (headline_line)
    assert cleaned.metadata["title"] == "Harbour Fees Paused"
    assert cleaned.text.splitlines() == [PROSE[0], PROSE[1]]
    # with a title given that differs, the first line is article text and stays
    cleaned = clean_lines("Harbour Fees Paused", "March 3, 2024", PROSE[0], title="Other")
    assert cleaned.text.splitlines() == ["Harbour Fees Paused", PROSE[0]]


def test_a_headline_over_its_byline_is_the_title_when_none_is_known() -> None:
    cleaned = clean_lines("Markets slide as tariff fears return", "By Jane Doe", *PROSE[:2])
    assert cleaned.metadata["title"] == "Markets slide as tariff fears return"
    assert cleaned.text.splitlines() == PROSE[:2]
    assert [(e.rule, e.action) for e in cleaned.audit][:1] == [
        ("headline_line", "moved_to_metadata")
    ]
    again = clean_lines(*cleaned.text.splitlines())  # idempotent: no headline left to take
    assert again.text == cleaned.text and "title" not in again.metadata


def test_only_a_headline_with_no_text_kept_above_it_gives_one() -> None:
    # a line of text first: the line under it is not the article's headline
    cleaned = clean_lines(PROSE[0], "Markets slide as tariff fears return", "By Jane Doe", PROSE[1])
    assert "title" not in cleaned.metadata
    assert "Markets slide as tariff fears return" in cleaned.text.splitlines()


def test_a_headline_under_chrome_and_over_a_caption_is_the_title() -> None:
    # a pasted New York Times page: chrome above the headline, its standfirst, then chrome and
    # a photo's caption between it and the byline; all of them go, the headline to the title
    lines = [
        "Supported by",
        "SKIP ADVERTISEMENT",
        "Stocks Slide as Tariff Fears Return",
        "Investors worried that new tariffs would hurt growth, sending the Dow down.",
        "Share full article",
        "Traders on the floor of the exchange on Tuesday.Credit...Jane Roe/Getty Images",
        "By Jane Doe",
        "Oct. 21, 2025",
        *PROSE[:2],
    ]
    cleaned = clean_lines(*lines)
    assert cleaned.metadata["title"] == "Stocks Slide as Tariff Fears Return"
    assert cleaned.metadata["author"] == "Jane Doe"
    assert cleaned.text.splitlines() == [lines[3], *PROSE[:2]]
    again = clean_lines(*cleaned.text.splitlines())  # idempotent
    assert again.text == cleaned.text and "title" not in again.metadata
    # the same page with a known title: the title line goes under the chrome as well
    titled = clean_lines(*lines, title="Stocks slide as tariff fears return")
    assert [e.rule for e in titled.audit if e.original == lines[2]] == ["title_line"]
    assert titled.text == cleaned.text


@pytest.mark.parametrize("between", [1, 2])
def test_text_lines_between_a_headline_and_its_byline(between: int) -> None:
    # one line of text (a standfirst) may stand between; two may not
    standfirsts = ["Officials expect the levy to last a year", "Shippers say costs will rise"]
    cleaned = clean_lines(
        "Markets slide as tariff fears return", *standfirsts[:between], "By Jane Doe", PROSE[0]
    )
    assert ("title" in cleaned.metadata) is (between == 1)


@pytest.mark.parametrize(
    "first",
    [
        "Officials met on Tuesday.",  # a sentence: it ends as one
        "Port fees paused for six months:",  # a clause's opening
        "Paused",  # too short for a headline
        " ".join(["word"] * 26),  # too long for one
    ],
)
def test_a_first_line_not_shaped_as_a_headline_stays(first: str) -> None:
    cleaned = clean_lines(first, "By Jane Doe", *PROSE[:2])
    assert "title" not in cleaned.metadata
    assert cleaned.text.splitlines()[0] == first


def test_a_short_first_line_with_no_byline_or_dateline_below_stays() -> None:
    cleaned = clean_lines("Harbour Fees Paused", *PROSE[:2])
    assert "title" not in cleaned.metadata
    assert cleaned.text.splitlines() == ["Harbour Fees Paused", *PROSE[:2]]


@pytest.mark.parametrize(
    "line",
    [
        "Tuesday, 3 March 2024",
        "2024-03-03",
        "Mar. 3, 2024 10:15 a.m. EST",
        "3 March 2024 · 5 min read",
        "3 hours ago",
        "Published 2 days ago",
        "October 21, 2025 4:32 PM UTC Updated 2 hours ago",
        "October 21, 2025, 6 AM ET",  # the hour alone before AM or PM
        # the ABC's (Australia) stamps: shown, then read aloud, glued together
        "Posted 5h ago5 hours ago, updated 1h ago1 hour ago",
        "2d ago",
    ],
)
def test_dateline_formats(line: str) -> None:
    cleaned = clean_lines(line, *PROSE)
    assert cleaned.metadata["dateline"] == line
    assert cleaned.text.splitlines() == PROSE


def test_a_date_deep_in_the_body_or_in_a_timeline_is_kept() -> None:
    cleaned = clean_lines(
        *PROSE, "March 3, 2024", "- Oct. 5, 2024:", "- Talks resume in the capital."
    )
    assert cleaned.text.splitlines()[-3:] == [
        "March 3, 2024",
        "- Oct. 5, 2024:",
        "- Talks resume in the capital.",
    ]
    assert "dateline" not in cleaned.metadata


def test_published_and_updated_lines_move_to_metadata_anywhere() -> None:
    cleaned = clean_lines(*PROSE, "Published: 3 March 2024", "Updated: March 4, 2024 09:00 GMT")
    assert cleaned.metadata == {"dateline": "Published: 3 March 2024",
                                "updated": "Updated: March 4, 2024 09:00 GMT"}  # fmt: skip
    assert cleaned.text.splitlines() == PROSE


def test_a_byline_with_the_authors_address_and_telephone_moves_to_metadata() -> None:
    # a TownNews paper's byline (the Spokesman-Review's, in the extraction benchmark)
    cleaned = clean_lines("By Megan Rowe meganr@spokesman.com (509) 459-5382", *PROSE)
    assert cleaned.metadata["author"] == "Megan Rowe"
    assert cleaned.text.splitlines() == PROSE


def test_byline_at_the_top_moves_to_metadata() -> None:
    cleaned = clean_lines("By Jane Roe, Harbour Ledger", *PROSE)
    assert cleaned.metadata["author"] == "Jane Roe"
    assert cleaned.text.splitlines() == PROSE


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("By Jane Doe Fox News", "Jane Doe"),  # the outlet run on with no comma
        ("By Mary Ann Doe Reuters", "Mary Ann Doe"),
        ("By Jane Doe and John Roe Sky News", "Jane Doe and John Roe"),
        ("By Jane Doe Post", "Jane Doe Post"),  # two words left at least: a surname stays
        ("By Anna van der Berg", "Anna van der Berg"),
    ],
)
def test_an_outlet_run_on_after_the_author_is_not_the_author(line: str, author: str) -> None:
    cleaned = clean_lines(line, *PROSE)
    assert cleaned.metadata["author"] == author
    assert cleaned.text.splitlines() == PROSE


def test_a_magazines_words_byline_moves_to_metadata_with_the_date_under_it() -> None:
    # a reader-funded site's pasted page: "Words: Tom Adebayo" and its date stayed as sentences
    cleaned = clean_lines(
        "Residents say they were ignored as the harbour vote passes",
        "Words: Tom Adebayo",
        "14 October 2025",
        *PROSE,
    )
    assert cleaned.metadata["author"] == "Tom Adebayo"
    assert cleaned.text.splitlines() == PROSE
    kept = clean_lines(PROSE[0], "Words matter in a trade dispute, Jane Roe said.", PROSE[1])
    assert "author" not in kept.metadata and len(kept.text.splitlines()) == 3


@pytest.mark.parametrize(
    "credit",
    [
        "(Reporting by Jane Roe in Lisbon; Editing by Tom Lee)",
        # a place with its state, in brackets (a tester's Reuters story kept it as a sentence)
        "(Reporting by Brad Brooks in Lubbock, Texas; Writing by Daniel Wallis; Editing by Bill "
        "Berkrot)",
    ],
)
def test_wire_credit_line_moves_to_metadata(credit: str) -> None:
    cleaned = clean_lines(*PROSE, credit)
    assert cleaned.metadata["credits"] == credit
    assert cleaned.text.splitlines() == PROSE


@pytest.mark.parametrize(
    ("credits", "reporters"),
    [
        ("(Reporting by Brad Brooks in Lubbock, Texas; Writing by Daniel Wallis)", "Brad Brooks"),
        (
            "Reporting by Suzanne Barlyn in New York and Carolina Mandl; Additional reporting by "
            "Brad Brooks; Editing by Richard Chang",
            "Suzanne Barlyn and Carolina Mandl",
        ),
        ("Reporting by Jane Roe in London, John Doe in Paris", "Jane Roe and John Doe"),
        ("Additional reporting by Jane Roe; Editing by Tom Lee", None),
        ("Writing by Daniel Wallis; Editing by Bill Berkrot", None),
    ],
)
def test_the_reporters_of_a_wire_credit(credits: str, reporters: str | None) -> None:
    assert credit_reporters(credits) == reporters


def test_a_name_over_a_role_line_at_the_top_is_the_byline() -> None:
    cleaned = clean_lines("Jane Doe", "Business reporter, BBC News", *PROSE)
    assert cleaned.text.splitlines() == PROSE
    assert cleaned.metadata["author"] == "Jane Doe"
    assert cleaned.metadata["author_role"] == "Business reporter, BBC News"
    assert {e.rule for e in cleaned.audit} == {"byline"}


@pytest.mark.parametrize(
    "lines",
    [
        ["Jane Doe", PROSE[0]],  # a name with no role under it
        [PROSE[0], PROSE[1], PROSE[2], "Jane Doe", "Business reporter, BBC News"],  # not the top
        ["Two years ago", "Business reporter, BBC News"],  # not a name
    ],
)
def test_a_name_or_role_elsewhere_is_no_byline(lines: list[str]) -> None:
    cleaned = clean_lines(*lines, PROSE[3])
    assert "author" not in cleaned.metadata
    names = {"Jane Doe", "Two years ago"}
    assert not any(e.rule == "byline" and e.original in names for e in cleaned.audit)


@pytest.mark.parametrize("line", ["2 hours ago the council met.", "Three hours ago"])
def test_prose_about_hours_ago_is_no_dateline(line: str) -> None:
    cleaned = clean_lines(line, *PROSE)
    assert "dateline" not in cleaned.metadata


@pytest.mark.parametrize(
    ("line", "place"),
    [
        ("NEW YORK (AP) — Stocks fell sharply on Tuesday.", "NEW YORK (AP)"),
        ("LONDON, Oct 21 (Reuters) - Stocks fell sharply on Tuesday.", "LONDON, Oct 21 (Reuters)"),
        ("BEIJING, Oct. 21 (Xinhua) -- Stocks fell sharply.", "BEIJING, Oct. 21 (Xinhua)"),
        ("Washington (CNN) — Stocks fell sharply on Tuesday.", "Washington (CNN)"),
        ("SIOUX FALLS, S.D. – Stocks fell sharply on Tuesday.", "SIOUX FALLS, S.D."),
        ("DUBAI, United Arab Emirates — Stocks fell sharply.", "DUBAI, United Arab Emirates"),
        ('WASHINGTON — "Stocks fell," she said.', "WASHINGTON"),
        # AFP's place with its country in brackets
        ("Steinhatchee (United States) (AFP) - Stocks fell.", "Steinhatchee (United States) (AFP)"),
    ],
)
def test_a_wire_dateline_opening_the_first_paragraph_moves_to_metadata(
    line: str, place: str
) -> None:
    cleaned = clean_lines("A photo's caption, over the article.", line, PROSE[0])
    rest = line[len(place) :].lstrip(" —–-")
    assert cleaned.metadata["dateline_place"] == place
    assert cleaned.text.splitlines() == ["A photo's caption, over the article.", rest, PROSE[0]]
    assert [(e.rule, e.action, e.result) for e in cleaned.audit] == [
        ("wire_dateline", "changed", rest)
    ]
    again = clean_lines(*cleaned.text.splitlines())  # idempotent
    assert again.text == cleaned.text and not again.audit


@pytest.mark.parametrize(
    "line",
    [
        "US - China talks resumed on Tuesday.",  # a short hyphen and no agency: no dateline
        "EU — Brussels said talks would resume.",  # two capitals: an acronym, not a place
        "BREAKING — Stocks fell sharply on Tuesday.",
        "THE POINT -- NOW ON YOUTUBE!",  # a shout, not a sentence
        "Tesla (TSLA) — The carmaker's shares rose on Tuesday.",  # a ticker, not an agency
        "The talks — the third this year — resumed on Tuesday.",
    ],
)
def test_lines_that_only_look_like_a_wire_dateline_stay(line: str) -> None:
    cleaned = clean_lines(line, PROSE[0])
    assert cleaned.text.splitlines()[0] == line
    assert "dateline_place" not in cleaned.metadata


def test_only_the_first_wire_dateline_moves() -> None:
    # a digest of wire stories: the first dateline is the text's; the second story keeps its own
    first, second = "ROME (AP) — The pope spoke on Sunday.", "PARIS (AP) — Talks resumed."
    cleaned = clean_lines(first, PROSE[0], second)
    assert cleaned.metadata["dateline_place"] == "ROME (AP)"
    assert cleaned.text.splitlines() == ["The pope spoke on Sunday.", PROSE[0], second]
    # deep in a text (after ten kept lines), no line is taken for the opening
    late = clean_lines(*[f"Line {n} of the article ends here." for n in range(10)], first)
    assert late.text.splitlines()[-1] == first


def test_a_name_with_its_place_over_a_dateline_is_the_byline() -> None:
    # the Financial Times' byline has no "By": "Jane Doe in London" over the date
    cleaned = clean_lines(
        "Harbour fees rise as dredging costs mount",
        "Jane Doe in London and John Roe in Beijing",
        "Published October 21 2025",
        *PROSE[:2],
    )
    assert cleaned.metadata["author"] == "Jane Doe and John Roe"
    assert cleaned.metadata["title"] == "Harbour fees rise as dredging costs mount"
    assert cleaned.text.splitlines() == PROSE[:2]


@pytest.mark.parametrize(
    "lines",
    [
        ["Protests Erupt in Paris", "Published October 21 2025"],  # the first line: a headline
        [PROSE[0], "Jane Doe in London", PROSE[1]],  # no dateline under it
    ],
)
def test_a_name_in_a_place_elsewhere_is_no_byline(lines: list[str]) -> None:
    cleaned = clean_lines(*lines, *PROSE[2:3], title="Another title")
    assert "author" not in cleaned.metadata
    stays = next(line for line in lines if " in " in line and not line.endswith("."))
    assert stays in cleaned.text.splitlines()


@pytest.mark.parametrize("line", ["October 21, 2025, 6 amendments", "October 21, 2025, 6"])
def test_a_number_after_a_date_is_an_hour_only_before_am_or_pm(line: str) -> None:
    cleaned = clean_lines(line, *PROSE)
    assert "dateline" not in cleaned.metadata
    assert cleaned.text.splitlines()[0] == line


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("By The Editorial Board", "The Editorial Board"),
        ("The Times Editorial Board", "The Times Editorial Board"),
        ("Opinion | Editorial Board", "Editorial Board"),
        ("By the Editors of Harbour Ledger", "the Editors of Harbour Ledger"),
        ("Opinion by Jane Roe", "Jane Roe"),
        ("Analysis by Jane Roe, Harbour Ledger", "Jane Roe"),
    ],
)
def test_an_editorials_or_a_columns_byline_names_its_author(line: str, author: str) -> None:
    cleaned = clean_lines("Harbour Fees Are a Costly Mistake", line, *PROSE)
    assert cleaned.metadata["author"] == author
    assert cleaned.metadata["title"] == "Harbour Fees Are a Costly Mistake"
    assert cleaned.text.splitlines() == PROSE


@pytest.mark.parametrize(
    "line",
    [
        "The editorial board of the paper met the mayor on Tuesday to discuss the fees.",
        "Opinion by opinion, the council came round to the plan over the winter.",
    ],
)
def test_prose_about_an_editorial_board_is_no_byline(line: str) -> None:
    cleaned = clean_lines(PROSE[0], line, PROSE[1])
    assert cleaned.text.splitlines() == [PROSE[0], line, PROSE[1]]
    assert "author" not in cleaned.metadata


def test_a_markdown_texts_first_heading_is_its_title() -> None:
    cleaned = clean_lines("# City bans lawn watering as drought deepens", "", *PROSE[:2])
    assert cleaned.metadata["title"] == "City bans lawn watering as drought deepens"
    assert cleaned.text.splitlines() == PROSE[:2]
    assert [(e.rule, e.action) for e in cleaned.audit] == [("headline_line", "moved_to_metadata")]
    again = clean_lines(*cleaned.text.splitlines())  # idempotent
    assert again.text == cleaned.text and "title" not in again.metadata


@pytest.mark.parametrize(
    ("first", "title"),
    [
        ("## What the council decided", None),  # a section's heading, not the title
        ("# Drought", None),  # too short for a headline
        ("# City bans lawn watering as drought deepens", "Another title"),  # a title is known
    ],
)
def test_other_headings_stay_text(first: str, title: str | None) -> None:
    cleaned = clean_lines(first, *PROSE[:2], title=title)
    assert cleaned.text.splitlines()[0] == first.lstrip("# ")
    assert cleaned.metadata.get("title") is None
