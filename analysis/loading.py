"""The one public way to load a corpus: :func:`load_corpus` (``analysis.load_corpus``).

A corpus is a folder (one UTF-8 ``.txt`` per article and a ``manifest.csv``, like the bundled
``seeds/``) or one export file (``.csv``, ``.tsv``, ``.json``, ``.jsonl``, ``.parquet``, possibly
compressed, with the columns ``python -m analysis process`` takes), or a folder of such files (a
news API's pages, read as one corpus). Either way it comes back as a
:class:`~analysis.corpus.documents.Corpus`: the documents, their sentences and the cleaning audit,
with every per-sentence measure when asked, from a cache when one is given.

A folder is loaded whole and all-or-nothing (:mod:`analysis.corpus.documents`). A file is read in
chunks (:mod:`analysis.corpus.files`) and each chunk cleaned, split and measured by
:func:`analysis.measure.chunk.process_chunk` on every core
(:func:`analysis.measure.engine.map_chunks`); the tables are the same as with one process.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import sys
import warnings
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.config import default_corpus_dir, project_root
from analysis.corpus.documents import Corpus, build_corpus, text_metadata_columns
from analysis.measure.cache import cache_key, entry_warnings, read_entry, write_entry
from analysis.settings import Lexicons, resolve_lexicons
from analysis.user_warnings import warn_user

_PARTS = ("documents", "sentences", "audit")


def load_corpus(
    source: Path | str | None = None,
    *,
    measures: bool = False,
    codebook: Path | str | None = None,
    cache_dir: Path | str | None = None,
    column_map: Mapping[str, str] | str | None = None,
    jobs: int | None = None,
    progress: bool = True,
    chunk_size: int | None = None,
    duplicates: str = "flag",
    lexicons: Lexicons | None = None,
    other_languages: str = "keep",
    group_by: str = "outlet",
) -> Corpus:
    """Load a corpus folder or corpus file as documents, sentences and cleaning audit.

    ``source`` is a corpus folder, a corpus file (CSV/TSV, JSON, JSON Lines, Parquet or a
    workbook), or a folder of corpus files read as one (default: the bundled ``seeds/``); a
    relative path that does not exist from the working directory is looked up under the
    project root, so ``load_corpus("seeds")`` works from a notebook too. Returns a
    :class:`~analysis.corpus.documents.Corpus` whose tables follow the contracts in
    DEVELOPERS.md (``.documents`` is the documents table).

    - ``measures=True`` adds every per-sentence measure (sentiment, actors, frames with
      ``codebook``, sourcing, hedging) to the sentences table, with the ``lexicons`` (default:
      the corpus folder's ``analysis.toml`` if it has one, else the package's; see
      :mod:`analysis.settings`); ``codebook`` overrides their codebook.
    - ``cache_dir`` keeps the result there, keyed by a hash of the corpus, the codebook, the
      lexicons and the package version, and reads it back while none of them changes (see
      :mod:`analysis.measure.cache`).
    - ``column_map`` maps our column names to a file's, e.g. ``"text=body,outlet=source"`` or
      ``{"text": "body"}``; a folder takes its metadata from its manifest instead.
    - A file is processed ``chunk_size`` documents at a time (default 500) on ``jobs`` processes
      (default: every core; the tables do not depend on either), with a progress bar on stderr
      when it has more than one chunk (``progress=False`` hides it). Documents whose text is
      empty after cleaning are left out of a file's tables with a warning.
    - The documents carry quality flags (:mod:`analysis.corpus.quality`: lines removed, short,
      truncated, fragments, near-duplicates in ``duplicate_of``); ``duplicates`` is ``"flag"``
      (default: keep and flag copies), ``"keep"`` (keep, no flag), ``"drop"`` (leave them out) or
      ``"drop_within"`` (leave out the copies of an article of the same outlet only).
    - ``other_languages`` is ``"keep"`` (default: documents not in English by their language,
      given or guessed, stay, flagged ``language``) or ``"drop"`` (leave them out, each in the
      audit with rule ``other_language``).
    - ``group_by`` (the run's grouping; default ``outlet``): grouped by another column, the
      documents without a value of it (blank, "N/A", "unknown") are left out, each in the
      audit (:mod:`analysis.corpus.group_values`); ``published:month`` (``:year``,
      ``:quarter``, ``:week``) groups by the period of each published date, a column
      ``month`` (``year``...) added to the documents and sentences
      (:mod:`analysis.corpus.periods`).

    A folder with a problem (missing or unlisted files, duplicate ids, undecodable files, an
    article file with no text left; a database export's article without text is left out with
    a warning instead) raises :class:`~analysis.corpus.documents.CorpusError` naming
    every problem; a file with one raises :class:`~analysis.corpus.files.CorpusFileError`; a
    source that does not exist raises :class:`CorpusNotFoundError` (a
    :class:`FileNotFoundError`); a file with no row of text raises
    :class:`~analysis.corpus.files.CorpusFileError`.
    """
    from analysis.corpus.quality import DUPLICATE_MODES, LANGUAGE_MODES

    if duplicates not in DUPLICATE_MODES:
        raise ValueError(f"duplicates must be one of {DUPLICATE_MODES}, got {duplicates!r}")
    if other_languages not in LANGUAGE_MODES:
        raise ValueError(
            f"other_languages must be one of {LANGUAGE_MODES}, got {other_languages!r}"
        )
    path = _resolve(source)
    from analysis.corpus.documents import folder_exports

    articles = path.is_dir() and not folder_exports(path)  # else a file, or a folder of them
    if column_map and articles:
        raise ValueError(
            f"{path}: a column mapping applies to a corpus file, not a folder; "
            "a folder's metadata comes from its manifest.csv"
        )
    if lexicons is None:
        lexicons = resolve_lexicons(path)
    if codebook:
        lexicons = lexicons.replace(codebook=codebook)
    entry = None
    if cache_dir is not None:
        key = cache_key(
            path, None, column_map, measures=measures, lexicons=lexicons if measures else None
        )
        entry = Path(cache_dir) / key
        cached = read_entry(entry)
        if cached is not None:  # what reading the corpus warned about is said again
            for message in entry_warnings(entry):
                warn_user(message)
            return _warned(_with_quality(cached, duplicates, other_languages, group_by), duplicates)
    with warnings.catch_warnings(record=True) as said:
        warnings.simplefilter("always", UserWarning)  # each said once below, as it would be
        if articles:
            corpus = _without_text_metadata(
                _load_folder(path, measures=measures, lexicons=lexicons)
            )
        else:
            corpus = _load_file(
                path,
                measures=measures,
                lexicons=lexicons,
                columns=column_map,
                jobs=jobs,
                progress=progress,
                chunk_size=chunk_size,
            )
        corpus = _with_dates_as_written_noted(_dates_in_corpus_order(corpus))
    shown: dict[tuple[str, type[Warning]], warnings.WarningMessage] = {}
    for warning in said:  # each once, as the default filter shows it
        shown.setdefault((str(warning.message), warning.category), warning)
    for warning in shown.values():  # shown now, at the caller's line, and kept with the entry
        warn_user(warning.message, warning.category)
    if entry is not None:
        user = [text for text, category in shown if issubclass(category, UserWarning)]
        write_entry(corpus, entry, user)
    return _warned(_with_quality(corpus, duplicates, other_languages, group_by), duplicates)


# 2025, 2025-03, 2025-03-11, and an ISO 8601 date and time (a news API's "2019-09-28T00:00:00Z"),
# which sort and compare as dates too
_ISO_DATE = (
    r"\d{4}(?:-\d{2}(?:-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?"
    r"(?:Z|[+-]\d{2}(?::?\d{2})?)?)?)?)?"
)
DATES_SHOWN = 3


def _warn_dates_as_written(documents: pd.DataFrame, odd: pd.Series) -> None:
    """Warn, once, of the articles whose ``published`` is not an ISO date (``odd``, by
    :func:`_dates_as_written`: not YYYY-MM-DD, the year and month, or the year): such a date is
    kept as written, so it sorts and compares as text ("11/03/2025" before "2/03/2025"), and
    11/03 may be March or November. A tester's export held "n.d.", "13/7/2024" and "20241016",
    kept with no word."""
    written = documents["published"].fillna("").astype(str).str.strip()
    shown = _first_few(
        [
            f"{doc} {date!r}"
            for doc, date in zip(documents.loc[odd, "doc_id"], written[odd], strict=True)
        ],
        DATES_SHOWN,
    )
    warn_user(
        f"{int(odd.sum())} article(s) have a published date not written as YYYY-MM-DD ({shown}"
        "): kept as written (each may be two days, 03/04 being March or April, or reads as "
        "no day), so they do not sort or compare as dates (each has a date_note in "
        "documents.csv); write them as 2025-03-11 in the manifest or the export's date column"
    )


def _dates_in_corpus_order(corpus: Corpus) -> Corpus:
    """``corpus`` with its ambiguous dates in numbers read in the order its other dates agree
    on (:mod:`analysis.corpus.date_order`), said in a warning."""
    from analysis.corpus.date_order import read_dates_in_corpus_order

    documents, audit, said = read_dates_in_corpus_order(corpus.documents, corpus.audit)
    if said is None:
        return corpus
    warn_user(said)
    return Corpus(documents=documents, sentences=corpus.sentences, audit=audit)


def _dates_as_written(documents: pd.DataFrame) -> pd.Series:
    """Which documents have a ``published`` date kept as written: not ISO, not empty, not
    "unknown"."""
    written = documents["published"].fillna("").astype(str).str.strip()
    return (written != "") & (written.str.lower() != "unknown") & ~written.str.fullmatch(_ISO_DATE)


def _with_dates_as_written_noted(corpus: Corpus) -> Corpus:
    """``corpus`` with a ``date_note`` on each document whose ``published`` is kept as written,
    so each can be found in documents.csv (a tester's warning named three of 16, then "…"),
    and the warning naming them (:func:`_warn_dates_as_written`)."""
    documents = corpus.documents
    if "published" not in documents.columns or documents.empty:
        return corpus
    odd = _dates_as_written(documents)
    if not odd.any():
        return corpus
    _warn_dates_as_written(documents, odd)
    documents = documents.copy()
    notes = (
        documents["date_note"].fillna("").astype(str)
        if "date_note" in documents
        else pd.Series("", index=documents.index)
    )
    said = "Kept as written: not read as one day (write it as YYYY-MM-DD)."
    documents["date_note"] = notes
    documents.loc[odd, "date_note"] = (notes[odd] + " " + said).str.strip()
    return Corpus(documents=documents, sentences=corpus.sentences, audit=corpus.audit)


def _first_few(items: list[str], limit: int) -> str:
    """The first ``limit`` of ``items`` joined with commas, then ", …" when there are more."""
    return ", ".join(items[:limit]) + (", …" if len(items) > limit else "")


def _warned(corpus: Corpus, duplicates: str = "flag") -> Corpus:
    """``corpus``, after a warning for each thing about it a user must know before reading any
    result: outlets (or origins) that differ only in letter case, spacing, a leading "The" or a
    web address's form
    (:mod:`analysis.corpus.group_names`: each spelling would be compared as an outlet), and
    documents that are not in English (:func:`analysis.corpus.language.other_languages_warning`:
    the lexicons are English) or are given as English but read as another language
    (:func:`analysis.corpus.language.contradicted_warning`) or given as another language but
    read as English (:func:`analysis.corpus.language.english_given_as_other_warning`), or too
    short to guess a language (:func:`analysis.corpus.language.short_texts_warning`), and
    articles an export joined
    into one line (:func:`analysis.corpus.exports.one_line_warning`: line-by-line cleaning left
    their boilerplate), articles a news API cut short
    (:func:`analysis.corpus.exports.truncated_warning`), articles far longer than the others
    (:func:`analysis.corpus.quality.long_warning`: a report pasted whole), and web addresses
    given to more than one article (:func:`analysis.corpus.quality.repeated_urls_warning`:
    versions of a story)."""
    from analysis.corpus.exports import one_line_warning, truncated_warning
    from analysis.corpus.group_names import similar_names_warning
    from analysis.corpus.language import (
        contradicted_warning,
        english_given_as_other_warning,
        other_languages_warning,
        short_texts_warning,
    )
    from analysis.corpus.quality import (
        furniture_warning,
        long_warning,
        menus_warning,
        repeated_urls_warning,
    )

    documents = corpus.documents
    messages = [
        similar_names_warning(documents[column].astype(str).value_counts().to_dict(), column)
        for column in ("outlet", "origin")
        if column in documents.columns
    ]
    messages += [
        other_languages_warning(documents),
        contradicted_warning(documents),
        english_given_as_other_warning(documents),
        short_texts_warning(documents),
        one_line_warning(documents),
        truncated_warning(corpus.audit, len(documents)),
        _duplicates_warning(documents, duplicates),
        furniture_warning(documents),
        menus_warning(documents),
        long_warning(documents),
        repeated_urls_warning(documents, duplicates),
    ]
    for message in messages:
        if message:
            warn_user(message)
    return corpus


DUPLICATES_SHOWN = 3


def _duplicates_warning(documents: pd.DataFrame, duplicates: str = "flag") -> str | None:
    """A warning naming the documents flagged ``duplicate`` (near-copies of another, kept), how
    many times the most copied story is counted, and the ``duplicates`` mode in force, or
    None. A tester's page pasted twice was flagged only in documents.csv and the summary's
    limitations, while the tone section counted it twice and its interval narrowed; another's
    wire story ran in six outlets, "counted twice", and after ``drop_within`` she was still told
    to drop the copies with the mode she had chosen."""
    from analysis.corpus.quality import copy_groups, has_flag

    if "quality_flags" not in documents.columns or "duplicate_of" not in documents.columns:
        return None
    flagged = has_flag(documents, "duplicate")
    if not flagged.any():
        return None
    copies = documents.loc[flagged, ["doc_id", "duplicate_of"]].astype(str)
    pairs = _first_few(
        [f"{doc} of {of}" for doc, of in copies.itertuples(index=False)], DUPLICATES_SHOWN
    )
    groups = copy_groups(documents.reset_index(drop=True))
    most = max(groups, key=len) if groups else []
    ids = documents["doc_id"].astype(str).tolist()
    members = _first_few([ids[row] for row in most], DUPLICATES_SHOWN)
    counted = (
        f"the most copied story is counted {len(most)} times ({members})"
        if len(most) > 2
        else "each story is counted twice"
    )
    if duplicates == "drop_within":
        return (
            f"{int(flagged.sum())} article(s) are copies of another outlet's article ({pairs}), "
            f"kept with `-p duplicates drop_within` as each outlet's coverage, so {counted}; "
            "`-p duplicates drop` keeps one document of each story"
        )
    return (
        f"{int(flagged.sum())} article(s) are near-copies of another ({pairs}: each names its "
        "story's original, the one `-p duplicates drop` keeps), kept with "
        f"`-p duplicates {duplicates}`, so {counted}: their sentences count in every estimate; "
        "`-p duplicates drop_within` (`run`) leaves out the copies within an outlet and keeps "
        "syndicated stories, `-p duplicates drop` keeps one document of each story, and "
        "`-p duplicates keep` keeps them on purpose, unflagged"
    )


def _with_quality(
    corpus: Corpus, duplicates: str, other_languages: str = "keep", group_by: str = "outlet"
) -> Corpus:
    """The corpus with quality flags on its documents, copies handled per ``duplicates``,
    documents not in English per ``other_languages``, and without the documents that have no
    value of the ``group_by`` column (:mod:`analysis.corpus.group_values`; a period of the
    published date, ``published:month``, derived first: :mod:`analysis.corpus.periods`).

    An empty ``language`` is first guessed from the text
    (:func:`analysis.corpus.language.fill_language`), so a document in another language is
    flagged even when nobody gave its language.
    """
    from analysis.corpus.group_values import audit_rows, no_value_warning, without_group_value
    from analysis.corpus.language import fill_language
    from analysis.corpus.periods import group_column, with_period_column
    from analysis.corpus.quality import (
        apply_duplicates,
        apply_other_languages,
        quality_table,
        split_duplicates,
        wire_services,
    )

    documents = quality_table(fill_language(corpus.documents), corpus.sentences, corpus.audit)
    # the wire services' own articles, each its story's original (a dateline's credit is in the
    # audit: cleaning moved it out of the text)
    wire = wire_services(documents, corpus.audit)
    kept, sentences = documents, corpus.sentences
    copies = documents.iloc[:0]
    if duplicates in ("drop", "drop_within"):  # the copies left out name the one kept instead
        kept, copies = split_duplicates(documents, duplicates, wire)
    kept, sentences = apply_duplicates(kept, sentences, duplicates, wire)
    sentences = sentences.loc[~sentences["doc_id"].isin(set(copies["doc_id"]))]
    sentences = sentences.reset_index(drop=True)
    audit = corpus.audit
    if len(copies):  # "drop", "drop_within": each copy left out is in the audit
        audit = _with_dropped_copies(audit, copies, wire)
        gone = _outlets_left_without_articles(copies, kept)
        if gone:  # a tester's second outlet, all copies, vanished from the report unsaid
            warn_user(
                f"-p duplicates {duplicates} left out {len(copies)} near-copies (each in "
                f"cleaning_audit.csv, rule near_duplicate); no article of "
                f"{', '.join(repr(g) for g in gone)} is left to compare: every one was a copy "
                "of another outlet's (keep them with -p duplicates flag)"
            )
    english, sentences = apply_other_languages(kept, sentences, other_languages)
    dropped = kept[~kept["doc_id"].isin(english["doc_id"])]
    if len(dropped):  # "drop": each document left out is in the audit
        audit = _with_dropped_languages(audit, dropped)
        warn_user(_dropped_languages_warning(dropped, english))
    # a period of the published date (--group-by published:month) is a column of its own
    english, sentences = with_period_column(english, sentences, group_by)
    column = group_column(group_by)  # "month" for published:month
    english, sentences, unvalued = without_group_value(english, sentences, column)
    if len(unvalued):
        audit = _with_rows(audit, audit_rows(unvalued, group_by))
        warn_user(no_value_warning(unvalued, group_by, len(english)))
    left_out = pd.concat(
        [
            _left_out_rows(copies, f"-p duplicates {duplicates}"),
            _left_out_rows(dropped, "-p other_languages drop"),
            _left_out_rows(unvalued, f"--group-by {group_by}"),
        ],
        ignore_index=True,
    )
    return Corpus(documents=english, sentences=sentences, audit=audit, left_out=left_out)


def _left_out_rows(gone: pd.DataFrame, option: str) -> pd.DataFrame:
    """The documents ``gone`` (``doc_id``, ``outlet``), each with the ``option`` that left it
    out."""
    outlet = gone["outlet"].astype(str) if "outlet" in gone.columns else ""
    return pd.DataFrame({"doc_id": gone["doc_id"].astype(str), "outlet": outlet, "option": option})


def _dropped_languages_warning(dropped: pd.DataFrame, kept: pd.DataFrame) -> str:
    """What ``-p other_languages drop`` left out, by outlet, naming the outlets it left
    without any article: a retester's third outlet, all German, vanished from the comparison
    without a word (and ``--outlets`` naming it then failed as "not in the corpus")."""
    counts = dropped["outlet"].astype(str).value_counts().sort_index()
    gone = _outlets_left_without_articles(dropped, kept)
    by_outlet = ", ".join(f"{name} {n}" for name, n in counts.items())
    said = (
        f"-p other_languages drop left out {len(dropped)} article(s) not in English "
        f"({by_outlet}; each in cleaning_audit.csv, rule other_language)"
    )
    if gone:
        said += f"; no article of {', '.join(repr(g) for g in gone)} is left to compare"
    return said


def _outlets_left_without_articles(dropped: pd.DataFrame, kept: pd.DataFrame) -> list[str]:
    """The outlets of ``dropped`` documents (sorted) with no document in ``kept``."""
    if "outlet" not in dropped.columns:
        return []
    remaining = set(kept["outlet"].astype(str)) if "outlet" in kept.columns else set()
    return sorted(set(dropped["outlet"].astype(str)) - remaining)


def _with_dropped_languages(
    audit: pd.DataFrame | None, dropped: pd.DataFrame
) -> pd.DataFrame | None:
    """``audit`` with an entry for each document ``-p other_languages drop`` left out (rule
    ``other_language``, action ``LEFT_OUT``, ``original`` naming its language)."""
    from analysis.corpus.cleaning import LEFT_OUT

    rows = [
        (str(doc_id), 0, f"not in English (language {language!s})", "other_language", LEFT_OUT, "")
        for doc_id, language in zip(dropped["doc_id"], dropped["language"], strict=True)
    ]
    return _with_rows(audit, rows)


def _with_dropped_copies(
    audit: pd.DataFrame | None, dropped: pd.DataFrame, wire: Mapping[str, str] | None = None
) -> pd.DataFrame | None:
    """``audit`` with an entry for each near-duplicate ``-p duplicates drop`` left out (rule
    ``near_duplicate``, action ``LEFT_OUT``, ``original`` naming the article kept in its place
    and their ``duplicate_similarity``, "a near-duplicate of ap-landfall (containment 0.97)"):
    a tester's 52 dropped copies were said nowhere, and the summary counted the rest as all.
    When the one kept is a wire service's own article (``wire``, doc_id -> the service) and the
    copy is not, the entry says it was kept as such ("...; kept as AP's own article ..."): an
    outlet's longer rework of it goes."""
    from analysis.corpus.cleaning import LEFT_OUT

    wire = wire or {}
    figures = (
        dropped["duplicate_similarity"].astype(str)
        if "duplicate_similarity" in dropped.columns
        else pd.Series("", index=dropped.index)
    )
    rows = []
    for doc_id, of, figure in zip(
        dropped["doc_id"].astype(str), dropped["duplicate_of"].astype(str), figures, strict=True
    ):
        why = [figure] if figure else []
        if of in wire and doc_id not in wire:
            why.append(f"kept as {wire[of]}'s own article: its outlet or dateline credits it")
        said = f"a near-duplicate of {of}" + (f" ({'; '.join(why)})" if why else "")
        rows.append((doc_id, 0, said, "near_duplicate", LEFT_OUT, ""))
    return _with_rows(audit, rows)


class CorpusNotFoundError(FileNotFoundError):
    """A corpus path that names no file or folder; the message (one line) names it as given."""


def given_corpus(source: Path | str | None, option: str = "--corpus") -> Path:
    """The corpus a command was given with ``option``: the bundled seeds when ``source`` is
    None, else ``source`` exactly as given, a relative path taken from the working directory
    as a shell takes it (never looked up under the project root, as :func:`load_corpus` does
    for a notebook: ``--corpus seeds`` run elsewhere must not read the project's seeds).

    Raises :class:`CorpusNotFoundError` (a :class:`FileNotFoundError`), naming the option and
    the path as given, when it is neither a file nor a folder.
    """
    if source is None:
        return default_corpus_dir()
    path = Path(source)
    if not path.exists():
        where = "" if path.is_absolute() else f" (from {Path.cwd()})"
        raise CorpusNotFoundError(f"{option} {source}: no such file or folder{where}")
    return path


def _resolve(source: Path | str | None) -> Path:
    """``source`` as an existing path (default: the bundled seeds), else FileNotFoundError.

    A relative path that does not exist from the working directory is looked up under the
    project root (``load_corpus("seeds")`` from a notebook's folder), with a warning naming the
    folder read, so that a mistyped path of one's own never silently reads the project's data;
    the commands check their ``--corpus`` with :func:`given_corpus` first, which does not.
    """
    if source is None:
        path = default_corpus_dir()
    else:
        path = Path(source)
        if not path.is_absolute() and not path.exists():
            candidate = project_root() / path
            if candidate.exists():
                warn_user(
                    f"corpus {source}: no such file or folder from {Path.cwd()}; "
                    f"reading {candidate} under the project root instead"
                )
                path = candidate
    if not path.exists():
        raise CorpusNotFoundError(f"corpus not found: {source if source is not None else path}")
    return path


def _load_folder(path: Path, *, measures: bool, lexicons: Lexicons) -> Corpus:
    corpus = build_corpus(path)
    if not measures:
        return corpus
    from analysis.measure.chunk import measure_sentences

    sentences = measure_sentences(corpus.sentences, lexicons=lexicons)
    _warn_about_actor_list(sentences, lexicons)
    return Corpus(documents=corpus.documents, sentences=sentences, audit=corpus.audit)


def _warn_about_actor_list(sentences: pd.DataFrame, lexicons: Lexicons) -> None:
    """Warn of an actor list's actors that matched no sentence of the whole corpus, and of its
    names written inside another actor's
    (:func:`analysis.sentiment.actors.actor_list_warnings`); a run without a list has none."""
    if lexicons.actors is None or "sentence" not in sentences.columns:
        return
    from analysis.sentiment.actors import actor_list_warnings, load_actor_lexicon

    for message in actor_list_warnings(sentences, load_actor_lexicon(lexicons.actors)):
        warn_user(message)


def _load_file(
    path: Path,
    *,
    measures: bool = True,
    lexicons: Lexicons | None = None,
    columns: Mapping[str, str] | str | None = None,
    jobs: int | None = None,
    progress: bool = True,
    chunk_size: int | None = None,
) -> Corpus:
    """Read a corpus file in chunks and run :func:`analysis.measure.chunk.process_chunk` over them.

    Chunks run on ``jobs`` processes (``None``: every core) in input order, so the tables are
    identical to a one-process run; a file of one chunk runs in this process. Documents whose
    text is empty after cleaning are dropped with a warning, as a folder's are (an export of
    thousands of articles should not fail for one empty row). The tables have the same columns
    as a folder corpus.
    """
    from analysis.corpus.files import DEFAULT_CHUNK_SIZE, read_chunks
    from analysis.measure.chunk import process_chunk
    from analysis.measure.engine import finish_bar, map_chunks

    chunks, report = read_chunks(
        path,
        columns=dict(columns) if isinstance(columns, Mapping) else columns,
        chunk_size=chunk_size or DEFAULT_CHUNK_SIZE,
    )
    first = list(itertools.islice(chunks, 2))
    n_jobs = jobs if len(first) > 1 else 1
    stream = itertools.chain(first, chunks)
    lexicons = lexicons or Lexicons()
    discover = lexicons.actors is None  # discovered over the whole corpus, after the chunks
    fn = functools.partial(process_chunk, lexicons=lexicons, actors=not discover)
    if not measures:
        fn = functools.partial(fn, measures=False)
    if n_jobs != 1:  # each process warms up before the chunks (analysis.measure.warmup)
        from analysis.measure.warmup import warm_up

        warm_up(fn, quality=False, jobs=n_jobs)
    parts: dict[str, list[Any]] = {part: [] for part in _PARTS}
    desc = "measuring sentences" if measures else "splitting sentences"
    with _progress_bar(report.n_rows_total, desc, enabled=progress and len(first) > 1) as bar:
        for n_docs, result in map_chunks(stream, fn, jobs=n_jobs):
            for part in _PARTS:
                parts[part].append(getattr(result, part))
            bar.update(n_docs)
        finish_bar(bar)
    if not parts["documents"]:
        raise _no_documents(path, report)
    if report.n_empty_skipped:  # said by `process` in its reading summary; here, as a warning
        warn_user(f"{path.name}: {report.skipped_for_empty_text()}; they are left out")
    if report.repeated_rows:  # an export's row repeated exactly: left out once, and said
        warn_user(f"{path.name}: {report.repeated_text()}")
    tables = {part: _concat(frames) for part, frames in parts.items() if part != "sentences"}
    documents = tables["documents"]
    text_columns = text_metadata_columns(documents)  # not copied to every sentence
    tables["sentences"] = _concat([s.drop(columns=text_columns) for s in parts.pop("sentences")])
    empty = documents["n_words"].to_numpy() == 0
    if empty.any():
        reasons = _empty_reasons(documents.loc[empty], tables.get("audit"))
        shown = "; ".join(reasons[:5]) + ("; …" if len(reasons) > 5 else "")
        warn_user(
            f"{path.name}: {len(reasons)} document(s) have no text left after cleaning and are "
            f"left out: {shown}"
        )
        tables["documents"] = documents[~empty].reset_index(drop=True)
    tables["audit"] = _with_left_out(
        tables.get("audit"),
        report.skipped_rows,
        documents.loc[empty, "doc_id"].astype(str),
        report.repeated_rows,
    )
    if measures and discover:
        tables["sentences"] = _with_discovered_actors(tables["sentences"], tables["documents"])
    elif measures:
        _warn_about_actor_list(tables["sentences"], lexicons)
    if _read_otherwise(report):  # how `process` says it read the file, said by `run` too
        warn_user(f"how the corpus file was read: {report.summary()}")
    return Corpus(**tables)


def _read_otherwise(report: Any) -> bool:
    """Whether a corpus file was read in a way its user should hear of: another separator than
    a comma, a header below a preamble, columns kept as metadata, read by another letter case
    or not read at all (a tester's `run` on a semicolon export said none of it, where `process`
    did). Ids made up for a file without a doc_id column are the rule, not news."""
    return bool(
        (report.format == "csv" and report.separator not in ("", ","))
        or report.header_line
        or report.metadata_columns
        or report.ignored_columns
        or report.alike_columns
    )


def _no_documents(path: Path, report: Any) -> ValueError:
    """The error for a corpus file (or folder of them) that gave no document: a
    :class:`~analysis.corpus.files.CorpusFileError` saying whether it had no rows under its
    header or only rows without text."""
    from analysis.corpus.files import CorpusFileError

    n_rows = getattr(report, "n_rows", 0)
    if not n_rows:
        return CorpusFileError(
            f"{path}: no documents: the file has a header but no rows under it"
            if path.is_file()
            else f"{path}: no documents: its files have no rows"
        )
    return CorpusFileError(
        f"{path}: no documents with text: all {n_rows} row(s) have an empty text"
    )


def _without_text_metadata(corpus: Corpus) -> Corpus:
    """``corpus`` without the columns of text among its metadata
    (:func:`~analysis.corpus.documents.text_metadata_columns`) in the sentences table."""
    columns = text_metadata_columns(corpus.documents)
    if not columns:
        return corpus
    return dataclasses.replace(corpus, sentences=corpus.sentences.drop(columns=columns))


def _with_left_out(
    audit: pd.DataFrame | None,
    skipped: Sequence[tuple[str, str, int, str]],
    emptied: pd.Series,
    repeated: Sequence[tuple[str, str, int, str, str]] = (),
) -> pd.DataFrame | None:
    """``audit`` with an entry for each row of the corpus file left out for an empty text
    (rule ``empty_text``; ``line_no`` its row as the user finds it, ``original`` the file and
    that row named, "sheet row 39" in a workbook; ``doc_id`` the row's own id or "") and each
    document cleaning left without text (rule ``no_text_left``), action ``LEFT_OUT``: "every
    removal is in the audit", and a row left out is one (a tester's export lost 7 rows that no
    output recorded), and each row left out as an exact repeat of an earlier row with its
    doc_id (rule ``duplicate_row``, ``original`` naming both rows)."""
    from analysis.corpus.cleaning import LEFT_OUT

    rows = [
        (doc_id, row, f"{name}, {shown}: no text", "empty_text", LEFT_OUT, "")
        for name, doc_id, row, shown in skipped
    ]
    rows += [
        (doc_id, row, f"{name}, {shown}: the same as {first}", "duplicate_row", LEFT_OUT, "")
        for name, doc_id, row, shown, first in repeated
    ]
    rows += [(d, 0, "", "no_text_left", LEFT_OUT, "") for d in emptied]
    return _with_rows(audit, rows)


def _with_rows(audit: pd.DataFrame | None, rows: list[tuple[Any, ...]]) -> pd.DataFrame | None:
    """``audit`` with ``rows`` (tuples of the audit's columns) after its own, in its types."""
    from analysis.corpus.cleaning import AUDIT_COLUMNS

    if not rows:
        return audit
    extra = pd.DataFrame(rows, columns=AUDIT_COLUMNS)
    if audit is None or not len(audit):
        return extra
    return pd.concat([audit, extra.astype(audit.dtypes.to_dict())], ignore_index=True)


def _empty_reasons(empty: pd.DataFrame, audit: pd.DataFrame | None) -> list[str]:
    """``doc_id (reason)`` for each document left without text: the page's extraction
    problem, else the cleaning rules that removed its lines (most lines first), else that the
    row's text was empty."""
    by_doc: dict[str, list[str]] = {}
    if audit is not None and len(audit):
        from analysis.corpus.cleaning import NOT_EXTRACTED

        # lines of the text removed or moved, not a page's blocks extraction left out
        lines_gone = ~audit["action"].isin(("changed", NOT_EXTRACTED))
        gone = audit.loc[lines_gone, ["doc_id", "rule"]].astype(str)
        for doc_id, rules in gone.groupby("doc_id", sort=False)["rule"]:
            counts = rules.value_counts()
            by_doc[str(doc_id)] = [f"{rule} ×{n}" for rule, n in counts.items()]
    problems = (
        empty["extraction_problem"].fillna("").astype(str)
        if "extraction_problem" in empty.columns
        else pd.Series("", index=empty.index)
    )
    from analysis.corpus.documents import photo_galleries

    galleries = photo_galleries(audit, empty["doc_id"])
    out = []
    for doc_id, problem in zip(empty["doc_id"].astype(str), problems, strict=True):
        if problem:
            reason = f"no article found in the page: {problem}"
        elif doc_id in galleries:
            reason = galleries[doc_id]
        elif by_doc.get(doc_id):
            reason = "cleaning removed every line: " + ", ".join(by_doc[doc_id][:3])
        else:
            reason = "the text is empty"
        out.append(f"{doc_id} ({reason})")
    return out


def _with_discovered_actors(sentences: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """The actor columns of the names discovered in the whole corpus (its articles in English),
    placed where a folder's measures put them (after the sentiment columns, before the frames)."""
    from analysis.sentiment.actors import actors_for, add_actors

    measured = add_actors(sentences, actors_for(sentences, documents=documents))
    added = [c for c in measured.columns if c not in sentences.columns]
    before = [c for c in sentences.columns if c.startswith("frame_")]
    at = list(sentences.columns).index(before[0]) if before else len(sentences.columns)
    order = [*sentences.columns[:at], *added, *sentences.columns[at:]]
    return measured[order]


def _concat(frames: list[pd.DataFrame]) -> pd.DataFrame:
    non_empty = [f for f in frames if len(f)]
    if not non_empty:
        return frames[0].iloc[:0].reset_index(drop=True)
    return pd.concat(non_empty, ignore_index=True)


def _progress_bar(total: int | None, desc: str, *, enabled: bool) -> Any:
    """A plain-text tqdm bar on stderr that updates at most every few seconds (a notebook run by
    papermill stores every update in its output); when not ``enabled``, a silent one that does
    not import tqdm (:class:`analysis.measure.engine.SilentBar`)."""
    if not enabled:
        from analysis.measure.engine import SilentBar

        return SilentBar()
    from tqdm import tqdm

    return tqdm(
        total=total,
        unit="doc",
        desc=desc,
        file=sys.stderr,
        mininterval=5.0,
        ascii=True,
        dynamic_ncols=False,
        ncols=90,
    )
