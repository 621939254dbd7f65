"""The parameters a notebook's tables were made with, written beside them and read back.

``python -m analysis run`` hands notebook 04 the run's parameters, so its summary describes the
codebook, outlets and grouping the tables came from. Run one by one with plain papermill or in
JupyterLab, notebook 04 knew only its own parameters and the notebooks' defaults: notebooks 01-03
run with ``-p codebook mycb.toml -p outlets "A,B"`` gave a summary describing the bundled
codebook and every outlet. So each of notebooks 01-03 records its parameters in the tables
folder (:func:`record_parameters`: ``parameters_<notebook>.json``), checked by the rules ``run``
checks them with, and notebook 04 reads them back (:func:`summary_parameters_from_tables`).
Paths under the project are written relative to it, so the file is the same on every machine.
"""

from __future__ import annotations

import ast
import difflib
import json
import sys
from collections.abc import Mapping, MutableMapping
from pathlib import Path
from typing import Any

from analysis.config import project_root
from analysis.io import write_text
from analysis.parameter_guard import remember_parameters, same_value
from analysis.pipeline.params import (
    MANAGED_PARAMETERS,
    RUN_PARAMETERS,
    check_value,
    is_integer_parameter,
)
from analysis.user_warnings import warn_user

RECORD_PREFIX = "parameters_"
# the first line of the cell papermill injects with the parameters it is given
INJECTED_HEADER = "# Parameters\n"
# notebook 04's own choices, not the tables': none. Its ``method`` was one (which scores its
# findings quote), but the findings are those notebook 02 saved with its own method
# (findings_sentiment.json), so a tester's notebook 02 run with -p method vader-news gave a
# summary quoting vader-news findings under "Method used for the findings: vader"
SUMMARY_OWN: tuple[str, ...] = ()


def check_parameters(notebook: str, namespace: Mapping[str, Any]) -> dict[str, Any]:
    """Check ``notebook``'s parameters as found in ``namespace`` by ``run``'s rules, as
    :func:`record_parameters` does, without writing the record: a notebook checks them first,
    and records them once its own checks (outlets, grouping) have passed too. A tester's
    notebook 01, stopped by a misspelt outlet, had recorded it beside the tables of the run
    before, and the summary then called those tables "not one run".

    A whole-number parameter given as a whole float (plain papermill's ``-p n_boot 1e3``) is
    made an int in the notebook's own globals (:func:`whole_numbers_as_int`). Inside IPython it
    also remembers the parameters' values as those globals hold them (the caller's: notebooks
    01-03 pass a copy with the corpus resolved), so that a later cell's writers refuse to write
    once a parameter has been edited and the parameters cell alone rerun
    (:mod:`analysis.parameter_guard`).
    """
    names = check_injected_parameters(notebook, namespace)
    live = sys._getframe(1).f_globals
    whole_numbers_as_int(names, live)
    values = _checked(notebook, namespace, names)[0]
    remember_parameters(notebook, names, live)
    return values


def whole_numbers_as_int(names: list[str], namespace: MutableMapping[str, Any]) -> None:
    """Make each whole-number parameter of ``names`` that ``namespace`` (the notebook's globals)
    holds as a whole float an int, as ``run`` passes it: plain papermill's ``-p n_boot 1e3``
    gives 1000.0, which the rules accept and the bootstrap would not."""
    for name in names:
        value = namespace.get(name)
        if is_integer_parameter(name) and isinstance(value, float) and value.is_integer():
            namespace[name] = int(value)


def record_parameters(
    tables_dir: Path | str, notebook: str, namespace: Mapping[str, Any]
) -> dict[str, Any]:
    """Check ``notebook``'s parameters as found in ``namespace`` (a notebook's ``globals()``)
    by ``run``'s rules, and write them to ``tables_dir/parameters_<notebook stem>.json``;
    returns the checked values.

    A value a rule refuses raises ``ValueError`` naming the parameter (``-p n_boot 5`` under
    plain papermill is refused as ``run`` refuses it), and so does a name papermill injected
    that the notebook does not have (``-p n_bot 500``: papermill only warns, and the notebook
    would run with ``n_boot``'s default). Paths are made absolute from the working
    directory, then written relative to the project when under it. The output folders are not
    recorded.
    """
    values, paths = _checked(notebook, namespace)
    record = {"notebook": notebook, "values": values, "paths": sorted(paths)}
    out = Path(tables_dir) / f"{RECORD_PREFIX}{Path(notebook).stem}.json"
    write_text(json.dumps(record, ensure_ascii=False, indent=1, sort_keys=True) + "\n", out)
    return values


