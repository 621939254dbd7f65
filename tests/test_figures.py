"""Figure export: PNG at 300 dpi and SVG, cropped to the figure, byte-stable, shown as saved."""

from __future__ import annotations

import re
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from PIL import Image

from analysis import figures


def make_figure(layout: str | None = "constrained") -> plt.Figure:
    """A small figure with a title, labels, a legend and a note sticking out to the right."""
    fig, ax = plt.subplots(figsize=(figures.SINGLE_COLUMN_IN, 2.0), layout=layout)
    ax.plot([0, 1, 2, 3], [0.2, -0.4, 0.1, 0.6], label="mean tone")
    ax.scatter([0.5, 1.5, 2.5], [0.3, -0.2, 0.0], s=6, label="sentences")
    ax.set_title("Tone by paragraph (made-up data)")
    ax.set_xlabel("paragraph")
    ax.set_ylabel("compound")
    ax.legend(loc="upper left")
    ax.text(1.02, 0.5, "n = 12 sent., 3 art.", transform=ax.transAxes, va="center")
    return fig


def png_size(path: Path) -> tuple[int, int]:
    with Image.open(path) as image:
        return image.size


def svg_size_pt(path: Path) -> tuple[float, float]:
    head = path.read_text(encoding="utf-8")[:600]
    width = re.search(r'width="([\d.]+)pt"', head)
    height = re.search(r'height="([\d.]+)pt"', head)
    assert width and height, head
    return float(width.group(1)), float(height.group(1))


@pytest.fixture(autouse=True)
def close_figures():
    with matplotlib.rc_context():  # apply_style's settings end with the test
        yield
    plt.close("all")


def test_png_is_300_dpi_and_svg_carries_no_date_or_version(tmp_path):
    png, svg = figures.save_figure(make_figure(), "fig01_test", tmp_path)
    assert (png.name, svg.name) == ("fig01_test.png", "fig01_test.svg")
    with Image.open(png) as image:
        info = dict(image.info)
        assert image.format == "PNG"
    assert [round(d) for d in info["dpi"]] == [300, 300]
    assert "Software" not in info
    text = svg.read_text(encoding="utf-8")
    assert "<dc:date>" not in text
    assert "Matplotlib v" not in text and matplotlib.__version__ not in text
    assert "Tone by paragraph (made-up data)" in text  # text stays text (svg.fonttype none)


@pytest.mark.parametrize("layout", ["constrained", None])
def test_a_rerun_writes_the_same_bytes(tmp_path, layout):
    first = figures.save_figure(make_figure(layout), "fig", tmp_path / "a")
    again = figures.save_figure(make_figure(layout), "fig", tmp_path / "b")
    assert [p.read_bytes() for p in again] == [p.read_bytes() for p in first]


def test_both_files_are_cropped_to_the_same_box_that_holds_text_outside_the_axes(tmp_path):
    fig = make_figure()
    width_in, height_in = fig.get_size_inches()
    png, svg = figures.save_figure(fig, "fig", tmp_path)
    px_w, px_h = png_size(png)
    pt_w, pt_h = svg_size_pt(svg)
    # the note at x = 1.02 (axes) reaches past the figure's right edge: the crop keeps it
    assert px_w / figures.DPI > width_in
    # PNG and SVG are cut to the same box (within one pixel)
    assert abs(px_w / figures.DPI - pt_w / 72) < 1.5 / figures.DPI
    assert abs(px_h / figures.DPI - pt_h / 72) < 1.5 / figures.DPI
    assert height_in > 0


