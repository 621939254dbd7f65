"""Inline repairs for news text that went through an NLP pipeline or a site's image widget.

Research exports often hold text already tokenised the Penn Treebank way (Marcus et al. 1993):
"U . S .", "p . m .", "Children ' s", ``-LRB-``/``-RRB-`` for brackets. Split as it is, such
text gives sentences such as "." or "S ." and bracket tokens among the distinctive words.
:func:`detokenise` undoes the unambiguous patterns (as the Moses detokenizer does for its
language rules). :func:`remove_caption_boilerplate` removes the image-widget text a large
outlet's pages leave in copied text ("Enlarge this image toggle caption" and the photo credit,
which the widget prints twice). Both are cleaning steps, so each change is in the audit.
"""

from __future__ import annotations

import re

from analysis.corpus.normalisers import fold

# Penn Treebank bracket tokens and the bracket each stands for.
_BRACKETS = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}"}
_BRACKET_RE = re.compile(r"-[LR][RSC]B-", re.I)
# Two or more single letters each followed by " ." ("U . S .", "p . m .", "U . N .").
_SPACED_ABBREV_RE = re.compile(r"(?<![\w.])(?:[A-Za-z] \. ?){1,}[A-Za-z] \.(?=\s|$|[,;:)])")
# "Children ' s", "Trump ’ s" (a tester's PerSenT articles held 20 with the curly apostrophe)
_SPLIT_CONTRACTION_RE = re.compile(r"(?<=\w) ?(['’]) (s|t|re|ll|ve|d|m)\b")
# A clitic split off its word, the Penn Treebank's own form ("world 's", "they 're", "I 'm"),
# with a straight or a curly apostrophe ("Bitcoin ’s": a tester's export held 696), when a
# space, punctuation or the line's end follows ("the 'd' key" is left alone).
_SPLIT_CLITIC = r"(?<=\w) (['’])(s|re|ll|ve|d|m)(?=[\s,.;:!?)\]]|$)"
_SPLIT_CLITIC_RE = re.compile(_SPLIT_CLITIC)
# A decimal number split at its point by tokenisation, "6 . 5 percent": not a year before the
# point ("in 2019 . 5 people died" stays two sentences), digits after it, then a lower-case word,
# a percent sign or the line's end.
_SPACED_DECIMAL_RE = re.compile(r"(?<![\d.,])(\d{1,3}) \. (\d+)(?= [a-z%]| ?%|$)")
_SPLIT_NT_RE = re.compile(r"(?<=\w) n't\b")
_SPACE_BEFORE_PUNCT_RE = re.compile(r"(?<=[\w)\]\"'’”%]) ([.,;:!?%])(?=\s|$)")
_AFTER_OPEN_RE = re.compile(r"([(\[{]) ")
_BEFORE_CLOSE_RE = re.compile(r" ([)\]}])")
_TOKENISED_HINT_RE = re.compile(r"\w [,.] \w|\w [,.]$")
_CAPTION_RE = re.compile(
    r"(?:Enlarge this image\s+)?toggle caption\s*(?:(?P<credit>\S.{1,80}?)\s+(?P=credit)(?!\w))?",
    re.I,
)
_HINT_RE = re.compile(
    r"-[LR][RSC]B-|\b[A-Za-z] \. [A-Za-z] \.| ['’] | n't|\w [,.] |toggle caption|\s[.!?]\s+[.!?]|"
    + _SPLIT_CLITIC,
    re.I,
)
"""What :func:`may_need_detokenising` looks for (its definition; the function tests the same
alternatives one by one, each behind a literal it cannot match without)."""
# The alternatives of _HINT_RE that need " . " or " , " in the text.
_SPACED_POINT_RE = re.compile(r"\b[A-Za-z] \. [A-Za-z] \.|\w [,.] ", re.I)
_TOGGLE_RE = re.compile(r"toggle caption", re.I)
_SPLIT_CLITIC_HINT_RE = re.compile(_SPLIT_CLITIC, re.I)
_SPACED_RUN_RE = re.compile(r"\s[.!?]\s+[.!?]")


