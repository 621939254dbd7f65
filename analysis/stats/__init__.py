"""Statistics: the hierarchical bootstrap and the comparisons between groups."""
