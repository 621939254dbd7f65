"""A web address given to more than one article: the versions of one story an export saved as
rows of their own (a changed headline). A tester's headlines export held 187 such rows, not
said anywhere; only the versions whose text is alike were flagged as near-copies."""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd

from analysis import load_corpus
from analysis.corpus.quality import (
    quality_lines,
    quality_summary,
    repeated_urls_warning,
    url_versions,
)


def test_an_address_given_twice_is_warned_of_with_its_versions(tmp_path: Path) -> None:
    path = tmp_path / "headlines.csv"
    pd.DataFrame(
        {
            "outlet": ["Post", "Post", "Courier", "Post"],
            "headline": [
                "Drivers strike as talks with the city fail.",
                "Drivers stay out for a second day; the mayor calls for new talks.",
                "Reservoir falls to its lowest level in decades.",
                "Farmers fallow half their land this season.",
            ],
            "url": ["https://post.example/strike", "https://post.example/strike/", "", "x"],
        }
    ).to_csv(path, index=False)
    with warnings.catch_warnings(record=True) as said:
        warnings.simplefilter("always")
        load_corpus(path, column_map="text=headline", progress=False, jobs=1)
    text = " ".join(str(w.message) for w in said)
    assert "1 url(s) appear more than once (2 articles: https://post.example/strike ×2)" in text
    assert "of these articles 2 are not flagged as near-copies" in text


def test_no_warning_without_a_repeated_address() -> None:
    documents = pd.DataFrame({"doc_id": ["a", "b", "c"], "url": ["u1", "u2", ""]})
    assert repeated_urls_warning(documents) is None
    assert repeated_urls_warning(documents.drop(columns="url")) is None


def _versions() -> pd.DataFrame:
    """Five articles, two addresses each given to two of them (one with a final "/")."""
    return pd.DataFrame(
        {
            "doc_id": ["a", "b", "c", "d", "e"],
            "outlet": ["Post"] * 5,
            "url": ["u/strike", "u/strike/", "u/dam", "u/dam", "u/other"],
            "quality_flags": ["", "", "duplicate", "", ""],
            "duplicate_of": ["", "", "d", "", ""],
        }
    )


def test_the_summary_quality_section_counts_the_repeated_addresses() -> None:
    documents = _versions()
    text = " ".join(quality_lines(documents))
    assert "2 web address(es) (`url`) are each given to more than one article" in text
    assert "4 articles share them (`u/dam` ×2, `u/strike` ×2), 2 more than the addresses" in text
    assert "3 are not flagged as near-copies" in text  # c is a flagged copy of d


def test_the_summary_says_the_repeated_addresses_when_nothing_is_flagged(tmp_path: Path) -> None:
    documents = _versions().assign(quality_flags="", duplicate_of="")
    documents.to_csv(tmp_path / "documents.csv", index=False)
    lines = quality_summary(tmp_path, {})
    assert lines[0].startswith("**Document quality.** 2 web address(es)")
    assert "5 are not flagged" not in lines[0] and "4 are not flagged" in lines[0]
    assert quality_lines(documents.drop(columns="url")) == []


def _export(tmp_path: Path) -> Path:
    """A headlines export: the Post's strike story saved twice (its headline changed), the
    Courier's article at the same address (another outlet: not a version of the Post's)."""
    path = tmp_path / "headlines.csv"
    pd.DataFrame(
        {
            "outlet": ["Post", "Post", "Courier", "Post"],
            "date": ["2025-03-02", "2025-03-01", "2025-03-01", "2025-03-04"],
            "headline": [
                "Drivers stay out for a second day; the mayor calls for new talks.",
                "Drivers strike as talks with the city fail.",
                "Bus drivers walk out across the region after wage talks collapse.",
                "Reservoir falls to its lowest level in decades.",
            ],
            "url": ["https://post.example/strike/", *["https://post.example/strike"] * 2, ""],
        }
    ).to_csv(path, index=False)
    return path


def test_drop_within_keeps_an_outlets_latest_version_of_one_address(tmp_path: Path) -> None:
    """A tester's export saved each update of a story as a row; ``drop_within`` kept every
    version whose text differed. The outlet's latest version stays; the other is left out
    and in the audit as a near-duplicate naming the address."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = load_corpus(
            _export(tmp_path),
            column_map="text=headline,published=date",
            duplicates="drop_within",
            progress=False,
            jobs=1,
        )
    documents = corpus.documents
    kept = documents.set_index("doc_id")
    assert len(documents) == 3
    post = kept.loc[kept["outlet"] == "Post", "published"].astype(str).tolist()
    assert sorted(post) == ["2025-03-02", "2025-03-04"]  # the earlier version went
    left = corpus.audit[corpus.audit["rule"] == "near_duplicate"]
    assert len(left) == 1
    latest = kept.index[kept["published"].astype(str) == "2025-03-02"][0]
    assert str(left["original"].iloc[0]) == (
        f"a near-duplicate of {latest} (same url https://post.example/strike)"
    )


def test_flag_keeps_every_version_of_one_address(tmp_path: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = load_corpus(
            _export(tmp_path), column_map="text=headline,published=date", progress=False, jobs=1
        )
    assert len(corpus.documents) == 4


def test_a_copy_naming_a_version_left_out_names_the_one_kept() -> None:
    """Another outlet's copy of the Post's earlier version names the Post's later version,
    which stays in its place, with their own figure."""
    documents = pd.DataFrame(
        {
            "doc_id": ["early", "late", "copy"],
            "outlet": ["Post", "Post", "Courier"],
            "published": ["2025-03-01", "2025-03-02", "2025-03-01"],
            "url": ["u/strike", "u/strike/", ""],
            "text": [
                "Drivers strike as talks with the city fail, the union said on Monday.",
                "Drivers strike as talks with the city fail; the mayor calls for new talks.",
                "Drivers strike as talks with the city fail, the union said on Monday.",
            ],
            "duplicate_of": ["", "", "early"],
            "duplicate_similarity": ["", "", "containment 1.00"],
            "quality_flags": ["", "", "duplicate"],
        }
    )
    out, gone = url_versions(documents, pd.Series(False, index=documents.index), wire={})
    assert gone.tolist() == [True, False, False]
    assert out["duplicate_of"].tolist() == ["late", "", "late"]
    assert out.loc[0, "duplicate_similarity"] == "same url u/strike"
    assert out.loc[2, "duplicate_similarity"].startswith("containment 0.")


def test_the_advice_follows_the_duplicates_mode() -> None:
    documents = _versions()
    assert "rerun with `-p duplicates drop_within`" in quality_lines(documents, "flag")[0]
    within = quality_lines(documents, "drop_within")[0]
    assert "kept each outlet's latest version of an address" in within
    assert "rerun with `-p duplicates drop_within`" not in within
