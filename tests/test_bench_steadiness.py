"""``floor_spread`` and ``unsteady_warning``: a benchmark says when the machine moved its clock."""

from __future__ import annotations

import pytest

from analysis.bench.steadiness import (
    UNSTEADY_SPREAD,
    floor_spread,
    unsteady_warning,
    widest_spread,
)


def test_floor_spread_is_the_slowest_over_the_fastest_minus_one() -> None:
    assert floor_spread([10.0, 12.5, 11.0]) == 0.25
    assert floor_spread([4.0, 4.0]) == 0.0


def test_floor_spread_of_one_round_is_zero() -> None:
    assert floor_spread([3.0]) == 0.0
    assert floor_spread([]) == 0.0


def test_floor_spread_refuses_times_that_are_not_positive() -> None:
    with pytest.raises(ValueError, match="positive"):
        floor_spread([0.0, 1.0])


def test_no_warning_within_the_limit() -> None:
    assert unsteady_warning(0.0) is None
    assert unsteady_warning(UNSTEADY_SPREAD) is None


def test_a_warning_over_the_limit_names_the_spread_and_the_limit() -> None:
    warning = unsteady_warning(0.31)
    assert warning is not None
    assert "31%" in warning and f"{UNSTEADY_SPREAD:.0%}" in warning
    assert warning.startswith("warning: the machine was not steady")


def test_the_limit_can_be_given() -> None:
    assert unsteady_warning(0.05, limit=0.02) is not None
    assert unsteady_warning(0.05, limit=0.2) is None


def test_the_warning_names_the_run_that_spread() -> None:
    warning = unsteady_warning(0.33, what="the work on one core")
    assert warning is not None and "the work on one core, the same work" in warning
    assert "the floor" not in warning


def test_widest_spread_is_the_run_whose_times_spread_most() -> None:
    times = {"floor": [4.0, 4.1], "one_core": [4.0, 5.3], "all_cores": [2.0, 2.1]}
    assert widest_spread(times) == ("one_core", 0.325)
    assert widest_spread({"floor": [3.0]}) == ("floor", 0.0)
    with pytest.raises(ValueError, match="no runs"):
        widest_spread({})
