"""The framing analysis as tables and findings: frames, vocabulary, sourcing and hedging.

:func:`add_framing` is the per-sentence step (frame columns, sourcing columns, hedge counts);
the other functions aggregate a measured sentences table by a group column (``outlet`` or
``origin``) into the tables under ``reports/tables/``:

* ``frames_by_outlet.csv`` (:func:`frame_salience_table`): per group and frame, the share of
  sentences coded with the frame and frame-coded sentences per 1,000 words, each with a seeded
  hierarchical bootstrap 95% CI, plus the sample sizes.
* ``frames_by_document.csv`` (:func:`dominant_frames`): each document's dominant frame.
* ``frame_cooccurrence.csv`` (:func:`frame_cooccurrence`): sentences coded with both frames.
* ``frame_evidence.csv`` (:func:`frame_evidence`): every (frame, term, sentence) behind the counts.
* ``keyness.csv``, ``sourcing.csv``, ``hedging.csv``: see :mod:`analysis.framing.keyness`,
  :mod:`analysis.framing.sourcing`, :mod:`analysis.framing.hedging`.

:func:`framing_findings` turns these tables into :class:`analysis.report.findings.Finding`
objects. A
difference between groups is stated only when their 95% intervals do not overlap (a conservative
test); otherwise the finding says "overlapping intervals, no clear difference".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.framing.codebook import Codebook, load_codebook
from analysis.framing.frames import frame_hits, frame_matrix
from analysis.framing.hedging import hedging_counts
from analysis.framing.sourcing import sourcing_matrix
from analysis.report.findings import Evidence, Finding
from analysis.stats.bootstrap import bootstrap_ci

FRAMES_BY_GROUP_COLUMNS = [
    "frame",
    "label",
    "share",
    "share_ci_low",
    "share_ci_high",
    "per_1000_words",
    "per_1000_ci_low",
    "per_1000_ci_high",
    "n_frame_sentences",
    "n_docs",
    "n_sentences",
    "n_words",
]
EVIDENCE_COLUMNS = ["frame", "term", "doc_id", "sentence_id", "matched"]
N_EVIDENCE = 3


def add_framing(
    sentences: pd.DataFrame,
    codebook: Codebook | Path | str | None = None,
    *,
    text_col: str = "sentence",
) -> pd.DataFrame:
    """The sentences table plus ``frame_<key>`` columns, sourcing columns and hedge counts.

    Columns the step produces are replaced if already present, so it can be rerun with another
    codebook. The row order and index of ``sentences`` are kept.
    """
    if text_col not in sentences.columns:
        raise KeyError(f"add_framing: missing column {text_col!r}")
    book = load_codebook(codebook)
    texts = sentences[text_col]
    frames = frame_matrix(texts, book)
    frames.columns = book.columns
    parts = [frames, sourcing_matrix(texts), hedging_counts(texts)]
    new_cols = [c for part in parts for c in part.columns]
    stale = [c for c in sentences.columns if c in new_cols or c.startswith("frame_")]
    base = sentences.drop(columns=stale)
    for part in parts:
        part.index = sentences.index
    return pd.concat([base, *parts], axis=1)


def _require(df: pd.DataFrame, columns: Sequence[str], where: str) -> None:
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise KeyError(f"{where}: missing columns {missing}; run add_framing first")


def frame_salience_table(
    sentences: pd.DataFrame,
    group_col: str = "outlet",
    codebook: Codebook | Path | str | None = None,
    *,
    n_boot: int = 2000,
    seed: int = 0,
    doc_col: str = "doc_id",
) -> pd.DataFrame:
    """Frame salience per group: share of sentences and frame sentences per 1,000 words.

    Both estimates come with :func:`analysis.stats.bootstrap.bootstrap_ci` intervals (documents,
    then
    sentences within documents, resampled; seeded per group). The per-1,000-words rate counts
    frame-coded sentences, not indicator matches, so a sentence stuffed with indicators counts
    once. Rows sorted by group, then codebook order.
    """
    book = load_codebook(codebook)
    _require(sentences, [group_col, doc_col, "n_words", *book.columns], "frame_salience_table")
    data = sentences[[group_col, doc_col, "n_words", *book.columns]].copy()
    words = data.groupby(group_col, sort=True, observed=True)["n_words"].sum()
    rows = []
    for frame in book.frames:
        data["_v"] = data[frame.column].astype(float)
        share = bootstrap_ci(data, "_v", group_col, doc_col=doc_col, n_boot=n_boot, seed=seed)
        rate = bootstrap_ci(
            data,
            "_v",
            group_col,
            doc_col=doc_col,
            denom_col="n_words",
            scale=1000,
            n_boot=n_boot,
            seed=seed,
        )
        counts = data.groupby(group_col, sort=True, observed=True)["_v"].sum()
        for s, r in zip(share.itertuples(index=False), rate.itertuples(index=False), strict=True):
            group = s[0]
            rows.append(
                {
                    group_col: group,
                    "frame": frame.key,
                    "label": frame.label,
                    "share": s.estimate,
                    "share_ci_low": s.ci_low,
                    "share_ci_high": s.ci_high,
                    "per_1000_words": r.estimate,
                    "per_1000_ci_low": r.ci_low,
                    "per_1000_ci_high": r.ci_high,
                    "n_frame_sentences": int(counts[group]),
                    "n_docs": s.n_docs,
                    "n_sentences": s.n_sentences,
                    "n_words": int(words[group]),
                }
            )
    table = pd.DataFrame(rows, columns=[group_col, *FRAMES_BY_GROUP_COLUMNS])
    order = {k: i for i, k in enumerate(book.keys)}
    return (
        table.assign(_o=table["frame"].map(order))
        .sort_values([group_col, "_o"], kind="stable")
        .drop(columns="_o")
        .reset_index(drop=True)
    )


def dominant_frames(
    sentences: pd.DataFrame,
    group_col: str = "outlet",
    codebook: Codebook | Path | str | None = None,
    *,
    doc_col: str = "doc_id",
) -> pd.DataFrame:
    """Each document's dominant frame (highest share of its sentences) and the runner-up.

    Columns: ``doc_id, <group_col>, dominant_frame, share, runner_up, runner_up_share,
    n_sentences``. Ties go to the frame listed first in the codebook; a document with no coded
    sentence gets ``"none"``.
    """
    book = load_codebook(codebook)
    _require(sentences, [group_col, doc_col, *book.columns], "dominant_frames")
    shares = sentences.groupby([doc_col, group_col], sort=True, observed=True)[book.columns].mean()
    sizes = sentences.groupby([doc_col, group_col], sort=True, observed=True).size()
    rows = []
    for (doc, group), values in shares.iterrows():
        v = values.to_numpy(dtype=float)
        order = sorted(range(len(v)), key=lambda i: (-v[i], i))
        first, second = order[0], order[1] if len(order) > 1 else None
        rows.append(
            {
                "doc_id": doc,
                group_col: group,
                "dominant_frame": book.keys[first] if v[first] > 0 else "none",
                "share": v[first],
                "runner_up": book.keys[second] if second is not None and v[second] > 0 else "none",
                "runner_up_share": v[second] if second is not None else 0.0,
                "n_sentences": int(sizes[(doc, group)]),
            }
        )
    return pd.DataFrame(rows)


def frame_cooccurrence(
    sentences: pd.DataFrame,
    group_col: str = "outlet",
    codebook: Codebook | Path | str | None = None,
) -> pd.DataFrame:
    """Sentences coded with both frames, per group, for every pair (and each frame with itself).

    Columns: ``<group_col>, frame_a, frame_b, n_sentences_both, n_sentences``; pairs in codebook
    order with ``frame_a`` listed no later than ``frame_b``.
    """
    book = load_codebook(codebook)
    _require(sentences, [group_col, *book.columns], "frame_cooccurrence")
    rows = []
    for group, part in sentences.groupby(group_col, sort=True, observed=True):
        m = part[book.columns].to_numpy(dtype=np.int64)
        both = m.T @ m
        for i, a in enumerate(book.keys):
            for j in range(i, len(book.keys)):
                rows.append((group, a, book.keys[j], int(both[i, j]), len(part)))
    return pd.DataFrame(
        rows, columns=[group_col, "frame_a", "frame_b", "n_sentences_both", "n_sentences"]
    )


def frame_evidence(
    sentences: pd.DataFrame,
    codebook: Codebook | Path | str | None = None,
    *,
    text_col: str = "sentence",
    group_col: str | None = None,
    max_per_group: int | None = None,
) -> pd.DataFrame:
    """One row per (sentence, frame, indicator term that fired): the audit trail.

    Columns: ``frame, term`` (as written in the codebook), ``doc_id, sentence_id`` and
    ``matched`` (the text the term matched). Sorted by codebook frame order, term, document,
    sentence.

    On a large corpus every hit is millions of rows that no table or figure needs. With
    ``max_per_group`` (and ``group_col``), only the first ``max_per_group`` sentences of each
    group coded with each frame (by ``doc_id, sentence_id``; the ``frame_<key>`` columns decide
    which are coded) are traced: deterministic, and complete wherever a group has no more coded
    sentences than that.
    """
    book = load_codebook(codebook)
    _require(sentences, ["doc_id", "sentence_id", text_col], "frame_evidence")
    allowed = None
    if max_per_group is not None:
        sentences, allowed = _first_coded(sentences, book, group_col, max_per_group)
    hits = frame_hits(sentences[text_col], book)
    doc_ids = sentences["doc_id"].to_numpy()
    sent_ids = sentences["sentence_id"].to_numpy()
    out = pd.DataFrame(
        {
            "frame": hits["frame"],
            "term": hits["term"],
            "doc_id": doc_ids[hits["row"].to_numpy()] if len(hits) else [],
            "sentence_id": sent_ids[hits["row"].to_numpy()].astype(np.int64) if len(hits) else [],
            "matched": hits["matched"],
        }
    )
    if allowed is not None:
        rows = hits["row"].to_numpy()
        frame_pos = hits["frame"].map({k: i for i, k in enumerate(book.keys)}).to_numpy()
        out = out[allowed[rows, frame_pos]] if len(out) else out
    order = {k: i for i, k in enumerate(book.keys)}
    return (
        out.assign(_o=out["frame"].map(order))
        .sort_values(["_o", "term", "doc_id", "sentence_id"], kind="stable")
        .drop(columns="_o")
        .reset_index(drop=True)[EVIDENCE_COLUMNS]
    )


def _first_coded(
    sentences: pd.DataFrame, book: Codebook, group_col: str | None, limit: int
) -> tuple[pd.DataFrame, np.ndarray]:
    """The sentences among the first ``limit`` of their group coded with some frame, and for
    each of them and each frame whether it is among that frame's first ``limit``."""
    if limit < 1:
        raise ValueError(f"max_per_group must be at least 1, got {limit}")
    if group_col is None:
        raise ValueError("frame_evidence: max_per_group needs group_col")
    _require(sentences, [group_col, *book.columns], "frame_evidence")
    ordered = sentences.sort_values(["doc_id", "sentence_id"], kind="stable")
    allowed = np.zeros((len(ordered), len(book.columns)), dtype=bool)
    groups = ordered[group_col].astype(str).to_numpy()
    for j, column in enumerate(book.columns):
        coded = ordered[column].to_numpy(dtype=bool)
        rank = pd.Series(coded.astype(np.int64)).groupby(groups).cumsum().to_numpy()
        allowed[:, j] = coded & (rank <= limit)
    keep = allowed.any(axis=1)
    return ordered[keep], allowed[keep]


