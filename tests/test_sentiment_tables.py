"""analysis.sentiment.tables: grouped tone tables, pairwise comparisons, actor tone."""

from __future__ import annotations

import pandas as pd
import pytest
from sentiment_sentences import made_up_actors, sentence_table

from analysis.sentiment.tables import (
    actor_tone,
    document_tone,
    sentiment_by_group,
    sentiment_pairwise,
)


@pytest.fixture(scope="module")
def sentences() -> pd.DataFrame:
    return sentence_table()


def test_by_group_estimates_and_sizes(sentences):
    table = sentiment_by_group(sentences, "outlet", n_boot=200, seed=1)
    assert list(table.columns) == [
        "outlet",
        "method",
        "measure",
        "estimate",
        "ci_low",
        "ci_high",
        "n_docs",
        "n_sentences",
    ]
    assert len(table) == 2 * 2 * 4
    ledger = table[(table["outlet"] == "Daily Ledger") & (table["method"] == "vader")]
    ledger = ledger.set_index("measure")
    mask = sentences["outlet"] == "Daily Ledger"
    assert ledger.loc["mean_compound", "estimate"] == pytest.approx(
        sentences.loc[mask, "compound"].mean()
    )
    expected_pos = (sentences.loc[mask, "compound"] >= 0.05).mean()
    assert ledger.loc["share_positive", "estimate"] == pytest.approx(expected_pos)
    shares = ledger.loc[["share_positive", "share_neutral", "share_negative"], "estimate"].sum()
    assert shares == pytest.approx(1.0)
    assert ledger.loc["mean_compound", "n_docs"] == 2
    assert ledger.loc["mean_compound", "n_sentences"] == 7
    assert (table["ci_low"] <= table["estimate"] + 1e-12).all()
    assert (table["ci_high"] >= table["estimate"] - 1e-12).all()


def test_by_group_is_seeded(sentences):
    a = sentiment_by_group(sentences, "origin", n_boot=150, seed=5)
    b = sentiment_by_group(sentences, "origin", n_boot=150, seed=5)
    c = sentiment_by_group(sentences, "origin", n_boot=150, seed=6)
    pd.testing.assert_frame_equal(a, b)
    assert not a["ci_low"].equals(c["ci_low"])
    assert "origin" in a.columns


def test_news_variant_moves_only_the_post(sentences):
    table = sentiment_by_group(sentences, "outlet", n_boot=50, seed=0)
    means = table[table["measure"] == "mean_compound"].pivot(
        index="outlet", columns="method", values="estimate"
    )
    assert means.loc["Daily Ledger", "vader"] == means.loc["Daily Ledger", "vader-news"]
    # "Critical minerals" was scored negative by plain VADER
    assert means.loc["Freedonia Post", "vader-news"] > means.loc["Freedonia Post", "vader"]


def test_pairwise(sentences):
    table = sentiment_pairwise(sentences, "outlet", n_boot=200, n_perm=300, seed=2)
    assert table["method"].tolist() == ["vader", "vader-news"]
    row = table.iloc[0]
    assert row["outlet_a"] == "Daily Ledger" and row["outlet_b"] == "Freedonia Post"
    assert row["diff"] == pytest.approx(row["mean_a"] - row["mean_b"])
    assert row["diff"] > 0
    assert (row["n_docs_a"], row["n_sentences_a"], row["n_docs_b"], row["n_sentences_b"]) == (
        2,
        7,
        1,
        5,
    )


def test_actor_tone(sentences):
    table = actor_tone(sentences, "outlet", lexicon=made_up_actors(), n_boot=100, seed=0)
    china = table[(table["actor"] == "china") & (table["method"] == "vader")].set_index("outlet")
    assert china.loc["Daily Ledger", "n_sentences"] == 1
    assert china.loc["Freedonia Post", "n_sentences"] == 1
    assert china.loc["Daily Ledger", "estimate"] > 0 > china.loc["Freedonia Post", "estimate"]
    eu = table[table["actor"] == "eu"]
    assert set(eu["outlet"]) == {"Daily Ledger"}  # no row where an actor is never mentioned
    assert "label" in table.columns


def test_document_tone(sentences):
    docs = document_tone(sentences, "vader")
    assert docs["doc_id"].tolist() == ["L1", "L2", "P1"]
    assert docs["n_sentences"].tolist() == [4, 3, 5]
    l2 = sentences[sentences["doc_id"] == "L2"]["compound"].mean()
    assert docs.loc[1, "mean_compound"] == pytest.approx(l2)


def test_missing_scores_are_explained():
    raw = sentence_table().drop(columns=["compound_news"])
    with pytest.raises(KeyError, match="add_sentiment"):
        sentiment_by_group(raw, "outlet")
