"""``interval_arms``: an interval's arms around its estimate as ``errorbar`` takes them, never
negative, so that a degenerate interval (bounds equal to the estimate up to rounding) draws."""

from __future__ import annotations

import math

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from analysis.figures import interval_arms


def test_the_arms_are_the_distances_to_the_bounds_in_errorbar_shape() -> None:
    arms = interval_arms(pd.Series([0.5, 0.2]), pd.Series([0.25, 0.1]), pd.Series([1.0, 0.2]))
    assert arms.shape == (2, 2)
    assert arms.tolist() == [[0.25, 0.1], [0.5, 0.0]]
    assert interval_arms(0.5, 0.25, 1.0).tolist() == [[0.25], [0.5]]  # one point: 2 × 1


def test_a_bound_past_the_estimate_by_rounding_gives_an_empty_arm_not_a_negative_one() -> None:
    # the estimate and both bounds of a one-value group, computed two ways (seen: 3.1e-17)
    estimate, bound = 0.0225, 0.0225 + 3.122502256758253e-17
    assert bound > estimate
    arms = interval_arms(estimate, bound, estimate - 3e-17)
    assert arms.tolist() == [[0.0], [0.0]]
    _, ax = plt.subplots()
    with pytest.raises(ValueError, match="negative"):  # what errorbar does with the raw arms
        ax.errorbar([estimate], [0], xerr=[[estimate - bound], [0.0]])
    ax.errorbar([estimate], [0], xerr=arms)  # drawn
    plt.close("all")


def test_a_missing_bound_stays_missing() -> None:
    arms = interval_arms([0.3, 0.4], [np.nan, 0.1], [0.5, np.nan])
    assert math.isnan(arms[0, 0]) and math.isnan(arms[1, 1])
    assert arms[1, 0] == pytest.approx(0.2) and arms[0, 1] == pytest.approx(0.3)