# ----------------------------------------------------------------------------- findings


def _pct(x: float) -> str:
    return f"{100 * x:.0f}%"


def _ci(low: float, high: float, pct: bool = True) -> str:
    if pct:
        return f"95% CI {100 * low:.0f}–{100 * high:.0f}%"
    return f"95% CI {low:.1f}–{high:.1f}"


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
    sizes = f"{_articles(row.n_docs)}, {row.n_sentences} sentences"
    if row.share == 0:
        return (
            f"0% for {row[group_col]} (no coded sentence; {sizes}: a share up to about "
            f"{_pct(_upper_share(row))} is compatible with seeing none)"
        )
    return (
        f"{_pct(row.share)} for {row[group_col]} "
        f"({_ci(row.share_ci_low, row.share_ci_high)}, {sizes})"
    )


def _articles(n_docs: int) -> str:
    return "1 article" if n_docs == 1 else f"{n_docs} articles"


def _in_these(n_docs: int) -> str:
    return "In the one article" if n_docs == 1 else f"In these {n_docs} articles"


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
    """Sentences of ``group`` coded with ``frame``, those with the most distinct terms first."""
    ev = evidence[evidence["frame"] == frame]
    n_terms = ev.groupby(["doc_id", "sentence_id"]).size().rename("_n_terms").reset_index()
    part = sentences[sentences[group_col] == group].merge(n_terms, on=["doc_id", "sentence_id"])
    part = part.sort_values(
        ["_n_terms", "doc_id", "sentence_id"], ascending=[False, True, True], kind="stable"
    ).head(n)
    return tuple(
        Evidence(str(r["doc_id"]), int(r["sentence_id"]), str(r[group_col]), str(r["sentence"]))
        for _, r in part.iterrows()
    )


