"""The trainable coder: learns made-up frames, saves without pickle, loads the same."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis.validation.model import ModelError, load_frame_model, train_frame_model

WAR = ["troops clashed at the border", "the army shelled the town", "soldiers fought rebels"]
MONEY = ["prices rose for buyers", "the firm lost money", "profits fell sharply"]
OTHER = ["the weather was mild", "a concert was held", "the park opened today"]


def training_set(copies: int = 6) -> tuple[list[str], pd.DataFrame, np.ndarray]:
    texts, war, money, tone = [], [], [], []
    for i in range(copies):
        for group, w, m, t in ((WAR, 1, 0, -1), (MONEY, 0, 1, -1), (OTHER, 0, 0, 1)):
            for text in group:
                texts.append(f"{text} {i}")
                war.append(w)
                money.append(m)
                tone.append(t if i % 2 else 0)
    return texts, pd.DataFrame({"war": war, "money": money}, dtype=float), np.array(tone)


def test_learns_frames_and_round_trips(tmp_path: Path) -> None:
    texts, labels, tone = training_set()
    model = train_frame_model(texts, labels, tone=tone, folds=3, seed=1)
    new = ["rebels clashed with troops", "profits and prices fell", "a mild day in the park"]
    pred = model.predict(new)
    assert list(pred.columns) == ["war", "money"]
    assert pred.dtypes.tolist() == [bool, bool]
    assert pred.to_numpy().tolist() == [[True, False], [False, True], [False, False]]
    assert set(model.metrics["frame"]) == {"war", "money", "tone"}
    model.save(tmp_path / "m")
    loaded = load_frame_model(tmp_path / "m")
    pd.testing.assert_frame_equal(loaded.decision(new), model.decision(new))
    assert loaded.predict_tone(new).tolist() == model.predict_tone(new).tolist()


def test_deterministic_for_a_seed() -> None:
    texts, labels, _ = training_set()
    a = train_frame_model(texts, labels, folds=3, seed=7)
    b = train_frame_model(texts, labels, folds=3, seed=7)
    np.testing.assert_array_equal(a.coef, b.coef)
    pd.testing.assert_frame_equal(a.metrics, b.metrics)


def test_a_frame_without_positives_is_named_and_left_to_the_codebook() -> None:
    """A scholar's sheet had one item of one of her six frames, and `train` stopped."""
    texts, labels, _ = training_set()
    labels["war"] = 0.0
    with pytest.warns(UserWarning, match=r"left out of the model .*frame 'war': needs at least"):
        model = train_frame_model(texts, labels, folds=3)
    assert model.keys == ["money"]
    with pytest.raises(ModelError, match="frame 'war'"):  # the benchmarks score every frame
        train_frame_model(texts, labels, folds=3, drop_uninformative=False)
    labels["money"] = 0.0
    with pytest.raises(ModelError, match=r"no frame can be trained: frame 'war'.*frame 'money'"):
        train_frame_model(texts, labels, folds=3)


def test_the_saved_model_has_no_pickle(tmp_path: Path) -> None:
    texts, labels, _ = training_set()
    train_frame_model(texts, labels, folds=3).save(tmp_path / "m")
    assert sorted(p.name for p in (tmp_path / "m").iterdir()) == ["model.json", "weights.npz"]
    with np.load(tmp_path / "m" / "weights.npz", allow_pickle=False) as data:
        assert all(data[k].dtype != object for k in data.files)


def test_missing_model_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match=r"model\.json not found"):
        load_frame_model(tmp_path)


def test_best_threshold_maximises_f1_between_scores() -> None:
    from analysis.validation.model import _best_threshold, f1_at

    scores = np.array([3.0, 2.0, 1.0, 0.5, -1.0, -2.0])
    y = np.array([1, 1, 0, 1, 0, 0])
    threshold, f1 = _best_threshold(scores, y)
    # top 4 (3 positives of 4 predicted, all 3 found) gives F1 6/7, above the top 2 (F1 0.8)
    assert f1 == pytest.approx(6 / 7)
    assert threshold == pytest.approx(-0.25)  # midway between 0.5 and -1.0
    assert f1_at(scores, y, threshold) == pytest.approx(f1)
    tied, _ = _best_threshold(np.array([1.0, 1.0, 0.0]), np.array([1, 0, 0]))
    assert tied == pytest.approx(0.5)  # never cuts between equal scores
    assert _best_threshold(np.array([0.2, -0.1]), np.array([0, 0]))[0] == 0.0


