"""``analysis.load_corpus``: one loader for folders and corpus files, with measures and a cache."""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest

from analysis import load_corpus
from analysis.corpus.documents import DOCUMENT_COLUMNS, Corpus
from analysis.corpus.documents import SENTENCE_COLUMNS as KEY_COLUMNS
from analysis.corpus.files import CorpusFileError
from analysis.corpus.transcripts import SPEAKER_COLUMNS

# the columns of a split without measures: a transcript's speakers come with the split
SENTENCE_COLUMNS = [*KEY_COLUMNS, *SPEAKER_COLUMNS]


def _as_text(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.fillna("").astype(str).reset_index(drop=True)


def _file_rows(folder: Path) -> pd.DataFrame:
    """The folder corpus's articles as rows of a corpus file (same ids, text and metadata)."""
    from analysis.corpus.documents import read_raw_documents

    raw = read_raw_documents(folder)
    return pd.DataFrame(
        {
            "doc_id": raw["doc_id"],
            "outlet": raw["outlet"],
            "origin": raw["origin"],
            "title": raw["title"],
            "body": raw["raw_text"],
        }
    )


def test_a_folder_loads_as_documents_sentences_and_audit(make_corpus) -> None:
    corpus = load_corpus(make_corpus())
    assert isinstance(corpus, Corpus)
    assert list(corpus.documents.columns[: len(DOCUMENT_COLUMNS)]) == DOCUMENT_COLUMNS
    assert list(corpus.sentences.columns) == SENTENCE_COLUMNS  # no measures unless asked
    assert list(corpus.audit.columns)[:2] == ["doc_id", "line_no"]


def test_measures_add_the_per_sentence_columns(make_corpus) -> None:
    folder = make_corpus()
    plain = load_corpus(folder)
    measured = load_corpus(folder, measures=True)
    assert list(measured.sentences.columns[: len(SENTENCE_COLUMNS)]) == SENTENCE_COLUMNS
    added = set(measured.sentences.columns) - set(SENTENCE_COLUMNS)
    assert {"compound", "compound_news", "n_hedges"} <= added
    assert any(c.startswith("frame_") for c in added)
    pd.testing.assert_frame_equal(plain.documents, measured.documents)
    pd.testing.assert_frame_equal(
        plain.sentences, measured.sentences[SENTENCE_COLUMNS], check_dtype=False
    )


def test_second_call_reads_the_cache(make_corpus, tmp_path: Path, monkeypatch) -> None:
    folder = make_corpus()
    cache = tmp_path / "cache"
    first = load_corpus(folder, measures=True, cache_dir=cache)
    assert len(list(cache.iterdir())) == 1

    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("must not recompute")

    monkeypatch.setattr("analysis.loading.build_corpus", fail)
    again = load_corpus(folder, measures=True, cache_dir=cache)
    # Parquet stores text columns with pandas' string dtype (missing: NaN, not None); the
    # values are what matter.
    for part in ("sentences", "documents", "audit"):
        left = getattr(first, part).fillna("").astype(str)
        right = getattr(again, part).fillna("").astype(str)
        pd.testing.assert_frame_equal(left, right, check_dtype=False)


def test_the_cache_keeps_measured_and_unmeasured_apart(make_corpus, tmp_path: Path) -> None:
    folder = make_corpus()
    cache = tmp_path / "cache"
    measured = load_corpus(folder, measures=True, cache_dir=cache)
    plain = load_corpus(folder, cache_dir=cache)
    assert len(list(cache.iterdir())) == 2
    assert list(plain.sentences.columns) == SENTENCE_COLUMNS
    assert len(measured.sentences.columns) > len(SENTENCE_COLUMNS)


def test_a_corpus_file_gives_the_folders_measures_and_is_cached(
    make_corpus, tmp_path: Path, monkeypatch
) -> None:
    folder = make_corpus()
    rows = _file_rows(folder)
    csv_path = tmp_path / "export.csv"
    rows.to_csv(csv_path, index=False)
    jsonl_path = tmp_path / "export.jsonl"
    rows.to_json(jsonl_path, orient="records", lines=True)
    from_folder = load_corpus(folder, measures=True)
    cache = tmp_path / "cache"
    for path in (csv_path, jsonl_path):
        from_file = load_corpus(
            path, measures=True, column_map="text=body", cache_dir=cache, progress=False
        )
        assert list(from_file.documents.columns) == list(from_folder.documents.columns)
        assert list(from_file.sentences.columns) == list(from_folder.sentences.columns)
        for column in ("doc_id", "outlet", "text", "n_sentences", "n_words"):
            assert from_file.documents[column].tolist() == from_folder.documents[column].tolist()
        pd.testing.assert_frame_equal(
            _as_text(from_file.sentences), _as_text(from_folder.sentences)
        )
    assert len([p for p in cache.iterdir() if not p.name.startswith(".")]) == 2

    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("must not recompute")

    monkeypatch.setattr("analysis.loading._load_file", fail)
    again = load_corpus(csv_path, measures=True, column_map="text=body", cache_dir=cache)
    assert len(again.sentences) == len(from_folder.sentences)


def test_a_corpus_file_without_measures_matches_the_folder(make_corpus, tmp_path: Path) -> None:
    folder = make_corpus()
    path = tmp_path / "export.parquet"
    _file_rows(folder).to_parquet(path, index=False)
    from_file = load_corpus(path, column_map={"text": "body"}, progress=False)
    from_folder = load_corpus(folder)
    assert list(from_file.sentences.columns) == SENTENCE_COLUMNS
    pd.testing.assert_frame_equal(_as_text(from_file.sentences), _as_text(from_folder.sentences))
    assert from_file.documents["text"].tolist() == from_folder.documents["text"].tolist()


def test_chunked_multi_process_run_equals_one_process(make_corpus, tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl"
    _file_rows(make_corpus()).to_json(path, orient="records", lines=True)
    options = {"measures": True, "column_map": {"text": "body"}, "chunk_size": 1}
    one = load_corpus(path, jobs=1, progress=False, **options)
    two = load_corpus(path, jobs=2, progress=False, **options)
    for part in ("documents", "sentences", "audit"):
        pd.testing.assert_frame_equal(getattr(one, part), getattr(two, part))


def test_a_file_run_on_workers_warms_the_work_up_first(
    make_corpus, tmp_path: Path, monkeypatch
) -> None:
    from analysis.measure import warmup

    warmed: list[tuple[bool, int | None]] = []
    monkeypatch.setattr(warmup, "warm_up", lambda fn, quality, jobs: warmed.append((quality, jobs)))
    path = tmp_path / "export.jsonl"
    _file_rows(make_corpus()).to_json(path, orient="records", lines=True)
    options = {"column_map": {"text": "body"}, "progress": False}
    load_corpus(path, jobs=1, chunk_size=1, **options)  # one process: nothing to fork
    load_corpus(path, jobs=2, chunk_size=10_000, **options)  # one chunk: run in this process
    assert warmed == []
    load_corpus(path, jobs=2, chunk_size=1, **options)
    assert warmed == [(False, 2)]  # the two processes warm up, each its own caches


def test_documents_left_empty_by_cleaning_are_dropped_from_a_file(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    pd.DataFrame(
        {"text": ["Ports reopened on Monday after the strike.", "Menu\nSearch"], "outlet": "X"}
    ).to_csv(path, index=False)
    with pytest.warns(UserWarning, match="1 document") as caught:
        corpus = load_corpus(path, progress=False)
    assert corpus.documents["doc_id"].tolist() == ["doc00000001"]
    message = str(caught[0].message)
    assert "doc00000002 (cleaning removed every line: site_chrome ×2)" in message, message


def test_rows_skipped_for_empty_text_are_said_when_a_file_is_loaded(tmp_path: Path) -> None:
    # `process` said "8 rows skipped for empty text"; `run` (which loads the file) said nothing
    path = tmp_path / "export.csv"
    pd.DataFrame(
        {"text": ["Ports reopened on Monday.", "", "Prices fell on Tuesday."], "outlet": "X"}
    ).to_csv(path, index=False)
    # the row as a spreadsheet numbers it, the header being row 1 (a tester looked one too high)
    with pytest.warns(UserWarning, match=r"export\.csv: 1 row without text \(sheet row 3\)"):
        corpus = load_corpus(path, progress=False)
    assert len(corpus.documents) == 2


def test_rows_and_documents_left_out_are_in_the_cleaning_audit(tmp_path: Path) -> None:
    # "every removal is in the audit": a tester's 7 empty rows were said in a warning only
    path = tmp_path / "export.csv"
    pd.DataFrame(
        {
            "doc_id": ["a1", "a2", "a3", "a4"],
            "text": ["Ports reopened on Monday.", "", "Menu\nSearch", "Prices fell on Tuesday."],
            "outlet": "X",
        }
    ).to_csv(path, index=False)
    with pytest.warns(UserWarning):
        corpus = load_corpus(path, progress=False)
    assert corpus.documents["doc_id"].tolist() == ["a1", "a4"]
    left = corpus.audit[corpus.audit["action"] == "document_left_out"]
    assert left[["doc_id", "line_no", "rule"]].values.tolist() == [
        ["a2", 3, "empty_text"],
        ["a3", 0, "no_text_left"],
    ]
    assert left["original"].iloc[0] == "export.csv, sheet row 3: no text"


def test_empty_reasons_name_the_page_problem_first() -> None:
    from analysis.loading import _empty_reasons

    empty = pd.DataFrame({"doc_id": ["a", "b", "c"], "extraction_problem": ["no body", "", ""]})
    audit = pd.DataFrame(
        {
            "doc_id": ["b", "b", "b"],
            "rule": ["site_chrome", "repeated_line", "site_chrome"],
            "action": ["removed", "removed", "removed"],
        }
    )
    assert _empty_reasons(empty, audit) == [
        "a (no article found in the page: no body)",
        "b (cleaning removed every line: site_chrome ×2, repeated_line ×1)",
        "c (the text is empty)",
    ]


def test_a_column_map_is_refused_for_a_folder(make_corpus) -> None:
    with pytest.raises(ValueError, match="not a folder"):
        load_corpus(make_corpus(), column_map="text=body")


def test_a_relative_path_that_exists_is_read_without_a_warning(
    make_corpus, monkeypatch, recwarn
) -> None:
    folder = make_corpus()
    monkeypatch.chdir(folder.parent)
    corpus = load_corpus(folder.name)
    assert len(corpus.documents) > 0
    assert not [w for w in recwarn if "project root" in str(w.message)]


def test_a_missing_source_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="corpus not found"):
        load_corpus(tmp_path / "nowhere")


def test_relative_paths_fall_back_to_the_project_root(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)  # no seeds/ here
    moved = r"corpus seeds: no such file or folder from .*project root"
    with pytest.warns(UserWarning, match=moved):
        from_root = load_corpus("seeds")
    assert len(from_root.documents) == 5
    pd.testing.assert_frame_equal(from_root.documents, load_corpus().documents)


def test_seeds_load_with_expected_metadata() -> None:
    docs = load_corpus().documents
    assert len(docs) == 5
    by_id = docs.set_index("doc_id")
    assert by_id.loc["toutiao-01", "url"].startswith("https://www.toutiao.com/")
    assert not by_id["text"].str.contains("Original article:").any()
    assert (by_id["n_sentences"] > 10).all()


def test_outlets_spelled_two_ways_are_warned_about_and_kept_apart(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    pd.DataFrame(
        {
            "text": [f"Ports reopened on day {k} after the strike ended." for k in range(4)],
            "outlet": ["Reuters", "reuters", "Reuters", "AP"],
        }
    ).to_csv(path, index=False)
    with pytest.warns(UserWarning, match=r"'Reuters' \(2 articles\) and 'reuters' \(1\)"):
        corpus = load_corpus(path, progress=False)
    assert sorted(corpus.documents["outlet"]) == ["AP", "Reuters", "Reuters", "reuters"]


def test_a_file_without_a_language_column_has_its_language_guessed_and_warned(
    tmp_path: Path,
) -> None:
    """An export without a language column is not taken for English: each document's language
    is guessed, and documents in another language are warned about and flagged."""
    path = tmp_path / "export.csv"
    german = (
        "Der Stadtrat hat am Montag den Haushalt nach einer langen Debatte beschlossen, und die "
        "Kritiker sagten, der Plan werde den Nahverkehr schwer beschädigen. "
    )
    english = (
        "The council approved the budget on Monday after a long debate, and critics said the "
        "plan would badly damage public transport in the city. "
    )
    pd.DataFrame({"text": [german * 3, english * 3], "outlet": ["Spiegel", "Herald"]}).to_csv(
        path, index=False
    )
    with pytest.warns(UserWarning, match=r"1 of 2 documents are not in English .*de \(1\)"):
        corpus = load_corpus(path, progress=False)
    docs = corpus.documents.set_index("outlet")
    assert docs.loc["Spiegel", "language"] == "de"
    assert docs.loc["Herald", "language"] == "en"
    assert "language" in docs.loc["Spiegel", "quality_flags"]


def test_origins_spelled_two_ways_are_warned_about_too(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    pd.DataFrame(
        {
            "text": [f"Ports reopened on day {k} after the strike ended." for k in range(3)],
            "outlet": ["A", "B", "C"],
            "origin": ["UK", "uk", "US"],
        }
    ).to_csv(path, index=False)
    with pytest.warns(UserWarning, match=r"origin values that differ only .*'UK' \(1 article\)"):
        load_corpus(path, progress=False)


def test_a_cached_corpus_says_again_what_reading_it_warned_about(tmp_path: Path) -> None:
    """A run whose notebooks read the corpus from the cache must not look cleaner than the
    first: the warnings of the reading are kept with the entry and said again, once each."""
    path = tmp_path / "export.csv"
    rows = "".join(
        f"Caf\xe9 owners on day {k} said the heat was brutal, and sales fell.,X\n" for k in range(3)
    )
    path.write_bytes(("text,outlet\n" + rows).encode("cp1252"))
    cache = tmp_path / "cache"
    for _ in range(2):
        with pytest.warns(UserWarning) as caught:
            corpus = load_corpus(path, progress=False, cache_dir=cache)
        said = [str(w.message) for w in caught if "cp1252" in str(w.message)]
        assert len(said) == 1, said
    assert corpus.documents["text"].str.contains("Café").all()


def test_reading_warnings_point_at_the_line_that_loaded_the_corpus(tmp_path: Path) -> None:
    """In a notebook, a warning shows the file and line it names: the user's cell, not a line
    of this package's reader (where the file's encoding or columns were found out)."""
    path = tmp_path / "export.csv"
    rows = "".join(
        f"Caf\xe9 owners on day {k} said the heat was brutal.,https://www.cnn.com/{k}\n"
        for k in range(3)
    )
    path.write_bytes(("text,url\n" + rows).encode("cp1252"))
    cache = tmp_path / "cache"
    for _ in range(2):  # read, then from the cache
        with pytest.warns(UserWarning) as caught:
            load_corpus(path, progress=False, cache_dir=cache)
        reading = [w for w in caught if "cp1252" in str(w.message) or "site" in str(w.message)]
        assert len(reading) == 2
        assert {Path(w.filename).name for w in reading} == {Path(__file__).name}


def test_published_dates_not_written_as_iso_dates_are_warned_about_once(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    pd.DataFrame(
        {
            "text": ["Ports reopened.", "Prices fell.", "Talks resumed.", "Fares rose."],
            "outlet": "X",
            "published": ["2025-03-11", "3/7/2024", "n.d.", "2025-03"],
        }
    ).to_csv(path, index=False)
    with pytest.warns(UserWarning, match="published date not written as YYYY-MM-DD") as caught:
        corpus = load_corpus(path, progress=False)
    said = [str(w.message) for w in caught if "YYYY-MM-DD" in str(w.message)]
    assert len(said) == 1
    assert said[0].startswith("2 article(s)") and "doc00000002 '3/7/2024'" in said[0]
    assert corpus.documents["published"].tolist()[1] == "3/7/2024"  # 3 July or 7 March: as written
    # each one findable in documents.csv (the warning names only the first three)
    notes = corpus.documents["date_note"].tolist()
    assert notes[1] == notes[2] == "Kept as written: not read as one day (write it as YYYY-MM-DD)."
    assert notes[0] == notes[3] == ""


def test_a_date_of_one_day_is_written_as_iso_and_said(tmp_path: Path) -> None:
    # a tester's export had "February 16, 2017" and "30/09/2018": kept as text, not as days
    path = tmp_path / "export.csv"
    pd.DataFrame(
        {"text": ["Ports reopened.", "Prices fell."], "outlet": "X",
         "published": ["February 16, 2017", "30/09/2018"]}
    ).to_csv(path, index=False)  # fmt: skip
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = load_corpus(path, progress=False)
    assert not [w for w in caught if "YYYY-MM-DD" in str(w.message)]
    assert corpus.documents["published"].tolist() == ["2017-02-16", "2018-09-30"]
    assert corpus.documents["date_note"].iloc[0] == (
        "Written 'February 16, 2017' in the corpus; read as 2017-02-16."
    )
    assert (corpus.audit["rule"] == "date_iso").sum() == 2


def test_ambiguous_dates_are_read_in_the_order_of_the_corpus_other_dates(tmp_path: Path) -> None:
    # a tester's European export: "03/04/2018" beside "30/09/2018" was left for her to rewrite
    path = tmp_path / "export.csv"
    pd.DataFrame(
        {"text": ["Ports reopened.", "Prices fell."], "outlet": "X",
         "published": ["30/09/2018", "03/04/2018"]}
    ).to_csv(path, index=False)  # fmt: skip
    with pytest.warns(UserWarning, match=r"were read day first") as caught:
        corpus = load_corpus(path, progress=False)
    assert not [w for w in caught if "YYYY-MM-DD (" in str(w.message)]
    assert corpus.documents["published"].tolist() == ["2018-09-30", "2018-04-03"]
    assert corpus.audit.loc[corpus.audit["rule"] == "date_order", "doc_id"].tolist() == [
        "doc00000002"
    ]


def test_an_iso_date_and_time_is_a_date_that_sorts(tmp_path: Path) -> None:
    # a tester's export of a news API's "2019-09-28T00:00:00Z" was warned about as unsortable
    import warnings

    path = tmp_path / "export.csv"
    published = ["2019-09-28T00:00:00Z", "2019-09-28 10:05", "2019-09-29T10:05:00.123+02:00"]
    pd.DataFrame(
        {"text": ["Ports reopened.", "Prices fell.", "Talks resumed."], "outlet": "X",
         "published": published}
    ).to_csv(path, index=False)  # fmt: skip
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        load_corpus(path, progress=False)
    assert not [w for w in caught if "YYYY-MM-DD" in str(w.message)]


def test_a_near_copy_of_an_article_is_warned_about(tmp_path: Path) -> None:
    # a tester's page pasted twice was flagged only in documents.csv and the limitations,
    # while the tone section counted its sentences twice
    story = " ".join(
        f"Officials in district {k} said the port would reopen on Monday after the strike."
        for k in range(12)
    )
    path = tmp_path / "export.csv"
    pd.DataFrame(
        {
            "doc_id": ["a1", "a2", "a3"],
            "text": [story, "Prices fell on Tuesday, traders in the capital said.", story],
            "outlet": ["X", "Y", "X"],
        }
    ).to_csv(path, index=False)
    with pytest.warns(UserWarning, match=r"1 article\(s\) are near-copies of another "
                      r"\(a3 of a1: each names its story's original, the one `-p duplicates drop` "
                      r"keeps\), kept with `-p duplicates flag`"):  # fmt: skip
        corpus = load_corpus(path, progress=False)
    assert len(corpus.documents) == 3
    with warnings.catch_warnings(record=True) as said:
        warnings.simplefilter("always")
        dropped = load_corpus(path, progress=False, duplicates="drop")
    assert dropped.documents["doc_id"].tolist() == ["a1", "a2"]
    assert not any("near-copies" in str(w.message) for w in said)  # dropped: nothing counts twice
    # each copy left out is in the audit: a tester's 52 dropped copies were said nowhere
    left = dropped.audit[dropped.audit["rule"] == "near_duplicate"]
    assert left[["doc_id", "original", "action"]].values.tolist() == [
        ["a3", "a near-duplicate of a1 (containment 1.00)", "document_left_out"]
    ]
    assert "near_duplicate" not in set(corpus.audit["rule"])  # kept and flagged: not left out


def test_an_outlet_whose_articles_are_all_copies_is_named_when_they_are_dropped(
    tmp_path: Path,
) -> None:
    # a tester's second outlet, all copies of the first's, vanished from a one-outlet report
    story = " ".join(
        f"Officials in district {k} said the port would reopen on Monday after the strike."
        for k in range(12)
    )
    path = tmp_path / "export.csv"
    pd.DataFrame(
        {"doc_id": ["a1", "b1"], "text": [story, story], "outlet": ["Alpha", "Beta"]}
    ).to_csv(path, index=False)
    with pytest.warns(UserWarning, match=r"no article of 'Beta' is left to compare"):
        dropped = load_corpus(path, progress=False, duplicates="drop")
    assert dropped.documents["outlet"].tolist() == ["Alpha"]


OTHER_ENGLISH = "Prices fell on Tuesday, traders in the capital said."


def test_articles_not_in_english_can_be_left_out_each_in_the_audit(tmp_path: Path) -> None:
    # a tester's export held one German article among Reuters' six; it could be left out only
    # by editing the export, so the group's tone moved with a text VADER cannot read
    english = "Officials said the port would reopen on Monday after the long strike ended."
    german = (
        "Die Regierung hat am Montag angekündigt, dass der Hafen nach dem langen Streik wieder "
        "geöffnet wird, und die Gewerkschaft sprach von einem guten Ergebnis für die Arbeiter."
    )
    path = tmp_path / "export.csv"
    pd.DataFrame(
        {"doc_id": ["e1", "g1", "e2"], "text": [english, german, OTHER_ENGLISH],
         "outlet": ["X", "X", "Y"], "language": ["en", "", "en"]}
    ).to_csv(path, index=False)  # fmt: skip
    with pytest.warns(UserWarning, match=r"leave them out with `-p other_languages drop`"):
        kept = load_corpus(path, progress=False)
    assert kept.documents["doc_id"].tolist() == ["e1", "g1", "e2"]
    assert "other_language" not in set(kept.audit["rule"])
    with warnings.catch_warnings(record=True) as said:
        warnings.simplefilter("always")
        dropped = load_corpus(path, progress=False, other_languages="drop")
    assert dropped.documents["doc_id"].tolist() == ["e1", "e2"]
    assert "g1" not in set(dropped.sentences["doc_id"])
    messages = [str(w.message) for w in said]
    assert not any("are not in English by their" in m for m in messages)
    # what was dropped is said, by outlet (a retester's all-German outlet vanished unsaid)
    assert any(
        m.startswith("-p other_languages drop left out 1 article(s) not in English (X 1;")
        for m in messages
    )
    left = dropped.audit[dropped.audit["rule"] == "other_language"]
    assert left[["doc_id", "original", "action"]].values.tolist() == [
        ["g1", "not in English (language de)", "document_left_out"]
    ]
    # kept for --outlets to explain an outlet it empties (a retester's "not in the corpus")
    assert dropped.left_out.values.tolist() == [["g1", "X", "-p other_languages drop"]]
    assert kept.left_out.empty
    with pytest.raises(ValueError, match="other_languages must be one of"):
        load_corpus(path, progress=False, other_languages="remove")


def test_how_a_file_was_read_is_said_when_it_was_read_otherwise(tmp_path: Path) -> None:
    # a tester's `run` on a semicolon export said nothing of how it read it; `process` did
    path = tmp_path / "export.csv"
    path.write_text(
        "text;outlet;Desk\nPorts reopened on Monday.;X;metro\nPrices fell.;Y;metro\n",
        encoding="utf-8",
    )
    with pytest.warns(UserWarning) as caught:
        load_corpus(path, progress=False)
    said = [str(w.message) for w in caught if "how the corpus file was read" in str(w.message)]
    assert len(said) == 1 and "read as semicolon-separated" in said[0]
    plain = tmp_path / "plain.csv"
    plain.write_text("text,outlet\nPorts reopened on Monday.,X\n", encoding="utf-8")
    with warnings.catch_warnings(record=True) as quiet:
        warnings.simplefilter("always")
        load_corpus(plain, progress=False)
    assert not [w for w in quiet if "how the corpus file was read" in str(w.message)]


def test_a_row_repeated_exactly_with_its_id_is_left_out_and_said(tmp_path: Path) -> None:
    # a tester's export had 40 rows repeated byte for byte, with their ids: the run stopped at
    # the first ("doc_id 'A00631' appears twice") and her only way on was to drop her ids
    path = tmp_path / "export.csv"
    path.write_text(
        "id,text,outlet\nA1,Ports reopened on Monday.,X\nA2,Prices fell.,Y\n"
        "A1,Ports reopened on Monday.,X\n",
        encoding="utf-8",
    )
    with pytest.warns(UserWarning, match=r"1 row left out as exact repeats .*'A1', sheet row 4"):
        corpus = load_corpus(path, column_map="doc_id=id", progress=False)
    assert corpus.documents["doc_id"].tolist() == ["A1", "A2"]
    audit = corpus.audit[corpus.audit["rule"] == "duplicate_row"]
    assert audit["doc_id"].tolist() == ["A1"]
    assert audit["original"].tolist() == ["export.csv, sheet row 4: the same as sheet row 2"]
    other = tmp_path / "other.csv"
    other.write_text(
        "id,text,outlet\nA1,Ports reopened on Monday.,X\nA1,Ports closed on Monday.,X\n",
        encoding="utf-8",
    )
    with pytest.raises(CorpusFileError, match=r"appears twice.*with another text"):
        load_corpus(other, column_map="doc_id=id", progress=False)


def test_an_outlet_left_without_articles_by_other_languages_drop_is_named() -> None:
    from analysis.loading import _dropped_languages_warning

    dropped = pd.DataFrame({"doc_id": ["d1", "d2"], "outlet": ["FAZ", "X"]})
    kept = pd.DataFrame({"doc_id": ["e1"], "outlet": ["X"]})
    said = _dropped_languages_warning(dropped, kept)
    assert "(FAZ 1, X 1;" in said and said.endswith("no article of 'FAZ' is left to compare")
