"""Sentence splitting and word tokens work offline and respect news abbreviations."""

from __future__ import annotations

import nltk
import pytest

from analysis.corpus import sentences
from analysis.corpus.sentences import count_words, split_sentences, strip_bullet, tokenize_words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mr. Dahl met U.S. envoys on Oct. 3. They talked.",
            ["Mr. Dahl met U.S. envoys on Oct. 3.", "They talked."],
        ),
        (
            "Globex Corp. and Initech Ltd. signed in Sept. 2024. Shares rose.",
            ["Globex Corp. and Initech Ltd. signed in Sept. 2024.", "Shares rose."],
        ),
        (
            "J. K. Rowe said prices rose. Dr. Ames disagreed.",
            ["J. K. Rowe said prices rose.", "Dr. Ames disagreed."],
        ),
        (
            "The talks in Washington, D.C. ended late. A deal followed.",
            ["The talks in Washington, D.C. ended late.", "A deal followed."],
        ),
    ],
)
def test_abbreviations_do_not_end_sentences(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an initialism in NYT style is not a sentence end before a name or a verb ...
        ("The N.R.A. said it would sue.", ["The N.R.A. said it would sue."]),
        (
            "The G.O.P. Leadership met. F.B.I. Agent Lee left.",
            ["The G.O.P. Leadership met.", "F.B.I. Agent Lee left."],
        ),
        # ... but is one before a word that starts sentences
        ("He joined the N.R.A. The group grew.", ["He joined the N.R.A.", "The group grew."]),
        ("It helps the U.S. She said so.", ["It helps the U.S.", "She said so."]),
        # a title before a Chinese surname "He" still is no sentence end
        ("He met Mr. He Lifeng.", ["He met Mr. He Lifeng."]),
    ],
)
def test_dotted_initialisms_end_a_sentence_only_before_a_sentence_starter(
    text: str, expected: list[str]
) -> None:
    assert split_sentences(text) == expected


def test_bullets_and_timeline_lines_are_their_own_units() -> None:
    text = (
        "Key dates\n"
        "- March 2024:\n"
        "- Port reopens to cargo ships\n"
        "• Tariffs paused for 90 days. Talks resume in June.\n"
        "A normal paragraph follows. It has two sentences."
    )
    assert split_sentences(text) == [
        "Key dates",
        "March 2024:",
        "Port reopens to cargo ships",
        "Tariffs paused for 90 days.",
        "Talks resume in June.",
        "A normal paragraph follows.",
        "It has two sentences.",
    ]


def test_strip_bullet_leaves_numbers_in_prose() -> None:
    assert strip_bullet("- item") == "item"
    assert strip_bullet("3. third point") == "third point"
    assert strip_bullet("2025 was a year") == "2025 was a year"


def test_word_tokens_drop_punctuation_and_split_clitics() -> None:
    assert tokenize_words("Freedonia’s “firm” stance, isn't it?") == [
        "Freedonia",
        "'s",
        "firm",
        "stance",
        "is",
        "n't",
        "it",
    ]
    assert count_words("Ten percent, or 10%.") == 4


def test_no_nltk_data_is_needed(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("nltk.data.load must not be called")

    monkeypatch.setattr(nltk.data, "load", refuse)
    monkeypatch.setattr(nltk.data, "find", refuse)
    sentences._punkt.cache_clear()
    sentences._word_tokenizer.cache_clear()
    assert split_sentences("One. Two.") == ["One.", "Two."]
    assert tokenize_words("One two") == ["One", "two"]


def test_chinese_text_is_split_after_full_width_sentence_ends() -> None:
    from analysis.corpus.sentences import split_sentences

    text = "美方随后宣布加征关税。双方在吉隆坡举行会谈，达成“初步共识！”他说：“这很重要？”"
    assert split_sentences(text) == [
        "美方随后宣布加征关税。",
        "双方在吉隆坡举行会谈，达成“初步共识！”",
        "他说：“这很重要？”",
    ]


def test_chinese_characters_count_one_word_each() -> None:
    from analysis.corpus.sentences import count_words

    assert count_words("美方宣布加征关税。") == 8
    assert count_words("美国 (U.S.) 宣布 1,000 项") == 7  # 美 国 U.S. 宣 布 1,000 项
    assert count_words("China's market-dominance, 1,000 U.S. firms") == 5


# --- the fast Punkt equals NLTK's own Punkt over the same parameters ---------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from analysis.corpus.sentences import (  # noqa: E402
    _nltk_punkt,
    _punkt,
    count_words_many,
)

