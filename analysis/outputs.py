"""Which output files the package owns, swapping them in crash-safely, and one writer at a time.

Users point ``--out`` at their own folders, so the package only ever replaces or removes files
it wrote itself:

- **ownership record**: every run writes the list of files it produced to a manifest
  (:data:`MANIFEST`, JSON), with each file's SHA-256 (but for the cache, the package's own
  store); the next run replaces or removes only those, and only while they are as written
  (:func:`unchanged_outputs`: a summary someone edited is theirs now). A file in a folder the
  package writes to that is not in the record, or changed since, is *foreign*: a run refuses
  to start while there are foreign files (:class:`OutputsError`), and with ``--force`` writes
  alongside them; a foreign file with the name of an output is first kept beside it as
  ``NAME.yours.EXT`` (:func:`aside_path`), so no file the package did not write is ever lost.
  Files kept so (:func:`is_kept_aside`) do not stop the next run.
- **crash-safe swap** (:func:`swap_in`): a journal is written into a backup folder
  ``.previous-<pid>/`` first; every file about to be replaced is hard-linked into it, then the
  new file is renamed over the old one (so the path always holds the old or the new file); only
  then are the outputs that the new run no longer produces moved into the backup, and the
  manifest replaced. Renaming the backup folder to ``.discard-<pid>`` is the commit point. A run
  that finds a ``.previous-<pid>`` of a process that is no longer alive rolls it back
  (:func:`recover`), and removes ``.discard-<pid>``/``.staging-<pid>`` leftovers.
- **lock** (:func:`locked`): an exclusive ``fcntl.flock`` on a lock file held for the whole run;
  a second run into the same folder is refused at once with a message naming the holder.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import json
import os
import re
import shutil
import stat
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path, PurePosixPath

MANIFEST = ".analysis-outputs.json"
LOCK = ".analysis.lock"
JOURNAL = "journal.json"
LEFTOVER_PREFIXES = (".previous-", ".discard-", ".staging-")


class OutputsError(RuntimeError):
    """The output folder cannot be used as asked (foreign files, locked, unwritable)."""


def read_manifest(path: Path) -> set[str]:
    """The relative paths recorded in the manifest at ``path`` (empty when there is none)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return set()
    except (OSError, ValueError) as err:
        raise OutputsError(f"cannot read the output record {path}: {err}") from err
    return {str(p) for p in data.get("files", [])}


def read_hashes(path: Path) -> dict[str, str]:
    """Relative path -> SHA-256 as written, from the manifest at ``path`` (empty when there is
    none, or when an earlier version of the package wrote it without them)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    hashes = data.get("sha256") if isinstance(data, dict) else None
    return {str(k): str(v) for k, v in hashes.items()} if isinstance(hashes, dict) else {}


def file_sha256(path: Path) -> str:
    """The SHA-256 of the file at ``path``, read in blocks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def is_hashed(rel: str) -> bool:
    """Whether the record keeps the SHA-256 of the output at ``rel``: every one but those in a
    ``cache`` folder (the package's own store, not for reading or editing, and large)."""
    return "cache" not in PurePosixPath(rel).parts[:-1]


def manifest_bytes(files: Iterable[str], hashes: Mapping[str, str] | None = None) -> bytes:
    """The manifest's content for ``files`` (sorted, one per line, deterministic), with the
    SHA-256 of those given in ``hashes``."""
    record: dict[str, object] = {"written_by": "newsframe-analysis", "files": sorted(set(files))}
    if hashes:
        record["sha256"] = dict(sorted(hashes.items()))
    return (json.dumps(record, indent=1) + "\n").encode("utf-8")


