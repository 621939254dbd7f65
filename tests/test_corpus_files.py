"""Reading corpus files (CSV, JSON Lines, Parquet) and folders as streams of raw-document
chunks (:mod:`analysis.corpus.files`)."""

from __future__ import annotations

import json
import warnings
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from analysis.corpus.files import (
    RAW_DOC_COLUMNS,
    CorpusFileError,
    detect_format,
    parse_column_map,
    read_chunks,
)

ROWS = [
    {
        "doc_id": "r1",
        "outlet": "Harbour Herald",
        "title": "Grain pause",
        "published": "2031-03-02",
        "text": "Ministers agreed to pause grain tariffs. Farmers welcomed it.",
    },
    {
        "doc_id": "r2",
        "outlet": "Valley Courier",
        "title": "Doubts",
        "published": "2031-03-03",
        "text": "Critics said the pause is fragile.",
    },
    {
        "doc_id": "r3",
        "outlet": "Harbour Herald",
        "title": "Follow-up",
        "published": "2031-03-04",
        "text": "Exporters expect delays at the border.",
    },
]


def write(frame: pd.DataFrame, path: Path) -> Path:
    fmt = detect_format(path)
    if fmt == "csv":
        frame.to_csv(path, index=False)
    elif fmt == "jsonl":
        with path.open("w", encoding="utf-8") as handle:
            for record in frame.to_dict("records"):
                handle.write(json.dumps(record) + "\n")
    else:
        frame.to_parquet(path, index=False)
    return path


def read_all(path: Path, **kwargs: object) -> tuple[pd.DataFrame, object]:
    chunks, report = read_chunks(path, **kwargs)
    frames = list(chunks)
    return pd.concat(frames, ignore_index=True), report


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
def test_each_format_gives_the_same_raw_documents(tmp_path: Path, suffix: str) -> None:
    path = write(pd.DataFrame(ROWS), tmp_path / f"corpus{suffix}")
    docs, report = read_all(path, chunk_size=2)
    assert list(docs.columns) == RAW_DOC_COLUMNS
    assert docs["doc_id"].tolist() == ["r1", "r2", "r3"]
    assert docs["outlet"].tolist() == ["Harbour Herald", "Valley Courier", "Harbour Herald"]
    assert docs["raw_text"].iloc[1] == "Critics said the pause is fragile."
    assert docs["published"].iloc[2] == "2031-03-04"
    assert docs["origin"].tolist() == ["unknown"] * 3
    assert report.n_rows == 3 and report.n_docs == 3 and report.finished
    assert report.n_empty_skipped == 0


def test_chunks_hold_at_most_chunk_size_documents(tmp_path: Path) -> None:
    frame = pd.DataFrame({"text": [f"Sentence number {i}." for i in range(7)], "outlet": "X"})
    chunks, _ = read_chunks(write(frame, tmp_path / "c.csv"), chunk_size=3)
    assert [len(c) for c in chunks] == [3, 3, 1]


def test_column_mapping_by_string_and_by_dict(tmp_path: Path) -> None:
    frame = pd.DataFrame(ROWS).rename(columns={"text": "body", "outlet": "source"})
    path = write(frame, tmp_path / "mapped.parquet")
    by_string, _ = read_all(path, columns="text=body, outlet=source")
    by_dict, _ = read_all(path, columns={"text": "body", "outlet": "source"})
    pd.testing.assert_frame_equal(by_string, by_dict)
    assert by_string["outlet"].iloc[1] == "Valley Courier"
    assert by_string["raw_text"].iloc[0].startswith("Ministers agreed")


def test_extra_columns_are_carried_as_text_and_reported(tmp_path: Path) -> None:
    frame = pd.DataFrame(ROWS).assign(wordcount=[9, 6, None], lean=["left", "right", "left"])
    docs, report = read_all(write(frame, tmp_path / "extra.csv"))
    assert list(docs.columns[-2:]) == ["wordcount", "lean"]  # after ours, in the file's order
    assert docs["lean"].tolist() == ["left", "right", "left"]
    assert docs["wordcount"].tolist()[2] == ""  # a missing cell is empty text
    assert report.metadata_columns == ["wordcount", "lean"]  # not one of ours: listed
    assert report.ignored_columns == []
    assert "kept as metadata: wordcount, lean" in report.summary()


