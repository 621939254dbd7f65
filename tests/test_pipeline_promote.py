"""Staging and promotion: new outputs replace old ones all at once, or not at all."""

from __future__ import annotations

from pathlib import Path

import pytest
from pipeline_fakes import (
    FakeExecute,
    run,
    snapshot,
    use_fake_execute,
)

from analysis import outputs
from analysis.pipeline import promote

pytestmark = pytest.mark.usefixtures("kernels")


def test_rerun_replaces_every_old_output_and_keeps_foreign_files(
    notebooks, corpus, tmp_path, monkeypatch
):
    out = tmp_path / "out"
    use_fake_execute(monkeypatch, FakeExecute("first"))
    run(notebooks, out, corpus)
    (out / "figures" / "notes.txt").write_text("mine", encoding="utf-8")
    (out / "reports" / "tables" / "stale.csv").write_text("old\n", encoding="utf-8")
    use_fake_execute(monkeypatch, FakeExecute("second"))
    with pytest.raises(promote.OutputsError, match=r"did not write, .*figures/notes\.txt"):
        run(notebooks, out, corpus)
    assert (out / "figures" / "01_corpus_first.png").exists()
    run(notebooks, out, corpus, force=True)
    assert not (out / "figures" / "01_corpus_first.png").exists()
    assert (out / "figures" / "01_corpus_second.png").exists()
    assert (out / "reports" / "tables" / "stale.csv").read_text() == "old\n"
    assert (out / "figures" / "notes.txt").read_text() == "mine"
    assert (out / "reports" / "summary.md").read_text() == "# second\n"


def test_an_output_someone_edited_is_theirs_and_kept_aside(
    notebooks, corpus, tmp_path, monkeypatch
):
    """Two testers annotated the summary and corrected a table in --out; the next run wrote over
    both without a word. An output changed since the run wrote it stops the next run, and with
    --force is kept as NAME.yours.EXT; the file kept aside stops no later run."""
    out = tmp_path / "out"
    use_fake_execute(monkeypatch, FakeExecute("first"))
    run(notebooks, out, corpus)
    summary = out / "reports" / "summary.md"
    summary.write_text("# first\nmy fact-check notes\n", encoding="utf-8")
    use_fake_execute(monkeypatch, FakeExecute("second"))
    with pytest.raises(promote.OutputsError, match=r"changed since .*reports/summary\.md"):
        run(notebooks, out, corpus)
    assert "my fact-check notes" in summary.read_text(encoding="utf-8")
    run(notebooks, out, corpus, force=True)
    assert summary.read_text() == "# second\n"
    kept = out / "reports" / "summary.yours.md"
    assert kept.read_text(encoding="utf-8") == "# first\nmy fact-check notes\n"
    use_fake_execute(monkeypatch, FakeExecute("third"))
    run(notebooks, out, corpus)  # no --force: the kept file is known, the outputs unchanged
    assert summary.read_text() == "# third\n"
    assert kept.read_text(encoding="utf-8") == "# first\nmy fact-check notes\n"


def test_an_output_a_notebook_rewrote_by_hand_is_still_the_packages(
    notebooks, corpus, tmp_path, monkeypatch
):
    """A tester reran notebook 02 with papermill into the run's --out, as the README shows: the
    next run took the rewritten tables and figures for someone's edits and kept 18 aside."""
    from analysis.io import write_text

    out = tmp_path / "out"
    use_fake_execute(monkeypatch, FakeExecute("first"))
    run(notebooks, out, corpus)
    write_text("# by notebook 04 run by hand\n", out / "reports" / "summary.md")
    use_fake_execute(monkeypatch, FakeExecute("second"))
    run(notebooks, out, corpus)  # no refusal, nothing kept aside
    assert (out / "reports" / "summary.md").read_text() == "# second\n"
    assert not (out / "reports" / "summary.yours.md").exists()


def test_an_output_recorded_without_a_hash_is_still_replaced(tmp_path: Path) -> None:
    """A record an earlier version wrote (paths only) still owns its files."""
    root = tmp_path / "out"
    (root / "reports").mkdir(parents=True)
    (root / "reports" / "summary.md").write_text("old\n", encoding="utf-8")
    record = root / "reports" / outputs.MANIFEST
    record.write_bytes(outputs.manifest_bytes(["reports/summary.md"]))
    assert outputs.unchanged_outputs(root, record) == {"reports/summary.md"}
    hashed = outputs.manifest_bytes(["reports/summary.md"], {"reports/summary.md": "0" * 64})
    record.write_bytes(hashed)
    assert outputs.unchanged_outputs(root, record) == set()


def test_failure_while_promoting_rolls_back_to_the_previous_outputs(
    notebooks, corpus, tmp_path, monkeypatch
):
    out = tmp_path / "out"
    use_fake_execute(monkeypatch, FakeExecute("first"))
    run(notebooks, out, corpus)
    before = snapshot(out)
    use_fake_execute(monkeypatch, FakeExecute("second"))
    calls = {"n": 0}
    real_move = outputs._move

    def flaky_move(src: Path, dst: Path) -> None:
        calls["n"] += 1
        if calls["n"] == 9:  # after the old files went aside and some new ones came in
            raise OSError("disk full")
        real_move(src, dst)

    monkeypatch.setattr(outputs, "_move", flaky_move)
    with pytest.raises(OSError, match="disk full"):
        run(notebooks, out, corpus)
    assert calls["n"] == 9
    assert snapshot(out) == before


