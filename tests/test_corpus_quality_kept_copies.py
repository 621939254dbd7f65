"""Which copy of a story stays when copies are dropped: the one that holds the others
(``drop``), an outlet's latest version (``drop_within``)."""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis import load_corpus
from analysis.corpus.quality import apply_duplicates, quality_table

VOCABULARY = [
    "the",
    "storm",
    "council",
    "mayor",
    "residents",
    "said",
    "water",
    "power",
    "city",
    "county",
    "officials",
    "roads",
    "shelters",
    "people",
    "flood",
    "wind",
    "rain",
    "coast",
    "homes",
    "damage",
    "insurers",
    "tuesday",
    "night",
    "state",
    "federal",
    "aid",
    "crews",
    "hospital",
    "schools",
    "bridge",
    "river",
    "emergency",
    "report",
    "families",
    "volunteers",
    "police",
    "fire",
    "trees",
]


def _paragraphs(seed: int, n: int, sentences: int = 5) -> list[str]:
    """``n`` paragraphs of prose-like sentences (12 words and a full stop), none shared."""
    rng = np.random.default_rng(seed)
    return [
        " ".join(" ".join(rng.choice(VOCABULARY, 12)).capitalize() + "." for _ in range(sentences))
        for _ in range(n)
    ]


WIRE = _paragraphs(1, 6)
LOCAL = _paragraphs(2, 2)
UPDATE = _paragraphs(3, 6)

EMPTY_AUDIT = pd.DataFrame(columns=["doc_id", "line_no", "original", "rule", "action", "result"])


