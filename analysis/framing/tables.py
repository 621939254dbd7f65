"""The framing analysis as tables: frames, vocabulary, sourcing and hedging.

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

:mod:`analysis.framing.findings` puts these tables into words.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.config import N_BOOT, N_PERM, SEED
from analysis.corpus.transcripts import GUEST_ROLE, SPEAKER_COLUMNS
from analysis.framing.codebook import Codebook, load_codebook
from analysis.framing.frames import frame_hits, frame_matrix, to_arrow
from analysis.framing.hedging import hedging_counts
from analysis.framing.sourcing import sourcing_matrix
from analysis.stats.bootstrap import bootstrap_ci
from analysis.stats.proportions import wilson_interval

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


def add_framing(
    sentences: pd.DataFrame,
    codebook: Codebook | Path | str | None = None,
    *,
    text_col: str = "sentence",
    sources: Path | str | None = None,
    hedges: Path | str | None = None,
) -> pd.DataFrame:
    """The sentences table plus ``frame_<key>`` columns, sourcing columns and hedge counts
    (``sources`` and ``hedges`` are lexicon files; default: the bundled ones). A broadcast
    transcript's guests' sentences (:func:`transcript_guests`) are quotations of the guest.

    Columns the step produces are replaced if already present, so it can be rerun with another
    codebook. The row order and index of ``sentences`` are kept.
    """
    if text_col not in sentences.columns:
        raise KeyError(f"add_framing: missing column {text_col!r}")
    book = load_codebook(codebook)
    texts = to_arrow(sentences[text_col])  # converted once for every measure
    frames = frame_matrix(texts, book)
    frames.columns = book.columns
    doc_ids = sentences["doc_id"].to_numpy() if "doc_id" in sentences.columns else None
    sourcing = sourcing_matrix(texts, sources, doc_ids=doc_ids, guests=transcript_guests(sentences))
    parts = [frames, sourcing, hedging_counts(texts, hedges)]
    new_cols = [c for part in parts for c in part.columns]
    stale = [c for c in sentences.columns if c in new_cols or c.startswith(("frame_", "source_"))]
    base = sentences.drop(columns=stale)
    for part in parts:
        part.index = sentences.index
    return pd.concat([base, *parts], axis=1)


def transcript_guests(sentences: pd.DataFrame) -> list[str] | None:
    """Each sentence's guest in a broadcast transcript (``transcript_speaker`` where
    ``transcript_role`` is "guest", else ""), or None when no sentence has one (the sentences
    of a corpus without transcripts, or a table without the columns): what
    :func:`~analysis.framing.sourcing.sourcing_matrix` counts as quoted."""
    speaker, role = SPEAKER_COLUMNS
    if speaker not in sentences.columns or role not in sentences.columns:
        return None
    guest = (sentences[role].fillna("").astype(str) == GUEST_ROLE).to_numpy()
    if not guest.any():
        return None
    names = sentences[speaker].fillna("").astype(str).to_numpy()
    return [name if is_guest else "" for name, is_guest in zip(names, guest, strict=True)]


def require_columns(df: pd.DataFrame, columns: Sequence[str], where: str) -> None:
    """Raise a ``KeyError`` naming ``where`` and the missing columns when ``df`` lacks any of
    ``columns``, with where they come from (:func:`missing_columns_hint`)."""
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise KeyError(f"{where}: missing columns {missing}; {missing_columns_hint(missing)}")


# The columns add_framing adds besides its frames' ("frame_") and source kinds' ("source_")
FRAMING_COLUMNS = frozenset({"has_quote", "attribution_verb", "n_hedges", "n_certainty"})


def missing_columns_hint(missing: Sequence[str]) -> str:
    """Where ``missing`` columns of a sentences table come from: :func:`add_framing` for the
    framing measures, the corpus's sentences table for the rest (``n_words``, ``sentence_id``:
    a tester's own table, framed with add_framing, was told to "run add_framing first" for
    ``n_words``, which add_framing does not add)."""
    framing = [c for c in missing if c.startswith(("frame_", "source_")) or c in FRAMING_COLUMNS]
    own = [c for c in missing if c not in framing]
    hints = []
    if framing:
        hints.append(f"{', '.join(framing)}: run add_framing first")
    if own:
        hints.append(
            f"{', '.join(own)}: a column of the corpus's sentences table "
            "(analysis.load_corpus(...).sentences, or analysis.sentence_table(documents) for "
            "your own texts)"
        )
    return "; ".join(hints)


def frame_salience_table(
    sentences: pd.DataFrame,
    group_col: str = "outlet",
    codebook: Codebook | Path | str | None = None,
    *,
    n_boot: int = N_BOOT,
    seed: int = SEED,
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
    require_columns(
        sentences, [group_col, doc_col, "n_words", *book.columns], "frame_salience_table"
    )
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
    require_columns(sentences, [group_col, doc_col, *book.columns], "dominant_frames")
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
    require_columns(sentences, [group_col, *book.columns], "frame_cooccurrence")
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
    require_columns(sentences, ["doc_id", "sentence_id", text_col], "frame_evidence")
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
    require_columns(sentences, [group_col, *book.columns], "frame_evidence")
    ordered = sentences.sort_values(["doc_id", "sentence_id"], kind="stable")
    allowed = np.zeros((len(ordered), len(book.columns)), dtype=bool)
    groups = ordered[group_col].astype(str).to_numpy()
    for j, column in enumerate(book.columns):
        coded = ordered[column].to_numpy(dtype=bool)
        rank = pd.Series(coded.astype(np.int64)).groupby(groups).cumsum().to_numpy()
        allowed[:, j] = coded & (rank <= limit)
    keep = allowed.any(axis=1)
    return ordered[keep], allowed[keep]


ARTICLE_FRAME_COLUMNS = [
    "frame",
    "label",
    "share_articles",
    "share_ci_low",
    "share_ci_high",
    "share_dominant",
    "n_articles_with_frame",
    "n_docs",
    # of the articles the frame dominates, those where another frame has as many sentences
    # (the frame listed first in the codebook takes the tie)
    "n_dominant_tied",
]


def article_frames(
    sentences: pd.DataFrame,
    group_col: str = "outlet",
    codebook: Codebook | Path | str | None = None,
    *,
    min_sentences: int = 1,
    doc_col: str = "doc_id",
) -> pd.DataFrame:
    """Frames at the article level, the unit Semetko & Valkenburg (2000) coded.

    One row per document: ``doc_id, <group_col>, n_sentences``, one boolean column per frame
    key (the article has the frame when at least ``min_sentences`` of its sentences do) and
    ``dominant_frame`` (the frame with the most sentences; ties go to the frame listed first in
    the codebook; ``"none"`` when no sentence is coded) and ``dominant_tied`` (another frame has
    as many sentences: a tester's count of dominant frames held two such ties, unsaid).
    """
    if min_sentences < 1:
        raise ValueError(f"min_sentences must be at least 1, got {min_sentences}")
    book = load_codebook(codebook)
    require_columns(sentences, [group_col, doc_col, *book.columns], "article_frames")
    grouped = sentences.groupby([doc_col, group_col], sort=True, observed=True)
    counts = grouped[book.columns].sum().astype(np.int64)
    out = counts.reset_index()[[doc_col, group_col]]
    out.insert(2, "n_sentences", grouped.size().to_numpy())
    values = counts.to_numpy()
    for j, key in enumerate(book.keys):
        out[key] = values[:, j] >= min_sentences
    first = values.argmax(axis=1) if len(values) else np.array([], dtype=int)
    top = values.max(axis=1, keepdims=True) if len(values) else np.zeros((0, 1))
    has_any = top[:, 0] > 0
    out["dominant_frame"] = np.where(has_any, np.asarray(book.keys)[first], "none")
    out["dominant_tied"] = has_any & ((values == top).sum(axis=1) > 1)
    return out.rename(columns={doc_col: "doc_id"})


def article_frame_table(
    sentences: pd.DataFrame,
    group_col: str = "outlet",
    codebook: Codebook | Path | str | None = None,
    *,
    min_sentences: int = 1,
    ci: float = 0.95,
) -> pd.DataFrame:
    """Per group and frame: the share of articles with the frame (with its Wilson score
    interval), the share of articles where it is the dominant frame, and the counts.

    The share is a count of independent articles, so it has a closed-form interval
    (:func:`analysis.stats.proportions.wilson_interval`): the percentile bootstrap over articles
    it replaced gave a group whose three articles all carry a frame "100–100%", and one whose
    articles carry none "0–0%", intervals that said the share was certain. Columns:
    ``<group_col>`` then :data:`ARTICLE_FRAME_COLUMNS`.
    """
    book = load_codebook(codebook)
    articles = article_frames(sentences, group_col, book, min_sentences=min_sentences)
    rows = []
    for frame in book.frames:
        for group, part in articles.groupby(group_col, sort=True, observed=True):
            n_docs = len(part)
            n_with = int(part[frame.key].sum())
            low, high = wilson_interval(n_with, n_docs, ci)
            dominant = part["dominant_frame"] == frame.key
            rows.append(
                {
                    group_col: group,
                    "frame": frame.key,
                    "label": frame.label,
                    "share_articles": n_with / n_docs,
                    "share_ci_low": low,
                    "share_ci_high": high,
                    "share_dominant": float(dominant.mean()),
                    "n_articles_with_frame": n_with,
                    "n_docs": n_docs,
                    "n_dominant_tied": int((dominant & part["dominant_tied"]).sum()),
                }
            )
    return pd.DataFrame(rows, columns=[group_col, *ARTICLE_FRAME_COLUMNS])


def article_frame_comparison(
    sentences: pd.DataFrame,
    group_col: str = "outlet",
    codebook: Codebook | Path | str | None = None,
    *,
    min_sentences: int = 1,
    n_boot: int = N_BOOT,
    n_perm: int = N_PERM,
    seed: int = SEED,
) -> pd.DataFrame:
    """Every pair of groups, per frame: the difference in the share of articles with the frame,
    with a bootstrap CI over articles, a permutation p-value (articles shuffled between the two
    groups) and Holm-adjusted p over all pairs and frames.

    Columns: ``frame`` then those of :func:`analysis.stats.comparisons.pairwise_table` without
    the sentence counts; the unit of every test is the article (``perm_unit`` is
    ``"article"``, ``n_docs_a``/``n_docs_b`` count articles).
    """
    from analysis.stats.comparisons import holm, pairwise_table

    book = load_codebook(codebook)
    articles = article_frames(sentences, group_col, book, min_sentences=min_sentences)
    parts = []
    for key in book.keys:
        table = pairwise_table(
            articles.assign(_v=articles[key].astype(float)),
            "_v",
            group_col,
            method="article presence",
            n_boot=n_boot,
            n_perm=n_perm,
            seed=seed,
        )
        table.insert(0, "frame", key)
        parts.append(table)
    out = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()
    if len(out):
        out["p_holm"] = holm(out["p_perm"].to_numpy())
        # each row of the test is an article: the permutation shuffles articles, and the
        # "sentence" counts of pairwise_table are article counts (left out as duplicates)
        out["perm_unit"] = "article"
        out = out.drop(columns=[c for c in out.columns if c.startswith("n_sentences_")])
    return out
