"""analysis.explore.written_lines: what a notebook prints of the files it wrote."""

from __future__ import annotations

from analysis.explore import written_lines


def test_a_staged_path_is_shown_where_the_run_puts_it() -> None:
    # executed notebooks printed /work/main/reports/.staging-5960/reports/tables/..., gone
    # once the run had swapped its outputs in
    staged = "/work/main/reports/.staging-5960/reports/tables/documents.csv"
    figure = "/out/reports/.staging-7/figures/fig01.png"
    plain = "/tmp/build/reports/tables/sentences.csv"  # papermill alone: no staging
    assert written_lines([staged, figure, plain]).splitlines() == [
        "written:",
        "  /work/main/reports/tables/documents.csv",
        "  /out/figures/fig01.png",
        "  /tmp/build/reports/tables/sentences.csv",
    ]
    assert written_lines([]) == "written:"
