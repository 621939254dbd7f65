"""Run the analysis notebooks in order with papermill, all-or-nothing.

``python -m analysis run`` (see :mod:`analysis.commands.run`) is a thin layer over
:func:`run_pipeline`, which

1. discovers each notebook's parameters (the cell tagged ``parameters``) and refuses unknown
   names or wrongly typed values *before* any notebook starts (:func:`discover_parameters`,
   :func:`validate_parameters`);
2. executes the notebooks into a staging folder next to the live outputs, on a kernel that runs
   this very interpreter, with a per-cell timeout; notebooks that do not depend on each other
   (sentiment and framing) run at the same time;
3. only when every notebook succeeded, swaps the staged figures, tables, executed notebooks and
   summary in for the live ones (:func:`promote`), rolling back if the swap itself fails.

A failing cell or an interrupted run therefore never leaves a mix of old and new outputs: the
live files stay byte-identical, and the partly executed notebook is kept under
``reports/failed/`` so the error can be read in context.
"""

from __future__ import annotations

import ast
import contextlib
import json
import logging
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import FIRST_EXCEPTION, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from analysis.paths import default_corpus_dir, output_dirs, project_root

DEFAULT_NOTEBOOKS: tuple[str, ...] = (
    "01_corpus.ipynb",
    "02_sentiment.ipynb",
    "03_framing.ipynb",
    "04_summary.ipynb",
)
# Notebooks that read only what the notebooks before them wrote, so they may run side by side.
INDEPENDENT_GROUPS: tuple[frozenset[str], ...] = (
    frozenset({"02_sentiment.ipynb", "03_framing.ipynb"}),
)
# Output folders are set from --out (they must point into the staging folder), never by hand.
MANAGED_PARAMETERS = frozenset({"figures_dir", "tables_dir", "reports_dir"})
# Given to a notebook that declares it: the run's non-path parameters, for the summary.
RUN_PARAMETERS = "run_parameters"
PATH_SUFFIXES = ("_dir", "_path", "_file")
FIGURE_SUFFIXES = (".png", ".svg")
FIGURES_README = "README.md"
KERNEL_NAME = "python3"
# reports/cache/: per-sentence results keyed by a hash of their inputs (analysis.cache). The
# staging folder starts from hard links to the live cache, so a run reuses it.
CACHE_DIR = "cache"
DEFAULT_TIMEOUT_S = 600

Log = Callable[[str], None]


class ParameterError(ValueError):
    """Raised before any notebook starts when a parameter name or value is not acceptable."""


class NotebookFailed(RuntimeError):
    """A notebook raised in a cell (or timed out); the live outputs were left untouched."""

    def __init__(
        self,
        notebook: str,
        partial_path: Path | None,
        cell_index: int | None = None,
        execution_count: int | None = None,
        error: str = "",
    ) -> None:
        self.notebook = notebook
        self.partial_path = partial_path
        self.cell_index = cell_index
        self.execution_count = execution_count
        self.error = error
        where = "" if cell_index is None else f" in cell {cell_index}"
        if execution_count is not None:
            where += f" (execution count {execution_count})"
        kept = f" Partly executed notebook: {partial_path}" if partial_path else ""
        super().__init__(f"Notebook {notebook} failed{where}: {error}.{kept}")


@dataclass(frozen=True)
class ParamSpec:
    """One notebook parameter: its name, type, default (as source text) and who declares it."""

    name: str
    type_name: str  # "int", "float", "bool", "str", "list", "dict" or "any"
    default: str
    nullable: bool
    help: str = ""
    notebooks: tuple[str, ...] = ()
    defaults: tuple[str, ...] = ()  # each declaring notebook's default, same order as notebooks


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
        lines.append("Time per notebook:")
        for name, seconds in self.seconds.items():
            lines.append(f"  {name:<24} {seconds:6.1f} s")
        lines.append(f"  {'total (wall)':<24} {self.total_seconds:6.1f} s")
        return "\n".join(lines)


# --------------------------------------------------------------------------- notebooks


