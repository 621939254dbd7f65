"""analysis.framing.frames: ``frame_matrix`` with compiled RE2 patterns gives pyarrow's flags.

``frame_matrix`` matches all frames of a codebook with one RE2 set compiled once per process
(:class:`FrameMatcher`), masking exclusions only in the rows where one matches. The flags must
be exactly those of the previous implementation, which ran every pattern through pyarrow's RE2
kernels (kept as ``_frame_matrix_arrow``): these tests compare the two on the seed corpus, on
made-up and Hypothesis-generated sentences built from the codebooks' own indicator and exclusion
terms (with case changes, punctuation and non-ASCII text), with every codebook the other tests
use, and on the paths that are rarely taken: a set RE2 cannot compile, a set whose DFA runs out
of memory (RE2 then answers "no match"), a lone surrogate, empty input.
"""

from __future__ import annotations

import multiprocessing
import random
import tomllib

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pytest
import re2
from conftest import STORY_LEXICONS
from framing_sentences import ROWS, STORY_CODEBOOK
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import load_corpus
from analysis.config import DATA_DIR, default_corpus_dir
from analysis.framing import frames
from analysis.framing.codebook import Codebook, CodebookError, load_codebook, parse_codebook
from analysis.framing.frames import (
    FrameMatcher,
    _frame_matrix_arrow,
    frame_matcher,
    frame_matrix,
    mask_bytes,
    to_arrow,
)
from analysis.lexicon import re2_options, utf8_values
from analysis.settings import check_lexicons, resolve_lexicons

# Codebooks the other tests use, written out here so that a Hypothesis test needs no files.
MODES = """
[[frames]]
key = "calendar"
label = "Calendar"
indicators = [{ term = "March", case = "sensitive" }, { term = "police", match = "exact" }, "=May"]
exclusions = [{ term = "May Day", case = "sensitive" }]
"""
SHARED = """
exclusions = ["fire drill"]

[exclusion_lists]
sports = ["shooting guard"]

[[frames]]
key = "guns"
label = "Guns"
indicators = ["shooting", "fire", "gun violence"]
exclusion_lists = ["sports"]

[[frames]]
key = "disaster"
label = "Disaster"
indicators = ["fire", "guard"]
"""
WEATHER = {
    "frames": [
        {
            "key": "weather",
            "label": "Weather",
            "indicators": ["rain", "sunny spell"],
            "exclusions": ["rain check"],
        }
    ]
}
UNICODE = {
    "frames": [
        {"key": "food", "label": "Food", "indicators": ["café", "naïve", "Zürich", "=straße"]},
        {"key": "tariffs", "label": "Tariffs", "indicators": ["关税"], "exclusions": ["关税区"]},
    ]
}


def _books() -> dict[str, Codebook]:
    return {
        "bundled": load_codebook(None),
        "story": load_codebook(STORY_CODEBOOK),
        "template": load_codebook(DATA_DIR / "codebook_template.toml"),
        "gvfc": load_codebook(DATA_DIR / "examples" / "gvfc_codebook.toml"),
        "modes": parse_codebook(tomllib.loads(MODES)),
        "shared": parse_codebook(tomllib.loads(SHARED)),
        "weather": parse_codebook(WEATHER),
        "unicode": parse_codebook(UNICODE),
    }


BOOKS = _books()


def _term_text(term: str) -> str:
    """An indicator or exclusion as written in a codebook, as it could appear in a text."""
    return term.lstrip("=").replace("*", "ce")


TERMS = sorted(
    {
        _term_text(t)
        for book in BOOKS.values()
        for f in book.frames
        for t in (*f.indicators, *f.exclusions)
    }
)
WORDS = (
    "the", "a", "of", "said", "talks", "cost", "costume", "fund", "fundamental", "warn", "ward",
    "policy", "polices", "March", "MAY", "de", "escalation", "re", "anti", "non", "ing", "s",
    "café", "caféine", "écafé", "Zürich", "关税", "关税区", "美国对", "straße", "STRASSE", "ſ",
    "K", "İ", "ı", "ǅ", "ﬁ", "😀", "e\u0301", "\u00a0", "\u200b", "Ɐ", "ꟍ", "\u0264",
)  # fmt: skip
SUFFIXES = ("", "", "", "s", "es", "ed", "ing", "ation", "er", "ly", "'s", "’s", "é", "x")
PUNCTUATION = (" ", " ", " ", "", "-", "–", "—", ", ", ". ", "\n", "\t", "'", "’", "“", "(", "/")
CASES = (str, str, str.upper, str.lower, str.title, str.swapcase)


