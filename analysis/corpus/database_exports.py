"""Articles of a news database's export file, with their headlines, publications and dates.

Researchers collect news from LexisNexis and Nexis Uni more than from anywhere else, and the
databases hand a search over as documents of many articles: Nexis Uni as a Word file (``.docx``,
or saved as text), the older LexisNexis Academic as a ``.txt`` file. Each article there is its
text between lines the database adds: the publication, the date, the headline, "Length: 812
words", a byline, a copyright line, a load date, and a line that marks where the article starts
or ends. Read as an article, such a file pools every article in it, and those lines become
sentences of the text. :func:`split_database_export` cuts a file into its articles, and
:func:`read_export_article` takes one article's header and footer lines out of its text and
reads the headline, publication and date from them, so that each article is compared under its
own outlet and date.

Two layouts are read, with the field names R's LexisNexisTools (Gruber 2019) reads, and dates
also in Dutch, German, French and Spanish month names:

- **Nexis Uni**: an optional cover page (user, job number, the search), then per article the
  headline, the publication, the date ("October 12, 2025 Sunday"), the header fields
  ("Copyright 2025 ...", "Section:", "Length: 812 words", "Byline:"), a line "Body", the text,
  then "Classification", "Language:", "Subject:", "Load-Date:" fields and "End of Document";
- **LexisNexis Academic**: an optional cover page (the download request), then per article a
  line "3 of 50 DOCUMENTS", the publication, the date (edition lines may follow it), the
  headline (or a "HEADLINE:" field among the others), the fields "BYLINE:", "SECTION:",
  "LENGTH:" (and fields such as "DATELINE:" right after it), the text, then "LOAD-DATE:",
  "LANGUAGE:", "PUBLICATION-TYPE:" fields and the copyright line; the German and French
  interfaces' "Dokument 3 von 50", "Document 3 de 50", "AUTOR:", "RUBRIK:", "LÄNGE:",
  "LONGUEUR:", "SPRACHE:" and "LANGUE:" are read too.

Every line of the file belongs to exactly one article (a cover page to the first), so nothing is
dropped unaccounted: a line that is not the article's text is reported with its role
(:attr:`ExportFields.other_lines`), which the loader writes to the audit. An article whose
header cannot be read (no "Body" or "LENGTH:" line: a graphic, a table of figures) keeps all its
lines but the marks as text, with no metadata. Nexis Uni's marks in other interface languages
are not read: such files are warned about (:mod:`analysis.corpus.exports`) when a mark is found.
Factiva's layout is read by :mod:`analysis.corpus.factiva`, whose articles this module splits,
reads and audits as it does the other two (a saved Factiva page too: :func:`articles_of_exports`).
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from analysis.corpus.cleaning import AuditEntry
from analysis.corpus.export_parts import (
    COPYRIGHT,
    ExportArticle,
    ExportFields,
    LineRoles,
    cut_parts,
    date_of,
    part_lines,
)
from analysis.corpus.factiva import factiva_bounds, factiva_page_text, read_factiva_article
from analysis.corpus.page_metadata import tidy_author

NEXIS_UNI = "Nexis Uni"
LEXISNEXIS = "LexisNexis"
FACTIVA = "Factiva"
# raw_format values of the rows an export's articles become (analysis.corpus.documents)
RAW_FORMATS = {NEXIS_UNI: "nexis_uni", LEXISNEXIS: "lexisnexis", FACTIVA: "factiva"}
_KINDS = {raw_format: kind for kind, raw_format in RAW_FORMATS.items()}
# The lines that mark where an article ends (Nexis Uni) or starts (LexisNexis, in its English,
# German and French interfaces); the several-articles warning counts the same lines
# (analysis.corpus.exports.ARTICLE_MARKS)
NEXIS_END_MARK = r"End of Document"
LEXIS_START_MARK = r"(?:\d+ of \d+ DOCUMENTS?|Dokument \d+ von \d+|Document \d+ de \d+)"

_NEXIS_END = re.compile(rf"^[ \t\u00a0]*{NEXIS_END_MARK}[ \t\u00a0]*$")
_NEXIS_BODY = re.compile(r"^[ \t\u00a0]*Body[ \t\u00a0]*$")
# The header fields of an article, by name: a line "Name: value" whose name is not one of these
# is a headline or the text ("NEW DELHI: Their American dream..."), never a field
_HEADER_FIELDS = (
    "byline|section|length|dateline|highlight|edition|series|type|source|abstract|distribution"
    "|correction|correction-date|journal-code|column|headline"
    "|autor|rubrik|länge|longueur"  # LexisNexis in German and French (as LexisNexisTools reads)
)
# the fields whose value a document keeps, by their names in each language: LexisNexis
# Academic's "HEADLINE:" is the title (a tester's headlines were removed as header lines), and
# a "Dateline:" (Nexis Uni's "Dateline: MANILA, Philippines") a column of its own, as the byline
_KEPT_FIELDS = {
    "byline": "byline",
    "autor": "byline",
    "section": "section",
    "rubrik": "section",
    "headline": "title",
    "dateline": "dateline",
}
# A field whose value is the article's own text: the publication's standfirst under its
# headline ("Highlight: Aquino says he is through apologising"), kept as the text's first line
# without its name, audited as changed (it was removed with the header, and the article lost
# its lead sentence)
_TEXT_FIELDS = re.compile(r"^[ \t\u00a0]*(?:highlight):[ \t\u00a0]*(?P<value>\S.*)$", re.I)
# Nexis Uni writes "Length: 812 words", with a no-break space after the colon
_NEXIS_FIELD = re.compile(rf"^[ \t\u00a0]*(?P<name>{_HEADER_FIELDS}):[ \t\u00a0]", re.I)
# the footer's language field: Nexis Uni's "Language: ENGLISH", LexisNexis's "LANGUAGE: ENGLISH"
# ("SPRACHE:", "LANGUE:" in its German and French interfaces)
_LANGUAGE_FIELD = re.compile(
    r"^[ \t\u00a0]*(?:Language|LANGUAGE|SPRACHE|LANGUE):[ \t\u00a0]*(?P<value>\S.*?)[ \t\u00a0;]*$"
)
_NEXIS_FOOTER = re.compile(r"^[ \t\u00a0]*(?:Classification|Graphic|Load-Date:.*)[ \t\u00a0]*$")
_LEXIS_START = re.compile(rf"^[ \t]*{LEXIS_START_MARK}[ \t]*$")
_LEXIS_LENGTH = re.compile(r"^[ \t]*(?:LENGTH|LÄNGE|LONGUEUR):")
# LexisNexis writes its fields' names in capitals: "BYLINE: Jane Doe", "LENGTH: 812 words"
_LEXIS_FIELD = re.compile(rf"^[ \t]*(?P<name>{_HEADER_FIELDS.upper()}):[ \t]")
_LEXIS_FOOTER = re.compile(
    r"^[ \t]*(?:LOAD-DATE|LANGUAGE|PUBLICATION-TYPE|JOURNAL-CODE|GRAPHIC|CORRECTION-DATE"
    r"|DOCUMENT-TYPE|UPDATE|NOTES|URL|SPRACHE|LANGUE):"
)


def split_database_export(text: str) -> list[ExportArticle]:
    """The articles of ``text`` when it is a Nexis Uni, LexisNexis or Factiva export
    (:func:`analysis.corpus.factiva.factiva_bounds`), else ``[]``.

    A Nexis Uni export ends each article with a line "End of Document" and has a line "Body"
    before the first of them; a LexisNexis export starts each with "N of M DOCUMENTS" and has a
    "LENGTH:" line after the first. A file with one such article is an export too (Nexis Uni
    saves each article of a search as its own file when asked to). Lines after the last "End of
    Document" belong to the last article. The parts' lines end with ``\\n`` whatever the file's
    line ends were.
    """
    lines = part_lines(text)
    ends = [i for i, line in enumerate(lines) if _NEXIS_END.match(line)]
    if ends and any(_NEXIS_BODY.match(line) for line in lines[: ends[0]]):
        bounds = [0, *(i + 1 for i in ends[:-1]), len(lines)]
        return cut_parts(lines, bounds, NEXIS_UNI)
    starts = [i for i, line in enumerate(lines) if _LEXIS_START.match(line)]
    if starts and any(_LEXIS_LENGTH.match(line) for line in lines[starts[0] :]):
        return cut_parts(lines, [0, *starts[1:], len(lines)], LEXISNEXIS)
    bounds = factiva_bounds(lines)
    return cut_parts(lines, bounds, FACTIVA) if bounds else []


def read_export_article(text: str, kind: str) -> ExportFields:
    """Take the header and footer lines out of one article's part (``text``, from
    :func:`split_database_export`) and read its metadata from them.

    The body keeps every line of the part, those that are not the article's text made empty, so
    a line's number in the body is its number in the part. ``metadata`` holds what was found of
    ``title`` (the headline), ``outlet`` (the publication), ``published`` (the date as an ISO
    date), ``date_text`` (the date as written), ``byline``, ``section`` and ``language`` (a
    footer's language field; Factiva's header line).
    """
    lines = part_lines(text)
    if kind == NEXIS_UNI:
        return _read_nexis_uni(lines)
    if kind == LEXISNEXIS:
        return _read_lexisnexis(lines)
    if kind == FACTIVA:
        return read_factiva_article(lines)
    raise ValueError(f"unknown export kind {kind!r}")


def _take_language(roles: LineRoles, footer: range) -> None:
    """Read the language field among the ``footer``'s lines into the ``language`` metadata."""
    for i in footer:
        found = _LANGUAGE_FIELD.match(roles.lines[i])
        if found:
            roles.take(i, "language", found["value"])
            return


