"""The summary's words on the trained tone coder (``-p tone_coder``).

With a tone coder the sentiment notebook writes ``coder_tone.csv``
(:func:`analysis.sentiment.coder.coder_tone_table`); the summary then states, per group, the
shares of sentences the trained coder codes negative, neutral and positive next to the lexicon's,
each with its interval and sample size, names the coder (its folder, the SHA-256 of the sheet it
was trained on) and gives its cross-validated macro-F1, pointing to its agreement on a coded
sample of these articles when the run's agreement table (``-p validation``) has it, and adds a
limitation saying what those figures do and do not cover. Without a tone coder nothing is added, so
the summary of a run without one is what it always was.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from analysis.config import N_BOOT, SEED
from analysis.io import read_table
from analysis.report.headings import TONE_CODER, TRUST_CODERS, quoted
from analysis.report.html import escape_code, escape_text
from analysis.report.wording import articles, ci, pct
from analysis.sentiment.coder import (
    AGREEMENT,
    CODER_TONE_SENTENCES,
    CODER_TONE_TABLE,
    PARAMETER,
    SHARE_MEASURES,
    TRAINED,
    ToneCoderInfo,
    load_tone_coder,
    tone_coder_info,
)

HEADING = f"### {TONE_CODER}"
# Below this cross-validated macro-F1 the summary says the coder is close to guessing: a coder
# that guesses scores about 1/3 on three balanced classes.
LOW_F1 = 0.5
_WORDS = {"share_negative": "negative", "share_neutral": "neutral", "share_positive": "positive"}


TRUST = quoted(TRUST_CODERS)


def _f1_words(info: ToneCoderInfo, checked: str = "") -> str:
    """The coder's cross-validated F1 in words; ``checked`` ("held out", "in-sample" or ""):
    what the run's agreement table measured of it on a coded sample of these articles."""
    if checked == "held out":
        return (
            _cv_words(info)
            + f"; its agreement with human coding of a sample of these articles, on items it "
            f"was not trained on, is under {TRUST}"
        )
    if checked == "in-sample":
        return (
            _cv_words(info)
            + f"; the agreement under {TRUST} was measured on items it was trained on, so it "
            "does not measure its accuracy on these articles either"
        )
    if info.cv_f1 != info.cv_f1:  # NaN: no tone row in the model's metrics
        return "no cross-validated F1 was saved with it, so its accuracy is not measured"
    return _cv_words(info) + ", its only measured accuracy" + _low(info)


def _low(info: ToneCoderInfo) -> str:
    return (
        ", close to what guessing gives (about 0.33 on three balanced classes): its shares say "
        "little"
        if info.cv_f1 == info.cv_f1 and info.cv_f1 < LOW_F1
        else ""
    )


def _cv_words(info: ToneCoderInfo) -> str:
    if info.cv_f1 != info.cv_f1:
        return "no cross-validated F1 was saved with it"
    folds = f" over {info.folds} folds" if info.folds else ""
    coded = f" on the {info.n_coded} sentences coded for tone" if info.n_coded else ""
    return (
        f"its cross-validated macro-F1 over the three classes is {info.cv_f1:.2f}{folds}{coded} "
        "(optimistic: its regularisation was chosen on the same folds)"
    )


def _coder_words(info: ToneCoderInfo) -> str:
    sheet = (
        f" (training sheet SHA-256 `{escape_code(info.sheet_sha256[:16])}…`)"
        if info.sheet_sha256
        else ""
    )
    return (
        f"the trained model `{escape_code(info.name)}` (`-p {PARAMETER}`), a classifier trained "
        f"with `python -m analysis train` on a human-coded sheet{sheet}"
    )


def _shares(rows: Any) -> str:
    parts = []
    for measure in SHARE_MEASURES:
        row = rows.get(measure)
        if row is None:
            continue
        parts.append(
            f"{_WORDS[measure]} {pct(row['estimate'])} "
            f"({ci(row['ci_low'], row['ci_high'], 'percent')})"
        )
    return ", ".join(parts)


def _group_lines(table: Any, group_col: str, method: str) -> list[str]:
    """One bullet per group: the trained coder's shares, the lexicon's, and their agreement."""
    lines = []
    for group, part in table.groupby(group_col, sort=True):
        by = {(str(r["coder"]), str(r["measure"])): r for r in part.to_dict(orient="records")}
        trained = {m: by.get((TRAINED, m)) for m in SHARE_MEASURES}
        lexicon = {m: by.get((method, m)) for m in SHARE_MEASURES}
        first = next((r for r in trained.values() if r is not None), None)
        if first is None:
            continue
        size = f"{articles(int(first['n_docs']))}, {int(first['n_sentences'])} sentences"
        text = f"- {escape_text(str(group))} ({size}): trained coder {_shares(trained)}"
        if any(r is not None for r in lexicon.values()):
            text += f"; {escape_text(method)} {_shares(lexicon)}"
        agree = by.get((TRAINED, AGREEMENT))
        if agree is not None:
            text += (
                f"; the two give the same class to {pct(agree['estimate'])} of the sentences "
                f"({ci(agree['ci_low'], agree['ci_high'], 'percent')})"
            )
        lines.append(text + ".")
    return lines


