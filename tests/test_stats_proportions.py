"""The Wilson interval of a proportion equals scipy's and is never zero-width."""

from __future__ import annotations

import math

import pytest
from scipy.stats import binomtest

from analysis.stats.proportions import wilson_interval


@pytest.mark.parametrize(("k", "n"), [(0, 1), (1, 1), (0, 3), (3, 3), (2, 9), (17, 40), (40, 40)])
@pytest.mark.parametrize("ci", [0.9, 0.95, 0.99])
def test_wilson_interval_equals_scipy(k: int, n: int, ci: float) -> None:
    expected = binomtest(k, n).proportion_ci(confidence_level=ci, method="wilson")
    low, high = wilson_interval(k, n, ci)
    assert (low, high) == pytest.approx((expected.low, expected.high), abs=1e-12)
    assert low <= k / n <= high and high > low


def test_wilson_interval_without_trials_is_undefined() -> None:
    assert all(math.isnan(v) for v in wilson_interval(0, 0))
