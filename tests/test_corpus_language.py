"""Language guesses for documents whose manifest leaves ``language`` empty."""

from __future__ import annotations

import pandas as pd
import pytest

import analysis.corpus.language as language
from analysis.corpus.language import (
    CONTRADICTED,
    NOTE,
    SAMPLE_CHARS,
    contradicted_documents,
    contradicted_warning,
    english_given_as_other,
    english_given_as_other_warning,
    fill_language,
    guess_language,
    identify_language,
    no_language,
    not_english,
    other_languages_warning,
    short_texts_warning,
    too_short_to_guess,
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
        (SPANISH, "es"),
        (CHINESE, "zh"),
        (JAPANESE, "ja"),
        (RUSSIAN, "ru"),
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


IDENTIFIED = "the identifier's answer"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the word " * 20, "en"),  # Latin letters only: the cheap path
        ("word " * 39 + "and so on", IDENTIFIED),  # few function words: the identifier decides
        ("x" * 39, ""),  # 39 Latin letters: too few for a guess
        ("x" * 39 + " é", ""),  # 40 Latin letters but 2 words
        ("日" + " x" * 45, IDENTIFIED),  # one Han letter: counted the long way
        ("日" + " the" * 45, "en"),
    ],
)
def test_the_cheap_path_gives_the_counted_guess(text: str, expected: str) -> None:
    """Texts without a letter of another script skip the per-script counts; the guess is the
    one the counts give, including at the letter and word minimums."""
    if expected == IDENTIFIED:
        expected = identify_language(text[:SAMPLE_CHARS])
    assert guess_language(text) == expected


# Telegraphic English: a dateline, a byline and a list of headlines (English function words
# about 0.1 of the words; alone, that share took it for another language).
TELEGRAPHIC = (
    "Vegas shooting survivors describe year of change, challenges By Regina Garcia Cano and Amy "
    "Taxin, Associated Press LAS VEGAS - Sep 29, 2018, 2:53 PM ET Play The Associated Press "
    "WATCH Las Vegas shooting victims sued by Mandalay Bay hotel owners"
)
# A Portuguese list of dates: its many "a"s and "do"s are English function words too (a share
# of 0.2; alone, that share took it for English).
PORTUGUESE_LIST = (
    "Calendário da Stock Car 2018. 1a etapa: 10 de março – Interlagos. 2a etapa: 8 de abril – "
    "Curitiba. 3a etapa: 22 de abril – Velopark. 4a etapa: 06 de maio – Londrina. 5a etapa: 20 "
    "de maio – Santa Cruz do Sul. 6a etapa: 5 de agosto – Corrida do Milhão. 7a etapa: 19 de "
    "agosto – A ser divulgado. 8a etapa: 09 de setembro – Cascavel."
)
GERMAN = (
    "Der Stadtrat hat am Montag den Haushalt nach einer langen Debatte beschlossen, und die "
    "Kritiker sagten, der Plan werde den Nahverkehr schwer beschädigen."
)
FRENCH = (
    "Le conseil municipal a adopté lundi le budget après un long débat, et les critiques ont "
    "dit que le plan nuirait gravement aux transports publics de la ville."
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [(TELEGRAPHIC, "en"), (PORTUGUESE_LIST, "pt"), (GERMAN, "de"), (FRENCH, "fr")],
)
def test_texts_the_function_words_cannot_decide_are_named_by_the_identifier(
    text: str, expected: str
) -> None:
    assert guess_language(text) == expected


def test_english_prose_never_loads_the_identifier(monkeypatch: pytest.MonkeyPatch) -> None:
    """English prose is decided by its function words: the identifier's model (about 0.4 s to
    load) is not needed for a corpus in English."""

    def refuse(sample: str) -> str:
        raise AssertionError(f"the identifier was asked about {sample[:40]!r}")

    monkeypatch.setattr(language, "identify_language", refuse)
    assert guess_language(ENGLISH * 3) == "en"
    assert guess_language(CHINESE) == "zh" and guess_language(KOREAN) == "ko"


def test_not_english_is_neither_unknown_nor_english() -> None:
    languages = pd.Series(["en", "EN-gb", "", None, " en ", "de", "fr-CA", "zh"])
    assert not_english(languages).tolist() == [
        False, False, False, False, False, True, True, True
    ]  # fmt: skip


def test_the_warning_counts_the_documents_in_each_other_language() -> None:
    docs = pd.DataFrame({"language": ["en", "fr-CA", "fr-CA", "zh", ""]})
    message = other_languages_warning(docs)
    assert message is not None
    assert message.startswith("3 of 5 documents are not in English by their language ")
    assert "(fr-CA (2), zh (1);" in message
    assert other_languages_warning(docs.iloc[[0, 4]]) is None
    assert other_languages_warning(pd.DataFrame({"text": ["x"]})) is None


