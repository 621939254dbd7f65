"""analysis.sentiment.findings: the tone tables put into sentences, with evidence."""

from __future__ import annotations

import dataclasses
import re

import pandas as pd
import pytest
from sentiment_sentences import made_up_actors, sentence_table

from analysis.sentiment.findings import sentiment_findings
from analysis.sentiment.scoring import add_sentiment
from analysis.sentiment.tables import actor_tone, sentiment_by_group, sentiment_pairwise


@pytest.fixture(scope="module")
def sentences() -> pd.DataFrame:
    return sentence_table()


@pytest.fixture(scope="module")
def paired(sentences) -> pd.DataFrame:
    """The sentences with Freedonia Post's article cut in two (P1, P2): two groups of two
    articles, which are compared (a group of one article is described, not compared)."""
    second = (sentences["doc_id"] == "P1") & (sentences["sentence_id"] >= 3)
    return sentences.assign(doc_id=sentences["doc_id"].where(~second, "P2"))


def findings_for(sentences, **pair_overrides):
    by_group = sentiment_by_group(sentences, "outlet", n_boot=200, seed=0)
    pairwise = sentiment_pairwise(sentences, "outlet", n_boot=200, n_perm=300, seed=0)
    for col, value in pair_overrides.items():
        pairwise[col] = value
    actors = actor_tone(sentences, "outlet", lexicon=made_up_actors(), n_boot=100, seed=0)
    return sentiment_findings(
        by_group,
        pairwise,
        actors,
        sentences,
        "outlet",
        lexicon=made_up_actors(),
        min_actor_sentences=1,
    )


def test_findings_never_call_an_uncertain_gap_a_difference(paired):
    findings = findings_for(paired, diff_ci_low=-0.1, diff_ci_high=0.9, p_holm=0.01)
    pair = next(f for f in findings if f.key.startswith("tone_pairwise"))
    assert not pair.supported
    assert pair.text.startswith("No clear difference")
    assert "more positive" not in pair.text
    # a small p beside "no clear difference" is explained (a journalist read it as a
    # contradiction), and not said when the test does not reject
    assert "includes zero, though the permutation test rejects at 0.05 (a difference must " in (
        pair.text
    )
    findings = findings_for(paired, diff_ci_low=-0.1, diff_ci_high=0.9, p_holm=0.3)
    pair = next(f for f in findings if f.key.startswith("tone_pairwise"))
    assert "though" not in pair.text


def test_findings_state_a_clear_difference(paired):
    findings = findings_for(paired, diff_ci_low=0.2, diff_ci_high=0.9, p_holm=0.001)
    pair = next(f for f in findings if f.key.startswith("tone_pairwise"))
    assert pair.supported
    assert "Daily Ledger were on average more positive" in pair.text
    assert "n = 7 sentences in 2 articles vs 5 in 2 articles" in pair.text
    # cited alone, the finding says what so few articles allow (a tester's summary led with a
    # difference between outlets of 1 and 2 articles)
    assert pair.text.endswith(
        "With 2 articles and 2 articles, too few to shuffle, the test shuffled sentences, not "
        "articles: this describes these articles, not the outlets' coverage."
    )
    # shuffled as articles, a small group still describes these articles
    pair = next(
        f
        for f in findings_for(
            paired, diff_ci_low=0.2, diff_ci_high=0.9, p_holm=0.001, perm_unit="document"
        )
        if f.key.startswith("tone_pairwise")
    )
    assert pair.text.endswith(
        "With 2 articles in the smaller group, this describes these articles, not the outlets' "
        "coverage."
    )


