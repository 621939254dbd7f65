"""``bench truncation`` (:mod:`analysis.bench.truncation`): the truncated flag on complete
bodies and on cuts of them, here on made-up bodies in the benchmark's layout."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from analysis.bench.truncation import main, truncation_flags

BODY = " ".join(f"Sentence {i} of the story says what the council did." for i in range(6))


def test_complete_bodies_and_their_cuts_are_counted_apart() -> None:
    result = truncation_flags({"whole": BODY, "open": BODY + " And then"}, cuts=4)
    assert result["complete"] == 2
    assert [row["id"] for row in result["false_alarms"]] == ["open"]
    assert result["false_alarms"][0]["end"].endswith("And then")
    assert result["cut_total"] == 8
    # a cut at a word boundary inside these bodies ends without a full stop unless it falls
    # just after one: most are flagged, never more than were cut
    assert 0 < result["cut_flagged"] <= 8
    assert truncation_flags({"whole": BODY}, cuts=4) == truncation_flags({"whole": BODY}, cuts=4)


def test_short_bodies_are_not_cut() -> None:
    assert truncation_flags({"short": "Two words."}, cuts=5)["cut_total"] == 0


def test_main_reads_the_benchmark_folder_and_refuses_another(tmp_path: Path, capsys) -> None:
    (tmp_path / "ground-truth.json").write_text(
        json.dumps({"p1": {"articleBody": BODY}, "p2": {"articleBody": BODY + " and"}}),
        encoding="utf-8",
    )
    out = tmp_path / "r.json"
    assert main(argparse.Namespace(data=tmp_path, cuts=2, json=out)) == 0
    printed = capsys.readouterr().out
    assert "complete bodies flagged truncated: 1 of 2" in printed
    assert json.loads(out.read_text())["cut_total"] == 4
    assert main(argparse.Namespace(data=tmp_path / "nope", cuts=2, json=None)) == 2
