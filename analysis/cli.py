"""The command line: ``python -m analysis COMMAND``.

Each command lives in its own module under ``analysis.commands`` (and each benchmark under
``analysis.bench``) exposing ``add_arguments(parser)`` and ``main(args) -> int``; this
module only wires them together, importing a command's module when it is run.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import shlex
import signal
import sys
import threading
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

# name -> (module, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "corpus": ("analysis.commands.corpus", "load, clean and split the corpus; write its tables"),
    "run": ("analysis.commands.run", "run every notebook with papermill and write the summary"),
    "codebook": ("analysis.commands.codebook", "check a frame codebook; what its indicators match"),
    "process": (
        "analysis.commands.process",
        "per-sentence measures for a large corpus file, streamed in chunks over all cores",
    ),
    "code-sample": (
        "analysis.commands.code_sample",
        "draw a seeded sample of sentences or articles to code by hand, with a coding guide",
    ),
    "validate": (
        "analysis.commands.validate",
        "agreement of the codebook (and a trained model) with human-coded sheets",
    ),
    "train": ("analysis.commands.train", "train a frame and tone coder from a human-coded sheet"),
}
BENCHMARKS: dict[str, tuple[str, str]] = {
    "sentiment": (
        "analysis.bench.sentiment",
        "VADER and the news variant against human-labelled news sentiment sets",
    ),
    "pipeline": (
        "analysis.bench.pipeline",
        "cost of `run` against papermill executing import-only notebooks",
    ),
    "cleaning": (
        "analysis.bench.cleaning",
        "article-body F1 of the text cleaner on rendered web pages; fits its line classifier",
    ),
    "throughput": (
        "analysis.bench.throughput",
        "sentences/second of the per-sentence work against a bare NLTK VADER loop",
    ),
    "extraction": (
        "analysis.bench.extraction",
        "article-body F1 of the HTML extraction against human-marked article bodies",
    ),
    "persent": (
        "analysis.bench.persent",
        "leftovers of tokenised, mojibake and caption text in real news (PerSenT) after cleaning",
    ),
    "sourcing": (
        "analysis.bench.sourcing",
        "sourcing credits in PerSenT's articles read a sentence at a time and within each article",
    ),
    "frames": (
        "analysis.bench.frames",
        "GVFC headlines: codebook vs trained coder vs majority class, held-out macro-F1",
    ),
    "language": (
        "analysis.bench.language",
        "the language guess against pages' declared language; English news guessed otherwise",
    ),
    "truncation": (
        "analysis.bench.truncation",
        "the truncated flag on complete human-marked article bodies and on the same bodies cut",
    ),
    "tone": (
        "analysis.bench.tone",
        "VADER, vader-news and a trained tone coder on NewsMTSC sentences and PerSenT articles",
    ),
}


_FORMATTER = argparse.RawDescriptionHelpFormatter


def _available(table: dict[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    return {k: v for k, v in table.items() if importlib.util.find_spec(v[0]) is not None}


def _selected(argv: Sequence[str] | None) -> tuple[str | None, str | None]:
    """The command (and benchmark) named in ``argv``: the first words that are not options."""
    words = [a for a in (argv or []) if not a.startswith("-")]
    command = words[0] if words else None
    benchmark = words[1] if command == "bench" and len(words) > 1 else None
    return command, benchmark


def _add_command(
    sub: argparse._SubParsersAction, name: str, module_name: str, help_text: str, load: bool
) -> None:
    if not load:  # listed in the help, its options are only read when it is the one run
        sub.add_parser(name, help=help_text)
        return
    module = importlib.import_module(module_name)
    cmd = sub.add_parser(
        name, help=help_text, description=module.__doc__, formatter_class=_FORMATTER
    )
    module.add_arguments(cmd)
    cmd.set_defaults(_module=module, _parser=cmd)


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The argument parser; only the command named in ``argv`` is imported (all when None).

    Importing every command would load NLTK, pandas and pyarrow for any command, which costs
    about a second at start and at exit.
    """
    command, benchmark = _selected(argv) if argv is not None else (None, None)
    load_all = argv is None
    parser = argparse.ArgumentParser(
        prog="python -m analysis",
        description=(
            "Compare how news outlets frame a story and what tone they take. "
            "Run `python -m analysis run` for the whole pipeline on the bundled corpus."
        ),
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, (module_name, help_text) in _available(COMMANDS).items():
        _add_command(sub, name, module_name, help_text, load_all or name == command)
    bench = sub.add_parser(
        "bench", help="benchmarks: accuracy against human labels, speed and memory"
    )
    bench_sub = bench.add_subparsers(dest="benchmark", metavar="BENCHMARK", required=True)
    for name, (module_name, help_text) in _available(BENCHMARKS).items():
        load = load_all or (command == "bench" and name == benchmark)
        _add_command(bench_sub, name, module_name, help_text, load)
    return parser


def show_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: Any = None,
    line: str | None = None,
) -> None:
    """How a command shows a warning: a user's warning (:class:`UserWarning`, what the package
    warns about the input) as one line ``warning: ...`` on standard error, without Python's
    file and line; any other warning as Python shows it."""
    if not issubclass(category, UserWarning):
        _PYTHON_SHOWWARNING(message, category, filename, lineno, file, line)
        return
    print(f"warning: {message}", file=file if file is not None else sys.stderr)


_PYTHON_SHOWWARNING = warnings.showwarning


def refuse_extra_arguments(args: argparse.Namespace, extra: Sequence[str]) -> None:
    """Exit (code 2) naming the arguments the command does not take, with the command's usage;
    an existing path given where the command takes ``--corpus`` gets the option to write."""
    hint = ""
    paths = [a for a in extra if not a.startswith("-") and Path(a).exists()]
    if paths and "corpus" in vars(args) and args.corpus is None:
        hint = f"; a corpus is given with --corpus: --corpus {shlex.quote(paths[0])}"
    args._parser.error(f"unrecognized arguments: {' '.join(extra)}{hint}")


def line_buffered_output() -> None:
    """Make stdout and stderr write each line as it is printed, as a terminal does, also when
    they go to a file: a tester's run with its output sent to a log file showed nothing, not
    even ``[1/4] 01_corpus.ipynb``, for the 15 minutes it ran (Python buffers a file's output
    in blocks). Called by ``python -m analysis``, not by :func:`main`, which tests call with
    their own streams."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(line_buffering=True)


def main(argv: Sequence[str] | None = None) -> int:
    """Parse ``argv`` and run the chosen command; returns the process exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(argv)
    args, extra = parser.parse_known_args(argv)
    if extra:  # said by the command's own parser, with its usage, not the top-level one
        refuse_extra_arguments(args, extra)
    previous = _handle_sigterm()
    shown, warnings.showwarning = warnings.showwarning, show_warning
    try:
        return int(args._module.main(args) or 0)
    except Terminated:
        print("terminated", file=sys.stderr)
        return 143
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    finally:
        warnings.showwarning = shown
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised like Ctrl-C so that the same clean-up runs."""


def _raise_terminated(signum: int, frame: object) -> None:
    raise Terminated()


def _handle_sigterm() -> Any:
    """Make SIGTERM raise :class:`Terminated` (main thread only); returns the old handler."""
    if threading.current_thread() is not threading.main_thread():
        return None
    return signal.signal(signal.SIGTERM, _raise_terminated)
