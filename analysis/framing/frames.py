"""Which codebook frames each sentence uses, and which indicator terms fired.

:func:`frame_matrix` is the per-sentence measure (one boolean column per frame key); it runs all
frames' alternations over each sentence in one pass with a compiled RE2 set (Google's ``re2``
binding), compiled once per process and codebook (:func:`frame_matcher`) rather than once per
call, so its cost per sentence stays in the microseconds and a chunk pays no compilation.
:func:`frame_hits` lists every indicator that fired (the audit trail behind each number) and
runs Python's ``re`` only over sentences that the matrix already flagged. Both apply the same
exclusion masking, and the test suite checks that they agree. The codebook format is described
in :mod:`analysis.framing.codebook`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import chain
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import re2

from analysis.framing.codebook import Codebook, CodebookError, Frame, load_codebook
from analysis.lexicon import arrow_column, re2_options, sentinel_set, set_matches, utf8_values

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


def _frame_matrix_arrow(
    sentences: Sequence[str] | pd.Series | pa.Array, codebook: Codebook | str | None = None
) -> pd.DataFrame:
    """:func:`frame_matrix` as it was computed with pyarrow's RE2 kernels (each pattern compiled
    again for every call): the reference the tests compare the compiled-set version with.

    Only the few texts in which some exclusion matches (:func:`masked_rows`, one pass for all
    frames) are masked, per frame (:func:`masked_texts`).
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


# RE2's memory budget for each compiled frame pattern and for the set of all of them. It caps
# the program and the DFA's state cache (which grows only as texts need states); RE2 sets fail
# to compile under pyarrow's default of 8 MiB with the story's twelve frames (16 MiB is enough).
RE2_MAX_MEM = 64 << 20


def _utf8_len(lead: int) -> int:
    """Bytes of the UTF-8 character whose first byte is ``lead``."""
    return 1 if lead < 0xC0 else 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4


def mask_bytes(regex: re2._Regexp, text: bytes) -> bytes:
    """Every match of ``regex`` in ``text`` (UTF-8) replaced with a space, exactly as RE2's
    ``GlobalReplace`` does it for pyarrow's ``replace_substring_regex`` (:func:`regex_mask`).

    Matches are found left to right from the end of the previous one; an empty match right at
    the end of the previous match is not replaced (one character is copied and the search
    moves on), which is where ``GlobalReplace`` differs from Python's ``re.sub``.
    """
    out: list[bytes] = []
    end_of_text = len(text)
    pos = 0
    last_end = -1
    count = 0
    while pos <= end_of_text:
        found = regex.search(text, pos)
        if found is None:
            break
        start, end = found.span()
        if pos < start:
            out.append(text[pos:start])
        if start == end == last_end:
            step = _utf8_len(text[pos]) if pos < end_of_text else 1
            out.append(text[pos : pos + step])
            pos += step
            continue
        out.append(b" ")
        pos = last_end = end
        count += 1
    if count == 0:
        return text
    if pos < end_of_text:
        out.append(text[pos:])
    return b"".join(out)