def may_need_detokenising(text: str) -> bool:
    """False when neither step below can change ``text`` (a fast test for prose lines).

    The same as ``bool(_HINT_RE.search(text))``, several times faster on prose: one search
    for the whole alternation tries every alternative at every position, so each alternative
    is tested on its own, and only when the text holds a literal piece of it (a match of an
    alternation anywhere is a match of one of its alternatives somewhere). Case-insensitive
    literals are looked for in :func:`~analysis.corpus.normalisers.fold` of the text.
    """
    if " ' " in text or " ’ " in text:
        return True
    if (" '" in text or " ’" in text) and _SPLIT_CLITIC_HINT_RE.search(text):
        return True
    # fold() gives an ASCII character only for the ASCII characters of the same lower case,
    # so the folded text holds " n't" only if the text holds "'", "b-" only if it holds "b-"
    # or "B-", "gg" (of "toggle") only if it holds "gg" in some case: fold only then
    if "'" in text and " n't" in fold(text):
        return True
    if ("b-" in text or "B-" in text) and _BRACKET_RE.search(text):
        return True
    if (" . " in text or " , " in text) and _SPACED_POINT_RE.search(text):
        return True
    if _has_gg(text) and "toggle caption" in fold(text) and _TOGGLE_RE.search(text):
        return True
    if text.isprintable() and " . " not in text and " ! " not in text and " ? " not in text:
        # printable text holds no whitespace but the space, so a match of _SPACED_RUN_RE
        # holds a mark with a space on either side
        return False
    return bool(_SPACED_RUN_RE.search(text))


def _has_gg(text: str) -> bool:
    """Whether ``text`` holds "gg" in any case."""
    return "gg" in text or "GG" in text or "gG" in text or "Gg" in text


def detokenise(text: str) -> str:
    """Undo Penn Treebank tokenisation where it is unambiguous.

    >>> print(detokenise("The U . S . said at 5 p . m . that -LRB- CHIP -RRB- won ' t end ."))
    The U.S. said at 5 p.m. that (CHIP) won't end.

    Bracket tokens, spaced abbreviations, split contractions, clitics split off their word
    ("world 's", "Bitcoin ’s") and decimals split at their point ("6 . 5 percent") are always
    rejoined; a space
    before punctuation is removed only in a line that shows tokenisation twice or more
    (" , " or " . " between words), so ordinary prose is left alone.
    """
    if not may_need_detokenising(text):
        return text
    # Each substitution below is skipped when the line lacks a string every match of its
    # pattern holds (" ." for the abbreviations, "' " for split contractions, " n't"; " ." or
    # " ," for the tokenisation hints), and the hints of an unchanged line are counted once.
    out = _BRACKET_RE.sub(lambda m: _BRACKETS[m.group(0).upper()], text)
    if " ." in out:
        out = _SPACED_ABBREV_RE.sub(lambda m: m.group(0).replace(" ", ""), out)
    if "' " in out or "’ " in out:
        out = _SPLIT_CONTRACTION_RE.sub(r"\1\2", out)
    if " '" in out or " ’" in out:
        out = _SPLIT_CLITIC_RE.sub(r"\1\2", out)
    if " . " in out:
        out = _SPACED_DECIMAL_RE.sub(r"\1.\2", out)
    if " n't" in out:
        out = _SPLIT_NT_RE.sub("n't", out)
    tokenised = _n_tokenised_hints(text)
    if out != text or tokenised >= 2:
        out = _AFTER_OPEN_RE.sub(r"\1", out)
        out = _BEFORE_CLOSE_RE.sub(r"\1", out)
    if tokenised >= 2:
        out = _SPACE_BEFORE_PUNCT_RE.sub(r"\1", out)
    return out


def _n_tokenised_hints(text: str) -> int:
    """``len(_TOKENISED_HINT_RE.findall(text))``; 0 without " ," and " ." (each match holds
    one of them)."""
    if " ," not in text and " ." not in text:
        return 0
    return len(_TOKENISED_HINT_RE.findall(text))


_PUNCT_RUN_RE = re.compile(r"(?<=\s)([.!?])(?:\s+[.!?])+(?=\s|$)")


def collapse_punctuation_runs(text: str) -> str:
    """Keep the first of a run of spaced sentence-final marks (" . ." from tokenised "so far.
    ."), which would otherwise split off a sentence of punctuation only; a spaced ellipsis
    (" . . .") is joined ("..."), so it ends or continues a sentence as one mark.

    >>> collapse_punctuation_runs("He has won 3 races so far . . Next week")
    'He has won 3 races so far . Next week'
    """
    if " ." not in text and " ?" not in text and " !" not in text:
        return text

    def one(match: re.Match[str]) -> str:
        run = match.group(0)
        return "..." if run.replace(" ", "") == "..." else match.group(1)

    return _PUNCT_RUN_RE.sub(one, text)


def remove_caption_boilerplate(text: str) -> str:
    """Remove an image widget's "Enlarge this image toggle caption" and the doubled credit.

    >>> remove_caption_boilerplate("Enlarge this image toggle caption Al Ho/AP Al Ho/AP The vote")
    'The vote'
    """
    if "caption" not in text.lower():
        return text
    return _CAPTION_RE.sub("", text).strip() if _CAPTION_RE.search(text) else text
