"""Drawing a sample to code by hand, and the coding guide that goes with it.

The sample is drawn with a seed from the sentences (or the articles) of a corpus, optionally
stratified by a column such as ``outlet`` with proportional allocation, so that agreement
measured on it describes the corpus the shares are computed from. The coding sheet has
``item_id, doc_id, sentence_id, outlet, sentence`` (``text`` for articles) and one empty column
per frame key plus ``tone``; the guide lists each frame's definition with example sentences.
Items from documents not in English (a ``language`` column naming another language) are kept,
not dropped, but marked: the sheet then has a ``language`` column and the guide says which
items are in another language and that the automatic coders read English only.
Validation against human coding of a random sample is the check Grimmer & Stewart (2013)
require before a dictionary's counts are read as measurements.

Grimmer, J. & Stewart, B. M. (2013). Text as data. Political Analysis 21(3), 267–297.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from analysis.config import SEED
from analysis.framing.codebook import Codebook, load_codebook

UNITS = ("sentence", "article")


def _allocate(sizes: pd.Series, n: int) -> pd.Series:
    """Proportional allocation of ``n`` over strata by largest remainder, capped by size."""
    total = int(sizes.sum())
    exact = sizes * n / total
    alloc = np.floor(exact).astype(int)
    remainder = (exact - alloc).sort_values(ascending=False, kind="stable")
    for key in remainder.index[: n - int(alloc.sum())]:
        alloc[key] += 1
    return alloc.clip(upper=sizes)


def draw_sample(
    table: pd.DataFrame,
    n: int,
    *,
    seed: int = SEED,
    unit: str = "sentence",
    stratify: str | None = None,
    frame_keys: Sequence[str] = (),
    extra_columns: Sequence[str] = (),
) -> pd.DataFrame:
    """A coding sheet of ``n`` items drawn at random from ``table``, deterministic for a seed.

    ``table`` is a corpus's ``sentences`` (``unit="sentence"``) or ``documents``
    (``unit="article"``). With ``stratify`` (a column), each stratum gets a share of ``n``
    proportional to its size (largest remainder). Items come in random order, numbered
    ``item_id`` 1..n. Columns: ``item_id, doc_id, sentence_id, outlet, sentence`` (articles:
    ``item_id, doc_id, outlet, title, text``), then one empty column per frame key, ``tone``
    and each of ``extra_columns`` (the sourcing columns of ``code-sample --sourcing``:
    :mod:`analysis.validation.sourcing_codes`). The table is sorted by its ids first, so its
    row order does not matter.

    When ``table`` has a ``language`` column and some drawn item's language is not English
    (:func:`analysis.corpus.language.not_english`), the sheet has a ``language`` column after
    ``outlet`` (blank for the English items): such items are kept, since a user may mean to code
    them, but marked, since the codebook and VADER read English only.
    """
    if unit not in UNITS:
        raise ValueError(f"unit must be one of {list(UNITS)}, got {unit!r}")
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}")
    ids = ["doc_id", "sentence_id"] if unit == "sentence" else ["doc_id"]
    text = "sentence" if unit == "sentence" else "text"
    keep = [*ids, "outlet", *(["title"] if unit == "article" else []), text]
    missing = [c for c in [*keep, *([stratify] if stratify else [])] if c not in table.columns]
    if missing:
        raise KeyError(f"draw_sample: missing columns {missing} for unit {unit!r}")
    pool = table[table[text].astype(str).str.strip() != ""]
    pool = pool.sort_values(ids, kind="stable").reset_index(drop=True)
    if n > len(pool):
        raise ValueError(f"draw_sample: asked for {n} items but the corpus has {len(pool)}")
    rng = np.random.default_rng(seed)
    if stratify:
        sizes = pool.groupby(stratify, sort=True).size()
        alloc = _allocate(sizes, n)
        picked = []
        for name, part in pool.groupby(stratify, sort=True):
            picked.extend(rng.choice(part.index.to_numpy(), size=int(alloc[name]), replace=False))
        chosen = rng.permutation(np.asarray(picked, dtype=np.int64))
    else:
        chosen = rng.choice(len(pool), size=n, replace=False)
    sheet = pool.loc[chosen, keep].reset_index(drop=True)
    if "language" in pool.columns:
        from analysis.corpus.language import not_english

        language = pool.loc[chosen, "language"].reset_index(drop=True)
        foreign = not_english(language)
        if foreign.any():
            marked = language.where(foreign, "").fillna("").astype(str)
            sheet.insert(sheet.columns.get_loc("outlet") + 1, "language", marked)
    sheet.insert(0, "item_id", [f"{i + 1:04d}" for i in range(len(sheet))])
    for key in [*frame_keys, "tone", *extra_columns]:
        sheet[key] = ""
    return sheet


def _examples(
    sentences: pd.DataFrame | None, book: Codebook, n_examples: int, seed: int, exclude: set
) -> dict[str, list[str]]:
    if sentences is None or sentences.empty or n_examples < 1:
        return {}
    from analysis.framing.frames import frame_matrix

    pool = sentences[~sentences["sentence"].isin(exclude)].sort_values(
        ["doc_id", "sentence_id"], kind="stable"
    )
    flags = frame_matrix(pool["sentence"], book)
    rng = np.random.default_rng(seed)
    out = {}
    for key in book.keys:
        rows = np.flatnonzero(flags[key].to_numpy())
        pick = rng.choice(rows, size=min(n_examples, rows.size), replace=False) if rows.size else []
        out[key] = [str(pool["sentence"].iloc[int(i)]) for i in sorted(pick)]
    return out


def _language_lines(sheet: pd.DataFrame | None, item: str) -> list[str]:
    """The guide's bullet on the sheet's items in another language (its ``language`` column,
    :func:`draw_sample`), or none."""
    if sheet is None or "language" not in sheet.columns:
        return []
    marked = sheet["language"].fillna("").astype(str).str.strip()
    marked = marked[marked != ""]
    if marked.empty:
        return []
    counts = ", ".join(f"{name} {n}" for name, n in marked.value_counts().items())
    return [
        f"- {len(marked)} {item}{'s' if len(marked) > 1 else ''} of the sheet "
        f"{'come' if len(marked) > 1 else 'comes'} from "
        f"documents in a language other than English ({counts}; see the `language` column). "
        "The automatic coders (the codebook's keywords and VADER for tone) read English only, so "
        "their codes for these items mean little. Code them if you read the language (that "
        "measures how the coders fare on them); otherwise leave their codes blank.",
    ]


def indicator_words(indicators: Sequence[str]) -> str:
    """A frame's indicators as a coder reads them, not in the codebook's syntax: ``=nra`` is
    "nra (this word only)", ``dominan*`` "dominan… (any word beginning so)", a plain word stands
    as written (it also matches its endings: the guide says so). A tester's guide printed
    "=nra" and "=2a" to her coders unexplained."""
    shown = []
    for term in indicators:
        if term.startswith("="):
            shown.append(f"{term[1:]} (this word only)")
        elif term.endswith("*"):
            shown.append(f"{term[:-1]}… (any word beginning so)")
        else:
            shown.append(term)
    return ", ".join(shown)


def _reading_lines(unit: str, titles: tuple[int, int] | None) -> list[str]:
    """The guide's bullets on what to read: the item alone (a sentence is coded as it stands,
    as the machine coders read it), and whether headlines are coded, by ``titles`` (articles
    with a title, articles): a title is metadata the analysis does not read, so the summary's
    Methods says headlines are not analysed, and a tester's guide did not say whether to code
    them."""
    lines = []
    if unit == "sentence":
        lines.append(
            "- Code each sentence as it stands on the sheet, without reading the sentences "
            "around it in the article: the automatic coders read each sentence alone, and that "
            "is what your codes measure them against."
        )
    if titles is None or not titles[1]:
        return lines
    n_titled, n_docs = titles
    if n_titled == n_docs:
        lines.append(
            "- Headlines are not coded: every article's title is kept apart from its text and "
            "the analysis does not read it, so no sentence on the sheet is a headline. Do not "
            "let an article's headline decide a code."
        )
    elif not n_titled:
        lines.append(
            "- No article has a separate title: a headline at the top of an article's text is "
            "its first sentence, and is coded like any other sentence."
        )
    else:
        lines.append(
            f"- Headlines: {n_titled} of the {n_docs} articles have a title kept apart from "
            "the text, which the analysis does not read and the sheet does not hold; in the "
            "others a headline at the top of the text is their first sentence, coded like any "
            "other."
        )
    return lines


def coding_guide(
    codebook: Codebook | str | None = None,
    *,
    sentences: pd.DataFrame | None = None,
    sheet: pd.DataFrame | None = None,
    n_examples: int = 2,
    seed: int = SEED,
    unit: str = "sentence",
    show_indicators: bool = False,
    titles: tuple[int, int] | None = None,
) -> str:
    """The coding guide (Markdown) for a sheet: how to code, then each frame's definition.

    By default the coders see the definitions only: a validation measures the codebook against
    readers who did not see its words, and a guide listing them (as it did) leads the coders
    towards the codebook and flatters its agreement. With ``show_indicators`` each frame also
    lists its indicator words and example sentences from the corpus that the codebook flags
    (drawn with the seed, never from the sheet itself, and not necessarily good examples: a
    keyword is not a frame), as for coders learning a codebook's scope, in words rather than the
    codebook's syntax (:func:`indicator_words`). A frame without a definition is said to need
    one. ``titles`` (articles with a title, articles) says whether headlines are coded; each
    sentence is to be coded alone (:func:`_reading_lines`)."""
    book = load_codebook(codebook)
    exclude = set(sheet["sentence"]) if sheet is not None and "sentence" in sheet else set()
    examples = _examples(sentences, book, n_examples, seed, exclude) if show_indicators else {}
    item = "sentence" if unit == "sentence" else "article"
    lines = [
        "# Coding guide",
        "",
        f"Read each {item} in the sheet and fill one column per frame and `tone`.",
        "",
        f"- Frame columns: `1` if the {item} uses the frame as defined below, `0` if not; "
        "leave blank only if you could not decide (blank items are left out of the agreement).",
        f"- `tone`: `negative`, `neutral` or `positive`: the tone of the {item} itself as a "
        "careful reader hears it, not whether the news is good or bad for anyone in particular "
        "(−1/0/1 also work).",
        (
            "- Judge from the meaning, not from the words: the indicator words and examples "
            "below are the codebook's, and may be wrong; that is what this coding measures."
            if show_indicators
            else "- Judge from the meaning as the definitions below give it. The codebook's "
            "indicator words are left out on purpose, so that your codes do not follow them."
        ),
        "- Code alone, without looking at another coder's sheet. To record who coded, add a "
        "column `coder` or keep one file per coder.",
        "- Do not change `item_id` or the text; do not add or remove rows.",
        *_reading_lines(unit, titles),
        *_language_lines(sheet, item),
        "",
        f"Codebook: `{book.path}`" + (f" (version {book.version})" if book.version else ""),
        "",
    ]
    for frame in book.frames:
        definition = frame.definition.strip() or (
            "*No definition in the codebook: agree on one before coding (a label alone is no "
            "definition), or the coders will code different things.*"
        )
        lines += [f"## `{frame.key}`: {frame.label}", "", definition, ""]
        if show_indicators:
            lines += [
                f"Indicator words (each also matches its endings unless marked): "
                f"{indicator_words(frame.indicators)}",
                "",
            ]
        shown = examples.get(frame.key, [])
        if shown:
            lines += ["Flagged by the codebook in this corpus:", ""]
            lines += [f"> {s}" for s in shown] + [""]
    return "\n".join(lines)
