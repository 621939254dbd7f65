"""line_buffered_output: a run's lines reach a log file as they are printed."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

from analysis.cli import line_buffered_output


def test_both_streams_write_each_line(monkeypatch) -> None:
    out, err = io.TextIOWrapper(io.BytesIO()), io.TextIOWrapper(io.BytesIO())
    assert not out.line_buffering and not err.line_buffering
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    line_buffered_output()
    assert out.line_buffering and err.line_buffering


def test_python_m_analysis_output_to_a_file_is_line_buffered(tmp_path: Path) -> None:
    # a tester's log file stayed empty for the 15 minutes of a run
    code = (
        "import runpy, sys; sys.argv = ['analysis', '--help'];"
        "import analysis.cli as cli; cli.main = lambda: "
        "print('buffered' if not sys.stdout.line_buffering else 'lines') or 0;"
        "runpy.run_module('analysis', run_name='__main__')"
    )
    log = tmp_path / "log.txt"
    with log.open("w", encoding="utf-8") as handle:
        subprocess.run([sys.executable, "-c", code], stdout=handle, check=False)
    assert log.read_text(encoding="utf-8").strip() == "lines"
