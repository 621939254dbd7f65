"""``python -m analysis run``: options to parameters, refusals before anything runs, exit codes."""

from __future__ import annotations

import argparse
import subprocess
import sys

import pytest
from papermill.exceptions import PapermillExecutionError
from pipeline_fakes import (
    FakeExecute,
    use_fake_execute,
    write_notebook,
)

from analysis.commands import run as run_command


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    run_command.add_arguments(parser)
    return parser.parse_args(argv)


pytestmark = pytest.mark.usefixtures("kernels")


def test_command_refuses_bad_parameters_before_running_anything(
    notebooks, tmp_path, monkeypatch, capsys
):
    fake = FakeExecute("a")
    use_fake_execute(monkeypatch, fake)
    args = parse(["--notebooks", str(notebooks), "-p", "n_boot", "lots", "-p", "nboot", "5"])
    assert run_command.main(args) == 2
    err = capsys.readouterr().err
    assert "unknown parameter 'nboot'" in err and "'n_boot' expects int" in err
    assert "valid names:" in err
    assert fake.calls == []


def test_command_maps_named_options_and_files_to_parameters(
    notebooks, corpus, tmp_path, monkeypatch, capsys
):
    fake = FakeExecute("a")
    use_fake_execute(monkeypatch, fake)
    params = tmp_path / "p.yaml"
    params.write_text("n_boot: 500\nalpha: 0.1\n", encoding="utf-8")
    args = parse(
        [
            "--notebooks", str(notebooks), "--corpus", str(corpus), "--out", str(tmp_path / "o"),
            "-f", str(params), "-p", "n_boot", "600", "--group-by", "origin",
            "--method", "vader-news", "--no-progress",
        ]
    )  # fmt: skip
    assert run_command.main(args) == 0
    sent = dict(fake.calls)["02_sentiment.ipynb"]
    assert sent["n_boot"] == 600 and sent["alpha"] == 0.1 and sent["group_by"] == "origin"
    assert dict(fake.calls)["03_framing.ipynb"]["method"] == "vader-news"
    assert "Time per notebook" in capsys.readouterr().out


def test_command_reports_a_failed_notebook_with_exit_code_1(
    notebooks, corpus, tmp_path, monkeypatch, capsys
):
    error = PapermillExecutionError(3, 2, "x", "ValueError", "bad input", [])
    use_fake_execute(monkeypatch, FakeExecute("a", {"02_sentiment.ipynb": error}))
    args = parse(["--notebooks", str(notebooks), "--corpus", str(corpus), "--out", str(tmp_path)])
    assert run_command.main(args) == 1
    err = capsys.readouterr().err
    assert "Notebook 02_sentiment.ipynb failed in cell 3" in err and "ValueError: bad input" in err


def test_a_failed_first_run_does_not_speak_of_previous_outputs(
    notebooks, corpus, tmp_path, monkeypatch, capsys
):
    # a tester's first run into a new folder failed and was told "The previous outputs were
    # left unchanged" of a folder that had none
    error = PapermillExecutionError(3, 2, "x", "ValueError", "bad input", [])
    argv = ["--notebooks", str(notebooks), "--corpus", str(corpus), "--out", str(tmp_path / "o")]
    use_fake_execute(monkeypatch, FakeExecute("a", {"02_sentiment.ipynb": error}))
    assert run_command.main(parse([*argv, "--no-progress"])) == 1
    err = capsys.readouterr().err
    assert "previous outputs" not in err and "No figures or tables were written" in err
    use_fake_execute(monkeypatch, FakeExecute("a"))
    assert run_command.main(parse([*argv, "--no-progress"])) == 0
    capsys.readouterr()
    use_fake_execute(monkeypatch, FakeExecute("b", {"02_sentiment.ipynb": error}))
    assert run_command.main(parse([*argv, "--no-progress", "--rerun"])) == 1
    err = capsys.readouterr().err
    assert "The previous outputs were left unchanged." in err and "No figures" not in err


