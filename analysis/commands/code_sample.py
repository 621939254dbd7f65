"""Draw a random sample of sentences (or articles) to code by hand, with a coding guide.

Writes the sheet (CSV: item_id, doc_id, sentence_id, outlet, sentence, then one empty column per
frame key and tone; a language column after outlet when some items come from documents not in
English, which the guide then points out) and, next to it, SHEET.guide.md with each frame's
definition and examples.
The frames are those of the codebook the corpus folder's analysis.toml names (as `corpus`,
`process` and `run` use it), else the package's five generic frames; --codebook replaces them.
The same corpus, --n and --seed always give the same sheet. Code it, then run
`python -m analysis validate --sheet SHEET`.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from analysis.commands.options import add_column_map
from analysis.config import SEED

if TYPE_CHECKING:
    import pandas as pd

DEFAULT_N = 200  # items drawn when --n is not given (every item of a smaller corpus)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``python -m analysis code-sample``."""
    parser.add_argument(
        "--corpus",
        type=Path,
        default=None,
        help="corpus folder or file to draw from, as `corpus` takes it (default: the bundled "
        "seeds/)",
    )
    add_column_map(parser)
    parser.add_argument(
        "--n",
        type=int,
        default=None,
        help=f"items to draw, at least 1 (default: {DEFAULT_N}, or every item of a corpus with "
        "fewer; a larger --n than the corpus has is refused)",
    )
    parser.add_argument(
        "--seed", type=int, default=SEED, help=f"random seed, 0 or more (default: {SEED})"
    )
    parser.add_argument(
        "--out",
        type=Path,
        required=True,
        help="the sheet to write: a file path (.csv), not a folder; its guide goes next to it",
    )
    parser.add_argument(
        "--exclude",
        type=Path,
        action="append",
        default=[],
        metavar="SHEET",
        help="a sheet already coded (or drawn), whose items are not drawn again, nor the other "
        "sentences of the articles its items name in doc_id, so that the new sheet can measure "
        "a coder trained on it on articles it has not seen; repeat for several sheets "
        "(default: none)",
    )
    parser.add_argument(
        "--unit",
        choices=("sentence", "article"),
        default="sentence",
        help="what one row of the sheet is: a sentence or a whole article (default: sentence)",
    )
    parser.add_argument(
        "--codebook",
        type=Path,
        default=None,
        help="codebook whose frames the sheet and guide list (default: the one the corpus "
        "folder's analysis.toml names, else the package's five generic frames)",
    )
    parser.add_argument(
        "--sourcing",
        action="store_true",
        help="also code sourcing: the sheet gets `attributed` and one `source_<kind>` column per "
        "kind of the source lexicon, and the guide says how to fill them (sentences only; "
        "default: frames and tone only)",
    )
    parser.add_argument(
        "--sources",
        type=Path,
        default=None,
        help="source lexicon whose kinds --sourcing lists (default: the one the corpus "
        "folder's analysis.toml names, else the bundled one)",
    )
    parser.add_argument(
        "--stratify",
        default=None,
        help="column to stratify by, e.g. outlet (proportional; default: none)",
    )
    parser.add_argument(
        "--show-indicators",
        action="store_true",
        help="list each frame's indicator words and example sentences the codebook flags in "
        "the coding guide, and with --sourcing the words read as each kind of source "
        "(default: definitions only, so that the coders' codes do not follow the lexicons "
        "they validate)",
    )
    parser.add_argument(
        "--examples",
        type=int,
        default=2,
        help="with --show-indicators, example sentences per frame in the coding guide, 0 for "
        "none (default: 2)",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="write over a sheet or guide this command did not write, or that changed since "
        "(by default never: a sheet may hold someone's codes), keeping it as NAME.yours.EXT; "
        "an unchanged one of an earlier run is replaced without it",
    )


def guide_path(sheet: Path) -> Path:
    """Where the coding guide of ``sheet`` goes: ``<sheet stem>.guide.md`` next to it."""
    return sheet.with_name(sheet.stem + ".guide.md")


