"""analysis.report.summary: the written summary, built from findings and tables made up here."""

from __future__ import annotations

import base64
import re
from pathlib import Path

import pandas as pd
import pytest

from analysis.figures import FigureInfo
from analysis.report import gallery, summary
from analysis.report.facts import corpus_sha256
from analysis.report.findings import Evidence, Finding
from analysis.sentiment import plots as sentiment_plots

PNG_BYTES = b"\x89PNG\r\n\x1a\nnot-a-real-image"
REGISTRY = {
    "fig01_size": FigureInfo(
        "fig01_size", "Articles per outlet.", "01_corpus.ipynb", "documents.csv"
    ),
    "fig02_tone": FigureInfo(
        "fig02_tone", "Mean sentence tone with 95% CIs.", "02_sentiment.ipynb", "tone.csv"
    ),
    "fig09_never_drawn": FigureInfo("fig09_never_drawn", "Missing.", "03_framing.ipynb", "x.csv"),
}


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    tables = tmp_path / "out" / "reports" / "tables"
    figures = tmp_path / "out" / "figures"
    reports = tmp_path / "out" / "reports"
    corpus = tmp_path / "corpus"
    for folder in (tables, figures, corpus):
        folder.mkdir(parents=True)
    pd.DataFrame(
        {
            "doc_id": ["gaz-01", "gaz-02", "post-01"],
            "outlet": ["<b>X</b>", "<b>X</b>", "Harbour Post"],
            "n_sentences": [10, 6, 8],
            "n_words": [200, 120, 150],
        }
    ).to_csv(tables / "documents.csv", index=False)
    pd.DataFrame({"doc_id": ["gaz-01", "post-01"], "rule": ["nav", "bio"]}).to_csv(
        tables / "cleaning_audit.csv", index=False
    )
    (corpus / "a.txt").write_text("Headline\nText.\n", encoding="utf-8")
    (corpus / "manifest.csv").write_text(
        "doc_id,file,outlet,notes\n"
        "gaz-01,a.txt,<b>X</b>,\n"
        "gaz-02,b.txt,<b>X</b>,Short piece.\n"
        'post-01,c.txt,Harbour Post,"English text, translated from a Norwegian original."\n',
        encoding="utf-8",
    )
    (figures / "fig01_size.png").write_bytes(PNG_BYTES)
    (figures / "fig01_size.svg").write_text("<svg/>", encoding="utf-8")
    (figures / "fig02_tone.png").write_bytes(PNG_BYTES)
    (figures / "fig03_unregistered.svg").write_text("<svg/>", encoding="utf-8")
    monkeypatch.setattr(gallery, "registered_figures", lambda *a, **k: dict(REGISTRY))
    return {"tables": tables, "figures": figures, "reports": reports, "corpus": corpus}


def make_findings() -> list[Finding]:
    return [
        Finding(
            key="tone_level_X",
            section="tone",
            text="In these 2 articles from <b>X</b> (16 sentences), the mean tone was +0.12 "
            "(95% CI +0.02 to +0.22).",
            evidence=(
                Evidence("gaz-01", 3, "<b>X</b>", "Officials cheered. <script>alert(1)</script>"),
                Evidence("gaz-02", 0, "<b>X</b>", "See [here](javascript:alert(2)) for\nmore."),
                Evidence("gaz-01", 5, "<b>X</b>", "A third, calm sentence."),
                Evidence("gaz-02", 4, "<b>X</b>", "A fourth sentence that is left out."),
            ),
            figures=("fig02_tone",),
        ),
        Finding(
            key="tone_pair",
            section="tone",
            text="No clear difference in tone between <b>X</b> and Harbour Post (difference "
            "+0.05, 95% CI −0.10 to +0.20).",
            supported=False,
        ),
        Finding(
            key="frame_conflict",
            section="frames",
            text="Harbour Post used the conflict frame in 40% of sentences (95% CI 20% to 60%).",
            evidence=(Evidence("post-01", 2, "Harbour Post", "The dispute deepened & spread."),),
            figures=("fig09_never_drawn",),
        ),
    ]


PARAMS = {
    "run_parameters": {"group_by": "outlet", "method": "vader", "seed": 7, "n_boot": 300},
    "tables_dir": "/somewhere/tables",
}


def opening_of(md: str) -> str:
    """The summary's first paragraph of text (after its title and table of contents)."""
    return next(line for line in md.split("\n") if line.startswith("How "))


def write(workspace: dict[str, Path], findings: list[Finding] | None = None) -> list[Path]:
    return summary.write_summary(
        workspace["tables"],
        workspace["figures"],
        workspace["reports"],
        PARAMS,
        workspace["corpus"],
        findings=make_findings() if findings is None else findings,
    )


def summary_of_documents(workspace, rows: list[dict]) -> tuple[str, str]:
    """The limitations section and the whole summary of a run whose documents.csv is ``rows``
    (and no findings)."""
    pd.DataFrame(rows).to_csv(workspace["tables"] / "documents.csv", index=False)
    md = write(workspace, findings=[])[0].read_text(encoding="utf-8")
    return md.split("## Limitations")[1].split("## Parameters")[0], md


def test_corpus_markup_never_becomes_a_tag_or_link_in_the_html(workspace):
    _, html_path, _ = write(workspace)
    page = html_path.read_text(encoding="utf-8")
    assert "<script" not in page.lower()
    assert "<b>" not in page
    assert 'href="javascript' not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;b&gt;X&lt;/b&gt;" in page
    assert "deepened &amp; spread" in page


def test_flagged_documents_names_and_outlets_never_become_tags_links_or_emphasis(workspace):
    """The document-quality list named each flagged document's id and outlet as given: an
    outlet named "<img src=x onerror=alert(1)>" ran its script when summary.html was opened."""
    rows = [
        {"doc_id": "<script>s</script>", "outlet": "<img src=x onerror=alert(1)>",
         "n_sentences": 5, "n_words": 90, "quality_flags": "short", "duplicate_of": ""},
        {"doc_id": "a`b", "outlet": "_it_ [c](javascript:x)", "n_sentences": 5,
         "n_words": 90, "quality_flags": "duplicate", "duplicate_of": "<b>d</b>"},
        {"doc_id": "<b>d</b>", "outlet": "Harbour Post", "n_sentences": 5, "n_words": 90,
         "quality_flags": "", "duplicate_of": ""},
    ]  # fmt: skip
    _, md = summary_of_documents(workspace, rows)
    assert "- `<script>s</script>` (&lt;img src=x onerror=alert(1)&gt;): short" in md
    assert "- `a'b` (\\_it\\_ \\[c\\](javascript:x)): duplicate (copy of `<b>d</b>`)" in md
    page = (workspace["reports"] / "summary.html").read_text(encoding="utf-8")
    assert "<script" not in page.lower() and "<img src=x" not in page and "<b>" not in page
    assert 'href="javascript' not in page and "<em>it</em>" not in page
    assert (
        "<code>&lt;script&gt;s&lt;/script&gt;</code> (&lt;img src=x onerror=alert(1)&gt;)" in page
    )


def test_summary_reports_supported_findings_with_evidence_and_separates_no_difference(workspace):
    md_path, _, _ = write(workspace)
    md = md_path.read_text(encoding="utf-8")
    key_findings = md.split("## Key findings")[1].split("## Figures")[0]
    supported_part, no_difference = key_findings.split("**No clear difference**")
    assert "mean tone was +0.12" in supported_part
    assert "No clear difference in tone" in no_difference
    assert "`gaz-01` sentence 3" in supported_part
    assert "A third, calm sentence." in supported_part
    assert "left out" not in md  # at most three evidence sentences per finding
    assert "See \\[here\\](javascript:alert(2)) for more." in md  # one line
    assert "[Figure 2](#figure-2)" in supported_part  # fig02_tone is the second figure
    assert "### Frames" in md and "### Tone" in md
    assert md.index("### Tone") < md.index("### Frames")


def test_figures_are_linked_in_markdown_and_embedded_in_html(workspace):
    md_path, html_path, _ = write(workspace)
    md = md_path.read_text(encoding="utf-8")
    assert "![Figure 1: fig01_size](../figures/fig01_size.png)" in md
    # a figure of one's own in the folder is the gallery's to list, not the summary's to cite
    assert "fig03_unregistered" not in md
    gallery_md = (workspace["figures"] / "README.md").read_text(encoding="utf-8")
    assert "fig03_unregistered" in gallery_md
    assert "Mean sentence tone with 95% CIs." in md
    assert "fig09" not in md  # registered but never drawn
    page = html_path.read_text(encoding="utf-8")
    assert page.count("data:image/png;base64,") == 2
    embedded = base64.b64encode(PNG_BYTES).decode("ascii")
    assert page.count(f'src="data:image/png;base64,{embedded}"') == 2
    assert "embedded-figure" not in page  # no placeholder left behind
    assert "../figures/fig01_size.png" not in page


def test_methods_limitations_and_reproducibility_numbers_are_computed(workspace):
    md_path, _, _ = write(workspace)
    md = md_path.read_text(encoding="utf-8")
    assert "holds 3 articles from 2 outlets, 1 to 2 per outlet" in md
    assert "2 lines were removed, changed or moved" in md
    assert "300 replicates (seed 7)" in md
    assert "`post-01` (Harbour Post)" in md.split("## Limitations")[1]
    assert "translation" in md.split("## Limitations")[1]
    assert "| `n_boot` | 300 |" in md
    assert "tables_dir" not in md  # paths differ per machine and are left out
    assert corpus_sha256(workspace["corpus"]) in md
    assert "| pandas | " in md and "| python | " in md
    assert "24 sentences" in md
    # the intervals named as they are: a fact-checker found the articles' Wilson intervals
    # of a figure under "every estimate has a ... hierarchical bootstrap"
    uncertainty = next(line for line in md.splitlines() if line.startswith("- **Uncertainty.**"))
    assert "Every estimate over sentences" in uncertainty and "Wilson score" in uncertainty


def test_methods_name_every_cleaning_method_with_its_limit(workspace):
    methods = write(workspace)[0].read_text(encoding="utf-8").split("## Methods")[1]
    cleaning = next(line for line in methods.splitlines() if line.startswith("- **Cleaning.**"))
    assert "line classifier" in cleaning and "Kohlschütter" in cleaning
    assert "recur across articles" in cleaning and "neither catches every" in cleaning


def test_methods_name_terms_of_the_news_term_list_the_run_used(workspace):
    methods = write(workspace)[0].read_text(encoding="utf-8").split("## Methods")[1]
    default = pd.read_csv(summary.DATA_DIR / "vader_news_terms.csv")["term"].tolist()
    assert f"neutralises {len(default)} multi-word policy terms" in methods
    assert f"(e.g. “{default[0]}”, “{default[1]}”)" in methods
    assert "critical mineral" not in methods  # the bundled story's term, not in this list
    (workspace["corpus"] / "terms.csv").write_text(
        "term,note\ngrain corridor,A route.\nharbour fees,A charge.\nsea lanes,Routes.\n",
        encoding="utf-8",
    )
    (workspace["corpus"] / "analysis.toml").write_text(
        '[lexicons]\nnews_terms = "terms.csv"\n', encoding="utf-8"
    )
    methods = write(workspace)[0].read_text(encoding="utf-8").split("## Methods")[1]
    assert "3 multi-word policy terms (e.g. “grain corridor”, “harbour fees”)" in methods


def test_methods_describe_every_measure_the_findings_report(workspace):
    methods = write(workspace)[0].read_text(encoding="utf-8").split("## Methods")[1]
    methods = methods.split("## Limitations")[0]
    heads = re.findall(r"^- \*\*([^*]+)\.\*\*", methods, flags=re.MULTILINE)
    assert heads[:7] == [
        "Cleaning",
        "Sentiment",
        "Actors",
        "Frames",
        "Keyness",
        "Sourcing",
        "Hedging and certainty",
    ]
    # the package's codebook has no issue frames: none are announced
    frames = next(line for line in methods.splitlines() if line.startswith("- **Frames.**"))
    assert "5 generic frames (Semetko & Valkenburg 2000) marks" in frames
    assert "issue-specific" not in frames


def test_summary_is_deterministic_and_free_of_machine_paths(workspace, tmp_path):
    md_path, html_path, gallery = write(workspace)
    first = (md_path.read_bytes(), html_path.read_bytes(), gallery.read_bytes())
    write(workspace)
    assert (md_path.read_bytes(), html_path.read_bytes(), gallery.read_bytes()) == first
    assert str(tmp_path) not in first[0].decode("utf-8")


def test_corpus_hash_changes_with_the_corpus(workspace):
    md_before = write(workspace)[0].read_text(encoding="utf-8")
    (workspace["corpus"] / "a.txt").write_text("Headline\nText, edited.\n", encoding="utf-8")
    md_after = write(workspace)[0].read_text(encoding="utf-8")
    hashes = [
        re.search(r"on their own below\): `([0-9a-f]{64})`", m).group(1)
        for m in (md_before, md_after)
    ]
    assert hashes[0] != hashes[1]
    # the recipe the summary spells out gives the hash (a tester's four plain recipes missed)
    import hashlib

    digest = hashlib.sha256()
    for item in sorted(workspace["corpus"].iterdir()):
        if item.is_file() and not item.name.startswith(".") and item.name != "analysis.toml":
            digest.update(item.name.encode("utf-8") + b"\0" + item.read_bytes() + b"\0")
    assert hashes[1] == digest.hexdigest()
    assert "over each file's name, a NUL byte, its bytes and a NUL byte" in md_after


def test_no_findings_is_said_plainly(workspace):
    md = write(workspace, findings=[])[0].read_text(encoding="utf-8")
    assert "No findings were produced" in md


@pytest.mark.parametrize("by_run", [True, False])
def test_the_summary_names_what_wrote_it_the_runner_or_notebook_04_on_its_own(workspace, by_run):
    md = summary.write_summary(
        workspace["tables"],
        workspace["figures"],
        workspace["reports"],
        PARAMS,
        workspace["corpus"],
        findings=[],
        by_run=by_run,
    )[0].read_text(encoding="utf-8")
    opening = md.split("This file is generated")[1].split("; do not edit")[0]
    regenerate = next(line for line in md.split("\n") if line.startswith("Regenerate"))
    if by_run:
        assert opening.endswith("by `python -m analysis run`")
        assert regenerate.startswith("Regenerate with `python -m analysis run --corpus corpus")
        # the command names the corpus without its folders: the reader is told so (two testers
        # ran it as printed from elsewhere)
        assert "`corpus` being the path of the corpus from where you run it" in regenerate
    else:
        assert "notebook 04 (`04_summary.ipynb`) run on its own" in opening
        assert "running notebooks 01–04 again" in regenerate


