"""Quality flags for a corpus streamed through ``process``, chunk by chunk.

``python -m analysis run`` flags documents in memory
(:func:`analysis.corpus.quality.quality_table`). A corpus streamed through ``process`` is
never in memory at once, so its documents are flagged a batch at a time, in corpus order
(a near-copy can be thousands of rows after its original):

* per document (worker processes, :func:`check_documents`): the language guess for an empty
  ``language`` (:func:`analysis.corpus.language.fill_language`), the MinHash signature of the
  text (:func:`analysis.corpus.quality.sign_batch`), the costly part, and what the flags read
  from the text (:func:`analysis.corpus.quality.text_checks`); only these come back, as this
  process holds the batches it sent;
* over the corpus (this process, in corpus order): the near-copy each signature matches
  (:class:`analysis.corpus.quality.DuplicateFinder`), lines removed per document (from the
  audit) and the share of fragment sentences (from the sentences table), then the flags
  (:func:`analysis.corpus.quality.flag_documents`): a small serial part, so that the pass
  gains from more workers.

With the local engine the batches are the chunks themselves (:func:`run_local_flagged`):
the workers flag a chunk's documents right after processing it with every flag but
``duplicate`` (:func:`checked_chunk`: a document's audit and sentence rows are all in its
chunk), and this process adds the near-copies in corpus order as it receives them, before they
are written, so the flags cost no second reading and writing of the documents table and no
wait at the end of the run. Other
engines (Dask) write the tables first, then :func:`flag_processed_documents` makes a second
pass over ``documents.parquet``. The flags are the same either way, and the ones ``run`` gives
the same corpus, but for ``long``, which compares each body with the median of the documents
flagged together (a chunk or batch here, the corpus in ``run``); memory holds one batch of
texts and, per document, one signature and its sampled shingles (~1 KB;
:class:`analysis.corpus.quality.SampleIndex`), not the corpus.
"""

from __future__ import annotations

import os
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

if TYPE_CHECKING:
    from analysis.corpus.quality import Samples

BATCH_DOCS = 500  # documents per batch sent to a worker
_READ_FROM = frozenset({"doc_id", "text", "n_words"})  # the documents' columns the flags read
_AUDIT_COLUMNS = ["doc_id", "rule", "action"]
_SENTENCE_COLUMNS = ["doc_id", "n_words"]
_FILLED_COLUMNS = ("language", "metadata_note")  # the columns fill_language may change
_CHECKED_COLUMNS = ("text", *_FILLED_COLUMNS)  # all that check_documents reads
# the tables of a chunk's result that QualityFlagger.flag_chunk neither reads nor changes
_UNFLAGGED_TABLES = ("sentences", "audit")


def _takes_keyword(fn: Any, name: str) -> bool:
    """Whether ``fn`` (a function or ``functools.partial``) has a parameter ``name``."""
    import inspect

    try:
        return name in inspect.signature(fn).parameters
    except (TypeError, ValueError):  # a callable whose signature cannot be read
        return False


def check_documents(
    documents: pd.DataFrame,
) -> tuple[pd.DataFrame | None, np.ndarray, np.ndarray, pd.DataFrame]:
    """The per-document half of the pass, for a batch of documents (picklable, so it runs in
    workers): the columns :func:`analysis.corpus.language.fill_language` changed (``language``
    filled where empty and ``metadata_note``; ``None`` when it changed nothing), the MinHash
    signatures of the texts with the mask of those with words
    (:func:`analysis.corpus.quality.sign_batch`) and what the flags read from each text
    (:func:`analysis.corpus.quality.text_checks`). Only these go back to the parent process,
    which holds the batch already, not the batch's texts again."""
    from analysis.corpus.language import fill_language
    from analysis.corpus.quality import sign_and_sample, text_checks

    filled = fill_language(documents)
    changed = None
    if filled is not documents:
        changed = filled[[name for name in _FILLED_COLUMNS if name in filled.columns]]
    texts = filled["text"].astype(str).tolist()
    return changed, *sign_and_sample(texts), text_checks(texts)


