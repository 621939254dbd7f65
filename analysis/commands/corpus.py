"""Load, repair, clean and split a corpus folder or file, then write its tables.

Writes reports/tables/documents.csv, sentences.csv (one row per sentence with every
per-sentence measure) and cleaning_audit.csv (every removed or changed line and the rule that
fired) under --out. Raw files are only read. A folder holds one .txt (or .html, .mhtml) file per
article, with a manifest.csv (doc_id, file, outlet, title, published, date_note, url, origin,
language, notes) or without one (see the README); a file is a .csv/.tsv/.json/.jsonl/.parquet/
.xlsx/.xls/.ods export whose columns --map names, as for `process`, or a folder of such files.

The three tables are never written over files this command did not write, or that changed
since it wrote them (--force to replace them); the project's own reports/ are written by
`python -m analysis run` alone.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from analysis.commands.options import add_column_map
from analysis.config import default_corpus_dir, output_dirs


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``python -m analysis corpus``."""
    parser.add_argument(
        "--corpus",
        type=Path,
        default=None,
        help="corpus folder or file (default: the bundled seeds/)",
    )
    add_column_map(parser)
    parser.add_argument(
        "--out",
        type=Path,
        required=True,
        help="output root; tables go to OUT/reports/tables",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="replace tables in OUT/reports/tables that this command did not write, or that "
        "changed since (an unchanged earlier output is replaced without it)",
    )
    parser.add_argument(
        "--codebook", type=Path, default=None, help="frame codebook TOML (default: bundled)"
    )


def main(args: argparse.Namespace) -> int:
    """Run the corpus step; exit code 2 on a corpus that cannot be loaded."""
    from analysis.corpus.documents import CorpusError
    from analysis.corpus.files import CorpusFileError
    from analysis.corpus.tables import CORPUS_TABLES, cleaning_summary, write_corpus_tables
    from analysis.loading import load_corpus
    from analysis.written import record_written, refused

    corpus_dir = args.corpus or default_corpus_dir()
    tables_dir = output_dirs(args.out)["tables"]
    if refused([tables_dir / name for name in CORPUS_TABLES], getattr(args, "force", False)):
        return 2
    try:
        corpus = load_corpus(
            corpus_dir, measures=True, codebook=args.codebook, column_map=args.column_map
        )
    except (CorpusError, CorpusFileError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    written = write_corpus_tables(corpus, tables_dir)
    record_written(written)
    docs = corpus.documents
    print(
        f"{len(docs)} documents, {len(corpus.sentences)} sentences, "
        f"{int(docs['n_words'].sum())} words from {corpus_dir}"
    )
    removed = cleaning_summary(corpus.audit).groupby("action")["n_lines"].sum()
    changes = ", ".join(f"{n} lines {a}" for a, n in removed.items())
    print(f"cleaning: {changes or 'no line removed or changed'}")
    for path in written:
        print(f"wrote {path}")
    return 0
