"""Reading human-coded sheets: one row per item, one column per frame key, and ``tone``.

A sheet is a CSV (UTF-8). Only ``sentence`` (or ``text`` for articles) and the code columns are
required, so a sheet may hold items that are in no corpus. Codes: ``1``/``0`` per frame (also
yes/no, true/false), blank = not coded; ``tone`` as negative/neutral/positive or −1/0/1. An
optional ``coder`` column names who coded each row; with several sheets and no ``coder`` column,
each file is one coder (its file name). Items are matched between coders by ``item_id`` when
every sheet has one (an ``item_id`` whose text differs between sheets is refused: the sheets
come from different samples), else by the exact text. Column names are matched to the codebook's
keys, ``tone`` and the sheet's own columns ignoring letter case, spaces, hyphens and
underscores ("Human Interest" is ``human_interest``); another column is named in a warning.

Every problem is reported as a :class:`SheetError` naming the file, the column and the
spreadsheet rows (the header is row 1, the first item row 2).
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.report.wording import shortened
from analysis.user_warnings import warn_user

# the sheet's own columns (code-sample writes all but coder and notes), never codes
META_COLUMNS = (
    "item_id",
    "doc_id",
    "sentence_id",
    "outlet",
    "language",
    "title",
    "sentence",
    "text",
    "coder",
    "notes",
)
TEXT_COLUMNS = ("sentence", "text")
QUOTED_CHARS = 60  # an item's text quoted in a message, cut to this
TONE_COLUMN = "tone"
_TRUE = {"1", "1.0", "yes", "y", "true", "x"}
_FALSE = {"0", "0.0", "no", "n", "false"}
_ACCEPTED_PRESENT = "1, x, yes, y or true"  # the forms of _TRUE and _FALSE, as a message lists them
_ACCEPTED_ABSENT = "0, no, n or false"
_TONE = {
    "negative": -1.0,
    "neg": -1.0,
    "-1": -1.0,
    "-1.0": -1.0,
    "neutral": 0.0,
    "neu": 0.0,
    "0": 0.0,
    "0.0": 0.0,
    "positive": 1.0,
    "pos": 1.0,
    "1": 1.0,
    "1.0": 1.0,
    "+1": 1.0,
}
MAX_ROWS_LISTED = 10


class SheetError(ValueError):
    """A coded sheet that cannot be used; the message names the file, column and rows."""


def _rows(mask: np.ndarray) -> str:
    rows = [int(i) + 2 for i in np.flatnonzero(mask)]
    shown = ", ".join(map(str, rows[:MAX_ROWS_LISTED]))
    more = f" and {len(rows) - MAX_ROWS_LISTED} more" if len(rows) > MAX_ROWS_LISTED else ""
    return f"row{'s' if len(rows) > 1 else ''} {shown}{more}"


def _rows_hold(mask: np.ndarray) -> str:
    """``row 7 holds`` or ``rows 7, 9 hold``: :func:`_rows` with its verb."""
    return f"{_rows(mask)} {'holds' if int(np.count_nonzero(mask)) == 1 else 'hold'}"


def column_key(name: str) -> str:
    """A column name as compared with a code's key: lower case, runs of spaces, hyphens and
    underscores as one underscore ("Human Interest", "human-interest" and "human_interest"
    are the same column)."""
    return re.sub(r"[\s_\-]+", "_", str(name).strip().lower()).strip("_")


def _known_names(raw_columns: Sequence[str], frame_keys: Sequence[str] | None, name: str) -> dict:
    """Which of ``raw_columns`` to rename to a known name (a frame key, ``tone`` or one of
    :data:`META_COLUMNS`) that they spell in another case or spacing; raises
    :class:`SheetError` when two columns name the same one."""
    known = [*(frame_keys or []), TONE_COLUMN, *META_COLUMNS]
    by_key = {column_key(k): k for k in reversed(known)}  # the first spelling of a key wins
    renames: dict[str, str] = {}
    claimed: dict[str, str] = {}
    for column in raw_columns:
        target = column if column in known else by_key.get(column_key(column))
        if target is None:
            continue
        if target in claimed:
            raise SheetError(
                f"sheet {name}: columns {claimed[target]!r} and {column!r} both name "
                f"{target!r}; keep one"
            )
        claimed[target] = column
        if target != column:
            renames[column] = target
    return renames


def _parse_binary(values: pd.Series, name: str, column: str) -> pd.Series:
    text = values.fillna("").astype(str).str.strip().str.lower()
    out = pd.Series(np.nan, index=values.index, dtype=float)
    out[text.isin(_TRUE)] = 1.0
    out[text.isin(_FALSE)] = 0.0
    bad = ~(text.isin(_TRUE) | text.isin(_FALSE) | (text == ""))
    if bad.any():
        first = values[bad].iloc[0]
        # every accepted form listed: a tester's x/o sheet was told "1, 0 or blank" though x,
        # yes/no and true/false are read too
        raise SheetError(
            f"sheet {name}: column {column!r} must hold {_ACCEPTED_PRESENT} (frame present), "
            f"{_ACCEPTED_ABSENT} (absent) or blank (not coded), in any letter case; "
            f"{_rows_hold(bad.to_numpy())} other values (first: {first!r})"
        )
    return out


# Minus signs a word processor or spreadsheet puts for "-" ("−1" in Word and Excel autocorrect)
_MINUS_SIGNS = str.maketrans({"\u2212": "-", "\u2013": "-", "\u2014": "-", "\ufe63": "-"})


def _parse_tone(values: pd.Series, name: str) -> pd.Series:
    """Tone codes as −1/0/1 (blank: NaN); the words, their short forms (neg/neu/pos, any case)
    and numbers with any minus sign are read. A value that is none of them stops the sheet, with
    every distinct bad value and a guess at the word meant ("postive": positive)."""
    text = values.fillna("").astype(str).str.strip().str.lower().str.translate(_MINUS_SIGNS)
    out = text.map(_TONE).astype(float)
    bad = out.isna() & (text != "")
    if bad.any():
        import difflib

        distinct = list(dict.fromkeys(values[bad].astype(str).str.strip()))
        guesses = []
        for value in distinct[:MAX_ROWS_LISTED]:
            close = difflib.get_close_matches(value.lower(), ["negative", "neutral", "positive"], 1)
            guesses.append(f"{value!r}" + (f" (did you mean {close[0]!r}?)" if close else ""))
        more = (
            f" and {len(distinct) - MAX_ROWS_LISTED} more"
            if len(distinct) > MAX_ROWS_LISTED
            else ""
        )
        raise SheetError(
            f"sheet {name}: column 'tone' must hold negative/neutral/positive (or neg/neu/pos), "
            f"-1/0/1, or blank; {_rows_hold(bad.to_numpy())} other values: "
            f"{', '.join(guesses)}{more}"
        )
    return out


def _sheet_text(path: Path, name: str) -> str:
    """A coded CSV's text: UTF-8, or Windows-1252 with a warning (what Excel saves a sheet as
    with "Save" in many locales), as corpus files are read (:func:`decode_text`)."""
    from analysis.corpus.documents import decode_text

    text, encoding = decode_text(path.read_bytes(), f"sheet {name}")
    if encoding != "utf-8":
        warn_user(
            f"sheet {name}: not UTF-8, read as {encoding} (a spreadsheet's CSV); check its "
            "accented letters, or save it as CSV UTF-8"
        )
    return text


def code_columns(columns: Sequence[str], frame_keys: Sequence[str] | None = None) -> list[str]:
    """The frame columns of a sheet: ``frame_keys`` that are present, or else every column that
    is neither metadata nor ``tone``."""
    if frame_keys is not None:
        return [k for k in frame_keys if k in columns]
    return [c for c in columns if c not in META_COLUMNS and c != TONE_COLUMN]


_NUMBER_ID = re.compile(r"(\d+)(?:\.0+)?")


def item_keys(ids: pd.Series) -> pd.Series:
    """``item_id`` values as the key that matches items between sheets: stripped, and a number
    written without its leading zeros or a spreadsheet's ".0" ("0001", "1", "1.0" are item 1):
    code-sample writes 0001, and a sheet opened and saved in a spreadsheet program comes back
    with 1 (a tester's two coders then shared no item, and every sentence counted twice)."""

    def key(value: str) -> str:
        number = _NUMBER_ID.fullmatch(value)
        return str(int(number.group(1))) if number else value

    return ids.astype(str).str.strip().map(key)


def read_sheet(
    path: Path | str | pd.DataFrame,
    frame_keys: Sequence[str] | None = None,
    *,
    name: str | None = None,
) -> pd.DataFrame:
    """One coded sheet as a tidy table: ``item_id, text, coder``, one float column per frame
    (1.0, 0.0 or NaN = not coded) and ``tone`` (−1.0, 0.0, 1.0 or NaN) when the sheet has it.

    ``frame_keys`` (a codebook's keys) says which columns are frames; a key the sheet lacks is
    simply not validated. Without it every column that is not metadata is a frame. A column
    naming a key, ``tone`` or a column of :data:`META_COLUMNS` in another letter case or
    spacing is read as it (:func:`column_key`); with ``frame_keys``, any other column is named
    in a warning as not read. Raises
    :class:`SheetError` for a missing text column, unparseable codes (naming column and rows),
    duplicate item ids, or a sheet with no code column at all.
    """
    if isinstance(path, pd.DataFrame):
        raw, name = path.astype(str).where(path.notna(), ""), name or "<table>"
    else:
        name = name or str(path)
        if not Path(path).is_file():
            raise SheetError(f"sheet {name}: file not found")
        from analysis.corpus.csv_dialect import header_separator
        from analysis.corpus.spreadsheet import (
            WORKBOOK_SUFFIXES,
            SpreadsheetError,
            read_xlsx_table,
        )

        try:  # a spreadsheet saves semicolons where the decimal mark is a comma
            if Path(path).suffix.lower() in WORKBOOK_SUFFIXES:  # coded in a spreadsheet program
                raw = read_xlsx_table(path)
            else:
                text = _sheet_text(Path(path), name)
                raw = pd.read_csv(
                    io.StringIO(text), sep=header_separator(text), dtype=str, keep_default_na=False
                )
        except SpreadsheetError as exc:
            raise SheetError(f"sheet {name}: {exc}") from exc
        except pd.errors.EmptyDataError as exc:  # said "No columns to parse from file"
            raise SheetError(
                f"sheet {name}: the file is empty, without even a header row; a sheet holds the "
                "columns code-sample wrote (item_id, sentence, the codes)"
            ) from exc
        except (UnicodeDecodeError, pd.errors.ParserError) as exc:
            raise SheetError(
                f"sheet {name}: not a readable UTF-8 CSV file (or workbook): {exc}"
            ) from exc
        except ValueError as exc:  # bytes that are neither UTF-8 nor Windows-1252
            raise SheetError(str(exc)) from exc
    raw.columns = [str(c).strip() for c in raw.columns]
    raw = raw.rename(columns=_known_names(list(raw.columns), frame_keys, name))
    if frame_keys is not None:
        known = {*frame_keys, TONE_COLUMN, *META_COLUMNS}
        other = [c for c in raw.columns if c not in known]
        if other:
            warn_user(
                f"sheet {name}: column{'s' if len(other) > 1 else ''} "
                f"{', '.join(map(repr, other))} not read: neither a code column "
                f"({', '.join(frame_keys)}) nor tone nor one of the sheet's own columns (item_id, "
                "sentence, coder...); a code column must be named as one of those"
                + (
                    ". A source_ column names a kind of the source lexicon the sheet was drawn "
                    "with: give validate that lexicon (--sources)"
                    if any(str(c).startswith("source_") for c in other)
                    else ""
                )
                + "."
                + _near_keys(other, frame_keys)
                + (
                    f" {', '.join(map(repr, coded))} hold{'s' if len(coded) == 1 else ''} "
                    "0/1 codes: if they are the frames of your own codebook, give it with "
                    "--codebook FILE (and the column named as the codebook's key)."
                    if (coded := [c for c in other if _holds_binary_codes(raw[c])])
                    else ""
                )
            )
    text_col = next((c for c in TEXT_COLUMNS if c in raw.columns), None)
    if text_col is None:
        raise SheetError(
            f"sheet {name}: needs a column 'sentence' (or 'text') with the coded text; "
            f"found columns {list(raw.columns)}"
        )
    empty = raw[text_col].astype(str).str.strip() == ""
    if empty.any():
        raise SheetError(f"sheet {name}: column {text_col!r} is empty in {_rows(empty.to_numpy())}")
    frames = code_columns(list(raw.columns), frame_keys)
    has_tone = TONE_COLUMN in raw.columns
    if not frames and not has_tone:
        expected = f" (expected the codebook's keys {list(frame_keys)})" if frame_keys else ""
        alike = [c for c in raw.columns if str(c).strip().casefold() in _TONE_LIKE]
        rename = f"; if {alike[0]!r} holds the tone codes, name that column 'tone'" if alike else ""
        raise SheetError(f"sheet {name}: no frame column and no 'tone' column{expected}{rename}")
    out = pd.DataFrame(index=raw.index)
    coder_values = raw["coder"].astype(str).str.strip() if "coder" in raw.columns else None
    if "item_id" in raw.columns:
        ids = raw["item_id"].astype(str).str.strip()
        keyed = pd.DataFrame(
            {"id": item_keys(ids), "coder": coder_values if coder_values is not None else ""}
        )
        dup = keyed.duplicated(keep=False).to_numpy() & (ids != "").to_numpy()
        if dup.any():
            raise SheetError(
                f"sheet {name}: column 'item_id' repeats in {_rows(dup)}; "
                "each item must appear once per coder"
            )
        out["item_id"] = ids
    out["text"] = raw[text_col].astype(str)
    if "outlet" in raw.columns and "outlet" not in frames:  # kept for tone per outlet
        out["outlet"] = raw["outlet"].fillna("").astype(str).str.strip()
    if "doc_id" in raw.columns and "doc_id" not in frames:
        # kept for the article of each item: code-sample --exclude leaves out the articles of
        # a training sheet's items, and a model records them (validate counts its items from
        # those articles: a tester's "held-out" sentences came from 22 training articles)
        out["doc_id"] = raw["doc_id"].fillna("").astype(str).str.strip()
    coder = coder_values
    out["coder"] = (
        coder.where(coder != "", Path(name).stem) if coder is not None else Path(name).stem
    )
    problems = []  # every column's bad values at once, as the README promises
    for key in frames:
        try:
            out[key] = _parse_binary(raw[key], name, key)
        except SheetError as err:
            problems.append(str(err))
    if has_tone:
        try:
            out[TONE_COLUMN] = _parse_tone(raw[TONE_COLUMN], name)
        except SheetError as err:
            problems.append(str(err))
    if problems:
        raise SheetError("\n".join(problems))
    if "item_id" in out.columns:
        _warn_same_sentence_twice(out, name, [*frames, *([TONE_COLUMN] if has_tone else [])])
    return out.reset_index(drop=True)


# the columns read_sheets gives besides the code columns: the item, its text, its outlet (for
# tone per outlet) and its coder; train must not take one for a code (outlet was, once kept)
SHEET_OWN_COLUMNS = ("item", "item_id", "text", "outlet", "doc_id", "coder")
# column names a coder may give the tone codes (a financial analyst's "sentiment" was refused
# without a word on what to rename)
_TONE_LIKE = frozenset(
    {"sentiment", "polarity", "valence", "tone_code", "tone code", "label", "human_tone"}
)


def _warn_same_sentence_twice(out: pd.DataFrame, name: str, codes: Sequence[str]) -> None:
    """Warn of a sentence one coder's sheet holds under several item ids: each row counts in
    the agreement, so a sentence pasted twice counts twice, and coded two ways it counts
    against the coder whichever way it reads (a tester's two copies of a sentence, coded 1 and
    0, passed without a word; a sample can hold one sentence twice from two articles, so this
    is said, not refused)."""
    text = out["text"].str.split().str.join(" ")
    same = pd.DataFrame({"text": text, "coder": out["coder"].astype(str)})
    repeated = same.duplicated(keep=False).to_numpy() & (text != "").to_numpy()
    if not repeated.any():
        return
    groups = out[repeated].assign(_t=text[repeated]).groupby(["coder", "_t"], sort=False)
    differ = sum(int(part[list(codes)].astype(str).nunique().gt(1).any()) for _, part in groups)
    coded = f", {differ} of them coded differently" if differ else ""
    warn_user(
        f"sheet {name}: {groups.ngroups} sentence(s) appear under more than one item_id "
        f"({_rows(repeated)}{coded}); each row counts in the agreement. Remove a sentence "
        "pasted twice; keep one that two articles share."
    )


def read_sheets(
    paths: Sequence[Path | str], frame_keys: Sequence[str] | None = None
) -> pd.DataFrame:
    """Several coded sheets stacked, with one ``item`` key shared between coders.

    ``item`` is the ``item_id`` when every sheet has one, else the text. A coder appearing in
    two files is an error, as is one coder coding the same item twice, and so is an
    ``item_id`` whose text (spaces aside) differs between rows: sheets of different samples
    number different sentences alike, and pairing them would measure nothing.
    """
    if not paths:
        raise SheetError("no coded sheet given")
    sheets = [read_sheet(p, frame_keys) for p in paths]
    by_id = all("item_id" in s.columns for s in sheets)
    if by_id:
        _check_same_text(paths, sheets)
    seen: dict[str, str] = {}
    for path, sheet in zip(paths, sheets, strict=True):
        for coder in sheet["coder"].unique():
            if coder in seen and seen[coder] != str(path):
                raise SheetError(
                    f"sheet {path}: coder {coder!r} also appears in {seen[coder]}; add a 'coder' "
                    "column or rename one file"
                )
            seen[coder] = str(path)
    stacked = pd.concat(sheets, ignore_index=True, sort=False)
    stacked.insert(0, "item", item_keys(stacked["item_id"]) if by_id else stacked["text"])
    stacked.attrs["coder_sheets"] = dict(seen)  # a warning about a coder names their sheet
    dup = stacked.duplicated(["item", "coder"], keep=False)
    if dup.any():
        first = stacked.loc[dup, ["item", "coder"]].iloc[0].tolist()
        raise SheetError(
            f"coder {first[1]!r} coded item {first[0]!r} more than once (rows must be unique "
            "per item and coder)"
        )
    return stacked


# Typographic quote marks as the plain ones: a spreadsheet or word processor turns one into
# the other, and a tester's second coder's sheet, its ’ saved as ', was called "of different
# samples"
_PLAIN_QUOTES = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u2032": "'", "\u201c": '"', "\u201d": '"',
     "\u201e": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"'}
)  # fmt: skip


