"""A web page saved as one file by Chrome or Edge ("Webpage, Single File", ``.mhtml``/``.mht``).

An MHTML file (RFC 2557) is a MIME message: the page's HTML is one part, usually
quoted-printable, next to its images and style sheets. Read as text, it is a wall of
``=3D`` and ``=\\n`` escapes and base64 images, so :func:`mhtml_page` takes the first
``text/html`` part out with Python's :mod:`email` parser, undoes its transfer encoding and
returns its bytes with the charset its MIME header names; the page is then read like any saved
``.html`` file. Frames of the page (further ``text/html`` parts) are not read: they hold
adverts and embeds, not the article.
"""

from __future__ import annotations

from dataclasses import dataclass
from email import policy
from email.parser import BytesParser

from analysis.corpus.page_charset import charset_codec

MHTML_SUFFIXES = (".mhtml", ".mht")


@dataclass(frozen=True)
class SavedPage:
    """The main HTML part of an MHTML file: its bytes, its charset's codec (``None`` when its
    header names none Python can use) and the address the page was saved from (``""``)."""

    html: bytes
    charset: str | None
    address: str


def mhtml_page(data: bytes, name: str) -> SavedPage:
    """The first ``text/html`` part of the MHTML file ``data``; :class:`ValueError` naming the
    file ``name`` when it holds none (not an MHTML file, or one saved without its page)."""
    message = BytesParser(policy=policy.compat32).parsebytes(data)
    for part in message.walk():
        if part.get_content_type() != "text/html":
            continue
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes):
            continue
        label = part.get_content_charset()
        address = part.get("Content-Location") or message.get("Snapshot-Content-Location") or ""
        return SavedPage(payload, charset_codec(label) if label else None, str(address).strip())
    raise ValueError(
        f"{name}: no HTML page in it (an .mhtml or .mht file is a page saved by a browser as "
        "'Webpage, Single File'); save the page again, or as .html"
    )
