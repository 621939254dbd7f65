"""``add_flag``: a flag added to a ``quality_flags`` value in its place, as if it had been raised
with the others (:func:`analysis.corpus.quality.flag_documents`)."""

from __future__ import annotations

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from analysis.corpus.quality import FLAG_ORDER, add_flag, flag_documents, text_checks


@given(st.sets(st.sampled_from([f for f in FLAG_ORDER if f != "duplicate"])))
def test_duplicate_goes_where_flag_documents_lists_it(raised: set[str]) -> None:
    before = ";".join(f for f in FLAG_ORDER if f in raised)
    after = ";".join(f for f in FLAG_ORDER if f in raised | {"duplicate"})
    assert add_flag(before, "duplicate") == after
    assert add_flag(after, "duplicate") == after  # already there: unchanged


def test_flag_order_is_the_order_flag_documents_raises_flags_in() -> None:
    # two paragraphs, the last cut short (a one-line headline without a full stop is no
    # truncated text)
    texts = [
        "A short teaser about the flood.\n\nThe river rose and the",
        "Die Regierung hat es heute beschlossen",
    ]
    documents = pd.DataFrame(
        {"doc_id": ["a", "b"], "text": texts, "n_words": [8, 6], "language": ["en", "de"]}
    )
    flagged = flag_documents(
        documents,
        removed=pd.Series([0.9, 0.0]),
        fragments=pd.Series([0.9, 0.0]),
        duplicate_of=["x", "a"],
        checks=text_checks(texts),
    )
    first = flagged["quality_flags"].tolist()[0].split(";")
    assert first == ["lines_removed", "short", "truncated", "fragments", "duplicate"]
    assert first == [f for f in FLAG_ORDER if f in first]
    assert flagged["quality_flags"].tolist()[1].split(";")[-2:] == ["duplicate", "language"]
