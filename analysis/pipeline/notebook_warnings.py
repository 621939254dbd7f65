"""The warnings a run's notebooks showed, relayed to whoever ran ``python -m analysis run``.

What the package warns about the input (a file read as Windows-1252, articles left without text,
files without a manifest whose outlet is ``unknown``) is a :class:`UserWarning` raised in a
notebook's kernel, so it lands in that executed notebook's output and nowhere a command-line
user looks. After the notebooks ran, :func:`notebook_warnings` reads each one's standard-error
output for Python's warning lines (``file:line: UserWarning: message``, see
:func:`warnings.formatwarning`) and :func:`warning_lines` gives each message once, as the
commands show their own warnings (``warning: ...``), naming the notebooks it came from. Other
categories (a library's ``FutureWarning``) are about the code, not the input, and are left in
the notebooks.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path

# Python's warning line: "<file>:<line>: <Category>: <message>" (warnings.formatwarning)
WARNING_LINE = re.compile(r"^(?P<where>.+?):(?P<line>\d+): (?P<category>\w+): (?P<message>.*)$")
RELAYED = "UserWarning"
# Parts of a message that name where a notebook first met what is warned about, and so differ
# between notebooks saying the same thing: "no installed font draws 2 characters of the figures
# (📰🔥, first in fig01_corpus_size)" (analysis.figure_fonts) came once per notebook, three
# times in a tester's run. Messages alike but for these parts are said once, as first written.
NOTEBOOK_PARTS = (re.compile(r"(?<=, first in )[^);,]+"),)


def notebook_warnings(notebook: Path | str) -> list[str]:
    """The messages of the user warnings an executed notebook's cells wrote on standard error,
    in order, each once; none for a notebook that cannot be read as JSON."""
    try:
        nb = json.loads(Path(notebook).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    found: list[str] = []
    for cell in nb.get("cells", []):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "stream" and output.get("name") == "stderr":
                text = output.get("text", "")
                found += _messages("".join(text) if isinstance(text, list) else str(text))
    return list(dict.fromkeys(found))


def _messages(text: str) -> list[str]:
    """The messages of the :data:`RELAYED` warnings in a stream's text. A message may run over
    several lines; the source line Python prints after it is indented by two spaces."""
    messages: list[list[str]] = []
    current: list[str] | None = None
    for line in text.splitlines():
        match = WARNING_LINE.match(line)
        if match:
            current = [match["message"]] if match["category"] == RELAYED else None
            if current is not None:
                messages.append(current)
        elif current is not None and line.strip() and not line.startswith("  "):
            current.append(line.strip())
        else:
            current = None
    return [" ".join(parts).strip() for parts in messages]


def warning_lines(notebooks: Sequence[Path | str]) -> list[str]:
    """``warning: <message> (<notebook>, ...)`` for each message any of ``notebooks`` showed,
    once, in the order first shown (a corpus loaded by every notebook warns in each); messages
    that differ only in a part naming where a notebook met the matter (:data:`NOTEBOOK_PARTS`)
    are one, in the words of the first."""
    sources: dict[str, tuple[str, list[str]]] = {}
    for notebook in notebooks:
        for message in notebook_warnings(notebook):
            _, names = sources.setdefault(_same_in_every_notebook(message), (message, []))
            if Path(notebook).name not in names:
                names.append(Path(notebook).name)
    return [f"warning: {message} ({', '.join(names)})" for message, names in sources.values()]


def _same_in_every_notebook(message: str) -> str:
    """``message`` without the parts that name where a notebook met the matter."""
    for part in NOTEBOOK_PARTS:
        message = part.sub("", message)
    return message
