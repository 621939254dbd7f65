"""Frame differences read against the shares corrected for the coder's measured errors.

A frame difference is stated when the raw shares' 95% intervals do not overlap
(:mod:`analysis.framing.findings`). With a validation table the run also writes each group's
share corrected for the coder's sensitivity and specificity (Rogan & Gladen 1978,
``frames_corrected.csv``), with an interval that carries the validation's own uncertainty. A
coder with a low precision can make a difference out of its false positives alone: a tester's
"Mental health: Fox News 22% against The Blaze 4%; the intervals do not overlap" stood beside a
precision of 0.44 and corrected intervals of 5-51% and 0-7%, which overlap. Such a finding
says so (:func:`check_against_corrected`), so that it is not quoted without it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

import pandas as pd

from analysis.report.findings import Finding
from analysis.report.wording import ci

DIFFERENCE_PREFIX = "frames_difference_"


def check_against_corrected(
    findings: Sequence[Finding], corrected: pd.DataFrame | None, group_col: str = "outlet"
) -> list[Finding]:
    """``findings`` with each frame difference (key ``frames_difference_<frame>``, groups
    ``(higher, lower)``) whose two groups' corrected intervals in ``corrected`` (columns
    ``<group_col>, frame, corrected_ci_low, corrected_ci_high``) overlap ending on a sentence
    that says so; the others, and all of them without a table, unchanged."""
    if corrected is None or corrected.empty:
        return list(findings)
    rows = corrected.assign(**{group_col: corrected[group_col].astype(str)})
    by_key = rows.set_index(["frame", group_col])
    out = []
    for finding in findings:
        frame = finding.key.removeprefix(DIFFERENCE_PREFIX)
        pair = [(frame, group) for group in finding.groups]
        if frame == finding.key or len(pair) != 2 or not all(k in by_key.index for k in pair):
            out.append(finding)
            continue
        high, low = (by_key.loc[key] for key in pair)
        bounds = [high["corrected_ci_low"], high["corrected_ci_high"]]
        bounds += [low["corrected_ci_low"], low["corrected_ci_high"]]
        apart = bounds[0] > bounds[3] or bounds[2] > bounds[1]
        if any(pd.isna(b) for b in bounds) or apart:
            out.append(finding)  # no correction to read, or the corrected intervals apart too
            continue
        first, second = finding.groups
        note = (
            " Corrected for the coder's measured errors (see How far to trust the frame and "
            f"tone coders), the intervals overlap ({first} {ci(bounds[0], bounds[1], 'percent')}, "
            f"{second} {ci(bounds[2], bounds[3], 'percent')}): the coder's misclassification "
            "can account for this difference."
        )
        out.append(dataclasses.replace(finding, text=finding.text + note))
    return out
