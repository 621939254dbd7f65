"""Which actors a sentence mentions, from a small lexicon kept as data.

An actor lexicon (a TOML file such as ``seeds/lexicons/actors.toml``) lists, for each actor,
plain phrases matched as whole words ignoring case, and short forms matched with exact case
("US" is the United States, "us" is not), and optionally longer names that hold a phrase but
are not the actor ("Georgia Tech" for Georgia), whose words are not a mention. Each actor
becomes one precompiled regular expression (built with :mod:`analysis.lexicon`), run over all
sentences at once with pandas' vectorised ``str.contains``. Without a lexicon file, actors are
discovered from the corpus (:mod:`analysis.sentiment.discover`).

A mention is only a mention: the tone of sentences that mention an actor (see
:mod:`analysis.sentiment.tables`) is the tone *around* the actor, not the outlet's stance
towards it. "China's exports fell sharply" is a negative sentence that mentions China.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from analysis.lexicon import (
    LexiconError,
    alternation,
    arrow_column,
    arrow_texts,
    compile_whole_words,
    contains_whole_words,
    contains_whole_words_each,
    longest_first,
    parse_toml,
    phrase_pattern,
    read_text,
    word_list,
)

COLUMN_PREFIX = "actor_"
_KEY_RE = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class Actor:
    """One actor of the lexicon."""

    key: str
    label: str
    side: str
    patterns: tuple[str, ...]
    cased: tuple[str, ...]
    note: str
    # longer names that hold a phrase of the actor but are another ("Georgia Tech" of Georgia):
    # matched as whole words with exact case (names are capitalised: "Trump Tower" is another,
    # "Trump tower" may not be), and taken out before the actor is looked for
    exclusions: tuple[str, ...] = ()
    # for a discovered one-word name, the corpus's full names of a person's shape it is the
    # surname of, when they are two or more ("Delgado" of Maria Delgado and Tomás Delgado): its
    # sentences may be about any of them (:func:`analysis.sentiment.discover.shared_surnames`)
    surname_of: tuple[str, ...] = ()

    @property
    def column(self) -> str:
        """Name of this actor's column in :func:`actor_matrix`."""
        return f"{COLUMN_PREFIX}{self.key}"


@lru_cache(maxsize=4096)
def actor_body(actor: Actor) -> str:
    """The alternation of the actor's phrases (without the whole-word edges), built once.

    Phrases are literal (:func:`analysis.lexicon.phrase_pattern`): any whitespace between words,
    straight and curly apostrophes alike; ``patterns`` ignore case, ``cased`` do not.
    """
    alts = []
    ci = longest_first(set(actor.patterns))
    cs = longest_first(set(actor.cased))
    if ci:
        alts.append(alternation((_phrase(p) for p in ci), ignore_case=True))
    if cs:
        alts.append(alternation((_phrase(p) for p in cs), group=False))
    return alternation(alts, group=False)


@lru_cache(maxsize=4096)
def actor_regex(actor: Actor) -> re.Pattern[str]:
    """One compiled regex (Python's ``re``) matching any of the actor's phrases as whole words;
    compiled once per process."""
    return compile_whole_words(actor_body(actor))


def _phrase(phrase: str) -> str:
    # Boundaries come from compile_whole_words around the whole alternation.
    return phrase_pattern(phrase, lead=False, tail=False)


def _check_actor(raw: dict, where: str) -> Actor:
    """One ``[[actor]]`` table checked: ``key`` and ``label`` are required; ``note`` (what the
    actor covers, shown in the actor table) is optional, as the README's example leaves it out;
    so is ``exclusions`` (longer names holding a phrase that are not the actor);
    ``side`` is an optional label of the story's own (the bundled story's: china, us, ally, eu,
    company, other), shown in the actor table, never a fixed list: another story has other
    sides."""
    for field in ("key", "label"):
        if not isinstance(raw.get(field), str) or not raw[field].strip():
            raise LexiconError(f"{where} needs a non-empty string '{field}'")
    note = raw.get("note", "")
    if not isinstance(note, str):
        raise LexiconError(f"{where}: note, when given, must be a string")
    key = raw["key"]
    if not _KEY_RE.match(key):
        raise LexiconError(f"{where}: key {key!r} must be lower-case letters, digits, '_'")
    side = raw.get("side", "")
    if not isinstance(side, str) or ("side" in raw and not side.strip()):
        raise LexiconError(f"{where} ({key}): side, when given, must be a non-empty string")
    where = f"{where} ({key})"
    patterns = word_list(raw.get("patterns", []), where=where, name="patterns")
    cased = word_list(raw.get("cased", []), where=where, name="cased", ignore_case=False)
    if not patterns and not cased:
        raise LexiconError(f"{where}: give at least one pattern")
    exclusions = word_list(raw.get("exclusions", []), where=where, name="exclusions")
    return Actor(key, raw["label"], side.strip(), patterns, cased, note.strip(), exclusions)


