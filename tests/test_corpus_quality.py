"""Document quality flags and near-duplicate handling."""

from __future__ import annotations

import re
import textwrap

import pandas as pd
import pytest

from analysis import load_corpus
from analysis.corpus.quality import (
    apply_duplicates,
    ends_mid_sentence,
    find_duplicates,
    quality_lines,
    quality_table,
)
from analysis.pipeline.params import check_value

STORY = " ".join(
    f"Sentence number {i} tells the readers about the flood in the valley." for i in range(12)
)


def docs(texts: dict[str, str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    rows, sents = [], []
    for doc_id, text in texts.items():
        parts = [s for s in text.split(". ") if s]
        for i, s in enumerate(parts):
            sents.append({"doc_id": doc_id, "sentence_id": i, "n_words": len(s.split())})
        rows.append(
            {
                "doc_id": doc_id,
                "outlet": "o",
                "language": "en",
                "text": text,
                "n_words": len(text.split()),
            }
        )
    return pd.DataFrame(rows), pd.DataFrame(sents)


EMPTY_AUDIT = pd.DataFrame(columns=["doc_id", "line_no", "original", "rule", "action", "result"])


def test_syndicated_copy_names_the_earlier_document():
    copy = STORY.replace("flood", "flood", 1) + " Reporting by the wire."
    other = " ".join(
        f"Line {i} covers an unrelated election result in the capital." for i in range(12)
    )
    assert find_duplicates(["a", "b", "c"], [STORY, other, copy]) == ["", "", "a"]


def test_flags_short_truncated_fragments():
    documents, sentences = docs(
        {
            "long": STORY,
            "short": "A short teaser about the flood.",
            "cut": STORY + " The mayor said that the",
            "frag": "Photo. Credit. Getty. Share. More. " + STORY,
        }
    )
    table = quality_table(documents, sentences, EMPTY_AUDIT).set_index("doc_id")
    assert table.loc["long", "quality_flags"] == ""
    assert "short" in table.loc["short", "quality_flags"]
    assert table.loc["cut", "flag_truncated"] and not table.loc["long", "flag_truncated"]
    assert ends_mid_sentence("He said “no.”") is False


def test_lines_joined_into_a_paragraph_are_kept_not_removed():
    # a tester's e-paper paste: its column's 30 lines joined into 3 paragraphs were flagged
    # lines_removed ("cleaning removed over half its lines") though nothing was lost
    from analysis.corpus.cleaning import audit_frame, clean_text

    paragraph = (
        "The minister said on Tuesday that the new rules would help the government cut waste "
        "in the health service by next year, while critics in the opposition said the plan "
        "was poorly thought out and would hurt patients who rely on the local hospital."
    )
    cleaned = clean_text(textwrap.fill(paragraph, 36), "col", model=None)
    assert cleaned.text == paragraph
    documents, sentences = docs({"col": cleaned.text})
    audit = audit_frame(cleaned.audit)
    table = quality_table(documents, sentences, audit).set_index("doc_id")
    assert table.loc["col", "share_lines_removed"] == 0.0
    assert "lines_removed" not in table.loc["col", "quality_flags"]
    # a line removed counts against the lines kept and joined
    menu = pd.DataFrame(
        [{"doc_id": "col", "line_no": 0, "original": "Menu", "rule": "site_chrome",
          "action": "removed", "result": ""}] * 2
    )  # fmt: skip
    table = quality_table(documents, sentences, pd.concat([audit, menu]))
    joined = (audit["rule"] == "hard_wrap_join") & (audit["action"] == "removed")
    assert joined.sum() > 3
    assert table.loc[0, "share_lines_removed"] == round(2 / (2 + 1 + joined.sum()), 3)


def test_a_text_ending_with_a_page_number_is_not_truncated():
    # "Page 2 of 2" under the last sentence made a complete e-paper paste "truncated"
    from analysis.corpus.cleaning import clean_text

    cleaned = clean_text(STORY + "\n\nPage 2 of 2", "p", model=None)
    assert not ends_mid_sentence(cleaned.text)
    assert ends_mid_sentence(STORY + "\n\nPage 2 of 2")


def test_duplicates_modes_and_summary_lines():
    documents, sentences = docs({"a": STORY, "b": STORY + " Extra line."})
    table = quality_table(documents, sentences, EMPTY_AUDIT)
    kept, _ = apply_duplicates(table, sentences, "flag")
    assert kept["duplicate_of"].tolist() == ["b", ""]  # the copy "drop" keeps is the original
    dropped, dropped_sentences = apply_duplicates(table, sentences, "drop")
    # the copy that holds the other (its extra line) stays
    assert dropped["doc_id"].tolist() == ["b"] and set(dropped_sentences["doc_id"]) == {"b"}
    plain, _ = apply_duplicates(table, sentences, "keep")
    assert "duplicate" not in plain["quality_flags"].iloc[1]
    lines = quality_lines(table, "flag")
    assert any("`b` (o): duplicate (copy of `a`)" in line for line in lines)
    # the copies are counted and said to weigh in every estimate (a tester's 253 were unsaid)
    assert "duplicate 1." in lines[0] and "The 1 duplicates" in lines[0]
    assert "-p duplicates drop" in lines[0]
    assert "count in every estimate" not in quality_lines(table, "drop")[0]
    # each raised flag is explained (a journalist's "lines_removed" was said, never explained)
    assert "What each flag means: duplicate: a near-copy of another document." in lines[0]


def test_the_summary_names_flagged_documents_of_the_outlets_compared_only(tmp_path):
    # with -p outlets, documents of the outlets left out were listed as "kept in the analysis"
    from analysis.corpus.quality import quality_summary

    documents, sentences = docs({"a": STORY, "b": STORY + " Extra line."})
    table = quality_table(documents, sentences, EMPTY_AUDIT).assign(outlet=["X", "Y"])
    table.to_csv(tmp_path / "documents.csv", index=False)
    assert any("`b` (Y): duplicate" in line for line in quality_summary(tmp_path, {}))
    assert quality_summary(tmp_path, {"outlets": ["X"]}) == []  # b is Y's, left out
    assert quality_summary(tmp_path, {"outlets": "Y"})[0].startswith("**Document quality.** 1 of 1")


def test_duplicates_parameter_is_validated():
    assert check_value("duplicates", "drop") == "drop"
    with pytest.raises(ValueError, match="duplicates"):
        check_value("duplicates", "remove")


def test_load_corpus_drops_copies_on_request(tmp_path):
    for name, text in {"a": STORY, "b": STORY}.items():
        (tmp_path / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("doc_id,file,outlet\na,a.txt,X\nb,b.txt,Y\n")
    assert load_corpus(tmp_path).documents["duplicate_of"].tolist() == ["", "a"]
    assert load_corpus(tmp_path, duplicates="drop").documents["doc_id"].tolist() == ["a"]


def test_without_a_manifest_a_copy_named_after_its_original_is_the_one_flagged(tmp_path):
    # a tester's page saved twice, "9eef8162.txt" and "9eef8162 (1).txt": sorted by whole
    # name the copy came first (a space sorts before the dot) and the original was flagged
    from analysis.corpus.documents import file_order

    names = ["page (1).txt", "page.txt", "page copy.html", "page-2.txt"]
    for name in names:
        (tmp_path / name).write_text(STORY + "\n", encoding="utf-8")
    order = sorted((tmp_path / n for n in names), key=file_order)
    assert [p.name for p in order] == ["page.txt", "page (1).txt", "page copy.html", "page-2.txt"]
    with pytest.warns(UserWarning):  # no manifest; near-copies
        documents = load_corpus(tmp_path).documents
    assert documents["doc_id"].tolist() == ["page", "page (1)", "page copy", "page-2"]
    assert documents["duplicate_of"].tolist() == ["", "page", "page", "page"]


def test_stray_lead_byte_flags_lost_punctuation_not_french_words() -> None:
    from analysis.corpus.quality import has_stray_lead_byte

    assert has_stray_lead_byte("The economyâone of the largest")
    assert has_stray_lead_byte("He said â the vote was close")
    assert not has_stray_lead_byte("They met at a château near Lyon and ate pâté.")
    assert not has_stray_lead_byte("No stray bytes here.")


def test_a_closing_credit_line_is_not_a_text_cut_short() -> None:
    story = "The officers were charged on Tuesday.\nThe case continues."
    for credit in (
        "Contributing: Kristine Phillips",
        "(Reporting by Jane Doe; Editing by Tom Hogue)",
        "Additional reporting by Ann Lee in Paris",
        "Reporting by Jane Doe\nEditing by Tom Hogue",
    ):
        assert not ends_mid_sentence(f"{story}\n{credit}\n"), credit
    # the line above the credit is read: a story cut short stays flagged
    assert ends_mid_sentence("The officers were charged on\nContributing: Kristine Phillips")
    # a last line of text that starts like a credit is still the text's end
    assert ends_mid_sentence(f"{story}\nResearch by the council shows that the")
    assert ends_mid_sentence("Contributing: Kristine Phillips")  # a credit alone is no story


def test_lines_a_page_puts_below_the_last_sentence_are_passed_over() -> None:
    story = "The senator spoke on Tuesday.\nShe will return next week."
    for trailer in (
        "___",
        "— Rep. Jane Doe (@janedoe) November 19, 2019",
        "[ Wired ]",
        "© Regan 2019",
        "Ticket details: http://www.example.com/",
        "Provided by European Space Agency",
        "pic.twitter.com/s96jjh8AlD\n\n— Cooper Lund (@cooperlund) November 18, 2019",
    ):
        assert not ends_mid_sentence(f"{story}\n\n{trailer}"), trailer
    assert ends_mid_sentence("The senator spoke on\n___")  # the text above is still read
    # at most three such lines: a text of rules only ends without a sentence
    assert ends_mid_sentence("The senator spoke on\n___\n___\n___\n___")


def test_the_summary_says_a_truncated_flag_is_a_guess_only_when_one_is_raised():
    from analysis.corpus.quality import TRUNCATED_NOTE

    documents, sentences = docs({"cut": STORY + " And then the", "whole": STORY})
    table = quality_table(documents, sentences, EMPTY_AUDIT)
    assert TRUNCATED_NOTE in quality_lines(table)[0]
    documents, sentences = docs({"a": STORY, "b": STORY})
    assert TRUNCATED_NOTE not in quality_lines(quality_table(documents, sentences, EMPTY_AUDIT))[0]


def test_chinese_body_ending_with_a_full_stop_is_not_truncated() -> None:
    assert not ends_mid_sentence("双方在吉隆坡举行会谈，达成初步共识。")
    assert not ends_mid_sentence("他说：“这很重要？”")
    assert ends_mid_sentence("双方在吉隆坡举行会谈，达成初步")


def test_folder_without_manifest_flags_a_chinese_article(tmp_path):
    zh = "中国商务部宣布对稀土相关技术实施出口管制。美方随后宣布加征关税。双方举行会谈。" * 4
    en = "The talks in Kuala Lumpur ended with a truce that both sides said was fragile. " * 4
    (tmp_path / "zh.txt").write_text(zh, encoding="utf-8")
    (tmp_path / "en.txt").write_text(en, encoding="utf-8")
    with pytest.warns(UserWarning) as caught:
        docs = load_corpus(tmp_path).documents.set_index("doc_id")
    said = [str(w.message) for w in caught]
    assert any("no manifest" in m for m in said)
    assert any(m.startswith("1 of 2 documents are not in English") for m in said)
    assert docs.loc["zh", "language"] == "zh"
    assert "language" in docs.loc["zh", "quality_flags"].split(";")
    assert "truncated" not in docs.loc["zh", "quality_flags"].split(";")
    assert docs.loc["en", "language"] == "en"
    assert "language" not in docs.loc["en", "quality_flags"].split(";")


def _words(rng, n: int) -> list[str]:
    return [f"w{int(i)}" for i in rng.integers(0, 5000, n)]


@pytest.mark.parametrize("keep", [0.95, 0.85, 0.6, 0.3])
def test_minhash_estimate_is_close_to_the_true_jaccard(keep: float) -> None:
    import numpy as np

    from analysis.corpus.quality import NUM_PERM, minhash_signature

    rng = np.random.default_rng(3)
    base = _words(rng, 600)
    cut = int(len(base) * keep)
    other = base[:cut] + _words(rng, len(base) - cut)

    def shingles(words: list[str]) -> set[tuple[str, ...]]:
        return {tuple(words[i : i + 5]) for i in range(len(words) - 4)}

    truth = len(shingles(base) & shingles(other)) / len(shingles(base) | shingles(other))
    a, b = minhash_signature(" ".join(base)), minhash_signature(" ".join(other))
    estimate = float(np.mean(a == b))
    assert len(a) == NUM_PERM
    assert abs(estimate - truth) < 4 * (truth * (1 - truth) / NUM_PERM) ** 0.5 + 0.02


def test_minhash_signature_is_per_text_and_blockwise_exact() -> None:
    import numpy as np

    from analysis.corpus import quality

    assert quality.minhash_signature("") is None
    assert quality.minhash_signature("— … !!") is None
    long_text = " ".join(_words(np.random.default_rng(5), 3 * quality._BLOCK + 17))
    hashes = quality.shingle_hashes(long_text)
    assert hashes.size > 2 * quality._BLOCK  # several blocks
    a, b = quality._permutations()
    whole = ((hashes[:, None] * a + b) >> np.uint64(32)).min(axis=0)
    assert np.array_equal(quality.minhash_signature(long_text), whole)
    assert np.array_equal(
        quality.minhash_signature(long_text), quality.minhash_signature(long_text.upper())
    )  # words are lower-cased
    assert not np.array_equal(
        quality.minhash_signature("the flood in the valley rose"),
        quality.minhash_signature("the valley in the flood rose"),
    )  # word order matters (shingles)


def test_duplicate_finder_fed_signatures_in_batches_matches_find_duplicates() -> None:
    from analysis.corpus.quality import DuplicateFinder, sign_batch

    other = " ".join(f"Line {i} covers an unrelated election in the capital." for i in range(12))
    texts = [STORY, other, "", STORY + " Reporting by the wire.", other + " More.", STORY, "—"]
    ids = [f"d{i}" for i in range(len(texts))]
    expected = find_duplicates(ids, texts)
    assert expected == ["", "", "", "d0", "d1", "d0", ""]
    for size in (1, 2, 3, len(texts)):  # copies in the same batch or in an earlier one
        finder = DuplicateFinder()
        got: list[str] = []
        for start in range(0, len(texts), size):
            batch = texts[start : start + size]
            got += finder.add_batch(ids[start : start + size], *sign_batch(batch))
        assert got == expected


def test_find_duplicates_signs_in_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    from analysis.corpus import quality

    texts = [STORY, "", STORY + " Wire.", "other words here", STORY]
    expected = quality.find_duplicates(list("abcde"), texts)
    monkeypatch.setattr(quality, "SIGN_BATCH_TEXTS", 2)
    assert quality.find_duplicates(list("abcde"), texts) == expected == ["", "", "a", "", "a"]


def test_lsh_candidates_are_earlier_documents_sharing_a_band() -> None:
    import numpy as np

    from analysis.corpus.quality import LSH_BANDS, LSH_ROWS, NUM_PERM, DuplicateFinder

    assert LSH_BANDS * LSH_ROWS <= NUM_PERM
    rng = np.random.default_rng(11)
    first = rng.integers(0, 2**32, NUM_PERM, dtype=np.uint64)
    one_band = rng.integers(0, 2**32, NUM_PERM, dtype=np.uint64)
    one_band[3 * LSH_ROWS : 4 * LSH_ROWS] = first[3 * LSH_ROWS : 4 * LSH_ROWS]
    almost = one_band.copy()
    almost[3 * LSH_ROWS] += 1  # one value off in that band: no band in common
    finder = DuplicateFinder()
    assert finder.add_batch(["first"], first[np.newaxis], np.array([True])) == [""]
    assert finder.candidates(one_band) == [0]
    assert finder.candidates(almost) == []
    # a candidate, but far from 0.8
    assert finder.add_batch(["one band"], one_band[np.newaxis], np.array([True])) == [""]


def test_copies_just_above_the_threshold_are_found() -> None:
    import numpy as np

    rng = np.random.default_rng(7)
    found = 0
    for _ in range(20):
        base = _words(rng, 400)
        copy = list(base)
        for position in rng.choice(len(copy), 3, replace=False):  # 3 words changed: J ≈ 0.93
            copy[position] = "changed"
        found += find_duplicates(["a", "b"], [" ".join(base), " ".join(copy)]) == ["", "a"]
    assert found >= 19


def test_finder_grows_past_its_first_block_of_signatures() -> None:
    import numpy as np

    from analysis.corpus.quality import NUM_PERM, DuplicateFinder

    rng = np.random.default_rng(2)
    signatures = rng.integers(0, 2**32, (2100, NUM_PERM), dtype=np.uint64)
    finder = DuplicateFinder()
    signed = np.ones(len(signatures), dtype=bool)
    assert finder.add_batch([f"d{i}" for i in range(2100)], signatures, signed) == [""] * 2100
    near = signatures[2050].copy()
    near[:10] += 1  # 118 of 128 values equal: above the threshold
    batch = np.stack([near, signatures[3]])
    got = finder.add_batch(["copy", "first again"], batch, np.array([True, True]))
    assert got == ["d2050", "d3"]


def test_sign_batch_equals_minhash_signature_text_by_text() -> None:
    import numpy as np

    from analysis.corpus import quality

    rng = np.random.default_rng(4)
    long_text = " ".join(_words(rng, 2 * quality._BATCH_BLOCK + 3))  # spans several blocks
    texts = [
        "",
        "one",
        "One two",
        "a b c d",
        "a b c d e",
        "— … !! ?",
        STORY,
        "北京时间今天上午，市政府宣布了新的防洪计划。 居民表示欢迎。",
        "東京で 大雨 が 降った",
        "Ünïcödé façade naïve Übermaß straße İstanbul ΑΘΗΝΑ Москва ٣٤٥ snake_case x²",
        "don’t “quote” it—dash…ellipsis",
        "\x00tab\tnew\nline\r\nend",
        long_text,
        "",
        "repeat " * 700,
        STORY.upper(),
        "tiny",
    ]
    for batch in (texts, texts[::-1], texts[:1], texts[5:6], [long_text, "x y"], []):
        signatures, signed = quality.sign_batch(batch)
        assert signatures.shape == (len(batch), quality.NUM_PERM)
        assert signatures.dtype == np.uint32
        for text, row, has_words in zip(batch, signatures, signed, strict=True):
            reference = quality.minhash_signature(text)
            if reference is None:
                assert not has_words and not row.any()
            else:
                assert has_words and np.array_equal(row, reference)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "Plain ASCII words, with punctuation: here (and there) -- 42 times_two!",
        "don’t “quote” it—dash–range… • bullet\xa0nbsp «guillemets»",
        "Café au lait, naïve façade",
        "北京时间今天上午，市政府宣布了新的防洪计划。",
        "ΟΔΟΣ'Α ΟΔΟΣ. Σ",  # the final-sigma rule depends on the neighbouring characters
        "KELVIN \u212a and İstanbul and ǅ",
        "superscript x² and ½ and ① and Ⓐ",
        "lone surrogate \ud800 inside, emoji 😀 and tab\tnew\nline\r\n\x00",
        "snake_case __dunder__ 3.14 1,000",
        "Москва сегодня",
        "word " * 5000,
    ],
)
def test_spaced_words_equal_the_regular_expression(text: str) -> None:
    from analysis.corpus.quality import _WORD_RE, spaced_words

    spaced = spaced_words(text)
    # no ASCII byte but lower-case word characters and the spaces between words
    assert {byte for byte in spaced if byte < 128} <= set(b"abcdefghijklmnopqrstuvwxyz0123456789_ ")
    words = [word for word in spaced.decode("utf-8").split(" ") if word]
    assert words == _WORD_RE.findall(text.lower())


def test_lower_casing_never_makes_a_word_character() -> None:
    """What spaced_words's fast path relies on (it lower-cases ASCII capitals only): no
    character outside ``\\w`` lower-cases to one (checked over every code point)."""
    import sys

    from analysis.corpus.quality import _WORD_RE

    made = [
        hex(code)
        for code in range(sys.maxunicode + 1)
        if not _WORD_RE.match(chr(code)) and _WORD_RE.search(chr(code).lower())
    ]
    assert made == []


# the pattern ends_mid_sentence used before it read the end of the text with rstrip
ENDS_SENTENCE_RE = re.compile(r"[.!?…:;。！？；：][\"'”’»)\]」』）》]*\s*$")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "  \n ",
        "He said “no.”",
        "He said “no”",
        "The end.  \n",
        "The end. '",
        "The end.' \n\t",
        "Cut mid",
        "')]”",
        ".",
        "?)",
        "双方在吉隆坡举行会谈，达成初步共识。",
        "他说：“这很重要？”",
        "双方在吉隆坡举行会谈，达成初步",
        "Ellipsis…\u3000",
        "A list: ",
        "bracket (see above)",
        "x" * 10_000 + ".",
        "No.\nMore text",
        "Ends with a colon:\r\n",
        "Sentence! »",
        "Sentence » !",
        "Quote ’ then space .’ \x0c",
    ],
)
def test_ends_mid_sentence_equals_the_regular_expression(text: str) -> None:
    reference = bool(text.strip()) and not ENDS_SENTENCE_RE.search(text)
    assert ends_mid_sentence(text) is reference


