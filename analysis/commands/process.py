"""Per-sentence measures for a corpus of any size, streamed in chunks over every core.

INPUT is a CSV/TSV, JSON or JSON Lines, Parquet or spreadsheet (.xlsx/.xls/.ods: the first sheet
holding the columns) file, or a folder of such files, with a text column (or an html column of saved
pages) and an outlet column (or a url column: each outlet is then its address's site; other metadata
optional: doc_id, title, author, published, url, origin, language), or a folder of articles as `run`
reads one (.txt, saved pages .html/.mhtml/.webarchive or .html.gz, .docx, .rtf, Markdown notes .md,
and Nexis Uni, LexisNexis or Factiva exports, read as their articles; a manifest.csv is optional).
Writes OUT/sentences.parquet (one row per sentence with every measure), OUT/documents.parquet (one
row per document, with the quality flags `run` gives: share of lines removed, short, truncated,
fragments, near-duplicate of an earlier document, language, mojibake), OUT/cleaning_audit.parquet
and OUT/run.json (what was read, skipped, generated and flagged; engine, jobs and timing). The
values are identical whatever --jobs or --engine is (the Parquet files' bytes may differ between
engines); --chunk-size can change a few cleaned lines (see its help).

Examples:
  python -m analysis process export.parquet --out results/
  python -m analysis process export.csv --out results/ --map text=body,outlet=source --jobs 4
  python -m analysis process export.jsonl --out results/ --engine dask --scheduler tcp://h:8786
"""

from __future__ import annotations

