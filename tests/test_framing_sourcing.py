"""Sourcing on sentences written for these tests."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from conftest import STORY_LEXICONS

from analysis.framing.sourcing import sourcing_matrix, sourcing_table
from analysis.lexicon import LexiconError

STORY = STORY_LEXICONS / "sources.toml"  # the bundled story's list: officials split by country


def _row(sentence: str, lexicon: Path | None = None) -> pd.Series:
    return sourcing_matrix([sentence], lexicon).iloc[0]


@pytest.mark.parametrize(
    "sentence",
    [
        "“We will not back down from our position,” the minister said.",
        'The mayor said: "No."',
        '"Exports are falling fast across the board," a trader told reporters.',
        "He added, “the market has already priced this in.”",
        # after a straight-quoted scare quote, a straight quotation still opens
        'The mayor called it a "disgrace" but "we will fight this to the end" rang out.',
        'It is "over," she said, "and we move on."',
    ],
)
def test_direct_quotes(sentence: str) -> None:
    assert _row(sentence)["has_quote"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The plan was described as a “phased arrangement” by officials.",  # 2-word scare quote
        "The company's 'fair share' policy was renewed.",  # single quotes are not counted
        "Tariffs rose again in October.",
        # straight marks as curly ones: the closing mark of a scare quote opens nothing (it
        # made a quotation of the rest of the sentence, and the sentence attributed)
        'The mayor called the plan a "disgrace" and left the room before the vote.',
        'Critics of the "shall issue" rule waited outside the hall for hours.',
    ],
)
def test_not_quotes(sentence: str) -> None:
    assert not _row(sentence)["has_quote"]


def test_attribution_verbs_are_canonical_and_leftmost() -> None:
    rows = sourcing_matrix(
        [
            "According to Bloomberg, the talks stalled, officials said.",
            "The analyst pointed out that prices said nothing.",
            "The United States imposed new duties.",  # "States" is not a verb here
            "The claims are hard to verify.",  # "claims" as a noun
        ]
    )
    assert rows["attribution_verb"].tolist()[:2] == ["according_to", "point_out"]
    assert rows["attribution_verb"].isna().tolist()[2:] == [True, True]
    assert rows["attributed"].tolist() == [True, True, False, False]


@pytest.mark.parametrize(
    ("sentence", "category"),
    [
        ("A spokesperson for China's Ministry of Commerce said the rules stay.", "officials_china"),
        ("Chinese trade officials told reporters the curbs were lawful.", "officials_china"),
        ("U.S. Treasury officials said the talks were constructive.", "officials_us"),
        ("Commerce Secretary Lutnick announced new limits on Friday.", "officials_us"),
        ("Japanese government officials stated that stockpiles are sufficient.", "officials_other"),
        ("An economist at a Tokyo bank noted that prices had doubled.", "analysts_experts"),
        ("The Financial Times reported that a deal was close.", "media"),
        ("Xinhua said the meeting was productive.", "media"),
        ("Lynas said its Texas plant is on schedule.", "companies"),
        ("Acme Metals Ltd said output would rise.", "companies"),
        ("People familiar with the matter said the list was final.", "anonymous"),
        ("According to sources in the ministry, quotas will fall.", "anonymous"),
    ],
)
def test_story_source_categories(sentence: str, category: str) -> None:
    row = _row(sentence, STORY)
    assert row[f"source_{category}"], sentence


@pytest.mark.parametrize(
    ("sentence", "category"),
    [
        ("The health ministry said the clinics will stay open.", "government_officials"),
        ("Police officials told reporters the road was closed.", "government_officials"),
        ("The mayor said the bridge would reopen in May.", "politicians"),
        ("Two MPs claimed the vote was rushed.", "politicians"),
        ("A scientist at the institute noted that the water was clean.", "experts"),
        ("The BBC reported that the strike had ended.", "media"),
        ("The firm said its profits would fall.", "companies"),
        ("Campaigners said the park must be saved.", "advocacy_groups"),
        ("Residents told reporters the flooding was the worst in years.", "citizens"),
        ("People familiar with the matter said the list was final.", "anonymous"),
        # local politics and commerce, as a city story quotes them
        ('"It is a win," said council member Dana Ortiz.', "politicians"),
        ("Councillor Jane Roe told the meeting the plan was unfair.", "politicians"),
        # abbreviated titles, as American copy writes them (a tester's credited nobody)
        ("State Sen. Reynold Nesiba said the ads missed the point.", "politicians"),
        ("Rep. Lee Qualm said the campaign worked.", "politicians"),
        ('"We are on it," Gov. Kristi Noem said.', "politicians"),
        ("Shop owners on Main Street warned that parking would go.", "companies"),
        ("A group of merchants said they were considering a lawsuit.", "companies"),
        ("Commuters said the new timetable had made things worse.", "citizens"),
    ],
)
def test_generic_source_categories(sentence: str, category: str) -> None:
    row = _row(sentence)
    assert row[f"source_{category}"], sentence


def test_generic_categories_are_the_default() -> None:
    columns = [c for c in sourcing_matrix(["x"]).columns if c.startswith("source_")]
    assert columns == [
        f"source_{k}"
        for k in (
            "government_officials",
            "politicians",
            "experts",
            "media",
            "companies",
            "advocacy_groups",
            "citizens",
            "anonymous",
        )
    ]


@pytest.mark.parametrize(
    ("sentence", "category"),
    [
        ("Xi Jinping met Donald Trump in Busan.", "officials_china"),  # mention, no attribution
        ("Let us consider what officials want.", "officials_us"),  # "us" is not "US"
        ("The firm stance of Washington surprised few.", "companies"),
        ("Alternative sources of supply are scarce, the minister said.", "anonymous"),
        ("The FTSE index rose, traders said.", "media"),  # FT inside FTSE
    ],
)
def test_source_near_misses(sentence: str, category: str) -> None:
    assert not _row(sentence, STORY)[f"source_{category}"], sentence


def test_sourcing_table_long_format_with_zeros() -> None:
    texts = [
        "Reuters reported that talks resumed.",
        "Prices fell.",
        "“This is a good day for everyone,” said Chinese officials.",
    ]
    sentences = pd.DataFrame(
        {"doc_id": ["a", "a", "b"], "outlet": ["X", "X", "Y"], "sentence": texts}
    )
    sentences = pd.concat([sentences, sourcing_matrix(texts, STORY)], axis=1)
    table = sourcing_table(sentences, "outlet", lexicon=STORY)
    assert list(table.columns) == [
        "outlet",
        "measure",
        "item",
        "n_sentences_with",
        "share",
        "n_sentences",
        "n_docs",
        "ci_low",
        "ci_high",
    ]
    assert table["ci_low"].isna().all()  # without n_boot, no interval
    x = table[table.outlet == "X"].set_index(["measure", "item"])
    assert x.loc[("source", "media"), "n_sentences_with"] == 1
    assert x.loc[("source", "media"), "share"] == pytest.approx(0.5)
    assert x.loc[("quote", "direct_quote"), "n_sentences_with"] == 0
    # Every group lists every verb seen in the corpus, zero included.
    assert x.loc[("attribution_verb", "say"), "n_sentences_with"] == 0
    y = table[table.outlet == "Y"].set_index(["measure", "item"])
    assert y.loc[("source", "officials_china"), "n_sentences_with"] == 1
    assert set(table.n_docs) == {1}
    with pytest.raises(KeyError, match="sourcing_matrix"):
        sourcing_table(sentences.drop(columns="has_quote"), "outlet")


def test_adjectival_participle_is_not_attribution() -> None:
    row = _row("Both leaders agreed to suspend newly announced export curbs.")
    assert pd.isna(row["attribution_verb"]) and not row["attributed"]


LEXICON = """
[attribution]
{attribution}
[attribution_verbs]
say = ["said", "says"]
{verbs}
[sources.media]
terms = ["state media"]
{media}
"""


@pytest.mark.parametrize(
    ("verbs", "media", "message"),
    [
        ('tell = "told"', "", r"src\.toml: verb 'tell': 'forms' must be a list of strings"),
        ('tell = ["told", "Told"]', "", r"verb 'tell': 'forms' lists 'Told' twice"),
        ("", 'names = ["FT", ""]', r"category 'media': 'names' entry #2 is empty"),
        ("", 'patterns = ["(x"]', r"category 'media': 'patterns' entry #1 is an invalid"),
        # the speaker's settings: where a kind is read, and the verbs whose source follows them
        # (given in [attribution], where the test puts a "verbs" text that sets them)
        ("", 'scope = "paragraph"', r"'media': scope must be \"speaker\" or \"sentence\""),
        ('source_follows = ["cite"]', "", r"source_follows names 'cite', which \[attribution_v"),
        ("source_follows = 3", "", "source_follows must be a list of verb names"),
    ],
)
def test_bad_lists_name_file_list_and_entry(
    tmp_path: Path, verbs: str, media: str, message: str
) -> None:
    path = tmp_path / "src.toml"
    attribution = verbs if verbs.startswith("source_follows") else ""
    verbs = "" if attribution else verbs
    text = LEXICON.format(attribution=attribution, verbs=verbs, media=media)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LexiconError, match=message):
        sourcing_matrix(["x"], lexicon=path)


def test_custom_lexicon_names_are_case_sensitive(tmp_path: Path) -> None:
    path = tmp_path / "src.toml"
    text = LEXICON.format(attribution="", verbs="", media='names = ["FT", "Ft"]')
    path.write_text(text, encoding="utf-8")
    rows = sourcing_matrix(["The FT said so.", "The ft said so.", "State  media said so."], path)
    assert rows["source_media"].tolist() == [True, False, True]


def test_one_pass_for_the_quote_patterns_equals_each_pattern() -> None:
    # has_quote runs the quote patterns as one alternation: the same flags as testing each
    from analysis.framing.frames import regex_contains, to_arrow
    from analysis.framing.sourcing import load_sources

    sentences = [
        "“We will not back down from our position,” the minister said.",
        'The mayor said: "No."',
        "of the talks, which went on for hours.” Then silence.",
        "He told reporters “fine”",
        "“Open quote without an end and several words here",
        "The plan was described as a “phased arrangement” by officials.",
        "",
        "关税政策“我们不会让步，”部长说。",
        '“ ” " " „x y z“',
        "Ministry said: “Yes",
    ]
    for lexicon in (None, STORY):
        patterns = load_sources(str(lexicon) if lexicon else None).quote_patterns
        texts = to_arrow(sentences)
        expected = [False] * len(sentences)
        for pattern in patterns:
            found = regex_contains(texts, pattern, ignore_case=False)
            expected = [a or bool(b) for a, b in zip(expected, found, strict=True)]
        got = sourcing_matrix(sentences, lexicon)["has_quote"].tolist()
        assert got == expected
        assert any(expected) and not all(expected)


@pytest.mark.parametrize(
    ("sentence", "media", "officials"),
    [
        # the outlet's dateline is its signature, not a source
        ("(CNN) For years before the shooting, officials said he was troubled.", False, True),
        ("WASHINGTON (Reuters) - The Senate voted on Tuesday, officials said.", False, True),
        ("NEW YORK (AP) — Police said the suspect acted alone.", False, True),
        ("Provo, Utah (CNN) Police said on Friday that the nation must act.", False, True),
        ("Washington (CNN) The Education Secretary said the police were right.", False, True),
        # a medium named as the source still counts, dateline or not
        ("WASHINGTON (Reuters) - The Senate voted on Tuesday, Reuters reported.", True, False),
        ("(CNN) CNN has learned that the suspect said he acted alone.", True, False),
        ("CNN reported that the police said nothing.", True, True),
        # brackets that are not a dateline: a party and state, mid-sentence
        ("Senator Smith (R-Texas) told CNN it had it wrong.", False, False),
        ("CNN (R-Texas) said Senator Smith had it wrong.", True, False),
        # an organisation's initials after its name are no dateline
        ("The Associated Press (AP) said police had arrested him.", True, False),
        ("Police (AP) said the Associated Press had it wrong.", False, True),
    ],
)
def test_a_dateline_is_not_a_source(sentence: str, media: bool, officials: bool) -> None:
    row = sourcing_matrix([sentence]).iloc[0]
    assert bool(row["source_media"]) is media
    assert bool(row["source_government_officials"]) is officials


def test_the_sourcing_table_holds_the_intervals_the_summary_quotes() -> None:
    """A tester found the quotation shares' intervals of the summary in no table: the table's
    are those the summary's finding computes (bootstrap_ci of has_quote, same seed)."""
    from analysis.stats.bootstrap import bootstrap_ci

    texts = [
        f"“We stay {i} days here,” said the mayor." if i % 3 else "Prices fell." for i in range(12)
    ]
    sentences = pd.DataFrame(
        {
            "doc_id": [f"d{i // 3}" for i in range(12)],
            "outlet": ["X"] * 6 + ["Y"] * 6,
            "sentence": texts,
        }
    )
    sentences = pd.concat([sentences, sourcing_matrix(texts)], axis=1)
    table = sourcing_table(sentences, "outlet", n_boot=200, seed=3)
    quotes = table[table["item"] == "direct_quote"].set_index("outlet")
    expected = bootstrap_ci(
        sentences.assign(_q=sentences["has_quote"].astype(float)),
        "_q",
        "outlet",
        n_boot=200,
        seed=3,
    ).set_index("outlet")
    assert quotes[["ci_low", "ci_high"]].equals(expected[["ci_low", "ci_high"]])
    assert table[table["measure"] == "attribution_verb"]["ci_low"].isna().all()


