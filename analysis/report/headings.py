"""The summary's section headings, named once: the headings it writes and the cross-references
to them ("(see How far to trust the sourcing shares)") both read these constants.

A tester's sourcing findings said "(see How far to trust the frame and tone coders)" while the
section on the sourcing coder was "How far to trust the sourcing shares": the reference had
been typed out apart from the heading. This module imports nothing, so the measures' modules
(framing, sentiment) can name a heading without loading the report.
"""

from __future__ import annotations

KEY_FINDINGS = "Key findings"
METHODS = "Methods"
LIMITATIONS = "Limitations"
# the sections after the findings on how far the automatic coders agree with human coding
TRUST_CODERS = "How far to trust the frame and tone coders"
TRUST_SOURCING = "How far to trust the sourcing shares"
TONE_CODER = "Tone from the trained coder"


def quoted(heading: str) -> str:
    """``heading`` in the summary's quotation marks, as a sentence names a section under it:
    “How far to trust the frame and tone coders”."""
    return f"“{heading}”"
