"""Choosing which articles a run compares, the same way in every notebook and in the report.

Three verbs: :func:`keep_outlets` (the one outlet filter), :func:`corpus_palette` (which groups
get a colour, the rest fold into "Other": :func:`folded_groups`) and :func:`select_sentences`
(both, on the sentences a notebook analyses). :func:`check_group_by` is the one check of the
grouping column.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import pandas as pd

from analysis.config import ARTICLE_FIELDS, GROUP_COLUMNS
from analysis.corpus.normalisers import normalise_unicode
from analysis.figures import OKABE_ITO, OTHER_COLOUR, OTHER_LABEL, fold_groups, group_palette
from analysis.name_lists import name_list


def check_group_by(group_col: str, columns: Iterable[str] | None = None) -> str:
    """Return ``group_col`` when a run can group by it: a metadata column of the corpus (one of
    ``columns`` when given; ``outlet`` and ``origin`` always exist); otherwise a ``ValueError``
    listing the allowed columns."""
    allowed = list(dict.fromkeys([*GROUP_COLUMNS, *(list(columns) if columns is not None else [])]))
    # named in the message: the groupings, not the text, counts and measures of the table (a
    # tester's mistyped group_by was offered 'text', 'n_words' and 'quality_flags')
    shown = [c for c in allowed if c in GROUP_COLUMNS or not _is_measure_column(c)]
    if not isinstance(group_col, str) or not group_col.strip():
        raise ValueError(f"group_by must be a column name, one of {shown}, got {group_col!r}")
    if columns is not None and group_col not in allowed:
        raise ValueError(
            f"group_by must be one of {shown}, got {group_col!r}{near_names([group_col], shown)}"
        )
    return group_col


# Columns of the documents and sentences tables that hold text, counts or measures, never a
# grouping: named in no list of the groupings a run can compare
_MEASURE_COLUMNS = frozenset(
    {
        "doc_id", "file", "text", "raw_text", "encoding", "sentence", "sentence_id",
        "metadata_note", "duplicate_of", "quality_flags", "share_lines_removed", "neg", "neu",
        "pos", "has_quote", "attribution_verb", "attributed", "extraction_problem",
        "dominant_frame", "dominant_tied", "all_caps",
    }
)  # fmt: skip
# (the counts "n_words", "n_hedges", ... and "compound", "compound_news" by their prefixes)
_MEASURE_PREFIXES = ("flag_", "actor_", "frame_", "source_", "n_", "compound")


def _is_measure_column(column: str) -> bool:
    """Whether ``column`` of a documents or sentences table is text, a count or a measure."""
    return (
        column in _MEASURE_COLUMNS
        or column in ARTICLE_FIELDS
        or column.startswith(_MEASURE_PREFIXES)
    )


def article_field_message(group_col: str) -> str:
    """Why ``group_col``, a field of each article (:data:`analysis.config.ARTICLE_FIELDS`), is
    not a grouping, and what to group by instead: for ``published``, a period of it
    (:mod:`analysis.corpus.periods`; a tester was sent between ``--group-by date`` and
    ``--group-by published``, each refused)."""
    from analysis.corpus.periods import PERIOD_FIELD, period_hint

    if group_col == PERIOD_FIELD:
        return (
            f"group_by {group_col!r} is a field of each article, nearly one value per article; "
            f"{period_hint()}"
        )
    return (
        f"group_by {group_col!r} is a field of each article, which the sentences a run compares "
        "do not carry; group by 'outlet', 'origin' or a column of your own in the manifest or "
        f"corpus file (to compare by {group_col}, copy it into a column of another name)"
    )


def check_group_labels(documents: pd.DataFrame, group_col: str) -> None:
    """A ``ValueError`` when ``group_col`` is one of the user's metadata columns that holds text
    rather than labels (:func:`analysis.corpus.documents.text_metadata_columns`: a snippet, an
    abstract): such a column stays in the documents table and is not copied to the sentences,
    and each article would be a group of its own."""
    from analysis.corpus.documents import LABEL_CHARS, extra_columns, mean_chars

    if group_col not in extra_columns(documents):
        return
    mean = mean_chars(documents[group_col])
    if mean >= LABEL_CHARS:
        raise ValueError(
            f"group_by {group_col!r} holds text, not group names: its values average "
            f"{mean:.0f} characters (a column to group by averages fewer than {LABEL_CHARS}). "
            "Such a column is kept in documents.csv but not copied to the sentences; group by "
            "a column of labels (outlet, origin, section...)."
        )


def keep_outlets(
    frame: pd.DataFrame,
    outlets: str | Iterable[str] | None,
    *,
    strict: bool = True,
    left_out: pd.DataFrame | None = None,
    group_col: str = "outlet",
) -> pd.DataFrame:
    """The rows of ``frame`` (documents or sentences) whose ``outlet`` is one of ``outlets``.

    Empty or None keeps every row; one text is a comma list of names (:func:`name_list`: plain
    papermill passes ``-p outlets "A,B"`` so). With ``strict``, names the frame does not hold
    are an error that lists the valid ones (a typo must not silently compare nothing); a name
    whose every article a quality option left out (``left_out``, :class:`Corpus`'s) is said so,
    with the option, rather than called absent; a name that is a group of ``group_col`` (the
    run's grouping) is said to be one (:func:`groups_named_as_outlets`).
    """
    # in Unicode NFC, as the run puts the metadata (a name typed with a combining accent)
    wanted = [normalise_unicode(o) for o in name_list(outlets)]
    if not wanted:
        return frame
    outlet = frame["outlet"].astype(str)
    if strict:
        known = set(outlet)
        unknown = sorted(set(wanted) - known)
        emptied = _emptied_outlets(unknown, left_out)
        unknown = [name for name in unknown if name not in emptied]
        if emptied:
            said = "; ".join(
                f"{name!r}: its {n} article(s) were all left out by {option}"
                for name, (n, option) in emptied.items()
            )
            options = " ".join(option for _, option in emptied.values())
            keep = [
                flag
                for name, flag in (
                    ("other_languages", "-p other_languages keep"),
                    ("duplicates", "-p duplicates flag"),
                )
                if name in options
            ]
            raise ValueError(
                f"outlets with no article left to compare: {said}; keep their articles with "
                f"{' and '.join(keep)}, or leave the outlet out of --outlets"
                + (f"; also not in the corpus: {unknown}" if unknown else "")
            )
        if unknown:
            groups = (
                groups_named_as_outlets(unknown, frame[group_col], outlet, group_col)
                if group_col != "outlet" and group_col in frame.columns
                else ""
            )
            raise ValueError(
                f"{groups}outlets not in the corpus: {unknown}{near_names(unknown, known)}; "
                f"valid names: {sorted(known)}" + comma_hint(known)
            )
    return frame[outlet.isin(wanted)]


def groups_named_as_outlets(
    unknown: Iterable[str], groups: pd.Series, outlets: pd.Series, group_col: str
) -> str:
    """For the names of ``unknown`` that are groups of ``group_col`` (``groups``, beside each
    row's ``outlets``): "'left' is a lean, not an outlet: ..." with the outlets of each, for
    ``--outlets`` keeps outlets whatever the grouping; else "". A tester's ``--outlets
    left,right`` with ``--group-by lean`` was told "outlets not in the corpus"."""
    labels = groups.astype(str)
    said = []
    for name in unknown:
        of_group = sorted(set(outlets[labels.to_numpy() == name].astype(str)))
        if of_group:
            said.append(
                f"{name!r} is a {group_col}, not an outlet (its outlets: {', '.join(of_group)})"
            )
    if not said:
        return ""
    return (
        f"{'; '.join(said)}. --outlets keeps the outlets named, whatever --group-by is: to "
        f"compare some {group_col} groups, name their outlets. "
    )


def _emptied_outlets(
    unknown: Iterable[str], left_out: pd.DataFrame | None
) -> dict[str, tuple[int, str]]:
    """Of the ``unknown`` outlet names, those whose articles are all in ``left_out``: each
    with the number of its articles and the option(s) that left them out."""
    if left_out is None or left_out.empty:
        return {}
    found = {}
    for name in unknown:
        rows = left_out.loc[left_out["outlet"].astype(str) == name]
        if len(rows):
            found[name] = (len(rows), " and ".join(dict.fromkeys(rows["option"].astype(str))))
    return found


def near_names(unknown: Iterable[str], known: Iterable[str]) -> str:
    """ " (did you mean 'Fox News'?)" for the outlets of ``unknown`` that differ from a name of
    ``known`` only in letter case or by a typo (:func:`difflib.get_close_matches`), or that
    begin it ("Fox" of "Fox News", "NYT" of "NYTimes": testers' shortenings got no guess),
    else ""."""
    import difflib

    by_fold = {name.casefold(): name for name in known}
    guesses = []
    for name in unknown:
        folded = name.casefold().strip()
        close = difflib.get_close_matches(folded, list(by_fold), n=1, cutoff=0.8)
        if not close and len(folded) >= 2:
            close = sorted(k for k in by_fold if k.startswith(folded))[:1]
        if close:
            guesses.append(repr(by_fold[close[0]]))
    return f" (did you mean {', '.join(guesses)}?)" if guesses else ""


def comma_hint(known: Iterable[str]) -> str:
    """When an outlet's name holds a comma: how to name it in a comma-separated list."""
    named = sorted(o for o in known if "," in o)
    if not named:
        return ""
    quoted = named[0].replace('"', '""')  # a quote inside doubled, as in a CSV field
    return (
        f". A name with a comma is one outlet in double quotes (a quote inside it doubled): "
        f"--outlets '\"{quoted}\",OTHER' (or -p outlets as a YAML list)"
    )


def groups_by_volume(documents: pd.DataFrame, group_col: str = "outlet") -> list[str]:
    """Every group of ``documents``, largest first: by number of articles, ties broken by number
    of sentences (when the table has ``n_sentences``), then by name.

    The one order in which a run shows groups: the groups that get a colour (the rest fold into
    "Other") and the groups a summary names are the first of this list.
    """
    labels = documents[group_col].astype(str)
    n_docs = labels.value_counts()
    if "n_sentences" in documents.columns:
        n_sent = documents["n_sentences"].groupby(labels.to_numpy()).sum()
    else:
        n_sent = pd.Series(0, index=n_docs.index)
    return sorted(n_docs.index, key=lambda g: (-int(n_docs[g]), -int(n_sent.get(g, 0)), str(g)))


def groups_in_order(documents: pd.DataFrame, group_col: str = "outlet") -> list[str]:
    """Every group of ``documents`` in the order a summary lists them: periods (2025-01,
    2025-Q1, 2025, 2025-W07, days: :func:`analysis.corpus.periods.are_periods`) in time
    order, other groups largest first (:func:`groups_by_volume`). A tester's months were
    listed by size (2025-01, 2025-02, 2025-05, 2025-06, 2025-03, 2025-04) while the figures
    drew them in order. Which groups get a colour stays by volume."""
    from analysis.corpus.periods import are_periods

    by_volume = groups_by_volume(documents, group_col)
    return sorted(by_volume) if are_periods(by_volume) else by_volume


def corpus_palette(
    documents: pd.DataFrame,
    group_col: str = "outlet",
    outlets: Sequence[str] | None = None,
    colours: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """The palette every figure of a run uses: one colour per group, the same in every notebook.

    Colours go to the groups of the whole corpus, or only of the outlets chosen by name (the
    ``outlets`` parameter), so an outlet picked for comparison is never hidden in "Other". With
    more groups than colours, the largest groups (:func:`groups_by_volume`: articles, then
    sentences, then name) keep a colour and the rest share the grey of ``"Other"`` (never periods,
    which take a sequential scale: :func:`folded_groups`): fold them with
    :func:`fold_groups` before plotting. ``colours`` (a user's colour table,
    :func:`analysis.group_colours.read_colours`) fixes the colour of each group it names; the
    others get the palette's colours it leaves free.
    """
    if group_col in ARTICLE_FIELDS:
        raise ValueError(article_field_message(group_col))
    check_group_by(group_col, documents.columns)
    check_group_labels(documents, group_col)
    palette = group_palette(_coloured(groups_by_volume(documents, group_col)))
    if colours:
        _warn_colour_names(colours, documents[group_col].astype(str).unique())
        palette = _pinned(palette, colours)
    if not name_list(outlets):
        return palette
    # a selection keeps each outlet's colour of the whole corpus (a tester's two outlets
    # swapped colours between a run of all three and a run of two); one the whole corpus pools
    # gets a colour no chosen outlet has
    chosen = groups_by_volume(keep_outlets(documents, outlets, strict=False), group_col)
    coloured = _coloured(chosen)
    kept = {g: palette[g] for g in coloured if g in palette}
    kept |= {g: c for g, c in (colours or {}).items() if g in coloured}
    spare = [c for c in OKABE_ITO if c not in kept.values()]
    kept |= dict(zip(sorted(g for g in coloured if g not in kept), spare, strict=False))
    return {**kept, OTHER_LABEL: OTHER_COLOUR}


def _warn_colour_names(colours: Mapping[str, str], groups: Iterable[str]) -> None:
    """Warn of each name of a colour table that is no group of the corpus but one spelt
    another way (letter case, spaces, look-alike letters: a retester's "reuters" left Reuters
    orange without a word); a name of no group at all is an outlet of another corpus, as a
    house table holds, and is not said."""
    from analysis.corpus.group_names import name_key
    from analysis.user_warnings import warn_user

    by_key = {name_key(g): g for g in groups}
    for name in colours:
        group = by_key.get(name_key(name))
        if group is not None and group != name:
            warn_user(
                f"the colour table names {name!r}, which is no group of the corpus; "
                f"did you mean {group!r}? Its colour was not given to {group!r}"
            )


def _pinned(palette: dict[str, str], colours: Mapping[str, str]) -> dict[str, str]:
    """``palette`` with each group ``colours`` names in its colour, and the other groups (in
    their order of ``palette``) given the palette's colours left free."""
    fixed = {g: c for g, c in colours.items() if g in palette and g != OTHER_LABEL}
    free = [c for c in OKABE_ITO if c not in fixed.values()]
    others = [g for g in palette if g not in fixed and g != OTHER_LABEL]
    if len(others) > len(free):  # periods past the palette's size keep their scale's colours
        return {**fixed, **{g: palette[g] for g in others}, OTHER_LABEL: OTHER_COLOUR}
    return {**fixed, **dict(zip(others, free, strict=False)), OTHER_LABEL: OTHER_COLOUR}


def _coloured(ordered: Sequence[str]) -> list[str]:
    """The groups of ``ordered`` (largest first) that get a colour: all but those pooled."""
    folded = set(folded_groups(ordered))
    return [g for g in ordered if g not in folded]


def folded_groups(ordered: Sequence[str]) -> list[str]:
    """The groups of ``ordered`` (largest first: :func:`groups_by_volume`) that get no colour
    of their own and are pooled as "Other" in every figure and comparison of a run: none when
    the palette holds every group, else all but the largest ``len(OKABE_ITO) - 1`` (one colour
    stays for "Other"). The pool is labelled :data:`~analysis.figures.OTHER_LABEL`, "Other
    (pooled)", so that a group of the corpus named "Other" keeps its place; a group named as
    the pool is always pooled: the figures could not tell it from the pool. Periods
    (:func:`analysis.corpus.periods.are_periods`) are never pooled: a month's place in time
    matters, not its size (a tester's twelve months lost their five smallest to "Other"), and
    :func:`analysis.figures.group_palette` gives each its colour of a sequential scale."""
    from analysis.corpus.periods import are_periods

    ordered = [str(g) for g in ordered]
    if len(ordered) <= len(OKABE_ITO) or are_periods(ordered):
        return []
    kept = set([g for g in ordered if g != OTHER_LABEL][: len(OKABE_ITO) - 1])
    return [g for g in ordered if g not in kept]


def select_sentences(
    sentences: pd.DataFrame,
    group_col: str,
    outlets: str | Iterable[str] | None,
    palette: dict[str, str],
) -> pd.DataFrame:
    """Keep the sentences of the chosen outlets, then fold groups without a colour into Other.

    ``outlets`` lists outlet names to keep (empty or None keeps all); unknown names are an error
    that lists the valid ones. Folding happens after filtering, so an outlet that would have been
    folded into "Other" can still be selected by name.
    """
    check_group_by(group_col, sentences.columns)
    sentences = keep_outlets(sentences, outlets, group_col=group_col)
    if sentences.empty:
        raise ValueError("no sentences left to compare")
    kept = [g for g in palette if g != OTHER_LABEL]
    folded = fold_groups(sentences[group_col], kept)
    return sentences.assign(**{group_col: folded.to_numpy()}).reset_index(drop=True)


def own_groups(documents: pd.DataFrame, group_col: str) -> dict[str, str]:
    """Each document's own group (doc_id → group) before :func:`select_sentences` pools the
    groups without a colour, for figures that name an article's outlet (the tone arcs); empty
    when the documents' table has no ``group_col``."""
    if group_col not in documents.columns:
        return {}
    return dict(zip(documents["doc_id"].astype(str), documents[group_col].astype(str), strict=True))
