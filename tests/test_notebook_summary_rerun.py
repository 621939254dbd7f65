"""Notebook 04 run by hand, its parameters cell run again, then only the cell that writes the
summary: the same summary as the first time.

A JupyterLab tester did so: the set-up cell had replaced ``corpus_dir`` with the corpus the
tables were made from, the parameters cell set it back to "", and the summary written next gave
the hash of the notebooks' own folder (4 files) and a "Regenerate" command without the corpus.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from analysis.config import project_root

NOTEBOOK = project_root() / "notebooks" / "04_summary.ipynb"


def _code_cells() -> list[str]:
    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    return ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]


def _tables_made_from(corpus: Path, tables: Path) -> None:
    """The committed tables, recorded as made from ``corpus`` (as notebooks 01-03 record it)."""
    shutil.copytree(project_root() / "reports" / "tables", tables)
    for record_path in tables.glob("parameters_*.json"):
        record = json.loads(record_path.read_text(encoding="utf-8"))
        record["values"]["corpus_dir"] = str(corpus)
        record_path.write_text(json.dumps(record), encoding="utf-8")


@pytest.mark.slow
def test_the_summary_written_after_rerunning_the_parameters_cell_is_the_same(
    make_corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = make_corpus()
    _tables_made_from(corpus, tmp_path / "tables")
    shutil.copytree(project_root() / "figures", tmp_path / "figures")
    monkeypatch.chdir(tmp_path)  # JupyterLab's kernel starts in notebooks/; not the corpus
    code = _code_cells()
    write = next(i for i, source in enumerate(code) if "report.write_summary(" in source)
    given = {  # the parameters cell as the tester edited it: corpus_dir left ""
        "tables_dir": str(tmp_path / "tables"),
        "figures_dir": str(tmp_path / "figures"),
        "reports_dir": str(tmp_path / "reports"),
    }
    namespace: dict = {}

    def parameters_cell() -> None:
        exec(code[0], namespace)
        namespace.update(given)

    parameters_cell()
    for source in code[1 : write + 1]:
        exec(source, namespace)
    first = (tmp_path / "reports" / "summary.md").read_text(encoding="utf-8")
    parameters_cell()
    exec(code[write], namespace)
    again = (tmp_path / "reports" / "summary.md").read_text(encoding="utf-8")
    assert "SHA-256 of the 4 files in the corpus folder" in first  # a.txt, b.txt, c.txt, manifest
    assert "--corpus corpus " in first
    assert again == first
