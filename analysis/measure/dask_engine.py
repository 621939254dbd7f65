"""Running the per-chunk function on a Dask cluster (the optional ``dask`` extra).

:func:`run_dask` runs the chunk function of :mod:`analysis.measure.engine` through
``dask.dataframe.map_partitions`` on a local cluster or an existing one, and writes the same
Parquet files as :func:`analysis.measure.engine.run_local`, in the same order.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterable
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from analysis.io import atomic_path
from analysis.measure.engine import (
    ChunkFunction,
    EngineError,
    ResultWriter,
    RunSummary,
    arrow_table,
    default_chunk_function,
    finish_bar,
    progress_bar,
    resolve_jobs,
    result_tables,
    table_file,
)

_PART_COLUMN = "__part__"
_SUMMARY_META = {"part": "int64", "n_docs": "int64"}


def _require_dask() -> None:
    try:
        import dask.dataframe  # noqa: F401
        import distributed  # noqa: F401
    except ImportError:
        raise EngineError(
            "the dask engine needs the optional extra: pip install 'newsframe-analysis[dask]' "
            "(dask[dataframe] and distributed)"
        ) from None


def _load_part(path: str) -> pd.DataFrame:
    """Read one staged chunk back as the same raw-documents frame the local engine gets, the
    file's own metadata columns (a ``lean``, a ``source.id``) included: a run can group by them,
    and the documents table carries them, as the local engine's does."""
    from analysis.corpus.files import to_raw_docs

    table = pq.read_table(path)
    frame_columns = {c: [str(v) for v in table.column(c).to_pylist()] for c in table.column_names}
    frame = to_raw_docs(frame_columns, table.num_rows)
    part = int(Path(path).stem.rsplit("-", 1)[1])
    frame[_PART_COLUMN] = part
    return frame


def _process_partition(partition: pd.DataFrame, fn: ChunkFunction, parts_dir: str) -> pd.DataFrame:
    """Run ``fn`` on one partition and write its tables as part files; return a summary row."""
    if partition.empty:
        return pd.DataFrame({k: pd.Series([], dtype=v) for k, v in _SUMMARY_META.items()})
    part = int(partition[_PART_COLUMN].iloc[0])
    raw = partition.drop(columns=[_PART_COLUMN]).reset_index(drop=True)
    for name, table in result_tables(fn(raw)).items():
        folder = Path(parts_dir) / name
        folder.mkdir(parents=True, exist_ok=True)
        with atomic_path(folder / f"part-{part:06d}.parquet") as tmp:
            pq.write_table(arrow_table(table), tmp)
    return pd.DataFrame({"part": [part], "n_docs": [len(raw)]}).astype(_SUMMARY_META)


def _stage_chunks(chunks: Iterable[pd.DataFrame], staging: Path) -> list[str]:
    staging.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, chunk in enumerate(chunks):
        path = staging / f"chunk-{i:06d}.parquet"
        pq.write_table(arrow_table(chunk), path)
        paths.append(str(path))
    return paths


def run_dask(
    chunks: Iterable[pd.DataFrame],
    out_dir: Path | str,
    fn: ChunkFunction | None = None,
    *,
    scheduler: str | None = None,
    n_workers: int | None = None,
    threads_per_worker: int = 1,
    progress: bool = True,
    total_docs: int | None = None,
) -> RunSummary:
    """Process ``chunks`` with ``dask.dataframe.map_partitions`` and write the same Parquet
    files as :func:`run_local`.

    The chunks are first staged as Parquet under ``out_dir`` (one file per chunk, so a
    partition is exactly a chunk); each partition's result tables are written by the worker
    that computed it, then joined in chunk order into ``out_dir/<table>.parquet``. Without
    ``scheduler`` a local cluster of ``n_workers`` processes (default: every core) is started;
    with one (``tcp://host:8786``) its workers must see ``out_dir`` and have this package
    installed.
    """
    _require_dask()
    import dask
    import dask.dataframe as dd
    from distributed import Client, LocalCluster, as_completed

    started = time.perf_counter()
    fn = fn if fn is not None else default_chunk_function()
    out_dir = Path(out_dir).resolve()
    work = out_dir / "_dask"
    staged = _stage_chunks(chunks, work / "input")
    summary = RunSummary(engine="dask", jobs=0, n_chunks=len(staged))
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(
            n_workers=resolve_jobs(n_workers),
            threads_per_worker=threads_per_worker,
            processes=True,
            dashboard_address=None,
        )
        client = Client(cluster)
    try:
        summary.jobs = len(client.scheduler_info().get("workers", {}))
        if staged:
            from analysis.corpus.files import RAW_DOC_COLUMNS

            meta = pd.DataFrame({c: pd.Series([], dtype=str) for c in RAW_DOC_COLUMNS})
            meta[_PART_COLUMN] = pd.Series([], dtype="int64")
            summary_meta = pd.DataFrame(
                {k: pd.Series([], dtype=v) for k, v in _SUMMARY_META.items()}
            )
            with dask.config.set({"dataframe.convert-string": False}):
                raw = dd.from_map(_load_part, staged, meta=meta, enforce_metadata=False)
                results = raw.map_partitions(
                    _process_partition,
                    fn,
                    str(work / "parts"),
                    meta=summary_meta,
                    enforce_metadata=False,
                )
                futures = client.compute(results.to_delayed())
            bar = progress_bar(total_docs, progress, f"processing (dask, {summary.jobs} workers)")
            try:
                for future in as_completed(futures):
                    done = future.result()
                    n_docs = int(done["n_docs"].sum())
                    summary.n_docs += n_docs
                    bar.update(n_docs)
                finish_bar(bar)
            finally:
                bar.close()
        writer = ResultWriter(out_dir)
        parts_dir = work / "parts"
        names = sorted(p.name for p in parts_dir.iterdir()) if parts_dir.exists() else []
        for i in range(len(staged)):
            tables = {}
            for name in names:
                part = parts_dir / name / f"part-{i:06d}.parquet"
                if part.exists():
                    tables[name] = pq.read_table(part)
            writer.write(tables)
        summary.rows = writer.close()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    shutil.rmtree(work, ignore_errors=True)
    summary.files = {name: table_file(name) for name in summary.rows}
    summary.seconds = time.perf_counter() - started
    return summary
