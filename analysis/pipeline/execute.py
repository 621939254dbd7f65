"""Executing one notebook with papermill, and saying where and why it failed.

Notebooks run on a ``python3`` kernel that runs this very interpreter
(:func:`kernel_environment`), with a per-cell timeout. When a cell raises, papermill keeps the
partly executed notebook; :func:`notebook_failure` reads from it (or from papermill's error) the
cell that failed and the error, for a :class:`NotebookFailed` that names both.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from analysis.config import PACKAGE_DIR
from analysis.outputs import pid_alive

if TYPE_CHECKING:
    from analysis.pipeline.kernels import WarmKernel

KERNEL_NAME = "python3"
DEFAULT_TIMEOUT_S = 600
ENGINE_NAME = "analysis"
# papermill writes the whole output notebook (figures and tables embedded) when each cell starts
# and ends; a write is JSON, a schema check and a file. Between cells it is written at most this
# often (and, as papermill does, during a long cell and at the end, also after a failure).
SAVE_EVERY_S = 10.0
# A code cell tagged so says that once it has run, everything the notebooks of the next stage read
# from this notebook exists (notebook 01: the per-sentence cache): the scheduler may start them
# while this notebook's remaining cells (its tables and figure) still run.
RELEASE_TAG = "releases-next-stage"


class NotebookFailed(RuntimeError):
    """A notebook raised in a cell (or timed out); the live outputs were left untouched."""

    def __init__(
        self,
        notebook: str,
        partial_path: Path | None,
        cell_index: int | None = None,
        execution_count: int | None = None,
        error: str = "",
    ) -> None:
        self.notebook = notebook
        self.partial_path = partial_path
        self.cell_index = cell_index
        self.execution_count = execution_count
        self.error = error
        where = "" if cell_index is None else f" in cell {cell_index}"
        if execution_count is not None:
            where += f" (execution count {execution_count})"
        kept = f" Partly executed notebook: {partial_path}" if partial_path else ""
        stop = "" if error.rstrip().endswith((".", "!", "?", "…")) else "."  # not "generated.."
        super().__init__(f"Notebook {notebook} failed{where}: {error}{stop}{kept}")


@contextlib.contextmanager
def kernel_environment() -> Iterator[Path]:
    """A ``python3`` kernelspec that runs this interpreter, plus a quiet, deterministic env.

    The kernelspec lives in a temporary folder put first on ``JUPYTER_PATH``, so nothing is
    installed and a ``python3`` kernel registered elsewhere (another Python) is not used.
    Kernels inherit ``MPLBACKEND=Agg`` and ``PYTHONHASHSEED=0``, and, when this package is
    imported from a checkout (a folder with ``pyproject.toml``), that checkout first on
    ``PYTHONPATH``: a kernel, started in the notebooks' folder, would otherwise import the
    package installed in the interpreter, which a second checkout or worktree run with the same
    interpreter does not hold (a tester's run from a clone executed the installed code, and the
    run key hashed the clone's). The environment is restored on exit.
    """
    keys = ("JUPYTER_PATH", "MPLBACKEND", "PYTHONHASHSEED", "PYTHONPATH", "TMPDIR")
    saved = {k: os.environ.get(k) for k in keys}
    remove_stale_kernel_folders(Path(tempfile.gettempdir()))
    with tempfile.TemporaryDirectory(prefix=KERNEL_PREFIX, ignore_cleanup_errors=True) as tmp:
        (Path(tmp) / KERNEL_OWNER).write_text(json.dumps({"pid": os.getpid()}), encoding="utf-8")
        # the kernels' temporary files (a worker pool's result spool, multiprocessing's
        # listener folders) go in here and leave with it: a kernel is killed at the end, so
        # its exit hooks never run, and a tester's /tmp kept two folders of every large run
        kernel_tmp = Path(tmp) / "tmp"
        kernel_tmp.mkdir()
        os.environ["TMPDIR"] = str(kernel_tmp)
        spec_dir = Path(tmp) / "kernels" / KERNEL_NAME
        spec_dir.mkdir(parents=True)
        spec = {
            "argv": [
                sys.executable,
                "-m",
                "ipykernel_launcher",
                "-f",
                "{connection_file}",
                "--IPKernelApp.log_level=CRITICAL",
            ],
            "display_name": f"Python 3 ({sys.executable})",
            "language": "python",
        }
        (spec_dir / "kernel.json").write_text(json.dumps(spec, indent=1), encoding="utf-8")
        jupyter_path = [tmp] + ([saved["JUPYTER_PATH"]] if saved["JUPYTER_PATH"] else [])
        os.environ["JUPYTER_PATH"] = os.pathsep.join(jupyter_path)
        os.environ["MPLBACKEND"] = "Agg"
        os.environ["PYTHONHASHSEED"] = "0"
        checkout = package_checkout()
        if checkout is not None:
            paths = [str(checkout)] + ([saved["PYTHONPATH"]] if saved["PYTHONPATH"] else [])
            os.environ["PYTHONPATH"] = os.pathsep.join(paths)
        try:
            yield spec_dir
        finally:
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value


KERNEL_PREFIX = "analysis-kernel-"
KERNEL_OWNER = "owner.json"  # the process that made the folder, for remove_stale_kernel_folders


def remove_stale_kernel_folders(tmp: Path) -> list[Path]:
    """Remove the folders :func:`kernel_environment` made in ``tmp`` whose run was killed
    (SIGKILL leaves its temporary folder behind: a tester's ``kill -9`` left one per run), and
    return them. Only a folder this package made is removed: named so, owned by this user,
    holding the kernelspec and an :data:`KERNEL_OWNER` naming a process that no longer
    exists; any other is left alone. Not on Windows, where no process is asked whether it
    exists without being ended."""
    removed: list[Path] = []
    if os.name == "nt":
        return removed
    for folder in sorted(tmp.glob(f"{KERNEL_PREFIX}*")):
        try:
            if not folder.is_dir() or folder.is_symlink() or folder.stat().st_uid != os.getuid():
                continue
            if not (folder / "kernels" / KERNEL_NAME / "kernel.json").is_file():
                continue
            pid = int(json.loads((folder / KERNEL_OWNER).read_text(encoding="utf-8"))["pid"])
        except (OSError, ValueError, KeyError, TypeError):
            continue
        if pid == os.getpid() or pid_alive(pid):  # this process's, or a live run's
            continue
        shutil.rmtree(folder, ignore_errors=True)
        removed.append(folder)
    return removed


def package_checkout() -> Path | None:
    """The checkout this package is imported from (the folder above ``analysis/`` that holds
    ``pyproject.toml``), or None for a package installed into ``site-packages``."""
    root = PACKAGE_DIR.parent
    return root if (root / "pyproject.toml").is_file() else None


@functools.cache
def _register_engine() -> str:
    """Register with papermill the engine that writes the output notebook less often.

    papermill's own engine saves the notebook at every cell's start and end: on the bundled
    corpus about a hundred writes of notebooks holding figures and tables, a second of this
    process's CPU that the kernels, running at the same time, need. This engine is nbclient's
    with a manager that saves at most every :data:`SAVE_EVERY_S` seconds between cells; the
    saves during a long cell and the final one (made also when a cell fails or the run is
    interrupted, so the partial notebook is kept) are papermill's. Its notebook client waits
    for the kernel with :func:`analysis.pipeline.kernel_ready.wait_until_ready` rather than
    jupyter_client's ``wait_for_ready``, which takes at least 0.2 s per notebook.
    """
    from jupyter_core.utils import ensure_async, run_sync
    from nbclient.util import run_hook
    from papermill.clientwrap import PapermillNotebookClient
    from papermill.engines import NBClientEngine, NotebookExecutionManager, papermill_engines
    from papermill.log import logger as papermill_logger
    from papermill.utils import merge_kwargs, remove_args

    from analysis.pipeline.kernel_ready import wait_until_ready

    class ThrottledManager(NotebookExecutionManager):  # type: ignore[misc]
        finishing = False
        released: Callable[[], None] | None = None

        def cell_complete(self, cell: Any, cell_index: Any = None, **kwargs: Any) -> None:
            super().cell_complete(cell, cell_index=cell_index, **kwargs)
            tags = cell.get("metadata", {}).get("tags", [])
            status = cell.get("metadata", {}).get("papermill", {}).get("status")
            if self.released is not None and RELEASE_TAG in tags and status != self.FAILED:
                self.released()

        def save(self, **kwargs: Any) -> None:
            due = self.last_save_time is None or (
                (self.now() - self.last_save_time).total_seconds() >= SAVE_EVERY_S
            )
            if self.finishing or due:
                super().save(**kwargs)

        def notebook_complete(self, **kwargs: Any) -> None:
            self.finishing = True
            super().notebook_complete(**kwargs)

    class ReadyClient(PapermillNotebookClient):  # type: ignore[misc]
        """papermill's notebook client, waiting for its kernel client to be ready with
        :func:`analysis.pipeline.kernel_ready.wait_until_ready` instead of jupyter_client's
        ``wait_for_ready`` (0.2 s at least per notebook); otherwise nbclient's own steps."""

        async def async_start_new_kernel_client(self) -> Any:
            assert self.km is not None
            try:
                self.kc = self.km.client()
                await ensure_async(self.kc.start_channels())
                await wait_until_ready(self.kc, self.startup_timeout)
            except Exception as err:
                self.log.error(f"Error while starting a kernel client for the notebook: {err}")
                await self._async_cleanup_kernel()
                raise
            self.kc.allow_stdin = False
            await run_hook(self.on_notebook_start, notebook=self.nb)
            return self.kc

        start_new_kernel_client = run_sync(async_start_new_kernel_client)

    class ThrottledEngine(NBClientEngine):  # type: ignore[misc]
        @classmethod
        def execute_managed_notebook(
            cls,
            nb_man: Any,
            kernel_name: str,
            log_output: bool = False,
            stdout_file: Any = None,
            stderr_file: Any = None,
            start_timeout: int = 60,
            execution_timeout: int | None = None,
            **kwargs: Any,
        ) -> Any:
            # papermill's NBClientEngine.execute_managed_notebook, with ReadyClient
            kwargs = remove_args(["input_path"], **kwargs)
            safe_kwargs = remove_args(["timeout", "startup_timeout"], **kwargs)
            final_kwargs = merge_kwargs(
                safe_kwargs,
                timeout=execution_timeout if execution_timeout else kwargs.get("timeout"),
                startup_timeout=start_timeout,
                kernel_name=kernel_name,
                log=papermill_logger,
                log_output=log_output,
                stdout_file=stdout_file,
                stderr_file=stderr_file,
            )
            return ReadyClient(nb_man, **final_kwargs).execute()

        @classmethod
        def execute_notebook(
            cls,
            nb: Any,
            kernel_name: str,
            output_path: str | None = None,
            progress_bar: bool = True,
            log_output: bool = False,
            autosave_cell_every: int = 30,
            **kwargs: Any,
        ) -> Any:
            manager = ThrottledManager(
                nb,
                output_path=output_path,
                progress_bar=progress_bar,
                log_output=log_output,
                autosave_cell_every=autosave_cell_every,
            )
            manager.released = kwargs.pop("released", None)
            manager.notebook_start()
            beat = Heartbeat(getattr(manager, "pbar", None))
            try:
                cls.execute_managed_notebook(manager, kernel_name, log_output=log_output, **kwargs)
            finally:
                beat.stop()
                manager.cleanup_pbar()
                manager.notebook_complete()
            return manager.nb

    papermill_engines.register(ENGINE_NAME, ThrottledEngine)
    return ENGINE_NAME


# seconds between two redraws of a notebook's progress bar while a cell runs
HEARTBEAT_S = 2.0


class Heartbeat:
    """Redraws a progress bar every :data:`HEARTBEAT_S` seconds while a cell runs, so that its
    elapsed time moves: papermill's bar changes only when a cell ends, and a tester's stood at
    "4/22 cells" for 45-90 s while notebook 01 read 2,700 rows, with no sign it was working.
    Only on a terminal (a log or a test would get a line per beat); ``bar`` None: nothing."""

    def __init__(self, bar: Any, every: float = HEARTBEAT_S, *, terminal: bool | None = None):
        import threading

        self._done = threading.Event()
        self._thread = None
        on_terminal = sys.stderr.isatty() if terminal is None else terminal
        if bar is None or not on_terminal or not hasattr(bar, "refresh"):
            return
        self._thread = threading.Thread(target=self._run, args=(bar, every), daemon=True)
        self._thread.start()

    def _run(self, bar: Any, every: float) -> None:
        while not self._done.wait(every):
            with contextlib.suppress(Exception):  # a bar closed meanwhile: nothing to redraw
                bar.refresh()

    def stop(self) -> None:
        """Stop redrawing (the bar itself is papermill's to close)."""
        self._done.set()
        if self._thread is not None:
            self._thread.join()

    @property
    def running(self) -> bool:
        """Whether the bar is being redrawn."""
        return self._thread is not None and self._thread.is_alive()


def execute_notebook(
    input_path: Path,
    output_path: Path,
    parameters: dict[str, Any],
    cwd: Path,
    timeout: int,
    progress_bar: bool,
    kernel: WarmKernel | None = None,
    released: Callable[[], None] | None = None,
) -> None:
    """Execute one notebook with papermill, on ``kernel`` when given (tests replace this).

    ``parameters`` must hold only names the notebook declares (papermill warns about others).
    With a :class:`~analysis.pipeline.kernels.WarmKernel`, papermill hands its manager to
    nbclient (``km=``), which then runs the cells on that already started kernel and leaves
    stopping it to the caller. The kernel's working directory is given through nbclient's
    ``resources`` rather than papermill's ``cwd``, which changes the whole process's directory
    and so is unsafe when two notebooks run in threads. The output notebook is written less
    often than papermill does (:func:`_register_engine`). ``released`` is called once a cell
    tagged :data:`RELEASE_TAG` has run without error.
    """
    from analysis.pipeline.notebooks import skip_optional_slow_imports

    skip_optional_slow_imports()
    import papermill

    extra: dict[str, Any] = {} if kernel is None else {"km": kernel.manager}
    if released is not None:
        extra["released"] = released
    papermill.execute_notebook(
        str(input_path),
        str(output_path),
        parameters=parameters,
        kernel_name=KERNEL_NAME,
        execution_timeout=timeout,
        progress_bar=progress_bar,
        resources={"metadata": {"path": str(cwd)}},
        engine_name=_register_engine(),
        **extra,
    )


def failed_cell(partial: Path) -> tuple[int | None, int | None]:
    """(cell index, execution count) of the cell that failed or was running.

    Read from papermill's per-cell status in the partly executed notebook; ``(None, None)``
    when the notebook cannot be read or no cell is marked.
    """
    try:
        nb = json.loads(partial.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None, None
    for index, cell in enumerate(nb.get("cells", [])):
        status = cell.get("metadata", {}).get("papermill", {}).get("status")
        if status in {"failed", "running"}:
            return index, cell.get("execution_count")
    return None, None


def describe_error(err: BaseException) -> str:
    """``"Name: message"`` for an error: the kernel's exception for a failed cell (papermill's
    ``ename``/``evalue``), else the first line of the Python exception."""
    ename = getattr(err, "ename", None)
    evalue = getattr(err, "evalue", None)
    if ename:
        return f"{ename}: {evalue}"
    text = str(err).strip().splitlines()
    return f"{type(err).__name__}: {text[0] if text else ''}".rstrip(": ")


def notebook_failure(name: str, partial: Path, err: BaseException) -> NotebookFailed:
    """The :class:`NotebookFailed` for notebook ``name``, which raised ``err`` while executing
    into ``partial``; the cell comes from papermill's error when it names one, else from the
    partial notebook, else, for a cell that timed out, from the cell contents the error
    quotes (a tester's ``--timeout 1`` named no cell)."""
    index, count = failed_cell(partial)
    index = getattr(err, "cell_index", index)
    count = getattr(err, "exec_count", count)
    if index is None:
        index = _quoted_cell(partial, str(err))
    return NotebookFailed(name, partial, index, count, describe_error(err))


# nbclient's CellTimeoutError quotes the cell between two lines of dashes
_QUOTED_CELL = re.compile(r"cell contents:\n-{5,}\n(?P<source>.*?)\n-{5,}", re.DOTALL)


def _quoted_cell(partial: Path, message: str) -> int | None:
    """The index of the code cell of ``partial`` whose source the error ``message`` quotes
    (the first that does), or None. nbclient quotes a cell of 11 lines or more as the list of
    its first five lines, "...", and the list of its last five."""
    import ast

    found = _QUOTED_CELL.search(message)
    if not found or not found["source"].strip():
        return None
    quoted = found["source"].strip()
    head: list[str] | None = None
    try:
        first = ast.literal_eval(quoted.split("\n", 1)[0])
        head = first if isinstance(first, list) and quoted.count("\n...\n") == 1 else None
    except (ValueError, SyntaxError):
        head = None
    try:
        cells = json.loads(partial.read_text(encoding="utf-8")).get("cells", [])
    except (OSError, ValueError, AttributeError):
        return None
    for index, cell in enumerate(cells):
        source = "".join(cell.get("source", "")).strip()
        if cell.get("cell_type") != "code" or not source:
            continue
        if source == quoted or (head is not None and source.split("\n")[:5] == head):
            return index
    return None