def test_thresholds_are_tuned_on_the_training_texts_and_saved() -> None:
    texts, labels, _ = training_set()
    plain = train_frame_model(texts, labels, folds=3, seed=1, tune_thresholds=False)
    tuned = train_frame_model(texts, labels, folds=3, seed=1)
    assert plain.metrics["threshold"].tolist() == [0.0, 0.0]
    assert np.isfinite(tuned.metrics["threshold"]).all()
    assert tuned.settings["tune_thresholds"] is True
    same_c = plain.metrics["C"].iloc[0] == tuned.metrics["C"].iloc[0]
    if same_c:  # the threshold is folded into the intercept, the weights are the same fit
        shift = plain.intercept - tuned.intercept
        np.testing.assert_allclose(shift, tuned.metrics["threshold"].to_numpy())


def test_a_tuned_model_round_trips(tmp_path: Path) -> None:
    texts, labels, _ = training_set()
    model = train_frame_model(texts, labels, folds=3, seed=2)
    loaded = load_frame_model(model.save(tmp_path / "m"))
    new = ["rebels clashed with troops", "profits and prices fell", "a mild day"]
    pd.testing.assert_frame_equal(loaded.predict(new), model.predict(new))


def test_the_model_remembers_its_training_items_by_digest_not_by_text(tmp_path: Path) -> None:
    from analysis.validation.model import in_training, text_digest

    texts, labels, _ = training_set()
    model = train_frame_model(texts, labels, folds=3, seed=1)
    model.save(tmp_path / "m")
    saved = (tmp_path / "m" / "model.json").read_text(encoding="utf-8")
    assert texts[0] not in saved and text_digest(texts[0]) in saved
    loaded = load_frame_model(tmp_path / "m")
    probe = [texts[0], "  " + texts[1].replace(" ", "\n"), "a text it never saw"]
    assert in_training(loaded, probe).tolist() == [True, True, False]  # whitespace aside
    assert text_digest("a  b\n") == text_digest("a b") and len(text_digest("x")) == 16