def test_an_empty_value_of_a_users_column_stays_empty_in_documents_and_sentences(
    tmp_path: Path,
) -> None:
    """A tester's blank lean cells read "unknown" in documents.csv, with no word."""
    from analysis import load_corpus

    frame = pd.DataFrame(ROWS).assign(lean=["left", "", "  "])
    corpus = load_corpus(write(frame, tmp_path / "corpus.csv"))
    assert corpus.documents["lean"].tolist() == ["left", "", ""]
    by_doc = corpus.sentences.groupby("doc_id")["lean"].first()
    assert by_doc.to_dict() == {"r1": "left", "r2": "", "r3": ""}


def test_grouped_by_a_users_column_articles_without_a_value_are_left_out_and_audited(
    tmp_path: Path,
) -> None:
    """A tester's 5 articles with no lean (and 2 written "N/A") were compared as leans
    "unknown" and "N/A"; grouped by lean they are left out, each in the audit and warned of."""
    from analysis import load_corpus
    from analysis.corpus.cleaning import LEFT_OUT

    frame = pd.DataFrame(ROWS).assign(lean=["left", "", "N/A"])
    path = write(frame, tmp_path / "corpus.csv")
    with pytest.warns(UserWarning, match=r"2 article\(s\) with no lean \(r2, r3"):
        corpus = load_corpus(path, group_by="lean")
    assert corpus.documents["doc_id"].tolist() == ["r1"]
    assert set(corpus.sentences["doc_id"]) == {"r1"}
    rows = corpus.audit[corpus.audit["rule"] == "no_group_value"]
    assert rows["doc_id"].tolist() == ["r2", "r3"]
    assert set(rows["action"]) == {LEFT_OUT}
    assert rows["original"].tolist() == ["lean: (empty)", "lean: 'N/A'"]
    assert corpus.left_out["option"].tolist() == ["--group-by lean", "--group-by lean"]
    # grouped by outlet (the default), nothing is left out
    assert len(load_corpus(path).documents) == 3


def test_missing_ids_are_generated_from_the_row_number(tmp_path: Path) -> None:
    frame = pd.DataFrame(ROWS).drop(columns=["doc_id"])
    docs, report = read_all(write(frame, tmp_path / "noid.jsonl"))
    assert docs["doc_id"].tolist() == ["doc00000001", "doc00000002", "doc00000003"]
    assert report.n_generated_ids == 3
    again, _ = read_all(tmp_path / "noid.jsonl")
    assert again["doc_id"].tolist() == docs["doc_id"].tolist()


def test_excel_empty_rows_and_columns_are_not_rows_without_text(tmp_path: Path) -> None:
    """A tester's Excel export (semicolons, ";;" at each line's end, ";;;;;" rows between the
    articles and under them) said "4 rows skipped for empty text" and "not read: Unnamed: 5,
    Unnamed: 6": the empty rows are ignored and said apart, a row with an id but no text is
    named with its id, and empty columns without a name are not named as unread."""
    from analysis import load_corpus

    path = tmp_path / "export.csv"
    path.write_text(
        "doc_id;outlet;title;text;notes;;\n"
        "a1;Post;Ports;Ports reopened on Monday after the strike.;;;\n"
        ";;;;;;\n"
        "a2;Post;Prices;;;;\n"
        "a3;Voice;Rain;Rain fell on Tuesday, forecasters said.;;;\n"
        ";;;;;;\n"
        ";;;;;;\n",
        encoding="utf-8",
    )
    docs, report = read_all(path)
    assert docs["doc_id"].tolist() == ["a1", "a3"]
    assert (report.n_blank_rows, report.n_empty_skipped) == (3, 1)
    summary = report.summary()
    assert "1 row without text (sheet row 4 ('a2')); 3 empty rows ignored" in summary
    assert "Unnamed" not in summary and report.empty_columns == ["Unnamed: 5", "Unnamed: 6"]
    with pytest.warns(UserWarning, match=r"1 row without text \(sheet row 4 \('a2'\)\)"):
        corpus = load_corpus(path, progress=False)
    left = corpus.audit[corpus.audit["rule"] == "empty_text"]  # the summary's "Left out"
    assert left["doc_id"].tolist() == ["a2"]


