"""Importing seaborn without importing SciPy at once, for the notebooks' warm kernels.

``import seaborn`` imports ``scipy.stats`` (for kernel density estimates) and
``scipy.cluster.hierarchy`` (for clustered heatmaps) right away: about 0.6 s of CPU, two fifths
of what a kernel imports before its notebook's first cell, for two things the package never
draws (its figures are bar, strip and heat maps). :func:`import_seaborn_lean` imports seaborn
with SciPy hidden and then hands seaborn both back *lazily*: the first kernel density estimate
or clustered heatmap imports SciPy and uses it exactly as a plain ``import seaborn`` would, so a
notebook cell cannot tell the difference. Like :mod:`analysis.nltk_import`, used by the run's
warm kernels (:func:`analysis.pipeline.kernels.warmup_code`).
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types
from typing import Any

# seaborn's modules that import SciPy when they are imported, and what each takes from it:
# module -> (the name it binds, where that name comes from, attribute or None for a module)
SCIPY_USERS: dict[str, tuple[str, str, str | None]] = {
    "seaborn._statistics": ("gaussian_kde", "scipy.stats", "gaussian_kde"),
    "seaborn.matrix": ("hierarchy", "scipy.cluster.hierarchy", None),
}


class _DeferredModule(types.ModuleType):
    """A stand-in for a module that is imported when one of its attributes is first read."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self._deferred_name = name

    def __getattr__(self, attr: str) -> Any:
        return getattr(importlib.import_module(self._deferred_name), attr)


def _deferred_callable(module: str, attr: str) -> Any:
    """A function that imports ``module`` on its first call and calls its ``attr``."""

    def call(*args: Any, **kwargs: Any) -> Any:
        return getattr(importlib.import_module(module), attr)(*args, **kwargs)

    call.__name__ = call.__qualname__ = attr
    call.__doc__ = f"{module}.{attr}, imported on the first call."
    return call


def import_seaborn_lean() -> None:
    """Import seaborn without SciPy, giving it SciPy's parts back lazily (see the module).

    Nothing happens when seaborn is already imported. seaborn is imported as usual when SciPy
    is already imported or not installed, or when statsmodels (which seaborn's regressions
    import, and which imports SciPy) is installed; a module of :data:`SCIPY_USERS` that does
    not look as expected (another seaborn version) keeps what seaborn bound.
    """
    if "seaborn" in sys.modules:
        return
    plain = (
        "scipy" in sys.modules
        or importlib.util.find_spec("scipy") is None
        # seaborn's optional regression back end, which imports SciPy when it is imported
        or importlib.util.find_spec("statsmodels") is not None
    )
    if plain:
        importlib.import_module("seaborn")
        return
    sys.modules["scipy"] = None  # type: ignore[assignment]  # its import raises ImportError
    try:
        importlib.import_module("seaborn")
    finally:
        if "scipy" in sys.modules and sys.modules["scipy"] is None:
            del sys.modules["scipy"]
    for module_name, (name, source, attr) in SCIPY_USERS.items():
        module = sys.modules.get(module_name)
        if module is None or not getattr(module, "_no_scipy", False):
            continue
        deferred = _DeferredModule(source) if attr is None else _deferred_callable(source, attr)
        setattr(module, name, deferred)
        module._no_scipy = False  # type: ignore[attr-defined]
