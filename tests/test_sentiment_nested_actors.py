"""analysis.sentiment.actors.nested_actors: a discovered name inside a longer one is not
mentioned by the longer one's mentions; the corpus's outlets are not discovered as actors."""

from __future__ import annotations

import pandas as pd

from analysis.sentiment.actors import actor_matrix, load_actor_lexicon, nested_actors
from analysis.sentiment.discover import actors_from_names, discover_actors

SENTENCES = [
    "Millbrook Water said it would share the cost.",
    "Millbrook residents and Millbrook Water met on Monday.",
    "Millbrook voted on the plan.",
]


def test_a_town_is_not_mentioned_by_its_water_companys_name() -> None:
    # a tester's town "Millbrook" counted every sentence on "Millbrook Water" (11 of its 22)
    town, company = actors_from_names(["Millbrook", "Millbrook Water"])
    assert nested_actors((town, company)) == ((town, company),)
    matrix = actor_matrix(SENTENCES, (town, company))
    assert matrix[town.column].tolist() == [False, True, True]
    assert matrix[company.column].tolist() == [True, True, False]


def test_an_actor_lists_own_actors_count_as_written() -> None:
    # the bundled list counts "China Northern Rare Earth" as a mention of China, on purpose
    lexicon = tuple(load_actor_lexicon("seeds/lexicons/actors.toml"))
    assert nested_actors(lexicon) == ()
    china = next(a for a in lexicon if a.key == "china")
    matrix = actor_matrix(["China Northern Rare Earth raised prices."], lexicon)
    assert matrix[china.column].tolist() == [True]


def test_an_outlet_of_the_corpus_is_not_discovered_as_an_actor() -> None:
    # a tester's "The Valley Courier understands ..." made the outlet an actor
    rows = []
    for doc in range(3):
        for text in (
            "The Valley Courier understands that Mayor Ann Lee will resign.",
            "Mayor Ann Lee did not comment to the Valley Courier.",
        ):
            rows.append({"doc_id": f"d{doc}", "outlet": "Valley Courier", "sentence": text})
    sentences = pd.DataFrame(rows)
    labels = [a.label for a in discover_actors(sentences, min_sentences=2, min_docs=2)]
    assert "Ann Lee" in labels and "Valley Courier" not in labels
