"""Framing aggregates, findings and figures on a small corpus written for these tests."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.figures import save_figure
from analysis.framing.hedging import hedging_table
from analysis.framing.keyness import keyness_table
from analysis.framing.plots import (
    FIGURES,
    plot_frame_heatmap,
    plot_frame_salience,
    plot_hedging,
    plot_keyness,
    plot_sourcing,
)
from analysis.framing.sourcing import sourcing_table
from analysis.framing.tables import (
    FRAMES_BY_GROUP_COLUMNS,
    add_framing,
    dominant_frames,
    frame_cooccurrence,
    frame_evidence,
    frame_salience_table,
    framing_findings,
)

ROWS = [
    # doc, outlet, sentence
    ("a1", "Harbour Daily", "The two sides agreed to a truce on grain levies."),
    ("a1", "Harbour Daily", "Officials said the pause could collapse if prices fall."),
    ("a1", "Harbour Daily", "Farmers fear for their families as the dispute drags on."),
    ("a2", "Harbour Daily", "The truce may hold, according to Reuters."),
    ("b1", "Valley Post", "The ministry vowed to retaliate against the new tariffs."),
    ("b1", "Valley Post", "“We will never accept this pressure,” a spokesperson said."),
    ("b1", "Valley Post", "The weather was mild."),
]


def _sentences() -> pd.DataFrame:
    df = pd.DataFrame(ROWS, columns=["doc_id", "outlet", "sentence"])
    df["sentence_id"] = df.groupby("doc_id").cumcount()
    df["n_words"] = df["sentence"].str.split().str.len()
    return add_framing(df)


def test_add_framing_adds_columns_and_keeps_rows() -> None:
    base = pd.DataFrame(ROWS, columns=["doc_id", "outlet", "sentence"], index=range(10, 17))
    out = add_framing(base)
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
    again = add_framing(out)  # rerun replaces, never duplicates
    assert list(again.columns) == list(out.columns)


def test_frame_salience_values_and_determinism() -> None:
    s = _sentences()
    table = frame_salience_table(s, "outlet", n_boot=300, seed=3)
    assert list(table.columns) == ["outlet", *FRAMES_BY_GROUP_COLUMNS]
    row = table[(table.outlet == "Harbour Daily") & (table.frame == "truce_deescalation")].iloc[0]
    # Truce sentences in Harbour Daily: "truce" (a1 #0), "pause" (a1 #1), "truce" (a2 #0).
    assert row.n_frame_sentences == 3 and row.n_sentences == 4 and row.n_docs == 2
    assert row.share == pytest.approx(3 / 4)
    words = s.loc[s.outlet == "Harbour Daily", "n_words"].sum()
    assert row.per_1000_words == pytest.approx(1000 * 3 / words)
    assert row.share_ci_low <= row.share <= row.share_ci_high
    pd.testing.assert_frame_equal(table, frame_salience_table(s, "outlet", n_boot=300, seed=3))


def test_dominant_frames_cooccurrence_and_evidence() -> None:
    s = _sentences()
    dom = dominant_frames(s, "outlet").set_index("doc_id")
    assert dom.loc["a2", "dominant_frame"] == "truce_deescalation"
    assert dom.loc["a2", "share"] == pytest.approx(1.0)
    co = frame_cooccurrence(s, "outlet")
    harbour = co[co.outlet == "Harbour Daily"].set_index(["frame_a", "frame_b"])
    assert harbour.loc[("conflict", "human_interest"), "n_sentences_both"] == 1
    assert harbour.loc[("truce_deescalation", "truce_deescalation"), "n_sentences_both"] == 3
    ev = frame_evidence(s)
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


def _frames_table(hi: tuple[float, float, float], lo: tuple[float, float, float]) -> pd.DataFrame:
    rows = []
    for group, (share, low, high) in (("A", hi), ("B", lo)):
        rows.append(
            {
                "outlet": group,
                "frame": "conflict",
                "label": "Conflict",
                "share": share,
                "share_ci_low": low,
                "share_ci_high": high,
                "per_1000_words": 0.0,
                "per_1000_ci_low": 0.0,
                "per_1000_ci_high": 0.0,
                "n_frame_sentences": 5,
                "n_docs": 1,
                "n_sentences": 20,
                "n_words": 400,
            }
        )
    return pd.DataFrame(rows)


@pytest.mark.parametrize(
    ("hi", "lo", "stated"),
    [((0.5, 0.4, 0.6), (0.1, 0.0, 0.2), True), ((0.5, 0.2, 0.6), (0.3, 0.1, 0.4), False)],
)
def test_findings_state_differences_only_without_overlap(hi, lo, stated) -> None:
    s = _sentences()
    s["outlet"] = s["outlet"].map({"Harbour Daily": "A", "Valley Post": "B"})
    frames = _frames_table(hi, lo)
    findings = framing_findings(
        frames,
        keyness_table(s, "outlet"),
        sourcing_table(s, "outlet"),
        hedging_table(s, "outlet", n_boot=100),
        s,
        frame_evidence(s),
        group_col="outlet",
        n_boot=100,
    )
    keys = {f.key: f for f in findings}
    assert ("frames_difference_conflict" in keys) is stated
    if not stated:
        assert not keys["frames_no_clear_difference"].supported
        assert "no clear difference" in keys["frames_no_clear_difference"].text
    assert keys["frames_salient_A"].text.startswith("In the one article from A")
    for f in findings:
        assert f.section in {"frames", "vocabulary", "sourcing", "hedging"}
        assert len(f.evidence) <= 3


def test_figures_are_written(tmp_path) -> None:
    s = _sentences()
    frames = frame_salience_table(s, "outlet", n_boot=50)
    figs = {
        "fig07_frame_heatmap": plot_frame_heatmap(frames),
        "fig08_frame_salience": plot_frame_salience(frames),
        "fig09_keyness": plot_keyness(keyness_table(s, "outlet"), top_terms=3),
        "fig10_sourcing": plot_sourcing(sourcing_table(s, "outlet")),
        "fig11_hedging": plot_hedging(hedging_table(s, "outlet", n_boot=50)),
    }
    assert set(figs) == set(FIGURES)
    for stem, fig in figs.items():
        assert FIGURES[stem].stem == stem
        paths = save_figure(fig, stem, tmp_path)
        assert all(p.stat().st_size > 0 for p in paths)


def test_capped_evidence_keeps_the_first_coded_sentences_of_each_group() -> None:
    s = _sentences()
    full = frame_evidence(s)
    pd.testing.assert_frame_equal(
        frame_evidence(s, group_col="outlet", max_per_group=50), full
    )  # a cap above every count changes nothing
    capped = frame_evidence(s, group_col="outlet", max_per_group=1)
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


def _salience_rows(share_b: float, ci_b: tuple[float, float], n_b: int) -> pd.DataFrame:
    rows = [
        {
            "outlet": "A",
            "frame": "conflict",
            "label": "Conflict",
            "share": share_b,
            "share_ci_low": ci_b[0],
            "share_ci_high": ci_b[1],
            "n_docs": 1,
            "n_sentences": 40,
            "n_words": 800,
            "n_frame_sentences": round(share_b * 40),
        },
        {
            "outlet": "B",
            "frame": "conflict",
            "label": "Conflict",
            "share": 0.0,
            "share_ci_low": 0.0,
            "share_ci_high": 0.0,
            "n_docs": 1,
            "n_sentences": n_b,
            "n_words": 20 * n_b,
            "n_frame_sentences": 0,
        },
    ]
    return pd.DataFrame(rows)


def test_a_share_of_zero_is_not_treated_as_known_exactly() -> None:
    from analysis.framing.tables import _frame_findings

    sentences = pd.DataFrame(
        {"doc_id": ["a", "b"], "sentence_id": [0, 0], "outlet": ["A", "B"], "sentence": ["x", "y"]}
    )
    evidence = pd.DataFrame(columns=["frame", "term", "doc_id", "sentence_id"])
    # 0 of 10 sentences: shares up to 30% remain plausible, so 25% (CI 15-40%) is no difference.
    few = _frame_findings(_salience_rows(0.25, (0.15, 0.40), 10), sentences, evidence, "outlet")
    assert not any(f.key == "frames_difference_conflict" for f in few)
    # 0 of 200 sentences (bound 1.5%) against 25% (CI 15-40%): a difference, stated with the bound.
    many = _frame_findings(_salience_rows(0.25, (0.15, 0.40), 200), sentences, evidence, "outlet")
    found = [f for f in many if f.key == "frames_difference_conflict"]
    assert len(found) == 1 and "no coded sentence" in found[0].text and "2%" in found[0].text
