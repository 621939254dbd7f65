"""analysis.corpus.factiva: a Factiva export, saved as a page or as a document, read as its
articles. The articles are made up; the layout is Factiva's "Article Format"."""

from __future__ import annotations

from pathlib import Path

import pytest
from news_exports import (
    FERRY,
    STRIKE,
    load_without_warnings,
    moved_to_metadata,
    words_in_sentences,
)

from analysis import load_corpus
from analysis.corpus.database_exports import FACTIVA, split_database_export
from analysis.corpus.documents import read_raw_documents
from analysis.corpus.export_parts import part_lines
from analysis.corpus.factiva import factiva_bounds, factiva_page_text, read_factiva_article

BRIDGE = ["Die alte Brücke wird im Winter repariert und bleibt bis März gesperrt."]

# Each article's header lines (in Factiva's order) and paragraphs, and its accession number
ARTICLES = [
    (
        [
            "News; 3",
            "Port strike halts grain exports",
            "By Ann Lee",
            "Harbour Correspondent",
            "1,412 words",
            "12 October 2025",
            "14:05 GMT",
            "The Harbour Times",
            "HBTM",
            "Final",
            "English",
            "Copyright 2025 Harbour Media Ltd. All Rights Reserved.",
        ],
        STRIKE,
        "HBTM000020251012el1c0001a",
    ),
    (
        [
            "Second ferry for the islands",
            "230 words",
            "3 May 2025",
            "Valley Post",
            "VLPO",
            "English",
            "(c) 2025 Valley Post",
        ],
        FERRY,
        "VLPO000020250503el530002b",
    ),
    (
        [
            "Alte Brücke gesperrt",
            "Von Jana Berg",
            "90 Wörter",
            "1 Dezember 2024",
            "Nordblatt",
            "NRBL",
            "Deutsch",
            "© 2024 Nordblatt Verlag",
        ],
        BRIDGE,
        "NRBL000020241201ekc10003c",
    ),
]
# what the strike article's header gives (its section apart: the coded layout has none)
STRIKE_FIELDS = {
    "title": "Port strike halts grain exports",
    "byline": "Ann Lee",
    "published": "2025-10-12",
    "date_text": "12 October 2025",
    "outlet": "The Harbour Times",
    "language": "English",
}
TITLES = ("Port strike halts grain exports", "Second ferry for the islands", "Alte Brücke gesperrt")
SUMMARY = ["Search Summary", "Text\tport OR ferry", "Date\tAll Dates"]


def _document(articles: list = ARTICLES, mark: str = "Document") -> str:
    """The articles as an RTF or text download gives them: a line per paragraph, a blank line
    after the header and after each paragraph, the end line, then the search summary."""
    lines: list[str] = []
    for header, paragraphs, number in articles:
        lines += [*header, ""]
        for paragraph in paragraphs:
            lines += [paragraph, ""]
        lines += [f"{mark} {number}", ""]
    return "\n".join([*lines, *SUMMARY])


def _page(articles: list = ARTICLES) -> str:
    """The articles as a saved Factiva page: the site's menus and a script around them, each
    article in ``<div class="article enArticle">``, its headline in a ``<span>``, its byline in
    ``<div class="author">``, its paragraphs of class ``articleParagraph``."""
    parts = [
        "<html><head><title>Factiva</title><script>var tracker = 1;</script></head><body>",
        '<div id="nav"><table><tr><td><h1>Dow Jones Factiva</h1></td></tr></table></div>',
        '<form><div id="contentLeft">',
    ]
    for header, paragraphs, number in articles:
        lang = "de" if "Deutsch" in header else "en"
        parts.append(
            f'<div id="article-{number}" class="article"><div class="article {lang}Article">'
        )
        for line in header:
            if line.startswith(("By ", "Von ")):
                parts.append(f'<div class="author">{line}  </div>')
            elif line in TITLES:
                parts.append(f'<div id="hd"><span class="{lang}Headline">{line} </span>\n</div>')
            else:
                parts.append(f"<div>{line}</div>")
        parts.append("<p></p>")
        for paragraph in paragraphs:
            parts.append(f'<p class="articleParagraph {lang}articleParagraph">{paragraph}  </p>')
        parts.append(f"<p>Document {number}</p></div></div><br>")
    parts.append("</div></form><div>© 2025 Factiva, Inc. All rights reserved.</div></body></html>")
    return "\n".join(parts)


