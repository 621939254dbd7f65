"""A headline's furniture in a row export of headlines (and ledes): the labels opening it.

Modelled on a tester's export of 3,937 headlines, one a row (outlet, date, headline, lede,
url): every "WATCH: ..." headline went whole as a page's video teaser (site_chrome), its row
left out as having no text; "EXCLUSIVE:" stayed and raised the headline's tone."""

from __future__ import annotations

import pandas as pd
import pytest
from cleaning_cases import PROSE, clean_lines

from analysis.corpus.cleaning import RULES, clean_text
from analysis.corpus.headline_furniture import cut_headline_label, is_short_text

HEADLINE = "Transit board meets Monday to discuss driver contract"
LEDE = "The agency said ridership had fallen by 12 percent since the walkout began."
LEDES = [
    LEDE,
    "Officials urged residents to water lawns no more than twice a week.",
    "Farmer Elena Voss said she had fallowed half her land this season.",
]
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


# the outlet's own name after the headline -----------------------------------------------------

SUFFIXED = [
    (f"{HEADLINE} | Bayview Herald", "Bayview Herald"),
    (f"{HEADLINE} - Coastline Post", "Coastline Post"),
    (f"{HEADLINE} — The Coastline Post", "Coastline Post"),
    (f"{HEADLINE} – coastline post", "The Coastline Post"),
    (f"{HEADLINE} | Pittsburgh Post-Gazette", "Pittsburgh Post-Gazette"),
    (f"{HEADLINE} | coastlinepost.com", "Coastline Post"),
]


@pytest.mark.parametrize(("line", "outlet"), SUFFIXED)
def test_the_outlets_own_name_after_a_headline_is_cut(line: str, outlet: str) -> None:
    cleaned = clean_text(f"{line}\n{LEDE}", doc_id="r", outlet_names=[outlet])
    assert cleaned.text.splitlines() == [HEADLINE, LEDE]
    assert [(e.rule, e.action, e.result) for e in cleaned.audit] == [
        ("outlet_suffix", "changed", HEADLINE)
    ]


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        (f"{HEADLINE} | Bayview Herald", "Coastline Post"),  # another outlet's name
        (f"{HEADLINE} - Bayview", "Bayview Herald"),  # a place, not the outlet
        (f"{HEADLINE} | Editorial", "Bayview Herald"),
        (f"{HEADLINE} in Bayview Herald Square", "Bayview Herald"),  # no separator
        (f"{HEADLINE} | Bayview Herald", "unknown"),  # no outlet given
    ],
)
def test_other_endings_stay(line: str, outlet: str) -> None:
    cleaned = clean_text(line, doc_id="r", outlet_names=[outlet])
    assert cleaned.text == line
    assert not cleaned.audit


def test_a_pages_line_loses_the_outlets_name_too() -> None:
    page = [PROSE[0], f"{HEADLINE} | Bayview Herald", PROSE[1], PROSE[2]]
    cleaned = clean_text("\n".join(page), doc_id="p", outlet_names=["Bayview Herald"])
    assert HEADLINE in cleaned.text.splitlines()
    assert "Bayview Herald" not in cleaned.text
    assert [e.rule for e in cleaned.audit if e.line_no == 2] == ["outlet_suffix"]


def test_a_row_exports_title_and_text_lose_the_outlets_name(tmp_path) -> None:
    from analysis import load_corpus

    headlines = [
        f"{HEADLINE} - Bayview Herald",
        "Spring rains bring welcome relief to Kestrel Valley reservoirs - Bayview Herald",
        "Wells run dry in 12 towns as residents fear shortages | Coastline Post",
    ]
    rows = pd.DataFrame(
        {
            "source": ["Bayview Herald", "Bayview Herald", "Coastline Post"],
            "title": headlines,
            "text": [
                f"{headline}\n{lede}" for headline, lede in zip(headlines, LEDES, strict=True)
            ],
            "date": ["2025-03-01", "2025-03-02", "2025-03-03"],
        }
    )
    path = tmp_path / "headlines.csv"
    rows.to_csv(path, index=False)
    corpus = load_corpus(path, column_map="outlet=source,published=date", progress=False)
    documents = corpus.documents.set_index("doc_id")
    assert list(documents["title"]) == [h.rsplit(" ", 3)[0] for h in headlines[:2]] + [
        headlines[2].split(" | ")[0]
    ]
    assert list(documents["text"]) == LEDES  # the first line, the title, moved to it
    audit = corpus.audit
    cut = audit[audit["rule"] == "outlet_suffix"]
    assert len(cut) == 6  # each row's title (line 0) and its text's first line, both cut
    assert set(cut["line_no"]) == {0, 1}
    assert "outlet_suffix" in RULES


# a row export's repeated headlines and ledes --------------------------------------------------

WIRE_LEDE = "Officials urged residents to water lawns no more than twice a week."
ROWS = [
    ("Reservoir falls to lowest level in decades", WIRE_LEDE),
    ("Water district updates watering schedule", WIRE_LEDE),  # a lede run under two headlines
    ("Families struggle as water bills soar", WIRE_LEDE),
    ("Families struggle as water bills soar", LEDES[2]),  # the headline kept, a new lede
]


def test_a_short_texts_repeated_lines_are_no_template() -> None:
    from analysis.corpus.cleaning import line_key, template_lines

    texts = [f"{headline}\n{lede}" for headline, lede in ROWS]
    assert template_lines(texts, ["Courier"] * 4) == [frozenset()] * 4
    assert template_lines(ROWS[0][:1] * 3, ["A", "B", "C"]) == [frozenset()] * 3
    # the same lines in pages (a site's tagline over each) are a template's, as before
    pages = [
        f"Kestrel Valley news since 1901\n{text}\nStory {k} goes on at some length about the "
        "valley's farms, its wells and its water this spring."
        for k, text in enumerate(texts)
    ]
    found = template_lines(pages, ["Courier"] * 4)
    assert line_key("Kestrel Valley news since 1901") in found[0]
    assert line_key(WIRE_LEDE) in found[0]


def test_a_row_export_keeps_its_repeated_ledes_and_headlines(tmp_path) -> None:
    from analysis import load_corpus

    rows = pd.DataFrame(
        {
            "outlet": ["Valley Courier"] * 4,
            "text": [f"{headline}\n{lede}" for headline, lede in ROWS],
            "date": ["2025-03-01", "2025-03-02", "2025-03-03", "2025-03-04"],
        }
    )
    path = tmp_path / "ledes.csv"
    rows.to_csv(path, index=False)
    corpus = load_corpus(path, column_map="published=date", progress=False)
    assert list(corpus.documents["text"]) == [f"{h}\n{lede}" for h, lede in ROWS]
    assert "repeated_line" not in set(corpus.audit["rule"])
