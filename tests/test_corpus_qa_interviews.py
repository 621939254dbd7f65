"""analysis.corpus.quality's Q&A interviews: told from their "Q:"/"A:" sentences, and said at the
summary's sourcing findings to count their answers as no quotation."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis.corpus.quality import qa_documents, qa_sourcing_lines

# a tester's interview with a hydrologist, as the sentence splitter cut it
INTERVIEW = [
    "Q&A: The hydrologist who says Harlow Bay waited too long",
    "Alicia Ferreira studies groundwater at Coastal State University.",
    "Q: How bad is this drought, really?",
    "A: By the numbers, it is the worst on record.",
    "Lake Corran is at 31 percent.",
    "Question: Did the water authority act too slowly?",
    "Answer: I think they waited for rain that was never in the forecast.",
]
# one "Q:" in a box of a news story, and a story that mentions "Q: " inside a sentence
FAQ_BOX = ["The council met on Monday.", "Q: When do the rules start?", "A: On June 1."]
MENTION = ["Residents asked: Q: why now?", "The mayor said the rules start in June."]


def _sentences() -> pd.DataFrame:
    rows = [("v1", s) for s in INTERVIEW] + [("c1", s) for s in FAQ_BOX]
    rows += [("c2", s) for s in MENTION]
    return pd.DataFrame(rows, columns=["doc_id", "sentence"])


def test_an_interview_of_several_questions_and_answers_is_told_from_a_news_story() -> None:
    assert qa_documents(_sentences()) == ["v1"]
    assert qa_documents(pd.DataFrame(columns=["doc_id", "sentence"])) == []


def test_the_summary_says_answers_in_a_qa_interview_count_as_no_quotation(tmp_path: Path) -> None:
    """A tester's Q&A interview counted none of its answers as a quotation, and the summary
    said so of transcripts only."""
    _sentences().to_csv(tmp_path / "sentences.csv", index=False)
    pd.DataFrame(
        {"doc_id": ["v1", "c1", "c2"], "outlet": ["Valley Ledger", "Chronicle", "Chronicle"]}
    ).to_csv(tmp_path / "documents.csv", index=False)
    (line, _) = qa_sourcing_lines(tmp_path, {})
    assert line.startswith("**Q&A interviews.** 1 of 3 documents are written as questions and ")
    assert "`v1`, of Valley Ledger" in line
    assert "count the answers in a Q&A interview as no quotation and credit them to no one" in line
    assert qa_sourcing_lines(tmp_path, {"outlets": ["Chronicle"]}) == []