def _checked(
    notebook: str, namespace: Mapping[str, Any], names: list[str] | None = None
) -> tuple[dict[str, Any], list[str]]:
    """The checked values of ``notebook``'s parameters (paths portable) and the names of those
    that are paths; ``names`` are the parameters' names when already known."""
    if names is None:
        names = check_injected_parameters(notebook, namespace)
    values: dict[str, Any] = {}
    paths: list[str] = []
    for name in names:
        if name in MANAGED_PARAMETERS or name == RUN_PARAMETERS or name not in namespace:
            continue
        value = check_value(name, namespace[name], Path.cwd())
        is_path = isinstance(value, str) and value and Path(value).is_absolute()
        if isinstance(value, Path) or name == "corpus_dir" or is_path:
            value, paths = _portable(Path(value)), [*paths, name]
        values[name] = value
    return values, paths


def parameter_names(notebook: Path) -> list[str]:
    """The names assigned in ``notebook``'s cell tagged ``parameters``, in order: the names
    papermill reads there, found with :mod:`ast` so that a kernel need not import papermill
    (about 0.3 s per notebook of a run)."""
    cells = json.loads(notebook.read_text(encoding="utf-8")).get("cells", [])
    names: list[str] = []
    for cell in cells:
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            names += [n for n in _assigned("".join(cell.get("source", []))) if n not in names]
    return names


def _assigned(source: str) -> list[str]:
    """The names a cell's top-level statements assign, in order."""
    names: list[str] = []
    for node in ast.parse(source).body:
        targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
        names += [t.id for t in targets if isinstance(t, ast.Name) and t.id not in names]
    return names


def injected_names(namespace: Mapping[str, Any]) -> list[str]:
    """The names papermill injected into a running notebook: those its injected cell (headed
    :data:`INJECTED_HEADER`) assigns, read from the kernel's input history (``In``); none
    outside papermill."""
    history = namespace.get("In")
    names: list[str] = []
    for source in history if isinstance(history, list) else []:
        if isinstance(source, str) and source.startswith(INJECTED_HEADER):
            try:
                names += [n for n in _assigned(source) if n not in names]
            except SyntaxError:
                continue
    return names


def check_injected_parameters(notebook: str, namespace: Mapping[str, Any]) -> list[str]:
    """``notebook``'s parameter names, after refusing (``ValueError``) any name papermill
    injected that the notebook does not have (``-p n_bot 500``: papermill only warns, and the
    notebook would run with ``n_boot``'s default). ``namespace`` is the notebook's ``globals()``."""
    path = project_root() / "notebooks" / notebook
    names = parameter_names(path) if path.is_file() else []
    unknown = [name for name in injected_names(namespace) if names and name not in names]
    if unknown:
        raise ValueError(unknown_parameter_message(notebook, unknown, names))
    return names


def unknown_parameter_message(notebook: str, unknown: list[str], names: list[str]) -> str:
    """What a notebook says of parameters it does not have (``-p n_bot 500``), with the
    nearest of its own names."""
    guesses = []
    for name in unknown:
        near = difflib.get_close_matches(name, names, n=1)
        guesses.append(f"{name!r}" + (f" (did you mean {near[0]!r}?)" if near else ""))
    return (
        f"{notebook} has no parameter {', '.join(guesses)}: papermill passed it on, and the "
        f"notebook would have run with its default instead. Its parameters: {', '.join(names)}."
    )


def recorded_parameters(tables_dir: Path | str) -> dict[str, Any]:
    """The parameters notebooks recorded in ``tables_dir`` (:func:`record_parameters`), merged
    in the notebooks' order, with their paths absolute again; ``{}`` when none did."""
    merged: dict[str, Any] = {}
    for record_path, record in _records(tables_dir):
        values = _used_values(record_path, record)
        for name in record.get("paths", []):
            if values.get(name):
                values[name] = str(project_root() / values[name])
        merged.update(values)
    return merged


