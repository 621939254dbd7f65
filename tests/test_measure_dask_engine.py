"""The Dask engine (:mod:`analysis.measure.dask_engine`): the local tables, on a cluster."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pandas as pd
import pytest
from engine_cases import raw_docs

from analysis.corpus.files import chunk_frame
from analysis.measure.dask_engine import run_dask
from analysis.measure.engine import run_local, split_chunk

HAS_DASK = all(importlib.util.find_spec(m) for m in ("dask", "distributed"))


@pytest.mark.slow
@pytest.mark.skipif(
    not HAS_DASK,
    reason="the dask engine is an optional extra: pip install 'newsframe-analysis[dask]'",
)
def test_dask_two_workers_give_the_local_tables(tmp_path: Path) -> None:
    docs = raw_docs(45)
    run_local(chunk_frame(docs, 8), tmp_path / "local", split_chunk, jobs=1, progress=False)
    summary = run_dask(
        chunk_frame(docs, 8), tmp_path / "dask", split_chunk, n_workers=2, progress=False
    )
    assert summary.engine == "dask" and summary.jobs == 2
    assert summary.n_docs == 45 and summary.n_chunks == 6
    for name in ("documents.parquet", "sentences.parquet"):
        local = pd.read_parquet(tmp_path / "local" / name)
        dask = pd.read_parquet(tmp_path / "dask" / name)
        pd.testing.assert_frame_equal(local, dask)
    assert not (tmp_path / "dask" / "_dask").exists()


@pytest.mark.skipif(not HAS_DASK, reason="the dask engine is an optional extra")
def test_a_staged_chunk_is_read_back_with_the_files_own_columns(tmp_path: Path) -> None:
    from analysis.measure.dask_engine import _PART_COLUMN, _load_part, _stage_chunks

    docs = raw_docs(6)
    docs["lean"] = ["left", "right", "centre"] * 2  # a user's column: a run may group by it
    (path,) = _stage_chunks([docs], tmp_path)
    back = _load_part(path)
    assert back[_PART_COLUMN].tolist() == [0] * 6
    pd.testing.assert_frame_equal(back.drop(columns=[_PART_COLUMN]), docs.astype(str))