def load_actor_lexicon(path: Path | str) -> tuple[Actor, ...]:
    """Read and validate an actor lexicon file.

    The file is read on every call, but a text parsed before under the same name is not parsed
    again (:func:`_parsed_actor_lexicon`): every chunk of a run names the lexicon, and parsing
    it cost each chunk about 4 ms, while an edited file is always read as it now is.
    Raises :class:`analysis.lexicon.LexiconError` naming the file, the actor and the entry.
    """
    path = Path(path)
    return _parsed_actor_lexicon(str(path), read_text(path, "actor lexicon"))


@lru_cache(maxsize=16)
def _parsed_actor_lexicon(name: str, text: str) -> tuple[Actor, ...]:
    """The actors of the lexicon file ``name`` whose text is ``text`` (validated)."""
    path = Path(name)
    what = "actor lexicon"
    parsed = parse_toml(text, path, what)
    raw = parsed.get("actor")
    if not isinstance(raw, list) or not raw:
        plural = (
            " (this file has [[actors]]: the table's name is singular)"
            if "actors" in parsed
            else ""
        )
        raise LexiconError(f"{what} {path}: expected one or more [[actor]] tables{plural}")
    # every problem at once, as the codebook check lists them (a tester met a duplicate key
    # only after mending the first error)
    actors, problems = [], []
    for i, entry in enumerate(raw):
        try:
            actors.append(_check_actor(entry, f"{what} {path}: actor #{i + 1}"))
        except LexiconError as err:
            problems.append(str(err))
    keys = [e.get("key") for e in raw if isinstance(e, dict) and isinstance(e.get("key"), str)]
    dupes = sorted({k for k in keys if keys.count(k) > 1})
    if dupes:
        problems.append(f"{what} {path}: duplicate actor keys {dupes}")
    if problems:
        raise LexiconError("\n".join(problems) if len(problems) > 1 else problems[0])
    return tuple(actors)


@lru_cache(maxsize=1)
def default_lexicon() -> tuple[Actor, ...]:
    """The package's actor lexicon: empty, since actors are a story's own (give a file, or let
    :func:`analysis.sentiment.discover.discover_actors` find them in the corpus)."""
    return ()


def actors_for(
    sentences: pd.DataFrame,
    path: Path | str | None = None,
    group_col: str = "outlet",
    *,
    documents: pd.DataFrame | None = None,
) -> tuple[Actor, ...]:
    """The actor lexicon of a run: the file ``path``, or, without one, the names discovered in
    ``sentences`` (every sentence of the corpus, so that each notebook finds the same). With
    ``documents``, names are read only in the sentences of articles in English: a German
    article's capitalised nouns ("Regierung", "Zölle") are not names, and VADER, which gives an
    actor its tone, reads English."""
    if path:
        return load_actor_lexicon(path)
    from analysis.sentiment.discover import discover_actors

    if documents is not None:
        from analysis.report.group_languages import in_english

        sentences = sentences[in_english(documents, sentences).to_numpy(bool)]
    return discover_actors(sentences, group_col)