def _non_blank(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip()]


def test_a_document_is_cut_at_its_end_lines_and_every_line_is_accounted_for() -> None:
    text = _document()
    articles = split_database_export(text)
    assert [(a.kind, a.number, a.count) for a in articles] == [(FACTIVA, n, 3) for n in (1, 2, 3)]
    assert "\n".join(a.text for a in articles) == text  # nothing dropped between the parts
    for article in articles:
        fields = read_factiva_article(part_lines(article.text))
        others = {line for _, line, _ in fields.other_lines}
        # each non-blank line is either the article's text or a line with a role
        for line in _non_blank(article.text):
            assert (line in _non_blank(fields.body)) != (line in others)
    last = read_factiva_article(part_lines(articles[-1].text))
    assert {line: role for _, line, role in last.other_lines if line in SUMMARY} == {
        line: "footer" for line in SUMMARY
    }


def test_each_article_gets_its_headline_source_date_byline_section_and_language() -> None:
    found = [read_factiva_article(part_lines(a.text)) for a in split_database_export(_document())]
    assert [f.metadata for f in found] == [
        {"section": "News; 3", **STRIKE_FIELDS},
        {
            "title": "Second ferry for the islands",
            "published": "2025-05-03",
            "date_text": "3 May 2025",
            "outlet": "Valley Post",
            "language": "English",
        },
        {
            "title": "Alte Brücke gesperrt",
            "byline": "Jana Berg",
            "published": "2024-12-01",
            "date_text": "1 Dezember 2024",
            "outlet": "Nordblatt",
            "language": "Deutsch",
        },
    ]
    assert [_non_blank(f.body) for f in found] == [STRIKE, FERRY, BRIDGE]


def test_a_byline_without_by_is_told_from_the_headline_by_length() -> None:
    header = ["Foreign Desk", "Council votes to expand the night bus network", "Maria Lopez"]
    header += ["640 words", "9 January 2026", "Harbour Post", "HBPO", "English"]
    fields = read_factiva_article([*header, "", STRIKE[0], "Document HBPO000020260109ek190001x"])
    assert fields.metadata["title"] == "Council votes to expand the night bus network"
    assert fields.metadata["byline"] == "Maria Lopez"
    assert fields.metadata["section"] == "Foreign Desk"
    assert _non_blank(fields.body) == [STRIKE[0]]  # no copyright line: the language ends it


@pytest.mark.parametrize(
    ("count", "date_line", "mark", "iso"),
    [
        ("877 Wörter", "9 Januar 1993", "Dokument", "1993-01-09"),
        ("877 mots", "9 janvier 1993", "Document", "1993-01-09"),
        ("877 palabras", "9 enero 1993", "Documento", "1993-01-09"),
        ("877 字", "1993年1月9日", "文档", "1993-01-09"),
    ],
)
def test_the_other_interfaces_word_counts_dates_and_end_lines_are_read(
    count: str, date_line: str, mark: str, iso: str
) -> None:
    header = ["Port strike halts grain exports", count, date_line, "The Harbour Times", "HBTM"]
    text = _document([(header, STRIKE, "HBTM000019930109dp1900j9s")] * 2, mark=mark)
    articles = split_database_export(text)
    assert len(articles) == 2
    fields = read_factiva_article(part_lines(articles[0].text))
    assert fields.metadata["published"] == iso
    assert fields.metadata["outlet"] == "The Harbour Times"
    assert _non_blank(fields.body) == STRIKE  # the source's code ends a header without language


def test_an_article_whose_header_has_no_date_keeps_its_text_without_metadata() -> None:
    lines = ["Port strike halts grain exports", "412 words", "The Harbour Times", *STRIKE]
    fields = read_factiva_article([*lines, "Document HBTM000020251012el1c0001a"])
    assert fields.metadata == {}
    assert _non_blank(fields.body) == lines


@pytest.mark.parametrize(
    "text",
    [
        "\n".join(STRIKE),
        # end lines without a word count line above them: codes run into their values
        "HD Port strike\nWC 412 words\nDocument HBTM000020251012el1c0001a\n" * 2,
        # a sentence about a document is not an end line
        "412 words\nThe Document HBTM000020251012el1c0001a was leaked.\n",
    ],
)
def test_text_that_is_not_a_factiva_document_is_not_cut(text: str) -> None:
    assert factiva_bounds(part_lines(text)) is None
    assert split_database_export(text) == []


