"""record_parameters / recorded_parameters / summary_parameters_from_tables: notebook 04 run by
hand describes the codebook, outlets and grouping its tables were made with."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from analysis.config import project_root
from analysis.report.table_parameters import (
    check_parameters,
    record_parameters,
    recorded_parameters,
    summary_parameters_from_tables,
)


def namespace(**values: object) -> dict:
    """A notebook 02's globals after its parameters cell, with ``values`` set."""
    base = {
        "corpus_dir": project_root() / "seeds",
        "group_by": "outlet",
        "outlets": [],
        "codebook": "",
        "method": "vader",
        "n_boot": 2000,
        "n_perm": 5000,
        "seed": 20251030,
        "tables_dir": Path("/elsewhere"),
        "unrelated": object(),
    }
    return {**base, **values}


def test_recorded_values_are_checked_and_portable(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mine.toml").write_text(
        '[[frames]]\nkey = "m"\nlabel = "M"\nindicators = ["stocks"]\n', encoding="utf-8"
    )
    values = record_parameters(
        tmp_path / "t", "02_sentiment.ipynb", namespace(codebook="mine.toml", outlets=["A", "B"])
    )
    record = json.loads((tmp_path / "t" / "parameters_02_sentiment.json").read_text("utf-8"))
    assert record["values"]["corpus_dir"] == "seeds"  # under the project: relative to it
    assert record["values"]["codebook"] == str(tmp_path / "mine.toml")  # made absolute
    assert record["values"]["outlets"] == ["A", "B"]
    assert "tables_dir" not in record["values"] and "unrelated" not in record["values"]
    assert values["n_boot"] == 2000
    back = recorded_parameters(tmp_path / "t")
    assert back["corpus_dir"] == str(project_root() / "seeds")
    assert "codebook" not in back  # recorded, but notebook 02 makes no table with it


def test_checking_writes_no_record_and_notebooks_record_after_their_own_checks(
    tmp_path: Path,
) -> None:
    # a tester's notebook 01, stopped by a misspelt outlet, had already recorded it beside the
    # last run's tables, and the summary then called them "not one run"
    assert check_parameters("02_sentiment.ipynb", namespace())["n_boot"] == 2000
    with pytest.raises(ValueError, match="n_boot"):
        check_parameters("02_sentiment.ipynb", namespace(n_boot=5))
    for name in ("01_corpus", "02_sentiment", "03_framing"):
        cells = json.loads((project_root() / "notebooks" / f"{name}.ipynb").read_text("utf-8"))
        code = "\n".join("".join(c["source"]) for c in cells["cells"] if c["cell_type"] == "code")
        assert code.index("check_parameters(") < code.index("corpus_palette(")
        assert code.index("corpus_palette(") < code.index("record_parameters(tables")


def test_a_value_run_would_refuse_is_refused_naming_it(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="n_boot"):
        record_parameters(tmp_path, "02_sentiment.ipynb", namespace(n_boot=5))
    assert not list(tmp_path.iterdir())


def test_a_parameter_the_notebook_lacks_is_refused_with_the_nearest_name(tmp_path: Path) -> None:
    # plain papermill injects "-p n_bot 500" in a cell of its own and only warns of it
    injected = "# Parameters\nn_bot = 500\nseed = 3\n"
    history = ["", "# Parameters (papermill replaces ...)\nn_boot = 2000\n", injected]
    with pytest.raises(ValueError, match=r"no parameter 'n_bot' \(did you mean 'n_boot'\?\)"):
        record_parameters(tmp_path, "02_sentiment.ipynb", namespace(In=history, n_bot=500))
    assert not list(tmp_path.iterdir())
    # the names it has are fine, and so is a kernel with no papermill cell (JupyterLab)
    fine = [*history[:2], "# Parameters\nseed = 3\n"]
    record_parameters(tmp_path, "02_sentiment.ipynb", namespace(In=fine))
    record_parameters(tmp_path, "02_sentiment.ipynb", namespace(In=["", "x = 1"]))


def test_the_summary_describes_the_tables_method_too(tmp_path: Path) -> None:
    """The findings are those notebook 02 saved with its method: two testers' summaries quoted
    vader-news findings under "Method used for the findings: vader" (notebook 04's default)."""
    record_parameters(tmp_path, "02_sentiment.ipynb", namespace(group_by="origin", n_boot=500))
    own = {"group_by": "outlet", "method": "vader-news", "seed": 20251030, "n_boot": 500}
    with pytest.warns(UserWarning) as said:
        params = summary_parameters_from_tables(tmp_path, own)
    assert params["group_by"] == "origin" and params["method"] == "vader"
    messages = [str(w.message) for w in said]
    assert any("group_by is 'outlet' here but the tables" in m for m in messages)
    assert any("method is 'vader-news' here but the tables" in m for m in messages)
    assert summary_parameters_from_tables(tmp_path / "none", own) == own  # nothing recorded


