"""A list of findings as Markdown: the summary's key findings, and a notebook's display of them.

Findings are grouped by section (tone, actors, frames, ...) in a fixed order; within a section the
supported ones come first and those whose interval includes zero follow under a "No clear
difference" heading, so a reader never takes one for the other. Each finding is a list item with up
to :data:`MAX_EVIDENCE` quoted sentences, each with its document id and sentence number; a sentence
already quoted earlier in the same list is not quoted again, nor are its words from another article
(wire copy several outlets ran: :func:`analysis.report.quotes.same_text`), and a quotation within a
quoted sentence is nested in single marks (:func:`nested_quotation`). The "No clear difference"
heading of each section names the rule its verdicts rest on. A finding of a lexicon's section (all
but vocabulary) that describes or compares a group whose articles are mostly not in English (one
such group, or a pair with one) comes last, under "Not measured": the English lexicons read such a
group's words as English ones, so its tone, frames or hedges are not its coverage, and a "clear"
difference with it is not one. The summary (:mod:`analysis.report.summary`) and the notebooks
(:func:`show_findings`) render findings with this one function, so they read the same everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from analysis.figures import OTHER_LABEL, pooled_group_name
from analysis.report.findings import Evidence, Finding
from analysis.report.group_languages import findings_note
from analysis.report.html import escape_code, escape_text
from analysis.report.quotes import same_text

SECTION_TITLES = {
    "tone": "Tone",
    "actors": "Actors",
    "frames": "Frames",
    "vocabulary": "Vocabulary (keyness)",
    "sourcing": "Sourcing and attribution",
    "hedging": "Hedging and certainty",
}
MAX_EVIDENCE = 3
# "No clear difference" findings listed in full per section; the rest are named in one bullet
# (a tester's 16 sources gave 28 pairs of tone alone, and a summary of 15,000 words)
MAX_NO_DIFFERENCE = 8
# The rule each section's "No clear difference" verdicts rest on, named in its heading.
NO_DIFFERENCE_RULES = {
    "tone": "the 95% CI of the difference includes zero, or the Holm-adjusted permutation p is "
    "not below 0.05",
    "vocabulary": "no word has a keyness z-score above 1.96",
}
# Why the findings about a group mostly not in English are listed apart, under "Not measured".
NOT_MEASURED_RULE = (
    "a group whose articles are mostly not in English: the English lexicons read its words as "
    "English ones, so these are listed, not reported as findings or differences"
)
OVERLAP_RULE = (
    "the 95% intervals overlap even for the two groups furthest apart; a share or rate of 0 "
    "counts with its rule-of-three bound"
)


# the pool's note after its first use (the first names every group it pools)
POOLED_AGAIN = (
    f"**Pooled:** “{OTHER_LABEL}” is several groups together, named at its first mention above: "
    "this describes their mix, none of them alone."
)


def section_order(findings: Sequence[Finding]) -> list[str]:
    """The sections of ``findings`` in the order they are listed: the known sections in the
    order of :data:`SECTION_TITLES`, then any other by name."""
    present = {f.section for f in findings}
    known = [s for s in SECTION_TITLES if s in present]
    return known + sorted(present - set(SECTION_TITLES))


def findings_lines(
    findings: Sequence[Finding],
    figure_numbers: Mapping[str, int] | None = None,
    section_end: Mapping[str, Sequence[str]] | None = None,
    doc_groups: Mapping[str, str] | None = None,
    group_notes: Mapping[str, str] | None = None,
    pooled_note: str = "",
    partial_notes: Mapping[str, str] | None = None,
    doc_outlets: Mapping[str, str] | None = None,
) -> list[str]:
    """The findings as Markdown lines, one ``###`` heading per section.

    ``figure_numbers`` (figure stem → number in the summary) adds "(see Figure n)" links to the
    figures a finding refers to; without it (in a notebook) there are none. ``section_end``
    (section → Markdown lines) closes a section with those lines: the summary places each
    figure there, under the findings it supports. ``doc_groups`` (doc_id → group) names the
    group of a quote from "Other" (groups pooled because the palette has too few colours:
    :func:`analysis.selection.folded_groups`): "CNN (pooled)". Corpus text is escaped
    (:func:`analysis.report.html.escape_text`). ``group_notes`` (group → note, Markdown:
    :func:`analysis.report.group_languages.language_notes`) closes each finding that names a
    noted group with a sentence saying that group's articles are mostly not in English.
    ``pooled_note`` (Markdown) closes each finding about, or comparing with, the pool of the
    groups without a colour (:data:`~analysis.figures.OTHER_LABEL`): a tester's summary listed
    "Al Jazeera English more positive than Other (pooled)" among the clear differences, the pool
    being three outlets' one article each. ``partial_notes`` (group → note:
    :func:`analysis.report.group_languages.partial_language_notes`) closes each finding naming a
    group some of whose articles are not in English. ``doc_outlets`` (doc_id → outlet, under a
    grouping other than outlet) names a quote's outlet beside its group: "— right (Washington
    Examiner)" (a tester's quotes read "— right", the outlet said nowhere).
    """
    numbers = figure_numbers or {}
    partial = partial_notes or {}
    notes = group_notes or {}
    ends = section_end or {}
    lines: list[str] = []
    # a sentence is quoted at most once, and so is its text: the same words in another article
    # (wire copy several outlets ran) are named where they stand (text → where first quoted)
    quoted: dict[tuple[str, int] | str, str] = {}
    groups = doc_groups or {}

    pooled_said: list[bool] = []  # the pool's note is given in full once, then referred to

    def lines_of(finding: Finding) -> list[str]:
        pooled = pooled_note
        if pooled_note and OTHER_LABEL in finding.groups and len(finding.groups) <= 2:
            # a QA tester's summary of 60 outlets repeated the pool's 53 names 26 times
            pooled = POOLED_AGAIN if pooled_said else pooled_note
            pooled_said.append(True)
        return _finding_lines(
            finding, numbers, quoted, groups, notes, pooled, partial, doc_outlets or {}
        )

    for section in section_order(findings):
        part = [f for f in findings if f.section == section]
        if not part:
            continue
        lines += [f"### {SECTION_TITLES.get(section, escape_text(section.title()))}", ""]
        unread_flags = [_names_an_unread_group(f, notes) for f in part]
        unread = [f for f, flag in zip(part, unread_flags, strict=True) if flag]
        part = [f for f, flag in zip(part, unread_flags, strict=True) if not flag]
        supported = [f for f in part if f.supported]
        unsupported = [f for f in part if not f.supported]
        for finding in supported:
            lines += lines_of(finding)
        if unsupported:
            rule = NO_DIFFERENCE_RULES.get(section, OVERLAP_RULE)
            lines += [
                f"**No clear difference** ({rule}; these are not reported as differences):",
                "",
            ]
            for finding in unsupported[:MAX_NO_DIFFERENCE]:
                lines += lines_of(finding)
            lines += _more_without_difference(unsupported[MAX_NO_DIFFERENCE:])
        if unread:
            lines += [f"**Not measured** ({NOT_MEASURED_RULE}):", ""]
            for finding in unread:
                lines += lines_of(finding)
        lines += list(ends.get(section, ()))
    return lines


def _more_without_difference(rest: Sequence[Finding]) -> list[str]:
    """One bullet naming the "No clear difference" findings past :data:`MAX_NO_DIFFERENCE` by
    the groups each compares (their numbers are in the tables and the notebooks), or none."""
    if not rest:
        return []
    named = [
        " and ".join(escape_text(g) for g in _in_time_order(f.groups))
        if f.groups
        else escape_text(f.key)
        for f in rest
    ]
    return [
        f"- No clear difference either in {len(rest)} more comparisons, listed with their "
        f"numbers in the tables and the notebooks: {'; '.join(named)}.",
        "",
    ]


def _in_time_order(groups: Sequence[str]) -> list[str]:
    """``groups`` in time order when they are periods (2025-02 and 2025-06, not 2025-06 and
    2025-02), else as given."""
    from analysis.corpus.periods import are_periods

    return sorted(groups) if are_periods(groups) else list(groups)


def _names_an_unread_group(finding: Finding, notes: Mapping[str, str]) -> bool:
    """Does ``finding`` rest on a lexicon (any section but vocabulary) and describe one group,
    or compare two, of which one is mostly not in English (a key of ``notes``)? A finding that
    lists every group (quotation shares, hedge rates) stays where it is, with its note: the
    other groups' figures in it are measured."""
    return (
        finding.section != "vocabulary"
        and len(finding.groups) <= 2
        and any(g in notes for g in finding.groups)
    )


