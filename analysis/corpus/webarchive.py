"""A web page saved by Safari ("Web Archive", ``.webarchive``): :func:`webarchive_page`.

Safari's default way to save a page is a binary property list: the page's own bytes under
``WebMainResource`` → ``WebResourceData``, with its text encoding and address beside them, and
its images and frames as sub-resources. Read as text it is binary, so :func:`webarchive_page`
takes the main resource out with Python's :mod:`plistlib` and returns it as a
:class:`~analysis.corpus.mhtml.SavedPage`; the page is then read like a saved ``.html`` file.
"""

from __future__ import annotations

import plistlib

from analysis.corpus.mhtml import SavedPage
from analysis.corpus.page_charset import charset_codec

WEBARCHIVE_SUFFIXES = (".webarchive",)


def webarchive_page(data: bytes, name: str) -> SavedPage:
    """The main page of the Safari web archive ``data``; :class:`ValueError` naming the file
    ``name`` when it is not a web archive or holds no HTML page."""
    try:
        archive = plistlib.loads(data)
    except (plistlib.InvalidFileException, ValueError, OverflowError) as error:
        raise ValueError(f"{name}: not a Safari web archive ({error})") from None
    main = archive.get("WebMainResource") if isinstance(archive, dict) else None
    if not isinstance(main, dict) or not isinstance(main.get("WebResourceData"), bytes):
        raise ValueError(f"{name}: a web archive without its page (no WebMainResource)")
    kind = str(main.get("WebResourceMIMEType") or "text/html")
    if kind not in ("text/html", "application/xhtml+xml"):
        raise ValueError(f"{name}: the web archive's page is {kind}, not an HTML page")
    label = main.get("WebResourceTextEncodingName")
    return SavedPage(
        main["WebResourceData"],
        charset_codec(str(label)) if label else None,
        str(main.get("WebResourceURL") or "").strip(),
    )
