"""A folder of Markdown notes (``.md``, as web clippers save pages) read as articles
(:mod:`analysis.corpus.documents`, :mod:`analysis.corpus.front_matter`): without a manifest
every note is an article, its outlet and fields from its front matter; with a manifest only
the notes it lists are, and the others are named in a warning, not refused."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from analysis import load_corpus
from analysis.corpus.documents import CorpusError

BODY = (
    "The city will ban lawn watering from Monday after the reservoir fell to a record low.\n\n"
    'Mayor Ellen Park said the restrictions were painful but necessary. "We cannot gamble '
    'with the water our hospitals depend on," Park said on Tuesday.\n'
)


def _note(title: str, source: str, published: str = "2026-07-14") -> str:
    return (
        f'---\ntitle: "{title}"\nsource: "{source}"\nauthor:\n  - "[[Maria Lopez]]"\n'
        f"published: {published}\ncreated: 2026-07-15\ntags:\n  - clippings\n---\n{BODY}"
    )


def test_a_folder_of_clipped_notes_is_read_without_a_manifest(tmp_path: Path) -> None:
    (tmp_path / "Water limits tighten.md").write_text(
        _note("Water limits tighten | Valley Courier", "https://www.valleycourier.com/a/1"),
        encoding="utf-8",
    )
    (tmp_path / "Lawn ban.markdown").write_text(
        _note("Lawn ban approved", "https://metrotribune.net/b/2", "2026-07-13"), encoding="utf-8"
    )
    (tmp_path / "README.md").write_text("# My clippings\n\nNotes about this folder.\n")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = load_corpus(tmp_path, progress=False, jobs=1)
    assert not any("unknown" in str(w.message) for w in caught)  # each note names its site
    docs = corpus.documents.set_index("doc_id")
    assert list(docs.index) == ["Lawn ban", "Water limits tighten"]  # README is not an article
    assert docs.loc["Water limits tighten", "outlet"] == "valleycourier.com"
    assert docs.loc["Water limits tighten", "title"] == "Water limits tighten"
    assert docs.loc["Lawn ban", "published"] == "2026-07-13"
    assert (docs["author"] == "Maria Lopez").all()
    assert "front matter" in docs.loc["Lawn ban", "metadata_note"]
    assert not corpus.sentences["sentence"].str.contains("clippings|created:").any()
    assert (corpus.audit["rule"] == "front_matter").sum() == 2 * 10


def test_a_manifest_lists_the_notes_it_reads_and_others_are_warned_about(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(_note("Water limits", "https://valleycourier.com/a"))
    (tmp_path / "notes.md").write_text("# Things to check\n\n- call the utility\n")
    (tmp_path / "manifest.csv").write_text("doc_id,file,outlet\na,a.md,Valley Courier\n")
    with pytest.warns(UserWarning, match=r"notes\.md.*|Markdown file is read when"):
        corpus = load_corpus(tmp_path, progress=False, jobs=1)
    (doc,) = corpus.documents.to_dict("records")
    assert (doc["outlet"], doc["author"]) == ("Valley Courier", "Maria Lopez")  # the manifest wins


def test_an_obsidian_vaults_clippings_sub_folder_is_named(tmp_path: Path) -> None:
    (tmp_path / "Clippings").mkdir()
    (tmp_path / "Clippings" / "a.md").write_text(_note("Water limits", "https://x.com/a"))
    with pytest.raises(CorpusError, match="Clippings"):
        load_corpus(tmp_path, progress=False, jobs=1)


def test_a_listed_note_without_outlet_or_site_is_unknown_with_a_warning(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# Drought rules punish the wrong people\n\n" + BODY)
    (tmp_path / "b.md").write_text(_note("Water limits", "https://valleycourier.com/a"))
    (tmp_path / "manifest.csv").write_text("doc_id,file,outlet\na,a.md,\nb,b.md,\n")
    with pytest.warns(UserWarning, match=r"a\.md: the manifest gives no outlet"):
        corpus = load_corpus(tmp_path, progress=False, jobs=1)
    outlets = dict(zip(corpus.documents["doc_id"], corpus.documents["outlet"], strict=True))
    assert outlets == {"a": "unknown", "b": "valleycourier.com"}


def test_a_note_naming_no_site_is_warned_about_with_what_to_add(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("---\ntitle: Drought rules\ntags: [x]\n---\n" + BODY)
    with pytest.warns(UserWarning, match=r"outlet is 'unknown'.*front matter: 'site: "):
        corpus = load_corpus(tmp_path, progress=False, jobs=1)
    assert corpus.documents.loc[0, "outlet"] == "unknown"


def test_notes_in_a_sub_folder_of_a_folder_with_a_manifest_are_not_warned_about(
    tmp_path: Path,
) -> None:
    (tmp_path / "a.md").write_text(_note("Water limits", "https://valleycourier.com/a"))
    (tmp_path / "manifest.csv").write_text("doc_id,file,outlet\na,a.md,Valley Courier\n")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "method.md").write_text("# How we chose the articles\n")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        load_corpus(tmp_path, progress=False, jobs=1)
    assert not any("sub-folders" in str(w.message) for w in caught)
