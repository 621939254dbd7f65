"""Character and inline rules: each rewrites one line and keeps it (``str -> str``).

Whitespace, invisible characters, Unicode NFC, a PDF's ligatures ("ﬁ"), bullet markers, HTML
entities and stray tags or shortcodes, link annotations such as "(opens in a new tab)",
paragraph markers and "_emphasis_" markers. Each function is idempotent on its own;
:mod:`analysis.corpus.cleaning` applies them in a fixed order until the line stops changing,
and records which ones changed it.
"""

from __future__ import annotations

import html
import itertools
import re
import unicodedata

_INVISIBLE_RE = re.compile("[\u200b\u2060\ufeff\u00ad\u200e\u200f\x00-\x08\x0e-\x1b\x7f\x80-\x9f]")
_SPACE_LIKE_RE = re.compile(
    "[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\u2028\u2029\x0b\x0c\x1c-\x1f]"
)
_MULTI_SPACE_RE = re.compile(" {2,}")
_BULLET_RE = re.compile(r"^\s*(?:[•▪◦‣●■□►▸▶➢➤✓✔·]\s*|[*+-]\s+)(?=\S)")
_ENTITY_RE = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#\d{1,7}|#[xX][0-9A-Fa-f]{1,6});")
_CMS_INLINE_RE = re.compile(
    r"<!--.*?(?:-->|$)"  # an HTML comment, or its unclosed start
    # a script, a style sheet, a no-script notice: what they hold is no text ("var x=1;" was a
    # sentence of a tester's export once the tags were cut)
    r"|<script\b[^<>]*>.*?(?:</script\s*>|$)|<style\b[^<>]*>.*?(?:</style\s*>|$)"
    r"|<noscript\b[^<>]*>.*?(?:</noscript\s*>|$)"
    r"|\S?!--\s*/?wp:.*?(?:-->|$)"  # a Gutenberg block comment whose "<" was mangled
    r"|</?(?:a|abbr|article|aside|audio|b|blockquote|br|button|div|em|figcaption|figure|footer"
    r"|form|h[1-6]|header|hr|i|iframe|img|input|label|li|link|main|meta|nav|noscript|ol|p"
    r"|path|picture|script|section|source|span|strong|style|sub|sup|svg|table|tbody|td|th"
    r"|thead|tr|u|ul|video)\b(?:\s[^<>]*)?/?>"
    r"|\[/?(?:caption|embed|gallery|video|audio|playlist|vc_\w+|et_pb_\w+|fusion_\w+)\b[^\]]*\]"
    # a template's unfilled placeholder: TownNews' "{{description}}", Handlebars' "{{{body}}}"
    r"|\{\{\{?\s*[#/^]?[\w.-]{1,40}\s*\}\}\}?",
    re.IGNORECASE,
)
_LINK_TEXT_RE = re.compile(
    r"\s*[(\[](?:opens|open|link opens|opening) in (?:a )?new (?:tab|window|browser tab)[)\]]"
    r"|\s*\((?:link is )?external(?: link)?\)"
    # Reuters' links, copied from a browser: "data from LSEG, opens new tab, showed"
    r"|\s*,\s*opens (?:in )?(?:a )?new (?:tab|window)\b",
    re.IGNORECASE,
)
_PARA_MARKER_RE = re.compile(
    r"\s*\[\s*(?:para(?:graph)?\.?|¶)\s*\d{1,4}\s*\]|\s*¶\s*\d{1,4}\b", re.IGNORECASE
)
# NewsAPI gives the first 200 characters of an article's content and says how many it left out:
# "… [+2712 chars]" at the end (its free plans give no more).
_TRUNCATION_MARK_RE = re.compile(r"\s*(?:…|\.\.\.)?\s*\[\+\d+ chars?\]\s*$")
# What a news feed (RSS or Atom; WordPress's above all) leaves at the end of an item. Written
# without re.IGNORECASE, so that a line ending in none of _EXCERPT_ENDS or _READ_MORE_ENDS (ASCII
# letters only match themselves) cannot hold one.
_AFTER_SENTENCE = '(?<=[.!?…"”’)\\]])\\s+'
_ARROW = r"(?:\s*(?:…|\.{3}|»|›|→|>>|>))?"
# The end of an excerpt: "[…]" after the excerpt's words, "Continue reading →" after a sentence.
_EXCERPT_MARK_RE = re.compile(
    r"(?<=\S)\s*\[(?:…|\.{3})\]$|"
    + _AFTER_SENTENCE
    + r"(?:Continue|CONTINUE|Keep|KEEP) (?:reading|Reading|READING)"
    + _ARROW
    + "$"
)
# A "Read more »" link after a sentence (a teaser's link to the rest).
_READ_MORE_TAIL_RE = re.compile(
    _AFTER_SENTENCE
    + r"(?:Read|READ) (?:more|More|MORE|(?:the )?full (?:story|article|post)|(?:the )?Full "
    r"(?:Story|Article|Post))" + _ARROW + "$"
)
# WordPress's feed footer, "The post <title> appeared first on <site>.": a line of its own, or
# after the last sentence (a title of one word is not looked for: "The post office appeared
# first on the list" is prose).
_FEED_FOOTER_RE = re.compile(
    r"(?:^|" + _AFTER_SENTENCE + r")The post \S+(?: \S+)+? appeared first on \S.*$"
)
_FEED_FOOTER_HINT = " appeared first on "
_EXCERPT_ENDS = ("]", "»", "›", "→", ">", "…", "...", "reading", "Reading", "READING")
_READ_MORE_ENDS = (
    *("»", "›", "→", ">", "…", "..."),
    *("more", "More", "MORE", "story", "Story", "article", "Article", "post", "Post"),
)
_EMPHASIS_RE = re.compile(r"(?<![\w*_])(\*\*|__|\*|_)(?=[^\s*_])(.+?)(?<=[^\s*_])\1(?![\w*_])")