def test_summary_parameters_drop_paths_and_prefer_the_runs_parameters():
    shown = summary.summary_parameters({"seed": 1, "corpus_dir": "/x", "run_parameters": {}})
    assert shown == {"seed": 1}
    assert summary.summary_parameters(PARAMS) == PARAMS["run_parameters"]


def summary_of_outlets(workspace: dict[str, Path], outlets: list[str]) -> str:
    """The summary (no findings) of a run that chose ``outlets``."""
    params = {"run_parameters": {**PARAMS["run_parameters"], "outlets": outlets}}
    return summary.write_summary(
        workspace["tables"],
        workspace["figures"],
        workspace["reports"],
        params,
        workspace["corpus"],
        findings=[],
    )[0].read_text(encoding="utf-8")


def test_a_parameter_list_shows_a_name_with_a_comma_in_quotes(workspace):
    write_documents(workspace["tables"], ["Smith, Jones & Co", "Harbour Post"], [2, 2])
    md = summary_of_outlets(workspace, ["Smith, Jones & Co", "Harbour Post"])
    row = next(line for line in md.splitlines() if line.startswith("| `outlets` |"))
    assert '"Smith, Jones & Co", Harbour Post' in row  # two outlets, not three


def write_documents(tables: Path, outlets: list[str], n_docs: list[int]) -> None:
    rows = [
        {"doc_id": f"{o}-{k}", "outlet": o, "origin": "North", "n_sentences": 5, "n_words": 90}
        for o, n in zip(outlets, n_docs, strict=True)
        for k in range(n)
    ]
    pd.DataFrame(rows).to_csv(tables / "documents.csv", index=False)


def test_with_one_group_the_summary_says_no_comparison_is_possible(workspace):
    md = write(workspace, findings=[])[0].read_text(encoding="utf-8")
    assert "no comparison" not in md
    md = summary_of_outlets(workspace, ["Harbour Post"])
    assert opening_of(md).startswith("How one outlet covered the story, from 1 article")
    assert "no comparison between outlets is possible" in md
    assert "<b>X</b>" not in md.split("## Parameters")[0]  # not selected, not described


def test_many_groups_are_listed_largest_first_and_cut_with_and_n_more(workspace):
    names = [f"Outlet {k:02d}" for k in range(12)]
    write_documents(workspace["tables"], names, [1] * 10 + [3, 2])
    md = write(workspace, findings=[])[0].read_text(encoding="utf-8")
    opening = opening_of(md)
    assert opening.startswith("How 12 outlets covered the story, from 15 articles (Outlet 10 (3)")
    assert "Outlet 11 (2), Outlet 00 (1)" in opening
    listed = opening.split(" sentences.")[0]  # the list of groups, before the pooled ones
    assert "and 5 more)" in listed and "Outlet 09" not in listed
    corpus_line = md.split("## Parameters")[1]
    assert "and 5 more outlets" in corpus_line and "Outlet 09" not in corpus_line


@pytest.mark.parametrize(
    ("n_docs", "heading"),
    [
        ([1, 2], "A very small sample"),
        ([40, 1], "Small groups"),
        ([20, 15], "The articles collected"),
    ],
)
def test_the_sample_limitation_follows_the_actual_counts(workspace, n_docs, heading):
    write_documents(workspace["tables"], ["A", "B"], n_docs)
    md = write(workspace, findings=[])[0].read_text(encoding="utf-8")
    limitations = md.split("## Limitations")[1]
    assert f"**{heading}" in limitations
    assert "very small" not in limitations.lower() or heading == "A very small sample"
    if heading == "Small groups":  # the small group named, and the verb agreeing
        assert "1 of the 2 outlets has fewer than 10 articles (B (1 article));" in limitations


@pytest.mark.parametrize(
    ("n_docs", "said"), [([1, 2], True), ([4, 4], True), ([40, 3], False), ([5, 5], False)]
)
def test_the_few_articles_limitation_only_when_a_pair_is_too_few_to_shuffle(
    workspace, n_docs, said
):
    from analysis.stats.comparisons import shuffles_documents

    write_documents(workspace["tables"], ["A", "B"], n_docs)
    limitations = write(workspace, findings=[])[0].read_text(encoding="utf-8")
    limitations = limitations.split("## Limitations")[1]
    assert (
        "**Tests with few articles per group.** For every pair of groups" in limitations
    ) is said
    assert said == (not shuffles_documents(*n_docs))


def test_cleaning_counts_removed_changed_and_moved_apart(workspace):
    pd.DataFrame(
        {
            "doc_id": ["gaz-01", "gaz-01", "post-01", "post-01"],
            "rule": ["nav", "quote", "title", "bio"],
            "action": ["removed", "changed", "moved_to_metadata", "removed"],
        }
    ).to_csv(workspace["tables"] / "cleaning_audit.csv", index=False)
    md = write(workspace)[0].read_text(encoding="utf-8")
    cleaning = (
        "Of the 4 lines touched by cleaning, 2 removed, 1 changed and 1 moved to the metadata"
    )
    assert cleaning in md


def test_summary_opens_on_contents_and_places_each_figure_under_its_findings(workspace):
    md_path, html_path, _ = write(workspace)
    md = md_path.read_text(encoding="utf-8")
    lines = md.split("\n")
    assert lines[0] == "# Summary of results" and lines[2] == "**Contents**"
    contents = lines[4 : lines.index("", 4)]
    assert contents[0] == "- [Key findings](#section-key-findings)"
    assert "    - [Tone](#section-tone)" in contents
    assert "- [Other figures](#section-other-figures)" in contents
    assert "- [Limitations](#section-limitations)" in contents
    for entry in contents:  # every link has its anchor, just above its heading
        anchor = entry.split("(#")[1].rstrip(")")
        at = lines.index(f'<a id="{anchor}"></a>')
        assert lines[at + 2].lstrip("#").strip() == entry.split("[")[1].split("]")[0]
    # fig02 (referred to by a tone finding) sits in the Tone section, before Frames
    tone = md.split("### Tone")[1].split("### Frames")[0]
    assert "![Figure 2: fig02_tone]" in tone and "**Figure 2.**" in tone
    # a figure no finding refers to is under "Other figures"
    other = md.split("## Other figures")[1].split("## Methods")[0]
    assert "![Figure 1: fig01_size]" in other and "fig02_tone" not in other
    page = html_path.read_text(encoding="utf-8")
    body = page.split("<body>")[1]
    assert body.index("Contents") < body.index("How ") < body.index('id="figure-2"')
    assert '<a href="#section-tone">Tone</a>' in page and '<a id="section-tone"></a>' in page


def _agreement(path: Path) -> Path:
    rows = [
        {"method": "codebook", "frame": "conflict", "n": 40, "f1": 0.61, "f1_ci_low": 0.42,
         "f1_ci_high": 0.77, "tp": 9, "fp": 5, "fn": 6, "tn": 20},
        {"method": "model", "frame": "conflict", "n": 40, "f1": 0.7, "f1_ci_low": 0.5,
         "f1_ci_high": 0.85, "tp": 12, "fp": 4, "fn": 3, "tn": 21},
    ]  # fmt: skip
    pd.DataFrame(rows).to_csv(path, index=False)
    return path


def test_without_validation_the_limitations_say_how_to_validate(workspace):
    md = write(workspace)[0].read_text(encoding="utf-8")
    limitations = md.split("## Limitations")[1].split("\n## ")[0]
    assert "**Not validated on this corpus.**" in limitations
    assert "python -m analysis code-sample" in limitations
    assert "-p validation reports/validation/agreement.csv" in limitations
    assert "How far to trust the frame and tone coders" not in md


def test_with_validation_f1_and_corrected_shares_follow_the_findings(workspace, tmp_path):
    agreement = _agreement(tmp_path / "agreement.csv")
    pd.DataFrame(
        [{"outlet": "Harbour Post", "frame": "conflict", "raw_share": 0.4, "raw_ci_low": 0.2,
          "raw_ci_high": 0.6, "corrected_share": 0.35, "corrected_ci_low": 0.1,
          "corrected_ci_high": 0.62, "sensitivity": 0.6, "specificity": 0.8,
          "n_validation": 40, "n_docs": 1, "n_sentences": 8},
         # a raw share the coder's sensitivity cannot give: clipped to 100% (95% CI 100-100%)
         {"outlet": "Valley Times", "frame": "conflict", "raw_share": 0.51, "raw_ci_low": 0.31,
          "raw_ci_high": 0.65, "corrected_share": 1.0, "corrected_ci_low": 1.0,
          "corrected_ci_high": 1.0, "sensitivity": 0.19, "specificity": 0.98,
          "n_validation": 100, "n_docs": 2, "n_sentences": 90},
         # a tester's "corrected 0% (95% CI 0–0%)": a raw share below the false-positive rate,
         # and none flagged by a coder that misses most frames
         {"outlet": "NBC News", "frame": "conflict", "raw_share": 0.03, "raw_ci_low": 0.01,
          "raw_ci_high": 0.06, "corrected_share": 0.0, "corrected_ci_low": 0.0,
          "corrected_ci_high": 0.0, "sensitivity": 0.6, "specificity": 0.92,
          "n_validation": 100, "n_docs": 3, "n_sentences": 120},
         {"outlet": "CBS News", "frame": "conflict", "raw_share": 0.03, "raw_ci_low": 0.01,
          "raw_ci_high": 0.06, "corrected_share": 0.0, "corrected_ci_low": 0.0,
          "corrected_ci_high": 0.18, "sensitivity": 0.6, "specificity": 0.92,
          "n_validation": 100, "n_docs": 3, "n_sentences": 120},
         {"outlet": "TheBlaze", "frame": "conflict", "raw_share": 0.0, "raw_ci_low": 0.0,
          "raw_ci_high": 0.0, "corrected_share": 0.0, "corrected_ci_low": 0.0,
          "corrected_ci_high": 0.0, "sensitivity": 0.12, "specificity": 1.0,
          "n_validation": 100, "n_docs": 4, "n_sentences": 143}]
    ).to_csv(workspace["tables"] / summary.CORRECTED_TABLE, index=False)  # fmt: skip
    params = {"run_parameters": {**PARAMS["run_parameters"], "validation": str(agreement)}}
    md = summary.write_summary(
        workspace["tables"], workspace["figures"], workspace["reports"], params,
        workspace["corpus"], findings=make_findings(),
    )[0].read_text(encoding="utf-8")  # fmt: skip
    section = md.split("### How far to trust the frame and tone coders")[1].split("\n## ")[0]
    assert md.index("## Key findings") < md.index("### How far to trust") < md.index("## Methods")
    assert "- Conflict (the codebook): F1 0.61 (95% CI 0.42–0.77; n = 40" in section
    assert "- Not validated (no row in the agreement table): Economic consequences (the " in section
    assert "Morality (the codebook)." in section
    assert (
        "Conflict, Harbour Post: raw 40% (95% CI 20–60%), corrected 35% (95% CI 10–62%)" in section
    )
    assert (
        "Conflict, Valley Times: raw 51% (95% CI 31–65%), cannot be corrected (the correction "
        "gives 288%: the raw share is above what" in section
    )
    assert "corrected 100%" not in section
    assert (
        "Conflict, NBC News: raw 3% (95% CI 1–6%), corrected: about 0%, compatible with none (the "
        "correction gives -10%: the raw share is below the coder's false-positive rate on the "
        "sample, 8%, which the correction takes for false alarms)" in section
    )
    assert (  # its interval, when the table's reaches above 0 (a tester's 0–18% was dropped)
        "Conflict, CBS News: raw 3% (95% CI 1–6%), corrected: about 0%, compatible with none"
        in section
        and "false alarms; its 95% CI reaches 18%)" in section
    )
    assert "errs at the same rates in every outlet as on the validation sample" in section
    assert (
        "Conflict, TheBlaze: raw 0% (none flagged; up to about 2% is compatible with that), "
        "corrected: up to about 17%" in section
    )
    assert "0–0%" not in section
    assert "Not validated on this corpus" not in md


def test_an_agreement_measured_with_other_indicators_is_not_quoted(workspace, tmp_path):
    """A tester added "school" to a frame after validating it: the summary still quoted the old
    F1 and corrected the new indicators' share with it. The table records what it measured."""
    from analysis.framing.codebook import load_codebook
    from analysis.validation.agreement import run_coder_versions

    params = {"run_parameters": {**PARAMS["run_parameters"], "validation": ""}}
    version = run_coder_versions(load_codebook(None))[("codebook", "conflict")]
    for recorded, quoted in ((version, True), ("0123456789ab", False)):
        path = _agreement(tmp_path / "agreement.csv")
        table = pd.read_csv(path).assign(coder_version=[recorded, ""])
        table.to_csv(path, index=False)
        params["run_parameters"]["validation"] = str(path)
        md = summary.write_summary(
            workspace["tables"], workspace["figures"], workspace["reports"], params,
            workspace["corpus"], findings=make_findings(),
        )[0].read_text(encoding="utf-8")  # fmt: skip
        section = md.split("### How far to trust the frame and tone coders")[1].split("\n## ")[0]
        assert ("F1 0.61" in section) is quoted
        assert ("Not validated any more: Conflict (the codebook)" in section) is not quoted
        assert ("**Not validated on this corpus.**" in md) is not quoted


def test_no_corrected_shares_are_announced_when_no_coder_was_validated(workspace, tmp_path):
    """An agreement table for the codebook while the run's frames came from a trained model:
    the framing notebook writes frames_corrected.csv with no rows, and the summary must not
    introduce a list that is not there."""
    agreement = _agreement(tmp_path / "agreement.csv")
    columns = ["outlet", "frame", "raw_share", "corrected_share", "n_validation"]
    pd.DataFrame(columns=columns).to_csv(workspace["tables"] / summary.CORRECTED_TABLE, index=False)
    params = {"run_parameters": {**PARAMS["run_parameters"], "validation": str(agreement)}}
    md = summary.write_summary(
        workspace["tables"], workspace["figures"], workspace["reports"], params,
        workspace["corpus"], findings=make_findings(),
    )[0].read_text(encoding="utf-8")  # fmt: skip
    assert "### How far to trust the frame and tone coders" in md
    assert "raw and corrected for the coder's measured misclassification" not in md


def test_frames_from_a_trained_model_are_named(workspace, tmp_path):
    from test_validation_model import training_set

    from analysis.validation.model import train_frame_model

    texts, labels, _ = training_set()
    model = train_frame_model(texts, labels.rename(columns={"war": "conflict"}), folds=3, seed=1)
    model.save(tmp_path / "model")
    params = {"frame_coder": str(tmp_path / "model"), "validation": ""}
    head, limits = summary.validation_lines(workspace["tables"], params, workspace["corpus"])
    text = "\n".join(head)
    assert "Frames coded by the trained model (`-p frame_coder`): Conflict;" in text
    assert "by the codebook's indicators: Economic consequences, Responsibility" in text
    assert limits == [summary.not_validated(workspace["corpus"])]
    agreement = _agreement(tmp_path / "agreement.csv")
    head, _ = summary.validation_lines(
        workspace["tables"], {**params, "validation": str(agreement)}, workspace["corpus"]
    )
    assert any(line.startswith("- Conflict (the trained model): F1 0.70") for line in head)
    assert "were among the model's training items" not in text


