"""Coded sheets: what is required, how codes are read, and the messages for bad sheets."""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis.validation.sheets import (
    SheetError,
    consensus,
    presence_only_columns,
    presence_only_warning,
    read_sheet,
    read_sheets,
    ties_warning,
)


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_only_sentence_and_codes_are_required(tmp_path: Path) -> None:
    sheet = write(tmp_path / "s.csv", "sentence,war,tone\nA clash.,1,negative\nCalm.,,0\n")
    got = read_sheet(sheet)
    assert got["war"].tolist()[0] == 1.0 and np.isnan(got["war"].tolist()[1])
    assert got["tone"].tolist() == [-1.0, 0.0]
    assert got["coder"].tolist() == ["s", "s"]


def test_a_sheet_saved_with_semicolons_is_read_by_its_columns(tmp_path: Path) -> None:
    sheet = write(tmp_path / "s.csv", "sentence;war;tone\nA clash, at dawn.;1;negative\n")
    got = read_sheet(sheet)
    assert got["text"].tolist() == ["A clash, at dawn."]
    assert got["war"].tolist() == [1.0] and got["tone"].tolist() == [-1.0]


def test_bad_code_names_column_and_rows(tmp_path: Path) -> None:
    sheet = write(tmp_path / "s.csv", "sentence,war\na,1\nb,maybe\nc,0\nd,2\n")
    with pytest.raises(SheetError, match=r"column 'war'.*rows 3, 5.*'maybe'"):
        read_sheet(sheet)


def test_bad_codes_in_several_columns_are_all_named(tmp_path: Path) -> None:
    # a tester's sheet had bad values in two columns; only the first was reported
    sheet = write(tmp_path / "s.csv", "sentence,war,money,tone\na,2,maybe,angry\nb,1,0,positive\n")
    with pytest.raises(SheetError) as err:
        read_sheet(sheet)
    lines = str(err.value).splitlines()
    assert [line.split(": column ")[1][:7] for line in lines] == ["'war' m", "'money'", "'tone' "]


def test_bad_tone_names_the_row(tmp_path: Path) -> None:
    sheet = write(tmp_path / "s.csv", "sentence,tone\na,positive\nb,angry\n")
    with pytest.raises(SheetError, match=r"column 'tone'.*row 3"):
        read_sheet(sheet)


def test_missing_text_column_and_no_codes(tmp_path: Path) -> None:
    with pytest.raises(SheetError, match="needs a column 'sentence'"):
        read_sheet(write(tmp_path / "a.csv", "headline,war\na,1\n"))
    with pytest.raises(SheetError, match="no frame column"):
        read_sheet(write(tmp_path / "b.csv", "sentence,coder\na,ann\n"), ["war"])


def test_two_files_are_two_coders_matched_by_item_id(tmp_path: Path) -> None:
    a = write(tmp_path / "ann.csv", "item_id,sentence,war\n1,x,1\n2,y,0\n")
    b = write(tmp_path / "bob.csv", "item_id,sentence,war\n2,y,1\n1,x,1\n")
    stacked = read_sheets([a, b])
    assert sorted(stacked["coder"].unique()) == ["ann", "bob"]
    gold = consensus(stacked, ["war"])
    assert gold.set_index("item")["war"].to_dict()["1"] == 1.0
    assert np.isnan(gold.set_index("item")["war"].to_dict()["2"])  # a tie is left blank


def test_duplicate_item_ids_are_refused(tmp_path: Path) -> None:
    sheet = write(tmp_path / "s.csv", "item_id,sentence,war\n1,x,1\n1,y,0\n")
    with pytest.raises(SheetError, match=r"'item_id' repeats in rows 2, 3"):
        read_sheet(sheet)


