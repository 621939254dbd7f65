"""What a chunk's work costs when it is cut into pieces after cleaning: the price of a finer
unit of work than a chunk.

On two cores at 2,000 documents the worker finishes its last chunk 0.1–0.2 s before the
command's process finishes its own (README, "Throughput and memory on large corpora"). A chunk
cannot be cut smaller before cleaning, which finds template lines within the chunk; after
cleaning, its documents could be cut into pieces and one of them handed to the idle worker.
Whether that can pay depends on what a piece costs beside its documents' own work, which
``bench throughput --piece-cost N`` measures on the benchmark's corpus:

* each chunk is read and cleaned once (:func:`analysis.corpus.documents.clean_documents`);
* then its clean documents are split into sentences and measured
  (:func:`analysis.corpus.documents.split_documents`,
  :func:`analysis.measure.chunk.measure_sentences`: what follows cleaning in
  :func:`analysis.measure.chunk.process_chunk`) whole, in 2 and in 4 pieces of consecutive
  documents, and on the chunk's first two documents alone (nearly all of that is cost per call);
* each is CPU time (``time.process_time``) in one fresh interpreter set up as a run is
  (:func:`analysis.bench.throughput.prepared_chunk_function`), best of N passes, the cuts
  interleaved within each pass. The sentences of the pieces are counted against the whole
  chunk's, so every cut measures the same work.
"""

from __future__ import annotations

import argparse
import itertools
import time
from pathlib import Path
from typing import Any

CUTS = (1, 2, 4)  # pieces per chunk


def _piece_bounds(n_docs: int, pieces: int) -> list[tuple[int, int]]:
    """``pieces`` consecutive ranges of row positions covering ``n_docs`` rows, as equal in
    length as they can be (empty ranges when there are fewer rows than pieces)."""
    cuts = [round(i * n_docs / pieces) for i in range(pieces + 1)]
    return list(itertools.pairwise(cuts))


def _piece_steps(corpus: Path, args: argparse.Namespace, repeat: int) -> dict[str, Any]:
    """:func:`piece_costs` in this interpreter (meant to be a fresh one)."""
    import gc

    from analysis.bench.throughput import prepared_chunk_function
    from analysis.corpus.documents import clean_documents, split_documents
    from analysis.corpus.files import read_chunks
    from analysis.measure.chunk import measure_sentences

    fn, _ = prepared_chunk_function(quality=True)
    options = {k: v for k, v in fn.keywords.items() if k in ("codebook", "lexicons", "actors")}
    cleaned = [
        clean_documents(chunk)[0]
        for chunk in read_chunks(corpus, args.column_map, args.chunk_size)[0]
    ]

    def measured(documents: Any, pieces: int) -> tuple[float, int]:
        """CPU seconds and sentences of ``documents`` split and measured in ``pieces``."""
        n_sentences = 0
        started = time.process_time()
        for start, stop in _piece_bounds(len(documents), pieces):
            if start == stop:  # fewer documents than pieces
                continue
            _, sentences = split_documents(documents.iloc[start:stop])
            n_sentences += len(measure_sentences(sentences, **options))
        return time.process_time() - started, n_sentences

    best: dict[str, list[float]] = {str(k): [float("inf")] * len(cleaned) for k in CUTS}
    best["two_documents"] = [float("inf")] * len(cleaned)
    sentences: dict[str, int] = {}
    enabled = gc.isenabled()
    gc.disable()  # as a run computes a chunk (analysis.measure.engine.call_without_gc)
    try:
        for _ in range(repeat):
            for i, documents in enumerate(cleaned):
                for pieces in CUTS:
                    seconds, n = measured(documents, pieces)
                    best[str(pieces)][i] = min(best[str(pieces)][i], seconds)
                    sentences[str(pieces)] = sentences.get(str(pieces), 0) + n
                seconds, _ = measured(documents.iloc[:2], 1)
                best["two_documents"][i] = min(best["two_documents"][i], seconds)
                gc.collect()
    finally:
        if enabled:
            gc.enable()
    if len(set(sentences.values())) > 1:
        raise AssertionError(f"the pieces gave other sentences than the whole chunks: {sentences}")
    totals = {name: round(sum(values), 4) for name, values in best.items()}
    whole = totals["1"]
    extra = {
        str(k): round((totals[str(k)] - whole) / (len(cleaned) * (k - 1)), 4)
        for k in CUTS
        if k > 1 and cleaned
    }
    return {
        "repeat": repeat,
        "chunks": len(cleaned),
        "docs": sum(len(documents) for documents in cleaned),
        "sentences": sentences.get("1", 0) // max(repeat, 1),
        "cpu_seconds": totals,  # over all chunks, per cut (and on two documents per chunk)
        "per_extra_piece": extra,  # seconds each piece beyond the first adds to a chunk
    }


def piece_costs(corpus: Path, args: argparse.Namespace) -> dict[str, Any]:
    """The CPU seconds of splitting and measuring every chunk's clean documents whole and cut
    into :data:`CUTS` pieces, best of ``args.piece_cost`` passes, in a fresh interpreter (it
    inherits no cache of this one)."""
    from analysis.bench.throughput import in_fresh_interpreter, reading_options

    picklable = reading_options(args)
    return in_fresh_interpreter(_piece_steps, corpus, picklable, args.piece_cost)


def piece_line(result: dict[str, Any]) -> str:
    """One line for the terminal."""
    cpu, extra = result["cpu_seconds"], result["per_extra_piece"]
    n = result["chunks"]
    cuts = ", ".join(f"in {k} pieces {cpu[str(k)]:.3f} s" for k in CUTS if k > 1)
    per_piece = ", ".join(f"{extra[str(k)] * 1000:.0f} ms" for k in CUTS if k > 1)
    return (
        f"a chunk cut into pieces after cleaning, CPU best of {result['repeat']} ({n} chunks, "
        f"{result['docs']:,} documents): split and measures whole {cpu['1']:.3f} s, {cuts}; "
        f"each extra piece {per_piece} (whole chunk {cpu['1'] / max(n, 1) * 1000:.0f} ms; "
        f"a chunk's first two documents alone {cpu['two_documents'] / max(n, 1) * 1000:.0f} ms)"
    )
