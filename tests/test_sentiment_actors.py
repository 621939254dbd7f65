"""analysis.sentiment.actors: the actor lexicon and the per-sentence actor matrix."""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import STORY_LEXICONS

from analysis.lexicon import LexiconError
from analysis.sentiment.actors import (
    actor_matrix,
    actor_table,
    add_actors,
    default_lexicon,
    find_mentions,
    load_actor_lexicon,
)

# The bundled story's actor list (the package has none: without a file, actors are discovered).
STORY = load_actor_lexicon(STORY_LEXICONS / "actors.toml")


def mentions(text: str) -> set[str]:
    return set(find_mentions(text, STORY))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Beijing said the quota stays.", {"china"}),
        ("Chinese exporters waited.", {"china"}),
        ("He Lifeng met Scott Bessent.", {"china", "united_states"}),
        ("A Commerce Ministry spokesman, Guo Jia Kun, replied.", {"china"}),
        ("The People’s Republic of China objected.", {"china"}),
        ("Sino-US ties thawed.", {"china", "united_states"}),
        ("The US and the U.S. Treasury agreed.", {"united_states"}),
        ("Tell us what you think.", set()),
        ("The White House and Washington", {"united_states"}),
        ("Japan and South Korea signed on.", {"allies"}),
        ("The G7 met in the morning.", {"allies"}),
        ("the g7 in lower case is not the group", set()),
        ("The EU and Brussels responded.", {"eu"}),
        ("Ursula von der Leyen spoke.", {"eu"}),
        ("Lynas and MP Materials rallied.", {"companies"}),
        ("Talks on Taiwan stalled.", {"taiwan"}),
        ("The chinaware shop and the usual suspects.", set()),
    ],
)
def test_mentions(text, expected):
    assert mentions(text) == expected


def test_story_lexicon_covers_the_required_sides():
    sides = {a.side for a in STORY}
    assert {"china", "us", "ally", "eu", "company"} <= sides
    assert all(a.side and a.note and a.label for a in STORY)
    table = actor_table(STORY)
    assert table["column"].tolist() == [f"actor_{a.key}" for a in STORY]


def test_the_package_has_no_actor_list_and_an_empty_table_keeps_its_columns():
    assert default_lexicon() == ()
    assert actor_matrix(["Beijing agreed."]).shape == (1, 0)
    table = actor_table(())
    assert table.empty and {"key", "label", "side", "column", "patterns"} <= set(table.columns)


def test_actor_matrix_shape_and_order():
    sentences = pd.Series(["Beijing agreed.", "Nothing here.", "The EU and Japan"], index=[5, 6, 7])
    matrix = actor_matrix(sentences, STORY)
    assert isinstance(matrix.index, pd.RangeIndex) and len(matrix) == 3
    assert all(str(dt) == "bool" for dt in matrix.dtypes)
    assert matrix["actor_china"].tolist() == [True, False, False]
    assert matrix["actor_eu"].tolist() == [False, False, True]
    assert matrix["actor_allies"].tolist() == [False, False, True]


def test_add_actors_keeps_rows():
    table = pd.DataFrame({"doc_id": ["a", "b"], "sentence": ["Trump spoke.", "Rain."]})
    out = add_actors(table, STORY)
    assert out["actor_united_states"].tolist() == [True, False]
    assert "actor_united_states" not in table.columns


def test_a_side_is_the_story_own_label_and_may_be_left_out(tmp_path):
    path = tmp_path / "actors.toml"
    path.write_text(
        '[[actor]]\nkey = "council"\nlabel = "City council"\nside = "local government"\n'
        'patterns = ["council"]\nnote = "The city council."\n'
        '[[actor]]\nkey = "union"\nlabel = "Sanitation union"\n'
        'patterns = ["union"]\nnote = "The workers\' union."\n',
        encoding="utf-8",
    )
    council, union = load_actor_lexicon(path)
    assert council.side == "local government" and union.side == ""
    assert actor_table([council, union])["side"].tolist() == ["local government", ""]


