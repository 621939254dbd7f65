"""analysis.report.quotes: a tone finding quotes whole English sentences first."""

from __future__ import annotations

import pandas as pd
from sentiment_sentences import made_up_actors

from analysis.report.quotes import QUOTE_CHOICE, quotable, reads_as_sentence
from analysis.sentiment.findings import sentiment_findings
from analysis.sentiment.scoring import add_sentiment
from analysis.sentiment.tables import actor_tone, sentiment_by_group, sentiment_pairwise


def table(rows: list[tuple[str, str, str]]) -> pd.DataFrame:
    """Sentences (doc_id, outlet, sentence), numbered per document, words counted."""
    df = pd.DataFrame(rows, columns=["doc_id", "outlet", "sentence"])
    df["sentence_id"] = df.groupby("doc_id").cumcount()
    df["n_words"] = df["sentence"].str.count(r"\w+")
    return df


def test_a_menu_item_a_headline_and_a_short_line_do_not_read_as_sentences() -> None:
    sentences = table(
        [
            ("a", "X", "Sponsored: Sip, Savor, Celebrate"),  # a menu item: no full stop
            ("a", "X", "Champion wines set to be auctioned"),  # another story's headline
            ("a", "X", "Great win."),  # too short to quote as tone
            ("a", "X", "The council approved the budget on Monday."),
            ("a", "X", "“We are delighted with the result,” she said."),
            ("a", "X", "“Is this the best deal we could get?”"),  # a closing quote after "?"
        ]
    )
    assert reads_as_sentence(sentences).tolist() == [False, False, False, True, True, True]
    # without the corpus's word counts, the words are counted
    assert reads_as_sentence(sentences.drop(columns="n_words")).tolist()[:4] == [
        False,
        False,
        False,
        True,
    ]


def test_a_sentence_of_an_article_not_in_english_is_not_quoted_first() -> None:
    sentences = table([("en1", "X", "The deal is a good one."), ("de1", "X", "Die Lage ist gut.")])
    documents = pd.DataFrame({"doc_id": ["en1", "de1"], "language": ["en", "de"]})
    assert quotable(documents, sentences).tolist() == [True, False]
    assert quotable(None, sentences).tolist() == [True, True]


def test_a_sentence_holding_a_caption_or_player_text_is_not_quoted_first() -> None:
    # a reviewer's export had captions run into the text: a Getty caption and BBC player text
    # were quoted as outlets' tone
    sentences = table(
        [
            (
                "a",
                "X",
                "WASHINGTON, DC - MAY 11: Obama pauses as he speaks. (Photo by A/Getty Images)",
            ),
            ("a", "X", "Media playback is unsupported on your device Media caption MPs cheered."),
            ("a", "X", "Enlarge this image toggle caption Alex Wong The nominee withdrew."),
            ("a", "X", "___ Top moments at the awards were brilliant, fans said."),
            ("a", "X", "The photographer said the awards were brilliant."),
            ("a", "X", "He spoke by phone: the deal was a wonderful success."),
        ]
    )
    assert quotable(None, sentences).tolist() == [False, False, False, False, True, True]
    assert "photo credit" in QUOTE_CHOICE


def test_a_tone_finding_quotes_a_sentence_not_a_headline_left_on_the_page() -> None:
    # a tester's page, mostly menu: an outlet's "most positive sentence" was another story's
    # headline, which outscored every sentence of the article
    rows = [
        ("p1", "Express", "Best wishes and great fun win awards at festival"),
        ("p1", "Express", "The city said the new plan was a good step for families."),
        ("p1", "Express", "Residents complained that the roads were dangerous and broken."),
        ("p2", "Express", "Officials said the report would be published next week."),
        ("q1", "Ledger", "The mayor welcomed the decision as a fair outcome."),
        ("q1", "Ledger", "Critics called the move a terrible mistake."),
        ("q2", "Ledger", "The vote is expected in the spring."),
    ]
    sentences = add_sentiment(table(rows), "sentence")
    express = sentences[sentences["outlet"] == "Express"]
    assert express["compound"].idxmax() == 0  # the headline is the most positive line
    by_group = sentiment_by_group(sentences, "outlet", n_boot=50, seed=0)
    pairwise = sentiment_pairwise(sentences, "outlet", n_boot=50, n_perm=50, seed=0)
    actors = actor_tone(sentences, "outlet", lexicon=made_up_actors(), n_boot=20, seed=0)
    args = (by_group, pairwise, actors, sentences, "outlet")
    key = "tone_level_Express_vader"
    plain = next(f for f in sentiment_findings(*args) if f.key == key)
    chosen = next(
        f for f in sentiment_findings(*args, quote_first=quotable(None, sentences)) if f.key == key
    )
    assert plain.evidence[0].text == rows[0][2]
    assert chosen.evidence[0].text == rows[1][2]
    assert chosen.text == plain.text  # the numbers are the same: only the quote changes


def test_the_summary_says_how_quotes_are_chosen() -> None:
    assert "4 words or more" in QUOTE_CHOICE and "English" in QUOTE_CHOICE