NAMING_NONE = ["unknown", "Unknown", "und", "und-Latn", "N/A", "none", "nan", "zxx", "mul", " ? "]
NAMING_ENGLISH = ["English", "ENGLISH", "eng", "en_GB", "English (UK)", "Englisch", "anglais",
                  "Inglés", "inglese", "英语"]  # fmt: skip


def test_a_value_naming_no_language_or_english_in_another_tongue_is_not_another_language():
    # an export's "Unknown" or a manifest's "N/A" made its articles "not in English" before,
    # and so did a French export's "anglais"
    assert not not_english(pd.Series(NAMING_NONE + NAMING_ENGLISH)).any()
    assert no_language(pd.Series(NAMING_NONE)).all()
    assert not no_language(pd.Series(["de", "English", "fr-CA"])).any()
    assert not_english(pd.Series(["German", "Deutsch", "pt-BR", "Español"])).all()


def test_fill_language_guesses_a_value_naming_no_language_and_says_what_it_replaced():
    docs = pd.DataFrame(
        {
            "language": ["Unknown", "N/A", "de", "unknown"],
            "metadata_note": ["", "", "", ""],
            "text": [CHINESE, ENGLISH, CHINESE, "Short."],
        }
    )
    out = fill_language(docs)
    assert out["language"].tolist() == ["zh", "en", "de", "unknown"]  # too short: left as given
    assert out["metadata_note"].tolist() == [
        f"{NOTE} in place of 'Unknown'",
        f"{NOTE} in place of 'N/A'",
        "",
        "",
    ]


def test_a_document_given_as_english_whose_text_is_not_is_noted_and_left_as_given():
    docs = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c", "d", "e"],
            "language": ["ENGLISH", "en", "en-GB", "", "English"],
            "metadata_note": ["", "title: from the HTML (trafilatura)", "", "", ""],
            "text": [SPANISH, RUSSIAN, ENGLISH, SPANISH, "Short."],
        }
    )
    out = fill_language(docs)
    assert out["language"].tolist() == ["ENGLISH", "en", "en-GB", "es", "English"]
    assert out["metadata_note"].tolist() == [
        CONTRADICTED.format(given="ENGLISH", guess="es"),
        "title: from the HTML (trafilatura); " + CONTRADICTED.format(given="en", guess="ru"),
        "",  # English text given as English
        NOTE,  # an empty value is guessed, not contradicted
        "",  # too short to tell
    ]
    message = contradicted_warning(out)
    assert message is not None and message.startswith("2 of 5 documents are given as English")
    assert "(a, b;" in message
    # what the lexicons do with such text: read its words spelt as English ones, not skip them
    assert "read their words spelt as English ones" in message
    assert contradicted_warning(fill_language(docs.iloc[2:])) is None


def test_a_document_given_as_another_language_whose_text_is_english_is_noted_and_left_as_given():
    # the extraction benchmark's two businessinsider.com pages declare <html lang="de">
    docs = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c", "d", "e"],
            "language": ["de", "German", "fr", "es", "zh"],
            "metadata_note": ["", "language: from the HTML", "", "", ""],
            "text": [ENGLISH, ENGLISH, SPANISH, SPANISH, "Short."],
        }
    )
    out = fill_language(docs)
    assert out["language"].tolist() == ["de", "German", "fr", "es", "zh"]  # left as given
    assert out["metadata_note"].tolist() == [
        CONTRADICTED.format(given="de", guess="en"),
        "language: from the HTML; " + CONTRADICTED.format(given="German", guess="en"),
        "",  # one other language read as another: not English either way, not noted
        "",
        "",  # too short to tell
    ]
    assert english_given_as_other(out) == ["a", "b"]
    assert contradicted_documents(out) == []  # the other direction's list holds neither
    assert contradicted_warning(out) is None
    message = english_given_as_other_warning(out)
    assert message is not None
    assert message.startswith("2 of 5 documents are given as another language but their text")
    assert "(a, b;" in message and "flagged 'language'" in message
    assert english_given_as_other_warning(fill_language(docs.iloc[2:])) is None


def test_the_two_directions_of_a_contradicted_language_are_told_apart():
    docs = pd.DataFrame(
        {
            "doc_id": ["en-read-es", "de-read-en", "en-read-en"],
            "language": ["en", "de", "en"],
            "metadata_note": ["", "", ""],
            "text": [SPANISH, ENGLISH, ENGLISH],
        }
    )
    out = fill_language(docs)
    assert contradicted_documents(out) == ["en-read-es"]
    assert english_given_as_other(out) == ["de-read-en"]


