"""Line rules: boilerplate recognised from the shape of one whole line.

Site chrome, sign-in and subscribe prompts, audio prompts, table-of-contents markers, platform
disclaimers, bare section labels, CMS debris and paragraph markers, comment-form lines and
"Read more: <headline>" links. The vocabularies of most of them are data, in
``analysis/data/boilerplate_patterns.toml``. Every rule anchors on the shape of the WHOLE line
(short, imperative, no full stop), so a prose sentence that merely mentions "subscribe" or
"comment" is never removed.

:class:`LineView` is the normalised line in the forms every rule looks at; the block rules
(:mod:`analysis.corpus.block_rules`) and metadata rules (:mod:`analysis.corpus.metadata_rules`)
take it too.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from re import _constants as sre_constants  # type: ignore[attr-defined]
from re import _parser as sre_parser  # type: ignore[attr-defined]
from typing import Any

from analysis.config import DATA_DIR
from analysis.corpus.normalisers import fold

PATTERNS_FILE = DATA_DIR / "boilerplate_patterns.toml"

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


class cached_attribute:
    """An attribute computed on first use and kept in the instance's ``__dict__``: what
    functools.cached_property does, without the lock Python 3.11 takes on each first use
    (a cost on the millions of lines a corpus has)."""

    def __init__(self, func: Callable[[Any], Any]) -> None:
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, obj: Any, owner: type | None = None) -> Any:
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.func(obj)
        return value


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

    @cached_attribute
    def reports_speech(self) -> bool:
        """The line reports speech ("said", "according to"): prose, never a prompt."""
        return bool(_PROSE_GUARD_RE.search(self.bare))

    @cached_attribute
    def folded(self) -> str:
        """``bare`` case-folded the way case-insensitive patterns match ASCII letters, one
        character for one: an ASCII string a pattern matches (re.IGNORECASE or not) in
        ``bare`` appears lower-cased at the same place in ``folded`` (see :func:`fold`)."""
        return fold(self.bare)

    @cached_attribute
    def title_case_share(self) -> float:
        """Share of the words of 4+ letters that are Capitalised (headlines, taglines)."""
        words = _TITLE_WORD_RE.findall(self.bare)
        return sum(w[0].isupper() for w in words) / len(words) if words else 0.0


_LITERAL, _AT, _SUBPATTERN, _BRANCH = (
    sre_constants.LITERAL,
    sre_constants.AT,
    sre_constants.SUBPATTERN,
    sre_constants.BRANCH,
)
_REPEATS = {sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT}
_REPEATS |= {getattr(sre_constants, "POSSESSIVE_REPEAT", sre_constants.MAX_REPEAT)}
_MIN_NEEDLE = 3  # a shorter string is in too many lines to be worth testing first


def _needles(items: list) -> list[str] | None:
    """Lower-case ASCII strings one of which every match of the parsed sequence ``items``
    holds, or None when none are found. Consecutive literals (zero-width ``\\b``/``^``/``$``
    between them do not separate them) make one string; a group, a repeat of at least one,
    or an alternation whose every branch has strings, give theirs; the sequence's best
    choice is kept (longest shortest string, then fewest strings)."""
    best: list[str] | None = None

    def consider(found: list[str] | None) -> None:
        nonlocal best
        if found and (best is None or _rank(found) > _rank(best)):
            best = found

    run: list[str] = []
    for op, av in items:
        if op is _LITERAL and av < 128:
            run.append(chr(av).lower())
            continue
        if op is _AT:
            continue
        consider(["".join(run)] if run else None)
        run = []
        if op is _SUBPATTERN:
            consider(_needles(av[-1].data))
        elif op is _BRANCH:
            branches = [_needles(branch.data) for branch in av[1]]
            if all(branches):
                consider(sorted({s for branch in branches for s in branch}))  # type: ignore[union-attr]
        elif op in _REPEATS and av[0] >= 1:
            consider(_needles(av[2].data))
    consider(["".join(run)] if run else None)
    return best


def _rank(needles: list[str]) -> tuple[int, int]:
    return min(map(len, needles)), -len(needles)


def _scans(pattern: re.Pattern[str]) -> bool:
    """Whether a branch of ``pattern`` opens with a repeat (``.*``, ``[^.]*``, ``.{0,80}``):
    such a pattern tries many places even when fullmatch fails; others fail at the start."""
    try:
        items = sre_parser.parse(pattern.pattern, pattern.flags).data
    except Exception:  # a parser of another Python version: treat as scanning
        return True
    firsts = []
    stack = [items]
    while stack:
        seq = stack.pop()
        if not seq:
            continue
        op, av = seq[0]
        if op is _SUBPATTERN:
            stack.append(av[-1].data)
        elif op is _BRANCH:
            stack.extend(branch.data for branch in av[1])
        else:
            firsts.append((op, av))
    return any(op in _REPEATS and _is_broad(av[2].data) for op, av in firsts)


def _is_broad(items: list) -> bool:
    """A repeated item that matches most characters (``.``, ``[^...]``, ``\\S``...), not a
    literal string or a positive character class."""
    for op, av in items:
        if op is _LITERAL:
            continue
        if op is sre_constants.IN and not any(o is sre_constants.NEGATE for o, _ in av):
            continue
        return True
    return False


def required_strings(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Lower-case ASCII strings one of which is in :func:`fold` of every string ``pattern``
    matches (so a line without any of them cannot match it), or None when the pattern's
    structure gives no such strings of at least 3 characters.

    Read off the parsed pattern: its literal characters, which under re.IGNORECASE match only
    their own case forms and the special characters :func:`fold` maps to them.
    """
    try:
        found = _needles(sre_parser.parse(pattern.pattern, pattern.flags).data)
    except Exception:  # a parser of another Python version: no quick test
        return None
    if not found or min(map(len, found)) < _MIN_NEEDLE:
        return None
    # a string holding another of the strings adds nothing to the test
    return tuple(s for s in found if not any(t != s and t in s for t in found))


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
    # strings one of which a line's folded form holds if the pattern can match it (None: any
    # line may match); computed from the pattern, see required_strings
    needles: tuple[str, ...] | None = None
    sources: tuple[str, ...] = ()  # the patterns ``pattern`` is the alternation of

    def __post_init__(self) -> None:
        # only worth it for a pattern that scans: the others fail faster than the test
        if self.needles is None and _scans(self.pattern):
            object.__setattr__(self, "needles", required_strings(self.pattern))

    def matches(self, line: LineView) -> bool:
        """Whether ``line`` has this shape."""
        if line.n_words > self.max_words:
            return False
        if self.needles is not None and not any(map(line.folded.__contains__, self.needles)):
            return False  # the pattern cannot match: a quick test before the regex
        if not self.pattern.fullmatch(line.bare):
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
                    sources=tuple(form["patterns"]),
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


