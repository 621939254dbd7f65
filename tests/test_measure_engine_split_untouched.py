"""``split_untouched`` (:mod:`analysis.measure.engine`): the tables a ``before_writing`` step
does not read, taken out of a result so that ``run_local`` writes them on a thread of their
own."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from analysis.measure.engine import split_untouched


def test_the_named_tables_are_taken_out_and_the_rest_keeps_its_order() -> None:
    tables = {name: pd.DataFrame({"n": [1]}) for name in ("documents", "sentences", "audit")}
    result = {**tables, "checks": "not a table"}
    rest, untouched = split_untouched(result, frozenset({"audit", "sentences"}))
    assert list(rest) == ["documents", "checks"]
    assert list(untouched) == ["sentences", "audit"]
    assert untouched["sentences"] is tables["sentences"]
    assert list(result) == ["documents", "sentences", "audit", "checks"]  # not changed


def test_a_name_the_result_lacks_is_skipped() -> None:
    result = {"documents": pd.DataFrame({"n": [1]})}
    rest, untouched = split_untouched(result, frozenset({"sentences"}))
    assert rest == result and untouched == {}


@dataclass(frozen=True)
class Tables:
    documents: pd.DataFrame


def test_a_result_that_is_not_a_dict_is_left_whole() -> None:
    result = Tables(pd.DataFrame({"n": [1]}))
    assert split_untouched(result, frozenset({"documents"})) == (result, {})
    frame = pd.DataFrame({"n": [1]})
    rest, untouched = split_untouched(frame, frozenset({"sentences"}))
    assert rest is frame and untouched == {}
