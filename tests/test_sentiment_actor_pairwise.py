"""analysis.sentiment.tables.actor_tone_pairwise and the actor findings' stated differences.

A made-up corpus: two outlets of six articles each mention Mayor Vance; a third outlet has one
article and a fourth too few sentences mentioning her, so neither is compared.
"""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.sentiment.actors import Actor
from analysis.sentiment.findings import sentiment_findings
from analysis.sentiment.scoring import add_sentiment
from analysis.sentiment.tables import (
    actor_tone,
    actor_tone_pairwise,
    sentiment_by_group,
    sentiment_pairwise,
)
from analysis.stats.comparisons import holm, is_clear_difference

VANCE = Actor("vance", "Mayor Vance", "candidate", ("Vance",), (), "")
NEGATIVE = (
    "Mayor Vance was accused of corruption and lies.",
    "Critics said Vance failed the city badly.",
    "Vance faced angry protests over the terrible scandal.",
)
POSITIVE = (
    "Mayor Vance won praise for a great plan.",
    "Supporters said Vance helped the city a lot.",
    "Vance was welcomed warmly by happy residents.",
)
MIXED = NEGATIVE + POSITIVE


def _table(articles: dict[str, tuple[str, list[tuple[str, ...]]]]) -> pd.DataFrame:
    """Scored sentences of ``{outlet: (doc prefix, [sentences of each article])}``."""
    rows = [
        (f"{prefix}{k}", outlet, sentence)
        for outlet, (prefix, docs) in articles.items()
        for k, doc in enumerate(docs)
        for sentence in (*doc, "The council met on Tuesday.")
    ]
    table = pd.DataFrame(rows, columns=["doc_id", "outlet", "sentence"])
    table["sentence_id"] = table.groupby("doc_id").cumcount()
    table["origin"] = "X"
    table["n_words"] = table["sentence"].str.split().str.len()
    return add_sentiment(table)


def _corpus(post: tuple[str, ...], ledger: tuple[str, ...]) -> pd.DataFrame:
    return _table(
        {
            "Post": ("p", [post] * 6),
            "Ledger": ("l", [ledger] * 6),
            "Single": ("s", [NEGATIVE * 3]),  # one article: described, not compared
            "Sparse": ("q", [NEGATIVE[:1], NEGATIVE[:1]]),  # 2 sentences: under the minimum
        }
    )


@pytest.fixture(scope="module")
def slanted() -> pd.DataFrame:
    return _corpus(NEGATIVE, POSITIVE)


@pytest.fixture(scope="module")
def even() -> pd.DataFrame:
    # both outlets' articles hold the same sentences, dealt in another order
    return _corpus(MIXED, MIXED[::-1])


def _pairs(sentences: pd.DataFrame) -> pd.DataFrame:
    return actor_tone_pairwise(
        sentences, "outlet", lexicon=(VANCE,), min_sentences=5, n_boot=200, n_perm=400, seed=0
    )


def _actor_text(sentences: pd.DataFrame, pairs: pd.DataFrame | None) -> str:
    findings = sentiment_findings(
        sentiment_by_group(sentences, "outlet", n_boot=50, seed=0),
        sentiment_pairwise(sentences, "outlet", n_boot=50, n_perm=50, seed=0),
        actor_tone(sentences, "outlet", lexicon=(VANCE,), n_boot=50, seed=0),
        sentences,
        "outlet",
        lexicon=(VANCE,),
        min_actor_sentences=5,
        actor_pairwise=pairs,
    )
    return next(f.text for f in findings if f.key == "actor_tone_vance_vader")


def test_the_pairs_compare_only_groups_of_enough_sentences_and_articles(slanted) -> None:
    pairs = _pairs(slanted)
    vader = pairs[pairs["method"] == "vader"]
    assert list(pairs.columns[:4]) == ["actor", "label", "outlet_a", "outlet_b"]
    # Single (one article) and Sparse (2 sentences) are left out: one pair per method
    assert vader[["outlet_a", "outlet_b"]].values.tolist() == [["Ledger", "Post"]]
    row = vader.iloc[0]
    mentions = slanted[slanted["sentence"].str.contains("Vance")]
    means = mentions.groupby("outlet")["compound"].mean()
    assert row["diff"] == pytest.approx(means["Ledger"] - means["Post"])
    assert (row["n_docs_a"], row["n_sentences_a"]) == (6, 18)
    assert row["perm_unit"] == "document"  # 6 and 6 articles: shuffled by article
    assert is_clear_difference(row)


def test_an_actor_written_about_more_negatively_in_one_outlet_is_said_to_be(slanted) -> None:
    pairs = _pairs(slanted)
    text = _actor_text(slanted, pairs)
    assert (
        "Sentences mentioning Mayor Vance in these articles from Post were on average more "
        "negative in tone (vader) than those from Ledger (difference Ledger − Post +" in text
    )
    assert "Holm-adjusted over every actor's pairs" in text
    assert "more negative" not in _actor_text(slanted, None)  # without the table, as before
    # the one-article and the sparse outlet are compared with nothing
    assert "from Single" not in text and "from Sparse" not in text


def test_equal_tone_gives_no_difference(even) -> None:
    pairs = _pairs(even)
    assert len(pairs[pairs["method"] == "vader"]) == 1
    assert not any(is_clear_difference(r) for _, r in pairs.iterrows())
    # the finding says no more than it did without the pairwise table
    assert _actor_text(even, pairs) == _actor_text(even, None)


def test_an_actor_in_fewer_than_two_comparable_groups_has_no_rows() -> None:
    sentences = _table({"Post": ("p", [NEGATIVE] * 3), "Single": ("s", [NEGATIVE * 3])})
    pairs = _pairs(sentences)
    assert pairs.empty
    assert list(pairs.columns[:4]) == ["actor", "label", "outlet_a", "outlet_b"]


def test_holm_counts_every_actors_pairs_of_a_method() -> None:
    # with many actors, a correction within each actor's pairs let chance differences through:
    # two actors of one pair each kept their raw p as their adjusted p
    council = Actor("council", "Harbour Council", "body", ("council",), (), "")
    sentences = _corpus(NEGATIVE, POSITIVE)
    table = actor_tone_pairwise(sentences, lexicon=[VANCE, council], n_boot=50, n_perm=200)
    assert set(table["actor"]) == {"vance", "council"}
    for _, part in table.groupby("method"):
        assert part["p_holm"].tolist() == pytest.approx(holm(part["p_perm"].to_numpy()).tolist())
        assert len(part) == 2