def test_a_sentence_under_two_item_ids_is_warned_about(tmp_path: Path) -> None:
    # a tester pasted a sentence twice under new item ids, coded 1 and 0: it passed silently
    sheet = write(
        tmp_path / "s.csv",
        "item_id,sentence,war,tone\n"
        "1,The  clash began.,1,negative\n2,Calm.,0,0\n3,The clash began.,0,negative\n"
        "4,Calm.,0,0\n5,Other.,0,0\n",
    )
    with pytest.warns(UserWarning) as caught:
        got = read_sheet(sheet)
    (message,) = [str(w.message) for w in caught]
    assert "2 sentence(s) appear under more than one item_id (rows 2, 3, 4, 5, 1 of them " \
        "coded differently); each row counts in the agreement" in message  # fmt: skip
    assert len(got) == 5  # read as given
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        read_sheet(write(tmp_path / "t.csv", "item_id,sentence,war\n1,A.,1\n2,B.,1\n"))


def _xlsx(path: Path, rows: list[list[object]]) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def test_a_sheet_coded_in_excel_reads_as_the_same_sheet_saved_as_csv(tmp_path: Path) -> None:
    """Coders work in a spreadsheet: a workbook of 1/0 numbers and tone words gives the codes
    its CSV would, and its row numbers in messages are the sheet's."""
    rows = [
        ["item_id", "sentence", "war", "tone"],
        [7, "A clash.", 1, "negative"],
        [8, "Calm.", None, 0],
    ]
    book = read_sheet(_xlsx(tmp_path / "s.xlsx", rows))
    text = "item_id,sentence,war,tone\n7,A clash.,1,negative\n8,Calm.,,0\n"
    csv = read_sheet(write(tmp_path / "s.csv", text))
    assert book.drop(columns="coder").equals(csv.drop(columns="coder"))
    assert book["item_id"].tolist() == ["7", "8"]
    bad = _xlsx(tmp_path / "bad.xlsx", [["sentence", "war"], ["a", 1], ["b", "maybe"]])
    with pytest.raises(SheetError, match=r"column 'war'.*row 3.*'maybe'"):
        read_sheet(bad)
    fake = write(tmp_path / "fake.xlsx", "sentence,war\na,1\n")
    with pytest.raises(SheetError, match=r"fake.xlsx: .*not a readable .xlsx workbook"):
        read_sheet(fake)


def test_a_sheet_excel_saved_in_windows_1252_is_read_with_a_warning(tmp_path: Path) -> None:
    sheet = tmp_path / "s.csv"
    sheet.write_bytes("sentence;war\nLa crise s’aggrave.;1\n".encode("cp1252"))
    with pytest.warns(UserWarning, match=r"not UTF-8, read as cp1252"):
        got = read_sheet(sheet)
    assert got["text"].tolist() == ["La crise s’aggrave."]
    binary = write(tmp_path / "b.csv", "sentence,war\n")
    binary.write_bytes(b"sentence,war\n\x00\x01\x02,1\n")
    with pytest.raises(SheetError, match=r"b.csv: looks like a binary file"):
        read_sheet(binary)


def test_a_frame_marked_only_where_present_is_named(tmp_path: Path) -> None:
    # "x" where the coder saw the frame, nothing elsewhere: blanks are "not coded"
    sheet = write(
        tmp_path / "s.csv",
        "sentence,war,trade,tone\nA clash.,x,0,negative\nCalm.,,1,\nTariffs.,x,,positive\n"
        "Rain.,,0,\n",
    )
    gold = consensus(read_sheets([sheet]), ["war", "trade", "tone"])
    assert presence_only_columns(gold, ["war", "trade", "tone"]) == ["war"]
    message = presence_only_warning(gold, ["war", "trade", "tone"])
    assert message is not None and "war (2 coded, 2 blank)" in message and "trade" not in message
    assert "fill its blanks with 0" in message
    # every item coded 1, none blank: a frame present throughout, not a presence-only sheet
    full = write(tmp_path / "t.csv", "sentence,war\nA clash.,1\nA raid.,1\n")
    gold = consensus(read_sheets([full]), ["war"])
    assert presence_only_columns(gold, ["war"]) == []
    assert presence_only_warning(gold, ["war"]) is None


