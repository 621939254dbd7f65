"""analysis.figure_labels: long group names wrapped while a figure is saved, nothing else."""

from __future__ import annotations

import contextlib
from itertools import pairwise

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from analysis import figures
from analysis.figure_labels import (
    GROUP_LABEL_LINES,
    LEGEND_CHARS,
    TICK_LABEL_CHARS,
    fitted_label,
    group_label,
    group_labels,
    label_lines,
    long_labels_wrapped,
    middle_shortened,
    tick_label_room,
    title_widths,
    with_suffix,
    wrapped_label,
)
from analysis.framing import article_frame_table, load_codebook, plot_article_frames
from analysis.framing.plots import plot_keyness

LONG = [
    "Süddeutsche Zeitung English Edition, Munich Regional and International Desk",
    "Le Monde in English: international news, politics and culture",
    "El País",
]


@pytest.fixture(autouse=True)
def close_figures():
    with matplotlib.rc_context():  # the plots set the package's style: not for later tests
        yield
    plt.close("all")


def test_a_label_that_fits_is_returned_as_it_is() -> None:
    for text in ("El País", "x" * 36, "Rare Earth Exchanges\n(2 art., 72 sent.)"):
        assert wrapped_label(text, 36) is text


def test_a_long_label_is_broken_at_spaces_into_even_lines_within_the_width() -> None:
    lines = wrapped_label(LONG[0], 36).split("\n")
    assert len(lines) == 3 and all(len(line) <= 36 for line in lines)
    assert " ".join(lines) == LONG[0]  # no word lost or cut
    # as few lines as the width allows, evened out: not a full line and a lone last word
    assert wrapped_label("Uncertainty and scepticism about the deal", 36).split("\n") == [
        "Uncertainty and",
        "scepticism about the deal",
    ]


def test_lines_already_broken_are_kept_and_a_word_longer_than_a_line_is_cut() -> None:
    text = f"{LONG[1]}\n(4 art., 28 sent.)"
    lines = wrapped_label(text, 36).split("\n")
    assert lines[-1] == "(4 art., 28 sent.)" and all(len(line) <= 36 for line in lines)
    assert all(len(line) <= 20 for line in wrapped_label("w" * 50, 20).split("\n"))
    # lines evened out, but no word that fits a line is cut to do it
    assert wrapped_label("BBC/World: Asia", 14) == "BBC/World:\nAsia"


def _keyness() -> pd.DataFrame:
    rows = [(g, term, 3, 1, 1.5) for g in LONG for term in ("tram", "line", "works")]
    return pd.DataFrame(rows, columns=["outlet", "term", "count_in_group", "count_in_rest", "z"])


def _title_boxes(fig: plt.Figure) -> list:
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    axes = sorted((ax for ax in fig.axes if ax.get_title()), key=lambda ax: ax.get_position().x0)
    return [ax.title.get_window_extent(renderer) for ax in axes]


def _overlaps(boxes: list) -> bool:
    return any(left.x1 > right.x0 for left, right in pairwise(boxes))


def test_titles_of_panels_side_by_side_no_longer_run_into_each_other() -> None:
    # the package's figures write group names through group_labels; a title set otherwise
    fig, axes = plt.subplots(1, 3, figsize=(7, 3))
    for ax, name in zip(axes, LONG, strict=True):
        ax.set_title(name)
    assert _overlaps(_title_boxes(fig))  # as drawn before: the names ran together
    with long_labels_wrapped(fig):
        assert not _overlaps(_title_boxes(fig))
        titles = [ax.get_title() for ax in fig.axes if ax.get_title()]
        assert any("\n" in t for t in titles) and "El País" in titles
    assert sorted(ax.get_title() for ax in fig.axes if ax.get_title()) == sorted(LONG)


def test_a_lone_title_may_be_as_wide_as_the_figure() -> None:
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(7, 4))
    title = "Tone around actor mentions by outlet: mean [95% CI], n = sentences; grey: n < 5"
    top.set_title(title)
    bottom.set_title("x")
    assert title_widths(fig) == {top: 7.0, bottom: 7.0}  # alone in their rows
    with long_labels_wrapped(fig):
        assert top.get_title() == title


