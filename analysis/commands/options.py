"""Options several commands share, defined once so that they read and behave the same."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any


class JoinedMap(argparse.Action):
    """``--map`` given more than once: its pairs joined with commas, as one ``--map`` takes
    them (``--map text=Inhalt --map outlet=Medium`` is ``--map text=Inhalt,outlet=Medium``); a
    tester wrote the pairs as separate options, as the reader's message then printed them."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        before = getattr(namespace, self.dest, None)
        setattr(namespace, self.dest, f"{before},{values}" if before else values)


def add_column_map(parser: argparse.ArgumentParser) -> None:
    """``--map NAME=COLUMN,...`` (into ``column_map``): a corpus file's own column names for
    ours, as every command that reads a corpus file takes them (``text=body,outlet=source``),
    the option repeatable (:class:`JoinedMap`)."""
    parser.add_argument(
        "--map",
        dest="column_map",
        default=None,
        action=JoinedMap,
        metavar="NAME=COLUMN,...",
        help="a corpus file's columns for ours, e.g. text=body,outlet=source (or repeated: "
        "--map text=body --map outlet=source)",
    )


def int_at_least(minimum: int) -> Callable[[str], int]:
    """An argparse ``type`` for a whole number of at least ``minimum``; argparse names the
    option in its error ("argument --n-boot: must be a whole number of at least 100, got 3")."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"must be a whole number, got {text!r}") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(
                f"must be a whole number of at least {minimum}, got {value}"
            )
        return value

    return parse


def out_folder(text: str) -> Path:
    """An argparse ``type`` for an output folder: a path that is not an existing file."""
    path = Path(text)
    if path.exists() and not path.is_dir():
        raise argparse.ArgumentTypeError(f"{text} is a file; give a folder")
    return path


def folder_problem(option: str, path: Path, holding: str) -> str | None:
    """Why ``path``, given as ``option``, is not a folder to read (one line naming the option
    and what the folder should hold), or None when it is a folder."""
    if path.is_dir():
        return None
    what = "is not a folder" if path.exists() else "no such folder"
    return f"{option} {path}: {what}; give the folder holding {holding}"


def add_data_folder(parser: argparse.ArgumentParser, holding: str) -> None:
    """``--data DIR`` (into ``data``), the benchmark folder, as every benchmark takes it; the
    benchmarks that first took the folder alone (``bench extraction DIR``) still do, so
    commands written down before keep working (:func:`data_folder` reads either)."""
    parser.add_argument(
        "--data", type=Path, default=None, help=f"benchmark folder: {holding} (required)"
    )
    parser.add_argument("folder", type=Path, nargs="?", default=None, help=argparse.SUPPRESS)


def data_folder(args: argparse.Namespace, holding: str) -> Path | str:
    """The folder given as ``--data`` or alone (:func:`add_data_folder`), or why there is none
    to read: one line naming the option, for an ``error:`` line."""
    given = [path for path in (args.data, args.folder) if path is not None]
    if not given:
        return f"--data is required: give the folder holding {holding}"
    if len(given) == 2 and given[0] != given[1]:
        return f"--data {given[0]} and {given[1]}: give the benchmark folder once"
    return folder_problem("--data", given[0], holding) or given[0]


def unsafe_out(out: str | Path | None) -> str | None:
    """Why an ``--out`` cannot be meant (one line), or None: the file system's root, or a
    quoted ``~`` the shell left unexpanded, which would make a folder named "~" in the working
    directory and invite a later ``rm -rf ~`` (a tester's ``corpus --out /`` wrote
    reports/tables/ at the root; ``run`` refused it already). An empty ``--out`` is the
    caller's to refuse: given as a path, it already reads as ".". A folder named "~" that
    exists is the user's, and only noted (:func:`tilde_folder_note`)."""
    if out is None:
        return None
    path = Path(out)
    if path.expanduser().resolve() == Path(path.resolve().anchor):
        return f"--out {out} is the file system's root; give a folder of its own for the outputs"
    first = path.parts[0] if path.parts else ""
    if first.startswith("~") and not path.exists():
        return (
            f"--out {out}: the shell did not expand '~' (it was quoted), so a folder named "
            f"{first!r} would be made in {Path.cwd()}; give the folder's full path"
        )
    return None


def tilde_folder_note(out: str | Path | None) -> str | None:
    """A note when ``--out`` is, or lies in, an existing folder named "~" of the working
    directory (made by a quoted ``~``, perhaps by an earlier run): not the home folder."""
    if out is None:
        return None
    path = Path(out)
    first = path.parts[0] if path.parts else ""
    if first.startswith("~") and path.exists():
        return (
            f"note: --out {out} is in a folder named {first!r} in {Path.cwd()}, not your home "
            "folder (a quoted '~' is not expanded by the shell)"
        )
    return None
