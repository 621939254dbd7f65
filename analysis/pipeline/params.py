"""The notebooks' parameters: what they are, and whether a run's values fit them.

Every name assigned in a notebook's cell tagged ``parameters`` is a parameter, exactly as
papermill sees it: :func:`discover_parameters` reads the cells with
:func:`papermill.inspect_notebook`, so that the runner never passes a notebook a name papermill
does not know (papermill would warn ``Passed unknown parameter``). papermill gives a type only
for annotated assignments (``n_boot: int = 2000``); for the others the type comes from the
default's literal value here (``outlets = []`` is a list).

Values from the command line or a parameter file are then checked against that schema before
any notebook starts (:func:`validate_parameters`): names and types, then each value against its
rule in :data:`PARAMETER_RULES` (allowed methods and groupings, ranges, existing files); and
:func:`run_parameters` gives the effective values of a run for the written summary.
"""

from __future__ import annotations

import ast
import functools
import re
import sys
import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from analysis.config import ARTICLE_FIELDS, GROUP_COLUMNS, MIN_N_BOOT, MIN_N_PERM, output_dirs
from analysis.name_lists import comma_list
from analysis.pipeline.notebooks import list_notebooks

# Output folders are set from --out (they must point into the staging folder), never by hand.
MANAGED_PARAMETERS = frozenset({"figures_dir", "tables_dir", "reports_dir"})
# Given to a notebook that declares it: the run's non-path parameters, for the summary.
RUN_PARAMETERS = "run_parameters"
PATH_SUFFIXES = ("_dir", "_path", "_file")
# papermill's ``inferred_type_name`` when an assignment has no annotation (or type comment).
UNKNOWN_TYPE = "None"

_LITERAL_TYPES = {
    int: "int",
    float: "float",
    bool: "bool",
    str: "str",
    list: "list",
    tuple: "list",
    dict: "dict",
}


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


def annotation_type(annotation: str) -> tuple[str | None, bool]:
    """(type name, allows None) from an annotation as papermill reports it.

    ``int`` gives ``("int", False)``, ``Optional[list[str]]`` gives ``("list", True)``, tuples
    and sequences are lists, paths are strings, any other annotation is ``"any"``; papermill's
    ``"None"`` (no annotation) gives ``(None, False)``, so that the default decides.
    """
    text = annotation.replace(" ", "")
    if not text or text == UNKNOWN_TYPE:
        return None, False
    nullable = "None" in text or text.startswith("Optional[")
    text = text.removeprefix("Optional[")
    for part in text.replace("|", ",").replace("[", ",").split(","):
        base = part.lower().strip("]")
        if base in {"int", "float", "bool", "str", "list", "dict", "tuple", "sequence"}:
            return ("list" if base in {"tuple", "sequence"} else base), nullable
        if base in {"path", "pathlib.path"}:
            return "str", nullable
    return "any", nullable


def _literal(text: str) -> Any:
    """The value a default's source text stands for; the text itself when it is no literal."""
    try:
        return ast.literal_eval(text)
    except (ValueError, TypeError, SyntaxError):
        return text


def _normalised(text: str) -> str:
    """A default's source text in one spelling (``"a"`` and ``'a'`` both read ``'a'``)."""
    try:
        return ast.unparse(ast.parse(text, mode="eval").body)
    except SyntaxError:
        return text


def parameter_spec(notebook: str, inspected: Mapping[str, Any]) -> ParamSpec:
    """A :class:`ParamSpec` from one entry of :func:`papermill.inspect_notebook`.

    papermill gives the annotation's text as the type (``"None"`` when there is none) and the
    default as source text. The type is the annotation's, else that of the default's literal
    value (``[]`` is a list, ``""`` a string, ``2000`` an int), else ``"any"`` (a default that is
    no literal, such as ``Path("x")``); a ``None`` default makes the parameter nullable.
    """
    type_name, nullable = annotation_type(str(inspected.get("inferred_type_name", UNKNOWN_TYPE)))
    default = _normalised(str(inspected.get("default", "None")))
    try:
        value = ast.literal_eval(default)
    except (ValueError, TypeError, SyntaxError):
        value = ...  # no literal: its type is not known before the notebook runs
    if value is None:
        nullable = True
    if type_name is None:
        type_name = _LITERAL_TYPES.get(type(value), "any")
    return ParamSpec(
        str(inspected["name"]),
        type_name,
        default,
        nullable,
        str(inspected.get("help") or ""),
        (notebook,),
        (default,),
    )


def notebook_parameters(nb_path: Path) -> dict[str, ParamSpec]:
    """One notebook's parameters, as papermill reads its cell tagged ``parameters``.

    A line papermill cannot read (for instance one with two ``=``) is no parameter, and papermill
    logs a warning naming it; a notebook papermill cannot open at all raises
    :class:`ParameterError`.
    """
    from analysis.pipeline.notebooks import skip_optional_slow_imports

    skip_optional_slow_imports()
    import papermill
    from papermill.exceptions import PapermillException

    try:
        inspected = papermill.inspect_notebook(str(nb_path))
    except (ValueError, PapermillException) as err:
        raise ParameterError(f"cannot read the parameters of {nb_path.name}: {err}") from err
    return {name: parameter_spec(nb_path.name, info) for name, info in inspected.items()}


def discover_parameters(notebooks: Sequence[Path]) -> dict[str, ParamSpec]:
    """The union of the notebooks' parameters, sorted by name.

    A parameter several notebooks declare keeps the first notebook's default and help text (the
    first help text that is not empty), is nullable when any declaration is, takes the first
    type that is not ``"any"``, and lists every declaring notebook with its own default.
    """
    specs: dict[str, ParamSpec] = {}
    for nb_path in notebooks:
        for name, spec in notebook_parameters(nb_path).items():
            previous = specs.get(name)
            if previous is None:
                specs[name] = spec
                continue
            specs[name] = ParamSpec(
                name,
                previous.type_name if previous.type_name != "any" else spec.type_name,
                previous.default,
                previous.nullable or spec.nullable,
                previous.help or spec.help,
                (*previous.notebooks, *spec.notebooks),
                (*previous.defaults, *spec.defaults),
            )
    return dict(sorted(specs.items()))


