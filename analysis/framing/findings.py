"""Framing findings: frames, vocabulary, sourcing and hedging put into plain sentences.

:func:`framing_findings` reads the tables of :mod:`analysis.framing.tables` (frame salience and
the frame evidence), :mod:`analysis.framing.keyness`, :mod:`analysis.framing.sourcing` and
:mod:`analysis.framing.hedging`, and returns :class:`analysis.report.findings.Finding` objects. A
difference between groups is stated only when their 95% intervals do not overlap (a conservative
test); otherwise the finding says "overlapping intervals, no clear difference". Evidence
sentences are chosen deterministically (by document and position, or by the number of indicator
terms they carry).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.config import N_BOOT, SEED
from analysis.framing.keyness import content_tokens, term_counts_by_row, uses_to_reach
from analysis.framing.tables import require_columns
from analysis.report.concentration import mostly_one_article_note
from analysis.report.findings import Evidence, Finding
from analysis.report.wording import and_list, articles, ci, count, num, pct, plural
from analysis.stats.bootstrap import bootstrap_ci
from analysis.stats.comparisons import ONE_ARTICLE, SMALL_GROUP_DOCS, one_article_note

N_EVIDENCE = 3
# What the summary says when a measure finds nothing in any group (the figures say the same).
NO_FRAMES = "No sentence in these articles uses the indicators of any frame in the codebook."
NO_KEYNESS = "No word is distinctive of any group: the articles have no content words to compare."
NO_QUOTES = "No sentence in these articles carries a direct quotation."
NO_SOURCES = "No sentence in these articles attributes a claim to a recognised source category."
NO_HEDGES = "No hedge (may, could, reportedly…) is used in these articles."
NO_CERTAINTY = "No certainty marker (clearly, never, must…) is used in these articles."


def _upper_share(row: pd.Series) -> float:
    """Upper end of a share's interval; for a share of 0 at least the rule-of-three bound 3/n.

    A bootstrap of a group with no coded sentence collapses to 0–0%, which would make any other
    group look clearly different; seeing none in n sentences is compatible with a share up to
    about 3/n (95%).
    """
    if row.share == 0 and row.n_sentences > 0:
        return max(float(row.share_ci_high), 3 / float(row.n_sentences))
    return float(row.share_ci_high)


def _share_with_ci(row: pd.Series, group_col: str) -> str:
    """ "12% for X (95% CI …, n articles, n sentences)", with a share of 0 stated as such."""
    sizes = f"{articles(row.n_docs)}, {count(row.n_sentences, 'sentence')}"
    if row.share == 0:
        return (
            f"0% for {row[group_col]} (no coded sentence; {sizes}: a share up to about "
            f"{_bound_text(_upper_share(row), True)} is compatible with seeing none)"
        )
    return (
        f"{pct(row.share)} for {row[group_col]} "
        f"({ci(row.share_ci_low, row.share_ci_high, 'percent')}, {sizes})"
    )


def _overlap(a_low: float, a_high: float, b_low: float, b_high: float) -> bool:
    return not (a_low > b_high or b_low > a_high)


def _evidence_for(
    sentences: pd.DataFrame, mask: pd.Series, group_col: str, n: int = N_EVIDENCE
) -> tuple[Evidence, ...]:
    """The first ``n`` matching sentences by (doc_id, sentence_id): deterministic."""
    chosen = sentences[mask].sort_values(["doc_id", "sentence_id"], kind="stable").head(n)
    return tuple(
        Evidence(str(r["doc_id"]), int(r["sentence_id"]), str(r[group_col]), str(r["sentence"]))
        for _, r in chosen.iterrows()
    )


def _frame_evidence_for(
    sentences: pd.DataFrame,
    evidence: pd.DataFrame,
    frame: str,
    group: str,
    group_col: str,
    n: int = N_EVIDENCE,
) -> tuple[Evidence, ...]:
    """Sentences of ``group`` coded with ``frame``, those with the most distinct terms first,
    each noting the words that matched the frame's indicators ("matched: gun reform, teachers"):
    a tester could not tell which word had coded a quoted sentence without joining
    ``frame_evidence.csv`` to ``sentences.csv``."""
    ev = evidence[evidence["frame"] == frame]
    n_terms = ev.groupby(["doc_id", "sentence_id"]).size().rename("_n_terms").reset_index()
    part = sentences[sentences[group_col] == group].merge(n_terms, on=["doc_id", "sentence_id"])
    part = part.sort_values(
        ["_n_terms", "doc_id", "sentence_id"], ascending=[False, True, True], kind="stable"
    ).head(n)
    column = "matched" if "matched" in ev.columns else "term"
    words = {
        key: ", ".join(dict.fromkeys(str(w) for w in found))
        for key, found in ev.groupby(["doc_id", "sentence_id"], sort=False)[column]
    }
    return tuple(
        Evidence(
            str(r["doc_id"]),
            int(r["sentence_id"]),
            str(r[group_col]),
            str(r["sentence"]),
            note=_matched_note(words.get((r["doc_id"], r["sentence_id"]), "")),
        )
        for _, r in part.iterrows()
    )


def _matched_note(words: str) -> str:
    """ "matched: gun reform, teachers", or "" without words."""
    return f"matched: {words}" if words else ""


def _sizes(sentences: pd.DataFrame) -> str:
    """'3 articles, 18 sentences': the size of the whole (selected) corpus."""
    return f"{articles(int(sentences['doc_id'].nunique()))}, {count(len(sentences), 'sentence')}"


def _none_finding(
    key: str, section: str, message: str, sentences: pd.DataFrame, figure: str
) -> Finding:
    """A measure that found nothing in any group, said in words with the corpus size."""
    text = f"{message[:-1]} ({_sizes(sentences)})."
    return Finding(key, section, text, figures=(figure,))


def _single_group_finding(
    sentences: pd.DataFrame, group_col: str, section: str, what: str, figure: str
) -> Finding | None:
    """With fewer than two groups, a finding saying there is no second group to compare."""
    groups = sorted(sentences[group_col].astype(str).unique())
    if len(groups) >= 2:
        return None
    which = f" ({groups[0]})" if groups else ""
    text = (
        f"Only one {group_col}{which} is in these articles ({_sizes(sentences)}): there is no "
        f"second group to compare its {what} with."
    )
    return Finding(
        f"{section}_single_group", section, text, figures=(figure,)
    )  # names no groups: it measures nothing a note on a group's language would qualify


SALIENT_SHOWN = 3  # frames named as a group's most salient (more when tied with the last)


def _most_salient(part: pd.DataFrame) -> pd.DataFrame:
    """A group's frames found in some sentence, most sentences first: the first
    :data:`SALIENT_SHOWN`, and every frame tied with the last of them (a copy editor's
    "Conflict (5%)" was listed third of three frames at 2 of 41 sentences each, the other two
    unnamed)."""
    ranked = part[part["n_frame_sentences"] > 0].sort_values(
        ["n_frame_sentences", "frame"], ascending=[False, True]
    )
    if len(ranked) <= SALIENT_SHOWN:
        return ranked
    last = ranked.iloc[SALIENT_SHOWN - 1]["n_frame_sentences"]
    return ranked[
        (ranked.index.isin(ranked.index[:SALIENT_SHOWN])) | (ranked["n_frame_sentences"] == last)
    ]


def _frame_concentration(
    sentences: pd.DataFrame, frame: pd.Series, group: object, group_col: str
) -> str:
    """:func:`mostly_one_article_note` for the sentences of ``group`` using its most salient
    ``frame`` (a fact-checker's "Economic consequences" of an outlet of six articles came 19 of
    23 from one budget story), or "" when the sentences do not say which frames they use."""
    column = f"frame_{frame['frame']}"
    if column not in sentences.columns:
        return ""
    own = sentences[sentences[group_col].astype(str) == str(group)]
    using = own.loc[own[column].fillna(False).astype(bool), "doc_id"]
    return mostly_one_article_note(
        {str(group): using},
        {str(group): int(own["doc_id"].nunique())},
        f"sentences using {frame['label']}",
    )


def _salience_caveats(top: pd.DataFrame) -> str:
    """What a reader of a salient-frame list must know: which frames are tied (their order is
    no ranking), and that a frame in one sentence is one use, not a pattern; else ""."""
    parts = []
    for n, tied in top.groupby("n_frame_sentences", sort=False):
        if len(tied) > 1:
            parts.append(
                f" {and_list(tied['label'].astype(str).tolist())} are tied at {n} "
                f"sentence{'s' if n != 1 else ''} each: their order is no ranking."
            )
    once = top.loc[top["n_frame_sentences"] == 1, "label"].astype(str).tolist()
    if once:
        parts.append(
            f" {and_list(once)} {'is' if len(once) == 1 else 'are'} found in a single sentence: "
            "one use, not a pattern."
        )
    return "".join(parts)


def _frame_findings(
    frames: pd.DataFrame,
    sentences: pd.DataFrame,
    evidence: pd.DataFrame,
    group_col: str,
    unread: frozenset[str] = frozenset(),
) -> list[Finding]:
    if not frames.empty and not (frames["n_frame_sentences"] > 0).any():
        return [_none_finding("frames_none", "frames", NO_FRAMES, sentences, "fig07_frame_heatmap")]
    out: list[Finding] = []
    for group, part in frames.groupby(group_col, sort=True):
        top = _most_salient(part)
        first = part.iloc[0]
        if top.empty:
            text = (
                f"{articles(first.n_docs, 'opening')} from {group} ({first.n_sentences} "
                "sentences), no sentence uses any frame's indicators."
            )
            out.append(
                Finding(
                    f"frames_salient_{group}",
                    "frames",
                    text,
                    figures=("fig07_frame_heatmap",),
                    groups=(str(group),),
                )
            )
            continue
        listed = "; ".join(
            f"{r.label} ({pct(r.share)} of sentences: {r.n_frame_sentences}, "
            f"{ci(r.share_ci_low, r.share_ci_high, 'percent')})"
            for r in top.itertuples()
        )
        text = (
            f"{articles(first.n_docs, 'opening')} from {group} "
            f"({count(first.n_sentences, 'sentence')}, {count(first.n_words, 'word')}), "
            f"the most salient frames are: {listed}."
            f"{_salience_caveats(top)}"
            + _frame_concentration(sentences, top.iloc[0], group, group_col)
        )
        out.append(
            Finding(
                f"frames_salient_{group}",
                "frames",
                text,
                evidence=_frame_evidence_for(
                    sentences, evidence, top.iloc[0].frame, group, group_col
                ),
                figures=("fig07_frame_heatmap", "fig08_frame_salience"),
                groups=(str(group),),
            )
        )
    if frames[group_col].nunique() < 2:
        single = _single_group_finding(
            sentences, group_col, "frames", "frame use", "fig08_frame_salience"
        )
        return out + ([single] if single is not None else [])
    unclear = []
    singles = _one_article(frames, group_col)
    for frame, part in frames.groupby("frame", sort=False):
        part = part.assign(_upper=[_upper_share(r) for r in part.itertuples()])
        # Lowest share last; among equal lowest shares the widest bound (smallest n) last.
        ordered = part.sort_values(["share", "_upper", group_col], ascending=[False, True, True])
        # the pair furthest apart, as for sourcing and hedging: the lowest share alone, a
        # small group's 0 with a wide bound, hid a tester's 6% (3.7-9.7%) against 0% (<= 3.5%);
        # among the groups mostly in English (an English codebook reads nothing in the others)
        # and of more than one article (one article's interval describes that article only)
        compared = ordered[~ordered[group_col].astype(str).isin(unread | singles)]
        if len(compared) < 2:
            continue
        hi, lo = _widest_apart(compared, "share_ci_low")
        label = hi.label
        if hi.share == lo.share or _overlap(hi.share_ci_low, hi._upper, lo.share_ci_low, lo._upper):
            unclear.append(label)
            continue
        text = (
            f"{label}: in these articles, {hi[group_col]} uses this frame in "
            f"{pct(hi.share)} of sentences "
            f"({ci(hi.share_ci_low, hi.share_ci_high, 'percent')}, {articles(hi.n_docs)}, "
            f"{count(hi.n_sentences, 'sentence')}) against {_share_with_ci(lo, group_col)}; "
            f"the intervals do not overlap.{_few_articles(hi, lo, group_col)}"
        )
        ev = _frame_evidence_for(sentences, evidence, frame, hi[group_col], group_col, n=2)
        out.append(
            Finding(
                f"frames_difference_{frame}",
                "frames",
                text,
                evidence=ev,
                figures=("fig08_frame_salience",),
                groups=(str(hi[group_col]), str(lo[group_col])),
            )
        )
    if unclear:
        text = (
            "For " + ", ".join(unclear) + ", the groups' 95% intervals overlap, even between "
            "the two furthest apart: overlapping intervals, no clear difference."
        )
        out.append(
            Finding(
                "frames_no_clear_difference",
                "frames",
                text,
                figures=("fig08_frame_salience",),
                supported=False,
            )
        )
    if singles:
        out.append(
            Finding(
                "frames_one_article",
                "frames",
                f"{one_article_note(sorted(singles))} with the other {plural(group_col)} in "
                "frame use: an interval from the sentences of one article describes that "
                "article only.",
                figures=("fig08_frame_salience",),
                groups=tuple(sorted(singles)),
            )
        )
    return out


def _one_article(table: pd.DataFrame, group_col: str) -> frozenset[str]:
    """The groups of ``table`` (a row per group, or per group and measure, with ``n_docs``)
    that hold one article, when it has two groups or more: described, not compared
    (:data:`~analysis.stats.comparisons.ONE_ARTICLE`)."""
    if table.empty or table[group_col].nunique() < 2:
        return frozenset()
    return frozenset(table.loc[table["n_docs"] <= ONE_ARTICLE, group_col].astype(str))


def _keyness_findings(
    keyness: pd.DataFrame,
    sentences: pd.DataFrame,
    group_col: str,
    top_terms: int,
    english: pd.Series | None = None,
) -> list[Finding]:
    if keyness.empty or not (keyness["count_in_group"] > 0).any():
        single = _single_group_finding(
            sentences, group_col, "vocabulary", "word use", "fig09_keyness"
        )
        if single is not None:
            return [single]
        return [
            _none_finding("vocabulary_none", "vocabulary", NO_KEYNESS, sentences, "fig09_keyness")
        ]
    out: list[Finding] = []
    for group, part in keyness.groupby(group_col, sort=True):
        used = part[(part["count_in_group"] > 0) & (part["z"] > 1.96)]
        used = used.sort_values(["z", "term"], ascending=[False, True]).head(top_terms)
        n_docs = int(sentences.loc[sentences[group_col] == group, "doc_id"].nunique())
        if used.empty:
            text = (
                f"{articles(n_docs, 'opening')} from {group}, no word reaches z > 1.96 against "
                "the other groups"
            )
            # the prior sets a minimum count: say it, computed from these counts
            needed = uses_to_reach(part["count_in_group"].sum(), part["count_in_rest"].sum())
            text += (
                f" (with this prior, a word used only by {group} needs about "
                f"{count(needed, 'use')} to reach it)."
                if needed is not None
                else f" (with this prior, not even a word used only by {group} would reach it)."
            )
            out.append(
                Finding(
                    f"vocabulary_{group}",
                    "vocabulary",
                    text,
                    figures=("fig09_keyness",),
                    supported=False,
                    groups=(str(group),),
                )
            )
            continue
        own = sentences[sentences[group_col] == group]  # search only the group's sentences
        # each term's uses per sentence, from the tokens its count comes from
        uses = term_counts_by_row(own["sentence"], used["term"])
        per_doc = pd.DataFrame(uses, columns=list(used["term"])).groupby(own["doc_id"].to_numpy())
        per_doc = per_doc.sum()
        spread = {r.term: int((per_doc[r.term] > 0).sum()) for r in used.itertuples()}
        listed = ", ".join(
            f"“{r.term}” (z = {r.z:.1f}; {r.count_in_group} uses vs {r.count_in_rest} elsewhere"
            + (
                f"; in {spread[r.term]} of {n_docs} articles"
                if spread[r.term] and n_docs > 1
                else ""
            )
            + _mostly_one_article(per_doc[r.term], spread[r.term])
            + ")"
            for r in used.itertuples()
        )
        # "in these articles", as every other finding says it: the words describe the articles
        # read, not the outlet's vocabulary (a reproducibility tester's only outlet-wide claim)
        text = (
            f"In these articles, the words most distinctive of {group} ({articles(n_docs)}) "
            f"against the rest of the corpus (log-odds with informative Dirichlet prior): "
            f"{listed}."
        )
        text += _one_article_words(spread, n_docs, group)
        text += _name_and_boilerplate_words(list(used["term"]), uses, own, group)
        if english is not None:
            text += _other_language_words(used["term"], sentences, english, group_col, group)
        mask = pd.Series(uses[:, 0] > 0, index=own.index)  # sentences using the top term
        out.append(
            Finding(
                f"vocabulary_{group}",
                "vocabulary",
                text,
                evidence=_evidence_for(own, mask, group_col, n=2),
                figures=("fig09_keyness",),
                groups=(str(group),),
            )
        )
    return out


def _zero_bound(row: pd.Series, value: str, high: str, percent: bool) -> float:
    """Upper end of a share's or rate's interval; for a value of 0, at least the rule-of-three
    bound (3/n sentences for a share, 3/n words × 1,000 for a rate per 1,000 words).

    The one rule for zero counts: a bootstrap interval of 0 collapses to 0–0, which must not make
    another group look clearly different.
    """
    upper = float(row[high])
    if float(row[value]) != 0:
        return upper
    n = float(row["n_sentences"]) if percent else float(row.get("n_words", 0) or 0)
    if n <= 0:
        return upper
    return max(upper, 3 / n if percent else 3000 / n)


def _bound_text(bound: float, percent: bool) -> str:
    """A rule-of-three bound as a share in percent or a rate, with two significant digits when
    it is small: on a large group the bound is below what the usual rounding shows (3 in
    120,000 words is 0.025 per 1,000 words), and a tester's summary read "up to about 0.0 is
    compatible with seeing none" and "up to about 0%"."""
    value = 100 * bound if percent else bound
    small = value < (1 if percent else 0.1)
    text = (
        f"{value:.2g}" if small and value > 0 else (f"{value:.0f}" if percent else f"{value:.1f}")
    )
    return f"{text}%" if percent else text


