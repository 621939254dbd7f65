"""Front matter: the metadata a web clipper or a site generator writes above an article.

Tools that save a web page as a Markdown note (Obsidian Web Clipper, MarkDownload) and the
posts of static-site generators (Jekyll, Hugo) open the text with a YAML block between two
``---`` lines::

    ---
    title: "Water limits tighten as reservoir falls | Valley Courier"
    source: "https://www.valleycourier.com/news/2026/07/14/water-limits-tighten/"
    author:
      - "[[Maria Lopez]]"
    published: 2026-07-14
    tags: [clippings]
    ---

Read as text, the block became sentences ("title: ... source: ... author:") and its dates a
dateline. :func:`read_front_matter` reads it as what it is: the title, author, publication
date, address, site and language fill the document's empty fields (a manifest's or sidecar's
value always wins), the outlet is the site the block names or else its address's site, as for a
saved page, and every line of the block is in the audit (rule ``front_matter``: moved to
metadata, or removed for the fields not used, such as ``tags`` and ``created``, the day the
page was clipped, not published). MarkDownload's default note also quotes the page's
description under an "Excerpt" heading above the article, a copy of its opening: that quote is
removed too (rule ``clipper_excerpt``).

A block is front matter only when it is one: the text's first line is ``---``, a closing
``---`` (or YAML's ``...``) follows within :data:`MAX_LINES` lines, and every line of the block
is a ``key: value`` line or a value belonging to the key above (indented, or a ``- item``), so
that an article opening with a rule and a line such as "Update: ..." is not read as metadata.
YAML is read with PyYAML's safe loader; a block it cannot read (an unquoted colon in a value,
as clippers write titles) is read line by line, each key's value as written.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from analysis.corpus.cleaning import AuditEntry
from analysis.corpus.export_parts import date_of
from analysis.corpus.page_metadata import tidy_author, tidy_title
from analysis.corpus.sites import is_address, outlet_from_address, site_of

# A folder's Markdown files (analysis.corpus.documents reads them as articles)
MARKDOWN_SUFFIXES = (".md", ".markdown")
# The longest block read as front matter; a clipper's has about ten lines.
MAX_LINES = 60
_FENCE_RE = re.compile(r"^-{3}\s*$")
_END_RE = re.compile(r"^(?:-{3}|\.{3})\s*$")
# "title: ...", "date-published:", "Source URL:": a key at the start of a line
_KEY_RE = re.compile(r"^(?P<key>[A-Za-z][\w .-]{0,40}?)\s*:(?:\s+(?P<value>.*?))?\s*$")
_CONTINUATION_RE = re.compile(r"^(?:\s+\S|-\s|-$)")
# "[[Maria Lopez]]", "[[Maria Lopez|M. Lopez]]": Obsidian's links to a note
_WIKI_LINK_RE = re.compile(r"\[\[([^\]|]*)(?:\|[^\]]*)?\]\]")
_BY_RE = re.compile(r"^by\s+", re.IGNORECASE)
# MarkDownload's "> ## Excerpt" heading (a line of its own: the pattern is multi-line)
_EXCERPT_RE = re.compile(r"^>\s*#{1,6}\s*excerpt\s*$", re.IGNORECASE | re.MULTILINE)
_EXCERPT_CHARS = 2000  # how far down an excerpt is looked for (under a title of any length)

# Our field: the keys that give it, in order of preference (keys compared in lower case, with
# spaces and hyphens as underscores). "created", "clipped", "saved" and "modified" are the
# clipping's or the file's days, not the article's, and are not read.
FIELD_KEYS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "author": ("author", "authors", "byline", "creator", "creators", "by", "writer"),
    "published": (
        "published",
        "date_published",
        "datepublished",
        "published_at",
        "published_date",
        "publish_date",
        "publication_date",
        "pubdate",
        "pub_date",
        "date",
    ),
    "url": (
        "source",
        "url",
        "link",
        "original_url",
        "url_original",
        "source_url",
        "canonical",
        "canonical_url",
        "permalink",
        "clipped_from",
    ),
    "outlet": (
        "site",
        "site_name",
        "sitename",
        "publisher",
        "publication",
        "outlet",
        "source_name",
        "website",
        "newspaper",
        "source",
    ),
    "language": ("language", "lang"),
}

# The most items of a list value read (a clipper's authors)
_MOST_ITEMS = 20
# Keys that make a block front matter: ours, and those clippers and site generators write
# beside them. A block of other keys only ("Update: ...") is left as text.
KNOWN_KEYS = frozenset(
    {
        *(key for keys in FIELD_KEYS.values() for key in keys),
        *("created", "clipped", "saved", "modified", "updated", "tags", "categories"),
        *("description", "summary", "excerpt", "keywords", "layout", "slug", "draft"),
        *("aliases", "image", "cover", "type", "id", "lastmod", "topics"),
    }
)


@dataclass(frozen=True)
class FrontMatter:
    """A text's front matter: its values under our field names, and where the block ends."""

    fields: dict[str, str]  # title, author, published, url, outlet, language: as read
    keys: dict[str, str]  # our field -> the key that gave it
    line_keys: list[str]  # the key each line of the block belongs to ("" for the fences)
    end_line: int  # 1-based number of the closing fence


