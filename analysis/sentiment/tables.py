"""Sentiment tables and findings: per group, per pair of groups, per actor, per document.

Input is the sentences table (``doc_id, outlet, origin, sentence_id, sentence, n_words``) with
the columns :func:`analysis.sentiment.scoring.add_sentiment` adds (``neg, neu, pos, compound,
compound_news``). Every estimate comes with a seeded hierarchical bootstrap CI
(:func:`analysis.stats.bootstrap.bootstrap_ci`) and its ``n_docs`` and ``n_sentences``.

Measures: ``mean_compound`` (mean sentence compound score, −1 to +1) and the shares of
positive / neutral / negative sentences by VADER's conventional cut-offs (compound ≥ 0.05
positive, ≤ −0.05 negative).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from analysis.report.findings import Evidence, Finding
from analysis.sentiment.actors import Actor, add_actors, default_lexicon
from analysis.sentiment.scoring import METHODS, compound_column, tone_class
from analysis.stats.bootstrap import BOOT_COLUMNS, bootstrap_ci
from analysis.stats.comparisons import is_clear_difference, pairwise_table

MEASURES = ("mean_compound", "share_positive", "share_neutral", "share_negative")
_SHARE_CLASS = {"share_positive": 1, "share_neutral": 0, "share_negative": -1}
_REQUIRED = ("doc_id", "sentence_id", "sentence")


def _check(sentences: pd.DataFrame, group_col: str, methods: Sequence[str]) -> None:
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
    n_boot: int = 2000,
    seed: int = 0,
) -> pd.DataFrame:
    """Long table ``<group_col>, method, measure, estimate, ci_low, ci_high, n_docs,
    n_sentences``: mean compound and shares of positive / neutral / negative sentences."""
    _check(sentences, group_col, methods)
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
    n_boot: int = 2000,
    n_perm: int = 5000,
    seed: int = 0,
) -> pd.DataFrame:
    """Every pair of groups, per method: mean compound of each, difference with bootstrap CI,
    Cliff's delta, permutation p and Holm-adjusted p (within a method), sample sizes."""
    _check(sentences, group_col, methods)
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
    n_boot: int = 2000,
    seed: int = 0,
) -> pd.DataFrame:
    """Mean compound of the sentences that mention each actor, per group and method.

    Columns ``<group_col>, actor, label, method, estimate, ci_low, ci_high, n_docs,
    n_sentences`` (n = sentences mentioning the actor). Groups with no mention of an actor have
    no row. This is the tone of the sentence around a mention, not the stance towards the actor.
    """
    _check(sentences, group_col, methods)
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


def document_tone(sentences: pd.DataFrame, method: str = "vader") -> pd.DataFrame:
    """One row per document: ``doc_id, outlet, origin`` (those present), ``mean_compound``,
    ``share_positive, share_neutral, share_negative`` and ``n_sentences``."""
    _check(sentences, "doc_id", [method])
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


# -- findings -------------------------------------------------------------------------------


def _num(x: float, signed: bool = True) -> str:
    return f"{x:+.2f}" if signed else f"{x:.2f}"


def _pct(x: float) -> str:
    return f"{100 * x:.0f}%"


def _ci(low: float, high: float) -> str:
    return f"95% CI {_num(low)} to {_num(high)}"


def _articles(n_docs: int) -> str:
    return "this article" if n_docs == 1 else f"these {n_docs} articles"


def _evidence(
    sentences: pd.DataFrame, col: str, group_col: str, *, k: int, highest: bool
) -> list[Evidence]:
    """The ``k`` sentences with the highest (or lowest) score; ties broken by doc and position."""
    if sentences.empty:
        return []
    score = sentences[col].to_numpy(dtype=float)
    order = np.lexsort(
        (
            sentences["sentence_id"].to_numpy(),
            sentences["doc_id"].astype(str).to_numpy(),
            -score if highest else score,
        )
    )
    rows = sentences.iloc[order[:k]]
    return [
        Evidence(str(r["doc_id"]), int(r["sentence_id"]), str(r[group_col]), str(r["sentence"]))
        for _, r in rows.iterrows()
    ]


