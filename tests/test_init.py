"""The public API of ``analysis`` (``analysis/__init__.py``): the names, imported lazily."""

from __future__ import annotations

import subprocess
import sys

import pytest

import analysis

PUBLIC = [
    "bootstrap_ci",
    "clean_text",
    "frame_matrix",
    "load_corpus",
    "score_sentences",
    "sentence_table",
    "split_sentences",
    "tokenize_words",
]


@pytest.mark.parametrize("name", PUBLIC)
def test_public_functions_are_exported_with_docstrings(name: str) -> None:
    assert name in analysis.__all__
    function = getattr(analysis, name)
    assert callable(function)
    assert function.__doc__


def test_internal_loaders_are_not_exported() -> None:
    for name in ("build_corpus", "read_raw_documents", "read_chunks", "measured_corpus"):
        assert name not in analysis.__all__
        with pytest.raises(AttributeError):
            getattr(analysis, name)


def test_import_is_lazy() -> None:
    code = "import sys, analysis; print('nltk' in sys.modules, 'pandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_clean_text_returns_the_text_and_an_audit_of_raw_lines() -> None:
    raw = "Menu\nPorts reopened on Monday after the strike.\nThe  fees stay.\nSearch"
    cleaned = analysis.clean_text(raw, doc_id="d1")
    assert cleaned.text == "Ports reopened on Monday after the strike.\nThe fees stay."
    entries = [(e.line_no, e.rule, e.action) for e in cleaned.audit]
    assert entries == [
        (1, "site_chrome", "removed"),
        (3, "whitespace", "changed"),
        (4, "site_chrome", "removed"),
    ]
    assert {e.doc_id for e in cleaned.audit} == {"d1"}
    assert cleaned.audit[1].original == "The  fees stay."
    assert cleaned.audit[1].result == "The fees stay."


def test_clean_text_moves_the_title_line_to_metadata() -> None:
    cleaned = analysis.clean_text("Ports Reopen\nPorts reopened on Monday.", title="Ports Reopen")
    assert cleaned.text == "Ports reopened on Monday."
    assert cleaned.metadata["title"] == "Ports Reopen"
    assert [(e.line_no, e.rule, e.action) for e in cleaned.audit] == [
        (1, "title_line", "moved_to_metadata")
    ]