@dataclass
class FrontMatterRead:
    """What :func:`read_front_matter` did to one document."""

    text: str  # the text with the block's lines (and a clipper's excerpt) made empty
    notes: list[str] = field(default_factory=list)  # "title: from the front matter ('title')"


def _key_name(key: str) -> str:
    return re.sub(r"[\s-]+", "_", key.strip().lower())


def _as_text(value: object, nested: bool = False) -> str:
    """A YAML value as one line of text: a list's items joined with "; " (as trafilatura joins
    a page's authors; its first :data:`_MOST_ITEMS`, and not lists inside it, which YAML's
    aliases could make as long as they like), a date in ISO form, nothing for a mapping."""
    if value is None or isinstance(value, dict):
        return ""
    if isinstance(value, list | tuple):
        if nested:
            return ""
        return "; ".join(t for t in (_as_text(v, True) for v in value[:_MOST_ITEMS]) if t)
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return " ".join(str(value).split())


def _day(written: str) -> str:
    """The ISO date of a front matter's date ("2026-07-14", "2026-07-14T09:12:44+02:00",
    "July 14, 2026"), or "" when it names no day."""
    try:
        return dt.date.fromisoformat(written.strip()[:10]).isoformat()
    except ValueError:
        found = date_of(written)
        return found[0] if found else ""


def _block(lines: list[str]) -> int:
    """The 1-based line number of the closing fence of a front-matter block at the top of
    ``lines``, or 0 when the text has none."""
    if not lines or not _FENCE_RE.match(lines[0]):
        return 0
    for index in range(1, min(len(lines), MAX_LINES + 2)):
        line = lines[index]
        if _END_RE.match(line):
            return index + 1 if index > 1 else 0
        if not line.strip() or line.lstrip().startswith("#"):  # a blank line, a YAML comment
            continue
        if _KEY_RE.match(line) is None and (index == 1 or _CONTINUATION_RE.match(line) is None):
            return 0
    return 0


def _read_lines(block: list[str]) -> tuple[dict[str, object], list[str]]:
    """The block's top-level keys with their values, and the key each line belongs to."""
    line_keys: list[str] = []
    by_line: dict[str, object] = {}
    current = ""
    for line in block:
        match = _KEY_RE.match(line) if not line[:1].isspace() else None
        if match is not None:
            current = _key_name(match["key"])
            value = (match["value"] or "").strip()
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1]
            by_line[current] = value
        elif current and line.strip() and not line.lstrip().startswith("#"):
            item = line.strip().removeprefix("- ").strip().strip("\"'")
            before = by_line.get(current)
            by_line[current] = (
                [*before, item]
                if isinstance(before, list)
                else ([item] if not before else [before, item])
            )
        line_keys.append(current)
    import yaml  # only for a text that has front matter: most have none

    try:
        loaded = yaml.safe_load("\n".join(block))
    except yaml.YAMLError:
        loaded = None
    if isinstance(loaded, dict) and all(isinstance(k, str) for k in loaded):
        values = {_key_name(k): v for k, v in loaded.items()}
    else:
        values = by_line
    return values, line_keys


