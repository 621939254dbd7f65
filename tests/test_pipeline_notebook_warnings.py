"""analysis.pipeline.notebook_warnings: what the notebooks warned about, told to the user."""

from __future__ import annotations

import json
from pathlib import Path

from pipeline_fakes import FakeExecute, run, use_fake_execute, write_corpus, write_pipeline

from analysis.pipeline.notebook_warnings import notebook_warnings, warning_lines

LOAD_WARNING = (
    "/site/analysis/corpus/documents.py:378: UserWarning: corpus: no manifest.csv; their "
    "outlet is 'unknown'.\n  manifest = read_manifest(corpus_dir)\n"
)


def _notebook(path: Path, *streams: tuple[str, str | list[str]]) -> Path:
    cells = [
        {
            "cell_type": "code",
            "outputs": [{"output_type": "stream", "name": name, "text": text}],
        }
        for name, text in streams
    ]
    path.write_text(json.dumps({"cells": [{"cell_type": "markdown"}, *cells]}), encoding="utf-8")
    return path


def test_user_warnings_on_stderr_are_read_once_without_file_and_source_line(tmp_path):
    nb = _notebook(
        tmp_path / "01.ipynb",
        ("stderr", LOAD_WARNING),
        ("stderr", [LOAD_WARNING[:40], LOAD_WARNING[40:]]),  # a stream split in pieces
        ("stdout", "x.py:1: UserWarning: printed, not warned\n"),
        ("stderr", "/lib/pandas.py:9: FutureWarning: a library's own concern\n  call()\n"),
        (
            "stderr",
            "/a.py:5: UserWarning: export.csv: read as cp1252;\nsave it as UTF-8.\n  x = 1\n"
            "/a.py:7: UserWarning: 2 documents left out\n",
        ),
    )
    assert notebook_warnings(nb) == [
        "corpus: no manifest.csv; their outlet is 'unknown'.",
        "export.csv: read as cp1252; save it as UTF-8.",
        "2 documents left out",
    ]


def test_a_font_warning_naming_each_notebook_s_first_figure_is_said_once(tmp_path):
    """A tester's run said "no installed font draws 2 characters" three times, once per
    notebook, each naming its own first figure."""

    def font_warning(figure: str) -> str:
        return (
            "/site/analysis/figures.py:40: UserWarning: no installed font draws 2 characters of "
            f"the figures (📰🔥, first in {figure}); they show as empty boxes.\n  fonts = x\n"
        )

    notebooks = [
        _notebook(tmp_path / f"{name}.ipynb", ("stderr", font_warning(figure)))
        for name, figure in [
            ("01_corpus", "fig01_corpus_size"),
            ("02_sentiment", "fig02_sentence_tone"),
            ("03_framing", "fig07_frame_heatmap"),
        ]
    ]
    other = _notebook(tmp_path / "04.ipynb", ("stderr", font_warning("fig09").replace("2", "1")))
    assert warning_lines([*notebooks, other]) == [
        "warning: no installed font draws 2 characters of the figures (📰🔥, first in "
        "fig01_corpus_size); they show as empty boxes. (01_corpus.ipynb, 02_sentiment.ipynb, "
        "03_framing.ipynb)",
        "warning: no installed font draws 1 characters of the figures (📰🔥, first in fig09); "
        "they show as empty boxes. (04.ipynb)",
    ]


def test_a_notebook_that_cannot_be_read_has_no_warnings(tmp_path):
    (tmp_path / "bad.ipynb").write_text("{not json", encoding="utf-8")
    assert notebook_warnings(tmp_path / "bad.ipynb") == []
    assert notebook_warnings(tmp_path / "missing.ipynb") == []


def test_each_message_is_said_once_naming_the_notebooks_it_came_from(tmp_path):
    first = _notebook(tmp_path / "01_corpus.ipynb", ("stderr", LOAD_WARNING))
    second = _notebook(
        tmp_path / "02_tone.ipynb",
        ("stderr", "/b.py:1: UserWarning: only here\n"),
        ("stderr", LOAD_WARNING),
    )
    assert warning_lines([first, second]) == [
        "warning: corpus: no manifest.csv; their outlet is 'unknown'. "
        "(01_corpus.ipynb, 02_tone.ipynb)",
        "warning: only here (02_tone.ipynb)",
    ]


class WarningExecute(FakeExecute):
    """The fake papermill, whose first notebook shows a warning as a kernel would."""

    def __call__(self, input_path, output_path, parameters, *args, **kwargs) -> None:
        super().__call__(input_path, output_path, parameters, *args, **kwargs)
        if input_path.name.startswith("01"):
            _notebook(output_path, ("stderr", LOAD_WARNING))


def test_a_run_tells_its_user_what_a_notebook_warned_about(tmp_path, monkeypatch):
    from pipeline_fakes import FakeKernels

    from analysis.pipeline import kernels

    monkeypatch.setattr(kernels, "start_kernel", FakeKernels())
    use_fake_execute(monkeypatch, WarningExecute("w"))
    said: list[str] = []
    notebooks, corpus = write_pipeline(tmp_path / "nbs"), write_corpus(tmp_path / "corpus")
    run(notebooks, tmp_path / "out", corpus, log=said.append)
    assert [line for line in said if line.startswith("warning:")] == [
        "warning: corpus: no manifest.csv; their outlet is 'unknown'. (01_corpus.ipynb)"
    ]