def _finding_lines(
    finding: Finding,
    numbers: Mapping[str, int],
    quoted: dict[tuple[str, int] | str, str],
    doc_groups: Mapping[str, str],
    group_notes: Mapping[str, str],
    pooled_note: str = "",
    partial_notes: Mapping[str, str] | None = None,
    doc_outlets: Mapping[str, str] | None = None,
) -> list[str]:
    refs = [f"[Figure {numbers[s]}](#figure-{numbers[s]})" for s in finding.figures if s in numbers]
    see = f" (see {', '.join(refs)})" if refs else ""
    note = findings_note(finding.groups, group_notes, finding.section, partial_notes)
    if pooled_note and OTHER_LABEL in finding.groups and len(finding.groups) <= 2:
        note = f"{note} {pooled_note}".strip()
    lines = [f"- {escape_text(finding.text)}{' ' + note if note else ''}{see}"]
    # a pair of extremes: one quoted above is named where it would stand beside the other (a
    # fact-checker found an actor's only quote its most positive sentence under a negative
    # mean, the most negative one quoted under tone); a finding whose quotes all stand above,
    # or whose quotes are examples, names none
    # the same words from another article, once, in any finding: named as quoted above with
    # their own article, so a group's evidence is not lost and not read as its own writing (a
    # tester's summary quoted one Reuters sentence as the most negative of four outlets that
    # ran the story, each as if its own)
    named = finding.extremes and any(
        (ev.doc_id, int(ev.sentence_id)) not in quoted for ev in finding.evidence
    )
    shown = 0
    for ev in finding.evidence:
        if shown == MAX_EVIDENCE:
            break
        where = f"`{escape_code(ev.doc_id)}` sentence {int(ev.sentence_id)}"
        note = f" ({escape_text(ev.note)})" if ev.note else ""
        key, text = (ev.doc_id, int(ev.sentence_id)), same_text(ev.text)
        if key in quoted or text in quoted:
            if named or key not in quoted:
                shown += 1
                first = quoted.setdefault(key, quoted[text])  # named: not named again
                same = "" if first == where else f", the same sentence as {first}"
                lines += ["", f"  > Quoted above{same}: {where}{note}."]
            continue
        shown += 1
        quoted[key] = quoted[text] = where
        lines += [
            "",
            f"  > “{escape_text(nested_quotation(ev.text))}” — "
            f"{escape_text(_quote_source(ev, doc_groups, doc_outlets or {}))}, {where}{note}",
        ]
    lines.append("")
    return lines


