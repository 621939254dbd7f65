"""Notebook 03's coder cell, run again in the same kernel, codes the same sentences.

A notebook tester ran the cell that swaps in a trained frame coder twice: the second run took
the model's codes for the codebook's (it kept ``codebook_sentences = sentences``), and
``frame_evidence.csv`` then traced sentences no indicator had coded.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest

from analysis.config import project_root

NOTEBOOK = project_root() / "notebooks" / "03_framing.ipynb"


def _code_cells() -> list[str]:
    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    return ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]


@pytest.mark.slow
def test_running_the_coder_cell_twice_leaves_the_evidence_as_once(make_corpus, tmp_path) -> None:
    from test_validation_model import training_set

    from analysis.validation.model import train_frame_model

    texts, labels, _ = training_set()
    model = train_frame_model(texts, labels.rename(columns={"war": "conflict"}), folds=3, seed=1)
    model.save(tmp_path / "model")
    code = _code_cells()
    coder = next(i for i, source in enumerate(code) if "load_frame_model(frame_coder)" in source)
    evidence = next(i for i, source in enumerate(code) if "frame_evidence(" in source)
    assert coder < evidence
    tables = tmp_path / "tables"
    namespace: dict = {}
    exec(code[0], namespace)  # the parameters cell, then papermill's values
    namespace.update(
        corpus_dir=str(make_corpus()), tables_dir=str(tables), figures_dir=str(tmp_path / "f"),
        frame_coder=str(tmp_path / "model"), n_boot=100,
    )  # fmt: skip
    for source in code[1 : evidence + 1]:
        exec(source, namespace)
    once = pd.read_csv(tables / "frame_evidence.csv")
    shares = pd.read_csv(tables / "frames_by_outlet.csv")
    exec(code[coder], namespace)  # run again, as a reader in JupyterLab does
    exec(code[evidence], namespace)
    pd.testing.assert_frame_equal(pd.read_csv(tables / "frame_evidence.csv"), once)
    pd.testing.assert_frame_equal(pd.read_csv(tables / "frames_by_outlet.csv"), shares)
