"""Discovered actors: names in letters beyond ASCII are people's names too."""

from __future__ import annotations

import pytest

from analysis.sentiment.discover import _is_person_like, name_aliases, names_in


@pytest.mark.parametrize("name", ["Tomás Reyes", "José Ortiz", "Zoë Hart", "Søren Dahl",
                                  "Nguyễn Văn Minh", "Élise Roy", "Łukasz Nowak"])  # fmt: skip
def test_a_full_name_in_other_letters_has_a_persons_shape(name: str) -> None:
    assert names_in(f"On Monday {name} spoke.") == [name]
    assert _is_person_like(name)


@pytest.mark.parametrize("name", ["NASA Ames", "Élise", "Tomás 2", "North Ñandú"])
def test_other_names_have_no_persons_shape(name: str) -> None:
    assert not _is_person_like(name)


def test_a_full_name_in_other_letters_competes_for_its_surname() -> None:
    maria = [
        "On Monday Maria Reyes opened the depot.",
        "Critics said Maria Reyes was late.",
        "In a statement Maria Reyes thanked workers.",
        "Then Reyes said the buses would run.",
        "Residents asked Reyes about fares.",
    ]
    assert name_aliases(maria) == {"Reyes": "Maria Reyes"}
    # another person of that surname, as often named: "Reyes" is no longer hers alone
    tomas = [s.replace("Maria", "Tomás") for s in maria[:3]]
    assert "Reyes" not in name_aliases([*maria, *tomas])
