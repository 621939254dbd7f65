"""code-sample, validate and train from the command line, on made-up corpora and sheets."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis.cli import main
from analysis.validation.sample import draw_sample

SHEET = (
    "item_id,sentence,conflict,economic_consequences,tone,coder\n"
    "1,The two countries traded threats and new tariffs.,1,1,negative,ann\n"
    "2,Prices of magnets rose sharply for carmakers.,0,1,negative,ann\n"
    "3,Officials praised the agreement as a win.,0,0,positive,ann\n"
    "4,The meeting is scheduled for Tuesday.,0,0,neutral,ann\n"
    "1,The two countries traded threats and new tariffs.,1,1,negative,bob\n"
    "2,Prices of magnets rose sharply for carmakers.,1,1,negative,bob\n"
    "3,Officials praised the agreement as a win.,0,0,positive,bob\n"
    "4,The meeting is scheduled for Tuesday.,0,0,positive,bob\n"
)


def war_sheet(path: Path, tones: tuple[str, str, str] | None = None) -> Path:
    """A coded sheet a coder can be trained on: 24 sentences, the frame ``war`` and, with
    ``tones``, a tone column holding them for the war, price and calm sentences ("" blank)."""
    rows = ["sentence,war" + (",tone" if tones else "")]
    for i in range(8):
        for (text, war), tone in zip(
            ((f"troops clashed {i}", 1), (f"prices rose {i}", 0), (f"a calm day {i}", 0)),
            tones or ("", "", ""),
            strict=True,
        ):
            rows.append(f"{text},{war}" + (f",{tone}" if tones else ""))
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_draw_sample_is_deterministic_and_stratified() -> None:
    table = pd.DataFrame(
        {
            "doc_id": [f"d{i // 5}" for i in range(40)],
            "sentence_id": [i % 5 for i in range(40)],
            "outlet": ["A"] * 30 + ["B"] * 10,
            "sentence": [f"sentence {i}" for i in range(40)],
        }
    )
    a = draw_sample(table, 8, seed=3, stratify="outlet", frame_keys=["war"])
    b = draw_sample(table.sample(frac=1, random_state=1), 8, seed=3, stratify="outlet")
    assert a["sentence"].tolist() == b["sentence"].tolist()
    assert a["outlet"].value_counts().to_dict() == {"A": 6, "B": 2}
    assert list(a.columns)[:5] == ["item_id", "doc_id", "sentence_id", "outlet", "sentence"]
    assert list(a.columns)[-2:] == ["war", "tone"]
    assert draw_sample(table, 8, seed=4)["sentence"].tolist() != a["sentence"].tolist()


def test_code_sample_writes_sheet_and_guide(make_corpus, tmp_path: Path) -> None:
    corpus = make_corpus()
    out = tmp_path / "sheet.csv"
    assert main(["code-sample", "--corpus", str(corpus), "--n", "3", "--out", str(out)]) == 0
    sheet = pd.read_csv(out, dtype=str)
    assert len(sheet) == 3 and "conflict" in sheet.columns and "tone" in sheet.columns
    assert out.read_bytes().startswith(b"\xef\xbb\xbfitem_id,")  # a BOM: Excel reads UTF-8
    guide = (tmp_path / "sheet.guide.md").read_text(encoding="utf-8")
    assert "## `conflict`: Conflict" in guide


def test_code_sample_leaves_out_the_items_of_sheets_given_to_exclude(
    make_corpus, tmp_path: Path, capsys
) -> None:
    # a tester's second sheet repeated 9 of 60 sentences her coder was trained on
    corpus = make_corpus()
    first = tmp_path / "first.csv"
    assert main(["code-sample", "--corpus", str(corpus), "--n", "4", "--out", str(first)]) == 0
    drawn = set(pd.read_csv(first, dtype=str)["sentence"])
    assert len(drawn) == 4
    # without doc_id, only the sentences themselves (with it, their articles: the test below)
    pd.read_csv(first, dtype=str).drop(columns="doc_id").to_csv(first, index=False)
    second = tmp_path / "second.csv"
    args = ["code-sample", "--corpus", str(corpus), "--out", str(second), "--exclude", str(first)]
    assert main(args) == 0
    assert "4 sentence(s) of the corpus already in" in capsys.readouterr().err
    left = set(pd.read_csv(second, dtype=str)["sentence"])
    assert left and not left & drawn  # every other sentence, none of the first sheet's
    missing = ["code-sample", "--corpus", str(corpus), "--out", str(tmp_path / "t.csv")]
    assert main([*missing, "--exclude", str(tmp_path / "nope.csv")]) == 2
    assert "--exclude: sheet" in capsys.readouterr().err


def test_code_sample_excludes_sentences_the_sheet_wrote_with_an_apostrophe(
    make_corpus, tmp_path: Path
) -> None:
    # a sentence opening with @ + - = is written with an apostrophe (formula injection): a
    # tester's "'@SenatorBennet responds ..." of her training sheet was drawn again
    text = (
        "@SenatorBennet responds to the ruling on Monday.\n\n"
        "-40 degrees hit the northern towns overnight.\n\n"
        "+3 points in the new poll surprised the campaign."
    )
    other = "=A1 was the cell the clerk typed into the council's sheet.\n\nThe vote was close."
    corpus = make_corpus(files={"a.txt": text, "b.txt": other, "c.txt": other.upper()})
    first = tmp_path / "first.csv"
    assert main(["code-sample", "--corpus", str(corpus), "--out", str(first)]) == 0
    written = pd.read_csv(first, dtype=str)["sentence"]
    assert written.str.startswith("'@").any()  # the sheet's own spelling
    second = tmp_path / "second.csv"
    args = ["code-sample", "--corpus", str(corpus), "--out", str(second), "--exclude", str(first)]
    assert main(args) == 2  # every sentence is in the first sheet: nothing is left to draw


def test_validate_writes_agreement_and_intercoder(tmp_path: Path) -> None:
    sheet = tmp_path / "coded.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["validate", "--sheet", str(sheet), "--out", str(out), "--n-boot", "100"]) == 0
    agreement = pd.read_csv(out / "agreement.csv")
    assert {"conflict", "economic_consequences", "tone"} <= set(agreement["frame"])
    intercoder = pd.read_csv(out / "intercoder.csv")
    assert intercoder.set_index("frame").loc["tone", "percent_agreement"] == 0.75


def test_a_column_left_blank_throughout_is_not_measured(tmp_path: Path, capsys) -> None:
    """A sheet whose coders did not code tone: no tone row of zeros, no division warnings."""
    import warnings

    blank_tone = "\n".join(
        ",".join([*line.split(",")[:4], "", line.split(",")[5]])
        for line in SHEET.strip().splitlines()[1:]
    )
    sheet = tmp_path / "coded.csv"
    sheet.write_text(SHEET.splitlines()[0] + "\n" + blank_tone + "\n", encoding="utf-8")
    out = tmp_path / "out"
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)  # no division by zero
        assert main(["validate", "--sheet", str(sheet), "--out", str(out), "--n-boot", "100"]) == 0
    agreement = pd.read_csv(out / "agreement.csv")
    assert set(agreement["frame"]) == {"conflict", "economic_consequences"}
    assert "not coded in the sheet, so not measured: tone" in capsys.readouterr().out


def test_validate_bad_sheet_exits_2_naming_the_column(tmp_path: Path, capsys) -> None:
    sheet = tmp_path / "coded.csv"
    sheet.write_text("sentence,conflict\na,1\nb,yes please\n", encoding="utf-8")
    assert main(["validate", "--sheet", str(sheet), "--out", str(tmp_path / "o")]) == 2
    assert "column 'conflict'" in capsys.readouterr().err


def test_validate_an_empty_sheet_exits_2_naming_it(tmp_path: Path, capsys) -> None:
    """A 0-byte sheet said only pandas' "No columns to parse from file"."""
    sheet = tmp_path / "empty.csv"
    sheet.write_bytes(b"")
    assert main(["validate", "--sheet", str(sheet), "--out", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err
    assert f"sheet {sheet}: the file is empty" in err


def test_validate_without_the_sheets_codebook_says_to_give_it(tmp_path: Path, capsys) -> None:
    """A tester's sheet of her own codebook's frames, validated without --codebook, measured
    tone only and exited 0 with the frames "not read"."""
    sheet = war_sheet(tmp_path / "coded.csv", ("negative", "neutral", "neutral"))
    assert main(["validate", "--sheet", str(sheet), "--out", str(tmp_path / "o")]) == 0
    assert "give validate the same one: --codebook FILE" in capsys.readouterr().err
    book = tmp_path / "war.toml"
    book.write_text(
        '[[frames]]\nkey = "war"\nlabel = "War"\nindicators = ["troops", "clashed"]\n',
        encoding="utf-8",
    )
    args = ["validate", "--sheet", str(sheet), "--codebook", str(book)]
    assert main([*args, "--out", str(tmp_path / "o2")]) == 0
    assert "--codebook FILE" not in capsys.readouterr().err  # the sheet's own: nothing to say


def test_a_tone_only_sheet_with_blank_frame_columns_is_not_sent_to_a_codebook(
    tmp_path: Path, capsys
) -> None:
    # a tester coded tone only, the frame columns left blank: stderr told her no frame of the
    # codebook was a column and to give --codebook, which had nothing to do with it
    lines = SHEET.strip().splitlines()
    blank = [",".join([c[0], c[1], "", "", c[4], c[5]]) for c in (x.split(",") for x in lines[1:])]
    sheet = tmp_path / "tone_only.csv"
    sheet.write_text("\n".join([lines[0], *blank]) + "\n", encoding="utf-8")
    assert main(["validate", "--sheet", str(sheet), "--out", str(tmp_path / "o")]) == 0
    said = capsys.readouterr()
    assert "--codebook FILE" not in said.err
    assert "not coded in the sheet, so not measured: conflict, economic_consequences" in said.out


def test_train_then_validate_with_the_model(tmp_path: Path, capsys) -> None:
    sheet = war_sheet(tmp_path / "coded.csv", ("negative", "neutral", "positive"))
    model = tmp_path / "model"
    assert main(["train", "--sheet", str(sheet), "--out", str(model), "--folds", "3"]) == 0
    out = tmp_path / "out"
    args = ["validate", "--sheet", str(sheet), "--model", str(model), "--out", str(out)]
    assert main([*args, "--n-boot", "100"]) == 0
    assert "warning: 24 of the 24 items of the sheet trained the model" in capsys.readouterr().err
    agreement = pd.read_csv(out / "agreement.csv")
    assert agreement.set_index(["method", "frame"]).loc[("model", "war"), "f1"] == 1.0
    # validated on its own training sheet: every item is in-sample, and it is said
    assert agreement.set_index(["method", "frame"]).loc[("model", "war"), "n_in_training"] == 24
    assert agreement.set_index(["method", "frame"]).loc[("codebook", "tone"), "n_in_training"] == 0


def test_train_on_a_sheet_whose_tone_was_left_blank_trains_the_frames(
    tmp_path: Path, capsys
) -> None:
    """The sheet code-sample writes has a tone column; coders who code frames only leave it
    blank, which is not a tone of no classes."""
    sheet = war_sheet(tmp_path / "coded.csv", ("", "", ""))
    model = tmp_path / "model"
    assert main(["train", "--sheet", str(sheet), "--out", str(model), "--folds", "3"]) == 0
    out = capsys.readouterr().out
    assert "not coded in the sheet, so not trained: tone" in out and "war" in out
    from analysis.validation.model import load_frame_model

    trained = load_frame_model(model)
    assert trained.keys == ["war"] and not trained.has_tone


def test_code_sample_never_overwrites_a_sheet_without_force(make_corpus, tmp_path, capsys):
    corpus = make_corpus()
    out = tmp_path / "ann.csv"
    out.write_text("item_id,sentence,conflict\n1,Coded by hand.,1\n", encoding="utf-8")
    args = ["code-sample", "--corpus", str(corpus), "--n", "3", "--out", str(out)]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "ann.csv" in err and "not written by this package" in err and "--force" in err
    assert out.read_text(encoding="utf-8").startswith("item_id,sentence,conflict\n1,Coded")
    assert not (tmp_path / "ann.guide.md").exists()
    assert main([*args, "--force"]) == 0
    assert len(pd.read_csv(out)) == 3
    # the coded sheet is kept beside the new one, never replaced
    kept = (tmp_path / "ann.yours.csv").read_text(encoding="utf-8")
    assert kept.startswith("item_id,sentence,conflict\n1,Coded")
    assert f"kept your {out} as {tmp_path / 'ann.yours.csv'}" in capsys.readouterr().err
    assert main([*args, "--n", "2"]) == 0  # its own sheet, unchanged: a rerun replaces it
    assert len(pd.read_csv(out)) == 2
    out.write_text(out.read_text(encoding="utf-8").replace(",,", ",1,", 1), encoding="utf-8")
    assert main(args) == 2  # coded since: kept
    assert "changed since" in capsys.readouterr().err


def test_validate_and_train_never_overwrite_without_force(tmp_path: Path, capsys) -> None:
    sheet = tmp_path / "coded.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "agreement.csv").write_text("mine\n", encoding="utf-8")
    args = ["validate", "--sheet", str(sheet), "--out", str(out), "--n-boot", "100"]
    assert main(args) == 2
    assert "agreement.csv: not written by this package" in capsys.readouterr().err
    assert (out / "agreement.csv").read_text(encoding="utf-8") == "mine\n"
    assert main([*args, "--force"]) == 0
    assert "frame" in pd.read_csv(out / "agreement.csv").columns
    assert (out / "agreement.yours.csv").read_text(encoding="utf-8") == "mine\n"
    assert main(args) == 0  # its own tables, unchanged: a rerun replaces them
    assert (out / "intercoder.csv").is_file()  # two coders in SHEET
    one_coder = tmp_path / "ann.csv"
    one_coder.write_text(
        "\n".join(line for line in SHEET.splitlines() if not line.endswith(",bob")) + "\n",
        encoding="utf-8",
    )
    one = ["validate", "--sheet", str(one_coder), "--out", str(out), "--n-boot", "100"]
    assert main(one) == 0
    assert not (out / "intercoder.csv").exists()  # its own, now stale: removed
    (out / "intercoder.csv").write_text("my notes\n", encoding="utf-8")
    assert main([*one, "--force"]) == 0
    assert (out / "intercoder.csv").read_text(encoding="utf-8") == "my notes\n"  # never theirs
    assert not (out / "intercoder.yours.csv").exists()  # not written, so not moved either
    trainable = war_sheet(tmp_path / "trainable.csv")
    model = tmp_path / "model"
    model.mkdir()
    (model / "weights.npz").write_bytes(b"someone's weights")
    train = ["train", "--sheet", str(trainable), "--out", str(model), "--folds", "3"]
    assert main(train) == 2
    assert "weights.npz: not written by this package" in capsys.readouterr().err
    assert (model / "weights.npz").read_bytes() == b"someone's weights"
    assert not (model / "model.json").exists()
    assert main([*train, "--force"]) == 0 and (model / "model.json").is_file()
    assert (model / "weights.yours.npz").read_bytes() == b"someone's weights"


def test_code_sample_and_codebook_check_take_a_column_map(tmp_path: Path, capsys) -> None:
    export = tmp_path / "export.csv"
    pd.DataFrame(
        {
            "id": ["a", "b"],
            "source": ["Harbour Post", "Valley Voice"],
            "body": ["Rival unions clashed over the port deal.", "Prices rose at the market."],
        }
    ).to_csv(export, index=False)
    out = tmp_path / "sheet.csv"
    args = ["code-sample", "--corpus", str(export), "--n", "2", "--out", str(out)]
    assert main(args) == 2  # no text column: the message names --map, which it takes
    assert "--map text=COLUMN" in capsys.readouterr().err
    assert main([*args, "--map", "doc_id=id,outlet=source,text=body"]) == 0
    assert set(pd.read_csv(out)["doc_id"]) == {"a", "b"}
    book = tmp_path / "book.toml"
    book.write_text(
        '[[frames]]\nkey = "strife"\nlabel = "Strife"\ntype = "issue"\n'
        'definition = "Conflict."\nindicators = ["clash"]\nexclusions = []\n'
        'pfc_dimension = "Other"\nreference = "test"\n',
        encoding="utf-8",
    )
    check = ["codebook", "check", str(book), "--corpus", str(export)]
    assert main(check) == 2  # a bad corpus file is an error message, not a traceback
    assert main([*check, "--map", "outlet=source,text=body"]) == 0
    assert "clashed" in capsys.readouterr().out


def test_validate_and_train_warn_about_a_frame_marked_only_where_present(
    tmp_path: Path, capsys
) -> None:
    rows = ["sentence,conflict"] + [f"troops clashed {i},x" for i in range(6)]
    rows += [f"a calm day {i}," for i in range(6)]
    sheet = tmp_path / "marked.csv"
    sheet.write_text("\n".join(rows) + "\n", encoding="utf-8")
    code = main(
        ["validate", "--sheet", str(sheet), "--out", str(tmp_path / "v"), "--n-boot", "100"]
    )
    assert code == 0
    assert "every code of conflict (6 coded, 6 blank) is 1" in capsys.readouterr().err
    assert main(["train", "--sheet", str(sheet), "--out", str(tmp_path / "m")]) == 2
    assert "every code of conflict (6 coded, 6 blank) is 1" in capsys.readouterr().err


def test_validate_and_train_refuse_too_few_replicates_or_folds_naming_the_option(
    tmp_path: Path, capsys
) -> None:
    # --n-boot 3 gave intervals that excluded their own estimate; --folds 1 a model that
    # stopped notebook 02 later with a TypeError
    sheet = tmp_path / "coded.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    for argv, said in (
        (["validate", "--sheet", str(sheet), "--out", str(tmp_path / "v"), "--n-boot", "3"],
         "argument --n-boot: must be a whole number of at least 100, got 3"),
        (["validate", "--sheet", str(sheet), "--out", str(tmp_path / "v"), "--seed", "-3"],
         "argument --seed: must be a whole number of at least 0, got -3"),
        (["train", "--sheet", str(sheet), "--out", str(tmp_path / "m"), "--folds", "1"],
         "argument --folds: must be a whole number of at least 2, got 1"),
        (["train", "--sheet", str(sheet), "--out", str(sheet)], f"{sheet} is a file"),
    ):  # fmt: skip
        try:
            code = main(argv)
        except SystemExit as stop:  # argparse's refusal
            code = stop.code
        assert code == 2
        assert said in capsys.readouterr().err
    assert not (tmp_path / "v").exists() and not (tmp_path / "m").exists()


def test_train_on_a_sheet_of_one_item_is_an_error_not_a_traceback(tmp_path: Path, capsys) -> None:
    sheet = tmp_path / "one.csv"
    sheet.write_text("sentence,war\ntroops clashed,1\n", encoding="utf-8")
    assert main(["train", "--sheet", str(sheet), "--out", str(tmp_path / "m")]) == 2
    assert "error: " in capsys.readouterr().err


def test_validate_refuses_sheets_of_two_samples(tmp_path: Path, capsys) -> None:
    """Two samples both number their items 0001...: paired by item_id alone, the agreement
    would be between different sentences."""
    from cli_errors import one_error_line

    ann = tmp_path / "ann.csv"
    ann.write_text(
        "item_id,sentence,conflict\n0001,Troops clashed at the border.,1\n0002,Calm.,0\n",
        encoding="utf-8",
    )
    bob = tmp_path / "bob.csv"
    bob.write_text(
        "item_id,sentence,conflict\n0001,Prices of grain rose.,0\n0002,Calm.,0\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert main(["validate", "--sheet", str(ann), "--sheet", str(bob), "--out", str(out)]) == 2
    line = one_error_line(capsys.readouterr().err)
    assert "item_id '0001'" in line and str(ann) in line and str(bob) in line
    assert not out.exists()


def test_validate_and_train_refuse_a_sheet_nobody_coded(tmp_path: Path, capsys) -> None:
    from cli_errors import one_error_line

    sheet = tmp_path / "blank.csv"
    sheet.write_text(
        "item_id,sentence,conflict,tone\n0001,Troops clashed.,,\n0002,Calm.,,\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert main(["validate", "--sheet", str(sheet), "--out", str(out)]) == 2
    captured = capsys.readouterr()
    line = one_error_line(captured.err)
    assert line.startswith(f"error: no codes in the sheet(s) {sheet}: fill in the conflict, tone")
    assert "Empty DataFrame" not in captured.out and not out.exists()
    model = tmp_path / "model"
    assert main(["train", "--sheet", str(sheet), "--out", str(model)]) == 2
    assert one_error_line(capsys.readouterr().err).startswith("error: no codes in the sheet(s)")
    assert not (model / "model.json").exists()


def test_validate_reads_code_columns_named_in_another_case(tmp_path: Path, capsys) -> None:
    renamed = SHEET.replace("economic_consequences,tone", "Economic consequences,Tone", 1)
    sheet = tmp_path / "coded.csv"
    sheet.write_text(renamed.replace(",coder\n", ",coder,remark\n", 1), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["validate", "--sheet", str(sheet), "--out", str(out), "--n-boot", "100"]) == 0
    agreement = pd.read_csv(out / "agreement.csv")
    assert set(agreement["frame"]) == {"conflict", "economic_consequences", "tone"}
    captured = capsys.readouterr()
    assert "column 'remark' not read" in captured.err
    assert "not measured: responsibility (no column)" in captured.out


def test_validate_prints_a_note_for_a_zero_width_interval(tmp_path: Path, capsys) -> None:
    sheet = tmp_path / "coded.csv"
    sheet.write_text(
        "sentence,conflict\n"
        + "".join(f"The rivals clashed and traded threats {i}.,1\n" for i in range(5)),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert main(["validate", "--sheet", str(sheet), "--out", str(out), "--n-boot", "100"]) == 0
    assert "note: codebook conflict: f1 interval zero-width" in capsys.readouterr().out
    row = pd.read_csv(out / "agreement.csv").iloc[0]
    assert row["f1"] == 1.0 and row["precision_ci_low"] < 1.0
    assert row["ci_note"].startswith("f1 interval zero-width")


def test_validate_measures_a_sheet_s_sourcing_columns_and_prints_them(
    tmp_path: Path, capsys
) -> None:
    sheet = tmp_path / "coded.csv"
    sheet.write_text(
        "item_id,sentence,attributed,source_government_officials\n"
        "1,Officials said the plan would work.,1,1\n"
        "2,The plan was approved on Monday.,0,0\n"
        "3,The plan would work according to a memo.,1,0\n",
        encoding="utf-8",
    )
    assert main(["validate", "--sheet", str(sheet), "--out", str(tmp_path / "v")]) == 0
    printed = capsys.readouterr().out
    assert "sources" in printed and "source_government_officials" in printed
    table = pd.read_csv(tmp_path / "v" / "agreement.csv")
    assert set(table["method"]) == {"sources"}
    missing = tmp_path / "missing.toml"
    assert main(["validate", "--sheet", str(sheet), "--out", str(tmp_path / "w"),
                 "--sources", str(missing)]) == 2  # fmt: skip
    assert f"--sources {missing}: file not found" in capsys.readouterr().err
    assert not (tmp_path / "w" / "agreement.csv").exists()


def test_train_leaves_a_sheet_s_sourcing_columns_out_of_the_frames(tmp_path: Path, capsys) -> None:
    import json

    coded = war_sheet(tmp_path / "war.csv")
    table = pd.read_csv(coded)
    table["attributed"] = [i % 2 for i in range(len(table))]
    table["source_citizens"] = 0
    table.to_csv(coded, index=False)
    assert main(["train", "--sheet", str(coded), "--out", str(tmp_path / "m"), "--folds", "2"]) == 0
    assert "not frames, so not trained: attributed, source_citizens" in capsys.readouterr().out
    meta = json.loads((tmp_path / "m" / "model.json").read_text(encoding="utf-8"))
    assert meta["keys"] == ["war"]


def test_validate_takes_the_codebook_of_the_corpus_the_sheet_was_drawn_from(
    make_corpus, tmp_path: Path, capsys
) -> None:
    # the summary told users to run validate without naming the corpus: the corpus's own
    # codebook (its analysis.toml), which code-sample drew the sheet with, was not measured
    folder = make_corpus()
    (folder / "river.toml").write_text(
        '[[frames]]\nkey = "pollution"\nlabel = "Pollution"\ntype = "issue"\n'
        'definition = "The river as polluted."\nindicators = ["sewage", "spill"]\n',
        encoding="utf-8",
    )
    (folder / "analysis.toml").write_text('[lexicons]\ncodebook = "river.toml"\n', "utf-8")
    sheet = tmp_path / "coded.csv"
    sheet.write_text(
        "sentence,pollution\nSewage spilled into the river.,1\nThe mayor spoke.,0\n", "utf-8"
    )
    out = tmp_path / "v"
    command = ["validate", "--sheet", str(sheet), "--corpus", str(folder), "--out", str(out)]
    assert main(command) == 0
    assert list(pd.read_csv(out / "agreement.csv")["frame"]) == ["pollution"]
    capsys.readouterr()
    assert main(["validate", "--sheet", str(sheet), "--out", str(tmp_path / "w")]) == 2
    assert "'pollution' not read" in capsys.readouterr().err  # the package's generic frames
    missing = tmp_path / "nowhere"
    assert main(["validate", "--sheet", str(sheet), "--corpus", str(missing), "--out",
                 str(tmp_path / "x")]) == 2  # fmt: skip
    assert f"--corpus {missing}: no such folder or file" in capsys.readouterr().err


def test_items_the_coders_tied_on_are_counted_in_a_warning(tmp_path: Path) -> None:
    """Ties leave an item out of the consensus; a tester's 43 of 343 left without a word."""
    from analysis.validation.sheet_agreement import measure_sheets

    sheet = tmp_path / "coded.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    measured = measure_sheets(sheet, n_boot=50, seed=1)
    said = " ".join(measured.warnings)
    # ann 0, bob 1 on item 2's conflict; neutral against positive on item 4's tone
    assert "split evenly on are left out of the agreement" in said
    assert "conflict 1 of 4" in said and "tone 1 of 4" in said
    assert "economic_consequences" not in said  # no tie there


def test_blank_cells_are_counted_where_the_figures_are_printed(tmp_path: Path, capsys) -> None:
    lines = SHEET.strip().splitlines()
    rows = [x.split(",") for x in lines[1:5]]  # one coder
    rows[1][4] = ""  # a tone cell left blank
    sheet = tmp_path / "coded.csv"
    sheet.write_text("\n".join([lines[0], *(",".join(r) for r in rows)]) + "\n", encoding="utf-8")
    assert main(["validate", "--sheet", str(sheet), "--out", str(tmp_path / "o")]) == 0
    out = capsys.readouterr().out
    assert ("note: tone: measured on 3 of the 4 items; 1 left blank (not coded) is left out") in out
    assert "note: conflict: measured on" not in out


def test_train_reads_a_sheets_outlet_column_as_no_code(tmp_path: Path, capsys) -> None:
    # the sheet's outlet is kept for the tone per outlet; train must not take it for a frame
    sheet = war_sheet(tmp_path / "coded.csv", ("negative", "neutral", "positive"))
    lines = sheet.read_text(encoding="utf-8").splitlines()
    with_outlet = [f"{lines[0]},outlet"] + [f"{row},Post" for row in lines[1:]]
    sheet.write_text("\n".join(with_outlet) + "\n", encoding="utf-8")
    model = tmp_path / "model"
    assert main(["train", "--sheet", str(sheet), "--out", str(model), "--folds", "3"]) == 0
    assert "outlet" not in (model / "model.json").read_text(encoding="utf-8")


def test_validate_and_train_warn_about_tone_coded_only_positive_or_negative(
    tmp_path: Path, capsys
) -> None:
    # a financial analyst's coders left neutral sentences blank: 92 items were left out unsaid
    sheet = war_sheet(tmp_path / "polar.csv", ("negative", "", "positive"))
    args = ["validate", "--sheet", str(sheet), "--out", str(tmp_path / "v"), "--n-boot", "100"]
    assert main(args) == 0
    said = "tone is coded only positive or negative (16 coded, 8 blank)"
    assert said in capsys.readouterr().err
    main(["train", "--sheet", str(sheet), "--out", str(tmp_path / "m"), "--folds", "3"])
    assert said in capsys.readouterr().err
    full = war_sheet(tmp_path / "full.csv", ("negative", "neutral", "positive"))
    assert main(["validate", "--sheet", str(full), "--out", str(tmp_path / "w")]) == 0
    assert "coded only positive or negative" not in capsys.readouterr().err


def test_code_sample_exclude_leaves_out_the_articles_of_the_excluded_items(
    make_corpus, tmp_path: Path, capsys
) -> None:
    # a tester's held-out sheet drawn with --exclude TRAINING_SHEET: 22 of its 28 sentences
    # came from articles whose other sentences had trained the model
    corpus = make_corpus()
    first = tmp_path / "first.csv"
    assert main(["code-sample", "--corpus", str(corpus), "--n", "2", "--out", str(first)]) == 0
    articles = set(pd.read_csv(first, dtype=str)["doc_id"])
    second = tmp_path / "second.csv"
    args = ["code-sample", "--corpus", str(corpus), "--out", str(second), "--exclude", str(first)]
    assert main(args) == 0
    err = capsys.readouterr().err
    assert "other sentence(s) of the articles they come from (by their doc_id)" in err
    drawn = pd.read_csv(second, dtype=str)
    assert len(drawn) and not set(drawn["doc_id"]) & articles


def test_validate_counts_the_items_from_the_articles_the_model_was_trained_on(
    tmp_path: Path, capsys
) -> None:
    # a tester's "held-out" sheet: none of its sentences trained the model (n_in_training 0),
    # but 22 of its 28 came from articles whose other sentences did
    import json

    from analysis.validation.agreement import frame_f1_lines

    rows = ["doc_id,sentence,war"]
    for i in range(8):
        rows += [f"d{i},troops clashed {i},1", f"d{i},prices rose {i},0", f"d{i},a calm day {i},0"]
    train_sheet = tmp_path / "train.csv"
    train_sheet.write_text("\n".join(rows) + "\n", encoding="utf-8")
    model = tmp_path / "model"
    assert main(["train", "--sheet", str(train_sheet), "--out", str(model), "--folds", "3"]) == 0
    saved = json.loads((model / "model.json").read_text(encoding="utf-8"))
    assert saved["training_doc_ids"] == [f"d{i}" for i in range(8)]
    held = ["doc_id,sentence,war"]
    held += [f"d{i},soldiers fought again {i},1" for i in range(3)]  # training articles
    held += [f"e{i},markets were quiet {i},0" for i in range(5)]
    held_sheet = tmp_path / "held.csv"
    held_sheet.write_text("\n".join(held) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    args = ["validate", "--sheet", str(held_sheet), "--model", str(model), "--out", str(out)]
    capsys.readouterr()
    assert main([*args, "--n-boot", "100"]) == 0
    err = capsys.readouterr().err
    assert "3 of the 8 items of the sheet come from articles whose other items trained" in err
    table = pd.read_csv(out / "agreement.csv").set_index(["method", "frame"])
    assert table.loc[("model", "war"), "n_same_article_as_training"] == 3
    assert table.loc[("model", "war"), "n_in_training"] == 0
    [line] = frame_f1_lines(table.reset_index(), {"war": "model"}, {})
    assert "**3 of these 8 items come from articles whose other items trained the model**" in line


def test_code_sample_exclude_says_what_it_left_and_what_to_do(
    make_corpus, tmp_path: Path, capsys
) -> None:
    # a tester's held-out sheet, drawn with --exclude from a small corpus whose every article
    # the first sheet held, was refused as "the corpus has no sentence with text to draw from"
    from analysis.loading import load_corpus

    corpus = make_corpus()
    sentences = load_corpus(corpus, progress=False).sentences
    whole = tmp_path / "whole.csv"
    assert main(["code-sample", "--corpus", str(corpus), "--out", str(whole)]) == 0
    second = ["code-sample", "--corpus", str(corpus), "--out", str(tmp_path / "second.csv")]
    capsys.readouterr()
    assert main([*second, "--exclude", str(whole)]) == 2
    err = capsys.readouterr().err
    assert (
        f"error: after --exclude, 0 sentence(s) left to draw from, of the corpus's "
        f"{len(sentences)} sentence(s) in 3 article(s) ({len(sentences)} in {whole})"
    ) in err
    assert "add articles to the corpus, or --exclude fewer sheets" in err
    # one sentence drawn: its article's sentences go, the two other articles' stay
    one = tmp_path / "one.csv"
    assert main(["code-sample", "--corpus", str(corpus), "--n", "1", "--out", str(one)]) == 0
    drawn = pd.read_csv(one, dtype=str)["doc_id"].iloc[0]
    left = int((sentences["doc_id"] != drawn).sum())
    capsys.readouterr()
    assert main([*second, "--exclude", str(one), "--n", str(left + 1)]) == 2
    err = capsys.readouterr().err
    assert f"error: --n {left + 1}: after --exclude, {left} sentence(s) from 2 article(s)" in err
    assert f"give --n {left} or fewer; for more, add articles" in err
    # without --n, every sentence left is drawn, and the warning says it is what was left
    assert main([*second, "--exclude", str(one)]) == 0
    err = capsys.readouterr().err
    assert f"warning: after --exclude, {left} sentence(s) from 2 article(s) left" in err
    assert "the corpus has" not in err
