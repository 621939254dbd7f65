"""Discovered actors: names end at punctuation, and two spellings of one name count as one."""

from __future__ import annotations

import pandas as pd

from analysis.sentiment.actors import actor_matrix
from analysis.sentiment.discover import (
    discover_actors,
    discovered_names,
    name_aliases,
    names_in,
)


def two_outlets(*sentences: str) -> pd.DataFrame:
    """Four sentences: two of article a (outlet X), then two of article b (outlet Y)."""
    return pd.DataFrame(
        {"doc_id": ["a", "a", "b", "b"], "outlet": ["X", "X", "Y", "Y"], "sentence": sentences}
    )


def test_punctuation_between_words_ends_a_name() -> None:
    assert names_in("He was shot in Parkland, Fla., on Wednesday.") == ["Parkland", "Fla"]
    assert names_in("A guard said Washington (CNN) was wrong.") == ["Washington", "CNN"]
    assert names_in("It was by David Mack, Amber Jamieson and others.") == [
        "David Mack",
        "Amber Jamieson",
    ]
    assert names_in("Then Gov. Andrew Cuomo spoke at 3 PM in D.C.'s mall.") == [
        "Andrew Cuomo",
        "D.C",
    ]
    # a pronoun's or opener's contraction is not a name, in either apostrophe
    assert names_in("Then I’m told by Maria Lopez that It's late and We've gone.") == [
        "Maria Lopez"
    ]
    # a role written before the name is not part of it (a tester's "Mediator Ruth Calloway")
    assert names_in("Then Mediator Ruth Calloway and Spokeswoman Ana Ruiz spoke.") == [
        "Ruth Calloway",
        "Ana Ruiz",
    ]
    # spaces alone keep a name whole, with one connector
    assert names_in("They met the Bank of England in New York.") == ["Bank of England", "New York"]


def test_aliases_join_dotted_and_defined_abbreviations() -> None:
    aliases = name_aliases(
        [
            "Members of the National Rifle Association (NRA) met.",
            "Then the N.R.A. said no, and the NRA left.",
            "The Anti-Defamation League (ADL) and the Department of Defense (DoD) spoke.",
            "Then the Small Business Administration (NBA) spoke.",  # not its initials
            "So the U.S. and the US differ only in stops.",
        ]
    )
    assert aliases == {
        "NRA": "National Rifle Association",
        "N.R.A": "National Rifle Association",
        "ADL": "Anti-Defamation League",
        "DoD": "Department of Defense",
        "U.S": "US",
    }


def test_a_dotted_abbreviation_written_only_so_keeps_its_stops() -> None:
    assert name_aliases(["Then the U.S. and the E.U. spoke.", "Then the EU spoke."]) == {
        "E.U": "EU"
    }


def test_an_abbreviation_defined_two_ways_is_left_alone() -> None:
    aliases = name_aliases(
        [
            "Then the American Bar Association (ABA) met.",
            "Then the American Bankers Association (ABA) met.",
        ]
    )
    assert "ABA" not in aliases


def test_discovered_names_count_aliases_once_and_list_them() -> None:
    sentences = two_outlets(
        "Then the National Rifle Association (NRA) spoke.",
        "Later the NRA and the National Rifle Association left.",
        "Then the N.R.A. spoke.",
        "Later the NRA left.",
    )
    table = discovered_names(sentences, "outlet")
    assert table.values.tolist() == [
        ["X", "National Rifle Association", "N.R.A; NRA", 2, 1, ""],
        ["Y", "National Rifle Association", "N.R.A; NRA", 2, 1, ""],
    ]
    (actor,) = discover_actors(sentences)
    assert actor.label == "National Rifle Association"
    assert set(actor.cased) == {"National Rifle Association", "NRA", "N.R.A"}
    assert "also" in actor.note
    mentions = actor_matrix(["The NRA met.", "So did the N.R.A. today.", "Nobody else."], [actor])
    assert mentions[actor.column].tolist() == [True, True, False]