def test_an_item_id_with_other_text_in_another_sheet_is_refused(tmp_path: Path) -> None:
    """Sheets of two samples number different sentences 0001, 0002...: pairing them by
    item_id alone would measure agreement between unrelated sentences."""
    a = write(tmp_path / "ann.csv", "item_id,sentence,war\n1,Troops clashed.,1\n2,Calm.,0\n")
    b = write(tmp_path / "bob.csv", "item_id,sentence,war\n1,Prices rose.,0\n2,Calm.,0\n")
    with pytest.raises(SheetError) as caught:
        read_sheets([a, b])
    message = str(caught.value)
    assert "item_id '1'" in message and str(a) in message and str(b) in message
    assert "Troops clashed." in message and "Prices rose." in message
    # the same text but for spaces (a spreadsheet's trailing blank, a doubled space) is the same
    c = write(tmp_path / "cem.csv", "item_id,sentence,war\n1,Troops  clashed. ,1\n2,Calm.,1\n")
    assert sorted(read_sheets([a, c])["coder"].unique()) == ["ann", "cem"]


def test_code_columns_in_another_case_or_spacing_are_read(tmp_path: Path) -> None:
    sheet = write(
        tmp_path / "s.csv",
        "Sentence,Human Interest,economic-consequences,Tone,remarks\n"
        "A family's story.,1,0,positive,fine\n",
    )
    with pytest.warns(UserWarning, match=r"column 'remarks' not read") as said:
        got = read_sheet(sheet, ["human_interest", "economic_consequences", "conflict"])
    assert got["human_interest"].tolist() == [1.0]
    assert got["economic_consequences"].tolist() == [0.0]
    assert got["tone"].tolist() == [1.0] and got["text"].tolist() == ["A family's story."]
    assert len(said) == 1  # the renamed columns are not named as unread
    both = write(tmp_path / "b.csv", "sentence,tone,Tone\na,negative,positive\n")
    with pytest.raises(SheetError, match=r"columns 'tone' and 'Tone' both name 'tone'"):
        read_sheet(both, ["war"])


