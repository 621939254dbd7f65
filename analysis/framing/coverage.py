"""What each codebook indicator matches in a corpus: the stemming-surprise report.

A stem-aware indicator matches more than the word written ("police" also matches "policy",
"weaponize" matches "weapons"); :func:`indicator_coverage` shows, per indicator, how many
sentences it matches and which distinct words, so such surprises are found by reading a table
instead of by testing. ``python -m analysis codebook check FILE --corpus DIR`` prints it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import pandas as pd

from analysis.framing.codebook import Codebook, load_codebook
from analysis.framing.frames import _as_list, _compiled, trim_match

COVERAGE_COLUMNS = ["frame", "term", "n_sentences", "n_matches", "words"]


def indicator_coverage(
    sentences: Sequence[str] | pd.Series, codebook: Codebook | str | None = None
) -> pd.DataFrame:
    """One row per (frame, indicator), in codebook order: what the indicator matches.

    Columns: ``frame`` (key), ``term`` (as written), ``n_sentences`` (sentences it matches on its
    own, after the frame's exclusions are masked), ``n_matches`` and ``words``: the distinct
    matched texts with their counts, most frequent first (ties alphabetical). Each indicator is
    counted on its own, so an indicator that another one shadows in :func:`frame_hits` still
    shows what it matches.
    """
    book = load_codebook(codebook)
    values = _as_list(sentences)
    rows = []
    for frame in book.frames:
        exclusion = frame.exclusion_pattern()
        texts = values
        if exclusion is not None:
            rx = _compiled(exclusion)
            texts = [rx.sub(" ", t) for t in values]
        for term, pattern in zip(frame.indicators, frame.indicator_patterns, strict=True):
            rx = _compiled(pattern)
            words: Counter[str] = Counter()
            n_sentences = 0
            for text in texts:
                found = [trim_match(m.group(0), term) for m in rx.finditer(text)]
                n_sentences += bool(found)
                words.update(found)
            ordered = sorted(words.items(), key=lambda item: (-item[1], item[0]))
            rows.append((frame.key, term, n_sentences, sum(words.values()), ordered))
    return pd.DataFrame(rows, columns=COVERAGE_COLUMNS)
