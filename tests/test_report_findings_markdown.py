"""analysis.report.findings_markdown: findings as Markdown, in the summary and in notebooks."""

from __future__ import annotations

import pytest

from analysis.report.findings import Evidence, Finding
from analysis.report.findings_markdown import (
    MAX_EVIDENCE,
    findings_lines,
    findings_markdown,
    nested_quotation,
    show_findings,
)

EVIDENCE = tuple(
    Evidence(f"doc-{k}", k, "<i>Gazette</i>", f"Sentence {k} with [a](javascript:x).")
    for k in range(MAX_EVIDENCE + 1)
)
FINDINGS = [
    Finding("extra", "weather", "An unregistered section comes last."),
    Finding("frames_a", "frames", "Frames come after tone.", figures=("fig07",)),
    Finding("tone_none", "tone", "No clear difference in tone.", supported=False),
    Finding("tone_level", "tone", "Gazette's *tone* was +0.10.", EVIDENCE, ("fig02", "fig05")),
]


def test_sections_in_fixed_order_supported_findings_first():
    text = findings_markdown(FINDINGS)
    headings = [line for line in text.splitlines() if line.startswith("### ")]
    assert headings == ["### Tone", "### Frames", "### Weather"]
    tone = text.split("### Tone")[1].split("### Frames")[0]
    supported, unclear = tone.split("**No clear difference**")
    assert "- Gazette's \\*tone\\* was +0.10." in supported
    assert "No clear difference in tone." in unclear and "Gazette" not in unclear


def test_evidence_is_quoted_escaped_and_capped():
    text = findings_markdown(FINDINGS)
    quote = (
        "  > “Sentence 0 with \\[a\\](javascript:x).” — &lt;i&gt;Gazette&lt;/i&gt;, "
        "`doc-0` sentence 0"
    )
    assert quote in text.splitlines()
    assert f"`doc-{MAX_EVIDENCE - 1}`" in text and f"`doc-{MAX_EVIDENCE}`" not in text


def test_figure_links_only_for_numbered_figures():
    assert "(see " not in findings_markdown(FINDINGS)  # a notebook has no figure numbers
    lines = findings_lines(FINDINGS, {"fig02": 2, "fig07": 7})
    assert "- Gazette's \\*tone\\* was +0.10. (see [Figure 2](#figure-2))" in lines
    assert "- Frames come after tone. (see [Figure 7](#figure-7))" in lines


def test_no_findings_give_no_lines():
    assert findings_lines([]) == []


def test_show_findings_displays_the_same_markdown(monkeypatch: pytest.MonkeyPatch):
    import IPython.display

    shown = []
    monkeypatch.setattr(IPython.display, "display", shown.append)
    show_findings(FINDINGS)
    show_findings([])
    noted = [Finding("tone_a", "tone", "A's tone.", groups=("A",))]
    show_findings(noted, {"A": "1 of the 1 article from A (`de` 1)"})
    assert all(isinstance(obj, IPython.display.Markdown) for obj in shown)
    assert [obj.data for obj in shown[:2]] == [findings_markdown(FINDINGS), "No findings."]
    assert "**Not in English:** 1 of the 1 article from A (`de` 1)." in shown[2].data


def test_a_sentence_is_quoted_at_most_once_per_list():
    shared = Evidence("doc-1", 4, "Gazette", "The same sentence.")
    findings = [
        Finding("tone_a", "tone", "First.", (shared,)),
        Finding(
            "tone_b",
            "tone",
            "Second.",
            (shared, Evidence("doc-2", 0, "Post", "Other.")),
            extremes=True,
        ),
        Finding("tone_c", "tone", "Examples.", (shared, Evidence("doc-3", 0, "Post", "More."))),
        Finding("frames_a", "frames", "Third.", (shared,)),
    ]
    text = findings_markdown(findings)
    assert text.count("The same sentence.") == 1
    assert text.count("Other.") == 1
    # where it would stand again, it is named: a fact-checker found an actor's only quote its
    # most positive sentence under a negative mean, the most negative quoted above unsaid
    assert text.count("  > Quoted above: `doc-1` sentence 4.") == 1  # beside "Other.", once


