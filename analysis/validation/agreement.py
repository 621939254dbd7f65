"""Agreement of machine codes with human codes, and between human coders.

Precision, recall and F1 of a machine coder (the codebook, VADER, a trained model) against the
human consensus, per frame and for tone, with 95% intervals, and Cohen's kappa; and, with two
or more coders, Krippendorff's alpha (nominal, computed by the ``krippendorff`` package) and
percent agreement per frame. "Validate, validate, validate" (Grimmer & Stewart 2013): a frame
share is only as good as the agreement behind it.

The point estimates equal scikit-learn's ``precision_score``, ``recall_score``, ``f1_score``
(``zero_division=0``; for tone, macro over the classes of negative/neutral/positive that either
coder used, as scikit-learn's default labels: a pilot sheet without a positive item scored
"positive" 0 and a perfect coder 0.67) and ``cohen_kappa_score``; the tests check this on
made-up data.

Intervals. A frame's precision and recall are proportions (of the machine's positives, of the
humans' positives), so they get the Wilson (1927) score interval: a percentile bootstrap of a
proportion degenerates at 0 and 1 (five machine positives all right give 1.00 in every
resample, an interval of 1.00–1.00) and covers poorly for small counts, where the Wilson
interval keeps close to its nominal coverage (Brown, Cai & DasGupta 2001). F1 and kappa (and
tone's macro averages) have no such closed form and keep a seeded percentile bootstrap over the
coded items, in which a resample where a score is undefined (no item coded 1 by either coder,
or a tone class neither used) leaves that score out rather than counting it 0, the convention
of the point estimate; when every resample gives the same value, the interval is zero-width
not because the value is certain but because there are too few items to show its uncertainty, and
``ci_note`` says so (as it says when precision or recall is undefined).

Wilson, E. B. (1927). Probable inference, the law of succession, and statistical inference.
Journal of the American Statistical Association 22(158), 209–212.
Brown, L. D., Cai, T. T. & DasGupta, A. (2001). Interval estimation for a binomial proportion.
Statistical Science 16(2), 101–133.
Grimmer, J. & Stewart, B. M. (2013). Text as data. Political Analysis 21(3), 267–297.
Krippendorff, K. (2004). Content Analysis: An Introduction to Its Methodology (2nd ed.), ch. 11.
"""

from __future__ import annotations

import functools
import re
import warnings
from collections.abc import Mapping, Sequence
from itertools import combinations
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from analysis.config import N_BOOT, SEED
from analysis.stats.bootstrap import group_rng
from analysis.stats.proportions import wilson_interval

METRICS = ("precision", "recall", "f1", "kappa")
AGREEMENT_COLUMNS = [
    "method",
    "frame",
    "n",
    "n_human_positive",
    "n_machine_positive",
    *[f"{m}{s}" for m in METRICS for s in ("", "_ci_low", "_ci_high")],
    "accuracy",
    "tp",
    "fp",
    "fn",
    "tn",
    "n_in_training",  # of the n items, those the coder was trained on (in-sample)
    # of the n items, those whose human code is one coder's alone though the sheets had several
    # coders (the others lacked the row or left it blank); blank for one coder's sheets
    "n_one_coder",
    # of the n items, those not trained on but from an article whose other items the coder was
    # trained on (the model records its training items' doc_id): not held out either
    "n_same_article_as_training",
    "ci_note",  # an interval to read with care: zero-width bootstrap, undefined proportion
    # what was measured: the frame's indicators (codebook.frame_version) or the trained model
    # (FrameModel.version); "" for tone and sourcing. See current_agreement.
    "coder_version",
]
INTERCODER_COLUMNS = [
    "frame",
    "n_items",
    "n_coders",
    "krippendorff_alpha",
    "percent_agreement",
    "note",  # why alpha is undefined, or what it rests on: said, not left to a blank cell
]
TONE_LABELS = (-1, 0, 1)
TONE_NAMES = {-1: "negative", 0: "neutral", 1: "positive"}


def _safe_div(num: np.ndarray, den: np.ndarray, undefined: float = 0.0) -> np.ndarray:
    """``num / den``, ``undefined`` where ``den`` is 0."""
    num = np.asarray(num, dtype=float)
    den = np.asarray(den, dtype=float)
    return np.where(den > 0, num / np.where(den > 0, den, 1.0), undefined)


def _ci_notes(
    out: Mapping[str, float], bootstrapped: Sequence[str], one_code: str = ""
) -> list[str]:
    """Notes for the ``bootstrapped`` metrics of ``out`` whose interval has zero width; the cause
    is ``one_code`` ("the machine codes every item 1") when a coder gives every item the same
    code, as then kappa is 0 in every resample whatever the number of items, else too few
    items."""
    notes = []
    cause = (
        f"{one_code}, so every resample agrees only by chance"
        if one_code
        else "too few items to show its uncertainty, not a certain value"
    )
    for m in bootstrapped:
        low, high = out.get(f"{m}_ci_low", np.nan), out.get(f"{m}_ci_high", np.nan)
        if np.isfinite(low) and np.isfinite(high) and high - low <= 1e-12:
            # a perfect score: every item agrees, so every resample does, however many items
            # (a tester's in-sample F1 of 1.00 on 289 items was put down to too few items)
            why = (
                "the coder agrees on every item, so every resample does: perfect on these "
                "items, not certain elsewhere"
                if not one_code and abs(low - 1.0) <= 1e-12
                else cause
            )
            notes.append(
                f"{m} interval zero-width: every bootstrap resample gave {low:.2f} ({why})"
            )
    return notes