def _value_with_ci(row: pd.Series, value: str, low: str, high: str, percent: bool) -> str:
    """'12% (95% CI …' or, for a value of 0, the value with its rule-of-three bound."""
    kind = "percent" if percent else "rate"
    shown = pct(row[value]) if percent else num(row[value], signed=False, digits=1)
    if float(row[value]) == 0:
        bound = _zero_bound(row, value, high, percent)
        return (
            f"{shown} (none seen; up to about {_bound_text(bound, percent)} is compatible with "
            "seeing none"
        )
    return f"{shown} ({ci(row[low], row[high], kind)}"


def _name_and_boilerplate_words(
    terms: list[str], uses: np.ndarray, own: pd.DataFrame, group: object
) -> str:
    """A note on a group's distinctive words that are words of its own name ("harbor",
    "ledger" for Harbor Ledger: a byline or sign-off) and on those all of whose uses are in
    one sentence repeated in two or more of its articles (boilerplate inside a paragraph,
    which cleaning keeps), or "". ``uses``: each term's uses per row of ``own``."""
    name = {t for t in content_tokens(str(group)) if t is not None}
    named = [f"“{t}”" for t in terms if t in name]
    text = own["sentence"].astype(str).to_numpy()
    docs = own["doc_id"].astype(str).to_numpy()
    repeated, sentence = [], ""
    for k, term in enumerate(terms):
        rows = uses[:, k] > 0
        if len(set(text[rows])) == 1 and len(set(docs[rows])) >= 2:
            repeated.append(f"“{term}”")
            sentence = sentence or str(text[rows][0])
    out = ""
    if named:
        verb = "is a word" if len(named) == 1 else "are words"
        out += f" {and_list(named)} {verb} of {group}'s own name (a byline or sign-off)."
    if repeated:
        shown = sentence if len(sentence) <= 80 else sentence[:77].rstrip() + "…"
        out += (
            f" {and_list(repeated)} {'is' if len(repeated) == 1 else 'are'} used only in one "
            f"sentence repeated in its articles (“{shown}”): boilerplate, not coverage."
        )
    return out


