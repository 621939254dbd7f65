"""Per-sentence measures for a corpus of any size, streamed in chunks over every core.

INPUT is a CSV/TSV, JSON Lines or Parquet file with a text column and an outlet column (other
metadata optional: doc_id, title, published, url, origin, language), or a folder of .txt files
with a manifest.csv. Writes OUT/sentences.parquet (one row per sentence with every measure),
OUT/documents.parquet, OUT/cleaning_audit.parquet and OUT/run.json (what was read, skipped and
generated; engine, jobs and timing). Results are identical whatever --jobs or --engine is.

Examples:
  python -m analysis process export.parquet --out results/
  python -m analysis process export.csv --out results/ --map text=body,outlet=source --jobs 4
  python -m analysis process export.jsonl --out results/ --engine dask --scheduler tcp://h:8786
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import shutil
import sys
from dataclasses import asdict
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``python -m analysis process``."""
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument(
        "input", type=Path, help="corpus file (.csv/.tsv/.jsonl/.parquet) or folder"
    )
    parser.add_argument("--out", type=Path, required=True, help="output folder for the tables")
    parser.add_argument(
        "--map",
        dest="column_map",
        default=None,
        metavar="NAME=COLUMN,...",
        help="use the file's columns for ours, e.g. text=body,outlet=source",
    )
    parser.add_argument(
        "--jobs",
        type=int,
        default=0,
        help="worker processes (default 0: every core; -1: all but one)",
    )
    parser.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="local processes (default) or Dask (optional extra)",
    )
    parser.add_argument(
        "--scheduler",
        default=None,
        metavar="ADDRESS",
        help="Dask scheduler of an existing cluster (implies --engine dask)",
    )
    parser.add_argument(
        "--chunk-size",
        type=int,
        default=250,
        help="documents per chunk (default 250): the unit of work and of memory",
    )
    parser.add_argument(
        "--codebook", type=Path, default=None, help="frame codebook TOML (default: bundled)"
    )
    parser.add_argument(
        "--no-text",
        action="store_true",
        help="leave the clean article text out of documents.parquet (smaller output)",
    )
    parser.add_argument("--force", action="store_true", help="replace a non-empty --out folder")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")


def _check_out_dir(out: Path, force: bool) -> str | None:
    if out.exists() and not out.is_dir():
        return f"--out {out} exists and is not a folder"
    if out.is_dir() and any(out.iterdir()) and not force:
        return f"--out {out} is not empty; choose another folder or pass --force to replace it"
    return None


def _replace_dir(tmp: Path, out: Path) -> None:
    """Move the finished ``tmp`` folder to ``out``, replacing what was there."""
    if out.exists():
        old = out.with_name(f".{out.name}.old-{os.getpid()}")
        out.rename(old)
        tmp.rename(out)
        shutil.rmtree(old, ignore_errors=True)
    else:
        tmp.rename(out)


def main(args: argparse.Namespace) -> int:
    """Run the per-sentence work over INPUT; exit code 2 on bad input or options."""
    from analysis.corpus.documents import CorpusError
    from analysis.corpus.files import CorpusFileError, read_chunks
    from analysis.measure.dask_engine import run_dask
    from analysis.measure.engine import EngineError, default_chunk_function, run_local

    input_errors = (CorpusFileError, EngineError, CorpusError)

    out: Path = args.out
    problem = _check_out_dir(out, args.force)
    if problem is None and args.chunk_size < 1:
        problem = f"--chunk-size must be at least 1, got {args.chunk_size}"
    if problem is None and not args.input.exists():
        problem = f"{args.input}: no such file or folder"
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    engine = "dask" if args.scheduler else args.engine
    fn = default_chunk_function()
    if args.codebook is not None or args.no_text:
        fn = functools.partial(fn, codebook=args.codebook, keep_text=not args.no_text)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp-{os.getpid()}")
    shutil.rmtree(tmp, ignore_errors=True)
    try:
        chunks, report = read_chunks(
            args.input, columns=args.column_map, chunk_size=args.chunk_size
        )
        options = {"progress": not args.no_progress, "total_docs": report.n_rows_total}
        if engine == "dask":
            summary = run_dask(
                chunks, tmp, fn, scheduler=args.scheduler, n_workers=args.jobs or None, **options
            )
        else:
            summary = run_local(chunks, tmp, fn, jobs=args.jobs, **options)
        if summary.n_docs == 0:
            raise CorpusFileError(f"{args.input}: no documents with text to process")
        run_info = {
            "input": str(args.input),
            "read": asdict(report),
            "run": asdict(summary),
            "chunk_size": args.chunk_size,
            "codebook": str(args.codebook) if args.codebook else None,
        }
        (tmp / "run.json").write_text(json.dumps(run_info, indent=2) + "\n", encoding="utf-8")
        _replace_dir(tmp, out)
    except input_errors as error:
        shutil.rmtree(tmp, ignore_errors=True)
        print(f"error: {error}", file=sys.stderr)
        return 2
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    print(report.summary())
    rate = summary.n_sentences / summary.seconds if summary.seconds else 0.0
    print(
        f"{summary.n_docs} documents, {summary.n_sentences} sentences in {summary.seconds:.1f} s "
        f"({rate:,.0f} sentences/s, {summary.engine} engine, {summary.jobs} workers)"
    )
    for name in sorted(summary.files.values()):
        print(f"wrote {out / name}")
    print(f"wrote {out / 'run.json'}")
    return 0
