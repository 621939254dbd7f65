"""Report: findings, their wording, the written summary and the figure gallery."""

from analysis._lazy import lazy_exports

__getattr__, __dir__, __all__ = lazy_exports(
    __name__,
    {
        "Finding": "findings",
        "Evidence": "findings",
        "save_findings": "findings",
        "load_findings": "findings",
        "collect_findings": "collect",
        "require_tables": "collect",
        "show_findings": "findings_markdown",
        "findings_markdown": "findings_markdown",
        "language_notes": "group_languages",
        "partial_language_notes": "group_languages",
        "in_english": "group_languages",
        "quotable": "quotes",
        "figure_note": "group_languages",
        "summary_parameters": "summary",
        "write_summary": "summary",
        "write_gallery": "gallery",
        "notebook_defaults": "analysis.pipeline.params",
        "record_parameters": "table_parameters",
        "check_parameters": "table_parameters",
        "check_injected_parameters": "table_parameters",
        "recorded_parameters": "table_parameters",
        "summary_parameters_from_tables": "table_parameters",
    },
)