# Characters one of the steps below acts on: a quick test that lets most prose lines skip them.
_NEEDS_WORK_RE = re.compile(
    "[\t\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f-\u2060\u3000\ufeff\u00ad"
    "\x00-\x1f\x7f-\x9f&<\\[¶_*{"  # "{": a template's placeholder ("{{description}}")
    "\ufb00-\ufb06"  # the Latin ligatures of expand_ligatures ("ﬁ", "ﬀ")
    "\u00b2\u00b3\u00b9\u2070\u2074-\u2079]"  # superscript digits (remove_footnote_marks)
)
# a digit glued after a sentence's end (remove_footnote_marks): "thought out.2 Patients"
# (searched from the mark, the rarer character, for speed: the pattern opens on it, and the
# letter before it is looked behind for from there; a look-behind opening the pattern would be
# tried at every character)
_GLUED_NUMBER_HINT_RE = re.compile('[.!?](?<=[a-z][.!?])["”’)]?[0-9]')
_BULLET_OR_SPACE = frozenset(" •▪◦‣●■□►▸▶➢➤✓✔·*+-")
# _LINK_TEXT_RE without its leading \s*: it matches somewhere exactly when _LINK_TEXT_RE does,
# and starting with a bracket lets the search skip to brackets instead of trying every position.
_LINK_TEXT_HINT_RE = re.compile(
    r"[(\[](?:opens|open|link opens|opening) in (?:a )?new (?:tab|window|browser tab)[)\]]"
    r"|\((?:link is )?external(?: link)?\)"
    r"|,\s*opens (?:in )?(?:a )?new (?:tab|window)\b",
    re.IGNORECASE,
)


def _is_dash_bullet(text: str) -> bool:
    """The line already has the bullet convention "- x" (the bullet step leaves it as it is)."""
    return text[:2] == "- " and len(text) > 2 and not text[2].isspace()


def may_need_normalising(text: str) -> bool:
    """False when none of the character and inline steps can change ``text`` (a fast test)."""
    if text[:1] in _BULLET_OR_SPACE and not _is_dash_bullet(text):
        return True
    if text[-1:].isspace() or "  " in text or "!--" in text or text[:1] in ("#", ">"):
        return True
    if _NEEDS_WORK_RE.search(text) or (
        _may_hold_link_text(text) and _LINK_TEXT_HINT_RE.search(text)
    ):
        return True
    if _GLUED_NUMBER_HINT_RE.search(text):
        return True
    return not text.isascii() and not unicodedata.is_normalized("NFC", text)