def test_text_checks_read_lines_endings_and_stray_bytes() -> None:
    from analysis.corpus.quality import text_checks

    checks = text_checks(["One.\n\n  \nTwo.\r\nThree", "", "The economyâone grew.\n \t\n"])
    assert checks["lines_kept"].tolist() == [3, 0, 1]
    assert checks["truncated"].tolist() == [True, False, False]
    assert checks["stray_lead_byte"].tolist() == [False, False, True]


@pytest.mark.parametrize("pairs_at_once", [1, 2, 3, 4096])
def test_candidates_checked_in_groups_of_any_size_give_the_same_copies(
    monkeypatch: pytest.MonkeyPatch, pairs_at_once: int
) -> None:
    from analysis.corpus import quality

    other = " ".join(f"Line {i} covers an unrelated election in the capital." for i in range(12))
    texts = [STORY, other, STORY + " Wire.", "", other + " More.", STORY, STORY + " Again."]
    ids = [f"d{i}" for i in range(len(texts))]
    monkeypatch.setattr(quality, "_PAIRS_AT_ONCE", pairs_at_once)
    finder = quality.DuplicateFinder()
    got = finder.add_batch(ids[:3], *quality.sign_batch(texts[:3]))
    got += finder.add_batch(ids[3:], *quality.sign_batch(texts[3:]))
    assert got == ["", "", "d0", "", "d1", "d0", "d0"]


