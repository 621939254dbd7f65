"""Run the analysis notebooks in order with papermill, all-or-nothing.

``python -m analysis run`` (see :mod:`analysis.commands.run`) is a thin layer over
:func:`run_pipeline`, which

1. discovers each notebook's parameters (the cell tagged ``parameters``, as papermill reads it)
   and refuses unknown names or wrongly typed values *before* any notebook starts
   (:mod:`analysis.pipeline.params`);
2. executes the notebooks into a staging folder next to the live outputs, on a kernel that runs
   this very interpreter, with a per-cell timeout (:mod:`analysis.pipeline.execute`); notebooks
   that do not depend on each other (sentiment and framing) run at the same time
   (:mod:`analysis.pipeline.notebooks`). Two kernels serve the four notebooks, each reused,
   back in a fresh state, by a later notebook (lanes, :mod:`analysis.pipeline.schedule`); they
   start, and import the modules their first notebooks import, as soon as the run knows its
   notebooks, while the parameters and the corpus are still being checked
   (:mod:`analysis.pipeline.kernels`), so kernel start-up and imports are off the critical
   path;
3. only when every notebook succeeded, swaps the staged figures, tables, executed notebooks and
   summary in for the live ones, rolling back if the swap itself fails
   (:mod:`analysis.pipeline.promote`).

A failing cell or an interrupted run therefore never leaves a mix of old and new outputs: the
live files stay byte-identical, and the partly executed notebook is kept under
``reports/failed/`` so the error can be read in context.
"""

from __future__ import annotations

import contextlib
import shutil
import sys
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analysis.config import default_corpus_dir, output_dirs
from analysis.outputs import (
    LOCK,
    OutputsError,
    describe_os_error,
    locked,
    recover,
    remove_lock_folder,
)
from analysis.pipeline.deferred_signals import deferred_signals, resume
from analysis.pipeline.execute import DEFAULT_TIMEOUT_S, NotebookFailed, kernel_environment
from analysis.pipeline.executed import forget_staging_paths
from analysis.pipeline.notebook_warnings import warning_lines
from analysis.pipeline.notebooks import default_notebooks_dir, list_notebooks, plan_stages
from analysis.pipeline.params import (
    RUN_PARAMETERS,
    ParameterError,
    ParamSpec,
    check_corpus,
    check_corpus_columns,
    check_group_column,
    check_lexicon_files,
    check_out_apart,
    check_outlets,
    discover_parameters,
    run_parameters,
)
from analysis.pipeline.promote import (
    CACHE_DIR,
    check_output_folders,
    check_outputs,
    clear_failed,
    keep_failed,
    make_staging,
    promote,
)
from analysis.pipeline.rerun import write_record
from analysis.pipeline.schedule import Job, Lanes, Log, RunState

__all__ = [
    "NotebookFailed",
    "OutputsError",
    "ParameterError",
    "RunResult",
    "run_pipeline",
    "started_kernels",
]


@dataclass
class RunResult:
    """What a successful run wrote, where, and how long each notebook took."""

    out_dir: Path
    written: list[Path] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    total_seconds: float = 0.0

    def report(self) -> str:
        """A short plain-text report for the end of the run."""
        dirs = output_dirs(self.out_dir)
        cache = dirs["reports"] / CACHE_DIR
        groups = {
            "figures": [p for p in self.written if p.parent == dirs["figures"]],
            "tables": [p for p in self.written if p.parent == dirs["tables"]],
            "executed notebooks": [p for p in self.written if p.parent == dirs["notebooks"]],
            "summary": [p for p in self.written if p.parent == dirs["reports"]],
        }
        n_cache = sum(1 for p in self.written if cache in p.parents)
        lines = [f"Outputs written under {self.out_dir}:"]
        for label, paths in groups.items():
            if not paths:
                continue
            shown = ", ".join(p.name for p in sorted(paths)[:6])
            more = f", … ({len(paths)} files)" if len(paths) > 6 else ""
            folder = _relative(paths[0].parent, self.out_dir)
            lines.append(f"  {label:<19} {folder}/: {shown}{more}")
        if n_cache:
            lines.append(f"  {'cache':<19} {_relative(cache, self.out_dir)}/: {n_cache} files")
        lines.append("Time per notebook (executing; kernels were started ahead):")
        for name, seconds in self.seconds.items():
            lines.append(f"  {name:<24} {seconds:6.1f} s")
        lines.append(f"  {'total (wall)':<24} {self.total_seconds:6.1f} s")
        return "\n".join(lines)