def _sentence(rng: random.Random, k: int) -> str:
    out = []
    for _ in range(k):
        piece = rng.choice(TERMS) if rng.random() < 0.6 else rng.choice(WORDS)
        out.append(rng.choice(CASES)(piece + rng.choice(SUFFIXES)) + rng.choice(PUNCTUATION))
    return "".join(out)


def _assert_same(sentences, book: Codebook) -> pd.DataFrame:
    new = frame_matrix(sentences, book)
    old = _frame_matrix_arrow(sentences, book)
    assert list(new.columns) == list(old.columns) == book.keys
    assert all(str(dtype) == "bool" for dtype in new.dtypes)
    pd.testing.assert_frame_equal(new, old)
    return new


def _seed_sentences() -> list[str]:
    seeds = load_corpus(default_corpus_dir()).sentences["sentence"].tolist()
    return [str(row[0]) for row in ROWS] + seeds


SEEDS = _seed_sentences()


@pytest.mark.parametrize("name", ["bundled", "story"])
def test_seed_corpus_flags_equal_pyarrows(name: str) -> None:
    flags = _assert_same(SEEDS, BOOKS[name])
    assert flags.to_numpy().sum() > 20  # the comparison covers flagged sentences


@pytest.mark.parametrize("name", sorted(BOOKS))
def test_made_up_sentences_equal_pyarrows(name: str) -> None:
    rng = random.Random(len(name))
    sentences = ["", " ", *TERMS, *(_sentence(rng, rng.randint(1, 14)) for _ in range(1500))]
    book = BOOKS[name]
    flags = _assert_same(sentences, book)
    assert 0 < flags.to_numpy().sum() < flags.size
    # the comparison covers rows where the set's answer is replaced after masking
    matcher = frame_matcher(book)
    if matcher.exclusions:
        rows = frames.masked_rows(
            to_arrow(sentences), [f.exclusion_pattern() for f in book.frames if f.exclusions]
        )
        assert len(rows) > 0


@settings(max_examples=80, deadline=None)
@given(
    name=st.sampled_from(sorted(BOOKS)),
    seed=st.integers(0, 2**32 - 1),
    sizes=st.lists(st.integers(0, 16), max_size=12),
    extra=st.lists(st.text(max_size=20), max_size=3),
)
def test_generated_sentences_equal_pyarrows(name: str, seed: int, sizes, extra) -> None:
    rng = random.Random(seed)
    sentences = [_sentence(rng, k) for k in sizes]
    # arbitrary Unicode (without lone surrogates, which neither version accepts) around terms
    sentences += [
        t + " " + rng.choice(TERMS) + " " + t for t in extra if t.encode("utf-8", "ignore")
    ]
    sentences = [s for s in sentences if not any(0xD800 <= ord(c) <= 0xDFFF for c in s)]
    _assert_same(sentences, BOOKS[name])


@pytest.mark.parametrize("name", ["bundled", "story", "shared"])
def test_empty_input_and_empty_strings(name: str) -> None:
    book = BOOKS[name]
    for sentences in ([], ["", "", ""], [None, "", float("nan")], pd.Series([], dtype="str")):
        flags = _assert_same(sentences, book)
        assert not flags.to_numpy().any()
        assert len(flags) == len(sentences)


def test_arrow_inputs_with_an_offset_and_nulls() -> None:
    book = BOOKS["story"]
    rng = random.Random(3)
    values = [_sentence(rng, 8) for _ in range(60)]
    array = pa.array(values, type=pa.large_string())
    _assert_same(array.slice(17, 25), book)
    _assert_same(pa.array([None, *values[:5], None], type=pa.string()), book)
    column = pd.Series([None, *values[:20]], dtype="str")
    _assert_same(column.iloc[3:], book)
    assert utf8_values(array.slice(17, 25)) == [v.encode() for v in values[17:42]]


def test_a_lone_surrogate_raises_as_before() -> None:
    book = BOOKS["story"]
    for sentences in (["trade war", "bad \ud800 text"], pd.Series(["x", "\udfff"], dtype=object)):
        with pytest.raises(UnicodeEncodeError):
            _frame_matrix_arrow(sentences, book)
        with pytest.raises(UnicodeEncodeError):
            frame_matrix(sentences, book)