def test_each_no_clear_difference_heading_names_the_rule_of_its_section():
    findings = [
        Finding("tone_x", "tone", "No clear difference in tone.", supported=False),
        Finding("frames_x", "frames", "Overlapping.", supported=False),
        Finding("vocabulary_x", "vocabulary", "No word.", supported=False),
    ]
    text = findings_markdown(findings)
    tone, frames, vocabulary = text.split("### ")[1:]
    assert "Holm-adjusted permutation p" in tone and "intervals" not in tone
    assert "intervals overlap even for the two groups furthest apart" in frames
    assert "Holm" not in frames
    assert "z-score above 1.96" in vocabulary


def test_a_quote_from_other_names_its_own_group():
    pooled = Evidence("doc-9", 2, "Other (pooled)", "Pooled.")
    own = Evidence("doc-1", 0, "Gazette", "Own.")
    lines = findings_lines(
        [Finding("tone_a", "tone", "Tone.", (pooled, own))],
        doc_groups={"doc-9": "Small Weekly", "doc-1": "Ignored"},
    )
    assert "  > “Pooled.” — Small Weekly (pooled), `doc-9` sentence 2" in lines
    assert "  > “Own.” — Gazette, `doc-1` sentence 0" in lines
    plain = findings_lines([Finding("tone_a", "tone", "Tone.", (pooled,))])
    assert "  > “Pooled.” — Other (pooled), `doc-9` sentence 2" in plain


def test_a_finding_naming_a_group_mostly_not_in_english_says_so():
    findings = [
        Finding("tone_level_A", "tone", "A's tone.", figures=("fig02",), groups=("A",)),
        Finding("tone_level_B", "tone", "B's tone.", groups=("B",)),
        Finding("vocabulary_A", "vocabulary", "A's words.", groups=("A",)),
    ]
    notes = {"A": "2 of the 2 articles from A (`pt` 2)"}
    text = "\n".join(findings_lines(findings, {"fig02": 2}, group_notes=notes))
    a_line = next(line for line in text.splitlines() if line.startswith("- A's tone."))
    assert a_line.startswith("- A's tone. **Not in English:** 2 of the 2 articles from A")
    assert a_line.endswith("(see [Figure 2](#figure-2))")  # the figure link stays last
    assert "- B's tone.\n" in text + "\n" and text.count("**Not in English:**") == 2
    assert "stand out by their language" in text
    assert "Not in English" not in findings_markdown(findings)  # no notes given, none written


def test_a_finding_about_or_against_the_pool_says_what_it_pools():
    # a tester's summary listed "Al Jazeera English more positive than Other (pooled)" among
    # the clear differences, the pool being three outlets' one article each
    findings = [
        Finding("tone_pair", "tone", "A above the pool.", groups=("A", "Other (pooled)")),
        Finding("tone_level_A", "tone", "A's tone.", groups=("A",)),
        Finding("hedges", "hedging", "Every group's rate.", groups=("A", "B", "Other (pooled)")),
    ]
    note = "**Pooled:** the mix of B and C."
    text = "\n".join(findings_lines(findings, pooled_note=note))
    assert "- A above the pool. **Pooled:** the mix of B and C." in text
    assert "- A's tone.\n" in text + "\n"  # not about the pool
    assert "- Every group's rate.\n" in text + "\n"  # lists every group: its figures stand
    assert "Pooled" not in "\n".join(findings_lines(findings))  # no note given, none written
    # given in full once, then referred to: a QA tester's 53 pooled names stood 26 times
    again = [*findings, Finding("frames_x", "frames", "A vs the pool.", groups=("Other (pooled)",))]
    text = "\n".join(findings_lines(again, pooled_note=note))
    assert text.count("the mix of B and C") == 1
    assert "- A vs the pool. **Pooled:** “Other (pooled)” is several groups together, named" in text