def _same_text_key(text: object) -> str:
    """An item's text as compared between sheets: runs of white space as one space, and
    typographic quote marks as plain ones."""
    return " ".join(str(text).split()).translate(_PLAIN_QUOTES)


def _check_same_text(paths: Sequence[Path | str], sheets: Sequence[pd.DataFrame]) -> None:
    """Raise :class:`SheetError` for the first ``item_id`` whose text, with runs of white
    space as one space and quote marks plain (:func:`_same_text_key`), differs between two rows
    of ``sheets`` (naming both sheets); warn of texts that differ in quote marks only (the same
    sample, one sheet saved by a program that changed them)."""
    parts = [
        pd.DataFrame(
            {
                "item_id": s["item_id"],
                "key": item_keys(s["item_id"]),
                "spaced": s["text"].map(lambda t: " ".join(str(t).split())),
                "norm": s["text"].map(_same_text_key),
                "sheet": str(p),
            }
        )
        for p, s in zip(paths, sheets, strict=True)
    ]
    rows = pd.concat(parts, ignore_index=True)
    rows = rows[rows["item_id"] != ""]
    differ = rows.groupby("key", sort=False)["norm"].transform("nunique") > 1
    quotes = rows.groupby("key", sort=False)["spaced"].transform("nunique") > 1
    if (quotes & ~differ).any():
        n = int(rows.loc[quotes & ~differ, "key"].nunique())
        warn_user(
            f"the text of {n} item_id{'s' if n > 1 else ''} differs between the sheets in "
            "quote marks only (’ against ', or “ against \"): read as the same items, "
            "the sheets as one sample"
        )
    if not differ.any():
        return
    key = rows.loc[differ, "key"].iloc[0]
    first, *others = rows[rows["key"] == key].itertuples(index=False)
    item = first.item_id
    second = next(r for r in others if r.norm != first.norm)
    where = (
        f"in {first.sheet} and {second.sheet}"
        if first.sheet != second.sheet
        else f"twice in {first.sheet}"
    )
    count = int(rows.loc[differ, "key"].nunique())
    more = f" (and {count - 1} more item_id{'s' if count > 2 else ''})" if count > 1 else ""
    raise SheetError(
        f"item_id {item!r} has different text {where}{more}: "
        f"{shortened(first.norm, QUOTED_CHARS)!r} and {shortened(second.norm, QUOTED_CHARS)!r}; "
        "the sheets are of different samples (items are matched by item_id), so code one "
        "sample, or remove item_id to match items by their text"
    )


