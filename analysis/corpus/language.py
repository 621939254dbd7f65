"""A guess of a document's language, for corpora whose manifest leaves ``language`` empty.

The lexicons (VADER, the codebook, hedges, sources) are English; a document in another language
gets scores that mean nothing, so it must be flagged (``quality_flags`` holds ``language`` for
a language that is not English). A folder of pasted pages or an export often has no language
column, so the flag would never be raised. This module fills the gap in two steps:

- two cheap signals decide the clear cases: the **script** of the letters (a text mostly in
  Han and kana is Chinese or Japanese, in Hangul Korean), and for Latin-script text the
  **share of English function words** (the stop-word list of the boilerplate classifier),
  about 0.4–0.5 in English prose: at or above :data:`ENGLISH_SHARE` the text is English (the
  idea of stop-word language identification, Grefenstette 1995, "Comparing two language
  identification schemes");
- every other text goes to a **language identifier**, py3langid (Lui & Baldwin 2012,
  "langid.py: An Off-the-shelf Language Identification Tool", ACL; a naive Bayes model over
  byte n-grams of 97 languages, shipped with the package, deterministic). The function-word
  share alone took telegraphic English (a dateline and a byline, a list of headlines: shares
  0.1–0.25) for another language, and a Portuguese list of dates with many "a"s and "do"s for
  English; the identifier names both right, and the language (``de``, ``pt``, ``ru``) instead
  of a script.

Measured by ``python -m analysis bench language`` (:mod:`analysis.bench.language`): on the
extraction benchmark's 120 human-marked bodies the guess agrees with 95 of the 99 pages that
declare a language, and the 4 others are declared wrongly; on PerSenT's 1,984 English articles
none is guessed as another language. It is a guess: too little text (fewer than
:data:`MIN_WORDS` words, or :data:`MIN_LETTERS` letters) gives none, and a text mixing languages
gets the one of its first :data:`SAMPLE_CHARS` characters. A short Latin-script text (a
headline, a post) is named only where its function words leave no doubt
(:func:`short_text_language`: at least :data:`SHORT_MIN_HITS` of one language's
:data:`FUNCTION_WORDS` and no English function word that is not also one of them, "La sequía
golpea a los agricultores del valle"); any other short text gets no guess, and the run says how
many (:func:`short_texts_warning`). On a tester's 3,868 headlines (every one under 20 words, 42
of them Spanish) the rule named 42 of the 42 Spanish ones and no English one. The value and its
source go into ``language`` and ``metadata_note``, as values read from a page's HTML do. A value
given as English is checked against the same guess and, when the text reads as another language,
kept but noted and warned about (:func:`fill_language`): a given language may be wrong too, as
those 4 pages' were: two given as English read as German, and two given as German read as
English. Both directions are checked: a value given as another language whose text reads as
English is kept too, noted and warned about (its articles would be flagged ``language`` and left
out by a reader who trusts the flag).
"""

from __future__ import annotations

import functools
import re
from typing import Any

import pandas as pd

from analysis.corpus.group_values import NO_VALUE
from analysis.corpus.sentences import CJK_CHARS, KANA_CHARS
from analysis.lexicon import english_stop_words
from analysis.user_warnings import first_ids

# The guess reads this much of the text: some 170 words of prose, whose share of English function
# words (0.4-0.5 in English) has a standard error of about 0.04, far from the 0.15 threshold. On
# 4,104 texts (the synthetic corpus, PerSenT, the 120 pages of the extraction benchmark: Latin,
# Cyrillic, Korean and Japanese) it gives the guesses 5,000 characters gave, at a fifth of the cost.
SAMPLE_CHARS = 1_000
MIN_LETTERS = 40  # fewer letters than this: no guess
MIN_WORDS = 20  # a Latin-script text needs this many words for the stop-word share
MIN_CJK_CHARS = 5  # Han, kana or Hangul characters that name a text's language by its script
# English prose is ~0.4-0.5 function words; at or above this share a Latin text is English
# without asking the identifier (telegraphic English, headlines and bylines, is 0.1-0.25)
ENGLISH_SHARE = 0.25
SCRIPT_SHARE = 0.5  # a non-Latin script holding more than this share of the letters decides
NOTE = "language: guessed from the text (script, English function words, py3langid)"
# the note of a document given as English whose text reads as another language (fill_language)
CONTRADICTED = "language: given as {given!r}, but the text reads as {guess!r} (left as given)"
# the words between the two values, which only that note holds: "but the text reads as"
_CONTRADICTED_MARK = CONTRADICTED.split("{given!r}")[1].split("{guess!r}")[0].strip(" ,")
# the same note of a document given as another language whose text reads as English
_READS_ENGLISH_MARK = f"{_CONTRADICTED_MARK} 'en'"
# the language the text reads as, in that note (the identifier's codes: letters only)
_READ_AS = re.escape(_CONTRADICTED_MARK) + r" '([A-Za-z-]+)' \(left as given\)"
# what to do about a web page's language, which its site's template declares (<html lang>)
PAGE_LANGUAGE_HINT = (
    "a web page's language is its site's template's <html lang>: give the right one in a "
    "metadata.csv keyed by file, whose language wins over the page's"
)