def test_findings_content_and_evidence(sentences):
    findings = findings_for(sentences)
    keys = [f.key for f in findings]
    assert "tone_level_Daily Ledger_vader" in keys and "tone_method_sensitivity" in keys
    level = findings[keys.index("tone_level_Freedonia Post_vader")]
    assert "this article from Freedonia Post (5 sentences)" in level.text
    assert "95% CI" in level.text
    # evidence: the most positive and the most negative sentence of that outlet
    post = sentences[sentences["outlet"] == "Freedonia Post"]
    assert level.evidence[1].text == post.loc[post["compound"].idxmin(), "sentence"]
    method = findings[keys.index("tone_method_sensitivity")]
    assert "changed the score of 1 of 12 sentences" in method.text
    assert method.evidence[0].text == "Critical minerals shipments stalled."
    actor = next(f for f in findings if f.key == "actor_tone_china_vader")
    assert "not the outlet's stance" in actor.text
    assert findings == findings_for(sentences)  # deterministic


def test_the_news_variant_finding_names_pairs_only_when_there_are_groups(sentences, paired):
    text = next(f.text for f in findings_for(paired) if f.key == "tone_method_sensitivity")
    assert "the rank order of groups" in text and "of 1 pair with vader" in text
    # a group of one article is not compared: no pair to count
    text = next(f.text for f in findings_for(sentences) if f.key == "tone_method_sensitivity")
    assert "the rank order of groups" in text and "pair" not in text
    one = sentences[sentences["outlet"] == "Daily Ledger"]
    text = next(f.text for f in findings_for(one) if f.key == "tone_method_sensitivity")
    assert "Mean tone, vader → vader-news: Daily Ledger" in text
    assert "pair" not in text and "rank order" not in text


def test_the_news_variant_finding_reads_only_articles_in_english(sentences):
    """A tester's mixed folder: "changed 0 of 21 sentences" counted German ones neither method
    reads, and ranked a German outlet by the English words its text happens to spell."""
    by_group = sentiment_by_group(sentences, "outlet", n_boot=200, seed=0)
    pairwise = sentiment_pairwise(sentences, "outlet", n_boot=200, n_perm=300, seed=0)
    english = sentences["outlet"] == "Daily Ledger"  # Freedonia Post's article: another language
    actors = actor_tone(sentences, "outlet", lexicon=made_up_actors(), n_boot=100, seed=0)
    findings = sentiment_findings(
        by_group, pairwise, actors, sentences, lexicon=made_up_actors(), english=english
    )
    text = next(f.text for f in findings if f.key == "tone_method_sensitivity")
    assert f"of {int(english.sum())} sentences in English" in text
    assert "Mean tone, vader → vader-news: Daily Ledger" in text
    assert "Freedonia Post" not in text.split("Not compared:")[0]
    assert text.endswith("Not compared: Freedonia Post (mostly not in English).")


def test_level_finding_wording(sentences):
    findings = {f.key: f for f in findings_for(sentences)}
    signed = r"[+-]\d\.\d\d"
    assert re.fullmatch(
        rf"In these 2 articles from Daily Ledger \(7 sentences\), the mean sentence tone \(vader\) "
        rf"was {signed} \(95% CI {signed} to {signed}\); \d+% of sentences were positive, \d+% "
        r"neutral and \d+% negative\.",
        findings["tone_level_Daily Ledger_vader"].text,
    )


def many_group_sentences() -> pd.DataFrame:
    """Eight outlets (one by origin twice over), two articles each (a group of one article is
    not compared), tones from negative to positive in an order unlike the names' alphabetical
    order."""
    texts = {
        "Hotel": ["A terrible, disastrous failure.", "Awful losses.", "A sad day."],
        "Alpha": ["A wonderful, excellent deal.", "Great success.", "Happy traders."],
        "Golf": ["Prices stayed flat.", "The port was quiet.", "A good week."],
        "Bravo": ["A bad, painful crisis.", "Tariffs hurt.", "Quiet markets."],
        "Echo": ["A great harvest.", "Farmers were delighted.", "Flat prices."],
        "Delta": ["An unfair, cruel tariff.", "Fear spread.", "Good news too."],
        "Charlie": ["The plan works well.", "A decent deal.", "Exports fell."],
        "Foxtrot": ["A horrible loss.", "Good relief.", "Calm markets."],
    }
    rows = [
        {
            "doc_id": f"{outlet}-{1 + k // 2}",
            "outlet": outlet,
            "origin": "North" if outlet < "E" else "South",
            "sentence_id": k,
            "sentence": text,
            "n_words": len(text.split()),
        }
        for outlet, sentences in texts.items()
        for k, text in enumerate(sentences)
    ]
    return add_sentiment(pd.DataFrame(rows))