def _holds_binary_codes(values: pd.Series) -> bool:
    """Whether a column holds codes 0 and 1 only (blanks aside), at least one of them: the
    frames of another codebook than the one a sheet is read with."""
    cells = values.dropna().astype(str).str.strip()
    cells = cells[cells != ""]
    return bool(len(cells)) and cells.isin({"0", "1", "0.0", "1.0"}).all()


def _near_keys(columns: Sequence[str], frame_keys: Sequence[str]) -> str:
    """ " Did you mean 'gun_right' (column 'gun_rights')? Rename the column to the key." for
    the ``columns`` spelled nearly as a frame key (a scholar's "gun_rights" sheet column
    against her codebook's "gun_right"), or "". The key comes first: a tester read "Did you
    mean 'society/culture' for 'society_culture'?." backwards, her own column as the
    suggestion."""
    import difflib

    near = [
        (match[0], column)
        for column in columns
        if (match := difflib.get_close_matches(column, list(frame_keys), n=1, cutoff=0.8))
    ]
    if not near:
        return ""
    meant = ", ".join(f"{key!r} (column {column!r})" for key, column in near)
    which = "column to the key" if len(near) == 1 else "columns to the keys"
    return f" Did you mean {meant}? Rename the {which}."


def no_codes_error(paths: Sequence[Path | str], columns: Sequence[str]) -> SheetError:
    """The error for sheets none of whose ``columns`` (the code columns they have) holds a
    code: nothing can be measured or trained."""
    names = ", ".join(str(p) for p in paths)
    return SheetError(
        f"no codes in the sheet(s) {names}: fill in the {', '.join(columns)} "
        f"column{'s' if len(columns) > 1 else ''} (1/0 per frame; tone negative/neutral/"
        "positive) and run again; a sheet coded for the frames of your own codebook is read "
        "with that codebook (--codebook FILE)"
    )


