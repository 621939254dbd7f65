"""Atomic writes: a target is replaced only by a complete file, and nothing is left behind."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis.io import atomic_path, write_bytes, write_table, write_text


def _siblings(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir())


def test_atomic_path_writes_next_to_the_target_and_replaces_it(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "out.txt"
    with atomic_path(target) as tmp:
        assert tmp.parent == target.parent and tmp != target
        assert tmp.name.startswith(".out.txt.") and tmp.name.endswith(".tmp")
        tmp.write_text("new", encoding="utf-8")
        assert not target.exists()  # nothing visible until the block is done
    assert target.read_text(encoding="utf-8") == "new"
    assert _siblings(target) == ["out.txt"]


def test_atomic_path_keeps_the_old_file_and_cleans_up_on_failure(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_path(target) as tmp:
        tmp.write_text("half", encoding="utf-8")
        raise RuntimeError("interrupted")
    assert target.read_text(encoding="utf-8") == "old"
    assert _siblings(target) == ["out.txt"]


def test_write_table_is_deterministic_csv(tmp_path: Path) -> None:
    frame = pd.DataFrame({"name": ["a", "b"], "value": [1 / 3, 2.0], "n": [1, 2]})
    path = write_table(frame, tmp_path / "t.csv")
    assert path.read_bytes() == b"name,value,n\na,0.333333,1\nb,2,2\n"
    assert _siblings(path) == ["t.csv"]


def test_write_text_keeps_newlines_and_encodes_utf8(tmp_path: Path) -> None:
    path = write_text("caf\u00e9\nline\r\n", tmp_path / "t.md")
    assert path.read_bytes() == "caf\u00e9\nline\r\n".encode()


def test_write_bytes_replaces_the_target(tmp_path: Path) -> None:
    path = tmp_path / "b.bin"
    path.write_bytes(b"old")
    assert write_bytes(b"\x00new", path) == path
    assert path.read_bytes() == b"\x00new"
    assert _siblings(path) == ["b.bin"]


def test_a_table_reads_back_as_it_was_written(tmp_path) -> None:
    import pandas as pd

    from analysis.io import read_table, write_table

    frame = pd.DataFrame({"term": ["=fault", "- bullet", "plain", "-0.5"], "n": [1, -2, 3, 4]})
    path = write_table(frame, tmp_path / "t.csv")
    assert "'=fault" in path.read_text(encoding="utf-8")
    back = read_table(path, dtype={"term": str})
    assert back.to_dict("list") == frame.to_dict("list")


def test_a_table_keeps_text_pandas_would_read_as_missing(tmp_path) -> None:
    """An outlet named "N/A", the country code "NA" or the word "null" are text; only an empty
    cell is missing, and numbers stay numbers."""
    import pandas as pd

    from analysis.io import read_table, write_table

    frame = pd.DataFrame(
        {
            "outlet": ["N/A", "NA", "null", "None", "nan", "Reuters"],
            "score": [0.5, None, 1.0, 2.0, 3.0, 4.0],
            "note": ["", "x", "", "y", "", "z"],
        }
    )
    back = read_table(write_table(frame, tmp_path / "t.csv"))
    assert back["outlet"].tolist() == ["N/A", "NA", "null", "None", "nan", "Reuters"]
    assert back["score"].dtype == float and back["score"].isna().tolist() == [
        False,
        True,
        False,
        False,
        False,
        False,
    ]
    assert back["note"].isna().tolist() == [True, False, True, False, True, False]