MASK_PATTERNS = (
    "", "a*", "x?", r"\b", r"\B", "ab|", "(?:é)*", "a", "ab", "[^a]", ".", "é|", "^", "$",
    r"\s*", "ta|t", "关*", "(?:de[-\\s]+)?escalat(?:e|ion)",
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(
    pattern=st.sampled_from(MASK_PATTERNS),
    text=st.text(alphabet=st.sampled_from("aAbtTx é关😀-\n'ſK"), max_size=12)
    | st.text(max_size=12).filter(lambda t: not any(0xD800 <= ord(c) <= 0xDFFF for c in t)),
)
def test_masking_equals_pyarrows_replace(pattern: str, text: str) -> None:
    # RE2's GlobalReplace, including empty matches next to a previous match; compared as bytes,
    # since an empty match of \B between the bytes of one character leaves invalid UTF-8 in both
    regex = re2.compile("(?i)" + pattern, re2_options(ignore_case=False, max_mem=8 << 20))
    masked = pc.replace_substring_regex(pa.array([text]), "(?i)" + pattern, " ")
    assert mask_bytes(regex, text.encode()) == masked.cast(pa.binary())[0].as_py()


def test_the_set_answers_with_its_sentinel_on_every_text() -> None:
    # the premise of the failure check: a set that ran answers with index 0 on any text
    matcher = FrameMatcher(BOOKS["story"].frames)
    assert matcher.set is not None
    for text in (b"", b"nothing here", b"a trade war and tariffs", "关税 😀".encode()):
        assert 0 in matcher.set.Match(text)


def test_a_set_that_does_not_compile_is_not_used(tmp_path) -> None:
    # RE2 refuses the story's set within 1 MiB: every sentence is matched pattern by pattern
    book = BOOKS["story"]
    matcher = FrameMatcher(book.frames, set_max_mem=1 << 20)
    assert matcher.set is None
    rng = random.Random(8)
    sentences = SEEDS + [_sentence(rng, 10) for _ in range(300)]
    expected = _frame_matrix_arrow(sentences, book).to_numpy()
    assert np.array_equal(matcher.flags(utf8_values(to_arrow(sentences))), expected)


class _FailingSet:
    """A set whose DFA runs out of memory on some texts: RE2 then returns no match at all."""

    def __init__(self, real: re2.Set) -> None:
        self.real = real
        self.failed = 0

    def Match(self, text: bytes) -> list[int] | None:  # the binding's name
        if len(text) % 3 == 0:
            self.failed += 1
            return None
        return self.real.Match(text)


@pytest.mark.parametrize("name", ["bundled", "story", "shared"])
def test_texts_the_set_fails_on_are_matched_pattern_by_pattern(name: str) -> None:
    book = BOOKS[name]
    matcher = FrameMatcher(book.frames)
    failing = _FailingSet(matcher.set)
    matcher.set = failing
    rng = random.Random(4)
    sentences = SEEDS + [_sentence(rng, 10) for _ in range(600)]
    expected = _frame_matrix_arrow(sentences, book).to_numpy()
    flags = matcher.flags(utf8_values(to_arrow(sentences)))
    assert failing.failed > 100
    assert expected.any()
    assert np.array_equal(flags, expected)


def test_a_pattern_re2_cannot_compile_is_a_codebook_error() -> None:
    with pytest.raises(CodebookError, match="frame 'conflict': RE2 cannot compile"):
        FrameMatcher(BOOKS["story"].frames, max_mem=1 << 10)


def test_compiled_once_per_codebook_and_reused() -> None:
    frames._frame_matcher.cache_clear()
    first = frame_matcher(STORY_CODEBOOK)
    assert frame_matcher(load_codebook(STORY_CODEBOOK)) is first
    assert frame_matcher(str(STORY_CODEBOOK)) is first
    assert frame_matcher(None) is not first
    misses = frames._frame_matcher.cache_info().misses
    frame_matrix(SEEDS[:50], STORY_CODEBOOK)
    frame_matrix(SEEDS[50:], load_codebook(STORY_CODEBOOK))
    assert frames._frame_matcher.cache_info().misses == misses


def test_checking_the_lexicons_compiles_the_codebook() -> None:
    frames._frame_matcher.cache_clear()
    lexicons = resolve_lexicons(default_corpus_dir())
    assert lexicons.codebook == (STORY_LEXICONS / "frames.toml").resolve()
    check_lexicons(lexicons)
    assert frames._frame_matcher.cache_info().currsize == 1
    frame_matrix(SEEDS, lexicons.codebook)
    assert frames._frame_matcher.cache_info().misses == 1


def _child_flags(queue) -> None:
    before = frames._frame_matcher.cache_info().misses
    flags = frame_matrix(SEEDS, STORY_CODEBOOK).to_numpy()
    queue.put((frames._frame_matcher.cache_info().misses - before, flags))


@pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="needs the fork start method"
)
def test_a_forked_worker_uses_the_compiled_set() -> None:
    frame_matcher(STORY_CODEBOOK)
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    child = context.Process(target=_child_flags, args=(queue,))
    child.start()
    compiled, flags = queue.get(timeout=60)
    child.join(timeout=60)
    assert child.exitcode == 0
    assert compiled == 0  # nothing compiled in the worker
    assert np.array_equal(flags, _frame_matrix_arrow(SEEDS, STORY_CODEBOOK).to_numpy())