def _frame_findings(
    frames: pd.DataFrame,
    sentences: pd.DataFrame,
    evidence: pd.DataFrame,
    group_col: str,
) -> list[Finding]:
    out: list[Finding] = []
    for group, part in frames.groupby(group_col, sort=True):
        top = part.sort_values(["share", "frame"], ascending=[False, True]).head(3)
        top = top[top["n_frame_sentences"] > 0]
        first = part.iloc[0]
        if top.empty:
            text = (
                f"{_in_these(first.n_docs)} from {group} ({first.n_sentences} "
                "sentences), no sentence uses any frame's indicators."
            )
            out.append(
                Finding(f"frames_salient_{group}", "frames", text, figures=("fig07_frame_heatmap",))
            )
            continue
        listed = "; ".join(
            f"{r.label} ({_pct(r.share)} of sentences, {_ci(r.share_ci_low, r.share_ci_high)})"
            for r in top.itertuples()
        )
        text = (
            f"{_in_these(first.n_docs)} from {group} ({first.n_sentences} sentences, "
            f"{first.n_words} words), the most salient frames are: {listed}."
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
            )
        )
    if frames[group_col].nunique() < 2:
        return out
    unclear = []
    for frame, part in frames.groupby("frame", sort=False):
        ordered = part.sort_values(["share", group_col], ascending=[False, True])
        hi, lo = ordered.iloc[0], ordered.iloc[-1]
        label = hi.label
        if hi.share == lo.share or _overlap(
            hi.share_ci_low, hi.share_ci_high, lo.share_ci_low, _upper_share(lo)
        ):
            unclear.append(label)
            continue
        text = (
            f"{label}: in these articles, {hi[group_col]} uses this frame in "
            f"{_pct(hi.share)} of sentences "
            f"({_ci(hi.share_ci_low, hi.share_ci_high)}, {_articles(hi.n_docs)}, "
            f"{hi.n_sentences} sentences) against {_share_with_ci(lo, group_col)}; "
            "the intervals do not overlap."
        )
        ev = _frame_evidence_for(sentences, evidence, frame, hi[group_col], group_col, n=2)
        out.append(
            Finding(
                f"frames_difference_{frame}",
                "frames",
                text,
                evidence=ev,
                figures=("fig08_frame_salience",),
            )
        )
    if unclear:
        text = (
            "For " + ", ".join(unclear) + ", the groups' 95% intervals overlap between the "
            "highest and the lowest share: overlapping intervals, no clear difference."
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
    return out


def _keyness_findings(
    keyness: pd.DataFrame,
    sentences: pd.DataFrame,
    group_col: str,
    top_terms: int,
) -> list[Finding]:
    out: list[Finding] = []
    for group, part in keyness.groupby(group_col, sort=True):
        used = part[(part["count_in_group"] > 0) & (part["z"] > 1.96)]
        used = used.sort_values(["z", "term"], ascending=[False, True]).head(top_terms)
        n_docs = int(sentences.loc[sentences[group_col] == group, "doc_id"].nunique())
        if used.empty:
            text = (
                f"{_in_these(n_docs)} from {group}, no word is distinctive against the "
                "other groups (no z-score above 1.96)."
            )
            out.append(
                Finding(
                    f"vocabulary_{group}",
                    "vocabulary",
                    text,
                    figures=("fig09_keyness",),
                    supported=False,
                )
            )
            continue
        listed = ", ".join(
            f"“{r.term}” (z = {r.z:.1f}; {r.count_in_group} uses vs {r.count_in_rest} elsewhere)"
            for r in used.itertuples()
        )
        text = (
            f"Words most distinctive of {group} ({_articles(n_docs)}) against the rest of "
            f"the corpus (log-odds with informative Dirichlet prior): {listed}."
        )
        term = used.iloc[0].term
        pattern = r"(?<![\w])" + r"\s+".join(re.escape(w) for w in term.split()) + r"(?![\w])"
        own = sentences[sentences[group_col] == group]  # search only the group's sentences
        mask = own["sentence"].str.contains(pattern, case=False, regex=True)
        out.append(
            Finding(
                f"vocabulary_{group}",
                "vocabulary",
                text,
                evidence=_evidence_for(own, mask, group_col, n=2),
                figures=("fig09_keyness",),
            )
        )
    return out


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
    pct: bool,
    sentences: pd.DataFrame,
    evidence_mask: pd.Series,
) -> Finding:
    ordered = table.sort_values([value, group_col], ascending=[False, True])
    listed = "; ".join(
        f"{r[group_col]} {(_pct(r[value]) if pct else f'{r[value]:.1f}')} "
        f"({_ci(r[low], r[high], pct)}, {_articles(int(r['n_docs']))}, "
        f"{int(r['n_sentences'])} sentences)"
        for _, r in ordered.iterrows()
    )
    hi, lo = ordered.iloc[0], ordered.iloc[-1]
    if len(ordered) > 1 and not _overlap(hi[low], hi[high], lo[low], lo[high]):
        verdict = (
            f"In these articles, {hi[group_col]} is higher than {lo[group_col]}; their 95% "
            "intervals do not overlap."
        )
        supported = True
    else:
        verdict = "Overlapping intervals, no clear difference between the groups."
        supported = False
    # Evidence from the group with the highest value.
    mask = evidence_mask & (sentences[group_col] == hi[group_col])
    evidence = _evidence_for(sentences, mask, group_col, n=2)
    return Finding(
        key,
        section,
        f"{what}: {listed}. {verdict}",
        evidence=evidence,
        figures=(figure,),
        supported=supported,
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
    n_boot: int = 2000,
    seed: int = 0,
) -> list[Finding]:
    """Plain-language findings for frames, vocabulary, sourcing and hedging.

    Every number comes from the tables passed in (the quotation-share intervals are computed here
    with the same seeded bootstrap); evidence sentences are chosen deterministically.
    """
    _require(
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
    out = _frame_findings(frames_by_group, sentences, evidence, group_col)
    out += _keyness_findings(keyness, sentences, group_col, top_terms)

    quotes = bootstrap_ci(
        sentences.assign(_q=sentences["has_quote"].astype(float)),
        "_q",
        group_col,
        n_boot=n_boot,
        seed=seed,
    )
    out.append(
        _rate_contrast(
            quotes,
            group_col,
            "estimate",
            "ci_low",
            "ci_high",
            "Share of sentences with a direct quotation",
            "sourcing_quotes",
            "sourcing",
            "fig10_sourcing",
            True,
            sentences,
            sentences["has_quote"].astype(bool) & sentences["attribution_verb"].notna(),
        )
    )
    src = sourcing[sourcing["measure"] == "source"]
    for group, part in src.groupby(group_col, sort=True):
        part = part.sort_values(["n_sentences_with", "item"], ascending=[False, True])
        part = part[part["n_sentences_with"] > 0]
        n_docs, n_sent = (
            int(src.loc[src[group_col] == group, "n_docs"].iloc[0]),
            int(src.loc[src[group_col] == group, "n_sentences"].iloc[0]),
        )
        if part.empty:
            text = (
                f"{_in_these(n_docs)} from {group} ({n_sent} sentences), no sentence "
                "attributes a claim to a recognised source category."
            )
            out.append(Finding(f"sourcing_{group}", "sourcing", text, figures=("fig10_sourcing",)))
            continue
        listed = ", ".join(
            f"{r.item.replace('_', ' ')} {r.n_sentences_with}" for r in part.head(3).itertuples()
        )
        top_col = f"source_{part.iloc[0]['item']}"
        mask = (sentences[group_col] == group) & sentences[top_col].astype(bool)
        text = (
            f"{_in_these(n_docs)} from {group} ({n_sent} sentences), attributed "
            f"sentences credit most often (sentences): {listed}."
        )
        out.append(
            Finding(
                f"sourcing_{group}",
                "sourcing",
                text,
                evidence=_evidence_for(sentences, mask, group_col, n=2),
                figures=("fig10_sourcing",),
            )
        )
    for measure, col in (("hedges", "n_hedges"), ("certainty", "n_certainty")):
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
            )
        )
    return out
