"""analysis.settings.lexicon_lines: the summary's table of lexicons names the run's agreement
table and trained coders with their digests, which its numbers rest on too."""

from __future__ import annotations

import hashlib
from pathlib import Path

from analysis.settings import folder_sha256, lexicon_lines


def test_the_agreement_table_and_a_trained_coder_are_listed_with_their_digests(
    tmp_path: Path,
) -> None:
    # a tester's parameter table named "agreement.csv" alone, with no digest to cite
    agreement = tmp_path / "val" / "agreement.csv"
    agreement.parent.mkdir()
    agreement.write_text("method,frame\ncodebook,x\n", encoding="utf-8")
    model = tmp_path / "model"
    (model / "parts").mkdir(parents=True)
    (model / "model.json").write_text("{}", encoding="utf-8")
    (model / "parts" / "w.bin").write_bytes(b"\x00\x01")
    params = {"validation": str(agreement), "frame_coder": str(model), "tone_coder": ""}
    lines = lexicon_lines(None, params)
    digest = hashlib.sha256(agreement.read_bytes()).hexdigest()
    assert f"| validation | `agreement.csv` | `{digest}` |" in lines
    assert f"| frame_coder | `model` | `{folder_sha256(model)}` (its files) |" in lines
    assert not any(line.startswith("| tone_coder") for line in lines)
    before = folder_sha256(model)
    (model / "parts" / "w.bin").write_bytes(b"\x00\x02")
    assert folder_sha256(model) != before  # a changed file changes the digest
    missing = lexicon_lines(None, {"validation": str(tmp_path / "gone.csv")})
    assert "| validation | `gone.csv` | – (not found when the summary was written) |" in missing
    assert not any("validation" in line for line in lexicon_lines(None, {}))
