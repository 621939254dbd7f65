"""The per-sentence cache: reused when nothing changed, recomputed when anything did."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis.measure.cache import cache_key, measured_corpus


def test_second_call_reads_the_cache(make_corpus, tmp_path: Path, monkeypatch) -> None:
    folder = make_corpus()
    cache = tmp_path / "cache"
    first = measured_corpus(folder, cache_dir=cache)
    assert len(list(cache.iterdir())) == 1

    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("must not recompute")

    monkeypatch.setattr("analysis.measure.cache.build_corpus", fail)
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


def _as_text(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.fillna("").astype(str).reset_index(drop=True)


def _file_rows(folder: Path) -> pd.DataFrame:
    """The folder corpus's articles as rows of a corpus file (same ids, text and metadata)."""
    from analysis.corpus.documents import read_raw_documents

    raw = read_raw_documents(folder)
    return pd.DataFrame(
        {
            "doc_id": raw["doc_id"],
            "outlet": raw["outlet"],
            "origin": raw["origin"],
            "title": raw["title"],
            "body": raw["raw_text"],
        }
    )


def test_a_corpus_file_gives_the_folders_measures_and_is_cached(
    make_corpus, tmp_path: Path, monkeypatch
) -> None:
    folder = make_corpus()
    rows = _file_rows(folder)
    csv_path = tmp_path / "export.csv"
    rows.to_csv(csv_path, index=False)
    jsonl_path = tmp_path / "export.jsonl"
    rows.to_json(jsonl_path, orient="records", lines=True)
    from_folder = measured_corpus(folder)
    cache = tmp_path / "cache"
    for path in (csv_path, jsonl_path):
        from_file = measured_corpus(path, columns="text=body", cache_dir=cache, progress=False)
        assert list(from_file.documents.columns) == list(from_folder.documents.columns)
        assert list(from_file.sentences.columns) == list(from_folder.sentences.columns)
        for column in ("doc_id", "outlet", "text", "n_sentences", "n_words"):
            assert from_file.documents[column].tolist() == from_folder.documents[column].tolist()
        pd.testing.assert_frame_equal(
            _as_text(from_file.sentences), _as_text(from_folder.sentences)
        )
    assert len([p for p in cache.iterdir() if not p.name.startswith(".")]) == 2

    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("must not recompute")

    monkeypatch.setattr("analysis.measure.cache.measure_corpus_file", fail)
    again = measured_corpus(csv_path, columns="text=body", cache_dir=cache)
    assert len(again.sentences) == len(from_folder.sentences)


def test_chunked_multi_process_run_equals_one_process(make_corpus, tmp_path: Path) -> None:
    from analysis.measure.cache import measure_corpus_file

    path = tmp_path / "export.jsonl"
    _file_rows(make_corpus()).to_json(path, orient="records", lines=True)
    one = measure_corpus_file(path, columns={"text": "body"}, jobs=1, chunk_size=1, progress=False)
    two = measure_corpus_file(path, columns={"text": "body"}, jobs=2, chunk_size=1, progress=False)
    for part in ("documents", "sentences", "audit"):
        pd.testing.assert_frame_equal(getattr(one, part), getattr(two, part))


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