def default_notebooks_dir() -> Path:
    """The project's ``notebooks/`` folder."""
    return project_root() / "notebooks"


def list_notebooks(notebooks_dir: Path | str) -> list[Path]:
    """The notebooks of a pipeline: ``*.ipynb`` in ``notebooks_dir``, in name order."""
    folder = Path(notebooks_dir)
    if not folder.is_dir():
        raise FileNotFoundError(f"notebooks folder not found: {folder}")
    notebooks = sorted(p for p in folder.glob("*.ipynb") if not p.name.startswith("."))
    if not notebooks:
        raise FileNotFoundError(f"no notebooks (*.ipynb) in {folder}")
    return notebooks


def plan_stages(
    names: Sequence[str], independent: Sequence[frozenset[str]] = INDEPENDENT_GROUPS
) -> list[list[str]]:
    """Split the ordered notebook names into stages; a stage's notebooks may run together.

    Consecutive notebooks that belong to the same independent group share a stage; every other
    notebook is a stage of its own, so order is kept everywhere else.
    """
    stages: list[list[str]] = []
    current_group: frozenset[str] | None = None
    for name in names:
        group = next((g for g in independent if name in g), None)
        if group is not None and group == current_group and stages:
            stages[-1].append(name)
        else:
            stages.append([name])
        current_group = group
    return stages


# --------------------------------------------------------------------------- parameters


def _parameters_cell(nb_path: Path) -> str:
    with open(nb_path, encoding="utf-8") as handle:
        nb = json.load(handle)
    for cell in nb.get("cells", []):
        if cell.get("cell_type") == "code" and "parameters" in cell.get("metadata", {}).get(
            "tags", []
        ):
            source = cell.get("source", "")
            return "".join(source) if isinstance(source, list) else source
    return ""


_TYPE_NAMES = {int: "int", float: "float", bool: "bool", str: "str", list: "list", dict: "dict"}


def _annotation_type(annotation: ast.expr | None) -> tuple[str | None, bool]:
    """(type name, allows None) from an annotation such as ``int``, ``list[str] | None``."""
    if annotation is None:
        return None, False
    text = ast.unparse(annotation).replace(" ", "")
    nullable = "None" in text or text.startswith("Optional[")
    text = text.removeprefix("Optional[")
    for part in text.replace("|", ",").replace("[", ",").split(","):
        base = part.lower().strip("]")
        if base in {"int", "float", "bool", "str", "list", "dict", "tuple", "sequence"}:
            return ("list" if base in {"tuple", "sequence"} else base), nullable
        if base in {"path", "pathlib.path"}:
            return "str", nullable
    return "any", nullable


