"""The notebook runner: parameter discovery and validation, staging, promotion, failures.

Most tests replace :func:`analysis.pipeline.run.execute_notebook` with a fake that writes outputs
the
way a notebook would, so they run in milliseconds; the tests marked ``slow`` start real kernels
on tiny notebooks written here.
"""

from __future__ import annotations

import argparse
import json
import threading
from pathlib import Path
from typing import Any

import nbformat
import pytest
from papermill.exceptions import PapermillExecutionError

from analysis.commands import run as run_command
from analysis.pipeline import run as runner

PARAMS_01 = 'corpus_dir = "../corpus"\ntables_dir = "../t"\nfigures_dir = "../f"\nseed = 1\n'
PARAMS_02 = (
    'tables_dir = "../t"\nfigures_dir = "../f"\nn_boot: int = 100\nalpha = 0.05\n'
    'group_by = "outlet"\noutlets = None\nlabels: list[str] | None = None\nshow = True\n'
)
PARAMS_03 = 'tables_dir = "../t"\nreports_dir = "../r"\nmethod = "vader"\nseed = 1\n'
PARAMS_04 = 'tables_dir = "../t"\nreports_dir = "../r"\nrun_parameters = {}\n'


def write_notebook(path: Path, parameters: str, body: str = "pass") -> Path:
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell(parameters)
    cell.metadata["tags"] = ["parameters"]
    nb.cells = [nbformat.v4.new_markdown_cell("# test"), cell, nbformat.v4.new_code_cell(body)]
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nbformat.write(nb, path)
    return path


class FakeKernel:
    """Stands in for a warmed kernel: records its notebook and whether it was shut down."""

    def __init__(self, notebook: Path) -> None:
        self.notebook = notebook.name
        self.shut_down = 0
        self.killed = 0

    def kill(self) -> None:
        self.killed += 1

    def shutdown(self) -> None:
        self.shut_down += 1


class FakeKernels:
    """Stands in for :func:`runner.start_kernel`: hands out FakeKernels and keeps them."""

    def __init__(self) -> None:
        self.started: dict[str, FakeKernel] = {}
        self.lock = threading.Lock()

    def __call__(self, notebook: Path, cwd: Path, cancel: Any = None) -> FakeKernel:
        kernel = FakeKernel(notebook)
        with self.lock:
            self.started[notebook.name] = kernel
        return kernel


@pytest.fixture(autouse=True)
def kernels(request, monkeypatch) -> FakeKernels:
    """No real kernel starts in the fast tests (the ``slow`` ones run the real thing)."""
    fake = FakeKernels()
    if request.node.get_closest_marker("slow") is None:
        monkeypatch.setattr(runner, "start_kernel", fake)
    return fake


@pytest.fixture
def notebooks(tmp_path: Path) -> Path:
    folder = tmp_path / "nbs"
    folder.mkdir()
    write_notebook(folder / "01_corpus.ipynb", PARAMS_01)
    write_notebook(folder / "02_sentiment.ipynb", PARAMS_02)
    write_notebook(folder / "03_framing.ipynb", PARAMS_03)
    write_notebook(folder / "04_summary.ipynb", PARAMS_04)
    return folder


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("Headline\nA sentence.\n", encoding="utf-8")
    return folder


class FakeExecute:
    """Stands in for papermill: records calls, writes outputs named after the notebook."""

    def __init__(self, tag: str, fail: dict[str, BaseException] | None = None) -> None:
        self.tag = tag
        self.fail = fail or {}
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.kernels: dict[str, Any] = {}
        self.lock = threading.Lock()

    def __call__(
        self, input_path, output_path, parameters, cwd, timeout, progress_bar, kernel=None
    ) -> None:
        with self.lock:
            self.calls.append((input_path.name, dict(parameters)))
            self.kernels[input_path.name] = kernel
        stem = input_path.stem
        output_path.write_text(json.dumps({"cells": [], "ran": stem}), encoding="utf-8")
        if "figures_dir" in parameters:
            figures = Path(parameters["figures_dir"])
            (figures / f"{stem}_{self.tag}.png").write_bytes(f"png {self.tag}".encode())
            (figures / f"{stem}.svg").write_text(f"<svg>{self.tag}</svg>", encoding="utf-8")
        if "tables_dir" in parameters:
            Path(parameters["tables_dir"], f"{stem}.csv").write_text(f"x\n{self.tag}\n")
        if "reports_dir" in parameters and stem.startswith("04"):
            Path(parameters["reports_dir"], "summary.md").write_text(f"# {self.tag}\n")
        if input_path.name in self.fail:
            raise self.fail[input_path.name]


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


