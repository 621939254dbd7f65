"""Measure the codebook (and a trained model) against human-coded sheets.

Writes OUT/agreement.csv: per frame and tone, for each machine coder (the codebook with VADER
for tone, and --model if given) against the human consensus: n, precision, recall, F1 with
bootstrap CIs, Cohen's kappa, accuracy and the confusion counts. With two or more coders
(several --sheet files or a `coder` column) also OUT/intercoder.csv: per frame Krippendorff's
alpha (nominal) and percent agreement. Only `sentence` (or `text`) and the code columns are
required in a sheet: 1/0 per frame (blank = not coded), tone negative/neutral/positive or -1/0/1.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from analysis.config import N_BOOT, SEED
from analysis.user_warnings import warn_user


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``python -m analysis validate``."""
    parser.add_argument(
        "--sheet",
        type=Path,
        action="append",
        required=True,
        help="coded sheet, CSV or a workbook: .xlsx, .xls, .ods (repeatable)",
    )
    parser.add_argument("--codebook", type=Path, default=None, help="codebook (default bundled)")
    parser.add_argument("--model", type=Path, default=None, help="trained model folder")
    parser.add_argument("--out", type=Path, required=True, help="folder for the tables")
    parser.add_argument(
        "--force",
        action="store_true",
        help="replace agreement.csv/intercoder.csv in --out that this command did not write "
        "or that changed since (unchanged earlier ones are replaced without it)",
    )
    parser.add_argument("--n-boot", type=int, default=N_BOOT)
    parser.add_argument("--seed", type=int, default=SEED)


def main(args: argparse.Namespace) -> int:
    """Write agreement.csv (and intercoder.csv); exit code 2 on a sheet that cannot be used."""
    from analysis.framing.codebook import CodebookError, load_codebook
    from analysis.io import write_table
    from analysis.validation.agreement import agreement_table, intercoder_table, machine_codes
    from analysis.validation.model import ModelError, load_frame_model
    from analysis.validation.sheets import (
        SheetError,
        consensus,
        presence_only_warning,
        read_sheets,
        uncoded_columns,
    )
    from analysis.written import kept_from_replacing, record_written, refused

    if refused(
        [args.out / "agreement.csv", args.out / "intercoder.csv"], getattr(args, "force", False)
    ):
        return 2
    try:
        book = load_codebook(args.codebook)
        model = load_frame_model(args.model) if args.model else None
        keys = list(dict.fromkeys([*book.keys, *(model.keys if model else [])]))
        coded = read_sheets(args.sheet, keys)
    except (SheetError, CodebookError, ModelError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    columns = [c for c in [*keys, "tone"] if c in coded.columns]
    gold = consensus(coded, columns)
    uncoded = uncoded_columns(gold, columns)
    columns = [c for c in columns if c not in uncoded]
    if (presence_only := presence_only_warning(gold, columns)) is not None:
        warn_user(presence_only)
    predictions = machine_codes(
        gold["text"], columns, codebook=book, model=model, tone="tone" in columns
    )
    trained = {}
    if model is not None:
        from analysis.validation.model import in_training

        trained["model"] = in_training(model, gold["text"])
        if trained["model"].any():
            warn_user(
                f"{int(trained['model'].sum())} of the {len(gold)} items of the sheet trained the "
                f"model {args.model}: its agreement on them is in-sample and optimistic (recorded "
                "as n_in_training in agreement.csv, and said in the summary). Validate it on a "
                "sheet it was not trained on (code-sample with another --seed)."
            )
    table = agreement_table(
        gold, predictions, n_boot=args.n_boot, seed=args.seed, in_training=trained
    )
    args.out.mkdir(parents=True, exist_ok=True)
    write_table(table, args.out / "agreement.csv")
    record_written([args.out / "agreement.csv"])
    print(f"wrote {args.out / 'agreement.csv'} ({len(gold)} items)")
    intercoder = args.out / "intercoder.csv"
    if coded["coder"].nunique() >= 2:
        write_table(intercoder_table(coded, columns), intercoder)
        record_written([intercoder])
        print(f"wrote {intercoder} ({coded['coder'].nunique()} coders)")
    elif intercoder.is_file() and not kept_from_replacing([intercoder]):
        intercoder.unlink()  # an earlier run's, unchanged: it would not match agreement.csv
        print(f"removed {intercoder}: written for earlier sheets with several coders")
    if uncoded:
        print(f"not coded in the sheet, so not measured: {', '.join(uncoded)}")
    shown_columns = ["method", "frame", "n", "precision", "recall", "f1", "kappa"]
    if table["n_in_training"].gt(0).any():
        shown_columns.append("n_in_training")
    shown = table[shown_columns]
    print(shown.to_string(index=False, float_format=lambda v: f"{v:.2f}"))
    return 0
