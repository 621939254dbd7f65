"""Quality flags added to ``process``'s documents: after the run, in batches, or on the way."""

from __future__ import annotations

import functools
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from analysis.corpus.language import fill_language
from analysis.corpus.quality import QUALITY_COLUMNS, quality_table
from analysis.measure.chunk import process_chunk
from analysis.measure.document_quality import (
    CHECKS_KEY,
    checked_chunk,
    flag_processed_documents,
    quality_line,
    run_local_flagged,
)
from analysis.measure.engine import ResultWriter, result_tables

STORY = " ".join(
    f"Sentence number {i} tells the readers about the flood in the valley." for i in range(14)
)
OTHER = " ".join(
    f"Paragraph {i} reports that the council approved the new budget today." for i in range(14)
)
RAW = pd.DataFrame(
    {
        "doc_id": ["a", "b", "c", "d", "e"],
        "outlet": ["X", "X", "Y", "Y", "Z"],
        "origin": ["unknown"] * 5,
        "title": [""] * 5,
        "published": [""] * 5,
        "url": [""] * 5,
        "language": ["en", "en", "", "en", ""],
        "raw_text": [
            STORY,
            OTHER,
            "Die Regierung hat heute ein neues Gesetz über die Wasserversorgung der Stadt "
            "beschlossen, und die Opposition kritisiert den Plan als zu teuer und zu spät.",
            # two paragraphs, the last cut short (a one-line headline is no truncated text)
            "A short teaser about the flood.\n\nThe river rose and the",
            STORY + " Reporting by the wire service.",
        ],
    }
)


def _processed(folder: Path, chunk_rows: int = 2) -> Path:
    """RAW through the real per-document work, chunk by chunk, into Parquet like ``process``."""
    writer = ResultWriter(folder)
    for start in range(0, len(RAW), chunk_rows):
        chunk = RAW.iloc[start : start + chunk_rows].reset_index(drop=True)
        writer.write(result_tables(process_chunk(chunk, actors=False)))
    writer.close()
    return folder


@pytest.mark.parametrize("batch_docs", [1, 2, 500])
def test_flags_equal_the_in_memory_quality_table(tmp_path: Path, batch_docs: int) -> None:
    folder = _processed(tmp_path / "out")
    documents = pd.read_parquet(folder / "documents.parquet")
    expected = quality_table(
        fill_language(documents),
        pd.read_parquet(folder / "sentences.parquet"),
        pd.read_parquet(folder / "cleaning_audit.parquet"),
    )
    result = flag_processed_documents(folder, batch_docs=batch_docs)
    got = pd.read_parquet(folder / "documents.parquet")
    pd.testing.assert_frame_equal(got, expected, check_dtype=False)
    assert got.set_index("doc_id").loc["e", "duplicate_of"] == "a"  # copy found across batches
    assert got.set_index("doc_id").loc["c", "language"] == "de"  # guessed: German
    assert result is not None and result["documents"] == 5
    assert result["flags"]["duplicate"] == 1 and result["flags"]["language"] == 1
    assert result["flagged"] == sum(bool(f) for f in got["quality_flags"])
    assert not list(folder.glob(".documents.parquet.tmp-*"))


def test_keep_text_false_drops_the_text_after_flagging(tmp_path: Path) -> None:
    folder = _processed(tmp_path / "out")
    flag_processed_documents(folder, keep_text=False)
    got = pd.read_parquet(folder / "documents.parquet")
    assert "text" not in got.columns
    assert set(QUALITY_COLUMNS) <= set(got.columns)
    assert got.set_index("doc_id").loc["d", "quality_flags"] == "short;truncated"


def test_a_table_without_text_is_left_alone(tmp_path: Path) -> None:
    folder = _processed(tmp_path / "out")
    path = folder / "documents.parquet"
    pq.write_table(pq.read_table(path).drop(["text"]), path)
    before = path.read_bytes()
    assert flag_processed_documents(folder) is None
    assert path.read_bytes() == before
    assert "no text" in quality_line(None)


