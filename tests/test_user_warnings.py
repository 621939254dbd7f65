"""Warnings about a user's data name the user's line, however deep the package warned."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest

from analysis import load_corpus
from analysis.corpus.json_records import document_records
from analysis.user_warnings import user_stack_level, warn_user


def _caught(call) -> list[warnings.WarningMessage]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        call()
    return [w for w in caught if issubclass(w.category, UserWarning)]


def test_a_warning_from_outside_the_package_names_its_own_line() -> None:
    assert user_stack_level() == 1
    (shown,) = _caught(lambda: warn_user("checked"))
    assert shown.filename == __file__
    assert str(shown.message) == "checked"
    assert shown.category is UserWarning


def test_the_category_is_kept() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        warn_user("deprecated", FutureWarning)
    assert [w.category for w in caught] == [FutureWarning]


@pytest.fixture
def two_lists(tmp_path: Path) -> Path:
    """A JSON document with articles and a second list, which the reader warns about."""
    path = tmp_path / "answer.json"
    articles = [
        {"text": f"Article {k} says the council met on Monday.", "outlet": "A"} for k in range(3)
    ]
    path.write_text(json.dumps({"articles": articles, "tags": [{"t": 1}]}), encoding="utf-8")
    return path


def test_a_reader_called_directly_warns_at_the_callers_line(two_lists: Path) -> None:
    (shown,) = _caught(lambda: document_records(two_lists))
    assert "'tags' (1), not read" in str(shown.message)
    assert shown.filename == __file__


def test_the_same_warning_through_load_corpus_names_the_callers_line(two_lists: Path) -> None:
    caught = _caught(lambda: load_corpus(two_lists, progress=False, jobs=1))
    assert any("'tags' (1), not read" in str(w.message) for w in caught)
    assert {w.filename for w in caught} == {__file__}


def test_a_file_not_utf8_warns_at_the_callers_line(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes("text,outlet\nThe café said the plan was late.,A\n".encode("cp1252"))
    caught = _caught(lambda: load_corpus(path, progress=False, jobs=1))
    assert any("cp1252" in str(w.message) for w in caught)
    assert {w.filename for w in caught} == {__file__}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A corpus folder whose manifest is not UTF-8 and which holds a file that is not read."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "manifest.csv").write_bytes(
        "doc_id,file,outlet\na,a.txt,Café Times\n".encode("cp1252")
    )
    (corpus / "a.txt").write_text(
        "The council met on Monday and agreed the plan.\n", encoding="utf-8"
    )
    (corpus / "notes.pdf").write_bytes(b"%PDF-1.4")
    return corpus


@pytest.mark.parametrize("reader", ["read_manifest", "read_raw_documents", "build_corpus"])
def test_a_folders_warnings_name_the_callers_line_at_any_depth(folder: Path, reader: str) -> None:
    from analysis.corpus import documents

    caught = _caught(lambda: getattr(documents, reader)(folder))
    assert any("not valid UTF-8, read as cp1252" in str(w.message) for w in caught)
    if reader != "read_manifest":
        assert any("notes.pdf" in str(w.message) for w in caught)
    assert {w.filename for w in caught} == {__file__}
