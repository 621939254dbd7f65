"""A cheap guess of a document's language, for corpora whose manifest leaves ``language`` empty.

The lexicons (VADER, the codebook, hedges, sources) are English; a document in another language
gets scores that mean nothing, so it must be flagged (``quality_flags`` holds ``language`` for
a language that is not English). A folder of pasted pages or an export often has no language
column, so the flag would never be raised. This module fills the gap with two shallow signals:

- the **script** of the letters (Han, kana, Hangul, Cyrillic, Arabic, ...): a text whose
  letters are mostly in one non-Latin script is not English;
- for Latin-script text, the **share of English function words** (the stop-word list of the
  boilerplate classifier), high in English prose (about 0.4–0.5) and low in French, Spanish or
  German (the idea of stop-word language identification, Grefenstette 1995, "Comparing two
  language identification schemes").

It is a guess, not a language identifier: it names Chinese, Japanese and Korean, gives the
other scripts as ``und-<Script>`` (BCP 47: language undetermined, script known) and a Latin text
that is not English as ``und-Latn``. Too little text gives no guess. The value and its source
go into ``language`` and ``metadata_note``, as values read from a page's HTML do.
"""

from __future__ import annotations

import re

import pandas as pd

from analysis.corpus.sentences import CJK_CHARS
from analysis.lexicon import english_stop_words

# The guess reads this much of the text: some 170 words of prose, whose share of English function
# words (0.4-0.5 in English) has a standard error of about 0.04, far from the 0.15 threshold. On
# 4,104 texts (the synthetic corpus, PerSenT, the 120 pages of the extraction benchmark: Latin,
# Cyrillic, Korean and Japanese) it gives the guesses 5,000 characters gave, at a fifth of the cost.
SAMPLE_CHARS = 1_000
MIN_LETTERS = 40  # fewer letters than this: no guess
MIN_WORDS = 20  # a Latin-script text needs this many words for the stop-word share
ENGLISH_STOP_SHARE = 0.15  # English prose is ~0.4–0.5 function words; below this, not English
SCRIPT_SHARE = 0.5  # a non-Latin script holding more than this share of the letters decides
NOTE = "language: guessed from the text (script, English function words)"

_SCRIPTS: dict[str, re.Pattern[str]] = {
    "Hani": re.compile(f"[{CJK_CHARS}]"),
    "Kana": re.compile("[\u3040-\u30ff]"),
    "Hang": re.compile("[\u1100-\u11ff\uac00-\ud7af]"),
    "Cyrl": re.compile("[\u0400-\u04ff]"),
    "Grek": re.compile("[\u0370-\u03ff]"),
    "Arab": re.compile("[\u0600-\u06ff\u0750-\u077f]"),
    "Hebr": re.compile("[\u0590-\u05ff]"),
    "Deva": re.compile("[\u0900-\u097f]"),
    "Thai": re.compile("[\u0e00-\u0e7f]"),
}
_LATIN = "A-Za-z\u00c0-\u024f"
_LATIN_RE = re.compile(f"[{_LATIN}]")
_WORD_RE = re.compile(r"[^\W\d_]+")
# any letter of the scripts above (one scan; most texts have none), and MIN_LETTERS Latin letters
_ANY_SCRIPT_RE = re.compile("[" + "".join(p.pattern[1:-1] for p in _SCRIPTS.values()) + "]")
_ENOUGH_LATIN_RE = re.compile(f"(?:[^{_LATIN}]*[{_LATIN}]){{{MIN_LETTERS}}}")


def guess_language(text: str) -> str:
    """``"en"``, ``"zh"``, ``"ja"``, ``"ko"``, ``"und-<Script>"``, or ``""`` when too short.

    Reads the first :data:`SAMPLE_CHARS` characters. Han script is Japanese when kana make up
    over a tenth of the Han-and-kana letters (Japanese mixes both; Chinese has no kana).
    """
    sample = str(text)[:SAMPLE_CHARS]
    if _ANY_SCRIPT_RE.search(sample) is None:  # no letter of another script: as below, cheaply
        return _english_or_not(sample) if _ENOUGH_LATIN_RE.match(sample) else ""
    counts = {name: len(pattern.findall(sample)) for name, pattern in _SCRIPTS.items()}
    # kana are inside the CJK range used for Hani: count them once, as kana
    counts["Hani"] -= counts["Kana"]
    latin = len(_LATIN_RE.findall(sample))
    letters = latin + sum(counts.values())
    if letters < MIN_LETTERS:
        return ""
    script, n = max(counts.items(), key=lambda item: item[1])
    cjk = counts["Hani"] + counts["Kana"]
    if cjk > SCRIPT_SHARE * letters:
        return "ja" if counts["Kana"] > 0.1 * cjk else "zh"
    if n > SCRIPT_SHARE * letters:
        return "ko" if script == "Hang" else f"und-{script}"
    return _english_or_not(sample)


def _english_or_not(sample: str) -> str:
    """``"en"`` or ``"und-Latn"`` by the share of English function words among the words of
    ``sample``; ``""`` when it has fewer than :data:`MIN_WORDS`."""
    words = _WORD_RE.findall(sample)
    if len(words) < MIN_WORDS:
        return ""
    stops = english_stop_words().__contains__
    share = sum(map(stops, map(str.casefold, words))) / len(words)
    return "en" if share >= ENGLISH_STOP_SHARE else "und-Latn"


def not_english(languages: pd.Series) -> pd.Series:
    """Which of ``languages`` (a ``language`` column) name a language that is not English:
    neither empty (unknown) nor ``en``/``en-...`` (the ``language`` quality flag's rule)."""
    values = languages.fillna("").astype(str).str.strip().str.lower()
    return (values != "") & ~values.str.startswith("en")


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
        "they hold. They are flagged 'language' in quality_flags: leave them out, or give the "
        "run lexicons in their language (analysis.toml)."
    )


def fill_language(documents: pd.DataFrame) -> pd.DataFrame:
    """``documents`` with an empty ``language`` filled by :func:`guess_language` of its ``text``.

    A value the user (manifest, corpus file) or the page's HTML gave is never replaced. Each
    filled value is noted in ``metadata_note`` (:data:`NOTE`), so a reader can tell a guess from
    a given value. Documents without ``language`` or ``text`` columns come back unchanged.
    """
    if "language" not in documents.columns or "text" not in documents.columns:
        return documents
    language = documents["language"].fillna("").astype(str)
    empty = language.str.strip() == ""
    if not empty.any():
        return documents
    guesses = documents.loc[empty, "text"].fillna("").astype(str).map(guess_language)
    guessed = guesses != ""
    if not guessed.any():
        return documents
    out = documents.copy()
    rows = guesses.index[guessed]
    out["language"] = language
    out.loc[rows, "language"] = guesses[guessed]
    if "metadata_note" in out.columns:
        notes = out["metadata_note"].fillna("").astype(str)
        out["metadata_note"] = notes
        out.loc[rows, "metadata_note"] = [
            f"{note}; {NOTE}" if note else NOTE for note in notes.loc[rows]
        ]
    return out
