"""Load, repair, clean and split a corpus folder, then write its tables.

Writes reports/tables/documents.csv, sentences.csv (one row per sentence with every
per-sentence measure) and cleaning_audit.csv (every removed or changed line and the rule that
fired) under the output root. Raw files are only read. The folder needs one UTF-8 .txt file per
article and a manifest.csv (doc_id, file, outlet, title, published, date_note, url, origin,
language, notes); see the README for corpora without a manifest.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from analysis.config import default_corpus_dir, output_dirs


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``python -m analysis corpus``."""
    parser.add_argument(
        "--corpus",
        type=Path,
        default=None,
        help="corpus folder with .txt files and manifest.csv (default: the bundled seeds/)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=None,
        help="output root; tables go to OUT/reports/tables (default: the project root)",
    )
    parser.add_argument(
        "--codebook", type=Path, default=None, help="frame codebook TOML (default: bundled)"
    )


def main(args: argparse.Namespace) -> int:
    """Run the corpus step; exit code 2 on a corpus that cannot be loaded."""
    from analysis.corpus.documents import CorpusError
    from analysis.corpus.tables import cleaning_summary, write_corpus_tables
    from analysis.loading import load_corpus

    corpus_dir = args.corpus or default_corpus_dir()
    tables_dir = output_dirs(args.out)["tables"]
    try:
        corpus = load_corpus(corpus_dir, measures=True, codebook=args.codebook)
    except CorpusError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    written = write_corpus_tables(corpus, tables_dir)
    docs = corpus.documents
    print(
        f"{len(docs)} documents, {len(corpus.sentences)} sentences, "
        f"{int(docs['n_words'].sum())} words from {corpus_dir}"
    )
    removed = cleaning_summary(corpus.audit).groupby("action")["n_lines"].sum()
    print("cleaning: " + ", ".join(f"{n} lines {a}" for a, n in removed.items()))
    for path in written:
        print(f"wrote {path}")
    return 0
