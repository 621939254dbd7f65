"""A web address given to more than one article: the versions of one story an export saved as
rows of their own (a changed headline). A tester's headlines export held 187 such rows, not
said anywhere; only the versions whose text is alike were flagged as near-copies."""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd

from analysis import load_corpus
from analysis.corpus.quality import repeated_urls_warning


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
