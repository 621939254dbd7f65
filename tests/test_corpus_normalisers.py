"""Character and inline rules (:mod:`analysis.corpus.normalisers`): the line is changed, not
removed."""

from __future__ import annotations

import pytest
from cleaning_cases import PROSE, assert_kept, clean_lines

from analysis.corpus.normalisers import expand_ligatures, remove_cms_debris


@pytest.mark.parametrize(
    ("line", "expected", "rule"),
    [
        ("See the filing (opens in a new window) for details.", "See the filing for details.",
         "link_text"),
        ("According to the Herald (opens in a new tab), talks resumed.",
         "According to the Herald, talks resumed.", "link_text"),
        ("_Bloomberg_ reported the figure first.", "Bloomberg reported the figure first.",
         "emphasis_markup"),
        ("The **final** offer came late.", "The final offer came late.", "emphasis_markup"),
        ("The deal<br>was signed on <b>Friday</b>.", "The deal was signed on Friday.",
         "cms_debris"),
        ("Costs rose &amp; margins fell.", "Costs rose & margins fell.", "html_entity"),
        ("The vote {{ story.deck }} was delayed.", "The vote was delayed.", "cms_debris"),
        ("[para. 2] The second paragraph starts here.", "The second paragraph starts here.",
         "para_marker"),
        ("Two\tcolumns  of\u00a0text ", "Two columns of text", "whitespace"),
        ("zero\u200bwidth", "zerowidth", "invisible_chars"),
        ("  • A bullet point", "- A bullet point", "bullet_normalise"),
        ("* Another bullet point", "- Another bullet point", "bullet_normalise"),
        ("▪Tight bullet", "- Tight bullet", "bullet_normalise"),
        ("Cafe\u0301 owners", "Café owners", "unicode_nfc"),
        # a PDF e-paper's ligatures: "oﬃcials" was no word of any lexicon
        ("The oﬃcials ﬁled a ﬁnal report on the ﬂood.",
         "The officials filed a final report on the flood.", "ligature"),
        # a PDF's footnote markers: the sentence splitter did not split at them
        ("The plan was poorly thought out.2 Patients were worried by 2025.¹ Critics agreed.",
         "The plan was poorly thought out. Patients were worried by 2025. Critics agreed.",
         "footnote_mark"),
        ("## Heat grips the region", "Heat grips the region", "markdown_markup"),
        ("> \"We will cope,\" she said.", "\"We will cope,\" she said.", "markdown_markup"),
        ("Read [the ruling](https://example.com/r \"PDF\") in full.", "Read the ruling in full.",
         "markdown_markup"),
        ("Prices fell ![chart](https://x.org/c.png) on Monday.", "Prices fell on Monday.",
         "markdown_markup"),
        ("See [**the data**](https://x.org) here.", "See the data here.", "markdown_markup"),
        ("Prices rose, data from LSEG, opens new tab, showed.", "Prices rose, data from LSEG, "
         "showed.", "link_text"),
    ],
)  # fmt: skip
def test_inline_rules_change_the_line(line: str, expected: str, rule: str) -> None:
    cleaned = clean_lines(PROSE[0], line, PROSE[1])
    assert cleaned.text.splitlines() == [PROSE[0], expected, PROSE[1]]
    changed = {e.rule: e for e in cleaned.audit if e.line_no == 2}
    assert rule in changed
    assert changed[rule].action == "changed"
    assert changed[rule].original == line


@pytest.mark.parametrize(
    "line",
    [
        "file_name_here stays as written",
        "5 * 3 * 2 = 30 in the example",
        "- Already a canonical bullet",
        "-5% was the drop in exports.",
        "The store opens in a new tab of the mall next year.",
        "The café, opens new tabs for regulars every Friday.",
        "The office opens new tabs for every case, the clerk said.",
        "#MeToo trended after the verdict.",
        "> 50 people were evacuated from the building.",
        "The ratio [1] (see note) was cited.",
        "Array a[i](x) is not a link in this sentence.",
        "A set {1, 2} and a brace { alone } stay as written.",
    ],
)
def test_inline_near_misses_are_unchanged(line: str) -> None:
    assert_kept(line)


def test_a_templates_unfilled_placeholder_alone_on_its_line_is_removed() -> None:
    # TownNews' "{{description}}" under a story pasted from its page
    cleaned = clean_lines(PROSE[0], "{{description}}", PROSE[1])
    assert cleaned.text.splitlines() == PROSE[:2]
    assert [(e.line_no, e.rule, e.action) for e in cleaned.audit] == [(2, "cms_debris", "removed")]


def test_a_markdown_image_alone_on_its_line_is_removed() -> None:
    cleaned = clean_lines(PROSE[0], "![A man cools off](https://x.org/a.jpg)", PROSE[1])
    assert cleaned.text.splitlines() == [PROSE[0], PROSE[1]]
    removed = [e for e in cleaned.audit if e.line_no == 2]
    assert [(e.rule, e.action) for e in removed] == [("markdown_markup", "removed")]


@pytest.mark.parametrize("tag", ["<br>", "<br/>", "<BR />", '<br class="x">'])
def test_a_line_break_tag_between_sentences_leaves_a_space(tag: str) -> None:
    # an export's "<div>...on Monday.<br/>Critics said...</div>" ran its sentences into one
    text = f"The council approved the budget on Monday.{tag}Critics said the plan was costly."
    assert remove_cms_debris(text) == (
        "The council approved the budget on Monday. Critics said the plan was costly."
    )
    assert remove_cms_debris(f"{tag}Critics said so.{tag}") == "Critics said so."


def test_every_latin_ligature_becomes_its_letters() -> None:
    line = "ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ: oﬀer, ﬁne, ﬂow, oﬃce, baﬄe, ﬅop, ﬆep."
    expected = "ff fi fl ffi ffl st st: offer, fine, flow, office, baffle, stop, step."
    assert expand_ligatures(line) == expected
    assert expand_ligatures("plain office") == "plain office"
