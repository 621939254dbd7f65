"""A missing or empty corpus, and an --out that is a file: one ``error:`` line and exit code 2
from `corpus`, `code-sample` and `codebook check`, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_errors import one_error_line

from analysis.cli import main

CODEBOOK = """\
[[frames]]
key = "pollution"
label = "Pollution"
type = "issue"
definition = "Presents the river as polluted: sewage, spills, plastic."
indicators = ["pollution", "sewage", "spill"]
exclusions = []
"""


@pytest.fixture
def codebook(tmp_path: Path) -> Path:
    path = tmp_path / "cb.toml"
    path.write_text(CODEBOOK, encoding="utf-8")
    return path


@pytest.mark.parametrize("given", ["missing", "../missing", "nothere/export.csv"])
def test_corpus_names_a_missing_corpus_as_given(
    given: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    assert main(["corpus", "--corpus", given, "--out", "out"]) == 2
    line = one_error_line(capsys.readouterr().err)
    assert f"--corpus {given}: no such file or folder" in line
    assert not (work / "out").exists()


def test_code_sample_names_a_missing_corpus(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["code-sample", "--corpus", "../missing", "--out", "sheet.csv"]) == 2
    assert "--corpus ../missing: no such file or folder" in one_error_line(capsys.readouterr().err)
    assert not (tmp_path / "sheet.csv").exists()


def test_codebook_check_names_a_missing_corpus(
    codebook: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["codebook", "check", str(codebook), "--corpus", "../nothere"]) == 2
    captured = capsys.readouterr()
    assert captured.out.startswith("ok: 1 frames")  # the codebook itself was checked
    assert "--corpus ../nothere: no such file or folder" in one_error_line(captured.err)


def test_a_relative_corpus_is_not_looked_up_under_the_project_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--corpus seeds` run where there is no seeds/ must not read the project's seeds."""
    monkeypatch.chdir(tmp_path)  # no seeds/ here; the project root has one
    assert main(["corpus", "--corpus", "seeds", "--out", "out"]) == 2
    line = one_error_line(capsys.readouterr().err)
    assert "--corpus seeds: no such file or folder" in line and str(tmp_path) in line
    assert not (tmp_path / "out").exists()
    assert main(["code-sample", "--corpus", "seeds", "--out", "s.csv", "--n", "1"]) == 2
    assert "--corpus seeds: no such file or folder" in capsys.readouterr().err
    assert not (tmp_path / "s.csv").exists()


@pytest.mark.parametrize(
    ("content", "said"),
    [
        ("doc_id,text,outlet\n", "has a header but no rows"),
        ("doc_id,text,outlet\na,,X\nb, ,Y\n", "all 2 row(s) have an empty text"),
    ],
)
def test_a_corpus_file_without_documents_is_a_clean_error(
    content: str, said: str, codebook: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = tmp_path / "headeronly.csv"
    export.write_text(content, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["corpus", "--corpus", str(export), "--out", str(out)]) == 2
    assert said in one_error_line(capsys.readouterr().err)
    assert not (out / "reports" / "tables" / "documents.csv").exists()
    assert main(["codebook", "check", str(codebook), "--corpus", str(export)]) == 2
    assert said in one_error_line(capsys.readouterr().err)


def test_corpus_refuses_an_out_that_is_a_file(
    make_corpus, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "afile"
    out.write_text("mine\n", encoding="utf-8")
    assert main(["corpus", "--corpus", str(make_corpus()), "--out", str(out)]) == 2
    line = one_error_line(capsys.readouterr().err)
    assert f"--out {out}" in line and "is not a folder" in line
    assert out.read_text(encoding="utf-8") == "mine\n"  # never touched


def test_corpus_refuses_an_out_whose_reports_is_a_file(
    make_corpus, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "reports").write_text("mine\n", encoding="utf-8")
    assert main(["corpus", "--corpus", str(make_corpus()), "--out", str(out)]) == 2
    assert "reports exists and is not a folder" in one_error_line(capsys.readouterr().err)


def test_corpus_reports_a_bad_codebook_in_one_line(
    make_corpus, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("garbage = [\n", encoding="utf-8")
    corpus = str(make_corpus())
    assert (
        main(["corpus", "--corpus", corpus, "--out", str(tmp_path / "o"), "--codebook", str(bad)])
        == 2
    )
    assert "not valid TOML" in one_error_line(capsys.readouterr().err)
    missing = tmp_path / "nope.toml"
    assert (
        main(
            ["corpus", "--corpus", corpus, "--out", str(tmp_path / "o"), "--codebook", str(missing)]
        )
        == 2
    )
    assert "nope.toml" in one_error_line(capsys.readouterr().err)


def test_corpus_refuses_a_runs_output_folder_and_a_folder_a_run_is_writing_to(
    make_corpus, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A tester's `corpus` into a run's --out, while it ran, left documents.csv of one corpus
    beside the summary of another, and the run's tables set aside as "yours"."""
    import subprocess
    import sys

    from analysis.outputs import LOCK, MANIFEST

    out = tmp_path / "out"
    reports = out / "reports"
    reports.mkdir(parents=True)
    (reports / MANIFEST).write_text("{}", encoding="utf-8")  # a run wrote here
    assert main(["corpus", "--corpus", str(make_corpus()), "--out", str(out)]) == 2
    line = one_error_line(capsys.readouterr().err)
    assert "holds the outputs of `python -m analysis run`" in line
    assert not (reports / "tables").exists()
    (reports / MANIFEST).unlink()
    # a first run writing there now: its lock is held by another process
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import fcntl, os, sys, time; fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT);"
         " fcntl.flock(fd, fcntl.LOCK_EX); print('held', flush=True); time.sleep(30)",
         str(reports / LOCK)],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        assert main(["corpus", "--corpus", str(make_corpus()), "--out", str(out)]) == 2
        assert "is writing to" in one_error_line(capsys.readouterr().err)
        assert not (reports / "tables" / "documents.csv").exists()
    finally:
        holder.kill()
        holder.wait()
    assert main(["corpus", "--corpus", str(make_corpus()), "--out", str(out)]) == 0  # released
    assert (reports / "tables" / "documents.csv").is_file()


def test_corpus_with_no_document_left_after_cleaning_is_an_error_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A tester's export of numbers in its text column printed "0 documents" and exited 0."""
    import pandas as pd

    path = tmp_path / "ints.csv"
    pd.DataFrame({"doc_id": [0, 1], "outlet": ["A", "B"], "text": [0, 1]}).to_csv(path, index=False)
    out = tmp_path / "out"
    assert main(["corpus", "--corpus", str(path), "--out", str(out)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[-1].startswith("error: ") and "no document has text left after cleaning" in err[-1]
    assert "Traceback" not in "\n".join(err)
    assert not (out / "reports" / "tables" / "documents.csv").exists()
