"""A headline's furniture in a row export of headlines (and ledes): the labels opening it.

Modelled on a tester's export of 3,937 headlines, one a row (outlet, date, headline, lede,
url): every "WATCH: ..." headline went whole as a page's video teaser (site_chrome), its row
left out as having no text; "EXCLUSIVE:" stayed and raised the headline's tone."""

from __future__ import annotations

import pytest
from cleaning_cases import PROSE, clean_lines

from analysis.corpus.cleaning import RULES, clean_text
from analysis.corpus.headline_furniture import cut_headline_label, is_short_text

HEADLINE = "Transit board meets Monday to discuss driver contract"
LEDE = "The agency said ridership had fallen by 12 percent since the walkout began."
LABELLED = [
    f"WATCH: {HEADLINE}",
    f"LIVE: {HEADLINE}",
    f"BREAKING: {HEADLINE}",
    f"EXCLUSIVE: {HEADLINE}",
    f"UPDATED: {HEADLINE}",
    f"VIDEO: {HEADLINE}",
    f"Opinion | {HEADLINE}",
    f"Analysis | {HEADLINE}",
    f"BREAKING: LIVE: {HEADLINE}",
    f"watch : {HEADLINE}",
]


@pytest.mark.parametrize("headline", LABELLED)
def test_a_headline_rows_label_is_cut_and_the_headline_kept(headline: str) -> None:
    cleaned = clean_text(headline, doc_id="r")
    assert cleaned.text == HEADLINE
    entries = [(e.rule, e.action, e.result) for e in cleaned.audit]
    assert entries == [("headline_label", "changed", HEADLINE)]


@pytest.mark.parametrize("headline", LABELLED[:4])
def test_a_headline_and_lede_row_keeps_both(headline: str) -> None:
    cleaned = clean_text(f"{headline}\n{LEDE}", doc_id="r")
    assert cleaned.text.splitlines() == [HEADLINE, LEDE]
    assert {e.rule for e in cleaned.audit} == {"headline_label"}


def test_a_pages_watch_teaser_still_goes() -> None:
    # in a page (more than a headline and a lede) the line is a teaser of another article
    cleaned = clean_lines(PROSE[0], f"WATCH: {HEADLINE}", PROSE[1], PROSE[2])
    assert cleaned.text.splitlines() == [PROSE[0], PROSE[1], PROSE[2]]
    assert [e.rule for e in cleaned.audit if e.line_no == 2] == ["site_chrome"]


@pytest.mark.parametrize(
    "headline",
    [
        "Port Alder: Strike deepens crisis for workers",  # a place's kicker is content
        "Watchdog: council broke the rules on the stadium vote",
        "Live music returns to Port Alder as the strike ends",
        "Drought crisis: reservoir falls to lowest level in decades",
        "Breaking point: farmers say the water deal comes too late",
    ],
)
def test_other_openings_stay(headline: str) -> None:
    assert cut_headline_label(headline) == headline
    cleaned = clean_text(headline, doc_id="r")
    assert cleaned.text == headline
    assert not cleaned.audit


def test_a_label_alone_is_not_cut_to_nothing() -> None:
    assert cut_headline_label("WATCH:") == "WATCH:"
    assert cut_headline_label("LIVE: 12:04") == "LIVE: 12:04"


def test_short_texts() -> None:
    assert is_short_text([HEADLINE])
    assert is_short_text([HEADLINE, "", LEDE])
    assert not is_short_text([HEADLINE, LEDE, LEDE])
    assert not is_short_text([" ".join([LEDE] * 7)])  # an article on one line is no headline
    assert "headline_label" in RULES