def consensus(coded: pd.DataFrame, columns: Sequence[str]) -> pd.DataFrame:
    """One row per item: the majority code of the coders who coded it, per column.

    A tie (e.g. one coder 1, the other 0) is left blank (NaN) and so is not used to score a
    machine coder; the number of coders behind each item is in ``n_coders``, and the sheet's
    ``outlet``, when it has one, is kept beside the text. Rows are in the
    items' order (by id), not the sheet's: the bootstrap intervals of ``validate`` resample
    these rows, and a scholar's sheet sorted in a spreadsheet gave intervals 0.01-0.03 apart
    from the same sheet unsorted, under the same seed.
    """
    rows = []
    has_outlet = "outlet" in coded.columns and "outlet" not in columns
    has_doc = "doc_id" in coded.columns and "doc_id" not in columns
    for item, part in coded.groupby("item", sort=True):
        row: dict[str, object] = {"item": item, "text": part["text"].iloc[0]}
        if has_outlet:
            row["outlet"] = part["outlet"].dropna().iloc[0] if part["outlet"].notna().any() else ""
        if has_doc:  # the item's article, from any coder's sheet that names it
            named = part["doc_id"].dropna().astype(str)
            named = named[named != ""]
            row["doc_id"] = named.iloc[0] if len(named) else ""
        row["n_coders"] = part["coder"].nunique()
        for col in columns:
            values = part[col].dropna()
            if values.empty:
                row[col] = np.nan
                continue
            counts = values.value_counts()
            top = counts[counts == counts.max()]
            row[col] = float(top.index[0]) if len(top) == 1 else np.nan
        rows.append(row)
    head = [
        "item",
        "text",
        *(["outlet"] if has_outlet else []),
        *(["doc_id"] if has_doc else []),
        "n_coders",
    ]
    return pd.DataFrame(rows, columns=[*head, *columns])


