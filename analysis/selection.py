"""Choosing which articles a notebook compares, the same way in every notebook."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from analysis.figures import OTHER_LABEL, fold_groups

GROUP_COLUMNS = ("outlet", "origin")


def select_sentences(
    sentences: pd.DataFrame,
    group_col: str,
    outlets: Iterable[str] | None,
    palette: dict[str, str],
) -> pd.DataFrame:
    """Keep the sentences of the chosen outlets, then fold groups without a colour into Other.

    ``outlets`` lists outlet names to keep (empty or None keeps all); unknown names are an error
    that lists the valid ones. Folding happens after filtering, so an outlet that would have been
    folded into "Other" can still be selected by name.
    """
    if group_col not in GROUP_COLUMNS:
        raise ValueError(f"group_by must be one of {GROUP_COLUMNS}, got {group_col!r}")
    wanted = [str(o) for o in (outlets or [])]
    if wanted:
        known = set(sentences["outlet"].astype(str))
        unknown = sorted(set(wanted) - known)
        if unknown:
            raise ValueError(f"outlets not in the corpus: {unknown}; valid names: {sorted(known)}")
        sentences = sentences[sentences["outlet"].astype(str).isin(wanted)]
    if sentences.empty:
        raise ValueError("no sentences left to compare")
    kept = [g for g in palette if g != OTHER_LABEL]
    folded = fold_groups(sentences[group_col], kept)
    return sentences.assign(**{group_col: folded.to_numpy()}).reset_index(drop=True)
