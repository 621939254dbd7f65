"""analysis.code_fingerprint.package_sha256: the recipe its docstring gives, and a change of any
file of code or data changes it."""

from __future__ import annotations

import hashlib
from pathlib import Path

from analysis.code_fingerprint import package_sha256


def _package(root: Path) -> Path:
    folder = root / "pkg"
    (folder / "data").mkdir(parents=True)
    (folder / "__pycache__").mkdir()
    (folder / "a.py").write_text("x = 1\n", encoding="utf-8")
    (folder / "data" / "lexicon.toml").write_text("k = 2\n", encoding="utf-8")
    (folder / "__pycache__" / "a.cpython-311.pyc").write_bytes(b"\x00compiled")
    (folder / "NOTES.md").write_text("notes\n", encoding="utf-8")
    return folder


def test_the_hash_follows_the_recipe_and_leaves_out_caches_and_notes(tmp_path: Path) -> None:
    folder = _package(tmp_path)
    digest = hashlib.sha256()
    for rel in ("a.py", "data/lexicon.toml"):
        digest.update(rel.encode() + b"\0" + (folder / rel).read_bytes() + b"\0")
    assert package_sha256.__wrapped__(folder) == digest.hexdigest()


def test_a_changed_file_of_code_or_data_changes_it_a_note_does_not(tmp_path: Path) -> None:
    folder = _package(tmp_path)
    before = package_sha256.__wrapped__(folder)
    (folder / "NOTES.md").write_text("more notes\n", encoding="utf-8")
    (folder / "__pycache__" / "a.cpython-311.pyc").write_bytes(b"\x00other")
    assert package_sha256.__wrapped__(folder) == before
    (folder / "data" / "lexicon.toml").write_text("k = 3\n", encoding="utf-8")
    assert package_sha256.__wrapped__(folder) != before


def test_the_installed_package_has_one() -> None:
    assert len(package_sha256()) == 64
