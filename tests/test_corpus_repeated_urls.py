"""A web address given to more than one article: the versions of one story an export saved as
rows of their own (a changed headline). A tester's headlines export held 187 such rows, not
said anywhere; only the versions whose text is alike were flagged as near-copies."""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd

from analysis import load_corpus
from analysis.corpus.quality import quality_lines, quality_summary, repeated_urls_warning


def test_an_address_given_twice_is_warned_of_with_its_versions(tmp_path: Path) -> None:
    path = tmp_path / "headlines.csv"
    pd.DataFrame(
        {
            "outlet": ["Post", "Post", "Courier", "Courier"],
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
