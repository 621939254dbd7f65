"""Notebook parameters: discovery through papermill, types, validation, a run's effective values."""

from __future__ import annotations

import logging
import warnings
from pathlib import Path

import nbformat
import pandas as pd
import papermill
import pytest
from conftest import PAGE_NAMING_ITS_SITE
from pipeline_fakes import PARAMS_03, write_notebook, write_pipeline

from analysis import load_corpus
from analysis.pipeline.notebooks import list_notebooks
from analysis.pipeline.params import (
    ParameterError,
    ParamSpec,
    annotation_type,
    check_corpus_columns,
    check_out_apart,
    check_outlets,
    describe_parameters,
    discover_parameters,
    load_parameter_file,
    notebook_defaults,
    parameter_spec,
    parse_cli_value,
    run_parameters,
    validate_parameters,
)
from analysis.selection import keep_outlets

REPO_NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


@pytest.fixture
def notebooks(tmp_path: Path) -> Path:
    return write_pipeline(tmp_path / "nbs")


# ------------------------------------------------------------------ discovery


def test_discovery_unions_parameters_with_types_from_defaults_and_annotations(notebooks):
    schema = discover_parameters(list_notebooks(notebooks))
    assert schema["n_boot"].type_name == "int"
    assert schema["alpha"].type_name == "float"
    assert schema["show"].type_name == "bool"
    assert schema["method"].type_name == "str"
    assert schema["labels"].type_name == "list" and schema["labels"].nullable
    assert schema["outlets"].type_name == "any" and schema["outlets"].nullable
    assert schema["seed"].notebooks == ("01_corpus.ipynb", "03_framing.ipynb")
    assert schema["tables_dir"].notebooks == (
        "01_corpus.ipynb",
        "02_sentiment.ipynb",
        "03_framing.ipynb",
        "04_summary.ipynb",
    )


def test_parameter_help_comes_from_the_comment_closing_each_assignment(tmp_path):
    path = write_notebook(
        tmp_path / "p.ipynb",
        'n_boot: int = 100  # bootstrap replicates\nlabels = [\n    "a",\n]  # shown labels\n'
        "seed = 1\n",
    )
    schema = discover_parameters([path])
    assert schema["n_boot"].help == "bootstrap replicates"
    assert schema["labels"].help == "shown labels" and schema["labels"].type_name == "list"
    assert schema["seed"].help == ""


def test_papermill_reports_no_type_for_plain_assignments_so_the_default_gives_it(tmp_path):
    source = 'outlets = []  # all\ncodebook = ""\nn = 3\nx = 0.5\nflag = False\nd = {}\nt = (1,)\n'
    path = write_notebook(tmp_path / "p.ipynb", source)
    inspected = papermill.inspect_notebook(str(path))
    assert inspected["outlets"]["inferred_type_name"] == "None"  # papermill: type unknown
    assert inspected["outlets"]["default"] == "[]"
    schema = discover_parameters([path])
    types = {name: spec.type_name for name, spec in schema.items()}
    assert types == {
        "outlets": "list",
        "codebook": "str",
        "n": "int",
        "x": "float",
        "flag": "bool",
        "d": "dict",
        "t": "list",
    }
    assert not any(spec.nullable for spec in schema.values())


def test_annotations_as_papermill_reports_them_are_mapped_to_the_runner_types():
    assert annotation_type("None") == (None, False)  # papermill's "no annotation"
    assert annotation_type("int") == ("int", False)
    assert annotation_type("Optional[list[str]]") == ("list", True)
    assert annotation_type("tuple[int, int]") == ("list", False)
    assert annotation_type("Path") == ("str", False)
    assert annotation_type("Callable") == ("any", False)


