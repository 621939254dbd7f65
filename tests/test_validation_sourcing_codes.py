"""analysis.validation.sourcing_codes: sourcing columns on a coding sheet, and their codes."""

from __future__ import annotations

from pathlib import Path

from analysis.framing.sourcing import load_sources, sourcing_matrix
from analysis.validation.sourcing_codes import (
    machine_sourcing_codes,
    sourcing_columns,
    sourcing_guide,
)

TWO_KINDS = """\
[attribution_verbs]
say = ["said", "says"]

[sources.rangers]
label = "Park rangers"
terms = ["ranger", "rangers"]

[sources.hikers]
label = "Hikers"
terms = ["hiker", "hikers"]
"""


def _lexicon(tmp_path: Path) -> Path:
    path = tmp_path / "sources.toml"
    path.write_text(TWO_KINDS, encoding="utf-8")
    return path


def test_columns_are_attributed_then_each_kind_of_the_lexicon_in_order(tmp_path: Path) -> None:
    assert sourcing_columns(_lexicon(tmp_path)) == ["attributed", "source_rangers", "source_hikers"]
    bundled = load_sources(None)
    assert sourcing_columns() == ["attributed", *(f"source_{c}" for c in bundled.categories)]


def test_codes_are_the_lexicon_s_reading_of_each_sentence_alone(tmp_path: Path) -> None:
    texts = [
        "Rangers said the trail would reopen.",
        "The trail reopened on Monday.",
        "“We waited for hours in the rain,” she said.",  # a follow-up: no kind when alone
        "Two hikers said the bridge was unsafe.",
    ]
    codes = machine_sourcing_codes(texts, _lexicon(tmp_path))
    assert codes.to_dict("list") == {
        "attributed": [1, 0, 1, 1],
        "source_rangers": [1, 0, 0, 0],
        "source_hikers": [0, 0, 0, 1],
    }
    # the same as the run's reading without documents (no follow-ups)
    alone = sourcing_matrix(texts, str(_lexicon(tmp_path)))
    assert codes["source_hikers"].tolist() == alone["source_hikers"].astype(int).tolist()


def test_the_guide_names_each_kind_with_its_label_and_words(tmp_path: Path) -> None:
    guide = "\n".join(sourcing_guide(_lexicon(tmp_path), show_words=True))
    assert "`source_rangers`: Park rangers (ranger, rangers)" in guide
    assert "`source_hikers`: Hikers (hiker, hikers)" in guide
    assert "**alone**" in guide and "`attributed`" in guide
    bundled = "\n".join(sourcing_guide(show_words=True))
    assert "`source_experts`: Analysts and experts (by patterns)" in bundled


def test_the_guide_hides_the_machines_words_unless_asked(tmp_path: Path) -> None:
    # a tester's guide listed "Politicians (president, ...)", which would have her code a
    # union's president as the machine does, and so flatter its agreement
    guide = "\n".join(sourcing_guide(_lexicon(tmp_path)))
    assert "- `source_rangers`: Park rangers\n" in guide + "\n"
    assert "ranger, rangers" not in guide and "--show-indicators" in guide


def test_the_guide_names_the_styles_only_context_credits_and_that_it_shows_none() -> None:
    """A tester's sheet: transcript turns, Q&A answers, quotation continuations and block quotes
    were coded "no source" by her and by the machine, and counted as agreement; the guide
    said only "judge each sentence alone"."""
    guide = "\n".join(sourcing_guide())
    styles = ("transcript's turn", "answer in a Q&A interview", "quotation carried on from an")
    assert all(style in guide for style in (*styles, "block quote"))
    assert "The sheet shows no sentence around it, not even the one before" in guide
    assert "such sentences count as agreement" in guide
    # the run credits a transcript's guests from their labels: the sheet cannot check that
    assert "credits to a transcript's guests" in guide
