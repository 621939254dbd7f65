"""The rules :mod:`analysis.corpus.cleaning` applies, one small matcher per kind of boilerplate.

Three families:

* **character and inline rules** rewrite a line and keep it: whitespace, invisible characters,
  bullet markers, HTML entities and stray tags, "(opens in a new tab)", "_emphasis_" markers;
* **line rules** decide a whole line from its shape alone: site chrome, sign-in and subscribe
  prompts, audio prompts, table-of-contents markers, platform disclaimers, bare section labels.
  Their vocabularies are data, in ``analysis/data/boilerplate_patterns.toml``;
* **structural and metadata rules** need their neighbours or the position in the article:
  comment threads, related-article lists, author bios, bylines, datelines, source URLs.

Every rule anchors on the shape of the WHOLE line (short, imperative, no full stop, a block
structure), so a prose sentence that merely mentions "subscribe" or "comment" is never removed.
"""

from __future__ import annotations

import html
import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from analysis.config import DATA_DIR

PATTERNS_FILE = DATA_DIR / "boilerplate_patterns.toml"

# --------------------------------------------------------------------------------------------
# Character and inline rules: str -> str, each idempotent on its own.
# --------------------------------------------------------------------------------------------

_INVISIBLE_RE = re.compile("[\u200b\u2060\ufeff\u00ad\u200e\u200f\x00-\x08\x0e-\x1b\x7f\x80-\x9f]")
_SPACE_LIKE_RE = re.compile(
    "[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\u2028\u2029\x0b\x0c\x1c-\x1f]"
)
_MULTI_SPACE_RE = re.compile(" {2,}")
_BULLET_RE = re.compile(r"^\s*(?:[•▪◦‣●■□►▸▶➢➤✓✔·]\s*|[*+-]\s+)(?=\S)")
_ENTITY_RE = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#\d{1,7}|#[xX][0-9A-Fa-f]{1,6});")
_CMS_INLINE_RE = re.compile(
    r"<!--.*?(?:-->|$)"  # an HTML comment, or its unclosed start
    r"|\S?!--\s*/?wp:.*?(?:-->|$)"  # a Gutenberg block comment whose "<" was mangled
    r"|</?(?:a|abbr|article|aside|audio|b|blockquote|br|button|div|em|figcaption|figure|footer"
    r"|form|h[1-6]|header|hr|i|iframe|img|input|label|li|link|main|meta|nav|noscript|ol|p"
    r"|path|picture|script|section|source|span|strong|style|sub|sup|svg|table|tbody|td|th"
    r"|thead|tr|u|ul|video)\b(?:\s[^<>]*)?/?>"
    r"|\[/?(?:caption|embed|gallery|video|audio|playlist|vc_\w+|et_pb_\w+|fusion_\w+)\b[^\]]*\]",
    re.IGNORECASE,
)
_LINK_TEXT_RE = re.compile(
    r"\s*[(\[](?:opens|open|link opens|opening) in (?:a )?new (?:tab|window|browser tab)[)\]]"
    r"|\s*\((?:link is )?external(?: link)?\)",
    re.IGNORECASE,
)
_PARA_MARKER_RE = re.compile(
    r"\s*\[\s*(?:para(?:graph)?\.?|¶)\s*\d{1,4}\s*\]|\s*¶\s*\d{1,4}\b", re.IGNORECASE
)
_EMPHASIS_RE = re.compile(r"(?<![\w*_])(\*\*|__|\*|_)(?=[^\s*_])(.+?)(?<=[^\s*_])\1(?![\w*_])")


# Characters one of the steps below acts on: a quick test that lets most prose lines skip them.
_NEEDS_WORK_RE = re.compile(
    "[\t\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f-\u2060\u3000\ufeff\u00ad"
    "\x00-\x1f\x7f-\x9f&<\\[¶_*]"
)
_BULLET_OR_SPACE = frozenset(" •▪◦‣●■□►▸▶➢➤✓✔·*+-")


def may_need_normalising(text: str) -> bool:
    """False when none of the character and inline steps can change ``text`` (a fast test)."""
    if text[:1] in _BULLET_OR_SPACE or text[-1:].isspace() or "  " in text or "!--" in text:
        return True
    if _NEEDS_WORK_RE.search(text) or ("(" in text and _LINK_TEXT_RE.search(text)):
        return True
    return not text.isascii() and not unicodedata.is_normalized("NFC", text)


