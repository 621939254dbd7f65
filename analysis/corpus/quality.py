"""Document quality flags: what a reader should check before trusting a document's figures.

Pasted page text and exports hold documents that are not whole articles: a page that was mostly
menus (many lines removed by cleaning), a teaser or paywalled page (very short, or ending
mid-sentence), a list of captions or headlines (mostly fragments), and the same agency story
syndicated by several outlets (near-duplicates, which count one story several times). Each
check gives a column of the documents table; ``quality_flags`` names the ones raised.

Near-duplicates are found with MinHash over word shingles (Broder 1997, "On the resemblance and
containment of documents") and locality-sensitive hashing, as implemented by ``datasketch``; a
document whose estimated Jaccard similarity to an earlier one reaches
:data:`DUPLICATE_THRESHOLD` names that earlier document in ``duplicate_of``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

SHORT_WORDS = 80  # a body under this many words is flagged "short"
FRAGMENT_WORDS = 4  # a sentence under this many words is a fragment
FRAGMENT_SHARE = 0.3  # flagged when more than this share of sentences are fragments...
FRAGMENT_MIN_SENTENCES = 5  # ...and the document has at least this many sentences
REMOVED_SHARE = 0.5  # flagged when cleaning removed more than this share of the lines
SHINGLE_WORDS = 5  # words per shingle for MinHash
NUM_PERM = 128  # MinHash permutations (datasketch's default)
MINHASH_SEED = 1  # fixed, so the same corpus gives the same flags
DUPLICATE_THRESHOLD = 0.8  # estimated Jaccard similarity from which a copy is flagged
DUPLICATE_MODES = ("keep", "flag", "drop")
QUALITY_COLUMNS = [
    "share_lines_removed",
    "flag_short",
    "flag_truncated",
    "flag_fragments",
    "duplicate_of",
    "quality_flags",
]
_WORD_RE = re.compile(r"\w+")
# A body that ends like a sentence: final punctuation, possibly followed by quotes or brackets.
_ENDS_SENTENCE_RE = re.compile(r"[.!?…:;。！？；：][\"'”’»)\]」』）》]*\s*$")


def share_lines_removed(documents: pd.DataFrame, audit: pd.DataFrame) -> pd.Series:
    """Per document, lines removed by cleaning / (lines removed + lines kept in the body)."""
    removed = audit.loc[audit["action"] == "removed"].groupby("doc_id").size()
    n_removed = documents["doc_id"].map(removed).fillna(0).astype(float)
    kept = documents["text"].map(lambda t: sum(1 for line in str(t).splitlines() if line.strip()))
    total = n_removed + kept
    return (n_removed / total.where(total > 0, 1)).round(3)


_STRAY_LEAD_RE = re.compile(r"[A-Za-z]{4,}â[a-z]{2,}|\sâ\s|[A-Za-z]â(?=\s|$)|(?<!\w)â(?=[A-Za-z])")


def has_stray_lead_byte(text: str) -> bool:
    """Whether ``text`` holds an ``â`` next to an ASCII letter ("economyâone", "âthe"): in
    English text, the first byte of a UTF-8 dash or quote (E2 80 xx) read as cp1252 after its
    other two bytes were lost. French or Portuguese words with â are not English text, which
    is what the caller checks (the ``language`` column)."""
    return "â" in text and bool(_STRAY_LEAD_RE.search(text))


def ends_mid_sentence(text: str) -> bool:
    """True when the body does not end with sentence-final punctuation (truncated, paywalled)."""
    return bool(str(text).strip()) and not _ENDS_SENTENCE_RE.search(str(text))


def fragment_share(sentences: pd.DataFrame, doc_ids: pd.Series) -> pd.Series:
    """Per document, the share of its sentences under :data:`FRAGMENT_WORDS` words."""
    if sentences.empty:
        return pd.Series(0.0, index=doc_ids.index)
    grouped = sentences.assign(frag=sentences["n_words"] < FRAGMENT_WORDS).groupby("doc_id")
    share = grouped["frag"].mean()
    count = grouped.size()
    enough = count >= FRAGMENT_MIN_SENTENCES
    return doc_ids.map(share.where(enough, 0.0)).fillna(0.0)


def _shingles(text: str) -> set[bytes]:
    words = _WORD_RE.findall(str(text).lower())
    if len(words) <= SHINGLE_WORDS:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {
        " ".join(words[i : i + SHINGLE_WORDS]).encode("utf-8")
        for i in range(len(words) - SHINGLE_WORDS + 1)
    }


def find_duplicates(doc_ids: list[str], texts: list[str]) -> list[str]:
    """For each document, the id of the first earlier near-duplicate, else ``""``.

    MinHash signatures (``datasketch.MinHash``, fixed seed) of the word 5-gram shingles are
    indexed in a ``MinHashLSH`` at :data:`DUPLICATE_THRESHOLD`; each LSH candidate is confirmed
    on its estimated Jaccard similarity, and the earliest (in corpus order) is named. Documents
    are compared in order, so the first copy of a story is the original and later ones point to
    it (a chain of copies points to its first member).
    """
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=DUPLICATE_THRESHOLD, num_perm=NUM_PERM)
    position: dict[str, int] = {}
    hashes: list[MinHash] = []
    result: list[str] = []
    for i, text in enumerate(texts):
        shingles = _shingles(text)
        minhash = MinHash(num_perm=NUM_PERM, seed=MINHASH_SEED)
        minhash.update_batch(list(shingles))
        hashes.append(minhash)
        match = ""
        if shingles:
            candidates = sorted(position[c] for c in lsh.query(minhash))
            for j in candidates:
                if hashes[j].jaccard(minhash) >= DUPLICATE_THRESHOLD:
                    match = result[j] or doc_ids[j]
                    break
            key = f"{i}"
            position[key] = i
            lsh.insert(key, minhash)
        result.append(match)
    return result


def quality_table(
    documents: pd.DataFrame, sentences: pd.DataFrame, audit: pd.DataFrame
) -> pd.DataFrame:
    """The documents with the :data:`QUALITY_COLUMNS` added (replaced if present).

    ``quality_flags`` lists the raised flags, ``;``-separated: ``lines_removed`` (cleaning
    removed more than :data:`REMOVED_SHARE` of the lines), ``short`` (under
    :data:`SHORT_WORDS` words), ``truncated`` (ends mid-sentence), ``fragments`` (over
    :data:`FRAGMENT_SHARE` of sentences are under :data:`FRAGMENT_WORDS` words),
    ``duplicate`` (a near-copy of ``duplicate_of``), ``language`` (not English) and
    ``mojibake`` (an English text still holding a stray ``â`` glued to a word, the lead byte
    of UTF-8 punctuation whose continuation bytes were lost that cleaning could not place:
    :func:`has_stray_lead_byte`).
    """
    out = documents.drop(columns=[c for c in QUALITY_COLUMNS if c in documents.columns])
    out = out.reset_index(drop=True)
    removed = share_lines_removed(out, audit)
    short = out["n_words"].astype(int) < SHORT_WORDS
    truncated = out["text"].map(ends_mid_sentence).astype(bool)
    fragments = fragment_share(sentences, out["doc_id"]) > FRAGMENT_SHARE
    duplicate_of = find_duplicates(out["doc_id"].astype(str).tolist(), out["text"].tolist())
    language = out["language"].fillna("").astype(str).str.lower()
    foreign = (language != "") & ~language.str.startswith("en")
    flags = []
    for i in range(len(out)):
        raised = [
            name
            for name, on in (
                ("lines_removed", removed.iloc[i] > REMOVED_SHARE),
                ("short", short.iloc[i]),
                ("truncated", truncated.iloc[i]),
                ("fragments", fragments.iloc[i]),
                ("duplicate", bool(duplicate_of[i])),
                ("language", foreign.iloc[i]),
                ("mojibake", not foreign.iloc[i] and has_stray_lead_byte(out["text"].iloc[i])),
            )
            if on
        ]
        flags.append(";".join(raised))
    return out.assign(
        share_lines_removed=removed.to_numpy(),
        flag_short=short.to_numpy(),
        flag_truncated=truncated.to_numpy(),
        flag_fragments=fragments.to_numpy(),
        duplicate_of=duplicate_of,
        quality_flags=flags,
    )


def apply_duplicates(
    documents: pd.DataFrame, sentences: pd.DataFrame, mode: str
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Keep, flag or drop near-duplicate documents (``mode`` in :data:`DUPLICATE_MODES`).

    ``"flag"`` (the default of a run) keeps them with ``duplicate_of`` filled; ``"keep"`` keeps
    them without the ``duplicate`` flag (copies counted on purpose; ``duplicate_of`` stays);
    ``"drop"`` removes them and their sentences, leaving ``duplicate_of`` in nothing that stays.
    """
    if mode not in DUPLICATE_MODES:
        raise ValueError(f"duplicates must be one of {', '.join(DUPLICATE_MODES)}, got {mode!r}")
    if "duplicate_of" not in documents.columns or mode == "flag":
        return documents, sentences
    copies = documents["duplicate_of"].astype(str) != ""
    if mode == "keep":
        flags = documents["quality_flags"].astype(str).str.split(";")
        kept = flags.map(lambda f: ";".join(x for x in f if x and x != "duplicate"))
        return documents.assign(quality_flags=kept), sentences
    dropped = set(documents.loc[copies, "doc_id"])
    kept_sentences = sentences.loc[~sentences["doc_id"].isin(dropped)].reset_index(drop=True)
    return documents.loc[~copies].reset_index(drop=True), kept_sentences


