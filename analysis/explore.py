"""Look at the text behind a number: keyword in context, the sentences behind a frame share,
and any table as a searchable, sortable view in a notebook.

Counting words is only trustworthy after reading where they occur (Grimmer & Stewart 2013,
"validate, validate, validate"). :func:`kwic` lists every match of a pattern with the words
around it, like quanteda's ``kwic``; :func:`evidence` lists the sentences a frame share was
computed from, with the codebook indicator that fired (via
:func:`analysis.framing.frames.frame_hits`; :func:`evidence_all` for every frame at once);
:func:`show_table` displays either with ``itables`` (search box, sorting) and falls back to the
plain display when ``itables`` is missing.

Grimmer, J. & Stewart, B. M. (2013). Text as data: The promise and pitfalls of automatic content
analysis methods for political texts. Political Analysis 21(3), 267–297.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from analysis.framing.codebook import Codebook, load_codebook
from analysis.framing.frames import frame_hits
from analysis.lexicon import literal_word, whole_words
from analysis.report.wording import plural
from analysis.user_warnings import warn_user

KWIC_COLUMNS = ["doc_id", "sentence_id", "group", "pre", "keyword", "post"]
_WORD = re.compile(r"\S+")


def _compile(pattern: str, regex: bool, case_sensitive: bool) -> re.Pattern[str]:
    if not pattern or not pattern.strip():
        raise ValueError("kwic: the pattern is empty")
    if regex:
        body = pattern
    else:  # words separated by any whitespace; a trailing * is a prefix wildcard (as in quanteda)
        # straight and curly apostrophes match each other (typing "Trump's" finds "Trump’s")
        words = [
            literal_word(w.rstrip("*")) + (r"\w*" if w.endswith("*") else "")
            for w in pattern.split()
        ]
        # whole words by look-around rather than \b, so a term ending in a dot ("u.s.") matches
        body = whole_words(r"\s+".join(words))
    try:
        return re.compile(body, 0 if case_sensitive else re.IGNORECASE)
    except re.error as exc:
        raise ValueError(
            f"kwic: pattern {pattern!r} is not a valid regular expression: {exc}"
        ) from exc


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def kwic(
    sentences: pd.DataFrame,
    pattern: str,
    *,
    by: str | None = "outlet",
    window: int = 5,
    regex: bool = False,
    case_sensitive: bool = False,
    text_col: str = "sentence",
) -> pd.DataFrame:
    """Keyword in context: one row per match of ``pattern`` in the sentences table.

    Columns: ``doc_id, sentence_id, group`` (the value of column ``by``, or empty), ``pre``
    (up to ``window`` words before the match), ``keyword`` (the matched text) and ``post`` (up
    to ``window`` words after). ``pattern`` is a word or phrase matched as whole words,
    case-insensitive, where a trailing ``*`` matches any ending (``tariff*``) and a straight
    or curly apostrophe matches either (as the lexicons match them); with ``regex=True`` it is
    a Python regular expression, matched as written. Rows follow the table's order, then the
    position of the match.
    """
    if window < 0:
        raise ValueError(f"kwic: window must be 0 or more, got {window}")
    needed = [c for c in ("doc_id", "sentence_id", text_col, by) if c and c not in sentences]
    if needed:
        from analysis.framing.tables import missing_columns_hint

        raise KeyError(f"kwic: missing columns {needed}; {missing_columns_hint(needed)}")
    rx = _compile(pattern, regex, case_sensitive)
    rows = []
    groups = sentences[by].astype(str).tolist() if by else [""] * len(sentences)
    for doc, sid, group, text in zip(
        sentences["doc_id"], sentences["sentence_id"], groups, sentences[text_col], strict=True
    ):
        text = "" if not isinstance(text, str) else text
        for match in rx.finditer(text):
            if match.end() == match.start():
                continue
            pre = _words(text[: match.start()])[-window:] if window else []
            post = _words(text[match.end() :])[:window] if window else []
            rows.append((doc, sid, group, " ".join(pre), match.group(0), " ".join(post)))
    return pd.DataFrame(rows, columns=KWIC_COLUMNS)


def evidence(
    sentences: pd.DataFrame,
    frame: str,
    *,
    group: str | None = None,
    group_col: str = "outlet",
    codebook: Codebook | Path | str | None = None,
    text_col: str = "sentence",
) -> pd.DataFrame:
    """The sentences behind a frame share: every sentence the codebook codes with ``frame``.

    ``group`` keeps only the sentences whose ``group_col`` equals it (the sentences behind one
    cell of ``frames_by_outlet.csv``). Columns: ``doc_id, sentence_id, <group_col>, frame,
    terms`` (the indicators that fired, as written in the codebook, ``; ``-separated),
    ``matched`` (the text they matched) and the sentence. The rows are exactly the sentences
    :func:`analysis.frame_matrix` flags, in table order.
    """
    book = load_codebook(codebook)
    book.frame(frame)  # a KeyError naming the known keys
    part, hits = _evidence_hits(sentences, book, group, group_col, text_col)
    rows = _frame_rows(part, hits, frame, group_col, text_col)
    _check_against_table(part, rows, frame, codebook)
    return rows


def _check_against_table(
    part: pd.DataFrame, rows: pd.DataFrame, frame: str, codebook: object
) -> None:
    """Warn when the sentences table codes ``frame`` (its ``frame_<key>`` column, written by a
    run) in other sentences than the codebook given flags: the run used another codebook (a
    tester's evidence() of her run's table read the package's codebook by default, and showed
    6 sentences where the table had 11). Pass the run's codebook, or its trained model's
    frames are in the table only."""
    column = f"frame_{frame}"
    if column not in part.columns:
        return
    coded = part[part[column].fillna(False).astype(bool)]
    flagged = len(coded)
    key = ["doc_id", "sentence_id"]
    same = set(map(tuple, coded[key].astype(str).to_numpy())) == set(
        map(tuple, rows[key].astype(str).to_numpy())
    )
    if not same:
        which = "the package's codebook" if codebook is None else f"the codebook {codebook}"
        warn_user(
            f"evidence: {which} flags {len(rows)} sentence(s) with {frame!r}, but the table's "
            f"{column} column has {flagged}: the run used another codebook (or a trained "
            "model). Pass the run's codebook with codebook=..."
        )


def evidence_all(
    sentences: pd.DataFrame,
    *,
    group: str | None = None,
    group_col: str = "outlet",
    codebook: Codebook | Path | str | None = None,
    text_col: str = "sentence",
) -> pd.DataFrame:
    """:func:`evidence` for every frame of the codebook, one after another in codebook order.

    The same rows as concatenating ``evidence(sentences, key, ...)`` over the codebook's keys,
    but the indicators are matched once for all frames rather than once per frame (on the
    bundled corpus, 0.1 s instead of 1.1 s).
    """
    book = load_codebook(codebook)
    part, hits = _evidence_hits(sentences, book, group, group_col, text_col)
    frames = [_frame_rows(part, hits, key, group_col, text_col) for key in book.keys]
    return pd.concat(frames, ignore_index=True)


def _evidence_hits(
    sentences: pd.DataFrame,
    book: Codebook,
    group: str | None,
    group_col: str,
    text_col: str,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The sentences :func:`evidence` reads (one group's when ``group``) and their hits."""
    needed = [c for c in ("doc_id", "sentence_id", text_col, group_col) if c not in sentences]
    if needed:
        raise KeyError(f"evidence: missing columns {needed}")
    if group is None:
        return sentences, frame_hits(sentences[text_col], book)
    labels = sentences[group_col].astype(str)
    if group not in set(labels):  # a typo (or the wrong group_col) must not show "no evidence"
        shown = sorted(set(labels))
        more = f" and {len(shown) - 20} more" if len(shown) > 20 else ""
        raise ValueError(
            f"evidence: no {group_col} {group!r} in these sentences; the {plural(group_col)} are "
            f"{shown[:20]}{more} (to look in another column, pass group_col=)"
        )
    part = sentences[labels == group]
    return part, frame_hits(part[text_col], book)