_SHAPE_WORDS = 30  # is_comment_form and is_read_more_line take lines of at most this many words


@dataclass(frozen=True)
class _Screen:
    """A quick test for lines of a given length: no shape can match a line that fails it.

    ``pattern`` is the alternation of the shapes' patterns that apply to lines of this
    length, but for the patterns that scan the whole line (``.*`` first): a line one of these
    matches holds one of the ``needles`` (:func:`required_strings`) in its folded form.
    """

    pattern: re.Pattern[str]
    needles: tuple[str, ...]

    def passes(self, line: LineView) -> bool:
        """False when no shape (form, comment form, read-more line) can match ``line``."""
        if self.needles and any(map(line.folded.__contains__, self.needles)):
            return True
        return self.pattern.fullmatch(line.bare) is not None


@lru_cache(maxsize=1)
def _screens() -> tuple[list[int], list[_Screen]] | None:
    """For each ``max_words`` of a shape (ascending), the :class:`_Screen` of the lines whose
    smallest such bound it is: one fullmatch instead of a call per shape. None when the
    shapes cannot be joined into one pattern (other flags, clashing group names)."""
    _, _, forms = _rule_index()
    extra = (_COMMENT_FORM_RE, _READ_MORE_RE)
    flags = {form.pattern.flags for _, _, form in forms} | {p.flags for p in extra}
    if len(flags) != 1:
        return None
    flag = flags.pop()
    bounds = sorted({max_words for max_words, _, _ in forms} | {_SHAPE_WORDS})
    screens = []
    for bound in bounds:
        sources = [
            source
            for max_words, _, form in forms
            if max_words >= bound
            for source in form.sources or (form.pattern.pattern,)
        ]
        if bound <= _SHAPE_WORDS:
            sources.extend(p.pattern for p in extra)
        joined, needles = [], set()
        try:
            for source in sources:
                part = re.compile(source, flag)
                found = required_strings(part) if _scans(part) else None
                if found:
                    needles.update(found)
                else:
                    joined.append(source)
            union = re.compile("|".join(f"(?:{source})" for source in joined), flag)
        except re.error:
            return None
        kept = tuple(sorted(n for n in needles if not any(m != n and m in n for m in needles)))
        screens.append(_Screen(union, kept))
    return bounds, screens


