"""Tests for analysis.measure.engine.progress_bar: a silent bar does not import tqdm."""

from __future__ import annotations

import subprocess
import sys

from analysis.measure.engine import SilentBar, progress_bar


def test_a_disabled_bar_is_silent_and_takes_a_bars_calls(capsys) -> None:
    bar = progress_bar(10, False, "processing")
    assert isinstance(bar, SilentBar)
    with bar as same:
        same.update(3)
    bar.close()
    assert capsys.readouterr().err == ""


def test_a_disabled_bar_does_not_import_tqdm() -> None:
    code = (
        "import sys\n"
        "from analysis.measure.engine import progress_bar\n"
        "progress_bar(5, False, 'x').update(5)\n"
        "from analysis.loading import _progress_bar\n"
        "_progress_bar(5, 'x', enabled=False).update(5)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'tqdm'))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip() == "[]"


def test_an_enabled_bar_counts_documents_on_stderr(capsys) -> None:
    bar = progress_bar(4, True, "processing (2 jobs)")
    bar.update(4)
    bar.close()
    err = capsys.readouterr().err
    assert "processing (2 jobs)" in err
    assert "4/4" in err