@pytest.mark.parametrize("group_col", ["outlet", "origin"])
def test_every_stated_difference_has_the_sign_of_the_order_of_its_words(group_col):
    s = many_group_sentences()
    by_group = sentiment_by_group(s, group_col, n_boot=100, seed=1)
    pairwise = sentiment_pairwise(s, group_col, n_boot=100, n_perm=100, seed=1)
    means = (
        by_group[(by_group["method"] == "vader") & (by_group["measure"] == "mean_compound")]
        .set_index(group_col)["estimate"]
        .to_dict()
    )
    actors = actor_tone(s, group_col, n_boot=50, seed=1)
    findings = sentiment_findings(by_group, pairwise, actors, s, group_col)
    pairs = [f for f in findings if f.key.startswith("tone_pairwise")]
    assert len(pairs) == len(pairwise[pairwise["method"] == "vader"]) > 0
    pattern = re.compile(r"\(difference (.+?) − (.+?) ([+-]?\d\.\d+), 95% CI ([+-]?\d\.\d+) to")
    for finding in pairs:
        first, second, diff, _low = pattern.search(finding.text).groups()
        assert float(diff) >= 0, finding.text
        assert means[first] >= means[second]
        assert float(diff) == pytest.approx(means[first] - means[second], abs=0.006)
        # The words name the groups in the same order as the number.
        assert finding.text.index(f"from {first}") < finding.text.index(f"from {second}")


def test_a_ci_that_excludes_zero_without_a_rejecting_test_is_said_in_words(paired):
    findings = findings_for(paired, diff_ci_low=0.01, diff_ci_high=0.9, p_holm=0.3)
    pair = next(f for f in findings if f.key.startswith("tone_pairwise"))
    assert not pair.supported
    assert "the 95% CI of the difference excludes zero, but the Holm-adjusted" in pair.text
    included = findings_for(paired, diff_ci_low=-0.1, diff_ci_high=0.9, p_holm=0.3)
    pair = next(f for f in included if f.key.startswith("tone_pairwise"))
    assert "the 95% CI of the difference includes zero" in pair.text


def test_actor_evidence_comes_only_from_the_groups_the_finding_reports(sentences):
    # Beijing: twice in Daily Ledger, once in Freedonia Post; with a minimum of 2 sentences the
    # finding reports Daily Ledger only, so Freedonia Post's (most negative) mention is no evidence.
    extra = {"doc_id": "L2", "outlet": "Daily Ledger", "origin": "Ruritania", "sentence_id": 3}
    extra.update(sentence="Beijing was calm.", n_words=3)
    base = sentences[["doc_id", "outlet", "origin", "sentence_id", "sentence", "n_words"]]
    s = add_sentiment(pd.concat([base, pd.DataFrame([extra])], ignore_index=True))
    by_group = sentiment_by_group(s, "outlet", n_boot=100, seed=0)
    pairwise = sentiment_pairwise(s, "outlet", n_boot=100, n_perm=100, seed=0)
    lexicon = made_up_actors()
    actors = actor_tone(s, "outlet", lexicon=lexicon, n_boot=50, seed=0)
    findings = sentiment_findings(
        by_group, pairwise, actors, s, "outlet", lexicon=lexicon, min_actor_sentences=2
    )
    china = next(f for f in findings if f.key == "actor_tone_china_vader")
    assert "Freedonia Post" not in china.text
    assert china.evidence and {ev.group for ev in china.evidence} == {"Daily Ledger"}


