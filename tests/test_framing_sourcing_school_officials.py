"""The generic source lexicon on a tester's school-closure story: a school system's officers
are government officials, an advocate an advocacy group's, and the noun "say" attributes
nothing; a group's sourcing finding says how many attributed sentences credit no kind, and the
share of attributed sentences is compared across groups."""

from __future__ import annotations

import pandas as pd

from analysis.framing.findings import _attributed_finding, _unkinded
from analysis.framing.sourcing import sourcing_matrix


def _kinds(sentences: list[str]) -> list[list[str]]:
    table = sourcing_matrix(sentences)
    kinds = [c for c in table.columns if c.startswith("source_")]
    return [[k.removeprefix("source_") for k in kinds if row[k]] for _, row in table.iterrows()]


def test_a_school_systems_officers_and_an_advocate_are_credited() -> None:
    assert _kinds(
        [
            "On Monday Superintendent Dana Whitlock finally said the plan would go ahead.",
            "District finance director Karen Mills told the hearing costs would fall.",
            "Taxpayer advocate Ron Delacroix said the savings were real.",
        ]
    ) == [["government_officials"], ["government_officials"], ["advocacy_groups"]]


def test_the_noun_say_attributes_nothing() -> None:
    table = sourcing_matrix(["Parents want a say in the decision.", "They already had their say."])
    assert not table["attributed"].any()


def _sentences() -> pd.DataFrame:
    rows = []
    for group, attributed in (("A", 8), ("B", 1)):
        for doc in range(3):
            for k in range(10):
                said = k < attributed
                rows.append(
                    {
                        "outlet": group,
                        "doc_id": f"{group}{doc}",
                        "sentence_id": k,
                        "sentence": f"Sentence {k}" + (" said someone." if said else "."),
                        "attributed": said,
                        "source_citizens": said and k == 0,
                        "has_quote": False,
                        "attribution_verb": "say" if said else None,
                    }
                )
    return pd.DataFrame(rows)


def test_the_share_attributed_is_compared_and_uncredited_ones_are_counted() -> None:
    sentences = _sentences()
    finding = _attributed_finding(sentences, "outlet", n_boot=200, seed=1)
    assert finding.key == "sourcing_attributed" and finding.supported
    assert finding.text.startswith(
        "Share of sentences attributed to someone (an attribution verb or a direct quotation): "
        "A 80%"
    )
    assert "A is higher than B" in finding.text
    assert _unkinded(sentences, "A", "outlet") == (
        " Of its 24 attributed sentences, 21 name no kind of source the source lexicon knows "
        "(in sentences.csv: attributed, and no source column true)."
    )
    one = sentences[(sentences["outlet"] == "A")].copy()
    credited = one["attributed"].astype(bool) & one["source_citizens"].astype(bool)
    uncredited = one.index[one["attributed"].astype(bool) & ~credited]
    one.loc[uncredited[1:], "attributed"] = False  # one attributed sentence credits no kind
    assert " 1 names no kind of source" in _unkinded(one, "A", "outlet")
