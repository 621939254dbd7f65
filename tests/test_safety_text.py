"""Hostile inputs for cleaning, sentence splitting and table writing (the safety issue)."""

from __future__ import annotations

import textwrap

from analysis import clean_text

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
