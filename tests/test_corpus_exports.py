"""Files holding several articles of a news database's export are warned about."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from pathlib import Path

import pytest

from analysis.corpus.documents import read_raw_documents
from analysis.corpus.exports import article_marks, several_articles_warning

BODY = "The council approved the budget on Monday after a long debate.\n"
NEXIS_UNI = "\n".join(
    f"Budget vote {i}\nLength: 80 words\n\n{BODY}\nEnd of Document\n" for i in (1, 2, 3)
)
LEXIS_ACADEMIC = "\n".join(
    f"                 {i} of 2 DOCUMENTS\n\nThe Times\n\n{BODY}" for i in (1, 2)
)
FACTIVA = "\n".join(f"{BODY}\nDocument WSJ0000020180315ee3f000{i}d\n" for i in (1, 2))


@pytest.mark.parametrize(
    ("text", "kind", "n"),
    [
        (NEXIS_UNI, "Nexis Uni ('End of Document')", 3),
        (LEXIS_ACADEMIC, "LexisNexis ('N of M DOCUMENTS')", 2),
        (FACTIVA, "Factiva ('Document <id>')", 2),
        # the words inside a sentence are not a mark
        (BODY + "We reached the end of document review, said 1 of 2 documents.\n", "", 0),
        ("Document ABC is short.\n" * 3, "", 0),
        ("", "", 0),
    ],
)
def test_article_marks(text: str, kind: str, n: int) -> None:
    assert article_marks(text) == (kind, n)


def test_one_mark_is_one_article_and_is_not_warned_about() -> None:
    one = f"{BODY}\nEnd of Document\n"
    assert several_articles_warning(["a.txt", "b.txt"], [one, BODY]) is None
    message = several_articles_warning(["a.txt", "b.txt"], [NEXIS_UNI, one])
    assert message is not None
    assert message.startswith("1 file(s) look like a news database's export of several articles")
    assert "a.txt (3 marks of Nexis Uni ('End of Document'))" in message and "b.txt" not in message


def test_loading_a_folder_warns_about_a_file_of_several_articles(
    make_corpus: Callable[..., Path],
) -> None:
    manifest = [
        {"doc_id": "s", "file": "search.txt", "outlet": "Nexis"},
        {"doc_id": "o", "file": "one.txt", "outlet": "Herald"},
    ]
    folder = make_corpus(files={"search.txt": NEXIS_UNI, "one.txt": BODY}, manifest=manifest)
    with pytest.warns(UserWarning, match=r"search\.txt \(3 marks of Nexis Uni"):
        raw = read_raw_documents(folder)
    assert len(raw) == 2  # read as it is: nothing is split or dropped
    folder = make_corpus(files={"search.txt": BODY, "one.txt": BODY}, manifest=manifest)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        read_raw_documents(folder)
