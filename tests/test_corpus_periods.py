"""Grouping by a period of the published date: ``--group-by published:month`` (and ``:year``,
``:quarter``, ``:week``). A tester who wanted to compare months was sent from ``--group-by
date`` ("use --group-by published") to ``--group-by published`` ("copy it into a column of
another name") and back."""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest

from analysis import load_corpus
from analysis.corpus.periods import group_column, period_labels, period_of
from analysis.parameter_guard import same_value
from analysis.pipeline.params import ParameterError, check_group_column
from analysis.selection import article_field_message

ROWS = [
    ("Harbor Ledger", "2025-01-14", "Buses stop as the drivers strike."),
    ("Harbor Ledger", "2025-02-03", "The council meets the union today."),
    ("Valley Courier", "2025-01-30", "Riders wait for hours at the station."),
    ("Valley Courier", "2025-04-11T08:30:00Z", "The strike ends after a new offer."),
    ("Valley Courier", "", "A reader writes about the buses."),
    ("Harbor Ledger", "03/04/2025", "Drivers vote on the offer."),
]


def _export(tmp_path: Path, rows=ROWS, extra: str = "") -> Path:
    path = tmp_path / "export.csv"
    frame = pd.DataFrame(rows, columns=["outlet", "date", "headline"])
    if extra:
        frame[extra] = "x"
    frame.to_csv(path, index=False)
    return path


def test_each_period_is_read_from_the_published_date() -> None:
    dates = pd.Series(["2025-01-14", "2025-11-30T23:00:00Z", "2025-03", "2025", "", "3/4/2025"])
    assert period_labels(dates, "year").tolist() == ["2025", "2025", "2025", "2025", "", ""]
    assert period_labels(dates, "quarter").tolist() == ["2025-Q1", "2025-Q4", "2025-Q1", "", "", ""]
    assert period_labels(dates, "month").tolist() == ["2025-01", "2025-11", "2025-03", "", "", ""]
    # the ISO week, of the ISO year (2024-12-30 is in 2025's first week)
    weeks = period_labels(pd.Series(["2025-01-14", "2024-12-30", "2025-02-30"]), "week")
    assert weeks.tolist() == ["2025-W03", "2025-W01", ""]
    assert period_of("published:month") == "month" and period_of("month") is None
    assert group_column("published:quarter") == "quarter" and group_column("lean") == "lean"


def test_a_run_grouped_by_month_compares_the_months_and_audits_articles_without_one(
    tmp_path: Path,
) -> None:
    path = _export(tmp_path)
    with warnings.catch_warnings(record=True) as said:
        warnings.simplefilter("always")
        corpus = load_corpus(
            path, column_map="text=headline,published=date", group_by="published:month"
        )
    documents = corpus.documents
    assert sorted(documents["month"].unique()) == ["2025-01", "2025-02", "2025-04"]
    assert set(corpus.sentences["month"]) == set(documents["month"])
    # the undated article and the one whose date is kept as written are left out, audited
    audit = corpus.audit[corpus.audit["rule"] == "no_group_value"]
    assert len(audit) == 2 == len(ROWS) - len(documents)
    assert set(audit["original"]) == {"published: (empty)", "published: '03/04/2025'"}
    text = " ".join(str(w.message) for w in said)
    assert "2 article(s) with no month in their published date" in text
    assert set(corpus.left_out["option"]) == {"--group-by published:month"}


def test_the_refusals_of_published_and_date_point_to_a_period_grouping(tmp_path: Path) -> None:
    path = _export(tmp_path)
    mapping = "text=headline,published=date"
    with pytest.raises(ParameterError, match=r"group by 'published:year'.*'published:month'"):
        check_group_column(path, "published", mapping)
    with pytest.raises(ParameterError, match="'date' is read as 'published' by --map; to compare"):
        check_group_column(path, "date", mapping)
    assert "published:month" in article_field_message("published")
    check_group_column(path, "published:month", mapping)  # allowed
    with pytest.raises(ParameterError, match="'decade' is no period"):
        check_group_column(path, "published:decade", mapping)
    with pytest.raises(ParameterError, match="derived from the published date, written"):
        check_group_column(path, "date:month", mapping)


def test_a_period_grouping_is_refused_where_it_cannot_compare(tmp_path: Path) -> None:
    # the corpus's own column "month" would be replaced by the derived one
    clash = _export(tmp_path, extra="month")
    with pytest.raises(ParameterError, match="has a column 'month' of its own"):
        check_group_column(clash, "published:month", "text=headline,published=date")
    # no date at all, and every date (all written YYYY-MM-DD) in one year
    undated = _export(tmp_path, rows=[(o, "", t) for o, _, t in ROWS])
    with pytest.raises(ParameterError, match="no article of the corpus gives a published date"):
        check_group_column(undated, "published:month", "text=headline,published=date")
    with pytest.raises(ParameterError, match="every article with a value has the same one"):
        check_group_column(
            _export(tmp_path, rows=ROWS[:5]), "published:year", "text=headline,published=date"
        )
    # a date written otherwise may be read as another year by the run: judged then
    check_group_column(_export(tmp_path), "published:year", "text=headline,published=date")


def test_the_parameter_guard_takes_the_period_and_its_column_as_one() -> None:
    # the notebooks set group_by to the column ("month") once the corpus is loaded
    assert same_value("group_by", "published:month", "month")
    assert not same_value("group_by", "published:month", "quarter")
