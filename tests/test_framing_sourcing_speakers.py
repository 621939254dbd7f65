"""Who a sentence credits: the speaker of its attribution, not every word of it
(``analysis.framing.sourcing.speaker_spans``, ``quoted_by`` and ``without_quotations``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.framing.frames import to_arrow
from analysis.framing.sourcing import (
    load_sources,
    quoted_by,
    sourcing_matrix,
    speaker_spans,
    without_quotations,
)


def _credited(sentence: str, lexicon: Path | None = None) -> set[str]:
    row = sourcing_matrix([sentence], lexicon).iloc[0]
    return {c.removeprefix("source_") for c in row.index if c.startswith("source_") and row[c]}


@pytest.mark.parametrize(
    ("sentence", "credited"),
    [
        # what is reported is not who reports it (a tester's nurses' strike)
        ("Health officials said patients waited six hours.", {"government_officials"}),
        ("Patients waited six hours, the union said.", {"advocacy_groups"}),
        ("The union said a staffing agency supplied the nurses.", {"advocacy_groups"}),
        # a name and its description before the verb, perhaps with an adverb between
        ("The chief nursing officer, Dana Smith, said patients were safe.", set()),
        (
            "Foday Conta, the police spokesman, later said the farm was searched.",
            {"government_officials"},
        ),
        # the verb after the quotation: the speaker follows, with a description
        (
            "“We are tired of waiting,” said Ana Ruiz, a spokeswoman for the ministry.",
            {"government_officials"},
        ),
        ("“We are tired of waiting,” the union's leader said.", {"advocacy_groups"}),
        # after a comma and before a name: the speaker follows
        ("Prices will rise for shoppers, said Mary Lovely, an economist at Syracuse.", {"experts"}),
        # ... but whom one tells is never the speaker
        ("Prices will rise, Mary Lovely, an economist, told Reuters.", {"experts"}),
        # verbs whose source follows, and a passive "by"
        ("Patients waited six hours, according to the health ministry.", {"government_officials"}),
        ("According to hospital data, patients waited six hours.", set()),
        ("The plan was described by analysts as a phased arrangement.", {"experts"}),
        # several attributions in one sentence
        (
            "The union said it would strike, but health officials said talks go on.",
            {
                "advocacy_groups",
                "government_officials",
            },
        ),
        # words inside quotation marks are neither the verb nor the speaker
        ("Ana Ruiz wrote: “Patients and voters said the minister was wrong.”", set()),
        ('He said "the ministry is wrong about everything" yesterday.', set()),
        # a quotation alone: the clause after it when it opens the sentence, else the first
        ("“We will fight on until the end,” the union's leader promised.", {"advocacy_groups"}),
        (
            "The ministry's spokesman Ben LaBolt replied that Romney “seemed unhinged today.”",
            {"government_officials"},
        ),
        # a subject, a long description between commas, then the verb: the subject speaks,
        # and the description's far end (whom it mentions) does not
        (
            "The mayor, who took office last year after a close race against two rivals from "
            "the opposition, said the plan would go ahead.",
            {"politicians"},
        ),
        (
            "Anthony Gray, a family attorney pressing a wrongful-death lawsuit against the city "
            "and its former police chief, said justice would be served.",
            set(),
        ),
        # a spokesperson speaks for the employer the sentence names, not for a government
        ("Hospital spokesperson Priya Nand said the figure was misleading.", set()),
        # anonymity is read in the whole sentence outside the quotation
        ("“We cannot say more,” the aide said on condition of anonymity.", {"anonymous"}),
        (
            "Officials said “people familiar with the matter are wrong” about it.",
            {"government_officials"},
        ),
    ],
)
def test_the_speaker_is_credited_not_what_is_reported(sentence: str, credited: set[str]) -> None:
    assert _credited(sentence) == credited, sentence


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“We are tired,” she said.", " ¶  she said."),
        ('He said "not now, not ever" and left.', "He said  ¶  and left."),
        ("of the talks, which went on for hours.” Then she left.", " ¶  Then she left."),
        ('of the talks." Then she left.', " ¶ Then she left."),
        ("“An opening quotation that runs to the end", " ¶ "),
        ("No quotation at all.", "No quotation at all."),
        ("Its 'fair share' policy stays.", "Its 'fair share' policy stays."),
    ],
)
def test_without_quotations(text: str, expected: str) -> None:
    assert without_quotations(to_arrow([text])).to_pylist() == [expected]


def test_speaker_spans_hold_the_speaker_and_verb_only() -> None:
    lex = load_sources()
    texts = without_quotations(
        to_arrow(
            [
                "In a statement, the agency said the clinics stay open.",
                "“Yes,” said the mayor, smiling.",
                "Nothing is attributed here.",
            ]
        )
    )
    verbs = ["said", "said", None]  # as written
    spans = [
        " ".join(s.replace("¶", " ").split()) for s in speaker_spans(texts, verbs, lex).to_pylist()
    ]
    assert spans[:2] == ["the agency said", "said the mayor"]
    assert spans[2] == "Nothing is attributed here."  # no verb: the text is returned as it is


def test_quoted_by_reads_the_subject_or_the_clause_after_an_opening_quotation() -> None:
    texts = without_quotations(
        to_arrow(
            [
                "“We will fight on until the end,” the union's leader promised, again.",
                "The union's message: “Patients first, always and forever.”",
                "“Only a quotation, and nothing else at all.”",
            ]
        )
    )
    got = [s.strip() for s in quoted_by(texts).to_pylist()]
    assert got == ["the union's leader promised", "The union's message", ""]


def test_a_speaker_is_read_from_at_most_a_dozen_words_before_the_verb() -> None:
    far = "The police " + "chief of a town with a very long and winding name " * 2 + "said so."
    near = "The police chief said so."
    assert _credited(near) == {"government_officials"}
    assert _credited(far) == set()


LEXICON = """
[attribution]
{attribution}
[attribution_verbs]
say = ["said"]
according_to = ["according to"]
[sources.media]
terms = ["newspaper"]
{scope}
"""


def test_a_lexicon_sets_which_verbs_take_their_source_after_and_the_scope(tmp_path: Path) -> None:
    path = tmp_path / "src.toml"
    sentence = "The newspaper according to insiders was right."
    path.write_text(LEXICON.format(attribution="", scope=""), encoding="utf-8")
    assert not _credited(sentence, path)  # "according to" takes the source after it
    path.write_text(LEXICON.format(attribution="source_follows = []", scope=""), encoding="utf-8")
    load_sources.cache_clear()
    assert _credited(sentence, path) == {"media"}  # now the words before it
    path.write_text(LEXICON.format(attribution="", scope='scope = "sentence"'), encoding="utf-8")
    load_sources.cache_clear()
    assert _credited("The minister said the newspaper was right.", path) == {"media"}


@pytest.mark.parametrize(
    ("sentence", "credited"),
    [
        # a predicate coordinated with the verb after a subject and its description
        ("Clearspring’s chief executive, Martin Cole, called the lawsuit “baseless” and said "
         "the company’s monitoring showed no effect.", {"companies"}),
        ("The mayor, Tom Brennan, visited the lake and said the city would act.",
         {"politicians"}),
        # a clause after one comma keeps its subject
        ("In Paris, protesters marched and said the law must go.", {"advocacy_groups"}),
        ("In Paris, on Monday, residents gathered and said the law must go.", {"citizens"}),
    ],
)  # fmt: skip
def test_a_predicate_between_a_described_subject_and_its_verb_is_skipped(
    sentence, credited
) -> None:
    assert _credited(sentence) == credited


@pytest.mark.parametrize(
    ("sentence", "credited"),
    [
        # a vox pop: a name and its particulars before a colon and the quotation
        ('Kelly Arnott, 34, nurse, Eastside: "I have stopped washing the car."', {"citizens"}),
        ('Tom Reyes, 61, retiree, Port Alder: "The rules are fine.', {"citizens"}),
        # the quotation's words still name no one; a place before the colon is no speaker
        ('Kelly Arnott, 34, Eastside: "The council officials told us nothing."', set()),
        ('In Eastside, where nurses live: "We want water for all of us."', set()),
    ],
)
def test_a_vox_pop_speaker_is_read_with_her_particulars(sentence, credited) -> None:
    assert _credited(sentence) == credited