def note_rewritten(path: Path) -> None:
    """Record the new SHA-256 of ``path`` in the ownership record of the output folder it
    belongs to, when that record holds it with a hash: the package rewrote its own output. A
    notebook rerun by hand with papermill into a run's ``--out`` (as the README shows) rewrites
    tables and figures; without this the next ``run`` took them for someone's edits and kept 18
    of them aside. A file of a staging or backup folder (hidden) is not the record's."""
    path = Path(path)
    if path.name == MANIFEST:
        return
    for root in list(path.parents)[:4]:
        manifest = root / "reports" / MANIFEST
        if not manifest.is_file():
            continue
        rel = path.relative_to(root).as_posix()
        if any(part.startswith(".") for part in PurePosixPath(rel).parts):
            return
        try:
            data = json.loads(manifest.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        hashes = data.get("sha256") if isinstance(data, dict) else None
        if not isinstance(hashes, dict) or rel not in hashes:
            return
        hashes[rel] = file_sha256(path)
        data["sha256"] = dict(sorted(hashes.items()))
        tmp = manifest.with_name(f".{manifest.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        os.replace(tmp, manifest)
        return


def unchanged_outputs(root: Path, manifest: Path) -> set[str]:
    """The outputs recorded in ``manifest`` (relative to ``root``) that are still as the package
    wrote them: a file whose SHA-256 differs from the recorded one was changed by someone (a
    summary annotated, a table corrected by hand) and is theirs, never replaced or removed
    without ``--force`` (then kept as ``NAME.yours.EXT``). A file recorded without a hash (the
    cache; a record of an earlier version) counts as written."""
    hashes = read_hashes(manifest)
    return {
        rel
        for rel in read_manifest(manifest)
        if rel not in hashes or not (root / rel).is_file() or file_sha256(root / rel) == hashes[rel]
    }


def pid_alive(pid: int) -> bool:
    """Whether a process with id ``pid`` exists (our own id counts as gone: a stale leftover)."""
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _move(src: Path, dst: Path) -> None:
    """Rename ``src`` to ``dst`` (same filesystem; replaced in tests to simulate a crash)."""
    os.replace(src, dst)


def _keep_copy(src: Path, dst: Path) -> None:
    dst.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


AS_YOURS = ".yours"  # the mark of a user's file kept beside the output that took its name
_KEPT_ASIDE = re.compile(r"\.yours(?:-\d+)?(?:\.[^.]*)?$")


def is_kept_aside(rel: str) -> bool:
    """Whether ``rel`` names a user's file that a run kept aside (:func:`aside_path`:
    "summary.yours.md", "fig01.yours-2.png"): the run that did so said where, and it does not
    stop a later run into the folder (no output takes such a name)."""
    return _KEPT_ASIDE.search(PurePosixPath(rel).name) is not None


def aside_path(path: Path, taken: Iterable[Path] = ()) -> Path:
    """Where a user's file at ``path`` is kept when an output takes its name: beside it as
    ``NAME.yours.EXT`` ("summary.yours.md"), else ``NAME.yours-2.EXT`` and so on, the first
    name that neither exists nor is in ``taken``."""
    taken = set(taken)
    stem, suffix = path.stem, path.suffix
    for n in range(1, 10_000):
        mark = AS_YOURS if n == 1 else f"{AS_YOURS}-{n}"
        candidate = path.with_name(f"{stem}{mark}{suffix}")
        if candidate not in taken and not (candidate.exists() or candidate.is_symlink()):
            return candidate
    raise OutputsError(f"no free name to keep {path} under; move it away and run again")


def swap_in(
    staged: Path,
    live: Path,
    files: Iterable[str],
    owned: Iterable[str],
    manifest: Path,
    log: Callable[[str], None] | None = None,
    last: Iterable[str] = (),
) -> list[Path]:
    """Move ``files`` (relative paths) from ``staged`` to ``live``; remove the ``owned`` files
    the new set does not hold; record the new set in ``manifest``. All or nothing, crash-safe.

    The files among ``last`` are moved after every other one (and before the manifest): a
    record describing the outputs (a run's ``run-record.json``) is in place only once they
    are, also when the swap is killed half-way.

    A file at the place of a new one that is not ``owned`` (the user's, written alongside with
    ``--force``) is kept at :func:`aside_path` first, and ``log`` says so.

    On an exception the previous state is restored before it propagates; after a kill, the next
    :func:`recover` restores it. Returns the live paths written.
    """
    late = set(last)
    files = sorted(set(files), key=lambda rel: (rel in late, rel))
    owned = set(owned)
    removed = sorted(owned - set(files))
    backup = manifest.parent / f".previous-{os.getpid()}"
    shutil.rmtree(backup, ignore_errors=True)
    backup.mkdir(parents=True)
    manifest_rel = manifest.relative_to(live).as_posix()
    entries = [(rel, (live / rel).exists()) for rel in [*files, manifest_rel]]
    aside: dict[str, str] = {}
    for rel, existed in entries:
        if existed and rel != manifest_rel and rel not in owned:
            taken = {live / a for a in aside.values()}
            aside[rel] = aside_path(live / rel, taken).relative_to(live).as_posix()
    journal = {"root": str(live), "entries": entries, "removed": removed, "aside": aside}
    (backup / JOURNAL).write_text(json.dumps(journal), encoding="utf-8")
    kept = backup / "files"
    try:
        new_manifest = staged / f".{manifest.name}.new"
        hashes = {rel: file_sha256(staged / rel) for rel in files if is_hashed(rel)}
        new_manifest.write_bytes(manifest_bytes(files, hashes))
        for rel, existed in entries:
            src = new_manifest if rel == manifest_rel else staged / rel
            dst = live / rel
            if existed:
                _keep_copy(dst, kept / rel)
            if rel in aside:
                _keep_copy(dst, live / aside[rel])
            dst.parent.mkdir(parents=True, exist_ok=True)
            _move(src, dst)
        for rel in removed:
            if (live / rel).exists():
                (kept / rel).parent.mkdir(parents=True, exist_ok=True)
                _move(live / rel, kept / rel)
    except BaseException:
        _roll_back(backup)
        raise
    discard = backup.with_name(f".discard-{os.getpid()}")
    os.replace(backup, discard)  # the commit point
    shutil.rmtree(discard, ignore_errors=True)
    for rel, kept_as in aside.items():
        if log is not None:
            log(f"kept your {live / rel} as {live / kept_as}: an output of this run has its name")
    return [live / rel for rel in files]


def _roll_back(backup: Path) -> None:
    """Put back what the journal in ``backup`` says was replaced, added or removed."""
    journal = json.loads((backup / JOURNAL).read_text(encoding="utf-8"))
    live = Path(journal["root"])
    kept = backup / "files"
    for rel in [rel for rel, _ in journal["entries"]] + journal["removed"]:
        if (kept / rel).exists():
            os.replace(kept / rel, live / rel)
    for rel, existed in journal["entries"]:
        if not existed:
            _unlink(live / rel)  # added by the interrupted run
    for kept_as in journal.get("aside", {}).values():
        _unlink(live / kept_as)  # a copy the run made; the original is back
    shutil.rmtree(backup, ignore_errors=True)


def _unlink(path: Path) -> None:
    """Remove the file at ``path`` if there is one: a path whose folder is a file (a user's
    file named ``figures``, where the swap stopped) has none, and raised ``NotADirectoryError``
    out of a roll-back, which left its ``.previous-*`` folder for every later run to fail on."""
    with contextlib.suppress(FileNotFoundError, NotADirectoryError):
        path.unlink()


def recover(folder: Path, log: Callable[[str], None]) -> list[str]:
    """Restore or clean up what an interrupted run (a process no longer alive) left in
    ``folder``: roll back a half-done swap, remove staging and committed backups. Says so through
    ``log``; returns the messages."""
    said: list[str] = []
    if not folder.is_dir():
        return said
    for entry in sorted(folder.iterdir()):
        prefix = next((p for p in LEFTOVER_PREFIXES if entry.name.startswith(p)), None)
        if prefix is None or not entry.is_dir():
            continue
        pid_text = entry.name[len(prefix) :]
        if not pid_text.isdigit() or pid_alive(int(pid_text)):
            continue
        if prefix == ".previous-" and (entry / JOURNAL).is_file():
            _roll_back(entry)
            message = f"restored the previous outputs from an interrupted run ({entry})"
        else:
            shutil.rmtree(entry, ignore_errors=True)
            message = f"removed the leftovers of an interrupted run ({entry})"
        log(message)
        said.append(message)
    return said


def foreign_files(candidates: Iterable[Path], root: Path, owned: set[str]) -> list[str]:
    """The relative paths among ``candidates`` that the ownership record does not hold (or that
    changed since: ``owned`` is :func:`unchanged_outputs`), but for files kept aside by an
    earlier run (:func:`is_kept_aside`)."""
    return sorted(
        rel
        for p in candidates
        if (rel := p.relative_to(root).as_posix()) not in owned and not is_kept_aside(rel)
    )


def refusal(out: Path, foreign: list[str]) -> str:
    """The one-line message refusing ``out`` because of ``foreign`` files."""
    shown = ", ".join(foreign[:3]) + (f" and {len(foreign) - 3} more" if len(foreign) > 3 else "")
    return (
        f"--out {out} holds files this package did not write, or that changed since it wrote "
        f"them ({shown}); choose an empty folder, or pass --force to write alongside them "
        f"(never deleted: one with an output's name is kept as NAME{AS_YOURS}.EXT)"
    )


@contextlib.contextmanager
def locked(lock_path: Path, out: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``lock_path`` for the ``with`` block; refuse at once when
    another process holds it.

    The lock file holds the holder's process id, and leaves with the block (a tester found
    ``.analysis.lock`` in her folder after every run). Since another process may have opened
    the file just before it left, a lock is held only on the file the path still names: a lock
    taken on a file that left meanwhile is let go and taken again."""
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    for _attempt in range(_LOCK_ATTEMPTS):
        fd = _open_lock(lock_path)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as err:
            if err.errno not in (errno.EWOULDBLOCK, errno.EACCES):
                os.close(fd)
                raise
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "?"
            os.close(fd)
            raise OutputsError(
                f"another run (process {holder}) is writing to {out}; wait for it to finish "
                "or choose another --out"
            ) from None
        if _names(lock_path, fd):
            break
        os.close(fd)  # the file left as the lock was taken: take the lock on the new one
    else:
        raise OutputsError(f"could not lock {lock_path}; try again")
    mine = f"{os.getpid()}\n".encode()
    try:
        os.ftruncate(fd, 0)
        os.pwrite(fd, mine, 0)
        yield
    finally:
        try:
            if _names(lock_path, fd) and os.pread(fd, 64, 0) == mine:
                lock_path.unlink()  # still the file this process locked and wrote
        except OSError:
            pass
        os.close(fd)  # releases the lock


def _open_lock(lock_path: Path) -> int:
    """The lock file opened for reading and writing (created when absent), never through a
    symbolic link and never when it has other names (a hard link): the run writes its process
    id into it, and a tester's planted ``reports/.analysis.lock`` linking to a file outside
    ``--out`` had that file overwritten (or created, when the link dangled). Raises
    :class:`OutputsError` naming the link."""
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o666)
    except OSError as err:
        if err.errno != errno.ELOOP and not lock_path.is_symlink():
            raise
        target = os.readlink(lock_path) if lock_path.is_symlink() else "?"
        raise OutputsError(
            f"{lock_path} is a symbolic link (to {target}), not a lock file this package "
            "wrote; it writes through no link: remove the link and run again"
        ) from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode) or info.st_nlink > 1:
        os.close(fd)
        what = "has other names (a hard link)" if info.st_nlink > 1 else "is not a regular file"
        raise OutputsError(
            f"{lock_path} {what}, not a lock file this package wrote; remove it and run again"
        )
    return fd


# How often :func:`locked` takes a lock again when its file left as it was taken
_LOCK_ATTEMPTS = 5


def _names(path: Path, fd: int) -> bool:
    """Whether ``path`` names the file open as ``fd``."""
    try:
        named, held = os.lstat(path), os.fstat(fd)
    except OSError:
        return False
    return (named.st_dev, named.st_ino) == (held.st_dev, held.st_ino)


def remove_lock_folder(folder: Path) -> None:
    """Remove ``folder`` when it holds nothing but a run's lock file, or nothing (the folder a
    failed or refused run created to lock it); anything else in it is kept, and a folder that
    cannot be read or removed is left as it is."""
    try:
        if [p.name for p in folder.iterdir()] in ([LOCK], []):
            (folder / LOCK).unlink(missing_ok=True)
            folder.rmdir()
    except OSError:
        pass  # left as it is: nothing of the user's is touched either way


def describe_os_error(err: OSError) -> str:
    """A one-line description of a file-system error: what failed, and where."""
    what = err.strerror or str(err)
    where = f": {err.filename}" if err.filename else ""
    if err.errno == errno.ENOSPC:
        return f"no space left on device{where}"
    return f"{what}{where}"
