"""A user's own file where the summary or the gallery is about to be written.

``python -m analysis run`` writes into a fresh staging folder and refuses an ``--out`` holding
files it did not write (:mod:`analysis.outputs`); notebook 04 run by hand (JupyterLab,
papermill) writes straight into the folders it is given, where an analyst keeps notes and drafts.
A tester's ``reports/summary.md`` ("my draft") and ``figures/README.md`` were replaced without a
word. So before the summary and the gallery are written, a file at their name that does not read
as the package's (by its opening, which every version has written) is kept beside it as
``NAME.yours.EXT``, as ``run --force`` keeps one, and a warning says where.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

from analysis.outputs import aside_path
from analysis.user_warnings import warn_user


def _starts_with(opening: str) -> Callable[[str], bool]:
    return lambda text: text.lstrip("\ufeff").startswith(opening)


def _is_figure_index(text: str) -> bool:
    try:
        entries = json.loads(text)
    except ValueError:
        return False
    return isinstance(entries, list) and all(
        isinstance(e, dict) and "provenance" in e and "name" in e for e in entries
    )


# How each file the summary and the gallery write opens when the package wrote it.
OURS: dict[str, Callable[[str], bool]] = {
    "summary.md": _starts_with("# Summary of results\n"),
    "summary.html": lambda text: "<title>Summary of results</title>" in text[:4000],
    "README.md": _starts_with("# Figures\n\nEvery figure of the analysis"),
    "figures.json": _is_figure_index,
}


def keep_theirs(path: Path | str) -> Path | None:
    """Move a file at ``path`` that the package did not write (:data:`OURS` by its name) aside
    to ``NAME.yours.EXT`` (:func:`analysis.outputs.aside_path`) and warn; return where it went,
    or None when there is no such file (none there, or the package's own)."""
    path = Path(path)
    is_ours = OURS.get(path.name)
    if is_ours is None or not path.is_file():
        return None
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    if is_ours(text):
        return None
    kept = aside_path(path)
    os.replace(path, kept)
    warn_user(
        f"{path} was not written by this package (a draft of your own?): kept as {kept.name} "
        "beside it, and the package's file written in its place"
    )
    return kept