# A distinctive word whose uses in its group come more than half from one article is said to:
# a linguist's "trump" (z = 2.9; 36 uses vs 10 elsewhere; in 3 of 10 articles) had 27 in one.
MOSTLY_ONE_ARTICLE = 0.5


def _mostly_one_article(uses_per_doc: pd.Series, n_articles: int) -> str:
    """ "; 27 of its 36 uses in one article" when one article holds more than
    :data:`MOSTLY_ONE_ARTICLE` of a word's uses in its group and the word is used in two
    articles or more (in one, the note on words of one article says it), else ""."""
    total = int(uses_per_doc.sum())
    top = int(uses_per_doc.max()) if total else 0
    if n_articles < 2 or top <= MOSTLY_ONE_ARTICLE * total:
        return ""
    return f"; {top} of its {total} uses in one article"


def _one_article_words(spread: dict[object, int], n_docs: int, group: object) -> str:
    """When some of a group's distinctive words are each used in one of its several articles:
    a sentence saying so, or "". The z-score counts every use as independent, so a name one
    article repeats is "distinctive" of the group: on a methodologist's corpora of articles
    dealt to outlets at random, 57-100% of each outlet's words beyond z = 1.96 came from one
    article ("perez", 23 uses, all in one of 16)."""
    single = [str(term) for term, n in spread.items() if n == 1]
    if n_docs < 2 or not single:
        return ""
    shown = ", ".join(f"“{t}”" for t in single[:5]) + (" …" if len(single) > 5 else "")
    if len(single) == len(spread):
        which = "It is" if len(spread) == 1 else "Each of them is"
    else:
        which = f"{len(single)} of them ({shown}) {'is' if len(single) == 1 else 'are'}"
    return (
        f" {which} used in one article only: such a word describes its article, not {group}'s "
        "articles at large (the z-score counts each use as independent)."
    )