def summary_parameters_from_tables(
    tables_dir: Path | str, own: Mapping[str, Any]
) -> dict[str, Any]:
    """The parameters notebook 04 describes when no run handed it any: those the tables were
    made with (:func:`recorded_parameters`), then its ``own`` values for the rest and for
    :data:`SUMMARY_OWN`. An ``own`` value that differs from the tables' is warned about and not
    used: the tables cannot change."""
    recorded = recorded_parameters(tables_dir)
    disagreeing = disagreeing_records(tables_dir)
    if disagreeing:
        warn_user(
            f"the tables in {tables_dir} were made with different parameters by different "
            f"notebooks ({'; '.join(disagreeing)}): the summary mixes tables of different runs "
            "and describes the last notebook's values. Run notebooks 01-03 again with the same "
            "parameters, or use `python -m analysis run`."
        )
    for name, value in own.items():
        # compared as the set-up cells normalise them (published:month recorded as month)
        if (
            name in recorded
            and name not in SUMMARY_OWN
            and not same_value(name, recorded[name], value)
        ):
            warn_user(
                f"{name} is {value!r} here but the tables in {tables_dir} were made with "
                f"{recorded[name]!r}: the summary describes the tables ({recorded[name]!r})"
            )
    kept = {k: v for k, v in recorded.items() if k not in SUMMARY_OWN}
    return {**own, **kept}


def disagreeing_records(tables_dir: Path | str) -> list[str]:
    """For each parameter that two notebooks' records in ``tables_dir`` give different values,
    ``"outlets: ['A', 'B'] in 02_sentiment, [] in 01_corpus, 03_framing"``: notebook 02 rerun
    alone with ``-p outlets`` left tables of two selections side by side, and notebook 04 merged
    them without a word."""
    by_name: dict[str, dict[str, list[str]]] = {}
    for record_path, record in _records(tables_dir):
        notebook = Path(str(record.get("notebook") or record_path.stem)).stem
        for name, value in _used_values(record_path, record).items():
            shown = json.dumps(value, sort_keys=True, ensure_ascii=False)
            by_name.setdefault(name, {}).setdefault(shown, []).append(notebook)
    return [
        f"{name}: "
        + ", ".join(f"{value} in {', '.join(notebooks)}" for value, notebooks in values.items())
        for name, values in sorted(by_name.items())
        if len(values) > 1
    ]


# Parameters a notebook takes (to load the corpus with the run's lexicons, which key its cache)
# but whose values reach none of its own tables or figures: notebook 01 writes every measure's
# column, 02 the tone and actor tables, 03 the frame, sourcing and hedging ones. A tester gave
# the actor list to 01 and 02 only: notebook 04 called the tables "not one run" and described
# 03's empty value, saying no actor list was given.
UNUSED_BY = {
    "02_sentiment": frozenset({"codebook", "sources", "hedges"}),
    "03_framing": frozenset({"actors", "news_terms"}),
}


def _used_values(record_path: Path, record: Mapping[str, Any]) -> dict[str, Any]:
    """A record's values without those its notebook does not use (:data:`UNUSED_BY`)."""
    notebook = Path(str(record.get("notebook") or record_path.stem)).stem
    notebook = notebook.removeprefix(RECORD_PREFIX)
    unused = UNUSED_BY.get(notebook, frozenset())
    return {k: v for k, v in dict(record.get("values", {})).items() if k not in unused}


def _records(tables_dir: Path | str) -> list[tuple[Path, dict[str, Any]]]:
    """Each record of ``tables_dir`` (:func:`record_parameters`) with its path, in the
    notebooks' order."""
    return [
        (path, json.loads(path.read_text(encoding="utf-8")))
        for path in sorted(Path(tables_dir).glob(f"{RECORD_PREFIX}*.json"))
    ]


def _portable(path: Path) -> str:
    """``path`` relative to the project (POSIX form) when under it, else absolute."""
    path = path.resolve()
    try:
        return path.relative_to(project_root().resolve()).as_posix()
    except ValueError:
        return str(path)