def _binary_metrics(h: np.ndarray, p: np.ndarray, undefined: float = 0.0) -> dict[str, np.ndarray]:
    """Metrics along the last axis of boolean arrays ``h`` (human) and ``p`` (machine);
    ``undefined`` is a precision, recall or F1 without any item to count (0 as scikit-learn's
    ``zero_division=0``, NaN in a bootstrap resample, which then does not count)."""
    n = h.shape[-1]
    tp = (h & p).sum(-1)
    fp = (~h & p).sum(-1)
    fn = (h & ~p).sum(-1)
    tn = n - tp - fp - fn
    precision = _safe_div(tp, tp + fp, undefined)
    recall = _safe_div(tp, tp + fn, undefined)
    f1 = _safe_div(2 * tp, 2 * tp + fp + fn, undefined)
    po = (tp + tn) / n
    pe = ((tp + fn) * (tp + fp) + (tn + fp) * (tn + fn)) / n**2
    with np.errstate(divide="ignore", invalid="ignore"):
        kappa = np.where(pe < 1, (po - pe) / (1 - pe), np.nan)
    return {"precision": precision, "recall": recall, "f1": f1, "kappa": kappa, "accuracy": po}


def _multiclass_metrics(
    h: np.ndarray, p: np.ndarray, labels: Sequence[int] = TONE_LABELS, undefined: float = 0.0
) -> dict[str, np.ndarray]:
    """Macro precision/recall/F1 over ``labels``, kappa and accuracy; a class's undefined
    score is ``undefined`` (NaN in a bootstrap resample: the mean is then over the classes
    with a score)."""
    n = h.shape[-1]
    precision, recall, f1 = [], [], []
    pe = 0.0
    for label in labels:
        hl, pl = h == label, p == label
        tp = (hl & pl).sum(-1)
        fp = (~hl & pl).sum(-1)
        fn = (hl & ~pl).sum(-1)
        precision.append(_safe_div(tp, tp + fp, undefined))
        recall.append(_safe_div(tp, tp + fn, undefined))
        f1.append(_safe_div(2 * tp, 2 * tp + fp + fn, undefined))
        pe = pe + hl.sum(-1) * pl.sum(-1) / n**2
    po = (h == p).sum(-1) / n
    with np.errstate(divide="ignore", invalid="ignore"):
        kappa = np.where(pe < 1, (po - pe) / (1 - pe), np.nan)
    return {
        "precision": _mean_of_defined(precision),
        "recall": _mean_of_defined(recall),
        "f1": _mean_of_defined(f1),
        "kappa": kappa,
        "accuracy": po,
    }