def remove_invisible(text: str) -> str:
    """Drop zero-width characters, soft hyphens, byte-order marks and control characters."""
    return _INVISIBLE_RE.sub("", text)


def normalise_unicode(text: str) -> str:
    """Unicode NFC, so "e" + combining accent and "é" are one and the same."""
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def normalise_whitespace(text: str) -> str:
    """Tabs, no-break and other spaces to one plain space; no leading or trailing space."""
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


def _gap(match: re.Match[str]) -> str:
    """What replaces a cut-out fragment: a space between two words, else nothing."""
    text, start, end = match.string, match.start(), match.end()
    between_words = (
        start > 0 and end < len(text) and text[start - 1].isalnum() and text[end].isalnum()
    )
    return " " if between_words else ""


def _cut(pattern: re.Pattern[str], text: str) -> str:
    if not pattern.search(text):
        return text
    return normalise_whitespace(pattern.sub(_gap, text))


def remove_cms_debris(text: str) -> str:
    """Cut HTML comments (also mangled ones), stray tags and shortcodes out of a line."""
    if "<" not in text and "!--" not in text and "[" not in text:
        return text
    return _cut(_CMS_INLINE_RE, text)


def remove_link_text(text: str) -> str:
    """Cut link annotations such as "(opens in a new tab)" out of a line."""
    if "(" not in text and "[" not in text:
        return text
    return _cut(_LINK_TEXT_RE, text)


def remove_para_markers(text: str) -> str:
    """Cut paragraph markers such as "[para. 3]" out of a line."""
    if "[" not in text and "¶" not in text:
        return text
    return _cut(_PARA_MARKER_RE, text)


def remove_emphasis(text: str) -> str:
    """Markdown emphasis debris to plain text: "_Reuters_" and "**word**" to "Reuters", "word"."""
    return _EMPHASIS_RE.sub(r"\2", text) if ("_" in text or "*" in text) else text


# --------------------------------------------------------------------------------------------
# The bare form of a line, which the line rules test.
# --------------------------------------------------------------------------------------------