def _other_language_words(
    terms: pd.Series, sentences: pd.DataFrame, english: pd.Series, group_col: str, group: str
) -> str:
    """What a group's distinctive words owe to its articles not in English (``english``: per
    row of ``sentences``): the words used mostly in those articles, named, or "". A tester's
    pooled group of four articles, one of them German, had "die", "der", "und" and "zu" as its
    most distinctive words, with no note (the note on a group's language needs half its
    articles)."""
    own = (sentences[group_col].astype(str) == str(group)).to_numpy()
    english_rows = english.reindex(sentences.index, fill_value=True).to_numpy(dtype=bool)
    other = ~english_rows[own]  # of the group's own sentences
    if not other.any():
        return ""
    text = sentences.loc[own, "sentence"].astype(str)
    uses = term_counts_by_row(text, terms)  # counted as keyness counts them
    theirs = [
        f"“{term}”" for k, term in enumerate(terms) if uses[other, k].sum() > 0.5 * uses[:, k].sum()
    ]
    if not theirs:
        return ""
    n_other = int(sentences.loc[own, "doc_id"][other].nunique())
    return (
        f" {', '.join(theirs)} {'is' if len(theirs) == 1 else 'are'} used mostly in its "
        f"{articles(n_other)} not in English: words of {'its' if n_other == 1 else 'their'} "
        "language, not of the coverage."
    )


