"""analysis.report.facts: corpus counts, translations, the corpus hash and package versions."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd
import pytest

from analysis.report.facts import CorpusFacts, corpus_facts, corpus_sha256, package_versions


def write_tables(tables: Path, notes: list[str] | None = None) -> None:
    tables.mkdir(parents=True, exist_ok=True)
    docs = pd.DataFrame(
        {
            "doc_id": ["001", "002", "003"],
            "outlet": ["Gazette", "Gazette", "Post"],
            "origin": ["Ruritania", "Ruritania", "Freedonia"],
            "n_sentences": [10, 6, 8],
            "n_words": [200, 120, 150],
        }
    )
    if notes is not None:
        docs["notes"] = notes
    docs.to_csv(tables / "documents.csv", index=False)
    pd.DataFrame({"doc_id": ["001", "003", "003"], "rule": ["nav", "bio", "bio"]}).to_csv(
        tables / "cleaning_audit.csv", index=False
    )


def test_folder_corpus_facts(tmp_path: Path):
    tables, corpus = tmp_path / "tables", tmp_path / "corpus"
    write_tables(tables)
    corpus.mkdir()
    (corpus / "a.txt").write_text("Text.\n", encoding="utf-8")
    (corpus / ".hidden").write_text("not counted\n", encoding="utf-8")
    (corpus / "manifest.csv").write_text(
        "doc_id,file,notes\n001,a.txt,\n003,c.txt,Translated from Freedonian.\n", encoding="utf-8"
    )
    facts = corpus_facts(tables, corpus)
    assert facts == CorpusFacts(
        group_col="outlet",
        n_docs=3,
        n_sentences=24,
        n_words=470,
        per_group=(("Gazette", 2, 16), ("Post", 1, 8)),
        sha256=corpus_sha256(corpus),
        n_files=2,  # a.txt and manifest.csv; hidden files are not part of the corpus
        n_cleaning_changes=3,
        n_cleaning_rows=3,
        cleaning_actions=(),  # this audit has no action column
        translated=(("003", "Post"),),  # doc ids keep their leading zeros
        corpus_file="",
        max_sentences=10,  # the longest article's: enough for a tone arc
    )
    by_origin = corpus_facts(tables, corpus, "origin")
    # Largest group first (articles, then sentences, then name).
    assert by_origin.per_group == (("Ruritania", 2, 16), ("Freedonia", 1, 8))
    assert by_origin.translated == (("003", "Freedonia"),)


def test_corpus_file_facts_use_its_notes_column_and_its_bytes(tmp_path: Path):
    tables, corpus = tmp_path / "tables", tmp_path / "export.csv"
    write_tables(tables, notes=["", "English translation", ""])
    corpus.write_text("text,outlet\nA sentence.,Gazette\n", encoding="utf-8")
    facts = corpus_facts(tables, corpus)
    assert facts.corpus_file == "export.csv" and facts.n_files == 1
    assert facts.sha256 == hashlib.sha256(corpus.read_bytes()).hexdigest()
    assert facts.translated == (("002", "Gazette"),)


def test_a_missing_audit_counts_no_changes_and_an_unknown_group_is_an_error(tmp_path: Path):
    tables, corpus = tmp_path / "tables", tmp_path / "corpus"
    write_tables(tables)
    (tables / "cleaning_audit.csv").unlink()
    corpus.mkdir()
    assert corpus_facts(tables, corpus).n_cleaning_changes == 0
    with pytest.raises(KeyError, match="section"):
        corpus_facts(tables, corpus, "section")


def test_package_versions_list_python_and_flag_what_is_missing():
    versions = package_versions((("pandas", "pandas"), ("no-such-dist-xyz", "missing")))
    assert list(versions) == ["python", "pandas", "missing", "analysis code (SHA-256)"]
    assert versions["pandas"] == pd.__version__
    assert versions["missing"] == "not installed"


def test_cleaning_actions_are_counted_apart_and_the_selection_limits_the_counts(tmp_path: Path):
    tables, corpus = tmp_path / "tables", tmp_path / "corpus"
    write_tables(tables)
    pd.DataFrame(
        {
            "doc_id": ["001", "001", "002", "003", "003"],
            "rule": ["nav", "quote", "bio", "bio", "title"],
            "action": ["removed", "changed", "removed", "removed", "moved_to_metadata"],
        }
    ).to_csv(tables / "cleaning_audit.csv", index=False)
    corpus.mkdir()
    (corpus / "a.txt").write_text("Text.\n", encoding="utf-8")
    facts = corpus_facts(tables, corpus)
    assert facts.cleaning_actions == (("changed", 1), ("moved_to_metadata", 1), ("removed", 3))
    only_post = corpus_facts(tables, corpus, outlets=["Post"])
    assert only_post.per_group == (("Post", 1, 8),)
    assert (only_post.n_docs, only_post.n_cleaning_changes) == (1, 2)
    assert only_post.cleaning_actions == (("moved_to_metadata", 1), ("removed", 1))


def test_a_semicolon_manifest_s_notes_and_an_outlet_named_n_a_are_read(tmp_path: Path):
    """A manifest saved by a spreadsheet with semicolons still gives its translation notes, and
    an outlet named "N/A" is a group of the counts, not a missing value."""
    tables, corpus = tmp_path / "tables", tmp_path / "corpus"
    write_tables(tables)
    docs = pd.read_csv(tables / "documents.csv", dtype={"doc_id": str})
    docs.loc[2, "outlet"] = "N/A"
    docs.to_csv(tables / "documents.csv", index=False)
    corpus.mkdir()
    (corpus / "manifest.csv").write_text(
        "doc_id;file;outlet;notes\n001;a.txt;Gazette;\n"
        "003;c.txt;N/A;Translated, from Freedonian.\n",
        encoding="utf-8",
    )
    facts = corpus_facts(tables, corpus)
    assert facts.per_group == (("Gazette", 2, 16), ("N/A", 1, 8))
    assert facts.translated == (("003", "N/A"),)


def test_rows_and_documents_left_out_are_counted_apart_from_the_lines(tmp_path: Path):
    # a tester's export lost 7 empty rows that no output recorded; now the audit lists them,
    # and they are counted as rows and articles, not as lines cleaning touched
    tables, corpus = tmp_path / "tables", tmp_path / "corpus"
    write_tables(tables)
    pd.DataFrame(
        {
            "doc_id": ["001", "", "x9", "004"],
            "rule": ["nav", "empty_text", "empty_text", "no_text_left"],
            "action": ["removed", "document_left_out", "document_left_out", "document_left_out"],
        }
    ).to_csv(tables / "cleaning_audit.csv", index=False)
    corpus.mkdir()
    (corpus / "a.txt").write_text("Text.\n", encoding="utf-8")
    facts = corpus_facts(tables, corpus)
    assert (facts.n_empty_rows, facts.n_emptied) == (2, 1)
    assert facts.n_cleaning_changes == 1 and facts.cleaning_actions == (("removed", 1),)


def test_lines_changed_by_several_rules_count_once_under_their_strongest_action(tmp_path: Path):
    # a tester's 359 audit rows were 216 lines, most changed by two rules, and the summary said
    # "Of the 359 lines touched by cleaning"
    tables, corpus = tmp_path / "tables", tmp_path / "corpus"
    write_tables(tables)
    corpus.mkdir()
    pd.DataFrame(
        {
            "doc_id": ["001", "001", "001", "003", "003", "003"],
            "line_no": [2, 2, 5, 1, 1, 0],
            "rule": ["whitespace", "detokenise", "nav", "quote", "caption", "decode_fallback"],
            "action": ["changed", "changed", "removed", "changed", "removed", "changed"],
        }
    ).to_csv(tables / "cleaning_audit.csv", index=False)
    facts = corpus_facts(tables, corpus)
    assert (facts.n_cleaning_changes, facts.n_cleaning_rows) == (4, 6)
    assert dict(facts.cleaning_actions) == {"changed": 2, "removed": 2}


def test_titles_moved_from_the_text_are_counted_of_the_articles_kept(tmp_path: Path):
    # a tester's summary read "the titles of 15 of the 17 articles are metadata (16 of them
    # found as the article's first line...)": the 16 counted a gallery cleaning then left out
    tables, corpus = tmp_path / "tables", tmp_path / "corpus"
    write_tables(tables)
    docs = pd.read_csv(tables / "documents.csv", dtype={"doc_id": str})
    docs.assign(title=["Strike ends", "Talks fail", ""]).to_csv(
        tables / "documents.csv", index=False
    )
    pd.DataFrame(
        {
            "doc_id": ["001", "001", "002", "gallery", "gallery"],
            "line_no": [1, 2, 1, 1, 0],
            "rule": [
                "title_line",
                "headline_line",
                "headline_line",
                "headline_line",
                "no_text_left",
            ],
            "action": ["moved_to_metadata"] * 4 + ["document_left_out"],
        }
    ).to_csv(tables / "cleaning_audit.csv", index=False)
    corpus.mkdir()
    facts = corpus_facts(tables, corpus)
    assert facts.n_emptied == 1 and facts.n_titled == 2
    assert facts.n_title_lines == 2  # of the 2 titled articles: "gallery" is none of them
    assert corpus_facts(tables, corpus, outlets=["Post"]).n_title_lines == 0
    assert corpus_facts(tables, corpus, outlets=["Gazette"]).n_title_lines == 2


def test_groups_that_are_periods_are_listed_in_time_order(tmp_path: Path) -> None:
    """A tester's months were listed by size (2025-01, 2025-02, 2025-05, 2025-06, 2025-03,
    2025-04) while the figures drew them in order."""
    tables = tmp_path / "tables"
    tables.mkdir()
    sizes = {"2025-03": 4, "2025-01": 2, "2025-02": 3}
    months = [month for month, n in sizes.items() for _ in range(n)]
    pd.DataFrame(
        {
            "doc_id": [f"d{k}" for k in range(len(months))],
            "outlet": ["Gazette"] * len(months),
            "month": months,
            "n_sentences": [1] * len(months),
            "n_words": [10] * len(months),
        }
    ).to_csv(tables / "documents.csv", index=False)
    facts = corpus_facts(tables, tmp_path, "month")
    assert [g for g, _, _ in facts.per_group] == sorted(sizes)
    assert {g: n for g, n, _ in facts.per_group} == sizes
    by_outlet = corpus_facts(tables, tmp_path, "outlet")  # other groups: largest first
    assert by_outlet.per_group == (("Gazette", len(months), len(months)),)
