"""Sentiment tables: per group, per pair of groups, per actor (and pair of groups), per document.

Input is the sentences table (``doc_id, outlet, origin, sentence_id, sentence, n_words``) with
the columns :func:`analysis.sentiment.scoring.add_sentiment` adds (``neg, neu, pos, compound,
compound_news``). Every estimate comes with a seeded hierarchical bootstrap CI
(:func:`analysis.stats.bootstrap.bootstrap_ci`) and its ``n_docs`` and ``n_sentences``.

Measures: ``mean_compound`` (mean sentence compound score, −1 to +1) and the shares of
positive / neutral / negative sentences by VADER's conventional cut-offs (compound ≥ 0.05
positive, ≤ −0.05 negative). :mod:`analysis.sentiment.findings` puts these tables into words.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from analysis.config import MIN_ACTOR_SENTENCES, N_BOOT, N_PERM, SEED
from analysis.sentiment.actors import Actor, add_actors, default_lexicon
from analysis.sentiment.scoring import METHODS, compound_column, tone_class
from analysis.stats.bootstrap import BOOT_COLUMNS, bootstrap_ci
from analysis.stats.comparisons import ONE_ARTICLE, PAIRWISE_SUFFIX_COLUMNS, holm, pairwise_table

MEASURES = ("mean_compound", "share_positive", "share_neutral", "share_negative")
_SHARE_CLASS = {"share_positive": 1, "share_neutral": 0, "share_negative": -1}
_REQUIRED = ("doc_id", "sentence_id", "sentence")


def require_scores(sentences: pd.DataFrame, group_col: str, methods: Sequence[str]) -> None:
    """Raise a ``KeyError`` naming the fix when ``sentences`` lacks the columns the tables need.

    Those are ``doc_id, sentence_id, sentence``, ``group_col`` and the compound column of each
    of ``methods``: a table built from an unscored sentences table would fail later, less clearly.
    """
    if group_col not in sentences.columns:  # a mistyped group_by is no missing score
        from analysis.selection import check_group_by

        check_group_by(group_col, sentences.columns)  # the message lists the groupings
    cols = [*_REQUIRED, group_col, *(compound_column(m) for m in methods)]
    missing = [c for c in dict.fromkeys(cols) if c not in sentences.columns]
    if missing:
        raise KeyError(
            f"sentences table lacks {missing}; score it first with "
            "analysis.sentiment.scoring.add_sentiment"
        )


def _measure_frame(sentences: pd.DataFrame, group_col: str, method: str) -> pd.DataFrame:
    compound = sentences[compound_column(method)].to_numpy(dtype=float)
    cls = tone_class(compound)
    frame = pd.DataFrame(
        {"doc_id": sentences["doc_id"].to_numpy(), group_col: sentences[group_col].to_numpy()}
    )
    frame["mean_compound"] = compound
    for measure, value in _SHARE_CLASS.items():
        frame[measure] = (cls == value).astype(float)
    return frame


def sentiment_by_group(
    sentences: pd.DataFrame,
    group_col: str = "outlet",
    *,
    methods: Sequence[str] = METHODS,
    n_boot: int = N_BOOT,
    seed: int = SEED,
) -> pd.DataFrame:
    """Long table ``<group_col>, method, measure, estimate, ci_low, ci_high, n_docs,
    n_sentences``: mean compound and shares of positive / neutral / negative sentences."""
    require_scores(sentences, group_col, methods)
    parts = []
    for method in methods:
        frame = _measure_frame(sentences, group_col, method)
        for measure in MEASURES:
            res = bootstrap_ci(frame, measure, group_col, n_boot=n_boot, seed=seed)
            res.insert(1, "method", method)
            res.insert(2, "measure", measure)
            parts.append(res)
    columns = [group_col, "method", "measure", *BOOT_COLUMNS]
    if not parts:
        return pd.DataFrame(columns=columns)
    out = pd.concat(parts, ignore_index=True)
    order = {m: k for k, m in enumerate(MEASURES)}
    out["_m"] = out["measure"].map(order)
    out = out.sort_values([group_col, "method", "_m"], kind="stable").drop(columns="_m")
    return out[columns].reset_index(drop=True)


def sentiment_pairwise(
    sentences: pd.DataFrame,
    group_col: str = "outlet",
    *,
    methods: Sequence[str] = METHODS,
    n_boot: int = N_BOOT,
    n_perm: int = N_PERM,
    seed: int = SEED,
) -> pd.DataFrame:
    """Every pair of groups, per method: mean compound of each, difference with bootstrap CI,
    Cliff's delta, permutation p and Holm-adjusted p (within a method), sample sizes."""
    require_scores(sentences, group_col, methods)
    parts = [
        pairwise_table(
            sentences,
            compound_column(m),
            group_col,
            method=m,
            n_boot=n_boot,
            n_perm=n_perm,
            seed=seed,
        )
        for m in methods
    ]
    out = pd.concat(parts, ignore_index=True)
    return out.sort_values(
        [f"{group_col}_a", f"{group_col}_b", "method"], kind="stable"
    ).reset_index(drop=True)


def with_actor_columns(
    sentences: pd.DataFrame, lexicon: Sequence[Actor] | None = None
) -> pd.DataFrame:
    """The sentences table with ``actor_<key>`` columns (computed only if absent)."""
    actors = default_lexicon() if lexicon is None else tuple(lexicon)
    if all(a.column in sentences.columns for a in actors):
        return sentences
    return add_actors(sentences, actors)


