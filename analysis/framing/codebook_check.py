"""Checking a codebook: every problem at once, and warnings that do not stop it.

:func:`check_codebook` (a file) and :func:`check_codebook_data` (a parsed mapping) read every
frame and every field, collect each problem as one line naming the file, the frame and the field,
and return a :class:`CodebookReport`; :func:`analysis.framing.codebook.load_codebook` raises them
all in one :class:`~analysis.framing.codebook.CodebookError`, so a codebook with nineteen
mistakes is fixed in one edit, not nineteen. Warnings are kept apart: an indicator that matches
exactly what another one matches, or that another one already implies; a short word that does
not reach its doubled-consonant forms ("ban" misses "banned"); an unknown top-level field.

The schema itself is described in :mod:`analysis.framing.codebook` and in the README section
"Writing a codebook".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analysis.framing.codebook import (
    CASE_MODES,
    FRAME_TYPES,
    INDICATOR_FIELDS,
    KEY_RE,
    MATCH_MODES,
    OPTIONAL_FIELDS,
    PFC_DIMENSIONS,
    REQUIRED_FIELDS,
    TOP_LEVEL_FIELDS,
    Codebook,
    CodebookError,
    Frame,
    read_codebook_mapping,
)
from analysis.framing.indicators import MIN_STEM_LENGTH, indicator_pattern, stem_core


@dataclass
class CodebookReport:
    """What checking a codebook found: ``errors`` (it cannot be used), ``warnings`` (it can)."""

    path: str
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    codebook: Codebook | None = None

    @property
    def ok(self) -> bool:
        """True when the codebook has no errors (warnings allowed)."""
        return not self.errors

    def raise_errors(self) -> None:
        """Raise one :class:`CodebookError` listing every error, when there is any."""
        if len(self.errors) == 1:
            raise CodebookError(self.errors[0], tuple(self.errors))
        if self.errors:
            lines = "\n".join(f"  - {e}" for e in self.errors)
            raise CodebookError(
                f"codebook {self.path}: {len(self.errors)} problems:\n{lines}", tuple(self.errors)
            )


@dataclass(frozen=True)
class _Term:
    """One indicator or exclusion, compiled."""

    text: str
    pattern: str
    exact: bool
    case_sensitive: bool
    core: str | None  # stem core shared in the frame's suffix group, or None


class _Collector:
    def __init__(self, report: CodebookReport, where: str) -> None:
        self.report, self.where = report, where

    def error(self, message: str) -> None:
        self.report.errors.append(f"codebook {self.report.path}: {self.where}: {message}")

    def warn(self, message: str) -> None:
        self.report.warnings.append(f"codebook {self.report.path}: {self.where}: {message}")


def _parse_term(item: Any, number: int, name: str, out: _Collector) -> _Term | None:
    exact = case_sensitive = False
    if isinstance(item, dict):
        unknown = sorted(set(item) - set(INDICATOR_FIELDS))
        match, case = item.get("match", "stem"), item.get("case", "insensitive")
        if unknown:
            out.error(
                f"'{name}' entry #{number}: unknown key(s) {unknown}; allowed: "
                f"{list(INDICATOR_FIELDS)}"
            )
            return None
        if match not in MATCH_MODES:
            out.error(f"'{name}' entry #{number}: match must be one of {list(MATCH_MODES)}")
            return None
        if case not in CASE_MODES:
            out.error(f"'{name}' entry #{number}: case must be one of {list(CASE_MODES)}")
            return None
        exact, case_sensitive = match == "exact", case == "sensitive"
        item = item.get("term")
    if not isinstance(item, str):
        out.error(
            f"'{name}' entry #{number} must be a string or a table with a 'term', got {item!r}"
        )
        return None
    text = item.strip()
    if not text:
        out.error(f"'{name}' entry #{number} is empty")
        return None
    try:
        pattern = indicator_pattern(text, exact=exact, case_sensitive=case_sensitive)
    except ValueError as exc:
        out.error(f"{name.rstrip('s')} {text!r}: {exc}")
        return None
    regex_like = regex_syntax(text)
    if regex_like:
        out.warn(
            f"{name.rstrip('s')} {text!r} holds {regex_like}: an indicator is a word or phrase "
            "matched as written (a final * for a prefix), not a regular expression, so it "
            "matches nothing but those characters; list each alternative as an indicator of "
            "its own"
        )
    one_word = len(text.split()) == 1 and "-" not in text
    core = stem_core(text) if one_word and not exact and not case_sensitive else None
    return _Term(text, pattern, exact, case_sensitive, core)


# Regular-expression syntax no word of text holds: a tester's "gun|rifle", "*gun",
# "gun(control", "[abc" and "re:gun.*law" were checked "ok" with no warning, and never matched
_REGEX_MARKS = re.compile(r"[|\[\]{}\\^$+?]|\(|\)|\*(?=\S)|\.\*|^re:")


def regex_syntax(text: str) -> str:
    """The regular-expression marks ``text`` holds, quoted ("'|'"), or "" for a plain word
    or phrase (a word's final ``*`` is the codebook's prefix mark)."""
    found = dict.fromkeys(m.group() for m in _REGEX_MARKS.finditer(text))
    return ", ".join(repr(mark) for mark in found)


def _parse_terms(value: Any, name: str, out: _Collector) -> list[_Term]:
    if not isinstance(value, list):
        out.error(f"'{name}' must be a list of strings, got {type(value).__name__}")
        return []
    terms: list[_Term] = []
    seen: dict[tuple[str, bool, bool], int] = {}
    for number, item in enumerate(value, start=1):
        term = _parse_term(item, number, name, out)
        if term is None:
            continue
        words = " ".join(term.text.split())
        key = (words if term.case_sensitive else words.lower(), term.exact, term.case_sensitive)
        if key in seen:
            out.error(f"'{name}' lists {term.text!r} twice (entries #{seen[key]} and #{number})")
            continue
        seen[key] = number
        terms.append(term)
    return terms


_CVC = re.compile(r"[^aeiou][aeiou][^aeiouwxy]$")


def _redundancy(terms: list[_Term], out: _Collector) -> None:
    """Warn about indicators that add nothing to the frame's flag (they still show in hits)."""
    first_with: dict[str, str] = {}
    for term in terms:
        if term.pattern in first_with:
            out.warn(
                f"indicator {term.text!r} matches exactly what {first_with[term.pattern]!r} "
                "matches (same stem); keep one of them"
            )
        first_with.setdefault(term.pattern, term.text)
    compiled = {t.text: re.compile(t.pattern, re.IGNORECASE) for t in terms}
    for term in terms:
        literal = term.exact or term.text.startswith("=") or len(term.text.split()) > 1
        # a word too short to stem, or kept as written, matches itself and a few endings: a
        # tester's "bans" beside "ban" added nothing and got no warning
        as_written = not literal and term.core is None and not term.text.endswith("*")
        if not (literal or as_written):
            continue
        written = term.text.lstrip("=")
        for other in terms:
            if other.pattern != term.pattern and compiled[other.text].search(written):
                out.warn(
                    f"indicator {term.text!r} is implied by {other.text!r}, which matches "
                    "it already; the frame fires without it (keep it only to see it named in "
                    "frame_evidence.csv)"
                    if literal
                    else f"indicator {term.text!r} is matched as written by {other.text!r}; "
                    f"the frame fires on {written!r} without it (keep it only to see it named "
                    "in frame_evidence.csv)"
                )
                break
    for term in terms:
        word = term.text.lower()
        if (
            not term.exact
            and not term.case_sensitive
            and not term.text.isupper()  # an acronym ("GOP") is no verb to double a letter of
            and word.isalpha()
            and word.isascii()
            and term.core is None
            and len(word) < MIN_STEM_LENGTH + 1
            and _CVC.search(word)
        ):
            out.warn(
                f"indicator {term.text!r} is too short to stem: it matches {word}, {word}s "
                "and endings added to it as written, not a doubled last letter; if you mean "
                f"it as a verb, add '{word}{word[-1]}ed', '{word}{word[-1]}ing'"
            )


