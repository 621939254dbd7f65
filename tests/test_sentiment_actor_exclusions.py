"""An actor's ``exclusions``: longer names that hold its words but are another (a lexicon's
"Georgia Tech" for Georgia; for a discovered actor, the corpus's longer names holding it)."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.lexicon import LexiconError
from analysis.sentiment.actors import actor_matrix, actor_table, load_actor_lexicon
from analysis.sentiment.discover import discover_actors, longer_names


def _corpus(article_sentences: list[list[str]]) -> pd.DataFrame:
    rows = [
        {"doc_id": f"d{doc}", "outlet": "A" if doc % 2 else "B", "sentence": text}
        for doc, texts in enumerate(article_sentences)
        for text in texts
    ]
    return pd.DataFrame(rows)


TOWN = ["The vote in Millbrook is on Tuesday.", "People in Millbrook packed the hall."]


def test_a_discovered_town_is_not_mentioned_by_a_rarer_longer_name() -> None:
    # a tester's "Millbrook" counted the sentences on the "Millbrook Tenants Union", a name only
    # one article used (so no actor of its own, and no pair of nested actors)
    union = [
        "The strike was called by the Millbrook Tenants Union on Friday.",
        "A lawyer for the Millbrook Tenants Union said the rent rose.",
    ]
    sentences = _corpus([TOWN, TOWN, TOWN + union])
    actors = discover_actors(sentences)
    assert [a.label for a in actors] == ["Millbrook"]
    (town,) = actors
    assert town.exclusions == ("Millbrook Tenants Union",)
    matrix = actor_matrix(sentences["sentence"], actors)
    mentions = sentences["sentence"][matrix[town.column].to_numpy()]
    assert set(mentions) == set(TOWN)
    assert actor_table(actors)["exclusions"].tolist() == ["Millbrook Tenants Union"]


def test_a_name_only_ever_opening_a_sentence_takes_no_mention() -> None:
    # a title-case headline read as one name, "Millbrook Packs The Hall", is no longer name
    headline = ["Millbrook Packs The Hall", "Millbrook Packs The Hall"]
    sentences = _corpus([TOWN, TOWN, TOWN + headline])
    (town,) = discover_actors(sentences)
    assert town.exclusions == ()
    matrix = actor_matrix(sentences["sentence"], (town,))
    assert matrix[town.column].sum() == len(sentences)


def test_a_lists_exclusions_are_taken_out_before_the_actor_is_looked_for(tmp_path) -> None:
    path = tmp_path / "actors.toml"
    path.write_text(
        '[[actor]]\nkey = "georgia"\nlabel = "Georgia"\npatterns = ["Georgia"]\n'
        'exclusions = ["Georgia Tech"]\n',
        encoding="utf-8",
    )
    (georgia,) = load_actor_lexicon(path)
    texts = [
        "Georgia Tech won.",
        "Georgia voted and Georgia Tech won.",
        "Georgia voted.",
        "GEORGIA TECH lost.",  # exact case: a shouted headline is no name,
    ]
    assert actor_matrix(texts, (georgia,))[georgia.column].tolist() == [False, True, True, True]


def test_exclusions_must_be_a_list_of_phrases(tmp_path) -> None:
    path = tmp_path / "actors.toml"
    path.write_text(
        '[[actor]]\nkey = "georgia"\nlabel = "Georgia"\npatterns = ["Georgia"]\n'
        'exclusions = "Georgia Tech"\n',
        encoding="utf-8",
    )
    with pytest.raises(LexiconError, match="exclusions"):
        load_actor_lexicon(path)


def test_only_words_after_a_name_or_a_places_first_words_before_it_name_another() -> None:
    # PerSenT's "USA Gymnastics", "Trump Tower" and "Latin America" are others; a title or a
    # description left before a name ("Special Counsel Robert Mueller", "Republican Roy Moore",
    # "Candidate Trump") leaves the same actor
    spellings = {"Trump": ["Donald Trump"], "America": [], "Robert Mueller": [], "US": []}
    names = [
        "Trump Tower",
        "Candidate Trump",
        "Latin America",
        "Special Counsel Robert Mueller",
        "USA Gymnastics",
        "US Senate",
        "Donald Trump Jr",
    ]
    assert longer_names(spellings, names, {}) == {
        "Trump": ("Donald Trump Jr", "Trump Tower"),
        "America": ("Latin America",),
        "Robert Mueller": (),
        "US": ("US Senate",),
    }


def test_a_longer_spelling_of_the_actor_itself_is_no_exclusion() -> None:
    # "Mercy Lakeside" counts as "Mercy Lakeside Hospital": the long one is the actor's own
    spellings = {"Mercy Lakeside Hospital": ["Mercy Lakeside"]}
    aliases = {"Mercy Lakeside": "Mercy Lakeside Hospital"}
    names = ["Mercy Lakeside Hospital", "Mercy Lakeside Hospital Foundation"]
    assert longer_names(spellings, names, aliases) == {
        "Mercy Lakeside Hospital": ("Mercy Lakeside Hospital Foundation",)
    }
