"""analysis.sentiment.tables: grouped tone tables, actor tone and findings."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.sentiment.scoring import add_sentiment
from analysis.sentiment.tables import (
    actor_tone,
    document_tone,
    sentiment_by_group,
    sentiment_findings,
    sentiment_pairwise,
)

LEDGER_1 = [
    "Ruritania welcomed the wonderful agreement.",
    "Traders were delighted and relieved.",
    "The grain harbour reopened.",
    "Beijing praised the excellent deal.",
]
LEDGER_2 = [
    "Farmers celebrated a great harvest.",
    "The EU called the plan a success.",
    "Prices stayed flat.",
]
POST_1 = [
    "Freedonia condemned the terrible, unfair tariffs.",
    "Beijing warned of a painful, disastrous crisis.",
    "Critical minerals shipments stalled.",
    "Exporters fear losses.",
    "The port was quiet.",
]


def sentence_table() -> pd.DataFrame:
    rows = []
    for doc, outlet, origin, texts in [
        ("L1", "Daily Ledger", "Ruritania", LEDGER_1),
        ("L2", "Daily Ledger", "Ruritania", LEDGER_2),
        ("P1", "Freedonia Post", "Freedonia", POST_1),
    ]:
        for k, text in enumerate(texts):
            rows.append(
                {
                    "doc_id": doc,
                    "outlet": outlet,
                    "origin": origin,
                    "sentence_id": k,
                    "sentence": text,
                    "n_words": len(text.split()),
                }
            )
    return add_sentiment(pd.DataFrame(rows))


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
    table = actor_tone(sentences, "outlet", n_boot=100, seed=0)
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


def findings_for(sentences, **pair_overrides):
    by_group = sentiment_by_group(sentences, "outlet", n_boot=200, seed=0)
    pairwise = sentiment_pairwise(sentences, "outlet", n_boot=200, n_perm=300, seed=0)
    for col, value in pair_overrides.items():
        pairwise[col] = value
    actors = actor_tone(sentences, "outlet", n_boot=100, seed=0)
    return sentiment_findings(
        by_group, pairwise, actors, sentences, "outlet", min_actor_sentences=1
    )


def test_findings_never_call_an_uncertain_gap_a_difference(sentences):
    findings = findings_for(sentences, diff_ci_low=-0.1, diff_ci_high=0.9, p_holm=0.01)
    pair = next(f for f in findings if f.key.startswith("tone_pairwise"))
    assert not pair.supported
    assert pair.text.startswith("No clear difference")
    assert "more positive" not in pair.text


def test_findings_state_a_clear_difference(sentences):
    findings = findings_for(sentences, diff_ci_low=0.2, diff_ci_high=0.9, p_holm=0.001)
    pair = next(f for f in findings if f.key.startswith("tone_pairwise"))
    assert pair.supported
    assert "Daily Ledger were on average more positive" in pair.text
    assert "n = 7 sentences in 2 article(s)" in pair.text


def test_findings_content_and_evidence(sentences):
    findings = findings_for(sentences)
    keys = [f.key for f in findings]
    assert "tone_level_Daily Ledger_vader" in keys and "tone_method_sensitivity" in keys
    level = findings[keys.index("tone_level_Freedonia Post_vader")]
    assert "this article from Freedonia Post (5 sentences)" in level.text
    assert "95% CI" in level.text
    # evidence: the most positive and the most negative sentence of that outlet
    post = sentences[sentences["outlet"] == "Freedonia Post"]
    assert level.evidence[1].text == post.loc[post["compound"].idxmin(), "sentence"]
    method = findings[keys.index("tone_method_sensitivity")]
    assert "changed the score of 1 of 12 sentences" in method.text
    assert method.evidence[0].text == "Critical minerals shipments stalled."
    actor = next(f for f in findings if f.key == "actor_tone_china_vader")
    assert "not the outlet's stance" in actor.text
    assert findings == findings_for(sentences)  # deterministic
