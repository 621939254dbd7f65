"""What a worker process loads before its first chunk, once, in the fork server.

Where the local engine (:mod:`analysis.measure.engine`) does not fork its workers from the
command's own process (systems other than Linux that have a fork server, such as macOS), it
starts them from a fork server that imports this module first; every worker is then a fork of
a process that has done the work below, so a worker starts warm and the work is done once, not
once per worker:

* the modules of the per-document work (:data:`WORKER_MODULES`);
* NLTK without SciPy and scikit-learn (:func:`analysis.nltk_import.import_nltk_lean`): they
  are about two thirds of a worker's import time, and the per-document work never uses them;
* the caches that do not depend on a corpus's lexicons: Python's Unicode classes written out
  for RE2, the VADER lexicon, the Punkt tokenizer and the language identifier's model.

Nothing here changes a result: the same functions run, only earlier.
"""

from __future__ import annotations

import importlib

from analysis.nltk_import import import_nltk_lean

# The modules of the per-document work.
WORKER_MODULES = (
    "analysis.measure.engine",
    "analysis.measure.chunk",
    "analysis.corpus.documents",
    "analysis.sentiment.scoring",
    "analysis.sentiment.actors",
    "analysis.framing.tables",
)


def warm() -> None:
    """Import the per-document modules and fill the lexicon-independent caches."""
    import_nltk_lean()
    for name in WORKER_MODULES:
        importlib.import_module(name)
    from analysis.corpus.language import language_identifier
    from analysis.corpus.sentences import _count_word_re2, _punkt
    from analysis.lexicon import _short_edges, python_space_class, python_word_class
    from analysis.sentiment.vader import default_analyzer

    python_word_class()
    python_space_class()
    _short_edges()
    _count_word_re2()
    default_analyzer()
    _punkt()
    language_identifier()


warm()
