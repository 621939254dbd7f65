"""Throughput and memory of the per-sentence work, against a bare NLTK VADER loop.

Builds a synthetic corpus of --docs documents from the seed articles (or takes --corpus FILE),
then measures in one run:

1. full work on one core: clean → split → VADER twice → frames → actors → sourcing/hedging, the
   local engine with --jobs 1, reading the corpus file and writing Parquet like `process` does,
   with the quality flags added on the way as `process` adds them (language guess, MinHash
   near-duplicates: :func:`analysis.measure.document_quality.run_local_flagged`; --no-quality
   leaves them out, as `process --no-quality`);
2. the same on every core (--jobs, default all: this process and one worker per other core);
   the two outputs must be byte-identical;
3. the floor: a bare loop of NLTK's own SentimentIntensityAnalyzer over the sentences step 1
   produced (lexicon text from the vaderSentiment wheel, nothing from nltk_data); on several
   cores, the same loop also on --jobs fresh processes at once, which gives the machine's own
   scaling in that minute, the bound of the work's (:mod:`analysis.bench.machine`);
4. peak memory: the resident set of the run's process and its workers, summed, sampled every
   0.2 s by a watcher process that reads /proc (:mod:`analysis.bench.process_memory`: a
   sampling thread in the measured process slowed it down); without /proc on a thread with
   psutil, and without either the largest single process from getrusage;
5. with --cleaning-cost N: the share of the one-core work's time taken by the boilerplate line
   classifier and the template-line pass, from N one-core runs with them and N without
   (interleaved, best of N; switched off in the bench's own process only, by
   :func:`cleaning_features_off`);
6. with --compute-only N: the scaling of the work alone, with nothing serial around it (the
   chunks read first, then computed by one process and by --jobs processes at once, N rounds:
   :mod:`analysis.bench.scaling`), the bound a run's own scaling is measured against; its CPU
   ratio is split into what cutting the work between processes costs (the shares computed
   alone, one after the other) and what running them at once costs.
7. with --serial N: the CPU of the steps the command's process does beside computing chunks
   (reading every chunk, the near-copy index, flags and Parquet writing), best of N passes in
   a fresh interpreter (:mod:`analysis.bench.serial`): what the workers wait for.
8. with --piece-cost N: the CPU of each chunk's splitting and measures, whole and cut into 2
   and 4 pieces after cleaning, best of N passes in a fresh interpreter
   (:mod:`analysis.bench.pieces`): the price of a finer unit of work than a chunk.

Steps 1–3 make a round; --repeat N measures N rounds one after the other and judges each ratio
target on its median over the rounds (every round is printed and kept in --json): a single
pair of runs on a shared two-core machine can move the two-core scaling by ±0.2, more than the
distance to its target, so a figure quoted from one round says little.

Each run of the full work starts in a fresh interpreter that imports the package, loads and
checks the lexicons and warms the work up on a two-document sample
(:func:`analysis.measure.warmup.warm_up`: on several processes, where the workers are forked,
it forks them first and each process warms up at the same time) before the clock starts, as
`process` does before it reads a chunk; that set-up is timed apart and shown ("set-up s"). No
run inherits the modules, caches or workers of another (a second run in the same process would
start with every cache warm from the first, on the same corpus). Each timing then includes
everything `process` does after that: reading, worker start-up where it was not done before,
the work, writing. Rates are
sentences per second of wall time; the rate after worker start-up is shown too, and the CPU
time of the run's process and its workers within the clock (the workers' set-up before it is
shown apart: :mod:`analysis.bench.process_cpu`). Verdicts use wall time. Targets: one core ≥ 1.5 ×
the bare VADER rate; all cores ≥ 0.925 × cores × one core (1.85× on 2 cores); peak memory
< 2 GiB (stated for 50,000 documents); the cleaning features ≤ 15% of the one-core time.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any

from analysis.bench.machine import (
    floor_on_processes,
    machine_line,
    machine_summary,
    machine_warning,
)
from analysis.bench.process_cpu import children_cpu_seconds, cpu_between
from analysis.bench.steadiness import floor_spread, unsteady_warning, widest_spread
from analysis.io import write_text

TARGET_ONE_CORE_VS_VADER = 1.5
TARGET_SCALING_PER_CORE = 0.925
TARGET_PEAK_RSS_MIB = 2048
TARGET_CLEANING_SHARE = 0.15
_MIB = 1024 * 1024
# what the rounds run besides the floor, each the same work every round (see steadiness)
_WORK_RUNS = ("one_core", "all_cores")
_RUN_LABELS = {
    "floor": "the floor",
    "one_core": "the work on one core",
    "all_cores": "the work on all cores",
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``python -m analysis bench throughput``."""
    parser.add_argument("--docs", type=int, default=2000, help="synthetic documents (2000)")
    parser.add_argument(
        "--corpus",
        type=Path,
        default=None,
        help="benchmark this corpus file (or folder) instead of a synthetic corpus (default: "
        "none, --docs synthetic documents)",
    )
    parser.add_argument(
        "--map",
        dest="column_map",
        default=None,
        help="column mapping for --corpus, e.g. text=body,outlet=source (default: none)",
    )
    parser.add_argument(
        "--jobs",
        type=int,
        default=0,
        help="processes for the all-cores run (default: 0, every core; -N: all but N)",
    )
    parser.add_argument("--chunk-size", type=int, default=500, help="documents per chunk (500)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the synthetic corpus")
    parser.add_argument(
        "--floor-sentences",
        type=int,
        default=0,
        help="time the bare VADER loop on this many evenly spaced sentences (default 0: all)",
    )
    parser.add_argument("--skip-one-core", action="store_true", help="only the all-cores run")
    parser.add_argument("--json", type=Path, default=None, help="also write the results here")
    parser.add_argument(
        "--keep", type=Path, default=None, help="keep the corpus and outputs in this folder"
    )
    parser.add_argument(
        "--no-quality",
        action="store_true",
        help="leave out the quality flags (as `process --no-quality`)",
    )
    parser.add_argument("--no-progress", action="store_true", help="no progress bars")
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        metavar="N",
        help="measure N rounds (one core, all cores, bare VADER floor; each run fresh) and "
        "judge the targets on the median round, every round shown (1)",
    )
    parser.add_argument(
        "--cleaning-cost",
        type=int,
        default=0,
        metavar="N",
        help="also time the one-core work N times with and N times without the boilerplate "
        "classifier and the template-line pass (interleaved, best of N) and print their share",
    )
    parser.add_argument(
        "--compute-only",
        type=int,
        default=0,
        metavar="N",
        help="also measure, N times, the scaling of the work alone: the chunks read first, then "
        "computed by one process and by --jobs processes at once, nothing serial around them, "
        "and by the same processes one after the other, to split the extra CPU into the cost "
        "of cutting the work and of running at once (analysis.bench.scaling); the bound the "
        "serial parts of a run are measured against",
    )
    parser.add_argument(
        "--serial",
        type=int,
        default=0,
        metavar="N",
        help="also time the command's own steps (reading every chunk, the near-copy index, "
        "flags and Parquet writing), CPU best of N in a fresh interpreter "
        "(analysis.bench.serial): the serial parts the workers wait for",
    )
    parser.add_argument(
        "--piece-cost",
        type=int,
        default=0,
        metavar="N",
        help="also time each chunk's splitting and measures whole and cut into 2 and 4 pieces "
        "after cleaning, CPU best of N in a fresh interpreter (analysis.bench.pieces): what a "
        "finer unit of work than a chunk would cost",
    )