def run(notebooks: Path, out: Path, corpus: Path, **values: Any) -> runner.RunResult:
    return runner.run_pipeline(
        {"corpus_dir": str(corpus), **values},
        out_dir=out,
        notebooks_dir=notebooks,
        progress=False,
        log=lambda _: None,
    )


# ------------------------------------------------------------------ parameters


def test_discovery_unions_parameters_with_types_from_defaults_and_annotations(notebooks):
    schema = runner.discover_parameters(runner.list_notebooks(notebooks))
    assert schema["n_boot"].type_name == "int"
    assert schema["alpha"].type_name == "float"
    assert schema["show"].type_name == "bool"
    assert schema["method"].type_name == "str"
    assert schema["labels"].type_name == "list" and schema["labels"].nullable
    assert schema["outlets"].type_name == "any" and schema["outlets"].nullable
    assert schema["seed"].notebooks == ("01_corpus.ipynb", "03_framing.ipynb")
    assert schema["tables_dir"].notebooks == (
        "01_corpus.ipynb",
        "02_sentiment.ipynb",
        "03_framing.ipynb",
        "04_summary.ipynb",
    )


def test_validation_converts_command_line_text_to_the_declared_types(notebooks, tmp_path):
    schema = runner.discover_parameters(runner.list_notebooks(notebooks))
    raw = {"n_boot": "500", "alpha": "1", "method": "007", "labels": "a, b", "show": "false"}
    values = {k: runner.parse_cli_value(v) for k, v in raw.items()}
    checked = runner.validate_parameters(values, schema, raw)
    assert checked == {
        "n_boot": 500,
        "alpha": 1.0,
        "method": "007",
        "labels": ["a", "b"],
        "show": False,
    }
    relative = runner.validate_parameters({"corpus_dir": "data"}, schema, base_dir=tmp_path)
    assert relative["corpus_dir"] == str((tmp_path / "data").resolve())


def test_unknown_and_wrongly_typed_parameters_are_all_refused_with_the_valid_names(notebooks):
    schema = runner.discover_parameters(runner.list_notebooks(notebooks))
    with pytest.raises(runner.ParameterError) as err:
        runner.validate_parameters(
            {"n_bot": 5, "n_boot": "many", "show": 1, "figures_dir": "/x"},
            schema,
            {"n_boot": "many"},
        )
    message = str(err.value)
    assert "unknown parameter 'n_bot'" in message
    assert "'n_boot' expects int" in message
    assert "'show' expects bool" in message
    assert "'figures_dir' is set by --out" in message
    assert "valid names: alpha, corpus_dir, group_by" in message
    assert "figures_dir" not in message.split("valid names:")[1]


def test_null_is_refused_for_a_parameter_whose_default_is_not_none(notebooks):
    schema = runner.discover_parameters(runner.list_notebooks(notebooks))
    assert runner.validate_parameters({"outlets": None}, schema) == {"outlets": None}
    with pytest.raises(runner.ParameterError, match="'seed' expects int, got null"):
        runner.validate_parameters({"seed": None}, schema)


