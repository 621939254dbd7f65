"""Measure the codebook (and a trained model) against human-coded sheets.

Writes OUT/agreement.csv: per frame and tone, for each machine coder (the codebook with VADER
for tone, and --model if given) against the human consensus: n, precision and recall with
Wilson score intervals, F1 and Cohen's kappa with bootstrap intervals (a zero-width one named in
ci_note), accuracy and the confusion counts. With two or more coders
(several --sheet files or a `coder` column) also OUT/intercoder.csv: per frame Krippendorff's
alpha (nominal) and percent agreement. Only `sentence` (or `text`) and the code columns are
required in a sheet: 1/0 per frame (blank = not coded), tone negative/neutral/positive or -1/0/1.
A sheet drawn with `code-sample --sourcing` also has `attributed` and `source_<kind>` columns,
measured against the source lexicon as the coder `sources`
(:mod:`analysis.validation.sourcing_codes`). The codebook and source lexicon are those of the
`--corpus` folder's analysis.toml, as code-sample used them, unless given.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from analysis.commands.options import int_at_least, out_folder
from analysis.config import MIN_N_BOOT, N_BOOT, SEED
from analysis.user_warnings import warn_user


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``python -m analysis validate``."""
    parser.add_argument(
        "--sheet",
        type=Path,
        action="append",
        required=True,
        help="coded sheet, CSV or a workbook: .xlsx, .xls, .ods (repeatable: one per coder)",
    )
    parser.add_argument(
        "--corpus",
        type=Path,
        default=None,
        help="corpus folder the sheet was drawn from (code-sample --corpus): its analysis.toml "
        "names the codebook and source lexicon to measure (default: none, the package's)",
    )
    parser.add_argument(
        "--codebook",
        type=Path,
        default=None,
        help="codebook (default: the --corpus folder's analysis.toml's, else the package's)",
    )
    parser.add_argument("--model", type=Path, default=None, help="trained model folder")
    parser.add_argument(
        "--sources",
        type=Path,
        default=None,
        help="source lexicon whose kinds a sheet's source_ columns name (code-sample "
        "--sourcing; default: the --corpus folder's analysis.toml's, else the package's): "
        "measured as the coder 'sources'",
    )
    parser.add_argument("--out", type=out_folder, required=True, help="folder for the tables")
    parser.add_argument(
        "--force",
        action="store_true",
        help="write over agreement.csv/intercoder.csv in --out that this command did not "
        "write or that changed since, keeping each as NAME.yours.EXT (unchanged earlier ones "
        "are replaced without it)",
    )
    parser.add_argument(
        "--n-boot",
        type=int_at_least(MIN_N_BOOT),
        default=N_BOOT,
        help=f"bootstrap replicates for each 95%% interval (default {N_BOOT}, at least "
        f"{MIN_N_BOOT})",
    )
    parser.add_argument(
        "--seed",
        type=int_at_least(0),
        default=SEED,
        help=f"seed of the bootstrap: same seed, same intervals (default {SEED})",
    )


def sheet_lexicons(args: argparse.Namespace) -> tuple[Path | None, Path | None]:
    """The codebook and source lexicon to measure a sheet with: ``--codebook`` and
    ``--sources`` when given, else those the ``--corpus`` folder's ``analysis.toml`` names (as
    ``code-sample`` drew the sheet with them), else None (the package's own). Raises
    :class:`~analysis.validation.SheetError` for a ``--corpus`` or ``--sources`` that does not
    exist, :class:`~analysis.settings.SettingsError` for an unusable ``analysis.toml``."""
    from analysis.settings import resolve_lexicons
    from analysis.validation.sheets import SheetError

    corpus, sources = args.corpus, args.sources
    if corpus is not None and not corpus.exists():
        raise SheetError(f"--corpus {corpus}: no such folder or file")
    if sources is not None and not sources.is_file():
        raise SheetError(f"--sources {sources}: file not found")
    folder = corpus if corpus is not None and corpus.is_dir() else None  # a file has no settings
    lexicons = resolve_lexicons(folder, codebook=args.codebook, sources=sources)
    return lexicons.codebook, lexicons.sources