def _mean_of_defined(values: Sequence[np.ndarray]) -> np.ndarray:
    """The mean over the classes (the first axis) of the scores that are not NaN; NaN where
    none is (numpy's warning for that case is what is meant, and silenced)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        return np.nanmean(np.asarray(values, dtype=float), axis=0)


def _with_ci(
    human: np.ndarray,
    machine: np.ndarray,
    metric_fn,
    n_boot: int,
    rng: np.random.Generator,
    ci: float,
) -> dict[str, float]:
    point = metric_fn(human, machine)
    out = {k: float(v) for k, v in point.items()}
    if len(human) and n_boot > 0:
        idx = rng.integers(0, len(human), size=(n_boot, len(human)))
        # a resample without an item to score a metric on leaves it out: counted as 0, a
        # tester's F1 of 1.00 on 40 items (3 coded 1) had "95% CI 0.00-1.00"
        reps = metric_fn(human[idx], machine[idx], undefined=np.nan)
        alpha = (1 - ci) / 2
        for m in METRICS:
            values = reps[m][np.isfinite(reps[m])]
            low, high = np.quantile(values, [alpha, 1 - alpha]) if values.size else (np.nan,) * 2
            out[f"{m}_ci_low"], out[f"{m}_ci_high"] = float(low), float(high)
    return out


def binary_agreement(
    human: Sequence[float] | np.ndarray,
    machine: Sequence[bool] | np.ndarray,
    *,
    n_boot: int = N_BOOT,
    seed: int = SEED,
    ci: float = 0.95,
) -> dict[str, float]:
    """Precision, recall, F1, Cohen's kappa (each with a CI), accuracy and the confusion counts
    of a machine's yes/no codes against a human's.

    Precision and recall have the Wilson score interval (:func:`wilson_interval`, over the
    machine's and the humans' positives); F1 and kappa a seeded percentile bootstrap over the
    items (see the module's docstring for why). ``ci_note`` names a zero-width bootstrap
    interval and an undefined precision, recall or F1 ("" when there is nothing to say).

    Items the human left blank (NaN) are dropped. Precision, recall and F1 are 0 when undefined
    (as scikit-learn's ``zero_division=0``; their interval is then NaN); kappa is NaN when
    chance agreement is 1.
    """
    h = np.asarray(human, dtype=float)
    keep = ~np.isnan(h)
    hb = h[keep] == 1
    pb = np.asarray(machine, dtype=bool)[keep]
    rng = np.random.default_rng([int(seed), len(hb)])
    out = _with_ci(hb, pb, _binary_metrics, n_boot, rng, ci)
    tp, fp = int((hb & pb).sum()), int((~hb & pb).sum())
    fn, tn = int((hb & ~pb).sum()), int((~hb & ~pb).sum())
    one_code = next(
        (
            f"the {who} codes every item {code}"
            for who, codes in (("machine", pb), ("humans' consensus", hb))
            for code in (1, 0)
            if codes.size > 1 and bool(codes.all() if code else not codes.any())
        ),
        "",
    )
    notes = _ci_notes(out, ("f1", "kappa"), one_code)
    for metric, trials, what in (
        ("precision", tp + fp, "no item coded 1 by the machine"),
        ("recall", tp + fn, "no item coded 1 by the humans"),
    ):
        if hb.size:
            out[f"{metric}_ci_low"], out[f"{metric}_ci_high"] = wilson_interval(tp, trials, ci)
        if hb.size and not trials:
            notes.insert(0, f"{metric} undefined ({what}), shown as 0")
    if hb.size and not (tp + fp + fn):
        # F1 is 0/0 too; the summary calls it undefined, the table's 0 is scikit-learn's
        notes.insert(2, "f1 undefined (no item coded 1 by either), shown as 0")
    out["ci_note"] = "; ".join(notes)
    out.update(n=int(hb.size), n_human_positive=int(hb.sum()), n_machine_positive=int(pb.sum()))
    out.update(tp=tp, fp=fp, fn=fn, tn=tn)
    return out


def tone_agreement(
    human: Sequence[float] | np.ndarray,
    machine: Sequence[int] | np.ndarray,
    *,
    n_boot: int = N_BOOT,
    seed: int = SEED,
    ci: float = 0.95,
) -> dict[str, float]:
    """Macro precision, recall and F1 over the classes of negative/neutral/positive that either
    coder used (the module docstring says why), Cohen's kappa (each with a bootstrap CI: a mean
    over classes is not one proportion, so no Wilson interval) and accuracy of machine tone
    classes (−1/0/1) against a human's; ``ci_note`` names a zero-width interval and a class
    neither coder used."""
    h = np.asarray(human, dtype=float)
    keep = ~np.isnan(h)
    hc = h[keep].astype(int)
    pc = np.asarray(machine, dtype=float)[keep].astype(int)
    rng = np.random.default_rng([int(seed), len(hc), 3])
    used = [label for label in TONE_LABELS if (hc == label).any() or (pc == label).any()]
    metrics = functools.partial(_multiclass_metrics, labels=used or TONE_LABELS)
    out = _with_ci(hc, pc, metrics, n_boot, rng, ci)
    notes = _ci_notes(out, METRICS)
    unused = [TONE_NAMES[label] for label in TONE_LABELS if label not in used]
    if hc.size and unused:
        notes.insert(0, f"macro averages over the classes coded; none {' or '.join(unused)}")
    out["ci_note"] = "; ".join(notes)
    out.update(n=int(hc.size), n_human_positive=int((hc != 0).sum()))
    out.update(n_machine_positive=int((pc != 0).sum()))
    return out


def machine_codes(
    texts: Sequence[str] | pd.Series,
    frame_keys: Sequence[str],
    *,
    codebook: object = None,
    model: object = None,
    tone: bool = True,
) -> dict[str, pd.DataFrame]:
    """The machine coders' codes for ``texts``: ``{"codebook": ..., "model": ...}``.

    The codebook's frames come from :func:`analysis.frame_matrix` (keys it lacks are absent)
    and its tone from VADER's compound at ±0.05; the model's from
    :meth:`analysis.validation.model.FrameModel.predict` (and ``predict_tone`` when trained
    with tone). Each table has one column per frame key and ``tone``, one row per text.
    """
    from analysis.framing.codebook import load_codebook
    from analysis.framing.frames import frame_matrix

    out: dict[str, pd.DataFrame] = {}
    book = load_codebook(codebook)
    keys = [k for k in frame_keys if k in book.keys]
    table = frame_matrix(list(texts), book)[keys]
    if tone:
        from analysis.sentiment.scoring import tone_class

        table["tone"] = tone_class(pd.Series(item_compounds(list(texts)), index=table.index))
    out["codebook"] = table
    if model is not None:
        predicted = model.predict(list(texts))
        keys = [k for k in frame_keys if k in predicted.columns]
        table = predicted[keys].copy()
        if tone and model.has_tone:
            table["tone"] = model.predict_tone(list(texts))
        out["model"] = table
    return out


# From this many sentences an item is an article (code-sample --unit article), scored as the
# pipeline scores an article's tone: the mean of its sentences' compounds
ARTICLE_SENTENCES = 3


def item_compounds(texts: Sequence[str]) -> np.ndarray:
    """VADER's compound of each coded item: of the item itself when it is a sentence (or two),
    the mean of its sentences' compounds when it has :data:`ARTICLE_SENTENCES` or more. Scored
    whole, an article's compound saturates (a financial analyst's 20 articles scored 0.65-0.99,
    every one positive, against mean sentence tones of -0.06 to +0.27), and kappa measured that
    rather than the tone the findings state."""
    from analysis.corpus.sentences import split_sentences
    from analysis.sentiment.scoring import score_sentences

    split = [split_sentences(str(text)) for text in texts]
    articles = [i for i, parts in enumerate(split) if len(parts) >= ARTICLE_SENTENCES]
    single = [i for i, parts in enumerate(split) if len(parts) < ARTICLE_SENTENCES]
    out = np.zeros(len(split), dtype=float)
    if single:  # each scored once: whole, or by its sentences
        whole = score_sentences([str(texts[i]) for i in single], "vader")["compound"]
        out[single] = whole.to_numpy(dtype=float)
    for i in articles:
        out[i] = float(score_sentences(split[i], "vader")["compound"].mean())
    return out


def agreement_table(
    gold: pd.DataFrame,
    predictions: Mapping[str, pd.DataFrame],
    *,
    n_boot: int = N_BOOT,
    seed: int = SEED,
    ci: float = 0.95,
    in_training: Mapping[str, np.ndarray] | None = None,
    one_coder: Mapping[str, np.ndarray] | None = None,
    same_article: Mapping[str, np.ndarray] | None = None,
) -> pd.DataFrame:
    """One row per machine coder and frame (and ``tone``): its agreement with the human codes.

    ``in_training`` maps a coder name to which rows of ``gold`` it was trained on
    (:func:`analysis.validation.model.in_training`); each row's ``n_in_training`` counts those
    among its items (0 for a coder not named), so an in-sample figure is never mistaken for a
    validation. ``one_coder`` maps a frame (or ``tone``) to which rows of ``gold`` have its
    code from one coder only, of several (:func:`analysis.validation.sheets.one_coder_items`);
    each row's ``n_one_coder`` counts those among its items (blank for a frame not named): a
    tester's second coder left 15 of 80 items uncoded, and "the coders' majority" on them was
    the first coder's code, said nowhere. ``same_article`` maps a coder name to which rows come
    from the articles of its training items without being one
    (:func:`analysis.validation.model.same_article_as_training`), counted in
    ``n_same_article_as_training`` as ``in_training`` is.

    ``gold`` holds the human codes, one column per frame key and ``tone`` (1/0/NaN; tone
    −1/0/1/NaN), e.g. :func:`analysis.validation.sheets.consensus`; ``predictions`` maps a coder
    name to a table of its codes with the same row order. Columns: :data:`AGREEMENT_COLUMNS`
    (frame key in ``frame``); rows with no human code for a frame are left out of its row, and
    a frame (or tone) no row has a human code for has no row.
    """
    rows = []
    for method, pred in predictions.items():
        if len(pred) != len(gold):
            raise ValueError(f"agreement_table: {method} has {len(pred)} rows, gold {len(gold)}")
        for column in pred.columns:
            if column not in gold.columns or not gold[column].notna().any():
                continue  # nothing to compare with: no human code for it
            rng_seed = int(group_rng(seed, f"{method}/{column}").integers(2**31))
            fn = tone_agreement if column == "tone" else binary_agreement
            result = fn(
                gold[column].to_numpy(),
                pred[column].to_numpy(),
                n_boot=n_boot,
                seed=rng_seed,
                ci=ci,
            )
            trained = (in_training or {}).get(method)
            coded = gold[column].notna().to_numpy()
            n_in = int(np.asarray(trained)[coded].sum()) if trained is not None else 0
            near = (same_article or {}).get(method)
            n_near = int(np.asarray(near)[coded].sum()) if near is not None else 0
            alone = (one_coder or {}).get(column)
            n_one = int(np.asarray(alone)[coded].sum()) if alone is not None else pd.NA
            rows.append(
                {
                    "method": method,
                    "frame": column,
                    **result,
                    "n_in_training": n_in,
                    "n_one_coder": n_one,
                    "n_same_article_as_training": n_near,
                }
            )
    table = pd.DataFrame(rows)
    return table.reindex(columns=AGREEMENT_COLUMNS)


def _percent_agreement(matrix: np.ndarray) -> tuple[int, float]:
    """Items with ≥ 2 codes, and the share of agreeing coder pairs over those items."""
    agree = pairs = items = 0
    for column in matrix.T:
        values = column[~np.isnan(column)]
        if values.size < 2:
            continue
        items += 1
        for a, b in combinations(values, 2):
            pairs += 1
            agree += int(a == b)
    return items, (agree / pairs if pairs else np.nan)


def intercoder_table(
    coded: pd.DataFrame,
    columns: Sequence[str],
    presence_only: Mapping[str, Sequence[str]] | None = None,
) -> pd.DataFrame:
    """Agreement between human coders, per frame (and ``tone``): Krippendorff's alpha (nominal,
    from the ``krippendorff`` package; NaN when undefined, e.g. every code the same) and pairwise
    percent agreement, over the items coded by at least two coders, and a ``note`` saying why an
    alpha is undefined and, for a column in ``presence_only`` (its coders who marked it only as
    present: :func:`analysis.validation.sheets.coder_presence_only`), what it rests on.

    ``coded`` is the stacked sheets (:func:`analysis.validation.sheets.read_sheets`): columns
    ``item, coder`` and the code columns. The package's "invalid value encountered" warning for an
    undefined alpha is silenced: the note says it in words (a tester's run printed the raw
    warning, and intercoder.csv left alpha blank beside a 100% agreement on 11 of 80 items).
    """
    import krippendorff

    coders = sorted(coded["coder"].unique())
    n_all = int(coded["item"].nunique()) if "item" in coded.columns else 0
    rows = []
    for column in columns:
        if column not in coded.columns:
            continue
        wide = coded.pivot(index="coder", columns="item", values=column).reindex(coders)
        matrix = wide.to_numpy(dtype=float)
        n_items, percent = _percent_agreement(matrix)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", RuntimeWarning)
                alpha = float(
                    krippendorff.alpha(reliability_data=matrix, level_of_measurement="nominal")
                )
        except (ValueError, ZeroDivisionError):
            alpha = np.nan
        notes = [_alpha_note(column, matrix, n_items, alpha)]
        marked = list((presence_only or {}).get(column, []))
        if marked and n_items:
            who = ", ".join(map(repr, marked))
            notes.append(
                f"coder{'s' if len(marked) > 1 else ''} {who} marked it only where present (1, "
                f"else blank), so only {n_items} of the {n_all} items are coded by two coders "
                "and the percent agreement is over those"
            )
        rows.append(
            {
                "frame": column,
                "n_items": n_items,
                "n_coders": int((~np.isnan(matrix)).any(axis=1).sum()),
                "krippendorff_alpha": alpha,
                "percent_agreement": percent,
                "note": "; ".join(n for n in notes if n),
            }
        )
    return pd.DataFrame(rows, columns=INTERCODER_COLUMNS)


def _alpha_note(column: str, matrix: np.ndarray, n_items: int, alpha: float) -> str:
    """Why the alpha of ``column`` (coders × items ``matrix``) is undefined, or "" when it is
    defined: no item coded by two coders, one value throughout the paired items (alpha measures
    agreement beyond chance, which needs codes that vary), or too few paired items."""
    if not np.isnan(alpha):
        return ""
    if n_items == 0:
        return "alpha undefined: no item coded by two or more coders"
    paired = matrix[:, (~np.isnan(matrix)).sum(axis=0) >= 2]
    values = np.unique(paired[~np.isnan(paired)])
    if values.size == 1:
        value = int(values[0])
        shown = (
            TONE_NAMES.get(value, str(value))
            if column == "tone"
            else f"{value} ({'present' if value == 1 else 'absent'})"
        )
        return (
            f"alpha undefined: one value throughout: every code of the {n_items} item"
            f"{'s' if n_items > 1 else ''} two coders coded is {shown}, and alpha (agreement "
            "beyond chance) needs codes that vary"
        )
    return f"alpha undefined: too few paired items ({n_items})"


def validation_sentence(
    agreement: pd.DataFrame | Path | str | None, method: str = "codebook"
) -> str:
    """One sentence for the summary: how well ``method`` agreed with human coding, or that the
    measures have not been validated (and how to do it).

    ``agreement`` is the table :func:`agreement_table` writes (or its path, or None).
    """
    if isinstance(agreement, str | Path):
        path = Path(agreement)
        agreement = pd.read_csv(path) if path.is_file() else None
    if agreement is None or agreement.empty or method not in set(agreement["method"]):
        return (
            "The frame and tone measures have not been validated against human coding: their "
            "shares count keywords and lexicon scores, not judgements. To validate, draw a sample "
            "with `python -m analysis code-sample`, code it, and run `python -m analysis validate`."
        )
    part = agreement[agreement["method"] == method]
    frames = part[part["frame"] != "tone"]
    sourcing = agreement[agreement["method"] == SOURCING_METHOD]
    bits = []
    if not frames.empty:
        n = int(frames["n"].max())
        lo, hi = frames["f1"].min(), frames["f1"].max()
        bits.append(
            f"the {method}'s frames reached macro-F1 {frames['f1'].mean():.2f} against {n} "
            f"human-coded items (per frame {lo:.2f}–{hi:.2f})"
        )
    tone = part[part["frame"] == "tone"]
    if not tone.empty:
        row = tone.iloc[0]
        bits.append(
            f"tone agreed with the human code on {row['accuracy']:.0%} of {int(row['n'])} items "
            f"(Cohen's kappa {row['kappa']:.2f})"
        )
    attributed = sourcing[sourcing["frame"] == "attributed"]
    if not attributed.empty:
        row = attributed.iloc[0]
        bits.append(
            f"the source lexicon's attributions reached F1 {row['f1']:.2f} against "
            f"{int(row['n'])} human-coded items"
        )
    return "Validated on a human-coded sample: " + "; ".join(bits) + "."


class AgreementError(ValueError):
    """An agreement table that cannot be used (missing, unreadable, lacking columns)."""


REQUIRED_AGREEMENT = (
    "method",
    "frame",
    "n",
    "f1",
    "f1_ci_low",
    "f1_ci_high",
    "tp",
    "fp",
    "fn",
    "tn",
)


def read_agreement(path: Path | str) -> pd.DataFrame:
    """The table ``python -m analysis validate`` writes (``agreement.csv``), checked: it must
    exist, be a CSV with the columns of :data:`REQUIRED_AGREEMENT` and at least one row; raises
    :class:`AgreementError` naming what is wrong."""
    path = Path(path)
    if not path.is_file():
        raise AgreementError(f"{path} is not a file")
    try:
        table = pd.read_csv(path)
    except (ValueError, UnicodeDecodeError, OSError) as err:
        raise AgreementError(f"{path} cannot be read as CSV: {err}") from None
    missing = [c for c in REQUIRED_AGREEMENT if c not in table.columns]
    if missing:
        raise AgreementError(f"{path} lacks the columns {missing}")
    if table.empty:
        raise AgreementError(f"{path} has no rows")
    return table


# The coder name, in agreement.csv, of a sheet's sourcing columns measured against the source
# lexicon (analysis.validation.sourcing_codes)
SOURCING_METHOD = "sources"


def stale_frames(
    agreement: pd.DataFrame, versions: Mapping[tuple[str, str], str]
) -> list[tuple[str, str]]:
    """The ``(method, frame)`` rows of ``agreement`` measured with another version of the
    coder than the run's: ``versions`` maps each of the run's ``(method, frame)`` to its
    version now (:func:`analysis.framing.codebook.frame_version`,
    :meth:`analysis.validation.model.FrameModel.version`). A row without a recorded version (a
    table of an earlier release) is not called stale: it cannot be checked."""
    if "coder_version" not in agreement.columns:
        return []
    out = []
    for row in agreement.itertuples(index=False):
        recorded = str(row.coder_version) if row.coder_version == row.coder_version else ""
        now = versions.get((str(row.method), str(row.frame)))
        if recorded and now is not None and recorded != now:
            out.append((str(row.method), str(row.frame)))
    return out


def current_agreement(
    agreement: pd.DataFrame, versions: Mapping[tuple[str, str], str]
) -> tuple[pd.DataFrame, list[str]]:
    """``agreement`` without the rows measured with another version of the coder than the
    run's (:func:`stale_frames`), and the frame keys left out (the sourcing rows' not among
    them: :func:`stale_sourcing` says whether they were). A tester added "school" to a
    frame after validating it: the summary quoted the old F1 0.21 and "corrected" the share of
    the new indicators with it."""
    stale = stale_frames(agreement, versions)
    if not stale:
        return agreement, []
    keys = list(zip(agreement["method"].astype(str), agreement["frame"].astype(str), strict=True))
    keep = [key not in set(stale) for key in keys]
    kept = agreement[keep].reset_index(drop=True)
    return kept, sorted({frame for method, frame in stale if method != SOURCING_METHOD})


def stale_sourcing(agreement: pd.DataFrame, versions: Mapping[tuple[str, str], str]) -> bool:
    """Whether the sourcing rows (coder ``"sources"``) of ``agreement`` were measured with
    another source lexicon than the run's (another SHA-256 in ``coder_version``;
    :func:`sourcing_versions`). A tester's summary said "Companies recall 0.10" from a sheet
    measured with an older lexicon; measured again with the run's, it was 0.80."""
    return any(method == SOURCING_METHOD for method, _ in stale_frames(agreement, versions))


