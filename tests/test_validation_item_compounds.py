"""item_compounds: an article drawn for coding is scored as the pipeline scores an article's
tone (the mean of its sentences), a sentence as itself (a financial analyst's 20 articles,
scored whole, all came out positive, 0.65-0.99)."""

from __future__ import annotations

import numpy as np

from analysis.corpus.sentences import split_sentences
from analysis.sentiment.scoring import score_sentences
from analysis.validation.agreement import item_compounds

ARTICLE = (
    "Profits were great and the results wonderful. The loss at the unit was terrible. "
    "The plant closed on Monday. Workers were sad and angry about the cuts. "
    "Analysts said the outlook was bleak."
)
SENTENCE = "The loss at the unit was terrible."


def test_an_article_is_the_mean_of_its_sentences_and_a_sentence_itself() -> None:
    article, sentence = item_compounds([ARTICLE, SENTENCE])
    parts = split_sentences(ARTICLE)
    assert len(parts) == 5
    expected = float(score_sentences(parts, "vader")["compound"].mean())
    assert np.isclose(article, expected)
    whole = float(score_sentences([ARTICLE], "vader")["compound"].iloc[0])
    assert not np.isclose(article, whole)  # scored whole it would be another value
    assert sentence == float(score_sentences([SENTENCE], "vader")["compound"].iloc[0])
