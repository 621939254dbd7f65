"""analysis.pipeline.rerun: an unchanged rerun reuses outputs only when provably the same."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from analysis.commands import run as run_command
from analysis.pipeline.promote import keep_failed
from analysis.pipeline.rerun import RECORD, reusable_outputs, run_key, write_record


def _corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("One article.\n", encoding="utf-8")
    return corpus


def _notebooks(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "nb"
    folder.mkdir()
    path = folder / "01_x.ipynb"
    path.write_text('{"cells": []}', encoding="utf-8")
    return [path]


def _staged(root: Path) -> Path:
    (root / "figures").mkdir(parents=True)
    (root / "reports" / "tables").mkdir(parents=True)
    (root / "figures" / "a.svg").write_text("<svg/>", encoding="utf-8")
    (root / "reports" / "tables" / "t.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    return root


def test_key_is_stable_and_changes_with_every_input(tmp_path: Path) -> None:
    corpus, notebooks = _corpus(tmp_path), _notebooks(tmp_path)
    lexicon = tmp_path / "actors.toml"
    lexicon.write_text("[[actor]]\n", encoding="utf-8")
    values = {"corpus_dir": str(corpus), "actors": str(lexicon), "n_boot": 100}
    key = run_key(values, notebooks, corpus, tmp_path / "out")
    assert key == run_key(dict(values), notebooks, corpus, tmp_path / "out")
    assert key != run_key({**values, "n_boot": 101}, notebooks, corpus, tmp_path / "out")
    assert key != run_key(values, notebooks, corpus, tmp_path / "other")
    lexicon.write_text("[[actor]]\n# changed\n", encoding="utf-8")
    changed_lexicon = run_key(values, notebooks, corpus, tmp_path / "out")
    assert changed_lexicon != key
    notebooks[0].write_text('{"cells": [1]}', encoding="utf-8")
    changed_notebook = run_key(values, notebooks, corpus, tmp_path / "out")
    assert changed_notebook != changed_lexicon
    (corpus / "a.txt").write_text("Another article.\n", encoding="utf-8")
    assert run_key(values, notebooks, corpus, tmp_path / "out") != changed_notebook


def test_the_corpus_however_written_gives_one_key(tmp_path: Path, monkeypatch) -> None:
    """A tester's --corpus written relative, absolute or with a trailing slash each ran
    everything again (the notebooks are given its absolute path either way)."""
    corpus, notebooks = _corpus(tmp_path), _notebooks(tmp_path)
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "out"
    forms = [corpus.name, str(corpus), f"{corpus}/", f"./{corpus.name}"]
    keys = {run_key({"corpus_dir": form}, notebooks, form, out) for form in forms}
    assert len(keys) == 1
    assert run_key({}, notebooks, corpus, out) in keys  # the corpus given only as the folder
    (tmp_path / "elsewhere").mkdir()
    other = _corpus(tmp_path / "elsewhere")
    assert run_key({"corpus_dir": str(other)}, notebooks, other, out) not in keys


def test_a_runs_own_outputs_inside_its_corpus_folder_do_not_change_its_key(tmp_path: Path) -> None:
    # `run --corpus corpus --out corpus/results` never reused its outputs: they were hashed
    # as files of the corpus
    corpus, notebooks = _corpus(tmp_path), _notebooks(tmp_path)
    values = {"corpus_dir": str(corpus)}
    out = corpus / "results"
    key = run_key(values, notebooks, corpus, out)
    _staged(out)
    assert run_key(values, notebooks, corpus, out) == key
    (corpus / "b.txt").write_text("A new article.\n", encoding="utf-8")
    assert run_key(values, notebooks, corpus, out) != key  # the corpus's own files still count


def test_outputs_are_reused_only_when_key_and_every_file_match(tmp_path: Path) -> None:
    out = _staged(tmp_path / "out")  # as promoted: the record sits with the outputs
    record = write_record(out, "k1")
    assert record == out / "reports" / "cache" / RECORD
    reused = reusable_outputs(out, "k1")
    assert reused is not None and len(reused) == 3
    assert reusable_outputs(out, "k2") is None
    (out / "reports" / "tables" / "t.csv").write_text("a,b\n1,3\n", encoding="utf-8")
    assert reusable_outputs(out, "k1") is None
    write_record(out, "k1")
    (out / "figures" / "a.svg").unlink()
    assert reusable_outputs(out, "k1") is None


def test_leftovers_of_an_interrupted_run_prevent_reuse(tmp_path: Path) -> None:
    out = _staged(tmp_path / "out")
    write_record(out, "k1")
    (out / "reports" / ".previous-123").mkdir()
    assert reusable_outputs(out, "k1") is None


def test_no_record_no_reuse(tmp_path: Path) -> None:
    assert reusable_outputs(_staged(tmp_path / "out"), "k1") is None
    record = tmp_path / "out" / "reports" / "cache" / RECORD
    record.parent.mkdir(parents=True)
    record.write_text("not json", encoding="utf-8")
    assert reusable_outputs(tmp_path / "out", "k1") is None


@pytest.mark.parametrize("rerun", [False, True])
def test_command_reuses_unchanged_outputs_unless_rerun(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture, rerun: bool
) -> None:
    corpus, notebooks = _corpus(tmp_path), _notebooks(tmp_path)
    out = _staged(tmp_path / "out")
    args = argparse.Namespace(
        out=str(out),
        rerun=rerun,
        parameters_file=None,
        parameter=[],
        corpus=str(corpus),
        group_by=None,
        outlets=None,
        method=None,
        map=None,
    )
    values, _ = run_command.collect_parameters(args)
    # the executed notebook the last run kept, with a warning about the input it read
    kept = out / "reports" / "notebooks" / notebooks[0].name
    kept.parent.mkdir(parents=True)
    stderr = {
        "output_type": "stream",
        "name": "stderr",
        "text": ["<string>:3: UserWarning: 2 articles are not in English\n"],
    }
    kept.write_text(json.dumps({"cells": [{"outputs": [stderr]}]}), encoding="utf-8")
    write_record(out, run_key(values, notebooks, corpus, out))
    result = run_command._unchanged_run(args, values, notebooks)
    if rerun:
        assert isinstance(result, str)
    else:
        assert isinstance(result, list)
        said = capsys.readouterr()
        assert "Nothing changed since the last run" in said.out
        # what the input warned about holds for the reused outputs too (said nowhere before)
        assert "warning: 2 articles are not in English (01_x.ipynb)" in said.err


def test_a_reused_run_removes_the_partial_notebooks_an_interrupted_run_left(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    # a tester's plain run after an interrupted --rerun reused the outputs and left
    # reports/failed/*.ipynb beside them
    corpus, notebooks = _corpus(tmp_path), _notebooks(tmp_path)
    out = _staged(tmp_path / "out")
    args = argparse.Namespace(
        out=str(out), rerun=False, parameters_file=None, parameter=[], corpus=str(corpus),
        group_by=None, outlets=None, method=None, map=None,
    )  # fmt: skip
    values, _ = run_command.collect_parameters(args)
    write_record(out, run_key(values, notebooks, corpus, out))
    failed = out / "reports" / "failed"
    staged = tmp_path / "staged"
    staged.mkdir()
    (staged / "02_sentiment.ipynb").write_text("{}", encoding="utf-8")
    keep_failed(staged, out / "reports", "02_sentiment.ipynb")  # as the interrupted run did
    assert isinstance(run_command._unchanged_run(args, values, notebooks), list)
    assert not failed.exists()
    assert "removed 1 partly run notebook(s)" in capsys.readouterr().out


def test_the_same_run_from_another_working_directory_gives_the_same_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a run started from another folder ran every notebook again (the key held the working
    # directory); a relative path that names another file or folder there still counts
    corpus, notebooks = _corpus(tmp_path), _notebooks(tmp_path)
    out = tmp_path / "out"
    values = {"corpus_dir": str(corpus), "n_boot": 100}
    first, second = tmp_path / "a", tmp_path / "b"
    for folder in (first, second):
        (folder / "coder").mkdir(parents=True)
        (folder / "coder" / "model.json").write_text("{}", encoding="utf-8")
        (folder / "actors.toml").write_text("[[actor]]\n", encoding="utf-8")
    monkeypatch.chdir(first)
    key = run_key(values, notebooks, corpus, out)
    relative = {**values, "actors": "actors.toml", "frame_coder": "coder"}
    from_first = run_key(relative, notebooks, corpus, out)
    monkeypatch.chdir(second)
    assert run_key(values, notebooks, corpus, out) == key
    # the same bytes at another place: the outputs name the place
    assert run_key(relative, notebooks, corpus, out) != from_first
    absolute = {**values, "actors": str(first / "actors.toml"), "frame_coder": str(first / "coder")}
    at_first = run_key(absolute, notebooks, corpus, out)
    monkeypatch.chdir(first)
    assert run_key(absolute, notebooks, corpus, out) == at_first


def test_a_lexicon_named_relative_or_absolute_gives_one_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the bundled corpus's lexicons reach the key as "seeds/lexicons/actors.toml" from the
    # project and as an absolute path from another folder: the same run ran everything again
    corpus, notebooks = _corpus(tmp_path), _notebooks(tmp_path)
    out = tmp_path / "out"
    (tmp_path / "lex").mkdir()
    (tmp_path / "lex" / "actors.toml").write_text("[[actor]]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    relative = run_key({"actors": "lex/actors.toml"}, notebooks, corpus, out)
    monkeypatch.chdir(corpus)
    assert run_key({"actors": str(tmp_path / "lex" / "actors.toml")}, notebooks, corpus, out) == (
        relative
    )
    # a value that is no path stays as written: "./lex" and "lex" are two outlets
    monkeypatch.chdir(tmp_path)
    assert run_key({"outlets": ["./lex"]}, notebooks, corpus, out) != run_key(
        {"outlets": ["lex"]}, notebooks, corpus, out
    )


def test_a_run_on_another_corpus_names_the_corpus_whose_outputs_it_replaces(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    # a tester's second corpus, run into the first one's --out, replaced its outputs unsaid
    first, notebooks = _corpus(tmp_path), _notebooks(tmp_path)
    second = tmp_path / "other"
    second.mkdir()
    (second / "b.txt").write_text("Another article.\n", encoding="utf-8")
    out = _staged(tmp_path / "out")
    write_record(out, "k-first", first)
    assert json.loads((out / "reports" / "cache" / RECORD).read_text())["corpus"] == str(
        first.resolve()
    )
    args = argparse.Namespace(
        out=str(out), rerun=False, parameters_file=None, parameter=[], corpus=str(second),
        group_by=None, outlets=None, method=None, map=None,
    )  # fmt: skip
    values, _ = run_command.collect_parameters(args)
    assert isinstance(run_command._unchanged_run(args, values, notebooks), str)  # runs
    err = capsys.readouterr().err
    assert f"holds the outputs of a run on another corpus ({first.resolve()})" in err
    assert f"this run on {second.resolve()} replaces them" in err
    # the same corpus again: nothing to say
    args.corpus = str(first)
    values, _ = run_command.collect_parameters(args)
    run_command._unchanged_run(args, values, notebooks)
    assert "another corpus" not in capsys.readouterr().err


def test_a_corpus_inside_the_project_is_recorded_relative_to_it(tmp_path: Path) -> None:
    from analysis.config import project_root
    from analysis.pipeline.rerun import corpus_label

    assert corpus_label(project_root() / "seeds") == "seeds"  # the same in every clone
    assert corpus_label(tmp_path) == str(tmp_path.resolve())


def _args(out: Path, corpus: Path, parameter: list[list[str]], rerun: bool = False):
    return argparse.Namespace(
        out=str(out), rerun=rerun, parameters_file=None, parameter=parameter,
        corpus=str(corpus), group_by=None, outlets=None, method=None, map=None,
    )  # fmt: skip


def test_a_run_that_reruns_says_why(
    tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rerun into the same --out that recomputed did not say why: a tester could not tell a
    changed input from a forced rerun."""
    from analysis.pipeline import rerun

    corpus, notebooks = _corpus(tmp_path), _notebooks(tmp_path)
    out = _staged(tmp_path / "out")
    first = _args(out, corpus, [["n_boot", "1000"]])
    values, _ = run_command.collect_parameters(first)
    write_record(out, run_key(values, notebooks, corpus, out), corpus)
    capsys.readouterr()
    since = f"since the last run into {out}"

    def why(args: argparse.Namespace) -> str:
        values, _ = run_command.collect_parameters(args)
        result = run_command._unchanged_run(args, values, notebooks)
        said = capsys.readouterr().out
        assert isinstance(result, list) == ("Nothing changed" in said)
        return said.strip()

    assert why(first).startswith("Nothing changed since")  # reused, as before
    assert why(_args(out, corpus, [["n_boot", "500"]])) == (
        f"rerunning: parameter n_boot changed (1000 → 500) {since}"
    )
    assert why(_args(out, corpus, [["n_boot", "1000"]], rerun=True)) == (
        "rerunning because of --rerun: code, notebooks, parameters, corpus and packages are "
        f"unchanged {since}"
    )
    for name in ("b.txt", "c.txt"):
        (corpus / name).write_text("A new article.\n", encoding="utf-8")
    assert why(first) == f"rerunning: corpus changed: 2 files added {since}"
    (corpus / "b.txt").unlink()
    (corpus / "c.txt").unlink()
    with monkeypatch.context() as patch:
        patch.setattr(rerun, "package_sha256", lambda: "another")
        said = why(_args(out, corpus, [["n_boot", "500"]]))
    assert said == (
        f"rerunning: parameter n_boot changed (1000 → 500); the package's code changed {since}"
    )
    (out / "figures" / "a.svg").write_text("<svg>edited</svg>", encoding="utf-8")
    assert why(first) == (
        f"rerunning: nothing changed {since}, but 1 of its outputs were changed or removed "
        "(figures/a.svg)"
    )


def test_a_record_without_its_inputs_says_it_cannot_tell_what_changed(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    corpus, notebooks = _corpus(tmp_path), _notebooks(tmp_path)
    out = _staged(tmp_path / "out")
    write_record(out, "a key of an earlier version", corpus)
    args = _args(out, corpus, [])
    values, _ = run_command.collect_parameters(args)
    assert isinstance(run_command._unchanged_run(args, values, notebooks), str)
    said = capsys.readouterr().out
    assert f"rerunning: the record of the last run into {out} does not say what it was" in said
