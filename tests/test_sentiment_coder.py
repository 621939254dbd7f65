"""The trained tone coder (``-p tone_coder``): loading, coding, the per-group table, its figure,
the summary's words, the parameter check and the rerun key. Every model is trained here, on a
small made-up coded sheet about another topic (a town's new cycle lanes), in a tmp folder."""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis.commands import train as train_command
from analysis.pipeline.notebooks import list_notebooks
from analysis.pipeline.params import (
    ParameterError,
    check_value,
    discover_parameters,
    validate_parameters,
)
from analysis.report import summary
from analysis.report.tone_coder import HEADING, tone_coder_lines
from analysis.sentiment import coder as tone
from analysis.sentiment.coder_plots import CODER_FIGURE, FIGURES, plot_coder_tone
from analysis.validation.model import ModelError

REPO_NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"

NEGATIVE = [
    "Cyclists were injured in a crash on the new lane",
    "Residents are furious about the dangerous junction",
    "The council wasted money on a failed scheme",
    "Shops lost customers and complained bitterly",
]
NEUTRAL = [
    "The lane runs along the river road",
    "The council meets on Tuesday to discuss the plan",
    "The scheme covers four streets in the centre",
    "Work on the lane started in March",
]
POSITIVE = [
    "Families praised the safe and pleasant new route",
    "Commuters welcomed the excellent lane with delight",
    "The popular scheme was a great success for the town",
    "Shop owners are happy with the cheerful crowds",
]


def write_sheet(path: Path, *, with_tone: bool = True, copies: int = 3) -> Path:
    """A coded sheet as `python -m analysis train` reads it: sentence, a frame, tone."""
    rows = []
    for i in range(copies):
        for texts, code in ((NEGATIVE, "-1"), (NEUTRAL, "0"), (POSITIVE, "1")):
            for k, text in enumerate(texts):
                row = {"sentence": f"{text} ({i})", "safety": "1" if k % 2 == 0 else "0"}
                if with_tone:
                    row["tone"] = code
                rows.append(row)
    pd.DataFrame(rows).to_csv(path, index=False)
    return path


def train(tmp_path: Path, name: str = "model", *, with_tone: bool = True) -> Path:
    sheet = write_sheet(tmp_path / f"{name}.csv", with_tone=with_tone)
    out = tmp_path / name
    args = argparse.Namespace(sheet=[sheet], out=out, codebook=None, folds=3, seed=1)
    assert train_command.main(args) == 0
    return out


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return train(tmp_path_factory.mktemp("coder"))


def sentences_table() -> pd.DataFrame:
    """Two outlets, three articles; compound scores chosen so that VADER's classes are known."""
    rows = [
        ("a1", "Alpha", 0, "Cyclists were injured in a terrible crash", -0.6),
        ("a1", "Alpha", 1, "The lane runs along the river road", 0.0),
        ("a1", "Alpha", 2, "Families praised the safe new route", 0.7),
        ("a2", "Alpha", 0, "Residents are furious about the junction", 0.3),
        ("a2", "Alpha", 1, "Work on the lane started in March", 0.0),
        ("b1", "Beta", 0, "Commuters welcomed the excellent lane", 0.8),
        ("b1", "Beta", 1, "The council meets on Tuesday", -0.2),
        ("b1", "Beta", 2, "Shops lost customers and complained", -0.5),
    ]
    frame = pd.DataFrame(rows, columns=["doc_id", "outlet", "sentence_id", "sentence", "compound"])
    return frame.assign(compound_news=frame["compound"])


# ------------------------------------------------------------------ loading and coding


def test_a_model_trained_with_tone_loads_and_reports_its_cross_validated_f1(model_dir):
    model = tone.load_tone_coder(model_dir)
    assert model.has_tone
    info = tone.tone_coder_info(model_dir, model)
    assert info.name == "model"
    assert len(info.sheet_sha256) == 64
    assert 0.0 <= info.cv_f1 <= 1.0
    assert info.folds == 3 and info.n_coded == 36
    saved = model.metrics.set_index("frame").loc["tone", "cv_f1"]
    assert info.cv_f1 == pytest.approx(saved)


def test_a_model_without_tone_is_refused_naming_the_parameter(tmp_path):
    folder = train(tmp_path, "frames_only", with_tone=False)
    with pytest.raises(ModelError, match="trained without tone codes") as err:
        tone.load_tone_coder(folder)
    assert "tone_coder" in str(err.value) and "`tone` column" in str(err.value)


