"""analysis.selection.folded_groups: which groups a run pools as "Other (pooled)"."""

from __future__ import annotations

import pandas as pd

from analysis.figures import OKABE_ITO, OTHER_LABEL
from analysis.selection import corpus_palette, folded_groups


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
