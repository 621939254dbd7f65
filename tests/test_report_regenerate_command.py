"""analysis.report.summary: the "Regenerate" sentence says where the names of the command it
prints point (a tester's notebook 04, run by hand, printed `-p actors actors.toml` for her
`../lex/actors.toml` and left out her outlets, seed and method without a word)."""

from __future__ import annotations

from analysis.config import default_corpus_dir
from analysis.report.summary import _with_parameters


def test_lexicon_files_of_the_bundled_corpus_are_explained() -> None:
    said = _with_parameters(default_corpus_dir(), files=True)
    assert said.startswith(", each file the command names being the path of that file")
    assert "`-p NAME VALUE`" in said
    assert _with_parameters(default_corpus_dir()) == ""


def test_another_corpus_and_its_files_are_both_explained(tmp_path) -> None:
    said = _with_parameters(tmp_path / "rent", files=True)
    assert said.startswith(
        ", `rent` being the path of the corpus and each file the command names being the path "
        "of that file from where you run it"
    )
    assert "FOLDER the one that holds this `reports/`" in said