# The only characters other than ASCII letters that re.IGNORECASE matches to an ASCII letter
# ("ı" and "İ" match "i", "ſ" matches "s", the Kelvin sign matches "k"); str.lower maps every
# other character to one character that is ASCII only if the character was.
_FOLD_SPECIAL = (("\u0130", "i"), ("\u0131", "i"), ("\u017f", "s"), ("\u212a", "k"))


def fold(text: str) -> str:
    """``text`` lower-cased one character for one, with the characters that re.IGNORECASE
    matches to an ASCII letter ("ſ", "ı", "İ", the Kelvin sign) mapped to that letter.

    So wherever a pattern matches an ASCII string ``s`` in ``text`` (case-insensitively or
    not), ``s.lower()`` is at the same place in ``fold(text)``, and ``s.lower() in fold(text)``
    is a quick test a line must pass before such a pattern can match it
    (:func:`analysis.corpus.line_rules.required_strings`,
    :func:`analysis.corpus.detokenise.may_need_detokenising`).
    """
    if not text.isascii():
        for char, letter in _FOLD_SPECIAL:
            if char in text:
                text = text.replace(char, letter)
    return text.lower()


def remove_invisible(text: str) -> str:
    """Drop zero-width characters, soft hyphens, byte-order marks and control characters."""
    if text.isprintable():
        return text  # every character of the pattern is a control or format character
    return _INVISIBLE_RE.sub("", text)


def normalise_unicode(text: str) -> str:
    """Unicode NFC, so "e" + combining accent and "é" are one and the same."""
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


