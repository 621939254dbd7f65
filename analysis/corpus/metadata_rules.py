"""Metadata lines: a source URL or name, a dateline, a byline, wire credits, the title.

Each parser takes a :class:`~analysis.corpus.line_rules.LineView` and returns the value the line
holds (or None); :mod:`analysis.corpus.cleaning` moves such lines to the document's metadata.
"""

from __future__ import annotations

import re

from analysis.corpus.line_rules import LineView

_URL = r"<?(https?://[^\s<>]+?)>?[.,;]?"
_SOURCE_URL_RE = re.compile(
    r"(?:(?:original|source|link|url|via|read (?:the )?original|originally published (?:at|on|in)"
    r"|article (?:link|url)|source (?:link|url)|original (?:article|link|url|source|post))"
    r"\s*[:：]\s*)?" + _URL,
    re.IGNORECASE,
)
_SOURCE_NAME_RE = re.compile(r"(?:source|sources)\s*[:：]\s*([^\s.].{0,60}?)\.?", re.IGNORECASE)

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?\.?,?\s+)?"
_DATE = (
    _WEEKDAY + rf"(?:{_MONTH}\s+{_DAY},?\s+\d{{4}}|{_DAY}\s+{_MONTH},?\s+\d{{4}}"
    r"|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})"
)
# "10:12 pm IST", "9.12am", and the hour alone before am or pm ("6 AM ET", the Atlantic's)
_CLOCK = (
    r"\s*(?:,|at|·|\||-|–|T)?\s*\d{1,2}"
    r"(?:[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?|\s*[ap]\.?m\.?(?![a-z]))"
    r"(?:,?\s*\(?(?:[A-Z]{2,5}|GMT|UTC)(?:[+-]\d{1,2}(?::?\d{2})?)?\)?|Z)?"
)
_TIME = rf"(?:{_CLOCK})?"
_READ_TIME = r"(?:\s*[·|•-]\s*\d{1,3} min(?:ute)?s?(?: read)?)?"
# "3 hours ago" (BBC), "2 days ago": a page's time stamp relative to when it was copied
_AGO_ONE = (
    r"(?:an?|\d{1,3})\s*(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|[smhdw])"
    r"\s+ago"
)
# The ABC's (Australia) "5h ago5 hours ago": the shown stamp glued to the one read aloud
_AGO = rf"{_AGO_ONE}(?:\s*{_AGO_ONE})?"
# "... Updated 2 hours ago" after the date (Reuters)
# "..., updated Tue 21 Oct 2025 at 9:12am" (ABC News, Australia), the Guardian's "Wed 16 Jul
# 2025 11.40 BST Last modified on Thu 17 Jul 2025 13.43 BST"
_UPDATED_TAIL = (
    r"(?:\s*[·|•,-]?\s*(?:last )?(?:updated|modified)(?: on)?\s*[:：]?\s*"
    rf"(?:{_AGO}|{_DATE}{_TIME}|{_CLOCK}))?"
)
_PREFIX = (
    r"(?P<prefix>(?:(?:first )?published|posted|(?:last )?updated|date|released)(?: on)?"
    r"\s*[:：]?\s*)?"
)
# Axios' "Oct 21, 2025 - Economy": the section's name after the date, one to three words
_SECTION_TAIL = r"(?:\s+[-–|·]\s+(?-i:[A-Z][\w&'’]*(?:\s+(?:&\s+)?[A-Z][\w&'’]*){0,2}))?"
# The Times' "Thursday March 12 2026, 12.01am GMT, The Times": the paper's name after the time,
# one to four capitalised words ("The" first or not) after a comma; only after a time of day,
# so "March 12 2026, London" stays as it was read
_OUTLET_TAIL = r"(?:\s*,\s*(?-i:(?:The\s+)?[A-Z][\w&'’]*(?:\s+[A-Z][\w&'’]*){0,3}))?"
_DATE_LINE_RE = re.compile(
    _PREFIX
    + rf"(?:{_DATE}(?:{_CLOCK}{_OUTLET_TAIL})?|{_AGO}){_UPDATED_TAIL}"
    + _READ_TIME
    + _SECTION_TAIL,
    re.IGNORECASE,
)