class FrameMatcher:
    """The compiled RE2 objects of one codebook's frames, built once and reused for every batch
    of sentences (:func:`frame_matcher` keeps one per codebook in each process).

    * one RE2 set of every frame's indicator alternation (its :func:`pattern_parts`, matched
      ignoring case, as :func:`regex_contains` does) and every distinct exclusion (``(?i)``, as
      :func:`regex_mask` does), so one pass over a sentence tells which frames' indicators and
      which exclusions match in it;
    * each exclusion compiled on its own, for the few sentences in which one matches: the
      frame's exclusion is masked (:func:`mask_bytes`) and the set run again over the masked
      text (masking can also create a match, by joining the words of a phrase across the masked
      gap); its answer for the frames that mask that exclusion replaces the first one.

    RE2 sets do not fall back to a slower engine: when the DFA runs out of memory, ``Match``
    returns no match at all and the binding cannot tell that from a miss. The set therefore
    holds a sentinel, an empty pattern that matches every text; an answer without it is a
    failure, and that sentence is matched pattern by pattern, each part compiled on its own
    (single RE2 objects fall back to their NFA, so their answers are always complete; compiled
    when first needed). A set that does not compile within ``set_max_mem`` (default
    ``max_mem``) is not used at all: every sentence is then matched pattern by pattern, and a
    pattern that does not compile on its own within ``max_mem`` raises :class:`CodebookError`.
    """

    def __init__(
        self, frames: tuple[Frame, ...], max_mem: int = RE2_MAX_MEM, set_max_mem: int | None = None
    ) -> None:
        self.frames = frames
        folded = re2_options(ignore_case=True, max_mem=max_mem)
        plain = re2_options(ignore_case=False, max_mem=max_mem)
        self.frame_parts: list[tuple[str, ...]] = []
        self._folded = folded
        self._parts: list[list[re2._Regexp]] | None = None
        exclusion_of: list[int | None] = []
        self.exclusions: list[re2._Regexp] = []
        exclusion_index: dict[str, int] = {}
        set_patterns: list[str] = []
        part_frame: list[int] = []
        for column, frame in enumerate(frames):
            try:
                parts = pattern_parts(frame)
                self.frame_parts.append(parts)
                exclusion = frame.exclusion_pattern()
                if exclusion is not None and exclusion not in exclusion_index:
                    exclusion_index[exclusion] = len(self.exclusions)
                    self.exclusions.append(re2.compile("(?i)" + exclusion, plain))
            except re2.error as err:
                raise CodebookError(f"frame {frame.key!r}: RE2 cannot compile it: {err}") from None
            set_patterns += parts
            part_frame += [column] * len(parts)
            exclusion_of.append(None if exclusion is None else exclusion_index[exclusion])
        self.exclusion_of = exclusion_of
        # frames that mask each exclusion
        self.masking: list[list[int]] = [[] for _ in self.exclusions]
        for column, index in enumerate(exclusion_of):
            if index is not None:
                self.masking[index].append(column)
        # set index -> column of the wide matrix: 0 the sentinel, then one per frame (for its
        # parts), then one per exclusion
        n_frames = len(frames)
        self.n_columns = 1 + n_frames + len(self.exclusions)
        self.set_columns = np.array(
            [0]
            + [1 + f for f in part_frame]
            + [1 + n_frames + e for e in range(len(self.exclusions))],
            dtype=np.int64,
        )
        self.set: re2.Set | None = self._compile_set(
            set_patterns + ["(?i)" + e for e in exclusion_index],
            max_mem if set_max_mem is None else set_max_mem,
        )
        # set index -> frame column for the indicator parts, -1 for the others
        self.set_frame = [-1] + part_frame + [-1] * len(self.exclusions)
        if self.set is None:
            self.parts  # noqa: B018 (compiled now: a pattern RE2 refuses is a codebook error)

    @property
    def parts(self) -> list[list[re2._Regexp]]:
        """Each frame's :func:`pattern_parts` compiled on its own (ignoring case), for the
        texts the set does not answer; compiled on first use."""
        if self._parts is None:
            compiled = []
            for frame, parts in zip(self.frames, self.frame_parts, strict=True):
                try:
                    compiled.append([re2.compile(part, self._folded) for part in parts])
                except re2.error as err:
                    message = f"frame {frame.key!r}: RE2 cannot compile it: {err}"
                    raise CodebookError(message) from None
            self._parts = compiled
        return self._parts

    @staticmethod
    def _compile_set(patterns: list[str], max_mem: int) -> re2.Set | None:
        """The RE2 set of the sentinel ("" at index 0) and ``patterns`` (ignoring case), or None
        when RE2 cannot compile it within ``max_mem``."""
        return sentinel_set(patterns, re2_options(ignore_case=True, max_mem=max_mem))

    def _set_frames(self, text: bytes) -> set[int] | None:
        """The frames whose indicators the set finds in ``text``, or None when the set gave no
        answer (no set, or its DFA ran out of memory: no sentinel)."""
        hits = self.set.Match(text) if self.set is not None else None
        if not hits or 0 not in hits:
            return None
        return {self.set_frame[h] for h in hits}

    def _frames_of(self, text: bytes, columns: Iterable[int]) -> dict[int, bool]:
        """Each frame of ``columns``: does it match ``text`` after its exclusion is masked?"""
        answers: dict[int | None, set[int] | None] = {}
        targets: dict[int | None, bytes] = {None: text}
        flags = {}
        for column in columns:
            index = self.exclusion_of[column]
            if index not in targets:
                targets[index] = mask_bytes(self.exclusions[index], text)
            if index not in answers:
                answers[index] = self._set_frames(targets[index])
            answer = answers[index]
            if answer is None:
                target = targets[index]
                flags[column] = any(part.search(target) is not None for part in self.parts[column])
            else:
                flags[column] = column in answer
        return flags

    def flags(self, texts: Sequence[bytes]) -> np.ndarray:
        """One row per text (UTF-8 bytes), one boolean column per frame, in frame order."""
        n, n_frames = len(texts), len(self.frames)
        if self.set is not None and n:
            wide = set_matches(self.set, texts, self.n_columns, self.set_columns)
        else:
            wide = np.zeros((n, self.n_columns), dtype=bool)
        result = wide[:, 1 : 1 + n_frames]
        # rows the set did not answer (no sentinel: DFA out of memory, or no set): every frame
        for row in np.flatnonzero(~wide[:, 0]).tolist():
            for column, flag in self._frames_of(texts[row], range(n_frames)).items():
                result[row, column] = flag
        # rows in which an exclusion matches: its frames matched again in the masked text
        excluded = wide[:, 1 + n_frames :] & wide[:, :1]
        for row in np.flatnonzero(excluded.any(axis=1)).tolist():
            columns = chain.from_iterable(
                self.masking[e] for e in np.flatnonzero(excluded[row]).tolist()
            )
            for column, flag in self._frames_of(texts[row], columns).items():
                result[row, column] = flag
        return result