def _frame_rows(
    part: pd.DataFrame, hits: pd.DataFrame, frame: str, group_col: str, text_col: str
) -> pd.DataFrame:
    """:func:`evidence`'s rows for one ``frame`` from the hits of all frames in ``part``."""
    columns = ["doc_id", "sentence_id", group_col, "frame", "terms", "matched", text_col]
    hits = hits[hits["frame"] == frame]
    if hits.empty:
        return pd.DataFrame(columns=columns)
    grouped = hits.groupby("row", sort=True)
    rows = grouped.size().index.to_numpy()
    picked = part.iloc[rows]
    return pd.DataFrame(
        {
            "doc_id": picked["doc_id"].to_numpy(),
            "sentence_id": picked["sentence_id"].to_numpy(),
            group_col: picked[group_col].to_numpy(),
            "frame": frame,
            "terms": grouped["term"].agg("; ".join).to_numpy(),
            "matched": grouped["matched"].agg("; ".join).to_numpy(),
            text_col: picked[text_col].to_numpy(),
        }
    )[columns]


# Where itables' JavaScript was last displayed in this kernel: the cell that holds it
# (:func:`_itables_offline`). Forgotten when a run reuses the kernel for another notebook.
_ITABLES_LOADED: list[str | None] = []


def show_table(df: pd.DataFrame, *, caption: str | None = None, page_length: int = 10) -> None:
    """Display ``df`` as a searchable, sortable table in a notebook.

    Uses ``itables`` when it is installed (search box, column sorting, paging), else the
    notebook's plain display. The data and itables' JavaScript are embedded in the notebook
    (:func:`_itables_offline`), so the table works without a server or the internet where the
    notebook's scripts run (a trusted notebook); elsewhere (an untrusted notebook, GitHub) itables
    shows its static preview of the first page. Returns nothing, so that a cell ending with it
    shows the table alone (it returned the renderer's name, which a tester's cell printed under
    the table as 'itables').
    """
    try:
        from itables import show
    except ImportError:
        show = None
    if show is not None:
        _itables_offline()
        show(
            df,
            caption=caption,
            pageLength=page_length,
            classes="display compact",
            connected=False,
        )
        return
    try:
        from IPython.display import display
    except ImportError:  # pragma: no cover - IPython is a dependency of the notebooks
        print(df.to_string())
        return
    display(df)