# A broadcast transcript's sentences with their speaker (analysis.corpus.transcripts): the
# anchor's, a guest expert's, a guest senator's, an unidentified caller's, a bare name's
TRANSCRIPT_TURNS = [
    ("Our estimate is roughly forty million dollars a day.", "DR. ALAN CHU, EPIDEMIOLOGIST"),
    ("I spoke to both sides last night.", "SEN. MARIA LOPEZ (D-CA)"),
    ("We are scared, honestly.", "UNIDENTIFIED FEMALE"),
    ("My containers are sitting on a ship offshore, the port said.", "PRIYA NAND"),
    ("Officials said the port would reopen on Friday.", ""),  # the anchor: the outlet's voice
]


def test_a_transcript_guests_sentence_is_a_quotation_of_the_guest() -> None:
    # a guest's turns stood in no quotation marks and counted as no quotation
    sentences = [sentence for sentence, _ in TRANSCRIPT_TURNS]
    guests = [guest for _, guest in TRANSCRIPT_TURNS]
    before = sourcing_matrix(sentences)
    table = sourcing_matrix(sentences, guests=guests)
    assert table["has_quote"].tolist() == [True, True, True, True, False]
    assert table["attributed"].all()
    assert table.loc[0, "source_experts"] and table.loc[1, "source_politicians"]
    assert table.loc[2, "source_anonymous"]  # the bundled list's speaker_labels
    kinds = [c for c in table.columns if c.startswith("source_")]
    assert not table.loc[3, kinds].any()  # a bare name names no kind ...
    assert pd.isna(table.loc[3, "attribution_verb"])  # ... and a guest's "said" is theirs
    assert before.loc[3, "attribution_verb"] == "say"
    # the anchor's sentence is read as any printed one, as without guests
    pd.testing.assert_series_equal(table.iloc[4], before.iloc[4])
    assert table.loc[4, "source_government_officials"]
    assert not before.loc[:3, "has_quote"].any()


