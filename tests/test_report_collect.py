"""analysis.report.collect: saved findings are used as is; otherwise recomputed from tables."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from sentiment_sentences import lexicon_dir, made_up_actors, sentence_table

from analysis.io import write_table
from analysis.report.collect import collect_findings
from analysis.report.findings import Evidence, Finding, save_findings
from analysis.sentiment.findings import sentiment_findings
from analysis.sentiment.scoring import add_sentiment
from analysis.sentiment.tables import actor_tone, sentiment_by_group, sentiment_pairwise

SAVED = [
    Finding("tone_level_X", "tone", "Saved tone finding.", (Evidence("d1", 0, "X", "Hi."),)),
    Finding("tone_pair", "tone", "No clear difference.", supported=False),
    Finding("frame_conflict", "frames", "Saved frame finding."),
]


def test_saved_findings_are_preferred_over_recomputing(tmp_path: Path):
    save_findings(SAVED[:2], tmp_path / "findings_sentiment.json")
    save_findings(SAVED[2:], tmp_path / "findings_framing.json")
    assert collect_findings(tmp_path, {"group_by": "outlet"}) == SAVED


def test_no_saved_findings_and_no_tables_give_none(tmp_path: Path):
    assert collect_findings(tmp_path, {}) == []


@pytest.fixture(scope="module")
def sentiment_tables(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tables notebook 02 writes when the run compares the two outlets of
    ``sentiment_sentences``; ``sentences.csv`` also holds a third outlet's article."""
    folder = tmp_path_factory.mktemp("tables")
    sentences = sentence_table()
    write_table(
        sentiment_by_group(sentences, n_boot=100, seed=1), folder / "sentiment_by_outlet.csv"
    )
    write_table(
        sentiment_pairwise(sentences, n_boot=100, n_perm=100, seed=1),
        folder / "sentiment_pairwise.csv",
    )
    write_table(
        actor_tone(sentences, lexicon=made_up_actors(), n_boot=50, seed=1),
        folder / "actor_tone.csv",
    )
    other = add_sentiment(
        pd.DataFrame(
            {
                "doc_id": ["G1", "G1"],
                "outlet": ["Other Gazette", "Other Gazette"],
                "origin": ["Elbonia", "Elbonia"],
                "sentence_id": [0, 1],
                "sentence": ["Critical minerals were discussed.", "The talks went well."],
                "n_words": [4, 4],
            }
        ),
        news_terms=lexicon_dir() / "news_terms.csv",
    )
    write_table(pd.concat([sentences, other], ignore_index=True), folder / "sentences.csv")
    return folder


def test_findings_are_recomputed_from_the_tables_when_none_were_saved(sentiment_tables: Path):
    def read(name: str) -> pd.DataFrame:
        return pd.read_csv(sentiment_tables / name, dtype={"doc_id": str})

    sentences = read("sentences.csv")
    chosen = ["Daily Ledger", "Freedonia Post"]
    expected = sentiment_findings(
        read("sentiment_by_outlet.csv"),
        read("sentiment_pairwise.csv"),
        read("actor_tone.csv"),
        sentences[sentences["outlet"].isin(chosen)].reset_index(drop=True),
        "outlet",
        method="vader-news",
    )
    params = {"group_by": "outlet", "method": "vader-news", "outlets": chosen}
    found = collect_findings(sentiment_tables, params)
    assert found == expected  # the framing tables are absent: no framing findings
    assert any(f.key == "tone_level_Daily Ledger_vader-news" for f in found)


def test_recomputed_findings_keep_to_the_outlets_of_the_run(sentiment_tables: Path):
    def method_text(params: dict) -> str:
        found = collect_findings(sentiment_tables, params)
        return next(f.text for f in found if f.key == "tone_method_sensitivity")

    assert "changed the score of 2 of 14 sentences" in method_text({})  # no outlets chosen: all
    chosen = {"outlets": ["Daily Ledger", "Freedonia Post"]}
    assert "changed the score of 1 of 12 sentences" in method_text(chosen)


def test_a_tables_folder_without_notebook_01s_table_says_what_to_run(tmp_path) -> None:
    # notebook 04 alone, after 02 only, ended in pandas' FileNotFoundError on documents.csv
    import pytest

    from analysis.report.summary import write_summary

    (tmp_path / "findings_sentiment.json").write_text("[]", encoding="utf-8")
    with pytest.raises(FileNotFoundError, match=r"documents\.csv not found: .*notebooks 01-03"):
        write_summary(tmp_path, tmp_path / "figures", tmp_path / "reports", {}, tmp_path)
    assert not (tmp_path / "reports").exists()
