"""actors_for: the run's actor lexicon, names discovered in the articles in English only."""

import pandas as pd

from analysis.sentiment.actors import actors_for


def _corpus() -> tuple[pd.DataFrame, pd.DataFrame]:
    rows = []
    for doc, outlet, lines in [
        ("en1", "Ledger", ["Mayor Ruth Calloway opened the bridge.", "Ruth Calloway spoke."]),
        ("en2", "Ledger", ["Ruth Calloway said it cost too much.", "Ruth Calloway left."]),
        (
            "de1",
            "Blatt",
            ["Die Bundesregierung plant neue Zölle.", "Die Bundesregierung schweigt."],
        ),
        ("de2", "Blatt", ["Auch die Bundesregierung wartet.", "Die Bundesregierung zögert."]),
    ]:
        for i, line in enumerate(lines):
            rows.append({"doc_id": doc, "outlet": outlet, "sentence_id": i, "sentence": line})
    documents = pd.DataFrame(
        {"doc_id": ["en1", "en2", "de1", "de2"], "language": ["en", "en", "de", "de"]}
    )
    return pd.DataFrame(rows), documents


def test_names_are_discovered_in_articles_in_english_only() -> None:
    sentences, documents = _corpus()
    every = {a.label for a in actors_for(sentences)}
    english = {a.label for a in actors_for(sentences, documents=documents)}
    assert any("Bundesregierung" in name for name in every)  # read in the German articles
    assert english == {"Ruth Calloway"}


def test_a_corpus_without_languages_reads_every_article() -> None:
    sentences, documents = _corpus()
    unknown = documents.drop(columns="language")
    assert {a.label for a in actors_for(sentences, documents=unknown)} == {
        a.label for a in actors_for(sentences)
    }