def option_problem(args: argparse.Namespace) -> str | None:
    """What is wrong with the numbers and the ``--out`` of ``args`` (one line naming the
    option), or None; checked before the corpus is read."""
    if args.n is not None and args.n < 1:
        return f"--n must be at least 1, got {args.n}"
    if args.seed < 0:
        return f"--seed must be 0 or more, got {args.seed}"
    if args.examples < 0:
        return f"--examples must be 0 or more, got {args.examples}"
    if args.sourcing and args.unit != "sentence":
        return (
            "--sourcing codes sentences (who a sentence quotes), not whole articles: leave "
            "--unit article out"
        )
    if args.sources is not None and not args.sourcing:
        return "--sources names the kinds of --sourcing: give --sourcing too, or leave it out"
    if args.out.is_dir():
        return (
            f"--out {args.out} is a folder; --out must be a file path, the sheet to write "
            f"(e.g. {args.out / 'sheet.csv'})"
        )
    if args.out.suffix.lower() != ".csv":
        return (
            f"--out {args.out}: the sheet is written as CSV, so --out must end in .csv (e.g. "
            f"{args.out.with_suffix('.csv')}); a spreadsheet opens it and may save it as .xlsx, "
            "which validate and train read too"
        )
    if guide_path(args.out).is_dir():
        return (
            f"--out {args.out}: its guide's path {guide_path(args.out)} is a folder; choose "
            "another --out"
        )
    for folder in args.out.parents:
        if folder.exists() and not folder.is_dir():
            return f"--out {args.out}: {folder} exists and is not a folder"
    return None


