"""measure_sheets and write_agreement_tables: one measurement for the command and notebook 05."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis.validation import SheetError, measure_sheets, write_agreement_tables

ONE_CODER = (
    "sentence,conflict,economic_consequences,tone\n"
    "A bitter clash.,1,,negative\nCalm talks.,0,,neutral\n"
)
TWO_CODERS = (
    "sentence,conflict,tone,coder\nA bitter clash.,1,negative,a\nCalm talks.,0,neutral,a\n"
    "A bitter clash.,1,negative,b\nCalm talks.,0,positive,b\n"
)


def sheet(tmp_path: Path, text: str, name: str = "coded.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_one_path_is_one_sheet_and_a_column_nobody_coded_is_left_out(tmp_path: Path) -> None:
    measured = measure_sheets(sheet(tmp_path, ONE_CODER), n_boot=20, seed=1)
    assert measured.items == 2 and measured.coders == 1 and measured.intercoder is None
    assert measured.uncoded == ["economic_consequences"]
    assert set(measured.agreement["frame"]) == {"conflict", "tone"}
    same = measure_sheets([str(sheet(tmp_path, ONE_CODER))], "", "", n_boot=20, seed=1)
    pd.testing.assert_frame_equal(measured.agreement, same.agreement)


def test_two_coders_give_an_intercoder_table(tmp_path: Path) -> None:
    measured = measure_sheets(sheet(tmp_path, TWO_CODERS), n_boot=20, seed=1)
    assert measured.coders == 2 and measured.intercoder is not None
    assert "conflict" in set(measured.intercoder["frame"])


def test_a_sheet_that_cannot_be_read_is_a_sheet_error(tmp_path: Path) -> None:
    with pytest.raises(SheetError):
        measure_sheets(tmp_path / "missing.csv", n_boot=20, seed=1)


def test_writing_refuses_a_users_file_and_removes_only_its_own_stale_intercoder(
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    two = measure_sheets(sheet(tmp_path, TWO_CODERS), n_boot=20, seed=1)
    done = write_agreement_tables(two, out)
    assert [line.split(" ")[0] for line in done] == ["wrote", "wrote", "not"]
    assert done[-1].endswith("morality (no column)")  # the codebook's frames not in the sheet
    one = measure_sheets(sheet(tmp_path, ONE_CODER, "one.csv"), n_boot=20, seed=1)
    done = write_agreement_tables(one, out)  # its own intercoder.csv would not match: removed
    assert not (out / "intercoder.csv").exists()
    assert any(line.startswith("removed") for line in done)
    assert any("not measured: economic_consequences" in line for line in done)
    (out / "agreement.csv").write_text("edited by hand\n", encoding="utf-8")
    with pytest.raises(FileExistsError, match="not written by this package"):
        write_agreement_tables(one, out)
    assert (out / "agreement.csv").read_text(encoding="utf-8") == "edited by hand\n"
    write_agreement_tables(one, out, force=True)
    assert pd.read_csv(out / "agreement.csv")["frame"].tolist()[0] in {"conflict", "tone"}
    (out / "intercoder.csv").write_text("a user's\n", encoding="utf-8")
    with pytest.raises(FileExistsError, match=r"intercoder\.csv"):
        write_agreement_tables(one, out)
    write_agreement_tables(one, out, force=True)  # not written now, and not its own: kept
    assert (out / "intercoder.csv").read_text(encoding="utf-8") == "a user's\n"


def test_two_sheets_named_in_one_text_are_two_coders(tmp_path: Path) -> None:
    # plain papermill passes -p sheets "ann.csv,bob.csv" as one text
    ann = sheet(tmp_path, "sentence,conflict\nA bitter clash.,1\nCalm talks.,0\n", "ann.csv")
    bob = sheet(tmp_path, "sentence,conflict\nA bitter clash.,1\nCalm talks.,1\n", "bob.csv")
    measured = measure_sheets(f"{ann},{bob}", n_boot=100, seed=1)
    assert measured.coders == 2 and measured.intercoder is not None


def test_a_sheet_with_no_code_at_all_is_refused(tmp_path: Path) -> None:
    blank = sheet(tmp_path, "sentence,conflict,tone\nA bitter clash.,,\nCalm talks.,,\n")
    with pytest.raises(SheetError, match=r"no codes in the sheet\(s\) .*blank\.csv: fill in the "):
        measure_sheets(blank.rename(tmp_path / "blank.csv"), n_boot=20, seed=1)


def test_codebook_frames_without_a_column_are_named_not_measured(tmp_path: Path) -> None:
    measured = measure_sheets(sheet(tmp_path, ONE_CODER), n_boot=20, seed=1)
    assert measured.no_column == ["responsibility", "human_interest", "morality"]
    done = write_agreement_tables(measured, tmp_path / "out")
    assert done[-1] == (
        "not coded in the sheet, so not measured: economic_consequences, responsibility "
        "(no column), human_interest (no column), morality (no column)"
    )
