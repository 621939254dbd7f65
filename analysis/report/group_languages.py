"""Notes on the findings about groups whose articles are mostly, or partly, not in English.

The lexicons (VADER, the codebook, the hedges, the source kinds) are English. A group whose
articles are mostly in another language gets a tone near zero, few frames and few hedges because
the lexicons cannot read its words, not because of how it covers a story, and a comparison with
such a group can come out "clear" for that reason alone: in a trial on 60 articles of a Nexis Uni
search, the only two clear tone differences set an English site against a Portuguese and an
Indonesian one. The limitations say it once for the corpus
(:func:`analysis.report.summary._language_limitation`); these notes say it at every finding that
names such a group, so that a finding quoted on its own carries its caveat, and
:func:`figure_note` puts it under each figure of groups and in the caption its files carry
(:func:`analysis.figures.save_figure`), so that a figure pasted into a report carries it too.

A group some, but fewer than half, of whose articles are not in English gets a lighter note
(:func:`partial_language_notes`): its findings stay among the measured ones, and say that those
articles' words were read as English ones.

A group gets a note when at least half of its articles are not in English by their ``language``
(:func:`analysis.corpus.language.not_english`: given by the corpus, or guessed from the text).
A group with fewer such articles is described mostly by its English ones; the corpus-wide
limitation covers the rest. Where the text contradicts the given language on English or not, the
text's language counts (:func:`analysis.corpus.language.language_read`): an article given as
German whose text reads as English is not noted, since the caveat, that the lexicons read only
its English words, is not true of it; one given as English whose text reads as German is. The
limitations name both apart.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from analysis.corpus.language import language_read, not_english
from analysis.report.html import escape_code, escape_text

# A group is noted when at least this share of its articles is not in English.
MOSTLY = 0.5
# what the English lexicons read of a text in another language, as every note and limitation
# says it
SPELT_AS_ENGLISH = "words spelt as English ones (German die, 'the', scores as English die)"


@dataclass(frozen=True)
class GroupLanguages:
    """A group whose articles are mostly not in English: how many, and in which languages."""

    group: str
    n_not_english: int
    n_docs: int
    languages: tuple[tuple[str, int], ...]  # (language, articles), most first, then by name


def _groups_with_other_languages(
    documents: pd.DataFrame,
    group_col: str,
    sentences: pd.DataFrame | None,
    mostly: bool,
) -> list[GroupLanguages]:
    """The groups holding articles not in English: at least :data:`MOSTLY` of theirs when
    ``mostly``, else some but fewer (see :func:`groups_not_in_english` for the arguments)."""
    if "language" not in documents.columns or documents.empty:
        return []
    docs = documents.drop_duplicates("doc_id")
    read = language_read(docs)  # the text's language where it contradicts the given one
    docs = pd.DataFrame(
        {"doc_id": docs["doc_id"].astype(str), "language": read, "_other": not_english(read)}
    )
    source = documents if sentences is None else sentences
    if group_col not in source.columns:
        raise KeyError(f"no column {group_col!r} to group the documents by")
    labels = source[["doc_id", group_col]].drop_duplicates("doc_id")
    labels = pd.DataFrame(
        {"doc_id": labels["doc_id"].astype(str), "_group": labels[group_col].astype(str)}
    )  # named apart: the groups may be the languages themselves (group_by = "language")
    merged = docs.merge(labels, on="doc_id")
    out = []
    for group, part in merged.groupby("_group", sort=True):
        n_other = int(part["_other"].sum())
        if n_other == 0 or (n_other >= MOSTLY * len(part)) != mostly:
            continue
        counts = part.loc[part["_other"], "language"].astype(str).str.strip().value_counts()
        languages = sorted(
            ((str(k), int(n)) for k, n in counts.items()), key=lambda x: (-x[1], x[0])
        )
        out.append(GroupLanguages(str(group), n_other, len(part), tuple(languages)))
    return out


def groups_not_in_english(
    documents: pd.DataFrame, group_col: str, sentences: pd.DataFrame | None = None
) -> list[GroupLanguages]:
    """The groups at least half of whose articles are not in English, by group name.

    ``documents`` needs ``doc_id`` and ``language`` (without ``language``: no group), and
    may have ``metadata_note`` (:func:`analysis.corpus.language.language_read`). A
    document's group is its ``group_col`` in ``sentences`` when given (the groups as the run
    compares them: outlets pooled as "Other", only the selected outlets), else in
    ``documents``; documents without a sentence there are left out.
    """
    return _groups_with_other_languages(documents, group_col, sentences, mostly=True)


def groups_partly_not_in_english(
    documents: pd.DataFrame, group_col: str, sentences: pd.DataFrame | None = None
) -> list[GroupLanguages]:
    """The groups some, but fewer than half, of whose articles are not in English (the same
    arguments as :func:`groups_not_in_english`). Their findings are measured, mostly on English
    text, but the other articles' words are read as English ones and move the group's figures:
    a tester's German article among Reuters' six turned its mean tone from +0.03 to −0.01,
    unsaid at the finding."""
    return _groups_with_other_languages(documents, group_col, sentences, mostly=False)


def partial_language_notes(
    documents: pd.DataFrame, group_col: str, sentences: pd.DataFrame | None = None
) -> dict[str, str]:
    """Group → its note (:func:`group_language_note`), for the groups of
    :func:`groups_partly_not_in_english`."""
    return {
        g.group: group_language_note(g)
        for g in groups_partly_not_in_english(documents, group_col, sentences)
    }


def in_english(documents: pd.DataFrame, sentences: pd.DataFrame) -> pd.Series:
    """Per row of ``sentences``, whether its document is in English by
    :func:`analysis.corpus.language.language_read` (all True when ``documents`` has no
    ``language``): the sentences a finding quotes first, as the English lexicons read them. A
    tester's summary quoted a German sentence as five outlets' "most negative" (VADER read
    "die" as the English word)."""
    if "language" not in documents.columns or documents.empty:
        return pd.Series(True, index=sentences.index)
    docs = documents.drop_duplicates("doc_id")
    other = set(docs.loc[not_english(language_read(docs)).to_numpy(bool), "doc_id"].astype(str))
    return ~sentences["doc_id"].astype(str).isin(other)


def group_language_note(group: GroupLanguages) -> str:
    """'2 of the 2 articles from X (`pt` 2)': the Markdown of one group's note (escaped)."""
    languages = ", ".join(f"`{escape_code(lang)}` {n}" for lang, n in group.languages)
    whole = "the 1 article" if group.n_docs == 1 else f"the {group.n_docs} articles"
    return f"{group.n_not_english} of {whole} from {escape_text(group.group)} ({languages})"