def test_a_figure_within_its_canvas_is_cut_from_the_image_drawn_once(tmp_path):
    def inside() -> plt.Figure:  # no note past the edge, wide margins: the box is on the canvas
        fig = make_figure(None)
        fig.axes[0].texts[0].remove()
        fig.subplots_adjust(left=0.25, right=0.75, bottom=0.25, top=0.75)
        return fig

    png, svg = figures.save_figure(inside(), "fig", tmp_path)
    reference = inside()
    with plt.rc_context(figures.STYLE):
        reference.savefig(tmp_path / "ref.png", dpi=figures.DPI, bbox_inches="tight")
    with Image.open(png) as image, Image.open(tmp_path / "ref.png") as ref:
        assert image.mode == "RGB"  # every pixel opaque: no alpha channel
        assert image.size == ref.size
        ours = np.asarray(image, dtype=int)
        theirs = np.asarray(ref.convert("RGB"), dtype=int)

    def difference(dx: int, dy: int) -> float:  # mean difference with ours moved by (dx, dy)
        h, w = ours.shape[0] - abs(dy), ours.shape[1] - abs(dx)
        a = ours[max(dy, 0) : max(dy, 0) + h, max(dx, 0) : max(dx, 0) + w]
        b = theirs[max(-dy, 0) : max(-dy, 0) + h, max(-dx, 0) : max(-dx, 0) + w]
        return float(np.abs(a - b).mean())

    # the same picture, shifted by under half a pixel: aligned better than by any whole pixel
    aligned = difference(0, 0)
    assert aligned < min(difference(dx, dy) for dx, dy in [(1, 0), (-1, 0), (0, 1), (0, -1)])
    assert aligned < 8
    pt_w, pt_h = svg_size_pt(svg)
    assert abs(ours.shape[1] / figures.DPI - pt_w / 72) < 1.5 / figures.DPI
    assert abs(ours.shape[0] / figures.DPI - pt_h / 72) < 1.5 / figures.DPI


def zlib_level_class(path: Path) -> int:
    """The compression level class (RFC 1950 FLEVEL: 0 fastest, 1 fast, 2 default, 3 maximum)
    in the header of a PNG's zlib stream, which opens its first IDAT chunk."""
    data = path.read_bytes()
    at = 8  # past the PNG signature; then chunks: length, type, data, CRC
    while data[at + 4 : at + 8] != b"IDAT":
        at += 12 + int.from_bytes(data[at : at + 4], "big")
    return data[at + 9] >> 6  # the second byte of the stream (FLG)


@pytest.mark.parametrize("past_the_canvas", [False, True])
def test_pngs_are_written_at_the_fast_zlib_level_either_way(tmp_path, past_the_canvas):
    fig = make_figure(None)
    if not past_the_canvas:
        fig.axes[0].texts[0].remove()
        fig.subplots_adjust(left=0.25, right=0.75, bottom=0.25, top=0.75)
    png, _ = figures.save_figure(fig, "fig", tmp_path)
    assert zlib_level_class(png) == 1  # levels 2-5 are "fast"; PIL's default 6 would read 2


def test_saving_leaves_the_figure_as_it_was(tmp_path):
    fig = make_figure("constrained")
    engine, dpi, size = fig.get_layout_engine(), fig.dpi, tuple(fig.get_size_inches())
    figures.save_figure(fig, "fig", tmp_path)
    assert fig.get_layout_engine() is engine
    assert fig.dpi == dpi
    assert tuple(fig.get_size_inches()) == size


@pytest.mark.parametrize("name", ["", "a/b", "fig.png", "fig.svg"])
def test_bad_names_are_refused(tmp_path, name):
    with pytest.raises(ValueError, match="bare stem"):
        figures.save_figure(make_figure(), name, tmp_path)


def test_show_figure_displays_the_saved_png_and_closes_the_figure(tmp_path, monkeypatch):
    import IPython.display

    shown = []
    monkeypatch.setattr(IPython.display, "display", lambda obj: shown.append(obj))
    fig = make_figure()
    paths = figures.save_figure(fig, "fig", tmp_path)
    figures.show_figure(fig, paths)
    assert not plt.fignum_exists(fig.number)
    (image,) = shown
    assert image.data == paths[0].read_bytes()
    px_w, _ = png_size(paths[0])
    assert image.width == round(px_w / figures.DPI * 110)
    figures.show_figure(make_figure(), paths, width=500)
    assert shown[-1].width == 500


