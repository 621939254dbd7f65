"""Where the project's inputs and outputs live.

The package is meant to be installed in editable mode from a project checkout, so the project
root is the folder above the package when it holds ``pyproject.toml``; otherwise the current
working directory stands in for it. Every command takes explicit paths, so this is only a default.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"


def project_root() -> Path:
    """Return the project checkout that holds this package, or the working directory."""
    candidate = PACKAGE_DIR.parent
    if (candidate / "pyproject.toml").is_file():
        return candidate
    return Path.cwd()


def default_corpus_dir() -> Path:
    """The bundled corpus, ``seeds/`` under the project root."""
    return project_root() / "seeds"


def output_dirs(out_root: Path | str | None = None) -> dict[str, Path]:
    """The standard output folders under ``out_root`` (default: the project root).

    ``cache`` holds the per-sentence results reused between notebooks and runs
    (:mod:`analysis.measure.cache`); it is not an output to commit.
    """
    root = Path(out_root) if out_root is not None else project_root()
    root = root.resolve()
    return {
        "root": root,
        "figures": root / "figures",
        "reports": root / "reports",
        "tables": root / "reports" / "tables",
        "notebooks": root / "reports" / "notebooks",
        "cache": root / "reports" / "cache",
    }
