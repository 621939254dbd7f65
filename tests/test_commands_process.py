"""``python -m analysis process``: a corpus file in, Parquet tables and run.json out."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pandas as pd
import pytest

from analysis.cli import main
from analysis.measure import engine

ARTICLES = pd.DataFrame(
    {
        "id": ["p1", "p2", "p3", "p4"],
        "body": [
            "Ministers agreed to pause grain tariffs. Farmers welcomed the pause.",
            "",
            "Critics said the pause is fragile. Exporters expect delays.",
            "Prices of grain rose 4% on Tuesday.",
        ],
        "source": ["Harbour Herald", "Harbour Herald", "Valley Courier", "Valley Courier"],
    }
)


@pytest.fixture
def light_work(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run the command with the engine's light chunk function (the plumbing is under test)."""
    monkeypatch.setattr(engine, "default_chunk_function", lambda: engine.split_chunk)


@pytest.fixture
def corpus_csv(tmp_path: Path) -> Path:
    path = tmp_path / "export.csv"
    ARTICLES.to_csv(path, index=False)
    return path


def run(*argv: str | Path) -> int:
    return main(["process", *map(str, argv), "--no-progress", "--jobs", "1"])


@pytest.mark.usefixtures("light_work")
def test_csv_with_mapped_columns_end_to_end(
    corpus_csv: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "results"
    code = run(corpus_csv, "--out", out, "--map", "text=body,outlet=source,doc_id=id")
    assert code == 0
    sentences = pd.read_parquet(out / "sentences.parquet")
    documents = pd.read_parquet(out / "documents.parquet")
    assert documents["doc_id"].tolist() == ["p1", "p3", "p4"]
    assert sentences.groupby("doc_id").size().to_dict() == {"p1": 2, "p3": 2, "p4": 1}
    info = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert info["read"]["n_empty_skipped"] == 1 and info["read"]["empty_rows"] == [3]
    assert info["run"]["n_docs"] == 3
    printed = capsys.readouterr().out
    assert "1 row without text (sheet row " in printed
    assert not list(tmp_path.glob(".results.tmp-*"))


@pytest.mark.usefixtures("light_work")
def test_missing_text_column_is_a_clear_error(
    corpus_csv: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "results"
    assert run(corpus_csv, "--out", out) == 2
    err = capsys.readouterr().err
    assert "no 'text' column" in err and "--map text=COLUMN" in err
    assert not out.exists()
    assert not list(tmp_path.glob(".results.tmp-*"))


@pytest.mark.usefixtures("light_work")
def test_duplicated_ids_fail_and_leave_no_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "dup.jsonl"
    ARTICLES.assign(id=["p1", "p2", "p3", "p1"]).rename(
        columns={"body": "text", "source": "outlet", "id": "doc_id"}
    ).to_json(path, orient="records", lines=True)
    out = tmp_path / "results"
    assert run(path, "--out", out, "--chunk-size", "2") == 2
    assert "doc_id 'p1' appears twice" in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.usefixtures("light_work")
def test_non_empty_out_needs_force(
    corpus_csv: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "results"
    out.mkdir()
    (out / "old.txt").write_text("keep me", encoding="utf-8")
    mapping = "text=body,outlet=source"
    assert run(corpus_csv, "--out", out, "--map", mapping) == 2
    assert "--force" in capsys.readouterr().err
    assert (out / "old.txt").exists()
    for name in ("b.csv", "c.csv", "d.csv"):
        (out / "sub").mkdir(exist_ok=True)
        (out / "sub" / name).write_text("x\n", encoding="utf-8")
    assert run(corpus_csv, "--out", out, "--map", mapping) == 2
    err = capsys.readouterr().err  # named, at most three, as `run` names them
    assert f"--out {out} holds files" in err and "(old.txt, sub/b.csv, sub/c.csv and 1 more)" in err
    assert "choose an empty folder, or pass --force" in err
    (out / "run.json").write_text("my notes", encoding="utf-8")  # an output's name
    assert run(corpus_csv, "--out", out, "--map", mapping, "--force") == 0
    assert (out / "old.txt").read_text() == "keep me"  # --force never deletes others' files
    assert (out / "sentences.parquet").exists()
    assert (out / "run.yours.json").read_text(encoding="utf-8") == "my notes"
    assert "kept your" in capsys.readouterr().err


@pytest.mark.usefixtures("light_work")
def test_missing_input_and_bad_chunk_size(tmp_path: Path) -> None:
    assert run(tmp_path / "absent.csv", "--out", tmp_path / "o") == 2
    (tmp_path / "c.csv").write_text("text,outlet\nA sentence.,X\n", encoding="utf-8")
    assert run(tmp_path / "c.csv", "--out", tmp_path / "o", "--chunk-size", "0") == 2


@pytest.mark.usefixtures("light_work")
def test_a_file_of_only_empty_texts_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "blank.csv"
    path.write_text('text,outlet\n"",X\n"  ",Y\n', encoding="utf-8")
    assert run(path, "--out", tmp_path / "o") == 2
    assert "no documents with text" in capsys.readouterr().err


def test_documents_cleaning_left_without_text_are_counted_and_warned_about(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # `process` gave 3,309 documents where `run` gave 3,290 and said why; process said nothing
    texts = ["Advertisement", "Prices of grain rose 4% on Tuesday, traders said.", "Share"]
    path = tmp_path / "feed.csv"
    frame = pd.DataFrame({"doc_id": ["e1", "n1", "e2"], "outlet": ["A", "B", "A"], "text": texts})
    frame.to_csv(path, index=False)
    assert run(path, "--out", tmp_path / "o") == 0
    info = json.loads((tmp_path / "o" / "run.json").read_text(encoding="utf-8"))
    assert info["emptied"] == {"documents": 2, "first": ["e1", "e2"]}
    err = capsys.readouterr().err
    assert "2 document(s) have no text left after cleaning (e1, e2)" in err
    docs = pd.read_parquet(tmp_path / "o" / "documents.parquet")
    assert docs.loc[docs["doc_id"] == "e1", "n_sentences"].tolist() == [0]


@pytest.mark.slow
def test_full_per_sentence_work_on_a_tiny_file(corpus_csv: Path, tmp_path: Path) -> None:
    """With the real chunk function: every measure column arrives in sentences.parquet."""
    out = tmp_path / "full"
    assert run(corpus_csv, "--out", out, "--map", "text=body,outlet=source,doc_id=id") == 0
    sentences = pd.read_parquet(out / "sentences.parquet")
    assert {"doc_id", "sentence_id", "sentence", "compound"} <= set(sentences.columns)
    assert set(sentences["doc_id"]) == {"p1", "p3", "p4"}
    assert (out / "cleaning_audit.parquet").exists()


@pytest.mark.slow
def test_articles_cut_short_are_counted_and_warned_about(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """NewsAPI's "… [+N chars]" and a feed's "[…]": counted in run.json and warned, as loading
    warns for ``run``."""
    texts = [
        "Ministers agreed to pause grain tariffs on Monday and farmers welcomed the… [+2712 chars]",
        "Critics said the pause is fragile and exporters expect delays at the port [&#8230;]",
        "Prices of grain rose 4% on Tuesday, traders said.",
    ]
    path = tmp_path / "feed.csv"
    pd.DataFrame({"doc_id": ["n1", "n2", "n3"], "outlet": ["A", "B", "A"], "text": texts}).to_csv(
        path, index=False
    )
    assert run(path, "--out", tmp_path / "o") == 0
    info = json.loads((tmp_path / "o" / "run.json").read_text(encoding="utf-8"))
    assert info["cut_short"] == {"documents": 2, "first": ["n1", "n2"]}
    assert "2 of 3 documents end with the mark of a text cut short" in capsys.readouterr().err
    plain = tmp_path / "plain.csv"
    pd.DataFrame({"doc_id": ["n3"], "outlet": ["A"], "text": texts[2:]}).to_csv(plain, index=False)
    assert run(plain, "--out", tmp_path / "p") == 0
    info = json.loads((tmp_path / "p" / "run.json").read_text(encoding="utf-8"))
    assert info["cut_short"] == {"documents": 0, "first": []}
    assert "cut short" not in capsys.readouterr().err


@pytest.mark.slow
@pytest.mark.usefixtures("light_work")
@pytest.mark.skipif(
    not all(importlib.util.find_spec(m) for m in ("dask", "distributed")),
    reason="the dask engine is an optional extra: pip install 'newsframe-analysis[dask]'",
)
def test_dask_engine_writes_the_same_tables(corpus_csv: Path, tmp_path: Path) -> None:
    mapping = "text=body,outlet=source,doc_id=id"
    common = ["--map", mapping, "--chunk-size", "2", "--no-progress"]
    assert main(["process", str(corpus_csv), "--out", str(tmp_path / "l"), *common]) == 0
    dask_args = ["--engine", "dask", "--jobs", "2"]
    assert (
        main(["process", str(corpus_csv), "--out", str(tmp_path / "d"), *common, *dask_args]) == 0
    )
    for name in ("sentences.parquet", "documents.parquet"):
        pd.testing.assert_frame_equal(
            pd.read_parquet(tmp_path / "l" / name), pd.read_parquet(tmp_path / "d" / name)
        )
    info = json.loads((tmp_path / "d" / "run.json").read_text(encoding="utf-8"))
    assert info["run"]["engine"] == "dask" and info["run"]["jobs"] == 2
    assert info["cut_short"] == {"documents": 0, "first": []}


def test_a_file_of_several_chunks_without_an_actor_list_has_no_actor_columns(
    corpus_csv: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Actors discovered per chunk would give each chunk other columns; without a list, none."""
    out = tmp_path / "results"
    args = ["--out", out, "--map", "text=body,outlet=source,doc_id=id", "--chunk-size", "1"]
    assert run(corpus_csv, *args) == 0
    assert "no actor list" in capsys.readouterr().err
    sentences = pd.read_parquet(out / "sentences.parquet")
    assert not [c for c in sentences.columns if c.startswith("actor_")]
    assert sentences["doc_id"].nunique() == 3 and "frame_conflict" in sentences.columns
    actors = tmp_path / "actors.toml"
    actors.write_text(
        '[[actor]]\nkey = "farmers"\nlabel = "Farmers"\nside = "other"\nnote = "made up"\n'
        'patterns = ["Farmers"]\n',
        encoding="utf-8",
    )
    assert run(corpus_csv, *args, "--actors", actors, "--force") == 0
    with_list = pd.read_parquet(out / "sentences.parquet")
    assert with_list["actor_farmers"].sum() == 1
    (tmp_path / "bad.toml").write_text("[[actor]]\nkey = 1\n", encoding="utf-8")
    assert run(corpus_csv, *args, "--actors", tmp_path / "bad.toml", "--force") == 2
    assert "bad.toml" in capsys.readouterr().err


def _with_copy(tmp_path: Path) -> Path:
    story = " ".join(
        f"Sentence {i} says the grain tariffs were paused for a year." for i in range(9)
    )
    path = tmp_path / "copies.csv"
    pd.DataFrame(
        {
            "text": [story, "Critics said the pause is fragile. Exporters expect delays.", story],
            "outlet": ["Harbour Herald", "Valley Courier", "Valley Courier"],
            "doc_id": ["orig", "other", "copy"],
        }
    ).to_csv(path, index=False)
    return path


def test_documents_carry_the_quality_flags(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "results"
    assert run(_with_copy(tmp_path), "--out", out) == 0
    documents = pd.read_parquet(out / "documents.parquet").set_index("doc_id")
    assert documents.loc["copy", "duplicate_of"] == "orig"
    assert "duplicate" in documents.loc["copy", "quality_flags"]
    assert "short" in documents.loc["other", "quality_flags"]
    assert "text" in documents.columns
    info = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert info["quality"]["flags"]["duplicate"] == 1 and info["quality"]["documents"] == 3
    assert "quality flags: " in capsys.readouterr().out


def test_no_text_keeps_the_flags_and_no_quality_skips_them(tmp_path: Path) -> None:
    corpus = _with_copy(tmp_path)
    assert run(corpus, "--out", tmp_path / "a", "--no-text") == 0
    documents = pd.read_parquet(tmp_path / "a" / "documents.parquet")
    assert "text" not in documents.columns
    assert documents.set_index("doc_id").loc["copy", "duplicate_of"] == "orig"
    assert run(corpus, "--out", tmp_path / "b", "--no-quality", "--no-text") == 0
    documents = pd.read_parquet(tmp_path / "b" / "documents.parquet")
    assert "quality_flags" not in documents.columns and "text" not in documents.columns
    info = json.loads((tmp_path / "b" / "run.json").read_text(encoding="utf-8"))
    assert info["quality"] is None


def test_help_names_every_kind_of_corpus_file(capsys: pytest.CaptureFixture[str]) -> None:
    # a tester read `process --help` and took it that workbooks were not read
    with pytest.raises(SystemExit):
        main(["process", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    description = text.split("positional arguments")[0]
    for kind in ("CSV/TSV", "JSON Lines", "Parquet", ".xlsx/.xls/.ods", "a folder of such files"):
        assert kind in description, kind


@pytest.mark.usefixtures("light_work")
def test_ctrl_c_says_truthfully_whether_the_outputs_are_complete(
    corpus_csv: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A tester's Ctrl-C at the very end exited 130, "interrupted", after the outputs had been
    written in full; one before the swap must still say that nothing was written."""
    import signal

    from analysis.commands import process
    from analysis.corpus import exports
    from analysis.measure import document_quality

    mapping = ("--map", "text=body,outlet=source,doc_id=id")
    before = tmp_path / "before"

    def stopped(*args: object, **kwargs: object) -> list[str]:
        raise KeyboardInterrupt

    with monkeypatch.context() as patch:  # before the swap: nothing written, exit 130
        patch.setattr(exports, "truncated_documents_in_parquet", stopped)
        assert run(corpus_csv, "--out", before, *mapping) == 130
    err = capsys.readouterr().err
    assert f"nothing of it was written to {before}" in err and not before.exists()

    during = tmp_path / "during"
    real_replace = process._replace_outputs

    def ctrl_c_during_the_swap(tmp: Path, out: Path) -> None:
        real_replace(tmp, out)
        signal.raise_signal(signal.SIGINT)  # as a real Ctrl-C arrives: a signal

    with monkeypatch.context() as patch:
        patch.setattr(process, "_replace_outputs", ctrl_c_during_the_swap)
        assert run(corpus_csv, "--out", during, *mapping) == 0
    err = capsys.readouterr().err
    assert f"{during} holds this run's outputs, complete" in err
    assert len(pd.read_parquet(during / "documents.parquet")) == 3

    after = tmp_path / "after"
    with monkeypatch.context() as patch:  # while the summary is printed
        patch.setattr(document_quality, "quality_line", stopped)
        assert run(corpus_csv, "--out", after, *mapping) == 0
    err = capsys.readouterr().err
    assert f"interrupted after the outputs were written: {after} holds" in err
    assert (after / "run.json").is_file() and (after / "sentences.parquet").is_file()


@pytest.mark.slow
def test_the_command_imports_nltk_without_scipy_or_sklearn(
    corpus_csv: Path, tmp_path: Path
) -> None:
    """``import nltk`` imports SciPy and scikit-learn, about 0.8 s of CPU of a run's start,
    which the per-document work never uses: the command imports NLTK without them, as ``run``
    and the engine's workers do."""
    import subprocess
    import sys

    argv = [str(corpus_csv), "--out", str(tmp_path / "out"), "--map", "text=body,outlet=source"]
    code = (
        "import sys\n"
        "from analysis.cli import main\n"
        f"code = main(['process', *{argv!r}, '--jobs', '1', '--no-progress'])\n"
        "print('RESULT', code, 'scipy' in sys.modules, 'sklearn' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=300
    )
    assert done.stdout.splitlines()[-1].split() == ["RESULT", "0", "False", "False"]