_SCRIPTS: dict[str, re.Pattern[str]] = {
    "Hani": re.compile(f"[{CJK_CHARS}]"),
    "Kana": re.compile(f"[{KANA_CHARS}]"),
    "Hang": re.compile("[\u1100-\u11ff\uac00-\ud7af]"),
    "Cyrl": re.compile("[\u0400-\u04ff]"),
    "Grek": re.compile("[\u0370-\u03ff]"),
    "Arab": re.compile("[\u0600-\u06ff\u0750-\u077f]"),
    "Hebr": re.compile("[\u0590-\u05ff]"),
    "Deva": re.compile("[\u0900-\u097f]"),
    "Thai": re.compile("[\u0e00-\u0e7f]"),
}
# Function words of languages an English-language corpus most often holds a few texts of,
# leaving out those that are English words too ("in", "die", "sin", "as", "do", "no", "per",
# "plus", "met", "op", "non", "un" of "UN"), but "a": evidence enough, in a text too short for
# the English share or the identifier, where several stand in it and no English function word
# that is not one of them (English "as a lifeline as" is no Portuguese)
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    code: frozenset(words.split())
    for code, words in {
        "es": "a el la los las del de y en por para con una unos unas que se su sus al es "
        "lo como más pero este esta tras sobre entre",
        "fr": "a le la les des du de et en une pour par avec sans dans sur que qui est au "
        "aux ce cette ses leur leurs pas",
        "de": "der das dem des und mit für auf ist ein eine einen nicht von zu im bei nach "
        "sich auch wird über",
        "it": "a il lo la gli le del della dei delle di e con che una nel nella sul alla al è più",
        "pt": "a os da das dos de e em um uma por para com sem que se na nas nos ao é não mais",
        "nl": "de het een en voor niet zijn bij uit naar ook wordt maar dat",
    }.items()
}
SHORT_MIN_HITS = 3  # function words of one language a short text needs to be named by them
_LATIN = "A-Za-z\u00c0-\u024f"
_LATIN_RE = re.compile(f"[{_LATIN}]")
_WORD_RE = re.compile(r"[^\W\d_]+")
# any letter of the scripts above (one scan; most texts have none), and MIN_LETTERS Latin letters
_ANY_SCRIPT_RE = re.compile("[" + "".join(p.pattern[1:-1] for p in _SCRIPTS.values()) + "]")
_ENOUGH_LATIN_RE = re.compile(f"(?:[^{_LATIN}]*[{_LATIN}]){{{MIN_LETTERS}}}")
# each byte of ASCII text: a letter (what _WORD_RE matches there) lower-cased, anything else a
# space (_english_or_not)
_ASCII_LETTERS_LOWER = bytes(
    ord(chr(c).lower()) if c < 128 and chr(c).isalpha() else 0x20 for c in range(256)
)


