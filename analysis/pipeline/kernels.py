"""Warm kernels: started, with a notebook's modules imported, before the notebook's turn.

Starting a kernel and importing pandas, matplotlib and the package takes seconds; the scheduler
(:mod:`analysis.pipeline.schedule`) does it while the notebooks before it run, so that it is off
the critical path. :func:`notebook_imports` lists what a notebook imports, :func:`warmup_code`
imports it in the kernel without leaving a trace, and :func:`start_kernel` starts the kernel and
runs that code.

On two cores those seconds of start-up and imports are not free even off the critical path: they
compete with the notebooks that run. A kernel whose notebook finished may therefore be handed to
a later notebook (:func:`reuse_kernel`): :func:`restore_fresh_state` runs in it first and puts it
back in the state of a freshly warmed kernel (empty namespace, execution count 1, default
matplotlib, pandas and numpy settings, the warnings filters, working directory, ``sys.path`` and
environment it had after its first warm-up); only the imported modules, and their caches of
pure functions, are kept.
"""

from __future__ import annotations

import ast
import contextlib
import functools
import itertools
import json
import os
import signal
import sys
import threading
import time
import warnings
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from analysis.nltk_import import NLTK_SKIPPED_EXTRAS  # noqa: F401  (named in docs and tests)
from analysis.pipeline.execute import KERNEL_NAME, KERNEL_PREFIX
from analysis.pipeline.kernel_ready import wait_until_ready
from analysis.pipeline.priority import set_background_priority

WARMUP_TIMEOUT_S = 120
# Modules that a package function imports when it is first called rather than when its module
# is imported, for functions that notebooks call in their first cells: a notebook that uses the
# name gets them imported by its warm-up too. Loading a corpus then flags its documents (the
# language guess imports NLTK's Punkt through the sentence splitter).
CALLED_IMPORTS: dict[str, tuple[str, ...]] = {
    "analysis.load_corpus": ("analysis.corpus.language", "analysis.corpus.quality"),
}
# The nice value of a kernel warming in the background (:meth:`WarmKernel.set_background`).
BACKGROUND_NICE = 10


