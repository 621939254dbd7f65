"""Hostile or unusual user inputs: corpus files confined to the corpus folder, cells of the wrong
type in corpus files, and manifests or articles in other encodings give clear messages."""

from __future__ import annotations

import codecs
import gzip
import json
import os
import warnings
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from conftest import ARTICLE_A, ARTICLE_B, PAGE_NAMING_ITS_SITE

from analysis import load_corpus
from analysis.corpus.documents import (
    CorpusError,
    decode_article,
    read_manifest,
    read_raw_documents,
)
from analysis.corpus.files import CorpusFileError, read_chunks

MakeCorpus = Callable[..., Path]
SECRET = "TOP SECRET outside content that must never be read into a report."


def _outside(tmp_path: Path) -> Path:
    secret = tmp_path / "outside" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text(SECRET + "\n", encoding="utf-8")
    return secret


def _rows(*files: str) -> list[dict[str, str]]:
    return [{"doc_id": f"d{i}", "file": f, "outlet": "Daily Ledger"} for i, f in enumerate(files)]


# -- item 1: corpus files are confined to the corpus folder -----------------------------------


@pytest.mark.parametrize("kind", ["absolute", "dotdot", "symlink"])
def test_manifest_cannot_pull_a_file_from_outside_the_folder(
    make_corpus: MakeCorpus, tmp_path: Path, kind: str
) -> None:
    secret = _outside(tmp_path)
    name = {"absolute": str(secret), "dotdot": "../outside/secret.txt", "symlink": "link.txt"}[kind]
    folder = make_corpus(files={"a.txt": ARTICLE_A}, manifest=_rows("a.txt", name))
    if kind == "symlink":
        (folder / "link.txt").symlink_to(secret)
    with pytest.raises(CorpusError) as error:
        read_raw_documents(folder)
    message = str(error.value)
    assert "row 3" in message and name in message
    assert SECRET not in message


def test_a_link_loop_in_the_manifest_is_a_corpus_error_naming_the_row(
    make_corpus: MakeCorpus,
) -> None:
    # a tester's a.txt -> b.txt -> a.txt ended in a 20-line traceback (RuntimeError)
    folder = make_corpus(files={"c.txt": ARTICLE_A}, manifest=_rows("c.txt", "a.txt"))
    (folder / "a.txt").symlink_to(folder / "b.txt")
    (folder / "b.txt").symlink_to(folder / "a.txt")
    with pytest.raises(CorpusError, match=r"row 3: file 'a.txt' is a symbolic link that cannot"):
        read_raw_documents(folder)


def test_unlisted_files_that_are_no_regular_files_are_named_not_skipped_unsaid(
    make_corpus: MakeCorpus,
) -> None:
    # a tester's link loop and named pipe in a folder without a manifest were skipped unsaid
    folder = make_corpus(files={"a.txt": ARTICLE_A}, with_manifest=False)
    os.mkfifo(folder / "pipe.txt")
    (folder / "b.txt").symlink_to(folder / "c.txt")
    (folder / "c.txt").symlink_to(folder / "b.txt")
    with pytest.warns(UserWarning, match="not read, not being regular files") as said:
        read_raw_documents(folder)
    message = " ".join(str(w.message) for w in said)
    assert "'pipe.txt' (no file)" in message
    assert "'b.txt' (a link that leads nowhere or in a loop)" in message


def test_symlinked_txt_without_manifest_is_refused(make_corpus: MakeCorpus, tmp_path: Path) -> None:
    secret = _outside(tmp_path)
    folder = make_corpus(files={"a.txt": ARTICLE_A}, with_manifest=False)
    (folder / "z.txt").symlink_to(secret)
    with pytest.raises(CorpusError, match=r"z.txt.*outside"):
        read_raw_documents(folder)


