"""Compare how news outlets frame a story and what tone they take.

The public functions are imported lazily so that ``import analysis`` stays cheap (notebooks and
worker processes import it first thing).
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "load_corpus": "analysis.corpus.documents",
    "build_corpus": "analysis.corpus.documents",
    "sentence_table": "analysis.corpus.documents",
    "split_sentences": "analysis.corpus.sentences",
    "tokenize_words": "analysis.corpus.sentences",
    "score_sentences": "analysis.sentiment.scoring",
    "frame_matrix": "analysis.framing.frames",
    "bootstrap_ci": "analysis.stats.bootstrap",
}

__all__ = [*sorted(_EXPORTS), "__version__"]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'analysis' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
