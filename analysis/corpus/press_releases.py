"""A press release's furniture: its release markers, a wire service's dateline, stock tickers,
the "About X" section, contact blocks, investor notices and the lines a release page adds.

Organisations' press releases, as PR Newswire, Business Wire or a government press office
publish them, wrap their text in lines that are the release's, not what it says: "FOR IMMEDIATE
RELEASE" over it and "###" under it, "HARLAN, Wash., March 2, 2025 /PRNewswire/ --" opening its
first paragraph, "(NYSE: MTI)" after the company's name, an "About Meridian Terminals Inc."
paragraph, media and investor contacts, a conference call's dial-in numbers, a non-GAAP notice.
A tester's four releases of one company kept the "About" paragraph in three of them and lost it
in the fourth (as a line repeated across the corpus): its sentences gave 7 of the company's 23
"economic consequences" frame hits, "committed to safety, sustainability and innovation" counted
three times in its tone, and the wire's dateline made "PRNewswire" and "NYSE" actors.

:mod:`analysis.corpus.cleaning` applies these rules to each document on its own, so identical
releases are cleaned alike whatever the rest of the corpus holds: the single lines through
:func:`release_line_rule` (beside the line rules), the blocks through :func:`release_block`
(beside the block rules), the dateline through :func:`split_release_dateline` and the tickers
through :func:`strip_stock_tickers` as a line is kept. A document with a release marker, a wire
service's dateline or an "About" section is flagged ``press_release``
(:data:`PRESS_RELEASE_RULES`, :mod:`analysis.corpus.quality`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from analysis.corpus.line_rules import LineView, match_line_rule
from analysis.corpus.metadata_rules import is_date_line

RULE_DESCRIPTIONS = {
    "release_marker": "A press release's marker over its text: 'FOR IMMEDIATE RELEASE', 'NEWS "
    "RELEASE', 'PRESS RELEASE', 'MEDIA ADVISORY', 'EMBARGOED UNTIL 00:01 GMT ...'; one "
    "with a date ('For immediate release: March 7, 2025') moves the date to "
    "metadata['dateline']. The issuer's name alone on the text's first line right over the "
    "marker ('Office of Governor Dana Whitcomb') goes with it.",
    "release_end": "A press release's end mark alone on its line: '###', '# # #', '-30-', "
    "'- ends -', 'ENDS'.",
    "release_dateline": "A wire service's dateline opening a press release's first paragraph "
    "('HARLAN, Wash., March 2, 2025 /PRNewswire/ --', '/PRNewswire-USNewswire/', "
    "'SAN FRANCISCO--(BUSINESS WIRE)--', '/CNW/', '(GLOBE NEWSWIRE)', '/ ACCESSWIRE /', "
    "'/EINPresswire.com/'; once per text, within its first 10 lines kept) moves to "
    "metadata['dateline_place']; the paragraph stays.",
    "stock_ticker": "A company's stock ticker in brackets ('(NYSE: MTI)', '(NASDAQ: ABCD)', "
    "'(TSX: ABC; NYSE: ABC)') is cut out of a kept line, so the exchange and the symbol are no "
    "actor.",
    "about_boilerplate": "A press release's 'About X' section: a heading 'About X' (X a name "
    "of at most 8 words, or 'the Company') below the text's opening and the paragraphs under "
    "it, up to the next heading, contact block, end mark or the end, when the first of them "
    "names X and only the release's furniture (notices, contacts, headings, lines other rules "
    "remove) follows it. 'About 200 workers gathered ...' is a sentence, no heading, and stays.",
    "press_contact": "A contact block: a 'Media Contact:' / 'Press contact:' / 'Investor "
    "Contacts:' / 'Contact:' heading (or 'Media contact: Jane Roe, 360-555-0155, "
    "jroe@example.org' on one line) and the names, roles, telephone numbers and addresses on "
    "the lines under it, when the block gives a telephone number or an address.",
    "release_notice": "An investor notice of a press release: a 'Conference Call "
    "Information', 'Non-GAAP Financial Measures', 'Safe Harbor Statement' or 'Forward-Looking "
    "Statements' heading and the paragraphs under it up to the next heading, when the first "
    "says what the heading announces (a call or webcast, GAAP, forward-looking statements); a "
    "line a line rule removes keeps that rule (platform_disclaimer).",
    "release_line": "A press release page's own line: 'SOURCE Meridian Terminals Inc.', "
    "'Follow WSDA on Facebook, X and Instagram.', 'This page was last updated on March 7, "
    "2025.', 'For more information, visit www.example.com.' or 'Learn more at www.example.com' "
    "alone, a conference call's 'Participants may dial ...' and webcast lines, PR Newswire's "
    "'View original content: <URL>'.",
}

# The rules that recognise a press release (its quality flag ``press_release``): an end mark,
# a contact block or a "Follow us" line alone are also found on other pages
PRESS_RELEASE_RULES = frozenset({"release_marker", "release_dateline", "about_boilerplate"})

# --------------------------------------------------------------------------------------------
# Single lines.
# --------------------------------------------------------------------------------------------

MAX_LINE_WORDS = 60  # no release line is longer (a conference call's dial-in line is the longest)
_MARKER_RE = re.compile(
    r"(?P<marker>(?:for )?immediate release|for release (?:on|at|after)\b.{1,40}"
    r"|(?:joint |official )?(?:news|press|media) (?:release|advisory|statement|alert))"
    r"(?:\s*[:,|·•–—-]\s*(?P<date>.{4,60}))?",
    re.IGNORECASE,
)
_EMBARGO_RE = re.compile(
    r"(?:under )?embargo(?:ed)?(?:\s+(?:until|till|to|for)\b|\s*[:–—-])\s*.{1,80}", re.IGNORECASE
)
MAX_MARKER_WORDS = 16
_END_RE = re.compile(
    r"(?:#\s*){3}|[-–—]\s*30\s*[-–—]|ENDS?|[-–—\[(]+\s*(?i:ends?)\s*[-–—\])]+|(?i:end of release)"
)
_NETWORKS = (
    r"(?:facebook|twitter|x|linkedin|instagram|youtube|tiktok|threads|bluesky|mastodon|flickr"
    r"|social media)"
)
_URL = r"(?:https?://\S+|www\.\S+|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,10}(?:/\S*)?)"
_RELEASE_LINE_RE = re.compile(
    "|".join(
        [
            # "Follow WSDA on Facebook, X and Instagram."
            rf"(?:follow|connect with|find|like) (?:us|[\w .&'’@-]{{1,40}}) on {_NETWORKS}"
            rf"(?:\s*(?:,|and|&|or|/|\|)\s*{_NETWORKS})*\.?",
            # "For more information, visit www.example.com." / "Learn more at www.example.com"
            rf"(?:for (?:more|further|additional) information(?: (?:about|on) [^,]{{1,60}})?,? "
            rf"(?:please )?(?:visit|see|go to)|(?:learn|find out|read) more (?:at|on)"
            rf"|(?:please )?visit(?: us)?(?: at| online at)?)\s+{_URL}"
            r"(?: for (?:more|further|additional) information)?\.?",
            # a conference call's lines
            r"(?:participants|callers|investors|analysts|those (?:wishing|who wish) to "
            r"(?:participate|listen|join))\b.{0,60}?\b(?:may|can|should|will need to|are "
            r"(?:invited|asked|encouraged) to) (?:dial|call|register|join|access|listen)\b.*",
            r"(?:an? )?(?:live )?(?:audio )?(?:webcast|replay)(?: and (?:an? )?(?:replay|archive)"
            r")?(?: of the (?:conference )?call)? (?:will|can|may) (?:also )?be (?:available|"
            r"accessed|found|archived|posted)\b.*",
            r"to (?:access|listen to|join) the (?:live )?(?:audio )?(?:webcast|call|conference "
            r"call)\b.*",
            # PR Newswire's and Business Wire's links under a release
            rf"view original content(?: to download multimedia)?\s*:?\s*{_URL}",
            rf"view source version on [\w.]+\s*:?\s*{_URL}",
            rf"(?:photo|logo|video|multimedia)\s*[-–:]\s*{_URL}",
        ]
    ),
    re.IGNORECASE,
)
# "This page was last updated on March 7, 2025."
_UPDATED_RE = re.compile(
    r"(?:this (?:page|article|release|story|content|information|site) (?:was|has been) )?"
    r"last (?:updated|modified|reviewed|revised)(?: on)?\s*:?\s*(?P<date>.{4,40}?)\.?",
    re.IGNORECASE,
)
_SOURCE_RE = re.compile(r"SOURCE\s+[A-Z][\w'’&.,-]*(?:\s+[\w'’&.,-]+){0,8}")  # PR Newswire's


def release_marker_date(line: LineView) -> tuple[str, str] | None:
    """``(rule, date)`` of a release's marker line: ``("release_marker", "")`` for "FOR
    IMMEDIATE RELEASE", "NEWS RELEASE", "EMBARGOED UNTIL ...", ``("release_marker", "March 7,
    2025")`` for "For immediate release: March 7, 2025", ``("release_end", "")`` for "###",
    "-30-", "- ends -", "ENDS"; else None."""
    if line.n_words > MAX_MARKER_WORDS:
        return None
    if _END_RE.fullmatch(line.text.strip()):
        return "release_end", ""
    match = _MARKER_RE.fullmatch(line.bare)
    if match:
        date = match.group("date") or ""
        if date and not is_date_line(date.strip()):
            return None  # "Press release: Council approves budget" is a headline
        return "release_marker", date.strip()
    if _EMBARGO_RE.fullmatch(line.bare):
        return "release_marker", ""
    return None


def release_line_rule(line: LineView) -> str | None:
    """The rule (:data:`RULE_DESCRIPTIONS`) of a release's line recognised from its shape alone:
    ``release_marker`` or ``release_end`` (:func:`release_marker_date`), ``release_line``
    ("SOURCE Meridian Terminals Inc.", "Follow WSDA on Facebook, X and Instagram.", "This page
    was last updated on March 7, 2025.", "For more information, visit www.example.com.", a
    conference call's "Participants may dial ..."); else None. A tester's agriculture
    department release, alone of its kind in her corpus, kept all of these as sentences."""
    if line.n_words > MAX_LINE_WORDS:
        return None
    marker = release_marker_date(line)
    if marker:
        return marker[0]
    if line.n_words <= 10 and _SOURCE_RE.fullmatch(line.bare):
        return "release_line"
    if _RELEASE_LINE_RE.fullmatch(line.bare):
        return "release_line"
    updated = _UPDATED_RE.fullmatch(line.bare) if line.n_words <= 14 else None
    if updated and is_date_line(updated.group("date").strip().rstrip(".")):
        return "release_line"
    return None


# --------------------------------------------------------------------------------------------
# The wire service's dateline and stock tickers.
# --------------------------------------------------------------------------------------------

_DATE = (
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4}"
    r"|\d{4}-\d{2}-\d{2})"
)
_WIRE_SLASH = (
    r"/\s*(?:PR\s?Newswire(?:-[A-Za-z]+)?|CNW|EIN\s?Presswire(?:\.com)?|PRWeb|PRWEB"
    r"|Newswire|ACCESSWIRE)\s*/"
)
_WIRE_PAREN = (
    r"\(\s*(?:BUSINESS WIRE|Business Wire|GLOBE NEWSWIRE|Globe ?Newswire|GlobeNewswire"
    r"|ACCESSWIRE|ACCESS Newswire|PRWEB|PRWeb|EIN Presswire|Newsfile Corp\.?[^()]{0,30})\s*\)"
)
_RELEASE_DATELINE_RE = re.compile(
    rf"(?P<dateline>[A-Z][^\n/()]{{0,80}}?(?:,?\s*{_DATE})?\s*(?:[-–—]{{1,2}}\s*)?"
    rf"(?:{_WIRE_SLASH}(?:\s*{_DATE}\s*/)?|{_WIRE_PAREN}))"
    r"\s*(?:--|[-–—/])?\s*(?P<rest>[\"“‘'(]?[A-Z0-9].*)",
    re.DOTALL,
)
RELEASE_DATELINE_CHARS = 120  # the longest dateline, in characters


def split_release_dateline(text: str) -> tuple[str, str] | None:
    """``(dateline, rest)`` of a paragraph opening with a wire service's dateline ("HARLAN,
    Wash., March 2, 2025 /PRNewswire/ -- Meridian Terminals Inc. today ..." →
    ``("HARLAN, Wash., March 2, 2025 /PRNewswire/", "Meridian Terminals Inc. today ...")``,
    "SAN FRANCISCO--(BUSINESS WIRE)--", "NEW YORK, March 2, 2025 (GLOBE NEWSWIRE) --", "NEW
    YORK, NY / ACCESSWIRE / March 2, 2025 /"), else None. The caller applies it where a wire
    dateline may open the first paragraph: a tester's releases kept theirs, and "PRNewswire"
    became an actor and "/prnewswire/", "wash." and "march" distinctive words."""
    if "/" not in text and "(" not in text:
        return None  # every wire's mark holds one: most lines are dismissed here
    match = _RELEASE_DATELINE_RE.match(text)
    if not match or len(match.group("dateline")) > RELEASE_DATELINE_CHARS:
        return None
    rest = match.group("rest")
    if not any(char.islower() for char in rest):
        return None
    dateline = match.group("dateline").strip(" -–—")
    # ACCESSWIRE's "/ June 3, 2025 /" closes on a spaced slash; "/PRNewswire/" keeps its own
    return dateline.removesuffix(" /").rstrip(), rest


_EXCHANGE = (
    r"(?:NYSE(?: American| Arca| MKT)?|NASDAQ|Nasdaq(?: GS| GM| CM)?|AMEX|TSX(?:-?V)?|TSXV|CSE"
    r"|OTC(?:QX|QB|BB)?|OTC Pink|LSE|AIM|ASX|NZX|HKEX|SEHK|SGX|SIX|Euronext(?: \w+)?|XETRA"
    r"|FWB|JSE|BSE|NSE|TASE|TYO|TSE)"
)
_SYMBOL = r"[A-Z0-9]{1,6}(?:[.-][A-Z0-9]{1,3})?"
_LISTING = rf"{_EXCHANGE}\s*:\s*{_SYMBOL}"
_TICKER_RE = re.compile(rf"\s*\(\s*{_LISTING}(?:\s*(?:[,;/]|and)\s*{_LISTING})*\s*\)")
# what every match of _TICKER_RE holds, searched from its bracket (not from every space)
_TICKER_START_RE = re.compile(rf"\(\s*{_LISTING}")


def strip_stock_tickers(text: str) -> str:
    """``text`` without its stock tickers in brackets ("Meridian Terminals Inc. (NYSE: MTI)
    today ..." → "Meridian Terminals Inc. today ..."): a tester's releases gave "NYSE" and
    "MTI" as actors, from the ticker every release puts after the company's name."""
    if ":" not in text or "(" not in text or _TICKER_START_RE.search(text) is None:
        return text
    return _TICKER_RE.sub("", text)


# --------------------------------------------------------------------------------------------
# Blocks: contacts, notices, the "About" section.
# --------------------------------------------------------------------------------------------

HEADING_MAX_WORDS = 10
# a name's last word may end with a full stop: "About Meridian Terminals Inc."
_ABBREVIATION_END_RE = re.compile(
    r"\b(?:Inc|Ltd|Corp|Co|LLC|L\.P|LP|plc|PLC|S\.A|N\.V|AG|SE|GmbH|Jr|Sr|U\.S|U\.K|Bros)\.$"
)
_SENTENCE_ENDS = '.!?;,…"”’)'


def _ends_like_name(text: str) -> bool:
    """Whether ``text`` ends as a name or heading may: no sentence's mark but an
    abbreviation's full stop ("Inc.")."""
    return text[-1:] not in _SENTENCE_ENDS or _ABBREVIATION_END_RE.search(text) is not None


def is_heading(line: LineView) -> bool:
    """Whether the line is a release's section heading: at most :data:`HEADING_MAX_WORDS`
    words, opening with a capital, in capitals or title case, ending with no sentence's mark
    (but a name's "Inc." or a label's colon): "About Meridian Terminals Inc.", "Media
    Contact:", "Non-GAAP Financial Measures"."""
    if not 1 <= line.n_words <= HEADING_MAX_WORDS or line.is_bullet:
        return False
    text = line.text.rstrip()
    if not (text.endswith(":") or _ends_like_name(text)):
        return False
    if not line.bare[:1].isupper():
        return False
    return line.bare.isupper() or line.title_case_share >= 0.6


# contacts
_CONTACT_HEAD = (
    r"(?:for )?(?:(?:media|press|news media|investor|investors|investor relations|company"
    r"|corporate|analyst|editorial|public|communications)\s+)?"
    r"(?:contacts?|inquiries|enquiries|relations)(?:\s+information)?"
)
_CONTACT_HEAD_RE = re.compile(_CONTACT_HEAD, re.IGNORECASE)
_CONTACT_INLINE_RE = re.compile(rf"{_CONTACT_HEAD}\s*[:：]\s*(?P<rest>\S.*)", re.IGNORECASE)
_EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE_RE = re.compile(r"(?<![\w.])[+(]?\d[\d\s().-]{5,18}\d(?![\w.]\d)")
_CONTACT_LABEL_RE = re.compile(
    r"(?:phone|tel|telephone|mobile|cell|fax|e-?mail|web|website|office|direct|main)\s*[.:：]\s*\S",
    re.IGNORECASE,
)
CONTACT_LINE_WORDS = 16  # a line of a contact block: "Jane Roe, +1 360 555 0142, jroe@example.org"
CONTACT_NAME_WORDS = 8  # a name or role line in it: "Vice President, Investor Relations"
MIN_PHONE_DIGITS = 7


def _has_phone(text: str) -> bool:
    return any(
        sum(char.isdigit() for char in found) >= MIN_PHONE_DIGITS
        for found in _PHONE_RE.findall(text)
    )


def _reaches(line: LineView) -> bool:
    """Whether the line gives a way to reach someone: an address, a telephone number or a
    labelled field ("Phone: ...", "Email: ..."), in at most :data:`CONTACT_LINE_WORDS`
    words."""
    if line.n_words > CONTACT_LINE_WORDS:
        return False
    text = line.bare
    return bool(_EMAIL_RE.search(text) or _CONTACT_LABEL_RE.match(text) or _has_phone(text))


def _is_contact_name(line: LineView) -> bool:
    """A name or role line of a contact block: "Jennifer Walsh", "Meridian Terminals Inc.",
    "Governor's Communications Office", "Vice President, Investor Relations"."""
    return (
        line.n_words <= CONTACT_NAME_WORDS
        and not line.is_bullet
        and line.bare[:1].isupper()
        and _ends_like_name(line.text.rstrip())
        and (line.n_words <= 2 or line.title_case_share >= 0.6)
    )


def _is_contact_head(line: LineView) -> bool:
    return line.n_words <= CONTACT_LINE_WORDS and bool(
        _CONTACT_HEAD_RE.fullmatch(line.bare) or _CONTACT_INLINE_RE.fullmatch(line.bare)
    )


def _contact_end(views: Sequence[LineView], i: int, starts: Callable[[int], bool]) -> int | None:
    """End (exclusive) of a contact block at ``views[i]``: its heading ("Media Contact:",
    "Contact: Governor's Communications Office", "Media contact: Tom Aldridge, 360-555-0155,
    taldridge@...") and the lines under it that name someone or give a telephone number or an
    address; a line under a blank line (``starts``) goes on the block only when it gives one.
    None without a heading, or when the block gives no telephone number or address (a menu's
    "Contact" over "About")."""
    head = views[i]
    if not _is_contact_head(head):
        return None
    inline = _CONTACT_INLINE_RE.fullmatch(head.bare)
    found = bool(inline) and _reaches(head)
    k = i + 1
    while k < len(views):
        line = views[k]
        reaches = _reaches(line)
        if (starts(k) and not reaches) or (not reaches and not _is_contact_name(line)):
            break
        found = found or reaches
        k += 1
    return k if found else None


# investor notices: the heading, and what its first paragraph must say
_NOTICES = (
    (
        r"(?:cautionary (?:note|statement|language) (?:regarding|concerning|about|on) )?"
        r"forward[- ]looking (?:statements?|information)(?: disclaimer)?",
        r"forward-looking|expect|future|risks?|uncertaint",
    ),
    (
        r"(?:private securities litigation reform act )?safe harbou?r(?: statement| notice"
        r"| provision| language)?(?: under the private securities litigation reform act"
        r"(?: of 1995)?)?",
        r"forward-looking|private securities litigation|risks? and uncertaint",
    ),
    (
        r"(?:use of |about |note (?:on|regarding) |reconciliation of |discussion of )?non-gaap"
        r" (?:financial )?(?:measures?|information|financial information|reconciliations?"
        r"|metrics)(?: and reconciliations?)?",
        r"\bgaap\b",
    ),
    (
        r"(?:(?:earnings|investor|analyst|quarterly) )?(?:conference call|webcast|earnings call)"
        r"(?: and (?:audio )?webcast| and (?:conference )?call)?(?: information| details"
        r"| access| replay)?",
        r"\b(?:call|webcast|dial|replay)\b",
    ),
)
_NOTICE_RES = tuple(
    (re.compile(head, re.IGNORECASE), re.compile(require, re.IGNORECASE))
    for head, require in _NOTICES
)


def _stops_section(line: LineView) -> bool:
    """Whether a section of a release ends at the line: a heading, a contact block's heading,
    an end mark or marker."""
    return is_heading(line) or _is_contact_head(line) or release_marker_date(line) is not None


def _section_end(views: Sequence[LineView], i: int) -> int:
    """End (exclusive) of the section under a heading at ``views[i]``: the lines up to the next
    heading, contact heading, end mark or the end."""
    k = i + 1
    while k < len(views) and not _stops_section(views[k]):
        k += 1
    return k


def _notice_end(views: Sequence[LineView], i: int) -> int | None:
    """End (exclusive) of an investor notice at ``views[i]``: a heading of :data:`_NOTICES` and
    the paragraphs under it, when the first says what the heading announces; else None."""
    head = views[i]
    if not is_heading(head) or i + 1 >= len(views):
        return None
    for heading, require in _NOTICE_RES:
        if heading.fullmatch(head.bare):
            end = _section_end(views, i)
            return end if end > i + 1 and require.search(views[i + 1].bare) else None
    return None


# "About Meridian Terminals Inc.", "About WSDA", "About the Company"
_NAME_WORD = r"[A-Z][\w'’&.,-]*"
_ABOUT_RE = re.compile(
    r"(?:About|ABOUT)\s+(?P<name>(?i:the company)|"
    rf"{_NAME_WORD}(?:\s+(?:(?:of|and|the|for|de|du|des|la|le|van|von|der|&)\s+)*{_NAME_WORD})"
    r"{0,7})"
)
_NOT_A_NAME = frozenset({"us", "me", "this", "these", "that", "our", "it", "them", "you"})
_NAME_FILLERS = frozenset(
    {"the", "inc", "inc.", "ltd", "ltd.", "corp", "corp.", "co.", "llc", "plc", "group", "company"}
)
MIN_LINES_ABOVE = 3  # an "About" heading stands below the release's opening
SHORT_LINE_WORDS = 6  # a label alone below the "About" section ("Jennifer Walsh")


def _names(name: str, paragraph: str) -> bool:
    """Whether ``paragraph`` names ``name``: one of its words of 3 letters or more ("Meridian"
    of "Meridian Terminals Inc."), or, for an acronym, the initials of its capitalised words
    ("WSDA": "The Washington State Department of Agriculture serves ...")."""
    if name.casefold() == "the company":
        return True
    words = [w.strip(".,") for w in name.split()]
    if any(len(w) >= 3 and w.casefold() not in _NAME_FILLERS and w in paragraph for w in words):
        return True
    if len(words) == 1 and words[0].isupper() and 2 <= len(words[0]) <= 8:
        initials = "".join(w[0] for w in paragraph.split()[:20] if w[:1].isupper())
        return words[0] in initials
    return False


def _about_end(
    views: Sequence[LineView],
    i: int,
    starts: Callable[[int], bool],
    rule_of: Callable[[LineView], str | None],
) -> int | None:
    """End (exclusive) of an "About X" section at ``views[i]`` (:data:`RULE_DESCRIPTIONS`'s
    ``about_boilerplate``), else None."""
    head = views[i]
    if i < MIN_LINES_ABOVE or i + 1 >= len(views) or not is_heading(head):
        return None
    match = _ABOUT_RE.fullmatch(head.bare)
    if not match or match.group("name").split()[0].casefold() in _NOT_A_NAME:
        return None
    end = _section_end(views, i)
    if end == i + 1 or not _names(match.group("name"), views[i + 1].bare):
        return None
    return end if _only_furniture_after(views, end, starts, rule_of) else None


def _only_furniture_after(
    views: Sequence[LineView],
    k: int,
    starts: Callable[[int], bool],
    rule_of: Callable[[LineView], str | None],
) -> bool:
    """Whether the lines from ``views[k]`` to the end are a release's furniture only: notices,
    contact blocks, "About" sections, lines a rule removes (``rule_of``), short labels. So an
    "About" heading is taken as a release's only near its end, not in an article's middle."""
    while k < len(views):
        line = views[k]
        end = _contact_end(views, k, starts) or _notice_end(views, k)
        end = end or _about_end(views, k, starts, rule_of)
        if end:
            k = end
            continue
        short = line.n_words <= SHORT_LINE_WORDS and _ends_like_name(line.text.rstrip())
        if not (short or rule_of(line)):
            return False
        k += 1
    return True


def _line_rule(line: LineView) -> str | None:
    return match_line_rule(line) or release_line_rule(line)


@dataclass(frozen=True)
class ReleaseBlock:
    """Lines of a release a rule removes together, from where the caller asked to ``end``
    (exclusive); ``dateline``: the date its first line gives, for metadata['dateline']."""

    end: int
    rule: str
    dateline: str = ""


def release_block(
    views: Sequence[LineView],
    i: int,
    starts: Callable[[int], bool],
    rule_of: Callable[[LineView], str | None] = _line_rule,
) -> ReleaseBlock | None:
    """The block of a release's furniture that starts at ``views[i]``, or None: a release
    marker with its date, or the issuer's name over a marker on the first line
    (``release_marker``), a contact block (``press_contact``), an investor
    notice (``release_notice``) or an "About X" section (``about_boilerplate``).

    ``starts(k)``: whether a blank line stands above ``views[k]`` (a contact block goes on
    over one only to a telephone number or an address); ``rule_of``: the rule that removes a
    line on its own (the caller's cached verdict, by default the line rules and
    :func:`release_line_rule`)."""
    line = views[i]
    if line.n_words > CONTACT_LINE_WORDS:
        return None  # longer than any heading or contact line
    marker = release_marker_date(line)
    if marker and marker[1]:
        return ReleaseBlock(i + 1, marker[0], marker[1])
    if i == 0 and i + 1 < len(views) and _is_contact_name(line):
        below = release_marker_date(views[i + 1])
        if below and below[0] == "release_marker":  # the issuer's name over the marker
            return ReleaseBlock(i + 1, "release_marker")
    end = _contact_end(views, i, starts)
    if end:
        return ReleaseBlock(end, "press_contact")
    # a notice and an "About" section open with a heading: most lines are none, and are not
    # read further
    if not is_heading(line):
        return None
    end = _notice_end(views, i)
    if end:
        return ReleaseBlock(end, "release_notice")
    end = _about_end(views, i, starts, rule_of)
    return ReleaseBlock(end, "about_boilerplate") if end else None
