"""A press release's furniture (:mod:`analysis.corpus.press_releases`): release markers, a wire
service's dateline, stock tickers, the "About X" section, contact blocks, investor notices and
a release page's own lines, removed from each document on its own.

Releases written for these tests after a tester's PR Newswire and government press office
releases, which kept their "About" paragraph in three of four identical releases."""

from __future__ import annotations

import pytest
from cleaning_cases import PROSE

from analysis.corpus.cleaning import RULES, CleanedText, clean_text
from analysis.corpus.line_rules import LineView
from analysis.corpus.press_releases import (
    RULE_DESCRIPTIONS,
    release_line_rule,
    split_release_dateline,
    strip_stock_tickers,
)

LEAD = (
    "ASHFORD, Ore., June 3, 2025 /PRNewswire/ -- Calder Freight Systems Inc. (NYSE: CFS) today "
    "announced a new rail link between its Ashford depot and the Port of Brennan."
)
RELEASE = "\n".join(
    [
        "FOR IMMEDIATE RELEASE",
        "",
        "Calder Freight Opens Rail Link to Port of Brennan",
        "",
        LEAD,
        "",
        '"The link takes 300 trucks a day off the highway," said Ana Ruiz, chief executive.',
        "",
        "Construction of the 12-mile spur began in 2023 and cost $48 million.",
        "",
        "About Calder Freight Systems Inc.",
        "Calder Freight Systems Inc. (NYSE: CFS) is a leading logistics company serving the "
        "Pacific Northwest. The company is committed to safety, sustainability and innovation. "
        "For more information, visit www.calderfreight.example.",
        "",
        "Forward-Looking Statements",
        "This press release contains forward-looking statements within the meaning of the "
        "Private Securities Litigation Reform Act of 1995, which involve risks and uncertainties.",
        "",
        "Media Contact:",
        "Sam Ortiz",
        "Calder Freight Systems Inc.",
        "sam.ortiz@calderfreight.example",
        "+1 503 555 0110",
        "",
        "SOURCE Calder Freight Systems Inc.",
        "",
        "###",
    ]
)
BODY = [
    "Calder Freight Opens Rail Link to Port of Brennan",
    "Calder Freight Systems Inc. today announced a new rail link between its Ashford depot and "
    "the Port of Brennan.",
    '"The link takes 300 trucks a day off the highway," said Ana Ruiz, chief executive.',
    "Construction of the 12-mile spur began in 2023 and cost $48 million.",
]


def _clean(*lines: str) -> CleanedText:
    return clean_text("\n".join(lines), "t", model=None)


def _rules(cleaned: CleanedText) -> dict[str, str]:
    return {entry.original: entry.rule for entry in cleaned.audit if entry.action != "changed"}


def test_a_release_is_cleaned_on_its_own_to_its_body() -> None:
    # one release, with no other document to find its lines repeated in: the tester's three
    # releases of four kept their "About" paragraph, marker and contacts
    cleaned = clean_text(RELEASE, "r1", model=None)
    assert cleaned.text.splitlines() == BODY
    rules = _rules(cleaned)
    assert rules["FOR IMMEDIATE RELEASE"] == "release_marker"
    assert rules["About Calder Freight Systems Inc."] == "about_boilerplate"
    assert rules["Media Contact:"] == rules["Sam Ortiz"] == "press_contact"
    assert rules["+1 503 555 0110"] == "press_contact"
    assert rules["SOURCE Calder Freight Systems Inc."] == "release_line"
    assert rules["###"] == "release_end"
    # forward-looking statements keep their rule
    assert rules["Forward-Looking Statements"] == "platform_disclaimer"
    assert cleaned.metadata["dateline_place"] == "ASHFORD, Ore., June 3, 2025 /PRNewswire/"
    changed = {e.rule for e in cleaned.audit if e.action == "changed"}
    assert {"release_dateline", "stock_ticker"} <= changed
    assert set(RULE_DESCRIPTIONS) <= set(RULES)


def test_identical_releases_are_cleaned_alike_with_the_model() -> None:
    # with the shipped classifier too, whatever else it scores
    texts = [clean_text(RELEASE, f"r{k}").text for k in range(2)]
    assert texts[0] == texts[1]
    assert not any("About" in line or "committed to" in line for line in texts[0].splitlines())


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("FOR IMMEDIATE RELEASE", "release_marker"),
        ("For Immediate Release", "release_marker"),
        ("NEWS RELEASE", "release_marker"),
        ("PRESS RELEASE", "release_marker"),
        ("MEDIA ADVISORY", "release_marker"),
        ("EMBARGOED UNTIL 00:01 GMT, TUESDAY 4 MARCH 2025", "release_marker"),
        ("###", "release_end"),
        # removed before this rule sees them: Markdown's heading markers leave "#", and a
        # number between dashes is a printed page's
        ("# # #", "punctuation_only"),
        ("-30-", "page_number"),
        ("- ends -", "release_end"),
        ("ENDS", "release_end"),
    ],
)
def test_release_markers_are_removed(line: str, rule: str) -> None:
    cleaned = _clean(PROSE[0], line, PROSE[1])
    assert cleaned.text.splitlines() == PROSE[:2]
    assert [e.rule for e in cleaned.audit] == [rule]