def test_parameter_file_must_hold_a_mapping(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text("n_boot: 50\nmethod: vader-news\n", encoding="utf-8")
    assert runner.load_parameter_file(path) == {"n_boot": 50, "method": "vader-news"}
    path.write_text("- a\n- b\n", encoding="utf-8")
    with pytest.raises(runner.ParameterError, match="mapping"):
        runner.load_parameter_file(path)


def test_independent_notebooks_share_a_stage_and_order_is_kept_elsewhere():
    names = ["01_corpus.ipynb", "02_sentiment.ipynb", "03_framing.ipynb", "04_summary.ipynb"]
    assert runner.plan_stages(names) == [
        ["01_corpus.ipynb"],
        ["02_sentiment.ipynb", "03_framing.ipynb"],
        ["04_summary.ipynb"],
    ]
    assert runner.plan_stages(["02_sentiment.ipynb", "x.ipynb", "03_framing.ipynb"]) == [
        ["02_sentiment.ipynb"],
        ["x.ipynb"],
        ["03_framing.ipynb"],
    ]


# ------------------------------------------------------------------ runs (fake papermill)


def test_successful_run_promotes_outputs_and_passes_only_declared_parameters(
    notebooks, corpus, tmp_path, monkeypatch
):
    fake = FakeExecute("first")
    monkeypatch.setattr(runner, "execute_notebook", fake)
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
    assert [p.name for p in (out / "reports").iterdir() if p.name.startswith(".")] == []
    assert set(result.seconds) == {p.name for p in notebooks.iterdir()}
    assert "reports/tables/" in result.report()


def test_rerun_replaces_every_old_output_and_keeps_foreign_files(
    notebooks, corpus, tmp_path, monkeypatch
):
    out = tmp_path / "out"
    monkeypatch.setattr(runner, "execute_notebook", FakeExecute("first"))
    run(notebooks, out, corpus)
    (out / "figures" / "notes.txt").write_text("mine", encoding="utf-8")
    (out / "reports" / "tables" / "stale.csv").write_text("old\n", encoding="utf-8")
    monkeypatch.setattr(runner, "execute_notebook", FakeExecute("second"))
    run(notebooks, out, corpus)
    assert not (out / "figures" / "01_corpus_first.png").exists()
    assert (out / "figures" / "01_corpus_second.png").exists()
    assert not (out / "reports" / "tables" / "stale.csv").exists()
    assert (out / "figures" / "notes.txt").read_text() == "mine"
    assert (out / "reports" / "summary.md").read_text() == "# second\n"


def test_failing_cell_names_notebook_and_cell_and_leaves_live_outputs_untouched(
    notebooks, corpus, tmp_path, monkeypatch
):
    out = tmp_path / "out"
    monkeypatch.setattr(runner, "execute_notebook", FakeExecute("first"))
    run(notebooks, out, corpus)
    before = snapshot(out)
    error = PapermillExecutionError(5, 4, "1/0", "ZeroDivisionError", "division by zero", [])
    monkeypatch.setattr(
        runner, "execute_notebook", FakeExecute("second", {"03_framing.ipynb": error})
    )
    with pytest.raises(runner.NotebookFailed) as err:
        run(notebooks, out, corpus)
    message = str(err.value)
    assert message.startswith("Notebook 03_framing.ipynb failed in cell 5 (execution count 4)")
    assert "ZeroDivisionError: division by zero" in message
    partial = out / "reports" / "failed" / "03_framing.ipynb"
    assert str(partial) in message and partial.is_file()
    after = snapshot(out)
    del after["reports/failed/03_framing.ipynb"]
    assert after == before


def test_interrupted_run_leaves_previous_outputs_byte_identical(
    notebooks, corpus, tmp_path, monkeypatch
):
    out = tmp_path / "out"
    monkeypatch.setattr(runner, "execute_notebook", FakeExecute("first"))
    run(notebooks, out, corpus)
    before = snapshot(out)
    fake = FakeExecute("second", {"02_sentiment.ipynb": KeyboardInterrupt()})
    monkeypatch.setattr(runner, "execute_notebook", fake)
    with pytest.raises(KeyboardInterrupt):
        run(notebooks, out, corpus)
    assert "04_summary.ipynb" not in [name for name, _ in fake.calls]
    after = snapshot(out)
    after.pop("reports/failed/02_sentiment.ipynb")
    assert after == before


def test_failure_while_promoting_rolls_back_to_the_previous_outputs(
    notebooks, corpus, tmp_path, monkeypatch
):
    out = tmp_path / "out"
    monkeypatch.setattr(runner, "execute_notebook", FakeExecute("first"))
    run(notebooks, out, corpus)
    before = snapshot(out)
    monkeypatch.setattr(runner, "execute_notebook", FakeExecute("second"))
    calls = {"n": 0}
    real_move = runner._move

    def flaky_move(src: Path, dst: Path) -> None:
        calls["n"] += 1
        if calls["n"] == 9:  # after the old files went aside and some new ones came in
            raise OSError("disk full")
        real_move(src, dst)

    monkeypatch.setattr(runner, "_move", flaky_move)
    with pytest.raises(OSError, match="disk full"):
        run(notebooks, out, corpus)
    assert calls["n"] == 9
    assert snapshot(out) == before


def test_first_run_failure_creates_no_outputs(notebooks, corpus, tmp_path, monkeypatch):
    out = tmp_path / "out"
    error = PapermillExecutionError(2, 1, "x", "NameError", "name 'x' is not defined", [])
    monkeypatch.setattr(runner, "execute_notebook", FakeExecute("a", {"01_corpus.ipynb": error}))
    with pytest.raises(runner.NotebookFailed, match=r"01_corpus\.ipynb failed in cell 2"):
        run(notebooks, out, corpus)
    assert not (out / "figures").exists()
    assert sorted(p.name for p in (out / "reports").iterdir()) == ["failed"]


def test_missing_corpus_is_refused_before_any_notebook_starts(notebooks, tmp_path, monkeypatch):
    fake = FakeExecute("a")
    monkeypatch.setattr(runner, "execute_notebook", fake)
    with pytest.raises(runner.ParameterError, match="corpus not found"):
        run(notebooks, tmp_path / "out", tmp_path / "nowhere")
    assert fake.calls == []


# ------------------------------------------------------------------ the command


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    run_command.add_arguments(parser)
    return parser.parse_args(argv)


def test_command_refuses_bad_parameters_before_running_anything(
    notebooks, tmp_path, monkeypatch, capsys
):
    fake = FakeExecute("a")
    monkeypatch.setattr(runner, "execute_notebook", fake)
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
    monkeypatch.setattr(runner, "execute_notebook", fake)
    params = tmp_path / "p.yaml"
    params.write_text("n_boot: 50\nalpha: 0.1\n", encoding="utf-8")
    args = parse(
        [
            "--notebooks", str(notebooks), "--corpus", str(corpus), "--out", str(tmp_path / "o"),
            "-f", str(params), "-p", "n_boot", "60", "--group-by", "origin",
            "--method", "vader-news", "--no-progress",
        ]
    )  # fmt: skip
    assert run_command.main(args) == 0
    sent = dict(fake.calls)["02_sentiment.ipynb"]
    assert sent["n_boot"] == 60 and sent["alpha"] == 0.1 and sent["group_by"] == "origin"
    assert dict(fake.calls)["03_framing.ipynb"]["method"] == "vader-news"
    assert "Time per notebook" in capsys.readouterr().out


def test_command_reports_a_failed_notebook_with_exit_code_1(
    notebooks, corpus, tmp_path, monkeypatch, capsys
):
    error = PapermillExecutionError(3, 2, "x", "ValueError", "bad input", [])
    monkeypatch.setattr(runner, "execute_notebook", FakeExecute("a", {"02_sentiment.ipynb": error}))
    args = parse(["--notebooks", str(notebooks), "--corpus", str(corpus), "--out", str(tmp_path)])
    assert run_command.main(args) == 1
    err = capsys.readouterr().err
    assert "Notebook 02_sentiment.ipynb failed in cell 3" in err and "ValueError: bad input" in err


# ------------------------------------------------------------------ real kernels


@pytest.mark.slow
def test_real_kernel_failure_is_reported_with_cell_and_partial_notebook(tmp_path, corpus):
    folder = tmp_path / "real"
    folder.mkdir()
    write_notebook(
        folder / "01_ok.ipynb",
        PARAMS_01,
        "import os, sys\nfrom pathlib import Path\n"
        "Path(figures_dir, 'cwd.txt').write_text(os.getcwd() + '\\n' + sys.executable)",
    )
    write_notebook(folder / "02_bad.ipynb", 'tables_dir = "x"\n', "raise ValueError('no data')")
    out = tmp_path / "out"
    (out / "reports").mkdir(parents=True)
    (out / "reports" / "summary.md").write_text("previous\n", encoding="utf-8")
    with pytest.raises(runner.NotebookFailed) as err:
        runner.run_pipeline(
            {"corpus_dir": str(corpus)}, out, folder, progress=False, log=lambda _: None
        )
    assert "Notebook 02_bad.ipynb failed in cell" in str(err.value)
    assert "ValueError: no data" in str(err.value)
    partial = out / "reports" / "failed" / "02_bad.ipynb"
    assert partial.is_file() and "no data" in partial.read_text(encoding="utf-8")
    assert (out / "reports" / "summary.md").read_text(encoding="utf-8") == "previous\n"
    assert not (out / "figures").exists()


@pytest.mark.slow
def test_real_kernel_runs_this_python_in_the_notebooks_folder(tmp_path, corpus):
    import sys

    folder = tmp_path / "real"
    folder.mkdir()
    write_notebook(
        folder / "01_ok.ipynb",
        PARAMS_01,
        "import os, sys\nfrom pathlib import Path\n"
        "Path(figures_dir, 'README.md').write_text(os.getcwd() + '\\n' + sys.executable"
        " + '\\n' + os.environ['MPLBACKEND'])",
    )
    out = tmp_path / "out"
    runner.run_pipeline({"corpus_dir": str(corpus)}, out, folder, progress=False, log=print)
    cwd, executable, backend = (out / "figures" / "README.md").read_text().splitlines()
    assert Path(cwd) == folder.resolve()
    assert Path(executable) == Path(sys.executable)
    assert backend == "Agg"


def test_staging_starts_from_the_live_cache_and_promotes_it(
    notebooks, corpus, tmp_path, monkeypatch
):
    out = tmp_path / "out"
    entry = out / "reports" / "cache" / "abc123"
    entry.mkdir(parents=True)
    (entry / "sentences.parquet").write_bytes(b"cached")
    seen = {}

    def fake(input_path, output_path, parameters, cwd, timeout, progress_bar, kernel=None):
        output_path.write_text("{}", encoding="utf-8")
        staged_cache = Path(parameters["tables_dir"]).parent / "cache"
        seen[input_path.name] = (staged_cache / "abc123" / "sentences.parquet").read_bytes()
        if input_path.name == "01_corpus.ipynb":
            (staged_cache / "def456").mkdir()

    monkeypatch.setattr(runner, "execute_notebook", fake)
    run(notebooks, out, corpus)
    assert set(seen.values()) == {b"cached"}
    assert sorted(p.name for p in (out / "reports" / "cache").iterdir()) == ["abc123", "def456"]


def test_run_parameters_say_so_when_notebooks_default_differently(notebooks):
    schema = runner.discover_parameters(runner.list_notebooks(notebooks))
    assert runner.run_parameters({}, schema)["seed"] == 1  # same default in 01 and 03
    write_notebook(notebooks / "03_framing.ipynb", PARAMS_03.replace("seed = 1", "seed = 5"))
    schema = runner.discover_parameters(runner.list_notebooks(notebooks))
    shown = runner.run_parameters({}, schema)["seed"]
    assert shown == "1 in 01_corpus.ipynb; 5 in 03_framing.ipynb"
    assert runner.run_parameters({"seed": 9}, schema)["seed"] == 9


# ------------------------------------------------------------------ warm kernels (fake)


def test_every_notebook_runs_on_its_own_warmed_kernel_and_every_kernel_is_shut_down(
    notebooks, corpus, tmp_path, monkeypatch, kernels
):
    fake = FakeExecute("a")
    monkeypatch.setattr(runner, "execute_notebook", fake)
    run(notebooks, tmp_path / "out", corpus)
    names = sorted(p.name for p in notebooks.iterdir())
    assert sorted(kernels.started) == names
    for name in names:
        assert fake.kernels[name] is kernels.started[name]
        assert kernels.started[name].shut_down == 1
        assert kernels.started[name].killed == 0


def test_warm_ups_start_in_run_order(notebooks, corpus, tmp_path, monkeypatch, kernels):
    monkeypatch.setattr(runner, "WARMUP_SLOTS", 1)
    order: list[str] = []

    def start(notebook, cwd, cancel=None):
        order.append(notebook.name)
        return kernels(notebook, cwd, cancel)

    monkeypatch.setattr(runner, "start_kernel", start)
    monkeypatch.setattr(runner, "execute_notebook", FakeExecute("a"))
    plan = [["03_framing.ipynb"], ["01_corpus.ipynb", "02_sentiment.ipynb"], ["04_summary.ipynb"]]
    runner.run_pipeline(
        {"corpus_dir": str(corpus)}, tmp_path / "out", notebooks, plan, progress=False,
        log=lambda _: None,
    )  # fmt: skip
    assert order == [name for stage in plan for name in stage]


def test_a_kernel_that_fails_to_warm_up_is_left_to_papermill(
    notebooks, corpus, tmp_path, monkeypatch, kernels
):
    def start(notebook, cwd, cancel=None):
        if notebook.name == "03_framing.ipynb":
            raise RuntimeError("kernel died during start-up")
        return kernels(notebook, cwd, cancel)

    monkeypatch.setattr(runner, "start_kernel", start)
    fake = FakeExecute("a")
    monkeypatch.setattr(runner, "execute_notebook", fake)
    run(notebooks, tmp_path / "out", corpus)
    assert fake.kernels["03_framing.ipynb"] is None
    assert fake.kernels["02_sentiment.ipynb"] is kernels.started["02_sentiment.ipynb"]


def test_after_a_failure_no_later_notebook_runs_and_every_kernel_is_shut_down(
    notebooks, corpus, tmp_path, monkeypatch, kernels
):
    error = PapermillExecutionError(3, 2, "x", "ValueError", "bad input", [])
    fake = FakeExecute("a", {"02_sentiment.ipynb": error})
    monkeypatch.setattr(runner, "execute_notebook", fake)
    with pytest.raises(runner.NotebookFailed, match="02_sentiment"):
        run(notebooks, tmp_path / "out", corpus)
    executed = {name for name, _ in fake.calls}
    assert "04_summary.ipynb" not in executed  # 03, its stage-mate, may or may not have begun
    assert all(k.shut_down == 1 for k in kernels.started.values())


def test_interrupt_kills_the_running_kernels_and_shuts_every_kernel_down(
    notebooks, corpus, tmp_path, monkeypatch, kernels
):
    framing_started = threading.Event()
    framing_ended: list[str] = []

    def execute(input_path, output_path, parameters, cwd, timeout, progress_bar, kernel=None):
        output_path.write_text("{}", encoding="utf-8")
        if input_path.name == "03_framing.ipynb":  # a long cell, ended by killing its kernel
            framing_started.set()
            for _ in range(1000):
                if kernel.killed:
                    framing_ended.append("killed")
                    raise RuntimeError("Kernel died")
                threading.Event().wait(0.01)
            framing_ended.append("ran to the end")
        if input_path.name == "02_sentiment.ipynb":
            assert framing_started.wait(5)
            raise KeyboardInterrupt

    monkeypatch.setattr(runner, "execute_notebook", execute)
    with pytest.raises(KeyboardInterrupt):
        run(notebooks, tmp_path / "out", corpus)
    assert framing_ended == ["killed"]
    assert kernels.started["03_framing.ipynb"].killed == 1
    assert kernels.started["01_corpus.ipynb"].killed == 0  # it had finished
    assert all(k.shut_down == 1 for k in kernels.started.values())
    failed = tmp_path / "out" / "reports" / "failed"
    assert sorted(p.name for p in failed.iterdir()) == ["02_sentiment.ipynb", "03_framing.ipynb"]


def test_notebook_imports_lists_modules_in_order_without_magics_or_relative_imports(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("import not_code"),
        nbformat.v4.new_code_cell("%matplotlib inline\nimport json, xml.dom\nx = 1"),
        nbformat.v4.new_code_cell("from email import message\nfrom . import sibling\nimport json"),
        nbformat.v4.new_code_cell("def f(:\n    import broken"),
        nbformat.v4.new_code_cell("if True:\n    import nested_is_not_top_level"),
    ]
    path = tmp_path / "n.ipynb"
    nbformat.write(nb, path)
    assert runner.notebook_imports(path) == ["json", "xml.dom", "email", "email.message"]


def test_warmup_code_imports_modules_skips_the_rest_and_leaves_no_names():
    import sys

    code = runner.warmup_code(["json", "pathlib.Path", "no_such_module_here", "email.message"])
    namespace: dict[str, Any] = {}
    exec(code, namespace)
    assert set(namespace) == {"__builtins__"}
    assert "email.message" in sys.modules and "json" in sys.modules
    assert "no_such_module_here" not in sys.modules


def test_parameter_help_comes_from_the_comment_closing_each_assignment(tmp_path):
    path = write_notebook(
        tmp_path / "p.ipynb",
        'n_boot: int = 100  # bootstrap replicates\nlabels = [\n    "a",\n]  # shown labels\n'
        "seed = 1\n",
    )
    schema = runner.discover_parameters([path])
    assert schema["n_boot"].help == "bootstrap replicates"
    assert schema["labels"].help == "shown labels" and schema["labels"].type_name == "list"
    assert schema["seed"].help == ""


# ------------------------------------------------------------------ warm kernels (real)


@pytest.mark.slow
def test_real_warm_kernel_has_the_notebooks_modules_before_its_first_cell(tmp_path, corpus):
    from jupyter_core.utils import run_sync

    folder = tmp_path / "real"
    folder.mkdir()
    write_notebook(
        folder / "01_ok.ipynb",
        PARAMS_01,
        "import sys\nfrom pathlib import Path\n"
        "Path(figures_dir, 'warm.txt').write_text(str('xml.dom.minidom' in sys.modules))",
    )
    nb = nbformat.read(folder / "01_ok.ipynb", as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell("import xml.dom.minidom"))
    nbformat.write(nb, folder / "01_ok.ipynb")
    started = []
    real_start = runner.start_kernel

    def start(notebook, cwd, cancel=None):
        started.append(real_start(notebook, cwd, cancel))
        return started[-1]

    out = tmp_path / "out"
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(runner, "start_kernel", start)
        runner.run_pipeline({"corpus_dir": str(corpus)}, out, folder, progress=False, log=print)
    assert (out / "figures" / "warm.txt").read_text() == "True"
    executed = json.loads((out / "reports" / "notebooks" / "01_ok.ipynb").read_text())
    counts = [c["execution_count"] for c in executed["cells"] if c["cell_type"] == "code"]
    assert counts == list(range(1, len(counts) + 1))  # the warm-up left no count behind
    assert len(started) == 1
    assert not run_sync(started[0].manager.is_alive)()


@pytest.mark.slow
def test_real_warm_kernel_can_be_killed_and_then_shut_down(tmp_path):
    from jupyter_core.utils import run_sync

    path = write_notebook(tmp_path / "n.ipynb", "x = 1\n", "import json")
    with runner.kernel_environment():
        kernel = runner.start_kernel(path, tmp_path)
        assert run_sync(kernel.manager.is_alive)()
        kernel.kill()
        kernel.shutdown()
        kernel.shutdown()  # a second call does nothing
        assert not run_sync(kernel.manager.is_alive)()


def test_a_corpus_file_is_accepted_and_passed_as_corpus_dir(notebooks, tmp_path, monkeypatch):
    fake = FakeExecute("file")
    monkeypatch.setattr(runner, "execute_notebook", fake)
    corpus_file = tmp_path / "export.jsonl"
    corpus_file.write_text('{"text": "One sentence here.", "outlet": "Daily Ledger"}\n')
    run(notebooks, tmp_path / "out", corpus_file)
    params = dict(fake.calls)
    assert params["01_corpus.ipynb"]["corpus_dir"] == str(corpus_file.resolve())


def test_a_file_of_unknown_format_is_refused_before_any_notebook_starts(
    notebooks, tmp_path, monkeypatch
):
    fake = FakeExecute("a")
    monkeypatch.setattr(runner, "execute_notebook", fake)
    odd = tmp_path / "export.xlsx"
    odd.write_bytes(b"not a corpus")
    with pytest.raises(runner.ParameterError, match="xlsx"):
        run(notebooks, tmp_path / "out", odd)
    assert fake.calls == []


def test_notebook_defaults_match_what_a_plain_run_reports() -> None:
    from analysis.pipeline.run import (
        discover_parameters,
        list_notebooks,
        notebook_defaults,
        run_parameters,
    )

    notebooks = Path(__file__).resolve().parents[1] / "notebooks"
    schema = discover_parameters(list_notebooks(notebooks))
    assert notebook_defaults(notebooks) == run_parameters({}, schema)
    changed = notebook_defaults(notebooks, {"method": "vader-news", "not_a_parameter": 1})
    assert changed["method"] == "vader-news"
    assert "not_a_parameter" not in changed
    assert {"n_perm", "top_terms", "outlets"} <= set(changed)


def test_unknown_outlets_are_refused_before_any_notebook(make_corpus, tmp_path: Path) -> None:
    from analysis.pipeline.run import ParameterError, check_outlets

    folder = make_corpus()
    check_outlets(folder, ["Daily Ledger"])  # known: no error
    check_outlets(folder, [])  # nothing chosen: no error
    with pytest.raises(ParameterError, match=r"\['Nope'\].*valid names: \['Daily Ledger'"):
        check_outlets(folder, ["Daily Ledger", "Nope"])
