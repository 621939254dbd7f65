"""A whole run with papermill replaced: staging, parameters per notebook, failures, the corpus.

The scheduling of the notebooks is tested in ``test_pipeline_schedule.py``, promotion in
``test_pipeline_promote.py``; real kernels run in ``test_pipeline_execute.py``.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from papermill.exceptions import PapermillExecutionError
from pipeline_fakes import (
    PARAMS_01,
    FakeExecute,
    FakeKernels,
    run,
    snapshot,
    use_fake_execute,
    use_fake_kernels,
    write_corpus,
    write_notebook,
    write_pipeline,
)

import analysis.pipeline
from analysis.pipeline import run as runner
from analysis.pipeline.execute import NotebookFailed
from analysis.pipeline.notebooks import list_notebooks
from analysis.pipeline.params import ParameterError, discover_parameters
from analysis.pipeline.run import declared_parameters


@pytest.fixture(autouse=True)
def kernels(request, monkeypatch) -> FakeKernels:
    """No real kernel starts in the fast tests (the ``slow`` ones run the real thing)."""
    fake = FakeKernels()
    if request.node.get_closest_marker("slow") is None:
        use_fake_kernels(monkeypatch, fake)
    return fake


@pytest.fixture
def notebooks(tmp_path: Path) -> Path:
    return write_pipeline(tmp_path / "nbs")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return write_corpus(tmp_path / "corpus")


def test_successful_run_promotes_outputs_and_passes_only_declared_parameters(
    notebooks, corpus, tmp_path, monkeypatch
):
    fake = FakeExecute("first")
    use_fake_execute(monkeypatch, fake)
    out = tmp_path / "out"
    result = run(notebooks, out, corpus, n_boot=7, method="vader-news")

    assert fake.calls[0][0] == "01_corpus.ipynb"
    assert fake.calls[-1][0] == "04_summary.ipynb"
    params = dict(fake.calls)
    assert set(params["01_corpus.ipynb"]) == {"corpus_dir", "tables_dir", "figures_dir"}
    assert params["02_sentiment.ipynb"]["n_boot"] == 7
    assert "n_boot" not in params["03_framing.ipynb"]
    assert params["03_framing.ipynb"]["method"] == "vader-news"
    assert Path(params["01_corpus.ipynb"]["tables_dir"]).is_absolute()
    assert params["01_corpus.ipynb"]["corpus_dir"] == str(corpus.resolve())
    run_params = params["04_summary.ipynb"]["run_parameters"]
    assert run_params["n_boot"] == 7 and run_params["alpha"] == 0.05
    assert not any(k.endswith("_dir") for k in run_params)

    assert (out / "figures" / "01_corpus_first.png").read_bytes() == b"png first"
    assert (out / "reports" / "tables" / "02_sentiment.csv").is_file()
    assert (out / "reports" / "notebooks" / "04_summary.ipynb").is_file()
    assert (out / "reports" / "summary.md").read_text() == "# first\n"
    hidden = sorted(p.name for p in (out / "reports").iterdir() if p.name.startswith("."))
    assert hidden == [".analysis-outputs.json"]  # the record only: the lock left with the run
    assert set(result.seconds) == {p.name for p in notebooks.iterdir()}
    assert "reports/tables/" in result.report()


def test_failing_cell_names_notebook_and_cell_and_leaves_live_outputs_untouched(
    notebooks, corpus, tmp_path, monkeypatch
):
    out = tmp_path / "out"
    use_fake_execute(monkeypatch, FakeExecute("first"))
    run(notebooks, out, corpus)
    before = snapshot(out)
    error = PapermillExecutionError(5, 4, "1/0", "ZeroDivisionError", "division by zero", [])
    use_fake_execute(monkeypatch, FakeExecute("second", {"03_framing.ipynb": error}))
    with pytest.raises(NotebookFailed) as err:
        run(notebooks, out, corpus)
    message = str(err.value)
    assert message.startswith("Notebook 03_framing.ipynb failed in cell 5 (execution count 4)")
    assert "ZeroDivisionError: division by zero" in message
    partial = out / "reports" / "failed" / "03_framing.ipynb"
    assert str(partial) in message and partial.is_file()
    after = snapshot(out)
    del after["reports/failed/03_framing.ipynb"]
    del after["reports/failed/.kept-by-analysis.json"]  # the record of the copy kept
    assert after == before


def test_interrupted_run_leaves_previous_outputs_byte_identical(
    notebooks, corpus, tmp_path, monkeypatch
):
    out = tmp_path / "out"
    use_fake_execute(monkeypatch, FakeExecute("first"))
    run(notebooks, out, corpus)
    before = snapshot(out)
    fake = FakeExecute("second", {"02_sentiment.ipynb": KeyboardInterrupt()})
    use_fake_execute(monkeypatch, fake)
    with pytest.raises(KeyboardInterrupt):
        run(notebooks, out, corpus)
    assert "04_summary.ipynb" not in [name for name, _ in fake.calls]
    after = snapshot(out)
    after.pop("reports/failed/02_sentiment.ipynb")
    after.pop("reports/failed/.kept-by-analysis.json")  # the record of the copy kept
    assert after == before


def test_a_failed_run_clears_an_earlier_failed_runs_notebooks(
    notebooks, corpus, tmp_path, monkeypatch
):
    # a data journalist's second interrupted run left the first one's 01_corpus.ipynb in
    # reports/failed/ beside its own, as if this run had failed there too
    out = tmp_path / "out"
    error = PapermillExecutionError(5, 4, "1/0", "ZeroDivisionError", "division by zero", [])
    use_fake_execute(monkeypatch, FakeExecute("first", {"01_corpus.ipynb": error}))
    with pytest.raises(NotebookFailed):
        run(notebooks, out, corpus)
    failed = out / "reports" / "failed"
    assert sorted(p.name for p in failed.iterdir()) == [".kept-by-analysis.json", "01_corpus.ipynb"]
    (failed / "my_notes.txt").write_text("mine\n", encoding="utf-8")
    use_fake_execute(monkeypatch, FakeExecute("second", {"03_framing.ipynb": error}))
    with pytest.raises(NotebookFailed):
        run(notebooks, out, corpus)
    assert sorted(p.name for p in failed.iterdir()) == [
        ".kept-by-analysis.json",
        "03_framing.ipynb",
        "my_notes.txt",
    ]


def test_first_run_failure_creates_no_outputs(notebooks, corpus, tmp_path, monkeypatch):
    out = tmp_path / "out"
    error = PapermillExecutionError(2, 1, "x", "NameError", "name 'x' is not defined", [])
    use_fake_execute(monkeypatch, FakeExecute("a", {"01_corpus.ipynb": error}))
    with pytest.raises(NotebookFailed, match=r"01_corpus\.ipynb failed in cell 2"):
        run(notebooks, out, corpus)
    assert not (out / "figures").exists()
    assert sorted(p.name for p in (out / "reports").iterdir()) == ["failed"]  # no lock left either


def test_missing_corpus_is_refused_before_any_notebook_starts(notebooks, tmp_path, monkeypatch):
    fake = FakeExecute("a")
    use_fake_execute(monkeypatch, fake)
    with pytest.raises(ParameterError, match="corpus not found"):
        run(notebooks, tmp_path / "out", tmp_path / "nowhere")
    assert fake.calls == []


def test_a_corpus_file_is_accepted_and_passed_as_corpus_dir(notebooks, tmp_path, monkeypatch):
    fake = FakeExecute("file")
    use_fake_execute(monkeypatch, fake)
    corpus_file = tmp_path / "export.jsonl"
    corpus_file.write_text('{"text": "One sentence here.", "outlet": "Daily Ledger"}\n')
    run(notebooks, tmp_path / "out", corpus_file)
    params = dict(fake.calls)
    assert params["01_corpus.ipynb"]["corpus_dir"] == str(corpus_file.resolve())


def test_a_file_of_unknown_format_is_refused_before_any_notebook_starts(
    notebooks, tmp_path, monkeypatch
):
    fake = FakeExecute("a")
    use_fake_execute(monkeypatch, fake)
    odd = tmp_path / "export.xml"
    odd.write_bytes(b"not a corpus")
    with pytest.raises(ParameterError, match=r"cannot tell the format .*'.xml'"):
        run(notebooks, tmp_path / "out", odd)
    damaged = tmp_path / "export.xlsx"
    damaged.write_bytes(b"not a workbook")
    with pytest.raises(ParameterError, match=r"export.xlsx: not a readable .xlsx workbook"):
        run(notebooks, tmp_path / "out", damaged)
    assert fake.calls == []


def test_a_corpus_file_without_the_columns_it_needs_is_refused_before_any_notebook_starts(
    notebooks, tmp_path, monkeypatch
):
    fake = FakeExecute("a")
    use_fake_execute(monkeypatch, fake)
    export = tmp_path / "export.csv"
    export.write_text("body,site,link\nOne sentence.,Herald,https://www.cnn.com/a\n")
    with pytest.raises(ParameterError, match=r"no 'text' column.*body, site, link"):
        run(notebooks, tmp_path / "out", export)
    with pytest.raises(ParameterError, match=r"no 'outlet' column.*--map url=COLUMN"):
        run(notebooks, tmp_path / "out", export, column_map="text=body")
    with pytest.raises(ParameterError, match=r"mapping outlet=source names a column"):
        run(notebooks, tmp_path / "out", export, column_map="text=body,outlet=source")
    assert fake.calls == []
    assert not (tmp_path / "out").exists()  # nothing created for a refused run
    run(notebooks, tmp_path / "out", export, column_map="text=body,url=link")  # outlet: cnn.com
    run(notebooks, tmp_path / "out2", export, column_map="text=body,outlet=site")
    assert len(fake.calls) == 2 * len(list_notebooks(notebooks))


def test_each_notebook_is_given_only_the_names_papermill_finds_in_it(notebooks):
    schema = discover_parameters(list_notebooks(notebooks))
    values = {"seed": 3, "n_boot": 9, "tables_dir": "/t", "not_declared": 1}
    assert declared_parameters(values, schema, "01_corpus.ipynb") == {"seed": 3, "tables_dir": "/t"}
    assert declared_parameters(values, schema, "02_sentiment.ipynb") == {
        "n_boot": 9,
        "tables_dir": "/t",
    }
    assert declared_parameters(values, schema, "other.ipynb") == {}


def test_the_entry_points_are_importable_from_the_package():
    assert analysis.pipeline.run_pipeline is runner.run_pipeline
    assert analysis.pipeline.NotebookFailed is NotebookFailed
    assert analysis.pipeline.ParameterError is runner.ParameterError is ParameterError
    assert issubclass(ParameterError, ValueError)


@pytest.mark.slow
def test_a_real_run_passes_papermill_nothing_it_warns_about(tmp_path, corpus, caplog):
    folder = tmp_path / "real"
    folder.mkdir()
    write_notebook(folder / "01_a.ipynb", PARAMS_01)  # declares seed, not reports_dir
    write_notebook(folder / "02_b.ipynb", 'reports_dir = "r"\nn_boot: int = 1\n')
    with caplog.at_level(logging.WARNING):
        runner.run_pipeline(
            {"corpus_dir": str(corpus), "seed": 2, "n_boot": 3},
            tmp_path / "out",
            folder,
            progress=False,
            log=lambda _: None,
        )
    executed = (tmp_path / "out" / "reports" / "notebooks" / "02_b.ipynb").read_text()
    assert "n_boot = 3" in executed
    assert [
        (r.name, r.getMessage()) for r in caplog.records if r.name.startswith("papermill")
    ] == []


def test_a_successful_run_says_which_failed_notebooks_it_removes_and_keeps_changed_ones(
    notebooks, corpus, tmp_path, monkeypatch
):
    """A later successful run removed reports/failed/ without a word, whatever was in it."""
    out = tmp_path / "out"
    error = PapermillExecutionError(5, 4, "1/0", "ZeroDivisionError", "division by zero", [])
    use_fake_execute(monkeypatch, FakeExecute("first", {"01_corpus.ipynb": error}))
    with pytest.raises(NotebookFailed):
        run(notebooks, out, corpus)
    use_fake_execute(monkeypatch, FakeExecute("second", {"03_framing.ipynb": error}))
    with pytest.raises(NotebookFailed):
        run(notebooks, out, corpus)
    failed = out / "reports" / "failed"
    with (failed / "03_framing.ipynb").open("a", encoding="utf-8") as handle:
        handle.write("\n")  # read and annotated since: the user's now
    use_fake_execute(monkeypatch, FakeExecute("third"))
    said: list[str] = []
    run(notebooks, out, corpus, log=said.append)
    assert [p.name for p in failed.iterdir() if not p.name.startswith(".")] == ["03_framing.ipynb"]
    assert any(f"kept 03_framing.ipynb in {failed}" in line for line in said)
    (failed / "03_framing.ipynb").unlink()
    use_fake_execute(monkeypatch, FakeExecute("fourth", {"02_sentiment.ipynb": error}))
    with pytest.raises(NotebookFailed):
        run(notebooks, out, corpus)
    said.clear()
    use_fake_execute(monkeypatch, FakeExecute("fifth"))
    run(notebooks, out, corpus, log=said.append)
    assert not failed.exists()
    assert any(
        line.startswith("removed the partly executed 02_sentiment.ipynb")
        and str(failed) in line
        and "supersede" in line
        for line in said
    )


def test_a_failed_notebook_never_replaces_a_file_of_the_users_with_its_name(
    notebooks, corpus, tmp_path, monkeypatch
):
    out = tmp_path / "out"
    failed = out / "reports" / "failed"
    use_fake_execute(monkeypatch, FakeExecute("first"))
    run(notebooks, out, corpus)
    failed.mkdir()
    (failed / "02_sentiment.ipynb").write_text("my copy\n", encoding="utf-8")
    error = PapermillExecutionError(5, 4, "1/0", "ZeroDivisionError", "division by zero", [])
    use_fake_execute(monkeypatch, FakeExecute("second", {"02_sentiment.ipynb": error}))
    said: list[str] = []
    with pytest.raises(NotebookFailed):
        run(notebooks, out, corpus, log=said.append)
    assert (failed / "02_sentiment.yours.ipynb").read_text(encoding="utf-8") == "my copy\n"
    assert '"ran": "02_sentiment"' in (failed / "02_sentiment.ipynb").read_text(encoding="utf-8")
    assert any("02_sentiment.yours.ipynb" in line for line in said)
