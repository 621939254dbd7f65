"""An actor list's actors that match no sentence, and its names inside another actor's, are
said (analysis.sentiment.actors.actor_list_warnings)."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.sentiment.actors import Actor, actor_list_warnings, add_actors

SENTENCES = pd.DataFrame(
    {
        "sentence": [
            "Renée Dubois opened the clinic.",
            "Critics of Renée Dubois said it was late.",
            "Chile Copper Corp raised prices.",
            "Chile exports rose.",
        ]
    }
)


def _warnings(*actors: Actor) -> list[str]:
    return actor_list_warnings(add_actors(SENTENCES, actors), actors)


def test_an_actor_matching_nothing_is_said_with_the_spelling_the_corpus_writes() -> None:
    ascii_spelling = Actor("renee", "Renee Dubois", "", ("Renee Dubois",), (), "")
    (said,) = _warnings(ascii_spelling)
    assert said.startswith("actor 'Renee Dubois' (renee) matched no sentence")
    assert "'Renée Dubois'" in said
    # an actor the corpus never names, in any spelling: said, with no hint
    absent = Actor("oslo", "Oslo", "", ("Oslo",), (), "")
    assert _warnings(absent) == ["actor 'Oslo' (oslo) matched no sentence"]


def test_an_actor_that_matches_is_not_said() -> None:
    written = Actor("renee", "Renée Dubois", "", ("Renée Dubois",), (), "")
    assert _warnings(written) == []


def test_a_cased_short_form_is_not_hinted_at_a_lower_case_word() -> None:
    short = Actor("rd", "RD", "", (), ("RENEE",), "")
    assert _warnings(short) == ["actor 'RD' (rd) matched no sentence"]


def test_many_actors_matching_nothing_are_said_in_one_line() -> None:
    actors = [Actor(f"a{k}", f"Nobody {k}", "", (f"Nobody {k}",), (), "") for k in range(5)]
    (said,) = _warnings(*actors)
    assert said.startswith("5 actors of the list matched no sentence: 'Nobody 0'")


def test_a_name_inside_another_actors_name_is_said_with_its_sentences() -> None:
    country = Actor("chile", "Chile", "", ("Chile",), (), "")
    miner = Actor("mine", "Chile Copper", "", ("Chile Copper Corp",), (), "")
    (said,) = _warnings(country, miner)
    assert "'Chile' (chile) is written inside a name of actor 'Chile Copper' (mine)" in said
    assert "in 1 sentence," in said


def test_a_run_with_a_list_warns_of_an_actor_it_never_matched(tmp_path) -> None:
    from analysis.loading import load_corpus
    from analysis.settings import Lexicons

    folder = tmp_path / "corpus"
    folder.mkdir()
    for k in range(2):
        (folder / f"a{k}.txt").write_text(
            "Clinic Opens\n\nRenée Dubois opened the clinic on Monday. Patients were glad.\n",
            encoding="utf-8",
        )
    listed = tmp_path / "actors.toml"
    listed.write_text(
        '[[actor]]\nkey = "renee"\nlabel = "Renee Dubois"\npatterns = ["Renee Dubois"]\n'
        '[[actor]]\nkey = "clinic"\nlabel = "Clinic"\npatterns = ["clinic"]\n',
        encoding="utf-8",
    )
    with pytest.warns(UserWarning, match="'Renee Dubois' .* matched no sentence") as caught:
        load_corpus(folder, measures=True, lexicons=Lexicons(actors=listed))
    assert not [w for w in caught if "'Clinic'" in str(w.message)]
