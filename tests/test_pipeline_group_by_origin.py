"""analysis.pipeline.params.check_group_column: ``--group-by origin`` is refused before the run
when no article of the corpus gives an origin (a tester's manifest had no such column, and the
summary described one group, "unknown")."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from analysis.config import default_corpus_dir
from analysis.pipeline.params import ParameterError, check_group_column


def _folder(tmp_path: Path, manifest: str) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("a.txt", "b.txt"):
        (corpus / name).write_text("Text of an article.\n", encoding="utf-8")
    (corpus / "manifest.csv").write_text(manifest, encoding="utf-8")
    return corpus


def test_a_manifest_without_origins_is_refused(tmp_path: Path) -> None:
    corpus = _folder(tmp_path, "doc_id,file,outlet,lean\na,a.txt,A,left\nb,b.txt,B,right\n")
    with pytest.raises(ParameterError, match="no article of the corpus gives an origin"):
        check_group_column(corpus, "origin")
    check_group_column(corpus, "lean")  # a column of the manifest stays allowed


def test_a_corpus_file_without_an_origin_column_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text("text,outlet\nOne article.,A\nAnother.,B\n", encoding="utf-8")
    with pytest.raises(ParameterError, match="origin"):
        check_group_column(path, "origin")
    mapped = tmp_path / "mapped.csv"
    mapped.write_text("text,outlet,country\nOne article.,A,US\nAnother.,B,UK\n", encoding="utf-8")
    check_group_column(mapped, "origin", "origin=country")


def test_a_corpus_with_origins_may_be_grouped_by_them(tmp_path: Path) -> None:
    corpus = _folder(tmp_path, "doc_id,file,outlet,origin\na,a.txt,A,US\nb,b.txt,B,\n")
    check_group_column(corpus, "origin")
    check_group_column(default_corpus_dir(), "origin")


def _articles(tmp_path: Path, column: str, values: list[str]) -> Path:
    corpus = tmp_path / "many"
    corpus.mkdir(parents=True)
    rows = ["doc_id,file,outlet," + column]
    for k, value in enumerate(values):
        (corpus / f"a{k}.txt").write_text("Text of an article.\n", encoding="utf-8")
        rows.append(f"a{k},a{k}.txt,Outlet {k % 3},{value}")
    (corpus / "manifest.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return corpus


def test_a_column_of_one_value_is_refused(tmp_path: Path) -> None:
    """A tester's ``--group-by story`` (one value, "all") ran for a minute to describe "How
    one story covered the story"; so would a lean given for one value and left blank else."""
    with pytest.raises(ParameterError, match=r"same one \('all', 5 article"):
        check_group_column(_articles(tmp_path, "story", ["all"] * 5), "story")
    with pytest.raises(ParameterError, match="no group to compare"):
        check_group_column(_articles(tmp_path / "b", "lean", ["left", "", "N/A"]), "lean")


def test_a_column_with_a_value_per_article_is_warned_of(tmp_path: Path) -> None:
    """A tester's ``--group-by article_no`` compared 34 groups of one article without a word."""
    with pytest.warns(UserWarning, match=r"'article_no' has 6 different values for 6 articles"):
        check_group_column(_articles(tmp_path, "article_no", list("123456")), "article_no")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # two leans of three articles each: no warning
        check_group_column(_articles(tmp_path / "b", "lean", ["l", "r"] * 3), "lean")


def test_a_column_named_in_another_letter_case_gets_a_guess(tmp_path: Path) -> None:
    """A tester's ``--group-by Lean`` was refused with the columns listed, no guess."""
    corpus = _articles(tmp_path, "media type", ["web", "print"] * 2)
    with pytest.raises(ParameterError, match=r"did you mean 'media type'\?"):
        check_group_column(corpus, "Media Type")


def test_outlets_named_by_a_group_of_the_grouping_are_said_to_be_groups(tmp_path: Path) -> None:
    """A tester's ``--outlets left,right`` with ``--group-by lean`` was told "outlets not in
    the corpus", the lean never named: --outlets keeps outlets whatever the grouping."""
    import pandas as pd

    from analysis.pipeline.params import check_outlets
    from analysis.selection import keep_outlets

    corpus = _articles(tmp_path, "lean", ["left", "right", "left"])
    with pytest.raises(ParameterError, match=r"'left' is a lean, not an outlet \(its outlets: "):
        check_outlets(corpus, ["left"], "lean")
    with pytest.raises(ParameterError, match="outlets not in the corpus") as plain:
        check_outlets(corpus, ["left"])
    assert "is a lean" not in str(plain.value)
    documents = pd.DataFrame({"outlet": ["CNN", "Fox"], "lean": ["left", "right"]})
    with pytest.raises(ValueError, match=r"'right' is a lean, not an outlet \(its outlets: Fox\)"):
        keep_outlets(documents, ["right"], group_col="lean")


def test_columns_of_text_or_ids_are_not_suggested_as_groupings(tmp_path: Path) -> None:
    """A tester's mistyped grouping was offered 'lede', the article's first sentence (long
    values, few shared), as a column to group by; an id column is no grouping either."""
    path = tmp_path / "export.csv"
    rows = ["text,outlet,lede,desk,story_id"]
    for k in range(12):
        lede = f"The council met the drivers' union for the {k % 4}th time on the fares." * (k % 2)
        rows.append(f"Article {k}.,Outlet {k % 3},{lede},{('city', 'state')[k % 2]},s{k}")
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    with pytest.raises(ParameterError) as refused:
        check_group_column(path, "section")
    allowed, _, not_suggested = str(refused.value).partition("not suggested")
    assert "'desk'" in allowed and "'outlet'" in allowed
    assert "'lede'" not in allowed and "'story_id'" not in allowed
    assert "'lede'" in not_suggested and "'story_id'" in not_suggested
    check_group_column(path, "lede")  # still a column the run may group by, when asked
