"""The parsed options of ``bench throughput`` for a corpus file, and a run of it, as its tests
build them."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from analysis.bench.throughput import add_arguments, run_benchmark


def throughput_args(corpus: Path, *options: str) -> argparse.Namespace:
    """``bench throughput --corpus CORPUS OPTIONS…`` parsed."""
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    return parser.parse_args(["--corpus", str(corpus), *options])


def quiet_benchmark(corpus: Path, work_dir: Path, *options: str) -> dict[str, Any]:
    """The results of ``bench throughput --corpus CORPUS --no-progress OPTIONS…``, its corpus
    copies and outputs kept in ``work_dir`` (a test's temporary folder)."""
    args = throughput_args(corpus, "--no-progress", *options)
    args.keep = work_dir
    return run_benchmark(args)
