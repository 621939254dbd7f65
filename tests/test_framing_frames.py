"""Frame detection on sentences written for these tests (none taken from the corpus).

Every frame of the bundled codebook gets at least three sentences that must be coded with it and
two near misses that share surface vocabulary but must not be.
"""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import STORY_LEXICONS

from analysis.framing.codebook import load_codebook
from analysis.framing.frames import frame_hits, frame_matrix

# The bundled story's codebook (5 generic + 7 issue frames); the package default has the 5 generic.
STORY = STORY_LEXICONS / "frames.toml"
GENERIC = ["conflict", "economic_consequences", "responsibility", "human_interest", "morality"]

HITS: dict[str, list[str]] = {
    "conflict": [
        "The two governments clashed again over fishing rights in the disputed strait.",
        "Ministers vowed to retaliate if the new levies take effect.",
        "Unions and employers remain locked in a bitter standoff over pensions.",
        "Analysts fear the spat could turn into a full-blown trade war.",
    ],
    "economic_consequences": [
        "The closure will cost the region about 3,000 jobs.",
        "Higher input costs squeezed the carmaker's profits in the third quarter.",
        "Economists expect the levy to shave half a point off growth next year.",
    ],
    "responsibility": [
        "Critics blamed the ministry for the shortages at hospitals.",
        "The mayor urged the council to take action before winter.",
        "Parents say the school board is responsible for the delays.",
    ],
    "human_interest": [
        "For Maria, a nurse and mother of two, the strike meant weeks without pay.",
        "Residents of the valley described their fear as the water kept rising.",
        "Farmers who lost their harvest are struggling to feed their families.",
    ],
    "morality": [
        "Church leaders called the policy a moral failure.",
        "Opponents said the ruling was deeply unfair to small shareholders.",
        "The minister accused rivals of hypocrisy on climate pledges.",
    ],
    "strategic_leverage": [
        "Beijing could weaponize its control of gallium as a bargaining chip.",
        "The cartel's grip on cobalt gives it enormous leverage over buyers.",
        "Critics say the licensing regime is a form of economic coercion.",
    ],
    "truce_deescalation": [
        "The two sides agreed to a 90-day truce on new levies.",
        "Officials postponed the planned restrictions to allow more talks.",
        "Both capitals hailed the framework agreement as a step toward détente.",
    ],
    "supply_chain_diversification": [
        "Automakers are racing to diversify their sources of lithium.",
        "The pact aims to reduce dependence on a single supplier of magnets.",
        "Tokyo and Canberra signed a partnership to build new supply chains for graphite.",
    ],
    "national_security": [
        "Gallium is essential for radar systems used by the military.",
        "The Pentagon warned of shortages of parts for missiles.",
        "Officials cited national security when blocking the takeover.",
    ],
    "markets_prices": [
        "Lithium prices tumbled after the announcement.",
        "Investors cheered the news and mining stocks rallied.",
        "Exports rose 12% year-on-year in September.",
    ],
    "resource_sovereignty": [
        "The government insists that its minerals are a matter of sovereignty.",
        "Quotas protect a non-renewable resource for future generations.",
        "Officials said the curbs serve green development and pollution control.",
    ],
    "uncertainty_scepticism": [
        "Observers remain sceptical that the accord will survive the winter.",
        "The ceasefire looks fragile and its terms remain unclear.",
        "Whether the promises hold remains to be seen.",
    ],
}

NEAR_MISSES: dict[str, list[str]] = {
    "conflict": [
        "Both sides pledged de-escalation at the summit.",  # excluded phrase
        "The museum warned visitors about the new ward opening hours.",  # war- prefix words
        "The board declared no conflict of interest.",
    ],
    "economic_consequences": [
        "She wore a pirate costume to the parade.",  # cost- prefix word
        "The proposal is fundamentally flawed.",  # fund- prefix word
    ],
    "responsibility": [
        "Demand for lithium rose sharply.",  # demand as a noun
        "The group adopted a responsible sourcing label.",  # excluded phrase
    ],
    "human_interest": [
        "People familiar with the matter declined to comment.",  # excluded phrase
        "A personable host greeted the delegates.",  # person- prefix word
    ],
    "morality": [
        "Turnout was fairly high in the northern districts.",  # fair- prefix word
        "Investors turned bullish on copper miners.",  # bully- prefix word
        "They agreed in principle to meet again.",  # excluded phrase
    ],
    "strategic_leverage": [
        "The Dominican team won the regional final.",  # domin- prefix word
        "Doctors measured her blood pressure twice.",  # excluded phrase
    ],
    "truce_deescalation": [
        "Construction of the new bridge began in June.",  # construct- prefix word
        "Ministers said there is no deal on the table.",  # excluded phrase
    ],
    "supply_chain_diversification": [
        "Allison presented the quarterly figures.",  # alli- prefix word
        "The chain of hotels opened a new branch.",
    ],
    "national_security": [
        "The bank is securing a new loan for the stadium.",  # secur- prefix word
        "Social security payments rose in January.",  # excluded phrase
    ],
    "markets_prices": [
        "Trade talks resumed in Geneva.",  # "trade" does not reach "trading"
        "The free market economy was the theme of the lecture.",  # excluded phrase
    ],
    "resource_sovereignty": [
        "The business environment improved after the reform.",  # excluded phrase
        "The lecture covered the history of the railway.",
    ],
    "uncertainty_scepticism": [
        "The spinning mill reopened after repairs.",  # spin- prefix word
        "The decision was final and the deal was signed.",
    ],
}