@dataclass(frozen=True)
class DocumentChecks:
    """What :func:`check_documents` found in a batch of documents."""

    filled: pd.DataFrame | None
    signatures: np.ndarray
    signed: np.ndarray
    samples: Samples
    checks: pd.DataFrame


@dataclass(frozen=True)
class ChunkFlags:
    """A chunk's documents as :func:`checked_chunk` flagged them where the chunk was computed:
    every flag but ``duplicate``, which needs the documents of earlier chunks. Carries what
    this process needs to add it in corpus order: the ids, the MinHash signatures with the
    mask of texts with words and the sampled shingles
    (:func:`analysis.corpus.quality.sign_and_sample`), each document's ``quality_flags`` so
    far, and how many documents' given language the text contradicts
    (:func:`language_contradictions`)."""

    doc_ids: list[str]
    signatures: np.ndarray
    signed: np.ndarray
    samples: Samples
    flags: list[str]
    # documents whose given language the text contradicts (language_contradictions)
    contradicted: tuple[int, int] = (0, 0)


# The key of a chunk result (:func:`checked_chunk`) that holds its :class:`ChunkFlags`.
CHECKS_KEY = "document_checks"


def language_contradictions(documents: pd.DataFrame) -> tuple[int, int]:
    """How many of ``documents`` (after :func:`analysis.corpus.language.fill_language`) are
    given as English but read as another language, and how many are given as another
    language but read as English: what loading warns about, counted for ``process``, which
    sees the corpus a chunk at a time."""
    from analysis.corpus.language import contradicted_documents, english_given_as_other

    return len(contradicted_documents(documents)), len(english_given_as_other(documents))


def _flagged_but_copies(
    documents: pd.DataFrame,
    found: DocumentChecks,
    removed: pd.DataFrame,
    fragments: pd.Series,
    duplicate_of: list[str] | None = None,
    similarity: list[str] | None = None,
) -> pd.DataFrame:
    """``documents`` flagged from what :func:`check_documents` found in them and the lines
    removed and joined (:func:`analysis.corpus.quality.removed_line_counts`) and fragment
    shares per ``doc_id``; the near-copies are ``duplicate_of`` with their ``similarity``
    figures (none when not given)."""
    from analysis.corpus.quality import (
        flag_documents,
        letters_from_counts,
        live_blog_documents,
        release_documents,
        share_removed_from_counts,
        transcripts_from_counts,
    )

    if found.filled is not None:
        documents = documents.assign(**found.filled)
    ids = documents["doc_id"].astype(str)
    return flag_documents(
        documents,
        removed=share_removed_from_counts(documents, removed, found.checks["lines_kept"]),
        fragments=ids.map(fragments).fillna(0.0),
        duplicate_of=duplicate_of if duplicate_of is not None else [""] * len(documents),
        checks=found.checks,
        similarity=similarity,
        transcripts=transcripts_from_counts(documents, removed),
        releases=release_documents(documents, removed).tolist(),
        letters=letters_from_counts(documents, removed),
        live_blogs=live_blog_documents(documents, removed).tolist(),
    )


