"""Findings: the unit the written summary is built from.

Each analysis module turns its result tables into a list of :class:`Finding` objects (plain
sentences whose every number comes from a table, with quoted evidence), and the report module
only arranges and renders them. Keeping the wording next to the statistics means the rule "a
difference whose CI includes zero is not reported as a difference" lives in one place per
analysis and is tested there.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Evidence:
    """One sentence quoted from the corpus in support of a finding."""

    doc_id: str
    sentence_id: int
    group: str
    text: str


@dataclass(frozen=True)
class Finding:
    """A plain-language result with its numbers, uncertainty, sample sizes and evidence."""

    key: str  # stable identifier, e.g. "tone_pairwise_Caixin_vs_Epoch Times"
    section: str  # "tone", "actors", "frames", "vocabulary", "sourcing", "hedging"
    text: str  # one or two sentences; every number in it is computed from a table
    evidence: tuple[Evidence, ...] = field(default_factory=tuple)
    figures: tuple[str, ...] = field(default_factory=tuple)  # figure stems it refers to
    supported: bool = True  # False: reported as "no clear difference" (CI includes zero)
