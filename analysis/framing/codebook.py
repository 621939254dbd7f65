"""The frame codebook: a data file (TOML or YAML) turned into fast, stem-aware regexes.

Schema (``analysis/data/codebook_template.toml`` is a commented, valid example):

* top level: ``frames`` (required, a non-empty list; ``[[frames]]`` in TOML), ``version`` and
  ``story`` (free text), ``exclusions`` (terms masked before EVERY frame's indicators are
  matched) and ``exclusion_lists`` (a table of named exclusion lists). Other top-level fields
  are ignored with a warning.
* each frame: ``key`` (required; lower-case letters, digits, underscores; the column is
  ``frame_<key>``), ``label`` (required), ``indicators`` (required, non-empty), ``type``
  (``"generic"`` or ``"issue"``, default ``"issue"``), ``definition`` and ``reference``
  (default empty), ``pfc_dimension`` (one of :data:`PFC_DIMENSIONS` or ``"none"``, the
  default; checked when given), ``exclusions`` and ``exclusion_lists`` (names of top-level
  lists this frame uses).
* an indicator or exclusion is a string in the syntax of :mod:`analysis.framing.indicators`
  (stem-aware words, phrases, ``=word`` and ``word*``) or a table
  ``{term = "March", match = "stem"|"exact", case = "insensitive"|"sensitive"}``: ``exact``
  matches every word as written (no stemming), ``sensitive`` keeps the letter case.

:mod:`analysis.framing.codebook_check` checks all of it at once: :func:`load_codebook` raises
ONE :class:`CodebookError` listing every problem (one line each, naming the frame and the
field); indicators that another indicator already implies are warnings, not errors.

The package's codebook, ``analysis/data/frames.toml``, holds the five generic news frames of
Semetko & Valkenburg (2000) (conflict, economic_consequences, responsibility, human_interest,
morality), which fit any story; the bundled rare-earth story adds its seven issue frames in its own
codebook (``seeds/lexicons/frames.toml``, named in ``seeds/analysis.toml``). Users give theirs by
passing ``codebook=PATH`` to any function that takes one.

An exclusion is masked before the frame's indicators are matched, so "de-escalation" can be
excluded from the conflict frame while "escalation" elsewhere in the same sentence still counts.

Each frame compiles to ONE regular expression alternation (longest indicators first) that uses
only syntax shared by Python's ``re`` and Google RE2, so pandas can run it through pyarrow's
vectorised RE2 kernels over millions of sentences.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from analysis.config import DATA_DIR
from analysis.framing.indicators import indicator_alternation, stems_pattern
from analysis.lexicon import LexiconError, longest_first, read_text, read_toml

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
REQUIRED_FIELDS = ("key", "label", "indicators")
# Optional fields and their defaults (``exclusion_lists`` names shared lists, see below).
OPTIONAL_FIELDS = {
    "type": "issue",
    "definition": "",
    "exclusions": [],
    "exclusion_lists": [],
    "pfc_dimension": "none",
    "reference": "",
}
TOP_LEVEL_FIELDS = ("frames", "version", "story", "exclusions", "exclusion_lists")
# A table-form indicator: {term = "March", match = "exact", case = "sensitive"}.
INDICATOR_FIELDS = ("term", "match", "case")
MATCH_MODES = ("stem", "exact")
CASE_MODES = ("insensitive", "sensitive")
KEY_RE = re.compile(r"^[a-z][a-z0-9_]*$")


class CodebookError(LexiconError):
    """A codebook file that cannot be used; the message names the file, the frame and the field.

    ``problems`` holds every problem found, one line each (the message lists them all).
    """

    def __init__(self, message: str, problems: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.problems = problems or (message,)


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

    def pattern_alternatives(self) -> tuple[str, ...]:
        """The top-level alternatives of :meth:`pattern`: the stem group, then each phrase or
        exact word (longest first) in its own group. ``"|".join`` of any split of them, in
        order, matches where :meth:`pattern` does."""
        cores = sorted({c for c in self.stem_cores if c is not None}, key=lambda c: (-len(c), c))
        others = tuple(
            p for p, c in zip(self.indicator_patterns, self.stem_cores, strict=True) if c is None
        )
        items = [stems_pattern("|".join(cores))] if cores else []
        items += [f"(?:{p})" for p in longest_first(others)]
        return tuple(items)

    def exclusion_pattern(self) -> str | None:
        """One alternation of every exclusion, or None when the frame has none."""
        return indicator_alternation(self.exclusion_patterns) if self.exclusion_patterns else None


def frame_version(frame: Frame) -> str:
    """A short fingerprint of what ``frame`` matches: its compiled indicator and exclusion
    patterns (the codebook's shared exclusions included), not its label or definition. An
    agreement table records it (``coder_version``), so that a run whose codebook has since
    changed a frame's indicators does not quote the agreement measured with the old ones."""
    text = json.dumps([list(frame.indicator_patterns), list(frame.exclusion_patterns)])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


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


@lru_cache(maxsize=1)
def _unique_key_loader() -> type:
    """PyYAML's ``SafeLoader`` refusing a key given twice in one mapping: YAML allows it and
    keeps the last, so a tester's frame listing ``indicators:`` twice lost the first list
    unsaid (TOML refuses the same)."""
    import yaml

    class UniqueKeyLoader(yaml.SafeLoader):
        def construct_mapping(self, node, deep=False):  # type: ignore[no-untyped-def]
            seen = set()
            for key_node, _ in node.value:
                key = self.construct_object(key_node, deep=deep)
                if key in seen:
                    raise yaml.constructor.ConstructorError(
                        "while reading a mapping",
                        node.start_mark,
                        f"the key {key!r} is given twice (line {key_node.start_mark.line + 1})",
                        key_node.start_mark,
                    )
                seen.add(key)
            return super().construct_mapping(node, deep=deep)

    return UniqueKeyLoader


def read_codebook_mapping(path: Path) -> dict[str, Any]:
    """The raw mapping of a ``.toml``, ``.yaml`` or ``.yml`` codebook file (not yet checked)."""
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
        data = yaml.load(text, Loader=_unique_key_loader())  # a SafeLoader
    except yaml.YAMLError as exc:
        raise CodebookError(f"codebook {path}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise CodebookError(f"codebook {path}: the top level must be a table/mapping")
    return data


def parse_codebook(data: dict[str, Any], path: str = "<memory>") -> Codebook:
    """Validate an already-parsed codebook mapping and compile its patterns.

    Raises :class:`CodebookError` listing every problem at once (one line each, naming the
    frame and the field); warnings do not stop it and are not returned, so the costly
    redundant-indicator warnings are not computed (``codebook check`` shows them, see
    :func:`analysis.framing.codebook_check.check_codebook_data`).
    """
    from analysis.framing.codebook_check import check_codebook_data

    report = check_codebook_data(data, path, redundancy=False)
    report.raise_errors()
    assert report.codebook is not None
    return report.codebook


@lru_cache(maxsize=16)
def _load_cached(path: str, mtime_ns: int) -> Codebook:
    return parse_codebook(read_codebook_mapping(Path(path)), path)


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
