"""The written summary, ``reports/summary.md`` and ``reports/summary.html``.

Nothing here is typed by hand: findings come from the analysis modules as
:class:`analysis.report.findings.Finding` objects (their sentences hold the numbers, CIs and sample
sizes), figure captions from each plotting module's ``FIGURES`` registry
(:mod:`analysis.report.gallery`), and every number in the methods, limitations and
reproducibility sections from the tables, the corpus folder and the installed packages
(:mod:`analysis.report.facts`). The Markdown is deterministic (no dates, no absolute paths) so a
rerun on the same corpus gives the same bytes. Corpus-derived text is escaped
(:mod:`analysis.report.html`) before it enters the Markdown.
"""

from __future__ import annotations

import math
import os
import re
import shlex
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from analysis.config import DATA_DIR, N_BOOT, SEED, default_corpus_dir, portable_path
from analysis.corpus.exports import ONE_LINE_MIN_WORDS
from analysis.corpus.group_names import spacing_note
from analysis.corpus.language import MIN_WORDS as LANGUAGE_MIN_WORDS
from analysis.corpus.periods import group_column
from analysis.corpus.quality import (
    qa_sourcing_lines,
    quality_summary,
    transcript_sourcing_lines,
)
from analysis.figures import OTHER_LABEL, FigureInfo

# Imported here rather than where it is used: it loads NLTK (a second or more), which the
# runner's kernel warm-up then does before the summary notebook's turn, not during it.
from analysis.framing.codebook import CodebookError, load_codebook
from analysis.io import read_table, write_text
from analysis.parameter_guard import check_parameters_unchanged
from analysis.report.collect import collect_findings, require_tables
from analysis.report.facts import CorpusFacts, corpus_facts, package_versions
from analysis.report.findings import Finding
from analysis.report.findings_markdown import findings_lines, section_order
from analysis.report.gallery import existing_figures, write_gallery
from analysis.report.genre_mix import share_words
from analysis.report.group_languages import SPELT_AS_ENGLISH
from analysis.report.headings import (
    KEY_FINDINGS,
    LIMITATIONS,
    METHODS,
    TONE_CODER,
    TRUST_CODERS,
    TRUST_SOURCING,
    quoted,
)
from analysis.report.html import (
    EmbeddedImages,
    ImageSource,
    escape_code,
    escape_text,
    summary_html,
)
from analysis.report.lexicon_methods import (
    actors_method,
    hedging_method,
    run_source_lexicon,
    sourcing_method,
)
from analysis.report.quotes import QUOTE_CHOICE
from analysis.report.theirs import keep_theirs
from analysis.report.tone_coder import tone_coder_lines
from analysis.report.wording import and_list, articles, count, pct, plural
from analysis.sentiment.coder_plots import CODER_FIGURE
from analysis.settings import (
    Lexicons,
    SettingsError,
    lexicon_file,
    run_lexicons,
    shown_path,
    with_lexicons,
)
from analysis.stats.bootstrap import CLUSTER_ONLY_MIN_DOCS
from analysis.stats.comparisons import (
    CLEAR_ALPHA,
    MIN_PERM_SPLITS,
    ONE_ARTICLE,
    SMALL_GROUP_DOCS,
    shuffles_documents,
)

# Below this many articles in the smallest group the limitations call the sample very small.
# Groups named in a list of groups (the opening, the corpus line): the largest, then "and N more".
MAX_GROUPS_LISTED = 7
# Sets of groups sharing stories named in the opening (analysis.corpus.shared_stories); the
# rest counted, every copy listed under "Document quality" and counted in shared_text.csv.
MAX_SHARED_LISTED = 5
# Below this many articles in all a sample is "very small" whatever its groups.
SMALL_CORPUS_DOCS = 30
ACTION_WORDS = {
    "removed": "removed",
    "changed": "changed",
    "moved_to_metadata": "moved to the metadata",
}
SUMMARY_MD = "summary.md"
SUMMARY_HTML = "summary.html"
# Optional parameters listed in the parameter table only when set: a run without one then has
# the summary it had before the parameter existed (the committed outputs stay as they are).
LISTED_WHEN_SET = frozenset({"tone_coder"})


def _figure_numbers(figures: Sequence[FigureInfo]) -> dict[str, int]:
    return {info.stem: i for i, info in enumerate(figures, start=1)}


def figure_sections(
    findings: Sequence[Finding], figures: Sequence[FigureInfo]
) -> dict[str, list[FigureInfo]]:
    """Where the summary places each figure: under the first findings section (in the order
    the sections are listed) with a finding that refers to it. Figures no finding refers to
    are left out; the summary shows them under "Other figures"."""
    placed: dict[str, list[FigureInfo]] = {}
    done: set[str] = set()
    for section in section_order(findings):
        stems = {s for f in findings if f.section == section for s in f.figures}
        for info in figures:
            if info.stem in stems and info.stem not in done:
                placed.setdefault(section, []).append(info)
                done.add(info.stem)
    return placed


def _figure_lines(
    number: int,
    info: FigureInfo,
    image_src: ImageSource,
    group_col: str,
    pooled: str = "",
    tables_shown: str = "reports/tables",
) -> list[str]:
    """A figure of the summary: anchor, image, and caption with its sources; ``pooled`` (what
    "Other" pools, :func:`_pooled_caption`) is added to the caption of a figure of groups;
    ``tables_shown`` names the tables folder (:func:`tables_as_shown`)."""
    sources = [f"notebook `notebooks/{info.notebook}`"] if info.notebook else []
    sources += [f"table `{escape_code(tables_shown)}/{info.table}`"] if info.table else []
    source = f" *Source: {', '.join(sources)}.*" if sources else ""
    note = f" {pooled}" if pooled and info.stem != CODER_FIGURE else ""
    return [
        f'<a id="figure-{number}"></a>',
        "",
        f"![Figure {number}: {escape_text(info.stem)}]({image_src(info)})",
        "",
        f"**Figure {number}.** {escape_text(info.caption_for(group_col))}{note}{source}",
        "",
    ]


def _pooled_caption(facts: CorpusFacts) -> str:
    """For a figure's caption: that its "Other" pools several groups (:func:`_pooled`)."""
    if not facts.folded:
        return ""
    n = len(facts.folded)
    col = facts.group_col
    return (
        f"“{OTHER_LABEL}” is not one {col}: it pools the {n} {plural(col)} with the fewest "
        "articles, named in the summary's opening."
    )


def _language_caption(facts: CorpusFacts) -> str:
    """For a figure's caption: the groups half or more of whose articles are not in English
    (:mod:`analysis.report.group_languages`), whose bars and points the English lexicons
    cannot read; ``""`` when there are none."""
    if not facts.language_notes:
        return ""
    notes = "; ".join(note for _, note in facts.language_notes)
    return (
        f"Mostly not in English: {notes}; the English lexicons read only their words spelt as "
        "English ones (see the limitations, “Not in English”)."
    )


def groups_caption(facts: CorpusFacts) -> str:
    """What the caption of a figure of groups adds, and the figure gallery says once: what
    "Other" pools (:func:`_pooled_caption`) and which groups are mostly not in English
    (:func:`_language_caption`); ``""`` when neither applies."""
    return " ".join(part for part in (_pooled_caption(facts), _language_caption(facts)) if part)


def _findings_section(
    findings: Sequence[Finding],
    numbers: Mapping[str, int],
    placed: Mapping[str, Sequence[FigureInfo]] | None = None,
    image_src: ImageSource | None = None,
    group_col: str = "outlet",
    doc_groups: Mapping[str, str] | None = None,
    pooled: str = "",
    group_notes: Mapping[str, str] | None = None,
    section_notes: Mapping[str, Sequence[str]] | None = None,
    tables_shown: str = "reports/tables",
    pooled_note: str = "",
    partial_notes: Mapping[str, str] | None = None,
    doc_outlets: Mapping[str, str] | None = None,
) -> list[str]:
    """The key findings, each section closed by its ``section_notes`` (section → Markdown
    lines) and then the figures placed under it; ``pooled_note`` closes each finding about
    the pool of groups without a colour (:func:`_pooled_note`); ``doc_outlets`` names each
    quote's outlet under another grouping."""
    lines = [f"## {KEY_FINDINGS}", ""]
    if not findings:
        return [*lines, "No findings were produced: the analysis tables were not found.", ""]
    ends = {
        section: [
            line
            for info in infos
            for line in _figure_lines(
                numbers[info.stem], info, image_src, group_col, pooled, tables_shown
            )
        ]
        for section, infos in (placed or {}).items()
        if image_src is not None
    }
    for section, notes in (section_notes or {}).items():
        ends[section] = [*notes, *ends.get(section, [])]
    return lines + findings_lines(
        findings, numbers, ends, doc_groups, group_notes, pooled_note, partial_notes, doc_outlets
    )


def _pooled_groups(facts: CorpusFacts) -> list[tuple[str, int, int]]:
    """The rows of ``facts.per_group`` (group, articles, sentences) that "Other" pools."""
    folded = set(facts.folded)
    return [row for row in facts.per_group if row[0] in folded]


def _pooled_note(facts: CorpusFacts) -> str:
    """The sentence closing a finding about "Other (pooled)": which groups it pools, and that
    a difference from it describes none of them; ``""`` when nothing is pooled."""
    if not facts.folded:
        return ""
    pooled = _pooled_groups(facts)
    return (
        f"**Pooled:** “{OTHER_LABEL}” is the articles of {len(pooled)} "
        f"{plural(facts.group_col)} together ({group_list(pooled, limit=len(pooled))}), not one "
        f"{escape_text(facts.group_col)}: this describes their mix, none of them alone."
    )


def frame_findings_note(
    params: Mapping[str, Any], corpus_dir: Path | str | None, coders: tuple[Any, Any] | None = None
) -> list[str]:
    """What the frame findings rest on, said where they are read: which frames the trained
    model coded (``-p frame_coder``), and that the shares are the coders' raw marks, set against
    human coding (and corrected) only under "How far to trust the frame and tone coders". A
    tester's key findings quoted a model's shares, at a precision of 0.32, as the codebook's.
    ``coders``: the run's codebook and model as :func:`_run_coders` loads them (loaded here
    when not given)."""
    coders = coders or _run_coders(params, corpus_dir)
    methods, labels = frame_coders(params, corpus_dir, coders)
    from_model = [labels[k] for k, m in methods.items() if m == "model"]
    said = []
    if from_model:
        said.append(
            "The shares of "
            + escape_text(", ".join(from_model))
            + " are the trained model's codes (`-p frame_coder`), not the codebook's indicators; "
            "the sentences quoted for them are still the codebook's indicator matches."
        )
    checked = _validated_frames(params, corpus_dir, coders, methods)
    if checked is not None and checked[0]:
        said.append(
            f"These are the automatic coders' raw shares: under {quoted(TRUST_CODERS)} each "
            "coder is set against human coding and the shares are corrected for its errors, "
            "which can change their order."
        )
        worse = [
            f"{labels.get(key, key)} (F1 {model:.2f} against the codebook's {codebook:.2f})"
            for key, model, codebook in checked[1]
        ]
        if worse:
            said.append(
                "The trained model coded "
                + escape_text("; ".join(worse))
                + " although on the validation items the codebook's indicators did better: "
                "those shares are the weaker coder's."
            )
    elif checked is not None:
        measured = (
            "measured other indicators or frames"
            if checked[2]
            else "holds no frame rows (tone or sourcing only)"
        )
        said.append(
            "These are the automatic coders' raw shares, not checked against human coding of "
            f"these articles: the agreement table given (`-p validation`) {measured} (see "
            f"{LIMITATIONS})."
        )
    else:
        said.append(
            "These are the automatic coders' raw shares, not checked against human coding of "
            f"these articles (see {LIMITATIONS})."
        )
    return [f"*{' '.join(said)}*", ""]


def _validated_frames(
    params: Mapping[str, Any],
    corpus_dir: Path | str | None,
    coders: tuple[Any, Any] | None,
    methods: Mapping[str, str],
) -> tuple[list[str], list[tuple[str, float, float]], bool] | None:
    """(the frames whose coder the run's agreement table measured, as this run codes them;
    the frames a trained model codes worse than the codebook did on those items,
    :func:`analysis.validation.agreement.worse_models`; whether the table has any frame row),
    or None without ``-p validation`` or with a table that cannot be read. A scholar's summary
    said the shares were checked and corrected when the table had measured other indicators
    and none was."""
    if not params.get("validation"):
        return None
    from analysis.validation.agreement import AgreementError, agreement_frames, worse_models

    try:
        agreement, stale = _run_agreement(params, corpus_dir, coders)
    except AgreementError:
        return None
    return (
        _frames_measured(agreement, methods),
        worse_models(agreement, methods, stale),
        bool(agreement_frames(agreement) or [f for f in stale if f != "tone"]),
    )


def _tone_checked(
    found: list[Finding],
    params: Mapping[str, Any],
    corpus_dir: Path | str | None,
    coders: tuple[Any, Any] | None,
) -> list[Finding]:
    """``found`` with each stated tone finding saying how weakly VADER agreed with the human
    tone codes of the run's validation table, when it did
    (:func:`analysis.sentiment.tone_validation.check_tone_findings`); unchanged without one."""
    if not params.get("validation"):
        return found
    from analysis.sentiment.tone_validation import check_tone_findings
    from analysis.validation.agreement import AgreementError
    from analysis.validation.sheet_agreement import INTERCODER_FILE
    from analysis.validation.tone_by_group import TONE_BY_GROUP_FILE

    try:
        agreement, _ = _run_agreement(params, corpus_dir, coders)
    except AgreementError:
        return found  # the validation section says the table could not be read
    path = Path(str(params["validation"])).parent / INTERCODER_FILE
    alpha = None
    if path.is_file():
        table = read_table(path)
        rows = table[table["frame"].astype(str) == "tone"]
        if len(rows):
            alpha = float(rows["krippendorff_alpha"].astype(float).iloc[0])
    groups_path = Path(str(params["validation"])).parent / TONE_BY_GROUP_FILE
    by_group = read_table(groups_path, dtype={"outlet": str}) if groups_path.is_file() else None
    if str(params.get("group_by") or "outlet") != "outlet":
        by_group = None  # the sample's groups are outlets; the run compares other groups
    return check_tone_findings(found, agreement, alpha, by_group)


