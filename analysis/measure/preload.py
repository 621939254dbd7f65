"""What a worker process loads before its first chunk, once, in the fork server.

The local engine (:mod:`analysis.measure.engine`) starts its workers from a fork server that
imports this module first; every worker is then a fork of a process that has done the work
below, so a worker starts warm and the work is done once, not once per worker:

* the modules of the per-document work (:data:`WORKER_MODULES`);
* NLTK without SciPy and scikit-learn. ``import nltk`` imports the whole library, and with it
  SciPy's statistics and scikit-learn when they are installed (for collocation tests and
  classifier wrappers): about two thirds of a worker's import time. The per-document work uses
  only Punkt, the Treebank word tokenizer and VADER's constants, none of which touch them, so
  NLTK is imported here with the two hidden (its optional parts fall back as when they are not
  installed); they stay importable afterwards for any code that asks for them;
* the caches that do not depend on a corpus's lexicons: Python's Unicode classes written out
  for RE2, the VADER lexicon and the Punkt tokenizer.

Nothing here changes a result: the same functions run, only earlier.
"""

from __future__ import annotations

import importlib
import sys

# Optional dependencies of NLTK's package import that the per-document work never uses.
NLTK_HIDDEN = ("scipy", "sklearn")
# The modules of the per-document work.
WORKER_MODULES = (
    "analysis.measure.engine",
    "analysis.measure.chunk",
    "analysis.corpus.documents",
    "analysis.sentiment.scoring",
    "analysis.sentiment.actors",
    "analysis.framing.tables",
)


def import_nltk_lean() -> None:
    """Import NLTK with SciPy and scikit-learn hidden (unless one of them, or NLTK, is loaded).

    A ``None`` in ``sys.modules`` makes an import raise ``ImportError``, which NLTK catches for
    its optional dependencies; the entries are removed afterwards, so later imports work.
    """
    if "nltk" in sys.modules or any(name in sys.modules for name in NLTK_HIDDEN):
        importlib.import_module("nltk")
        return
    for name in NLTK_HIDDEN:
        sys.modules[name] = None  # type: ignore[assignment]
    try:
        importlib.import_module("nltk")
    finally:
        for name in NLTK_HIDDEN:
            if name in sys.modules and sys.modules[name] is None:
                del sys.modules[name]


def warm() -> None:
    """Import the per-document modules and fill the lexicon-independent caches."""
    import_nltk_lean()
    for name in WORKER_MODULES:
        importlib.import_module(name)
    from analysis.corpus.sentences import _count_word_re2, _punkt
    from analysis.lexicon import python_space_class, python_word_class
    from analysis.sentiment.vader import default_analyzer

    python_word_class()
    python_space_class()
    _count_word_re2()
    default_analyzer()
    _punkt()


warm()
