"""Framing: codebook frames, keyness, sourcing, hedging; their tables, findings and plots."""

from analysis._lazy import lazy_exports

__getattr__, __dir__, __all__ = lazy_exports(
    __name__,
    {
        "load_codebook": "codebook",
        "check_codebook": "codebook_check",
        "indicator_coverage": "coverage",
        "frame_matrix": "frames",
        "frame_hits": "frames",
        "add_framing": "tables",
        "frame_salience_table": "tables",
        "dominant_frames": "tables",
        "frame_cooccurrence": "tables",
        "frame_evidence": "tables",
        "article_frames": "tables",
        "article_frame_table": "tables",
        "article_frame_comparison": "tables",
        "plot_article_frames": "article_plots",
        "keyness_table": "keyness",
        "top_terms": "keyness",
        "sourcing_matrix": "sourcing",
        "sourcing_table": "sourcing",
        "hedging_counts": "hedging",
        "hedging_table": "hedging",
        "framing_findings": "findings",
        "article_frame_findings": "findings",
        "check_against_corrected": "corrected_differences",
        "coder_precision": "corrected_differences",
        "FIGURES": "plots",
        "plot_frame_heatmap": "plots",
        "plot_frame_salience": "plots",
        "plot_keyness": "plots",
        "plot_sourcing": "plots",
        "plot_hedging": "plots",
    },
)