def test_a_filled_column_without_a_name_is_still_named_as_not_read(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text("outlet,text,\nPost,Ports reopened.,\nVoice,Rain fell.,x\n", encoding="utf-8")
    _, report = read_all(path)
    assert "not read: Unnamed: 2" in report.summary() and report.empty_columns == []


def test_empty_texts_are_skipped_and_counted(tmp_path: Path) -> None:
    frame = pd.DataFrame(
        {"text": ["One sentence.", "", "   ", "Another sentence."], "outlet": ["A"] * 4}
    )
    docs, report = read_all(write(frame, tmp_path / "gaps.csv"))
    assert docs["raw_text"].tolist() == ["One sentence.", "Another sentence."]
    # generated ids keep pointing at the file's rows even when rows are skipped
    assert docs["doc_id"].tolist() == ["doc00000001", "doc00000004"]
    assert report.n_empty_skipped == 2
    assert report.empty_rows == [3, 4]  # as a spreadsheet numbers them, the header row 1
    assert "2 rows without text" in report.summary()


def test_null_text_in_jsonl_and_parquet_is_skipped(tmp_path: Path) -> None:
    frame = pd.DataFrame({"text": ["Kept.", None], "outlet": ["A", "B"]})
    for name in ("nulls.jsonl", "nulls.parquet"):
        docs, report = read_all(write(frame, tmp_path / name))
        assert docs["raw_text"].tolist() == ["Kept."]
        assert report.n_empty_skipped == 1


def test_missing_text_column_fails_before_reading_rows(tmp_path: Path) -> None:
    frame = pd.DataFrame(ROWS).rename(columns={"text": "body"})
    path = write(frame, tmp_path / "nobody.csv")
    with pytest.raises(CorpusFileError, match=r"no 'text' column.*body.*--map text=COLUMN"):
        read_chunks(path)


def test_missing_outlet_column_is_an_error(tmp_path: Path) -> None:
    frame = pd.DataFrame(ROWS).drop(columns=["outlet"])
    with pytest.raises(CorpusFileError, match=r"no 'outlet' column.*--map url=COLUMN"):
        read_chunks(write(frame, tmp_path / "nooutlet.parquet"))


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
def test_without_an_outlet_column_each_outlet_is_the_site_of_its_url(
    tmp_path: Path, suffix: str
) -> None:
    frame = pd.DataFrame(
        {
            "link": [
                "https://www.latimes.com/nation/a.html",
                "http://beta.latimes.com/b",
                "https://www.bbc.co.uk/news/c",
                "/relative/d.html",
                "",
            ],
            "body": ["One.", "Two.", "Three.", "Four.", "Five."],
        }
    )
    path = write(frame, tmp_path / f"export{suffix}")
    with pytest.warns(UserWarning, match=r"no outlet column; .*site of its web address.*'link'"):
        docs, report = read_all(path, columns="text=body,url=link")
    expected = ["latimes.com", "latimes.com", "bbc.co.uk", "unknown", "unknown"]
    assert docs["outlet"].tolist() == expected
    assert docs["url"].tolist() == frame["link"].tolist()  # the address itself is kept
    assert report.outlet_from_url and report.n_no_site == 2 and report.n_unknown_outlet == 2
    assert report.outlets == {"latimes.com": 2, "bbc.co.uk": 1, "unknown": 2}
    summary = report.summary()
    assert "each outlet is the site of the row's 'link'" in summary
    assert "2 rows whose address names no site set to 'unknown'" in summary
    assert "empty outlet" not in summary
    assert "no origin" not in summary  # the file has no origin column: nothing to tell


def test_blank_origins_are_counted_in_the_summary_only_when_the_file_has_the_column(
    tmp_path: Path,
) -> None:
    frame = pd.DataFrame({"text": ["a.", "b."], "outlet": ["H", "H"], "origin": ["US", ""]})
    _, report = read_all(write(frame, tmp_path / "o.csv"))
    assert "1 row with no origin set to 'unknown'" in report.summary()
    _, report = read_all(write(frame.drop(columns="origin"), tmp_path / "n.csv"))
    assert report.n_unknown_origin == 2 and "no origin" not in report.summary()


def test_an_outlet_column_wins_over_the_url(tmp_path: Path) -> None:
    frame = pd.DataFrame(
        {"outlet": ["Herald", ""], "url": ["https://www.cnn.com/a", "https://www.cnn.com/b"]}
    ).assign(text=["One.", "Two."])
    docs, report = read_all(write(frame, tmp_path / "both.csv"))
    assert docs["outlet"].tolist() == ["Herald", "unknown"]  # a blank outlet is not guessed
    assert not report.outlet_from_url and report.n_unknown_outlet == 1


def test_mapping_to_an_absent_column_names_the_columns(tmp_path: Path) -> None:
    path = write(pd.DataFrame(ROWS), tmp_path / "c.csv")
    with pytest.raises(CorpusFileError, match=r"text=content.*columns are: doc_id"):
        read_chunks(path, columns="text=content")


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("text", "not NAME=COLUMN"),
        ("body=text", "not one of ours"),
        ("text=a,text=b", "twice"),
        # the text's column as another field too (a tester's outlet=Body: 295 "outlets")
        ("text=Body,outlet=Body", "article text's column 'Body' as 'outlet' too"),
        ("outlet=text", "article text's column 'text' as 'outlet' too"),
        ("html=page,title=page", "'page' as 'title' too"),
    ],
)
def test_bad_mapping_specs(spec: str, message: str) -> None:
    with pytest.raises(CorpusFileError, match=message):
        parse_column_map(spec)


