"""Train a frame (and tone) coder from a human-coded sheet.

One logistic regression per frame on TF-IDF word and character n-grams, regularisation chosen by
cross-validation; saved to --out as model.json + weights.npz (no pickle: loading a model folder
cannot run code). The cross-validated F1 per frame is printed and saved with the SHA-256 of the
sheet. With --codebook, a frame whose cross-validated F1 is below the codebook's on the same
coded items is left out of the model (a run codes it with the codebook), as tone is when below
VADER. Use it with `python -m analysis validate --model DIR` and
`analysis.validation.load_frame_model(DIR)`, and in a run with `-p frame_coder DIR` and
(trained with a tone column) `-p tone_coder DIR`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from analysis.commands.options import int_at_least, out_folder
from analysis.config import SEED
from analysis.user_warnings import warn_user

if TYPE_CHECKING:
    import pandas as pd

    from analysis.framing.codebook import Codebook


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``python -m analysis train``."""
    parser.add_argument(
        "--sheet",
        type=Path,
        action="append",
        required=True,
        help="coded sheet, CSV or a workbook (.xlsx, .xls, .ods); repeatable: one per coder",
    )
    parser.add_argument("--out", type=out_folder, required=True, help="model folder to write")
    parser.add_argument(
        "--force",
        action="store_true",
        help="write over model.json/weights.npz in --out that this command did not write or "
        "that changed since, keeping each as NAME.yours.EXT (an unchanged earlier model is "
        "replaced without it)",
    )
    parser.add_argument(
        "--codebook",
        type=Path,
        default=None,
        help="codebook naming the frames to train (default: every code column of the sheet)",
    )
    parser.add_argument(
        "--folds",
        type=int_at_least(2),
        default=5,
        help="cross-validation folds that choose C and each frame's threshold (default 5)",
    )
    parser.add_argument(
        "--seed",
        type=int_at_least(0),
        default=SEED,
        help=f"seed of the folds: same seed, same model (default {SEED})",
    )


def main(args: argparse.Namespace) -> int:
    """Train and save; exit code 2 on a sheet that cannot be used."""
    import hashlib

    from analysis.framing.codebook import CodebookError, load_codebook
    from analysis.validation.model import ModelError, train_frame_model
    from analysis.validation.sheets import (
        SHEET_OWN_COLUMNS,
        SheetError,
        coded_consensus,
        polar_only_tone_warning,
        presence_only_warning,
        read_sheets,
    )
    from analysis.validation.sourcing_codes import is_sourcing_column
    from analysis.written import record_written, refused, set_aside

    if refused([args.out / "model.json", args.out / "weights.npz"], getattr(args, "force", False)):
        return 2
    try:
        keys = load_codebook(args.codebook).keys if args.codebook else None
        coded = read_sheets(args.sheet, keys)
        columns = [c for c in coded.columns if c not in SHEET_OWN_COLUMNS]
        if keys is None:  # a sheet's sourcing columns (code-sample --sourcing) are not frames
            sourcing = [c for c in columns if is_sourcing_column(c)]
            if sourcing:
                print(f"sourcing columns, not frames, so not trained: {', '.join(sourcing)}")
            columns = [c for c in columns if c not in sourcing]
        gold, columns, uncoded = coded_consensus(coded, columns, args.sheet)
        if (presence_only := presence_only_warning(gold, columns)) is not None:
            warn_user(presence_only)
        if "tone" in columns and (polar_only := polar_only_tone_warning(gold)) is not None:
            warn_user(polar_only)
        no_column = [f"{k} (no column)" for k in keys or [] if k not in coded.columns]
        if uncoded or no_column:
            print(f"not coded in the sheet, so not trained: {', '.join(uncoded + no_column)}")
        frames = [c for c in columns if c != "tone"]
        digest = hashlib.sha256(b"".join(Path(p).read_bytes() for p in args.sheet)).hexdigest()
        book = load_codebook(args.codebook) if args.codebook else None
        model = train_frame_model(
            gold["text"],
            gold[frames],
            tone=gold["tone"] if "tone" in columns else None,
            folds=args.folds,
            seed=args.seed,
            sheet_sha256=digest,
            codebook_f1=codebook_f1(gold, frames, book) if book is not None else None,
            training_articles=gold["doc_id"] if "doc_id" in gold.columns else (),
        )
    except (SheetError, CodebookError, ModelError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    for line in set_aside([args.out / "model.json", args.out / "weights.npz"]):
        print(line, file=sys.stderr)  # a --force write: the user's file kept beside it
    model.save(args.out)
    record_written([args.out / "model.json", args.out / "weights.npz"])
    print(model.metrics.to_string(index=False, float_format=lambda v: f"{v:.3f}"))
    print(
        "cv_f1: F1 of the out-of-fold decisions at the chosen C and each frame's tuned threshold "
        "(optimistic: C and threshold were chosen on the same folds); tone: mean over folds"
    )
    dropped = model.metrics.loc[~model.metrics["kept"].astype(bool), "frame"].tolist()
    if "tone" in dropped:
        row = model.metrics[model.metrics["frame"] == "tone"].iloc[0]
        warn_user(
            f"tone not kept in the model: its cross-validated macro-F1 {row['cv_f1']:.2f} is "
            f"below VADER's {row['baseline_f1']:.2f} on the same coded items, so a run "
            "scores tone with VADER (-p tone_coder refuses this model). Code more items, then "
            "train again."
        )
        dropped = [frame for frame in dropped if frame != "tone"]
    metrics = model.metrics.set_index("frame")
    beaten = [f for f in dropped if metrics.loc[f, "cv_f1"] < metrics.loc[f, "baseline_f1"]]
    if beaten:
        said = ", ".join(
            f"{f} ({metrics.loc[f, 'cv_f1']:.2f} against {metrics.loc[f, 'baseline_f1']:.2f})"
            for f in beaten
        )
        warn_user(
            f"not kept in the model: {said}: its cross-validated F1 is below the codebook's on "
            "the same coded items, so a run with this model codes these frames with the "
            "codebook, the better coder here"
        )
        dropped = [frame for frame in dropped if frame not in beaten]
    if dropped:
        warn_user(
            f"not kept in the model: {', '.join(dropped)}: its cross-validated F1 is no better "
            "than marking every item with the frame (too few items coded 1 for the classifier "
            "to learn from); a run with this model leaves these frames to the codebook. Code "
            "more items that have them, then train again."
        )
    print(f"wrote {args.out}")
    return 0


def codebook_f1(gold: pd.DataFrame, frames: list[str], book: Codebook) -> dict[str, float]:
    """The codebook's F1 against the human codes of ``gold`` for each of ``frames`` it has, on
    the items coded for the frame (as ``validate`` measures it: the agreement module's codes
    and F1): what a trained frame coder must beat to be kept."""
    from analysis.validation.agreement import binary_agreement, machine_codes

    keys = [f for f in frames if f in book.keys]
    if not keys:
        return {}
    codes = machine_codes(gold["text"].fillna("").astype(str), keys, codebook=book, tone=False)
    return {
        key: float(binary_agreement(gold[key], codes["codebook"][key], n_boot=0)["f1"])
        for key in keys
    }
