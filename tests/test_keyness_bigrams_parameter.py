"""``keyness_bigrams``: a run parameter that has keyness count two-word terms.

A linguist planted "illegal aliens" and "asylum seekers" in a corpus and found keyness listing
"illegal", "aliens", "asylum" and "seekers" apart: ``keyness_table(bigrams=True)`` counted
two-word terms, but no parameter of notebooks 01 and 03 turned it on, and the summary did not
say that two-word terms had not been counted. The hyphenated spelling ("asylum-seekers", 3 of
22 uses) was a term of its own, apart from the spaced one.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

from analysis.config import project_root
from analysis.framing.keyness import (
    compound_bigram,
    count_terms,
    keyness_table,
    term_counts_by_row,
    term_regex,
)
from analysis.pipeline.notebooks import list_notebooks
from analysis.pipeline.params import (
    ParameterError,
    check_value,
    discover_parameters,
    parse_cli_value,
    validate_parameters,
)
from analysis.report.summary import keyness_terms_method

NOTEBOOKS = project_root() / "notebooks"
USING = ("01_corpus.ipynb", "03_framing.ipynb")


@pytest.fixture(scope="module")
def schema():
    return discover_parameters(list_notebooks(NOTEBOOKS))


def _cli(schema, tmp_path: Path, text: str) -> dict:
    """``-p keyness_bigrams TEXT`` validated as the run command validates it."""
    given = {"keyness_bigrams": text}
    values = {name: parse_cli_value(value) for name, value in given.items()}
    return validate_parameters(values, schema, given, base_dir=tmp_path)


def test_notebooks_01_and_03_declare_it_as_a_bool_off_by_default(schema) -> None:
    spec = schema["keyness_bigrams"]
    assert (spec.type_name, spec.default, spec.nullable) == ("bool", "False", False)
    assert spec.notebooks == USING
    assert "two-word terms" in spec.help


@pytest.mark.parametrize(("text", "expected"), [("true", True), ("false", False)])
def test_true_and_false_are_accepted_from_the_command_line(schema, tmp_path, text, expected):
    assert _cli(schema, tmp_path, text) == {"keyness_bigrams": expected}


@pytest.mark.parametrize("text", ["1", "0", "maybe", "'true'", "[true]", "~"])
def test_a_value_that_is_no_bool_is_refused_on_one_line_saying_so(schema, tmp_path, text):
    with pytest.raises(ParameterError) as err:
        _cli(schema, tmp_path, text)
    message = str(err.value)
    assert "\n" not in message
    assert "'keyness_bigrams'" in message
    assert "true or false" in message or "expects bool, got null" in message


@pytest.mark.parametrize("value", ["true", "false", 1, None])
def test_the_notebooks_own_check_refuses_text_and_numbers(value) -> None:
    # plain papermill's -r keyness_bigrams false gives the text "false", which an `if` reads
    # as true: the set-up cell's check (check_value by the same rules) refuses it
    with pytest.raises(ValueError, match=r"'keyness_bigrams' expects true or false, got "):
        check_value("keyness_bigrams", value)
    assert check_value("keyness_bigrams", True) is True


def _calls(notebook: str) -> list[str]:
    cells = json.loads((NOTEBOOKS / notebook).read_text(encoding="utf-8"))["cells"]
    code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    return re.findall(r"keyness_table\(([^)]*)\)", code)


@pytest.mark.parametrize("notebook", USING)
def test_each_notebook_passes_it_to_every_keyness_table(notebook: str) -> None:
    calls = _calls(notebook)
    assert calls and all("bigrams=keyness_bigrams" in call for call in calls)


def _corpus() -> pd.DataFrame:
    rows = [
        ("Ledger", "Officials said illegal aliens crossed the river at night."),
        ("Ledger", "Critics said illegal aliens were blamed for the shortage."),
        ("Ledger", "The mayor spoke of illegal aliens again on Tuesday."),
        ("Courier", "Asylum seekers waited at the border for a hearing."),
        ("Courier", "The shelter housed asylum-seekers and families."),
        ("Courier", "Lawyers said the hearing was delayed again."),
    ]
    return pd.DataFrame(
        {
            "doc_id": [f"d{i}" for i in range(len(rows))],
            "outlet": [r[0] for r in rows],
            "sentence": [r[1] for r in rows],
        }
    )


def test_with_bigrams_illegal_aliens_is_a_term_and_without_it_is_not() -> None:
    sentences = _corpus()
    on = keyness_table(sentences, "outlet", bigrams=True)
    off = keyness_table(sentences, "outlet")
    row = on[(on["outlet"] == "Ledger") & (on["term"] == "illegal aliens")]
    assert row[["count_in_group", "count_in_rest"]].values.tolist() == [[3, 0]]
    assert "illegal aliens" not in set(off["term"])
    assert {"illegal", "aliens"} <= set(off["term"]) & set(on["term"])
    assert not any(" " in term for term in off["term"])


def test_a_hyphenated_compound_counts_as_the_two_word_term_when_bigrams_are_on() -> None:
    texts = _corpus().loc[lambda d: d["outlet"] == "Courier", "sentence"].tolist()
    on = count_terms(texts, bigrams=True)
    off = count_terms(texts)
    assert on["asylum seekers"] == 2  # one spaced, one hyphenated
    assert on["asylum-seekers"] == off["asylum-seekers"] == 1  # the word as written stays
    assert on["asylum"] == off["asylum"] == 1  # single words are counted as before
    assert "asylum seekers" not in off
    # counted where each use is, as the findings count it, and found by its KWIC pattern
    assert term_counts_by_row(texts, ["asylum seekers"])[:, 0].tolist() == [1, 1, 0]
    pattern = re.compile(term_regex("asylum seekers"), re.IGNORECASE)
    assert [bool(pattern.search(t)) for t in texts] == [True, True, False]


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("asylum-seekers", "asylum seekers"),
        ("Well-known", "well known"),
        ("so-called", None),  # "so" is a stop word
        ("e-mail", None),  # one letter
        ("well-to-do", None),  # three parts
        ("covid-19", None),  # not two words
        ("asylum", None),
        (None, None),
    ],
)
def test_only_two_words_joined_by_one_hyphen_are_a_compound(token, expected) -> None:
    assert compound_bigram(token) == expected


def test_the_summary_says_whether_two_word_terms_were_counted() -> None:
    on = keyness_terms_method({"keyness_bigrams": True})
    off = keyness_terms_method({"keyness_bigrams": False})
    assert "single words and two-word terms" in on and "asylum-seekers" in on
    assert "single words only" in off and "not counted" in off
    assert keyness_terms_method({}) == off