def test_duplicated_id_across_chunks_names_id_and_rows(tmp_path: Path) -> None:
    texts = ["x.", "y.", "z.", "w."]  # the second b is another text (an exact repeat is left out)
    frame = pd.DataFrame({"doc_id": ["a", "b", "c", "b"], "text": texts, "outlet": ["O"] * 4})
    chunks, _ = read_chunks(write(frame, tmp_path / "dup.csv"), chunk_size=2)
    with pytest.raises(CorpusFileError, match=r"doc_id 'b' appears twice, in sheet rows 3 and 5,"):
        list(chunks)


def test_a_row_repeated_exactly_across_chunks_is_left_out(tmp_path: Path) -> None:
    frame = pd.DataFrame({"doc_id": ["a", "b", "c", "b"], "text": ["x."] * 4, "outlet": ["O"] * 4})
    chunks, report = read_chunks(write(frame, tmp_path / "dup.csv"), chunk_size=2)
    docs = pd.concat(list(chunks))
    assert docs["doc_id"].tolist() == ["a", "b", "c"]
    assert report.repeated_rows == [("dup.csv", "b", 5, "sheet row 5", "sheet row 3")]


def test_blank_outlet_becomes_unknown_and_is_counted(tmp_path: Path) -> None:
    frame = pd.DataFrame({"text": ["a.", "b."], "outlet": ["Herald", ""]})
    docs, report = read_all(write(frame, tmp_path / "o.csv"))
    assert docs["outlet"].tolist() == ["Herald", "unknown"]
    assert report.n_unknown_outlet == 1


def test_values_keep_their_text_form(tmp_path: Path) -> None:
    # "NA" is a word here, ids are numbers in the file, dates are timestamps in Parquet
    frame = pd.DataFrame(
        {
            "doc_id": [101, 102],
            "text": ["NA", "Second."],
            "outlet": ["NA", "B"],
            "published": pd.to_datetime(["2031-01-05", "2031-02-06"]),
        }
    )
    docs, _ = read_all(write(frame, tmp_path / "typed.parquet"))
    assert docs["doc_id"].tolist() == ["101", "102"]
    assert docs["raw_text"].iloc[0] == "NA"
    assert docs["published"].iloc[0].startswith("2031-01-05")
    csv_docs, _ = read_all(write(frame, tmp_path / "typed.csv"))
    assert csv_docs["outlet"].iloc[0] == "NA"


def test_invalid_json_line_is_reported_with_its_number(tmp_path: Path) -> None:
    path = tmp_path / "broken.jsonl"
    path.write_text('{"text": "ok.", "outlet": "A"}\n{"text": oops}\n', encoding="utf-8")
    chunks, _ = read_chunks(path)
    with pytest.raises(CorpusFileError, match="line 2 is not valid JSON"):
        list(chunks)