def test_without_guests_the_sourcing_is_as_before() -> None:
    sentences = [sentence for sentence, _ in TRANSCRIPT_TURNS]
    plain = sourcing_matrix(sentences, doc_ids=["a"] * len(sentences))
    none = sourcing_matrix(sentences, doc_ids=["a"] * len(sentences), guests=[""] * len(sentences))
    pd.testing.assert_frame_equal(plain, none)
    with pytest.raises(ValueError, match="guests"):
        sourcing_matrix(sentences, guests=["X"])


def test_add_framing_reads_a_transcripts_guests_from_the_sentences_table() -> None:
    from analysis.corpus.transcripts import SPEAKER_COLUMNS
    from analysis.framing.tables import add_framing

    speaker, role = SPEAKER_COLUMNS
    sentences = pd.DataFrame(
        {
            "doc_id": "tv",
            "sentence": [sentence for sentence, _ in TRANSCRIPT_TURNS],
            speaker: [guest or "MARIA DELGADO, CBN ANCHOR" for _, guest in TRANSCRIPT_TURNS],
            role: ["guest" if guest else "host" for _, guest in TRANSCRIPT_TURNS],
        }
    )
    framed = add_framing(sentences)
    assert framed["has_quote"].tolist() == [True, True, True, True, False]
    assert framed.loc[0, "source_experts"]
    # the host's label is no quotation of the host
    hosted = add_framing(sentences.assign(**{role: "host"}))
    assert not hosted["has_quote"].any()