def _run_agreement(
    params: Mapping[str, Any], corpus_dir: Path | str | None, coders: tuple[Any, Any] | None
) -> tuple[Any, list[str]]:
    """The run's agreement table (``-p validation``) without the rows measured with another
    version of its coders, and the frames of those rows
    (:func:`analysis.validation.agreement.current_agreement`); an ``AgreementError`` when the
    table cannot be read."""
    from analysis.validation.agreement import current_agreement, read_agreement

    agreement = read_agreement(params["validation"])
    return current_agreement(agreement, _run_versions(params, corpus_dir, coders))


def _frames_measured(agreement: Any, methods: Mapping[str, str]) -> list[str]:
    """The frames whose coder (``methods``: frame → "codebook" or "model") has a row in
    ``agreement``."""
    return [
        key
        for key, method in methods.items()
        if ((agreement["method"] == method) & (agreement["frame"] == key)).any()
    ]


def _figures_section(
    figures: Sequence[FigureInfo],
    image_src: ImageSource,
    group_col: str = "outlet",
    numbers: Mapping[str, int] | None = None,
    placed_any: bool = False,
    pooled: str = "",
    tables_shown: str = "reports/tables",
) -> list[str]:
    """The figures no finding refers to (all of them when ``placed_any`` is False)."""
    lines = ["## Other figures" if placed_any else "## Figures", ""]
    if not figures:
        return [] if placed_any else [*lines, "No figures were found.", ""]
    numbers = numbers or _figure_numbers(figures)
    for info in figures:
        lines += _figure_lines(numbers[info.stem], info, image_src, group_col, pooled, tables_shown)
    return lines


def _anchor(title: str, used: set[str]) -> str:
    """A unique ``section-…`` id for a heading."""
    slug = "-".join(re.findall(r"[a-z0-9]+", title.lower())) or "part"
    anchor, i = f"section-{slug}", 2
    while anchor in used:
        anchor, i = f"section-{slug}-{i}", i + 1
    used.add(anchor)
    return anchor


def with_contents(lines: Sequence[str]) -> list[str]:
    """``lines`` (a Markdown page whose first line is its ``#`` title) with a table of contents
    right under the title: a link to every ``##`` section and, nested, every ``###``
    subsection; each heading gets an ``<a id>`` anchor just above it."""
    out: list[str] = []
    contents: list[str] = []
    used: set[str] = set()
    for line in lines[1:]:
        level = 2 if line.startswith("## ") else 3 if line.startswith("### ") else 0
        if level:
            title = line[level + 1 :].strip()
            anchor = _anchor(title, used)
            indent = "    " if level == 3 else ""
            contents.append(f"{indent}- [{title}](#{anchor})")
            out += [f'<a id="{anchor}"></a>', ""]
        out.append(line)
    body = out[1:] if out[:1] == [""] else out
    return [lines[0], "", "**Contents**", "", *contents, "", *body]


def _lexicons_of_run(corpus_dir: Path | str | None, params: Mapping[str, Any]) -> Lexicons:
    """The lexicons the run used (the corpus's analysis.toml, then the parameters), or the
    package's when those cannot be resolved: the notebooks have refused such a run already."""
    try:
        return run_lexicons(corpus_dir, params)
    except SettingsError:
        return Lexicons()


def _methods_section(
    facts: CorpusFacts, params: Mapping[str, Any], corpus_dir: Path | str | None = None
) -> list[str]:
    n_boot = params.get("n_boot", N_BOOT)
    seed = params.get("seed", SEED)
    lexicons = _lexicons_of_run(corpus_dir, params)
    terms_file = lexicon_file(lexicons, "news_terms")
    terms = _news_terms(terms_file)
    examples = ", ".join(f"“{escape_text(term)}”" for term in terms[:2])
    terms_shown = (
        "analysis/data/vader_news_terms.csv"
        if lexicons.news_terms is None
        else shown_path(terms_file, corpus_dir)
    )
    generic, issue = _count_frames(str(lexicons.codebook) if lexicons.codebook else None)
    return [
        f"## {METHODS}",
        "",
        f"- **Cleaning.** Each article file is decoded (broken encodings repaired), and lines "
        f"that are not article text — site navigation, sign-in prompts, comment sections, "
        f"related-news lists, author bios, CMS debris — are removed by rules that describe kinds "
        f"of boilerplate, by a line classifier on shallow text features (Kohlschütter et al. "
        f"2010) and as lines that recur across articles (page templates); neither catches every "
        f"such line nor spares every article line. {_cleaning_counts(facts)}; each "
        f"is listed with its rule in `{escape_code(facts.tables_shown)}/cleaning_audit.csv`. "
        "The clean text is split "
        f"into sentences with NLTK's Punkt algorithm and a fixed abbreviation list."
        f"{_headlines(facts)}",
        f"- **Sentiment.** Every sentence is scored with VADER (Hutto & Gilbert 2014), a "
        f"lexicon-and-rules scorer, with NLTK's rules; a word beside quotation marks, "
        f"brackets or a dash, or spelt with a typographic apostrophe (“disaster,” don’t), is "
        f"read as the word, which NLTK's own tokens miss. A sentence written in capitals (but "
        f"for a short tail such as an outlet's name) is scored as if in lower case, by both "
        f"methods: VADER reads a word in capitals as emphasis beside words that are not, which "
        f"a headline set in capitals is not (column `all_caps` of `sentences.csv`). "
        f"The compound score runs from −1 to +1 "
        f"and a sentence counts as positive at ≥ 0.05 and negative at ≤ −0.05. A group's mean "
        f"tone (and its shares) pools its sentences, so a long article weighs more than a "
        f"short one; the mean of its articles' means can differ and even order two groups "
        f"the other way (`sentences.csv` holds each sentence's score to compute it). The news "
        f"variant (`vader-news`) "
        f"neutralises {len(terms)} multi-word policy terms"
        + (f" (e.g. {examples})" if examples else "")
        + f" whose words VADER reads as emotion; the list and the reason for each term "
        f"are in `{escape_text(terms_shown)}`. Method used for the findings: "
        f"`{escape_text(params.get('method', 'vader'))}`."
        + (
            " Every sentence was also coded −1/0/+1 by the trained tone coder given with "
            "`-p tone_coder`, a classifier trained on a human-coded sheet; its shares are stated "
            f"apart, under {quoted(TONE_CODER)}, not in the findings."
            if params.get("tone_coder")
            else ""
        ),
        actors_method(lexicons, corpus_dir),
        f"- **Frames.** A codebook of {_frame_kinds(generic, issue)}"
        + " marks a sentence as carrying a frame when it uses one of the frame's indicator "
        "words or phrases (stem-aware, with exclusions). These are lexical proxies for a human "
        "coder's judgement."
        + (
            " With `-p frame_coder`, the frames the trained model knows (named with the frame "
            "findings) were coded by that model instead, a classifier trained on a human-coded "
            "sheet: their shares, figures and findings are the model's."
            if params.get("frame_coder")
            else ""
        ),
        "- **Keyness.** Words a group uses more than the rest of the corpus are ranked by the "
        "weighted log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn "
        "2008), z-scored, on lower-cased words after stop-word removal (\u201cUS\u201d and "
        "\u201cU.S.\u201d count as one word, the pronoun \u201cus\u201d as none)"
        + keyness_terms_method(params)
        + "; the prior (the "
        "corpus's own word distribution, each word's prior its own count) keeps rare words from "
        "topping the lists, and shrinks the log-odds: a word used by one group only has about "
        "the same log-odds whether used once or twenty times, and reaches z > 1.96 only with a "
        "minimum number of uses, more for a group with a larger share of the corpus's words "
        "(each finding with no word says how many for its group). Thousands of "
        "words are compared, each at |z| > 1.96 with no correction for that, so read the lists "
        "as rankings of candidate words, not as tests; an outlet's own name (a byline, "
        "\u201ctold the Post\u201d) and a place name split in two (\u201cnew\u201d, "
        "\u201cyork\u201d) can rank among its words.",
        sourcing_method(lexicons, corpus_dir),
        hedging_method(lexicons, corpus_dir),
        f"- **Uncertainty.** Every estimate over sentences has a 95% percentile interval from "
        f"a hierarchical bootstrap with {n_boot} replicates (seed {seed}): documents are "
        f"resampled within a group when it has more than one, then sentences within each "
        f"document. With one "
        f"document per group the interval describes that document only. A share of articles "
        f"(the articles using a frame) has a 95% Wilson score interval instead, each article "
        f"one unit."
        + (
            f" Groups of {CLUSTER_ONLY_MIN_DOCS} or more articles resample whole articles only "
            f"(a cluster bootstrap)."
            if max((d for _, d, _ in facts.per_group), default=0) >= CLUSTER_ONLY_MIN_DOCS
            else ""
        ),
        "- **Tests.** Pairs of groups are compared by the difference in means with a bootstrap "
        "CI, Cliff's delta, and a permutation test whose p-values are Holm-corrected over all "
        "pairs. The test shuffles whole articles between the two groups when they can be dealt "
        f"between them in at least {MIN_PERM_SPLITS} ways (5 and 5 articles, 3 and 9, 2 and 19), "
        "and sentences otherwise (column `perm_unit` of "
        "`sentiment_pairwise.csv`). A difference is reported only when its CI excludes zero and "
        "the adjusted p-value is below 0.05. Frames, sourcing and hedging are compared by "
        "whether the 95% intervals of the two groups furthest apart overlap (a share of 0 "
        "with its rule-of-three bound; with fewer than "
        f"{SMALL_GROUP_DOCS} articles in the smaller group, a difference is said to describe "
        "those articles): for one comparison a stricter rule than a test at 0.05, "
        "but not corrected for the number of frames and measures compared, so among many one "
        "non-overlap can arise by chance; read such differences as descriptive.",
        "",
    ]


def keyness_terms_method(params: Mapping[str, Any]) -> str:
    """The keyness sentence's clause on its terms: whether two-word terms were counted
    (``-p keyness_bigrams true``), and then that a hyphenated compound counts as one. A
    linguist's planted "illegal aliens" was listed as "illegal" and "aliens", and the summary
    did not say two-word terms had not been counted."""
    if params.get("keyness_bigrams") is True:
        return (
            ", single words and two-word terms (two adjacent words of one sentence, neither a "
            "stop word, such as \u201cillegal aliens\u201d, whose words count as single words "
            "too; a compound written with a hyphen, \u201casylum-seekers\u201d, counts as the "
            "two-word term \u201casylum seekers\u201d as well) (`-p keyness_bigrams true`)"
        )
    return (
        ", single words only (two-word terms such as \u201cillegal aliens\u201d were not "
        "counted: `-p keyness_bigrams true` counts them)"
    )


def _frame_kinds(generic: int, issue: int) -> str:
    """The frame kinds the codebook holds, each with its count and source, joined by "and"
    (the issue-specific kind also when the codebook holds neither)."""
    kinds = [f"{generic} generic frame{'s' * (generic != 1)} (Semetko & Valkenburg 2000)"]
    if issue or not generic:
        kinds.append(
            f"{issue} issue-specific frame{'s' * (issue != 1)} (mapped to Policy Frames "
            "Codebook dimensions, Boydstun et al. 2014)"
        )
    return " and ".join(kinds if generic else kinds[1:])


def _headlines(facts: CorpusFacts) -> str:
    """Whether headlines were analysed: an article's title (given with it, or its first line
    moved there by cleaning) is metadata, not a sentence, while an article without one keeps a
    headline at its top as its first sentence. A tester's 45 headlines went to the titles and
    none was coded, unsaid, while an article without a title had its headline coded; "" when
    the corpus has no article."""
    if not facts.n_docs:
        return ""
    moved = (
        f" ({facts.n_title_lines} of them found as the article's first line and moved there)"
        if facts.n_title_lines
        else ""
    )
    if facts.n_titled == facts.n_docs:
        return (
            f" Headlines are not analysed: every article's title is metadata{moved}, so no "
            "tone, frame or source is read in it."
        )
    if not facts.n_titled:
        return (
            " No article has a title: a headline at the top of its text is read as its first "
            "sentence, for tone, frames and sources alike."
        )
    n_rest = facts.n_docs - facts.n_titled
    rest = "the one without a title keeps" if n_rest == 1 else f"the {n_rest} without one keep"
    return (
        f" Headlines are analysed unevenly: the titles of {facts.n_titled} of the "
        f"{facts.n_docs} articles are metadata{moved}, not read for tone, frames or sources, "
        f"while {rest} any headline at the top of the text as its first sentence."
    )


def _cleaning_counts(facts: CorpusFacts) -> str:
    """'45 lines were removed, 31 changed and 6 moved to the metadata': each action apart."""
    if not facts.cleaning_actions:
        return f"{facts.n_cleaning_changes} lines were removed, changed or moved"
    rank = {a: k for k, a in enumerate(ACTION_WORDS)}
    ordered = sorted(facts.cleaning_actions, key=lambda an: (rank.get(an[0], len(rank)), an[0]))
    parts = [f"{n} {ACTION_WORDS.get(a, a.replace('_', ' '))}" for a, n in ordered]
    listed = and_list(parts)
    noun = "line" if facts.n_cleaning_changes == 1 else "lines"
    rows = (
        f" ({facts.n_cleaning_rows} changes by rule: several rules can change one line)"
        if facts.n_cleaning_rows > facts.n_cleaning_changes
        else ""
    )
    return f"Of the {facts.n_cleaning_changes} {noun} touched by cleaning{rows}, {listed}"


