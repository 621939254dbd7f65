"""analysis.sentiment.scoring: score_sentences, the news-domain variant and add_sentiment."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from conftest import STORY_LEXICONS

from analysis.lexicon import LexiconError
from analysis.sentiment.scoring import (
    SCORE_COLUMNS,
    SENTIMENT_COLUMNS,
    add_sentiment,
    build_terms_regex,
    compound_column,
    find_domain_terms,
    has_domain_term,
    in_capitals,
    load_news_terms,
    mask_domain_terms,
    news_terms_regex,
    score_sentences,
    sentiment_scores,
    tone_class,
    with_sentiment_scores,
)
from analysis.sentiment.vader import VaderAnalyzer, load_lexicon

# The bundled story's term list (the package default plus the story's policy terms).
TERMS = str((STORY_LEXICONS / "news_terms.csv").resolve())

PLAIN = [
    "The harbour talks went well.",
    "Exporters fear a disastrous winter!",
    "Nothing was decided.",
    "Officials were not happy, but traders were delighted.",
]


def test_vader_equals_polarity_scores_row_by_row():
    analyzer = VaderAnalyzer()
    table = score_sentences(PLAIN, method="vader")
    assert list(table.columns) == SCORE_COLUMNS
    assert isinstance(table.index, pd.RangeIndex) and len(table) == len(PLAIN)
    for k, text in enumerate(PLAIN):
        assert table.iloc[k].to_dict() == analyzer.polarity_scores(text)


def test_input_index_is_ignored():
    series = pd.Series(PLAIN, index=[10, 3, 7, 1])
    assert score_sentences(series).equals(score_sentences(PLAIN))


def test_news_equals_plain_without_domain_terms():
    assert score_sentences(PLAIN, "vader-news").equals(score_sentences(PLAIN, "vader"))


@pytest.mark.parametrize(
    ("text", "stand_in"),
    [
        ("Critical minerals are vital to the grain mills.", "zz yy are vital to the grain mills."),
        ("Freedonia cited national security concerns.", "Freedonia cited zz yy concerns."),
        ("The firm keeps its market dominance.", "The firm keeps its zz yy."),
        ("Both sides discussed supply-chain security.", "Both sides discussed zz yy."),
        ("The United States agreed.", "The zz yy agreed."),
    ],
)
def test_news_variant_scores_term_words_as_neutral_words(text, stand_in):
    news = score_sentences([text], "vader-news", news_terms=TERMS).iloc[0]
    plain = score_sentences([text], "vader").iloc[0]
    stand = score_sentences([stand_in], "vader").iloc[0]
    assert news.to_dict() == stand.to_dict()
    assert news["compound"] != plain["compound"]


def test_critical_minerals_no_longer_negative():
    text = "Ruritania exports critical minerals."
    assert score_sentences([text], "vader")["compound"].iloc[0] < 0
    assert score_sentences([text], "vader-news", news_terms=TERMS)["compound"].iloc[0] == 0


@pytest.mark.parametrize(
    "text",
    [
        "critical mineral",
        "Critical Minerals",
        "CRITICAL-MINERALS",
        "critical  minerals",
        "supply chain security",
        "Supply-Chain Security",
        "energy securities",
        "U.S. Treasury",
        "the Treasury Secretaries",
    ],
)
def test_inflections_and_case_match(text):
    assert find_domain_terms(text, TERMS), text


@pytest.mark.parametrize(
    "text",
    [
        "a critical moment for the talks",
        "security first",
        "hypercritical minerals",
        "China's dominance",
        "unitedstates",
    ],
)
def test_single_words_and_partial_words_are_left_alone(text):
    assert find_domain_terms(text, TERMS) == []
    assert mask_domain_terms(text, news_terms_regex(TERMS)) == text


def test_mask_keeps_token_count():
    text = "Talks on critical-minerals and national security, said the Treasury Secretary."
    masked = mask_domain_terms(text, news_terms_regex(TERMS))
    assert len(masked.split()) == len(text.split())
    assert "critical_-minerals_" in masked and "national_ security_," in masked


def test_has_domain_term_vectorised():
    flags = has_domain_term(["critical minerals", "grain", "food security"], TERMS)
    assert flags.tolist() == [True, False, True]


def test_bundled_term_list_is_reviewable():
    terms = load_news_terms()
    assert 15 <= len(terms) <= 60  # generic institution names included, still read in minutes
    assert terms["term"].str.lower().is_unique
    lex = load_lexicon()
    for term, note in zip(terms["term"], terms["note"], strict=True):
        assert len(note) > 20, term
        # every entry must contain a word VADER rates, or it would change nothing
        assert any(w.lower() in lex for w in term.split()), term


def test_the_valences_the_term_notes_quote_are_vaders():
    """Each note says why a term is neutralised by quoting VADER's valence of its word
    ("VADER reads 'party' as +1.7"): the figure must be the lexicon's."""
    lex = load_lexicon()
    quoted = [
        (term, word, value)
        for term, note in zip(*load_news_terms()[["term", "note"]].to_numpy().T, strict=True)
        for word, value in re.findall(r"'([a-z]+)'(?: as)? ([+−-]\d\.\d)", note)
    ]
    assert len(quoted) >= 50
    for term, word, value in quoted:
        assert lex[word] == pytest.approx(float(value.replace("−", "-"))), (term, word)


