"""``python -m analysis bench sourcing --data DIR``: what reading follow-ups adds to sourcing.

DIR holds the PerSenT CSV files (Bastan et al. 2020; columns ``DOCUMENT_INDEX`` and
``DOCUMENT``): whole news articles, so a speaker named with a role in one sentence and quoted by
surname or pronoun in the next ("“...,” Whitfield said"; "she said") is there as in any story.
Every article is cleaned and split as the pipeline does, then
:func:`analysis.framing.sourcing.sourcing_matrix` credits the kinds of source of its sentences
twice: each sentence read alone, and within its article (follow-ups credited,
:mod:`analysis.framing.follow_ups`). The counts per kind are printed; ``--sheet FILE`` writes a
seeded sample of the credits the second reading adds, each with the sentences before it, as a
CSV to check by hand (no human-labelled sourcing set exists: the README gives the share found
right in such samples).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.commands.options import add_data_folder

HOLDING = "PerSenT's CSV files"
CONTEXT_SENTENCES = 3  # sentences of the same article shown before each added credit


def persent_sentences(folder: Path) -> pd.DataFrame:
    """PerSenT's articles in ``folder``, cleaned and split as the pipeline does:
    ``doc_id, sentence_id, sentence`` in reading order."""
    from analysis.bench.persent import raw_persent
    from analysis.corpus.documents import clean_documents, split_documents

    documents, _ = clean_documents(raw_persent(folder))
    _, sentences = split_documents(documents)
    return sentences[["doc_id", "sentence_id", "sentence"]].reset_index(drop=True)


def compare(sentences: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The sourcing columns of ``sentences`` read one at a time, and within their documents."""
    from analysis.framing.sourcing import sourcing_matrix

    alone = sourcing_matrix(sentences["sentence"])
    within = sourcing_matrix(sentences["sentence"], doc_ids=sentences["doc_id"].to_numpy())
    return alone, within


def counts(alone: pd.DataFrame, within: pd.DataFrame) -> dict[str, dict[str, int]]:
    """Sentences attributed, and crediting each kind (and any), in both readings."""
    kinds = [c for c in alone.columns if c.startswith("source_")]
    out: dict[str, dict[str, int]] = {}
    for name, table in (("alone", alone), ("within_documents", within)):
        row = {"sentences": len(table), "attributed": int(table["attributed"].sum())}
        row["credited"] = int(table[kinds].any(axis=1).sum())
        row.update({kind.removeprefix("source_"): int(table[kind].sum()) for kind in kinds})
        out[name] = row
    return out


def added_sample(
    sentences: pd.DataFrame, alone: pd.DataFrame, within: pd.DataFrame, n: int, seed: int
) -> pd.DataFrame:
    """A seeded sample of ``n`` sentences whose credits the reading within documents adds,
    in corpus order: the sentence, the kinds added and the sentences before it in its article
    (each with the kinds it credits), with an empty ``right`` column to fill by hand."""
    kinds = [c for c in alone.columns if c.startswith("source_")]
    added = within[kinds].to_numpy() & ~alone[kinds].to_numpy()
    rows = np.flatnonzero(added.any(axis=1))
    chosen = sorted(random.Random(seed).sample(rows.tolist(), min(n, len(rows))))
    doc_ids = sentences["doc_id"].to_numpy()
    records = []
    for row in chosen:
        before = []
        for earlier in range(max(0, row - CONTEXT_SENTENCES), row):
            if doc_ids[earlier] == doc_ids[row]:
                credited = [k.removeprefix("source_") for k in kinds if within.at[earlier, k]]
                mark = "A" if within.at[earlier, "attributed"] else "-"
                before.append(f"[{mark} {','.join(credited)}] {sentences.at[earlier, 'sentence']}")
        records.append(
            {
                "doc_id": doc_ids[row],
                "sentence_id": sentences.at[row, "sentence_id"],
                "before": "\n".join(before),
                "sentence": sentences.at[row, "sentence"],
                "added": ",".join(k.removeprefix("source_") for k in np.array(kinds)[added[row]]),
                "right": "",
            }
        )
    return pd.DataFrame(
        records, columns=["doc_id", "sentence_id", "before", "sentence", "added", "right"]
    )


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``bench sourcing``."""
    add_data_folder(parser, HOLDING)
    parser.add_argument(
        "--sheet", type=Path, default=None, help="write a sample of the added credits (CSV)"
    )
    parser.add_argument("--sample", type=int, default=40, help="credits in the sheet (40)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the sample (0)")
    parser.add_argument("--json", type=Path, default=None, help="also write the counts here")


def main(args: argparse.Namespace) -> int:
    """Print the credits of both readings; 2 when no CSV is found."""
    from analysis.bench.persent import persent_folder

    folder = persent_folder(args)
    if folder is None:
        return 2
    if args.sample < 1:
        print("error: --sample must be 1 or more", file=sys.stderr)
        return 2
    sentences = persent_sentences(folder)
    alone, within = compare(sentences)
    results = counts(alone, within)
    print(f"{'sentences':<24} {'read alone':>10} {'in article':>10}")
    for key in results["alone"]:
        print(f"{key:<24} {results['alone'][key]:>10} {results['within_documents'][key]:>10}")
    if args.sheet:
        sheet = added_sample(sentences, alone, within, args.sample, args.seed)
        sheet.to_csv(args.sheet, index=False, encoding="utf-8")
        print(f"wrote {len(sheet)} added credits to {args.sheet} (seed {args.seed})")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, sort_keys=True), encoding="utf-8")
    return 0
