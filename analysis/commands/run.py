"""Run the whole analysis: every notebook in order with papermill, then the written summary.

Notebooks run on a kernel that uses this Python, into a staging folder; figures/, reports/tables/,
reports/notebooks/ and reports/summary.{md,html} under --out are replaced only when every
notebook succeeded. Only files a run wrote (listed in reports/.analysis-outputs.json) are ever
replaced or removed; an --out holding other files where a run writes is refused unless --force
(they are then kept). A second run into the same --out while one is running is refused.

Parameters reach only the notebooks that declare them; unknown names and wrongly typed values
are refused before anything starts (see --list-parameters). A parameter given in several places
takes the named option's value (--method, --group-by...), else -p's, else -f's, and a note says
so. What a notebook warned about the
input (a file not in UTF-8, articles left without text, outlets unknown) is repeated here as
"warning: ...", naming the notebook.

Examples:
  python -m analysis run
  python -m analysis run --corpus my_articles --out results --group-by origin -p n_boot 500
  python -m analysis run --corpus nexis_downloads --out results --group-by section
    (a folder of Nexis Uni .docx searches or Factiva pages or .rtf downloads, no manifest:
    each file read as its articles)
  python -m analysis run --corpus export.parquet --out results --outlets "Outlet A,Outlet B"
  python -m analysis run --corpus export.csv --map text=body,outlet=source --out results
  python -m analysis run --corpus export.csv --map published=date --group-by published:month
    (compares the months of each article's published date; also :quarter, :year, :week)
  python -m analysis run --corpus mycorpus -p codebook codebook.toml -p actors actors.toml
  python -m analysis run -f params.yaml --method vader-news
    (params.yaml: notebook parameters as a YAML mapping, e.g. n_boot: 500)
  python -m analysis run -p frame_coder models/coder -p tone_coder models/coder
    (a model from `python -m analysis train`; tone_coder needs one trained with a tone column)
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path
from typing import Any

from analysis.commands.options import JoinedMap
from analysis.config import GROUP_COLUMNS, output_dirs
from analysis.nltk_import import import_nltk_lean
from analysis.outputs import OutputsError, describe_os_error
from analysis.pipeline.execute import DEFAULT_TIMEOUT_S, NotebookFailed
from analysis.pipeline.notebooks import (
    DEFAULT_NOTEBOOKS,
    default_notebooks_dir,
    list_notebooks,
    other_notebooks,
)
from analysis.pipeline.params import (
    ParameterError,
    describe_parameters,
    discover_parameters,
    load_parameter_file,
    parse_cli_value,
    validate_parameters,
)
from analysis.pipeline.promote import check_output_folders, written_by_a_run
from analysis.pipeline.run import run_pipeline, started_kernels
from analysis.pipeline.schedule import Lanes


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``python -m analysis run``."""
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument(
        "--corpus",
        metavar="PATH",
        help="folder of articles (.txt, saved pages .html/.mhtml/.webarchive or .html.gz, "
        ".docx, .rtf, "
        "Markdown notes .md, and Nexis Uni, LexisNexis or Factiva exports, read as their "
        "articles), with a manifest.csv or without; one corpus file (.csv, .tsv, .json, "
        ".jsonl, .parquet, .xlsx, .xls, .ods; columns as `process` takes), or a folder of "
        "such files read as one; default: the bundled seeds/",
    )
    parser.add_argument(
        "--out",
        metavar="DIR",
        help="output root: figures go to DIR/figures, tables and summary to DIR/reports "
        "(default: the project root)",
    )
    parser.add_argument(
        "--group-by",
        metavar="COLUMN",
        help=f"compare groups of this metadata column: {' or '.join(GROUP_COLUMNS)}, or a column "
        "of your own in the manifest or corpus file (e.g. lean, section; not a field of each "
        "article such as title or language); or periods of the published date: "
        "published:month (2025-03), published:quarter (2025-Q1), published:year (2025) or "
        "published:week (ISO week, 2025-W07); articles without a date are left out, each in "
        "the audit",
    )
    parser.add_argument(
        "--map",
        metavar="MAPPING",
        action=JoinedMap,
        help="a corpus file's columns as ours=theirs pairs, e.g. text=body,outlet=source "
        "(as `process --map`; or repeated: --map text=body --map outlet=source)",
    )
    parser.add_argument(
        "--outlets",
        metavar="A,B",
        help="comma-separated outlets to keep (default: all), by their outlet whatever "
        "--group-by is (to compare some leans, name their outlets); a name with a comma in "
        "double quotes: '\"Smith, Jones & Co\",Harbour Post'",
    )
    parser.add_argument(
        "--method", choices=["vader", "vader-news"], help="sentiment scorer (default: vader)"
    )
    parser.add_argument(
        "-p",
        "--parameter",
        nargs=2,
        action="append",
        default=[],
        metavar=("KEY", "VALUE"),
        help="any notebook parameter; VALUE is read as YAML (500 is an int, true a bool)",
    )
    parser.add_argument(
        "-f", "--parameters-file", metavar="YAML", help="notebook parameters as a YAML mapping"
    )
    parser.add_argument(
        "--timeout",
        type=_timeout_seconds,
        default=DEFAULT_TIMEOUT_S,
        metavar="SECONDS",
        help=f"time limit per cell in seconds, 0 for none (default: {DEFAULT_TIMEOUT_S})",
    )
    parser.add_argument(
        "--notebooks", metavar="DIR", help="folder of notebooks to run (default: notebooks/)"
    )
    parser.add_argument(
        "--list-parameters", action="store_true", help="list every notebook parameter and exit"
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="write into an --out that holds files this package did not write (they are kept; "
        "one with an output's name is first kept beside it as NAME.yours.EXT)",
    )
    parser.add_argument("--no-progress", action="store_true", help="no progress bars")
    parser.add_argument(
        "--rerun",
        action="store_true",
        help="run every notebook even when inputs, parameters and code are unchanged since the "
        "last run into --out (by default such a run reuses its outputs)",
    )


