"""Statistics: the hierarchical bootstrap, intervals of a proportion and the comparisons between
groups."""

from analysis._lazy import lazy_exports

__getattr__, __dir__, __all__ = lazy_exports(
    __name__,
    {
        "bootstrap_ci": "bootstrap",
        "cliffs_delta": "comparisons",
        "permutation_test": "comparisons",
        "cluster_permutation_test": "comparisons",
        "holm": "comparisons",
        "pairwise_table": "comparisons",
        "wilson_interval": "proportions",
    },
)
