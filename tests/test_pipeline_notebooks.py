"""Which notebooks a run executes, and which of them share a stage."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.pipeline.notebooks import default_notebooks_dir, list_notebooks, plan_stages


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