def main(args: argparse.Namespace) -> int:
    """Write agreement.csv (and intercoder.csv); exit code 2 on a sheet that cannot be used."""
    from analysis.framing.codebook import CodebookError
    from analysis.lexicon import LexiconError
    from analysis.settings import SettingsError
    from analysis.validation.model import ModelError
    from analysis.validation.sheet_agreement import (
        agreement_paths,
        measure_sheets,
        write_agreement_tables,
    )
    from analysis.validation.sheets import SheetError
    from analysis.written import refused

    force = getattr(args, "force", False)
    if refused(agreement_paths(args.out), force):  # before the sheets are read and measured
        return 2
    try:
        codebook, sources = sheet_lexicons(args)
        measured = measure_sheets(
            args.sheet,
            codebook,
            args.model,
            n_boot=args.n_boot,
            seed=args.seed,
            sources=sources,
        )
    except (SheetError, CodebookError, ModelError, LexiconError, SettingsError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    for message in measured.warnings:
        warn_user(message)
    table = measured.agreement
    blank = [c for c in measured.uncoded if c != "tone"]  # a frame's column, left uncoded
    if codebook is None and not (table["frame"] != "tone").any() and not blank:
        # the package's codebook read, and none of its frames is a column of the sheet (a
        # sheet coded for tone only, with its frame columns left blank, has them: a tester was
        # sent looking for a codebook problem that did not exist)
        warn_user(
            "no frame of the package's codebook is a column of the sheet, so no frame was "
            "measured; if the sheet was drawn with a codebook of your own (its guide names "
            "it), give validate the same one: --codebook FILE"
        )
    for line in write_agreement_tables(measured, args.out, force=force):
        print(line)
    shown_columns = ["method", "frame", "n", "precision", "recall", "f1", "kappa"]
    if table["n_in_training"].gt(0).any():
        shown_columns.append("n_in_training")
    if table["n_same_article_as_training"].gt(0).any():
        shown_columns.append("n_same_article_as_training")
    shown = table[shown_columns]
    print(shown.to_string(index=False, float_format=lambda v: f"{v:.2f}"))
    for row in table[table["ci_note"].fillna("") != ""].itertuples(index=False):
        print(f"note: {row.method} {row.frame}: {row.ci_note}")
    # blank cells leave their items out of a code's figures: said, not only seen in n (a
    # tester's 4 blank tone cells took n from 150 to 146 without a word); a tie and a blank
    # are told apart (a tester's 15 uncoded rows read as "left blank or tied")
    for frame, (tied, blank) in measured.left_out.items():
        if not tied and not blank:
            continue
        n = measured.items - tied - blank
        by = " by every coder" if measured.coders > 1 else ""
        why = [f"{blank} left blank (not coded){by}"] if blank else []
        why += [f"{tied} tied between coders (no majority code)"] if tied else []
        verb = "is" if tied + blank == 1 else "are"
        print(
            f"note: {frame}: measured on {n} of the {measured.items} items; "
            f"{' and '.join(why)} {verb} left out"
        )
    # items one coder alone coded, grouped by count: one line for a sheet short of rows
    import pandas as pd

    alone: dict[int, list[str]] = {}
    for frame, n_one in table.groupby("frame", sort=False)["n_one_coder"].max().items():
        if not pd.isna(n_one) and int(n_one):
            alone.setdefault(int(n_one), []).append(str(frame))
    for n_one, frames in alone.items():
        print(
            f"note: {n_one} item{'s' if n_one > 1 else ''} coded by one coder only (the "
            f"consensus there is that coder's code): {', '.join(frames)}"
        )
    return 0
