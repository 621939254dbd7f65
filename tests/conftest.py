"""Shared fixtures: small corpora written for the tests (never the seeds' text)."""

from __future__ import annotations

import gc
import signal
from collections.abc import Callable, Iterator
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import settings

# No test fails on time (the standards: speed is measured by `bench`, never asserted): a
# property test's example that took 258 ms against Hypothesis's default 200 ms deadline failed
# on a loaded machine and passed when rerun.
settings.register_profile("no_deadline", deadline=None)
settings.load_profile("no_deadline")

# A test run started in the background (a CI job, `cmd &` in a script) inherits Ctrl-C ignored,
# and Python then leaves SIGINT ignored: the tests of Ctrl-C handling raise SIGINT as a user's
# Ctrl-C does and need Python's own handler (a clean clone's suite, run from a script, failed
# `test_ctrl_c_says_truthfully_whether_the_outputs_are_complete` so). Tests of an ignored
# signal (a run under nohup) set SIG_IGN themselves.
if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)

REPO_ROOT = Path(__file__).resolve().parents[1]
# The bundled story's own lexicons (the package defaults are generic). Tests of those lexicons'
# content use them on sentences written for the tests.
STORY_LEXICONS = REPO_ROOT / "seeds" / "lexicons"

ARTICLE_A = (
    "Harbour Talks Ease Grain Dispute\n"
    "Negotiators from Ruritania and Freedonia agreed on Tuesday to pause new grain tariffs.\n"
    "“This is a good day for farmers,” said Trade Minister Anna Berg.\n"
    "Analysts warned that the pause could collapse if prices fall again.\n"
)
ARTICLE_B = (
    "Freedonia Hails Breakthrough\n"
    "Officials in Freedonia praised the agreement as a win for both sides.\n"
    "Critics said the deal leaves the main dispute unresolved.\n"
)
ARTICLE_C = (
    "Grain Pause Draws Scepticism\n"
    "Mr. Lund of Acme Corp. said the pause was welcome but fragile.\n"
    "Exporters may still face delays at the border.\n"
)
# A saved page that names its site: its outlet is known only once the page is read.
PAGE_NAMING_ITS_SITE = (
    '<!DOCTYPE html><html><head><meta property="og:site_name" content="Harbour Times">'
    "</head><body><article><p>The council approved the budget on Monday after a long debate."
    "</p></article></body></html>"
)


@pytest.fixture(autouse=True)
def _objects_handed_back_to_the_collector() -> Iterator[None]:
    """A test that sets the work up as a benchmark's fresh interpreter does
    (``warm_up(freeze=True)``) freezes this process's objects; after the test the collector
    gets them back, so no test leaves the next with objects it never collects."""
    yield
    gc.unfreeze()


@pytest.fixture
def make_corpus(tmp_path: Path) -> Callable[..., Path]:
    """Write a small corpus folder; keyword arguments override files and manifest rows."""

    def _make(
        files: dict[str, bytes | str] | None = None,
        manifest: list[dict[str, str]] | None = None,
        with_manifest: bool = True,
    ) -> Path:
        folder = tmp_path / "corpus"
        folder.mkdir(exist_ok=True)
        files = (
            files
            if files is not None
            else {
                "a.txt": ARTICLE_A,
                "b.txt": ARTICLE_B,
                "c.txt": ARTICLE_C,
            }
        )
        for name, content in files.items():
            data = content.encode("utf-8") if isinstance(content, str) else content
            (folder / name).write_bytes(data)
        if with_manifest:
            if manifest is None:
                manifest = [
                    {
                        "doc_id": "a1",
                        "file": "a.txt",
                        "outlet": "Daily Ledger",
                        "title": "Harbour Talks Ease Grain Dispute",
                        "origin": "Ruritania",
                    },
                    {
                        "doc_id": "b1",
                        "file": "b.txt",
                        "outlet": "Freedonia Post",
                        "title": "Freedonia Hails Breakthrough",
                        "origin": "Freedonia",
                    },
                    {
                        "doc_id": "c1",
                        "file": "c.txt",
                        "outlet": "Daily Ledger",
                        "title": "Grain Pause Draws Scepticism",
                        "origin": "Ruritania",
                    },
                ]
            pd.DataFrame(manifest).to_csv(folder / "manifest.csv", index=False)
        return folder

    return _make


# Pipeline tests: a folder of tiny notebooks, a corpus, and fake kernels (no real kernel starts).
# A module opts in to the fake kernels with ``pytestmark = pytest.mark.usefixtures("kernels")``.
@pytest.fixture
def kernels(monkeypatch):
    """No real kernel starts: every warm-up gets a FakeKernel."""
    from pipeline_fakes import FakeKernels, use_fake_kernels

    return use_fake_kernels(monkeypatch, FakeKernels())


@pytest.fixture
def notebooks(tmp_path: Path) -> Path:
    """A folder of tiny parameterised notebooks (see tests/pipeline_fakes.py)."""
    from pipeline_fakes import write_pipeline

    return write_pipeline(tmp_path / "nbs")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A small corpus folder for pipeline runs."""
    from pipeline_fakes import write_corpus

    return write_corpus(tmp_path / "corpus")
