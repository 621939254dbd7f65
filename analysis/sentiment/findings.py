"""Sentiment findings: the tone tables put into plain sentences, with quoted evidence.

:func:`sentiment_findings` reads the tables of :mod:`analysis.sentiment.tables` (tone per group,
per pair of groups and per actor) and the scored sentences table, and returns
:class:`analysis.report.findings.Finding` objects whose every number comes from those tables. A
pairwise difference is stated only when its CI excludes zero and the Holm-adjusted p is below
.05 (:func:`analysis.stats.comparisons.is_clear_difference`); otherwise the finding says "no
clear difference" and is marked ``supported=False``. Evidence sentences are the most extreme by
score, ties broken by document and position, so the same tables give the same findings.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd

from analysis.config import MIN_ACTOR_SENTENCES
from analysis.framing.findings import unread_groups
from analysis.report.concentration import articles_per_group, mostly_one_article_note
from analysis.report.findings import Evidence, Finding
from analysis.report.quotes import same_text
from analysis.report.wording import and_list, articles, ci, count, num, pct, plural
from analysis.sentiment.actors import DISCOVERED, Actor, default_lexicon
from analysis.sentiment.plots import MAX_ACTORS_SHOWN, NO_ACTORS, actors_shown
from analysis.sentiment.scoring import CAPITALS_COLUMN, METHODS, compound_column
from analysis.sentiment.tables import require_scores, with_actor_columns
from analysis.sentiment.vader import load_lexicon
from analysis.stats.comparisons import (
    CLEAR_ALPHA,
    ONE_ARTICLE,
    SMALL_GROUP_DOCS,
    is_clear_difference,
    one_article_groups,
    one_article_note,
)

# a column of booleans: the sentences a quote is chosen from first (see sentiment_findings)
QUOTE_FIRST = "_quote_first"
ENGLISH = "_english"  # rows of articles in English (sentiment_findings's ``english``)


def _evidence(
    sentences: pd.DataFrame,
    col: str,
    group_col: str,
    *,
    k: int,
    highest: bool,
    note: Callable[[pd.Series], str] | None = None,
) -> list[Evidence]:
    """The ``k`` sentences with the highest (or lowest) score; ties broken by doc and position.

    ``note`` says, from a sentence's row, why it was chosen (shown beside the quote)."""
    if sentences.empty:
        return []
    score = sentences[col].to_numpy(dtype=float)
    keys = [
        sentences["sentence_id"].to_numpy(),
        sentences["doc_id"].astype(str).to_numpy(),
        -score if highest else score,
    ]
    if QUOTE_FIRST in sentences.columns:  # the sentences to quote first, then the others
        keys.append(~sentences[QUOTE_FIRST].to_numpy(dtype=bool))
    order = np.lexsort(keys)
    rows = sentences.iloc[order[:k]]
    return [
        Evidence(
            str(r["doc_id"]),
            int(r["sentence_id"]),
            str(r[group_col]),
            str(r["sentence"]),
            note(r) if note else "",
        )
        for _, r in rows.iterrows()
    ]


def _p_text(p: float) -> str:
    """ "= 0.404", or "< 0.001" for a p-value that three decimals would print as 0.000 (a
    permutation p is never 0: at least 1/(n_perm + 1))."""
    return "< 0.001" if p < 0.0005 else f"= {p:.3f}"


def _extreme_note(col: str, method: str, highest: bool, of: str) -> Callable[[pd.Series], str]:
    """The note ``"most positive sentence of BBC: vader +0.12"`` (``of`` is "of BBC"). A
    highest score that is not positive is the "highest-scoring" sentence, a lowest that is not
    negative the "lowest-scoring" one: a tester's quote read "most negative sentence mentioning
    X: vader +0.23"."""

    def note(r: pd.Series) -> str:
        score = float(r[col])
        if highest:
            which = "most positive" if score > 0 else "highest-scoring"
        else:
            which = "most negative" if score < 0 else "lowest-scoring"
        return f"{which} sentence {of}: {method} {num(score)}"

    return note


