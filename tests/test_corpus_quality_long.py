"""The ``long`` flag: a document far longer than the corpus's other articles (a whole report
pasted as one article, or an export's articles joined into one) is flagged, warned about with
its share of its outlet's sentences and named in the summary's Document quality section; it
is kept."""

from __future__ import annotations

import csv
import random
import warnings
from pathlib import Path

import pandas as pd

from analysis import load_corpus
from analysis.corpus.quality import (
    LONG_FACTOR,
    LONG_WORDS,
    has_flag,
    long_documents,
    long_warning,
    quality_lines,
)

SUBJECTS = ["The minister", "Local farmers", "The mayor", "Union leaders", "The regulator"]
VERBS = ["said on Tuesday that", "warned that", "told reporters that", "argued that"]
CLAIMS = [
    "the new rules would raise costs for small businesses",
    "talks on the trade deal could resume next month",
    "the flood defences had failed in several places",
    "the strike might disrupt services across the region",
    "growth was slower than the government had forecast",
]


def article(seed: int, words: int) -> str:
    """Paragraphs of plain news sentences, about ``words`` words, each sentence its own."""
    rng = random.Random(seed)
    paragraphs, n = [], 0
    while n < words:
        paragraph = " ".join(
            f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(CLAIMS)}, with "
            f"{rng.randint(100, 99999)} people affected."
            for _ in range(4)
        )
        paragraphs.append(paragraph)
        n += len(paragraph.split())
    return "\n\n".join(paragraphs) + "\n"


def corpus_with_a_report(folder: Path, report_words: int) -> Path:
    """Three outlets of four ordinary articles (~450 words), and one of ``report_words``
    words in the first outlet."""
    rows = [
        (f"{outlet[0].lower()}{k}", outlet, article(10 * j + k, 450))
        for j, outlet in enumerate(["Post", "Star", "Herald"])
        for k in range(4)
    ]
    rows.append(("report", "Post", article(999, report_words)))
    with open(folder / "manifest.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["doc_id", "file", "outlet", "language"])
        for doc_id, outlet, text in rows:
            (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
            writer.writerow([doc_id, f"{doc_id}.txt", outlet, "en"])
    return folder


def test_a_report_pasted_as_one_article_is_flagged_warned_about_and_kept(
    tmp_path: Path,
) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        documents = load_corpus(corpus_with_a_report(tmp_path, 20_000), progress=False).documents
    flagged = has_flag(documents, "long")
    assert documents.loc[flagged, "doc_id"].tolist() == ["report"]
    said = [str(w.message) for w in caught if "far longer than the others" in str(w.message)]
    assert len(said) == 1
    post = documents.loc[documents["outlet"] == "Post", "n_sentences"]
    own = int(documents.loc[flagged, "n_sentences"].iloc[0])
    assert f"{own:,} of Post's {int(post.sum()):,} sentences ({own / post.sum():.0%})" in said[0]
    summary = quality_lines(documents)
    assert "long 1" in summary[0] and "`report`: " in summary[0]
    assert f"of Post's {int(post.sum()):,} sentences" in summary[0]


def test_ordinary_articles_and_a_corpus_of_long_reports_are_not_flagged(tmp_path: Path) -> None:
    documents = load_corpus(corpus_with_a_report(tmp_path, 4_000), progress=False).documents
    assert not has_flag(documents, "long").any()
    assert long_warning(documents) is None
    # reports of 8,000 words each: none is an outlier of its corpus
    assert not long_documents(pd.Series([8_000, 9_000, 7_500, 60_000])).any()


def test_both_bounds_must_be_passed() -> None:
    def flagged(median: int, words: int) -> bool:
        return bool(long_documents(pd.Series([median] * 9 + [words])).iloc[-1])

    assert flagged(300, LONG_WORDS + 1)
    assert not flagged(300, LONG_WORDS)  # 16 times the median, not over 5,000 words
    assert flagged(600, LONG_FACTOR * 600 + 1)
    assert not flagged(600, LONG_FACTOR * 600)  # over 5,000 words, not 10 times the median