_TRAILING_JUNK = ":：|·•–—- "
_KEYED_WORDS = 12  # only lines this short can equal a label, so only they get a lookup key
_TITLE_WORD_RE = re.compile(r"[^\W\d_]{4,}")
_PROSE_GUARD_RE = re.compile(
    r"\b(?:said|says|told|according to|wrote|writes|added|stated|noted|argued|warned|reported)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class LineView:
    """A normalised line and the forms of it the rules look at."""

    text: str  # the line as it stands ("- x" for a bullet)
    bare: str  # without bullet marker and trailing ":" "|" "-"
    key: str  # bare, case-folded, whitespace collapsed: for label lookups
    n_words: int
    is_bullet: bool

    @classmethod
    def of(cls, text: str) -> LineView:
        """The view of a normalised line (single spaces, no leading or trailing space)."""
        is_bullet = text.startswith("- ")
        bare = (text[2:] if is_bullet else text).rstrip(_TRAILING_JUNK).strip()
        n_words = bare.count(" ") + 1 if bare else 0
        key = " ".join(bare.casefold().split()) if n_words <= _KEYED_WORDS else ""
        return cls(text, bare, key, n_words, is_bullet)

    @property
    def reports_speech(self) -> bool:
        """The line reports speech ("said", "according to"): prose, never a prompt."""
        return bool(_PROSE_GUARD_RE.search(self.bare))

    @property
    def title_case_share(self) -> float:
        """Share of the words of 4+ letters that are Capitalised (headlines, taglines)."""
        words = _TITLE_WORD_RE.findall(self.bare)
        return sum(w[0].isupper() for w in words) / len(words) if words else 0.0


# --------------------------------------------------------------------------------------------
# Line rules from the TOML file.
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RuleForm:
    """One shape of a line rule: whole-line patterns plus conditions."""

    pattern: re.Pattern[str]
    max_words: int = 1000
    min_title_case: float = 0.0
    require: re.Pattern[str] | None = None
    prose_guard: bool = False

    def matches(self, line: LineView) -> bool:
        """Whether ``line`` has this shape."""
        if line.n_words > self.max_words or not self.pattern.fullmatch(line.bare):
            return False
        if self.require is not None and not self.require.search(line.bare):
            return False
        if self.min_title_case and line.title_case_share < self.min_title_case:
            return False
        return not (self.prose_guard and line.reports_speech)


@dataclass(frozen=True)
class LineRule:
    """A kind of boilerplate line: exact labels and/or shapes (:class:`RuleForm`)."""

    name: str
    description: str
    labels: frozenset[str]
    forms: tuple[RuleForm, ...]


def _compile(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def _parse_rules(data: dict) -> tuple[LineRule, ...]:
    rules = []
    for entry in data.get("rule", []):
        try:
            forms = tuple(
                RuleForm(
                    pattern=_compile(form["patterns"]),
                    max_words=int(form.get("max_words", 1000)),
                    min_title_case=float(form.get("min_title_case", 0.0)),
                    require=_compile([form["require"]]) if "require" in form else None,
                    prose_guard=bool(form.get("prose_guard", False)),
                )
                for form in entry.get("form", [])
            )
            labels = frozenset(
                " ".join(label.casefold().split()) for label in entry.get("labels", [])
            )
            rules.append(LineRule(entry["name"], entry["description"], labels, forms))
        except (KeyError, re.error) as exc:
            raise ValueError(
                f"bad rule {entry.get('name', '?')!r} in {PATTERNS_FILE}: {exc}"
            ) from exc
    return tuple(rules)


@lru_cache(maxsize=1)
def line_rules() -> tuple[LineRule, ...]:
    """The line rules of ``boilerplate_patterns.toml``, compiled once."""
    with PATTERNS_FILE.open("rb") as handle:
        return _parse_rules(tomllib.load(handle))


@lru_cache(maxsize=1)
def _rule_index() -> tuple[dict[str, str], int, tuple[tuple[int, str, RuleForm], ...]]:
    """Labels -> rule name, the longest label in words, and every form, longest first."""
    labels: dict[str, str] = {}
    forms: list[tuple[int, str, RuleForm]] = []
    for rule in line_rules():
        for label in rule.labels:
            labels.setdefault(label, rule.name)
        forms.extend((form.max_words, rule.name, form) for form in rule.forms)
    longest_label = max((len(label.split()) for label in labels), default=0)
    forms.sort(key=lambda item: -item[0])  # stable: file order among equal lengths
    return labels, longest_label, tuple(forms)


# Whole lines that are only debris left after mangling: "-->", "/wp:paragraph", "<!--".
_CMS_LINE_RE = re.compile(r"\W{0,3}(?:<!--|-->|/?wp:[\w/-]+(?:\s*\{.*\})?\s*/?(?:-->)?)\W{0,3}")
_PARA_LINE_RE = re.compile(r"(?:para(?:graph)?\.?|¶)\s*\d{1,4}", re.IGNORECASE)


def match_line_rule(line: LineView) -> str | None:
    """Name of the line rule ``line`` matches (None: not boilerplate by its shape alone).

    Exact labels are looked up first, then the shapes; a shape is tried only on lines no
    longer than its ``max_words``, so long prose lines are dismissed after a few checks.
    """
    if _CMS_LINE_RE.fullmatch(line.text):
        return "cms_debris"
    labels, longest_label, forms = _rule_index()
    if line.n_words <= longest_label:
        if line.key in labels:
            return labels[line.key]
        if _PARA_LINE_RE.fullmatch(line.bare):
            return "para_marker"
    for max_words, name, form in forms:
        if line.n_words > max_words:
            break
        if form.matches(line):
            return name
    if is_comment_form(line):
        return "comment_section"
    if is_read_more_line(line):
        return "related_list"
    return None


# --------------------------------------------------------------------------------------------
# Comment sections.
# --------------------------------------------------------------------------------------------

_COMMENT_HEADING_RE = re.compile(
    r"(?:\d{1,6}|no|zero|one) comments?(?: so far)?(?: (?:on|to) [“\"'‘].{1,120})?"
    r"|(?:\d{1,6}|no|one) (?:responses?|replies|thoughts) (?:on|to) [“\"'‘].{1,120}"
    r"|comments?(?: \(\d{1,6}\))?"
    r"|(?:leave|post|add|write) a (?:comment|reply)(?: cancel reply)?"
    r"|(?:join|start) the (?:discussion|conversation)"
    r"|(?:show|view|load|read|see|hide) (?:all )?(?:\d{1,6} )?(?:comments|replies)"
    r"|comments are closed\.?",
    re.IGNORECASE,
)
_COMMENT_FORM_RE = re.compile(
    r"(?:submit|post|publish) (?:a |your )?(?:comment|reply)"
    r"|cancel reply"
    r"|your email address will not be published\b.*"
    r"|required fields are marked\b.*"
    r"|save my name,? email,? and website in this browser\b.*"
    r"|notify me of (?:follow-up|new) (?:comments|posts|replies)\b.*"
    r"|you must be (?:logged|signed) in to (?:post|leave|add) a comment\b.*"
    r"|log ?in to (?:reply|comment)"
    r"|this site uses akismet to reduce spam\b.*"
    r"|(?:name|email|e-mail|website|comment|message)\s*\*",
    re.IGNORECASE,
)
# What closes one comment ("Reply") and the furniture around it (counts, times, form labels).
_COMMENT_CLOSER_RE = re.compile(
    r"reply|reply to this comment|log ?in to reply|report|report comment|flag|like|share"
    r"|upvote|downvote|↳ reply|reply ↓",
    re.IGNORECASE,
)
_COMMENT_FURNITURE_RE = re.compile(
    r"\d{1,6} (?:likes?|repl(?:y|ies)|votes?|points?)|name|email|website|comment"
    r"|\d{1,3} (?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?) ago",
    re.IGNORECASE,
)
_NAME_LIKE_RE = re.compile(
    r"(?:\d{1,3}[.)]\s+)?@?[^\W\d_][\w'’.@-]*(?:\s+[\w'’.-]+){0,3}(?:\s+says:?)?"
)
_MAX_COMMENT_BODY = 6  # lines between a commenter's name and the "Reply" that closes it


def is_comment_heading(line: LineView) -> bool:
    """A comment-section heading: "1 Comment", "Comments (12)", "Leave a Reply"."""
    return line.n_words <= 12 and bool(_COMMENT_HEADING_RE.fullmatch(line.bare))


def is_comment_form(line: LineView) -> bool:
    """A line of a comment form: "Submit a Comment", "Your email address will not be ..."."""
    return line.n_words <= 30 and bool(_COMMENT_FORM_RE.fullmatch(line.bare))


def is_comment_closer(line: LineView) -> bool:
    """The line that closes one comment: "Reply", "Report", "Like"."""
    return line.n_words <= 4 and bool(_COMMENT_CLOSER_RE.fullmatch(line.bare))


def is_comment_thread_line(line: LineView) -> bool:
    """Thread furniture, removed only inside a comment block: "Reply", "3 hours ago", a date."""
    return is_comment_closer(line) or (
        line.n_words <= 8
        and (bool(_COMMENT_FURNITURE_RE.fullmatch(line.bare)) or is_date_line(line.bare))
    )


def is_commenter_name(line: LineView) -> bool:
    """A short name-like line that may open a comment ("1. Jane Roe", "jdoe says:")."""
    return (
        line.n_words <= 6
        and not line.is_bullet
        and len(line.bare) <= 50
        and not line.bare.endswith((".", "?", "!"))
        and bool(_NAME_LIKE_RE.fullmatch(line.bare))
    )


def comment_block_end(lines: list[LineView], start: int) -> int:
    """End (exclusive) of the comment block whose heading is ``lines[start]``.

    The block holds the form lines, thread furniture, and whole comments: a commenter's name,
    the comment, and the "Reply" (or "Report"/"Like") line that closes it. It stops at the first
    line that fits none of these, so article text after a mid-page comment widget survives.
    """
    j, n = start + 1, len(lines)
    while j < n:
        line = lines[j]
        if is_comment_form(line) or is_comment_thread_line(line):
            j += 1
            continue
        if is_commenter_name(line):
            close = _comment_close(lines, j)
            if close is not None:
                j = close + 1
                continue
        break
    return j


def _comment_close(lines: list[LineView], name_at: int) -> int | None:
    """Index of the "Reply" closing the comment opened at ``name_at``; None when article-like
    structure (a bullet, a heading, other boilerplate) comes first."""
    for k in range(name_at + 1, min(len(lines), name_at + 2 + _MAX_COMMENT_BODY)):
        line = lines[k]
        if is_comment_closer(line):
            return k
        if is_comment_thread_line(line):
            continue
        if line.is_bullet or _is_heading_like(line) or is_comment_heading(line):
            return None
        if is_related_heading(line) or match_line_rule(line):
            return None
    return None


def _is_heading_like(line: LineView) -> bool:
    """A Title Case line without final punctuation: an article's section heading."""
    return (
        line.n_words >= 3
        and not line.bare.endswith((".", "?", "!", "”", '"'))
        and line.title_case_share >= 0.6
    )


# --------------------------------------------------------------------------------------------
# Related / recent / most-read lists.
# --------------------------------------------------------------------------------------------

_RELATED_HEADING_RE = re.compile(
    r"(?:recent|latest|more|related|similar|recommended|popular|trending|top|further|other)"
    r"(?: [\w'’&.-]+){0,2} (?:news|posts|stories|articles|reads?|reading|coverage|links"
    r"|headlines|videos|content|analysis|from us|on this topic)"
    r"|related|related content|read next|read also|also read|see also|up next"
    r"|more from [\w'’&. -]{1,40}|more on (?:this|the) (?:story|topic)"
    r"|you (?:may|might) (?:also )?(?:like|be interested in|have missed)"
    r"|recommended(?: for you)?|most (?:popular|read|viewed|shared|watched|emailed|commented)"
    r"|trending(?: now| today)?|editor'?s picks|popular (?:now|today)|don'?t miss"
    r"|in other news|what to read next|further reading|top picks|also on [\w'’&. -]{1,30}",
    re.IGNORECASE,
)
_READ_MORE_RE = re.compile(
    r"(?:read more|related|see also|also read|read also|more|recommended|watch)"
    r"\s*[:：|»›>]\s*\S.{0,200}",
    re.IGNORECASE,
)
_SENTENCE_END_RE = re.compile(r"[.;,:]$")


def is_related_heading(line: LineView) -> bool:
    """A heading over a list of other articles: "Related Articles", "Most Read", "Recent X News"."""
    return line.n_words <= 6 and bool(_RELATED_HEADING_RE.fullmatch(line.bare))


def is_read_more_line(line: LineView) -> bool:
    """A link to another article: "Read more: <headline>" (a headline: no final full stop)."""
    return (
        line.n_words <= 30
        and not line.bare.endswith(".")
        and bool(_READ_MORE_RE.fullmatch(line.bare))
        and not line.reports_speech
    )


def is_headline_like(line: LineView) -> bool:
    """Shaped like a linked headline: 2-30 words, no final full stop or comma, and short or
    mostly Title Case."""
    if not 2 <= line.n_words <= 30 or _SENTENCE_END_RE.search(line.text):
        return False
    return line.title_case_share >= 0.5 or (line.n_words <= 12 and not line.is_bullet)


def related_block_end(lines: list[LineView], start: int) -> int:
    """End (exclusive) of the list under the related-articles heading ``lines[start]``:
    the headline-like lines (and their dates) that follow it."""
    j = start + 1
    while j < len(lines):
        line = lines[j]
        if match_line_rule(line) or is_comment_heading(line) or parse_byline(line) is not None:
            break
        if not (is_headline_like(line) or is_date_line(line.text)):
            break
        j += 1
    return j


# --------------------------------------------------------------------------------------------
# Metadata lines: source URL, dateline, byline, credits, title.
# --------------------------------------------------------------------------------------------

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
_TIME = (
    r"(?:\s*(?:,|at|·|\||-|–|T)?\s*\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?"
    r"(?:\s*\(?(?:[A-Z]{2,5}|GMT|UTC)(?:[+-]\d{1,2}(?::?\d{2})?)?\)?|Z)?)?"
)
_READ_TIME = r"(?:\s*[·|•-]\s*\d{1,3} min(?:ute)?s?(?: read)?)?"
_DATE_LINE_RE = re.compile(
    r"(?P<prefix>(?:(?:first )?published|posted|(?:last )?updated|date|released)(?: on)?"
    r"\s*[:：]?\s*)?" + _DATE + _TIME + _READ_TIME,
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
_BYLINE_RE = re.compile(
    r"(?i:by|written by|words by|story by|text by|author|authors)\s*[:：]?\s+"
    + _NOT_A_NAME
    + rf"(?P<name>{_NAME}(?:(?:\s*,\s*{_NAME})*\s+(?:and|&)\s+{_NAME})?)"
    r"(?:\s*(?:,|\||·|–|—|-|/)\s*(?P<tail>[A-Z][\w'’.&-]*(?:\s+[\w'’.&-]+){0,5}))?"
)
_CREDIT_NAME = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}"
_CREDIT_RE = re.compile(
    r"\(?\s*(?:(?:(?i:additional\s+)?(?i:reporting|writing|editing|edited|compiled|translated"
    r"|translation|research|graphics|production|photos?|video)\s+(?i:by)\s+"
    rf"{_CREDIT_NAME}(?:\s*(?:,|and|&)\s*{_CREDIT_NAME})*(?:\s+in\s+[A-Z][\w .-]{{1,30}})?)"
    r"\s*[;,]?\s*)+\)?\.?"
)
_QUOTES_DASHES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


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


def parse_byline(line: LineView) -> str | None:
    """The author named by a byline ("By Jane Roe", "By Jane Roe, Reuters"), else None."""
    if line.n_words > 12 or line.is_bullet:
        return None
    match = _BYLINE_RE.fullmatch(line.bare)
    return match.group("name") if match else None


def parse_source_url(line: LineView) -> str | None:
    """The URL of "Original article: <URL>", "Source: <URL>" or of a line that is only a URL."""
    if line.n_words > 6:
        return None
    match = _SOURCE_URL_RE.fullmatch(line.bare)
    return match.group(1) if match else None


def parse_source_name(line: LineView) -> str | None:
    """The source credited by a short "Source: Reuters" line (chart and wire credits)."""
    if line.n_words > 8 or line.reports_speech:
        return None
    match = _SOURCE_NAME_RE.fullmatch(line.bare)
    return match.group(1).strip() if match else None


def is_credit_line(line: LineView) -> bool:
    """A wire credit line: "(Reporting by Jane Roe; Editing by John Doe)"."""
    return line.n_words <= 40 and bool(_CREDIT_RE.fullmatch(line.bare))


def title_key(text: str) -> str:
    """A line or title reduced for comparison: case, quotes, dashes and spacing ignored."""
    return " ".join(text.translate(_QUOTES_DASHES).casefold().split()).strip(" .:|-")


# --------------------------------------------------------------------------------------------
# Author bios.
# --------------------------------------------------------------------------------------------

_ABOUT_AUTHOR_RE = re.compile(
    r"about (?:the )?(?:author|authors|writer|contributor|columnist)s?|author bio(?:graphy)?"
    r"|about me|meet the author",
    re.IGNORECASE,
)
_BIO_CUE_RE = re.compile(
    r"^(?:inspired|a former|an? (?:award-winning|veteran|seasoned|independent|freelance|senior))\b"
    r"|^(?:he|she|they)\s+(?:is|was|has|covers|writes|reports|joined|serves|leads|founded)\b"
    r"|\b(?:his|her|their) (?:lifelong|career|passion|work|reporting|writing|background|experience"
    r"|research|book|books)\b"
    r"|\b(?:is|was) (?:a|an|the) (?:\w+ ){0,3}(?:founder|co-founder|editor|journalist|reporter"
    r"|correspondent|columnist|contributor|analyst|writer|author|fellow|professor|economist)\b",
    re.IGNORECASE,
)
_MAX_BIO_WORDS = 120


def is_about_author_heading(line: LineView) -> bool:
    """An "About the author" heading: the next paragraph is a bio."""
    return line.n_words <= 5 and bool(_ABOUT_AUTHOR_RE.fullmatch(line.bare))


def is_bio(line: LineView, author: str | None = None) -> bool:
    """A short paragraph describing the author (cue phrases, or it opens with the author's name)."""
    if line.n_words > _MAX_BIO_WORDS or line.is_bullet or line.reports_speech:
        return False
    if _BIO_CUE_RE.search(line.bare):
        return True
    if author:
        first = author.split()[0]
        return bool(
            re.match(rf"{re.escape(first)}\b.{{0,60}}\b(?:is|was|has|covers|writes)\b", line.bare)
        )
    return False


# --------------------------------------------------------------------------------------------
# Hard-wrapped paragraphs.
# --------------------------------------------------------------------------------------------

_LOWER_START_RE = re.compile(r"[a-z][a-z'’-]*(?=[\s,;:.!?)]|$)")
_TERMINAL = ".!?:;…"
_CLOSERS = "”’\"')]}»"
_MIN_WRAPPED_LEN = 40


def continues_previous(previous: str, line: LineView) -> bool:
    """``line`` continues a hard-wrapped paragraph: the previous line is long and stops
    mid-sentence, and this one opens with a lower-case word (not a bullet)."""
    if line.is_bullet or len(previous) < _MIN_WRAPPED_LEN or not _LOWER_START_RE.match(line.text):
        return False
    core = previous.rstrip(_CLOSERS)
    return bool(core) and core[-1] not in _TERMINAL