def _keep_text_fields(roles: LineRoles, header: range) -> None:
    """Keep the header's text fields (:data:`_TEXT_FIELDS`) as the article's text."""
    for i in header:
        found = _TEXT_FIELDS.match(roles.lines[i])
        if found and i not in roles.roles:
            roles.keep_text(i, found["value"].rstrip())


def _kept_field(line: str, pattern: re.Pattern[str]) -> tuple[str, str] | None:
    """The metadata key and value of a byline or section field (in any of its names)."""
    found = pattern.match(line)
    key = _KEPT_FIELDS.get(found["name"].lower()) if found else None
    if found is None or key is None:
        return None
    return key, line[found.end() :].strip()


def _read_nexis_uni(lines: list[str]) -> ExportFields:
    roles = LineRoles(lines)
    ends = [i for i, line in enumerate(lines) if _NEXIS_END.match(line)]
    end = ends[-1] if ends else len(lines)
    roles.mark(end, len(lines), "end of document")
    body_at = next((i for i in range(end) if _NEXIS_BODY.match(lines[i])), None)
    if body_at is None:  # no header to read: everything but the end mark is text
        return roles.fields()
    roles.mark(body_at, body_at + 1, "header")
    footer = next((i for i in range(body_at + 1, end) if _NEXIS_FOOTER.match(lines[i])), end)
    roles.mark(footer, end, "footer")
    _take_language(roles, range(footer, end))
    # the header: cover page?, headline, publication, date, edition?, fields
    header = [i for i in range(body_at) if lines[i].strip()]
    date_at, found = None, None
    for i in reversed(header):
        line = lines[i]
        if _NEXIS_FIELD.match(line) or COPYRIGHT.match(line):
            kept = _kept_field(line, _NEXIS_FIELD)
            if kept is not None:
                roles.take(i, *kept)
            elif text_field := _TEXT_FIELDS.match(line):
                roles.keep_text(i, text_field["value"].rstrip())
            continue
        if date_at is None:
            found = date_of(line)
            date_at = i if found else None
    if date_at is not None and found is not None:
        iso, written = found
        roles.take(date_at, "published", iso)
        roles.metadata["date_text"] = written
        above = [i for i in header if i < date_at]
        if above:
            roles.take(above[-1], "outlet", lines[above[-1]])
        if len(above) > 1:
            roles.take(above[-2], "title", lines[above[-2]])
            roles.mark(0, above[-2], "cover page")
    roles.mark(0, body_at, "header")
    return roles.fields()