def _group_extremes(
    sentences: pd.DataFrame, col: str, group_col: str, method: str
) -> dict[str, tuple[list[Evidence], list[Evidence]]]:
    """Per group: (its highest-scoring sentence, its lowest), each as a one-item evidence list.

    Computed once per group, so the pairwise findings (one per pair of groups) do not rescan
    the sentences table for every pair.
    """
    labels = sentences[group_col].astype(str)
    out = {}
    for group, own in sentences.groupby(labels.to_numpy(), sort=True):
        of = f"of {group}"
        if len(own) == 1:  # its most positive sentence is its most negative one
            only = _evidence(
                own,
                col,
                group_col,
                k=1,
                highest=True,
                note=lambda r, g=group: f"the only sentence of {g}: {method} {num(float(r[col]))}",
            )
            out[str(group)] = (only, only)
            continue
        out[str(group)] = (
            _evidence(
                own, col, group_col, k=1, highest=True, note=_extreme_note(col, method, True, of)
            ),
            _evidence(
                own, col, group_col, k=1, highest=False, note=_extreme_note(col, method, False, of)
            ),
        )
    return out


def _shared_extremes(
    extremes: dict[str, tuple[list[Evidence], list[Evidence]]],
    sentences: pd.DataFrame,
    col: str,
    method: str,
) -> dict[str, tuple[list[Evidence], list[Evidence]]]:
    """``extremes`` (:func:`_group_extremes`) with the note of a sentence that is the most
    positive (or most negative) of several groups, word for word, naming them all under the
    first group by name ("most negative sentence of each of A, B and C, which all ran it: vader
    -0.79"); the summary quotes it there once and names it under the others
    (:func:`analysis.report.findings_markdown.findings_lines`). A tester's corpus of wire copy
    had one Reuters sentence quoted as the most negative of four outlets, each of which ran the
    story, and nothing said it was one sentence. A group of one sentence (its only sentence is
    both extremes) keeps its own note."""
    out = {group: [list(high), list(low)] for group, (high, low) in extremes.items()}
    for side, highest in ((0, True), (1, False)):
        sharing: dict[str, list[str]] = {}
        for group in sorted(extremes):
            high, low = extremes[group]
            if high is not low and len(extremes[group][side]) == 1:
                sharing.setdefault(same_text(extremes[group][side][0].text), []).append(group)
        for groups in sharing.values():
            if len(groups) < 2:
                continue
            ev = out[groups[0]][side][0]
            row = sentences[
                (sentences["doc_id"].astype(str) == ev.doc_id)
                & (sentences["sentence_id"].astype(int) == ev.sentence_id)
            ].iloc[0]
            note = _extreme_note(
                col, method, highest, f"of each of {and_list(groups)}, which all ran it"
            )
            out[groups[0]][side][0] = dataclasses.replace(ev, note=note(row))
    return {group: (high, low) for group, (high, low) in out.items()}


def _level_findings(
    by_group: pd.DataFrame, sentences: pd.DataFrame, group_col: str, method: str
) -> list[Finding]:
    col = compound_column(method)
    part = by_group[by_group["method"] == method]
    extremes = _shared_extremes(
        _group_extremes(sentences, col, group_col, method), sentences, col, method
    )
    group_articles = articles_per_group(sentences, group_col)
    scored = sentences[sentences[col].notna()] if col in sentences.columns else sentences
    own = {str(g): rows["doc_id"] for g, rows in scored.groupby(group_col, sort=True)}
    out = []
    for group, rows in part.groupby(group_col, sort=True):
        m = rows.set_index("measure")
        mean = m.loc["mean_compound"]
        n_docs, n_sent = int(mean["n_docs"]), int(mean["n_sentences"])
        text = (
            f"In {articles(n_docs, 'these')} from {group} ({n_sent} "
            f"sentence{'' if n_sent == 1 else 's'}), the mean "
            f"sentence tone ({method}) was {num(mean['estimate'])} "
            f"({ci(mean['ci_low'], mean['ci_high'])}); "
            f"{pct(m.loc['share_positive', 'estimate'])} of sentences were positive, "
            f"{pct(m.loc['share_neutral', 'estimate'])} neutral and "
            f"{pct(m.loc['share_negative', 'estimate'])} negative."
            + mostly_one_article_note(
                {str(group): own.get(str(group), pd.Series(dtype=str))}, group_articles
            )
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
                groups=(str(group),),
                extremes=True,
            )
        )
    return out