def checked_chunk(raw_docs: pd.DataFrame, *, fn: Any, keep_text: bool = True) -> dict[str, Any]:
    """``fn(raw_docs)``'s result tables, its documents flagged with every quality flag but
    ``duplicate`` (``keep_text=False``: then without their text), and under
    :data:`CHECKS_KEY` the :class:`ChunkFlags` this process needs to add the near-copies in
    corpus order (:meth:`QualityFlagger.flag_chunk`; ``None``, documents left unflagged, when
    the documents table has no ``text``). Picklable as
    ``functools.partial(checked_chunk, fn=fn)``.

    All of this is done where the chunk is computed (a worker), as is the conversion of every
    table to the Arrow table it is written as (:func:`analysis.measure.engine.arrow_table`):
    the process that flags and writes every chunk in order bounds a run's speed on several
    cores, so it is left only the near-copies, a few list lookups per document.

    When ``fn`` takes ``after_cleaning`` (:func:`analysis.measure.chunk.process_chunk`), the
    documents' checks (:func:`check_documents`, mostly the MinHash signatures: about a tenth of
    a chunk's work) are offered as soon as the documents are clean
    (:func:`analysis.measure.engine.offer`): in the command's process, computing one of a run's
    last chunks, a worker done with its own takes them while this process splits and measures,
    so the two end closer together. They read only the clean text and metadata, which
    splitting leaves as they are, so the flags are the same whoever computes them."""
    from analysis.measure.engine import Offered, arrow_table, offer, result_tables

    offered: list[Offered] = []  # one not asked for is withdrawn by the engine (offer)

    def offer_checks(documents: pd.DataFrame) -> None:
        if "text" in documents.columns:
            columns = [name for name in _CHECKED_COLUMNS if name in documents.columns]
            offered.append(offer(check_documents, documents[columns]))

    if _takes_keyword(fn, "after_cleaning"):
        tables: dict[str, Any] = result_tables(fn(raw_docs, after_cleaning=offer_checks))
    else:
        tables = result_tables(fn(raw_docs))
    documents = tables.get("documents")
    flags = None
    if documents is not None and set(documents) >= _READ_FROM:
        removed, fragments = _per_document_counts(tables.get("audit"), tables.get("sentences"))
        checks = offered[0].result() if offered else check_documents(documents)
        found = DocumentChecks(*checks)
        flagged = _flagged_but_copies(documents, found, removed, fragments)
        flags = ChunkFlags(
            flagged["doc_id"].astype(str).tolist(),
            found.signatures,
            found.signed,
            found.samples,
            flagged["quality_flags"].tolist(),
            language_contradictions(flagged) if found.filled is not None else (0, 0),
        )
        tables["documents"] = flagged if keep_text else flagged.drop(columns=["text"])
    for name, table in tables.items():
        tables[name] = arrow_table(table)
    tables[CHECKS_KEY] = flags
    return tables


def _with_columns(table: pa.Table, columns: dict[str, list[str]]) -> pa.Table:
    """``table`` with the named string columns replaced by ``columns``' values."""
    for name, values in columns.items():
        index = table.schema.get_field_index(name)
        field = table.schema.field(index)
        table = table.set_column(index, field, pa.array(values, type=field.type))
    return table


