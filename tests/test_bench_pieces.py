"""``bench throughput --piece-cost``: each chunk's splitting and measures timed whole and cut
into pieces after cleaning, on the same sentences."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from bench_args import quiet_benchmark, throughput_args

from analysis.bench import pieces


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "c.csv"
    story = "The council said grain prices may rise on Monday, and traders were wary of it."
    texts = [f"Story {i}. {story} It met again on day {i}." for i in range(9)]
    outlets = ["Herald", "Courier", "Gazette"] * 3
    pd.DataFrame({"text": texts, "outlet": outlets}).to_csv(path, index=False)
    return path


@pytest.mark.parametrize(
    ("n_docs", "n_pieces", "expected"),
    [
        (8, 1, [(0, 8)]),
        (8, 2, [(0, 4), (4, 8)]),
        (9, 4, [(0, 2), (2, 4), (4, 7), (7, 9)]),
        (2, 4, [(0, 0), (0, 1), (1, 2), (2, 2)]),
    ],
)
def test_pieces_are_consecutive_and_cover_every_document(
    n_docs: int, n_pieces: int, expected: list[tuple[int, int]]
) -> None:
    assert pieces._piece_bounds(n_docs, n_pieces) == expected


def test_every_cut_measures_the_same_sentences_of_every_chunk(corpus: Path) -> None:
    result = pieces._piece_steps(corpus, throughput_args(corpus, "--chunk-size", "4"), repeat=2)
    assert (result["chunks"], result["docs"]) == (3, 9)
    assert result["sentences"] == 27  # three sentences a story
    assert set(result["cpu_seconds"]) == {"1", "2", "4", "two_documents"}
    assert all(seconds > 0 for seconds in result["cpu_seconds"].values())
    assert set(result["per_extra_piece"]) == {"2", "4"}
    assert "3 chunks, 9 documents" in pieces.piece_line(result)


def test_pieces_that_lose_sentences_are_refused(corpus: Path) -> None:
    real = pieces._piece_bounds
    with pytest.MonkeyPatch.context() as patch:  # a cut that drops each piece's last document
        patch.setattr(
            pieces,
            "_piece_bounds",
            lambda n, k: [(a, max(a, b - 1)) for a, b in real(n, k)] if k > 1 else real(n, k),
        )
        with pytest.raises(AssertionError, match="other sentences"):
            pieces._piece_steps(corpus, throughput_args(corpus, "--chunk-size", "4"), repeat=1)


def test_the_cost_per_extra_piece_is_what_the_pieces_add_per_chunk() -> None:
    result = {
        "repeat": 3,
        "chunks": 2,
        "docs": 1000,
        "sentences": 10,
        "cpu_seconds": {"1": 1.0, "2": 1.1, "4": 1.3, "two_documents": 0.08},
        "per_extra_piece": {"2": 0.05, "4": 0.05},
    }
    line = pieces.piece_line(result)
    assert "each extra piece 50 ms, 50 ms (whole chunk 500 ms" in line
    assert "first two documents alone 40 ms" in line


@pytest.mark.slow
def test_the_benchmark_reports_the_pieces_from_a_fresh_interpreter(
    corpus: Path, tmp_path: Path
) -> None:
    options = ("--chunk-size", "4", "--skip-one-core", "--piece-cost", "1")
    results = quiet_benchmark(corpus, tmp_path / "w", *options)
    pieces_run = results["piece_cost"]
    assert pieces_run["repeat"] == 1 and pieces_run["docs"] == 9
    # the pieces measure the sentences the benchmark's own run wrote
    assert pieces_run["sentences"] == results["all_cores"]["sentences"] == 27
