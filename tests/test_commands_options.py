"""Options several commands share (:mod:`analysis.commands.options`)."""

from __future__ import annotations

import argparse

from analysis.commands.options import add_column_map


def test_add_column_map_reads_the_mapping_into_column_map() -> None:
    parser = argparse.ArgumentParser()
    add_column_map(parser)
    assert parser.parse_args([]).column_map is None
    args = parser.parse_args(["--map", "text=body,outlet=source"])
    assert args.column_map == "text=body,outlet=source"
    assert "--map NAME=COLUMN,..." in parser.format_help()
