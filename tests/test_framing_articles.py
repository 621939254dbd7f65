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
    table = article_frame_table(sentences()).set_index(["outlet", "frame"])
    assert table.loc[("X", B), "share_articles"] == 1.0
    assert table.loc[("Y", B), "share_articles"] == 0.5
    assert table.loc[("X", A), "share_dominant"] == 0.5
    assert table.loc[("Y", A), "n_docs"] == 2


def test_article_frame_table_intervals_are_wilson_intervals_never_zero_width() -> None:
    from scipy.stats import binomtest

    table = article_frame_table(sentences()).set_index(["outlet", "frame"])
    # X: both articles carry B (2 of 2); Y: no article carries A (0 of 2); a bootstrap over
    # articles gave 100–100% and 0–0%
    for key, k in (((("X", B)), 2), ((("Y", A)), 0), ((("Y", B)), 1)):
        expected = binomtest(k, 2).proportion_ci(confidence_level=0.95, method="wilson")
        row = table.loc[key]
        assert row["share_ci_low"] == pytest.approx(expected.low, abs=1e-12)
        assert row["share_ci_high"] == pytest.approx(expected.high, abs=1e-12)
        assert row["share_ci_high"] > row["share_ci_low"]


def test_comparison_is_per_frame_and_pair() -> None:
    table = article_frame_comparison(sentences(), n_boot=50, n_perm=100)
    row = table[table["frame"] == B].iloc[0]
    assert row["diff"] == pytest.approx(0.5)
    assert len(table) == len(BOOK.keys)


def test_plot_article_frames_draws_percentages_with_capped_intervals_and_a_title() -> None:
    table = article_frame_table(sentences())
    fig = plot_article_frames(table)
    (ax,) = fig.axes
    # in percent, like fig08 beside it (a tester read 0.5 here against 50% there)
    assert ax.get_xlabel().startswith("% of articles")
    widths = sorted(round(p.get_width(), 6) for p in ax.patches)
    assert widths == sorted(round(100 * v, 6) for v in table["share_articles"])
    assert ax.get_title().startswith("Frames by outlet, per article: % of articles")
    caps = [line for line in ax.lines if line.get_marker() == "|"]
    assert caps  # each interval's ends are capped
    assert ax.get_xlim() == (0, 103)  # a cap at 100% drawn whole
    plt.close(fig)


def test_plot_article_frames_keeps_no_empty_line_for_a_group_without_a_share_of_0() -> None:
    # an empty line's box sat at the canvas's corner, and the layout kept room down to it (a
    # tester's legend stood an inch below the axis label)
    table = pd.DataFrame(
        {
            "outlet": ["X", "X", "Y", "Y"],
            "frame": ["a", "b", "a", "b"],
            "label": ["A", "B", "A", "B"],
            "share_articles": [0.5, 1.0, 0.0, 0.5],
            "share_ci_low": [0.0, 1.0, 0.0, 0.0],
            "share_ci_high": [1.0, 1.0, 0.0, 1.0],
            "n_docs": [2, 2, 2, 2],
        }
    )
    fig = plot_article_frames(table)
    (ax,) = fig.axes
    assert all(len(line.get_xdata()) for line in ax.lines)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    label = ax.xaxis.label.get_window_extent(renderer)
    legend = fig.legends[0].get_window_extent(renderer)
    assert label.y0 - legend.y1 < 0.25 * fig.dpi  # the legend right under the axis label
    plt.close(fig)


def test_article_finding_counts_articles_and_names_the_dominant_frame() -> None:
    from analysis.framing import article_frame_findings

    (finding,) = article_frame_findings(article_frame_table(sentences()))
    label_a, label_b = BOOK.frame(A).label, BOOK.frame(B).label
    # 4 articles: B in d1, d2, d4; A in d1 only; dominant B in d2, d4, A in d1
    assert f"{label_b} in 3 (75%), {label_a} in 1 (25%)" in finding.text
    assert f"is {label_b}: 2 of 4" in finding.text
    assert "one article moves a share by 25%" in finding.text  # honest with few articles
    assert finding.figures == ("fig12_article_frames",)
    others = [f.label for f in BOOK.frames if f.key not in (A, B)]
    assert f"No article carries {', '.join(others)}." in finding.text


def test_a_dominant_frame_won_on_a_tie_is_counted_and_said() -> None:
    # a tester's "6 of 14" held two articles where two frames had as many sentences
    from analysis.framing import article_frame_findings

    tied = pd.concat([sentences(), sentences().query("doc_id == 'd1'").assign(doc_id="d5")])
    tied.loc[tied["doc_id"] == "d5", BOOK.columns] = False
    d5 = tied["doc_id"] == "d5"
    tied.loc[d5 & (tied["sentence_id"] == 0), BOOK.frame(A).column] = True
    tied.loc[d5 & (tied["sentence_id"] == 1), BOOK.frame(B).column] = True  # one each: a tie
    docs = article_frames(tied).set_index("doc_id")
    assert docs.loc["d5", "dominant_frame"] == A and docs.loc["d5", "dominant_tied"]
    assert not docs.loc["d1", "dominant_tied"] and not docs.loc["d3", "dominant_tied"]
    table = article_frame_table(tied).set_index(["outlet", "frame"])
    assert (
        table.loc[("X", A), "n_dominant_tied"] == 1 and table.loc[("X", B), "n_dominant_tied"] == 0
    )
    (finding,) = article_frame_findings(table.reset_index())
    label_a, label_b = BOOK.frame(A).label, BOOK.frame(B).label
    assert (
        f"is {label_a} and {label_b} (tied): 2 of 5, 1 of them tied with another frame"
        in finding.text
    )


def test_article_finding_with_no_frame_or_no_table() -> None:
    from analysis.framing import article_frame_findings

    plain = sentences()
    plain[BOOK.columns] = False
    (finding,) = article_frame_findings(article_frame_table(plain))
    assert finding.text == "No article carries any frame of the codebook (4 articles)."
    assert article_frame_findings(pd.DataFrame()) == []


def test_article_figure_is_registered_for_the_gallery() -> None:
    from analysis.framing import FIGURES

    info = FIGURES["fig12_article_frames"]
    assert info.table == "frames_by_article.csv" and info.notebook == "03_framing.ipynb"


def test_comparison_says_its_unit_is_the_article() -> None:
    table = article_frame_comparison(sentences(), n_boot=20, n_perm=100)
    assert set(table["perm_unit"]) == {"article"}
    assert not [c for c in table.columns if c.startswith("n_sentences")]
    assert table[["n_docs_a", "n_docs_b"]].iloc[0].tolist() == [2, 2]


def test_plot_marks_a_zero_share_and_takes_the_run_palette() -> None:
    table = article_frame_table(sentences())
    fig = plot_article_frames(table, palette={"X": "#112233", "Y": "#445566"})
    ax = fig.axes[0]
    zeros = (table["share_articles"] == 0).sum()
    markers = sum(len(line.get_xdata()) for line in ax.get_lines() if line.get_marker() == "o")
    assert zeros > 0 and markers == zeros
    labels = [t.get_text() for t in fig.legends[0].get_texts()]  # below the plot, any height
    assert labels == ["X (2 articles)", "Y (2 articles)"]
    plt.close(fig)