def test_list_parameters_shows_each_parameter_with_type_default_notebooks_and_help(
    tmp_path, monkeypatch, capsys
):
    fake = use_fake_execute(monkeypatch, FakeExecute("a"))
    folder = tmp_path / "nbs"
    folder.mkdir()
    write_notebook(folder / "01_a.ipynb", "outlets = []  # outlets to keep\nn_boot: int = 5\n")
    write_notebook(folder / "02_b.ipynb", "n_boot = 7  # replicates\n")
    assert run_command.main(parse(["--notebooks", str(folder), "--list-parameters"])) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"Parameters of the notebooks in {folder}:"
    assert lines[1].split() == [
        "n_boot", "int", "default", "5", "in", "01_a.ipynb,", "02_b.ipynb", "#", "replicates",
    ]  # fmt: skip
    assert lines[2].split() == [
        "outlets", "list", "default", "[]", "in", "01_a.ipynb", "#", "outlets", "to", "keep",
    ]  # fmt: skip
    assert fake.calls == []


def test_the_command_imports_nltk_without_its_extras_which_stay_importable():
    code = (
        "import sys\n"
        "from analysis.nltk_import import import_nltk_lean\n"
        "import_nltk_lean()\n"
        "print('nltk' in sys.modules, 'scipy.stats' in sys.modules, 'sklearn' in sys.modules)\n"
        "import scipy.stats, sklearn\n"
        "print(scipy.stats.norm.cdf(0))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.split() == ["True", "False", "False", "0.5"]


def test_a_folder_without_articles_is_refused_before_any_notebook(
    notebooks, tmp_path, monkeypatch, capsys
):
    fake = FakeExecute("a")
    use_fake_execute(monkeypatch, fake)
    folder = tmp_path / "empty"
    folder.mkdir()
    (folder / "notes.odt").write_text("Read me first.", "utf-8")
    out = tmp_path / "o"
    args = parse(["--notebooks", str(notebooks), "--corpus", str(folder), "--out", str(out)])
    assert run_command.main(args) == 2
    err = capsys.readouterr().err
    assert (
        "no articles: the folder holds no .txt, .md, .html, .htm, .mhtml, .webarchive, .docx "
        "or .rtf files (nor such files gzip-compressed, .html.gz) and no export files" in err
    )
    assert fake.calls == [] and not out.exists()


def test_notebooks_in_the_projects_folder_that_are_not_the_pipelines_are_named(
    tmp_path, monkeypatch, capsys
):
    from analysis.pipeline import notebooks as module

    use_fake_execute(monkeypatch, FakeExecute("a"))
    project = tmp_path / "notebooks"
    project.mkdir()
    write_notebook(project / "01_corpus.ipynb", "n_boot = 5\n")
    write_notebook(project / "01_corpus-Copy1.ipynb", "n_boot = 5\nextra = 1\n")
    monkeypatch.setattr(module, "default_notebooks_dir", lambda: project)
    assert run_command.main(parse(["--notebooks", str(project), "--list-parameters"])) == 0
    captured = capsys.readouterr()
    assert "01_corpus-Copy1.ipynb" in captured.err and "are not run" in captured.err
    assert "extra" not in captured.out  # the copy's parameters are not the pipeline's


def test_a_parameter_given_twice_with_different_values_is_noted_with_the_winner(tmp_path):
    """A tester's ``--method vader-news -p method vader`` ran vader-news without a word."""
    params = tmp_path / "params.yaml"
    params.write_text("n_boot: 500\nmethod: vader-news\n", encoding="utf-8")
    args = parse(
        ["-f", str(params), "-p", "n_boot", "700", "--method", "vader", "-p", "seed", "3",
         "--group-by", "lean", "-p", "group_by", "lean"]
    )  # fmt: skip
    lines = run_command.overridden_values(args)
    assert lines == [
        f"note: -p n_boot 700 is used, not n_boot: 500 in {params}",
        f"note: --method vader is used, not method: vader-news in {params}",
    ]  # the same value twice (group_by) is no conflict
    values, _ = run_command.collect_parameters(args)
    assert values["n_boot"] == 700 and values["method"] == "vader"


def test_a_negative_timeout_is_refused_and_zero_is_no_limit(capsys):
    """A tester's ``--timeout -1`` was taken without a word."""
    assert parse(["--timeout", "0"]).timeout == 0
    assert parse(["--timeout", "90"]).timeout == 90
    with pytest.raises(SystemExit):
        parse(["--timeout", "-1"])
    assert "must be 0 (no limit) or more seconds, got -1" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        parse(["--timeout", "ten"])
    assert "expected whole seconds, got 'ten'" in capsys.readouterr().err
