"""analysis.corpus.date_order: ambiguous dates in numbers read in the order the corpus's other
dates agree on (a tester's exports were written in one locale, and each "03/04/2018" was left
for her to rewrite)."""

from __future__ import annotations

import pandas as pd

from analysis.corpus.cleaning import audit_frame
from analysis.corpus.date_order import corpus_date_order, read_dates_in_corpus_order
from analysis.corpus.documents import whole_document_change


def _documents(published: list[str]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "doc_id": [f"d{i}" for i in range(len(published))],
            "published": published,
            "date_note": [""] * len(published),
        }
    )


def _rewritten(*written: str) -> pd.DataFrame:
    """An audit as loading leaves it for dates already read as one day."""
    return audit_frame(
        whole_document_change(f"r{i}", f"published: {w}", "date_iso", "published: x")
        for i, w in enumerate(written)
    )


def test_the_order_is_the_one_every_unambiguous_date_agrees_on() -> None:
    assert corpus_date_order(pd.Series(["30/09/2018", "13-7-2024", "03/04/2018"])) == ("day", 2, 0)
    assert corpus_date_order(pd.Series(["09/30/2018", "1/31/24"])) == ("month", 0, 2)
    # disagreeing dates, dots (day first everywhere) and text tell nothing
    assert corpus_date_order(pd.Series(["30/09/2018", "09/30/2018"])) == (None, 1, 1)
    assert corpus_date_order(pd.Series(["31.12.2024", "May 3, 2024"])) == (None, 0, 0)


def test_ambiguous_dates_are_read_day_first_as_the_corpus_writes_them() -> None:
    documents = _documents(["2018-09-30", "03/04/2018", "n.d.", "02/02/2017"])
    documents, audit, said = read_dates_in_corpus_order(documents, _rewritten("30/09/2018"))
    assert documents["published"].tolist() == ["2018-09-30", "2018-04-03", "n.d.", "02/02/2017"]
    assert documents["date_note"].iloc[1] == (
        "Written '03/04/2018' in the corpus; read as 2018-04-03, day first as the corpus's 1 "
        "other date(s) in numbers that can be only one day."
    )
    entry = audit.iloc[-1]
    assert (entry["doc_id"], entry["rule"], entry["original"]) == (
        "d1",
        "date_order",
        "published: 03/04/2018",
    )
    assert said.startswith("1 published date(s) that could be two days (such as '03/04/2018') ")


def test_month_first_dates_and_dates_still_unread_count_as_evidence() -> None:
    documents = _documents(["12/25/2024", "3/7/2024"])
    documents, _, said = read_dates_in_corpus_order(documents, None)
    assert documents["published"].tolist() == ["12/25/2024", "2024-03-07"]
    assert "read month first" in said


def test_a_corpus_whose_dates_disagree_keeps_its_ambiguous_dates_as_written() -> None:
    documents = _documents(["03/04/2018", "2018-09-30", "2018-09-30"])
    audit = _rewritten("30/09/2018", "09/30/2018")
    kept, kept_audit, said = read_dates_in_corpus_order(documents, audit)
    assert kept is documents and kept_audit is audit and said is None
