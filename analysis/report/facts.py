"""Facts about a run that the summary states: corpus counts and hash, package versions.

The summary's methods, limitations and reproducibility sections state these instead of typed-in
values: counts from the tables (``documents.csv``, ``cleaning_audit.csv``), facts about the corpus
folder or file (its SHA-256, its files, which documents are translations) and the versions of
the installed packages.
"""

from __future__ import annotations

import importlib.metadata
import platform
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.corpus.documents import SETTINGS_FILE, read_csv_table
from analysis.io import read_table

# (distribution name, label shown)
PACKAGES = (
    ("newsframe-analysis", "analysis"),
    ("nltk", "nltk"),
    ("vaderSentiment", "vaderSentiment"),
    ("pandas", "pandas"),
    ("numpy", "numpy"),
    ("seaborn", "seaborn"),
    ("matplotlib", "matplotlib"),
    ("pyarrow", "pyarrow"),
    ("papermill", "papermill"),
    # what else shapes an output (a tester found the table short of them): the PNG writer,
    # the language guess behind the flags, the regex engine of frames and actors, the
    # extraction of saved pages, and the trained coders' library
    ("pillow", "pillow"),
    ("py3langid", "py3langid"),
    ("google-re2", "google-re2"),
    ("trafilatura", "trafilatura"),
    ("scikit-learn", "scikit-learn"),
)


def package_versions(packages: Sequence[tuple[str, str]] = PACKAGES) -> dict[str, str]:
    """Installed versions of the packages that shape the results, plus Python's, and the
    SHA-256 of the package's code (:func:`analysis.code_fingerprint.package_sha256`): its
    version alone has named outputs of different code alike."""
    from analysis.code_fingerprint import package_sha256

    versions = {"python": platform.python_version()}
    for dist, label in packages:
        try:
            versions[label] = importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            versions[label] = "not installed"
    versions["analysis code (SHA-256)"] = package_sha256()
    return versions


def corpus_sha256(corpus_dir: Path | str) -> str:
    """SHA-256 of the corpus: of the file's bytes for a corpus file (what ``sha256sum`` prints),
    over the name and bytes of every non-hidden file, by name, for a folder.

    The same definition as the cache key's fingerprint
    (:func:`analysis.corpus.documents.corpus_fingerprint`), so a reader can check that a summary was
    produced from the corpus they hold.
    """
    from analysis.corpus.documents import corpus_fingerprint

    return corpus_fingerprint(corpus_dir)


