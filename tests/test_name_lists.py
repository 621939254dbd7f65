"""Lists of names given as one text (``--outlets a,b``, plain papermill's ``-p outlets "a,b"``)."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.name_lists import comma_list, name_list
from analysis.selection import keep_outlets


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("A,B", ["A", "B"]),
        (" A , B ,", ["A", "B"]),
        ('"Smith, Jones & Co",Harbour Post', ["Smith, Jones & Co", "Harbour Post"]),
        ('Harbour Post, "Smith, Jones & Co"', ["Harbour Post", "Smith, Jones & Co"]),
        ('The "Daily" Post', ['The "Daily" Post']),  # a quote inside a name stays
        ("", []),
    ],
)
def test_a_comma_separated_list_keeps_a_quoted_name_whole(text: str, names: list[str]) -> None:
    assert comma_list(text) == names


def test_one_text_is_a_comma_list_and_a_list_stays_a_list() -> None:
    assert name_list("Caixin") == ["Caixin"]  # not ["C", "a", "i", ...]
    assert name_list("Caixin, Epoch Times") == ["Caixin", "Epoch Times"]
    assert name_list(["Smith, Jones & Co"]) == ["Smith, Jones & Co"]  # a list item is one name
    assert name_list(("A", "B")) == ["A", "B"]
    assert name_list(None) == [] and name_list([]) == []
    assert name_list(3) == ["3"]  # papermill's -p outlets 3 (was TypeError: not iterable)


def test_keep_outlets_reads_one_text_as_names_as_plain_papermill_passes_them() -> None:
    documents = pd.DataFrame({"outlet": ["Caixin", "Epoch Times", "Other Post"], "n": [1, 2, 3]})
    kept = keep_outlets(documents, "Caixin,Epoch Times")
    assert kept["outlet"].tolist() == ["Caixin", "Epoch Times"]
    with pytest.raises(ValueError, match=r"outlets not in the corpus: \['Caxin'\]"):
        keep_outlets(documents, "Caxin")


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ('["Caixin", "Epoch Times"]', ["Caixin", "Epoch Times"]),  # plain papermill's JSON list
        ("['Caixin', 'Smith, Jones & Co']", ["Caixin", "Smith, Jones & Co"]),  # Python's
        ("[]", []),
        ("[Redacted]", ["[Redacted]"]),  # an outlet so named is not a list
        ("[A, B]", ["[A", "B]"]),  # not a list of texts: read as the comma list it is
    ],
)
def test_a_text_written_as_a_list_is_that_list(text: str, names: list[str]) -> None:
    assert name_list(text) == names
