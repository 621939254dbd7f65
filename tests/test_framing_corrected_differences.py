"""analysis.framing.corrected_differences: a frame difference the corrected shares do not bear
out says so."""

from __future__ import annotations

import pandas as pd

from analysis.framing.corrected_differences import check_against_corrected
from analysis.report.findings import Finding

TEXT = (
    "Mental health: in these articles, Fox News uses this frame in 22% of sentences (95% CI "
    "10–35%) against 4% for The Blaze (95% CI 0–10%); the intervals do not overlap."
)


def corrected(fox: tuple[float, float], blaze: tuple[float, float]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "outlet": ["Fox News", "The Blaze"],
            "frame": ["mental_health", "mental_health"],
            "corrected_ci_low": [fox[0], blaze[0]],
            "corrected_ci_high": [fox[1], blaze[1]],
        }
    )


def finding(key: str = "frames_difference_mental_health") -> Finding:
    return Finding(key, "frames", TEXT, groups=("Fox News", "The Blaze"))


def test_a_difference_whose_corrected_intervals_overlap_says_so() -> None:
    # a tester's coder of precision 0.44: corrected 5-51% against 0-7%
    (checked,) = check_against_corrected([finding()], corrected((0.05, 0.51), (0.0, 0.07)))
    assert checked.text == TEXT + (
        " Corrected for the coder's measured errors (see How far to trust the frame and tone "
        "coders), the intervals overlap (Fox News 95% CI 5–51%, The Blaze 95% CI 0–7%): the "
        "coder's misclassification can account for this difference."
    )
    assert checked.key == finding().key and checked.groups == finding().groups


def test_a_difference_the_corrected_intervals_bear_out_and_other_findings_are_unchanged() -> None:
    apart = corrected((0.15, 0.30), (0.0, 0.07))
    assert check_against_corrected([finding()], apart) == [finding()]
    other = Finding("frames_salient_Fox News", "frames", "x", groups=("Fox News",))
    overlap = corrected((0.05, 0.51), (0.0, 0.07))
    assert check_against_corrected([other], overlap) == [other]
    assert check_against_corrected([finding()], None) == [finding()]
    # a frame the table has no row for (not validated), or an interval that could not be
    # corrected, says nothing
    assert check_against_corrected([finding("frames_difference_race")], overlap) == [
        finding("frames_difference_race")
    ]
    missing = corrected((float("nan"), float("nan")), (0.0, 0.07))
    assert check_against_corrected([finding()], missing) == [finding()]