def test_quality_line_counts_flags() -> None:
    line = quality_line({"documents": 5, "flagged": 2, "flags": {"duplicate": 1, "short": 1}})
    assert line.startswith("quality flags: 2 of 5 documents flagged (duplicate 1, short 1)")
    assert "none of 3" in quality_line({"documents": 3, "flagged": 0, "flags": {}})


def test_workers_give_the_same_file_as_one_process(tmp_path: Path) -> None:
    """Workers send back only the filled language columns, the signatures and the text
    checks; the parent joins them to the batches it holds: the same bytes as one process."""
    one = _processed(tmp_path / "one")
    two = _processed(tmp_path / "two")
    flag_processed_documents(one, batch_docs=2, jobs=1)
    flag_processed_documents(two, batch_docs=2, jobs=2)
    assert (two / "documents.parquet").read_bytes() == (one / "documents.parquet").read_bytes()
    assert pd.read_parquet(two / "documents.parquet").set_index("doc_id").loc["c", "language"] == (
        "de"
    )


def _chunks(rows: int) -> list[pd.DataFrame]:
    return [RAW.iloc[s : s + rows].reset_index(drop=True) for s in range(0, len(RAW), rows)]


@pytest.mark.parametrize(("rows", "jobs"), [(1, 1), (2, 2), (5, 1)])
def test_flags_added_on_the_way_equal_the_second_pass(tmp_path: Path, rows: int, jobs: int) -> None:
    """run_local_flagged (checks in the chunk, flags before writing) gives the documents the
    second pass gives, whatever the chunks and processes."""
    two_pass = _processed(tmp_path / "two_pass", chunk_rows=rows)
    expected = flag_processed_documents(two_pass)
    fn = functools.partial(process_chunk, actors=False)
    summary, got = run_local_flagged(
        _chunks(rows), tmp_path / "stream", fn, jobs=jobs, progress=False
    )
    assert got == expected and got is not None and got["flags"]["duplicate"] == 1
    assert summary.n_docs == 5
    for name in ("documents", "sentences", "cleaning_audit"):
        pd.testing.assert_frame_equal(
            pd.read_parquet(tmp_path / "stream" / f"{name}.parquet"),
            pd.read_parquet(two_pass / f"{name}.parquet"),
        )


def test_flags_on_the_way_drop_the_text_after_flagging(tmp_path: Path) -> None:
    fn = functools.partial(process_chunk, actors=False)
    _, got = run_local_flagged(_chunks(2), tmp_path, fn, keep_text=False, progress=False)
    documents = pd.read_parquet(tmp_path / "documents.parquet")
    assert "text" not in documents.columns and set(QUALITY_COLUMNS) <= set(documents.columns)
    assert got is not None and got["flagged"] == sum(bool(f) for f in documents["quality_flags"])


def test_a_chunk_without_text_is_written_unflagged(tmp_path: Path) -> None:
    fn = functools.partial(process_chunk, actors=False, keep_text=False)
    checked = checked_chunk(RAW.head(2), fn=fn)
    assert checked[CHECKS_KEY] is None
    _, got = run_local_flagged(_chunks(2), tmp_path, fn, progress=False)
    assert got is None and "quality_flags" not in pd.read_parquet(tmp_path / "documents.parquet")


def test_a_checked_chunk_is_flagged_but_for_copies_and_converted_where_it_is_computed() -> None:
    """Where a chunk is computed, its documents get every flag the in-memory quality table
    gives them but ``duplicate`` (none here), and every table is converted for writing."""
    import pyarrow as pa

    from analysis.measure.warmup import warm_up_documents

    raw = warm_up_documents()  # a menu line removed, an empty language, among others
    fn = functools.partial(process_chunk, actors=False)
    plain = process_chunk(raw, actors=False)
    checked = checked_chunk(raw, fn=fn)
    for name in ("sentences", "audit"):
        assert isinstance(checked[name], pa.Table)
        assert checked[name].equals(
            pa.Table.from_pandas(getattr(plain, name), preserve_index=False)
        )
    expected = quality_table(fill_language(plain.documents), plain.sentences, plain.audit)
    assert isinstance(checked["documents"], pa.Table)
    pd.testing.assert_frame_equal(checked["documents"].to_pandas(), expected)
    assert (expected["share_lines_removed"] > 0).any()
    found = checked[CHECKS_KEY]
    assert found.doc_ids == expected["doc_id"].tolist()
    assert found.flags == expected["quality_flags"].tolist()
    assert found.signatures.shape[0] == len(expected) and found.signed.all()
    without_text = checked_chunk(raw, fn=fn, keep_text=False)["documents"]
    assert without_text.column_names == [c for c in expected.columns if c != "text"]


