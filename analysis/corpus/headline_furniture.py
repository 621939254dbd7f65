"""A headline's furniture: a label set before it and the outlet's own name set after it.

Sites dress a headline for their pages: a label of its format or genre before it ("WATCH: ...",
"LIVE: ...", "EXCLUSIVE: ...", "Opinion | ...") and their own name after it ("... | Bayview
Herald", "... - Coastline Post"). Neither is what the headline says. A tester's export of
3,937 headlines (one row each, 65% of them headline only) lost every "WATCH: ..." row, whole,
to the rule for a page's video teasers, kept "EXCLUSIVE:" (a word VADER scores, +0.30 on a
neutral headline), and kept the outlet's name, which became the top distinctive word of six
outlets of eight.

* :func:`cut_outlet_suffix` cuts the document's own outlet's name after a separator at the end
  of a line (any line of any text, and the title), where the name is exactly the outlet's
  (:func:`~analysis.corpus.group_names.name_key`: case, spacing, a leading "The" and a web
  address's form aside); another name stays ("... | Editorial", "... - Bayview" for the
  Bayview Herald).
* :func:`cut_headline_label` cuts the labels opening a headline; cleaning applies it to the
  first line of a short text (:func:`is_short_text`: a row export's headline, or headline and
  lede), the one place where such a line is the headline. In a web page a "WATCH: ..." line is
  a teaser of another article (a related list's, a video player's), and the page's rules
  still remove it.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from functools import lru_cache

from analysis.corpus.group_names import name_key

# the rules of this module, with what each changes (cleaning.RULES lists them)
RULES = {
    "headline_label": "A label opening the headline of a short text (a row export's headline, "
    "or headline and lede: at most 2 lines and 80 words): 'WATCH:', 'VIDEO:', 'LIVE:', "
    "'BREAKING:', 'EXCLUSIVE:', 'UPDATED:', 'Opinion |', 'Analysis |', ... is cut and the "
    "headline kept. In a longer text (a web page) a 'WATCH: ...' line is a teaser of another "
    "article and goes as site_chrome.",
    "outlet_suffix": "The document's own outlet's name after a separator at the end of a line "
    "or of the title ('... | Bayview Herald', '... - Coastline Post', '... — The Courier' for "
    "the outlet 'Courier') is cut; the line stays.",
}

SHORT_TEXT_LINES = 2  # a row export's headline, or its headline and lede
SHORT_TEXT_WORDS = 80

# the labels a site sets before a headline: its format or genre, not its content
HEADLINE_LABELS = (
    "watch",
    "watch live",
    "video",
    "videos",
    "listen",
    "podcast",
    "photos",
    "gallery",
    "live",
    "live updates",
    "breaking",
    "breaking news",
    "just in",
    "exclusive",
    "updated",
    "update",
    "opinion",
    "analysis",
    "editorial",
    "explainer",
    "comment",
    "commentary",
)
_LABEL = "|".join(sorted((re.escape(label) for label in HEADLINE_LABELS), key=len, reverse=True))
# labels before the headline, each closed by a colon or a bar: "BREAKING: LIVE: ...", "Opinion |"
_LABELS_RE = re.compile(rf"(?:(?:{_LABEL})\s*[:：|]\s*)+", re.IGNORECASE)
_LETTER_RE = re.compile(r"[^\W\d_]")
# a separator with spaces on both sides: " | ", " - ", " – ", " — " (not a hyphenated name's)
_SEPARATOR_RE = re.compile(r"\s+[|\-–—]\s+")
# whether _SEPARATOR_RE matches somewhere: a separator character with whitespace on both sides
# (the same test, but the search opens on the character, not on every space of a long line)
_HAS_SEPARATOR_RE = re.compile(r"[|\-–—](?<=\s.)(?=\s)")
_NO_OUTLET = frozenset({"", "unknown"})
_NAME_CHARS = 80  # the longest name after a separator looked up


def is_short_text(lines: Iterable[str]) -> bool:
    """Whether a text (its lines) is at most :data:`SHORT_TEXT_LINES` lines of text and
    :data:`SHORT_TEXT_WORDS` words: a row export's headline, or headline and lede, not a page
    or an article. Its first line is its headline, so a page's teaser rule does not take it
    whole, and its lines are most of what it says, so none goes as a line repeated across the
    corpus (:func:`analysis.corpus.cleaning.template_lines`)."""
    kept = [line for line in lines if line.strip()]
    if len(kept) > SHORT_TEXT_LINES:
        return False
    return sum(len(line.split()) for line in kept) <= SHORT_TEXT_WORDS


def cut_headline_label(line: str) -> str:
    """``line`` without the :data:`HEADLINE_LABELS` opening it ("WATCH: Buses return" →
    "Buses return", "Opinion | Strike deepens" → "Strike deepens"), or ``line`` itself when
    none does or nothing with a letter would be left."""
    match = _LABELS_RE.match(line)
    if match is None:
        return line
    rest = line[match.end() :].strip()
    return rest if _LETTER_RE.search(rest) else line


def outlet_keys(names: Iterable[str]) -> frozenset[str]:
    """The :func:`~analysis.corpus.group_names.name_key` of each of an outlet's ``names``
    ("unknown" and blanks, which name no outlet, aside)."""
    keys = {_name_key(name) for name in names if name.strip().casefold() not in _NO_OUTLET}
    return frozenset(key for key in keys if key)


@lru_cache(maxsize=1 << 10)
def _name_key(name: str) -> str:
    """:func:`~analysis.corpus.group_names.name_key` of an outlet's name, cached per process
    (bounded): every document of an outlet asks it of the same name."""
    return name_key(name)


def _has_separator(line: str) -> bool:
    """Whether :data:`_SEPARATOR_RE` matches in ``line``: most lines hold none of its characters
    (a quick ``in`` test), and the rest are searched from the character out."""
    if not ("-" in line or "|" in line or "–" in line or "—" in line):
        return False
    return _HAS_SEPARATOR_RE.search(line) is not None


def cut_outlet_suffix(line: str, keys: Collection[str]) -> str:
    """``line`` without an outlet's name after a separator at its end ("Buses return - Bayview
    Herald" → "Buses return"), the name one of ``keys`` (:func:`outlet_keys`); ``line`` itself
    when it ends otherwise or nothing with a letter would be left before the name."""
    if not keys or not _has_separator(line):
        return line
    for match in _SEPARATOR_RE.finditer(line):
        if len(line) - match.end() <= _NAME_CHARS and name_key(line[match.end() :]) in keys:
            head = line[: match.start()].rstrip()
            return head if _LETTER_RE.search(head) else line
    return line
