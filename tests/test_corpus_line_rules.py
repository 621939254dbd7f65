"""Line rules (:mod:`analysis.corpus.line_rules`): made-up hits and near misses, through
cleaning."""

from __future__ import annotations

import pytest
from cleaning_cases import HITS, NEAR_MISSES, PROSE, assert_kept, assert_removed, clean_lines

from analysis.corpus.cleaning import RULES


@pytest.mark.parametrize(
    ("rule", "line"), [(r, line) for r, lines in HITS.items() for line in lines]
)
def test_line_rule_hits(rule: str, line: str) -> None:
    assert_removed(line, rule)


@pytest.mark.parametrize("line", NEAR_MISSES)
def test_near_misses_are_kept(line: str) -> None:
    assert_kept(line)


def test_every_hit_rule_is_documented() -> None:
    assert set(HITS) <= set(RULES)
    assert all(isinstance(d, str) and d for d in RULES.values())


def test_label_goes_but_the_bullets_under_it_stay() -> None:
    cleaned = clean_lines("Highlights", "- Fees paused", "• Review in May", PROSE[0])
    assert cleaned.text.splitlines() == ["- Fees paused", "- Review in May", PROSE[0]]
