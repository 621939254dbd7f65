"""Titles in quotation marks: the name of a film, book, report, law or slogan is not a quotation.

American news style puts titles of films, songs, reports and television programmes in double
quotation marks (the AP Stylebook's "composition titles"): 'the report "Made in China 2025"',
'the film "The Lord of the Rings"'. Counted as direct quotations, they inflate an outlet's
share of quoted sentences without anyone being quoted. A quoted span reads as a title when
every word is capitalised except short function words ("of", "the", "in"...), its first word
is capitalised, and it is not all capitals (a shouted "NO MORE TARIFFS!" is speech). Speech
written in title case is rare; a title in sentence case ("the report "A new era for trade"")
still counts as a quotation, and so does a span in title case that a colon introduces
('She replied: "Seriously Tommy Vietor?"'); speech in title case after no colon is missed, the
limit of reading case alone. On PerSenT's 31,484 sentences this takes the quotation off 279 of
the 7,663 sentences that held one (attributed 12,693 → 12,468 in ``python -m analysis bench
sourcing``); of 40 of the 279 read at random, none quoted speech: titles of films, books,
reports and shows, names of campaigns and coalitions. Before the colon rule 290 were taken off;
of 40 read then, 2 were speech ("Who's Steve and Eydie?", and one after "responded:").

Session 79 (a media-sourcing tester's drought corpus) added two rules, whatever the span's case:
a span right after "titled", "called", "so-called" ... is a title, and so, in a sentence with no
attribution verb, is one right after a word naming a work ("video", "report", "petition",
"campaign" ...: 'the authority's video "How to read your water meter"'); and in a sentence with
no attribution verb outside its quotation marks nor a verb of speech ("vowed", "called",
"tweeted"), a span of at most five words after a determiner, a possessive or "famous", with
words after it, is a scare quote ('the city's famous "green belt of the coast" brown'). A
partial quotation so placed ('Iran's "brutal and corrupt" regime') is lost with them.
"""

from __future__ import annotations

import re

# Words a title leaves in lower case (Chicago and AP style, and the particles of names).
_SMALL = """a an the and but or nor for so yet of in on at to by with from as vs vs. via into onto
over per up off out upon than de la le les du des del di da von van der den y e et"""
SMALL_WORDS = frozenset(_SMALL.split())
_LETTER_RE = re.compile(r"[^\W\d_]")


def is_title_like(span: str) -> bool:
    """Whether the words of a quoted ``span`` (without its quotation marks) read as a title:
    capitalised words but for :data:`SMALL_WORDS`, the first word capitalised, not all capitals,
    and at least one cased letter (a span in a script without case is never a title)."""
    # the words first: most spans open with a word in lower case, which answers at once
    first = True
    for word in span.split():
        head = _LETTER_RE.search(word)
        if head is None:  # "2025", "–"
            continue
        if head.group().isupper():
            first = False
            continue
        if first or word.strip("\"'“”‘’()[],.:;!?").lower() not in SMALL_WORDS:
            return False
    if first:
        return False
    # no cased letter, or all of them capitals: no lower-case letter (no character is both)
    return any(map(str.islower, _LETTER_RE.findall(span)))


# Words naming a work or a name, right before its title in quotation marks ('the authority's
# video "How to read your water meter"', 'a petition titled "save our school pools now"'):
# whatever its case, the span is a title.
# A noun may also be the subject of a quoted predicate ('the program "doesn't go far enough,"
# he said'): a noun counts only in a sentence with no attribution verb, a participle always.
WORK_WORDS = (
    "video", "videos", "film", "films", "movie", "documentary", "report", "book", "novel",
    "memoir", "song", "album", "poem", "musical", "series", "programme", "podcast", "episode",
    "exhibition", "essay", "editorial", "op-ed", "petition", "campaign", "slogan", "motto",
    "hashtag",
)  # fmt: skip
NAMING_WORDS = (
    "titled", "entitled", "called", "dubbed", "headlined", "named", "nicknamed", "so-called",
)  # fmt: skip
_WORK_BEFORE = re.compile(
    r"(?<![\w-])(?:" + "|".join(map(re.escape, WORK_WORDS)) + r"),?\s*$", re.IGNORECASE
)
_NAMING_BEFORE = re.compile(
    r"(?<![\w-])(?:" + "|".join(map(re.escape, NAMING_WORDS)) + r"),?\s*$", re.IGNORECASE
)
# What stands right before a scare quote: a determiner, a possessive or an adjective of fame,
# the quoted words being a noun phrase ('the city's famous "green belt of the coast"', 'his "pen
# and phone" strategy'), not a verb's object or complement ('vowed to "keep every tap running"')
NOUN_PHRASE_WORDS = (
    "the", "a", "an", "its", "his", "her", "their", "our", "my", "your", "famous", "infamous",
    "so-called", "self-styled", "proverbial",
)  # fmt: skip
_NOUN_PHRASE_BEFORE = re.compile(
    r"(?:(?<![\w-])(?:" + "|".join(NOUN_PHRASE_WORDS) + r")|\w[’']s)\s*$",
    re.IGNORECASE,
)
# The most words of a scare quote: a short quoted phrase in a sentence that attributes nothing
# ('the city's famous "green belt of the coast" brown')
SCARE_QUOTE_WORDS = 5
# Verbs of speech the sourcing lexicon does not count as attributions but that make a short
# quoted span someone's words ('vowed to leave "no stone unturned"', 'blamed "both sides"')
_SPEECH_STEMS = (
    "vow", "respond", "repl", "tweet", "post", "promis", "pledg", "call", "blam", "denounc",
    "chant", "yell", "shout", "exclaim", "declar", "sigh", "jok", "quip", "ask", "answer",
    "label", "brand", "derid", "prais", "criticiz", "criticis", "accus", "demand", "threaten",
    "mock", "dismiss", "lament", "complain", "boast", "brag", "slam", "blast", "hail", "swear",
    "swore", "scream", "cr", "whisper", "mutter", "insist", "describ", "dub", "term", "quot",
)  # fmt: skip
_SPEECH_VERB = re.compile(
    r"\b(?:" + "|".join(_SPEECH_STEMS) + r")(?:e|es|ed|s|ing|ied|ies|y|t)?\b", re.IGNORECASE
)


