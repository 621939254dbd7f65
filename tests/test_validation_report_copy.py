"""copy_validation_tables: the agreement table a run used, and the coders' agreement beside it,
kept byte for byte in the run's tables folder."""

from __future__ import annotations

from pathlib import Path

from analysis.validation import copy_validation_tables
from analysis.validation.report_copy import VALIDATION_AGREEMENT, VALIDATION_INTERCODER

AGREEMENT = "method,frame,n,f1\ncodebook,conflict,40,0.61\r\n"  # bytes kept, line ends too


def test_the_agreement_table_is_copied_exactly(tmp_path: Path) -> None:
    source = tmp_path / "val" / "agreement.csv"
    source.parent.mkdir()
    source.write_bytes(AGREEMENT.encode("utf-8"))
    tables = tmp_path / "tables"
    tables.mkdir()
    written = copy_validation_tables(source, tables)
    assert written == [tables / VALIDATION_AGREEMENT]
    assert (tables / VALIDATION_AGREEMENT).read_bytes() == source.read_bytes()
    assert not (tables / VALIDATION_INTERCODER).exists()


def test_the_coders_agreement_beside_it_is_copied_too(tmp_path: Path) -> None:
    source = tmp_path / "agreement.csv"
    source.write_text(AGREEMENT, encoding="utf-8")
    (tmp_path / "intercoder.csv").write_text("code,alpha\nconflict,0.7\n", encoding="utf-8")
    tables = tmp_path / "tables"
    tables.mkdir()
    written = copy_validation_tables(str(source), str(tables))
    assert [p.name for p in written] == [VALIDATION_AGREEMENT, VALIDATION_INTERCODER]
    assert (tables / VALIDATION_INTERCODER).read_text(encoding="utf-8") == (
        "code,alpha\nconflict,0.7\n"
    )
