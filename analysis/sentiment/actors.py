"""Which actors a sentence mentions, from a small lexicon kept as data.

The lexicon (``analysis/data/actors.toml``) lists, for each actor, plain phrases matched as whole
words ignoring case, and short forms matched with exact case ("US" is the United States, "us" is
not). Each actor becomes one precompiled regular expression, run over all sentences at once with
pandas' vectorised ``str.contains``.

A mention is only a mention: the tone of sentences that mention an actor (see
:mod:`analysis.sentiment.tables`) is the tone *around* the actor, not the outlet's stance
towards it. "China's exports fell sharply" is a negative sentence that mentions China.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from analysis.config import DATA_DIR

ACTORS_FILE = DATA_DIR / "actors.toml"
SIDES = ("china", "us", "ally", "eu", "company", "other")
COLUMN_PREFIX = "actor_"
_KEY_RE = re.compile(r"^[a-z][a-z0-9_]*$")
_APOSTROPHE_RE = re.compile("['’]")


@dataclass(frozen=True)
class Actor:
    """One actor of the lexicon."""

    key: str
    label: str
    side: str
    patterns: tuple[str, ...]
    cased: tuple[str, ...]
    note: str

    @property
    def column(self) -> str:
        """Name of this actor's column in :func:`actor_matrix`."""
        return f"{COLUMN_PREFIX}{self.key}"


def _phrase_regex(phrase: str) -> str:
    # Whitespace in a phrase matches any run of whitespace; straight and curly apostrophes match
    # each other, so "People's" also finds "People’s".
    parts = [re.escape(w) for w in phrase.split()]
    return _APOSTROPHE_RE.sub(lambda _: "['’]", r"\s+".join(parts))


def actor_regex(actor: Actor) -> re.Pattern[str]:
    """One compiled regex matching any of the actor's phrases as whole words."""
    alts = []
    ci = sorted(set(actor.patterns), key=lambda p: (-len(p), p))
    cs = sorted(set(actor.cased), key=lambda p: (-len(p), p))
    if ci:
        alts.append("(?i:" + "|".join(_phrase_regex(p) for p in ci) + ")")
    if cs:
        alts.append("|".join(_phrase_regex(p) for p in cs))
    return re.compile(r"(?<!\w)(?:" + "|".join(alts) + r")(?!\w)")


def _check_actor(raw: dict, path: Path, index: int) -> Actor:
    where = f"{path}: actor #{index + 1}"
    for field in ("key", "label", "side", "note"):
        if not isinstance(raw.get(field), str) or not raw[field].strip():
            raise ValueError(f"{where} needs a non-empty string '{field}'")
    key = raw["key"]
    if not _KEY_RE.match(key):
        raise ValueError(f"{where}: key {key!r} must be lower-case letters, digits, '_'")
    if raw["side"] not in SIDES:
        raise ValueError(f"{where} ({key}): side must be one of {SIDES}, got {raw['side']!r}")
    patterns = tuple(raw.get("patterns", []))
    cased = tuple(raw.get("cased", []))
    if not patterns and not cased:
        raise ValueError(f"{where} ({key}): give at least one pattern")
    for p in (*patterns, *cased):
        if not isinstance(p, str) or not p.strip():
            raise ValueError(f"{where} ({key}): patterns must be non-empty strings")
    return Actor(key, raw["label"], raw["side"], patterns, cased, raw["note"])


def load_actor_lexicon(path: Path | str | None = None) -> tuple[Actor, ...]:
    """Read and validate an actor lexicon (default: the bundled ``actors.toml``)."""
    path = Path(path) if path is not None else ACTORS_FILE
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    raw = data.get("actor")
    if not isinstance(raw, list) or not raw:
        raise ValueError(f"{path}: expected one or more [[actor]] tables")
    actors = tuple(_check_actor(a, path, i) for i, a in enumerate(raw))
    keys = [a.key for a in actors]
    dupes = sorted({k for k in keys if keys.count(k) > 1})
    if dupes:
        raise ValueError(f"{path}: duplicate actor keys {dupes}")
    return actors


@lru_cache(maxsize=1)
def default_lexicon() -> tuple[Actor, ...]:
    """The bundled actor lexicon (cached)."""
    return load_actor_lexicon()


def actor_table(lexicon: Sequence[Actor] | None = None) -> pd.DataFrame:
    """The lexicon as a table (``key, label, side, column, patterns, note``) for documentation."""
    actors = default_lexicon() if lexicon is None else lexicon
    return pd.DataFrame(
        [
            {
                "key": a.key,
                "label": a.label,
                "side": a.side,
                "column": a.column,
                "patterns": "; ".join([*a.patterns, *a.cased]),
                "note": a.note,
            }
            for a in actors
        ]
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
    series = pd.Series(sentences, dtype=object).reset_index(drop=True)
    if not series.map(lambda s: isinstance(s, str)).all():
        raise TypeError("actor_matrix: every sentence must be a str (fill missing values first)")
    series = series.astype(str)
    out = {a.column: series.str.contains(actor_regex(a), regex=True).astype(bool) for a in actors}
    return pd.DataFrame(out, index=pd.RangeIndex(len(series)))


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
