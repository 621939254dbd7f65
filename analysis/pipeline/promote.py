"""Staging a run's outputs and swapping them in for the live ones, all or nothing.

A run writes into a staging folder under ``reports/`` (:func:`make_staging`), which starts from
the live cache (:func:`seed_cache`). Only when every notebook succeeded does :func:`promote`
move the staged figures, tables, executed notebooks and summary in for the live ones, putting
everything back if the swap itself fails; a notebook that failed is kept under
``reports/failed/`` (:func:`keep_failed`) so that the error can be read in context.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path

from analysis.config import PACKAGE_DIR, output_dirs
from analysis.outputs import (
    MANIFEST,
    OutputsError,
    aside_path,
    foreign_files,
    refusal,
    swap_in,
    unchanged_outputs,
)

FIGURE_SUFFIXES = (".png", ".svg")
FIGURE_DOCUMENTS = ("README.md", "figures.json")  # the gallery and its machine-readable index
# reports/cache/: per-sentence results keyed by a hash of their inputs (analysis.measure.cache). The
# staging folder starts from hard links to the live cache, so a run reuses it.
CACHE_DIR = "cache"
# entries of the cache a run keeps, the ones used last: each new codebook, lexicon, corpus or
# version of the package makes a new entry (as large as the corpus's sentences), and without a
# bound a researcher refining a codebook on 50,000 articles filled the disk with old ones
CACHE_KEEP = 5
# a folder of the cache holding this file is an entry, and an entry's folder is named by its
# key (analysis.measure.cache: its parts and cache_key; not imported here, as it imports pandas,
# which `python -m analysis run` leaves out of its start)
ENTRY_FILE = "sentences.parquet"
_ENTRY_NAME = re.compile(r"[0-9a-f]{16}")
FAILED_DIR = "failed"
STANDARD_SUMMARY = ("summary.md", "summary.html")


def make_staging(live_reports: Path, owned: set[str] | None = None) -> tuple[Path, dict[str, Path]]:
    """(staging root, its output folders): an empty ``reports/.staging-<pid>/`` holding
    ``figures/``, ``reports/tables/`` and ``reports/notebooks/``, seeded with the live cache
    (only the files of it this package wrote, when ``owned`` is given).

    The staging folder is on the same filesystem as the live outputs, so that promoting them is
    a set of renames. A folder left by an earlier run of the same process id is removed first.
    """
    live_reports.mkdir(parents=True, exist_ok=True)
    staging_root = live_reports / f".staging-{os.getpid()}"
    shutil.rmtree(staging_root, ignore_errors=True)
    staged = output_dirs(staging_root)
    for key in ("figures", "tables", "notebooks"):
        staged[key].mkdir(parents=True, exist_ok=True)
    keep = None
    if owned is not None:
        root = live_reports.parent
        keep = {root / rel for rel in owned}
    seed_cache(live_reports / CACHE_DIR, staged["reports"] / CACHE_DIR, keep)
    return staging_root, staged


def seed_cache(live_cache: Path, staged_cache: Path, keep: set[Path] | None = None) -> None:
    """Give the staging folder the live cache as hard links (copies where links fail).

    Cache entries are written once into a new folder and never modified in place, so sharing
    their files is safe; the promoted cache is this run's entries and the :data:`CACHE_KEEP`
    entries used last before it (an entry's folder time is when a run last read it,
    :func:`analysis.measure.cache.read_entry`): the others are left out of the staging folder,
    so promotion drops them, as it drops any output the package wrote and a run no longer
    writes. With ``keep``, only those live files are taken (files someone else put there stay
    out of it, and in the live folder).
    """
    if not live_cache.is_dir():
        return
    folders = [p for p in live_cache.iterdir() if p.is_dir() and not p.name.startswith(".")]
    entries = sorted(
        (p for p in folders if (p / ENTRY_FILE).is_file()),  # an entry, not an emptied folder
        key=lambda p: (-p.stat().st_mtime_ns, p.name),
    )
    old = {p.name for p in entries[CACHE_KEEP:]} | {p.name for p in folders if _empty(p)}

    def link(src: str, dst: str) -> None:
        try:
            os.link(src, dst)
        except OSError:
            shutil.copy2(src, dst)

    def ignore(folder: str, names: list[str]) -> list[str]:
        left = [n for n in names if n in old] if Path(folder) == live_cache else []
        if keep is None:
            return left
        return left + [
            n for n in names if (Path(folder) / n).is_file() and Path(folder, n) not in keep
        ]

    shutil.copytree(live_cache, staged_cache, copy_function=link, ignore=ignore)


def manifest_path(live_root: Path) -> Path:
    """The ownership record of the outputs under ``live_root``."""
    return output_dirs(live_root)["reports"] / MANIFEST


def is_project_checkout(live_root: Path) -> bool:
    """Whether ``live_root`` is the project checkout that holds this package."""
    root = live_root.resolve()
    return root == PACKAGE_DIR.parent and (root / "pyproject.toml").is_file()


def _files(folder: Path, recursive: bool = True) -> list[Path]:
    """Files under ``folder``, leaving out hidden ones (ours: lock, record, staging, backups)."""
    if not folder.is_dir():
        return []
    found = folder.rglob("*") if recursive else folder.iterdir()
    return sorted(
        p
        for p in found
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )


def written_by_a_run(live_root: Path) -> list[Path]:
    """Files at the places a run writes: ``figures/``, ``reports/tables/``,
    ``reports/notebooks/``, ``reports/cache/`` and the files directly in ``reports/``."""
    dirs = output_dirs(live_root)
    found = _files(dirs["figures"])
    for key in ("tables", "notebooks", "cache"):
        found += _files(dirs[key])
    found += _files(dirs["reports"], recursive=False)
    return found


def owned_outputs(live_root: Path) -> set[str]:
    """The outputs under ``live_root`` this package wrote, by path relative to it.

    Those in the ownership record; in the project checkout itself, also every standard output
    (``figures/*.png|svg``, ``figures/README.md`` and ``figures.json``, ``reports/tables/``,
    ``reports/notebooks/``, ``reports/cache/``, ``reports/summary.md|html``), so that the
    committed outputs count as owned.
    """
    root = output_dirs(live_root)["root"]
    owned = unchanged_outputs(root, manifest_path(root)) | _written_by_commands(root)
    if is_project_checkout(root):
        dirs = output_dirs(root)
        standard = [
            p
            for p in _files(dirs["figures"], recursive=False)
            if p.suffix in FIGURE_SUFFIXES or p.name in FIGURE_DOCUMENTS
        ]
        for key in ("tables", "notebooks", "cache"):
            standard += _files(dirs[key])
        standard += [dirs["reports"] / n for n in STANDARD_SUMMARY]
        owned |= {p.relative_to(root).as_posix() for p in standard if p.is_file()}
    return {rel for rel in owned if (root / rel).is_file()}


def _written_by_commands(root: Path) -> set[str]:
    """The tables of ``corpus --out`` the same folder, recorded by that command and unchanged
    since (:func:`analysis.written.kept_from_replacing`), which a run then called "files this
    package did not write". Only those: a run writes the same three tables and so replaces
    them; any other file a command wrote there (a coding sheet) is not the run's to replace or
    remove."""
    from analysis.corpus.tables import CORPUS_TABLES
    from analysis.written import RECORD, kept_from_replacing

    tables = output_dirs(root)["tables"]
    if not (tables / RECORD).is_file():
        return set()
    candidates = [tables / name for name in CORPUS_TABLES if (tables / name).is_file()]
    kept = set(kept_from_replacing(candidates))
    return {p.relative_to(root).as_posix() for p in candidates if p not in kept}


# the folders of --out a run writes into (relative to it): each must be a folder, if it exists
RUN_FOLDERS = (
    "figures",
    "reports",
    "reports/tables",
    "reports/notebooks",
    f"reports/{CACHE_DIR}",
    f"reports/{FAILED_DIR}",
)


def check_output_folders(live_root: Path) -> None:
    """Raise :class:`OutputsError` when a place where a run writes a folder (:data:`RUN_FOLDERS`)
    holds something else: a tester's file named ``figures`` in ``--out`` was found only when the
    outputs were swapped in, after every notebook had run, and left a ``.previous-*`` folder
    behind. Checked before any notebook runs; the message names the file and what to do.

    A folder of them that is a symbolic link is refused too, ``--force`` or not: the outputs
    would be written, and earlier ones removed, wherever it leads, in a folder this package
    does not own (a tester's ``reports/tables`` linked elsewhere was called a folder of
    "files this package did not write", and ``--force`` then wrote the tables through it)."""
    root = output_dirs(live_root)["root"]
    for rel in RUN_FOLDERS:
        path = root / rel
        if path.is_symlink():
            raise OutputsError(
                f"--out {root}: {rel} is a symbolic link (to {os.readlink(path)}); a run "
                "writes its outputs only into folders of --out itself, never through a link: "
                "remove the link (what it leads to is left as it is), or give another --out"
            )
        if path.exists() and not path.is_dir():
            raise OutputsError(
                f"--out {root}: {rel} is a file, not a folder, and a run writes its "
                f"{Path(rel).name} into a folder of that name; rename or move that file, or "
                "choose another --out (a run never replaces a file it did not write)"
            )


def check_outputs(live_root: Path, force: bool) -> set[str]:
    """The owned outputs under ``live_root``; raises :class:`OutputsError` when files this
    package did not write sit where a run writes, unless ``force``."""
    root = output_dirs(live_root)["root"]
    owned = owned_outputs(root)
    foreign = foreign_files(written_by_a_run(root), root, owned)
    if foreign and not force:
        raise OutputsError(refusal(root, foreign))
    return owned


def promote(
    staged_root: Path,
    live_root: Path,
    owned: set[str] | None = None,
    log: Callable[[str], None] | None = None,
) -> list[Path]:
    """Swap the staged outputs in for the live ones this package wrote; all or nothing.

    Only files: every staged file replaces the live file of the same name (or is added; the
    run's record, :data:`analysis.pipeline.rerun.RECORD`, after all the others), and
    the ``owned`` files (default: :func:`owned_outputs`) the run no longer produced are removed;
    any other file is left alone (one of the user's with an output's name is kept beside it,
    ``log`` says where: :func:`analysis.outputs.aside_path`). Crash-safe
    (:func:`analysis.outputs.swap_in`); the ownership record is updated last. Returns the live
    paths of every file written.
    """
    live_root = output_dirs(live_root)["root"]
    output_dirs(live_root)["reports"].mkdir(parents=True, exist_ok=True)
    if owned is None:
        owned = owned_outputs(live_root)
    from analysis.pipeline.rerun import RECORD

    files = [p.relative_to(staged_root).as_posix() for p in _files(staged_root)]
    record = f"reports/{CACHE_DIR}/{RECORD}"  # in place only once what it describes is
    written = swap_in(
        staged_root, live_root, files, owned, manifest_path(live_root), log, last=[record]
    )
    _remove_emptied_entries(output_dirs(live_root)["reports"] / CACHE_DIR)
    return written


def _empty(folder: Path) -> bool:
    """Whether ``folder`` holds nothing at all."""
    return next(folder.iterdir(), None) is None


def _remove_emptied_entries(cache: Path) -> None:
    """Remove the folders of cache entries a promotion emptied (named by a key, holding
    nothing): the swap moves files only. A folder holding anything stays."""
    if not cache.is_dir():
        return
    for folder in cache.iterdir():
        if folder.is_dir() and _ENTRY_NAME.fullmatch(folder.name) and _empty(folder):
            with contextlib.suppress(OSError):  # filled meanwhile: it stays
                folder.rmdir()


def write_bytes(data: bytes, path: Path) -> Path:
    """:func:`analysis.io.write_bytes`, imported when first needed: ``analysis.io`` imports
    pandas, 0.3-0.6 s that ``python -m analysis run`` would otherwise spend before its kernels
    start."""
    from analysis.io import write_bytes as write

    return write(data, path)


# in reports/failed/: the SHA-256 of each notebook copy a failed run kept there, so that only
# those, as written, are ever removed again (a copy annotated since, or a file of the user's
# with a notebook's name, is theirs)
FAILED_RECORD = ".kept-by-analysis.json"


def _failed_record(failed: Path) -> dict[str, str]:
    """Name -> SHA-256 of the copies recorded in ``failed`` (empty when none or unreadable)."""
    try:
        data = json.loads((failed / FAILED_RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def _write_failed_record(failed: Path, record: dict[str, str]) -> None:
    path = failed / FAILED_RECORD
    if record:
        path.write_text(json.dumps(dict(sorted(record.items())), indent=1) + "\n", "utf-8")
    else:
        path.unlink(missing_ok=True)


def keep_failed(
    staged_notebooks: Path,
    live_reports: Path,
    name: str,
    log: Callable[[str], None] | None = None,
) -> Path | None:
    """Copy a partly executed notebook to ``reports/failed/`` (outside the staging folder), and
    record its SHA-256 there (:data:`FAILED_RECORD`, for :func:`clear_failed`). A file of that
    name that is not such a copy, unchanged, is first kept beside it as ``NAME.yours.EXT``
    (:func:`~analysis.outputs.aside_path`), and ``log`` says so.

    Returns the copy's path, or None when the notebook had not been written yet.
    """
    partial = staged_notebooks / name
    if not partial.is_file():
        return None
    failed = live_reports / FAILED_DIR
    failed.mkdir(parents=True, exist_ok=True)
    target = failed / name
    if target.exists() and _failed_record(failed).get(name) != _sha256_or_none(target):
        aside = aside_path(target)
        os.replace(target, aside)
        if log is not None:
            log(f"kept your {target} as {aside}: a partly executed notebook takes its name")
    data = partial.read_bytes()
    write_bytes(data, target)
    _write_failed_record(failed, {**_failed_record(failed), name: hashlib.sha256(data).hexdigest()})
    return target


def clear_failed(
    live_reports: Path, names: list[str] | None = None
) -> tuple[list[Path], list[Path]]:
    """Remove the notebooks ``names`` (default: every ``*.ipynb``) that an earlier failed run
    kept in ``reports/failed/``, and the folder when that leaves it empty; a successful run
    supersedes them. Only copies recorded by :func:`keep_failed` and unchanged since are
    removed; another file there, or one of those names that is not such a copy (annotated
    since, the user's own, or kept by a version of the package that recorded none), stays.

    Returns (the paths removed, the paths of those names kept), for the caller to say so: a
    later successful run removed them without a word."""
    failed = live_reports / FAILED_DIR
    if not failed.is_dir():
        return [], []
    record = _failed_record(failed)
    removed: list[Path] = []
    kept: list[Path] = []
    for path in sorted(failed.iterdir()):
        if not path.is_file() or not (
            path.name in names if names is not None else path.suffix == ".ipynb"
        ):
            continue
        if record.get(path.name) == _sha256_or_none(path):
            path.unlink(missing_ok=True)
            removed.append(path)
        else:
            kept.append(path)
    if removed or record:
        _write_failed_record(failed, {k: v for k, v in record.items() if (failed / k).is_file()})
    with contextlib.suppress(OSError):
        failed.rmdir()
    return removed, kept


def _sha256_or_none(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None
