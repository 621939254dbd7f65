"""Which notebooks a run executes, and which of them share a stage."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.pipeline.notebooks import (
    DEFAULT_NOTEBOOKS,
    default_notebooks_dir,
    list_notebooks,
    other_notebooks,
    plan_stages,
)


def test_independent_notebooks_share_a_stage_and_order_is_kept_elsewhere():
    names = ["01_corpus.ipynb", "02_sentiment.ipynb", "03_framing.ipynb", "04_summary.ipynb"]
    assert plan_stages(names) == [
        ["01_corpus.ipynb"],
        ["02_sentiment.ipynb", "03_framing.ipynb"],
        ["04_summary.ipynb"],
    ]
    assert plan_stages(["02_sentiment.ipynb", "x.ipynb", "03_framing.ipynb"]) == [
        ["02_sentiment.ipynb"],
        ["x.ipynb"],
        ["03_framing.ipynb"],
    ]


def test_notebooks_are_listed_in_name_order_without_hidden_files(tmp_path: Path):
    for name in ("b.ipynb", "a.ipynb", ".a-checkpoint.ipynb", "notes.txt"):
        (tmp_path / name).write_text("{}", encoding="utf-8")
    assert [p.name for p in list_notebooks(tmp_path)] == ["a.ipynb", "b.ipynb"]


def test_a_missing_or_empty_notebooks_folder_is_refused(tmp_path: Path):
    with pytest.raises(FileNotFoundError, match="notebooks folder not found"):
        list_notebooks(tmp_path / "nowhere")
    with pytest.raises(FileNotFoundError, match=r"no notebooks \(\*\.ipynb\)"):
        list_notebooks(tmp_path)


def test_the_default_folder_holds_the_projects_notebooks():
    names = [p.name for p in list_notebooks(default_notebooks_dir())]
    assert names[0] == "01_corpus.ipynb" and names[-1] == "04_summary.ipynb"


def test_in_the_projects_folder_only_the_pipelines_notebooks_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a JupyterLab copy or an experiment saved in notebooks/ ran as a step of the pipeline and
    # wrote into its tables
    from analysis.pipeline import notebooks as module

    project = tmp_path / "notebooks"
    project.mkdir()
    for name in (*DEFAULT_NOTEBOOKS, "03_framing-Copy1.ipynb", "my_experiment.ipynb"):
        (project / name).write_text("{}", encoding="utf-8")
    monkeypatch.setattr(module, "default_notebooks_dir", lambda: project)
    assert [p.name for p in list_notebooks(project)] == list(DEFAULT_NOTEBOOKS)
    assert other_notebooks(project) == ["03_framing-Copy1.ipynb", "my_experiment.ipynb"]
    # any other folder is a pipeline of its own, every notebook in it
    own = tmp_path / "mine"
    own.mkdir()
    for name in ("01_corpus.ipynb", "my_experiment.ipynb"):
        (own / name).write_text("{}", encoding="utf-8")
    assert [p.name for p in list_notebooks(own)] == ["01_corpus.ipynb", "my_experiment.ipynb"]
    assert other_notebooks(own) == []