def unversioned_coders(
    agreement: pd.DataFrame, versions: Mapping[tuple[str, str], str]
) -> list[str]:
    """The coders (``method``) of ``agreement`` with a row that records no ``coder_version``
    (a table of an earlier release) though the run's coder has one: whether they measured the
    run's coder cannot be checked."""
    column = agreement.get("coder_version", pd.Series([""] * len(agreement)))
    recorded = ["" if pd.isna(v) else str(v) for v in column]  # read back, blank is NaN
    out = set()
    for method, frame, version in zip(
        agreement["method"].astype(str), agreement["frame"].astype(str), recorded, strict=True
    ):
        if not version and (method, frame) in versions:
            out.add(method)
    return sorted(out)


def sourcing_versions(sources: Any) -> dict[tuple[str, str], str]:
    """The sourcing rows' ``(method, frame)`` (coder ``"sources"``: ``attributed`` and each
    ``source_<kind>``) with the version of the source lexicon ``sources`` (a
    :class:`~analysis.framing.sourcing.SourceLexicon` or its file; "" for the bundled one): the
    SHA-256 of its file, as the summary's lexicon table gives it."""
    from analysis.settings import file_sha256
    from analysis.validation.sourcing_codes import sourcing_columns, sourcing_lexicon

    lexicon = sourcing_lexicon(sources or None)
    digest = file_sha256(lexicon.path)
    return {(SOURCING_METHOD, column): digest for column in sourcing_columns(lexicon)}


