"""Findings: the unit the written summary is built from, and their JSON file.

Each analysis module turns its result tables into a list of :class:`Finding` objects (plain
sentences whose every number comes from a table, with quoted evidence), and the report module
only arranges and renders them. Keeping the wording next to the statistics means the rule "a
difference whose CI includes zero is not reported as a difference" lives in one place per
analysis and is tested there. A notebook saves its findings as JSON (:func:`save_findings`) so the
summary quotes exactly what the notebook computed (:func:`load_findings`).
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from analysis.io import write_text
from analysis.parameter_guard import check_parameters_unchanged


@dataclass(frozen=True)
class Evidence:
    """One sentence quoted from the corpus in support of a finding."""

    doc_id: str
    sentence_id: int
    group: str
    text: str
    # why this sentence was chosen, with its score ("most negative sentence of BBC: vader
    # -0.62"): a quote under a group's mean may be its most positive sentence, and says so
    note: str = ""


@dataclass(frozen=True)
class Finding:
    """A plain-language result with its numbers, uncertainty, sample sizes and evidence."""

    key: str  # stable identifier, e.g. "tone_pairwise_Caixin_vs_Epoch Times"
    section: str  # "tone", "actors", "frames", "vocabulary", "sourcing", "hedging"
    text: str  # one or two sentences; every number in it is computed from a table
    evidence: tuple[Evidence, ...] = field(default_factory=tuple)
    figures: tuple[str, ...] = field(default_factory=tuple)  # figure stems it refers to
    supported: bool = True  # False: reported as "no clear difference" (CI includes zero)
    # the groups the finding describes or compares, by name as in the tables: what a note on a
    # group (analysis.report.group_languages) attaches to
    groups: tuple[str, ...] = field(default_factory=tuple)
    # the evidence is a pair of extremes (a group's most positive and most negative sentences):
    # one already quoted is named where it would stand, so the other is not read alone
    extremes: bool = False


def save_findings(findings: Iterable[Finding], path: Path | str) -> Path:
    """Write findings as JSON (for a notebook to hand its findings to the summary notebook);
    not in a notebook whose parameters were edited since its set-up cell ran
    (:mod:`analysis.parameter_guard`)."""
    check_parameters_unchanged()
    data = [dataclasses.asdict(f) for f in findings]
    return write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", path)


def load_findings(path: Path | str) -> list[Finding]:
    """Read findings written by :func:`save_findings`."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return [
        Finding(
            **{
                **item,
                "evidence": tuple(Evidence(**ev) for ev in item.get("evidence", ())),
                "figures": tuple(item.get("figures", ())),
                "groups": tuple(item.get("groups", ())),
            }
        )
        for item in data
    ]
