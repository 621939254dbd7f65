"""analysis.lexicon: the RE2 rewrite of whole-word patterns matches exactly what Python's re does.

Actors and news terms were matched row by row with Python's ``re`` (look-arounds); they now run
in pyarrow's RE2 over the whole column (:func:`analysis.lexicon.contains_whole_words`). These tests
compare both engines on made-up word lists and a seeded, varied set of made-up sentences (case,
dotless and dotted i, Kelvin sign, long s, curly apostrophes, hyphens and dashes, Unicode spaces,
accented and CJK neighbours, underscores, digits, edges of the text), and Python's ``\\w``/``\\s``
with their RE2 classes on every code point.
"""

from __future__ import annotations

import random
import re

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pytest

from analysis.lexicon import (
    compile_whole_words,
    contains_whole_words,
    python_space_class,
    python_word_class,
    re2_body,
    re2_whole_words,
)
from analysis.sentiment.actors import Actor, actor_body, actor_matrix, actor_regex
from analysis.sentiment.scoring import (
    build_terms_regex,
    has_domain_term,
    news_terms_body,
    news_terms_regex,
    terms_body,
)

FIRMS = ("MP Materials", "Lynas Rare Earths", "iPhone maker")
ACTORS = (
    Actor("china", "China", "china", ("China", "People's Republic", "Xi Jinping"), ("PRC",), "n"),
    Actor("us", "US", "us", ("United States", "U.S.", "White House"), ("US", "USA"), "n"),
    Actor("eu", "EU", "eu", ("European Union", "Brussels"), ("EU",), "n"),
    Actor("firm", "Firm", "company", FIRMS, (), "n"),
    Actor("kr", "Korea", "ally", ("Busan", "South-Korea"), ("ROK",), "n"),
    Actor("zu", "Zürich", "other", ("Zürich", "Šefčovič", "İzmir"), ("ÉIB",), "n"),  # non-ASCII
)
TERMS = ("critical mineral", "national security", "rare earth", "supply chain", "export control")

PIECES = [
    "China",
    "CHINA",
    "china",
    "Chına",
    "Chİna",
    "CHİNA",
    "people's republic",
    "People’s Republic",
    "PEOPLE'S  REPUBLIC",
    "Xi\u00a0Jinping",
    "xi\u2009jinping",
    "Xi\u3000Jinping",
    "Xi\x1cJinping",
    "Xi\nJinping",
    "XI JINPING",
    "United States",
    "UNITED STATES",
    "U.S.",
    "u.s.",
    "XU.S.",
    "U.S.A",
    "US",
    "us",
    "USA",
    "USAF",
    "_US",
    "US_",
    "US1",
    "1US",
    "EU",
    "eu",
    "EU-wide",
    "pre-EU",
    "European\x85Union",
    "Brussels",
    "Brußels",
    "MP Materials",
    "mp materials",
    "MP\tMaterials",
    "Lynas Rare Earths",
    "iPhone maker",
    "IPHONE MAKER",
    "ıphone maker",
    "Busan",
    "South-Korea",
    "south korea",
    "ROK",
    "Zürich",
    "ZÜRICH",
    "zürich",
    "ÉIB",
    "éib",
    "critical minerals",
    "Critical-Minerals",
    "critical   mineral",
    "CRITICAL MINERALES",
    "non-critical mineral",
    "critical mineral_",
    "national securities",
    "National Security",
    "natıonal security",
    "rare earths",
    "rare-earth",
    "RARE EARTHES",
    "supply chains",
    "supply–chain",
    "export controls",
    "export control’s",
    "expoKt",
    "ſupply chain",
    "Kxport",
    "关税China",
    "China关税",
    "caféChina",
    "Chinaé",
    "Chinä",
    "١China",
    "China٣",
    "🙂China",
    "China🙂",
    "(China)",
    '"US"',
    "US.",
    "—US—",
    "—",
    "-",
    "–",
    "’",
    "'",
    ",",
    ".",
    "\n",
    " ",
]


def made_up_sentences(n: int = 3000, seed: int = 7) -> list[str]:
    """Seeded sentences of 1–6 pieces joined by varied separators (or none)."""
    rng = random.Random(seed)
    joins = [" ", "", "-", "–", "\u00a0", "\n", ", ", "_", "é", "关"]
    out = ["", "China", "US", " US ", "critical mineral"]
    for _ in range(n):
        parts = rng.choices(PIECES, k=rng.randint(1, 6))
        text = parts[0]
        for part in parts[1:]:
            text += rng.choice(joins) + part
        out.append(text)
    return out


SENTENCES = made_up_sentences()


def _python(texts: list[str], body: str, **kw: bool) -> np.ndarray:
    regex = compile_whole_words(body, **kw)
    return np.array([regex.search(t) is not None for t in texts], dtype=bool)


@pytest.mark.parametrize("actor", ACTORS, ids=[a.key for a in ACTORS])
def test_actor_matches_equal_python(actor: Actor) -> None:
    body = actor_body(actor)
    expected = np.array([actor_regex(actor).search(t) is not None for t in SENTENCES])
    assert expected.any() and not expected.all()  # the set exercises both outcomes
    assert np.array_equal(contains_whole_words(SENTENCES, body), expected)
    matrix = actor_matrix(SENTENCES, [actor])
    assert np.array_equal(matrix[actor.column].to_numpy(), expected)