def test_term_list_validation(tmp_path):
    path = tmp_path / "terms.csv"
    path.write_text("term,note\nsecurity,one word only\n", encoding="utf-8")
    with pytest.raises(ValueError, match="multi-word"):
        load_news_terms(path)
    path.write_text("term,note\nfood security,\n", encoding="utf-8")
    with pytest.raises(ValueError, match="needs a term and a note"):
        load_news_terms(path)
    path.write_text("phrase,why\na b,c\n", encoding="utf-8")
    with pytest.raises(ValueError, match="missing columns"):
        load_news_terms(path)
    path.write_text("term,note\nfood security,a\n ,b\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"terms\.csv: 'term' entry #2 is empty"):
        load_news_terms(path)
    path.write_text("term,note\nfood security,a\nFood  Security ,b\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"terms\.csv: 'term' lists 'Food  Security' twice"):
        load_news_terms(path)
    path.write_text("term,note\n food security ,a\n", encoding="utf-8")
    assert load_news_terms(path)["term"].tolist() == ["food security"]


def test_longest_term_wins():
    regex = build_terms_regex(["supply chain", "supply chain security"])
    assert regex.search("on supply chain security").group(0) == "supply chain security"


def test_add_sentiment_adds_both_methods():
    table = pd.DataFrame(
        {
            "doc_id": ["a", "a", "b"],
            "sentence_id": [0, 1, 0],
            "sentence": [PLAIN[0], "Critical minerals matter.", PLAIN[1]],
        }
    )
    out = add_sentiment(table)
    assert list(out.columns) == [*table.columns, *SCORE_COLUMNS, "compound_news", "all_caps"]
    assert out["compound_news"][[0, 2]].tolist() == out["compound"][[0, 2]].tolist()
    assert (
        out.loc[1, "compound_news"]
        == score_sentences([table.loc[1, "sentence"]], "vader-news")["compound"].iloc[0]
    )
    assert "compound" not in table.columns  # input untouched


def test_bad_input():
    with pytest.raises(ValueError, match="method"):
        score_sentences(PLAIN, method="textblob")
    with pytest.raises(TypeError, match="sentence 1"):
        score_sentences(["ok", None])
    with pytest.raises(TypeError):
        score_sentences("just one string")
    with pytest.raises(KeyError):
        add_sentiment(pd.DataFrame({"text": ["x"]}))


def test_empty_input():
    assert len(score_sentences([])) == 0
    assert list(score_sentences([], "vader-news").columns) == SCORE_COLUMNS


def test_tone_class_thresholds_and_column():
    assert tone_class([0.05, 0.0499, -0.05, -0.0499, 0.9]).tolist() == [1, 0, -1, 0, 1]
    assert compound_column("vader") == "compound"
    assert compound_column("vader-news") == "compound_news"


MASK_CASES = [
    "",
    "Critical minerals and NATIONAL SECURITY, national-security and National  Security.",
    "non-national security; xnational security; national securityx; national securities!",
    "Market dominance—market dominances… “critical mineral” (critical minerals)",
    "national security national security national security",
    "Die nationale Sicherheit: national security in Zürich, KRITISCHE critical minerals",
    "National ſecurity, natıonal security, national \u212aelvin security, İnternational security",
    "美国的 national security 和 critical minerals 。",
    "critical\tminerals\ncritical - minerals, critical--minerals",
    "supply chain security " * 2000,
]


@pytest.mark.parametrize("terms", [None, TERMS, "non_ascii"])
def test_fast_masking_equals_the_reference(terms, tmp_path):
    # ASCII texts are matched lower-cased without case folding; every text must come out as
    # mask_domain_terms (Python's re, ignoring case) gives it, whatever the term list
    from analysis.sentiment.scoring import _key, _lower_case_terms_regex, _masked

    if terms == "non_ascii":  # a term outside ASCII: every text takes the reference path
        terms = tmp_path / "terms.csv"
        terms.write_text("term,note\nnational ſecurity,x\ncritical minerals,y\n", "utf-8")
        assert _lower_case_terms_regex(_key(terms)) is None
    else:
        assert _lower_case_terms_regex(_key(terms)) is not None
    regex = news_terms_regex(_key(terms))
    texts = MASK_CASES + [t.upper() for t in MASK_CASES] + [t.title() for t in MASK_CASES]
    expected = [mask_domain_terms(t, regex) for t in texts]
    assert _masked(texts, range(len(texts)), terms) == expected
    assert any(e != t for e, t in zip(expected, texts, strict=True))


def test_add_sentiment_of_an_arrow_text_column_equals_its_python_strings():
    # the domain-term flags read a pyarrow-stored column's own data: the same table as the
    # same sentences held as Python objects
    texts = [*MASK_CASES, "Nothing was decided.", "Exporters fear critical minerals shortages!"]
    arrow = pd.DataFrame({"sentence": pd.Series(texts, dtype="str")})
    plain = pd.DataFrame({"sentence": pd.Series(texts, dtype=object)})
    measured = add_sentiment(arrow, news_terms=TERMS)
    expected = add_sentiment(plain, news_terms=TERMS)
    assert measured.drop(columns="sentence").equals(expected.drop(columns="sentence"))
    assert (measured["compound_news"] != measured["compound"]).any()


def test_sentiment_scores_are_the_columns_add_sentiment_adds_and_go_back_where_asked():
    texts = [*MASK_CASES, "Nothing was decided.", "Exporters fear critical minerals shortages!"]
    table = pd.DataFrame({"sentence": texts, "n_words": range(len(texts))})
    expected = add_sentiment(table, news_terms=TERMS)
    scores = sentiment_scores(table["sentence"], TERMS)
    assert scores.shape == (len(texts), len(SENTIMENT_COLUMNS))
    assert list(expected.columns[2:]) == SENTIMENT_COLUMNS
    assert (scores == expected[SENTIMENT_COLUMNS].to_numpy()).all()
    assert (scores[:, 4] != scores[:, 3]).any()  # the news variant's compound differs
    # added at a position (a table measured in another order), or replaced where they are
    wider = table.assign(frame_x=True)
    placed = with_sentiment_scores(wider, scores, at=2)
    assert list(placed.columns) == ["sentence", "n_words", *SENTIMENT_COLUMNS, "frame_x"]
    pd.testing.assert_frame_equal(placed.drop(columns="frame_x"), expected)
    assert "compound" not in wider.columns  # the input is left as it was
    replaced = with_sentiment_scores(expected, scores[::-1], at=0)
    assert list(replaced.columns) == list(expected.columns)
    assert (replaced[SENTIMENT_COLUMNS].to_numpy() == scores[::-1]).all()
    assert sentiment_scores(table["sentence"].iloc[:0], TERMS).shape == (0, len(SENTIMENT_COLUMNS))


# A headline set in capitals, as normal case would write it, and what follows it in an export
CAPITALS = [
    ("BUS STRIKE LEAVES 300 COMMUTERS STRANDED", "Bus strike leaves 300 commuters stranded"),
    (
        "MAYOR ACCUSED OF BETRAYING DRIVERS IN BITTER DISPUTE | Coastline Post",
        "Mayor accused of betraying drivers in bitter dispute | Coastline Post",
    ),
    (
        "GREAT NEWS: TALKS WIN PRAISE, 2 SIDES HAPPY - Riverbend Times",
        "Great news: talks win praise, 2 sides happy - Riverbend Times",
    ),
]


@pytest.mark.parametrize(("shouted", "normal"), CAPITALS)
@pytest.mark.parametrize("method", ["vader", "vader-news"])
def test_a_sentence_in_capitals_is_scored_as_written_in_normal_case(
    shouted: str, normal: str, method: str
) -> None:
    """VADER boosts a word in capitals only beside a word that is not: a number or an outlet's
    name in a headline set in capitals made it fire (a tester's "BUS STRIKE LEAVES 300
    COMMUTERS" −0.73 against −0.57), though nothing in it is emphasised."""
    scores = score_sentences([shouted, normal], method)["compound"]
    assert scores[0] == scores[1]
    assert VaderAnalyzer().polarity_scores(shouted)["compound"] != scores[0]  # VADER's boost
    measured = add_sentiment(pd.DataFrame({"sentence": [shouted, normal]}), news_terms=TERMS)
    assert measured["all_caps"].tolist() == [True, False]
    assert measured["compound"].iloc[0] == measured["compound"].iloc[1]
    assert measured["compound_news"].iloc[0] == measured["compound_news"].iloc[1]


@pytest.mark.parametrize(
    "sentence",
    [
        "Talks FAILED, he said.",  # emphasis among lower-case words: VADER's reading stays
        "NEW YORK CITY Council votes to fund 300 buses",  # capitals, then no separator
        "BREAKING NEWS: Mayor resigns over budget",  # a label of two words
        "US and EU sign deal",
        "GREAT DEAL - riders happy with new fares today",  # a tail longer than an outlet's name
        "UN 2025",
    ],
)
def test_a_sentence_with_words_in_capitals_is_not_in_capitals(sentence: str) -> None:
    assert not in_capitals(sentence)
    table = add_sentiment(pd.DataFrame({"sentence": [sentence]}))
    assert not table["all_caps"].iloc[0]
    assert table["compound"].iloc[0] == VaderAnalyzer().polarity_scores(sentence)["compound"]