def test_level_category_labels_and_legend_entries_are_wrapped_and_given_back() -> None:
    fig, ax = plt.subplots(figsize=(7, 3))
    for i, name in enumerate(LONG):
        ax.barh([name], [i + 1], label=f"{name} (4 articles)")
    ax.set_xticks([0, 1, 2, 3], [LONG[0], "b", "c", "d"], rotation=40)
    ax.legend()
    with long_labels_wrapped(fig):
        fig.canvas.draw()
        ticks = [t.get_text() for t in ax.get_yticklabels()]
        assert ticks[0] == wrapped_label(LONG[0], TICK_LABEL_CHARS) != LONG[0]
        assert ticks[2] == "El País"
        assert ax.get_xticklabels()[0].get_text() == LONG[0]  # slanted: left as written
        entries = [t.get_text() for t in ax.get_legend().get_texts()]
        assert entries[0] == wrapped_label(f"{LONG[0]} (4 articles)", LEGEND_CHARS)
        assert "\n" in entries[0]
    fig.canvas.draw()
    assert [t.get_text() for t in ax.get_yticklabels()] == LONG
    assert ax.get_legend().get_texts()[0].get_text() == f"{LONG[0]} (4 articles)"


def test_save_figure_wraps_long_names_and_leaves_short_ones_byte_for_byte(
    tmp_path, monkeypatch
) -> None:
    def bar_chart(names: list[str]) -> plt.Figure:
        fig, ax = plt.subplots(figsize=(7, 2.5), layout="constrained")
        ax.barh(names, [1, 2, 3])
        ax.set_title("Tone by outlet")
        return fig

    short = ["Caixin", "Epoch Times", "Toutiao op-ed"]
    wrapped_svg = figures.save_figure(bar_chart(short), "short", tmp_path / "a")[1].read_bytes()
    monkeypatch.setattr(figures, "long_labels_wrapped", lambda fig: contextlib.nullcontext())
    bare_svg = figures.save_figure(bar_chart(short), "short", tmp_path / "b")[1].read_bytes()
    assert wrapped_svg == bare_svg
    bare_long = figures.save_figure(bar_chart(LONG), "long", tmp_path / "b")[1].read_text()
    monkeypatch.undo()
    fig = bar_chart(LONG)
    long_svg = figures.save_figure(fig, "long", tmp_path / "a")[1].read_text()
    assert LONG[0] in bare_long and LONG[0] not in long_svg
    assert wrapped_label(LONG[0], TICK_LABEL_CHARS).split("\n")[0] in long_svg
    fig.canvas.draw()  # the figure is given back as it was
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == LONG


def test_the_article_frames_legend_stands_below_the_axis_label_of_a_short_figure() -> None:
    book = load_codebook()
    rows = [
        {"doc_id": f"{g[:3]}{d}", "outlet": g, "sentence_id": 0}
        | {c: k == book.keys[d % 2] for c, k in zip(book.columns, book.keys, strict=True)}
        for g in LONG
        for d in range(3)
    ]
    fig = plot_article_frames(article_frame_table(pd.DataFrame(rows)))
    with long_labels_wrapped(fig):
        fig.canvas.draw()
        renderer = fig.canvas.get_renderer()
        label = fig.axes[0].xaxis.label.get_window_extent(renderer)
        legend = fig.legends[0].get_window_extent(renderer)
        assert legend.y1 <= label.y0


def test_labels_of_rows_too_close_for_a_second_line_are_left_on_one() -> None:
    figures.apply_style()  # tick labels of 7 points
    names = [f"{LONG[0]} {k}" for k in range(12)]
    fig, ax = plt.subplots(figsize=(7, 1.5))
    ax.barh(names, range(12))
    assert tick_label_room(ax.yaxis, fig) is None
    with long_labels_wrapped(fig):
        fig.canvas.draw()
        assert [t.get_text() for t in ax.get_yticklabels()] == names
    tall, ax = plt.subplots(figsize=(7, 6))
    ax.barh(names, range(12))
    width, lines = tick_label_room(ax.yaxis, tall)
    assert (width, lines) == (TICK_LABEL_CHARS, 2)  # 0.4 in a row: two lines of 7 points
    with long_labels_wrapped(tall):
        tall.canvas.draw()
        assert all(t.get_text().count("\n") == 1 for t in ax.get_yticklabels())