def test_a_papermill_entry_becomes_a_spec_with_a_normalised_default():
    entry = {"name": "corpus_dir", "inferred_type_name": "None", "default": '"../seeds"'}
    spec = parameter_spec("01.ipynb", {**entry, "help": "folder"})
    assert spec == ParamSpec(
        "corpus_dir", "str", "'../seeds'", False, "folder", ("01.ipynb",), ("'../seeds'",)
    )
    spread = parameter_spec(
        "x.ipynb", {"name": "v", "inferred_type_name": "None", "default": '["a",]'}
    )
    assert spread.default == "['a']" and spread.type_name == "list"
    computed = parameter_spec(
        "x.ipynb", {"name": "p", "inferred_type_name": "None", "default": "f(1)"}
    )
    assert computed.type_name == "any" and computed.default == "f(1)"
    unhashable = parameter_spec("x.ipynb", {"name": "u", "default": "{[1]: 2}"})
    assert unhashable.type_name == "any"  # literal_eval raises TypeError here
    empty = parameter_spec(
        "x.ipynb", {"name": "o", "inferred_type_name": "None", "default": "None"}
    )
    assert empty.type_name == "any" and empty.nullable


def test_the_committed_notebooks_schema(tmp_path):
    schema = discover_parameters(list_notebooks(REPO_NOTEBOOKS))
    outlets = schema["outlets"]
    assert (outlets.type_name, outlets.default, outlets.nullable) == ("list", "[]", False)
    assert outlets.notebooks == ("01_corpus.ipynb", "02_sentiment.ipynb", "03_framing.ipynb")
    assert outlets.help.startswith("outlets the run compares")  # 01's, the first declaring it
    assert schema["codebook"].type_name == "str" and schema["codebook"].default == "''"
    assert schema["n_boot"].defaults == ("2000", "2000", "2000")
    assert schema["run_parameters"].notebooks == ("04_summary.ipynb",)
    assert schema["run_parameters"].type_name == "dict"


def test_what_papermill_cannot_read_is_no_parameter_and_its_warning_is_not_hidden(tmp_path, caplog):
    source = (
        "n_boot: int = 10\n"
        "labels: list[str] | None = None  # papermill reads no `X | None` annotation\n"
        "opts = dict(a=1)\n"
    )
    path = write_notebook(tmp_path / "p.ipynb", source)
    with caplog.at_level(logging.WARNING, logger="papermill"):
        schema = discover_parameters([path])
    assert list(schema) == ["n_boot"]
    warnings = [r.getMessage() for r in caplog.records if r.name.startswith("papermill")]
    assert warnings == ["Unable to parse line 3 'opts = dict(a=1)'."]
    with pytest.raises(ParameterError, match="unknown parameter 'labels'"):
        validate_parameters({"labels": ["a"]}, schema)


def test_a_notebook_papermill_cannot_read_is_a_parameter_error(tmp_path):
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("n = 1\n")
    cell.metadata["tags"] = ["parameters"]
    nb.cells = [cell]  # no kernelspec: papermill cannot tell the parameters' language
    nbformat.write(nb, tmp_path / "bare.ipynb")
    with pytest.raises(ParameterError, match=r"cannot read the parameters of bare\.ipynb"):
        discover_parameters([tmp_path / "bare.ipynb"])
    (tmp_path / "broken.ipynb").write_text("{not json", encoding="utf-8")
    with pytest.raises(ParameterError, match=r"cannot read the parameters of broken\.ipynb"):
        discover_parameters([tmp_path / "broken.ipynb"])


def test_description_lists_each_parameter_once_without_the_runners_own(notebooks):
    text = describe_parameters(discover_parameters(list_notebooks(notebooks)))
    lines = text.splitlines()
    assert [line.split()[0] for line in lines] == [
        "alpha",
        "corpus_dir",
        "figures_dir",
        "group_by",
        "labels",
        "method",
        "n_boot",
        "outlets",
        "reports_dir",
        "seed",
        "show",
        "tables_dir",
    ]
    seed = next(line for line in lines if line.split()[0] == "seed")
    assert "int" in seed and "default 1" in seed and "01_corpus.ipynb, 03_framing.ipynb" in seed
    assert "(set by --out)" in next(line for line in lines if "figures_dir" in line)


