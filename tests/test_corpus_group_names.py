"""analysis.corpus.group_names: outlets spelled two ways are found and named, never merged."""

from __future__ import annotations

from analysis.corpus.group_names import (
    MAX_LISTED,
    name_key,
    similar_names,
    similar_names_warning,
)


def test_the_key_folds_case_and_runs_of_spaces_only() -> None:
    assert name_key("  Al   Jazeera ") == name_key("al jazeera") == "al jazeera"
    assert name_key("STRASSE") == name_key("straße")  # Unicode case folding
    assert name_key("Fox/Business") != name_key("Fox Business")  # punctuation is a difference


def test_sets_of_spellings_most_articles_first_and_single_names_left_out() -> None:
    counts = {"reuters": 9, "Reuters": 18, "BBC": 5, "bbc ": 5, "AP": 40, "REUTERS": 1}
    assert similar_names(counts) == [
        [("Reuters", 18), ("reuters", 9), ("REUTERS", 1)],
        [("BBC", 5), ("bbc ", 5)],
    ]
    assert similar_names({"AP": 3, "BBC": 2}) == []


def test_the_warning_names_each_spelling_with_its_articles() -> None:
    message = similar_names_warning({"Reuters": 18, "reuters": 9, "AP": 2})
    assert message == (
        "outlet values that differ only in letter case or spacing are compared as different "
        "outlets: 'Reuters' (18 articles) and 'reuters' (9). If they are one outlet, give it "
        "one spelling in the corpus."
    )
    assert similar_names_warning({"AP": 2, "BBC": 1}) is None
    many = {f"{prefix}{k}": 1 for k in range(MAX_LISTED + 2) for prefix in ("o", "O")}
    assert "; and 2 more such sets." in similar_names_warning(many)
