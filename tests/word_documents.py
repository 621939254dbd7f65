"""Word documents (.docx) made in tests: the least a reader needs, a zip holding the body."""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx_bytes(body: str) -> bytes:
    """A ``.docx`` whose ``word/document.xml`` holds ``body`` (WordprocessingML paragraphs)."""
    head = '<?xml version="1.0" encoding="UTF-8"?>'
    xml = f"{head}<w:document {NS}><w:body>{body}</w:body></w:document>"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", xml.encode("utf-8"))
    return buffer.getvalue()


def paragraphs_docx(lines: list[str]) -> bytes:
    """A ``.docx`` of one paragraph per line of ``lines``."""
    return docx_bytes(
        "".join(
            f'<w:p><w:r><w:t xml:space="preserve">{escape(line)}</w:t></w:r></w:p>'
            for line in lines
        )
    )