def _cell_parameters(source: str) -> dict[str, tuple[str, str, bool]]:
    """Top-level assignments in a parameters cell: name -> (type, default text, nullable)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return {}
    found: dict[str, tuple[str, str, bool]] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, annotation, value = node.targets[0], None, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            target, annotation, value = node.target, node.annotation, node.value
        else:
            continue
        if not isinstance(target, ast.Name):
            continue
        type_name, nullable = _annotation_type(annotation)
        default_text = ast.unparse(value)
        try:
            default = ast.literal_eval(value)
        except ValueError:
            default = ...
        if default is None:
            nullable = True
        if type_name is None:
            type_name = _TYPE_NAMES.get(type(default), "any")
            if isinstance(default, tuple):
                type_name = "list"
        found[target.id] = (type_name, default_text, nullable)
    return found


def discover_parameters(notebooks: Sequence[Path]) -> dict[str, ParamSpec]:
    """The union of the notebooks' parameters, with types inferred from annotation or default.

    Names and help texts come from :func:`papermill.inspect_notebook`; papermill infers a type
    only from an annotation, so the type is also taken from the default's literal value (and
    assignments papermill's parser misses, such as ``x: list[str] | None = None``, are added).
    """
    import papermill

    specs: dict[str, ParamSpec] = {}
    for nb_path in notebooks:
        with _quiet("papermill"):  # it warns about lines it cannot parse; the AST below can
            inspected = papermill.inspect_notebook(str(nb_path))
        parsed = _cell_parameters(_parameters_cell(nb_path))
        names = list(inspected) + [n for n in parsed if n not in inspected]
        for name in names:
            info = inspected.get(name, {})
            type_name, default, nullable = parsed.get(
                name, ("any", str(info.get("default", "None")), True)
            )
            previous = specs.get(name)
            if previous is None:
                specs[name] = ParamSpec(
                    name,
                    type_name,
                    default,
                    nullable,
                    str(info.get("help", "")),
                    (nb_path.name,),
                    (default,),
                )
            else:
                merged_type = previous.type_name if previous.type_name != "any" else type_name
                specs[name] = ParamSpec(
                    name,
                    merged_type,
                    previous.default,
                    previous.nullable or nullable,
                    previous.help or str(info.get("help", "")),
                    (*previous.notebooks, nb_path.name),
                    (*previous.defaults, default),
                )
    return dict(sorted(specs.items()))


@contextlib.contextmanager
def _quiet(logger_name: str) -> Iterator[None]:
    logger = logging.getLogger(logger_name)
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def describe_parameters(schema: Mapping[str, ParamSpec]) -> str:
    """One line per parameter: name, type, default and the notebooks that use it."""
    lines = []
    for spec in schema.values():
        if spec.name == RUN_PARAMETERS:
            continue
        managed = "  (set by --out)" if spec.name in MANAGED_PARAMETERS else ""
        help_text = f"  # {spec.help}" if spec.help else ""
        lines.append(
            f"  {spec.name:<16} {spec.type_name:<5} default {spec.default:<22} "
            f"in {', '.join(spec.notebooks)}{managed}{help_text}"
        )
    return "\n".join(lines)


def parse_cli_value(raw: str) -> Any:
    """A ``-p KEY VALUE`` value read as a YAML scalar, like papermill's ``-y``: ``500`` is int."""
    try:
        return yaml.safe_load(raw) if raw.strip() else raw
    except yaml.YAMLError:
        return raw


def _coerce(spec: ParamSpec, value: Any, raw: str | None) -> Any:
    """``value`` converted to the parameter's type, or a ``TypeError`` saying what was expected."""
    if value is None:
        if spec.nullable or spec.type_name == "any":
            return None
        raise TypeError(f"expects {spec.type_name}, got null")
    kind = spec.type_name
    if kind == "any":
        return value
    if kind == "str":
        if raw is not None:  # from the command line: keep the text exactly as typed
            return raw
        if isinstance(value, str):
            return value
    elif kind == "bool":
        if isinstance(value, bool):
            return value
    elif kind == "int":
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    elif kind == "float":
        if isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
    elif kind == "list":
        if isinstance(value, list | tuple):
            return list(value)
        if isinstance(value, str):  # "a,b" on the command line
            return [item.strip() for item in value.split(",") if item.strip()]
    elif kind == "dict" and isinstance(value, dict):
        return value
    shown = raw if raw is not None else repr(value)
    raise TypeError(f"expects {kind}, got {shown!r} ({type(value).__name__})")


def validate_parameters(
    values: Mapping[str, Any],
    schema: Mapping[str, ParamSpec],
    raw: Mapping[str, str] | None = None,
    base_dir: Path | None = None,
) -> dict[str, Any]:
    """Check names and types against ``schema``; return the values converted to their types.

    ``raw`` holds the command-line text of values given with ``-p`` (so a ``str`` parameter
    keeps ``007`` as typed). Path-like parameters (``*_dir``, ``*_path``, ``*_file``) are made
    absolute against ``base_dir`` (default: the working directory). Every problem is reported
    at once, with the list of valid names.
    """
    raw = raw or {}
    base = (base_dir or Path.cwd()).resolve()
    problems: list[str] = []
    checked: dict[str, Any] = {}
    for name, value in values.items():
        spec = schema.get(name)
        if spec is None:
            problems.append(f"unknown parameter {name!r}")
            continue
        if name in MANAGED_PARAMETERS:
            problems.append(f"{name!r} is set by --out (figures/ and reports/ under it)")
            continue
        if name == RUN_PARAMETERS:
            problems.append(f"{name!r} is filled in by the runner")
            continue
        try:
            converted = _coerce(spec, value, raw.get(name))
        except TypeError as err:
            problems.append(f"parameter {name!r} {err}")
            continue
        if isinstance(converted, str) and converted and name.endswith(PATH_SUFFIXES):
            converted = str((base / Path(converted).expanduser()).resolve())
        checked[name] = converted
    if problems:
        valid = ", ".join(n for n in schema if n not in MANAGED_PARAMETERS and n != RUN_PARAMETERS)
        raise ParameterError(
            "invalid parameters:\n  - " + "\n  - ".join(problems) + f"\nvalid names: {valid}"
        )
    return checked


