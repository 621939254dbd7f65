"""The command line: every command explains itself, and the corpus step writes its tables."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis.cli import BENCHMARKS, COMMANDS, build_parser, main


@pytest.mark.parametrize(
    "argv",
    [[], *[[name] for name in COMMANDS], *[["bench", name] for name in BENCHMARKS]],
)
def test_every_command_has_help(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main([*argv, "--help"])
    assert raised.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: python -m analysis")
    if argv:  # a command's help carries its module's description
        assert len(out.splitlines()) > 5


def test_unknown_command_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["frobnicate"])
    assert raised.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_full_parser_knows_every_command() -> None:
    parser = build_parser()
    args = parser.parse_args(["corpus", "--out", "x"])
    assert args._module.__name__ == "analysis.commands.corpus"


def test_corpus_command_writes_the_three_tables(make_corpus, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["corpus", "--corpus", str(make_corpus()), "--out", str(out)]) == 0
    tables = out / "reports" / "tables"
    docs = pd.read_csv(tables / "documents.csv")
    sentences = pd.read_csv(tables / "sentences.csv")
    audit = pd.read_csv(tables / "cleaning_audit.csv")
    assert list(docs["doc_id"]) == ["a1", "b1", "c1"]
    assert list(sentences.columns[:4]) == ["doc_id", "outlet", "sentence_id", "sentence"]
    assert {"compound", "compound_news"} <= set(sentences.columns)
    assert sentences.groupby("doc_id")["sentence_id"].max().add(1).tolist() == list(
        docs["n_sentences"]
    )
    assert list(audit.columns[:5]) == ["doc_id", "line_no", "original", "rule", "action"]
    assert "title_line" in set(audit["rule"])


@pytest.mark.parametrize("note", ["Zeile mit € ergänzt", "Title is the first line. " * 8])
def test_corpus_notes_are_written_in_documents_not_sentences(tmp_path: Path, note: str) -> None:
    """The README lists ``notes`` as metadata, but documents.csv had no notes column: a
    tester's "Zeile mit € ergänzt" and the seeds' notes (long: about each article's title)
    were read and written nowhere. They are each article's, not each sentence's."""
    export = tmp_path / "export.csv"
    pd.DataFrame(
        {
            "outlet": ["Post", "Voice"],
            "text": ["Talks resumed.", "Prices rose."],
            "notes": [note, ""],
        }
    ).to_csv(export, index=False)
    out = tmp_path / "out"
    assert main(["corpus", "--corpus", str(export), "--out", str(out)]) == 0
    tables = out / "reports" / "tables"
    docs = pd.read_csv(tables / "documents.csv", keep_default_na=False)
    assert docs["notes"].tolist() == [note, ""]
    assert "notes" not in pd.read_csv(tables / "sentences.csv").columns


def test_corpus_command_takes_a_file_with_a_map_and_keeps_foreign_tables(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = tmp_path / "export.csv"
    pd.DataFrame(
        {"id": ["a", "b"], "source": ["Post", "Voice"], "body": ["Talks resumed.", "Prices rose."]}
    ).to_csv(export, index=False)
    out = tmp_path / "out"
    args = ["corpus", "--corpus", str(export), "--out", str(out)]
    assert main(args) == 2  # no text column: an error line naming --map, not a traceback
    assert "--map text=COLUMN" in capsys.readouterr().err
    mapped = [*args, "--map", "doc_id=id,outlet=source,text=body"]
    assert main(mapped) == 0
    tables = out / "reports" / "tables"
    assert pd.read_csv(tables / "documents.csv")["doc_id"].tolist() == ["a", "b"]
    assert main(mapped) == 0  # its own unchanged tables: replaced
    (tables / "sentences.csv").write_text("my edits\n", encoding="utf-8")
    assert main(mapped) == 2
    assert "sentences.csv: not written by this package" in capsys.readouterr().err
    assert (tables / "sentences.csv").read_text(encoding="utf-8") == "my edits\n"
    assert main([*mapped, "--force"]) == 0
    assert (tables / "sentences.yours.csv").read_text(encoding="utf-8") == "my edits\n"
    assert "kept your" in capsys.readouterr().err
    with pytest.raises(SystemExit):  # --out is required: `run` alone writes the project's
        main(["corpus", "--corpus", str(export)])


def test_corpus_command_reports_a_bad_corpus(
    make_corpus, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = make_corpus(
        files={"a.txt": ""}, manifest=[{"doc_id": "a", "file": "a.txt", "outlet": "X"}]
    )
    assert main(["corpus", "--corpus", str(folder), "--out", str(tmp_path / "o")]) == 2
    assert "a.txt: file is empty" in capsys.readouterr().err
    assert not (tmp_path / "o" / "reports" / "tables" / "documents.csv").exists()


def test_a_command_shows_the_package_warnings_as_one_plain_line(
    make_corpus, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import warnings

    corpus = make_corpus()
    (corpus / "scan.pdf").write_bytes(b"%PDF-1.4")
    out = tmp_path / "out"
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        assert main(["process", str(corpus), "--out", str(out), "--no-progress"]) == 0
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if "scan.pdf" in line]
    assert len(lines) == 1 and lines[0].startswith("warning: ") and "not read" in lines[0]
    assert "UserWarning" not in err and ".py:" not in err
    assert warnings.showwarning.__module__ == "warnings"  # put back after the command


def test_an_argument_a_command_does_not_take_is_refused_with_the_command_s_usage(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "my export.csv").write_text("text,outlet\nOne.,X\n", encoding="utf-8")
    for command in ("corpus", "run"):
        with pytest.raises(SystemExit) as exit_info:
            main([command, "my export.csv", "--out", "out"])
        assert exit_info.value.code == 2
        err = capsys.readouterr().err
        assert f"usage: python -m analysis {command} " in err
        assert (
            f"python -m analysis {command}: error: unrecognized arguments: my export.csv; "
            "a corpus is given with --corpus: --corpus 'my export.csv'"
        ) in err
    with pytest.raises(SystemExit):
        main(["bench", "language", "--persent", ".", "--bogus"])
    err = capsys.readouterr().err
    assert "python -m analysis bench language: error: unrecognized arguments: --bogus" in err
    assert "a corpus is given" not in err
    assert not (tmp_path / "out").exists()  # nothing ran


def test_python_m_analysis_keeps_the_exit_code_and_flushes_everything(make_corpus, tmp_path):
    # __main__ freezes the garbage collector before the interpreter's teardown: the command's
    # output must still arrive whole, its files written, and its exit code be the command's
    import subprocess
    import sys

    out = tmp_path / "tables"
    done = subprocess.run(
        [sys.executable, "-m", "analysis", "corpus", "--corpus", str(make_corpus()),
         "--out", str(out)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    tables = out / "reports" / "tables"
    assert pd.read_csv(tables / "sentences.csv")["doc_id"].tolist()  # whole, parseable
    listed = subprocess.run(
        [sys.executable, "-m", "analysis", "run", "--list-parameters"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert listed.returncode == 0 and listed.stdout.count("\n") > 20
    assert listed.stdout.rstrip().splitlines()[-1].strip()  # the last line, not cut
    refused = subprocess.run(
        [sys.executable, "-m", "analysis", "corpus", "--corpus", str(tmp_path / "missing"),
         "--out", str(tmp_path / "elsewhere")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert refused.returncode == 2 and refused.stderr.startswith("error:")


def test_corpus_command_refuses_an_out_inside_the_corpus(
    make_corpus, tmp_path: Path, capsys
) -> None:
    # `corpus --out CORPUS` put reports/ among the articles, which `run` refuses
    corpus = make_corpus()
    for out in (corpus, corpus / "results"):
        assert main(["corpus", "--corpus", str(corpus), "--out", str(out)]) == 2
        assert "is the corpus folder or lies inside it" in capsys.readouterr().err
    assert not (corpus / "reports").exists() and not (corpus / "results").exists()


def test_the_corpus_command_counts_lines_as_the_summary_does(
    make_corpus, tmp_path: Path, capsys
) -> None:
    # a line changed by two rules was two "lines changed" here and one in the summary
    from analysis.report.facts import line_actions

    text = (
        "Harbour officials in Freedonia agreed on Tuesday to pause new fees .\n"
        "The  mayor  said it 's a good deal , and traders cheered .\n"  # two rules, one line
        "Critics warned that the deal leaves the dispute unresolved for years .\n"
    )
    corpus = make_corpus(
        files={"a.txt": text}, manifest=[{"doc_id": "a", "file": "a.txt", "outlet": "X"}]
    )
    out = tmp_path / "out"
    assert main(["corpus", "--corpus", str(corpus), "--out", str(out)]) == 0
    audit = pd.read_csv(out / "reports" / "tables" / "cleaning_audit.csv")
    assert len(audit) > len(line_actions(audit))  # the case: more rows than lines
    said = capsys.readouterr().out
    for action, n in line_actions(audit).value_counts().items():
        assert f"{n} lines {action}" in said


def test_the_corpus_command_counts_a_page_s_blocks_left_out_apart_from_lines(
    make_corpus, tmp_path: Path, capsys
) -> None:
    # a saved page's blocks that extraction left out are no lines of the text cleaned
    from analysis.report.facts import line_actions

    body = "".join(
        f"<p>Paragraph {k} of the report says the harbour fees were paused after a long debate "
        f"among the traders and the council of the town on Tuesday.</p>"
        for k in range(4)
    )
    html = (
        "<!DOCTYPE html><html><head><title>Fees paused</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article><h1>Fees paused</h1>{body}</article><footer>© Bugle 2026</footer></body></html>"
    )
    corpus = make_corpus(
        files={"a.html": html}, manifest=[{"doc_id": "a", "file": "a.html", "outlet": "X"}]
    )
    out = tmp_path / "out"
    assert main(["corpus", "--corpus", str(corpus), "--out", str(out)]) == 0
    audit = pd.read_csv(out / "reports" / "tables" / "cleaning_audit.csv")
    blocks = int((audit["action"] == "not_extracted").sum())
    assert blocks and "not_extracted" not in set(line_actions(audit))
    said = capsys.readouterr().out
    assert f"; {blocks} blocks of saved pages left out by extraction" in said
    assert "lines not_extracted" not in said
