"""Staging a run's outputs and swapping them in for the live ones, all or nothing.

A run writes into a staging folder under ``reports/`` (:func:`make_staging`), which starts from
the live cache (:func:`seed_cache`). Only when every notebook succeeded does :func:`promote`
move the staged figures, tables, executed notebooks and summary in for the live ones, putting
everything back if the swap itself fails; a notebook that failed is kept under
``reports/failed/`` (:func:`keep_failed`) so that the error can be read in context.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from analysis.config import output_dirs
from analysis.io import write_bytes

FIGURE_SUFFIXES = (".png", ".svg")
FIGURES_README = "README.md"
# reports/cache/: per-sentence results keyed by a hash of their inputs (analysis.measure.cache). The
# staging folder starts from hard links to the live cache, so a run reuses it.
CACHE_DIR = "cache"
FAILED_DIR = "failed"


def make_staging(live_reports: Path) -> tuple[Path, dict[str, Path]]:
    """(staging root, its output folders): an empty ``reports/.staging-<pid>/`` holding
    ``figures/``, ``reports/tables/`` and ``reports/notebooks/``, seeded with the live cache.

    The staging folder is on the same filesystem as the live outputs, so that promoting them is
    a set of renames. A folder left by an earlier run of the same process id is removed first.
    """
    live_reports.mkdir(parents=True, exist_ok=True)
    staging_root = live_reports / f".staging-{os.getpid()}"
    shutil.rmtree(staging_root, ignore_errors=True)
    staged = output_dirs(staging_root)
    for key in ("figures", "tables", "notebooks"):
        staged[key].mkdir(parents=True, exist_ok=True)
    seed_cache(live_reports / CACHE_DIR, staged["reports"] / CACHE_DIR)
    return staging_root, staged


def seed_cache(live_cache: Path, staged_cache: Path) -> None:
    """Give the staging folder the live cache as hard links (copies where links fail).

    Cache entries are written once into a new folder and never modified in place, so sharing
    their files is safe; the promoted cache is the old one plus this run's entries.
    """
    if not live_cache.is_dir():
        return

    def link(src: str, dst: str) -> None:
        try:
            os.link(src, dst)
        except OSError:
            shutil.copy2(src, dst)

    shutil.copytree(live_cache, staged_cache, copy_function=link)


def _move(src: Path, dst: Path) -> None:
    """Rename ``src`` to ``dst`` (same filesystem; replaced in tests to simulate a failure)."""
    os.replace(src, dst)


def _promotion_plan(staged: Path, live: Path) -> tuple[list[Path], list[tuple[Path, Path]]]:
    """(live paths to move aside, (staged, live) pairs to move in)."""
    s_dirs, l_dirs = output_dirs(staged), output_dirs(live)
    old: list[Path] = []
    new: list[tuple[Path, Path]] = []
    if l_dirs["figures"].is_dir():
        old += sorted(
            p
            for p in l_dirs["figures"].iterdir()
            if p.is_file() and (p.suffix in FIGURE_SUFFIXES or p.name == FIGURES_README)
        )
    if s_dirs["figures"].is_dir():
        new += [(p, l_dirs["figures"] / p.name) for p in sorted(s_dirs["figures"].iterdir())]
    if s_dirs["reports"].is_dir():
        for entry in sorted(s_dirs["reports"].iterdir()):
            new.append((entry, l_dirs["reports"] / entry.name))
    # Every live reports/ entry the new run replaces (tables/ and notebooks/ as whole folders),
    # plus the standard ones even when this run did not produce them (no stale mix).
    replaced = {dst.name for _, dst in new if dst.parent == l_dirs["reports"]}
    replaced |= {"tables", "notebooks", "summary.md", "summary.html"}
    old += [l_dirs["reports"] / n for n in sorted(replaced) if (l_dirs["reports"] / n).exists()]
    old += [
        dst for _, dst in new if dst.parent == l_dirs["figures"] and dst.exists() and dst not in old
    ]
    return old, new


def promote(staged_root: Path, live_root: Path) -> list[Path]:
    """Swap the staged outputs in for the live ones; on any error put everything back.

    Old files are first moved aside into ``reports/.previous-<pid>/``, then the new ones are
    moved in; only when both succeeded is the old copy deleted. Returns the live paths of every
    file written.
    """
    live_reports = output_dirs(live_root)["reports"]
    live_reports.mkdir(parents=True, exist_ok=True)
    backup = live_reports / f".previous-{os.getpid()}"
    old, new = _promotion_plan(staged_root, live_root)
    moved_aside: list[tuple[Path, Path]] = []
    moved_in: list[tuple[Path, Path]] = []
    try:
        for path in old:
            target = backup / path.relative_to(live_root)
            target.parent.mkdir(parents=True, exist_ok=True)
            _move(path, target)
            moved_aside.append((path, target))
        for src, dst in new:
            dst.parent.mkdir(parents=True, exist_ok=True)
            _move(src, dst)
            moved_in.append((src, dst))
    except BaseException:
        for src, dst in reversed(moved_in):
            os.replace(dst, src)
        for path, target in reversed(moved_aside):
            os.replace(target, path)
        shutil.rmtree(backup, ignore_errors=True)
        raise
    shutil.rmtree(backup, ignore_errors=True)
    written: list[Path] = []
    for _, dst in moved_in:
        written += sorted(p for p in dst.rglob("*") if p.is_file()) if dst.is_dir() else [dst]
    return written


def keep_failed(staged_notebooks: Path, live_reports: Path, name: str) -> Path | None:
    """Copy a partly executed notebook to ``reports/failed/`` (outside the staging folder).

    Returns the copy's path, or None when the notebook had not been written yet.
    """
    partial = staged_notebooks / name
    if not partial.is_file():
        return None
    failed = live_reports / FAILED_DIR
    failed.mkdir(parents=True, exist_ok=True)
    target = failed / name
    write_bytes(partial.read_bytes(), target)
    return target


def clear_failed(live_reports: Path) -> None:
    """Remove ``reports/failed/``, left by an earlier failed run that a successful run
    supersedes."""
    failed = live_reports / FAILED_DIR
    if failed.is_dir():
        shutil.rmtree(failed, ignore_errors=True)
