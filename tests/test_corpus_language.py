"""Language guesses for documents whose manifest leaves ``language`` empty."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.corpus.language import (
    NOTE,
    fill_language,
    guess_language,
    not_english,
    other_languages_warning,
)

ENGLISH = (
    "The talks in Kuala Lumpur ended with a truce that both sides said was fragile. Officials "
    "expect more negotiations next year, and markets rose on the news of the agreement."
)
SPANISH = (
    "Las conversaciones en Kuala Lumpur terminaron con una tregua que ambas partes calificaron "
    "de frágil. Los funcionarios esperan más negociaciones el próximo año y los mercados subieron."
)
CHINESE = (
    "中国商务部宣布对稀土相关技术实施出口管制。"
    "美方随后宣布加征关税。双方在吉隆坡举行会谈，达成初步共识。"
)
JAPANESE = (
    "レアアースの輸出規制について、"
    "両国の代表はクアラルンプールで協議し、一年間の停止で合意しました。"
)
RUSSIAN = (
    "Переговоры в Куала-Лумпуре завершились перемирием, которое обе стороны назвали хрупким. "
    "Чиновники ожидают новых переговоров в следующем году."
)
KOREAN = (
    "쿠알라룸푸르 회담은 양측 모두 취약하다고 말한 휴전으로 끝났습니다. "
    "관리들은 내년에 더 많은 협상을 기대합니다."
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (ENGLISH, "en"),
        (SPANISH, "und-Latn"),
        (CHINESE, "zh"),
        (JAPANESE, "ja"),
        (RUSSIAN, "und-Cyrl"),
        (KOREAN, "ko"),
        ("Too short.", ""),
        ("", ""),
    ],
)
def test_guess_language(text: str, expected: str) -> None:
    assert guess_language(text) == expected


def test_english_quoting_a_foreign_name_stays_english() -> None:
    text = ENGLISH + " The ministry's statement (商务部公告) was brief."
    assert guess_language(text) == "en"


def test_fill_language_fills_only_empty_values_and_notes_them() -> None:
    docs = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c"],
            "language": ["", "de", None],
            "metadata_note": ["title: from the HTML (trafilatura)", "", ""],
            "text": [CHINESE, CHINESE, ENGLISH],
        }
    )
    out = fill_language(docs)
    assert out["language"].tolist() == ["zh", "de", "en"]  # a given value is never replaced
    assert out["metadata_note"].tolist() == [
        f"title: from the HTML (trafilatura); {NOTE}",
        "",
        NOTE,
    ]
    assert docs["language"].tolist()[:2] == ["", "de"]  # the input is not modified


def test_fill_language_leaves_too_short_texts_empty() -> None:
    docs = pd.DataFrame({"language": [""], "metadata_note": [""], "text": ["Short."]})
    out = fill_language(docs)
    assert out["language"].tolist() == [""]
    assert out["metadata_note"].tolist() == [""]


def test_fill_language_without_the_columns_is_a_no_op() -> None:
    docs = pd.DataFrame({"doc_id": ["a"], "text": [CHINESE]})
    assert fill_language(docs) is docs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the word " * 20, "en"),  # Latin letters only: the cheap path
        ("word " * 39 + "and so on", "und-Latn"),
        ("x" * 39, ""),  # 39 Latin letters: too few for a guess
        ("x" * 39 + " é", ""),  # 40 Latin letters but 2 words
        ("日" + " x" * 45, "und-Latn"),  # one Han letter: counted the long way
        ("日" + " the" * 45, "en"),
    ],
)
def test_the_cheap_path_gives_the_counted_guess(text: str, expected: str) -> None:
    """Texts without a letter of another script skip the per-script counts; the guess is the
    one the counts give, including at the letter and word minimums."""
    assert guess_language(text) == expected


def test_not_english_is_neither_unknown_nor_english() -> None:
    languages = pd.Series(["en", "EN-gb", "", None, " en ", "de", "und-Latn", "zh"])
    assert not_english(languages).tolist() == [
        False, False, False, False, False, True, True, True
    ]  # fmt: skip


def test_the_warning_counts_the_documents_in_each_other_language() -> None:
    docs = pd.DataFrame({"language": ["en", "und-Latn", "und-Latn", "zh", ""]})
    message = other_languages_warning(docs)
    assert message is not None
    assert message.startswith("3 of 5 documents are not in English by their language ")
    assert "(und-Latn (2), zh (1);" in message
    assert other_languages_warning(docs.iloc[[0, 4]]) is None
    assert other_languages_warning(pd.DataFrame({"text": ["x"]})) is None
