"""Files a command wrote by name (:mod:`analysis.written`): a rerun replaces its own unchanged
output, never a file someone else wrote or changed."""

from __future__ import annotations

from pathlib import Path

from analysis.written import RECORD, kept_from_replacing, record_written, refusal


def test_only_unchanged_files_this_package_wrote_may_be_replaced(tmp_path: Path) -> None:
    ours, theirs, absent = tmp_path / "sheet.csv", tmp_path / "notes.csv", tmp_path / "new.csv"
    ours.write_text("item_id,sentence,war\n1,A.,\n", encoding="utf-8")
    theirs.write_text("mine\n", encoding="utf-8")
    assert kept_from_replacing([ours, theirs, absent]) == [ours, theirs]
    record_written([ours])
    assert (tmp_path / RECORD).is_file()
    assert kept_from_replacing([ours, theirs, absent]) == [theirs]
    ours.write_text("item_id,sentence,war\n1,A.,1\n", encoding="utf-8")  # coded since
    assert kept_from_replacing([ours]) == [ours]
    assert "changed since" in refusal([ours]) and str(ours) in refusal([ours])


def test_links_folders_and_an_unreadable_record_are_kept(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.csv"
    target.write_text("x\n", encoding="utf-8")
    link = tmp_path / "sheet.csv"
    link.symlink_to(target)
    folder = tmp_path / "agreement.csv"
    folder.mkdir()
    assert kept_from_replacing([link, folder]) == [link, folder]
    plain = tmp_path / "model.json"
    plain.write_text("{}\n", encoding="utf-8")
    record_written([plain])
    (tmp_path / RECORD).write_text("not json", encoding="utf-8")
    assert kept_from_replacing([plain]) == [plain]


def test_refused_prints_the_refusal_unless_forced(tmp_path: Path, capsys) -> None:
    from analysis.written import refused

    theirs = tmp_path / "agreement.csv"
    theirs.write_text("mine\n", encoding="utf-8")
    assert refused([theirs, tmp_path / "new.csv"], force=False)
    assert "agreement.csv: not written by this package" in capsys.readouterr().err
    assert not refused([theirs], force=True) and capsys.readouterr().err == ""
    assert not refused([tmp_path / "new.csv"], force=False)
