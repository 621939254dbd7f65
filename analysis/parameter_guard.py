"""A notebook's parameters as its set-up cell checked them, and a check before each write that
they are still those.

In JupyterLab a user edits a parameter (``seed = 3``), reruns the parameters cell and then only a
later cell. That cell computes with the new value but with what the set-up cell made from the
old ones (paths, the corpus, the figures' provenance, the record ``parameters_<notebook>.json``):
a tester's figure 8 was drawn with seed 3 and labelled seed 20251030, and the summary then
disagreed with the figures. So the set-up cell's check (:func:`analysis.report.check_parameters`)
remembers the parameters' values and the notebook's namespace (:func:`remember_parameters`), and
every writer of results (:func:`analysis.io.write_table`, :func:`analysis.figures.save_figure`,
:func:`analysis.report.save_findings`, :func:`analysis.report.write_summary`) first calls
:func:`check_parameters_unchanged`, which refuses to write once a parameter has changed.

Only inside IPython (JupyterLab, papermill, ``python -m analysis run``'s kernels): there the
namespace is the notebook's, and cells can be run out of order. A script or a test that calls
the set-up's check leaves nothing behind, so its later writes are never refused.
"""

from __future__ import annotations

import copy
import sys
from collections.abc import Callable, Iterable, MutableMapping
from dataclasses import dataclass
from typing import Any

from analysis.name_lists import name_list


def _group_column(group_by: Any) -> Any:
    """The column a grouping groups by (``published:month`` by ``month``), as the set-up cell
    sets ``group_by`` once the corpus is loaded (:func:`analysis.corpus.periods.group_column`)."""
    from analysis.corpus.periods import group_column

    return group_column(group_by) if isinstance(group_by, str) else group_by


# Parameters the set-up cell normalises before it checks them (a text "A,B" split into a list,
# a period grouping "published:month" to its column "month"): compared as normalised, so that
# rerunning the parameters cell that gives "A,B" changes nothing.
NORMALISED: dict[str, Callable[[Any], Any]] = {"outlets": name_list, "group_by": _group_column}


class ParametersChangedError(RuntimeError):
    """Raised by a writer when a notebook's parameters changed since its set-up cell ran."""


@dataclass
class _Snapshot:
    notebook: str
    namespace: MutableMapping[str, Any]  # the notebook's live globals
    values: dict[str, Any]  # the parameters' values when the set-up cell checked them


_SNAPSHOT: list[_Snapshot] = []  # at most one: the notebook running in this kernel


def inside_ipython() -> bool:
    """Whether this process runs an IPython shell (a notebook's kernel), without importing
    IPython where it is not imported already."""
    ipython = sys.modules.get("IPython")
    get = getattr(ipython, "get_ipython", None)
    return get is not None and get() is not None


def remember_parameters(
    notebook: str, names: Iterable[str], namespace: MutableMapping[str, Any]
) -> None:
    """Inside IPython, remember the values of ``notebook``'s parameters ``names`` as
    ``namespace`` (the notebook's live globals, not a copy) holds them now; elsewhere nothing.
    A later :func:`remember_parameters` (the set-up cell run again) replaces them."""
    forget_parameters()
    if not inside_ipython():
        return
    values = {name: copy.deepcopy(namespace[name]) for name in names if name in namespace}
    _SNAPSHOT.append(_Snapshot(notebook, namespace, values))


def forget_parameters() -> None:
    """Forget the remembered parameters: a kernel reused for another notebook
    (:func:`analysis.pipeline.kernels.restore_fresh_state`) starts without them."""
    _SNAPSHOT.clear()


def changed_parameters() -> list[tuple[str, Any, Any]]:
    """(name, value at the set-up cell, value now) of each remembered parameter whose value
    differs now; empty when none was remembered. A name no longer in the namespace (after
    ``%reset``) is left out: the cells that need it fail on their own."""
    if not _SNAPSHOT:
        return []
    snapshot = _SNAPSHOT[0]
    changed = []
    for name, then in snapshot.values.items():
        if name not in snapshot.namespace:
            continue
        now = snapshot.namespace[name]
        if not same_value(name, then, now):
            changed.append((name, then, now))
    return changed


def same_value(name: str, then: Any, now: Any) -> bool:
    """Whether a parameter's value ``now`` is the one it had (``then``), normalised as the set-up
    cell normalises it (:data:`NORMALISED`)."""
    normalise = NORMALISED.get(name)
    try:
        if normalise is not None:
            return bool(normalise(then) == normalise(now))
        return bool(then == now)
    except Exception:  # a value that cannot be compared (or normalised) is taken as changed
        return False


def check_parameters_unchanged() -> None:
    """Refuse (:class:`ParametersChangedError`) to write results when a parameter of the running
    notebook changed since its set-up cell checked it: the results would be computed with the
    new value and recorded (figure provenance, ``parameters_<notebook>.json``) with the old."""
    changed = changed_parameters()
    if changed:
        listed = ", ".join(f"{name} {then!r} -> {now!r}" for name, then, now in changed)
        raise ParametersChangedError(
            f"the parameters changed since the setup cell ran: {listed}; run the notebook "
            "again from the setup cell (Run All) so that results and their record agree"
        )
