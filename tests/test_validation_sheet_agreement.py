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


def test_one_sheet_named_in_a_list_written_as_text_is_that_sheet(tmp_path: Path) -> None:
    # plain papermill passes -p sheets '["ann.csv"]' as text (a tester's path began with '["')
    ann = sheet(tmp_path, ONE_CODER, "ann.csv")
    measured = measure_sheets(f'["{ann}"]', n_boot=20, seed=1)
    assert measured.items == 2 and measured.coders == 1


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


SOURCING_SHEET = (
    "item_id,sentence,attributed,source_government_officials,source_citizens\n"
    "1,Officials said the plant would open in May.,1,1,0\n"  # the lexicon agrees
    "2,The plant will open in May.,0,0,0\n"  # agrees
    "3,Residents said the water tasted of chlorine.,1,0,1\n"  # agrees
    '4,"“We were never asked,” one neighbour told the meeting.",1,0,1\n'  # humans: a citizen
    "5,The ministry's plan drew criticism.,0,0,0\n"  # the lexicon: not attributed either
)


def test_sourcing_columns_are_measured_as_the_coder_sources(tmp_path: Path) -> None:
    from analysis.validation.sourcing_codes import machine_sourcing_codes

    measured = measure_sheets(sheet(tmp_path, SOURCING_SHEET), n_boot=20, seed=1)
    rows = measured.agreement.set_index(["method", "frame"])
    assert set(measured.agreement["method"]) == {"sources"}
    texts = pd.read_csv(tmp_path / "coded.csv")["sentence"]
    machine = machine_sourcing_codes(texts)
    human = pd.read_csv(tmp_path / "coded.csv")
    for column in ("attributed", "source_government_officials", "source_citizens"):
        row = rows.loc[("sources", column)]
        h, m = human[column].to_numpy(), machine[column].to_numpy()
        assert int(row["tp"]) == int(((h == 1) & (m == 1)).sum())
        assert int(row["fp"]) == int(((h == 0) & (m == 1)).sum())
        assert int(row["fn"]) == int(((h == 1) & (m == 0)).sum())
        assert int(row["n"]) == 5
    # the bundled lexicon reads "neighbour" as a citizen: all five agree on that column
    assert rows.loc[("sources", "source_citizens"), "f1"] == 1.0
    # frames and tone were not on the sheet: not measured, and not asked for
    assert "tone" in measured.no_column


def test_two_coders_agreement_covers_the_sourcing_columns(tmp_path: Path) -> None:
    text = (
        "sentence,attributed,source_citizens,coder\n"
        "Residents said it was loud.,1,1,a\nIt was loud.,0,0,a\n"
        "Residents said it was loud.,1,0,b\nIt was loud.,0,0,b\n"
    )
    measured = measure_sheets(sheet(tmp_path, text), n_boot=20, seed=1)
    assert measured.intercoder is not None
    assert {"attributed", "source_citizens"} <= set(measured.intercoder["frame"])


def test_source_columns_of_another_lexicon_are_named_with_the_option_to_give(
    tmp_path: Path,
) -> None:
    text = "sentence,source_rangers\nRangers said the trail was shut.,1\n"
    with pytest.warns(UserWarning, match="--sources"), pytest.raises(SheetError):
        measure_sheets(sheet(tmp_path, text), n_boot=20, seed=1)
    lexicon = tmp_path / "rangers.toml"
    lexicon.write_text(
        '[attribution_verbs]\nsay = ["said"]\n\n[sources.rangers]\nlabel = "Rangers"\n'
        'terms = ["rangers"]\n',
        encoding="utf-8",
    )
    measured = measure_sheets(sheet(tmp_path, text), n_boot=20, seed=1, sources=lexicon)
    row = measured.agreement.set_index("frame").loc["source_rangers"]
    assert (row["method"], int(row["tp"])) == ("sources", 1)


def test_a_sheet_in_another_row_order_gives_the_same_intervals(tmp_path: Path) -> None:
    # a scholar's sheet sorted in a spreadsheet gave F1 intervals 0.01-0.03 apart under the
    # same seed: the bootstrap resampled the rows in the order the sheet had them
    rows = [
        f"Sentence {i} about {'a bitter clash' if i % 3 else 'calm talks'}.,{int(i % 4 == 0)}"
        for i in range(40)
    ]
    first = sheet(tmp_path, "sentence,conflict\n" + "\n".join(rows) + "\n", "a.csv")
    shuffled = sheet(tmp_path, "sentence,conflict\n" + "\n".join(rows[::-1]) + "\n", "b.csv")
    a = measure_sheets(first, n_boot=200, seed=3).agreement
    b = measure_sheets(shuffled, n_boot=200, seed=3).agreement
    pd.testing.assert_frame_equal(a, b)


