"""analysis.report.gallery: the figure registry and ``figures/README.md``."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.figures import FigureInfo
from analysis.report import gallery

REGISTRY = {
    "fig01_size": FigureInfo(
        "fig01_size", "Articles per outlet.", "01_corpus.ipynb", "documents.csv"
    ),
    "fig02_tone": FigureInfo(
        "fig02_tone", "Mean sentence tone with 95% CIs.", "02_sentiment.ipynb", "tone.csv"
    ),
    "fig09_never_drawn": FigureInfo("fig09_never_drawn", "Missing.", "03_framing.ipynb", "x.csv"),
}


@pytest.fixture
def folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """(figures, tables) laid out as a run writes them: ``out/figures``, ``out/reports/tables``."""
    figures = tmp_path / "out" / "figures"
    tables = tmp_path / "out" / "reports" / "tables"
    for folder in (figures, tables):
        folder.mkdir(parents=True)
    (figures / "fig01_size.png").write_bytes(b"png")
    (figures / "fig01_size.svg").write_text("<svg/>", encoding="utf-8")
    (figures / "fig02_tone.png").write_bytes(b"png")
    (figures / "fig03_unregistered.svg").write_text("<svg/>", encoding="utf-8")
    (figures / "notes.txt").write_text("not a figure", encoding="utf-8")
    monkeypatch.setattr(gallery, "registered_figures", lambda *a, **k: dict(REGISTRY))
    return figures, tables


def test_gallery_lists_every_existing_figure_with_caption_notebook_and_table(folders):
    figures, tables = folders
    path = gallery.write_gallery(figures, tables)
    assert path == figures / "README.md"
    text = path.read_text(encoding="utf-8")
    assert "| 1 | [fig01_size](#fig01_size) | `notebooks/01_corpus.ipynb` |" in text
    assert "| 3 | [fig03_unregistered](#fig03_unregistered) | — | — |" in text
    assert "[`documents.csv`](../reports/tables/documents.csv)" in text
    assert "## fig02_tone" in text and "Mean sentence tone with 95% CIs." in text
    assert "## fig03_unregistered" in text and "No caption is registered" in text
    assert "fig09_never_drawn" not in text
    assert "[fig01_size.svg](fig01_size.svg)" in text
    assert "![Figure 3: fig03_unregistered](fig03_unregistered.svg)" in text


def test_existing_figures_are_the_files_present_sorted_by_stem(folders, tmp_path):
    figures, _ = folders
    found = gallery.existing_figures(figures)
    assert [f.stem for f in found] == ["fig01_size", "fig02_tone", "fig03_unregistered"]
    assert found[0] == REGISTRY["fig01_size"]
    assert found[2].notebook == "" and "No caption" in found[2].caption
    assert gallery.existing_figures(tmp_path / "missing", registry={}) == []


def test_registered_figures_skip_modules_that_do_not_import():
    found = gallery.registered_figures(("analysis.no_such_module", "analysis.framing.plots"))
    assert "fig07_frame_heatmap" in found
    assert found["fig07_frame_heatmap"].notebook == "03_framing.ipynb"


def test_what_every_figure_must_be_read_with_is_said_once_before_the_list(folders):
    figures, tables = folders
    plain = gallery.write_gallery(figures, tables).read_text(encoding="utf-8")
    assert "Read every figure" not in plain  # nothing to say: the gallery as before
    note = "Mostly not in English: 2 of the 2 articles from A (`pt` 2)."
    text = gallery.write_gallery(figures, tables, notes=note).read_text(encoding="utf-8")
    assert f"**Read every figure of groups with this:** {note}\n\n| # | figure |" in text
    assert text.replace(f"**Read every figure of groups with this:** {note}\n\n", "") == plain
