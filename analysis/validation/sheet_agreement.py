"""Coded sheets to agreement tables, the same for ``python -m analysis validate`` and notebook 05.

Both read the sheets, take the human consensus, leave out a code column no coder filled, code the
same items by machine (the codebook with VADER for tone, and a trained model if given) and
measure them against the consensus (:func:`measure_sheets`); both then write ``agreement.csv``
and, with two or more coders, ``intercoder.csv``, never over a file this package did not write
(:func:`write_agreement_tables`). One function for both, so that the notebook cannot measure a
sheet differently from the command (it once measured uncoded columns and did not warn about a
model's own training items).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from analysis.framing.codebook import Codebook, load_codebook
from analysis.io import write_table
from analysis.name_lists import comma_list, list_in_text
from analysis.validation.agreement import (
    agreement_table,
    intercoder_table,
    machine_codes,
    run_coder_versions,
)
from analysis.validation.model import (
    FrameModel,
    in_training,
    load_frame_model,
    same_article_as_training,
)
from analysis.validation.sheets import (
    coded_consensus,
    coder_checks_warnings,
    coder_presence_only,
    missing_items_warnings,
    one_coder_items,
    polar_only_tone_warning,
    presence_only_warning,
    read_sheets,
    tied_and_blank,
    ties_warning,
)
from analysis.validation.sourcing_codes import (
    SOURCING_METHOD,
    machine_sourcing_codes,
    sourcing_columns,
    sourcing_lexicon,
)
from analysis.validation.tone_by_group import TONE_BY_GROUP_FILE, tone_by_group
from analysis.written import kept_from_replacing, record_written, refusal, set_aside

AGREEMENT_FILE = "agreement.csv"
INTERCODER_FILE = "intercoder.csv"


@dataclass(frozen=True)
class SheetAgreement:
    """What :func:`measure_sheets` found: the tables, and what a user must be told."""

    agreement: pd.DataFrame
    intercoder: pd.DataFrame | None  # None with fewer than two coders
    items: int
    coders: int
    uncoded: list[str] = field(default_factory=list)  # code columns no coder filled
    no_column: list[str] = field(default_factory=list)  # codebook frames (or tone) not in a sheet
    warnings: list[str] = field(default_factory=list)  # to show (warn_user) before the tables
    # human and VADER tone per outlet of the sample (tone_by_group); None without tone codes
    tone_groups: pd.DataFrame | None = None
    # per measured column, the items left out of its figures: (tied between coders, blank)
    left_out: dict[str, tuple[int, int]] = field(default_factory=dict)


def measure_sheets(
    sheets: str | Path | Sequence[str | Path],
    codebook: Codebook | str | Path | None = None,
    model: FrameModel | str | Path | None = None,
    *,
    n_boot: int,
    seed: int,
    sources: str | Path | None = None,
) -> SheetAgreement:
    """Agreement of the machine coders with the consensus of ``sheets`` (one path, or several:
    one per coder, or one with a ``coder`` column), and between the coders.

    ``codebook`` is a codebook or its file (None or "": the bundled one); ``model`` a trained
    coder or its folder (None or "": none). A sheet's sourcing columns (``attributed`` and the
    ``source_<kind>`` of the source lexicon ``sources``, None or "": the bundled one; written by
    ``code-sample --sourcing``) are measured against the lexicon's reading of each sentence
    alone, as the coder ``"sources"`` (:mod:`analysis.validation.sourcing_codes`). Raises
    :class:`~analysis.validation.SheetError`, :class:`~analysis.framing.codebook.CodebookError` or
    :class:`~analysis.validation.model.ModelError` on input that cannot be used, and a
    :class:`~analysis.validation.SheetError` too when no code column holds a code.
    """
    paths = _sheet_paths(sheets)
    book = load_codebook(codebook or None)
    if isinstance(model, str | Path):  # a folder ("" or None: no model)
        model_path, trained = model, (load_frame_model(model) if model else None)
    else:
        model_path, trained = None, model
    keys = list(dict.fromkeys([*book.keys, *(trained.keys if trained else [])]))
    lexicon = sourcing_lexicon(sources or None)
    sourcing = [c for c in sourcing_columns(lexicon) if c not in keys]
    coded = read_sheets(paths, [*keys, *sourcing])
    columns = [c for c in [*keys, "tone", *sourcing] if c in coded.columns]
    no_column = [c for c in [*keys, "tone"] if c not in coded.columns]
    gold, columns, uncoded = coded_consensus(coded, columns, paths)
    sourced = [c for c in columns if c in sourcing]
    columns = [c for c in columns if c not in sourcing]
    said = []
    if (presence_only := presence_only_warning(gold, columns)) is not None:
        said.append(presence_only)
    if "tone" in columns and (polar_only := polar_only_tone_warning(gold)) is not None:
        said.append(polar_only)
    n_coders = int(coded["coder"].nunique())
    if n_coders >= 2:  # the consensus can hide one coder's "x only" behind the other's codes
        said += coder_checks_warnings(coded, columns)
        said += missing_items_warnings(coded, [*columns, *sourced])
    if (ties := ties_warning(coded, gold, [*columns, *sourced])) is not None:
        said.append(ties)
    predictions = machine_codes(
        gold["text"], columns, codebook=book, model=trained, tone="tone" in columns
    )
    if sourced:
        predictions[SOURCING_METHOD] = machine_sourcing_codes(gold["text"], lexicon)[sourced]
    seen_in_training, from_training_articles = {}, {}
    if trained is not None:
        seen_in_training["model"] = in_training(trained, gold["text"])
        if "doc_id" in gold.columns:
            near = same_article_as_training(trained, gold["text"], gold["doc_id"])
            from_training_articles["model"] = near
            if near.any():
                named = f" {model_path}" if model_path else ""
                said.append(
                    f"{int(near.sum())} of the {len(gold)} items of the sheet come from articles "
                    f"whose other items trained the model{named} (by doc_id): it knows their "
                    "names, places and wording, so its agreement on them is not a held-out "
                    "figure (recorded as n_same_article_as_training in agreement.csv). Draw the "
                    "validation sheet with code-sample --exclude TRAINING_SHEET, which leaves "
                    "out the training items' articles."
                )
        if seen_in_training["model"].any():
            named = f" {model_path}" if model_path else ""
            said.append(
                f"{int(seen_in_training['model'].sum())} of the {len(gold)} items of the sheet "
                f"trained the model{named}: its agreement on them is in-sample and optimistic "
                "(recorded as n_in_training in agreement.csv, and said in the summary). Validate "
                "it on a sheet it was not trained on (code-sample --exclude TRAINING_SHEET: "
                "another --seed alone may draw the same sentences again)."
            )
    agreement = agreement_table(
        gold,
        predictions,
        n_boot=n_boot,
        seed=seed,
        in_training=seen_in_training,
        same_article=from_training_articles,
        one_coder=one_coder_items(coded, gold, [*columns, *sourced]) if n_coders >= 2 else None,
    )
    versions = run_coder_versions(book, trained, sources=lexicon)
    agreement["coder_version"] = [
        versions.get((method, frame), "")
        for method, frame in zip(agreement["method"], agreement["frame"], strict=True)
    ]
    coders = n_coders
    intercoder = (
        intercoder_table(
            coded, [*columns, *sourced], presence_only=coder_presence_only(coded, columns)
        )
        if coders >= 2
        else None
    )
    groups = None
    if "tone" in columns:
        groups = tone_by_group(gold, predictions["codebook"]["tone"], n_boot=n_boot, seed=seed)
        groups = groups if len(groups) else None
        if "outlet" not in gold.columns:  # a sheet of one's own, without code-sample's column
            said.append(
                "the sheets have tone codes but no outlet column, so tone per outlet "
                f"({TONE_BY_GROUP_FILE}) is not measured and a run cannot check its stated tone "
                "differences against your codes; add each item's outlet in a column 'outlet' "
                "(code-sample writes it)"
            )
    return SheetAgreement(
        agreement,
        intercoder,
        len(gold),
        coders,
        uncoded,
        no_column,
        said,
        tone_groups=groups,
        left_out=tied_and_blank(coded, gold, [*columns, *sourced]),
    )


def _sheet_paths(sheets: str | Path | Sequence[str | Path]) -> list[str | Path]:
    """The sheets given: a list, one path, or one text naming several with commas (plain
    papermill's ``-p sheets "ann.csv,bob.csv"``, or a list written as text: ``'["ann.csv"]'``)
    when no file has that whole name."""
    if isinstance(sheets, Path):
        return [sheets]
    if isinstance(sheets, str):
        one = Path(sheets).exists() or ("," not in sheets and list_in_text(sheets) is None)
        return [sheets] if one else comma_list(sheets)
    return list(sheets)


def agreement_paths(out_dir: str | Path) -> list[Path]:
    """The files :func:`write_agreement_tables` may write or remove in ``out_dir``."""
    return [
        Path(out_dir) / AGREEMENT_FILE,
        Path(out_dir) / INTERCODER_FILE,
        Path(out_dir) / TONE_BY_GROUP_FILE,
    ]


def write_agreement_tables(
    measured: SheetAgreement, out_dir: str | Path, *, force: bool = False
) -> list[str]:
    """Write ``agreement.csv`` (and ``intercoder.csv``) into ``out_dir``; returns what was done,
    one line each, to print.

    Refuses (``FileExistsError``, before writing anything) to replace a file of those names that
    this package did not write or that changed since, unless ``force`` (then such a file is
    kept as ``NAME.yours.EXT``: :func:`analysis.written.set_aside`). An earlier
    ``intercoder.csv`` of this package is removed when the sheets have one coder: it would not
    match the new ``agreement.csv``.
    """
    agreement_path, intercoder_path, groups_path = agreement_paths(out_dir)
    kept = [] if force else kept_from_replacing([agreement_path, intercoder_path, groups_path])
    if kept:
        raise FileExistsError(refusal(kept))
    writes = [agreement_path] + ([intercoder_path] if measured.intercoder is not None else [])
    writes += [groups_path] if measured.tone_groups is not None else []
    done = set_aside(writes)  # under force, the user's file of a name written is kept beside it
    agreement_path.parent.mkdir(parents=True, exist_ok=True)
    write_table(measured.agreement, agreement_path)
    record_written([agreement_path])
    done.append(f"wrote {agreement_path} ({measured.items} items)")
    done += _write_or_remove(
        measured.intercoder,
        intercoder_path,
        f"{measured.coders} coders",
        "written for earlier sheets with several coders",
    )
    done += _write_or_remove(
        measured.tone_groups,
        groups_path,
        "human and VADER tone per outlet of the sample",
        "written for earlier sheets with tone codes",
    )
    if measured.uncoded or measured.no_column:
        named = [*measured.uncoded, *(f"{c} (no column)" for c in measured.no_column)]
        done.append(f"not coded in the sheet, so not measured: {', '.join(named)}")
    return done


def _write_or_remove(table: pd.DataFrame | None, path: Path, what: str, earlier: str) -> list[str]:
    """Write ``table`` to ``path`` (recorded as this package's), or, without one, remove an
    earlier ``path`` of this package's that is unchanged: it would not match the new
    ``agreement.csv``. Returns the line saying what was done, if anything."""
    if table is not None:
        write_table(table, path)
        record_written([path])
        return [f"wrote {path} ({what})"]
    if path.is_file() and not kept_from_replacing([path]):
        path.unlink()
        return [f"removed {path}: {earlier}"]
    return []
