"""Loading a corpus folder (:mod:`analysis.corpus.documents`, through ``analysis.load_corpus``):
metadata, clean text, and clear all-or-nothing errors."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
from conftest import ARTICLE_A, ARTICLE_B, ARTICLE_C, PAGE_NAMING_ITS_SITE

from analysis import load_corpus
from analysis.corpus.documents import (
    DOCUMENT_COLUMNS,
    CorpusError,
    build_corpus,
    corpus_fingerprint,
    extra_columns,
    loose_name,
    read_raw_documents,
)
from analysis.corpus.transcripts import SPEAKER_COLUMNS
from analysis.outputs import MANIFEST, manifest_bytes

MakeCorpus = Callable[..., Path]


def test_documents_have_metadata_clean_text_and_counts(make_corpus: MakeCorpus) -> None:
    docs = load_corpus(make_corpus()).documents
    assert list(docs.columns[: len(DOCUMENT_COLUMNS)]) == DOCUMENT_COLUMNS
    assert docs["doc_id"].tolist() == ["a1", "b1", "c1"]
    first = docs.iloc[0]
    assert first["outlet"] == "Daily Ledger"
    # The title line is metadata, not body text.
    assert not first["text"].startswith("Harbour Talks")
    assert first["n_sentences"] == 3
    assert first["n_words"] > 20


def test_sentence_table_is_ordered_and_keyed(make_corpus: MakeCorpus) -> None:
    corpus = build_corpus(make_corpus())
    sentences = corpus.sentences
    assert list(sentences.columns) == [
        "doc_id",
        "outlet",
        "origin",
        "sentence_id",
        "sentence",
        "n_words",
        *SPEAKER_COLUMNS,  # a transcript's speakers ("" here: no transcript)
    ]
    assert (sentences[SPEAKER_COLUMNS] == "").all().all()
    a1 = sentences[sentences["doc_id"] == "a1"]
    assert a1["sentence_id"].tolist() == [0, 1, 2]
    assert a1["sentence"].iloc[1].startswith("“This is a good day")
    totals = sentences.groupby("doc_id")["n_words"].sum()
    assert totals.to_dict() == corpus.documents.set_index("doc_id")["n_words"].to_dict()


@pytest.mark.parametrize(
    ("files", "manifest_rows", "message"),
    [
        ({"a.txt": ARTICLE_A}, [("a1", "a.txt"), ("b1", "missing.txt")], "missing.txt: listed"),
        (
            {"a.txt": ARTICLE_A, "extra.txt": ARTICLE_B},
            [("a1", "a.txt")],
            "extra.txt: file is not in manifest.csv",
        ),
        (
            {"a.txt": ARTICLE_A, "b.txt": ARTICLE_B},
            [("x", "a.txt"), ("x", "b.txt")],
            "duplicate doc_id 'x'",
        ),
        (
            {"a.txt": ARTICLE_A, "b.txt": ARTICLE_B},
            [("x", "a.txt"), ("x", "b.txt")],
            "duplicate doc_id 'x' (rows 2 and 3)",
        ),
        (  # one file under two ids counted its article twice
            {"a.txt": ARTICLE_A},
            [("a1", "a.txt"), ("a2", "./a.txt")],
            "rows 2 and 3 list the same file 'a.txt'",
        ),
        (
            {"a.txt": ARTICLE_A, "b.txt": "  \n\n"},
            [("a1", "a.txt"), ("b1", "b.txt")],
            "b.txt: file is empty",
        ),
        (
            {"a.txt": ARTICLE_A, "b.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR"},
            [("a1", "a.txt"), ("b1", "b.txt")],
            "binary",
        ),
        (
            {"a.txt": ARTICLE_A, "b.txt": b"caf\xe9 \x81\x8d"},
            [("a1", "a.txt"), ("b1", "b.txt")],
            "not valid UTF-8",
        ),
    ],
)
def test_bad_input_is_refused_naming_file_and_problem(
    make_corpus: MakeCorpus,
    files: dict[str, str | bytes],
    manifest_rows: list[tuple[str, str]],
    message: str,
) -> None:
    manifest = [{"doc_id": d, "file": f, "outlet": "X"} for d, f in manifest_rows]
    folder = make_corpus(files=files, manifest=manifest)
    with pytest.raises(CorpusError) as raised:
        load_corpus(folder)
    assert message in str(raised.value)


def test_every_problem_is_reported_at_once(make_corpus: MakeCorpus) -> None:
    folder = make_corpus(
        files={"a.txt": "", "extra.txt": ARTICLE_B},
        manifest=[
            {"doc_id": "a1", "file": "a.txt", "outlet": "X"},
            {"doc_id": "a1", "file": "gone.txt", "outlet": "X"},
        ],
    )
    with pytest.raises(CorpusError) as raised:
        read_raw_documents(folder)
    assert len(raised.value.problems) == 4  # duplicate id, unlisted, empty, missing


@pytest.mark.parametrize("with_manifest", [True, False])
def test_a_folder_readme_is_not_an_article_unless_listed(
    make_corpus: MakeCorpus, with_manifest: bool
) -> None:
    readme = "These are the articles I saved for my thesis. Ask me before sharing them.\n"
    manifest = [{"doc_id": "a1", "file": "a.txt", "outlet": "X"}]
    folder = make_corpus(
        files={"a.txt": ARTICLE_A, "README.txt": readme, "LICENSE.TXT": readme},
        manifest=manifest if with_manifest else None,
        with_manifest=with_manifest,
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # no manifest: the outlet is 'unknown'
        assert read_raw_documents(folder)["file"].tolist() == ["a.txt"]
    if with_manifest:  # listed, it is read like any article
        listed = [*manifest, {"doc_id": "r", "file": "README.txt", "outlet": "X"}]
        folder = make_corpus(files={"a.txt": ARTICLE_A, "README.txt": readme}, manifest=listed)
        assert read_raw_documents(folder)["file"].tolist() == ["a.txt", "README.txt"]


def test_an_article_whose_name_begins_like_a_readme_is_read(make_corpus: MakeCorpus) -> None:
    """A tester's "licence-fee-row.txt" and "readmission-rates.txt" were left out unsaid."""
    from analysis.corpus.documents import is_folder_description

    folder = make_corpus(
        files={"licence-fee-row.txt": ARTICLE_A, "readmission-rates.txt": ARTICLE_B,
               "Licensed_drivers.txt": ARTICLE_C, "README": "About this folder.\n"},
        with_manifest=False,
    )  # fmt: skip
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # no manifest: the outlet is 'unknown'
        files = read_raw_documents(folder)["file"].tolist()
    assert sorted(files) == ["Licensed_drivers.txt", "licence-fee-row.txt", "readmission-rates.txt"]
    assert [is_folder_description(n) for n in ("README.md", "license", "LICENCE.txt")] == [True] * 3