def _oriented(r: pd.Series, group_col: str) -> dict[str, object]:
    """A pairwise row turned so that the first-named group has the higher (or equal) mean.

    Every stated difference is "first − second": its sign, interval and Cliff's delta then agree
    with the order of the words, whatever the pair order of the table.
    """
    a, b = str(r[f"{group_col}_a"]), str(r[f"{group_col}_b"])
    flip = float(r["diff"]) < 0
    return {
        "first": b if flip else a,
        "second": a if flip else b,
        "diff": -float(r["diff"]) if flip else float(r["diff"]),
        "low": -float(r["diff_ci_high"]) if flip else float(r["diff_ci_low"]),
        "high": -float(r["diff_ci_low"]) if flip else float(r["diff_ci_high"]),
        "delta": -float(r["cliffs_delta"]) if flip else float(r["cliffs_delta"]),
        "n_first": (int(r["n_sentences_b"]), int(r["n_docs_b"]))
        if flip
        else (int(r["n_sentences_a"]), int(r["n_docs_a"])),
        "n_second": (int(r["n_sentences_a"]), int(r["n_docs_a"]))
        if flip
        else (int(r["n_sentences_b"]), int(r["n_docs_b"])),
    }


def _pairwise_findings(
    pairwise: pd.DataFrame, sentences: pd.DataFrame, group_col: str, method: str
) -> list[Finding]:
    col = compound_column(method)
    extremes = _group_extremes(sentences, col, group_col, method)
    out = []
    for _, r in _compared_pairs(pairwise[pairwise["method"] == method]).iterrows():
        o = _oriented(r, group_col)
        first, second = str(o["first"]), str(o["second"])
        (ns1, nd1), (ns2, nd2) = o["n_first"], o["n_second"]
        sizes = f"n = {count(ns1, 'sentence')} in {articles(nd1)} vs {ns2:,} in {articles(nd2)}"
        stats = (
            f"difference {first} − {second} {num(o['diff'])}, {ci(o['low'], o['high'])}; "
            f"Cliff's delta {num(o['delta'])}; Holm-adjusted permutation "
            f"p {_p_text(float(r['p_holm']))}; {sizes}"
        )
        clear = is_clear_difference(r)
        ci_excludes_zero = o["low"] > 0 or o["high"] < 0
        if clear:
            text = (
                f"Sentences in these articles from {first} were on average more positive in "
                f"tone ({method}) than those from {second} ({stats})."
            )
            text += _scope_note(r, nd1, nd2, group_col)
        elif ci_excludes_zero:
            text = (
                f"No clear difference in mean sentence tone ({method}) between these articles "
                f"from {first} and from {second}: the 95% CI of the difference excludes zero, but "
                f"the Holm-adjusted permutation test does not reject at 0.05 ({stats})."
            )
        else:
            # a small p beside "no clear difference" read as a contradiction to a journalist
            rejects = float(r["p_holm"]) < CLEAR_ALPHA
            though = (
                ", though the permutation test rejects at 0.05 (a difference must pass both)"
                if rejects
                else ""
            )
            text = (
                f"No clear difference in mean sentence tone ({method}) between these articles "
                f"from {first} and from {second}: the 95% CI of the difference includes zero"
                f"{though} ({stats})."
            )
        ev_first = extremes[first][0]
        ev_second = extremes[second][1]
        out.append(
            Finding(
                key=f"tone_pairwise_{r[group_col + '_a']}_vs_{r[group_col + '_b']}_{method}",
                section="tone",
                text=text,
                evidence=tuple(ev_first + ev_second),
                figures=("fig02_sentence_tone",),
                supported=clear,
                groups=(first, second),
            )
        )
    return out


def _scope_note(r: pd.Series, nd1: int, nd2: int, group_col: str) -> str:
    """What a clear difference of pairwise row ``r`` (groups of ``nd1`` and ``nd2`` articles)
    speaks for: " ... this describes these articles, not the outlets' coverage." when the test
    shuffled sentences or the smaller group has fewer than
    :data:`~analysis.stats.comparisons.SMALL_GROUP_DOCS` articles, else "" (a finding cited
    alone carries this)."""
    if str(r.get("perm_unit", "")) == "sentence":
        return (
            f" With {articles(nd1)} and {articles(nd2)}, too few to shuffle, the test "
            "shuffled sentences, not articles: this describes these articles, not the "
            f"{plural(group_col)}' coverage."
        )
    if min(nd1, nd2) < SMALL_GROUP_DOCS:
        return (
            f" With {articles(min(nd1, nd2))} in the smaller group, this describes these "
            f"articles, not the {plural(group_col)}' coverage."
        )
    return ""