def test_a_sheet_with_outlets_and_tone_writes_the_tone_per_outlet(tmp_path: Path) -> None:
    # one kappa hid a coder reading one outlet's text the wrong way (a financial analyst's)
    text = (
        "sentence,outlet,tone\nProfits fell sharply.,Bear,negative\n"
        "A terrible awful loss.,Bear,negative\nA wonderful happy win.,Bull,positive\n"
    )
    measured = measure_sheets(sheet(tmp_path, text), n_boot=20, seed=1)
    table = measured.tone_groups.set_index("outlet")
    assert table.loc["Bear", "n"] == 2 and table.loc["Bear", "human_mean"] == -1.0
    assert table.loc["Bull", "machine_mean"] == 1.0
    out = tmp_path / "out"
    done = write_agreement_tables(measured, out)
    assert any("tone_by_outlet.csv" in line for line in done)
    assert pd.read_csv(out / "tone_by_outlet.csv")["outlet"].tolist() == ["Bear", "Bull"]
    no_outlet = measure_sheets(sheet(tmp_path, ONE_CODER, "one.csv"), n_boot=20, seed=1)
    assert no_outlet.tone_groups is None
    # and said: a retester's sheets of her own had no outlet column, and nothing told her why
    # tone per outlet was missing
    assert any("tone codes but no outlet column" in w for w in no_outlet.warnings)
    assert not any("no outlet column" in w for w in measured.warnings)
    done = write_agreement_tables(no_outlet, out)  # its own earlier table would not match
    assert not (out / "tone_by_outlet.csv").exists()


def test_a_coder_who_marks_a_frame_only_as_present_is_named_among_two(tmp_path: Path) -> None:
    # a tester's second coder marked race_ethnicity "x" and left the rest blank: with two
    # sheets nothing was said, intercoder.csv left alpha blank beside 100% on 11 of 80 items,
    # and krippendorff's "invalid value encountered in scalar divide" reached stderr
    import warnings

    texts = [f"Sentence number {i}." for i in range(8)]
    ann = "sentence,conflict\n" + "".join(f"{t},{i % 2}\n" for i, t in enumerate(texts))
    bob = "sentence,conflict\n" + "".join(
        f"{t},{'x' if i % 2 else ''}\n" for i, t in enumerate(texts)
    )
    paths = [sheet(tmp_path, ann, "ann.csv"), sheet(tmp_path, bob, "bob.csv")]
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        measured = measure_sheets(paths, n_boot=20, seed=1)
    said = [w for w in measured.warnings if w.startswith("coder 'bob'")]
    assert said and "conflict (4 coded, 4 blank)" in said[0] and "fill its blanks with 0" in said[0]
    row = measured.intercoder.set_index("frame").loc["conflict"]
    assert row["n_items"] == 4 and row["krippendorff_alpha"] != row["krippendorff_alpha"]
    assert "one value throughout" in row["note"] and "1 (present)" in row["note"]
    assert "'bob' marked it only where present" in row["note"]
    assert "only 4 of the 8 items" in row["note"]


def test_a_coder_short_of_items_is_named_and_the_items_one_coder_coded_counted(
    tmp_path: Path,
) -> None:
    # a tester's second sheet had its last 15 rows deleted (or kept but emptied): accepted
    # silently, the first coder's codes stood as "the coders' majority" on those items
    texts = [f"Sentence number {i}." for i in range(6)]
    ann = "item_id,sentence,conflict\n" + "".join(f"{i},{t},{i % 2}\n" for i, t in enumerate(texts))
    fewer = "item_id,sentence,conflict\n" + "".join(
        f"{i},{t},{i % 2}\n" for i, t in enumerate(texts[:4])
    )
    blank = fewer + "".join(f"{i},{t},\n" for i, t in enumerate(texts) if i >= 4)
    for bob, lacks in ((fewer, "2 without a row"), (blank, "2 with every code blank")):
        paths = [sheet(tmp_path, ann, "ann.csv"), sheet(tmp_path, bob, "bob.csv")]
        measured = measure_sheets(paths, n_boot=20, seed=1)
        [said] = [w for w in measured.warnings if "lacks codes" in w]
        assert said.startswith(f"sheet {paths[1]} (coder 'bob') lacks codes for 2 of the 6 items")
        assert f"({lacks})" in said
        row = measured.agreement.set_index("frame").loc["conflict"]
        assert row["n"] == 6 and row["n_one_coder"] == 2
        assert measured.left_out["conflict"] == (0, 0)
    one = measure_sheets(sheet(tmp_path, ann, "ann.csv"), n_boot=20, seed=1)
    assert one.agreement["n_one_coder"].isna().all()  # one coder's sheet: not said


def test_tied_and_blank_items_are_counted_apart(tmp_path: Path) -> None:
    ann = "item_id,sentence,conflict\n1,One.,1\n2,Two.,0\n3,Three.,\n4,Four.,1\n"
    bob = "item_id,sentence,conflict\n1,One.,0\n2,Two.,0\n3,Three.,\n4,Four.,1\n"
    paths = [sheet(tmp_path, ann, "ann.csv"), sheet(tmp_path, bob, "bob.csv")]
    measured = measure_sheets(paths, n_boot=20, seed=1)
    assert measured.left_out["conflict"] == (1, 1)  # item 1 tied, item 3 blank
