"""Dates in numbers whose order (day or month first) only the rest of the corpus can tell.

"03/04/2018" is 3 April or 4 March; read alone it stays as written (loading warns that it does
not sort as a date). An export is written by one program in one locale, though, so its other
dates tell the order: when every date of the corpus written with slashes or hyphens that can
only be one day ("30/09/2018", "13-7-2024") puts the day first, the ambiguous ones are read day
first too, and likewise month first. A corpus whose dates disagree, or have no such date, keeps
its ambiguous dates as written. Each date read so is in the audit (rule ``date_order``) and
its ``date_note``, and loading says how many were read and from what evidence.

A tester's European export had "31.12.24" and "01.02.2024"; a US one "3/7/2024" beside
"12/25/2024": each date a user must rewrite by hand is one the corpus already answered.
"""

from __future__ import annotations

import re
from datetime import date

import pandas as pd

from analysis.corpus.cleaning import audit_frame
from analysis.corpus.documents import numeric_date_parts, whole_document_change

RULE = "date_order"
_WRITTEN_RE = re.compile(r"published: (?P<written>.*)", re.S)


def corpus_date_order(written: pd.Series) -> tuple[str | None, int, int]:
    """``(order, day_first, month_first)`` of the dates ``written`` (each as the corpus wrote
    it) that use slashes or hyphens and can be only one day: how many put the day first
    ("30/09/2018") and the month first ("09/30/2018"), and the order they agree on
    (``"day"``/``"month"``), or None when they disagree or there are none."""
    day_first = month_first = 0
    for value in written.astype(str):
        parts = numeric_date_parts(value)
        if parts is None or parts[1] == ".":  # dots are day first everywhere
            continue
        first, _, second, _ = parts
        if first > 12 >= second:
            day_first += 1
        elif second > 12 >= first:
            month_first += 1
    if day_first and not month_first:
        return "day", day_first, month_first
    if month_first and not day_first:
        return "month", day_first, month_first
    return None, day_first, month_first


def read_dates_in_corpus_order(
    documents: pd.DataFrame, audit: pd.DataFrame | None
) -> tuple[pd.DataFrame, pd.DataFrame | None, str | None]:
    """``(documents, audit, said)``: the documents whose ``published`` is still an ambiguous
    date in numbers, read in the order the corpus's other dates agree on, each with its
    ``date_note`` and an audit entry; ``said`` is the sentence to warn with (None when nothing
    was read). Documents and audit are returned unchanged when there is nothing to read or no
    order the corpus agrees on."""
    if "published" not in documents.columns or documents.empty:
        return documents, audit, None
    published = documents["published"].fillna("").astype(str)
    ambiguous = published.map(_is_ambiguous)
    if not ambiguous.any():
        return documents, audit, None
    order, day_first, month_first = corpus_date_order(
        pd.concat([_written_dates(audit), published], ignore_index=True)
    )
    if order is None:
        return documents, audit, None
    evidence = day_first if order == "day" else month_first
    documents = documents.copy()
    notes = documents["date_note"].fillna("").astype(str) if "date_note" in documents else None
    entries = []
    for i in documents.index[ambiguous]:
        written = published[i]
        iso = _in_order(written, order)
        documents.at[i, "published"] = iso
        note = (
            f"Written '{written.strip()}' in the corpus; read as {iso}, {order} first as the "
            f"corpus's {evidence} other date(s) in numbers that can be only one day."
        )
        if notes is not None:
            documents.at[i, "date_note"] = f"{notes[i]} {note}".strip()
        entries.append(
            whole_document_change(
                str(documents.at[i, "doc_id"]),
                f"published: {written}",
                RULE,
                f"published: {iso} (read {order} first, as the corpus's other dates)",
            )
        )
    added = audit_frame(entries)
    audit = added if audit is None or audit.empty else pd.concat([audit, added], ignore_index=True)
    said = (
        f"{len(entries)} published date(s) that could be two days (such as "
        f"'{published[ambiguous].iloc[0].strip()}') were read {order} first, as the corpus's "
        f"{evidence} other date(s) in numbers that can be only one day put the {order} first "
        f"(each in cleaning_audit.csv, rule {RULE}); write dates as YYYY-MM-DD to set them yourself"
    )
    return documents, audit, said


def _is_ambiguous(written: str) -> bool:
    """Whether ``written`` is a date in slashes or hyphens whose day and month may swap."""
    parts = numeric_date_parts(written)
    if parts is None or parts[1] == ".":
        return False
    first, _, second, _ = parts
    return first <= 12 and second <= 12 and first != second


def _in_order(written: str, order: str) -> str:
    """The ISO date of the ambiguous ``written`` read ``order`` (``"day"``/``"month"``) first."""
    first, _, second, year = numeric_date_parts(written)  # type: ignore[misc]
    day, month = (first, second) if order == "day" else (second, first)
    return date(year, month, day).isoformat()


def _written_dates(audit: pd.DataFrame | None) -> pd.Series:
    """The dates as the corpus wrote them of the ``published`` values rewritten as ISO dates
    (audit rule ``date_iso``, ``original`` "published: 30/09/2018")."""
    if audit is None or audit.empty:
        return pd.Series([], dtype=str)
    rewritten = audit.loc[audit["rule"] == "date_iso", "original"].astype(str)
    return rewritten.str.extract(_WRITTEN_RE, expand=False).dropna()