def test_each_finding_names_the_groups_it_describes_or_compares(sentences, paired):
    findings = {f.key: f for f in findings_for(paired)}
    assert findings["tone_level_Daily Ledger_vader"].groups == ("Daily Ledger",)
    pair = next(f for k, f in findings.items() if k.startswith("tone_pairwise"))
    assert set(pair.groups) == {"Daily Ledger", "Freedonia Post"}
    assert pair.text.index(pair.groups[0]) < pair.text.index(pair.groups[1])  # first named first
    actor = findings["actor_tone_china_vader"]
    assert actor.groups and all(g in actor.text for g in actor.groups)
    assert findings["tone_method_sensitivity"].groups == ()  # about the method, every group
    one = {f.key: f for f in findings_for(sentences[sentences["outlet"] == "Daily Ledger"])}
    assert one["tone_single_group"].groups == ()  # says there is nothing to compare


def test_each_quote_says_why_it_was_chosen_and_gives_its_score(sentences):
    # a group's mean of -0.43 quoted with a neutral sentence read as typical of it: the quote
    # is its most positive sentence, and now says so
    findings = findings_for(sentences)
    level = next(f for f in findings if f.key == "tone_level_Freedonia Post_vader")
    post = sentences[sentences["outlet"] == "Freedonia Post"]
    high, low = level.evidence
    assert post["compound"].max() == 0  # no positive sentence: the highest is not "positive"
    assert high.note == "highest-scoring sentence of Freedonia Post: vader 0.00"
    assert (
        low.note == f"most negative sentence of Freedonia Post: vader {post['compound'].min():+.2f}"
    )
    ledger = next(f for f in findings if f.key == "tone_level_Daily Ledger_vader")
    assert ledger.evidence[0].note.startswith("most positive sentence of Daily Ledger: vader +")
    method = next(f for f in findings if f.key == "tone_method_sensitivity")
    assert re.fullmatch(r"vader [+-]\d\.\d\d → vader-news [+-]\d\.\d\d", method.evidence[0].note)
    actor = next(f for f in findings if f.key == "actor_tone_china_vader")
    assert actor.evidence[0].note.startswith("most positive sentence mentioning ")


def test_a_group_of_one_sentence_is_quoted_as_its_only_sentence(sentences):
    one = sentences.groupby("outlet").head(1)  # one sentence per outlet
    level = next(f for f in findings_for(one) if f.key == "tone_level_Daily Ledger_vader")
    assert level.evidence[0] == level.evidence[1]
    assert level.evidence[0].note.startswith("the only sentence of Daily Ledger: vader ")
    assert "(1 sentence)" in level.text  # not "1 sentences"


def test_quotes_come_from_articles_in_english_first(sentences):
    from analysis.report.group_languages import in_english

    # a tester's summary quoted a German sentence ("die" read as the English word) as five
    # outlets' most negative: with the documents' languages, the quote is an English sentence
    ledger = sentences[sentences["outlet"] == "Daily Ledger"]
    lowest = ledger.loc[ledger["compound"].idxmin()]
    assert ledger["doc_id"].nunique() == 2  # the other article is in English
    documents = pd.DataFrame({"doc_id": sentences["doc_id"].unique()}).assign(language="en")
    documents.loc[documents["doc_id"] == lowest["doc_id"], "language"] = "de"
    first = in_english(documents, sentences)
    assert not first[sentences["doc_id"] == lowest["doc_id"]].any()
    by_group = sentiment_by_group(sentences, "outlet", n_boot=200, seed=0)
    pairwise = sentiment_pairwise(sentences, "outlet", n_boot=200, n_perm=300, seed=0)
    actors = actor_tone(sentences, "outlet", lexicon=made_up_actors(), n_boot=100, seed=0)
    args = (by_group, pairwise, actors, sentences, "outlet")
    plain = sentiment_findings(*args, lexicon=made_up_actors())
    english = sentiment_findings(*args, lexicon=made_up_actors(), quote_first=first)
    key = "tone_level_Daily Ledger_vader"
    assert next(f for f in plain if f.key == key).evidence[1].doc_id == lowest["doc_id"]
    assert next(f for f in english if f.key == key).evidence[1].doc_id != lowest["doc_id"]
    assert in_english(documents.drop(columns="language"), sentences).all()