@dataclass(frozen=True)
class CorpusFacts:
    """Counts about the corpus used in the methods and limitations sections."""

    group_col: str
    n_docs: int
    n_sentences: int
    n_words: int
    per_group: tuple[tuple[str, int, int], ...]  # (group, n_docs, n_sentences)
    sha256: str
    n_files: int  # files in the corpus folder; 1 for a corpus file
    n_cleaning_changes: int  # lines (and whole documents) cleaning touched
    cleaning_actions: tuple[tuple[str, int], ...]  # (action, lines), e.g. ("removed", 14)
    translated: tuple[tuple[str, str], ...]  # (doc_id, group) whose notes mention translation
    corpus_file: str = ""  # the corpus file's name when the corpus is one file, else ""
    # the groups pooled as "Other" in the figures and comparisons (selection.folded_groups),
    # and the (doc_id, group) of their articles, so that a quote names its own group
    folded: tuple[str, ...] = ()
    folded_docs: tuple[tuple[str, str], ...] = ()
    # (language, articles) of the articles not in English (corpus.language.other_languages), by
    # the text's language where it contradicts the given one (corpus.language.language_read)
    not_english: tuple[tuple[str, int], ...] = ()
    # the articles given as English whose text reads as another language
    # (corpus.language.contradicted_documents)
    contradicted: tuple[str, ...] = ()
    # the articles given as another language whose text reads as English
    # (corpus.language.english_given_as_other)
    reads_english: tuple[str, ...] = ()
    # (group, note) of the groups, as compared, mostly not in English: each finding naming one
    # says so (analysis.report.group_languages)
    language_notes: tuple[tuple[str, str], ...] = ()
    # the outlets are the sites of the articles' addresses (outlets_are_sites)
    outlets_are_sites: bool = False
    # articles an export joined into one long line (corpus.exports.one_line_documents)
    n_one_line: int = 0
    # articles a news API cut short (corpus.exports.truncated_documents)
    n_truncated: int = 0
    # rows of a corpus file without text, and documents cleaning left without text: left out,
    # each in the audit with action "document_left_out" (cleaning.LEFT_OUT)
    n_empty_rows: int = 0
    n_emptied: int = 0
    # rows of a corpus file repeating an earlier row with its doc_id exactly (rule duplicate_row)
    n_repeated_rows: int = 0
    # near-duplicates `-p duplicates drop` or `drop_within` left out (rule near_duplicate), their
    # ids, and the run's `duplicates` (set by the summary from the run's parameters)
    n_dropped_copies: int = 0
    dropped_copies: tuple[str, ...] = ()
    duplicates: str = ""
    # articles not in English `-p other_languages drop` left out (rule other_language)
    n_dropped_languages: int = 0
    # articles without a value of the grouping column (blank, "N/A"), left out of a run grouped
    # by a column other than outlet (rule no_group_value: analysis.corpus.group_values)
    n_no_group_value: int = 0
    # grouped by a column other than outlet: (group, outlets, its largest outlet, that outlet's
    # articles) of each group, largest group first, and (doc_id, outlet) of each article, so
    # that the opening counts the outlets behind a group and a quote names its outlet (a
    # tester's "right" was mostly Fox News, said nowhere, and quoted as "— right")
    group_outlets: tuple[tuple[str, int, str, int], ...] = ()
    doc_outlets: tuple[tuple[str, str], ...] = ()
    # the tables folder as the summary names it, from the folder that holds its reports folder
    # (analysis.report.summary.tables_as_shown): a run's layout gives reports/tables
    tables_shown: str = "reports/tables"
    # the articles documents.csv lists, every one read, when --outlets chose fewer (else 0)
    n_docs_read: int = 0
    # (group, note) of the groups, as compared, some but fewer than half of whose articles are
    # not in English: each finding naming one says so (analysis.report.group_languages)
    partial_language_notes: tuple[tuple[str, str], ...] = ()
    # the audit's rows: more than the lines when several rules changed one line
    n_cleaning_rows: int = 0
    # articles with a title (given, or moved out of the text), and the first lines cleaning
    # moved to the title (rules title_line, headline_line): headlines are not analysed as text
    n_titled: int = 0
    n_title_lines: int = 0
    # flagged near-copies of another group's article, and the stories two or more groups ran,
    # as (the groups, how many stories they share) (analysis.corpus.shared_stories)
    n_copies_of_others: int = 0
    shared_stories: tuple[tuple[tuple[str, ...], int], ...] = ()
    # (group, the groups that ran every one of its stories, its articles) of each group every
    # article of which another group ran too (analysis.corpus.shared_stories.wholly_shared)
    wholly_shared: tuple[tuple[str, tuple[str, ...], int], ...] = ()
    # a column of the user's naming a kind of article ("genre", "section", "article_type")
    # whose mix differs strongly between the groups compared, and (group, articles, those with
    # a value, its most frequent value, that value's articles) of each group as compared
    # (analysis.report.genre_mix): a tester's outlets compared were mostly opinion against
    # mostly news, said nowhere
    mix_col: str = ""
    group_mixes: tuple[tuple[str, int, int, str, int], ...] = ()
    # articles too short to guess a language, none given (corpus.language.too_short_to_guess)
    n_too_short_to_guess: int = 0
    # articles of one sentence (a headlines export, short posts)
    n_one_sentence: int = 0
    # the sentences of the longest article (in sentences): under 3, no tone arc is drawn
    max_sentences: int = 0


# Of the actions on one line, the one it counts under: a line changed and then removed was
# removed (a tester's 359 audit rows were 216 lines, most changed by two rules, and the summary
# said "Of the 359 lines touched by cleaning")
_ACTION_RANK = {"removed": 0, "moved_to_metadata": 1, "changed": 2}


