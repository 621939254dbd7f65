"""The ``press_release`` quality flag: a document cleaning recognised as a press release (its
release marker, a wire service's dateline or its "About" section), in the table ``run``
flags in memory, in the one ``process`` flags chunk by chunk, and in the summary."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis.corpus.quality import FLAG_MEANINGS, has_flag, quality_lines, quality_table
from analysis.measure.chunk import process_chunk
from analysis.measure.document_quality import flag_processed_documents
from analysis.measure.engine import ResultWriter, result_tables

STORY = " ".join(
    f"Sentence number {i} tells the readers about the strike at the port." for i in range(14)
)
OTHER = " ".join(
    f"Paragraph {i} reports that the council approved the new budget today." for i in range(14)
)
RELEASE = "\n".join(
    [
        "FOR IMMEDIATE RELEASE",
        "ASHFORD, Ore., June 3, 2025 /PRNewswire/ -- Calder Freight Systems Inc. today "
        "announced a new rail link between its depot and the port.",
        STORY,
        "###",
    ]
)


def _documents() -> tuple[pd.DataFrame, pd.DataFrame]:
    documents = pd.DataFrame(
        {
            "doc_id": ["news", "release"],
            "outlet": ["Tribune", "Calder"],
            "language": ["en", "en"],
            "text": [OTHER, STORY],
            "n_words": [len(STORY.split())] * 2,
        }
    )
    sentences = pd.DataFrame({"doc_id": ["news", "release"], "n_words": [12, 12]})
    return documents, sentences


def _audit(*rows: tuple[str, str, str]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {"doc_id": d, "line_no": 1, "original": "x", "rule": r, "action": a, "result": ""}
            for d, r, a in rows
        ]
    )


def test_a_release_marker_flags_the_document_an_end_mark_alone_does_not() -> None:
    documents, sentences = _documents()
    audit = _audit(
        ("release", "release_marker", "removed"),
        ("news", "release_end", "removed"),  # "###" closes other pages too
        ("news", "press_contact", "removed"),
    )
    table = quality_table(documents, sentences, audit).set_index("doc_id")
    assert table.loc["release", "quality_flags"].split(";")[-1] == "press_release"
    assert "press_release" not in table.loc["news", "quality_flags"]


def test_a_wire_dateline_or_an_about_section_flags_it_too() -> None:
    documents, sentences = _documents()
    for rule, action in (("release_dateline", "changed"), ("about_boilerplate", "removed")):
        table = quality_table(documents, sentences, _audit(("release", rule, action)))
        assert has_flag(table, "press_release").tolist() == [False, True]


def test_the_summary_says_what_the_flag_means() -> None:
    documents, sentences = _documents()
    table = quality_table(documents, sentences, _audit(("release", "release_marker", "removed")))
    summary = quality_lines(table)
    assert "press_release 1" in summary[0]
    assert f"press_release: {FLAG_MEANINGS['press_release']}" in summary[0]
    assert summary[-1] == "- `release` (Calder): press_release"


def test_process_flags_a_release_as_run_does(tmp_path: Path) -> None:
    raw = pd.DataFrame(
        {
            "doc_id": ["news", "release"],
            "outlet": ["Tribune", "Calder"],
            "origin": ["unknown"] * 2,
            "title": [""] * 2,
            "published": [""] * 2,
            "url": [""] * 2,
            "language": ["en"] * 2,
            "raw_text": [OTHER, RELEASE],
        }
    )
    folder = tmp_path / "out"
    writer = ResultWriter(folder)
    writer.write(result_tables(process_chunk(raw, actors=False)))
    writer.close()
    flag_processed_documents(folder)
    got = pd.read_parquet(folder / "documents.parquet").set_index("doc_id")
    assert "press_release" in got.loc["release", "quality_flags"]
    assert "press_release" not in got.loc["news", "quality_flags"]


def test_a_releases_own_furniture_does_not_count_as_lines_removed() -> None:
    # a tester's releases lost their marker, About section, contact block and end mark, each
    # recognised, and were flagged lines_removed ("check that what is left is the article")
    documents, sentences = _documents()
    rules = ["release_marker", "about_boilerplate", "press_contact", "release_notice"]
    audit = _audit(*[("release", rule, "removed") for rule in rules for _ in range(20)])
    table = quality_table(documents, sentences, audit).set_index("doc_id")
    assert table.loc["release", "quality_flags"] == "press_release"
    # the same lines removed as page chrome are lines lost
    chrome = _audit(*[("release", "site_chrome", "removed") for _ in range(80)])
    table = quality_table(documents, sentences, chrome).set_index("doc_id")
    assert "lines_removed" in table.loc["release", "quality_flags"]