def _compared_pairs(pairwise: pd.DataFrame) -> pd.DataFrame:
    """The rows of ``pairwise`` whose groups both hold more than one article: a group of one
    article is described, not compared (:data:`~analysis.stats.comparisons.ONE_ARTICLE`)."""
    if pairwise.empty:
        return pairwise
    several = (pairwise["n_docs_a"] > ONE_ARTICLE) & (pairwise["n_docs_b"] > ONE_ARTICLE)
    return pairwise[several]


def capitals_finding(sentences: pd.DataFrame, group_col: str) -> Finding | None:
    """How many sentences were written in capitals and so scored as if in lower case (column
    ``all_caps``, :func:`analysis.sentiment.scoring.in_capitals`), by group; None when none
    was (or the table predates the column). A tester's headlines set in capitals had been
    scored with VADER's emphasis boost wherever a number or the outlet's name stood in them,
    and nothing said how many there were."""
    if CAPITALS_COLUMN not in sentences.columns or sentences.empty:
        return None
    caps = sentences[CAPITALS_COLUMN].astype("boolean").fillna(False).to_numpy(dtype=bool)
    if not caps.any():
        return None
    per_group = sentences.loc[caps, group_col].astype(str).value_counts()
    per_group = per_group.sort_index().sort_values(ascending=False, kind="stable")
    groups = ", ".join(f"{g} {n}" for g, n in per_group.items())
    text = (
        f"{count(int(caps.sum()), 'sentence')} of {len(sentences)} ({pct(caps.mean())}) are "
        f"written in capitals, as headlines often are ({groups}; column {CAPITALS_COLUMN} of "
        "sentences.csv). They were scored as if in lower case: VADER reads a word in capitals "
        "as emphasis only beside words that are not, and a number or an outlet's name beside "
        "them would have made it add that emphasis to every word."
    )
    return Finding(
        key="tone_capitals",
        section="tone",
        text=text,
        groups=tuple(per_group.index),
    )


def _one_article_finding(sentences: pd.DataFrame, group_col: str, method: str) -> Finding | None:
    """With two groups or more, some of one article: a finding naming those, whose tone is
    described above and compared with no other group (an interval from the sentences of one
    article describes that article only); None otherwise."""
    if sentences[group_col].nunique() < 2:
        return None
    singles = sorted(one_article_groups(sentences, group_col))
    if not singles:
        return None
    return Finding(
        key=f"tone_one_article_{method}",
        section="tone",
        text=(
            f"{one_article_note(singles)} with the other {plural(group_col)} in tone "
            f"({method}): an interval from the sentences of one article describes that article "
            "only. Their pairs stay in sentiment_pairwise.csv, with a note."
        ),
        figures=("fig02_sentence_tone",),
        groups=tuple(singles),
    )