def coded_consensus(
    coded: pd.DataFrame, columns: Sequence[str], paths: Sequence[Path | str]
) -> tuple[pd.DataFrame, list[str], list[str]]:
    """The :func:`consensus` of ``coded`` (the sheets at ``paths``) over ``columns``, the
    columns that hold a code and those that hold none (:func:`uncoded_columns`); raises
    :func:`no_codes_error` when none does, since nothing can then be measured or trained."""
    gold = consensus(coded, columns)
    uncoded = uncoded_columns(gold, columns)
    if len(uncoded) == len(columns):
        raise no_codes_error(paths, columns)
    return gold, [c for c in columns if c not in uncoded], uncoded


def one_coder_items(
    coded: pd.DataFrame, gold: pd.DataFrame, columns: Sequence[str]
) -> dict[str, np.ndarray]:
    """Per column, which rows of ``gold`` (:func:`consensus` of ``coded``) have a code from
    exactly one coder: with several coders, its "majority" there is that coder's code alone."""
    counts = coded.groupby("item", sort=False)[list(columns)].count().reindex(gold["item"])
    return {column: (counts[column] == 1).to_numpy() for column in columns}


def tied_and_blank(
    coded: pd.DataFrame, gold: pd.DataFrame, columns: Sequence[str]
) -> dict[str, tuple[int, int]]:
    """Per column, ``(tied, blank)``: the items of ``gold`` (:func:`consensus` of ``coded``)
    without a consensus code because the coders split evenly, and because no coder coded them.
    Both are left out of a machine's figures for different reasons (a tie is a hard item; a
    blank one nobody coded), so they are counted apart."""
    coded_items = coded.groupby("item", sort=False)[list(columns)].count()
    out = {}
    for column in columns:
        had = coded_items[column].reindex(gold["item"]).fillna(0).to_numpy() > 0
        missing = gold[column].isna().to_numpy()
        out[column] = (int((had & missing).sum()), int((~had & missing).sum()))
    return out