def group_list(
    per_group: Sequence[tuple[str, int, int]],
    limit: int = MAX_GROUPS_LISTED,
    outlets: Mapping[str, int] | None = None,
) -> str:
    """'A (3), B (2) and 5 more': the largest groups with their articles, the rest counted;
    with ``outlets`` (group → its outlets, under a grouping other than outlet), 'centre (12
    articles, 9 outlets)'."""
    shown = [
        f"{escape_text(g)} ({articles(d)}, {outlets[g]} outlet{'s' * (outlets[g] != 1)})"
        if outlets and g in outlets
        else f"{escape_text(g)} ({d})"
        for g, d, _ in per_group[:limit]
    ]
    rest = len(per_group) - len(shown)
    return ", ".join(shown) + (f" and {rest} more" if rest > 0 else "")


def _news_terms(path: Path | None = None) -> list[str]:
    """The terms of the news-term list the run used (the package's by default), in order."""
    path = path or DATA_DIR / "vader_news_terms.csv"
    return read_table(path)["term"].astype(str).tolist() if path.is_file() else []


def _count_frames(codebook: str | None) -> tuple[int, int]:
    """(generic, issue-specific) frames in the codebook used (the bundled one by default)."""
    book = load_codebook(codebook or None)
    generic = sum(1 for frame in book.frames if frame.type == "generic")
    return generic, len(book.frames) - generic


SMALL_GROUPS_NAMED = 5  # the smallest groups the limitation names; more are counted


def _sample_limitation(facts: CorpusFacts) -> str:
    """The first limitation, following the actual counts: a very small sample, small groups in a
    larger one, or the articles collected."""
    col = facts.group_col
    counts = sorted(n for _, n, _ in facts.per_group)
    groups = len(counts)
    span = f"{counts[0]}" if counts[0] == counts[-1] else f"{counts[0]} to {counts[-1]}"
    held = (
        f"The corpus holds {facts.n_docs} {'article' if facts.n_docs == 1 else 'articles'} from "
        f"{groups} {col if groups == 1 else plural(col)}, {span} per {col}."
    )
    n_small = sum(1 for n in counts if n < SMALL_GROUP_DOCS)
    if facts.n_docs < SMALL_CORPUS_DOCS:
        return (
            f"- **A very small sample.** {held} Every result describes these articles, not the "
            f"{plural(col)}' coverage in general, and sentences of one article are not independent "
            f"observations."
        )
    if n_small:
        small = sorted((n, str(name)) for name, n, _ in facts.per_group if n < SMALL_GROUP_DOCS)
        named = [
            f"{escape_text(name)}{spacing_note(name)} ({articles(n)})"
            for n, name in small[:SMALL_GROUPS_NAMED]
        ]
        if len(small) > SMALL_GROUPS_NAMED:
            named.append(f"{len(small) - SMALL_GROUPS_NAMED} more")
        verb = "has" if n_small == 1 else "have"
        return (
            f"- **Small groups.** {held} {n_small} of the {groups} {plural(col)} {verb} fewer than "
            f"{SMALL_GROUP_DOCS} articles ({', '.join(named)}); results for those describe "
            f"their articles, not the {col}'s coverage in general. Sentences of one article are "
            f"not independent observations."
        )
    return (
        f"- **The articles collected.** {held} Results describe these articles; they stand for "
        f"the {plural(col)}' coverage only as far as the collection is a fair sample of it. "
        "Sentences of one article are not independent, so intervals and tests treat articles as "
        "the units."
    )


def _few_articles_limitation(facts: CorpusFacts) -> list[str]:
    """The limitation of tests on groups of few articles: when some pair of groups has too few
    articles to shuffle (:func:`~analysis.stats.comparisons.shuffles_documents`), its
    permutation test shuffles sentences, and says so here with how many pairs."""
    sizes = [d for _, d, _ in facts.per_group]
    pairs = [(a, b) for i, a in enumerate(sizes) for b in sizes[i + 1 :]]
    few = sum(1 for a, b in pairs if not shuffles_documents(a, b))
    if not few:
        return []
    which = "every pair" if few == len(pairs) else f"{few} of the {len(pairs)} pairs"
    return [
        f"- **Tests with few articles per group.** For {which} of groups the articles are too "
        f"few to shuffle (fewer than {MIN_PERM_SPLITS} ways to deal them between the two "
        f"groups), so the permutation test shuffles sentences (see **Tests** under {METHODS}), "
        "treating them as exchangeable; its p-value then describes these articles and is "
        f"optimistic about {plural(facts.group_col)}."  # a tester's country run: "outlets"
    ]


def _permutation_limitation(facts: CorpusFacts, params: Mapping[str, Any]) -> list[str]:
    """The limitation of a run whose ``n_perm`` is too small for any pair to be called
    different: a permutation p is at least 1/(n_perm + 1), and Holm's correction multiplies the
    smallest by the number of pairs, so with 28 pairs and 500 permutations every pair's adjusted
    p is at least 0.056 (a tester's summary said "no clear difference" of every pair, however
    far apart)."""
    try:
        n_perm = int(params.get("n_perm") or 0)
    except (TypeError, ValueError):
        return []
    folded = len({group for _, group in facts.folded_docs})  # the groups pooled, each once
    n_groups = len(facts.per_group) - folded + (1 if folded else 0)
    pairs = n_groups * (n_groups - 1) // 2
    # a pair is clear only with an adjusted p below the level (is_clear_difference)
    if n_perm <= 0 or pairs < 2 or pairs / (n_perm + 1) < CLEAR_ALPHA:
        return []
    needed = math.floor(pairs / CLEAR_ALPHA)  # the fewest with pairs / (needed + 1) below it
    while pairs / (needed + 1) >= CLEAR_ALPHA:
        needed += 1
    return [
        f"- **Too few permutations to call any difference clear.** With `n_perm` = {n_perm} "
        f"and {pairs} pairs of {plural(facts.group_col)} compared, a permutation test's p-value "
        f"is at least 1/{n_perm + 1}, and after Holm's correction for {pairs} pairs at least "
        f"{pairs / (n_perm + 1):.3f}, above {CLEAR_ALPHA}: no pair could be called clearly "
        f"different, whatever the data. Rerun with `-p n_perm {needed}` or more."
    ]


def _mixed_tables_limitation(tables_dir: Path) -> list[str]:
    """The limitation of a summary over tables that notebooks 01-03, run one by one, made with
    different parameters (:func:`analysis.report.table_parameters.disagreeing_records`): a
    tester reran notebook 02 with ``-p n_boot 500`` and the summary said 2000 replicates, with
    the warning only in the notebook's output."""
    from analysis.report.table_parameters import disagreeing_records

    disagreeing = disagreeing_records(tables_dir)
    if not disagreeing:
        return []
    return [
        "- **Tables of different runs.** Notebooks 01–03 made these tables with different "
        f"parameters ({escape_text('; '.join(disagreeing))}); this summary describes the last "
        "notebook's values, which some of its figures were not made with. Run notebooks 01–03 "
        "again with the same parameters, or `python -m analysis run`, before citing it."
    ]


def _mixed_tables_notice(tables_dir: Path) -> list[str]:
    """The warning that opens a summary over tables of different runs (see
    :func:`_mixed_tables_limitation`), or ``[]``: a tester's summary of two corpora's tables
    warned only in a limitation 380 lines down, and papermill exited 0."""
    from analysis.report.table_parameters import disagreeing_records

    if not disagreeing_records(tables_dir):
        return []
    return [
        "> **Not one run: do not cite this summary as it is.** Notebooks 01–03 made its tables "
        "with different parameters, so its figures and findings may describe different "
        f"selections or corpora (see {LIMITATIONS}, “Tables of different runs”).",
        "",
    ]


def _spelling_limitation(facts: CorpusFacts) -> list[str]:
    """The limitation of groups whose names differ only in letter case, spacing, a leading "The"
    or a web address's form, compared as
    different groups (:func:`analysis.corpus.group_names.similar_names_warning`): a tester's
    'Reuters', 'REUTERS' and 'reuters' were warned about in the terminal only, and the summary
    compared Reuters with reuters."""
    from analysis.corpus.group_names import similar_names_warning

    said = similar_names_warning({g: d for g, d, _ in facts.per_group}, facts.group_col)
    if said is None:
        return []
    return [f"- **One {facts.group_col} spelt two ways?** {escape_text(said)}"]


def _limitations_section(facts: CorpusFacts, extra: Sequence[str] = ()) -> list[str]:
    sample = _sample_limitation(facts)
    lines = [
        f"## {LIMITATIONS}",
        "",
        sample,
        "- **Lexicon methods.** Sentiment, frames, actors and hedging are counted from word "
        "lists. They miss irony, quotation of opponents, and meaning carried by context; a "
        "sentence's score says which words it uses, not what its author intends. A group's "
        "tone is that of the words its articles use, about the events and in the words of the "
        "people quoted, not its stance; and the words of names count (VADER reads “united” in "
        "“United States” and “party” in “Labour Party” as positive), which vader-news corrects "
        "only for the names on its term list. Read the quoted evidence next to each number.",
    ]
    lines += _language_limitation(facts)
    lines += _spelling_limitation(facts)
    if facts.outlets_are_sites:
        lines.append(
            "- **Outlets are web sites.** The corpus names no outlets, so each article's outlet "
            "is the site (registrable domain) of its address, and `unknown` where the address "
            "names none. A site is not always the outlet that wrote the story: an aggregator "
            "(yahoo.com, msn.com) republishes other outlets' articles, and some outlets publish "
            "under another domain (ABC News under go.com). Name the outlet column with `--map "
            "outlet=COLUMN` when the corpus has one."
        )
    if facts.n_one_line:
        lines.append(
            f"- **Articles on one line.** {facts.n_one_line} of {articles(facts.n_docs)} came as "
            f"one line of {ONE_LINE_MIN_WORDS} words or more (their export joined the "
            "paragraphs). Cleaning removes boilerplate line by line, so menus, share and "
            "newsletter prompts or captions inside those lines are counted as article text."
        )
    if facts.n_truncated:
        lines.append(
            f"- **Articles cut short.** {facts.n_truncated} of {articles(facts.n_docs)} ended "
            "with the mark of a text cut short (NewsAPI's '… [+2712 chars]': it gives the first "
            "200 characters of each article; a news feed's '[…]' or 'Continue reading' after an "
            "excerpt). Only their openings were analysed; their tone, frames and sources "
            "describe how they open, not the whole articles."
        )
    if facts.translated:
        docs = ", ".join(f"`{escape_code(d)}` ({escape_text(g)})" for d, g in facts.translated)
        lines.append(
            f"- **Translation.** The English text of {docs} is, by its manifest notes, a "
            f"translation; its scores describe the translation's wording, which may differ in "
            f"tone from the original."
        )
    lines += [
        "- **Keyword frames are proxies.** A frame's vocabulary can appear in a sentence that "
        "rejects the frame; frame shares are not a coder's judgement.",
        "- **Intervals at 0% or 100%.** A bootstrap interval of a share that is 0 (or 100%) in "
        "a group collapses to a point; it does not mean the share is known exactly. With n "
        "sentences and none coded, a share up to about 3/n is still compatible with the data "
        "(the rule of three); the findings state that bound for every share or rate of 0 and "
        "use it, not the collapsed interval, when they compare groups. The rule assumes "
        "independent sentences; sentences of one article are not, so with few articles the "
        "true bound is wider.",
        *_few_articles_limitation(facts),
        *extra,
        "",
    ]
    return lines


def _language_limitation(facts: CorpusFacts) -> list[str]:
    """The limitation bullets for articles not in English (``facts.not_english``), for
    articles given as English whose text reads as another language (``facts.contradicted``)
    and for articles given as another language whose text reads as English
    (``facts.reads_english``); none when none has any."""
    lines = _contradicted_limitation(facts) + _reads_english_limitation(facts)
    if facts.n_too_short_to_guess:
        lines.append(
            f"- **Language not guessed.** {facts.n_too_short_to_guess} of "
            f"{articles(facts.n_docs)} are too short to guess a language (under "
            f"{LANGUAGE_MIN_WORDS} words) and none was given, so they are read as English; a "
            "short text is named only where several function words of one language and no "
            "English one leave no doubt. One in another language among them is scored by the "
            "English lexicons on the words it spells as English ones; give a language column "
            "(`--map language=COLUMN`) if the corpus holds such texts."
        )
    if not facts.not_english:
        return lines
    n = sum(k for _, k in facts.not_english)
    languages = ", ".join(f"`{escape_code(lang)}` {k}" for lang, k in facts.not_english)
    return [
        *lines,
        f"- **Not in English.** {n} of {articles(facts.n_docs)} are not in English "
        f"({languages}; the language given by the corpus, guessed from the text where none "
        "was given, or the text's where it contradicts the given one, as `metadata_note` "
        "says). The lexicons (VADER, the codebook, hedges, sources) are English: these "
        f"articles' tone, frames and hedges count only their {SPELT_AS_ENGLISH}, so the "
        "findings that include them say "
        "little, and a finding about a group mostly of such articles is listed under “Not "
        "measured”, not as a finding. Those given in another language are flagged "
        "`language` in documents.csv; leave them out of the corpus, or give the run a "
        "codebook, hedges and source kinds in their language (`analysis.toml`) and a tone "
        "coder trained on their articles (`-p tone_coder`; VADER's lexicon is English only).",
    ]