def test_sentences_the_model_was_trained_on_are_counted(workspace, tmp_path):
    # a tester's run coded 199 of its 902 sentences with the model trained on them, unsaid
    from test_validation_model import training_set

    from analysis.validation.model import train_frame_model

    texts, labels, _ = training_set()
    model = train_frame_model(texts, labels.rename(columns={"war": "conflict"}), folds=3, seed=1)
    model.save(tmp_path / "model")
    sentences = pd.DataFrame({"sentence": [*texts[:3], "A sentence it never saw."]})
    sentences.to_csv(workspace["tables"] / "sentences.csv", index=False)
    params = {"frame_coder": str(tmp_path / "model"), "validation": ""}
    head, _ = summary.validation_lines(workspace["tables"], params, workspace["corpus"])
    assert (
        f" 3 of the run's {len(sentences)} sentences were among the model's training items: it "
        "codes them close to how its coders did (in-sample)"
    ) in "\n".join(head)


def test_the_frame_findings_say_which_coder_made_them_and_that_they_are_raw(workspace, tmp_path):
    # a tester's key findings quoted a model's shares (precision 0.32) as the codebook's
    from test_validation_model import training_set

    from analysis.validation.model import train_frame_model

    texts, labels, _ = training_set()
    model = train_frame_model(texts, labels.rename(columns={"war": "conflict"}), folds=3, seed=1)
    model.save(tmp_path / "model")

    def frames_part(run_parameters: dict) -> str:
        params = {"run_parameters": {**PARAMS["run_parameters"], **run_parameters}}
        md = summary.write_summary(
            workspace["tables"], workspace["figures"], workspace["reports"], params,
            workspace["corpus"], findings=make_findings(),
        )[0].read_text(encoding="utf-8")  # fmt: skip
        return md.split("### Frames")[1].split("\n### ")[0], md

    plain, md = frames_part({})
    assert "raw shares, not checked against human coding of these articles" in plain
    assert "trained model" not in plain and "were coded by that model" not in md
    with_model, md = frames_part({"frame_coder": str(tmp_path / "model")})
    assert "The shares of Conflict are the trained model's codes (`-p frame_coder`)" in with_model
    assert "were coded by that model instead" in md.split("## Methods")[1]
    validated, _ = frames_part({"validation": str(_agreement(tmp_path / "agreement.csv"))})
    assert "corrected for its errors, which can change their order" in validated


def test_groups_pooled_as_other_are_named_and_their_quotes_keep_their_group(workspace):
    """With more groups than colours, the opening says which groups "Other" pools (a mix, not
    one group) and how to compare them; a quote from "Other" names its own outlet; with as
    many groups as colours, nothing is pooled and nothing is said."""
    names = [f"Outlet {k:02d}" for k in range(10)]
    write_documents(workspace["tables"], names, [5, 5, 4, 4, 4, 4, 4, 2, 2, 1])
    quote = Evidence("Outlet 08-1", 3, "Other (pooled)", "A pooled sentence.")
    other = Finding("tone_level_other", "tone", "Other's tone was -0.1.", (quote,))
    md = write(workspace, findings=[other])[0].read_text(encoding="utf-8")
    opening = opening_of(md)
    assert (
        "show the 7 largest outlets apart and pool the other 3 as “Other (pooled)” (5 articles: "
        in (opening)
    )
    assert "Outlet 07 (2), Outlet 08 (2), Outlet 09 (1))" in opening
    assert "keep at most 8 outlets with `--outlets`" in opening
    assert "— Outlet 08 (pooled), `Outlet 08-1` sentence 3" in md
    captions = [line for line in md.split("\n") if line.startswith("**Figure ")]
    pooled = "“Other (pooled)” is not one outlet: it pools the 3 outlets"
    assert captions and all(pooled in c for c in captions)
    write_documents(workspace["tables"], names[:8], [5, 5, 4, 4, 4, 4, 4, 2])
    md = write(workspace, findings=[other])[0].read_text(encoding="utf-8")
    assert "pool the other" not in opening_of(md) and "it pools the" not in md
    assert (
        "— Other (pooled), `Outlet 08-1` sentence 3" in md
    )  # a group really named so keeps its name


def test_articles_given_as_english_but_read_as_another_language_are_a_limitation(workspace):
    from analysis.corpus.language import CONTRADICTED

    notes = [CONTRADICTED.format(given="ENGLISH", guess="pt"), "", "title: from the HTML", ""]
    rows = [
        {"doc_id": f"d{k}", "outlet": "AB"[k % 2], "origin": "North", "n_sentences": 5,
         "n_words": 90, "language": "ENGLISH", "metadata_note": note}
        for k, note in enumerate(notes)
    ]  # fmt: skip
    limitations, _ = summary_of_documents(workspace, rows)
    assert "**Given as English, read as another language.** 1 of 4 articles (`d0`)" in limitations
    # counted as not in English by its text, though not flagged: the lexicons cannot read it
    assert "**Not in English.** 1 of 4 articles are not in English (`pt` 1;" in limitations
    rows[0]["metadata_note"] = ""
    limitations, _ = summary_of_documents(workspace, rows)
    assert "Given as English" not in limitations


def test_the_opening_says_when_the_articles_are_one_sentence_each(workspace):
    """A tester's 3,868 headlines were "these 485 articles from Bayview Herald (485
    sentences)", and nothing said each score rested on one headline's words."""
    rows = [
        {"doc_id": f"d{k}", "outlet": "AB"[k % 2], "origin": "North", "n_sentences": 1,
         "n_words": 12, "language": "en"}
        for k in range(4)
    ]  # fmt: skip
    _, md = summary_of_documents(workspace, rows)
    assert "Every article is one sentence: headlines or short posts" in opening_of(md)
    rows[0]["n_sentences"] = 30
    _, md = summary_of_documents(workspace, rows)
    assert "3 of the 4 articles (75%) are one sentence: headlines" in opening_of(md)
    rows[1]["n_sentences"] = 30
    _, md = summary_of_documents(workspace, rows)
    assert "one sentence" not in opening_of(md)  # half: not most


def test_no_tone_arc_is_drawn_or_shown_for_articles_of_fewer_than_three_sentences(
    workspace, monkeypatch
):
    """A tester's headlines drew a tone arc of twelve panels "(1 sent.)", one bar each: the
    figure is not drawn, and the summary and the gallery say why."""
    (workspace["figures"] / "fig03_tone_arc.png").write_bytes(PNG_BYTES)  # an earlier run's
    registry = {**REGISTRY, "fig03_tone_arc": sentiment_plots.FIGURES["fig03_tone_arc"]}
    monkeypatch.setattr(gallery, "registered_figures", lambda *a, **k: dict(registry))
    rows = [
        {"doc_id": f"d{k}", "outlet": "AB"[k % 2], "origin": "North", "n_sentences": 1 + k % 2,
         "n_words": 12, "language": "en"}
        for k in range(4)
    ]  # fmt: skip
    _, md = summary_of_documents(workspace, rows)
    said = "The tone-arc figure (Figure 3 of a run of articles) is not drawn: no article has 3"
    assert said in md and "(the longest has 2)" in md
    assert "fig03_tone_arc" not in md  # the earlier run's figure is not shown as this one's
    gallery_page = (workspace["figures"] / "README.md").read_text(encoding="utf-8")
    assert (
        f"\n{said}" in gallery_page and "Read every figure of groups with this" not in gallery_page
    )
    rows[0]["n_sentences"] = 3
    _, md = summary_of_documents(workspace, rows)
    assert "is not drawn" not in md and "fig03_tone_arc" in md
    assert "is not drawn" not in (workspace["figures"] / "README.md").read_text(encoding="utf-8")


def test_articles_too_short_to_guess_a_language_are_a_limitation(workspace):
    """A tester's 3,868 headlines all went without a language, and nothing said so."""
    texts = ["Bus strike leaves commuters stranded", "Talks resume", "Mayor praises deal", ""]
    rows = [
        {"doc_id": f"d{k}", "outlet": "AB"[k % 2], "origin": "North", "n_sentences": 1,
         "n_words": len(text.split()), "language": "" if k < 3 else "en", "text": text}
        for k, text in enumerate(texts)
    ]  # fmt: skip
    limitations, _ = summary_of_documents(workspace, rows)
    assert (
        "**Language not guessed.** 3 of 4 articles are too short to guess a language (under 20 "
        "words) and none was given, so they are read as English"
    ) in limitations
    for row in rows:
        row["language"] = "en"
    limitations, _ = summary_of_documents(workspace, rows)
    assert "Language not guessed" not in limitations


def test_articles_given_as_another_language_but_read_as_english_are_a_limitation(workspace):
    from analysis.corpus.language import CONTRADICTED

    notes = [CONTRADICTED.format(given="de", guess="en"), "", "", ""]
    rows = [
        {"doc_id": f"d{k}", "outlet": "AB"[k % 2], "origin": "North", "n_sentences": 5,
         "n_words": 90, "language": "de" if k == 0 else "en", "metadata_note": note}
        for k, note in enumerate(notes)
    ]  # fmt: skip
    limitations, _ = summary_of_documents(workspace, rows)
    assert "**Given as another language, read as English.** 1 of 4 articles (`d0`)" in limitations
    assert "**Given as English, read as another language.**" not in limitations
    assert "**Not in English.**" not in limitations  # its text reads as English
    rows[0]["metadata_note"] = ""
    limitations, _ = summary_of_documents(workspace, rows)
    assert "read as English" not in limitations
    assert "**Not in English.** 1 of 4 articles are not in English (`de` 1;" in limitations


@pytest.mark.parametrize(
    ("languages", "limitation", "opening"),
    [
        (["en", "en", "", "en"], False, False),
        (["en", "de", "en", "en"], True, False),
        (["fr-CA", "fr-CA", "zh", "en"], True, True),
    ],
)
def test_articles_not_in_english_are_a_limitation_and_when_most_the_opening_says_so(
    workspace, languages, limitation, opening
):
    rows = [
        {"doc_id": f"d{k}", "outlet": "AB"[k % 2], "origin": "North", "n_sentences": 5,
         "n_words": 90, "language": lang}
        for k, lang in enumerate(languages)
    ]  # fmt: skip
    limitations, md = summary_of_documents(workspace, rows)
    assert ("**Not in English.**" in limitations) is limitation
    assert ("read the limitations (“Not in English”)" in opening_of(md)) is opening
    if opening:
        assert "3 of 4 articles are not in English (`fr-CA` 2, `zh` 1;" in (limitations)


def test_a_finding_about_an_outlet_mostly_not_in_english_says_so_where_it_is_stated(workspace):
    # a trial on a Nexis Uni search: the only clear tone differences set English sites against
    # a Portuguese one, stated without a word on the language
    languages = {"A": ["pt", "pt"], "B": ["en", "en"], "C": ["en", "de", "en"]}
    rows = [
        {"doc_id": f"{o}{k}", "outlet": o, "n_sentences": 5, "n_words": 90, "language": lang}
        for o, langs in languages.items()
        for k, lang in enumerate(langs)
    ]
    pd.DataFrame(rows).to_csv(workspace["tables"] / "documents.csv", index=False)
    findings = [
        Finding("tone_pair_B_A", "tone", "B was more positive than A.", groups=("B", "A")),
        Finding("tone_level_C", "tone", "C's tone.", groups=("C",)),
        Finding("tone_method", "tone", "Every group's tone, by method."),
    ]
    md = write(workspace, findings=findings)[0].read_text(encoding="utf-8")
    lines = {line.split(".")[0]: line for line in md.splitlines() if line.startswith("- ")}
    assert (
        "**Not in English:** 2 of the 2 articles from A (`pt` 2). The lexicons are English"
        in (lines["- B was more positive than A"])
    )
    assert "Not in English" not in lines["- C's tone"]  # one of three: mostly English
    assert "Not in English" not in lines["- Every group's tone, by method"]
    assert "**Not in English.** 3 of 7 articles" in md  # the corpus-wide limitation stays
    captions = [line for line in md.splitlines() if line.startswith("**Figure ")]
    assert captions and all(
        "Mostly not in English: 2 of the 2 articles from A (`pt` 2); the English lexicons" in c
        for c in captions
    )
    gallery = (workspace["figures"] / "README.md").read_text(encoding="utf-8")
    assert "**Read every figure of groups with this:** Mostly not in English: 2 of the 2" in gallery


def test_a_pooled_group_mostly_not_in_english_is_noted_as_other(workspace):
    outlets = [f"Outlet {k:02d}" for k in range(10)]
    rows = [
        {"doc_id": f"{o}-{k}", "outlet": o, "n_sentences": 5, "n_words": 90,
         "language": "en" if i < 7 else "id"}
        for i, o in enumerate(outlets)
        for k in range(10 - i)
    ]  # fmt: skip
    pd.DataFrame(rows).to_csv(workspace["tables"] / "documents.csv", index=False)
    findings = [
        Finding("tone_level_Other", "tone", "Other's tone.", groups=("Other (pooled)",)),
        Finding("tone_level_Outlet 09", "tone", "Outlet 09's tone.", groups=("Outlet 09",)),
    ]
    md = write(workspace, findings=findings)[0].read_text(encoding="utf-8")
    other = next(line for line in md.splitlines() if line.startswith("- Other's tone."))
    assert "**Not in English:** 6 of the 6 articles from Other (pooled) (`id` 6)." in other
    assert "Not in English:" not in next(
        line for line in md.splitlines() if line.startswith("- Outlet 09's tone.")
    )  # pooled: no finding is about it alone


@pytest.mark.parametrize(
    ("outlets", "urls", "sites"),
    [
        # a corpus file without an outlet column: each outlet is its address's site
        (["cnn.com", "latimes.com", "unknown"],
         ["https://edition.cnn.com/a", "http://beta.latimes.com/b", "/relative"], True),
        # outlet names given: not sites, even with addresses
        (["CNN", "Los Angeles Times", "CNN"],
         ["https://edition.cnn.com/a", "http://beta.latimes.com/b", "https://cnn.com/c"], False),
        # one outlet named otherwise than its address's site
        (["cnn.com", "latimes.com", "nytimes.com"],
         ["https://edition.cnn.com/a", "http://beta.latimes.com/b", "https://cnn.com/c"], False),
        # no address names a site
        (["unknown", "unknown", "unknown"], ["", "", ""], False),
    ],
)  # fmt: skip
def test_outlets_that_are_the_sites_of_the_addresses_are_said_to_be(
    workspace, outlets, urls, sites
):
    rows = [
        {"doc_id": f"d{k}", "outlet": outlet, "url": url, "origin": "unknown", "n_sentences": 5,
         "n_words": 90, "language": "en"}
        for k, (outlet, url) in enumerate(zip(outlets, urls, strict=True))
    ]  # fmt: skip
    limitations, md = summary_of_documents(workspace, rows)
    assert ("**Outlets are web sites.**" in limitations) is sites
    assert ("Each outlet is the web site of its articles' addresses" in opening_of(md)) is sites


