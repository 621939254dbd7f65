"""Corpus: reading folders and files, encoding repair, cleaning and its rules, sentences, tables."""

from analysis._lazy import lazy_exports

__getattr__, __dir__, __all__ = lazy_exports(
    __name__,
    {
        "clean_text": "cleaning",
        "split_sentences": "sentences",
        "tokenize_words": "sentences",
        "sentence_table": "documents",
        "Corpus": "documents",
        "CorpusError": "documents",
        "cleaning_summary": "tables",
        "write_corpus_tables": "tables",
        "corpus_size_table": "plots",
        "plot_corpus_size": "plots",
        "SHARED_TEXT_TABLE": "shared_stories",
        "copy_links": "shared_stories",
        "shared_text_table": "shared_stories",
        "group_column": "periods",
    },
)