_PARTICLES = r"(?:de|da|del|der|van|von|al|el|bin|la|le|di|du|dos|das|ter|ten|y)"
_NAME_WORD = r"(?:[A-Z][\w'’.-]*|" + _PARTICLES + r")"
_NAME = rf"[A-Z][\w'’.-]*(?:\s+{_NAME_WORD}){{0,3}}"
_NOT_A_NAME = (
    r"(?!(?:The|A|An|This|That|These|Those|Then|Now|Contrast|Comparison|Far|Law|Design|Default"
    r"|Way|All|Most|Some|Many|Mid|Late|Early|Next|Last|Year|Month|Week|Day|Region|Country"
    r"|Sector|Type|Numbers|Volume|Value|Comparison|Nature|Definition|Chance|Accident|Mistake"
    r"|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|January|February|March|April|June|July"
    r"|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday"
    r"|Saturday|Sunday|Then|Midday|Midnight|Noon|Tonight|Tomorrow|Today|Yesterday)\b)"
)
# a journalist's job in a byline or beside it ("By political reporter Jake Evans", "Business
# reporter, BBC News"); also read by analysis.corpus.page_metadata
JOB_TITLES = r"reporter|correspondent|editor|writer|journalist|producer|columnist|presenter"
# the genre a byline may name first ("Analysis by Jane Roe", CNN's "Opinion by Jane Roe")
BYLINE_GENRES = r"opinion|analysis|commentary|column|essay|review|perspective"
_BYLINE_RE = re.compile(
    # the outlet's name first, as NPR's member stations write it: "Dakota Public Radio | By Tom
    # Greer" (up to five capitalised words and a bar or a middle dot)
    r"(?:[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*){0,4}\s*[|·]\s*)?"
    rf"(?:(?i:{BYLINE_GENRES})\s+)?"
    # ... or a British magazine's "Words: Jane Roe" (with its colon: "Words matter" is prose)
    r"(?:(?i:by|written by|words by|story by|text by|author|authors)\s*[:：]?"
    r"|(?i:words)\s*[:：])\s+"
    # the ABC's (Australia) "By political reporter Jake Evans": a role in lower case first
    rf"(?:(?:[a-z]+\s+){{0,3}}(?:{JOB_TITLES})\s+)?"
    + _NOT_A_NAME
    + rf"(?P<name>{_NAME}(?:(?:\s*,\s*{_NAME})*\s+(?:and|&)\s+{_NAME})?)"
    r"(?:\s*(?:,|\||·|–|—|-|/)\s*(?P<tail>[A-Z][\w'’.&-]*(?:\s+[\w'’.&-]+){0,5}))?"
    # a local paper's "By Tom Haskins thaskins@rivertowngazette.com": the author's address,
    # perhaps with a telephone number ("meganr@spokesman.com (509) 459-5382")
    r"(?:\s+[\w.+-]+@[\w-]+(?:\.[\w-]+)+(?:\s+\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4})?)?"
)
# an editorial's byline, with or without "By": "By The Editorial Board", "The Times Editorial
# Board", "Opinion | Editorial Board", "By the Editors"; a board is no person, so no name rule
_EDITORIAL_BYLINE_RE = re.compile(
    r"(?:(?i:opinion|editorial)\s*[|:·–—-]\s*)?(?:(?i:by)\s+)?"
    r"(?P<name>(?i:the\s+)?(?:[A-Z][\w'’.&-]*\s+){0,3}"
    r"(?i:editorial\s+board|editorial\s+team|editorial\s+staff|editors)"
    r"(?:\s+(?i:of|at)\s+[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*){0,3})?)"
)
_CREDIT_NAME = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}"
# where a reporter filed from: "in London", "in Lubbock, Texas" (a state after a comma)
_CREDIT_PLACE = r"\s+in\s+[A-Z][\w .-]{1,30}(?:,\s*[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)?"
_CREDIT_RE = re.compile(
    r"\(?\s*(?:(?:(?i:additional\s+)?(?i:reporting|writing|editing|edited|compiled|translated"
    r"|translation|research|graphics|production|photos?|video)\s+(?i:by)\s+"
    rf"{_CREDIT_NAME}(?:\s*(?:,|and|&)\s*{_CREDIT_NAME})*(?:{_CREDIT_PLACE})?)"
    r"\s*[;,]?\s*)+\)?\.?"
)
BYLINE_WORDS = 12  # the longest byline, in words
_QUOTES_DASHES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
_QUOTE_DASH_PAIRS = tuple((chr(code), plain) for code, plain in _QUOTES_DASHES.items())


