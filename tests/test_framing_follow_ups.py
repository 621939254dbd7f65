"""Follow-up attributions (:mod:`analysis.framing.follow_ups`): a surname, a pronoun or a
quotation alone credited as the document named its speaker, and only within the document."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.framing.follow_ups import follow_up_speaker
from analysis.framing.sourcing import sourcing_matrix
from analysis.framing.tables import add_framing

STORY = [
    "Council member Dana Whitfield, who cast the only vote against, called the fines excessive.",
    '"Families should not be fined for watering a garden," Whitfield said.',
    "Mayor Ellen Park defended the plan.",
    '"Every day we wait makes the choices harder," she said.',
    '"Agriculture uses four times as much water," said Priya Natarajan, an economist.',
    '"Cutting lawns will not fix that."',
    "The water utility's director, Sam Okafor, warned in the spring.",
    '"We asked for voluntary cuts," Okafor said.',
]


def _credits(sentences: list[str], doc_ids: list[str] | None = None) -> list[list[str]]:
    table = sourcing_matrix(sentences, doc_ids=doc_ids)
    kinds = [c for c in table.columns if c.startswith("source_")]
    return [[k.removeprefix("source_") for k in kinds if row[k]] for _, row in table.iterrows()]


def test_follow_ups_are_credited_as_their_speaker_was_named() -> None:
    alone = _credits(STORY)
    within = _credits(STORY, ["d1"] * len(STORY))
    assert alone[1] == alone[3] == alone[5] == []  # read alone: no one
    assert within[1] == ["politicians"]  # Whitfield: "Council member Dana Whitfield"
    assert within[3] == ["politicians"]  # she: "Mayor Ellen Park", named in between
    assert within[4] == alone[4] == ["experts"]
    assert within[5] == ["experts"]  # the quotation goes on: Natarajan's
    assert within[7] == []  # Okafor's role ("director") is no kind of the default list
    # nothing else changes
    assert [c for i, c in enumerate(within) if i not in (1, 3, 5)] == [
        c for i, c in enumerate(alone) if i not in (1, 3, 5)
    ]


def test_a_speaker_named_in_another_document_is_not_followed() -> None:
    doc_ids = ["d1"] + ["d2"] * (len(STORY) - 1)
    assert _credits(STORY, doc_ids)[1] == []  # Whitfield's role is in d1


def test_a_pronoun_follows_the_nearest_attribution_not_an_older_one() -> None:
    sentences = [
        '"Prices will rise," said the minister.',
        '"We will strike," said Ana Ruiz.',  # no kind: a pronoun after it credits none
        '"We have no choice," she said.',
    ]
    assert _credits(sentences, ["d"] * 3) == [["government_officials"], [], []]


def test_a_description_after_the_name_gives_the_role_but_a_relative_clause_does_not() -> None:
    sentences = [
        "Tom Greer, a retired teacher and resident of the valley, spoke at the meeting.",
        "Lena Ortiz, who met the mayor on Monday, spoke too.",
        '"They knew this was coming," Greer said.',
        '"Nobody listened," Ortiz said.',
    ]
    assert _credits(sentences, ["d"] * 4)[2:] == [["citizens"], []]


@pytest.mark.parametrize(
    ("span", "verb", "speaker"),
    [
        ("she said", "said", ("pronoun", "she")),
        ("He also said", "said", ("pronoun", "he")),
        ("Whitfield said", "said", ("name", "Whitfield")),
        ("said Ms. Whitfield", "said", ("name", "Whitfield")),
        ("Dana Whitfield added", "added", ("name", "Whitfield")),
        ("¶ .", None, ("quote", "")),
        ("the mayor said", "said", None),
        ("officials said", "said", None),
        ("The Associated Press reported that", "reported", None),
    ],
)
def test_what_is_a_follow_up(span: str, verb: str | None, speaker: tuple[str, str] | None) -> None:
    assert follow_up_speaker(span, verb) == speaker


def test_add_framing_reads_each_document_in_its_order() -> None:
    sentences = pd.DataFrame({"doc_id": ["d1"] * len(STORY), "sentence": STORY})
    table = add_framing(sentences)
    assert table.loc[1, "source_politicians"]
    assert not add_framing(sentences.drop(columns="doc_id")).loc[1, "source_politicians"]