# what a reader does about a language the text contradicts
_CHECK_LANGUAGE = (
    "check the corpus's language column (or the export's field; a web page's language is its "
    "site's template's `<html lang>`: give the right one in a `metadata.csv` keyed by `file`)."
)


def _documents_bullet(title: str, ids: tuple[str, ...], n_docs: int, says: str) -> list[str]:
    """One limitation bullet naming ``ids`` (the first five) of the ``n_docs`` articles, then
    what ``says``; none when there are no ids."""
    if not ids:
        return []
    shown = ", ".join(f"`{escape_code(doc_id)}`" for doc_id in ids[:5])
    shown += ", …" if len(ids) > 5 else ""
    return [f"- **{title}** {len(ids)} of {articles(n_docs)} ({shown}) {says}"]


def _contradicted_limitation(facts: CorpusFacts) -> list[str]:
    """The limitation bullet for articles given as English whose text reads as another
    language; none when there are none."""
    return _documents_bullet(
        "Given as English, read as another language.",
        facts.contradicted,
        facts.n_docs,
        "are English by the corpus's language, but their text reads as another language "
        "(`metadata_note` in documents.csv says which). They are not flagged `language`, but "
        "they are counted as not in English here and in the findings' notes: the English "
        f"lexicons read only their words spelt as English ones; {_CHECK_LANGUAGE}",
    )


def _reads_english_limitation(facts: CorpusFacts) -> list[str]:
    """The limitation bullet for articles given as another language whose text reads as
    English; none when there are none."""
    return _documents_bullet(
        "Given as another language, read as English.",
        facts.reads_english,
        facts.n_docs,
        "are in another language by the corpus's language, but their text reads as English "
        "(`metadata_note` in documents.csv says which). They are flagged `language` as given, "
        "though the lexicons can read them, and are not counted as not in English here or in "
        f"the findings' notes; {_CHECK_LANGUAGE}",
    )


def _hash_sentence(facts: CorpusFacts) -> str:
    if facts.corpus_file:
        return (
            f"SHA-256 of the corpus file `{escape_code(facts.corpus_file)}` (its bytes, as "
            f"`sha256sum` prints it): `{facts.sha256}`."
        )
    # the recipe whole, so a reader can check it (a tester's four plain recipes all missed)
    return (
        f"SHA-256 of the {facts.n_files} files in the corpus folder, over each file's name, a "
        "NUL byte, its bytes and a NUL byte, files sorted by name (not hashed: hidden files and "
        "the settings file `analysis.toml`, whose lexicons are hashed on their own "
        f"below): `{facts.sha256}`."
    )


def _format_value(value: Any) -> str:
    if isinstance(value, list | tuple):  # an item with a comma in quotes, as --outlets takes it
        items = [f'"{v}"' if "," in str(v) else str(v) for v in value]
        return ", ".join(items) if items else "(all)"
    if value is None or value == "":
        return "(default)"
    return str(value)


RUN_COMMAND = "`python -m analysis run`"
BY_HAND = "notebook 04 (`04_summary.ipynb`) run on its own, not by " + RUN_COMMAND


def is_bundled_corpus(corpus_dir: Path | str | None) -> bool:
    """Whether ``corpus_dir`` is the bundled corpus (or not given: the run's default)."""
    if not corpus_dir:
        return True
    return Path(corpus_dir).resolve() == default_corpus_dir().resolve()


def _corpus_option(corpus_dir: Path | str | None) -> str:
    """``--corpus NAME`` for a corpus other than the bundled one (by its name: the machine's
    paths stay out of a report), else ""."""
    if is_bundled_corpus(corpus_dir):
        return ""
    return f"--corpus {shlex.quote(Path(str(corpus_dir)).name)}"


def rerun_command(corpus_dir: Path | str | None, extra: str = "") -> str:
    """The ``python -m analysis run`` command a reader copies to run this corpus again, in
    backticks: as it is for the bundled corpus; for another, with ``--corpus`` naming it (by
    its name: the machine's paths stay out of a report) and ``--out FOLDER``. A tester's summary
    of a climate export said "Regenerate with `python -m analysis run`", which reruns the
    bundled corpus into the project. ``extra`` (``-p validation ...``) goes at the end."""
    parts = ["python -m analysis run"]
    if option := _corpus_option(corpus_dir):
        parts.append(f"{option} --out FOLDER")
    if extra:
        parts.append(extra)
    return "`" + " ".join(parts) + "`"


def _with_parameters(corpus_dir: Path | str | None, files: bool = False) -> str:
    """For another corpus than the bundled one, or a command naming lexicon files (``files``):
    where its names point, where ``--out FOLDER`` points and how the parameters above are
    given. A tester's notebook 04, run by hand, printed `-p actors actors.toml` for her
    `../lex/actors.toml` and left out her outlets, seed and method, with no word on either."""
    name = _named_corpus(corpus_dir)
    if name is None and not files:
        return ""
    named = [f"`{name}` being the path of the corpus"] if name is not None else []
    named += ["each file the command names being the path of that file"] if files else []
    folder = ", FOLDER the one that holds this `reports/`" if name is not None else ""
    return (
        f", {' and '.join(named)} from where you run it (a report names it without the folders "
        f"it was in){folder}, and each parameter above that is not its default given as "
        "`-p NAME VALUE`"
    )


def _reproducibility_section(
    facts: CorpusFacts,
    params: Mapping[str, Any],
    versions: Mapping[str, str],
    by_run: bool = False,
    corpus_dir: Path | str | None = None,
) -> list[str]:
    lines = ["## Parameters, versions and corpus", "", "| parameter | value |", "|---|---|"]
    for name in sorted(params):
        value = params[name]
        if name in LISTED_WHEN_SET and (value is None or value == ""):
            continue
        if isinstance(value, str) and value:
            value = portable_path(value)
        lines.append(f"| `{name}` | {escape_text(_format_value(value))} |")
    lines += ["", "| package | version |", "|---|---|"]
    lines += [f"| {name} | {escape_text(v)} |" for name, v in versions.items()]
    lines += [
        "",
        "The analysis code's SHA-256 is over the package's files (the recipe is in "
        "`analysis/code_fingerprint.py`); every figure's files carry it too. The versions of "
        "every package pinned for byte-identical outputs are in the project's "
        "`constraints.txt`.",
    ]
    per_group = "; ".join(
        f"{escape_text(g)}{spacing_note(g)}: {articles(d)}, {count(s, 'sentence')}"
        for g, d, s in facts.per_group[:MAX_GROUPS_LISTED]
    )
    rest = len(facts.per_group) - MAX_GROUPS_LISTED
    if rest > 0:
        per_group += (
            f"; and {rest} more {plural(facts.group_col)} "
            f"(`{escape_code(facts.tables_shown)}/documents.csv`)"
        )
    # the lexicons given as parameters belong in the command (a tester's lacked -p codebook)
    files = _lexicon_options(params, RUN_LEXICONS, "-p {}")
    rerun = rerun_command(corpus_dir, files)
    said = _with_parameters(corpus_dir, bool(files))
    lines += [
        "",
        f"Corpus: {articles(facts.n_docs)}, {count(facts.n_sentences, 'sentence')}, "
        f"{count(facts.n_words, 'word')} "
        f"after cleaning ({per_group}). {_hash_sentence(facts)}",
        "",
        (
            f"Regenerate with {rerun}{said} (same "
            "corpus and parameters give the same tables, figures and text)."
            if by_run
            else "Regenerate by running notebooks 01–04 again with these parameters, or "
            f"{rerun}{said or ' with them'} (same corpus and parameters give the same "
            "tables, figures and text)."
        ),
        "",
    ]
    return lines


def _codebook_story(params: Mapping[str, Any], corpus_dir: Path | str | None) -> str:
    """The ``story`` of the run's codebook, "" when it gives none, cannot be read, or is the
    package's generic one (whose story is "any news story")."""
    lexicons = _lexicons_of_run(corpus_dir, params)
    if lexicons.codebook is None:
        return ""
    try:
        return " ".join(load_codebook(str(lexicons.codebook)).story.split())
    except (CodebookError, OSError, ValueError):
        return ""


def _story(story: str) -> str:
    """ "the story", with the codebook's ``story`` when it gives one (its template says the
    summary shows it; a tester's never appeared)."""
    return f"the story (“{escape_text(story)}”, as the codebook names it)" if story else "the story"


def _opening(facts: CorpusFacts, story: str = "") -> str:
    """The first sentence: how many groups of the run's grouping, which (largest first), how
    many articles, and the codebook's ``story`` when it names one; with one group, that no
    comparison is possible. A grouping whose column name is no word is named as groups of it
    ("3 human_tone groups"; a tester's read "How 3 human_tones covered the story")."""
    col, n_groups = facts.group_col, len(facts.per_group)
    own = not col.isalpha()  # a column name, not a word: "human_tone groups", "countries"
    outlets = {g: n for g, n, _, _ in facts.group_outlets}
    size = (
        f"from {articles(facts.n_docs)} ({group_list(facts.per_group, outlets=outlets)}) and "
        f"{facts.n_sentences} sentences."
    )
    told = _story(story)
    if n_groups == 1:
        return (
            f"How one {col}{' group' if own else ''} covered {told}, {size}"
            f"{_one_sentence_texts(facts)} With a single "
            f"{col} in the selection no "
            f"comparison between {plural(col)} is possible: the findings describe its articles "
            "only."
            f"{_selection(facts)}{_left_out(facts)}{_sites(facts)}{_mostly_foreign(facts)}"
        )
    from analysis.corpus.documents import UNKNOWN

    named = n_groups - (col == "outlet" and any(g == UNKNOWN for g, _, _ in facts.per_group))
    who = (  # "unknown" is no outlet: it is not counted as one (a tester's "How 4 outlets")
        f"{named} {plural(col) if named != 1 else col} and articles of no named {col}"
        if named < n_groups
        else f"{n_groups} {col} groups"
        if own
        else f"{n_groups} {plural(col)}"
    )
    return (
        f"How {who} covered {told}, {size}{_one_sentence_texts(facts)}"
        f"{_one_article_groups(facts)}"
        f"{_dominant_outlets(facts)}{_genre_mix(facts)}{_selection(facts)}"
        f"{_left_out(facts)}{_shared(facts)}{_sites(facts)}{_pooled(facts)}{_unknown(facts)}"
        f"{_mostly_foreign(facts)}"
    )


def _tone_arc_not_drawn(facts: CorpusFacts) -> str:
    """Why the tone-arc figure is not drawn, when no article has enough sentences for an arc
    (:func:`analysis.sentiment.plots.tone_arc_not_drawn`); ``""`` when it is drawn."""
    from analysis.sentiment.plots import tone_arc_not_drawn

    return tone_arc_not_drawn(facts.max_sentences) or ""


def _one_sentence_texts(facts: CorpusFacts) -> str:
    """When all or most articles (more than half) are one sentence, as a headlines export's or
    short posts are, what that means for the measures; ``""`` otherwise. A tester's 3,868
    headlines were introduced as "these 485 articles from Bayview Herald (485 sentences)", and
    nothing said that each score rested on one headline's words."""
    n, total = facts.n_one_sentence, facts.n_docs
    if not total or n * 2 <= total:
        return ""
    which = (
        "Every article is one sentence"
        if n == total
        else f"{n} of the {total} articles ({pct(n / total)}) are one sentence"
    )
    return (
        f" {which}: headlines or short posts, not articles' text. Each one's tone, frames and "
        "hedges rest on a dozen words, where one word of a lexicon decides them, so a share of "
        "articles is a share of headlines, a group's tone is the tone of its headlines' words, "
        "and nothing is read of how the stories were told in their bodies."
    )


def _one_article_groups(facts: CorpusFacts) -> str:
    """With two groups or more, those of one article, counted and named (up to
    :data:`MAX_GROUPS_LISTED`): their findings describe them and compare them with no other
    group (:data:`~analysis.stats.comparisons.ONE_ARTICLE`); ``""`` when there are none. A
    bootstrap interval over one article's sentences describes that article only, yet such
    groups were compared like the others, and nothing said so."""
    singles = sorted(str(g) for g, n, _ in facts.per_group if n <= ONE_ARTICLE)
    if not singles or len(facts.per_group) < 2:
        return ""
    col = facts.group_col if facts.group_col.isalpha() else f"{facts.group_col} group"
    shown = [escape_text(g) for g in singles[:MAX_GROUPS_LISTED]]
    if len(singles) > len(shown):
        shown.append(f"{len(singles) - len(shown)} more")
    listed = shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} and {shown[-1]}"
    n, total = len(singles), len(facts.per_group)
    return (
        f" {n} of the {total} {plural(col)} {'has' if n == 1 else 'have'} one article"
        f"{'' if n == 1 else ' each'} ({listed}): {'it is' if n == 1 else 'they are'} "
        "described, not compared with the others, since an interval from one article's "
        "sentences describes that article only."
    )


def _dominant_outlets(facts: CorpusFacts) -> str:
    """Under a grouping other than outlet, the groups more than half of whose articles one
    outlet wrote, each with that outlet: a difference of such a group from another may be
    that outlet's house style rather than the group's. A tester's "right" was mostly Fox News,
    and a country of one Al Jazeera article was compared at p = 0.042, the outlets never
    named; ``""`` when no group is so."""
    led = [(g, top, n, total) for g, total, (_, _, top, n) in _with_outlets(facts) if n * 2 > total]
    if not led:
        return ""
    shown = [
        f"{escape_text(g)}, {n} of {total} from {escape_text(top)}"
        if n < total
        else f"{escape_text(g)}, {'its one article' if total == 1 else f'all {total}'} from "
        f"{escape_text(top)}"
        for g, top, n, total in led[:MAX_GROUPS_LISTED]
    ]
    rest = len(led) - len(shown)
    col = escape_text(facts.group_col)
    return (
        f" One outlet wrote most of the articles of {'this' if len(led) == 1 else 'these'} "
        f"{col if len(led) == 1 else plural(col)} ({'; '.join(shown)}"
        f"{f'; and {rest} more' if rest > 0 else ''}): a difference found for "
        f"{'it' if len(led) == 1 else 'one'} may be that outlet's rather than the {col}'s."
    )