def test_level_labels_under_an_x_axis_take_the_width_between_their_ticks() -> None:
    figures.apply_style()
    fig, ax = plt.subplots(figsize=(7, 3))
    ax.bar(LONG, [1, 2, 3])
    width, lines = tick_label_room(ax.xaxis, fig)
    assert width < TICK_LABEL_CHARS and lines == 3
    with long_labels_wrapped(fig):
        fig.canvas.draw()
        renderer = fig.canvas.get_renderer()
        boxes = [t.get_window_extent(renderer) for t in ax.get_xticklabels()]
        assert not _overlaps(boxes)
    fig.canvas.draw()
    assert _overlaps([t.get_window_extent(renderer) for t in ax.get_xticklabels()])


def test_a_fitted_label_takes_the_narrowest_wrap_within_its_lines_or_stays_as_written() -> None:
    two = fitted_label(LONG[0], 20, 2).split("\n")
    assert len(two) == 2 and " ".join(two) == LONG[0]
    assert fitted_label(LONG[0], 20, 4).count("\n") >= 2  # narrower, in more lines
    assert fitted_label("one two three four five six", 3, 1) == "one two three four five six"
    assert fitted_label("El País", 36, 2) == "El País"


# a tester's outlet of 120 characters (c10b_odd_names)
NAME_120 = (
    "The Extraordinarily Long Named International Daily Chronicle of Commerce Politics and "
    "Culture Incorporating the Evening"
)


def test_a_group_label_is_wrapped_and_a_too_long_one_shortened_in_the_middle() -> None:
    assert group_label("El País") == "El País"
    assert group_label(LONG[0]) == wrapped_label(LONG[0], TICK_LABEL_CHARS)
    label = group_label(NAME_120)
    lines = label.split("\n")
    assert len(lines) <= GROUP_LABEL_LINES and all(len(x) <= TICK_LABEL_CHARS for x in lines)
    words = label.replace("\n", " ").split(" … ")
    assert len(words) == 2 and NAME_120.startswith(words[0]) and NAME_120.endswith(words[1])
    one_word = group_label("x" * 200, 20, 2)  # no space to cut at: cut within the word
    assert "…" in one_word and all(len(x) <= 20 for x in one_word.split("\n"))


def test_group_labels_stay_distinct() -> None:
    finance = NAME_120.replace("Commerce", "Finance")  # differs only where the cut falls
    names = [f"{NAME_120} Edition", f"{NAME_120} Gazette", NAME_120, finance]
    labels = group_labels([*names, "BBC", "BBC"])
    assert list(labels) == [*names, "BBC"] and labels["BBC"] == "BBC"
    assert len(set(labels.values())) == 5
    assert all("…" in labels[name] for name in names[:2])  # told apart by their ends
    # the two that the ellipsis would make alike are written whole, in more lines
    assert [labels[name].replace("\n", " ") for name in names[2:]] == names[2:]
    assert label_lines(labels.values()) > GROUP_LABEL_LINES


def test_an_id_is_shortened_in_the_middle_so_its_distinguishing_end_stays() -> None:
    ids = ["NexisUni_Star_Harbour_2024-03-1", "NexisUni_Star_Harbour_2024-03-2"]
    short = [middle_shortened(i, 28) for i in ids]
    assert all(len(s) == 28 and "…" in s for s in short) and short[0] != short[1]
    assert short[0].endswith("2024-03-1") and short[0].startswith("NexisUni_Star")
    assert middle_shortened("d004", 28) == "d004"


def test_a_suffix_follows_the_last_line_or_takes_a_line_of_its_own() -> None:
    assert with_suffix("Reuters", "(n = 59)") == "Reuters (n = 59)"
    long = group_label(NAME_120)
    assert with_suffix(long, "(n = 49)") == f"{long}\n(n = 49)"


def test_keyness_titles_of_long_names_are_wrapped_as_they_are_drawn() -> None:
    """Wrapped by the plot itself, so its layout makes room for them (not only at save)."""
    fig = plot_keyness(_keyness())
    assert not _overlaps(_title_boxes(fig))
    assert any("\n" in ax.get_title() for ax in fig.axes)
