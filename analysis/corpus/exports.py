"""What exports do to articles: files of several articles, articles joined into one line
(internal).

Researchers often save a LexisNexis, Nexis Uni or Factiva search as one plain-text file of many
articles. Put in a corpus folder, such a file is read as one article: its outlets, dates and
tones are pooled, its sentences counted once, and nothing looks wrong in the tables. The
databases mark where each article starts or ends with lines of their own, which this module
counts so that loading can warn:

- LexisNexis Academic: ``12 of 100 DOCUMENTS`` before each article;
- Nexis Uni: ``End of Document`` after each article;
- Factiva: ``Document WSJ0000020180315ee3f0004d`` (its 25-character id) after each article
  (``Dokument``, ``Documento``... in its other interfaces).

Two or more marks of one kind in a file mean several articles. In a folder without a manifest,
the three databases' exports are split into their articles
(:mod:`analysis.corpus.database_exports`, :mod:`analysis.corpus.factiva`); what is left to warn
about is a file a manifest lists as one article, and a layout that is not read (Factiva's
indexing codes run into their values, "HD Port strike").

A news API or feed may also give only the start of each article: NewsAPI cuts its ``content``
to 200 characters and ends it with "… [+2712 chars]"; an RSS feed's item often holds an excerpt
ending in "[…]" or "Continue reading →". Cleaning cuts the marks (audit rules
``truncation_mark``, ``excerpt_mark``) and :func:`truncated_warning` says how many articles were
cut.

An export can also join each article's paragraphs into one line (many CSV exports of scraped
news do). Cleaning removes boilerplate line by line (a menu, a share prompt, a caption is a
line of its own on a page), so inside such a line it removes nothing:
:func:`one_line_warning` says so when a corpus has such articles.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from analysis.corpus.database_exports import LEXIS_START_MARK, NEXIS_END_MARK
from analysis.corpus.factiva import FACTIVA_END_MARK
from analysis.user_warnings import first_ids

# Each kind of mark, as a whole line (a Windows line end too); the two the loader splits on are
# its own (analysis.corpus.database_exports)
ARTICLE_MARKS: dict[str, re.Pattern[str]] = {
    "LexisNexis ('N of M DOCUMENTS')": re.compile(rf"^[ \t]*{LEXIS_START_MARK}[ \t\r]*$", re.M),
    "Nexis Uni ('End of Document')": re.compile(rf"^[ \t]*{NEXIS_END_MARK}[ \t\r]*$", re.M),
    "Factiva ('Document <id>')": re.compile(rf"^[ \t]*{FACTIVA_END_MARK}[ \t\r]*$", re.M),
}


def article_marks(text: str) -> tuple[str, int]:
    """The kind of database mark found most often in ``text`` and how many times, or
    ``("", 0)`` when there is none."""
    best = ("", 0)
    for kind, pattern in ARTICLE_MARKS.items():
        n = len(pattern.findall(text))
        if n > best[1]:
            best = (kind, n)
    return best


def several_articles_warning(names: list[str], texts: list[str], listed: bool = True) -> str | None:
    """The warning for the files among ``names`` whose ``texts`` hold two or more marks of one
    database's articles (:func:`article_marks`), naming each with its count; None when none
    does. ``listed``: the files are listed in a manifest, which names one article per file (in
    a folder without one, the databases' exports are split into their articles:
    :mod:`analysis.corpus.database_exports`)."""
    found = []
    kinds = set()
    for name, text in zip(names, texts, strict=True):
        kind, n = article_marks(text)
        if n >= 2:
            found.append(f"{name} ({n} marks of {kind})")
            kinds.add(kind)
    if not found:
        return None
    advice = (
        "Save each article as its own .txt file (with a manifest.csv row), or export the search "
        "as CSV, one article per row."
    )
    if listed:
        advice += (
            " A Nexis Uni, LexisNexis or Factiva export is split into its articles, each with "
            "its headline, publication and date, in a folder without a manifest.csv (a "
            "metadata.csv with a 'file' column can give the other files' outlets instead; "
            "Factiva's in its Article Format)."
        )
    elif any(kind.startswith("Factiva") for kind in kinds):
        advice += (
            " A Factiva export is read as its articles when each field code (HD, SN, PD...) "
            "stands apart from its value (a line of its own, a tab or an RTF table) or when it "
            "is in the Article Format: save the search so."
        )
    return (
        f"{len(found)} file(s) look like a news database's export of several articles, read as "
        f"one article each: {'; '.join(found)}. Their tone, frames and counts pool every "
        f"article in them. {advice}"
    )


# An article of at least this many words on one line was joined by its export: a page's article
# has paragraphs, and a single paragraph of news copy is rarely longer than this.
ONE_LINE_MIN_WORDS = 150


def one_line_documents(documents: pd.DataFrame) -> pd.Series:
    """Which ``documents`` (``text`` and ``n_words`` columns) are one line of at least
    :data:`ONE_LINE_MIN_WORDS` words after cleaning."""
    if documents.empty or not {"text", "n_words"} <= set(documents.columns):
        return pd.Series(False, index=documents.index)
    text = documents["text"].fillna("").astype(str)
    return ~text.str.contains("\n", regex=False) & (documents["n_words"] >= ONE_LINE_MIN_WORDS)


def one_line_warning(documents: pd.DataFrame) -> str | None:
    """The warning for documents that are one long line (:func:`one_line_documents`), with how
    many and a few ids; None when there are none."""
    joined = one_line_documents(documents)
    n = int(joined.sum())
    if not n:
        return None
    ids = documents.loc[joined, "doc_id"].astype(str).tolist() if "doc_id" in documents else []
    shown = first_ids(ids)
    return (
        f"{n} of {len(documents)} documents are one line of {ONE_LINE_MIN_WORDS} words or more "
        f"({shown}): their export joined each article's paragraphs. Cleaning removes "
        "boilerplate line by line, so menus, share and newsletter prompts or captions inside "
        "those lines were left in the text. Export the articles with their line breaks if you "
        "can."
    )


# The cleaning rules that cut the mark of an article cut short.
TRUNCATION_RULES = ("truncation_mark", "excerpt_mark")


def truncated_documents(audit: pd.DataFrame) -> list[str]:
    """The ids of the documents whose text a news API or feed cut short: those the cleaning
    audit records a ``truncation_mark`` (NewsAPI's "… [+2712 chars]") or an ``excerpt_mark``
    ("[…]", "Continue reading →") for, sorted."""
    if audit.empty or not {"doc_id", "rule"} <= set(audit.columns):
        return []
    hits = audit.loc[audit["rule"].astype(str).isin(TRUNCATION_RULES), "doc_id"]
    return sorted(set(hits.astype(str)))


def truncated_documents_in_parquet(path: Path | str) -> list[str]:
    """:func:`truncated_documents` of a cleaning audit written as Parquet (``process``'s
    ``cleaning_audit.parquet``): only its ``doc_id`` and ``rule`` columns, and only the rows of
    :data:`TRUNCATION_RULES`, are read; empty when the file or a column is missing."""
    import pyarrow.parquet as pq

    path = Path(path)
    if not path.is_file() or not {"doc_id", "rule"} <= set(pq.read_schema(path).names):
        return []
    rows = pq.read_table(
        path, columns=["doc_id", "rule"], filters=[("rule", "in", list(TRUNCATION_RULES))]
    )
    return truncated_documents(rows.to_pandas())


def truncated_warning(audit: pd.DataFrame, n_documents: int) -> str | None:
    """The warning for documents a news API or feed cut short (:func:`truncated_documents`),
    with how many and a few ids; None when there are none."""
    return cut_short_warning(truncated_documents(audit), n_documents)


def cut_short_warning(ids: list[str], n_documents: int) -> str | None:
    """The warning for the documents ``ids`` (of ``n_documents``) that a news API or feed cut
    short, naming a few; None when there are none."""
    if not ids:
        return None
    shown = first_ids(ids)
    return (
        f"{len(ids)} of {n_documents} documents end with the mark of a text cut short, a news "
        f"API's '… [+2712 chars]' or a feed's '[…]' or 'Continue reading' ({shown}): NewsAPI "
        "gives only the first 200 characters of each article, a feed often an excerpt, so their "
        "tone, frames and sources describe the opening, not the article. Fetch the full texts "
        "(from the articles' addresses) to analyse them."
    )
