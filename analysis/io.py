"""Writing files atomically, and result tables so that a rerun gives byte-identical files.

Every single-file write of the package goes through :func:`atomic_path`: the content is written
to a temporary file in the target's folder, which replaces the target only once it is complete,
so a reader never sees a half-written file and an interrupted run leaves the old file in place.
Tables are written with a fixed number of significant digits and ``\\n`` line endings.
"""

from __future__ import annotations

import os
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

FLOAT_FORMAT = "%.6g"
_UMASK_LOCK = threading.Lock()


def current_umask() -> int:
    """The process's umask, read without changing it where possible (``/proc``); elsewhere set
    and restored at once under a lock."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    with _UMASK_LOCK:
        mask = os.umask(0o022)
        os.umask(mask)
    return mask


@contextmanager
def atomic_path(path: Path | str) -> Iterator[Path]:
    """Yield a temporary file next to ``path`` to write to; it becomes ``path`` on success.

    The temporary file (``.<name>.<random>.tmp`` in the same folder, created empty) is renamed
    over ``path`` with :func:`os.replace` when the ``with`` block ends normally, and removed when
    the block raises. The same folder keeps the rename atomic; missing parent folders are made.
    The file gets the mode any new file gets (``0o666`` less the umask), not ``mkstemp``'s 0600.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.chmod(tmp, 0o666 & ~current_umask())  # mkstemp made it 0600; follow the umask
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_table(df: pd.DataFrame, path: Path | str) -> Path:
    """Write ``df`` as CSV at ``path`` atomically, with a deterministic float format."""
    path = Path(path)
    with atomic_path(path) as tmp:
        df.to_csv(
            tmp, index=False, lineterminator="\n", float_format=FLOAT_FORMAT, encoding="utf-8"
        )
    return path


def write_text(text: str, path: Path | str) -> Path:
    """Write UTF-8 text at ``path`` atomically, with ``\\n`` line endings kept as they are."""
    path = Path(path)
    with atomic_path(path) as tmp, tmp.open("w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    return path


def write_bytes(data: bytes, path: Path | str) -> Path:
    """Write ``data`` at ``path`` atomically."""
    path = Path(path)
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)
    return path
