"""A saved page's declared charset: found as browsers find it, used only when it decodes."""

from __future__ import annotations

import pytest

from analysis.corpus.documents import decode_article
from analysis.corpus.page_charset import PRESCAN_BYTES, charset_codec, declared_charset

RUSSIAN = "Президент заявил, что переговоры продолжатся."
CHINESE = "中方表示，稀土出口管制将暂停一年。“这是好消息”"


def _page(charset_tag: str, body: str, encoding: str) -> bytes:
    return (
        f"<!DOCTYPE html><html><head>{charset_tag}<title>t</title></head>"
        f"<body><p>{body}</p></body></html>"
    ).encode(encoding)


@pytest.mark.parametrize(
    ("tag", "codec"),
    [
        ('<meta charset="windows-1251">', "cp1251"),
        ("<META CHARSET=gb2312>", "gb18030"),
        ("<meta http-equiv='Content-Type' content='text/html; charset=GBK'>", "gb18030"),
        ('<meta charset="shift_jis">', "cp932"),
        ('<meta charset="iso-8859-1">', "cp1252"),
        ('<meta charset="ISO-8859-2">', "iso8859-2"),
        ('<meta charset="euc-kr">', "cp949"),
        ('<meta charset="utf-8">', "utf-8"),
    ],
)
def test_the_declared_charset_is_mapped_as_browsers_map_it(tag: str, codec: str) -> None:
    assert declared_charset(_page(tag, "x", "ascii")) == codec


@pytest.mark.parametrize(
    "tag",
    [
        "",  # no declaration
        '<meta charset="utf-16">',  # WHATWG: a UTF-16 label in ASCII bytes is no declaration
        '<meta charset="x-no-such-charset">',
        '<meta charset="base64">',  # a codec, not a text encoding
        '<meta name="description" content="charset">',
    ],
)
def test_no_usable_declaration_is_none(tag: str) -> None:
    assert declared_charset(_page(tag, "x", "ascii")) is None


def test_a_declaration_after_the_prescan_window_is_not_read() -> None:
    late = b"<html><head>" + b" " * PRESCAN_BYTES + b'<meta charset="windows-1251">'
    assert declared_charset(late) is None
    assert declared_charset(late[PRESCAN_BYTES - 40 :]) == "cp1251"


def test_charset_codec_refuses_encodings_that_do_not_keep_ascii() -> None:
    assert charset_codec("utf-7") is None  # '+' starts a shift sequence
    assert charset_codec(" Windows-1252 ") == "cp1252"


@pytest.mark.parametrize(
    ("charset", "encoding", "body", "codec"),
    [
        ("windows-1251", "cp1251", RUSSIAN, "cp1251"),
        ("gb2312", "gb18030", CHINESE, "gb18030"),
        ("shift_jis", "cp932", "首相は「合意」を歓迎した。", "cp932"),
        ("iso-8859-2", "iso8859-2", "Rząd ogłosił, że cła zostaną obniżone.", "iso8859-2"),
    ],
)
def test_a_page_not_in_utf8_is_read_in_the_charset_it_declares(
    charset: str, encoding: str, body: str, codec: str
) -> None:
    data = _page(f'<meta charset="{charset}">', body, encoding)
    text, used = decode_article(data, "page.html")
    assert body in text
    assert used == codec


def test_valid_utf8_stays_utf8_whatever_the_page_declares() -> None:
    data = _page('<meta charset="iso-8859-1">', "Café – “quoted”", "utf-8")
    text, used = decode_article(data, "page.html")
    assert used == "utf-8"
    assert "Café – “quoted”" in text


def test_a_wrong_declaration_falls_back_as_before() -> None:
    data = _page('<meta charset="gb2312">', "Caf\u00e9 \u00bd", "cp1252")  # é, ½: not GB18030
    assert data.decode("cp1252")  # the fallback can read it
    with pytest.raises(UnicodeDecodeError):
        data.decode("gb18030")
    text, used = decode_article(data, "page.html")
    assert (used, "Café ½" in text) == ("cp1252", True)


def test_a_text_without_declaration_keeps_the_windows_1252_fallback() -> None:
    text, used = decode_article("Caf\u00e9 au lait".encode("cp1252"), "a.txt")
    assert (text, used) == ("Café au lait", "cp1252")


def test_a_parquet_column_of_page_bytes_is_read_in_each_pages_charset(tmp_path) -> None:
    import pandas as pd

    from analysis import load_corpus

    pages = [
        _page('<meta charset="windows-1251">', f"<p>{RUSSIAN}</p>" * 4, "cp1251"),
        _page('<meta charset="gbk">', f"<p>{CHINESE}</p>" * 4, "gbk"),
    ]
    path = tmp_path / "pages.parquet"
    pd.DataFrame({"html": pages, "outlet": ["A", "B"]}).to_parquet(path)
    with pytest.warns(UserWarning, match="not in English"):  # Russian and Chinese
        corpus = load_corpus(path, progress=False, jobs=1)
    docs = corpus.documents.set_index("outlet")
    assert "Президент заявил" in docs.loc["A", "text"]
    assert "稀土出口管制" in docs.loc["B", "text"]
    assert list(docs["encoding"]) == ["cp1251", "gb18030"]
