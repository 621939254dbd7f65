"""Repair mojibake: UTF-8 text that was decoded with a Windows code page and saved again.

One mechanism covers two code pages. When UTF-8 bytes are read as Windows-1252 the classic
mojibake appears ("â€™" for ’, "Ã©" for é); when they are read as Windows-874 (Thai) the same
bytes show as Thai letters ("โ€™" for ’, "รฉ" for é, "ย" + no-break space for a no-break space),
and the bytes cp874 leaves undefined come out with their cp1252 meaning ("œ", "™"). So a single
table maps every character either page can produce back to its byte: Thai letters to their cp874
byte, cp1252's specials (€ ‚ „ … ‘ ’ “ ” – — ™ œ …), Latin-1 letters and symbols to their byte, and
the C1 controls that stand for bytes neither page defines.

:func:`repair_mojibake` finds maximal runs of such characters, turns each run back into bytes and
reads the bytes as UTF-8, sequence by sequence:

* a complete UTF-8 sequence that decodes to a character real text uses (Latin letters,
  punctuation, symbols, CJK...) is replaced by that character;
* a truncated sequence from a lossy conversion ("โ" alone, "โ€" or "â€" without its third byte,
  "ย" alone) is replaced by the character the context implies: ’ in "itโs", ” after an unclosed
  “ on the line, “ at the start of a word, – between digits or two capitalised words, — between
  words, a space (or nothing next to a space) for a lost no-break space;
* anything else (a stray continuation byte, a Latin-1 letter that merely precedes punctuation, as
  in "café’s") is left alone.

Genuine Thai is never touched: a run holding Thai letters is repaired only if every Thai letter
in it belongs to a sequence that decodes as above, and if a text holds any Thai run that does not
(a real Thai word such as "ภาษา" always does), no Thai run in that text is repaired. Repair is
applied until nothing changes, so doubly encoded text is repaired too and the function is
idempotent. ftfy is not used: it does not know the cp874 variant, and one table covers both.
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

__all__ = [
    "MojibakeRepair",
    "find_repairs",
    "has_genuine_thai",
    "may_hold_mojibake",
    "repair_mojibake",
]


def _byte_table() -> dict[str, int]:
    """Every character cp874 or cp1252 (or Latin-1, for bytes both leave undefined) can produce
    from a byte >= 0x80, mapped back to that byte."""
    table: dict[str, int] = {}
    for byte in range(0x80, 0x100):
        for codec in ("cp874", "cp1252"):
            with contextlib.suppress(UnicodeDecodeError):
                table.setdefault(bytes([byte]).decode(codec), byte)
        table.setdefault(chr(byte), byte)  # Latin-1 letters, and C1 controls for undefined bytes
    return table


_BYTE_OF: dict[str, int] = _byte_table()
_THAI = frozenset(ch for ch in _BYTE_OF if "\u0e00" <= ch <= "\u0e7f")
_THAI_RE = re.compile("[\u0e00-\u0e7f]")
# Single characters that can be a whole repair on their own (lossy forms); any other
# one-character run is a lone lead or a stray byte (a genuine ’ or é) and is not even visited.
_LONE_REPAIRABLE = frozenset({"โ", "ย", "Â"})
# Characters standing for a UTF-8 lead byte (0xC2-0xF4): every repair starts with one, so a
# text without any is skipped after one fast scan.
_LEAD_RE = re.compile(
    "[" + "".join(re.escape(c) for c, b in sorted(_BYTE_OF.items()) if 0xC2 <= b <= 0xF4) + "]"
)
_CLASS = "[" + "".join(re.escape(ch) for ch in sorted(_BYTE_OF)) + "]"
# The runs a repair looks at: two or more table characters, or one lone repairable character
# (the reference definition; _runs finds the same runs faster).
_RUN_RE = re.compile(f"{_CLASS}{{2,}}|[{''.join(sorted(_LONE_REPAIRABLE))}]")
_STRETCH_RE = re.compile(f"{_CLASS}+")

_COMPLETE, _TRUNCATED, _STRAY = "complete", "truncated", "stray"
_PLACEHOLDER = "\ufffc"  # stands for a not yet inferred character while inferring another

# Unicode blocks a repaired character may fall in: the characters English (and most Western
# and East Asian) news text uses. Anything else (Arabic, Syriac, Braille, private use...) from a
# run of Thai or Latin-1 letters is far more likely genuine text than mojibake.
_PLAUSIBLE_BLOCKS = (
    (0x00A0, 0x024F),  # Latin-1 Supplement, Latin Extended-A and -B
    (0x0370, 0x03FF),  # Greek
    (0x0400, 0x04FF),  # Cyrillic
    (0x1E00, 0x1EFF),  # Latin Extended Additional (Vietnamese)
    (0x2000, 0x27BF),  # punctuation, currency, letterlike, arrows, maths, shapes, dingbats
    (0x3000, 0x30FF),  # CJK punctuation, Hiragana, Katakana
    (0x4E00, 0x9FFF),  # CJK Unified Ideographs
    (0xAC00, 0xD7A3),  # Hangul syllables
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFEFF, 0xFEFF),  # byte order mark ("ï»¿")
    (0xFF00, 0xFFEF),  # half- and full-width forms
    (0x1F300, 0x1FAFF),  # emoji
)
# Scripts written in whole words: one lone character of these from a short run is more likely
# a coincidence of genuine Latin-1 text ("Ñ’") than a repair.
_WORD_SCRIPTS = ((0x0400, 0x04FF), (0x3040, 0x30FF), (0x4E00, 0x9FFF), (0xAC00, 0xD7A3))

_CONTRACTION_RE = re.compile(r"(?:s|t|ll|re|ve|d|m)(?![^\W\d_])")
_LAST_TOKEN_RE = re.compile(r"(\S+?)[_*]*$")
_FIRST_TOKEN_RE = re.compile(r"\S+")


@dataclass(frozen=True)
class MojibakeRepair:
    """One repaired character sequence: where it was, what it was and what replaced it."""

    start: int  # offset in the text the repair was found in
    end: int
    original: str
    replacement: str
    inferred: bool  # True when a lossy (truncated) sequence was completed from context


@dataclass(frozen=True)
class _Segment:
    start: int  # offsets within the run (one character per byte)
    end: int
    kind: str
    char: str = ""  # the decoded character of a complete sequence


def _segments(data: bytes) -> list[_Segment]:
    """Split bytes into complete UTF-8 sequences, truncated sequences and stray bytes."""
    out: list[_Segment] = []
    i, n = 0, len(data)
    while i < n:
        lead = data[i]
        if 0xC2 <= lead <= 0xDF:
            need, low, high = 1, 0x80, 0xBF
        elif 0xE0 <= lead <= 0xEF:
            need = 2
            low, high = {0xE0: (0xA0, 0xBF), 0xED: (0x80, 0x9F)}.get(lead, (0x80, 0xBF))
        elif 0xF0 <= lead <= 0xF4:
            need = 3
            low, high = {0xF0: (0x90, 0xBF), 0xF4: (0x80, 0x8F)}.get(lead, (0x80, 0xBF))
        else:
            out.append(_Segment(i, i + 1, _STRAY))
            i += 1
            continue
        j = i + 1
        while j - i - 1 < need and j < n and low <= data[j] <= high:
            j += 1
            low, high = 0x80, 0xBF
        if j - i - 1 == need:
            out.append(_Segment(i, j, _COMPLETE, data[i:j].decode("utf-8")))
        else:
            out.append(_Segment(i, j, _TRUNCATED))
        i = j
    return out


def _in_blocks(code: int, blocks: tuple[tuple[int, int], ...]) -> bool:
    return any(low <= code <= high for low, high in blocks)


def _plausible(char: str) -> bool:
    code = ord(char)
    if not _in_blocks(code, _PLAUSIBLE_BLOCKS):
        return False
    return unicodedata.category(char) not in {"Cn", "Co", "Cs", "Cc"}


def _lossy_form(chars: str, next_char: str) -> str | None:
    """Which lossy form a truncated sequence is: "quote_or_dash", "space" or None (not one)."""
    if chars in ("โ", "โ€", "â€"):
        return "quote_or_dash"
    if chars == "ย" or (chars == "Â" and (not next_char or next_char.isspace())):
        return "space"
    return None


@lru_cache(maxsize=1 << 12)
def _run_decisions(
    run: str, next_char: str, thai_ok: bool
) -> tuple[tuple[_Segment, str], ...] | None:
    """For one run: the segments to replace, each with its decoded char or lossy form.

    None means the run is left alone entirely (it is genuine text). Cached: mojibake is a few
    hundred distinct sequences ("â€™", "โ€œ"...) repeated all over a text, and the answer
    depends only on the run, the character after it and ``thai_ok``.
    """
    if len(run) == 1 and run not in _LONE_REPAIRABLE:
        return None
    segments = _segments(bytes(_BYTE_OF[ch] for ch in run))
    decisions: list[tuple[_Segment, str]] = []
    rejected_thai = False
    word_script = [
        s for s in segments if s.kind == _COMPLETE and _in_blocks(ord(s.char), _WORD_SCRIPTS)
    ]
    for seg in segments:
        chars = run[seg.start : seg.end]
        decision: str | None = None
        if seg.kind == _COMPLETE:
            lone_word_script = len(word_script) == 1 and seg in word_script
            if _plausible(seg.char) and not lone_word_script:
                decision = seg.char
        elif seg.kind == _TRUNCATED:
            following = run[seg.end] if seg.end < len(run) else next_char
            decision = _lossy_form(chars, following)
        if decision is None:
            if any(ch in _THAI for ch in chars):
                rejected_thai = True
            continue
        decisions.append((seg, decision))
    if rejected_thai:
        return None
    if not thai_ok and any(ch in _THAI for ch in run):
        return None
    return tuple(decisions)


def _runs(text: str) -> Iterator[re.Match[str]]:
    """The matches of :data:`_RUN_RE` in ``text``, found as maximal stretches of table
    characters (one character-class scan, about twice as fast as the alternation) of which a
    one-character stretch is kept only when it is a lone repairable character: a stretch of two
    or more is what the alternation's greedy first branch matches, a single character is matched
    by its second branch or not at all."""
    for match in _STRETCH_RE.finditer(text):
        if match.end() - match.start() > 1 or match.group() in _LONE_REPAIRABLE:
            yield match


def has_genuine_thai(text: str) -> bool:
    """True when ``text`` holds Thai that is not mojibake (a Thai run that does not decode).

    Only the runs holding a Thai letter are visited: each is found from a Thai letter of the
    table (the stretch of table characters around it), so the rest of the text is skipped at
    the speed of one regex search; a text without a Thai code point (U+0E00-U+0E7F, in UTF-8
    the only characters whose bytes start E0 B8 or E0 B9) is passed over faster still, its
    UTF-8 bytes searched for those two pairs.
    """
    if text.isascii():
        return False
    data = text.encode("utf-8", "surrogatepass")
    if b"\xe0\xb8" not in data and b"\xe0\xb9" not in data:
        return False
    pos = 0
    while (thai := _THAI_RE.search(text, pos)) is not None:
        at = thai.start()
        if text[at] not in _BYTE_OF:  # a Thai code point neither code page produces
            pos = at + 1
            continue
        start = at
        while start and text[start - 1] in _BYTE_OF:
            start -= 1
        run = _STRETCH_RE.match(text, start)
        assert run is not None  # text[start] is a table character
        end = run.end()
        if (end - start > 1 or run.group() in _LONE_REPAIRABLE) and _run_decisions(
            run.group(), text[end : end + 1], thai_ok=True
        ) is None:
            return True
        pos = end
    return False


def _infer_quote_or_dash(left: str, right: str) -> str:
    """The character a lost ’ “ ” – — most likely was, from the text on either side."""
    prev = left[-1:]
    core = left.rstrip("_*")  # "_Reuters_’ sources": look through emphasis markers
    p = core[-1:]
    nxt = right[:1]
    if p.isalpha() and _CONTRACTION_RE.match(right):
        return "’"  # it’s, don’t, we’ll, they’re, I’ve, he’d, I’m, China’s
    if prev == " " and left[-2:-1].isalpha() and _CONTRACTION_RE.match(right):
        # tokenised text, the clitic split off ("Hillary ’s", which detokenising rejoins): a
        # tester's "Hillary âs" became "Hillary “s"
        return "’"
    if prev and not prev.isspace() and left.count("“") > left.count("”"):
        return "”"
    if (
        (not prev or prev.isspace() or prev in "([{/—–-")
        and nxt
        and (nxt.isalnum() or nxt in "‘'$£€#")
    ):
        return "“"
    if p.isdigit() and nxt.isdigit():
        return "–"  # 2020–21
    if (p.isalnum() or p == ".") and nxt.isalpha():
        last = _LAST_TOKEN_RE.search(core)
        first = _FIRST_TOKEN_RE.match(right)
        if last and first and last.group(1)[:1].isupper() and first.group()[:1].isupper():
            return "–"  # Trump–Xi, U.S.–China
        return "—"  # lines—the, Beijing—tariffs
    if p in "sS" and p and (not nxt or nxt.isspace()):
        return "’"  # the two nations’ heads
    if prev and not prev.isspace() and (not nxt or nxt.isspace() or nxt in ".,;:!?)—–"):
        return "”"
    return "—"


def may_hold_mojibake(text: str) -> bool:
    """False when :func:`find_repairs` is certain to repair nothing in ``text``: every repair
    starts with a character standing for a UTF-8 lead byte (a quick test)."""
    return not text.isascii() and bool(_LEAD_RE.search(text))


def _repair_once(text: str, thai_ok: bool) -> tuple[str, list[MojibakeRepair]]:
    if not may_hold_mojibake(text):
        return text, []
    pieces: list[str] = []
    # (index into pieces, form, start, end, original) of lossy sequences still to infer
    pending: list[tuple[int, str, int, int, str]] = []
    repairs: list[MojibakeRepair] = []
    pos = 0
    for match in _runs(text):
        run, start = match.group(), match.start()
        decisions = _run_decisions(run, text[match.end() : match.end() + 1], thai_ok)
        if not decisions:
            continue
        pieces.append(text[pos:start])
        cursor = 0
        for seg, decision in decisions:
            pieces.append(run[cursor : seg.start])
            original = run[seg.start : seg.end]
            span = (start + seg.start, start + seg.end)
            if decision in ("quote_or_dash", "space"):
                pending.append((len(pieces), decision, *span, original))
                pieces.append(_PLACEHOLDER)
            else:
                repairs.append(MojibakeRepair(*span, original, decision, inferred=False))
                pieces.append(decision)
            cursor = seg.end
        pieces.append(run[cursor:])
        pos = match.end()
    if not pieces:
        return text, []
    pieces.append(text[pos:])
    for index, form, start, end, original in pending:
        left = "".join(pieces[:index])
        right = "".join(pieces[index + 1 :])
        if form == "space":
            joined_to_space = not left or not right or left[-1].isspace() or right[0].isspace()
            value = "" if joined_to_space else " "
        else:
            value = _infer_quote_or_dash(left, right)
        pieces[index] = value
        repairs.append(MojibakeRepair(start, end, original, value, inferred=True))
    repairs.sort(key=lambda r: r.start)
    return "".join(pieces), repairs


def find_repairs(text: str, *, thai_ok: bool | None = None) -> tuple[str, list[MojibakeRepair]]:
    """Repair ``text`` and list every repair made (see the module docstring for the method).

    Repair runs until nothing changes; offsets of repairs after the first round refer to the
    text of that round. ``thai_ok`` (default: ``not has_genuine_thai(text)``) says whether runs
    holding Thai letters may be repaired at all.
    """
    if not isinstance(text, str):
        raise TypeError(f"repair_mojibake expects str, got {type(text).__name__}")
    if thai_ok is None:
        thai_ok = not has_genuine_thai(text)
    all_repairs: list[MojibakeRepair] = []
    while True:
        text, repairs = _repair_once(text, thai_ok)
        if not repairs:
            return text, all_repairs
        all_repairs.extend(repairs)


def repair_mojibake(text: str) -> tuple[str, int]:
    """Repair cp1252 and cp874 (Thai) mojibake in ``text``; return it and the number of repairs.

    >>> repair_mojibake("Beijingโ€™s โ€œpauseโ€ and a dรฉtente")
    ('Beijing’s “pause” and a détente', 4)
    >>> repair_mojibake("ภาษาไทยง่ายนิดเดียว")
    ('ภาษาไทยง่ายนิดเดียว', 0)
    """
    repaired, repairs = find_repairs(text)
    return repaired, len(repairs)


# UTF-8 punctuation (E2 80 xx) read as cp1252 whose continuation bytes were then lost leaves a
# lone "â": "wasnât" for "wasn’t", "islands â Beyonce" for "islands — Beyonce". A lone "â"
# is read as such only in a line that shows it inside an English contraction, alone between spaces
# or touching sentence punctuation (places a genuine â never takes), so
# words with a genuine "â" (château, pâte, âge) are left alone.
_LOST_CONTRACTION_RE = re.compile(r"(?<=[^\W\d_])â(?=(?:s|t|re|ll|ve|d|m)(?![^\W\d_]))")
# The same with the clitic split off its word, as tokenised text writes it ("Hillary âs": a
# tester's became "Hillary “s"); detokenising then rejoins "Hillary ’s".
_LOST_SPLIT_CLITIC_RE = re.compile(r"(?<=[^\W\d_] )â(?=(?:s|t|re|ll|ve|d|m)(?![^\W\d_]))")
# Other places no genuine "â" takes: alone between spaces, or touching sentence punctuation.
_LOST_EVIDENCE_RE = re.compile(r"(?:^|\s)â\s|[.,!?]â|â[.,!?]")
_LOST_DASH_RE = re.compile(r"(?<=\s)â(?=\s)")
_LOST_OPEN_QUOTE_RE = re.compile(r"(?:(?<=\s)|^)â(?=[^\W\d_])")
_LOST_CLOSE_QUOTE_RE = re.compile(r"(?<=\S)â(?=[\s.,;:!?)]|$)")


def repair_lost_continuation(text: str) -> str:
    """Repair the lone ``â`` left by UTF-8 punctuation that lost its continuation bytes.

    >>> repair_lost_continuation("It wasnât over â weâre told âsoonâ.")
    'It wasn’t over — we’re told “soon”.'
    >>> repair_lost_continuation("Un château, une pâte")  # a genuine â: left alone
    'Un château, une pâte'

    The byte lost is unknown, so the character is inferred from its place: inside a contraction
    an apostrophe, between spaces a dash, before a word an opening quote, after one a closing
    quote. Other ``â`` stay (and stay visible in the audit of the line).
    """
    if "â" not in text or not (
        _LOST_CONTRACTION_RE.search(text)
        or _LOST_SPLIT_CLITIC_RE.search(text)
        or _LOST_EVIDENCE_RE.search(text)
    ):
        return text
    out = _LOST_CONTRACTION_RE.sub("’", text)
    out = _LOST_SPLIT_CLITIC_RE.sub("’", out)
    out = _LOST_DASH_RE.sub("—", out)
    out = _LOST_OPEN_QUOTE_RE.sub("“", out)
    return _LOST_CLOSE_QUOTE_RE.sub("”", out)
