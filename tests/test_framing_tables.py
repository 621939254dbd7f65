"""Framing aggregates and figures on a small corpus written for these tests."""

from __future__ import annotations

import pandas as pd
import pytest
from framing_sentences import ROWS, STORY_CODEBOOK, framed_sentences

from analysis.framing.tables import (
    FRAMES_BY_GROUP_COLUMNS,
    add_framing,
    dominant_frames,
    frame_cooccurrence,
    frame_evidence,
    frame_salience_table,
)


def test_add_framing_adds_columns_and_keeps_rows() -> None:
    base = pd.DataFrame(ROWS, columns=["doc_id", "outlet", "sentence"], index=range(10, 17))
    out = add_framing(base, STORY_CODEBOOK)
    assert list(out.index) == list(range(10, 17))
    for col in (
        "frame_conflict",
        "frame_truce_deescalation",
        "has_quote",
        "attribution_verb",
        "source_media",
        "n_hedges",
        "n_certainty",
    ):
        assert col in out.columns
    assert out.loc[10, "frame_truce_deescalation"] and out.loc[14, "frame_conflict"]
    again = add_framing(out, STORY_CODEBOOK)  # rerun replaces, never duplicates
    assert list(again.columns) == list(out.columns)


def test_frame_salience_values_and_determinism() -> None:
    s = framed_sentences()
    table = frame_salience_table(s, "outlet", STORY_CODEBOOK, n_boot=300, seed=3)
    assert list(table.columns) == ["outlet", *FRAMES_BY_GROUP_COLUMNS]
    row = table[(table.outlet == "Harbour Daily") & (table.frame == "truce_deescalation")].iloc[0]
    # Truce sentences in Harbour Daily: "truce" (a1 #0), "pause" (a1 #1), "truce" (a2 #0).
    assert row.n_frame_sentences == 3 and row.n_sentences == 4 and row.n_docs == 2
    assert row.share == pytest.approx(3 / 4)
    words = s.loc[s.outlet == "Harbour Daily", "n_words"].sum()
    assert row.per_1000_words == pytest.approx(1000 * 3 / words)
    assert row.share_ci_low <= row.share <= row.share_ci_high
    pd.testing.assert_frame_equal(
        table, frame_salience_table(s, "outlet", STORY_CODEBOOK, n_boot=300, seed=3)
    )


def test_dominant_frames_cooccurrence_and_evidence() -> None:
    s = framed_sentences()
    dom = dominant_frames(s, "outlet", STORY_CODEBOOK).set_index("doc_id")
    assert dom.loc["a2", "dominant_frame"] == "truce_deescalation"
    assert dom.loc["a2", "share"] == pytest.approx(1.0)
    co = frame_cooccurrence(s, "outlet", STORY_CODEBOOK)
    harbour = co[co.outlet == "Harbour Daily"].set_index(["frame_a", "frame_b"])
    assert harbour.loc[("conflict", "human_interest"), "n_sentences_both"] == 1
    assert harbour.loc[("truce_deescalation", "truce_deescalation"), "n_sentences_both"] == 3
    ev = frame_evidence(s, STORY_CODEBOOK)
    assert list(ev.columns) == ["frame", "term", "doc_id", "sentence_id", "matched"]
    truce = ev[ev.frame == "truce_deescalation"]
    assert set(zip(truce.doc_id, truce.sentence_id, strict=True)) == {
        ("a1", 0),
        ("a1", 1),
        ("a2", 0),
    }
    # Every coded (sentence, frame) has at least one evidence row, and vice versa.
    coded = {
        (r.doc_id, r.sentence_id, c[len("frame_") :])
        for r in s.itertuples()
        for c in s.columns
        if c.startswith("frame_") and getattr(r, c)
    }
    assert coded == set(zip(ev.doc_id, ev.sentence_id, ev.frame, strict=True))


def test_capped_evidence_keeps_the_first_coded_sentences_of_each_group() -> None:
    s = framed_sentences()
    full = frame_evidence(s, STORY_CODEBOOK)
    pd.testing.assert_frame_equal(
        frame_evidence(s, STORY_CODEBOOK, group_col="outlet", max_per_group=50), full
    )  # a cap above every count changes nothing
    capped = frame_evidence(s, STORY_CODEBOOK, group_col="outlet", max_per_group=1)
    truce = capped[capped.frame == "truce_deescalation"]
    assert set(zip(truce.doc_id, truce.sentence_id, strict=True)) == {("a1", 0)}
    assert (
        capped.groupby("frame")
        .apply(lambda part: part[["doc_id", "sentence_id"]].drop_duplicates().shape[0])
        .max()
        <= 2
    )  # at most one sentence per group (two groups) and frame
    assert set(capped.itertuples(index=False)) <= set(full.itertuples(index=False))
    with pytest.raises(ValueError, match="group_col"):
        frame_evidence(s, max_per_group=1)
