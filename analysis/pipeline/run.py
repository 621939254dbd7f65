"""Run the analysis notebooks in order with papermill, all-or-nothing.

``python -m analysis run`` (see :mod:`analysis.commands.run`) is a thin layer over
:func:`run_pipeline`, which

1. discovers each notebook's parameters (the cell tagged ``parameters``) and refuses unknown
   names or wrongly typed values *before* any notebook starts (:func:`discover_parameters`,
   :func:`validate_parameters`);
2. executes the notebooks into a staging folder next to the live outputs, on a kernel that runs
   this very interpreter, with a per-cell timeout; notebooks that do not depend on each other
   (sentiment and framing) run at the same time, and every notebook's kernel is started, with
   the modules the notebook imports already imported, while the notebooks before it run
   (:func:`start_kernel`), so kernel start-up and imports are off the critical path;
3. only when every notebook succeeded, swaps the staged figures, tables, executed notebooks and
   summary in for the live ones (:func:`promote`), rolling back if the swap itself fails.

A failing cell or an interrupted run therefore never leaves a mix of old and new outputs: the
live files stay byte-identical, and the partly executed notebook is kept under
``reports/failed/`` so the error can be read in context.
"""

from __future__ import annotations

import ast
import contextlib
import functools
import importlib
import io
import json
import logging
import os
import shutil
import sys
import tempfile
import threading
import time
import tokenize
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import FIRST_EXCEPTION, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from analysis.config import default_corpus_dir, output_dirs, project_root

DEFAULT_NOTEBOOKS: tuple[str, ...] = (
    "01_corpus.ipynb",
    "02_sentiment.ipynb",
    "03_framing.ipynb",
    "04_summary.ipynb",
)
# Notebooks that read only what the notebooks before them wrote, so they may run side by side.
# 01 stays alone: it computes the per-sentence cache that 02 and 03 read; started with it, each
# would compute the same (on a large corpus, expensive) entry itself.
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
# reports/cache/: per-sentence results keyed by a hash of their inputs (analysis.measure.cache). The
# staging folder starts from hard links to the live cache, so a run reuses it.
CACHE_DIR = "cache"
DEFAULT_TIMEOUT_S = 600
WARMUP_TIMEOUT_S = 120
# Kernels that start and import at the same time, in run order: one more than the cores (a kernel
# waits on its process start-up and sockets part of the time), so that the kernels needed first
# are ready early rather than every kernel late.
WARMUP_SLOTS = (os.cpu_count() or 1) + 1

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
        lines.append("Time per notebook (executing; kernels were started ahead):")
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


def _parameter_help(source: str) -> dict[str, str]:
    """The comment closing each top-level assignment's line, e.g. ``n_boot = 2000  # replicates``.

    This is the help text papermill shows for a parameter, read here without importing papermill
    (whose import alone takes about a second), so that validation stays quick.
    """
    try:
        tree = ast.parse(source)
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (SyntaxError, tokenize.TokenError):
        return {}
    comments = {
        tok.start[0]: tok.string.lstrip("#").strip()
        for tok in tokens
        if tok.type == tokenize.COMMENT
    }
    found: dict[str, str] = {}
    for node in tree.body:
        target = node.targets[0] if isinstance(node, ast.Assign) else getattr(node, "target", None)
        if isinstance(node, ast.Assign | ast.AnnAssign) and isinstance(target, ast.Name):
            found[target.id] = comments.get(node.end_lineno or node.lineno, "")
    return found