def test_a_saved_page_reads_as_the_lines_of_a_document() -> None:
    text = factiva_page_text(_page())
    assert text is not None
    lines = text.rstrip("\n").split("\n")
    first_header = ARTICLES[0][0]
    assert lines[: len(first_header)] == first_header  # the blocks in order, one line each
    assert lines[len(first_header) : len(first_header) + 3] == [
        *STRIKE,
        "Document HBTM000020251012el1c0001a",
    ]
    # the page's own lines come after the last article; its script is not text
    assert lines[-2:] == ["Dow Jones Factiva", "© 2025 Factiva, Inc. All rights reserved."]
    assert not any("tracker" in line for line in lines)
    fields = [read_factiva_article(part_lines(a.text)) for a in split_database_export(text)]
    assert tuple(f.metadata["title"] for f in fields) == TITLES


@pytest.mark.parametrize(
    "html",
    [
        "<html><body><p>An ordinary page about the port strike.</p></body></html>",
        # paragraphs of Factiva's class but no end line: not read as an export
        '<div class="article enArticle"><p class="articleParagraph">A paragraph.</p></div>',
        "",
    ],
)
def test_a_page_that_is_not_a_factiva_page_is_left_to_extraction(html: str) -> None:
    assert factiva_page_text(html) is None


def _rtf(lines: list[str]) -> bytes:
    """An RTF document of ``lines``, one paragraph each (ASCII only)."""
    body = "".join(line.replace("\\", "\\\\") + "\\par\n" for line in lines)
    return ("{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Arial;}}\\f0 " + body + "}").encode("ascii")


