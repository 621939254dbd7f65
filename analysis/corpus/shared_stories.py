"""Stories several groups ran: near-copies of another group's article, and each group's share.

A syndicated story (AP, Reuters, AFP) runs word for word, or nearly, in several outlets; the
duplicate check (:mod:`analysis.corpus.quality`) names each copy's original in ``duplicate_of``
and flags it ``duplicate``. With copies kept (the default, ``-p duplicates flag``), each outlet
that ran the story counts it as its own: a tester's 23 articles from 6 outlets held 9 copies of
another outlet's article, and the summary compared the outlets as if each had written its text.
This module reads those two columns as they are (it finds no copies itself): which articles are
copies of another group's article, which groups share a story (the summary's opening says so),
and each group's share of sentences in such copies (the table ``shared_text.csv``).
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

SHARED_TEXT_TABLE = "shared_text.csv"
SHARED_TEXT_COLUMNS = (
    "n_articles",
    "n_copies_of_others",
    "n_sentences",
    "n_sentences_in_copies",
    "share_sentences_in_copies",
    "n_sentences_in_shared_stories",
    "share_sentences_in_shared_stories",
    "n_shared_stories",
    "shares_stories_with",
)


def _text_column(documents: pd.DataFrame, column: str) -> pd.Series:
    """``column`` as text, "" where empty or missing (an empty column of a CSV reads as NaN)."""
    if column not in documents.columns:
        return pd.Series("", index=documents.index, dtype=object)
    return documents[column].astype("string").fillna("").astype(str)


def _groups(documents: pd.DataFrame, group_col: str) -> dict[str, str]:
    """doc_id → its group."""
    ids, groups = _text_column(documents, "doc_id"), _text_column(documents, group_col)
    return dict(zip(ids, groups, strict=True))


def copy_links(documents: pd.DataFrame) -> dict[str, str]:
    """doc_id → the doc_id it copies, for each document flagged ``duplicate`` whose
    ``duplicate_of`` is in the table. A copy the run unflagged (``-p duplicates keep``: counted
    on purpose) or whose original was left out (``drop``, ``--outlets``) links nothing."""
    ids = _text_column(documents, "doc_id")
    original = _text_column(documents, "duplicate_of")
    flagged = (
        _text_column(documents, "quality_flags")
        .str.split(";")
        .map(lambda flags: "duplicate" in flags)
    )
    present = set(ids)
    return {
        doc: of
        for doc, of, flag in zip(ids, original, flagged, strict=True)
        if flag and of and of in present and of != doc
    }


def copies_of_other_groups(documents: pd.DataFrame, group_col: str = "outlet") -> pd.Series:
    """Per row of ``documents``: whether it is a flagged near-copy of an article of another
    group (:func:`copy_links`), as a syndicated story an outlet ran is."""
    group = _groups(documents, group_col)
    links = copy_links(documents)
    return _text_column(documents, "doc_id").map(
        lambda doc: doc in links and group[links[doc]] != group[doc]
    )


def _stories(documents: pd.DataFrame) -> list[list[str]]:
    """:func:`linked_stories` of the documents' :func:`copy_links`."""
    return linked_stories(copy_links(documents))


def linked_stories(links: Mapping[str, str]) -> list[list[str]]:
    """The documents ``links`` (copy → original) join (a copy, its original, the original's
    other copies), as lists of doc_ids, each sorted, in the order of their first id; documents
    no link names are left out. The groups are :func:`analysis.corpus.quality.copy_groups`'s,
    which ``drop`` chooses within."""
    from analysis.corpus.quality import copy_groups

    ids = sorted(set(links) | set(links.values()))
    table = pd.DataFrame({"doc_id": ids, "duplicate_of": [links.get(d, "") for d in ids]})
    return sorted(sorted(ids[row] for row in rows) for rows in copy_groups(table))


def one_per_story(links: Mapping[str, str], length: Mapping[str, float]) -> set[str]:
    """The articles of ``length`` (doc_id → its words) to leave out so that each story
    (:func:`linked_stories` of ``links``, copy → original) keeps one: its original (an article
    that copies none) when it is there, else its longest (ties by doc_id). A tester's tone-arc
    figure spent 7 of its 12 panels on two wire stories, four outlets' copies of one drawn
    side by side, and crowded out the outlets' own articles."""
    out: set[str] = set()
    for docs in linked_stories(links):
        here = [d for d in docs if d in length]
        if len(here) < 2:
            continue
        originals = [d for d in here if d not in links]
        kept = originals[0] if originals else min(here, key=lambda d: (-length[d], d))
        out.update(d for d in here if d != kept)
    return out


def shared_stories(
    documents: pd.DataFrame, group_col: str = "outlet"
) -> list[tuple[tuple[str, ...], list[str]]]:
    """Each story two or more groups ran (articles linked by copying, :func:`copy_links`): the
    groups that ran it, sorted, and its articles' doc_ids."""
    group = _groups(documents, group_col)
    out = []
    for docs in _stories(documents):
        groups = tuple(sorted({group[d] for d in docs}))
        if len(groups) > 1:
            out.append((groups, docs))
    return out


