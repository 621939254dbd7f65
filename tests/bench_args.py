"""The parsed options of ``bench throughput`` for a corpus file, as its tests build them."""

from __future__ import annotations

import argparse
from pathlib import Path

from analysis.bench.throughput import add_arguments


def throughput_args(corpus: Path, *options: str) -> argparse.Namespace:
    """``bench throughput --corpus CORPUS OPTIONS…`` parsed."""
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    return parser.parse_args(["--corpus", str(corpus), *options])
