"""``python -m analysis bench persent --data DIR``: what cleaning leaves of real, messy news text.

DIR holds the PerSenT CSV files (Bastan et al. 2020, "Author's Sentiment Prediction", COLING;
columns ``DOCUMENT_INDEX`` and ``DOCUMENT``): real articles, some already tokenised ("U . S .",
``-lrb-``), some with UTF-8 mojibake that lost its continuation bytes ("wasnât"), some with a
large outlet's caption boilerplate. The benchmark cleans and splits every article as the
pipeline does and counts what should not survive: sentences without a word of two letters
("." or "S ."), stray ``â``, Penn Treebank bracket tokens, clitics split off their word
("world 's"), caption boilerplate, captions ending in their photo's credit in brackets
("(Photo: Jane Roe AP)") and the lines of a video player ("CLOSE Former President ...").
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import pandas as pd

from analysis.commands.options import add_data_folder, data_folder

_WORD2_RE = re.compile(r"[^\W\d_]{2,}|\d")
_BRACKET_RE = re.compile(r"-[lr][rsc]b-", re.I)
_CAPTION_RE = re.compile(r"toggle caption|enlarge this image", re.I)
# A photo's caption ending in its credit in brackets, USA Today's "... (Photo: Jane Roe AP)",
# left as a line of text: the pipeline would read it as one of the article's sentences.
_PHOTO_CREDIT_LINE_RE = re.compile(
    r"\((?:photo|photos|image|video|photograph|illustration)\s*:[^()\n]{1,80}\)[ \t]*$",
    re.I | re.M,
)
# USA Today's video player copied with the page: "CLOSE Former President ... (Dec. 26) AP"
_VIDEO_PLAYER_LINE_RE = re.compile(r"^(?:Skip in Skip x Embed x Share )?CLOSE [A-Z0-9]", re.M)
# A clitic split off its word ("world 's", "Bitcoin ’s", "Trump ’ s"), as detokenise rejoins it
# (since session 70 with the curly apostrophe too, on either side of a space).
_SPLIT_CLITIC_RE = re.compile(r"(?<=\w) ['’] ?(?:s|re|ll|ve|d|m)(?=[\s,.;:!?)\]]|$)")


def residue_counts(documents: pd.DataFrame, sentences: pd.DataFrame) -> dict[str, int]:
    """Counts of leftovers in clean documents and their sentences (see the module docstring)."""
    text = documents["text"].astype(str)
    sentence = sentences["sentence"].astype(str)
    return {
        "documents": len(documents),
        "sentences": len(sentences),
        "empty_sentences": int((~sentence.str.contains(_WORD2_RE)).sum()),
        "stray_a_circumflex": int(text.str.count("â").sum()),
        "documents_with_stray_a": int((text.str.count("â") > 0).sum()),
        "bracket_tokens": int(text.str.count(_BRACKET_RE).sum()),
        "caption_boilerplate": int(text.str.count(_CAPTION_RE).sum()),
        "photo_credit_captions": int(text.str.count(_PHOTO_CREDIT_LINE_RE).sum()),
        "video_player_lines": int(text.str.count(_VIDEO_PLAYER_LINE_RE).sum()),
        "split_clitics": int(text.str.count(_SPLIT_CLITIC_RE).sum()),
        "documents_without_text": int((documents["n_words"] == 0).sum()),
    }


def raw_persent(folder: Path) -> pd.DataFrame:
    """Every PerSenT article of ``folder`` (``*.csv``) as a raw-documents frame."""
    from analysis.corpus.files import RAW_DOC_COLUMNS

    frames = []
    for path in sorted(folder.glob("*.csv")):
        table = pd.read_csv(path, dtype=str, keep_default_na=False)
        frames.append(
            pd.DataFrame(
                {
                    "doc_id": path.stem + "-" + table["DOCUMENT_INDEX"],
                    "file": path.name,
                    "outlet": "persent",
                    "raw_text": table["DOCUMENT"],
                    "encoding": "utf-8",
                }
            )
        )
    raw = pd.concat(frames, ignore_index=True)
    raw = raw.drop_duplicates("doc_id").reset_index(drop=True)
    return raw.reindex(columns=RAW_DOC_COLUMNS, fill_value="")


def run(folder: Path) -> dict[str, dict[str, int]]:
    """Leftover counts of the raw text (split, not cleaned) and of the cleaned text."""
    from analysis.corpus.documents import clean_documents, split_documents

    raw = raw_persent(folder)
    as_is = raw.rename(columns={"raw_text": "text"})
    as_is, raw_sentences = split_documents(
        as_is.assign(n_encoding_repairs=0).reindex(columns=[*as_is.columns, "n_encoding_repairs"])
    )
    documents, _ = clean_documents(raw)
    documents, sentences = split_documents(documents)
    return {
        "raw": residue_counts(as_is, raw_sentences),
        "cleaned": residue_counts(documents, sentences),
    }


HOLDING = "PerSenT's CSV files"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``bench persent``."""
    add_data_folder(parser, HOLDING)
    parser.add_argument("--json", type=Path, default=None, help="also write the results here")


def persent_folder(args: argparse.Namespace) -> Path | None:
    """The PerSenT folder given as ``--data`` (:func:`add_data_folder`), or None after saying
    on stderr why there is none to read (no folder, or no CSV file in it)."""
    folder = data_folder(args, HOLDING)
    if isinstance(folder, Path) and not list(folder.glob("*.csv")):
        folder = f"--data {folder}: no CSV file in it; give the PerSenT folder"
    if isinstance(folder, str):
        print(f"error: {folder}", file=sys.stderr)
        return None
    return folder


def main(args: argparse.Namespace) -> int:
    """Print the leftover counts before and after cleaning; 2 when no CSV is found."""
    folder = persent_folder(args)
    if folder is None:
        return 2
    results = run(folder)
    print(f"{'count':<24} {'raw':>8} {'cleaned':>8}")
    for key in results["raw"]:
        print(f"{key:<24} {results['raw'][key]:>8} {results['cleaned'][key]:>8}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, sort_keys=True), encoding="utf-8")
    return 0
