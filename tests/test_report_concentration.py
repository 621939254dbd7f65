"""analysis.report.concentration: a group's figure resting mostly on one of its articles is
said, in the same words for tone, actors and frames (a fact-checker found it said for some
findings and not others)."""

from __future__ import annotations

import pandas as pd

from analysis.report.concentration import (
    articles_per_group,
    mostly_one_article_note,
    one_article_share,
)


def test_three_in_four_from_one_article_is_mostly_one_article() -> None:
    assert one_article_share(pd.Series(["a", "a", "a", "b"])) == ("a", 3, 4)
    assert one_article_share(pd.Series(["a", "a", "b", "b"])) is None
    assert one_article_share(pd.Series(["a", "a"])) is None  # "n = 2, 1 article" says it
    assert one_article_share(pd.Series(["b"] * 3 + ["a"])) == ("b", 3, 4)


def test_the_note_names_each_group_and_leaves_out_groups_of_one_article() -> None:
    note = mostly_one_article_note(
        {"Post": pd.Series(["p1"] * 9), "Ledger": pd.Series(["l1", "l1", "l1", "l2"]),
         "Solo": pd.Series(["s1"] * 5)},
        {"Post": 6, "Ledger": 2, "Solo": 1},
        "sentences mentioning Iran",
    )  # fmt: skip
    assert note == (
        " Mostly one article's sentences mentioning Iran: Ledger, 3 of the 4 in article l1; "
        "Post, all 9 in article p1 (that group's figure describes that article more than the "
        "group)."
    )
    assert mostly_one_article_note({"Solo": pd.Series(["s1"] * 5)}, {"Solo": 1}) == ""


def test_articles_are_counted_per_group() -> None:
    sentences = pd.DataFrame({"doc_id": ["a", "a", "b", "c"], "outlet": ["X", "X", "X", "Y"]})
    assert articles_per_group(sentences, "outlet") == {"X": 2, "Y": 1}
