"""analysis.report.wording: the one way numbers, intervals and article counts are written."""

from __future__ import annotations

import numpy as np
import pytest

from analysis.report.wording import articles, ci, num, pct, plural


def test_num_is_signed_with_two_decimals_unless_asked_otherwise():
    assert num(0.123) == "+0.12"
    assert num(-0.5) == "-0.50"
    assert num(0.0) == "0.00"  # zero has no sign (a fact-checker's "vader-news +0.00")
    assert num(0.126, signed=False) == "0.13"
    assert num(12.345, signed=False, digits=1) == "12.3"
    assert num(np.float64(0.2)) == "+0.20"  # values straight from a table


def test_a_value_that_rounds_to_zero_keeps_its_sign_and_minus_zero_is_zero():
    # a tester read "95% CI +0.00 to +0.39" beside "the interval excludes zero"
    assert num(0.004) == "+0.004"
    assert num(-0.0004, bound=True) == "-0.0004"
    assert num(-0.0) == "0.00"
    assert num(-0.001, digits=1, bound=True) == "-0.001"
    assert num(1e-9, bound=True) == "0.00"  # at most three more decimals for a bound
    # an estimate gets one more: a fact-checker's mean "+0.00004" beside a figure's "+0.00"
    assert num(0.00004) == "0.00" and num(-0.0004) == "0.00"
    assert ci(0.0004, 0.39) == "95% CI +0.0004 to +0.39"
    assert num(0.005) == "+0.01" and num(-0.016) == "-0.02"  # as before when not near zero


def test_pct_is_a_whole_percentage():
    assert pct(0.125) == "13%"  # a half rounds up, as a reader would (2 of 16 articles)
    assert pct(0.145) == "14%"  # 14.499... in floating point
    assert pct(-0.004) == "0%"
    assert pct(0.1251) == "13%"
    assert pct(1.0) == "100%"
    assert pct(np.float64(0.0)) == "0%"


def test_ci_is_written_for_the_kind_of_quantity():
    assert ci(0.02, 0.22) == "95% CI +0.02 to +0.22"
    assert ci(-0.1, 0.05, "signed") == "95% CI -0.10 to +0.05"
    assert ci(0.12, 0.304, "percent") == "95% CI 12–30%"
    assert ci(1.24, 3.46, "rate") == "95% CI 1.2–3.5"
    with pytest.raises(ValueError, match="interval kind"):
        ci(0, 1, "odds")  # type: ignore[arg-type]


def test_articles_in_each_form_and_number():
    assert articles(1) == "1 article"
    assert articles(3) == "3 articles"
    assert articles(0) == "0 articles"
    assert articles(1, "these") == "this article"
    assert articles(3, "these") == "these 3 articles"
    assert articles(1, "opening") == "In the one article"
    assert articles(np.int64(2), "opening") == "In these 2 articles"
    with pytest.raises(ValueError, match="form"):
        articles(2, "those")  # type: ignore[arg-type]


def test_a_groupings_plural_is_english():
    # a tester's summary read "How 4 countrys covered the story"
    assert [plural(w) for w in ("outlet", "country", "lean", "press", "day", "Country")] == [
        "outlets", "countries", "leans", "presses", "days", "Countries"
    ]  # fmt: skip


def test_a_figure_caption_names_a_grouping_ending_in_y_in_english():
    from analysis.figures import FigureInfo

    info = FigureInfo("f", "Each outlet's tone; outlets' shares; two outlets.", "", "")
    assert info.caption_for("country") == ("Each country's tone; countries' shares; two countries.")
    assert info.caption_for("lean") == "Each lean's tone; leans' shares; two leans."


def test_a_share_that_rounds_to_0_or_100_is_not_written_as_none_or_all() -> None:
    # a tester read "changed the score of 1 of 235 sentences (0%)"
    from analysis.report.wording import pct

    assert (pct(1 / 235), pct(0.0), pct(234 / 235), pct(1.0)) == ("<1%", "0%", ">99%", "100%")


def test_count_says_one_in_the_singular_and_separates_thousands() -> None:
    # a QA tester's "n = 1 sentences", a fact-checker's "2624 words" beside a figure's "2,624"
    from analysis.report.wording import count

    assert count(1, "sentence") == "1 sentence"
    assert count(2624, "word") == "2,624 words"
    assert count(np.int64(0), "article") == "0 articles"