def test_the_language_read_is_the_texts_where_it_contradicts_the_given_one():
    from analysis.corpus.language import language_read

    docs = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c", "d"],
            "language": ["de", "ENGLISH", "fr", ""],
            "metadata_note": ["", "", "", ""],
            "text": [ENGLISH, SPANISH, SPANISH, SPANISH],
        }
    )
    out = fill_language(docs)
    assert language_read(out).tolist() == ["en", "es", "fr", "es"]
    assert out["language"].tolist() == ["de", "ENGLISH", "fr", "es"]  # the column as given
    assert language_read(docs.drop(columns="metadata_note")).tolist() == ["de", "ENGLISH", "fr", ""]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("政府宣布了新的关税。", "zh"),  # 9 characters: unnamed before, and scored as English
        ("政府は新しい関税を発表した。", "ja"),
        ("정부가 새 관세를 발표했다.", "ko"),
        ("中国", ""),  # two characters: too few to tell
        ("Die Regierung kündigte neue Zölle an.", ""),  # a short Latin text is still too short
    ],
)
def test_a_short_chinese_japanese_or_korean_text_is_named_by_its_script(
    text: str, expected: str
) -> None:
    assert guess_language(text) == expected


def test_language_names_become_iso_codes_audited(tmp_path) -> None:
    """A tester's corpus mixed "English" (Factiva), "ENGLISH" (Nexis Uni) and "en" (pastes):
    ``language == "en"`` kept a third of its English articles. A value naming a language is
    its ISO 639-1 code, each change in the audit; other values stay as given."""
    from analysis import load_corpus
    from analysis.corpus.language import language_code

    given = ["English", "ENGLISH", "en", "Englisch", "anglais", "Deutsch", "Français", "Español"]
    given += ["en-GB", "Klingon"]
    codes = ["en", "en", "en", "en", "en", "de", "fr", "es", "en-GB", "Klingon"]
    assert [language_code(v) or v for v in given] == codes
    text = "Dock workers went back to work on Monday after the strike ended, the union said."
    path = tmp_path / "export.csv"
    pd.DataFrame(
        {
            "doc_id": [f"d{i}" for i in range(len(given))],
            "outlet": "Post",
            "text": [f"{text} Story {i}." for i in range(len(given))],
            "language": given,
        }
    ).to_csv(path, index=False)
    corpus = load_corpus(path, progress=False, duplicates="keep")
    docs = corpus.documents.set_index("doc_id")
    assert docs["language"].tolist() == codes
    audit = corpus.audit[corpus.audit["rule"] == "language_code"]
    assert audit["doc_id"].tolist() == ["d0", "d1", "d3", "d4", "d5", "d6", "d7"]
    assert audit["original"].iloc[1] == "language: ENGLISH"
    assert audit["result"].iloc[1] == "language: en (ISO 639-1)"
    # "is this English" reads the codes as it read the names
    assert language.not_english(docs["language"]).tolist() == [False] * 5 + [True] * 3 + [
        False,
        True,
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a tester's Spanish headlines among English ones: scored as English before ("sin" is
        # a word of VADER's lexicon)
        ("La sequía golpea a los agricultores del valle de Kestrel", "es"),
        ("Huelga de autobuses deja a miles de pasajeros sin transporte en Port Alder", "es"),
        ("Lluvias de primavera traen alivio a los embalses | Harbor Ledger", "es"),
        ("La grève des chauffeurs paralyse la ville", "fr"),
        ("Der Streik der Fahrer legt die Stadt lahm und ist nicht vorbei", "de"),
        # short English texts: an English function word, or too few of another language's
        ("Farmers praise new water-sharing deal as a lifeline as June ends", ""),
        ("Bus strike leaves 300 commuters stranded", ""),
        ("Los Angeles council meets on Tuesday", ""),
        ("Le Pen and de Gaulle: a French story", ""),
    ],
)
def test_a_short_text_is_named_where_its_function_words_leave_no_doubt(
    text: str, expected: str
) -> None:
    assert guess_language(text) == expected


def test_texts_too_short_to_guess_are_counted_and_warned_about() -> None:
    """A tester's 3,868 headlines all went without a language, and nothing said so."""
    docs = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c", "d"],
            "text": [
                "Bus strike leaves 300 commuters stranded",
                "La sequía golpea a los agricultores del valle de Kestrel",
                ENGLISH,
                "Mayor praises drivers",
            ],
            "language": ["", "", "", "unknown"],
        }
    )
    out = fill_language(docs)
    assert out["language"].tolist() == ["", "es", "en", "unknown"]
    assert too_short_to_guess(out).tolist() == [True, False, False, True]
    warning = short_texts_warning(out)
    assert warning is not None
    assert warning.startswith("2 of 4 texts are too short to guess a language (under 20 words)")
    assert short_texts_warning(out.iloc[1:3]) is None
    assert not too_short_to_guess(out.drop(columns="language")).any()