def _group_extremes(
    sentences: pd.DataFrame, col: str, group_col: str
) -> dict[str, tuple[list[Evidence], list[Evidence]]]:
    """Per group: (its highest-scoring sentence, its lowest), each as a one-item evidence list.

    Computed once per group, so the pairwise findings (one per pair of groups) do not rescan
    the sentences table for every pair.
    """
    labels = sentences[group_col].astype(str)
    out = {}
    for group, own in sentences.groupby(labels.to_numpy(), sort=True):
        out[str(group)] = (
            _evidence(own, col, group_col, k=1, highest=True),
            _evidence(own, col, group_col, k=1, highest=False),
        )
    return out


def _level_findings(
    by_group: pd.DataFrame, sentences: pd.DataFrame, group_col: str, method: str
) -> list[Finding]:
    col = compound_column(method)
    part = by_group[by_group["method"] == method]
    extremes = _group_extremes(sentences, col, group_col)
    out = []
    for group, rows in part.groupby(group_col, sort=True):
        m = rows.set_index("measure")
        mean = m.loc["mean_compound"]
        n_docs, n_sent = int(mean["n_docs"]), int(mean["n_sentences"])
        text = (
            f"In {_articles(n_docs)} from {group} ({n_sent} sentences), the mean sentence tone "
            f"({method}) was {_num(mean['estimate'])} ({_ci(mean['ci_low'], mean['ci_high'])}); "
            f"{_pct(m.loc['share_positive', 'estimate'])} of sentences were positive, "
            f"{_pct(m.loc['share_neutral', 'estimate'])} neutral and "
            f"{_pct(m.loc['share_negative', 'estimate'])} negative."
        )
        high, low = extremes.get(str(group), ([], []))
        evidence = high + low
        out.append(
            Finding(
                key=f"tone_level_{group}_{method}",
                section="tone",
                text=text,
                evidence=tuple(evidence),
                figures=("fig02_sentence_tone", "fig05_tone_shares"),
            )
        )
    return out


def _pairwise_findings(
    pairwise: pd.DataFrame, sentences: pd.DataFrame, group_col: str, method: str
) -> list[Finding]:
    col = compound_column(method)
    ga, gb = f"{group_col}_a", f"{group_col}_b"
    extremes = _group_extremes(sentences, col, group_col)
    out = []
    for _, r in pairwise[pairwise["method"] == method].iterrows():
        a, b = str(r[ga]), str(r[gb])
        sizes = (
            f"n = {int(r['n_sentences_a'])} sentences in {int(r['n_docs_a'])} article(s) vs "
            f"{int(r['n_sentences_b'])} in {int(r['n_docs_b'])}"
        )
        stats = (
            f"difference {_num(r['diff'])}, {_ci(r['diff_ci_low'], r['diff_ci_high'])}; "
            f"Cliff's delta {_num(r['cliffs_delta'])}; Holm-adjusted permutation "
            f"p = {r['p_holm']:.3f}; {sizes}"
        )
        clear = is_clear_difference(r)
        if clear:
            more, less = (a, b) if r["diff"] > 0 else (b, a)
            text = (
                f"Sentences in these articles from {more} were on average more positive in tone "
                f"({method}) than those from {less} ({stats})."
            )
        else:
            text = (
                f"No clear difference in mean sentence tone ({method}) between these articles "
                f"from {a} and from {b} ({stats})."
            )
        high_a = r["diff"] >= 0
        ev_a = extremes[a][0 if high_a else 1]
        ev_b = extremes[b][1 if high_a else 0]
        out.append(
            Finding(
                key=f"tone_pairwise_{a}_vs_{b}_{method}",
                section="tone",
                text=text,
                evidence=tuple(ev_a + ev_b),
                figures=("fig02_sentence_tone",),
                supported=clear,
            )
        )
    return out