def missing_items_warnings(coded: pd.DataFrame, columns: Sequence[str]) -> list[str]:
    """One warning per coder of ``coded`` (two or more coders) who lacks some of the items the
    other sheets hold, or left them blank in every code column, naming the coder's sheet (when
    :func:`read_sheets` recorded it) and how many: on those items the consensus is the other
    coders' codes alone, and intercoder.csv leaves them out (a tester's second sheet, its last
    15 rows deleted or emptied, was accepted silently: intercoder.csv used 65 items and
    agreement.csv 77-80)."""
    items = pd.Index(coded["item"].unique())
    sheets = coded.attrs.get("coder_sheets", {})
    said = []
    for coder, rows in coded.groupby("coder", sort=False):
        coded_any = rows[list(columns)].notna().any(axis=1)
        no_row = len(items) - int(rows["item"].nunique())
        blank = int((~coded_any).sum())
        if not no_row and not blank:
            continue
        parts = [f"{no_row} without a row"] if no_row else []
        parts += [f"{blank} with every code blank"] if blank else []
        sheet = f"sheet {sheets[coder]} " if coder in sheets else ""
        others = "other coder's" if coded["coder"].nunique() == 2 else "other coders'"
        said.append(
            f"{sheet}(coder {str(coder)!r}) lacks codes for {no_row + blank} of the "
            f"{len(items)} items the sheets hold ({', '.join(parts)}): on those items the "
            f"consensus is the {others} codes alone, and the coders' agreement (intercoder.csv) "
            "leaves them out; agreement.csv counts them in n_one_coder. Code them, or validate "
            "on the items every coder coded."
        )
    return said


