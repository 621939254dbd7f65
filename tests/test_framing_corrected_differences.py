"""analysis.framing.corrected_differences: frame findings read against the validation (the
corrected shares, and coders of low precision) say what it shows."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from analysis.framing.corrected_differences import (
    check_against_corrected,
    coder_precision,
    corrected_interval,
)
from analysis.report.findings import Finding

TEXT = (
    "Mental health: in these articles, Fox News uses this frame in 22% of sentences (95% CI "
    "10–35%) against 4% for The Blaze (95% CI 0–10%); the intervals do not overlap."
)
NAN = float("nan")


def corrected(
    fox: tuple[float, float], blaze: tuple[float, float], blaze_raw: float = 0.04
) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "outlet": ["Fox News", "The Blaze"],
            "frame": ["mental_health", "mental_health"],
            "raw_share": [0.22, blaze_raw],
            "corrected_share": [0.2, 0.03],
            "corrected_ci_low": [fox[0], blaze[0]],
            "corrected_ci_high": [fox[1], blaze[1]],
            "sensitivity": [0.8, 0.8],
            "specificity": [0.95, 0.95],
            "n_sentences": [100, 100],
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


def test_a_corrected_share_of_none_is_not_quoted_as_an_interval_of_0_to_0() -> None:
    # a scholar's key finding quoted "New York Times 95% CI 0–0%" (the truth was 2.9%)
    table = corrected((0.0, 0.17), (0.0, 0.0))
    (checked,) = check_against_corrected([finding()], table)
    assert "The Blaze about 0%, compatible with none" in checked.text
    assert "0–0%" not in checked.text


def test_a_difference_the_corrected_intervals_bear_out_and_other_findings_are_unchanged() -> None:
    apart = corrected((0.15, 0.30), (0.0, 0.07))
    assert check_against_corrected([finding()], apart) == [finding()]
    other = Finding("frames_salient_Fox News", "frames", "x", groups=("Fox News",))
    overlap = corrected((0.05, 0.51), (0.0, 0.07))
    assert check_against_corrected([other], overlap) == [other]
    assert check_against_corrected([finding()], None) == [finding()]
    # a frame the table has no row for (not validated) says nothing
    assert check_against_corrected([finding("frames_difference_race")], overlap) == [
        finding("frames_difference_race")
    ]


def test_a_difference_whose_shares_cannot_be_corrected_says_so() -> None:
    # a scholar's "Society/culture: Yahoo News 6% against 0% for The Hill" stood alone where
    # the summary's own table said The Hill's share "cannot be corrected"
    missing = corrected((NAN, NAN), (0.0, 0.07))
    (checked,) = check_against_corrected([finding()], missing)
    assert checked.text.endswith(
        " The coder's measured errors cannot check this difference: the share of Fox News "
        "cannot be corrected (see How far to trust the frame and tone coders)."
    )
    # none flagged where the coder's false-positive rate would flag some: no correction
    none_flagged = corrected((0.15, 0.30), (0.0, 0.0), blaze_raw=0.0)
    none_flagged.loc[1, "specificity"] = 0.9
    (checked,) = check_against_corrected([finding()], none_flagged)
    assert "the share of The Blaze cannot be corrected" in checked.text


def test_none_flagged_is_read_as_up_to_the_corrected_rule_of_three_bound() -> None:
    row = {"raw_share": 0.0, "n_sentences": 100, "sensitivity": 0.5, "specificity": 1.0}
    row |= {"corrected_share": 0.0, "corrected_ci_low": 0.0, "corrected_ci_high": 0.0}
    low, high = corrected_interval(row)
    assert low == 0 and math.isclose(high, 0.06)  # 3 / 100, corrected for sensitivity 0.5


def test_findings_naming_a_frame_of_low_precision_say_so() -> None:
    # GVFC: Society/culture at precision 0.10 was third of an outlet's most salient frames
    precision = {"mental_health": (0.20, 0.17), "politics": (0.9, 0.8)}
    labels = {"mental_health": "Mental health", "politics": "Politics"}
    salient = Finding(
        "frames_salient_Fox News",
        "frames",
        "In these 9 articles from Fox News, the most salient frames are: Politics (37% of "
        "sentences, 95% CI 29–46%); Mental health (22% of sentences, 95% CI 14–32%).",
    )
    articles = Finding(
        "frames_by_article", "frames", "Politics in 378 (29%), Mental health in 40 (3%)."
    )
    checked = check_against_corrected(
        [finding(), salient, articles], None, precision=precision, labels=labels
    )
    note = (
        " On the validation sample, most items the coder marked with Mental health (precision "
        "0.20, F1 0.17) did not carry the frame in human coding"
    )
    assert all(note in f.text for f in checked)
    assert all("Politics (precision" not in f.text for f in checked)
    assert check_against_corrected(
        [salient], None, precision={"politics": (0.9, 0.8)}, labels=labels
    ) == [salient]


def test_coder_precision_reads_each_frames_own_coder_out_of_sample() -> None:
    agreement = pd.DataFrame(
        {
            "method": ["codebook", "model", "codebook", "model"],
            "frame": ["a", "a", "b", "b"],
            "precision": [0.3, 0.8, 0.4, 0.9],
            "f1": [0.2, 0.7, 0.3, 0.9],
            "n_in_training": [0, 0, 0, 12],
            "n_machine_positive": [5, 5, 0, 5],
        }
    )
    got = coder_precision(agreement, {"a": "model", "b": "model", "c": "codebook"})
    assert got == {"a": (0.8, 0.7)}  # b's model row counts training items; c has no row
    # a coder that marked no item has no precision (the table writes 0)
    assert coder_precision(agreement, {"b": "codebook"}) == {}


def test_sourcing_findings_naming_a_kind_read_with_low_precision_say_so() -> None:
    from analysis.framing.corrected_differences import check_sourcing_agreement

    agreement = pd.DataFrame(
        {
            "method": ["sources", "sources", "sources", "codebook"],
            "frame": ["attributed", "source_politicians", "source_citizens", "conflict"],
            "precision": [0.9, 0.3, 0.8, 0.1],
            "precision_ci_low": [0.8, 0.1, 0.6, 0.0],
            "precision_ci_high": [0.95, 0.45, 0.9, 0.3],
            "f1": [0.9, 0.4, 0.7, 0.1],
            "n_in_training": [0, 0, 0, 0],
            "n_machine_positive": [30, 10, 10, 10],
        }
    )
    credited = Finding(
        "sourcing_A",
        "sourcing",
        "In these 4 articles from A, attributed sentences credit most often (sentences): "
        "Politicians 9, Citizens 2.",
    )
    other = Finding("frames_salient_A", "frames", "Conflict (20% of sentences).")
    checked, unchanged = check_sourcing_agreement([credited, other], agreement)
    assert checked.text.endswith(
        " On the validation sample, most of the 10 sentences the source lexicon read as "
        "Politicians (precision 0.30, 95% CI 0.10–0.45, F1 0.40) were not read so in human "
        "coding: these counts may be mostly its false positives (see How far to trust the "
        "sourcing shares)."
    )
    assert "Citizens (precision" not in checked.text and unchanged == other


@pytest.mark.parametrize(
    ("flagged", "high", "said"),
    [
        (1, 0.79, "read only 1 sentence as Citizens (precision 0.00, 95% CI 0.00–0.79, F1 "
         "0.00): too few to judge whether these counts are mostly its false positives (that "
         "takes 5 or more)"),
        (8, 0.62, "read 8 sentences as Citizens (precision 0.00, 95% CI 0.00–0.62, F1 0.00): a "
         "sample too small to judge whether these counts are mostly its false positives (the "
         "interval reaches 0.50)"),
    ],
)  # fmt: skip
def test_a_kinds_low_precision_on_too_few_sentences_is_not_called_false_positives(
    flagged: int, high: float, said: str
) -> None:
    """A tester's summary said of Citizens "these counts may be mostly its false positives"
    on one sentence the lexicon read so (precision 0.00, 95% CI 0.00–0.79): the note gives n
    and the interval, and says the sample is too small to judge."""
    from analysis.framing.corrected_differences import check_sourcing_agreement

    agreement = pd.DataFrame(
        [{"method": "sources", "frame": "source_citizens", "precision": 0.0,
          "precision_ci_low": 0.0, "precision_ci_high": high, "f1": 0.0, "n_in_training": 0,
          "n_machine_positive": flagged, "tp": 0, "fp": flagged}]
    )  # fmt: skip
    finding = Finding("sourcing_A", "sourcing", "A credits most often: Citizens 4.")
    (checked,) = check_sourcing_agreement([finding], agreement)
    assert checked.text == (
        f"{finding.text} On the validation sample, the source lexicon {said} (see How far to "
        "trust the sourcing shares)."
    )
    assert "may be mostly its false positives" not in checked.text


def test_a_kind_the_lexicon_mostly_misses_is_said_at_the_finding_that_names_it() -> None:
    """A tester's sheet: the lexicon found 4 of the 17 sentences the humans coded as crediting
    government officials (recall 0.24, 95% CI 0.10–0.47), and the findings warned only of
    misreadings. A kind coded by too few humans (experts: 7, interval up to 0.64) gets none."""
    from analysis.framing.corrected_differences import check_sourcing_agreement

    agreement = pd.DataFrame(
        [{"method": "sources", "frame": "source_government_officials", "precision": 1.0,
          "precision_ci_low": 0.51, "precision_ci_high": 1.0, "recall": 0.235294,
          "recall_ci_low": 0.0955504, "recall_ci_high": 0.472618, "f1": 0.38, "tp": 4, "fp": 0,
          "fn": 13, "n_human_positive": 17, "n_machine_positive": 4, "n_in_training": 0},
         {"method": "sources", "frame": "source_experts", "precision": 1.0,
          "precision_ci_low": 0.34, "precision_ci_high": 1.0, "recall": 0.285714,
          "recall_ci_low": 0.082, "recall_ci_high": 0.641, "f1": 0.44, "tp": 2, "fp": 0,
          "fn": 5, "n_human_positive": 7, "n_machine_positive": 2, "n_in_training": 0}]
    )  # fmt: skip
    finding = Finding(
        "sourcing_A", "sourcing", "A credits most often: Government officials 4, Analysts and "
        "experts 2."
    )  # fmt: skip
    (checked,) = check_sourcing_agreement([finding], agreement)
    assert checked.text == (
        f"{finding.text} On the validation sample, the source lexicon found few of the "
        "sentences human coders read as crediting Government officials (4 of 17; recall 0.24, "
        "95% CI 0.10–0.47): these counts may be well below the sentences that credit it (see "
        "How far to trust the sourcing shares)."
    )
    attributed = agreement.iloc[:1].assign(frame="attributed")
    stated = Finding("sourcing_attributed", "sourcing", "Share of sentences attributed: A 40%.")
    (said,) = check_sourcing_agreement([stated], attributed)
    assert "sentences human coders read as attributed (4 of 17; recall 0.24" in said.text
    assert said.text.endswith("below the sentences that are attributed (see How far to trust "
                              "the sourcing shares).")  # fmt: skip


def test_kinds_the_lexicon_mostly_misses_are_named_in_one_clause() -> None:
    from analysis.framing.corrected_differences import check_sourcing_agreement

    base = {"method": "sources", "precision": 1.0, "recall_ci_low": 0.0, "n_in_training": 0}
    agreement = pd.DataFrame(
        [{**base, "frame": "source_citizens", "recall": 0.0, "recall_ci_high": 0.39, "tp": 0,
          "fn": 6, "n_human_positive": 6, "n_machine_positive": 0},
         {**base, "frame": "source_companies", "recall": 0.1, "recall_ci_high": 0.4, "tp": 1,
          "fn": 9, "n_human_positive": 10, "n_machine_positive": 1}]
    )  # fmt: skip
    finding = Finding("sourcing_A", "sourcing", "A credits: Citizens 1, Companies 1.")
    (checked,) = check_sourcing_agreement([finding], agreement)
    assert checked.text.endswith(
        "read as crediting Citizens (none of 6; recall 0.00, 95% CI 0.00–0.39) and Companies (1 "
        "of 10; recall 0.10, 95% CI 0.00–0.40): these counts may be well below the sentences "
        "that credit them (see How far to trust the sourcing shares)."
    )