class QualityFlagger:
    """Flags batches of documents in corpus order: the corpus-wide half of the flags (the
    near-copy each signature matches, :class:`analysis.corpus.quality.DuplicateFinder`) and
    the flags themselves (:func:`analysis.corpus.quality.flag_documents`); counts what it
    flagged (:meth:`summary`). ``keep_text=False`` drops the text after flagging."""

    def __init__(self, keep_text: bool = True) -> None:
        from analysis.corpus.quality import DuplicateFinder

        self.keep_text = keep_text
        self.finder = DuplicateFinder()
        self.counts: Counter[str] = Counter()
        self.n_docs = self.n_flagged = 0
        # given as English but read as another language; given as another but read as English
        self.contradicted = [0, 0]
        self.unflagged = False  # a batch came without the text the flags are read from

    def flag(
        self,
        documents: pd.DataFrame,
        found: DocumentChecks,
        removed: pd.DataFrame,
        fragments: pd.Series,
    ) -> pd.DataFrame:
        """``documents`` (the next batch) flagged, given what :func:`check_documents` found
        in them and the lines removed and fragment shares per ``doc_id`` (which may cover
        more documents than the batch)."""
        ids = documents["doc_id"].astype(str).tolist()
        start = len(self.finder.similarities())
        duplicate_of = self.finder.add_batch(ids, found.signatures, found.signed, found.samples)
        similarity = self.finder.similarities(start)
        flagged = _flagged_but_copies(
            documents, found, removed, fragments, duplicate_of, similarity
        )
        self._count(flagged["quality_flags"].tolist())
        if found.filled is not None:
            self._count_contradicted(language_contradictions(flagged))
        return flagged if self.keep_text else flagged.drop(columns=["text"])

    def flag_chunk(self, result: dict[str, Any]) -> dict[str, Any]:
        """A :func:`checked_chunk` result with its near-copies added (``duplicate_of`` and the
        ``duplicate`` flag), for the engine to write: the rest of its flags were raised where
        it was computed."""
        from analysis.corpus.quality import add_flag

        found: ChunkFlags | None = result.pop(CHECKS_KEY, None)
        if found is None:
            self.unflagged = True
            return result
        start = len(self.finder.similarities())
        duplicate_of = self.finder.add_batch(
            found.doc_ids, found.signatures, found.signed, found.samples
        )
        flags = found.flags
        if any(duplicate_of):
            flags = [
                add_flag(raised, "duplicate") if copy_of else raised
                for raised, copy_of in zip(flags, duplicate_of, strict=True)
            ]
            result["documents"] = _with_columns(
                result["documents"],
                {
                    "duplicate_of": duplicate_of,
                    "duplicate_similarity": self.finder.similarities(start),
                    "quality_flags": flags,
                },
            )
        self._count(flags)
        self._count_contradicted(found.contradicted)
        return result

    def _count_contradicted(self, counts: tuple[int, int]) -> None:
        self.contradicted = [a + b for a, b in zip(self.contradicted, counts, strict=True)]

    def _count(self, flags: list[str]) -> None:
        """Count a batch's documents, those flagged and each flag (:meth:`summary`)."""
        for raised in flags:
            if raised:
                self.n_flagged += 1
                self.counts.update(raised.split(";"))
        self.n_docs += len(flags)

    def summary(self) -> dict[str, Any] | None:
        """Documents, flagged documents, the count of each flag, and the documents whose given
        language the text contradicts, each way (``None`` when some batch could not be
        flagged)."""
        if self.unflagged:
            return None
        given_english, given_other = self.contradicted
        return {
            "documents": self.n_docs,
            "flagged": self.n_flagged,
            "flags": dict(sorted(self.counts.items())),
            "language_contradicted": {
                "given_english_reads_other": given_english,
                "given_other_reads_english": given_other,
            },
        }


def run_local_flagged(
    chunks: Iterable[pd.DataFrame],
    out_dir: Path | str,
    fn: Any,
    *,
    keep_text: bool = True,
    **options: Any,
) -> tuple[Any, dict[str, Any] | None]:
    """:func:`analysis.measure.engine.run_local` with the quality flags added on the way:
    each chunk's documents checked where it is processed (:func:`checked_chunk`) and flagged
    in corpus order before they are written (:class:`QualityFlagger`). ``fn`` must keep the
    text (``keep_text=False`` drops it after flagging). The flags read and change only the
    documents table: on several processes the sentences and the audit are written beside
    them, on a thread of their own (``untouched`` of ``run_local``). Returns the run's summary
    and what was flagged (``None`` when the documents had no text)."""
    import functools

    from analysis.measure.engine import run_local

    flagger = QualityFlagger(keep_text=keep_text)
    checked = functools.partial(checked_chunk, fn=fn, keep_text=keep_text)
    summary = run_local(
        chunks,
        out_dir,
        checked,
        before_writing=flagger.flag_chunk,
        untouched=_UNFLAGGED_TABLES,
        **options,
    )
    return summary, flagger.summary()


def _columns_or_empty(table: pd.DataFrame | None, columns: list[str]) -> pd.DataFrame:
    """``table[columns]``, or an empty frame of those columns (no table, or an empty table
    without columns: a chunk function writes one when it had no rows)."""
    if table is None or not set(columns) <= set(table.columns):
        return pd.DataFrame({name: pd.Series(dtype="object") for name in columns})
    return table[columns]


