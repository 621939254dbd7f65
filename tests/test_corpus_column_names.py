"""Our columns found by name in another letter case (``Title``, ``URL``) when not mapped."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.corpus.files import CorpusFileError, _resolve_columns, read_chunks
from analysis.pipeline.params import ParameterError, check_group_column, corpus_columns

PATH = Path("export.csv")


def test_capitalised_headers_are_read_as_ours() -> None:
    resolved, ignored = _resolve_columns(PATH, ["Title", "URL", "Text", "Source", "Lean"], {})
    assert resolved == {"text": "Text", "title": "Title", "url": "URL"}
    assert ignored == ["Source", "Lean"]


def test_the_exact_name_wins_over_another_case() -> None:
    resolved, ignored = _resolve_columns(PATH, ["Title", "title", "text", "outlet"], {})
    assert resolved["title"] == "title"
    assert "Title" in ignored


def test_two_columns_alike_are_not_guessed_between() -> None:
    with pytest.raises(CorpusFileError, match="no 'text' column"):
        _resolve_columns(PATH, ["TEXT", "Text", "outlet"], {})


def test_a_column_the_user_mapped_is_not_read_a_second_time() -> None:
    resolved, _ = _resolve_columns(PATH, ["Title", "Body", "Outlet"], {"text": "Title"})
    assert resolved == {"text": "Title", "outlet": "Outlet"}


def test_spaces_around_a_header_name_are_tolerated() -> None:
    resolved, _ = _resolve_columns(PATH, [" text ", "outlet "], {})
    assert resolved == {"text": " text ", "outlet": "outlet "}


@pytest.fixture
def export(tmp_path: Path) -> Path:
    path = tmp_path / "mentions.csv"
    path.write_text(
        "Title,Text,URL,Lean\n"
        'Harbour plan,"The council met on Monday and agreed the plan.",https://www.harbour.co.uk/a,L\n'
        'Budget,"The mayor said the budget would rise.",https://news.example.org/b,R\n',
        encoding="utf-8",
    )
    return path


def test_an_export_with_capitalised_headers_is_read_and_the_summary_says_how(
    export: Path,
) -> None:
    with pytest.warns(UserWarning, match="no outlet column"):
        chunks, report = read_chunks(export)
        docs = next(chunks)
    assert list(docs["title"]) == ["Harbour plan", "Budget"]
    assert list(docs["outlet"]) == ["harbour.co.uk", "example.org"]
    assert "read by name in another letter case: 'Text' as text, 'Title' as title" in (
        report.summary()
    )


def test_a_run_groups_by_our_name_for_such_a_column(export: Path) -> None:
    columns = corpus_columns(export)
    assert "Title" not in columns and "Lean" in columns
    assert "title" not in columns  # a field of each article, not a grouping
    check_group_column(export, "Lean")
    with pytest.raises(ParameterError, match="Title"):
        check_group_column(export, "Title")
