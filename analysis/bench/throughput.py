"""Throughput and memory of the per-sentence work, against a bare NLTK VADER loop.

Builds a synthetic corpus of --docs documents from the seed articles (or takes --corpus FILE),
then measures in one run:

1. full work on one core: clean → split → VADER twice → frames → actors → sourcing/hedging, the
   local engine with --jobs 1, reading the corpus file and writing Parquet like `process` does;
2. the same on every core (--jobs, default all); the two outputs must be byte-identical;
3. the floor: a bare loop of NLTK's own SentimentIntensityAnalyzer over the sentences step 1
   produced (lexicon text from the vaderSentiment wheel, nothing from nltk_data);
4. peak memory: the resident set of this process and its workers, summed, sampled every 0.2 s
   (needs psutil; otherwise the largest single process from getrusage).

Rates are sentences per second of wall time, worker start-up (a fixed cost: the fork server
imports the per-document modules once, ~0.6 s of CPU, while the first chunks are read)
and file I/O included; the rate after start-up is shown too. Verdicts use wall time. Targets:
one core ≥ 1.5 × the bare VADER rate; all cores ≥ 0.925 × cores × one core (1.85× on 2 cores);
peak memory < 2 GiB (stated for 50,000 documents).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from analysis.io import write_text

TARGET_ONE_CORE_VS_VADER = 1.5
TARGET_SCALING_PER_CORE = 0.925
TARGET_PEAK_RSS_MIB = 2048
_MIB = 1024 * 1024


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``python -m analysis bench throughput``."""
    parser.add_argument("--docs", type=int, default=2000, help="synthetic documents (2000)")
    parser.add_argument(
        "--corpus", type=Path, default=None, help="benchmark this corpus file instead"
    )
    parser.add_argument(
        "--map", dest="column_map", default=None, help="column mapping for --corpus"
    )
    parser.add_argument("--jobs", type=int, default=0, help="processes for the all-cores run")
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
    parser.add_argument("--no-progress", action="store_true", help="no progress bars")


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
    """Peak summed RSS of this process and its descendants while the block runs."""

    def __init__(self, interval: float = 0.2) -> None:
        self.interval = interval
        self.peak_bytes = 0
        self.method = "none"
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def __enter__(self) -> PeakMemory:
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
        self._stop.set()
        if self._thread is not None:
            self._thread.join()

    @property
    def peak_mib(self) -> float | None:
        """Peak in MiB, or ``None`` without psutil."""
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
    """The full per-document work with the bundled story's lexicons (``seeds/analysis.toml``).

    A fixed actor list, as a large run names its actors: discovered actors differ from chunk to
    chunk, so a chunked run discovers them over the whole corpus afterwards (the loader does).
    """
    import functools

    from analysis.config import default_corpus_dir
    from analysis.measure.chunk import process_chunk
    from analysis.settings import resolve_lexicons

    return functools.partial(process_chunk, lexicons=resolve_lexicons(default_corpus_dir()))


def _full_run(corpus: Path, out: Path, jobs: int, args: argparse.Namespace) -> dict[str, Any]:
    import shutil

    from analysis.corpus.files import read_chunks
    from analysis.measure.engine import run_local

    shutil.rmtree(out, ignore_errors=True)
    fn = bench_chunk_function()
    with PeakMemory() as memory:
        started = time.perf_counter()
        chunks, report = read_chunks(corpus, args.column_map, args.chunk_size)
        summary = run_local(
            chunks,
            out,
            fn,
            jobs=jobs,
            progress=not args.no_progress,
            total_docs=report.n_rows_total,
        )
        seconds = time.perf_counter() - started
    return {
        "jobs": summary.jobs,
        "docs": summary.n_docs,
        "sentences": summary.n_sentences,
        "seconds": round(seconds, 2),
        "sentences_per_s": round(summary.n_sentences / seconds, 1),
        "startup_seconds": round(summary.startup_seconds, 2),
        "steady_sentences_per_s": round(
            summary.n_sentences / max(seconds - summary.startup_seconds, 1e-9), 1
        ),
        "docs_per_s": round(summary.n_docs / seconds, 1),
        "peak_rss_mib": round(memory.peak_mib, 1) if memory.peak_mib else None,
        "empty_skipped": report.n_empty_skipped,
    }