def actor_table(lexicon: Sequence[Actor] | None = None) -> pd.DataFrame:
    """The lexicon as a table (``key, label, side, column, patterns, exclusions, note``) for
    documentation; an empty lexicon gives an empty table with these columns."""
    actors = default_lexicon() if lexicon is None else lexicon
    return pd.DataFrame(
        columns=["key", "label", "side", "column", "patterns", "exclusions", "note"],
        data=[
            {
                "key": a.key,
                "label": a.label,
                "side": a.side,
                "column": a.column,
                "patterns": "; ".join([*a.patterns, *a.cased]),
                "exclusions": "; ".join(a.exclusions),
                "note": a.note,
            }
            for a in actors
        ],
    )


def actor_matrix(
    sentences: Sequence[str] | pd.Series, lexicon: Sequence[Actor] | None = None
) -> pd.DataFrame:
    """One bool column ``actor_<key>`` per actor: does each sentence mention it.

    One row per input sentence, in order, with a fresh ``RangeIndex``.
    """
    if isinstance(sentences, str):
        raise TypeError("pass a sequence of sentences, not a single string")
    actors = default_lexicon() if lexicon is None else tuple(lexicon)
    column = arrow_column(sentences)
    if column is not None and column.null_count == 0:
        # a pandas text column stored by pyarrow, every value a str: used as it is
        texts: Sequence[str] = sentences
        array = column
    else:
        values = sentences.tolist() if isinstance(sentences, pd.Series) else list(sentences)
        if not all(isinstance(s, str) for s in values):
            raise TypeError(
                "actor_matrix: every sentence must be a str (fill missing values first)"
            )
        texts = [str(s) for s in values] if any(type(s) is not str for s in values) else values
        # converted for pyarrow once for all actors
        array = arrow_texts(texts) if actors else None
    # RE2 over the whole column, with the matches of the Python pattern (analysis.lexicon); all
    # actors in one pass over each text
    bodies = [actor_body(a) for a in actors]
    found = contains_whole_words_each(texts, bodies, arrow=array)
    out = {a.column: column for a, column in zip(actors, found, strict=True)}
    for short, long in (*nested_actors(actors), *surnames_in_full_names(actors)):
        _longest_match_wins(out, texts, short, long)
    for actor in actors:
        if actor.exclusions:
            _excluded_names_taken_out(out, texts, actor, array)
    return pd.DataFrame(out, index=pd.RangeIndex(len(texts)))


# How an actor found in the corpus's names is noted (analysis.sentiment.discover)
DISCOVERED = "discovered from the corpus"


@lru_cache(maxsize=64)
def nested_actors(actors: tuple[Actor, ...]) -> tuple[tuple[Actor, Actor], ...]:
    """The pairs ``(short, long)`` of discovered ``actors`` (:data:`DISCOVERED`) where a phrase
    of ``long`` holds a phrase of ``short`` as whole words ("Millbrook" in "Millbrook Water"): a
    mention of the long one is not a mention of the short one (:func:`actor_matrix`). An actor
    list's own actors are left as written: the bundled one counts "China Northern Rare Earth"
    as a mention of China on purpose, and says so; a list's surname inside another listed
    actor's full name is :func:`surnames_in_full_names`' case."""
    pairs = []
    found = [a for a in actors if a.note.startswith(DISCOVERED)]
    for short in found:
        phrases = [(p, True) for p in short.patterns] + [(p, False) for p in short.cased]
        for long in found:
            if long is short:
                continue
            longer = [*long.patterns, *long.cased]
            if any(_holds(whole, part, fold) for part, fold in phrases for whole in longer):
                pairs.append((short, long))
    return tuple(pairs)


@lru_cache(maxsize=64)
def surnames_in_full_names(actors: tuple[Actor, ...]) -> tuple[tuple[Actor, Actor], ...]:
    """The pairs ``(short, long)`` of an actor list's own actors where a phrase of ``long`` ends
    with a phrase of ``short`` as whole words, as a full name ends with a surname ("Delgado" of
    Maria Delgado in "Tomás Delgado", another listed actor): the longer match wins, as for
    discovered actors (:func:`nested_actors`), so that a sentence on Tomás Delgado is not one on
    Maria Delgado. A phrase held elsewhere in another ("China" opening "China Northern Rare
    Earth") counts for both, as the list writes it, and :func:`actor_list_warnings` names the
    pair."""
    listed = [a for a in actors if not a.note.startswith(DISCOVERED)]
    return tuple(
        (short, long)
        for short in listed
        for long in listed
        if long is not short and _nesting(short, long) == "ends"
    )