@lru_cache(maxsize=16)
def _frame_matcher(frames: tuple[Frame, ...], max_mem: int) -> FrameMatcher:
    return FrameMatcher(frames, max_mem)


def frame_matcher(codebook: Codebook | Path | str | None = None) -> FrameMatcher:
    """The compiled matcher of ``codebook``'s frames (a path, a loaded :class:`Codebook` or None
    for the bundled one), built on the first call in a process and reused afterwards.

    Checking a run's lexicons calls it (:func:`analysis.settings.check_lexicons`), so the
    workers the local engine forks afterwards inherit the compiled set instead of each
    compiling it; a pattern RE2 cannot compile raises :class:`CodebookError`.
    """
    return _frame_matcher(load_codebook(codebook).frames, RE2_MAX_MEM)


def frame_matrix(
    sentences: Sequence[str] | pd.Series | pa.Array, codebook: Codebook | str | None = None
) -> pd.DataFrame:
    """One boolean column per frame key, one row per input sentence, in order.

    ``codebook`` is a path to a TOML/YAML codebook, a loaded :class:`Codebook`, or None for the
    bundled one. A sentence has a frame when any of the frame's indicators matches after the
    frame's exclusions are masked out.

    The sentences are converted as before (:func:`to_arrow`: missing values as empty strings;
    a lone surrogate, which UTF-8 cannot hold, raises ``UnicodeEncodeError``) and matched as
    UTF-8 bytes with the codebook's compiled :class:`FrameMatcher` (:func:`frame_matcher`):
    one RE2 set pass per sentence for all frames, the masked re-match only where an exclusion
    matches. RE2 is the engine of pyarrow's kernels, so the flags are those of matching each
    frame's patterns with them (:func:`_frame_matrix_arrow`, which the tests compare).
    """
    book = load_codebook(codebook)
    texts = to_arrow(sentences)
    flags = frame_matcher(book).flags(utf8_values(texts))
    data = {key: flags[:, column] for column, key in enumerate(book.keys)}
    return pd.DataFrame(data, index=pd.RangeIndex(len(texts)), columns=book.keys).astype(bool)


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
