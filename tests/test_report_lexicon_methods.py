"""analysis.report.lexicon_methods: the Methods bullets of actors, sourcing and hedging, each
written from the list the run used."""

from __future__ import annotations

import tomllib
from pathlib import Path

from analysis.config import DATA_DIR
from analysis.report.lexicon_methods import actors_method, hedging_method, sourcing_method
from analysis.sentiment.discover import MAX_ACTORS, MIN_DOCS
from analysis.settings import Lexicons


def test_hedging_names_the_bundled_list_with_its_counts_and_that_will_is_left_out() -> None:
    data = tomllib.loads((DATA_DIR / "hedges.toml").read_text(encoding="utf-8"))
    n_hedges = len(data["hedges"]["terms"]) + len(data["hedges"]["case_sensitive"])
    n_certainty = len(data["certainty"]["terms"])
    text = hedging_method(Lexicons())
    assert text.startswith("- **Hedging and certainty.**")
    assert f"Hedges ({n_hedges} words and phrases such as “reportedly”, “might”, “could”)" in text
    assert f"certainty markers ({n_certainty}, such as “clearly”" in text
    assert "`analysis/data/hedges.toml`" in text and "Future “will” is not" in text
    assert "after Hyland's hedges and boosters (2005)" in text
    assert "Limits:" in text


def test_hedging_of_a_corpus_list_is_that_lists(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "hedges.toml").write_text(
        '[hedges]\nterms = ["sort of", "maybe"]\n[certainty]\nterms = ["will", "surely"]\n'
        'exclusions = ["political will"]\n',
        encoding="utf-8",
    )
    text = hedging_method(Lexicons(hedges=corpus / "hedges.toml"), corpus)
    assert "Hedges (2 words and phrases such as “sort of”, “maybe”)" in text
    assert "certainty markers (2, such as “will”, “surely”)" in text
    assert "`corpus/hedges.toml`" in text and str(tmp_path) not in text  # as the corpus names it
    assert "Future “will” is not" not in text  # this list counts it
    assert "Hyland" not in text  # a list of one's own is credited to no one


def test_sourcing_lists_the_kinds_and_quotation_length_of_the_list_used(tmp_path: Path) -> None:
    text = sourcing_method(Lexicons())
    assert "(Government officials, Politicians, Analysts and experts," in text
    assert "3 or more words in quotation marks" in text
    assert "`analysis/data/sources.toml`" in text and "its speaker is named" in text
    own = tmp_path / "sources.toml"
    own.write_text(
        '[attribution_verbs]\nsay = ["said"]\n[quotes]\nmin_words = 5\n'
        '[sources.unions]\nlabel = "Trade unions"\nterms = ["union"]\n',
        encoding="utf-8",
    )
    text = sourcing_method(Lexicons(sources=own), tmp_path)
    assert "(Trade unions)" in text and "5 or more words" in text
    assert "Government officials" not in text


def test_actors_say_whether_they_were_listed_or_found_in_the_corpus(tmp_path: Path) -> None:
    found = actors_method(Lexicons())
    assert "No actor list was given" in found
    assert f"at least {MIN_DOCS} articles in English use, at most {MAX_ACTORS}" in found
    assert "not the outlet's stance" in found
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    listed = corpus / "actors.toml"
    listed.write_text(
        '[[actor]]\nkey = "council"\nlabel = "Harbour Council"\npatterns = ["harbour council"]\n'
        'note = "The council."\n'
        '[[actor]]\nkey = "mayor"\nlabel = "Mayor"\npatterns = ["mayor"]\nnote = "The mayor."\n',
        encoding="utf-8",
    )
    text = actors_method(Lexicons(actors=listed), corpus)
    assert "The 2 actors of the actor list `corpus/actors.toml`" in text
    assert "No actor list" not in text and "not the outlet's stance" in text


def test_the_actor_tone_bullet_gives_the_readmes_newsmtsc_agreement(tmp_path: Path) -> None:
    """The figures quoted are those of the README's NewsMTSC table (`analysis bench
    sentiment`), in a run with a list and in one without."""
    import re

    from analysis.config import project_root
    from analysis.report.lexicon_methods import NEWSMTSC_SENTENCE_F1

    readme = (project_root() / "README.md").read_text(encoding="utf-8")
    for split, (n, vader, _) in NEWSMTSC_SENTENCE_F1.items():
        row = re.search(rf"^\| {split} \| ([\d,]+) \| ([\d.]+) \|", readme, re.MULTILINE)
        assert row is not None, split
        assert (int(row.group(1).replace(",", "")), float(row.group(2))) == (n, vader)
        for text in (
            actors_method(Lexicons()),
            actors_method(Lexicons(actors=tmp_path / "a.toml")),
        ):
            assert "macro-F1 of" in text and f"{vader:.2f}" in text and f"{n:,}" in text
            assert "NewsMTSC" in text