def with_document_language(table: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """``table`` (the sentences, or the documents themselves) with each document's
    ``language`` when the documents have one and the table has none, so that the sheet can mark
    the items not in English (:func:`analysis.validation.sample.draw_sample`)."""
    if "language" in table.columns or "language" not in documents.columns:
        return table
    if "doc_id" not in table.columns or "doc_id" not in documents.columns:
        return table
    language = documents.drop_duplicates("doc_id").set_index("doc_id")["language"]
    return table.assign(language=table["doc_id"].map(language))


def document_titles(documents: pd.DataFrame) -> tuple[int, int]:
    """(articles with a title, articles): the coding guide says from it whether headlines are
    coded (a title is metadata the analysis does not read)."""
    if "title" not in documents.columns:
        return 0, len(documents)
    titles = documents["title"].astype("string").fillna("").str.strip()
    return int((titles != "").sum()), len(documents)


def without_items_of(
    table: pd.DataFrame, sheets: list[Path], unit: str
) -> tuple[pd.DataFrame, int, int]:
    """``table`` (sentences, or documents for ``unit="article"``) without the items whose text
    (spaces aside) a row of ``sheets`` holds, nor (sentences) the other sentences of the
    articles those rows name in ``doc_id``; returns it, how many items were left out as the
    sheets' own, and how many more as sentences of their articles. A tester's second sheet,
    drawn with another seed, repeated 9 of its 60 sentences from the sheet her coder was
    trained on, so no held-out figure could be had; and once those were excluded, 22 of her 28
    "held-out" sentences still came from articles whose other sentences trained the model,
    which knows their names, places and wording."""
    import pandas as pd

    from analysis.io import restore_formulas
    from analysis.validation.sheets import SheetError, read_sheet

    seen: set[str] = set()
    articles: set[str] = set()
    for path in sheets:
        try:
            sheet = read_sheet(path)
        except SheetError as error:
            raise ValueError(f"--exclude: {error}") from None
        # the sheet's text as the corpus holds it: a sentence opening with = + - @ was written
        # with an apostrophe before it, and a tester's "'@SenatorBennet responds ..." was drawn
        # again for her held-out sheet
        texts = restore_formulas(sheet[["text"]].astype(str))["text"]
        seen |= {" ".join(t.split()) for t in texts}
        if "doc_id" in sheet.columns:
            articles |= set(sheet["doc_id"].astype(str).str.strip()) - {""}
    text = "sentence" if unit == "sentence" else "text"
    drop = table[text].astype(str).map(lambda t: " ".join(t.split())).isin(seen)
    same_article = pd.Series(False, index=table.index)
    if articles and "doc_id" in table.columns:
        same_article = table["doc_id"].astype(str).str.strip().isin(articles) & ~drop
    kept = table[~(drop | same_article)].reset_index(drop=True)
    return kept, int(drop.sum()), int(same_article.sum())


@dataclass(frozen=True)
class Exclusion:
    """What ``--exclude`` left out (:func:`without_items_of`), for the messages on what is left
    to draw: the sheets, the items (``unit``: sentences or articles) and articles of the corpus
    before, and how many items were left out as the sheets' own and as sentences of their
    articles."""

    sheets: tuple[Path, ...]
    unit: str
    n_items: int
    n_articles: int
    n_own: int
    n_same_article: int

    def left(self, table: pd.DataFrame) -> str:
        """What is left in ``table`` after the exclusion, against the corpus: "133 sentence(s)
        from 4 article(s) left to draw from, of the corpus's 173 sentence(s) in 5 article(s)
        (1 in a1.csv, 39 more in the articles its items come from)"."""
        available = available_items(table, self.unit)
        sentences = self.unit == "sentence"
        what = f"{available} {self.unit}(s)"
        if sentences and available:
            what += f" from {_articles(table)} article(s)"
        corpus = f"{self.n_items} {self.unit}(s)"
        if sentences:
            corpus += f" in {self.n_articles} article(s)"
        gone = f"{self.n_own} in {', '.join(map(str, self.sheets))}"
        if self.n_same_article:
            gone += f", {self.n_same_article} more in the articles their items come from"
        return f"{what} left to draw from, of the corpus's {corpus} ({gone})"

    @staticmethod
    def advice() -> str:
        """What to do when too little is left: a held-out sheet needs articles the excluded
        sheets do not hold."""
        return (
            "add articles to the corpus, or --exclude fewer sheets (a held-out sheet needs "
            "articles the excluded sheets do not hold)"
        )


def _articles(table: pd.DataFrame) -> int:
    """How many articles the items of ``table`` come from (its rows without ``doc_id``)."""
    if "doc_id" not in table.columns:
        return len(table)
    return int(table["doc_id"].astype(str).nunique())


def exclusion_of(
    table: pd.DataFrame, sheets: list[Path], unit: str, n_own: int, n_same_article: int
) -> Exclusion:
    """The :class:`Exclusion` of ``sheets`` from ``table`` (before it), ``n_own`` and
    ``n_same_article`` as :func:`without_items_of` counted them."""
    return Exclusion(
        tuple(sheets), unit, available_items(table, unit), _articles(table), n_own, n_same_article
    )


def available_items(table: pd.DataFrame, unit: str) -> int:
    """How many of ``table``'s items (sentences, or documents for ``unit="article"``) have text
    to code: the most a sample can hold."""
    text = "sentence" if unit == "sentence" else "text"
    if text not in table.columns:
        return len(table)
    return int((table[text].astype(str).str.strip() != "").sum())


def sample_size(
    table: pd.DataFrame, n: int | None, unit: str, excluded: Exclusion | None = None
) -> tuple[int, str | None]:
    """``(items to draw, a note for the user or None)``: ``n`` as given, else
    :data:`DEFAULT_N` or every item of a smaller corpus, which the note says (the summary's
    validation command gives no ``--n``, and the bundled corpus has fewer than 200 sentences).
    After ``--exclude`` (``excluded``), the note says what the exclusion left of the corpus."""
    if n is not None:
        return n, None
    available = available_items(table, unit)
    if available >= DEFAULT_N:
        return DEFAULT_N, None
    if excluded is not None and available:
        return available, (
            f"warning: after --exclude, {excluded.left(table)}: fewer than the default "
            f"{DEFAULT_N}, so the sheet holds every one; for more, {excluded.advice()}"
        )
    return available, (
        f"note: the corpus has {available} {unit}(s) with text, fewer than the default "
        f"{DEFAULT_N}: the sheet holds every one"
    )


def sample_problem(
    table: pd.DataFrame,
    n: int,
    unit: str,
    stratify: str | None,
    excluded: Exclusion | None = None,
) -> str | None:
    """Why ``--n`` items (stratified by ``stratify``) cannot be drawn from ``table``, the
    corpus's sentences or documents (one line naming the option), or None. After
    ``--exclude`` (``excluded``) it says how many items and articles the exclusion left and
    what to do: a tester's corpus, whose every article a first sheet had drawn from, was said
    to have "no sentence with text"."""
    if stratify and stratify not in table.columns:
        return (
            f"--stratify {stratify}: no such column in the {unit}s; their columns are "
            f"{', '.join(map(str, table.columns))}"
        )
    available = available_items(table, unit)
    if excluded is not None and (available == 0 or n > available):
        asked = f"--n {n}: " if available else ""
        fewer = f"give --n {available} or fewer; for more, " if available else ""
        return f"{asked}after --exclude, {excluded.left(table)}; {fewer}{excluded.advice()}"
    if available == 0:
        return f"the corpus has no {unit} with text to draw from"
    if n > available:
        return (
            f"--n {n}: the corpus has only {available} {unit}(s) with text to draw from; "
            f"give --n {available} or fewer"
        )
    return None


def main(args: argparse.Namespace) -> int:
    """Draw the sample and write the sheet and its guide; exit code 2 on bad input."""
    from analysis.corpus.documents import CorpusError
    from analysis.corpus.files import CorpusFileError
    from analysis.framing.codebook import CodebookError, load_codebook
    from analysis.io import write_table, write_text
    from analysis.lexicon import LexiconError
    from analysis.loading import given_corpus, load_corpus
    from analysis.outputs import describe_os_error
    from analysis.settings import SettingsError, resolve_lexicons
    from analysis.validation.sample import coding_guide, draw_sample
    from analysis.validation.sourcing_codes import sourcing_columns, sourcing_guide
    from analysis.written import record_written, refused, set_aside

    problem = option_problem(args)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    if refused([args.out, guide_path(args.out)], getattr(args, "force", False)):
        return 2
    try:
        source = given_corpus(args.corpus)
        # the frames of the corpus's analysis.toml, as `corpus`, `process` and `run` use them
        sourcing = args.sourcing
        lexicons = resolve_lexicons(source, codebook=args.codebook, sources=args.sources)
        book = load_codebook(lexicons.codebook)
        sources = str(lexicons.sources) if lexicons.sources else None
        extra = sourcing_columns(sources) if sourcing else []
        corpus = load_corpus(source, column_map=args.column_map, progress=False)
        table = corpus.sentences if args.unit == "sentence" else corpus.documents
        table = with_document_language(table, corpus.documents)
        excluded = None
        if args.exclude:
            whole = table
            table, n_left_out, n_same_article = without_items_of(table, args.exclude, args.unit)
            excluded = exclusion_of(whole, args.exclude, args.unit, n_left_out, n_same_article)
            print(
                f"{n_left_out} {args.unit}(s) of the corpus already in "
                f"{', '.join(map(str, args.exclude))} are not drawn"
                + (
                    f", nor {n_same_article} other sentence(s) of the articles they come from "
                    "(by their doc_id): a model trained on them knows those articles"
                    if n_same_article
                    else ""
                ),
                file=sys.stderr,
            )
        n, note = sample_size(table, args.n, args.unit, excluded)
        problem = sample_problem(table, n, args.unit, args.stratify, excluded)
        if problem:
            raise ValueError(problem)
        if note:
            print(note, file=sys.stderr)
        sheet = draw_sample(
            table,
            n,
            seed=args.seed,
            unit=args.unit,
            stratify=args.stratify,
            frame_keys=book.keys,
            extra_columns=extra,
        )
    except (
        CorpusError,
        CorpusFileError,
        CodebookError,
        LexiconError,
        SettingsError,
        FileNotFoundError,
        KeyError,
        ValueError,
    ) as error:
        message = error.args[0] if isinstance(error, KeyError) and error.args else error
        print(f"error: {message}", file=sys.stderr)
        return 2
    guide = coding_guide(
        book,
        sentences=corpus.sentences,
        sheet=sheet,
        n_examples=args.examples,
        seed=args.seed,
        unit=args.unit,
        show_indicators=args.show_indicators,
        titles=document_titles(corpus.documents),
    )
    if sourcing:
        guide = (
            guide.rstrip("\n")
            + "\n\n"
            + "\n".join(sourcing_guide(sources, show_words=args.show_indicators))
        )
    try:
        for line in set_aside([args.out, guide_path(args.out)]):
            print(line, file=sys.stderr)  # a --force write: the user's sheet kept beside it
        write_table(sheet, args.out, encoding="utf-8-sig")  # Excel then shows its accents right
        write_text(guide, guide_path(args.out))
        record_written([args.out, guide_path(args.out)])  # a rerun may replace them unchanged
    except OSError as error:
        print(f"error: {describe_os_error(error)}", file=sys.stderr)
        return 1
    print(f"wrote {args.out} ({len(sheet)} {args.unit}s) and {guide_path(args.out)}")
    return 0
