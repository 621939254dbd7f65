"""Which notebooks a run executes, and which of them may run side by side.

A pipeline is the ``*.ipynb`` files of one folder, run in name order (in the project's own
``notebooks/``, the four of :data:`DEFAULT_NOTEBOOKS` only); :func:`plan_stages` groups
the consecutive ones that do not depend on each other into stages that the scheduler
(:mod:`analysis.pipeline.schedule`) runs at the same time.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from analysis.config import project_root

DEFAULT_NOTEBOOKS: tuple[str, ...] = (
    "01_corpus.ipynb",
    "02_sentiment.ipynb",
    "03_framing.ipynb",
    "04_summary.ipynb",
)
# Notebooks that read only what the notebooks before them wrote, so they may run side by side.
# 01 stays alone: it computes the per-sentence cache that 02 and 03 read; started with it, each
# would compute the same (on a large corpus, expensive) entry itself. They start as soon as 01's
# cell that builds the cache has run (its tag, execute.RELEASE_TAG), not when 01 has ended.
INDEPENDENT_GROUPS: tuple[frozenset[str], ...] = (
    frozenset({"02_sentiment.ipynb", "03_framing.ipynb"}),
)


def default_notebooks_dir() -> Path:
    """The project's ``notebooks/`` folder."""
    return project_root() / "notebooks"


def _is_project_folder(folder: Path) -> bool:
    """Whether ``folder`` is the project's own ``notebooks/``."""
    try:
        return folder.resolve() == default_notebooks_dir().resolve()
    except OSError:
        return False


def list_notebooks(notebooks_dir: Path | str) -> list[Path]:
    """The notebooks of a pipeline: ``*.ipynb`` in ``notebooks_dir``, in name order.

    In the project's own ``notebooks/`` only the pipeline's :data:`DEFAULT_NOTEBOOKS` are: a
    copy JupyterLab makes there ("03_framing-Copy1.ipynb") or a user's experiment would
    otherwise run as a step of the pipeline and write into its tables
    (:func:`other_notebooks` names them). Any other folder (``--notebooks``) is a pipeline of
    its own, every notebook in it. Hidden files (such as editor copies starting with ``.``)
    are never notebooks of a pipeline. Raises ``FileNotFoundError`` when the folder is missing
    or holds no notebook, so that a mistyped ``--notebooks`` is reported before anything
    starts.
    """
    folder = Path(notebooks_dir)
    if not folder.is_dir():
        raise FileNotFoundError(f"notebooks folder not found: {folder}")
    notebooks = _visible_notebooks(folder)
    if _is_project_folder(folder):
        notebooks = [p for p in notebooks if p.name in DEFAULT_NOTEBOOKS]
    if not notebooks:
        raise FileNotFoundError(f"no notebooks (*.ipynb) in {folder}")
    return notebooks


def other_notebooks(notebooks_dir: Path | str) -> list[str]:
    """The names of the notebooks in the project's own ``notebooks/`` that are not the
    pipeline's and so are not run (:func:`list_notebooks`), in name order; empty for any
    other folder."""
    folder = Path(notebooks_dir)
    if not folder.is_dir() or not _is_project_folder(folder):
        return []
    return [p.name for p in _visible_notebooks(folder) if p.name not in DEFAULT_NOTEBOOKS]


def _visible_notebooks(folder: Path) -> list[Path]:
    """The ``*.ipynb`` files of ``folder`` but hidden ones, in name order."""
    return sorted(p for p in folder.glob("*.ipynb") if not p.name.startswith("."))


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


# jsonschema (imported by nbformat, which papermill and nbclient import) registers an "iri" format
# checker when the optional URI grammar ``rfc3987_syntax`` is installed, and that module builds a
# Lark grammar at import time (about 1.2 s). No schema this pipeline validates (notebook
# documents, Jupyter messages) uses the "iri" formats, and papermill runs no format checks.
OPTIONAL_SLOW_IMPORTS = ("rfc3987_syntax",)


def skip_optional_slow_imports() -> None:
    """Before papermill or jupyter_client is first imported in this process: make the optional
    :data:`OPTIONAL_SLOW_IMPORTS` unavailable to it (their importers treat them as not installed).

    Does nothing for a module already imported (then whoever imported it keeps it). Affects only
    this process: the kernels, where notebooks run, are separate processes and untouched.
    """
    import sys

    for name in OPTIONAL_SLOW_IMPORTS:
        if name not in sys.modules and "jsonschema" not in sys.modules:
            sys.modules[name] = None  # type: ignore[assignment]  # import raises ImportError
