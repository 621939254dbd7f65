"""Text pasted from a news page (a browser's copy of the Guardian's or CNN's article layout):
the widgets that stayed in it (an advert's feedback prompt, "Link Copied!", a newsletter's label
and fine print, "Most viewed", a caption ending "Photograph: Name/Source") are removed or moved
to metadata, and the article's sentences are kept."""

from __future__ import annotations

import pytest

from analysis.corpus.cleaning import clean_text

GUARDIAN = "\n".join(
    [
        "Cyclists ride along a protected bike lane in central London. Photograph: Jill "
        "Mead/The Guardian",
        "London bike lanes cut collisions by a quarter, study finds",
        "Protected cycle lanes on London’s main roads have cut collisions by about a quarter, "
        "according to a study that will fuel debate over the capital’s traffic policy.",
        "“This is strong evidence that protected lanes save lives,” said Dr Rachel Aldred, who "
        "led the study.",
        "Free weekly newsletter",
        "Privacy Notice: Newsletters may contain info about charities, online ads, and content "
        "funded by outside parties. For more information see our Privacy Policy.",
        "after newsletter promotion",
        "Transport for London said it would publish its own data next year.",
        "Explore more on these topics",
        "Reuse this content",
        "Most viewed",
    ]
)

CNN = "\n".join(
    [
        "CNN values your feedback",
        "1. How relevant is this ad to you?",
        "Bike lane fight heads to court",
        "Link Copied!",
        "A group of Manhattan business owners sued the city on Monday to stop a new protected "
        "bike lane on Fifth Avenue, arguing the project would devastate their sales.",
        "Ad Feedback",
        "The lawsuit comes as traffic deaths in the city reached a decade high last year.",
    ]
)


@pytest.mark.parametrize(
    ("raw", "kept", "gone"),
    [
        (
            GUARDIAN,
            [
                "London bike lanes cut collisions by a quarter, study finds",
                "“This is strong evidence that protected lanes save lives,” said Dr Rachel "
                "Aldred, who led the study.",
                "Transport for London said it would publish its own data next year.",
            ],
            [
                "Photograph:",
                "Free weekly newsletter",
                "Privacy Notice",
                "after newsletter promotion",
                "Explore more",
                "Reuse this content",
                "Most viewed",
            ],
        ),
        (
            CNN,
            [
                "Bike lane fight heads to court",
                "The lawsuit comes as traffic deaths in the city reached a decade high last year.",
            ],
            ["values your feedback", "How relevant", "Link Copied!", "Ad Feedback"],
        ),
    ],
)
def test_pasted_page_widgets_go_and_the_article_stays(
    raw: str, kept: list[str], gone: list[str]
) -> None:
    cleaned = clean_text(raw, "p1")
    lines = cleaned.text.splitlines()
    for line in kept:
        assert line in lines
    for fragment in gone:
        assert fragment not in cleaned.text, fragment
    assert clean_text(cleaned.text, "p1").text == cleaned.text


def test_a_guardian_caption_goes_to_metadata_with_its_credit() -> None:
    raw = "Cyclists ride in London. Photograph: Jill Mead/The Guardian\n" + GUARDIAN.splitlines()[2]
    cleaned = clean_text(raw, "p1")
    assert cleaned.metadata["captions"].endswith("Photograph: Jill Mead/The Guardian")
    assert [e.rule for e in cleaned.audit] == ["caption"]


@pytest.mark.parametrize(
    "line",
    [
        # prose that only looks like the widgets: kept
        "The paper's free weekly newsletter reached two million readers last year.",
        "Readers told the council that it values your feedback on the plan.",
        "He said the photograph: a crowd at the gate, was taken in 1989.",
        "Most viewed videos on the site were about the strike, the company said.",
    ],
)
def test_prose_like_the_widgets_is_kept(line: str) -> None:
    assert clean_text(line, "p1").text == line
