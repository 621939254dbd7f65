"""The runner's lines on stderr start on a line of their own above a progress bar drawn there
("[2/4] 02_sentiment.ipynb started" ran on from the end of notebook 01's bar)."""

from __future__ import annotations

import io
import sys

from tqdm import tqdm

from analysis.pipeline.run import _stderr


def test_a_line_said_while_a_bar_is_drawn_starts_on_a_line_of_its_own(monkeypatch) -> None:
    stream = io.StringIO()
    monkeypatch.setattr(sys, "stderr", stream)
    bar = tqdm(total=22, file=stream, desc="Executing")
    bar.update(4)
    drawn = stream.getvalue()
    assert drawn and not drawn.endswith("\n")  # the bar's line is open
    _stderr("[2/4] 02_sentiment.ipynb started")
    bar.close()
    said = stream.getvalue()[len(drawn) :]
    before = said.split("[2/4]")[0]
    assert before.endswith("\r") or before.endswith("\n")  # the bar's line was cleared first
