"""Safety: the per-sentence cache never serves results of other code or other inputs, and every
``-p`` value is checked before any notebook starts."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from analysis import load_corpus
from analysis.measure import cache
from analysis.measure.cache import cache_key, code_fingerprint
from analysis.pipeline.notebooks import list_notebooks
from analysis.pipeline.params import (
    MANAGED_PARAMETERS,
    PARAMETER_RULES,
    RUN_PARAMETERS,
    ParameterError,
    discover_parameters,
    parse_cli_value,
    validate_parameters,
)

REPO_NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"

# ------------------------------------------------------------------ item 4: the cache key


def _copy_package(tmp_path: Path) -> Path:
    """A copy of the package's own code and data (no compiled files) to alter."""
    copy = tmp_path / "analysis_copy"
    shutil.copytree(cache.PACKAGE_DIR, copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def test_key_follows_the_package_source(make_corpus, tmp_path: Path, monkeypatch) -> None:
    folder = make_corpus()
    copy = _copy_package(tmp_path)
    monkeypatch.setattr(cache, "PACKAGE_DIR", copy)
    before = cache_key(folder)
    assert cache_key(folder) == before
    vader = copy / "sentiment" / "vader.py"
    vader.write_text(vader.read_text(encoding="utf-8") + "\nB_INCR = 0.5\n", encoding="utf-8")
    code_fingerprint.cache_clear()  # computed once per process: a new process sees the change
    assert cache_key(folder) != before


def test_key_follows_the_package_data(make_corpus, tmp_path: Path, monkeypatch) -> None:
    folder = make_corpus()
    copy = _copy_package(tmp_path)
    monkeypatch.setattr(cache, "PACKAGE_DIR", copy)
    before = cache_key(folder)
    with (copy / "data" / "stopwords_en.txt").open("a", encoding="utf-8") as handle:
        handle.write("harbour\n")
    code_fingerprint.cache_clear()
    assert cache_key(folder) != before


def test_code_fingerprint_is_computed_once_per_process() -> None:
    code_fingerprint.cache_clear()
    first = code_fingerprint()
    assert code_fingerprint() is first
    assert code_fingerprint.cache_info().hits >= 1


def _subfolder_corpus(make_corpus) -> Path:
    from conftest import ARTICLE_A

    folder = make_corpus()
    (folder / "sub").mkdir()
    (folder / "a.txt").rename(folder / "sub" / "a.txt")
    manifest = (folder / "manifest.csv").read_text(encoding="utf-8")
    (folder / "manifest.csv").write_text(manifest.replace(",a.txt,", ",sub/a.txt,"), "utf-8")
    assert (folder / "sub" / "a.txt").read_text(encoding="utf-8").strip() == ARTICLE_A.strip()
    return folder


def test_key_follows_an_article_in_a_subfolder(make_corpus) -> None:
    folder = _subfolder_corpus(make_corpus)
    before = cache_key(folder)
    assert cache_key(folder) == before
    (folder / "sub" / "a.txt").write_text("Changed article text. It is new.\n", encoding="utf-8")
    assert cache_key(folder) != before


def test_a_changed_subfolder_article_is_measured_again(make_corpus, tmp_path: Path) -> None:
    folder = _subfolder_corpus(make_corpus)
    store = tmp_path / "cache"
    first = load_corpus(folder, cache_dir=store)
    assert "A wholly new sentence here." not in set(first.sentences["sentence"])
    (folder / "sub" / "a.txt").write_text("A wholly new sentence here.\n", encoding="utf-8")
    again = load_corpus(folder, cache_dir=store)
    assert "A wholly new sentence here." in set(again.sentences["sentence"])


def test_key_follows_the_codebook_bytes_not_its_path(make_corpus, tmp_path: Path) -> None:
    folder = make_corpus()
    codebook = tmp_path / "codebook.toml"
    codebook.write_text("# one\n", encoding="utf-8")
    before = cache_key(folder, codebook)
    assert cache_key(folder, codebook) == before
    codebook.write_text("# two\n", encoding="utf-8")
    assert cache_key(folder, codebook) != before


def test_key_is_deterministic_across_copies(make_corpus, tmp_path: Path) -> None:
    folder = _subfolder_corpus(make_corpus)
    twin = tmp_path / "twin"
    shutil.copytree(folder, twin)
    assert cache_key(folder) == cache_key(twin)
    assert cache_key(folder, measures=False) == cache_key(twin, measures=False)


# ------------------------------------------------------------------ item 11: parameter values


@pytest.fixture(scope="module")
def schema():
    return discover_parameters(list_notebooks(REPO_NOTEBOOKS))


def _cli(schema, tmp_path: Path, **given: str):
    """``-p NAME VALUE`` for each keyword, validated as the run command does."""
    values = {name: parse_cli_value(text) for name, text in given.items()}
    return validate_parameters(values, schema, given, base_dir=tmp_path)


# (name, a refused value as typed after -p, a fragment of the allowed values in the message)
REFUSED = [
    ("group_by", "doc_id", "'outlet', 'origin', a column of your own in the manifest"),
    ("group_by", "text", "'outlet', 'origin', a column of your own in the manifest"),
    ("method", "textblob", "'vader', 'vader-news'"),
    ("n_boot", "-3", ">= 100"),
    ("n_boot", "1", ">= 100"),
    ("n_boot", "99", ">= 100"),
    ("n_perm", "0", ">= 100"),
    ("n_perm", "50", ">= 100"),
    ("seed", "-1", ">= 0"),
    ("top_terms", "-1", ">= 1"),
    ("top_terms", "0", ">= 1"),
    ("keyness_bigrams", "1", "true or false"),
    ("keyness_bigrams", "maybe", "true or false"),
    ("max_arc_articles", "0", ">= 1"),
    ("max_evidence_sentences", "-5", ">= 1"),
    ("duplicates", "remove", "'keep', 'flag', 'drop'"),
    ("other_languages", "flag", "'keep', 'drop'"),
    ("colours", "no/such/colours.toml", "an existing file"),
    ("codebook", "no/such/codebook.toml", "an existing file"),
    ("codebook", ".", "an existing file"),
    ("outlets", "['', 'Daily Ledger']", "outlet names"),
    ("actors", "no/such/actors.toml", "an existing file"),
    ("actors", ".", "an existing file"),
    ("sources", "no/such/sources.toml", "an existing file"),
    ("hedges", "no/such/hedges.toml", "an existing file"),
    ("news_terms", "no/such/terms.csv", "an existing file"),
    ("column_map", "text", "is not NAME=COLUMN"),
    ("column_map", "colour=hue", "not one of ours: text, outlet"),
    ("kwic_pattern", "  ", "a word or phrase"),
    ("frame_coder", "no/such/model", "a folder written by `python -m analysis train`"),
    ("tone_coder", "no/such/model", "from a sheet with a `tone` column"),
    ("validation", "no/such/agreement.csv", "an agreement.csv written by"),
]
FILE_PARAMETERS = {"codebook", "actors", "sources", "hedges", "news_terms"}


@pytest.mark.parametrize(("name", "text", "allowed"), REFUSED)
def test_a_bad_value_is_refused_on_one_line_naming_it(schema, tmp_path, name, text, allowed):
    with pytest.raises(ParameterError) as err:
        _cli(schema, tmp_path, **{name: text})
    message = str(err.value)
    assert "\n" not in message
    assert repr(name) in message and allowed in message
    shown = repr(parse_cli_value(text)) if name not in FILE_PARAMETERS else text
    assert shown in message


ACCEPTED = [
    ("duplicates", "drop", "drop"),
    ("other_languages", "drop", "drop"),
    ("colours", "", ""),
    ("group_by", "origin", "origin"),
    ("group_by", "lean", "lean"),  # a user column: checked against the corpus before the run
    ("method", "vader-news", "vader-news"),
    ("n_boot", "100", 100),
    ("n_perm", "100", 100),
    ("seed", "0", 0),
    ("top_terms", "1", 1),
    ("keyness_bigrams", "true", True),
    ("max_arc_articles", "1", 1),
    ("max_evidence_sentences", "1", 1),
    ("codebook", "", ""),
    ("outlets", "Daily Ledger", ["Daily Ledger"]),
    ("actors", "", ""),
    ("sources", "", ""),
    ("hedges", "", ""),
    ("news_terms", "", ""),
    ("column_map", "text=body,outlet=source", "text=body,outlet=source"),
    ("kwic_pattern", "tariff*", "tariff*"),
    ("frame_coder", "", ""),
    ("tone_coder", "", ""),
    ("validation", "", ""),
]


@pytest.mark.parametrize(("name", "text", "expected"), ACCEPTED)
def test_an_allowed_value_passes(schema, tmp_path, name, text, expected):
    assert _cli(schema, tmp_path, **{name: text}) == {name: expected}


def test_a_trained_model_and_an_agreement_table_are_accepted_as_absolute_paths(
    schema, tmp_path, monkeypatch
):
    from test_validation_model import training_set

    from analysis.validation.model import train_frame_model

    texts, labels, _ = training_set()
    train_frame_model(texts, labels, folds=3, seed=1).save(tmp_path / "model")
    pd.DataFrame(
        [{"method": "codebook", "frame": "war", "n": 4, "f1": 0.5, "f1_ci_low": 0.1,
          "f1_ci_high": 0.9, "tp": 1, "fp": 1, "fn": 1, "tn": 1}]
    ).to_csv(tmp_path / "agreement.csv", index=False)  # fmt: skip
    monkeypatch.chdir(tmp_path)
    checked = _cli(schema, tmp_path, frame_coder="model", validation="agreement.csv")
    assert checked == {
        "frame_coder": str(tmp_path / "model"),
        "validation": str(tmp_path / "agreement.csv"),
    }


def test_a_folder_without_a_model_or_a_table_without_counts_is_refused(schema, tmp_path):
    (tmp_path / "empty").mkdir()
    pd.DataFrame({"method": ["codebook"], "frame": ["war"]}).to_csv(tmp_path / "a.csv")
    with pytest.raises(ParameterError) as err:
        _cli(schema, tmp_path, frame_coder="empty", validation="a.csv")
    message = str(err.value)
    assert "model.json not found" in message
    assert "lacks the columns" in message


def test_every_rule_is_tested():
    assert {name for name, _, _ in REFUSED} == set(PARAMETER_RULES)
    assert {name for name, _, _ in ACCEPTED} == set(PARAMETER_RULES)


def test_codebook_is_resolved_against_the_working_directory(schema, tmp_path, monkeypatch):
    codebook = tmp_path / "mine.toml"
    codebook.write_text(
        '[[frames]]\nkey = "k"\nlabel = "K"\nindicators = ["rain"]\n', encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    checked = validate_parameters({"codebook": "mine.toml"}, schema, {"codebook": "mine.toml"})
    assert checked == {"codebook": str(codebook.resolve())}  # the notebooks run elsewhere


def test_every_problem_is_reported_at_once(schema, tmp_path):
    with pytest.raises(ParameterError) as err:
        _cli(schema, tmp_path, n_boot="1", method="textblob", group_by="doc_id")
    message = str(err.value)
    assert "'n_boot' is 1" in message and "'method' is 'textblob'" in message
    assert "'group_by' is 'doc_id'" in message


def test_every_numeric_or_choice_parameter_of_the_notebooks_has_a_rule(schema):
    """A new notebook parameter that takes a number (or a grouping, a method, a codebook) cannot
    be added without a rule in PARAMETER_RULES."""
    numeric = {name for name, spec in schema.items() if spec.type_name in {"int", "float"}}
    assert numeric, "the committed notebooks declare numeric parameters"
    assert numeric <= set(PARAMETER_RULES), sorted(numeric - set(PARAMETER_RULES))
    checked_elsewhere = {"corpus_dir"}  # check_corpus, before any notebook starts
    unchecked = set(schema) - set(PARAMETER_RULES) - MANAGED_PARAMETERS - {RUN_PARAMETERS}
    assert unchecked == checked_elsewhere
    assert set(PARAMETER_RULES) <= set(schema)  # no rule for a parameter that is gone


def test_the_notebooks_defaults_pass_their_rules(schema, tmp_path):
    from analysis.pipeline.params import _literal, check_value

    for name in PARAMETER_RULES:
        for default in schema[name].defaults:
            check_value(name, _literal(default), tmp_path)


def test_the_run_command_refuses_a_bad_value_before_any_notebook(capsys, monkeypatch):
    from analysis.cli import main as cli_main
    from analysis.commands import run as run_command

    def no_run(*args, **kwargs):  # pragma: no cover - reached only when validation fails
        raise AssertionError("a notebook would have started")

    # Patch the name the command calls, in a module already imported: patching the pipeline's
    # run_pipeline first would let a later import of the command copy the fake for good.
    monkeypatch.setattr(run_command, "run_pipeline", no_run)
    code = cli_main(["run", "-p", "group_by", "doc_id", "--out", "/tmp/never-written"])
    assert code == 2
    err = capsys.readouterr().err
    assert "'group_by' is 'doc_id'; allowed: 'outlet', 'origin'" in err
    assert "Traceback" not in err
