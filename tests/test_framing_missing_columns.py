"""analysis.framing.tables.missing_columns_hint: a missing column is said to come from where it
does come from."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.framing import add_framing, frame_salience_table, hedging_table
from analysis.framing.tables import missing_columns_hint


def test_a_table_framed_by_add_framing_is_sent_to_the_sentences_table_for_n_words() -> None:
    # a tester's own table, framed with add_framing, was told to "run add_framing first" for
    # n_words, which add_framing does not add
    own = pd.DataFrame(
        {"doc_id": ["a", "b"], "outlet": ["X", "Y"], "sentence": ["Critics attacked.", "Calm."]}
    )
    framed = add_framing(own)
    for call in (
        lambda: frame_salience_table(framed, "outlet", n_boot=10),
        lambda: hedging_table(framed, "outlet", n_boot=10),
    ):
        with pytest.raises(KeyError) as err:
            call()
        assert "n_words: a column of the corpus's sentences table" in str(err.value)
        assert "run add_framing first" not in str(err.value)
    assert missing_columns_hint(["frame_drought", "n_hedges", "source_experts"]) == (
        "frame_drought, n_hedges, source_experts: run add_framing first"
    )
