"""One selection everywhere: ``--outlets`` and ``--group-by`` reach every notebook, figure,
table and the summary alike. Each test runs the whole pipeline on a corpus made up for it (five
outlets on a harbour dispute, with a user column ``region``)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

OUTLETS = ["Bay Courier", "Dock Gazette", "Harbour Post", "Pier Weekly", "Quay Ledger"]
REGIONS = {"Bay Courier": "north", "Dock Gazette": "south", "Harbour Post": "north"}
TEXTS = [
    "Harbour Strike Widens\n"
    "Dock workers said the strike would continue until the port authority raised wages. "
    'Officials warned that shipping costs could rise sharply. "We will not back down," said '
    "a union leader. Traders fear empty shelves if the dispute drags on.\n",
    "Talks Resume at the Port\n"
    "The port authority and the union resumed talks on Monday, according to a spokesperson. "
    "Analysts said a deal may be close. Shares in shipping firms rose after the announcement. "
    "Residents welcomed the calm after weeks of protest.\n",
]
# the per-group tables and the column that holds the groups
GROUP_TABLES = [
    "sentiment_by_outlet.csv",
    "frames_by_outlet.csv",
    "keyness.csv",
    "sourcing.csv",
    "hedging.csv",
]


def _corpus(folder: Path, outlets: list[str] = OUTLETS, big: int = 0) -> Path:
    """Two articles per outlet (the first ``big`` outlets: three)."""
    folder.mkdir()
    rows = []
    for i, outlet in enumerate(outlets):
        for j, text in enumerate(TEXTS + TEXTS[:1] if i < big else TEXTS):
            name = f"{i}{j}.txt"
            (folder / name).write_text(text.replace("port", f"port of town {i}"), encoding="utf-8")
            rows.append(
                {
                    "doc_id": f"d{i}{j}",
                    "file": name,
                    "outlet": outlet,
                    "title": "",
                    "region": REGIONS.get(outlet, "east"),
                }
            )
    pd.DataFrame(rows).to_csv(folder / "manifest.csv", index=False)
    return folder


def _run(tmp_path: Path, names: list[str] = OUTLETS, big: int = 0, **params: object) -> Path:
    """Run the pipeline on a corpus of the outlets ``names`` with the run ``params``."""
    from analysis.pipeline.run import run_pipeline

    corpus = _corpus(tmp_path / "corpus", names, big)
    out = tmp_path / "out"
    run = {"corpus_dir": str(corpus), "n_boot": 100, "n_perm": 100, **params}
    run_pipeline(run, out_dir=out, progress=False, log=lambda _: None)
    return out


def _svg_text(path: Path) -> str:
    return " ".join(re.findall(r">([^<>]+)</text>", path.read_text(encoding="utf-8")))


def _opening(summary: str) -> str:
    return next(line for line in summary.split("\n") if line.startswith("How "))


@pytest.mark.slow
def test_two_of_five_outlets_are_the_same_groups_in_every_figure_table_and_the_summary(
    tmp_path: Path,
) -> None:
    chosen = ["Dock Gazette", "Pier Weekly"]
    out = _run(tmp_path, outlets=chosen)
    others = sorted(set(OUTLETS) - set(chosen))
    # fig01 draws the chosen outlets only
    fig01 = _svg_text(out / "figures" / "fig01_corpus_size.svg")
    assert all(o in fig01 for o in chosen) and not any(o in fig01 for o in others)
    # every per-group table holds exactly the chosen outlets in its group column
    for name in GROUP_TABLES:
        table = pd.read_csv(out / "reports" / "tables" / name)
        assert sorted(set(table["outlet"])) == chosen, name
    # the summary's opening names the same two outlets and no other
    summary = (out / "reports" / "summary.md").read_text(encoding="utf-8")
    opening = _opening(summary)
    assert opening.startswith("How 2 outlets covered the story, from 4 articles")
    assert all(o in opening for o in chosen) and not any(o in opening for o in others)
    for stem in ("fig02_sentence_tone", "fig05_tone_shares", "fig08_frame_salience"):
        text = _svg_text(out / "figures" / f"{stem}.svg")
        assert all(o in text for o in chosen) and not any(o in text for o in others), stem


@pytest.mark.slow
def test_a_selection_of_one_outlet_says_so_instead_of_empty_tables(tmp_path: Path) -> None:
    out = _run(tmp_path, outlets=["Harbour Post"])  # the parameter, not the corpus
    summary = (out / "reports" / "summary.md").read_text(encoding="utf-8")
    assert _opening(summary).startswith("How one outlet covered the story")
    assert "no second group to compare its word use with" in summary
    keyness = _svg_text(out / "figures" / "fig09_keyness.svg")
    assert "there is no second outlet to compare its words with" in keyness
    table = pd.read_csv(out / "reports" / "tables" / "keyness.csv")
    assert table.empty and "outlet" in table.columns  # the columns, and the summary says why


@pytest.mark.slow
def test_a_user_column_names_every_caption_title_and_table_group_column(tmp_path: Path) -> None:
    out = _run(tmp_path, group_by="region")
    tables = out / "reports" / "tables"
    for name in GROUP_TABLES:
        table = pd.read_csv(tables / name)
        assert "region" in table.columns and "outlet" not in table.columns, name
        assert set(table["region"]) == {"north", "south", "east"}, name
    figures = json.loads((out / "figures" / "figures.json").read_text(encoding="utf-8"))
    for entry in figures:
        if entry["name"] < "fig02":
            continue
        words = re.sub(r"\w+_by_outlet\.csv", "", entry["caption"])
        assert not re.search(r"\boutlet", words), entry["name"]
    for svg in sorted((out / "figures").glob("fig*.svg")):  # titles, labels, legends
        assert "outlet" not in _svg_text(svg).lower(), svg.name
    summary = (out / "reports" / "summary.md").read_text(encoding="utf-8")
    assert _opening(summary).startswith("How 3 regions covered the story")


@pytest.mark.slow
def test_nine_outlets_keep_the_same_seven_by_volume_and_fold_the_rest_into_other(
    tmp_path: Path,
) -> None:
    nine = [f"Outlet {c}" for c in "ABCDEFGHI"]
    out = _run(tmp_path, nine, big=3)  # A, B, C have three articles, the rest two
    kept = ["Outlet A", "Outlet B", "Outlet C", "Outlet D", "Outlet E", "Outlet F", "Outlet G"]
    folded = ["Outlet H", "Outlet I"]
    fig01 = _svg_text(out / "figures" / "fig01_corpus_size.svg")
    assert all(o in fig01 for o in [*kept, "Other (pooled)"]) and not any(
        o in fig01 for o in folded
    )
    for name in GROUP_TABLES:
        table = pd.read_csv(out / "reports" / "tables" / name)
        assert sorted(set(table["outlet"])) == sorted([*kept, "Other (pooled)"]), name
    opening = _opening((out / "reports" / "summary.md").read_text(encoding="utf-8"))
    assert opening.startswith("How 9 outlets covered the story, from 21 articles")
    listed, rest = opening.split(" sentences.", 1)
    pooled = rest[rest.index("Figures and comparisons show") :]  # after any shared stories
    named = re.findall(r"Outlet [A-I]", listed)
    assert named == kept and "2 more" in listed  # the same seven, largest first
    assert re.findall(r"Outlet [A-I]", pooled) == folded  # and the two pooled as "Other"
    assert "pool the other 2 as “Other (pooled)” (4 articles" in pooled