def load_parameter_file(path: Path | str) -> dict[str, Any]:
    """Parameters from a YAML (or JSON) file holding one mapping of name -> value."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ParameterError(f"parameter file not found: {path}") from None
    except yaml.YAMLError as err:
        raise ParameterError(f"parameter file {path} is not valid YAML: {err}") from None
    if data is None:
        return {}
    if not isinstance(data, dict) or not all(isinstance(k, str) for k in data):
        raise ParameterError(f"parameter file {path} must hold a mapping of name: value")
    return data


def _literal(text: str) -> Any:
    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return text


def _default_value(spec: ParamSpec) -> Any:
    """The default, or, when the notebooks' defaults differ, a string saying which is where."""
    values = [_literal(d) for d in spec.defaults] or [_literal(spec.default)]
    if all(v == values[0] for v in values):
        return values[0]
    return "; ".join(f"{v!r} in {nb}" for v, nb in zip(values, spec.notebooks, strict=True))


def run_parameters(values: Mapping[str, Any], schema: Mapping[str, ParamSpec]) -> dict[str, Any]:
    """The effective non-path parameters of a run (given or default), for the written summary."""
    effective: dict[str, Any] = {}
    for name, spec in schema.items():
        if name.endswith(PATH_SUFFIXES) or name in MANAGED_PARAMETERS or name == RUN_PARAMETERS:
            continue
        effective[name] = values[name] if name in values else _default_value(spec)
    return effective


# --------------------------------------------------------------------------- execution


@contextlib.contextmanager
def kernel_environment() -> Iterator[Path]:
    """A ``python3`` kernelspec that runs this interpreter, plus a quiet, deterministic env.

    The kernelspec lives in a temporary folder put first on ``JUPYTER_PATH``, so nothing is
    installed and a ``python3`` kernel registered elsewhere (another Python) is not used.
    Kernels inherit ``MPLBACKEND=Agg`` and ``PYTHONHASHSEED=0``.
    """
    saved = {k: os.environ.get(k) for k in ("JUPYTER_PATH", "MPLBACKEND", "PYTHONHASHSEED")}
    with tempfile.TemporaryDirectory(prefix="analysis-kernel-") as tmp:
        spec_dir = Path(tmp) / "kernels" / KERNEL_NAME
        spec_dir.mkdir(parents=True)
        spec = {
            "argv": [
                sys.executable,
                "-m",
                "ipykernel_launcher",
                "-f",
                "{connection_file}",
                "--IPKernelApp.log_level=CRITICAL",
            ],
            "display_name": f"Python 3 ({sys.executable})",
            "language": "python",
        }
        (spec_dir / "kernel.json").write_text(json.dumps(spec, indent=1), encoding="utf-8")
        jupyter_path = [tmp] + ([saved["JUPYTER_PATH"]] if saved["JUPYTER_PATH"] else [])
        os.environ["JUPYTER_PATH"] = os.pathsep.join(jupyter_path)
        os.environ["MPLBACKEND"] = "Agg"
        os.environ["PYTHONHASHSEED"] = "0"
        try:
            yield spec_dir
        finally:
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value


