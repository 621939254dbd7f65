"""group_note: a stated tone finding says when the validation's human codes read its groups the
other way (a financial analyst's "Bear Street Journal more positive" was reversed by hers)."""

from __future__ import annotations

import pandas as pd

from analysis.report.findings import Finding
from analysis.sentiment.tone_validation import check_tone_findings

AGREEMENT = pd.DataFrame(
    {"method": ["codebook"], "frame": ["tone"], "n": [90], "kappa": [0.5],
     "kappa_ci_low": [0.4], "kappa_ci_high": [0.6]}
)  # fmt: skip


def _by_group(bear_human: float, n: int = 41, spread: float = 0.05) -> pd.DataFrame:
    return pd.DataFrame(
        {"outlet": ["Bear", "Capitol"], "n": [n, 44], "human_mean": [bear_human, 0.18],
         "human_ci_low": [bear_human - spread, 0.18 - spread],
         "human_ci_high": [bear_human + spread, 0.18 + spread], "machine_mean": [0.34, 0.0]}
    )  # fmt: skip


PAIR = Finding("tone_pairwise_Bear_vs_Capitol_vader", "tone", "Bear more positive.",
               groups=("Bear", "Capitol"))  # fmt: skip
LEVEL = Finding("tone_level_Bear_vader", "tone", "Bear +0.12.", groups=("Bear",))


def test_a_difference_the_human_codes_reverse_says_so() -> None:
    (pair,) = check_tone_findings([PAIR], AGREEMENT, None, _by_group(-0.29))
    assert pair.text == (
        "Bear more positive. On the validation sample the human tone codes rank these two the "
        "other way: mean human code Bear −0.29 (95% CI −0.34 to −0.24) and Capitol +0.18 (95% "
        "CI +0.13 to +0.23) (−1 negative to +1 positive; n = 41 and 44 coded items), where "
        "VADER's classes of the same items average +0.34 and 0.00 "
        "(validation_tone_by_outlet.csv in the tables)."
    )
    # intervals that overlap: no reversal beyond the sample's chance, nothing said (a
    # retester's -0.29 against -0.18 had a difference interval of -0.42 to +0.20)
    (pair,) = check_tone_findings([PAIR], AGREEMENT, None, _by_group(-0.29, spread=0.3))
    assert pair.text == "Bear more positive."


def test_a_difference_the_human_codes_agree_with_is_left_alone() -> None:
    (pair,) = check_tone_findings([PAIR], AGREEMENT, None, _by_group(0.1))
    assert pair.text == "Bear more positive."


def test_too_few_coded_items_of_a_group_say_nothing() -> None:
    (pair, level) = check_tone_findings([PAIR, LEVEL], AGREEMENT, None, _by_group(-0.29, n=9))
    assert (pair.text, level.text) == ("Bear more positive.", "Bear +0.12.")


def test_a_level_whose_human_and_vader_means_differ_in_sign_says_so() -> None:
    (level,) = check_tone_findings([LEVEL], AGREEMENT, None, _by_group(-0.29))
    assert level.text.endswith(
        "human tone codes of its 41 coded items average −0.29 (95% CI −0.34 to −0.24), where "
        "VADER's classes of the same items average +0.34 (−1 negative to +1 positive): on this "
        "group's text the two read the tone the other way (validation_tone_by_outlet.csv in "
        "the tables)."
    )
    (level,) = check_tone_findings([LEVEL], AGREEMENT, None, _by_group(-0.11, spread=0.2))
    assert level.text == "Bear +0.12."  # human interval reaching neutral: nothing said


def test_a_finding_not_stated_is_left_alone() -> None:
    unstated = Finding(PAIR.key, "tone", "No clear difference.", supported=False,
                       groups=PAIR.groups)  # fmt: skip
    (pair,) = check_tone_findings([unstated], AGREEMENT, None, _by_group(-0.29))
    assert pair.text == "No clear difference."