def test_a_note_may_be_left_out_and_plural_tables_get_a_hint(tmp_path):
    # a tester's list, written from the README: "[[actors]]" refused as "expected one or more
    # [[actor]] tables", then "actor #1 needs a non-empty string 'note'", which no doc named
    path = tmp_path / "actors.toml"
    path.write_text('[[actor]]\nkey = "club"\nlabel = "Rovers"\npatterns = ["Rovers"]\n')
    (club,) = load_actor_lexicon(path)
    assert club.note == "" and club.label == "Rovers"
    path.write_text('[[actors]]\nkey = "club"\nlabel = "Rovers"\npatterns = ["Rovers"]\n')
    with pytest.raises(LexiconError, match=r"this file has \[\[actors\]\]: the table's name is"):
        load_actor_lexicon(path)
    with pytest.raises(LexiconError, match="note, when given, must be a string"):
        path.write_text('[[actor]]\nkey = "c"\nlabel = "C"\npatterns = ["C"]\nnote = 3\n')
        load_actor_lexicon(path)


def test_a_lexicons_error_names_its_file_once(tmp_path):
    from analysis.settings import Lexicons, SettingsError, check_lexicons

    path = tmp_path / "actors.toml"
    path.write_text('[[actors]]\nkey = "club"\nlabel = "Rovers"\npatterns = ["Rovers"]\n')
    with pytest.raises(SettingsError) as refused:
        check_lexicons(Lexicons(actors=path))
    assert str(refused.value).count(str(path)) == 1
    assert not str(refused.value).startswith("actors lexicon")


