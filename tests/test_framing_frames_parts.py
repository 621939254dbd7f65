"""analysis.framing.frames: a long frame alternation run as several parts gives the same flags.

``pattern_parts`` splits a frame's alternation (RE2's DFA can run out of memory on a very long
one and fall back to a slow engine); a text contains a match of ``A|B`` exactly when it contains
one of ``A`` or of ``B``. Checked on the bundled and the story's codebooks, with the real limit
and with a tiny one that splits every frame into many parts, on made-up and seed sentences.
"""

from __future__ import annotations

import random

import numpy as np
import pytest
from framing_sentences import ROWS, STORY_CODEBOOK

from analysis import load_corpus
from analysis.config import default_corpus_dir
from analysis.framing.codebook import load_codebook
from analysis.framing.frames import (
    MAX_PART_CHARS,
    frame_matrix,
    pattern_parts,
    regex_contains,
    regex_mask,
    to_arrow,
)

_TEXT = (
    "trade war tariffs retaliation supply chains diversify rare earth magnets export controls "
    "national security truce talks de-escalation prices markets sovereignty uncertain sceptic "
    "Beijing Washington victims families moral responsibility blame costs jobs mining refining "
    "alternative suppliers Lynas MP Materials stockpile leverage chokehold weaponise dominance"
)
WORDS = _TEXT.split(" ")


def _sentences() -> list[str]:
    rng = random.Random(11)
    made_up = [" ".join(rng.choices(WORDS, k=rng.randint(3, 18))) for _ in range(1500)]
    seeds = load_corpus(default_corpus_dir()).sentences["sentence"].tolist()
    return [str(row[0]) for row in ROWS] + seeds + made_up


SENTENCES = _sentences()


def _single_pattern_flags(book, texts) -> dict[str, np.ndarray]:
    out = {}
    for frame in book.frames:
        masked = texts
        if frame.exclusion_pattern() is not None:
            masked = regex_mask(texts, frame.exclusion_pattern())
        out[frame.key] = regex_contains(masked, frame.pattern())
    return out


@pytest.mark.parametrize("codebook", [None, STORY_CODEBOOK], ids=["bundled", "story"])
@pytest.mark.parametrize("max_chars", [MAX_PART_CHARS, 300])
def test_parts_give_the_flags_of_the_whole_pattern(codebook, max_chars: int) -> None:
    book = load_codebook(codebook)
    texts = to_arrow(SENTENCES)
    expected = _single_pattern_flags(book, texts)
    n_flagged = 0
    for frame in book.frames:
        masked = texts
        if frame.exclusion_pattern() is not None:
            masked = regex_mask(texts, frame.exclusion_pattern())
        parts = pattern_parts(frame, max_chars)
        if max_chars == 300 and len(frame.pattern()) > 600:
            assert len(parts) > 1
        flags = np.zeros(len(SENTENCES), dtype=bool)
        for part in parts:
            flags |= regex_contains(masked, part)
        assert np.array_equal(flags, expected[frame.key]), frame.key
        n_flagged += int(flags.sum())
    assert n_flagged > 0


def test_story_codebook_has_a_frame_that_is_split_and_matrix_agrees() -> None:
    book = load_codebook(STORY_CODEBOOK)
    assert any(len(pattern_parts(f)) > 1 for f in book.frames)
    matrix = frame_matrix(SENTENCES, book)
    expected = _single_pattern_flags(book, to_arrow(SENTENCES))
    for key, flags in expected.items():
        assert np.array_equal(matrix[key].to_numpy(), flags), key


def test_alternatives_join_to_the_pattern_matches() -> None:
    book = load_codebook(STORY_CODEBOOK)
    texts = to_arrow(SENTENCES)
    for frame in book.frames:
        joined = "|".join(frame.pattern_alternatives())
        assert np.array_equal(regex_contains(texts, joined), regex_contains(texts, frame.pattern()))