def _quote_source(
    ev: Evidence, doc_groups: Mapping[str, str], doc_outlets: Mapping[str, str]
) -> str:
    """Whose a quoted sentence is: its group (its own when pooled: "CNN (pooled)"), with its
    outlet when the run groups by another column ("right (Washington Examiner)")."""
    name = pooled_group_name(ev.group, doc_groups.get(ev.doc_id))
    outlet = doc_outlets.get(ev.doc_id)
    return f"{name} ({outlet})" if outlet and outlet != name else name


# a straight double quotation mark that opens a quotation: at the start, or after a space, an
# opening bracket or a dash, and not before a space (a mark spaced on both sides, as an export
# without commas writes a closing one, 'peninsula " Rhodes said', tells no direction)
_OPENING_STRAIGHT_QUOTE = re.compile(r'(?:(?<=^)|(?<=[\s(\[{—–-]))"(?!\s)')
_SPACED_STRAIGHT_QUOTE = re.compile(r'(?<=\s)"(?=\s)')


def nested_quotation(text: str) -> str:
    """``text`` with its double quotation marks made single, to stand inside double ones.

    The summary quotes each evidence sentence in double quotation marks; a sentence that quotes
    someone (``“It’s a disaster,” said one owner.``) would otherwise open with two marks. English
    style guides nest a quotation inside a quotation in single marks, which changes no word of
    it. A straight ``"`` becomes an opening ``‘`` at the start of the text or after a space, a
    bracket or a dash, a straight ``'`` when spaced on both sides (its direction unknown: a
    fact-checker's 'peninsula " Rhodes said' had become an opening mark), and a closing ``’``
    elsewhere; apostrophes are left as written.
    """
    text = _OPENING_STRAIGHT_QUOTE.sub("‘", text)
    text = _SPACED_STRAIGHT_QUOTE.sub("'", text)  # no direction: a straight single mark
    # German „…“ nests as ‚…‘ (a tester's „Take C.A.R.E“ came out „Take C.A.R.E‘)
    return text.replace('"', "’").replace("„", "‚").replace("“", "‘").replace("”", "’")


def findings_markdown(
    findings: Sequence[Finding],
    figure_numbers: Mapping[str, int] | None = None,
    group_notes: Mapping[str, str] | None = None,
    partial_notes: Mapping[str, str] | None = None,
) -> str:
    """The findings as one Markdown text (see :func:`findings_lines`)."""
    return "\n".join(
        findings_lines(
            findings, figure_numbers, group_notes=group_notes, partial_notes=partial_notes
        )
    )


def show_findings(
    findings: Sequence[Finding],
    group_notes: Mapping[str, str] | None = None,
    partial_notes: Mapping[str, str] | None = None,
) -> None:
    """Display findings in a notebook as Markdown, the way the summary lists them.

    The one way the notebooks print findings: grouped by section, differences apart from "no
    clear difference", with the quoted evidence and its document id and sentence number;
    ``group_notes`` as in :func:`findings_lines` (the groups mostly not in English).
    """
    from IPython.display import Markdown, display

    text = (
        findings_markdown(findings, group_notes=group_notes, partial_notes=partial_notes)
        if findings
        else "No findings."
    )
    display(Markdown(text))
