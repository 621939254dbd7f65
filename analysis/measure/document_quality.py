"""Quality flags for a processed corpus: a second pass over ``process``'s Parquet outputs.

``python -m analysis run`` flags documents in memory
(:func:`analysis.corpus.quality.quality_table`). A corpus streamed through ``process`` is
never in memory at once, so its flags are added to ``documents.parquet`` afterwards, in batches:

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

The flags are the ones ``run`` gives the same corpus; memory holds one batch of texts and
one signature per document (~1 KB), not the corpus.
"""

from __future__ import annotations

import os
from collections import Counter, deque
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow.parquet as pq

BATCH_DOCS = 500  # documents per batch sent to a worker
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


def _per_document_counts(folder: Path) -> tuple[pd.Series, pd.Series]:
    """Lines removed per document (audit) and fragment shares per document (sentences)."""
    from analysis.corpus.quality import fragment_share_by_doc, removed_line_counts

    audit = _read_columns(folder / "cleaning_audit.parquet", ["doc_id", "action"])
    sentences = _read_columns(folder / "sentences.parquet", ["doc_id", "n_words"])
    return removed_line_counts(audit), fragment_share_by_doc(sentences)


def _read_columns(path: Path, columns: list[str]) -> pd.DataFrame:
    """``columns`` of a Parquet file; an empty frame when the file is missing or has none of
    them (a chunk function writes an empty table without columns when it had no rows)."""
    if not path.is_file() or not set(columns) <= set(pq.read_schema(path).names):
        return pd.DataFrame({name: pd.Series(dtype="object") for name in columns})
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
    from analysis.corpus.quality import DuplicateFinder, flag_documents, share_removed_from_counts
    from analysis.measure.engine import ParquetTableWriter, map_chunks, progress_bar

    folder = Path(folder)
    path = folder / "documents.parquet"
    source = pq.ParquetFile(path)
    if not {"doc_id", "text", "n_words"} <= set(source.schema_arrow.names):
        return None
    removed, fragments = _per_document_counts(folder)
    finder = DuplicateFinder()
    tmp = folder / f".documents.parquet.tmp-{os.getpid()}"
    writer = ParquetTableWriter(tmp)
    counts: Counter[str] = Counter()
    n_docs = n_flagged = 0
    held: deque[pd.DataFrame] = deque()  # the batches sent and not yet flagged, in order

    def batches() -> Iterator[pd.DataFrame]:
        for batch in source.iter_batches(batch_size=batch_docs):
            held.append(batch.to_pandas())
            yield held[-1]

    bar = progress_bar(source.metadata.num_rows, progress, "quality flags")
    try:
        for _, results in map_chunks(batches(), check_documents, jobs=jobs):
            filled, signatures, signed, checks = results
            documents = held.popleft()
            if filled is not None:
                documents = documents.assign(**filled)
            ids = documents["doc_id"].astype(str)
            flagged = flag_documents(
                documents,
                removed=share_removed_from_counts(documents, removed, checks["lines_kept"]),
                fragments=ids.map(fragments).fillna(0.0),
                duplicate_of=finder.add_batch(ids.tolist(), signatures, signed),
                checks=checks,
            )
            for flags in flagged["quality_flags"]:
                if flags:
                    n_flagged += 1
                    counts.update(flags.split(";"))
            n_docs += len(flagged)
            writer.write(flagged if keep_text else flagged.drop(columns=["text"]))
            bar.update(len(flagged))
        writer.close()
        os.replace(tmp, path)
    finally:
        bar.close()
        tmp.unlink(missing_ok=True)
    return {"documents": n_docs, "flagged": n_flagged, "flags": dict(sorted(counts.items()))}


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
