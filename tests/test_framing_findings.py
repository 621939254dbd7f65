"""analysis.framing.findings: differences stated only without overlap, zero shares bounded."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from framing_sentences import framed_sentences

from analysis.framing.findings import _frame_findings, framing_findings
from analysis.framing.hedging import hedging_table
from analysis.framing.keyness import keyness_table
from analysis.framing.sourcing import sourcing_table
from analysis.framing.tables import frame_evidence, frame_salience_table


def _frames_table(hi: tuple[float, float, float], lo: tuple[float, float, float]) -> pd.DataFrame:
    rows = []
    for group, (share, low, high) in (("A", hi), ("B", lo)):
        rows.append(
            {
                "outlet": group,
                "frame": "conflict",
                "label": "Conflict",
                "share": share,
                "share_ci_low": low,
                "share_ci_high": high,
                "per_1000_words": 0.0,
                "per_1000_ci_low": 0.0,
                "per_1000_ci_high": 0.0,
                "n_frame_sentences": 5,
                "n_docs": 2,
                "n_sentences": 20,
                "n_words": 400,
            }
        )
    return pd.DataFrame(rows)


@pytest.mark.parametrize(
    ("hi", "lo", "stated"),
    [((0.5, 0.4, 0.6), (0.1, 0.0, 0.2), True), ((0.5, 0.2, 0.6), (0.3, 0.1, 0.4), False)],
)
def test_findings_state_differences_only_without_overlap(hi, lo, stated) -> None:
    s = framed_sentences()
    s["outlet"] = s["outlet"].map({"Harbour Daily": "A", "Valley Post": "B"})
    frames = _frames_table(hi, lo)
    findings = framing_findings(
        frames,
        keyness_table(s, "outlet"),
        sourcing_table(s, "outlet"),
        hedging_table(s, "outlet", n_boot=100),
        s,
        frame_evidence(s),
        group_col="outlet",
        n_boot=100,
    )
    keys = {f.key: f for f in findings}
    assert ("frames_difference_conflict" in keys) is stated
    if not stated:
        assert not keys["frames_no_clear_difference"].supported
        assert "no clear difference" in keys["frames_no_clear_difference"].text
    assert keys["frames_salient_A"].text.startswith("In these 2 articles from A")
    assert keys["frames_salient_A"].groups == ("A",)
    if stated:
        assert keys["frames_difference_conflict"].groups == ("A", "B")
    for f in findings:
        assert all(g in f.text for g in f.groups)  # a finding names the groups it lists
        assert f.section in {"frames", "vocabulary", "sourcing", "hedging"}
        assert len(f.evidence) <= 3
    # a frame's quoted sentence says which words coded it (a tester had to join two tables)
    evidence = frame_evidence(s)
    for ev in keys["frames_salient_A"].evidence:
        rows = evidence[
            (evidence["doc_id"] == ev.doc_id) & (evidence["sentence_id"] == ev.sentence_id)
        ]
        assert ev.note.startswith("matched: ")
        said = ev.note.removeprefix("matched: ").split(", ")
        assert said and set(said) <= set(rows["matched"].astype(str))


def _salience_rows(share_b: float, ci_b: tuple[float, float], n_b: int) -> pd.DataFrame:
    rows = [
        {
            "outlet": "A",
            "frame": "conflict",
            "label": "Conflict",
            "share": share_b,
            "share_ci_low": ci_b[0],
            "share_ci_high": ci_b[1],
            "n_docs": 2,
            "n_sentences": 40,
            "n_words": 800,
            "n_frame_sentences": round(share_b * 40),
        },
        {
            "outlet": "B",
            "frame": "conflict",
            "label": "Conflict",
            "share": 0.0,
            "share_ci_low": 0.0,
            "share_ci_high": 0.0,
            "n_docs": 2,
            "n_sentences": n_b,
            "n_words": 20 * n_b,
            "n_frame_sentences": 0,
        },
    ]
    return pd.DataFrame(rows)


def test_a_share_of_zero_is_not_treated_as_known_exactly() -> None:
    sentences = pd.DataFrame(
        {"doc_id": ["a", "b"], "sentence_id": [0, 0], "outlet": ["A", "B"], "sentence": ["x", "y"]}
    )
    evidence = pd.DataFrame(columns=["frame", "term", "doc_id", "sentence_id"])
    # 0 of 10 sentences: shares up to 30% remain plausible, so 25% (CI 15-40%) is no difference.
    few = _frame_findings(_salience_rows(0.25, (0.15, 0.40), 10), sentences, evidence, "outlet")
    assert not any(f.key == "frames_difference_conflict" for f in few)
    # 0 of 200 sentences (bound 1.5%) against 25% (CI 15-40%): a difference, stated with the bound.
    many = _frame_findings(_salience_rows(0.25, (0.15, 0.40), 200), sentences, evidence, "outlet")
    found = [f for f in many if f.key == "frames_difference_conflict"]
    assert len(found) == 1 and "no coded sentence" in found[0].text and "2%" in found[0].text


def test_rates_are_written_with_one_decimal_and_shares_in_percent() -> None:
    s = framed_sentences()
    findings = framing_findings(
        frame_salience_table(s, "outlet", n_boot=100),
        keyness_table(s, "outlet"),
        sourcing_table(s, "outlet"),
        hedging_table(s, "outlet", n_boot=100),
        s,
        frame_evidence(s),
        group_col="outlet",
        n_boot=100,
    )
    keys = {f.key: f for f in findings}
    group = r"(Harbour Daily|Valley Post)"
    # A rate of 0 is written with its rule-of-three bound instead of a collapsed interval.
    interval = (
        r"(95% CI \d+\.\d–\d+\.\d|none seen; up to about \d+\.\d is compatible with seeing none)"
    )
    rate = group + rf" \d+\.\d \({interval}, (1 article|2 articles), \d sentences\)"
    assert re.fullmatch(
        rf"Hedges per 1,000 words: {rate}; {rate}\. .*", keys["hedging_hedges"].text
    )
    share_ci = r"(95% CI \d+–\d+%|none seen; up to about \d+% is compatible with seeing none)"
    share = group + rf" \d+% \({share_ci}, (1 article|2 articles), \d sentences\)"
    assert re.fullmatch(
        rf"Share of sentences with a direct quotation: {share}; {share}\. .*",
        keys["sourcing_quotes"].text,
    )
    assert keys["frames_salient_Harbour Daily"].text.startswith(
        "In these 2 articles from Harbour Daily (4 sentences, "
    )


def test_a_zero_share_is_compared_with_its_rule_of_three_bound_not_a_collapsed_interval():
    from analysis.framing.findings import _rate_contrast

    # 12% of 100 sentences (CI 6–18%) against none of 20 sentences: 3/20 = 15% is still
    # compatible with the second group, so the intervals overlap and no difference is stated.
    table = pd.DataFrame(
        {
            "outlet": ["Big", "Small"],
            "estimate": [0.12, 0.0],
            "ci_low": [0.06, 0.0],
            "ci_high": [0.18, 0.0],
            "n_docs": [3, 2],
            "n_sentences": [100, 20],
        }
    )
    sentences = pd.DataFrame(
        {"outlet": ["Big"], "doc_id": ["b1"], "sentence_id": [0], "sentence": ["“Q,” he said."]}
    )
    mask = pd.Series([True])
    finding = _rate_contrast(
        table,
        "outlet",
        "estimate",
        "ci_low",
        "ci_high",
        "Quotes",
        "k",
        "sourcing",
        "f",
        True,
        sentences,
        mask,
    )
    assert not finding.supported
    assert "Small 0% (none seen; up to about 15% is compatible with seeing none" in finding.text
    assert "do not overlap" not in finding.text
    # With 200 sentences the bound is 1.5%, below 6%: now a difference, and it says why.
    table.loc[1, "n_sentences"] = 200
    finding = _rate_contrast(
        table,
        "outlet",
        "estimate",
        "ci_low",
        "ci_high",
        "Quotes",
        "k",
        "sourcing",
        "f",
        True,
        sentences,
        mask,
    )
    assert finding.supported
    assert "Big is higher than Small" in finding.text
    assert "rule-of-three bound" in finding.text


def test_a_small_group_with_none_seen_does_not_hide_a_clear_difference_between_large_ones():
    from analysis.framing.findings import _rate_contrast

    # a tester's 2-article outlet without certainty markers had the widest rule-of-three bound
    # and was compared as "the lowest", so 4.3 (3.9-4.6) against 0.0 in 100k words each read as
    # "no clear difference"
    table = pd.DataFrame(
        {
            "outlet": ["Wire", "Ledger", "Courier", "Tiny"],
            "estimate": [4.3, 0.0, 0.0, 0.0],
            "ci_low": [3.9, 0.0, 0.0, 0.0],
            "ci_high": [4.6, 0.0, 0.0, 0.0],
            "n_docs": [602, 500, 480, 2],
            "n_sentences": [9000, 8000, 7000, 22],
            "n_words": [150000, 120000, 110000, 280],
        }
    )
    sentences = pd.DataFrame(
        {"outlet": ["Wire"], "doc_id": ["w1"], "sentence_id": [0], "sentence": ["Surely."]}
    )
    args = ("outlet", "estimate", "ci_low", "ci_high", "Certainty", "k", "s", "f", False)
    finding = _rate_contrast(table, *args, sentences, pd.Series([True]))
    assert finding.supported
    assert "Wire is higher than Ledger" in finding.text
    # the tiny group alone at 0 against the wire: its bound overlaps, no difference stated
    finding = _rate_contrast(table.iloc[[0, 3]], *args, sentences, pd.Series([True]))
    assert not finding.supported


def test_a_frame_difference_is_judged_on_the_two_groups_furthest_apart():
    # a tester's Human interest: 6% (3.7-9.7%, 15 articles) against 0% of 86 sentences
    # (bound 3.5%), but the lowest was a 1-article group at 0 of 7 sentences (bound 43%), and
    # the frame read as "no clear difference" as sourcing and hedging would not
    rows = []
    for outlet, share, low, high, n_docs, n_sent in (
        ("Post", 0.06, 0.037, 0.097, 15, 544),
        ("Radio", 0.0, 0.0, 0.0, 12, 86),
        ("Tiny", 0.0, 0.0, 0.0, 1, 7),
    ):
        rows.append(
            {
                "outlet": outlet,
                "frame": "human",
                "label": "Human interest",
                "share": share,
                "share_ci_low": low,
                "share_ci_high": high,
                "n_docs": n_docs,
                "n_sentences": n_sent,
                "n_words": 20 * n_sent,
                "n_frame_sentences": round(share * n_sent),
            }
        )
    sentences = pd.DataFrame(
        {"doc_id": ["a"], "sentence_id": [0], "outlet": ["Post"], "sentence": ["x"]}
    )
    evidence = pd.DataFrame(columns=["frame", "term", "doc_id", "sentence_id"])
    found = _frame_findings(pd.DataFrame(rows), sentences, evidence, "outlet")
    (difference,) = [f for f in found if f.key == "frames_difference_human"]
    assert difference.groups == ("Post", "Radio")
    assert "With 12 articles" not in difference.text  # 10 or more: no caveat
    rows[1]["n_docs"] = 3
    found = _frame_findings(pd.DataFrame(rows), sentences, evidence, "outlet")
    (difference,) = [f for f in found if f.key == "frames_difference_human"]
    assert difference.text.endswith(
        "With 3 articles in the smaller group, this describes these articles, not the "
        "outlets' coverage."
    )


def test_a_group_of_one_article_is_described_not_compared():
    from analysis.framing.findings import _rate_contrast

    # a tester's "Bloomberg is higher than Associated Press" in hedges rested on one article:
    # an interval from one article's sentences describes that article only, so it is listed,
    # not compared
    table = pd.DataFrame(
        {
            "outlet": ["Bloomberg", "Associated Press"],
            "estimate": [24.7, 3.1],
            "ci_low": [10.5, 1.2],
            "ci_high": [39.7, 5.6],
            "n_docs": [1, 8],
            "n_sentences": [19, 153],
        }
    )
    sentences = pd.DataFrame(
        {"outlet": ["Bloomberg"], "doc_id": ["b1"], "sentence_id": [0], "sentence": ["May."]}
    )
    args = ("outlet", "estimate", "ci_low", "ci_high", "Hedges", "k", "hedging", "f", False)
    finding = _rate_contrast(table, *args, sentences, pd.Series([True]))
    assert not finding.supported and "is higher than" not in finding.text
    assert finding.text.startswith("Hedges: Bloomberg 24.7 (95% CI 10.5–39.7, 1 article")
    assert finding.text.endswith(
        "No comparison: fewer than two groups have more than one article. Not compared: "
        "Bloomberg (one article)."
    )
    # the groups of several articles are still compared, and a small one says what it allows
    table.loc[2] = ["Reuters", 20.0, 12.0, 28.0, 3, 60]
    finding = _rate_contrast(table, *args, sentences, pd.Series([True]))
    assert finding.supported and "Reuters is higher than Associated Press" in finding.text
    assert finding.text.endswith(
        "With 3 articles in the smaller group, this describes these articles, not the outlets' "
        "coverage. Not compared: Bloomberg (one article)."
    )


def test_a_frame_is_not_compared_between_groups_of_one_article() -> None:
    sentences = pd.DataFrame(
        {"doc_id": ["a", "b"], "sentence_id": [0, 0], "outlet": ["A", "B"], "sentence": ["x", "y"]}
    )
    evidence = pd.DataFrame(columns=["frame", "term", "doc_id", "sentence_id"])
    rows = _salience_rows(0.25, (0.15, 0.40), 200)  # a clear difference with two articles each
    found = {f.key: f for f in _frame_findings(rows, sentences, evidence, "outlet")}
    assert "frames_difference_conflict" in found and "frames_one_article" not in found
    rows.loc[rows["outlet"] == "B", "n_docs"] = 1
    found = {f.key: f for f in _frame_findings(rows, sentences, evidence, "outlet")}
    assert "frames_difference_conflict" not in found
    assert found["frames_one_article"].groups == ("B",)
    assert found["frames_one_article"].text.startswith(
        "B has one article: described, not compared with the other outlets in frame use"
    )


def test_a_small_rule_of_three_bound_keeps_two_significant_digits():
    from analysis.framing.findings import _value_with_ci

    # a tester's summary read "up to about 0.0 is compatible with seeing none"
    row = pd.Series({"estimate": 0.0, "ci_low": 0.0, "ci_high": 0.0, "n_sentences": 9000})
    rate = _value_with_ci(
        pd.concat([row, pd.Series({"n_words": 120000})]), "estimate", "ci_low", "ci_high", False
    )
    assert "up to about 0.025 is compatible" in rate
    share = _value_with_ci(row, "estimate", "ci_low", "ci_high", True)
    assert "up to about 0.033% is compatible" in share
    row["n_sentences"] = 20
    assert "up to about 15% is compatible" in _value_with_ci(
        row, "estimate", "ci_low", "ci_high", True
    )


def test_source_kinds_are_named_as_the_figure_names_them(tmp_path) -> None:
    # a tester's summary said "analysts experts 7, officials china 5" beside a figure saying
    # "Analysts and experts", "Chinese officials"
    s = framed_sentences()
    sourcing = sourcing_table(s, "outlet")
    credited = sourcing[(sourcing["measure"] == "source") & (sourcing["n_sentences_with"] > 0)]
    assert len(credited), "the made-up sentences credit a source"
    findings = framing_findings(
        _frames_table((0.5, 0.4, 0.6), (0.1, 0.0, 0.2)).replace(
            {"A": "Harbour Daily", "B": "Valley Post"}
        ),
        keyness_table(s, "outlet"),
        sourcing,
        hedging_table(s, "outlet", n_boot=100),
        s,
        frame_evidence(s),
        group_col="outlet",
        n_boot=100,
    )
    said = " ".join(
        f.text for f in findings if f.key.startswith("sourcing_") and "credit" in f.text
    )
    from analysis.framing.plots import source_labels
    from analysis.framing.sourcing import load_sources

    labels = source_labels(sorted(set(credited["item"])), load_sources(None).labels)
    assert any(label in said for label in labels.values())
    assert not any(f" {item.replace('_', ' ')} " in said for item in labels if "_" in item)


def test_distinctive_words_used_mostly_in_articles_not_in_english_are_named() -> None:
    from analysis.framing.findings import _keyness_findings

    # a tester's pooled group of four articles, one German: "die", "der", "und" led its words
    rows = [
        ("g1", "Other", "Die Regierung und der Minister sagten, die Lage sei ernst."),
        ("g1", "Other", "Die Sanktionen und der Druck wachsen, sagte die Sprecherin."),
        ("e1", "Other", "The pipeline deal drew sanctions from the pipeline critics."),
        ("e2", "Other", "The pipeline was delayed again, pipeline officials said."),
        ("p1", "Post", "The senator said the vote would come on Monday."),
        ("p2", "Post", "Lawmakers said the senator's vote was expected soon."),
    ]
    sentences = pd.DataFrame(rows * 20, columns=["doc_id", "outlet", "sentence"])
    sentences["sentence_id"] = sentences.groupby("doc_id").cumcount()
    english = sentences["doc_id"] != "g1"
    keyness = keyness_table(sentences, "outlet")
    found = {f.key: f for f in _keyness_findings(keyness, sentences, "outlet", 10, english)}
    text = found["vocabulary_Other"].text
    assert "are used mostly in its 1 article not in English: words of its language" in text
    named = text.split(" are used mostly")[0].rsplit(". ", 1)[1]
    assert "“die”" in named and "“pipeline”" not in named
    assert "not in English" not in found["vocabulary_Post"].text
    # of these articles, as every finding: not the outlet's vocabulary
    assert found["vocabulary_Post"].text.startswith("In these articles, the words most distinctive")
    plain = {f.key: f for f in _keyness_findings(keyness, sentences, "outlet", 10)}
    assert "not in English" not in plain["vocabulary_Other"].text


def test_a_group_mostly_not_in_english_is_listed_but_not_compared() -> None:
    """A journalist's German outlet had 0.0 hedges per 1,000 words (an English list reads
    nothing in German): "Business Insider is higher than comwrap" was the one difference."""
    from analysis.framing.findings import _rate_contrast, unread_groups

    table = pd.DataFrame(
        {
            "outlet": ["Insider", "Ledger", "comwrap"],
            "estimate": [6.0, 5.5, 0.0],
            "ci_low": [5.0, 4.5, 0.0],
            "ci_high": [7.0, 6.5, 0.0],
            "n_docs": [40, 40, 40],
            "n_sentences": [900, 900, 900],
            "n_words": [20000, 20000, 20000],
        }
    )
    sentences = pd.DataFrame(
        {"outlet": ["Insider", "Ledger", "comwrap", "comwrap"], "doc_id": ["i", "l", "c", "c"],
         "sentence_id": [0, 0, 0, 1], "sentence": ["Maybe.", "Perhaps.", "Vielleicht.", "Ja."]}
    )  # fmt: skip
    english = pd.Series([True, True, False, False])
    unread = unread_groups(sentences, "outlet", english)
    assert unread == frozenset({"comwrap"})
    args = ("outlet", "estimate", "ci_low", "ci_high", "Hedges", "k", "s", "f", False)
    finding = _rate_contrast(table, *args, sentences, pd.Series([True] * 4), unread)
    assert not finding.supported  # the two English groups overlap
    assert "comwrap 0.0" in finding.text  # listed
    assert "higher than comwrap" not in finding.text
    assert "Not compared: comwrap (mostly not in English)." in finding.text
    assert _rate_contrast(table, *args, sentences, pd.Series([True] * 4)).supported  # as before
    assert unread_groups(sentences, "outlet", None) == frozenset()


@pytest.mark.parametrize(
    ("counts", "said"),
    [
        ([9, 2, 2, 2, 2, 2], "a 9, b 2, c 2, d 2, e 2, and 1 more kind with 2 each"),
        ([9, 4, 2, 2, 1], "a 9, b 4, c 2, d 2"),  # the tie with the third is named
        ([9, 4, 3, 1], "a 9, b 4, c 3"),
        ([5, 1], "a 5, b 1"),
    ],
)
def test_kinds_tied_with_the_third_most_credited_are_not_left_out(counts, said) -> None:
    # a tester's "Politicians 9, Advocacy groups 2, Citizens 2" left out three kinds at 2
    from analysis.framing.findings import _most_credited

    part = pd.DataFrame({"item": list("abcdef"[: len(counts)]), "n_sentences_with": counts})
    assert _most_credited(part, {}) == said


def test_distinctive_words_say_in_how_many_articles_and_one_articles_words_are_named() -> None:
    from analysis.framing.findings import _keyness_findings

    # a methodologist's null corpora: 57-100% of each outlet's words beyond z = 1.96 came from
    # one article ("perez", 23 uses, all in one of 16 articles), read as the outlet's vocabulary
    rows = [
        ("a1", "Harbor", "Perez said Perez filed appeal, and Perez's lawyer agreed."),
        ("a2", "Harbor", "The harbour budget was approved by the council."),
        ("a3", "Harbor", "The harbour dredging starts in June, the council said."),
        ("b1", "Valley", "The valley school reopened after the storm."),
        ("b2", "Valley", "Parents said the valley school was safe again."),
    ]
    sentences = pd.DataFrame(rows * 10, columns=["doc_id", "outlet", "sentence"])
    sentences["sentence_id"] = sentences.groupby("doc_id").cumcount()
    keyness = keyness_table(sentences, "outlet")
    found = {f.key: f for f in _keyness_findings(keyness, sentences, "outlet", 10)}
    harbor = found["vocabulary_Harbor"].text
    assert re.search(r"“perez” \(z = [\d.]+; 30 uses vs 0 elsewhere; in 1 of 3 articles\)", harbor)
    assert harbor.endswith(
        " It is used in one article only: such a word describes its article, not Harbor's "
        "articles at large (the z-score counts each use as independent)."
    )
    valley = found["vocabulary_Valley"].text
    assert "“school” (z = 3.6; 20 uses vs 0 elsewhere; in 2 of 2 articles)" in valley
    assert " 4 of them (“parents”, “reopened”, “safe”, “storm”) are used in one article" in valley
    # one of several: "1 of them (“poll”) is", not "are" (a fact-checker's)
    rows[3] = ("b1", "Valley", "The valley school reopened.")
    rows[4] = ("b2", "Valley", "The valley school reopened quickly.")
    sentences = pd.DataFrame(rows * 10, columns=["doc_id", "outlet", "sentence"])
    sentences["sentence_id"] = sentences.groupby("doc_id").cumcount()
    found = {
        f.key: f
        for f in _keyness_findings(keyness_table(sentences, "outlet"), sentences, "outlet", 10)
    }
    assert re.search(
        r" 1 of them \(“\w+”\) is used in one article", found["vocabulary_Valley"].text
    )


EMPTY_EVIDENCE = pd.DataFrame(columns=["frame", "term", "doc_id", "sentence_id"])


def test_frames_tied_with_the_last_salient_one_are_all_named_and_single_uses_said() -> None:
    # a copy editor's "Conflict (5%)" was Reuters' third most salient frame, tied at 2 of 41
    # sentences with two frames left unnamed; one-sentence frames were listed as salient
    rows = [
        ("human_interest", "Human interest", 4),
        ("conflict", "Conflict", 2),
        ("economic", "Economic consequences", 2),
        ("responsibility", "Responsibility", 2),
        ("morality", "Morality", 1),
    ]
    frames = pd.DataFrame(
        [
            {"outlet": "Reuters", "frame": key, "label": label, "n_frame_sentences": n,
             "share": n / 41, "share_ci_low": 0.0, "share_ci_high": 0.2, "n_docs": 5,
             "n_sentences": 41, "n_words": 900}
            for key, label, n in rows
        ]
    )  # fmt: skip
    sentences = pd.DataFrame(
        {"doc_id": ["r1"], "outlet": ["Reuters"], "sentence_id": [0], "sentence": ["x"]}
    )
    found = _frame_findings(frames, sentences, EMPTY_EVIDENCE, "outlet")
    text = next(f.text for f in found if f.key == "frames_salient_Reuters")
    assert "Human interest (10% of sentences: 4," in text
    for label in ("Conflict", "Economic consequences", "Responsibility"):
        assert f"{label} (5% of sentences: 2," in text
    assert "Morality" not in text
    assert "Conflict, Economic consequences and Responsibility are tied at 2 sentences each" in text
    frames.loc[frames["frame"] == "economic", "n_frame_sentences"] = 1
    frames.loc[frames["frame"] == "responsibility", "n_frame_sentences"] = 0
    found = _frame_findings(frames, sentences, EMPTY_EVIDENCE, "outlet")
    text = next(f.text for f in found if f.key == "frames_salient_Reuters")
    assert "Economic consequences and Morality are tied at 1 sentence each" in text
    assert "Economic consequences and Morality are found in a single sentence" in text


def test_a_salient_frame_used_mostly_in_one_article_is_said_to_be() -> None:
    # a fact-checker's "Economic consequences" for an outlet of six articles: 19 of its 23
    # sentences were one budget story's, and the finding did not say so
    frames = pd.DataFrame(
        [
            {"outlet": "AP", "frame": "economic", "label": "Economic consequences",
             "n_frame_sentences": 4, "share": 0.4, "share_ci_low": 0.1, "share_ci_high": 0.7,
             "n_docs": 2, "n_sentences": 10, "n_words": 90}
        ]
    )  # fmt: skip
    sentences = pd.DataFrame(
        {
            "doc_id": ["a1"] * 6 + ["a2"] * 4,
            "outlet": "AP",
            "sentence_id": list(range(6)) + list(range(4)),
            "sentence": ["x"] * 10,
            "frame_economic": [True, True, True, False, False, False, True, False, False, False],
        }
    )
    found = _frame_findings(frames, sentences, EMPTY_EVIDENCE, "outlet")
    text = next(f.text for f in found if f.key == "frames_salient_AP")
    assert "Mostly one article's sentences using Economic consequences: AP, 3 of the 4 in " in text
    sentences.loc[0, "frame_economic"] = False
    sentences.loc[7, "frame_economic"] = True
    found = _frame_findings(frames, sentences, EMPTY_EVIDENCE, "outlet")
    assert "Mostly one article" not in next(f.text for f in found if f.key == "frames_salient_AP")


def test_a_distinctive_words_articles_and_evidence_come_from_its_tokens() -> None:
    from analysis.framing.findings import _keyness_findings

    # a linguist's "US" (counted from "U.S.") was "used in one article only": the article
    # search ignored case and found the pronoun "us", missing the articles writing "U.S.";
    # "asylum" was "in 8 of 8" though one article wrote only "asylum-seekers" (another token)
    rows = [
        ("c1", "Capitol", "The U.S. plan for asylum was announced."),
        ("c2", "Capitol", "The U.S. budget for asylum grew."),
        ("c3", "Capitol", "Critics said the U.S. plan ignored asylum-seekers."),
        ("c4", "Capitol", "Nobody asked us about the plan, a volunteer said."),
        ("v1", "Valley", "The valley school reopened after the storm."),
        ("v2", "Valley", "Parents said the valley school was safe again."),
    ]
    sentences = pd.DataFrame(rows * 20, columns=["doc_id", "outlet", "sentence"])
    sentences["sentence_id"] = sentences.groupby("doc_id").cumcount()
    keyness = keyness_table(sentences, "outlet")
    found = {f.key: f for f in _keyness_findings(keyness, sentences, "outlet", 10)}
    capitol = found["vocabulary_Capitol"]
    assert re.search(
        r"“US” \(z = [\d.]+; 60 uses vs 0 elsewhere; in 3 of 4 articles\)", capitol.text
    )
    assert re.search(
        r"“asylum” \(z = [\d.]+; 40 uses vs 0 elsewhere; in 2 of 4 articles\)", capitol.text
    )
    assert "one article only" not in capitol.text  # no word of Capitol's is in one article only
    # the evidence for "US" (its most distinctive word) writes "U.S.", never the pronoun
    assert keyness[keyness["outlet"] == "Capitol"].iloc[0]["term"] == "US"
    assert capitol.evidence and all("U.S." in e.text for e in capitol.evidence)


def test_a_group_with_no_word_beyond_196_is_told_how_many_uses_one_would_need() -> None:
    from analysis.framing.findings import _keyness_findings
    from analysis.framing.keyness import uses_to_reach

    rows = [
        ("c1", "Capitol", "The budget plan was announced by the council."),
        ("c2", "Capitol", "The council approved the budget plan."),
        ("v1", "Valley", "The council said the budget plan was announced."),
        ("v2", "Valley", "The budget plan was approved by the council."),
    ]
    sentences = pd.DataFrame(rows, columns=["doc_id", "outlet", "sentence"])
    sentences["sentence_id"] = sentences.groupby("doc_id").cumcount()
    keyness = keyness_table(sentences, "outlet")
    found = {f.key: f for f in _keyness_findings(keyness, sentences, "outlet", 10)}
    own = keyness[keyness["outlet"] == "Valley"]
    needed = uses_to_reach(own["count_in_group"].sum(), own["count_in_rest"].sum())
    text = found["vocabulary_Valley"].text
    assert text.startswith("In these 2 articles from Valley, no word reaches z > 1.96 against")
    if needed is None:
        assert "not even a word used only by Valley would reach it" in text
    else:
        assert f"a word used only by Valley needs about {needed} uses to reach it)." in text
    assert "distinctive" not in text


def test_a_distinctive_word_mostly_in_one_of_its_articles_is_said_to_be() -> None:
    from analysis.framing.findings import MOSTLY_ONE_ARTICLE, _keyness_findings

    # a linguist's "trump" (z = 2.9; 36 uses vs 10 elsewhere; in 3 of 10 articles) had 27 of
    # its 36 uses in one article, and no note said so
    rows = [("b1", "B", "Trump spoke. " * 27), ("b2", "B", "Trump left."), ("b3", "B", "Trump.")]
    rows += [("b4", "B", "Senators met in the capital on a rainy day."), ("b5", "B", "Budget.")]
    rows += [("a1", "A", "Senators met in the capital on a rainy day.")] * 3
    rows += [("a2", "A", "The budget was passed after a long debate.")] * 3
    sentences = pd.DataFrame(rows, columns=["doc_id", "outlet", "sentence"])
    sentences["sentence_id"] = sentences.groupby("doc_id").cumcount()
    keyness = keyness_table(sentences, "outlet")
    text = {f.key: f for f in _keyness_findings(keyness, sentences, "outlet", 10)}[
        "vocabulary_B"
    ].text
    assert MOSTLY_ONE_ARTICLE * 29 < 27
    assert re.search(r"“trump” \(z = [\d.]+; 29 uses vs 0 elsewhere; in 3 of 5 articles; "
                     r"27 of its 29 uses in one article\)", text)  # fmt: skip
    # spread evenly, no note
    rows[0] = ("b1", "B", "Trump spoke.")
    sentences = pd.DataFrame(rows * 9, columns=["doc_id", "outlet", "sentence"])
    sentences["sentence_id"] = sentences.groupby("doc_id").cumcount()
    keyness = keyness_table(sentences, "outlet")
    text = {f.key: f for f in _keyness_findings(keyness, sentences, "outlet", 10)}[
        "vocabulary_B"
    ].text
    assert "“trump”" in text and "uses in one article" not in text


def test_distinctive_words_of_the_outlets_name_or_of_a_repeated_sentence_are_noted() -> None:
    from analysis.framing.findings import _keyness_findings

    # a linguist's Harbor Ledger: "harbor", "ledger", "borderlands", "project"… were its
    # distinctive words, all from "This story is part of the Borderlands Project…" in each article
    tag = "This story is part of the Borderlands Project from the Harbor Ledger."
    rows = [(f"h{i}", "Harbor Ledger", s) for i in range(40) for s in (tag, "Migrants waited.")]
    rows += [
        (f"v{i}", "Valley Post", f"Officials said {i} migrants waited at the border crossing.")
        for i in range(40)
    ]
    sentences = pd.DataFrame(rows, columns=["doc_id", "outlet", "sentence"])
    sentences["sentence_id"] = sentences.groupby("doc_id").cumcount()
    keyness = keyness_table(sentences, "outlet")
    found = {f.key: f for f in _keyness_findings(keyness, sentences, "outlet", 10)}
    text = found["vocabulary_Harbor Ledger"].text
    assert "“harbor” and “ledger” are words of Harbor Ledger's own name" in text
    assert re.search(r"“borderlands”, .*“project”.* are used only in one sentence repeated in "
                     r"its articles \(“This story is part", text)  # fmt: skip
    assert "boilerplate" not in found["vocabulary_Valley Post"].text
