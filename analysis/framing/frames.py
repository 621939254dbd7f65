"""Which codebook frames each sentence uses, and which indicator terms fired.

:func:`frame_matrix` is the per-sentence measure (one boolean column per frame key); it runs each
frame's single compiled alternation over the whole column at once with pyarrow's RE2 kernels, so
its cost per sentence stays in the microseconds. :func:`frame_hits` lists every indicator that
fired (the audit trail behind each number) and runs Python's ``re`` only over sentences that the
matrix already flagged. Both apply the same exclusion masking, and the test suite checks that
they agree. The codebook format is described in :mod:`analysis.framing.codebook`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from analysis.framing.codebook import Codebook, Frame, load_codebook
from analysis.lexicon import arrow_column

HIT_COLUMNS = ["row", "frame", "term", "matched"]


def _as_list(sentences: Iterable[str] | pd.Series | pa.Array) -> list[str]:
    if isinstance(sentences, str):
        raise TypeError("pass a sequence of sentences, not a single string")
    if isinstance(sentences, pd.Series | pa.Array):
        values = sentences.tolist() if isinstance(sentences, pd.Series) else sentences.to_pylist()
    else:
        values = list(sentences)
    return ["" if v is None or (isinstance(v, float) and np.isnan(v)) else str(v) for v in values]


def to_arrow(sentences: Iterable[str] | pd.Series | pa.Array) -> pa.Array:
    """The sentences as one pyarrow string array (missing values as empty strings); an array
    from this function is returned as it is, so a caller converts a column once for every
    measure.

    A pandas text column stored by pyarrow (pandas' default text dtype) is taken as its arrow
    data (:func:`analysis.lexicon.arrow_column`)."""
    column = arrow_column(sentences)
    if column is not None:
        sentences = column.fill_null("")
    if (
        isinstance(sentences, pa.Array)
        and pa.types.is_large_string(sentences.type)
        and sentences.null_count == 0
    ):
        return sentences
    return pa.array(_as_list(sentences), type=pa.large_string())


@lru_cache(maxsize=256)
def _compiled(pattern: str, ignore_case: bool = True) -> re.Pattern[str]:
    return re.compile(pattern, (re.IGNORECASE if ignore_case else 0) | re.ASCII)


def regex_contains(texts: pa.Array, pattern: str, *, ignore_case: bool = True) -> np.ndarray:
    """Boolean array: does each text match ``pattern``? (RE2 via pyarrow; ASCII ``\\w``)"""
    return (
        pc.match_substring_regex(texts, pattern, ignore_case=ignore_case)
        .to_numpy(zero_copy_only=False)
        .astype(bool)
    )


def regex_first(texts: pa.Array, pattern: str, *, ignore_case: bool = True) -> list[str | None]:
    """The leftmost match of ``pattern`` in each text, or None."""
    flags = "(?i)" if ignore_case else ""
    found = pc.extract_regex(texts, f"{flags}(?P<m>{pattern})")
    return pc.struct_field(found, "m").to_pylist()


def regex_mask(texts: pa.Array, pattern: str) -> pa.Array:
    """Replace every match of ``pattern`` with a space (exclusions are masked this way)."""
    return pc.replace_substring_regex(texts, "(?i)" + pattern, " ")


def regex_count(texts: pa.Array, pattern: str, *, ignore_case: bool = True) -> np.ndarray:
    """Number of non-overlapping matches of ``pattern`` in each text."""
    return (
        pc.count_substring_regex(texts, pattern, ignore_case=ignore_case)
        .to_numpy(zero_copy_only=False)
        .astype(np.int64)
    )


def trim_match(matched: str, term: str) -> str:
    """``matched`` without the one neighbouring character that a Unicode-aware edge consumes.

    A term with a non-ASCII letter at an edge ("café") is bounded by a character that is not a
    letter (see :mod:`analysis.lexicon`), which the match includes; an edge of the term that is
    a letter or digit never matches a non-alphanumeric character, so that one is dropped.
    """
    written = term.lstrip("=").rstrip("*")
    if matched and written and written[0].isalnum() and not matched[0].isalnum():
        matched = matched[1:]
    if matched and written and written[-1].isalnum() and not matched[-1].isalnum():
        matched = matched[:-1]
    return matched


# A frame's alternation longer than this is run as several shorter ones (see pattern_parts).
MAX_PART_CHARS = 7000


@lru_cache(maxsize=256)
def pattern_parts(frame: Frame, max_chars: int = MAX_PART_CHARS) -> tuple[str, ...]:
    """The frame's indicator alternation (:meth:`Frame.pattern`) as one or more alternations
    whose matches together are exactly its matches, each at most about ``max_chars`` long.

    A text contains a match of ``A|B`` exactly when it contains a match of ``A`` or of ``B``, so
    the flags are the same; a very long alternation can exhaust RE2's DFA memory and fall back
    to its much slower NFA (a 9.4k-character frame took ten times as long as a 7k one), which
    shorter ones do not. The top-level alternatives (the stem group, each phrase) are packed, in
    order, into ``ceil(length / max_chars)`` parts of similar length.
    """
    whole = frame.pattern()
    if len(whole) <= max_chars:
        return (whole,)
    items = frame.pattern_alternatives()
    n_parts = -(-len(whole) // max_chars)
    target = len(whole) / n_parts
    parts: list[list[str]] = [[]]
    size = 0
    for item in items:
        if parts[-1] and size + len(item) > target and len(parts) < n_parts:
            parts.append([])
            size = 0
        parts[-1].append(item)
        size += len(item) + 1
    return tuple("|".join(part) for part in parts)


def _contains_any(texts: pa.Array, parts: Sequence[str]) -> np.ndarray:
    flags = regex_contains(texts, parts[0])
    for part in parts[1:]:
        flags |= regex_contains(texts, part)
    return flags


def masked_rows(texts: pa.Array, exclusions: Sequence[str]) -> np.ndarray:
    """Positions of the texts in which any of ``exclusions`` matches (as :func:`regex_mask`
    matches them, ignoring case): the only rows that masking can change.

    The exclusions are tried as few long alternations (a text contains a match of ``A|B``
    exactly when it contains one of ``A`` or of ``B``), each at most about
    :data:`MAX_PART_CHARS` long, so one pass over the column usually answers for all of them.
    """
    found = np.zeros(len(texts), dtype=bool)
    for part in _packed(tuple(f"(?:{e})" for e in exclusions)):
        found |= regex_contains(texts, "(?i)" + part, ignore_case=False)
    return np.flatnonzero(found)


def _packed(items: tuple[str, ...], max_chars: int = MAX_PART_CHARS) -> list[str]:
    """``items`` joined with ``|`` into alternations of at most about ``max_chars`` each."""
    parts: list[list[str]] = []
    size = 0
    for item in items:
        if not parts or (parts[-1] and size + len(item) > max_chars):
            parts.append([])
            size = 0
        parts[-1].append(item)
        size += len(item) + 1
    return ["|".join(part) for part in parts]


def masked_texts(texts: pa.Array, exclusion: str, rows: np.ndarray | None = None) -> pa.Array:
    """``regex_mask(texts, exclusion)``, rewriting only the texts the exclusion can change.

    ``rows`` are positions that include every text the exclusion matches (default: found with
    :func:`masked_rows`); those are masked and put back in place, the others are kept as they
    are (masking leaves a text without a match unchanged), so the result equals masking the
    whole column, and the patterns that follow still run once over one array.
    """
    if rows is None:
        rows = masked_rows(texts, [exclusion])
    if not len(rows):
        return texts
    n = len(texts)
    masked = regex_mask(texts.take(pa.array(rows, type=pa.int64())), exclusion)
    index = np.arange(n, dtype=np.int64)
    index[rows] = n + np.arange(len(rows), dtype=np.int64)
    return pa.concat_arrays([texts, masked.cast(texts.type)]).take(pa.array(index))


def frame_matrix(
    sentences: Sequence[str] | pd.Series | pa.Array, codebook: Codebook | str | None = None
) -> pd.DataFrame:
    """One boolean column per frame key, one row per input sentence, in order.

    ``codebook`` is a path to a TOML/YAML codebook, a loaded :class:`Codebook`, or None for the
    bundled one. A sentence has a frame when any of the frame's indicators matches after the
    frame's exclusions are masked out.

    Masking leaves a text in which no exclusion matches as it is, so only the few texts in
    which some exclusion matches (:func:`masked_rows`, one pass for all frames) are masked, per
    frame (:func:`masked_texts`): the same flags as masking every text, without rewriting the
    whole column once per frame.
    """
    book = load_codebook(codebook)
    texts = to_arrow(sentences)
    n = len(texts)
    exclusions = {f.key: f.exclusion_pattern() for f in book.frames}
    rows = masked_rows(texts, [e for e in exclusions.values() if e is not None])
    data = {}
    for frame in book.frames:
        exclusion = exclusions[frame.key]
        masked = texts if exclusion is None else masked_texts(texts, exclusion, rows)
        data[frame.key] = _contains_any(masked, pattern_parts(frame))
    return pd.DataFrame(data, index=pd.RangeIndex(n), columns=book.keys).astype(bool)


@lru_cache(maxsize=64)
def _hit_regex(frame: Frame) -> tuple[re.Pattern[str], re.Pattern[str] | None, tuple[str, ...]]:
    order = sorted(
        range(len(frame.indicators)),
        key=lambda i: (-len(frame.indicators[i].split()), -len(frame.indicator_patterns[i]), i),
    )
    pattern = "|".join(f"({frame.indicator_patterns[i]})" for i in order)
    exclusion = frame.exclusion_pattern()
    return (
        _compiled(pattern),
        _compiled(exclusion) if exclusion else None,
        tuple(frame.indicators[i] for i in order),
    )


def frame_hits(
    sentences: Sequence[str] | pd.Series, codebook: Codebook | str | None = None
) -> pd.DataFrame:
    """Every indicator that fired: one row per (sentence, frame, term).

    Columns: ``row`` (position of the sentence in the input), ``frame`` (key), ``term`` (the
    indicator as written in the codebook) and ``matched`` (the first text it matched). Phrases
    are tried before single words, so "trade war" is reported rather than "war" inside it.
    Sorted by row, then codebook frame order, then term.
    """
    book = load_codebook(codebook)
    values = _as_list(sentences)
    flags = frame_matrix(values, book)
    rows: list[tuple[int, str, str, str]] = []
    for frame_index, frame in enumerate(book.frames):
        rx, exclusion, terms = _hit_regex(frame)
        for row in np.flatnonzero(flags[frame.key].to_numpy()):
            text = values[row]
            if exclusion is not None:
                text = exclusion.sub(" ", text)
            found: dict[str, str] = {}
            for match in rx.finditer(text):
                term = terms[match.lastindex - 1]
                found.setdefault(term, trim_match(match.group(0), term))
            for term in sorted(found):
                rows.append((int(row), frame_index, term, found[term]))
    hits = pd.DataFrame(rows, columns=["row", "frame_index", "term", "matched"])
    hits = hits.sort_values(["row", "frame_index", "term"], kind="stable")
    hits["frame"] = [book.keys[i] for i in hits["frame_index"]]
    return hits[HIT_COLUMNS].reset_index(drop=True)
