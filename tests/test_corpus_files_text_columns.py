"""Reading a text column: the fast path for string columns gives what the cell-by-cell path
gives (missing values as "", every value as written, read as UTF-8)."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.corpus.files import _as_text

CELLS = st.lists(
    st.one_of(st.none(), st.text(alphabet=st.characters(exclude_categories=["Cs"]))),
    max_size=20,
)


def describe(i: int) -> str:
    return f"row {i}"


@pytest.mark.parametrize("dtype", ["str", "string"])
@given(cells=CELLS)
def test_a_string_column_reads_as_its_cells_would(dtype: str, cells: list[str | None]) -> None:
    column = pd.Series(cells, dtype=dtype)
    assert isinstance(column.dtype, pd.StringDtype)
    fast = _as_text(column, describe)
    cell_by_cell = _as_text(column.astype(object), describe)  # object dtype: one cell at a time
    assert fast == cell_by_cell
    assert fast[0] == ["" if cell is None else cell for cell in cells]
    assert fast[1] == ["utf-8"] * len(cells)