def _may_have_shape(line: LineView) -> bool:
    """False when no shape of :func:`match_line_rule` can match ``line`` (a quick test)."""
    screens = _screens()
    if screens is None:
        return True
    bounds, found = screens
    at = bisect_left(bounds, line.n_words)
    return at < len(bounds) and found[at].passes(line)


def match_line_rule(line: LineView) -> str | None:
    """Name of the line rule ``line`` matches (None: not boilerplate by its shape alone).

    Exact labels are looked up first, then the shapes; a shape is tried only on lines no
    longer than its ``max_words``, so long prose lines are dismissed after a few checks, and
    only on lines that pass a quick test that every line a shape matches passes.
    """
    if _CMS_LINE_RE.fullmatch(line.text):
        return "cms_debris"
    labels, longest_label, forms = _rule_index()
    if line.n_words <= longest_label:
        if line.key in labels:
            return labels[line.key]
        if _PARA_LINE_RE.fullmatch(line.bare):
            return "para_marker"
    if not _may_have_shape(line):
        return None
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
# Comment-form lines and links to other articles.
# --------------------------------------------------------------------------------------------

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
_READ_MORE_RE = re.compile(
    r"(?:read more|related|see also|also read|read also|more|recommended|watch|watch live|read"
    r"|go deeper|dig deeper)"
    r"\s*[:：|»›>]\s*\S.{0,200}",
    re.IGNORECASE,
)


# The notices over a comment thread, one or several on a line: "Join the discussion. Comments
# on this article are premoderated. Community standards" (a tester's paste of a news site)
_COMMENT_NOTICE = (
    r"(?:join|start) the (?:discussion|conversation)"
    r"|comments? (?:on this (?:article|story|post) )?(?:are|is|will be) (?:pre-?)?moderated"
    r"|comments? (?:on this (?:article|story|post) )?(?:are|is) (?:now )?(?:closed|open)"
    r"(?: (?:for|until) .{1,40})?"
    r"|(?:read |see )?(?:our )?community (?:standards|guidelines|rules)"
    r"|sort by:? (?:newest|oldest|top|best|most liked)"
    r"|(?:show|view|hide) comments"
    r"|(?:sign|log) in(?: or (?:create|register)(?: (?:an?|your) .{1,40}? account)?)? to "
    r"(?:join the (?:discussion|conversation)|comment|reply|post a comment)"
)
_COMMENT_NOTICES_RE = re.compile(rf"(?:(?:{_COMMENT_NOTICE})[.!:]?\s*)+", re.IGNORECASE)


def is_comment_form(line: LineView) -> bool:
    """A line of a comment form: "Submit a Comment", "Your email address will not be ...", or
    the notices over a thread ("Join the discussion. Comments on this article are
    premoderated.")."""
    if line.n_words > _SHAPE_WORDS:
        return False
    return bool(_COMMENT_FORM_RE.fullmatch(line.bare) or _COMMENT_NOTICES_RE.fullmatch(line.bare))


def is_read_more_line(line: LineView) -> bool:
    """A link to another article: "Read more: <headline>" (a headline: no final full stop)."""
    return (
        line.n_words <= _SHAPE_WORDS
        and not line.bare.endswith(".")
        and bool(_READ_MORE_RE.fullmatch(line.bare))
        and not line.reports_speech
    )
