"""The synthetic corpus: seeded, varied, readable by the corpus-file readers."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis.bench.synthetic import (
    SYNTHETIC_COLUMNS,
    iter_synthetic_corpus,
    synthetic_corpus,
    synthetic_outlets,
    write_synthetic_corpus,
)
from analysis.corpus.files import read_chunks

SEEDS = pd.DataFrame(
    {
        "outlet": ["Harbour Daily", "Harbour Daily", "Valley Voice"],
        "origin": ["North", "North", "South"],
        "raw_text": [
            "Grain Talks Resume\n"
            "Negotiators met on Monday in Port Alder to discuss 25 tariffs.\n"
            "The spokesperson Karin Voss said talks were constructive. Farmers hoped for more.\n"
            "Prices rose 3.5 percent in March.\n"
            "Exporters expect 120 trucks at the border by 2031.",
            "Border Delays Grow\n"
            "Trucks waited 14 hours at the crossing on Friday.\n"
            "Officials blamed new paperwork. Drivers were angry. Traders lost money.\n"
            "A deal is expected in June.",
            "Valley Welcomes Deal\n"
            "Leaders in the valley praised the agreement on Wednesday.\n"
            "The analyst Omar Reyes said 40 firms would benefit.\n"
            "Critics warned the pause could end in April.",
        ],
    }
)


def test_same_seed_same_corpus_and_other_seed_differs() -> None:
    first = synthetic_corpus(60, seed=7, seeds=SEEDS)
    again = synthetic_corpus(60, seed=7, seeds=SEEDS)
    other = synthetic_corpus(60, seed=8, seeds=SEEDS)
    pd.testing.assert_frame_equal(first, again)
    assert not first["text"].equals(other["text"])


def test_columns_ids_and_outlets() -> None:
    corpus = synthetic_corpus(120, seed=1, n_outlets=6, seeds=SEEDS)
    assert list(corpus.columns) == SYNTHETIC_COLUMNS
    assert corpus["doc_id"].is_unique and corpus["doc_id"].iloc[0] == "syn00000000"
    assert set(corpus["outlet"]) <= set(synthetic_outlets(6, seed=1))
    assert corpus["outlet"].nunique() >= 4
    # each synthetic outlet keeps the origin of the seed outlet whose style it takes
    assert corpus.groupby("outlet")["origin"].nunique().max() == 1
    assert set(corpus["origin"]) <= {"North", "South"}


def test_documents_vary_in_length_and_wording() -> None:
    corpus = synthetic_corpus(200, seed=3, seeds=SEEDS)
    lengths = corpus["text"].str.count("\n") + 1
    assert lengths.nunique() >= 3
    assert corpus["text"].nunique() >= 150  # far more distinct texts than seed articles
    seed_lines = {line for text in SEEDS["raw_text"] for line in text.splitlines()}
    changed = [
        line for text in corpus["text"] for line in text.splitlines() if line not in seed_lines
    ]
    assert changed, "numbers, dates and names should be varied in some paragraphs"


def test_batches_stream_the_same_documents() -> None:
    batches = list(iter_synthetic_corpus(25, seed=5, seeds=SEEDS, batch_size=10))
    assert [len(b) for b in batches] == [10, 10, 5]
    whole = synthetic_corpus(25, seed=5, seeds=SEEDS)
    pd.testing.assert_frame_equal(pd.concat(batches, ignore_index=True), whole)


def test_outlet_names_are_distinct_even_when_many() -> None:
    names = synthetic_outlets(400, seed=0)
    assert len(set(names)) == 400


@pytest.mark.parametrize("suffix", [".parquet", ".csv", ".jsonl"])
def test_written_files_read_back_as_the_same_documents(tmp_path: Path, suffix: str) -> None:
    path = write_synthetic_corpus(tmp_path / f"syn{suffix}", 30, seed=2, seeds=SEEDS)
    chunks, report = read_chunks(path, chunk_size=8)
    docs = pd.concat(list(chunks), ignore_index=True)
    expected = synthetic_corpus(30, seed=2, seeds=SEEDS)
    assert docs["doc_id"].tolist() == expected["doc_id"].tolist()
    assert docs["raw_text"].tolist() == expected["text"].tolist()
    assert docs["outlet"].tolist() == expected["outlet"].tolist()
    assert report.n_empty_skipped == 0


def test_seeds_without_text_are_refused() -> None:
    with pytest.raises(ValueError, match="no seed articles"):
        synthetic_corpus(3, seeds=SEEDS.iloc[0:0])
    with pytest.raises(ValueError, match="missing"):
        synthetic_corpus(3, seeds=SEEDS.drop(columns=["raw_text"]))