def run_coder_versions(
    book: Any, model: Any = None, tone_model: Any = None, sources: Any = None
) -> dict[tuple[str, str], str]:
    """Each of a run's ``(method, frame)`` with its version: the codebook's frames
    (``("codebook", key)``), with a trained model its frames (``("model", key)``), the
    trained tone coder's (``("model", "tone")``): ``tone_model``, or ``model`` when it was
    trained with tone, and, when ``sources`` is given (a source lexicon or its file, "" for the
    bundled one; None: not versioned), the sourcing rows' (:func:`sourcing_versions`)."""
    from analysis.framing.codebook import frame_version

    versions = {("codebook", frame.key): frame_version(frame) for frame in book.frames}
    if model is not None:
        version = model.version()
        versions |= {("model", key): version for key in model.keys}
    tone = tone_model if tone_model is not None else model
    if tone is not None and tone.tone_version():
        versions[("model", "tone")] = tone.tone_version()
    if sources is not None:
        versions |= sourcing_versions(sources)
    return versions


def agreement_frames(agreement: pd.DataFrame) -> list[str]:
    """The frames an agreement table (:func:`read_agreement`) has rows for, tone and the
    sourcing rows (coder ``"sources"``) left out."""
    frames = agreement[agreement["method"] != SOURCING_METHOD]["frame"]
    return sorted({str(f) for f in frames} - {"tone"})