def _read_lexisnexis(lines: list[str]) -> ExportFields:
    roles = LineRoles(lines)
    start = next((i for i, line in enumerate(lines) if _LEXIS_START.match(line)), None)
    if start is None:
        return roles.fields()
    roles.mark(0, start, "cover page")
    roles.mark(start, start + 1, "header")
    length_at = next(
        (i for i in range(start + 1, len(lines)) if _LEXIS_LENGTH.match(lines[i])), None
    )
    if length_at is None:  # no header to read: everything after the mark is text
        return roles.fields()
    # fields right after LENGTH: (a DATELINE:, a HIGHLIGHT:) are the header's too
    header_end = length_at + 1
    for i in range(length_at + 1, len(lines)):
        if not lines[i].strip():
            continue
        if not _LEXIS_FIELD.match(lines[i]) or _LEXIS_FOOTER.match(lines[i]):
            break
        header_end = i + 1
    footer = next(
        (i for i in range(header_end, len(lines)) if _LEXIS_FOOTER.match(lines[i])), len(lines)
    )
    # an article without footer fields still ends with its copyright lines
    while footer > header_end and (
        not lines[footer - 1].strip() or COPYRIGHT.match(lines[footer - 1])
    ):
        footer -= 1
    roles.mark(footer, len(lines), "footer")
    _take_language(roles, range(footer, len(lines)))
    for i in range(start + 1, header_end):
        kept = _kept_field(lines[i], _LEXIS_FIELD)
        if kept is not None:
            roles.take(i, *kept)
    _keep_text_fields(roles, range(start + 1, header_end))
    header = [i for i in range(start + 1, header_end) if lines[i].strip()]
    fields_at = next((i for i in header if _LEXIS_FIELD.match(lines[i])), header_end)
    top = [i for i in header if i < fields_at]
    if top:
        roles.take(top[0], "outlet", lines[top[0]])
    found = date_of(lines[top[1]]) if len(top) > 1 else None
    if found is not None:
        iso, written = found
        roles.take(top[1], "published", iso)
        roles.metadata["date_text"] = written
        # edition lines follow the date with no blank line between; the headline comes after
        rest = top[2:]
        previous = top[1]
        while rest and rest[0] == previous + 1:
            previous = rest.pop(0)
        headline = [i for i in rest if i < fields_at]
        if headline:
            roles.take(headline[0], "title", " ".join(lines[i].strip() for i in headline))
            roles.mark(headline[0], fields_at, "title")
    roles.mark(start + 1, header_end, "header")
    return roles.fields()