def test_default_codebook_is_the_five_generic_frames() -> None:
    book = load_codebook(require_generic=True)
    assert book.keys == GENERIC
    assert all(f.type == "generic" for f in book.frames)


def test_story_codebook_has_generic_and_issue_frames() -> None:
    book = load_codebook(STORY, require_generic=True)
    generic = [f.key for f in book.frames if f.type == "generic"]
    assert generic == GENERIC
    assert sum(f.type == "issue" for f in book.frames) >= 5
    assert set(HITS) == set(book.keys) == set(NEAR_MISSES)


@pytest.mark.parametrize("key", sorted(HITS))
def test_frame_hits_on_made_up_sentences(key: str) -> None:
    assert len(HITS[key]) >= 3
    matrix = frame_matrix(HITS[key], codebook=STORY)
    missed = [s for s, hit in zip(HITS[key], matrix[key], strict=True) if not hit]
    assert not missed, f"{key} missed: {missed}"


@pytest.mark.parametrize("key", sorted(NEAR_MISSES))
def test_frame_near_misses_are_not_coded(key: str) -> None:
    assert len(NEAR_MISSES[key]) >= 2
    matrix = frame_matrix(NEAR_MISSES[key], codebook=STORY)
    wrong = [s for s, hit in zip(NEAR_MISSES[key], matrix[key], strict=True) if hit]
    assert not wrong, f"{key} wrongly coded: {wrong}"


def test_frame_matrix_shape_order_and_dtype() -> None:
    sentences = pd.Series(
        ["Prices fell.", "", "The truce held.", "Nothing here."], index=[10, 11, 12, 13]
    )
    matrix = frame_matrix(sentences, codebook=STORY)
    book = load_codebook(STORY)
    assert list(matrix.columns) == book.keys
    assert list(matrix.index) == [0, 1, 2, 3]
    assert all(str(dtype) == "bool" for dtype in matrix.dtypes)
    assert matrix.loc[0, "markets_prices"] and matrix.loc[2, "truce_deescalation"]
    assert not matrix.loc[1].any() and not matrix.loc[3].any()


def test_frame_matrix_handles_missing_values_and_rejects_a_string() -> None:
    matrix = frame_matrix([None, "A new truce."], codebook=STORY)
    assert not matrix.loc[0].any() and matrix.loc[1, "truce_deescalation"]
    with pytest.raises(TypeError):
        frame_matrix("a single sentence", codebook=STORY)


def test_exclusion_masks_only_the_excluded_phrase() -> None:
    matrix = frame_matrix(
        ["Talk of de-escalation followed weeks of escalation.", "Talk of de-escalation."]
    )
    assert matrix["conflict"].tolist() == [True, False]


def test_frame_hits_report_terms_as_written_and_agree_with_matrix() -> None:
    sentences = [
        "Analysts fear a trade war as retaliation looms.",
        "Nothing to see.",
        "Investors worry that prices will surge.",
    ]
    hits = frame_hits(sentences, codebook=STORY)  # the story's conflict frame has both
    assert list(hits.columns) == ["row", "frame", "term", "matched"]
    conflict_terms = set(hits.loc[(hits.row == 0) & (hits.frame == "conflict"), "term"])
    # Terms as written in the codebook ("retaliate" matched "retaliation"); the phrase "trade
    # war" wins over the single word "=war" inside it.
    assert conflict_terms == {"trade war", "retaliate"}
    matched = hits.loc[(hits.row == 2) & (hits.term == "price"), "matched"].tolist()
    assert matched == ["prices"]
    matrix = frame_matrix(sentences, codebook=STORY)
    flagged = {(r, k) for r in range(3) for k in matrix.columns if matrix.loc[r, k]}
    assert flagged == set(zip(hits.row, hits.frame, strict=True))


def test_custom_codebook_is_used(tmp_path) -> None:
    path = tmp_path / "mini.yaml"
    path.write_text(
        "frames:\n"
        "  - key: weather\n"
        "    label: Weather\n"
        "    type: issue\n"
        "    definition: Talk about the weather.\n"
        "    indicators: [rain, sunny spell]\n"
        "    exclusions: [rain check]\n"
        "    pfc_dimension: none\n"
        "    reference: test\n",
        encoding="utf-8",
    )
    matrix = frame_matrix(
        ["It rained all day.", "A sunny-spell ahead.", "Take a rain check."], codebook=path
    )
    assert list(matrix.columns) == ["weather"]
    assert matrix["weather"].tolist() == [True, True, False]


