"""read_colours and corpus_palette(colours=): a user's colour table fixes groups' colours from
one corpus to the next (a graphics editor's Reuters was blue in one corpus, green in another)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis.figures import OKABE_ITO, OTHER_COLOUR, OTHER_LABEL
from analysis.group_colours import ColoursError, read_colours
from analysis.selection import corpus_palette


def _table(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "colours.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _documents(counts: dict[str, int]) -> pd.DataFrame:
    rows = [
        {"doc_id": f"{name[:3]}{k}", "outlet": name, "n_sentences": 5}
        for name, n in counts.items()
        for k in range(n)
    ]
    return pd.DataFrame(rows)


def test_hex_colours_and_okabe_ito_names_are_read(tmp_path: Path) -> None:
    path = _table(
        tmp_path, '[colours]\n"Reuters" = "#009e73"\n"Süddeutsche Zeitung" = "Vermillion"\n'
    )
    assert read_colours(path) == {"Reuters": "#009E73", "Süddeutsche Zeitung": "#D55E00"}


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ('[colours]\n"A" = "teal"\n', "'A' = 'teal' is no colour"),
        ('[colours]\n"A" = "#999999"\n', "grey of the pooled 'Other'"),
        ('[colours]\n"A" = "blue"\n"B" = "#0072B2"\n', "'B' and 'A' are both #0072B2"),
        ('"A" = "blue"\n', "expected a [colours] table"),
        ("[colours\n", "cannot be read"),
    ],
)
def test_a_table_that_cannot_be_used_is_refused_naming_the_problem(
    tmp_path: Path, text: str, said: str
) -> None:
    with pytest.raises(ColoursError, match=r"colour table .*colours\.toml") as err:
        read_colours(_table(tmp_path, text))
    assert said in str(err.value)


def test_a_named_group_keeps_its_colour_in_any_corpus() -> None:
    pinned = {"Reuters": "#CC79A7"}
    small = corpus_palette(_documents({"Reuters": 3, "Zeit": 2}), colours=pinned)
    large = corpus_palette(
        _documents({"Al Jazeera": 9, "Le Monde": 8, "Reuters": 3, "Zeit": 2}), colours=pinned
    )
    assert small["Reuters"] == large["Reuters"] == "#CC79A7"
    assert small[OTHER_LABEL] == OTHER_COLOUR
    for palette in (small, large):  # the others: free colours, one each
        others = [c for g, c in palette.items() if g not in ("Reuters", OTHER_LABEL)]
        assert len(set(others)) == len(others) and "#CC79A7" not in others
        assert set(others) <= set(OKABE_ITO)
    unpinned = corpus_palette(_documents({"Al Jazeera": 9, "Le Monde": 8, "Reuters": 3}))
    assert unpinned["Reuters"] != "#CC79A7"  # by size it would take another colour


def test_a_chosen_outlet_keeps_its_given_colour() -> None:
    docs = _documents({"Al Jazeera": 9, "Le Monde": 8, "Reuters": 3})
    palette = corpus_palette(docs, outlets=["Reuters", "Le Monde"], colours={"Reuters": "#000000"})
    assert palette["Reuters"] == "#000000" and palette["Le Monde"] != "#000000"


def test_a_table_name_spelt_another_way_than_a_group_is_warned_about() -> None:
    # a retester's "reuters" left Reuters in another colour, unsaid
    docs = _documents({"Reuters": 3, "Zeit": 2})
    with pytest.warns(UserWarning, match=r"names 'reuters'.*did you mean 'Reuters'"):
        corpus_palette(docs, colours={"reuters": "#CC79A7", "Le Monde": "#000000"})


def test_a_table_naming_outlets_of_other_corpora_says_nothing() -> None:
    import warnings

    docs = _documents({"Reuters": 3, "Zeit": 2})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        corpus_palette(docs, colours={"Reuters": "#CC79A7", "Le Monde": "#000000"})
