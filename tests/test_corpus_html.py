"""HTML pages in, article out: extraction, metadata notes, audit, and bad pages."""

from __future__ import annotations

import gzip
import json
import re
import warnings

import pytest

from analysis import load_corpus
from analysis.bench.extraction import score, shingle_counts
from analysis.corpus.documents import CorpusError
from analysis.corpus.html import extract_article, fill_from_metadata, looks_like_html

BODY = (
    "The city council approved a new budget on Tuesday after a long debate about school "
    "funding and road repairs across the district. Critics said the plan would raise taxes "
    "for families, while supporters argued that the spending was overdue. The mayor said she "
    "was pleased with the result and expected the first projects to begin in the spring."
)


def page(body: str = BODY, site: str = "Daily Bugle", lang: str = "en") -> str:
    """A made-up article page; ``site=""`` leaves out the site name and the canonical URL."""
    paragraphs = "".join(f"<p>{s.strip()}.</p>" for s in body.split(".") if s.strip())
    site_meta = f'<meta property="og:site_name" content="{site}">' if site else ""
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><title>Council approves budget</title>'
        f'{site_meta}<meta name="author" content="Jane Roe">'
        '<meta property="article:published_time" content="2024-03-05">'
        + ('<link rel="canonical" href="https://bugle.example.com/news/budget">' if site else "")
        + "</head><body>"
        + '<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>'
        f"<article><h1>Council approves budget</h1>{paragraphs}</article>"
        "<footer>Copyright 2024. Subscribe to our newsletter.</footer></body></html>"
    )


def test_extraction_keeps_the_article_and_drops_the_menu():
    result = extract_article(page(), "a.html")
    assert result.problem is None
    assert "approved a new budget" in result.text
    assert "Subscribe to our newsletter" not in result.text and "Sport" not in result.text
    assert result.metadata["outlet"] == "Daily Bugle"
    assert result.metadata["published"] == "2024-03-05"


def test_a_pages_title_and_author_come_without_the_sites_name_and_the_role():
    html = (
        page()
        .replace(
            "<title>Council approves budget</title>",
            "<title>Council approves budget | Daily Bugle</title>",
        )
        .replace('content="Jane Roe"', 'content="Jane Roe is a reporter for the Bugle"')
    )
    metadata = extract_article(html, "a.html").metadata
    assert metadata["title"] == "Council approves budget"
    assert metadata["author"] == "Jane Roe"


def test_folder_of_html_needs_no_manifest_and_notes_each_filled_field(tmp_path):
    (tmp_path / "a.html").write_text(page(), encoding="utf-8")
    corpus = load_corpus(tmp_path)
    doc = corpus.documents.iloc[0]
    assert doc["outlet"] == "Daily Bugle"
    assert doc["url"] == "https://bugle.example.com/news/budget"
    assert "title: from the HTML (trafilatura)" in doc["metadata_note"]
    assert doc["author"] == "Jane Roe"
    assert "author: from the HTML (trafilatura)" in doc["metadata_note"]
    extraction = corpus.audit[corpus.audit["rule"] == "html_extraction"]
    assert len(extraction) == 1 and "characters of text kept" in extraction.iloc[0]["result"]