def test_description_columns_line_up_whatever_the_longest_name(tmp_path):
    # "max_evidence_sentences" (22 letters) shifted its line in --list-parameters
    from pipeline_fakes import write_notebook

    path = write_notebook(
        tmp_path / "01_x.ipynb",
        'max_evidence_sentences: int = 200\nn: int = 1\nlabel: str = "a default of 30 chars"\n',
    )
    lines = describe_parameters(discover_parameters([path])).splitlines()
    assert len(lines) == 3
    assert len({line.index(" default ") for line in lines}) == 1
    assert len({line.index(" in 01_x") for line in lines}) == 1


# ------------------------------------------------------------------ validation


def test_validation_converts_command_line_text_to_the_declared_types(
    notebooks, tmp_path, monkeypatch
):
    from analysis.pipeline import params

    monkeypatch.delitem(params.PARAMETER_RULES, "method")  # any text, to show "007" is kept
    schema = discover_parameters(list_notebooks(notebooks))
    raw = {"n_boot": "500", "alpha": "1", "method": "007", "labels": "a, b", "show": "false"}
    values = {k: parse_cli_value(v) for k, v in raw.items()}
    checked = validate_parameters(values, schema, raw)
    assert checked == {
        "n_boot": 500,
        "alpha": 1.0,
        "method": "007",
        "labels": ["a", "b"],
        "show": False,
    }
    relative = validate_parameters({"corpus_dir": "data"}, schema, base_dir=tmp_path)
    assert relative["corpus_dir"] == str((tmp_path / "data").resolve())


def test_unknown_and_wrongly_typed_parameters_are_all_refused_with_the_valid_names(notebooks):
    schema = discover_parameters(list_notebooks(notebooks))
    with pytest.raises(ParameterError) as err:
        validate_parameters(
            {"n_bot": 5, "n_boot": "many", "show": 1, "figures_dir": "/x"},
            schema,
            {"n_boot": "many"},
        )
    message = str(err.value)
    assert "unknown parameter 'n_bot' (did you mean 'n_boot'?)" in message  # as notebooks say
    assert "'n_boot' expects int" in message
    assert "'show' expects bool" in message
    assert "'figures_dir' is set by --out" in message
    assert "valid names: alpha, corpus_dir, group_by" in message
    assert "figures_dir" not in message.split("valid names:")[1]


def test_null_is_refused_for_a_parameter_whose_default_is_not_none(notebooks):
    schema = discover_parameters(list_notebooks(notebooks))
    assert validate_parameters({"outlets": None}, schema) == {"outlets": None}
    with pytest.raises(ParameterError, match="'seed' expects int, got null"):
        validate_parameters({"seed": None}, schema)


