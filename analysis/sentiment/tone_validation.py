"""Tone findings read against the validation: how far VADER's tone agreed with human codes.

A tone difference is stated when its bootstrap interval excludes zero and the permutation test
agrees (:mod:`analysis.sentiment.findings`); that says the lexicon scores differ, not that a
reader would judge the tone to differ. With a validation table (``-p validation``) holding
VADER's tone row, each stated tone difference and level says how well VADER agreed with the
human tone codes when that agreement is weak: Cohen's kappa below :data:`WEAK_KAPPA` ("slight"
agreement, Landis & Koch 1977), or an interval that does not exclude chance (kappa's lower
bound at or below 0), and when the human coders themselves agreed on tone below
Krippendorff's 0.667 (2004). A tester's "NPR were on average more positive in tone than USA
Today" stood unqualified beside kappa 0.00 (95% CI −0.11 to 0.12), with her human codes
ranking the two the other way.

Landis, J. R. & Koch, G. G. (1977). The measurement of observer agreement for categorical data.
Biometrics 33(1), 159–174.
Krippendorff, K. (2004). Content Analysis: An Introduction to Its Methodology (2nd ed.).
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Sequence

import pandas as pd

from analysis.report.findings import Finding
from analysis.report.headings import TRUST_CODERS

# Below this kappa, agreement is "slight" (Landis & Koch 1977)
WEAK_KAPPA = 0.2
# Below this alpha, human codes are not reliable enough to measure a coder against
# (Krippendorff 2004, the lowest acceptable for tentative conclusions)
RELIABLE_ALPHA = 0.667
# Tone findings that state a group's tone, a difference between groups or the tone around an actor
TONE_PREFIXES = ("tone_pairwise_", "tone_level_", "actor_tone_")


def _number(value: object) -> float:
    number = pd.to_numeric(pd.Series([value]), errors="coerce").iloc[0]
    return float(number)


def _signed(value: float) -> str:
    """ "0.12", "−0.04" (a minus sign, as the summary writes negative numbers)."""
    return f"{value:.2f}".replace("-", "−")


def tone_note(agreement: pd.DataFrame, human_alpha: float | None = None) -> str:
    """The sentence a tone finding ends on, from VADER's tone row of ``agreement`` (coder
    ``"codebook"``, frame ``"tone"``) and the human coders' alpha on tone (None: one coder),
    or "" when the agreement is not weak and the humans agreed (or there is no such row)."""
    rows = agreement[(agreement["method"] == "codebook") & (agreement["frame"] == "tone")]
    if rows.empty:
        return ""
    row = rows.iloc[0]
    kappa, low, high = (_number(row.get(c)) for c in ("kappa", "kappa_ci_low", "kappa_ci_high"))
    n = int(_number(row.get("n"))) if not math.isnan(_number(row.get("n"))) else 0
    parts = []
    if not math.isnan(kappa):
        interval = (
            f", 95% CI {_signed(low)} to {_signed(high)}"
            if not (math.isnan(low) or math.isnan(high))
            else ""
        )
        figures = f"Cohen's kappa {_signed(kappa)}{interval}; n = {n}"
        if not math.isnan(low) and low <= 0:
            parts.append(
                f"VADER's tone agreed with the human tone codes no better than chance can "
                f"explain ({figures})"
            )
        elif kappa < WEAK_KAPPA:
            parts.append(f"VADER's tone agreed with the human tone codes only slightly ({figures})")
    if human_alpha is not None and not math.isnan(human_alpha) and human_alpha < RELIABLE_ALPHA:
        parts.append(
            f"the human coders agreed on tone with Krippendorff's alpha {human_alpha:.2f}, below "
            f"{RELIABLE_ALPHA}"
        )
    if not parts:
        return ""
    return (
        " On the validation sample, "
        + " and ".join(parts)
        + ": a human reader may not read the tone so; these are lexicon scores "
        f"(see {TRUST_CODERS})."
    )


# The fewest human-coded items of a group for its human and VADER tone to be compared
MIN_GROUP_ITEMS = 10


def _group_rows(by_group: pd.DataFrame | None) -> dict[str, pd.Series]:
    """The rows of a tone-by-outlet table (:mod:`analysis.validation.tone_by_group`) with at
    least :data:`MIN_GROUP_ITEMS` items, by outlet."""
    if by_group is None or by_group.empty or "outlet" not in by_group.columns:
        return {}
    return {
        str(row["outlet"]): row
        for _, row in by_group.iterrows()
        if _number(row.get("n")) >= MIN_GROUP_ITEMS
    }


# where a run keeps the validation's tone per outlet (analysis.validation.report_copy)
BY_OUTLET_TABLE = "validation_tone_by_outlet.csv in the tables"


def _interval(row: pd.Series) -> str:
    """ "95% CI −0.42 to −0.16" of a group's human mean."""
    low, high = _number(row.get("human_ci_low")), _number(row.get("human_ci_high"))
    return f"95% CI {_plus(low)} to {_plus(high)}"