def ties_warning(coded: pd.DataFrame, gold: pd.DataFrame, columns: Sequence[str]) -> str | None:
    """The warning naming, per column, the items the coders coded but tied on (so
    :func:`consensus` left them blank and no machine coder is scored on them), or None. A
    tester's two coders tied on 43 of 343 items of one frame, left out without a word: the
    hardest items, whose absence flatters the machine."""
    coded_items = coded.groupby("item", sort=False)[list(columns)].count()
    parts = []
    for column in columns:
        had = coded_items[column].reindex(gold["item"]).to_numpy() > 0
        ties = int((had & gold[column].isna().to_numpy()).sum())
        if ties:
            parts.append(f"{column} {ties} of {int(had.sum())}")
    if not parts:
        return None
    return (
        "items the coders split evenly on are left out of the agreement (no majority code): "
        + ", ".join(parts)
        + ". These are often the hardest items, so the machine's figures may be optimistic; "
        "intercoder.csv gives the coders' own agreement."
        # a third coder breaks a two-coder tie; with three or more a tie is a split vote
         + (" Have a third coder settle them." if coded["coder"].nunique() == 2 else "")
    )


def uncoded_columns(gold: pd.DataFrame, columns: Sequence[str]) -> list[str]:
    """The ``columns`` of ``gold`` (e.g. :func:`consensus`) with no code in any row: a frame or
    the tone the coders left blank throughout, which can be neither measured nor trained."""
    return [c for c in columns if not gold[c].notna().any()]


