"""analysis.sentiment.vader gives exactly NLTK's SentimentIntensityAnalyzer numbers on NLTK's
tokens, offline, and reads a word next to a quotation mark, a typographic mark or a dash as the
word."""

from __future__ import annotations

import itertools
import zipfile
from pathlib import Path

import nltk
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.sentiment.vader import (
    VaderAnalyzer,
    load_lexicon,
    parse_lexicon,
    read_word,
    words_and_emoticons,
)


@pytest.fixture(scope="module")
def nltk_sia(tmp_path_factory: pytest.TempPathFactory):
    """NLTK's own analyzer, reading the same lexicon from a temporary nltk_data folder."""
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    from analysis.sentiment.vader import lexicon_path

    root = tmp_path_factory.mktemp("nltk_data")
    (root / "sentiment").mkdir()
    with zipfile.ZipFile(root / "sentiment" / "vader_lexicon.zip", "w") as archive:
        archive.writestr("vader_lexicon/vader_lexicon.txt", lexicon_path().read_bytes())
    saved = list(nltk.data.path)
    nltk.data.path.insert(0, str(root))
    try:
        return SentimentIntensityAnalyzer()
    finally:
        nltk.data.path[:] = saved


@pytest.fixture(scope="module")
def fast() -> VaderAnalyzer:
    """The analyzer on NLTK's own tokens: its scores must be NLTK's exactly."""
    return VaderAnalyzer(tokens="nltk")


@pytest.fixture(scope="module")
def words() -> VaderAnalyzer:
    """The analyzer as the package scores sentences (``tokens="words"``, the default)."""
    return VaderAnalyzer()


SUBJECTS = ["The minister", "Our reporter", "The deal", "This plan", "Everyone", "The TALKS"]
OPINIONS = [
    "is good",
    "is not good",
    "isn't bad at all",
    "was never so good",
    "is kind of good",
    "is sort of terrible",
    "is VERY good",
    "is extremely bad",
    "is the least helpful",
    "is at least helpful",
    "was very least welcome",
    "is barely acceptable",
    "is GREAT",
    "was GOOD but the outcome was BAD",
    "was fine, but the follow-up was awful",
    "is the bomb",
    "cut the mustard",
    "was the kiss of death",
    "lived hand to mouth",
    "yeah right",
    "is :) happy",
    "is :( sad",
    "was good, good, good",
    "didn't hurt",
    "without doubt helped",
    "never failed",
    "seldom disappoints",
    "is (good)",
    "is 'good'",
    'is "terrible"',
    "--great",
    "is great!!!",
]
ENDINGS = ["", ".", "!", "?", "??", "???!", "!!!!!", " :D", " <3"]


def made_up_sentences() -> list[str]:
    out = [f"{s} {o}{e}" for s, o, e in itertools.product(SUBJECTS, OPINIONS, ENDINGS)]
    out += [
        "",
        "   ",
        "a",
        "!!!",
        "BUT WHY",
        "but",
        "kind of",
        "It was kind",
        "Not bad, not good, just kind of there.",
        "The harbour is calm but the market is not calm.",
        "He said it was absolutely, totally, utterly FANTASTIC!!",
        "Ugh. Never this bad. Never so bad. Never so, bad.",
        "The agreement was good but the aftermath was... meh?",
        "Tariffs hurt; exporters suffered; traders lost money.",
        "lol :-) haha :P",
        "The ‘good’ news is “great”.",
        "SHOCKING: prices rise, growth slows, and hope fades",
        "It's not the worst, but it's hardly the best either.",
        "No, no, no, NO!",
    ]
    return out


def test_made_up_sentences_equal_nltk(nltk_sia, fast):
    sentences = made_up_sentences()
    assert len(sentences) > 300
    for text in sentences:
        assert fast.polarity_scores(text) == nltk_sia.polarity_scores(text), text


