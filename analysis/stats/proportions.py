"""Intervals of a proportion of independent units (articles, coded items).

A share of articles with a frame, or a coder's precision over the items it marked, is a count
of successes among independent trials, so it has a closed-form interval; the percentile
bootstrap of such a proportion collapses at 0 and 1 (three articles of three give 100–100%) and
covers poorly for small counts. The Wilson score interval keeps close to its nominal coverage
there (Brown, Cai & DasGupta 2001 recommend it for small n); scipy's
``binomtest(k, n).proportion_ci(method="wilson")`` gives the same bounds (the tests check).

Wilson, E. B. (1927). Probable inference, the law of succession, and statistical inference.
Journal of the American Statistical Association 22(158), 209–212.
Brown, L. D., Cai, T. T. & DasGupta, A. (2001). Interval estimation for a binomial proportion.
Statistical Science 16(2), 101–133.
"""

from __future__ import annotations

from math import sqrt
from statistics import NormalDist


def wilson_interval(successes: int, trials: int, ci: float = 0.95) -> tuple[float, float]:
    """The Wilson (1927) score interval of the proportion ``successes / trials`` at confidence
    ``ci``; (NaN, NaN) without trials. Never zero-width for ``trials >= 1``, including at 0
    and 1 where the percentile bootstrap and the Wald interval collapse (Brown, Cai &
    DasGupta 2001 recommend it for small n)."""
    if trials <= 0:
        return float("nan"), float("nan")
    z = NormalDist().inv_cdf(1 - (1 - ci) / 2)
    p = successes / trials
    scale = 1 + z * z / trials
    centre = (p + z * z / (2 * trials)) / scale
    half = z * sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials)) / scale
    low = 0.0 if successes <= 0 else max(0.0, centre - half)
    high = 1.0 if successes >= trials else min(1.0, centre + half)
    return low, high
