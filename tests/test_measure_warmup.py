"""``warm_up``: the work run once on a made-up sample, so that forked workers start with what
it builds; it changes no result, and ``process`` calls it before the corpus is read."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from analysis.cli import main
from analysis.corpus.files import RAW_DOC_COLUMNS
from analysis.measure import warmup
from analysis.measure.chunk import process_chunk

ROOT = Path(__file__).resolve().parents[1]


def test_the_sample_is_raw_documents_with_a_page_and_an_unknown_language() -> None:
    sample = warmup.warm_up_documents()
    assert list(sample.columns) == RAW_DOC_COLUMNS
    assert sample["raw_format"].tolist() == ["", "html"]
    assert "" in sample["language"].tolist()
    result = process_chunk(sample, measures=False)
    assert result.documents["n_sentences"].gt(0).all()  # both yield text once cleaned
    assert {"removed", "moved_to_metadata"} <= set(result.audit["action"])


@pytest.mark.parametrize("quality", [True, False])
def test_warm_up_runs_the_function_on_the_sample(quality: bool) -> None:
    seen: list[pd.DataFrame] = []

    def fn(chunk: pd.DataFrame) -> Any:
        seen.append(chunk)
        return process_chunk(chunk, measures=False)

    seconds = warmup.warm_up(fn, quality=quality)
    assert len(seen) == 1 and seen[0]["doc_id"].tolist() == ["warm-up-1", "warm-up-2"]
    assert seconds > 0


# In a fresh interpreter, so that nothing another test ran has filled the caches already.
_FRESH = """
import hashlib, json, pickle, sys
from analysis.bench.throughput import bench_chunk_function
from analysis.corpus.documents import read_raw_documents
from analysis.corpus.language import language_identifier
from analysis.corpus.line_rules import _screens
from analysis.corpus.sentences import _bmp_classes, _count_word_re2
from analysis.measure.document_quality import checked_chunk
from analysis.measure.warmup import warm_up
from analysis.sentiment.actors import actor_body
from analysis.sentiment.scoring import _lower_case_terms_regex, news_terms_body, news_terms_regex

fn = bench_chunk_function()
built = (actor_body, _screens, news_terms_body, news_terms_regex, _lower_case_terms_regex,
         _bmp_classes, _count_word_re2, language_identifier)
caches = lambda: [f.cache_info().currsize for f in built]
before = caches()
if sys.argv[1] == "warm":
    warm_up(fn)
after = caches()
result = checked_chunk(read_raw_documents(sys.argv[2]), fn=fn)
checks = result.pop("document_checks")
frames = {n: t if hasattr(t, "to_csv") else t.to_pandas() for n, t in result.items()}
tables = {name: frame.to_csv(index=False) for name, frame in frames.items()}
digest = hashlib.sha256(pickle.dumps((tables, checks.signatures.tolist()))).hexdigest()
print(json.dumps({"before": before, "after": after, "digest": digest}))
"""


def _fresh(mode: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-c", _FRESH, mode, str(ROOT / "seeds")],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.slow
def test_warm_up_fills_the_caches_and_changes_no_result() -> None:
    warm, cold = _fresh("warm"), _fresh("cold")
    assert warm["before"] == cold["before"] == cold["after"] == [0] * 8
    # actor patterns, line screens, news terms (found, and masked: though the sample holds none
    # of them), the word counts' tables for curly quotes and for emoji, the language identifier
    assert all(n > 0 for n in warm["after"]), warm["after"]
    assert warm["digest"] == cold["digest"]


def test_process_warms_up_before_reading_with_the_local_engine(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    events: list[str] = []

    def warm_up(fn: Any, quality: bool, jobs: int | None, freeze: bool) -> None:
        events.append(f"warm {quality} {jobs} {freeze}")

    monkeypatch.setattr(warmup, "warm_up", warm_up)
    from analysis.corpus import files

    read_chunks = files.read_chunks

    def reading(*args: Any, **kwargs: Any) -> Any:
        events.append("read")
        return read_chunks(*args, **kwargs)

    monkeypatch.setattr(files, "read_chunks", reading)
    corpus = tmp_path / "c.csv"
    pd.DataFrame({"text": ["Prices rose on Monday."], "outlet": ["Herald"]}).to_csv(corpus)
    argv = ["process", str(corpus), "--out", str(tmp_path / "o"), "--no-progress", "--jobs", "1"]
    assert main(argv) == 0
    assert main([*argv[:3], str(tmp_path / "p"), *argv[4:], "--no-quality"]) == 0
    assert events == ["warm True 1 True", "read", "warm False 1 True", "read"]


_FORKED = """
import json, os
from analysis.bench.throughput import bench_chunk_function
from analysis.corpus.line_rules import _screens
from analysis.measure import engine
from analysis.measure.warmup import warm_up

def cached():
    return _screens.cache_info().currsize

at_fork = []
start = engine._start_workers
def starting(*args):
    at_fork.append(cached())
    return start(*args)
engine._start_workers = starting
warm_up(bench_chunk_function(), jobs=2)
pool = engine.worker_pool(1, "fork").pool
print(json.dumps({"at_fork": at_fork, "here": cached(), "worker": pool.apply(cached),
                  "worker_pid": pool.apply(os.getpid), "pid": os.getpid()}))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux")
def test_on_two_processes_the_worker_is_forked_first_and_each_warms_up() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _FORKED], capture_output=True, text=True, check=True, cwd=ROOT
    )
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["at_fork"] == [0]  # forked before this process built anything to share
    assert found["here"] > 0 and found["worker"] > 0  # then both built their own
    assert found["worker_pid"] != found["pid"]


_FROZEN = """
import gc, json, sys
from analysis.bench.throughput import bench_chunk_function
from analysis.measure import engine
from analysis.measure.warmup import warm_up

warm_up(bench_chunk_function(), jobs=2, freeze=sys.argv[1] == "freeze")
pool = engine.worker_pool(1, "fork").pool
print(json.dumps({"here": gc.get_freeze_count(), "worker": pool.apply(gc.get_freeze_count)}))
"""


def _frozen(mode: str) -> dict[str, int]:
    done = subprocess.run(
        [sys.executable, "-c", _FROZEN, mode], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux")
def test_a_frozen_warm_up_puts_every_process_s_objects_out_of_the_collector_s_reach() -> None:
    frozen = _frozen("freeze")
    assert frozen["here"] > 10_000 and frozen["worker"] > 10_000  # modules, lexicons, caches
    assert _frozen("no") == {"here": 0, "worker": 0}


def test_process_freezes_its_objects_for_the_run_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gc

    from analysis.corpus import files

    during: list[int] = []
    read_chunks = files.read_chunks

    def reading(*args: Any, **kwargs: Any) -> Any:
        during.append(gc.get_freeze_count())
        return read_chunks(*args, **kwargs)

    monkeypatch.setattr(files, "read_chunks", reading)
    good = tmp_path / "c.csv"
    pd.DataFrame({"text": ["Prices rose on Monday."], "outlet": ["Herald"]}).to_csv(good)
    empty = tmp_path / "e.csv"
    pd.DataFrame({"text": [" "], "outlet": ["Herald"]}).to_csv(empty)
    for corpus, code in ((good, 0), (empty, 2)):  # a run that fails thaws too
        argv = ["process", str(corpus), "--out", str(tmp_path / corpus.stem), "--jobs", "1"]
        assert main([*argv, "--no-progress"]) == code
        assert during[-1] > 10_000 and gc.get_freeze_count() == 0
