"""One SHA-256 naming the package's code and data, for the provenance of every output.

The package's version has stayed 0.1.0 while its code changed: a figure's provenance and the
summary's version table named the same version for outputs that differ (a reproducibility
tester found a figure whose numbers changed between two commits carrying identical
provenance). :func:`package_sha256` hashes every file of the installed ``analysis`` package
(modules, lexicons, the shipped classifier), so outputs made by different code say so; the
notebooks, which call it, are hashed apart by ``run`` for its reuse of outputs
(:mod:`analysis.pipeline.rerun`).

Recipe (to check a checkout against it): the files under the package folder, without
``__pycache__`` folders, hidden files and its notes in Markdown (``.md``, such as the benchmark
history, which change no output), sorted by their path relative to it (``/``
separators); for each, the path, a NUL byte, the file's bytes and a NUL byte.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from analysis.config import PACKAGE_DIR


def _package_files(folder: Path) -> list[Path]:
    return sorted(
        (
            p
            for p in folder.rglob("*")
            if p.is_file()
            and "__pycache__" not in p.parts
            and p.suffix != ".md"
            and not any(part.startswith(".") for part in p.relative_to(folder).parts)
        ),
        key=lambda p: p.relative_to(folder).as_posix(),
    )


@lru_cache(maxsize=1)
def package_sha256(folder: Path = PACKAGE_DIR) -> str:
    """SHA-256 (hex) of the package's files, by the recipe of the module docstring; computed
    once per process."""
    digest = hashlib.sha256()
    for path in _package_files(folder):
        digest.update(path.relative_to(folder).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()