def guess_language(text: str) -> str:
    """An ISO 639-1 code (``"en"``, ``"zh"``, ``"de"``...), or ``""`` when the text is too short.

    Reads the first :data:`SAMPLE_CHARS` characters. Han script is Japanese when kana make up
    over a tenth of the Han-and-kana letters (Japanese mixes both; Chinese has no kana). A text
    mostly in another non-Latin script, or in Latin script with few English function words, is
    named by :func:`identify_language`.
    """
    sample = str(text)[:SAMPLE_CHARS]
    # no letter of another script (none is ASCII): as below, cheaply
    if sample.isascii() or _ANY_SCRIPT_RE.search(sample) is None:
        if _ENOUGH_LATIN_RE.match(sample):
            return _english_or_not(sample)
        return short_text_language(_WORD_RE.findall(sample))
    counts = {name: len(pattern.findall(sample)) for name, pattern in _SCRIPTS.items()}
    # kana are inside the CJK range used for Hani: count them once, as kana
    counts["Hani"] -= counts["Kana"]
    latin = len(_LATIN_RE.findall(sample))
    letters = latin + sum(counts.values())
    cjk = counts["Hani"] + counts["Kana"]
    # a Han or kana character is about a word: a short Chinese or Japanese text is named by its
    # script ("政府宣布了新的关税。", 9 characters, went unnamed and was scored as English)
    if cjk >= MIN_CJK_CHARS and cjk > SCRIPT_SHARE * letters:
        return "ja" if counts["Kana"] > 0.1 * cjk else "zh"
    if counts["Hang"] >= MIN_CJK_CHARS and counts["Hang"] > SCRIPT_SHARE * letters:
        return "ko"
    if letters < MIN_LETTERS:
        return ""
    script, n = max(counts.items(), key=lambda item: item[1])
    if n > SCRIPT_SHARE * letters:
        return "ko" if script == "Hang" else identify_language(sample)
    return _english_or_not(sample)


def _english_or_not(sample: str) -> str:
    """``"en"`` when the share of English function words among the words of ``sample`` is at
    least :data:`ENGLISH_SHARE`, else the identifier's language; ``""`` when it has fewer than
    :data:`MIN_WORDS` words."""
    if sample.isascii() or not _WORD_RE.search(_beyond_ascii(sample)):
        # the same words, case-folded: in ASCII text _WORD_RE's words are the runs of letters,
        # whose case folding is lower case; one bytes.translate finds them, in C. So too in a
        # text none of whose other characters is a letter (typographic quotes and dashes, most
        # English news): each of them, a "?" here, is a space between words, as for _WORD_RE
        data = sample.encode("ascii", "replace")
        folded = data.translate(_ASCII_LETTERS_LOWER).decode("ascii").split()
    else:
        folded = list(map(str.casefold, _WORD_RE.findall(sample)))
    if len(folded) < MIN_WORDS:
        return short_text_language(_WORD_RE.findall(sample))
    stops = english_stop_words().__contains__
    share = sum(map(stops, folded)) / len(folded)
    return "en" if share >= ENGLISH_SHARE else identify_language(sample)


_ASCII_BYTES = bytes(range(128))


def _beyond_ascii(text: str) -> str:
    """The characters of ``text`` outside ASCII, in order (its ASCII bytes deleted from its
    UTF-8 form, in C; what is left is whole characters)."""
    data = text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES)
    return data.decode("utf-8", "surrogatepass")


def short_text_language(words: list[str]) -> str:
    """The language of a text too short for the English share (fewer than :data:`MIN_WORDS`
    ``words``) when its function words name one clearly, else ``""``.

    It holds at least :data:`SHORT_MIN_HITS` words of one language's :data:`FUNCTION_WORDS`
    and no English function word that is not one of them ("a" is Spanish too, "the" is not);
    a tie between languages ("de la" is Spanish and French) goes to the identifier when it
    names one of them, else there is no guess. A short English text never holds three of any
    language's words but no English one, so it gets no guess, as every short text did before:
    the rule only finds texts that are not English."""
    if len(words) < SHORT_MIN_HITS or len(words) >= MIN_WORDS:
        return ""
    folded = [word.casefold() for word in words]
    hits = {code: sum(w in vocab for w in folded) for code, vocab in FUNCTION_WORDS.items()}
    best = max(hits.values())
    if best < SHORT_MIN_HITS:
        return ""
    english = english_stop_words()
    tied = [
        code
        for code, n in hits.items()
        if n == best and not any(w in english and w not in FUNCTION_WORDS[code] for w in folded)
    ]
    if len(tied) == 1:
        return tied[0]
    if tied:
        named = identify_language(" ".join(words))
        return named if named in tied else ""
    return ""