def test_a_frame_no_better_than_marking_every_item_is_left_to_the_codebook(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # a tester's model marked every sentence with two rare frames (cv F1 = 2p/(1+p)), and a run
    # then reported them in 100% of sentences
    from analysis.validation import model as module

    texts, labels, tone = training_set()
    labels["rare"] = [1.0 if k in (4, 20, 33, 47) else 0.0 for k in range(len(texts))]
    real = module._oof_decisions

    def ranks_nothing(x, y, c, folds, seed):  # a classifier that gives every item one score
        return np.zeros(len(y)) if y.sum() == 4 else real(x, y, c, folds, seed)

    monkeypatch.setattr(module, "_oof_decisions", ranks_nothing)
    model = train_frame_model(texts, labels, folds=3, seed=1)
    rows = model.metrics.set_index("frame")
    assert rows.loc["rare", "cv_f1"] == pytest.approx(2 * (4 / 54) / (1 + 4 / 54))
    assert not rows.loc["rare", "kept"] and rows.loc["war", "kept"]
    assert model.keys == ["war", "money"] and model.coef.shape[0] == 2
    assert list(model.predict(["troops clashed"]).columns) == ["war", "money"]
    every = train_frame_model(texts, labels, folds=3, seed=1, drop_uninformative=False)
    assert every.keys == ["war", "money", "rare"]  # the benchmarks score every frame
    with pytest.raises(ModelError, match="no frame was learned"):
        train_frame_model(texts, labels[["rare"]], folds=3, seed=1)
    assert train_frame_model(texts, labels[["rare"]], tone=tone, folds=3).keys == []


def test_marks_every_item_is_the_f1_of_the_threshold_below_every_score() -> None:
    from analysis.validation.model import marks_every_item

    assert marks_every_item(2 * 0.13 / 1.13, 39, 300)  # the tester's responsibility frame
    assert not marks_every_item(0.5, 39, 300)
    assert not marks_every_item(0.0, 0, 300)


def test_a_tone_coder_worse_than_vader_is_left_out() -> None:
    """A tester's trained tone coder (cross-validated macro-F1 0.35) was kept although VADER
    did better on the same items. Here every sentence has words of its own, which VADER's
    lexicon knows and a classifier of a few items cannot learn."""
    positive = ["a wonderful triumph", "great joy today", "happy smiling crowds", "superb win"]
    negative = ["a terrible disaster", "awful pain", "horrible failure", "tragic deaths"]
    neutral = ["the meeting is on Tuesday", "a report was filed", "the bus leaves at noon"]
    war = [1, 0] * 6  # a frame the classifier learns: its own word on each of its items
    texts = [
        f"{text} {'troops' if w else 'calm'}"
        for text, w in zip([*positive, *negative, *neutral, "the road is long"], war, strict=True)
    ]
    tone = np.array([1] * 4 + [-1] * 4 + [0] * 4, dtype=float)
    labels = pd.DataFrame({"war": war}, dtype=float)
    model = train_frame_model(texts, labels, tone=tone, folds=3, seed=1)
    row = model.metrics.set_index("frame").loc["tone"]
    assert row["cv_f1"] < row["baseline_f1"] and not row["kept"]
    assert not model.has_tone
    kept = train_frame_model(texts, labels, tone=tone, folds=3, seed=1, drop_uninformative=False)
    assert kept.has_tone  # the benchmarks score every coder trained


def test_a_frame_the_codebook_codes_better_is_left_to_the_codebook() -> None:
    # a tester's model kept a frame at cv F1 0.31 beside the codebook's 0.41 on the same items
    texts, labels, _ = training_set()
    plain = train_frame_model(texts, labels, folds=3, seed=1)
    war_f1 = plain.metrics.set_index("frame").loc["war", "cv_f1"]
    model = train_frame_model(
        texts, labels, folds=3, seed=1, codebook_f1={"war": war_f1 + 0.01, "money": 0.0}
    )
    rows = model.metrics.set_index("frame")
    assert not rows.loc["war", "kept"] and rows.loc["money", "kept"]
    assert rows.loc["war", "baseline_f1"] == pytest.approx(war_f1 + 0.01)
    assert model.keys == ["money"]
    # a codebook exactly as good keeps the model's frame (ties go to the trained coder)
    tied = train_frame_model(texts, labels, folds=3, seed=1, codebook_f1={"war": war_f1})
    assert tied.keys == ["war", "money"]
    with pytest.raises(ModelError, match="than the codebook's"):
        train_frame_model(texts, labels[["war"]], folds=3, seed=1, codebook_f1={"war": 2.0})


def test_train_compares_each_frame_with_the_codebook_on_the_same_items(tmp_path: Path) -> None:
    from analysis.commands.train import codebook_f1
    from analysis.framing.codebook import load_codebook

    book = tmp_path / "codebook.toml"
    book.write_text(
        '[[frames]]\nkey = "war"\nlabel = "War"\nindicators = ["troops", "army"]\n'
        '[[frames]]\nkey = "money"\nlabel = "Money"\nindicators = ["prices"]\n',
        encoding="utf-8",
    )
    texts, labels, _ = training_set(copies=1)
    gold = labels.assign(text=texts)
    gold.loc[5, "money"] = np.nan  # "profits fell sharply", not coded: not counted
    scores = codebook_f1(gold, ["war", "money", "other"], load_codebook(book))
    # war: "troops", "army" find 2 of the 3 war items, nothing else: F1 = 2·2/(2·2 + 1) = 0.8;
    # money: "prices" finds 1 of the 2 money items still coded: F1 = 2/3 (1/2 with the third)
    assert scores == {"war": pytest.approx(0.8), "money": pytest.approx(2 / 3)}
