"""Every measure may be empty: no actor, frame, quote, hedge or keyness term, or only one group.

Each case still gives a figure (a centred "none found" message, saved under its stable name) and
a finding that says so in words; the last test runs the whole pipeline on an off-topic corpus.
Sentences here are written for the tests: a bakery festival, numbers only, Chinese text.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from analysis.figures import save_figure
from analysis.framing import (
    add_framing,
    frame_evidence,
    frame_salience_table,
    framing_findings,
    hedging_table,
    keyness_table,
    load_codebook,
    plot_frame_heatmap,
    plot_frame_salience,
    plot_hedging,
    plot_keyness,
    plot_sourcing,
    sourcing_table,
)
from analysis.sentiment import (
    actor_tone,
    add_sentiment,
    plot_actor_tone,
    sentiment_by_group,
    sentiment_findings,
    sentiment_pairwise,
)
from analysis.sentiment.actors import add_actors, load_actor_lexicon

BAKERY = [
    ("t1", "Town Herald", "The bakery festival opened with long queues outside the market hall."),
    ("t1", "Town Herald", "Families tasted sourdough and sweet buns."),
    ("v1", "Valley Post", "Children decorated gingerbread near the fountain."),
    ("v1", "Valley Post", "A baker from the north side won the prize for the best croissant."),
]
NUMBERS = [
    ("a1", "Alpha", "12 34 56."),
    ("a1", "Alpha", "78 90."),
    ("b1", "Beta", "12 34 56."),
    ("b1", "Beta", "78 90."),
]
CHINESE = [
    ("a1", "甲报", "今天城里举办了面包节。"),
    ("b1", "乙报", "孩子们在喷泉旁装饰姜饼。"),
]
N_BOOT = 100


def _sentences(rows: list[tuple[str, str, str]]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=["doc_id", "outlet", "sentence"])
    df["sentence_id"] = df.groupby("doc_id").cumcount()
    df["n_words"] = df["sentence"].str.split().str.len()
    return add_framing(add_sentiment(df))


def _texts(fig: plt.Figure) -> list[str]:
    return [t.get_text() for ax in fig.axes for t in ax.texts]


def _framing(sentences: pd.DataFrame) -> dict[str, object]:
    book = load_codebook()
    frames = frame_salience_table(sentences, "outlet", book, n_boot=N_BOOT)
    evidence = frame_evidence(sentences, book, group_col="outlet")
    tables = {
        "frames": frames,
        "keyness": keyness_table(sentences, "outlet"),
        "sourcing": sourcing_table(sentences, "outlet"),
        "hedging": hedging_table(sentences, "outlet", n_boot=N_BOOT),
    }
    tables["findings"] = framing_findings(
        frames,
        tables["keyness"],
        tables["sourcing"],
        tables["hedging"],
        sentences,
        evidence,
        group_col="outlet",
        n_boot=N_BOOT,
    )
    return tables


def _finding(findings, key: str):
    found = {f.key: f for f in findings}
    assert key in found, sorted(found)
    return found[key]


# --- no actor -------------------------------------------------------------------------------


def test_no_actor_gives_a_none_found_figure_saved_under_its_name(tmp_path: Path) -> None:
    sentences = _sentences(BAKERY)
    actors = actor_tone(sentences, "outlet", n_boot=N_BOOT)
    assert actors.empty
    fig = plot_actor_tone(actors, "outlet", "vader")
    assert any("No actor" in t for t in _texts(fig))
    png, svg = save_figure(fig, "fig04_actor_tone", tmp_path)
    plt.close(fig)
    assert png.is_file() and svg.is_file()
    assert "No actor to report" in svg.read_text(encoding="utf-8")


def test_no_actor_is_stated_in_the_findings() -> None:
    sentences = _sentences(BAKERY)
    by_group = sentiment_by_group(sentences, "outlet", n_boot=N_BOOT)
    pairwise = sentiment_pairwise(sentences, "outlet", n_boot=N_BOOT, n_perm=50)
    actors = actor_tone(sentences, "outlet", n_boot=N_BOOT)
    findings = sentiment_findings(by_group, pairwise, actors, sentences, "outlet")
    finding = _finding(findings, "actor_tone_none_vader")
    # no list given: the actors would have been names found in the corpus, and it says so
    assert finding.text == (
        "No actor to report: no name of the actor list is mentioned, or, without a list, no "
        "name is used by at least 2 of the articles (with one article, none can be found); "
        "give an actor list with -p actors FILE."
    )
    assert finding.section == "actors" and finding.figures == ("fig04_actor_tone",)


def test_actors_too_rare_to_report_are_stated_in_the_findings(tmp_path: Path) -> None:
    path = tmp_path / "actors.toml"
    path.write_text(
        '[[actor]]\nkey = "guild"\nlabel = "Bakers\' Guild"\nside = "other"\n'
        'patterns = ["Bakers\' Guild"]\ncased = []\nnote = "made up"\n',
        encoding="utf-8",
    )
    lexicon = load_actor_lexicon(path)
    rows = [*BAKERY, ("t2", "Town Herald", "The Bakers' Guild sent a pastry chef.")]
    sentences = add_actors(_sentences(rows), lexicon)
    by_group = sentiment_by_group(sentences, "outlet", n_boot=N_BOOT)
    pairwise = sentiment_pairwise(sentences, "outlet", n_boot=N_BOOT, n_perm=50)
    actors = actor_tone(sentences, "outlet", lexicon=lexicon, n_boot=N_BOOT)
    assert not actors.empty
    findings = sentiment_findings(by_group, pairwise, actors, sentences, "outlet", lexicon=lexicon)
    # the heatmap's bound too (analysis.config.MIN_ACTOR_SENTENCES): one bound in both places
    assert "fewer than 5 sentences" in _finding(findings, "actor_tone_sparse_vader").text


# --- only one group -------------------------------------------------------------------------


def test_one_group_is_stated_for_tone_frames_and_vocabulary() -> None:
    sentences = _sentences([r for r in BAKERY if r[1] == "Town Herald"])
    by_group = sentiment_by_group(sentences, "outlet", n_boot=N_BOOT)
    pairwise = sentiment_pairwise(sentences, "outlet", n_boot=N_BOOT, n_perm=50)
    actors = actor_tone(sentences, "outlet", n_boot=N_BOOT)
    tone = sentiment_findings(by_group, pairwise, actors, sentences, "outlet")
    assert "Only one outlet (Town Herald)" in _finding(tone, "tone_single_group").text
    framing = _framing(sentences)
    assert framing["keyness"].empty
    for key in ("frames_single_group", "vocabulary_single_group"):
        text = _finding(framing["findings"], key).text
        assert "Only one outlet (Town Herald)" in text and "no second group" in text
    fig = plot_keyness(framing["keyness"], "outlet")
    assert any("No distinctive words" in t for t in _texts(fig))
    plt.close(fig)


# --- no keyness term ------------------------------------------------------------------------


def test_numbers_only_articles_have_no_keyness_term() -> None:
    framing = _framing(_sentences(NUMBERS))
    assert framing["keyness"].empty
    text = _finding(framing["findings"], "vocabulary_none").text
    assert text.startswith("No word is distinctive of any group")
    fig = plot_keyness(framing["keyness"], "outlet", top_terms=5)
    assert any("No distinctive words" in t for t in _texts(fig))
    plt.close(fig)


# --- no frame -------------------------------------------------------------------------------


def test_no_frame_gives_none_found_figures_and_finding() -> None:
    framing = _framing(_sentences(CHINESE))
    assert (framing["frames"]["n_frame_sentences"] == 0).all()
    for plot in (plot_frame_heatmap, plot_frame_salience):
        fig = plot(framing["frames"], "outlet")
        assert any("No sentence" in t and "frame" in t for t in _texts(fig))
        plt.close(fig)
    text = _finding(framing["findings"], "frames_none").text
    assert text.startswith("No sentence in these articles uses the indicators of any frame")
    assert not any(f.key == "frames_no_clear_difference" for f in framing["findings"])


# --- no quote, no source --------------------------------------------------------------------


def test_no_quote_and_no_source_give_a_none_found_figure_and_findings() -> None:
    framing = _framing(_sentences(BAKERY))
    fig = plot_sourcing(framing["sourcing"], "outlet")
    assert any("No sentence" in t for t in _texts(fig))
    plt.close(fig)
    quotes = _finding(framing["findings"], "sourcing_quotes").text
    assert quotes.startswith("No sentence in these articles carries a direct quotation")
    sources = _finding(framing["findings"], "sourcing_none").text
    assert sources.startswith("No sentence in these articles attributes a claim")


# --- no hedge -------------------------------------------------------------------------------


def test_no_hedge_gives_a_none_found_figure_and_findings() -> None:
    framing = _framing(_sentences(BAKERY))
    fig = plot_hedging(framing["hedging"], "outlet")
    assert any("No hedge" in t for t in _texts(fig))
    plt.close(fig)
    assert _finding(framing["findings"], "hedging_hedges").text.startswith("No hedge")
    assert _finding(framing["findings"], "hedging_certainty").text.startswith("No certainty marker")


# --- the whole run --------------------------------------------------------------------------

FESTIVAL = [
    "The town bakery festival opened on Saturday morning with long queues outside the old "
    "market hall. Families tasted sourdough, rye and sweet buns from twelve local bakers. The "
    "event returns next spring.\n",
    "Children decorated gingerbread at a long table near the fountain. A baker from the north "
    "side of town won the prize for the best croissant. Visitors praised the warm weather.\n",
]


@pytest.mark.slow
def test_off_topic_corpus_runs_to_the_end_and_says_what_is_empty(tmp_path: Path) -> None:
    from analysis.pipeline.run import run_pipeline

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    rows = []
    for i, outlet in enumerate(["Town Herald", "Valley Post", "Daily Loaf"]):
        for j, text in enumerate(FESTIVAL):
            name = f"{i}{j}.txt"
            (corpus / name).write_text(text, encoding="utf-8")
            rows.append({"doc_id": f"d{i}{j}", "file": name, "outlet": outlet, "title": ""})
    pd.DataFrame(rows).to_csv(corpus / "manifest.csv", index=False)
    out = tmp_path / "out"
    params = {"corpus_dir": str(corpus), "n_boot": N_BOOT, "n_perm": 100}
    run_pipeline(params, out_dir=out, progress=False, log=lambda _: None)
    summary = (out / "reports" / "summary.md").read_text(encoding="utf-8")
    for sentence in (
        "No actor to report",
        "No sentence in these articles carries a direct quotation",
        "No hedge (may, could, reportedly…) is used in these articles",
    ):
        assert sentence in summary
    stems = {p.stem for p in (out / "figures").glob("fig*.png")}
    assert stems == {
        "fig01_corpus_size",
        "fig02_sentence_tone",
        "fig03_tone_arc",
        "fig04_actor_tone",
        "fig05_tone_shares",
        "fig06_vader_vs_news",
        "fig07_frame_heatmap",
        "fig08_frame_salience",
        "fig09_keyness",
        "fig10_sourcing",
        "fig11_hedging",
        "fig12_article_frames",
    }