def line_actions(audit: pd.DataFrame) -> pd.Series:
    """One action per line the ``audit`` names (per doc_id and line_no; a row without a line
    number, a whole document's, counts alone): its removal over a move over a change. A saved
    page's blocks that extraction left out (action ``not_extracted``) are no lines of the text
    and are not counted: a tester's two pages' 97 such blocks would have made 4 lines touched
    by cleaning 101."""
    from analysis.corpus.cleaning import NOT_EXTRACTED

    if "action" in audit.columns:
        audit = audit[audit["action"].astype(str) != NOT_EXTRACTED]
    actions = audit["action"].astype(str) if "action" in audit.columns else None
    if actions is None or not {"doc_id", "line_no"} <= set(audit.columns):
        return actions if actions is not None else pd.Series([""] * len(audit), dtype=str)
    line = pd.to_numeric(audit["line_no"], errors="coerce")
    key = audit["doc_id"].astype(str) + "\0" + line.astype("string").fillna("")
    key = key.where(
        line > 0, key + "\0" + pd.Series(range(len(audit)), index=audit.index).astype(str)
    )
    rank = actions.map(_ACTION_RANK).fillna(len(_ACTION_RANK))
    frame = pd.DataFrame({"key": key, "rank": rank, "action": actions})
    first = frame.sort_values(["key", "rank", "action"], kind="stable").drop_duplicates("key")
    return first["action"].reset_index(drop=True)


# Cleaning rules that move an article's first line to its title (analysis.corpus.cleaning).
TITLE_RULES = ("title_line", "headline_line")


def _titles_from_first_lines(audit: pd.DataFrame | None, titled: pd.Series) -> int:
    """How many of the ``titled`` articles (their ``doc_id``) have a title cleaning moved there
    from the text's first lines (:data:`TITLE_RULES`): counted by article, of these articles
    only, so that it is a part of the titled ones. A tester's summary said "the titles of 15 of
    the 17 articles ... (16 of them found as the article's first line)": the 16 counted a
    gallery cleaning had then left without text, and the summary's articles do not hold it."""
    if audit is None or not {"rule", "doc_id"} <= set(audit.columns):
        return 0
    moved = audit.loc[audit["rule"].astype(str).isin(TITLE_RULES), "doc_id"].astype(str)
    return int(titled.astype(str).isin(set(moved)).sum())


def outlets_are_sites(documents: pd.DataFrame) -> bool:
    """Whether each document's ``outlet`` is the site of its ``url``
    (:func:`analysis.corpus.sites.site_of`), ``unknown`` where the address names none: as a
    corpus file without an outlet column gets them. Then an outlet is a web site, not always the
    outlet that wrote the story, and the summary says so."""
    from analysis.corpus.files import UNKNOWN
    from analysis.corpus.sites import site_of

    if documents.empty or not {"outlet", "url"} <= set(documents.columns):
        return False
    sites = documents["url"].astype("string").fillna("").map(site_of)
    expected = sites.where(sites != "", UNKNOWN)
    outlets = documents["outlet"].astype("string").fillna("")
    return bool((sites != "").any() and (outlets == expected).all())


def outlets_per_group(
    docs: pd.DataFrame, group_col: str, order: Sequence[str]
) -> tuple[tuple[str, int, str, int], ...]:
    """For a grouping other than ``outlet``: (group, its outlets, its largest outlet, that
    outlet's articles) of each group of ``order``; ``()`` grouped by outlet. The largest outlet
    is the one with most articles, ties broken by name."""
    if group_col == "outlet" or "outlet" not in docs.columns:
        return ()
    rows = []
    labels = docs[group_col].astype(str)
    for group in order:
        counts = docs.loc[labels == group, "outlet"].astype(str).value_counts()
        if counts.empty:
            continue
        top = sorted(counts.index, key=lambda o: (-int(counts[o]), o))[0]
        rows.append((str(group), len(counts), str(top), int(counts[top])))
    return tuple(rows)