@pytest.mark.parametrize("joined", [True, False])
def test_articles_on_one_line_are_a_limitation(workspace, joined):
    line = " ".join(["word"] * 160)
    text = line if joined else line[:200] + "\n" + line
    rows = [
        {"doc_id": f"d{k}", "outlet": "AB"[k % 2], "origin": "North", "n_sentences": 5,
         "n_words": 160 if k == 0 else 2, "language": "en",
         "text": text if k == 0 else "Short text."}
        for k in range(3)
    ]  # fmt: skip
    limitations, _ = summary_of_documents(workspace, rows)
    assert ("**Articles on one line.** 1 of 3 articles came as one line" in limitations) is joined


@pytest.mark.parametrize("cut", [True, False])
def test_articles_a_news_api_cut_short_are_a_limitation(workspace, cut):
    rows = [
        {"doc_id": f"d{k}", "outlet": "AB"[k % 2], "origin": "North", "n_sentences": 2,
         "n_words": 30, "language": "en"}
        for k in range(3)
    ]  # fmt: skip
    rule = "truncation_mark" if cut else "link_text"
    audit = pd.DataFrame(
        {"doc_id": ["d1", "d1"], "line_no": [2, 3], "original": ["a… [+12 chars]", "b"],
         "rule": [rule, "whitespace"], "action": ["changed", "changed"], "result": ["a", "b"]}
    )  # fmt: skip
    audit.to_csv(workspace["tables"] / "cleaning_audit.csv", index=False)
    limitations, _ = summary_of_documents(workspace, rows)
    assert ("**Articles cut short.** 1 of 3 articles ended" in limitations) is cut


def test_an_agreement_table_of_other_frames_leaves_the_run_not_validated(workspace, tmp_path):
    # a tester's table of other frames validated nothing, yet "Not validated" went away
    agreement = tmp_path / "agreement.csv"
    pd.DataFrame(
        [{"method": "codebook", "frame": "carbon_tax", "n": 40, "f1": 0.6, "f1_ci_low": 0.4,
          "f1_ci_high": 0.8, "tp": 9, "fp": 5, "fn": 6, "tn": 20}]
    ).to_csv(agreement, index=False)  # fmt: skip
    params = {"validation": str(agreement)}
    _, limits = summary.validation_lines(workspace["tables"], params, workspace["corpus"])
    assert len(limits) == 1 and limits[0].startswith("- **Not validated on this corpus.**")
    assert "holds agreement for other frames: carbon_tax" in limits[0]


def test_the_commands_the_summary_gives_name_a_corpus_that_is_not_the_bundled_one(workspace):
    # a tester's climate summary said "Regenerate with `python -m analysis run`", which reruns
    # the bundled corpus into the project
    md = write(workspace)[0].read_text(encoding="utf-8")
    name = workspace["corpus"].name
    assert f"`python -m analysis run --corpus {name} --out FOLDER`" in md
    assert (
        f"`python -m analysis run --corpus {name} --out FOLDER -p validation "
        "reports/validation/agreement.csv`" in md.split("## Limitations")[1]
    )
    assert summary.rerun_command(None) == "`python -m analysis run`"  # the bundled corpus
    assert summary.not_validated(None) == summary.NOT_VALIDATED


def _sourcing_rows() -> list[dict]:
    return [
        {"method": "sources", "frame": "attributed", "n": 50, "f1": 0.9, "f1_ci_low": 0.8,
         "f1_ci_high": 0.96, "tp": 20, "fp": 2, "fn": 2, "tn": 26},
        {"method": "sources", "frame": "source_citizens", "n": 50, "f1": 0.5, "f1_ci_low": 0.2,
         "f1_ci_high": 0.8, "tp": 2, "fp": 2, "fn": 2, "tn": 44},
        {"method": "sources", "frame": "source_anonymous", "n": 50, "f1": 0.0, "f1_ci_low": 0.0,
         "f1_ci_high": 0.0, "tp": 0, "fp": 1, "fn": 0, "tn": 49},
    ]  # fmt: skip


def test_sourcing_rows_of_the_agreement_table_are_reported_under_their_own_heading(
    workspace, tmp_path
):
    agreement = _agreement(tmp_path / "agreement.csv")
    table = pd.concat([pd.read_csv(agreement), pd.DataFrame(_sourcing_rows())])
    table.to_csv(agreement, index=False)
    head, limits = summary.validation_lines(
        workspace["tables"], {"validation": str(agreement)}, workspace["corpus"]
    )
    text = "\n".join(head)
    section = text.split("### How far to trust the sourcing shares")[1]
    assert "- Attributed (a verb of saying or a direct quotation): F1 0.90 (95% CI 0.80–0.96; " \
        "n = 50 human-coded items, 22 coded 1)." in section  # fmt: skip
    assert "- Credits Citizens: F1 0.50 (95% CI 0.20–0.80; n = 50 human-coded items, 4 " \
        "coded 1)." in section  # fmt: skip
    assert "no width" not in section
    # what the check measures: a sentence's reading, where context-only speakers agree as none
    assert "This measures the reading of one sentence, not how many of the articles' sources" \
        in section and "an answer in a Q&A interview" in section  # fmt: skip
    table.loc[table["frame"] == "source_citizens", ["f1_ci_low", "f1_ci_high"]] = 0.5
    table.to_csv(agreement, index=False)
    again, _ = summary.validation_lines(
        workspace["tables"], {"validation": str(agreement)}, workspace["corpus"]
    )
    assert "coded 1). The interval has no width: too few items" in "\n".join(again)
    assert "- Credits Anonymous sources: no item of the 50 was coded 1 by the humans" in section
    assert text.index("frame and tone coders") < text.index("sourcing shares")
    assert len(limits) == 1  # the table has no tone row: only the tone coder is not validated
    assert limits[0].startswith("- **Tone not validated on this corpus.** The validation table ")


def test_a_validation_without_sourcing_rows_says_sourcing_was_not_validated(workspace, tmp_path):
    agreement = _agreement(tmp_path / "agreement.csv")
    head, limits = summary.validation_lines(
        workspace["tables"], {"validation": str(agreement)}, workspace["corpus"]
    )
    assert "sourcing shares" not in "\n".join(head)
    assert len(limits) == 2 and limits[1].startswith("- **Sourcing not validated on this corpus.**")
    assert "code-sample --sourcing" in limits[1]


def test_a_validation_without_a_tone_row_says_the_tone_coder_was_not_validated(workspace, tmp_path):
    # a tester's sheets left tone uncoded: the limitations then dropped the tone coder's "not
    # validated" with the frames', and every tone finding read as checked
    agreement = _agreement(tmp_path / "agreement.csv")
    _, limits = summary.validation_lines(
        workspace["tables"], {"validation": str(agreement)}, workspace["corpus"]
    )
    assert limits[0].startswith(
        "- **Tone not validated on this corpus.** The validation table holds no tone row for "
        "VADER: the tone findings rest on its scores"
    )
    assert "code-sample" in limits[0] and "validate --sheet" in limits[0]
    tone = {"method": "codebook", "frame": "tone", "n": 40, "f1": 0.5, "f1_ci_low": 0.3,
            "f1_ci_high": 0.7, "kappa": 0.3, "accuracy": 0.6}  # fmt: skip
    with_tone = pd.concat([pd.read_csv(agreement), pd.DataFrame([tone])])
    with_tone.to_csv(agreement, index=False)
    _, limits = summary.validation_lines(
        workspace["tables"], {"validation": str(agreement)}, workspace["corpus"]
    )
    assert not any("Tone not validated" in line for line in limits)
    _, limits = summary.validation_lines(
        workspace["tables"],
        {"validation": str(agreement), "tone_coder": "models/tone"},
        workspace["corpus"],
    )
    assert limits[0].startswith(
        "- **The trained tone coder not validated on this corpus.** For the trained tone coder "
        "(`-p tone_coder`) the table holds no tone row for it"
    )


def test_frames_validated_in_sample_are_not_corrected_and_the_summary_says_so(workspace, tmp_path):
    from analysis.validation.correction import in_sample_frames, pairs_from_agreement

    # a tester's summary "corrected" shares with an in-sample sensitivity and specificity of
    # 1.00, which changed nothing, beside an F1 marked in-sample
    agreement = _agreement(tmp_path / "agreement.csv")
    table = pd.read_csv(agreement).assign(n_in_training=[0, 40])
    table.to_csv(agreement, index=False)
    assert in_sample_frames(table, {"conflict": "model"}) == ["conflict"]
    assert in_sample_frames(table, {"conflict": "codebook"}) == []
    assert list(pairs_from_agreement(table, {"conflict": "model"}).columns) == []
    assert list(pairs_from_agreement(table, {"conflict": "codebook"}).columns) == [
        "conflict",
        "pred_conflict",
    ]
    from analysis.report.summary import validation_lines

    methods = {"conflict": "model"}
    head, _ = validation_lines(
        workspace["tables"], {"validation": str(agreement)}, workspace["corpus"]
    )
    assert "Not corrected for misclassification" not in "\n".join(head)  # the codebook's row
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(summary, "frame_coders", lambda *a, **k: (methods, {"conflict": "Conflict"}))
        head, _ = validation_lines(
            workspace["tables"], {"validation": str(agreement)}, workspace["corpus"]
        )
    assert "Not corrected for misclassification: Conflict. Their agreement was measured on " \
        "items the model was trained on (in-sample)" in "\n".join(head)  # fmt: skip


def test_a_table_of_sourcing_only_validates_sourcing_and_not_the_frames(workspace, tmp_path):
    agreement = tmp_path / "agreement.csv"
    pd.DataFrame(_sourcing_rows()).to_csv(agreement, index=False)
    head, limits = summary.validation_lines(
        workspace["tables"], {"validation": str(agreement)}, workspace["corpus"]
    )
    assert head[0] == "### How far to trust the sourcing shares"
    assert len(limits) == 1 and "The frame and tone coders were not checked" in limits[0]
    assert "other frames" not in limits[0]
    no_table, _ = summary.validation_lines(workspace["tables"], {}, workspace["corpus"])
    assert "frame, tone and sourcing coders" in summary.not_validated(workspace["corpus"])
    assert no_table == []


def test_the_validate_command_names_the_corpus_whose_lexicons_drew_the_sheet(workspace):
    name = workspace["corpus"].name
    assert f"validate --sheet sheet.csv --corpus {name} --out" in summary.not_validated(
        workspace["corpus"]
    )
    assert "validate --sheet sheet.csv --corpus seeds --out" in summary.NOT_VALIDATED


def test_the_bundled_summary_s_validation_commands_run_as_printed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # they did not: code-sample had no --out (required), and its default --n of 200 was more
    # than the bundled corpus's 173 sentences; each command's error came one after the other
    import shlex

    from analysis.cli import main
    from analysis.config import default_corpus_dir

    found = re.findall(
        r"`(python -m analysis (?:code-sample|validate) [^`]*)`", summary.NOT_VALIDATED
    )
    commands = list(found)
    assert [c.split()[3] for c in commands] == ["code-sample", "validate"]
    monkeypatch.chdir(tmp_path)
    (tmp_path / "seeds").symlink_to(default_corpus_dir())  # `--corpus seeds`, from the project
    sample, validate = (shlex.split(c)[3:] for c in commands)
    assert main(sample) == 0
    sheet = pd.read_csv(tmp_path / "sheet.csv", encoding="utf-8-sig", dtype=str)
    shown = {"item_id", "doc_id", "sentence_id", "outlet", "sentence", "language"}
    coded = [c for c in sheet.columns if c not in shown]
    assert "attributed" in coded and "tone" in coded
    for column in coded:  # a coder who found nothing anywhere, but positive tone throughout
        sheet[column] = "positive" if column == "tone" else "0"
    sheet.to_csv(tmp_path / "sheet.csv", index=False)
    assert main([*validate, "--n-boot", "100"]) == 0
    agreement = pd.read_csv(tmp_path / "reports" / "validation" / "agreement.csv")
    assert {"tone", "attributed"} <= set(agreement["frame"])


def test_the_validation_commands_carry_the_lexicons_the_run_was_given(workspace):
    # a run given `-p codebook ../stadium_codebook.toml` printed code-sample and validate
    # without it: the sheet listed the package's five generic frames, not the run's
    params = {"codebook": "../books/stadium_codebook.toml", "sources": "/x/my sources.toml"}
    text = summary.not_validated(workspace["corpus"], params=params)
    sample, validate, rerun = re.findall(r"`(python -m analysis [^`]*)`", text)
    for command in (sample, validate):
        assert "--codebook stadium_codebook.toml --sources 'my sources.toml'" in command
    assert "-p codebook stadium_codebook.toml -p sources 'my sources.toml'" in rerun
    assert rerun.endswith("-p validation reports/validation/agreement.csv")
    assert "--codebook" not in summary.not_validated(workspace["corpus"], params={})


def test_the_validation_commands_of_a_mapped_export_carry_its_map(workspace):
    # `code-sample --corpus export.csv` failed: "no 'text' column"; the run had --map
    params = {"column_map": "text=Body,outlet=Source"}
    text = summary.not_validated(workspace["corpus"], params=params)
    sample, _, rerun = re.findall(r"`(python -m analysis [^`]*)`", text)
    assert "--map text=Body,outlet=Source" in sample and "--map text=Body,outlet=Source" in rerun
    mapped = summary.not_validated(workspace["corpus"], params={"column_map": {"text": "Body"}})
    assert "--map text=Body" in mapped


