"""Cost of `python -m analysis run` against the floor of papermill itself.

The floor is papermill executing, one after another, as many notebooks as the pipeline has, each
holding a single cell that imports the package and its plotting stack (analysis, pandas,
seaborn, matplotlib.pyplot): kernel start-up, imports and notebook I/O, which no pipeline can
avoid. The real run is the whole pipeline on the corpus into a temporary --out. Both are timed
in the same process, on the same kernel set-up, one right after the other; the target is a
ratio of at most 1.5.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from analysis import runner
from analysis.paths import default_corpus_dir

TARGET_RATIO = 1.5
FLOOR_CELL = "import analysis\nimport pandas\nimport seaborn\nimport matplotlib.pyplot"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``python -m analysis bench pipeline``."""
    parser.add_argument("--corpus", metavar="DIR", help="corpus folder (default: seeds/)")
    parser.add_argument("--notebooks", metavar="DIR", help="notebooks folder (default: notebooks/)")
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
            "name": runner.KERNEL_NAME,
            "display_name": "Python 3",
            "language": "python",
        }
        path = folder / f"floor_{index:02d}.ipynb"
        nbformat.write(nb, path)
        paths.append(path)
    return paths


def time_floor(count: int, workdir: Path) -> float:
    """Seconds for papermill to execute ``count`` import-only notebooks in sequence."""
    notebooks = write_floor_notebooks(workdir, count)
    start = time.perf_counter()
    with runner.kernel_environment():
        for path in notebooks:
            runner.execute_notebook(
                path, path.with_suffix(".out.ipynb"), {}, workdir, 600, progress_bar=False
            )
    return time.perf_counter() - start


def time_pipeline(corpus: Path, notebooks_dir: Path, out: Path) -> float:
    """Seconds for the whole pipeline (validation, notebooks, promotion) into ``out``."""
    start = time.perf_counter()
    runner.run_pipeline(
        {"corpus_dir": str(corpus)},
        out_dir=out,
        notebooks_dir=notebooks_dir,
        progress=False,
        log=lambda _: None,
    )
    return time.perf_counter() - start


def main(args: argparse.Namespace) -> int:
    """Time the floor and the real run, print both and their ratio."""
    notebooks_dir = Path(args.notebooks) if args.notebooks else runner.default_notebooks_dir()
    corpus = Path(args.corpus) if args.corpus else default_corpus_dir()
    count = len(runner.list_notebooks(notebooks_dir))
    floors, runs = [], []
    for attempt in range(max(1, args.repeat)):
        with tempfile.TemporaryDirectory(prefix="bench-pipeline-") as tmp:
            floor_dir = Path(tmp) / "floor"
            floor_dir.mkdir()
            print(f"[{attempt + 1}] floor: {count} import-only notebooks …", file=sys.stderr)
            floors.append(time_floor(count, floor_dir))
            print(f"[{attempt + 1}] pipeline: {count} notebooks …", file=sys.stderr)
            runs.append(time_pipeline(corpus, notebooks_dir, Path(tmp) / "out"))
    floor, run = min(floors), min(runs)
    ratio = run / floor
    verdict = "within" if ratio <= TARGET_RATIO else "OVER"
    print(f"notebooks:                 {count}")
    print(f"floor (import-only, seq.): {floor:6.1f} s")
    print(f"python -m analysis run:    {run:6.1f} s")
    print(f"ratio:                     {ratio:6.2f}  ({verdict} the {TARGET_RATIO}x target)")
    if args.json:
        result = {
            "notebooks": count,
            "floor_s": round(floor, 3),
            "run_s": round(run, 3),
            "ratio": round(ratio, 3),
            "target_ratio": TARGET_RATIO,
            "repeat": len(floors),
            "floor_all_s": [round(x, 3) for x in floors],
            "run_all_s": [round(x, 3) for x in runs],
        }
        Path(args.json).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0
