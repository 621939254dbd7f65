"""An actor list: a surname matched inside another listed actor's full name counts for the
full name only (analysis.sentiment.actors.surnames_in_full_names)."""

from __future__ import annotations

from analysis.sentiment.actors import Actor, actor_matrix, surnames_in_full_names

HER = Actor("ana", "Ana Ruiz", "", ("Ana Ruiz", "Ruiz"), (), "")
HIM = Actor("pablo", "Pablo Ruiz", "", ("Pablo Ruiz",), (), "")
COUNTRY = Actor("chile", "Chile", "", ("Chile",), (), "")
MINER = Actor("mine", "Chile Copper", "", ("Chile Copper Corp",), (), "")


def test_a_surname_inside_another_listed_full_name_counts_for_that_name_only() -> None:
    assert surnames_in_full_names((HER, HIM)) == ((HER, HIM),)
    sentences = [
        "Pablo Ruiz led the strike.",  # his only
        "Ruiz said the plan was sound.",  # hers: the surname alone
        "Pablo Ruiz met Ana Ruiz.",  # both
        "Pablo Ruiz said Ruiz was wrong.",  # both: the surname once outside his name
    ]
    matrix = actor_matrix(sentences, (HER, HIM))
    assert matrix[HER.column].tolist() == [False, True, True, True]
    assert matrix[HIM.column].tolist() == [True, False, True, True]


def test_a_name_held_other_than_at_the_end_counts_for_both() -> None:
    assert surnames_in_full_names((COUNTRY, MINER)) == ()
    matrix = actor_matrix(["Chile Copper Corp raised prices."], (COUNTRY, MINER))
    assert matrix[COUNTRY.column].tolist() == [True]
    assert matrix[MINER.column].tolist() == [True]