def test_a_tiny_p_value_is_not_printed_as_zero() -> None:
    """A tester's summary said "Holm-adjusted permutation p = 0.000" for 0.0002."""
    from analysis.sentiment.findings import _p_text

    assert _p_text(0.00019996) == "< 0.001"
    assert _p_text(0.0005) == "= 0.001"  # rounds to 0.001, not to zero
    assert _p_text(0.404) == "= 0.404"


def _actor_finding(rows: list[tuple[str, str, str]], actor, method: str = "vader"):
    """The actor finding of sentences ``(doc_id, outlet, sentence)`` for the one ``actor``."""
    from analysis.sentiment.actors import Actor

    table = pd.DataFrame(rows, columns=["doc_id", "outlet", "sentence"])
    table["sentence_id"] = table.groupby("doc_id").cumcount()
    table["origin"] = "X"
    table["n_words"] = table["sentence"].str.split().str.len()
    s = add_sentiment(table)
    lexicon = (actor,) if isinstance(actor, Actor) else actor
    by_group = sentiment_by_group(s, "outlet", n_boot=50, seed=0)
    pairwise = sentiment_pairwise(s, "outlet", n_boot=50, n_perm=100, seed=0)
    actors = actor_tone(s, "outlet", lexicon=lexicon, n_boot=50, seed=0)
    findings = sentiment_findings(
        by_group, pairwise, actors, s, "outlet", method=method, lexicon=lexicon,
        min_actor_sentences=1,
    )  # fmt: skip
    return next(f for f in findings if f.key == f"actor_tone_{lexicon[0].key}_{method}")


def test_a_name_holding_a_word_vader_rates_is_said_to_move_the_tone() -> None:
    """A reviewer's summary gave the United States' tone from sentences each raised by
    "united" (+1.8): the finding says so, under plain VADER."""
    from analysis.sentiment.actors import Actor

    us = Actor("us", "the United States", "", ("United States", "U.S."), (), "")
    rows = [("a1", "Post", "The United States said so."), ("b1", "Ledger", "The U.S. said so.")]
    plain = _actor_finding(rows, us)
    assert "“United States” (united +1.8): the name itself raises the tone" in plain.text
    assert "U.S." not in plain.text.split("A name of the United States")[1].split(":")[0]
    assert "holds a word VADER rates" not in _actor_finding(rows, us, "vader-news").text
    court = Actor("court", "the court", "", ("Supreme Court",), (), "")
    assert "itself raises" in _actor_finding([("a1", "Post", "The Supreme Court met.")], court).text
    plain_name = Actor("ruritania", "Ruritania", "", ("Ruritania",), (), "")
    assert (
        "holds a word VADER rates"
        not in _actor_finding([("a1", "Post", "Ruritania met.")], plain_name).text
    )


def test_an_actor_mentioned_mostly_in_one_article_of_a_group_is_said_to_be(sentences) -> None:
    """A reviewer's "Flynn: +0.07 (n = 189 sentences, 2 articles)" was one profile's 187."""
    from analysis.sentiment.actors import Actor

    flynn = Actor("flynn", "Flynn", "", ("Flynn",), (), "")
    rows = [("p1", "Post", f"Flynn spoke {i} times.") for i in range(7)]
    rows += [
        ("p2", "Post", "Flynn left."),
        ("l1", "Ledger", "Flynn came."),
        ("l2", "Ledger", "Flynn went."),
    ]
    text = _actor_finding(rows, flynn).text
    assert "Mostly one article's sentences: Post, 7 of the 8 in article p1" in text
    assert "Ledger," not in text.split("Mostly one article's sentences:")[1]
    even = [("p1", "Post", "Flynn spoke."), ("p2", "Post", "Flynn left.")]
    assert "Mostly one article" not in _actor_finding(even, flynn).text


