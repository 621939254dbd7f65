"""``bench persent`` (:mod:`analysis.bench.persent`): leftovers of messy real text before and
after cleaning, here on made-up articles in PerSenT's file layout."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis.bench.persent import residue_counts, run


def test_residue_counts_count_each_kind_of_leftover() -> None:
    documents = pd.DataFrame(
        {
            "text": [
                "The world 's view -LRB- x -RRB- wasnât toggle caption Trump ’ s, Bitcoin ’s",
                "Clean text.\nA ship in port. (Photo: Jane Roe AP)\nPrices rose (Source: Fed).\n"
                "CLOSE Ships wait at the port. (Dec. 26) AP\nCLOSE to 100 ships waited.",
            ],
            "n_words": [8, 2],
        }
    )
    sentences = pd.DataFrame({"sentence": ["S .", "Clean text."]})
    counts = residue_counts(documents, sentences)
    assert counts["split_clitics"] == 3 and counts["bracket_tokens"] == 2
    assert counts["stray_a_circumflex"] == 1 and counts["documents_with_stray_a"] == 1
    assert counts["caption_boilerplate"] == 1 and counts["empty_sentences"] == 1
    assert counts["photo_credit_captions"] == 1  # not the "(Source: Fed)" of a sentence
    assert counts["video_player_lines"] == 1  # not "CLOSE to 100", a sentence in capitals


def test_run_cleans_what_the_raw_text_holds(tmp_path: Path) -> None:
    pd.DataFrame(
        {
            "DOCUMENT_INDEX": ["1", "2"],
            "DOCUMENT": [
                "The U . S . said the world 's markets -LRB- and banks -RRB- were calm today .",
                "Officials said they 're confident the talks will resume next week in Geneva.",
            ],
        }
    ).to_csv(tmp_path / "dev.csv", index=False)
    results = run(tmp_path)
    assert results["raw"]["split_clitics"] == 2 and results["raw"]["bracket_tokens"] == 2
    assert results["cleaned"]["split_clitics"] == 0 and results["cleaned"]["bracket_tokens"] == 0
    assert results["cleaned"]["documents"] == 2
