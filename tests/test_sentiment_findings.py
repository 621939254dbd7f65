"""analysis.sentiment.findings: the tone tables put into sentences, with evidence."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from sentiment_sentences import made_up_actors, sentence_table

from analysis.sentiment.findings import sentiment_findings
from analysis.sentiment.tables import actor_tone, sentiment_by_group, sentiment_pairwise


@pytest.fixture(scope="module")
def sentences() -> pd.DataFrame:
    return sentence_table()


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


def test_findings_never_call_an_uncertain_gap_a_difference(sentences):
    findings = findings_for(sentences, diff_ci_low=-0.1, diff_ci_high=0.9, p_holm=0.01)
    pair = next(f for f in findings if f.key.startswith("tone_pairwise"))
    assert not pair.supported
    assert pair.text.startswith("No clear difference")
    assert "more positive" not in pair.text


def test_findings_state_a_clear_difference(sentences):
    findings = findings_for(sentences, diff_ci_low=0.2, diff_ci_high=0.9, p_holm=0.001)
    pair = next(f for f in findings if f.key.startswith("tone_pairwise"))
    assert pair.supported
    assert "Daily Ledger were on average more positive" in pair.text
    assert "n = 7 sentences in 2 article(s)" in pair.text


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


def test_level_finding_wording(sentences):
    findings = {f.key: f for f in findings_for(sentences)}
    signed = r"[+-]\d\.\d\d"
    assert re.fullmatch(
        rf"In these 2 articles from Daily Ledger \(7 sentences\), the mean sentence tone \(vader\) "
        rf"was {signed} \(95% CI {signed} to {signed}\); \d+% of sentences were positive, \d+% "
        r"neutral and \d+% negative\.",
        findings["tone_level_Daily Ledger_vader"].text,
    )
