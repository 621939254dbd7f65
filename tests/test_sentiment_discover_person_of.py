"""analysis.sentiment.discover: a person named with her body ("Maria Okafor of Save Harlow
Creek") is two names, while a body's own name with "of" ("Marston Chamber of Commerce") stays
one (a tester's actors listed "Maria Okafor" and "Maria Okafor of Save Harlow Creek" apart)."""

from __future__ import annotations

import pandas as pd

from analysis.sentiment.discover import discovered_names


def _sentences(texts: list[str], docs: int = 2) -> pd.DataFrame:
    rows = [
        {"doc_id": f"d{doc}", "outlet": "A", "sentence": text}
        for doc in range(docs)
        for text in texts
    ]
    return pd.DataFrame(rows)


def test_a_person_of_the_corpus_is_read_apart_from_her_body() -> None:
    texts = [
        "The petition was filed by Maria Okafor of Save Harlow Creek on Monday.",
        "On Tuesday Maria Okafor spoke.",
        "Parents said Maria Okafor was right.",
        "A letter from Maria Okafor was read.",
        "The Marston Chamber of Commerce backed the plan.",
    ]
    names = set(discovered_names(_sentences(texts), min_sentences=1)["name"])
    assert {"Maria Okafor", "Save Harlow Creek", "Marston Chamber of Commerce"} <= names
    assert "Maria Okafor of Save Harlow Creek" not in names


def test_a_person_named_once_with_her_body_then_by_surname_is_read_apart() -> None:
    texts = [
        "Economist Priya Raman of Central State University said costs would rise.",
        "The study by Raman found savings were small.",
    ]
    names = set(discovered_names(_sentences(texts), min_sentences=1)["name"])
    assert "Central State University" in names
    assert "Priya Raman of Central State University" not in names
    bank = ["Rates at the Bank of England rose.", "The Bank of England said so."]
    assert "Bank of England" in set(discovered_names(_sentences(bank), min_sentences=1)["name"])
