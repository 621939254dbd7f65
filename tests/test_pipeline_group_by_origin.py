"""analysis.pipeline.params.check_group_column: ``--group-by origin`` is refused before the run
when no article of the corpus gives an origin (a tester's manifest had no such column, and the
summary described one group, "unknown")."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.config import default_corpus_dir
from analysis.pipeline.params import ParameterError, check_group_column


def _folder(tmp_path: Path, manifest: str) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("a.txt", "b.txt"):
        (corpus / name).write_text("Text of an article.\n", encoding="utf-8")
    (corpus / "manifest.csv").write_text(manifest, encoding="utf-8")
    return corpus


def test_a_manifest_without_origins_is_refused(tmp_path: Path) -> None:
    corpus = _folder(tmp_path, "doc_id,file,outlet,lean\na,a.txt,A,left\nb,b.txt,B,right\n")
    with pytest.raises(ParameterError, match="no article of the corpus gives an origin"):
        check_group_column(corpus, "origin")
    check_group_column(corpus, "lean")  # a column of the manifest stays allowed


def test_a_corpus_file_without_an_origin_column_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text("text,outlet\nOne article.,A\nAnother.,B\n", encoding="utf-8")
    with pytest.raises(ParameterError, match="origin"):
        check_group_column(path, "origin")
    mapped = tmp_path / "mapped.csv"
    mapped.write_text("text,outlet,country\nOne article.,A,US\nAnother.,B,UK\n", encoding="utf-8")
    check_group_column(mapped, "origin", "origin=country")


def test_a_corpus_with_origins_may_be_grouped_by_them(tmp_path: Path) -> None:
    corpus = _folder(tmp_path, "doc_id,file,outlet,origin\na,a.txt,A,US\nb,b.txt,B,\n")
    check_group_column(corpus, "origin")
    check_group_column(default_corpus_dir(), "origin")
