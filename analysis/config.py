"""Where the project's inputs and outputs live, and the defaults every analysis shares.

The package is meant to be installed in editable mode from a project checkout, so the project
root is the folder above the package when it holds ``pyproject.toml``; otherwise the current
working directory stands in for it. Every command takes explicit paths, so this is only a default.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"

# Defaults of the statistics, used by every function signature, the report and (as literal
# values, which papermill needs) the notebooks' parameters cells; tests/test_config.py checks
# that the notebooks agree with these.
N_BOOT = 2000  # bootstrap replicates for every bootstrap CI (shares of articles: Wilson)
N_PERM = 5000  # permutations for the pairwise tests
SEED = 20251030  # seed for the bootstrap, permutations and jitter: same seed, same tables
GROUP_COLUMNS = ("outlet", "origin")  # the document columns a run can compare groups by
# The manifest's fields of each article (analysis.corpus.documents.MANIFEST_COLUMNS but the id,
# the file and the two groupings): the sentences a run compares do not carry them, so they are
# not groupings ('--group-by language' stopped notebook 01 with a KeyError).
ARTICLE_FIELDS = frozenset(
    {"title", "author", "published", "url", "language", "date_note", "notes"}
)
# The smallest replicate counts a run accepts (analysis.pipeline.params checks them before any
# notebook starts): fewer give no usable percentile interval or p-value.
# the fewest sentences mentioning an actor in a group for its tone to be reported: the summary's
# actor findings and the actor heatmap's coloured cells (grey below) use the same bound
MIN_ACTOR_SENTENCES = 5
MIN_N_BOOT = 100
MIN_N_PERM = 100


def project_root() -> Path:
    """Return the project checkout that holds this package, or the working directory."""
    candidate = PACKAGE_DIR.parent
    if (candidate / "pyproject.toml").is_file():
        return candidate
    return Path.cwd()


def portable_path(value: str) -> str:
    """A parameter's value as a report shows it: an absolute path (a codebook, a model folder,
    an agreement table given with ``-p``) under the project relative to it, elsewhere by its
    name; any other value as it is. A tester's figures and summary differed in bytes when the
    same codebook was copied to another folder, since they held its absolute path; the
    summary's lexicon table gives each lexicon's SHA-256, the figures' provenance the file's
    (:func:`analysis.figures.figure_provenance`)."""
    path = Path(value)
    if not path.is_absolute():
        return value
    try:
        return path.resolve().relative_to(project_root().resolve()).as_posix()
    except (ValueError, OSError):
        return path.name


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


def cache_dir_for(tables_dir: Path | str) -> Path:
    """Where a notebook keeps its per-sentence cache for ``tables_dir``: ``reports/cache``
    beside ``reports/tables``, the layout a run writes and reuses; for a tables folder of
    another name, a ``.cache`` folder inside it, so that nothing is written outside the folders
    a user chose (a tester's ``tables_dir="water_tables"`` put ``cache/`` in her working
    folder)."""
    tables_dir = Path(tables_dir)
    return tables_dir.parent / "cache" if tables_dir.name == "tables" else tables_dir / ".cache"


def notebook_paths(
    corpus_dir: str | Path = "",
    tables_dir: str | Path = "",
    figures_dir: str | Path = "",
    reports_dir: str | Path = "",
) -> dict[str, Path]:
    """A notebook's folders, absolute: the values given, or the project's defaults for "".

    The notebooks' parameters default to "" so that a notebook run on its own (plain papermill,
    JupyterLab, from any working directory) reads the bundled corpus and writes into ``build/``
    under the project root (ignored by git), never into the committed ``figures/`` and
    ``reports/``: only ``python -m analysis run`` refreshes those. A path given relative is taken
    from the working directory, as a shell would.
    """
    build = output_dirs(project_root() / "build")

    def pick(value: str | Path, default: Path) -> Path:
        return Path(value).resolve() if str(value) else default

    return {
        "corpus": pick(corpus_dir, default_corpus_dir()),
        "tables": pick(tables_dir, build["tables"]),
        "figures": pick(figures_dir, build["figures"]),
        "reports": pick(reports_dir, build["reports"]),
    }
