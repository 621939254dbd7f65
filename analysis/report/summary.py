"""The written summary (``reports/summary.md`` and ``.html``) and the figure gallery.

Nothing here is typed by hand: findings come from the analysis modules as
:class:`analysis.report.findings.Finding` objects (their sentences hold the numbers, CIs and sample
sizes), figure captions from each plotting module's ``FIGURES`` registry, and every number in the
methods, limitations and reproducibility sections from the tables, the corpus folder and the
installed packages. The Markdown is deterministic (no dates, no absolute paths) so a rerun on
the same corpus gives the same bytes.

Corpus text (evidence sentences, outlet names, titles) can contain anything, including markup.
Every corpus-derived string goes through :func:`escape_text` before it enters the Markdown: ``<``
and ``>`` become entities and Markdown's link/emphasis characters are backslash-escaped, so
neither the Markdown renderer nor a browser can turn article text into tags or links.
"""

from __future__ import annotations

import base64
import dataclasses
import html
import importlib
import importlib.metadata
import json
import os
import platform
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.config import DATA_DIR
from analysis.figures import FigureInfo

# Imported here rather than where it is used: it loads NLTK (a second or more), which the
# runner's kernel warm-up then does before the summary notebook's turn, not during it.
from analysis.framing.codebook import load_codebook
from analysis.io import write_text
from analysis.report.findings import Evidence, Finding
from analysis.stats.bootstrap import CLUSTER_ONLY_MIN_DOCS
from analysis.stats.comparisons import MIN_PERM_DOCS

FIGURE_MODULES = ("analysis.corpus.plots", "analysis.sentiment.plots", "analysis.framing.plots")
SECTION_TITLES = {
    "tone": "Tone",
    "actors": "Actors",
    "frames": "Frames",
    "vocabulary": "Vocabulary (keyness)",
    "sourcing": "Sourcing and attribution",
    "hedging": "Hedging and certainty",
}
# (distribution name, label shown)
PACKAGES = (
    ("newsframe-analysis", "analysis"),
    ("nltk", "nltk"),
    ("vaderSentiment", "vaderSentiment"),
    ("pandas", "pandas"),
    ("numpy", "numpy"),
    ("seaborn", "seaborn"),
    ("matplotlib", "matplotlib"),
    ("pyarrow", "pyarrow"),
    ("papermill", "papermill"),
)
MAX_EVIDENCE = 3
# Below this many articles in the smallest group the limitations call the sample very small.
SMALL_GROUP_DOCS = MIN_PERM_DOCS
SUMMARY_MD = "summary.md"
SUMMARY_HTML = "summary.html"
GALLERY = "README.md"
_MD_SPECIAL = re.compile(r"([\\`*\[\]|])")
_NO_CAPTION = "No caption is registered for this figure (it is not produced by the package)."

CSS = """
body { font-family: Georgia, 'DejaVu Serif', serif; max-width: 46em; margin: 2em auto;
       padding: 0 1em; line-height: 1.5; color: #222; }
h1, h2, h3 { font-family: 'DejaVu Sans', Arial, sans-serif; line-height: 1.25; }
blockquote { margin: 0.4em 0 0.4em 1em; padding-left: 0.8em; border-left: 3px solid #ccc;
             color: #444; }
img { max-width: 100%; height: auto; }
table { border-collapse: collapse; font-size: 0.9em; }
th, td { border: 1px solid #ccc; padding: 0.2em 0.5em; text-align: left; }
code { font-size: 0.9em; }
.unsupported { color: #555; }
"""


def escape_text(text: object) -> str:
    """Corpus-derived text made inert for Markdown and HTML, on one line.

    Whitespace runs (newlines included) become one space, so a sentence cannot start a heading,
    list or quote; ``<`` and ``>`` become entities, so no tag can form; ``[``, ``]``, ``*``,
    backticks, ``|`` and backslashes are backslash-escaped, so ``[x](javascript:…)`` cannot
    become a link nor a cell break a table. A bare ``&`` is left for the renderer to escape.
    """
    one_line = " ".join(str(text).split())
    one_line = one_line.replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", one_line)