def test_too_few_permutations_for_any_clear_pair_is_a_limitation(workspace):
    # 28 pairs and n_perm 500: every Holm-adjusted p was at least 0.056, and the summary said
    # "no clear difference" of every pair with no word on why
    from analysis.report.facts import CorpusFacts

    groups = tuple((f"Outlet {k}", 20, 200) for k in range(8))
    facts = CorpusFacts(
        **{
            **vars(summary.corpus_facts(workspace["tables"], workspace["corpus"])),
            "per_group": groups,
        }
    )
    lines = summary._permutation_limitation(facts, {"n_perm": 500})
    assert len(lines) == 1 and "28 pairs" in lines[0] and "at least 0.056" in lines[0]
    assert "`-p n_perm 560`" in lines[0]
    # 28/560 = 0.05 exactly, which is not below the level: still no pair could be clear
    assert summary._permutation_limitation(facts, {"n_perm": 559}) != []
    assert summary._permutation_limitation(facts, {"n_perm": 560}) == []  # 28/561 < 0.05
    assert summary._permutation_limitation(facts, {"n_perm": 2000}) == []
    few = CorpusFacts(**{**vars(facts), "per_group": groups[:2]})
    assert summary._permutation_limitation(few, {"n_perm": 100}) == []  # one pair: 1/101
    # 28 outlets, 21 of them pooled (1,745 articles): 8 groups compared, 28 pairs; the first
    # version counted the pooled articles as groups and printed 1,473,186 pairs
    many = tuple((f"Outlet {k}", 100, 1000) for k in range(28))
    folded = tuple((f"d{k}-{n}", f"Outlet {k}") for k in range(7, 28) for n in range(83))
    pooled = CorpusFacts(**{**vars(facts), "per_group": many, "folded_docs": folded})
    lines = summary._permutation_limitation(pooled, {"n_perm": 500})
    assert len(lines) == 1 and "28 pairs" in lines[0] and "at least 0.056" in lines[0]


def test_a_group_of_articles_without_an_outlet_is_said_to_be_no_outlet(workspace):
    # a tester's summary: "How 2 outlets covered the story ... (unknown (4), Quayside Voice
    # (1))", then compared "unknown" with the outlet as if it were one
    write_documents(workspace["tables"], ["unknown", "Quayside Voice"], [4, 1])
    opening = opening_of(write(workspace, findings=[])[0].read_text(encoding="utf-8"))
    assert "“unknown” is not an outlet: it holds the 4 articles whose outlet" in opening
    # nor is it counted as one ("How 4 outlets" with 3 named, a second tester)
    assert opening.startswith("How 1 outlet and articles of no named outlet covered the story")
    write_documents(workspace["tables"], ["Harbour Post", "Quayside Voice"], [4, 1])
    assert "is not an outlet" not in write(workspace, findings=[])[0].read_text(encoding="utf-8")


def test_tables_of_different_runs_are_a_limitation_of_a_summary_by_hand(workspace) -> None:
    """A tester reran notebook 02 with -p n_boot 500 and then notebook 04: the summary said 2000
    replicates, and the mixed tables were warned about only in the notebook's output."""
    import json

    for notebook, n_boot in (("02_sentiment", 500), ("03_framing", 2000)):
        record = {"notebook": f"{notebook}.ipynb", "values": {"n_boot": n_boot}}
        path = workspace["tables"] / f"parameters_{notebook}.json"
        path.write_text(json.dumps(record), encoding="utf-8")
    md = write(workspace)[0].read_text(encoding="utf-8")
    limitations = md.split("## Limitations")[1].split("\n## ")[0]
    assert "**Tables of different runs.**" in limitations
    assert "n_boot: 500 in 02_sentiment, 2000 in 03_framing" in limitations
    # said where a reader starts, too: a tester's two corpora were warned about 380 lines down
    opening = md.split("## Key findings")[0]
    assert "**Not one run: do not cite this summary as it is.**" in opening
    by_run = summary.write_summary(
        workspace["tables"], workspace["figures"], workspace["reports"], PARAMS,
        workspace["corpus"], findings=make_findings(), by_run=True,
    )[0].read_text(encoding="utf-8")  # fmt: skip
    assert "Tables of different runs" not in by_run  # the runner ran 01-03 with one set
    assert "Not one run" not in by_run


def test_the_tone_coders_agreement_is_stated_beside_the_frames(workspace, tmp_path) -> None:
    """A tester's agreement table had VADER's tone row (macro-F1 0.49, kappa 0.24): the summary
    showed the frames' F1 only."""
    path = _agreement(tmp_path / "agreement.csv")
    table = pd.read_csv(path)
    tone = {"method": "codebook", "frame": "tone", "n": 103, "f1": 0.49, "f1_ci_low": 0.4,
            "f1_ci_high": 0.58, "kappa": 0.24, "accuracy": 0.54}  # fmt: skip
    pd.concat([table, pd.DataFrame([tone])]).to_csv(path, index=False)
    for method, news in (("vader", False), ("vader-news", True)):
        run = {**PARAMS["run_parameters"], "validation": str(path), "method": method}
        md = summary.write_summary(
            workspace["tables"], workspace["figures"], workspace["reports"],
            {"run_parameters": run}, workspace["corpus"], findings=make_findings(),
        )[0].read_text(encoding="utf-8")  # fmt: skip
        section = md.split("### How far to trust the frame and tone coders")[1].split("\n## ")[0]
        assert (
            "- Tone, VADER: macro-F1 0.49 (95% CI 0.40–0.58), Cohen's kappa 0.24, accuracy 54%, "
            "n = 103 human-coded items" in section
        )
        assert ("measured for VADER; this run's vader-news" in section) is news


def test_the_methods_say_how_frame_differences_are_read_and_their_limit(workspace) -> None:
    """A tester read the frame comparisons as tests like tone's: the summary says they are
    interval overlaps, not corrected for the many frames compared."""
    md = write(workspace)[0].read_text(encoding="utf-8")
    methods = md.split("## Methods")[1].split("\n## ")[0]
    assert "whether the 95% intervals of the two groups furthest apart overlap" in methods
    assert "not corrected for the number of frames and measures compared" in methods


def test_a_frames_precision_and_recall_are_stated_beside_its_f1(workspace, tmp_path) -> None:
    """A tester's frame had precision 0.39: most of its raw share was false positives, which
    the F1 alone did not say."""
    path = _agreement(tmp_path / "agreement.csv")
    pd.read_csv(path).assign(precision=[0.39, 0.7], recall=[0.77, 0.8]).to_csv(path, index=False)
    run = {**PARAMS["run_parameters"], "validation": str(path)}
    md = summary.write_summary(
        workspace["tables"], workspace["figures"], workspace["reports"],
        {"run_parameters": run}, workspace["corpus"], findings=make_findings(),
    )[0].read_text(encoding="utf-8")  # fmt: skip
    assert "F1 0.61 (95% CI 0.42–0.77; precision 0.39, recall 0.77; n = 40" in md
    assert "a low one means most of a raw share is false positives" in md


def test_the_rerun_command_names_the_lexicons_the_run_was_given(workspace, tmp_path) -> None:
    """A tester's "Regenerate with" lacked the -p codebook her run was given."""
    run = {**PARAMS["run_parameters"], "codebook": str(tmp_path / "mine.toml")}
    (tmp_path / "mine.toml").write_text(
        '[[frames]]\nkey = "conflict"\nlabel = "Conflict"\nindicators = ["clash"]\n'
    )
    md = summary.write_summary(
        workspace["tables"], workspace["figures"], workspace["reports"],
        {"run_parameters": run}, workspace["corpus"], findings=make_findings(), by_run=True,
    )[0].read_text(encoding="utf-8")  # fmt: skip
    regenerate = next(line for line in md.split("\n") if line.startswith("Regenerate"))
    assert "--out FOLDER -p codebook mine.toml`" in regenerate


def test_outlets_spelt_two_ways_are_a_limitation(workspace) -> None:
    """A tester's 'Reuters', 'REUTERS' and 'reuters' were warned about in the terminal only;
    the summary compared them as three outlets."""
    write_documents(workspace["tables"], ["Reuters", "reuters"], [3, 2])
    md = write(workspace, findings=[])[0].read_text(encoding="utf-8")
    limitations = md.split("## Limitations")[1].split("\n## ")[0]
    assert "**One outlet spelt two ways?**" in limitations
    assert "'Reuters' (3 articles) and 'reuters' (2)" in limitations


def test_outlets_spelt_with_spacing_a_reader_cannot_see_are_told_apart(workspace):
    # a tester's 'Fox  News' (6) read 'Fox News (6 articles)' beside 'Fox News' (46)
    write_documents(workspace["tables"], ["Fox News", "Fox  News"], [46, 6])
    limitations = write(workspace, findings=[])[0].read_text(encoding="utf-8")
    limitations = limitations.split("## Limitations")[1]
    assert "Fox News (with a double space) (6 articles)" in limitations
    assert "and 'Fox News' (with a double space) (6)" in limitations
    assert "Fox News (with a double space): 6 articles" in limitations


def test_rows_and_articles_left_out_are_said_in_the_opening(workspace):
    # a tester's export of 483 rows lost 7 empty ones; her report cited the 476 as all
    write_documents(workspace["tables"], ["Harbour Post", "Quayside Voice"], [3, 2])
    assert "Left out" not in opening_of(write(workspace, findings=[])[0].read_text("utf-8"))
    pd.DataFrame(
        {
            "doc_id": ["", "", "r9"],
            "line_no": [4, 7, 0],
            "original": ["", "", ""],
            "rule": ["empty_text", "empty_text", "no_text_left"],
            "action": ["document_left_out"] * 3,
            "result": ["", "", ""],
        }
    ).to_csv(workspace["tables"] / "cleaning_audit.csv", index=False)
    md = write(workspace, findings=[])[0].read_text(encoding="utf-8")
    assert (
        " Left out: 2 rows of the corpus file without text and 1 article that cleaning left "
        "without text (action `document_left_out` in `reports/tables/cleaning_audit.csv`)."
    ) in opening_of(md)
    assert "Of the 0 lines" in md or "0 lines were removed" in md  # rows are not lines
    copies = pd.DataFrame(
        {"doc_id": ["r4", "r5"], "line_no": [0, 0], "original": ["a near-duplicate of r1"] * 2,
         "rule": ["near_duplicate"] * 2, "action": ["document_left_out"] * 2, "result": ["", ""]}
    )  # fmt: skip
    copies.to_csv(workspace["tables"] / "cleaning_audit.csv", index=False)
    md = write(workspace, findings=[])[0].read_text(encoding="utf-8")
    assert (
        " Left out: 2 near-duplicate copies of other articles, dropped with `-p duplicates drop` "
        "or `drop_within` (`r4`, `r5`; each names the article kept in its place) "
        "(action `document_left_out`"
    ) in opening_of(md)
    # a tester's summary said neither which option she had used nor what it dropped
    md = summary.write_summary(
        workspace["tables"],
        workspace["figures"],
        workspace["reports"],
        {"run_parameters": {**PARAMS["run_parameters"], "duplicates": "drop_within"}},
        workspace["corpus"],
        findings=[],
    )[0].read_text(encoding="utf-8")
    assert (
        " Left out: 2 near-duplicate copies or versions (one web address) of other articles "
        "within an outlet, dropped with "
        "`-p duplicates drop_within` (`r4`, `r5`; each names the article kept in its place)"
    ) in opening_of(md)
    many = copies.loc[[0] * 10].assign(doc_id=[f"c{k}" for k in range(10)])
    many.to_csv(workspace["tables"] / "cleaning_audit.csv", index=False)
    md = write(workspace, findings=[])[0].read_text(encoding="utf-8")
    assert "`c7` and 2 more; each names" in opening_of(md)
    german = copies.assign(
        doc_id=["r6", "r7"], original=["not in English (language de)"] * 2, rule="other_language"
    )
    german.to_csv(workspace["tables"] / "cleaning_audit.csv", index=False)
    md = write(workspace, findings=[])[0].read_text(encoding="utf-8")
    assert (
        " Left out: 2 articles not in English by their language, dropped with "
        "`-p other_languages drop` (action `document_left_out`"
    ) in opening_of(md)


def test_the_human_coders_agreement_beside_the_table_is_reported(workspace, tmp_path):
    # a tester coded her sample twice; the summary gave her coders' F1 and not how far her two
    # passes agreed, which bounds what any F1 against them can mean
    agreement = _agreement(tmp_path / "agreement.csv")
    params = {"validation": str(agreement)}
    head, _ = summary.validation_lines(workspace["tables"], params, workspace["corpus"])
    assert "human coders" not in "\n".join(head)  # one coder: no intercoder.csv
    pd.DataFrame(
        [
            {
                "frame": "conflict",
                "n_items": 40,
                "n_coders": 2,
                "krippendorff_alpha": 0.52,
                "percent_agreement": 0.8,
            },
            {
                "frame": "tone",
                "n_items": 40,
                "n_coders": 2,
                "krippendorff_alpha": 0.81,
                "percent_agreement": 0.9,
            },
        ]
    ).to_csv(tmp_path / "intercoder.csv", index=False)
    head, _ = summary.validation_lines(workspace["tables"], params, workspace["corpus"])
    text = "\n".join(head)
    assert (
        "Agreement between the 2 human coders on the items two or more of them coded "
        "(`intercoder.csv`, Krippendorff's alpha, nominal): Conflict 0.52 (40 items); tone 0.81 "
        "(40 items)."
    ) in text, text
    assert "the F1 above says little for: Conflict." in text


def test_coders_sheets_whose_items_never_met_are_not_called_reliable(workspace, tmp_path):
    # a tester's second sheet, re-saved by a spreadsheet program, had item ids 1, 2, ... for
    # 0001, 0002, ...: no item was coded twice, and the summary said "undefined (one code
    # throughout) (0 items)" and "Each defined alpha is at least 0.667"
    agreement = _agreement(tmp_path / "agreement.csv")
    params = {"validation": str(agreement)}
    pd.DataFrame(
        [{"frame": "conflict", "n_items": 0, "n_coders": 2, "krippendorff_alpha": float("nan"),
          "percent_agreement": float("nan")}]
    ).to_csv(tmp_path / "intercoder.csv", index=False)  # fmt: skip
    text = "\n".join(summary.validation_lines(workspace["tables"], params, workspace["corpus"])[0])
    assert "holds no item that two of the 2 human coders both coded" in text
    assert "leading zeros" in text and "at least 0.667" not in text
    pd.DataFrame(
        [{"frame": "conflict", "n_items": 40, "n_coders": 2, "krippendorff_alpha": 0.9,
          "percent_agreement": 0.95}]
    ).to_csv(tmp_path / "intercoder.csv", index=False)  # fmt: skip
    text = "\n".join(summary.validation_lines(workspace["tables"], params, workspace["corpus"])[0])
    assert "Conflict 0.90 (40 items). Each alpha given is at least 0.667" in text
    # two coders: a split item has no majority and is left out of the F1
    assert "split evenly has no majority code and is left out of the F1" in text


