"""Which sentences a tone finding quotes first: English ones that read as whole sentences.

A tone finding quotes its group's most positive and most negative sentence. Short lines score
at the extremes of VADER's compound (one word carries the whole line), so on a page whose menu
or other stories' headlines survived cleaning, the most extreme "sentence" was a menu item or
another story's headline: a tester's pasted San Antonio Express-News page, mostly menu, had
"Champion wines set to be auctioned" quoted as its outlet's tone. A quote is therefore taken
first from sentences in an English article (:func:`analysis.report.group_languages.in_english`:
the English lexicons read them) that read as sentences (:func:`reads_as_sentence`); a group
with none is quoted from the rest, as before. The choice changes which sentence is quoted, never
a number: every sentence still counts in the means and shares.
"""

from __future__ import annotations

import pandas as pd

from analysis.corpus.quality import CLOSING_MARKS, FRAGMENT_WORDS, SENTENCE_END
from analysis.report.group_languages import in_english

# What the summary says of the choice, beside the quotes.
QUOTE_CHOICE = (
    f"it is taken from the sentences of {FRAGMENT_WORDS} words or more that end like a "
    "sentence, in an English article, when the group has any"
)


def reads_as_sentence(sentences: pd.DataFrame) -> pd.Series:
    """Per row of ``sentences``: whether it has at least :data:`FRAGMENT_WORDS` words
    (``n_words``, counted when the table has none) and ends like a sentence (its last
    character, past closing quotes and brackets, is in
    :data:`~analysis.corpus.quality.SENTENCE_END`): not a menu item, a caption's credit or a
    headline, which carry no full stop."""
    text = sentences["sentence"].astype(str)
    ends = text.str.rstrip().str.rstrip(CLOSING_MARKS).str[-1:].isin(list(SENTENCE_END))
    if "n_words" in sentences.columns:
        words = pd.to_numeric(sentences["n_words"], errors="coerce")
    else:  # a table of sentences without the corpus's word counts
        words = text.str.count(r"\w+")
    return ends & (words >= FRAGMENT_WORDS)


def quotable(documents: pd.DataFrame | None, sentences: pd.DataFrame) -> pd.Series:
    """Per row of ``sentences``, whether a tone finding quotes it first: it reads as a sentence
    (:func:`reads_as_sentence`) and its article is in English (:func:`in_english`; all are when
    ``documents`` is None)."""
    english = (
        pd.Series(True, index=sentences.index)
        if documents is None
        else in_english(documents, sentences)
    )
    return english & reads_as_sentence(sentences)