def _timeout_seconds(text: str) -> int:
    """``--timeout``'s value: whole seconds, 0 for no limit; a negative one is refused (a
    tester's ``--timeout -1`` was taken without a word)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected whole seconds, got {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 (no limit) or more seconds, got {value}")
    return value


def collect_parameters(args: argparse.Namespace) -> tuple[dict[str, Any], dict[str, str]]:
    """(values, command-line text of each value) from -f, then -p, then the named options."""
    values: dict[str, Any] = {}
    raw: dict[str, str] = {}
    if args.parameters_file:
        values.update(load_parameter_file(args.parameters_file))
    for key, text in args.parameter:
        values[key] = parse_cli_value(text)
        raw[key] = text
    named = {key: getattr(args, attribute) for key, (_, attribute) in NAMED_OPTIONS.items()}
    for key, text in named.items():
        if text is not None:
            values[key] = text
            raw[key] = text
    return values, raw


# the parameter each named option sets: (option, its attribute in the parsed arguments)
NAMED_OPTIONS = {
    "corpus_dir": ("--corpus", "corpus"),
    "group_by": ("--group-by", "group_by"),
    "outlets": ("--outlets", "outlets"),
    "method": ("--method", "method"),
    "column_map": ("--map", "map"),
}


def overridden_values(args: argparse.Namespace) -> list[str]:
    """One line per parameter given different values in more than one place (``-f``, ``-p``, a
    named option), saying which wins, as :func:`collect_parameters` takes them: a tester's
    ``--method vader-news -p method vader`` ran vader-news without a word."""
    given: dict[str, list[tuple[str, Any]]] = {}
    if args.parameters_file:
        for key, value in load_parameter_file(args.parameters_file).items():
            given.setdefault(key, []).append((f"{key}: {value} in {args.parameters_file}", value))
    for key, text in args.parameter:
        given.setdefault(key, []).append((f"-p {key} {text}", parse_cli_value(text)))
    for key, (option, attribute) in NAMED_OPTIONS.items():
        text = getattr(args, attribute)
        if text is not None:
            given.setdefault(key, []).append((f"{option} {text}", text))
    lines = []
    for places in given.values():
        if len({repr(value) for _, value in places}) > 1:
            losers = "; ".join(place for place, _ in places[:-1])
            lines.append(f"note: {places[-1][0]} is used, not {losers}")
    return lines


def _unchanged_run(
    args: argparse.Namespace, values: dict[str, Any], notebooks: list[Path]
) -> str | list[Path] | None:
    """The run's key (:func:`analysis.pipeline.rerun.run_key`), or, when the last run into
    ``--out`` had the same key and its outputs are untouched, those outputs (after saying that
    they are reused); None when the key cannot be computed (the run then reports the problem)."""
    from analysis.config import default_corpus_dir
    from analysis.outputs import LOCK, OutputsError, locked
    from analysis.pipeline.rerun import (
        RECORD,
        corpus_label,
        recorded_corpus,
        reusable_outputs,
        run_key,
    )

    corpus = values.get("corpus_dir") or default_corpus_dir()
    try:
        key = run_key(values, notebooks, corpus, output_dirs(args.out)["root"])
    except (OSError, ValueError):
        return None
    earlier = recorded_corpus(args.out)
    if earlier is not None and earlier != corpus_label(corpus):
        # a tester's second corpus, run into the first one's --out, replaced its outputs unsaid
        print(
            f"note: {output_dirs(args.out)['root']} holds the outputs of a run on another "
            f"corpus ({earlier}); this run on {corpus_label(corpus)} replaces them when it "
            "succeeds. To keep both, stop it (Ctrl-C) and choose another --out.",
            file=sys.stderr,
        )
    if args.rerun:
        _say_why_it_reruns(args.out, key, forced=True)
        return key
    reports = output_dirs(args.out)["reports"]
    if not (output_dirs(args.out)["cache"] / RECORD).is_file():  # no run of ours recorded
        return key  # there: nothing to reuse, and no lock file to leave in the user's folder
    from analysis.pipeline.promote import FAILED_DIR, clear_failed

    try:
        with locked(reports / LOCK, output_dirs(args.out)["root"]):
            reused = reusable_outputs(args.out, key)
            # an interrupted --rerun's partial notebooks: these outputs supersede them
            stale, kept = clear_failed(reports) if reused is not None else ([], [])
    except (OSError, OutputsError):
        return key
    if reused is None:
        _say_why_it_reruns(args.out, key)
        return key
    if stale:
        print(
            f"removed {len(stale)} partly run notebook(s) an interrupted or failed run left in "
            f"{reports / FAILED_DIR}"
        )
    if kept:
        print(
            f"kept {', '.join(p.name for p in kept)} in {reports / FAILED_DIR}: not as a "
            "failed run left it (changed since, or not written by this package); remove it "
            "when done"
        )
    root = output_dirs(args.out)["root"]
    print(
        f"Nothing changed since the last run into {root} (code, notebooks, parameters, corpus, "
        f"lexicons and packages hash-identical, and its {len(reused) - 1} outputs untouched): "
        "reused them without running a notebook. Use --rerun to run anyway."
    )
    from analysis.pipeline.notebook_warnings import warning_lines

    kept = [output_dirs(args.out)["notebooks"] / path.name for path in notebooks]
    for line in warning_lines([path for path in kept if path.is_file()]):
        print(line, file=sys.stderr)  # what the input warned about holds for these outputs too
    return reused


def _say_why_it_reruns(out: str | None, key: str, forced: bool = False) -> None:
    """Print one line saying why a run into ``out`` runs its notebooks although a run is
    recorded there (:func:`analysis.pipeline.rerun.rerun_reason`): what changed since, or
    ``--rerun``; a tester could not tell a changed input from a forced rerun. Nothing when no
    run is recorded there, or the reason cannot be read."""
    from analysis.pipeline.rerun import rerun_reason

    try:
        line = rerun_reason(out, key, forced)
    except (OSError, ValueError, TypeError, AttributeError):  # an odd record: the run goes on
        return
    if line:
        print(line)


def main(args: argparse.Namespace) -> int:
    """Validate the parameters, run the notebooks and print what was written where.

    Unless the run is an unchanged rerun (nothing to run) or only lists the parameters, the
    kernels start (:func:`~analysis.pipeline.run.started_kernels`) before the parameters are
    checked, so that they start and import on the other core meanwhile; a refused run shuts
    them down again.
    """
    with contextlib.ExitStack() as stack:
        try:
            notebooks_dir = Path(args.notebooks) if args.notebooks else default_notebooks_dir()
            notebooks = list_notebooks(notebooks_dir)
            _note_other_notebooks(notebooks_dir)
            key = None
            lanes = None
            if not args.list_parameters:
                _refuse_unsafe_out(args.out)
                out = output_dirs(args.out)["root"]
                if out.exists() and not out.is_dir():
                    raise ParameterError(f"--out {out} exists and is not a folder")
                values, _ = collect_parameters(args)
                for line in overridden_values(args):
                    print(line, file=sys.stderr)
                _refuse_own_corpus_into_the_checkout(args, values)
                key = _unchanged_run(args, values, notebooks)
                if isinstance(key, list):
                    return 0
                lanes = stack.enter_context(started_kernels(notebooks_dir))
                import_nltk_lean()  # not before: a rerun needs no NLTK
            schema = discover_parameters(notebooks)
            if args.list_parameters:
                print(f"Parameters of the notebooks in {notebooks_dir}:")
                print(describe_parameters(schema))
                return 0
            values, raw = collect_parameters(args)
            checked = validate_parameters(values, schema, raw)
        except (ParameterError, FileNotFoundError) as err:
            print(f"error: {err}", file=sys.stderr)
            return 2
        return _run(args, checked, notebooks_dir, key, lanes)


def _refuse_unsafe_out(out: str | None) -> None:
    """Refuse an ``--out`` that is empty (an unset shell variable), the file system's root, or
    a quoted ``~`` the shell left unexpanded (:func:`~analysis.commands.options.unsafe_out`): a
    tester's ``--out /`` wrote figures/ and reports/ at the root, and ``--out '~'`` made a
    folder named "~" in the working directory, inviting a later ``rm -rf ~``. A folder of
    ``--out`` that a run writes into and that is a symbolic link (the outputs would be written
    wherever it leads, outside ``--out``) or a file is refused too, before the kernels start
    (:func:`~analysis.pipeline.promote.check_output_folders`)."""
    from analysis.commands.options import tilde_folder_note, unsafe_out

    if out is None:
        return
    if not out.strip():
        raise ParameterError(
            "--out is empty (an unset shell variable?); give the folder for the outputs"
        )
    problem = unsafe_out(out)
    if problem:
        raise ParameterError(problem)
    try:
        check_output_folders(Path(out))  # before the kernels start
    except OutputsError as err:
        raise ParameterError(str(err)) from None
    note = tilde_folder_note(out)
    if note:
        print(note, file=sys.stderr)


def _refuse_own_corpus_into_the_checkout(args: argparse.Namespace, values: dict[str, Any]) -> None:
    """Refuse a corpus other than the bundled one without ``--out``, or with an ``--out`` that
    is the project checkout itself (``--out .`` there): its outputs would replace the bundled
    story's in the checkout's ``figures/`` and ``reports/`` (a tester's run changed 47
    committed files), and mix with them where the run keeps its cache."""
    from analysis.config import default_corpus_dir, project_root

    corpus = values.get("corpus_dir")
    if not corpus or not (project_root() / "pyproject.toml").is_file():
        return
    into_checkout = args.out is not None and (
        Path(args.out).expanduser().resolve() == project_root().resolve()
    )
    if args.out is not None and not into_checkout:
        return
    if Path(str(corpus)).resolve() == default_corpus_dir().resolve():
        return
    how = f"with --out {args.out}, the project checkout," if into_checkout else "without --out"
    raise ParameterError(
        f"--corpus {corpus} {how} would write its figures and reports over the bundled "
        f"story's in {project_root()}; give --out FOLDER for your corpus's outputs (a new or "
        "empty folder)"
    )


def _note_other_notebooks(notebooks_dir: Path) -> None:
    """Say on stderr which notebooks of the project's ``notebooks/`` are not the pipeline's and
    are not run (a JupyterLab copy, an experiment), so that none is thought to have run."""
    others = other_notebooks(notebooks_dir)
    if others:
        shown = ", ".join(others[:5]) + (" …" if len(others) > 5 else "")
        print(
            f"note: {len(others)} notebook(s) in {notebooks_dir} are not the pipeline's and are "
            f"not run: {shown} (the pipeline runs {', '.join(DEFAULT_NOTEBOOKS)}; run a folder of "
            "your own notebooks with --notebooks DIR)",
            file=sys.stderr,
        )


def _run(
    args: argparse.Namespace,
    checked: dict[str, Any],
    notebooks_dir: Path,
    key: str | None,
    lanes: Lanes | None,
) -> int:
    """Run the pipeline with the checked parameters; print the report or the error."""
    had_outputs = bool(written_by_a_run(output_dirs(args.out)["root"]))
    try:
        result = run_pipeline(
            checked,
            out_dir=args.out,
            notebooks_dir=notebooks_dir,
            timeout=args.timeout,
            progress=not args.no_progress,
            force=args.force,
            record_key=key,
            lanes=lanes,
        )
    except (ParameterError, OutputsError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except OSError as err:
        print(f"error: {describe_os_error(err)}", file=sys.stderr)
        print(_outputs_after_failure(had_outputs), file=sys.stderr)
        return 1
    except NotebookFailed as err:
        print(f"error: {err}", file=sys.stderr)
        print(_outputs_after_failure(had_outputs), file=sys.stderr)
        return 1
    print(result.report())
    return 0


def _outputs_after_failure(had_outputs: bool) -> str:
    """What a failed run left of the outputs: the previous ones unchanged, or, in a folder with
    none (a first run), none written (a tester was told "previous outputs" of a new folder)."""
    if had_outputs:
        return "The previous outputs were left unchanged."
    return "No figures or tables were written (there were none from an earlier run)."