def _all_findings(rows: list[tuple[str, str, str]], lexicon: tuple) -> list:
    """Every finding of sentences ``(doc_id, outlet, sentence)`` with the actors ``lexicon``."""
    table = pd.DataFrame(rows, columns=["doc_id", "outlet", "sentence"])
    table["sentence_id"] = table.groupby("doc_id").cumcount()
    table["origin"], table["n_words"] = "X", 3
    s = add_sentiment(table)
    return sentiment_findings(
        sentiment_by_group(s, "outlet", n_boot=50, seed=0),
        sentiment_pairwise(s, "outlet", n_boot=50, n_perm=100, seed=0),
        actor_tone(s, "outlet", lexicon=lexicon, n_boot=50, seed=0),
        s, "outlet", lexicon=lexicon, min_actor_sentences=1,
    )  # fmt: skip


def test_a_group_tone_resting_mostly_on_one_article_is_said_to() -> None:
    """A QA tester's outlet of three articles took 1,841 of its 1,902 sentences from one joined
    export, and its tone finding did not say so; an actor mentioned in one article only of a
    group of several is said too (a fact-checker's "Robert Mueller": all 9 in one)."""
    from analysis.sentiment.actors import Actor

    mueller = Actor("mueller", "Robert Mueller", "", ("Mueller",), (), "")
    rows = [("p1", "Post", f"Mueller spoke {i} times.") for i in range(7)]
    rows += [("p2", "Post", "The talks ended."), ("l1", "Ledger", "Rain fell."),
             ("l2", "Ledger", "Mueller went.")]  # fmt: skip
    finding = _actor_finding(rows, mueller)
    assert "Mostly one article's sentences: Post, all 7 in article p1" in finding.text
    findings = _all_findings(rows, (mueller,))
    post = next(f for f in findings if f.key == "tone_level_Post_vader")
    assert "Mostly one article's sentences: Post, 7 of the 8 in article p1" in post.text
    ledger = next(f for f in findings if f.key == "tone_level_Ledger_vader")
    assert "Mostly one article" not in ledger.text


def test_an_actor_the_figure_leaves_out_does_not_cite_it() -> None:
    """A fact-checker's Twitter finding cited the actor figure, which drew 12 other actors."""
    from analysis.sentiment.actors import Actor
    from analysis.sentiment.plots import MAX_ACTORS_SHOWN

    names = [f"Zorb{chr(65 + i)}" for i in range(MAX_ACTORS_SHOWN + 1)]
    lexicon = tuple(Actor(n.lower(), n, "", (n,), (), "") for n in names)
    rows = [("p1", "Post", f"{n} spoke twice.") for n in names[:-1] for _ in range(2)]
    rows += [("p2", "Post", f"{names[-1]} spoke.")]  # the least mentioned: not drawn
    findings = _all_findings(rows, lexicon)
    left = next(f for f in findings if f.key == f"actor_tone_{names[-1].lower()}_vader")
    assert left.figures == () and "It is not drawn in the actor figure" in left.text
    drawn = next(f for f in findings if f.key == f"actor_tone_{names[0].lower()}_vader")
    assert drawn.figures == ("fig04_actor_tone",) and "not drawn" not in drawn.text


WIRE_STORY = [
    "Beijing warned of a painful, disastrous crisis.",
    "Traders were delighted and relieved.",
    "The port was quiet.",
    "Beijing said the talks went on.",
]


def wire_copy_sentences() -> pd.DataFrame:
    """Three outlets: Agency's story run word for word by Post (wire copy), and Gazette's own
    article."""
    texts = {
        ("A1", "Agency"): WIRE_STORY,
        ("P1", "Post"): WIRE_STORY,
        ("G1", "Gazette"): ["Farmers celebrated a great harvest.", "Exporters fear losses."],
    }
    rows = [
        {
            "doc_id": doc,
            "outlet": outlet,
            "origin": "North",
            "sentence_id": k,
            "sentence": text,
            "n_words": len(text.split()),
        }
        for (doc, outlet), sentences in texts.items()
        for k, text in enumerate(sentences)
    ]
    return add_sentiment(pd.DataFrame(rows))


