"""The per-sentence cache: reused when nothing changed, recomputed when anything did."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis.cache import cache_key, measured_corpus


def test_second_call_reads_the_cache(make_corpus, tmp_path: Path, monkeypatch) -> None:
    folder = make_corpus()
    cache = tmp_path / "cache"
    first = measured_corpus(folder, cache_dir=cache)
    assert len(list(cache.iterdir())) == 1

    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("must not recompute")

    monkeypatch.setattr("analysis.cache.build_corpus", fail)
    again = measured_corpus(folder, cache_dir=cache)
    # Parquet stores text columns with pandas' string dtype (missing: NaN, not None); the
    # values are what matter.
    for part in ("sentences", "documents", "audit"):
        left = getattr(first, part).fillna("").astype(str)
        right = getattr(again, part).fillna("").astype(str)
        pd.testing.assert_frame_equal(left, right, check_dtype=False)


def test_key_changes_with_the_corpus_and_the_codebook(make_corpus, tmp_path: Path) -> None:
    folder = make_corpus()
    before = cache_key(folder)
    codebook = tmp_path / "codebook.toml"
    codebook.write_text("# empty\n", encoding="utf-8")
    assert cache_key(folder, codebook) != before
    (folder / "a.txt").write_text("Changed article text. It is new.\n", encoding="utf-8")
    assert cache_key(folder) != before


def test_an_existing_entry_is_kept(make_corpus, tmp_path: Path) -> None:
    folder = make_corpus()
    cache = tmp_path / "cache"
    measured_corpus(folder, cache_dir=cache)
    entry = next(cache.iterdir())
    marker = entry / "marker"
    marker.write_text("theirs", encoding="utf-8")
    (entry / "sentences.parquet").unlink()  # incomplete: forces a recompute
    measured_corpus(folder, cache_dir=cache)
    assert marker.exists()  # the other writer's entry was not pulled away
    assert [p.name for p in cache.iterdir()] == [entry.name]  # no staging folder left behind