def test_a_marker_with_its_date_gives_the_date() -> None:
    cleaned = _clean("For immediate release: March 7, 2025", PROSE[0], PROSE[1])
    assert cleaned.text.splitlines() == PROSE[:2]
    assert cleaned.metadata["dateline"] == "March 7, 2025"
    [entry] = cleaned.audit
    assert (entry.rule, entry.action) == ("release_marker", "moved_to_metadata")


@pytest.mark.parametrize(
    "line",
    [
        "Press release: Council approves harbour budget",  # a headline
        "Ends of the pier were closed to the public on Monday.",
        "The agency embargoed the report until the minister had read it.",
        "Follow the money, investigators said.",
        "Growers can call 1-800-555-0177 or visit agr.example/port.",
    ],
)
def test_prose_like_release_lines_is_kept(line: str) -> None:
    assert release_line_rule(LineView.of(line)) is None


def test_the_issuer_over_the_marker_goes_with_it() -> None:
    cleaned = _clean("Office of Governor Jane Doe", "", "FOR IMMEDIATE RELEASE", "", *PROSE[:2])
    assert cleaned.text.splitlines() == PROSE[:2]
    assert _rules(cleaned)["Office of Governor Jane Doe"] == "release_marker"


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        (LEAD, "ASHFORD, Ore., June 3, 2025 /PRNewswire/"),
        (
            "WASHINGTON, June 3, 2025 /PRNewswire-USNewswire/ -- The Harbor Trust today said ...",
            "WASHINGTON, June 3, 2025 /PRNewswire-USNewswire/",
        ),
        (
            "SAN FRANCISCO--(BUSINESS WIRE)--Acme Corp. (NASDAQ: ACME) today reported ...",
            "SAN FRANCISCO--(BUSINESS WIRE)",
        ),
        (
            "TORONTO, June 3, 2025 /CNW/ - Maple Rail Ltd. today said ...",
            "TORONTO, June 3, 2025 /CNW/",
        ),
        (
            "NEW YORK, June 3, 2025 (GLOBE NEWSWIRE) -- Acme Corp. today said ...",
            "NEW YORK, June 3, 2025 (GLOBE NEWSWIRE)",
        ),
        (
            "NEW YORK, NY / ACCESSWIRE / June 3, 2025 / Acme Corp. today said ...",
            "NEW YORK, NY / ACCESSWIRE / June 3, 2025",
        ),
        (
            "AUSTIN, TX, UNITED STATES, June 3, 2025 /EINPresswire.com/ -- Acme Corp. said ...",
            "AUSTIN, TX, UNITED STATES, June 3, 2025 /EINPresswire.com/",
        ),
    ],
)
def test_a_wire_services_dateline_is_split_off(text: str, dateline: str) -> None:
    found = split_release_dateline(text)
    assert found is not None and found[0] == dateline
    assert found[1][:1].isupper() and "/" not in found[1][:10]


@pytest.mark.parametrize(
    "text",
    [
        "The port said 24/7 operations would resume (pending a vote) on Monday.",
        "HARLAN, Wash. — Dockworkers walked off the job on Monday.",  # the news agency rule's
        "Shares of Acme (NASDAQ: ACME) rose 4% on Monday.",
    ],
)
def test_no_wire_dateline_in_other_text(text: str) -> None:
    assert split_release_dateline(text) is None


def test_the_release_dateline_leaves_the_lead_and_no_wire_actor() -> None:
    cleaned = _clean("Calder Freight Opens Rail Link", LEAD, PROSE[0])
    lead = cleaned.text.splitlines()[1]
    assert lead.startswith("Calder Freight Systems Inc. today announced")
    assert "PRNewswire" not in cleaned.text and "NYSE" not in cleaned.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Acme Corp. (NYSE: ACM) today said", "Acme Corp. today said"),
        ("Acme (NASDAQ: ABCD), a maker of cranes, said", "Acme, a maker of cranes, said"),
        ("Maple Rail (TSX: MRL; NYSE: MRL) said", "Maple Rail said"),
        ("Acme (Nasdaq:ACME) said", "Acme said"),
        ("Acme (the company) said", "Acme (the company) said"),
        ("The vote (10: 2) passed", "The vote (10: 2) passed"),
    ],
)
def test_stock_tickers_are_cut(text: str, expected: str) -> None:
    assert strip_stock_tickers(text) == expected


def test_a_ticker_in_a_kept_line_is_audited() -> None:
    cleaned = _clean(PROSE[0], "Shares of Acme Corp. (NYSE: ACM) fell 6% on Monday.", PROSE[1])
    assert "Shares of Acme Corp. fell 6% on Monday." in cleaned.text.splitlines()
    assert [(e.rule, e.action) for e in cleaned.audit] == [("stock_ticker", "changed")]


ARTICLE = [
    "Dockworkers rally at the port as talks resume",
    "By Jane Doe",
    PROSE[0],
    "About 200 workers gathered outside the gates on Monday, the union said.",
    PROSE[1],
    "Calder Freight Systems, which runs the depot, is a leading logistics company in the "
    "region. It is committed to safety, its spokesman said.",
]


