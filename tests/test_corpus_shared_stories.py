"""analysis.corpus.shared_stories: stories several groups ran, read from the duplicate flags."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.corpus.shared_stories import (
    copies_of_other_groups,
    copy_links,
    one_per_story,
    shared_stories,
    shared_text_table,
    stories_by_groups,
    wholly_shared,
)


def documents() -> pd.DataFrame:
    """A tester's wire copy in small: Wire's story run by Post and Courier (Courier's a copy of
    Post's), Post's own story run twice by Post, an unflagged copy (``-p duplicates keep``) and
    a copy whose original was left out."""
    rows = [
        ("w1", "Wire", 10, "", ""),
        ("p1", "Post", 10, "w1", "duplicate"),
        ("c1", "Courier", 12, "p1", "truncated;duplicate"),
        ("p2", "Post", 6, "", ""),
        ("p3", "Post", 6, "p2", "duplicate"),
        ("c2", "Courier", 8, "w9", "duplicate"),
        ("c3", "Courier", 5, "p2", ""),
        ("c4", "Courier", 5, "", "short"),
    ]
    return pd.DataFrame(
        rows, columns=["doc_id", "outlet", "n_sentences", "duplicate_of", "quality_flags"]
    )


def test_only_flagged_copies_of_an_article_in_the_table_link():
    assert copy_links(documents()) == {"p1": "w1", "c1": "p1", "p3": "p2"}
    # read as a CSV reads them: empty cells are NaN
    read = documents().replace("", float("nan"))
    assert copy_links(read) == copy_links(documents())


def test_a_copy_of_another_groups_article_and_the_stories_groups_share():
    docs = documents()
    copies = copies_of_other_groups(docs, "outlet")
    assert docs.loc[copies, "doc_id"].tolist() == ["p1", "c1"]  # p3 copies its own outlet's
    assert shared_stories(docs) == [(("Courier", "Post", "Wire"), ["c1", "p1", "w1"])]
    assert stories_by_groups(docs) == [(("Courier", "Post", "Wire"), 1)]
    # grouped otherwise, a copy within a group is no copy of another group's
    by_desk = docs.assign(desk=["a", "a", "a", "b", "b", "b", "b", "b"])
    assert copies_of_other_groups(by_desk, "desk").sum() == 0
    assert stories_by_groups(by_desk, "desk") == []


def test_each_groups_share_of_sentences_in_copies_and_in_shared_stories():
    table = shared_text_table(documents(), "outlet").set_index("outlet")
    assert list(table.index) == ["Courier", "Post", "Wire"]
    courier, post, wire = (table.loc[g] for g in ("Courier", "Post", "Wire"))
    assert (courier["n_articles"], courier["n_copies_of_others"]) == (4, 1)
    assert courier["n_sentences"] == 30 and courier["n_sentences_in_copies"] == 12
    assert courier["share_sentences_in_copies"] == pytest.approx(12 / 30)
    assert post["share_sentences_in_copies"] == pytest.approx(10 / 22)
    # the "original" of a story counts as shared: Wire ran nothing but it
    assert wire["n_copies_of_others"] == 0 and wire["share_sentences_in_shared_stories"] == 1
    assert wire["shares_stories_with"] == "Courier; Post"
    assert post["n_shared_stories"] == 1 and post["n_sentences_in_shared_stories"] == 10


def test_one_article_of_each_story_stays_its_original_else_its_longest():
    links = {"p1": "w1", "c1": "p1", "p3": "p2"}
    length = {"w1": 100, "p1": 100, "c1": 300, "p2": 50, "p3": 80, "x": 10}
    assert one_per_story(links, length) == {"p1", "c1", "p3"}
    without_originals = {k: v for k, v in length.items() if k not in ("w1", "p2")}
    assert one_per_story(links, without_originals) == {"p1"}  # c1 the longest; p3 alone


def test_the_groups_every_article_of_which_another_group_ran_too():
    # Wire's one article is shared, but a group of one article is left out; Post's p2 and
    # Courier's c2, c3, c4 are no copies of another group's
    assert wholly_shared(documents()) == []
    feed = pd.DataFrame(
        [
            ("a1", "A", "", ""),
            ("a2", "A", "", ""),
            ("b1", "B", "a1", "duplicate"),
            ("b2", "B", "a2", "duplicate"),
            ("c1", "C", "", ""),
            ("c2", "C", "", ""),
            ("d1", "D", "a1", "duplicate"),
            ("d2", "D", "c1", "duplicate"),
        ],
        columns=["doc_id", "outlet", "duplicate_of", "quality_flags"],
    )
    # D's stories: one A and B ran, one C ran, so no one group ran all of D's; C's c2 is its own
    assert wholly_shared(feed) == [("A", ("B",), 2), ("B", ("A",), 2), ("D", (), 2)]
