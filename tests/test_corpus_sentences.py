"""Sentence splitting and word tokens work offline and respect news abbreviations."""

from __future__ import annotations

import nltk
import pytest

from analysis.corpus import sentences
from analysis.corpus.sentences import count_words, split_sentences, strip_bullet, tokenize_words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mr. Dahl met U.S. envoys on Oct. 3. They talked.",
            ["Mr. Dahl met U.S. envoys on Oct. 3.", "They talked."],
        ),
        (
            "Globex Corp. and Initech Ltd. signed in Sept. 2024. Shares rose.",
            ["Globex Corp. and Initech Ltd. signed in Sept. 2024.", "Shares rose."],
        ),
        (
            "J. K. Rowe said prices rose. Dr. Ames disagreed.",
            ["J. K. Rowe said prices rose.", "Dr. Ames disagreed."],
        ),
        (
            "The talks in Washington, D.C. ended late. A deal followed.",
            ["The talks in Washington, D.C. ended late.", "A deal followed."],
        ),
    ],
)
def test_abbreviations_do_not_end_sentences(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_bullets_and_timeline_lines_are_their_own_units() -> None:
    text = (
        "Key dates\n"
        "- March 2024:\n"
        "- Port reopens to cargo ships\n"
        "• Tariffs paused for 90 days. Talks resume in June.\n"
        "A normal paragraph follows. It has two sentences."
    )
    assert split_sentences(text) == [
        "Key dates",
        "March 2024:",
        "Port reopens to cargo ships",
        "Tariffs paused for 90 days.",
        "Talks resume in June.",
        "A normal paragraph follows.",
        "It has two sentences.",
    ]


def test_strip_bullet_leaves_numbers_in_prose() -> None:
    assert strip_bullet("- item") == "item"
    assert strip_bullet("3. third point") == "third point"
    assert strip_bullet("2025 was a year") == "2025 was a year"


def test_word_tokens_drop_punctuation_and_split_clitics() -> None:
    assert tokenize_words("Freedonia’s “firm” stance, isn't it?") == [
        "Freedonia",
        "'s",
        "firm",
        "stance",
        "is",
        "n't",
        "it",
    ]
    assert count_words("Ten percent, or 10%.") == 4


def test_no_nltk_data_is_needed(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("nltk.data.load must not be called")

    monkeypatch.setattr(nltk.data, "load", refuse)
    monkeypatch.setattr(nltk.data, "find", refuse)
    sentences._punkt.cache_clear()
    sentences._word_tokenizer.cache_clear()
    assert split_sentences("One. Two.") == ["One.", "Two."]
    assert tokenize_words("One two") == ["One", "two"]


def test_chinese_text_is_split_after_full_width_sentence_ends() -> None:
    from analysis.corpus.sentences import split_sentences

    text = "美方随后宣布加征关税。双方在吉隆坡举行会谈，达成“初步共识！”他说：“这很重要？”"
    assert split_sentences(text) == [
        "美方随后宣布加征关税。",
        "双方在吉隆坡举行会谈，达成“初步共识！”",
        "他说：“这很重要？”",
    ]


def test_chinese_characters_count_one_word_each() -> None:
    from analysis.corpus.sentences import count_words

    assert count_words("美方宣布加征关税。") == 8
    assert count_words("美国 (U.S.) 宣布 1,000 项") == 7  # 美 国 U.S. 宣 布 1,000 项
    assert count_words("China's market-dominance, 1,000 U.S. firms") == 5