def _few_articles(hi: pd.Series, lo: pd.Series, group_col: str) -> str:
    """What a clear difference says when the smaller of its two groups has fewer than
    :data:`~analysis.stats.comparisons.SMALL_GROUP_DOCS` articles, as the tone findings say it: an
    interval over one or a few articles varies with their sentences alone, and a tester's
    "Bloomberg is higher than Associated Press" in hedges rested on one Bloomberg article."""
    n = int(min(hi["n_docs"], lo["n_docs"]))
    if n >= SMALL_GROUP_DOCS:
        return ""
    return (
        f" With {articles(n)} in the smaller group, this describes these articles, not the "
        f"{plural(group_col)}' coverage."
    )


def _widest_apart(ordered: pd.DataFrame, low: str) -> tuple[pd.Series, pd.Series]:
    """The two groups of ``ordered`` (highest value first) whose intervals lie furthest apart:
    the one whose lower bound most exceeds the other's upper bound (``_upper``: the interval's
    top, or the rule-of-three bound of a value of 0). Comparing the highest value with the
    lowest alone let a small group hide a clear difference: a tester's outlet of 2 articles with
    no certainty markers (rule-of-three bound 10.7 per 1,000 words) was "the lowest", so 4.3
    (3.9-4.6) against three large outlets at 0.0 read as no clear difference. Ties keep the
    order of ``ordered``; with no gap at all, its first and last."""
    lows = ordered[low].to_numpy(dtype=float)
    gaps = lows[:, None] - ordered["_upper"].to_numpy(dtype=float)[None, :]  # row above column
    np.fill_diagonal(gaps, -np.inf)
    k = int(np.argmax(gaps))  # the first of the widest, in the order of ``ordered``
    if gaps.flat[k] <= 0:
        return ordered.iloc[0], ordered.iloc[-1]
    i, j = divmod(k, len(ordered))
    return ordered.iloc[i], ordered.iloc[j]


def unread_groups(
    sentences: pd.DataFrame, group_col: str, english: pd.Series | None
) -> frozenset[str]:
    """The groups whose sentences are mostly (over half) from articles not in English
    (``english``: booleans by row of ``sentences``), whose rates an English word list does
    not measure; none without ``english``."""
    if english is None or sentences.empty:
        return frozenset()
    read = english.reindex(sentences.index, fill_value=True).astype(bool)
    share = read.groupby(sentences[group_col].astype(str)).mean()
    return frozenset(share.index[share < 0.5])