def test_parameter_file_must_hold_a_mapping(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text("n_boot: 50\nmethod: vader-news\n", encoding="utf-8")
    assert load_parameter_file(path) == {"n_boot": 50, "method": "vader-news"}
    path.write_text("- a\n- b\n", encoding="utf-8")
    with pytest.raises(ParameterError, match="mapping"):
        load_parameter_file(path)


def test_a_parameter_file_in_utf16_is_read_and_one_in_latin1_or_a_folder_is_refused(tmp_path):
    """A tester's Notepad "Unicode" file, a Latin-1 one and a folder ended in tracebacks."""
    path = tmp_path / "p.yaml"
    path.write_bytes("n_boot: 500\noutlets: [Le Monde, Süddeutsche]\n".encode("utf-16"))
    assert load_parameter_file(path) == {"n_boot": 500, "outlets": ["Le Monde", "Süddeutsche"]}
    path.write_bytes("outlets: [Süddeutsche]\n".encode("latin-1"))
    with pytest.raises(ParameterError, match="is not UTF-8 text: save it as UTF-8"):
        load_parameter_file(path)
    with pytest.raises(ParameterError, match="is a folder, not a file"):
        load_parameter_file(tmp_path)


def test_a_parameter_files_column_map_may_be_a_mapping(tmp_path):
    """A tester's -f file wrote ``column_map: {text: Body, outlet: Source}`` and was refused:
    "expects str, got dict"."""
    path = tmp_path / "p.yaml"
    path.write_text("column_map:\n  text: Article Text\n  outlet: Source\n", encoding="utf-8")
    schema = discover_parameters(list_notebooks(REPO_NOTEBOOKS))
    checked = validate_parameters(load_parameter_file(path), schema)
    assert checked["column_map"] == "text=Article Text,outlet=Source"
    with pytest.raises(ParameterError, match="'n_boot' expects int"):
        validate_parameters({"n_boot": {"a": 1}}, schema)  # only column_map takes a mapping


def test_unknown_outlets_are_refused_before_any_notebook(make_corpus, tmp_path: Path) -> None:
    folder = make_corpus()
    check_outlets(folder, ["Daily Ledger"])  # known: no error
    check_outlets(folder, [])  # nothing chosen: no error
    with pytest.raises(ParameterError, match=r"\['Nope'\].*valid names: \['Daily Ledger'"):
        check_outlets(folder, ["Daily Ledger", "Nope"])


def test_outlets_of_a_folder_without_manifest_are_checked_once_its_articles_are_read(
    make_corpus, tmp_path: Path
) -> None:
    # a saved page's outlet is its site name, known once the page is read: not refused here
    folder = make_corpus(files={"budget.html": PAGE_NAMING_ITS_SITE}, with_manifest=False)
    check_outlets(folder, ["Harbour Times"])
    check_outlets(folder, ["Nope"])  # nor a typo: the notebooks refuse it once the page is read
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        documents = load_corpus(folder, progress=False, jobs=1).documents
    assert keep_outlets(documents, ["Harbour Times"])["doc_id"].tolist() == ["budget"]
    with pytest.raises(ValueError, match=r"\['Nope'\]; valid names: \['Harbour Times'\]"):
        keep_outlets(documents, ["Nope"])


# ------------------------------------------------------------------ a run's values


def test_run_parameters_say_so_when_notebooks_default_differently(notebooks):
    schema = discover_parameters(list_notebooks(notebooks))
    assert run_parameters({}, schema)["seed"] == 1  # same default in 01 and 03
    write_notebook(notebooks / "03_framing.ipynb", PARAMS_03.replace("seed = 1", "seed = 5"))
    schema = discover_parameters(list_notebooks(notebooks))
    shown = run_parameters({}, schema)["seed"]
    assert shown == "1 in 01_corpus.ipynb; 5 in 03_framing.ipynb"
    assert run_parameters({"seed": 9}, schema)["seed"] == 9


def test_notebook_defaults_match_what_a_plain_run_reports() -> None:
    schema = discover_parameters(list_notebooks(REPO_NOTEBOOKS))
    assert notebook_defaults(REPO_NOTEBOOKS) == run_parameters({}, schema)
    changed = notebook_defaults(REPO_NOTEBOOKS, {"method": "vader-news", "not_a_parameter": 1})
    assert changed["method"] == "vader-news"
    assert "not_a_parameter" not in changed
    assert {"n_perm", "top_terms", "outlets"} <= set(changed)


def test_a_folder_of_export_files_is_checked_file_by_file_before_any_notebook(tmp_path):
    from analysis.pipeline.params import (
        ParameterError,
        check_corpus_columns,
        check_group_column,
        check_outlets,
    )

    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "page1.csv").write_text("body,site,lean\nBuses ran.,X,left\n", "utf-8")
    (folder / "page2.csv").write_text("body,lean\nBuses ran.,left\n", "utf-8")  # no site
    mapping = "text=body,outlet=site"
    with pytest.raises(ParameterError, match=r"page2\.csv: the mapping outlet=site names a col"):
        check_corpus_columns(folder, mapping)
    (folder / "page2.csv").write_text("body,site,lean\nTrams ran.,Y,right\n", "utf-8")
    check_corpus_columns(folder, mapping)
    check_group_column(folder, "lean", mapping)  # the user's column of the files
    with pytest.raises(ParameterError, match="group_by 'tone' is not a column"):
        check_group_column(folder, "tone", mapping)
    check_outlets(folder, ["X"])  # checked by the notebooks once the files are read


