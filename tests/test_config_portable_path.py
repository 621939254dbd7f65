"""A report names a parameter's file without the machine's folders: a tester's figures and
summary differed in bytes when the same codebook was copied to another folder."""

from __future__ import annotations

from pathlib import Path

from analysis.config import portable_path, project_root
from analysis.figures import figure_provenance


def test_a_path_under_the_project_is_relative_and_one_elsewhere_is_its_name(tmp_path) -> None:
    assert portable_path(str(project_root() / "seeds" / "manifest.csv")) == "seeds/manifest.csv"
    assert portable_path(str(tmp_path / "mine" / "codebook.toml")) == "codebook.toml"
    assert portable_path("codebook.toml") == "codebook.toml"  # as typed: left alone
    assert portable_path("vader-news") == "vader-news"


def test_figures_store_a_files_name_and_hash_not_where_it_sits(tmp_path: Path) -> None:
    first, second = tmp_path / "a" / "codebook.toml", tmp_path / "b" / "codebook.toml"
    for path in (first, second):
        path.parent.mkdir()
        path.write_text('[[frames]]\nkey = "war"\nlabel = "War"\nindicators = ["troops"]\n')
    corpus = project_root() / "seeds"
    one = figure_provenance(corpus, {"codebook": str(first), "method": "vader"})
    two = figure_provenance(corpus, {"codebook": str(second), "method": "vader"})
    assert one == two
    assert one["parameters"]["codebook"].startswith("codebook.toml (sha256 ")
    second.write_text(second.read_text() + "# changed\n")
    assert figure_provenance(corpus, {"codebook": str(second)}) != figure_provenance(
        corpus, {"codebook": str(first)}
    )