def test_a_tables_folder_of_ones_own_is_named_where_the_summary_sends_readers(workspace) -> None:
    """A JupyterLab tester wrote her tables to ``water_tables``: the summary and the gallery
    sent readers to ``reports/tables``, which did not exist."""
    import shutil

    own = workspace["tables"].parents[1] / "water_tables"
    shutil.copytree(workspace["tables"], own)
    md_path, html_path, gallery_path = summary.write_summary(
        own, workspace["figures"], workspace["reports"], PARAMS, workspace["corpus"],
        findings=make_findings(),
    )  # fmt: skip
    md = md_path.read_text(encoding="utf-8")
    assert "`water_tables/sentences.csv`" in md
    assert "`water_tables/cleaning_audit.csv`" in md
    assert "table `water_tables/documents.csv`" in md  # a figure's caption
    assert "reports/tables" not in md
    assert "reports/tables" not in html_path.read_text(encoding="utf-8")
    gallery_md = gallery_path.read_text(encoding="utf-8")
    assert "Drawn from: `water_tables/" in gallery_md
    assert "reports/tables" not in gallery_md


def test_a_runs_layout_names_reports_tables(workspace) -> None:
    md = write(workspace)[0].read_text(encoding="utf-8")
    assert "`reports/tables/sentences.csv`" in md
    assert summary.tables_as_shown(workspace["tables"], workspace["reports"]) == "reports/tables"


def test_a_tables_folder_outside_the_reports_parent_is_named_in_full(tmp_path: Path) -> None:
    shown = summary.tables_as_shown(tmp_path / "elsewhere" / "t", tmp_path / "out" / "reports")
    assert shown == (tmp_path / "elsewhere" / "t").resolve().as_posix()


def test_the_agreement_table_copied_beside_the_tables_is_named(workspace, tmp_path) -> None:
    """A reader of the reports folder could not open the agreement table the summary's F1
    came from: notebook 03 copies it beside the tables, and the summary says where."""
    from analysis.validation import copy_validation_tables

    agreement = _agreement(tmp_path / "agreement.csv")
    params = {"run_parameters": {**PARAMS["run_parameters"], "validation": str(agreement)}}

    def written() -> str:
        return summary.write_summary(
            workspace["tables"], workspace["figures"], workspace["reports"], params,
            workspace["corpus"], findings=make_findings(),
        )[0].read_text(encoding="utf-8")  # fmt: skip

    assert "copied to" not in written()
    copy_validation_tables(agreement, workspace["tables"])
    assert (
        "(`agreement.csv`, copied to `reports/tables/validation_agreement.csv`, F1 with 95% "
        in written()
    )


def test_the_limitations_say_tone_is_not_stance_and_names_words_count(workspace) -> None:
    """A reviewer found the outlet-level tone findings with no word that tone is not stance,
    and a "United States" raised by "united" (+1.8) unremarked."""
    md = write(workspace)[0].read_text(encoding="utf-8")
    limitations = md.split("## Limitations")[1].split("\n## ")[0]
    assert "not its stance" in limitations
    assert "the words of names count" in limitations


def test_a_run_of_chosen_outlets_says_the_corpus_tables_list_every_article(workspace) -> None:
    """A tester checked Figure 1 (the chosen outlets' 6 articles) against its source table,
    documents.csv, which lists all 16 read."""
    chosen = opening_of(summary_of_outlets(workspace, ["Harbour Post"]))
    assert "1 article" in chosen
    assert "`reports/tables/documents.csv`, `sentences.csv` and `cleaning_audit.csv`" in chosen
    assert "hold every outlet's (3 articles;" in chosen
    assert "every outlet's" not in opening_of(summary_of_outlets(workspace, []))


def _model_run(tmp_path: Path, rows: list[dict]) -> dict:
    """A run's parameters with a trained model coding Conflict and an agreement table."""
    from test_validation_model import training_set

    from analysis.validation.model import train_frame_model

    texts, labels, _ = training_set()
    model = train_frame_model(texts, labels.rename(columns={"war": "conflict"}), folds=3, seed=1)
    model.save(tmp_path / "model")
    path = tmp_path / "agreement.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    return {"frame_coder": str(tmp_path / "model"), "validation": str(path)}


def test_a_trained_model_weaker_than_the_codebook_is_said_where_its_shares_are_read(
    workspace, tmp_path
):
    """A scholar's model, kept by `train` on an optimistic cross-validated F1, scored 0.47 on
    her held-out items against the codebook's 0.67; its 49% Conflict led the findings."""
    params = _model_run(
        tmp_path,
        [
            {"method": "codebook", "frame": "conflict", "n": 60, "f1": 0.67, "f1_ci_low": 0.4,
             "f1_ci_high": 0.85, "tp": 6, "fp": 0, "fn": 6, "tn": 48},
            {"method": "model", "frame": "conflict", "n": 60, "f1": 0.47, "f1_ci_low": 0.3,
             "f1_ci_high": 0.6, "tp": 10, "fp": 19, "fn": 2, "tn": 29},
        ],
    )  # fmt: skip
    head, limits = summary.validation_lines(workspace["tables"], params, workspace["corpus"])
    line = next(x for x in head if x.startswith("- Conflict (the trained model)"))
    assert "the codebook's indicators scored F1 0.67" in line
    assert "**the codebook did better than the model that coded this frame**" in line
    assert any("**A trained model weaker than the codebook.**" in x for x in limits)
    assert any("Conflict: F1 0.47 against 0.67" in x for x in limits)
    note = " ".join(summary.frame_findings_note(params, workspace["corpus"]))
    assert "Conflict (F1 0.47 against the codebook's 0.67)" in note
    better = _model_run(
        tmp_path / "b",
        [{"method": "codebook", "frame": "conflict", "n": 60, "f1": 0.40, "f1_ci_low": 0.2,
          "f1_ci_high": 0.6, "tp": 4, "fp": 4, "fn": 8, "tn": 44},
         {"method": "model", "frame": "conflict", "n": 60, "f1": 0.70, "f1_ci_low": 0.5,
          "f1_ci_high": 0.85, "tp": 9, "fp": 5, "fn": 3, "tn": 43}],
    ) if (tmp_path / "b").mkdir() is None else {}  # fmt: skip
    head, limits = summary.validation_lines(workspace["tables"], better, workspace["corpus"])
    assert not any("did better" in x for x in head)
    assert not any("weaker than the codebook" in x for x in limits)


def test_an_f1_without_any_human_coded_frame_is_undefined_not_zero(workspace, tmp_path):
    """A held-out sheet with no item of a frame printed "F1 0.00 (95% CI 0.00–0.00)"."""
    path = tmp_path / "agreement.csv"
    pd.DataFrame(
        [{"method": "codebook", "frame": "conflict", "n": 60, "f1": 0.0, "f1_ci_low": 0.0,
          "f1_ci_high": 0.0, "tp": 0, "fp": 3, "fn": 0, "tn": 57}]
    ).to_csv(path, index=False)  # fmt: skip
    head, _ = summary.validation_lines(
        workspace["tables"], {"validation": str(path)}, workspace["corpus"]
    )
    line = next(x for x in head if x.startswith("- Conflict (the codebook)"))
    assert "F1 undefined: none of the n = 60 human-coded items has the frame" in line
    assert "flags 3 of them" in line and "0.00" not in line


def test_a_table_that_checked_none_of_the_runs_frames_is_not_called_a_check(workspace, tmp_path):
    """A table of other indicators left every frame "not validated any more", and the note
    under the frame findings still said they were checked and corrected; the limitations said
    the tone coder was unchecked under its reported agreement."""
    path = tmp_path / "agreement.csv"
    pd.DataFrame(
        [{"method": "codebook", "frame": "conflict", "n": 60, "f1": 0.5, "f1_ci_low": 0.3,
          "f1_ci_high": 0.7, "tp": 6, "fp": 6, "fn": 6, "tn": 42, "coder_version": "another"},
         {"method": "codebook", "frame": "tone", "n": 106, "f1": 0.5, "f1_ci_low": 0.4,
          "f1_ci_high": 0.6, "kappa": 0.2, "accuracy": 0.55}]
    ).to_csv(path, index=False)  # fmt: skip
    params = {"validation": str(path)}
    note = " ".join(summary.frame_findings_note(params, workspace["corpus"]))
    assert "not checked against human coding of these articles" in note
    assert "corrected for its errors" not in note
    _, limits = summary.validation_lines(workspace["tables"], params, workspace["corpus"])
    text = " ".join(limits)
    assert "The frame and sourcing coders were not checked" in text


def test_a_correction_without_a_measured_sensitivity_says_why_not_nan() -> None:
    """A held-out sheet without any item of a frame printed "sensitivity nan"."""
    table = pd.DataFrame(
        [{"outlet": "Harbour Post", "frame": "conflict", "raw_share": 0.2, "raw_ci_low": 0.1,
          "raw_ci_high": 0.3, "corrected_share": float("nan"), "corrected_ci_low": float("nan"),
          "corrected_ci_high": float("nan"), "sensitivity": float("nan"), "specificity": 0.95,
          "n_validation": 60, "n_docs": 3, "n_sentences": 80}]
    )  # fmt: skip
    (line,) = summary._corrected_lines(table, "outlet", {"conflict": "Conflict"})
    assert "no human-coded item of the sample has the frame" in line
    assert "sensitivity not measured, specificity 0.95" in line and "nan" not in line


def test_a_grouping_ending_in_y_is_pluralised_in_english(workspace) -> None:
    """A tester's `--group-by country` summary read "How 4 countrys covered the story"."""
    pd.DataFrame(
        {"doc_id": ["a", "b", "c"], "country": ["DE", "IT", "BR"], "n_sentences": [4, 5, 6],
         "n_words": [40, 50, 60]}
    ).to_csv(workspace["tables"] / "documents.csv", index=False)  # fmt: skip
    params = {"run_parameters": {**PARAMS["run_parameters"], "group_by": "country"}}
    md = summary.write_summary(
        workspace["tables"], workspace["figures"], workspace["reports"], params,
        workspace["corpus"], findings=[],
    )[0].read_text(encoding="utf-8")  # fmt: skip
    assert opening_of(md).startswith("How 3 countries covered the story")
    assert "countrys" not in md


def _tone_rows(path: Path, **model) -> Path:
    vader = {"method": "codebook", "frame": "tone", "n": 500, "f1": 0.5, "f1_ci_low": 0.45,
             "f1_ci_high": 0.55, "kappa": 0.27, "accuracy": 0.51, "n_in_training": 0,
             "tp": 0, "fp": 0, "fn": 0, "tn": 0}  # fmt: skip
    rows = [vader]
    if model:
        rows.append({**vader, "method": "model", "f1": 0.6, "kappa": 0.4, "accuracy": 0.62,
                     **model})  # fmt: skip
    pd.DataFrame(rows).to_csv(path, index=False)
    return path


def test_a_tone_only_validation_reaches_the_summary(workspace, tmp_path):
    # a tester's held-out tone agreement (no frame coded) never appeared: the summary said
    # the coders were not checked and pointed her to validate again
    agreement = _tone_rows(tmp_path / "agreement.csv")
    head, limits = summary.validation_lines(
        workspace["tables"], {"validation": str(agreement)}, workspace["corpus"]
    )
    text = "\n".join(head)
    assert (
        "- Tone, VADER: macro-F1 0.50 (95% CI 0.45–0.55), Cohen's kappa 0.27, accuracy 51%" in text
    )
    assert "The tone findings above rest on this coder" in text
    assert not any("Tone not validated" in line for line in limits)
    assert any("frame and sourcing coders" in line for line in limits)  # still unchecked


def test_the_findings_are_credited_with_vaders_agreement_not_the_trained_coders(
    workspace, tmp_path
):
    # a tester's summary gave the trained coder's figure as the findings' (they are VADER's),
    # and quoted its in-sample 0.98 as its accuracy
    params = {"tone_coder": "models/tone"}
    agreement = _tone_rows(tmp_path / "agreement.csv", n_in_training=500)
    head, _ = summary.validation_lines(
        workspace["tables"], {**params, "validation": str(agreement)}, workspace["corpus"]
    )
    lines = [line for line in head if line.startswith("- Tone")]
    assert lines[0].startswith("- Tone, VADER: macro-F1 0.50")
    assert "rest on this coder" in lines[0]
    assert lines[1].startswith("- Tone, the trained tone coder (`-p tone_coder`; its shares are")
    assert "**In-sample: all 500 items trained the coder**" in lines[1]
    assert "rest on this coder" not in lines[1]
    _tone_rows(tmp_path / "agreement.csv", n_in_training=0)
    head, _ = summary.validation_lines(
        workspace["tables"], {**params, "validation": str(agreement)}, workspace["corpus"]
    )
    assert "None of these items trained it: a held-out figure." in "\n".join(head)


def test_a_tone_row_of_another_trained_coder_is_not_quoted(workspace, tmp_path, monkeypatch):
    # a tester's run with one model quoted the tone agreement measured with another
    class _Model:
        keys: tuple = ()

        def version(self) -> str:
            return "frames"

        def tone_version(self) -> str:
            return "this-model"

    monkeypatch.setattr(summary, "_tone_model", lambda params: _Model())
    agreement = _tone_rows(tmp_path / "agreement.csv", n_in_training=0, coder_version="other")
    params = {"tone_coder": "models/tone", "validation": str(agreement)}
    head, limits = summary.validation_lines(workspace["tables"], params, workspace["corpus"])
    assert "the trained tone coder (`-p tone_coder`; its shares" not in "\n".join(head)
    assert any("its row measured another trained coder" in line for line in limits)
    _tone_rows(tmp_path / "agreement.csv", n_in_training=0, coder_version="this-model")
    head, limits = summary.validation_lines(workspace["tables"], params, workspace["corpus"])
    assert "the trained tone coder (`-p tone_coder`; its shares" in "\n".join(head)
    assert not any("another trained coder" in line for line in limits)


def test_the_validation_commands_say_the_corpus_name_is_its_path(workspace, tmp_path):
    # a tester copied `--corpus rent` from the limitations into the project folder: "no such
    # file or folder"; the Regenerate line said what the name is, these did not
    name = workspace["corpus"].name
    note = f"(`{name}` is the path of the corpus from where you run them"
    assert note in summary.not_validated(workspace["corpus"])
    assert "is the path of the corpus" not in summary.NOT_VALIDATED  # the bundled corpus's
    agreement = _agreement(tmp_path / "agreement.csv")
    _, limits = summary.validation_lines(
        workspace["tables"], {"validation": str(agreement)}, workspace["corpus"]
    )
    assert all(note in limit for limit in limits)


def test_the_tone_limitation_asks_for_a_sheet_without_the_sourcing_columns(workspace, tmp_path):
    # it asked for `code-sample --sourcing`, read as if sourcing had not been validated
    agreement = _agreement(tmp_path / "agreement.csv")
    _, limits = summary.validation_lines(
        workspace["tables"], {"validation": str(agreement)}, workspace["corpus"]
    )
    assert limits[0].startswith("- **Tone not validated")
    assert "code-sample" in limits[0] and "--sourcing" not in limits[0]


