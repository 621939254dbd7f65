"""Whether a group's figure rests mostly on one of its articles, said beside the figure.

A group's mean or share pools its sentences, so one long article can make it: a reviewer's
"Flynn: +0.07 (n = 189 sentences, 2 articles)" was one profile's 187 sentences; a QA tester's
outlet of three articles took 1,841 of its 1,902 sentences from one joined export; a fact-
checker's "Economic consequences" for an outlet of six articles came 19 of 23 from one budget
story. Each finding on a group's sentences says so in the same words when three in four of them
or more come from one article of a group that has two or more.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

MOSTLY = 0.75  # the share of a group's sentences from one article that makes it "mostly"
MIN_SENTENCES = 3  # fewer: "n = 2 sentences, 1 article" already says all there is


def one_article_share(doc_ids: pd.Series) -> tuple[str, int, int] | None:
    """``(doc_id, its sentences, all sentences)`` when :data:`MOSTLY` or more of the sentences
    (given by their ``doc_id``, at least :data:`MIN_SENTENCES`) come from one article, else
    None. Ties go to the first id in
    sorted order, so the answer does not depend on row order."""
    if len(doc_ids) < MIN_SENTENCES:
        return None
    per_doc = doc_ids.astype(str).value_counts().sort_index()
    top = per_doc.idxmax()
    if per_doc[top] < MOSTLY * len(doc_ids):
        return None
    return str(top), int(per_doc[top]), len(doc_ids)


def mostly_one_article_note(
    sentences_by_group: Mapping[str, pd.Series],
    articles_in_group: Mapping[str, int],
    what: str = "sentences",
) -> str:
    """ " Mostly one article's sentences: Post, 7 of the 8 in article p1 (...)." for each group
    (name → the ``doc_id`` of its sentences the figure counts) whose sentences come mostly from
    one article while the group has two or more (``articles_in_group``), or "". ``what`` names
    the sentences ("sentences mentioning Iran")."""
    notes = []
    for group in sorted(sentences_by_group):
        if articles_in_group.get(group, 0) < 2:
            continue  # one article: the finding already says "1 article"
        found = one_article_share(sentences_by_group[group])
        if found is None:
            continue
        doc_id, n_top, n = found
        said = f"all {n}" if n_top == n else f"{n_top} of the {n}"
        notes.append(f"{group}, {said} in article {doc_id}")
    if not notes:
        return ""
    return (
        f" Mostly one article's {what}: "
        + "; ".join(notes)
        + " (that group's figure describes that article more than the group)."
    )


def articles_per_group(sentences: pd.DataFrame, group_col: str) -> dict[str, int]:
    """The number of articles of each group in ``sentences``."""
    if sentences.empty:
        return {}
    counts = sentences.groupby(sentences[group_col].astype(str))["doc_id"].nunique()
    return {str(k): int(v) for k, v in counts.items()}
