"""Boilerplate cleaning: every rule on made-up hits and near misses, mixed articles, properties,
and the bundled seeds."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.corpus.cleaning import (
    ACTIONS,
    RULES,
    AuditEntry,
    CleanedText,
    audit_frame,
    clean_text,
)

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

# Made-up article paragraphs used around the boilerplate in the tests below.
PROSE = [
    "Harbour officials in Freedonia agreed on Tuesday to pause new port fees for six months.",
    "The pause covers grain, timber and copper shipments, according to a ministry statement.",
    "Traders said prices fell 3% after the announcement, the biggest drop since March.",
    "Critics warned that the deal leaves the dispute over dredging rights unresolved.",
]


def _clean(*lines: str, title: str | None = None) -> CleanedText:
    return clean_text("\n".join(lines), doc_id="t", title=title)


def _rules_by_line(cleaned: CleanedText) -> dict[int, set[str]]:
    out: dict[int, set[str]] = {}
    for entry in cleaned.audit:
        out.setdefault(entry.line_no, set()).add(entry.rule)
    return out


def _assert_removed(line: str, rule: str) -> None:
    """``line`` between two prose paragraphs is removed by ``rule``; the prose stays."""
    cleaned = _clean(PROSE[0], line, PROSE[1])
    assert cleaned.text.splitlines() == [PROSE[0], PROSE[1]], line
    removed = [e for e in cleaned.audit if e.line_no == 2 and e.action == "removed"]
    assert [e.rule for e in removed] == [rule], line


def _assert_kept(line: str) -> None:
    """``line`` between two prose paragraphs is kept as it is."""
    cleaned = _clean(PROSE[0], line, PROSE[1])
    assert cleaned.text.splitlines() == [PROSE[0], line, PROSE[1]], line
    assert not [e for e in cleaned.audit if e.line_no == 2], line


# --------------------------------------------------------------------------------------------
# Line rules: hits and near misses.
# --------------------------------------------------------------------------------------------

HITS = {
    "site_chrome": [
        "Menu", "SEARCH", "Share on Facebook", "ADVERTISEMENT", "Skip to main content",
        "© 2024 Harbour Media Group. All rights reserved.", "Facebook | Twitter | Email",
        "- PODCASTS", "Follow us on Instagram", "Story continues below advertisement",
    ],
    "sign_in_prompt": [
        "Sign in with Apple", "Log in", "Continue with Google", "Sign in with 微博",
        "Create a free account to keep reading", "Already a subscriber? Log in here",
    ],
    "subscribe_prompt": [
        "Subscribe to The Harbour Ledger for $1 a week",
        "Get unlimited access with a premium subscription today",
        "Get 50% off your first year of digital access",
        "Unlock exclusive savings with a team membership — ideal for newsrooms.",
        "Delivered Straight To Your Inbox",
        "Get Our Free Morning Newsletter",
        "Sign Up for Weekly Market Alerts and Exclusive Analysis From Our Desk",
        "Thank you for signing up!",
        "Great news! You're subscribed and will hear from us soon.",
    ],
    "audio_prompt": [
        "Listen to this article", "Listen to the story · 4 min", "Play audio", "6 min listen",
    ],
    "toc_marker": ["Table of Contents", "In This Article", "Contents:"],
    "platform_disclaimer": [
        "Disclaimer: The opinions expressed here are the writer's own.",
        "The views expressed in this column are those of the author alone.",
        "This article is for informational purposes only and does not constitute advice.",
        "Note: This post represents the personal views of the author. Vote with the 【like】 "
        "button below.",
    ],
    "para_marker": ["[para. 7]", "[Paragraph 12]", "¶ 3"],
    "section_label": ["Key Takeaways", "AT A GLANCE:", "- Highlights", "TL;DR"],
    "cms_debris": [
        "<!-- wp:heading -->", "¤!-- /wp:list -->", '<div class="ad-slot"></div>',
        '[caption id="attachment_9"]', "-->",
    ],
    "comment_section": [
        "Submit a Comment", "Leave a Reply", "12 Comments", "Comments (4)",
        "2 Responses to “Ports Pause Fees”",
        "Your email address will not be published.", "Save my name, email, and website in "
        "this browser for the next time I comment.",
    ],
    "related_list": ["Read more: Freedonia Tightens Grip on Copper Exports", "Most Read"],
}  # fmt: skip

NEAR_MISSES = [
    # prose that merely mentions the vocabulary of a rule
    "Search parties worked through the night to find the missing hikers.",
    "Share prices fell 3% on Monday after the report.",
    "Menu prices at the harbour café rose sharply this year.",
    "Sign in with caution, the bank warned customers after the breach.",
    "Log in details of 2 million users were leaked last week.",
    "Continue with the reforms, the minister urged parliament.",
    "Subscriptions to streaming services rose 12% last year, the survey found.",
    "Netflix said subscriber growth slowed in the third quarter.",
    "Readers who subscribe to the print edition received a free map.",
    "Get ready for a long fight, the union leader told members.",
    "The company's newsletter business doubled its revenue in 2023.",
    "“Thank you for subscribing to our vision,” the chief executive told investors.",
    "Listen to the voters, the senator urged her colleagues.",
    "Listen to the full version of the speech, aides told reporters.",
    "The table of contents of the report lists 14 chapters.",
    "Statement: the ministry confirmed the quota will rise next year.",
    "The views expressed by farmers at the meeting were mostly angry.",
    "Article [12] of the treaty applies to both ports.",
    "Highlights of the deal include a tariff cut and a review clause.",
    "The ratio was 3 < 5 and 7 > 2 in the sample.",
    "The ministry received 300 comments on the draft rule.",
    "300 comments on the draft rule arrived by Friday.",
    "Comments from the minister drew criticism from exporters.",
    "No comment, the spokesman said when asked about the talks.",
    "More talks are planned for next month in the capital.",
    "Read more about the deal on page 4.",
    "By contrast, exports to Japan rose.",
    "By 2030, output could double, analysts estimate.",
    "Related talks in Geneva ended without agreement.",
    "Copyright disputes slowed the deal, lawyers said.",
    "Contents of the shipment were not disclosed.",
    "Play resumed after a short rain delay.",
    "Sign up rates for the scheme were low, officials said.",
    "Harbour Ledger Summary",
    "Rare Metals Quietly Return to the Table",
    "Investor Outlook: Calm Markets, Lingering Risks",
    "Support for premium brands fell in the survey.",
    "Start-ups are chasing subscribers with cheaper plans.",
    "Access to premium grain markets improved in May.",
    "Keep an Eye on the News From Beijing",
    "Note: The figures do not reflect seasonal adjustments.",
    "Note: The court found no infringement in the case.",
    "Open an account at the central bank, the fund advised.",
    "- 12 responses",
    "- 45 minutes",
    "Live cattle exports resumed in June.",
]


@pytest.mark.parametrize(
    ("rule", "line"), [(r, line) for r, lines in HITS.items() for line in lines]
)
def test_line_rule_hits(rule: str, line: str) -> None:
    _assert_removed(line, rule)


@pytest.mark.parametrize("line", NEAR_MISSES)
def test_near_misses_are_kept(line: str) -> None:
    _assert_kept(line)


def test_every_hit_rule_is_documented() -> None:
    assert set(HITS) <= set(RULES)
    assert all(isinstance(d, str) and d for d in RULES.values())


# --------------------------------------------------------------------------------------------
# Inline rules: the line is changed, not removed.
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected", "rule"),
    [
        ("See the filing (opens in a new window) for details.", "See the filing for details.",
         "link_text"),
        ("According to the Herald (opens in a new tab), talks resumed.",
         "According to the Herald, talks resumed.", "link_text"),
        ("_Bloomberg_ reported the figure first.", "Bloomberg reported the figure first.",
         "emphasis_markup"),
        ("The **final** offer came late.", "The final offer came late.", "emphasis_markup"),
        ("The deal<br>was signed on <b>Friday</b>.", "The deal was signed on Friday.",
         "cms_debris"),
        ("Costs rose &amp; margins fell.", "Costs rose & margins fell.", "html_entity"),
        ("[para. 2] The second paragraph starts here.", "The second paragraph starts here.",
         "para_marker"),
        ("Two\tcolumns  of\u00a0text ", "Two columns of text", "whitespace"),
        ("zero\u200bwidth", "zerowidth", "invisible_chars"),
        ("  • A bullet point", "- A bullet point", "bullet_normalise"),
        ("* Another bullet point", "- Another bullet point", "bullet_normalise"),
        ("▪Tight bullet", "- Tight bullet", "bullet_normalise"),
        ("Cafe\u0301 owners", "Café owners", "unicode_nfc"),
    ],
)  # fmt: skip
def test_inline_rules_change_the_line(line: str, expected: str, rule: str) -> None:
    cleaned = _clean(PROSE[0], line, PROSE[1])
    assert cleaned.text.splitlines() == [PROSE[0], expected, PROSE[1]]
    changed = {e.rule: e for e in cleaned.audit if e.line_no == 2}
    assert rule in changed
    assert changed[rule].action == "changed"
    assert changed[rule].original == line


@pytest.mark.parametrize(
    "line",
    [
        "file_name_here stays as written",
        "5 * 3 * 2 = 30 in the example",
        "- Already a canonical bullet",
        "-5% was the drop in exports.",
        "The store opens in a new tab of the mall next year.",
    ],
)
def test_inline_near_misses_are_unchanged(line: str) -> None:
    _assert_kept(line)


# --------------------------------------------------------------------------------------------
# Metadata lines.
# --------------------------------------------------------------------------------------------


def test_title_line_moves_to_metadata_even_with_different_quotes_and_case() -> None:
    cleaned = _clean("Port Fees “Paused” For Now", PROSE[0], title='port fees "paused" for now')
    assert cleaned.text == PROSE[0]
    assert cleaned.metadata["title"] == "Port Fees “Paused” For Now"
    assert [(e.rule, e.action) for e in cleaned.audit] == [("title_line", "moved_to_metadata")]


def test_first_line_that_is_not_the_title_stays() -> None:
    cleaned = _clean(PROSE[0], PROSE[1], title="Something else entirely")
    assert cleaned.text.splitlines() == PROSE[:2]
    assert "title" not in cleaned.metadata


def test_source_url_lines_move_to_metadata() -> None:
    cleaned = _clean(PROSE[0], "Original article: https://example.org/a/123", PROSE[1])
    assert cleaned.metadata["url"] == "https://example.org/a/123"
    assert cleaned.text.splitlines() == PROSE[:2]
    cleaned = _clean(PROSE[0], "Source: https://example.org/b", "https://example.org/c")
    assert cleaned.metadata["url"] == "https://example.org/b"  # the first one wins
    assert cleaned.text == PROSE[0]
    assert [e.result for e in cleaned.audit] == ["https://example.org/b", "https://example.org/c"]


def test_dateline_near_the_top_moves_to_metadata() -> None:
    cleaned = _clean("Harbour Fees Paused", "March 3, 2024", PROSE[0], PROSE[1])
    assert cleaned.metadata["dateline"] == "March 3, 2024"
    assert cleaned.text.splitlines() == ["Harbour Fees Paused", PROSE[0], PROSE[1]]


@pytest.mark.parametrize(
    "line",
    [
        "Tuesday, 3 March 2024",
        "2024-03-03",
        "Mar. 3, 2024 10:15 a.m. EST",
        "3 March 2024 · 5 min read",
    ],
)
def test_dateline_formats(line: str) -> None:
    cleaned = _clean(line, *PROSE)
    assert cleaned.metadata["dateline"] == line
    assert cleaned.text.splitlines() == PROSE


def test_a_date_deep_in_the_body_or_in_a_timeline_is_kept() -> None:
    cleaned = _clean(*PROSE, "March 3, 2024", "- Oct. 5, 2024:", "- Talks resume in the capital.")
    assert cleaned.text.splitlines()[-3:] == [
        "March 3, 2024",
        "- Oct. 5, 2024:",
        "- Talks resume in the capital.",
    ]
    assert "dateline" not in cleaned.metadata


def test_published_and_updated_lines_move_to_metadata_anywhere() -> None:
    cleaned = _clean(*PROSE, "Published: 3 March 2024", "Updated: March 4, 2024 09:00 GMT")
    assert cleaned.metadata == {"dateline": "Published: 3 March 2024",
                                "updated": "Updated: March 4, 2024 09:00 GMT"}  # fmt: skip
    assert cleaned.text.splitlines() == PROSE


def test_byline_at_the_top_moves_to_metadata() -> None:
    cleaned = _clean("By Jane Roe, Harbour Ledger", *PROSE)
    assert cleaned.metadata["author"] == "Jane Roe"
    assert cleaned.text.splitlines() == PROSE


def test_wire_credit_line_moves_to_metadata() -> None:
    cleaned = _clean(*PROSE, "(Reporting by Jane Roe in Lisbon; Editing by Tom Lee)")
    assert cleaned.metadata["credits"].startswith("(Reporting by Jane Roe")
    assert cleaned.text.splitlines() == PROSE


# --------------------------------------------------------------------------------------------
# Structural rules: comments, related lists, author bios, hard wraps.
# --------------------------------------------------------------------------------------------

COMMENT_BLOCK = [
    "3 Comments",
    "Jane Roe",
    "Great piece, but the fees will be back by summer.",
    "Reply",
    "2. K. Smith says:",
    "May 2, 2024 at 3:14 pm",
    "I disagree with the premise.",
    "It ignores the dredging dispute entirely.",
    "Reply",
    "Leave a Reply",
    "Your email address will not be published. Required fields are marked *",
    "Name *",
    "Email *",
    "Post Comment",
]


def test_comment_section_is_removed_whole() -> None:
    cleaned = _clean(*PROSE, *COMMENT_BLOCK)
    assert cleaned.text.splitlines() == PROSE
    removed = [e for e in cleaned.audit if e.action == "removed"]
    assert len(removed) == len(COMMENT_BLOCK)
    assert {e.rule for e in removed} == {"comment_section"}


def test_article_text_after_a_comment_widget_survives() -> None:
    cleaned = _clean(PROSE[0], "Comments (2)", PROSE[1], "Jane Roe", PROSE[2], PROSE[3])
    assert cleaned.text.splitlines() == [PROSE[0], PROSE[1], "Jane Roe", PROSE[2], PROSE[3]]


def test_comment_lookahead_stops_at_article_structure() -> None:
    lines = [PROSE[0], "1 Comment", "Jane Roe", "Dredging Rights Remain Unresolved", PROSE[1]]
    cleaned = _clean(*lines, "Reply")
    assert cleaned.text.splitlines() == [lines[0], *lines[2:], "Reply"]
    assert {e.line_no for e in cleaned.audit} == {2}


RELATED_BLOCK = [
    "Related Articles",
    "Freedonia Ports Brace for a Long Winter of Fees",
    "Copper Traders Weigh the Cost of a Dredging Dispute",
    "Oct 2, 2024",
    "Why Grain Shippers Are Looking South",
]


def test_related_list_is_removed_until_prose_resumes() -> None:
    cleaned = _clean(PROSE[0], *RELATED_BLOCK, PROSE[1], PROSE[2])
    assert cleaned.text.splitlines() == PROSE[:3]
    assert {e.rule for e in cleaned.audit} == {"related_list"}


def test_related_list_stops_at_timeline_entries_and_sentence_bullets() -> None:
    lines = ["- Through May 2024:", "- Fees on grain fall by a third this year", PROSE[1]]
    cleaned = _clean(PROSE[0], "Related Stories", *lines)
    assert cleaned.text.splitlines() == [PROSE[0], *lines]


def test_recent_news_heading_with_outlet_name() -> None:
    cleaned = _clean(*PROSE, "Recent Harbourwire News", "Ports Reopen After Strike Ends", "Search")
    assert cleaned.text.splitlines() == PROSE


def test_trailing_byline_and_bio_are_removed_and_author_kept() -> None:
    bio = "Jane Roe is a senior correspondent covering ports and shipping for the Ledger."
    cleaned = _clean(*PROSE, "By Jane Roe", bio)
    assert cleaned.text.splitlines() == PROSE
    assert cleaned.metadata["author"] == "Jane Roe"
    rules = _rules_by_line(cleaned)
    assert rules[5] == {"byline"}
    assert rules[6] == {"author_bio"}


def test_about_the_author_block_is_removed() -> None:
    bio = "A former harbour pilot, he has written two books on maritime law."
    cleaned = _clean(*PROSE, "About the Author", bio)
    assert cleaned.text.splitlines() == PROSE
    assert {e.rule for e in cleaned.audit} == {"author_bio"}


def test_prose_after_a_trailing_byline_is_not_taken_for_a_bio() -> None:
    cleaned = _clean(*PROSE[:3], "By Jane Roe", PROSE[3])
    assert cleaned.text.splitlines() == PROSE


def test_hard_wrapped_paragraph_is_joined() -> None:
    cleaned = _clean(
        "Harbour officials in Freedonia agreed on Tuesday to pause new",
        "port fees for six months, the ministry said.",
        "- a bullet that stays on its own line",
    )
    assert cleaned.text.splitlines() == [
        "Harbour officials in Freedonia agreed on Tuesday to pause new port fees for six "
        "months, the ministry said.",
        "- a bullet that stays on its own line",
    ]
    rules = _rules_by_line(cleaned)
    assert rules == {1: {"hard_wrap_join"}, 2: {"hard_wrap_join"}}


def test_heading_followed_by_a_paragraph_is_not_joined() -> None:
    cleaned = _clean("Dredging Rights", "iPhone exports rose.", "Ports Reopen", "the end.")
    assert len(cleaned.text.splitlines()) == 4


# --------------------------------------------------------------------------------------------
# Mixed articles: each kind of boilerplate inside a made-up article.
# --------------------------------------------------------------------------------------------

KIND_BLOCKS: dict[str, list[str]] = {
    "site_chrome": ["Skip to content", "Menu", "Search"],
    "sign_in_prompt": ["Sign in with Google", "Sign in with Facebook"],
    "subscribe_prompt": [
        "Subscribe to the Ledger — first month free.",
        "Straight To Your Inbox",
        "Receive Our Weekly Shipping Briefing Written For Busy Port Managers",
        "Thanks for subscribing!",
    ],
    "audio_prompt": ["Listen to this article · 3 min"],
    "comment_section": COMMENT_BLOCK,
    "related_list": RELATED_BLOCK,
    "cms_debris": ["<!-- wp:paragraph -->", "¤!-- /wp:paragraph -->"],
    "toc_marker": ["Table of Contents"],
    "platform_disclaimer": [
        "Statement: This article represents the personal views of the author only."
    ],
    "para_marker": ["[para. 4]"],
    "section_label": ["Key Points"],
    "blank_line": ["   ", "\t\t"],
}


@pytest.mark.parametrize("kind", sorted(KIND_BLOCKS))
def test_mixed_article_keeps_all_content_and_removes_the_kind(kind: str) -> None:
    block = KIND_BLOCKS[kind]
    content = ["Ports Pause Fees", "- Fees paused for six months", "- Review due in May", *PROSE]
    raw_lines = [*content[:3], "", *block, "", *content[3:]]
    cleaned = clean_text("\n".join(raw_lines), doc_id="mix")
    assert cleaned.text.splitlines() == content
    removed = {e.line_no: e.rule for e in cleaned.audit if e.action == "removed"}
    block_line_nos = range(5, 5 + len(block))
    assert set(removed) == set(block_line_nos)
    assert set(removed.values()) == {kind}


def test_label_goes_but_the_bullets_under_it_stay() -> None:
    cleaned = _clean("Highlights", "- Fees paused", "• Review in May", PROSE[0])
    assert cleaned.text.splitlines() == ["- Fees paused", "- Review in May", PROSE[0]]


# --------------------------------------------------------------------------------------------
# Encoding repair inside cleaning, the audit trail, the API.
# --------------------------------------------------------------------------------------------


def test_mojibake_lines_are_repaired_and_audited() -> None:
    raw = "The portโ€™s fees\nA plain line.\nItโs late."
    cleaned = clean_text(raw, doc_id="m")
    assert cleaned.text == "The port’s fees\nA plain line.\nIt’s late."
    assert cleaned.n_encoding_repairs == 2
    repairs = [e for e in cleaned.audit if e.rule == "mojibake_repair"]
    assert [(e.line_no, e.action, e.result) for e in repairs] == [
        (1, "changed", "The port’s fees"),
        (3, "changed", "It’s late."),
    ]


def test_audit_refers_to_raw_lines() -> None:
    raw = "\r\n".join(["Menu", "", *PROSE[:2], "  • item", "Search", "3 Comments", "Reply"])
    cleaned = clean_text(raw, doc_id="d1")
    raw_lines = raw.split("\r\n")
    assert cleaned.audit
    for entry in cleaned.audit:
        assert entry.doc_id == "d1"
        assert entry.original == raw_lines[entry.line_no - 1]
        assert entry.rule in RULES
        assert entry.action in ACTIONS
        assert (entry.result == "") == (entry.action == "removed")


def test_audit_frame_columns_and_types() -> None:
    cleaned = _clean("Menu", *PROSE, "Search")
    frame = audit_frame(cleaned.audit)
    assert list(frame.columns) == ["doc_id", "line_no", "original", "rule", "action", "result"]
    assert len(frame) == 2
    assert frame["line_no"].tolist() == [1, 6]
    assert pd.api.types.is_integer_dtype(frame["line_no"])
    empty = audit_frame([])
    assert list(empty.columns) == list(frame.columns)
    assert empty.empty


def test_clean_output_shape() -> None:
    cleaned = _clean("", "  Lead paragraph  ", "", "\t", "Second   paragraph", "")
    assert cleaned.text == "Lead paragraph\nSecond paragraph"
    assert isinstance(cleaned.audit, tuple)
    assert all(isinstance(e, AuditEntry) for e in cleaned.audit)


def test_empty_and_boilerplate_only_input() -> None:
    assert clean_text("").text == ""
    assert clean_text("Menu\nSearch\n").text == ""


def test_bad_input_types_are_clear_errors() -> None:
    with pytest.raises(TypeError, match="decode bytes first"):
        clean_text(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="title must be str"):
        clean_text("text", title=5)  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------------
# Properties.
# --------------------------------------------------------------------------------------------

_PIECES = st.sampled_from(
    ["\n", " ", "\t", "โ", "€", "œ", "ย", "ร", "ฉ", "\u00a0", "â", "Ã", "’", "“", "- ", "• ",
     "_", "*", "<b>", "<!--", "-->", "Sign in with Google", "3 Comments", "Reply", "By Jane Roe",
     "Oct 2, 2024", "Highlights", "Related Articles", "https://example.org/x", "ภาษาไทย",
     "a long line of ordinary prose that keeps going past forty characters", "and more words",
     "Menu", "Search", "[para. 2]", "(opens in a new tab)", "Subscribe to us", "Jane Roe"]
)  # fmt: skip


@settings(
    max_examples=400, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=6)), max_size=40).map("".join),
       st.one_of(st.none(), st.text(max_size=12)))  # fmt: skip
def test_property_idempotent_and_never_raises(raw: str, title: str | None) -> None:
    cleaned = clean_text(raw, doc_id="p", title=title)
    assert clean_text(cleaned.text).text == cleaned.text
    lines = cleaned.text.split("\n") if cleaned.text else []
    assert all(line and line == line.strip() for line in lines)


_LINES = sorted(
    {line for block in KIND_BLOCKS.values() for line in block}
    | {line for lines in HITS.values() for line in lines}
    | set(PROSE + NEAR_MISSES)
    | {"By Jane Roe", "Jane Roe is a reporter covering ports.", "March 3, 2024", "Reply"}
    | {"a long line of ordinary prose that keeps going on past forty characters", "and on"}
)


@settings(
    max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
@given(st.lists(st.sampled_from(_LINES), max_size=25), st.sampled_from([None, *PROSE]))
def test_property_idempotent_on_shuffled_articles(lines: list[str], title: str | None) -> None:
    cleaned = clean_text("\n".join(lines), title=title)
    assert clean_text(cleaned.text).text == cleaned.text


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.text(max_size=200))
def test_property_arbitrary_unicode(raw: str) -> None:
    cleaned = clean_text(raw)
    assert clean_text(cleaned.text).text == cleaned.text


_WORDS = [
    "port",
    "fees",
    "subscribe",
    "comment",
    "sign",
    "listen",
    "search",
    "menu",
    "share",
    "related",
    "reply",
    "highlights",
    "the",
    "rose",
    "by",
    "more",
    "news",
    "inbox",
    "said",
]


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.lists(st.lists(st.sampled_from(_WORDS), min_size=8, max_size=20), min_size=1, max_size=6))
def test_property_prose_paragraphs_all_survive(paragraphs: list[list[str]]) -> None:
    # Full sentences that merely contain boilerplate vocabulary are never removed.
    lines = [("Harbour " + " ".join(words) + ".") for words in paragraphs]
    cleaned = clean_text("\n\n".join(lines))
    assert cleaned.text.splitlines() == lines


# --------------------------------------------------------------------------------------------
# The bundled seeds.
# --------------------------------------------------------------------------------------------

SEED_TITLES = {
    "001": "Rare Earth Exchanges Analysis: U.S.-China “Tariff Truce” Hints at Strategic Pause, "
    "Not Surrender",
    "003": "China's continued strengthening of rare earth control policies after the China-US "
    "summit",
}


def _seed(prefix: str) -> tuple[str, CleanedText]:
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    raw = path.read_text(encoding="utf-8")
    return raw, clean_text(raw, doc_id=prefix, title=SEED_TITLES.get(prefix))


SEED_PREFIXES = ["000", "001", "002", "003", "004"]
BOILERPLATE_TRACES = [
    "Sign in with", "Comment", "subscrib", "Subscrib", "opens in a new tab", "wp:paragraph",
    "Table of Contents", "Listen to the full", "Straight Into Your Inbox", "Recent Reex News",
    "Search", "PODCAST", "MOST POPULAR", "DIGEST HUB", "[para.", "Reply", "Statement:",
    "Original article", "Highlights", "_Reuters_", "Inspired to launch", "express your attitude",
]  # fmt: skip


@pytest.mark.parametrize("prefix", SEED_PREFIXES)
def test_seed_has_no_mojibake_left(prefix: str) -> None:
    _, cleaned = _seed(prefix)
    assert not re.search(r"[\u0e00-\u0e7f]", cleaned.text)
    assert "â€" not in cleaned.text
    assert "Ã" not in cleaned.text


@pytest.mark.parametrize("prefix", SEED_PREFIXES)
def test_seed_has_no_boilerplate_left(prefix: str) -> None:
    _, cleaned = _seed(prefix)
    for trace in BOILERPLATE_TRACES:
        assert trace not in cleaned.text, trace
    assert not re.search(r"^\s|\s$|\n\n|\t", cleaned.text)


@pytest.mark.parametrize("prefix", SEED_PREFIXES)
def test_seed_cleaning_is_idempotent(prefix: str) -> None:
    _, cleaned = _seed(prefix)
    assert clean_text(cleaned.text).text == cleaned.text


def test_seed_encoding_repairs_read_correctly() -> None:
    _, reex1 = _seed("001")
    _, reex2 = _seed("004")
    assert reex1.n_encoding_repairs > 0 and reex2.n_encoding_repairs > 0
    for cleaned in (reex1, reex2):
        assert "détente" in cleaned.text
        assert "“" in cleaned.text and "”" in cleaned.text and "’" in cleaned.text
    assert "“framework progress”—a phrase" in reex1.text
    assert "the two nations’ heads" in reex2.text
    assert "Trump–Xi summit" in reex2.text
    assert "Reuters’ sources" in reex2.text


def test_seed_key_content_survives() -> None:
    raws = {p: _seed(p) for p in SEED_PREFIXES}
    # the last prose paragraph of each article
    last_paragraph_starts = {
        "000": "Numerous analysts agree that the rare earth export issue",
        "001": "Trade truces end; strategic minerals endure.",
        "002": "- Chinese President Xi Jinping and U.S. President Donald Trump meet in Busan",
        "003": "In the future, as green transformation accelerates",
        "004": "The Kuala Lumpur accord sketches a temporary truce",
    }
    for prefix, start in last_paragraph_starts.items():
        assert raws[prefix][1].text.splitlines()[-1].startswith(start), prefix
    bullets = {p: [ln for ln in raws[p][1].text.splitlines() if ln.startswith("- ")] for p in raws}
    assert len(bullets["001"]) == 6  # the highlights
    assert len(bullets["004"]) == 7  # the highlights
    assert len(bullets["002"]) == 21  # digest, company profiles and timeline
    for heading in ["Rare Earths Quietly at the Table", "Investor Takeaway: Markets Calm, "
                    "Supply Risks Remain", "Hard, Metallic Reality"]:  # fmt: skip
        assert heading in raws["001"][1].text.splitlines()
    assert "REEx Summary" in raws["004"][1].text.splitlines()
    assert "- Oct. 30, 2025:" in raws["002"][1].text.splitlines()
    assert "- MP Materials Corp." in raws["002"][1].text.splitlines()


def test_seed_metadata() -> None:
    _, toutiao = _seed("003")
    assert toutiao.metadata["url"] == "https://www.toutiao.com/article/7567765120563036672/"
    assert toutiao.metadata["title"] == SEED_TITLES["003"]
    _, reex1 = _seed("001")
    assert reex1.metadata["dateline"] == "Oct 27, 2025"
    assert reex1.metadata["author"] == "Daniel"
    assert reex1.metadata["title"] == SEED_TITLES["001"]


def test_seed_audit_lines_match_the_raw_files() -> None:
    for prefix in SEED_PREFIXES:
        raw, cleaned = _seed(prefix)
        raw_lines = raw.split("\n")
        for entry in cleaned.audit:
            assert entry.original == raw_lines[entry.line_no - 1]
            assert entry.rule in RULES