def test_an_extreme_several_groups_ran_word_for_word_names_them_all_once():
    """A tester's wire copy: one Reuters sentence was quoted as the most negative of four
    outlets, each as if its own, and nothing said it was one sentence they all ran."""
    from analysis.report.findings_markdown import findings_markdown

    findings = {f.key: f for f in findings_for(wire_copy_sentences())}
    agency = findings["tone_level_Agency_vader"].evidence
    post = findings["tone_level_Post_vader"].evidence
    assert agency[1].text == post[1].text == WIRE_STORY[0]
    assert agency[1].note.startswith(
        "most negative sentence of each of Agency and Post, which all ran it: vader -"
    )
    assert agency[0].note.startswith("most positive sentence of each of Agency and Post, ")
    assert post[1].note.startswith("most negative sentence of Post: vader -")  # its own
    gazette = findings["tone_level_Gazette_vader"].evidence
    assert gazette[1].note.startswith("most negative sentence of Gazette: vader -")
    text = findings_markdown(list(findings.values()))
    assert text.count(WIRE_STORY[0]) == 1  # quoted once, under Agency
    assert (
        "  > Quoted above, the same sentence as `A1` sentence 0: `P1` sentence 0 (most negative "
        "sentence of Post: vader -"
    ) in text


def test_an_actor_figure_several_groups_ran_word_for_word_is_said_to_be_one():
    """A tester's wire copy gave three outlets "-0.48 (n = 5 sentences, 2 articles)" around
    Georgia, the same five sentences in each, never said to be one measurement."""
    actor = next(
        f for f in findings_for(wire_copy_sentences()) if f.key == "actor_tone_china_vader"
    )
    assert (
        "The figures of Agency and Post rest on the same 2 sentences in each, word for word: "
        "one measurement repeated, not 2 independent ones. Groups with fewer than"
    ) in actor.text
    # sentences of the group's own, or fewer of them, are not the same figure
    own = wire_copy_sentences()
    own.loc[(own["doc_id"] == "P1") & (own["sentence_id"] == 3), "sentence"] = "Beijing waited."
    actor = next(f for f in findings_for(own) if f.key == "actor_tone_china_vader")
    assert "word for word" not in actor.text
    one = wire_copy_sentences()
    one = one[(one["doc_id"] != "P1") | (one["sentence_id"] != 3)]
    actor = next(f for f in findings_for(one) if f.key == "actor_tone_china_vader")
    assert "n = 1 sentence" in actor.text and "word for word" not in actor.text


def test_the_actor_finding_names_the_grouping_whose_stance_it_is_not(sentences):
    """A tester's lean run read "not the outlet's stance towards Donald Trump" while Figure 4's
    caption said "the lean's"."""
    by_lean = sentences.assign(lean=sentences["outlet"].map(lambda o: f"lean of {o}"))
    findings = sentiment_findings(
        sentiment_by_group(by_lean, "lean", n_boot=100, seed=0),
        sentiment_pairwise(by_lean, "lean", n_boot=100, n_perm=100, seed=0),
        actor_tone(by_lean, "lean", lexicon=made_up_actors(), n_boot=100, seed=0),
        by_lean,
        "lean",
        lexicon=made_up_actors(),
        min_actor_sentences=1,
    )
    actor = next(f for f in findings if f.key == "actor_tone_china_vader")
    assert "not the lean's stance towards" in actor.text and "outlet's" not in actor.text