def is_date_line(bare: str) -> bool:
    """The whole line is a date (with optional time, "Published:" prefix, reading time)."""
    return len(bare) <= 80 and bool(_DATE_LINE_RE.fullmatch(bare))


def parse_dateline(line: LineView) -> tuple[str, str] | None:
    """``(key, value)`` of a dateline: ("updated", ...) after "Updated", else ("dateline", ...)."""
    if line.is_bullet or line.bare != line.text.strip() or len(line.bare) > 80:
        return None  # a bullet or "Oct. 30, 2025:" heads a timeline entry, not a dateline
    match = _DATE_LINE_RE.fullmatch(line.bare)
    if not match:
        return None
    prefix = (match.group("prefix") or "").casefold()
    return ("updated" if "updated" in prefix else "dateline"), line.bare


def has_date_prefix(line: LineView) -> bool:
    """A dateline that says what it is ("Published: ...", "Updated ..."), valid anywhere."""
    match = _DATE_LINE_RE.fullmatch(line.bare)
    return bool(match and match.group("prefix"))


# a place's name: "London", "Hong Kong", "Calif.", "United Arab Emirates"
_PLACE = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}"
# news agencies and networks named after a byline or in a wire dateline's brackets
NEWS_AGENCIES = (
    "AP", "Reuters", "AFP", "Bloomberg", "Xinhua", "UPI", "dpa", "DPA", "ANSA", "EFE", "Kyodo",
    "Yonhap", "PTI", "IANS", "TASS", "CNA", "AAP", "CP", "CNN", "CNN Business", "BBC", "NPR",
    "ABC News", "CBS News", "NBC News", "Fox News", "Sky News", "Al Jazeera", "Anadolu",
    "Bernama", "Antara", "Interfax", "RIA Novosti", "WAM", "SPA", "APA", "ATS", "Belga", "NTB",
    "TT", "Caixin", "Yicai", "Sina", "Global Times", "CGTN", "Nikkei", "Jiji", "Kyodo News",
    "The Canadian Press",
)  # fmt: skip
# the last word of an outlet's name run on after the author's with no comma, as a page copied
# from a browser gives it ("By Jane Doe Fox News", "By Jane Doe Reuters"): a news agency's name
# of one word, or a word that ends outlets' names, with the word before it
_AGENCY_WORDS = frozenset(name for name in NEWS_AGENCIES if " " not in name)
_OUTLET_END_WORDS = frozenset(
    {"News", "Times", "Post", "Press", "Journal", "Herald", "Tribune", "Network", "Media",
     "Agency", "Wire", "Digital", "Magazine", "Daily", "Online", "Telegraph", "Gazette"}
)  # fmt: skip


def _without_outlet(name: str) -> str:
    """``name`` without an outlet's name at its end ("Jane Doe Fox News" → "Jane Doe"), keeping
    two words of the person's at least; any other name as it is."""
    words = name.split()
    if len(words) >= 3 and words[-1] in _AGENCY_WORDS:
        return " ".join(words[:-1])
    if len(words) >= 4 and words[-1] in _OUTLET_END_WORDS:
        return " ".join(words[:-2])
    return name


def parse_byline(line: LineView) -> str | None:
    """The author named by a byline ("By Jane Roe", "By Jane Roe, Reuters", "By Jane Roe Fox
    News", "Analysis by Jane Roe", "By The Editorial Board"), else None."""
    if line.n_words > BYLINE_WORDS or line.is_bullet:
        return None
    match = _BYLINE_RE.fullmatch(line.bare)
    if match:
        return _without_outlet(match.group("name"))
    match = _EDITORIAL_BYLINE_RE.fullmatch(line.bare)
    return match.group("name") if match else None


