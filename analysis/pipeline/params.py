"""The notebooks' parameters: what they are, and whether a run's values fit them.

Every top-level assignment of a notebook's cell tagged ``parameters`` is a parameter
(:func:`discover_parameters`); values from the command line or a parameter file are checked
against that schema before any notebook starts (:func:`validate_parameters`), and
:func:`run_parameters` gives the effective values of a run for the written summary.
"""

from __future__ import annotations

import ast
import io
import json
import tokenize
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from analysis.pipeline.notebooks import list_notebooks

# Output folders are set from --out (they must point into the staging folder), never by hand.
MANAGED_PARAMETERS = frozenset({"figures_dir", "tables_dir", "reports_dir"})
# Given to a notebook that declares it: the run's non-path parameters, for the summary.
RUN_PARAMETERS = "run_parameters"
PATH_SUFFIXES = ("_dir", "_path", "_file")


class ParameterError(ValueError):
    """Raised before any notebook starts when a parameter name or value is not acceptable."""


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


# --------------------------------------------------------------------------- discovery


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


# --------------------------------------------------------------------------- validation


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


# --------------------------------------------------------------------------- a run's values


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