WORD_POOL = [
    "good",
    "bad",
    "GOOD",
    "not",
    "never",
    "so",
    "this",
    "but",
    "BUT",
    "very",
    "VERY",
    "kind",
    "of",
    "sort",
    "least",
    "at",
    "the",
    "shit",
    "bomb",
    "yeah",
    "right",
    "no",
    "isn't",
    "happy",
    "hate",
    "love",
    "war",
    "critical",
    "security",
    "dominance",
    ":)",
    ":(",
    ":-D",
    "<3",
    "!",
    "?",
    ",",
    ".",
    "'",
    '"',
    "-",
    "(",
    ")",
    "just",
    "enough",
    "hardly",
    "extremely",
    "kiss",
    "death",
    "cut",
    "mustard",
    "without",
    "doubt",
    "ok",
    "a",
    "I",
]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(WORD_POOL), max_size=25),
    st.lists(st.sampled_from(["", " ", "  ", ",", "!", "?", "'", '"', "."]), max_size=25),
)
def test_random_text_equals_nltk(nltk_sia, fast, words, glue):
    pieces = []
    for k, word in enumerate(words):
        pieces.append(word)
        pieces.append(glue[k] if k < len(glue) else " ")
    text = "".join(pieces)
    # repr: the same bits, down to the sign of a zero
    assert repr(fast.polarity_scores(text)) == repr(nltk_sia.polarity_scores(text))


def test_lexicon_matches_nltk_parse(nltk_sia):
    assert load_lexicon() == nltk_sia.lexicon
    assert load_lexicon()["critical"] == -1.3


def test_parse_lexicon_handles_crlf_and_duplicates():
    lex = parse_lexicon("calm\t1.3\t0.4\t[1]\r\ncalm\t1.5\t0.4\t[1]\r\n\r\n:(\t-1.9\t0.1\t[2]")
    assert lex == {"calm": 1.5, ":(": -1.9}
    with pytest.raises(ValueError, match="malformed"):
        parse_lexicon("onlyoneword\r\n")


def test_tokens_strip_one_punctuation_run():
    assert words_and_emoticons("Hello, world!! (good) 'ok' :) a") == [
        "Hello",
        "world",
        "(good)",
        "'ok'",
        ":)",
    ]


def test_repeated_token_uses_first_context(fast):
    # NLTK scores a repeated token in the context of its first occurrence: the second "good"
    # below is not negated even though "not" precedes it.
    assert fast.polarity_scores("good not good")["compound"] > 0


def test_rejects_non_text(fast):
    with pytest.raises(TypeError):
        fast.polarity_scores(None)  # type: ignore[arg-type]


def test_custom_lexicon(fast):
    custom = VaderAnalyzer({"grain": 2.0})
    assert custom.polarity_scores("grain")["compound"] > 0
    assert fast.polarity_scores("grain")["compound"] == 0.0


def test_production_code_never_reads_nltk_data(monkeypatch, tmp_path: Path):
    monkeypatch.setattr(nltk.data, "path", [str(tmp_path / "empty")])
    load_lexicon.cache_clear()
    try:
        assert VaderAnalyzer().polarity_scores("great")["compound"] > 0
    finally:
        load_lexicon.cache_clear()


def test_token_memo_never_changes_a_score(nltk_sia, monkeypatch):
    # The per-token memo remembers a pure function of each token: scores are the same on first
    # sight, from the memo, and after the memo starts afresh.
    from analysis.sentiment import vader

    monkeypatch.setattr(vader, "TOKEN_MEMO_SIZE", 3)
    analyzer = VaderAnalyzer(tokens="nltk")
    texts = [
        "The deal is GOOD, but the outcome was bad!",
        "Nothing here at all.",
        "kind of good",
        "a",
        "",
        "The deal is GOOD, but the outcome was bad!",
    ]
    for _ in range(2):
        for text in texts:
            # repr: the same bits, down to the sign of a zero
            assert repr(analyzer.polarity_scores(text)) == repr(nltk_sia.polarity_scores(text))
    assert len(analyzer._memo) <= 3


