"""Sentiment: VADER and its news variant, actors, tone tables, findings and plots."""

from analysis._lazy import lazy_exports

__getattr__, __dir__, __all__ = lazy_exports(
    __name__,
    {
        "METHODS": "scoring",
        "score_sentences": "scoring",
        "add_sentiment": "scoring",
        "has_domain_term": "scoring",
        "load_news_terms": "scoring",
        "actor_table": "actors",
        "actor_matrix": "actors",
        "actors_for": "actors",
        "discover_actors": "discover",
        "discovered_names": "discover",
        "sentiment_by_group": "tables",
        "compound_column": "scoring",
        "sentiment_pairwise": "tables",
        "actor_tone": "tables",
        "document_tone": "tables",
        "sentiment_findings": "findings",
        "FIGURES": "plots",
        "arc_articles": "plots",
        "plot_actor_tone": "plots",
        "plot_sentence_tone": "plots",
        "plot_tone_arc": "plots",
        "plot_tone_shares": "plots",
        "plot_vader_vs_news": "plots",
    },
)