# the BBC's line under the author's name: "Business reporter, BBC News", "Technology editor",
# "Economics correspondent, BBC News, Washington"
_ROLE_RE = re.compile(
    rf"(?:[A-Z][\w'’&-]*\s+){{0,3}}"
    # a local paper's "Courier staff writer", "Senior political reporter"
    r"(?:(?i:staff|senior|contributing|special|chief|deputy|associate|freelance)\s+)?"
    rf"(?:[a-z]+\s+)?(?i:{JOB_TITLES})(?:\s*,\s*[A-Z][\w .&'’-]{{1,40}}){{0,2}}"
)
_PERSON_NAME_RE = re.compile(_NAME)
ROLE_WORDS = 8


def parse_author_role(line: LineView) -> str | None:
    """The role a line under a byline gives ("Business reporter, BBC News"), else None."""
    if line.n_words > ROLE_WORDS or line.is_bullet or not _ROLE_RE.fullmatch(line.bare):
        return None
    return line.bare


# what stands between a byline's name and the role: "Kyle Brandt, Senior Business Reporter",
# "Marcus Reyes | Staff writer", "Helen Marsh / Consumer Affairs Correspondent"
_NAME_ROLE_SEPARATOR_RE = re.compile(r",\s+|\s+[|/–—]\s+")


def parse_name_with_role(line: LineView) -> str | None:
    """The author of a byline written as a name and the author's role, with no "By" ("Kyle
    Brandt, Senior Business Reporter", "Marcus Reyes | Staff writer", "Helen Marsh / Consumer
    Affairs Correspondent"), else None: a name of 2-4 capitalised words, a comma (or a bar, a
    slash or a dash between spaces), a role (:data:`_ROLE_RE`). The caller takes it as a byline
    only over a dateline at the top."""
    if line.n_words > BYLINE_WORDS or line.is_bullet:
        return None
    parts = _NAME_ROLE_SEPARATOR_RE.split(line.bare, maxsplit=1)
    if len(parts) != 2:
        return name_before_role(line.bare)
    name, role = parts
    if not 2 <= len(name.split()) <= 4 or not _PERSON_NAME_RE.fullmatch(name):
        return None
    return name if _ROLE_RE.fullmatch(role) else None


_JOB_WORD_RE = re.compile(rf"(?i:{JOB_TITLES})s?")


def name_before_role(text: str) -> str | None:
    """The name of "Priya Nair Health reporter": two or three capitalised words, then a role
    ending in a journalist's job (:data:`JOB_TITLES`) with nothing between."""
    words = text.split()
    if not words or not _JOB_WORD_RE.fullmatch(words[-1]):
        return None
    for n in (2, 3):
        name, role = " ".join(words[:n]), " ".join(words[n:])
        # the role of two words at least ("Health reporter"), so "Senior Business Reporter"
        # alone names no one; a name's words in mixed case, so "BBC News Chief Correspondent"
        # names no one either
        if len(words) - n < 2 or any(word.isupper() for word in words[:n]):
            continue
        if _PERSON_NAME_RE.fullmatch(name) and _ROLE_RE.fullmatch(role):
            return name
    return None


def is_person_name(line: LineView) -> bool:
    """Whether the line is only a person's name, 2-4 capitalised words ("Jane Doe", "Laura
    Kuenssberg"), as the BBC puts it over the author's role."""
    return (
        2 <= line.n_words <= 4 and not line.is_bullet and bool(_PERSON_NAME_RE.fullmatch(line.bare))
    )


_NAME_LIST_SPLIT_RE = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


def parse_name_list(line: LineView) -> str | None:
    """The line when it is only a list of two or more persons' names, "Aisha Rahman, Peter
    Doyle and Kate Lyons" (each 2-4 capitalised words, :func:`is_person_name`'s shape), as a
    live blog's byline has them with no "By"; else None. Shaped as a headline can be, so the
    caller takes it as a byline only where a dateline follows it at the top."""
    if (
        line.n_words > BYLINE_WORDS
        or line.is_bullet
        or ("," not in line.bare and " and " not in line.bare)
    ):
        return None
    parts = _NAME_LIST_SPLIT_RE.split(line.bare)
    ok = len(parts) >= 2 and all(
        2 <= len(part.split()) <= 4 and _PERSON_NAME_RE.fullmatch(part) for part in parts
    )
    return line.bare if ok else None


