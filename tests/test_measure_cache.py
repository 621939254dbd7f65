"""The per-sentence cache: the key follows every input, and entries are written safely."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis import load_corpus
from analysis.measure.cache import cache_key, read_entry, write_entry


def test_key_changes_with_the_corpus_and_the_codebook(make_corpus, tmp_path: Path) -> None:
    folder = make_corpus()
    before = cache_key(folder)
    codebook = tmp_path / "codebook.toml"
    codebook.write_text("# empty\n", encoding="utf-8")
    assert cache_key(folder, codebook) != before
    (folder / "a.txt").write_text("Changed article text. It is new.\n", encoding="utf-8")
    assert cache_key(folder) != before


def test_key_tells_a_measured_corpus_from_an_unmeasured_one(make_corpus) -> None:
    folder = make_corpus()
    assert cache_key(folder, measures=False) != cache_key(folder)
    assert cache_key(folder, measures=True) == cache_key(folder)


def test_an_existing_entry_is_kept(make_corpus, tmp_path: Path) -> None:
    folder = make_corpus()
    cache = tmp_path / "cache"
    load_corpus(folder, measures=True, cache_dir=cache)
    entry = next(cache.iterdir())
    marker = entry / "marker"
    marker.write_text("theirs", encoding="utf-8")
    (entry / "sentences.parquet").unlink()  # incomplete: forces a recompute
    load_corpus(folder, measures=True, cache_dir=cache)
    assert marker.exists()  # the other writer's entry was not pulled away
    assert [p.name for p in cache.iterdir()] == [entry.name]  # no staging folder left behind


def test_an_entry_reads_back_what_was_written(make_corpus, tmp_path: Path) -> None:
    corpus = load_corpus(make_corpus())
    entry = tmp_path / "cache" / "key"
    assert read_entry(entry) is None
    write_entry(corpus, entry)
    again = read_entry(entry)
    assert again is not None
    for part in ("documents", "sentences", "audit"):
        pd.testing.assert_frame_equal(
            getattr(again, part).fillna("").astype(str),
            getattr(corpus, part).fillna("").astype(str),
            check_dtype=False,
        )
    (entry / "audit.parquet").unlink()
    assert read_entry(entry) is None  # an incomplete entry is no entry


def test_file_key_follows_bytes_and_column_mapping(tmp_path: Path) -> None:
    import hashlib

    from analysis.corpus.documents import corpus_fingerprint
    from analysis.report.facts import corpus_sha256

    path = tmp_path / "export.csv"
    path.write_text("text,outlet\nA sentence.,Daily Ledger\n", encoding="utf-8")
    assert corpus_fingerprint(path) == hashlib.sha256(path.read_bytes()).hexdigest()
    assert corpus_sha256(path) == corpus_fingerprint(path)
    key = cache_key(path)
    assert cache_key(path, columns="text=text") != key
    path.write_text("text,outlet\nAnother sentence.,Daily Ledger\n", encoding="utf-8")
    assert cache_key(path) != key


def test_folder_hash_is_the_same_in_the_summary_and_the_cache(make_corpus) -> None:
    from analysis.corpus.documents import corpus_fingerprint
    from analysis.report.facts import corpus_sha256

    folder = make_corpus()
    assert corpus_sha256(folder) == corpus_fingerprint(folder)


def test_reading_an_entry_marks_it_as_used_now(make_corpus, tmp_path: Path) -> None:
    import os
    import time

    entry = tmp_path / "cache" / "key"
    write_entry(load_corpus(make_corpus()), entry)
    os.utime(entry, (1_700_000_000, 1_700_000_000))
    before = time.time() - 1
    assert read_entry(entry) is not None
    assert entry.stat().st_mtime >= before  # the pipeline keeps the entries used last


def test_a_damaged_entry_is_computed_again_and_replaced(make_corpus, tmp_path: Path) -> None:
    # a tester cut sentences.parquet to 10,000 bytes (a full disk): every later run into that
    # --out failed on "Parquet magic bytes not found", --rerun too
    import pytest

    folder = make_corpus()
    cache = tmp_path / "cache"
    first = load_corpus(folder, cache_dir=cache)
    (entry,) = [p for p in cache.iterdir() if p.is_dir() and not p.name.startswith(".")]
    data = (entry / "sentences.parquet").read_bytes()
    (entry / "sentences.parquet").write_bytes(data[: len(data) // 2])
    with pytest.warns(UserWarning, match="could not be read .* computed again"):
        again = load_corpus(folder, cache_dir=cache)
    pd.testing.assert_frame_equal(again.sentences, first.sentences)
    assert read_entry(entry) is not None  # written again, whole