def _relative(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


def _stderr(message: str) -> None:
    """``message`` on stderr, on a line of its own above a progress bar being drawn there
    (tqdm's ``write``: printed plainly, "[2/4] 02_sentiment.ipynb started" ran on from the end
    of notebook 01's bar)."""
    from tqdm import tqdm

    tqdm.write(message, file=sys.stderr)
    sys.stderr.flush()


def declared_parameters(
    values: Mapping[str, Any], schema: Mapping[str, ParamSpec], notebook: str
) -> dict[str, Any]:
    """The part of ``values`` that ``notebook`` declares in its parameters cell.

    papermill injects whatever it is given, but warns about a name the notebook does not declare
    (``Passed unknown parameter``); each notebook therefore gets only its own names.
    """
    return {k: v for k, v in values.items() if k in schema and notebook in schema[k].notebooks}


def _plan(
    notebooks_dir: Path | str | None, stages: Sequence[Sequence[str]] | None
) -> tuple[Path, dict[str, Path], list[list[str]]]:
    """(notebooks folder, notebook paths by name, stages) of a run; raises
    ``FileNotFoundError`` when a staged notebook is missing."""
    nb_dir = Path(notebooks_dir or default_notebooks_dir()).resolve()
    by_name = {p.name: p for p in list_notebooks(nb_dir)}
    plan = [list(s) for s in stages] if stages is not None else plan_stages(list(by_name))
    missing = [n for stage in plan for n in stage if n not in by_name]
    if missing:
        raise FileNotFoundError(f"notebooks not found in {nb_dir}: {', '.join(missing)}")
    return nb_dir, by_name, plan


@contextlib.contextmanager
def started_kernels(
    notebooks_dir: Path | str | None = None, stages: Sequence[Sequence[str]] | None = None
) -> Iterator[Lanes]:
    """Start a run's kernels now, for a :func:`run_pipeline` call made inside the block.

    A caller with work to do before the run (``python -m analysis run`` checks the parameters)
    starts the kernels first, so that they start and import on the other core meanwhile. The
    kernel environment (:func:`~analysis.pipeline.execute.kernel_environment`) holds for the
    block; leaving it shuts every kernel down, also when no run was made.
    """
    nb_dir, by_name, plan = _plan(notebooks_dir, stages)
    with kernel_environment(), Lanes(plan, by_name, nb_dir, RunState()) as lanes:
        yield lanes


def run_pipeline(
    parameters: Mapping[str, Any] | None = None,
    out_dir: Path | str | None = None,
    notebooks_dir: Path | str | None = None,
    stages: Sequence[Sequence[str]] | None = None,
    timeout: int = DEFAULT_TIMEOUT_S,
    progress: bool = True,
    log: Log = _stderr,
    force: bool = False,
    record_key: str | None = None,
    lanes: Lanes | None = None,
) -> RunResult:
    """Execute every notebook into a staging folder and promote the outputs if all succeeded.

    ``parameters`` must already be validated (``params.validate_parameters``); ``corpus_dir``
    defaults to the bundled corpus. Each notebook receives only the parameters it declares
    (:func:`declared_parameters`), plus absolute ``figures_dir``/``tables_dir``/``reports_dir``
    pointing into the staging folder. Raises :class:`NotebookFailed` (live outputs untouched,
    the partial notebook kept under ``reports/failed/``); ``KeyboardInterrupt`` is re-raised
    after the same clean-up.

    Only files this package wrote are replaced or removed (:mod:`analysis.outputs`); a folder
    holding other files where a run writes is refused with :class:`OutputsError` unless
    ``force`` (then the run writes alongside them). The output folder is locked for the whole
    run (a second run into it is refused), and leftovers of an interrupted run are restored or
    removed first. With ``record_key`` (:func:`analysis.pipeline.rerun.run_key`) the run records
    it with the hash of every output, so that an unchanged rerun can reuse them.

    The kernels start as soon as the notebooks are known, while the parameters and the corpus
    are checked (a refused run shuts them down again); ``lanes`` are kernels started earlier by
    :func:`started_kernels` for the same notebooks and stages.
    """
    started = time.perf_counter()
    if lanes is None:
        with started_kernels(notebooks_dir, stages) as own:
            return run_pipeline(
                parameters, out_dir, notebooks_dir, stages, timeout, progress, log, force,
                record_key, lanes=own,
            )  # fmt: skip
    _, by_name, plan = _plan(notebooks_dir, stages)
    if plan != lanes.plan:
        raise ValueError(f"the kernels were started for stages {lanes.plan}, not {plan}")
    schema = discover_parameters([by_name[n] for stage in plan for n in stage])
    values = dict(parameters or {})
    corpus = check_corpus(values.get("corpus_dir") or default_corpus_dir())
    check_out_apart(corpus, out_dir)
    check_corpus_columns(corpus, values.get("column_map"), values.get("group_by"))
    check_outlets(corpus, values.get("outlets"), values.get("group_by"))
    check_lexicon_files(corpus, values)
    check_group_column(corpus, values.get("group_by"), values.get("column_map"))
    values["corpus_dir"] = str(corpus)

    live = output_dirs(out_dir)
    check_output_folders(live["root"])  # before any notebook runs, not at the swap
    reports_existed = live["reports"].is_dir()
    live["reports"].mkdir(parents=True, exist_ok=True)
    try:
        with locked(live["reports"] / LOCK, live["root"]):
            recover(live["reports"], log)
            owned = check_outputs(live["root"], force)  # the lock file leaves with the block
            return _run_locked(
                values,
                schema,
                plan,
                by_name,
                lanes,
                live,
                owned,
                timeout,
                progress,
                log,
                started,
                record_key,
            )
    except OutputsError:
        if not reports_existed:  # a refused run leaves no folder of its own behind
            remove_lock_folder(live["reports"])
        raise


def _run_locked(
    values: dict[str, Any],
    schema: Mapping[str, ParamSpec],
    plan: list[list[str]],
    by_name: dict[str, Path],
    lanes: Lanes,
    live: dict[str, Path],
    owned: set[str],
    timeout: int,
    progress: bool,
    log: Log,
    started: float,
    record_key: str | None = None,
) -> RunResult:
    """The part of :func:`run_pipeline` that runs with the output folder locked."""
    staging_root, staged = make_staging(live["reports"], owned)
    values.update(
        figures_dir=str(staged["figures"]),
        tables_dir=str(staged["tables"]),
        reports_dir=str(staged["reports"]),
    )
    values[RUN_PARAMETERS] = run_parameters(values, schema)
    jobs = {
        name: Job(
            by_name[name],
            staged["notebooks"] / name,
            declared_parameters(values, schema, name),
            progress and len(stage) == 1,
        )
        for stage in plan
        for name in stage
    }
    result = RunResult(out_dir=live["root"])
    state = lanes.state
    try:
        result.seconds = lanes.run(jobs, timeout, log)
        for job in jobs.values():
            forget_staging_paths(job.output_path)  # run again by hand: build/, not .staging
        for line in warning_lines([job.output_path for job in jobs.values()]):
            log(line)  # what the notebooks warned about the input, said where it is seen
        if record_key is not None:
            write_record(staging_root, record_key, values.get("corpus_dir"))
        with deferred_signals() as held:  # a swap begun is finished, then the signal acted on
            written = promote(staging_root, live["root"], owned, log)
    except NotebookFailed as failure:
        # an earlier failed run's notebooks would sit beside this one's as if of this run (a
        # data journalist's interrupted runs left a stale 01_corpus.ipynb beside new ones)
        _clear_failed(live["reports"], list(by_name), log, "they were not this run's")
        failure.partial_path = _keep_failed(
            staged["notebooks"], live["reports"], failure.notebook, log
        )
        raise NotebookFailed(
            failure.notebook,
            failure.partial_path,
            failure.cell_index,
            failure.execution_count,
            failure.error,
        ) from failure.__cause__
    except KeyboardInterrupt:
        _clear_failed(live["reports"], list(by_name), log, "they were not this run's")
        for name in (n for n in state.started if n not in state.finished):
            kept = _keep_failed(staged["notebooks"], live["reports"], name, log)
            partly = f"; partly executed: {kept}" if kept is not None else " (no cell had run)"
            log(f"interrupted during {name}; live outputs untouched{partly}")
        raise
    finally:
        shutil.rmtree(staging_root, ignore_errors=True)
    _clear_failed(live["reports"], list(by_name), log, "this run's outputs supersede them")
    if held:
        log(
            "interrupted while this run's outputs were put in place: that was finished first, "
            f"so {live['root']} holds this run's outputs, complete, not the earlier ones"
        )
        resume(held)
    result.written = written
    result.total_seconds = time.perf_counter() - started
    return result


def _clear_failed(live_reports: Path, names: list[str], log: Log, why: str) -> None:
    """:func:`clear_failed`, saying what it removed and which of those names it kept (a later
    successful run removed an earlier failed run's notebooks from ``reports/failed/`` without
    a word)."""
    removed, kept = clear_failed(live_reports, names)
    if removed:
        log(
            f"removed the partly executed {', '.join(p.name for p in removed)} an earlier "
            f"failed or interrupted run kept in {removed[0].parent}: {why}"
        )
    if kept:
        log(
            f"kept {', '.join(p.name for p in kept)} in {kept[0].parent}: not as a failed run "
            "left it (changed since, or not written by this package); remove it when done"
        )


def _keep_failed(staged_notebooks: Path, live_reports: Path, name: str, log: Log) -> Path | None:
    """:func:`keep_failed`, saying so (rather than raising) when the copy cannot be written."""
    try:
        return keep_failed(staged_notebooks, live_reports, name, log)
    except OSError as err:
        log(f"could not keep the partly executed {name}: {describe_os_error(err)}")
        return None
