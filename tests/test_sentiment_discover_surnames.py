"""Discovered actors: a surname standing alone counts as the one full name it ends."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.sentiment.actors import actor_matrix
from analysis.sentiment.discover import discover_actors, discovered_names, name_aliases

# the full name, as a report introduces a person, then the surname alone
MAYOR = [
    "On Monday the city's mayor Maria Lopez opened the new depot.",
    "Some critics of Maria Lopez said the depot was late.",
    "In a statement Maria Lopez thanked the workers.",
    "Then Lopez said the buses would run at night.",
    "Residents asked Lopez about fares.",
]


def test_a_surname_counts_as_the_one_full_name_it_ends() -> None:
    assert name_aliases(MAYOR) == {"Lopez": "Maria Lopez"}
    # most full names ending so are one person's: the surname is that person's
    others = ["An aide, Pedro Lopez, was not there.", *MAYOR * 2]
    assert name_aliases(others) == {"Lopez": "Maria Lopez"}


def test_a_surname_two_people_share_is_left_alone() -> None:
    twice = [s.replace("Maria", "Ana") for s in MAYOR[:3]]
    assert "Lopez" not in name_aliases([*MAYOR, *twice])


def test_a_surname_is_not_given_to_one_person_where_another_written_after_the_is_named_more():
    # a tester's corpus on Russia: "the Hillary Clinton campaign" kept Hillary Clinton out of
    # the people, and "Clinton" alone, most often hers, became Bill Clinton's
    hillary = [
        "Officials at the Hillary Clinton campaign said so.",
        "Aides of the Hillary Clinton campaign said no.",
        "Then Hillary Clinton spoke.",
        "Voters heard Hillary Clinton.",
        "Donors met Hillary Clinton.",
    ]
    bill = [f"Then Bill Clinton spoke {k}." for k in range(3)]
    alone = ["Then Clinton said so.", "Reporters asked Clinton."]
    assert "Clinton" not in name_aliases([*hillary, *bill, *alone])
    assert name_aliases([*bill, *alone]) == {"Clinton": "Bill Clinton"}


@pytest.mark.parametrize(
    "sentences",
    [
        # a body or place written after "the" is not a person
        [f"Staff at the White House met {k}." for k in range(4)] + ["Then House members met."],
        # a kind or a title, not a given name
        [f"Aid after Hurricane Katrina arrived {k}." for k in range(4)] + ["Then Katrina hit."],
        # the surname is also a word the corpus uses
        [*MAYOR[:3], "Then Page said so.", "We read Page again.", "The page turned.", "A page."]
        + [f"Then Carter Page spoke {k}." for k in range(3)],
        # the surname is another name's first word more often than the full name is written
        [f"Then George Washington rode {k}." for k in range(3)]
        + [f"Then Washington Post editors wrote {k}." for k in range(4)]
        + ["Then Washington voted."],
        # a full name in fewer sentences than three
        ["Then Maria Lopez spoke.", "Then Maria Lopez left.", "Then Lopez said so."],
        # a full name only ever opening a sentence may be a capitalised first word
        [f"Maria Lopez {k} spoke." for k in range(4)] + ["Then Lopez said so."],
    ],
)
def test_a_surname_is_not_joined_where_the_corpus_leaves_doubt(sentences: list[str]) -> None:
    joined = {k: v for k, v in name_aliases(sentences).items() if " " in v and " " not in k}
    assert joined == {}


def test_discovered_actors_count_the_surname_with_the_full_name() -> None:
    sentences = pd.DataFrame(
        {
            "doc_id": ["a", "a", "a", "b", "b"],
            "outlet": ["X", "X", "X", "Y", "Y"],
            "sentence": MAYOR,
        }
    )
    table = discovered_names(sentences, "outlet")
    assert table.values.tolist() == [
        ["X", "Maria Lopez", "Lopez", 3, 1, ""],
        ["Y", "Maria Lopez", "Lopez", 2, 1, ""],
    ]
    (actor,) = discover_actors(sentences)
    assert actor.label == "Maria Lopez" and set(actor.cased) == {"Maria Lopez", "Lopez"}
    mentions = actor_matrix(["Lopez spoke.", "Maria Lopez spoke.", "Nobody spoke."], [actor])
    assert mentions[actor.column].tolist() == [True, True, False]


DELGADOS = [
    "On Monday the mayor Maria Delgado opened the depot.",
    "Some critics of Maria Delgado said the depot was late.",
    "In a statement Maria Delgado thanked the workers.",
    "The union's president Tomás Delgado called a strike.",
    "Members backed Tomás Delgado on Friday.",
    "Then Delgado said the buses would run at night.",
    "Residents asked Delgado about fares.",
]


def test_a_surname_two_full_names_share_says_whose_it_may_be() -> None:
    """A tester's summary gave the tone around "Delgado" as if about one person, where Maria
    Delgado, the mayor, and Tomás Delgado, a union's president, both were: the discovered
    names' table and the actor say whose surname it is."""
    table = pd.DataFrame(
        {
            "doc_id": ["a", "b", "a", "c", "d", "a", "c"],
            "outlet": ["X", "Y", "X", "Y", "X", "X", "Y"],
            "sentence": DELGADOS,
        }
    )
    names = discovered_names(table, "outlet", min_sentences=1)
    owners = dict(zip(names["name"], names["surname_of"], strict=True))
    assert owners["Delgado"] == "Maria Delgado; Tomás Delgado"
    assert owners["Maria Delgado"] == ""
    actors = {a.label: a for a in discover_actors(table, "outlet", min_sentences=1)}
    assert actors["Delgado"].surname_of == ("Maria Delgado", "Tomás Delgado")
    assert actors["Maria Delgado"].surname_of == ()
    # one full name: the surname is its, and no one's to share
    alone = discovered_names(table.iloc[[0, 1, 2, 5, 6]], "outlet", min_sentences=1)
    assert set(alone["surname_of"]) == {""}


def test_a_surname_with_particles_follows_the_plain_surnames_rule() -> None:
    """A surname on particles ("Van der Berg") counts as its full name ("Pieter van der Berg")
    as "Lopez" counts as "Maria Lopez": where one full name holds at least 80% of the full
    names' sentences. A tester's corpus wrote "Pieter van der Berg" 7 times and "Pete van der
    Berg" 3 (70%): neither takes the surname, plain or with particles, and the surname says it
    may be either's."""
    for first, nickname, last in (("Pieter", "Pete", "van der Berg"), ("Maria", "Mia", "Lopez")):
        full = [f"Then {first} {last} spoke about item {k}." for k in range(7)]
        short = [f"Then {nickname} {last} spoke about item {k}." for k in range(3)]
        alone = [f"{last[0].upper()}{last[1:]} said no to item {k}." for k in range(2)]
        alone += [f"Voters asked {last} about item {k}." for k in range(2)]
        surname = last[0].upper() + last[1:]
        assert name_aliases([*full, *alone]).get(surname) == f"{first} {last}"
        assert surname not in name_aliases([*full, *short, *alone])
        table = pd.DataFrame(
            {
                "doc_id": [f"d{k % 3}" for k in range(13)],
                "outlet": "X",
                "sentence": [*full, *short[:2], *alone],
            }
        )  # 7 against 2: 78%, still under the share
        names = discovered_names(table, "outlet", min_sentences=1)
        owners = dict(zip(names["name"], names["surname_of"], strict=True))
        assert owners[surname].split("; ") == sorted([f"{first} {last}", f"{nickname} {last}"])