def discover_parameters(notebooks: Sequence[Path]) -> dict[str, ParamSpec]:
    """The union of the notebooks' parameters, with types inferred from annotation or default.

    Every top-level assignment of the ``parameters`` cell is a parameter (as for papermill, which
    replaces those values); its help text is the comment at the end of its line. The type comes
    from the annotation or else from the default's literal value.
    """
    specs: dict[str, ParamSpec] = {}
    for nb_path in notebooks:
        source = _parameters_cell(nb_path)
        parsed = _cell_parameters(source)
        helps = _parameter_help(source)
        names = list(parsed)
        for name in names:
            type_name, default, nullable = parsed[name]
            previous = specs.get(name)
            if previous is None:
                specs[name] = ParamSpec(
                    name,
                    type_name,
                    default,
                    nullable,
                    helps.get(name, ""),
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
                    previous.help or helps.get(name, ""),
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


def notebook_defaults(
    notebooks_dir: Path | str, overrides: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """What :func:`run_parameters` gives for a run with only ``overrides`` set.

    The summary notebook uses it when it is run by hand (e.g. from JupyterLab), so its parameter
    table lists every notebook's parameters, as after ``python -m analysis run``.
    """
    schema = discover_parameters(list_notebooks(notebooks_dir))
    given = {k: v for k, v in (overrides or {}).items() if k in schema}
    return run_parameters(given, schema)


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
    kernel: WarmKernel | None = None,
) -> None:
    """Execute one notebook with papermill, on ``kernel`` when given (tests replace this).

    With a :class:`WarmKernel`, papermill hands its manager to nbclient (``km=``), which then
    runs the cells on that already started kernel and leaves stopping it to the caller. The
    kernel's working directory is given through nbclient's ``resources`` rather than papermill's
    ``cwd``, which changes the whole process's directory and so is unsafe when two notebooks run
    in threads.
    """
    import papermill

    extra: dict[str, Any] = {} if kernel is None else {"km": kernel.manager}
    papermill.execute_notebook(
        str(input_path),
        str(output_path),
        parameters=parameters,
        kernel_name=KERNEL_NAME,
        execution_timeout=timeout,
        progress_bar=progress_bar,
        resources={"metadata": {"path": str(cwd)}},
        **extra,
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


# --------------------------------------------------------------------------- warm kernels


def notebook_imports(nb_path: Path) -> list[str]:
    """The modules a notebook's code cells import at top level, in order of first appearance.

    For ``from package import name`` both ``package`` and ``package.name`` are listed, since the
    name may be a submodule (the warm-up skips names that are not). Lines holding IPython magics
    or shell escapes are skipped; a cell that still does not parse is ignored (the notebook
    itself will report it).
    """
    with open(nb_path, encoding="utf-8") as handle:
        nb = json.load(handle)
    modules: list[str] = []
    for cell in nb.get("cells", []):
        if cell.get("cell_type") != "code":
            continue
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else source
        lines = [
            "" if line.lstrip().startswith(("%", "!")) else line for line in source.split("\n")
        ]
        try:
            tree = ast.parse("\n".join(lines))
        except SyntaxError:
            continue
        for node in tree.body:
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                # ``from analysis import report`` imports a submodule: try
                # ``analysis.report.summary``
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            else:
                continue
            modules += [name for name in names if name not in modules]
    return modules


def warmup_code(modules: Sequence[str]) -> str:
    """Code that imports ``modules`` and leaves no name behind in the kernel's namespace.

    A dotted name whose last part is already an attribute of its (imported) parent, such as
    ``pathlib.Path``, is not a module and is skipped; so is a module that fails to import: the
    notebook's own import cell then raises the error where the reader expects it.
    """
    return (
        "def _analysis_warmup(names):\n"
        "    import importlib, sys\n"
        "    for name in names:\n"
        "        parent, _, attr = name.rpartition('.')\n"
        "        if parent in sys.modules and attr in vars(sys.modules[parent]):\n"
        "            continue\n"
        "        try:\n"
        "            importlib.import_module(name)\n"
        "        except Exception:\n"
        "            pass\n"
        f"_analysis_warmup({list(modules)!r})\n"
        "del _analysis_warmup\n"
    )


@functools.cache
def _manager_class() -> type:
    """An ``AsyncKernelManager`` that remembers the clients opened on it, so they can be closed.

    nbclient does not close the client it opens on a kernel it was given (``km=``); its
    channels (one of them a heartbeat thread) would otherwise outlive the kernel.
    """
    from jupyter_client.manager import AsyncKernelManager

    class SharedKernelManager(AsyncKernelManager):  # type: ignore[misc]
        def client(self, **kwargs: Any) -> Any:
            client = super().client(**kwargs)
            self.__dict__.setdefault("opened_clients", []).append(client)
            return client

    return SharedKernelManager


class WarmKernel:
    """A kernel started, with its notebook's modules imported, before the notebook's turn.

    Starting a kernel and importing pandas, matplotlib and the package takes seconds; doing it
    while earlier notebooks run takes it off the critical path. Whoever starts one must call
    :meth:`shutdown` (the runner does, in a ``finally``), since nbclient leaves a kernel it was
    given running.
    """

    def __init__(self, manager: Any) -> None:
        self.manager = manager
        self._lock = threading.Lock()
        self._closed = False

    async def _start(
        self, cwd: Path, modules: Sequence[str], timeout: float, cancel: threading.Event | None
    ) -> None:
        from queue import Empty

        await self.manager.start_kernel(
            cwd=str(cwd), extra_arguments=["--HistoryManager.hist_file=:memory:"]
        )
        client = self.manager.client()
        client.start_channels()
        try:
            await client.wait_for_ready(timeout=timeout)
            if not modules:
                return
            # silent, not stored: no output and the execution count stays at its start
            msg_id = client.execute(warmup_code(modules), silent=True, store_history=False)
            deadline = time.monotonic() + timeout
            while cancel is None or not cancel.is_set():
                try:
                    reply = await client.get_shell_msg(timeout=0.25)
                except Empty:
                    if time.monotonic() > deadline:
                        raise TimeoutError(f"kernel warm-up took over {timeout:.0f} s") from None
                    continue
                if reply.get("parent_header", {}).get("msg_id") == msg_id:
                    return
        finally:
            client.stop_channels()

    def kill(self) -> None:
        """Stop the kernel process at once (safe from any thread); its notebook then fails."""
        process = getattr(getattr(self.manager, "provisioner", None), "process", None)
        if process is not None:
            with contextlib.suppress(OSError):
                process.kill()

    def shutdown(self) -> None:
        """Close every client opened on the kernel and stop it (only the first call acts)."""
        from jupyter_core.utils import run_sync

        with self._lock:
            if self._closed:
                return
            self._closed = True
        for client in self.manager.__dict__.get("opened_clients", []):
            with contextlib.suppress(Exception):
                client.stop_channels()
        with contextlib.suppress(Exception):
            run_sync(self.manager.shutdown_kernel)(now=False)


def start_kernel(
    notebook: Path,
    cwd: Path,
    cancel: threading.Event | None = None,
    timeout: float = WARMUP_TIMEOUT_S,
) -> WarmKernel:
    """Start a ``python3`` kernel in ``cwd`` and import what ``notebook`` imports.

    Call inside :func:`kernel_environment` (the kernelspec and environment come from there), in
    the thread that will execute the notebook: the kernel's manager keeps to that thread's event
    loop. Returns early, with the kernel running, when ``cancel`` is set. Tests replace this.
    """
    from jupyter_core.utils import run_sync

    kernel = WarmKernel(_manager_class()(kernel_name=KERNEL_NAME))
    try:
        run_sync(kernel._start)(cwd, notebook_imports(notebook), timeout, cancel)
    except BaseException:
        kernel.shutdown()
        raise
    return kernel


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


def check_corpus(corpus: Path | str) -> Path:
    """The corpus as an absolute path: a folder, or a corpus file of a format the readers take
    (``.csv``, ``.tsv``, ``.jsonl``, ``.parquet``, possibly compressed). The notebooks' parameter
    keeps its name ``corpus_dir`` for both."""
    path = Path(corpus).resolve()
    if path.is_dir():
        return path
    if not path.is_file():
        raise ParameterError(f"corpus not found (neither a folder nor a file): {path}")
    from analysis.corpus.files import CorpusFileError, detect_format

    try:
        detect_format(path)
    except CorpusFileError as error:
        raise ParameterError(str(error)) from error
    return path


def check_outlets(corpus: Path, outlets: Any) -> None:
    """Refuse, before anything starts, outlets that a folder corpus's manifest does not name.

    For a corpus file the notebooks check the names once the file has been read.
    """
    if not outlets or not corpus.is_dir():
        return
    from analysis.corpus.documents import CorpusError, read_manifest

    try:
        known = set(read_manifest(corpus)["outlet"].astype(str))
    except CorpusError:
        return  # the corpus notebook reports what is wrong with the folder
    unknown = sorted({str(o) for o in outlets} - known)
    if unknown:
        raise ParameterError(f"outlets not in the corpus: {unknown}; valid names: {sorted(known)}")


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
    corpus = check_corpus(values.get("corpus_dir") or default_corpus_dir())
    check_outlets(corpus, values.get("outlets"))
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
    jobs = {
        name: _Job(
            by_name[name],
            staged["notebooks"] / name,
            {k: v for k, v in values.items() if name in _declared_by(schema, k)},
            progress and len(stage) == 1,
        )
        for stage in plan
        for name in stage
    }
    result = RunResult(out_dir=live["root"])
    state = _RunState()
    try:
        # papermill's line-based parser warns about parameter lines it cannot read (the AST
        # discovery above read them); those warnings would only confuse.
        with kernel_environment(), _quiet("papermill.translators"):
            result.seconds = _run_plan(plan, jobs, nb_dir, timeout, log, state)
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
        for name in (n for n in state.started if n not in state.finished):
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


@dataclass(frozen=True)
class _Job:
    """One notebook of a run: where it is read from and written to, and its parameters."""

    input_path: Path
    output_path: Path
    parameters: dict[str, Any]
    progress_bar: bool


@dataclass
class _RunState:
    """Which notebooks were given their turn and which completed (read after an interrupt)."""

    started: list[str] = field(default_factory=list)
    finished: set[str] = field(default_factory=set)
    kernels: dict[str, WarmKernel] = field(default_factory=dict)
    cancel: threading.Event = field(default_factory=threading.Event)


class _OrderedSlots:
    """At most ``size`` holders at a time, let in strictly by ticket number (0, 1, 2, …).

    A plain semaphore lets waiting threads in in no particular order; the warm-ups must follow
    the run order, so that the kernels needed first are ready first.
    """

    def __init__(self, size: int) -> None:
        self._ready = threading.Condition()
        self._free = size
        self._next = 0

    @contextlib.contextmanager
    def hold(self, ticket: int) -> Iterator[None]:
        """Wait for ``ticket``'s turn and a free slot; release the slot on exit."""
        with self._ready:
            self._ready.wait_for(lambda: self._next == ticket and self._free > 0)
            self._free -= 1
            self._next += 1
            self._ready.notify_all()
        try:
            yield
        finally:
            with self._ready:
                self._free += 1
                self._ready.notify_all()


def _run_plan(
    plan: Sequence[Sequence[str]],
    jobs: Mapping[str, _Job],
    cwd: Path,
    timeout: int,
    log: Log,
    state: _RunState,
) -> dict[str, float]:
    """Run the stages in order, a stage's notebooks side by side, every kernel warmed ahead.

    Every notebook gets a thread at once. The thread starts the notebook's kernel and imports
    its modules (:func:`start_kernel`; at most :data:`WARMUP_SLOTS` at a time, in run order),
    waits for its stage's turn, executes the notebook on that kernel, reports the outcome and
    only then shuts the kernel down (so the next stage need not wait for that). A stage starts
    only when the previous one succeeded. When a notebook fails, the others of its stage that
    have begun finish, and none that has not begins; on ``KeyboardInterrupt`` the running
    kernels are killed. Every kernel is shut down before this returns. Returns the seconds each
    notebook took to execute.
    """
    names = [name for stage in plan for name in stage]
    turn = {name: threading.Event() for name in names}
    outcome: dict[str, Future[float]] = {name: Future() for name in names}
    slots = _OrderedSlots(WARMUP_SLOTS)
    seconds: dict[str, float] = {}
    pool = ThreadPoolExecutor(max_workers=max(1, len(names)), thread_name_prefix="notebook")
    try:
        for ticket, name in enumerate(names):
            warm_slot = functools.partial(slots.hold, ticket)
            pool.submit(
                _run_job,
                name,
                jobs[name],
                cwd,
                timeout,
                turn[name],
                warm_slot,
                state,
                outcome[name],
            )
        importlib.import_module("papermill")  # about a second, while the kernels start
        for stage in plan:
            for name in stage:
                log(f"[{len(state.started) + 1}/{len(names)}] {name} …")
                state.started.append(name)
                turn[name].set()
            running = [outcome[name] for name in stage]
            wait(running, return_when=FIRST_EXCEPTION)
            failure = next((e for f in running if f.done() and (e := _error(f))), None)
            if failure is not None:
                state.cancel.set()  # no later notebook starts
                if not isinstance(failure, KeyboardInterrupt):
                    wait(running)  # the stage's others finish, so that their kernels shut down
                raise failure
            for name in stage:
                seconds[name] = outcome[name].result()
                log(f"      {name} done in {seconds[name]:.1f} s")
    except KeyboardInterrupt:
        state.cancel.set()
        for name in state.started:
            kernel = state.kernels.get(name)
            if kernel is not None and name not in state.finished:
                kernel.kill()
        raise
    finally:
        state.cancel.set()
        for event in turn.values():
            event.set()  # threads still waiting for their turn see the cancel and stop
        pool.shutdown(wait=True)
    return dict(sorted(seconds.items()))


def _error(future: Future[float]) -> BaseException | None:
    """The exception a finished notebook raised (None when it succeeded or never started)."""
    return None if future.cancelled() else future.exception()


def _run_job(
    name: str,
    job: _Job,
    cwd: Path,
    timeout: int,
    turn: threading.Event,
    warm_slot: Callable[[], contextlib.AbstractContextManager[None]],
    state: _RunState,
    outcome: Future[float],
) -> None:
    """Warm a kernel, wait for the notebook's turn, execute it, set ``outcome``; then shut the
    kernel down (always, also after a failure or an interrupt)."""
    module = sys.modules[__name__]  # looked up at call time, so that tests can replace functions
    kernel: WarmKernel | None = None
    try:
        with warm_slot():
            if not state.cancel.is_set():
                try:
                    kernel = module.start_kernel(job.input_path, cwd, state.cancel)
                except Exception:  # an optimisation only: papermill then starts its own kernel
                    kernel = None
        if kernel is not None:
            state.kernels[name] = kernel
        turn.wait()
        if state.cancel.is_set():
            outcome.cancel()
            outcome.set_running_or_notify_cancel()  # wakes wait(), which counts it as done
            return
        start = time.perf_counter()
        try:
            module.execute_notebook(
                job.input_path,
                job.output_path,
                job.parameters,
                cwd,
                timeout,
                job.progress_bar,
                kernel=kernel,
            )
        except KeyboardInterrupt:
            raise
        except Exception as err:
            index, count = _failed_cell(job.output_path)
            index = getattr(err, "cell_index", index)
            count = getattr(err, "exec_count", count)
            raise NotebookFailed(name, job.output_path, index, count, _describe_error(err)) from err
        state.finished.add(name)
        outcome.set_result(time.perf_counter() - start)
    except BaseException as err:  # handed to the main thread, which raises it
        if not outcome.done():
            outcome.set_exception(err)
    finally:
        if kernel is not None:
            kernel.shutdown()


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
