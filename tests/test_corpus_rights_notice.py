"""analysis.corpus.normalisers.remove_rights_notice and cleaning's ``rights_notice`` rule: a
rights notice run into the last paragraph (as a database export leaves it) is cut and audited;
a tester's export kept it in 190 articles of one outlet, whose distinctive words became
"redistributed" and "rewritten" and whose hedging rose with the notice's "may"."""

from __future__ import annotations

import pytest

from analysis.corpus.cleaning import clean_text
from analysis.corpus.normalisers import remove_rights_notice

NOTICE = (
    "(c) 2018 Capital Times. All Rights Reserved. This material may not be published, "
    "broadcast, rewritten or redistributed."
)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (f"He spoke on Thursday in Kentucky. {NOTICE}", "He spoke on Thursday in Kentucky."),
        (
            "The vote is next week. © 2024 Example Media, Inc. All rights reserved.",
            "The vote is next week.",
        ),
        ("He could not be reached. All rights reserved.", "He could not be reached."),
    ],
)
def test_a_notice_at_the_end_of_a_line_is_cut(line: str, expected: str) -> None:
    assert remove_rights_notice(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        NOTICE,  # a line that is nothing but the notice: the boilerplate rules' (site_chrome)
        "Under the bill, (c) 2018 rules apply.",
        "The clause reads: the material may not be published without consent.",
        'The paper printed "all rights reserved" under it.',
        "The vote is next week. All rights reserved. The market then rose.",
    ],
)
def test_other_lines_stay_as_they_are(line: str) -> None:
    assert remove_rights_notice(line) == line


def test_cleaning_cuts_the_notice_from_the_last_paragraph_and_audits_it() -> None:
    raw = f"The council met on Monday.\nHe spoke on Thursday in Kentucky. {NOTICE}\n"
    result = clean_text(raw, "d1")
    assert result.text.splitlines()[-1] == "He spoke on Thursday in Kentucky."
    (entry,) = [e for e in result.audit if e.rule == "rights_notice"]
    assert entry.action == "changed" and entry.result == "He spoke on Thursday in Kentucky."
    assert NOTICE in entry.original
