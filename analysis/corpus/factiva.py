"""Articles of a Factiva export, saved as a page or as a document.

Factiva (Dow Jones) hands a selection of articles over as a page ("Format for Saving", then the
browser's "Save Page"), or as an RTF document of up to 100 articles, in its "Article Format" by
default. Each
article is its header lines, its paragraphs and a line "Document NYTF000020050408dp1900j9s" (its
accession number) that ends it. The header, in the order Factiva writes it (the positions R's
newspapers package, ``import_factiva``, reads too):

- a section ("Foreign Desk; 1"), when the source gives one (several lines above the headline
  are a cover page, as a search summary before the first article is);
- the headline;
- the byline ("By Ann Lee") and lines of credit under it ("Special to The Times");
- the word count ("877 words"; "877 Wörter", "877 mots", "877 palabras" in other interfaces);
- the date ("9 January 1993"; "9 Januar 1993"), then a time ("14:05 GMT") when there is one;
- the source's name ("The New York Times") and its code ("NYTF");
- edition and page lines when there are any, the language ("English"; "Englisch"), the
  copyright line.

:func:`factiva_bounds` cuts a document's lines into articles, and :func:`read_factiva_article`
gives each line of an article's header its role and reads the headline, the source (as outlet),
the date, the byline, the section and the language from them. The headline is the line just
above a line that opens with "By" when there is one; otherwise the longest of the lines above
the word count (a section and a byline are short): a headline shorter than a byline written
without "By" is taken for the byline's. :func:`factiva_page_text` turns a saved page into the
same lines: each article's ``<div>`` and ``<p>`` lines in order, then the rest of the page
(Factiva's menus, forms and search summary), which thus ends the last article as footer lines,
each in the audit.

The other layout, "Full Article/Report plus Indexing", gives each field a two-letter code
("HD" headline, "BY", "WC", "PD" date, "SN" source, "SE" section, "LA" language, "LP" and "TD"
the text, "CO", "NS", "RE" the indexing, "AN" the accession number) with its value on the code's
line after a tab or two spaces, in the cell beside it (an RTF table, read as "HD|value|"), or on
the lines below it (:func:`_read_coded`). Codes run into their values with one space ("HD Port
strike") are not told from text: such a file is read as one text, with the warning of
:mod:`analysis.corpus.exports`.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from analysis.corpus.export_parts import COPYRIGHT, ExportFields, LineRoles, date_of

if TYPE_CHECKING:
    import lxml.html

# "Document" as Factiva's interfaces write it (English and French, German, Spanish, Italian and
# Portuguese, Russian, Chinese, Japanese), then the 25 letters and digits of an accession number
FACTIVA_END_MARK = (
    r"(?:Document|Dokument|Documento|Documenti|Документ|文档|文件|ドキュメント)\s+[A-Za-z0-9]{25}"
)
# Factiva's field codes ("Full Article/Report plus Indexing"): a field's value follows its code
# on the code's line (after a tab, two spaces or, from an RTF table, "|") or on the lines below
FIELD_CODES = (
    "HD CLM SE BY CR WC PD ET SN SC ED PG VOL LA CY LP TD CT RF CO IN NS RE IPC IPD PUB AN".split()  # noqa: SIM905
)
_SEPARATOR = r"(?:[ \t\u00a0]*\||\t|[ \t\u00a0]{2,})"
_CODE = re.compile(
    rf"^[ \t\u00a0]*(?P<code>{'|'.join(FIELD_CODES)})"
    rf"(?:[ \t\u00a0]*|{_SEPARATOR}[ \t\u00a0]*(?P<value>.*?)[ \t\u00a0|]*)$"
)
_END = re.compile(rf"^[ \t\u00a0]*(?:AN{_SEPARATOR}[ \t\u00a0]*)?{FACTIVA_END_MARK}[ \t\u00a0|]*$")
# the metadata each code's value gives; LP (the lead paragraph) and TD (the text) are the text
_CODE_FIELDS = {
    "HD": "title",
    "BY": "byline",
    "SE": "section",
    "PD": "published",
    "SN": "outlet",
    "LA": "language",
}
_TEXT_CODES = ("LP", "TD")
_MIN_CODES = 3  # an article with at least this many distinct codes has the coded layout
_WORD_COUNT = re.compile(
    r"^[ \t\u00a0]*\d{1,3}(?:[,.\u00a0 ]?\d{3})*[ \t\u00a0]*"
    r"(?:words?|Wörter|Wort|mots?|palabras?|parole|palavras?|woorden|ord|słów|слов|語|字|단어)"
    r"[ \t\u00a0]*$",
    re.I,
)
_BYLINE = re.compile(r"^[ \t\u00a0]*(?:By|Von|Par|Por|Di|Door|Av|Af)[ \t\u00a0]+(?P<name>\S.*)$")
_TIME = re.compile(r"^[ \t\u00a0]*\d{1,2}[:.]\d{2}(?:[ \t\u00a0]*[A-Za-z]{1,4})?[ \t\u00a0]*$")
_SOURCE_CODE = re.compile(r"^[ \t\u00a0]*[A-Z0-9]{2,10}[ \t\u00a0]*$")
# a date as the Chinese and Japanese interfaces write it: 1993年1月9日
_CJK_DATE = re.compile(r"(?P<year>\d{4})\s*年\s*(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日")
# how far below the word count the header may run: date, time, source name and code, edition,
# page, language, copyright
_HEADER_SPAN = 10
# The languages Factiva names in its header, in English and in its interfaces' languages; a
# header line among these is the article's language (analysis.corpus.language reads the names)
LANGUAGE_NAMES = frozenset(
    """english englisch anglais inglés inglese inglês engels german deutsch allemand alemán
    tedesco alemão duits french französisch français francés francese francês frans spanish
    spanisch espagnol español spagnolo espanhol spaans italian italienisch italien italiano
    italiaans portuguese portugiesisch portugais portugués portoghese português portugees dutch
    niederländisch néerlandais neerlandés olandese holandês nederlands chinese chinesisch chinois
    chino cinese chinês chinees japanese japanisch japonais japonés giapponese japonês japans
    russian russisch russe ruso russo arabic arabisch arabe árabe arabo
    korean koreanisch coréen coreano""".split()  # noqa: SIM905
) | {"英文", "中文", "日文", "英語", "日本語", "中国語", "английский", "русский"}

# the blocks that make a line of their own in a saved page; everything else runs on inside one
_BLOCKS = frozenset(
    """address article aside blockquote body center dd div dl dt figcaption figure footer form
    h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody td tfoot th thead tr
    ul""".split()  # noqa: SIM905
)
_SKIPPED = frozenset({"script", "style", "noscript", "template", "head", "title", "select"})
_ARTICLE = (
    '//div[contains(concat(" ", normalize-space(@class), " "), " article ")'
    ' and .//p[contains(@class, "articleParagraph")]'
    ' and not(.//div[contains(concat(" ", normalize-space(@class), " "), " article ")])]'
)


def factiva_bounds(lines: list[str]) -> list[int] | None:
    """Where each article of a Factiva document starts, then the number of lines (the bounds
    of :func:`analysis.corpus.export_parts.cut_parts`), when ``lines`` are one: at least one
    end line ("Document <accession number>") with a word count line, or the field codes of the
    coded layout (:func:`_is_coded`), above the first. Lines after the last end line belong to
    the last article. None for any other text."""
    ends = [i for i, line in enumerate(lines) if _END.match(line)]
    if not ends:
        return None
    first = lines[: ends[0]]
    if not any(_WORD_COUNT.match(line) for line in first) and not _is_coded(first):
        return None
    return [0, *(i + 1 for i in ends[:-1]), len(lines)]


def _is_coded(lines: list[str]) -> bool:
    """Whether ``lines`` are in the coded layout: at least :data:`_MIN_CODES` distinct field
    codes among them, one of them the headline's or the text's."""
    codes = {found["code"] for found in map(_CODE.match, lines) if found}
    return len(codes) >= _MIN_CODES and bool(codes & {"HD", *_TEXT_CODES})


def _language_of(line: str) -> str | None:
    """The language a header line names, as written, when it names one."""
    value = " ".join(line.split())
    return value if value.lower() in LANGUAGE_NAMES else None


def _date_line(line: str) -> tuple[str, str] | None:
    """The ISO date and the date as written of a header's date line, in the forms of
    :func:`analysis.corpus.export_parts.date_of` and as 1993年1月9日."""
    found = date_of(line)
    if found is not None:
        return found
    cjk = _CJK_DATE.search(line)
    if cjk is None or len(line.strip()) > 20:
        return None
    try:
        iso = date(int(cjk["year"]), int(cjk["month"]), int(cjk["day"])).isoformat()
    except ValueError:
        return None
    return iso, " ".join(line.split())


def read_factiva_article(lines: list[str]) -> ExportFields:
    """The roles of one Factiva article's lines (its part of the file, from
    :func:`factiva_bounds`) and the metadata read from them: ``title``, ``outlet`` (the source's
    name), ``published`` and ``date_text``, ``byline``, ``section`` and ``language``, each when
    found. An article whose header cannot be read (no word count line, or no date under it)
    keeps every line but its end line and what follows it as text, with no metadata."""
    roles = LineRoles(lines)
    ends = [i for i, line in enumerate(lines) if _END.match(line)]
    end = ends[-1] if ends else len(lines)
    roles.mark(end, end + 1, "end of document")
    roles.mark(end + 1, len(lines), "footer")
    if _is_coded(lines[:end]):
        _read_coded(roles, lines, end)
        return roles.fields()
    count_at = next((i for i in range(end) if _WORD_COUNT.match(lines[i])), None)
    start = end if count_at is None else count_at + 1
    below = [i for i in range(start, end) if lines[i].strip()]
    date_at = next((i for i in below[:2] if _date_line(lines[i])), None)
    if count_at is None or date_at is None:
        return roles.fields()
    iso, written = _date_line(lines[date_at]) or ("", "")
    roles.take(date_at, "published", iso)
    roles.metadata["date_text"] = written
    header_end = _read_below(roles, lines, [i for i in below if i > date_at], date_at)
    _read_above(roles, lines, [i for i in range(count_at) if lines[i].strip()])
    roles.mark(0, header_end, "header")
    return roles.fields()


def _read_coded(roles: LineRoles, lines: list[str], end: int) -> None:
    """Read an article in the coded layout: each line belongs to the last code above it; the
    values of HD, BY, SE, PD, SN and LA are metadata, LP's and TD's lines the text (the code
    taken off a line that holds both, and the "|" an RTF table leaves after a cell), every
    other field's lines header lines; lines before the first code are a cover page."""
    code = None
    for i in range(end):
        line = lines[i]
        found = _CODE.match(line)
        if found:
            code, value = found["code"], (found["value"] or "").strip()
        elif code is None:
            roles.mark(i, i + 1, "cover page")
            continue
        else:
            value = line.strip()
        if code in _TEXT_CODES:
            if found and not value:
                roles.mark(i, i + 1, "header")
            elif found or line.rstrip().endswith("|"):
                roles.edit(i, value.rstrip(" \t\u00a0|"))
            continue
        key = _CODE_FIELDS.get(code)
        if key == "published" and value and "published" not in roles.metadata:
            dated = _date_line(value)
            if dated:
                roles.take(i, "published", dated[0])
                roles.metadata["date_text"] = dated[1]
        elif key and value:
            roles.take(i, key, value)
        roles.mark(i, i + 1, "header")


