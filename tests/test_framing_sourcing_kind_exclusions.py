"""A source kind's exclusions: phrases masked before that kind alone is looked for.

A scholar's strike coverage credited "union president Dan Kerr" and "the president of the
Chamber of Commerce" to politicians and "hospital officials" to government officials: the kind
was read from the word "president" or "officials" alone.
"""

from __future__ import annotations

import pytest

from analysis.framing.sourcing import load_sources, sourcing_matrix
from analysis.lexicon import LexiconError


def kinds(sentences: list[str], doc_ids: list[int] | None = None) -> list[list[str]]:
    matrix = sourcing_matrix(sentences, doc_ids=doc_ids)
    columns = [c for c in matrix.columns if c.startswith("source_")]
    return [[c.removeprefix("source_") for c in columns if row[c]] for _, row in matrix.iterrows()]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Union president Dan Kerr said the strike would go on.", ["advocacy_groups"]),
        ("Kerr, the union president, said talks had failed.", ["advocacy_groups"]),
        ('"We will not back down," said Maria Lopez, president of the nurses\' union.',
         ["advocacy_groups"]),
        ("The president of the Chamber of Commerce, Ana Ruiz, said costs rose.", ["companies"]),
        ("Hospital officials said the wards were full.", []),
        ("Officials at the city's largest hospital said the wards were full.", []),
        # the kinds the exclusions leave alone
        ("President Biden said the deal was fair.", ["politicians"]),
        ("The President of the Chamber of Deputies said the vote would proceed.", ["politicians"]),
        ("Senate President Jane Roe said the bill would pass.", ["politicians"]),
        ("Health ministry officials said the wards were full.", ["government_officials"]),
        ("Police officials said two people were arrested.", ["government_officials"]),
    ],
)  # fmt: skip
def test_a_kind_is_not_read_from_a_word_its_exclusions_mask(sentence, expected) -> None:
    assert kinds([sentence]) == [expected]


def test_a_surname_followed_up_takes_the_kind_of_its_masked_title() -> None:
    sentences = [
        "Union president Dan Kerr led the march on Monday.",
        "Kerr said talks had failed.",
        "Company president Al Reyes toured the plant.",
        "Reyes said orders were up.",
    ]
    found = kinds(sentences, doc_ids=[1, 1, 2, 2])
    assert found[1] == ["advocacy_groups"] and found[3] == ["companies"]  # not politicians


SOURCES = """
[attribution_verbs]
say = ["said"]

[sources.politicians]
terms = ["president"]
{extra}
"""


def test_a_lexicons_own_exclusions_mask_its_kind_only(tmp_path) -> None:
    plain, masked = tmp_path / "plain.toml", tmp_path / "masked.toml"
    plain.write_text(SOURCES.format(extra=""), encoding="utf-8")
    masked.write_text(SOURCES.format(extra='exclusions = ["Club President"]'), encoding="utf-8")
    sentence = ["The club president said the match would go ahead."]
    assert sourcing_matrix(sentence, plain)["source_politicians"].tolist() == [True]
    assert sourcing_matrix(sentence, masked)["source_politicians"].tolist() == [False]
    assert load_sources(str(plain)).category_exclusions == {}


def test_an_exclusion_pattern_that_does_not_compile_names_its_kind(tmp_path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(SOURCES.format(extra='exclusion_patterns = ["(unclosed"]'), encoding="utf-8")
    with pytest.raises(LexiconError, match="politicians"):
        load_sources(str(bad))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # two testers' made-up coverage of a rent cap and a nurses' strike: speakers the generic
        # kinds credited to no one, or to the wrong kind
        ("City Attorney Nadia Koval said the ordinance would survive a challenge.",
         ["government_officials"]),
        ("City housing director Priya Raman said complaints could be filed in January.",
         ["government_officials"]),
        ("The council's finance chief, Rosa Diaz, said reserves were low.",
         ["government_officials"]),
        ("Gary Lindqvist, the association's president, said the cap would hurt landlords.",
         ["advocacy_groups"]),
        ("The industry association said prices would rise.", ["companies"]),
        ("The residents' association said it would appeal.", ["advocacy_groups"]),
        ("Nurse Tom Hale described twelve-hour shifts without a break.", ["citizens"]),
        ("Jenny Wu, a mother of two, said the library was her refuge.", ["citizens"]),
        ("According to a study by the University of Eastfield, staffing ratios matter.",
         ["experts"]),
        ("Prof. Linda Moss of the University of Eastfield said the data were clear.",
         ["experts"]),
        ("Organisers said 2,000 people marched.", ["advocacy_groups"]),
        ("Two officials with knowledge of the plans said the vote would be delayed.",
         ["government_officials", "anonymous"]),
        ("A nurse who did not want to be named said morale was low.", ["citizens", "anonymous"]),
    ],
)  # fmt: skip
def test_roles_news_names_speakers_by_credit_their_kind(sentence, expected) -> None:
    assert kinds([sentence]) == [expected]


@pytest.mark.parametrize(
    ("sentence", "attributed"),
    [
        ("Experts warn that the shortage may worsen.", True),
        ("Studies suggested the idea has merit.", True),
        ("So can you suggest a gift for the host?", False),  # a bare "suggest" is no verb here
        ("Business groups have urged the council to reconsider.", True),
        ("The strike is believed to be the first in 40 years.", False),  # nobody's claim
    ],
)
def test_plural_present_verbs_attribute_and_a_passive_of_belief_does_not(
    sentence: str, attributed: bool
) -> None:
    assert sourcing_matrix([sentence])["attributed"].tolist() == [attributed]