# The rule of each role in the audit (analysis.corpus.cleaning.AuditEntry): the lines of an
# export's cover page, of an article's header (its metadata, the marks) and of its footer
AUDIT_RULES = {
    "cover page": "export_cover",
    "footer": "export_footer",
    "end of document": "export_footer",
}
_METADATA_ROLES = ("title", "outlet", "published", "byline", "section", "dateline", "language")
_UNKNOWN = "unknown"  # an outlet not given (analysis.corpus.documents.UNKNOWN)


def articles_of_exports(raw: pd.DataFrame) -> pd.DataFrame:
    """``raw`` (rows of :func:`analysis.corpus.documents.read_raw_documents`) with each row whose
    text is a Nexis Uni, LexisNexis or Factiva export (:func:`split_database_export`), or whose
    saved page is a Factiva page (:func:`analysis.corpus.factiva.factiva_page_text`), replaced
    by one row per article, in the file's order.

    An article's row keeps its file's name and metadata; its ``doc_id`` is the file's followed by
    the article's number (``search-07``; the file's own when it holds one article), its
    ``raw_text`` its part of the file and ``raw_format`` the export's kind (cleaning takes the
    header and footer out: :func:`export_text`). The headline, publication and date fill an
    empty ``title``, ``outlet`` (or one that is ``unknown``) and ``published``; ``date_note``
    gives the date as written and ``notes`` where the article is in its file. ``byline`` and
    ``section`` are columns of their own when an article has them, so a run can group by them;
    the byline also fills an empty ``author`` with the name it gives (without "By", a role
    after a comma or semicolon: :func:`analysis.corpus.page_metadata.tidy_author`).
    """
    if raw.empty:
        return raw
    rows: list[dict[str, Any]] = []
    for record in raw.to_dict("records"):
        text, page = record["raw_text"], None
        if record.get("raw_format") == "html":  # a saved page: a Factiva page's articles
            page = factiva_page_text(str(text))
        readable = page or not record.get("raw_format")
        articles = split_database_export(page or text) if readable else []
        if not articles:
            rows.append(record)
            continue
        width = len(str(len(articles)))
        for article in articles:
            metadata = read_export_article(article.text, article.kind).metadata
            row = dict(record)
            if article.count > 1:
                row["doc_id"] = f"{record['doc_id']}-{article.number:0{width}d}"
            row["raw_text"] = article.text
            row["raw_format"] = RAW_FORMATS[article.kind]
            for key in _METADATA_ROLES:
                given = str(row.get(key, "") or "").strip()
                if metadata.get(key) and given in ("", _UNKNOWN, "nan"):
                    row[key] = metadata[key]
            # the byline as written stays in its column; the author is the name it gives
            if metadata.get("byline") and not str(row.get("author", "") or "").strip():
                row["author"] = tidy_author(metadata["byline"])
            if metadata.get("date_text") and not str(row.get("date_note", "") or "").strip():
                row["date_note"] = f"the {article.kind} export's date line: {metadata['date_text']}"
            where = (
                f"{article.kind} export saved as a page, article {article.number} of "
                f"{article.count}"
                if page
                else f"{article.kind} export, article {article.number} of {article.count} "
                f"(from line {article.first_line} of its file)"
            )
            row["notes"] = "; ".join(n for n in (str(row.get("notes", "") or ""), where) if n)
            rows.append(row)
    return pd.DataFrame(rows, columns=list(dict.fromkeys([*raw.columns, *_new_columns(rows)])))


