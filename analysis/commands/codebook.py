"""Check a frame codebook, and see what its indicators match in a corpus.

    python -m analysis codebook check FILE [--corpus DIR_OR_FILE]

lists EVERY problem of the codebook at once, one line each naming the frame and the field
(exit code 1 when there is any error), then its warnings: indicators that add nothing because
another indicator matches the same ("rain", "rains") or already implies them ("=fight" next to
"fighting"), and short words that do not reach their doubled forms ("ban" misses "banned").

With --corpus (a corpus folder or file, loaded and split as `run` does, without measures) it
also shows, per frame and indicator, how many sentences the indicator matches and the distinct
words it matched, most frequent first, so stemming surprises are visible ("police" also
matching "policy", "weaponize" matching "weapons"), and lists the indicators that match
nothing. Exclusions are applied as in the analysis.

The codebook format is described in the README ("Writing a codebook") and in
analysis/data/codebook_template.toml.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from analysis.commands.options import add_column_map

MAX_WORDS = 8  # distinct matched words shown per indicator


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``python -m analysis codebook``."""
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    check = sub.add_parser(
        "check",
        help="list every problem of a codebook; with --corpus, what each indicator matches",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check.add_argument("file", type=Path, help="the codebook (.toml, .yaml or .yml)")
    check.add_argument(
        "--corpus",
        type=Path,
        default=None,
        help="a corpus folder or file: report per indicator the sentences and words it matches",
    )
    add_column_map(check)


def main(args: argparse.Namespace) -> int:
    """Run ``codebook check``: 0 when the codebook is usable, 1 on errors, 2 on a bad corpus."""
    from analysis.framing.codebook_check import check_codebook, problem_lines

    report = check_codebook(args.file)
    for line in problem_lines(report):
        print(line)
    if not report.ok:
        sys.stdout.flush()  # the problems first: captured to one file, the two mixed mid-line
        print(f"{len(report.errors)} error(s), {len(report.warnings)} warning(s)", file=sys.stderr)
        return 1
    assert report.codebook is not None
    book = report.codebook
    n_ind = sum(len(f.indicators) for f in book.frames)
    print(
        f"ok: {len(book.frames)} frames, {n_ind} indicators, "
        f"{len(report.warnings)} warning(s) in {args.file}"
    )
    if args.corpus is None:
        return 0
    from analysis.corpus.documents import CorpusError
    from analysis.corpus.files import CorpusFileError
    from analysis.framing.coverage import indicator_coverage
    from analysis.loading import given_corpus, load_corpus

    try:
        source = given_corpus(args.corpus)
        sentences = load_corpus(source, column_map=args.column_map).sentences["sentence"]
    except (CorpusError, CorpusFileError, FileNotFoundError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    coverage = indicator_coverage(sentences, book)
    print(f"\n{len(sentences)} sentences in {args.corpus}")
    for key, rows in coverage.groupby("frame", sort=False):
        print(f"\n[{key}]")
        for row in rows.itertuples():
            words = ", ".join(f"{w} ({n})" for w, n in row.words[:MAX_WORDS])
            more = f", … {len(row.words) - MAX_WORDS} more" if len(row.words) > MAX_WORDS else ""
            print(f"  {row.term!r}: {row.n_sentences} sentence(s): {words}{more}")
    unused = coverage[coverage["n_sentences"] == 0]
    print(f"\n{len(unused)} indicator(s) match nothing:")
    for row in unused.itertuples():
        print(f"  {row.frame}: {row.term!r}")
    return 0
