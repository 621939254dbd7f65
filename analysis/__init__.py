"""Compare how news outlets frame a story and what tone they take.

The public functions are imported lazily so that ``import analysis`` stays cheap (notebooks and
worker processes import it first thing):

- :func:`load_corpus`: the one way to load a corpus folder or file, as a :class:`Corpus`
  (documents, sentences, cleaning audit; with every per-sentence measure on request, cached);
- :func:`clean_text`: clean one article's raw text, with an audit of every line it touched;
- :func:`split_sentences`, :func:`tokenize_words`, :func:`sentence_table`: sentences and words;
- :func:`score_sentences`, :func:`frame_matrix`: per-sentence tone and frames;
- :func:`bootstrap_ci`: the one bootstrap for grouped estimates.

The stage subpackages (``analysis.corpus``, ``analysis.measure``, ``analysis.sentiment``,
``analysis.framing``, ``analysis.stats``, ...) hold the rest, for the pipeline and the notebooks.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "load_corpus": "analysis.loading",
    "Corpus": "analysis.corpus.documents",
    "CorpusError": "analysis.corpus.documents",
    "clean_text": "analysis.corpus.cleaning",
    "sentence_table": "analysis.corpus.documents",
    "split_sentences": "analysis.corpus.sentences",
    "tokenize_words": "analysis.corpus.sentences",
    "score_sentences": "analysis.sentiment.scoring",
    "frame_matrix": "analysis.framing.frames",
    "bootstrap_ci": "analysis.stats.bootstrap",
}

__all__ = [*sorted(_EXPORTS), "__version__"]


def __getattr__(name: str) -> Any:
    """Import a public name's module on first use (``analysis.load_corpus`` and the like)."""
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'analysis' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