def test_custom_lexicon(tmp_path):
    path = tmp_path / "actors.toml"
    path.write_text(
        '[[actor]]\nkey = "ruritania"\nlabel = "Ruritania"\nside = "other"\n'
        'patterns = ["Ruritania", "Strelsau"]\ncased = ["RU"]\nnote = "A made-up country."\n',
        encoding="utf-8",
    )
    lexicon = load_actor_lexicon(path)
    matrix = actor_matrix(["Strelsau replied.", "ru is not RU", "nothing"], lexicon)
    assert list(matrix.columns) == ["actor_ruritania"]
    assert matrix["actor_ruritania"].tolist() == [True, True, False]
    assert actor_matrix(["ru only"], lexicon)["actor_ruritania"].tolist() == [False]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('key = "x"\nlabel = "X"\nside = ""\npatterns = ["X"]\nnote = "n"', "side"),
        ('key = "x"\nlabel = "X"\nside = 3\npatterns = ["X"]\nnote = "n"', "side"),
        ('key = "X Y"\nlabel = "X"\nside = "other"\npatterns = ["X"]\nnote = "n"', "key"),
        ('key = "x"\nlabel = "X"\nside = "other"\nnote = "n"', "at least one pattern"),
        ('key = "x"\nside = "other"\npatterns = ["X"]\nnote = "n"', "label"),
    ],
)
def test_lexicon_validation(tmp_path, body, message):
    path = tmp_path / "bad.toml"
    path.write_text("[[actor]]\n" + body + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        load_actor_lexicon(path)


def test_duplicate_keys_rejected(tmp_path):
    one = '[[actor]]\nkey = "x"\nlabel = "X"\nside = "other"\npatterns = ["X"]\nnote = "n"\n'
    path = tmp_path / "dup.toml"
    path.write_text(one + one, encoding="utf-8")
    with pytest.raises(ValueError, match="duplicate"):
        load_actor_lexicon(path)


def test_non_text_rejected():
    with pytest.raises(TypeError):
        actor_matrix(["ok", None], STORY)


@pytest.mark.parametrize(
    ("lists", "message"),
    [
        ('patterns = "Ruritania"', r"bad\.toml: actor #1 \(x\): 'patterns' must be a list"),
        ('patterns = ["Ruritania", ""]', r"actor #1 \(x\): 'patterns' entry #2 is empty"),
        ('patterns = ["Strelsau", "strelsau"]', r"'patterns' lists 'strelsau' twice"),
        ('cased = ["RU", "RU"]', r"'cased' lists 'RU' twice"),
    ],
)
def test_pattern_lists_are_validated(tmp_path, lists, message):
    path = tmp_path / "bad.toml"
    path.write_text(
        f'[[actor]]\nkey = "x"\nlabel = "X"\nside = "other"\nnote = "n"\n{lists}\n',
        encoding="utf-8",
    )
    with pytest.raises(LexiconError, match=message):
        load_actor_lexicon(path)


def test_cased_list_keeps_case_variants(tmp_path):
    path = tmp_path / "actors.toml"
    path.write_text(
        '[[actor]]\nkey = "x"\nlabel = "X"\nside = "other"\nnote = "n"\ncased = ["RU", "Ru"]\n',
        encoding="utf-8",
    )
    assert load_actor_lexicon(path)[0].cased == ("RU", "Ru")


def test_unreadable_lexicon_names_the_file(tmp_path):
    with pytest.raises(LexiconError, match=r"actor lexicon .*nope\.toml: cannot be read"):
        load_actor_lexicon(tmp_path / "nope.toml")
    path = tmp_path / "broken.toml"
    path.write_text("[[actor]\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"broken\.toml: not valid TOML"):
        load_actor_lexicon(path)


ARROW_CASES = [
    "China and the US met in Busan.",
    "",
    "us and them; U.S. officials; the E.U.’s envoy",
    "北京 and Beijing: 中国 said — “China” (PRC)",
    "Taiwan’s TSMC, Šefčovič in Brussels, İstanbul",
    "Washington " * 3000,
]


def test_arrow_text_column_gives_the_matrix_of_its_python_strings() -> None:
    # a pandas text column stored by pyarrow goes to RE2 as its own data: the same flags as the
    # list of its strings; a missing value is still refused
    column = pd.Series(ARROW_CASES, dtype="str")
    expected = actor_matrix(list(ARROW_CASES), STORY)
    assert actor_matrix(column, STORY).equals(expected)
    assert actor_matrix(column.iloc[2:], STORY).equals(expected.iloc[2:].reset_index(drop=True))
    assert expected.to_numpy().any()
    with pytest.raises(TypeError):
        actor_matrix(pd.Series(["China", None], dtype="str"), STORY)


def test_a_lexicon_read_again_is_not_parsed_again(tmp_path):
    path = tmp_path / "actors.toml"
    path.write_text(
        '[[actor]]\nkey = "x"\nlabel = "X"\nside = "other"\nnote = "n"\npatterns = ["Ruritania"]\n',
        encoding="utf-8",
    )
    assert load_actor_lexicon(path) is load_actor_lexicon(str(path))


def test_an_edited_lexicon_is_read_as_it_now_is(tmp_path):
    path = tmp_path / "actors.toml"
    template = '[[actor]]\nkey = "x"\nlabel = "X"\nside = "other"\nnote = "n"\npatterns = ["{}"]\n'
    path.write_text(template.format("Ruritania"), encoding="utf-8")
    assert load_actor_lexicon(path)[0].patterns == ("Ruritania",)
    path.write_text(template.format("Strelsauia"), encoding="utf-8")  # same size, same instant
    assert load_actor_lexicon(path)[0].patterns == ("Strelsauia",)


def test_every_problem_of_an_actor_list_is_listed_at_once(tmp_path):
    # a tester met the duplicate key only after mending the first error
    path = tmp_path / "bad.toml"
    path.write_text(
        '[[actor]]\nkey = "nra"\nlabel = "NRA"\npatterns = []\n\n'
        '[[actor]]\nkey = "nra"\nlabel = "NRA again"\npatterns = ["gun lobby"]\n\n'
        '[[actor]]\nkey = "Bad Key"\nlabel = "B"\npatterns = ["b"]\n',
        encoding="utf-8",
    )
    with pytest.raises(LexiconError) as err:
        load_actor_lexicon(path)
    lines = str(err.value).splitlines()
    assert len(lines) == 3
    assert "actor #1 (nra): give at least one pattern" in lines[0]
    assert "actor #3: key 'Bad Key' must be" in lines[1]
    assert "duplicate actor keys ['nra']" in lines[2]