def _read_below(roles: LineRoles, lines: list[str], rest: list[int], date_at: int) -> int:
    """Read the source's name and the language from the lines ``rest`` under the date line at
    ``date_at``; the index of the first line after the header."""
    rest = rest[:_HEADER_SPAN]
    if rest and _TIME.match(lines[rest[0]]):
        rest = rest[1:]
    if not rest:
        return date_at + 1
    roles.take(rest[0], "outlet", lines[rest[0]])
    language_at = next((i for i in rest if _language_of(lines[i])), None)
    if language_at is not None:
        roles.take(language_at, "language", lines[language_at])
        # the copyright line follows the language line
        after = [i for i in rest if i > language_at][:1]
        last = after[0] if after and COPYRIGHT.match(lines[after[0]]) else language_at
    else:
        copyright_at = next((i for i in rest if COPYRIGHT.match(lines[i])), None)
        code_at = rest[1] if len(rest) > 1 and _SOURCE_CODE.match(lines[rest[1]]) else rest[0]
        last = copyright_at if copyright_at is not None else code_at
    return last + 1


def _read_above(roles: LineRoles, lines: list[str], above: list[int]) -> None:
    """Read the headline, the byline and the section above the word count (module docstring)."""
    if not above:
        return
    bylines = [i for i in above if _BYLINE.match(lines[i])]
    if bylines and bylines[0] != above[0]:
        headline_at = above[above.index(bylines[0]) - 1]
    else:
        candidates = [i for i in above if not bylines or i < bylines[0]] or above
        headline_at = max(candidates, key=lambda i: (len(lines[i].split()), -i))
    roles.take(headline_at, "title", lines[headline_at])
    after = [i for i in above if i > headline_at]
    if after:
        found = _BYLINE.match(lines[after[0]])
        roles.take(after[0], "byline", found["name"] if found else lines[after[0]])
    before = [i for i in above if i < headline_at]
    if len(before) == 1:  # a section; several lines are a cover page (a search summary)
        roles.take(before[0], "section", lines[before[0]])
    roles.mark(0, headline_at, "cover page")