def _dimension_form(text: str) -> str:
    """A dimension's name as compared: lower case, "&" as "and", British "defence" as the
    codebook's "defense", spaces and commas folded."""
    text = text.lower().replace("&", " and ").replace("defence", "defense")
    return " ".join(text.replace(",", " ").split())


# each dimension by its name as compared (_dimension_form)
_DIMENSION_FORMS = {_dimension_form(d): d for d in PFC_DIMENSIONS}


def pfc_dimension_named(value: str) -> str | None:
    """The Policy Frames Codebook dimension ``value`` names, as :data:`PFC_DIMENSIONS` spells
    it: its name in any case ("Crime and Punishment", as users copy the codebook's title-case
    headings), or its number in the codebook (Boydstun et al. 2014 number them 1–15, "7");
    None when it names none (a tester's "Crime and Punishment" and "7" were refused)."""
    text = value.strip()
    if text.isdigit() and 1 <= int(text) <= len(PFC_DIMENSIONS):
        return PFC_DIMENSIONS[int(text) - 1]
    return _DIMENSION_FORMS.get(_dimension_form(text))


def _closest_dimension(value: str) -> str | None:
    """The dimension a misspelt or shortened name most likely means ("Constitutionality and
    jurisprudence": the end of "Legality, constitutionality and jurisprudence"), or None."""
    import difflib

    form = _dimension_form(value)
    holding = [
        d for f, d in _DIMENSION_FORMS.items() if len(form) >= 5 and (form in f or f in form)
    ]
    if len(holding) == 1:
        return holding[0]
    close = difflib.get_close_matches(form, list(_DIMENSION_FORMS), n=1, cutoff=0.6)
    return _DIMENSION_FORMS[close[0]] if close else None