def _method_finding(
    by_group: pd.DataFrame, pairwise: pd.DataFrame, sentences: pd.DataFrame, group_col: str
) -> Finding | None:
    if not {"vader", "vader-news"} <= set(by_group["method"]):
        return None
    means = by_group[by_group["measure"] == "mean_compound"].pivot(
        index=group_col, columns="method", values="estimate"
    )
    # Sentences of articles not in English, and groups mostly of them, are read as English by
    # neither method: they would count as "unchanged" and rank by words spelt as English ones.
    english = sentences[ENGLISH] if ENGLISH in sentences.columns else None
    unread = unread_groups(sentences, group_col, english)
    read = np.ones(len(sentences), dtype=bool) if english is None else english.to_numpy(bool)
    if unread:
        means = means[~means.index.astype(str).isin(unread)]
        names = set(means.index.astype(str))
        pairwise = pairwise[
            pairwise[f"{group_col}_a"].astype(str).isin(names)
            & pairwise[f"{group_col}_b"].astype(str).isin(names)
        ]
    sentences = sentences[read]
    changed = sentences["compound"].to_numpy(dtype=float) != sentences["compound_news"].to_numpy(
        dtype=float
    )
    which = " in English" if not read.all() else ""
    left_out = (
        f" Not compared: {', '.join(sorted(unread))} (mostly not in English)." if unread else ""
    )
    rank_v = means["vader"].sort_values(ascending=False, kind="stable").index.tolist()
    rank_n = means["vader-news"].sort_values(ascending=False, kind="stable").index.tolist()
    shifts = ", ".join(
        f"{g} {num(means.loc[g, 'vader'])} → {num(means.loc[g, 'vader-news'])}" for g in means.index
    )
    pairwise = _compared_pairs(pairwise)  # a group of one article is not compared
    n_clear = {
        m: int(sum(is_clear_difference(r) for _, r in pairwise[pairwise["method"] == m].iterrows()))
        for m in ("vader", "vader-news")
    }
    n_pairs = int((pairwise["method"] == "vader").sum())
    text = (
        f"Neutralising news-domain terms (vader-news) changed the score of {int(changed.sum())} "
        f"of {len(sentences)} sentences{which} ({pct(changed.mean() if len(sentences) else 0)}). "
    )
    if means.empty:
        text += left_out.strip()
    elif len(means) < 2:  # one group: no order of groups, no pair to compare
        text += f"Mean tone, vader → vader-news: {shifts}.{left_out}"
    else:
        rank_text = (
            "the rank order of groups by mean tone is the same under both"
            if rank_v == rank_n
            else f"the rank order changes from {', '.join(map(str, rank_v))} (vader) to "
            f"{', '.join(map(str, rank_n))} (vader-news)"
        )
        clear = (
            f" Clear pairwise differences: {n_clear['vader']} of {n_pairs} "
            f"{'pair' if n_pairs == 1 else 'pairs'} with vader, {n_clear['vader-news']} with "
            "vader-news."
            if n_pairs
            else ""
        )
        text += f"Mean tone by group, vader → vader-news: {shifts}; {rank_text}.{clear}{left_out}"
    delta = sentences.assign(_shift=np.abs(sentences["compound"] - sentences["compound_news"]))
    evidence = _evidence(
        delta[changed],
        "_shift",
        group_col,
        k=3,
        highest=True,
        note=lambda r: (
            f"vader {num(float(r['compound']))} → vader-news {num(float(r['compound_news']))}"
        ),
    )
    return Finding(
        key="tone_method_sensitivity",
        section="tone",
        text=text,
        evidence=tuple(evidence),
        figures=("fig06_vader_vs_news",),
        supported=True,
    )


def _single_group_finding(sentences: pd.DataFrame, group_col: str) -> Finding | None:
    """With fewer than two groups, a finding saying there is no second group to compare."""
    groups = sorted(sentences[group_col].astype(str).unique())
    if len(groups) >= 2:
        return None
    which = f" ({groups[0]})" if groups else ""
    return Finding(
        key="tone_single_group",
        section="tone",
        text=(
            f"Only one {group_col}{which} is in these articles: there is no second group to "
            "compare its tone with, so no difference between groups is reported."
        ),
        figures=("fig02_sentence_tone",),
    )  # names no groups: it measures nothing a note on a group's language would qualify


def _actor_findings(
    actor_df: pd.DataFrame,
    sentences: pd.DataFrame,
    group_col: str,
    method: str,
    lexicon: Sequence[Actor] | None,
    min_sentences: int,
    actor_pairwise: pd.DataFrame | None = None,
) -> list[Finding]:
    col = compound_column(method)
    actors = default_lexicon() if lexicon is None else tuple(lexicon)
    table = with_actor_columns(sentences, actors)
    part = actor_df[actor_df["method"] == method]
    drawn = set(actors_shown(part))
    group_articles = articles_per_group(sentences, group_col)
    out = []
    for actor in actors:
        rows = part[(part["actor"] == actor.key) & (part["n_sentences"] >= min_sentences)]
        if rows.empty:
            continue
        in_figure = actor.label in drawn
        pieces = [
            f"{r[group_col]} {num(r['estimate'])} ({ci(r['ci_low'], r['ci_high'])}; "
            f"n = {count(r['n_sentences'], 'sentence')}, {articles(int(r['n_docs']))})"
            for _, r in rows.iterrows()
        ]
        # Evidence only from the groups this finding reports on.
        shown = table[group_col].astype(str).isin(rows[group_col].astype(str))
        mentioned = table[table[actor.column].to_numpy(dtype=bool) & shown.to_numpy()]
        text = (
            f"Mean tone ({method}) of sentences mentioning {actor.label}: "
            + "; ".join(pieces)
            + "."
            + _shared_surname_note(actor)
            + _actor_difference_text(actor_pairwise, actor, rows, group_col, method)
            + _same_sentences_note(rows, mentioned, group_col)
            + f" Groups with fewer than {min_sentences} such sentences are left out. This is "
            "the tone of the sentences around the mention, not the "
            f"{group_col}'s stance towards {actor.label}."  # a tester's lean run: "the outlet's"
            + mostly_one_article_note(
                {str(g): rows["doc_id"] for g, rows in mentioned.groupby(group_col, sort=True)},
                group_articles,
            )
            + (_name_tone_note(actor) if method == "vader" else "")
            + _surrounding_name_note(actor, mentioned["sentence"].astype(str).tolist())
            + (
                ""
                if in_figure
                else f" It is not drawn in the actor figure, which shows the {MAX_ACTORS_SHOWN} "
                "actors in most sentences."
            )
        )
        of = f"mentioning {actor.label}"
        evidence = _evidence(
            mentioned, col, group_col, k=1, highest=True, note=_extreme_note(col, method, True, of)
        ) + _evidence(
            mentioned,
            col,
            group_col,
            k=1,
            highest=False,
            note=_extreme_note(col, method, False, of),
        )
        out.append(
            Finding(
                key=f"actor_tone_{actor.key}_{method}",
                section="actors",
                text=text,
                evidence=tuple(evidence),
                figures=("fig04_actor_tone",) if in_figure else (),
                groups=tuple(rows[group_col].astype(str)),
                extremes=True,
            )
        )
    if not out:
        out.append(_no_actor_finding(part, method, min_sentences))
    return out