class Background:
    """Kernels warming at a lower CPU priority until :meth:`end`, called from any thread.

    The run's second kernel warms in the background so that the first, on the critical path,
    gets the cores first; once the first is warm, the second is needed soon (its notebook
    starts when notebook 01 releases it) and competes only with notebook 01, so the scheduler
    ends the background then (:mod:`analysis.pipeline.schedule`). :meth:`end` may come before
    a kernel's process exists: that kernel is then never lowered.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._ended = False
        self._kernels: list[WarmKernel] = []

    def lower(self, kernel: WarmKernel) -> None:
        """Lower ``kernel`` (its process started) unless :meth:`end` was called already."""
        with self._lock:
            if self._ended:
                return
            self._kernels.append(kernel)
            kernel.set_background(True)

    def end(self) -> None:
        """Give every lowered kernel its full priority back (only the first call acts)."""
        with self._lock:
            if self._ended:
                return
            self._ended = True
            lowered, self._kernels = self._kernels, []
            for kernel in lowered:
                with contextlib.suppress(Exception):
                    kernel.set_background(False)


def notebook_imports(nb_path: Path) -> list[str]:
    """The modules a notebook's code cells import at top level, in order of first appearance.

    For ``from package import name`` both ``package`` and ``package.name`` are listed, since the
    name may be a submodule or a lazily exported name (:mod:`analysis._lazy`), which the warm-up
    resolves. So is ``module.attr`` for every ``attr`` the cells read from a module they
    imported by name (``from analysis import report`` then ``report.write_summary(...)``): the
    stage packages import such a name's module only when it is first read, which would
    otherwise happen in the notebook's turn. So are the :data:`CALLED_IMPORTS` of every name
    listed, which the package imports when that name is first called. Lines holding IPython
    magics or shell escapes are skipped; a cell that still does not parse is ignored (the
    notebook itself will report it).
    """
    with open(nb_path, encoding="utf-8") as handle:
        nb = json.load(handle)
    modules: list[str] = []
    bound: dict[str, str] = {}  # name in the notebook -> the module it was imported as
    trees = []
    for cell in nb.get("cells", []):
        if cell.get("cell_type") != "code":
            continue
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else source
        lines = [
            "" if line.lstrip().startswith(("%", "!")) else line for line in source.split("\n")
        ]
        try:
            tree = ast.parse("\n".join(lines))
        except SyntaxError:
            continue
        trees.append(tree)
        for node in tree.body:
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
                bound |= {a.asname: a.name for a in node.names if a.asname}
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                # ``from analysis import report`` may import a subpackage, a module or a lazily
                # exported name: list ``analysis.report`` too (the warm-up resolves it)
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
                bound |= {a.asname or a.name: f"{node.module}.{a.name}" for a in node.names}
            else:
                continue
            modules += [name for name in names if name not in modules]
    for tree in trees:
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id in bound
            ):
                name = f"{bound[node.value.id]}.{node.attr}"
                if name not in modules:
                    modules.append(name)
    for name in list(modules):
        modules += [m for m in CALLED_IMPORTS.get(name, ()) if m not in modules]
    return modules


def warmup_code(modules: Sequence[str]) -> str:
    """Code that imports ``modules`` and leaves no name behind in the kernel's namespace.

    A dotted name whose last part is already an attribute of its (imported) parent, such as
    ``pathlib.Path``, is not a module and is skipped. A name the parent exports lazily
    (:mod:`analysis._lazy`, such as ``analysis.sentiment.plot_tone_arc``) is read from the
    parent, which imports the module that defines it: the slow imports (seaborn, scipy, NLTK)
    happen here rather than in the notebook's first cell. A module that fails to import is
    skipped: the notebook's own import cell then raises the error where the reader expects it.
    (:func:`notebook_imports` also lists the :data:`CALLED_IMPORTS` of the names it finds.)

    When the notebook imports from the package, NLTK (which the package's sentence splitter,
    stemmer and VADER need) is imported first without the optional modules listed in
    :data:`~analysis.nltk_import.NLTK_SKIPPED_EXTRAS`
    (:func:`analysis.nltk_import.import_nltk_lean`). They stay importable: the notebook, or
    seaborn, imports them as usual when it needs them. Then (also for a notebook that imports
    seaborn itself) seaborn is imported without SciPy, which it gets back lazily
    (:func:`analysis.seaborn_import.import_seaborn_lean`): the package draws nothing that needs
    SciPy, whose import is two fifths of a warm-up.
    """
    return (
        "def _analysis_warmup(names):\n"
        "    import importlib, sys\n"
        "    package = any(n == 'analysis' or n.startswith('analysis.') for n in names)\n"
        "    if package:\n"
        "        try:\n"
        "            from analysis.nltk_import import import_nltk_lean\n"
        "            import_nltk_lean()\n"
        "        except Exception:\n"
        "            pass\n"
        "    if package or any(n == 'seaborn' or n.startswith('seaborn.') for n in names):\n"
        "        try:\n"
        "            from analysis.seaborn_import import import_seaborn_lean\n"
        "            import_seaborn_lean()\n"
        "        except Exception:\n"
        "            pass\n"
        "    for name in names:\n"
        "        parent, _, attr = name.rpartition('.')\n"
        "        if parent in sys.modules and attr in vars(sys.modules[parent]):\n"
        "            continue\n"
        "        lazy = parent in sys.modules and hasattr(sys.modules[parent], '__getattr__')\n"
        "        try:\n"
        "            if lazy and attr in getattr(sys.modules[parent], '__all__', ()):\n"
        "                getattr(sys.modules[parent], attr)\n"
        "            else:\n"
        "                importlib.import_module(name)\n"
        "        except Exception:\n"
        "            pass\n"
        f"_analysis_warmup({list(modules)!r})\n"
        "del _analysis_warmup\n"
    )


# Inside a kernel: what :func:`remember_fresh_state` saw after the kernel's first warm-up.
_FRESH_STATE: dict[str, Any] = {}


def remember_fresh_state() -> None:
    """Inside a kernel, after its first warm-up: remember the state a notebook starts in.

    Kept: the working directory, ``sys.path``, the environment, the warnings filters and, when
    numpy is imported, its error handling and print options. :func:`restore_fresh_state` puts
    them back before the kernel runs another notebook.
    """
    _FRESH_STATE.clear()
    _FRESH_STATE.update(
        cwd=os.getcwd(),
        path=list(sys.path),
        environ=dict(os.environ),
        warnings=list(warnings.filters),
    )
    numpy = sys.modules.get("numpy")
    if numpy is not None:
        _FRESH_STATE.update(np_err=numpy.geterr(), np_print=numpy.get_printoptions())


def restore_fresh_state() -> None:
    """Inside a kernel that ran a notebook: the state of a freshly warmed kernel, for the next.

    IPython's ``reset`` (new session) empties the namespace, the output cache and the history
    and sets the execution count back to 1; open figures are closed; matplotlib's settings go
    back to its ``matplotlibrc`` (as on import) and pandas' options to their defaults; what
    :func:`remember_fresh_state` kept is put back, and warnings that were shown once will be
    shown again. Modules stay imported: that is the point of reusing the kernel.
    """
    from IPython import get_ipython

    shell = get_ipython()
    if shell is not None:
        shell.reset(new_session=True)
    guard = sys.modules.get("analysis.parameter_guard")
    if guard is not None:  # the last notebook's parameters: the next one has its own
        guard.forget_parameters()
    explore = sys.modules.get("analysis.explore")
    if explore is not None:  # itables' JavaScript, shown in the last notebook: show it again
        explore.forget_itables_loaded()
    matplotlib = sys.modules.get("matplotlib")
    if matplotlib is not None:
        if "matplotlib.pyplot" in sys.modules:
            sys.modules["matplotlib.pyplot"].close("all")
        matplotlib.rc_file_defaults()
    pandas = sys.modules.get("pandas")
    if pandas is not None:
        with warnings.catch_warnings():  # pandas warns about its deprecated options
            warnings.simplefilter("ignore")
            pandas.reset_option("all")
    state = _FRESH_STATE
    if not state:
        return
    os.chdir(state["cwd"])
    sys.path[:] = state["path"]
    if dict(os.environ) != state["environ"]:
        os.environ.clear()
        os.environ.update(state["environ"])
    numpy = sys.modules.get("numpy")
    if numpy is not None and "np_err" in state:
        numpy.seterr(**state["np_err"])
        numpy.set_printoptions(**state["np_print"])
    warnings.filters[:] = state["warnings"]
    warnings._filters_mutated()  # type: ignore[attr-defined]  # "once" warnings show again
    figure_fonts = sys.modules.get("analysis.figure_fonts")
    if figure_fonts is not None:  # its warning about characters no font draws, too
        figure_fonts.forget_warned()


def reuse_code(modules: Sequence[str]) -> str:
    """Code that restores a used kernel's fresh state (:func:`restore_fresh_state`) and then
    imports ``modules`` (:func:`warmup_code`); it too leaves no name behind."""
    return (
        "def _analysis_restore():\n"
        "    from analysis.pipeline.kernels import restore_fresh_state\n"
        "    restore_fresh_state()\n"
        "_analysis_restore()\n"  # the reset has removed the name already
        "globals().pop('_analysis_restore', None)\n" + warmup_code(modules)
    )


def preload_lexicons(parameters: Mapping[str, Any]) -> None:
    """Inside a kernel waiting for its notebook's turn: load what the notebook's first cells
    would load from the run's parameters, so that it finds it in the package's caches.

    The lexicons the parameters name (the corpus's ``analysis.toml``, then the ``codebook``,
    ``actors``, ... parameters: :func:`analysis.settings.run_lexicons`) are loaded and checked
    (:func:`analysis.settings.check_lexicons`; checking a codebook compiles every indicator's
    pattern), and, for a notebook given a codebook, the patterns that trace which indicator
    fired (:func:`analysis.framing.frames.frame_hits`) are compiled: about 0.4 s of notebook
    03's first cells, done while notebook 01 runs. A parameter the package cannot read is left
    for the notebook to report where the reader expects it.
    """
    from analysis.settings import check_lexicons, run_lexicons

    if not parameters.get("corpus_dir"):
        return
    lexicons = run_lexicons(str(parameters["corpus_dir"]), parameters)
    check_lexicons(lexicons)
    if "codebook" in parameters:
        from analysis.framing.codebook import load_codebook
        from analysis.framing.frames import frame_hits

        frame_hits([""], load_codebook(lexicons.codebook))


def preload_code(parameters: Mapping[str, Any]) -> str:
    """Code that runs :func:`preload_lexicons` on ``parameters`` (JSON values, as papermill
    passes them) in a kernel, leaving no name behind and ignoring its errors."""
    return (
        "def _analysis_preload(text):\n"
        "    import json\n"
        "    from analysis.pipeline.kernels import preload_lexicons\n"
        "    try:\n"
        "        preload_lexicons(json.loads(text))\n"
        "    except Exception:\n"
        "        pass\n"
        f"_analysis_preload({json.dumps(dict(parameters))!r})\n"
        "del _analysis_preload\n"
    )


_REMEMBER_CODE = (
    "def _analysis_remember():\n"
    "    from analysis.pipeline.kernels import remember_fresh_state\n"
    "    remember_fresh_state()\n"
    "_analysis_remember()\n"
    "del _analysis_remember\n"
)


def connection_file_path() -> str:
    """Where a kernel's connection file goes: in the run's own kernel folder
    (:func:`analysis.pipeline.execute.kernel_environment` names it in ``TMPDIR``), or ``""``
    (jupyter_client's default) outside one. jupyter_client writes it with ``mkstemp`` in the
    process's temporary folder and sets the sticky bit on that folder: a tester's own
    ``TMPDIR`` changed mode, and runs killed with SIGKILL left connection files in it."""
    folder = Path(os.environ.get("TMPDIR", ""))
    if not folder.name or not folder.parent.name.startswith(KERNEL_PREFIX):
        return ""
    return str(folder / f"kernel-{os.getpid()}-{next(_CONNECTIONS)}.json")


_CONNECTIONS = itertools.count(1)


@functools.cache
def _manager_class() -> type:
    """An ``AsyncKernelManager`` that remembers the clients opened on it, so they can be closed.

    nbclient does not close the client it opens on a kernel it was given (``km=``); its
    channels (one of them a heartbeat thread) would otherwise outlive the kernel.
    """
    from analysis.pipeline.notebooks import skip_optional_slow_imports

    skip_optional_slow_imports()
    from jupyter_client.manager import AsyncKernelManager

    class SharedKernelManager(AsyncKernelManager):  # type: ignore[misc]
        def client(self, **kwargs: Any) -> Any:
            client = super().client(**kwargs)
            self.__dict__.setdefault("opened_clients", []).append(client)
            return client

    return SharedKernelManager


class WarmKernel:
    """A kernel started, with its notebook's modules imported, before the notebook's turn.

    Starting a kernel and importing pandas, matplotlib and the package takes seconds; doing it
    while earlier notebooks run takes it off the critical path. Whoever starts one must call
    :meth:`shutdown` (the runner does, in a ``finally``), since nbclient leaves a kernel it was
    given running.
    """

    def __init__(self, manager: Any) -> None:
        self.manager = manager
        self._lock = threading.Lock()
        self._closed = False

    async def _start(
        self,
        cwd: Path,
        modules: Sequence[str],
        timeout: float,
        cancel: threading.Event | None,
        background: Background | None = None,
    ) -> None:
        await self.manager.start_kernel(
            cwd=str(cwd), extra_arguments=["--HistoryManager.hist_file=:memory:"]
        )
        if background is not None:
            background.lower(self)
        code = (warmup_code(modules) if modules else "") + _REMEMBER_CODE
        await self._run_silently(code, timeout, cancel)

    async def _run_silently(
        self, code: str, timeout: float, cancel: threading.Event | None
    ) -> dict[str, Any] | None:
        """Run ``code`` in the kernel and wait for its reply (None when ``cancel`` was set).

        Silent and not stored: no output, and the execution count stays where it was.
        """
        from queue import Empty

        client = self.manager.client()
        client.start_channels()
        try:
            await wait_until_ready(client, timeout)  # no 0.2 s IOPub flush
            msg_id = client.execute(code, silent=True, store_history=False)
            deadline = time.monotonic() + timeout
            while cancel is None or not cancel.is_set():
                try:
                    reply = await client.get_shell_msg(timeout=0.25)
                except Empty:
                    if time.monotonic() > deadline:
                        raise TimeoutError(f"kernel warm-up took over {timeout:.0f} s") from None
                    continue
                if reply.get("parent_header", {}).get("msg_id") == msg_id:
                    return dict(reply.get("content", {}))
            return None
        finally:
            client.stop_channels()
            with contextlib.suppress(ValueError):
                self.manager.__dict__.get("opened_clients", []).remove(client)

    def prepare(
        self,
        notebook: Path,
        cancel: threading.Event | None = None,
        timeout: float = WARMUP_TIMEOUT_S,
    ) -> None:
        """Make this kernel, whose notebook has finished, ready for ``notebook``: restore its
        fresh state and import what ``notebook`` imports (:func:`reuse_code`). Raises
        ``RuntimeError`` when the kernel is dead or the restore failed."""
        from jupyter_core.utils import run_sync

        if self._closed or not run_sync(self.manager.is_alive)():
            raise RuntimeError("the kernel is no longer running")
        code = reuse_code(notebook_imports(notebook))
        reply = run_sync(self._run_silently)(code, timeout, cancel)
        if reply is not None and reply.get("status") != "ok":
            raise RuntimeError(f"restoring the kernel failed: {reply.get('evalue', '')}")

    def preload(
        self,
        parameters: Mapping[str, Any],
        cancel: threading.Event | None = None,
        timeout: float = WARMUP_TIMEOUT_S,
    ) -> None:
        """Load, in this warm kernel, what its notebook's first cells will load from
        ``parameters`` (:func:`preload_code`); returns early when ``cancel`` is set."""
        from jupyter_core.utils import run_sync

        run_sync(self._run_silently)(preload_code(parameters), timeout, cancel)

    def set_background(self, background: bool) -> None:
        """Lower the kernel's CPU priority (nice :data:`BACKGROUND_NICE`), or restore it.

        Both the kernel's autogroup nice, which ranks it against the run's other processes
        where the scheduler groups them by session, and its own nice value, where that can be
        undone (:mod:`analysis.pipeline.priority`); a priority that cannot be set stays as it
        is.
        """
        process = getattr(getattr(self.manager, "provisioner", None), "process", None)
        pid = getattr(process, "pid", None)
        if pid is not None:
            set_background_priority(pid, background, BACKGROUND_NICE)

    def kill(self) -> None:
        """Stop the kernel process at once (safe from any thread); its notebook then fails."""
        process = getattr(getattr(self.manager, "provisioner", None), "process", None)
        if process is not None:
            with contextlib.suppress(OSError):
                process.kill()

    def shutdown(self) -> None:
        """Close every client opened on the kernel and stop it (only the first call acts).

        The kernel is stopped at once (``now``), not asked to shut down: by now its notebooks
        have finished and written everything (or failed, and their partial output is saved by
        papermill), and a polite shutdown waits 1-2 s for the interpreter to tear down pandas,
        matplotlib and the rest, at the end of every run. It is killed first here
        (:func:`kill_and_wait`), so that jupyter_client, which after its own kill polls the
        process every 0.1 s, finds it gone at once.
        """
        from jupyter_core.utils import run_sync

        with self._lock:
            if self._closed:
                return
            self._closed = True
        for client in self.manager.__dict__.get("opened_clients", []):
            with contextlib.suppress(Exception):
                client.stop_channels()
        process = getattr(getattr(self.manager, "provisioner", None), "process", None)
        if process is not None:
            kill_and_wait(process)
        with contextlib.suppress(Exception):
            run_sync(self.manager.shutdown_kernel)(now=True)


def kill_and_wait(process: Any, wait: float = 2.0) -> bool:
    """Kill a kernel's process group (the kernel leads a session of its own) and wait up to
    ``wait`` seconds until the process has exited, without reaping it: its ``Popen`` still
    owns the exit status, and jupyter_client's shutdown, signalling and then reaping it, acts
    on an exited process, never on a process id the system has given to another. True when the
    process has exited; where ``os.waitid`` is missing (Windows) nothing is done."""
    if process.poll() is not None:
        return True
    if not hasattr(os, "waitid"):
        return False
    pid = process.pid
    with contextlib.suppress(OSError):
        if os.getpgid(pid) == pid:
            os.killpg(pid, signal.SIGKILL)
        else:
            os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + wait
    while True:
        try:
            exited = os.waitid(os.P_PID, pid, os.WEXITED | os.WNOHANG | os.WNOWAIT)
        except ChildProcessError:  # reaped already
            return True
        if exited is not None:
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(0.002)


def start_kernel(
    notebook: Path,
    cwd: Path,
    cancel: threading.Event | None = None,
    timeout: float = WARMUP_TIMEOUT_S,
    background: Background | bool | None = None,
) -> WarmKernel:
    """Start a ``python3`` kernel in ``cwd`` and import what ``notebook`` imports.

    Call inside :func:`~analysis.pipeline.execute.kernel_environment` (the kernelspec and
    environment come from there), in the thread that will execute the notebook: the kernel's
    manager keeps to that thread's event loop. Returns early, with the kernel running, when
    ``cancel`` is set. With ``background`` (a :class:`Background`, or True for one that only
    :meth:`WarmKernel.set_background` ends), the kernel starts and imports at a lower CPU
    priority, so that a kernel needed sooner gets the cores first; end it before the notebook
    runs. Tests replace this.
    """
    from jupyter_core.utils import run_sync

    lowering = Background() if background is True else background or None
    kernel = WarmKernel(
        _manager_class()(kernel_name=KERNEL_NAME, connection_file=connection_file_path())
    )
    try:
        run_sync(kernel._start)(cwd, notebook_imports(notebook), timeout, cancel, lowering)
    except BaseException:
        kernel.shutdown()
        raise
    return kernel


def reuse_kernel(
    kernel: WarmKernel, notebook: Path, cancel: threading.Event | None = None
) -> WarmKernel:
    """The kernel ``kernel``, whose notebook finished, made ready for ``notebook``
    (:meth:`WarmKernel.prepare`). Call in the thread that will execute ``notebook``. Raises when
    the kernel cannot be reused (the caller then shuts it down). Tests replace this."""
    kernel.prepare(notebook, cancel)
    return kernel
