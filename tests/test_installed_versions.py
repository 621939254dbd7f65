"""analysis.pipeline.rerun.installed_versions: the packages a run's key depends on."""

from __future__ import annotations

import sys
from importlib import metadata
from pathlib import Path

import pytest

from analysis.pipeline import rerun
from analysis.pipeline.rerun import installed_versions, run_key


def _dist_info(site: Path, name: str, version: str, body: str = "") -> None:
    folder = site / f"{name}-{version}.dist-info"
    folder.mkdir(parents=True)
    header = f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\nSummary: x\n"
    (folder / "METADATA").write_text(header + "\n" + body, encoding="utf-8")


def test_lists_the_same_names_and_versions_as_the_parsed_metadata() -> None:
    parsed = sorted(f"{d.metadata['Name']}=={d.version}" for d in metadata.distributions())
    assert installed_versions() == parsed


def test_an_installed_upgraded_or_removed_package_changes_the_list_and_the_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    site.mkdir()
    monkeypatch.setattr(sys, "path", [str(site), *sys.path])
    corpus = tmp_path / "a.txt"
    corpus.write_text("One article.\n", encoding="utf-8")

    def key() -> str:
        return run_key({}, [], corpus, tmp_path / "out")

    before, key_before = installed_versions(), key()
    # a body line that looks like a header field must not be read as the version
    _dist_info(site, "zz-made-up", "1.0", body="Version: 9.9\n")
    assert "zz-made-up==1.0" in installed_versions()
    assert key() != key_before
    key_installed = key()
    for path in (site / "zz-made-up-1.0.dist-info").iterdir():
        path.unlink()
    (site / "zz-made-up-1.0.dist-info").rmdir()
    _dist_info(site, "zz-made-up", "2.0")
    assert "zz-made-up==2.0" in installed_versions()
    assert key() not in (key_before, key_installed)
    for path in (site / "zz-made-up-2.0.dist-info").iterdir():
        path.unlink()
    (site / "zz-made-up-2.0.dist-info").rmdir()
    assert installed_versions() == before
    assert key() == key_before


def test_an_egg_info_without_metadata_file_is_read_from_pkg_info(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "old_style.egg-info"
    folder.mkdir()
    (folder / "PKG-INFO").write_text(
        "Metadata-Version: 1.0\nName: old-style\nVersion: 0.3\n", encoding="utf-8"
    )
    monkeypatch.setattr(sys, "path", [str(tmp_path), *sys.path])
    assert "old-style==0.3" in installed_versions()
    assert rerun._name_and_version(metadata.PathDistribution(folder)) == "old-style==0.3"