def test_a_folder_of_factiva_pages_and_documents_is_read_as_their_articles(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "factiva"
    folder.mkdir()
    english = ARTICLES[:2]
    (folder / "Factiva search.html").write_text(_page(english), encoding="utf-8")
    (folder / "Factiva-20251020.txt").write_text(_document(english), encoding="utf-8")
    (folder / "Factiva-20251021.rtf").write_bytes(_rtf(_document(english).split("\n")))
    # the two exports hold the same stories: near-copies, kept here on purpose (a run's default
    # keeps and flags them, with a warning naming them)
    with pytest.warns(UserWarning, match="are near-copies of another"):
        load_corpus(folder, progress=False, jobs=1)
    corpus = load_without_warnings(folder, duplicates="keep")
    docs = corpus.documents.set_index("doc_id")
    assert list(docs.index) == [
        "Factiva search-1",
        "Factiva search-2",
        "Factiva-20251020-1",
        "Factiva-20251020-2",
        "Factiva-20251021-1",
        "Factiva-20251021-2",
    ]
    assert docs["outlet"].tolist() == ["The Harbour Times", "Valley Post"] * 3
    assert docs["published"].tolist() == ["2025-10-12", "2025-05-03"] * 3
    # Factiva's "English" as its ISO 639-1 code (rule language_code), as Nexis Uni's "ENGLISH"
    assert docs["language"].tolist() == ["en"] * 6
    assert docs.loc["Factiva search-1", "byline"] == "Ann Lee"
    assert docs.loc["Factiva search-1", "section"] == "News; 3"
    assert docs.loc["Factiva search-2", "notes"] == "Factiva export saved as a page, article 2 of 2"
    assert docs.loc["Factiva-20251020-2", "notes"].startswith("Factiva export, article 2 of 2")
    for doc_id in docs.index:
        assert docs.loc[doc_id, "text"].split("\n") == (STRIKE if doc_id.endswith("1") else FERRY)
    header = ("words", "Copyright", "Document", "Factiva", "Search Summary", "HBTM")
    assert words_in_sentences(corpus, header) == []
    assert moved_to_metadata(corpus, "Factiva search-1") == {"section: News; 3"} | {
        f"{key}: {value}" for key, value in STRIKE_FIELDS.items() if key != "date_text"
    }
    audit = corpus.audit
    footer = audit[(audit["rule"] == "export_footer") & (audit["doc_id"] == "Factiva search-2")]
    assert "Dow Jones Factiva" in set(footer["original"])  # the page's menus, in the audit


def test_a_factiva_page_a_manifest_lists_is_one_article_with_a_warning(tmp_path: Path) -> None:
    folder = tmp_path / "factiva"
    folder.mkdir()
    (folder / "search.html").write_text(_page(), encoding="utf-8")
    (folder / "manifest.csv").write_text("doc_id,file,outlet\ns,search.html,Factiva\n")
    with pytest.warns(UserWarning, match=r"search\.html \(3 marks of Factiva.*Article Format\)"):
        raw = read_raw_documents(folder)
    assert raw["doc_id"].tolist() == ["s"] and raw["raw_format"].tolist() == ["html"]


def test_codes_run_into_their_values_are_warned_about(tmp_path: Path) -> None:
    folder = tmp_path / "factiva"
    folder.mkdir()
    coded = "HD Port strike\nSN The Harbour Times\nTD\n" + STRIKE[0] + "\n"
    text = "".join(coded + f"Document HBTM00002025101{n}el1c0001a\n" for n in (1, 2))
    (folder / "coded.txt").write_text(text, encoding="utf-8")
    (folder / "metadata.csv").write_text("file,outlet\ncoded.txt,The Harbour Times\n")
    with pytest.warns(UserWarning, match=r"field code \(HD, SN, PD...\) stands apart"):
        raw = read_raw_documents(folder)
    assert raw["doc_id"].tolist() == ["coded"]


def test_an_exported_article_without_text_is_left_out_with_a_warning(tmp_path: Path) -> None:
    folder = tmp_path / "factiva"
    folder.mkdir()
    photo = (["Photo of the week", "0 words", "4 May 2025", "Valley Post", "VLPO"], [], "V" * 25)
    (folder / "search.txt").write_text(_document([*ARTICLES[:2], photo]), encoding="utf-8")
    with pytest.warns(UserWarning, match=r"1 article\(s\) of news database exports .* search-3"):
        corpus = load_corpus(folder, progress=False, jobs=1)
    assert corpus.documents["doc_id"].tolist() == ["search-1", "search-2"]
    # its lines stay in the audit
    assert "Photo of the week" in set(
        corpus.audit.loc[corpus.audit["doc_id"] == "search-3", "original"]
    )
    # a folder's own article file with no text is left out too, named, and in the audit (one
    # failed scrape in a tester's folder stopped the run, while the same rows as a CSV ran)
    (folder / "empty.txt").write_text("Advertisement\n", encoding="utf-8")
    with pytest.warns(UserWarning, match=r"1 article\(s\) have no text left .*: empty\.txt: no"):
        corpus = load_corpus(folder, progress=False, jobs=1)
    assert corpus.documents["doc_id"].tolist() == ["search-1", "search-2"]
    left = corpus.audit.loc[corpus.audit["rule"] == "no_text_left", ["doc_id", "action"]]
    assert left.values.tolist() == [["empty", "document_left_out"]]


# the coded layout ("Full Article/Report plus Indexing"): two articles, each field's value
# beside its code (a tab) or on the lines below it
CODED = [
    (
        [
            ("HD", "Port strike halts grain exports"),
            ("BY", "Ann Lee"),
            ("WC", "412 words"),
            ("PD", "12 October 2025"),
            ("SN", "The Harbour Times"),
            ("SC", "HBTM"),
            ("LA", "English"),
            ("LP", STRIKE[0]),
            ("TD", STRIKE[1]),
            ("CO", "hrbr : Harbour Media Ltd"),
            ("NS", "gcat : Political/General News"),
        ],
        "HBTM000020251012el1c0001a",
    ),
    (
        [
            ("HD", "Second ferry for the islands"),
            ("WC", "230 words"),
            ("PD", "3 May 2025"),
            ("SN", "Valley Post"),
            ("LA", "English"),
            ("LP", FERRY[0]),
            ("TD", FERRY[1]),
        ],
        "VLPO000020250503el530002b",
    ),
]


def _coded(form: str) -> str:
    """The coded articles with each value after its code's tab, on the line below its code, or
    in the cell beside it as striprtf reads an RTF table ("HD|value|")."""
    lines = []
    for fields, number in CODED:
        for code, value in [*fields, ("AN", f"Document {number}")]:
            if form == "tab":
                lines.append(f"{code}\t{value}")
            elif form == "below":
                lines += [code, value]
            else:
                lines.append(f"{code}|{value}|")
        lines.append("")
    return "\n".join(lines)


@pytest.mark.parametrize("form", ["tab", "below", "table"])
def test_the_coded_layout_is_read_as_its_articles(form: str) -> None:
    articles = split_database_export(_coded(form))
    assert [a.kind for a in articles] == [FACTIVA, FACTIVA]
    found = [read_factiva_article(part_lines(a.text)) for a in articles]
    assert found[0].metadata == STRIKE_FIELDS
    assert found[1].metadata["outlet"] == "Valley Post"
    assert [_non_blank(f.body) for f in found] == [STRIKE, FERRY]
    # the indexing fields are header lines; a line holding its code and the text is changed
    roles = {line: role for _, line, role in found[0].other_lines}
    indexing = [line for line in roles if "Harbour Media Ltd" in line or line.startswith("NS")]
    assert indexing and all(roles[line] == "header" for line in indexing)
    edited = [kept for _, _, kept in found[0].edited_lines]
    assert edited == ([] if form == "below" else STRIKE)


def test_a_coded_rtf_download_in_a_folder_is_read_with_its_changes_in_the_audit(
    tmp_path: Path,
) -> None:
    rows = "".join(
        f"{{\\trowd\\cellx1000\\cellx9000 {code}\\cell {value}\\cell\\row}}"
        for fields, number in CODED
        for code, value in [*fields, ("AN", f"Document {number}")]
    )
    folder = tmp_path / "factiva"
    folder.mkdir()
    (folder / "coded.rtf").write_bytes(("{\\rtf1\\ansi " + rows + "}").encode("ascii"))
    corpus = load_corpus(folder, progress=False, jobs=1)
    docs = corpus.documents.set_index("doc_id")
    assert docs["outlet"].tolist() == ["The Harbour Times", "Valley Post"]
    assert docs.loc["coded-1", "text"].split("\n") == STRIKE
    audit = corpus.audit
    changed = audit[
        (audit["doc_id"] == "coded-1")
        & (audit["action"] == "changed")
        & (audit["rule"] != "language_code")
    ]
    assert changed["result"].tolist() == STRIKE
    assert changed["original"].tolist() == [f"LP|{STRIKE[0]}|", f"TD|{STRIKE[1]}|"]
    # its lines in order; a change to the document's metadata (line 0, as language_code's
    # "English" -> "en") follows them, as every whole-document change does
    lines = audit.loc[(audit["doc_id"] == "coded-1") & (audit["line_no"] > 0), "line_no"]
    assert list(lines) == sorted(lines)


def test_a_factiva_page_saved_as_mhtml_gives_its_articles_no_address(tmp_path: Path) -> None:
    from test_corpus_mhtml import _mhtml

    folder = tmp_path / "Factiva (2) – Recherche «Hafen»"
    folder.mkdir()
    page = _mhtml(_page(ARTICLES[:2]).encode("utf-8"), "utf-8")
    (folder / "Factiva – 2 Artikel (Kopie).mhtml").write_bytes(page)
    raw = read_raw_documents(folder)
    assert raw["doc_id"].tolist() == [
        "Factiva – 2 Artikel (Kopie)-1",
        "Factiva – 2 Artikel (Kopie)-2",
    ]
    assert raw["outlet"].tolist() == ["The Harbour Times", "Valley Post"]
    # the page's saved address is the search's, not an article's
    assert raw["url"].tolist() == ["", ""]


def test_a_search_summary_before_the_first_article_is_a_cover_page_not_a_section() -> None:
    summary = ["Search Summary", "Text\tport OR ferry", "Date\tAll Dates", "Results Found\t2"]
    (header, paragraphs, number), second = ARTICLES[1], ARTICLES[0]
    text = "\n".join([*summary, _document([(header, paragraphs, number), second])])
    first = read_factiva_article(part_lines(split_database_export(text)[0].text))
    assert "section" not in first.metadata
    assert first.metadata["title"] == "Second ferry for the islands"
    roles = {line: role for _, line, role in first.other_lines}
    assert all(roles[line] == "cover page" for line in summary)
