"""analysis.corpus.group_names: outlets spelled two ways are found and named, never merged."""

from __future__ import annotations

import pytest

from analysis.corpus.group_names import (
    MAX_LISTED,
    name_key,
    similar_names,
    similar_names_warning,
)


def test_the_key_folds_case_and_spaces_only() -> None:
    assert name_key("  Al   Jazeera ") == name_key("al jazeera") == "aljazeera"
    # two benchmark pages of inexhibit.com name their site these two ways
    assert name_key("Inexhibit magazine") == name_key("Inexhibitmagazine")
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
        "outlet values that differ only in letter case, spacing, invisible or look-alike "
        "characters, a leading 'The' or a web "
        "address's form are compared as different outlets: 'Reuters' (18 articles) and "
        "'reuters' (9). If they are one outlet, give it one spelling in the corpus."
    )
    assert similar_names_warning({"AP": 2, "BBC": 1}) is None
    many = {f"{prefix}{k}": 1 for k in range(MAX_LISTED + 2) for prefix in ("o", "O")}
    assert "; and 2 more such sets." in similar_names_warning(many)


def test_an_outlet_in_two_unicode_forms_is_one_outlet_and_the_change_is_audited(
    tmp_path,
) -> None:
    """A Mac export writes "ü" as "u" + combining diaeresis (NFD): the two forms look the same
    in every table, so they are made one (NFC), with an audit entry per value changed."""
    import unicodedata

    import pandas as pd

    from analysis import load_corpus

    nfc = unicodedata.normalize("NFC", "Süddeutsche Zeitung")
    nfd = unicodedata.normalize("NFD", nfc)
    path = tmp_path / "export.csv"
    body = "The council approved the budget on day {} after a long debate, and critics were angry."
    pd.DataFrame(
        {"text": [body.format(k) for k in range(4)], "outlet": [nfc, nfd, nfd, "AP"]}
    ).to_csv(path, index=False)
    corpus = load_corpus(path, progress=False)
    assert sorted(corpus.documents["outlet"]) == ["AP", nfc, nfc, nfc]
    changed = corpus.audit[corpus.audit["rule"] == "unicode_nfc"]
    assert changed["doc_id"].tolist() == ["doc00000002", "doc00000003"]
    assert changed["original"].tolist() == [f"outlet: {nfd}"] * 2


def test_a_manifest_s_values_lose_their_outer_spaces_and_outlets_match_in_nfc(
    make_corpus, tmp_path
) -> None:
    import unicodedata

    from analysis import load_corpus
    from analysis.pipeline.params import ParameterError, check_outlets

    nfd = unicodedata.normalize("NFD", "Süddeutsche")
    rows = [
        {"doc_id": "a1 ", "file": "a.txt", "outlet": "Reuters "},
        {"doc_id": "b1", "file": "b.txt", "outlet": " Reuters"},
        {"doc_id": "c1", "file": "c.txt", "outlet": nfd},
    ]
    folder = make_corpus(manifest=rows)
    docs = load_corpus(folder).documents
    assert docs["doc_id"].tolist() == ["a1", "b1", "c1"]
    assert docs["outlet"].tolist() == ["Reuters", "Reuters", unicodedata.normalize("NFC", nfd)]
    check_outlets(folder, ["Süddeutsche", "Reuters"])  # typed in NFC: accepted
    with pytest.raises(ParameterError, match="Reuter'"):
        check_outlets(folder, ["Reuter"])


def test_spacing_a_reader_cannot_see_is_said() -> None:
    from analysis.corpus.group_names import spacing_note

    assert spacing_note("Fox News") == ""
    assert spacing_note("Fox  News") == " (with a double space)"
    assert spacing_note(" Fox News ") == " (with a leading space and a trailing space)"
    assert spacing_note("Fox\tNews") == " (with a tab or other blank)"
    said = similar_names_warning({"Fox News": 46, "Fox  News": 6})
    assert "'Fox News' (46 articles) and 'Fox  News' (with a double space) (6)" in said


def test_a_leading_the_and_a_web_address_are_the_same_outlet_spelled_otherwise() -> None:
    # a tester's "The Guardian" (5), "Guardian" (1) and "theguardian.com" (1) were three outlets,
    # compared with one another, unsaid
    counts = {"The Guardian": 5, "Guardian": 1, "theguardian.com": 1, "scmp.com": 1, "SCMP": 4}
    assert similar_names(counts) == [
        [("The Guardian", 5), ("Guardian", 1), ("theguardian.com", 1)],
        [("SCMP", 4), ("scmp.com", 1)],
    ]
    # a word that begins with "the" is no article: "Theater Weekly" and "Ater Weekly" differ
    assert similar_names({"Theater Weekly": 2, "Ater Weekly": 1, "theatre.com": 1}) == []


def test_invisible_and_look_alike_characters_make_no_new_outlet_unsaid() -> None:
    # a tester's "Harbοur Post" (Greek omicron) and "Harbour Post\u200b" (a zero-width space)
    # printed as "Harbour Post" and were compared as two more outlets, unwarned
    counts = {"Harbour Post": 5, "Harb\u03bfur Post": 1, "Harbour Post\u200b": 1}
    (names,) = similar_names(counts)
    assert [name for name, _ in names] == [
        "Harbour Post",
        "Harbour Post\u200b",
        "Harb\u03bfur Post",
    ]
    said = similar_names_warning(counts)
    # each character named, for a user to find it (a retester could not tell which letter)
    assert (
        "'Harbour Post\\u200b' (with an invisible character: U+200B zero width space) (1)" in said
    )
    assert (
        "(with a Greek or Cyrillic letter drawn like a Latin one: U+03BF greek small letter "
        "omicron for 'o')"
    ) in said


def test_two_greek_names_stay_apart() -> None:
    assert similar_names({"Καθημερινή": 3, "Ελευθεροτυπία": 2}) == []
