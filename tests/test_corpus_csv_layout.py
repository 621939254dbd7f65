"""Where a CSV export's table starts: after Excel's sep= line, or under a report's preamble."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis import load_corpus
from analysis.cli import main
from analysis.corpus.csv_dialect import CsvLayout, csv_layout, excel_directive
from analysis.corpus.files import CorpusFileError, read_chunks
from analysis.pipeline.params import ParameterError, check_corpus_columns

BODIES = [
    "The council met on Monday and agreed the plan for the new harbour.",
    "The mayor said the budget would rise by four percent next year.",
    "Residents protested outside the town hall on Tuesday evening.",
]
PREAMBLE = "Report:,Harbour coverage,,\nQuery:,harbour OR port,,\nFrom:,2025-10-01,,\n\n"


def _export(path: Path, preamble: str = PREAMBLE, newline: str = "\n") -> Path:
    rows = ["Date,Title,Full Text,Domain"] + [
        f'2025-10-0{k + 1},Story {k},"{body}",site{k % 2}.com' for k, body in enumerate(BODIES)
    ]
    path.write_text((preamble + "\n".join(rows) + "\n").replace("\n", newline), encoding="utf-8")
    return path


def _wants(*names: str):
    return lambda fields: set(names) <= set(fields)


def test_a_plain_header_is_line_one() -> None:
    assert csv_layout("text,outlet\na,b\n", _wants("text", "outlet")) == CsvLayout(",")


def test_a_preamble_is_skipped_to_the_line_holding_the_named_columns() -> None:
    layout = csv_layout(PREAMBLE + "Date;Full Text;Domain\n1;a;b\n", _wants("Full Text", "Domain"))
    assert (layout.separator, layout.header_line) == (";", 4)
    assert layout.skipped == tuple(PREAMBLE.splitlines())
    assert not layout.directive


def test_without_such_a_line_the_first_line_stays_the_header() -> None:
    assert csv_layout(PREAMBLE + "a,b\n", _wants("text")) == CsvLayout(",")


def test_a_data_row_holding_the_names_below_the_window_is_not_taken() -> None:
    head = "x,y\n" + "1,2\n" * 60 + "text,outlet\n"
    assert csv_layout(head, _wants("text", "outlet")).header_line == 0


def test_excels_directive_line_names_the_separator() -> None:
    assert excel_directive("sep=;") == ";"
    assert excel_directive('"sep=,"') == ","
    assert excel_directive("\ufeffsep=\t") == "\t"
    assert excel_directive("sep=x") is None
    assert excel_directive("separator,text") is None
    layout = csv_layout("sep=;\ntext;outlet\na;b\n", _wants("nothing"))
    assert (layout.separator, layout.header_line, layout.directive) == (";", 1, True)


def test_a_tab_separated_file_keeps_its_tab() -> None:
    layout = csv_layout("Report:\tx\ntext\toutlet\n", _wants("text", "outlet"), "\t")
    assert (layout.separator, layout.header_line) == ("\t", 1)


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_monitoring_export_with_a_preamble_is_read_from_its_header(
    tmp_path: Path, newline: str
) -> None:
    path = _export(tmp_path / "mentions.csv", newline=newline)
    with pytest.warns(
        UserWarning, match=r"its header is line 5 \(Date, Title, Full Text, Domain\)"
    ):
        chunks, report = read_chunks(path, columns="text=Full Text,outlet=Domain")
        frames = list(chunks)
    docs = frames[0]
    assert list(docs["raw_text"]) == BODIES
    assert list(docs["outlet"]) == ["site0.com", "site1.com", "site0.com"]
    assert report.header_line == 4
    assert "the header is line 5; the 4 line(s) above it were not read" in report.summary()


def test_the_preamble_warning_reaches_the_callers_line_through_load_corpus(tmp_path: Path) -> None:
    path = _export(tmp_path / "mentions.csv")
    with pytest.warns(UserWarning, match="a report's preamble, are not read: Report:") as said:
        corpus = load_corpus(path, column_map="text=Full Text,outlet=Domain", progress=False)
    assert corpus.documents["text"].tolist() == BODIES
    assert {w.filename for w in said if "preamble" in str(w.message)} == {__file__}


def test_a_run_checks_the_columns_below_the_preamble(tmp_path: Path) -> None:
    path = _export(tmp_path / "mentions.csv")
    check_corpus_columns(path, "text=Full Text,outlet=Domain")  # no ParameterError
    with pytest.raises(ParameterError, match="names a column the file does not have"):
        check_corpus_columns(path, "text=Body,outlet=Domain")


def test_a_wrong_map_lists_the_tables_columns_not_the_preambles(tmp_path: Path) -> None:
    # the widest line under the preamble is taken for the header, so the message names the
    # columns to map (a tester was shown her preamble's title as the file's columns)
    path = _export(tmp_path / "mentions.csv")
    with pytest.raises(
        CorpusFileError,
        match="mapping text=Body names a column the file does not have; its columns are: "
        "Date, Title, Full Text, Domain",
    ):
        read_chunks(path, columns="text=Body,outlet=Domain")
    # every wrong pair at once: a tester fixed three in three runs
    with pytest.raises(
        CorpusFileError,
        match="mapping text=Body, outlet=Source, title=Headline name columns the file does not "
        "have; its columns are: Date, Title, Full Text, Domain",
    ):
        read_chunks(path, columns="text=Body,outlet=Source,title=Headline")


def test_a_file_excel_was_told_the_separator_of_is_read(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    rows = [f'"{body}";Times' for body in BODIES]
    path.write_text("sep=;\ntext;outlet\n" + "\n".join(rows) + "\n", encoding="utf-8")
    chunks, report = read_chunks(path)
    assert list(next(chunks)["raw_text"]) == BODIES
    assert (report.separator, report.header_line) == (";", 1)
    # said as the separator's line, not as a line above the header left unread (a tester's
    # summary said "the header is line 2; the 1 line(s) above it were not read")
    for _ in chunks:
        pass
    summary = report.summary()
    assert "its first line `sep=;` names the separator (Excel's); read as semicolon-separated" in (
        summary
    )
    assert "were not read" not in summary and "more semicolons than commas" not in summary


def test_the_corpus_command_says_when_cleaning_changed_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _export(tmp_path / "mentions.csv", preamble="")
    out = tmp_path / "out"
    code = main(
        [
            "corpus",
            "--corpus",
            str(path),
            "--map",
            "text=Full Text,outlet=Domain",
            "--out",
            str(out),
        ]
    )
    assert code == 0
    assert "cleaning: no line removed or changed" in capsys.readouterr().out


def test_blank_lines_above_the_header_are_skipped_without_a_warning(tmp_path: Path) -> None:
    import warnings

    path = _export(tmp_path / "mentions.csv", preamble="\n,,,\n")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a warning would fail the test
        chunks, report = read_chunks(path, columns="text=Full Text,outlet=Domain")
        assert list(next(chunks)["raw_text"]) == BODIES
    assert report.header_line == 2


def test_a_file_without_outlets_grouped_by_another_column_is_told_how_to_compare_by_it(
    tmp_path: Path,
) -> None:
    path = tmp_path / "coded.csv"
    path.write_text("headline,theme\nCouncil votes on buses,3\nPort strike ends,7\n")
    told = r"no 'outlet' column.*give that column as the outlet \(outlet=theme in --map\)"
    with pytest.raises(ParameterError, match=told):
        check_corpus_columns(path, "text=headline", group_by="theme")
    for group_by in (None, "outlet"):
        with pytest.raises(ParameterError, match="no 'outlet' column") as refused:
            check_corpus_columns(path, "text=headline", group_by=group_by)
        assert "give that column as the outlet" not in str(refused.value)
    check_corpus_columns(path, "text=headline,outlet=theme")  # as told: no ParameterError


def test_a_long_preamble_line_is_shown_cut_with_a_mark(tmp_path: Path) -> None:
    # a tester's "Media monitoring export — Project Tone 2013" was shown as "... Project
    # Tone 2", another project's name
    title = "Media monitoring export of the harbour desk — Project Tone 2013"
    path = _export(tmp_path / "mentions.csv", preamble=f"{title}\n\n")
    with pytest.warns(UserWarning, match="preamble, are not read") as said:
        load_corpus(path, column_map="text=Full Text,outlet=Domain", progress=False)
    message = next(str(w.message) for w in said if "preamble" in str(w.message))
    assert message.endswith(f"{title[:59].rstrip()}…")


def test_a_file_whose_texts_run_over_lines_keeps_its_first_line_as_the_header(
    tmp_path: Path,
) -> None:
    """A tester's export (id, source, body) with texts over several lines was called "empty
    (no header row)": a line of prose inside a quoted text, split at its commas, had the most
    fields and was taken for the header."""
    prose = (
        "Voters went to the polls in Virginia, Mississippi, Kentucky and Louisiana, and in "
        "each case, the president tied himself to the outcome.\n\n“Vote, vote, vote,” he said, "
        "again and again, at rallies in Lexington, Tupelo, Monroe and Bossier City."
    )
    path = tmp_path / "typical.csv"
    pd.DataFrame({"id": [0, 1], "source": ["A", "B"], "body": [prose, prose]}).to_csv(
        path, index=False
    )
    with pytest.raises(CorpusFileError, match=r"no 'text' column.*--map text=body"):
        read_chunks(path)
    chunks, _ = read_chunks(path, columns="text=body,outlet=source")
    assert [len(c) for c in chunks] == [2]