def test_listing_a_folder_without_manifest_opens_no_article_file(
    make_corpus: MakeCorpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # which files have no outlet is told once they are read, each confined to the folder first
    secret = _outside(tmp_path)
    folder = make_corpus(files={"a.txt": ARTICLE_A}, with_manifest=False)
    (folder / "z.txt").symlink_to(secret)

    def refuse(path: Path, *args: object, **kwargs: object) -> None:
        raise AssertionError(f"opened {path}")

    with monkeypatch.context() as patched:
        patched.setattr(Path, "open", refuse)
        patched.setattr(Path, "read_bytes", refuse)
        manifest = read_manifest(folder)
    assert manifest["file"].tolist() == ["a.txt", "z.txt"]
    with pytest.raises(CorpusError, match=r"z.txt.*outside") as error:
        read_raw_documents(folder)
    assert SECRET not in str(error.value)


def test_a_page_saved_under_a_txt_name_is_not_an_article_without_outlet(
    make_corpus: MakeCorpus,
) -> None:
    page = PAGE_NAMING_ITS_SITE
    folder = make_corpus(files={"inside.txt": page}, with_manifest=False)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the page names its site once it is cleaned
        read_raw_documents(folder)
    folder = make_corpus(files={"inside.txt": page, "a.txt": ARTICLE_A}, with_manifest=False)
    with pytest.warns(UserWarning, match="no manifest.csv and no outlet"):
        read_raw_documents(folder)


def test_symlinked_manifest_pointing_outside_is_refused(
    make_corpus: MakeCorpus, tmp_path: Path
) -> None:
    folder = make_corpus(files={"a.txt": ARTICLE_A}, with_manifest=False)
    outside_manifest = tmp_path / "outside.csv"
    pd.DataFrame(_rows("a.txt")).to_csv(outside_manifest, index=False)
    (folder / "manifest.csv").symlink_to(outside_manifest)
    with pytest.raises(CorpusError, match=r"manifest.csv.*outside"):
        read_raw_documents(folder)


def test_sidecar_entries_pointing_outside_are_refused(
    make_corpus: MakeCorpus, tmp_path: Path
) -> None:
    secret = _outside(tmp_path)
    folder = make_corpus(files={"a.txt": ARTICLE_A}, with_manifest=False)
    sidecar = [{"file": "a.txt", "outlet": "X"}, {"file": str(secret), "outlet": "Y"}]
    (folder / "metadata.json").write_text(json.dumps(sidecar), encoding="utf-8")
    with pytest.raises(CorpusError, match=r"metadata.json: entry 2.*absolute"):
        read_raw_documents(folder)


def test_files_in_subfolders_inside_the_corpus_are_read(make_corpus: MakeCorpus) -> None:
    folder = make_corpus(files={"a.txt": ARTICLE_A}, manifest=_rows("a.txt", "sub/b.txt"))
    (folder / "sub").mkdir()
    (folder / "sub" / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    raw = read_raw_documents(folder)
    assert raw["raw_text"].tolist() == [ARTICLE_A, ARTICLE_B]


def test_a_windows_manifest_s_backslashes_name_files_in_subfolders(
    make_corpus: MakeCorpus,
) -> None:
    folder = make_corpus(files={"a.txt": ARTICLE_A}, manifest=_rows("a.txt", "sub\\b.txt"))
    (folder / "sub").mkdir()
    (folder / "sub" / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # listed: not warned about as a file left in a sub-folder
        raw = read_raw_documents(folder)
    assert raw["raw_text"].tolist() == [ARTICLE_A, ARTICLE_B]


def test_a_backslash_name_still_cannot_leave_the_folder(make_corpus, tmp_path: Path) -> None:
    _outside(tmp_path)
    folder = make_corpus(
        files={"a.txt": ARTICLE_A}, manifest=_rows("a.txt", "..\\outside\\secret.txt")
    )
    with pytest.raises(CorpusError, match=r"points outside the corpus folder"):
        read_raw_documents(folder)


def test_a_missing_file_names_the_file_that_differs_only_in_letter_case(
    make_corpus: MakeCorpus,
) -> None:
    folder = make_corpus(
        files={"a.txt": ARTICLE_A, "Report B.TXT": ARTICLE_B},
        manifest=_rows("a.txt", "report b.txt"),
    )
    with pytest.raises(CorpusError) as raised:
        read_raw_documents(folder)
    assert "report b.txt: listed in manifest.csv but missing (the folder has 'Report B.TXT': " in (
        str(raised.value)
    )


# -- item 10: wrong-typed cells in Parquet / JSON Lines ---------------------------------------


def test_binary_parquet_text_is_decoded_not_its_repr(tmp_path: Path) -> None:
    path = tmp_path / "binary.parquet"
    body = "The United States and Freedonia agreed on a café deal."
    table = pa.table(
        {
            "text": pa.array([body.encode("utf-8"), body.encode("cp1252")], pa.binary()),
            "outlet": pa.array([b"Daily Ledger", b"Post"], pa.binary()),
        }
    )
    pq.write_table(table, path)
    chunks, _ = read_chunks(path)
    docs = pd.concat(list(chunks))
    assert docs["raw_text"].tolist() == [body, body]
    assert docs["outlet"].tolist() == ["Daily Ledger", "Post"]
    assert docs["encoding"].tolist() == ["utf-8", "cp1252"]


def test_nested_jsonl_outlet_is_refused_naming_column_and_rows(tmp_path: Path) -> None:
    path = tmp_path / "nested.jsonl"
    records = [
        {"text": "One sentence here.", "outlet": "A"},
        {"text": "Another sentence.", "outlet": {"name": "A"}},
        {"text": "Third sentence.", "outlet": ["A", "B"]},
    ]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    chunks, _ = read_chunks(path)
    with pytest.raises(CorpusFileError) as error:
        list(chunks)
    message = str(error.value)
    assert "column 'outlet'" in message and "data row 2" in message and "data row 3" in message
    assert "nested object" in message and "{'name'" not in message


def test_list_column_in_parquet_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "lists.parquet"
    pq.write_table(pa.table({"text": [["a", "b"]], "outlet": ["X"]}), path)
    chunks, _ = read_chunks(path)
    with pytest.raises(CorpusFileError, match="column 'text', data row 1: a nested list"):
        list(chunks)


# -- item 12 (part): encodings give messages, not tracebacks ----------------------------------


def test_cp1252_manifest_is_decoded_with_a_warning(make_corpus: MakeCorpus) -> None:
    folder = make_corpus(files={"a.txt": ARTICLE_A}, with_manifest=False)
    (folder / "manifest.csv").write_bytes(
        "doc_id,file,outlet\na1,a.txt,Le Monde Diplomatique – Café\n".encode("cp1252")
    )
    with pytest.warns(UserWarning, match="manifest.csv: not valid UTF-8, read as cp1252"):
        raw = read_raw_documents(folder)
    assert raw["outlet"].tolist() == ["Le Monde Diplomatique – Café"]


def test_undecodable_manifest_names_file_and_offset(make_corpus: MakeCorpus) -> None:
    folder = make_corpus(files={"a.txt": ARTICLE_A}, with_manifest=False)
    (folder / "manifest.csv").write_bytes(b"doc_id,file,outlet\na1,a.txt,Caf\xe9 \x81\n")
    with pytest.raises(CorpusError, match=r"manifest.csv: .*0x81 at offset 33"):
        read_raw_documents(folder)


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
    ],
)
def test_utf16_and_utf32_with_bom_are_decoded(
    make_corpus: MakeCorpus, bom: bytes, codec: str
) -> None:
    folder = make_corpus(
        files={"a.txt": bom + ARTICLE_A.encode(codec), "b.txt": ARTICLE_B},
        manifest=_rows("a.txt", "b.txt"),
    )
    corpus = load_corpus(folder)
    assert "Negotiators from Ruritania" in corpus.documents["text"].iloc[0]
    fallback = corpus.audit[corpus.audit["rule"] == "decode_fallback"]
    assert fallback["result"].str.contains("byte order mark").all() and len(fallback) == 1


def test_utf16_without_bom_gets_a_hint() -> None:
    with pytest.raises(ValueError, match=r"looks like UTF-16-LE.*iconv -f UTF-16-LE"):
        decode_article(ARTICLE_A.encode("utf-16-le"), "a.txt")
    with pytest.raises(ValueError, match="binary file"):
        decode_article(b"\x00\x00\x00\x01\x02\x03PK\x00" * 20, "b.txt")


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (
            gzip.compress(b"<html><body><p>Harbour fees</p></body></html>", mtime=0),
            r"gzip-compressed.*gunzip",
        ),
        (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", r"a ZIP archive.*\.docx"),
        (
            b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
            r"a PDF, not text",
        ),
        (  # a tester's .doc was "a binary file (NUL bytes)", with nothing to do
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 40 + b"Word.Document.8",
            r"an old Word \(\.doc\).*save a Word document as \.docx",
        ),
    ],
)
def test_a_compressed_file_an_archive_or_a_pdf_is_named_for_what_it_is(
    data: bytes, says: str
) -> None:
    with pytest.raises(ValueError, match=r"page\.html: is " + says):
        decode_article(data, "page.html")