def escape_code(text: object) -> str:
    """Corpus-derived text for inside a Markdown code span (``doc_id``): one line, no backticks.

    Inside a code span the renderer escapes everything itself, so nothing else is needed.
    """
    return " ".join(str(text).replace("`", "'").split())


# --------------------------------------------------------------------------- inputs


def registered_figures(modules: Sequence[str] = FIGURE_MODULES) -> dict[str, FigureInfo]:
    """Every figure described in the plotting modules' ``FIGURES`` (modules missing skipped)."""
    found: dict[str, FigureInfo] = {}
    for name in modules:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        found.update(getattr(module, "FIGURES", {}))
    return found


def existing_figures(
    figures_dir: Path | str, registry: Mapping[str, FigureInfo] | None = None
) -> list[FigureInfo]:
    """The figures present in ``figures_dir`` (a PNG or SVG), sorted by stem.

    A file with no registry entry is still listed, with a note that it has no caption, so the
    gallery never hides a figure.
    """
    registry = registered_figures() if registry is None else registry
    folder = Path(figures_dir)
    stems = sorted(
        {p.stem for p in folder.glob("*") if p.suffix in {".png", ".svg"}}
        if folder.is_dir()
        else []
    )
    return [registry.get(stem) or FigureInfo(stem, _NO_CAPTION, "", "") for stem in stems]


def package_versions(packages: Sequence[tuple[str, str]] = PACKAGES) -> dict[str, str]:
    """Installed versions of the packages that shape the results, plus Python's."""
    versions = {"python": platform.python_version()}
    for dist, label in packages:
        try:
            versions[label] = importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            versions[label] = "not installed"
    return versions


def corpus_sha256(corpus_dir: Path | str) -> str:
    """SHA-256 of the corpus: of the file's bytes for a corpus file (what ``sha256sum`` prints),
    over the name and bytes of every non-hidden file, by name, for a folder.

    The same definition as the cache key's fingerprint
    (:func:`analysis.corpus.documents.corpus_fingerprint`), so a reader can check that a summary was
    produced from the corpus they hold.
    """
    from analysis.corpus.documents import corpus_fingerprint

    return corpus_fingerprint(corpus_dir)


@dataclass(frozen=True)
class CorpusFacts:
    """Counts about the corpus used in the methods and limitations sections."""

    group_col: str
    n_docs: int
    n_sentences: int
    n_words: int
    per_group: tuple[tuple[str, int, int], ...]  # (group, n_docs, n_sentences)
    sha256: str
    n_files: int  # files in the corpus folder; 1 for a corpus file
    n_cleaning_changes: int
    translated: tuple[tuple[str, str], ...]  # (doc_id, group) whose notes mention translation
    corpus_file: str = ""  # the corpus file's name when the corpus is one file, else ""


def corpus_facts(
    tables_dir: Path | str, corpus_dir: Path | str, group_col: str = "outlet"
) -> CorpusFacts:
    """Counts from ``documents.csv`` and ``cleaning_audit.csv``, the corpus hash and the
    documents whose notes (manifest, or the ``notes`` column of a corpus file) say the text is a
    translation. ``corpus_dir`` is the corpus folder or corpus file."""
    tables = Path(tables_dir)
    docs = pd.read_csv(tables / "documents.csv", dtype={"doc_id": str})
    if group_col not in docs.columns:
        raise KeyError(f"documents.csv has no column {group_col!r}")
    docs[group_col] = docs[group_col].astype(str)
    per_group = (
        docs.groupby(group_col, sort=True)
        .agg(n_docs=("doc_id", "size"), n_sentences=("n_sentences", "sum"))
        .reset_index()
    )
    audit_path = tables / "cleaning_audit.csv"
    n_changes = len(pd.read_csv(audit_path)) if audit_path.is_file() else 0
    corpus = Path(corpus_dir)
    translated: list[tuple[str, str]] = []
    manifest = corpus / "manifest.csv"
    notes = None
    if corpus.is_dir() and manifest.is_file():
        notes = pd.read_csv(manifest, dtype=str).fillna("")
    elif corpus.is_file() and "notes" in docs.columns:
        notes = docs[["doc_id", "notes"]].fillna("").astype(str)
    if notes is not None and "notes" in notes.columns:
        hits = notes[notes["notes"].str.contains("translat", case=False)]
        groups = dict(zip(docs["doc_id"], docs[group_col], strict=True))
        translated = [(d, groups.get(d, "")) for d in sorted(hits["doc_id"])]
    if corpus.is_file():
        files = [corpus]
    else:
        files = [p for p in corpus.iterdir() if p.is_file() and not p.name.startswith(".")]
    return CorpusFacts(
        group_col=group_col,
        n_docs=len(docs),
        n_sentences=int(docs["n_sentences"].sum()),
        n_words=int(docs["n_words"].sum()) if "n_words" in docs else 0,
        per_group=tuple(
            (str(r[group_col]), int(r["n_docs"]), int(r["n_sentences"]))
            for _, r in per_group.iterrows()
        ),
        sha256=corpus_sha256(corpus),
        n_files=len(files),
        n_cleaning_changes=n_changes,
        translated=tuple(translated),
        corpus_file=corpus.name if corpus.is_file() else "",
    )


