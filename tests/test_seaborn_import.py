"""seaborn imported without SciPy for the warm kernels, SciPy's parts handed back lazily."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

# A fresh interpreter: imports seaborn (lean or plain), then reports what it sees and computes.
PROBE = """
import json, sys
import numpy as np
{setup}
import seaborn as sns
from seaborn import _statistics, matrix
before = sorted(m for m in ("scipy", "scipy.stats", "scipy.cluster") if m in sys.modules)
kde = _statistics.KDE(cumulative=True)
density, support = kde(np.array([0.0, 1.0, 1.5, 3.0, 4.2]))
linkage = matrix.hierarchy.linkage(np.array([[0.0, 1.0], [2.0, 1.0], [5.0, 0.0]]))
print(json.dumps({{
    "scipy_before_use": before,
    "no_scipy": [_statistics._no_scipy, matrix._no_scipy],
    "kde_class": type(_statistics.gaussian_kde(np.arange(5.0))).__module__,
    "density": density.tolist(),
    "linkage": linkage.tolist(),
}}))
"""


def probe(setup: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(setup=setup)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return json.loads(done.stdout.splitlines()[-1])


@pytest.mark.slow
def test_lean_seaborn_imports_no_scipy_until_used_and_then_computes_as_plain_seaborn():
    lean = probe("from analysis.seaborn_import import import_seaborn_lean\nimport_seaborn_lean()")
    plain = probe("")
    assert lean["scipy_before_use"] == []  # imported without SciPy
    assert plain["scipy_before_use"] == ["scipy", "scipy.cluster", "scipy.stats"]
    assert lean["no_scipy"] == plain["no_scipy"] == [False, False]
    assert lean["kde_class"] == plain["kde_class"] == "scipy.stats._kde"
    assert lean["density"] == plain["density"]  # cumulative KDE: needs SciPy itself
    assert lean["linkage"] == plain["linkage"]


@pytest.mark.slow
def test_with_scipy_already_imported_seaborn_is_imported_as_usual():
    seen = probe(
        "import scipy.stats\n"
        "from analysis.seaborn_import import import_seaborn_lean\nimport_seaborn_lean()"
    )
    assert seen["no_scipy"] == [False, False]
    assert seen["kde_class"] == "scipy.stats._kde"


def test_deferred_parts_import_their_module_on_first_use(monkeypatch):
    import importlib

    from analysis import seaborn_import

    imported: list[str] = []
    real = importlib.import_module
    monkeypatch.setattr(
        seaborn_import.importlib, "import_module", lambda n: (imported.append(n), real(n))[1]
    )
    module = seaborn_import._DeferredModule("json")
    call = seaborn_import._deferred_callable("json", "dumps")
    assert imported == []
    assert module.dumps([1]) == "[1]"
    assert call({"a": 1}) == '{"a": 1}'
    assert call.__name__ == "dumps"
    assert imported == ["json", "json"]