def corpus_facts(
    tables_dir: Path | str,
    corpus_dir: Path | str,
    group_col: str = "outlet",
    outlets: Sequence[str] | None = None,
) -> CorpusFacts:
    """Counts from ``documents.csv`` and ``cleaning_audit.csv``, the corpus hash and the
    documents whose notes (manifest, or the ``notes`` column of a corpus file) say the text is a
    translation. ``corpus_dir`` is the corpus folder or corpus file.

    ``outlets`` (the run's selection; empty: all) limits the counts to the articles the run
    compared, so the summary describes the same groups as the tables and figures. Groups are
    listed largest first (:func:`analysis.selection.groups_by_volume`), periods (2025-01,
    2025-Q1) in time order (:func:`analysis.selection.groups_in_order`)."""
    from analysis.corpus.cleaning import LEFT_OUT
    from analysis.corpus.exports import one_line_documents, truncated_documents
    from analysis.corpus.group_values import RULE as NO_VALUE_RULE
    from analysis.corpus.language import (
        contradicted_documents,
        english_given_as_other,
        language_read,
        other_languages,
        too_short_to_guess,
    )
    from analysis.corpus.shared_stories import (
        copies_of_other_groups,
        stories_by_groups,
        wholly_shared,
    )
    from analysis.figures import OTHER_LABEL
    from analysis.report.genre_mix import group_mixes, mix_column
    from analysis.report.group_languages import language_notes, partial_language_notes
    from analysis.selection import folded_groups, groups_by_volume, groups_in_order, keep_outlets

    tables = Path(tables_dir)
    docs = read_table(tables / "documents.csv", dtype={"doc_id": str})
    if group_col not in docs.columns:
        raise KeyError(f"documents.csv has no column {group_col!r}")
    n_read = len(docs)
    docs = keep_outlets(docs, outlets, strict=False).reset_index(drop=True)
    docs[group_col] = docs[group_col].astype(str)
    per_group = (
        docs.groupby(group_col, sort=True)
        .agg(n_docs=("doc_id", "size"), n_sentences=("n_sentences", "sum"))
        .reindex(groups_in_order(docs, group_col))  # periods in time order
        .rename_axis(group_col)
        .reset_index()
    )
    audit_path = tables / "cleaning_audit.csv"
    audit = read_table(audit_path, dtype={"doc_id": str}) if audit_path.is_file() else None
    n_empty_rows = n_emptied = n_dropped_copies = n_repeated_rows = n_dropped_languages = 0
    n_no_group_value = 0
    dropped_copies: tuple[str, ...] = ()
    if audit is not None and "action" in audit.columns:  # rows and documents, not lines
        left_out = audit["action"].astype(str) == LEFT_OUT
        rules = audit.loc[left_out, "rule"].astype(str)
        n_empty_rows = int((rules == "empty_text").sum())
        n_emptied = int((rules == "no_text_left").sum())
        n_dropped_copies = int((rules == "near_duplicate").sum())
        dropped_copies = tuple(
            audit.loc[left_out & (audit["rule"].astype(str) == "near_duplicate"), "doc_id"]
            .astype(str)
            .tolist()
        )
        n_repeated_rows = int((rules == "duplicate_row").sum())
        n_dropped_languages = int((rules == "other_language").sum())
        n_no_group_value = int((rules == NO_VALUE_RULE).sum())
        audit = audit[~left_out]
    if audit is not None and outlets:
        audit = audit[audit["doc_id"].astype(str).isin(set(docs["doc_id"]))]
    n_rows = 0 if audit is None else len(audit)
    per_line = None if audit is None else line_actions(audit)
    n_changes = n_rows if per_line is None else len(per_line)
    titles = docs["title"] if "title" in docs.columns else pd.Series("", index=docs.index)
    titled = titles.astype("string").fillna("").str.strip() != ""
    n_titled = int(titled.sum())
    n_title_lines = _titles_from_first_lines(audit, docs.loc[titled, "doc_id"])
    actions: tuple[tuple[str, int], ...] = ()
    if per_line is not None and "action" in audit.columns:
        counts = per_line.value_counts()
        actions = tuple((str(a), int(counts[a])) for a in sorted(counts.index))
    folded = folded_groups(groups_by_volume(docs, group_col))  # the smallest are pooled
    pooled = set(folded)
    corpus = Path(corpus_dir)
    translated: list[tuple[str, str]] = []
    manifest = corpus / "manifest.csv"
    notes = None
    if corpus.is_dir() and manifest.is_file():
        notes = read_csv_table(manifest, corpus)  # as the run read it (any separator)
    elif corpus.is_file() and "notes" in docs.columns:
        notes = docs[["doc_id", "notes"]].fillna("").astype(str)
    if notes is not None and "notes" in notes.columns:
        hits = notes[notes["notes"].str.contains("translat", case=False)]
        groups = dict(zip(docs["doc_id"], docs[group_col], strict=True))
        translated = [(d, groups.get(d, "")) for d in sorted(hits["doc_id"])]
    if corpus.is_file():
        files = [corpus]
    else:
        files = [
            p
            for p in corpus.iterdir()
            if p.is_file() and not p.name.startswith(".") and p.name != SETTINGS_FILE
        ]  # as corpus_fingerprint hashes them
    as_compared = docs.assign(  # the groups as the run compares them: "Other" pooled
        **{group_col: docs[group_col].where(~docs[group_col].isin(pooled), OTHER_LABEL)}
    )
    mix_col = mix_column(as_compared, group_col)
    compared = [g for g in per_group[group_col] if g not in pooled] + [OTHER_LABEL] * bool(pooled)
    return CorpusFacts(
        group_col=group_col,
        n_docs=len(docs),
        n_sentences=int(docs["n_sentences"].sum()),
        n_words=int(docs["n_words"].sum()) if "n_words" in docs else 0,
        per_group=tuple(
            (str(r[group_col]), int(r["n_docs"]), int(r["n_sentences"]))
            for _, r in per_group.iterrows()
        ),
        sha256=corpus_sha256(corpus),
        n_files=len(files),
        n_cleaning_changes=n_changes,
        n_cleaning_rows=n_rows,
        cleaning_actions=actions,
        translated=tuple(translated),
        corpus_file=corpus.name if corpus.is_file() else "",
        folded=tuple(folded),
        not_english=tuple(other_languages(docs.assign(language=language_read(docs)))),
        contradicted=tuple(contradicted_documents(docs)),
        reads_english=tuple(english_given_as_other(docs)),
        language_notes=tuple(language_notes(as_compared, group_col).items()),
        partial_language_notes=tuple(partial_language_notes(as_compared, group_col).items()),
        outlets_are_sites=group_col == "outlet" and outlets_are_sites(docs),
        n_one_line=int(one_line_documents(docs).sum()),
        n_too_short_to_guess=int(too_short_to_guess(docs).sum()),
        n_one_sentence=int((pd.to_numeric(docs["n_sentences"], errors="coerce") == 1).sum()),
        max_sentences=int(pd.to_numeric(docs["n_sentences"], errors="coerce").fillna(0).max())
        if len(docs)
        else 0,
        n_truncated=0 if audit is None else len(truncated_documents(audit)),
        n_empty_rows=n_empty_rows,
        n_repeated_rows=n_repeated_rows,
        n_emptied=n_emptied,
        n_dropped_copies=n_dropped_copies,
        dropped_copies=dropped_copies,
        n_dropped_languages=n_dropped_languages,
        n_no_group_value=n_no_group_value,
        group_outlets=outlets_per_group(docs, group_col, per_group[group_col].tolist()),
        doc_outlets=(
            tuple(zip(docs["doc_id"].astype(str), docs["outlet"].astype(str), strict=True))
            if group_col != "outlet" and "outlet" in docs.columns
            else ()
        ),
        n_docs_read=n_read if n_read > len(docs) else 0,
        n_titled=n_titled,
        n_title_lines=n_title_lines,
        n_copies_of_others=int(copies_of_other_groups(docs, group_col).sum()),
        shared_stories=tuple(stories_by_groups(docs, group_col)),
        wholly_shared=tuple(wholly_shared(docs, group_col)),
        mix_col=mix_col,
        group_mixes=group_mixes(as_compared, group_col, mix_col, compared) if mix_col else (),
        folded_docs=tuple(
            (str(d), str(g))
            for d, g in zip(docs["doc_id"], docs[group_col], strict=True)
            if g in pooled
        ),
    )
