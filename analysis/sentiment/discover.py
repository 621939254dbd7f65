"""Actors found in the corpus itself, for a run that gives no actor list.

A name is a sequence of capitalised words ("Maria Lopez", "Harbour Council", "NASA"), joined by
at most one lower-case connector ("Bank of England"). Left out: a single capitalised word that
opens a sentence (it is capitalised because it opens the sentence), and words of a stop list
(months, weekdays, titles, sentence openers), which are also stripped from the ends of a name
("Mr Lopez" counts as "Lopez"), and a single letter ("D" of "3D"). Each group's most frequent
names, counted in sentences, become the actors, among the names that at least two articles of the
corpus use (:data:`MIN_DOCS`): a name only one article uses (its witness, its café, a caption's
photographer) is that article's detail, not an actor of the story, and without the rule a corpus
of many small outlets got dozens of them. :func:`discovered_names` is the table to review them
(notebook 01 shows it).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

from analysis.sentiment.actors import Actor

TOP_PER_GROUP = 8  # names kept per group
MIN_SENTENCES = 2  # a name must occur in at least this many sentences of the group
MIN_DOCS = 2  # ...and in at least this many articles of the corpus
CONNECTORS = frozenset({"of", "for", "de", "du", "la", "von", "van", "der"})
STOP_WORDS = frozenset(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    saturday sunday today yesterday tomorrow mr mrs ms miss dr prof sir madam mayor president
    minister senator governor chairman chairwoman chief director professor secretary the a an
    this that these those his her its their our my your we he she it they i you in on at by
    for from to of and or but if when while after before as with without about there here
    what who why how yet so also however meanwhile although though since because according
    last next one two three four five first second third many some most more all every
    each no not both other another such only once then now still""".split()  # noqa: SIM905
)
# a word starting with a letter, not inside another word ("D" of "3D", "s" of "it's")
_TOKEN = re.compile(r"(?<![\w'’])[A-Za-z][\w'’.&-]*")
NAME_COLUMNS = ["name", "n_sentences", "n_docs"]


def _clean(word: str) -> str:
    word = word.rstrip(".-'’&")
    for suffix in ("'s", "’s"):
        if word.endswith(suffix):
            word = word[: -len(suffix)]
    return word


def _is_name_word(word: str) -> bool:
    """A capitalised word that is not a stop word, nor a letter prefixed to a word with a
    hyphen ("D-printed" of "3-D-printed", "X-ray", "T-shirt")."""
    return (
        bool(word)
        and word[0].isupper()
        and word.lower() not in STOP_WORDS
        and not (len(word) > 1 and word[1] == "-")
    )


def names_in(sentence: str) -> list[str]:
    """The capitalised names in one sentence, in order (see the module docstring)."""
    tokens = [(m.start(), _clean(m.group(0))) for m in _TOKEN.finditer(sentence)]
    names: list[str] = []
    run: list[tuple[int, str]] = []

    def close() -> None:
        while run and run[-1][1].lower() in CONNECTORS:
            run.pop()
        if run and not (len(run) == 1 and (run[0][0] == 0 or len(run[0][1]) < 2)):
            names.append(" ".join(word for _, word in run))
        run.clear()

    for position, (_, word) in enumerate(tokens):
        joins = bool(run) and word in CONNECTORS and run[-1][1].lower() not in CONNECTORS
        if _is_name_word(word) or joins:
            run.append((position, word))
        else:
            close()
    close()
    return names


def discovered_names(
    sentences: pd.DataFrame,
    group_col: str = "outlet",
    *,
    top_n: int = TOP_PER_GROUP,
    min_sentences: int = MIN_SENTENCES,
    min_docs: int = MIN_DOCS,
    text_col: str = "sentence",
) -> pd.DataFrame:
    """Per group, its ``top_n`` most frequent names with counts: columns ``<group_col>, name,
    n_sentences, n_docs`` (in the group's sentences and articles), sorted by group, then most
    sentences first, then name. A name counts when the group has ``min_sentences`` sentences
    with it and the corpus ``min_docs`` articles."""
    rows = []
    for doc_id, group, text in zip(
        sentences["doc_id"], sentences[group_col].astype(str), sentences[text_col], strict=True
    ):
        for name in dict.fromkeys(names_in(str(text))):
            rows.append((group, name, doc_id))
    columns = [group_col, *NAME_COLUMNS]
    if not rows:
        return pd.DataFrame(columns=columns)
    found = pd.DataFrame(rows, columns=[group_col, "name", "doc_id"])
    corpus_docs = found.groupby("name")["doc_id"].nunique()
    found = found[found["name"].map(corpus_docs) >= min_docs]
    table = (
        found.groupby([group_col, "name"], sort=True)
        .agg(n_sentences=("doc_id", "size"), n_docs=("doc_id", "nunique"))
        .reset_index()
    )
    table = table[table["n_sentences"] >= min_sentences]
    table = table.sort_values(
        [group_col, "n_sentences", "name"], ascending=[True, False, True], kind="stable"
    )
    return table.groupby(group_col, sort=True).head(top_n).reset_index(drop=True)[columns]


def _key(name: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_") or "actor"
    if not base[0].isalpha():
        base = f"a_{base}"
    key, k = base, 2
    while key in taken:
        key, k = f"{base}_{k}", k + 1
    taken.add(key)
    return key


def actors_from_names(names: Iterable[str]) -> tuple[Actor, ...]:
    """One :class:`~analysis.sentiment.actors.Actor` per name (matched with exact case)."""
    taken: set[str] = set()
    return tuple(
        Actor(_key(name, taken), name, "other", (), (name,), "discovered from the corpus")
        for name in names
    )


def discover_actors(
    sentences: pd.DataFrame,
    group_col: str = "outlet",
    *,
    top_n: int = TOP_PER_GROUP,
    min_sentences: int = MIN_SENTENCES,
    min_docs: int = MIN_DOCS,
) -> tuple[Actor, ...]:
    """An actor lexicon of each group's most frequent names (usable by ``actor_matrix``),
    ordered by the number of sentences across the corpus, then by name."""
    table = discovered_names(
        sentences, group_col, top_n=top_n, min_sentences=min_sentences, min_docs=min_docs
    )
    if table.empty:
        return ()
    totals = table.groupby("name")["n_sentences"].sum().reset_index()
    totals = totals.sort_values(["n_sentences", "name"], ascending=[False, True], kind="stable")
    return actors_from_names(totals["name"])
