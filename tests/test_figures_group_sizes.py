"""analysis.figures.group_sizes: each group's articles and words, as figures label them."""

from __future__ import annotations

import pandas as pd

from analysis.figures import group_sizes


def test_articles_and_words_per_group_from_the_sentences() -> None:
    sentences = pd.DataFrame(
        {
            "doc_id": ["a", "a", "b", "c"],
            "outlet": ["Post", "Post", "Post", "Ledger"],
            "n_words": [700, 600, 12, 9],
        }
    )
    assert group_sizes(sentences, "outlet") == {
        "Ledger": "1 art., 9 words",
        "Post": "2 art., 1,312 words",
    }
    # without word counts, sentences
    assert group_sizes(sentences.drop(columns="n_words"), "outlet")["Post"] == "2 art., 3 sent."
