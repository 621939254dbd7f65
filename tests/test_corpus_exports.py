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


def test_articles_joined_into_one_long_line_are_found_and_warned_about() -> None:
    import pandas as pd

    from analysis.corpus.exports import ONE_LINE_MIN_WORDS, one_line_documents, one_line_warning

    long_line = " ".join(["word"] * ONE_LINE_MIN_WORDS)
    documents = pd.DataFrame(
        {
            "doc_id": ["joined", "paragraphs", "short"],
            "text": [long_line, long_line[:300] + "\n" + long_line, "A short note."],
            "n_words": [ONE_LINE_MIN_WORDS, ONE_LINE_MIN_WORDS + 60, 3],
        }
    )
    assert one_line_documents(documents).tolist() == [True, False, False]
    message = one_line_warning(documents)
    assert message is not None and message.startswith("1 of 3 documents are one line")
    assert "(joined)" in message and "line by line" in message
    assert one_line_warning(documents.iloc[1:]) is None
    assert not one_line_documents(documents[["doc_id"]]).any()  # no text column: nothing to say


def test_loading_an_export_of_one_line_articles_warns(tmp_path: Path) -> None:
    import pandas as pd

    from analysis import load_corpus

    sentence = "The council approved the budget on Monday after a long debate in the hall. "
    rows = {
        "text": [sentence * 12 + "Share this article. " + sentence * 3, sentence],
        "outlet": "X",
    }
    pd.DataFrame(rows).to_csv(tmp_path / "export.csv", index=False)
    with pytest.warns(UserWarning, match=r"1 of 2 documents are one line .*\(doc00000001\)"):
        corpus = load_corpus(tmp_path / "export.csv", progress=False)
    assert "Share this article" in corpus.documents["text"].iloc[0]  # the limit the warning names
