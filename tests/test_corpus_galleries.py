"""A photo gallery pasted as text (its title, then captions and credits) has no article: it is
left out with a warning that says it looks like a gallery, whether its title was found above a
date or stood alone (rule ``gallery_title``).

Texts written for these tests after a tester's two galleries: one was left out with "no article
text left after cleaning", the other kept as an article of its title alone."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis.corpus.cleaning import GALLERY_NOTE, clean_text, is_photo_gallery
from analysis.corpus.documents import build_corpus
from analysis.loading import load_corpus

TITLE = "Harbour strike: the day in pictures"
CAPTIONED = "\n".join(
    [
        TITLE,
        "Dock workers gather outside the port gates at dawn. Photograph: Jane Roe/The Herald",
        "A crane stands idle over the empty quay. Photograph: John Poe/PA",
        "Union members march through the town centre. Photograph: Ann Moe/Reuters",
    ]
)
PAIRED = "\n".join(
    [
        "Harbour strike in pictures",
        "Wednesday 4 March 2026",
        "Dock workers gather outside the port gates at dawn.",
        "Photograph: Jane Roe/The Herald",
        "A crane stands idle over the empty quay on the first morning.",
        "Photograph: John Poe/PA",
        "1 of 2",
    ]
)
ARTICLE = (
    "The harbour workers walked out at dawn, the union said, and the gates stayed shut all day. "
    "The port authority said ships would be turned away until the dispute was settled. Talks "
    "between the union and the port's owners are due to resume on Friday morning."
)


def test_a_gallerys_title_left_alone_moves_to_the_title() -> None:
    cleaned = clean_text(CAPTIONED, "g", model=None)
    assert cleaned.text == ""
    assert cleaned.metadata["title"] == TITLE
    assert [(e.rule, e.action) for e in cleaned.audit if e.line_no == 1] == [
        ("gallery_title", "moved_to_metadata")
    ]


@pytest.mark.parametrize(
    "last",
    [
        "The strike goes on tomorrow.",  # a sentence: the article's, however short
        # no headline: over 25 words, a paragraph that lost its full stop
        "Dock workers and their families gathered outside the port gates at dawn on Wednesday as "
        "the first day of the national strike began and the union promised more action in the "
        "weeks ahead",
    ],
)
def test_a_line_that_is_no_title_stays(last: str) -> None:
    text = CAPTIONED.replace(TITLE, last)
    assert clean_text(text, "g", model=None).text == last


def test_a_headline_alone_without_captions_stays() -> None:
    # a corpus of headlines: no caption was found, so no gallery
    assert clean_text(TITLE, "h", model=None).text == TITLE


def test_which_rules_make_a_gallery() -> None:
    assert is_photo_gallery(["headline_line", "caption_over_credit", "image_credit", "caption"])
    assert not is_photo_gallery(["headline_line", "caption", "image_credit"])  # one caption
    assert not is_photo_gallery(["caption", "caption", "related_list"])


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a-story.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "b-captioned.txt").write_text(CAPTIONED, encoding="utf-8")
    (folder / "c-paired.txt").write_text(PAIRED, encoding="utf-8")
    return folder


def test_both_galleries_are_left_out_as_galleries(tmp_path: Path) -> None:
    with pytest.warns(UserWarning) as caught:
        corpus = build_corpus(_folder(tmp_path))
    assert corpus.documents["file"].tolist() == ["a-story.txt"]
    said = " ".join(str(w.message) for w in caught)
    assert (
        f"b-captioned.txt: no article text left after cleaning: {GALLERY_NOTE}; only its "
        "title was left" in said
    )
    assert f"c-paired.txt: no article text left after cleaning: {GALLERY_NOTE} (" in said


def test_a_corpus_files_gallery_is_said_to_be_one(tmp_path: Path) -> None:
    path = tmp_path / "corpus.csv"
    frame = pd.DataFrame(
        {"doc_id": ["a", "b"], "outlet": ["Herald", "Herald"], "text": [ARTICLE, CAPTIONED]}
    )
    frame.to_csv(path, index=False)
    with pytest.warns(UserWarning) as caught:
        corpus = load_corpus(path, progress=False, jobs=1)
    assert corpus.documents["doc_id"].tolist() == ["a"]
    said = " ".join(str(w.message) for w in caught)
    assert f"b ({GALLERY_NOTE}; only its title was left)" in said
