"""The executed notebooks a run keeps, made safe to run again by hand.

A run executes each notebook with its output folders in a staging folder
(``reports/.staging-<pid>/``), which is renamed into place once every notebook has succeeded;
the executed copies under ``reports/notebooks/`` kept those staging paths, so a tester who
opened one in JupyterLab and ran it again wrote into a hidden staging folder that no longer
belonged to any run. :func:`forget_staging_paths` sets those parameters to ``""``, which a
notebook run on its own reads as ``build/`` under the project (never the committed outputs:
only ``python -m analysis run`` writes those).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

STAGED_PARAMETERS = ("figures_dir", "tables_dir", "reports_dir")
_ASSIGNMENT = re.compile(rf"^({'|'.join(STAGED_PARAMETERS)}) = .*$", re.MULTILINE)
NOTE = '  # the run\'s staging folder; "": build/ when run again by hand'


def forget_staging_paths(notebook: Path) -> None:
    """In the executed ``notebook``, set the parameters that named the run's staging folders
    (:data:`STAGED_PARAMETERS`) to ``""``, in its injected-parameters cell and in papermill's
    record of them; nothing else changes. A notebook without them, or that is not a notebook
    file, is left as it is."""
    try:
        nb = json.loads(notebook.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    if not isinstance(nb, dict):
        return
    changed = False
    for cell in nb.get("cells", []):
        if "injected-parameters" not in cell.get("metadata", {}).get("tags", []):
            continue
        source = "".join(cell["source"])
        new = _ASSIGNMENT.sub(lambda m: f'{m.group(1)} = ""{NOTE}', source)
        if new != source:
            cell["source"] = new.splitlines(keepends=True)
            changed = True
    recorded = nb.get("metadata", {}).get("papermill", {}).get("parameters", {})
    for name in STAGED_PARAMETERS:
        if name in recorded:
            recorded[name] = ""
            changed = True
    if changed:
        notebook.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