def test_article_files_one_folder_down_are_named_when_they_are_not_read(
    make_corpus: MakeCorpus,
) -> None:
    manifest = [{"doc_id": "a1", "file": "a.txt", "outlet": "X"}]
    folder = make_corpus(files={"a.txt": ARTICLE_A}, manifest=manifest)
    # a run's outputs written inside the folder, and the story's lexicons, are not articles
    for name in ("figures/fig01.svg", "reports/summary.html", "lexicons/actors.toml"):
        (folder / name).parent.mkdir(exist_ok=True)
        (folder / name).write_text("x", encoding="utf-8")
    record = manifest_bytes(["figures/fig01.svg", "reports/summary.html"])
    (folder / "reports" / MANIFEST).write_bytes(record)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        read_raw_documents(folder)
    (folder / "more").mkdir()
    (folder / "more" / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    (folder / "more" / "c.html").write_text(ARTICLE_B, encoding="utf-8")
    with pytest.warns(UserWarning, match=r"sub-folders are not read.*'more' holds 2 article files"):
        assert read_raw_documents(folder)["file"].tolist() == ["a.txt"]
    listed = [*manifest, {"doc_id": "b1", "file": "more/b.txt", "outlet": "X"}]
    folder = make_corpus(files={"a.txt": ARTICLE_A}, manifest=listed)
    with pytest.warns(UserWarning, match=r"'more' holds 1 article file\)"):  # c.html is not listed
        assert read_raw_documents(folder)["file"].tolist() == ["a.txt", "more/b.txt"]


def test_the_resource_folder_a_browser_saved_beside_a_page_is_not_warned_about(
    tmp_path: Path,
) -> None:
    """Chrome and Firefox save "Story.html" with "Story_files" (ads and frames as .html files);
    that folder is the page's, not a folder of articles left out."""
    folder = tmp_path / "saved"
    folder.mkdir()
    page = "<html><head><title>T</title></head><body><article><p>{}</p></article></body></html>"
    for stem in ("Story One", "Story Two"):
        (folder / f"{stem}.html").write_text(page.format(ARTICLE_A), encoding="utf-8")
    for sub in ("Story One_files", "story two-Dateien", "Other_files"):
        (folder / sub).mkdir()
        (folder / sub / "saved_resource.html").write_text("<html>ad</html>", encoding="utf-8")
    with pytest.warns(UserWarning) as said:
        assert len(read_raw_documents(folder)) == 2
    messages = [str(w.message) for w in said if "sub-folders" in str(w.message)]
    # only the folder with no page of its name is one that may hold articles
    assert len(messages) == 1 and "'Other_files' holds 1 article file)" in messages[0]
    assert "Story One_files" not in messages[0] and "Dateien" not in messages[0]


def test_a_folder_whose_articles_are_one_folder_down_says_which_folder_to_give(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "download"
    (folder / "Files (2)").mkdir(parents=True)
    for name in ("a.txt", "b.txt"):
        (folder / "Files (2)" / name).write_text(ARTICLE_A, encoding="utf-8")
    expected = r"'Files \(2\)' holds 2 article files: give that folder as the corpus \(e\.g\. "
    with pytest.raises(CorpusError, match=expected):
        read_raw_documents(folder)
    from analysis.pipeline.params import ParameterError, check_corpus_columns

    with pytest.raises(ParameterError, match=expected):  # refused before any notebook
        check_corpus_columns(folder)


def test_windows_1252_file_is_decoded_and_the_fallback_recorded(
    make_corpus: MakeCorpus,
) -> None:
    text = "Caf\u00e9 owners \u201cwelcomed\u201d the truce.\nPrices fell."
    folder = make_corpus(
        files={"a.txt": text.encode("cp1252")},
        manifest=[{"doc_id": "a1", "file": "a.txt", "outlet": "X"}],
    )
    # said where a user sees it, not only in the audit (a tester saw no warning)
    with pytest.warns(
        UserWarning,
        match=r"1 article file\(s\) are not UTF-8 and were read as "
        r"cp1252 \(Windows Western\): a1\.",
    ):
        corpus = build_corpus(folder)
    assert corpus.documents.loc[0, "encoding"] == "cp1252"
    assert "“welcomed”" in corpus.documents.loc[0, "text"]
    assert "decode_fallback" in set(corpus.audit["rule"])


@pytest.mark.parametrize(
    ("text", "codec", "named"),
    [
        ("Правительство во вторник объявило о новых мерах поддержки.\n", "koi8_r", "KOI8-R"),
        ("Правительство во вторник объявило о новых мерах поддержки.\n", "cp1251", ""),
        ("政府周二宣布了新的支持措施，市场反应积极。\n" * 3, "gbk", ""),
    ],
)
def test_another_script_read_as_cp1252_is_refused_with_its_likely_encoding(
    make_corpus: MakeCorpus, text: str, codec: str, named: str
) -> None:
    # a tester's KOI8-R and GBK files became "ðÒÁ×ÉÔÅ" and "Õþ¸®ÖÜ", read as Yoruba and
    # Ligurian and scored, with an audit row only
    folder = make_corpus(
        files={"a.txt": text.encode(codec)},
        manifest=[{"doc_id": "a1", "file": "a.txt", "outlet": "X"}],
    )
    with pytest.raises(CorpusError, match=r"a\.txt: not valid UTF-8, and read as cp1252") as err:
        read_raw_documents(folder)
    assert "re-save it as UTF-8, e.g. iconv -f" in str(err.value)
    assert named in str(err.value)


def test_folder_without_manifest_uses_sidecar(make_corpus: MakeCorpus) -> None:
    folder = make_corpus(with_manifest=False)
    pd.DataFrame({"file": ["a.txt", "b.txt", "c.txt"], "outlet": ["L", "P", "L"]}).to_csv(
        folder / "metadata.csv", index=False
    )
    docs = load_corpus(folder).documents
    assert docs["outlet"].tolist() == ["L", "P", "L"]
    assert docs["doc_id"].tolist() == ["a", "b", "c"]


_BODY = "Stocks fell sharply on Tuesday as investors worried that tariffs would hurt growth."
_CNN_PAGE = f"Markets slide as tariff fears return\nBy Jane Doe, CNN\n{_BODY}\n"


def _pasted_folder(tmp_path: Path, pages: dict[str, str], **metadata: list[str]) -> Path:
    """A folder of pasted pages (file name → text) with a ``metadata.csv`` of ``metadata``."""
    folder = tmp_path / "pasted"
    folder.mkdir(exist_ok=True)
    for name, text in pages.items():
        (folder / name).write_text(text, encoding="utf-8")
    pd.DataFrame({"file": list(pages), **metadata}).to_csv(folder / "metadata.csv", index=False)
    return folder


def test_a_pasted_page_without_a_title_gets_its_headline_as_the_title(tmp_path: Path) -> None:
    folder = _pasted_folder(tmp_path, {"cnn.txt": _CNN_PAGE}, outlet=["CNN"])
    corpus = load_corpus(folder, progress=False)
    assert corpus.documents.loc[0, "title"] == "Markets slide as tariff fears return"
    assert corpus.documents.loc[0, "text"] == _BODY  # the headline is not a sentence of it
    assert "headline_line" in set(corpus.audit["rule"])
    # a title given in the metadata is the title; the first line then stays article text
    folder = _pasted_folder(tmp_path, {"cnn.txt": _CNN_PAGE}, outlet=["CNN"], title=["Given"])
    corpus = load_corpus(folder, progress=False)
    assert corpus.documents.loc[0, "title"] == "Given"
    assert corpus.documents.loc[0, "text"].startswith("Markets slide as tariff fears return")


def test_a_pasted_page_without_an_author_gets_its_bylines_name(tmp_path: Path) -> None:
    pages = {
        "cnn.txt": _CNN_PAGE,
        "ed.txt": f"Tariffs are a costly mistake\nBy The Editorial Board\n{_BODY}\n",
    }
    folder = _pasted_folder(tmp_path, pages, outlet=["CNN", "Post"])
    docs = load_corpus(folder, progress=False).documents
    assert docs["author"].tolist() == ["Jane Doe", "The Editorial Board"]
    assert docs["text"].tolist() == [_BODY, _BODY]
    # an author given in the metadata is the author
    folder = _pasted_folder(tmp_path, pages, outlet=["CNN", "Post"], author=["J. Doe", ""])
    docs = load_corpus(folder, progress=False).documents
    assert docs["author"].tolist() == ["J. Doe", "The Editorial Board"]
    assert "author" not in extra_columns(docs)  # one of ours, not a grouping of the user's


def test_a_pasted_page_without_a_date_gets_its_datelines_day(tmp_path: Path) -> None:
    folder = tmp_path / "pasted"
    folder.mkdir()
    body = "Stocks fell sharply on Tuesday as investors worried that tariffs would hurt growth."
    (folder / "nyt.txt").write_text(f"By Jane Doe\nOct. 21, 2025\n{body}\n", encoding="utf-8")
    (folder / "bbc.txt").write_text(f"3 hours ago\n{body}\n", encoding="utf-8")
    meta = {"file": ["nyt.txt", "bbc.txt"], "outlet": ["NYT", "BBC"]}
    pd.DataFrame(meta).to_csv(folder / "metadata.csv", index=False)
    docs = load_corpus(folder, progress=False).documents.set_index("doc_id")
    assert docs.loc["nyt", "published"] == "2025-10-21"
    assert docs.loc["nyt", "date_note"] == "Read from the text's dateline: 'Oct. 21, 2025'."
    assert docs.loc["bbc", "published"] == ""  # "3 hours ago" names no day
    # a date given in the metadata is the date, and its note is kept
    meta |= {"published": ["2025-10-20", ""], "date_note": ["From the archive.", ""]}
    pd.DataFrame(meta).to_csv(folder / "metadata.csv", index=False)
    docs = load_corpus(folder, progress=False).documents.set_index("doc_id")
    assert docs.loc["nyt", "published"] == "2025-10-20"
    assert docs.loc["nyt", "date_note"] == "From the archive."


def test_manifest_and_sidecar_columns_in_another_letter_case_are_ours(
    make_corpus: MakeCorpus,
) -> None:
    # a manifest typed in a spreadsheet: "Doc_ID", "File", " Outlet ", "Title"
    folder = make_corpus(
        manifest=[
            {"Doc_ID": "a1", "File": "a.txt", " Outlet ": "L", "Title": "T"},
            {"Doc_ID": "b1", "File": "b.txt", " Outlet ": "P", "Title": "U"},
            {"Doc_ID": "c1", "File": "c.txt", " Outlet ": "L", "Title": "V"},
        ]
    )
    docs = load_corpus(folder).documents
    assert docs["doc_id"].tolist() == ["a1", "b1", "c1"]
    assert docs["outlet"].tolist() == ["L", "P", "L"]
    assert docs["title"].tolist() == ["T", "U", "V"]
    (folder / "manifest.csv").unlink()
    pd.DataFrame({"FILE": ["a.txt", "b.txt", "c.txt"], "Outlet": ["L", "P", "L"]}).to_csv(
        folder / "metadata.csv", index=False
    )
    docs = load_corpus(folder).documents
    assert docs["outlet"].tolist() == ["L", "P", "L"]
    assert docs["doc_id"].tolist() == ["a", "b", "c"]


def test_two_columns_alike_are_not_guessed_between(make_corpus: MakeCorpus) -> None:
    folder = make_corpus(
        manifest=[{"doc_id": "a1", "File": "a.txt", "FILE": "b.txt", "outlet": "L"}],
        files={"a.txt": ARTICLE_A},
    )
    with pytest.raises(CorpusError, match=r"names the column 'FILE' twice \(columns 2 and 3\)"):
        load_corpus(folder)


def test_a_manifest_without_doc_id_names_the_sidecar_that_needs_none(
    make_corpus: MakeCorpus,
) -> None:
    folder = make_corpus(manifest=[{"file": "a.txt", "outlet": "L"}], files={"a.txt": ARTICLE_A})
    with pytest.raises(CorpusError) as raised:
        load_corpus(folder)
    message = str(raised.value)
    assert "['doc_id']" in message and "this one has: file, outlet" in message
    assert "name it metadata.csv" in message


def test_folder_without_any_metadata_warns_and_uses_unknown(make_corpus: MakeCorpus) -> None:
    folder = make_corpus(with_manifest=False)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        docs = load_corpus(folder).documents
    assert set(docs["outlet"]) == {"unknown"}
    assert any("manifest.csv" in str(w.message) for w in caught)


def test_raw_files_are_never_modified(make_corpus: MakeCorpus) -> None:
    folder = make_corpus()
    before = corpus_fingerprint(folder)
    build_corpus(folder)
    assert corpus_fingerprint(folder) == before


def test_folder_fingerprint_hashes_names_and_bytes_of_visible_files(make_corpus) -> None:
    import hashlib

    folder = make_corpus()
    expected = hashlib.sha256()
    for path in sorted(folder.iterdir()):
        expected.update(path.name.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    (folder / ".DS_Store").write_bytes(b"hidden files do not count")
    assert corpus_fingerprint(folder) == expected.hexdigest()
    (folder / "notes.md").write_text("a visible file does", encoding="utf-8")
    assert corpus_fingerprint(folder) != expected.hexdigest()


def test_files_that_are_not_articles_are_named_in_a_warning(tmp_path):
    import re
    import warnings

    from analysis.corpus.documents import read_raw_documents

    (tmp_path / "a.txt").write_text("The talks ended with a truce. " * 5, encoding="utf-8")
    (tmp_path / "pages.tar.gz").write_bytes(b"\x1f\x8b\x08\x00")
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / ".DS_Store").write_bytes(b"\x00")
    (tmp_path / "README.md").write_text("notes", encoding="utf-8")
    # lexicons beside analysis.toml, as the README sets a topic up: never articles
    (tmp_path / "codebook.toml").write_text("[[frames]]\n", encoding="utf-8")
    (tmp_path / "actors.yaml").write_text("actor: []\n", encoding="utf-8")
    with pytest.warns(UserWarning) as caught:
        raw = read_raw_documents(tmp_path)
    messages = [str(warning.message) for warning in caught]
    not_read = r"2 file\(s\) not read.*extract them first.*pages\.tar\.gz, report\.pdf"
    assert any(re.search(not_read, message) for message in messages)
    assert any("no manifest.csv" in message for message in messages)  # a.txt has no outlet
    assert raw["file"].tolist() == ["a.txt"]
    (tmp_path / "pages.tar.gz").unlink()
    (tmp_path / "Files (40).ZIP").write_bytes(b"PK\x03\x04")  # a database's download
    with pytest.warns(UserWarning) as caught:
        read_raw_documents(tmp_path)
    assert any("(compressed: extract them first): Files (40).ZIP" in str(w.message) for w in caught)
    (tmp_path / "Files (40).ZIP").unlink()
    (tmp_path / "report.pdf").unlink()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # only article files and ignored ones: no warning
        (tmp_path / "manifest.csv").write_text("doc_id,file,outlet\na,a.txt,X\n", encoding="utf-8")
        read_raw_documents(tmp_path)


def _sentence_table_by_rows(documents: pd.DataFrame) -> pd.DataFrame:
    """The straightforward sentence table: one Python row per sentence, dtypes as inferred."""
    from analysis.corpus.sentences import count_words, split_sentences

    rows = [
        (doc_id, outlet, origin, i, sentence)
        for doc_id, outlet, origin, text in documents[
            ["doc_id", "outlet", "origin", "text"]
        ].itertuples(index=False)
        for i, sentence in enumerate(split_sentences(text))
    ]
    table = pd.DataFrame(rows, columns=["doc_id", "outlet", "origin", "sentence_id", "sentence"])
    table["n_words"] = [count_words(row[4]) for row in rows]
    return table.astype({"sentence_id": "int64", "n_words": "int64"})


@pytest.mark.parametrize(
    "kind", ["inferred", "no_text", "int_ids", "string_na", "object", "missing_outlet"]
)
def test_sentence_table_equals_the_row_by_row_table(kind: str) -> None:
    # the fast path (document columns repeated by a take) gives the row-by-row table exactly,
    # dtypes included; other column types take the row-by-row path
    from analysis.corpus.documents import sentence_table

    texts = [
        "Mr. Li said so. Prices rose 3.5% on Monday!\n- a bullet line\n\nWhat next?",
        "",
        "美方宣布加征关税。中方回应说：“不会让步。” Then calm.",
        "  ...  ?! “Odd” punctuation -- here...",
        "One line only",
    ]
    docs = pd.DataFrame(
        {
            "doc_id": [f"d{i}" for i in range(len(texts))],
            "outlet": ["A", "B", "A", "C", "B"],
            "origin": ["x", "y", "x", "unknown", "y"],
            "text": texts,
        }
    )
    if kind == "no_text":
        docs["text"] = ["", " ", "\n", "", ""]
    elif kind == "int_ids":
        docs["doc_id"] = list(range(len(texts)))
    elif kind == "string_na":
        docs["outlet"] = docs["outlet"].astype("string")
    elif kind == "object":
        docs["origin"] = docs["origin"].astype(object)
    elif kind == "missing_outlet":
        docs.loc[1, "outlet"] = None
    expected = _sentence_table_by_rows(docs)
    got = sentence_table(docs)
    pd.testing.assert_frame_equal(got, expected)
    assert got.dtypes.tolist() == expected.dtypes.tolist()


def test_sentence_counts_equal_pandas_grouping() -> None:
    # counted from factorized doc ids: the counts of a groupby over the sentences, mapped onto
    # the documents (a document without sentences, a missing id, non-ASCII ids, any id dtype)
    import numpy as np

    from analysis.corpus.documents import sentence_counts

    def reference(doc_ids: pd.Series, sentences: pd.DataFrame) -> dict[str, np.ndarray]:
        counts = sentences.groupby("doc_id", sort=False).agg(
            n_sentences=("sentence_id", "size"), n_words=("n_words", "sum")
        )
        return {
            column: doc_ids.map(counts[column]).fillna(0).astype("int64").to_numpy()
            for column in ("n_sentences", "n_words")
        }

    sentences = pd.DataFrame(
        {
            "doc_id": ["a", "b", "a", None, "c", "关税", "a"],
            "sentence_id": [0, 0, 1, 0, 0, 0, 2],
            "n_words": [3, 0, 5, 7, 2, 9, 10**12],
        }
    )
    id_lists = (["a", "b", "c", "d", None, "关税", "a"], [], ["x"], [np.nan, "a"])
    for ids in id_lists:
        doc_ids = pd.Series(ids, dtype=object if ids else str)
        for table in (
            sentences,
            sentences.iloc[:0],
            sentences.astype({"doc_id": "object"}),
            sentences.astype({"doc_id": "category"}),
        ):
            expected, found = reference(doc_ids, table), sentence_counts(doc_ids, table)
            for column, values in expected.items():
                assert found[column].dtype == values.dtype
                assert found[column].tolist() == values.tolist()


def test_a_folder_without_articles_or_with_an_empty_manifest_is_refused(
    make_corpus: MakeCorpus, tmp_path: Path
) -> None:
    folder = make_corpus(files={"notes.odt": "n"}, with_manifest=False)
    with pytest.raises(CorpusError, match=r"no articles: .* and no export files"):
        read_raw_documents(folder)
    (folder / "manifest.csv").write_text("doc_id,file,outlet\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"manifest\.csv: lists no articles"):
        load_corpus(folder)


def test_a_folder_of_archives_is_refused_naming_them(tmp_path: Path) -> None:
    # an archive of articles is not read; the message said only "no .html files"
    # (pages compressed one by one, a.html.gz, are read: test_corpus_gzipped_articles)
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "b.tar.gz").write_bytes(b"\x1f\x8b\x08\x00")
    (folder / "a.zip").write_bytes(b"PK\x03\x04")
    (folder / ".hidden.gz").write_bytes(b"x")
    with pytest.raises(CorpusError) as refused:
        read_raw_documents(folder)
    message = str(refused.value)
    assert "2 compressed file(s), which are not read (a.zip, b.tar.gz)" in message
    assert "tar -xf" in message
    (folder / "a.zip").unlink()
    (folder / "b.tar.gz").unlink()
    with pytest.raises(CorpusError) as refused:
        read_raw_documents(folder)
    assert "compressed file" not in str(refused.value)


def test_a_saved_pages_empty_outlet_in_the_manifest_is_its_site_name(make_corpus) -> None:
    # refused before ("row 3 has an empty outlet"), though the page names its site
    folder = make_corpus(
        files={"a.txt": ARTICLE_A, "budget.html": PAGE_NAMING_ITS_SITE},
        manifest=[
            {"doc_id": "a1", "file": "a.txt", "outlet": "Daily Ledger"},
            {"doc_id": "p1", "file": "budget.html", "outlet": ""},
        ],
    )
    documents = load_corpus(folder).documents.set_index("doc_id")
    assert documents.loc["p1", "outlet"] == "Harbour Times"
    folder = make_corpus(
        files={"a.txt": ARTICLE_A},
        manifest=[{"doc_id": "a1", "file": "a.txt", "outlet": " "}],
    )
    with pytest.raises(CorpusError, match="row 2 has an empty outlet"):
        load_corpus(folder)  # a text file names no site: still refused


def test_html_entities_in_an_exports_titles_and_outlets_become_characters(tmp_path) -> None:
    export = tmp_path / "export.csv"
    pd.DataFrame(
        {
            "title": ["New &amp; carbon tax unveiled", "Plain title"],
            "outlet": ["Smith &#38; Jones Weekly", "Daily Ledger"],
            "text": ["The tax rises in May.", "Prices fell on Monday."],
        }
    ).to_csv(export, index=False)
    corpus = load_corpus(export)
    assert corpus.documents["title"].tolist() == ["New & carbon tax unveiled", "Plain title"]
    assert corpus.documents["outlet"].tolist() == ["Smith & Jones Weekly", "Daily Ledger"]
    audit = corpus.audit[corpus.audit["rule"] == "html_entity"]
    assert audit["original"].tolist() == [
        "title: New &amp; carbon tax unveiled",
        "outlet: Smith &#38; Jones Weekly",
    ]


def test_a_manifest_listing_the_folders_own_files_is_refused(make_corpus) -> None:
    # a manifest made with `ls` listed itself, which was read as a 20-word article
    folder = make_corpus(
        files={"a.txt": ARTICLE_A},
        manifest=[
            {"doc_id": "a1", "file": "a.txt", "outlet": "Daily Ledger"},
            {"doc_id": "m", "file": "manifest.csv", "outlet": "Daily Ledger"},
        ],
    )
    with pytest.raises(CorpusError, match=r"row 3: lists manifest\.csv, one of the folder's own"):
        read_raw_documents(folder)


def test_two_files_of_one_stem_without_a_manifest_are_named(make_corpus: MakeCorpus) -> None:
    """ "a.txt" and "a.html" both give the id "a": the refusal named a manifest.csv that the
    folder does not have."""
    folder = make_corpus(files={"a.txt": ARTICLE_A, "a.md": ARTICLE_B}, with_manifest=False)
    with pytest.raises(CorpusError, match=r"a\.md and a\.txt both give the doc_id 'a'") as raised:
        load_corpus(folder)
    assert "manifest.csv:" not in str(raised.value)


@pytest.mark.parametrize(
    ("on_disk", "in_manifest", "why"),
    [
        ("B\u00fcs.txt", "Bu\u0308s.txt", "composed differently"),  # NFC on disk, NFD listed
        ("Bu\u0308s.txt", "B\u00fcs.txt", "composed differently"),  # as macOS saves it
        ("dpr.txt", "dpr.txt ", "spaces around"),  # a spreadsheet cell's trailing space
    ],
)
def test_a_manifest_name_that_prints_alike_reads_the_folders_file(
    make_corpus: MakeCorpus, on_disk: str, in_manifest: str, why: str
) -> None:
    """A tester's manifest got "Büs.txt: file is not in manifest.csv" and "Büs.txt: listed in
    manifest.csv but missing", two lines that looked alike."""
    manifest = [{"doc_id": "b1", "file": in_manifest, "outlet": "X"}]
    folder = make_corpus(files={on_disk: ARTICLE_A}, manifest=manifest)
    with pytest.warns(UserWarning, match=why):
        corpus = load_corpus(folder)
    assert corpus.documents["doc_id"].tolist() == ["b1"]


def test_a_programs_own_files_are_left_out_and_named(make_corpus: MakeCorpus) -> None:
    """Word's lock file of an open document ("~$draft.docx") stopped a tester's whole folder as
    "not a Word .docx document"; macOS's "._a.txt" beside a copied file is binary."""
    folder = make_corpus(files={"a.txt": ARTICLE_A, "b.txt": ARTICLE_B}, with_manifest=False)
    (folder / "~$draft.docx").write_bytes(b"\x0bJane Roe" + b"\x00" * 40)
    (folder / "._a.txt").write_bytes(b"\x00\x05\x16\x07" + b"\x00" * 60)
    with pytest.warns(UserWarning) as caught:
        corpus = load_corpus(folder)
    assert corpus.documents["doc_id"].tolist() == ["a", "b"]
    said = [str(w.message) for w in caught]
    assert any("2 file(s) left out as a program's own" in m and "~$draft.docx" in m for m in said)
    assert not any("not read, as they are not" in m for m in said)  # not said twice
    # the outlet warning counts the files it means (it said "some files" of every file)
    assert any("no outlet in a sidecar for any of its 2 files (a.txt, b.txt)" in m for m in said)


def test_a_manifest_row_naming_a_folder_or_a_pipe_says_so_not_missing(
    make_corpus: MakeCorpus,
) -> None:
    """A tester's manifest rows naming a folder and a named pipe were called "missing"."""
    import os

    manifest = [
        {"doc_id": "a1", "file": "a.txt", "outlet": "X"},
        {"doc_id": "d1", "file": "sub", "outlet": "X"},
        {"doc_id": "p1", "file": "pipe.txt", "outlet": "X"},
        {"doc_id": "m1", "file": "gone.txt", "outlet": "X"},
    ]
    folder = make_corpus(files={"a.txt": ARTICLE_A}, manifest=manifest)
    (folder / "sub").mkdir()
    os.mkfifo(folder / "pipe.txt")
    with pytest.raises(CorpusError) as raised:
        read_raw_documents(folder)
    said = str(raised.value)
    assert "sub: listed in manifest.csv but a folder, not a file" in said
    assert "pipe.txt: listed in manifest.csv but not a regular file" in said
    assert "gone.txt: listed in manifest.csv but missing" in said


@pytest.mark.parametrize(
    ("listed", "hint"),
    [
        ("TECH/a.txt", "(the folder has 'tech/a.txt': letter case differs)"),  # a folder's case
        ("tech/A.TXT", "(the folder has 'a.txt': letter case differs)"),
        ("tech/b.txt", ""),
    ],
)
def test_a_manifest_path_in_other_letter_case_is_pointed_to(
    make_corpus: MakeCorpus, listed: str, hint: str
) -> None:
    # a tester's "TECH/9to5mac.html" for tech/ was "missing", with no hint
    folder = make_corpus(files={}, manifest=[{"doc_id": "a1", "file": listed, "outlet": "X"}])
    (folder / "tech").mkdir()
    (folder / "tech" / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    with pytest.raises(CorpusError) as err:
        read_raw_documents(folder)
    message = str(err.value)
    assert "listed in manifest.csv but missing" in message
    assert (hint in message) if hint else "letter case differs" not in message


def test_a_manifest_name_that_differs_in_dashes_or_accents_is_paired_with_the_file(
    make_corpus: MakeCorpus,
) -> None:
    # a journalist's manifest typed "-" and "e" for the files' "–" and "é": the two names look
    # alike on screen, and were reported as four unrelated problems
    folder = make_corpus(
        files={},
        manifest=[
            {"doc_id": "a1", "file": "Braun - Swift (Fox).txt", "outlet": "X"},
            {"doc_id": "a2", "file": "Encephalite equine.txt", "outlet": "X"},
        ],
    )
    (folder / "Braun – Swift (Fox).txt").write_text(ARTICLE_A, encoding="utf-8")
    (folder / "Encéphalite équine.txt").write_text(ARTICLE_A, encoding="utf-8")
    with pytest.raises(CorpusError) as err:
        read_raw_documents(folder)
    message = str(err.value)
    assert (
        "Braun - Swift (Fox).txt: listed in manifest.csv but missing (the folder has "
        "'Braun – Swift (Fox).txt': the names differ only in dashes, quotation marks, accents, "
        "spaces or letter case)"
    ) in message
    assert (
        "Encéphalite équine.txt: file is not in manifest.csv (manifest.csv lists "
        "'Encephalite equine.txt', which differs only in dashes"
    ) in message


@pytest.mark.parametrize(
    ("name", "loose"),
    [("A – B.txt", "a - b.txt"), ("Épstein  guards.TXT", "epstein guards.txt"),
     ("“Quote” ‘x’.txt", "\"quote\" 'x'.txt"), ("plain.txt", "plain.txt")],
)  # fmt: skip
def test_loose_name_reads_names_as_they_look(name: str, loose: str) -> None:
    assert loose_name(name) == loose


def test_a_manifest_header_naming_a_column_twice_is_refused(make_corpus: MakeCorpus) -> None:
    # a tester's header "doc_id,file,file,outlet,title,published" shifted every row's cells:
    # titles became outlets, and 15 "outlets" were compared without a word
    folder = make_corpus(files={"a.txt": ARTICLE_A})
    (folder / "manifest.csv").write_text(
        "doc_id,file,File ,outlet,title\na1,a.txt,X,Some title\n", encoding="utf-8"
    )
    with pytest.raises(CorpusError, match=r"names the column 'File' twice \(columns 2 and 3\)"):
        read_raw_documents(folder)


def test_a_row_with_more_cells_than_the_header_says_how_to_quote(make_corpus: MakeCorpus) -> None:
    folder = make_corpus(files={"a.txt": ARTICLE_A})
    (folder / "manifest.csv").write_text(
        "doc_id,file,outlet\na1,a.txt,Smith, Jones\n", encoding="utf-8"
    )
    with pytest.raises(CorpusError, match=r"a cell holding the separator needs double quotes"):
        read_raw_documents(folder)


def test_a_row_with_fewer_cells_than_the_header_is_warned_about(make_corpus: MakeCorpus) -> None:
    # a retester's row left out its title cell: its date was read as the title, unsaid
    folder = make_corpus(files={"a.txt": ARTICLE_A})
    (folder / "manifest.csv").write_text(
        "doc_id,file,outlet,title,published\na1,a.txt,X,2020-01-02\n", encoding="utf-8"
    )
    with pytest.warns(UserWarning, match=r"line\(s\) 2 have fewer cells than the header's 5"):
        read_raw_documents(folder)
