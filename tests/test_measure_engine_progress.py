"""analysis.measure.engine.finish_bar: a finished run's document bar ends at 100%."""

import io

from tqdm import tqdm

from analysis.measure.engine import SilentBar, finish_bar


def test_a_bar_whose_rows_held_empty_texts_ends_at_its_documents() -> None:
    # a tester's bar stopped at "99%| 480/483": 3 rows had no text
    bar = tqdm(total=483, file=io.StringIO())
    bar.update(480)
    finish_bar(bar)
    assert (bar.n, bar.total) == (480, 480)
    bar.close()
    whole = tqdm(total=10, file=io.StringIO())
    whole.update(10)
    finish_bar(whole)
    assert whole.total == 10
    finish_bar(SilentBar())  # nothing to end, no error
