"""A test helper: the one line a refused command prints (``error: ...``, no traceback)."""

from __future__ import annotations


def one_error_line(err: str) -> str:
    """The one line a refused command printed, checked to be ``error: ...`` and no traceback."""
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    return lines[0]
