"""Made-up articles of the news databases' exports, and what a loaded export's audit and
sentences say about its header lines (shared by the tests of the exports)."""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from pathlib import Path

from analysis import load_corpus
from analysis.corpus.documents import Corpus

# two made-up articles' paragraphs, as every layout's tests give them
STRIKE = [
    "Dock workers at the city's container port walked out on Thursday after talks on pay broke "
    "down, union leaders said.",
    "The port authority called the strike regrettable and said contingency plans would keep "
    "food and medicine moving.",
]
FERRY = [
    "The island ferry will run twice a day from May, the transport minister announced.",
    "Islanders have campaigned for a second crossing for ten years.",
]


def moved_to_metadata(corpus: Corpus, doc_id: str) -> set[str]:
    """The results of the audit rows that moved one of ``doc_id``'s header lines to metadata."""
    audit = corpus.audit
    moved = audit[(audit["rule"] == "export_header") & (audit["action"] == "moved_to_metadata")]
    return set(moved.loc[moved["doc_id"] == doc_id, "result"])


def words_in_sentences(corpus: Corpus, words: Iterable[str]) -> list[str]:
    """Those of ``words`` (header or footer words) found in any sentence of ``corpus``."""
    sentences = " ".join(corpus.sentences["sentence"])
    return [word for word in words if word in sentences]


def load_without_warnings(folder: Path, duplicates: str = "flag") -> Corpus:
    """``folder`` loaded as a corpus, any warning (an outlet left unknown, a file of several
    articles read as one, articles that are near-copies of others) an error, but that the
    made-up exports' articles, a sentence or two each, are too short to guess a language."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        warnings.filterwarnings("ignore", message=".*too short to guess a language")
        return load_corpus(folder, progress=False, jobs=1, duplicates=duplicates)