def parse_front_matter(text: str) -> FrontMatter | None:
    """The front matter at the top of ``text`` (see the module's docstring), or ``None``."""
    if not text.startswith("---"):  # most texts: not split into lines for nothing
        return None
    lines = text.split("\n")
    end = _block(lines)
    if not end:
        return None
    values, line_keys = _read_lines(lines[1 : end - 1])
    if not KNOWN_KEYS & values.keys():
        return None
    fields: dict[str, str] = {}
    keys: dict[str, str] = {}
    for ours, candidates in FIELD_KEYS.items():
        for key in candidates:
            value = _as_text(values.get(key))
            if not value:
                continue
            address = is_address(value)
            if ours == "url" and not address:
                continue  # "source: Reuters" names the outlet, not an address
            if ours == "outlet" and address:
                continue
            fields[ours], keys[ours] = value, key
            break
    if "author" in fields:
        names = _WIKI_LINK_RE.sub(r"\1", fields["author"])
        names = "; ".join(_BY_RE.sub("", name.strip()) for name in names.split(";"))
        fields["author"] = tidy_author(names)
    if "published" in fields:
        fields["published"] = _day(fields["published"])
    fields = {k: v for k, v in fields.items() if v}
    keys = {k: v for k, v in keys.items() if k in fields}
    return FrontMatter(fields, keys, ["", *line_keys, ""], end)


def _excerpt_lines(lines: list[str], start: int) -> range:
    """The lines (0-based) of MarkDownload's "> ## Excerpt" quote when it opens the body from
    line ``start`` (blank lines and one heading, the page's title, may come first)."""
    index, headings = start, 0
    while index < len(lines) and (not lines[index].strip() or lines[index].startswith("# ")):
        headings += bool(lines[index].strip())
        index += 1
    if headings > 1 or index >= len(lines) or not _EXCERPT_RE.match(lines[index].strip()):
        return range(0)
    end = index + 1
    while end < len(lines) and lines[end].lstrip().startswith(">"):
        end += 1
    return range(index, end)


def read_front_matter(
    text: str, doc_id: str, row: dict[str, str], audit: list[AuditEntry]
) -> FrontMatterRead:
    """Read the front matter of ``text`` into the empty fields of the document ``row``.

    Returns the text with the block's lines made empty (so the line numbers of cleaning's
    audit stay the file's) and the notes for ``metadata_note``; appends an audit entry for each
    line of the block (rule ``front_matter``) and of a clipper's excerpt (``clipper_excerpt``).
    ``row["outlet"]`` of ``"unknown"`` counts as empty; its value is the block's site name, else
    its address's site (the address given in ``row`` or the block's). A text without front
    matter comes back as it was, with no notes.
    """
    read = FrontMatterRead(text)
    head = text[:_EXCERPT_CHARS]
    if not text.startswith("---") and ("xcerpt" not in head or _EXCERPT_RE.search(head) is None):
        return read  # most texts: neither front matter nor an excerpt
    matter = parse_front_matter(text)
    lines = text.split("\n")
    start = 0
    if matter is not None:
        start = matter.end_line
        used: dict[str, str] = {}  # key -> the audit's result for its lines
        site = matter.fields.get("outlet", "")
        if matter.fields.get("title"):
            named = site or site_of(row.get("url", "") or matter.fields.get("url", ""))
            matter.fields["title"] = tidy_title(matter.fields["title"], named)
        for ours, value in matter.fields.items():
            key = matter.keys[ours]
            given = str(row.get(ours, "") or "").strip()
            if given and not (ours == "outlet" and given == "unknown"):
                used[key] = f"{ours}: {value} (not used: the metadata gives {given!r})"
                continue
            row[ours] = value
            used[key] = f"{ours}: {value}"
            read.notes.append(f"{ours}: from the front matter ('{key}')")
            if ours == "published" and not row.get("date_note"):
                row["date_note"] = f"Read from the front matter's '{key}'."
        if outlet_from_address(row):
            read.notes.append("outlet: the site of its address (no site name given)")
        for number, key in enumerate(matter.line_keys, start=1):
            original = lines[number - 1]
            action = "moved_to_metadata" if key in used else "removed"
            audit.append(
                AuditEntry(doc_id, number, original, "front_matter", action, used.get(key, ""))
            )
            lines[number - 1] = ""
    excerpt = _excerpt_lines(lines, start)
    for index in excerpt:
        audit.append(AuditEntry(doc_id, index + 1, lines[index], "clipper_excerpt", "removed", ""))
        lines[index] = ""
    if matter is not None or excerpt:
        read.text = "\n".join(lines)
    return read