def test_actors_run_in_re2_non_ascii_case_folding_included() -> None:
    for actor in ACTORS:
        assert re2_whole_words(actor_body(actor)) is not None, actor.key
    # "Zürich" ignoring case: Python's own case variants of "ü", written out for RE2
    assert re2_whole_words(actor_body(ACTORS[-1])) is not None


def test_news_terms_match_equal_python() -> None:
    regex = build_terms_regex(TERMS)
    expected = np.array([regex.search(t) is not None for t in SENTENCES])
    assert expected.any() and not expected.all()
    found = contains_whole_words(
        SENTENCES, terms_body(TERMS), ignore_case=True, no_hyphen_before=True
    )
    assert re2_whole_words(terms_body(TERMS), ignore_case=True, no_hyphen_before=True)
    assert np.array_equal(found, expected)


def test_bundled_news_terms_equal_python() -> None:
    expected = np.array([news_terms_regex(None).search(t) is not None for t in SENTENCES])
    assert news_terms_body(None) is not None
    assert np.array_equal(has_domain_term(SENTENCES).to_numpy(), expected)


def test_lone_surrogate_falls_back_to_python() -> None:
    texts = ["China \ud800 rises", "nothing"]
    assert contains_whole_words(texts, actor_body(ACTORS[0])).tolist() == [True, False]


def test_rewrite_refuses_what_it_cannot_carry_over() -> None:
    assert re2_body(r"\bchina") is None
    assert re2_body("^china") is None
    assert re2_body("(?!x)china") is None
    assert re2_body("[zü]", ignore_case=True) is None  # a non-ASCII letter in a class
    assert re2_body("zürich") == "zürich"
    assert re2_body("[^a]") is None


def test_word_and_space_classes_equal_python_on_every_code_point() -> None:
    codes = [c for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF]
    chars = pa.array([chr(c) for c in codes], type=pa.large_string())
    word = pc.match_substring_regex(chars, f"^[{python_word_class()}]$").to_pylist()
    space = pc.match_substring_regex(chars, f"^[{python_space_class()}]$").to_pylist()
    assert word == [chr(c).isalnum() or chr(c) == "_" for c in codes]
    assert space == [chr(c).isspace() for c in codes]


def test_python_fold_of_ascii_letters_is_written_out() -> None:
    # RE2 folds k/K/K and s/S/ſ like Python; only i differs (İ, ı), which the rewrite adds.
    codes = [c for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF]
    chars = [chr(c) for c in codes]
    array = pa.array(chars, type=pa.large_string())
    for letter in "iksIKS":
        pattern = re2_body(letter, ignore_case=True)
        got = pc.match_substring_regex(array, f"^{pattern}$").to_pylist()
        python = compile_whole_words(letter, ignore_case=True)
        assert got == [python.fullmatch(ch) is not None for ch in chars], letter


def test_python_fold_of_non_ascii_letters_is_written_out() -> None:
    # A non-ASCII letter ignoring case becomes Python's own set of matches, case-sensitively.
    codes = [c for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF]
    chars = [chr(c) for c in codes]
    array = pa.array(chars, type=pa.large_string())
    for letter in "üÜšŠčéßİıſKΣσςДж":
        pattern = re2_body(letter, ignore_case=True)
        assert pattern is not None, letter
        got = pc.match_substring_regex(array, f"^{pattern}$").to_pylist()
        python = re.compile(re.escape(letter), re.IGNORECASE)
        assert got == [python.fullmatch(ch) is not None for ch in chars], letter


def test_python_reference_helper() -> None:
    assert _python(["a US b", "aUS"], "US").tolist() == [True, False]


def test_arrow_column_is_the_columns_own_data() -> None:
    import pandas as pd

    from analysis.lexicon import arrow_column, arrow_texts

    values = ["a", None, "关税", "", "x’y"]
    column = pd.Series(values, dtype="str")
    data = arrow_column(column)
    assert data.type == pa.large_string() and data.to_pylist() == values
    assert arrow_column(column.iloc[2:]).to_pylist() == values[2:]
    assert arrow_column(pd.Series(values, dtype=object)) is None
    assert arrow_column(values) is None
    # arrow_texts takes the data only when nothing is missing
    full = column.dropna()
    assert arrow_texts(full).to_pylist() == [v for v in values if v is not None]
    assert arrow_texts(full).equals(arrow_texts(full.tolist()))


# --- short edges first: the full classes only for the rows they leave undecided --------------