def test_a_clear_finding_about_a_group_mostly_not_in_english_is_listed_as_not_measured():
    findings = [
        Finding("tone_pair_A_B", "tone", "A is more negative than B.", groups=("A", "B")),
        Finding("tone_pair_B_C", "tone", "B is more positive than C.", groups=("B", "C")),
        Finding("tone_pair_B_D", "tone", "B and D differ little.", supported=False, groups=("B",)),
        Finding("vocabulary_A", "vocabulary", "A's words.", groups=("A",)),
        Finding("hedging_all", "hedging", "Hedges: A 1, B 2, C 3.", groups=("A", "B", "C")),
    ]
    notes = {"A": "2 of the 2 articles from A (`de` 2)"}
    lines = findings_lines(findings, group_notes=notes)
    text = "\n".join(lines)
    heading = next(i for i, line in enumerate(lines) if line.startswith("**Not measured**"))
    a_line = next(i for i, line in enumerate(lines) if line.startswith("- A is more negative"))
    b_line = next(i for i, line in enumerate(lines) if line.startswith("- B is more positive"))
    none = next(i for i, line in enumerate(lines) if line.startswith("**No clear difference**"))
    # the clear finding with B and C first, then the unclear one, then A's under "Not measured"
    assert b_line < none < heading < a_line
    assert "mostly not in English" in lines[heading]
    # a vocabulary finding reads no lexicon: it stays a finding, with its own note
    vocabulary = text[text.index("### Vocabulary") : text.index("### Hedging")]
    assert vocabulary.startswith("### Vocabulary (keyness)\n\n- A's words.")
    assert "**Not measured**" not in vocabulary
    # a finding that lists every group keeps its place (the others' figures are measured)
    hedging = text[text.index("### Hedging") :]
    assert hedging.startswith("### Hedging and certainty\n\n- Hedges: A 1, B 2, C 3.")
    assert "**Not measured**" not in hedging
    # without notes nothing moves
    assert "**Not measured**" not in "\n".join(findings_lines(findings))


@pytest.mark.parametrize(
    ("sentence", "nested"),
    [
        ("“It’s a disaster,” said one café owner.", "‘It’s a disaster,’ said one café owner."),
        ('"It\'s a disaster," he said ("really").', "‘It's a disaster,’ he said (‘really’)."),
        ('He said: "no" — "never".', "He said: ‘no’ — ‘never’."),
        ("The council met.", "The council met."),
        # spaced on both sides (an export without commas): no direction, so no curly mark
        ('Talks on the peninsula " Rhodes said.', "Talks on the peninsula ' Rhodes said."),
    ],
)
def test_a_quotation_in_a_quoted_sentence_is_nested_in_single_marks(
    sentence: str, nested: str
) -> None:
    assert nested_quotation(sentence) == nested


def test_evidence_that_opens_with_a_quotation_opens_with_one_mark() -> None:
    ev = Evidence("d1", 4, "Gazette", "“It’s a disaster,” said one café owner.")
    text = findings_markdown([Finding("tone_level", "tone", "Tone.", (ev,))])
    assert "  > “‘It’s a disaster,’ said one café owner.” — Gazette, `d1` sentence 4" in text
    assert "““" not in text


def test_a_quote_with_a_note_gives_it_after_its_place_escaped() -> None:
    ev = Evidence(
        "d1", 3, "Gazette", "Talks go on.", "most positive sentence of <b>G</b>: vader +0.00"
    )
    text = findings_markdown([Finding("tone_level", "tone", "Tone.", (ev,))])
    line = (
        "  > “Talks go on.” — Gazette, `d1` sentence 3 "
        "(most positive sentence of &lt;b&gt;G&lt;/b&gt;: vader +0.00)"
    )
    assert line in text.splitlines()


