"""analysis.report.findings: the Finding and Evidence records and their JSON file."""

from __future__ import annotations

import json
from pathlib import Path

from analysis.report.findings import Evidence, Finding, load_findings, save_findings

FINDINGS = [
    Finding(
        key="tone_level_X",
        section="tone",
        text="In these 2 articles from X (16 sentences), the mean tone was +0.12.",
        evidence=(
            Evidence("gaz-01", 3, "X", "Officials cheered “loudly”."),
            Evidence("gaz-02", 0, "X", "Ünïcode stays as written."),
        ),
        figures=("fig02_tone", "fig05_tone_shares"),
        groups=("X",),
    ),
    Finding(key="tone_pair", section="tone", text="No clear difference.", supported=False),
]


def test_saved_findings_round_trip(tmp_path: Path):
    path = save_findings(FINDINGS, tmp_path / "findings_sentiment.json")
    assert path == tmp_path / "findings_sentiment.json"
    assert load_findings(path) == FINDINGS
    text = path.read_text(encoding="utf-8")
    assert "“loudly”" in text and "Ünïcode" in text  # readable, not \u-escaped
    assert text.endswith("]\n")


def test_saved_file_is_deterministic(tmp_path: Path):
    first = save_findings(FINDINGS, tmp_path / "a.json").read_bytes()
    assert save_findings(list(FINDINGS), tmp_path / "b.json").read_bytes() == first


def test_a_finding_saved_without_evidence_or_figures_loads_with_none(tmp_path: Path):
    path = tmp_path / "findings.json"
    path.write_text(json.dumps([{"key": "k", "section": "frames", "text": "t"}]), encoding="utf-8")
    (finding,) = load_findings(path)
    assert finding == Finding("k", "frames", "t")
    assert finding.evidence == () and finding.figures == () and finding.supported
    assert finding.groups == ()  # saved before findings named their groups