@functools.cache
def language_identifier() -> Any:
    """py3langid's identifier with its bundled model, loaded once per process (about 0.4 s:
    the model is LZMA-compressed; the workers of a run load it as they warm up)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE)


def identify_language(sample: str) -> str:
    """The ISO 639-1 code py3langid gives ``sample`` (the most likely of its 97 languages)."""
    return str(language_identifier().classify(sample)[0])


# Values of a language column that name no language: exports and manifests write them for "not
# known" (those of any column, group_values.NO_VALUE, and ISO 639's und, zxx and mul). Read as
# empty: the text's language is guessed.
NO_LANGUAGE = NO_VALUE | {"und", "zxx", "mul", "xx"}
# "English" as exports written in other languages name it (a value starting with "en" needs no
# entry: en, en-GB, eng, English, Englisch, Engels)
ENGLISH_NAMES = frozenset(
    {"anglais", "inglés", "ingles", "inglês", "inglese", "angielski", "angol", "английский"}
    | {"英语", "英文", "英語", "영어"}
)


# Languages' names (in English, in their own language and in the other languages exports are
# written in) and ISO 639-2 codes, by ISO 639-1 code: a corpus mixed "English" (Factiva),
# "ENGLISH" (Nexis Uni) and "en" (pastes) in one column, so `language == "en"` missed two of
# three English articles. Only values clearly naming a language: no guess at others.
_LANGUAGE_NAMES: dict[str, tuple[str, ...]] = {
    "en": ("english", "englisch", "engels", "eng", *ENGLISH_NAMES),
    "de": ("german", "deutsch", "allemand", "alemán", "aleman", "tedesco", "duits", "ger", "deu"),
    "fr": (
        *("french", "français", "francais", "französisch", "francés", "frances", "francese"),
        *("frans", "fra", "fre"),
    ),
    "es": (
        *("spanish", "español", "espanol", "spanisch", "espagnol", "espanhol", "spagnolo"),
        *("spaans", "castellano", "spa"),
    ),
    "it": ("italian", "italiano", "italienisch", "italien", "ita"),
    "pt": ("portuguese", "português", "portugues", "portugiesisch", "portugais", "por"),
    "nl": ("dutch", "nederlands", "niederländisch", "néerlandais", "nld", "dut"),
    "ru": ("russian", "русский", "russisch", "russe", "ruso", "rus"),
    "zh": ("chinese", "chinesisch", "chinois", "chino", "中文", "汉语", "漢語", "zho", "chi"),
    "ja": ("japanese", "japanisch", "japonais", "日本語", "jpn"),
    "ar": ("arabic", "arabisch", "arabe", "العربية", "ara"),
    "pl": ("polish", "polski", "polnisch", "polonais", "pol"),
    "sv": ("swedish", "svenska", "schwedisch", "suédois", "swe"),
    "da": ("danish", "dansk", "dänisch", "danois", "dan"),
    "tr": ("turkish", "türkçe", "turkce", "türkisch", "turc", "tur"),
    "ko": ("korean", "koreanisch", "coréen", "한국어", "kor"),
}
LANGUAGE_CODES = {name: code for code, names in _LANGUAGE_NAMES.items() for name in names}


def language_code(value: str) -> str | None:
    """The ISO 639-1 code of a ``language`` value that names a language ("English",
    "ENGLISH", "Englisch", "anglais" -> "en"; "Deutsch" -> "de"), or None for any other value
    (a code already, "en-GB", "unknown", a name not in the table), which stays as given."""
    return LANGUAGE_CODES.get(" ".join(value.split()).casefold())


def _text(values: pd.Series) -> pd.Series:
    """``values`` as text, a missing value (None, NaN, pd.NA) as ``""``."""
    return values.astype("string").fillna("").astype(str)


def _values(languages: pd.Series) -> pd.Series:
    return _text(languages).str.strip().str.lower()


def _names_none(values: pd.Series) -> pd.Series:
    """:func:`no_language` of values already stripped and lower-cased (:func:`_values`)."""
    return (values == "") | values.isin(NO_LANGUAGE) | values.str.startswith("und-")


def no_language(languages: pd.Series) -> pd.Series:
    """Which of ``languages`` (a ``language`` column) name no language: empty, or a value of
    :data:`NO_LANGUAGE` ("unknown", "und", "N/A"; also "und-Latn", undetermined in a script)."""
    return _names_none(_values(languages))


def not_english(languages: pd.Series) -> pd.Series:
    """Which of ``languages`` (a ``language`` column) name a language that is not English:
    neither no language (:func:`no_language`) nor English (``en``, ``en-GB``, ``eng``,
    ``English``, or English's name in another language: :data:`ENGLISH_NAMES`); the
    ``language`` quality flag's rule."""
    values = _values(languages)  # normalised once for both tests
    return ~_names_none(values) & ~_english(values)


def _english(values: pd.Series) -> pd.Series:
    """Which of ``values`` (stripped and lower-cased, :func:`_values`) name English."""
    return values.str.startswith("en") | values.isin(ENGLISH_NAMES)


def other_languages(documents: pd.DataFrame) -> list[tuple[str, int]]:
    """(language, documents) of the documents not in English (:func:`not_english`), most
    first, then by name; empty when there are none or no ``language`` column."""
    if "language" not in documents.columns:
        return []
    languages = documents["language"]
    counts = languages[not_english(languages)].astype(str).value_counts()
    return sorted(((str(k), int(n)) for k, n in counts.items()), key=lambda kn: (-kn[1], kn[0]))


def other_languages_warning(documents: pd.DataFrame) -> str | None:
    """The warning for a corpus with documents not in English (:func:`other_languages`),
    naming how many and in which languages; None when there are none."""
    other = other_languages(documents)
    if not other:
        return None
    languages = ", ".join(f"{lang} ({n})" for lang, n in other)
    return (
        f"{sum(n for _, n in other)} of {len(documents)} documents are not in English by their "
        f"language ({languages}; given, or guessed from the text as metadata_note says); the "
        "lexicons are English, so their tone, frames and hedges count only the English words "
        "they hold. They are flagged 'language' in quality_flags: leave them out with "
        "`-p other_languages drop` (`run`), or give the run a codebook, hedges and source "
        "kinds in their language "
        "(analysis.toml) and a tone coder trained on their articles (-p tone_coder; VADER's "
        "lexicon is English only)."
    )


def too_short_to_guess(documents: pd.DataFrame) -> pd.Series:
    """Which documents have no language (none given, none guessed: :func:`no_language`) and a
    text of fewer than :data:`MIN_WORDS` words (of its first :data:`SAMPLE_CHARS` characters,
    as the guess reads it; ``n_words`` where the table has no ``text``): a headline or a short
    post, whose language the run could not guess and which the English lexicons read as
    English. All False without a ``language`` column."""
    if "language" not in documents.columns:
        return pd.Series(False, index=documents.index)
    if "text" in documents.columns:
        texts = _text(documents["text"]).str.slice(0, SAMPLE_CHARS)
        n_words = texts.map(lambda text: len(_WORD_RE.findall(text)))
    elif "n_words" in documents.columns:
        n_words = pd.to_numeric(documents["n_words"], errors="coerce").fillna(0)
    else:
        return pd.Series(False, index=documents.index)
    return no_language(documents["language"]) & (n_words < MIN_WORDS)


def short_texts_warning(documents: pd.DataFrame) -> str | None:
    """The warning for documents too short to guess a language (:func:`too_short_to_guess`),
    naming how many; None when there are none. A tester's 3,868 headlines all went without a
    language, unsaid, and the 42 Spanish ones among them were scored as English whose words
    VADER's lexicon held ("sin")."""
    short = too_short_to_guess(documents)
    n = int(short.sum())
    if not n:
        return None
    return (
        f"{n} of {len(documents)} texts are too short to guess a language (under {MIN_WORDS} "
        "words), and no language was given for them: their `language` is empty and the "
        "English lexicons read them as English. A short text is named only where several "
        "function words of one language and no English one leave no doubt. If the corpus "
        "holds texts in other languages, give a language column (`--map language=COLUMN`)."
    )


def fill_language(documents: pd.DataFrame) -> pd.DataFrame:
    """``documents`` with an empty ``language`` filled by :func:`guess_language` of its ``text``,
    and a given language checked against that guess.

    A language the user (manifest, corpus file, an export's field) or the page's HTML gave is
    never replaced; a value that names none ("unknown", "N/A", "und": :func:`no_language`) is
    guessed as an empty one is (an export's "unknown" made its articles "not in English"
    before). Each filled value is noted in ``metadata_note`` (:data:`NOTE`, and the value it
    replaced), so a reader can tell a guess from a given value. A given language the guess
    contradicts on the one question the analysis asks, English or not, keeps its value and is
    noted (:data:`CONTRADICTED`): a document given as English whose text reads as another
    language (:func:`contradicted_warning`: the English lexicons would read a text they cannot
    read), and one given as another language whose text reads as English
    (:func:`english_given_as_other_warning`: it is flagged ``language``, and a reader who
    leaves flagged articles out would lose it). A column that says "en" for every row, a
    database's field or a site's template (``<html lang="de">`` on English articles) can be
    wrong. A guess of one other language for a text given as another (``fr`` for ``de``) is
    not noted: either way the text is not English. Documents without ``language`` or ``text``
    columns come back unchanged.
    """
    if "language" not in documents.columns or "text" not in documents.columns:
        return documents
    language = _text(documents["language"])
    values = _values(language)
    empty = _names_none(values)  # "unknown", "N/A" and the like give no language either
    english = ~empty & _english(values)
    texts = _text(documents["text"])
    guesses = texts.map(guess_language)
    filled = guesses.index[empty & (guesses != "")]
    contradicted = guesses.index[
        (english & ~guesses.isin(["", "en"])) | (~empty & ~english & (guesses == "en"))
    ]
    if not len(filled) and not len(contradicted):
        return documents
    out = documents.copy()
    out["language"] = language
    out.loc[filled, "language"] = guesses[filled]
    if "metadata_note" in out.columns:
        notes = _text(out["metadata_note"])
        new = pd.Series("", index=out.index)
        given = language.str.strip()
        new[filled] = [NOTE + (f" in place of {was!r}" if was else "") for was in given[filled]]
        new[contradicted] = [
            CONTRADICTED.format(given=was, guess=guess)
            for was, guess in zip(given[contradicted], guesses[contradicted], strict=True)
        ]
        rows = new != ""
        out["metadata_note"] = notes.where(
            ~rows, [f"{a}; {b}" if a else b for a, b in zip(notes, new, strict=True)]
        )
    return out


def contradicted_documents(documents: pd.DataFrame) -> list[str]:
    """The ids of the documents given as English whose text reads as another language
    (:func:`fill_language` noted them in ``metadata_note``), in the table's order."""
    if not {"doc_id", "metadata_note"} <= set(documents.columns):
        return []
    noted = _text(documents["metadata_note"]).str.contains(_CONTRADICTED_MARK, regex=False)
    return documents.loc[noted & ~reads_as_english(documents), "doc_id"].astype(str).tolist()


def language_read(documents: pd.DataFrame) -> pd.Series:
    """Each document's ``language``, but the text's where :func:`fill_language` found the
    text contradicting it (``metadata_note``: given as English, read as ``de``; given as
    ``de``, read as English): the language the lexicons in fact met, for notes on what they
    could read. The ``language`` column itself keeps the given value (and the flag). Without
    a ``language`` column, every value is empty (no language)."""
    if "language" not in documents.columns:
        return pd.Series("", index=documents.index, dtype=object)
    language = _text(documents["language"])
    if "metadata_note" not in documents.columns:
        return language
    notes = _text(documents["metadata_note"])
    read = notes.str.extract(_READ_AS, expand=False)
    return language.where(read.isna(), read)


def reads_as_english(documents: pd.DataFrame) -> pd.Series:
    """Which of ``documents`` are given as another language but read as English
    (:func:`fill_language` noted them in ``metadata_note``; all False without that column)."""
    if "metadata_note" not in documents.columns:
        return pd.Series(False, index=documents.index)
    notes = _text(documents["metadata_note"])
    return notes.str.contains(_READS_ENGLISH_MARK, regex=False)


def english_given_as_other(documents: pd.DataFrame) -> list[str]:
    """The ids of the documents given as another language whose text reads as English
    (:func:`reads_as_english`), in the table's order: they are flagged ``language`` though the
    English lexicons can read them."""
    if "doc_id" not in documents.columns:
        return []
    return documents.loc[reads_as_english(documents), "doc_id"].astype(str).tolist()


def contradicted_warning(documents: pd.DataFrame) -> str | None:
    """The warning for documents given as English whose text reads as another language
    (:func:`contradicted_documents`), with how many and a few ids; None when there are none."""
    found = contradicted_documents(documents)
    if not found:
        return None
    return (
        f"{len(found)} of {len(documents)} documents are given as English but their text reads "
        f"as another language ({first_ids(found)}; metadata_note says which): their language was "
        "left as given, so they are not flagged 'language', but the English lexicons read their "
        "words spelt as English ones (German 'die', 'the', as the verb). Check the corpus's "
        "language column or the export's field; "
        f"{PAGE_LANGUAGE_HINT}."
    )


def english_given_as_other_warning(documents: pd.DataFrame) -> str | None:
    """The warning for documents given as another language whose text reads as English
    (:func:`english_given_as_other`), with how many and a few ids; None when there are none."""
    found = english_given_as_other(documents)
    if not found:
        return None
    return (
        f"{len(found)} of {len(documents)} documents are given as another language but their "
        f"text reads as English ({first_ids(found)}; metadata_note says which): their language was "
        "left as given, so they are flagged 'language' and counted as not in English, though the "
        "lexicons can read them. Check the corpus's language column or the export's field, and "
        f"give 'en' where the text is English; {PAGE_LANGUAGE_HINT}."
    )