def describe_parameters(schema: Mapping[str, ParamSpec]) -> str:
    """One line per parameter: name, type, default and the notebooks that use it, in columns as
    wide as their longest entry (a long name, "max_evidence_sentences", shifted its line)."""
    shown = [spec for spec in schema.values() if spec.name != RUN_PARAMETERS]
    name_width = max((len(spec.name) for spec in shown), default=0)
    default_width = max((len(spec.default) for spec in shown), default=0)
    lines = []
    for spec in shown:
        managed = "  (set by --out)" if spec.name in MANAGED_PARAMETERS else ""
        help_text = f"  # {spec.help}" if spec.help else ""
        default = f"default {spec.default:<{default_width}}"
        lines.append(
            f"  {spec.name:<{name_width}} {spec.type_name:<5} {default} "
            f"in {', '.join(spec.notebooks)}{managed}{help_text}"
        )
    return "\n".join(lines)


# --------------------------------------------------------------------------- validation


# A number in exponent notation that YAML 1.1 (PyYAML) reads as text: it wants a dot and a
# signed exponent (``1.0e+3``), so ``1e3`` and ``1.5e3`` stayed strings and ``-p n_boot 1e3``
# was refused as "expects int, got '1e3' (str)".
_EXPONENT_NUMBER = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+")


def exponent_number(value: Any) -> float | None:
    """The float a text in exponent notation stands for (``"1e3"`` is 1000.0, ``"1.5E3"``
    1500.0), else None: YAML 1.1 leaves such text a string, where YAML 1.2 and papermill's
    ``-p`` read a number."""
    if isinstance(value, str) and _EXPONENT_NUMBER.fullmatch(value.strip()):
        return float(value)
    return None


def parse_cli_value(raw: str) -> Any:
    """A ``-p KEY VALUE`` value read as a YAML scalar, like papermill's ``-y``: ``500`` is int.
    Exponent notation YAML 1.1 leaves as text (``1e3``) stays text here: :func:`_coerce` reads
    it as a number for a numeric parameter only (an outlet named ``1e3`` keeps its name)."""
    try:
        return yaml.safe_load(raw) if raw.strip() else raw
    except yaml.YAMLError:
        return raw


def _coerce(spec: ParamSpec, value: Any, raw: str | None) -> Any:
    """``value`` converted to the parameter's type, or a ``TypeError`` saying what was expected.

    A numeric parameter takes exponent notation given as text (``-p n_boot 1e3`` or
    ``n_boot: 1e3`` in a parameter file, which YAML 1.1 reads as text): 1000 for an int, 1000.0
    for a float; an int refuses a number with a fraction (``1.5``, ``1.5e0``), saying so."""
    if spec.type_name in {"int", "float"} and (number := exponent_number(value)) is not None:
        value = number
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
        shown = raw if raw is not None else repr(value)
        raise TypeError(f"expects bool (true or false), got {shown!r} ({type(value).__name__})")
    elif kind == "int":
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if isinstance(value, float) and value.is_integer():  # 1000.0 (YAML's 1.0e+3) is 1000
            return int(value)
        if isinstance(value, float):
            shown = raw if raw is not None else repr(value)
            raise TypeError(f"expects int, got {shown!r}, which is not a whole number")
    elif kind == "float":
        if isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
    elif kind == "list":
        if isinstance(value, list | tuple):
            return list(value)
        if isinstance(value, str):  # "a,b" on the command line
            return comma_list(value)
    elif kind == "dict" and isinstance(value, dict):
        return value
    shown = raw if raw is not None else repr(value)
    raise TypeError(f"expects {kind}, got {shown!r} ({type(value).__name__})")


# --------------------------------------------------------------------------- value rules


@dataclass(frozen=True)
class Rule:
    """What a parameter's value must be: ``allowed`` says it in words (for the error message);
    ``check(value, base_dir)`` returns the value to pass on (a path made absolute) or raises
    ``ValueError`` when the value is not allowed."""

    allowed: str
    check: Callable[[Any, Path], Any]
    integer: bool = False  # the value is a whole number (a whole float is taken as one)


class Refused(ValueError):
    """A rule's refusal that says in full what was expected and what came (``expects an
    integer >= 100, got the text '500'``), where the plain ``is ...; allowed: ...`` would
    mislead."""


def _at_least(minimum: int) -> Rule:
    """A whole number, at least ``minimum``; a float that is a whole number is taken as one
    (plain papermill's ``-p n_boot 1e3`` gives 1000.0, refused before)."""
    allowed = f"an integer >= {minimum}"

    def check(value: Any, base: Path) -> Any:
        if isinstance(value, str):
            # plain papermill's -r passes text: "is '500'; allowed: an integer >= 100" read as if
            # 500 were too small
            raise Refused(f"expects {allowed}, got the text {value!r}")
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            raise ValueError
        return value

    return Rule(allowed, check, integer=True)


def is_integer_parameter(name: str) -> bool:
    """Whether ``name``'s rule takes a whole number (:func:`_at_least`)."""
    rule = PARAMETER_RULES.get(name)
    return rule is not None and rule.integer


def _one_of(choices: Sequence[str]) -> Rule:
    def check(value: Any, base: Path) -> Any:
        if value not in choices:
            raise ValueError
        return value

    return Rule(", ".join(repr(c) for c in choices), check)


def _boolean() -> Rule:
    """``True`` or ``False`` and nothing else: the set-up cell's check sees a notebook's value as
    given (plain papermill's ``-r keyness_bigrams yes`` gives the text "yes", which a notebook's
    ``if`` would read as true, and ``"false"`` as true too)."""

    def check(value: Any, base: Path) -> Any:
        if not isinstance(value, bool):
            raise Refused(f"expects true or false, got {value!r} ({type(value).__name__})")
        return value

    return Rule("true or false", check)


def _column_name() -> Rule:
    """A metadata column to group by: ``outlet``, ``origin`` or a column of the manifest or
    corpus file (checked against the corpus by :func:`check_group_column` before the run)."""

    def check(value: Any, base: Path) -> Any:
        if not isinstance(value, str) or not value.strip() or value in NOT_GROUPS:
            raise ValueError
        return value

    return Rule(
        f"{', '.join(repr(c) for c in GROUP_COLUMNS)}, a column of your own in the manifest "
        "or corpus file, or a period of the published date ('published:month', "
        "'published:quarter', 'published:year', 'published:week')",
        check,
    )


