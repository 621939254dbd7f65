"""The text of a Word document (``.docx``), one line per paragraph: :func:`docx_text`.

Journalists keep articles in Word: pasted from a browser, sent by a colleague, downloaded from a
news database. A ``.docx`` file is a zip archive whose ``word/document.xml`` holds the body as
paragraphs (``<w:p>``) of runs of text (``<w:t>``); :func:`docx_text` reads those with the
standard library (no python-docx needed for plain text) and gives each paragraph its own line,
so cleaning, which works line by line, sees a menu, a caption or a share prompt pasted with the
article as a line of its own. A tab is a tab, a line break inside a paragraph (``<w:br/>``) a new
line. Headers, footers, footnotes, comments and text boxes are not read, nor are deleted tracked
changes (``<w:delText>``); tables are read cell by cell, each paragraph a line. Expat, which
Python's XML parser uses, refuses entity-expansion bombs since 2.4.
"""

from __future__ import annotations

import io
import zipfile
from xml.etree import ElementTree

DOCX_SUFFIXES = (".docx",)
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_BODY = "word/document.xml"
_MAX_XML_BYTES = 200 * 1024 * 1024  # a body larger than this is not an article


def docx_text(data: bytes, name: str) -> str:
    """The paragraphs of the Word document ``data`` as lines of text; :class:`ValueError`
    naming the file ``name`` when it is not a ``.docx`` (an old binary ``.doc`` renamed, a
    damaged file) or is too large to be an article."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            info = archive.getinfo(_BODY)
            if info.file_size > _MAX_XML_BYTES:
                raise ValueError(f"{name}: its body is {info.file_size:,} bytes, not an article")
            body = archive.read(info)
    except (zipfile.BadZipFile, KeyError):
        raise ValueError(
            f"{name}: not a Word .docx document (an old .doc saved under a new name, or a "
            "damaged file); open it in Word and save it as .docx, or as plain text (.txt)"
        ) from None
    try:
        root = ElementTree.fromstring(body)
    except ElementTree.ParseError as error:
        raise ValueError(f"{name}: its document.xml cannot be read ({error})") from None
    for parent in list(root.iter()):  # text boxes: floating captions and pull quotes
        for child in list(parent):
            if child.tag == f"{_W}txbxContent":
                parent.remove(child)
    lines = []
    for paragraph in root.iter(f"{_W}p"):
        parts = []
        for element in paragraph.iter():
            if element.tag == f"{_W}t":
                parts.append(element.text or "")
            elif element.tag == f"{_W}tab":
                parts.append("\t")
            elif element.tag in (f"{_W}br", f"{_W}cr"):
                parts.append("\n")
        lines.append("".join(parts))
    return "\n".join(lines)
