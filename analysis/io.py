"""Writing result tables so that a rerun gives byte-identical files.

Floats are written with a fixed number of significant digits, line endings are ``\\n`` and the
file is replaced atomically, so a reader never sees a half-written table.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pandas as pd

FLOAT_FORMAT = "%.6g"


def write_table(df: pd.DataFrame, path: Path | str) -> Path:
    """Write ``df`` as CSV at ``path`` atomically, with a deterministic float format."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        df.to_csv(
            tmp, index=False, lineterminator="\n", float_format=FLOAT_FORMAT, encoding="utf-8"
        )
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def write_text(text: str, path: Path | str) -> Path:
    """Write UTF-8 text at ``path`` atomically."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