def _shared_surname_note(actor: Actor) -> str:
    """A sentence saying that a discovered actor's name is the surname of two or more full
    names of the corpus (:attr:`~analysis.sentiment.actors.Actor.surname_of`), or "": a
    tester's summary gave "the tone of sentences mentioning Delgado" as if about one person,
    where the mayor Maria Delgado and the union's president Tomás Delgado both were."""
    owners = actor.surname_of
    if len(owners) < 2:
        return ""
    which = "either" if len(owners) == 2 else "any of them"
    return (
        f" {actor.label} is the surname of {and_list(owners)} in these articles: its sentences "
        f"may be about {which}."
    )


def _actor_difference_text(
    actor_pairwise: pd.DataFrame | None,
    actor: Actor,
    rows: pd.DataFrame,
    group_col: str,
    method: str,
) -> str:
    """One sentence per clear difference between groups in the tone of the sentences mentioning
    ``actor`` (rows of :func:`analysis.sentiment.tables.actor_tone_pairwise`), under tone's rule
    (:func:`~analysis.stats.comparisons.is_clear_difference`: CI excludes zero and Holm p below
    .05), between groups the finding reports (``rows``) of more than one article; "" when there
    is none, so a finding without one says no more than the means."""
    if actor_pairwise is None or actor_pairwise.empty:
        return ""
    reported = set(rows[group_col].astype(str))
    part = actor_pairwise[
        (actor_pairwise["actor"].astype(str) == actor.key)
        & (actor_pairwise["method"] == method)
        & actor_pairwise[f"{group_col}_a"].astype(str).isin(reported)
        & actor_pairwise[f"{group_col}_b"].astype(str).isin(reported)
    ]
    out = ""
    for _, r in _compared_pairs(part).iterrows():
        if not is_clear_difference(r):
            continue
        o = _oriented(r, group_col)
        first, second = str(o["first"]), str(o["second"])
        (ns1, nd1), (ns2, nd2) = o["n_first"], o["n_second"]
        out += (
            f" Sentences mentioning {actor.label} in these articles from {second} were on "
            f"average more negative in tone ({method}) than those from {first} (difference "
            f"{first} − {second} {num(o['diff'])}, {ci(o['low'], o['high'])}; Cliff's delta "
            f"{num(o['delta'])}; permutation p {_p_text(float(r['p_holm']))}, Holm-adjusted "
            f"over every actor's pairs; n = {count(ns1, 'sentence')} in {articles(nd1)} vs "
            f"{ns2:,} in {articles(nd2)})." + _scope_note(r, nd1, nd2, group_col)
        )
    return out


