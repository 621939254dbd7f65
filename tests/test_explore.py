"""Keyword in context, the evidence behind a frame share, and the table display."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis.explore import evidence, evidence_all, kwic, show_table, tone_extremes

SENTENCES = pd.DataFrame(
    {
        "doc_id": ["a", "a", "b"],
        "sentence_id": [0, 1, 0],
        "outlet": ["X", "X", "Y"],
        "sentence": [
            "Officials said the tariff truce may hold for now.",
            "Tariffs on grain rose; new tariffs followed.",
            "No trade measures were announced today.",
        ],
    }
)
CODEBOOK = """
[[frames]]
key = "trade"
label = "Trade"
type = "issue"
definition = "Trade measures."
indicators = ["tariff", "trade war"]
pfc_dimension = "Economic"
reference = "test"

[[frames]]
key = "calm"
label = "Calm"
type = "issue"
definition = "Calm."
indicators = ["truce"]
pfc_dimension = "none"
reference = "test"
"""


def test_kwic_columns_windows_and_wildcard() -> None:
    got = kwic(SENTENCES, "tariff*", window=2)
    assert list(got.columns) == ["doc_id", "sentence_id", "group", "pre", "keyword", "post"]
    assert got["keyword"].tolist() == ["tariff", "Tariffs", "tariffs"]
    assert got.iloc[0][["pre", "post"]].tolist() == ["said the", "truce may"]
    assert got.iloc[2][["group", "pre", "post"]].tolist() == ["X", "rose; new", "followed."]


def test_kwic_whole_words_and_regex() -> None:
    assert kwic(SENTENCES, "tariff").shape[0] == 1  # not "Tariffs"
    assert kwic(SENTENCES, r"tariffs?\b", regex=True).shape[0] == 3
    with pytest.raises(ValueError, match="empty"):
        kwic(SENTENCES, " ")


def test_kwic_matches_straight_and_curly_apostrophes_alike() -> None:
    sentences = pd.DataFrame(
        {
            "doc_id": ["a", "a", "b"],
            "sentence_id": [0, 1, 0],
            "outlet": ["X", "X", "Y"],
            "sentence": ["Trump’s tariffs rose.", "Trump's visit ended.", "The Trumps left."],
        }
    )
    for typed in ("Trump's", "Trump’s"):
        assert kwic(sentences, typed)["keyword"].tolist() == ["Trump’s", "Trump's"]
    assert kwic(sentences, "Trump's", regex=True)["keyword"].tolist() == ["Trump's"]  # as written


def test_evidence_lists_the_sentences_and_terms(tmp_path: Path) -> None:
    path = tmp_path / "cb.toml"
    path.write_text(CODEBOOK, encoding="utf-8")
    got = evidence(SENTENCES, "trade", codebook=path)
    assert got[["doc_id", "sentence_id"]].values.tolist() == [["a", 0], ["a", 1]]
    assert got["terms"].tolist() == ["tariff", "tariff"]
    assert evidence(SENTENCES, "trade", group="Y", codebook=path).empty
    with pytest.raises(KeyError, match="known"):
        evidence(SENTENCES, "nope", codebook=path)
    with pytest.raises(ValueError, match=r"no outlet 'left'.*\['X', 'Y'\].*group_col="):
        evidence(SENTENCES, "trade", group="left", codebook=path)  # a lean, not an outlet
    lean = SENTENCES.assign(lean=["left", "right", "left"])
    got = evidence(lean, "trade", group="left", group_col="lean", codebook=path)
    assert got[["doc_id", "sentence_id"]].values.tolist() == [["a", 0]]


def test_evidence_all_is_evidence_for_every_frame_in_codebook_order(tmp_path: Path) -> None:
    from analysis.framing.codebook import load_codebook

    path = tmp_path / "cb.toml"
    path.write_text(CODEBOOK, encoding="utf-8")
    keys = load_codebook(path).keys
    for group in (None, "X", "Y"):
        each = [evidence(SENTENCES, key, group=group, codebook=path) for key in keys]
        expected = pd.concat(each, ignore_index=True)
        got = evidence_all(SENTENCES, group=group, codebook=path)
        pd.testing.assert_frame_equal(got, expected)
    assert not evidence_all(SENTENCES, codebook=path).empty


def test_show_table_uses_itables_when_installed_and_returns_nothing(monkeypatch) -> None:
    itables = pytest.importorskip("itables")
    shown = []
    monkeypatch.setattr(itables, "show", lambda df, **kwargs: shown.append((df, kwargs)))
    # nothing to print under the table when a cell ends with it (it printed 'itables')
    assert show_table(SENTENCES, caption="c") is None
    assert shown[0][0] is SENTENCES and shown[0][1]["caption"] == "c"


def test_kwic_matches_a_term_that_ends_in_a_dot() -> None:
    table = pd.DataFrame(
        {"doc_id": ["a"], "sentence_id": [0], "outlet": ["X"], "sentence": ["The U.S. said no."]}
    )
    got = kwic(table, "u.s.", window=1)
    assert got[["pre", "keyword", "post"]].to_numpy().tolist() == [["The", "U.S.", "said"]]


def _scored() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "doc_id": ["a", "a", "a", "b", "b", "c"],
            "sentence_id": [0, 1, 2, 0, 1, 0],
            "outlet": ["X", "X", "X", "X", "X", "Y"],
            "compound": [0.5, -0.9, 0.0, -0.9, 0.8, 0.1],
            "sentence": ["good", "awful", "flat", "dire", "great", "fine"],
        }
    )


def test_tone_extremes_per_group_and_end() -> None:
    got = tone_extremes(_scored(), n=2)
    assert list(got.columns) == [
        "doc_id",
        "sentence_id",
        "outlet",
        "end",
        "rank",
        "compound",
        "sentence",
    ]
    x_neg = got[(got["outlet"] == "X") & (got["end"] == "most negative")]
    assert x_neg["sentence"].tolist() == ["awful", "dire"]  # tie at -0.9: by doc, sentence
    assert x_neg["rank"].tolist() == [1, 2]
    x_pos = got[(got["outlet"] == "X") & (got["end"] == "most positive")]
    assert x_pos["sentence"].tolist() == ["great", "good"]
    y = got[got["outlet"] == "Y"]
    assert y["end"].tolist() == ["most negative", "most positive"]  # one sentence, each end once


def test_tone_extremes_without_groups_and_bad_input() -> None:
    got = tone_extremes(_scored(), by=None, n=1)
    assert got["sentence"].tolist() == ["awful", "great"]
    with pytest.raises(ValueError, match="at least 1"):
        tone_extremes(_scored(), n=0)
    with pytest.raises(KeyError, match="compound_news"):
        tone_extremes(_scored(), "compound_news")


def test_kwic_on_a_table_of_ones_own_says_where_the_missing_columns_come_from() -> None:
    # a tester's own table (doc_id, outlet, sentence) got a bare KeyError for sentence_id
    own = pd.DataFrame({"doc_id": ["a"], "outlet": ["X"], "sentence": ["The tariff rose."]})
    with pytest.raises(KeyError) as err:
        kwic(own, "tariff")
    assert "sentence_id: a column of the corpus's sentences table" in str(err.value)


@pytest.fixture
def itables_shown(monkeypatch) -> list[str]:
    """The HTML itables displays (as in a notebook's kernel), one entry per display."""
    pytest.importorskip("itables")
    import IPython.display
    import itables.javascript

    from analysis import explore

    shown: list[str] = []
    monkeypatch.setattr(itables.javascript, "_html_display_is_supported", lambda: True)
    monkeypatch.setattr(IPython.display, "display", lambda obj, **_: shown.append(obj.data))
    explore.forget_itables_loaded()
    yield shown
    explore.forget_itables_loaded()


def test_show_table_embeds_itables_javascript_once_and_needs_no_internet(itables_shown) -> None:
    # a tester's executed notebooks, opened offline, loaded itables from unpkg.com and showed
    # "Loading ITables from the internet..." in place of every table
    show_table(SENTENCES, caption="first")
    bundle = [html for html in itables_shown if "dt_src_b64" in html or "base64" in html]
    assert len(bundle) == 1 and len(bundle[0]) > 500_000  # the bundle itself, once
    show_table(SENTENCES, caption="second")
    tables = [html for html in itables_shown if "second" in html or "first" in html]
    assert len(tables) == 2
    assert all("unpkg.com" not in html for html in tables)
    assert all("from the internet" not in html for html in tables)
    assert sum(len(html) > 500_000 for html in itables_shown) == 1


def test_the_bundle_is_shown_again_in_the_cell_that_held_it_or_a_reused_kernel(
    monkeypatch, itables_shown
) -> None:
    from analysis import explore

    cell = ["a"]
    monkeypatch.setattr(explore, "_cell_id", lambda: cell[0])

    def bundles() -> int:
        return sum(len(html) > 500_000 for html in itables_shown)

    show_table(SENTENCES)
    cell[0] = "b"
    show_table(SENTENCES)
    assert bundles() == 1
    cell[0] = "a"  # the first cell run again: its new output replaces the one with the bundle
    show_table(SENTENCES)
    assert bundles() == 2
    explore.forget_itables_loaded()  # what a kernel reused for the next notebook does
    cell[0] = "c"
    show_table(SENTENCES)
    assert bundles() == 3