def _text_field(raw: dict[str, Any], name: str, out: _Collector) -> str | None:
    value = raw.get(name, OPTIONAL_FIELDS.get(name))
    if name in OPTIONAL_FIELDS and value == OPTIONAL_FIELDS[name]:
        return value
    if not isinstance(value, str) or not value.strip():
        out.error(f"'{name}' must be a non-empty string")
        return None
    return value.strip()


def _parse_frame(
    raw: Any,
    index: int,
    report: CodebookReport,
    shared: dict[str, list[_Term]],
    redundancy: bool = True,
) -> Frame | None:
    out = _Collector(report, f"frame #{index + 1}")
    if not isinstance(raw, dict):
        out.error("each frame must be a table/mapping")
        return None
    if isinstance(raw.get("key"), str):
        out.where = f"frame {raw['key']!r} (#{index + 1})"
    n_errors = len(report.errors)
    unknown = sorted(set(raw) - set(REQUIRED_FIELDS) - set(OPTIONAL_FIELDS))
    if unknown:
        allowed = [*REQUIRED_FIELDS, *OPTIONAL_FIELDS]
        out.error(f"unknown field(s) {unknown}; allowed: {allowed}")
    missing = [name for name in REQUIRED_FIELDS if name not in raw]
    if missing:
        out.error(f"missing field(s) {missing}")
    if isinstance(raw.get("pfc_dimension"), int) and not isinstance(raw["pfc_dimension"], bool):
        raw = {**raw, "pfc_dimension": str(raw["pfc_dimension"])}  # the codebook's number
    texts = {
        n: _text_field(raw, n, out)
        for n in ("key", "label", "type", "definition", "pfc_dimension", "reference")
        if n in raw or n in OPTIONAL_FIELDS
    }
    key = texts.get("key")
    if key is not None and not KEY_RE.match(key):
        out.error(
            "'key' must be lower-case letters, digits and underscores, starting with a "
            "letter (it becomes the column frame_<key>)"
        )
    if texts.get("type") is not None and texts["type"] not in FRAME_TYPES:
        out.error(f"'type' must be one of {list(FRAME_TYPES)}, got {raw['type']!r}")
    pfc = texts.get("pfc_dimension")
    if pfc is not None and pfc != "none":
        named = pfc_dimension_named(pfc)
        if named is None:
            guess = _closest_dimension(pfc)
            hint = f" Did you mean {guess!r}?" if guess else ""
            out.error(
                f"'pfc_dimension' {pfc!r} is not a Policy Frames Codebook dimension;{hint} use "
                f"one of {list(PFC_DIMENSIONS)} (any case), its number 1–{len(PFC_DIMENSIONS)} "
                "or 'none'"
            )
        pfc = named
    indicators = _parse_terms(raw.get("indicators", []), "indicators", out)
    if "indicators" in raw and isinstance(raw["indicators"], list) and not raw["indicators"]:
        out.error("'indicators' is empty")
    exclusions = _parse_terms(raw.get("exclusions", []), "exclusions", out)
    names = raw.get("exclusion_lists", [])
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        out.error("'exclusion_lists' must be a list of names of top-level exclusion lists")
        names = []
    for name in [*names, ""]:  # "" is the top-level list applying to every frame
        if name not in shared:
            out.error(
                f"'exclusion_lists' names {name!r}, which is not in the top-level "
                f"[exclusion_lists] (known: {sorted(n for n in shared if n)})"
            )
            continue
        own = {(t.text.lower(), t.exact, t.case_sensitive) for t in exclusions}
        exclusions += [
            t for t in shared[name] if (t.text.lower(), t.exact, t.case_sensitive) not in own
        ]
    if redundancy:
        _redundancy(indicators, out)
    if len(report.errors) > n_errors or key is None:
        return None
    return Frame(
        key=key,
        label=texts["label"] or "",
        type=texts["type"] or "",
        definition=" ".join((texts["definition"] or "").split()),
        indicators=tuple(t.text for t in indicators),
        exclusions=tuple(t.text for t in exclusions),
        pfc_dimension=pfc or "none",
        reference=texts["reference"] or "",
        indicator_patterns=tuple(t.pattern for t in indicators),
        exclusion_patterns=tuple(t.pattern for t in exclusions),
        stem_cores=tuple(t.core for t in indicators),
    )