@pytest.mark.parametrize(
    ("titles", "said"),
    [
        (["", "", ""], "No article has a title: a headline at the top of its text is read"),
        (
            ["Gazette wins", "", ""],
            "the titles of 1 of the 3 articles are metadata (1 of them found as the article's "
            "first line and moved there), not read for tone, frames or sources, while the 2 "
            "without one keep any headline",
        ),
        (
            ["Gazette wins", "Gazette loses", "Post"],
            "Headlines are not analysed: every article's title is metadata (1 of them found",
        ),
    ],
)
def test_the_methods_say_whether_headlines_were_analysed(workspace, titles, said):
    # a tester's 45 headlines went to the titles, none coded, unsaid; without a title column
    # the same headlines were coded as first sentences
    documents = pd.read_csv(workspace["tables"] / "documents.csv").assign(title=titles)
    documents.to_csv(workspace["tables"] / "documents.csv", index=False)
    pd.DataFrame(
        {
            "doc_id": ["gaz-01", "post-01"],
            "rule": ["title_line", "bio"],
            "action": ["moved_to_metadata", "removed"],
        }
    ).to_csv(workspace["tables"] / "cleaning_audit.csv", index=False)
    md = write(workspace)[0].read_text(encoding="utf-8")
    cleaning = next(line for line in md.splitlines() if line.startswith("- **Cleaning.**"))
    assert said in cleaning


def test_notebook_04_by_hand_keeps_a_draft_and_leaves_a_stale_coder_figure_out(
    workspace, monkeypatch
):
    # a tester's draft summary.md was replaced unsaid, and a tone-coder figure an earlier run
    # left was shown, captioned as this run's, though this run had no coder
    from analysis.sentiment.coder_plots import CODER_FIGURE

    (workspace["reports"]).mkdir(parents=True, exist_ok=True)
    (workspace["reports"] / "summary.md").write_text("my draft\n", encoding="utf-8")
    (workspace["figures"] / f"{CODER_FIGURE}.png").write_bytes(PNG_BYTES)
    registry = {
        **REGISTRY,
        CODER_FIGURE: FigureInfo(CODER_FIGURE, "Coder.", "02_sentiment.ipynb", "c.csv"),
    }
    monkeypatch.setattr(gallery, "registered_figures", lambda *a, **k: dict(registry))
    with pytest.warns(UserWarning, match="was not written by this package"):
        md = write(workspace)[0].read_text(encoding="utf-8")
    assert (workspace["reports"] / "summary.yours.md").read_text(encoding="utf-8") == "my draft\n"
    assert CODER_FIGURE not in md


def test_a_stated_tone_finding_says_when_vaders_agreement_was_at_chance(workspace, tmp_path):
    # a tester's "NPR more positive than USA Today" stood unqualified beside kappa 0.00
    path = tmp_path / "agreement.csv"
    pd.DataFrame(
        [{"method": "codebook", "frame": "tone", "n": 150, "f1": 0.34, "f1_ci_low": 0.26,
          "f1_ci_high": 0.41, "kappa": 0.0047, "kappa_ci_low": -0.112, "kappa_ci_high": 0.118,
          "accuracy": 0.36, "tp": 0, "fp": 0, "fn": 0, "tn": 0}]
    ).to_csv(path, index=False)  # fmt: skip
    params = {"run_parameters": {**PARAMS["run_parameters"], "validation": str(path)}}
    md = summary.write_summary(
        workspace["tables"], workspace["figures"], workspace["reports"], params,
        workspace["corpus"], findings=make_findings(),
    )[0].read_text(encoding="utf-8")  # fmt: skip
    level = next(line for line in md.splitlines() if "the mean tone was +0.12" in line)
    assert "VADER's tone agreed with the human tone codes no better than chance" in level
    no_difference = next(line for line in md.splitlines() if "No clear difference in tone" in line)
    assert "no better than chance" not in no_difference
    # and the validation section gives kappa's interval
    assert "Cohen's kappa 0.00 (95% CI −0.11 to 0.12)" in md


def test_cleaning_counts_lines_not_audit_rows(workspace):
    pd.DataFrame(
        {
            "doc_id": ["gaz-01", "gaz-01", "post-01"],
            "line_no": [3, 3, 1],
            "rule": ["whitespace", "detokenise", "nav"],
            "action": ["changed", "changed", "removed"],
        }
    ).to_csv(workspace["tables"] / "cleaning_audit.csv", index=False)
    md = write(workspace)[0].read_text(encoding="utf-8")
    assert (
        "Of the 2 lines touched by cleaning (3 changes by rule: several rules can change one "
        "line), 1 removed and 1 changed" in md
    )


def test_a_grouping_named_by_no_word_and_the_codebooks_story_open_the_summary(
    workspace, tmp_path
) -> None:
    # a tester's "How 3 human_tones covered the story"; another's codebook story never appeared
    pd.DataFrame(
        {"doc_id": ["a", "b", "c"], "human_tone": ["-1", "0", "1"], "n_sentences": [4, 5, 6],
         "n_words": [40, 50, 60]}
    ).to_csv(workspace["tables"] / "documents.csv", index=False)  # fmt: skip
    book = tmp_path / "guns.toml"
    book.write_text(
        'story = "US gun violence, 2016-2018"\n[[frames]]\nkey = "guns"\nlabel = "Guns"\n'
        'indicators = ["rifle"]\n',
        encoding="utf-8",
    )
    run = {**PARAMS["run_parameters"], "group_by": "human_tone", "codebook": str(book)}
    md = summary.write_summary(
        workspace["tables"], workspace["figures"], workspace["reports"], {"run_parameters": run},
        workspace["corpus"], findings=[],
    )[0].read_text(encoding="utf-8")  # fmt: skip
    assert opening_of(md).startswith(
        "How 3 human_tone groups covered the story (“US gun violence, 2016-2018”, as the "
        "codebook names it)"
    )


def test_a_run_without_any_clear_difference_says_so_before_the_findings(workspace):
    # a copy editor's six-outlet run found none in 15 tone pairs and every other measure, and
    # only a reader who went through every bullet could tell
    write_documents(workspace["tables"], ["A", "B"], [12, 12])
    none = [
        Finding("tone_pairwise_A_vs_B_vader", "tone", "No clear difference.", supported=False),
        Finding("hedging_hedges", "hedging", "Hedges: no clear difference.", supported=False),
        Finding("tone_level_A_vader", "tone", "A's tone.", groups=("A",)),
    ]
    md = write(workspace, findings=none)[0].read_text(encoding="utf-8")
    heading = "**No clear difference between the outlets.** No comparison of tone, frames"
    assert heading in md
    assert md.index(heading) < md.index("## Key findings")
    one = [*none, Finding("hedging_certainty", "hedging", "A is higher than B.")]
    assert heading not in write(workspace, findings=one)[0].read_text(encoding="utf-8")
    levels = [none[2]]  # nothing compared: nothing to say
    assert "No clear difference between" not in write(workspace, findings=levels)[0].read_text(
        encoding="utf-8"
    )


def test_methods_say_the_mean_pools_sentences_and_the_rule_of_three_assumes_independence(
    workspace,
):
    # a methodologist: the pooled mean weighs long articles more, unsaid, and the rule of
    # three's bound assumes independent sentences, which the same summary says they are not
    md = write(workspace, findings=[])[0].read_text(encoding="utf-8")
    methods = md.split("## Methods")[1].split("## Limitations")[0]
    assert "pools its sentences, so a long article weighs more than a short one" in methods
    limitations = md.split("## Limitations")[1]
    assert "The rule assumes independent sentences; sentences of one article are not" in (
        limitations
    )


def test_the_opening_says_which_groups_ran_the_same_stories_only_when_they_did(workspace):
    """A tester's wire copy: "How 6 outlets covered the story" opened a summary of outlets that
    printed the same AP, Reuters and AFP stories; only "Document quality", at the end, said so."""
    rows = [
        {"doc_id": "w1", "outlet": "Wire", "n_sentences": 9, "n_words": 200,
         "quality_flags": "", "duplicate_of": ""},
        {"doc_id": "p1", "outlet": "Post", "n_sentences": 9, "n_words": 200,
         "quality_flags": "duplicate", "duplicate_of": "w1"},
        {"doc_id": "c1", "outlet": "Courier", "n_sentences": 9, "n_words": 200,
         "quality_flags": "duplicate", "duplicate_of": "w1"},
        {"doc_id": "c2", "outlet": "Courier", "n_sentences": 5, "n_words": 90,
         "quality_flags": "", "duplicate_of": ""},
        {"doc_id": "w2", "outlet": "Wire", "n_sentences": 5, "n_words": 90,
         "quality_flags": "", "duplicate_of": ""},
        {"doc_id": "p2", "outlet": "Post", "n_sentences": 5, "n_words": 90,
         "quality_flags": "", "duplicate_of": ""},
    ]  # fmt: skip
    # two articles in each outlet: a group of one article is not compared
    no_difference = [Finding("tone_pairwise_a", "tone", "No clear difference.", supported=False)]
    pd.DataFrame(rows).to_csv(workspace["tables"] / "documents.csv", index=False)
    md = write(workspace, no_difference)[0].read_text(encoding="utf-8")
    opening = opening_of(md).split("sentences.", 1)[1]
    assert opening.startswith(
        " 2 of these 6 articles are near-copies of an article of another outlet (syndicated "
        "or wire copy, flagged `duplicate` and kept), in 1 story two or more outlets ran: "
        "Courier, Post and Wire share 1 story. Their figures are not independent: each outlet "
        "counts the text it shares as its own (each outlet's share of it is in "
        "`reports/tables/shared_text.csv`; the copies are named under “Document quality”; the "
        "tone-arc figure draws one article of each story)."
    )
    assert "Where outlets ran the same stories (above), their figures are alike" in md
    # a copy of an article of the same outlet, or none: nothing is said
    rows[1]["outlet"] = rows[2]["outlet"] = "Wire"
    pd.DataFrame(rows).to_csv(workspace["tables"] / "documents.csv", index=False)
    md = write(workspace, no_difference)[0].read_text(encoding="utf-8")
    assert "near-copies" not in opening_of(md) and "same stories" not in md


def test_the_opening_says_plainly_when_every_article_of_an_outlet_is_another_outlets(workspace):
    """The same feed under two names: Outlet B ran Outlet A's four texts, and the opening said
    only "Outlet A and Outlet B share 4 stories", leaving the reader to count that it was all of
    each; Outlet D's two articles are copies of A's stories too, Outlet C's are its own."""
    rows = [
        {"doc_id": f"{o}{k}", "outlet": f"Outlet {o.upper()}", "n_sentences": 9,
         "n_words": 200, "quality_flags": "duplicate" if o in "bd" else "",
         "duplicate_of": f"a{k}" if o in "bd" else ""}
        for o, n in (("a", 4), ("b", 4), ("c", 4), ("d", 2))
        for k in range(n)
    ]  # fmt: skip
    pd.DataFrame(rows).to_csv(workspace["tables"] / "documents.csv", index=False)
    opening = opening_of(write(workspace, [])[0].read_text(encoding="utf-8"))
    assert (
        " Every article of Outlet A (4) and of Outlet B (4) is a near-copy of one of the "
        "other's: their figures are the same stories, not two outlets' coverage."
    ) in opening
    assert (
        " Every article of Outlet D (2) has a near-copy among Outlet A's and Outlet B's "
        "articles: its figures are not independent of theirs."
    ) in opening
    assert "Every article of Outlet C" not in opening
    # one of B's articles its own (b0): B is no longer all copies, and A's a0 only D ran
    rows[4].update(quality_flags="", duplicate_of="")
    pd.DataFrame(rows).to_csv(workspace["tables"] / "documents.csv", index=False)
    opening = opening_of(write(workspace, [])[0].read_text(encoding="utf-8"))
    assert "Every article of Outlet B" not in opening
    assert (
        " Every article of Outlet A (4) has a near-copy in another outlet's articles: none of "
        "its figures is independent of theirs."
    ) in opening
    assert "Every article of Outlet D (2) has a near-copy among Outlet A's articles:" in opening


def test_stories_shared_by_months_are_not_called_syndicated_copy(workspace):
    """Grouped by month, a tester's summary called the copies "syndicated or wire copy ...
    stories two or more months ran": months hold the same story, they do not run it."""
    rows = [
        {"doc_id": f"d{k}", "outlet": outlet, "month": month, "n_sentences": 5, "n_words": 90,
         "quality_flags": "duplicate" if original else "", "duplicate_of": original}
        for k, (outlet, month, original) in enumerate([
            ("Wire", "2025-01", ""), ("Post", "2025-02", "d0"), ("Post", "2025-01", ""),
            ("Wire", "2025-02", ""),
        ])
    ]  # fmt: skip
    pd.DataFrame(rows).to_csv(workspace["tables"] / "documents.csv", index=False)
    no_difference = [Finding("tone_pairwise_a", "tone", "No clear difference.", supported=False)]
    md = summary.write_summary(
        workspace["tables"], workspace["figures"], workspace["reports"],
        {"run_parameters": {**PARAMS["run_parameters"], "group_by": "published:month"}},
        workspace["corpus"], findings=no_difference,
    )[0].read_text(encoding="utf-8")  # fmt: skip
    opening = opening_of(md)
    assert (
        "1 of these 4 articles are near-copies of an article of another month (the same story "
        "in two months, flagged `duplicate` and kept), in 1 story found in two or more months: "
        "2025-01 and 2025-02 share 1 story." in opening
    )
    assert "syndicated" not in opening and "months ran" not in md
    assert "Where months hold the same stories (above)" in md


def test_a_grouping_by_lean_counts_outlets_names_them_and_says_what_was_left_out(workspace):
    """A tester's lean run: 5 articles without a lean compared as a lean "unknown", no outlet
    counted behind a lean, "right" mostly Fox News said nowhere, and a quote read "— right"."""
    rows = [
        ("c1", "BBC", "centre"), ("c2", "CNBC", "centre"), ("c3", "CNBC", "centre"),
        ("r1", "Fox News", "right"), ("r2", "Fox News", "right"), ("r3", "The Sun", "right"),
        ("q1", "Al Jazeera", "Qatar"),
    ]  # fmt: skip
    pd.DataFrame(
        [{"doc_id": d, "outlet": o, "lean": g, "n_sentences": 5, "n_words": 90} for d, o, g in rows]
    ).to_csv(workspace["tables"] / "documents.csv", index=False)
    pd.DataFrame(
        {"doc_id": ["u1", "u2"], "line_no": [0, 0], "original": ["lean: (empty)"] * 2,
         "rule": ["no_group_value"] * 2, "action": ["document_left_out"] * 2, "result": ""}
    ).to_csv(workspace["tables"] / "cleaning_audit.csv", index=False)  # fmt: skip
    quote = Evidence("r3", 21, "right", "Xi will choose the former.")
    findings = [Finding("tone_level_right", "tone", "Right's tone.", evidence=(quote,))]
    params = {"run_parameters": {**PARAMS["run_parameters"], "group_by": "lean"}}
    md = summary.write_summary(
        workspace["tables"], workspace["figures"], workspace["reports"], params,
        workspace["corpus"], findings=findings,
    )[0].read_text(encoding="utf-8")  # fmt: skip
    opening = opening_of(md)
    assert opening.startswith(
        "How 3 leans covered the story, from 7 articles (centre (3 articles, 2 outlets), "
        "right (3 articles, 2 outlets), Qatar (1 article, 1 outlet))"
    )
    assert (
        " One outlet wrote most of the articles of these leans (centre, 2 of 3 from CNBC; "
        "right, 2 of 3 from Fox News; Qatar, its one article from Al Jazeera): a difference "
        "found for one may be that outlet's rather than the lean's."
    ) in opening
    assert " Left out: 2 articles with no lean (action `document_left_out`" in opening
    assert "— right (The Sun), `r3` sentence 21" in md


