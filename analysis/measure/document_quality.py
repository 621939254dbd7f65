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
the workers check a chunk's documents right after processing it (:func:`checked_chunk`) and
this process flags them as it receives them, before they are written, so the flags cost no
second reading and writing of the documents table and no wait at the end of the run. Other
engines (Dask) write the tables first, then :func:`flag_processed_documents` makes a second
pass over ``documents.parquet``. The flags are the same either way, and the ones ``run`` gives
the same corpus; memory holds one batch of texts and one signature per document (~1 KB), not
the corpus.
"""

from __future__ import annotations

import os
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow.parquet as pq

BATCH_DOCS = 500  # documents per batch sent to a worker
_READ_FROM = frozenset({"doc_id", "text", "n_words"})  # the documents' columns the flags read
_AUDIT_COLUMNS = ["doc_id", "action"]
_SENTENCE_COLUMNS = ["doc_id", "n_words"]
_FILLED_COLUMNS = ("language", "metadata_note")  # the columns fill_language may change


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
    from analysis.corpus.quality import sign_batch, text_checks

    filled = fill_language(documents)
    changed = None
    if filled is not documents:
        changed = filled[[name for name in _FILLED_COLUMNS if name in filled.columns]]
    texts = filled["text"].astype(str).tolist()
    return changed, *sign_batch(texts), text_checks(texts)


@dataclass(frozen=True)
class DocumentChecks:
    """What :func:`check_documents` found in a batch of documents (not a table: a chunk's
    result carries it to this process without it being written); for a chunk
    (:func:`checked_chunk`), also the lines removed and the fragment share per document, read
    from its audit and sentences where it was computed."""

    filled: pd.DataFrame | None
    signatures: np.ndarray
    signed: np.ndarray
    checks: pd.DataFrame
    removed: pd.Series | None = None
    fragments: pd.Series | None = None


# The key of a chunk result (:func:`checked_chunk`) that holds its documents' checks.
CHECKS_KEY = "document_checks"


def checked_chunk(raw_docs: pd.DataFrame, *, fn: Any) -> dict[str, Any]:
    """``fn(raw_docs)``'s result tables, with the :class:`DocumentChecks` of its documents
    under :data:`CHECKS_KEY` (``None`` when its documents table has no ``text``): the
    per-document half of the flags, computed where the chunk was (a worker), while the texts
    are at hand. Picklable as ``functools.partial(checked_chunk, fn=fn)``.

    The tables other than ``documents`` (flagged later, in this process) come back as the
    Arrow tables they are written as (:func:`analysis.measure.engine.arrow_table`): converted
    where the chunk was computed, so that the process that writes every chunk in order, and
    bounds a run's speed on several cores, converts only its own chunks' documents."""
    from analysis.measure.engine import arrow_table, result_tables

    tables: dict[str, Any] = result_tables(fn(raw_docs))
    documents = tables.get("documents")
    with_text = documents is not None and set(documents) >= _READ_FROM
    found = None
    if with_text:
        counts = _per_document_counts(tables.get("audit"), tables.get("sentences"))
        found = DocumentChecks(*check_documents(documents), *counts)
    for name, table in tables.items():
        if name != "documents":
            tables[name] = arrow_table(table)
    tables[CHECKS_KEY] = found
    return tables


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
        self.unflagged = False  # a batch came without the text the flags are read from

    def flag(
        self,
        documents: pd.DataFrame,
        found: DocumentChecks,
        removed: pd.Series,
        fragments: pd.Series,
    ) -> pd.DataFrame:
        """``documents`` (the next batch) flagged, given what :func:`check_documents` found
        in them and the lines removed and fragment shares per ``doc_id`` (which may cover
        more documents than the batch)."""
        from analysis.corpus.quality import flag_documents, share_removed_from_counts

        if found.filled is not None:
            documents = documents.assign(**found.filled)
        ids = documents["doc_id"].astype(str)
        flagged = flag_documents(
            documents,
            removed=share_removed_from_counts(documents, removed, found.checks["lines_kept"]),
            fragments=ids.map(fragments).fillna(0.0),
            duplicate_of=self.finder.add_batch(ids.tolist(), found.signatures, found.signed),
            checks=found.checks,
        )
        for flags in flagged["quality_flags"]:
            if flags:
                self.n_flagged += 1
                self.counts.update(flags.split(";"))
        self.n_docs += len(flagged)
        return flagged if self.keep_text else flagged.drop(columns=["text"])

    def flag_chunk(self, result: dict[str, Any]) -> dict[str, Any]:
        """A :func:`checked_chunk` result with its documents flagged, for the engine to write
        (lines removed from its audit, fragments from its sentences: a document's rows are all
        in its chunk)."""
        found = result.pop(CHECKS_KEY, None)
        if found is None:
            self.unflagged = True
            return result
        assert found.removed is not None and found.fragments is not None, "not a chunk's checks"
        result["documents"] = self.flag(result["documents"], found, found.removed, found.fragments)
        return result

    def summary(self) -> dict[str, Any] | None:
        """Documents, flagged documents and the count of each flag (``None`` when some batch
        could not be flagged)."""
        if self.unflagged:
            return None
        return {
            "documents": self.n_docs,
            "flagged": self.n_flagged,
            "flags": dict(sorted(self.counts.items())),
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
    text (``keep_text=False`` drops it after flagging). Returns the run's summary and what
    was flagged (``None`` when the documents had no text)."""
    import functools

    from analysis.measure.engine import run_local

    flagger = QualityFlagger(keep_text=keep_text)
    checked = functools.partial(checked_chunk, fn=fn)
    summary = run_local(chunks, out_dir, checked, before_writing=flagger.flag_chunk, **options)
    return summary, flagger.summary()


def _columns_or_empty(table: pd.DataFrame | None, columns: list[str]) -> pd.DataFrame:
    """``table[columns]``, or an empty frame of those columns (no table, or an empty table
    without columns: a chunk function writes one when it had no rows)."""
    if table is None or not set(columns) <= set(table.columns):
        return pd.DataFrame({name: pd.Series(dtype="object") for name in columns})
    return table[columns]


def _per_document_counts(
    audit: pd.DataFrame | None, sentences: pd.DataFrame | None
) -> tuple[pd.Series, pd.Series]:
    """Lines removed per document (from the audit) and fragment shares per document (from
    the sentences), either table possibly missing."""
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
        return f"quality flags: none of {quality['documents']} documents flagged"
    counts = ", ".join(f"{name} {n}" for name, n in quality["flags"].items())
    return (
        f"quality flags: {quality['flagged']} of {quality['documents']} documents flagged "
        f"({counts}); see the quality_flags column of documents.parquet"
    )