def _table(rows: list[tuple[str, str, str, list[str]]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Documents (doc_id, outlet, published, paragraphs) flagged, and their sentences."""
    texts = ["\n\n".join(paragraphs) for *_, paragraphs in rows]
    documents = pd.DataFrame(
        {
            "doc_id": [r[0] for r in rows],
            "outlet": [r[1] for r in rows],
            "published": [r[2] for r in rows],
            "language": "en",
            "text": texts,
            "n_words": [len(t.split()) for t in texts],
        }
    )
    sentences = pd.DataFrame({"doc_id": documents["doc_id"], "n_words": 20})
    return quality_table(documents, sentences, EMPTY_AUDIT), sentences


@pytest.mark.parametrize("order", [1, -1])
def test_drop_keeps_the_copy_that_holds_the_others_in_either_order(order: int) -> None:
    # a tester's "drop" kept whichever copy came first: with the manifest reversed the wire
    # service's story went, and in her order an outlet's version with a local paragraph did
    rows = [
        ("wire", "Tribune", "2024-10-10", WIRE),  # no wire service's name: the longest stays
        ("local", "Courier", "2024-10-10", WIRE + LOCAL),  # the wire story and a paragraph
        ("trimmed", "Ledger", "2024-10-10", WIRE[:3]),
        ("exact", "Herald", "2024-10-10", WIRE),
    ][::order]
    table, sentences = _table(rows)
    kept, kept_sentences = apply_duplicates(table, sentences, "drop")
    assert kept["doc_id"].tolist() == ["local"]
    assert kept["duplicate_of"].tolist() == [""] and "duplicate" not in kept["quality_flags"][0]
    assert set(kept_sentences["doc_id"]) == {"local"}


@pytest.mark.parametrize("order", [1, -1])
def test_every_mode_names_the_original_that_drop_keeps(order: int) -> None:
    # a tester flagged copies, read them, then dropped them: the flags named the earlier
    # document as each story's original, "drop" kept the longest, and she saw two originals
    rows = [
        ("first", "Tribune", "2024-10-10", WIRE),
        ("longer", "Courier", "2024-10-10", WIRE + LOCAL),
        ("trimmed", "Ledger", "2024-10-10", WIRE[:3]),
    ][::order]
    table, sentences = _table(rows)
    dropped, _ = apply_duplicates(table, sentences, "drop")
    assert dropped["doc_id"].tolist() == ["longer"]
    wanted = {"first": "longer", "longer": "", "trimmed": "longer"}
    for mode in ("flag", "keep", "drop_within"):
        named, _ = apply_duplicates(table, sentences, mode)
        assert dict(zip(named["doc_id"], named["duplicate_of"], strict=True)) == wanted, mode
        flagged = named.set_index("doc_id")["quality_flags"].str.contains("duplicate")
        assert flagged.to_dict() == {
            doc: bool(of) and mode != "keep" for doc, of in wanted.items()
        }, mode
        assert (
            named.set_index("doc_id")
            .loc["first", "duplicate_similarity"]
            .startswith("containment ")
        )


def test_drop_names_the_kept_copy_with_its_figure_in_the_audit(tmp_path: Path) -> None:
    texts = {"wire": WIRE, "local": WIRE + LOCAL, "trimmed": WIRE[:3]}
    for name, paragraphs in texts.items():
        (tmp_path / f"{name}.txt").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text(
        "doc_id,file,outlet\nwire,wire.txt,Tribune\nlocal,local.txt,Courier\ntrimmed,trimmed.txt,L\n"
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = load_corpus(tmp_path, duplicates="drop", progress=False)
    assert corpus.documents["doc_id"].tolist() == ["local"]
    audit = corpus.audit.loc[corpus.audit["rule"] == "near_duplicate"].set_index("doc_id")
    assert audit.loc["wire", "original"] == "a near-duplicate of local (containment 1.00)"
    assert audit.loc["trimmed", "original"] == "a near-duplicate of local (containment 1.00)"


@pytest.mark.parametrize("outlet", ["AP", "The Associated Press", "Reuters", "AFP"])
@pytest.mark.parametrize("order", [1, -1])
def test_a_wire_services_own_article_is_its_storys_original(outlet: str, order: int) -> None:
    # a tester's AP story went under "drop": an outlet's rework of it, a paragraph longer, was
    # kept as the original, though it was the agency's text the rework copied
    rows = [
        ("agency", outlet, "2024-10-10", WIRE),
        ("rework", "Courier", "2024-10-10", WIRE + LOCAL),
        ("trimmed", "Ledger", "2024-10-10", WIRE[:3]),
    ][::order]
    table, sentences = _table(rows)
    kept, _ = apply_duplicates(table, sentences, "drop")
    assert kept["doc_id"].tolist() == ["agency"]
    flagged, _ = apply_duplicates(table, sentences, "flag")
    named = dict(zip(flagged["doc_id"], flagged["duplicate_of"], strict=True))
    assert named == {"agency": "", "rework": "agency", "trimmed": "agency"}


def test_wire_services_reads_outlets_and_dateline_credits() -> None:
    from analysis.corpus.quality import wire_services

    documents = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c", "d", "e", "f", "g"],
            "outlet": ["AP News", "Agence France-Presse", "Reuters Institute", "Post", "Post",
                       "Post", "APM Reports"],
            "text": ["x", "x", "x", "LONDON (Reuters) - Shares fell on Monday.", "x", "x", "x"],
        }
    )  # fmt: skip
    audit = pd.DataFrame(
        {
            "doc_id": ["e", "f", "g"],
            "rule": ["wire_dateline", "place_dateline", "wire_dateline"],
            "original": [
                "TALLAHASSEE, Fla. (AP) — The storm made landfall on Wednesday.",
                "(AFP)",
                "WASHINGTON — The storm made landfall on Wednesday.",
            ],
        }
    )
    assert wire_services(documents, audit) == {
        "a": "AP",
        "b": "AFP",
        "d": "Reuters",
        "e": "AP",
        "f": "AFP",
    }


def test_the_audit_says_a_longer_copy_went_for_the_wire_services_article(
    tmp_path: Path,
) -> None:
    # the agency's own text, known by its dateline (cleaning moves it to the metadata), stays
    paragraphs = {"paper": WIRE, "rework": WIRE + LOCAL}
    paragraphs["paper"] = [f"TALLAHASSEE, Fla. (AP) — {WIRE[0]}", *WIRE[1:]]
    for name, text in paragraphs.items():
        (tmp_path / f"{name}.txt").write_text("\n\n".join(text) + "\n", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text(
        "doc_id,file,outlet\nrework,rework.txt,Courier\npaper,paper.txt,Democrat\n"
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = load_corpus(tmp_path, duplicates="drop", progress=False)
    assert corpus.documents["doc_id"].tolist() == ["paper"]
    audit = corpus.audit.loc[corpus.audit["rule"] == "near_duplicate"].set_index("doc_id")
    assert audit.loc["rework", "original"] == (
        "a near-duplicate of paper (containment 1.00; kept as AP's own article: its outlet or "
        "dateline credits it)"
    )


def test_drop_within_keeps_an_outlets_latest_version_and_repoints_the_copies_of_it() -> None:
    # a tester's corrected later version was dropped as a copy of the earlier one
    early = UPDATE
    later = [*UPDATE[:5], " ".join(LOCAL[0].split()[:20])]  # shorter: a correction at the end
    rows = [
        ("c-1100", "Courier", "2024-10-11T11:20", early),
        ("ledger", "Ledger", "2024-10-11", early),  # another outlet's copy of the early one
        ("c-1205", "Courier", "2024-10-11T12:05", later),
    ]
    table, sentences = _table(rows)
    assert table["duplicate_of"].tolist() == ["", "c-1100", "c-1100"]
    kept, _ = apply_duplicates(table, sentences, "drop_within")
    assert kept["doc_id"].tolist() == ["ledger", "c-1205"]
    assert kept["duplicate_of"].tolist() == ["c-1205", ""]  # the version kept in its place
    assert kept["duplicate_similarity"][0].startswith("containment 0.")
    # the same day, no time: the longest stays
    same_day = [(doc_id, outlet, "2024-10-11", p) for doc_id, outlet, _, p in rows]
    table, sentences = _table(same_day)
    kept, _ = apply_duplicates(table, sentences, "drop_within")
    assert kept["doc_id"].tolist() == ["c-1100", "ledger"]


def test_a_document_that_is_no_copy_of_the_one_kept_stays() -> None:
    # two stories quoting the same wire paragraphs are linked through it, not copies
    rows = [
        ("quoted", "X", "", WIRE[:2]),
        ("story one", "X", "", WIRE[:2] + LOCAL + UPDATE[:1]),
        ("story two", "X", "", WIRE[:2] + UPDATE[1:4]),
    ]
    table, sentences = _table(rows)
    assert table["duplicate_of"].tolist() == ["", "quoted", "quoted"]
    kept, _ = apply_duplicates(table, sentences, "drop")
    assert kept["doc_id"].tolist() == ["story one", "story two"]
    assert kept["duplicate_of"].tolist() == ["", ""]


def test_the_warning_counts_a_story_and_names_the_mode_in_force(tmp_path: Path) -> None:
    # a tester's wire story ran in four outlets and was "counted twice"; after drop_within
    # she was still told to drop the copies with drop_within
    files = {"wire": "AP", "one": "A", "two": "B", "three": "C", "again": "C"}
    for name in files:
        (tmp_path / f"{name}.txt").write_text("\n\n".join(WIRE) + "\n", encoding="utf-8")
    manifest = "".join(f"{name},{name}.txt,{outlet}\n" for name, outlet in files.items())
    (tmp_path / "manifest.csv").write_text("doc_id,file,outlet\n" + manifest)

    def warned(mode: str) -> str:
        with warnings.catch_warnings(record=True) as said:
            warnings.simplefilter("always")
            load_corpus(tmp_path, duplicates=mode, progress=False)
        return next(str(w.message) for w in said if "copies of" in str(w.message))

    flag = warned("flag")
    assert "the most copied story is counted 5 times" in flag
    assert "kept with `-p duplicates flag`" in flag and "count twice" not in flag
    within = warned("drop_within")
    assert "counted 4 times" in within and "kept with `-p duplicates drop_within`" in within
    assert "`-p duplicates drop_within` (`run`) leaves out" not in within