def test_show_figure_needs_the_png(tmp_path):
    with pytest.raises(ValueError, match="no PNG"):
        figures.show_figure(make_figure(), [tmp_path / "fig.svg"])


def test_seeded_global_rng_fixes_the_draws_inside_and_restores_the_state_after():
    np.random.seed(7)
    expected_after = np.random.random_sample(3)
    np.random.seed(7)
    with figures.seeded_global_rng(0):
        inside = np.random.uniform(size=4)
    with figures.seeded_global_rng(0):
        again = np.random.uniform(size=4)
    with figures.seeded_global_rng(1):
        other = np.random.uniform(size=4)
    np.testing.assert_array_equal(inside, again)
    assert not np.array_equal(inside, other)
    np.testing.assert_array_equal(np.random.random_sample(3), expected_after)
    with figures.seeded_global_rng(2**70):  # any seed default_rng takes
        np.random.uniform()


def test_seeded_global_rng_restores_the_state_when_the_block_fails():
    np.random.seed(3)
    expected = np.random.random_sample()
    np.random.seed(3)
    with pytest.raises(RuntimeError), figures.seeded_global_rng(0):
        np.random.uniform(size=10)
        raise RuntimeError("drawing failed")
    assert np.random.random_sample() == expected


def test_each_figure_file_carries_its_caption_and_provenance_byte_stably(tmp_path):
    import json

    import matplotlib.pyplot as plt

    from analysis.figures import figure_metadata, figure_provenance, save_figure
    from analysis.report.gallery import figures_index

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Text.\n", encoding="utf-8")
    prov = figure_provenance(corpus, {"group_by": "origin", "seed": 3, "tables_dir": "/x"})
    assert set(prov) == {"package", "code_sha256", "corpus_sha256", "parameters"}
    assert prov["parameters"] == {"group_by": "origin", "seed": 3}  # no machine paths
    # the code that drew it, and the lexicon files a run used: a tester's two runs with other
    # codebooks drew other figures under one provenance
    from analysis.code_fingerprint import package_sha256
    from analysis.settings import Lexicons, file_sha256

    assert prov["code_sha256"] == package_sha256()
    book = tmp_path / "frames.toml"
    book.write_text('[[frames]]\nkey = "a"\nlabel = "A"\nindicators = ["x"]\n', encoding="utf-8")
    with_book = figure_provenance(corpus, {}, lexicons=Lexicons(codebook=book))
    assert with_book["lexicons_sha256"] == {"codebook": file_sha256(book)}

    def draw(folder):
        fig, ax = plt.subplots()
        ax.plot([0, 1], [0, 1])
        paths = save_figure(fig, "fig08_frame_salience", folder, provenance=prov)
        plt.close(fig)
        return [p.read_bytes() for p in paths]

    first, second = draw(tmp_path / "a"), draw(tmp_path / "b")
    assert first == second
    stored = figure_metadata(tmp_path / "a" / "fig08_frame_salience.png")
    assert stored["title"] == "fig08_frame_salience"
    assert "two origins' intervals overlap" in stored["caption"]  # the grouping's own word
    assert stored["provenance"] == json.loads(json.dumps(prov))
    svg = first[1].decode("utf-8")
    assert "<title>fig08_frame_salience</title>" in svg
    assert "<desc>Frame salience, one panel per frame" in svg
    assert prov["corpus_sha256"] in svg.split("<metadata>")[1]
    info = [
        figures.FigureInfo("fig08_frame_salience", "x", "03_framing.ipynb", "frames_by_outlet.csv")
    ]
    (entry,) = figures_index(info, tmp_path / "a", tmp_path / "reports" / "tables", "origin")
    assert entry["files"] == ["a/fig08_frame_salience.png", "a/fig08_frame_salience.svg"]
    assert entry["source_table"] == "reports/tables/frames_by_outlet.csv"
    assert entry["provenance"]["corpus_sha256"] == prov["corpus_sha256"]