def test_many_comparisons_without_difference_are_listed_up_to_a_cap_then_named():
    """A tester's 16 sources gave 28 tone pairs without a clear difference, each a bullet."""
    from analysis.report.findings_markdown import MAX_NO_DIFFERENCE

    pairs = [(f"Outlet {i}", f"Outlet {j}") for i in range(8) for j in range(i + 1, 8)]
    findings = [
        Finding(f"tone_pair_{a}_{b}", "tone", f"No clear difference between {a} and {b}.",
                supported=False, groups=(a, b))
        for a, b in pairs
    ]  # fmt: skip
    text = findings_markdown(findings)
    listed = [
        line for line in text.splitlines() if line.startswith("- No clear difference between")
    ]
    assert len(listed) == MAX_NO_DIFFERENCE
    rest = len(pairs) - MAX_NO_DIFFERENCE
    assert f"- No clear difference either in {rest} more comparisons" in text
    assert "Outlet 6 and Outlet 7." in text  # the last pair, named
    few = findings_markdown(findings[:MAX_NO_DIFFERENCE])
    assert "either in" not in few


def test_a_german_quotation_nests_in_german_single_marks():
    assert nested_quotation("Das Motto „Take C.A.R.E“ gilt.") == "Das Motto ‚Take C.A.R.E‘ gilt."


def test_the_same_words_from_another_article_are_quoted_once_and_named_with_their_article():
    """A tester's wire copy: four outlets' findings each quoted the same Reuters sentence from
    their own copy, as if each had written it."""
    first = Evidence("cl-1", 1, "Ledger", "Insured  losses could reach $12 billion.", "low")
    copy = Evidence("gr-1", 1, "Globe", "Insured losses could reach $12 billion.", "low Globe")
    own = Evidence("gr-1", 0, "Globe", "Own words.", "high Globe")
    findings = [
        Finding("tone_a", "tone", "Ledger.", (first,), extremes=True),
        Finding("tone_b", "tone", "Globe.", (own, copy), extremes=True),
        Finding("tone_c", "tone", "Examples.", (copy,)),  # not a pair of extremes: left out
        Finding("tone_d", "tone", "Globe again.", (copy,), extremes=True),
    ]
    text = findings_markdown(findings)
    assert text.count("could reach $12 billion") == 1
    named = (
        "  > Quoted above, the same sentence as `cl-1` sentence 1: `gr-1` sentence 1 (low Globe)."
    )
    assert text.count(named) == 1  # beside Globe's own quote
    # named once; the sentence itself, once named, is left out as a quoted one is
    assert text.count("  > Quoted above: `gr-1` sentence 1 (low Globe).") == 0
    assert "Examples.\n\n- Globe again." in text  # every quote stands above: none named
    # examples (not a pair of extremes) name the same words of another article too: a group's
    # evidence is not lost, nor read as its own writing
    examples = findings_markdown([findings[0], findings[2]])
    assert examples.endswith("- Examples.\n\n" + named + "\n")


def test_comparisons_of_periods_name_them_in_time_order():
    from analysis.report.findings_markdown import MAX_NO_DIFFERENCE

    pairs = [("2025-06", "2025-02")] * (MAX_NO_DIFFERENCE + 1) + [("Post", "Gazette")]
    findings = [
        Finding(f"tone_pair_{k}", "tone", f"No clear difference between {a} and {b}.",
                supported=False, groups=(a, b))
        for k, (a, b) in enumerate(pairs)
    ]  # fmt: skip
    text = findings_markdown(findings)
    rest = next(line for line in text.splitlines() if "more comparisons" in line)
    assert "2025-02 and 2025-06" in rest and "2025-06 and 2025-02" not in rest
    assert "Post and Gazette" in rest  # other groups as the comparison names them
