"""Reuse per-sentence results across notebooks when nothing they depend on has changed.

The per-sentence work is the expensive part. Notebook 01 computes it; notebooks 02 and 03 (and a
rerun with only plotting parameters changed) read it back, through
``analysis.load_corpus(..., cache_dir=...)``. The cache key is a hash of the corpus (a folder's
files, including every article its manifest lists from a subfolder, or a corpus file's bytes),
the column mapping of a corpus file, the codebook's and lexicons' contents, and the package's
code (every ``analysis/**/*.py`` and ``analysis/data/*`` file, hashed once per process), so any
change recomputes. An entry is a folder named by the key
holding ``documents.parquet``, ``sentences.parquet`` and ``audit.parquet``.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

import pandas as pd

from analysis import __version__
from analysis.config import DATA_DIR, PACKAGE_DIR
from analysis.corpus.documents import MANIFEST_NAME, Corpus, corpus_fingerprint
from analysis.settings import Lexicons

_PARTS = ("documents", "sentences", "audit")


def _column_spec(columns: Mapping[str, str] | str | None) -> str:
    """The column mapping in one canonical form (part of the cache key)."""
    if not columns:
        return ""
    from analysis.corpus.files import parse_column_map

    return json.dumps(parse_column_map(columns), sort_keys=True)


def _hash_file(digest: hashlib._Hash, label: str, path: Path) -> None:
    """Feed ``label`` and the bytes of ``path`` (read in blocks) into ``digest``."""
    digest.update(label.encode("utf-8") + b"\0")
    with path.open("rb") as handle:
        hashlib.file_digest(handle, lambda: digest)
    digest.update(b"\0")


@functools.cache
def code_fingerprint(package_dir: Path = PACKAGE_DIR) -> str:
    """SHA-256 of the package's own code: every ``**/*.py`` file and every file under ``data/``.

    Computed once per process (per folder), so a change to a scoring constant or a shipped word
    list gives new cache keys, and the old results are never served for the new code.
    """
    package_dir = Path(package_dir)
    files = {p for p in package_dir.rglob("*.py") if "__pycache__" not in p.parts}
    data_dir = package_dir / "data"
    if data_dir.is_dir():
        files |= {p for p in data_dir.rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    digest = hashlib.sha256()
    for path in sorted(files):
        _hash_file(digest, path.relative_to(package_dir).as_posix(), path)
    return digest.hexdigest()


def _listed_files(folder: Path) -> list[str]:
    """The article files a folder's ``manifest.csv`` lists that are not top-level files of the
    folder (``sub/a.txt``): the reader reads them, and the folder fingerprint does not cover
    them. Without a manifest the reader reads only top-level files."""
    manifest = folder / MANIFEST_NAME
    if not manifest.is_file():
        return []
    try:
        frame = pd.read_csv(manifest, dtype=str, keep_default_na=False)
    except (ValueError, OSError, UnicodeDecodeError):
        return []  # the loader reports what is wrong with the manifest
    if "file" not in frame.columns:
        return []
    return sorted({name for name in frame["file"] if name and Path(name).name != name})


def input_fingerprint(corpus: Path | str) -> str:
    """SHA-256 of every file the loader reads for ``corpus``: a corpus file's bytes; for a
    folder, its top-level files (manifest, sidecar, articles) plus every article the manifest
    lists from a subfolder (or from elsewhere)."""
    path = Path(corpus)
    fingerprint = corpus_fingerprint(path)
    if not path.is_dir():
        return fingerprint
    extra = _listed_files(path)
    if not extra:  # a flat folder keeps the folder fingerprint as its key part
        return fingerprint
    digest = hashlib.sha256(fingerprint.encode() + b"\0listed\0")
    for name in extra:
        item = path / name
        if item.is_file():
            _hash_file(digest, name, item)
        else:
            digest.update(name.encode("utf-8") + b"\0missing\0")
    return digest.hexdigest()


def cache_key(
    corpus_dir: Path | str,
    codebook: Path | str | None = None,
    columns: Mapping[str, str] | str | None = None,
    *,
    measures: bool = True,
    lexicons: Lexicons | None = None,
) -> str:
    """Hash of everything the per-sentence results depend on: the package's code and data
    (:func:`code_fingerprint`), every input file (:func:`input_fingerprint`), the column
    mapping, and the contents of the codebook and of every lexicon file in ``lexicons``.

    ``corpus_dir`` is a corpus folder or a corpus file (hashed in blocks, so a large file costs
    one read and no memory); ``columns`` is a corpus file's column mapping. ``measures=False``
    keys the corpus without its per-sentence measures (a different entry).
    """
    digest = hashlib.sha256()
    digest.update(f"analysis {__version__}\0".encode())
    digest.update(b"code\0" + code_fingerprint(PACKAGE_DIR).encode() + b"\0")
    digest.update(input_fingerprint(corpus_dir).encode())
    spec = _column_spec(columns)
    if spec:  # absent for folders and unmapped files, so their keys stay as they were
        digest.update(b"columns\0" + spec.encode() + b"\0")
    if not measures:  # absent for measured entries, so their keys stay as they were
        digest.update(b"without measures\0")
    data_files = sorted(p for p in DATA_DIR.iterdir() if p.is_file())
    if codebook is not None:
        data_files.append(Path(codebook))
    for path in data_files:
        _hash_file(digest, path.name, path)
    for kind, path in (lexicons.given() if lexicons is not None else {}).items():
        _hash_file(digest, f"lexicon {kind}", Path(path))
    return digest.hexdigest()[:16]


def read_entry(entry: Path) -> Corpus | None:
    """The corpus stored in the cache entry ``entry``, or None when it is absent or incomplete,
    or damaged (then removed, with a warning, so that it is written again).

    Reading an entry sets its folder's time to now: the folder's time says when a run last
    used it, and a pipeline run keeps only the entries used last
    (:func:`analysis.pipeline.promote.seed_cache`)."""
    if not all((entry / f"{part}.parquet").is_file() for part in _PARTS):
        return None
    try:
        corpus = Corpus(**{part: pd.read_parquet(entry / f"{part}.parquet") for part in _PARTS})
    except (OSError, ValueError) as err:  # pyarrow's ArrowInvalid is a ValueError
        # a file of the entry cut short (a full disk, a copy interrupted) or otherwise damaged:
        # a tester's cut sentences.parquet failed every later run into that --out, --rerun too,
        # naming a staging path. The entry is this package's own: it goes and is computed again.
        from analysis.user_warnings import warn_user

        warn_user(
            f"the cached per-sentence results in {entry} could not be read "
            f"({type(err).__name__}: a file of it is damaged, e.g. cut short by a full disk): "
            "they are computed again and the entry replaced"
        )
        shutil.rmtree(entry, ignore_errors=True)
        return None
    with contextlib.suppress(OSError):  # a read-only cache is still read
        os.utime(entry)
    return corpus


WARNINGS_FILE = "warnings.json"


def entry_warnings(entry: Path) -> list[str]:
    """What reading the corpus of ``entry`` warned about (:func:`write_entry`), to say again
    when the entry is used instead: a cached corpus has the same problems as the file."""
    try:
        said = json.loads((entry / WARNINGS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [str(m) for m in said] if isinstance(said, list) else []


def write_entry(corpus: Corpus, entry: Path, said: Sequence[str] = ()) -> None:
    """Store ``corpus`` as the cache entry ``entry``, atomically, with the warnings its reading
    ``said`` (:func:`entry_warnings`); keep an entry another process wrote meanwhile.

    The entry is written to a temporary folder and renamed into place, so an interrupted run
    never leaves a partial entry, and an existing entry is never replaced while another process
    may be reading it.
    """
    entry.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{entry.name}.", dir=entry.parent))
    try:
        for part in _PARTS:
            getattr(corpus, part).to_parquet(staging / f"{part}.parquet", index=False)
        if said:
            text = json.dumps(list(said), ensure_ascii=False, indent=1) + "\n"
            (staging / WARNINGS_FILE).write_text(text, encoding="utf-8")
        # Another process may have written the same entry meanwhile: the entries are equal
        # by construction (same key), so keep theirs rather than pull it from under a reader.
        if not entry.exists():
            os.replace(staging, entry)
    except OSError:
        if not entry.exists():
            raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