def test_arrow_text_column_is_taken_as_it_is_with_the_same_texts() -> None:
    # a pandas text column stored by pyarrow is passed on as its arrow data: the same texts as
    # the conversion through Python strings, missing values as "", slices and odd text included
    import pyarrow as pa

    from analysis.framing.frames import _as_list, to_arrow

    values = ["Tariffs rose.", None, "", "关税 政策。", "x\u00a0’y “q”", "long " * 5000, "İı ſ K"]
    column = pd.Series(values, dtype="str")
    assert isinstance(column.array, pd.arrays.ArrowStringArray)
    for part in (column, column.iloc[2:], column.iloc[:0], column[column.notna()]):
        converted = to_arrow(part)
        assert converted.type == pa.large_string() and converted.null_count == 0
        assert converted.to_pylist() == _as_list(part)
    plain = pd.Series(values, dtype=object)
    assert to_arrow(column).to_pylist() == to_arrow(plain).to_pylist()
    assert frame_matrix(column).equals(frame_matrix(plain))


def test_the_default_frames_fit_a_story_that_is_not_the_bundled_one() -> None:
    # a tester's nurses' strike: "In response to ..." was a Responsibility frame ("responsible"
    # stems to "respons"), and "nurse", an occupation, made nearly every sentence Human interest
    matrix = frame_matrix(
        [
            "In response to the strike, the hospital hired replacement staff.",
            "Nurses walked out on Monday.",
            "The board is responsible for the delay, the union said.",
        ]
    )
    assert matrix["responsibility"].tolist() == [False, False, True]
    assert not matrix["human_interest"].any()
    book = load_codebook(None)  # the default: no indicator of the bundled story's issues
    indicators = {i for frame in book.frames for i in frame.indicators}
    assert not indicators & {"great power competition", "hegemony", "tariff war"}


def test_the_generic_conflict_frame_reads_disagreement_at_home_not_critical_minerals() -> None:
    # a tester's council story scored 0% conflict; the stem of "criticism" is "critical"'s
    book = load_codebook(None)
    flags = frame_matrix(
        [
            "Critics say the company has underinvested for years.",
            "Opposition councillors said the plan was rushed.",
            "The mayor rejected that view.",
            "Residents opposed the new charges and condemned the delay.",
            "Critical minerals are critically important, the report said.",
        ],
        book,
    )
    assert flags["conflict"].tolist() == [True, True, True, True, False]


def test_the_generic_morality_frame_reads_justice_as_a_claim_not_a_court() -> None:
    # a tester's corpus on the Supreme Court and health care: half its Morality sentences were
    # judges ("the justices", "Chief Justice") and the Affordable Care Act was "economic"
    book = load_codebook(None)
    flags = frame_matrix(
        [
            "Chief Justice Roberts wrote for the majority.",
            "The justices heard arguments on Tuesday.",
            "The Justice Department filed a motion.",
            "Reform of the criminal justice system stalled in the Senate.",
            "Families of the victims demanded justice.",
            "The ruling was a grave injustice, the union said.",
            "The Affordable Care Act survived its third challenge.",
            "Families cannot afford the new premiums.",
        ],
        book,
    )
    assert flags["morality"].tolist() == [False, False, False, False, True, True, False, False]
    assert flags["economic_consequences"].tolist()[6:] == [False, True]


def test_the_generic_morality_frame_does_not_read_the_surname_morales() -> None:
    # a tester's pasted pages on Bolivia: one outlet's whole Morality frame was "Evo Morales"
    flags = frame_matrix(
        ["Evo Morales resigned on Sunday.", "Trends: Evo Morales news", "The moral case is clear."],
        load_codebook(None),
    )
    assert flags["morality"].tolist() == [False, False, True]


def test_the_generic_frames_do_not_read_accounts_a_surname_or_integration() -> None:
    # a journalist's corpus: "retirement accounts" were Responsibility, "Masayoshi Son" Human
    # interest, "integration" Morality, "followed it religiously" Morality
    book = load_codebook(None)
    flags = frame_matrix(
        [
            "Savers moved money into retirement accounts last year.",
            "SoftBank's Masayoshi Son said the fund would grow.",
            "The integration of the two systems took a year.",
            "She has not followed the diet religiously.",
            "Ministers must be held accountable for the delays.",
            "Her son was among the injured.",
            "The scandal raised questions about the mayor's integrity.",
            "Religious leaders condemned the attack.",
        ],
        book,
    )
    assert not flags["responsibility"][0] and not flags["human_interest"][1]
    assert flags["morality"].tolist()[2:4] == [False, False]
    assert flags["responsibility"][4] and flags["human_interest"][5]
    assert flags["morality"][6] and flags["morality"][7]
