"""analysis.sentiment.tone_validation: stated tone findings say when VADER's agreement with the
human tone codes was weak, or the humans' own agreement."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.report.findings import Finding
from analysis.sentiment.tone_validation import check_tone_findings, tone_note

FINDINGS = [
    Finding("tone_pairwise_A_vs_B_vader", "tone", "A more positive than B.", supported=True),
    Finding("tone_pairwise_A_vs_C_vader", "tone", "No clear difference.", supported=False),
    Finding("tone_level_A_vader", "tone", "A's mean tone was +0.12.", supported=True),
    Finding("frames_difference_x", "frames", "X differs.", supported=True),
    Finding("actor_tone_china_vader", "actors", "Around China +0.20.", supported=True),
]


def _agreement(kappa: float, low: float, high: float) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {"method": "codebook", "frame": "tone", "kappa": kappa, "kappa_ci_low": low,
             "kappa_ci_high": high, "n": 150},
            {"method": "codebook", "frame": "conflict", "kappa": 0.9, "kappa_ci_low": 0.8,
             "kappa_ci_high": 0.95, "n": 150},
        ]
    )  # fmt: skip


def test_a_chance_level_kappa_qualifies_each_stated_tone_finding() -> None:
    # a tester's "NPR more positive than USA Today" stood unqualified beside kappa 0.00
    out = check_tone_findings(FINDINGS, _agreement(0.0047, -0.112, 0.118))
    note = (
        " On the validation sample, VADER's tone agreed with the human tone codes no better "
        "than chance can explain (Cohen's kappa 0.00, 95% CI −0.11 to 0.12; n = 150)"
    )
    assert out[0].text.startswith("A more positive than B." + note)
    assert out[2].text.startswith("A's mean tone was +0.12." + note)
    assert out[1] == FINDINGS[1] and out[3] == FINDINGS[3]  # no difference; not tone
    assert out[4].text.startswith("Around China +0.20." + note)  # VADER around an actor


@pytest.mark.parametrize(
    ("kappa", "low", "said"),
    [(0.15, 0.05, "only slightly"), (0.45, 0.30, ""), (0.30, -0.02, "no better than chance")],
)
def test_the_note_follows_kappa_and_its_interval(kappa: float, low: float, said: str) -> None:
    note = tone_note(_agreement(kappa, low, kappa + 0.1))
    assert (said in note) if said else note == ""


def test_unreliable_human_codes_are_named_even_when_kappa_is_fair() -> None:
    note = tone_note(_agreement(0.45, 0.30, 0.6), human_alpha=0.39)
    assert "the human coders agreed on tone with Krippendorff's alpha 0.39, below 0.667" in note
    assert tone_note(_agreement(0.45, 0.30, 0.6), human_alpha=0.8) == ""


def test_without_a_tone_row_nothing_changes() -> None:
    table = _agreement(0.0, -0.1, 0.1)
    table = table[table["frame"] != "tone"]
    assert check_tone_findings(FINDINGS, table) == FINDINGS
