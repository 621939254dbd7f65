"""Quotations over several sentences or paragraphs (:mod:`analysis.framing.quote_continuations`):
quoted throughout and credited to the speaker named where they close or open, within a document."""

from __future__ import annotations

import pandas as pd

from analysis.corpus.sentences import split_sentences
from analysis.framing.quote_continuations import (
    MAX_INSIDE,
    ContinuedQuotation,
    continued_quotations,
)
from analysis.framing.sourcing import sourcing_matrix

# The English convention: each paragraph opens with a quotation mark, only the last closes.
CLOSED_AT_END = """The board voted to cut the district's budget on Tuesday.

“My son has told me he wants to leave the school. His teachers are gone.

“If the district cuts the music program too, we will move,” said Maria Ruiz, a parent.

The vote was 4-1."""

OPENED_WITH_SPEAKER = (
    "Maria Ruiz, a parent, said: “My son has told me he wants to leave. His friends are gone.\n"
    "\n“Nobody at the district has asked the families what they need.”\n"
    "\nThe vote was 4-1."
)


def _table(text: str) -> tuple[list[str], pd.DataFrame]:
    sentences = split_sentences(text)
    return sentences, sourcing_matrix(sentences, doc_ids=["d1"] * len(sentences))


def _row(sentences: list[str], table: pd.DataFrame, start: str) -> pd.Series:
    (at,) = [i for i, s in enumerate(sentences) if s.startswith(start)]
    return table.iloc[at]


def test_a_quotation_over_paragraphs_is_quoted_and_credited_where_it_closes() -> None:
    sentences, table = _table(CLOSED_AT_END)
    for start in ("“My son", "His teachers", "“If the district"):
        row = _row(sentences, table, start)
        assert row["has_quote"] and row["attributed"], start
        assert row["source_citizens"], start  # Maria Ruiz, a parent
    # the verb inside the quotation is what the parent says, not an attribution of its own
    assert pd.isna(_row(sentences, table, "“My son")["attribution_verb"])
    narrative = _row(sentences, table, "The vote")
    assert not narrative["has_quote"] and not narrative["attributed"]


def test_read_alone_the_quotation_is_not_continued() -> None:
    sentences = split_sentences(CLOSED_AT_END)
    alone = sourcing_matrix(sentences)
    row = _row(sentences, alone, "His teachers")
    assert not row["has_quote"] and not row["source_citizens"]


def test_a_quotation_opened_by_its_named_speaker_credits_them() -> None:
    sentences, table = _table(OPENED_WITH_SPEAKER)
    opening = _row(sentences, table, "Maria Ruiz")
    assert opening["attribution_verb"] == "say" and opening["source_citizens"]
    for start in ("His friends", "“Nobody"):
        row = _row(sentences, table, start)
        assert row["has_quote"] and row["source_citizens"], start
    assert not _row(sentences, table, "The vote")["attributed"]


def test_a_quotation_inside_the_quotation_stays_inside_it() -> None:
    text = (
        "“The teachers left first. The principal told us, ‘Find another school.’\n"
        "“Now we are looking,” said Maria Ruiz, a parent."
    )
    sentences, table = _table(text)
    row = _row(sentences, table, "The principal")
    assert row["has_quote"] and pd.isna(row["attribution_verb"])  # "told" is the parent's word
    assert row["source_citizens"]


def test_a_closed_quotation_continues_into_nothing() -> None:
    text = (
        "“We have no water left to give,” said Maria Ruiz, a parent.\n"
        "Her neighbour has told the board he is leaving."
    )
    sentences, table = _table(text)
    row = _row(sentences, table, "Her neighbour")
    assert not row["has_quote"]
    assert row["attribution_verb"] == "tell"  # an attribution of its own, outside any quotation
    assert continued_quotations(sentences, ["d1"] * len(sentences)) == []


def test_an_apostrophe_opening_a_paragraph_opens_no_quotation() -> None:
    text = (
        "’Tis the season of cuts, the district told growers on Tuesday.\n"
        "’90s droughts were worse, a parent said.\n"
        "Allocations fall to 40 percent in June."
    )
    sentences, table = _table(text)
    assert continued_quotations(sentences, ["d1"] * len(sentences)) == []
    assert not table["has_quote"].any()
    assert table["attribution_verb"].tolist()[:2] == ["tell", "say"]
    assert not table["attributed"].iloc[2]


def test_an_unclosed_quotation_that_never_closes_is_not_continued() -> None:
    sentences = [
        "“We will fight this in court.",
        "The district has told growers to plan for less water.",
        "Allocations fall to 40 percent in June.",
    ]
    assert continued_quotations(sentences, ["d1"] * 3) == []
    table = sourcing_matrix(sentences, doc_ids=["d1"] * 3)
    assert table["attribution_verb"].iloc[1] == "tell"
    assert not table["has_quote"].iloc[1]


def test_continued_quotations_stop_at_a_document_and_at_the_reach() -> None:
    quotation = ["“It opens here.", "It goes on.", "“It goes on in a paragraph.", "It ends.”"]
    found = continued_quotations(quotation, ["d1"] * 4)
    assert found == [ContinuedQuotation(0, (1, 2), 3)]
    # the closing in another document closes nothing of this one (d2's own quotation is one)
    in_two = continued_quotations(quotation, ["d1", "d1", "d2", "d2"])
    assert in_two == [ContinuedQuotation(2, (), 3)]
    # a new quotation opening mid-sentence while one is open: not a continued quotation
    assert continued_quotations(["“It opens.", "He then said “no” twice.", "Ends.”"], [1] * 3) == []
    too_long = ["“It opens."] + ["More."] * (MAX_INSIDE + 1) + ["Ends.”"]
    assert continued_quotations(too_long, [1] * len(too_long)) == []
    within = ["“It opens."] + ["More."] * MAX_INSIDE + ["Ends.”"]
    assert len(continued_quotations(within, [1] * len(within))) == 1


def test_a_mark_ending_the_opening_sentence_quotes_nothing_there() -> None:
    sentences = ["They had rooms across from each other. “", "He has been here a long time.”"]
    table = sourcing_matrix(sentences, doc_ids=["d1", "d1"])
    assert continued_quotations(sentences, ["d1", "d1"]) == [ContinuedQuotation(0, (), 1)]
    assert not table["has_quote"].iloc[0]
    assert table["has_quote"].iloc[1]
