"""Near-copies by containment: a text that is a part of another (a wire story trimmed to its
first paragraphs, an update the later version grew from) has a low Jaccard similarity with it,
and is found by the share of the smaller one's sampled shingles found in the other."""

from __future__ import annotations

import numpy as np
import pytest

from analysis.corpus import quality
from analysis.corpus.quality import (
    DuplicateFinder,
    find_copies,
    sampled_shingles,
    sign_and_sample,
)


def _paragraphs(seed: int, n: int, words: int = 60) -> list[str]:
    rng = np.random.default_rng(seed)
    return [" ".join(f"w{int(i)}" for i in rng.integers(0, 50_000, words)) for _ in range(n)]


WIRE = _paragraphs(1, 6)
LOCAL = _paragraphs(2, 4)
OTHER = _paragraphs(3, 5)


def _text(paragraphs: list[str]) -> str:
    return "\n\n".join(paragraphs)


def test_a_trimmed_copy_and_an_earlier_version_are_copies_by_containment() -> None:
    # a tester's outlet ran the AP story's first 3 paragraphs (Jaccard 0.36), another ran an
    # update the later version grew from (0.59): neither was found
    texts = {
        "wire": _text(WIRE),
        "trimmed": _text(WIRE[:3]),  # Jaccard ~0.5 with the wire story
        "early": _text(OTHER[:3]),
        "later": _text(OTHER[:3] + LOCAL[:2]),  # the early version grown: Jaccard ~0.6
        "quotes two": _text(WIRE[4:] + LOCAL[2:]),  # half its text from the wire: not a copy
        "short part": " ".join(WIRE[0].split()[:40]),  # under MIN_SAMPLES sampled shingles
    }
    matches, figures = find_copies(list(texts), list(texts.values()))
    named = dict(zip(texts, zip(matches, figures, strict=True), strict=True))
    assert named["trimmed"] == ("wire", "containment 1.00")
    assert named["later"] == ("early", "containment 1.00")
    assert named["quotes two"] == ("", "")
    assert named["short part"] == ("", "")
    assert named["wire"] == named["early"] == ("", "")
    table = quality.quality_table(
        quality.pd.DataFrame(
            {
                "doc_id": list(texts),
                "text": list(texts.values()),
                "n_words": [len(t.split()) for t in texts.values()],
                "language": "en",
            }
        ),
        quality.pd.DataFrame({"doc_id": [], "n_words": []}),
        quality.pd.DataFrame(columns=["doc_id", "line_no", "original", "rule", "action"]),
    ).set_index("doc_id")
    assert table.loc["trimmed", "duplicate_similarity"] == "containment 1.00"
    assert "duplicate" in table.loc["later", "quality_flags"]


def test_a_sampled_shingle_counts_for_the_latest_document_holding_it_too() -> None:
    # a tester's update held the wire's final version and a background paragraph first run in
    # the wire's earlier story, and last in an outlet's version of that one: counted only for
    # its first holder, the update shared too little with the final version
    background = WIRE[0]
    texts = [
        _text([background, *WIRE[1:5]]),  # the wire's earlier story
        _text([background, *OTHER[:3]]),  # the wire's final version
        _text([background, *WIRE[1:5], LOCAL[0]]),  # an outlet's version of the earlier story
        _text([background, *OTHER[:3], " ".join(LOCAL[1].split()[:20])]),  # the update
    ]
    matches, figures = find_copies(["earlier", "final", "local", "update"], texts)
    assert matches == ["", "", "earlier", "final"]
    assert figures[3] == "containment 1.00"


@pytest.mark.parametrize("size", [1, 2, 3, 7])
def test_containment_does_not_depend_on_the_batches(size: int) -> None:
    texts = [
        _text(WIRE),
        _text(OTHER[:3]),
        _text(WIRE[:3]),
        "",
        _text(OTHER[:3] + LOCAL[:2]),
        _text(WIRE[1:5]),
        _text(LOCAL),
    ]
    ids = [f"d{i}" for i in range(len(texts))]
    expected = find_copies(ids, texts)
    assert expected[0] == ["", "", "d0", "", "d1", "d0", ""]
    finder = DuplicateFinder()
    got: list[str] = []
    for start in range(0, len(texts), size):
        got += finder.add_batch(
            ids[start : start + size], *sign_and_sample(texts[start : size + start])
        )
    assert (got, finder.similarities()) == expected


def test_sign_and_sample_samples_equal_sampled_shingles_text_by_text() -> None:
    pieces = [" ", "\n", "word", "Word", "café", "北京", "—", "’s", "_", "42", "naïve", ""]
    rng = np.random.default_rng(8)
    texts = ["".join(rng.choice(pieces, int(rng.integers(0, 400)))) for _ in range(200)]
    texts += [_text(WIRE), "", "one two"]
    _, _, samples = sign_and_sample(texts)
    assert samples.counts.sum() == samples.values.size > 0
    ends = np.cumsum(samples.counts)
    for text, stop, count in zip(texts, ends, samples.counts, strict=True):
        assert np.array_equal(samples.values[stop - count : stop], sampled_shingles(text))
    hashes = quality.shingle_hashes(_text(WIRE))
    share = len(sampled_shingles(_text(WIRE))) / len(np.unique(hashes))
    assert 0.08 < share < 0.17  # about one shingle in 2 ** SAMPLE_BITS


def test_the_sample_index_names_the_first_and_the_latest_holder() -> None:
    index = quality.SampleIndex()
    for batch in range(6):  # enough runs to merge
        values = np.arange(batch * 10, batch * 10 + 20, dtype=np.uint64)
        first, latest = index.holders(values)
        first = np.where(first >= 0, first, batch)
        index.update(values, first, np.full(values.size, batch))
    first, latest = index.holders(np.array([0, 15, 55, 69, 70], dtype=np.uint64))
    assert first.tolist() == [0, 0, 4, 5, -1]
    assert latest.tolist() == [0, 1, 5, 5, -1]


@pytest.mark.parametrize("n", [0, 1, 7, 5000])
def test_distinct_pairs_counted_as_numpy_unique_over_columns(n: int) -> None:
    """The containment candidates' pairs are counted through one packed integer per pair: the
    same pairs, counts, order and types as ``np.unique(..., axis=1)``, up to 2**31 - 1."""
    rng = np.random.default_rng(n)
    for high in (3, 1000, 2**31 - 1):
        pairs = rng.integers(0, high, (2, n), dtype=np.int64)
        if n:
            pairs[:, -1] = high - 1
        expected, expected_counts = np.unique(pairs, axis=1, return_counts=True)
        found, counts = quality._distinct_pairs_counted(pairs)
        assert found.dtype == expected.dtype and counts.dtype == expected_counts.dtype
        np.testing.assert_array_equal(found, expected)
        np.testing.assert_array_equal(counts, expected_counts)
