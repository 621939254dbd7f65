"""analysis.report.genre_mix: which column names a kind of article, and when its mix differs
strongly between the groups compared."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.report.genre_mix import (
    MIX_DIFFERENCE,
    genre_columns,
    group_mixes,
    is_genre_column,
    mix_column,
    mix_difference,
    share_words,
)


@pytest.mark.parametrize(
    "name", ["genre", "Genre", "article_type", "contentFormat", "sections", "kind", "doc-types"]
)
def test_a_column_named_for_a_kind_of_article_is_one(name: str) -> None:
    assert is_genre_column(name)


@pytest.mark.parametrize("name", ["typeface", "subtype", "lean", "outlet", "generation"])
def test_other_columns_are_not(name: str) -> None:
    assert not is_genre_column(name)


def _docs(rows: list[tuple[str, str]], column: str = "genre") -> pd.DataFrame:
    return pd.DataFrame(
        [
            {"doc_id": f"d{i}", "outlet": o, column: g, "n_sentences": 5, "n_words": 90}
            for i, (o, g) in enumerate(rows)
        ]
    )


# a tester's corpus: the Courier's 6 articles half opinion, the Ledger's 4 of 6 news
TESTER = [
    *[("Courier", g) for g in ("opinion", "opinion", "opinion", "editorial", "letters", "news")],
    *[("Ledger", g) for g in ("news", "news", "news", "news", "explainer", "editorial")],
]


def test_the_mixes_of_a_tester_s_outlets_differ_strongly() -> None:
    docs = _docs(TESTER)
    # Courier 1/6 news, 3/6 opinion, 1/6 editorial, 1/6 letters; Ledger 4/6 news, 1/6
    # explainer, 1/6 editorial: half the sum of the differences is (3 + 3 + 0 + 1 + 1) / 12
    assert mix_difference(docs, "outlet", "genre") == pytest.approx(8 / 12)
    assert mix_column(docs, "outlet") == "genre"
    assert group_mixes(docs, "outlet", "genre", ["Courier", "Ledger"]) == (
        ("Courier", 6, 6, "opinion", 3),
        ("Ledger", 6, 6, "news", 4),
    )


def test_alike_mixes_say_nothing() -> None:
    rows = [(o, g) for o in ("Courier", "Ledger") for g in ("news", "news", "opinion")]
    rows += [("Ledger", "news")]  # 2/3 news against 3/4: a twelfth apart
    assert mix_difference(_docs(rows), "outlet", "genre") < MIX_DIFFERENCE
    assert mix_column(_docs(rows), "outlet") == ""


def test_a_column_of_ids_the_grouping_itself_and_blank_values_are_left_out() -> None:
    rows = [("Courier", f"c{i}") for i in range(3)] + [("Ledger", f"l{i}") for i in range(3)]
    ids = _docs(rows, "item_type")  # every value its own: no kind of article
    assert genre_columns(ids, "outlet") == ["item_type"]
    assert mix_difference(ids, "outlet", "item_type") == 0.0
    assert mix_column(ids, "outlet") == ""
    assert genre_columns(_docs(TESTER), "genre") == []  # grouped by genre: no other column
    blanks = _docs([*TESTER, ("Courier", ""), ("Courier", " ")])
    assert group_mixes(blanks, "outlet", "genre", ["Courier"]) == (("Courier", 8, 6, "opinion", 3),)


def test_the_most_frequent_kind_does_not_depend_on_row_order() -> None:
    rows = [("Post", "opinion"), ("Post", "news"), ("Post", "news"), ("Post", "opinion")]
    ties = [group_mixes(_docs(r), "outlet", "genre", ["Post"]) for r in (rows, rows[::-1])]
    assert ties[0] == ties[1] == (("Post", 4, 4, "news", 2),)


@pytest.mark.parametrize(
    ("n_top", "total", "said"),
    [(4, 4, "all"), (4, 6, "mostly"), (3, 6, "half"), (2, 5, "most often")],
)
def test_share_words(n_top: int, total: int, said: str) -> None:
    assert share_words(n_top, total) == said