def _floor_run(sentences_file: Path, limit: int) -> dict[str, Any]:
    import pyarrow.parquet as pq

    column = pq.read_table(sentences_file, columns=["sentence"]).column(0)
    positions = _evenly_spaced(range(len(column)), limit)
    sample = column.take(positions).to_pylist()  # only the sample becomes Python strings
    del column
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
    results: dict[str, Any] = {"cpu_count": os.cpu_count(), "python": sys.version.split()[0]}
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
        one = None
        if not args.skip_one_core:
            one = _full_run(corpus, work / "out_1", 1, args)
            results["one_core"] = one
        every = _full_run(corpus, work / "out_all", jobs, args)
        results["all_cores"] = every
        if one is not None:
            same = all(
                (work / "out_1" / name).read_bytes() == (work / "out_all" / name).read_bytes()
                for name in ("sentences.parquet", "documents.parquet")
            )
            results["outputs_identical"] = same
        floor_source = work / ("out_1" if one is not None else "out_all") / "sentences.parquet"
        results["bare_nltk_vader"] = _floor_run(floor_source, args.floor_sentences)
    results["maxrss_mib"] = maxrss_mib()
    floor_rate = results["bare_nltk_vader"]["sentences_per_s"]
    one_rate = one["sentences_per_s"] if one else None
    ratio_floor = round(one_rate / floor_rate, 3) if one_rate and floor_rate else None
    scaling = round(every["sentences_per_s"] / one_rate, 3) if one_rate else None
    peaks = [r["peak_rss_mib"] for r in (one, every) if r and r["peak_rss_mib"]]
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
    return results


def _print_results(results: dict[str, Any]) -> None:
    corpus = results["corpus"]
    print(f"corpus: {corpus}")
    rows = [("bare NLTK VADER loop (floor)", results["bare_nltk_vader"])]
    if "one_core" in results:
        rows.append(("full work, 1 core", results["one_core"]))
    rows.append((f"full work, {results['all_cores']['jobs']} cores", results["all_cores"]))
    header = f"{'':32} {'sentences':>10} {'seconds':>9} {'sent/s':>9} {'peak MiB':>9}"
    print(header + f" {'start-up s':>10} {'sent/s after start-up':>22}")
    for label, row in rows:
        peak = row.get("peak_rss_mib")
        line = (
            f"{label:32} {row['sentences']:>10,} {row['seconds']:>9.1f} "
            f"{row['sentences_per_s']:>9,.0f} {peak if peak is not None else '':>9}"
        )
        if "startup_seconds" in row:
            line += f" {row['startup_seconds']:>10.1f} {row['steady_sentences_per_s']:>22,.0f}"
        print(line)
    if "outputs_identical" in results:
        print(f"1-core and all-core outputs identical: {results['outputs_identical']}")
    print(f"getrusage peaks (MiB): {results['maxrss_mib']}")
    for name, target in results["targets"].items():
        print(f"{name:26} {target['value']!s:>8} (target {target['target']}) {target['verdict']}")


def main(args: argparse.Namespace) -> int:
    """Run the benchmark, print the table, optionally write JSON; 0 even when a target fails."""
    if args.docs < 1 and args.corpus is None:
        print("error: --docs must be at least 1", file=sys.stderr)
        return 2
    results = run_benchmark(args)
    _print_results(results)
    if args.json is not None:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        write_text(json.dumps(results, indent=2) + "\n", args.json)
        print(f"wrote {args.json}")
    return 0
