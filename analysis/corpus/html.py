"""Article text and metadata out of saved web pages (``.html``/``.htm`` files, ``html`` columns).

Users save the page of an article from a browser or a crawler; the page holds menus, share
prompts, related links and footers around the article. The main text is extracted with
trafilatura (Barbaresi 2021, "Trafilatura: A Web Scraping Library and Command-Line Tool for Text
Discovery and Extraction", ACL System Demonstrations), which scored an article-body F1 of 0.958
on the Scrapinghub article-extraction benchmark; ``python -m analysis bench extraction`` measures
the settings used here on the pages given to it. Its metadata (title, date, author, site name,
URL) fills the manifest fields the user left empty, each value with a note saying where it came
from. The extracted text then goes through the same repairs and cleaning audit as a ``.txt``
file; :func:`extraction_audit_entry` records what extraction kept, and :func:`block_audit_entries`
each visible block of the page it left out (:mod:`analysis.corpus.page_blocks`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from analysis.corpus.cleaning import NOT_EXTRACTED, AuditEntry
from analysis.corpus.page_blocks import RULE as NOT_EXTRACTED_RULE
from analysis.corpus.page_blocks import page_tree, unextracted_blocks
from analysis.corpus.page_metadata import tidy_author, tidy_site_name, tidy_title
from analysis.corpus.page_paragraphs import partly_read, unkept_paragraphs
from analysis.corpus.sites import outlet_from_address
from analysis.user_warnings import warn_user

HTML_SUFFIXES = (".html", ".htm")
# Settings of trafilatura.extract, chosen on the tuning half of the article-extraction benchmark
# (python -m analysis bench extraction; README): favor_precision scored best there.
EXTRACT_SETTINGS: dict[str, object] = {
    "output_format": "txt",
    "include_comments": False,
    "include_tables": False,
    "favor_precision": True,
    "favor_recall": False,
    "deduplicate": False,
}
# The settings tried on a page holding a table: the article may be laid out in one (whole pages
# of older sites are, and some put paragraphs in a table's cells), which include_tables=False
# leaves out entirely.
TABLE_LAYOUT_SETTINGS: dict[str, object] = {**EXTRACT_SETTINGS, "include_tables": True}
_TABLE_RE = re.compile(r"<table\b", re.IGNORECASE)
TABLE_PROSE_WORDS = 15  # a cell read as an article's text holds a sentence's worth of words


def adds_prose(with_tables: str, without: str) -> bool:
    """Whether the text read with a page's tables (:func:`table_cells_as_lines`) holds a line of
    :data:`TABLE_PROSE_WORDS` words or more that the text read without them lacks: a table whose
    cells hold paragraphs lays an article out; one of short cells (figures, links, a menu)
    holds data or chrome, and stays out."""
    have = {" ".join(line.split()) for line in without.splitlines()}
    return any(
        len(line.split()) >= TABLE_PROSE_WORDS and " ".join(line.split()) not in have
        for line in with_tables.splitlines()
    )


def _with_tables(html: str) -> str:
    """The page's text read with its tables (:data:`TABLE_LAYOUT_SETTINGS`), each cell a line;
    "" when that reading fails (the text read without them stands)."""
    import trafilatura

    try:
        return table_cells_as_lines(trafilatura.extract(html, **TABLE_LAYOUT_SETTINGS) or "")
    except Exception:  # lxml errors on broken markup, as above
        return ""


def table_cells_as_lines(text: str) -> str:
    """trafilatura's text of a page read with its tables, each table cell on a line of its own:
    a row comes out as ``| cell | cell |``, and an article laid out in a table as one such row
    whose cell holds the whole article, so the bars would otherwise open and close its text."""
    lines = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1:
            lines.extend(cell.strip() for cell in stripped[1:-1].split(" | ") if cell.strip())
        else:
            lines.append(line)
    return "\n".join(lines)


# The manifest fields trafilatura's metadata can fill, and the metadata attribute for each.
METADATA_FIELDS = {
    "title": "title",
    "published": "date",
    "author": "author",
    "outlet": "sitename",
    "url": "url",
    "language": "language",
}
_TAG_RE = re.compile(r"<\s*(?:!doctype\s+html|html|head|body|p|div|article|title|meta)\b", re.I)
_LANG_RE = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)?", re.I)
_SPACES_RE = re.compile(r"[ \t]+")


@dataclass(frozen=True)
class HtmlExtraction:
    """The article of one page: its text, the metadata found and what extraction kept.

    ``text`` is ``""`` when no article was found (``problem`` then says why); ``metadata`` maps
    manifest fields (``title``, ``published``, ``author``, ``outlet``, ``url``, ``language``) to
    the values found, only those that are non-empty.
    """

    text: str
    chars_in: int
    metadata: dict[str, str] = field(default_factory=dict)
    problem: str | None = None
    is_html: bool = True
    from_tables: bool = False  # read with the page's tables (TABLE_LAYOUT_SETTINGS)
    embedded: int = 0  # inline files (data: addresses) set aside before reading: without_embedded
    # the page's long paragraphs not in the text, and their words (page_paragraphs)
    unkept: tuple[int, int] = (0, 0)
    # the page's visible blocks not in the text: (HTML line, text, note) (page_blocks)
    unextracted: tuple[tuple[int, str, str], ...] = ()


# A whole HTML document: a doctype or <html> first, after blanks, a byte order mark, comments.
_PAGE_START_RE = re.compile(
    r"\A\ufeff?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.IGNORECASE | re.DOTALL
)


def is_html_page(text: str) -> bool:
    """True when ``text`` is a whole HTML document: it opens (after blanks and comments) with a
    doctype or ``<html>``.

    Why: a scraper's export often keeps each page's HTML in its "body" column, and a page saved
    as ``.txt`` is still a page. Read as text, its markup, scripts and menus would become
    thousands of "words"; such a text is extracted as a saved page instead. A fragment
    (``<p>…</p>`` only) is not a page: cleaning cuts it into blocks (``html_blocks``).
    """
    return bool(_PAGE_START_RE.match(text, 0, 20_000))  # (no copy of the text)


def looks_like_html(text: str) -> bool:
    """True when ``text`` holds HTML markup (a doctype or one of the usual page tags).

    Why: a file named ``.html`` may hold plain text (a page copied from the browser and saved
    under the page's name); passing that to an HTML extractor would lose paragraphs.
    """
    return bool(_TAG_RE.search(text[:200_000]))


def _visible_chars(text: str) -> int:
    """Characters of ``text`` once runs of spaces and tabs count as one."""
    return len(_SPACES_RE.sub(" ", text).strip())


def page_language(html: str) -> str:
    """The primary language subtag of ``<html lang=...>`` in lower case (``"de"``), else ``""``."""
    match = _LANG_RE.search(html[:20_000])
    return match.group(1).lower() if match else ""


# a page's og:site_name as written, in either attribute order
_OG_SITE_NAME_RE = re.compile(
    r"<meta\s[^>]*?(?:property|name)=[\"']og:site_name[\"'][^>]*?content=[\"']([^\"']*)"
    r"|<meta\s[^>]*?content=[\"']([^\"']*)[\"'][^>]*?(?:property|name)=[\"']og:site_name",
    re.IGNORECASE,
)


def _lower_case_label(html: str, outlet: str, url: str) -> bool:
    """Whether the site name found, ``outlet``, is only the page's ``og:site_name`` written as
    its address's first label in lower case ("nj" on nj.com, "cleveland" on cleveland.com) and
    capitalised by trafilatura ("Nj"): the outlet is then better the address's site, as written
    ("nj.com"). A name found elsewhere on the page ("USA TODAY" beside og:site_name "usatoday")
    stays."""
    from analysis.corpus.sites import site_of

    match = _OG_SITE_NAME_RE.search(html[:200_000])
    site = site_of(url) if url else ""
    if not match or not site:
        return False
    written = (match.group(1) or match.group(2) or "").strip()
    capitalised = {written.title(), written.capitalize(), written}
    return written.islower() and written == site.split(".", 1)[0] and outlet in capitalised


# a news agency or a paper's own news service, named as a page's publisher in its schema.org
# data: the author of a syndicated story, not the site that published the page
_WIRE_RE = re.compile(
    r"^(?:the )?(?:associated press|ap|reuters|afp|agence france[- ]presse|press association|"
    r"pa media|dpa|upi|united press international|efe|ansa|xinhua|kyodo(?: news)?)$"
    r"|\bnews service\b",
    re.IGNORECASE,
)


def _site_over_wire(html: str, outlet: str, url: str) -> str:
    """The page's ``og:site_name`` (tidied) when trafilatura named a wire as the site
    (:data:`_WIRE_RE`) and the page names itself otherwise, else ``""``: a reviewer's SFGate
    page of an AP story became the outlet "Associated Press", so 12 sites counted as 13
    outlets (on the extraction benchmark's 120 pages: SFGate, and Deccan Herald's "DH News
    Service" twice)."""
    if not _WIRE_RE.search(outlet.strip()):
        return ""
    match = _OG_SITE_NAME_RE.search(html[:200_000])
    written = (match.group(1) or match.group(2) or "").strip() if match else ""
    own = tidy_site_name(written, url) if written else ""
    return own if own and not _WIRE_RE.search(own) else ""


def extract_metadata(html: str) -> dict[str, str]:
    """Title, date, author, site name and URL of a page (trafilatura's ``extract_metadata``).

    Returns manifest field names (``published`` for the date, ``outlet`` for the site name) with
    non-empty values only, the site name without a tagline or copyright notice, the title
    without the site's name after it and the author without roles and dates run into it
    (:mod:`analysis.corpus.page_metadata`); the language comes from
    ``<html lang>``. Never raises: a page trafilatura cannot parse gives whatever was found
    (possibly nothing).
    """
    import trafilatura  # imported here: only HTML input needs it (lxml parse, ~0.3 s)

    found: dict[str, str] = {}
    try:
        meta = trafilatura.extract_metadata(html)
    except Exception:  # trafilatura raises assorted lxml errors on broken markup
        meta = None
    if meta is not None:
        values = meta.as_dict()
        for ours, theirs in METADATA_FIELDS.items():
            value = values.get(theirs)
            if isinstance(value, str) and value.strip():
                found[ours] = " ".join(value.split())
    if "outlet" in found:  # a tagline, a handle's underscores, a copyright notice cut
        found["outlet"] = tidy_site_name(found["outlet"], found.get("url", ""))
        if not found["outlet"] or _lower_case_label(html, found["outlet"], found.get("url", "")):
            del found["outlet"]  # no site named: the address's site, when there is one
        else:
            found["outlet"] = (
                _site_over_wire(html, found["outlet"], found.get("url", "")) or found["outlet"]
            )
    if "title" in found:
        found["title"] = tidy_title(found["title"], found.get("outlet", ""))
    if "author" in found:
        found["author"] = tidy_author(found["author"])
    language = page_language(html)
    if language:
        found["language"] = language
    return found


# An inline file in an attribute, as a page saver (SingleFile) embeds each image: an address
# "data:..." of this many characters or more, quoted
_EMBEDDED_RE = re.compile(r"""(["'])data:[^"'\s>]{10000,}\1""")


def without_embedded(html: str) -> tuple[str, int]:
    """``html`` with each inline file of 10,000 characters or more (an attribute whose value is
    a ``data:`` address, an image embedded in base64) made an empty ``data:,``, and how many.
    The parser trafilatura uses (libxml2) stops reading a page at a value of 10 MB: a tester's
    saved page with a 16 MB embedded image in its middle lost the article's second half without
    a word, and with the image first, all of it. An address is no text of the page."""
    count = 0

    def empty(match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        return f"{match.group(1)}data:,{match.group(1)}"

    return _EMBEDDED_RE.sub(empty, html), count


def extract_article(html: str, name: str = "") -> HtmlExtraction:
    """Extract the main text of a page with trafilatura, keeping its paragraphs as lines.

    ``name`` names the file or row for the message. Text without markup is returned as it is
    (``is_html=False``), so it is cleaned like a ``.txt`` file. A page with no article text
    (empty or broken markup, a page of links) gives ``text=""`` and a ``problem`` naming the
    file and what to do; callers must not keep it as an empty document.
    """
    chars_in = _visible_chars(html)
    if not html.strip():
        return HtmlExtraction("", 0, problem=f"{name}: the HTML is empty")
    if not looks_like_html(html):
        return HtmlExtraction(html, chars_in, is_html=False)
    import trafilatura

    html, embedded = without_embedded(html)
    tables = False
    try:
        text = trafilatura.extract(html, **EXTRACT_SETTINGS) or ""
    except Exception as error:  # lxml errors on broken markup; never a traceback for users
        text = ""
        detail = f" ({type(error).__name__})"
    else:
        detail = ""
        if _TABLE_RE.search(html):
            # an article laid out in a table, as older sites lay out whole pages: with tables
            # left out, nothing or part of it is found (pages of the extraction benchmark)
            read = _with_tables(html)
            if adds_prose(read, text):
                text, tables = read, True
    metadata = extract_metadata(html)
    if not text.strip():
        return HtmlExtraction(
            "",
            chars_in,
            metadata,
            embedded=embedded,
            problem=(
                f"{name}: no article text found in the HTML{detail} (an empty, broken or "
                "index page); save the article's own page, or paste its text into a .txt file"
            ),
        )
    page = page_tree(html)  # parsed once for both
    return HtmlExtraction(
        text.strip() + "\n",
        chars_in,
        metadata,
        from_tables=tables,
        embedded=embedded,
        unkept=unkept_paragraphs(html, text, page),
        unextracted=unextracted_blocks(page, text, metadata.get("title", "")),
    )


def extraction_audit_entry(doc_id: str, extraction: HtmlExtraction) -> AuditEntry:
    """The audit row recording what extraction kept of a page (rule ``html_extraction``)."""
    kept = _visible_chars(extraction.text)
    if not extraction.is_html:
        result = "no HTML markup found: read as plain text"
    else:
        share = kept / extraction.chars_in if extraction.chars_in else 0.0
        result = (
            f"article extracted with trafilatura: {extraction.chars_in} characters of HTML in, "
            f"{kept} characters of text kept ({share:.1%})"
        )
        if extraction.from_tables:
            result += (
                "; read with the page's tables, whose cells hold paragraphs the text read "
                "without them lacks"
            )
        if extraction.embedded:
            result += (
                f"; {extraction.embedded} inline file(s) (data: addresses of 10,000 characters "
                "or more, embedded images) set aside before reading"
            )
        if partly_read(extraction.unkept, extraction.text):
            count, words = extraction.unkept
            result += f"; {PARTLY_READ.format(count=count, words=words)}"
    return AuditEntry(
        doc_id=doc_id,
        line_no=0,
        original="(whole page, HTML)",
        rule="html_extraction",
        action="changed",
        result=result,
    )


def block_audit_entries(doc_id: str, extraction: HtmlExtraction) -> list[AuditEntry]:
    """One audit row per visible block of the page that extraction left out (rule
    ``html_not_extracted``, action ``not_extracted``; :mod:`analysis.corpus.page_blocks`), in
    page order: ``original`` holds the block's text, ``result`` its line in the HTML and any
    note. Line 0, as the page's ``html_extraction`` row: they are the page's, not lines of the
    text cleaned, and count with none of the lines cleaning removed."""
    entries = []
    for line, block, note in extraction.unextracted:
        where = f"HTML line {line}" if line else "HTML line unknown"
        entries.append(
            AuditEntry(
                doc_id=doc_id,
                line_no=0,
                original=block,
                rule=NOT_EXTRACTED_RULE,
                action=NOT_EXTRACTED,
                result=f"not in the text extracted ({where}{'; ' + note if note else ''})",
            )
        )
    return entries


def fill_from_metadata(row: dict[str, str], metadata: dict[str, str]) -> list[str]:
    """Fill the empty fields of a manifest ``row`` from page ``metadata``; return the notes.

    An outlet of ``"unknown"`` counts as empty. Each filled field gives a note such as
    ``"title: from the HTML (trafilatura)"``; fields the user gave are never overwritten.
    """
    notes = []
    for key, value in metadata.items():
        current = str(row.get(key, "") or "").strip()
        if not value:
            continue
        if current and not (key == "outlet" and current == "unknown"):
            continue
        row[key] = value
        source = "<html lang>" if key == "language" else "trafilatura"
        notes.append(f"{key}: from the HTML ({source})")
    return notes


# What the audit and a warning say of a page perhaps read in part (page_paragraphs.partly_read)
PARTLY_READ = (
    "perhaps read only in part: {count} long paragraphs of the page ({words} words, outside its "
    "comments and sidebars) are not in the text extracted; compare the text in documents.csv "
    "with the page, and paste the article into a .txt file if it is cut"
)


# Document columns added for pages: where metadata came from, and why a page gave no text.
PAGE_COLUMNS = ("metadata_note", "extraction_problem")


@dataclass(frozen=True)
class Page:
    """A page read into a document: its text, the metadata notes and any problem."""

    text: str
    notes: list[str]
    problem: str | None


def read_page(record: dict, row: dict[str, str], audit: list[AuditEntry]) -> Page:
    """Extract the page in ``record["raw_text"]`` for the document ``row`` (internal).

    Fills empty fields of ``row`` from the page's metadata (:func:`fill_from_metadata`), appends
    the ``html_extraction`` audit row and the rows of the blocks left out
    (:func:`block_audit_entries`) to ``audit`` and returns the text to clean. A page whose
    HTML names no site but whose address is known (the manifest's, the page's canonical link, an
    MHTML file's) gets the address's site as outlet
    (:func:`analysis.corpus.sites.outlet_from_address`), as an export with addresses does; an
    outlet that stays unknown is warned about, as for a folder without a manifest.
    """
    name = str(record.get("file") or record.get("doc_id") or "")
    extraction = extract_article(str(record.get("raw_text") or ""), name)
    notes = fill_from_metadata(row, extraction.metadata)
    if extraction.problem is None:
        audit.append(extraction_audit_entry(str(record["doc_id"]), extraction))
        audit.extend(block_audit_entries(str(record["doc_id"]), extraction))
    if extraction.problem is None and partly_read(extraction.unkept, extraction.text):
        count, words = extraction.unkept
        warn_user(f"{name}: {PARTLY_READ.format(count=count, words=words)}")
    if outlet_from_address(row):
        notes.append("outlet: the site of its address (no site name in the HTML)")
    if row.get("outlet", "") in ("", "unknown"):
        row["outlet"] = "unknown"
        warn_user(
            f"{name}: the page names no site and no outlet was given; its outlet is 'unknown'. "
            "Add a manifest.csv (or an outlet column) to compare outlets."
        )
    return Page(extraction.text, notes, extraction.problem)
