"""Lists of names that may come as one text: ``"a, b"``, or ``'"Smith, Jones & Co",b'``.

``python -m analysis run --outlets a,b`` gives the outlets as one text, and so does plain
papermill (``papermill … -p outlets "Caixin,Epoch Times"``: ``-p`` passes text, and a notebook
reading that text as a list would take its characters for names). Both are read here the same
way: comma-separated, a name in double quotes keeping its commas, as in a line of CSV. A text
written as a list (``-p outlets '["Caixin", "Epoch Times"]'``, as the notebook's own default is
written) is read as that list: a tester's names came back as ``'["Caixin"'``.
"""

from __future__ import annotations

import ast
import csv
from collections.abc import Iterable


def comma_list(text: str) -> list[str]:
    """``"a, b,c"`` as ``["a", "b", "c"]``; a name in double quotes keeps its commas, as in a CSV
    line (``'"Smith, Jones & Co",Harbour Post'``: outlets are named so)."""
    listed = list_in_text(text)
    if listed is not None:
        return listed
    row = next(csv.reader([text], skipinitialspace=True), [])
    return [item.strip() for item in row if item.strip()]


def list_in_text(text: str) -> list[str] | None:
    """``'["a", "b"]'`` (or Python's ``"['a', 'b']"``) as ``["a", "b"]``; None when ``text`` is
    not a list of texts and numbers (then it is read as a comma list)."""
    stripped = text.strip()
    if not (stripped.startswith("[") and stripped.endswith("]")):
        return None
    try:
        items = ast.literal_eval(stripped)  # a JSON list of texts, or Python's with 'quotes'
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return None
    if not isinstance(items, list) or not all(isinstance(i, str | int | float) for i in items):
        return None
    return [str(item).strip() for item in items if str(item).strip()]


def name_list(names: str | Iterable[str] | int | float | None) -> list[str]:
    """``names`` as a list of texts: None is none, one text is a comma list (:func:`comma_list`),
    any other iterable gives its items as texts, and a lone number is one name (papermill's
    ``-p outlets 3`` passes the number 3)."""
    if names is None:
        return []
    if isinstance(names, str):
        return comma_list(names)
    if not isinstance(names, Iterable):
        return [str(names)]
    return [str(name) for name in names]
