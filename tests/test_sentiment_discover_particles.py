"""Discovered actors: a surname's lower-case particles join a name, several in a row."""

from __future__ import annotations

import pytest

from analysis.sentiment.discover import name_aliases, names_in


@pytest.mark.parametrize(
    ("first", "particles", "last"),
    [
        ("Anneke", "van der", "Wiel"),
        ("Luis", "de la", "Fuente"),
        ("Greta", "von der", "Heide"),
        ("Ana", "de los", "Rios"),
        ("Joost", "van den", "Broek"),
        ("Paulo", "da", "Costa"),
        ("Marco", "di", "Stefano"),
        ("Khalid", "bin", "Rashid"),
    ],
)
def test_particles_in_a_row_join_the_words_around_them(first, particles, last) -> None:
    name = f"{first} {particles} {last}"
    assert names_in(f"Councillor {name} said no.") == [name]
    assert names_in(f"Voters met {name} on Monday.") == [name]
    # the surname alone, capitalised at a sentence's start or after "the" in lower case
    surname = f"{particles} {last}"
    opening = surname[0].upper() + surname[1:]
    assert names_in(f"{opening} said no to voters.") == [opening]
    assert names_in(f"The {surname} plan failed.") == [surname]


def test_a_hyphenated_particle_belongs_to_the_surname() -> None:
    assert names_in("Council member Yusuf al-Hakim voted no.") == ["Yusuf al-Hakim"]


def test_particles_join_nothing_without_a_capitalised_word_after_them() -> None:
    assert names_in("The plan was a de facto ban, a van der wall.") == []
    # connectors still join one at a time otherwise, and a name ends before a trailing one
    assert names_in("The Bank of England rose.") == ["Bank of England"]
    assert names_in("They met in Paris de la said no.") == ["Paris"]
    assert names_in("Ten of the Bank of the West") == ["Bank", "West"]
    # English words that are particles elsewhere ("ten Hag", "do Santos") join nothing
    assert names_in("Polls put Iowa ten Democrats ahead; Fans of Leeds do Better.") == [
        "Iowa",
        "Democrats",
        "Fans of Leeds",
        "Better",
    ]


def test_a_surname_with_particles_counts_as_the_full_name() -> None:
    sentences = [
        "On Monday Anneke van der Wiel opened the depot.",
        "Critics said Anneke van der Wiel was late.",
        "In a statement Anneke van der Wiel thanked workers.",
        "Van der Wiel said buses would run at night.",
        "Residents asked van der Wiel about fares.",
        "Residents asked Van der Wiel about fares.",
    ]
    aliases = name_aliases(sentences)
    assert aliases["Van der Wiel"] == "Anneke van der Wiel"
    assert aliases["van der Wiel"] == "Anneke van der Wiel"
    # not where two people share the surname about equally
    other = [s.replace("Anneke", "Joost") for s in sentences[:3]]
    assert "Van der Wiel" not in name_aliases([*sentences, *other])


def test_a_surname_on_a_particle_is_one_name_in_either_case() -> None:
    sentences = ["Van der Wiel said no.", "Voters asked Joost van der Wiel.", "A van der Wiel aide"]
    assert name_aliases(sentences) == {"van der Wiel": "Van der Wiel"}
    # a lower-case particle name the corpus never capitalises stays as written
    assert name_aliases(sentences[1:]) == {}