_NAME_IN_PLACE_RE = re.compile(
    rf"(?P<first>{_NAME})\s+in\s+{_PLACE}(?P<more>(?:\s*(?:,|and)\s+{_NAME}\s+in\s+{_PLACE})*)"
)
_IN_PLACE_RE = re.compile(rf"\s+in\s+{_PLACE}$")


def parse_name_in_place(line: LineView) -> str | None:
    """The authors of a byline written as the Financial Times writes one, with no "By": "Jane
    Doe in London", "Jane Doe in London and John Roe in Beijing" ("Jane Doe and John Roe"), else
    None. Shaped as a headline can be ("Protests Erupt in Paris"), so the caller takes it as a
    byline only where a dateline follows it at the top."""
    if line.n_words > BYLINE_WORDS or line.is_bullet:
        return None
    match = _NAME_IN_PLACE_RE.fullmatch(line.bare)
    if not match:
        return None
    parts = [match.group("first")]
    for part in re.split(r"\s*(?:,|\band\b)\s+", match.group("more").strip()):
        if part:
            parts.append(_IN_PLACE_RE.sub("", part))
    return " and ".join(parts)


def parse_source_url(line: LineView) -> str | None:
    """The URL of "Original article: <URL>", "Source: <URL>" or of a line that is only a URL."""
    if line.n_words > 6:
        return None
    match = _SOURCE_URL_RE.fullmatch(line.bare)
    return match.group(1) if match else None


def parse_source_name(line: LineView) -> str | None:
    """The source credited by a short "Source: Reuters" line (chart and wire credits)."""
    if line.n_words > 8:
        return None
    match = _SOURCE_NAME_RE.fullmatch(line.bare)  # before the search: it fails faster
    return match.group(1).strip() if match and not line.reports_speech else None


def is_credit_line(line: LineView) -> bool:
    """A wire credit line: "(Reporting by Jane Roe; Editing by John Doe)"."""
    return line.n_words <= 40 and bool(_CREDIT_RE.fullmatch(line.bare))


# a credit's "Reporting by" part (not "Additional reporting by"), up to the next part
_REPORTING_RE = re.compile(r"(?:^|;)\s*\(?\s*(?i:reporting)\s+(?i:by)\s+(?P<names>[^;()]+)")
# where a reporter filed from, taken off the name: "in New York", "in Lubbock, Texas" (a state
# of one word, or two after New, North, South, West, only where the names end)
_REPORTER_PLACE_RE = re.compile(
    r"\s+in\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*"
    r"(?:,\s*(?:(?:New|North|South|West)\s+)?[A-Z][\w.'’-]*\s*$)?"
)
_REPORTER_SPLIT_RE = re.compile(r"\s*(?:,|&|\band\b)\s*")


def credit_reporters(credits: str) -> str | None:
    """The reporters a wire credit line names after "Reporting by" ("(Reporting by Brad Brooks
    in Lubbock, Texas; Writing by Daniel Wallis; Editing by Bill Berkrot)" → "Brad Brooks";
    "Reporting by Jane Roe in New York and John Doe; Additional reporting by ..." → "Jane Roe
    and John Doe"), else None: a Reuters story as a paper runs it has no byline, and its
    reporters are named only there."""
    match = _REPORTING_RE.search(credits)
    if match is None:
        return None
    names = _REPORTER_PLACE_RE.sub("", match.group("names").strip().rstrip(".)"))
    found = [name.strip() for name in _REPORTER_SPLIT_RE.split(names) if name.strip()]
    if not found or not all(_PERSON_NAME_RE.fullmatch(name) for name in found):
        return None
    return " and ".join(found)


