"""Files a command wrote by name (a coding sheet, agreement tables, a model), and whether each
is still as it wrote it, so that a rerun replaces its own output and nothing else.

``code-sample``, ``validate`` and ``train`` write named files into a folder the user chose. A
rerun should replace what the last run wrote, but a file of the same name that the package did
not write, or that someone changed since (a sheet that has been coded), is someone's work and is
never replaced without ``--force``. Each write is recorded, with the file's SHA-256, in
:data:`RECORD` in the file's folder; :func:`kept_from_replacing` reads it.
(``run`` and ``process`` keep their own, folder-wide record: :mod:`analysis.outputs`.)
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterable
from pathlib import Path

from analysis.io import write_text

RECORD = ".analysis-written.json"


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _recorded(folder: Path) -> dict[str, str]:
    """File name -> SHA-256 as written, from ``folder``'s record (empty when unreadable)."""
    try:
        data = json.loads((folder / RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    files = data.get("files") if isinstance(data, dict) else None
    return {str(k): str(v) for k, v in files.items()} if isinstance(files, dict) else {}


def kept_from_replacing(paths: Iterable[Path]) -> list[Path]:
    """The paths among ``paths`` that writing would replace but must not: they exist (or are
    links) and are not, byte for byte, what this package last wrote there."""
    kept = []
    records: dict[Path, dict[str, str]] = {}  # each folder's record, read once
    for path in map(Path, paths):
        if not (path.exists() or path.is_symlink()):
            continue
        if path.is_symlink() or not path.is_file():
            kept.append(path)
            continue
        if path.parent not in records:
            records[path.parent] = _recorded(path.parent)
        if records[path.parent].get(path.name) != _sha256(path):
            kept.append(path)
    return kept


def refused(paths: Iterable[Path], force: bool) -> bool:
    """Whether a command must not write ``paths``: some would replace what it must not
    (:func:`kept_from_replacing`) and ``force`` is not given. Then the refusal is printed on
    standard error, for the command to exit with code 2 before it writes anything."""
    found = [] if force else kept_from_replacing(paths)
    if found:
        print(f"error: {refusal(found)}", file=sys.stderr)
    return bool(found)


def refusal(paths: list[Path]) -> str:
    """The one-line message refusing to replace ``paths`` (:func:`kept_from_replacing`)."""
    shown = ", ".join(str(path) for path in paths)
    return (
        f"{shown}: not written by this package, or changed since (a coded sheet?); nothing "
        "was written. Choose another --out, or pass --force to replace it"
    )


def record_written(paths: Iterable[Path]) -> None:
    """Record ``paths``, just written, with their SHA-256 in their folders' records."""
    by_folder: dict[Path, list[Path]] = {}
    for path in map(Path, paths):
        by_folder.setdefault(path.parent, []).append(path)
    for folder, written in by_folder.items():
        files = _recorded(folder) | {path.name: _sha256(path) for path in written}
        record = {"written_by": "newsframe-analysis", "files": dict(sorted(files.items()))}
        write_text(json.dumps(record, indent=1) + "\n", folder / RECORD)