def sourcing_f1_lines(agreement: pd.DataFrame, labels: Mapping[str, str]) -> list[str]:
    """One Markdown bullet per sourcing column the table has a row for (coder ``"sources"``:
    ``attributed``, then each ``source_<kind>``), with its F1, 95% CI, n and the human-coded
    positives; ``labels`` maps a kind to its name. None when the table has no such row."""
    rows = agreement[agreement["method"] == SOURCING_METHOD]
    lines = []
    for r in rows.to_dict("records"):
        column = str(r["frame"])
        if column == "attributed":
            name = "Attributed (a verb of saying or a direct quotation)"
        else:
            kind = column.removeprefix("source_")
            name = f"Credits {labels.get(kind, kind)}"
        positives = int(r["tp"] + r["fn"])
        if positives == 0:
            lines.append(
                f"- {name}: no item of the {int(r['n'])} was coded 1 by the humans, so its "
                f"recall cannot be measured ({int(r['fp'])} coded 1 by the lexicon)."
            )
            continue
        flat = ""
        if r["f1_ci_low"] == r["f1_ci_high"]:
            flat = (
                " The interval has no width: the lexicon agrees on every item, so every "
                "resample does (perfect on these items, not certain elsewhere)."
                if r["f1_ci_low"] == 1.0
                else " The interval has no width: too few items to show the uncertainty, not "
                "certainty."
            )
        lines.append(
            f"- {name}: F1 {r['f1']:.2f} (95% CI {r['f1_ci_low']:.2f}–{r['f1_ci_high']:.2f}; "
            f"n = {int(r['n'])} human-coded items{one_coder_part(r)}, {positives} coded 1)"
            f"{_precision_recall(r)}.{flat}"
        )
    return lines