def test_records_of_notebooks_run_with_different_values_are_warned_about(tmp_path: Path) -> None:
    # a tester reran 02 alone with -p outlets "A,B" -p n_boot 500: the summary said "3 outlets"
    # and n_boot 2000, its tone section covered 2 outlets, and nothing was said
    import warnings

    record_parameters(tmp_path, "02_sentiment.ipynb", namespace(n_boot=500, outlets=["A", "B"]))
    (tmp_path / "parameters_03_framing.json").write_text(
        json.dumps({"notebook": "03_framing.ipynb", "values": {"n_boot": 2000, "outlets": []}}),
        encoding="utf-8",
    )
    with pytest.warns(UserWarning, match="made with different parameters") as caught:
        summary_parameters_from_tables(tmp_path, {})
    message = str(caught[0].message)
    assert "n_boot: 500 in 02_sentiment, 2000 in 03_framing" in message
    assert 'outlets: ["A", "B"] in 02_sentiment, [] in 03_framing' in message
    (tmp_path / "parameters_03_framing.json").unlink()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        summary_parameters_from_tables(tmp_path, {})  # one record: nothing to disagree


def test_parameter_names_are_those_papermill_reads() -> None:
    import papermill

    from analysis.report.table_parameters import parameter_names

    for notebook in sorted((project_root() / "notebooks").glob("0*.ipynb")):
        assert parameter_names(notebook) == list(papermill.inspect_notebook(str(notebook)))


def test_notebook_04_checks_its_own_names() -> None:
    from analysis.report import check_injected_parameters

    names = check_injected_parameters("04_summary.ipynb", {"In": ["# Parameters\nmethod = 1\n"]})
    assert "method" in names and "run_parameters" in names
    with pytest.raises(ValueError, match=r"04_summary\.ipynb has no parameter 'methd'"):
        check_injected_parameters("04_summary.ipynb", {"In": ["# Parameters\nmethd = 1\n"]})


def test_a_parameter_a_notebook_does_not_use_neither_disagrees_nor_is_described(
    tmp_path: Path,
) -> None:
    # a tester gave the actor list to 01 and 02 only, and the codebook to 01 and 03: notebook
    # 04 called the tables "not one run" and said no actor list was given
    from analysis.report.table_parameters import RECORD_PREFIX, disagreeing_records

    def write(notebook: str, **values: object) -> None:
        record = {"notebook": f"{notebook}.ipynb", "values": values, "paths": []}
        (tmp_path / f"{RECORD_PREFIX}{notebook}.json").write_text(json.dumps(record), "utf-8")

    write("01_corpus", actors="/a/actors.toml", codebook="/a/book.toml", outlets=[])
    write("02_sentiment", actors="/a/actors.toml", codebook="", outlets=[])
    write("03_framing", actors="", codebook="/a/book.toml", outlets=[])
    assert disagreeing_records(tmp_path) == []
    merged = recorded_parameters(tmp_path)
    assert merged["actors"] == "/a/actors.toml" and merged["codebook"] == "/a/book.toml"
    write("03_framing", actors="", codebook="/a/other.toml", outlets=[])  # used: it disagrees
    assert disagreeing_records(tmp_path) == [
        'codebook: "/a/book.toml" in 01_corpus, "/a/other.toml" in 03_framing'
    ]


def test_a_whole_float_parameter_becomes_an_int_in_the_notebooks_namespace() -> None:
    # plain papermill's -p n_boot 1e3 gives 1000.0: accepted, and made 1000 where the notebook's
    # later cells read it (numpy takes no float as a number of replicates or a seed)
    notebook: dict = namespace(n_boot=1000.0, seed=7.0)
    notebook["check_parameters"] = check_parameters
    exec('checked = check_parameters("02_sentiment.ipynb", {**globals()})', notebook)
    assert notebook["checked"]["n_boot"] == 1000
    assert type(notebook["n_boot"]) is int and type(notebook["seed"]) is int
    assert notebook["n_boot"] == 1000 and notebook["seed"] == 7


def test_notebook_02_leaves_its_arc_count_to_the_parameter_rules() -> None:
    # its own int(max_arc_articles) stopped -p max_arc_articles abc with "invalid literal for
    # int() with base 10: 'abc'", naming no parameter
    cells = json.loads((project_root() / "notebooks" / "02_sentiment.ipynb").read_text("utf-8"))
    code = "\n".join("".join(c["source"]) for c in cells["cells"] if c["cell_type"] == "code")
    assert "int(max_arc_articles)" not in code
    with pytest.raises(
        ValueError, match="'max_arc_articles' expects an integer >= 1, got the text"
    ):
        check_parameters("02_sentiment.ipynb", namespace(max_arc_articles="abc"))
