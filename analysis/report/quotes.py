"""Which sentences a tone finding quotes first: English ones that read as whole sentences.

A tone finding quotes its group's most positive and most negative sentence. Short lines score
at the extremes of VADER's compound (one word carries the whole line), so on a page whose menu
or other stories' headlines survived cleaning, the most extreme "sentence" was a menu item or
another story's headline: a tester's pasted San Antonio Express-News page, mostly menu, had
"Champion wines set to be auctioned" quoted as its outlet's tone. A quote is therefore taken
first from sentences in an English article (:func:`analysis.report.group_languages.in_english`:
the English lexicons read them) that read as sentences (:func:`reads_as_sentence`) and carry
no mark of page furniture (a photo credit, a player's "Media playback is unsupported", a
digest's "___": :func:`holds_page_furniture`; a reviewer's export, its captions run into the
text, had a Getty caption and BBC player text quoted); a group with none is quoted from the
rest, as before. The choice changes which sentence is quoted, never
a number: every sentence still counts in the means and shares.
"""

from __future__ import annotations

import re

import pandas as pd

from analysis.corpus.quality import CLOSING_MARKS, FRAGMENT_WORDS, SENTENCE_END
from analysis.report.group_languages import in_english

# What the summary says of the choice, beside the quotes.
QUOTE_CHOICE = (
    f"it is taken from the sentences of {FRAGMENT_WORDS} words or more that end like a "
    "sentence and hold no photo credit or caption mark, in an English article, when the group "
    "has any"
)
# Marks of a caption, a photo credit, a media player or a digest's separator run into a line of
# text (an export that joined each page's paragraphs keeps them inside sentences)
_FURNITURE_RE = re.compile(
    r"Getty Images|\bPhoto(?:graph)?(?: by\b|:)|\((?:AP |Reuters )?Photo\b|toggle caption|"
    r"Enlarge this image|\b(?:Image|Media) (?:copyright|caption)\b|Media playback is "
    r"unsupported|_{3,}",
    re.IGNORECASE,
)


def same_text(text: str) -> str:
    """The key under which two sentences count as the same text: their words, with runs of
    white space made one space. Several outlets running one wire story print its sentences word
    for word: a tester's summary quoted the same Reuters sentence as the most negative of four
    outlets, as if each had written it."""
    return " ".join(str(text).split())


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


def holds_page_furniture(sentences: pd.DataFrame) -> pd.Series:
    """Per row of ``sentences``: whether it holds a mark of page furniture (a photo credit,
    "toggle caption", "Media playback is unsupported", a run of underscores)."""
    return sentences["sentence"].astype(str).str.contains(_FURNITURE_RE)


def quotable(documents: pd.DataFrame | None, sentences: pd.DataFrame) -> pd.Series:
    """Per row of ``sentences``, whether a tone finding quotes it first: it reads as a sentence
    (:func:`reads_as_sentence`), holds no page furniture (:func:`holds_page_furniture`) and its
    article is in English (:func:`in_english`; all are when ``documents`` is None)."""
    english = (
        pd.Series(True, index=sentences.index)
        if documents is None
        else in_english(documents, sentences)
    )
    return english & reads_as_sentence(sentences) & ~holds_page_furniture(sentences)