def _same_sentences_note(rows: pd.DataFrame, mentioned: pd.DataFrame, group_col: str) -> str:
    """ " The figures of A and B rest on the same 5 sentences in each, word for word: ..." for
    each set of groups (``rows``: one method's actor rows) whose sentences mentioning the actor
    (``mentioned``) are the same texts, as many as each row counts, or "". A tester's wire
    copy gave three outlets "-0.48 (n = 5 sentences, 2 articles)" around Georgia, the same five
    sentences of one AP story in each, and nothing said the three figures were one. Decided
    from the texts alone (:func:`analysis.report.quotes.same_text`): a group with one sentence
    of its own, or a row whose count differs from its sentences, is never said to share."""
    texts = {
        str(group): tuple(sorted(same_text(t) for t in own["sentence"].astype(str)))
        for group, own in mentioned.groupby(mentioned[group_col].astype(str), sort=True)
    }
    sharing: dict[tuple[str, ...], list[str]] = {}
    for _, r in rows.iterrows():
        own = texts.get(str(r[group_col]), ())
        if own and len(own) == int(r["n_sentences"]):
            sharing.setdefault(own, []).append(str(r[group_col]))
    notes = [
        f" The figures of {and_list(groups)} rest on the same "
        f"{'sentence' if len(same) == 1 else count(len(same), 'sentence')} in each, word for "
        f"word: one measurement repeated, not {len(groups)} independent ones."
        for same, groups in sharing.items()
        if len(groups) > 1
    ]
    return "".join(notes)


def _name_tone_note(actor: Actor) -> str:
    """A sentence naming the actor's names that hold a word VADER rates (" A name of United
    States holds a word VADER rates, “United States” (united +1.8): ..."), or "": the actor
    named by its label, as a person is not "it". A reviewer's summary
    reported the United States' tone from sentences each raised by "united"; vader-news leaves
    out the names on its term list (:mod:`analysis.sentiment.scoring`)."""
    lexicon = load_lexicon()
    rated = []
    for name in sorted({*actor.patterns, *actor.cased}, key=str.lower):
        words = [(w, lexicon[w]) for w in re.findall(r"[a-z]+", name.lower()) if w in lexicon]
        if words:
            valences = ", ".join(f"{w} {v:+.1f}".replace("-", "−") for w, v in words)
            rated.append((f"“{name}” ({valences})", sum(v for _, v in words)))
    if not rated:
        return ""
    signs = {total > 0 for _, total in rated}
    moves = "raises" if signs == {True} else "lowers" if signs == {False} else "moves"
    return (
        f" A name of {actor.label} holds a word VADER rates, "
        f"{'; '.join(n for n, _ in rated)}: the name "
        f"itself {moves} the tone of every sentence that uses it (vader-news leaves out the "
        "names on its term list)."
    )


# capitalised words right before and after a mention: the longer name it is written in
_NAME_BEFORE = re.compile(r"(?:[A-Z][\w'’.&-]*\s+)+$")
_NAME_AFTER = re.compile(r"^(?:\s+[A-Z][\w'’.&-]*)+")


# a word of four letters or more; see _is_title_case
_LONG_WORD = re.compile(r"[^\W\d_][\w'’-]{3,}")


def _is_title_case(text: str) -> bool:
    """Whether every word of four letters or more in ``text`` starts with a capital, and there
    are at least three of them: a headline's case, which prose does not use (the rule of
    :func:`analysis.corpus.cleaning._is_title_case`)."""
    words = _LONG_WORD.findall(text)
    return len(words) >= 3 and all(word[0].isupper() for word in words)


def _surrounding_name_note(actor: Actor, texts: Sequence[str]) -> str:
    """A sentence naming the longer names a mention of ``actor`` is written in whose other
    words VADER rates ("Save Harlow Creek": save +2.2), with how many of the sentences mentioning
    it hold one, or "": a tester's "tone around Harlow Creek" of +0.43 came from three of five
    sentences naming the group "Save Harlow Creek", and was +0.13 without the name's word. A
    sentence in title case is a headline, whose capitals make no name ("Crime Numbers Up
    Under Delgado", "O'Neill Endorses Van der Berg": a tester's summary read both as names),
    and is left out; the advice to give an actor list is for a run
    of discovered actors (:data:`~analysis.sentiment.actors.DISCOVERED`) only."""
    from analysis.sentiment.actors import actor_regex

    lexicon = load_lexicon()
    own = {
        w for name in (*actor.patterns, *actor.cased) for w in re.findall(r"[a-z]+", name.lower())
    }
    found: dict[str, str] = {}
    n_sentences = 0
    for text in texts:
        hit = False
        if _is_title_case(text):
            continue
        for match in actor_regex(actor).finditer(text):
            before = _NAME_BEFORE.search(text[: match.start()])
            after = _NAME_AFTER.match(text[match.end() :])
            name = (before.group(0) if before else "") + match.group(0)
            name = (name + (after.group(0) if after else "")).strip()
            words = [
                (w, lexicon[w])
                for w in re.findall(r"[a-z]+", name.lower())
                if w in lexicon and w not in own
            ]
            if words:
                hit = True
                found.setdefault(
                    name, ", ".join(f"{w} {v:+.1f}".replace("-", "−") for w, v in words)
                )
        n_sentences += hit
    if not found:
        return ""
    names = "; ".join(f"“{name}” ({words})" for name, words in sorted(found.items()))
    return (
        f" In {n_sentences} of the {len(texts)} sentences mentioning {actor.label}, the mention "
        "is part "
        f"of a longer name holding a word VADER rates, {names}: that word moves those "
        "sentences' tone (put the name on vader-news's term list"
        + (", or give an actor list)." if actor.note.startswith(DISCOVERED) else ").")
    )


