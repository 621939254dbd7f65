"""Frame findings read against the validation: the shares corrected for the coder's measured
errors, and the coder's precision.

A frame difference is stated when the raw shares' 95% intervals do not overlap
(:mod:`analysis.framing.findings`). With a validation table the run also writes each group's
share corrected for the coder's sensitivity and specificity (Rogan & Gladen 1978,
``frames_corrected.csv``), with an interval that carries the validation's own uncertainty. A
coder with a low precision can make a difference out of its false positives alone: a tester's
"Mental health: Fox News 22% against The Blaze 4%; the intervals do not overlap" stood beside a
precision of 0.44 and corrected intervals of 5-51% and 0-7%, which overlap. Such a finding
says so (:func:`check_against_corrected`), so that it is not quoted without it; so does one
whose groups' shares cannot be corrected, and any frame finding (a difference, a group's most
salient frames, the article-level counts) naming a frame whose coder marked the frame wrongly
more often than rightly on the validation sample (precision below :data:`LOW_PRECISION`). A
scholar's GVFC headlines: "Society/culture: Yahoo News 6% against 0% for The Hill" stood
without a word beside an F1 of 0.17, and in the human codes the order was the reverse; a
frame at a precision of 0.10 was third of an outlet's "most salient frames".
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

import pandas as pd

from analysis.report.findings import Finding
from analysis.report.headings import TRUST_CODERS, TRUST_SOURCING
from analysis.report.wording import and_list, ci
from analysis.validation.correction import rogan_gladen

DIFFERENCE_PREFIX = "frames_difference_"
# below this precision on the validation sample, most of what the coder marks is not the frame
LOW_PRECISION = 0.5


def coder_precision(
    agreement: pd.DataFrame, methods: Mapping[str, str]
) -> dict[str, tuple[float, float]]:
    """Per frame key of ``methods`` (key → ``"codebook"`` or ``"model"``), the precision and F1
    of that coder in ``agreement`` (an ``agreement.csv``), for the frames it measured out of
    sample (a row counting training items, ``n_in_training`` above 0, is left out) and whose
    precision is defined (the table writes 0 where the coder marked no item, as scikit-learn's
    ``zero_division=0``: a tester's lexicon, reading no company on the sheet, had "precision
    0.00")."""
    out = {}
    for key, method in methods.items():
        rows = agreement[(agreement["method"] == method) & (agreement["frame"] == key)]
        if rows.empty:
            continue
        row = rows.iloc[0]
        trained = pd.to_numeric(pd.Series([row.get("n_in_training", 0)]), errors="coerce")
        precision = pd.to_numeric(pd.Series([row.get("precision")]), errors="coerce").iloc[0]
        f1 = pd.to_numeric(pd.Series([row.get("f1")]), errors="coerce").iloc[0]
        flagged = pd.to_numeric(pd.Series([row.get("n_machine_positive", 1)]), errors="coerce")
        if trained.fillna(0).iloc[0] > 0 or pd.isna(precision) or flagged.fillna(1).iloc[0] == 0:
            continue  # in-sample, or undefined: the coder marked no item (shown as 0)
        out[key] = (float(precision), float(f1))
    return out


def _share_interval(low: float, high: float) -> str:
    """A corrected share's interval, or "about 0%" where the correction leaves none: a
    "95% CI 0–0%" of a share clipped at zero is no interval to quote."""
    if high <= 0:
        return "about 0%, compatible with none"
    return ci(low, high, "percent")


def _with_precision(label: str, precision: float, f1: float) -> str:
    """ "Society/culture (precision 0.20, F1 0.17)"."""
    return f"{label} (precision {precision:.2f}" + (f", F1 {f1:.2f})" if f1 == f1 else ")")


def _low_precision_note(
    text: str,
    key: str,
    precision: Mapping[str, tuple[float, float]],
    labels: Mapping[str, str],
) -> str:
    """The sentence naming the frames of a finding (its key's, or those its text names as
    "<label> (" or "<label> in ") whose coder's precision is below :data:`LOW_PRECISION`."""
    named = []
    for frame, (prec, f1) in sorted(precision.items()):
        if prec >= LOW_PRECISION:
            continue
        label = labels.get(frame, frame)
        if key == f"{DIFFERENCE_PREFIX}{frame}" or any(
            f"{label}{after}" in text for after in (" (", " in ")
        ):
            named.append(_with_precision(label, prec, f1))
    if not named:
        return ""
    return (
        f" On the validation sample, most items the coder marked with {and_list(named)} did not "
        "carry the frame in human coding: much of "
        f"{'its share' if len(named) == 1 else 'their shares'} here may be the coder's false "
        "positives "
        f"(corrected shares under {TRUST_CODERS})."
    )


def check_against_corrected(
    findings: Sequence[Finding],
    corrected: pd.DataFrame | None,
    group_col: str = "outlet",
    *,
    precision: Mapping[str, tuple[float, float]] | None = None,
    labels: Mapping[str, str] | None = None,
) -> list[Finding]:
    """``findings`` read against the validation. A frame difference (key
    ``frames_difference_<frame>``, groups ``(higher, lower)``) whose two groups' corrected
    intervals in ``corrected`` (columns ``<group_col>, frame, corrected_ci_low,
    corrected_ci_high``) overlap ends on a sentence that says so, and one whose groups' shares
    cannot be corrected on a sentence saying the correction cannot check it. With
    ``precision`` (frame → (precision, F1) of its coder: :func:`coder_precision`) and
    ``labels`` (frame → label), every finding that names a frame of precision below
    :data:`LOW_PRECISION` says so. Without a table and precisions, ``findings`` unchanged."""
    precision = precision or {}
    labels = labels or {}
    by_key = None
    if corrected is not None and not corrected.empty:
        rows = corrected.assign(**{group_col: corrected[group_col].astype(str)})
        by_key = rows.set_index(["frame", group_col])
    out = []
    for finding in findings:
        text = finding.text + _corrected_note(finding, by_key)
        text += _low_precision_note(finding.text, finding.key, precision, labels)
        out.append(finding if text == finding.text else dataclasses.replace(finding, text=text))
    return out


# A kind's low precision is stated at a finding only when the validation sheet can show it: at
# least this many sentences the lexicon read as the kind, and a 95% interval of the precision
# wholly below LOW_PRECISION. A tester's summary said of Citizens "these counts may be mostly
# its false positives" on one sentence the lexicon read so (precision 0, 95% CI 0-0.79).
MIN_MACHINE_POSITIVES = 5


def _number(row: Mapping[str, object], column: str) -> float:
    """``row[column]`` as a float, NaN when missing or not a number."""
    value = pd.to_numeric(pd.Series([row.get(column)]), errors="coerce").iloc[0]
    return float(value)


def _sourcing_precision_note(row: Mapping[str, object], label: str) -> str | None:
    """What the finding naming ``label`` says of the precision of its agreement ``row``: that
    most of its counts may be false positives (at least :data:`MIN_MACHINE_POSITIVES` sentences
    the lexicon read so, and the precision's 95% upper bound below :data:`LOW_PRECISION`), that
    the sample is too small to judge (a precision below :data:`LOW_PRECISION` that fails
    either), or None (a precision at or above it, or undefined). A table without the interval
    (written before it had one) is judged by its point estimate."""
    precision, f1 = _number(row, "precision"), _number(row, "f1")
    flagged = _number(row, "n_machine_positive")
    if flagged != flagged:  # an older table: tp + fp
        flagged = _number(row, "tp") + _number(row, "fp")
    if precision != precision or precision >= LOW_PRECISION or not flagged > 0:
        return None
    low, high = _number(row, "precision_ci_low"), _number(row, "precision_ci_high")
    has_ci = low == low and high == high
    n = int(flagged)
    sentences = f"{n} sentence{'' if n == 1 else 's'}"
    measured = f"precision {precision:.2f}" + (f", 95% CI {low:.2f}–{high:.2f}" if has_ci else "")
    measured += f", F1 {f1:.2f}" if f1 == f1 else ""
    if n >= MIN_MACHINE_POSITIVES and (high if has_ci else precision) < LOW_PRECISION:
        return (
            f"most of the {sentences} the source lexicon read as {label} ({measured}) were not "
            "read so in human coding: these counts may be mostly its false positives"
        )
    if n < MIN_MACHINE_POSITIVES:
        return (
            f"the source lexicon read only {sentences} as {label} ({measured}): too few to judge "
            "whether these counts are mostly its false positives (that takes "
            f"{MIN_MACHINE_POSITIVES} or more)"
        )
    return (
        f"the source lexicon read {sentences} as {label} ({measured}): a sample too small to "
        "judge whether these counts are mostly its false positives (the interval reaches "
        f"{LOW_PRECISION:.2f})"
    )


# The same rule for recall: a kind's counts are said to miss most of its sources only when at
# least this many sentences of the sheet were coded as the kind by the humans and the recall's
# 95% interval lies wholly below LOW_RECALL. A tester's key found the lexicon credited about a
# quarter of the speakers it named a kind for (government officials 5 of 21, companies 1 of 13),
# and the summary named only its misreadings.
MIN_HUMAN_POSITIVES = MIN_MACHINE_POSITIVES
LOW_RECALL = 0.5


def _sourcing_recall_note(row: Mapping[str, object], label: str) -> str | None:
    """``label`` with what the lexicon found of the sentences the humans coded so ("Companies
    (1 of 10; recall 0.10, 95% CI 0.02–0.40)") when that recall is low: at least
    :data:`MIN_HUMAN_POSITIVES` such sentences, and the recall's 95% upper bound below
    :data:`LOW_RECALL` (a table without the interval is judged by its point estimate); else
    None."""
    recall = _number(row, "recall")
    coded = _number(row, "n_human_positive")
    if coded != coded:  # an older table: tp + fn
        coded = _number(row, "tp") + _number(row, "fn")
    found = _number(row, "tp")
    if recall != recall or not coded >= MIN_HUMAN_POSITIVES:
        return None
    low, high = _number(row, "recall_ci_low"), _number(row, "recall_ci_high")
    has_ci = low == low and high == high
    if (high if has_ci else recall) >= LOW_RECALL:
        return None
    measured = f"recall {recall:.2f}" + (f", 95% CI {low:.2f}–{high:.2f}" if has_ci else "")
    if found != found:
        return f"{label} ({measured}, of {int(coded)})"
    return f"{label} ({'none' if found == 0 else int(found)} of {int(coded)}; {measured})"


def check_sourcing_agreement(
    findings: Sequence[Finding], agreement: pd.DataFrame, sources: str | Path | None = None
) -> list[Finding]:
    """``findings`` with each sourcing finding that names a kind of source (as the source
    lexicon ``sources`` labels it; None: the package's), and the share of attributed sentences,
    saying what the validation sheet (``agreement`` rows of coder ``"sources"``, ``attributed``
    and ``source_<kind>``, measured out of sample) showed of the lexicon's reading of it: a
    precision below :data:`LOW_PRECISION`, with the number of sentences the lexicon read so and
    the interval (:func:`_sourcing_precision_note`: mostly false positives only when the sheet
    can show it, else a sample too small to judge), and a recall whose interval lies below
    :data:`LOW_RECALL` (:func:`_sourcing_recall_note`: the lexicon misses most of them). A
    scholar's sourcing findings stood beside kinds' F1 listed only in the validation section,
    and a tester's summary warned of false positives but not of the sources the lexicon
    missed."""
    from analysis.validation.agreement import SOURCING_METHOD

    rows = agreement[agreement["method"] == SOURCING_METHOD]
    if "n_in_training" in rows.columns:
        rows = rows[pd.to_numeric(rows["n_in_training"], errors="coerce").fillna(0) <= 0]
    by_column = {str(r["frame"]): r for r in rows.to_dict("records")}
    if not by_column:
        return list(findings)
    from analysis.framing.sourcing import load_sources

    labels = load_sources(str(sources) if sources else None).labels
    names = {f"source_{kind}": label for kind, label in labels.items()}
    out = []
    for finding in findings:
        if not finding.key.startswith("sourcing_"):
            out.append(finding)
            continue
        notes: list[str] = []
        missed: list[str] = []  # each kind (or "attributed") with its low recall
        for column, row in sorted(by_column.items()):
            if column == "attributed":
                hit = finding.key == "sourcing_attributed"
                as_read, as_coded = "an attribution", "attributed"
            else:
                label = names.get(column, column.removeprefix("source_").replace("_", " "))
                hit = re.search(rf"(?<!\w){re.escape(label)} \d", finding.text) is not None
                as_read, as_coded = label, label
            if not hit:
                continue
            precision = _sourcing_precision_note(row, as_read)
            recall = _sourcing_recall_note(row, as_coded)
            notes += [precision] if precision else []
            missed += [recall] if recall else []
        if missed:
            kinds = finding.key != "sourcing_attributed"  # kinds, or the attributed share
            notes.append(
                "the source lexicon found few of the sentences human coders read as "
                f"{'crediting ' if kinds else ''}{and_list(missed)}: these counts may be well "
                "below the sentences that "
                + (("credit them" if len(missed) > 1 else "credit it") if kinds else "are")
                + ("" if kinds else " attributed")
            )
        if not notes:
            out.append(finding)
            continue
        note = f" On the validation sample, {'; '.join(notes)} (see {TRUST_SOURCING})."
        out.append(dataclasses.replace(finding, text=finding.text + note))
    return out


def corrected_interval(row: Mapping[str, float]) -> tuple[float, float] | None:
    """A group's corrected interval for a frame as the summary reads it (a ``frames_corrected``
    row), or None where the share cannot be corrected: no human-coded item had the frame, the
    coder is no better than chance, the raw share is above what the coder allows, or none was
    flagged where the coder's false-positive rate would flag some. None flagged otherwise gives
    0 up to the rule-of-three bound (3 / sentences) corrected, not the bootstrap's 0–0%."""
    se, sp = float(row["sensitivity"]), float(row["specificity"])
    raw, n = float(row["raw_share"]), int(row["n_sentences"])
    if se != se or float(row["corrected_share"]) != float(row["corrected_share"]):
        return None
    if float(rogan_gladen(raw, se, sp, clip=False)) > 1:
        return None
    if raw == 0 and n:
        bound = float(rogan_gladen(3 / n, se, sp))
        return (0.0, bound) if bound > 0 else None
    low, high = float(row["corrected_ci_low"]), float(row["corrected_ci_high"])
    return None if low != low or high != high else (low, high)


def _corrected_note(finding: Finding, by_key: pd.DataFrame | None) -> str:
    """The sentence a frame difference gets from the corrected shares, or ""."""
    if by_key is None:
        return ""
    frame = finding.key.removeprefix(DIFFERENCE_PREFIX)
    pair = [(frame, group) for group in finding.groups]
    if frame == finding.key or len(pair) != 2 or not all(k in by_key.index for k in pair):
        return ""  # not a difference, or a frame the validation did not measure
    intervals = [corrected_interval(by_key.loc[key]) for key in pair]
    first, second = finding.groups
    if intervals[0] is None or intervals[1] is None:
        missing = [g for g, got in zip(finding.groups, intervals, strict=True) if got is None]
        return (
            " The coder's measured errors cannot check this difference: the share of "
            + " and of ".join(missing)
            + f" cannot be corrected (see {TRUST_CODERS})."
        )
    bounds = [*intervals[0], *intervals[1]]
    if bounds[0] > bounds[3] or bounds[2] > bounds[1]:
        return ""  # the corrected intervals apart too
    return (
        f" Corrected for the coder's measured errors (see {TRUST_CODERS}), the intervals "
        f"overlap ({first} {_share_interval(bounds[0], bounds[1])}, {second} "
        f"{_share_interval(bounds[2], bounds[3])}): the coder's misclassification can account "
        "for this difference."
    )
