"""Speakers named by a role or a body the source lexicon missed, and those it read wrongly.

A media-sourcing tester's drought corpus (a water authority, an irrigation district, a bottler,
car-wash owners) credited a kind to 22 of its 86 sentences with a source; another tester's found
union leaders credited as government officials. Each rule here has cases it must credit and
cases that look alike and must not.
"""

from __future__ import annotations

import pytest

from analysis.framing.sourcing import sourcing_matrix


def kinds(sentence: str) -> list[str]:
    matrix = sourcing_matrix([sentence])
    columns = [c for c in matrix.columns if c.startswith("source_")]
    return [c.removeprefix("source_") for c in columns if matrix.at[0, c]]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # one anonymous source
        ("A source close to the board said a replacement could be named within weeks.",
         ["anonymous"]),
        ("A replacement could be named within weeks, said a source close to the board.",
         ["anonymous"]),
        ("The stake is worth $1 billion, according to a source familiar with the matter.",
         ["anonymous"]),
        # a public body by its own name, its board, a special district
        ("The Harlow Bay Water Authority said it would enforce the rules.",
         ["government_officials"]),
        ("According to the water authority, the average household uses 142 gallons a day.",
         ["government_officials"]),
        ("Water authority general manager Denise Okoro said the rules would be enforced.",
         ["government_officials"]),
        ("The council said the fines would stand.", ["government_officials"]),
        ("The county board of supervisors said the transfer was off.", ["government_officials"]),
        ("The irrigation district said allocations would fall.", ["government_officials"]),
        # titles before a name
        ("Supervisor Janet Kimura said her county cannot give away water.", ["politicians"]),
        # a business's owner
        ("Jun Park, owner of Greenway Nursery, said sales had tripled.", ["companies"]),
        ("Car wash owners say they are being singled out.", ["companies"]),
        ("Gary Pham, who runs a landscaping business, said the ban would hurt him.",
         ["companies"]),
        # experts and studies, by what they found or reckoned
        ("Economist Ben Adeyemi estimated that the cuts could cost farms $90 million.",
         ["experts"]),
        ("A study by the Pacific Institute found that restrictions cut use by 18 percent.",
         ["experts"]),
        ("Hydrologist Alicia Ferreira said the aquifer had dropped.", ["experts"]),
        ("Environmental groups have warned that the river could run dry.", ["advocacy_groups"]),
        # a union's general secretary is no government official
        ("Daniel Kebede, the union's general secretary, told a rally that pay must rise.",
         ["advocacy_groups"]),
        ("Paul Whiteman, general secretary of the NAHT, said heads were exhausted.", []),
        # "its president" is an organisation's
        ("The Car Wash Association has asked for an exemption, according to its president, "
         "Maria Santos.", []),
    ],
)  # fmt: skip
def test_a_speaker_named_by_role_or_body_is_credited_its_kind(sentence, expected) -> None:
    assert kinds(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the kinds these rules must leave as they were
        ("Council member Rosa Delgado said the fines were fair.", ["politicians"]),
        ("Biden said at the Council on Foreign Relations that talks would resume.", []),
        ("Tony Perkins of the Family Research Council said evangelicals were wary.", []),
        ("The company board said the merger would proceed.", ["companies"]),
        ("A shift supervisor at the plant said the line had stopped.", []),
        ("Jane Roe, an authority on Roman law, said the ruling was sound.", []),
        ("The owner of a Paris apartment said the rent had doubled.", []),
        ("Critics are apologists for the regime, the minister said.", ["government_officials"]),
        ("The Communist Party's General Secretary said the plan would go ahead.",
         ["government_officials"]),
        ("Xi Jinping, General Secretary of the CPC Central Committee, said reform would go on.",
         ["government_officials"]),
        ("UN Secretary-General Antonio Guterres said the talks had failed.",
         ["government_officials"]),
        ("President Biden said the deal was fair.", ["politicians"]),
        ("An estimated 40,000 people marched on Sunday.", []),
    ],
)  # fmt: skip
def test_look_alikes_keep_their_reading(sentence, expected) -> None:
    assert kinds(sentence) == expected