def save_findings(findings: Iterable[Finding], path: Path | str) -> Path:
    """Write findings as JSON (for a notebook to hand its findings to the summary notebook)."""
    data = [dataclasses.asdict(f) for f in findings]
    return write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", path)


def load_findings(path: Path | str) -> list[Finding]:
    """Read findings written by :func:`save_findings`."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return [
        Finding(
            **{
                **item,
                "evidence": tuple(Evidence(**ev) for ev in item.get("evidence", ())),
                "figures": tuple(item.get("figures", ())),
            }
        )
        for item in data
    ]


def collect_findings(tables_dir: Path | str, params: Mapping[str, Any]) -> list[Finding]:
    """Every analysis's findings, in a fixed order: sentiment, then framing.

    A notebook that saved its findings (``findings_<analysis>.json`` in ``tables_dir``, see
    :func:`save_findings`) is read as is, so the summary quotes exactly what the notebook
    computed; otherwise the findings are recomputed from that analysis's tables. Each analysis
    module owns the wording and the rule that a difference whose CI includes zero is not
    reported as one; this only gathers them.
    """
    tables = Path(tables_dir)
    findings: list[Finding] = []
    for name, loader in (("sentiment", _sentiment_findings), ("framing", _framing_findings)):
        saved = tables / f"findings_{name}.json"
        findings += load_findings(saved) if saved.is_file() else loader(tables, params)
    return findings


def _read(tables: Path, *names: str) -> pd.DataFrame | None:
    for name in names:
        if (tables / name).is_file():
            return pd.read_csv(tables / name, dtype={"doc_id": str})
    return None


def _chosen_outlets(sentences: pd.DataFrame, params: Mapping[str, Any]) -> pd.DataFrame:
    """The sentences of the outlets the run compared (all when none were chosen)."""
    outlets = params.get("outlets") or []
    if outlets and "outlet" in sentences.columns:
        sentences = sentences[sentences["outlet"].isin(list(outlets))].reset_index(drop=True)
    return sentences


def _sentiment_findings(tables: Path, params: Mapping[str, Any]) -> list[Finding]:
    from analysis.sentiment.tables import sentiment_findings

    group_col = str(params.get("group_by") or "outlet")
    by_group = _read(tables, f"sentiment_by_{group_col}.csv", "sentiment_by_outlet.csv")
    pairwise = _read(tables, "sentiment_pairwise.csv")
    actors = _read(tables, "actor_tone.csv")
    sentences = _read(tables, "sentences.csv")
    if by_group is None or pairwise is None or actors is None or sentences is None:
        return []
    sentences = _chosen_outlets(sentences, params)
    return sentiment_findings(
        by_group,
        pairwise,
        actors,
        sentences,
        group_col,
        method=str(params.get("method") or "vader"),
    )


def _framing_findings(tables: Path, params: Mapping[str, Any]) -> list[Finding]:
    from analysis.framing.tables import framing_findings

    group_col = str(params.get("group_by") or "outlet")
    frames = _read(tables, f"frames_by_{group_col}.csv", "frames_by_outlet.csv")
    others = [
        _read(tables, name)
        for name in (
            "keyness.csv",
            "sourcing.csv",
            "hedging.csv",
            "sentences.csv",
            "frame_evidence.csv",
        )
    ]
    if frames is None or any(frame is None for frame in others):
        return []
    keyness, sourcing, hedging, sentences, evidence = others
    sentences = _chosen_outlets(sentences, params)
    return framing_findings(
        frames,
        keyness,
        sourcing,
        hedging,
        sentences,
        evidence,
        group_col=group_col,
        top_terms=5,
        **{k: params[k] for k in ("n_boot", "seed") if isinstance(params.get(k), int)},
    )


# --------------------------------------------------------------------------- markdown


ImageSource = Callable[[FigureInfo], str]


def _figure_numbers(figures: Sequence[FigureInfo]) -> dict[str, int]:
    return {info.stem: i for i, info in enumerate(figures, start=1)}


def _findings_section(findings: Sequence[Finding], numbers: Mapping[str, int]) -> list[str]:
    lines = ["## Key findings", ""]
    if not findings:
        lines += ["No findings were produced: the analysis tables were not found.", ""]
        return lines
    order = list(SECTION_TITLES) + sorted({f.section for f in findings} - set(SECTION_TITLES))
    for section in order:
        part = [f for f in findings if f.section == section]
        if not part:
            continue
        lines += [f"### {SECTION_TITLES.get(section, escape_text(section.title()))}", ""]
        supported = [f for f in part if f.supported]
        unsupported = [f for f in part if not f.supported]
        for finding in supported:
            lines += _finding_lines(finding, numbers)
        if unsupported:
            lines += [
                "**No clear difference** (the 95% CI of the difference includes zero, or the "
                "adjusted test does not reject; these are not reported as differences):",
                "",
            ]
            for finding in unsupported:
                lines += _finding_lines(finding, numbers)
    return lines


def _finding_lines(finding: Finding, numbers: Mapping[str, int]) -> list[str]:
    refs = [f"[Figure {numbers[s]}](#figure-{numbers[s]})" for s in finding.figures if s in numbers]
    see = f" (see {', '.join(refs)})" if refs else ""
    lines = [f"- {escape_text(finding.text)}{see}"]
    for ev in finding.evidence[:MAX_EVIDENCE]:
        lines += [
            "",
            f"  > “{escape_text(ev.text)}” — {escape_text(ev.group)}, "
            f"`{escape_code(ev.doc_id)}` sentence {int(ev.sentence_id)}",
        ]
    lines.append("")
    return lines


def _figures_section(figures: Sequence[FigureInfo], image_src: ImageSource) -> list[str]:
    lines = ["## Figures", ""]
    if not figures:
        return [*lines, "No figures were found.", ""]
    for number, info in enumerate(figures, start=1):
        sources = [f"notebook `notebooks/{info.notebook}`"] if info.notebook else []
        sources += [f"table `reports/tables/{info.table}`"] if info.table else []
        source = f" *Source: {', '.join(sources)}.*" if sources else ""
        lines += [
            f'<a id="figure-{number}"></a>',
            "",
            f"![Figure {number}: {escape_text(info.stem)}]({image_src(info)})",
            "",
            f"**Figure {number}.** {escape_text(info.caption)}{source}",
            "",
        ]
    return lines


def _methods_section(facts: CorpusFacts, params: Mapping[str, Any]) -> list[str]:
    n_boot = params.get("n_boot", 2000)
    seed = params.get("seed", 0)
    n_terms = _count_news_terms()
    generic, issue = _count_frames(params.get("codebook") or None)
    return [
        "## Methods",
        "",
        f"- **Cleaning.** Each article file is decoded (broken encodings repaired), and lines "
        f"that are not article text — site navigation, sign-in prompts, comment sections, "
        f"related-news lists, author bios, CMS debris — are removed by rules that describe kinds "
        f"of boilerplate. {facts.n_cleaning_changes} lines were removed, changed or moved; each "
        f"is listed with its rule in `reports/tables/cleaning_audit.csv`. The clean text is split "
        f"into sentences with NLTK's Punkt algorithm and a fixed abbreviation list.",
        f"- **Sentiment.** Every sentence is scored with VADER (Hutto & Gilbert 2014), a "
        f"lexicon-and-rules scorer; the compound score runs from −1 to +1 and a sentence counts "
        f"as positive at ≥ 0.05 and negative at ≤ −0.05. The news variant (`vader-news`) "
        f"neutralises {n_terms} multi-word policy terms (e.g. “critical minerals”, “national "
        f"security”) whose words VADER reads as emotion; the list and the reason for each term "
        f"are in `analysis/data/vader_news_terms.csv`. Method used for the findings: "
        f"`{escape_text(params.get('method', 'vader'))}`.",
        f"- **Frames.** A codebook of {generic} generic frames (Semetko & Valkenburg 2000) and "
        f"{issue} issue-specific frames (mapped to Policy Frames Codebook dimensions, Boydstun "
        f"et al. 2014) marks a sentence as carrying a frame when it uses one of the frame's "
        f"indicator words or phrases (stem-aware, with exclusions). These are lexical proxies "
        f"for a human coder's judgement.",
        "- **Keyness.** Words a group uses more than the rest of the corpus are ranked by the "
        "weighted log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn "
        "2008), z-scored, on lower-cased words after stop-word removal; the prior (the corpus's "
        "own word distribution) keeps rare words from topping the lists.",
        f"- **Uncertainty.** Every estimate has a 95% percentile interval from a hierarchical "
        f"bootstrap with {n_boot} replicates (seed {seed}): documents are resampled within a "
        f"group when it has more than one, then sentences within each document. With one "
        f"document per group the interval describes that document only."
        + (
            f" Groups of {CLUSTER_ONLY_MIN_DOCS} or more articles resample whole articles only "
            f"(a cluster bootstrap)."
            if max((d for _, d, _ in facts.per_group), default=0) >= CLUSTER_ONLY_MIN_DOCS
            else ""
        ),
        "- **Tests.** Pairs of groups are compared by the difference in means with a bootstrap "
        "CI, Cliff's delta, and a permutation test whose p-values are Holm-corrected over all "
        f"pairs. The test shuffles whole articles between the two groups when both have at least "
        f"{MIN_PERM_DOCS} articles, and sentences otherwise (column `perm_unit` of "
        "`sentiment_pairwise.csv`). A difference is reported only when its CI excludes zero and "
        "the adjusted p-value is below 0.05.",
        "",
    ]


def _count_news_terms() -> int:
    path = DATA_DIR / "vader_news_terms.csv"
    return len(pd.read_csv(path)) if path.is_file() else 0


def _count_frames(codebook: str | None) -> tuple[int, int]:
    """(generic, issue-specific) frames in the codebook used (the bundled one by default)."""
    book = load_codebook(codebook or None)
    generic = sum(1 for frame in book.frames if frame.type == "generic")
    return generic, len(book.frames) - generic


def _limitations_section(facts: CorpusFacts) -> list[str]:
    counts = sorted({n for _, n, _ in facts.per_group})
    span = f"{counts[0]}" if len(counts) == 1 else f"{counts[0]} to {counts[-1]}"
    groups = len(facts.per_group)
    if counts[0] < SMALL_GROUP_DOCS:
        sample = (
            f"- **A very small sample.** The corpus holds {facts.n_docs} articles from {groups} "
            f"{facts.group_col}s, {span} per {facts.group_col}. Every result describes these "
            f"articles, not the {facts.group_col}s' coverage in general, and sentences of one "
            f"article are not independent observations."
        )
    else:
        sample = (
            f"- **The articles collected.** The corpus holds {facts.n_docs} articles from "
            f"{groups} {facts.group_col}s, {span} per {facts.group_col}. Results describe "
            f"these articles; they stand for the {facts.group_col}s' coverage only as far as the "
            f"collection is a fair sample of it. Sentences of one article are not independent, "
            f"so intervals and tests treat articles as the units."
        )
    lines = [
        "## Limitations",
        "",
        sample,
        "- **Lexicon methods.** Sentiment, frames, actors and hedging are counted from word "
        "lists. They miss irony, quotation of opponents, and meaning carried by context; a "
        "sentence's score says which words it uses, not what its author intends. Read the "
        "quoted evidence next to each number.",
    ]
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
        "sentences and none coded, a share up to about 3/n is still compatible with the data.",
        "- **Tests with one article per group.** When a group has fewer articles than the "
        "threshold above, the permutation test shuffles sentences, treating them as "
        "exchangeable; its p-value then describes these articles and is optimistic about "
        "outlets.",
        "",
    ]
    return lines


def _hash_sentence(facts: CorpusFacts) -> str:
    if facts.corpus_file:
        return (
            f"SHA-256 of the corpus file `{escape_code(facts.corpus_file)}` (its bytes, as "
            f"`sha256sum` prints it): `{facts.sha256}`."
        )
    return (
        f"SHA-256 of the {facts.n_files} files in the corpus folder (names and bytes, sorted by "
        f"name): `{facts.sha256}`."
    )


def _format_value(value: Any) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value) if value else "(all)"
    if value is None or value == "":
        return "(default)"
    return str(value)


def _reproducibility_section(
    facts: CorpusFacts, params: Mapping[str, Any], versions: Mapping[str, str]
) -> list[str]:
    lines = ["## Parameters, versions and corpus", "", "| parameter | value |", "|---|---|"]
    for name in sorted(params):
        lines.append(f"| `{name}` | {escape_text(_format_value(params[name]))} |")
    lines += ["", "| package | version |", "|---|---|"]
    lines += [f"| {name} | {escape_text(v)} |" for name, v in versions.items()]
    per_group = "; ".join(
        f"{escape_text(g)}: {d} article{'s' if d != 1 else ''}, {s} sentences"
        for g, d, s in facts.per_group
    )
    lines += [
        "",
        f"Corpus: {facts.n_docs} articles, {facts.n_sentences} sentences, {facts.n_words} words "
        f"after cleaning ({per_group}). {_hash_sentence(facts)}",
        "",
        "Regenerate with `python -m analysis run` (same corpus and parameters give the same "
        "tables, figures and text).",
        "",
    ]
    return lines


def summary_markdown(
    findings: Sequence[Finding],
    figures: Sequence[FigureInfo],
    facts: CorpusFacts,
    params: Mapping[str, Any],
    versions: Mapping[str, str],
    image_src: ImageSource,
) -> str:
    """The whole summary as Markdown; ``image_src`` gives each figure's link or data URI."""
    numbers = _figure_numbers(figures)
    groups = ", ".join(f"{escape_text(g)} ({d})" for g, d, _ in facts.per_group)
    lines = [
        "# Summary of results",
        "",
        f"How {len(facts.per_group)} {facts.group_col}s covered the story, from "
        f"{facts.n_docs} articles ({groups}) and {facts.n_sentences} sentences. This file is "
        "generated from the result tables in `reports/tables/` by `python -m analysis run`; "
        "do not edit it by hand. Each number comes with its 95% confidence interval (CI) and "
        "the number of articles and sentences it rests on; quoted sentences give the document "
        "id and the sentence number (counted from 0) in `reports/tables/sentences.csv`.",
        "",
    ]
    lines += _findings_section(findings, numbers)
    lines += _figures_section(figures, image_src)
    lines += _methods_section(facts, params)
    lines += _limitations_section(facts)
    lines += _reproducibility_section(facts, params, versions)
    return "\n".join(lines).rstrip("\n") + "\n"


