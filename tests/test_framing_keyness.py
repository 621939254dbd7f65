"""Fightin' Words log-odds against numbers worked out by hand from Monroe et al.'s formula."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from analysis.framing.keyness import (
    content_tokens,
    count_terms,
    keyness_table,
    log_odds_dirichlet,
    stopwords,
    top_terms,
)


def _sentences(rows: list[tuple[str, str]]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "doc_id": [f"d{i}" for i in range(len(rows))],
            "outlet": [r[0] for r in rows],
            "sentence": [r[1] for r in rows],
        }
    )


def test_symmetric_example_by_hand() -> None:
    # Group A: tariff x3, truce x1; group B: tariff x1, truce x3. n = 8, alpha0 = 8, so the prior
    # is alpha_w = 8 * 4/8 = 4 for both words.
    delta, z = log_odds_dirichlet(np.array([3, 1]), np.array([1, 3]), alpha0=8)
    expected_delta = math.log((3 + 4) / (4 + 8 - 3 - 4)) - math.log((1 + 4) / (4 + 8 - 1 - 4))
    expected_var = 1 / (3 + 4) + 1 / (1 + 4)
    assert delta[0] == pytest.approx(expected_delta)
    assert z[0] == pytest.approx(expected_delta / math.sqrt(expected_var))
    assert delta[1] == pytest.approx(-expected_delta)


def test_unequal_example_by_hand_with_default_prior() -> None:
    # Vocabulary (alpha, beta, gamma); A = (2, 1, 0), B = (0, 1, 3). n = 7; the default alpha0 is
    # n = 7, so alpha_w = y_w: (2, 2, 3). n_A = 3, n_B = 4.
    delta, z = log_odds_dirichlet(np.array([2, 1, 0]), np.array([0, 1, 3]))
    d_alpha = math.log((2 + 2) / (3 + 7 - 2 - 2)) - math.log((0 + 2) / (4 + 7 - 0 - 2))
    d_beta = math.log((1 + 2) / (3 + 7 - 1 - 2)) - math.log((1 + 2) / (4 + 7 - 1 - 2))
    d_gamma = math.log((0 + 3) / (3 + 7 - 0 - 3)) - math.log((3 + 3) / (4 + 7 - 3 - 3))
    assert delta == pytest.approx([d_alpha, d_beta, d_gamma])
    z_alpha = d_alpha / math.sqrt(1 / (2 + 2) + 1 / (0 + 2))
    z_gamma = d_gamma / math.sqrt(1 / (0 + 3) + 1 / (3 + 3))
    assert z[0] == pytest.approx(z_alpha)
    assert z[2] == pytest.approx(z_gamma)
    # Equal counts but a smaller group: beta is slightly over-represented in A.
    assert d_beta > 0


def test_keyness_table_matches_the_formula_and_schema() -> None:
    sentences = _sentences(
        [
            ("Alpha Post", "Alpha alpha beta."),
            ("Beta News", "Beta gamma gamma gamma."),
        ]
    )
    table = keyness_table(sentences, "outlet")
    assert list(table.columns) == [
        "outlet",
        "term",
        "count_in_group",
        "count_in_rest",
        "log_odds",
        "z",
    ]
    a = table[table.outlet == "Alpha Post"].set_index("term")
    assert a.loc["alpha", "count_in_group"] == 2 and a.loc["alpha", "count_in_rest"] == 0
    d_alpha = math.log((2 + 2) / (3 + 7 - 2 - 2)) - math.log((0 + 2) / (4 + 7 - 0 - 2))
    assert a.loc["alpha", "log_odds"] == pytest.approx(d_alpha)
    # Sorted by group, then z descending.
    assert list(table.outlet) == sorted(table.outlet)
    for _, part in table.groupby("outlet"):
        assert part.z.is_monotonic_decreasing
    # Two groups are mirror images.
    b = table[table.outlet == "Beta News"].set_index("term")
    assert b.loc["alpha", "z"] == pytest.approx(-a.loc["alpha", "z"])


def test_stop_words_and_numbers_are_dropped() -> None:
    assert {"the", "and", "'s", "won't"} <= stopwords()
    tokens = content_tokens("The 100% tariff on China's 2025 magnets.")
    assert [t for t in tokens if t] == ["tariff", "china", "magnets"]
    counts = count_terms(["Rare earth magnets, rare earth prices."], bigrams=True)
    assert counts["rare earth"] == 2 and counts["earth magnets"] == 1
    assert counts["magnets rare"] == 1  # punctuation is not a token, so these are adjacent
    assert "the" not in count_terms(["The the THE"])


def test_the_country_is_one_term_and_the_pronoun_none() -> None:
    # a tester's keyness ranked "u.s." for one outlet and "us" (the US, and "pressure on us")
    # for another
    tokens = content_tokens("The U.S. told us the US and the U.S envoy met WHO and IT staff.")
    assert [t for t in tokens if t] == [
        "US",
        "told",
        "US",
        "US",
        "envoy",
        "met",
        "WHO",
        "IT",
        "staff",
    ]
    assert "us" not in count_terms(["Let us go. Us too."])
    assert [t for t in content_tokens("THE US WILL WIN") if t] == ["win"]  # shouted: words
    assert "THE" not in count_terms(["The end of THE story."])  # no acronym


def test_cap_keeps_top_and_bottom_terms() -> None:
    words = " ".join(f"w{i}x" for i in range(20))
    sentences = _sentences([("A", words + " shared shared"), ("B", "shared other")])
    full = keyness_table(sentences, "outlet", max_terms_per_group=None)
    capped = keyness_table(sentences, "outlet", max_terms_per_group=6)
    assert len(capped[capped.outlet == "A"]) == 6
    a_full = full[full.outlet == "A"]
    a_capped = capped[capped.outlet == "A"]
    assert a_capped.term.iloc[0] == a_full.term.iloc[0]
    assert a_capped.term.iloc[-1] == a_full.term.iloc[-1]


def test_single_group_gives_empty_table_and_top_terms() -> None:
    one = _sentences([("A", "Only one outlet here.")])
    assert keyness_table(one, "outlet").empty
    two = _sentences([("A", "tariff tariff truce"), ("B", "truce pause pause")])
    top = top_terms(keyness_table(two, "outlet"), "outlet", n=1)
    assert top.set_index("outlet").term.to_dict() == {"A": "tariff", "B": "pause"}


def test_bad_input() -> None:
    with pytest.raises(ValueError, match="alpha0"):
        log_odds_dirichlet(np.array([1]), np.array([1]), alpha0=0)
    with pytest.raises(ValueError, match="no tokens"):
        log_odds_dirichlet(np.array([0]), np.array([0]))
    with pytest.raises(KeyError, match="outlet"):
        keyness_table(pd.DataFrame({"sentence": ["x"]}), "outlet")


def test_chinese_and_japanese_are_counted_by_character_not_by_clause() -> None:
    # a tester's Japanese page gave keyness "words" such as "今回はそのkindleデスクトップアプリ"
    assert content_tokens("今回はそのkindleデスクトップアプリ。") == [
        "今", "回", None, "kindle", "デスクトップアプリ", None,
    ]  # fmt: skip
    assert content_tokens("中国商务部表示") == ["中", "国", "商", "务", "部", "表", "示"]
    assert content_tokens("서울에서 회담이 열렸다") == ["서울에서", "회담이", "열렸다"]  # spaced
    assert content_tokens("The talks ended") == [None, "talks", "ended"]


def test_honorifics_are_not_distinctive_words() -> None:
    # a reviewer's keyness listed "mr." among two outlets' most distinctive words: a house style
    tokens = content_tokens("Mr. Smith met Mrs Jones, Ms. Lee and Dr. Patel; MR. BIG said.")
    assert [t for t in tokens if t] == ["smith", "met", "jones", "lee", "patel", "big", "said"]


def test_where_a_term_is_used_is_counted_on_the_tokens_its_count_comes_from() -> None:
    from analysis.explore import kwic
    from analysis.framing.keyness import term_counts_by_row, term_regex

    # a linguist's "US" matched the pronoun "us" and missed "U.S."; "asylum" matched inside
    # "asylum-seekers", a token of its own
    texts = [
        "The U.S. plan for asylum.",
        "Nobody asked us.",
        "Critics of the US plan ignored asylum-seekers.",
        "Asylum plan, asylum plan.",
    ]
    uses = term_counts_by_row(texts, ["US", "asylum", "asylum plan"])
    assert uses.tolist() == [[1, 1, 0], [0, 0, 0], [1, 0, 0], [0, 2, 2]]
    # the column sums are the counts keyness counts
    counted = count_terms(texts, bigrams=True)
    assert uses.sum(axis=0).tolist() == [counted["US"], counted["asylum"], counted["asylum plan"]]
    sentences = pd.DataFrame(
        {"doc_id": list("abcd"), "sentence_id": 0, "outlet": "x", "sentence": texts}
    )
    for term, k in (("US", 0), ("asylum", 1)):
        found = kwic(sentences, term_regex(term), regex=True)
        per_row = found.groupby("doc_id").size().reindex(list("abcd"), fill_value=0)
        assert per_row.tolist() == uses[:, k].tolist()


def test_the_table_keeps_every_term_so_z_can_be_recomputed_from_its_counts() -> None:
    # keyness.csv kept the top and bottom 1,000 terms per group: 27% of 30 PerSenT articles'
    # terms were missing, and z recomputed from the file's counts was wrong
    words = [
        f"w{chr(97 + i // 676)}{chr(97 + i // 26 % 26)}{chr(97 + i % 26)}" for i in range(2100)
    ]
    rows = [("A" if i % 3 else "B", " ".join(words[i : i + 5])) for i in range(0, 2100, 5)]
    rows += [("A", "alpha beta gamma"), ("B", "delta beta")]
    table = keyness_table(_sentences(rows))
    counted = count_terms([r[1] for r in rows])
    assert len(table) == 2 * len(counted) > 2 * 2000
    for _, part in table.groupby("outlet"):
        assert set(part["term"]) == set(counted)
        delta, z = log_odds_dirichlet(part["count_in_group"], part["count_in_rest"])
        np.testing.assert_allclose(z, part["z"])
        np.testing.assert_allclose(delta, part["log_odds"])


@pytest.mark.parametrize("extra", [0, 400])
def test_the_uses_a_word_of_one_group_needs_for_z_above_196_match_the_table(extra: int) -> None:
    from analysis.framing.keyness import uses_to_reach

    # the prior (each word's prior its own count) sets a minimum count for z > 1.96: a
    # linguist's summary said "no word is distinctive" without saying so
    base = [("A", "alpha beta gamma delta " * 200), ("B", "alpha beta gamma delta " * 200)]
    base += [("B", "epsilon zeta " * (10 + extra))]
    rows = [*base, ("A", " ".join(f"only{chr(97 + k)} " * (k + 1) for k in range(30)))]
    table = keyness_table(_sentences(rows))
    own = table[table["outlet"] == "A"]
    needed = uses_to_reach(own["count_in_group"].sum(), own["count_in_rest"].sum())
    only = own[own["term"].str.startswith("only")]
    assert needed is not None and 1 < needed < 30
    assert (only.loc[only["z"] > 1.96, "count_in_group"] >= needed).all()
    assert (only.loc[only["z"] <= 1.96, "count_in_group"] < needed).all()
    assert set(only["count_in_group"]) >= {needed - 1, needed}
    # the log-odds barely moves with the count: the prior shrinks it
    assert only["log_odds"].max() - only["log_odds"].min() < 0.05
    assert uses_to_reach(2, 2) is None  # a corpus too small for any word to reach it


def test_contraction_pieces_web_addresses_trailing_stops_and_modals_are_no_terms() -> None:
    # a linguist's keyness listed "ca" and "wo" (can't, won't), "https" and
    # "//www.example.gov/port-alder/statistics", "said." kept apart from "said", and "would"
    text = (
        "Officials can't and won't pretend, he said.“We would go,” she said. "
        "See https://www.example.gov/port-alder/statistics or www.example.org today!"
    )
    counts = count_terms([text])
    assert counts["said"] == 2
    for artefact in ("ca", "wo", "n't", "https", "said.", "today!", "would"):
        assert artefact not in counts
    assert not any("/" in term or "www" in term for term in counts)
    assert {"officials", "pretend", "see", "today"} <= set(counts)
    # "CA" not before "n't" is a word; the month "May" goes with the modal, as documented
    assert count_terms(["The CA office opens in May."]) == {"ca": 1, "office": 1, "opens": 1}
    # bigrams do not join across a dropped piece
    assert "officials pretend" not in count_terms([text], bigrams=True)