def stories_by_groups(
    documents: pd.DataFrame, group_col: str = "outlet"
) -> list[tuple[tuple[str, ...], int]]:
    """How many stories each set of groups shares (:func:`shared_stories`): most stories first,
    then more groups, then by name."""
    counts: dict[tuple[str, ...], int] = {}
    for groups, _ in shared_stories(documents, group_col):
        counts[groups] = counts.get(groups, 0) + 1
    return sorted(counts.items(), key=lambda item: (-item[1], -len(item[0]), item[0]))


def wholly_shared(
    documents: pd.DataFrame, group_col: str = "outlet"
) -> list[tuple[str, tuple[str, ...], int]]:
    """Each group of two articles or more every article of which is in a story another group
    ran too (:func:`shared_stories`): the same feed under two names, or an outlet of nothing
    but wire copy, whose figures are those stories', not coverage of its own. Per such group,
    by name: the group, the other groups each of which ran every one of its stories (sorted;
    none when no one group did) and its articles. A tester's two outlets of the same four texts
    were compared as two outlets, the opening only counting "4 stories" they share."""
    group = _groups(documents, group_col)
    sharers: dict[str, set[str]] = {}  # doc_id -> the other groups that ran its story
    for names, docs in shared_stories(documents, group_col):
        for doc in docs:
            sharers.setdefault(doc, set()).update(set(names) - {group[doc]})
    members: dict[str, list[str]] = {}
    for doc, name in group.items():
        members.setdefault(name, []).append(doc)
    out = []
    for name in sorted(members):
        docs = members[name]
        if len(docs) < 2 or not all(doc in sharers for doc in docs):
            continue
        every = set.intersection(*(sharers[doc] for doc in docs))
        out.append((name, tuple(sorted(every)), len(docs)))
    return out


def shared_text_table(documents: pd.DataFrame, group_col: str = "outlet") -> pd.DataFrame:
    """One row per group: its articles (``n_articles``), how many of them are near-copies of
    another group's article (``n_copies_of_others``, :func:`copies_of_other_groups`), its
    sentences and those in such copies (``n_sentences``, ``n_sentences_in_copies``,
    ``share_sentences_in_copies``), its sentences in any article of a story another group ran
    too, its originals of them included (``n_sentences_in_shared_stories``,
    ``share_sentences_in_shared_stories``), how many such stories (``n_shared_stories``) and
    those groups (``shares_stories_with``, "; " between names). The "original" of a story is
    the copy ``drop`` would keep (:func:`analysis.corpus.quality.kept_copies`: the one that
    holds the others), not always the one its outlet wrote (a tester's two runs of one AFP
    story: the copy listed first was named the original), so the shared share is the one to
    read for how much of a group's text others ran too. A group of nothing but wire
    copy has a shared share of 1: its tone, frames and sources are the agency's."""
    ids = _text_column(documents, "doc_id")
    groups = _text_column(documents, group_col)
    sentences = (
        pd.to_numeric(documents["n_sentences"], errors="coerce").fillna(0).astype(int)
        if "n_sentences" in documents.columns
        else pd.Series(0, index=documents.index)
    )
    frame = pd.DataFrame(
        {
            "doc_id": ids.to_numpy(),
            group_col: groups.to_numpy(),
            "copy": copies_of_other_groups(documents, group_col).to_numpy(bool),
            "n": sentences.to_numpy(),
        }
    )
    stories: dict[str, set[int]] = {}
    partners: dict[str, set[str]] = {}
    group_of = _groups(documents, group_col)
    shared_docs: set[str] = set()
    for k, (names, docs) in enumerate(shared_stories(documents, group_col)):
        shared_docs.update(docs)
        for doc in docs:
            stories.setdefault(group_of[doc], set()).add(k)
            partners.setdefault(group_of[doc], set()).update(set(names) - {group_of[doc]})
    frame["shared"] = frame["doc_id"].isin(shared_docs)
    rows = []
    for group, own in frame.groupby(group_col, sort=True):
        n = int(own["n"].sum())
        in_copies = int(own.loc[own["copy"], "n"].sum())
        in_shared = int(own.loc[own["shared"], "n"].sum())
        rows.append(
            {
                group_col: group,
                "n_articles": len(own),
                "n_copies_of_others": int(own["copy"].sum()),
                "n_sentences": n,
                "n_sentences_in_copies": in_copies,
                "share_sentences_in_copies": in_copies / n if n else 0.0,
                "n_sentences_in_shared_stories": in_shared,
                "share_sentences_in_shared_stories": in_shared / n if n else 0.0,
                "n_shared_stories": len(stories.get(str(group), ())),
                "shares_stories_with": "; ".join(sorted(partners.get(str(group), ()))),
            }
        )
    return pd.DataFrame(rows, columns=[group_col, *SHARED_TEXT_COLUMNS])
