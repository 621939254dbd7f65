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
from dataclasses import dataclass
from functools import lru_cache

from analysis.config import DATA_DIR

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
    r"(?:read more|related|see also|also read|read also|more|recommended|watch)"
    r"\s*[:：|»›>]\s*\S.{0,200}",
    re.IGNORECASE,
)


def is_comment_form(line: LineView) -> bool:
    """A line of a comment form: "Submit a Comment", "Your email address will not be ..."."""
    return line.n_words <= 30 and bool(_COMMENT_FORM_RE.fullmatch(line.bare))


def is_read_more_line(line: LineView) -> bool:
    """A link to another article: "Read more: <headline>" (a headline: no final full stop)."""
    return (
        line.n_words <= 30
        and not line.bare.endswith(".")
        and bool(_READ_MORE_RE.fullmatch(line.bare))
        and not line.reports_speech
    )
