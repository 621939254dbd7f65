"""Follow-up attributions: "Whitfield said" and "she said" credited as their speaker was named.

News copy names a source once with a role ("Council member Dana Whitfield, who cast the only
vote against, called the fines excessive") and then attributes by surname or pronoun
("“Families ... should not be fined,” Whitfield said"; "“Every day we wait ...,” she said").
Read by position alone (:func:`analysis.framing.sourcing.speaker_spans`), such a sentence
credits no one (on PerSenT's 1,984 articles, 923 of the 12,705 attributed sentences gain a
credit here: ``python -m analysis bench sourcing``). :func:`follow_up_credits`
credits them, within one document and in reading order:

* **a surname** (a speaker that is one to three capitalised words, perhaps after "Mr.", "Ms."
  or "Dr."): the document's first earlier sentence naming that surname, where the role is
  written right before the name ("Council member Dana Whitfield", "the utility's director,
  Sam Okafor") or in a description right after it ("Tom Greer, a retired engineer"), decides
  the kinds; a description opening with "who", "which" ... ("Whitfield, who met the mayor")
  is about something else and is not read;
* **a pronoun** ("he", "she", "they", "it"): the kinds of the nearest attributed sentence among the
  two before it, unless a sentence of narrative between names someone in its first clause
  ("Mayor Ellen Park defended the plan. “...,” she said"): then the role written before that
  name, or no kind when it has none;
* **a quotation alone** (a sentence all inside quotation marks, no verb: mostly a quotation
  the sentence splitter cut in two): as a pronoun, but looking one sentence back only.

Kinds read over the whole sentence (anonymity, ``scope = "sentence"``) are carried by a pronoun
but not read at a name's first mention. Limits: a surname shared by two people of a story
credits the first one's role; a pronoun is taken to refer to the nearest speaker or person
named within two sentences, whoever it names (a "he" after a sentence quoting a woman); a
name's role is read only where it stands right before the name or in a description right
after it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
import pyarrow as pa

from analysis.framing.frames import masked_rows, masked_texts, regex_contains
from analysis.framing.sourcing import _APPOSITIVE_COMMA, _CLAUSE_BREAK, _QUOTED_MARK

# The speaker of a follow-up, once the verb is taken out: a pronoun, or a name of one to three
# capitalised words (perhaps after an honorific), perhaps with an adverb beside it.
_ADVERBS = r"(?:also|later|then|again|further|previously|earlier|added|once|has|had|have)"
_PRONOUN_RE = re.compile(rf"^(?:{_ADVERBS}\s+)*(?P<p>he|she|they|it)(?:\s+{_ADVERBS})*$", re.I)
_HONORIFIC = r"(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sen|Rep|Gov|Gen|Sgt|Lt|Col|Capt)\.?"
_NAME_RE = re.compile(
    rf"^(?:{_ADVERBS}\s+)*(?:{_HONORIFIC}\s+)?(?:[A-Z][\w'’-]*\s+){{0,2}}"
    rf"(?P<s>[A-Z][\w'’-]*[\w])(?:’s|'s)?(?:\s+{_ADVERBS})*$"
)
# The most words a follow-up's speaker has besides its verb ("also Ms. Dana Whitfield")
_MOST_WORDS = 6
# Sentences back from a pronoun to the speaker it follows up
PRONOUN_REACH = 2
# Words read before a first mention's name for its role, and in a description after it
_ROLE_WORDS = 8
_DESCRIPTION_WORDS = 12
# A description that is a relative clause or a time ("Whitfield, who met the mayor")
_NOT_A_DESCRIPTION = re.compile(
    r"^(?:who|whom|whose|which|where|when|while|after|before|said|says|told|on|in|at)\b", re.I
)
# sourcing's clause breaks (punctuation, dashes, the mark left where a quotation was)
_CLAUSE_BREAK_RE = re.compile(f"[{_CLAUSE_BREAK}]")
_DESCRIBED_RE = re.compile(rf"(?:’s|'s)?\s*{_APPOSITIVE_COMMA}\s*(?P<d>[^{_CLAUSE_BREAK}]*)")
# what may stand between a comma and a surname: the name's other words ("director, Sam Okafor")
_ONLY_NAME_WORDS = re.compile(rf"\s*(?:{_HONORIFIC}\s+)?(?:[A-Z][\w'’.-]*\s+)*")


def follow_up_speaker(span: str | None, verb: str | None) -> tuple[str, str] | None:
    """``("pronoun", "she")``, ``("name", "Whitfield")`` or ``("quote", "")`` (a sentence that
    is a quotation alone, no verb and no words outside it) when the speaker ``span`` of an
    attribution (its words and its ``verb`` as written, or None) is a follow-up, else None."""
    if span is None:
        return None
    # the span holds the verb as written (speaker_spans joins them)
    if verb:
        first = span.split(_QUOTED_MARK, 1)[0].replace(verb, " ", 1)
    else:
        first = span.replace(_QUOTED_MARK, " ")
    parts = first.replace(",", " ").split()
    if len(parts) > _MOST_WORDS:
        return None
    words = " ".join(parts).strip(" .!?")
    if not words:
        return None if verb else ("quote", "")
    pronoun = _PRONOUN_RE.match(words)
    if pronoun:
        return "pronoun", pronoun["p"].lower()
    name = _NAME_RE.match(words)
    if name and name["s"].lower() not in {"he", "she", "they", "it", "we", "i", "the"}:
        return "name", name["s"]
    return None


def _word_at(text: str, word: str) -> tuple[int, int] | None:
    """Where ``word`` first stands in ``text`` as a word of its own (not inside "Parks" or
    "O'Park"), or None; a plain search, as a pattern per surname would be compiled for each."""
    start = text.find(word)
    while start != -1:
        end = start + len(word)
        if (start == 0 or not _in_word(text[start - 1])) and (
            end == len(text) or not _in_word(text[end])
        ):
            return start, end
        start = text.find(word, start + 1)
    return None


def _in_word(char: str) -> bool:
    return char.isalnum() or char in "_'’-"


def _mention_context(text: str, surname: str) -> tuple[str, str] | None:
    """The words before the first mention of ``surname`` in ``text`` and the description after
    it, or None when ``text`` does not name it. Before: the mention's clause, and the clause
    before it too when only the name's other words stand between a comma and the surname
    ("the utility's director, Sam Okafor"); at most :data:`_ROLE_WORDS` words."""
    found = _word_at(text, surname)
    if found is None:
        return None
    start, end = found
    pieces = _CLAUSE_BREAK_RE.split(text[:start])
    context = pieces[-1]
    if len(pieces) > 1 and _ONLY_NAME_WORDS.fullmatch(context):
        context = f"{pieces[-2]}, {context.strip()} "
    words = context.split()[-_ROLE_WORDS:]
    before = " ".join(words) + " " if words else ""
    described = _DESCRIBED_RE.match(text, end)
    description = ""
    if described and not _NOT_A_DESCRIPTION.match(described["d"].strip()):
        description = " ".join(described["d"].split()[:_DESCRIPTION_WORDS])
    return before, description


def follow_up_credits(
    doc_ids: Sequence[object],
    texts: Sequence[str],
    follow_ups: Mapping[int, tuple[str, str]],
    credits: dict[str, np.ndarray],
    attributed: np.ndarray,
    patterns: Mapping[str, str],
    sentence_scope: frozenset[str] = frozenset(),
    exclusions: Mapping[str, str] | None = None,
) -> dict[str, np.ndarray]:
    """``credits`` (one boolean array per kind, aligned with ``texts``) with the follow-up
    attributions credited (module docstring); the arrays are copied, not changed.

    ``doc_ids`` and ``texts`` are the sentences in reading order (a document's rows together),
    ``texts`` without their quotations; ``follow_ups`` maps the rows whose attribution credits no
    kind to :func:`follow_up_speaker`'s answer; ``attributed`` marks the attributed rows (a
    pronoun follows up the nearest of them); ``patterns`` are the kinds' patterns (RE2), and
    ``exclusions`` the phrases masked before a kind's pattern is looked for ("union president"
    is no politician's title).
    """
    exclusions = exclusions or {}
    out = {kind: column.copy() for kind, column in credits.items()}
    if not follow_ups:
        return out
    codes = pd.factorize(pd.Series(doc_ids, dtype=object))[0]
    new_doc = np.r_[True, codes[1:] != codes[:-1]]
    starts = np.maximum.accumulate(np.where(new_doc, np.arange(len(codes)), 0))
    kinds = [kind for kind in patterns if kind not in sentence_scope]
    # names: the role at the surname's first earlier mention in the same document
    rows, befores, descriptions = [], [], []
    for row in sorted(r for r, (kind, _) in follow_ups.items() if kind == "name"):
        surname = follow_ups[row][1]
        for earlier in range(int(starts[row]), row):
            context = _mention_context(texts[earlier], surname)
            if context is not None:
                rows.append(row)
                befores.append(context[0])
                descriptions.append(context[1])
                break
    # pronouns and quotations alone, in reading order, so that one follows a surname above
    others = sorted(r for r, (kind, _) in follow_ups.items() if kind != "name")
    reach = {r: PRONOUN_REACH if follow_ups[r][0] == "pronoun" else 1 for r in others}
    narrative = sorted(
        {
            earlier
            for row in others
            for earlier in range(max(int(starts[row]), row - reach[row]), row)
            if not attributed[earlier]
        }
    )
    named = {row: _introduced_before(texts[row]) for row in narrative}
    named = {row: before for row, before in named.items() if before is not None}
    # the roles of the names' mentions and of the narrative's persons in one call: _roles reads
    # each entry on its own, and each kind's patterns then compile once, not twice
    found = _roles(
        befores + list(named.values()),
        descriptions + [""] * len(named),
        patterns,
        kinds,
        exclusions,
    )
    n_names = len(rows)
    for kind, hit in found.items():
        out[kind][np.asarray(rows, dtype=np.int64)[hit[:n_names]]] = True
    introduced = {
        row: [kind for kind in kinds if found[kind][n_names + i]] for i, row in enumerate(named)
    }
    for row in others:
        for earlier in range(row - 1, max(int(starts[row]), row - reach[row]) - 1, -1):
            if attributed[earlier]:  # the nearest attribution, credited or not
                for column in out.values():
                    column[row] |= column[earlier]
                break
            if earlier in introduced:  # narrative naming someone: the pronoun's person
                for kind in introduced[earlier]:
                    out[kind][row] = True
                break
    return out


_NAME_WORDS = r"[\s,]*(?:(?:[A-Z][\w'’.-]*)\s+){0,3}$"


def _roles(
    befores: list[str],
    descriptions: list[str],
    patterns: Mapping[str, str],
    kinds: Sequence[str],
    exclusions: Mapping[str, str] | None = None,
) -> dict[str, np.ndarray]:
    """Per kind, whether each name's role is of that kind: written right before the name
    (each of ``befores`` ends where the surname starts, the name's other words perhaps
    between) or in its description; a kind's ``exclusions`` are masked first."""
    if not befores:
        return {kind: np.zeros(0, dtype=bool) for kind in kinds}
    before_array = pa.array(befores, type=pa.large_string())
    description_array = pa.array(descriptions, type=pa.large_string())
    # the entries any kind's exclusions match, found in one pass for all kinds
    masked = [e for kind in kinds if (e := (exclusions or {}).get(kind))]
    before_rows = masked_rows(before_array, masked) if masked else None
    description_rows = masked_rows(description_array, masked) if masked else None
    found = {}
    for kind in kinds:
        before, description = before_array, description_array
        if exclusion := (exclusions or {}).get(kind):
            before = masked_texts(before, exclusion, before_rows)
            description = masked_texts(description, exclusion, description_rows)
        found[kind] = regex_contains(
            before, f"(?:{patterns[kind]}){_NAME_WORDS}", ignore_case=False
        ) | regex_contains(description, patterns[kind], ignore_case=False)
    return found


# a person's name: two to four capitalised words ("Mayor Ellen Park", "Dana Whitfield")
_PERSON_RE = re.compile(r"(?<![\w'’-])(?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’-]*[\w]")


def _introduced_before(text: str) -> str | None:
    """The words before the surname of the person a sentence of narrative names in its first
    clause ("Mayor Ellen Park defended the plan": "Mayor Ellen "), for :func:`_roles`; None when
    it names no one (the pronoun then looks further back)."""
    clause = _CLAUSE_BREAK_RE.split(text, 1)[0]
    person = _PERSON_RE.search(clause)
    if person is None:
        return None
    return clause[: person.start()] + " ".join(person[0].split()[:-1]) + " "
