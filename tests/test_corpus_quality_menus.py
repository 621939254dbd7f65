"""keeps_menu_lines and the ``menus`` flag: a pasted page whose menus cleaning left in place is
named (a journalist's CBS paste kept 32 label lines of 65; 13% of its words were the article's,
and no warning or flag told it from a well-cleaned text)."""

from __future__ import annotations

import pandas as pd

from analysis.corpus.quality import MENU_LINES, keeps_menu_lines, quality_table

PROSE = "Officials said the port would reopen on Monday after the long strike ended."
MENU = ["Weather", "Sports", "All Sports", "Lions", "Tigers", "Red Wings", "Pistons", "NFL",
        "MLB", "NBA", "NHL", "Station Info"]  # fmt: skip


def test_a_text_mostly_of_label_lines_is_flagged_and_an_article_is_not() -> None:
    assert keeps_menu_lines("\n".join(MENU + [PROSE] * 8))
    assert not keeps_menu_lines("\n".join(MENU + [PROSE] * 20))  # under 40% of the lines
    assert not keeps_menu_lines("\n".join([*MENU[: MENU_LINES - 1], PROSE]))  # too few
    # short lines that end like sentences, or hold a colon, are no labels
    assert not keeps_menu_lines("\n".join(["He left.", "Why?", "Note: none"] * 5))


def test_the_flag_is_raised_in_quality_flags() -> None:
    texts = ["\n".join(MENU + [PROSE] * 8), "\n".join([PROSE] * 8)]
    docs = pd.DataFrame(
        {"doc_id": ["pasted", "clean"], "text": texts, "n_words": [200, 200],
         "language": ["en", "en"], "outlet": ["X", "Y"]}
    )  # fmt: skip
    sentences = pd.DataFrame(
        {"doc_id": ["pasted", "clean"], "sentence": [PROSE, PROSE], "n_words": [13, 13]}
    )
    audit = pd.DataFrame(columns=["doc_id", "line_no", "original", "rule", "action", "result"])
    flags = quality_table(docs, sentences, audit)["quality_flags"].tolist()
    assert "menus" in flags[0].split(";") and "menus" not in flags[1].split(";")


def test_the_documents_flagged_menus_are_named_in_a_warning() -> None:
    from analysis.corpus.quality import menus_warning

    docs = pd.DataFrame({"doc_id": ["cbs3", "nbc1"], "quality_flags": ["lines_removed;menus", ""]})
    said = menus_warning(docs)
    assert said.startswith("1 of 2 documents are still mostly short label lines after cleaning")
    assert "cbs3" in said and "nbc1" not in said
    assert menus_warning(docs.assign(quality_flags=["", ""])) is None
