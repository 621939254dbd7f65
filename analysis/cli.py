"""The command line: ``python -m analysis COMMAND``.

Each command lives in its own module under ``analysis.commands`` (and each benchmark under
``analysis.benchmarks``) exposing ``add_arguments(parser)`` and ``main(args) -> int``; this
module only wires them together, importing a command's module when it is run.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import sys
from collections.abc import Sequence

# name -> (module, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "corpus": ("analysis.commands.corpus", "load, clean and split the corpus; write its tables"),
    "run": ("analysis.commands.run", "run every notebook with papermill and write the summary"),
    "process": (
        "analysis.commands.process",
        "per-sentence measures for a large corpus file, streamed in chunks over all cores",
    ),
}
BENCHMARKS: dict[str, tuple[str, str]] = {
    "sentiment": (
        "analysis.benchmarks.sentiment",
        "VADER and the news variant against human-labelled news sentiment sets",
    ),
    "pipeline": (
        "analysis.benchmarks.pipeline",
        "cost of `run` against papermill executing import-only notebooks",
    ),
    "throughput": (
        "analysis.benchmarks.throughput",
        "sentences/second of the per-sentence work against a bare NLTK VADER loop",
    ),
}


_FORMATTER = argparse.RawDescriptionHelpFormatter


def _available(table: dict[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    return {k: v for k, v in table.items() if importlib.util.find_spec(v[0]) is not None}


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser (also used by tests and ``--help``)."""
    parser = argparse.ArgumentParser(
        prog="python -m analysis",
        description=(
            "Compare how news outlets frame a story and what tone they take. "
            "Run `python -m analysis run` for the whole pipeline on the bundled corpus."
        ),
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, (module_name, help_text) in _available(COMMANDS).items():
        module = importlib.import_module(module_name)
        cmd = sub.add_parser(
            name, help=help_text, description=module.__doc__, formatter_class=_FORMATTER
        )
        module.add_arguments(cmd)
        cmd.set_defaults(_module=module)
    bench = sub.add_parser(
        "bench", help="benchmarks: accuracy against human labels, speed and memory"
    )
    bench_sub = bench.add_subparsers(dest="benchmark", metavar="BENCHMARK", required=True)
    for name, (module_name, help_text) in _available(BENCHMARKS).items():
        module = importlib.import_module(module_name)
        cmd = bench_sub.add_parser(
            name, help=help_text, description=module.__doc__, formatter_class=_FORMATTER
        )
        module.add_arguments(cmd)
        cmd.set_defaults(_module=module)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Parse ``argv`` and run the chosen command; returns the process exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args._module.main(args) or 0)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