def _nesting(short: Actor, long: Actor) -> str:
    """How a phrase of ``long`` holds one of ``short`` as whole words: "ends" where one ends
    with the other ("Tomás Delgado", "Delgado"), "holds" where it holds it elsewhere ("China
    Northern Rare Earth", "China"), "" where none does."""
    phrases = [(p, True) for p in short.patterns] + [(p, False) for p in short.cased]
    longer = [(p, True) for p in long.patterns] + [(p, False) for p in long.cased]
    found = ""
    for part, fold in phrases:
        for whole, whole_fold in longer:
            fold_both = fold or whole_fold
            if not _holds(whole, part, fold_both):
                continue
            a, b = " ".join(whole.split()), " ".join(part.split())
            if fold_both:
                a, b = a.casefold(), b.casefold()
            if a.endswith(b):
                return "ends"
            found = "holds"
    return found


def _holds(whole: str, part: str, fold: bool) -> bool:
    """Whether phrase ``whole`` holds phrase ``part`` as whole words, and more."""
    whole, part = " ".join(whole.split()), " ".join(part.split())
    if fold:
        whole, part = whole.casefold(), part.casefold()
    if len(whole) <= len(part) or part not in whole:
        return False
    return re.search(rf"(?<!\w){re.escape(part)}(?!\w)", whole) is not None


def _longest_match_wins(
    out: dict[str, Any], texts: Sequence[str], short: Actor, long: Actor
) -> None:
    """Where a sentence mentions both, ``short`` stays only if it is still found once the
    mentions of ``long`` are taken out: a tester's town "Millbrook" counted every sentence on
    its water company "Millbrook Water" (11 of its 22), and its finding quoted one."""
    both = np.flatnonzero(np.asarray(out[short.column]) & np.asarray(out[long.column]))
    if not both.size:
        return
    column = np.array(out[short.column], dtype=bool)
    short_re, long_re = actor_regex(short), actor_regex(long)
    for row in both:
        column[row] = short_re.search(long_re.sub(" ", texts[row])) is not None
    out[short.column] = column


@lru_cache(maxsize=4096)
def exclusion_body(actor: Actor) -> str:
    """The alternation of the actor's ``exclusions`` (exact case), longest first."""
    return alternation(_phrase(p) for p in longest_first(set(actor.exclusions)))


def _excluded_names_taken_out(
    out: dict[str, Any], texts: Sequence[str], actor: Actor, array: Any
) -> None:
    """Where a sentence mentions ``actor`` and writes one of its ``exclusions``, the actor stays
    only if it is still found once those names are taken out: a tester's town "Millbrook"
    counted the sentences on the "Millbrook Tenants Union", a name too rare to be an actor of
    its own (:func:`nested_actors` covers two discovered actors)."""
    found = np.asarray(out[actor.column], dtype=bool)
    if not found.any():
        return
    body = exclusion_body(actor)
    both = np.flatnonzero(found & np.asarray(contains_whole_words(texts, body, arrow=array)))
    if not both.size:
        return
    column = found.copy()
    actor_re, excluded_re = actor_regex(actor), compile_whole_words(body)
    for row in both:
        column[row] = actor_re.search(excluded_re.sub(" ", texts[row])) is not None
    out[actor.column] = column


# more actors of a list matching no sentence than this are said in one line
MAX_UNMATCHED_SAID = 3


