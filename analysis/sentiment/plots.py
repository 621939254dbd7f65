"""Figures of the sentiment notebook (02_sentiment.ipynb).

Each function takes the tables of :mod:`analysis.sentiment.tables` (or the sentences table) and
the corpus-wide palette, and returns a matplotlib figure; the notebook saves it with
:func:`analysis.figures.save_figure` under the stem given in :data:`FIGURES`. Groups missing from
the palette (folded into "Other" when there are more groups than colours) are drawn in grey.

seaborn draws the strip plot, the tone-arc small multiples and the actor heatmap. Means and
intervals computed by the package's bootstrap are drawn with matplotlib's ``errorbar``: seaborn
draws only intervals it computes itself.

:mod:`analysis.sentiment.scoring` (and with it NLTK) is imported inside the functions that need
it, so that reading :data:`FIGURES` (the summary does, for the captions) stays cheap.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib.colors import ListedColormap
from matplotlib.ticker import MaxNLocator

from analysis.config import MIN_ACTOR_SENTENCES, SEED
from analysis.figure_labels import (
    LABEL_LINE_IN,
    group_labels,
    label_lines,
    middle_shortened,
    with_suffix,
)
from analysis.figures import (
    DOUBLE_COLUMN_IN,
    OTHER_COLOUR,
    OTHER_LABEL,
    FigureInfo,
    grid_layout_deferred,
    interval_arms,
    none_found_figure,
    pooled_group_name,
    seeded_global_rng,
)
from analysis.sentiment.discover import MIN_DOCS

NOTEBOOK = "02_sentiment.ipynb"
# What the figures say when there is nothing to draw (the summary's findings say the same).
# the actors are the actor list's, or, without one, names found in the corpus (discover)
# "with one article none can be found": a QA tester's one article naming three people read as
# "No actor is mentioned in these articles"
NO_ACTORS = (
    "No actor to report: no name of the actor list is mentioned, or, without a list, no name is "
    f"used by at least {MIN_DOCS} of the articles (with one article, none can be found); give "
    "an actor list with -p actors FILE."
)
NO_SENTENCES = "No sentences to show: the articles have no text left after cleaning."
# Dots per group in the sentence-tone strip plot; larger groups show a seeded random sample.
MAX_STRIP_POINTS = 1500
# characters of a tone-arc panel's title: the article's doc_id, cut to this in the middle; the
# title's lines at most ARC_TITLE_LINE_CHARS (a panel of the two columns holds about 58 at 7 pt)
ARC_TITLE_CHARS = 28
ARC_TITLE_LINE_CHARS = 56
# Background of heatmap cells with too few sentences to show an estimate.
SPARSE_CELL_COLOUR = "#EEEEEE"
# Tone classes take the ends and the middle of ColorBrewer's RdBu, the diverging scale of the
# actor heatmap (colour-blind safe), never an outlet colour: outlet colours are only for outlets.
TONE_COLOURS = {
    "share_negative": "#B2182B",
    "share_neutral": "#D9D9D9",
    "share_positive": "#2166AC",
}
# Below MIN_ACTOR_SENTENCES (analysis.config) a cell of the actor heatmap shows its n on grey,
# not an estimate; the summary leaves such groups out of its actor findings.
# Rows of the actor heatmap at most: the actors in most sentences (actor_tone.csv has them all).
# An actor list may name 60, and a heatmap of 60 rows is 35 inches tall, unreadable in a report
# (discovered actors are as many at most: analysis.sentiment.discover.MAX_ACTORS). Twelve rows
# make a figure 8 inches tall, a page's height with its caption: at 20 a graphics editor's was
# 12.7 inches, taller than A4 or Letter, its cells unreadable once shrunk onto a page.
MAX_ACTORS_SHOWN = 12
TONE_LABELS = {
    "share_negative": "negative",
    "share_neutral": "neutral",
    "share_positive": "positive",
}

FIGURES: dict[str, FigureInfo] = {
    "fig02_sentence_tone": FigureInfo(
        stem="fig02_sentence_tone",
        caption=(
            "Sentence tone by group. Each dot is one sentence's VADER compound score (−1 most "
            "negative, +1 most positive); the black diamond is the group mean with its 95% "
            "bootstrap CI. The dashed lines at ±0.05 bound VADER's 'neutral' band. n = sentences "
            "and articles behind each mean. A group with more than "
            f"{MAX_STRIP_POINTS:,} sentences shows a random sample of {MAX_STRIP_POINTS:,} dots; "
            "its mean and CI use every sentence."
        ),
        notebook=NOTEBOOK,
        table="sentiment_by_outlet.csv",
    ),
    "fig03_tone_arc": FigureInfo(
        stem="fig03_tone_arc",
        caption=(
            "Tone arc of each article: bars are sentence compound scores in reading order, the "
            "line a centred 5-sentence running mean. It shows where in an article the positive "
            "and negative passages sit (lead, quotes, closing analysis). With many articles, "
            "only some are drawn (parameter max_arc_articles): the longest article (in words) "
            "of each group first, then the next longest; panel titles name them. Not drawn "
            "when no article has 3 sentences or more (headlines, short posts)."
        ),
        notebook=NOTEBOOK,
        table="sentences.csv",
    ),
    "fig04_actor_tone": FigureInfo(
        stem="fig04_actor_tone",
        caption=(
            "Mean tone of the sentences that mention each actor, by group (blue positive, red "
            "negative), with its 95% bootstrap CI in brackets and n = sentences in every cell "
            "(every interval is in actor_tone.csv). This is the tone around a mention, not the "
            "outlet's stance towards the actor. Grey cells have fewer than "
            f"{MIN_ACTOR_SENTENCES} sentences: too few for an estimate, so they show n only. "
            f"With more than {MAX_ACTORS_SHOWN} actors, the {MAX_ACTORS_SHOWN} mentioned in "
            "most sentences are drawn (the title says so)."
        ),
        notebook=NOTEBOOK,
        table="actor_tone.csv",
    ),
    "fig05_tone_shares": FigureInfo(
        stem="fig05_tone_shares",
        caption=(
            "Share of negative (red), neutral (grey) and positive (blue) sentences by group "
            "(VADER compound ≤ −0.05, between, ≥ +0.05). n = sentences and articles."
        ),
        notebook=NOTEBOOK,
        table="sentiment_by_outlet.csv",
        width="double",
    ),
    "fig06_vader_vs_news": FigureInfo(
        stem="fig06_vader_vs_news",
        caption=(
            "Mean sentence tone with plain VADER (open circle) and with news-domain terms "
            "neutralised (filled circle), with 95% CIs. The gap shows how much the run's list "
            "of such terms (named in the summary's Methods) moves each group's mean."
        ),
        notebook=NOTEBOOK,
        table="sentiment_by_outlet.csv",
    ),
}


def _colour(palette: dict[str, str], group: object) -> str:
    return palette.get(str(group), OTHER_COLOUR)


def _groups(by_group: pd.DataFrame, group_col: str) -> list[str]:
    return sorted(by_group[group_col].astype(str).unique())


def _size_label(n_sentences: int, n_docs: int) -> str:
    return f"n = {n_sentences} sent., {n_docs} art."


def plot_sentence_tone(
    sentences: pd.DataFrame,
    by_group: pd.DataFrame,
    group_col: str,
    palette: dict[str, str],
    method: str = "vader",
    *,
    seed: int = SEED,
    max_points: int = MAX_STRIP_POINTS,
) -> plt.Figure:
    """Strip plot of sentence compound scores per group plus the mean and its CI.

    A group with more than ``max_points`` sentences shows a seeded random sample of that many
    dots (the mean and CI always come from every sentence), so the figure stays readable and
    its SVG small on large corpora. The sample and the jitter both follow ``seed``.
    """
    from analysis.sentiment.scoring import NEG_THRESHOLD, POS_THRESHOLD, compound_column

    col = compound_column(method)
    means = by_group[(by_group["method"] == method) & (by_group["measure"] == "mean_compound")]
    groups = _groups(means, group_col)
    means = means.set_index(means[group_col].astype(str)).reindex(groups)
    dots = _strip_sample(sentences[group_col].astype(str), sentences[col], groups, max_points, seed)
    names = group_labels(groups)  # wrapped: a 120-character name left tight_layout no room
    dots["group"] = dots["group"].map(names)
    shown = [names[g] for g in groups]
    fig, ax = plt.subplots(figsize=(DOUBLE_COLUMN_IN, 0.9 + 0.55 * len(groups)))
    with seeded_global_rng(seed):  # seaborn's jitter comes from numpy's global state
        sns.stripplot(
            dots,
            x="score",
            y="group",
            hue="group",
            order=shown,
            hue_order=shown,
            palette={names[g]: _colour(palette, g) for g in groups},
            jitter=0.22,
            size=2.6,
            alpha=0.45,
            linewidth=0,
            legend=False,
            ax=ax,
        )
    for strip in ax.collections:  # one group each: one colour for the collection, not per dot
        colours = np.unique(strip.get_facecolors(), axis=0)
        if len(colours) == 1:  # the SVG then draws one marker per dot, not one clipped group
            strip.set_facecolor(colours[0])
    y = np.arange(len(groups))
    ax.errorbar(
        means["estimate"],
        y,
        xerr=interval_arms(means["estimate"], means["ci_low"], means["ci_high"]),
        fmt="D",
        color="black",
        mfc="white",  # the palette's 7th group is black: its dots and the mean told apart
        ms=4,
        capsize=2.5,
        lw=1,
        zorder=5,
    )
    _size_labels(ax, means, x=1.04)
    for x in (NEG_THRESHOLD, POS_THRESHOLD):
        ax.axvline(x, color="#888888", ls="--", lw=0.6)
    ax.axvline(0, color="#555555", lw=0.6)
    ax.set_xlim(-1.05, 1.05)
    ax.set(xlabel=f"Sentence compound score ({method})", ylabel="")
    fig.suptitle(
        f"Sentence tone by {group_col} ({method}): a dot per sentence; diamond: mean, "
        "95% bootstrap CI",
        fontsize=8,
    )
    fig.tight_layout()
    return fig


def _strip_sample(
    labels: pd.Series, scores: pd.Series, groups: list[str], max_points: int, seed: int
) -> pd.DataFrame:
    """``group, score`` of the dots to draw for ``groups``: every sentence, or for a group with
    more than ``max_points`` sentences a seeded random sample of that many (in table order)."""
    rng = np.random.default_rng(seed)
    names = labels.to_numpy()
    values = scores.to_numpy(float)
    keep = np.zeros(len(values), dtype=bool)
    for group in groups:
        rows = np.flatnonzero(names == group)
        if rows.size > max_points:
            rows = rows[np.sort(rng.choice(rows.size, max_points, replace=False))]
        keep[rows] = True
    return pd.DataFrame({"group": names[keep], "score": values[keep]})


def _size_labels(ax: plt.Axes, rows: pd.DataFrame, x: float) -> None:
    """``n = … sent., … art.`` right of the axes, one per row of ``rows`` (in plotting order)."""
    for y, (n_sentences, n_docs) in enumerate(
        zip(rows["n_sentences"], rows["n_docs"], strict=True)
    ):
        ax.text(
            x,
            y,
            _size_label(int(n_sentences), int(n_docs)),
            va="center",
            fontsize=6.5,
            transform=ax.get_yaxis_transform(),
        )


def arc_articles(
    sentences: pd.DataFrame,
    group_col: str,
    max_docs: int = 12,
    copies: Mapping[str, str] | None = None,
) -> list[str]:
    """The articles the tone-arc figure shows: at most ``max_docs``, spread over the groups.

    ``copies`` (a near-copy's doc_id → the doc_id it copies:
    :func:`analysis.corpus.shared_stories.copy_links`) draws one article of each story several
    articles ran, its original or else its longest copy
    (:func:`~analysis.corpus.shared_stories.one_per_story`): a tester's wire copy filled 7 of
    12 panels with two stories' arcs, and the outlets' own articles were not drawn.

    Round by round, each group contributes its longest not yet chosen article (most words,
    ties by ``doc_id``); within a round, groups with more words come first (ties by name).
    So 12 articles over 8 groups are the longest of each group, then the second longest of the
    four largest groups. Returned in display order: by group name (the pooled "Other" last, as
    in the palette), then longest first. Deterministic: depends only on the table.

    Length is counted in words (:func:`_sentence_words`), not sentences: a tester's badly split
    paste, a short article cut into many fragment "sentences", was shown as its outlet's longest.
    """
    if max_docs < 1:
        raise ValueError(f"max_docs must be at least 1, got {max_docs}")
    docs = (
        pd.DataFrame(
            {
                "doc_id": sentences["doc_id"].astype(str),
                "group": sentences[group_col].astype(str),
                "n": _sentence_words(sentences),
            }
        )
        .groupby(["doc_id", "group"], sort=True)["n"]
        .sum()
        .reset_index()
    )
    if docs["doc_id"].duplicated().any():
        raise ValueError(f"arc_articles: a document belongs to more than one {group_col}")
    if copies:
        from analysis.corpus.shared_stories import one_per_story

        left_out = one_per_story(copies, dict(zip(docs["doc_id"], docs["n"], strict=True)))
        docs = docs[~docs["doc_id"].isin(left_out)]
    size = docs.groupby("group")["n"].sum()
    docs["group_size"] = docs["group"].map(size)
    docs = docs.sort_values(["group", "n", "doc_id"], ascending=[True, False, True], kind="stable")
    docs["rank"] = docs.groupby("group", sort=False).cumcount()
    chosen = docs.sort_values(
        ["rank", "group_size", "group"], ascending=[True, False, True], kind="stable"
    ).head(max_docs)
    chosen = chosen.assign(pool=chosen["group"] == OTHER_LABEL).sort_values(
        ["pool", "group", "n", "doc_id"], ascending=[True, True, False, True]
    )
    return chosen["doc_id"].tolist()


def _sentence_words(sentences: pd.DataFrame) -> np.ndarray:
    """The words of each sentence: its ``n_words`` (the sentences table's count), else the words
    of its ``sentence`` text, else 1 (a table of scores only: sentences are counted)."""
    if "n_words" in sentences.columns:
        return sentences["n_words"].fillna(0).to_numpy(dtype=float)
    if "sentence" in sentences.columns:
        return sentences["sentence"].fillna("").astype(str).str.split().str.len().to_numpy(float)
    return np.ones(len(sentences))


def arc_title(doc_id: str, group: str, n_sentences: int, outlet: str = "") -> str:
    """A tone-arc panel's title: "doc_id · group (n sent.)", the doc_id shortened in the middle
    (a tester's export named its articles "NexisUni_Star_Harbour_2024-03-1", "-2", ...: cut at
    the end, every panel read "NexisUni_Star_Harbour_2024-…"), the group's name as every figure
    writes it (:func:`analysis.figure_labels.group_labels`), in lines that fit the panel.
    ``outlet``, the article's outlet under a grouping other than outlet, follows the group
    ("doc_id · US · Epoch Times"): a panel titled by its lean or country alone did not say
    whose article it drew."""
    name = group_labels([group], ARC_TITLE_LINE_CHARS, 2)[group].replace("\n", " ")
    if outlet and outlet != group:
        name += " · " + group_labels([outlet], ARC_TITLE_LINE_CHARS, 2)[outlet].replace("\n", " ")
    title = f"{middle_shortened(doc_id, ARC_TITLE_CHARS)} · {name}"
    # broken at spaces only (the doc_id stays whole), the count kept whole after it
    lines = textwrap.wrap(
        title, ARC_TITLE_LINE_CHARS, break_long_words=False, break_on_hyphens=False
    )
    return with_suffix("\n".join(lines), f"({n_sentences} sent.)", ARC_TITLE_LINE_CHARS)


# an article needs this many sentences for a tone arc; the figure is not drawn when none has
# them (tone_arc_not_drawn): a tester's headlines drew twelve panels "(1 sent.)", one bar each
MIN_ARC_SENTENCES = 3
TONE_ARC = "fig03_tone_arc"


def tone_arc_not_drawn(longest: int) -> str | None:
    """Why the tone-arc figure is not drawn when the longest article of the run has ``longest``
    sentences, fewer than :data:`MIN_ARC_SENTENCES` (a headlines export: one each), for the
    notebook and the summary and gallery to say; None when it is drawn (or there is no article:
    :func:`plot_tone_arc` says so)."""
    if not 0 < longest < MIN_ARC_SENTENCES:
        return None
    return (
        f"The tone-arc figure (Figure 3 of a run of articles) is not drawn: no article has "
        f"{MIN_ARC_SENTENCES} sentences or more (the longest has {longest}), and an arc of "
        "sentence scores in reading order needs some; each text's tone is in the tone figures "
        "and in `sentences.csv`."
    )


def plot_tone_arc(
    sentences: pd.DataFrame,
    group_col: str,
    palette: dict[str, str],
    method: str = "vader",
    *,
    window: int = 5,
    max_docs: int = 12,
    ncols: int = 2,
    own_groups: Mapping[str, str] | None = None,
    copies: Mapping[str, str] | None = None,
) -> plt.Figure:
    """Small multiples (a seaborn ``FacetGrid``), one panel per article, for at most
    ``max_docs`` articles chosen by :func:`arc_articles` (the longest of each group first):
    sentence scores in reading order and a centred ``window``-sentence running mean. An article
    of a group pooled as "Other" is titled with its own group from ``own_groups`` (doc_id →
    group, the documents' table before pooling), marked "(pooled)", as the summary's quotes
    are: a panel titled "Other (pooled)" did not say whose article it was. ``copies`` (a
    near-copy → the article it copies) draws one article of each story (:func:`arc_articles`),
    and the title says how many copies were left out."""
    from analysis.sentiment.scoring import compound_column

    col = compound_column(method)
    docs = arc_articles(sentences, group_col, max_docs, copies) if len(sentences) else []
    if not docs:
        raise ValueError("plot_tone_arc: no sentences to plot")
    shown = sentences[sentences["doc_id"].astype(str).isin(docs)]
    shown = pd.DataFrame(
        {
            "doc": shown["doc_id"].astype(str),
            "group": shown[group_col].astype(str),
            "x": shown["sentence_id"].to_numpy(),
            "y": shown[col].to_numpy(float),
        }
    )
    sizes = shown.groupby("doc").size()
    first = shown.drop_duplicates("doc").set_index("doc")["group"]
    own = own_groups if own_groups is not None else {}
    outlets: Mapping[str, str] = {}
    if group_col != "outlet" and "outlet" in sentences.columns:  # whose article each panel is
        drawn = sentences[sentences["doc_id"].astype(str).isin(docs)].drop_duplicates("doc_id")
        outlets = dict(
            zip(drawn["doc_id"].astype(str), drawn["outlet"].fillna("").astype(str), strict=True)
        )
    titles = {
        d: arc_title(d, pooled_group_name(first[d], own.get(d)), int(sizes[d]), outlets.get(d, ""))
        for d in docs
    }
    shown["panel"] = shown["doc"].map(titles)
    groups = sorted(shown["group"].unique())
    ncols = max(1, min(ncols, len(docs)))
    # each panel grows by its title's extra lines: a title of three lines ran into the tick
    # labels of the panel above (titles were wrapped only at save time, after the layout)
    height = 1.35 + LABEL_LINE_IN * (label_lines(titles.values()) - 1)
    with grid_layout_deferred():  # laid out once, when the grid is complete (below)
        grid = sns.FacetGrid(
            shown,
            col="panel",
            col_order=[titles[d] for d in docs],
            col_wrap=ncols,
            hue="group",
            hue_order=groups,
            palette={g: _colour(palette, g) for g in groups},
            sharex=False,
            sharey=True,
            height=height,
            aspect=DOUBLE_COLUMN_IN / ncols / height,
        )
        grid.map_dataframe(_arc_panel, window=window)
        grid.set_titles("")  # no centred "panel = …" title; the article's name goes on the left
        grid.set_titles("{col_name}", loc="left", size=7)
        grid.set_axis_labels("sentence in article", "compound")
        grid.set(ylim=(-1.05, 1.05))
        for ax in grid.axes.flat:
            ax.axhline(0, color="#555555", lw=0.5)
            ax.grid(axis="x", visible=False)
            # sentences are counted: no tick between two of them (a short article got "2.5")
            ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        grid.figure.suptitle(
            f"Tone arc of the longest articles ({method}): sentence scores in reading order, "
            f"running mean of {window}{_copies_left_out(sentences, copies)}",
            fontsize=8,
        )
    grid.tight_layout()
    return grid.figure


def _copies_left_out(sentences: pd.DataFrame, copies: Mapping[str, str] | None) -> str:
    """For the tone-arc title: how many near-copies of another article of ``sentences`` the
    figure does not draw (:func:`arc_articles`), or ""."""
    if not copies:
        return ""
    from analysis.corpus.shared_stories import one_per_story

    present = {str(d): 1.0 for d in sentences["doc_id"].unique()}
    n = len(one_per_story(copies, present))
    return f";\n{n} near-cop{'y' if n == 1 else 'ies'} of another article not drawn" if n else ""


def _arc_panel(data: pd.DataFrame, *, window: int, color: str, label: str) -> None:
    """One article's tone arc on the current axes: bars in reading order, running mean line."""
    part = data.sort_values("x")
    ax = plt.gca()
    ax.bar(part["x"], part["y"], width=0.85, color=color, alpha=0.45, lw=0)
    smooth = part["y"].rolling(window, center=True, min_periods=1).mean()
    ax.plot(part["x"], smooth, color=color, lw=1.4)


def actors_shown(part: pd.DataFrame, max_actors: int = MAX_ACTORS_SHOWN) -> list[str]:
    """The actor labels :func:`plot_actor_tone` draws from ``part`` (one method's rows of the
    actor table), in the lexicon's order: all of them, or the ``max_actors`` in most sentences
    (ties keep the lexicon's order). The summary cites the figure only for these: a fact-
    checker found Twitter's finding citing a figure that left it out."""
    labels = list(dict.fromkeys(part["label"]))
    if len(labels) <= max_actors:
        return labels
    totals = part.groupby("label", sort=False)["n_sentences"].sum()
    ranked = sorted(labels, key=lambda label: -totals[label])  # stable: ties keep order
    kept = set(ranked[:max_actors])
    return [label for label in labels if label in kept]


def plot_actor_tone(
    actor_df: pd.DataFrame,
    group_col: str,
    method: str = "vader",
    *,
    min_sentences: int = MIN_ACTOR_SENTENCES,
    max_actors: int = MAX_ACTORS_SHOWN,
    all_groups: Sequence[str] = (),
) -> plt.Figure:
    """Heatmap: actors (rows) × groups (columns), mean tone of sentences mentioning the actor,
    each cell annotated with its estimate, its 95% CI and n; cells with fewer than
    ``min_sentences`` grey (annotated with n only), so a strong colour never rests on a
    handful of sentences unmarked. At most ``max_actors`` rows: the actors in most sentences,
    named so in the title. ``all_groups`` (the run's groups) each get a column, n = 0 where no
    sentence of theirs mentions an actor shown: a journalist's Fox News, mentioning none, had
    no column and no word. With no actor row (no actor of the list mentioned), a figure that
    says so."""
    part = actor_df[actor_df["method"] == method]
    if part.empty:
        return none_found_figure(NO_ACTORS, title="Tone around actor mentions")
    n_actors = part["label"].nunique()
    labels = actors_shown(part, max_actors)
    part = part[part["label"].isin(set(labels))]
    # by name, the pooled "Other" last, as in the palette
    named = {*part[group_col].astype(str).unique(), *(str(g) for g in all_groups)}
    groups = sorted(named, key=lambda g: (g == OTHER_LABEL, g))
    part = part.assign(**{group_col: part[group_col].astype(str)})
    est = part.pivot(index="label", columns=group_col, values="estimate").reindex(
        labels, columns=groups
    )
    n = (
        part.pivot(index="label", columns=group_col, values="n_sentences")
        .reindex(labels, columns=groups)
        .fillna(0)
        .astype(int)
    )
    low, high = (
        part.pivot(index="label", columns=group_col, values=c).reindex(labels, columns=groups)
        for c in ("ci_low", "ci_high")
    )
    shown = est.where(n >= min_sentences)
    sparse = shown.isna()
    values = shown.to_numpy(float)
    vlim = max(0.25, float(np.nanmax(np.abs(values)))) if np.isfinite(values).any() else 0.25
    annot = pd.DataFrame(
        [
            [
                _actor_cell(
                    shown.iloc[i, j],
                    low.iloc[i, j],
                    high.iloc[i, j],
                    int(n.iloc[i, j]),
                    narrow=len(groups) > NARROW_CELLS,
                )
                for j in range(len(groups))
            ]
            for i in range(len(labels))
        ],
        index=labels,
        columns=groups,
    )
    width = min(DOUBLE_COLUMN_IN, 2.2 + 1.1 * len(groups))
    names = _actor_columns(groups, width)
    level = any("\n" in name for name in names.values())
    extra = LABEL_LINE_IN * (label_lines(names.values()) - 1) if level else 0.0
    fig, ax = plt.subplots(figsize=(width, 0.8 + 0.6 * len(labels) + extra))
    font = 6 if len(groups) <= 5 else 5
    cells = {"annot": annot, "fmt": "", "annot_kws": {"fontsize": font}, "ax": ax}
    cells |= {"linewidths": 0.5, "linecolor": "white", "xticklabels": True, "yticklabels": True}
    # the sparse cells first, in grey with their n; then the estimates over them
    sns.heatmap(
        pd.DataFrame(0.0, index=labels, columns=groups),
        mask=~sparse,
        cmap=ListedColormap([SPARSE_CELL_COLOUR]),
        vmin=0,
        vmax=1,
        cbar=False,
        **cells,
    )
    sns.heatmap(
        shown,
        mask=sparse,
        cmap="RdBu",  # limits symmetric about 0, so a tone of 0 is white
        vmin=-vlim,
        vmax=vlim,
        cbar_kws={"shrink": 0.8, "label": f"mean compound ({method})"},
        **cells,
    )
    ax.set(xlabel="", ylabel="")
    shown_note = (
        f"\nthe {len(labels)} of {n_actors} actors in most sentences (all in actor_tone.csv)"
        if n_actors > len(labels)
        else ""
    )
    ax.set_title(
        f"Tone around actor mentions by {group_col}: mean [95% CI], n = sentences; "
        f"grey: n < {min_sentences}{shown_note}",
        fontsize=7,
    )
    ax.tick_params(axis="y", labelrotation=0)
    if level:  # wrapped names stand level under their columns
        ax.set_xticks(ax.get_xticks(), [names[g] for g in groups], rotation=0)
    else:
        plt.setp(ax.get_xticklabels(), rotation=30, ha="right", rotation_mode="anchor")
    fig.tight_layout()
    return fig


def _actor_columns(groups: Sequence[str], fig_width: float) -> dict[str, str]:
    """The column labels of the actor heatmap: each group's name as written when every name
    fits on a line (drawn slanted), else every name wrapped to its column's width
    (:func:`analysis.figure_labels.group_labels`, in up to four lines), to be drawn level: a
    tester's 120-character name, slanted, crossed the whole figure."""
    if all("\n" not in label for label in group_labels(groups).values()):
        return {g: g for g in groups}
    # the columns share what the actors' names and the colour bar leave (about 2 in)
    column_in = max(fig_width - 2.0, 1.0) / len(groups)
    chars = max(10, int(column_in * 72 * 0.8 / (7 * 0.6)))
    # a word a little longer than that stands whole (the estimate keeps a fifth of the column
    # spare): a tester's "CBN (TV transcripts)" read "CBN (TV / transc / ripts)"
    longest = max((len(word) for g in groups for word in g.split()), default=0)
    if longest <= chars * _WHOLE_WORD_STRETCH:
        chars = max(chars, longest)
    return group_labels(groups, chars, 4)


# how far past its estimated width a column label may run to keep a word whole (the estimate
# leaves a fifth of the column spare)
_WHOLE_WORD_STRETCH = 1.25


# Past this many groups a heatmap cell of the double-column figure is too narrow for
# "[-0.21, +0.41]" on one line at 5 pt: a tester's eight outlets' intervals ran into each other
# and the last was cut at the figure's edge. The interval then takes two lines.
NARROW_CELLS = 5


def _actor_cell(estimate: float, low: float, high: float, n: int, narrow: bool = False) -> str:
    """One heatmap cell's text: estimate, [CI] and n; only n when there is no estimate;
    ``narrow``: the interval on two lines."""
    if pd.isna(estimate):
        return f"n={n}"
    if pd.notna(low) and pd.notna(high):
        interval = f"[{low:+.2f},\n{high:+.2f}]" if narrow else f"[{low:+.2f}, {high:+.2f}]"
    else:
        interval = "[–]"
    return f"{estimate:+.2f}\n{interval}\nn={n}"


def plot_tone_shares(by_group: pd.DataFrame, group_col: str, method: str = "vader") -> plt.Figure:
    """Stacked bars: shares of negative, neutral and positive sentences per group."""
    part = by_group[by_group["method"] == method]
    groups = _groups(part, group_col)
    names = group_labels(groups)
    fig, ax = plt.subplots(figsize=(DOUBLE_COLUMN_IN, 0.9 + 0.4 * len(groups)))
    left = np.zeros(len(groups))
    for measure in ("share_negative", "share_neutral", "share_positive"):
        rows = part[part["measure"] == measure]
        values = rows.set_index(rows[group_col].astype(str)).reindex(groups)["estimate"]
        values = values.to_numpy(float)
        ax.barh(
            [names[g] for g in groups],
            values,
            left=left,
            color=TONE_COLOURS[measure],
            label=TONE_LABELS[measure],
        )
        for y, (x0, v) in enumerate(zip(left, values, strict=True)):
            if v >= 0.06:
                ax.text(
                    x0 + v / 2,
                    y,
                    f"{100 * v:.0f}%",
                    ha="center",
                    va="center",
                    fontsize=6.5,
                    color="white" if measure != "share_neutral" else "black",
                )
        left += values
    sizes = part[part["measure"] == "mean_compound"]
    _size_labels(ax, sizes.set_index(sizes[group_col].astype(str)).reindex(groups), x=1.02)
    ax.set_xlim(0, 1)
    ax.invert_yaxis()
    ax.set_xlabel(f"Share of sentences ({method}; compound ≤ −0.05 / ≥ +0.05)")
    ax.legend(ncols=3, loc="lower center", bbox_to_anchor=(0.5, 1.0), frameon=False)
    ax.grid(axis="y", visible=False)
    fig.suptitle(f"Negative, neutral and positive sentences by {group_col} ({method})", fontsize=8)
    fig.tight_layout()
    return fig


def plot_vader_vs_news(
    by_group: pd.DataFrame,
    group_col: str,
    palette: dict[str, str],
    sentences: pd.DataFrame | None = None,
) -> plt.Figure:
    """Per group: mean compound with plain VADER and with the news variant, with CIs; with the
    sentences table, the number of sentences whose score changed is printed next to each."""
    from analysis.sentiment.scoring import METHODS

    part = by_group[by_group["measure"] == "mean_compound"]
    if not set(METHODS) <= set(part["method"]):
        raise ValueError("plot_vader_vs_news needs both methods in the by-group table")
    groups = _groups(part, group_col)
    fig, ax = plt.subplots(figsize=(DOUBLE_COLUMN_IN, 0.9 + 0.45 * len(groups)))
    offsets = {"vader": -0.12, "vader-news": 0.12}
    for y, group in enumerate(groups):
        colour = _colour(palette, group)
        rows = part[part[group_col].astype(str) == group].set_index("method")
        xs = [rows.loc[m, "estimate"] for m in METHODS]
        ax.plot(xs, [y + offsets[m] for m in METHODS], color=colour, lw=0.8)
        for m in METHODS:
            r = rows.loc[m]
            ax.errorbar(
                r["estimate"],
                y + offsets[m],
                xerr=interval_arms(r["estimate"], r["ci_low"], r["ci_high"]),
                fmt="o",
                ms=5,
                color=colour,
                mfc="white" if m == "vader" else colour,
                capsize=2,
                lw=0.9,
            )
        if sentences is not None:
            own = sentences[sentences[group_col].astype(str) == group]
            changed = int((own["compound"] != own["compound_news"]).sum())
            note = f"{changed} of {len(own)} sent. changed"
            ax.text(1.02, y, note, va="center", fontsize=6.5, transform=ax.get_yaxis_transform())
    ax.axvline(0, color="#555555", lw=0.6)
    names = group_labels(groups)
    ax.set_yticks(range(len(groups)), [names[g] for g in groups])
    ax.set_ylim(len(groups) - 0.5, -0.5)
    ax.set_xlabel("Mean sentence compound (95% CI)")
    handles = [
        plt.Line2D([], [], marker="o", ls="", color="black", mfc="white", label="vader"),
        plt.Line2D([], [], marker="o", ls="", color="black", label="vader-news"),
    ]
    ax.legend(
        handles=handles, ncols=2, loc="lower center", bbox_to_anchor=(0.5, 1.0), frameon=False
    )
    ax.grid(axis="y", visible=False)
    fig.suptitle(
        f"Mean sentence tone by {group_col}: VADER and its news variant (95% CI)", fontsize=8
    )
    fig.tight_layout()
    return fig