def test_grid_layout_deferred_skips_seaborns_layout_passes_only_inside_the_block(monkeypatch):
    import seaborn as sns

    calls: list[str] = []
    monkeypatch.setattr(plt.Figure, "tight_layout", lambda self, *a, **k: calls.append("tight"))
    with figures.grid_layout_deferred():
        grid = sns.FacetGrid(pd.DataFrame({"x": [1, 2], "c": ["a", "b"]}), col="c")
        grid.tight_layout()
    assert calls == []
    grid.tight_layout()
    assert calls == ["tight"]
    assert "tight_layout" not in sns.FacetGrid.__dict__  # inherited from Grid again


def _draw_first_then_save(fig: plt.Figure, png: Path) -> None:
    """How save_figure wrote a figure reaching past its canvas before it laid figures out
    without rendering: the whole canvas drawn (layout and pixels), then the PNG drawn again."""
    with plt.rc_context(figures._SAVE_RC):
        fig.dpi = figures.DPI
        fig.canvas.draw()
        tight = fig.get_tightbbox(fig.canvas.get_renderer())
        fig.set_layout_engine(None)
        box = tight.padded(plt.rcParams["savefig.pad_inches"])
        fig.savefig(png, dpi=figures.DPI, bbox_inches=box, metadata={"Software": None})


def test_a_figure_past_its_canvas_is_laid_out_once_and_rendered_once_per_file(
    tmp_path, monkeypatch
):
    renders: list[object] = []
    layouts: list[object] = []
    draw, execute = plt.Figure.draw, matplotlib.layout_engine.ConstrainedLayoutEngine.execute
    monkeypatch.setattr(plt.Figure, "draw", lambda self, r: (renders.append(r), draw(self, r)))
    monkeypatch.setattr(
        matplotlib.layout_engine.ConstrainedLayoutEngine,
        "execute",
        lambda self, fig: (layouts.append(fig), execute(self, fig))[1],
    )
    png, _ = figures.save_figure(make_figure(), "fig", tmp_path)  # its note reaches past
    assert len(layouts) == 1
    assert len(renders) == 2  # the PNG on a canvas as large as the box, then the SVG
    monkeypatch.undo()
    _draw_first_then_save(make_figure(), tmp_path / "ref.png")
    with Image.open(png) as ours, Image.open(tmp_path / "ref.png") as ref:
        np.testing.assert_array_equal(np.asarray(ours), np.asarray(ref))


def _cut_with_numpy(canvas: np.ndarray, box, background: np.ndarray) -> np.ndarray:
    """The part ``box`` of a rendered canvas as _write_png placed it, in plain numpy."""
    height = canvas.shape[0]
    out_w, out_h = int(box.width * figures.DPI), int(box.height * figures.DPI)
    left, top = round(box.x0 * figures.DPI), round(height - box.y0 * figures.DPI - out_h)
    image = np.empty((out_h, out_w, 4), dtype=np.uint8)
    image[...] = background
    x0, y0 = max(left, 0), max(top, 0)
    x1, y1 = min(left + out_w, canvas.shape[1]), min(top + out_h, height)
    image[y0 - top : y1 - top, x0 - left : x1 - left] = canvas[y0:y1, x0:x1]
    return image[..., :3] if (image[..., 3] == 255).all() else image


@pytest.mark.parametrize("facecolor", ["white", "#ffeedd80", "none"])
def test_the_png_cut_from_the_canvas_holds_its_pixels_and_the_background_past_its_edge(
    tmp_path, facecolor
):
    from matplotlib.colors import to_rgba
    from matplotlib.transforms import Bbox

    fig = make_figure(None)
    fig.set_facecolor(facecolor)
    fig.dpi = figures.DPI
    fig.canvas.draw()
    canvas = np.asarray(fig.canvas.buffer_rgba()).copy()
    # a box reaching past the canvas on the left and at the bottom, at a fractional pixel
    box = Bbox.from_extents(-0.0517, -0.0333, 2.4021, 1.7789)
    figures._write_png(fig, box, tmp_path / "cut.png", {"Title": "t", "Software": None})
    background = np.round(np.array(to_rgba(fig.get_facecolor())) * 255).astype(np.uint8)
    expected = _cut_with_numpy(canvas, box, background)
    with Image.open(tmp_path / "cut.png") as image:
        assert image.mode == ("RGB" if expected.shape[2] == 3 else "RGBA")
        assert image.info["Title"] == "t" and "Software" not in image.info
        np.testing.assert_array_equal(np.asarray(image), expected)


