"""Fault injection on the output folder: the package never destroys files it did not write.

Kills during promotion are simulated by raising at a chosen rename with the roll-back disabled
(what ``kill -9`` leaves); concurrent runs by holding the lock; read-only folders and a full
disk by monkeypatched writes raising the matching ``OSError``.
"""

from __future__ import annotations

import argparse
import errno
import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pandas as pd
import pytest
from papermill.exceptions import PapermillExecutionError
from pipeline_fakes import FakeExecute, run, snapshot, use_fake_execute

from analysis import io, outputs
from analysis.cli import main as cli_main
from analysis.commands import run as run_command
from analysis.measure import engine
from analysis.pipeline import promote

pytestmark = pytest.mark.usefixtures("kernels")


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    run_command.add_arguments(parser)
    return parser.parse_args(argv)


def dead_pid() -> int:
    """The id of a process that has exited."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


# Item 2: run --out keeps the user's files.
def test_run_refuses_a_folder_with_the_users_files_and_force_keeps_them(
    notebooks, corpus, tmp_path, monkeypatch, capsys
):
    out = tmp_path / "out"
    mine = {
        "figures/holiday.png": b"photo",
        "figures/plot.svg": b"<svg/>",
        "reports/tables/survey.csv": b"a\n1\n",
        "reports/notebooks/draft.ipynb": b"{}",
    }
    for rel, data in mine.items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_bytes(data)
    use_fake_execute(monkeypatch, FakeExecute("a"))
    common = ["--notebooks", str(notebooks), "--corpus", str(corpus), "--out", str(out)]
    assert run_command.main(parse([*common, "--no-progress"])) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "did not write" in err and "--force" in err
    assert {k: v for k, v in snapshot(out).items() if k in mine or "/." not in k} == mine
    assert run_command.main(parse([*common, "--no-progress", "--force"])) == 0
    after = snapshot(out)
    assert all(after[rel] == data for rel, data in mine.items())
    assert "figures/01_corpus_a.png" in after
    # a later run replaces only what the package wrote (--rerun: only the fake executor
    # changed, which the run's key cannot see, so an unchanged run would reuse the outputs)
    use_fake_execute(monkeypatch, FakeExecute("b"))
    assert run_command.main(parse([*common, "--no-progress", "--force", "--rerun"])) == 0
    after = snapshot(out)
    assert all(after[rel] == data for rel, data in mine.items())
    assert "figures/01_corpus_a.png" not in after and "figures/01_corpus_b.png" in after
    record = json.loads((out / "reports" / outputs.MANIFEST).read_text())
    assert "figures/01_corpus_b.png" in record["files"]
    assert not set(mine) & set(record["files"])


def test_the_project_checkouts_committed_outputs_count_as_owned(tmp_path, monkeypatch):
    fake_checkout = tmp_path / "checkout"
    (fake_checkout / "figures").mkdir(parents=True)
    (fake_checkout / "pyproject.toml").write_text("")
    (fake_checkout / "figures" / "fig01.svg").write_text("<svg/>")
    (fake_checkout / "figures" / "notes.txt").write_text("mine")
    monkeypatch.setattr(promote, "PACKAGE_DIR", fake_checkout / "analysis")
    assert promote.owned_outputs(fake_checkout) == {"figures/fig01.svg"}
    with pytest.raises(outputs.OutputsError, match=r"figures/notes\.txt"):
        promote.check_outputs(fake_checkout, force=False)
    monkeypatch.setattr(promote, "PACKAGE_DIR", tmp_path / "elsewhere" / "analysis")
    assert promote.owned_outputs(fake_checkout) == set()


# Item 3: process never deletes the input or files it did not write.
@pytest.fixture
def light_work(monkeypatch):
    monkeypatch.setattr(engine, "default_chunk_function", lambda: engine.split_chunk)


def process(*argv) -> int:
    return cli_main(["process", *map(str, argv), "--no-progress", "--jobs", "1"])


@pytest.mark.usefixtures("light_work")
def test_process_refuses_an_out_holding_the_input_even_with_force(tmp_path, capsys):
    folder = tmp_path / "data"
    folder.mkdir()
    raw = folder / "export.csv"
    pd.DataFrame({"text": ["A sentence."], "outlet": ["X"]}).to_csv(raw, index=False)
    before = raw.read_bytes()
    assert process(raw, "--out", folder, "--force") == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "holds the input" in err
    assert raw.read_bytes() == before and sorted(os.listdir(folder)) == ["export.csv"]


@pytest.mark.usefixtures("light_work")
def test_process_refuses_out_dot(tmp_path, monkeypatch, capsys):
    raw = tmp_path / "export.csv"
    pd.DataFrame({"text": ["A sentence."], "outlet": ["X"]}).to_csv(raw, index=False)
    work = tmp_path / "work"
    work.mkdir()
    (work / "thesis.docx").write_bytes(b"years of work")
    monkeypatch.chdir(work)
    assert process(raw, "--out", ".", "--force") == 2
    err = capsys.readouterr().err
    assert err.startswith("error: --out . is the current folder") and err.count("\n") == 1
    assert (work / "thesis.docx").read_bytes() == b"years of work"


@pytest.mark.usefixtures("light_work")
def test_process_force_replaces_only_its_own_outputs(tmp_path):
    raw = tmp_path / "export.csv"
    pd.DataFrame({"text": ["A sentence.", "Two."], "outlet": ["X", "Y"]}).to_csv(raw, index=False)
    out = tmp_path / "results"
    assert process(raw, "--out", out) == 0
    assert process(raw, "--out", out) == 0  # its own unchanged outputs: no --force needed
    (out / "notes.md").write_text("mine")
    assert process(raw, "--out", out) == 2  # a file of someone's: refused
    assert process(raw, "--out", out, "--force") == 0
    assert (out / "notes.md").read_text() == "mine"
    record = json.loads((out / outputs.MANIFEST).read_text())
    assert "run.json" in record["files"] and "notes.md" not in record["files"]


# Item 5: a kill during the swap-in loses nothing; leftovers are restored or cleaned.
def test_a_kill_during_promotion_keeps_old_or_new_and_the_next_run_restores(
    notebooks, corpus, tmp_path, monkeypatch
):
    out = tmp_path / "out"
    use_fake_execute(monkeypatch, FakeExecute("first"))
    run(notebooks, out, corpus)
    before = snapshot(out)
    old = {rel for rel in before if not rel.startswith("reports/.")}
    use_fake_execute(monkeypatch, FakeExecute("second"))
    real_move = outputs._move
    calls = {"n": 0}
    new: set[str] = set()

    def killed_at_sixth_move(src: Path, dst: Path) -> None:
        calls["n"] += 1
        # at every instant, the old outputs or the new ones are all there
        present = {p for p in old | new if (out / p).exists()}
        assert old <= present or (new and new <= present)
        if calls["n"] == 6:
            raise SystemExit("killed")  # like kill -9: nothing after this runs
        real_move(src, dst)

    monkeypatch.setattr(outputs, "_move", killed_at_sixth_move)
    monkeypatch.setattr(outputs, "_roll_back", lambda backup: None)
    real_rmtree = shutil.rmtree

    def rmtree_but_staging(path, *args, **kwargs):  # staging stays too; other folders go
        if not Path(path).is_relative_to(out):
            real_rmtree(path, *args, **kwargs)

    # shutil is one module: patching it here patches it for tempfile's clean-up as well
    monkeypatch.setattr(promote.shutil, "rmtree", rmtree_but_staging)
    with pytest.raises(SystemExit):
        run(notebooks, out, corpus)
    monkeypatch.undo()
    leftovers = sorted(p.name for p in (out / "reports").iterdir() if p.name.startswith(".s"))
    assert leftovers and snapshot(out) != before
    # the next run (here: one whose first notebook fails) finds and restores them
    said: list[str] = []
    import pipeline_fakes

    pipeline_fakes.use_fake_kernels(monkeypatch, pipeline_fakes.FakeKernels())
    error = PapermillExecutionError(1, 1, "x", "ValueError", "bad", [])
    use_fake_execute(monkeypatch, FakeExecute("third", {"01_corpus.ipynb": error}))
    with pytest.raises(Exception, match="01_corpus"):
        run(notebooks, out, corpus, log=said.append)
    assert any("restored the previous outputs" in m for m in said)
    assert any("removed the leftovers" in m for m in said)
    after = {k: v for k, v in snapshot(out).items() if not k.startswith("reports/failed/")}
    assert after == before


def test_leftover_staging_of_a_dead_process_is_removed_and_a_live_ones_kept(tmp_path):
    reports = tmp_path / "reports"
    dead = reports / f".staging-{dead_pid()}"
    alive = reports / f".staging-{os.getppid()}"
    for folder in (dead, alive):
        (folder / "figures").mkdir(parents=True)
        (folder / "figures" / "x.png").write_bytes(b"x")
    said = outputs.recover(reports, lambda _: None)
    assert not dead.exists() and alive.exists()
    assert len(said) == 1 and str(dead) in said[0]


def test_sigterm_cleans_up_like_ctrl_c_and_exits_non_zero(
    notebooks, corpus, tmp_path, monkeypatch, capsys
):
    out = tmp_path / "out"
    use_fake_execute(monkeypatch, FakeExecute("first"))
    run(notebooks, out, corpus)
    before = snapshot(out)
    main_thread = threading.main_thread().ident

    def terminated(input_path, output_path, parameters, *args, **kwargs):
        output_path.write_text("{}", encoding="utf-8")
        signal.pthread_kill(main_thread, signal.SIGTERM)

    use_fake_execute(monkeypatch, terminated)
    argv = ["run", "--notebooks", str(notebooks), "--corpus", str(corpus), "--out", str(out)]
    assert cli_main([*argv, "--no-progress"]) == 143
    assert "terminated" in capsys.readouterr().err
    assert not [p for p in (out / "reports").iterdir() if p.name.startswith(".staging")]
    after = {k: v for k, v in snapshot(out).items() if not k.startswith("reports/failed/")}
    assert after == before


# Item 13: one run at a time per output folder.
def test_a_second_run_into_a_locked_folder_is_refused(notebooks, corpus, tmp_path, monkeypatch):
    out = tmp_path / "out"
    seen = {}

    def second_run_meanwhile(input_path, output_path, parameters, *args, **kwargs):
        output_path.write_text("{}", encoding="utf-8")
        if input_path.name == "01_corpus.ipynb":
            with pytest.raises(outputs.OutputsError, match="another run") as refused:
                run(notebooks, out, corpus)
            seen["message"] = str(refused.value)

    use_fake_execute(monkeypatch, second_run_meanwhile)
    run(notebooks, out, corpus)
    assert f"process {os.getpid()}" in seen["message"] and str(out) in seen["message"]
    run(notebooks, out, corpus)  # released afterwards


def test_a_run_holding_the_lock_in_another_process_is_refused_with_one_line(
    notebooks, corpus, tmp_path, monkeypatch, capsys
):
    out = tmp_path / "out"
    lock = out / "reports" / outputs.LOCK
    lock.parent.mkdir(parents=True)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import fcntl, os, sys; f = open(sys.argv[1], 'w'); "
            "fcntl.flock(f, fcntl.LOCK_EX); f.write(str(os.getpid())); f.flush(); "
            "print('ok', flush=True); sys.stdin.read()",
            str(lock),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ok"
        fake = use_fake_execute(monkeypatch, FakeExecute("a"))
        argv = ["--notebooks", str(notebooks), "--corpus", str(corpus), "--out", str(out)]
        assert run_command.main(parse([*argv, "--no-progress"])) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and f"another run (process {holder.pid})" in err
        assert fake.calls == []
    finally:
        holder.communicate("")


# Item 12 (part): clear one-line errors; files follow the umask.
def test_read_only_out_is_a_one_line_error(notebooks, corpus, tmp_path, monkeypatch, capsys):
    out = tmp_path / "out"
    use_fake_execute(monkeypatch, FakeExecute("a"))
    real_mkdir = Path.mkdir

    def read_only(self, *args, **kwargs):
        if self == out or out in self.parents:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real_mkdir(self, *args, **kwargs)

    monkeypatch.setattr(Path, "mkdir", read_only)
    argv = ["--notebooks", str(notebooks), "--corpus", str(corpus), "--out", str(out)]
    assert run_command.main(parse([*argv, "--no-progress"])) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: Permission denied: ") and "Traceback" not in err


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_out_folder_really_read_only(notebooks, corpus, tmp_path, monkeypatch, capsys):
    out = tmp_path / "out"
    out.mkdir()
    out.chmod(stat.S_IRUSR | stat.S_IXUSR)
    use_fake_execute(monkeypatch, FakeExecute("a"))
    argv = ["--notebooks", str(notebooks), "--corpus", str(corpus), "--out", str(out)]
    try:
        assert run_command.main(parse([*argv, "--no-progress"])) == 1
    finally:
        out.chmod(stat.S_IRWXU)
    assert "Permission denied" in capsys.readouterr().err


def test_disk_full_while_keeping_the_failed_notebook(
    notebooks, corpus, tmp_path, monkeypatch, capsys
):
    error = PapermillExecutionError(2, 1, "x", "ValueError", "bad input", [])
    use_fake_execute(monkeypatch, FakeExecute("a", {"02_sentiment.ipynb": error}))

    def disk_full(data, path):
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(promote, "write_bytes", disk_full)
    out = tmp_path / "out"
    argv = ["run", "--notebooks", str(notebooks), "--corpus", str(corpus), "--out", str(out)]
    assert cli_main([*argv, "--no-progress"]) == 1
    err = capsys.readouterr().err
    assert "could not keep the partly executed 02_sentiment.ipynb: no space left" in err
    assert "Notebook 02_sentiment.ipynb failed in cell 2" in err and "Traceback" not in err


def test_written_files_follow_the_umask(tmp_path):
    previous = os.umask(0o022)
    try:
        io.write_text("x", tmp_path / "a.md")
        os.umask(0o027)
        io.write_table(pd.DataFrame({"a": [1]}), tmp_path / "b.csv")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "a.md").stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "b.csv").stat().st_mode) == 0o640


def test_a_second_process_into_a_locked_out_is_refused(tmp_path, capsys) -> None:
    from analysis.commands import process
    from analysis.outputs import LOCK, locked

    corpus = tmp_path / "export.csv"
    corpus.write_text("text,outlet\nThe council met. It agreed.,A\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    parser = argparse.ArgumentParser()
    process.add_arguments(parser)
    args = parser.parse_args([str(corpus), "--out", str(out), "--no-progress", "--jobs", "1"])
    with locked(out / LOCK, out):
        assert process.main(args) == 2
    assert "another run" in capsys.readouterr().err
    assert process.main(args) == 0  # once the lock is free


def test_force_keeps_a_users_file_with_an_outputs_name_beside_it(
    notebooks, corpus, tmp_path, monkeypatch
):
    # a tester's own reports/summary.md (here the fake run's figure) was overwritten under
    # --force, after the refusal had said their files are never deleted
    out = tmp_path / "out"
    mine = out / "figures" / "01_corpus_a.png"
    mine.parent.mkdir(parents=True)
    mine.write_bytes(b"my figure")
    (out / "figures" / "01_corpus_a.yours.png").write_bytes(b"an older one of mine")
    use_fake_execute(monkeypatch, FakeExecute("a"))
    said: list[str] = []
    run(notebooks, out, corpus, force=True, log=said.append)
    after = snapshot(out)
    assert after["figures/01_corpus_a.png"] != b"my figure"  # the run's output
    assert after["figures/01_corpus_a.yours-2.png"] == b"my figure"
    assert after["figures/01_corpus_a.yours.png"] == b"an older one of mine"
    assert [m for m in said if m.startswith("kept your")] == [
        f"kept your {mine} as {out / 'figures' / '01_corpus_a.yours-2.png'}: an output of this "
        "run has its name"
    ]
    record = json.loads((out / "reports" / outputs.MANIFEST).read_text())
    assert not {"figures/01_corpus_a.yours.png", "figures/01_corpus_a.yours-2.png"} & set(
        record["files"]
    )


def test_a_swap_rolled_back_after_a_kill_restores_the_users_file_and_drops_the_copy(tmp_path):
    live, staged = tmp_path / "live", tmp_path / "staged"
    (live / "reports").mkdir(parents=True)
    staged.mkdir()
    (live / "summary.md").write_text("mine")
    (staged / "summary.md").write_text("new")
    manifest = live / "reports" / outputs.MANIFEST
    calls = {"n": 0}

    def killed_at_first_move(src: Path, dst: Path) -> None:
        raise SystemExit("killed")

    real_move, real_roll_back = outputs._move, outputs._roll_back
    outputs._move, outputs._roll_back = killed_at_first_move, lambda backup: None
    try:
        with pytest.raises(SystemExit):
            outputs.swap_in(staged, live, ["summary.md"], set(), manifest)
    finally:
        outputs._move, outputs._roll_back = real_move, real_roll_back
    assert (live / "summary.yours.md").read_text() == "mine"  # the copy made before the kill
    said = outputs.recover(live / "reports", lambda m: calls.update(n=calls["n"] + 1))
    assert said and (live / "summary.md").read_text() == "mine"
    assert not (live / "summary.yours.md").exists()


def test_run_refuses_a_bad_corpus_or_an_out_inside_it_before_any_notebook(
    notebooks, corpus, tmp_path, monkeypatch, capsys
):
    use_fake_execute(monkeypatch, FakeExecute("a"))
    before = snapshot(corpus)
    common = ["--notebooks", str(notebooks), "--corpus", str(corpus), "--no-progress"]
    assert run_command.main(parse([*common, "--out", str(corpus)])) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: --out") and "corpus folder" in err and err.count("\n") == 1
    assert snapshot(corpus) == before  # nothing written among the articles
    (corpus / "stray.txt").write_text("", encoding="utf-8")  # an empty article
    out = tmp_path / "out"
    assert run_command.main(parse([*common, "--out", str(out)])) == 2
    err = capsys.readouterr().err
    assert "stray.txt: file is empty" in err and "notebook" not in err.lower()
    assert not out.exists()


def test_run_refuses_an_out_that_is_a_file_and_leaves_it(tmp_path, capsys):
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes\n", encoding="utf-8")
    assert cli_main(["run", "--out", str(notes), "--no-progress"]) == 2
    err = capsys.readouterr().err
    assert err == f"error: --out {notes} exists and is not a folder\n"
    assert notes.read_text(encoding="utf-8") == "my notes\n"


def test_a_refused_run_leaves_no_folder_of_its_own_in_the_users_out(
    notebooks, corpus, tmp_path, monkeypatch, capsys
):
    """A run refused for the user's files does not leave the reports/ folder (and its lock
    file) it created to lock --out; a reports/ folder that was there stays."""
    out = tmp_path / "out"
    (out / "figures").mkdir(parents=True)
    (out / "figures" / "chart.png").write_bytes(b"mine")
    use_fake_execute(monkeypatch, FakeExecute("a"))
    common = ["--notebooks", str(notebooks), "--corpus", str(corpus), "--out", str(out)]
    assert run_command.main(parse([*common, "--no-progress"])) == 2
    assert "did not write" in capsys.readouterr().err
    assert snapshot(out) == {"figures/chart.png": b"mine"} and not (out / "reports").exists()
    (out / "reports").mkdir()
    (out / "reports" / "notes.txt").write_bytes(b"mine too")
    assert run_command.main(parse([*common, "--no-progress"])) == 2
    assert (out / "reports").is_dir()
    # ... and its lock file is not left among the user's files (it was, in a tester's folder)
    assert snapshot(out) == {"figures/chart.png": b"mine", "reports/notes.txt": b"mine too"}


def test_tables_the_corpus_command_wrote_are_the_packages_for_a_run(
    notebooks, corpus, tmp_path, monkeypatch, capsys
):
    # `corpus --out X` then `run --out X`: the run refused "files this package did not write"
    # (its own corpus tables), and with --force kept them as documents.yours.csv
    out = tmp_path / "out"
    assert cli_main(["corpus", "--corpus", str(corpus), "--out", str(out)]) == 0
    use_fake_execute(monkeypatch, FakeExecute("a"))
    common = ["--notebooks", str(notebooks), "--corpus", str(corpus), "--out", str(out)]
    assert run_command.main(parse([*common, "--no-progress"])) == 0
    assert not list(out.rglob("*yours*"))
    # a table changed since the corpus command wrote it is someone's work: refused
    again = tmp_path / "again"
    assert cli_main(["corpus", "--corpus", str(corpus), "--out", str(again)]) == 0
    edited = again / "reports" / "tables" / "documents.csv"
    edited.write_text(edited.read_text(encoding="utf-8") + "mine\n", encoding="utf-8")
    capsys.readouterr()
    common = ["--notebooks", str(notebooks), "--corpus", str(corpus), "--out", str(again)]
    assert run_command.main(parse([*common, "--no-progress"])) == 2
    assert "reports/tables/documents.csv" in capsys.readouterr().err
    # another file a command wrote there (a coding sheet) is not the run's to replace or remove
    from analysis.written import record_written

    third = tmp_path / "third"
    (third / "reports").mkdir(parents=True)
    (third / "reports" / "sheet.csv").write_text("item_id,war\n1,\n", encoding="utf-8")
    record_written([third / "reports" / "sheet.csv"])
    common = ["--notebooks", str(notebooks), "--corpus", str(corpus), "--out", str(third)]
    assert run_command.main(parse([*common, "--no-progress"])) == 2
    assert "reports/sheet.csv" in capsys.readouterr().err


def test_an_own_corpus_without_out_is_refused_before_the_checkouts_outputs_change(
    make_corpus, capsys
) -> None:
    """A tester's `run --corpus mine` without --out rewrote 47 committed files of the bundled
    story; it is refused, and the bundled corpus without --out still runs into the checkout."""
    from analysis.cli import main

    # imported first: where the check is missing, the test stops here, before a run writes
    from analysis.commands.run import _refuse_own_corpus_into_the_checkout as refuse
    from analysis.config import default_corpus_dir

    corpus = make_corpus()
    assert main(["run", "--corpus", str(corpus), "--no-progress"]) == 2
    err = capsys.readouterr().err
    assert "without --out" in err and "--out FOLDER" in err

    class Args:
        out = None

    refuse(Args(), {"corpus_dir": str(default_corpus_dir())})  # the bundled corpus: no refusal
    refuse(Args(), {})


@pytest.mark.parametrize("out", [".", "./"])
def test_an_own_corpus_with_out_the_checkout_itself_is_refused(
    make_corpus, capsys, monkeypatch, out: str
) -> None:
    # a tester's `run --corpus X --out .` in the checkout replaced its 47 committed outputs
    from analysis.cli import main

    # imported first: where the check is missing, the test stops here, before a run writes
    from analysis.commands.run import _refuse_own_corpus_into_the_checkout  # noqa: F401
    from analysis.config import project_root

    corpus = make_corpus()
    monkeypatch.chdir(project_root())
    assert main(["run", "--corpus", str(corpus), "--out", out, "--no-progress"]) == 2
    err = capsys.readouterr().err
    assert "the project checkout" in err and "--out FOLDER" in err


@pytest.mark.parametrize(
    ("out", "said"),
    [
        ("", "--out is empty"),
        ("  ", "--out is empty"),
        ("/", "is the file system's root"),
        ("/../", "is the file system's root"),
        ("~", "the shell did not expand '~'"),
        ("~/results", "the shell did not expand '~'"),
    ],
)
def test_an_out_that_cannot_be_meant_is_refused_before_anything_is_written(
    make_corpus, capsys, tmp_path, monkeypatch, out: str, said: str
) -> None:
    # `run --out /` wrote figures/ and reports/ at the root; `--out '~'` made a folder "~"
    from analysis.cli import main
    from analysis.commands.run import _refuse_unsafe_out  # noqa: F401

    monkeypatch.chdir(tmp_path)
    corpus = make_corpus()
    assert main(["run", "--corpus", str(corpus), "--out", out, "--no-progress"]) == 2
    assert said in capsys.readouterr().err
    assert not (tmp_path / "~").exists()


@pytest.mark.parametrize("command", ["corpus", "process"])
@pytest.mark.parametrize(("out", "said"), [("/", "file system's root"), ("~", "did not expand")])
def test_corpus_and_process_refuse_the_root_and_a_quoted_tilde(
    make_corpus, capsys, tmp_path, monkeypatch, command: str, out: str, said: str
) -> None:
    # a tester's `corpus --out /` wrote reports/tables/ at the root; `process --out '~'` made
    # a folder named "~"
    from analysis.cli import main

    monkeypatch.chdir(tmp_path)
    corpus = make_corpus()
    args = (
        ["corpus", "--corpus", str(corpus), "--out", out]
        if command == "corpus"
        else ["process", str(corpus), "--no-progress", "--out", out]
    )
    assert main(args) == 2
    assert said in capsys.readouterr().err
    assert not (tmp_path / "~").exists()


def test_a_reports_folder_that_is_a_link_is_refused(make_corpus, capsys, tmp_path) -> None:
    # a tester's --out/reports linked elsewhere: the summary, tables and lock went there
    from analysis.cli import main

    out, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    out.mkdir()
    elsewhere.mkdir()
    (out / "reports").symlink_to(elsewhere)
    corpus = make_corpus()
    assert main(["run", "--corpus", str(corpus), "--out", str(out), "--no-progress"]) == 2
    assert "reports is a symbolic link" in capsys.readouterr().err
    assert list(elsewhere.iterdir()) == []


@pytest.mark.parametrize("rel", ["figures", "reports/tables", "reports/notebooks"])
def test_a_file_where_a_run_writes_a_folder_is_refused_before_any_notebook_runs(
    notebooks, corpus, tmp_path, monkeypatch, rel: str
) -> None:
    """A tester's file named ``figures`` in --out was found only at the swap, after every
    notebook had run, and left a ``.previous-*`` folder behind."""
    out = tmp_path / "out"
    (out / rel).parent.mkdir(parents=True)
    (out / rel).write_text("my notes\n", encoding="utf-8")
    before = snapshot(out)
    fake = use_fake_execute(monkeypatch, FakeExecute("first"))
    with pytest.raises(outputs.OutputsError, match=rf"{rel} is a file, not a folder.*rename"):
        run(notebooks, out, corpus, force=True)
    assert fake.calls == []
    assert snapshot(out) == before
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == sorted(
        {rel, *(p.as_posix() for p in Path(rel).parents if p != Path("."))}
    )


def test_run_names_a_file_where_it_writes_a_folder_before_the_kernels_start(
    make_corpus, capsys, tmp_path, monkeypatch
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "figures").write_text("my notes\n", encoding="utf-8")
    started = []
    monkeypatch.setattr(run_command, "started_kernels", lambda *a, **k: started.append(a))
    assert cli_main(["run", "--corpus", str(make_corpus()), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"--out {out}: figures is a file, not a folder" in err
    assert started == []
    assert [p.name for p in out.iterdir()] == ["figures"]


def test_a_swap_stopped_by_a_file_where_a_folder_goes_is_rolled_back_completely(
    tmp_path,
) -> None:
    """The roll-back removed the files it had added until one whose folder is a file, raised
    there, and left its ``.previous-*`` folder, on which every later run failed."""
    staged, live = tmp_path / "staged", tmp_path / "live"
    for rel in ("figures/a.png", "reports/tables/t.csv"):
        (staged / rel).parent.mkdir(parents=True, exist_ok=True)
        (staged / rel).write_text(rel, encoding="utf-8")
    (live / "reports").mkdir(parents=True)
    (live / "reports" / "tables").write_text("mine\n", encoding="utf-8")
    files = ["figures/a.png", "reports/tables/t.csv"]
    with pytest.raises(OSError):
        outputs.swap_in(staged, live, files, set(), live / "reports" / outputs.MANIFEST)
    assert sorted(p.relative_to(live).as_posix() for p in live.rglob("*") if p.is_file()) == [
        "reports/tables"
    ]
    assert not [p for p in (live / "reports").iterdir() if p.name.startswith(".")]


@pytest.mark.parametrize("rel", ["figures", "reports/tables", "reports/cache"])
def test_a_linked_folder_of_out_is_refused_even_with_force(
    notebooks, corpus, tmp_path, monkeypatch, rel: str
) -> None:
    """A tester's reports/tables linked elsewhere was called a folder of files this package did
    not write, and --force then wrote the tables through the link."""
    out, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "mine.csv").write_text("a\n1\n", encoding="utf-8")
    (out / rel).parent.mkdir(parents=True)
    (out / rel).symlink_to(elsewhere)
    fake = use_fake_execute(monkeypatch, FakeExecute("first"))
    with pytest.raises(outputs.OutputsError, match=rf"{rel} is a symbolic link .*remove the link"):
        run(notebooks, out, corpus, force=True)
    assert fake.calls == []
    assert [p.name for p in elsewhere.iterdir()] == ["mine.csv"]


def test_run_refuses_a_linked_tables_folder_before_the_kernels_start(
    make_corpus, capsys, tmp_path, monkeypatch
) -> None:
    out, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    (out / "reports").mkdir(parents=True)
    elsewhere.mkdir()
    (out / "reports" / "tables").symlink_to(elsewhere)
    started = []
    monkeypatch.setattr(run_command, "started_kernels", lambda *a, **k: started.append(a))
    argv = ["run", "--corpus", str(make_corpus()), "--out", str(out), "--force"]
    assert cli_main(argv) == 2
    err = capsys.readouterr().err
    assert f"--out {out}: reports/tables is a symbolic link (to {elsewhere})" in err
    assert "did not write" not in err
    assert started == [] and list(elsewhere.iterdir()) == []


def test_a_swap_killed_half_way_never_leaves_a_run_record_without_its_outputs(
    notebooks, corpus, tmp_path, monkeypatch
) -> None:
    """run-record.json (reports/cache/) was moved in before reports/notebooks, the summary and
    the tables: a swap killed in between left a record of outputs that were not there."""
    from analysis.pipeline.rerun import RECORD
    from analysis.pipeline.run import run_pipeline

    out = tmp_path / "out"
    use_fake_execute(monkeypatch, FakeExecute("first"))
    real_move = outputs._move
    moved: list[str] = []

    def killed_at_the_tables(src: Path, dst: Path) -> None:
        rel = dst.relative_to(out).as_posix()
        if rel.startswith("reports/tables/"):
            raise SystemExit("killed")  # like kill -9: nothing after this runs
        moved.append(rel)
        real_move(src, dst)

    monkeypatch.setattr(outputs, "_move", killed_at_the_tables)
    monkeypatch.setattr(outputs, "_roll_back", lambda backup: None)
    with pytest.raises(SystemExit):
        run_pipeline(
            {"corpus_dir": str(corpus)}, out_dir=out, notebooks_dir=notebooks,
            progress=False, log=lambda _: None, record_key="k",
        )  # fmt: skip
    assert any(rel.startswith("figures/") for rel in moved)  # the swap had begun
    assert not (out / "reports" / "cache" / RECORD).exists()
    monkeypatch.undo()
    pipeline_fakes_kernels(monkeypatch)
    use_fake_execute(monkeypatch, FakeExecute("second"))
    run_pipeline(
        {"corpus_dir": str(corpus)}, out_dir=out, notebooks_dir=notebooks,
        progress=False, log=lambda _: None, record_key="k",
    )  # fmt: skip
    record = json.loads((out / "reports" / "cache" / RECORD).read_text(encoding="utf-8"))
    assert record["files"] and all((out / rel).is_file() for rel in record["files"])


def pipeline_fakes_kernels(monkeypatch) -> None:
    """Fake kernels again, after ``monkeypatch.undo()`` put the real ones back."""
    import pipeline_fakes

    pipeline_fakes.use_fake_kernels(monkeypatch, pipeline_fakes.FakeKernels())
