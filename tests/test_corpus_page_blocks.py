"""analysis.corpus.page_blocks: a saved page's visible blocks that extraction left out are in
the audit, as rows that count no line of the text as removed."""

from __future__ import annotations

import pandas as pd
import trafilatura

from analysis import load_corpus
from analysis.corpus.cleaning import NOT_EXTRACTED
from analysis.corpus.html import EXTRACT_SETTINGS, extract_article
from analysis.corpus.page_blocks import (
    MIN_PART_WORDS,
    RULE,
    SHOWN_CHARS,
    page_tree,
    unextracted_blocks,
    visible_blocks,
)
from analysis.corpus.quality import removed_line_counts
from analysis.report.facts import line_actions

STANDFIRST = "Parents who endured the pandemic are being asked to sacrifice again"
BODY = [
    "I have a great deal of respect for teachers, and my mother was one for thirty years, "
    "but this strike is a grave mistake and the union's leaders know it very well.",
    "Parents who have already endured the chaos of the pandemic years are being asked, once "
    "again, to sacrifice their children's education for a pay dispute that could be settled.",
    "The government's offer is not generous, but it is not insulting either: a rise of 4.5 per "
    "cent, when nurses and care workers settle for less, is no act of a heartless Treasury.",
    "What makes this walkout so reckless is its timing, as pupils are weeks away from their "
    "exams and the children who will suffer most are those from poorer homes and families.",
]
# an op-ed's page as a paper saves it: a menu, a headline, a standfirst, the body, a footer
PAGE = (
    "<!DOCTYPE html>\n<html lang='en'><head><title>The teachers have lost the public</title>\n"
    "<meta property='og:site_name' content='Daily Courier'></head>\n<body>\n"
    "<nav><a href='/news'>News</a> | <a href='/politics'>Politics</a> | "
    "<a href='/sport'>Sport</a></nav>\n"
    "<main><article>\n<h1>The teachers have lost the public</h1>\n"
    f"<p class='standfirst'>{STANDFIRST}</p>\n"
    "<div class='share-bar'><button>Facebook</button><button>Email</button></div>\n"
    "<div class='article-body'>\n"
    + "\n".join(f"<p>{p}</p>" for p in BODY)
    + "\n</div></article></main>\n"
    "<footer><p>© Daily Courier Media Group 2026</p></footer>\n</body></html>\n"
)


def test_the_blocks_a_page_shows_are_read_in_order_and_the_hidden_ones_are_not() -> None:
    html = (
        "<html><head><title>Head</title><style>p{}</style></head><body>"
        "<p>one <!-- a comment --> two<script>var x = 1;</script> three</p>"
        "<div hidden>hidden text</div>tail<br>after the break "
        "<span style='display: none'>not shown</span><svg><title>a drawing</title></svg>"
        "<a>Log in</a> <a>Subscribe</a><p>|</p></body></html>"
    )
    blocks = [text for _, text in visible_blocks(page_tree(html))]
    assert blocks == ["one two three", "tail", "after the break Log in Subscribe"]


def test_the_nav_and_the_standfirst_dropped_are_in_the_audit_and_the_text_is_unchanged() -> None:
    found = extract_article(PAGE, "op-ed.html")
    # the text is trafilatura's, as it was before the blocks were looked for
    assert found.text == (trafilatura.extract(PAGE, **EXTRACT_SETTINGS) or "").strip() + "\n"
    left_out = {text: (line, note) for line, text, note in found.unextracted}
    assert "News | Politics | Sport" in left_out
    assert left_out["News | Politics | Sport"][0] == PAGE[: PAGE.index("<nav>")].count("\n") + 1
    # trafilatura drops the standfirst, the share buttons and the footer, as on the tester's op-ed
    assert STANDFIRST not in found.text and left_out[STANDFIRST] == (8, "")
    assert {"Facebook", "Email", "© Daily Courier Media Group 2026"} <= set(left_out)
    assert not any(paragraph in left_out for paragraph in BODY)  # the body is kept
    assert all(paragraph in found.text for paragraph in BODY)
    assert left_out["The teachers have lost the public"][1] == (
        "the page's title, read as its metadata"
    )


def test_a_short_block_is_extracted_only_as_a_whole_line() -> None:
    html = "<html><body><nav><a>News</a></nav><p>The news of the strike spread.</p></body></html>"
    text = "The news of the strike spread.\n"
    assert [b[1] for b in unextracted_blocks(page_tree(html), text)] == ["News"]
    # a block of MIN_PART_WORDS words standing in a line is extracted (cut finer than the line)
    part = " ".join(["word"] * MIN_PART_WORDS)
    line = f"The strike began on Monday {part} and it ended on Friday."
    html = (
        "<html><body><p>The strike began on Monday "
        f"<label>{part}</label> and it ended on Friday.</p></body></html>"
    )
    assert unextracted_blocks(page_tree(html), line + "\n") == ()
    assert unextracted_blocks(None, "text") == ()


def test_a_long_block_is_cut_in_the_audit() -> None:
    long = " ".join(f"w{k}" for k in range(400))
    ((_, shown, _),) = unextracted_blocks(page_tree(f"<p>{long}</p>"), "other\n")
    assert len(shown) == SHOWN_CHARS and shown.endswith("…") and long.startswith(shown[:-1])


def test_the_rows_of_a_corpus_count_no_line_removed(tmp_path) -> None:
    (tmp_path / "op-ed.html").write_text(PAGE, encoding="utf-8")
    corpus = load_corpus(tmp_path)
    audit = corpus.audit
    rows = audit[audit["rule"] == RULE]
    assert len(rows) and set(rows["action"]) == {NOT_EXTRACTED}
    assert "News | Politics | Sport" in set(rows["original"])
    assert rows["result"].str.startswith("not in the text extracted (HTML line ").all()
    # the counts of lines are the text's: as without the rows
    without = audit[audit["action"] != NOT_EXTRACTED]
    assert len(line_actions(audit)) == len(line_actions(without))
    counts = removed_line_counts(audit)
    assert counts["removed"].sum() == removed_line_counts(without)["removed"].sum()


def test_line_actions_leave_out_a_page_s_blocks() -> None:
    audit = pd.DataFrame(
        {
            "doc_id": ["d", "d", "d"],
            "line_no": [0, 0, 3],
            "original": ["(whole page, HTML)", "Menu", "Share"],
            "rule": ["html_extraction", RULE, "share_prompt"],
            "action": ["changed", NOT_EXTRACTED, "removed"],
            "result": ["", "", ""],
        }
    )
    assert sorted(line_actions(audit)) == ["changed", "removed"]


def test_why_a_page_was_left_without_text_names_its_lines_not_its_blocks() -> None:
    from analysis.corpus.documents import photo_galleries
    from analysis.loading import _empty_reasons

    rows = [
        ("b", "site_chrome", "removed"),
        ("b", RULE, NOT_EXTRACTED),
        ("g", "caption", "removed"),
        ("g", "caption", "removed"),
        ("g", RULE, NOT_EXTRACTED),
    ]
    audit = pd.DataFrame(rows, columns=["doc_id", "rule", "action"])
    empty = pd.DataFrame({"doc_id": ["b"], "extraction_problem": [""]})
    assert _empty_reasons(empty, audit) == ["b (cleaning removed every line: site_chrome ×1)"]
    assert set(photo_galleries(audit, pd.Series(["g"]))) == {"g"}  # still a gallery
