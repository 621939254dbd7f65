"""Discovered actors: a word capitalised because it opens a headline or a part of one is no
name unless the corpus writes it as a name elsewhere."""

from __future__ import annotations

import pandas as pd

from analysis.sentiment.discover import discover_actors, discovered_names


def headlines(*texts: str) -> pd.DataFrame:
    """One sentence per article, the articles alternating between outlets X and Y."""
    n = len(texts)
    return pd.DataFrame(
        {
            "doc_id": [f"d{k}" for k in range(n)],
            "outlet": ["X" if k % 2 == 0 else "Y" for k in range(n)],
            "sentence": list(texts),
        }
    )


def test_a_word_opening_a_headlines_part_is_no_name() -> None:
    """A tester's headlines made actors of "Hopeful", "State" and "Chaos": each opened the part
    of a headline after a label ("LIVE: Hopeful signs …", "Port Alder: State board …")."""
    table = headlines(
        *(
            f"{label} {headline}"
            for label in ("LIVE:", "April update:", "Commuters stranded |", "Port Alder -")
            for headline in (
                "Hopeful signs as mediator brings both sides back",
                "State board to review allocation",
                "Chaos at stations as buses stop",
            )
        ),
        "Hopeful signs as mediator returns",
        "Chaos at stations for second week",
    )
    names = set(discovered_names(table, "outlet")["name"])
    assert not names & {"Hopeful", "State", "Chaos", "LIVE", "WATCH"}
    assert not {actor.label for actor in discover_actors(table)} & {"Hopeful", "State", "Chaos"}


def test_a_word_opening_a_part_is_a_name_where_the_corpus_writes_it_as_one_elsewhere() -> None:
    """Then it counts at an opening too: the sentences that open on it name it."""
    table = headlines(
        "WATCH: Ortez rejects the offer",
        "Update: Ortez meets drivers",
        "Drivers reject offer from Ortez",
        "Riders wait as Ortez stalls",
        "Ortez calls for calm",
        "Ortez and drivers meet",
    )
    counts = discovered_names(table, "outlet").groupby("name")["n_sentences"].sum()
    assert counts.to_dict() == {"Ortez": 6}


def test_a_sentence_in_capitals_gives_no_name() -> None:
    """A tester's headlines set in capitals gave the actors "SOURCES SAY", "UPDATE", "ENDS"."""
    table = headlines(
        *(
            f"MARCH UPDATE: {text} AS MARCH ENDS, SOURCES SAY | Outlet"
            for text in ("TALKS FAIL AGAIN", "DRIVERS WALK OUT", "RIDERS WAIT", "CITY OFFERS 3%")
        ),
        "Drivers and Lina Ortez meet",
        "Lina Ortez and drivers meet",
        "Talks with Lina Ortez fail",
        "Riders blame Lina Ortez",
    )
    assert set(discovered_names(table, "outlet")["name"]) == {"Lina Ortez"}


def test_a_word_after_a_sentence_end_the_splitter_left_opens_a_sentence() -> None:
    """A tester's actors held "Ministers": "No. Ministers can accept ..." was one sentence
    ("No." may be a number's), and its "Ministers", read as written inside a sentence, let the
    openings "Ministers should ..." count too. A title's abbreviation ends no sentence."""
    table = headlines(
        "No. Ministers can accept, reject or change it.",
        "Ministers should fund the rise in full.",
        "Ministers should hold their nerve.",
        "Yes. Critics say the plan is late.",
        "Critics say the plan is late.",
        "Dr. Kebede said the talks failed.",
        "Dr. Kebede left the talks.",
    )
    names = set(discovered_names(table, "outlet", min_sentences=1)["name"])
    assert not names & {"Ministers", "Critics"}
    assert "Kebede" in names


def test_a_word_the_corpus_writes_in_lower_case_is_no_one_word_name() -> None:
    """A word capitalised twice inside a sentence ("Ministers") is the word, which the corpus
    writes in lower case more often; a name written so too rarely stays a name."""
    table = headlines(
        "The union said Ministers had refused.",
        "The union said Ministers had refused once more.",
        "The union said ministers had refused again.",
        "Pupils said ministers had not come.",
        "Later ministers said schools could pay.",
        "The union said Kebede had refused.",
        "The union said Kebede had left.",
        "A kebede is no word, said one.",
    )
    names = set(discovered_names(table, "outlet", min_sentences=1)["name"])
    assert "Ministers" not in names
    assert "Kebede" in names
