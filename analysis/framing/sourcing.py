"""Sourcing: direct quotations, attribution verbs and whom claims are attributed to.

Per sentence (:func:`sourcing_matrix`):

* ``has_quote``: a direct quotation, i.e. at least ``min_words`` (default 3) words inside double
  quotes (straight ``"`` or curly ``“ ”``), the opening of such a quotation that the sentence
  splitter cut off, or any quoted word right after an attribution verb (``said: "No."``). Shorter
  quoted fragments are usually scare quotes or names (``a “phased arrangement”``) and do not count.
* ``attribution_verb``: the canonical form ("say", "according_to", "point_out", ...) of the
  leftmost attribution verb in the sentence, or missing. Participles used as adjectives
  ("newly announced") are masked first.
* ``attributed``: the sentence has a quotation or an attribution verb.
* ``source_<category>``: the sentence mentions the category (by default government officials,
  politicians, experts, other media, companies, advocacy groups, citizens, anonymous sources; a
  story's own list may split them further) AND is attributed. A mention alone ("the minister met
  the mayor") is not sourcing. A dateline that opens a sentence, "(CNN) ", "Washington (CNN) "
  or "WASHINGTON (Reuters) - ", is the outlet's signature, not a source, and is masked first
  (:data:`DATELINE`): CNN's own articles, most opening so, credited a fifth of their sentences
  to "other media".

The lexicon is data: ``analysis/data/sources.toml`` by default, or a file of the same form given
by a corpus's ``analysis.toml`` or ``-p sources FILE``; every category compiles to one regular
expression run over the whole column with pyarrow's RE2 kernels. Limits worth stating next to any
number: a sentence that mentions two categories and one verb credits both; the outlet's own name
counts as "media" when it appears with a verb ("told Epoch Times"); pronoun attributions ("he
said") are credited only if the sentence also names the source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from analysis.config import DATA_DIR
from analysis.framing.frames import masked_texts, regex_contains, regex_first, to_arrow
from analysis.lexicon import (
    WORD_CHAR,
    LexiconError,
    alternation,
    bounded,
    longest_first,
    pattern_list,
    phrase_pattern,
    read_toml,
    word_list,
)

DEFAULT_SOURCES = DATA_DIR / "sources.toml"
SOURCING_TABLE_COLUMNS = ["measure", "item", "n_sentences_with", "share", "n_sentences", "n_docs"]
_QUOTE_OPEN = '"“'
_QUOTE_CLOSE = '"”'


# News organisations that sign a story with a dateline: wires and broadcasters.
DATELINE_ORGS = (
    "AP", "AFP", "AAP", "ANSA", "BBC", "Bloomberg", "CBS", "CNA", "CNBC", "CNN", "dpa", "EFE",
    "IANS", "KCNA", "Kyodo", "NBC", "NPR", "PTI", "Reuters", "RIA", "TASS", "UPI", "Xinhua",
    "Yonhap", "ABC", "MarketWatch",
)  # fmt: skip
# A dateline at the start of a sentence: "(CNN) For years...", "Washington (CNN) ...", "Provo,
# Utah (CNN) ...", "WASHINGTON (Reuters) - ...": perhaps a place of at most four capitalised words
# (group 1, kept), then one of DATELINE_ORGS in brackets and perhaps a dash (masked). Only those
# names, and only the bracketed name is masked: in "The Associated Press (AP) said" the name
# before the brackets still counts. Case matters.
DATELINE = (
    r"^(\s*(?:[A-Z][\w.'-]*(?:,? [A-Z][\w.'-]*){0,3} )?)\((?:"
    + "|".join(re.escape(org) for org in DATELINE_ORGS)
    + r")\)\s*(?:[-–—]+\s*)?"
)


def without_datelines(texts: pa.Array) -> pa.Array:
    """``texts`` with the bracketed organisation of a dateline that opens a text replaced by a
    space (:data:`DATELINE`); texts without one are unchanged."""
    if not len(texts):
        return texts
    return pc.replace_substring_regex(texts, DATELINE, "\\1 ", max_replacements=1)


@dataclass(frozen=True)
class SourceLexicon:
    """Compiled sourcing patterns."""

    path: str
    categories: tuple[str, ...]
    labels: dict[str, str]
    category_patterns: dict[str, str]
    verb_pattern: str
    verb_exclusion: str | None  # masked before the verb is looked for ("newly announced")
    verb_lemmas: dict[str, str]  # lower-case form (single spaces) -> canonical verb
    quote_patterns: tuple[str, ...]
    min_words: int = 3  # the fewest words inside quotation marks that make a direct quotation

    @property
    def columns(self) -> list[str]:
        """Output columns of :func:`sourcing_matrix`, in order."""
        return [
            "has_quote",
            "attribution_verb",
            "attributed",
            *(f"source_{c}" for c in self.categories),
        ]


def _quote_patterns(verb_pattern: str, min_words: int) -> tuple[str, ...]:
    word = r"[^\s\"“”]+"
    more = rf"(?:\s+{word}){{{min_words - 1},}}"
    return (
        # min_words words between an opening and a closing quote (or the end of the sentence).
        rf"[{_QUOTE_OPEN}]\s*{word}{more}\s*(?:[{_QUOTE_CLOSE}]|$)",
        # the tail of a quotation opened in the previous sentence (curly closing quote only).
        rf"^[^\"“”]*?{word}{more}[^\"“”]*”",
        # any quoted word right after an attribution verb.
        alternation([verb_pattern], ignore_case=True)
        + rf"\s*[:,]?\s*[{_QUOTE_OPEN}]\s*{WORD_CHAR}",
    )


def _category_pattern(spec: dict, where: str) -> str:
    terms = word_list(spec.get("terms", []), where=where, name="terms")
    names = word_list(spec.get("names", []), where=where, name="names", ignore_case=False)
    patterns = pattern_list(spec.get("patterns", []), where=where, name="patterns")
    parts = []
    if terms:
        parts.append(alternation(map(phrase_pattern, terms), ignore_case=True))
    if names:
        parts.append(alternation(map(phrase_pattern, names)))
    parts.extend(patterns)
    if not parts:
        raise LexiconError(f"{where}: no terms, names or patterns")
    return "|".join(parts)


@lru_cache(maxsize=8)
def load_sources(path: str | None = None) -> SourceLexicon:
    """Load and compile a sourcing lexicon (default: the bundled ``sources.toml``).

    Raises :class:`analysis.lexicon.LexiconError` naming the file, the table and the entry.
    """
    file = Path(path) if path is not None else DEFAULT_SOURCES
    what = f"sourcing lexicon {file}"
    data = read_toml(file, "sourcing lexicon")
    verbs = data.get("attribution_verbs")
    sources = data.get("sources")
    if not isinstance(verbs, dict) or not verbs:
        raise LexiconError(f"{what}: needs an [attribution_verbs] table")
    if not isinstance(sources, dict) or not sources:
        raise LexiconError(f"{what}: needs [sources.<category>] tables")
    lemmas: dict[str, str] = {}
    for lemma, forms in verbs.items():
        for form in word_list(forms, where=f"{what}: verb {lemma!r}", name="forms"):
            lemmas[" ".join(form.lower().split())] = lemma
    # The leading boundary goes around the whole alternation instead of each form.
    verb_alternation = alternation(phrase_pattern(f, lead=False) for f in longest_first(lemmas))
    verb_pattern = bounded(verb_alternation, lead=True, tail=False)
    verb_exclusions = word_list(
        data.get("attribution", {}).get("exclusions", []),
        where=f"{what}: [attribution]",
        name="exclusions",
    )
    verb_exclusion = (
        alternation(map(phrase_pattern, verb_exclusions), group=False) if verb_exclusions else None
    )
    min_words = int(data.get("quotes", {}).get("min_words", 3))
    if min_words < 1:
        raise LexiconError(f"{what}: quotes.min_words must be at least 1")
    patterns: dict[str, str] = {}
    labels: dict[str, str] = {}
    for category, spec in sources.items():
        where = f"{what}: category {category!r}"
        if not re.match(r"^[a-z][a-z0-9_]*$", category) or not isinstance(spec, dict):
            raise LexiconError(f"{where}: bad category name or not a table")
        patterns[category] = _category_pattern(spec, where)
        labels[category] = str(spec.get("label", category))
    return SourceLexicon(
        path=str(file),
        categories=tuple(patterns),
        labels=labels,
        category_patterns=patterns,
        verb_pattern=verb_pattern,
        verb_exclusion=verb_exclusion,
        verb_lemmas=lemmas,
        quote_patterns=_quote_patterns(verb_pattern, min_words),
        min_words=min_words,
    )


def sourcing_matrix(
    sentences: list[str] | pd.Series | pa.Array, lexicon: str | Path | None = None
) -> pd.DataFrame:
    """Quotation, attribution verb and source-category columns, one row per sentence, in order."""
    lex = load_sources(str(lexicon) if lexicon is not None else None)
    texts = to_arrow(sentences)
    n = len(texts)
    # a text holds a match of A|B|C exactly when it holds one of A, B or C: one pass for all
    quotes = "|".join(f"(?:{pattern})" for pattern in lex.quote_patterns)
    has_quote = regex_contains(texts, quotes, ignore_case=False)
    verb_texts = masked_texts(texts, lex.verb_exclusion) if lex.verb_exclusion else texts
    found = regex_first(verb_texts, lex.verb_pattern, ignore_case=True)
    lemma = lex.verb_lemmas.get
    verbs = [None if f is None else lemma(" ".join(f.lower().split())) for f in found]
    attributed = has_quote | np.array([v is not None for v in verbs], dtype=bool)
    data: dict[str, object] = {
        "has_quote": has_quote,
        "attribution_verb": pd.Series(verbs, dtype="object"),
        "attributed": attributed,
    }
    # A category counts only in attributed sentences: match it there alone.
    credited = np.flatnonzero(attributed)
    attributed_texts = without_datelines(texts.take(pa.array(credited, type=pa.int64())))
    for category in lex.categories:
        column = np.zeros(n, dtype=bool)
        if len(credited):
            pattern = lex.category_patterns[category]
            column[credited] = regex_contains(attributed_texts, pattern, ignore_case=False)
        data[f"source_{category}"] = column
    return pd.DataFrame(data, index=pd.RangeIndex(n), columns=lex.columns)


def sourcing_table(
    sentences: pd.DataFrame,
    group_col: str = "outlet",
    *,
    doc_col: str = "doc_id",
    lexicon: str | Path | None = None,
) -> pd.DataFrame:
    """Per group, how many sentences credit each source, quote directly, or use each verb.

    Long format: ``<group_col>, measure ("source" | "quote" | "attribution_verb"), item,
    n_sentences_with, share, n_sentences, n_docs``. Every group gets every item (zeros
    included) so groups can be compared; rows sorted by group, measure, item.
    """
    lex = load_sources(str(lexicon) if lexicon is not None else None)
    needed = [
        group_col,
        doc_col,
        "has_quote",
        "attribution_verb",
        "attributed",
        *(f"source_{c}" for c in lex.categories),
    ]
    missing = [c for c in needed if c not in sentences.columns]
    if missing:
        raise KeyError(f"sourcing_table: missing columns {missing}; run sourcing_matrix first")
    verbs_seen = sorted({v for v in sentences["attribution_verb"].dropna().astype(str) if v})
    rows = []
    for group, part in sentences.groupby(group_col, sort=True, observed=True):
        n_sent, n_docs = len(part), int(part[doc_col].nunique())
        items: list[tuple[str, str, int]] = [
            ("source", c, int(part[f"source_{c}"].sum())) for c in lex.categories
        ]
        items.append(("quote", "direct_quote", int(part["has_quote"].sum())))
        items.append(("quote", "attributed", int(part["attributed"].sum())))
        counts = part["attribution_verb"].dropna().astype(str).value_counts()
        items.extend(("attribution_verb", v, int(counts.get(v, 0))) for v in verbs_seen)
        for measure, item, k in items:
            rows.append((group, measure, item, k, k / n_sent if n_sent else np.nan, n_sent, n_docs))
    table = pd.DataFrame(rows, columns=[group_col, *SOURCING_TABLE_COLUMNS])
    order = {"source": 0, "quote": 1, "attribution_verb": 2}
    return (
        table.assign(_m=table["measure"].map(order))
        .sort_values([group_col, "_m", "item"], kind="stable")
        .drop(columns="_m")
        .reset_index(drop=True)
    )