# Pieces that exercise every Punkt rule: abbreviations (Mr., U.S., Corp.), initials (J.),
# numbers ("3.", "1,000."), ellipses, sentence starters (The, But), lower-case words after a
# period, closing quotes and brackets after a sentence end (realignment), "?" and "!".
PUNKT_POOL = [
    "Mr.", "Dr.", "U.S.", "Corp.", "Oct.", "Sept.", "e.g.", "vs.", "J.", "K.", "a.", "3.",
    "1,000.", "12", "...", "..", ".", "?", "!", "?!", "said.", "rose.", "The", "the", "But",
    "but", "However", "prices", "Beijing", "officials", "“Yes.”", '"No."', "(fell.)", "[sic.]",
    "end.)", "--", "-", ";", ":", ",", "’", "'s", "Washington,", "D.C.", "non-U.S.", "x",
    "N.R.A.", "G.O.P.", "She", "A", "He",
]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from(PUNKT_POOL), max_size=30),
    st.lists(st.sampled_from([" ", "  ", "", "\t", " \n "]), max_size=30),
)
def test_fast_punkt_splits_exactly_as_nltk(words: list[str], glue: list[str]) -> None:
    text = "".join(w + (glue[k] if k < len(glue) else " ") for k, w in enumerate(words))
    fast, reference = _punkt(), _nltk_punkt()
    fast._memo.clear()
    assert fast.tokenize(text) == reference.tokenize(text)
    # and again with every context decision read from the memo
    assert fast.tokenize(text) == reference.tokenize(text)
    assert fast.text_contains_sentbreak(text) == reference.text_contains_sentbreak(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab.?! \"”)'J3,\n")), max_size=60))
def test_fast_punkt_on_arbitrary_punctuation(text: str) -> None:
    assert _punkt().tokenize(text) == _nltk_punkt().tokenize(text)


def test_fast_punkt_memo_starts_afresh_when_full(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sentences, "CONTEXT_MEMO_SIZE", 2)
    text = "He said. The end. Mr. Li left. But J. Doe stayed. Prices rose 3. Then fell."
    expected = _nltk_punkt().tokenize(text)
    for _ in range(3):
        assert _punkt().tokenize(text) == expected
    assert len(_punkt()._memo) <= 2


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(max_size=40), max_size=8))
def test_word_counts_of_a_column_equal_count_words(texts: list[str]) -> None:
    assert count_words_many(texts).tolist() == [count_words(t) for t in texts]


def test_word_counts_of_a_column_handle_unicode_and_surrogates() -> None:
    texts = ["Šefčovič’s 1,000-tonne U.S. deal", "关税 政策", "x_y __ a-b-", "bad \ud800 text", ""]
    texts += ["美国 (U.S.) 宣布 1,000 项", "美方宣布加征关税。", "カタカナ-ABC’s 𠀀x", "ab关cd-关"]
    assert count_words_many(texts).tolist() == [count_words(t) for t in texts]