def test_a_name_keeps_the_full_stops_inside_it_and_matches_its_text() -> None:
    # "St. Brennan General Hospital" was found as "St Brennan General Hospital", which matched
    # none of the 16 sentences naming it, so the story's hospital was no actor at all
    assert names_in("Nurses at St. Brennan General Hospital met John F. Kennedy today.") == [
        "St. Brennan General Hospital",
        "John F. Kennedy",
    ]
    assert names_in("The strike at St. Brennan ended.") == ["St. Brennan"]  # the last stop ends
    # a stop inside a word that is no abbreviation: the name as it is (this recursed without end)
    assert name_aliases(["Shares of Amazon.com Inc. rose.", "Then Amazon.com Inc. fell."]) == {}
    sentences = two_outlets(
        "Nurses at St. Brennan General Hospital walked out.",
        "Managers at St. Brennan General Hospital said little.",
        "The board of St Brennan General Hospital met.",
        "Talks at St. Brennan General Hospital resumed.",
    )
    (actor,) = discover_actors(sentences)
    assert actor.label == "St Brennan General Hospital"  # the two spellings count as one
    mentions = actor_matrix(sentences["sentence"].tolist(), [actor])
    assert mentions[actor.column].tolist() == [True, True, True, True]


def test_a_name_without_its_kind_of_body_counts_as_the_full_name() -> None:
    # a tester's nurses' strike: "Mercy Lakeside Hospital", then "Mercy Lakeside"
    aliases = name_aliases(
        [
            "Nurses at Mercy Lakeside Hospital walked out on Monday.",
            "Talks at Mercy Lakeside went on, and Ohio State University said so.",
            "Then Ohio State lost, and Acme Inc cheered; then Acme said no.",
            "New York University opened, and New York was loud.",
            "Harbor Bay Clinic and Harbor Bay Hospital opened; Harbor Bay wept.",
            "The nurses of Brennan Valley General Hospital met those of Brennan Valley.",
        ]
    )
    assert aliases["Brennan Valley"] == "Brennan Valley General Hospital"  # with its qualifier
    assert aliases["Mercy Lakeside"] == "Mercy Lakeside Hospital"
    assert aliases["Ohio State"] == "Ohio State University"
    assert aliases["Acme"] == "Acme Inc"  # one word before a company's legal form
    assert "New York" not in aliases  # a place's first word
    assert "Harbor Bay" not in aliases  # two bodies share the short form


def test_a_long_form_written_once_beside_a_frequent_short_one_is_no_full_name() -> None:
    # a tester's export: "the White House Party gains ground" once, "White House" in 859
    # sentences, all then credited to an actor "White House Party"
    run_on = ["Critics say the White House Party gains ground in the polls."]
    often = [f"The White House said on day {k} that talks go on." for k in range(11)]
    aliases = name_aliases(run_on + often)
    assert "White House" not in aliases
    assert name_aliases(run_on + often[:10])["White House"] == "White House Party"  # 10 to 1


def test_the_short_form_of_a_body_mentions_its_discovered_actor() -> None:
    sentences = two_outlets(
        "Nurses at Mercy Lakeside Hospital walked out on Monday.",
        "Mercy Lakeside Hospital said the talks failed.",
        "Later, Mercy Lakeside said it would hire agency nurses.",
        "A spokesman for Mercy Lakeside Hospital declined to comment.",
    )
    actors = discover_actors(sentences)
    assert [a.label for a in actors] == ["Mercy Lakeside Hospital"]
    mentions = actor_matrix(sentences["sentence"], actors)
    assert mentions.iloc[:, 0].astype(bool).tolist() == [True, True, True, True]


def test_a_bodys_short_form_is_no_persons_name_for_its_last_word() -> None:
    # "Mercy Lakeside" has a person's shape; read as one, "Lakeside" would count as it
    aliases = name_aliases(
        [
            "Nurses at Mercy Lakeside Hospital walked out on Monday.",
            "Staff at Mercy Lakeside said talks went on.",
            "Nurses at Mercy Lakeside said it would hire.",
            "A spokesman for Mercy Lakeside declined to comment.",
            "Patients at Lakeside said no more.",
        ]
    )
    assert aliases["Mercy Lakeside"] == "Mercy Lakeside Hospital"
    assert aliases.get("Lakeside") != "Mercy Lakeside"


