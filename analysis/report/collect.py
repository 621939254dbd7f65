"""Gathering every analysis's findings for the summary: saved by a notebook, or recomputed.

The summary notebook runs after the analysis notebooks. Each of those saves its findings
(``findings_<analysis>.json`` in the tables folder); when one did not (an older run, or tables
written some other way), its findings are recomputed here from the tables it wrote, with the same
functions the notebook calls (:func:`analysis.sentiment.findings.sentiment_findings`,
:func:`analysis.framing.findings.framing_findings`) and the run's parameters.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.corpus.periods import group_column
from analysis.framing.corrected_differences import check_against_corrected
from analysis.framing.findings import article_frame_findings, framing_findings
from analysis.io import read_table
from analysis.report.findings import Finding, load_findings
from analysis.report.group_languages import in_english
from analysis.report.quotes import quotable
from analysis.selection import keep_outlets
from analysis.sentiment.findings import sentiment_findings


def collect_findings(tables_dir: Path | str, params: Mapping[str, Any]) -> list[Finding]:
    """Every analysis's findings, in a fixed order: sentiment, then framing.

    A notebook that saved its findings (``findings_<analysis>.json`` in ``tables_dir``, see
    :func:`analysis.report.findings.save_findings`) is read as is, so the summary quotes exactly
    what the notebook computed; otherwise the findings are recomputed from that analysis's
    tables. Each analysis module owns the wording and the rule that a difference whose CI
    includes zero is not reported as one; this only gathers them.
    """
    tables = Path(tables_dir)
    findings: list[Finding] = []
    for name, loader in (("sentiment", _sentiment_from_tables), ("framing", _framing_from_tables)):
        saved = tables / f"findings_{name}.json"
        findings += load_findings(saved) if saved.is_file() else loader(tables, params)
    return findings


def require_tables(tables_dir: Path | str) -> None:
    """A ``FileNotFoundError`` saying what to run when ``tables_dir`` lacks the documents table
    notebook 01 writes: notebook 04 run on its own, before 01-03, failed deep inside pandas."""
    path = Path(tables_dir) / "documents.csv"
    if not path.is_file():
        raise FileNotFoundError(
            f"{path} not found: the summary is written from the tables notebooks 01-03 write; "
            "run them first with the same tables_dir (or the whole pipeline with "
            "`python -m analysis run`)"
        )


def _read(tables: Path, *names: str) -> pd.DataFrame | None:
    for name in names:
        if (tables / name).is_file():
            return read_table(tables / name, dtype={"doc_id": str})
    return None


def _chosen_outlets(sentences: pd.DataFrame, params: Mapping[str, Any]) -> pd.DataFrame:
    """The sentences of the outlets the run compared (all when none were chosen)."""
    if "outlet" not in sentences.columns:
        return sentences
    return keep_outlets(sentences, params.get("outlets"), strict=False).reset_index(drop=True)


def _sentiment_from_tables(tables: Path, params: Mapping[str, Any]) -> list[Finding]:
    group_col = group_column(str(params.get("group_by") or "outlet"))  # published:month: month
    by_group = _read(tables, f"sentiment_by_{group_col}.csv", "sentiment_by_outlet.csv")
    pairwise = _read(tables, "sentiment_pairwise.csv")
    actors = _read(tables, "actor_tone.csv")
    sentences = _read(tables, "sentences.csv")
    if by_group is None or pairwise is None or actors is None or sentences is None:
        return []
    sentences = _chosen_outlets(sentences, params)
    documents = _read(tables, "documents.csv")
    return sentiment_findings(
        by_group,
        pairwise,
        actors,
        sentences,
        group_col,
        method=str(params.get("method") or "vader"),
        quote_first=quotable(documents, sentences),
        actor_pairwise=_read(tables, "actor_tone_pairwise.csv"),  # absent from older runs
    )


def _framing_from_tables(tables: Path, params: Mapping[str, Any]) -> list[Finding]:
    group_col = group_column(str(params.get("group_by") or "outlet"))  # published:month: month
    frames = _read(tables, f"frames_by_{group_col}.csv", "frames_by_outlet.csv")
    others = [
        _read(tables, name)
        for name in (
            "keyness.csv",
            "sourcing.csv",
            "hedging.csv",
            "sentences.csv",
            "frame_evidence.csv",
        )
    ]
    if frames is None or any(frame is None for frame in others):
        return []
    keyness, sourcing, hedging, sentences, evidence = others
    sentences = _chosen_outlets(sentences, params)
    by_article = _read(tables, "frames_by_article.csv")
    extra = [] if by_article is None else article_frame_findings(by_article, group_col)
    documents = _read(tables, "documents.csv")
    found = framing_findings(
        frames,
        keyness,
        sourcing,
        hedging,
        sentences,
        evidence,
        group_col=group_col,
        top_terms=5,
        english=None if documents is None else in_english(documents, sentences),
        **{k: params[k] for k in ("n_boot", "seed") if isinstance(params.get(k), int)},
    )
    corrected = _read(tables, "frames_corrected.csv")
    # the coders' precision is not read here: which coder each frame had, and whether the table
    # still measured it, are the notebook's to know (findings_framing.json holds its notes)
    return check_against_corrected(found + extra, corrected, group_col)