def test_an_articles_own_field_is_refused_as_a_grouping_before_the_run(make_corpus) -> None:
    # '--group-by language' passed this check and stopped notebook 01 with KeyError: 'language'
    from analysis.config import ARTICLE_FIELDS
    from analysis.corpus.documents import MANIFEST_COLUMNS
    from analysis.pipeline.params import check_group_column, corpus_columns

    assert set(MANIFEST_COLUMNS) - ARTICLE_FIELDS == {"doc_id", "file", "outlet", "origin"}
    folder = make_corpus()
    for field in sorted(ARTICLE_FIELDS):
        with pytest.raises(ParameterError, match=f"{field!r} is a field of each article"):
            check_group_column(folder, field)
    assert not ARTICLE_FIELDS & set(corpus_columns(folder))
    check_group_column(folder, "origin")


def test_a_folder_with_a_bad_article_is_refused_before_any_notebook(make_corpus, tmp_path):
    # a tester's `run` on such folders started notebook 01, which then failed in its cell 3
    (tmp_path / "secret.txt").write_text("not an article", encoding="utf-8")
    folder = make_corpus(
        files={"a.txt": "An article about the harbour.", "b.txt": ""},
        manifest=[
            {"doc_id": "a", "file": "a.txt", "outlet": "Daily Ledger"},
            {"doc_id": "b", "file": "b.txt", "outlet": "Daily Ledger"},
            {"doc_id": "c", "file": "../secret.txt", "outlet": "Daily Ledger"},
        ],
    )
    with pytest.raises(ParameterError) as caught:
        check_corpus_columns(folder)
    message = str(caught.value)
    assert "b.txt: file is empty" in message and "points outside the corpus folder" in message


def test_an_out_mixing_outputs_with_the_corpus_is_refused(tmp_path):
    corpus = tmp_path / "project" / "corpus"
    corpus.mkdir(parents=True)
    check_out_apart(corpus, tmp_path / "project")  # the corpus beside the outputs: fine
    check_out_apart(corpus, tmp_path / "results")
    check_out_apart(corpus, None)  # the default output root: the project
    with pytest.raises(ParameterError, match="is the corpus folder or lies inside it"):
        check_out_apart(corpus, corpus)
    with pytest.raises(ParameterError, match="is the corpus folder or lies inside it"):
        check_out_apart(corpus, corpus / "out")
    inside = tmp_path / "out" / "reports" / "corpus"
    inside.mkdir(parents=True)
    with pytest.raises(ParameterError, match="which a run into --out"):
        check_out_apart(inside, tmp_path / "out")


def test_an_agreement_table_for_none_of_the_codebooks_frames_is_refused(make_corpus, tmp_path):
    from analysis.pipeline.params import check_lexicon_files

    folder = make_corpus()
    agreement = tmp_path / "agreement.csv"
    row = {"method": "codebook", "n": 40, "f1": 0.6, "f1_ci_low": 0.4, "f1_ci_high": 0.8}
    row |= {"tp": 9, "fp": 5, "fn": 6, "tn": 20}
    pd.DataFrame([{**row, "frame": "carbon_tax"}]).to_csv(agreement, index=False)
    with pytest.raises(ParameterError, match=r"\['carbon_tax'\], none of the run's codebook"):
        check_lexicon_files(folder, {"validation": str(agreement)})
    pd.DataFrame([{**row, "frame": "conflict"}]).to_csv(agreement, index=False)
    check_lexicon_files(folder, {"validation": str(agreement)})  # a frame of the codebook
    # a table of sourcing rows only (code-sample --sourcing) validates sourcing: not refused
    sourcing = [{**row, "method": "sources", "frame": f} for f in ("attributed", "source_media")]
    pd.DataFrame(sourcing).to_csv(agreement, index=False)
    check_lexicon_files(folder, {"validation": str(agreement)})
    # with frames of another codebook beside them, still refused for the frames
    pd.DataFrame([*sourcing, {**row, "frame": "carbon_tax"}]).to_csv(agreement, index=False)
    with pytest.raises(ParameterError, match=r"\['carbon_tax'\], none"):
        check_lexicon_files(folder, {"validation": str(agreement)})