def _genre_mix(facts: CorpusFacts) -> str:
    """When the groups' mixes of a kind of article (a ``genre``, ``section`` or ``type``
    column: :mod:`analysis.report.genre_mix`) differ strongly, each group's most frequent kind
    and its share, and that a difference between the groups may be the kind's: the converse of
    :func:`_dominant_outlets`. A tester's outlets were compared at p = 0.026, one's articles
    mostly opinion and the other's mostly news, the corpus's genre column unread; ``""`` when
    no such column differs so."""
    if not facts.mix_col or not facts.group_mixes:
        return ""
    col, kind = escape_text(facts.group_col), f"`{escape_code(facts.mix_col)}`"
    shown = []
    for i, (g, total, n, top, n_top) in enumerate(facts.group_mixes[:MAX_GROUPS_LISTED]):
        of = f"{n_top} of {n}" if n == total else f"{n_top} of the {n} with a {kind}"
        verb = " articles are" if i == 0 else ""
        shown.append(f"{escape_text(g)}'s{verb} {share_words(n_top, n)} {escape_text(top)} ({of})")
    rest = len(facts.group_mixes) - len(shown)
    listed = and_list(shown) if rest <= 0 else f"{', '.join(shown)} and {rest} more"
    return (
        f" The {plural(col)}' mixes of {kind} differ: {listed}, so a difference found between "
        f"the {plural(col)} may be one of {kind} rather than of {col}."
    )


def _with_outlets(facts: CorpusFacts) -> list[tuple[str, int, tuple[str, int, str, int]]]:
    """(group, articles, its row of ``facts.group_outlets``) of each group that has one."""
    by_group = {row[0]: row for row in facts.group_outlets}
    return [(g, d, by_group[g]) for g, d, _ in facts.per_group if g in by_group]


# Findings that compare groups: tone means pair by pair, frame, sourcing and hedging shares
COMPARISON_KEYS = (
    "tone_pairwise_",
    "frames_difference_",
    "frames_no_clear_difference",
    "sourcing_quotes",
    "sourcing_attributed",
    "hedging_hedges",
    "hedging_certainty",
)


def _no_clear_difference(findings: Sequence[Finding], facts: CorpusFacts) -> list[str]:
    """When groups were compared and no comparison met the rule for a clear difference: a
    paragraph saying so plainly, before the findings; else nothing. A copy editor's six-outlet
    run found none in 15 tone pairs and every frame, sourcing and hedging measure, and only
    the reader who went through every bullet could tell."""
    compared = [f for f in findings if f.key.startswith(COMPARISON_KEYS)]
    if len(facts.per_group) < 2 or not compared or any(f.supported for f in compared):
        return []
    groups = plural(facts.group_col)
    return [
        f"**No clear difference between the {groups}.** No comparison of tone, frames, "
        "sourcing or hedging between these articles met the summary's rule for a clear "
        f"difference (see **Tests** under {METHODS}): the findings below describe each "
        f"group's articles and do not rank the {groups}. Nor does this show that they covered "
        "the story alike: with these few articles a real difference may go unseen."
        + (
            f" Where {groups} {'ran' if facts.group_col == 'outlet' else 'hold'} the same "
            "stories (above), their figures are alike by the "
            "same text, not by like coverage."
            if facts.n_copies_of_others
            else ""
        ),
        "",
    ]


def _selection(facts: CorpusFacts) -> str:
    """When the run compared only some outlets (``--outlets``): that the corpus tables list
    every article read, and how many that is; else ``""``. A tester checked Figure 1 (6
    articles) against its source table, ``documents.csv``, which lists all 16."""
    if not facts.n_docs_read:
        return ""
    tables = escape_code(facts.tables_shown)
    return (
        f" These are the articles of the outlets chosen with `--outlets`; `{tables}/"
        f"documents.csv`, `sentences.csv` and `cleaning_audit.csv` hold every outlet's "
        f"({articles(facts.n_docs_read)}; select rows by their `outlet`), the other "
        "tables only the chosen outlets."
    )


def _left_out(facts: CorpusFacts) -> str:
    """When rows of the corpus file had no text, or cleaning left articles without any: a
    sentence counting them and where they are listed; else ``""``. A tester's export of 483 rows
    lost 7 empty ones, said only in a terminal warning, and her report cited the 476 as all."""
    parts = []
    if facts.n_empty_rows:
        noun = "row" if facts.n_empty_rows == 1 else "rows"
        parts.append(f"{facts.n_empty_rows} {noun} of the corpus file without text")
    if facts.n_repeated_rows:
        noun = "row" if facts.n_repeated_rows == 1 else "rows"
        parts.append(
            f"{facts.n_repeated_rows} {noun} of the corpus file repeating an earlier row with "
            "the same doc_id exactly"
        )
    if facts.n_emptied:
        parts.append(f"{articles(facts.n_emptied)} that cleaning left without text")
    if facts.n_dropped_copies:
        parts.append(_dropped_copies(facts))
    if facts.n_dropped_languages:
        parts.append(
            f"{articles(facts.n_dropped_languages)} not in English by "
            f"{'its' if facts.n_dropped_languages == 1 else 'their'} language, dropped with "
            "`-p other_languages drop`"
        )
    if facts.n_no_group_value:  # a tester's 5 articles without a lean were a lean "unknown"
        parts.append(f"{articles(facts.n_no_group_value)} with no {facts.group_col}")
    if not parts:
        return ""
    return (
        f" Left out: {' and '.join(parts)} (action `document_left_out` in "
        f"`{escape_code(facts.tables_shown)}/cleaning_audit.csv`)."
    )


def _shared(facts: CorpusFacts) -> str:
    """When flagged near-copies of another group's article are kept (syndicated or wire copy
    between outlets, the same story in two groups of another grouping): how many, which groups
    share stories and how many, and that their figures are not independent; else ``""``. A
    tester's 23 articles from 6 outlets held 9 copies of AP, Reuters and AFP stories: the
    opening read "How 6 outlets covered the story" and only the last section, "Document
    quality", said that they printed the same text."""
    if not facts.n_copies_of_others:
        return ""
    col = facts.group_col
    listed = [
        f"{and_list([escape_text(g) for g in groups])} share {count(n, 'story')}"
        for groups, n in facts.shared_stories[:MAX_SHARED_LISTED]
    ]
    rest = sum(n for _, n in facts.shared_stories[MAX_SHARED_LISTED:])
    if rest:
        listed.append(f"other {plural(col)} {count(rest, 'more story')}")
    n_stories = sum(n for _, n in facts.shared_stories)
    # outlets run a syndicated story; months or leans hold the same story (a tester's months
    # were said to be "syndicated or wire copy ... stories two or more months ran")
    what, held = (
        ("syndicated or wire copy", f"{count(n_stories, 'story')} two or more outlets ran")
        if col == "outlet"
        else (
            f"the same story in two {plural(col)}",
            f"{count(n_stories, 'story')} found in two or more {plural(col)}",
        )
    )
    # the tone arc draws one article of each story, when it is drawn at all (not for headlines)
    arc = (
        ""
        if _tone_arc_not_drawn(facts)
        else "; the tone-arc figure draws one article of each story"
    )
    return (
        f"{_wholly_shared(facts)}"
        f" {facts.n_copies_of_others} of these {facts.n_docs} articles are near-copies of an "
        f"article of another {col} ({what}, flagged `duplicate` and kept), in "
        f"{held}: {'; '.join(listed)}. Their "
        f"figures are not independent: each {col} counts the text it shares as its own (each "
        f"{col}'s share of it is in `{escape_code(facts.tables_shown)}/shared_text.csv`; the "
        f"copies are named under “Document quality”{arc})."
    )


def _wholly_shared(facts: CorpusFacts) -> str:
    """The groups every article of which is a near-copy of another group's, or copied by it
    (the same feed under two names, an outlet of nothing but wire copy, a wire service all of
    whose stories others ran: :attr:`CorpusFacts.wholly_shared`), said plainly before the
    count of copies; ``""`` when there are none. Two groups each of whose articles the other
    holds are said to be the same stories; otherwise which of them wrote a story is not known
    (``duplicate_of`` names the copy ``drop`` keeps), so the sentence names no author. A
    tester's Outlet A and Outlet B, the same four texts, read "Outlet A and Outlet B share 4
    stories", and the reader had to count that this was all of each."""
    col = facts.group_col if facts.group_col.isalpha() else f"{facts.group_col} group"
    found = {g: (others, n) for g, others, n in facts.wholly_shared}
    said: list[str] = []
    done: set[str] = set()
    for g, (others, n) in found.items():
        if g in done:
            continue
        mutual = [h for h in others if h in found and g in found[h][0] and h not in done]
        if mutual:  # each has every article of the other: one feed under two names
            h = mutual[0]
            done.update({g, h})
            said.append(
                f" Every article of {escape_text(g)} ({n}) and of {escape_text(h)} "
                f"({found[h][1]}) is a near-copy of one of the other's: their figures are the "
                f"same stories, not two {plural(col)}' coverage."
            )
            continue
        done.add(g)  # a copy or a story copied: said both ways, neither named the author
        owners = [f"{escape_text(h)}'s" for h in others]
        said.append(
            f" Every article of {escape_text(g)} ({n}) has a near-copy among "
            f"{and_list(owners)} articles: its figures are not independent of theirs."
            if owners
            else f" Every article of {escape_text(g)} ({n}) has a near-copy in another {col}'s "
            "articles: none of its figures is independent of theirs."
        )
    return "".join(said)


DROPPED_COPIES_SHOWN = 8


def _dropped_copies(facts: CorpusFacts) -> str:
    """The near-copies the run left out: how many, with which option, and which (the first
    :data:`DROPPED_COPIES_SHOWN`). A tester's summary said "dropped with `-p duplicates drop` or
    `drop_within`", neither which one nor what was dropped."""
    n = facts.n_dropped_copies
    option = (
        f"`-p duplicates {facts.duplicates}`"
        if facts.duplicates in ("drop", "drop_within")
        else "`-p duplicates drop` or `drop_within`"
    )
    which = ", ".join(f"`{escape_code(d)}`" for d in facts.dropped_copies[:DROPPED_COPIES_SHOWN])
    if len(facts.dropped_copies) > DROPPED_COPIES_SHOWN:
        which += f" and {len(facts.dropped_copies) - DROPPED_COPIES_SHOWN} more"
    # drop_within also leaves out an outlet's earlier versions at one web address
    # (analysis.corpus.quality.url_versions), their texts alike or not
    within = facts.duplicates == "drop_within"
    kind = " within an outlet" if within else ""
    what = f"near-duplicate {'copy' if n == 1 else 'copies'}" + (
        " or versions (one web address)" if within else ""
    )
    return f"{n} {what} of other articles{kind}, dropped with {option}" + (
        f" ({which}; each names the article kept in its place)" if which else ""
    )


def _unknown(facts: CorpusFacts) -> str:
    """When one group is ``unknown`` (articles whose outlet no manifest, export or page gave):
    a sentence saying it is no outlet, so a comparison with it is read as such; else ``""``.
    A tester's summary compared "unknown" (4 articles of 3 outlets) with an outlet, unqualified."""
    from analysis.corpus.documents import UNKNOWN

    n = next((d for g, d, _ in facts.per_group if g == UNKNOWN), 0)
    if not n or facts.group_col != "outlet":
        return ""
    return (
        f" “{UNKNOWN}” is not an outlet: it holds the {articles(n)} whose outlet the corpus "
        "does not give (no manifest, sidecar or export column names it, and no page its site), "
        "possibly of several outlets; name them in a manifest.csv to compare them."
    )


def _sites(facts: CorpusFacts) -> str:
    """When the outlets are the sites of the articles' addresses (``facts.outlets_are_sites``):
    a sentence saying so, sending the reader to the limitations; else ``""``."""
    if not facts.outlets_are_sites:
        return ""
    return (
        " Each outlet is the web site of its articles' addresses (the corpus names no outlets;"
        " see the limitations, “Outlets are web sites”)."
    )


def _mostly_foreign(facts: CorpusFacts) -> str:
    """When at least half the articles are not in English: a sentence sending the reader to
    the limitations first (the English lexicons say little about them); else ``""``."""
    n = sum(k for _, k in facts.not_english)
    if not facts.n_docs or 2 * n < facts.n_docs:
        return ""
    return (
        f" {n} of these {facts.n_docs} articles are not in English, the language of every "
        "lexicon used: read the limitations (“Not in English”) before any finding."
    )


def _pooled(facts: CorpusFacts) -> str:
    """With more groups than the palette's colours: which groups the figures and comparisons
    pool as "Other" (:func:`analysis.selection.folded_groups`), that it is a mix and not one
    group, and how to compare them; else ``""``."""
    if not facts.folded:
        return ""
    col = facts.group_col
    pooled = _pooled_groups(facts)
    n_kept = len(facts.per_group) - len(pooled)
    how = (
        f"keep at most {n_kept + 1} {plural(col)} with `--outlets` (the `outlets` parameter)"
        if col == "outlet"
        else f"group by a column with at most {n_kept + 1} values, or keep fewer outlets with "
        "`--outlets`"
    )
    return (
        f" Figures and comparisons show the {n_kept} largest {plural(col)} apart and pool the "
        f"other {len(pooled)} as “{OTHER_LABEL}” ({articles(sum(d for _, d, _ in pooled))}: "
        f"{group_list(pooled)}): a mix of {plural(col)}, not one, so a finding about "
        f"“{OTHER_LABEL}” describes none of them; its quotes name their own {col}. To compare "
        f"them, {how}."
    )


