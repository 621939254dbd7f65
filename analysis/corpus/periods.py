"""Groupings by period of the published date: ``--group-by published:month``.

``published`` is a field of each article, not a label that articles share, so a run cannot
group by it as such; a tester who wanted to compare months was sent from ``--group-by date``
("use --group-by published") to ``--group-by published`` ("a field of each article ... copy it
into a column of another name") and back. A period grouping, ``published:`` followed by one of
:data:`PERIODS`, derives each article's period from its published date: ``2025`` (year),
``2025-Q1`` (quarter), ``2025-03`` (month), ``2025-W07`` (ISO week). The derived column is
named after the period (``month``: :func:`group_column`), in the documents and the sentences,
so the notebooks, tables and summary group by it and name it as any column ("How 6 months
covered the story"); a corpus with a column of that name of its own is refused (group by that
column, or rename it). An article whose date gives no such period (none, one
kept as written such as "03/04/2025", a year alone for a month) has no value and is left out
of the comparison as the articles without a value of any grouping are
(:mod:`analysis.corpus.group_values`, rule ``no_group_value``).
"""

from __future__ import annotations

import re

import pandas as pd

PERIOD_FIELD = "published"  # the field a period grouping is derived from
PERIODS = ("year", "quarter", "month", "week")
SEPARATOR = ":"

# a published date as loading keeps it when it reads it as a date: the year, the year and
# month, or the day, with a time after it or not (analysis.loading._ISO_DATE)
_DATE_RE = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?(?:[T ].*)?")
# the labels of periods (and days), which sort as text in time order: 2025, 2025-Q1, 2025-03,
# 2025-W07, 2025-03-11 (a grouping of the user's own, a "month" column, as well as ours)
_PERIOD_LABEL_RE = re.compile(r"\d{4}(?:-(?:Q[1-4]|W\d{2}|\d{2}(?:-\d{2})?))?")


def period_of(group_by: object) -> str | None:
    """The period of a period grouping (``"month"`` of ``"published:month"``), else None
    (also for a period this module does not know: :func:`period_problem` says why)."""
    if not isinstance(group_by, str) or SEPARATOR not in group_by:
        return None
    field, _, period = group_by.partition(SEPARATOR)
    if field.strip() != PERIOD_FIELD or period.strip().lower() not in PERIODS:
        return None
    return period.strip().lower()


def group_column(group_by: str) -> str:
    """The column a run groups by for ``group_by``: the period of a period grouping
    (``"month"`` for ``"published:month"``), else ``group_by`` itself. The notebooks set their
    ``group_by`` to it once the corpus is loaded (:mod:`analysis.parameter_guard` compares the
    two as one)."""
    return period_of(group_by) or group_by


def column_clash(group_by: object, columns: object) -> str | None:
    """Why a period grouping cannot add its column to a corpus that has a column of that name
    of its own (``columns``), else None."""
    period = period_of(group_by)
    if period is None or period not in list(columns):  # type: ignore[call-overload]
        return None
    return (
        f"group_by {group_by!r} groups by a column {period!r} derived from the published date, "
        f"but the corpus has a column {period!r} of its own: group by it with --group-by "
        f"{period}, or rename it to group by {group_by}"
    )


def period_groupings() -> list[str]:
    """Every period grouping, as ``--group-by`` takes them: ``published:year``, ..."""
    return [f"{PERIOD_FIELD}{SEPARATOR}{p}" for p in PERIODS]


def period_hint() -> str:
    """How to compare periods of the published date, for the messages that refuse a grouping
    by ``published`` or by a column ``--map`` reads as it."""
    return (
        "to compare periods of the published date, group by "
        f"{' or '.join(repr(g) for g in period_groupings())}"
    )


def period_problem(group_by: object) -> str | None:
    """Why ``group_by``, written ``FIELD:PERIOD``, is no period grouping (another field, or a
    period not in :data:`PERIODS`), else None (a period grouping, or no colon at all)."""
    if not isinstance(group_by, str) or SEPARATOR not in group_by or period_of(group_by):
        return None
    field, _, period = group_by.partition(SEPARATOR)
    if field.strip() != PERIOD_FIELD:
        return (
            f"group_by {group_by!r}: a period grouping is derived from the published date, "
            f"written '{PERIOD_FIELD}{SEPARATOR}{period.strip() or 'month'}' (a corpus file's "
            f"date column read as published with --map {PERIOD_FIELD}=COLUMN); " + period_hint()
        )
    return (
        f"group_by {group_by!r}: {period.strip()!r} is no period; "
        f"{' or '.join(repr(g) for g in period_groupings())}"
    )


def period_labels(published: pd.Series, period: str) -> pd.Series:
    """Each published date's ``period`` ("2025-03" for a month), or "" when the date gives none:
    empty, not read as a date (kept as written), or less precise than the period (a year alone
    has no month, quarter or week; a year and month have no week)."""
    labels = [_label(str(value), period) for value in published.fillna("").astype(str)]
    return pd.Series(labels, index=published.index, dtype=object)


def _label(written: str, period: str) -> str:
    """The ``period`` of one published date as written, or ""."""
    match = _DATE_RE.fullmatch(written.strip())
    if match is None:
        return ""
    year, month, day = match["year"], match["month"], match["day"]
    if period == "year":
        return year
    if month is None or not 1 <= int(month) <= 12:
        return ""
    if period == "month":
        return f"{year}-{month}"
    if period == "quarter":
        return f"{year}-Q{(int(month) - 1) // 3 + 1}"
    if day is None:
        return ""
    try:
        iso_year, week, _ = pd.Timestamp(int(year), int(month), int(day)).isocalendar()
    except ValueError:  # 2025-02-30
        return ""
    return f"{iso_year}-W{week:02d}"


def with_period_column(
    documents: pd.DataFrame, sentences: pd.DataFrame, group_by: str
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``documents`` and ``sentences`` with the column of a period grouping ``group_by``
    (:func:`group_column`) holding each article's period of its published date ("" where it
    has none), or both unchanged when ``group_by`` is no period grouping; a ``ValueError``
    when the documents have a column of that name of their own (:func:`column_clash`)."""
    period = period_of(group_by)
    if period is None:
        return documents, sentences
    clash = column_clash(group_by, documents.columns)
    if clash:
        raise ValueError(clash)
    published = (
        documents[PERIOD_FIELD]
        if PERIOD_FIELD in documents.columns
        else pd.Series("", index=documents.index)
    )
    labels = period_labels(published, period)
    documents = documents.assign(**{period: labels.to_numpy()})
    by_doc = dict(zip(documents["doc_id"].astype(str), labels, strict=True))
    if "doc_id" in sentences.columns:
        sentences = sentences.assign(
            **{period: sentences["doc_id"].astype(str).map(by_doc).fillna("").to_numpy()}
        )
    return documents, sentences


def are_periods(labels: object) -> bool:
    """Whether every one of ``labels`` (two or more) names a period or a day, written so that
    it sorts in time order as text (2025, 2025-Q1, 2025-03, 2025-W07, 2025-03-11), all in one
    form: groups that the summary lists in time order rather than by size."""
    values = [str(v) for v in labels]  # type: ignore[attr-defined]
    if len(values) < 2 or not all(_PERIOD_LABEL_RE.fullmatch(v) for v in values):
        return False
    return len({_form(v) for v in values}) == 1


def _form(label: str) -> str:
    """The form of a period label: its digits as 9, so 2025-03 and 2024-11 share one."""
    return re.sub(r"\d", "9", label)