def test_unknown_extension_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(CorpusFileError, match="cannot tell the format"):
        detect_format(tmp_path / "corpus.xml")
    with pytest.raises(CorpusFileError, match="no such file"):
        read_chunks(tmp_path / "absent.csv")
    assert detect_format("export.jsonl.gz") == "jsonl"
    # an archive of articles is not a corpus file: extract it
    with pytest.raises(CorpusFileError, match=r"Files \(40\)\.zip: .*extract it and give the"):
        detect_format("Files (40).zip")


def test_a_compressed_page_given_as_the_corpus_says_to_put_it_in_a_folder() -> None:
    # it said "an archive of articles ... is not read", though a folder reads such pages
    with pytest.raises(CorpusFileError, match=r"a compressed \.html file .*put the pages in a"):
        detect_format("page.HTML.gz")
    with pytest.raises(CorpusFileError, match=r"archive of articles"):
        detect_format("page.html.zip")  # no folder reads a zipped page


def test_a_folder_is_read_through_the_manifest(make_corpus: Callable[..., Path]) -> None:
    chunks, report = read_chunks(make_corpus(), chunk_size=2)
    frames = list(chunks)
    assert [len(f) for f in frames] == [2, 1]
    docs = pd.concat(frames, ignore_index=True)
    assert list(docs.columns) == RAW_DOC_COLUMNS
    assert docs["doc_id"].tolist() == ["a1", "b1", "c1"]
    assert report.format == "folder" and report.n_docs == 3


def test_the_report_counts_outlets_and_names_spellings_that_differ_in_case(
    tmp_path: Path,
) -> None:
    frame = pd.DataFrame(
        {"text": ["a.", "b.", "c.", ""], "outlet": ["Herald", "herald", "Herald", "X"]}
    )
    _, report = read_all(write(frame, tmp_path / "o.csv"), chunk_size=2)
    assert report.outlets == {"Herald": 2, "herald": 1}  # the row without text is not counted
    assert "'Herald' (2 articles) and 'herald' (1)" in report.summary()
    frame["outlet"] = ["Herald", "Herald", "Post", "X"]
    _, report = read_all(write(frame, tmp_path / "p.csv"))
    assert "differ only" not in report.summary()