def _method_finding(
    by_group: pd.DataFrame, pairwise: pd.DataFrame, sentences: pd.DataFrame, group_col: str
) -> Finding | None:
    if not {"vader", "vader-news"} <= set(by_group["method"]):
        return None
    means = by_group[by_group["measure"] == "mean_compound"].pivot(
        index=group_col, columns="method", values="estimate"
    )
    changed = sentences["compound"].to_numpy(dtype=float) != sentences["compound_news"].to_numpy(
        dtype=float
    )
    rank_v = means["vader"].sort_values(ascending=False, kind="stable").index.tolist()
    rank_n = means["vader-news"].sort_values(ascending=False, kind="stable").index.tolist()
    shifts = ", ".join(
        f"{g} {_num(means.loc[g, 'vader'])} → {_num(means.loc[g, 'vader-news'])}"
        for g in means.index
    )
    rank_text = (
        "the rank order of groups by mean tone is the same under both"
        if rank_v == rank_n
        else f"the rank order changes from {', '.join(map(str, rank_v))} (vader) to "
        f"{', '.join(map(str, rank_n))} (vader-news)"
    )
    n_clear = {
        m: int(sum(is_clear_difference(r) for _, r in pairwise[pairwise["method"] == m].iterrows()))
        for m in ("vader", "vader-news")
    }
    n_pairs = int((pairwise["method"] == "vader").sum())
    text = (
        f"Neutralising news-domain terms (vader-news) changed the score of {int(changed.sum())} "
        f"of {len(sentences)} sentences ({_pct(changed.mean() if len(sentences) else 0)}). "
        f"Mean tone by group, vader → vader-news: {shifts}; {rank_text}. Clear pairwise "
        f"differences: {n_clear['vader']} of {n_pairs} pairs with vader, "
        f"{n_clear['vader-news']} with vader-news."
    )
    delta = sentences.assign(_shift=np.abs(sentences["compound"] - sentences["compound_news"]))
    evidence = _evidence(delta[changed], "_shift", group_col, k=3, highest=True)
    return Finding(
        key="tone_method_sensitivity",
        section="tone",
        text=text,
        evidence=tuple(evidence),
        figures=("fig06_vader_vs_news",),
        supported=True,
    )


def _actor_findings(
    actor_df: pd.DataFrame,
    sentences: pd.DataFrame,
    group_col: str,
    method: str,
    lexicon: Sequence[Actor] | None,
    min_sentences: int,
) -> list[Finding]:
    col = compound_column(method)
    actors = default_lexicon() if lexicon is None else tuple(lexicon)
    table = with_actor_columns(sentences, actors)
    part = actor_df[actor_df["method"] == method]
    out = []
    for actor in actors:
        rows = part[(part["actor"] == actor.key) & (part["n_sentences"] >= min_sentences)]
        if rows.empty:
            continue
        pieces = [
            f"{r[group_col]} {_num(r['estimate'])} ({_ci(r['ci_low'], r['ci_high'])}; "
            f"n = {int(r['n_sentences'])} sentences, {int(r['n_docs'])} article(s))"
            for _, r in rows.iterrows()
        ]
        text = (
            f"Mean tone ({method}) of sentences mentioning {actor.label}: "
            + "; ".join(pieces)
            + f". Groups with fewer than {min_sentences} such sentences are left out. This is "
            "the tone of the sentences around the mention, not the outlet's stance towards "
            f"{actor.label}."
        )
        mentioned = table[table[actor.column].to_numpy(dtype=bool)]
        evidence = _evidence(mentioned, col, group_col, k=1, highest=True) + _evidence(
            mentioned, col, group_col, k=1, highest=False
        )
        out.append(
            Finding(
                key=f"actor_tone_{actor.key}_{method}",
                section="actors",
                text=text,
                evidence=tuple(evidence),
                figures=("fig04_actor_tone",),
            )
        )
    return out


def sentiment_findings(
    by_group: pd.DataFrame,
    pairwise: pd.DataFrame,
    actor_df: pd.DataFrame,
    sentences: pd.DataFrame,
    group_col: str = "outlet",
    *,
    method: str = "vader",
    lexicon: Sequence[Actor] | None = None,
    min_actor_sentences: int = 3,
) -> list[Finding]:
    """Plain-language findings from the three sentiment tables.

    Per group: level and shares. Per pair: a difference only when its CI excludes zero and the
    Holm-adjusted p is below .05, otherwise "no clear difference" (``supported=False``). One
    finding on how much the picture moves between vader and vader-news. Per actor: tone of
    sentences mentioning it. Evidence sentences are the most extreme by score (deterministic).
    """
    _check(sentences, group_col, METHODS if "compound_news" in sentences else [method])
    findings = _level_findings(by_group, sentences, group_col, method)
    findings += _pairwise_findings(pairwise, sentences, group_col, method)
    if "compound_news" in sentences.columns:
        sens = _method_finding(by_group, pairwise, sentences, group_col)
        if sens is not None:
            findings.append(sens)
    findings += _actor_findings(
        actor_df, sentences, group_col, method, lexicon, min_actor_sentences
    )
    return findings
