"""Mojibake repair: cp874 (Thai) and cp1252 mojibake, lossy forms, and text that must stay."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.corpus.encoding import find_repairs, has_genuine_thai, repair_mojibake


def _byte_as_char(byte: int, codecs: tuple[str, ...], lossy: bool) -> str:
    for codec in codecs:
        try:
            return bytes([byte]).decode(codec)
        except UnicodeDecodeError:
            pass
    return "" if lossy else chr(byte)


def mojibake(text: str, codecs: tuple[str, ...] = ("cp874", "cp1252"), lossy: bool = False) -> str:
    """``text`` as UTF-8 bytes read back with ``codecs`` (first that defines a byte wins).

    Bytes no codec defines become the C1 control of the same number, or vanish when ``lossy``.
    """
    return "".join(
        chr(b) if b < 0x80 else _byte_as_char(b, codecs, lossy) for b in text.encode("utf-8")
    )


def thai_lossy(text: str) -> str:
    """The lossiest cp874 form: every ’ “ ” – — survives only as its lead "โ", NBSP as "ย"."""
    broken = mojibake(text)
    for char in "’‘“”–—":
        broken = broken.replace(mojibake(char), "โ")
    return broken.replace(mojibake("\u00a0"), "ย")


CLEAN_SENTENCES = [
    "The minister’s “final offer” was rejected.",
    "Output rose 4–6% in 2019–20 — a record — at the smelter’s plant.",
    "A café near the Zürich office charged €5 for a croissant…",
    "She said: “We’ll see.” Then she left © 2024.",
    "Prices in Kraków and São Paulo fell; naïve hopes faded.",
    "Ellipsis… bullet • and trademark™ signs",
]


@pytest.mark.parametrize("sentence", CLEAN_SENTENCES)
def test_cp874_mojibake_is_repaired_exactly(sentence: str) -> None:
    broken = mojibake(sentence)
    assert broken != sentence
    assert repair_mojibake(broken)[0] == sentence


@pytest.mark.parametrize("sentence", CLEAN_SENTENCES)
def test_cp1252_mojibake_is_repaired_exactly(sentence: str) -> None:
    broken = mojibake(sentence, codecs=("cp1252",))
    assert "â€" in broken or "Ã" in broken or "Â" in broken
    assert repair_mojibake(broken)[0] == sentence


def test_the_number_of_repairs_counts_character_sequences() -> None:
    text = "a “b” c’s é"
    repaired, n = repair_mojibake(mojibake(text))
    assert repaired == text
    assert n == 4


def test_cp874_specials_and_nbsp_decode() -> None:
    assert repair_mojibake("Harbourโ€™s")[0] == "Harbour’s"
    assert repair_mojibake("a โ€œbigโ€\x9d deal")[0] == "a “big” deal"
    assert repair_mojibake("end.ย\u00a0Next")[0] == "end.\u00a0Next"
    assert repair_mojibake("the dรฉbut")[0] == "the début"
    assert repair_mojibake("ยฉ 2023")[0] == "© 2023"


@pytest.mark.parametrize(
    ("broken", "expected"),
    [
        # apostrophes in contractions and possessives
        ("Theyโre late, weโve waited, Iโm sure heโd agree it doesnโt matter",
         "They’re late, we’ve waited, I’m sure he’d agree it doesn’t matter"),
        ("the farmerโs market and youโll see", "the farmer’s market and you’ll see"),
        ("both teamsโ coaches met", "both teams’ coaches met"),
        ("the _Times_โ editors", "the _Times_’ editors"),
        # quotes: opening at a word start, closing when one is open on the line
        ("a so-called โsafe harbourโ clause", "a so-called “safe harbour” clause"),
        ("he called it โa messโ, then left", "he called it “a mess”, then left"),
        ("the plan (โtemporaryโ) held", "the plan (“temporary”) held"),
        # dashes: en dash between digits and between two capitalised words, em dash in prose
        ("pages 12โ19", "pages 12–19"),
        ("the MacronโScholz meeting", "the Macron–Scholz meeting"),
        ("the harbourโonce busyโis empty", "the harbour—once busy—is empty"),
        ("Lisbonโthe capitalโwas calm", "Lisbon—the capital—was calm"),
    ],
)  # fmt: skip
def test_lossy_thai_forms_are_completed_from_context(broken: str, expected: str) -> None:
    assert repair_mojibake(broken)[0] == expected


def test_truncated_two_character_form_follows_the_same_rules() -> None:
    # "โ€" / "â€" without the third byte (a closing quote whose last byte was lost)
    assert repair_mojibake("a โ€œfairโ€ price")[0] == "a “fair” price"
    assert repair_mojibake("a â€œfairâ€ price")[0] == "a “fair” price"
    assert repair_mojibake("the โ€œideaโ€โ€”a bold one")[0] == "the “idea”—a bold one"


def test_lost_no_break_space_becomes_a_space_or_nothing() -> None:
    assert repair_mojibake("Done.ย Next step")[0] == "Done. Next step"
    assert repair_mojibake("at 5ยpm")[0] == "at 5 pm"
    assert repair_mojibake("the end.ย")[0] == "the end."
    assert repair_mojibake("costsÂ 5")[0] == "costs 5"
    assert repair_mojibake("ÂGE")[0] == "ÂGE"  # a genuine capital Â is not a lost space


def test_a_realistic_lossy_paragraph_round_trips() -> None:
    clean = "The port’s “quiet reopening” in 2021–22—after the strike—lifted the Smith–Jones fund."
    assert repair_mojibake(thai_lossy(clean))[0] == clean


def test_inferred_repairs_are_flagged() -> None:
    _, repairs = find_repairs("itโs a โ€œtestโ€\x9d")
    by_original = {r.original: r.inferred for r in repairs}
    assert by_original == {"โ": True, "โ€œ": False, "โ€\x9d": False}
    assert all(r.replacement for r in repairs)


@pytest.mark.parametrize(
    "text",
    [
        "ภาษาไทยง่ายนิดเดียว",
        "ราคาน้ำมันลดลง 5 บาท เขต ลด",
        "นายกรัฐมนตรีกล่าวว่า “เราจะเจรจาต่อ” กับจีน",
        "The word สวัสดี means hello, and โดย means by.",
    ],
)
def test_genuine_thai_is_never_touched(text: str) -> None:
    assert has_genuine_thai(text)
    assert repair_mojibake(text) == (text, 0)


def test_mojibake_next_to_genuine_thai_is_left_alone() -> None:
    # One mechanism cannot tell a Thai word from mojibake letter by letter, so a text that holds
    # genuine Thai keeps all its Thai-letter runs; cp1252 mojibake in it is still repaired.
    text = "ข่าว: โ€œtalksโ€ resume and Itâ€™s late"
    repaired, _ = repair_mojibake(text)
    assert repaired == "ข่าว: โ€œtalksโ€ resume and It’s late"


def test_text_without_genuine_thai_is_repaired() -> None:
    assert not has_genuine_thai(mojibake("a “quoted” word"))
    assert not has_genuine_thai("plain English")


@pytest.mark.parametrize(
    "text",
    [
        "the café’s terrace", "naïve", "São Paulo", "pâté", "Ångström", "Zoë’s", "façade",
        "ÉCOLE", "costs 1 € or 50 °C", "¿Qué pasa?", "“quoted” — dashed – text…", "Œuvre",
        "Straße", "«Ça va»", "x ± 2 µm", "Dvořák and Łódź", "ÀÉÎÕÜ", "smart ‘quotes’",
    ],
)  # fmt: skip
def test_genuine_non_ascii_text_is_unchanged(text: str) -> None:
    assert repair_mojibake(text) == (text, 0)


def test_double_mojibake_is_repaired_in_rounds() -> None:
    once = mojibake("it’s", codecs=("cp1252",))
    twice = mojibake(once, codecs=("cp1252",))
    assert repair_mojibake(twice)[0] == "it’s"


def test_east_asian_text_mojibake_is_repaired() -> None:
    text = "Sign in with 财新 or 中文 【top】"
    assert repair_mojibake(mojibake(text, codecs=("cp1252",)))[0] == text


def test_non_str_input_is_a_clear_error() -> None:
    with pytest.raises(TypeError, match="expects str"):
        repair_mojibake(b"bytes")  # type: ignore[arg-type]


_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
                min_size=1, max_size=8)  # fmt: skip
_SPECIAL = st.sampled_from(list("’“”–—…•©é€ü\u00a0ñÅ"))


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.tuples(_WORD, _SPECIAL), min_size=1, max_size=12))
def test_property_cp874_round_trip(parts: list[tuple[str, str]]) -> None:
    # every non-ASCII character sits between ASCII words, as in English news text
    text = "".join(word + special for word, special in parts) + "end"
    assert repair_mojibake(mojibake(text))[0] == text
    assert repair_mojibake(mojibake(text, codecs=("cp1252",)))[0] == text


@settings(max_examples=500, deadline=None, derandomize=True)
@given(st.text(max_size=60))
def test_property_never_raises_and_is_idempotent(text: str) -> None:
    repaired, n = repair_mojibake(text)
    assert n >= 0
    assert repair_mojibake(repaired) == (repaired, 0)


_MOJIBAKE_PIECES = st.sampled_from(
    ["โ", "€", "œ", "™", "ย", "ร", "ฉ", "\u00a0", "â", "Ã", "©", "’", "“", " ", "a", "s", "ภาษา"]
)


@settings(max_examples=500, deadline=None, derandomize=True)
@given(st.lists(_MOJIBAKE_PIECES, max_size=30).map("".join))
def test_property_idempotent_on_mojibake_like_text(text: str) -> None:
    repaired, _ = repair_mojibake(text)
    assert repair_mojibake(repaired) == (repaired, 0)


_RUN_PIECES = st.sampled_from(
    ["โ", "ย", "Â", "€", "â", "Ã", "é", "ภาษา", "中文", "’", " ", "a", "\u00a0", "\x85", "!", ""]
)


@settings(max_examples=500, deadline=None, derandomize=True)
@given(st.one_of(st.text(max_size=40), st.lists(_RUN_PIECES, max_size=20).map("".join)))
def test_fast_run_scan_finds_the_reference_runs(text: str) -> None:
    # _runs (one character-class scan) must give exactly the matches of the _RUN_RE alternation
    from analysis.corpus.encoding import _RUN_RE, _runs

    def spans(matches):
        return [(m.start(), m.end(), m.group()) for m in matches]

    assert spans(_runs(text)) == spans(_RUN_RE.finditer(text))
    for fixed in ("", "โ", "โ€™", "Âa", "a Â b", "ภาษาไทย โ€œคำ", "Ã©tÃ©", "日本語。"):
        assert spans(_runs(fixed)) == spans(_RUN_RE.finditer(fixed))


def _has_genuine_thai_by_runs(text: str) -> bool:
    """The straightforward test: every run of the text, those holding Thai looked at."""
    from analysis.corpus.encoding import _RUN_RE, _THAI, _run_decisions

    for match in _RUN_RE.finditer(text):
        run, end = match.group(), match.end()
        has_thai = any(ch in _THAI for ch in run)
        if has_thai and _run_decisions(run, text[end : end + 1], True) is None:
            return True
    return False


_THAI_PIECES = st.sampled_from(
    ["ภาษา", "ไทย", "โ", "€", "™", "ย", "\u00a0", "ร", "ฉ", "\u0e5c", "\u0e7f", "é", "â", " ", "a"]
)


@settings(max_examples=500, deadline=None, derandomize=True)
@given(st.one_of(st.text(max_size=30), st.lists(_THAI_PIECES, max_size=20).map("".join)))
def test_genuine_thai_found_from_thai_letters_equals_every_run(text: str) -> None:
    # has_genuine_thai visits only the runs around Thai letters: the same answer as visiting
    # every run and testing those that hold Thai
    assert has_genuine_thai(text) == _has_genuine_thai_by_runs(text)
    for fixed in ("", "ภาษาไทยง่าย", "Beijingโ€™s โ€œpauseโ€", "éภาษา", "\u0e5cโ€", "aยb"):
        assert has_genuine_thai(fixed) == _has_genuine_thai_by_runs(fixed)
