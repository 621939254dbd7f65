"""analysis.corpus.database_exports: a Nexis Uni or LexisNexis export read as its articles."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from news_exports import (
    FERRY,
    STRIKE,
    load_without_warnings,
    moved_to_metadata,
    words_in_sentences,
)
from word_documents import paragraphs_docx

from analysis import load_corpus
from analysis.corpus.database_exports import (
    LEXISNEXIS,
    NEXIS_UNI,
    read_export_article,
    split_database_export,
)
from analysis.corpus.documents import read_raw_documents
from analysis.corpus.exports import article_marks

BRIDGE = ["Engineers closed the old bridge for repairs that will take most of the winter."]

# A Nexis Uni search saved as a document (each line a paragraph of the .docx): the cover page,
# then three articles, each ending with "End of Document". The database writes a no-break
# space after a field's colon.
NEXIS_UNI_SEARCH = "\n".join(
    [
        "User Name: Jane Researcher",
        "Date and Time: Monday, October 20, 2025 9:03:00 AM EDT",
        "Job Number: 261234567",
        "Documents (3)",
        "1. Port strike halts grain exports",
        "2. Second ferry for the islands",
        "3. Old bridge closed",
        "Client/Matter: -None-",
        "Search Terms: port OR ferry OR bridge",
        "Search Type: Terms and Connectors",
        "Port strike halts grain exports",
        "The Harbour Times",
        "October 12, 2025 Sunday",
        "Final Edition",
        "Copyright 2025 Harbour Media Ltd. All Rights Reserved",
        "Section:\u00a0NEWS; Pg. A1",
        "Length:\u00a0412 words",
        "Byline:\u00a0Ann Lee",
        "Body",
        *STRIKE,
        "Classification",
        "Language:\u00a0ENGLISH",
        "Publication-Type:\u00a0Newspaper",
        "Subject:\u00a0STRIKES (90%); PORTS (88%)",
        "Load-Date:\u00a0October 13, 2025",
        "End of Document",
        "Second ferry for the islands",
        "Valley Post",
        "3 May 2025",
        "Length:\u00a0230 words",
        "Body",
        *FERRY,
        "Load-Date:\u00a0May 4, 2025",
        "End of Document",
        "Old bridge closed",
        "The Harbour Times",
        "Dec. 1, 2024 Sunday",
        "Length:\u00a090 words",
        "Body",
        *BRIDGE,
        "Graphic",
        "PHOTO: The bridge in 1950.",
        "Load-Date:\u00a0December 2, 2024",
        "End of Document",
        "",
    ]
)

# The older LexisNexis Academic text export: a download request, then each article opened by
# "N of M DOCUMENTS", the fields in capitals, a two-line headline, edition lines after the date.
LEXISNEXIS_SEARCH = "\n".join(
    [
        "",
        "Download Request: Selected Items: 1-2",
        "Time Of Request: Friday, March 20, 2018  16:51:31",
        "Terms: (port strike)",
        "",
        "                               1 of 2 DOCUMENTS",
        "",
        "                                The Harbour Times",
        "",
        "                            January 11, 2010 Monday",
        "                                   Edition 1;",
        "                                    Scotland",
        "",
        "Port strike halts grain",
        "exports",
        "",
        "BYLINE: Ann Lee",
        "",
        "SECTION: NEWS; Pg. 3",
        "",
        "LENGTH: 412 words",
        "",
        "DATELINE: PORT TOWN",
        "",
        STRIKE[0],
        "",
        STRIKE[1],
        "",
        "LOAD-DATE: January 11, 2010",
        "",
        "LANGUAGE: ENGLISH",
        "",
        "PUBLICATION-TYPE: Newspaper",
        "",
        "",
        "                       Copyright 2010 Harbour Media Ltd",
        "                              All Rights Reserved",
        "",
        "                               2 of 2 DOCUMENTS",
        "",
        "                                  Valley Post",
        "",
        "                            12 January 2010",
        "",
        "Second ferry for the islands",
        "",
        "LENGTH: 230 words",
        "",
        FERRY[0],
        FERRY[1],
        "",
        "LOAD-DATE: January 12, 2010",
        "",
    ]
)


def _non_blank(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip()]


@pytest.mark.parametrize(
    ("text", "kind", "count"),
    [(NEXIS_UNI_SEARCH, NEXIS_UNI, 3), (LEXISNEXIS_SEARCH, LEXISNEXIS, 2)],
)
def test_an_export_is_cut_into_its_articles_and_every_line_is_accounted_for(
    text: str, kind: str, count: int
) -> None:
    articles = split_database_export(text)
    assert [(a.kind, a.number, a.count) for a in articles] == [
        (kind, n, count) for n in range(1, count + 1)
    ]
    # the parts are the file, in order, with nothing left out
    assert "\n".join(a.text for a in articles) == text
    lines = text.split("\n")
    for article in articles:
        assert article.text.split("\n")[0] == lines[article.first_line - 1]
    # each non-blank line is either the article's text or left out with a role, never both
    for article in articles:
        fields = read_export_article(article.text, article.kind)
        body = fields.body.split("\n")
        part = article.text.split("\n")
        assert len(body) == len(part)  # line numbers kept
        left_out = {number for number, _, _ in fields.other_lines}
        for number, line in enumerate(part, start=1):
            if line.strip():
                assert (body[number - 1] == line) != (number in left_out)
        for number, line, _ in fields.other_lines:
            assert part[number - 1] == line


@pytest.mark.parametrize("text", [NEXIS_UNI_SEARCH, LEXISNEXIS_SEARCH])
def test_windows_line_ends_cut_the_same_articles(text: str) -> None:
    # a .txt saved on Windows ends its lines with \r\n; cleaning counts them as \n does
    assert split_database_export(text.replace("\n", "\r\n")) == split_database_export(text)
    kind, n = article_marks(text.replace("\n", "\r\n"))
    assert n >= 2 and kind


def test_nexis_uni_articles_get_their_headline_publication_date_and_text() -> None:
    articles = split_database_export(NEXIS_UNI_SEARCH)
    read = [read_export_article(a.text, a.kind) for a in articles]
    assert [r.metadata for r in read] == [
        {
            "byline": "Ann Lee",
            "section": "NEWS; Pg. A1",
            "language": "ENGLISH",  # the footer's "Language:" field
            "published": "2025-10-12",
            "date_text": "October 12, 2025 Sunday",
            "outlet": "The Harbour Times",
            "title": "Port strike halts grain exports",
        },
        {
            "published": "2025-05-03",
            "date_text": "3 May 2025",
            "outlet": "Valley Post",
            "title": "Second ferry for the islands",
        },
        {
            "published": "2024-12-01",
            "date_text": "Dec. 1, 2024 Sunday",
            "outlet": "The Harbour Times",
            "title": "Old bridge closed",
        },
    ]
    assert [_non_blank(r.body) for r in read] == [STRIKE, FERRY, BRIDGE]
    roles = {(line, role) for line, role in ((ln, r) for _, ln, r in read[0].other_lines)}
    assert ("Job Number: 261234567", "cover page") in roles
    assert ("1. Port strike halts grain exports", "cover page") in roles
    assert ("Final Edition", "header") in roles and ("Body", "header") in roles
    assert ("Load-Date:\u00a0October 13, 2025", "footer") in roles
    assert ("Language:\u00a0ENGLISH", "language") in roles
    assert ("End of Document", "end of document") in roles
    # a caption after the text is the footer's, not the article's
    assert ("PHOTO: The bridge in 1950.", "footer") in {(ln, r) for _, ln, r in read[2].other_lines}


@pytest.mark.parametrize(
    ("date_line", "iso"),
    [
        ("12 oktober 2023 donderdag", "2023-10-12"),  # Dutch
        ("12. Oktober 2023 Donnerstag", "2023-10-12"),  # German
        ("1er octobre 2023", "2023-10-01"),  # French
        ("12 de octubre de 2023", "2023-10-12"),  # Spanish
    ],
)
def test_a_nexis_uni_date_in_another_language_is_read(date_line: str, iso: str) -> None:
    # a Dutch Nexis Uni export writes its fields in English and its dates in Dutch
    header = ["Havenstaking", "NRC", date_line, "Length:\u00a0230 words", "Body"]
    text = "\n".join([*header, *FERRY, "End of Document"])
    (article,) = split_database_export(text)
    metadata = read_export_article(article.text, article.kind).metadata
    assert (metadata["published"], metadata["outlet"], metadata["title"]) == (
        iso,
        "NRC",
        "Havenstaking",
    )


def test_lexisnexis_articles_get_their_headline_publication_date_and_text() -> None:
    articles = split_database_export(LEXISNEXIS_SEARCH)
    read = [read_export_article(a.text, a.kind) for a in articles]
    assert read[0].metadata == {
        "outlet": "The Harbour Times",
        "published": "2010-01-11",
        "date_text": "January 11, 2010 Monday",
        "title": "Port strike halts grain exports",
        "byline": "Ann Lee",
        "section": "NEWS; Pg. 3",
        "dateline": "PORT TOWN",  # the "DATELINE:" field, a column of its own
        "language": "ENGLISH",  # the footer's "LANGUAGE:" field
    }
    assert read[1].metadata == {
        "outlet": "Valley Post",
        "published": "2010-01-12",
        "date_text": "12 January 2010",
        "title": "Second ferry for the islands",
    }
    assert [_non_blank(r.body) for r in read] == [STRIKE, FERRY]
    roles = {(line.strip(), role) for _, line, role in read[0].other_lines}
    assert ("Terms: (port strike)", "cover page") in roles
    assert ("Edition 1;", "header") in roles and ("DATELINE: PORT TOWN", "dateline") in roles
    assert ("exports", "title") in roles
    assert ("All Rights Reserved", "footer") in roles


def test_a_headline_or_paragraph_that_opens_with_capitals_and_a_colon_is_not_a_field() -> None:
    text = "\n".join(
        [
            "1 of 1 DOCUMENT",
            "The Delhi Post",
            "March 3, 2010",
            "",
            "WORLD NEWS: Deported workers return home",
            "",
            "LENGTH: 270 words",
            "",
            "NEW DELHI: Nearly 150 workers returned home on Wednesday after being deported.",
            "Source: the airport authority said more flights were due.",
            "",
            "LOAD-DATE: March 4, 2010",
        ]
    )
    (article,) = split_database_export(text)
    fields = read_export_article(article.text, article.kind)
    assert fields.metadata["title"] == "WORLD NEWS: Deported workers return home"
    # without its footer fields, the article still ends with its copyright lines
    copyright = "   Copyright 2010 The Delhi Post\n   All Rights Reserved"
    text = text.replace("LOAD-DATE: March 4, 2010", copyright)
    fields = read_export_article(split_database_export(text)[0].text, LEXISNEXIS)
    assert _non_blank(fields.body)[-1].startswith("Source: the airport authority")
    assert [role for _, _, role in fields.other_lines][-2:] == ["footer", "footer"]
    assert _non_blank(fields.body) == [
        "NEW DELHI: Nearly 150 workers returned home on Wednesday after being deported.",
        "Source: the airport authority said more flights were due.",
    ]


def test_a_german_lexisnexis_export_is_read_as_its_articles() -> None:
    text = LEXISNEXIS_SEARCH
    for english, german in (
        ("1 of 2 DOCUMENTS", "Dokument 1 von 2"),
        ("2 of 2 DOCUMENTS", "Dokument 2 von 2"),
        ("BYLINE:", "AUTOR:"),
        ("SECTION:", "RUBRIK:"),
        ("LENGTH:", "LÄNGE:"),
        ("LANGUAGE:", "SPRACHE:"),
        ("January 11, 2010 Monday", "11. Januar 2010 Montag"),
    ):
        text = text.replace(english, german)
    articles = split_database_export(text)
    read = [read_export_article(a.text, a.kind) for a in articles]
    assert [_non_blank(r.body) for r in read] == [STRIKE, FERRY]
    assert read[0].metadata["byline"] == "Ann Lee"
    assert read[0].metadata["section"] == "NEWS; Pg. 3"
    assert read[0].metadata["published"] == "2010-01-11"
    assert read[0].metadata["title"] == "Port strike halts grain exports"
    assert read[0].metadata["language"] == "ENGLISH"  # "SPRACHE: ENGLISH"
    assert article_marks(text) == ("LexisNexis ('N of M DOCUMENTS')", 2)


@pytest.mark.parametrize(
    "text",
    [
        "\n".join(STRIKE),
        # the words inside a sentence are not marks
        "We reached the end of document review.\nBody language matters, she said.\n",
        # an end mark with no "Body" line before it: not an export this reads (warned about)
        "\n".join([*STRIKE, "End of Document", *FERRY, "End of Document"]),
        # "1 of 2 DOCUMENTS" with no LENGTH: line after it
        "\n".join(["1 of 2 DOCUMENTS", *STRIKE, "2 of 2 DOCUMENTS", *FERRY]),
        "",
    ],
)
def test_text_that_is_not_an_export_is_not_cut(text: str) -> None:
    assert split_database_export(text) == []


def test_an_article_whose_header_has_no_date_keeps_its_text_without_metadata() -> None:
    text = "\n".join(
        ["Some table of figures", "Length:\u00a040 words", "Body", *BRIDGE, "End of Document"]
    )
    (article,) = split_database_export(text)
    fields = read_export_article(article.text, article.kind)
    assert _non_blank(fields.body) == BRIDGE
    assert fields.metadata == {}
    # with no "Body" line at all, everything but the end mark is text
    text = "\n".join([*BRIDGE, "End of Document"])
    fields = read_export_article(text, NEXIS_UNI)
    assert (_non_blank(fields.body), fields.metadata) == (BRIDGE, {})


def test_a_folder_of_exports_is_read_as_their_articles(tmp_path: Path) -> None:
    folder = tmp_path / "nexis"
    folder.mkdir()
    (folder / "Files (3).docx").write_bytes(paragraphs_docx(NEXIS_UNI_SEARCH.split("\n")))
    (folder / "academic.txt").write_text(LEXISNEXIS_SEARCH, encoding="utf-8")
    # the two exports hold the same stories: near-copies, kept here on purpose (a run's default
    # keeps and flags them, with a warning naming them)
    with pytest.warns(UserWarning, match="are near-copies of another"):
        load_corpus(folder, progress=False, jobs=1)
    corpus = load_without_warnings(folder, duplicates="keep")
    docs = corpus.documents.set_index("doc_id")
    assert list(docs.index) == [
        "Files (3)-1",
        "Files (3)-2",
        "Files (3)-3",
        "academic-1",
        "academic-2",
    ]
    assert docs["outlet"].tolist() == [
        "The Harbour Times",
        "Valley Post",
        "The Harbour Times",
        "The Harbour Times",
        "Valley Post",
    ]
    assert docs.loc["Files (3)-2", "published"] == "2025-05-03"
    assert docs.loc["academic-1", "title"] == "Port strike halts grain exports"
    assert docs.loc["Files (3)-1", "byline"] == "Ann Lee"
    assert docs.loc["Files (3)-2", "byline"] == ""  # an empty cell stays empty, not "unknown"
    assert docs.loc["Files (3)-1", "author"] == "Ann Lee"  # the name the byline gives
    assert docs.loc["Files (3)-2", "author"] == ""  # no byline, no author
    assert (
        docs.loc["Files (3)-2", "notes"]
        == "Nexis Uni export, article 2 of 3 (from line 28 of its file)"
    )
    assert (
        docs.loc["academic-2", "date_note"] == "the LexisNexis export's date line: 12 January 2010"
    )
    assert docs.loc["Files (3)-1", "text"].split("\n") == STRIKE
    assert docs.loc["academic-2", "text"].split("\n") == FERRY
    header = ("Length", "Load-Date", "LOAD-DATE", "Job Number", "Copyright", "End of Document")
    assert words_in_sentences(corpus, header) == []
    audit = corpus.audit
    assert moved_to_metadata(corpus, "Files (3)-1") == {
        "title: Port strike halts grain exports",
        "outlet: The Harbour Times",
        "published: 2025-10-12",
        "byline: Ann Lee",
        "section: NEWS; Pg. A1",
        "language: ENGLISH",
    }
    # the footer's language field is the article's language; none given, it is guessed
    # "ENGLISH" as its ISO 639-1 code, audited (rule language_code)
    assert docs.loc["Files (3)-1", "language"] == "en"
    assert docs.loc["academic-1", "language"] == "en"
    recoded = audit[(audit["rule"] == "language_code") & (audit["doc_id"] == "academic-1")]
    assert recoded[["original", "result"]].values.tolist() == [
        ["language: ENGLISH", "language: en (ISO 639-1)"]
    ]
    assert docs.loc["Files (3)-2", "language"] == "en"
    cover = audit[audit["rule"] == "export_cover"]
    assert set(cover["doc_id"]) == {"Files (3)-1", "academic-1"}
    assert "Job Number: 261234567" in set(cover["original"])
    assert (audit.loc[audit["rule"] == "export_footer", "action"] == "removed").all()


def test_a_sidecar_value_wins_over_the_export_and_one_article_keeps_its_file_id(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "nexis"
    folder.mkdir()
    one = NEXIS_UNI_SEARCH.split("End of Document")[1].lstrip("\n") + "End of Document\n"
    (folder / "ferry.txt").write_text(one, encoding="utf-8")
    (folder / "metadata.csv").write_text("file,outlet,origin\nferry.txt,Valley Post Online,UK\n")
    raw = read_raw_documents(folder)
    assert raw[["doc_id", "outlet", "title", "origin"]].values.tolist() == [
        ["ferry", "Valley Post Online", "Second ferry for the islands", "UK"]
    ]
    audit = load_corpus(folder, progress=False, jobs=1).audit
    moved = audit.loc[audit["action"] == "moved_to_metadata", "result"].tolist()
    assert "outlet: Valley Post (not used: the metadata gives 'Valley Post Online')" in moved
    assert "title: Second ferry for the islands" in moved


def test_an_export_a_manifest_lists_is_one_article_and_the_warning_says_how_to_split(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "nexis"
    folder.mkdir()
    (folder / "search.txt").write_text(NEXIS_UNI_SEARCH, encoding="utf-8")
    (folder / "manifest.csv").write_text("doc_id,file,outlet\ns,search.txt,Nexis\n")
    advice = r"export is split into its articles.*in a folder without a manifest\.csv \(a metadata"
    with pytest.warns(UserWarning, match=advice):
        raw = read_raw_documents(folder)
    assert raw["doc_id"].tolist() == ["s"] and raw["raw_text"][0] == NEXIS_UNI_SEARCH


def test_an_article_id_that_another_file_already_has_stops_the_load(tmp_path: Path) -> None:
    folder = tmp_path / "nexis"
    folder.mkdir()
    (folder / "search.txt").write_text(NEXIS_UNI_SEARCH, encoding="utf-8")
    (folder / "search-1.txt").write_text("\n".join(STRIKE), encoding="utf-8")
    from analysis.corpus.documents import CorpusError

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(CorpusError, match="duplicate doc_id 'search-1'"):
            read_raw_documents(folder)


def test_a_run_may_group_by_the_section_of_an_exports_articles(tmp_path: Path) -> None:
    from analysis.pipeline.params import ParameterError, check_group_column

    folder = tmp_path / "nexis"
    folder.mkdir()
    (folder / "search.txt").write_text(NEXIS_UNI_SEARCH, encoding="utf-8")
    check_group_column(folder, "section")
    check_group_column(folder, "byline")
    with pytest.raises(ParameterError, match=r"'colour' is not a column.*'byline', 'section'"):
        check_group_column(folder, "colour")


def test_a_byline_fills_an_empty_author_with_the_name_it_gives(tmp_path: Path) -> None:
    header = ["Port strike halts grain exports", "The Harbour Times", "October 12, 2025"]
    byline = "Byline:\u00a0By ANN LEE, Staff Writer"
    text = "\n".join(
        [*header, byline, "Length:\u00a0230 words", "Body", *STRIKE, "End of Document"]
    )
    (tmp_path / "search.txt").write_text(text, encoding="utf-8")
    docs = load_without_warnings(tmp_path).documents
    assert docs.loc[0, "byline"] == "By ANN LEE, Staff Writer"  # as the database wrote it
    assert docs.loc[0, "author"] == "ANN LEE"
    # a sidecar's author for the file wins
    (tmp_path / "metadata.csv").write_text("file,author\nsearch.txt,Ann Lee-Smith\n")
    assert load_without_warnings(tmp_path).documents.loc[0, "author"] == "Ann Lee-Smith"


# LexisNexis Academic as a tester's export has it: the headline a "HEADLINE:" field after the
# section and length, not a line between the date and the fields
LEXISNEXIS_HEADLINE_FIELD = """
                              1 of 1 DOCUMENTS


                               Harbour Post

                            March 12, 2024 Tuesday


