"""How numbers, intervals and article counts are written in findings and in the summary.

The findings of every analysis and the summary's own sentences say "12%", "95% CI +0.02 to
+0.22" or "these 3 articles" the same way, so the wording lives here once. Where the analyses
write a quantity differently (a signed tone difference against a share in percent), the
difference is a parameter, so each keeps its exact output.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

CiKind = Literal["signed", "percent", "rate"]
ArticlesForm = Literal["count", "these", "opening"]


def num(x: float, *, signed: bool = True, digits: int = 2, bound: bool = False) -> str:
    """A number with ``digits`` decimals, with its sign (``+0.12``) unless ``signed=False``.

    Tone scores and their differences run from −1 to +1; the sign says which way they lean, so it
    is written even when positive. Zero has no sign ("0.00"; minus zero is zero). A value that is
    not zero but rounds to zero gets one more decimal ("+0.004"), and an interval's ``bound``
    up to three (a tester read "95% CI +0.00 to +0.39" beside "the interval excludes zero", its
    bound being +0.004); a value still rounding to zero is written "0.00" (a fact-checker's mean
    "+0.00004" beside a figure's "+0.00").
    """
    x = float(x) + 0.0  # -0.0 is 0.0
    shown = digits
    while x != 0 and shown < digits + (3 if bound else 1) and round(abs(x), shown) == 0:
        shown += 1
    if round(x, shown) == 0:
        return f"{0:.{digits}f}"
    return f"{x:+.{shown}f}" if signed else f"{x:.{shown}f}"


def count(n: int, noun: str) -> str:
    """``n`` and ``noun``, in the plural unless ``n`` is 1, the number with thousands separators
    as the figures write it: "1 sentence", "2,624 words" (a QA tester's "n = 1 sentences", a
    fact-checker's "2624 words" beside a figure's "2,624")."""
    n = int(n)
    return f"{n:,} {noun if n == 1 else plural(noun)}"


def plural(noun: str) -> str:
    """The plural of a grouping's name as the summary writes it: "outlets", "leans",
    "countries", "presses" (a tester's "How 4 countrys covered the story")."""
    if re.search(r"[^aeiouAEIOU][yY]$", noun):
        return noun[:-1] + ("IES" if noun[-1] == "Y" else "ies")
    if noun.lower().endswith(("s", "x", "z", "ch", "sh")):
        return noun + "es"
    return noun + "s"


def whole_percent(x: float) -> str:
    """A share (0 to 1) as a whole number of percent, a half rounded up as a reader would
    (Python's format rounds a half to even: a tester read 2 of 16 articles written "12%")."""
    value = float(x) * 100
    if value != value or value in (float("inf"), float("-inf")):
        return f"{value:.0f}"
    rounded = Decimal(repr(value)).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return str(int(rounded)) if rounded else "0"


def and_list(items: Sequence[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def pct(x: float) -> str:
    """A share (0 to 1) as a whole percentage: ``0.125`` → ``"13%"``; a share above 0 that
    rounds to 0 is ``"<1%"`` and one below 1 that rounds to 100 is ``">99%"`` (a tester read
    "changed the score of 1 of 235 sentences (0%)")."""
    whole = whole_percent(x)
    if whole == "0" and x > 0:
        return "<1%"
    if whole == "100" and x < 1:
        return ">99%"
    return f"{whole}%"


def ci(low: float, high: float, kind: CiKind = "signed") -> str:
    """A 95% confidence interval, written for the kind of quantity it bounds.

    * ``"signed"``: a tone score or difference, ``"95% CI +0.02 to +0.22"``;
    * ``"percent"``: a share (0 to 1) in percent, ``"95% CI 12–30%"``;
    * ``"rate"``: a rate such as per 1,000 words, ``"95% CI 1.2–3.4"``.
    """
    if kind == "signed":
        return f"95% CI {num(low, bound=True)} to {num(high, bound=True)}"
    if kind == "percent":
        return f"95% CI {whole_percent(low)}–{whole_percent(high)}%"
    if kind == "rate":
        return f"95% CI {low:.1f}–{high:.1f}"
    raise ValueError(f"unknown interval kind {kind!r}; use 'signed', 'percent' or 'rate'")


def articles(n_docs: int, form: ArticlesForm = "count") -> str:
    """How many articles a number rests on, said in one of three ways.

    * ``"count"``: ``"1 article"``, ``"3 articles"``;
    * ``"these"``: ``"this article"``, ``"these 3 articles"`` (after "In" or "from");
    * ``"opening"``: ``"In the one article"``, ``"In these 3 articles"`` (starts a sentence).

    Findings name the articles rather than the outlet, because they describe these articles only.
    """
    if form == "count":
        return "1 article" if n_docs == 1 else f"{n_docs} articles"
    if form == "these":
        return "this article" if n_docs == 1 else f"these {n_docs} articles"
    if form == "opening":
        return "In the one article" if n_docs == 1 else f"In these {n_docs} articles"
    raise ValueError(f"unknown form {form!r}; use 'count', 'these' or 'opening'")


def shortened(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, an ellipsis marking the cut ("Businesses fear…")."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
