"""Compare how news outlets frame a story and what tone they take.

The public functions are imported lazily so that ``import analysis`` stays cheap (notebooks and
worker processes import it first thing):

- :func:`load_corpus`: the one way to load a corpus folder or file, as a :class:`Corpus`
  (documents, sentences, cleaning audit; with every per-sentence measure on request, cached);
- :func:`clean_text`: clean one article's raw text, with an audit of every line it touched;
- :func:`split_sentences`, :func:`tokenize_words`, :func:`sentence_table`: sentences and words;
- :func:`score_sentences`, :func:`frame_matrix`: per-sentence tone and frames;
- :func:`bootstrap_ci`: the one bootstrap for grouped estimates;
- :func:`write_table`: a deterministic, atomic CSV.

The stage subpackages (``analysis.corpus``, ``analysis.sentiment``, ``analysis.framing``,
``analysis.stats``, ``analysis.report``) list their public verbs the same way, so notebooks write
``from analysis import sentiment`` and call ``sentiment.sentiment_by_group(...)``.
"""

from __future__ import annotations

from analysis._lazy import lazy_exports

__version__ = "0.1.0"

__getattr__, __dir__, _names = lazy_exports(
    __name__,
    {
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
        "write_table": "analysis.io",
    },
)
__all__ = [*_names, "__version__"]