def test_a_column_named_twice_is_warned_about(tmp_path: Path) -> None:
    """A tester's header had "Source" twice: the second became "Source.1" without a word."""
    from analysis.corpus.files import file_columns

    export = tmp_path / "export.csv"
    export.write_text("Body,Source,Source\nSome text here.,X,Y\n", encoding="utf-8")
    with pytest.warns(UserWarning, match=r"names a column twice: 'Source' \(the next read as"):
        assert file_columns(export) == ["Body", "Source", "Source.1"]
    plain = tmp_path / "plain.csv"
    plain.write_text("Body,Source,Version.1\nSome text here.,X,Y\n", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Version.1" alone is a name of its own
        file_columns(plain)


def test_an_outlet_read_from_addresses_names_a_column_that_may_hold_outlets(tmp_path) -> None:
    """A tester's export had a "Source" column; mapped only text, her outlets became sites and
    the warning did not name it."""
    export = tmp_path / "export.csv"
    export.write_text(
        "Body,Source,url\nSome text here.,Harbour Post,https://harbourpost.com/a\n",
        encoding="utf-8",
    )
    with pytest.warns(UserWarning, match=r"--map outlet=COLUMN \(--map outlet=Source\?\)"):
        read_all(export, columns="text=Body")


def test_a_text_column_of_ids_beside_one_of_articles_is_warned_about(tmp_path) -> None:
    """A tester's --map text=Id read 200 numbers as 200 articles without a word."""
    body = "The council voted on the new bus fares after a long debate. " * 5
    export = tmp_path / "export.csv"
    export.write_text(
        "Id,Body,Source\n" + "".join(f"{i},{body},X\n" for i in range(5)), encoding="utf-8"
    )
    with pytest.warns(UserWarning, match=r"the text column 'Id' .* is --map text=Body meant\?"):
        read_all(export, columns="text=Id,outlet=Source")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        read_all(export, columns="text=Body,outlet=Source")


def test_rows_of_the_wrong_width_are_named_before_they_shift_cells(tmp_path: Path) -> None:
    # a tester's export: a headline's stray quote swallowed the next rows (an article lost) and
    # a row missing its headline put its date in the title; pandas read both without a word
    path = tmp_path / "export.csv"
    path.write_text(
        "doc_id,outlet,title,published,text\n"
        "r1,Harbour Herald,Grain pause,2031-03-02,Ministers agreed to pause grain tariffs.\n"
        "r2,Valley Courier,2031-03-03,Critics said the pause is fragile.\n"
        "r3,Harbour Herald,Follow-up,2031-03-04,Farmers welcomed it.,extra\n"
        'r4,Valley Courier,"Breaking: votes,2031-03-05,The vote was close.\n'
        'r5,Valley Courier,Later,2031-03-06,"The mayor resigned.\n'
        "r6,Valley Courier,Then,2031-03-07,The council met.\n",
        encoding="utf-8",
    )
    with pytest.warns(UserWarning, match=r"3 row\(s\) do not have the header's 5 fields") as said:
        read_all(path)
    message = str(said[0].message)
    assert "line 3 (4), line 4 (6), line 6 (3)" in message
    path.write_text(path.read_text("utf-8").replace('"The mayor', "The mayor"), "utf-8")
    with pytest.warns(UserWarning), pytest.raises(CorpusFileError, match="quotation mark left"):
        read_all(path)  # the quote left open runs to the end: said, not a traceback
    clean = tmp_path / "clean.csv"
    pd.DataFrame(ROWS).to_csv(clean, index=False)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        read_all(clean)  # a well-formed file: not a word


def test_generated_ids_beside_an_id_column_point_to_mapping_it(tmp_path: Path) -> None:
    # a data journalist mapped only text and outlet: her "id" column was kept as metadata, ids
    # were generated, and 40 rows repeating an id were kept and counted twice
    frame = pd.DataFrame(ROWS).drop(columns=["doc_id"], errors="ignore")
    frame.insert(0, "id", [f"EXP-{k}" for k in range(len(frame))])
    _, report = read_all(write(frame, tmp_path / "ids.csv"))
    assert "doc_ids generated as doc<row> (--map doc_id=id? rows repeating an id" in (
        report.summary()
    )
    _, plain = read_all(write(frame.drop(columns=["id"]), tmp_path / "plain.csv"))
    assert "--map doc_id" not in plain.summary()


def test_a_pandas_index_stored_in_a_parquet_file_is_no_column_of_the_corpus(
    tmp_path: Path,
) -> None:
    """A frame filtered or concatenated before ``to_parquet`` keeps its row labels in a column
    ``__index_level_0__``: ``process`` and ``load_corpus`` crashed on it (KeyError), which the
    reader took as a metadata column that the batches, made with the index, did not hold. It is
    the frame's bookkeeping, not the articles': neither read nor reported."""
    frame = pd.DataFrame(ROWS)
    indexed = pd.concat([frame, frame.iloc[:1].assign(doc_id="r4")]).iloc[1:]
    indexed.to_parquet(tmp_path / "indexed.parquet")  # labels 1, 2, 0
    indexed.reset_index(drop=True).to_parquet(tmp_path / "plain.parquet")
    docs, report = read_all(tmp_path / "indexed.parquet", chunk_size=2)
    plain, plain_report = read_all(tmp_path / "plain.parquet", chunk_size=2)
    assert docs["doc_id"].tolist() == ["r2", "r3", "r4"]
    assert report.metadata_columns == [] and report.ignored_columns == []
    assert "__index_level_0__" not in docs.columns
    pd.testing.assert_frame_equal(docs.drop(columns="file"), plain.drop(columns="file"))
    assert report.n_docs == plain_report.n_docs == 3


def test_a_named_pandas_index_in_a_parquet_file_is_read_as_its_column(tmp_path: Path) -> None:
    """``df.set_index("doc_id").to_parquet(f)`` stores the ids as the frame's index: they are
    the file's ``doc_id`` column (pandas would make them each batch's index, not a column)."""
    path = tmp_path / "ids.parquet"
    pd.DataFrame(ROWS).set_index("doc_id").to_parquet(path)
    docs, report = read_all(path, chunk_size=2)
    assert docs["doc_id"].tolist() == ["r1", "r2", "r3"]
    assert report.columns["doc_id"] == "doc_id" and report.n_generated_ids == 0
    assert docs["raw_text"].iloc[1] == "Critics said the pause is fragile."