def _per_document_counts(
    audit: pd.DataFrame | None, sentences: pd.DataFrame | None
) -> tuple[pd.DataFrame, pd.Series]:
    """Lines removed and joined per document (from the audit) and fragment shares per document
    (from the sentences), either table possibly missing."""
    from analysis.corpus.quality import fragment_share_by_doc, removed_line_counts

    return (
        removed_line_counts(_columns_or_empty(audit, _AUDIT_COLUMNS)),
        fragment_share_by_doc(_columns_or_empty(sentences, _SENTENCE_COLUMNS)),
    )


def _read_columns(path: Path, columns: list[str]) -> pd.DataFrame | None:
    """``columns`` of a Parquet file; None when the file is missing or lacks one of them."""
    if not path.is_file() or not set(columns) <= set(pq.read_schema(path).names):
        return None
    return pq.read_table(path, columns=columns).to_pandas()


def flag_processed_documents(
    folder: Path | str,
    *,
    keep_text: bool = True,
    jobs: int | None = 1,
    progress: bool = False,
    batch_docs: int = BATCH_DOCS,
) -> dict[str, Any] | None:
    """Add the quality columns (:data:`analysis.corpus.quality.QUALITY_COLUMNS`) to
    ``folder/documents.parquet``; ``keep_text=False`` drops the ``text`` column afterwards.
    Returns what was flagged: documents, flagged documents, and the count of each flag; or
    ``None``, changing nothing, when the table has no ``text`` (a chunk function that keeps
    none: the flags are read from the text).

    The file is rewritten through a temporary file in ``folder`` and replaced in one step.
    """
    from analysis.measure.engine import ParquetTableWriter, map_chunks, progress_bar

    folder = Path(folder)
    path = folder / "documents.parquet"
    source = pq.ParquetFile(path)
    if not set(source.schema_arrow.names) >= _READ_FROM:
        return None
    removed, fragments = _per_document_counts(
        _read_columns(folder / "cleaning_audit.parquet", _AUDIT_COLUMNS),
        _read_columns(folder / "sentences.parquet", _SENTENCE_COLUMNS),
    )
    flagger = QualityFlagger(keep_text=keep_text)
    tmp = folder / f".documents.parquet.tmp-{os.getpid()}"
    writer = ParquetTableWriter(tmp)
    held: deque[pd.DataFrame] = deque()  # the batches sent and not yet flagged, in order

    def batches() -> Iterator[pd.DataFrame]:
        for batch in source.iter_batches(batch_size=batch_docs):
            held.append(batch.to_pandas())
            yield held[-1]

    bar = progress_bar(source.metadata.num_rows, progress, "quality flags")
    try:
        for _, results in map_chunks(batches(), check_documents, jobs=jobs):
            flagged = flagger.flag(held.popleft(), DocumentChecks(*results), removed, fragments)
            writer.write(flagged)
            bar.update(len(flagged))
        writer.close()
        os.replace(tmp, path)
    finally:
        bar.close()
        tmp.unlink(missing_ok=True)
    return flagger.summary()


def quality_line(quality: dict[str, Any] | None) -> str:
    """One line for the terminal: how many documents :func:`flag_processed_documents` flagged,
    and for what."""
    if quality is None:
        return "quality flags: none (the documents table has no text to read them from)"
    if not quality["flagged"]:
        line = f"quality flags: none of {quality['documents']} documents flagged"
    else:
        counts = ", ".join(f"{name} {n}" for name, n in quality["flags"].items())
        line = (
            f"quality flags: {quality['flagged']} of {quality['documents']} documents flagged "
            f"({counts}); see the quality_flags column of documents.parquet"
        )
    contradicted = quality.get("language_contradicted", {})
    given_english = contradicted.get("given_english_reads_other", 0)
    given_other = contradicted.get("given_other_reads_english", 0)
    if given_english:
        line += (
            f"\nlanguage: {given_english} documents given as English read as another language "
            "(not flagged 'language'; metadata_note says which)"
        )
    if given_other:
        line += (
            f"\nlanguage: {given_other} documents given as another language read as English "
            "(flagged 'language' as given; metadata_note says which)"
        )
    return line