def _left_out_unread(ordered: pd.DataFrame, unread: frozenset[str], group_col: str) -> str:
    """ " Not compared: X, Y (mostly not in English)." for the groups of ``ordered`` in
    ``unread``, in its order, or ""."""
    gone = [str(g) for g in ordered[group_col] if str(g) in unread]
    if not gone:
        return ""
    return f" Not compared: {', '.join(gone)} (mostly not in English)."


def _rate_contrast(
    table: pd.DataFrame,
    group_col: str,
    value: str,
    low: str,
    high: str,
    what: str,
    key: str,
    section: str,
    figure: str,
    percent: bool,
    sentences: pd.DataFrame,
    evidence_mask: pd.Series,
    unread: frozenset[str] = frozenset(),
) -> Finding:
    table = table.assign(_upper=[_zero_bound(r, value, high, percent) for _, r in table.iterrows()])
    # Lowest value last; among equal lowest values the widest bound last (the conservative one).
    ordered = table.sort_values([value, "_upper", group_col], ascending=[False, True, True])
    listed = "; ".join(
        f"{r[group_col]} {_value_with_ci(r, value, low, high, percent)}, "
        f"{articles(int(r['n_docs']))}, {count(r['n_sentences'], 'sentence')})"
        for _, r in ordered.iterrows()
    )
    # groups mostly not in English are listed, not compared: an English word list read nothing
    # in a tester's German outlet, whose 0.0 hedges made the one "clear difference"
    # groups of one article are listed, not compared: one article's interval describes it only
    singles = _one_article(ordered, group_col) - unread
    compared = ordered[~ordered[group_col].astype(str).isin(unread | singles)]
    left_out = _left_out_unread(ordered, unread, group_col)
    if singles:
        gone = [str(g) for g in ordered[group_col] if str(g) in singles]
        left_out += f" Not compared: {', '.join(gone)} (one article{' each' * (len(gone) > 1)})."
    hi, lo = _widest_apart(compared if len(compared) else ordered, low)
    if len(compared) > 1 and not _overlap(hi[low], hi["_upper"], lo[low], lo["_upper"]):
        verdict = (
            f"In these articles, {hi[group_col]} is higher than {lo[group_col]}; their 95% "
            "intervals do not overlap"
            + (" (for a value of 0, its rule-of-three bound)." if lo[value] == 0 else ".")
            + _few_articles(hi, lo, group_col)
        )
        supported = True
    elif len(ordered) == 1:
        verdict = "Only one group: there is no second group to compare with."
        supported = True
    elif len(compared) < 2:
        which = "have more than one article" if singles else ""
        which += " and " * bool(singles and unread) + ("are mostly in English" if unread else "")
        verdict = f"No comparison: fewer than two groups {which}."
        supported = False
    else:
        verdict = "Overlapping intervals, no clear difference between the groups."
        supported = False
    verdict += left_out
    # Evidence from the higher group compared (with no clear pair, the highest value's).
    mask = evidence_mask & (sentences[group_col] == hi[group_col])
    evidence = _evidence_for(sentences, mask, group_col, n=2)
    return Finding(
        key,
        section,
        f"{what}: {listed}. {verdict}",
        evidence=evidence,
        figures=(figure,),
        supported=supported,
        groups=tuple(ordered[group_col].astype(str)),
    )


def framing_findings(
    frames_by_group: pd.DataFrame,
    keyness: pd.DataFrame,
    sourcing: pd.DataFrame,
    hedging: pd.DataFrame,
    sentences: pd.DataFrame,
    evidence: pd.DataFrame,
    *,
    group_col: str = "outlet",
    top_terms: int = 5,
    n_boot: int = N_BOOT,
    seed: int = SEED,
    sources: str | Path | None = None,
    english: pd.Series | None = None,
) -> list[Finding]:
    """Plain-language findings for frames, vocabulary, sourcing and hedging.

    Every number comes from the tables passed in (the quotation-share intervals are computed here
    with the same seeded bootstrap); evidence sentences are chosen deterministically. Source
    kinds are named by the labels of the ``sources`` lexicon (default: the bundled one), as the
    sourcing figure names them. ``english`` (booleans by row of ``sentences``,
    :func:`analysis.report.group_languages.in_english`) lets a group's distinctive words say
    which come mostly from its articles not in English.
    """
    require_columns(
        sentences,
        [
            group_col,
            "doc_id",
            "sentence_id",
            "sentence",
            "has_quote",
            "attribution_verb",
            "n_hedges",
            "n_certainty",
        ],
        "framing_findings",
    )
    unread = unread_groups(sentences, group_col, english)
    out = _frame_findings(frames_by_group, sentences, evidence, group_col, unread)
    out += _keyness_findings(keyness, sentences, group_col, top_terms, english)

    if not sentences["has_quote"].astype(bool).any():
        out.append(
            _none_finding("sourcing_quotes", "sourcing", NO_QUOTES, sentences, "fig10_sourcing")
        )
    else:
        out.append(_quote_finding(sentences, group_col, n_boot, seed, unread))
    if "attributed" in sentences.columns and sentences["attributed"].astype(bool).any():
        out.append(_attributed_finding(sentences, group_col, n_boot, seed, unread))
    out += _source_findings(sourcing, sentences, group_col, _source_names(sourcing, sources))
    for measure, col in (("hedges", "n_hedges"), ("certainty", "n_certainty")):
        if not (sentences[col] > 0).any():
            message = NO_HEDGES if measure == "hedges" else NO_CERTAINTY
            out.append(
                _none_finding(f"hedging_{measure}", "hedging", message, sentences, "fig11_hedging")
            )
            continue
        part = hedging[hedging["measure"] == measure]
        what = (
            "Hedges per 1,000 words" if measure == "hedges" else "Certainty markers per 1,000 words"
        )
        out.append(
            _rate_contrast(
                part,
                group_col,
                "per_1000_words",
                "ci_low",
                "ci_high",
                what,
                f"hedging_{measure}",
                "hedging",
                "fig11_hedging",
                False,
                sentences,
                sentences[col] > 0,
                unread,
            )
        )
    return out


