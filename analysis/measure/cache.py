"""Reuse per-sentence results across notebooks when nothing they depend on has changed.

The per-sentence work is the expensive part. Notebook 01 computes it; notebooks 02 and 03 (and a
rerun with only plotting parameters changed) read it back, through
``analysis.load_corpus(..., cache_dir=...)``. The cache key is a hash of the corpus (a folder's
files, or a corpus file's bytes), the column mapping of a corpus file, the codebook and lexicon
files, and the package version, so any change recomputes. An entry is a folder named by the key
holding ``documents.parquet``, ``sentences.parquet`` and ``audit.parquet``.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from analysis import __version__
from analysis.config import DATA_DIR
from analysis.corpus.documents import Corpus, corpus_fingerprint

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
    *,
    measures: bool = True,
) -> str:
    """Hash of everything the per-sentence results depend on.

    ``corpus_dir`` is a corpus folder or a corpus file (hashed in blocks, so a large file costs
    one read and no memory); ``columns`` is a corpus file's column mapping. ``measures=False``
    keys the corpus without its per-sentence measures (a different entry).
    """
    digest = hashlib.sha256()
    digest.update(f"analysis {__version__}\0".encode())
    digest.update(corpus_fingerprint(corpus_dir).encode())
    spec = _column_spec(columns)
    if spec:  # absent for folders and unmapped files, so their keys stay as they were
        digest.update(b"columns\0" + spec.encode() + b"\0")
    if not measures:  # absent for measured entries, so their keys stay as they were
        digest.update(b"without measures\0")
    data_files = sorted(p for p in DATA_DIR.iterdir() if p.is_file())
    if codebook is not None:
        data_files.append(Path(codebook))
    for path in data_files:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def read_entry(entry: Path) -> Corpus | None:
    """The corpus stored in the cache entry ``entry``, or None when it is absent or incomplete."""
    if not all((entry / f"{part}.parquet").is_file() for part in _PARTS):
        return None
    return Corpus(**{part: pd.read_parquet(entry / f"{part}.parquet") for part in _PARTS})


def write_entry(corpus: Corpus, entry: Path) -> None:
    """Store ``corpus`` as the cache entry ``entry``, atomically; keep an entry another process
    wrote meanwhile.

    The entry is written to a temporary folder and renamed into place, so an interrupted run
    never leaves a partial entry, and an existing entry is never replaced while another process
    may be reading it.
    """
    entry.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{entry.name}.", dir=entry.parent))
    try:
        for part in _PARTS:
            getattr(corpus, part).to_parquet(staging / f"{part}.parquet", index=False)
        # Another process may have written the same entry meanwhile: the entries are equal
        # by construction (same key), so keep theirs rather than pull it from under a reader.
        if not entry.exists():
            os.replace(staging, entry)
    except OSError:
        if not entry.exists():
            raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