def _shared_exclusions(data: dict[str, Any], report: CodebookReport) -> dict[str, list[_Term]]:
    shared = {
        "": _parse_terms(data.get("exclusions", []), "exclusions", _Collector(report, "top level"))
    }
    lists = data.get("exclusion_lists", {})
    if not isinstance(lists, dict):
        _Collector(report, "top level").error("'exclusion_lists' must be a table of name = [terms]")
        return shared
    for name, terms in lists.items():
        shared[str(name)] = _parse_terms(
            terms, "exclusions", _Collector(report, f"exclusion list {name!r}")
        )
    return shared


def check_codebook_data(
    data: dict[str, Any], path: str = "<memory>", *, redundancy: bool = True
) -> CodebookReport:
    """Check a parsed codebook mapping; the report holds every error and warning, and the
    compiled :class:`Codebook` when there is no error.

    ``redundancy=False`` skips the warnings of :func:`_redundancy` (redundant indicators, words
    too short to stem), which compile every indicator with Python's ``re`` (about half a second
    of CPU for the bundled codebook) and change nothing else: for a caller that only wants the
    codebook or its errors (:func:`analysis.framing.codebook.parse_codebook`).
    """
    report = CodebookReport(path)
    top = _Collector(report, "top level")
    unknown = sorted(set(data) - set(TOP_LEVEL_FIELDS))
    if unknown:
        top.warn(
            f"unknown top-level field(s) {unknown} are ignored; known: {list(TOP_LEVEL_FIELDS)}"
        )
    frames_raw = data.get("frames")
    if not isinstance(frames_raw, list) or not frames_raw:
        report.errors.append(
            f"codebook {path}: needs a non-empty list 'frames' ([[frames]] in TOML)"
        )
        return report
    shared = _shared_exclusions(data, report)
    frames = [_parse_frame(raw, i, report, shared, redundancy) for i, raw in enumerate(frames_raw)]
    seen: dict[str, int] = {}
    for i, raw in enumerate(frames_raw):
        key = raw.get("key") if isinstance(raw, dict) else None
        if isinstance(key, str) and key.strip() in seen:
            _Collector(report, f"frame {key.strip()!r} (#{i + 1})").error(
                f"duplicate key (also frame #{seen[key.strip()] + 1})"
            )
        elif isinstance(key, str):
            seen[key.strip()] = i
    # in the file's order, frame by frame (a duplicate key, found after every frame was read,
    # came last: a tester's errors read #4, #7, #3)
    report.errors.sort(key=_frame_number)
    report.warnings.sort(key=_frame_number)
    if report.ok:
        report.codebook = Codebook(
            path=path,
            frames=tuple(f for f in frames if f is not None),
            version=str(data.get("version", "")),
            story=str(data.get("story", "")),
        )
    return report


_FRAME_NUMBER_RE = re.compile(r"\(#(\d+)\):")


def _frame_number(message: str) -> int:
    """The number of the frame a message names ("frame 'x' (#4): ..."), 0 for the top level."""
    found = _FRAME_NUMBER_RE.search(message)
    return int(found.group(1)) if found else 0


def check_codebook(path: Path | str) -> CodebookReport:
    """Read and check a codebook file (TOML or YAML); unreadable files are one error."""
    path = Path(path)
    if not path.is_file():
        return CodebookReport(str(path), errors=[f"codebook {path}: file not found"])
    try:
        data = read_codebook_mapping(path)
    except CodebookError as exc:
        return CodebookReport(str(path), errors=[str(exc)])
    return check_codebook_data(data, str(path.resolve()))


def problem_lines(report: CodebookReport) -> Iterable[str]:
    """Every error, then every warning, one line each (``error:``/``warning:`` first)."""
    yield from (f"error: {e}" for e in report.errors)
    yield from (f"warning: {w}" for w in report.warnings)
