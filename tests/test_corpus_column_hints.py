"""A missing text or outlet column: the message names the columns likely to hold them."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis.corpus.files import CorpusFileError, read_chunks
from analysis.pipeline.params import ParameterError, check_corpus_columns

LONG = (
    "The council met on Monday and agreed the plan for the new harbour, which will cost the city "
    "twelve million pounds over five years, officials said, adding that work would begin in May, "
    "once the harbour board has signed the contracts with the two builders chosen last week."
)


def _write(path: Path, frame: pd.DataFrame) -> Path:
    frame.to_csv(path, index=False)
    return path


@pytest.fixture
def export(tmp_path: Path) -> Path:
    frame = pd.DataFrame(
        {
            "Headline": ["Harbour plan agreed", "Budget to rise"],
            "Full Text": [LONG, LONG.replace("harbour", "budget")],
            "Source Name": ["Harbour Times", "City Post"],
        }
    )
    return _write(tmp_path / "export.csv", frame)


def test_the_longest_column_is_named_with_the_map_to_write(export: Path) -> None:
    with pytest.raises(CorpusFileError) as caught:
        read_chunks(export)
    message = str(caught.value)
    assert "no 'text' column" in message
    assert "The column 'Full Text' holds the longest values" in message
    assert '--map "text=Full Text"' in message


def test_the_outlet_hint_names_columns_that_say_source(export: Path) -> None:
    with pytest.raises(
        CorpusFileError, match="Columns whose names suggest an outlet: 'Source Name'"
    ):
        read_chunks(export, columns="text=Full Text")


def test_a_run_refuses_with_the_same_hint(export: Path) -> None:
    with pytest.raises(ParameterError, match='--map "text=Full Text"'):
        check_corpus_columns(export)


def test_short_columns_say_the_file_holds_no_article_text(tmp_path: Path) -> None:
    # a list of stories as Media Cloud exports it: titles and addresses, no text
    stories = pd.DataFrame(
        {
            "media_name": ["nytimes.com", "reuters.com"],
            "Headline": ["US and China pause rare earth curbs", "China suspends controls"],
            "url": ["https://www.nytimes.com/2025/10/12/a.html", "https://reuters.com/b"],
        }
    )
    path = _write(tmp_path / "titles.csv", stories)
    with pytest.raises(CorpusFileError) as caught:
        read_chunks(path)
    message = str(caught.value)
    assert "holds the longest values" not in message and "preamble" not in message
    assert "None of its columns holds article text (the longest values, in 'url', are 31" in (
        message
    )
    assert message.endswith("to analyse the headlines alone, --map text=Headline.")
    # without a title column there is nothing to suggest mapping
    path = _write(tmp_path / "sites.csv", stories.drop(columns="Headline"))
    with pytest.raises(CorpusFileError, match=r"give the folder\.$"):
        read_chunks(path)


def test_a_table_under_a_preamble_without_known_columns_gets_the_text_hint(
    tmp_path: Path,
) -> None:
    # no --map and no column named text: the widest line under the preamble is taken for the
    # header, so the message lists the table's columns and names the one to map (it listed the
    # preamble's "Report:, Harbour, Unnamed: 2" and could give no hint)
    path = tmp_path / "mentions.csv"
    path.write_text(
        f'Report:,Harbour,,\nDate,Title,Body,Domain\n1,A,"{LONG}",x.com\n', encoding="utf-8"
    )
    with pytest.raises(CorpusFileError) as caught:
        read_chunks(path)
    assert "The file's columns are: Date, Title, Body, Domain" in str(caught.value)
    assert "--map text=Body" in str(caught.value)


@pytest.mark.parametrize("name", ["manifest.csv", "my list.csv"])
def test_a_folders_manifest_given_as_the_corpus_says_give_the_folder(
    tmp_path: Path, name: str
) -> None:
    (tmp_path / "a.txt").write_text(LONG, encoding="utf-8")
    (tmp_path / "b.txt").write_text(LONG, encoding="utf-8")
    manifest = _write(
        tmp_path / name,
        pd.DataFrame({"doc_id": ["a", "b"], "file": ["a.txt", "b.txt"], "outlet": ["X", "Y"]}),
    )
    with pytest.raises(CorpusFileError) as caught:
        read_chunks(manifest)
    message = str(caught.value)
    assert "a corpus folder's manifest" in message and "--map" not in message
    assert message.endswith(str(tmp_path)) or message.endswith(f"'{tmp_path}'")
    assert ("saved in it as manifest.csv" in message) is (name != "manifest.csv")
    with pytest.raises(ParameterError, match="a corpus folder's manifest"):
        check_corpus_columns(manifest)
    # the folder is read as the message says (the manifest named as a folder's is)
    if name == "manifest.csv":
        chunks, _ = read_chunks(tmp_path)
        assert sum(len(chunk) for chunk in chunks) == 2


def test_a_file_column_naming_missing_files_is_no_manifest(tmp_path: Path) -> None:
    listing = _write(
        tmp_path / "list.csv",
        pd.DataFrame({"doc_id": ["a"], "file": ["elsewhere/a.txt"], "outlet": ["X"]}),
    )
    with pytest.raises(CorpusFileError) as caught:
        read_chunks(listing)
    assert "manifest" not in str(caught.value) and "--map text=COLUMN" in str(caught.value)


def test_a_source_column_of_addresses_is_named_for_url_not_outlet(tmp_path: Path) -> None:
    # trafilatura's JSON output: "source" is the page's address, "source-hostname" its site
    frame = pd.DataFrame(
        {
            "text": [LONG, LONG],
            "source": ["https://www.harbourtimes.com/a", "https://citypost.org/b"],
            "image": ["https://img.harbourtimes.com/1.jpg", "https://citypost.org/2.png"],
            "source-hostname": ["Harbour Times", "City Post"],
        }
    )
    path = _write(tmp_path / "scraped.csv", frame)
    with pytest.raises(CorpusFileError) as caught:
        read_chunks(path)
    message = str(caught.value)
    assert "Columns whose names suggest an outlet: 'source-hostname'." in message
    assert "Columns of web addresses: 'source' (--map url=source compares" in message


def test_a_run_says_before_it_starts_that_outlets_come_from_addresses(tmp_path: Path) -> None:
    """A tester's export had a "Source" column she had not mapped: the run took each outlet
    from the address and said so, with "--map outlet=Source?", only after its 47 seconds."""
    frame = pd.DataFrame(
        {"Body": [LONG, LONG], "URL": ["https://www.harbourtimes.com/a", "https://citypost.com/b"],
         "Source": ["Harbour Times", "City Post"]}
    )  # fmt: skip
    path = _write(tmp_path / "export.csv", frame)
    with pytest.warns(UserWarning, match=r"no outlet column.*--map outlet=Source\?"):
        check_corpus_columns(path, "text=Body,url=URL")
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # grouped by another column: its outlets are not compared
        check_corpus_columns(path, "text=Body,url=URL", group_by="Source")
        check_corpus_columns(path, "text=Body,url=URL,outlet=Source")


def test_both_missing_columns_are_named_at_once_with_load_corpus_keyword(tmp_path: Path) -> None:
    # a tester renamed both and learnt of the second in a second failed run; the message's
    # Python call named a keyword load_corpus does not take
    frame = pd.DataFrame({"Body": [LONG], "Publication": ["Harbour Times"]})
    with pytest.raises(CorpusFileError) as caught:
        read_chunks(_write(tmp_path / "export.csv", frame))
    message = str(caught.value)
    assert "no 'text' column and no 'outlet' column" in message
    assert "--map text=COLUMN,outlet=COLUMN" in message
    assert "load_corpus(..., column_map={'text': 'COLUMN', 'outlet': 'COLUMN'})" in message
    assert "'Body' holds the longest values" in message and "'Publication'" in message


def test_german_headers_get_the_whole_map_as_the_cli_takes_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A tester's German Excel export (ID;Medium;Inhalt): the message said "--map text=COLUMN
    outlet=COLUMN", which the CLI refused ("unrecognized arguments: outlet=Medium"), and did
    not name "Medium" as the outlet's column. The whole --map it prints now runs."""
    import shlex

    from analysis.cli import main

    frame = pd.DataFrame(
        {"ID": ["a1", "a2"], "Medium": ["Der Standard", "Le Monde"], "Inhalt": [LONG, LONG]}
    )
    path = tmp_path / "export.csv"
    frame.to_csv(path, index=False, sep=";")
    with pytest.raises(CorpusFileError) as caught:
        read_chunks(path)
    message = str(caught.value)
    assert "--map text=COLUMN,outlet=COLUMN" in message
    assert "Columns whose names suggest an outlet: 'Medium'." in message
    assert message.endswith("All together: --map text=Inhalt,outlet=Medium.")
    with pytest.raises(ParameterError, match="All together: --map text=Inhalt,outlet=Medium"):
        check_corpus_columns(path)  # as `run` refuses it before it starts
    given = shlex.split(message.rsplit("All together: ", 1)[1].rstrip("."))
    out = tmp_path / "out"
    assert main(["corpus", "--corpus", str(path), "--out", str(out), *given]) == 0
    documents = pd.read_csv(out / "reports" / "tables" / "documents.csv")
    assert sorted(documents["outlet"]) == ["Der Standard", "Le Monde"]
    capsys.readouterr()


@pytest.mark.parametrize("name", ["Quelle", "Zeitung", "Média", "Fuente", "Medio"])
def test_outlet_columns_named_in_other_languages_are_suggested(tmp_path: Path, name: str) -> None:
    frame = pd.DataFrame({"Texte": [LONG], name: ["Le Monde"]})
    with pytest.raises(CorpusFileError) as caught:
        read_chunks(_write(tmp_path / "export.csv", frame))
    assert f"All together: --map text=Texte,outlet={name}." in str(caught.value)


def test_a_users_own_pairs_are_kept_in_the_whole_map(tmp_path: Path) -> None:
    frame = pd.DataFrame({"Titel": ["A"], "Full Text": [LONG], "Quelle": ["X"]})
    with pytest.raises(CorpusFileError) as caught:
        read_chunks(_write(tmp_path / "export.csv", frame), columns="title=Titel")
    assert str(caught.value).endswith(
        'All together: --map "title=Titel,text=Full Text,outlet=Quelle".'
    )
