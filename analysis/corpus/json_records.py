"""Reading a corpus from JSON: JSON Lines, or one JSON document as news APIs return it.

Two layouts are read, one record (article) per object:

- **JSON Lines** (``.jsonl``, ``.ndjson``, and ``.json`` written that way): one object per line,
  read line by line, so a file of millions of rows stays in constant memory.
- **One JSON document** (``.json``): an array of objects, or an object holding one, as news APIs
  answer a search: NewsAPI's ``{"status": "ok", "articles": [...]}``, the Guardian's
  ``{"response": {"results": [...]}}``. The array is the longest list of objects at the top or
  one level down; a warning names it when the document holds others. The document is read
  whole (an API's page of results is small; save a large export as JSON Lines).

A nested object's fields become columns of their own with dotted names, as
:func:`pandas.json_normalize` names them: NewsAPI's ``"source": {"id": "bbc-news", "name": "BBC
News"}`` gives the columns ``source.id`` and ``source.name`` (beside ``source``, which the reader
refuses as text), so ``--map outlet=source.name`` names the outlet. A list stays one value,
refused as text too, never stringified.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from analysis.user_warnings import warn_user


class JsonRecordsError(ValueError):
    """A JSON file that holds no records to read; the message says why."""


def flattened(record: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """The record with each nested object's fields added as ``parent.child`` columns
    (recursively). The object stays a column too, so that mapping ``outlet`` to a column that
    holds objects is refused by the reader with the rows named, as before, rather than read as
    missing. A name met twice keeps its first value."""
    out: dict[str, Any] = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        out.setdefault(name, value)
        if isinstance(value, dict):
            for inner, inner_value in flattened(value, f"{name}.").items():
                out.setdefault(inner, inner_value)
    return out


def _open(path: Path, encoding: str) -> IO[str]:
    import gzip

    if str(path).lower().endswith(".gz"):
        return gzip.open(path, "rt", encoding=encoding)
    return open(path, encoding=encoding)


def is_one_document(path: Path | str, encoding: str = "utf-8-sig") -> bool:
    """Whether the file is one JSON document rather than JSON Lines: it opens with ``[``, or
    its first non-blank line is not a whole JSON value (a pretty-printed object), or that line
    is the file's only one."""
    with _open(Path(path), encoding) as handle:
        first = next((line for line in handle if line.strip()), None)
        if first is None:
            return False
        if first.lstrip().startswith("["):
            return True
        try:
            json.loads(first)
        except json.JSONDecodeError:
            return True
        return not any(line.strip() for line in handle)


def _lists_of_records(document: Any) -> list[tuple[str, list[Any]]]:
    """``(where, list)`` for each list of objects at the top of the document or one level
    down (``articles``, ``response.results``)."""
    if isinstance(document, list):
        return [("the top-level array", document)]
    found = []
    if isinstance(document, dict):
        for key, value in document.items():
            if isinstance(value, list) and any(isinstance(v, dict) for v in value):
                found.append((repr(key), value))
            elif isinstance(value, dict):
                for inner, inner_value in value.items():
                    if isinstance(inner_value, list) and any(
                        isinstance(v, dict) for v in inner_value
                    ):
                        found.append((repr(f"{key}.{inner}"), inner_value))
    return found


def document_records(path: Path | str, encoding: str = "utf-8-sig") -> list[dict[str, Any]]:
    """The records of a file holding one JSON document (see the module docstring), flattened;
    :class:`JsonRecordsError` when it is not JSON or an item of its array is not an object."""
    path = Path(path)
    with _open(path, encoding) as handle:
        try:
            document = json.load(handle)
        except json.JSONDecodeError as error:
            raise JsonRecordsError(
                f"{path}: not valid JSON ({error.msg}, line {error.lineno}); a .json file holds "
                "one JSON document (an array of articles, or an object holding one) or JSON "
                "Lines, one object per line"
            ) from None
    lists = _lists_of_records(document)
    if not lists:
        if isinstance(document, dict):
            return [flattened(document)]  # one article
        raise JsonRecordsError(f"{path}: the JSON document holds no objects to read as articles")
    lists.sort(key=lambda item: -len(item[1]))  # stable: the first of equally long lists
    where, records = lists[0]
    if len(lists) > 1:
        others = ", ".join(f"{w} ({len(v)})" for w, v in lists[1:])
        warn_user(
            f"{path}: read the {len(records)} objects of {where} as articles; the document also "
            f"holds {others}, not read"
        )
    bad = [k + 1 for k, record in enumerate(records) if not isinstance(record, dict)]
    if bad:
        shown = ", ".join(map(str, bad[:10])) + (", …" if len(bad) > 10 else "")
        raise JsonRecordsError(f"{path}: items {shown} of {where} are not JSON objects")
    return [flattened(record) for record in records]


def line_records(path: Path | str, encoding: str = "utf-8-sig") -> Iterator[dict[str, Any]]:
    """Each non-blank line of a JSON Lines file as a flattened record, read line by line;
    :class:`JsonRecordsError` naming the first line that is not a JSON object."""
    path = Path(path)
    with _open(path, encoding) as handle:
        for line_no, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise JsonRecordsError(
                    f"{path}: line {line_no} is not valid JSON ({error.msg}); JSON Lines needs "
                    "one object per line"
                ) from None
            if not isinstance(record, dict):
                raise JsonRecordsError(f"{path}: line {line_no} is not a JSON object")
            yield flattened(record)


def json_records(path: Path | str, encoding: str = "utf-8-sig") -> Iterator[dict[str, Any]]:
    """The file's records, flattened, whichever of the two layouts it has."""
    if str(path).lower().endswith((".json", ".json.gz")) and is_one_document(path, encoding):
        yield from document_records(path, encoding)
    else:
        yield from line_records(path, encoding)
