"""The text of a Rich Text Format document (``.rtf``), one line per paragraph: :func:`rtf_text`.

Articles reach a researcher as RTF more often than it seems: macOS TextEdit saves pasted text
as RTF unless told otherwise, Word and WordPad save it on request, and Nexis Uni and Factiva
offer a search as an RTF download. An RTF file is plain ASCII with control words: ``\\par``
ends a paragraph, ``\\'e9`` is a byte of the document's code page (``\\ansicpg1252``),
``\\u8217?`` a Unicode character, and groups such as the font table, the document's ``\\info``
(title, author), headers, footers and footnotes are not text. striprtf reads them so (its
converter follows the RTF 1.5 specification's reader; the destinations it skips include
headers, footers, footnotes, comments and pictures, as the ``.docx`` reader leaves them out).

Two things are mended after it: Word writes a character beyond the Basic Multilingual Plane
(an emoji) as two ``\\u`` surrogates, which are joined into one character here (a lone one
becomes U+FFFD); and a byte the code page does not map becomes U+FFFD, not an error.
"""

from __future__ import annotations

RTF_SUFFIXES = (".rtf",)
_MAX_RTF_BYTES = 200 * 1024 * 1024  # a document larger than this is not an article
_RTF_START = b"{\\rtf"


def rtf_text(data: bytes, name: str) -> str:
    """The paragraphs of the RTF document ``data`` as lines of text; :class:`ValueError` naming
    the file ``name`` when it is not RTF (a Word ``.doc`` or ``.docx`` renamed, a damaged file)
    or is too large to be an article."""
    if len(data) > _MAX_RTF_BYTES:
        raise ValueError(f"{name}: {len(data):,} bytes, too large for an article")
    if not data.removeprefix(b"\xef\xbb\xbf").lstrip().startswith(_RTF_START):
        raise ValueError(
            f"{name}: not an RTF document (it does not start with '{{\\rtf'; a Word file saved "
            "under a new name, or a damaged file); open it and save it as .rtf, .docx or plain "
            "text (.txt)"
        )
    from striprtf.striprtf import rtf_to_text

    # RTF is 7-bit ASCII; a writer that puts other bytes outside escapes wrote UTF-8, or else a
    # code page, each byte then kept as one character (Latin-1)
    try:
        source = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        source = data.decode("latin-1")
    text = rtf_to_text(source, errors="replace")
    # join the UTF-16 surrogate pairs of characters beyond the BMP; a lone one becomes U+FFFD
    text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return text.replace("\r\n", "\n").replace("\r", "\n")