def _method_rule() -> Rule:
    """One of the sentiment methods (``analysis.sentiment.scoring.METHODS``), imported only when
    a method is given."""

    def check(value: Any, base: Path) -> Any:
        from analysis.sentiment.scoring import METHODS

        if value not in METHODS:
            raise ValueError(", ".join(repr(m) for m in METHODS))
        return value

    return Rule("a sentiment method of analysis.sentiment.scoring.METHODS", check)


def _file_or_empty(what: str) -> Rule:
    """An existing file, relative to the working directory (passed on as an absolute path, since
    the notebooks run elsewhere), or ``""`` for the bundled one."""

    def check(value: Any, base: Path) -> Any:
        if value is None or value == "":
            return value
        if not isinstance(value, str):
            raise ValueError
        path = (base / Path(value).expanduser()).resolve()
        if not path.is_file():
            raise ValueError(f"an existing file ({path} is not one), or '' for the bundled {what}")
        return str(path)

    return Rule(f"an existing file, or '' for the bundled {what}", check)


def _colours() -> Rule:
    """An existing colour table (see :func:`_file_or_empty`) that reads
    (:func:`analysis.group_colours.read_colours`), or ``""`` for colours by size."""
    exists = _file_or_empty("colours")

    def check(value: Any, base: Path) -> Any:
        path = exists.check(value, base)
        if path:
            from analysis.group_colours import ColoursError, read_colours

            try:
                read_colours(path)
            except ColoursError as err:
                raise ValueError(str(err)) from None
        return path

    return Rule("an existing colour table (TOML, [colours]), or '' for colours by size", check)


def _codebook() -> Rule:
    """An existing codebook file (see :func:`_file_or_empty`) that loads: every problem of a
    bad one is listed before any notebook starts."""
    exists = _file_or_empty("codebook")

    def check(value: Any, base: Path) -> Any:
        path = exists.check(value, base)
        if path:
            from analysis.framing.codebook_check import check_codebook

            report = check_codebook(path)
            if report.errors:
                raise ValueError("a codebook without errors:\n    " + "\n    ".join(report.errors))
        return path

    return Rule(exists.allowed, check)


def _column_map() -> Rule:
    """A corpus file's column mapping as ``process --map`` takes it (``text=body,outlet=src``)."""

    def check(value: Any, base: Path) -> Any:
        if value is None or value == "":
            return value
        from analysis.corpus.files import CorpusFileError, parse_column_map

        try:
            parse_column_map(value)
        except CorpusFileError as err:
            raise ValueError(str(err)) from None
        return value

    return Rule("NAME=COLUMN pairs separated by commas, e.g. text=body,outlet=source", check)


def _names() -> Rule:
    def check(value: Any, base: Path) -> Any:
        if value is None:
            return value
        # YAML reads -p outlets '[1, 2]' as numbers: outlets named "1" and "2" (a tester's)
        value = [str(v) if isinstance(v, int) and not isinstance(v, bool) else v for v in value]
        if not all(isinstance(item, str) and item.strip() for item in value):
            raise ValueError(
                "a list of outlet names (empty: all outlets); quote a name YAML would read as "
                """something else: -p outlets '["1.5", "true"]'"""
            )
        # a name given twice is one outlet: the parameter table printed "Washington Post,
        # Washington Post" for a tester's repeated name
        return list(dict.fromkeys(value))

    return Rule("a list of outlet names (empty: all outlets)", check)


def _kwic_pattern() -> Rule:
    """A keyword-in-context pattern as :func:`analysis.explore.kwic` reads it, or ``""`` (skip)."""

    def check(value: Any, base: Path) -> Any:
        if value is None or value == "":
            return ""
        if not isinstance(value, str) or not value.strip():
            raise ValueError
        return value

    return Rule("a word or phrase (a trailing * matches any ending), or '' to skip", check)


def _loadable_path(what: str, load: Callable[[Path], Any], errors: tuple[type, ...]) -> Rule:
    """``""`` (none) or a path, relative to the working directory, that ``load`` reads without
    raising one of ``errors``; passed on as an absolute path."""

    def check(value: Any, base: Path) -> Any:
        if value is None or value == "":
            return ""
        if not isinstance(value, str):
            raise ValueError
        path = (base / Path(value).expanduser()).resolve()
        try:
            load(path)
        except errors as err:
            raise ValueError(f"{what}: {err}") from None
        return str(path)

    return Rule(f"{what}, or ''", check)


def _load_coder(path: Path, *, tone: bool = False) -> None:
    """Load the trained coder in ``path`` (with a tone classifier if ``tone``) or ValueError."""
    from analysis.sentiment.coder import load_tone_coder
    from analysis.validation.model import ModelError, load_frame_model

    try:
        (load_tone_coder if tone else load_frame_model)(path)
    except (ModelError, OSError, KeyError) as err:
        raise ValueError(str(err)) from None


def _load_agreement(path: Path) -> None:
    from analysis.validation.agreement import AgreementError, read_agreement

    try:
        read_agreement(path)
    except AgreementError as err:
        raise ValueError(str(err)) from None


def _frame_coder() -> Rule:
    """A folder holding a frame coder saved by ``python -m analysis train`` that loads, or ``""``
    (the codebook codes the frames)."""
    what = "a folder written by `python -m analysis train`"
    return _loadable_path(what, _load_coder, (ValueError,))


def _tone_coder() -> Rule:
    """A folder holding a coder saved by ``python -m analysis train`` from a sheet with tone
    codes, that loads and has a tone classifier, or ``""`` (VADER's lexicon tone only)."""
    what = "a folder written by `python -m analysis train` from a sheet with a `tone` column"
    return _loadable_path(what, functools.partial(_load_coder, tone=True), (ValueError,))


def _agreement_file() -> Rule:
    """An ``agreement.csv`` written by ``python -m analysis validate``, or ``""`` (none)."""
    what = "an agreement.csv written by `python -m analysis validate`"
    return _loadable_path(what, _load_agreement, (ValueError,))