def test_pages_and_texts_are_read_whatever_the_letter_case_of_their_extension(tmp_path):
    (tmp_path / "Saved Page.HTM").write_text(page(), encoding="utf-8")
    (tmp_path / "NOTE.TXT").write_text(BODY + "\n", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the text file's outlet is 'unknown'
        corpus = load_corpus(tmp_path)
    docs = corpus.documents.set_index("doc_id")
    assert sorted(docs.index) == ["NOTE", "Saved Page"]
    assert docs.loc["Saved Page", "outlet"] == "Daily Bugle"  # read as a page, not as text
    assert "approved a new budget" in docs.loc["NOTE", "text"]


def test_a_whole_page_in_a_text_column_or_a_txt_file_is_extracted_as_a_page(tmp_path):
    import pandas as pd

    from analysis.corpus.html import is_html_page

    export = tmp_path / "export.jsonl"
    pd.DataFrame(
        {"id": ["p1", "f1"], "body": ["  <!-- saved -->\n" + page(), "<p>Only a fragment.</p>"]}
    ).assign(source="Bugle").to_json(export, orient="records", lines=True)
    corpus = load_corpus(export, column_map="doc_id=id,outlet=source,text=body")
    docs = corpus.documents.set_index("doc_id")
    assert "approved a new budget" in docs.loc["p1", "text"]
    assert (
        "<" not in docs.loc["p1", "text"]
        and "Subscribe to our newsletter" not in (docs.loc["p1", "text"])
    )
    assert docs.loc["p1", "title"] == "Council approves budget"  # filled from the page
    assert docs.loc["f1", "text"] == "Only a fragment."  # a fragment is text with markup
    rules = corpus.audit.groupby("doc_id")["rule"].apply(set)
    assert {"html_page_in_text", "html_extraction"} <= rules["p1"]
    assert "html_page_in_text" not in rules.get("f1", set())
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "saved.txt").write_text(page(), encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # its outlet comes from the page: nothing to warn about
        saved = load_corpus(folder).documents.iloc[0]
    assert "approved a new budget" in saved["text"] and saved["outlet"] == "Daily Bugle"
    assert is_html_page("\ufeff<!DOCTYPE html><html>") and not is_html_page("Text <html> later")


def test_a_site_name_that_is_a_copyright_notice_gives_way_to_the_address(tmp_path):
    # the benchmark's page of jaraguadosul.sc.gov.br was the outlet "Copyright 2014"
    (tmp_path / "a.html").write_text(page(site="Copyright 2014"), encoding="utf-8")
    (tmp_path / "b.html").write_text(page(site="Daily Bugle | News you can use"), encoding="utf-8")
    docs = load_corpus(tmp_path).documents
    assert docs["outlet"].tolist() == ["example.com", "Daily Bugle"]
    assert "outlet: the site of its address" in docs.iloc[0]["metadata_note"]


def test_manifest_values_are_not_overwritten(tmp_path):
    (tmp_path / "a.html").write_text(page(), encoding="utf-8")
    row = {"title": "Mine", "outlet": "unknown", "url": ""}
    notes = fill_from_metadata(row, {"title": "Theirs", "outlet": "Bugle", "url": "u"})
    assert row == {"title": "Mine", "outlet": "Bugle", "url": "u"}
    assert notes == ["outlet: from the HTML (trafilatura)", "url: from the HTML (trafilatura)"]


def test_page_without_site_name_warns_unknown_outlet(tmp_path):
    (tmp_path / "a.html").write_text(page(site=""), encoding="utf-8")
    with pytest.warns(UserWarning, match="outlet is 'unknown'"):
        corpus = load_corpus(tmp_path)
    assert corpus.documents.iloc[0]["outlet"] == "unknown"


@pytest.mark.parametrize(
    "content",
    ["<html><body><nav><a href='/'>Home</a></nav></body></html>", "<html><body></body></html>"],
)
def test_page_without_article_is_a_clear_message(tmp_path, content):
    (tmp_path / "a.html").write_text(content, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(CorpusError, match=r"a\.html: no article text"):
            load_corpus(tmp_path)


def test_binary_bytes_named_html_are_refused(tmp_path):
    # gzip-compressed bytes are decompressed first (test_corpus_gzipped_articles): binary inside
    (tmp_path / "a.html").write_bytes(gzip.compress(bytes(range(256)) * 2))
    with pytest.raises(CorpusError, match=r"a\.html"):
        load_corpus(tmp_path)


def test_plain_text_named_html_is_read_as_text():
    assert not looks_like_html(BODY)
    result = extract_article(BODY, "a.html")
    assert result.text == BODY and not result.is_html


def test_other_language_page_is_flagged(tmp_path):
    # the page's text is English: a site's template declaring lang="de", which is warned about
    (tmp_path / "a.html").write_text(page(lang="de"), encoding="utf-8")
    with pytest.warns(UserWarning) as said:
        corpus = load_corpus(tmp_path)
    messages = [str(w.message) for w in said]
    assert any(re.match(r"1 of 1 documents are not in English .*\(de \(1\);", m) for m in messages)
    assert any(m.startswith("1 of 1 documents are given as another language but") for m in messages)
    assert corpus.documents.iloc[0]["language"] == "de"
    assert "language" in corpus.documents.iloc[0]["quality_flags"]
    assert "given as 'de', but the text reads as 'en'" in corpus.documents.iloc[0]["metadata_note"]


def test_html_column_of_a_corpus_file(tmp_path):
    path = tmp_path / "pages.jsonl"
    rows = [
        {"doc_id": "p1", "outlet": "", "html": page()},
        {"doc_id": "p2", "outlet": "X", "html": page(body=BODY.replace("council", "board"))},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    corpus = load_corpus(path, progress=False)
    docs = corpus.documents.set_index("doc_id")
    assert docs.loc["p1", "outlet"] == "Daily Bugle" and docs.loc["p2", "outlet"] == "X"
    assert "approved a new budget" in docs.loc["p1", "text"]
    assert (corpus.audit["rule"] == "html_extraction").sum() == 2


def test_benchmark_metric_matches_its_definition():
    assert shingle_counts("a b c d e", "a b c d e") == (1.0, 0.0, 0.0)
    tp, fp, fn = shingle_counts("a b c d e f", "a b c d x y")
    assert (tp, fp, fn) == pytest.approx((0.2, 0.4, 0.4))  # 1 shared 4-gram of 3 and 3
    assert score([("a b c d", "a b c d"), ("a b c d", "")])["recall"] == 0.5


def _table_layout_page(body: str = BODY) -> str:
    """A page of an older site: menu and article in the cells of a layout table."""
    paragraphs = "".join(f"<p>{s.strip()}.</p>" for s in body.split(".") if s.strip())
    return (
        "<html><head><title>Council approves budget</title></head><body><table>"
        '<tr><td><a href="/">Home</a> <a href="/news">News</a></td></tr>'
        f"<tr><td>{paragraphs}</td></tr></table></body></html>"
    )


def test_an_article_laid_out_in_a_table_is_read_with_the_tables() -> None:
    result = extract_article(_table_layout_page(), "old.html")
    assert result.problem is None and result.from_tables
    assert "approved a new budget" in result.text
    assert "|" not in result.text  # the table's bars are not text
    from analysis.corpus.html import extraction_audit_entry

    assert "read with the page's tables" in extraction_audit_entry("d", result).result


def test_tables_stay_out_when_the_article_is_found_without_them() -> None:
    table = (
        "<table><tr><td>Quarter</td><td>Revenue</td></tr><tr><td>Q3</td><td>12</td></tr></table>"
    )
    html = page().replace("</article>", f"{table}</article>")
    result = extract_article(html, "a.html")
    assert not result.from_tables and "Revenue" not in result.text
    assert "approved a new budget" in result.text


def test_a_table_layout_page_with_no_article_is_still_refused() -> None:
    html = "<html><body><table><tr><td><a href='/'>Home</a></td></tr></table></body></html>"
    result = extract_article(html, "index.html")
    assert result.text == "" and "no article text found" in (result.problem or "")


def test_table_cells_as_lines_puts_each_cell_on_a_line() -> None:
    from analysis.corpus.html import table_cells_as_lines

    text = "| | The article's text. | Home |\nA line of its own.\n|"
    assert table_cells_as_lines(text).splitlines() == [
        "The article's text.",
        "Home",
        "A line of its own.",
        "|",
    ]


def test_paragraphs_in_a_tables_cells_are_read_with_the_rest_of_the_article() -> None:
    inside = (
        "The second half of the article sits in a table cell, as an older site laid it out, "
        "and the council said the works would take two years."
    )
    html = page().replace(
        "</article>", f"<table><tr><td><p>{inside}</p></td></tr></table></article>"
    )
    result = extract_article(html, "a.html")
    assert result.from_tables
    assert "approved a new budget" in result.text and inside in result.text


def test_adds_prose_needs_a_new_line_of_a_sentences_worth_of_words() -> None:
    from analysis.corpus.html import TABLE_PROSE_WORDS, adds_prose

    sentence = " ".join(["word"] * TABLE_PROSE_WORDS)
    short = " ".join(["word"] * (TABLE_PROSE_WORDS - 1))
    assert adds_prose(f"Intro\n{sentence}", "Intro")
    assert not adds_prose(f"Intro\n{short}", "Intro")  # a data cell, a link
    assert not adds_prose(f"{sentence}\nIntro", f"{sentence}")  # nothing new
    assert adds_prose(sentence, "")


def test_a_failed_reading_with_tables_keeps_the_text_found_without(monkeypatch) -> None:
    import trafilatura

    real = trafilatura.extract

    def extract(html: str, **settings: object) -> str | None:
        if settings.get("include_tables"):
            raise ValueError("broken table markup")
        return real(html, **settings)

    monkeypatch.setattr(trafilatura, "extract", extract)
    html = page().replace("</article>", "<table><tr><td>x</td></tr></table></article>")
    result = extract_article(html, "a.html")
    assert result.problem is None and not result.from_tables
    assert "approved a new budget" in result.text


@pytest.mark.parametrize("where", ["middle", "first"])
def test_a_large_embedded_image_loses_no_text_and_is_said_in_the_audit(where: str) -> None:
    """A tester's saved page with a 16 MB base64 image (as SingleFile embeds them) in the
    middle of the article lost its second half without a word; with the image first, the
    page was "no article text"."""
    from analysis.corpus.html import extraction_audit_entry, without_embedded

    image = '<p><img src="data:image/png;base64,' + "iVBORw0KGgo" * 1_000_000 + '"></p>'
    whole = page()
    if where == "middle":
        cut = whole.index("<p>", whole.index("<p>") + 1)  # after the first paragraph
    else:
        cut = whole.index("<article>")
    found = extract_article(whole[:cut] + image + whole[cut:], "saved.html")
    assert found.problem is None
    assert "expected the first projects to begin in the spring" in found.text  # the last words
    assert found.embedded == 1
    assert "1 inline file(s)" in extraction_audit_entry("d1", found).result
    assert without_embedded('<img src="data:image/png;base64,AAAA">') == (
        '<img src="data:image/png;base64,AAAA">',
        0,
    )  # a small one is left as it is
