"""Colours a user gives groups, so an outlet keeps its colour from one corpus to the next.

Without them, :func:`analysis.selection.corpus_palette` gives the colour-blind-safe colours to a
run's groups by size, so an outlet's colour depends on which other outlets the corpus holds: a
graphics editor's "Reuters" was blue in a two-outlet corpus and green in a six-outlet one, and
house style wants one colour per outlet in every chart. A colour table is a TOML file::

    [colours]
    "Reuters" = "#009E73"
    "Süddeutsche Zeitung" = "vermillion"

A value is ``#RRGGBB`` or the name of one of the Okabe & Ito (2008) colours the figures use
(:data:`COLOUR_NAMES`); two groups may not share a colour, nor take the grey of the pooled
"Other". Groups the table does not name get the palette's colours the table leaves free.

Okabe, M. & Ito, K. (2008). Color Universal Design (CUD): how to make figures and
presentations that are friendly to colorblind people. https://jfly.uni-koeln.de/color/
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from analysis.figures import OKABE_ITO, OTHER_COLOUR

# Okabe & Ito's names of the palette's colours, in OKABE_ITO's order
COLOUR_NAMES = dict(
    zip(
        ("blue", "orange", "bluish green", "vermillion", "reddish purple", "sky blue", "black",
         "yellow"),
        OKABE_ITO,
        strict=True,
    )
)  # fmt: skip
_HEX_RE = re.compile(r"#[0-9a-fA-F]{6}")


class ColoursError(ValueError):
    """A colour table that cannot be used; the message names the file and every problem."""


def read_colours(path: Path | str) -> dict[str, str]:
    """The colour table at ``path`` as ``{group: "#RRGGBB"}`` (upper-case hex); raises
    :class:`ColoursError` listing every problem (unreadable file, no ``[colours]`` table, a
    value that is no colour, a colour given twice or the grey of "Other")."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise ColoursError(f"colour table {path}: cannot be read: {err}") from None
    table = data.get("colours", data.get("colors"))
    if not isinstance(table, dict) or not table:
        raise ColoursError(
            f"colour table {path}: expected a [colours] table of group = colour lines, e.g. "
            '"Reuters" = "#009E73"'
        )
    problems, out, owner = [], {}, {}
    for group, value in table.items():
        colour = _colour(value)
        if colour is None:
            problems.append(
                f"{group!r} = {value!r} is no colour: give #RRGGBB or one of "
                f"{', '.join(repr(n) for n in COLOUR_NAMES)}"
            )
        elif colour == OTHER_COLOUR:
            problems.append(
                f"{group!r}: {colour} is the grey of the pooled 'Other'; choose another"
            )
        elif colour in owner:
            problems.append(f"{group!r} and {owner[colour]!r} are both {colour}; one colour each")
        else:
            owner[colour] = group
            out[str(group)] = colour
    if problems:
        raise ColoursError(f"colour table {path}: " + "; ".join(problems))
    return out


def _colour(value: object) -> str | None:
    """``value`` as ``#RRGGBB`` (a hex colour or an Okabe-Ito name in any case), else None."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    if _HEX_RE.fullmatch(text):
        return text.upper()
    return COLOUR_NAMES.get(" ".join(text.lower().replace("-", " ").split()))
