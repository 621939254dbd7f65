"""analysis.selection.folded_groups: which groups a run pools as "Other (pooled)"."""

from __future__ import annotations

import pandas as pd

from analysis.figures import OKABE_ITO, OTHER_LABEL, period_colours
from analysis.selection import corpus_palette, folded_groups, groups_by_volume, select_sentences


def test_nothing_is_pooled_while_the_palette_holds_every_group() -> None:
    names = [f"g{k}" for k in range(len(OKABE_ITO))]
    assert folded_groups(names) == []
    assert folded_groups([]) == []


def test_beyond_the_palette_all_but_the_largest_are_pooled_in_their_order() -> None:
    names = [f"g{k}" for k in range(len(OKABE_ITO) + 3)]
    assert folded_groups(names) == names[len(OKABE_ITO) - 1 :]


def test_the_palette_colours_exactly_the_groups_not_pooled() -> None:
    outlets = [f"o{k}" for k in range(10) for _ in range(10 - k)]  # o0 largest
    documents = pd.DataFrame({"doc_id": range(len(outlets)), "outlet": outlets})
    palette = corpus_palette(documents)
    pooled = folded_groups([f"o{k}" for k in range(10)])
    assert pooled == ["o7", "o8", "o9"]
    assert set(palette) == {f"o{k}" for k in range(7)} | {OTHER_LABEL}


def test_a_group_of_the_corpus_named_other_keeps_its_own_colour() -> None:
    # a tester's export named its largest outlet "Other", which the pool, then "Other", took in
    names = ["Other", *[f"g{k}" for k in range(len(OKABE_ITO))]]  # "Other" is the largest
    assert OTHER_LABEL != "Other"
    assert folded_groups(names) == ["g6", "g7"]


def test_a_group_of_the_corpus_named_as_the_pool_is_pooled_with_the_rest() -> None:
    """The pool is labelled "Other (pooled)": a corpus group of that name would be
    indistinguishable from it in every figure, so it is pooled too, and seven named groups keep
    a colour."""
    names = [OTHER_LABEL, *[f"g{k}" for k in range(len(OKABE_ITO))]]  # the largest
    assert folded_groups(names) == [OTHER_LABEL, "g7"]
    documents = pd.DataFrame({"outlet": [n for k, n in enumerate(names) for _ in range(20 - k)]})
    assert set(corpus_palette(documents)) == {f"g{k}" for k in range(7)} | {OTHER_LABEL}


def _twelve_months() -> pd.DataFrame:
    """A made-up year of articles grouped by month, the later months smaller (December one
    article), as ``--group-by published:month`` derives them."""
    months = [f"2025-{m:02d}" for m in range(1, 13)]
    rows = [(f"d{m}-{k}", month) for m, month in enumerate(months) for k in range(13 - m)]
    return pd.DataFrame(rows, columns=["doc_id", "month"])


def test_periods_beyond_the_palette_are_never_pooled() -> None:
    """A tester's twelve months: the five smallest were pooled as "Other (pooled)"; every
    month keeps its own group, colour and place."""
    documents = _twelve_months()
    months = sorted(documents["month"].unique())
    assert len(months) > len(OKABE_ITO)
    assert folded_groups(groups_by_volume(documents, "month")) == []
    palette = corpus_palette(documents, "month")
    assert set(palette) - {OTHER_LABEL} == set(months)
    colours = [palette[m] for m in months]
    assert len(set(colours)) == len(months)  # one colour each
    assert colours == period_colours(len(months))  # a sequential scale in time order
    sentences = documents.assign(sentence="s")
    kept = select_sentences(sentences, "month", None, palette)
    assert sorted(kept["month"].unique()) == months


def test_a_colour_table_pins_a_period_and_the_others_keep_their_scale() -> None:
    documents = _twelve_months()
    palette = corpus_palette(documents, "month", colours={"2025-03": "#000000"})
    assert palette["2025-03"] == "#000000"
    assert set(palette) - {OTHER_LABEL} == set(documents["month"])


def test_groups_that_are_not_periods_are_still_pooled_beyond_the_palette() -> None:
    documents = _twelve_months().assign(month=lambda d: "desk " + d["month"])
    assert len(folded_groups(groups_by_volume(documents, "month"))) == 12 - (len(OKABE_ITO) - 1)