def summary_markdown(
    findings: Sequence[Finding],
    figures: Sequence[FigureInfo],
    facts: CorpusFacts,
    params: Mapping[str, Any],
    versions: Mapping[str, str],
    image_src: ImageSource,
    quality: Sequence[str] = (),
    corpus_dir: Path | str | None = None,
    validation: tuple[Sequence[str], Sequence[str]] = ((), ()),
    tone_coder: tuple[Sequence[str], Sequence[str]] = ((), ()),
    by_run: bool = False,
    frame_note: Sequence[str] = (),
    notice: Sequence[str] = (),
    sourcing_note: Sequence[str] = (),
) -> str:
    """The whole summary as Markdown, opening on a table of contents (:func:`with_contents`);
    each figure sits at the end of the findings section that refers to it
    (:func:`figure_sections`), the rest under "Other figures"; ``image_src`` gives each
    figure's link or data URI;
    ``quality`` holds the lines naming flagged documents (:mod:`analysis.corpus.quality`);
    ``corpus_dir`` (its ``analysis.toml``) tells which lexicons the methods describe;
    ``validation`` holds the lines placed after the findings and the limitation bullets
    (:func:`validation_lines`); ``tone_coder`` the same for the trained tone coder
    (:func:`analysis.report.tone_coder.tone_coder_lines`), whose figure is shown with its
    section; ``frame_note`` closes the frame findings (:func:`frame_findings_note`), and
    ``sourcing_note`` the sourcing findings
    (:func:`~analysis.corpus.quality.transcript_sourcing_lines`,
    :func:`~analysis.corpus.quality.qa_sourcing_lines`).
    ``by_run`` says the runner wrote it; otherwise the text says notebook 04 was run on its
    own, so a reader is not told the whole pipeline produced it; ``notice`` (Markdown lines)
    follows the opening paragraph (:func:`_mixed_tables_notice`)."""
    numbers = _figure_numbers(figures)
    placed = figure_sections(findings, figures)
    shown = {info.stem for infos in placed.values() for info in infos}
    tables = escape_code(facts.tables_shown)
    lines = [
        "# Summary of results",
        "",
        f"{_opening(facts, _codebook_story(params, corpus_dir))} This file is "
        f"generated from the result tables in `{tables}/` by "
        f"{RUN_COMMAND if by_run else BY_HAND}; do not edit it by hand. Each mean, share and "
        "rate comes with its 95% confidence interval (CI) and "
        "the number of articles and sentences it rests on; quoted sentences give the document "
        f"id and the sentence number (counted from 0) in `{tables}/sentences.csv`; a quote "
        "under a tone finding is the group's most positive or most negative sentence, as its "
        f"note says, not a typical one; {QUOTE_CHOICE}.",
        "",
        *notice,
        *_no_clear_difference(findings, facts),
    ]
    pooled = groups_caption(facts)
    lines += _findings_section(
        findings,
        numbers,
        placed,
        image_src,
        facts.group_col,
        dict(facts.folded_docs),
        pooled,
        dict(facts.language_notes),
        {"frames": list(frame_note), "sourcing": list(sourcing_note)},
        facts.tables_shown,
        _pooled_note(facts),
        dict(facts.partial_language_notes),
        dict(facts.doc_outlets),
    )
    if tone_coder[0]:
        lines += tone_coder[0]
        for info in figures:
            if info.stem == CODER_FIGURE and info.stem not in shown:
                lines += _figure_lines(
                    numbers[info.stem], info, image_src, facts.group_col, "", facts.tables_shown
                )
                shown.add(info.stem)
    lines += validation[0]
    rest = [info for info in figures if info.stem not in shown]
    lines += _figures_section(
        rest, image_src, facts.group_col, numbers, bool(shown), pooled, facts.tables_shown
    )
    not_drawn = _tone_arc_not_drawn(facts)
    if not_drawn:
        if not rest and shown:  # no "Other figures" section to say it in
            lines += ["## Other figures", ""]
        lines += [not_drawn, ""]
    lines += _methods_section(facts, params, corpus_dir)
    lines += _limitations_section(
        facts, [*_permutation_limitation(facts, params), *validation[1], *tone_coder[1]]
    )
    lines += quality
    lines += _reproducibility_section(facts, params, versions, by_run, corpus_dir)
    return "\n".join(with_contents(lines)).rstrip("\n") + "\n"


def tables_as_shown(tables_dir: Path | str, reports_dir: Path | str) -> str:
    """The tables folder as the summary names it: relative to the folder that holds the reports
    folder (``reports/tables`` in a run's layout), or absolute when it lies outside that folder.
    A JupyterLab tester's summary of her own ``water_tables`` sent readers to
    ``reports/tables``, which did not exist."""
    tables = Path(tables_dir).resolve()
    root = Path(reports_dir).resolve().parent
    try:
        return tables.relative_to(root).as_posix()
    except ValueError:
        return tables.as_posix()


def summary_parameters(params: Mapping[str, Any]) -> dict[str, Any]:
    """The parameters shown in the summary: the run's, minus paths (they differ per machine)."""
    shown = dict(params.get("run_parameters") or params)
    return {
        k: v
        for k, v in shown.items()
        if k != "run_parameters" and not k.endswith(("_dir", "_path", "_file"))
    }


def write_summary(
    tables_dir: Path | str,
    figures_dir: Path | str,
    reports_dir: Path | str,
    params: Mapping[str, Any],
    corpus_dir: Path | str,
    findings: Iterable[Finding] | None = None,
    by_run: bool = False,
) -> list[Path]:
    """Write ``summary.md``, ``summary.html`` and the figure gallery; return their paths.

    ``params`` are the run's parameters (``run_parameters`` from the runner, or the summary
    notebook's own); ``findings`` default to :func:`collect_findings` on ``tables_dir``;
    ``by_run`` is True only when ``python -m analysis run`` wrote the tables and passed its
    parameters (notebook 04 passes it), so the summary names what produced it. Nothing is
    written in a notebook whose parameters were edited since its set-up cell ran: the summary
    would describe the old ones (:mod:`analysis.parameter_guard`).
    """
    check_parameters_unchanged()
    tables, figs, reports = Path(tables_dir), Path(figures_dir), Path(reports_dir)
    require_tables(tables)
    shown = summary_parameters(params)
    # the column the tables are grouped by: "month" for a period grouping, published:month
    group_col = group_column(str(shown.get("group_by") or "outlet"))
    found = list(findings) if findings is not None else collect_findings(tables, shown)
    facts = replace(
        corpus_facts(tables, corpus_dir, group_col, shown.get("outlets") or None),
        tables_shown=tables_as_shown(tables, reports),
        duplicates=str(shown.get("duplicates") or ""),
    )
    figures = figures_of_run(existing_figures(figs), shown)
    if _tone_arc_not_drawn(facts):  # an arc an earlier run drew into this folder is not this run's
        figures = [info for info in figures if info.stem != "fig03_tone_arc"]
    versions = package_versions()
    rel = Path(os.path.relpath(figs, reports)).as_posix()

    def link(info: FigureInfo) -> str:
        png = figs / f"{info.stem}.png"
        return f"{rel}/{info.stem}{'.png' if png.is_file() else '.svg'}"

    # The HTML embeds each PNG as a data URI (placeholders swapped in after conversion).
    images = EmbeddedImages(figs, link)
    quality = quality_summary(tables, shown)
    sourcing_note = [*transcript_sourcing_lines(tables, shown), *qa_sourcing_lines(tables, shown)]
    coders = _run_coders(shown, corpus_dir)  # loaded once for every part that names them
    found = _tone_checked(found, shown, corpus_dir, coders)
    checked = validation_lines(tables, shown, corpus_dir, group_col, coders, facts.tables_shown)
    frame_note = frame_findings_note(shown, corpus_dir, coders)
    notice: list[str] = []
    if not by_run:  # notebooks run one by one may have left tables of different runs
        checked = (checked[0], [*_mixed_tables_limitation(tables), *checked[1]])
        notice = _mixed_tables_notice(tables)
    coder = tone_coder_lines(
        tables, shown, group_col, facts.tables_shown, _tone_coder_checked(shown, corpus_dir, coders)
    )
    md = with_lexicons(
        summary_markdown(
            found,
            figures,
            facts,
            shown,
            versions,
            link,
            quality,
            corpus_dir,
            checked,
            coder,
            by_run=by_run,
            frame_note=frame_note,
            notice=notice,
            sourcing_note=sourcing_note,
        ),
        corpus_dir,
        shown,
    )
    page = images.fill(
        summary_html(
            with_lexicons(
                summary_markdown(
                    found,
                    figures,
                    facts,
                    shown,
                    versions,
                    images,
                    quality,
                    corpus_dir,
                    checked,
                    coder,
                    by_run=by_run,
                    frame_note=frame_note,
                    notice=notice,
                    sourcing_note=sourcing_note,
                ),
                corpus_dir,
                shown,
            )
        )
    )
    for name in (SUMMARY_MD, SUMMARY_HTML):
        keep_theirs(reports / name)  # notebook 04 run by hand into a folder of drafts
    return [
        write_text(md, reports / SUMMARY_MD),
        write_text(page, reports / SUMMARY_HTML),
        write_gallery(figs, tables, group_col, groups_caption(facts), _tone_arc_not_drawn(facts)),
    ]


CORRECTED_TABLE = "frames_corrected.csv"


def figures_of_run(figures: Sequence[FigureInfo], params: Mapping[str, Any]) -> list[FigureInfo]:
    """The ``figures`` the summary shows: the package's own (registered; a chart of one's own
    in the figures folder is listed by the gallery, not cited in the summary), and the trained
    tone coder's only when the run's ``params`` name one. Notebook 02 run by hand without a
    coder into a folder where an earlier run drew one left that figure, and a tester's summary
    showed it, captioned as this run's, beside a parameter table without ``tone_coder``."""
    from analysis.report import gallery

    registered = gallery.registered_figures()
    return [
        info
        for info in figures
        if info.stem in registered and (info.stem != CODER_FIGURE or params.get("tone_coder"))
    ]


# What an unvalidated source lexicon risks: a tester's hand key found it credited a kind to about
# a quarter of the sentences whose speaker the article names as one, while the summary said only
# that it was "not validated"; misses lower a share as surely as misreadings raise one.
SOURCING_RISK = (
    "The source lexicon risks missing many sources, not only misreading some: it credits a "
    "kind only where the sentence itself names the speaker in words its list has, so a "
    "quotation style it does not read (answers in a Q&A interview, a quotation carried on "
    "from an earlier sentence, a block quote) or a speaker described in "
    "words its list lacks credits none, and its shares of attributed and credited sentences "
    "can fall well below what the articles hold."
)


def not_validated(
    corpus_dir: Path | str | None = None,
    other_frames: str = "",
    coders: str = "frame, tone and sourcing coders",
    params: Mapping[str, Any] | None = None,
) -> str:
    """The limitation of a run whose ``coders`` were not checked against human coding, with
    the commands to validate ``corpus_dir`` (:func:`rerun_command`), naming the lexicons the
    run's ``params`` gave (:func:`_lexicon_options`); ``other_frames`` says why a given
    agreement table checked nothing (it holds other frames)."""
    sample, validate = _validation_commands(corpus_dir, params)
    given = _lexicon_options(params, RUN_LEXICONS, "-p {}")
    extra = " ".join(
        filter(None, [_map_option(params), given, "-p validation reports/validation/agreement.csv"])
    )
    return (
        f"- **Not validated on this corpus.** The {coders} "
        f"{'were' if coders.endswith('s') else 'was'} not checked against "
        f"human coding of these articles{other_frames}: their shares count indicators and "
        f"lexicon scores, not judgements.{' ' + SOURCING_RISK if 'sourcing' in coders else ''} "
        f"To validate, draw a sample with {sample}, code it, "
        f"run {validate}, and rerun with {rerun_command(corpus_dir, extra)}"
        f"{corpus_path_note(corpus_dir)}."
    )


# The lexicon parameters a run may be given (-p NAME FILE), and those code-sample and validate
# take as options of the same name: a codebook given to the run, not in the corpus folder's
# analysis.toml, must reach the sheet too, or it lists the package's generic frames
RUN_LEXICONS = ("codebook", "actors", "sources", "hedges", "news_terms")
SHEET_LEXICONS = ("codebook", "sources")


def _map_option(params: Mapping[str, Any] | None) -> str:
    """``--map SPEC`` for a run given a column mapping (``--map text=Body,outlet=Source``),
    else "": a corpus file's columns are read the same way by every command."""
    spec = (params or {}).get("column_map")
    if isinstance(spec, Mapping):
        spec = ",".join(f"{ours}={theirs}" for ours, theirs in spec.items())
    return f"--map {shlex.quote(str(spec))}" if spec else ""


def _lexicon_options(
    params: Mapping[str, Any] | None,
    names: Sequence[str] = SHEET_LEXICONS,
    option: str = "--{}",
) -> str:
    """``--codebook NAME --sources NAME`` (``option`` "-p {}": ``-p codebook NAME``...) for
    each of ``names`` the run was given a file for as a parameter (by their file names: the
    machine's paths stay out of a report), else ""."""
    return " ".join(
        f"{option.format(name)} {shlex.quote(Path(str(params[name])).name)}"
        for name in names
        if params and params.get(name)
    )


# The sheet the summary's validation commands draw and then measure, once coded
VALIDATION_SHEET = "sheet.csv"


