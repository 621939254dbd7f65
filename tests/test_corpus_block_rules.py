"""Block rules (:mod:`analysis.corpus.block_rules`): comment sections, related lists, author
bios and hard-wrapped paragraphs."""

from __future__ import annotations

from cleaning_cases import COMMENT_BLOCK, PROSE, RELATED_BLOCK, clean_lines, rules_by_line

from analysis.corpus.cleaning import clean_text


def test_comment_section_is_removed_whole() -> None:
    cleaned = clean_lines(*PROSE, *COMMENT_BLOCK)
    assert cleaned.text.splitlines() == PROSE
    removed = [e for e in cleaned.audit if e.action == "removed"]
    assert len(removed) == len(COMMENT_BLOCK)
    assert {e.rule for e in removed} == {"comment_section"}


def test_article_text_after_a_comment_widget_survives() -> None:
    cleaned = clean_lines(PROSE[0], "Comments (2)", PROSE[1], "Jane Roe", PROSE[2], PROSE[3])
    assert cleaned.text.splitlines() == [PROSE[0], PROSE[1], "Jane Roe", PROSE[2], PROSE[3]]


def test_comment_lookahead_stops_at_article_structure() -> None:
    lines = [PROSE[0], "1 Comment", "Jane Roe", "Dredging Rights Remain Unresolved", PROSE[1]]
    cleaned = clean_lines(*lines, "Reply")
    assert cleaned.text.splitlines() == [lines[0], *lines[2:], "Reply"]
    assert {e.line_no for e in cleaned.audit} == {2}


def test_related_list_is_removed_until_prose_resumes() -> None:
    cleaned = clean_lines(PROSE[0], *RELATED_BLOCK, PROSE[1], PROSE[2])
    assert cleaned.text.splitlines() == PROSE[:3]
    assert {e.rule for e in cleaned.audit} == {"related_list"}


def test_a_single_related_link_under_its_label_is_removed() -> None:
    # CNN's pages pasted from a browser: "Related article" over one linked headline
    for label in ("Related article", "Related story", "Related video"):
        teaser = "Five things to know about the tariff fight"
        cleaned = clean_lines(PROSE[0], label, teaser, PROSE[1])
        assert cleaned.text.splitlines() == PROSE[:2]
        assert [e.rule for e in cleaned.audit] == ["related_list", "related_list"]


def test_related_list_stops_at_timeline_entries_and_sentence_bullets() -> None:
    lines = ["- Through May 2024:", "- Fees on grain fall by a third this year", PROSE[1]]
    cleaned = clean_lines(PROSE[0], "Related Stories", *lines)
    assert cleaned.text.splitlines() == [PROSE[0], *lines]


def test_recent_news_heading_with_outlet_name() -> None:
    cleaned = clean_lines(
        *PROSE, "Recent Harbourwire News", "Ports Reopen After Strike Ends", "Search"
    )
    assert cleaned.text.splitlines() == PROSE


def test_trailing_byline_and_bio_are_removed_and_author_kept() -> None:
    bio = "Jane Roe is a senior correspondent covering ports and shipping for the Ledger."
    cleaned = clean_lines(*PROSE, "By Jane Roe", bio)
    assert cleaned.text.splitlines() == PROSE
    assert cleaned.metadata["author"] == "Jane Roe"
    rules = rules_by_line(cleaned)
    assert rules[5] == {"byline"}
    assert rules[6] == {"author_bio"}


def test_about_the_author_block_is_removed() -> None:
    bio = "A former harbour pilot, he has written two books on maritime law."
    cleaned = clean_lines(*PROSE, "About the Author", bio)
    assert cleaned.text.splitlines() == PROSE
    assert {e.rule for e in cleaned.audit} == {"author_bio"}


def test_prose_after_a_trailing_byline_is_not_taken_for_a_bio() -> None:
    cleaned = clean_lines(*PROSE[:3], "By Jane Roe", PROSE[3])
    assert cleaned.text.splitlines() == PROSE


def test_hard_wrapped_paragraph_is_joined() -> None:
    cleaned = clean_lines(
        "Harbour officials in Freedonia agreed on Tuesday to pause new",
        "port fees for six months, the ministry said.",
        "- a bullet that stays on its own line",
    )
    assert cleaned.text.splitlines() == [
        "Harbour officials in Freedonia agreed on Tuesday to pause new port fees for six "
        "months, the ministry said.",
        "- a bullet that stays on its own line",
    ]
    rules = rules_by_line(cleaned)
    assert rules == {1: {"hard_wrap_join"}, 2: {"hard_wrap_join"}}


def test_no_line_joins_across_a_blank_line() -> None:
    # a pasted page: its headline stops mid-sentence, and 46 "icon ..." lines, each between
    # blank lines, were joined to it ("icon" became a group's most distinctive word)
    text = (
        "Harbour officials in Freedonia agreed on Tuesday to pause new\n\n"
        "port fees for six months, the ministry said.\n\n"
        "Shipping firms welcomed the pause, which they had sought since\n"
        "the spring, a spokesman said."
    )
    cleaned = clean_text(text, "d1", model=None)
    assert cleaned.text.splitlines() == [
        "Harbour officials in Freedonia agreed on Tuesday to pause new",
        "",  # kept, so that cleaning the text again does not join them either
        "port fees for six months, the ministry said.",
        "Shipping firms welcomed the pause, which they had sought since the spring, a "
        "spokesman said.",
    ]


def test_heading_followed_by_a_paragraph_is_not_joined() -> None:
    cleaned = clean_lines("Dredging Rights", "iPhone exports rose.", "Ports Reopen", "the end.")
    assert len(cleaned.text.splitlines()) == 4


CARDS = [
    "More Harbour Examiner",
    "Dockers vote to end the strike",
    "Jane Roe",
    "Wednesday November 20, 2019",
    "The vote came after a week of talks. Both sides claimed victory on pay.",
    "Surprise! Report claiming the port has the world's slowest cranes is bogus",
    "Tom Poe",
    "Tuesday November 19, 2019",
    "Various outlets repeated a figure that the harbour authority says was never measured.",
]


def test_teaser_cards_under_more_and_a_name_are_removed_leads_and_all() -> None:
    # a tester's pasted Washington Examiner page kept 34 sentences of its "More Washington
    # Examiner" cards (headline, author, date, lead) as the article's
    cleaned = clean_lines(*PROSE[:2], *CARDS)
    assert cleaned.text.splitlines() == PROSE[:2]
    assert {e.rule for e in cleaned.audit} == {"related_list"}


def test_the_articles_paragraph_after_a_dated_list_item_stays() -> None:
    lines = ["Related Stories", "Dockers vote to end the strike", "Tuesday November 19, 2019"]
    cleaned = clean_lines(PROSE[0], *lines, PROSE[1], PROSE[2])
    assert cleaned.text.splitlines() == PROSE[:3]
