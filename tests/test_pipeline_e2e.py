"""The committed outputs are exactly what the committed code produces.

Reruns the whole pipeline on the bundled corpus into a temporary folder and compares it with the
committed ``reports/tables/``, ``reports/summary.md`` and ``figures/README.md``. The package
versions table of the summary is compared only as a switch: when it matches (same environment),
the SVG figures must be byte-identical too; otherwise font and renderer versions may move
coordinates, and only text and tables are held to byte equality.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.pipeline import run as runner

REPO = Path(__file__).resolve().parents[1]
COMMITTED_REPORTS = REPO / "reports"
COMMITTED_FIGURES = REPO / "figures"
VERSIONS_HEADER = "| package | version |"


def split_versions(summary: str) -> tuple[str, str]:
    """(summary without the package versions table, the table)."""
    lines = summary.splitlines(keepends=True)
    if VERSIONS_HEADER + "\n" not in lines:
        return summary, ""
    start = lines.index(VERSIONS_HEADER + "\n")
    end = start
    while end < len(lines) and lines[end].startswith("|"):
        end += 1
    return "".join(lines[:start] + lines[end:]), "".join(lines[start:end])


@pytest.mark.slow
def test_rerun_reproduces_the_committed_tables_summary_and_figures(tmp_path):
    summary_path = COMMITTED_REPORTS / "summary.md"
    tables = sorted((COMMITTED_REPORTS / "tables").glob("*.csv"))
    if not summary_path.is_file() or not tables:
        pytest.skip(
            "no committed outputs yet (reports/summary.md and reports/tables/*.csv): run "
            "`python -m analysis run` and commit figures/ and reports/ first"
        )
    runner.run_pipeline({}, out_dir=tmp_path, progress=False, log=lambda _: None)
    fresh = tmp_path / "reports"

    fresh_tables = sorted(p.name for p in (fresh / "tables").glob("*.csv"))
    assert fresh_tables == [p.name for p in tables]
    for table in tables:
        assert (fresh / "tables" / table.name).read_bytes() == table.read_bytes(), table.name

    committed_text, committed_versions = split_versions(summary_path.read_text(encoding="utf-8"))
    fresh_text, fresh_versions = split_versions((fresh / "summary.md").read_text(encoding="utf-8"))
    assert fresh_text == committed_text

    gallery = COMMITTED_FIGURES / "README.md"
    fresh_figures = tmp_path / "figures"
    assert (fresh_figures / "README.md").read_text(encoding="utf-8") == gallery.read_text(
        encoding="utf-8"
    )
    committed_svgs = sorted(p.name for p in COMMITTED_FIGURES.glob("*.svg"))
    assert sorted(p.name for p in fresh_figures.glob("*.svg")) == committed_svgs
    if fresh_versions == committed_versions:
        for name in committed_svgs:
            assert (fresh_figures / name).read_bytes() == (COMMITTED_FIGURES / name).read_bytes()