def test_an_outlet_named_twice_is_one_outlet() -> None:
    # a tester's --outlets "Washington Post,Washington Post" was printed twice in the summary
    from analysis.pipeline.params import check_value

    assert check_value("outlets", ["Washington Post", "CNN", "Washington Post"]) == [
        "Washington Post",
        "CNN",
    ]


def test_outlets_named_by_numbers_are_names_and_other_values_say_how_to_quote() -> None:
    # a tester's outlets "1" and "2": -p outlets '[1, 2]' was refused, with no hint
    from analysis.pipeline.params import check_value

    assert check_value("outlets", [1, 2]) == ["1", "2"]
    with pytest.raises(ValueError, match=r"""quote a name .*'\["1.5", "true"\]'"""):
        check_value("outlets", [1.5, True])


def test_a_whole_number_as_text_is_said_to_be_text_not_too_small() -> None:
    # plain papermill's -r n_boot 500 passes the text '500': "is '500'; allowed: an integer
    # >= 100" read as if 500 were too small
    from analysis.pipeline.params import check_value

    with pytest.raises(ValueError) as err:
        check_value("n_boot", "500")
    assert str(err.value) == "parameter 'n_boot' expects an integer >= 100, got the text '500'"
    with pytest.raises(
        ValueError, match="'max_arc_articles' expects an integer >= 1, got the text 'abc'"
    ):
        check_value("max_arc_articles", "abc")
    with pytest.raises(ValueError, match=r"^parameter 'n_boot' is 5; allowed: an integer >= 100$"):
        check_value("n_boot", 5)


def test_a_float_that_is_a_whole_number_is_that_integer(notebooks) -> None:
    # plain papermill's -p n_boot 1e3 gives 1000.0; 1.5 stays refused
    from analysis.pipeline.params import check_value

    assert check_value("n_boot", 1000.0) == 1000
    assert isinstance(check_value("seed", 3.0), int)
    with pytest.raises(ValueError, match=r"'seed' is 1\.5; allowed: an integer >= 0"):
        check_value("seed", 1.5)
    schema = discover_parameters(list_notebooks(notebooks))
    checked = validate_parameters({"n_boot": parse_cli_value("1.0e+3")}, schema)
    assert checked == {"n_boot": 1000} and isinstance(checked["n_boot"], int)


def test_exponent_notation_yaml_reads_as_text_is_a_number_for_numeric_parameters(
    tmp_path: Path,
) -> None:
    # -p n_boot 1e3 was refused as "expects int, got '1e3' (str)": YAML 1.1 reads 1e3 as text
    schema = {
        "n_boot": ParamSpec("n_boot", "int", "2000", False),
        "seed": ParamSpec("seed", "int", "1", False),
        "share": ParamSpec("share", "float", "0.5", False),
        "outlets": ParamSpec("outlets", "list", "[]", False),
    }
    given = {"n_boot": "1e3", "seed": "1.5E3", "share": "1e3", "outlets": "1e3"}
    checked = validate_parameters({k: parse_cli_value(v) for k, v in given.items()}, schema, given)
    assert checked == {"n_boot": 1000, "seed": 1500, "share": 1000.0, "outlets": ["1e3"]}
    assert type(checked["n_boot"]) is int and type(checked["share"]) is float
    # a parameter file's n_boot: 1e3 is the same text to YAML
    params = tmp_path / "params.yaml"
    params.write_text("n_boot: 1e3\nseed: -2e0\n", encoding="utf-8")
    values = load_parameter_file(params)
    assert values == {"n_boot": "1e3", "seed": "-2e0"}
    with pytest.raises(ParameterError, match="'seed' is -2; allowed: an integer >= 0"):
        validate_parameters(values, schema)
    assert validate_parameters({"n_boot": "1e3"}, schema) == {"n_boot": 1000}
    # a number with a fraction stays refused for an int, saying why
    for text in ("1.5", "15e-1"):
        with pytest.raises(ParameterError) as err:
            validate_parameters({"seed": parse_cli_value(text)}, schema, {"seed": text})
        assert str(err.value) == (
            f"invalid parameter: parameter 'seed' expects int, got '{text}', which is not a "
            "whole number"
        )
