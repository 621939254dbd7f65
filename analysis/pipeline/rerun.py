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


def _hash_path(digest: Any, label: str, path: Path) -> None:
    digest.update(label.encode() + b"\0")
    if path.is_file():
        with path.open("rb") as handle:
            digest.update(hashlib.file_digest(handle, "sha256").digest())
    else:
        digest.update(b"missing")
    digest.update(b"\0")


def _hash_tree(digest: Any, label: str, path: Path, skip: Path | None = None) -> None:
    """Every file under ``path`` (or the file itself) by relative name and content: for a
    corpus folder, more than the loader reads (a file the run never reads changes the key too,
    never the other way round). Files under ``skip`` are left out: a run's own outputs, written
    inside its corpus folder, would otherwise change the key of the next run, which then never
    reused them."""
    path = path.resolve()
    if path.is_file():
        _hash_path(digest, f"{label} {path.name}", path)
        return
    skipped = skip.resolve() if skip is not None else None
    files = (
        sorted(
            p
            for p in path.rglob("*")
            if p.is_file()
            and "__pycache__" not in p.parts
            and not (skipped is not None and p.is_relative_to(skipped))
        )
        if path.is_dir()
        else []
    )
    digest.update(f"{label} {path} {len(files)}\0".encode())
    for file in files:
        _hash_path(digest, f"{label} {file.relative_to(path).as_posix()}", file)


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


def run_key(
    values: Mapping[str, Any], notebooks: Sequence[Path], corpus: Path | str, out: Path | str
) -> str:
    """Hash of everything a run's outputs depend on: the package's code and data (the SHA-256
    every output carries, :func:`analysis.code_fingerprint.package_sha256`),
    the notebooks' bytes, the parameter values (one that names a file or a folder as that
    path resolved: :func:`_paths_resolved`), every file a value names (lexicons, parameter
    files), every file of a model folder
    (:data:`FOLDER_PARAMETERS`), every file of the corpus (folder or file), the project folder
    that outputs name paths from (:func:`~analysis.config.project_root`), the output folder,
    the Python and every installed distribution's version, and the environment variables that
    reach the kernels. The corpus counts as the folder or file it is, however written (the
    notebooks are given its absolute path): a tester's ``--corpus corpA``, ``--corpus
    /abs/corpA/`` and no ``--corpus`` for the bundled one each ran everything again. The
    working directory itself is not in the key: the same run started from another folder
    reuses the outputs."""
    digest = hashlib.sha256(b"analysis run\0")
    digest.update(f"code {package_sha256()}\0".encode())  # the outputs' own code hash
    for path in notebooks:
        _hash_path(digest, f"notebook {Path(path).name}", Path(path))
    values = {**values, "corpus_dir": str(Path(corpus).expanduser().resolve())}
    resolved = _paths_resolved(values)
    digest.update(json.dumps(resolved, sort_keys=True, default=str).encode() + b"\0")
    for text in sorted(set(_file_values(dict(values)))):
        candidate = Path(text).expanduser()
        if len(text) < 4096 and candidate.is_file():
            _hash_path(digest, f"file {candidate.resolve()}", candidate)
    for name in FOLDER_PARAMETERS:
        value = values.get(name)
        if isinstance(value, str) and value and Path(value).expanduser().is_dir():
            _hash_tree(digest, f"folder {name}", Path(value).expanduser())
    _hash_tree(digest, "corpus", Path(corpus), skip=Path(out))
    digest.update(f"root {project_root()}\0out {Path(out).resolve()}\0".encode())
    digest.update(f"python {sys.version} {sys.executable}\0".encode())
    digest.update("\n".join(installed_versions()).encode() + b"\0")
    env = sorted((k, v) for k, v in os.environ.items() if k.startswith(_ENV_PREFIXES))
    digest.update(json.dumps(env).encode())
    return digest.hexdigest()


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
    """Record ``key``, the corpus read (:func:`corpus_label`, so that a run into the same
    folder on another corpus can say whose outputs it replaces) and the SHA-256 of every staged
    output (by path relative to the output root) in the staged ``reports/cache/``; promoted
    with the outputs it describes."""
    files = sorted(p for p in staged_root.rglob("*") if p.is_file() and p.name != RECORD)
    record: dict[str, Any] = {"key": key}
    if corpus is not None:
        record["corpus"] = corpus_label(corpus)
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