def _page_lines(element: lxml.html.HtmlElement, skip: set[lxml.html.HtmlElement]) -> list[str]:
    """The lines of a saved page's ``element``: each block (``<div>``, ``<p>``, a table's cell)
    a line of its own, ``<br>`` a line break, other tags running on; the elements in ``skip``
    and scripts and styles left out."""
    lines: list[str] = []
    current: list[str] = []

    def flush() -> None:
        text = " ".join("".join(current).split())
        if text:
            lines.append(text)
        current.clear()

    def walk(node: lxml.html.HtmlElement) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if node in skip or tag in _SKIPPED or not tag:
            return
        block = tag in _BLOCKS
        if block:
            flush()
        if node.text:
            current.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                current.append(child.tail)
        if block or tag == "br":
            flush()

    walk(element)
    flush()
    return lines


def factiva_page_text(html: str) -> str | None:
    """A saved Factiva page (its "Article Format") as the lines of a Factiva document: each
    article's lines, in the page's order, then the page's other lines (module docstring). None
    when ``html`` holds no Factiva article (a ``<div class="article ...">`` with paragraphs of
    class ``articleParagraph``)."""
    if "articleParagraph" not in html:
        return None
    import lxml.etree  # only for a page that may be Factiva's: most corpora never need it
    import lxml.html

    try:
        root = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return None
    articles = root.xpath(_ARTICLE)
    if not articles:
        return None
    lines = [line for article in articles for line in _page_lines(article, set())]
    if not any(_END.match(line) for line in lines):
        return None
    body = root.find("body")
    lines += _page_lines(body if body is not None else root, set(articles))
    return "\n".join(lines) + "\n"
