"""An agreement table's sourcing rows record the source lexicon they measured (its SHA-256), and
a run with another lexicon neither quotes nor uses them. A tester's summary said "Companies
recall 0.10" from a sheet measured with an older lexicon; measured again with the run's, 0.80."""

from __future__ import annotations

import shutil
import warnings
from pathlib import Path

import pandas as pd
import pytest

from analysis.config import DATA_DIR
from analysis.pipeline.params import check_lexicon_files
from analysis.report import summary
from analysis.settings import file_sha256
from analysis.validation.agreement import (
    current_agreement,
    run_coder_versions,
    sourcing_versions,
    stale_sourcing,
    unversioned_coders,
)

STALE = "measured against another version of the source lexicon"
UNKNOWN = "records no version of the source lexicon"


def _rows() -> list[dict]:
    return [
        {"method": "sources", "frame": "attributed", "n": 50, "f1": 0.9, "f1_ci_low": 0.8,
         "f1_ci_high": 0.96, "tp": 20, "fp": 2, "fn": 2, "tn": 26},
        {"method": "sources", "frame": "source_companies", "n": 50, "f1": 0.18,
         "f1_ci_low": 0.0, "f1_ci_high": 0.4, "tp": 1, "fp": 0, "fn": 9, "tn": 40},
    ]  # fmt: skip


def _table(path: Path, version: str | None) -> Path:
    """An agreement table of sourcing rows, with ``version`` as their ``coder_version`` (None:
    no such column, as an earlier release wrote it)."""
    table = pd.DataFrame(_rows())
    if version is not None:
        table["coder_version"] = version
    table.to_csv(path, index=False)
    return path


@pytest.fixture
def changed_lexicon(tmp_path: Path) -> Path:
    """The package's source lexicon with one line more: the same kinds, another file."""
    path = tmp_path / "sources.toml"
    shutil.copyfile(DATA_DIR / "sources.toml", path)
    with path.open("a", encoding="utf-8") as handle:
        handle.write("\n# edited after the sheet was validated\n")
    return path


def test_validate_records_the_source_lexicons_sha256_in_the_sourcing_rows(tmp_path: Path) -> None:
    from analysis.validation.sheet_agreement import measure_sheets

    sheet = tmp_path / "coded.csv"
    sheet.write_text(
        "sentence,attributed\n"
        + "".join(
            f'"The mayor said the road {i} would open.",1\nA calm day {i}.,0\n' for i in range(4)
        ),
        encoding="utf-8",
    )
    table = measure_sheets(sheet, n_boot=20, seed=1).agreement
    rows = table[table["method"] == "sources"]
    assert len(rows) == 1
    assert rows["coder_version"].tolist() == [file_sha256(DATA_DIR / "sources.toml")]


def test_sourcing_rows_of_another_lexicon_are_stale_and_left_out(changed_lexicon: Path) -> None:
    now = sourcing_versions("")
    table = pd.DataFrame(_rows()).assign(coder_version=now[("sources", "attributed")])
    assert not stale_sourcing(table, now)
    changed = run_coder_versions(_book(), sources=changed_lexicon)
    assert stale_sourcing(table, changed)
    kept, stale = current_agreement(table, changed)
    assert kept.empty and stale == []  # gone from the trust notes; no frame called stale
    old = pd.DataFrame(_rows())
    assert not stale_sourcing(old, changed) and unversioned_coders(old, changed) == ["sources"]


def _book():
    from analysis.framing.codebook import load_codebook

    return load_codebook(None)


def _lines(agreement: Path, sources: Path | None, tmp_path: Path) -> tuple[str, str]:
    params = {"validation": str(agreement)} | ({"sources": str(sources)} if sources else {})
    head, limits = summary.validation_lines(tmp_path, params, None)
    return "\n".join(head), "\n".join(limits)


def test_matching_hashes_show_the_figures_without_a_warning(tmp_path: Path) -> None:
    agreement = _table(tmp_path / "agreement.csv", file_sha256(DATA_DIR / "sources.toml"))
    head, limits = _lines(agreement, None, tmp_path)
    assert "Credits Companies: F1 0.18" in head
    assert STALE not in head + limits and UNKNOWN not in head
    assert "Sourcing not validated" not in limits
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        check_lexicon_files(tmp_path, {"validation": str(agreement)})


def test_a_changed_lexicon_warns_and_leaves_the_figures_out(
    tmp_path: Path, changed_lexicon: Path
) -> None:
    agreement = _table(tmp_path / "agreement.csv", file_sha256(DATA_DIR / "sources.toml"))
    head, limits = _lines(agreement, changed_lexicon, tmp_path)
    assert "F1" not in head.split("sourcing shares")[1]  # no figure of the old lexicon
    assert STALE in head and "python -m analysis validate --sheet" in head
    assert "sourcing coders were not checked" in limits  # a table of sourcing rows alone
    with pytest.warns(UserWarning, match="another version of the source lexicon"):
        check_lexicon_files(
            tmp_path, {"validation": str(agreement), "sources": str(changed_lexicon)}
        )


@pytest.mark.parametrize("version", [None, ""])  # no column, or an empty one (as read: NaN)
def test_an_old_table_without_versions_shows_the_figures_with_a_caveat(
    tmp_path: Path, version: str | None
) -> None:
    agreement = _table(tmp_path / "agreement.csv", version)
    head, _ = _lines(agreement, None, tmp_path)
    assert "Credits Companies: F1 0.18" in head and UNKNOWN in head
    with warnings.catch_warnings(record=True) as said:
        warnings.simplefilter("always")
        check_lexicon_files(tmp_path, {"validation": str(agreement)})
    assert [str(w.message) for w in said if "records no version of its coders" in str(w.message)]
    assert not [w for w in said if not issubclass(w.category, UserWarning)]  # no pandas noise


def test_with_frames_a_changed_lexicon_is_named_in_the_limitations(
    tmp_path: Path, changed_lexicon: Path
) -> None:
    agreement = _table(tmp_path / "agreement.csv", file_sha256(DATA_DIR / "sources.toml"))
    frame = {"method": "codebook", "frame": "conflict", "n": 40, "f1": 0.61, "f1_ci_low": 0.42,
             "f1_ci_high": 0.77, "tp": 9, "fp": 5, "fn": 6, "tn": 20}  # fmt: skip
    pd.concat([pd.read_csv(agreement), pd.DataFrame([frame])]).to_csv(agreement, index=False)
    head, limits = _lines(agreement, changed_lexicon, tmp_path)
    assert "F1 0.61" in head and "Credits Companies" not in head
    assert "Sourcing not validated against this run's source lexicon" in limits