def _without_hook(raw: pd.DataFrame) -> object:
    """``process_chunk`` without ``after_cleaning`` in its signature."""
    return process_chunk(raw, actors=False)


def test_checks_of_the_clean_documents_equal_those_of_the_split_ones() -> None:
    """What checked_chunk offers (the clean documents' text and metadata, before splitting)
    gives the checks the finished documents give: the same filled languages, signatures, sampled
    shingles and text checks."""
    import numpy as np

    from analysis.measure.document_quality import _CHECKED_COLUMNS, check_documents
    from analysis.measure.warmup import warm_up_documents

    raw = warm_up_documents()
    seen: list[pd.DataFrame] = []
    documents = process_chunk(raw, actors=False, after_cleaning=seen.append).documents
    assert len(seen) == 1
    offered = check_documents(seen[0][[c for c in _CHECKED_COLUMNS if c in seen[0]]])
    final = check_documents(documents)
    assert final[0] is not None  # an empty language was filled
    pd.testing.assert_frame_equal(offered[0], final[0])
    assert np.array_equal(offered[1], final[1]) and np.array_equal(offered[2], final[2])
    assert np.array_equal(offered[3].values, final[3].values)  # sampled shingles
    assert np.array_equal(offered[3].counts, final[3].counts)
    pd.testing.assert_frame_equal(offered[4], final[4])


def test_a_chunk_function_with_or_without_the_cleaning_hook_gives_the_same_tables() -> None:
    from analysis.measure.warmup import warm_up_documents

    raw = warm_up_documents()
    hooked = checked_chunk(raw, fn=functools.partial(process_chunk, actors=False))
    plain = checked_chunk(raw, fn=_without_hook)
    for name in ("documents", "sentences", "audit"):
        assert hooked[name].equals(plain[name])
    assert hooked[CHECKS_KEY].flags == plain[CHECKS_KEY].flags


@pytest.mark.parametrize("jobs", [1, 2])
def test_languages_the_text_contradicts_are_counted_both_ways(tmp_path: Path, jobs: int) -> None:
    """``process`` sees a chunk at a time, so what loading warns about (a language given as
    English on a German text, and as German on an English one) is counted on the way and on
    the second pass alike, and shown on the terminal's line."""
    raw = RAW.assign(language=["de", "en", "en", "en", ""])  # a: English text; c: German
    chunks = [raw.iloc[k : k + 2].reset_index(drop=True) for k in range(0, len(raw), 2)]
    fn = functools.partial(process_chunk, actors=False)
    _, got = run_local_flagged(iter(chunks), tmp_path / "stream", fn, jobs=jobs, progress=False)
    writer = ResultWriter(tmp_path / "two_pass")
    for chunk in chunks:
        writer.write(result_tables(process_chunk(chunk, actors=False)))
    writer.close()
    expected = flag_processed_documents(tmp_path / "two_pass")
    assert got is not None and got == expected
    assert got["language_contradicted"] == {
        "given_english_reads_other": 1,
        "given_other_reads_english": 1,
    }
    line = quality_line(got)
    assert "language: 1 documents given as English read as another language" in line
    assert "language: 1 documents given as another language read as English" in line
    documents = pd.read_parquet(tmp_path / "stream" / "documents.parquet").set_index("doc_id")
    assert (
        documents.loc["a", "language"] == "de" and "language" in documents.loc["a", "quality_flags"]
    )
    assert "language" not in documents.loc["c", "quality_flags"]  # given as English, left so


def test_quality_line_says_nothing_of_languages_when_none_is_contradicted() -> None:
    quality = {
        "documents": 3,
        "flagged": 0,
        "flags": {},
        "language_contradicted": {"given_english_reads_other": 0, "given_other_reads_english": 0},
    }
    assert quality_line(quality) == "quality flags: none of 3 documents flagged"
