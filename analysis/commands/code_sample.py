"""Draw a random sample of sentences (or articles) to code by hand, with a coding guide.

Writes the sheet (CSV: item_id, doc_id, sentence_id, outlet, sentence, then one empty column per
frame key and tone) and, next to it, SHEET.guide.md with each frame's definition and examples.
The same corpus, --n and --seed always give the same sheet. Code it, then run
`python -m analysis validate --sheet SHEET`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from analysis.commands.options import add_column_map
from analysis.config import SEED


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``python -m analysis code-sample``."""
    parser.add_argument("--corpus", type=Path, default=None, help="corpus folder or file")
    add_column_map(parser)
    parser.add_argument("--n", type=int, default=200, help="items to draw (default 200)")
    parser.add_argument("--seed", type=int, default=SEED, help=f"random seed (default {SEED})")
    parser.add_argument("--out", type=Path, required=True, help="the sheet to write (.csv)")
    parser.add_argument("--unit", choices=("sentence", "article"), default="sentence")
    parser.add_argument("--codebook", type=Path, default=None, help="codebook (default bundled)")
    parser.add_argument(
        "--stratify", default=None, help="column to stratify by, e.g. outlet (proportional)"
    )
    parser.add_argument("--examples", type=int, default=2, help="examples per frame in the guide")
    parser.add_argument(
        "--force",
        action="store_true",
        help="replace a sheet or guide this command did not write, or that changed since "
        "(by default never: a sheet may hold someone's codes); an unchanged one of an "
        "earlier run is replaced without it",
    )


def guide_path(sheet: Path) -> Path:
    """Where the coding guide of ``sheet`` goes: ``<sheet stem>.guide.md`` next to it."""
    return sheet.with_name(sheet.stem + ".guide.md")


def main(args: argparse.Namespace) -> int:
    """Draw the sample and write the sheet and its guide; exit code 2 on bad input."""
    from analysis.config import default_corpus_dir
    from analysis.corpus.documents import CorpusError
    from analysis.corpus.files import CorpusFileError
    from analysis.framing.codebook import CodebookError, load_codebook
    from analysis.io import write_table, write_text
    from analysis.loading import load_corpus
    from analysis.validation.sample import coding_guide, draw_sample
    from analysis.written import record_written, refused

    if refused([args.out, guide_path(args.out)], getattr(args, "force", False)):
        return 2
    try:
        book = load_codebook(args.codebook)
        corpus = load_corpus(
            args.corpus or default_corpus_dir(), column_map=args.column_map, progress=False
        )
        table = corpus.sentences if args.unit == "sentence" else corpus.documents
        sheet = draw_sample(
            table,
            args.n,
            seed=args.seed,
            unit=args.unit,
            stratify=args.stratify,
            frame_keys=book.keys,
        )
    except (CorpusError, CorpusFileError, CodebookError, KeyError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    guide = coding_guide(
        book,
        sentences=corpus.sentences,
        sheet=sheet,
        n_examples=args.examples,
        seed=args.seed,
        unit=args.unit,
    )
    write_table(sheet, args.out, encoding="utf-8-sig")  # Excel then shows its accents right
    write_text(guide, guide_path(args.out))
    record_written([args.out, guide_path(args.out)])  # a rerun may replace them while unchanged
    print(f"wrote {args.out} ({len(sheet)} {args.unit}s) and {guide_path(args.out)}")
    return 0
