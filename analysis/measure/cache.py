"""Reuse per-sentence results across notebooks when nothing they depend on has changed.

The per-sentence work is the expensive part. Notebook 01 computes it; notebooks 02 and 03 (and a
rerun with only plotting parameters changed) read it back. The cache key is a hash of the corpus
(a folder's files, or a corpus file's bytes), the column mapping of a corpus file, the codebook
and lexicon files, and the package version, so any change recomputes.

A corpus may be a folder (``.txt`` files + manifest, loaded whole) or one CSV/TSV/JSON Lines/
Parquet file (read in chunks and measured on every core with
:func:`analysis.measure.engine.map_chunks`;
the tables are the same as with one process).
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import json
import os
import shutil
import sys
import tempfile
import warnings
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from analysis import __version__
from analysis.config import DATA_DIR, default_corpus_dir
from analysis.corpus.documents import Corpus, build_corpus, corpus_fingerprint

_PARTS = ("documents", "sentences", "audit")


def _column_spec(columns: Mapping[str, str] | str | None) -> str:
    """The column mapping in one canonical form (part of the cache key)."""
    if not columns:
        return ""
    from analysis.corpus.files import parse_column_map

    return json.dumps(parse_column_map(columns), sort_keys=True)


def cache_key(
    corpus_dir: Path | str,
    codebook: Path | str | None = None,
    columns: Mapping[str, str] | str | None = None,
) -> str:
    """Hash of everything the per-sentence results depend on.

    ``corpus_dir`` is a corpus folder or a corpus file (hashed in blocks, so a large file costs
    one read and no memory); ``columns`` is a corpus file's column mapping.
    """
    digest = hashlib.sha256()
    digest.update(f"analysis {__version__}\0".encode())
    digest.update(corpus_fingerprint(corpus_dir).encode())
    spec = _column_spec(columns)
    if spec:  # absent for folders and unmapped files, so their keys stay as they were
        digest.update(b"columns\0" + spec.encode() + b"\0")
    data_files = sorted(p for p in DATA_DIR.iterdir() if p.is_file())
    if codebook is not None:
        data_files.append(Path(codebook))
    for path in data_files:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def measured_corpus(
    corpus_dir: Path | str | None = None,
    *,
    codebook: Path | str | None = None,
    cache_dir: Path | str | None = None,
    columns: Mapping[str, str] | str | None = None,
    jobs: int | None = None,
    progress: bool = True,
) -> Corpus:
    """The corpus with every per-sentence measure, from the cache when it is current.

    ``corpus_dir`` is a corpus folder or a corpus file (``.csv``, ``.tsv``, ``.jsonl``,
    ``.parquet``, with the columns ``python -m analysis process`` takes; ``columns`` maps our
    names to the file's, e.g. ``"text=body,outlet=source"``). A file is measured chunk by chunk
    on ``jobs`` processes (default: every core; the tables do not depend on it) with a progress
    bar on stderr when it has more than one chunk (``progress=False`` hides it).

    Without ``cache_dir`` nothing is cached. A cache entry is written to a temporary folder and
    renamed into place, so an interrupted run never leaves a partial entry, and an existing entry
    is never replaced while another process may be reading it.
    """
    from analysis.measure.chunk import measure_sentences

    corpus_dir = Path(corpus_dir) if corpus_dir is not None else default_corpus_dir()
    if not corpus_dir.exists():
        raise FileNotFoundError(f"corpus not found: {corpus_dir}")
    if columns and corpus_dir.is_dir():
        raise ValueError(
            f"{corpus_dir}: a column mapping applies to a corpus file, not a folder; "
            "a folder's metadata comes from its manifest.csv"
        )
    entry = None
    if cache_dir is not None:
        entry = Path(cache_dir) / cache_key(corpus_dir, codebook, columns)
        if all((entry / f"{part}.parquet").is_file() for part in _PARTS):
            frames = {part: pd.read_parquet(entry / f"{part}.parquet") for part in _PARTS}
            return Corpus(**frames)
    if corpus_dir.is_dir():
        corpus = build_corpus(corpus_dir)
        measured = Corpus(
            documents=corpus.documents,
            sentences=measure_sentences(corpus.sentences, codebook=codebook),
            audit=corpus.audit,
        )
    else:
        measured = measure_corpus_file(
            corpus_dir, codebook=codebook, columns=columns, jobs=jobs, progress=progress
        )
    if entry is not None:
        _store(measured, entry)
    return measured


def measure_corpus_file(
    path: Path | str,
    *,
    codebook: Path | str | None = None,
    columns: Mapping[str, str] | str | None = None,
    jobs: int | None = None,
    progress: bool = True,
    chunk_size: int | None = None,
) -> Corpus:
    """Read a corpus file in chunks and run :func:`analysis.measure.chunk.process_chunk` over them.

    Chunks run on ``jobs`` processes (``None``: every core) in input order, so the tables are
    identical to a one-process run; a file of one chunk runs in this process. Documents whose
    text is empty after cleaning are dropped with a warning (a folder refuses them; an export of
    thousands of articles should not fail for one empty row). The tables have the same columns
    as a folder corpus.
    """
    from analysis.corpus.files import DEFAULT_CHUNK_SIZE, read_corpus_file
    from analysis.measure.chunk import process_chunk
    from analysis.measure.engine import map_chunks

    path = Path(path)
    chunks, report = read_corpus_file(
        path,
        columns=dict(columns) if isinstance(columns, Mapping) else columns,
        chunk_size=chunk_size or DEFAULT_CHUNK_SIZE,
    )
    first = list(itertools.islice(chunks, 2))
    n_jobs = jobs if len(first) > 1 else 1
    stream = itertools.chain(first, chunks)
    fn = functools.partial(process_chunk, codebook=str(codebook) if codebook else None)
    parts: dict[str, list[pd.DataFrame]] = {part: [] for part in _PARTS}
    with _progress_bar(report.n_rows_total, enabled=progress and len(first) > 1) as bar:
        for n_docs, result in map_chunks(stream, fn, jobs=n_jobs):
            for part in _PARTS:
                parts[part].append(getattr(result, part))
            bar.update(n_docs)
    if not parts["documents"]:
        raise ValueError(f"{path}: no documents with text in the file")
    tables = {part: _concat(frames) for part, frames in parts.items()}
    documents = tables["documents"]
    empty = documents["n_words"].to_numpy() == 0
    if empty.any():
        ids = documents.loc[empty, "doc_id"].astype(str).tolist()
        shown = ", ".join(ids[:5]) + (", …" if len(ids) > 5 else "")
        warnings.warn(
            f"{path.name}: {len(ids)} document(s) have no text left after cleaning and are "
            f"left out: {shown}",
            stacklevel=2,
        )
        tables["documents"] = documents[~empty].reset_index(drop=True)
    return Corpus(**tables)


def _concat(frames: list[pd.DataFrame]) -> pd.DataFrame:
    non_empty = [f for f in frames if len(f)]
    if not non_empty:
        return frames[0].iloc[:0].reset_index(drop=True)
    return pd.concat(non_empty, ignore_index=True)


class _NoBar:
    def __enter__(self) -> _NoBar:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def update(self, n: int) -> None:
        return None


def _progress_bar(total: int | None, *, enabled: bool) -> Any:
    """A plain-text tqdm bar on stderr that updates at most every few seconds (a notebook run by
    papermill stores every update in its output)."""
    if not enabled:
        return _NoBar()
    from tqdm import tqdm

    return tqdm(
        total=total,
        unit="doc",
        desc="measuring sentences",
        file=sys.stderr,
        mininterval=5.0,
        ascii=True,
        dynamic_ncols=False,
        ncols=90,
    )


def _store(measured: Corpus, entry: Path) -> None:
    """Write a cache entry atomically; keep an entry another process wrote meanwhile."""
    entry.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{entry.name}.", dir=entry.parent))
    try:
        for part in _PARTS:
            getattr(measured, part).to_parquet(staging / f"{part}.parquet", index=False)
        # Another process may have written the same entry meanwhile: the entries are equal
        # by construction (same key), so keep theirs rather than pull it from under a reader.
        if not entry.exists():
            os.replace(staging, entry)
    except OSError:
        if not entry.exists():
            raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