def _share_finding(
    sentences: pd.DataFrame,
    marked: pd.Series,
    what: str,
    key: str,
    evidence_mask: pd.Series,
    group_col: str,
    n_boot: int,
    seed: int,
    unread: frozenset[str],
) -> Finding:
    """The share of each group's sentences ``marked``, with its bootstrap interval, contrasted
    across groups (:func:`_rate_contrast`); evidence from ``evidence_mask``."""
    shares = bootstrap_ci(
        sentences.assign(_marked=marked.astype(float).to_numpy()),
        "_marked",
        group_col,
        n_boot=n_boot,
        seed=seed,
    )
    return _rate_contrast(
        shares,
        group_col,
        "estimate",
        "ci_low",
        "ci_high",
        what,
        key,
        "sourcing",
        "fig10_sourcing",
        True,
        sentences,
        evidence_mask,
        unread,
    )


def _quote_finding(
    sentences: pd.DataFrame,
    group_col: str,
    n_boot: int,
    seed: int,
    unread: frozenset[str] = frozenset(),
) -> Finding:
    """Share of sentences with a direct quotation per group, contrasted."""
    quoted = sentences["has_quote"].astype(bool)
    return _share_finding(
        sentences,
        quoted,
        "Share of sentences with a direct quotation",
        "sourcing_quotes",
        quoted & sentences["attribution_verb"].notna(),
        group_col,
        n_boot,
        seed,
        unread,
    )


def _attributed_finding(
    sentences: pd.DataFrame,
    group_col: str,
    n_boot: int,
    seed: int,
    unread: frozenset[str] = frozenset(),
) -> Finding:
    """Share of sentences attributed to someone (an attribution verb or a direct quotation) per
    group, contrasted: a tester's opinion outlet attributed 30% of its sentences against the
    others' 71-76%, the plainest sourcing difference of her corpus, which no finding stated."""
    attributed = sentences["attributed"].astype(bool)
    return _share_finding(
        sentences,
        attributed,
        "Share of sentences attributed to someone (an attribution verb or a direct quotation)",
        "sourcing_attributed",
        attributed,
        group_col,
        n_boot,
        seed,
        unread,
    )


def _source_names(sourcing: pd.DataFrame, lexicon: str | Path | None) -> dict[str, str]:
    """Each source kind of ``sourcing`` as the figure names it (the lexicon's label: "Analysts
    and experts", "Chinese officials"): a tester's summary said "analysts experts 7, officials
    china 5" beside a figure saying otherwise."""
    from analysis.framing.plots import source_labels
    from analysis.framing.sourcing import load_sources

    items = sorted(set(sourcing.loc[sourcing["measure"] == "source", "item"].astype(str)))
    return source_labels(items, load_sources(str(lexicon) if lexicon else None).labels)


def _unkinded(sentences: pd.DataFrame, group: object, group_col: str) -> str:
    """ " Of its N attributed sentences, M name no kind of source the lexicon knows." for a
    group, or "": a tester's opinion outlet was summed up by 2 credited sentences of its 19
    attributed ones (its superintendent, finance director and board member were no kind)."""
    if "attributed" not in sentences.columns:
        return ""
    kinds = [c for c in sentences.columns if c.startswith("source_")]
    part = sentences[(sentences[group_col] == group) & sentences["attributed"].astype(bool)]
    if part.empty or not kinds:
        return ""
    none = int((~part[kinds].astype(bool).any(axis=1)).sum())
    if not none:
        return ""
    verb = "names" if none == 1 else "name"
    return (
        f" Of its {len(part)} attributed sentences, {none} {verb} no kind of source the source "
        "lexicon knows (in sentences.csv: attributed, and no source column true)."
    )


# kinds named in a group's sourcing finding: the three most credited, and those tied with the
# third (a tester's "Politicians 9, Advocacy groups 2, Citizens 2" left out three more at 2),
# up to this many
MAX_KINDS_NAMED = 5


def _most_credited(part: pd.DataFrame, names: Mapping[str, str]) -> str:
    """ "Politicians 9, Advocacy groups 2, Citizens 2, Companies 2" of a group's credited kinds
    (``part``, most credited first): the first three and those tied with the third, at most
    :data:`MAX_KINDS_NAMED`, then how many more share that count."""
    counts = part["n_sentences_with"].to_numpy()
    shown = len(part) if len(part) <= 3 else 3 + int((counts[3:] == counts[2]).sum())
    more = max(shown - MAX_KINDS_NAMED, 0)
    rows = list(part.head(min(shown, MAX_KINDS_NAMED)).itertuples())
    listed = ", ".join(
        f"{names.get(r.item, r.item.replace('_', ' '))} {r.n_sentences_with}" for r in rows
    )
    if more:
        listed += f", and {more} more kind{'s' if more > 1 else ''} with {counts[2]} each"
    return listed