def test_figure_metadata_reads_the_text_chunks_without_decoding_the_pixels(tmp_path, monkeypatch):
    from PIL import ImageFile

    png, _ = figures.save_figure(make_figure(), "fig", tmp_path, caption="A caption.")
    decoded: list[str] = []
    load = ImageFile.ImageFile.load
    monkeypatch.setattr(
        ImageFile.ImageFile, "load", lambda self: (decoded.append("load"), load(self))[1]
    )
    assert figures.figure_metadata(png) == {
        "title": "fig",
        "caption": "A caption.",
        "provenance": {},
    }
    assert decoded == []
    (tmp_path / "bad.png").write_bytes(b"not a png")
    assert figures.figure_metadata(tmp_path / "bad.png") == {}


def test_a_provenance_note_is_written_under_the_plot_and_into_both_captions(tmp_path):
    import json

    from analysis.figures import figure_metadata, figure_provenance, save_figure

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Text.\n", encoding="utf-8")
    note = "Mostly not in English: kabarislamia.com (2 of 2: id 2)."
    plain = figure_provenance(corpus, {"group_by": "outlet"})
    noted = figure_provenance(corpus, {"group_by": "outlet"}, note=note)
    assert "note" not in plain and noted["note"] == note

    def draw(folder, provenance):
        fig = make_figure()
        texts = len(fig.texts)
        paths = save_figure(fig, "fig02_sentence_tone", folder, provenance=provenance)
        assert len(fig.texts) == texts  # the note is taken off the figure once saved
        return paths

    png, svg = draw(tmp_path / "noted", noted)
    png_plain, _ = draw(tmp_path / "plain", plain)
    stored = figure_metadata(png)
    assert stored["caption"].endswith(" " + note)
    assert stored["provenance"] == json.loads(json.dumps(noted))
    text = svg.read_text(encoding="utf-8")
    assert note in text.split("<desc>")[1].split("</desc>")[0]
    # drawn under the plot: the image is taller than the same figure without it
    (width, height), (width_plain, height_plain) = png_size(png), png_size(png_plain)
    assert height > height_plain and width >= width_plain
    assert "kabarislamia.com" in text.split("</metadata>")[-1]  # a text of the drawing
    assert png.read_bytes() == draw(tmp_path / "again", noted)[0].read_bytes()


def test_dollar_signs_in_group_names_and_notes_are_drawn_as_written(tmp_path):
    """An outlet named "$5 Daily & $10 Weekly" was drawn as mathtext ("5Daily&10 Weekly" in
    italics): the style turns math parsing off, for the plot's texts and the note under it."""
    from analysis.figures import apply_style, figure_provenance, save_figure

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Text.\n", encoding="utf-8")
    name = "$5 Daily & $10 Weekly"
    apply_style()
    fig, ax = plt.subplots(figsize=(figures.SINGLE_COLUMN_IN, 2.0))
    ax.barh([0, 1], [0.2, 0.4])
    ax.set_yticks([0, 1], labels=[name, "Yahoo $Finance"])
    note = f"Mostly not in English: {name} (2 of 2: pt 2)."
    provenance = figure_provenance(corpus, {"group_by": "outlet"}, note=note)
    _, svg = save_figure(fig, "fig02_sentence_tone", tmp_path / "out", provenance=provenance)
    drawing = svg.read_text(encoding="utf-8").split("</metadata>")[-1]
    # the texts drawn (matplotlib's comments name every text, even one drawn as mathtext)
    texts = [
        re.sub(r"\s+", " ", t) for t in re.findall(r"<text\b[^>]*>(.*?)</text>", drawing, re.S)
    ]
    assert "$5 Daily &amp; $10 Weekly" in texts  # the tick label, as written
    assert any(t.startswith("Mostly not in English: $5 Daily &amp; $10 Weekly") for t in texts)
    assert "Yahoo $Finance" in texts


