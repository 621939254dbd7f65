"""Warnings about a user's data, shown at the user's own line: :func:`warn_user`.

Python shows a warning with the file and line of the frame that ``stacklevel`` names. A fixed
``stacklevel`` is right for one call path only: the same reader warns three calls deep when a
notebook loads a corpus and five deep when a command does, and after any refactoring the number
silently points at a line of the package (JupyterLab then shows ``.../analysis/corpus/files.py:
749: UserWarning`` above a user's cell). :func:`warn_user` counts the package's own frames at
the time of the warning instead, as pandas' ``find_stack_level`` does, so the warning names the
first line outside ``analysis/``: the notebook cell, the user's script or, under the command
line, the command's entry point (whose warnings ``analysis.cli`` prints without file and line).
Python 3.12's ``skip_file_prefixes`` does the same; the package supports 3.11.
"""

from __future__ import annotations

import sys
import warnings

PACKAGE = __name__.split(".")[0]


def _in_package(module: object) -> bool:
    """Whether a frame's module (its ``__name__``) is a module of this package; its tests, a
    notebook's cells (``__main__``) and other libraries are not."""
    return isinstance(module, str) and (module == PACKAGE or module.startswith(PACKAGE + "."))


def user_stack_level() -> int:
    """The ``stacklevel`` that makes :func:`warnings.warn`, called by the caller of this
    function, name the first frame outside the package (1 when the caller is outside it)."""
    frame = sys._getframe(1)  # the function that is about to warn
    level = 1
    while frame is not None and _in_package(frame.f_globals.get("__name__")):
        frame = frame.f_back
        level += 1
    return max(level - 1, 1) if frame is None else level


def warn_user(message: str | Warning, category: type[Warning] = UserWarning) -> None:
    """Warn about the user's data at the first line of the call stack outside the package.

    Use it for every warning a user should act on (a file not UTF-8, articles cut short, a sheet
    not read); the category stays :class:`UserWarning` so that filters and the command line's
    ``warning:`` lines treat it as before.
    """
    warnings.warn(message, category, stacklevel=user_stack_level())


def first_ids(ids: list[str], n: int = 5) -> str:
    """The first ``n`` of ``ids`` for a warning, comma-separated, "…" after them when there are
    more."""
    return ", ".join(ids[:n]) + (", …" if len(ids) > n else "")
