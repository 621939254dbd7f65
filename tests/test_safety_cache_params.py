"""Safety: the per-sentence cache never serves results of other code or other inputs, and every
``-p`` value is checked before any notebook starts."""

from __future__ import annotations

import shutil
from pathlib import Path

from analysis import load_corpus
from analysis.measure import cache
from analysis.measure.cache import cache_key, code_fingerprint

# ------------------------------------------------------------------ item 4: the cache key


def _copy_package(tmp_path: Path) -> Path:
    """A copy of the package's own code and data (no compiled files) to alter."""
    copy = tmp_path / "analysis_copy"
    shutil.copytree(cache.PACKAGE_DIR, copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def test_key_follows_the_package_source(make_corpus, tmp_path: Path, monkeypatch) -> None:
    folder = make_corpus()
    copy = _copy_package(tmp_path)
    monkeypatch.setattr(cache, "PACKAGE_DIR", copy)
    before = cache_key(folder)
    assert cache_key(folder) == before
    vader = copy / "sentiment" / "vader.py"
    vader.write_text(vader.read_text(encoding="utf-8") + "\nB_INCR = 0.5\n", encoding="utf-8")
    code_fingerprint.cache_clear()  # computed once per process: a new process sees the change
    assert cache_key(folder) != before


def test_key_follows_the_package_data(make_corpus, tmp_path: Path, monkeypatch) -> None:
    folder = make_corpus()
    copy = _copy_package(tmp_path)
    monkeypatch.setattr(cache, "PACKAGE_DIR", copy)
    before = cache_key(folder)
    with (copy / "data" / "stopwords_en.txt").open("a", encoding="utf-8") as handle:
        handle.write("harbour\n")
    code_fingerprint.cache_clear()
    assert cache_key(folder) != before


def test_code_fingerprint_is_computed_once_per_process() -> None:
    code_fingerprint.cache_clear()
    first = code_fingerprint()
    assert code_fingerprint() is first
    assert code_fingerprint.cache_info().hits >= 1


def _subfolder_corpus(make_corpus) -> Path:
    from conftest import ARTICLE_A

    folder = make_corpus()
    (folder / "sub").mkdir()
    (folder / "a.txt").rename(folder / "sub" / "a.txt")
    manifest = (folder / "manifest.csv").read_text(encoding="utf-8")
    (folder / "manifest.csv").write_text(manifest.replace(",a.txt,", ",sub/a.txt,"), "utf-8")
    assert (folder / "sub" / "a.txt").read_text(encoding="utf-8").strip() == ARTICLE_A.strip()
    return folder


def test_key_follows_an_article_in_a_subfolder(make_corpus) -> None:
    folder = _subfolder_corpus(make_corpus)
    before = cache_key(folder)
    assert cache_key(folder) == before
    (folder / "sub" / "a.txt").write_text("Changed article text. It is new.\n", encoding="utf-8")
    assert cache_key(folder) != before


def test_a_changed_subfolder_article_is_measured_again(make_corpus, tmp_path: Path) -> None:
    folder = _subfolder_corpus(make_corpus)
    store = tmp_path / "cache"
    first = load_corpus(folder, cache_dir=store)
    assert "A wholly new sentence here." not in set(first.sentences["sentence"])
    (folder / "sub" / "a.txt").write_text("A wholly new sentence here.\n", encoding="utf-8")
    again = load_corpus(folder, cache_dir=store)
    assert "A wholly new sentence here." in set(again.sentences["sentence"])


def test_key_follows_the_codebook_bytes_not_its_path(make_corpus, tmp_path: Path) -> None:
    folder = make_corpus()
    codebook = tmp_path / "codebook.toml"
    codebook.write_text("# one\n", encoding="utf-8")
    before = cache_key(folder, codebook)
    assert cache_key(folder, codebook) == before
    codebook.write_text("# two\n", encoding="utf-8")
    assert cache_key(folder, codebook) != before


def test_key_is_deterministic_across_copies(make_corpus, tmp_path: Path) -> None:
    folder = _subfolder_corpus(make_corpus)
    twin = tmp_path / "twin"
    shutil.copytree(folder, twin)
    assert cache_key(folder) == cache_key(twin)
    assert cache_key(folder, measures=False) == cache_key(twin, measures=False)