def test_sentences_without_a_scored_word_take_the_neutral_shortcut(nltk_sia, fast):
    # no lexicon word (or only boosters): NLTK's arithmetic gives exactly (0, 1, 0, 0)
    for text in ["The minister met officials on Tuesday.", "very extremely", "?? !!", "x y"]:
        assert repr(fast.polarity_scores(text)) == repr(nltk_sia.polarity_scores(text))
    rows = fast.score_many(["The minister met officials.", "", "good"])
    assert rows[0].tolist() == [0.0, 1.0, 0.0, 0.0]
    assert rows[1].tolist() == [0.0, 0.0, 0.0, 0.0]


# A word as a reader reads it, next to the same text with the marks a reader looks past removed:
# on NLTK's tokens the first misses the word (each pair differs there).
READER_PAIRS = [
    ('"It\'s a disaster," he said.', "It's a disaster, he said."),
    ('"We are devastated," said the owner.', "We are devastated, said the owner."),
    ("They called it a \u201cdisaster.\u201d", "They called it a disaster."),
    ("\u201cDisaster\u201d was the word.", "Disaster was the word."),
    ("I don\u2019t like it.", "I don't like it."),
    ("It isn\u2019t good.", "It isn't good."),
    ("It was\u2014disaster\u2014again.", "It was disaster again."),
    ("It was--great.", "It was great."),
    ("'Frustrated' residents left.", "Frustrated residents left."),
    ("The plan (good for all) passed.", "The plan good for all passed."),
    ("The outlook is grim\u2026 for now.", "The outlook is grim for now."),
    ("\u00abTerrible\u00bb, he said.", "Terrible, he said."),
]


@pytest.mark.parametrize(("marked", "plain"), READER_PAIRS)
def test_words_reads_the_word_beside_quotes_apostrophes_and_dashes(nltk_sia, words, marked, plain):
    assert words.polarity_scores(marked) == nltk_sia.polarity_scores(plain)
    assert nltk_sia.polarity_scores(marked) != nltk_sia.polarity_scores(plain)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORD_POOL), max_size=25))
def test_words_equal_nltk_on_words_set_apart(nltk_sia, words, pool):
    # words separated by spaces, each with at most one mark of punctuation: NLTK's reading
    text = " ".join(pool)
    assert repr(words.polarity_scores(text)) == repr(nltk_sia.polarity_scores(text))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(WORD_POOL), max_size=20),
    st.lists(
        st.sampled_from(["", " ", ",", "!", "?", "'", '"', ".", '," ', '." ', "(", ")"]),
        max_size=20,
    ),
)
def test_words_read_typographic_marks_as_ascii(words, pool, glue):
    pieces = []
    for k, word in enumerate(pool):
        pieces.append(word)
        pieces.append(glue[k] if k < len(glue) else " ")
    text = "".join(pieces)
    curly = text.replace("'", "\u2019").replace('"', "\u201d")
    assert words.polarity_scores(curly) == words.polarity_scores(text)


def test_read_word_keeps_lexicon_tokens_and_the_masking_underscore():
    lexicon = load_lexicon()
    assert read_word(":)", lexicon) == ":)"
    assert read_word('disaster,"', lexicon) == "disaster"
    assert read_word("\u201cgood\u201d", lexicon) == "good"
    assert read_word('security_,"', lexicon) == "security_"
    assert read_word('a,"', lexicon) == 'a,"'


def test_masked_word_stays_unscored(words):
    assert words.polarity_scores('"national_ security_," he said.')["compound"] == 0.0
    assert words.polarity_scores('"national security," he said.')["compound"] > 0


def test_tokens_must_be_words_or_nltk():
    with pytest.raises(ValueError, match="tokens"):
        VaderAnalyzer(tokens="spacy")  # type: ignore[arg-type]


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from("ab -\u2012\u2013\u2014\u2015\u2011\u2212\u00e9\u201c"),
        max_size=12,
    )
)
def test_dash_check_agrees_with_the_dash_pattern(text):
    from analysis.sentiment import vader

    assert vader._has_dash(text) == (vader._DASH_RE.search(text) is not None)