SECTION: NEWS; Pg. A2

LENGTH: 104 words


HEADLINE: Iraq boosts security on Syrian border

BYLINE: By ANN LEE

HIGHLIGHT: Troops sent to the border

Prime Minister Nuri al-Maliki has sent extra troops to secure the border with Syria.


LOAD-DATE: March 6, 2024

LANGUAGE: ENGLISH

                     Copyright 2024 Harbour Post
"""


def test_a_lexisnexis_headline_field_is_the_title_and_a_highlight_stays_text() -> None:
    """A tester's LexisNexis Academic export lost every headline: "HEADLINE: ..." was removed
    as a header line and ``title`` was empty. A "HIGHLIGHT:" is the outlet's standfirst: the
    article's text, without the field's name."""
    (article,) = split_database_export(LEXISNEXIS_HEADLINE_FIELD)
    read = read_export_article(article.text, article.kind)
    assert read.metadata["title"] == "Iraq boosts security on Syrian border"
    assert (read.metadata["byline"], read.metadata["section"]) == ("By ANN LEE", "NEWS; Pg. A2")
    assert _non_blank(read.body) == [
        "Troops sent to the border",
        "Prime Minister Nuri al-Maliki has sent extra troops to secure the border with Syria.",
    ]
    roles = {(line.strip(), role) for _, line, role in read.other_lines}
    assert ("HEADLINE: Iraq boosts security on Syrian border", "title") in roles
    assert read.edited_lines == [
        (19, "HIGHLIGHT: Troops sent to the border", "Troops sent to the border")
    ]


def test_nexis_uni_dateline_is_a_column_and_highlight_is_text(tmp_path: Path) -> None:
    """A tester's Nexis Uni export lost "Dateline: MANILA, Philippines" and "Highlight: ..."
    as header lines: the dateline is a column of its own, as the byline and section are, and
    the highlight the article's first line, both in the audit."""
    header = [
        "Philippines says police might have shot hostages",
        "The Daily Star",
        "March 4, 2024 Monday",
        "Section:\u00a0NEWS; Pg. A2",
        "Length:\u00a0123 words",
        "Dateline:\u00a0MANILA, Philippines",
        "Highlight:\u00a0Aquino says he is through apologising",
        "Body",
    ]
    folder = tmp_path / "nexis"
    folder.mkdir()
    text = "\n".join([*header, *STRIKE, "Load-Date:\u00a0March 5, 2024", "End of Document"])
    (folder / "search.txt").write_text(text, encoding="utf-8")
    corpus = load_without_warnings(folder)
    docs = corpus.documents.set_index("doc_id")
    assert docs.loc["search", "dateline"] == "MANILA, Philippines"
    assert docs.loc["search", "text"].split("\n") == [
        "Aquino says he is through apologising",
        *STRIKE,
    ]
    assert "dateline: MANILA, Philippines" in moved_to_metadata(corpus, "search")
    changed = corpus.audit[corpus.audit["action"] == "changed"]
    assert changed["result"].tolist() == ["Aquino says he is through apologising"]
