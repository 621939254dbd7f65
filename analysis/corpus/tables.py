"""The corpus step's tables: documents, sentences (with every per-sentence measure), audit."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis.corpus.documents import Corpus, extra_columns
from analysis.corpus.quality import QUALITY_COLUMNS
from analysis.corpus.transcripts import SPEAKER_COLUMNS
from analysis.io import write_table

DOCUMENTS_CSV_COLUMNS = [
    "doc_id",
    "outlet",
    "title",
    "author",
    "published",
    "url",
    "origin",
    "language",
    "n_sentences",
    "n_words",
    "text",
    "n_encoding_repairs",
    "encoding",
    "date_note",
    "metadata_note",
    # the manifest's or corpus file's own notes (README: metadata): read but written nowhere
    # before (a tester's "Zeile mit € ergänzt", the seeds' notes on each article's title)
    "notes",
    *QUALITY_COLUMNS,
]
SENTENCES_LEAD_COLUMNS = ["doc_id", "outlet", "sentence_id", "sentence"]
AUDIT_CSV_COLUMNS = ["doc_id", "line_no", "original", "rule", "action", "result"]


def documents_csv(documents: pd.DataFrame) -> pd.DataFrame:
    """The documents table in its published column order, then the user's own metadata columns
    (a manifest's or export's ``lean``...), which a run may group by."""
    ours = [c for c in DOCUMENTS_CSV_COLUMNS if c in documents.columns]
    return documents[[*ours, *extra_columns(documents)]]


def sentences_csv(sentences: pd.DataFrame) -> pd.DataFrame:
    """The sentences table: the four key columns first, then every measure; a transcript's
    speaker columns (:data:`~analysis.corpus.documents.SPEAKER_COLUMNS`) only when a sentence
    has a speaker (a corpus without transcripts has the table it had before them)."""
    spoken = [c for c in SPEAKER_COLUMNS if c in sentences.columns]
    if spoken and not (sentences[spoken[0]].fillna("").astype(str) != "").any():
        sentences = sentences.drop(columns=spoken)
    rest = [c for c in sentences.columns if c not in SENTENCES_LEAD_COLUMNS]
    return sentences[SENTENCES_LEAD_COLUMNS + rest]


# The files write_corpus_tables writes, in order.
CORPUS_TABLES = ("documents.csv", "sentences.csv", "cleaning_audit.csv")


def write_corpus_tables(corpus: Corpus, tables_dir: Path | str) -> list[Path]:
    """Write documents.csv, sentences.csv and cleaning_audit.csv into ``tables_dir``."""
    tables_dir = Path(tables_dir)
    frames = dict(
        zip(
            CORPUS_TABLES,
            (
                documents_csv(corpus.documents),
                sentences_csv(corpus.sentences),
                corpus.audit[AUDIT_CSV_COLUMNS],
            ),
            strict=True,
        )
    )
    return [write_table(frame, tables_dir / name) for name, frame in frames.items()]


def cleaning_summary(audit: pd.DataFrame) -> pd.DataFrame:
    """Lines removed, changed or moved per document and rule (for the notebook)."""
    if audit.empty:
        return pd.DataFrame(columns=["doc_id", "rule", "action", "n_lines"])
    return (
        audit.groupby(["doc_id", "rule", "action"], sort=True)
        .size()
        .rename("n_lines")
        .reset_index()
    )