def presence_only_columns(gold: pd.DataFrame, columns: Sequence[str]) -> list[str]:
    """The frame ``columns`` of ``gold`` coded only as present: every code is 1 and some rows are
    blank. A blank is "not coded", not "absent" (:func:`read_sheet`), so a sheet whose coders
    marked a frame only where they saw it ("x" or 1, else nothing) is measured on its marked
    items alone: precision is then 1 or undefined and recall means nothing."""
    out = []
    for column in columns:
        if column == TONE_COLUMN:
            continue
        codes = gold[column]
        coded = codes.dropna()
        if len(coded) and len(coded) < len(codes) and (coded == 1.0).all():
            out.append(column)
    return out


def presence_only_warning(gold: pd.DataFrame, columns: Sequence[str]) -> str | None:
    """The warning for :func:`presence_only_columns`, naming each column and its counts; None
    when there is none."""
    found = presence_only_columns(gold, columns)
    if not found:
        return None
    shown = ", ".join(
        f"{c} ({int(gold[c].notna().sum())} coded, {int(gold[c].isna().sum())} blank)"
        for c in found
    )
    return (
        f"every code of {shown} is 1 and the other items are blank: a blank means not coded, "
        "not absent, so only the items marked 1 are measured or learnt from. If the coders "
        "marked a frame only where they saw it, fill its blanks with 0 (absent) and run again."
    )


def coder_presence_only(coded: pd.DataFrame, columns: Sequence[str]) -> dict[str, list[str]]:
    """Per frame of ``columns``, the coders of ``coded`` (the stacked sheets,
    :func:`read_sheets`) who coded it only as present (:func:`presence_only_columns` on each
    coder's own rows). With two coders the consensus of a coder who marked "x" and left the rest
    blank is the other coder's code alone on those blanks, so the consensus is no longer
    presence-only and its check is silent: a tester's second coder marked race_ethnicity so,
    and the summary gave its F1 on 80 items, 69 of them one coder's."""
    found: dict[str, list[str]] = {}
    for coder, rows in coded.groupby("coder", sort=False):
        for column in presence_only_columns(rows.reset_index(drop=True), columns):
            found.setdefault(column, []).append(str(coder))
    return found


def coder_checks_warnings(coded: pd.DataFrame, columns: Sequence[str]) -> list[str]:
    """The warnings of :func:`presence_only_warning` and :func:`polar_only_tone_warning` on each
    coder's own codes, naming the coder, for sheets of two or more coders (with one coder the
    consensus is that coder's codes, and the checks on it say the same)."""
    said = []
    for coder, rows in coded.groupby("coder", sort=False):
        rows = rows.reset_index(drop=True)
        if found := presence_only_columns(rows, columns):
            shown = ", ".join(
                f"{c} ({int(rows[c].notna().sum())} coded, {int(rows[c].isna().sum())} blank)"
                for c in found
            )
            said.append(
                f"coder {str(coder)!r}: every code of {shown} is 1 and the other items are "
                "blank: a blank means not coded, not absent, so on those items the other "
                "coders' codes stand alone in the consensus and the coders' agreement "
                "(intercoder.csv) is measured on the items marked 1 only. If this coder marked "
                "a frame only where they saw it, fill its blanks with 0 (absent) and run again."
            )
        if TONE_COLUMN in columns and (polar := polar_only_tone_warning(rows)) is not None:
            said.append(f"coder {str(coder)!r}: {polar}")
    return said


def polar_only_tone_warning(gold: pd.DataFrame) -> str | None:
    """The warning for a ``tone`` column coded only positive or negative with some items blank,
    or None: a blank is "not coded", not neutral, so the neutral items a coder left blank are
    not measured, and F1 and kappa describe the polar items alone (a financial analyst's 92
    blank tone cells were left out without a word, where frames coded so are warned about)."""
    if TONE_COLUMN not in gold.columns:
        return None
    codes = gold[TONE_COLUMN]
    coded = codes.dropna()
    blank = int(codes.isna().sum())
    if not len(coded) or not blank or (coded == 0.0).any():
        return None
    return (
        f"tone is coded only positive or negative ({len(coded)} coded, {blank} blank): a blank "
        "means not coded, not neutral, so only the polar items are measured or learnt from. If "
        "the coders left neutral sentences blank, fill those blanks with neutral (0) and run "
        "again."
    )