def test_sign_batch_equals_minhash_signature_on_a_random_mix() -> None:
    import numpy as np

    from analysis.corpus import quality

    pieces = [" ", "  ", "\n", "word", "Word", "WORDS", "café", "北京", "—", "“", "’s", "_", "42"]
    pieces += ["ΟΔΟΣ", "'", ".", "\t", "naïve", "x²", "", "tail "]
    rng = np.random.default_rng(8)
    texts = ["".join(rng.choice(pieces, int(rng.integers(0, 40)))) for _ in range(300)]
    signatures, signed = quality.sign_batch(texts)
    for text, row, has_words in zip(texts, signatures, signed, strict=True):
        reference = quality.minhash_signature(text)
        assert has_words == (reference is not None)
        assert np.array_equal(row, reference if reference is not None else np.zeros_like(row))


def test_drop_within_leaves_out_only_the_copies_within_an_outlet():
    # a tester's wire service lost 28 of its own stories to other outlets' copies listed first
    other = "A different story about the harbour and its ferries. " * 6
    documents, sentences = docs({"a": STORY, "b": STORY + " Extra line.", "c": other, "d": other})
    table = quality_table(documents, sentences, EMPTY_AUDIT).assign(outlet=["W", "X", "Y", "Y"])
    assert table["duplicate_of"].tolist() == ["", "a", "", "c"]
    kept, kept_sentences = apply_duplicates(table, sentences, "drop_within")
    assert kept["doc_id"].tolist() == ["a", "b", "c"]  # b copies W's a: syndication, kept
    assert "d" not in set(kept_sentences["doc_id"])
    lines = quality_lines(table, "flag")
    assert "1 of an article of the same outlet, 1 of another outlet's" in lines[0]
    assert "-p duplicates drop_within" in lines[0]
    after = quality_lines(kept, "drop_within")
    assert "The 1 duplicates left are copies of another outlet's article" in after[0]