# --------------------------------------------------------------------------------------------
# Memory


def _tree_rss(process: Any) -> int:
    total = 0
    for proc in [process, *process.children(recursive=True)]:
        try:
            total += proc.memory_info().rss
        except Exception:  # a worker may exit between listing and reading
            continue
    return total


class PeakMemory:
    """Peak summed RSS of this process and its descendants while the block runs, sampled every
    ``interval`` seconds: on Linux by a watcher process of its own
    (:mod:`analysis.bench.process_memory`, which says why), elsewhere on a thread with psutil.
    """

    def __init__(self, interval: float = 0.2) -> None:
        self.interval = interval
        self.peak_bytes = 0
        self.method = "none"
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._watcher: subprocess.Popen[str] | None = None
        self.watcher_cpu_seconds = 0.0  # what the watcher process cost (see __exit__)

    def __enter__(self) -> PeakMemory:
        from analysis.bench import process_memory

        if process_memory.kernel_lists_children():  # sampled by a process of its own
            self.method = "/proc process-tree sum"
            self._watcher = subprocess.Popen(
                [sys.executable, process_memory.__file__, str(os.getpid()), str(self.interval)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
            )
            assert self._watcher.stdout is not None
            if self._watcher.stdout.readline().strip() != "ready":
                raise RuntimeError("the memory watcher did not start")
            return self
        try:
            import psutil
        except ImportError:
            return self
        self.method = "psutil process-tree sum"
        process = psutil.Process()

        def sample() -> None:
            while not self._stop.is_set():
                self.peak_bytes = max(self.peak_bytes, _tree_rss(process))
                self._stop.wait(self.interval)

        self._thread = threading.Thread(target=sample, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        watcher, self._watcher = self._watcher, None
        if watcher is not None and watcher.stdin is not None and watcher.stdout is not None:
            watcher.stdin.close()  # it samples once more and writes the peak
            out = watcher.stdout.read()
            watcher.stdout.close()
            # reaped here, not by Popen, to know what it cost (watcher_cpu_seconds); the run's
            # CPU is read before this, leaving the watcher out by its pid (watcher_pids)
            _, status, usage = os.wait4(watcher.pid, 0)
            watcher.returncode = os.waitstatus_to_exitcode(status)
            self.watcher_cpu_seconds = usage.ru_utime + usage.ru_stime
            self.peak_bytes = max(self.peak_bytes, int(out.strip() or 0))
        self._stop.set()
        if self._thread is not None:
            self._thread.join()

    @property
    def watcher_pids(self) -> tuple[int, ...]:
        """The pid of the watcher process while it runs (empty otherwise): a child of this
        process that is not the work."""
        return (self._watcher.pid,) if self._watcher is not None else ()

    @property
    def peak_mib(self) -> float | None:
        """Peak in MiB, or ``None`` when it could not be measured (no /proc and no psutil)."""
        return self.peak_bytes / _MIB if self.peak_bytes else None


def maxrss_mib() -> dict[str, float]:
    """getrusage peaks: this process, and the largest finished child (Linux kB, macOS bytes)."""
    scale = 1 if sys.platform == "darwin" else 1024
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale / _MIB
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * scale / _MIB
    return {"self": round(own, 1), "largest_child": round(child, 1)}


# --------------------------------------------------------------------------------------------
# The floor: NLTK's own VADER


def bare_nltk_vader() -> Callable[[str], dict[str, float]]:
    """``polarity_scores`` of NLTK's SentimentIntensityAnalyzer over the vaderSentiment lexicon.

    NLTK's ``__init__`` loads the lexicon through ``nltk.data``; here the same lexicon text is
    given directly, and everything else is NLTK's code.
    """
    from nltk.sentiment.vader import SentimentIntensityAnalyzer, VaderConstants

    from analysis.sentiment.vader import lexicon_path

    class _Analyzer(SentimentIntensityAnalyzer):
        def __init__(self, lexicon_text: str) -> None:
            self.lexicon_file = lexicon_text
            self.lexicon = self.make_lex_dict()
            self.constants = VaderConstants()

    text = lexicon_path().read_text(encoding="utf-8").strip("\n")
    return _Analyzer(text).polarity_scores


def _evenly_spaced(items: Sequence[int], n: int) -> list[int]:
    if n <= 0 or n >= len(items):
        return list(items)
    step = len(items) / n
    return [items[int(i * step)] for i in range(n)]


# --------------------------------------------------------------------------------------------
# Phases


@contextmanager
def _workdir(keep: Path | None) -> Iterator[Path]:
    if keep is not None:
        keep.mkdir(parents=True, exist_ok=True)
        yield keep
        return
    with tempfile.TemporaryDirectory(prefix="throughput-") as tmp:
        yield Path(tmp)


def bench_chunk_function() -> Callable[..., Any]:
    """The full per-document work with the bundled story's lexicons (``seeds/analysis.toml``),
    loaded and checked as `process` does before it reads a chunk.

    A fixed actor list, as a large run names its actors: discovered actors differ from chunk to
    chunk, so a chunked run discovers them over the whole corpus afterwards (the loader does).
    """
    import functools

    from analysis.config import default_corpus_dir
    from analysis.measure.chunk import process_chunk
    from analysis.settings import check_lexicons, resolve_lexicons

    lexicons = resolve_lexicons(default_corpus_dir())
    check_lexicons(lexicons)
    return functools.partial(process_chunk, lexicons=lexicons)


def prepared_chunk_function(
    quality: bool = True, jobs: int = 1
) -> tuple[Callable[..., Any], float]:
    """:func:`bench_chunk_function` prepared as `process` prepares it before it reads a chunk
    (lexicons checked, then, on ``jobs`` processes, the workers started and the work warmed up
    on a small sample in each: :func:`analysis.measure.warmup.warm_up`), and the seconds that
    took."""
    from analysis.measure.warmup import warm_up

    started = time.perf_counter()
    fn = bench_chunk_function()
    warm_up(fn, quality=quality, jobs=jobs, freeze=True)  # each run is a fresh interpreter
    return fn, time.perf_counter() - started


def _model_pass_off(lines: list[Any], *args: Any, **kwargs: Any) -> list[Any]:
    return lines  # the classifier removes no line (whatever else cleaning passes it)


def _template_lines_off(texts: Sequence[str], outlets: Sequence[str]) -> list[frozenset[str]]:
    return [frozenset()] * len(texts)  # no line is template


@contextmanager
def cleaning_features_off() -> Iterator[None]:
    """Within the block, in this process: the boilerplate line classifier removes nothing
    (``analysis.corpus.cleaning._model_pass`` returns its lines) and the template-line pass
    finds nothing (``analysis.corpus.documents.template_lines`` gives every document an empty
    set), so cleaning costs what it costs without them. For the bench only (``--cleaning-cost``).
    """
    from analysis.corpus import cleaning, documents

    saved = cleaning._model_pass, documents.template_lines
    cleaning._model_pass = _model_pass_off
    documents.template_lines = _template_lines_off
    try:
        yield
    finally:
        cleaning._model_pass, documents.template_lines = saved


def _cpu_seconds() -> tuple[float, float]:
    """CPU time of this process, and of its children that have ended."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time(), children.ru_utime + children.ru_stime


def _full_run(
    corpus: Path, out: Path, jobs: int, args: argparse.Namespace, cleaning: bool = True
) -> dict[str, Any]:
    """One timed run of the full work; meant for a fresh interpreter (:func:`_fresh_run`)."""
    import shutil

    from analysis.corpus.files import read_chunks
    from analysis.measure.document_quality import run_local_flagged
    from analysis.measure.engine import run_local, shutdown_pools

    shutil.rmtree(out, ignore_errors=True)
    fn, setup_seconds = prepared_chunk_function(quality=not args.no_quality, jobs=jobs)
    workers_started = children_cpu_seconds()  # the workers' set-up: not the run's
    with PeakMemory() as memory, cleaning_features_off() if not cleaning else nullcontext():
        cpu_started = _cpu_seconds()
        started = time.perf_counter()
        chunks, report = read_chunks(corpus, args.column_map, args.chunk_size)
        options = {
            "jobs": jobs,
            "progress": not args.no_progress,
            "total_docs": report.n_rows_total,
        }
        if args.no_quality:
            summary = run_local(chunks, out, fn, **options)
        else:  # as `process` runs it: flagged on the way, before each chunk is written
            summary, _ = run_local_flagged(chunks, out, fn, **options)
        seconds = time.perf_counter() - started
        # CPU within the clock only: this process's, its live workers' growth since the clock
        # started (not their warm-up before it, nor their shutdown after), and any child that
        # ended meanwhile (RUSAGE_CHILDREN); the memory watcher is not the work
        own, ended = (end - start for end, start in zip(_cpu_seconds(), cpu_started, strict=True))
        workers_ended = children_cpu_seconds(exclude=memory.watcher_pids)
    shutdown_pools()
    workers = cpu_between(workers_started, workers_ended) + ended
    workers_setup = sum(workers_started.values())
    return {
        "jobs": summary.jobs,
        "docs": summary.n_docs,
        "sentences": summary.n_sentences,
        "seconds": round(seconds, 2),
        "cpu_seconds": round(own + workers, 2),
        "cpu_seconds_this_process": round(own, 2),
        "cpu_seconds_workers": round(workers, 2),
        "cpu_seconds_workers_setup": round(workers_setup, 2),
        # the share of the run's cores kept busy: its CPU over cores × wall time
        "busy_share": round((own + workers) / (summary.jobs * seconds), 3),
        "sentences_per_s": round(summary.n_sentences / seconds, 1),
        "setup_seconds": round(setup_seconds, 2),
        "startup_seconds": round(summary.startup_seconds, 2),
        "steady_sentences_per_s": round(
            summary.n_sentences / max(seconds - summary.startup_seconds, 1e-9), 1
        ),
        "docs_per_s": round(summary.n_docs / seconds, 1),
        "peak_rss_mib": round(memory.peak_mib, 1) if memory.peak_mib else None,
        "empty_skipped": report.n_empty_skipped,
        "audit_rows": summary.rows.get("audit", 0),
    }


def in_fresh_interpreter(fn: Callable[..., Any], *args: Any) -> Any:
    """``fn(*args)`` in a new interpreter (spawned), so that it inherits no module, cache or
    worker of this one; ``fn`` and ``args`` must be picklable."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as executor:
        return executor.submit(fn, *args).result()


def reading_options(args: argparse.Namespace, *more: str) -> argparse.Namespace:
    """The options that say how the corpus is read (``column_map``, ``chunk_size``) and the
    ``more`` named, alone: what a fresh interpreter is sent (:func:`in_fresh_interpreter`),
    as the parsed arguments also hold the command's module, which does not pickle."""
    names = ("column_map", "chunk_size", *more)
    return argparse.Namespace(**{name: getattr(args, name) for name in names})


def _fresh_run(
    corpus: Path, out: Path, jobs: int, args: argparse.Namespace, cleaning: bool = True
) -> dict[str, Any]:
    """:func:`_full_run` in a new interpreter (:func:`in_fresh_interpreter`)."""
    picklable = reading_options(args, "no_progress", "no_quality")
    return in_fresh_interpreter(_full_run, corpus, out, jobs, picklable, cleaning)


def _floor_sample(sentences_file: Path, limit: int) -> list[str]:
    """The floor's sentences: ``limit`` evenly spaced sentences of a run's output (all for 0)."""
    import pyarrow.parquet as pq

    column = pq.read_table(sentences_file, columns=["sentence"]).column(0)
    positions = _evenly_spaced(range(len(column)), limit)
    return column.take(positions).to_pylist()  # only the sample becomes Python strings


def _floor_run(sample: list[str]) -> dict[str, Any]:
    score = bare_nltk_vader()
    started = time.perf_counter()
    for sentence in sample:
        score(sentence)
    seconds = time.perf_counter() - started
    return {
        "sentences": len(sample),
        "seconds": round(seconds, 2),
        "sentences_per_s": round(len(sample) / seconds, 1) if seconds else None,
    }


def cleaning_cost(corpus: Path, work: Path, args: argparse.Namespace) -> dict[str, Any]:
    """The share of the one-core work's time taken by the boilerplate line classifier and the
    template-line pass: ``args.cleaning_cost`` runs with them and as many without, interleaved
    (each in a fresh interpreter), best of each by CPU time (wall time shown too).

    Also the audit rows of each kind of run: the runs without them must record fewer (the lines
    those features remove), or the figure would measure nothing.
    """
    runs: dict[str, list[dict[str, Any]]] = {"with": [], "without": []}
    for _ in range(args.cleaning_cost):
        for label, cleaning in (("with", True), ("without", False)):
            out = work / f"out_cleaning_{label}"
            runs[label].append(_fresh_run(corpus, out, 1, args, cleaning=cleaning))
    best = {label: min(rs, key=lambda r: r["cpu_seconds"]) for label, rs in runs.items()}
    fastest = {label: min(r["seconds"] for r in rs) for label, rs in runs.items()}
    return {
        "runs": args.cleaning_cost,
        "cpu_seconds": {label: [r["cpu_seconds"] for r in rs] for label, rs in runs.items()},
        "seconds": {label: [r["seconds"] for r in rs] for label, rs in runs.items()},
        "audit_rows": {label: best[label]["audit_rows"] for label in runs},
        "share_cpu": round(1 - best["without"]["cpu_seconds"] / best["with"]["cpu_seconds"], 4),
        "share_wall": round(1 - fastest["without"] / fastest["with"], 4),
    }


def _round(corpus: Path, work: Path, jobs: int, args: argparse.Namespace) -> dict[str, Any]:
    """One round: the one-core run (unless skipped), the all-cores run and the bare VADER floor
    over the sentences they produced, with the round's two ratios (rates of this round only)."""
    out: dict[str, Any] = {}
    if not args.skip_one_core:
        out["one_core"] = _fresh_run(corpus, work / "out_1", 1, args)
    out["all_cores"] = _fresh_run(corpus, work / "out_all", jobs, args)
    if "one_core" in out:
        out["outputs_identical"] = all(
            (work / "out_1" / name).read_bytes() == (work / "out_all" / name).read_bytes()
            for name in ("sentences.parquet", "documents.parquet")
        )
    floor_source = work / ("out_1" if "one_core" in out else "out_all") / "sentences.parquet"
    sample = _floor_sample(floor_source, args.floor_sentences)
    out["bare_nltk_vader"] = _floor_run(sample)
    floor_rate = out["bare_nltk_vader"]["sentences_per_s"]
    if jobs > 1:  # what the machine gives on as many processes, in the same minute
        parallel = floor_on_processes(sample, jobs)
        out["bare_nltk_vader_parallel"] = parallel
        if floor_rate and parallel["sentences_per_s"]:
            out["machine_scaling"] = round(parallel["sentences_per_s"] / floor_rate, 3)
    if "one_core" in out:
        one_rate = out["one_core"]["sentences_per_s"]
        out["one_core_vs_bare_vader"] = round(one_rate / floor_rate, 3) if floor_rate else None
        out["all_cores_vs_one_core"] = round(out["all_cores"]["sentences_per_s"] / one_rate, 3)
        # the scaling's two parts (scaling_parts): the extra CPU the split work costs and the
        # cores left idle
        out["all_cores_cpu_vs_one_core"] = round(
            out["all_cores"]["cpu_seconds"] / out["one_core"]["cpu_seconds"], 3
        )
    return out


def scaling_parts(rounds: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Where the scaling goes, as medians over the rounds: how busy each run kept its cores
    (its CPU over cores × wall time) and how much CPU the all-cores run took against the
    one-core run. In each round, exactly, scaling = cores × (busy share on all cores ÷ busy
    share on one core) ÷ CPU ratio: a scaling short of the cores is idle cores, extra work
    (each process filling its own memos, the hand-over, the machine's shared caches), or
    both. ``None`` without one-core runs."""
    if not rounds or "all_cores_cpu_vs_one_core" not in rounds[0]:
        return None
    return {
        "cores": rounds[0]["all_cores"]["jobs"],
        "busy_share_all_cores": _median([r["all_cores"] for r in rounds], "busy_share"),
        "busy_share_one_core": _median([r["one_core"] for r in rounds], "busy_share"),
        "cpu_all_cores_vs_one_core": _median(rounds, "all_cores_cpu_vs_one_core"),
    }


def scaling_parts_line(parts: dict[str, Any]) -> str:
    """The printed line of :func:`scaling_parts`."""
    return (
        f"where the scaling goes (medians of the rounds): {parts['cores']} cores kept "
        f"{parts['busy_share_all_cores']:.1%} busy (one core {parts['busy_share_one_core']:.1%}); "
        f"the {parts['cores']}-core run took {parts['cpu_all_cores_vs_one_core']}× the one-core "
        f"run's CPU (scaling = cores × busy share ÷ one core's ÷ CPU ratio, round by round)"
    )


def _median(rounds: list[dict[str, Any]], key: str) -> float | None:
    """The median over the rounds of one of their ratios (None when the rounds lack it)."""
    values = [r[key] for r in rounds if r.get(key) is not None]
    return round(statistics.median(values), 3) if values else None


def steadiness(rounds: list[dict[str, Any]]) -> dict[str, Any] | None:
    """How steady the machine was over the rounds, and the best round of each run.

    The floor (a bare VADER loop) does the same work every round, so the spread of its rate,
    fastest over slowest minus one, shows how much other load moved the clock: on a shared
    two-core virtual machine the same loop has run twice as slow for minutes at a time. The
    one-core and all-core runs of the work repeat the same work too, and load that arrives
    during one of them does not show in the floor, so each run's spread is given
    (``spreads``); when the widest (``widest``) is over
    :data:`analysis.bench.steadiness.UNSTEADY_SPREAD` the run is not ``steady`` and the
    verdicts come with a warning. The best rate of each run over the rounds is the least
    disturbed one (the convention of Python's ``timeit``); its ratios are shown beside the
    medians the targets are judged on. ``None`` for a single round."""
    if len(rounds) < 2:
        return None

    def best(key: str) -> dict[str, Any]:
        return max((r[key] for r in rounds), key=lambda run: run["sentences_per_s"])

    floors = [r["bare_nltk_vader"]["sentences_per_s"] for r in rounds]
    seconds = [r["bare_nltk_vader"]["seconds"] for r in rounds]
    # the same work every round, the floor and the work's runs alike: time goes as 1 / rate;
    # load during one run shows in its time only
    repeated = {"floor": [1 / rate for rate in floors]} | {
        key: [1 / r[key]["sentences_per_s"] for r in rounds]
        for key in _WORK_RUNS
        if all(key in r for r in rounds)
    }
    spreads = {key: floor_spread(times) for key, times in repeated.items()}
    widest, widest_by = widest_spread(repeated)
    result: dict[str, Any] = {
        "floor_seconds": [min(seconds), max(seconds)],
        "floor_spread": spreads["floor"],
        "spreads": spreads,
        "widest": widest,
        "steady": unsteady_warning(widest_by) is None,
    }
    if all("one_core" in r for r in rounds):
        floor, one, every = best("bare_nltk_vader"), best("one_core"), best("all_cores")
        result["best"] = {
            "one_core_seconds": one["seconds"],
            "all_cores_seconds": every["seconds"],
            "one_core_vs_bare_vader": round(one["sentences_per_s"] / floor["sentences_per_s"], 3),
            "all_cores_vs_one_core": round(every["sentences_per_s"] / one["sentences_per_s"], 3),
        }
    return result


def _verdict(value: float | None, target: float, higher_is_better: bool = True) -> str:
    if value is None:
        return "n/a"
    ok = value >= target if higher_is_better else value < target
    return "PASS" if ok else "FAIL"


def run_benchmark(args: argparse.Namespace) -> dict[str, Any]:
    """All phases; returns the results as a JSON-ready dict."""
    from analysis.bench.synthetic import write_synthetic_corpus
    from analysis.measure.engine import resolve_jobs

    jobs = resolve_jobs(args.jobs)
    results: dict[str, Any] = {
        "cpu_count": os.cpu_count(),
        "python": sys.version.split()[0],
        "no_quality": bool(args.no_quality),
    }
    with _workdir(args.keep) as work:
        if args.corpus is not None:
            corpus = args.corpus
            results["corpus"] = {"file": str(corpus)}
        else:
            corpus = work / "synthetic.parquet"
            started = time.perf_counter()
            write_synthetic_corpus(corpus, args.docs, seed=args.seed)
            results["corpus"] = {
                "synthetic_docs": args.docs,
                "seed": args.seed,
                "seconds_to_build": round(time.perf_counter() - started, 2),
                "mib": round(corpus.stat().st_size / _MIB, 1),
            }
        rounds = [_round(corpus, work, jobs, args) for _ in range(max(args.repeat, 1))]
        results["rounds"] = rounds
        # the first round's runs as the single figures (all of them with --repeat 1)
        results.update({k: rounds[0][k] for k in ("one_core", "all_cores") if k in rounds[0]})
        results["bare_nltk_vader"] = rounds[0]["bare_nltk_vader"]
        if "one_core" in rounds[0]:
            results["outputs_identical"] = all(r["outputs_identical"] for r in rounds)
        if args.cleaning_cost > 0:
            results["cleaning_cost"] = cleaning_cost(corpus, work, args)
        if args.compute_only > 0:
            from analysis.bench.scaling import compute_scaling

            results["compute_only"] = compute_scaling(corpus, args, jobs)
        if args.serial > 0:
            from analysis.bench.serial import serial_costs

            results["serial"] = serial_costs(corpus, args)
        if args.piece_cost > 0:
            from analysis.bench.pieces import piece_costs

            results["piece_cost"] = piece_costs(corpus, args)
    results["maxrss_mib"] = maxrss_mib()
    results["steadiness"] = steadiness(rounds)
    results["machine_scaling"] = machine_summary(rounds)
    results["scaling_parts"] = scaling_parts(rounds)
    every = results["all_cores"]
    ratio_floor = _median(rounds, "one_core_vs_bare_vader")  # the targets: on the median round
    scaling = _median(rounds, "all_cores_vs_one_core")
    runs = [r[key] for r in rounds for key in ("one_core", "all_cores") if key in r]
    peaks = [r["peak_rss_mib"] for r in runs if r["peak_rss_mib"]]
    peak = max(peaks) if peaks else max(results["maxrss_mib"].values())
    scaling_target = round(TARGET_SCALING_PER_CORE * every["jobs"], 2)
    results["targets"] = {
        "one_core_vs_bare_vader": {
            "value": ratio_floor,
            "target": TARGET_ONE_CORE_VS_VADER,
            "verdict": _verdict(ratio_floor, TARGET_ONE_CORE_VS_VADER),
        },
        "all_cores_vs_one_core": {
            "value": scaling,
            "target": scaling_target,
            "verdict": _verdict(scaling, scaling_target) if every["jobs"] > 1 else "n/a",
        },
        "peak_rss_mib": {
            "value": peak,
            "target": TARGET_PEAK_RSS_MIB,
            "verdict": _verdict(peak, TARGET_PEAK_RSS_MIB, higher_is_better=False),
        },
    }
    if "cleaning_cost" in results:
        cost = results["cleaning_cost"]
        fewer = cost["audit_rows"]["without"] < cost["audit_rows"]["with"]
        results["targets"]["cleaning_features_share"] = {
            "value": cost["share_cpu"],
            "target": TARGET_CLEANING_SHARE,
            "verdict": _verdict(cost["share_cpu"], TARGET_CLEANING_SHARE, higher_is_better=False)
            if fewer
            else "n/a (switched off, they removed no fewer lines)",
        }
    return results


def verdict_caveat(name: str, results: dict[str, Any]) -> str:
    """What to print after target ``name``'s verdict when the machine makes it unreliable: the
    rounds' floor spread over the limit (every target measured in the rounds), or, for the
    scaling, the machine's own scaling under the target (the warnings below say more); ``""``
    when neither."""
    if name not in ("one_core_vs_bare_vader", "all_cores_vs_one_core"):
        return ""  # peak memory is not timed; the cleaning share is CPU, best of N
    notes = []
    steady = results.get("steadiness")
    if steady is not None and not steady["steady"]:
        notes.append("machine unsteady")
    machine = results.get("machine_scaling")
    target = results["targets"][name]["target"]
    if name == "all_cores_vs_one_core" and machine is not None and machine["median"] < target:
        notes.append(f"the machine's own scaling {machine['median']}×")
    return f" ({'; '.join(notes)}: not a verdict on the work)" if notes else ""


def _print_results(results: dict[str, Any]) -> None:
    corpus = results["corpus"]
    print(f"corpus: {corpus}")
    rows = [("bare NLTK VADER loop (floor)", results["bare_nltk_vader"])]
    if "one_core" in results:
        rows.append(("full work, 1 core", results["one_core"]))
    rows.append((f"full work, {results['all_cores']['jobs']} cores", results["all_cores"]))
    header = f"{'':32} {'sentences':>10} {'seconds':>9} {'sent/s':>9} {'peak MiB':>9}"
    print(header + f" {'start-up s':>10} {'sent/s after start-up':>22} {'set-up s':>9}")
    for label, row in rows:
        peak = row.get("peak_rss_mib")
        line = (
            f"{label:32} {row['sentences']:>10,} {row['seconds']:>9.1f} "
            f"{row['sentences_per_s']:>9,.0f} {peak if peak is not None else '':>9}"
        )
        if "startup_seconds" in row:
            line += f" {row['startup_seconds']:>10.1f} {row['steady_sentences_per_s']:>22,.0f}"
            line += f" {row['setup_seconds']:>9.2f}"
        print(line)
    every = results["all_cores"]
    print(
        f"{every['jobs']} cores: {every['seconds']} s wall, {every['cpu_seconds']} s CPU "
        f"({every['cpu_seconds_this_process']} this process, {every['cpu_seconds_workers']} its "
        f"workers; their set-up before the clock {every['cpu_seconds_workers_setup']} s more); "
        f"one core: {results.get('one_core', {}).get('cpu_seconds')} s CPU"
    )
    if len(results["rounds"]) > 1:
        print(f"{len(results['rounds'])} rounds (the rows above are round 1; targets: medians):")
        for number, r in enumerate(results["rounds"], start=1):
            one = r.get("one_core", {}).get("seconds")
            print(
                f"  round {number}: floor {r['bare_nltk_vader']['seconds']} s, one core {one} s, "
                f"{r['all_cores']['jobs']} cores {r['all_cores']['seconds']} s; vs bare VADER "
                f"{r.get('one_core_vs_bare_vader')}, scaling {r.get('all_cores_vs_one_core')}"
            )
    steady = results.get("steadiness")
    if steady is not None:
        low, high = steady["floor_seconds"]
        line = (
            f"steadiness: the floor, the same work every round, took {low}–{high} s "
            f"(slowest {steady['floor_spread']:.0%} over fastest)"
        )
        others = {k: v for k, v in steady["spreads"].items() if k != "floor"}
        if others:
            line += "; the work, the same every round too: " + ", ".join(
                f"{key.replace('_', ' ')} {spread:.0%}" for key, spread in others.items()
            )
        if "best" in steady:
            best = steady["best"]
            line += (
                f"; best of {len(results['rounds'])} rounds: one core "
                f"{best['one_core_seconds']} s, {results['all_cores']['jobs']} cores "
                f"{best['all_cores_seconds']} s -> vs bare VADER "
                f"{best['one_core_vs_bare_vader']}, scaling {best['all_cores_vs_one_core']} "
                f"(the targets are judged on the medians)"
            )
        print(line)
    machine = results.get("machine_scaling")
    if machine is not None:
        print(machine_line(machine, results["all_cores"]["jobs"]))
    if results.get("scaling_parts") is not None:
        print(scaling_parts_line(results["scaling_parts"]))
    if "cleaning_cost" in results:
        cost = results["cleaning_cost"]
        print(
            f"cleaning features (classifier + template lines), one core, best of {cost['runs']}:"
            f" CPU s with {cost['cpu_seconds']['with']}, without {cost['cpu_seconds']['without']}"
            f" -> share {cost['share_cpu']:.1%} (wall {cost['share_wall']:.1%}); audit rows"
            f" {cost['audit_rows']['with']:,} with, {cost['audit_rows']['without']:,} without"
        )
    if "compute_only" in results:
        from analysis.bench.scaling import scaling_line

        print(scaling_line(results["compute_only"]))
    if "serial" in results:
        from analysis.bench.serial import serial_line

        print(serial_line(results["serial"]))
    if "piece_cost" in results:
        from analysis.bench.pieces import piece_line

        print(piece_line(results["piece_cost"]))
    if "outputs_identical" in results:
        print(f"1-core and all-core outputs identical: {results['outputs_identical']}")
    print(f"getrusage peaks (MiB): {results['maxrss_mib']}")
    for name, target in results["targets"].items():
        line = f"{name:26} {target['value']!s:>8} (target {target['target']}) {target['verdict']}"
        print(line + verdict_caveat(name, results))
    if steady is not None:
        widest = steady["widest"]
        warning = unsteady_warning(steady["spreads"][widest], what=_RUN_LABELS[widest])
        if warning:
            print(warning)
    if machine is not None:
        scaling = results["targets"]["all_cores_vs_one_core"]
        warning = machine_warning(
            machine["median"], scaling["target"], results["all_cores"]["jobs"]
        )
        if warning:
            print(warning)


def corpus_problem(corpus: Path, column_map: str | None) -> str | None:
    """Why ``--corpus`` cannot be benchmarked (one line naming it), checked before anything
    starts: it does not exist, or it is a corpus file of a format the readers do not take or
    without the columns the work needs (the reader's own message); None when it can."""
    from analysis.loading import CorpusNotFoundError, given_corpus
    from analysis.pipeline.params import ParameterError, check_corpus, check_corpus_columns

    try:
        given_corpus(corpus)
    except CorpusNotFoundError as error:
        return str(error)
    try:
        check_corpus_columns(check_corpus(corpus), column_map)
    except (ParameterError, ValueError, OSError) as error:
        return f"--corpus {corpus}: {' '.join(str(error).split())}"
    return None


def main(args: argparse.Namespace) -> int:
    """Run the benchmark, print the table, optionally write JSON; 0 even when a target fails,
    2 on bad options (checked before anything is timed)."""
    if args.docs < 1 and args.corpus is None:
        print("error: --docs must be at least 1", file=sys.stderr)
        return 2
    if args.corpus is not None:
        problem = corpus_problem(args.corpus, args.column_map)
        if problem:
            print(f"error: {problem}", file=sys.stderr)
            return 2
    results = run_benchmark(args)
    _print_results(results)
    if args.json is not None:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        write_text(json.dumps(results, indent=2) + "\n", args.json)
        print(f"wrote {args.json}")
    return 0