def language_notes(
    documents: pd.DataFrame, group_col: str, sentences: pd.DataFrame | None = None
) -> dict[str, str]:
    """Group → its note (:func:`group_language_note`), for the groups of
    :func:`groups_not_in_english`; empty when every group is mostly in English."""
    return {
        g.group: group_language_note(g)
        for g in groups_not_in_english(documents, group_col, sentences)
    }


def findings_note(
    groups: Sequence[str],
    notes: Mapping[str, str],
    section: str = "",
    partial: Mapping[str, str] | None = None,
) -> str:
    """The sentence closing a finding of ``section`` that names ``groups``: which of them are
    mostly not in English (``notes``) and what that does to the finding, then which hold some
    articles not in English (``partial``: :func:`partial_language_notes`); ``""`` when none.

    A vocabulary (keyness) finding reads no lexicon: there, words in another language are
    distinctive because of the language, which is what its note says."""
    own = [notes[g] for g in dict.fromkeys(groups) if g in notes]
    some = [(partial or {})[g] for g in dict.fromkeys(groups) if g in (partial or {})]
    tail = ""
    if some:
        what = (
            "their words are distinctive by their language"
            if section == "vocabulary"
            else f"the English lexicons read only their {SPELT_AS_ENGLISH}, which moves "
            "this finding's figures"
        )
        tail = (
            f"**Partly not in English:** {'; '.join(some)}. In those articles {what}; the "
            "`language` column of documents.csv names them."
        )
    if not own:
        return tail
    them = "these articles" if len(own) == 1 else "those articles"
    if section == "vocabulary":
        why = (
            f"Words of {them} stand out by their language, not by how the story is told: "
            "compare groups that write in one language"
        )
    else:
        why = (
            f"The lexicons are English: in {them} they read only the {SPELT_AS_ENGLISH}, so "
            "this finding says nothing about how they cover the story"
        )
    note = f"**Not in English:** {'; '.join(own)}. {why} (see the limitations, “Not in English”)."
    return f"{note} {tail}".strip()


FIGURE_NOTE_GROUPS = 4  # groups a figure's note names; "and N more" after them


def figure_note(
    documents: pd.DataFrame, group_col: str, sentences: pd.DataFrame | None = None
) -> str:
    """The note under a figure of groups, as plain text, when some of its groups are mostly
    not in English (:func:`groups_not_in_english`, the same arguments); ``""`` when none is."""
    groups = groups_not_in_english(documents, group_col, sentences)
    if not groups:
        return ""
    named = "; ".join(
        f"{g.group} ({g.n_not_english} of {g.n_docs}: "
        + ", ".join(f"{lang} {n}" for lang, n in g.languages)
        + ")"
        for g in groups[:FIGURE_NOTE_GROUPS]
    )
    more = len(groups) - FIGURE_NOTE_GROUPS
    named += f" and {more} more" if more > 0 else ""
    return (
        f"Mostly not in English: {named}. The lexicons are English: these groups' tone, frames "
        f"and hedges count only their {SPELT_AS_ENGLISH}, and their distinctive words are those "
        "of their language."
    )
