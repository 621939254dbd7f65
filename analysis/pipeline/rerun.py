"""Reusing a whole run whose inputs, parameters and code have not changed.

A run's outputs are a function of the package's code and data, the notebooks, the parameters,
the corpus files, the lexicon files and the installed packages (DEVELOPERS.md: the same inputs
and parameters give byte-identical tables). :func:`run_key` hashes all of them; a successful run
records the key and the SHA-256 of every file it wrote in ``reports/cache/`` (:data:`RECORD`,
promoted with the other outputs, so the record and the files always belong to one run).

A later run with the same key whose recorded files are all still there, byte for byte
(:func:`reusable_outputs`), has nothing to compute: ``python -m analysis run`` says so and
leaves the outputs as they are, without starting a kernel or importing papermill. Anything
different (a changed or missing output, a leftover of an interrupted run, another key) runs
the pipeline as usual. ``--rerun`` forces a full run.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Iterable, Mapping, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

from analysis.code_fingerprint import package_sha256
from analysis.config import output_dirs, project_root
from analysis.outputs import LEFTOVER_PREFIXES

RECORD = "run-record.json"  # promoted after the outputs it describes (promote.promote)
# Environment variables that can change what a kernel computes or draws.
_ENV_PREFIXES = ("PYTHON", "MPL", "LC_", "LANG", "JUPYTER", "OMP", "TZ", "ANALYSIS")
# Parameters whose value is a folder the notebooks read (a trained coder's model.json and
# weights.npz): every file in it is hashed, so retraining into the same folder runs again.
FOLDER_PARAMETERS = ("frame_coder", "tone_coder")


def _file_sha256(path: Path) -> str:
    """The SHA-256 of the file at ``path``, or "missing"."""
    if not path.is_file():
        return "missing"
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _tree_sha256(path: Path, skip: Path | None = None) -> dict[str, str]:
    """Every file under ``path`` (or the file itself) by relative name -> SHA-256: for a
    corpus folder, more than the loader reads (a file the run never reads changes the key too,
    never the other way round). Files under ``skip`` are left out: a run's own outputs, written
    inside its corpus folder, would otherwise change the key of the next run, which then never
    reused them."""
    path = path.resolve()
    if path.is_file():
        return {path.name: _file_sha256(path)}
    if not path.is_dir():
        return {}
    skipped = skip.resolve() if skip is not None else None
    files = sorted(
        p
        for p in path.rglob("*")
        if p.is_file()
        and "__pycache__" not in p.parts
        and not (skipped is not None and p.is_relative_to(skipped))
    )
    return {file.relative_to(path).as_posix(): _file_sha256(file) for file in files}


def _file_values(value: Any) -> Iterable[str]:
    """Every string inside a parameter value (paths among them are hashed by content)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from _file_values(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _file_values(item)


# the parameters whose value is a path (analysis.pipeline.params' file rules, and names ending
# like its PATH_SUFFIXES): in the key as the file or folder they name, resolved
PATH_PARAMETERS = frozenset(
    {"codebook", "actors", "sources", "hedges", "news_terms", "frame_coder", "tone_coder"}
    | {"validation"}
)
_PATH_ENDINGS = ("_dir", "_path", "_file")


def _paths_resolved(values: Mapping[str, Any]) -> dict[str, Any]:
    """``values`` with each path parameter's value that names a file or a folder replaced by
    that path resolved: the bundled corpus's lexicons are named relative to the working
    directory ("seeds/lexicons/actors.toml" from the project, an absolute path from elsewhere),
    so the same run started from another folder has other strings and the same files. Other
    values stay as given ("./x" and "x" are two outlets)."""
    out = dict(values)
    for name, value in values.items():
        if not isinstance(value, str) or not value or len(value) >= 4096:
            continue
        if name in PATH_PARAMETERS or name.endswith(_PATH_ENDINGS):
            candidate = Path(value).expanduser()
            if candidate.is_file() or candidate.is_dir():
                out[name] = f"path {candidate.resolve()}"
    return out


def run_inputs(
    values: Mapping[str, Any], notebooks: Sequence[Path], corpus: Path | str, out: Path | str
) -> dict[str, Any]:
    """Everything a run's outputs depend on, part by part, as :func:`run_key` hashes it: the
    package's code and data (the SHA-256 every output carries,
    :func:`analysis.code_fingerprint.package_sha256`), each notebook's SHA-256, the parameter
    values (one that names a file or a folder as that path resolved: :func:`_paths_resolved`),
    every file a value names (lexicons, parameter files), every file of a model folder
    (:data:`FOLDER_PARAMETERS`), every file of the corpus (folder or file), the project folder
    that outputs name paths from (:func:`~analysis.config.project_root`), the output folder,
    the Python and every installed distribution's version, and the environment variables that
    reach the kernels (by a hash of their values: the record is a file in the user's folder).

    Kept in the run's record, so that the next run can say what changed (:func:`what_changed`)
    instead of rerunning without a word."""
    values = {**values, "corpus_dir": str(Path(corpus).expanduser().resolve())}
    files = {}
    for text in sorted(set(_file_values(dict(values)))):
        candidate = Path(text).expanduser()
        if len(text) < 4096 and candidate.is_file():
            files[str(candidate.resolve())] = _file_sha256(candidate)
    folders = {}
    for name in FOLDER_PARAMETERS:
        value = values.get(name)
        if isinstance(value, str) and value and Path(value).expanduser().is_dir():
            folders[name] = _tree_sha256(Path(value).expanduser())
    env = sorted((k, v) for k, v in os.environ.items() if k.startswith(_ENV_PREFIXES))
    return {
        "code": package_sha256(),
        "notebooks": {Path(path).name: _file_sha256(Path(path)) for path in notebooks},
        "parameters": json.loads(json.dumps(_paths_resolved(values), default=str)),
        "files": files,
        "folders": folders,
        "corpus": _tree_sha256(Path(corpus), skip=Path(out)),
        "places": {"project": str(project_root()), "out": str(Path(out).resolve())},
        "python": f"{sys.version} {sys.executable}",
        "packages": installed_versions(),
        "environment": {k: hashlib.sha256(v.encode()).hexdigest()[:16] for k, v in env},
    }


# the inputs of each key computed in this process, for write_record to keep beside the key
_INPUTS: dict[str, dict[str, Any]] = {}


def run_key(
    values: Mapping[str, Any], notebooks: Sequence[Path], corpus: Path | str, out: Path | str
) -> str:
    """Hash of everything a run's outputs depend on (:func:`run_inputs`). The corpus counts as
    the folder or file it is, however written (the notebooks are given its absolute path): a
    tester's ``--corpus corpA``, ``--corpus /abs/corpA/`` and no ``--corpus`` for the bundled
    one each ran everything again. The working directory itself is not in the key: the same
    run started from another folder reuses the outputs."""
    inputs = run_inputs(values, notebooks, corpus, out)
    text = json.dumps(inputs, sort_keys=True, ensure_ascii=False)
    key = hashlib.sha256(b"analysis run\0" + text.encode("utf-8")).hexdigest()
    _INPUTS[key] = inputs
    return key


def _name_and_version(distribution: metadata.Distribution) -> str:
    """``name==version`` from the header of a distribution's metadata file, read as plain
    lines: parsing it as e-mail headers (``Distribution.metadata``) costs about 70 ms over the
    160 distributions of an ordinary environment, on every run and every unchanged rerun."""
    text = distribution.read_text("METADATA") or distribution.read_text("PKG-INFO") or ""
    fields = {"Name": "", "Version": ""}
    for line in text.partition("\n\n")[0].splitlines():
        key, colon, value = line.partition(":")
        if colon and key in fields and not fields[key]:
            fields[key] = value.strip()
    return f"{fields['Name']}=={fields['Version']}"


def installed_versions() -> list[str]:
    """``name==version`` of every installed distribution, sorted: an upgrade, a downgrade, an
    install or an uninstall changes the list, and with it the run's key."""
    return sorted(_name_and_version(d) for d in metadata.distributions())


def _sha256(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def corpus_label(corpus: Path | str) -> str:
    """The corpus a run read, as its record names it: relative to the project folder when it is
    inside it ("seeds", the same in every clone), else its absolute path."""
    path = Path(corpus).expanduser().resolve()
    try:
        return path.relative_to(project_root().resolve()).as_posix() or "."
    except ValueError:
        return path.as_posix()


def recorded_corpus(out: Path | str | None) -> str | None:
    """The corpus of the last run recorded in ``out`` (:func:`corpus_label`), or None when no
    run of ours is recorded there or its record names none (a record older than the field)."""
    try:
        record = json.loads((output_dirs(out)["cache"] / RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    corpus = record.get("corpus") if isinstance(record, dict) else None
    return corpus if isinstance(corpus, str) and corpus else None


def write_record(staged_root: Path, key: str, corpus: Path | str | None = None) -> Path:
    """Record ``key``, what it was computed from (:func:`run_inputs`, when :func:`run_key`
    computed it in this process), the corpus read (:func:`corpus_label`, so that a run into
    the same folder on another corpus can say whose outputs it replaces) and the SHA-256 of
    every staged
    output (by path relative to the output root) in the staged ``reports/cache/``; promoted
    with the outputs it describes."""
    files = sorted(p for p in staged_root.rglob("*") if p.is_file() and p.name != RECORD)
    record: dict[str, Any] = {"key": key}
    if corpus is not None:
        record["corpus"] = corpus_label(corpus)
    if key in _INPUTS:  # what the key was computed from, for the next run to say what changed
        record["inputs"] = _INPUTS[key]
    record["files"] = {p.relative_to(staged_root).as_posix(): _sha256(p) for p in files}
    path = output_dirs(staged_root)["cache"] / RECORD
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(record, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return path


def reusable_outputs(out: Path | str | None, key: str) -> list[Path] | None:
    """The outputs of the last run into ``out`` when they can stand for a run with ``key``:
    the recorded key is ``key``, every recorded file exists with the recorded SHA-256, and no
    interrupted run left anything behind. None otherwise (then run the pipeline)."""
    dirs = output_dirs(out)
    record_path = dirs["cache"] / RECORD
    try:
        record = json.loads(record_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(record, dict) or record.get("key") != key:
        return None
    files = record.get("files")
    if not isinstance(files, dict) or not files:
        return None
    if dirs["reports"].is_dir() and any(
        p.name.startswith(LEFTOVER_PREFIXES) for p in dirs["reports"].iterdir()
    ):
        return None
    paths = []
    for name, sha in files.items():
        path = dirs["root"] / name
        try:
            if not path.is_file() or _sha256(path) != sha:
                return None
        except OSError:
            return None
        paths.append(path)
    return [*paths, record_path]


def _shown(value: Any) -> str:
    """A parameter value as a line shows it: a path without its "path " mark, at most 60
    characters."""
    text = value[5:] if isinstance(value, str) and value.startswith("path ") else value
    text = text if isinstance(text, str) else json.dumps(text, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."


def _counted(old: Mapping[str, Any], new: Mapping[str, Any]) -> str:
    """ "2 files added, 1 changed" between two name -> hash mappings ("" when equal)."""
    counts = (
        (len(new.keys() - old.keys()), "added"),
        (len(old.keys() - new.keys()), "removed"),
        (len(_differing(old, new) & old.keys() & new.keys()), "changed"),
    )
    said = [(n, what) for n, what in counts if n]
    if not said:
        return ""
    (n, what), rest = said[0], said[1:]
    return ", ".join([f"{n} file{'s' if n != 1 else ''} {what}", *(f"{m} {w}" for m, w in rest)])


def _differing(old: Mapping[str, Any], new: Mapping[str, Any]) -> set[str]:
    """The names whose values differ (or that only one of the two has)."""
    return {k for k in old.keys() | new.keys() if old.get(k) != new.get(k)}


def _versions(lines: Sequence[str]) -> dict[str, str]:
    return dict(line.partition("==")[::2] for line in lines)


def what_changed(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[str]:
    """What differs between two :func:`run_inputs`, one short phrase each, the parameters
    first ("parameter n_boot changed (1000 → 500)", "code changed", "corpus changed: 2 files
    added")."""
    said: list[str] = []
    old_values, new_values = old.get("parameters", {}), new.get("parameters", {})
    for name in sorted(old_values.keys() | new_values.keys()):
        before, after = old_values.get(name), new_values.get(name)
        if name not in old_values:
            said.append(f"parameter {name} given ({_shown(after)})")
        elif name not in new_values:
            said.append(f"parameter {name} no longer given (was {_shown(before)})")
        elif before != after:
            said.append(f"parameter {name} changed ({_shown(before)} → {_shown(after)})")
    if old.get("code") != new.get("code"):
        said.append("the package's code changed")
    notebooks = sorted(_differing(old.get("notebooks", {}), new.get("notebooks", {})))
    if notebooks:
        said.append(f"notebook{'s' if len(notebooks) > 1 else ''} {', '.join(notebooks)} changed")
    old_files, new_files = old.get("files", {}), new.get("files", {})
    for path in sorted(old_files.keys() & new_files.keys()):
        if old_files[path] != new_files[path]:
            said.append(f"file {path} changed")
    for name in sorted(old.get("folders", {}).keys() & new.get("folders", {}).keys()):
        counted = _counted(old["folders"][name], new["folders"][name])
        if counted:
            said.append(f"{name} folder changed: {counted}")
    counted = _counted(old.get("corpus", {}), new.get("corpus", {}))
    if counted:
        said.append(f"corpus changed: {counted}")
    if old.get("places") != new.get("places"):
        said.append("the project or output folder moved")
    if old.get("python") != new.get("python"):
        said.append(
            f"Python changed ({str(old.get('python')).split()[0]} → "
            f"{str(new.get('python')).split()[0]})"
        )
    before, after = _versions(old.get("packages", [])), _versions(new.get("packages", []))
    moved = [
        f"{name} {before.get(name, '(none)')} → {after.get(name, '(none)')}"
        for name in sorted(before.keys() | after.keys())
        if before.get(name) != after.get(name)
    ]
    if moved:
        more = f" and {len(moved) - 3} more" if len(moved) > 3 else ""
        said.append(f"installed packages changed ({', '.join(moved[:3])}{more})")
    names = sorted(_differing(old.get("environment", {}), new.get("environment", {})))
    if names:
        said.append(f"environment variable {', '.join(names)} changed")
    return said


def rerun_reason(out: Path | str | None, key: str, forced: bool = False) -> str | None:
    """One line saying why a run into ``out`` with ``key`` (:func:`run_key`, computed in this
    process) runs the notebooks rather than reusing the last run's outputs: what changed
    since (:func:`what_changed`), which recorded outputs were changed or removed, an
    interrupted run's leftovers, or ``--rerun`` (``forced``). None when no run is recorded in
    ``out`` (nothing to reuse, nothing to explain). A tester could not tell a cache miss from
    a forced rerun."""
    dirs = output_dirs(out)
    try:
        record = json.loads((dirs["cache"] / RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(record, dict):
        return None
    since = f"since the last run into {dirs['root']}"
    previous, inputs = record.get("inputs"), _INPUTS.get(key)
    if record.get("key") != key:
        if not isinstance(previous, dict) or inputs is None:
            return (
                f"rerunning: the record of the last run into {dirs['root']} does not say what "
                "it was run with (an earlier version of the package wrote it)"
            )
        why = what_changed(previous, inputs) or ["its inputs changed"]
        shown = "; ".join(why[:4]) + (f"; and {len(why) - 4} more" if len(why) > 4 else "")
        extra = " (--rerun given too)" if forced else ""
        return f"rerunning{extra}: {shown} {since}"
    if forced:
        return (
            f"rerunning because of --rerun: code, notebooks, parameters, corpus and packages "
            f"are unchanged {since}"
        )
    reports = dirs["reports"]
    if reports.is_dir() and any(p.name.startswith(LEFTOVER_PREFIXES) for p in reports.iterdir()):
        return f"rerunning: an interrupted run left its leftovers in {reports}"
    files = record.get("files") if isinstance(record.get("files"), dict) else {}
    touched = []
    for name, sha in sorted(files.items()):
        path = dirs["root"] / name
        try:
            if not path.is_file() or _sha256(path) != sha:
                touched.append(name)
        except OSError:
            touched.append(name)
    if touched:
        more = f" and {len(touched) - 3} more" if len(touched) > 3 else ""
        return (
            f"rerunning: nothing changed {since}, but {len(touched)} of its outputs were "
            f"changed or removed ({', '.join(touched[:3])}{more})"
        )
    return None
