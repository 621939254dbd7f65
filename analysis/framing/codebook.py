"""The frame codebook: a data file (TOML or YAML) turned into fast, stem-aware regexes.

A codebook lists frames. Each frame has a ``key`` (used as the column ``frame_<key>``), a
``label``, a ``type`` (``"generic"`` or ``"issue"``), a one-paragraph ``definition``, a list of
``indicators``, optional ``exclusions``, the Policy Frames Codebook dimension it maps to
(``pfc_dimension``, Boydstun et al. 2014, or ``"none"``) and a ``reference``. The bundled
codebook, ``analysis/data/frames.toml``, holds the five generic news frames of Semetko &
Valkenburg (2000) (conflict, economic_consequences, responsibility, human_interest, morality)
and seven frames specific to the US–China rare-earth story. Users replace it by passing
``codebook=PATH`` to any function that takes one.

Indicators and exclusions are written in the syntax of :mod:`analysis.framing.indicators`
(stem-aware words, phrases, ``=word`` and ``word*``). An exclusion is masked before the frame's
indicators are matched, so "de-escalation" can be excluded from the conflict frame while
"escalation" elsewhere in the same sentence still counts.

Each frame compiles to ONE regular expression alternation (longest indicators first) that uses
only syntax shared by Python's ``re`` and Google RE2, so pandas can run it through pyarrow's
vectorised RE2 kernels over millions of sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from analysis.config import DATA_DIR
from analysis.framing.indicators import (
    indicator_alternation,
    indicator_pattern,
    stem_core,
    stems_pattern,
)
from analysis.lexicon import LexiconError, read_text, read_toml, word_list

DEFAULT_CODEBOOK = DATA_DIR / "frames.toml"
GENERIC_FRAME_KEYS = (
    "conflict",
    "economic_consequences",
    "responsibility",
    "human_interest",
    "morality",
)
FRAME_TYPES = ("generic", "issue")
# Boydstun, Card, Gross, Resnik & Smith (2014), the 15 dimensions of the Policy Frames Codebook.
PFC_DIMENSIONS = (
    "Economic",
    "Capacity and resources",
    "Morality",
    "Fairness and equality",
    "Legality, constitutionality and jurisprudence",
    "Policy prescription and evaluation",
    "Crime and punishment",
    "Security and defense",
    "Health and safety",
    "Quality of life",
    "Cultural identity",
    "Public opinion",
    "Political",
    "External regulation and reputation",
    "Other",
)
REQUIRED_FIELDS = ("key", "label", "type", "definition", "indicators", "pfc_dimension", "reference")
OPTIONAL_FIELDS = ("exclusions",)
_KEY_RE = re.compile(r"^[a-z][a-z0-9_]*$")


class CodebookError(LexiconError):
    """A codebook file that cannot be used; the message names the file and the frame."""


@dataclass(frozen=True)
class Frame:
    """One frame of the codebook with its compiled indicator and exclusion patterns."""

    key: str
    label: str
    type: str
    definition: str
    indicators: tuple[str, ...]
    exclusions: tuple[str, ...]
    pfc_dimension: str
    reference: str
    # One regex per indicator (same order as ``indicators``), RE2- and ``re``-compatible.
    indicator_patterns: tuple[str, ...] = field(repr=False, default=())
    exclusion_patterns: tuple[str, ...] = field(repr=False, default=())
    # The stem core of each one-word stem-aware indicator (None for the others).
    stem_cores: tuple[str | None, ...] = field(repr=False, default=())

    @property
    def column(self) -> str:
        """The column name this frame gets in a sentences table: ``frame_<key>``."""
        return f"frame_{self.key}"

    def pattern(self) -> str:
        """One alternation matching any indicator, without flags (for vectorised matching).

        One-word stem-aware indicators share a single suffix group; phrases and exact words
        follow as their own alternatives.
        """
        cores = sorted({c for c in self.stem_cores if c is not None}, key=lambda c: (-len(c), c))
        others = tuple(
            p for p, c in zip(self.indicator_patterns, self.stem_cores, strict=True) if c is None
        )
        parts = []
        if cores:
            parts.append(stems_pattern("|".join(cores)))
        if others:
            parts.append(indicator_alternation(others))
        return "|".join(parts)

    def exclusion_pattern(self) -> str | None:
        """One alternation of every exclusion, or None when the frame has none."""
        return indicator_alternation(self.exclusion_patterns) if self.exclusion_patterns else None


@dataclass(frozen=True)
class Codebook:
    """The frames of one codebook file, in file order."""

    path: str
    frames: tuple[Frame, ...]
    version: str = ""
    story: str = ""

    @property
    def keys(self) -> list[str]:
        """Frame keys in codebook order."""
        return [f.key for f in self.frames]

    @property
    def columns(self) -> list[str]:
        """Frame column names (``frame_<key>``) in codebook order."""
        return [f.column for f in self.frames]

    def frame(self, key: str) -> Frame:
        """The frame with ``key``; a KeyError names the known keys."""
        for frame in self.frames:
            if frame.key == key:
                return frame
        raise KeyError(f"no frame {key!r} in codebook {self.path}; known: {self.keys}")

    def labels(self) -> dict[str, str]:
        """Frame key → label."""
        return {f.key: f.label for f in self.frames}

    def describe(self) -> list[dict[str, Any]]:
        """One plain dict per frame (for a documentation table in a notebook)."""
        return [
            {
                "key": f.key,
                "label": f.label,
                "type": f.type,
                "pfc_dimension": f.pfc_dimension,
                "n_indicators": len(f.indicators),
                "n_exclusions": len(f.exclusions),
                "definition": f.definition,
                "indicators": "; ".join(f.indicators),
                "exclusions": "; ".join(f.exclusions),
                "reference": f.reference,
            }
            for f in self.frames
        ]


def _fail(path: str, where: str, message: str) -> CodebookError:
    return CodebookError(f"codebook {path}: {where}: {message}")


def _read_raw(path: Path) -> dict[str, Any]:
    suffix = path.suffix.lower()
    if suffix == ".toml":
        return read_toml(path, "codebook", error=CodebookError)
    if suffix not in (".yaml", ".yml"):
        raise CodebookError(
            f"codebook {path}: unknown file type {suffix!r}; use .toml, .yaml or .yml"
        )
    import yaml

    text = read_text(path, "codebook", error=CodebookError)
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise CodebookError(f"codebook {path}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise CodebookError(f"codebook {path}: the top level must be a table/mapping")
    return data


def _string_list(value: Any, path: str, where: str, name: str) -> tuple[str, ...]:
    return word_list(
        value, where=f"codebook {path}: {where}", name=name, strip=True, error=CodebookError
    )


def _parse_frame(raw: Any, index: int, path: str) -> Frame:
    where = f"frame #{index + 1}"
    if not isinstance(raw, dict):
        raise _fail(path, where, "each frame must be a table/mapping")
    if isinstance(raw.get("key"), str):
        where = f"frame {raw['key']!r} (#{index + 1})"
    unknown = sorted(set(raw) - set(REQUIRED_FIELDS) - set(OPTIONAL_FIELDS))
    if unknown:
        raise _fail(
            path,
            where,
            f"unknown field(s) {unknown}; allowed: {list(REQUIRED_FIELDS + OPTIONAL_FIELDS)}",
        )
    missing = [name for name in REQUIRED_FIELDS if name not in raw]
    if missing:
        raise _fail(path, where, f"missing field(s) {missing}")
    for name in ("key", "label", "type", "definition", "pfc_dimension", "reference"):
        if not isinstance(raw[name], str) or not raw[name].strip():
            raise _fail(path, where, f"'{name}' must be a non-empty string")
    key = raw["key"].strip()
    if not _KEY_RE.match(key):
        raise _fail(
            path,
            where,
            "key must be lower-case letters, digits and underscores, "
            "starting with a letter (it becomes the column frame_<key>)",
        )
    if raw["type"] not in FRAME_TYPES:
        raise _fail(path, where, f"type must be one of {list(FRAME_TYPES)}, got {raw['type']!r}")
    pfc = raw["pfc_dimension"].strip()
    if pfc != "none" and pfc not in PFC_DIMENSIONS:
        raise _fail(
            path,
            where,
            f"pfc_dimension {pfc!r} is not a Policy Frames Codebook "
            f"dimension; use one of {list(PFC_DIMENSIONS)} or 'none'",
        )
    indicators = _string_list(raw["indicators"], path, where, "indicators")
    if not indicators:
        raise _fail(path, where, "'indicators' is empty")
    exclusions = _string_list(raw.get("exclusions", []), path, where, "exclusions")
    patterns = []
    for term in indicators:
        try:
            patterns.append(indicator_pattern(term))
        except ValueError as exc:
            raise _fail(path, where, f"indicator {term!r}: {exc}") from exc
    first_with: dict[str, str] = {}
    for term, pattern in zip(indicators, patterns, strict=True):
        if pattern in first_with:
            raise _fail(
                path,
                where,
                f"indicator {term!r} matches exactly what "
                f"{first_with[pattern]!r} matches (same stem); keep one of them",
            )
        first_with[pattern] = term
    excl_patterns = []
    for term in exclusions:
        try:
            excl_patterns.append(indicator_pattern(term))
        except ValueError as exc:
            raise _fail(path, where, f"exclusion {term!r}: {exc}") from exc
    return Frame(
        key=key,
        label=raw["label"].strip(),
        type=raw["type"],
        definition=" ".join(raw["definition"].split()),
        indicators=indicators,
        exclusions=exclusions,
        pfc_dimension=pfc,
        reference=raw["reference"].strip(),
        indicator_patterns=tuple(patterns),
        exclusion_patterns=tuple(excl_patterns),
        stem_cores=tuple(
            stem_core(term) if len(term.split()) == 1 and "-" not in term else None
            for term in indicators
        ),
    )


def parse_codebook(data: dict[str, Any], path: str = "<memory>") -> Codebook:
    """Validate an already-parsed codebook mapping and compile its patterns."""
    frames_raw = data.get("frames")
    if not isinstance(frames_raw, list) or not frames_raw:
        raise CodebookError(
            f"codebook {path}: needs a non-empty list 'frames' ([[frames]] in TOML)"
        )
    frames = tuple(_parse_frame(raw, i, path) for i, raw in enumerate(frames_raw))
    seen: dict[str, int] = {}
    for i, frame in enumerate(frames):
        if frame.key in seen:
            raise _fail(
                path,
                f"frame {frame.key!r} (#{i + 1})",
                f"duplicate key (also frame #{seen[frame.key] + 1})",
            )
        seen[frame.key] = i
    return Codebook(
        path=path,
        frames=frames,
        version=str(data.get("version", "")),
        story=str(data.get("story", "")),
    )


@lru_cache(maxsize=16)
def _load_cached(path: str, mtime_ns: int) -> Codebook:
    return parse_codebook(_read_raw(Path(path)), path)


def load_codebook(
    codebook: Codebook | Path | str | None = None, *, require_generic: bool = False
) -> Codebook:
    """Load and validate a codebook file (default: the bundled ``frames.toml``).

    Accepts a path (``.toml``, ``.yaml`` or ``.yml``), an already loaded :class:`Codebook`
    (returned as is) or None. Raises :class:`CodebookError` naming the file and the frame at
    fault. With ``require_generic=True`` the five Semetko & Valkenburg keys must be present.
    """
    if isinstance(codebook, Codebook):
        book = codebook
    else:
        path = Path(codebook) if codebook is not None else DEFAULT_CODEBOOK
        if not path.is_file():
            raise CodebookError(f"codebook {path}: file not found")
        resolved = path.resolve()
        book = _load_cached(str(resolved), resolved.stat().st_mtime_ns)
    if require_generic:
        missing = [k for k in GENERIC_FRAME_KEYS if k not in book.keys]
        if missing:
            raise CodebookError(f"codebook {book.path}: missing generic frame(s) {missing}")
    return book
