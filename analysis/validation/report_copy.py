"""The validation tables a run used, kept beside its own tables.

A summary quotes each coder's F1 from the agreement table given with ``-p validation``, a file
outside the run's outputs: a reader of the reports folder could not open it (a tester's summary
named the ``agreement.csv`` of a folder of her own). The framing notebook copies it, and the
human coders' agreement and the tone per outlet that ``validate`` wrote beside it, into the
tables folder byte for byte,
so that the summary's validation figures can be checked from the reports alone.
"""

from __future__ import annotations

from pathlib import Path

from analysis.io import write_bytes

VALIDATION_AGREEMENT = "validation_agreement.csv"
VALIDATION_INTERCODER = "validation_intercoder.csv"
VALIDATION_TONE_BY_OUTLET = "validation_tone_by_outlet.csv"


def copy_validation_tables(agreement_path: Path | str, tables_dir: Path | str) -> list[Path]:
    """Copy ``agreement_path`` to ``validation_agreement.csv`` in ``tables_dir``, and the
    ``intercoder.csv`` beside it, when there is one, to ``validation_intercoder.csv``; return
    the paths written. The copies are exact: the summary's figures are read from the original,
    and the SHA-256 it gives is the original's."""
    source, tables = Path(agreement_path), Path(tables_dir)
    written = [write_bytes(source.read_bytes(), tables / VALIDATION_AGREEMENT)]
    from analysis.validation.sheet_agreement import INTERCODER_FILE

    intercoder = source.parent / INTERCODER_FILE
    if intercoder.is_file():
        written.append(write_bytes(intercoder.read_bytes(), tables / VALIDATION_INTERCODER))
    from analysis.validation.tone_by_group import TONE_BY_GROUP_FILE

    by_outlet = source.parent / TONE_BY_GROUP_FILE  # the summary's notes on tone cite it
    if by_outlet.is_file():
        written.append(write_bytes(by_outlet.read_bytes(), tables / VALIDATION_TONE_BY_OUTLET))
    return written