def summary_html(markdown_text: str, title: str = "Summary of results") -> str:
    """A self-contained HTML page from the summary Markdown (inline CSS; images as data URIs)."""
    import markdown

    body = markdown.markdown(markdown_text, extensions=["tables"], output_format="html")
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f"{body}\n</body>\n</html>\n"
    )


def _data_uri(path: Path) -> str:
    return "data:image/png;base64," + base64.b64encode(path.read_bytes()).decode("ascii")


# --------------------------------------------------------------------------- gallery


def gallery_markdown(
    figures: Sequence[FigureInfo], figures_dir: Path | str, tables_dir: Path | str
) -> str:
    """``figures/README.md``: every figure with its caption, notebook and source table."""
    tables_rel = Path(os.path.relpath(tables_dir, figures_dir)).as_posix()
    lines = [
        "# Figures",
        "",
        "Every figure of the analysis, generated by `python -m analysis run` (do not edit by "
        "hand). Each is a 300 dpi PNG for documents and slides and an SVG for print; sizes "
        "follow a journal's single (3.5 in) or double (7 in) column. Colours are the Okabe–Ito "
        "palette, safe for colour-blind readers, and an outlet keeps its colour in every figure.",
        "",
        "| # | figure | source notebook | drawn from |",
        "|---|---|---|---|",
    ]
    for number, info in enumerate(figures, start=1):
        table = f"[`{info.table}`]({tables_rel}/{info.table})" if info.table else "—"
        notebook = f"`notebooks/{info.notebook}`" if info.notebook else "—"
        lines.append(f"| {number} | [{info.stem}](#{info.stem.lower()}) | {notebook} | {table} |")
    lines.append("")
    folder = Path(figures_dir)
    for number, info in enumerate(figures, start=1):
        files = [
            f"[{info.stem}{ext}]({info.stem}{ext})"
            for ext in (".png", ".svg")
            if (folder / f"{info.stem}{ext}").is_file()
        ]
        has_png = (folder / f"{info.stem}.png").is_file()
        preview = f"{info.stem}.png" if has_png else f"{info.stem}.svg"
        width = "single column (3.5 in)" if info.width == "single" else "double column (7 in)"
        lines += [
            f"## {info.stem}",
            "",
            f"![Figure {number}: {info.stem}]({preview})",
            "",
            f"**Figure {number}.** {escape_text(info.caption)}",
            "",
        ]
        if info.notebook:
            lines += [
                f"- Source notebook: `notebooks/{info.notebook}`",
                f"- Drawn from: {f'`reports/tables/{info.table}`' if info.table else '—'}",
                f"- Width: {width}",
            ]
        lines += [f"- Files: {', '.join(files)}", ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def write_gallery(figures_dir: Path | str, tables_dir: Path | str) -> Path:
    """Write ``figures/README.md`` listing every figure present in ``figures_dir``."""
    figures = existing_figures(figures_dir)
    return write_text(
        gallery_markdown(figures, figures_dir, tables_dir), Path(figures_dir) / GALLERY
    )


# --------------------------------------------------------------------------- entry point


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
) -> list[Path]:
    """Write ``summary.md``, ``summary.html`` and the figure gallery; return their paths.

    ``params`` are the run's parameters (``run_parameters`` from the runner, or the summary
    notebook's own); ``findings`` default to :func:`collect_findings` on ``tables_dir``.
    """
    tables, figs, reports = Path(tables_dir), Path(figures_dir), Path(reports_dir)
    shown = summary_parameters(params)
    group_col = str(shown.get("group_by") or "outlet")
    found = list(findings) if findings is not None else collect_findings(tables, shown)
    facts = corpus_facts(tables, corpus_dir, group_col)
    figures = existing_figures(figs)
    versions = package_versions()
    rel = Path(os.path.relpath(figs, reports)).as_posix()

    def link(info: FigureInfo) -> str:
        png = figs / f"{info.stem}.png"
        return f"{rel}/{info.stem}{'.png' if png.is_file() else '.svg'}"

    # The HTML embeds each PNG as a data URI. Markdown's inline patterns would scan those
    # hundreds of kilobytes of base64 several times, so a short placeholder goes through the
    # conversion and the data URI replaces it afterwards.
    embedded: dict[str, str] = {}

    def embed(info: FigureInfo) -> str:
        png = figs / f"{info.stem}.png"
        if not png.is_file():
            return link(info)
        placeholder = f"embedded-figure-{len(embedded)}.png"
        embedded[placeholder] = _data_uri(png)
        return placeholder

    md = summary_markdown(found, figures, facts, shown, versions, link)
    page = summary_html(summary_markdown(found, figures, facts, shown, versions, embed))
    for placeholder, uri in embedded.items():
        page = page.replace(f'src="{placeholder}"', f'src="{uri}"')
    return [
        write_text(md, reports / SUMMARY_MD),
        write_text(page, reports / SUMMARY_HTML),
        write_gallery(figs, tables),
    ]
