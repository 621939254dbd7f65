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


# Texts that are blank or not by a hair: Unicode whitespace that is not ASCII, control
# characters Python counts as whitespace, visible characters with no ASCII among them.
BLANKISH = st.lists(
    st.one_of(
        st.none(),
        st.text(alphabet=" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2003\u2028\u3000\u200b"),
        st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=5),
    ),
    max_size=20,
)


@given(cells=BLANKISH)
def test_blank_texts_are_those_python_strips_to_nothing(cells: list[str | None]) -> None:
    import pyarrow as pa

    from analysis.corpus.files import _blank_texts

    texts = pa.array([cell or "" for cell in cells], pa.large_string())
    assert _blank_texts(texts).tolist() == [not (cell or "").strip() for cell in cells]


@given(cells=BLANKISH)
def test_a_chunk_read_through_arrow_equals_the_chunk_read_cell_by_cell(
    cells: list[str | None],
) -> None:
    from pathlib import Path

    from analysis.corpus.files import ReadReport, _ChunkNormaliser

    def read(text: pd.Series) -> tuple[pd.DataFrame, ReadReport]:
        report = ReadReport(path="corpus.parquet", format="parquet", columns={}, ignored_columns=[])
        normalise = _ChunkNormaliser(
            Path("corpus.parquet"), {"text": "body", "outlet": "source"}, report
        )
        outlets = pd.Series([f"outlet {i % 3}" for i in range(len(cells))], dtype="str")
        return normalise(pd.DataFrame({"body": text, "source": outlets})), report

    arrow, arrow_report = read(pd.Series(cells, dtype="str"))
    by_cell, cell_report = read(pd.Series(cells, dtype=object))
    assert arrow.equals(by_cell) and list(arrow.dtypes) == list(by_cell.dtypes)
    assert arrow_report == cell_report
    kept = [cell for cell in cells if (cell or "").strip()]
    assert arrow["raw_text"].tolist() == kept