def test_outlets_of_different_genres_are_said_so_in_the_opening(workspace):
    """A tester's Ledger was "more positive in tone than Daily Courier (p = 0.026)", the
    Courier's articles half opinion and the Ledger's mostly news, the genre column unread."""
    genres = {
        "Daily Courier": ["opinion", "opinion", "opinion", "editorial", "letters", "news"],
        "Morning Ledger": ["news", "news", "news", "news", "explainer", "editorial"],
        "Northern Standard": ["news", "opinion", ""],
    }
    rows = [
        {"doc_id": f"{o[:3]}{i}", "outlet": o, "genre": g, "n_sentences": 5, "n_words": 90}
        for o, kinds in genres.items()
        for i, g in enumerate(kinds)
    ]
    pd.DataFrame(rows).to_csv(workspace["tables"] / "documents.csv", index=False)
    opening = opening_of(write(workspace, findings=[])[0].read_text(encoding="utf-8"))
    assert (
        " The outlets' mixes of `genre` differ: Daily Courier's articles are half opinion "
        "(3 of 6), Morning Ledger's mostly news (4 of 6) and Northern Standard's half news (1 "
        "of the 2 with a `genre`), so a difference found between the outlets may be one of "
        "`genre` rather than of outlet."
    ) in opening
    # grouped by genre, the outlets behind each genre are said instead, and this is not
    params = {"run_parameters": {**PARAMS["run_parameters"], "group_by": "genre"}}
    by_genre = summary.write_summary(
        workspace["tables"], workspace["figures"], workspace["reports"], params,
        workspace["corpus"], findings=[],
    )[0].read_text(encoding="utf-8")  # fmt: skip
    assert "One outlet wrote most of the articles" in opening_of(by_genre)
    assert "mixes of" not in opening_of(by_genre)
    # the same mix at each outlet: nothing is said
    same = [dict(r, genre="news") for r in rows]
    pd.DataFrame(same).to_csv(workspace["tables"] / "documents.csv", index=False)
    assert "mixes of" not in opening_of(write(workspace, findings=[])[0].read_text("utf-8"))


def test_the_few_articles_limitation_names_the_grouping(workspace):
    """A tester's country run: "its p-value ... is optimistic about outlets"."""
    pd.DataFrame(
        {"doc_id": ["a", "b", "c"], "outlet": ["A", "B", "C"], "country": ["US", "US", "UK"],
         "n_sentences": [4, 5, 6], "n_words": [40, 50, 60]}
    ).to_csv(workspace["tables"] / "documents.csv", index=False)  # fmt: skip
    params = {"run_parameters": {**PARAMS["run_parameters"], "group_by": "country"}}
    md = summary.write_summary(
        workspace["tables"], workspace["figures"], workspace["reports"], params,
        workspace["corpus"], findings=[],
    )[0].read_text(encoding="utf-8")  # fmt: skip
    assert "optimistic about countries." in md and "optimistic about outlets" not in md


def test_an_undefined_alpha_says_why_and_is_not_called_reliable(workspace, tmp_path):
    # a tester's x-only coder left race/ethnicity's alpha undefined: the summary said "one code
    # throughout" and then "Each alpha given is at least 0.667", as if that frame were reliable
    agreement = _agreement(tmp_path / "agreement.csv")
    params = {"validation": str(agreement)}
    note = (
        "alpha undefined: one value throughout: every code of the 11 items two coders coded "
        "is 1 (present), and alpha (agreement beyond chance) needs codes that vary"
    )
    pd.DataFrame(
        [{"frame": "conflict", "n_items": 80, "n_coders": 2, "krippendorff_alpha": 0.9,
          "percent_agreement": 0.95, "note": ""},
         {"frame": "tone", "n_items": 11, "n_coders": 2, "krippendorff_alpha": float("nan"),
          "percent_agreement": 1.0, "note": note}]
    ).to_csv(tmp_path / "intercoder.csv", index=False)  # fmt: skip
    text = "\n".join(summary.validation_lines(workspace["tables"], params, workspace["corpus"])[0])
    assert "tone undefined (11 items: one value throughout: every code of the 11 items" in text
    assert "Each alpha given" not in text
    assert "Each alpha computed (all but tone) is at least 0.667" in text
    assert "For tone no alpha could be computed" in text


def test_the_opening_counts_and_names_the_groups_of_one_article(workspace):
    """A bootstrap interval over one article's sentences describes that article only; groups of
    one article were compared like the others, and the opening did not say how many there were."""
    opening = opening_of(write(workspace)[0].read_text(encoding="utf-8"))
    assert (
        " 1 of the 2 outlets has one article (Harbour Post): it is described, not compared with "
        "the others, since an interval from one article's sentences describes that article only."
    ) in opening
    rows = [
        {"doc_id": f"{outlet[0]}{k}", "outlet": outlet, "n_sentences": 6, "n_words": 120,
         "quality_flags": "", "duplicate_of": ""}
        for outlet, n in (("Wire", 1), ("Post", 1), ("Courier", 3))
        for k in range(n)
    ]  # fmt: skip
    pd.DataFrame(rows).to_csv(workspace["tables"] / "documents.csv", index=False)
    opening = opening_of(write(workspace)[0].read_text(encoding="utf-8"))
    assert " 2 of the 3 outlets have one article each (Post and Wire): they are described" in (
        opening
    )
    rows[0]["outlet"] = "Post"  # one outlet of 2 articles, one of 3: every group is compared
    pd.DataFrame(rows).to_csv(workspace["tables"] / "documents.csv", index=False)
    assert "one article" not in opening_of(write(workspace)[0].read_text(encoding="utf-8"))


def unresolved_cross_references(md: str) -> list[str]:
    """Each "(see X)" of a summary's Markdown that names no part of it: a figure link whose
    anchor is missing, or a section that is no heading (“**Tests** under Methods”: a bold
    label under a heading; “Limitations, “Not in English””: the heading first)."""
    headings = {
        line.lstrip("#").strip().lower() for line in md.split("\n") if re.match(r"#{1,6} ", line)
    }
    missing = []
    for ref in re.findall(r"\(see ((?:[^()]|\([^()]*\))+)\)", md):
        links = re.findall(r"\[[^\]]+\]\(#([^)]+)\)", ref)
        if links:
            missing += [ref for anchor in links if f'<a id="{anchor}"></a>' not in md]
            continue
        place = ref.removeprefix("the ").split(", ")[0]
        if " under " in place:
            label, place = place.split(" under ", 1)
            if not re.search(rf"\*\*{re.escape(label.strip('*'))}\.?\*\*", md):
                missing.append(ref)
                continue
        if place.lower() not in headings:
            missing.append(ref)
    return missing


def test_every_see_in_a_summary_names_one_of_its_headings(workspace, tmp_path) -> None:
    """The findings' notes name the trust sections by the headings' own constants: a tester's
    sourcing findings said "(see How far to trust the frame and tone coders)" while the
    section on the source lexicon was "How far to trust the sourcing shares"."""
    from analysis.framing.corrected_differences import (
        check_against_corrected,
        check_sourcing_agreement,
    )
    from analysis.sentiment.tone_validation import check_tone_findings

    agreement = _agreement(tmp_path / "agreement.csv")
    table = pd.concat([pd.read_csv(agreement), pd.DataFrame(_sourcing_rows())])
    low = {
        "method": "sources",
        "frame": "source_politicians",
        "n": 50,
        "precision": 0.1,
        "precision_ci_low": 0.0,
        "precision_ci_high": 0.3,
        "f1": 0.1,
        "f1_ci_low": 0.0,
        "f1_ci_high": 0.3,
        "tp": 1,
        "fp": 9,
        "fn": 1,
        "tn": 39,
        "n_machine_positive": 10,
    }
    tone = {"method": "codebook", "frame": "tone", "n": 50, "f1": 0.4, "f1_ci_low": 0.3,
            "f1_ci_high": 0.5, "kappa": 0.05, "kappa_ci_low": -0.1, "kappa_ci_high": 0.2,
            "accuracy": 0.5}  # fmt: skip
    table = pd.concat([table, pd.DataFrame([low, tone])])
    table.to_csv(agreement, index=False)
    findings = [
        Finding("sourcing_Harbour Post", "sourcing", "Harbour Post credits Politicians 4."),
        Finding("frames_salient_Harbour Post", "frames", "Conflict (40% of sentences)."),
        Finding("tone_level_Harbour Post", "tone", "Harbour Post's mean tone was +0.12."),
    ]
    findings = check_sourcing_agreement(findings, table)
    findings = check_against_corrected(
        findings, None, precision={"conflict": (0.2, 0.3)}, labels={"conflict": "Conflict"}
    )
    findings = check_tone_findings(findings, table)
    params = {
        **PARAMS,
        "run_parameters": {**PARAMS["run_parameters"], "validation": str(agreement)},
    }
    md = summary.write_summary(
        workspace["tables"], workspace["figures"], workspace["reports"], params,
        workspace["corpus"], findings=findings,
    )[0].read_text(encoding="utf-8")  # fmt: skip
    sees = re.findall(r"\(see [^)]*\)", md)
    assert any("sourcing shares" in s for s in sees) and any("tone coders" in s for s in sees)
    assert unresolved_cross_references(md) == []
    assert unresolved_cross_references("## A\n\nText (see How far to trust B).") == [
        "How far to trust B"
    ]


def test_an_unvalidated_source_lexicon_is_said_to_risk_missing_sources(workspace, tmp_path):
    """A tester's summary said only that the sourcing coder was "not validated"; her hand key
    found it credited a kind to about a quarter of the sentences that name one."""
    risk = "The source lexicon risks missing many sources, not only misreading some"
    assert risk in summary.not_validated(workspace["corpus"])
    assert "answers in a Q&A interview" in summary.not_validated(workspace["corpus"])
    # a transcript's guest turns are read (from the speakers' labels): not listed as unread
    assert "transcript" not in summary.not_validated(workspace["corpus"])
    assert risk not in summary.not_validated(workspace["corpus"], coders="frame coder")
    agreement = _agreement(tmp_path / "agreement.csv")  # frames only: sourcing not checked
    _, limits = summary.validation_lines(
        workspace["tables"], {"validation": str(agreement)}, workspace["corpus"]
    )
    assert risk in limits[-1] and limits[-1].startswith("- **Sourcing not validated")


def test_the_sourcing_section_gives_each_kinds_precision_and_recall(workspace, tmp_path):
    """The findings' notes quote a kind's precision or recall with its interval: the section
    they point to gives them (a tester's listed F1 only)."""
    row = {"method": "sources", "frame": "source_citizens", "n": 141, "f1": 0.0,
           "f1_ci_low": 0.0, "f1_ci_high": 0.0, "tp": 0, "fp": 1, "fn": 6, "tn": 134,
           "precision": 0.0, "precision_ci_low": 0.0, "precision_ci_high": 0.793451,
           "recall": 0.0, "recall_ci_low": 0.0, "recall_ci_high": 0.390334,
           "n_machine_positive": 1, "n_human_positive": 6}  # fmt: skip
    none = {**row, "frame": "source_media", "tp": 0, "fp": 0, "fn": 2, "precision": 0.0,
            "n_machine_positive": 0, "recall": 0.0}  # fmt: skip
    agreement = tmp_path / "agreement.csv"
    pd.DataFrame([row, none]).to_csv(agreement, index=False)
    head, _ = summary.validation_lines(
        workspace["tables"], {"validation": str(agreement)}, workspace["corpus"]
    )
    text = "\n".join(head)
    assert (
        "- Credits Citizens: F1 0.00 (95% CI 0.00–0.00; n = 141 human-coded items, 6 coded 1); "
        "precision 0.00 (95% CI 0.00–0.79, 1 coded 1 by the lexicon), recall 0.00 (95% CI "
        "0.00–0.39)." in text
    )
    assert "Other media: F1 0.00 (95% CI 0.00–0.00; n = 141 human-coded items, 2 coded 1); " \
        "precision undefined (the lexicon coded no item 1), recall 0.00" in text  # fmt: skip


def test_a_qa_interview_is_noted_at_the_sourcing_findings(workspace) -> None:
    """A tester's Q&A interview had its answers counted as no quotation, unlike the transcript
    beside it, which the summary noted."""
    turns = ["Q: How bad is it?", "A: The worst on record.", "Q: Why?", "A: No rain."]
    pd.DataFrame({"doc_id": ["post-01"] * 4, "sentence": turns}).to_csv(
        workspace["tables"] / "sentences.csv", index=False
    )
    credited = Finding("sourcing_Harbour Post", "sourcing", "Harbour Post credits Politicians 4.")
    md = write(workspace, [*make_findings(), credited])[0].read_text(encoding="utf-8")
    sourcing = md.split("### Sourcing")[1].split("\n### ")[0]
    assert "**Q&A interviews.** 1 of 3 documents are written as questions and answers" in sourcing


def test_the_shared_stories_note_names_the_tone_arc_only_when_it_is_drawn(workspace):
    """A tester's headlines (one sentence each) got "the tone-arc figure draws one article of
    each story" in the opening and "the tone-arc figure … is not drawn" further down."""
    rows = [
        {"doc_id": d, "outlet": o, "n_sentences": 1, "n_words": 9,
         "quality_flags": "duplicate" if dup else "", "duplicate_of": dup}
        for d, o, dup in [("w1", "Wire", ""), ("c1", "Courier", "w1"), ("c2", "Courier", ""),
                          ("w2", "Wire", "")]
    ]  # fmt: skip
    no_difference = [Finding("tone_pairwise_a", "tone", "No clear difference.", supported=False)]
    pd.DataFrame(rows).to_csv(workspace["tables"] / "documents.csv", index=False)
    opening = opening_of(write(workspace, no_difference)[0].read_text(encoding="utf-8"))
    assert "near-copies of an article of another outlet" in opening
    assert "tone-arc" not in opening
