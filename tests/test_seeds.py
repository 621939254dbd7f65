"""The bundled corpus is the original files, byte for byte, with a complete manifest."""

from __future__ import annotations

import hashlib
import re

import pandas as pd
from conftest import REPO_ROOT

SEEDS = REPO_ROOT / "seeds"


def test_seed_files_match_their_checksums() -> None:
    lines = (SEEDS / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    expected = dict(reversed(line.split("  ", 1)) for line in lines if line.strip())
    assert len(expected) == 5
    for name, digest in expected.items():
        assert hashlib.sha256((SEEDS / name).read_bytes()).hexdigest() == digest, name


def test_every_seed_file_has_one_manifest_row() -> None:
    manifest = pd.read_csv(SEEDS / "manifest.csv", dtype=str, keep_default_na=False)
    assert sorted(manifest["file"]) == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert manifest["doc_id"].is_unique
    for column in (
        "doc_id",
        "file",
        "outlet",
        "title",
        "published",
        "date_note",
        "url",
        "origin",
        "language",
    ):
        assert column in manifest.columns


def test_manifest_values_are_well_formed() -> None:
    manifest = pd.read_csv(SEEDS / "manifest.csv", dtype=str, keep_default_na=False)
    for value in manifest["published"]:
        assert value == "" or re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)
    assert (manifest["date_note"].str.len() > 10).all(), "every date needs a note saying how"
    assert manifest["outlet"].value_counts().max() == 2  # two articles from one outlet
    urls = manifest.loc[manifest["url"] != "", "url"].tolist()
    assert urls == ["https://www.toutiao.com/article/7567765120563036672/"]
    # Titles are the texts' own first lines where there is a title line.
    for row in manifest.itertuples():
        first = (SEEDS / row.file).read_text(encoding="utf-8").splitlines()[0]
        if row.title and "“" not in row.title:
            assert first.strip() == row.title
