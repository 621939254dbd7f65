"""Article-level frames: presence, dominant frame, group shares and comparisons."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from analysis.framing import (
    article_frame_comparison,
    article_frame_table,
    article_frames,
    load_codebook,
    plot_article_frames,
)

BOOK = load_codebook()
A, B = BOOK.keys[0], BOOK.keys[1]


def sentences() -> pd.DataFrame:
    rows = []
    # outlet X: d1 has A twice and B once (dominant A); d2 only B; outlet Y: d3 nothing, d4 B
    plan = {("X", "d1"): [A, A, B], ("X", "d2"): [B, None], ("Y", "d3"): [None], ("Y", "d4"): [B]}
    for (outlet, doc), frames in plan.items():
        for i, frame in enumerate(frames):
            row = {"doc_id": doc, "outlet": outlet, "sentence_id": i}
            row.update({c: k == frame for c, k in zip(BOOK.columns, BOOK.keys, strict=True)})
            rows.append(row)
    return pd.DataFrame(rows)


def test_article_frames_presence_and_dominant() -> None:
    table = article_frames(sentences()).set_index("doc_id")
    assert table.loc["d1", A] and table.loc["d1", B]
    assert table["dominant_frame"].to_dict() == {"d1": A, "d2": B, "d3": "none", "d4": B}
    assert article_frames(sentences(), min_sentences=2).set_index("doc_id").loc["d1", B] == False  # noqa: E712


def test_article_frame_table_shares() -> None:
    table = article_frame_table(sentences(), n_boot=100).set_index(["outlet", "frame"])
    assert table.loc[("X", B), "share_articles"] == 1.0
    assert table.loc[("Y", B), "share_articles"] == 0.5
    assert table.loc[("X", A), "share_dominant"] == 0.5
    assert table.loc[("Y", A), "n_docs"] == 2


def test_comparison_is_per_frame_and_pair() -> None:
    table = article_frame_comparison(sentences(), n_boot=50, n_perm=100)
    row = table[table["frame"] == B].iloc[0]
    assert row["diff"] == pytest.approx(0.5)
    assert len(table) == len(BOOK.keys)


def test_plot_article_frames_draws() -> None:
    fig = plot_article_frames(article_frame_table(sentences(), n_boot=20))
    assert fig.axes
    plt.close(fig)
