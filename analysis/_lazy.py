"""Lazy public names for a package: ``package.NAME`` imports NAME's module on first use.

Every stage subpackage lists its public verbs this way, so that notebooks and users' scripts
write ``from analysis import sentiment`` and call ``sentiment.sentiment_by_group(...)`` without
knowing the module layout, while ``import analysis`` (done by every worker process) stays cheap.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def lazy_exports(
    package: str, exports: Mapping[str, str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]], list[str]]:
    """``(__getattr__, __dir__, __all__)`` for ``package`` exporting ``{name: module}``.

    ``module`` is relative to ``package`` (``"tables"``) or absolute (``"analysis.io"``).
    """

    def _module(name: str) -> str:
        module = exports[name]
        return module if module.startswith("analysis") else f"{package}.{module}"

    def __getattr__(name: str) -> Any:
        if name not in exports:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(importlib.import_module(_module(name)), name)

    names = sorted(exports)

    def __dir__() -> list[str]:
        return names

    return __getattr__, __dir__, names