def _precision_recall(row: Mapping[str, Any]) -> str:
    """ "; precision 1.00 (95% CI 0.51–1.00, 4 coded 1 by the lexicon), recall 0.24 (95% CI
    0.10–0.47)" for a sourcing row that has them, each interval where the table has it, else
    "": the findings' notes on a kind's precision or recall point here (a tester's summary
    listed F1 only, and its notes quoted intervals found nowhere in it)."""

    def number(column: str) -> float:
        return float(pd.to_numeric(pd.Series([row.get(column)]), errors="coerce").iloc[0])

    parts = []
    flagged = number("n_machine_positive")
    for metric in ("precision", "recall"):
        value = number(metric)
        if value != value:
            continue
        if metric == "precision" and flagged == 0:  # written as 0, as scikit-learn does
            parts.append("precision undefined (the lexicon coded no item 1)")
            continue
        low, high = number(f"{metric}_ci_low"), number(f"{metric}_ci_high")
        inside = [f"95% CI {low:.2f}–{high:.2f}"] if low == low and high == high else []
        if metric == "precision" and flagged == flagged:
            inside.append(f"{int(flagged)} coded 1 by the lexicon")
        parts.append(f"{metric} {value:.2f}" + (f" ({', '.join(inside)})" if inside else ""))
    return f"; {', '.join(parts)}" if parts else ""


def zero_width_sentence(row: Mapping[str, Any], metric: str = "f1") -> str:
    """ " The F1 interval has no width (why)." for an agreement row whose ``metric`` interval is
    zero-width, the cause taken from its ``ci_note`` (:func:`_ci_notes`), else "": a tester's
    summary quoted "F1 1.00 (95% CI 1.00–1.00)" on one item with the frame and "F1 0.00 (95% CI
    0.00–0.00)", as if certain, while agreement.csv's ci_note said why they were not."""
    low, high = row.get(f"{metric}_ci_low", np.nan), row.get(f"{metric}_ci_high", np.nan)
    try:
        low, high = float(low), float(high)
    except (TypeError, ValueError):
        return ""
    if not (np.isfinite(low) and np.isfinite(high)) or high - low > 1e-12:
        return ""
    note = row.get("ci_note", "")
    note = note if isinstance(note, str) else ""
    found = re.search(rf"\b{metric} interval zero-width: [^(;]*\(([^)]*)\)", note)
    if found:
        cause = found.group(1)
    elif abs(low - 1.0) <= 1e-12:
        cause = "the coder agrees on every item, so every resample does: perfect on these items, "
        cause += "not certain elsewhere"
    else:
        cause = "too few items to show its uncertainty, not a certain value"
    name = {"f1": "F1", "kappa": "kappa"}.get(metric, metric)
    return f" The {name} interval has no width ({cause})."


def same_article_part(row: Mapping[str, Any]) -> str:
    """The summary's sentence for an agreement row some of whose items come from the articles
    of the trained coder's training items (``n_same_article_as_training``), else "": a
    tester's "held-out" figure rested on 22 of 28 such sentences, and read as held out."""
    near = row.get("n_same_article_as_training", 0)
    if near is None or pd.isna(near) or not int(near):
        return ""
    return (
        f" **{int(near)} of these {int(row['n'])} items come from articles whose other items "
        "trained the model**, which knows their names and wording: not a held-out figure."
    )


def one_coder_part(row: Mapping[str, Any]) -> str:
    """ ", 15 coded by one coder only" for an agreement row (:data:`AGREEMENT_COLUMNS`) some of
    whose items rest on one coder of several (``n_one_coder``), else "": a tester's summary
    gave "n = 80 human-coded items" where 15 were one coder's codes, the other's rows deleted."""
    n_one = row.get("n_one_coder", np.nan)
    if n_one is None or pd.isna(n_one) or not int(n_one):
        return ""
    return f", {int(n_one)} coded by one coder only"


def tone_agreement_lines(agreement: pd.DataFrame, method: str, tone_coder: bool) -> list[str]:
    """Markdown bullets on the agreement of the run's tone coders with the human tone codes,
    each with macro-F1, its CI, Cohen's kappa, accuracy and n: VADER's (the tone row of coder
    ``"codebook"``), on which the tone findings rest (``method`` ``vader-news`` is said to have
    been measured as VADER), and with ``tone_coder`` the trained coder's (coder ``"model"``),
    whose shares are stated apart. A row whose items trained the coder says so: in-sample, its
    agreement is optimistic. None for a table without tone rows.

    A tester's summary showed the frames' F1 only, and quoted clear tone differences measured
    by a coder that agreed with her coders at kappa 0.24; another's gave the trained coder's
    figure as the accuracy of the findings (VADER's) and quoted an in-sample 0.98 as it."""
    lines = []
    for coder in ("codebook", "model") if tone_coder else ("codebook",):
        rows = agreement[(agreement["method"] == coder) & (agreement["frame"] == "tone")]
        if rows.empty:
            continue
        r = rows.iloc[0]
        kappa = ""
        if r["kappa"] == r["kappa"]:
            kappa = f", Cohen's kappa {r['kappa']:.2f}".replace("-", "−")
            low, high = r.get("kappa_ci_low", np.nan), r.get("kappa_ci_high", np.nan)
            if low == low and high == high:  # a kappa near 0 is told from chance by its interval
                kappa += f" (95% CI {low:.2f} to {high:.2f})".replace("-", "−")
        figures = (
            f"macro-F1 {r['f1']:.2f} (95% CI {r['f1_ci_low']:.2f}–{r['f1_ci_high']:.2f}){kappa}, "
            f"accuracy {r['accuracy']:.0%}, n = {int(r['n'])} human-coded items"
            f"{one_coder_part(r)}"
        )
        flat = zero_width_sentence(r, "f1") + zero_width_sentence(r, "kappa")
        if coder == "codebook":
            news = (
                " (measured for VADER; this run's vader-news differs from it in its news terms "
                "only)"
                if method == "vader-news"
                else ""
            )
            lines.append(
                f"- Tone, VADER: {figures}{news}.{flat} The tone findings above rest on this "
                "coder: read their differences with this agreement in mind."
            )
            continue
        n_in = (
            int(r["n_in_training"])
            if "n_in_training" in r and r["n_in_training"] == r["n_in_training"]
            else 0
        )
        if n_in >= int(r["n"]):
            sample = (
                f" **In-sample: all {int(r['n'])} items trained the coder**, so this says "
                "nothing of its accuracy on other text; validate it on items it was not trained "
                "on (`code-sample --exclude TRAINING_SHEET`)."
            )
        elif n_in:
            sample = (
                f" **{n_in} of these {int(r['n'])} items trained the coder**, where it errs less "
                "than on other text: this figure is optimistic."
            )
        elif same_article_part(r):
            sample = same_article_part(r)
        else:
            sample = " None of these items trained it: a held-out figure."
        lines.append(
            f"- Tone, the trained tone coder (`-p tone_coder`; its shares are in the section on "
            f"it, not in the findings): {figures}.{flat}{sample}"
        )
    return lines