def _source_findings(
    sourcing: pd.DataFrame,
    sentences: pd.DataFrame,
    group_col: str,
    names: dict[str, str] | None = None,
) -> list[Finding]:
    """Per group, the source categories its sentences credit most often, named by ``names``
    (item → words; default: the item's key written out)."""
    names = names or {}
    out: list[Finding] = []
    src = sourcing[sourcing["measure"] == "source"]
    if not src.empty and not (src["n_sentences_with"] > 0).any():
        return [_none_finding("sourcing_none", "sourcing", NO_SOURCES, sentences, "fig10_sourcing")]
    for group, part in src.groupby(group_col, sort=True):
        part = part.sort_values(["n_sentences_with", "item"], ascending=[False, True])
        part = part[part["n_sentences_with"] > 0]
        n_docs, n_sent = (
            int(src.loc[src[group_col] == group, "n_docs"].iloc[0]),
            int(src.loc[src[group_col] == group, "n_sentences"].iloc[0]),
        )
        if part.empty:
            text = (
                f"{articles(n_docs, 'opening')} from {group} ({count(n_sent, 'sentence')}), no "
                "sentence attributes a claim to a recognised source category."
            )
            out.append(
                Finding(
                    f"sourcing_{group}",
                    "sourcing",
                    text,
                    figures=("fig10_sourcing",),
                    groups=(str(group),),
                )
            )
            continue
        listed = _most_credited(part, names)
        top_col = f"source_{part.iloc[0]['item']}"
        mask = (sentences[group_col] == group) & sentences[top_col].astype(bool)
        text = (
            f"{articles(n_docs, 'opening')} from {group} ({count(n_sent, 'sentence')}), attributed "
            f"sentences credit most often (sentences): {listed}."
        ) + _unkinded(sentences, group, group_col)
        out.append(
            Finding(
                f"sourcing_{group}",
                "sourcing",
                text,
                evidence=_evidence_for(sentences, mask, group_col, n=2),
                figures=("fig10_sourcing",),
                groups=(str(group),),
            )
        )
    return out


# Below this many articles the article-level finding says how much one article moves a share.
FEW_ARTICLES = 30


def article_frame_findings(article_table: pd.DataFrame, group_col: str = "outlet") -> list[Finding]:
    """One finding on frames at the article level, from ``frames_by_article.csv``
    (:func:`analysis.framing.tables.article_frame_table`): in how many of the articles each frame
    appears (an article carries a frame when at least one of its sentences does), and which frame
    dominates the most articles. With few articles it says how much one article moves a share,
    and that the counts describe these articles only. Empty when the table is."""
    if article_table.empty:
        return []
    require_columns(
        article_table,
        [group_col, "frame", "label", "n_articles_with_frame", "share_dominant", "n_docs"],
        "article_frame_findings",
    )
    per_group = article_table.drop_duplicates(group_col)
    n_docs = int(per_group["n_docs"].sum())
    table = article_table.assign(
        n_dominant=(article_table["share_dominant"] * article_table["n_docs"]).round().astype(int)
    )
    if "n_dominant_tied" not in table.columns:  # a table of an older run
        table = table.assign(n_dominant_tied=0)
    counted = ["n_articles_with_frame", "n_dominant", "n_dominant_tied"]
    totals = table.groupby(["frame", "label"], sort=False)[counted]
    totals = totals.sum().reset_index()
    key = "frames_articles"
    figures = ("fig12_article_frames",)
    if n_docs == 0 or not (totals["n_articles_with_frame"] > 0).any():
        text = f"No article carries any frame of the codebook ({articles(n_docs)})."
        return [Finding(key, "frames", text, figures=figures)]
    present = totals[totals["n_articles_with_frame"] > 0].sort_values(
        "n_articles_with_frame", ascending=False, kind="stable"
    )
    parts = [
        f"{r.label} in {int(r.n_articles_with_frame)} ({pct(r.n_articles_with_frame / n_docs)})"
        for r in present.itertuples()
    ]
    absent = totals[totals["n_articles_with_frame"] == 0]["label"].tolist()
    text = (
        f"At the article level (an article carries a frame when at least one of its sentences "
        f"does), of {articles(n_docs)}: " + ", ".join(parts) + "."
    )
    if absent:
        text += f" No article carries {', '.join(absent)}."
    top = totals.sort_values("n_dominant", ascending=False, kind="stable").iloc[0]
    ties = totals[totals["n_dominant"] == top.n_dominant]["label"].tolist()
    if top.n_dominant > 0:
        which = top.label if len(ties) == 1 else " and ".join(ties) + " (tied)"
        text += (
            f" The dominant frame (most coded sentences) of the most articles is {which}: "
            f"{int(top.n_dominant)} of {n_docs}"
        )
        tied = int(totals.loc[totals["label"].isin(ties), "n_dominant_tied"].max())
        text += (
            f", {tied} of them tied with another frame (a tie goes to the frame listed first in "
            "the codebook), so the count is an upper bound."
            if tied
            else "."
        )
    if n_docs < FEW_ARTICLES:
        text += (
            f" With {articles(n_docs)}, one article moves a share by {pct(1 / n_docs)}: these "
            f"are counts of these articles, not estimates for the {plural(group_col)}' coverage."
        )
    return [Finding(key, "frames", text, figures=figures)]