def test_short_edges_are_python_s_non_word_characters_near_ascii() -> None:
    from analysis.lexicon import _short_edges

    edge, edge_no_hyphen, undecided = _short_edges()
    codes = [c for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF]
    chars = pa.array([chr(c) for c in codes], type=pa.large_string())

    def members(body: str) -> set[int]:
        found = pc.match_substring_regex(chars, f"^[{body}]$").to_numpy(zero_copy_only=False)
        return {c for c, hit in zip(codes, found, strict=True) if hit}

    near = {*range(0x100), *range(0x2000, 0x2070)}
    non_word = {c for c in near if not (chr(c).isalnum() or chr(c) == "_")}
    assert members(edge) == non_word
    assert members(edge_no_hyphen) == non_word - {ord("-")}
    # every character outside ASCII that is not a short edge leaves a text undecided
    assert members(undecided) == set(codes) - set(range(0x80)) - non_word


@pytest.mark.parametrize(
    ("python_rows", "undecided_share"),
    [(0, 1.0), (10**9, 1.0), (0, 0.0)],
    ids=["undecided rows by RE2 full classes", "undecided rows by Python re", "whole column"],
)
def test_rows_the_short_edges_leave_undecided_get_python_s_answer(
    monkeypatch: pytest.MonkeyPatch, python_rows: int, undecided_share: float
) -> None:
    # Every way of checking the undecided rows gives Python's answers, whatever their number,
    # and so does the whole column matched with the full classes at once.
    import analysis.lexicon as lexicon

    monkeypatch.setattr(lexicon, "_PYTHON_ROWS", python_rows)
    monkeypatch.setattr(lexicon, "_UNDECIDED_SHARE", undecided_share)
    for actor in ACTORS:
        found = contains_whole_words(SENTENCES, actor_body(actor))
        assert np.array_equal(found, _python(SENTENCES, actor_body(actor))), actor.key
    options = {"ignore_case": True, "no_hyphen_before": True}
    found = contains_whole_words(SENTENCES, terms_body(TERMS), **options)
    assert np.array_equal(found, _python(SENTENCES, terms_body(TERMS), **options))


def test_an_edge_only_python_knows_is_found(monkeypatch: pytest.MonkeyPatch) -> None:
    # Emoji, CJK punctuation and Arabic commas are not word characters for Python, and are not
    # short edges: those rows are undecided, then checked.
    import analysis.lexicon as lexicon

    monkeypatch.setattr(lexicon, "_UNDECIDED_SHARE", 1.0)  # however many texts are undecided
    texts = ["🙂China🙂", "「China」", "China،", "关税China", "Chinaé", "«China»", "“China”"]
    body = actor_body(ACTORS[0])
    assert contains_whole_words(texts, body).tolist() == [
        True,
        True,
        True,
        False,
        False,
        True,
        True,
    ]
    assert np.array_equal(contains_whole_words(texts, body), _python(texts, body))


def test_english_text_needs_no_full_class(monkeypatch: pytest.MonkeyPatch) -> None:
    # ASCII with curly quotes, dashes and no-break spaces: decided by the short edges alone,
    # without compiling Python's full classes (about 4 ms on each pyarrow call).
    import analysis.lexicon as lexicon

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the full classes were compiled")

    monkeypatch.setattr(lexicon, "re2_whole_words", refuse)
    texts = ["“China” rose", "the PRC—and the US", "Xi\u00a0Jinping said", "chinaware", "US-made"]
    for actor in ACTORS:
        found = contains_whole_words(texts, actor_body(actor))
        assert np.array_equal(found, _python(texts, actor_body(actor))), actor.key


def test_a_mostly_undecided_column_goes_to_the_full_classes_at_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # German text: nearly every text has a letter outside the short edges' reach; the short
    # edges would be one pass more over almost all of it.
    import analysis.lexicon as lexicon

    calls: list[str] = []
    real = lexicon.re2_whole_words

    def counted(body: str, **options: bool) -> str | None:
        calls.append(body)
        return real(body, **options)

    monkeypatch.setattr(lexicon, "re2_whole_words", counted)
    texts = ["Chinas Exporte für Zürich", "Größere Märkte in China", "ÉIB und China", "nothing"]
    body = actor_body(ACTORS[0])
    assert np.array_equal(contains_whole_words(texts, body), _python(texts, body))
    assert calls == [body]


def test_columns_asked_about_in_turn_keep_their_own_answers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The undecided rows are kept for the last column only; two columns of the same length
    # asked about in turn, from threads side by side (the Dask engine may run chunks on
    # threads), each get their own answer.
    from concurrent.futures import ThreadPoolExecutor

    import analysis.lexicon as lexicon

    monkeypatch.setattr(lexicon, "_UNDECIDED_SHARE", 1.0)  # the undecided rows always used
    columns = [SENTENCES[:1500], SENTENCES[1500:3000]]
    arrays = [pa.array(texts, type=pa.large_string()) for texts in columns]
    bodies = [actor_body(actor) for actor in ACTORS]
    expected = [[_python(texts, body) for body in bodies] for texts in columns]

    def check(k: int) -> bool:
        return all(
            np.array_equal(contains_whole_words(columns[k], body, arrow=arrays[k]), want)
            for body, want in zip(bodies, expected[k], strict=True)
        )

    assert all(check(k) for k in (0, 1, 0, 1))
    with ThreadPoolExecutor(max_workers=2) as pool:
        assert all(pool.map(check, [0, 1] * 8))