def _new_columns(rows: list[dict[str, Any]]) -> list[str]:
    return [c for c in ("byline", "section", "dateline") if any(c in row for row in rows)]


def export_text(record: dict[str, Any], audit: list[AuditEntry]) -> str:
    """The text of the export's article in ``record`` (a row of :func:`articles_of_exports`):
    its part of the file with the header and footer lines made empty, so the line numbers of
    cleaning's audit are the part's. Appends to ``audit``, in line order, an entry for each line
    left out: moved to metadata (rule ``export_header``, the result naming the field, and saying
    so when a sidecar's value was kept instead) for the headline, publication, date, byline,
    section and language, removed for the other header lines (rule ``export_header``), the
    footer (``export_footer``) and a search's cover page (``export_cover``); and changed (rule
    ``export_header``) for a line of text that held a field's code (Factiva's "TD|")."""
    fields = read_export_article(str(record["raw_text"]), _KINDS[record["raw_format"]])
    doc_id = str(record["doc_id"])
    entries: list[AuditEntry] = []
    for line_no, line, role in fields.other_lines:
        if role in _METADATA_ROLES:
            value = fields.metadata.get(role, "")
            given = str(record.get(role, "") or "").strip()
            result = f"{role}: {value}"
            if given and given != value:  # a sidecar gave the field for the file
                result += f" (not used: the metadata gives {given!r})"
            entries.append(
                AuditEntry(doc_id, line_no, line, "export_header", "moved_to_metadata", result)
            )
        else:
            rule = AUDIT_RULES.get(role, "export_header")
            entries.append(AuditEntry(doc_id, line_no, line, rule, "removed", ""))
    for line_no, line, kept in fields.edited_lines:
        entries.append(AuditEntry(doc_id, line_no, line, "export_header", "changed", kept))
    audit.extend(sorted(entries, key=lambda entry: entry.line_no))
    return fields.body