def _no_actor_finding(part: pd.DataFrame, method: str, min_sentences: int) -> Finding:
    """Why no actor finding was made: no actor is mentioned, or too rarely in every group."""
    if part.empty:
        key, text = f"actor_tone_none_{method}", NO_ACTORS
    else:
        key = f"actor_tone_sparse_{method}"
        text = (
            "The actors are mentioned in fewer than "
            f"{min_sentences} sentences of every group in these articles: too few to report the "
            "tone around their mentions."
        )
    return Finding(key=key, section="actors", text=text, figures=("fig04_actor_tone",))


def sentiment_findings(
    by_group: pd.DataFrame,
    pairwise: pd.DataFrame,
    actor_df: pd.DataFrame,
    sentences: pd.DataFrame,
    group_col: str = "outlet",
    *,
    method: str = "vader",
    lexicon: Sequence[Actor] | None = None,
    min_actor_sentences: int = MIN_ACTOR_SENTENCES,
    quote_first: pd.Series | None = None,
    english: pd.Series | None = None,
    actor_pairwise: pd.DataFrame | None = None,
) -> list[Finding]:
    """Plain-language findings from the three sentiment tables (and, when given, the actor
    pairwise table of :func:`analysis.sentiment.tables.actor_tone_pairwise`).

    Per group: level and shares. Per pair: a difference only when its CI excludes zero and the
    Holm-adjusted p is below .05, otherwise "no clear difference" (``supported=False``). One
    finding on how much the picture moves between vader and vader-news. Per actor: tone of
    sentences mentioning it, and a difference between two groups under the same rule as
    tone's when ``actor_pairwise`` shows one. Evidence sentences are the most extreme by score
    (deterministic); ``quote_first`` (booleans by row of ``sentences``, e.g.
    :func:`analysis.report.group_languages.in_english`) names the sentences a quote is taken
    from when the group has any, so that an English lexicon's score is not quoted from an
    article in another language. ``english`` (booleans by row, e.g.
    :func:`analysis.report.group_languages.in_english`) keeps the sentences of articles in
    other languages, and the groups mostly of them, out of the vader/vader-news comparison,
    where neither method reads them.
    """
    require_scores(sentences, group_col, METHODS if "compound_news" in sentences else [method])
    if quote_first is not None:
        first = quote_first.reindex(sentences.index, fill_value=True).to_numpy(dtype=bool)
        sentences = sentences.assign(**{QUOTE_FIRST: first})
    if english is not None:
        read = english.reindex(sentences.index, fill_value=True).to_numpy(dtype=bool)
        sentences = sentences.assign(**{ENGLISH: read})
    findings = _level_findings(by_group, sentences, group_col, method)
    findings += _pairwise_findings(pairwise, sentences, group_col, method)
    singles = _one_article_finding(sentences, group_col, method)
    if singles is not None:
        findings.append(singles)
    single = _single_group_finding(sentences, group_col)
    if single is not None:
        findings.append(single)
    if "compound_news" in sentences.columns:
        sens = _method_finding(by_group, pairwise, sentences, group_col)
        if sens is not None:
            findings.append(sens)
    capitals = capitals_finding(sentences, group_col)
    if capitals is not None:
        findings.append(capitals)
    findings += _actor_findings(
        actor_df, sentences, group_col, method, lexicon, min_actor_sentences, actor_pairwise
    )
    return findings
