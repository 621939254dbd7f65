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


def test_map_given_more_than_once_joins_its_pairs() -> None:
    """``--map text=Inhalt --map outlet=Medium`` reads as one --map with both pairs, in every
    command that reads a corpus file and in ``run`` (which defines its own --map)."""
    from analysis.commands.run import add_arguments

    for add in (add_column_map, add_arguments):
        parser = argparse.ArgumentParser()
        add(parser)
        args = parser.parse_args(["--map", "text=Inhalt", "--map", "outlet=Medium"])
        given = args.column_map if add is add_column_map else args.map
        assert given == "text=Inhalt,outlet=Medium"


def test_int_at_least_names_the_option_and_the_limit() -> None:
    from analysis.commands.options import int_at_least

    parser = argparse.ArgumentParser(exit_on_error=False)
    parser.add_argument("--n-boot", type=int_at_least(100), default=2000)
    assert parser.parse_args(["--n-boot", "100"]).n_boot == 100
    for bad, said in (("3", "at least 100, got 3"), ("abc", "must be a whole number, got 'abc'")):
        try:
            parser.parse_args(["--n-boot", bad])
        except argparse.ArgumentError as error:
            assert "--n-boot" in str(error) and said in str(error)
        else:
            raise AssertionError(f"--n-boot {bad} was accepted")


def test_out_folder_refuses_an_existing_file(tmp_path) -> None:
    from analysis.commands.options import out_folder

    (tmp_path / "a.csv").write_text("x", encoding="utf-8")
    assert out_folder(str(tmp_path / "new")) == tmp_path / "new"
    try:
        out_folder(str(tmp_path / "a.csv"))
    except argparse.ArgumentTypeError as error:
        assert "is a file; give a folder" in str(error)
    else:
        raise AssertionError("a file was accepted as --out")
