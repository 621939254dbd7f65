"""The per-document work run once on a small made-up sample before a run starts its workers.

The per-document work builds what it needs on first use, once per process: the regexes
compiled from a run's lexicons (actors, news terms, sources, hedges), the line rules' screens,
Python's Unicode classes written out for RE2, the HTML extractor's modules, the language
guesser's tables and its identifier's model. In a run on several cores each process used to
build them before its first chunk: the first 500-document chunk of each process of a two-core
run on 2,000 synthetic documents took 1.03–1.19 s without this module and 0.91–1.03 s with it,
the whole run 2.21–2.34 s against 2.12–2.26 s (four interleaved pairs, 2026-12-01).

:func:`warm_up` builds them after the lexicons are checked and before the corpus is read. On
several processes where the local engine forks its workers (Linux), it first forks them, then
every process warms up at the same time, each building its own: a worker forked after the
command's process had built them shared those pages with it, and the command's process then
copied each page it touched again (about 25,000 page faults in its first two chunks against
12,000 without a worker, ~0.04–0.1 s of a 2 s run, on its critical path: it also writes every
chunk). A bad lexicon pattern still fails before any chunk is read. ``process``, the notebook
loader of a corpus file and ``bench throughput`` call it; the bench reports its time with the
rest of what happens before its clock starts.

Nothing here changes a result: the sample's result is thrown away, and what stays is
memoisation only. A chunk's result does not depend on the chunks its process handled before
(``--jobs 1`` and ``--jobs N`` give byte-identical outputs, and tests check it), so it cannot
depend on the sample either.
"""

from __future__ import annotations

import functools
import gc
import time
from typing import Any

import pandas as pd

# Made-up documents touching each stage: a menu, a share prompt and a photo credit for cleaning;
# quotes and attributions for sourcing; hedges; a curly apostrophe and an emoji, which the word
# counts read through tables of their own (:func:`analysis.corpus.sentences.count_words_many`);
# a saved web page for the HTML extractor; an empty language for the language guess.
_ARTICLE = """Home | World | Business | Markets

Council approves budget for new water plant

Photo: City archive

The city council approved on Tuesday a budget of $12 million for a new water treatment plant, \
officials said. "This is the most important investment in a decade," the mayor told reporters.

Critics warned the costs may rise and could delay other projects, according to a local \
residents’ association. The plant is expected to open in 2027. The mayor posted a photo of \
the site with a 💧 on Wednesday.

Share this article
"""

_PAGE = """<html><head><title>Harbour reopens after storm</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Harbour reopens after storm</h1>
<p>The harbour reopened on Monday after a storm closed it for three days, the port authority \
said in a statement.</p>
<p>Fishermen said they had lost income, and some suggested the repairs might take weeks.</p>
</article><footer>Subscribe to our newsletter</footer></body></html>
"""


def warm_up_documents() -> pd.DataFrame:
    """The made-up sample as raw documents (the columns the corpus readers give)."""
    from analysis.corpus.files import to_raw_docs

    columns = {
        "doc_id": ["warm-up-1", "warm-up-2"],
        "file": ["warm-up:1", "warm-up:2"],
        "outlet": ["Sample Outlet", "Other Outlet"],
        "origin": ["unknown", "unknown"],
        "title": ["", ""],
        "language": ["", "en"],
        "encoding": ["utf-8", "utf-8"],
        "raw_text": [_ARTICLE, _PAGE],
        "raw_format": ["", "html"],
    }
    return to_raw_docs(columns, 2)


def warm_up(fn: Any, *, quality: bool = True, jobs: int | None = 1, freeze: bool = False) -> float:
    """Run the chunk function ``fn`` on :func:`warm_up_documents`, with the per-document half of
    the quality flags when ``quality`` (as ``process`` runs it), and throw the result away;
    returns the seconds it took. Call it after the lexicons are checked and before the corpus
    is read.

    With ``jobs`` above one (``None``: every core) and workers that the engine forks, the run's
    workers are started first (:func:`analysis.measure.engine.worker_pool`, kept for the run)
    and each warms up too, at the same time as this process.

    ``freeze=True``: then every process of the run moves the objects it holds out of the
    garbage collector's reach (:func:`gc.freeze`): the modules, lexicons, compiled patterns and
    caches that live as long as the run. Otherwise the collector's first passes during the run
    go over them all again (22–28 ms per process on the synthetic corpus, between the command
    process's chunks and, in a worker, before it hands its last result over). A frozen object
    that later becomes unreachable in a reference cycle is never freed, so the process that
    asks for this undoes it for itself when the run ends (:func:`gc.unfreeze`, as ``process``
    does); a worker keeps its objects frozen, as they are its own and live as long as it."""
    from analysis.measure.engine import default_start_method, resolve_jobs, worker_pool

    started = time.perf_counter()
    n_jobs = resolve_jobs(jobs)
    waiting = []
    if n_jobs > 1 and default_start_method() == "fork":
        pool = worker_pool(n_jobs - 1, "fork", fn).pool
        task = (fn, quality, freeze)
        waiting = [pool.apply_async(warm_up_here, task) for _ in range(n_jobs - 1)]
    warm_up_here(fn, quality, freeze)
    for result in waiting:
        result.get()
    return time.perf_counter() - started


def warm_up_here(fn: Any, quality: bool, freeze: bool = False) -> None:
    """:func:`warm_up`'s work in the process that calls it (a worker's task, too)."""
    from analysis.measure.document_quality import checked_chunk
    from analysis.measure.engine import call_without_gc

    work = functools.partial(checked_chunk, fn=fn) if quality else fn  # as the run calls it
    call_without_gc(work, warm_up_documents())
    # the language identifier's model (about 0.4 s), which the sample's English never needs
    from analysis.corpus.language import language_identifier

    language_identifier()
    if freeze:
        gc.freeze()
