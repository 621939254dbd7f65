"""Cost of `python -m analysis run` against the floor of papermill itself.

Three commands are timed, each as a fresh process from start to exit (wall clock), one right
after the other, on the same kernel set-up (a ``python3`` kernel running this interpreter, see
:func:`analysis.pipeline.execute.kernel_environment`):

* the **floor**: one Python process that imports papermill and executes, one after another and
  each in a fresh kernel, as many notebooks as the pipeline has, each holding a single cell that
  imports the package and its plotting stack (analysis, pandas, numpy, seaborn,
  matplotlib.pyplot). That is kernel start-up, imports and notebook I/O, which no papermill
  pipeline can avoid;
* the **run**: ``python -m analysis run`` on the corpus into a fresh temporary ``--out`` (so
  nothing is reused from an earlier run: no cache, no figures), including its own start-up,
  parameter validation, every notebook and the promotion of the outputs;
* the **rerun**: the same command again into the same ``--out`` with nothing changed, which
  reuses the first run's outputs (:mod:`analysis.pipeline.rerun`).

Targets: a first run at most 0.8× the floor, a rerun at most 0.4×. With ``--repeat`` the three
are timed several times (floor, run and rerun alternate, so a busy moment affects all) and the
fastest of each is reported, next to every attempt. When the floor's times spread by more
than 10% the verdicts come with a warning that the machine was not steady
(:mod:`analysis.bench.steadiness`).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from analysis.bench.steadiness import floor_spread, unsteady_warning
from analysis.io import write_text
from analysis.pipeline.execute import KERNEL_NAME, kernel_environment
from analysis.pipeline.notebooks import default_notebooks_dir, list_notebooks

TARGET_RATIO = 0.8
TARGET_RERUN_RATIO = 0.4
FLOOR_CELL = "\n".join(
    f"import {name}" for name in ("analysis", "pandas", "numpy", "seaborn", "matplotlib.pyplot")
)
# Run by the floor's own interpreter: papermill executing the notebooks given as arguments, in
# order, each in a new kernel (papermill's default), with the output next to the input.
FLOOR_SCRIPT = """
import sys
import papermill
for path in sys.argv[1:]:
    papermill.execute_notebook(
        path, path.replace(".ipynb", ".out.ipynb"), kernel_name=KERNEL, progress_bar=False
    )
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``python -m analysis bench pipeline``."""
    parser.add_argument(
        "--corpus",
        metavar="PATH",
        help="corpus folder or file the run reads, as `run --corpus` takes it (default: the "
        "bundled seeds/)",
    )
    parser.add_argument(
        "--notebooks", metavar="DIR", help="notebooks folder to run (default: notebooks/)"
    )
    parser.add_argument(
        "--repeat", type=int, default=1, help="runs of each; the fastest is reported (default 1)"
    )
    parser.add_argument("--json", metavar="OUT", help="also write the results as JSON")


def write_floor_notebooks(folder: Path, count: int) -> list[Path]:
    """``count`` notebooks whose only cell imports the package and its plotting stack."""
    import nbformat

    paths = []
    for index in range(count):
        nb = nbformat.v4.new_notebook()
        nb.cells = [nbformat.v4.new_code_cell(FLOOR_CELL)]
        nb.metadata["kernelspec"] = {
            "name": KERNEL_NAME,
            "display_name": "Python 3",
            "language": "python",
        }
        path = folder / f"floor_{index:02d}.ipynb"
        nbformat.write(nb, path)
        paths.append(path)
    return paths


def _timed(command: list[str], cwd: Path) -> float:
    """Wall-clock seconds of ``command`` from start to exit; its errors are raised with stderr."""
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(
            f"benchmark command failed ({done.returncode}): {' '.join(command)}\n{done.stderr}"
        )
    return seconds


def time_floor(count: int, workdir: Path) -> float:
    """Seconds for one process to papermill ``count`` import-only notebooks in sequence."""
    notebooks = write_floor_notebooks(workdir, count)
    script = FLOOR_SCRIPT.replace("KERNEL", repr(KERNEL_NAME))
    with kernel_environment():
        return _timed([sys.executable, "-c", script, *map(str, notebooks)], workdir)


def time_pipeline(corpus: Path, notebooks_dir: Path, out: Path) -> float:
    """Seconds for ``python -m analysis run`` (start-up, notebooks, promotion) into ``out``."""
    command = [
        sys.executable, "-m", "analysis", "run", "--corpus", str(corpus),
        "--notebooks", str(notebooks_dir), "--out", str(out), "--no-progress",
    ]  # fmt: skip
    return _timed(command, out.parent)


def checked_inputs(args: argparse.Namespace) -> tuple[Path, Path, int]:
    """``(corpus, notebooks folder, number of notebooks)`` of ``args``, checked before anything
    is timed: a :class:`ValueError` naming the option when the corpus or the notebooks folder
    does not exist (relative paths are taken from the working directory) or the folder holds
    no notebook."""
    from analysis.loading import CorpusNotFoundError, given_corpus
    from analysis.pipeline.params import ParameterError, check_corpus

    notebooks_dir = Path(args.notebooks) if args.notebooks else default_notebooks_dir()
    try:
        corpus = given_corpus(args.corpus)
    except CorpusNotFoundError as error:
        raise ValueError(str(error)) from None
    try:
        check_corpus(corpus)
        count = len(list_notebooks(notebooks_dir))
    except (ParameterError, FileNotFoundError) as error:
        option = "--corpus" if isinstance(error, ParameterError) else "--notebooks"
        raise ValueError(f"{option}: {error}") from None
    return corpus, notebooks_dir, count


def main(args: argparse.Namespace) -> int:
    """Time the floor and the real run, print both and their ratio; exit code 2, before any
    timing, when the corpus or the notebooks folder is missing."""
    try:
        corpus, notebooks_dir, count = checked_inputs(args)
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    floors, runs, reruns = [], [], []
    for attempt in range(max(1, args.repeat)):
        with tempfile.TemporaryDirectory(prefix="bench-pipeline-") as tmp:
            floor_dir = Path(tmp) / "floor"
            floor_dir.mkdir()
            print(f"[{attempt + 1}] floor: {count} import-only notebooks …", file=sys.stderr)
            floors.append(time_floor(count, floor_dir))
            print(f"[{attempt + 1}] python -m analysis run: {count} notebooks …", file=sys.stderr)
            out = Path(tmp) / "out"
            runs.append(time_pipeline(corpus.resolve(), notebooks_dir.resolve(), out))
            print(f"[{attempt + 1}] the same run again, nothing changed …", file=sys.stderr)
            reruns.append(time_pipeline(corpus.resolve(), notebooks_dir.resolve(), out))
            print(
                f"[{attempt + 1}] floor {floors[-1]:.1f} s, run {runs[-1]:.1f} s "
                f"(ratio {runs[-1] / floors[-1]:.2f}), rerun {reruns[-1]:.1f} s "
                f"(ratio {reruns[-1] / floors[-1]:.2f})",
                file=sys.stderr,
            )
    floor, run, rerun = min(floors), min(runs), min(reruns)
    ratio, rerun_ratio = run / floor, rerun / floor
    verdict = "within" if ratio <= TARGET_RATIO else "OVER"
    rerun_verdict = "within" if rerun_ratio <= TARGET_RERUN_RATIO else "OVER"
    print(f"notebooks:                 {count}")
    print(f"floor (import-only, seq.): {floor:6.1f} s")
    print(f"python -m analysis run:    {run:6.1f} s")
    print(f"ratio:                     {ratio:6.2f}  ({verdict} the {TARGET_RATIO}x target)")
    print(f"rerun, nothing changed:    {rerun:6.1f} s")
    print(
        f"ratio:                     {rerun_ratio:6.2f}  "
        f"({rerun_verdict} the {TARGET_RERUN_RATIO}x target)"
    )
    spread = floor_spread(floors)
    warning = unsteady_warning(spread)
    if warning:
        print(warning)
    if args.json:
        result = {
            "notebooks": count,
            "floor_s": round(floor, 3),
            "run_s": round(run, 3),
            "ratio": round(ratio, 3),
            "target_ratio": TARGET_RATIO,
            "rerun_s": round(rerun, 3),
            "rerun_ratio": round(rerun_ratio, 3),
            "target_rerun_ratio": TARGET_RERUN_RATIO,
            "rerun_all_s": [round(x, 3) for x in reruns],
            "repeat": len(floors),
            "floor_all_s": [round(x, 3) for x in floors],
            "run_all_s": [round(x, 3) for x in runs],
            "floor_spread": spread,
            "steady": warning is None,
        }
        write_text(json.dumps(result, indent=2) + "\n", args.json)
    return 0