def _itables_offline() -> None:
    """Display itables' JavaScript bundle (about 1 MB) in the output of the first cell of a
    notebook that shows a table, and again when that same cell runs again (its output, which
    held the bundle, is replaced); the tables after it use the bundle, not the internet.

    By default itables loads its JavaScript from unpkg.com: a tester's executed notebooks,
    opened offline, showed "Loading ITables from the internet..." in place of every table.
    """
    from itables import init_notebook_mode

    cell = _cell_id()
    if _ITABLES_LOADED and (cell is None or _ITABLES_LOADED[0] != cell):
        return
    # every DataFrame keeps its plain display: only show_table's tables are interactive
    init_notebook_mode(all_interactive=False, connected=False)
    _ITABLES_LOADED[:] = [cell]


def forget_itables_loaded() -> None:
    """Forget where itables' JavaScript was displayed: a kernel reused for another notebook
    (:func:`analysis.pipeline.kernels.restore_fresh_state`) displays it again there."""
    _ITABLES_LOADED.clear()


def _cell_id() -> str | None:
    """The id of the notebook cell running now, as JupyterLab sends it with the cell's code;
    None when it is not known (nbclient sends none)."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython is a dependency of the notebooks
        return None
    get_parent = getattr(getattr(get_ipython(), "kernel", None), "get_parent", None)
    parent = get_parent() if callable(get_parent) else None  # the execute request, in full
    metadata = parent.get("metadata") if isinstance(parent, dict) else None
    cell = metadata.get("cellId") if isinstance(metadata, dict) else None
    return str(cell) if cell else None


def tone_extremes(
    sentences: pd.DataFrame,
    score_col: str = "compound",
    *,
    by: str | None = "outlet",
    n: int = 5,
    text_col: str = "sentence",
) -> pd.DataFrame:
    """The sentences behind the tone extremes: per group, the ``n`` most negative and the ``n``
    most positive by ``score_col`` (ties broken by document and sentence, so the table is
    deterministic).

    Columns: ``doc_id, sentence_id, <by>`` (when given), ``end`` (``"most negative"`` or
    ``"most positive"``), ``rank`` (1 = most extreme), ``<score_col>`` and the sentence. A group
    with fewer than ``2 n`` sentences lists each of its sentences at most once per end.
    """
    if n < 1:
        raise ValueError(f"tone_extremes: n must be at least 1, got {n}")
    keys = [c for c in ("doc_id", "sentence_id", score_col, text_col, by) if c]
    needed = [c for c in keys if c not in sentences]
    if needed:
        raise KeyError(f"tone_extremes: missing columns {needed}")
    group_cols = [by] if by else []
    columns = ["doc_id", "sentence_id", *group_cols, "end", "rank", score_col, text_col]
    parts = []
    for end, ascending in (("most negative", True), ("most positive", False)):
        ordered = sentences.sort_values(
            [score_col, "doc_id", "sentence_id"],
            ascending=[ascending, True, True],
            kind="stable",
        )
        top = ordered.groupby(by, sort=True).head(n) if by else ordered.head(n)
        if by:
            top = top.sort_values(by, kind="stable")
            rank = top.groupby(by).cumcount() + 1
        else:
            rank = pd.Series(range(1, len(top) + 1), index=top.index)
        parts.append(top.assign(end=end, rank=rank.to_numpy()))
    if not any(len(p) for p in parts):
        return pd.DataFrame(columns=columns)
    return pd.concat(parts, ignore_index=True)[columns]


# the staging folder a run writes into before its outputs are swapped in
# (:func:`analysis.pipeline.promote.make_staging`)
_STAGING_RE = re.compile(r"([\\/])reports[\\/]\.staging-\d+[\\/]")


def written_lines(paths: list[Path] | list[str]) -> str:
    """The lines a notebook prints for the files it wrote: each path where it will be once the
    run is over. Under ``python -m analysis run`` a notebook writes into
    ``reports/.staging-<pid>/``, which is gone once the outputs are swapped in; the executed
    notebooks printed those paths, which no reader could open."""
    shown = [_STAGING_RE.sub(r"\1", str(path)) for path in paths]
    return "\n".join(["written:", *(f"  {path}" for path in shown)])
