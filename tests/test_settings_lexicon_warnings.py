"""analysis.settings.lexicon_warnings: entries written as regular expressions are named."""

from __future__ import annotations

from pathlib import Path

from analysis.settings import lexicon_warnings, resolve_lexicons

CODEBOOK = """
[[frames]]
key = "gun_control"
label = "Gun control"
indicators = ["gun|rifle", "background check", "murder?"]
"""
ACTORS = """
[[actor]]
key = "nra"
label = "NRA"
patterns = ["gun lobby|NRA", "N.R.A.*", "National Rifle Association"]
"""


def test_regex_like_indicators_and_actor_names_are_warned_about(tmp_path: Path) -> None:
    (tmp_path / "frames.toml").write_text(CODEBOOK, encoding="utf-8")
    (tmp_path / "actors.toml").write_text(ACTORS, encoding="utf-8")
    lexicons = resolve_lexicons(
        None, codebook=str(tmp_path / "frames.toml"), actors=str(tmp_path / "actors.toml")
    )
    warnings = lexicon_warnings(lexicons)
    assert len(warnings) == 4, warnings
    assert "indicator 'gun|rifle' holds '|'" in warnings[0]
    assert "indicator 'murder?' holds '?'" in warnings[1]
    assert "actor 'nra': patterns entry 'gun lobby|NRA' holds '|'" in warnings[2]
    assert "patterns entry 'N.R.A.*' holds '.*'" in warnings[3]
    assert all("background check" not in w and "National Rifle" not in w for w in warnings)


def test_the_bundled_lexicons_and_the_defaults_give_no_warning() -> None:
    from analysis.config import default_corpus_dir

    assert lexicon_warnings(resolve_lexicons(default_corpus_dir())) == []
    assert lexicon_warnings(resolve_lexicons(None)) == []


def test_a_run_prints_them_before_it_starts(tmp_path: Path, capsys) -> None:
    from analysis.pipeline.params import check_lexicon_files

    (tmp_path / "frames.toml").write_text(CODEBOOK, encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    check_lexicon_files(corpus, {"codebook": str(tmp_path / "frames.toml")})
    err = capsys.readouterr().err
    assert err.count("warning: codebook ") == 2
    assert "indicator 'gun|rifle' holds '|'" in err