def test_undecodable_article_names_the_byte_cp1252_cannot_decode() -> None:
    # 0xE9 (Latin-1 é) is fine in cp1252; 0x8D at offset 9 is what cp1252 cannot decode.
    with pytest.raises(ValueError) as error:
        decode_article(b"Caf\xe9 and \x8d more text", "a.txt")
    message = str(error.value)
    assert "0x8D at offset 9" in message and "0xE9 at offset 3" in message


def test_cp1252_csv_export_is_read_with_a_warning_and_audited(tmp_path) -> None:
    import analysis

    path = tmp_path / "export.csv"
    rows = "text,outlet\nCafé owners were “pleased”. Visitors agreed.,Daily Ledger\n"
    path.write_bytes(rows.encode("cp1252"))
    with pytest.warns(UserWarning, match="not UTF-8"):
        corpus = analysis.load_corpus(path)
    assert corpus.documents["text"].tolist() == ["Café owners were “pleased”. Visitors agreed."]
    assert corpus.audit["rule"].tolist() == ["decode_fallback"]


def test_a_csv_export_that_is_neither_utf8_nor_cp1252_names_the_byte(tmp_path) -> None:
    from analysis.corpus.files import CorpusFileError, text_file_encoding

    path = tmp_path / "export.csv"
    path.write_bytes(b"text,outlet\nCaf\xe9 \x81 bad,A\n")
    with pytest.raises(CorpusFileError, match=r"0x81 at offset 17"):
        text_file_encoding(path)
    path.write_bytes("text,outlet\nCafé,A\n".encode())
    assert text_file_encoding(path) == "utf-8-sig"
