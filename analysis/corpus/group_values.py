"""Articles without a value of the grouping column, left out of a run that groups by it.

A user's metadata cell left empty (or written "N/A", "unknown", "-") says the article has no
value of that column, not that it belongs to a group named "unknown". A tester grouping 34
articles by ``lean`` found her 5 unrated articles compared as a fourth lean, "unknown", whose
frame share was the run's only clear difference, and her corpus file's two "N/A" cells made
yet another group. A run grouped by any column but ``outlet`` (whose empty cell is a site or
"unknown", said as such in the summary) leaves such articles out, as the quality options
leave theirs: each in the audit (rule :data:`RULE`, action ``document_left_out``), in a
warning, and counted in the summary's opening.
"""

from __future__ import annotations

import pandas as pd

from analysis.config import ARTICLE_FIELDS

# Values of a metadata cell that name no value: exports and manifests write them for "not
# known" (also the spellings of no language: analysis.corpus.language.NO_LANGUAGE)
NO_VALUE = frozenset(
    {"unknown", "undetermined", "undefined", "unk", "?", "-"} | {"none", "null", "nan", "n/a", "na"}
)
RULE = "no_group_value"  # the audit's rule of an article left out so
SHOWN = 5  # articles named in the warning


def names_no_value(values: pd.Series) -> pd.Series:
    """Which of ``values`` (a metadata column) give no value: missing, empty, or one of
    :data:`NO_VALUE` in any letter case ("N/A", "Unknown")."""
    text = values.astype("string").fillna("").astype(str).str.strip().str.lower()
    return (text == "") | text.isin(NO_VALUE)


def leaves_out_no_value(group_by: str | None) -> bool:
    """Whether a run grouped by ``group_by`` leaves out the articles without a value: every
    grouping but ``outlet``, whose empty cell is the page's site or "unknown" (said in the
    summary as no outlet) and never left out."""
    return bool(group_by) and group_by != "outlet"


def without_group_value(
    documents: pd.DataFrame, sentences: pd.DataFrame, group_by: str | None
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The ``documents`` and ``sentences`` with a value of ``group_by``, and the documents left
    out (none when the run groups by ``outlet`` or the column is not in the table)."""
    if (
        not leaves_out_no_value(group_by)
        or group_by not in documents.columns
        or group_by in ARTICLE_FIELDS  # no grouping: refused by the run's checks
    ):
        return documents, sentences, documents.iloc[0:0]
    missing = names_no_value(documents[group_by])
    if not missing.any():
        return documents, sentences, documents.iloc[0:0]
    gone = documents[missing]
    gone_ids = set(gone["doc_id"].astype(str))
    kept_sentences = sentences[~sentences["doc_id"].astype(str).isin(gone_ids)]
    return (
        documents[~missing].reset_index(drop=True),
        kept_sentences.reset_index(drop=True),
        gone,
    )


def audit_rows(gone: pd.DataFrame, group_by: str) -> list[tuple[str, int, str, str, str, str]]:
    """An audit row (the audit's columns) for each document of ``gone``: rule :data:`RULE`,
    action ``document_left_out``, the cell as given in ``original``."""
    from analysis.corpus.cleaning import LEFT_OUT

    column = _written_column(gone, group_by)  # for published:month, the published date
    return [
        (str(doc_id), 0, f"{column}: {_shown(value)}", RULE, LEFT_OUT, "")
        for doc_id, value in zip(gone["doc_id"], gone[column], strict=True)
    ]


def _written_column(gone: pd.DataFrame, group_by: str) -> str:
    """The column whose cell says why an article has no ``group_by``: the grouping's own, or
    for a period of the published date (:mod:`analysis.corpus.periods`) ``published``."""
    from analysis.corpus.periods import PERIOD_FIELD, group_column, period_of

    if period_of(group_by) and PERIOD_FIELD in gone.columns:
        return PERIOD_FIELD
    return group_column(group_by)


def _shown(value: object) -> str:
    """A cell as the audit names it: "(empty)" for a blank one, else as given, quoted."""
    text = "" if value is None or (isinstance(value, float) and value != value) else str(value)
    return repr(text) if text.strip() else "(empty)"


def no_value_warning(gone: pd.DataFrame, group_by: str, n_kept: int) -> str:
    """The warning naming the articles ``gone`` for want of a value of ``group_by``."""
    from analysis.corpus.periods import period_of

    ids = [str(d) for d in gone["doc_id"]]
    shown = ", ".join(ids[:SHOWN]) + (", …" if len(ids) > SHOWN else "")
    column = _written_column(gone, group_by)
    spellings = sorted({_shown(v) for v in gone[column]})
    period = period_of(group_by)
    if period:
        return (
            f"{len(gone)} article(s) with no {period} in their published date ({shown}; "
            f"published {', '.join(spellings[:SHOWN])}"
            f"{', …' if len(spellings) > SHOWN else ''}) are left out of the comparison by "
            f"{group_by}, which compares the other {n_kept} (each in cleaning_audit.csv, rule "
            f"{RULE}); give them a published date written YYYY-MM-DD in the manifest or the "
            "corpus file's date column to compare them"
        )
    return (
        f"{len(gone)} article(s) with no {group_by} ({shown}; written {', '.join(spellings)}) "
        f"are left out of the comparison by {group_by}, which compares the other {n_kept} "
        f"(each in cleaning_audit.csv, rule {RULE}); give them a {group_by} in the manifest "
        "or corpus file to compare them"
    )