def _validation_commands(
    corpus_dir: Path | str | None,
    params: Mapping[str, Any] | None = None,
    *,
    sourcing: bool = True,
) -> tuple[str, str]:
    """The ``code-sample`` and ``validate`` commands (in backticks) that validate the coders of
    a run on ``corpus_dir``: a sheet (with the sourcing columns unless not ``sourcing``: the
    tone's limitation asked for them, and read as if sourcing were not validated), measured
    with the lexicons of the corpus it was drawn from (:func:`validate_corpus_option`) or those
    the run's ``params`` gave (:func:`_lexicon_options`)."""
    options = _lexicon_options(params)
    sample = " ".join(
        filter(
            None,
            [
                "python -m analysis code-sample" + (" --sourcing" if sourcing else ""),
                _corpus_option(corpus_dir),
                _map_option(params),
                options,
                f"--out {VALIDATION_SHEET}",
            ],
        )
    )
    validate = " ".join(
        filter(
            None,
            [
                f"python -m analysis validate --sheet {VALIDATION_SHEET}",
                validate_corpus_option(corpus_dir),
                options,
                "--out reports/validation",
            ],
        )
    )
    return f"`{sample}`", f"`{validate}`"


def corpus_path_note(corpus_dir: Path | str | None) -> str:
    """For a corpus other than the bundled one, after commands that name it: that the name is
    its path from where they are run (a tester's `--corpus rent`, copied from a summary, failed
    in the project folder); else ""."""
    name = _named_corpus(corpus_dir)
    if name is None:
        return ""
    return (
        f" (`{name}` is the path of the corpus from where you run them: a report names it "
        "without the folders it was in)"
    )


def _named_corpus(corpus_dir: Path | str | None) -> str | None:
    """The name the summary's commands give a corpus other than the bundled one (its folder's
    or file's name, quoted for a shell: the machine's paths stay out of a report), else None."""
    if is_bundled_corpus(corpus_dir):
        return None
    return shlex.quote(Path(str(corpus_dir)).name)


def validate_corpus_option(corpus_dir: Path | str | None) -> str:
    """``--corpus NAME`` for ``validate``, also for the bundled corpus: without it ``validate``
    measures with the package's own codebook and source lexicon, not those of the corpus's
    ``analysis.toml`` that ``code-sample`` drew the sheet with."""
    folder = Path(str(corpus_dir)) if corpus_dir else default_corpus_dir()
    return f"--corpus {shlex.quote(folder.name)}"


NOT_VALIDATED = not_validated()  # the bundled corpus's


def frame_coders(
    params: Mapping[str, Any],
    corpus_dir: Path | str | None = None,
    coders: tuple[Any, Any] | None = None,
) -> tuple[dict[str, str], dict[str, str]]:
    """Which coder codes each frame of the run's codebook: ``({key: "model" | "codebook"},
    {key: label})``. A frame is the trained model's (``-p frame_coder``) when the model has its
    key, else the codebook's. ``coders``: the codebook and model of :func:`_run_coders`, loaded
    here when not given."""
    book, model = coders or _run_coders(params, corpus_dir)
    model_keys = set(model.keys) if model is not None else set()
    methods = {k: ("model" if k in model_keys else "codebook") for k in book.keys}
    return methods, {f.key: f.label for f in book.frames}


def _run_coders(params: Mapping[str, Any], corpus_dir: Path | str | None) -> tuple[Any, Any]:
    """The run's codebook and its ``-p frame_coder`` model (None without one, or when it
    cannot be loaded)."""
    lexicons = _lexicons_of_run(corpus_dir, params)
    book = load_codebook(str(lexicons.codebook) if lexicons.codebook else None)
    if not params.get("frame_coder"):
        return book, None
    from analysis.validation.model import ModelError, load_frame_model

    try:
        return book, load_frame_model(str(params["frame_coder"]))
    except ModelError:
        return book, None


def _run_versions(
    params: Mapping[str, Any],
    corpus_dir: Path | str | None,
    coders: tuple[Any, Any] | None = None,
) -> dict[tuple[str, str], str]:
    """The run's coders with their versions (:func:`analysis.validation.agreement.
    run_coder_versions`): its codebook's frames, its ``-p frame_coder`` model's and its source
    lexicon's (its file's SHA-256; not versioned when it cannot be loaded)."""
    from analysis.validation.agreement import run_coder_versions

    lexicon = run_source_lexicon(_lexicons_of_run(corpus_dir, params))
    return run_coder_versions(
        *(coders or _run_coders(params, corpus_dir)),
        _tone_model(params),
        sources=lexicon,
    )


def _tone_coder_checked(
    params: Mapping[str, Any], corpus_dir: Path | str | None, coders: tuple[Any, Any] | None
) -> str:
    """What the run's agreement table measured of its trained tone coder: "held out" (a row
    for it, none of whose items trained it), "in-sample" (a row with items that did), or ""
    (no tone coder, no table, or no current row for it)."""
    if not (params.get("tone_coder") and params.get("validation")):
        return ""
    from analysis.validation.agreement import AgreementError

    try:
        agreement, _ = _run_agreement(params, corpus_dir, coders)
    except AgreementError:
        return ""
    rows = agreement[(agreement["method"] == "model") & (agreement["frame"] == "tone")]
    if rows.empty:
        return ""
    n_in = rows.iloc[0].get("n_in_training", 0)
    return "in-sample" if n_in == n_in and int(n_in) > 0 else "held out"


def _tone_model(params: Mapping[str, Any]) -> Any:
    """The run's ``-p tone_coder`` model, or None (without one, or when it cannot be loaded)."""
    if not params.get("tone_coder"):
        return None
    from analysis.validation.model import ModelError, load_frame_model

    try:
        return load_frame_model(str(params["tone_coder"]))
    except (ModelError, OSError):
        return None


def _corrected_lines(table: Any, group_col: str, labels: Mapping[str, str]) -> list[str]:
    """One bullet per frame and group: raw and Rogan–Gladen-corrected shares with intervals."""
    from analysis.report.wording import ci, pct
    from analysis.validation.correction import rogan_gladen

    lines = []
    for row in table.itertuples(index=False):
        row = row._asdict()
        label = labels.get(row["frame"], row["frame"])
        se, sp = row["sensitivity"], row["specificity"]
        # the estimate before it is clipped to 0-100%
        unclipped = float(rogan_gladen(row["raw_share"], se, sp, clip=False))
        raw = f"{pct(row['raw_share'])} ({ci(row['raw_ci_low'], row['raw_ci_high'], 'percent')})"
        zero_bound = 3 / row["n_sentences"] if row["n_sentences"] else float("nan")
        if row["raw_share"] == 0 and row["n_sentences"]:  # a bootstrap of none gives 0-0%
            raw = f"0% (none flagged; up to about {pct(zero_bound)} is compatible with that)"
        if se != se:  # NaN: no human-coded item had the frame, so no sensitivity
            corrected = (
                "cannot be corrected (no human-coded item of the sample has the frame, so the "
                "coder's sensitivity is not measured)"
            )
        elif row["corrected_share"] != row["corrected_share"]:  # NaN: no better than chance
            corrected = "cannot be corrected (the coder is no better than chance on the sample)"
        elif unclipped > 1:  # clipped to a 100% (95% CI 100-100%) that no one should quote
            corrected = (
                f"cannot be corrected (the correction gives {pct(unclipped)}: the raw share is "
                "above what the coder's measured sensitivity and specificity allow, so the "
                "validation sample does not describe this group)"
            )
        elif row["raw_share"] == 0 and row["n_sentences"]:
            # none flagged: corrected, the rule-of-three bound of the raw share, not 0-0%
            bound = float(rogan_gladen(zero_bound, se, sp))
            corrected = (
                f"corrected: up to about {pct(bound)} (the bound corrected for the coder's "
                "sensitivity; a coder that misses frames can flag none where there are some)"
                if bound > 0
                else "cannot be corrected (no sentence flagged, where the coder's false-positive "
                f"rate on the sample, {pct(1 - sp)}, would flag some: the validation sample does "
                "not describe this group)"
            )
        elif unclipped < 0:  # clipped to a 0% (95% CI 0-0%) that no one should quote
            # a tester read "cannot be corrected" as a failure: it means about none, and the
            # table's interval says how many could still be there
            high = row["corrected_ci_high"]
            upto = f"; its 95% CI reaches {pct(high)}" if high == high and high > 0 else ""
            corrected = (
                f"corrected: about 0%, compatible with none (the correction gives "
                f"{pct(unclipped)}: the raw share is below the coder's false-positive rate on "
                f"the sample, {pct(1 - sp)}, which the correction takes for false alarms{upto})"
            )
        else:
            corrected = (
                f"corrected {pct(row['corrected_share'])} "
                f"({ci(row['corrected_ci_low'], row['corrected_ci_high'], 'percent')})"
            )
        # a rate the sample could not measure is said so, not printed as "nan"
        rates = ", ".join(
            f"{what} {value:.2f}" if value == value else f"{what} not measured"
            for what, value in (("sensitivity", se), ("specificity", sp))
        )
        lines.append(
            f"- {escape_text(label)}, {escape_text(str(row[group_col]))}: raw "
            f"{raw}, "
            f"{corrected}; {rates} on {int(row['n_validation'])} items; "
            f"{articles(int(row['n_docs']))}, {count(row['n_sentences'], 'sentence')}."
        )
    return lines


def validation_lines(
    tables_dir: Path | str,
    params: Mapping[str, Any],
    corpus_dir: Path | str | None = None,
    group_col: str = "outlet",
    coders: tuple[Any, Any] | None = None,
    tables_shown: str = "reports/tables",
) -> tuple[list[str], list[str]]:
    """The summary's lines on how far to trust the frame and tone coders: (lines after the
    findings, limitation bullets). ``coders``: the run's codebook and model (:func:`_run_coders`),
    loaded here when not given; ``tables_shown`` names the tables folder, where the framing
    notebook copied the agreement table (:func:`analysis.validation.copy_validation_tables`).

    With ``-p frame_coder`` the first part names the frames the trained model codes. With
    ``-p validation`` (an ``agreement.csv``) it gives each frame's F1 with its CI and n, and the
    raw and Rogan–Gladen-corrected shares of ``frames_corrected.csv`` (written by the framing
    notebook); without it the limitations say the coders were not validated and how to do it.
    """
    coders = coders or _run_coders(params, corpus_dir)
    methods, labels = frame_coders(params, corpus_dir, coders)
    # the frames' and the tone coder's agreement with human coding (a tester read "frame
    # shares" over the tone coder's line)
    head = [f"### {TRUST_CODERS}", ""]
    lines: list[str] = []
    from_model = [labels[k] for k, m in methods.items() if m == "model"]
    if params.get("frame_coder"):
        if from_model:
            rest = [labels[k] for k, m in methods.items() if m == "codebook"]
            lines.append(
                "Frames coded by the trained model (`-p frame_coder`): "
                + escape_text(", ".join(from_model))
                + (
                    "; by the codebook's indicators: " + escape_text(", ".join(rest))
                    if rest
                    else ""
                )
                + ". The quoted evidence sentences are the codebook's indicator matches."
                + _training_overlap(tables_dir, coders[1])
            )
        else:
            lines.append(
                "The trained model (`-p frame_coder`) has none of the codebook's frame keys: "
                "every frame is coded by the codebook's indicators."
            )
        lines.append("")
    path = params.get("validation")
    if not path:
        return ([*head, *lines] if lines else []), [not_validated(corpus_dir, params=params)]
    from analysis.validation.agreement import (
        AgreementError,
        agreement_frames,
        frame_f1_lines,
        tone_agreement_lines,
    )
    from analysis.validation.report_copy import VALIDATION_AGREEMENT

    try:
        agreement, stale = _run_agreement(params, corpus_dir, coders)
    except AgreementError as err:
        return [*head, *lines, f"The validation table could not be read: {err}", ""], []
    tone_stale = "tone" in stale  # the tone coder's row measured another trained coder
    stale = [frame for frame in stale if frame != "tone"]
    sourcing_state = _sourcing_version_state(params, corpus_dir, coders)
    sourcing, sourcing_limits = _sourcing_validation(agreement, params, corpus_dir, sourcing_state)
    sourcing_checked = bool(sourcing) and sourcing_state != "stale"
    validated = _frames_measured(agreement, methods)
    tone = tone_agreement_lines(
        agreement, str(params.get("method") or "vader"), bool(params.get("tone_coder"))
    )
    copied = (
        f", copied to `{escape_code(tables_shown)}/{VALIDATION_AGREEMENT}`"
        if (Path(tables_dir) / VALIDATION_AGREEMENT).is_file()
        else ""
    )
    intro = (
        f"Agreement with human coding (`{escape_code(Path(path).name)}`{copied}, F1 with 95% "
        "bootstrap interval over the coded items; precision is the share of the items a "
        "coder flags that the humans coded 1, so a low one means most of a raw share is false "
        "positives, and recall the share of the humans' 1s the coder flags):"
    )
    tone_limits = _tone_not_validated(agreement, params, corpus_dir, tone_stale)
    if not validated and not stale:  # another codebook's frames: nothing of this run checked
        table_frames = agreement_frames(agreement)
        other = (
            f" (`-p validation {escape_code(Path(path).name)}` holds agreement for other "
            f"frames: {escape_text(', '.join(table_frames))})"
            if table_frames
            else ""
        )
        if not tone:  # a table of frames (or sourcing) only
            unchecked = _unchecked_coders(agreement, params, corpus_dir, sourcing_checked)
            frame_part = [*head, *lines] if lines else []
            return [*frame_part, *sourcing], [not_validated(corpus_dir, other, unchecked, params)]
        # a tone-only table: a tester's held-out tone agreement never reached the summary
        unchecked = "frame coder" if sourcing_checked else "frame and sourcing coders"
        tone_part = [intro, "", *tone, "", *intercoder_lines(Path(path), labels)]
        return [*head, *lines, *tone_part, *sourcing], [
            not_validated(corpus_dir, other, unchecked, params),
            *tone_limits,
            *sourcing_limits,
        ]
    lines += [
        intro,
        "",
        *frame_f1_lines(agreement, methods, labels, stale),
        *tone,
        "",
        *intercoder_lines(Path(path), labels),
    ]
    corrected = Path(tables_dir) / CORRECTED_TABLE
    table = read_table(corrected) if corrected.is_file() else None
    if table is not None and len(table):  # none when no frame's coder was validated
        col = group_col if group_col in table.columns else table.columns[0]
        lines += [
            "Frame shares of sentences, raw and corrected for the coder's measured "
            "misclassification (Rogan & Gladen 1978), clipped to 0–100%; the corrected interval "
            "resamples the validation items as well as the corpus, so a coder validated on few "
            "items gives a wide one. The correction assumes the coder errs at the same rates in "
            f"every {col} as on the validation sample:",
            "",
            *_corrected_lines(table, col, labels),
            "",
        ]
    from analysis.validation.correction import in_sample_frames

    in_sample = [labels.get(k, k) for k in in_sample_frames(agreement, methods)]
    if in_sample:
        lines += [
            "Not corrected for misclassification: "
            + escape_text(", ".join(in_sample))
            + ". Their agreement was measured on items the model was trained on (in-sample), "
            "where it errs less than on the articles it was not trained on, so its "
            "sensitivity and specificity there would correct nothing that needs correcting.",
            "",
        ]
    if not validated:  # every row of the run's frames measured another version of them
        why = " (the agreement table measured other versions of their coders)"
        coders = _unchecked_coders(agreement, params, corpus_dir, sourcing_checked, tone_stale)
        return [*head, *lines, *sourcing], [not_validated(corpus_dir, why, coders, params)]
    return [*head, *lines, *sourcing], [
        *_worse_model_limitation(agreement, methods, labels, stale),
        *tone_limits,
        *sourcing_limits,
    ]