def _plus(value: float) -> str:
    """ "+0.34", "−0.29": signed as the summary writes a tone."""
    from analysis.report.wording import num

    return num(value).replace("-", "−")


def group_note(finding: Finding, rows: dict[str, pd.Series]) -> str:
    """The sentence a stated tone difference or level ends on when the human tone codes of the
    validation sample read its groups the other way: a difference whose two groups' human means
    are ordered the other way, or a level whose group's human and VADER means have opposite
    signs; else ""."""
    scale = "−1 negative to +1 positive"
    if finding.key.startswith("tone_pairwise_") and len(finding.groups) == 2:
        first, second = finding.groups
        if first not in rows or second not in rows:
            return ""
        a, b = rows[first], rows[second]
        # reversed beyond the sample's chance: the two human intervals apart the other way
        if not _number(a.get("human_ci_high")) < _number(b.get("human_ci_low")):
            return ""
        return (
            " On the validation sample the human tone codes rank these two the other way: mean "
            f"human code {first} {_plus(_number(a['human_mean']))} "
            f"({_interval(a)}) and {second} {_plus(_number(b['human_mean']))} ({_interval(b)}) "
            f"({scale}; n = {int(_number(a['n']))} and {int(_number(b['n']))} coded items), "
            f"where VADER's classes of the same items average "
            f"{_plus(_number(a['machine_mean']))} and {_plus(_number(b['machine_mean']))} "
            f"({BY_OUTLET_TABLE})."
        )
    if finding.key.startswith("tone_level_") and len(finding.groups) == 1:
        row = rows.get(finding.groups[0])
        if row is None:
            return ""
        human, machine = _number(row["human_mean"]), _number(row["machine_mean"])
        low, high = _number(row.get("human_ci_low")), _number(row.get("human_ci_high"))
        # the human codes on the other side of neutral beyond the sample's chance
        if not ((high < 0 < machine) or (machine < 0 < low)):
            return ""
        return (
            f" On the validation sample the human tone codes of its {int(_number(row['n']))} "
            f"coded items average {_plus(human)} ({_interval(row)}), where VADER's classes of "
            f"the same items average {_plus(machine)} ({scale}): on this group's text the two "
            f"read the tone the other way ({BY_OUTLET_TABLE})."
        )
    return ""


def check_tone_findings(
    findings: Sequence[Finding],
    agreement: pd.DataFrame,
    human_alpha: float | None = None,
    by_group: pd.DataFrame | None = None,
) -> list[Finding]:
    """``findings`` with each stated tone level or difference (:data:`TONE_PREFIXES`, supported)
    ending on :func:`tone_note` when there is one, and on :func:`group_note` when the human
    codes of ``by_group`` (the validation's tone per outlet) read its groups the other way; the
    others unchanged."""
    note = tone_note(agreement, human_alpha)
    rows = _group_rows(by_group)
    out = []
    for f in findings:
        if f.supported and f.key.startswith(TONE_PREFIXES):
            f = dataclasses.replace(f, text=f.text + group_note(f, rows) + note)
        out.append(f)
    return out
