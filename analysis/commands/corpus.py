"""Load, repair, clean and split a corpus folder or file, then write its tables.

Writes reports/tables/documents.csv, sentences.csv (one row per sentence with every per-sentence
measure) and cleaning_audit.csv (every removed or changed line and the rule that fired) under
--out. Raw files are only read. A folder holds one file per article (.txt, saved pages
.html/.htm/.mhtml/.webarchive or .html.gz, .docx, .rtf, Markdown notes .md; or Nexis Uni,
LexisNexis or Factiva exports, read as their articles), with a manifest.csv (doc_id, file, outlet,
title, author, published, date_note, url, origin, language, notes) or without one (see the README);
a file is a .csv/.tsv/.json/.jsonl/.parquet/.xlsx/.xls/.ods export whose columns --map names, as
for `process`, or a folder of such files. The frames are those of the corpus folder's analysis.toml
when it names a codebook, else the package's five generic frames; --codebook replaces them.

The three tables are never written over files this command did not write, or that changed
since it wrote them (--force to replace them); the project's own reports/ are written by
`python -m analysis run` alone.
"""

from __future__ import annotations

import argparse
import sys
from contextlib import nullcontext
from pathlib import Path

from analysis.commands.options import add_column_map, unsafe_out
from analysis.config import output_dirs


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
        help="write over tables in OUT/reports/tables that this command did not write, or "
        "that changed since, keeping each as NAME.yours.EXT (an unchanged earlier output is "
        "replaced without it)",
    )
    parser.add_argument(
        "--codebook",
        type=Path,
        default=None,
        help="frame codebook (.toml, .yaml or .yml) to measure the frames with (default: the one "
        "the corpus folder's analysis.toml names, else the package's five generic frames)",
    )


def not_a_folder(out: Path) -> str | None:
    """Why the tables cannot go under ``out``: it, or ``reports/`` or ``reports/tables/`` in
    it, exists and is not a folder; None when they can."""
    for folder in (out, out / "reports", out / "reports" / "tables"):
        if folder.exists() and not folder.is_dir():
            return f"--out {out}: {folder} exists and is not a folder; --out takes a folder"
    return None


def _a_runs_folder(out: str | Path | None) -> str:
    """Why ``out`` cannot take this command's tables: it holds the outputs of ``python -m
    analysis run``, whose summary and figures its tables there belong to (a tester's `corpus`
    into such a folder set the run's own tables aside as "yours" and left a summary of another
    corpus); else ``""``."""
    from analysis.outputs import MANIFEST

    reports = output_dirs(out)["reports"]
    if not (reports / MANIFEST).is_file():
        return ""
    return (
        f"--out {output_dirs(out)['root']} holds the outputs of `python -m analysis run` "
        f"({reports / MANIFEST}): its tables there go with its summary and figures. Choose "
        "another --out, or run `python -m analysis run` again into it"
    )


def main(args: argparse.Namespace) -> int:
    """Run the corpus step; exit code 2 on bad input (a corpus or codebook that cannot be
    loaded, an --out that is not a folder, tables it must not replace), 1 when writing fails."""
    from analysis.corpus.documents import CorpusError
    from analysis.corpus.files import CorpusFileError
    from analysis.corpus.tables import CORPUS_TABLES, write_corpus_tables
    from analysis.loading import given_corpus, load_corpus
    from analysis.outputs import describe_os_error
    from analysis.pipeline.params import ParameterError, check_out_apart
    from analysis.settings import SettingsError, check_lexicons, resolve_lexicons
    from analysis.written import record_written, refused, set_aside

    tables_dir = output_dirs(args.out)["tables"]
    problem = unsafe_out(args.out) or not_a_folder(args.out) or _a_runs_folder(args.out)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    if refused([tables_dir / name for name in CORPUS_TABLES], getattr(args, "force", False)):
        return 2
    try:
        corpus_dir = given_corpus(args.corpus)
        check_out_apart(Path(corpus_dir), args.out)  # reports/ among the articles: as run refuses
        lexicons = resolve_lexicons(corpus_dir, codebook=args.codebook)
        check_lexicons(lexicons)  # a bad codebook is one line naming it, before any reading
        corpus = load_corpus(
            corpus_dir, measures=True, lexicons=lexicons, column_map=args.column_map
        )
    except (
        CorpusError,
        CorpusFileError,
        SettingsError,
        FileNotFoundError,
        ParameterError,
    ) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if corpus.documents.empty:  # every document emptied by cleaning: no tables to write
        print(
            f"error: {corpus_dir}: no document has text left after cleaning (the warning above "
            "names why); nothing written",
            file=sys.stderr,
        )
        return 2
    from analysis.outputs import LOCK, OutputsError, locked

    lock = output_dirs(args.out)["reports"] / LOCK
    try:
        # a run's lock, when its folder has one: a run writing there now refuses this command
        # (a tester's `corpus` into a running run's --out mixed two corpora's tables)
        with locked(lock, output_dirs(args.out)["root"]) if lock.exists() else nullcontext():
            for line in set_aside([tables_dir / name for name in CORPUS_TABLES]):
                print(line, file=sys.stderr)  # a --force write: the user's table kept beside it
            written = write_corpus_tables(corpus, tables_dir)
            record_written(written)
    except OutputsError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except OSError as error:
        print(f"error: {describe_os_error(error)}", file=sys.stderr)
        return 1
    docs = corpus.documents
    print(
        f"{len(docs)} documents, {len(corpus.sentences)} sentences, "
        f"{int(docs['n_words'].sum())} words from {corpus_dir}"
    )
    # lines, each under its strongest action, as the summary counts them (a line changed by
    # two rules was two "lines changed" here and one in the summary)
    from analysis.report.facts import line_actions

    counts = line_actions(corpus.audit).value_counts().sort_index() if len(corpus.audit) else {}
    changes = ", ".join(f"{n} lines {a}" for a, n in dict(counts).items())
    from analysis.corpus.cleaning import NOT_EXTRACTED

    blocks = int((corpus.audit["action"] == NOT_EXTRACTED).sum()) if len(corpus.audit) else 0
    left = f"; {blocks} blocks of saved pages left out by extraction" if blocks else ""
    print(f"cleaning: {changes or 'no line removed or changed'}{left}")
    for path in written:
        print(f"wrote {path}")
    return 0