def test_a_group_of_one_article_is_described_not_compared(sentences, paired):
    # an interval from one article's sentences describes that article only, yet Freedonia
    # Post's one article was compared with Daily Ledger like any group
    pairwise = sentiment_pairwise(sentences, "outlet", n_boot=100, n_perm=100, seed=0)
    assert set(pairwise["note"]) == {"Freedonia Post has one article: described, not compared"}
    findings = {f.key: f for f in findings_for(sentences)}
    assert not any(key.startswith("tone_pairwise") for key in findings)
    assert "tone_level_Freedonia Post_vader" in findings  # still described
    note = findings["tone_one_article_vader"]
    assert note.groups == ("Freedonia Post",)
    assert note.text.startswith(
        "Freedonia Post has one article: described, not compared with the other outlets in "
        "tone (vader)"
    )
    # two articles: compared, and no such note
    findings = {f.key: f for f in findings_for(paired)}
    assert any(key.startswith("tone_pairwise") for key in findings)
    assert not any(key.startswith("tone_one_article") for key in findings)
    pairwise = sentiment_pairwise(paired, "outlet", n_boot=100, n_perm=100, seed=0)
    assert set(pairwise["note"]) == {""}


def test_clear_pairs_are_counted_among_the_compared_pairs_only(paired):
    # a third outlet of one article: its two pairs are not compared, so a clear difference of
    # theirs is not counted ("3 of 1 pair" before)
    extra = paired[paired["doc_id"] == "P1"].assign(outlet="Third Courier", doc_id="T1")
    three = pd.concat([paired, extra], ignore_index=True)
    text = next(
        f.text
        for f in findings_for(three, diff_ci_low=0.2, diff_ci_high=0.9, p_holm=0.001)
        if f.key == "tone_method_sensitivity"
    )
    assert "Clear pairwise differences: 1 of 1 pair with vader, 1 with vader-news." in text


def test_sentences_in_capitals_are_counted_by_group(sentences):
    """A headline set in capitals is scored as if in lower case (column ``all_caps``); the
    findings say how many there were, by group, and nothing when there were none."""
    assert not any(f.key == "tone_capitals" for f in findings_for(sentences))
    first = sentences.groupby("doc_id").head(1).index[:2]
    shouted = sentences.copy()
    shouted.loc[first, "sentence"] = shouted.loc[first, "sentence"].str.upper()
    shouted = add_sentiment(shouted)
    assert shouted["all_caps"].sum() == 2
    found = next(f for f in findings_for(shouted) if f.key == "tone_capitals")
    groups = shouted.loc[first, "outlet"].value_counts()
    assert found.text.startswith(f"2 sentences of {len(shouted)} ")
    for group, n in groups.items():
        assert f"{group} {n}" in found.text
    assert "column all_caps of sentences.csv" in found.text


def test_finding_texts_hold_no_backticks(sentences):
    # a finding's text is escaped as a whole when rendered (it names groups from the corpus), so
    # a code span in it showed as \`sentiment_pairwise.csv\` in a tester's summary
    assert all("`" not in f.text for f in findings_for(sentences))


def test_a_surname_two_full_names_share_is_said_to_be_either_s() -> None:
    """A tester's summary reported "Mean tone of sentences mentioning Delgado" as if about one
    person, where Maria Delgado, the mayor, and Tomás Delgado, a union's president, both were."""
    from analysis.sentiment.actors import DISCOVERED, Actor

    rows = [("a1", "Post", "Delgado praised the plan."), ("b1", "Ledger", "Delgado left.")]
    shared = Actor(
        "delgado", "Delgado", "other", (), ("Delgado",), DISCOVERED, (),
        ("Maria Delgado", "Tomás Delgado"),
    )  # fmt: skip
    text = _actor_finding(rows, shared).text
    assert (
        "Delgado is the surname of Maria Delgado and Tomás Delgado in these articles: its "
        "sentences may be about either." in text
    )
    three = dataclasses.replace(shared, surname_of=("Ana Delgado", *shared.surname_of))
    assert "Ana Delgado, Maria Delgado and Tomás Delgado" in _actor_finding(rows, three).text
    assert "may be about any of them" in _actor_finding(rows, three).text
    alone = dataclasses.replace(shared, surname_of=())
    assert "is the surname of" not in _actor_finding(rows, alone).text