def test_a_note_goes_under_an_axis_label_that_reaches_below_the_canvas():
    """Figure 5 has no layout engine and its x label lies below the canvas: the note, put at
    the canvas's bottom edge, was drawn over it."""
    fig, ax = plt.subplots(figsize=(figures.DOUBLE_COLUMN_IN, 1.5))
    fig.subplots_adjust(bottom=0.05)  # the tick labels and x label fall below the canvas
    ax.set_xlabel("Share of sentences (vader; compound ≤ −0.05 / ≥ +0.05)")
    note = figures._add_note(fig, "Mostly not in English: B (3 of 6: id 1, ko 1, pt 1).")
    renderer = fig.canvas.get_renderer()
    label = ax.xaxis.label.get_window_extent(renderer)
    assert label.y0 < 0  # below the canvas, as in figure 5
    figures._place_note(fig, renderer)
    placed = note.get_window_extent(renderer)
    assert placed.y1 <= label.y0  # under the label, not over it
    assert placed.x0 <= ax.get_tightbbox(renderer).x0 + 1  # from the left edge of the rest


def test_a_note_under_a_figure_within_its_canvas_stays_at_the_canvas_edge():
    fig, ax = plt.subplots(figsize=(figures.SINGLE_COLUMN_IN, 2.0), layout="constrained")
    ax.plot([0, 1], [0, 1])
    ax.set_xlabel("paragraph")
    note = figures._add_note(fig, "A note.")
    fig.canvas.draw()  # the constrained layout keeps everything on the canvas
    figures._place_note(fig, fig.canvas.get_renderer())
    assert note.get_position() == (0.0, 0.0)


def test_a_figure_legend_keeps_its_place_when_the_saved_box_grows_past_the_canvas():
    """A legend "outside lower center" is placed against the figure's box, which savefig with
    a box past the canvas (the note under the plot) replaces: a tester's figures 10 and 12 had
    the legend drawn over the note that said an outlet's articles were not in English."""
    from matplotlib._tight_bbox import adjust_bbox

    fig, ax = plt.subplots(figsize=(figures.DOUBLE_COLUMN_IN, 2.0), layout="constrained")
    for k in range(4):
        ax.bar([k], [k + 1], label=f"Outlet {k} (3 articles)")
    fig.legend(loc="outside lower center", ncols=2)
    note = figures._add_note(fig, "Mostly not in English: B (3 of 6: id 1). " * 4)
    fig.dpi = figures.DPI
    renderer = fig.canvas.get_renderer()
    figures._lay_out(fig)
    figures._place_note(fig, renderer)
    box = fig.get_tightbbox(renderer).padded(0.05)
    assert box.y0 < 0  # the note hangs below the canvas: savefig draws on a larger one
    before = fig.legends[0].get_window_extent(renderer)
    figures._pin_figure_legends(fig, renderer)
    fig.set_layout_engine(None)
    restore = adjust_bbox(fig, box, renderer)  # what savefig(bbox_inches=box) does before drawing
    try:
        fig.canvas.draw()
        legend = fig.legends[0].get_window_extent(renderer)
        placed = note.get_window_extent(renderer)
    finally:
        restore()
    shift = box.y0 * figures.DPI  # the canvas's origin moves to the box's corner
    assert legend.y0 == pytest.approx(before.y0 - shift, abs=1)
    assert placed.y1 <= legend.y0  # the note under the legend, not under its words
    plt.close(fig)