# A wire dateline opening an article's first paragraph: "NEW YORK (AP) — Stocks fell...",
# "LONDON, Oct 21 (Reuters) - ...", "BEIJING, Oct. 21 (Xinhua) -- ...", "Washington (CNN) — ...",
# "WASHINGTON — ...". The place in capitals (before any name in brackets), or in any case before
# a news agency's name in brackets (NEWS_AGENCIES); then a dash and the first sentence. Without
# a name in brackets the place is in capitals and the dash a long one, so "US - China talks" is
# no dateline.
_CAPS_WORD = r"[A-Z][A-Z.'’&-]+"
# a place alone in capitals has four letters at least ("ROME", "NEW YORK"; not "EU", "IMF")
_PLACE_CAPS = rf"(?:{_CAPS_WORD}(?:\s+{_CAPS_WORD}){{1,3}}|[A-Z]{{4}}[A-Z.'’&-]*)"
_PLACE_ANY = r"[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,3}"
# ", Calif.", ", China", and AFP's country in brackets: "Steinhatchee (United States) (AFP) -"
_PLACE_MORE = rf"(?:,\s*{_PLACE}|\s+\({_PLACE}\))?"
_WIRE_DATE = rf"(?:,?\s*(?i:{_MONTH})\s+\d{{1,2}}(?:,\s*\d{{4}})?)?"
_AGENCY = r"\([A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3}\)"
# after a place not in capitals, or alone, only a news agency's or network's name in brackets:
# "Washington (CNN) —" is a dateline, "Tesla (TSLA) —" opens a sentence about Tesla
_KNOWN_AGENCY = r"\((?:" + "|".join(re.escape(name) for name in NEWS_AGENCIES) + r")\)"
_NOT_A_PLACE = (
    r"(?!(?:BREAKING|UPDATE|UPDATED|EXCLUSIVE|WATCH|LIVE|OPINION|ANALYSIS|EDITORIAL|VIDEO"
    r"|PHOTOS|PHOTO|NOTE|EDITOR'S NOTE|CORRECTION|FILE|ADVERTISEMENT|SPONSORED)\b)"
)
_WIRE_DATELINE_RE = re.compile(
    r"(?P<prefix>"
    + _NOT_A_PLACE
    + rf"(?:{_PLACE_CAPS}{_PLACE_MORE}{_WIRE_DATE}\s*{_AGENCY}\s*(?:—|–|--|-)"
    rf"|{_PLACE_ANY}{_PLACE_MORE}{_WIRE_DATE}\s*{_KNOWN_AGENCY}\s*(?:—|–|--|-)"
    rf"|{_KNOWN_AGENCY}\s*(?:—|–|--|-)"
    rf"|{_PLACE_CAPS}{_PLACE_MORE}{_WIRE_DATE}\s*(?:—|–|--)))"
    r"\s+(?P<rest>[\"“‘'(]?[A-Z0-9].*)",
    re.DOTALL,
)
WIRE_DATELINE_CHARS = 80  # the longest dateline prefix, in characters


def split_wire_dateline(text: str) -> tuple[str, str] | None:
    """``(dateline, rest)`` of a text opening with a wire dateline ("NEW YORK (AP) — Stocks
    fell..." → ``("NEW YORK (AP)", "Stocks fell...")``), else None. The caller applies it to an
    article's first line of text only: there it is the dateline, not what the article says
    (a place in capitals read as an actor, a news agency as a source)."""
    head = text[:WIRE_DATELINE_CHARS]
    if "-" not in head and "—" not in head and "–" not in head:
        # a dateline ends with a dash, within its WIRE_DATELINE_CHARS: without one there, any
        # match would be too long (most lines are dismissed here, before the pattern is tried)
        return None
    match = _WIRE_DATELINE_RE.match(text)
    if not match or len(match.group("prefix")) > WIRE_DATELINE_CHARS:
        return None
    if not any(char.islower() for char in match.group("rest")):
        return None  # "THE POINT -- NOW ON YOUTUBE!": a shout, not an article's first sentence
    dateline = match.group("prefix").rstrip("—–- ").strip()
    return dateline, match.group("rest")


def title_key(text: str) -> str:
    """A line or title reduced for comparison: case, quotes, dashes and spacing ignored."""
    # text.translate(_QUOTES_DASHES) as one str.replace per character present: the same
    # string (one character for one, no target is a source) at a fraction of the cost
    # of translate, which looks every character of the line up in the table
    for char, plain in _QUOTE_DASH_PAIRS:
        if char in text:
            text = text.replace(char, plain)
    return " ".join(text.casefold().split()).strip(" .:|-")
