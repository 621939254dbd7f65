"""Hedge and certainty counts on sentences written for these tests."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis.framing.hedging import hedging_counts, hedging_table
from analysis.lexicon import LexiconError


@pytest.mark.parametrize(
    ("sentence", "hedges", "certainty"),
    [
        ("Prices may rise if the pause ends.", 1, 0),
        ("Output reportedly fell and could fall further.", 2, 0),
        ("The deal appears to hold, according to diplomats.", 2, 0),
        ("Officials are expected to meet, possibly next week.", 2, 0),
        ("The curbs will clearly stay in place.", 0, 1),
        ("Beijing has never promised to relax controls, in fact.", 0, 2),
        ("They won’t back down and must act.", 0, 1),
        ("It is clear that the talks failed; undoubtedly so.", 0, 2),
        # negated "could" says what was not possible, not how sure the writer is (a tester's
        # "could not intervene" and the newsroom's "could not be reached for comment")
        ("The mayor could not be reached for comment, but prices could rise.", 1, 0),
        ("The council couldn't intervene and could no longer wait.", 0, 0),
        # "tentative deal" names a stage of a negotiation (reached, not yet ratified), not the
        # writer's doubt: a tester's strike headlines owed 108 of 116 hedges to it
        ("Drivers and city reach tentative deal to end strike.", 0, 0),
        ("Union members vote on Tentative Agreement; tentative contracts signed.", 0, 0),
        ("The unions reached a tentative settlement after talks.", 0, 0),
        ("A tentative recovery may be under way.", 2, 0),
        ("The sides tentatively agreed on a tentative deal.", 1, 0),
    ],
)
def test_counts(sentence: str, hedges: int, certainty: int) -> None:
    row = hedging_counts([sentence]).iloc[0]
    assert (row["n_hedges"], row["n_certainty"]) == (hedges, certainty)


@pytest.mark.parametrize(
    "sentence",
    [
        "Talks began in May 2025.",
        "Since May, exports have slowed.",
        "The May 12 meeting was cancelled.",
        "The mayor visited the mine.",  # "may" inside a word
    ],
)
def test_month_may_is_not_a_hedge(sentence: str) -> None:
    assert hedging_counts([sentence]).iloc[0]["n_hedges"] == 0


@pytest.mark.parametrize(
    "sentence",
    [
        "The city council will review the figures next year.",
        "The minister won't attend, and the vote shall be held on Monday.",
        "He cannot attend the meeting.",
    ],
)
def test_future_will_is_not_certainty(sentence: str) -> None:
    """The bundled list does not count a schedule as certainty."""
    assert hedging_counts([sentence]).iloc[0]["n_certainty"] == 0


@pytest.mark.parametrize(
    "sentence",
    [
        "The stadium will be fully open by 2027.",
        "Ecobee completely redesigned its thermostat.",
        "The club may shut the old stand entirely.",
    ],
)
def test_degree_adverbs_are_not_certainty(sentence: str) -> None:
    """How far something goes ("fully open") is not how sure the writer is of it."""
    assert hedging_counts([sentence]).iloc[0]["n_certainty"] == 0


def _lexicon(folder: Path, text: str) -> Path:
    """A hedging lexicon written for a test."""
    path = folder / "lex.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_list_that_counts_will_masks_its_noun_uses(tmp_path: Path) -> None:
    """What the lexicon's comment tells a user to write works: "will" counted, its nouns not."""
    path = _lexicon(
        tmp_path,
        '[hedges]\nterms = ["may"]\n[certainty]\nterms = ["will", "won’t"]\n'
        'exclusions = ["political will", "goodwill", "the will of"]\n',
    )
    sentences = [
        "Prices will rise and they won’t fall.",
        "There is little political will for new tariffs.",
        "The gesture built goodwill between the capitals.",
        "It reflects the will of the people, he argued.",
    ]
    assert hedging_counts(sentences, lexicon=path)["n_certainty"].tolist() == [2, 0, 0, 0]


def test_sentence_initial_modal_may() -> None:
    assert hedging_counts(["May be the talks will surely fail."]).iloc[0].tolist() == [1, 1]


def test_hedging_table_rates_and_schema() -> None:
    sentences = pd.DataFrame(
        {
            "doc_id": ["a", "a", "b", "c"],
            "outlet": ["X", "X", "X", "Y"],
            "sentence": ["It may rain.", "It will rain.", "Dry.", "It could, perhaps, rain."],
            "n_words": [3, 3, 1, 4],
        }
    )
    sentences = pd.concat([sentences, hedging_counts(sentences["sentence"])], axis=1)
    table = hedging_table(sentences, "outlet", n_boot=200, seed=1)
    assert list(table.columns) == [
        "outlet",
        "measure",
        "per_1000_words",
        "ci_low",
        "ci_high",
        "share_sentences",
        "n_docs",
        "n_sentences",
        "n_words",
    ]
    x = table[(table.outlet == "X") & (table.measure == "hedges")].iloc[0]
    assert x["per_1000_words"] == pytest.approx(1000 * 1 / 7)
    assert x["share_sentences"] == pytest.approx(1 / 3)
    assert (x["n_docs"], x["n_sentences"], x["n_words"]) == (2, 3, 7)
    y = table[(table.outlet == "Y") & (table.measure == "hedges")].iloc[0]
    assert y["per_1000_words"] == pytest.approx(1000 * 2 / 4)
    assert x["ci_low"] <= x["per_1000_words"] <= x["ci_high"]
    again = hedging_table(sentences, "outlet", n_boot=200, seed=1)
    pd.testing.assert_frame_equal(table, again)


@pytest.mark.parametrize(
    ("hedges", "message"),
    [
        ('terms = ["may", 3]', r"lex\.toml: \[hedges\]: 'terms' entry #2 must be a string"),
        ('terms = ["perhaps", "Perhaps"]', r"\[hedges\]: 'terms' lists 'Perhaps' twice"),
        ('case_sensitive = ["may", ""]', r"\[hedges\]: 'case_sensitive' entry #2 is empty"),
        ('patterns = ["(may"]', r"\[hedges\]: 'patterns' entry #1 is an invalid pattern"),
        ("exclusions = []", r"\[hedges\]: no terms, case_sensitive words or patterns"),
    ],
)
def test_bad_lists_name_file_list_and_entry(tmp_path: Path, hedges: str, message: str) -> None:
    path = tmp_path / "lex.toml"
    path.write_text(f'[hedges]\n{hedges}\n[certainty]\nterms = ["will"]\n', encoding="utf-8")
    with pytest.raises(LexiconError, match=message):
        hedging_counts(["x"], lexicon=path)


def test_custom_lexicon_terms_and_case(tmp_path: Path) -> None:
    path = _lexicon(
        tmp_path,
        '[hedges]\nterms = ["sort of", "it\'s said"]\ncase_sensitive = ["Maybe"]\n'
        '[certainty]\nterms = ["sure"]\nexclusions = ["not sure"]\n',
    )
    counts = hedging_counts(
        ["Sort  of it’s said, Maybe.", "maybe not sure", "It's said, sure."], lexicon=path
    )
    assert counts.values.tolist() == [[3, 0], [0, 0], [1, 1]]
