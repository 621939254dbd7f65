"""Hedging and certainty: how tentatively or firmly each outlet states things.

Per sentence, :func:`hedging_counts` counts hedges ("reportedly", "may", "could", "appears to",
"according to", "expected to", ...) and certainty markers, also called boosters ("clearly",
"never", "must", "in fact", "undoubtedly", ...). The word lists are data,
``analysis/data/hedges.toml`` (after Hyland's hedges and boosters, adapted to news copy), and
each list compiles (with :mod:`analysis.lexicon`) to one regular expression counted over the whole
column with pyarrow's RE2 kernels.

Ambiguities are handled in the lexicon rather than in code: the modal "may" is matched in lower
case only, so the month ("in May", "May 2025") is not a hedge, with a narrow pattern for a
sentence-initial modal "May be ..."; future "will" is not a booster (in news it mostly states a
schedule; see the lexicon's comment for what it did to the counts), and a list that counts it
masks its noun uses ("political will") with ``exclusions`` before counting. A marker inside a
quotation counts for the outlet that chose to print it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

from analysis.config import DATA_DIR, N_BOOT, SEED
from analysis.framing.frames import masked_rows, masked_texts, regex_count, to_arrow
from analysis.lexicon import (
    LexiconError,
    alternation,
    longest_first,
    pattern_list,
    phrase_pattern,
    read_toml,
    word_list,
)
from analysis.stats.bootstrap import bootstrap_ci

DEFAULT_HEDGES = DATA_DIR / "hedges.toml"
MEASURES = ("hedges", "certainty")
HEDGING_TABLE_COLUMNS = [
    "measure",
    "per_1000_words",
    "ci_low",
    "ci_high",
    "share_sentences",
    "n_docs",
    "n_sentences",
    "n_words",
]


@dataclass(frozen=True)
class MarkerList:
    """One compiled list (hedges or certainty)."""

    pattern: str  # case handled inside the pattern: (?i:...) for terms
    exclusion: str | None


def _compile_list(spec: dict, where: str) -> MarkerList:
    terms = word_list(spec.get("terms", []), where=where, name="terms")
    exact = word_list(
        spec.get("case_sensitive", []), where=where, name="case_sensitive", ignore_case=False
    )
    patterns = pattern_list(spec.get("patterns", []), where=where, name="patterns")
    exclusions = word_list(spec.get("exclusions", []), where=where, name="exclusions")
    parts = []
    if terms:
        parts.append(alternation(map(phrase_pattern, longest_first(terms)), ignore_case=True))
    if exact:
        parts.append(alternation(map(phrase_pattern, exact)))
    parts.extend(patterns)
    if not parts:
        raise LexiconError(f"{where}: no terms, case_sensitive words or patterns")
    exclusion = alternation(map(phrase_pattern, exclusions), group=False) if exclusions else None
    return MarkerList(pattern="|".join(parts), exclusion=exclusion)


@lru_cache(maxsize=8)
def load_hedges(path: str | None = None) -> dict[str, MarkerList]:
    """Load and compile the hedge and certainty lists (default: bundled ``hedges.toml``).

    Raises :class:`analysis.lexicon.LexiconError` naming the file, the list and the entry.
    """
    file = Path(path) if path is not None else DEFAULT_HEDGES
    data = read_toml(file, "hedging lexicon")
    out = {}
    for measure in MEASURES:
        spec = data.get(measure)
        if not isinstance(spec, dict):
            raise LexiconError(f"hedging lexicon {file}: needs a [{measure}] table")
        out[measure] = _compile_list(spec, f"hedging lexicon {file}: [{measure}]")
    return out


def hedging_counts(
    sentences: list[str] | pd.Series | pa.Array, lexicon: str | Path | None = None
) -> pd.DataFrame:
    """``n_hedges`` and ``n_certainty`` per sentence (one row per input, in order)."""
    lists = load_hedges(str(lexicon) if lexicon is not None else None)
    texts = to_arrow(sentences)
    counts = {}
    measures = (("hedges", "n_hedges"), ("certainty", "n_certainty"))
    # the texts either list's exclusions match, found in one pass for both
    exclusions = [lists[m].exclusion for m, _ in measures if lists[m].exclusion]
    rows = masked_rows(texts, exclusions) if exclusions else None
    for measure, column in measures:
        marker = lists[measure]
        masked = masked_texts(texts, marker.exclusion, rows) if marker.exclusion else texts
        counts[column] = regex_count(masked, marker.pattern, ignore_case=False)
    return pd.DataFrame(counts, index=pd.RangeIndex(len(texts))).astype(np.int64)


def hedging_table(
    sentences: pd.DataFrame,
    group_col: str = "outlet",
    *,
    n_boot: int = N_BOOT,
    seed: int = SEED,
    doc_col: str = "doc_id",
) -> pd.DataFrame:
    """Hedges and certainty markers per 1,000 words per group, with bootstrap CIs.

    Columns: ``<group_col>, measure, per_1000_words, ci_low, ci_high, share_sentences, n_docs,
    n_sentences, n_words``; ``share_sentences`` is the share of sentences with at least one
    marker. The CI is :func:`analysis.stats.bootstrap.bootstrap_ci` (documents, then sentences,
    resampled).
    """
    needed = [group_col, doc_col, "n_words", "n_hedges", "n_certainty"]
    missing = [c for c in needed if c not in sentences.columns]
    if missing:
        from analysis.framing.tables import missing_columns_hint

        raise KeyError(f"hedging_table: missing columns {missing}; {missing_columns_hint(missing)}")
    frames = []
    words = sentences.groupby(group_col, sort=True, observed=True)["n_words"].sum()
    for measure, column in (("hedges", "n_hedges"), ("certainty", "n_certainty")):
        rate = bootstrap_ci(
            sentences,
            column,
            group_col,
            doc_col=doc_col,
            denom_col="n_words",
            scale=1000,
            n_boot=n_boot,
            seed=seed,
        )
        share = (sentences[column] > 0).groupby(sentences[group_col], sort=True).mean()
        rate = rate.rename(columns={"estimate": "per_1000_words"})
        rate["measure"] = measure
        rate["share_sentences"] = rate[group_col].map(share).astype(float)
        rate["n_words"] = rate[group_col].map(words).astype(np.int64)
        frames.append(rate)
    table = pd.concat(frames, ignore_index=True)
    table = table.sort_values([group_col, "measure"], kind="stable").reset_index(drop=True)
    return table[[group_col, *HEDGING_TABLE_COLUMNS]]