def only_titles_quoted(
    text: str, span_pattern: re.Pattern[str], *, unattributed: bool = False
) -> bool:
    """Whether every quoted span of ``text`` found by ``span_pattern`` (group ``q``: the words
    inside the marks; a match without it, a short quotation, is skipped) is no quotation: a
    title (:func:`is_title_like`, or any span right after a word naming it, :data:`NAMING_WORDS`,
    or, in an ``unattributed`` sentence, one naming a work, :data:`WORK_WORDS`), or, when the
    sentence is ``unattributed`` (no attribution verb outside the quotation marks), a scare
    quote: at most :data:`SCARE_QUOTE_WORDS` words, after a determiner, a possessive or
    "famous", before more words, and no verb of speech in the sentence ("vowed", "called",
    "tweeted": :data:`_SPEECH_STEMS`); False when none is found. A colon introducing a span
    makes it speech, whatever its case, and so does opening the sentence ('“Not again,” she
    sighed')."""
    spans = [m for m in span_pattern.finditer(text) if m.group("q") is not None]
    return bool(spans) and all(_not_speech(text, m, unattributed) for m in spans)


def _not_speech(text: str, span: re.Match[str], unattributed: bool) -> bool:
    """Whether the quoted ``span`` of ``text`` is a title or a scare quote (see
    :func:`only_titles_quoted`)."""
    before = text[: span.start()]
    if _ends_with(_NAMING_BEFORE, before, _NAMING_CHARS) or (
        unattributed and _ends_with(_WORK_BEFORE, before, _WORK_CHARS)
    ):
        return True
    if _introduced(text, span.start()):
        return False
    if is_title_like(span.group("q")):
        return True
    words = len(span.group("q").split())
    after = text[span.end() :]
    return (
        unattributed
        and words <= SCARE_QUOTE_WORDS
        and _ends_with(_NOUN_PHRASE_BEFORE, before, _NOUN_PHRASE_CHARS)
        and re.search(r"\w", after) is not None  # words follow: not a quotation ending it
        and _SPEECH_VERB.search(before + " " + after) is None
    )


# The most characters, trailing spaces aside, that a match of each pattern ending "\s*$" spans:
# its longest word (and a comma after it: ",?")
_NAMING_CHARS = max(map(len, NAMING_WORDS)) + 1
_WORK_CHARS = max(map(len, WORK_WORDS)) + 1
_NOUN_PHRASE_CHARS = max(*map(len, NOUN_PHRASE_WORDS), len("x’s"))


def _ends_with(pattern: re.Pattern[str], before: str, most: int) -> bool:
    r"""Whether ``pattern``, a word ending in ``\s*$``, matches at the end of ``before``.

    A match ends with the trailing whitespace and spans at most ``most`` characters before it,
    so the search starts there instead of trying every position of a long sentence (the same
    answer: a lookbehind still sees the character before the start)."""
    start = len(before.rstrip()) - most
    return pattern.search(before, max(start, 0)) is not None


def _introduced(text: str, start: int) -> bool:
    """Whether a colon introduces the quotation at ``start`` ('Stephens responded: "Seriously
    Tommy Vietor?"'): speech, whatever its case."""
    return text[:start].rstrip().endswith((":", "："))
