"""Selecting outlets and folding small groups into Other."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.figures import group_palette
from analysis.selection import select_sentences


def _sentences() -> pd.DataFrame:
    outlets = ["A", "A", "B", "C", "D"]
    return pd.DataFrame(
        {
            "doc_id": ["a", "a", "b", "c", "d"],
            "outlet": outlets,
            "origin": ["X", "X", "Y", "Y", "X"],
            "sentence": ["s"] * 5,
        }
    )


def test_filter_then_fold_keeps_a_selected_outlet_without_colour() -> None:
    palette = group_palette(["A", "B"])  # C and D have no colour of their own
    picked = select_sentences(_sentences(), "outlet", ["A", "C"], palette)
    assert picked["doc_id"].tolist() == ["a", "a", "c"]
    assert picked["outlet"].tolist() == ["A", "A", "Other (pooled)"]


def test_empty_selection_keeps_all_and_folds() -> None:
    palette = group_palette(["A", "B", "C"])
    picked = select_sentences(_sentences(), "outlet", [], palette)
    assert picked["outlet"].tolist() == ["A", "A", "B", "C", "Other (pooled)"]


def test_unknown_outlet_is_refused_with_valid_names() -> None:
    with pytest.raises(ValueError, match=r"\['Nope'\].*valid names: \['A', 'B', 'C', 'D'\]"):
        select_sentences(_sentences(), "outlet", ["Nope"], group_palette(["A"]))


def test_an_unknown_outlet_close_to_a_name_is_guessed() -> None:
    """A tester's "Fox news" and "New York Tims" named the valid names and left the search to
    her."""
    from analysis.selection import keep_outlets

    frame = pd.DataFrame({"outlet": ["Fox News", "New York Times", "CNN"]})
    with pytest.raises(ValueError, match=r"did you mean 'Fox News', 'New York Times'\?"):
        keep_outlets(frame, ["Fox news", "New York Tims"])
    with pytest.raises(ValueError) as raised:
        keep_outlets(frame, ["Reuters"])
    assert "did you mean" not in str(raised.value)  # no name close to it
    # a name shortened to its start: testers' "Fox" and "NYT" ("NYTimes") got no guess
    frame = pd.DataFrame({"outlet": ["Fox News", "NYTimes", "CNN"]})
    with pytest.raises(ValueError, match=r"did you mean 'Fox News', 'NYTimes'\?"):
        keep_outlets(frame, ["Fox", "NYT"])


def test_bad_group_column_is_refused() -> None:
    with pytest.raises(ValueError, match="group_by"):
        select_sentences(_sentences(), "country", [], group_palette(["A"]))


def test_palette_colours_the_chosen_outlets_even_when_small() -> None:
    from analysis.figures import OTHER_LABEL
    from analysis.selection import corpus_palette

    docs = pd.DataFrame({"outlet": [f"big{i}" for i in range(9) for _ in range(3)] + ["tiny"]})
    everyone = corpus_palette(docs, "outlet")
    assert "tiny" not in everyone  # 10 outlets: the smallest folds into Other
    chosen = corpus_palette(docs, "outlet", ["tiny", "big0"])
    assert set(chosen) == {"tiny", "big0", OTHER_LABEL}
    assert chosen["tiny"] != chosen["big0"]


def test_an_unknown_outlet_next_to_a_name_with_a_comma_says_how_to_quote_it() -> None:
    sentences = _sentences().assign(outlet=["Smith, Jones & Co"] * 2 + ["B", "C", "D"])
    palette = group_palette(["Smith, Jones & Co", "B"])
    with pytest.raises(ValueError, match=r"""doubled\): --outlets '"Smith, Jones & Co",OTHER'"""):
        select_sentences(sentences, "outlet", ["Smith", "Jones & Co"], palette)
    with pytest.raises(ValueError) as plain:
        select_sentences(_sentences(), "outlet", ["Nope"], palette)
    assert "double quotes" not in str(plain.value)  # no name with a comma: no hint


def test_a_field_of_each_article_is_refused_as_a_grouping_in_a_notebook() -> None:
    from analysis.selection import corpus_palette

    docs = pd.DataFrame({"outlet": ["A", "B"], "language": ["en", "de"], "lean": ["l", "r"]})
    with pytest.raises(ValueError, match="'language' is a field of each article"):
        corpus_palette(docs, "language")
    assert {"l", "r"} <= set(corpus_palette(docs, "lean"))


def test_the_quoting_hint_for_a_name_with_quotes_works_as_printed() -> None:
    # it printed '"Smith, Jones & Co "Weekly"",OTHER', which reads as another name
    import re

    from analysis.name_lists import name_list

    name = 'Smith, Jones & Co "Weekly"'
    sentences = _sentences().assign(outlet=[name] * 2 + ["B", "C", "D"])
    with pytest.raises(ValueError) as refused:
        select_sentences(sentences, "outlet", ["Smith"], group_palette([name, "B"]))
    printed = re.search(r"--outlets '([^']*)'", str(refused.value))
    assert printed is not None
    assert name_list(printed.group(1).replace("OTHER", "B")) == [name, "B"]


def test_a_selection_keeps_each_outlets_colour_of_the_whole_corpus() -> None:
    """A tester's two outlets swapped colours between a run of all three and a run of two."""
    from analysis.selection import corpus_palette

    documents = pd.DataFrame(
        {"outlet": ["Civic Wire", "Eastport Herald", "Green Street Post"] * 2, "n_sentences": 5}
    )
    whole = corpus_palette(documents)
    chosen = corpus_palette(documents, outlets=["Green Street Post", "Eastport Herald"])
    assert chosen["Eastport Herald"] == whole["Eastport Herald"]
    assert chosen["Green Street Post"] == whole["Green Street Post"]
    assert "Civic Wire" not in chosen


def test_an_outlet_whose_articles_a_quality_option_left_out_is_explained() -> None:
    """A retester's all-German outlet, left out by ``-p other_languages drop`` and named by
    ``--outlets``, was called "not in the corpus" and its valid names listed without it."""
    from analysis.selection import keep_outlets

    left_out = pd.DataFrame(
        {
            "doc_id": ["g1", "g2"],
            "outlet": ["FAZ", "FAZ"],
            "option": ["-p other_languages drop"] * 2,
        }
    )
    with pytest.raises(ValueError) as said:
        keep_outlets(_sentences(), ["A", "FAZ", "Nope"], left_out=left_out)
    message = str(said.value)
    assert "'FAZ': its 2 article(s) were all left out by -p other_languages drop" in message
    assert "with -p other_languages keep, or leave" in message
    assert message.endswith("also not in the corpus: ['Nope']")
    assert keep_outlets(_sentences(), ["A"], left_out=left_out)["doc_id"].tolist() == ["a", "a"]
