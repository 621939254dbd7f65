"""Reuse per-sentence results across notebooks when nothing they depend on has changed.

The per-sentence work is the expensive part. Notebook 01 computes it; notebooks 02 and 03 (and a
rerun with only plotting parameters changed) read it back. The cache key is a hash of the corpus
files, the codebook and lexicon files, and the package version, so any change recomputes.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

import pandas as pd

from analysis import __version__
from analysis.corpus import Corpus, build_corpus, corpus_fingerprint
from analysis.paths import DATA_DIR, default_corpus_dir

_PARTS = ("documents", "sentences", "audit")


def cache_key(corpus_dir: Path | str, codebook: Path | str | None = None) -> str:
    """Hash of everything the per-sentence results depend on."""
    digest = hashlib.sha256()
    digest.update(f"analysis {__version__}\0".encode())
    digest.update(corpus_fingerprint(corpus_dir).encode())
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
) -> Corpus:
    """The corpus with every per-sentence measure, from the cache when it is current.

    Without ``cache_dir`` nothing is cached. A cache entry is written to a temporary folder and
    renamed into place, so an interrupted run never leaves a partial entry, and an existing entry
    is never replaced while another process may be reading it.
    """
    from analysis.measure import measure_sentences

    corpus_dir = Path(corpus_dir) if corpus_dir is not None else default_corpus_dir()
    entry = None
    if cache_dir is not None:
        entry = Path(cache_dir) / cache_key(corpus_dir, codebook)
        if all((entry / f"{part}.parquet").is_file() for part in _PARTS):
            frames = {part: pd.read_parquet(entry / f"{part}.parquet") for part in _PARTS}
            return Corpus(**frames)
    corpus = build_corpus(corpus_dir)
    measured = Corpus(
        documents=corpus.documents,
        sentences=measure_sentences(corpus.sentences, codebook=codebook),
        audit=corpus.audit,
    )
    if entry is not None:
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
    return measured