def actor_list_warnings(
    sentences: pd.DataFrame, actors: Sequence[Actor], text_col: str = "sentence"
) -> list[str]:
    """What a user of an actor list should hear about it from the corpus's ``sentences`` (with
    the actors' columns, :func:`add_actors`): each actor that matched no sentence, with the
    spelling the corpus writes when one differs from a phrase only by its accents (a tester's
    "Tomas Delgado" for "Tomás", "Nguyen" for "Nguyễn": each actor was left out of every table
    without a word), and each phrase of an actor written inside another actor's phrase other
    than as its end (:func:`surnames_in_full_names` settles those), with how many sentences
    count for both."""
    texts = sentences[text_col].astype(str).tolist()
    said, unmatched = [], []
    listed = [a for a in actors if not a.note.startswith(DISCOVERED)]
    for actor in listed:
        if actor.column in sentences.columns and not sentences[actor.column].any():
            written = _written_with_other_accents(actor, texts)
            if written:
                said.append(
                    f"actor '{actor.label}' ({actor.key}) matched no sentence; the corpus "
                    f"writes {written[1]!r} where the list has {written[0]!r}: add that "
                    "spelling to the actor's patterns"
                )
            else:
                unmatched.append(actor)
    if len(unmatched) > MAX_UNMATCHED_SAID:  # a list written for another story: one line
        names = ", ".join(f"'{a.label}'" for a in unmatched)
        said.insert(0, f"{len(unmatched)} actors of the list matched no sentence: {names}")
    else:
        said[:0] = [f"actor '{a.label}' ({a.key}) matched no sentence" for a in unmatched]
    for short in listed:
        for long in listed:
            if long is short or _nesting(short, long) != "holds":
                continue
            if short.column not in sentences or long.column not in sentences:
                continue
            both = sentences[short.column].to_numpy(bool) & sentences[long.column].to_numpy(bool)
            short_re, long_re = actor_regex(short), actor_regex(long)
            n = sum(
                any(short_re.search(m.group(0)) for m in long_re.finditer(texts[row]))
                for row in np.flatnonzero(both)
            )
            if n:
                said.append(
                    f"actor '{short.label}' ({short.key}) is written inside a name of actor "
                    f"'{long.label}' ({long.key}) in {n} sentence{'s' if n != 1 else ''}, which "
                    f"count for both; to count them for '{long.label}' only, list that name "
                    f"in the exclusions of '{short.label}'"
                )
    return said


def _fold(text: str) -> str:
    """``text`` in lower case without its accents (NFKD without the combining marks)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _written_with_other_accents(actor: Actor, texts: Sequence[str]) -> tuple[str, str] | None:
    """``(phrase, as written)`` for the first phrase of ``actor`` that ``texts`` write with
    other accents ("Tomas Delgado" written "Tomás Delgado", or the other way round), else
    None."""
    letters: dict[str, set[str]] = {}
    for char in set("".join(texts)):
        if char.isalpha():
            letters.setdefault(_fold(char), set()).add(char)
    phrases = [(p, True) for p in actor.patterns] + [(p, False) for p in actor.cased]
    for phrase, fold in phrases:
        parts = []
        for char in phrase:
            if char.isspace():
                parts.append(r"\s+")
            elif char.isalpha():
                same = {char, *letters.get(_fold(char), ()), *letters.get(_fold(char).upper(), ())}
                parts.append("[" + "".join(re.escape(c) for c in sorted(same)) + "]")
            else:
                parts.append(re.escape(char))
        pattern = re.compile(r"(?<!\w)" + "".join(parts) + r"(?!\w)", re.IGNORECASE)
        for text in texts:
            for match in pattern.finditer(text):
                written = match.group(0)
                # other accents, not only another case; a cased phrase's case kept ("US")
                if written.casefold() != phrase.casefold() and (
                    fold or [c.isupper() for c in written] == [c.isupper() for c in phrase]
                ):
                    return phrase, written
    return None


def find_mentions(text: str, lexicon: Sequence[Actor] | None = None) -> dict[str, list[str]]:
    """For one text: actor key → the mentions found, as written (for evidence and debugging)."""
    actors = default_lexicon() if lexicon is None else lexicon
    found = {a.key: [m.group(0) for m in actor_regex(a).finditer(text)] for a in actors}
    return {k: v for k, v in found.items() if v}


def add_actors(
    sentences: pd.DataFrame,
    lexicon: Sequence[Actor] | None = None,
    *,
    text_col: str = "sentence",
) -> pd.DataFrame:
    """A copy of the sentences table with one bool column ``actor_<key>`` per actor added."""
    if text_col not in sentences.columns:
        raise KeyError(f"add_actors: no {text_col!r} column in the sentences table")
    matrix = actor_matrix(sentences[text_col], lexicon)
    out = sentences.copy()
    for col in matrix.columns:
        out[col] = matrix[col].to_numpy()
    return out