def test_a_headline_without_a_full_stop_is_not_truncated() -> None:
    """A tester's 3,868 headlines (one line each, no full stop) were all flagged truncated."""
    from analysis.corpus.quality import HEADLINE_WORDS, is_headline, text_checks

    headline = "Bus strike leaves 300 commuters stranded as talks collapse - Riverbend Times"
    cut = " ".join(["word"] * HEADLINE_WORDS) + " and the"
    texts = [
        headline,
        cut,
        f"{headline}\nThe mayor said that the",
        "双方在吉隆坡举行会谈，达成初步",
    ]
    assert [is_headline(text) for text in texts] == [True, False, False, False]
    assert text_checks(texts)["truncated"].tolist() == [False, True, True, True]
    assert ends_mid_sentence(headline)  # it ends without a full stop all the same


def test_when_every_document_is_flagged_the_summary_says_all_and_lists_none() -> None:
    texts = {f"d{k:02d}": f"Headline number {k} about the flood in the valley" for k in range(12)}
    documents, sentences = docs(texts)
    table = quality_table(documents, sentences, EMPTY_AUDIT)
    lines = quality_lines(table, "flag")
    assert lines[0].startswith("**Document quality.** All 12 documents are flagged")
    assert "short (all 12)" in lines[0] and "truncated" not in lines[0].split("What each")[0]
    assert "none is listed" in lines[0]
    assert not any(line.startswith("- ") for line in lines)
    # one document of the twelve not flagged: the flagged ones are listed as before
    texts["d00"] = STORY
    documents, sentences = docs(texts)
    lines = quality_lines(quality_table(documents, sentences, EMPTY_AUDIT), "flag")
    assert lines[0].startswith("**Document quality.** 11 of 12 documents are flagged")
    assert "short 11" in lines[0]
    assert "- `d01` (o): short" in lines and "- … and 1 more" in lines