def actor_tone(
    sentences: pd.DataFrame,
    group_col: str = "outlet",
    *,
    lexicon: Sequence[Actor] | None = None,
    methods: Sequence[str] = METHODS,
    n_boot: int = N_BOOT,
    seed: int = SEED,
) -> pd.DataFrame:
    """Mean compound of the sentences that mention each actor, per group and method.

    Columns ``<group_col>, actor, label, method, estimate, ci_low, ci_high, n_docs,
    n_sentences`` (n = sentences mentioning the actor). Groups with no mention of an actor have
    no row. This is the tone of the sentence around a mention, not the stance towards the actor.
    """
    require_scores(sentences, group_col, methods)
    actors = default_lexicon() if lexicon is None else tuple(lexicon)
    table = with_actor_columns(sentences, actors)
    parts = []
    for actor in actors:
        mentioned = table[table[actor.column].to_numpy(dtype=bool)]
        if mentioned.empty:
            continue
        for method in methods:
            res = bootstrap_ci(
                mentioned, compound_column(method), group_col, n_boot=n_boot, seed=seed
            )
            res.insert(1, "actor", actor.key)
            res.insert(2, "label", actor.label)
            res.insert(3, "method", method)
            parts.append(res)
    columns = [group_col, "actor", "label", "method", *BOOT_COLUMNS]
    if not parts:
        return pd.DataFrame(columns=columns)
    out = pd.concat(parts, ignore_index=True)
    rank = {a.key: k for k, a in enumerate(actors)}
    out["_a"] = out["actor"].map(rank)
    out = out.sort_values([group_col, "_a", "method"], kind="stable").drop(columns="_a")
    return out[columns].reset_index(drop=True)


def actor_tone_pairwise(
    sentences: pd.DataFrame,
    group_col: str = "outlet",
    *,
    lexicon: Sequence[Actor] | None = None,
    methods: Sequence[str] = METHODS,
    min_sentences: int = MIN_ACTOR_SENTENCES,
    n_boot: int = N_BOOT,
    n_perm: int = N_PERM,
    seed: int = SEED,
) -> pd.DataFrame:
    """Per actor, every pair of groups compared on the tone of the sentences mentioning it.

    The question "is X written about more negatively in A than in B?" asked of
    :func:`actor_tone`'s means: each actor's sentences go through :func:`sentiment_pairwise`
    (hierarchical bootstrap CI of the difference, permutation test by document when there are
    enough, Holm correction over every actor's pairs of a method: the more actors and groups, the
    stronger the evidence a difference needs). A group
    enters an actor's comparisons only with at least ``min_sentences`` sentences mentioning it
    (the actor findings' minimum) from more than one article (a group of one article is
    described, not compared: :data:`~analysis.stats.comparisons.ONE_ARTICLE`), so no pair rests
    on a handful of sentences or on one article, and the Holm correction counts only the pairs
    compared. Columns ``actor, label, <group_col>_a, <group_col>_b`` then
    :data:`~analysis.stats.comparisons.PAIRWISE_SUFFIX_COLUMNS`; an actor with fewer than two
    such groups has no row.
    """
    require_scores(sentences, group_col, methods)
    actors = default_lexicon() if lexicon is None else tuple(lexicon)
    table = with_actor_columns(sentences, actors)
    parts = []
    for actor in actors:
        mentioned = table[table[actor.column].to_numpy(dtype=bool)]
        if mentioned.empty:
            continue
        labels = mentioned[group_col].astype(str)
        sizes = mentioned.groupby(labels.to_numpy()).agg(
            n_sentences=("doc_id", "size"), n_docs=("doc_id", "nunique")
        )
        kept = sizes.index[
            (sizes["n_sentences"] >= min_sentences) & (sizes["n_docs"] > ONE_ARTICLE)
        ]
        if len(kept) < 2:
            continue
        pairs = sentiment_pairwise(
            mentioned[labels.isin(kept).to_numpy()],
            group_col,
            methods=methods,
            n_boot=n_boot,
            n_perm=n_perm,
            seed=seed,
        )
        pairs.insert(0, "actor", actor.key)
        pairs.insert(1, "label", actor.label)
        parts.append(pairs)
    columns = ["actor", "label", f"{group_col}_a", f"{group_col}_b", *PAIRWISE_SUFFIX_COLUMNS]
    if not parts:
        return pd.DataFrame(columns=columns)
    out = pd.concat(parts, ignore_index=True)[columns]
    # Holm over every actor's pairs of a method, not one actor's: with many actors and groups,
    # a correction within each actor still let chance differences through
    out["p_holm"] = out.groupby("method")["p_perm"].transform(lambda p: holm(p.to_numpy()))
    return out


def document_tone(sentences: pd.DataFrame, method: str = "vader") -> pd.DataFrame:
    """One row per document: ``doc_id, outlet, origin`` (those present), ``mean_compound``,
    ``share_positive, share_neutral, share_negative`` and ``n_sentences``."""
    require_scores(sentences, "doc_id", [method])
    keys = [c for c in ("doc_id", "outlet", "origin") if c in sentences.columns]
    frame = sentences[keys].copy()
    compound = sentences[compound_column(method)].to_numpy(dtype=float)
    cls = tone_class(compound)
    frame["mean_compound"] = compound
    for measure, value in _SHARE_CLASS.items():
        frame[measure] = (cls == value).astype(float)
    out = frame.groupby(keys, sort=True, observed=True, dropna=False).agg(
        mean_compound=("mean_compound", "mean"),
        share_positive=("share_positive", "mean"),
        share_neutral=("share_neutral", "mean"),
        share_negative=("share_negative", "mean"),
        n_sentences=("mean_compound", "size"),
    )
    return out.reset_index()
