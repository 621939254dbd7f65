"""analysis.config.cache_dir_for: a notebook's cache stays inside the folders a user chose."""

from __future__ import annotations

from pathlib import Path

from analysis.config import cache_dir_for, output_dirs


def test_the_run_layout_keeps_its_cache_beside_the_tables() -> None:
    dirs = output_dirs(Path("/tmp/out"))
    assert cache_dir_for(dirs["tables"]) == dirs["cache"]


def test_a_tables_folder_of_another_name_holds_its_own_cache() -> None:
    # a tester's tables_dir="water_tables" put cache/ in her working folder
    assert cache_dir_for("water_tables") == Path("water_tables") / ".cache"
    assert cache_dir_for(Path("/data/my run/tabs")) == Path("/data/my run/tabs/.cache")
