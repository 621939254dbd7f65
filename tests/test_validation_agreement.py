"""Agreement figures equal scikit-learn's and krippendorff's on the same made-up codes."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import cohen_kappa_score, f1_score, precision_score, recall_score

from analysis.validation.agreement import (
    agreement_table,
    binary_agreement,
    intercoder_table,
    tone_agreement,
    validation_sentence,
    wilson_interval,
)

HUMAN = np.array([1, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0], dtype=float)
MACHINE = np.array([1, 0, 0, 1, 1, 0, 0, 1, 0, 0, 0, 0], dtype=bool)


def test_binary_metrics_equal_sklearn() -> None:
    got = binary_agreement(HUMAN, MACHINE, n_boot=200, seed=1)
    assert got["precision"] == pytest.approx(precision_score(HUMAN, MACHINE))
    assert got["recall"] == pytest.approx(recall_score(HUMAN, MACHINE))
    assert got["f1"] == pytest.approx(f1_score(HUMAN, MACHINE))
    assert got["kappa"] == pytest.approx(cohen_kappa_score(HUMAN, MACHINE))
    assert (got["tp"], got["fp"], got["fn"], got["tn"]) == (3, 1, 2, 6)
    assert got["f1_ci_low"] <= got["f1"] <= got["f1_ci_high"]


def test_blank_human_codes_are_left_out() -> None:
    human = HUMAN.copy()
    human[[0, 3]] = np.nan
    got = binary_agreement(human, MACHINE, n_boot=50)
    keep = ~np.isnan(human)
    assert got["n"] == 10
    assert got["f1"] == pytest.approx(f1_score(human[keep], MACHINE[keep]))


def test_no_positive_prediction_gives_zero_like_sklearn_zero_division() -> None:
    got = binary_agreement(HUMAN, np.zeros(12, dtype=bool), n_boot=20)
    assert got["precision"] == precision_score(HUMAN, np.zeros(12), zero_division=0) == 0


def test_tone_metrics_equal_sklearn_macro() -> None:
    human = np.array([-1, 0, 1, 1, 0, -1, 0, 1, -1, 0])
    machine = np.array([-1, 1, 1, 0, 0, -1, -1, 1, 0, 0])
    got = tone_agreement(human, machine, n_boot=100, seed=3)
    kw = {"average": "macro", "labels": [-1, 0, 1], "zero_division": 0}
    assert got["precision"] == pytest.approx(precision_score(human, machine, **kw))
    assert got["recall"] == pytest.approx(recall_score(human, machine, **kw))
    assert got["f1"] == pytest.approx(f1_score(human, machine, **kw))
    assert got["kappa"] == pytest.approx(cohen_kappa_score(human, machine))
    assert got["accuracy"] == pytest.approx(0.6)


def test_tone_macro_averages_skip_a_class_neither_coder_used() -> None:
    """A tester's pilot had no positive item: a perfect coder got macro F1 0.67, "positive"
    counted as 0 (scikit-learn's default labels leave it out)."""
    human = np.array([-1, 0, 0, -1, 0])
    got = tone_agreement(human, human, n_boot=50, seed=1)
    assert got["f1"] == got["precision"] == got["recall"] == pytest.approx(1.0)
    assert got["f1"] == pytest.approx(f1_score(human, human, average="macro", zero_division=0))
    assert "none positive" in got["ci_note"]
    machine = np.array([-1, 0, 1, -1, 0])  # a class only the machine used still counts
    kw = {"average": "macro", "zero_division": 0}
    assert tone_agreement(human, machine, n_boot=50)["f1"] == pytest.approx(
        f1_score(human, machine, **kw)
    )


def test_bootstrap_is_deterministic_for_a_seed() -> None:
    a = binary_agreement(HUMAN, MACHINE, n_boot=100, seed=5)
    b = binary_agreement(HUMAN, MACHINE, n_boot=100, seed=5)
    c = binary_agreement(HUMAN, MACHINE, n_boot=100, seed=6)
    assert a == b
    assert a != c


def test_agreement_table_has_a_row_per_method_and_frame() -> None:
    gold = pd.DataFrame({"war": HUMAN, "tone": [1, 0, -1] * 4})
    pred = {
        "codebook": pd.DataFrame({"war": MACHINE, "tone": [1, 0, 0] * 4}),
        "model": pd.DataFrame({"war": ~MACHINE}),
    }
    table = agreement_table(gold, pred, n_boot=50)
    assert table[["method", "frame"]].values.tolist() == [
        ["codebook", "war"],
        ["codebook", "tone"],
        ["model", "war"],
    ]
    assert table.loc[2, "f1"] == pytest.approx(f1_score(HUMAN, ~MACHINE))


def test_intercoder_alpha_equals_krippendorff_package() -> None:
    import krippendorff

    coded = pd.DataFrame(
        {
            "item": list("abcdef") * 3,
            "coder": ["x"] * 6 + ["y"] * 6 + ["z"] * 6,
            "war": [1, 0, 1, 1, 0, 0, 1, 0, 0, 1, 0, np.nan, 1, 1, 1, 1, 0, 0],
        }
    )
    table = intercoder_table(coded, ["war"])
    matrix = coded.pivot(index="coder", columns="item", values="war").to_numpy(dtype=float)
    expected = krippendorff.alpha(reliability_data=matrix, level_of_measurement="nominal")
    alpha_col = next(c for c in table.columns if "alpha" in c)
    assert table.loc[0, alpha_col] == pytest.approx(expected)
    # pairs: a 3/3, b 1/3, c 1/3, d 3/3, e 3/3, f (two codes) 1/1 -> 12/16
    assert table.loc[0, "percent_agreement"] == pytest.approx(12 / 16)
    assert table.loc[0, "n_items"] == 6


def test_validation_sentence_with_and_without_a_table() -> None:
    assert "not been validated" in validation_sentence(None)
    table = agreement_table(
        pd.DataFrame({"war": HUMAN}), {"codebook": pd.DataFrame({"war": MACHINE})}, n_boot=20
    )
    text = validation_sentence(table)
    assert f"{f1_score(HUMAN, MACHINE):.2f}" in text
    assert "12 human-coded" in text


def _agreement_csv(path, **override):
    row = {
        "method": "codebook",
        "frame": "conflict",
        "n": 40,
        "f1": 0.61,
        "f1_ci_low": 0.42,
        "f1_ci_high": 0.77,
        "tp": 9,
        "fp": 5,
        "fn": 6,
        "tn": 20,
    }
    row.update(override)
    pd.DataFrame([row]).to_csv(path, index=False)
    return path


def test_read_agreement_checks_the_file(tmp_path) -> None:
    from analysis.validation.agreement import AgreementError, read_agreement

    good = _agreement_csv(tmp_path / "agreement.csv")
    assert read_agreement(good)["f1"].iloc[0] == 0.61
    with pytest.raises(AgreementError, match="not a file"):
        read_agreement(tmp_path / "none.csv")
    pd.DataFrame({"method": ["codebook"], "frame": ["x"]}).to_csv(tmp_path / "bad.csv")
    with pytest.raises(AgreementError, match="lacks the columns"):
        read_agreement(tmp_path / "bad.csv")


def test_frame_f1_lines_give_f1_ci_and_n_per_frame(tmp_path) -> None:
    from analysis.validation.agreement import frame_f1_lines, read_agreement

    table = read_agreement(_agreement_csv(tmp_path / "a.csv"))
    lines = frame_f1_lines(table, {"conflict": "codebook", "morality": "codebook"}, {})
    assert lines[0] == (
        "- conflict (the codebook): F1 0.61 (95% CI 0.42–0.77; n = 40 human-coded items, "
        "15 with the frame)."
    )
    assert lines[1] == "- Not validated (no row in the agreement table): morality (the codebook)."
    assert len(lines) == 2
    only = frame_f1_lines(table, {"conflict": "model"}, {"conflict": "Conflict"})
    assert only == [
        "- Not validated (no row in the agreement table): Conflict (the trained model). To "
        "measure the trained model, run `python -m analysis validate` with `--model` and the "
        "model given with `-p frame_coder`."
    ]


def test_a_frame_without_any_human_code_has_no_row() -> None:
    gold = pd.DataFrame({"conflict": [1.0, 0.0, 1.0], "tone": [np.nan] * 3})
    pred = pd.DataFrame({"conflict": [1, 0, 0], "tone": [1, 0, -1]})
    table = agreement_table(gold, {"codebook": pred}, n_boot=20)
    assert table["frame"].tolist() == ["conflict"]


def test_items_a_coder_was_trained_on_are_counted_among_its_coded_items() -> None:
    gold = pd.DataFrame({"conflict": [1.0, 0.0, np.nan, 1.0]})
    pred = pd.DataFrame({"conflict": [1, 0, 1, 1]})
    seen = np.array([True, False, True, True])  # the third has no human code: not counted
    table = agreement_table(
        gold, {"codebook": pred, "model": pred}, n_boot=10, in_training={"model": seen}
    )
    assert table.set_index("method")["n_in_training"].to_dict() == {"codebook": 0, "model": 2}


def test_an_in_sample_f1_is_said_to_be_so() -> None:
    from analysis.validation.agreement import frame_f1_lines

    row = {"method": "model", "frame": "conflict", "n": 40, "f1": 0.9, "f1_ci_low": 0.8,
           "f1_ci_high": 0.97, "tp": 9, "fn": 1, "n_in_training": 12}  # fmt: skip
    [line] = frame_f1_lines(pd.DataFrame([row]), {"conflict": "model"}, {"conflict": "Conflict"})
    assert "**In-sample: 12 of these 40 items trained the model**" in line
    [line] = frame_f1_lines(pd.DataFrame([{**row, "n_in_training": 0}]), {"conflict": "model"}, {})
    assert "In-sample" not in line
    old = pd.DataFrame([{k: v for k, v in row.items() if k != "n_in_training"}])
    assert "In-sample" not in frame_f1_lines(old, {"conflict": "model"}, {})[0]  # older table


def test_precision_and_recall_have_wilson_intervals_never_zero_width() -> None:
    """5 machine positives all right: the bootstrap gave 1.00-1.00; Wilson gives 0.57-1.00."""
    from scipy.stats import binomtest

    human = np.array([1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0], dtype=float)
    machine = np.array([1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0], dtype=bool)
    got = binary_agreement(human, machine, n_boot=200, seed=1)
    assert got["precision"] == 1.0 and got["precision_ci_high"] == 1.0
    expected = binomtest(5, 5).proportion_ci(0.95, method="wilson")
    assert got["precision_ci_low"] == pytest.approx(expected.low)
    assert got["precision_ci_low"] == pytest.approx(0.5655, abs=1e-4)
    recall = binomtest(5, 7).proportion_ci(0.95, method="wilson")
    assert (got["recall_ci_low"], got["recall_ci_high"]) == pytest.approx((recall.low, recall.high))
    for k, n in [(0, 3), (1, 1), (2, 9), (40, 40)]:
        low, high = wilson_interval(k, n)
        assert high - low > 0.05 and low <= k / n <= high


def test_a_zero_width_bootstrap_interval_is_noted_not_shown_as_certain() -> None:
    human = np.ones(5)
    got = binary_agreement(human, np.ones(5, dtype=bool), n_boot=200, seed=1)
    assert got["f1"] == got["f1_ci_low"] == got["f1_ci_high"] == 1.0
    assert "f1 interval zero-width" in got["ci_note"]
    assert got["precision_ci_low"] < 1.0 and got["recall_ci_low"] < 1.0
    none = binary_agreement(HUMAN, np.zeros(12, dtype=bool), n_boot=50, seed=1)
    assert "precision undefined (no item coded 1 by the machine)" in none["ci_note"]
    assert np.isnan(none["precision_ci_low"]) and np.isnan(none["precision_ci_high"])
    assert "f1 undefined" not in none["ci_note"]  # the humans coded some: F1 is 0, defined
    # a frame nobody coded: F1 is 0/0, written 0 as scikit-learn does, and said to be undefined
    nobody = binary_agreement(np.zeros(8), np.zeros(8, dtype=bool), n_boot=50, seed=1)
    assert nobody["f1"] == 0.0
    assert "f1 undefined (no item coded 1 by either), shown as 0" in nobody["ci_note"]
    assert binary_agreement(HUMAN, MACHINE, n_boot=200, seed=1)["ci_note"] == ""
    tone = tone_agreement([1, 1, 0, -1], [1, 1, 0, -1], n_boot=100, seed=1)
    assert "kappa interval zero-width" in tone["ci_note"]  # a macro F1 varies: absent classes


def test_a_zero_width_interval_of_a_coder_giving_one_code_names_that_cause() -> None:
    # 300 items, the machine coding every one 1: the note said "too few items"
    human = np.array([1.0] * 39 + [0.0] * 261)
    got = binary_agreement(human, np.ones(300, dtype=bool), n_boot=100, seed=1)
    assert "kappa interval zero-width" in got["ci_note"]
    assert (
        "the machine codes every item 1, so every resample agrees only by chance"
        in (got["ci_note"])
    )
    assert "too few items" not in got["ci_note"]
    small = binary_agreement(np.ones(5), np.ones(5, dtype=bool), n_boot=100, seed=1)
    assert "the machine codes every item 1" in small["ci_note"]  # both cause it: one is named


def test_a_perfect_score_is_not_put_down_to_too_few_items() -> None:
    # a tester's in-sample F1 of 1.00 on 289 items was "too few items to show its uncertainty"
    human = np.array([1.0] * 40 + [0.0] * 249)
    got = binary_agreement(human, human.astype(bool), n_boot=100, seed=1)
    assert "f1 interval zero-width: every bootstrap resample gave 1.00 (the coder agrees on " \
        "every item, so every resample does" in got["ci_note"]  # fmt: skip
    assert "too few items" not in got["ci_note"]
    from analysis.validation.agreement import sourcing_f1_lines

    row = {"method": "sources", "frame": "attributed", "n": 50, "f1": 1.0, "f1_ci_low": 1.0,
           "f1_ci_high": 1.0, "tp": 20, "fp": 0, "fn": 0, "tn": 30}  # fmt: skip
    (line,) = sourcing_f1_lines(pd.DataFrame([row]), {})
    assert line.endswith("the lexicon agrees on every item, so every resample does (perfect on "
                         "these items, not certain elsewhere).")  # fmt: skip


def test_the_agreement_table_has_the_note_column() -> None:
    gold = pd.DataFrame({"war": np.ones(5)})
    table = agreement_table(gold, {"codebook": pd.DataFrame({"war": np.ones(5, bool)})})
    assert list(table.columns)[-2:] == ["ci_note", "coder_version"]
    assert table.loc[0, "ci_note"].startswith("f1 interval zero-width")


def test_agreement_frames_leave_out_tone_and_the_sourcing_rows() -> None:
    from analysis.validation.agreement import agreement_frames

    table = pd.DataFrame(
        {
            "method": ["codebook", "codebook", "model", "sources", "sources"],
            "frame": ["conflict", "tone", "morality", "attributed", "source_media"],
        }
    )
    assert agreement_frames(table) == ["conflict", "morality"]
    assert agreement_frames(table[table["method"] == "sources"]) == []


def test_the_validation_sentence_names_the_sourcing_agreement() -> None:
    from analysis.validation.agreement import validation_sentence

    rows = pd.DataFrame(
        [
            {"method": "codebook", "frame": "conflict", "n": 40, "f1": 0.6, "kappa": 0.5,
             "accuracy": 0.8},
            {"method": "sources", "frame": "attributed", "n": 40, "f1": 0.88, "kappa": 0.7,
             "accuracy": 0.9},
        ]
    )  # fmt: skip
    sentence = validation_sentence(rows)
    assert "the source lexicon's attributions reached F1 0.88 against 40" in sentence
    assert "sources" not in validation_sentence(rows.iloc[:1])


def test_rows_measured_with_another_version_of_the_coder_are_left_out(tmp_path: Path) -> None:
    """validate records what each row measured; a run whose frame has other indicators now
    leaves that row out, and a row of an earlier release (no version) is kept: it cannot be
    checked."""
    from analysis.framing.codebook import load_codebook
    from analysis.validation.agreement import current_agreement, run_coder_versions
    from analysis.validation.sheet_agreement import measure_sheets

    sheet = tmp_path / "coded.csv"
    sheet.write_text(
        "sentence,war\n" + "".join(f"troops clashed {i},1\na calm day {i},0\n" for i in range(6)),
        encoding="utf-8",
    )
    book = tmp_path / "war.toml"
    book.write_text('[[frames]]\nkey = "war"\nlabel = "War"\nindicators = ["troops"]\n')
    table = measure_sheets(sheet, book, n_boot=50, seed=1).agreement
    versions = run_coder_versions(load_codebook(book))
    assert table.loc[table["frame"] == "war", "coder_version"].tolist() == [
        versions[("codebook", "war")]
    ]
    assert current_agreement(table, versions)[1] == []
    book.write_text('[[frames]]\nkey = "war"\nlabel = "War"\nindicators = ["troops", "clash"]\n')
    kept, stale = current_agreement(table, run_coder_versions(load_codebook(book)))
    assert stale == ["war"] and "war" not in kept["frame"].tolist()
    unversioned = table.assign(coder_version="")
    assert current_agreement(unversioned, run_coder_versions(load_codebook(book)))[1] == []


def test_a_resample_without_a_positive_item_does_not_count_as_f1_zero() -> None:
    # a tester's sourcing column: 40 items, 3 coded 1, the machine right on all of them, shown
    # as "F1 1.00 (95% CI 0.00-1.00)" since a resample holding none of the 3 scored 0
    from analysis.validation.agreement import binary_agreement

    human = np.array([1] * 3 + [0] * 37)
    perfect = binary_agreement(human, human.astype(bool), n_boot=500, seed=1)
    assert (perfect["f1_ci_low"], perfect["f1_ci_high"]) == (1.0, 1.0)
    never = binary_agreement(human, np.zeros(40, dtype=bool), n_boot=500, seed=1)
    assert never["f1"] == 0.0 and never["f1_ci_high"] == 0.0  # a 0 that is one stays 0


def test_a_tone_class_missing_from_a_resample_is_left_out_of_its_macro_f1() -> None:
    from analysis.validation.agreement import tone_agreement

    human = np.array([-1] * 2 + [0] * 30 + [1] * 8)
    perfect = tone_agreement(human, human, n_boot=500, seed=1)
    assert (perfect["f1_ci_low"], perfect["f1_ci_high"]) == (1.0, 1.0)


def test_the_items_one_coder_coded_are_said_beside_n() -> None:
    # a tester's summary gave "n = 80 human-coded items" where 15 rested on one coder
    from analysis.validation.agreement import frame_f1_lines

    row = {"method": "codebook", "frame": "conflict", "n": 80, "f1": 0.76, "f1_ci_low": 0.6,
           "f1_ci_high": 0.9, "tp": 9, "fp": 2, "fn": 2, "tn": 67, "n_one_coder": 15}  # fmt: skip
    [line] = frame_f1_lines(pd.DataFrame([row]), {"conflict": "codebook"}, {})
    assert "n = 80 human-coded items, 15 coded by one coder only, 11 with the frame" in line
    [line] = frame_f1_lines(
        pd.DataFrame([{**row, "n_one_coder": np.nan}]), {"conflict": "codebook"}
    )
    assert "n = 80 human-coded items, 11 with the frame" in line


def test_a_zero_width_interval_quoted_in_the_summary_says_why() -> None:
    # a tester's summary quoted "F1 1.00 (95% CI 1.00–1.00; ... 1 with the frame)" and "F1 0.00
    # (95% CI 0.00–0.00)" bare, while agreement.csv's ci_note said why neither is certain
    from analysis.validation.agreement import frame_f1_lines, tone_agreement_lines

    human = np.zeros(80)
    human[3] = 1
    perfect = agreement_table(
        pd.DataFrame({"war": human}), {"codebook": pd.DataFrame({"war": human == 1})}, n_boot=50
    )
    [line] = frame_f1_lines(perfect, {"war": "codebook"}, {})
    assert "F1 1.00 (95% CI 1.00–1.00" in line
    assert "The F1 interval has no width (the coder agrees on every item" in line
    assert "perfect on these items, not certain elsewhere" in line
    never = agreement_table(
        pd.DataFrame({"war": human}),
        {"codebook": pd.DataFrame({"war": np.zeros(80, dtype=bool)})},
        n_boot=50,
    )
    [line] = frame_f1_lines(never, {"war": "codebook"}, {})
    assert "F1 0.00 (95% CI 0.00–0.00" in line
    assert "The F1 interval has no width (the machine codes every item 0" in line
    wide = agreement_table(
        pd.DataFrame({"war": HUMAN}), {"codebook": pd.DataFrame({"war": MACHINE})}, n_boot=50
    )
    assert "no width" not in frame_f1_lines(wide, {"war": "codebook"}, {})[0]
    tone = pd.DataFrame({"tone": np.tile([-1.0, 0.0, 1.0], 10)})
    same = agreement_table(tone, {"codebook": tone.astype(int)}, n_boot=50)
    [line] = tone_agreement_lines(same, "vader", False)
    assert "The F1 interval has no width" in line and "The kappa interval has no width" in line