import argparse
import functools
import gc
import json
import os
import shutil
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from analysis.commands.options import add_column_map
from analysis.outputs import (
    LOCK,
    MANIFEST,
    OutputsError,
    describe_os_error,
    is_kept_aside,
    locked,
    recover,
    remove_lock_folder,
    swap_in,
    unchanged_outputs,
)
from analysis.pipeline.deferred_signals import deferred_signals


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``python -m analysis process``."""
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument(
        "input",
        type=Path,
        help="corpus file (.csv/.tsv/.json/.jsonl/.parquet/.xlsx/.xls/.ods) or folder",
    )
    parser.add_argument("--out", type=Path, required=True, help="output folder for the tables")
    add_column_map(parser)
    parser.add_argument(
        "--jobs",
        type=int,
        default=0,
        help="worker processes (default 0: every core; -1: all but one; at most the cores this "
        "process may use: more would not be faster)",
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
        default=500,
        help="documents per chunk (default 500): the unit of work and of memory, and of "
        "cleaning's template lines (a line repeated across a chunk's articles of one outlet is "
        "removed), so another chunk size can clean a few lines differently",
    )
    parser.add_argument(
        "--codebook",
        type=Path,
        default=None,
        help="frame codebook TOML (default: a folder's analysis.toml, else 5 generic frames)",
    )
    for name, what in (
        ("actors", "actor lexicon TOML (without one, actor columns are left out)"),
        ("sources", "sourcing lexicon TOML"),
        ("hedges", "hedging lexicon TOML"),
        ("news_terms", "news-term CSV for vader-news"),
    ):
        parser.add_argument(
            f"--{name.replace('_', '-')}", dest=name, type=Path, default=None, help=what
        )
    parser.add_argument(
        "--no-text",
        action="store_true",
        help="leave the clean article text out of documents.parquet (smaller output)",
    )
    parser.add_argument(
        "--no-quality",
        action="store_true",
        help="skip the quality flags (each document's MinHash signature and checks where its "
        "chunk is computed, near-duplicates found in corpus order before writing; with "
        "--engine dask, a second pass over the documents written)",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="write into an --out folder that holds files an earlier `process` did not write "
        "(or that changed since): its own outputs are replaced, every other file is kept (one "
        "with an output's name as NAME.yours.EXT); a folder of its own unchanged outputs needs "
        "no --force",
    )
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _check_out_dir(out: Path, force: bool, input_path: Path | None = None) -> str | None:
    from analysis.commands.options import unsafe_out

    problem = unsafe_out(out)
    if problem:
        return problem
    if out.exists() and not out.is_dir():
        return f"--out {out} exists and is not a folder"
    target = out.resolve()
    if _inside(Path.cwd().resolve(), target):
        return f"--out {out} is the current folder or holds it; choose a folder for the tables"
    if input_path is not None and input_path.exists():
        source = input_path.resolve()
        if _inside(source, target) or _inside(target, source):
            return (
                f"--out {out} holds the input {input_path} (or lies inside it); choose a "
                "folder of its own for the tables"
            )
    others = _others_in(out) if out.is_dir() and not force else []
    if others:
        # named, as `run` names them (analysis.outputs.refusal): a tester could not tell which
        # of the folder's files stopped the command
        shown = ", ".join(others[:3]) + (f" and {len(others) - 3} more" if len(others) > 3 else "")
        return (
            f"--out {out} holds files an earlier `process` did not write, or that changed "
            f"since ({shown}); choose an empty folder, or pass --force to write alongside them "
            "(never deleted: one with an output's name is kept as NAME.yours.EXT)"
        )
    return None


def _others_in(out: Path) -> list[str]:
    """The files of ``out`` (but hidden ones and those kept aside) that are not outputs an
    earlier ``process`` recorded there, unchanged: a rerun into its own folder replaces them
    without --force, as ``run`` does (a tester's rerun was refused)."""
    owned = unchanged_outputs(out, out / MANIFEST)
    found = (p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    return sorted(
        rel
        for rel in found
        if not any(part.startswith(".") for part in rel.split("/"))
        and rel not in owned
        and not is_kept_aside(rel)
    )


def _replace_outputs(tmp: Path, out: Path) -> None:
    """Move the files of the finished ``tmp`` folder into ``out``, replacing only the outputs an
    earlier ``process`` recorded there (crash-safe; see :mod:`analysis.outputs`)."""
    out.mkdir(parents=True, exist_ok=True)
    manifest = out / MANIFEST
    files = sorted(
        p.relative_to(tmp).as_posix()
        for p in tmp.rglob("*")
        if p.is_file() and not p.name.startswith(".")
    )
    owned = unchanged_outputs(out, manifest)  # a table someone changed since is kept aside
    swap_in(tmp, out, files, owned, manifest, lambda m: print(m, file=sys.stderr))
    shutil.rmtree(tmp, ignore_errors=True)


def _remove_if_only_ours(out: Path, created: bool) -> None:
    """After a failed run, remove ``out`` again when this run created it and left nothing in
    it, or only its lock (the lock leaves with the run that took it)."""
    if created and out.is_dir():
        remove_lock_folder(out)


def emptied_documents(path: Path) -> list[str]:
    """The ids of the documents of ``documents.parquet`` that cleaning left without a word
    (``n_words`` 0), in file order; empty when the file has no such column."""
    import pyarrow.parquet as pq

    if not path.is_file() or "n_words" not in pq.read_schema(path).names:
        return []
    table = pq.read_table(path, columns=["doc_id", "n_words"])
    words = table.column("n_words").to_pylist()
    return [
        str(d) for d, n in zip(table.column("doc_id").to_pylist(), words, strict=True) if n == 0
    ]


def main(args: argparse.Namespace) -> int:
    """Run the per-sentence work over INPUT; exit code 2 on bad input or options."""
    from analysis.nltk_import import import_nltk_lean

    # before the corpus modules import NLTK: without SciPy and scikit-learn, which the work
    # never uses (about 0.8 s of CPU of a run's start, as `run` and the workers do)
    import_nltk_lean()
    from analysis.corpus.documents import CorpusError
    from analysis.corpus.exports import truncated_documents_in_parquet
    from analysis.corpus.files import CorpusFileError, read_chunks
    from analysis.measure.dask_engine import run_dask
    from analysis.measure.document_quality import (
        flag_processed_documents,
        run_local_flagged,
    )
    from analysis.measure.engine import EngineError, default_chunk_function, run_local

    input_errors = (CorpusFileError, EngineError, CorpusError)

    out: Path = args.out
    try:
        if out.is_dir():
            recover(out, lambda message: print(message, file=sys.stderr))
    except (OSError, OutputsError) as err:
        text = describe_os_error(err) if isinstance(err, OSError) else str(err)
        print(f"error: {text}", file=sys.stderr)
        return 2
    problem = _check_out_dir(out, args.force, args.input)
    if problem is None and args.chunk_size < 1:
        problem = f"--chunk-size must be at least 1, got {args.chunk_size}"
    if problem is None and not args.input.exists():
        problem = f"{args.input}: no such file or folder"
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    engine = "dask" if args.scheduler else args.engine
    from analysis.measure.warmup import warm_up
    from analysis.settings import SettingsError, check_lexicons, resolve_lexicons

    try:
        lexicons = resolve_lexicons(
            args.input if args.input.is_dir() else None,
            codebook=args.codebook,
            actors=args.actors,
            sources=args.sources,
            hedges=args.hedges,
            news_terms=args.news_terms,
        )
        check_lexicons(lexicons)  # every file loads, before any chunk is read
    except SettingsError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    # Discovering actors needs the whole corpus; chunks are measured one at a time (and must not
    # depend on how the file is cut), so without an actor list the actor columns are left out.
    with_actors = lexicons.actors is not None
    if not with_actors:
        print(
            "note: no actor list (--actors FILE or the corpus's analysis.toml): actor columns "
            "are left out; `run` discovers actors over the whole corpus",
            file=sys.stderr,
        )
    fn = functools.partial(
        default_chunk_function(),
        lexicons=lexicons,
        actors=with_actors,
        keep_text=not (args.no_text and args.no_quality),  # the flags are read from the text
    )
    if engine == "local":  # the workers started, then every process warms up (measure.warmup)
        warm_up(fn, quality=not args.no_quality, jobs=args.jobs, freeze=True)
    tmp = out.with_name(f".{out.name}.tmp-{os.getpid()}")
    created = not out.exists()
    try:
        out.mkdir(parents=True, exist_ok=True)
        with locked(out / LOCK, out):
            shutil.rmtree(tmp, ignore_errors=True)
            chunks, report = read_chunks(
                args.input, columns=args.column_map, chunk_size=args.chunk_size
            )
            options = {"progress": not args.no_progress, "total_docs": report.n_rows_total}
            quality = None
            if engine == "dask":
                summary = run_dask(
                    chunks,
                    tmp,
                    fn,
                    scheduler=args.scheduler,
                    n_workers=args.jobs or None,
                    **options,
                )
                if not args.no_quality:  # a second pass over the documents written
                    quality = flag_processed_documents(
                        tmp, keep_text=not args.no_text, progress=not args.no_progress
                    )
            elif args.no_quality:
                summary = run_local(chunks, tmp, fn, jobs=args.jobs, **options)
            else:  # flagged on the way, before each chunk is written
                summary, quality = run_local_flagged(
                    chunks, tmp, fn, keep_text=not args.no_text, jobs=args.jobs, **options
                )
            if summary.n_docs == 0:
                raise CorpusFileError(f"{args.input}: no documents with text to process")
            cut_short = truncated_documents_in_parquet(tmp / "cleaning_audit.parquet")
            emptied = emptied_documents(tmp / "documents.parquet")
            run_info = {
                "input": str(args.input),
                "read": asdict(report),
                "run": asdict(summary),
                "chunk_size": args.chunk_size,
                "codebook": str(args.codebook) if args.codebook else None,
                "quality": quality,
                # articles a news API or feed cut short (its mark cut by cleaning)
                "cut_short": {"documents": len(cut_short), "first": cut_short[:5]},
                # documents cleaning left without text: kept here, left out by `run`
                "emptied": {"documents": len(emptied), "first": emptied[:5]},
            }
            (tmp / "run.json").write_text(json.dumps(run_info, indent=2) + "\n", encoding="utf-8")
            with deferred_signals() as held:  # a swap begun is finished, then the signal said
                _replace_outputs(tmp, out)
    except (*input_errors, OutputsError) as error:
        shutil.rmtree(tmp, ignore_errors=True)
        _remove_if_only_ours(out, created)
        print(f"error: {error}", file=sys.stderr)
        return 2
    except OSError as error:
        shutil.rmtree(tmp, ignore_errors=True)
        _remove_if_only_ours(out, created)
        print(f"error: {describe_os_error(error)}", file=sys.stderr)
        return 1
    except BaseException as error:
        shutil.rmtree(tmp, ignore_errors=True)
        _remove_if_only_ours(out, created)
        if isinstance(error, KeyboardInterrupt):
            print(
                f"stopped before this run's outputs were complete: nothing of it was written "
                f"to {out} (what was there is unchanged)",
                file=sys.stderr,
            )
        raise
    finally:
        gc.unfreeze()  # the objects frozen by the warm-up are collected as usual again
    complete = f"{out} holds this run's outputs, complete (exit status 0)"
    if held:
        # a tester's Ctrl-C at the very end exited 130, "interrupted", with the outputs written
        print(
            f"interrupted while the outputs were put in place: that was finished first, so "
            f"{complete}; the summary is left out",
            file=sys.stderr,
        )
        return 0
    try:
        _print_summary(args, out, report, summary, quality, cut_short, emptied)
    except KeyboardInterrupt:
        print(f"\ninterrupted after the outputs were written: {complete}", file=sys.stderr)
    return 0


def _print_summary(
    args: argparse.Namespace,
    out: Path,
    report: Any,
    summary: Any,
    quality: dict[str, Any] | None,
    cut_short: list[str],
    emptied: list[str],
) -> None:
    """What a finished ``process`` read and wrote, and what it warns about."""
    from analysis.corpus.exports import cut_short_warning
    from analysis.measure.document_quality import quality_line
    from analysis.user_warnings import warn_user

    print(report.summary())
    rate = summary.n_sentences / summary.seconds if summary.seconds else 0.0
    print(
        f"{summary.n_docs} documents, {summary.n_sentences} sentences in {summary.seconds:.1f} s "
        f"({rate:,.0f} sentences/s, {summary.engine} engine, {summary.jobs} processes)"
    )
    if not args.no_quality:
        print(quality_line(quality))
    if (cut := cut_short_warning(cut_short, summary.n_docs)) is not None:
        warn_user(cut)
    if emptied:
        shown = ", ".join(emptied[:5]) + (", …" if len(emptied) > 5 else "")
        warn_user(
            f"{len(emptied)} document(s) have no text left after cleaning ({shown}): they are "
            "kept in documents.parquet with n_sentences 0 (cleaning_audit.parquet says what was "
            "removed); `run` and `corpus` leave them out, so their counts are smaller"
        )
    for name in sorted(summary.files.values()):
        print(f"wrote {out / name}")
    print(f"wrote {out / 'run.json'}")
