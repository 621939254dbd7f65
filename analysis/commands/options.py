"""Options several commands share, defined once so that they read and behave the same."""

from __future__ import annotations

import argparse


def add_column_map(parser: argparse.ArgumentParser) -> None:
    """``--map NAME=COLUMN,...`` (into ``column_map``): a corpus file's own column names for
    ours, as every command that reads a corpus file takes them (``text=body,outlet=source``)."""
    parser.add_argument(
        "--map",
        dest="column_map",
        default=None,
        metavar="NAME=COLUMN,...",
        help="a corpus file's columns for ours, e.g. text=body,outlet=source",
    )
