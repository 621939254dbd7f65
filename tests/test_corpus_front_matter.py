"""Front matter read as metadata (:mod:`analysis.corpus.front_matter`): the YAML block a web
clipper (Obsidian Web Clipper, MarkDownload) or a site generator writes above an article fills
the document's empty fields, every line of it in the audit, and is never text; a block that is
not front matter stays text."""

from __future__ import annotations

import pytest

from analysis.corpus.cleaning import AuditEntry
from analysis.corpus.front_matter import parse_front_matter, read_front_matter

OBSIDIAN = """---
title: "Water limits tighten as reservoir falls | Valley Courier"
source: "https://www.valleycourier.com/news/2026/07/14/water-limits-tighten/"
author:
  - "[[Maria Lopez]]"
published: 2026-07-14
created: 2026-07-15
tags:
  - "clippings"
---
The city will ban lawn watering from Monday.
"""

MARKDOWNLOAD = """---
created: 2026-07-15T09:12:44 (UTC +02:00)
tags: [drought, water]
source: https://www.metrotribune.net/local/city-bans-lawn-watering
author: By Jordan Fields, Staff Writer
---

# City bans lawn watering as drought deepens

> ## Excerpt
> Residents face fines of up to $1,000.

---
Residents face fines of up to $1,000 under emergency rules.
"""


def _empty_row() -> dict[str, str]:
    return dict.fromkeys(
        ("title", "author", "published", "date_note", "url", "outlet", "language"), ""
    )


def test_a_clippers_fields_fill_the_documents_empty_fields() -> None:
    row, audit = _empty_row(), []
    read = read_front_matter(OBSIDIAN, "d1", row, audit)
    assert row["title"] == "Water limits tighten as reservoir falls"  # the site's name cut
    assert row["author"] == "Maria Lopez"  # the note link's brackets cut
    assert row["published"] == "2026-07-14"  # not "created", the day it was clipped
    assert row["url"].startswith("https://www.valleycourier.com/news/")
    assert row["outlet"] == "valleycourier.com"  # no site name: the address's site
    assert "front matter's 'published'" in row["date_note"]
    assert "title: from the front matter ('title')" in read.notes
    assert read.text.split("\n")[:10] == [""] * 10  # the block's lines, made empty
    assert read.text.split("\n")[10] == "The city will ban lawn watering from Monday."


def test_every_line_of_the_block_is_in_the_audit() -> None:
    audit: list[AuditEntry] = []
    read_front_matter(OBSIDIAN, "d1", _empty_row(), audit)
    assert [e.line_no for e in audit] == list(range(1, 11))
    assert {e.rule for e in audit} == {"front_matter"}
    by_line = {e.line_no: e for e in audit}
    assert by_line[6].action == "moved_to_metadata"
    assert by_line[6].result == "published: 2026-07-14"
    assert by_line[5].result == "author: Maria Lopez"  # a list's item belongs to its key
    assert by_line[7].action == "removed"  # created
    assert by_line[1].original == "---"


def test_the_users_values_win_and_the_audit_says_so() -> None:
    row, audit = _empty_row(), []
    row.update(outlet="Valley Courier", title="Our own title")
    read = read_front_matter(OBSIDIAN, "d1", row, audit)
    assert row["outlet"] == "Valley Courier"
    assert row["title"] == "Our own title"
    assert not any(n.startswith("title") for n in read.notes)
    title_line = next(e for e in audit if e.line_no == 2)
    assert "not used: the metadata gives 'Our own title'" in title_line.result


def test_markdownloads_byline_and_excerpt() -> None:
    row, audit = _empty_row(), []
    read = read_front_matter(MARKDOWNLOAD, "d2", row, audit)
    assert row["author"] == "Jordan Fields"  # "By" and the role cut
    assert row["published"] == ""  # only "created", which is not the article's day
    assert row["outlet"] == "metrotribune.net"
    excerpt = [e for e in audit if e.rule == "clipper_excerpt"]
    assert [e.original for e in excerpt] == [
        "> ## Excerpt",
        "> Residents face fines of up to $1,000.",
    ]
    lines = read.text.split("\n")
    assert lines[7] == "# City bans lawn watering as drought deepens"  # cleaning's to read
    assert lines[9] == lines[10] == ""


def test_a_site_name_is_the_outlet_and_a_source_that_is_no_address_too() -> None:
    row = _empty_row()
    text = "---\ntitle: Port strike ends\nsource: Reuters\ndate: October 21, 2025\n---\nBody.\n"
    read_front_matter(text, "d3", row, [])
    assert (row["outlet"], row["url"], row["published"]) == ("Reuters", "", "2025-10-21")


def test_a_value_yaml_cannot_read_is_read_as_written() -> None:
    text = "---\ntitle: Opinion: the rules punish the wrong people\nauthor: Jane Roe\n---\nBody.\n"
    matter = parse_front_matter(text)
    assert matter is not None
    assert matter.fields["title"] == "Opinion: the rules punish the wrong people"
    assert matter.fields["author"] == "Jane Roe"


@pytest.mark.parametrize(
    "text",
    [
        "---\nThe council met on Tuesday.\n---\nBody.\n",  # a rule around a sentence
        "---\nUpdate: the council met on Tuesday.\nIt voted 6-1.\n---\nBody.\n",
        "Body first.\n---\ntitle: x\n---\n",  # not at the top
        "---\ntitle: never closed\nBody.\n",
        "---\n---\nBody.\n",  # nothing between
        "---\nUpdate: the council met on Tuesday.\n---\nBody.\n",  # no key a clipper writes
        "",
    ],
)
def test_what_is_not_front_matter_stays_text(text: str) -> None:
    audit: list[AuditEntry] = []
    read = read_front_matter(text, "d4", _empty_row(), audit)
    assert parse_front_matter(text) is None
    assert (read.text, read.notes, audit) == (text, [], [])


def test_nested_aliases_are_not_expanded() -> None:
    # a "billion laughs" of YAML aliases: each list ten of the one before
    levels = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for n in range(1, 9):
        below = "*a" if n == 1 else f"*l{n - 1}"
        levels.append(f"l{n}: &l{n} [{', '.join([below] * 10)}]")
    text = "---\ntitle: Port strike\n" + "\n".join(levels) + "\nauthor: *l8\n---\nBody.\n"
    matter = parse_front_matter(text)
    assert matter is not None and matter.fields["title"] == "Port strike"
    assert "author" not in matter.fields  # lists of lists are not read


def test_omnivores_keys_are_read() -> None:
    # Omnivore's export: a block title, the page's address under url_original
    text = (
        "---\nid: 8c2f\ntitle: |\n  Port strike ends after talks\nurl_omnivore: "
        "https://omnivore.app/x\nurl_original: https://www.harbourtimes.com/strike\n"
        "date_published: 2025-10-21T08:00:00Z\n---\nBody.\n"
    )
    matter = parse_front_matter(text)
    assert matter is not None
    assert matter.fields["title"] == "Port strike ends after talks"
    assert matter.fields["url"] == "https://www.harbourtimes.com/strike"
    assert matter.fields["published"] == "2025-10-21"