def execute_notebook(
    input_path: Path,
    output_path: Path,
    parameters: dict[str, Any],
    cwd: Path,
    timeout: int,
    progress_bar: bool,
) -> None:
    """Execute one notebook with papermill (tests replace this function).

    The kernel's working directory is given through nbclient's ``resources`` rather than
    papermill's ``cwd``, which changes the whole process's directory and so is unsafe when two
    notebooks run in threads.
    """
    import papermill

    papermill.execute_notebook(
        str(input_path),
        str(output_path),
        parameters=parameters,
        kernel_name=KERNEL_NAME,
        execution_timeout=timeout,
        progress_bar=progress_bar,
        resources={"metadata": {"path": str(cwd)}},
    )


def _failed_cell(partial: Path) -> tuple[int | None, int | None]:
    """(cell index, execution count) of the cell that failed or was running, from papermill's
    per-cell status in the partly executed notebook."""
    try:
        nb = json.loads(partial.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None, None
    for index, cell in enumerate(nb.get("cells", [])):
        status = cell.get("metadata", {}).get("papermill", {}).get("status")
        if status in {"failed", "running"}:
            return index, cell.get("execution_count")
    return None, None


def _describe_error(err: BaseException) -> str:
    ename = getattr(err, "ename", None)
    evalue = getattr(err, "evalue", None)
    if ename:
        return f"{ename}: {evalue}"
    text = str(err).strip().splitlines()
    return f"{type(err).__name__}: {text[0] if text else ''}".rstrip(": ")


def _relative(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


def _stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- promotion


def _move(src: Path, dst: Path) -> None:
    """Rename ``src`` to ``dst`` (same filesystem; replaced in tests to simulate a failure)."""
    os.replace(src, dst)


def _promotion_plan(staged: Path, live: Path) -> tuple[list[Path], list[tuple[Path, Path]]]:
    """(live paths to move aside, (staged, live) pairs to move in)."""
    s_dirs, l_dirs = output_dirs(staged), output_dirs(live)
    old: list[Path] = []
    new: list[tuple[Path, Path]] = []
    if l_dirs["figures"].is_dir():
        old += sorted(
            p
            for p in l_dirs["figures"].iterdir()
            if p.is_file() and (p.suffix in FIGURE_SUFFIXES or p.name == FIGURES_README)
        )
    if s_dirs["figures"].is_dir():
        new += [(p, l_dirs["figures"] / p.name) for p in sorted(s_dirs["figures"].iterdir())]
    if s_dirs["reports"].is_dir():
        for entry in sorted(s_dirs["reports"].iterdir()):
            new.append((entry, l_dirs["reports"] / entry.name))
    # Every live reports/ entry the new run replaces (tables/ and notebooks/ as whole folders),
    # plus the standard ones even when this run did not produce them (no stale mix).
    replaced = {dst.name for _, dst in new if dst.parent == l_dirs["reports"]}
    replaced |= {"tables", "notebooks", "summary.md", "summary.html"}
    old += [l_dirs["reports"] / n for n in sorted(replaced) if (l_dirs["reports"] / n).exists()]
    old += [
        dst for _, dst in new if dst.parent == l_dirs["figures"] and dst.exists() and dst not in old
    ]
    return old, new


def promote(staged_root: Path, live_root: Path) -> list[Path]:
    """Swap the staged outputs in for the live ones; on any error put everything back.

    Old files are first moved aside into ``reports/.previous-<pid>/``, then the new ones are
    moved in; only when both succeeded is the old copy deleted. Returns the live paths of every
    file written.
    """
    live_reports = output_dirs(live_root)["reports"]
    live_reports.mkdir(parents=True, exist_ok=True)
    backup = live_reports / f".previous-{os.getpid()}"
    old, new = _promotion_plan(staged_root, live_root)
    moved_aside: list[tuple[Path, Path]] = []
    moved_in: list[tuple[Path, Path]] = []
    try:
        for path in old:
            target = backup / path.relative_to(live_root)
            target.parent.mkdir(parents=True, exist_ok=True)
            _move(path, target)
            moved_aside.append((path, target))
        for src, dst in new:
            dst.parent.mkdir(parents=True, exist_ok=True)
            _move(src, dst)
            moved_in.append((src, dst))
    except BaseException:
        for src, dst in reversed(moved_in):
            os.replace(dst, src)
        for path, target in reversed(moved_aside):
            os.replace(target, path)
        shutil.rmtree(backup, ignore_errors=True)
        raise
    shutil.rmtree(backup, ignore_errors=True)
    written: list[Path] = []
    for _, dst in moved_in:
        written += sorted(p for p in dst.rglob("*") if p.is_file()) if dst.is_dir() else [dst]
    return written


# --------------------------------------------------------------------------- the run


def run_pipeline(
    parameters: Mapping[str, Any] | None = None,
    out_dir: Path | str | None = None,
    notebooks_dir: Path | str | None = None,
    stages: Sequence[Sequence[str]] | None = None,
    timeout: int = DEFAULT_TIMEOUT_S,
    progress: bool = True,
    log: Log = _stderr,
) -> RunResult:
    """Execute every notebook into a staging folder and promote the outputs if all succeeded.

    ``parameters`` must already be validated (:func:`validate_parameters`); ``corpus_dir``
    defaults to the bundled corpus. Each notebook receives only the parameters it declares,
    plus absolute ``figures_dir``/``tables_dir``/``reports_dir`` pointing into the staging
    folder. Raises :class:`NotebookFailed` (live outputs untouched, the partial notebook kept
    under ``reports/failed/``); ``KeyboardInterrupt`` is re-raised after the same clean-up.
    """
    started = time.perf_counter()
    nb_dir = Path(notebooks_dir or default_notebooks_dir()).resolve()
    notebooks = list_notebooks(nb_dir)
    by_name = {p.name: p for p in notebooks}
    plan = [list(s) for s in stages] if stages is not None else plan_stages(list(by_name))
    missing = [n for stage in plan for n in stage if n not in by_name]
    if missing:
        raise FileNotFoundError(f"notebooks not found in {nb_dir}: {', '.join(missing)}")
    schema = discover_parameters([by_name[n] for stage in plan for n in stage])
    values = dict(parameters or {})
    corpus = Path(values.get("corpus_dir") or default_corpus_dir()).resolve()
    if not corpus.is_dir():
        raise ParameterError(f"corpus folder not found: {corpus}")
    values["corpus_dir"] = str(corpus)

    live = output_dirs(out_dir)
    live["reports"].mkdir(parents=True, exist_ok=True)
    staging_root = live["reports"] / f".staging-{os.getpid()}"
    shutil.rmtree(staging_root, ignore_errors=True)
    staged = output_dirs(staging_root)
    for key in ("figures", "tables", "notebooks"):
        staged[key].mkdir(parents=True, exist_ok=True)
    _seed_cache(live["reports"] / CACHE_DIR, staged["reports"] / CACHE_DIR)
    values.update(
        figures_dir=str(staged["figures"]),
        tables_dir=str(staged["tables"]),
        reports_dir=str(staged["reports"]),
    )
    values[RUN_PARAMETERS] = run_parameters(values, schema)
    total = sum(len(s) for s in plan)
    result = RunResult(out_dir=live["root"])
    counter = 0
    running: list[str] = []
    finished: set[str] = set()
    try:
        # papermill's line-based parser warns about parameter lines it cannot read (the AST
        # discovery above read them); those warnings would only confuse.
        with kernel_environment(), _quiet("papermill.translators"):
            for stage in plan:
                jobs: dict[str, Callable[[], float]] = {}
                for name in stage:
                    counter += 1
                    declared = {k: v for k, v in values.items() if name in _declared_by(schema, k)}
                    log(f"[{counter}/{total}] {name} …")
                    jobs[name] = _job(
                        by_name[name],
                        staged["notebooks"] / name,
                        declared,
                        nb_dir,
                        timeout,
                        progress and len(stage) == 1,
                        finished,
                    )
                running = list(stage)
                result.seconds.update(_run_stage(jobs, staged["notebooks"], log))
                running = []
        written = promote(staging_root, live["root"])
    except NotebookFailed as failure:
        failure.partial_path = _keep_failed(staged["notebooks"], live["reports"], failure.notebook)
        raise NotebookFailed(
            failure.notebook,
            failure.partial_path,
            failure.cell_index,
            failure.execution_count,
            failure.error,
        ) from failure.__cause__
    except KeyboardInterrupt:
        for name in (n for n in running if n not in finished):
            kept = _keep_failed(staged["notebooks"], live["reports"], name)
            log(f"interrupted during {name}; live outputs untouched; partly executed: {kept}")
        raise
    finally:
        shutil.rmtree(staging_root, ignore_errors=True)
    failed_dir = live["reports"] / "failed"
    if failed_dir.is_dir():  # left by an earlier failed run; this run supersedes it
        shutil.rmtree(failed_dir, ignore_errors=True)
    result.written = written
    result.total_seconds = time.perf_counter() - started
    return result


def _seed_cache(live_cache: Path, staged_cache: Path) -> None:
    """Give the staging folder the live cache as hard links (copies where links fail).

    Cache entries are written once into a new folder and never modified in place, so sharing
    their files is safe; the promoted cache is the old one plus this run's entries.
    """
    if not live_cache.is_dir():
        return

    def link(src: str, dst: str) -> None:
        try:
            os.link(src, dst)
        except OSError:
            shutil.copy2(src, dst)

    shutil.copytree(live_cache, staged_cache, copy_function=link)


def _declared_by(schema: Mapping[str, ParamSpec], name: str) -> tuple[str, ...]:
    spec = schema.get(name)
    return spec.notebooks if spec else ()


def _job(
    input_path: Path,
    output_path: Path,
    parameters: dict[str, Any],
    cwd: Path,
    timeout: int,
    progress_bar: bool,
    finished: set[str],
) -> Callable[[], float]:
    def run() -> float:
        start = time.perf_counter()
        try:
            # Looked up at call time so that tests can replace the module's function.
            sys.modules[__name__].execute_notebook(
                input_path, output_path, parameters, cwd, timeout, progress_bar
            )
        except KeyboardInterrupt:
            raise
        except Exception as err:
            index, count = _failed_cell(output_path)
            index = getattr(err, "cell_index", index)
            count = getattr(err, "exec_count", count)
            raise NotebookFailed(
                input_path.name, output_path, index, count, _describe_error(err)
            ) from err
        finished.add(input_path.name)
        return time.perf_counter() - start

    return run


def _run_stage(jobs: Mapping[str, Callable[[], float]], out: Path, log: Log) -> dict[str, float]:
    """Run one stage's notebooks (side by side when there are several); first failure raises."""
    seconds: dict[str, float] = {}
    if len(jobs) == 1:
        name, job = next(iter(jobs.items()))
        seconds[name] = job()
        log(f"      {name} done in {seconds[name]:.1f} s")
        return seconds
    with ThreadPoolExecutor(max_workers=len(jobs)) as pool:
        futures: dict[Future[float], str] = {pool.submit(job): n for n, job in jobs.items()}
        _, pending = wait(futures, return_when=FIRST_EXCEPTION)
        wait(pending)  # if one failed, let the other finish so that its kernel shuts down
        failures = []
        for future, name in futures.items():
            if future.exception() is None:
                seconds[name] = future.result()
                log(f"      {name} done in {seconds[name]:.1f} s")
            else:
                failures.append(future.exception())
        if failures:
            raise failures[0]  # type: ignore[misc]
    return dict(sorted(seconds.items()))


def _keep_failed(staged_notebooks: Path, live_reports: Path, name: str) -> Path | None:
    """Copy a partly executed notebook to ``reports/failed/`` (outside the staging folder)."""
    partial = staged_notebooks / name
    if not partial.is_file():
        return None
    failed = live_reports / "failed"
    failed.mkdir(parents=True, exist_ok=True)
    target = failed / name
    shutil.copyfile(partial, target)
    return target