def test_the_bookkeeping_columns_of_a_sheet_are_not_warned_about(tmp_path: Path) -> None:
    import warnings

    sheet = write(
        tmp_path / "s.csv",
        "item_id,doc_id,sentence_id,outlet,language,sentence,war,tone,coder,notes\n"
        "0001,d1,0,Post,German,Krieg.,1,negative,ann,\n",
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert read_sheet(sheet, ["war"])["war"].tolist() == [1.0]
    # without a codebook every other column is a frame, but language is not one
    assert "language" not in read_sheet(sheet).columns


def test_one_bad_row_holds_several_hold(tmp_path: Path) -> None:
    one = write(tmp_path / "a.csv", "sentence,tone\na,positive\nb,postive\n")
    with pytest.raises(SheetError, match=r"row 3 holds other values: 'postive' \(did you mean"):
        read_sheet(one)
    two = write(tmp_path / "b.csv", "sentence,war\na,maybe\nb,2\n")
    with pytest.raises(SheetError, match=r"rows 2, 3 hold other values"):
        read_sheet(two)


def test_codes_of_another_codebook_point_to_the_codebook_option(tmp_path: Path) -> None:
    # a tester's sheet coded for her own frames, validated without --codebook, was told to
    # "fill in the tone column"
    from analysis.validation.sheets import no_codes_error

    sheet = write(tmp_path / "s.csv", "sentence,gun,notes,tone\nA.,1,ok,\nB.,0,,\n")
    with pytest.warns(UserWarning) as caught:
        read_sheet(sheet, ["conflict"])
    (message,) = [str(w.message) for w in caught]
    assert message.endswith(
        "'gun' holds 0/1 codes: if they are the frames of your own codebook, give it with "
        "--codebook FILE (and the column named as the codebook's key)."
    )
    assert "'notes' hold" not in message
    assert str(no_codes_error([sheet], ["tone"])).endswith(
        "a sheet coded for the frames of your own codebook is read with that codebook "
        "(--codebook FILE)"
    )


def test_a_column_spelled_nearly_as_a_frame_key_is_named_with_it(tmp_path: Path) -> None:
    # a scholar's codebook had "gun_right" where her sheet had "gun_rights": she was told to
    # give the codebook she had given
    sheet = write(tmp_path / "s.csv", "sentence,gun_rights,tone\nA.,1,\nB.,0,\n")
    with pytest.warns(UserWarning) as caught:
        read_sheet(sheet, ["gun_right", "politics"])
    (message,) = [str(w.message) for w in caught]
    # the key first, the column after: a tester read "Did you mean 'society/culture' for
    # 'society_culture'?." backwards, her own column offered as the suggestion
    assert "Did you mean 'gun_right' (column 'gun_rights')? Rename the column to the key." in (
        message
    )
    assert "?." not in message


def test_tone_with_a_typographic_minus_is_read_and_every_bad_value_is_named(
    tmp_path: Path,
) -> None:
    # Word and Excel autocorrect "-1" to "−1", which a tester's sheet had refused; her typos
    # were named one at a time, without a guess
    sheet = write(tmp_path / "a.csv", "sentence,tone\na,−1\nb,–1\nc,+1\nd,Neg\n")
    assert read_sheet(sheet)["tone"].tolist() == [-1.0, -1.0, 1.0, -1.0]
    bad = write(tmp_path / "b.csv", "sentence,tone\na,postive\nb,negatve\nc,mixed\nd,postive\n")
    with pytest.raises(SheetError) as err:
        read_sheet(bad)
    assert (
        "rows 2, 3, 4, 5 hold other values: 'postive' (did you mean 'positive'?), 'negatve' "
        "(did you mean 'negative'?), 'mixed'" in str(err.value)
    )


def test_a_tone_column_under_another_name_is_named_in_the_refusal(tmp_path: Path) -> None:
    # a financial analyst's "sentiment" column was refused with no word on renaming it
    path = tmp_path / "coded.csv"
    path.write_text("sentence,sentiment\nProfits rose.,positive\n", encoding="utf-8")
    with pytest.raises(SheetError, match="if 'sentiment' holds the tone codes, name that column"):
        read_sheets([path], ["conflict"])


def test_a_bad_frame_code_is_told_every_accepted_form(tmp_path: Path) -> None:
    # a tester's x/o sheet was told "must hold 1 (frame present), 0 (absent) or blank", though
    # x, yes/no and true/false are read too
    sheet = write(tmp_path / "s.csv", "sentence,war\nA.,x\nB.,o\n")
    with pytest.raises(SheetError) as caught:
        read_sheet(sheet, ["war"])
    assert (
        "column 'war' must hold 1, x, yes, y or true (frame present), 0, no, n or false "
        "(absent) or blank (not coded)"
    ) in str(caught.value)


def test_sheets_whose_texts_differ_in_quote_marks_only_are_one_sample(tmp_path: Path) -> None:
    # a tester's second sheet, its ’ saved as ', was refused as "of different samples"
    ann = write(tmp_path / "ann.csv", "item_id,sentence,war\n1,The mayor’s critics.,1\n2,B.,0\n")
    bob = write(tmp_path / "bob.csv", "item_id,sentence,war\n1,The mayor's critics.,1\n2,B.,1\n")
    with pytest.warns(UserWarning, match="differs between the sheets in quote marks only"):
        coded = read_sheets([ann, bob], ["war"])
    assert coded["item"].nunique() == 2
    other = write(tmp_path / "other.csv", "item_id,sentence,war\n1,Another text.,1\n")
    with pytest.raises(SheetError, match="different samples"):
        read_sheets([ann, other], ["war"])


def test_a_third_coder_is_suggested_only_to_two() -> None:
    # "Have a third coder settle them" was printed to a tester with three coders
    coded = pd.DataFrame(
        {"item": ["i1"] * 3, "coder": ["a", "b", "c"], "text": ["A."] * 3,
         "war": [1.0, 0.0, np.nan]}
    )  # fmt: skip
    two = coded[coded["coder"] != "c"]
    assert "Have a third coder" in ties_warning(two, consensus(two, ["war"]), ["war"])
    message = ties_warning(coded, consensus(coded, ["war"]), ["war"])
    assert message is not None and "war 1 of 1" in message
    assert "Have a third coder" not in message
