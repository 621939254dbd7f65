"""Warm kernels: what a notebook imports, the warm-up code, real kernels started ahead."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import nbformat
import pytest
from pipeline_fakes import PARAMS_01, write_corpus, write_notebook

from analysis.pipeline import kernels
from analysis.pipeline.execute import kernel_environment
from analysis.pipeline.kernels import notebook_imports, warmup_code
from analysis.pipeline.run import run_pipeline


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return write_corpus(tmp_path / "corpus")


def test_notebook_imports_lists_modules_in_order_without_magics_or_relative_imports(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("import not_code"),
        nbformat.v4.new_code_cell("%matplotlib inline\nimport json, xml.dom\nx = 1"),
        nbformat.v4.new_code_cell("from email import message\nfrom . import sibling\nimport json"),
        nbformat.v4.new_code_cell("def f(:\n    import broken"),
        nbformat.v4.new_code_cell("if True:\n    import nested_is_not_top_level"),
    ]
    path = tmp_path / "n.ipynb"
    nbformat.write(nb, path)
    assert notebook_imports(path) == ["json", "xml.dom", "email", "email.message"]


def test_notebook_imports_lists_what_a_used_package_function_imports_when_called(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("from analysis import load_corpus\nimport json")]
    path = tmp_path / "n.ipynb"
    nbformat.write(nb, path)
    called = ("analysis.corpus.language", "analysis.corpus.quality")
    assert kernels.CALLED_IMPORTS["analysis.load_corpus"] == called
    assert notebook_imports(path) == ["analysis", "analysis.load_corpus", "json", *called]


def test_warmup_code_imports_modules_skips_the_rest_and_leaves_no_names():
    code = warmup_code(["json", "pathlib.Path", "no_such_module_here", "email.message"])
    namespace: dict[str, Any] = {}
    exec(code, namespace)
    assert set(namespace) == {"__builtins__"}
    assert "email.message" in sys.modules and "json" in sys.modules
    assert "no_such_module_here" not in sys.modules


@pytest.mark.slow
def test_real_warm_kernel_has_the_notebooks_modules_before_its_first_cell(tmp_path, corpus):
    from jupyter_core.utils import run_sync

    folder = tmp_path / "real"
    folder.mkdir()
    write_notebook(
        folder / "01_ok.ipynb",
        PARAMS_01,
        "import sys\nfrom pathlib import Path\n"
        "Path(figures_dir, 'warm.txt').write_text(str('xml.dom.minidom' in sys.modules))",
    )
    nb = nbformat.read(folder / "01_ok.ipynb", as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell("import xml.dom.minidom"))
    nbformat.write(nb, folder / "01_ok.ipynb")
    started = []
    real_start = kernels.start_kernel

    def start(notebook, cwd, cancel=None, **kwargs):
        started.append(real_start(notebook, cwd, cancel, **kwargs))
        return started[-1]

    out = tmp_path / "out"
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(kernels, "start_kernel", start)
        run_pipeline({"corpus_dir": str(corpus)}, out, folder, progress=False, log=print)
    assert (out / "figures" / "warm.txt").read_text() == "True"
    executed = json.loads((out / "reports" / "notebooks" / "01_ok.ipynb").read_text())
    counts = [c["execution_count"] for c in executed["cells"] if c["cell_type"] == "code"]
    assert counts == list(range(1, len(counts) + 1))  # the warm-up left no count behind
    assert len(started) == 1
    assert not run_sync(started[0].manager.is_alive)()


@pytest.mark.slow
def test_real_warm_kernel_can_be_killed_and_then_shut_down(tmp_path):
    from jupyter_core.utils import run_sync

    path = write_notebook(tmp_path / "n.ipynb", "x = 1\n", "import json")
    with kernel_environment():
        kernel = kernels.start_kernel(path, tmp_path)
        assert run_sync(kernel.manager.is_alive)()
        kernel.kill()
        kernel.shutdown()
        kernel.shutdown()  # a second call does nothing
        assert not run_sync(kernel.manager.is_alive)()


def test_the_warm_up_imports_the_package_modules_a_notebook_names(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell(
            "from analysis import pipeline, config\n"
            "from analysis.pipeline.params import notebook_defaults\n"
        )
    ]
    path = tmp_path / "n.ipynb"
    nbformat.write(nb, path)
    modules = notebook_imports(path)
    assert modules == [
        "analysis",
        "analysis.pipeline",  # a subpackage
        "analysis.config",  # a module
        "analysis.pipeline.params",
        "analysis.pipeline.params.notebook_defaults",  # a function, skipped by the warm-up
    ]
    check = (
        warmup_code(modules) + f"import sys\nprint([m for m in {modules!r} if m in sys.modules])"
    )
    done = subprocess.run(
        [sys.executable, "-c", check], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip() == repr(modules[:-1])


@pytest.mark.slow
def test_a_reused_kernel_starts_the_next_notebook_in_a_fresh_state(tmp_path):
    from analysis.pipeline.execute import execute_notebook

    first = write_notebook(
        tmp_path / "01.ipynb",
        "x = 1\n",
        "import warnings, matplotlib, pandas as pd\n"
        "leftover = 42\n"
        "matplotlib.rcParams['font.size'] = 3\n"
        "pd.set_option('display.max_colwidth', 7)\n"
        "warnings.simplefilter('ignore')\n"
        "from analysis import figure_fonts; figure_fonts._WARNED.add('조')\n"
        "import os; os.chdir('/')",
    )
    second = write_notebook(
        tmp_path / "02.ipynb",
        'CWD = ""\n',
        "import os, warnings, matplotlib, pandas as pd\n"
        "print('leftover' in globals(), 'x' in globals(), matplotlib.rcParams['font.size'],\n"
        "      pd.get_option('display.max_colwidth'), warnings.filters[:1] ==\n"
        "      [('ignore', None, Warning, None, 0)], os.getcwd() == CWD)\n"
        "from analysis import figure_fonts; print(sorted(figure_fonts._WARNED))",
    )
    with kernel_environment():
        kernel = kernels.start_kernel(first, tmp_path)
        try:
            execute_notebook(first, tmp_path / "o1.ipynb", {}, tmp_path, 60, False, kernel=kernel)
            assert kernels.reuse_kernel(kernel, second) is kernel
            params = {"CWD": str(tmp_path)}
            execute_notebook(second, tmp_path / "o2.ipynb", params, tmp_path, 60, False, kernel)
        finally:
            kernel.shutdown()
    executed = json.loads((tmp_path / "o2.ipynb").read_text())
    code = [c for c in executed["cells"] if c["cell_type"] == "code"]
    assert [c["execution_count"] for c in code] == list(range(1, len(code) + 1))
    # the figures' warning about characters no font draws is given again, too
    assert "".join(code[-1]["outputs"][0]["text"]) == "False False 10.0 50 False True\n[]\n"


@pytest.mark.slow
def test_a_dead_kernel_is_not_reused(tmp_path):
    path = write_notebook(tmp_path / "n.ipynb", "x = 1\n", "import json")
    with kernel_environment():
        kernel = kernels.start_kernel(path, tmp_path)
        kernel.kill()
        with pytest.raises(RuntimeError):  # "no longer running" or "Kernel died …"
            kernels.reuse_kernel(kernel, path)
        kernel.shutdown()


def test_the_warm_up_imports_nltk_without_its_unused_extras_which_stay_importable():
    check = (
        warmup_code(["analysis", "analysis.config"])
        + "import sys\n"
        + "print('nltk' in sys.modules, [m in sys.modules for m in "
        + f"{list(kernels.NLTK_SKIPPED_EXTRAS)!r}])\n"
        + "import sklearn, scipy.stats\n"
        + "print(scipy.stats.norm.cdf(0))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", check], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.splitlines() == ["True [False, False]", "0.5"]
    plain = warmup_code(["json"]) + "import sys\nprint('nltk' in sys.modules)\n"
    done = subprocess.run(
        [sys.executable, "-c", plain], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip() == "False"  # a notebook that does not use the package


def test_the_warm_up_imports_seaborn_for_the_package_without_scipy():
    check = (
        warmup_code(["analysis", "analysis.framing", "analysis.framing.plot_frame_heatmap"])
        + "import sys\n"
        + "print('seaborn' in sys.modules, 'scipy' in sys.modules)\n"
        + "from seaborn import matrix\n"
        + "print(matrix._no_scipy, matrix.hierarchy.linkage.__module__)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", check], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.splitlines() == ["True False", "False scipy.cluster.hierarchy"]


@pytest.mark.slow
def test_a_kernel_warmed_in_the_background_gets_its_priority_back(tmp_path):
    import os

    from analysis.pipeline import priority

    path = write_notebook(tmp_path / "n.ipynb", "x = 1\n", "import json")
    with kernel_environment():
        kernel = kernels.start_kernel(path, tmp_path, background=True)
        try:
            pid = kernel.manager.provisioner.process.pid
            # Only a kernel in an autogroup other than this process's is ranked by it. Where
            # this process shows none (it sits in the root group, as in some containers and CI
            # runners), a kernel in a session of its own may still show one: it is left alone.
            own, group = priority.autogroup_of("self"), priority.autogroup_of(pid)
            if own is None:
                group = None
            if group is not None:  # a session of its own: its autogroup ranks it
                assert group[0] != own[0]
                assert group[1] == kernels.BACKGROUND_NICE
            if priority.can_restore_priority():
                assert os.getpriority(os.PRIO_PROCESS, pid) == kernels.BACKGROUND_NICE
            if group is None and not priority.can_restore_priority():
                pytest.skip("no autogroups here, and this user may not raise a nice value back")
            kernel.set_background(False)
            if group is not None:
                assert priority.autogroup_of(pid)[1] == 0
            if priority.can_restore_priority():
                assert os.getpriority(os.PRIO_PROCESS, pid) == os.nice(0)
        finally:
            kernel.shutdown()


def test_preloading_fills_the_lexicon_and_frame_pattern_caches_and_leaves_no_names():
    from analysis.config import default_corpus_dir
    from analysis.framing import codebook, frames

    codebook._load_cached.cache_clear()
    frames._hit_regex.cache_clear()
    namespace: dict[str, Any] = {}
    exec(kernels.preload_code({"corpus_dir": str(default_corpus_dir()), "codebook": ""}), namespace)
    assert set(namespace) == {"__builtins__"}
    assert codebook._load_cached.cache_info().currsize == 1
    assert frames._hit_regex.cache_info().currsize > 0  # one per frame of the corpus's codebook
    # a parameter the package cannot read is left for the notebook to report
    exec(kernels.preload_code({"corpus_dir": "/no/such/corpus", "codebook": "nope.toml"}), {})
    kernels.preload_lexicons({})  # no corpus: nothing to load


@pytest.mark.slow
def test_neither_warm_up_nor_execution_waits_with_jupyter_client_s_wait_for_ready(tmp_path, corpus):
    # wait_for_ready empties IOPub until 0.2 s pass without a message: at least 0.2 s for
    # every warm-up, reuse and notebook; the run waits with kernel_ready.wait_until_ready
    from jupyter_client.asynchronous.client import AsyncKernelClient

    folder = tmp_path / "nbs"
    folder.mkdir()
    write_notebook(folder / "01_a.ipynb", PARAMS_01, "print('first')")
    write_notebook(folder / "02_b.ipynb", PARAMS_01, "print('second')")

    async def refused(self, timeout=None):
        raise AssertionError("jupyter_client's wait_for_ready was called")

    started, reused = [], []
    real_start, real_reuse = kernels.start_kernel, kernels.reuse_kernel

    def start(notebook, cwd, cancel=None, **kwargs):
        started.append(real_start(notebook, cwd, cancel, **kwargs))  # raises if it waited so
        return started[-1]

    def reuse(kernel, notebook, cancel=None):
        reused.append(real_reuse(kernel, notebook, cancel))
        return reused[-1]

    out = tmp_path / "out"
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(AsyncKernelClient, "wait_for_ready", refused)
        mp.setattr(kernels, "start_kernel", start)
        mp.setattr(kernels, "reuse_kernel", reuse)
        run_pipeline({"corpus_dir": str(corpus)}, out, folder, progress=False, log=print)
    assert len(started) == 1 and reused == started  # warmed, then reused for 02
    for name, text in (("01_a.ipynb", "first"), ("02_b.ipynb", "second")):
        executed = json.loads((out / "reports" / "notebooks" / name).read_text())
        outputs = [o.get("text", "") for c in executed["cells"] for o in c.get("outputs", [])]
        assert any(text in "".join(o) for o in outputs)  # outputs arrived on IOPub


def _sleeper(new_session: bool = True) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", "import time; time.sleep(60)"], start_new_session=new_session
    )


@pytest.mark.skipif(not hasattr(__import__("os"), "waitid"), reason="no os.waitid here")
def test_kill_and_wait_leaves_the_exited_process_to_its_popen() -> None:
    import signal

    child = _sleeper()
    assert kernels.kill_and_wait(child)
    # exited but not reaped: Popen still gets its status, and its pid was not released to
    # another process while jupyter_client could still signal it
    assert child.returncode is None
    assert child.wait(timeout=5) == -signal.SIGKILL
    assert kernels.kill_and_wait(child)  # already gone: nothing to do


@pytest.mark.skipif(not hasattr(__import__("os"), "waitid"), reason="no os.waitid here")
def test_kill_and_wait_kills_the_kernel_s_whole_process_group() -> None:
    # a kernel's own child (a worker it started) goes with it, as with jupyter_client's kill
    code = (
        "import subprocess, sys, time\n"
        "child = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)'])\n"
        "print(child.pid, flush=True)\n"
        "time.sleep(60)\n"
    )
    leader = subprocess.Popen(
        [sys.executable, "-c", code], start_new_session=True, stdout=subprocess.PIPE, text=True
    )
    grandchild = int(leader.stdout.readline())
    assert kernels.kill_and_wait(leader)
    leader.wait(timeout=5)
    leader.stdout.close()
    import os
    import time

    for _ in range(500):  # the grandchild, reparented, is reaped by init
        try:
            os.kill(grandchild, 0)
        except ProcessLookupError:
            break
        state = Path(f"/proc/{grandchild}/stat")
        if state.exists() and state.read_text().split(")")[-1].split()[0] == "Z":
            break
        time.sleep(0.01)
    else:
        pytest.fail("the kernel's child survived")