def tone_coder_lines(
    tables_dir: Path | str,
    params: Mapping[str, Any],
    group_col: str = "outlet",
    tables_shown: str = "reports/tables",
    checked: str = "",
) -> tuple[list[str], list[str]]:
    """(the summary's section on the trained tone coder, its limitation bullets); both empty
    when the run had no ``tone_coder``. ``checked``: "held out" or "in-sample" when the run's
    agreement table (``-p validation``) has a tone row for this coder, measured on items it was
    not, or was, trained on; a tester's summary said its error on these articles was unknown
    under the held-out agreement it had just given.

    The shares come from ``coder_tone.csv`` in ``tables_dir``; the coder's name, training sheet
    and cross-validated F1 from the model folder named by the parameter. A model that no longer
    loads, or a missing table, is said in words rather than raised: the summary is written last
    and must not fail on a file that moved.
    """
    folder = params.get(PARAMETER)
    if not folder:
        return [], []
    from analysis.validation.model import ModelError

    problem = ""
    try:
        model = load_tone_coder(str(folder))  # once, for its details and its training items
        info: ToneCoderInfo | None = tone_coder_info(str(folder), model)
    except (ModelError, OSError, KeyError) as err:
        info = None
        problem = str(err)
    method = str(params.get("method") or "vader")
    n_boot = params.get("n_boot", N_BOOT)
    seed = params.get("seed", SEED)
    lines = [HEADING, ""]
    if info is None:
        unread = f"The tone coder (`-p {PARAMETER}`) could not be read: {escape_text(problem)}"
        lines += [unread, ""]
        name = Path(str(folder)).name
    else:
        lines += [
            f"Sentences were also coded for tone by {_coder_words(info)}; "
            f"{_f1_words(info, checked)}.{_training_overlap(tables_dir, model)} "
            f"Below, per {group_col}, the share of sentences it codes negative, neutral and "
            f"positive, next to the lexicon's (`{escape_text(method)}`: compound ≤ −0.05 "
            f"negative, ≥ +0.05 positive), each with a 95% interval from the hierarchical "
            f"bootstrap ({n_boot} replicates, seed {seed}):",
            "",
        ]
        name = info.name
    path = Path(tables_dir) / CODER_TONE_TABLE
    if not path.is_file():
        lines += [f"No `{CODER_TONE_TABLE}` was written: the tone notebook did not finish.", ""]
    else:
        table = read_table(path)
        col = group_col if group_col in table.columns else table.columns[0]
        lines += [
            *_group_lines(table, col, method),
            "",
            f"The shares are in `{escape_code(tables_shown)}/{CODER_TONE_TABLE}`, each "
            f"sentence's two codes in `{escape_code(tables_shown)}/{CODER_TONE_SENTENCES}` "
            "(join with `sentences.csv` on `doc_id, "
            "sentence_id`).",
            "",
        ]
    f1 = "" if info is None or info.cv_f1 != info.cv_f1 else f" ({info.cv_f1:.2f})"
    start = (
        f"- **The trained tone coder.** The trained coder's tone (`{escape_code(name)}`) comes "
        f"from a classifier trained on the user's coded sheet; its cross-validated F1{f1} "
        "measures it on text like that sheet, and is optimistic."
    )
    if checked == "held out":
        rest = (
            f" Its agreement on a coded sample of these articles (under {TRUST}) is the measure "
            "of its shares here, with that sample's error: a few hundred items measure it "
            "roughly."
        )
    else:
        rest = (
            " Its error on other text, these articles included, is unknown"
            + (" (the agreement table's row for it is in-sample)" if checked else "")
            + ": a coder trained on another topic, outlet mix or period may code these "
            "sentences badly. Measure it on a coded sample of these articles it was not "
            "trained on with `python -m analysis validate --model DIR` before citing its shares."
        )
    return lines, [start + rest]


def _training_overlap(tables_dir: Path | str, model: Any) -> str:
    """A sentence naming how many of the run's sentences were among the tone coder's training
    items (:func:`analysis.validation.model.run_sentences_in_training`), or "": it codes those
    as its coders did. A tester's run coded 1,501 of its 2,052 sentences so (92% agreement with
    her coder on them, 61% on others) without a word."""
    from analysis.validation.model import run_sentences_in_training

    n_in, n = run_sentences_in_training(tables_dir, model)
    if not n_in:
        return ""
    return (
        f" {n_in:,} of the run's {n:,} sentences were among its training items: it "
        "codes them close to how its coders did (in-sample), so the shares below partly "
        "repeat the human codes rather than measure."
    )
