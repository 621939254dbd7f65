"""The calls the README and the commands' help name (`analysis.x.y(...)`) exist: a tester's
`analysis.load_frame_model(DIR)`, as `train --help` and the README wrote it, raised
AttributeError (it lives in ``analysis.validation``)."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_CALL = re.compile(r"`(analysis(?:\.[A-Za-z_]\w*)+)\(")


def documented_calls() -> list[str]:
    """The dotted names called in backticks in the README and the commands' module help."""
    texts = [(ROOT / "README.md").read_text(encoding="utf-8")]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "analysis").rglob("*.py"))]
    return sorted({name for text in texts for name in _CALL.findall(text)})


def resolve(dotted: str) -> object:
    """The object ``dotted`` names, importing its longest importable module prefix."""
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            found: object = importlib.import_module(".".join(parts[:cut]))
        except ModuleNotFoundError:
            continue
        for attribute in parts[cut:]:
            found = getattr(found, attribute)
        return found
    raise ModuleNotFoundError(dotted)


def test_the_documents_name_calls() -> None:
    assert "analysis.validation.load_frame_model" in documented_calls()


@pytest.mark.parametrize("dotted", documented_calls())
def test_a_documented_call_exists(dotted: str) -> None:
    assert callable(resolve(dotted))


def test_a_call_that_does_not_exist_is_caught() -> None:
    with pytest.raises(AttributeError):
        resolve("analysis.load_frame_model")
