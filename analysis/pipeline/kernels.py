"""Warm kernels: started, with a notebook's modules imported, before the notebook's turn.

Starting a kernel and importing pandas, matplotlib and the package takes seconds; the scheduler
(:mod:`analysis.pipeline.schedule`) does it for every notebook while the notebooks before it
run, so that it is off the critical path. :func:`notebook_imports` lists what a notebook
imports, :func:`warmup_code` imports it in the kernel without leaving a trace, and
:func:`start_kernel` starts the kernel and runs that code.
"""

from __future__ import annotations

import ast
import contextlib
import functools
import json
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from analysis.pipeline.execute import KERNEL_NAME

WARMUP_TIMEOUT_S = 120


def notebook_imports(nb_path: Path) -> list[str]:
    """The modules a notebook's code cells import at top level, in order of first appearance.

    For ``from package import name`` both ``package`` and ``package.name`` are listed, since the
    name may be a submodule (the warm-up skips names that are not). Lines holding IPython magics
    or shell escapes are skipped; a cell that still does not parse is ignored (the notebook
    itself will report it).
    """
    with open(nb_path, encoding="utf-8") as handle:
        nb = json.load(handle)
    modules: list[str] = []
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
        for node in tree.body:
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                # ``from analysis import report`` may import a subpackage or a module: list
                # ``analysis.report`` too (the warm-up skips it when it is a plain name)
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            else:
                continue
            modules += [name for name in names if name not in modules]
    return modules


def warmup_code(modules: Sequence[str]) -> str:
    """Code that imports ``modules`` and leaves no name behind in the kernel's namespace.

    A dotted name whose last part is already an attribute of its (imported) parent, such as
    ``pathlib.Path``, is not a module and is skipped; so is a module that fails to import: the
    notebook's own import cell then raises the error where the reader expects it.
    """
    return (
        "def _analysis_warmup(names):\n"
        "    import importlib, sys\n"
        "    for name in names:\n"
        "        parent, _, attr = name.rpartition('.')\n"
        "        if parent in sys.modules and attr in vars(sys.modules[parent]):\n"
        "            continue\n"
        "        try:\n"
        "            importlib.import_module(name)\n"
        "        except Exception:\n"
        "            pass\n"
        f"_analysis_warmup({list(modules)!r})\n"
        "del _analysis_warmup\n"
    )


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
        self, cwd: Path, modules: Sequence[str], timeout: float, cancel: threading.Event | None
    ) -> None:
        from queue import Empty

        await self.manager.start_kernel(
            cwd=str(cwd), extra_arguments=["--HistoryManager.hist_file=:memory:"]
        )
        client = self.manager.client()
        client.start_channels()
        try:
            await client.wait_for_ready(timeout=timeout)
            if not modules:
                return
            # silent, not stored: no output and the execution count stays at its start
            msg_id = client.execute(warmup_code(modules), silent=True, store_history=False)
            deadline = time.monotonic() + timeout
            while cancel is None or not cancel.is_set():
                try:
                    reply = await client.get_shell_msg(timeout=0.25)
                except Empty:
                    if time.monotonic() > deadline:
                        raise TimeoutError(f"kernel warm-up took over {timeout:.0f} s") from None
                    continue
                if reply.get("parent_header", {}).get("msg_id") == msg_id:
                    return
        finally:
            client.stop_channels()

    def kill(self) -> None:
        """Stop the kernel process at once (safe from any thread); its notebook then fails."""
        process = getattr(getattr(self.manager, "provisioner", None), "process", None)
        if process is not None:
            with contextlib.suppress(OSError):
                process.kill()

    def shutdown(self) -> None:
        """Close every client opened on the kernel and stop it (only the first call acts)."""
        from jupyter_core.utils import run_sync

        with self._lock:
            if self._closed:
                return
            self._closed = True
        for client in self.manager.__dict__.get("opened_clients", []):
            with contextlib.suppress(Exception):
                client.stop_channels()
        with contextlib.suppress(Exception):
            run_sync(self.manager.shutdown_kernel)(now=False)


def start_kernel(
    notebook: Path,
    cwd: Path,
    cancel: threading.Event | None = None,
    timeout: float = WARMUP_TIMEOUT_S,
) -> WarmKernel:
    """Start a ``python3`` kernel in ``cwd`` and import what ``notebook`` imports.

    Call inside :func:`~analysis.pipeline.execute.kernel_environment` (the kernelspec and
    environment come from there), in the thread that will execute the notebook: the kernel's
    manager keeps to that thread's event loop. Returns early, with the kernel running, when
    ``cancel`` is set. Tests replace this.
    """
    from jupyter_core.utils import run_sync

    kernel = WarmKernel(_manager_class()(kernel_name=KERNEL_NAME))
    try:
        run_sync(kernel._start)(cwd, notebook_imports(notebook), timeout, cancel)
    except BaseException:
        kernel.shutdown()
        raise
    return kernel