# The Latin ligatures of the Alphabetic Presentation Forms block (U+FB00-FB06), which a PDF's
# text layer holds where its font set them: "ﬀ" "ﬁ" "ﬂ" "ﬃ" "ﬄ" "ﬅ" "ﬆ". NFC leaves them (only
# compatibility decomposition, NFKC, splits them), so "oﬃcials" was no word of any lexicon.
_LIGATURES = str.maketrans(
    {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl"}
    | {"\ufb05": "st", "\ufb06": "st"}
)
_LIGATURE_RE = re.compile("[\ufb00-\ufb06]")


def expand_ligatures(text: str) -> str:
    """The Latin ligatures ("ﬁ", "ﬀ", "ﬃ": U+FB00-FB06) as the letters they join: text copied
    out of a PDF e-paper edition keeps its font's ligatures, so a tester's "oﬃcials", "ﬁled"
    and "conﬂict" were no words of the tone, frame or keyness lexicons."""
    if text.isascii() or not _LIGATURE_RE.search(text):
        return text
    return text.translate(_LIGATURES)


# Footnote markers a PDF's text keeps glued to the word or mark they follow: superscript digits
# ("by 2025.¹ Critics", "report³"), or a plain number after a sentence's end and before the next
# sentence ("poorly thought out.2 Patients")
SUPERSCRIPTS = "\u00b9\u00b2\u00b3\u2070\u2074\u2075\u2076\u2077\u2078\u2079"
_SUPERSCRIPT_RE = re.compile(f"[{SUPERSCRIPTS}]")
_SUPERSCRIPT_MARK_RE = re.compile(
    f'(?<=[^\\s\\d{SUPERSCRIPTS}])[{SUPERSCRIPTS}]+(?=[\\s"”’)\\],;:.!?]|$)'
)
_GLUED_NUMBER_RE = re.compile(
    r"(?<![\w.])([A-Za-z]*[a-z])([.!?][\"”’)]?)\d{1,2}(?=\s+[\"“‘(]?[A-Z])"
)
# what a number glued after a full stop follows when it is no footnote: "No.2", "Vol.3"
_NUMBERED_ABBREVIATIONS = frozenset(
    {"no", "nos", "vol", "art", "fig", "sec", "para", "chap", "ch", "pt", "tab", "col", "ext"}
    | {"op", "ed", "p", "pp", "cl", "sch", "reg", "rev", "ver", "v", "nr", "bd", "tel"}
)
# a unit or a symbol with its exponent: "m²", "km²", "cm³", "mc²" (a word of 1-2 letters)
UNIT_LETTERS = 2


def _superscript_mark(match: re.Match[str]) -> str:
    """Nothing for a footnote's superscript number; the number itself after a unit or a symbol
    of :data:`UNIT_LETTERS` letters or fewer ("50 m²", "E=mc²"), its exponent."""
    text, start = match.string, match.start()
    letters = 0
    while start - letters > 0 and text[start - letters - 1].isalpha():
        letters += 1
    return match.group() if 0 < letters <= UNIT_LETTERS else ""


def _glued_number(match: re.Match[str]) -> str:
    """A sentence's last word and end without the footnote number glued after them; the whole
    when the word is an abbreviation numbers follow ("No.2", "Vol.3")."""
    word, end = match.group(1), match.group(2)
    if len(word) < 3 and word.casefold() not in ("in", "on", "up", "us", "it", "is", "so", "do"):
        return match.group()  # "Sgt." is 3 letters; "No.2", "pp.3": a number, not a mark
    if word.casefold() in _NUMBERED_ABBREVIATIONS:
        return match.group()
    return word + end


def remove_footnote_marks(text: str) -> str:
    """Cut footnote markers out of a line: superscript digits glued to the word or mark before
    them ("by 2025.¹ Critics", "Sgt.¹ Jim Holcomb"), but not a unit's or a symbol's exponent
    ("50 m²", "E=mc²"); a plain number of one or two digits glued after a sentence's end and
    before the next sentence's capital ("poorly thought out.2 Patients"), but not after an
    abbreviation numbers follow ("No.2 Pencil", "Vol.3"). Text copied out of a PDF keeps them,
    and the sentence splitter did not split there. A line that opens with a footnote's number
    is the footnote itself (:mod:`analysis.corpus.page_furniture`)."""
    if not text.isascii() and _SUPERSCRIPT_RE.search(text):
        text = _SUPERSCRIPT_MARK_RE.sub(_superscript_mark, text)
    if _GLUED_NUMBER_HINT_RE.search(text):
        text = _GLUED_NUMBER_RE.sub(_glued_number, text)
    return text


def glued_footnote_numbers(text: str) -> list[str]:
    """The plain numbers :func:`remove_footnote_marks` cuts from ``text`` as footnote markers
    ("2" of "thought out.2 Patients"), in order: the footnotes a line opening with one of them
    may be ("2 Survey by the Patients Association.")."""
    if not _GLUED_NUMBER_HINT_RE.search(text):
        return []
    found = []
    for match in _GLUED_NUMBER_RE.finditer(text):
        if _glued_number(match) != match.group():
            found.append(match.group()[len(match.group(1)) + len(match.group(2)) :])
    return found


def normalise_whitespace(text: str) -> str:
    """Tabs, no-break and other spaces to one plain space; no leading or trailing space."""
    if text.isprintable():
        # Printable text holds no whitespace but the space (nothing for the first pattern to
        # replace), so str.split() cuts it at the runs of spaces, leading and trailing ones too.
        return " ".join(text.split())
    text = _SPACE_LIKE_RE.sub(" ", text)
    return _MULTI_SPACE_RE.sub(" ", text).strip()


def normalise_bullet(text: str) -> str:
    """Any bullet marker ("  • x", "* x", "▪x") to the one convention "- x"."""
    return _BULLET_RE.sub("- ", text, count=1)


def unescape_entities(text: str) -> str:
    """HTML entities ("&amp;", "&#8217;", "&nbsp;") to the characters they stand for."""
    if "&" not in text:
        return text
    return _ENTITY_RE.sub(lambda m: html.unescape(m.group()), text)


_LINE_BREAK_TAG_RE = re.compile(r"<br\b", re.IGNORECASE)


def _gap(match: re.Match[str]) -> str:
    """What replaces a cut-out fragment: a space between two words, else nothing; a ``<br>``
    (a line break, which a browser shows as one) is always a space when text follows it: an
    export's "on Monday.<br/>Critics said" had run its sentences into one."""
    text, start, end = match.string, match.start(), match.end()
    if _LINE_BREAK_TAG_RE.match(text, start) and start > 0 and end < len(text):
        return " "
    between_words = (
        start > 0 and end < len(text) and text[start - 1].isalnum() and text[end].isalnum()
    )
    return " " if between_words else ""


def _cut(pattern: re.Pattern[str], text: str) -> str:
    if not pattern.search(text):
        return text
    return normalise_whitespace(pattern.sub(_gap, text))


def remove_cms_debris(text: str) -> str:
    """Cut HTML comments (also mangled ones), stray tags, shortcodes and a template's unfilled
    placeholders ("{{description}}") out of a line."""
    if "<" not in text and "!--" not in text and "[" not in text and "{{" not in text:
        return text
    return _cut(_CMS_INLINE_RE, text)


# HTML elements a browser starts on a line of their own. (A "<br>" is left to remove_cms_debris:
# inside a paragraph it is mostly a hard wrap, which cleaning would join again.)
_BLOCK_TAGS = (
    "address|article|aside|blockquote|dd|div|dl|dt|figcaption|figure|footer|form|h[1-6]"
    "|header|li|main|nav|ol|p|pre|section|table|tr|ul"
)
_BLOCK_TAG_RE = re.compile(
    rf"<({_BLOCK_TAGS})\b(?:\s[^<>]*)?/?>"  # an opening tag (group 1): a line starts before it
    rf"|</(?:{_BLOCK_TAGS})\s*>|<hr\b(?:\s[^<>]*)?/?>",  # a line ends after these
    re.IGNORECASE,
)


def split_block_tags(line: str) -> list[str]:
    """``line`` cut where a browser would break it: before each opening block-level HTML tag
    (``<p>``, ``<div>``, ``<li>``, ``<h2>`` …) and after each closing one and each ``<hr>``;
    the pieces stripped, those with no text outside their tags left out. A line
    without two such pieces comes back whole, as ``[line]``.

    Text exported from a content-management system often holds a whole article on one line
    of ``<p>…</p><p>…</p>``: cut inline (:func:`remove_cms_debris`), its paragraphs would run
    together ("AdvertisementBusiness groups …"), and neither a menu line nor a sentence
    boundary between them could be seen. Each piece keeps its tags, for the audit."""
    if "<" not in line:
        return [line]
    cuts = [m.start() if m.group(1) else m.end() for m in _BLOCK_TAG_RE.finditer(line)]
    if not cuts:
        return [line]
    bounds = [0, *cuts, len(line)]
    pieces = [line[a:b].strip() for a, b in itertools.pairwise(bounds)]
    pieces = [p for p in pieces if p and remove_cms_debris(p).strip()]
    return pieces if len(pieces) > 1 else [line]


def _may_hold_link_text(text: str) -> bool:
    """False when :data:`_LINK_TEXT_HINT_RE` cannot match: each of its forms holds a bracket,
    or a comma followed (after spaces) by "opens" as the pattern matches it in any case
    (:func:`fold`)."""
    return "(" in text or "[" in text or ("," in text and "opens" in fold(text))


def remove_link_text(text: str) -> str:
    """Cut link annotations such as "(opens in a new tab)" out of a line."""
    if not _may_hold_link_text(text) or not _LINK_TEXT_HINT_RE.search(text):
        return text  # the hint matches exactly where _LINK_TEXT_RE does, and searches faster
    return normalise_whitespace(_LINK_TEXT_RE.sub(_gap, text))


# The marks below end a news feed's item, so cleaning looks for them on a text's last line
# only (:func:`analysis.corpus.cleaning.clean_text`): in a web page the same "[…]" and "Read
# more" end the teasers of other articles (recent posts, pingbacks), which are the page's chrome
# and which the line classifier recognises by those very marks.


def remove_excerpt_mark(text: str) -> str:
    """Cut the mark a news feed leaves where an excerpt ends ("[…]", "Continue reading →")
    from the end of a line: not the article's words. The article stays cut (see
    :func:`analysis.corpus.exports.truncated_documents`)."""
    if not text.endswith(_EXCERPT_ENDS):
        return text
    return _EXCERPT_MARK_RE.sub("", text)


def remove_read_more(text: str) -> str:
    """Cut a "Read more »" link after a line's last sentence (a feed item's link to the rest)."""
    if not text.endswith(_READ_MORE_ENDS):
        return text
    return _READ_MORE_TAIL_RE.sub("", text)


def remove_feed_footer(text: str) -> str:
    """Cut WordPress's feed footer ("The post <title> appeared first on <site>.") from a line,
    or the whole line when it is nothing else."""
    if _FEED_FOOTER_HINT not in text:
        return text
    return _FEED_FOOTER_RE.sub("", text)


# A rights notice run into an article's last paragraph, as a database export leaves it: "... said
# on Tuesday. (c) 2018 Capital Times. All Rights Reserved. This material may not be published,
# broadcast, rewritten or redistributed." Each sentence of the tail is one of these; on a line
# of its own the notice is a boilerplate rule's (site_chrome). A tester's export kept it in 190
# articles of one outlet: its distinctive words became "redistributed" and "rewritten", and the
# "may" of its last sentence made that outlet's hedging differ from another's.
_RIGHTS_SENTENCE_RE = re.compile(
    r"(?:©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\))?\s*\d{4})[^\n]{0,150}"
    r"|all rights reserved\.?"
    r"|(?:this|the) (?:material|article|story|content) (?:may|must) not be (?:published|"
    r"reproduced|copied|redistributed|republished)[^\n]{0,120}",
    re.IGNORECASE,
)
_RIGHTS_HINT_RE = re.compile(r"©|\(c\)|copyright|rights reserved|may not be", re.IGNORECASE)
# where a sentence ends and the next begins (the notice's own sentences end with a full stop)
_SENTENCE_GAP_RE = re.compile(r"(?<=[.!?”\"])\s+(?=\S)")


def remove_rights_notice(text: str) -> str:
    """Cut a rights notice ("© 2018 Capital Times. All Rights Reserved. This material may not
    be published, ...") from the end of a line that has other text before it: the sentences at
    the line's end, each a notice's (:data:`_RIGHTS_SENTENCE_RE`). A line that is nothing but a
    notice is left to the boilerplate rules."""
    if not _RIGHTS_HINT_RE.search(text):
        return text
    pieces = _SENTENCE_GAP_RE.split(text.rstrip())
    keep = len(pieces)
    while keep > 1 and _RIGHTS_SENTENCE_RE.fullmatch(pieces[keep - 1].strip()):
        keep -= 1
    if keep == len(pieces) or _RIGHTS_SENTENCE_RE.fullmatch(pieces[0].strip()):
        return text  # no notice at the end, or nothing but one
    starts = [m.end() for m in _SENTENCE_GAP_RE.finditer(text.rstrip())]
    return text[: starts[keep - 1]].rstrip()


# Markdown, as exported by scrapers and CMSs (and trafilatura's markdown output): an image
# "![alt](url)", a link "[text](url "title")", and a line's heading or quotation marker.
# A link's target looks like an address (a "/", a "." or a leading "#"), not "a[i](x)"; a ">"
# before a number is "more than" ("> 50 people"), not a quotation.
_MD_TARGET = r'(?:#[^)\s]*|[^)\s]*[./][^)\s]*)(?:\s+"[^"]*")?'
_MD_IMAGE_RE = re.compile(r"!\[[^\]\n]*\]\(" + _MD_TARGET + r"\)")
_MD_LINK_RE = re.compile(r"\[([^\]\n]+)\]\(" + _MD_TARGET + r"\)")
_MD_BLOCK_RE = re.compile(r"^(?:#{1,6}[ \t]+(?=\S)|>[ \t]+(?=[^\d\s]))")


def remove_markdown(text: str) -> str:
    """Markdown structure to plain text: "## Title" and "> quote" lose their markers, a link
    "[text](url)" keeps its text, an image "![alt](url)" goes (its alt text is a caption)."""
    if "](" in text:
        text = normalise_whitespace(_MD_LINK_RE.sub(r"\1", _MD_IMAGE_RE.sub("", text)))
    if text[:1] in ("#", ">"):
        text = _MD_BLOCK_RE.sub("", text)
    return text


def remove_truncation_mark(text: str) -> str:
    """Drop the mark a news API leaves where it cut an article short ("… [+2712 chars]", at the
    end of a line): not the article's words. The article stays cut (see
    :func:`analysis.corpus.exports.truncated_documents`)."""
    if "char" not in text:
        return text
    return _TRUNCATION_MARK_RE.sub("", text)


def remove_para_markers(text: str) -> str:
    """Cut paragraph markers such as "[para. 3]" out of a line."""
    if "[" not in text and "¶" not in text:
        return text
    return _cut(_PARA_MARKER_RE, text)


def remove_emphasis(text: str) -> str:
    """Markdown emphasis debris to plain text: "_Reuters_" and "**word**" to "Reuters", "word"."""
    return _EMPHASIS_RE.sub(r"\2", text) if ("_" in text or "*" in text) else text
