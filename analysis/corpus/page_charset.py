"""The character encoding a saved web page declares: :func:`declared_charset`.

A page saved from a site that does not serve UTF-8 keeps its own bytes: GBK or GB18030 on many
Chinese sites, Shift_JIS in Japan, Windows-1251 in Russia, ISO-8859-2 in Central Europe. Read as
Windows-1252 (the fallback for a text file that is not UTF-8, right for Western news exports),
such a page becomes silent mojibake ("Ïðåçèäåíò" for "Президент", "¡°" for a Chinese page's
curly quote) or is refused. A browser reads the page by the ``<meta charset>`` it declares, so
the package does the same when the bytes are not UTF-8 (:func:`analysis.corpus.documents.
decode_text`): valid UTF-8 stays UTF-8 whatever the page says, since a page that declares
ISO-8859-1 but holds UTF-8 is a common mislabelling and the reverse cannot decode.

The declaration is looked for as the WHATWG HTML standard's prescan does ("prescan a byte stream
to determine its encoding"): in the first 1,024 bytes, in a ``<meta charset=...>`` or a
``<meta http-equiv="Content-Type" content="...; charset=...">``. Its label is mapped as the WHATWG
Encoding standard maps labels (``gb2312`` and ``gbk`` are read as GB18030, their superset;
``iso-8859-1`` and ``ascii`` as Windows-1252; ``shift_jis`` as Windows-31J, ``euc-kr`` as
Windows-949, ``big5`` as Big5-HKSCS, ``tis-620`` as Windows-874, ``iso-8859-9`` as
Windows-1254); any other label Python's codecs know is used as it is. A UTF-16 label in an
ASCII-compatible page, or a label Python does not know, is no declaration (the standard says the
same of the first).
"""

from __future__ import annotations

import codecs
import functools
import re

PRESCAN_BYTES = 1024  # WHATWG: the prescan reads at most the first 1,024 bytes
_PRINTABLE_ASCII = bytes(range(0x20, 0x7F)) + b"\t\n\r"

_META_CHARSET = re.compile(
    rb"<meta\s[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.IGNORECASE
)

# Labels the WHATWG Encoding standard reads as a different, wider encoding than Python's codec of
# the same name (https://encoding.spec.whatwg.org/#names-and-labels).
_WHATWG_SUPERSETS = {
    **dict.fromkeys(
        ("gb2312", "gbk", "x-gbk", "chinese", "csgb2312", "gb_2312-80", "iso-ir-58", "gb18030"),
        "gb18030",
    ),
    **dict.fromkeys(
        ("shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "ms932", "windows-31j"), "cp932"
    ),
    **dict.fromkeys(("euc-kr", "ks_c_5601-1987", "windows-949", "cseuckr", "korean"), "cp949"),
    **dict.fromkeys(("big5", "big5-hkscs", "cn-big5", "x-x-big5", "csbig5"), "big5hkscs"),
    **dict.fromkeys(
        ("iso-8859-1", "iso8859-1", "latin1", "l1", "ascii", "us-ascii", "iso_8859-1", "cp819"),
        "cp1252",
    ),
    **dict.fromkeys(("iso-8859-9", "iso8859-9", "latin5", "l5"), "cp1254"),
    **dict.fromkeys(("tis-620", "iso-8859-11", "iso8859-11", "dos-874"), "cp874"),
}


@functools.lru_cache(maxsize=64)
def charset_codec(label: str) -> str | None:
    """Python's codec for a page's charset ``label`` (WHATWG mapping first), or ``None`` when
    Python does not know it or it is not an ASCII-compatible text encoding."""
    label = label.strip().lower()
    codec = _WHATWG_SUPERSETS.get(label, label)
    try:
        info = codecs.lookup(codec)
    except LookupError:
        return None
    if info.name.startswith(("utf-16", "utf-32")) or not getattr(info, "_is_text_encoding", True):
        return None
    try:  # the prescan found the label in ASCII bytes, so the page's encoding must keep ASCII
        if _PRINTABLE_ASCII.decode(info.name) != _PRINTABLE_ASCII.decode("ascii"):
            return None
    except UnicodeDecodeError:
        return None
    return info.name


def declared_charset(data: bytes) -> str | None:
    """The codec of the charset that the page in ``data`` declares in its first 1,024 bytes,
    or ``None`` when it declares none that can be used (see the module's docstring)."""
    match = _META_CHARSET.search(data[:PRESCAN_BYTES])
    return charset_codec(match.group(1).decode("ascii")) if match else None