def worse_models(
    agreement: pd.DataFrame, methods: Mapping[str, str], stale: Sequence[str] = ()
) -> list[tuple[str, float, float]]:
    """``(frame, model's F1, codebook's F1)`` for each frame the trained model codes
    (``methods[frame] == "model"``) whose codebook row in ``agreement`` has the higher F1: a
    scholar's model, chosen by ``train`` on an optimistic cross-validated F1, did worse on her
    held-out items (0.47 against 0.67) and its inflated share led the findings unremarked.
    Frames in ``stale``, and rows without an F1 (no human 1), are left out."""
    found = []
    for key, method in methods.items():
        if method != "model" or key in stale:
            continue
        f1 = {}
        for coder in ("model", "codebook"):
            rows = agreement[(agreement["method"] == coder) & (agreement["frame"] == key)]
            if len(rows) and int(rows.iloc[0]["tp"] + rows.iloc[0]["fn"]) > 0:
                f1[coder] = float(rows.iloc[0]["f1"])
        if len(f1) == 2 and f1["codebook"] > f1["model"]:
            found.append((key, f1["model"], f1["codebook"]))
    return found


def frame_f1_lines(
    agreement: pd.DataFrame,
    methods: Mapping[str, str],
    labels: Mapping[str, str] | None = None,
    stale: Sequence[str] = (),
) -> list[str]:
    """One Markdown bullet per validated frame: the F1 of the coder that coded it (``methods``
    maps a frame key to ``"codebook"`` or ``"model"``) against the human codes, with its 95% CI,
    n and the human-coded positives; then one bullet naming the frames the table has no row
    for (with that coder), which are not validated, and one naming the ``stale`` frames, whose
    row measured another version of the coder (:func:`current_agreement`)."""
    labels = labels or {}
    lines, missing, changed = [], [], []
    model_missing = False
    better_codebook = {
        key: codebook_f1 for key, _, codebook_f1 in worse_models(agreement, methods, stale)
    }
    for key, method in methods.items():
        rows = agreement[(agreement["method"] == method) & (agreement["frame"] == key)]
        name = labels.get(key, key)
        coder = "the trained model" if method == "model" else "the codebook"
        if key in stale:
            changed.append(f"{name} ({coder})")
            continue
        if rows.empty:
            missing.append(f"{name} ({coder})")
            model_missing = model_missing or method == "model"
            continue
        r = rows.iloc[0]
        n_in = (
            int(r["n_in_training"])
            if "n_in_training" in r and r["n_in_training"] == r["n_in_training"]
            else 0
        )
        in_sample = (
            f" **In-sample: {n_in} of these {int(r['n'])} items trained the model**, so this F1 "
            "is optimistic; validate it on items it was not trained on."
            if n_in
            else ""
        )
        # precision: of the items the coder flags, the share the humans coded 1 (low: most of
        # a raw share is false positives); recall: of the humans' 1s, the share it flags
        split = (
            f"; precision {r['precision']:.2f}, recall {r['recall']:.2f}"
            if "precision" in r and "recall" in r and r["precision"] == r["precision"]
            else ""
        )
        worse = better_codebook.get(key)
        than = (
            f" On the same table's items the codebook's indicators scored F1 {worse:.2f}: "
            "**the codebook did better than the model that coded this frame**."
            if worse is not None
            else ""
        )
        if int(r["tp"] + r["fn"]) == 0:  # no human 1: an F1 of 0 would be a number of nothing
            lines.append(
                f"- {name} ({coder}): F1 undefined: none of the n = {int(r['n'])} human-coded "
                f"items{one_coder_part(r)} has the frame, so how much of it the coder finds is "
                "not measured; it "
                f"flags {int(r['fp'])} of them.{in_sample}{than}"
            )
            continue
        lines.append(
            f"- {name} ({coder}): F1 {r['f1']:.2f} (95% CI {r['f1_ci_low']:.2f}–"
            f"{r['f1_ci_high']:.2f}{split}; n = {int(r['n'])} human-coded items"
            f"{one_coder_part(r)}, {int(r['tp'] + r['fn'])} with the frame)."
            f"{zero_width_sentence(r)}{in_sample}{same_article_part(r)}{than}"
        )
    if missing:
        how = (
            " To measure the trained model, run `python -m analysis validate` with `--model` "
            "and the model given with `-p frame_coder`."
            if model_missing
            else ""
        )
        lines.append(f"- Not validated (no row in the agreement table): {', '.join(missing)}.{how}")
    if changed:
        lines.append(
            "- Not validated any more: " + ", ".join(changed) + ". The agreement table measured "
            "another version of the coder (the frame's indicators, or the model, changed since "
            "`validate` ran), so its figures say nothing about this run's codes: run `validate` "
            "again on the sheet with this run's codebook and model."
        )
    return lines