def quality_lines(documents: pd.DataFrame, duplicates: str = "flag", limit: int = 10) -> list[str]:
    """Markdown lines for the summary naming flagged documents and what was done with them.

    Empty when nothing is flagged (or the table has no quality columns). At most ``limit``
    documents are named; the rest are counted.
    """
    if "quality_flags" not in documents.columns:
        return []
    flagged = documents.loc[documents["quality_flags"].astype(str) != ""]
    if flagged.empty:
        return []
    action = {
        "flag": "kept in the analysis and flagged",
        "keep": "kept in the analysis",
        "drop": "kept, except near-duplicates, which were dropped",
    }.get(duplicates, "kept in the analysis and flagged")
    lines = [
        f"**Document quality.** {len(flagged)} of {len(documents)} documents are flagged "
        f"({action}; see the `quality_flags` column of documents.csv):",
        "",
    ]
    for row in flagged.head(limit).itertuples(index=False):
        note = str(row.quality_flags).replace(";", ", ")
        if str(row.duplicate_of):
            note += f" (copy of {row.duplicate_of})"
        lines.append(f"- {row.doc_id} ({row.outlet}): {note}")
    if len(flagged) > limit:
        lines.append(f"- … and {len(flagged) - limit} more")
    return lines


def quality_summary(tables_dir: Path | str, params: Mapping[str, Any]) -> list[str]:
    """:func:`quality_lines` for the summary, from ``documents.csv`` in ``tables_dir``.

    ``params`` are the run's shown parameters (``duplicates`` says what was done with copies).
    Empty when the table is missing or has no quality columns (tables of an older run).
    """
    from analysis.io import read_table

    path = Path(tables_dir) / "documents.csv"
    if not path.is_file():
        return []
    documents = read_table(path, dtype={"doc_id": str}).fillna("")
    lines = quality_lines(documents, str(params.get("duplicates") or "flag"))
    return [*lines, ""] if lines else []