# Every value a notebook parameter may take, checked before any notebook starts. A notebook
# parameter that takes a number or a choice needs a rule here (tests/test_safety_cache_params.py
# checks the committed notebooks). ``corpus_dir`` is checked by ``check_corpus`` and the outlets'
# names by ``check_outlets`` once the corpus is known; the output folders are set by --out.
PARAMETER_RULES: dict[str, Rule] = {
    "group_by": _column_name(),
    "method": _method_rule(),
    "n_boot": _at_least(MIN_N_BOOT),
    "n_perm": _at_least(MIN_N_PERM),
    "seed": _at_least(0),
    "top_terms": _at_least(1),
    "keyness_bigrams": _boolean(),
    "max_arc_articles": _at_least(1),
    "max_evidence_sentences": _at_least(1),
    "codebook": _codebook(),
    "actors": _file_or_empty("actor lexicon (or actors discovered from the corpus)"),
    "sources": _file_or_empty("sourcing lexicon"),
    "hedges": _file_or_empty("hedging lexicon"),
    "news_terms": _file_or_empty("news-term list"),
    "colours": _colours(),
    "column_map": _column_map(),
    "outlets": _names(),
    # analysis.corpus.quality.DUPLICATE_MODES
    "duplicates": _one_of(("keep", "flag", "drop", "drop_within")),
    # analysis.corpus.quality.LANGUAGE_MODES
    "other_languages": _one_of(("keep", "drop")),
    "kwic_pattern": _kwic_pattern(),
    "frame_coder": _frame_coder(),
    "tone_coder": _tone_coder(),
    "validation": _agreement_file(),
}


def check_value(name: str, value: Any, base_dir: Path | None = None) -> Any:
    """``value`` as the notebooks get it when ``name``'s rule allows it (unchanged when there is
    no rule); otherwise a ``ValueError`` with one line naming the parameter, the value and the
    allowed values."""
    rule = PARAMETER_RULES.get(name)
    if rule is None:
        return value
    try:
        return rule.check(value, (base_dir or Path.cwd()).resolve())
    except Refused as err:
        raise ValueError(f"parameter {name!r} {err}") from None
    except ValueError as err:
        allowed = str(err) or rule.allowed
        raise ValueError(f"parameter {name!r} is {value!r}; allowed: {allowed}") from None


def validate_parameters(
    values: Mapping[str, Any],
    schema: Mapping[str, ParamSpec],
    raw: Mapping[str, str] | None = None,
    base_dir: Path | None = None,
) -> dict[str, Any]:
    """Check names and types against ``schema``; return the values converted to their types.

    ``raw`` holds the command-line text of values given with ``-p`` (so a ``str`` parameter
    keeps ``007`` as typed). Path-like parameters (``*_dir``, ``*_path``, ``*_file``) are made
    absolute against ``base_dir`` (default: the working directory). Each value must then pass its
    rule in :data:`PARAMETER_RULES` (``codebook`` too is made absolute). Every problem is
    reported at once, one line each, with the list of valid names when a name is unknown.
    """
    raw = raw or {}
    base = (base_dir or Path.cwd()).resolve()
    problems: list[str] = []
    unknown = False
    checked: dict[str, Any] = {}
    for name, value in values.items():
        spec = schema.get(name)
        if spec is None:
            import difflib

            close = difflib.get_close_matches(str(name), list(schema), n=1, cutoff=0.75)
            guess = f" (did you mean {close[0]!r}?)" if close else ""  # as the notebooks say
            problems.append(f"unknown parameter {name!r}{guess}")
            unknown = True
            continue
        if name in MANAGED_PARAMETERS:
            problems.append(f"{name!r} is set by --out (figures/ and reports/ under it)")
            continue
        if name == RUN_PARAMETERS:
            problems.append(f"{name!r} is filled in by the runner")
            continue
        if name == "column_map" and isinstance(value, Mapping):
            # a parameter file's mapping (column_map: {text: Body}) as --map writes it: a
            # tester's YAML mapping was refused as "expects str, got dict"
            value = ",".join(f"{ours}={theirs}" for ours, theirs in value.items())
        try:
            converted = _coerce(spec, value, raw.get(name))
        except TypeError as err:
            problems.append(f"parameter {name!r} {err}")
            continue
        if isinstance(converted, str) and converted and name.endswith(PATH_SUFFIXES):
            converted = str((base / Path(converted).expanduser()).resolve())
        try:
            converted = check_value(name, converted, base)
        except ValueError as err:
            problems.append(str(err))
            continue
        checked[name] = converted
    if len(problems) == 1 and not unknown:
        raise ParameterError(f"invalid parameter: {problems[0]}")
    if problems:
        valid = ", ".join(n for n in schema if n not in MANAGED_PARAMETERS and n != RUN_PARAMETERS)
        trailer = f"\nvalid names: {valid}" if unknown else ""
        raise ParameterError("invalid parameters:\n  - " + "\n  - ".join(problems) + trailer)
    return checked