def test_an_article_about_a_company_keeps_its_paragraphs() -> None:
    # a sentence opening with "About", and a newspaper's closing paragraph about the company
    cleaned = _clean(*ARTICLE)
    assert cleaned.text.splitlines() == ARTICLE[2:]


def test_an_about_heading_with_the_article_going_on_below_is_kept() -> None:
    lines = [
        PROSE[0],
        PROSE[1],
        PROSE[2],
        "About Calder Freight",
        "Calder Freight was founded in 1988 by two brothers from Ashford.",
        "Labour",
        "The union said its members would vote on the offer next week, and that the talks had "
        "been difficult for everyone involved in them.",
    ]
    cleaned = _clean(*lines)
    assert cleaned.text.splitlines() == lines
    assert not cleaned.audit


def test_about_an_acronym_and_the_page_lines_under_it() -> None:
    cleaned = _clean(
        "NEWS RELEASE",
        "Harbor agency estimates losses of $25 million",
        PROSE[0],
        PROSE[1],
        "About HRA",
        "The Harbor Regional Authority runs the state's ports and protects their workers.",
        "",
        "###",
        "",
        "Follow HRA on Facebook, X and Instagram.",
        "",
        "This page was last updated on March 7, 2025.",
    )
    assert cleaned.text.splitlines() == [
        "Harbor agency estimates losses of $25 million",
        *PROSE[:2],
    ]
    rules = _rules(cleaned)
    assert rules["About HRA"] == "about_boilerplate"
    assert rules["Follow HRA on Facebook, X and Instagram."] == "release_line"
    assert rules["This page was last updated on March 7, 2025."] == "release_line"


@pytest.mark.parametrize(
    "block",
    [
        ["Media contact: Tom Aldridge, 360-555-0155, taldridge@agr.example"],
        [
            "Contact: Governor's Communications Office",
            "Phone: 360-555-0100",
            "Email: m@gov.example",
        ],
        [
            "Investor Contacts:",
            "David Cho",
            "Vice President, Investor Relations",
            "+1 360 555 0199",
        ],
    ],
)
def test_contact_blocks_are_removed(block: list[str]) -> None:
    cleaned = _clean(PROSE[0], "", *block, "", PROSE[1])
    assert cleaned.text.splitlines() == PROSE[:2]
    assert {e.rule for e in cleaned.audit} <= {"press_contact", "site_chrome"}


def test_a_contact_heading_without_a_number_or_address_leaves_the_lines_under_it() -> None:
    cleaned = _clean(PROSE[0], "Contact", "Harbour Office Opening Hours", PROSE[1])
    assert "Harbour Office Opening Hours" in cleaned.text.splitlines()
    assert "press_contact" not in {e.rule for e in cleaned.audit}


def test_a_contact_block_ends_at_a_blank_line() -> None:
    headline = "Governor Urges Both Sides To Return To The Table"
    cleaned = _clean("Contact: Press Office", "Phone: 360-555-0100", "", headline, PROSE[0])
    assert cleaned.text.splitlines()[0] == headline


def test_investor_notices_go_with_their_paragraphs() -> None:
    cleaned = _clean(
        PROSE[0],
        PROSE[1],
        "Conference Call Information",
        "Calder will host a conference call at 8:30 a.m. ET on June 4. Participants may dial "
        "+1 877 555 0123, conference ID 884213. A webcast will be available at ir.example.com.",
        "Non-GAAP Financial Measures",
        "Adjusted EBITDA is a non-GAAP financial measure.",
        "It should not be considered in isolation.",
        "Forward-Looking Statements",
        "This press release contains forward-looking statements about future results.",
        "These statements are based on current expectations.",
    )
    assert cleaned.text.splitlines() == PROSE[:2]
    rules = [e.rule for e in cleaned.audit]
    assert rules == ["release_notice"] * 5 + ["platform_disclaimer"] * 2 + ["release_notice"]


def test_a_safe_harbor_section_of_an_article_is_kept() -> None:
    lines = [
        PROSE[0],
        "Safe Harbor",
        "The city's sanctuary law bars the police from asking about immigration status.",
        PROSE[1],
    ]
    assert _clean(*lines).text.splitlines() == lines


@pytest.mark.parametrize(
    "line",
    [
        "SOURCE Calder Freight Systems Inc.",
        "Follow WSDA on Facebook, X and Instagram.",
        "This page was last updated on March 7, 2025.",
        "For more information, visit www.calderfreight.example.",
        "Learn more at www.calderfreight.example",
        "Participants may dial +1 877 555 0123 (U.S.) or +1 412 555 0144, conference ID 884213.",
        "A webcast will be available at investors.calderfreight.example.",
        "View original content to download multimedia: https://www.prnewswire.example/x.html",
    ],
)
def test_release_page_lines_are_removed(line: str) -> None:
    assert release_line_rule(LineView.of(line)) == "release_line"
    cleaned = _clean(PROSE[0], line, PROSE[1])
    assert cleaned.text.splitlines() == PROSE[:2]