def _unchecked_coders(
    agreement: Any,
    params: Mapping[str, Any],
    corpus_dir: Path | str | None,
    sourcing: bool,
    tone_stale: bool = False,
) -> str:
    """The coders a run's agreement table left unchecked when none of its frames was: the
    frame coders, the tone coder unless the table has its row, the sourcing coder unless the
    table has sourcing rows ("frame, tone and sourcing coders"). A scholar's limitations said
    the tone coder was not checked, under the tone agreement they had just reported."""
    names = ["frame"]
    if _tone_not_validated(agreement, params, corpus_dir, tone_stale):
        names.append("tone")
    if not sourcing:
        names.append("sourcing")
    listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
    return f"{listed} coder{'s' if len(names) > 1 else ''}"


def _worse_model_limitation(
    agreement: Any, methods: Mapping[str, str], labels: Mapping[str, str], stale: Sequence[str]
) -> list[str]:
    """The limitation of a run whose trained model codes frames the codebook's indicators did
    better on in the agreement table (:func:`analysis.validation.agreement.worse_models`)."""
    from analysis.validation.agreement import worse_models

    worse = worse_models(agreement, methods, stale)
    if not worse:
        return []
    named = "; ".join(
        f"{labels.get(key, key)}: F1 {model:.2f} against {codebook:.2f}"
        for key, model, codebook in worse
    )
    return [
        "- **A trained model weaker than the codebook.** The frames the model coded here "
        "scored a lower F1 on the validation items than the codebook's indicators "
        f"({escape_text(named)}); their shares in the findings and figures are the model's. "
        "Run without `-p frame_coder`, or train on more coded items, before citing them."
    ]


def _training_overlap(tables_dir: Path | str, model: Any) -> str:
    """A sentence naming how many of the run's sentences the trained ``model`` was trained on
    (:func:`analysis.validation.model.in_training`), or "" for none: it codes those as it was
    taught, and a tester's run coded 199 of its 902 sentences so without a word."""
    from analysis.validation.model import run_sentences_in_training

    n_in, n = run_sentences_in_training(tables_dir, model)
    if not n_in:
        return ""
    return (
        f" {n_in} of the run's {n} sentences were among the model's training "
        "items: it codes them close to how its coders did (in-sample), which a validation "
        "on other items does not describe."
    )


def _tone_not_validated(
    agreement: Any,
    params: Mapping[str, Any],
    corpus_dir: Path | str | None,
    tone_stale: bool = False,
) -> list[str]:
    """The limitations of a run whose agreement table has no tone row for VADER, on which the
    tone findings rest, or (with ``-p tone_coder``) none for the trained tone coder, or only one
    measured with another trained coder (``tone_stale``): a tester's frames-only validation
    made the limitations drop the tone coder's "not validated" with the frames', and every tone
    finding then read as checked."""
    out = []
    sample, validate = _validation_commands(corpus_dir, params, sourcing=False)
    if not _has_row(agreement, "codebook", "tone"):
        out.append(
            "- **Tone not validated on this corpus.** The validation table holds no tone row "
            "for VADER: the tone findings rest on its scores, not checked against human coding "
            f"of these articles. The sheet drawn with {sample} has a `tone` column to code; "
            f"{validate} measures it{corpus_path_note(corpus_dir)}."
        )
    if params.get("tone_coder") and not _has_row(agreement, "model", "tone"):
        why = (
            "its row measured another trained coder (another model, or this one retrained)"
            if tone_stale
            else "the table holds no tone row for it"
        )
        out.append(
            "- **The trained tone coder not validated on this corpus.** For the trained tone "
            f"coder (`-p tone_coder`) {why}: its shares are not checked against human coding "
            f"of these articles. {validate} with `--model` and that coder measures it."
        )
    return out


def _has_row(agreement: Any, method: str, frame: str) -> bool:
    """Whether ``agreement`` has a row of coder ``method`` for ``frame``."""
    return bool(((agreement["method"] == method) & (agreement["frame"] == frame)).any())


ALPHA_TENTATIVE = 0.667  # Krippendorff (2004): the lowest alpha for tentative conclusions


def intercoder_lines(agreement_path: Path, labels: Mapping[str, str]) -> list[str]:
    """The summary's paragraph on how far the human coders agreed with each other: each
    code's Krippendorff's alpha from the ``intercoder.csv`` that ``validate`` writes beside
    ``agreement_path`` when the sheets had several coders (and removes when they had one);
    ``[]`` without it. A coder's F1 is measured against the humans' codes, so it means little
    for a code the humans themselves coded unreliably (alpha below 0.667, Krippendorff 2004);
    a tester's summary gave her coders' F1 without her two passes' agreement."""
    from analysis.validation.sheet_agreement import INTERCODER_FILE

    path = agreement_path.parent / INTERCODER_FILE
    table = read_table(path) if path.is_file() else None
    if table is None or not len(table):
        return []
    n_coders = int(table["n_coders"].max())
    if not (table["n_items"] > 0).any():  # the sheets' items never met: their ids differ
        return [
            f"`{escape_code(path.name)}` holds no item that two of the {n_coders} human coders "
            "both coded, so their agreement was not measured: check that the sheets' item ids "
            "match (a spreadsheet program can drop their leading zeros, 0001 becoming 1).",
            "",
        ]
    parts, low, defined, undefined = [], [], 0, []
    for row in table.to_dict("records"):
        label = escape_text(labels.get(str(row["frame"]), str(row["frame"])))
        alpha = float(row["krippendorff_alpha"])
        n_items = int(row["n_items"])
        # validate's words for an undefined alpha or a coder who marked only presence (a
        # table of an earlier release has no note column)
        note = str(row.get("note") or "") if row.get("note") == row.get("note") else ""
        if n_items == 0:
            parts.append(f"{label}: no item coded by two coders")
            undefined.append(label)
            continue
        if math.isnan(alpha):
            why = note.removeprefix("alpha undefined: ") or "one code throughout"
            parts.append(f"{label} undefined ({n_items} items: {escape_text(why)})")
            undefined.append(label)
            continue
        defined += 1
        extra = f"; {escape_text(note)}" if note else ""
        parts.append(f"{label} {alpha:.2f} ({n_items} items{extra})")
        if alpha < ALPHA_TENTATIVE:
            low.append(label)
    verdict = ""
    if low:
        verdict = (
            f" Below {ALPHA_TENTATIVE} (Krippendorff 2004) the humans' own codes are not "
            "reliable enough to measure a coder against, so the F1 above says little for: "
            f"{', '.join(low)}."
        )
    elif defined:
        # "each alpha given" once read as if a frame without one were reliable too (a
        # tester's x-only coder left race/ethnicity undefined beside that sentence)
        which = (
            f"Each alpha computed (all but {', '.join(undefined)})"
            if undefined
            else "Each alpha given"
        )
        verdict = (
            f" {which} is at least {ALPHA_TENTATIVE}, the lowest Krippendorff (2004) "
            "accepts for tentative conclusions."
        )
    if undefined and defined:
        them = "it" if len(undefined) == 1 else "them"
        verdict += (
            f" For {', '.join(undefined)} no alpha could be computed, so nothing here shows "
            f"that the coders coded {them} reliably: read {'its' if them == 'it' else 'their'} "
            "F1 with that in mind."
        )
    # two coders split on a frame, or three on the three tones, leave an item without a
    # majority code (sheets.consensus), which is then not used to score a coder
    ties = (
        " An item the coders split evenly has no majority code and is left out of the F1 "
        "above, so the F1 rests on the easier items and may be optimistic."
    )
    return [
        f"Agreement between the {n_coders} human coders on the items two or more of them coded "
        f"(`{escape_code(path.name)}`, Krippendorff's alpha, nominal): "
        + "; ".join(parts)
        + "."
        + verdict
        + ties,
        "",
    ]


def _sourcing_version_state(
    params: Mapping[str, Any], corpus_dir: Path | str | None, coders: tuple[Any, Any] | None
) -> str:
    """Whether the sourcing rows of the run's agreement table (``-p validation``) measured
    another source lexicon than the run's (``"stale"``), record no version of it (``"unknown"``:
    a table of an earlier release), or neither (``""``)."""
    from analysis.validation.agreement import (
        SOURCING_METHOD,
        AgreementError,
        read_agreement,
        stale_sourcing,
        unversioned_coders,
    )

    try:
        table = read_agreement(params["validation"])
    except AgreementError:
        return ""
    versions = _run_versions(params, corpus_dir, coders)
    if stale_sourcing(table, versions):
        return "stale"
    return "unknown" if SOURCING_METHOD in unversioned_coders(table, versions) else ""


def stale_sourcing_sentence(validate: str) -> str:
    """The one sentence the summary gives in place of the sourcing figures of an agreement
    table measured with another source lexicon than the run's; ``validate`` is the command
    (in backticks) that measures the sheet again."""
    return (
        "The validation sheet's sourcing codes were measured against another version of the "
        "source lexicon than this run used (another SHA-256 in the agreement table's "
        "`coder_version`), so its figures are not shown or used: validate the sheet again with "
        f"this run's lexicon ({validate})."
    )


def _sourcing_validation(
    agreement: Any,
    params: Mapping[str, Any],
    corpus_dir: Path | str | None,
    version_state: str = "",
) -> tuple[list[str], list[str]]:
    """The summary's lines on the sourcing rows of an agreement table (``validate`` of a sheet
    from ``code-sample --sourcing``), and its limitation when the table has none. With
    ``version_state`` ``"stale"`` (the rows measured another source lexicon,
    :func:`_sourcing_version_state`; ``agreement`` has lost them) one sentence says the sheet
    must be validated again; with ``"unknown"`` the figures are shown with that caveat."""
    from analysis.validation.agreement import sourcing_f1_lines

    if version_state == "stale":
        _, validate = _validation_commands(corpus_dir, params)
        sentence = stale_sourcing_sentence(validate)
        return [f"### {TRUST_SOURCING}", "", sentence, ""], [
            "- **Sourcing not validated against this run's source lexicon:** the validation "
            f"sheet measured another version of it; measure the sheet again ({validate})."
        ]
    lexicon = run_source_lexicon(_lexicons_of_run(corpus_dir, params))
    labels = lexicon.labels if lexicon else {}
    bullets = sourcing_f1_lines(agreement, labels)
    if bullets and version_state == "unknown":
        bullets.append(
            "- The agreement table records no version of the source lexicon it measured (a "
            "table written before `validate` recorded one), so whether these figures are of "
            "this run's lexicon is unknown: run `validate` on the sheet again to record it."
        )
    if not bullets:
        sample, validate = _validation_commands(corpus_dir, params)
        return [], [
            "- **Sourcing not validated on this corpus.** The validation table holds no "
            "sourcing rows: which sentences are attributed, and to which kind of source, was "
            f"not checked against human coding. {SOURCING_RISK} A sheet drawn with {sample} "
            f"has the columns to code; {validate} measures them{corpus_path_note(corpus_dir)}."
        ]
    return [
        f"### {TRUST_SOURCING}",
        "",
        "Agreement of the source lexicon with human coding, each sentence read alone (a "
        "follow-up such as “she said”, credited in the run from the article, is not checked "
        "by the sheet); F1 with 95% bootstrap interval. This measures the reading of one "
        "sentence, not how many of the articles' sources the run finds: a sentence whose "
        "speaker only the text around it gives (a transcript's turn, which the run credits "
        "to a guest from the speaker's label, an answer in a Q&A interview, a quotation "
        "carried on from an earlier sentence, a block quote) is coded as crediting no source "
        "by the human coders and the lexicon alike, and counts as agreement: the run's "
        "credits to a transcript's guests are not checked by the sheet.",
        "",
        *bullets,
        "",
    ], []