_CONTEXT_CHARS = list('ab.?!J3"”) \t\n\r\x0b\x0c\u00a0\u3000关’')


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.text(alphabet=st.sampled_from(_CONTEXT_CHARS), max_size=50))
def test_potential_end_contexts_equal_nltk(text: str) -> None:
    # the list-building version (tail-only whitespace search, no slices) must give NLTK's
    # matches and contexts, overlap rule included
    def found(tokenizer, text):
        return [(m.span(), c) for m, c in tokenizer._match_potential_end_contexts(text)]

    fast, reference = _punkt(), _nltk_punkt()
    assert found(fast, text) == found(reference, text)
    for fixed in (
        "", "a", "Mr. Li.", " x. Y", "\tab. Cd!! Ef", "x\x0c y.\x0bz. W", "关税 政策. 美国",
        "end. ", "Very bad acting!!! I promise.", "a.b.c. d. e.", "(J.) K. “Yes.” No.",
    ):  # fmt: skip
        assert found(fast, fixed) == found(reference, fixed)


_ASCII_WORDY = st.text(alphabet=st.sampled_from(list("aZ09 -'.,_\t\n!’é关")), max_size=30)


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.lists(_ASCII_WORDY, max_size=12))
def test_word_counts_from_ascii_bytes_equal_count_words(texts: list[str]) -> None:
    # ASCII texts are counted from their bytes (runs minus joining separators), the others by
    # RE2, in any mix and order: always count_words of each text
    assert count_words_many(texts).tolist() == [count_words(t) for t in texts]
    for fixed in (["", "a-b", "a--b", "-a-", "x,y.z", " . ", "a'", "'a", "1,000.5", "a_b"], []):
        assert count_words_many(fixed).tolist() == [count_words(t) for t in fixed]


def test_word_counts_from_bmp_characters_equal_count_words() -> None:
    # texts outside ASCII are decoded from their bytes and counted by character class: every
    # character of the Basic Multilingual Plane, alone, inside a word and between separators,
    # gives count_words' answer (and texts with a character beyond it still go to RE2)
    chars = [chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000]
    texts = chars + ["a" + c + "b" for c in chars] + ["x-" + c + "’y" for c in chars]
    assert count_words_many(texts).tolist() == [count_words(t) for t in texts]
    mixed = ["Šefčovič’s “deal” — 关税。", "𠀀x 关 y😀z", "", "plain ascii", "a\u3000b’c"]
    assert count_words_many(mixed).tolist() == [count_words(t) for t in mixed]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Punkt breaks after "?" and "!" always: the attribution was a sentence of its own
        ('"We will fight!" she said. Then.', ['"We will fight!" she said.', "Then."]),
        (
            "“Why now?” asked Jane Roe, a rider. Later.",
            ["“Why now?” asked Jane Roe, a rider.", "Later."],
        ),
        (
            '"Is this the best they can do?" Mayor Ellen Park said. Then more.',
            ['"Is this the best they can do?" Mayor Ellen Park said.', "Then more."],
        ),
        (
            "“It is over.” Park said on Monday. Next.",
            ["“It is over.” Park said on Monday.", "Next."],
        ),
        # a closing quote cut off with what follows it joins as written (no space added)
        (
            'The slogan, "Fares. We\'re on it.", was mocked.',
            ['The slogan, "Fares.', "We're on it.\", was mocked."],
        ),
        # a new sentence after a quotation stays one
        (
            "He asked: “Why?” Officials said the plan failed.",
            ["He asked: “Why?”", "Officials said the plan failed."],
        ),
        ("“Stop!” The crowd ran.", ["“Stop!”", "The crowd ran."]),
    ],
)
def test_the_attribution_after_a_quotation_stays_with_it(text: str, expected: list[str]) -> None:
    """A tester's summary quoted "Mayor Ellen Park said." and "', was read as a boast" as the
    most negative sentences: pieces of a quotation's sentence."""
    assert split_sentences(text) == expected


def test_a_final_period_parted_from_its_closing_quote_is_not_part_of_the_word() -> None:
    # a tester's keyness counted "says." apart from "says" in 'he says. "' (an export without
    # commas), so its count of "says" was 2 short of the articles'
    from analysis.corpus.sentences import tokenize_words

    assert tokenize_words('He says. "') == tokenize_words("He says.") == ["He", "says"]
    assert tokenize_words("She said. ”") == ["She", "said"]
    assert tokenize_words('Mr. Lee said. "')[0] == "Mr."  # an abbreviation inside is kept
