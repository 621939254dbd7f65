"""Benchmarks check their --data and --corpus before any work or timing: a missing path is one
``error:`` line and exit code 2, not a traceback (nor a worker's, nor one after 10 s)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from cli_errors import one_error_line

from analysis.cli import main


@pytest.mark.parametrize("benchmark", ["cleaning", "frames", "tone", "extraction", "persent"])
def test_a_missing_data_folder_is_named(
    benchmark: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing"
    assert main(["bench", benchmark, "--data", str(missing)]) == 2
    assert f"--data {missing}: no such folder" in one_error_line(capsys.readouterr().err)


@pytest.mark.parametrize(
    ("benchmark", "said"),
    [
        ("cleaning", "no ground-truth.json and no html/ in it"),
        ("frames", "neither GVFC_extension_multimodal.csv nor"),
        ("tone", "missing newsmtsc/train.jsonl"),
        ("extraction", "no ground-truth.json in it"),
        ("persent", "no CSV file in it"),
    ],
)
def test_a_data_folder_without_its_files_is_named(
    benchmark: str, said: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["bench", benchmark, "--data", str(tmp_path)]) == 2
    assert said in one_error_line(capsys.readouterr().err)


@pytest.mark.parametrize("benchmark", ["extraction", "persent"])
def test_the_first_benchmarks_take_their_folder_alone_as_before_or_with_data(
    benchmark: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["bench", benchmark, str(tmp_path)]) == 2  # an empty folder, named either way
    alone = one_error_line(capsys.readouterr().err)
    assert main(["bench", benchmark, "--data", str(tmp_path)]) == 2
    assert one_error_line(capsys.readouterr().err) == alone
    assert main(["bench", benchmark]) == 2
    assert "--data is required" in one_error_line(capsys.readouterr().err)
    other = tmp_path / "other"
    other.mkdir()
    assert main(["bench", benchmark, "--data", str(tmp_path), str(other)]) == 2
    assert "give the benchmark folder once" in one_error_line(capsys.readouterr().err)


def test_frames_names_a_missing_codebook(tmp_path: Path, capsys) -> None:
    (tmp_path / "GVFC_extension_multimodal.csv").write_text("headline\n", encoding="utf-8")
    missing = tmp_path / "nope.toml"
    assert main(["bench", "frames", "--data", str(tmp_path), "--codebook", str(missing)]) == 2
    assert f"--codebook {missing}: no such file" in one_error_line(capsys.readouterr().err)


def test_tone_needs_both_phrasebank_files_when_the_folder_is_there(tmp_path: Path) -> None:
    from analysis.bench.tone import REQUIRED_FILES, data_problem

    for name in REQUIRED_FILES:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("", encoding="utf-8")
    assert data_problem(tmp_path) is None
    (tmp_path / "financial_phrasebank").mkdir()
    assert "Sentences_50Agree.txt" in (data_problem(tmp_path) or "")


def test_throughput_names_a_missing_corpus_before_any_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from analysis.bench import throughput

    def started(args):
        raise AssertionError("the benchmark started")

    monkeypatch.setattr(throughput, "run_benchmark", started)
    missing = tmp_path / "nope.csv"
    assert main(["bench", "throughput", "--corpus", str(missing)]) == 2
    assert f"--corpus {missing}: no such file or folder" in one_error_line(capsys.readouterr().err)


def test_throughput_names_a_corpus_file_it_cannot_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from analysis.bench import throughput

    monkeypatch.setattr(throughput, "run_benchmark", lambda args: pytest.fail("started"))
    export = tmp_path / "export.csv"
    pd.DataFrame({"body": ["Talks resumed."], "source": ["Post"]}).to_csv(export, index=False)
    assert main(["bench", "throughput", "--corpus", str(export)]) == 2
    assert "no 'text' column" in one_error_line(capsys.readouterr().err)
    notes = tmp_path / "notes.txt"
    notes.write_text("x", encoding="utf-8")
    assert main(["bench", "throughput", "--corpus", str(notes)]) == 2
    assert "cannot tell the format" in one_error_line(capsys.readouterr().err)


@pytest.mark.parametrize("option", ["--corpus", "--notebooks"])
def test_pipeline_checks_its_paths_before_timing_anything(
    option: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    from analysis.bench import pipeline

    monkeypatch.setattr(pipeline, "time_floor", lambda count, workdir: pytest.fail("timed"))
    missing = tmp_path / "nope"
    assert main(["bench", "pipeline", option, str(missing)]) == 2
    line = one_error_line(capsys.readouterr().err)
    assert line.startswith(f"error: {option}") and "nope" in line
