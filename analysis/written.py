"""Files a command wrote by name (a coding sheet, agreement tables, a model), and whether each
is still as it wrote it, so that a rerun replaces its own output and nothing else.

``code-sample``, ``validate`` and ``train`` write named files into a folder the user chose. A
rerun should replace what the last run wrote, but a file of the same name that the package did
not write, or that someone changed since (a sheet that has been coded), is someone's work and is
never replaced without ``--force``; with it, that file is first kept beside the new one as
``NAME.yours.EXT`` (:func:`set_aside`), so no file the package did not write is lost. Each
write is recorded, with the file's SHA-256, in :data:`RECORD` in the file's folder;
:func:`kept_from_replacing` reads it.
(``run`` and ``process`` keep their own, folder-wide record: :mod:`analysis.outputs`.)
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path

from analysis.io import write_text
from analysis.outputs import aside_path, file_sha256

RECORD = ".analysis-written.json"


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
        if records[path.parent].get(path.name) != file_sha256(path):
            kept.append(path)
    return kept


def set_aside(paths: Iterable[Path]) -> list[str]:
    """Rename each of ``paths`` that writing must not replace (:func:`kept_from_replacing`) to
    its :func:`analysis.outputs.aside_path` ("sheet.csv" to "sheet.yours.csv"), so that a
    ``--force`` write replaces no one's file; returns one line per file kept, to print.
    Without ``--force`` there are none: :func:`refused` stopped the command before."""
    said = []
    for path in kept_from_replacing(paths):
        kept_as = aside_path(path)
        path.rename(kept_as)
        said.append(f"kept your {path} as {kept_as}: this command writes a file of that name")
    return said


def refused(paths: Iterable[Path], force: bool) -> bool:
    """Whether a command must not write ``paths``: some would replace what it must not
    (:func:`kept_from_replacing`) and ``force`` is not given. Then the refusal is printed on
    standard error, for the command to exit with code 2 before it writes anything. With
    ``force``, the command calls :func:`set_aside` on what it writes, right before writing."""
    found = [] if force else kept_from_replacing(paths)
    if found:
        print(f"error: {refusal(found)}", file=sys.stderr)
    return bool(found)


def refusal(paths: list[Path]) -> str:
    """The one-line message refusing to replace ``paths`` (:func:`kept_from_replacing`)."""
    shown = ", ".join(str(path) for path in paths)
    return (
        f"{shown}: not written by this package, or changed since (someone's work?); nothing "
        "was written. Choose another --out, or pass --force to write it (yours is kept as "
        "NAME.yours.EXT)"
    )


def record_written(paths: Iterable[Path]) -> None:
    """Record ``paths``, just written, with their SHA-256 in their folders' records."""
    by_folder: dict[Path, list[Path]] = {}
    for path in map(Path, paths):
        by_folder.setdefault(path.parent, []).append(path)
    for folder, written in by_folder.items():
        files = _recorded(folder) | {path.name: file_sha256(path) for path in written}
        record = {"written_by": "newsframe-analysis", "files": dict(sorted(files.items()))}
        write_text(json.dumps(record, indent=1) + "\n", folder / RECORD)