def test_staging_starts_from_the_live_cache_and_promotes_it(
    notebooks, corpus, tmp_path, monkeypatch
):
    out = tmp_path / "out"
    entry = out / "reports" / "cache" / "abc123"
    entry.mkdir(parents=True)
    (entry / "sentences.parquet").write_bytes(b"cached")
    record = outputs.manifest_bytes(["reports/cache/abc123/sentences.parquet"])
    (out / "reports" / outputs.MANIFEST).write_bytes(record)  # written by an earlier run
    seen = {}

    def fake(
        input_path, output_path, parameters, cwd, timeout, progress_bar, kernel=None, released=None
    ):
        output_path.write_text("{}", encoding="utf-8")
        staged_cache = Path(parameters["tables_dir"]).parent / "cache"
        seen[input_path.name] = (staged_cache / "abc123" / "sentences.parquet").read_bytes()
        if input_path.name == "01_corpus.ipynb":
            (staged_cache / "def456").mkdir()
            (staged_cache / "def456" / "sentences.parquet").write_bytes(b"new")

    use_fake_execute(monkeypatch, fake)
    run(notebooks, out, corpus)
    assert set(seen.values()) == {b"cached"}
    assert sorted(p.name for p in (out / "reports" / "cache").iterdir()) == ["abc123", "def456"]


def test_promotion_moves_the_staged_outputs_in_and_returns_every_file_written(tmp_path):
    live = tmp_path / "live"
    (live / "figures").mkdir(parents=True)
    (live / "figures" / "old.svg").write_text("old", encoding="utf-8")
    (live / "figures" / "mine.txt").write_text("kept", encoding="utf-8")
    (live / "reports").mkdir()
    (live / "reports" / outputs.MANIFEST).write_bytes(outputs.manifest_bytes(["figures/old.svg"]))
    staging_root, staged = promote.make_staging(live / "reports")
    assert staging_root.parent == live / "reports" and staging_root.name.startswith(".staging-")
    (staged["figures"] / "new.svg").write_text("new", encoding="utf-8")
    (staged["tables"] / "t.csv").write_text("x\n", encoding="utf-8")
    (staged["reports"] / "summary.md").write_text("# s\n", encoding="utf-8")

    written = promote.promote(staging_root, live)
    assert sorted(p.relative_to(live).as_posix() for p in written) == [
        "figures/new.svg",
        "reports/summary.md",
        "reports/tables/t.csv",
    ]
    assert sorted(p.name for p in (live / "figures").iterdir()) == ["mine.txt", "new.svg"]
    hidden = sorted(p.name for p in (live / "reports").iterdir() if p.name.startswith("."))
    assert hidden == [".analysis-outputs.json", ".staging-" + staging_root.name.split("-")[1]]


def test_a_failed_notebook_is_kept_until_a_successful_run_clears_it(tmp_path):
    staged_notebooks = tmp_path / "staging" / "notebooks"
    staged_notebooks.mkdir(parents=True)
    (staged_notebooks / "02.ipynb").write_text("{}", encoding="utf-8")
    reports = tmp_path / "reports"
    kept = promote.keep_failed(staged_notebooks, reports, "02.ipynb")
    assert kept == reports / "failed" / "02.ipynb" and kept.read_text() == "{}"
    assert promote.keep_failed(staged_notebooks, reports, "03.ipynb") is None  # never written
    promote.clear_failed(reports)
    assert not (reports / "failed").exists()
    promote.clear_failed(reports)  # nothing to clear: no error


def test_a_run_keeps_the_cache_entries_used_last_and_drops_the_older_ones(
    notebooks, corpus, tmp_path, monkeypatch
):
    import os

    out = tmp_path / "out"
    cache = out / "reports" / "cache"
    names = [f"{k:016x}" for k in range(promote.CACHE_KEEP + 2)]  # keys, as entries are named
    for name in names:
        (cache / name).mkdir(parents=True)
        (cache / name / "sentences.parquet").write_bytes(name.encode())
    foreign = cache / names[-1] / "my notes.txt"  # a user's file in an old entry's folder
    foreign.write_text("mine", encoding="utf-8")
    for age, name in enumerate(names):  # entry0 used last, the last one longest ago
        stamp = 1_700_000_000 - 3600 * age
        os.utime(cache / name, (stamp, stamp))
    files = [f"reports/cache/{name}/sentences.parquet" for name in names]
    (out / "reports" / outputs.MANIFEST).write_bytes(outputs.manifest_bytes(files))

    def fake(
        input_path, output_path, parameters, cwd, timeout, progress_bar, kernel=None, released=None
    ):
        output_path.write_text("{}", encoding="utf-8")
        if input_path.name == "01_corpus.ipynb":
            staged = Path(parameters["tables_dir"]).parent / "cache" / ("f" * 16)
            staged.mkdir(exist_ok=True)  # seeded on the second run
            (staged / "sentences.parquet").write_bytes(b"new")

    use_fake_execute(monkeypatch, fake)
    run(notebooks, out, corpus, force=True)  # --force: written beside the user's file
    kept = sorted(p.name for p in cache.iterdir() if (p / "sentences.parquet").exists())
    assert kept == sorted([*names[: promote.CACHE_KEEP], "f" * 16])
    assert foreign.read_text(encoding="utf-8") == "mine"  # never deleted: not ours
    # the folder of the other entry dropped is gone; the one holding the user's file stays
    assert sorted(p.name for p in cache.iterdir() if p.is_dir()) == sorted([*kept, names[-1]])
    # a second run ranks entries, not the folders emptied by the first: the first run's new
    # entry is now among the five used last
    run(notebooks, out, corpus, force=True)
    again = sorted(p.name for p in cache.iterdir() if (p / "sentences.parquet").exists())
    assert again == sorted([*names[: promote.CACHE_KEEP - 1], "f" * 16])