def test_a_model_whose_tone_train_left_out_is_refused_with_that_reason(tmp_path, monkeypatch):
    # a tester whose sheet had a tone column was told to train on a sheet with one
    from test_validation_model import training_set

    from analysis.validation import model as module

    monkeypatch.setattr(module, "vader_macro_f1", lambda texts, codes: 1.0)  # VADER perfect
    texts, labels, codes = training_set()
    model = module.train_frame_model(texts, labels, tone=codes, folds=3, seed=1)
    rows = model.metrics.set_index("frame")
    assert not rows.loc["tone", "kept"]
    model.save(tmp_path / "m")
    with pytest.raises(ModelError, match="codes no tone: `train` left its tone coder out") as err:
        tone.load_tone_coder(tmp_path / "m")
    assert f"below VADER's {rows.loc['tone', 'baseline_f1']:.2f}" in str(err.value)
    assert "`tone` column" not in str(err.value)


def test_a_folder_that_is_no_model_is_refused_by_the_loader(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(ModelError, match=r"model\.json not found"):
        tone.load_tone_coder(tmp_path / "empty")


def test_every_sentence_gets_the_models_class_in_any_batch_size(model_dir):
    model = tone.load_tone_coder(model_dir)
    sentences = sentences_table()
    coded = tone.add_coder_tone(sentences, model)
    expected = model.predict_tone(sentences["sentence"]).tolist()
    assert coded[tone.CODER_COLUMN].tolist() == expected
    assert set(expected) <= {-1, 0, 1}
    assert tone.add_coder_tone(sentences, model, batch=3)[tone.CODER_COLUMN].tolist() == expected
    assert tone.CODER_COLUMN not in sentences.columns  # a copy, the input is left alone
    # the coder learned the made-up sheet: clear cases come out as coded there
    clear = ["Residents are furious and injured", "Families welcomed the excellent route"]
    assert model.predict_tone(clear).tolist() == [-1, 1]


# ------------------------------------------------------------------ the per-group table


def coded_sentences() -> pd.DataFrame:
    return sentences_table().assign(coder_tone=[-1, 0, 1, -1, 0, 1, 0, 0])


def test_the_table_holds_both_coders_shares_and_their_agreement_per_group():
    table = tone.coder_tone_table(coded_sentences(), "outlet", n_boot=200, seed=3)
    assert list(table.columns) == [
        "outlet", "coder", "measure", "estimate", "ci_low", "ci_high", "n_docs", "n_sentences",
    ]  # fmt: skip
    assert len(table) == 2 * (4 + 3)
    est = table.set_index(["outlet", "coder", "measure"])["estimate"]
    # Alpha: trained -1, 0, 1, -1, 0; VADER (cut-offs ±0.05) -1, 0, 1, 1, 0
    assert est[("Alpha", "trained", "share_negative")] == pytest.approx(2 / 5)
    assert est[("Alpha", "trained", "share_neutral")] == pytest.approx(2 / 5)
    assert est[("Alpha", "trained", "share_positive")] == pytest.approx(1 / 5)
    assert est[("Alpha", "vader", "share_negative")] == pytest.approx(1 / 5)
    assert est[("Alpha", "vader", "share_positive")] == pytest.approx(2 / 5)
    assert est[("Alpha", "trained", "agreement")] == pytest.approx(4 / 5)
    # Beta: trained 1, 0, 0; VADER 1, -1, -1
    assert est[("Beta", "trained", "share_neutral")] == pytest.approx(2 / 3)
    assert est[("Beta", "vader", "share_negative")] == pytest.approx(2 / 3)
    assert est[("Beta", "trained", "agreement")] == pytest.approx(1 / 3)
    assert ("Beta", "vader", "agreement") not in est.index
    for coder in ("trained", "vader"):
        shares = table[(table["coder"] == coder) & (table["measure"] != "agreement")]
        sums = shares.groupby("outlet")["estimate"].sum()
        assert np.allclose(sums, 1.0)
    assert (table["ci_low"] <= table["estimate"] + 1e-12).all()
    assert (table["estimate"] <= table["ci_high"] + 1e-12).all()
    sizes = table.drop_duplicates("outlet").set_index("outlet")
    assert sizes.loc["Alpha", ["n_docs", "n_sentences"]].tolist() == [2, 5]
    assert sizes.loc["Beta", ["n_docs", "n_sentences"]].tolist() == [1, 3]


def test_the_table_is_the_same_for_a_seed_and_follows_the_method():
    sentences = coded_sentences()
    a = tone.coder_tone_table(sentences, "outlet", n_boot=200, seed=3)
    pd.testing.assert_frame_equal(a, tone.coder_tone_table(sentences, "outlet", n_boot=200, seed=3))
    news = sentences.assign(compound_news=[0.0] * len(sentences))
    b = tone.coder_tone_table(news, "outlet", method="vader-news", n_boot=200, seed=3)
    assert set(b["coder"]) == {"trained", "vader-news"}
    assert b.set_index(["outlet", "coder", "measure"]).loc[
        ("Beta", "vader-news", "share_neutral"), "estimate"
    ] == pytest.approx(1.0)


def test_the_table_refuses_codes_that_are_no_tone_classes():
    with pytest.raises(ValueError, match="-1, 0 and 1"):
        tone.coder_tone_table(sentences_table().assign(coder_tone=2), "outlet", n_boot=100)
    with pytest.raises(KeyError, match="add_coder_tone"):
        tone.coder_tone_table(sentences_table(), "outlet", n_boot=100)


def test_per_sentence_codes_and_the_strongest_disagreements():
    sentences = coded_sentences()
    rows = tone.coder_tone_sentences(sentences, "outlet")
    assert list(rows.columns) == [
        "doc_id", "sentence_id", "outlet", "coder_tone", "lexicon_tone", "compound",
    ]  # fmt: skip
    assert rows["lexicon_tone"].tolist() == [-1, 0, 1, 1, 0, 1, -1, -1]
    worst = tone.coder_disagreements(sentences, "outlet", n=1)
    # Alpha: a2/0 is trained -1 against VADER +1 (opposite signs) -> first
    assert worst[["doc_id", "sentence_id"]].values.tolist() == [["a2", 0], ["b1", 2]]
    assert "sentence" in worst.columns


# ------------------------------------------------------------------ figure


def test_the_figure_is_registered_drawn_with_sizes_and_saved_byte_stable(tmp_path):
    from analysis.figures import apply_style, save_figure
    from analysis.report.gallery import registered_figures

    assert CODER_FIGURE in registered_figures()
    assert FIGURES[CODER_FIGURE].table == tone.CODER_TONE_TABLE
    apply_style()
    table = tone.coder_tone_table(coded_sentences(), "outlet", n_boot=100, seed=1)
    palette = {"Alpha": "#0072B2", "Beta": "#E69F00"}
    fig = plot_coder_tone(table, "outlet", palette)
    assert [ax.get_title() for ax in fig.axes] == ["negative", "neutral", "positive"]
    texts = [t.get_text() for t in fig.axes[-1].texts]
    assert texts == ["n = 5 sent., 2 art.", "n = 3 sent., 1 art."]
    colours = {line.get_color() for ax in fig.axes for line in ax.lines}
    assert {"#0072B2", "#E69F00"} <= colours
    first = save_figure(fig, CODER_FIGURE, tmp_path / "a")
    fig = plot_coder_tone(table, "outlet", palette)
    second = save_figure(fig, CODER_FIGURE, tmp_path / "b")
    assert [p.name for p in first] == [f"{CODER_FIGURE}.png", f"{CODER_FIGURE}.svg"]
    assert first[1].read_bytes() == second[1].read_bytes()


def test_coder_figure_wraps_a_long_outlet_name_as_every_figure_does():
    from analysis.figure_labels import group_label
    from analysis.figures import apply_style

    apply_style()
    name = "The Extraordinarily Long Named International Daily Chronicle of Commerce " * 2
    table = tone.coder_tone_table(coded_sentences(), "outlet", n_boot=20, seed=1)
    table["outlet"] = table["outlet"].replace({"Beta": name.strip()})
    fig = plot_coder_tone(table, "outlet", {"Alpha": "#0072B2"})
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels == ["Alpha", group_label(name.strip())] and "…" in labels[1]


# ------------------------------------------------------------------ summary


def test_no_tone_coder_adds_nothing_to_the_summary(tmp_path):
    assert tone_coder_lines(tmp_path, {"tone_coder": ""}) == ([], [])
    assert tone_coder_lines(tmp_path, {}) == ([], [])


def test_the_summary_states_the_shares_the_coder_and_its_measured_accuracy(model_dir, tmp_path):
    table = tone.coder_tone_table(coded_sentences(), "outlet", n_boot=200, seed=3)
    table.to_csv(tmp_path / tone.CODER_TONE_TABLE, index=False)
    params = {"tone_coder": str(model_dir), "method": "vader", "n_boot": 200, "seed": 3}
    lines, limits = tone_coder_lines(tmp_path, params)
    text = "\n".join(lines)
    info = tone.tone_coder_info(model_dir)
    assert lines[0] == HEADING
    assert "the trained model `model` (`-p tone_coder`)" in text
    assert f"training sheet SHA-256 `{info.sheet_sha256[:16]}…`" in text
    assert (
        f"cross-validated macro-F1 over the three classes is {info.cv_f1:.2f} over 3 folds" in text
    )
    assert "200 replicates, seed 3" in text
    assert "- Alpha (2 articles, 5 sentences): trained coder negative 40% (95% CI " in text
    assert "; vader negative 20% (95% CI " in text
    assert "the two give the same class to 80% of the sentences" in text
    assert "- Beta (1 article, 3 sentences)" in text
    assert len(limits) == 1
    assert "trained on the user's coded sheet" in limits[0]
    assert "Its error on other text, these articles included, is unknown" in limits[0]
    assert f"({info.cv_f1:.2f})" in limits[0]


def test_an_unreadable_model_or_a_missing_table_is_said_not_raised(tmp_path):
    lines, limits = tone_coder_lines(tmp_path, {"tone_coder": str(tmp_path / "gone")})
    text = "\n".join(lines)
    assert "could not be read" in text and "model.json not found" in text
    assert f"No `{tone.CODER_TONE_TABLE}` was written" in text
    assert len(limits) == 1


def test_the_parameter_table_lists_tone_coder_only_when_set_and_by_folder_name():
    from analysis.report.facts import CorpusFacts

    facts = CorpusFacts("outlet", 1, 2, 9, (("A", 1, 2),), "x", 1, 0, (), ())
    unset = "\n".join(summary._reproducibility_section(facts, {"tone_coder": "", "seed": 1}, {}))
    assert "tone_coder" not in unset and "| `seed` | 1 |" in unset
    given = {"tone_coder": "/somewhere/models/cycle", "frame_coder": "/x/frames", "seed": 1}
    shown = "\n".join(summary._reproducibility_section(facts, given, {}))
    assert "| `tone_coder` | cycle |" in shown and "| `frame_coder` | frames |" in shown
    assert "/somewhere" not in shown


# ------------------------------------------------------------------ the parameter and the rerun key


def test_the_parameter_takes_a_tone_model_as_an_absolute_path(model_dir, tmp_path, monkeypatch):
    monkeypatch.chdir(model_dir.parent)
    assert check_value("tone_coder", "model") == str(model_dir)
    assert check_value("tone_coder", "") == ""


def test_a_bad_path_or_a_model_without_tone_is_refused_before_the_run(tmp_path):
    schema = discover_parameters(list_notebooks(REPO_NOTEBOOKS))
    assert schema["tone_coder"].notebooks == ("02_sentiment.ipynb",)
    with pytest.raises(ParameterError) as err:
        validate_parameters({"tone_coder": "no/such/model"}, schema, base_dir=tmp_path)
    message = str(err.value)
    assert "parameter 'tone_coder'" in message and "model.json not found" in message
    frames_only = train(tmp_path, "frames_only", with_tone=False)
    with pytest.raises(ParameterError) as err:
        validate_parameters({"tone_coder": str(frames_only)}, schema, base_dir=tmp_path)
    message = str(err.value)
    assert "parameter 'tone_coder'" in message and "trained without tone codes" in message


def test_the_rerun_key_hashes_the_model_folders_files(model_dir, tmp_path):
    import shutil

    from analysis.pipeline.rerun import run_key

    folder = tmp_path / "m"
    shutil.copytree(model_dir, folder)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("One article.\n", encoding="utf-8")
    notebook = tmp_path / "01_x.ipynb"
    notebook.write_text('{"cells": []}', encoding="utf-8")
    for name in ("tone_coder", "frame_coder"):
        values = {name: str(folder)}
        key = run_key(values, [notebook], corpus, tmp_path / "out")
        assert key == run_key(values, [notebook], corpus, tmp_path / "out")
        meta = folder / "model.json"
        original = meta.read_bytes()
        meta.write_bytes(original + b" ")  # retrained into the same folder
        assert run_key(values, [notebook], corpus, tmp_path / "out") != key
        meta.write_bytes(original)


def test_a_coder_close_to_guessing_is_called_so():
    from analysis.report.tone_coder import _f1_words

    weak = tone.ToneCoderInfo("m", "", 0.19, 5, 30)
    strong = tone.ToneCoderInfo("m", "", 0.81, 5, 30)
    assert "close to what guessing gives" in _f1_words(weak)
    assert "guessing" not in _f1_words(strong)
    assert "not measured" in _f1_words(tone.ToneCoderInfo("m", "", float("nan"), 0, 0))


def test_a_sheet_with_tone_codes_only_gives_a_tone_coder(tmp_path):
    sheet = write_sheet(tmp_path / "full.csv")
    pd.read_csv(sheet)[["sentence", "tone"]].to_csv(tmp_path / "tone.csv", index=False)
    args = argparse.Namespace(
        sheet=[tmp_path / "tone.csv"], out=tmp_path / "t", codebook=None, folds=3, seed=1
    )
    assert train_command.main(args) == 0
    model = tone.load_tone_coder(tmp_path / "t")
    assert model.keys == []
    assert check_value("tone_coder", str(tmp_path / "t")) == str(tmp_path / "t")
    coded = tone.add_coder_tone(sentences_table(), model)
    assert set(coded[tone.CODER_COLUMN]) <= {-1, 0, 1}


@pytest.mark.slow
def test_a_run_with_a_tone_coder_writes_its_table_figure_and_summary(model_dir, tmp_path):
    from analysis.pipeline import run as runner

    params = {"tone_coder": str(model_dir), "n_boot": 100, "n_perm": 100}
    runner.run_pipeline(params, out_dir=tmp_path, progress=False, log=lambda _: None)
    tables = tmp_path / "reports" / "tables"
    table = pd.read_csv(tables / tone.CODER_TONE_TABLE)
    assert list(table.columns[:3]) == ["outlet", "coder", "measure"]
    assert set(table["coder"]) == {"trained", "vader"}
    per_outlet = table.groupby("outlet").size()
    assert (per_outlet == 7).all() and len(per_outlet) >= 2
    rows = pd.read_csv(tables / tone.CODER_TONE_SENTENCES)
    sentences = pd.read_csv(tables / "sentences.csv")
    assert len(rows) == len(sentences)
    for ext in (".png", ".svg"):
        assert (tmp_path / "figures" / f"{CODER_FIGURE}{ext}").is_file()
    assert CODER_FIGURE in (tmp_path / "figures" / "README.md").read_text(encoding="utf-8")
    md = (tmp_path / "reports" / "summary.md").read_text(encoding="utf-8")
    assert HEADING in md and "**The trained tone coder.**" in md
    assert f"../figures/{CODER_FIGURE}.png" in md
    assert "| `tone_coder` | model |" in md
    methods = md.split("## Methods")[1].split("\n## ")[0]
    assert "also coded −1/0/+1 by the trained tone coder" in methods


def test_no_sentences_give_an_empty_table_and_a_figure_that_says_so(model_dir):
    empty = tone.add_coder_tone(sentences_table().iloc[:0], tone.load_tone_coder(model_dir))
    table = tone.coder_tone_table(empty, "outlet", n_boot=100)
    assert table.empty and "coder" in table.columns
    fig = plot_coder_tone(table, "outlet", {})
    assert any("No sentences" in t.get_text() for ax in fig.axes for t in ax.texts)


def test_the_coder_figure_names_the_model_not_its_path():
    info = tone.ToneCoderInfo("cycle", "ab" * 32, 0.7, 5, 40)
    base = {"package": "p", "corpus_sha256": "c", "parameters": {"seed": 1}}
    prov = tone.coder_provenance(base, info)
    assert prov["parameters"] == {
        "seed": 1, "tone_coder": "cycle", "tone_coder_sheet_sha256": "ab" * 32,
    }  # fmt: skip
    assert base["parameters"] == {"seed": 1}  # the notebook's other figures keep theirs


def test_a_held_out_agreement_replaces_the_unknown_error_in_the_coders_section(model_dir, tmp_path):
    # a tester's summary gave the coder's held-out agreement under "How far to trust", and
    # said beside it that its error on these articles was unknown
    params = {"tone_coder": str(model_dir), "method": "vader"}
    lines, limits = tone_coder_lines(tmp_path, params, checked="held out")
    assert "its only measured accuracy" not in "\n".join(lines)
    assert "on items it was not trained on, is under “How far to trust" in "\n".join(lines)
    assert "unknown" not in limits[0] and "coded sample of these articles" in limits[0]
    _, limits = tone_coder_lines(tmp_path, params, checked="in-sample")
    assert "unknown (the agreement table's row for it is in-sample)" in limits[0]


def test_the_coders_section_counts_the_runs_sentences_it_was_trained_on(model_dir, tmp_path):
    # a tester's run coded 1,501 of its 2,052 sentences as its coders had, without a word
    sheet = pd.read_csv(model_dir.parent / "model.csv")
    taught = sheet["sentence"].astype(str).head(3).tolist()
    pd.DataFrame({"sentence": [*taught, "A sentence no coder saw."]}).to_csv(
        tmp_path / "sentences.csv", index=False
    )
    lines, _ = tone_coder_lines(tmp_path, {"tone_coder": str(model_dir)})
    assert "3 of the run's 4 sentences were among its training items" in "\n".join(lines)
