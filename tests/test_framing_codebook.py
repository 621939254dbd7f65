"""Loading, validating and compiling frame codebooks."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.framing.codebook import (
    GENERIC_FRAME_KEYS,
    PFC_DIMENSIONS,
    CodebookError,
    load_codebook,
)
from analysis.lexicon import LexiconError

FRAME = """
[[frames]]
key = "{key}"
label = "Weather"
type = "issue"
definition = "Talk about the weather."
indicators = {indicators}
pfc_dimension = "none"
reference = "test"
"""


def _write(tmp_path: Path, text: str, name: str = "book.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_bundled_codebook_is_complete() -> None:
    book = load_codebook(require_generic=True)
    assert book.keys[:5] == list(GENERIC_FRAME_KEYS)
    for frame in book.frames:
        assert frame.definition and frame.reference and frame.indicators
        assert frame.pfc_dimension == "none" or frame.pfc_dimension in PFC_DIMENSIONS
    described = book.describe()
    assert [d["key"] for d in described] == book.keys
    assert book.columns[0] == "frame_conflict"


def test_missing_file_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(CodebookError, match=r"nope\.toml"):
        load_codebook(tmp_path / "nope.toml")


def test_bad_frame_is_named(tmp_path: Path) -> None:
    good = FRAME.format(key="weather", indicators='["rain"]')
    bad = FRAME.format(key="sports", indicators="[]")
    path = _write(tmp_path, good + bad)
    with pytest.raises(CodebookError, match=r"book\.toml.*'sports'.*indicators"):
        load_codebook(path)


@pytest.mark.parametrize(
    ("replace", "message"),
    [
        (('key = "weather"', 'key = "Weather Frame"'), "lower-case"),
        (('type = "issue"', 'type = "special"'), "'type' must be one of"),
        (('pfc_dimension = "none"', 'pfc_dimension = "Economy"'), "Policy Frames Codebook"),
        (('reference = "test"', 'reference = "test"\nindicator = ["x"]'), "unknown field"),
        (('label = "Weather"\n', ""), "missing field"),
        (('["rain"]', '["rain", "Rain"]'), "twice"),
    ],
)
def test_validation_errors(tmp_path: Path, replace: tuple[str, str], message: str) -> None:
    text = FRAME.format(key="weather", indicators='["rain"]').replace(*replace)
    with pytest.raises(CodebookError, match=message):
        load_codebook(_write(tmp_path, text))


def test_duplicate_keys_and_missing_generic(tmp_path: Path) -> None:
    one = FRAME.format(key="weather", indicators='["rain"]')
    with pytest.raises(CodebookError, match="duplicate key"):
        load_codebook(_write(tmp_path, one + one))
    with pytest.raises(CodebookError, match="missing generic"):
        load_codebook(_write(tmp_path, one, "b.toml"), require_generic=True)


def test_invalid_syntax_and_unknown_suffix(tmp_path: Path) -> None:
    with pytest.raises(CodebookError, match="not valid TOML"):
        load_codebook(_write(tmp_path, "frames = [", "x.toml"))
    with pytest.raises(CodebookError, match="not valid YAML"):
        load_codebook(_write(tmp_path, "frames: [a, b", "x.yaml"))
    with pytest.raises(CodebookError, match="unknown file type"):
        load_codebook(_write(tmp_path, "{}", "x.json"))
    with pytest.raises(CodebookError, match="non-empty list 'frames'"):
        load_codebook(_write(tmp_path, "version = '1'", "y.toml"))


def test_yaml_and_toml_give_the_same_patterns(tmp_path: Path) -> None:
    toml = _write(tmp_path, FRAME.format(key="weather", indicators='["rain", "sunny spell"]'))
    yaml = _write(
        tmp_path,
        "frames:\n  - {key: weather, label: Weather, type: issue, definition: Talk.,\n"
        "     indicators: [rain, sunny spell], pfc_dimension: none, reference: test}\n",
        "book.yaml",
    )
    assert load_codebook(toml).frames[0].pattern() == load_codebook(yaml).frames[0].pattern()


@pytest.mark.parametrize(
    ("indicators", "message"),
    [
        ('["rain", 3]', r"book\.toml: frame 'weather' \(#1\): 'indicators' entry #2 must be a str"),
        ('["rain", " "]', r"frame 'weather' \(#1\): 'indicators' entry #2 is empty"),
        ('"rain"', r"frame 'weather' \(#1\): 'indicators' must be a list of strings"),
        ('["rain", "-"]', r"frame 'weather' \(#1\): indicator '-': no words"),
    ],
)
def test_indicator_list_errors_name_the_entry(
    tmp_path: Path, indicators: str, message: str
) -> None:
    path = _write(tmp_path, FRAME.format(key="weather", indicators=indicators))
    with pytest.raises(CodebookError, match=message):
        load_codebook(path)
    assert issubclass(CodebookError, LexiconError)


def test_unreadable_toml_is_a_codebook_error(tmp_path: Path) -> None:
    path = _write(tmp_path, "")
    path.write_bytes(b"\xff\xfe not utf-8")
    with pytest.raises(CodebookError, match=r"book\.toml: cannot be read"):
        load_codebook(path)


def test_a_yaml_key_given_twice_is_refused_naming_it(tmp_path: Path) -> None:
    # YAML keeps the last of two keys: a tester's first indicator list was lost unsaid
    text = (
        "frames:\n  - key: rain\n    label: Rain\n    indicators: [rain]\n    indicators: [sunny]\n"
    )
    with pytest.raises(CodebookError, match=r"the key 'indicators' is given twice \(line 5\)"):
        load_codebook(_write(tmp_path, text, "twice.yaml"))