def test_the_words_of_an_offices_title_are_no_actor() -> None:
    """A tester's corpus had an actor "State" from "Secretary of State" and "Prime" from
    "Prime Minister": the office's words, not a name."""
    assert names_in("He met the Secretary of State on Monday.") == []
    assert names_in(
        "Then Secretary of State Marco Rubio met Treasury Secretary Scott Bessent."
    ) == [
        "Marco Rubio",
        "Scott Bessent",
    ]
    assert names_in("Then Minister of Foreign Affairs Wang Yi and Chief of Staff John Kelly.") == [
        "Wang Yi",
        "John Kelly",
    ]
    assert names_in("Then the Deputy Prime Minister and Foreign Minister Ana Ruiz spoke.") == [
        "Ana Ruiz"
    ]
    assert names_in(
        "White House Press Secretary Karoline Leavitt and Apple Chief Executive Tim Cook."
    ) == [
        "White House",
        "Karoline Leavitt",
        "Apple",
        "Tim Cook",
    ]
    # a place or a body after a title's "of" is a name; "of" after a body keeps it whole
    assert names_in("Then the Mayor of New York City met the director of Human Rights Watch.") == [
        "New York City",
        "Human Rights Watch",
    ]
    assert names_in("Officials at the Department of State and the Bank of England.") == [
        "Department of State",
        "Bank of England",
    ]


def test_a_picture_agency_is_no_actor() -> None:
    """A caption's credit left in a tester's text made "Getty Images" an actor."""
    assert names_in("The senator spoke on Monday. Chip Somodevilla Getty Images") == [
        "Chip Somodevilla"
    ]
    assert names_in("Then Jane Roe AP Photo and Getty Images stood by.") == ["Jane Roe"]
    # an agency's name alone, or a body sharing it, stays ("EPA" is an actor of many stories)
    assert names_in("Then the EPA and Maria Lopez met the Getty family.") == [
        "EPA",
        "Maria Lopez",
        "Getty",
    ]


def test_a_local_title_before_a_name_is_no_part_of_it() -> None:
    """A tester's actors held "Councillor Derek Fane" and "Derek Fane", the same sentences."""
    assert names_in("Then Councillor Derek Fane and Commissioner Ana Ruiz met Sheriff Bo Lee.") == [
        "Derek Fane",
        "Ana Ruiz",
        "Bo Lee",
    ]


def test_a_well_known_short_form_counts_as_its_long_form_when_both_are_written() -> None:
    # a tester's actors listed "US" and "United States" apart, each with half the sentences
    aliases = name_aliases(
        [
            "Officials of the United States met in Geneva.",
            "Then the US said no, and the U.S. left, as did the EU.",
        ]
    )
    assert aliases == {"US": "United States", "U.S": "United States"}  # no "European Union"
    # a corpus's own definition comes first ("Ultra Sound (US)")
    defined = name_aliases(["The Ultra Sound (US) group met the United States team.", "US won."])
    assert defined["US"] == "Ultra Sound"
    frame = two_outlets(
        "The United States raised tariffs.",
        "The US said talks would go on.",
        "The U.S. and the United States are one.",
        "The United States team left.",
    )
    names = discovered_names(frame)
    assert set(names["name"]) == {"United States"}
    assert names.loc[names["outlet"] == "X", "n_sentences"].tolist() == [2]


def test_a_peoples_or_partys_plural_counts_as_its_name() -> None:
    """A reviewer's discovered actors listed "Republican" and "Republicans" apart; a surname's
    plural-looking form ("Roberts" of "Robert") is no plural."""
    aliases = name_aliases(
        [
            "In Congress, Republicans said no.",
            "The Republican leader spoke.",
            "Most Israelis agreed, and one Israeli did not.",
            "Some Democrats and a Democrat met.",
            "Then Justice Roberts and Robert met.",
            "Then Brussels and Brussel met.",
        ]
    )
    assert aliases == {"Republicans": "Republican", "Israelis": "Israeli", "Democrats": "Democrat"}


def test_actor_keys_keep_accented_letters_as_ascii() -> None:
    """A tester's actor columns read actor_d_sseldorf, and Jürgen Möller and Jürgen Müller both
    actor_j_rgen_m_ller (one with "_2"): the names are written in ASCII letters first."""
    from analysis.sentiment.discover import actors_from_names

    names = ["Düsseldorf", "Jürgen Müller", "Jürgen Möller", "Straßburg", "Łódź", "习近平"]
    keys = [actor.column for actor in actors_from_names(names)]
    assert keys == [
        "actor_dusseldorf",
        "actor_jurgen_muller",
        "actor_jurgen_moller",
        "actor_strassburg",
        "actor_lodz",
        "actor_actor",  # no Latin letter to keep: as before
    ]
