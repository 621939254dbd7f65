"""analysis.report.group_languages: a group some of whose articles are not in English says so at
each finding, without being set apart as not measured."""

from __future__ import annotations

import pandas as pd

from analysis.report.findings import Finding
from analysis.report.findings_markdown import findings_markdown
from analysis.report.group_languages import (
    findings_note,
    language_notes,
    partial_language_notes,
)

DOCS = pd.DataFrame(
    {
        "doc_id": [f"r{k}" for k in range(6)] + ["g1", "g2"],
        "outlet": ["Reuters"] * 6 + ["Guardian"] * 2,
        "language": ["en"] * 5 + ["de"] + ["en", "en"],
    }
)


def test_a_minority_of_articles_in_another_language_gets_a_partial_note() -> None:
    # a tester's German article among Reuters' six moved its mean tone from +0.03 to −0.01,
    # unsaid at the finding: the note was only for groups mostly not in English
    assert language_notes(DOCS, "outlet") == {}
    notes = partial_language_notes(DOCS, "outlet")
    assert notes == {"Reuters": "1 of the 6 articles from Reuters (`de` 1)"}
    said = findings_note(("Reuters", "Guardian"), {}, "tone", notes)
    assert said.startswith("**Partly not in English:** 1 of the 6 articles from Reuters")
    assert "moves this finding's figures" in said
    assert findings_note(("Guardian",), {}, "tone", notes) == ""


def test_a_partly_english_groups_finding_stays_among_the_measured() -> None:
    finding = Finding(
        "tone_level_Reuters", "tone", "Reuters' mean tone was -0.01.", groups=("Reuters",)
    )
    text = findings_markdown([finding], partial_notes=partial_language_notes(DOCS, "outlet"))
    assert "Not measured" not in text and "**Partly not in English:**" in text