def load_parameter_file(path: Path | str) -> dict[str, Any]:
    """Parameters from a YAML (or JSON) file holding one mapping of name -> value, in UTF-8
    (with or without a byte order mark) or UTF-16 with one (Notepad's "Unicode"); any other
    encoding, a folder or an unreadable file is a :class:`ParameterError` saying so (a tester's
    UTF-16 and Latin-1 files and a folder ended in tracebacks)."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ParameterError(f"parameter file not found: {path}") from None
    except IsADirectoryError:
        raise ParameterError(f"parameter file {path} is a folder, not a file") from None
    except OSError as err:
        raise ParameterError(f"parameter file {path} cannot be read: {err.strerror}") from None
    utf16 = raw.startswith((b"\xff\xfe", b"\xfe\xff"))
    try:
        text = raw.decode("utf-16" if utf16 else "utf-8-sig")
    except UnicodeDecodeError:
        raise ParameterError(
            f"parameter file {path} is not UTF-8 text: save it as UTF-8 (in Notepad: Save as, "
            "Encoding UTF-8)"
        ) from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as err:
        raise ParameterError(f"parameter file {path} is not valid YAML: {err}") from None
    if data is None:
        return {}
    if not isinstance(data, dict) or not all(isinstance(k, str) for k in data):
        raise ParameterError(f"parameter file {path} must hold a mapping of name: value")
    return data


def check_corpus(corpus: Path | str) -> Path:
    """The corpus as an absolute path: a folder, or a corpus file of a format the readers take
    (``.csv``, ``.tsv``, ``.json``, ``.jsonl``, ``.parquet``, possibly compressed, or an
    ``.xlsx``, ``.xls`` or ``.ods`` workbook whose header can be read). The notebooks'
    parameter keeps its name ``corpus_dir`` for both."""
    path = Path(corpus).resolve()
    if path.is_dir():
        return path
    if not path.is_file():
        raise ParameterError(f"corpus not found (neither a folder nor a file): {path}")
    from analysis.corpus.files import CorpusFileError, detect_format

    try:
        if detect_format(path) == "xlsx":  # a zip archive: a damaged one fails at once
            from analysis.corpus.files import file_columns

            file_columns(path, warn=False)  # the notebooks warn about other sheets
    except CorpusFileError as error:
        raise ParameterError(str(error)) from error
    return path


def check_out_apart(corpus: Path, out: Path | str | None) -> None:
    """Refuse an output folder that would mix a run's outputs with its corpus: ``out`` being
    the corpus folder or inside it (``figures/`` and ``reports/`` would sit among the articles,
    and a later run would find them there), or the corpus lying in the folders a run writes
    (``out/figures``, ``out/reports``). A corpus folder inside ``out`` (``project/corpus``
    with ``--out project``) is fine: a run writes only its two folders. ``out`` None is the
    default output root (:func:`analysis.config.output_dirs`)."""
    corpus, out = Path(corpus).resolve(), output_dirs(out)["root"].resolve()
    if corpus.is_dir() and out.is_relative_to(corpus):
        raise ParameterError(
            f"--out {out} is the corpus folder or lies inside it; choose a folder outside "
            f"{corpus} for the figures and reports"
        )
    dirs = output_dirs(out)
    for key in ("figures", "reports"):
        if corpus.is_relative_to(dirs[key].resolve()):
            raise ParameterError(
                f"the corpus {corpus} lies in {dirs[key]}, which a run into --out {out} "
                "writes; move the corpus or choose another --out"
            )


def check_corpus_columns(corpus: Path, column_map: Any = None, group_by: Any = None) -> None:
    """Refuse, before anything starts, a corpus file without the columns a run needs (a text,
    and an outlet or a url to name it by) or a ``column_map`` naming columns it does not have,
    with the reader's own message (it lists the file's columns and the ``--map`` to give); in
    a folder of corpus files, each file. A file without an outlet grouped by another column
    (``group_by``) is told how to compare by that column. A folder of articles is refused when
    it has none to read (an empty manifest, or neither article files nor corpus files) or any
    problem :func:`analysis.corpus.documents.read_raw_documents` finds in it."""
    exports = _corpus_files(corpus)
    if corpus.is_dir() and not exports:
        from analysis.corpus.documents import CorpusError, read_raw_documents

        try:
            with warnings.catch_warnings():  # the notebooks give the folder's warnings
                warnings.simplefilter("ignore")
                # every file read and checked as notebook 01 reads it (none listed, a file
                # outside the folder, missing, empty or binary), so that a bad folder is
                # refused here, each problem on a line, not as a failed notebook
                read_raw_documents(corpus)
        except CorpusError as error:
            raise ParameterError(str(error)) from None
        return
    from analysis.corpus.files import (
        CorpusFileError,
        MissingColumnError,
        outlet_from_url_message,
        parse_column_map,
        resolve_columns_explained,
    )
    from analysis.user_warnings import warn_user

    mapping = parse_column_map(column_map or None)
    try:
        for path in exports:  # a corpus file, or each file of a folder of them
            header = _file_header(path, mapping)
            resolved, _ = resolve_columns_explained(path, header, mapping)
            if "outlet" not in resolved and (group_by or "outlet") == "outlet":
                # said before the run, not only after its minutes: a tester's export had
                # "Source" and learnt so at the end
                warn_user(outlet_from_url_message(path, resolved, header))
    except MissingColumnError as error:
        message = str(error)
        if "outlet" in error.columns and group_by and str(group_by) != "outlet":
            message += (
                f" Every article needs an outlet, even in a run grouped by {group_by!r}: to "
                f"compare the values of {group_by!r} in a file with no outlet, give that "
                f"column as the outlet (outlet={group_by} in --map) and leave --group-by out; "
                "the summary then calls its values outlets."
            )
        raise ParameterError(message) from None
    except CorpusFileError as error:
        raise ParameterError(str(error)) from None


def _corpus_files(corpus: Path) -> list[Path]:
    """The corpus files a run reads: the corpus itself, the export files of a folder of them
    (:func:`analysis.corpus.documents.folder_exports`), or none for a folder of articles."""
    from analysis.corpus.documents import folder_exports

    return folder_exports(corpus) if corpus.is_dir() else [corpus]


def _file_header(corpus: Path, mapping: dict[str, str]) -> list[str]:
    """A corpus file's own column names, read without its rows (a CSV's from the line that
    holds the columns ``mapping`` names, below a report's preamble; the notebooks warn about a
    workbook's other sheets, so this does not). Read once per version of the file: finding a
    text file's encoding reads it whole, and the run's checks ask for the header twice."""
    stat = corpus.stat()
    key = tuple(sorted(mapping.items()))
    return list(_header_of(corpus, stat.st_mtime_ns, stat.st_size, key))


@functools.lru_cache(maxsize=16)
def _header_of(
    corpus: Path, mtime_ns: int, size: int, mapping: tuple[tuple[str, str], ...]
) -> tuple[str, ...]:
    from analysis.corpus.files import file_columns

    return tuple(file_columns(corpus, dict(mapping), warn=False))


def check_outlets(corpus: Path, outlets: Any, group_by: Any = None) -> None:
    """Refuse, before anything starts, outlets that a folder corpus's manifest does not name.

    For a corpus file, and a folder without a manifest (a saved page's outlet is its site name,
    a news database export's each article's publication, known once read), the notebooks check
    the names once the articles have been read.
    """
    if not outlets or not corpus.is_dir() or _corpus_files(corpus):
        return
    from analysis.corpus.documents import MANIFEST_NAME, CorpusError, read_manifest
    from analysis.corpus.normalisers import normalise_unicode

    if not (corpus / MANIFEST_NAME).is_file():
        return

    try:  # compared in Unicode NFC, as the run puts the metadata (documents.metadata_in_nfc)
        manifest = read_manifest(corpus)
        known = {normalise_unicode(o) for o in manifest["outlet"]}
    except CorpusError:
        return  # the corpus notebook reports what is wrong with the folder
    unknown = sorted({normalise_unicode(str(o)) for o in outlets} - known)
    if unknown:
        from analysis.selection import comma_hint, groups_named_as_outlets, near_names

        groups = (  # a tester's --outlets left,right with --group-by lean
            groups_named_as_outlets(unknown, manifest[group_by], manifest["outlet"], group_by)
            if group_by and group_by != "outlet" and group_by in manifest.columns
            else ""
        )
        raise ParameterError(
            f"{groups}outlets not in the corpus: {unknown}{near_names(unknown, known)}; valid "
            f"names: {sorted(known)}" + comma_hint(known)
        )


NOT_GROUPS = frozenset({"doc_id", "file", "text", "raw_text", "encoding", "sentence"})


def corpus_columns(corpus: Path, column_map: Any = None) -> list[str]:
    """The metadata columns a run on ``corpus`` can group by: ``outlet``, ``origin`` and the
    user's own columns (not a field of each article: :data:`ARTICLE_FIELDS`) of a folder's
    manifest (without a manifest, also those its files give, such as a news database export's
    ``byline`` and ``section``), or of a corpus file as the reader reads them (our names for
    mapped columns and those read by name, the file's own names for the rest;
    :class:`~analysis.corpus.files.CorpusFileError` when the file cannot be read so)."""
    exports = _corpus_files(corpus)
    if not exports:
        from analysis.corpus.documents import (
            MANIFEST_COLUMNS,
            MANIFEST_NAME,
            extra_columns,
            read_manifest,
            read_raw_documents,
        )

        if (corpus / MANIFEST_NAME).is_file():
            columns = list(read_manifest(corpus).columns)
        else:  # a news database's articles have columns of their own: read the files
            with warnings.catch_warnings():  # the notebooks give the folder's warnings
                warnings.simplefilter("ignore")
                columns = [*MANIFEST_COLUMNS, *extra_columns(read_raw_documents(corpus))]
    else:  # a corpus file, or a folder of them: the columns of each
        from analysis.corpus.documents import MANIFEST_COLUMNS
        from analysis.corpus.files import _resolve_columns, parse_column_map

        mapping = parse_column_map(column_map or None)
        columns = list(MANIFEST_COLUMNS)
        for path in exports:  # our names for the columns read as ours (mapped, or by name)
            theirs = _file_header(path, mapping)
            ours = {v: k for k, v in _resolve_columns(path, theirs, mapping)[0].items()}
            columns += [ours.get(c, c) for c in theirs]
    return [c for c in dict.fromkeys(columns) if c not in NOT_GROUPS | ARTICLE_FIELDS]


def check_group_column(corpus: Path, group_by: Any, column_map: Any = None) -> None:
    """Refuse, before anything starts, a ``group_by`` that is not a column of the corpus, naming
    the columns it has; and ``origin`` when no article of the corpus gives one (a tester's
    ``--group-by origin`` on a manifest without that column compared one group, "unknown")."""
    if group_by == "origin" and _no_origin(corpus, column_map):
        raise ParameterError(
            "group_by 'origin': no article of the corpus gives an origin (a manifest's or a "
            "corpus file's 'origin' column, or --map origin=COLUMN), so every article would be "
            "'unknown'; group by 'outlet' or a column of your own"
        )
    if not group_by or group_by in GROUP_COLUMNS:
        return
    from analysis.corpus.periods import period_of, period_problem

    problem = period_problem(group_by)
    if problem:
        raise ParameterError(problem)
    if period_of(group_by):  # derived from the published date (analysis.corpus.periods)
        _check_period_grouping(corpus, group_by, column_map)
        return
    if group_by in ARTICLE_FIELDS:
        from analysis.selection import article_field_message

        raise ParameterError(article_field_message(group_by))
    from analysis.corpus.documents import CorpusError
    from analysis.corpus.files import CorpusFileError

    try:
        columns = corpus_columns(corpus, column_map)
    except (CorpusError, CorpusFileError):
        return  # the corpus notebook reports what is wrong with the corpus
    if group_by not in columns:
        from analysis.corpus.files import parse_column_map

        try:
            mapped = {theirs: ours for ours, theirs in parse_column_map(column_map).items()}
        except ValueError:
            mapped = {}
        hint = (  # a tester's --group-by Source, which --map outlet=Source had renamed
            f" ({group_by!r} is read as {mapped[group_by]!r} by --map: use --group-by "
            f"{mapped[group_by]})"
            if group_by in mapped and mapped[group_by] not in ARTICLE_FIELDS
            else ""
        )
        if group_by in mapped and mapped[group_by] == "published":
            from analysis.corpus.periods import period_hint

            # a tester's --group-by date (--map published=date) was sent to --group-by
            # published, which is refused as a field of each article
            hint = f" ({group_by!r} is read as 'published' by --map; {period_hint()})"
        elif group_by in mapped and mapped[group_by] in ARTICLE_FIELDS:
            ours = mapped[group_by]
            hint = f" ({group_by!r} is read as {ours!r} by --map, a field of each article)"
        if not hint:  # a tester's --group-by Lean and "Media Type" got no guess
            from analysis.selection import near_names

            hint = near_names([group_by], columns)
        shown, texts = _label_columns(corpus, columns, column_map)
        raise ParameterError(
            f"group_by {group_by!r} is not a column of the corpus{hint}; allowed: "
            f"{', '.join(repr(c) for c in shown)}"
            + (
                f" (not suggested, holding text or a value per article: "
                f"{', '.join(repr(c) for c in texts)})"
                if texts
                else ""
            )
        )
    try:
        values = _group_values(corpus, group_by, column_map)
    except (CorpusError, CorpusFileError):
        return  # the corpus notebook reports what is wrong with the corpus
    if values is not None:
        from analysis.selection import check_group_labels

        try:
            check_group_labels(values.to_frame(), group_by)
        except ValueError as error:
            raise ParameterError(str(error)) from None
        from analysis.corpus.files import _SAMPLE_ROWS

        # a corpus file's first rows may all share a value the rest do not: judged whole only
        if not _corpus_files(corpus) or len(values) < _SAMPLE_ROWS:
            _check_group_count(values, group_by)


def _check_period_grouping(corpus: Path, group_by: str, column_map: Any = None) -> None:
    """Refuse a period grouping (``published:month``) of a corpus that surely gives no article
    a published date it can be read from, and one whose dates all fall in one period; warn of
    one with a period for (nearly) every article, as any grouping is checked
    (:func:`_check_group_count`). A corpus that cannot be read cheaply is checked by the
    notebooks, which leave out the articles without a period."""
    from analysis.corpus.documents import CorpusError
    from analysis.corpus.files import _SAMPLE_ROWS, CorpusFileError
    from analysis.corpus.group_values import names_no_value
    from analysis.corpus.periods import column_clash, period_labels, period_of

    try:
        clash = column_clash(group_by, corpus_columns(corpus, column_map))
        values = _published_values(corpus, column_map)
    except (CorpusError, CorpusFileError, ValueError):
        return  # the corpus notebook reports what is wrong with the corpus
    if clash:  # the derived column "month" would replace the corpus's own
        raise ParameterError(clash)
    if values is None:  # a folder without a manifest: its files may give their dates
        return
    whole = not _corpus_files(corpus) or len(values) < _SAMPLE_ROWS  # else the first rows
    given = values[~names_no_value(values)]
    if whole and given.empty:
        raise ParameterError(
            f"group_by {group_by!r}: no article of the corpus gives a published date (a "
            "manifest's 'published' column, or a corpus file's date column read as published "
            "by name or with --map published=COLUMN), so there is no period to compare"
        )
    labels = period_labels(given, period_of(group_by) or "").rename(group_by)
    # dates written otherwise (a month's name) are read when the corpus is: judged then
    if whole and (labels != "").all():
        _check_group_count(labels, group_by)


def _published_values(corpus: Path, column_map: Any = None) -> Any:
    """The published dates of the corpus, read cheaply (:func:`_group_values`): the manifest's
    column, or the first rows of the column each corpus file's is read from (by name or with
    ``--map``); an empty Series when none gives one, None when not known before reading (a
    folder of files without a manifest)."""
    import pandas as pd

    from analysis.corpus.files import _resolve_columns, _sample_rows, parse_column_map

    exports = _corpus_files(corpus)
    if not exports:
        values = _group_values(corpus, "published", column_map)
        if values is None and (corpus / "manifest.csv").is_file():
            return pd.Series([], dtype=object)
        return values
    mapping = parse_column_map(column_map or None)
    found = []
    for path in exports:
        theirs = _resolve_columns(path, _file_header(path, mapping), mapping)[0].get("published")
        sample = _sample_rows(path, mapping)
        if theirs and theirs in sample.columns:
            found.append(sample[theirs])
    return pd.concat(found, ignore_index=True) if found else pd.Series([], dtype=object)


# a column whose values average this many characters or more reads as text (a lede, a
# headline: a title is 60-100), not as labels articles share (a lean, a section, a country)
TEXT_LIKE_CHARS = 60
# the fewest values on which "a different value for (nearly) every article" is judged
MIN_VALUES_JUDGED = 10


def _label_columns(
    corpus: Path, columns: Sequence[str], column_map: Any = None
) -> tuple[list[str], list[str]]:
    """``columns`` split into those to suggest as groupings and those that look like text or
    ids, judged from their values as read cheaply (:func:`_group_values`): values averaging
    :data:`TEXT_LIKE_CHARS` characters or more, or more different values than half of
    (at least :data:`MIN_VALUES_JUDGED`) non-empty ones, as :func:`_check_group_count` warns
    of. A tester's export offered 'lede', the article's first sentence, as a grouping.
    ``outlet`` and ``origin`` are always suggested."""
    from analysis.corpus.documents import CorpusError, mean_chars
    from analysis.corpus.files import CorpusFileError
    from analysis.corpus.group_values import names_no_value

    shown, texts = [], []
    for column in columns:
        values = None
        if column not in GROUP_COLUMNS:
            try:
                values = _group_values(corpus, column, column_map)
            except (CorpusError, CorpusFileError, ValueError, KeyError):
                values = None
        if values is None:
            shown.append(column)
            continue
        given = values[~names_no_value(values)].astype(str).str.strip()
        unique = given.nunique() > MOST_GROUPS_ONE_ARTICLE * len(given)
        if mean_chars(given) >= TEXT_LIKE_CHARS or (len(given) >= MIN_VALUES_JUDGED and unique):
            texts.append(column)
        else:
            shown.append(column)
    return shown, texts


# a grouping with more groups than this share of its articles compares articles, not groups
MOST_GROUPS_ONE_ARTICLE = 0.5


def _check_group_count(values: Any, group_by: str) -> None:
    """Refuse a grouping column that gives at most one value (the articles without one being
    left out: :mod:`analysis.corpus.group_values`), as an origin given by no article is: a
    tester's ``--group-by story`` ran for a minute to say "How one story covered the story",
    comparing nothing that a run by outlet does not describe. Warn of one with a different
    value for (nearly) every article, more groups than half its articles: her ``--group-by
    article_no`` compared 34 groups of one article, pooling 27 as "Other", without a word."""
    from analysis.corpus.group_values import names_no_value
    from analysis.user_warnings import warn_user

    given = values[~names_no_value(values)].astype(str).str.strip()
    counts = given.value_counts()
    if len(counts) <= 1:
        held = (
            f"every article with a value has the same one ({counts.index[0]!r}, "
            f"{int(counts.iloc[0])} article(s))"
            if len(counts)
            else "no article has a value"
        )
        raise ParameterError(
            f"group_by {group_by!r}: {held}, so there is no group to compare (articles with "
            f"no {group_by} are left out); leave --group-by out to compare outlets, or group "
            "by a column whose values differ between articles"
        )
    if len(counts) >= 3 and len(counts) > MOST_GROUPS_ONE_ARTICLE * len(given):
        singles = int((counts == 1).sum())
        warn_user(
            f"group_by {group_by!r} has {len(counts)} different values for {len(given)} "
            f"articles ({singles} of them one article's): the run compares articles more than "
            f"groups of them, and pools all but the largest groups as one; is {group_by!r} an "
            "id or a count rather than a label that articles share (lean, country, section)?"
        )


def _no_origin(corpus: Path, column_map: Any = None) -> bool:
    """Whether the corpus surely gives no article an origin: a manifest whose ``origin`` is empty
    (or absent) in every row, or corpus files none of whose first rows has one. A folder of
    files without a manifest may give it in their own lines: not known before it is read."""
    from analysis.corpus.documents import MANIFEST_NAME, UNKNOWN, CorpusError
    from analysis.corpus.files import CorpusFileError

    if not _corpus_files(corpus) and not (corpus / MANIFEST_NAME).is_file():
        return False
    try:
        values = _group_values(corpus, "origin", column_map)
    except (CorpusError, CorpusFileError):
        return False  # the corpus notebook reports what is wrong with the corpus
    if values is None and _corpus_files(corpus):  # a column mapped to origin, under its name
        from analysis.corpus.files import parse_column_map

        theirs = parse_column_map(column_map or None).get("origin")
        values = _group_values(corpus, theirs, column_map) if theirs else None
    if values is None:
        return True
    given = values.dropna().astype(str).str.strip()
    return bool(given.isin(["", UNKNOWN]).all())


def _group_values(corpus: Path, group_by: str, column_map: Any = None) -> Any:
    """A pandas Series of the values of the column ``group_by``, read cheaply: the manifest's,
    or the first rows of each corpus file (:func:`analysis.corpus.files._sample_rows`); ``None``
    for a folder without a manifest, or a column a corpus file gives under our name."""
    from analysis.corpus.documents import MANIFEST_NAME, read_manifest
    from analysis.corpus.files import _sample_rows, parse_column_map

    exports = _corpus_files(corpus)
    if not exports:
        if not (corpus / MANIFEST_NAME).is_file():
            return None
        manifest = read_manifest(corpus)
        return manifest[group_by] if group_by in manifest.columns else None
    import pandas as pd

    mapping = parse_column_map(column_map or None)
    samples = [_sample_rows(path, mapping) for path in exports]
    found = [frame[group_by] for frame in samples if group_by in frame.columns]
    return pd.concat(found, ignore_index=True).rename(group_by) if found else None


def check_lexicon_files(corpus: Path, values: Mapping[str, Any]) -> None:
    """Refuse, before anything starts, a corpus's ``analysis.toml`` or a lexicon file (given with
    ``-p codebook``, ``actors``, ``sources``, ``hedges``, ``news_terms``) that cannot be used."""
    from analysis.settings import (
        LEXICON_KINDS,
        SettingsError,
        check_lexicons,
        lexicon_warnings,
        resolve_lexicons,
    )

    given = {k: values.get(k) for k in LEXICON_KINDS if values.get(k)}
    try:
        lexicons = resolve_lexicons(corpus if corpus.is_dir() else None, **given)
        check_lexicons(lexicons)
    except SettingsError as err:
        raise ParameterError(str(err)) from None
    for line in lexicon_warnings(lexicons):
        print(f"warning: {line}", file=sys.stderr)
    if values.get("validation"):
        _check_validated_frames(Path(values["validation"]), lexicons.codebook, lexicons.sources)


def _check_validated_frames(
    agreement_path: Path, codebook: Path | None, sources: Path | None = None
) -> None:
    """Refuse an agreement table (``-p validation``) that holds no frame of the run's codebook:
    a tester's table of the generic frames, given with a climate codebook, validated nothing,
    yet the summary's "Not validated on this corpus" went away. Warn when its frames or its
    sourcing rows measured another version of the run's codebook or source lexicon
    (``sources``; None: the package's), or record no version of them (an earlier release's)."""
    from analysis.framing.codebook import load_codebook
    from analysis.user_warnings import warn_user
    from analysis.validation.agreement import (
        AgreementError,
        agreement_frames,
        read_agreement,
        run_coder_versions,
        stale_frames,
        stale_sourcing,
        unversioned_coders,
    )

    try:
        table = read_agreement(agreement_path)
    except AgreementError:
        return  # the parameter's own rule says what is wrong with the file
    book = load_codebook(str(codebook) if codebook else None)
    keys = book.keys
    frames = agreement_frames(table)
    try:
        versions = run_coder_versions(book, sources=str(sources) if sources else "")
    except (OSError, ValueError):  # an unreadable lexicon (a LexiconError): its check says so
        versions = run_coder_versions(book)
    if stale_sourcing(table, versions):
        warn_user(
            f"-p validation {agreement_path} measured the sourcing codes with another version "
            "of the source lexicon than the run's (another SHA-256): the summary does not use "
            "its sourcing figures. Run `python -m analysis validate --sheet SHEET --corpus "
            "CORPUS` again with this lexicon"
        )
    unknown = unversioned_coders(table, versions)
    if unknown:
        warn_user(
            f"-p validation {agreement_path} records no version of its coders {unknown} (a "
            "table of an earlier release): whether it measured the run's codebook and source "
            "lexicon is unknown. Run `python -m analysis validate "
            "--sheet SHEET --corpus CORPUS` again to record it"
        )
    stale = sorted({f for m, f in stale_frames(table, versions) if m == "codebook"})
    if stale:  # the notebooks and the summary leave them out of the validation
        warn_user(
            f"-p validation {agreement_path} measured the frames {stale} with other indicators "
            "than the run's codebook has now: they count as not validated. Run `validate` again "
            "on the sheet with this codebook"
        )
    if frames and not set(frames) & set(keys):
        raise ParameterError(
            f"-p validation {agreement_path} holds agreement for the frames {frames}, none of "
            f"the run's codebook ({sorted(keys)}): it would validate nothing. Validate a sheet "
            "coded with this codebook (`python -m analysis validate --codebook ...`), or leave "
            "-p validation out"
        )


# --------------------------------------------------------------------------- a run's values


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
