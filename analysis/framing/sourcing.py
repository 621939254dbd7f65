"""Sourcing: direct quotations, attribution verbs and whom claims are attributed to.

Per sentence (:func:`sourcing_matrix`):

* ``has_quote``: a direct quotation, i.e. at least ``min_words`` (default 3) words inside double
  quotes (straight ``"`` or curly ``“ ”``; single curly quotes ``‘ ’``, guillemets and a dash
  opening an interview line are read as such: :mod:`analysis.framing.quote_marks`), the opening
  of such a quotation that the sentence splitter cut off, or any quoted word right after an
  attribution verb (``said: "No."``). Shorter quoted fragments are usually scare quotes or
  names (``a “phased arrangement”``) and do not count, nor do quotations that read as titles
  ('the film "The Lord of the Rings"': :mod:`analysis.framing.quoted_titles`).
* ``attribution_verb``: the canonical form ("say", "according_to", "point_out", ...) of the
  leftmost attribution verb in the sentence, or missing. Participles used as adjectives
  ("newly announced") are masked first.
* ``attributed``: the sentence has a quotation or an attribution verb.
* ``source_<category>``: the sentence is attributed AND its speaker is named as the category
  (by default government officials, politicians, experts, other media, companies, advocacy
  groups, citizens, anonymous sources; a story's own list may split them further). A mention
  alone ("the minister met the mayor") is not sourcing, and neither is a word in what is
  reported: "Hospital officials said patients waited" credits officials, not citizens. The
  speaker is read from the words around each attribution verb outside quotation marks
  (:func:`speaker_spans`); a category marked ``scope = "sentence"`` (anonymity: "..., the
  official said on condition of anonymity") is looked for in the whole sentence outside
  quotation marks. A dateline that opens a sentence, "(CNN) ", "Washington (CNN) " or
  "WASHINGTON (Reuters) - ", is the outlet's signature, not a source, and is masked first
  (:data:`DATELINE`): CNN's own articles, most opening so, credited a fifth of their sentences
  to "other media".
* In a broadcast transcript, a guest's sentence (``guests``: the sentences table's
  ``transcript_speaker`` where ``transcript_role`` is "guest", :mod:`analysis.corpus.transcripts`)
  is a direct quotation of the guest, credited to the kinds the speaker's label names; the
  host's and the correspondents' sentences are read as any printed sentence.

The lexicon is data: ``analysis/data/sources.toml`` by default, or a file of the same form given
by a corpus's ``analysis.toml`` or ``-p sources FILE``; every category compiles to one regular
expression run over the whole column with pyarrow's RE2 kernels. Limits worth stating next to any
number: the speaker is found by position, not by parsing, so a speaker named two clauses or more
than :data:`MAX_SPEAKER_WORDS` words before the verb is missed, a description inside those words
counts ("X, who met the president, said" credits politicians), only the first
:data:`MAX_ATTRIBUTIONS` attributions of a sentence are read, and a speaker naming two categories
credits both. Within a document (``doc_ids``), an attribution by surname, pronoun or a
quotation alone is credited as its speaker was named before (:mod:`analysis.framing.follow_ups`,
with its own limits); a sentence read alone credits no one for "he said". Within a document too,
a quotation over several sentences or paragraphs (opened in one, closed in a later one) is a
quotation throughout, credited to the speaker named where it opens or closes
(:mod:`analysis.framing.quote_continuations`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from analysis.config import DATA_DIR, SEED
from analysis.framing.frames import (
    masked_rows,
    masked_texts,
    regex_contains,
    regex_first,
    to_arrow,
)
from analysis.framing.quote_continuations import ContinuedQuotation, continued_quotations
from analysis.framing.quote_marks import as_double_quotes
from analysis.framing.quoted_titles import only_titles_quoted
from analysis.lexicon import (
    WORD_CHAR,
    LexiconError,
    alternation,
    bounded,
    longest_first,
    pattern_list,
    phrase_pattern,
    read_toml,
    word_list,
)
from analysis.stats.bootstrap import bootstrap_ci

DEFAULT_SOURCES = DATA_DIR / "sources.toml"
# Verbs whose source follows them ("according to the ministry", "citing officials"); a lexicon
# may name its own in [attribution] source_follows.
SOURCE_FOLLOWS = ("according_to", "cite", "quote")
# The most words read on either side of the attribution verb as the speaker.
MAX_SPEAKER_WORDS = 12
# What ends a clause when the speaker is looked for: punctuation inside a sentence, dashes, and
# the mark left where a quotation was (_QUOTED_MARK); not brackets ("Senator Smith (R-Texas)
# said", "The Associated Press (AP) said").
_QUOTED_MARK = "¶"
_CLAUSE_BREAK = ",;:—–" + _QUOTED_MARK
_APPOSITIVE_COMMA = "[,—–]"
# A clause that is a name alone: capitalised words, perhaps ending the sentence.
_NAME = r"^\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*\s*$"
# A name, then a comma or the end of the sentence (not a quotation: "said Mr. Kerry “is right”").
_NAME_THEN_COMMA_OR_END = r"^\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*\s*(?:,|[.!?]?\s*$)"
# A capitalised first clause that is no person's name: a place, a time, a title ("In Eastside")
_NOT_A_PERSON = (
    r"^\s*(?:In|At|On|For|From|By|With|As|After|Before|During|Since|Under|Over|The|A|An|This|"
    r"That|These|Those|When|While|If|Here|There|Now|Then|Today|Yesterday|Asked|Q|A)\b"
)
# Verbs followed by whom the speaker addresses ("told Reuters"), never by the speaker.
_TOLD_WHOM = frozenset({"tell"})
# The most attribution verbs of one sentence whose speakers are read.
MAX_ATTRIBUTIONS = 3
# Words that may stand between a speaker's description and the verb: "X, a spokesman, later
# said", "X, the minister, has also said". Removed from the end of the words before the verb.
_BETWEEN_SPEAKER_AND_VERB = (
    r"(?i)([,—–]\s*)(?:(?:also|later|earlier|then|previously|recently|separately|again|"
    r"further|repeatedly|once|reportedly|publicly|privately|often|has|have|had|was|were|is|"
    r"would|will|on\s+\w+day)\s+)+$"
)
# A predicate coordinated with the attribution verb after a subject and its description:
# "Clearspring's chief executive, Martin Cole, called the lawsuit “baseless” and said ...". The
# predicate (a past tense after the description's closing comma, up to "and") is dropped, so that
# the subject and its description are read as for "X, the chief executive, said". A clause after
# one comma only ("In Paris, protesters marched and said") is left whole.
_COORDINATED_PREDICATE = (
    r"(?s)^(.*[,—–][^,;:—–" + _QUOTED_MARK + r"]+[,—–]\s*)"
    r"(?:[a-z]+ed|met|took|gave|made|spoke|wrote|went|held|sent|led|won|hit|struck|threw)\s"
    r"[^,;:—–]*\band\s*$"
)
SOURCING_TABLE_COLUMNS = [
    "measure",
    "item",
    "n_sentences_with",
    "share",
    "n_sentences",
    "n_docs",
    "ci_low",  # the share's 95% interval (sources and quotations; with n_boot)
    "ci_high",
]
_QUOTE_OPEN = '"“'
_QUOTE_CLOSE = '"”'


# News organisations that sign a story with a dateline: wires and broadcasters.
DATELINE_ORGS = (
    "AP", "AFP", "AAP", "ANSA", "BBC", "Bloomberg", "CBS", "CNA", "CNBC", "CNN", "dpa", "EFE",
    "IANS", "KCNA", "Kyodo", "NBC", "NPR", "PTI", "Reuters", "RIA", "TASS", "UPI", "Xinhua",
    "Yonhap", "ABC", "MarketWatch",
)  # fmt: skip
# A dateline at the start of a sentence: "(CNN) For years...", "Washington (CNN) ...", "Provo,
# Utah (CNN) ...", "WASHINGTON (Reuters) - ...": perhaps a place of at most four capitalised words
# (group 1, kept), then one of DATELINE_ORGS in brackets and perhaps a dash (masked). Only those
# names, and only the bracketed name is masked: in "The Associated Press (AP) said" the name
# before the brackets still counts. Case matters.
DATELINE = (
    r"^(\s*(?:[A-Z][\w.'-]*(?:,? [A-Z][\w.'-]*){0,3} )?)\((?:"
    + "|".join(re.escape(org) for org in DATELINE_ORGS)
    + r")\)\s*(?:[-–—]+\s*)?"
)


def without_datelines(texts: pa.Array) -> pa.Array:
    """``texts`` with the bracketed organisation of a dateline that opens a text replaced by a
    space (:data:`DATELINE`); texts without one are unchanged."""
    if not len(texts):
        return texts
    return _replaced_once(texts, DATELINE, "\\1 ")


def _replaced_once(texts: pa.Array, pattern: str, replacement: str) -> pa.Array:
    """``pc.replace_substring_regex(texts, pattern, replacement, max_replacements=1)``, with
    only the texts ``pattern`` matches rewritten (the others come out unchanged anyway):
    testing a column runs RE2's DFA alone, while replacing reads the submatches of every
    text, several times slower."""
    rows = np.flatnonzero(regex_contains(texts, pattern, ignore_case=False))
    if not len(rows):
        return texts
    part = texts.take(pa.array(rows, type=pa.int64()))
    return _spliced(
        texts, rows, pc.replace_substring_regex(part, pattern, replacement, max_replacements=1)
    )


@dataclass(frozen=True)
class SourceLexicon:
    """Compiled sourcing patterns."""

    path: str
    categories: tuple[str, ...]
    labels: dict[str, str]
    category_patterns: dict[str, str]
    verb_pattern: str
    verb_exclusion: str | None  # masked before the verb is looked for ("newly announced")
    verb_lemmas: dict[str, str]  # lower-case form (single spaces) -> canonical verb
    quote_patterns: tuple[str, ...]
    min_words: int = 3  # the fewest words inside quotation marks that make a direct quotation
    source_follows: frozenset[str] = frozenset(SOURCE_FOLLOWS)  # verbs whose source follows
    sentence_scope: frozenset[str] = frozenset()  # categories read in the whole sentence
    # per category, the phrases masked before its own pattern is looked for ("union president"
    # is no politician); categories without any are not listed
    category_exclusions: Mapping[str, str] = field(default_factory=dict)
    # per category, the words of a transcript's guest's label that name it besides its own
    # ("speaker_labels": "unidentified" for anonymous sources); categories without any unlisted
    label_patterns: Mapping[str, str] = field(default_factory=dict)

    @property
    def columns(self) -> list[str]:
        """Output columns of :func:`sourcing_matrix`, in order."""
        return [
            "has_quote",
            "attribution_verb",
            "attributed",
            *(f"source_{c}" for c in self.categories),
        ]


_QUOTE_WORD = r"[^\s\"“”]+"


def _more_words(min_words: int) -> str:
    return rf"(?:\s+{_QUOTE_WORD}){{{min_words - 1},}}"


@lru_cache(maxsize=8)
def _quote_span(min_words: int) -> re.Pattern[str]:
    """The first of :func:`_quote_patterns` for Python's ``re``, the quoted words as group ``q``.

    A pair of straight quotes around fewer words is matched whole, without ``q`` (callers skip
    such matches), so that the scan goes on after its closing mark: that mark, which is also an
    opening one, never starts a quotation ('a "disgrace" and left the room' quotes nothing)."""
    words = _QUOTE_WORD + _more_words(min_words)
    return re.compile(rf"[{_QUOTE_OPEN}]\s*(?P<q>{words})\s*(?:[{_QUOTE_CLOSE}]|$)|\"[^\"“”]*\"")


def _quote_patterns(verb_pattern: str, min_words: int) -> tuple[str, ...]:
    word = _QUOTE_WORD
    more = _more_words(min_words)
    return (
        # min_words words between an opening and a closing quote (or the end of the sentence).
        # A straight mark opens a quotation only after an even number of them: the closing
        # mark of a one-word scare quote ('a "disgrace" and left the room before the vote')
        # opened one running to the sentence's end, so straight-quoted scare quotes counted as
        # quotations and curly ones did not (a tester's gun-policy corpus).
        rf"“\s*{word}{more}\s*(?:[{_QUOTE_CLOSE}]|$)"
        rf'|^[^"]*(?:"[^"]*"[^"]*)*"\s*{word}{more}\s*(?:[{_QUOTE_CLOSE}]|$)',
        # the tail of a quotation opened in the previous sentence (curly closing quote only).
        rf"^[^\"“”]*?{word}{more}[^\"“”]*”",
        # any quoted word right after an attribution verb.
        alternation([verb_pattern], ignore_case=True)
        + rf"\s*[:,]?\s*[{_QUOTE_OPEN}]\s*{WORD_CHAR}",
    )


def _category_exclusion(spec: dict, where: str) -> str | None:
    """One pattern (case-insensitive when masked) of a category's ``exclusions`` (phrases) and
    ``exclusion_patterns`` (regular expressions), or None when it has neither."""
    terms = word_list(spec.get("exclusions", []), where=where, name="exclusions")
    patterns = pattern_list(
        spec.get("exclusion_patterns", []), where=where, name="exclusion_patterns"
    )
    parts = [alternation(map(phrase_pattern, terms), group=False)] if terms else []
    parts.extend(f"(?:{pattern})" for pattern in patterns)
    return "|".join(parts) or None


def category_texts(
    texts: pa.Array, category: str, lex: SourceLexicon, rows: np.ndarray | None = None
) -> pa.Array:
    """``texts`` as ``category``'s pattern reads them: its exclusions masked, if it has any.
    ``rows``: positions that include every text those exclusions match, when the caller has
    them (:func:`excluded_rows`); else they are looked for."""
    exclusion = lex.category_exclusions.get(category)
    return masked_texts(texts, exclusion, rows) if exclusion else texts


def excluded_rows(texts: pa.Array, categories: Sequence[str], lex: SourceLexicon) -> np.ndarray:
    """Positions of the texts in which the exclusions of any of ``categories`` match: one pass
    over the column for all of them (:func:`analysis.framing.frames.masked_rows`), which
    :func:`category_texts` then masks for each category alone."""
    exclusions = [lex.category_exclusions[c] for c in categories if c in lex.category_exclusions]
    return masked_rows(texts, exclusions) if exclusions else np.zeros(0, dtype=np.int64)


def _category_pattern(spec: dict, where: str) -> str:
    terms = word_list(spec.get("terms", []), where=where, name="terms")
    names = word_list(spec.get("names", []), where=where, name="names", ignore_case=False)
    patterns = pattern_list(spec.get("patterns", []), where=where, name="patterns")
    parts = []
    if terms:
        parts.append(alternation(map(phrase_pattern, terms), ignore_case=True))
    if names:
        parts.append(alternation(map(phrase_pattern, names)))
    parts.extend(patterns)
    if not parts:
        raise LexiconError(f"{where}: no terms, names or patterns")
    return "|".join(parts)


@lru_cache(maxsize=8)
def load_sources(path: str | None = None) -> SourceLexicon:
    """Load and compile a sourcing lexicon (default: the bundled ``sources.toml``).

    Raises :class:`analysis.lexicon.LexiconError` naming the file, the table and the entry.
    """
    file = Path(path) if path is not None else DEFAULT_SOURCES
    what = f"sourcing lexicon {file}"
    data = read_toml(file, "sourcing lexicon")
    verbs = data.get("attribution_verbs")
    sources = data.get("sources")
    if not isinstance(verbs, dict) or not verbs:
        raise LexiconError(f"{what}: needs an [attribution_verbs] table")
    if not isinstance(sources, dict) or not sources:
        raise LexiconError(f"{what}: needs [sources.<category>] tables")
    lemmas: dict[str, str] = {}
    for lemma, forms in verbs.items():
        for form in word_list(forms, where=f"{what}: verb {lemma!r}", name="forms"):
            lemmas[" ".join(form.lower().split())] = lemma
    # The leading boundary goes around the whole alternation instead of each form.
    verb_alternation = alternation(phrase_pattern(f, lead=False) for f in longest_first(lemmas))
    verb_pattern = bounded(verb_alternation, lead=True, tail=False)
    verb_exclusions = word_list(
        data.get("attribution", {}).get("exclusions", []),
        where=f"{what}: [attribution]",
        name="exclusions",
    )
    verb_exclusion = (
        alternation(map(phrase_pattern, verb_exclusions), group=False) if verb_exclusions else None
    )
    follows = data.get("attribution", {}).get("source_follows", list(SOURCE_FOLLOWS))
    if not isinstance(follows, list) or not all(isinstance(v, str) for v in follows):
        raise LexiconError(f"{what}: [attribution] source_follows must be a list of verb names")
    unknown = sorted(set(follows) - set(verbs))
    if unknown and "source_follows" in data.get("attribution", {}):
        raise LexiconError(
            f"{what}: [attribution] source_follows names {', '.join(map(repr, unknown))}, "
            "which [attribution_verbs] does not list"
        )
    min_words = int(data.get("quotes", {}).get("min_words", 3))
    if min_words < 1:
        raise LexiconError(f"{what}: quotes.min_words must be at least 1")
    patterns: dict[str, str] = {}
    labels: dict[str, str] = {}
    whole_sentence: set[str] = set()
    exclusions: dict[str, str] = {}
    said_by: dict[str, str] = {}
    for category, spec in sources.items():
        where = f"{what}: category {category!r}"
        if not re.match(r"^[a-z][a-z0-9_]*$", category) or not isinstance(spec, dict):
            raise LexiconError(f"{where}: bad category name or not a table")
        patterns[category] = _category_pattern(spec, where)
        if (exclusion := _category_exclusion(spec, where)) is not None:
            exclusions[category] = exclusion
        labels[category] = str(spec.get("label", category))
        spoken = word_list(spec.get("speaker_labels", []), where=where, name="speaker_labels")
        if spoken:
            said_by[category] = alternation(map(phrase_pattern, spoken), ignore_case=True)
        scope = spec.get("scope", "speaker")
        if scope not in ("speaker", "sentence"):
            raise LexiconError(f'{where}: scope must be "speaker" or "sentence", not {scope!r}')
        if scope == "sentence":
            whole_sentence.add(category)
    return SourceLexicon(
        path=str(file),
        categories=tuple(patterns),
        labels=labels,
        category_patterns=patterns,
        verb_pattern=verb_pattern,
        verb_exclusion=verb_exclusion,
        verb_lemmas=lemmas,
        quote_patterns=_quote_patterns(verb_pattern, min_words),
        min_words=min_words,
        source_follows=frozenset(follows),
        sentence_scope=frozenset(whole_sentence),
        category_exclusions=exclusions,
        label_patterns=said_by,
    )


# A quotation closed in this sentence but opened in the one before: everything up to the first
# quotation mark when that mark is a closing one (a curly one, or a straight one after a
# non-space character and before a space or the end).
_QUOTE_TAIL = r'^[^"“”]*(?:”|[^\s"“”]"(?:\s|$))'
_QUOTE_CURLY = r"“[^”]*(?:”|$)"
_QUOTE_STRAIGHT = r'"[^"]*(?:"|$)'


# A double quotation mark, straight or curly: every quotation pattern needs one.
_DOUBLE_MARK = '["“”]'


def double_marked(texts: pa.Array) -> np.ndarray:
    """Whether each text holds a double quotation mark (:data:`_DOUBLE_MARK`): only those can
    hold a quotation or be changed by :func:`without_quotations`."""
    return regex_contains(texts, _DOUBLE_MARK, ignore_case=False)


def without_quotations(texts: pa.Array, marked: np.ndarray | None = None) -> pa.Array:
    """``texts`` with every quotation in double quotation marks (straight or curly, closed or
    running to the end of the text, or closed in a text that does not open it) replaced by a
    mark, so that words someone is quoted as saying are never read as who says them.

    Only texts holding a double quotation mark are rewritten (``marked``, when the caller has
    it: :func:`double_marked`)."""
    rows = np.flatnonzero(double_marked(texts) if marked is None else marked)
    if not len(rows):
        return texts
    mark = f" {_QUOTED_MARK} "
    part = texts.take(pa.array(rows, type=pa.int64()))
    part = pc.replace_substring_regex(part, _QUOTE_TAIL, mark, max_replacements=1)
    part = pc.replace_substring_regex(part, _QUOTE_CURLY, mark)
    part = pc.replace_substring_regex(part, _QUOTE_STRAIGHT, mark)
    return _spliced(texts, rows, part)


def _spliced(texts: pa.Array, rows: np.ndarray, part: pa.Array) -> pa.Array:
    """``texts`` with the texts at ``rows`` replaced by ``part``, in order."""
    n = len(texts)
    index = np.arange(n, dtype=np.int64)
    index[rows] = n + np.arange(len(rows), dtype=np.int64)
    return pa.concat_arrays([texts, part.cast(texts.type)]).take(pa.array(index))


def _field(texts: pa.Array, pattern: str, *, rare: bool = False) -> pa.Array:
    """The named group ``s`` of ``pattern`` in each text, "" where it does not match.

    ``rare``: a pattern most texts do not match, read only in the texts a column test finds it
    in (a test runs RE2's DFA alone; extracting reads submatches, several times slower)."""
    if rare:
        rows = np.flatnonzero(regex_contains(texts, pattern, ignore_case=False))
        empty = pa.repeat(pa.scalar("", type=texts.type), len(texts))
        if not len(rows):
            return empty
        return _spliced(empty, rows, _field(texts.take(pa.array(rows, type=pa.int64())), pattern))
    return pc.struct_field(pc.extract_regex(texts, pattern), "s").fill_null("")


def _over_most_words(texts: pa.Array) -> np.ndarray:
    """Positions of the texts holding more than :data:`MAX_SPEAKER_WORDS` words."""
    pattern = rf"(?:\S+\s+){{{MAX_SPEAKER_WORDS}}}\S"
    return np.flatnonzero(regex_contains(texts, pattern, ignore_case=False))


def _at_most_words(texts: pa.Array, *, last: bool) -> pa.Array:
    """Each text's first (or ``last``) :data:`MAX_SPEAKER_WORDS` words; only the texts that
    have more are rewritten."""
    most = MAX_SPEAKER_WORDS
    longer = _over_most_words(texts)
    if not len(longer):
        return texts
    words = rf"(?P<s>(?:\S+\s*){{0,{most}}})"
    pattern = f"(?s){words}$" if last else f"(?s)^{words}"
    part = _field(texts.take(pa.array(longer, type=pa.int64())), pattern)
    return _spliced(texts, longer, part)


def _subject_first(texts: pa.Array) -> pa.Array:
    """Each speaker of two clauses ("The mayor, who took office last year after a close race,")
    cut to :data:`MAX_SPEAKER_WORDS` words from its subject on: the first clause's last words,
    then as many of the description's first words as are left. A long description between a
    subject and its verb ("The mayor, who ... opposition, said") pushed the subject out of the
    last words read before the verb, and the sentence credited no one."""
    most = MAX_SPEAKER_WORDS
    longer = _over_most_words(texts)
    if not len(longer):
        return texts
    cut = []
    for text in texts.take(pa.array(longer, type=pa.int64())).to_pylist():
        subject, comma, description = re.split(f"({_APPOSITIVE_COMMA})", text, maxsplit=1)
        head = subject.split()[-most:]
        rest = description.split()[: most - len(head)]
        cut.append(" ".join(head) + comma + (" " + " ".join(rest) if rest else ""))
    return _spliced(texts, longer, pa.array(cut, type=texts.type))


def _first_clause(texts: pa.Array) -> pa.Array:
    """Each text up to its first clause break (:data:`_CLAUSE_BREAK`), without leading spaces."""
    pieces = pc.split_pattern_regex(texts, f"[{_CLAUSE_BREAK}]", max_splits=1)
    return pc.utf8_ltrim_whitespace(pc.list_element(pieces, 0))


def _with_description(texts: pa.Array, clause: pa.Array | None = None) -> pa.Array:
    """The first clause of each text (``clause``, when the caller has it), or its first two
    when the first is a capitalised name (then the second is read as its description: "Ana
    Ruiz, a spokeswoman for the ministry")."""
    brk, comma = _CLAUSE_BREAK, _APPOSITIVE_COMMA
    clause = _first_clause(texts) if clause is None else clause
    named = np.flatnonzero(regex_contains(clause, _NAME, ignore_case=False))
    if not len(named):
        return clause
    take = pa.array(named, type=pa.int64())
    described = _field(texts.take(take), rf"(?s)^\s*(?P<s>[^{brk}]*{comma}[^{brk}]*)")
    with_it = regex_contains(described, ".", ignore_case=False)
    return _spliced(clause, named[with_it], described.filter(pa.array(with_it)))


def _one_speaker(
    before: pa.Array, verb: pa.Array, after: pa.Array, follows: np.ndarray, tells: np.ndarray
) -> pa.Array:
    """The speaker of one attribution verb with its words, from the text on either side of it
    (see :func:`speaker_spans`)."""
    brk, comma = _CLAUSE_BREAK, _APPOSITIVE_COMMA
    # "X, a spokesman, later said": words that may stand between a description and its verb
    near = _replaced_once(before, _COORDINATED_PREDICATE, "\\1")
    near = _replaced_once(near, _BETWEEN_SPEAKER_AND_VERB, "\\1")
    one_clause = _field(near, rf"(?s)(?P<s>[^{brk}]*)$")
    two_clauses = _field(near, rf"(?s)(?P<s>[^{brk}]*{comma}[^{brk}]*){comma}\s*$", rare=True)
    speaker_before = pc.if_else(
        pc.not_equal(two_clauses, ""),
        _subject_first(two_clauses),
        _at_most_words(one_clause, last=True),
    )
    # "according to X, <the main clause>": a verb whose source follows takes one clause; an
    # inverted verb ("..." said X, a spokeswoman) or a passive one a name and its description
    first_clause = _first_clause(after)
    speaker_after = pc.if_else(
        pa.array(follows), first_clause, _with_description(after, first_clause)
    )
    speaker_after = _at_most_words(speaker_after, last=False)
    # inverted: right after a quotation, or after a comma and before a name ("prices will rise,
    # said Monica de Bolle, a senior fellow")
    inverted = regex_contains(before, rf"(?s){_QUOTED_MARK}[\s,]*$", ignore_case=False) | (
        ~tells  # "..., Ana Ruiz told Reuters.": whom one tells is not who speaks
        & regex_contains(before, r",\s*$", ignore_case=False)
        & regex_contains(after, _NAME_THEN_COMMA_OR_END, ignore_case=False)
    )
    passive = regex_contains(after, r"(?is)^\s*by\s")
    space = pa.scalar(" ", type=before.type)
    return pc.if_else(
        pa.array(follows | inverted | passive),
        pc.binary_join_element_wise(verb, speaker_after, space),
        pc.binary_join_element_wise(speaker_before, verb, space),
    )


def quoted_by(texts: pa.Array) -> pa.Array:
    """Who speaks in sentences attributed by a quotation alone, without an attribution verb of
    the lexicon (``texts`` come from :func:`without_quotations`): the sentence's first clause,
    where its subject usually stands ("**Obama campaign spokesman Ben LaBolt** responded that
    Romney “seemed unhinged during the speech”", "**The union's message**: “...”"), or the clause
    after the quotation when it opens the sentence ("“We will fight on,” **the union's leader**
    promised"); at most :data:`MAX_SPEAKER_WORDS` words. A first clause that only names whom
    the quotation is about is read as the speaker too ("Rand Paul attacked former Secretary of
    State Clinton, declaring that ..."). A name opening the sentence with its particulars
    between commas before a colon and the quotation, a vox pop, is read up to the colon:
    "**Kelly Arnott, 34, nurse, Eastside**: “...”".
    """
    brk = _CLAUSE_BREAK
    head = _field(texts, rf"(?s)^\s*(?P<s>[^{brk}]*)")
    after_quote = _with_description(
        _field(texts, rf"(?s)^\s*{_QUOTED_MARK}[\s,]*(?P<s>.*)", rare=True)
    )
    blank = pa.array(~regex_contains(head, r"\S", ignore_case=False))
    subject = pc.if_else(blank, after_quote, head)
    # a vox pop: a name and its particulars, then a colon and the quotation ("Kelly Arnott, 34,
    # nurse, Eastside: “...”"): all of them name the speaker
    particulars = _field(texts, rf"(?s)^\s*(?P<s>[^{_QUOTED_MARK}:]*):\s*{_QUOTED_MARK}", rare=True)
    vox_pop = (
        regex_contains(head, _NAME, ignore_case=False)
        & ~regex_contains(head, _NOT_A_PERSON, ignore_case=False)
        & regex_contains(particulars, ",", ignore_case=False)
    )
    subject = pc.if_else(pa.array(vox_pop), particulars, subject)
    return _at_most_words(subject, last=False)


def speaker_spans(texts: pa.Array, verbs: list[str | None], lex: SourceLexicon) -> pa.Array:
    """The words naming who speaks in each text, each with its attribution verb.

    ``texts`` are sentences without their quotations (:func:`without_quotations`) and with the
    lexicon's verb exclusions masked; ``verbs`` each one's first attribution verb as written
    (the leftmost match of the lexicon's verb pattern), or None. For each of the first
    :data:`MAX_ATTRIBUTIONS` attribution verbs of a text, the speaker is read by position, as
    news copy writes it:

    * before the verb, back to the start of its clause: "In a statement, **the agency** said";
      two clauses when a comma or dash comes right before the verb (perhaps with "also",
      "later", "has" ... between), for a name and its description: "**The hospital's chief
      nursing officer, Dana Smith,** said";
    * after the verb, to the end of its clause, when the source follows the verb ("according
      to **hospital data**", "citing **officials**", a passive "described **by analysts**") or
      the verb follows the quotation ("“...,” said **the minister**") or a comma before a name
      ("prices will rise, said **Monica de Bolle**, ..."); in the last three, two
      clauses when the first is a capitalised name ("said **Ana Ruiz, a spokeswoman for the
      ministry**"), while "according to X," is followed by the sentence's main clause.

    A text without a verb is attributed by its quotation alone; its speaker is read by
    :func:`quoted_by`.
    At most :data:`MAX_SPEAKER_WORDS` words are read on the speaker's side of each verb; the
    spans of one text are joined with the quotation mark's placeholder between them, so that no
    phrase runs from one into the next.
    """
    n = len(texts)
    has_verb = np.array([v is not None for v in verbs], dtype=bool)
    texts = _spliced(texts, np.flatnonzero(~has_verb), quoted_by(texts.filter(pa.array(~has_verb))))
    rows = np.flatnonzero(has_verb)
    if not n or not len(rows):
        return texts
    found: list[pa.Array] = []  # one array of spans per round, aligned with the texts of rows
    live = rows.copy()  # the rows still holding a verb, as positions in texts
    rest = texts.take(pa.array(rows, type=pa.int64()))
    lemma = lex.verb_lemmas.get
    # Split at the first verb, then read the verb alone: the same two parts as one pattern
    # capturing before, verb and after, at a tenth of the cost (RE2 finds a match's bounds
    # without reading submatches over the whole text).
    at_verb = f"(?i){lex.verb_pattern}"
    the_verb = f"(?i)(?P<m>{lex.verb_pattern})"
    for round_ in range(MAX_ATTRIBUTIONS):
        pieces = pc.split_pattern_regex(rest, at_verb, max_splits=1)
        matched = np.asarray(pc.equal(pc.list_value_length(pieces), 2))
        if not matched.any():
            break
        keep = pa.array(np.flatnonzero(matched), type=pa.int64())
        pieces, live = pieces.take(keep), live[matched]
        if round_ == 0:  # the caller found the first verbs
            verb = pa.array([verbs[i] for i in live], type=texts.type)
        else:
            verb = pc.struct_field(pc.extract_regex(rest.take(keep), the_verb), "m")
        before, after = pc.list_element(pieces, 0), pc.list_element(pieces, 1)
        lemmas = [lemma(" ".join(v.lower().split())) for v in verb.to_pylist()]
        follows = np.array([v in lex.source_follows for v in lemmas], dtype=bool)
        tells = np.array([v in _TOLD_WHOM for v in lemmas], dtype=bool)
        spans = _one_speaker(before, verb, after, follows, tells)
        found.append(_spliced(pa.nulls(n, type=texts.type), live, spans))
        rest = after
    joiner = pa.scalar(f" {_QUOTED_MARK} ", type=texts.type)
    joined = pc.binary_join_element_wise(
        *found, joiner, null_handling="replace", null_replacement=""
    )
    return _spliced(texts, rows, joined.take(pa.array(rows, type=pa.int64())))


def _without_quoted_titles(
    texts: pa.Array, has_quote: np.ndarray, lex: SourceLexicon, has_verb: np.ndarray
) -> np.ndarray:
    """``has_quote`` without the sentences whose only quotations are titles in quotation marks
    ('the film "The Lord of the Rings"', 'a petition titled "save our pools"') or, in a sentence
    with no attribution verb, short scare quotes (:mod:`analysis.framing.quoted_titles`). A
    sentence whose quotation follows an attribution verb, or closes one opened before, keeps
    it. ``has_verb``: whether each text holds an attribution verb outside its quotations (the
    lexicon's verb exclusions masked), as :func:`sourcing_matrix` finds its verbs."""
    rows = np.flatnonzero(has_quote)
    if not len(rows):
        return has_quote
    part = texts.take(pa.array(rows, type=pa.int64()))
    spoken_pattern = "|".join(f"(?:{p})" for p in lex.quote_patterns[1:])
    spoken = regex_contains(part, spoken_pattern, ignore_case=False)
    # a sentence with an attribution verb outside its quotations: a short span is not a scare quote
    has_verb = has_verb[rows]
    span = _quote_span(lex.min_words)
    out = has_quote.copy()
    texts_left = part.filter(pa.array(~spoken)).to_pylist()
    for row, text, verb in zip(rows[~spoken], texts_left, has_verb[~spoken], strict=True):
        if only_titles_quoted(text, span, unattributed=not verb):
            out[row] = False
    return out


def guest_speaker_text(label: str) -> str:
    """A transcript's guest's label as the lexicon reads it for the speaker: as written and in
    title case, apart ("SEN. MARIA LOPEZ (D-CA)" -> "SEN. MARIA LOPEZ (D-CA) ¶ Sen. Maria
    Lopez (D-Ca)"), so that both the case-sensitive names of capitals ("CNN", "MP") and the
    patterns of a title before a name ("Sen. M", "Dr. A") find it."""
    return f"{label} {_QUOTED_MARK} {label.title()}"


def sourcing_matrix(
    sentences: list[str] | pd.Series | pa.Array,
    lexicon: str | Path | None = None,
    *,
    doc_ids: Sequence[object] | None = None,
    guests: Sequence[str | None] | None = None,
) -> pd.DataFrame:
    """Quotation, attribution verb and source-category columns, one row per sentence, in order.

    With ``doc_ids`` (each sentence's document; the sentences in reading order), an
    attribution by surname or pronoun ("Whitfield said", "she said") is credited as its speaker
    was named earlier in the document (:mod:`analysis.framing.follow_ups`); without, each
    sentence is read alone.

    ``guests``: each sentence's guest in a broadcast transcript, the label of who speaks it
    when that is not the show's own voice (``transcript_speaker`` where ``transcript_role`` is
    "guest", :func:`analysis.corpus.transcripts.turn_speakers`), else empty or None. A guest's
    sentence is the guest speaking: a direct quotation, attributed, with no attribution verb
    (what the guest says is read as words inside quotation marks are, neither verb nor
    speaker), credited to the source kinds the label names (:func:`guest_speaker_text`: "DR.
    ALAN CHU, EPIDEMIOLOGIST" an expert; "UNIDENTIFIED MALE" an anonymous source by the
    category's ``speaker_labels``, words read in a guest's label only). The host's, anchor's
    and correspondent's sentences are read as any other."""
    lex = load_sources(str(lexicon) if lexicon is not None else None)
    # quotations in single curly quotes, guillemets or after a dash read as double-quoted ones
    written = to_arrow(sentences)
    texts = as_double_quotes(written, lex.verb_pattern, doc_ids)
    n = len(texts)
    continued = _continued(written, doc_ids, guests)
    if continued:  # a sentence inside a quotation over several sentences is all quoted
        texts = _quoted_inside(written, texts, continued)
    labels = [] if guests is None else [str(g) if g else "" for g in guests]
    if guests is not None and len(labels) != n:
        raise ValueError(f"sourcing_matrix: {len(labels)} guests for {n} sentences")
    guest = np.array([bool(label) for label in labels], dtype=bool) if labels else np.zeros(n, bool)
    # Words inside quotation marks are what is said: neither its verb nor its speaker.
    marked = double_marked(texts)
    unquoted = without_quotations(texts, marked)
    verb_texts = masked_texts(unquoted, lex.verb_exclusion) if lex.verb_exclusion else unquoted
    found = regex_first(verb_texts, lex.verb_pattern, ignore_case=True)
    # a text holds a match of A|B|C exactly when it holds one of A, B or C: one pass for all,
    # over the texts with a double quotation mark only, as every pattern needs one
    quotes = "|".join(f"(?:{pattern})" for pattern in lex.quote_patterns)
    has_quote = np.zeros(n, dtype=bool)
    at = np.flatnonzero(marked)
    has_quote[at] = regex_contains(
        texts.take(pa.array(at, type=pa.int64())), quotes, ignore_case=False
    )
    has_verb = np.array([f is not None for f in found], dtype=bool)
    has_quote = _without_quoted_titles(texts, has_quote, lex, has_verb)
    has_quote = has_quote | guest
    for quotation in continued:  # the opening quotes as the patterns read it (a mark alone not)
        has_quote[list(quotation.inside)] = True
    if guest.any():  # a guest's words are all quoted: no verb of theirs is the sentence's
        found = [None if g else f for f, g in zip(found, guest, strict=True)]
    lemma = lex.verb_lemmas.get
    verbs = [None if f is None else lemma(" ".join(f.lower().split())) for f in found]
    attributed = has_quote | np.array([v is not None for v in verbs], dtype=bool)
    data: dict[str, object] = {
        "has_quote": has_quote,
        "attribution_verb": pd.Series(verbs, dtype="object"),
        "attributed": attributed,
    }
    # A category counts only in attributed sentences, and only where the speaker is named.
    credited = np.flatnonzero(attributed)
    take = pa.array(credited, type=pa.int64())
    sentence_texts = without_datelines(verb_texts.take(take))
    speaker_texts = speaker_spans(sentence_texts, [found[i] for i in credited], lex)
    if guest.any():  # the guest's label is the speaker, and all the sentence says of them
        at = np.flatnonzero(guest[credited])
        said_by = pa.array([guest_speaker_text(labels[i]) for i in credited[at]])
        sentence_texts = _spliced(sentence_texts, at, said_by)
        speaker_texts = _spliced(speaker_texts, at, said_by)
    columns: dict[str, np.ndarray] = {}
    # the texts any category's exclusions match, found once for all categories read there
    excluded: dict[bool, np.ndarray] = {}
    for category in lex.categories:
        column = np.zeros(n, dtype=bool)
        if len(credited):
            pattern = lex.category_patterns[category]
            scope = category in lex.sentence_scope
            where = sentence_texts if scope else speaker_texts
            if category in lex.category_exclusions and scope not in excluded:
                read_there = [c for c in lex.categories if (c in lex.sentence_scope) == scope]
                excluded[scope] = excluded_rows(where, read_there, lex)
            where = category_texts(where, category, lex, excluded.get(scope))
            column[credited] = regex_contains(where, pattern, ignore_case=False)
            if category in lex.label_patterns and guest.any():
                spoken = np.flatnonzero(guest)
                said = pa.array([labels[i] for i in spoken])
                column[spoken] |= regex_contains(
                    said, lex.label_patterns[category], ignore_case=False
                )
        columns[category] = column
    if doc_ids is not None and len(credited):
        _credit_follow_ups(
            doc_ids, unquoted, attributed, speaker_texts, found, columns, lex, guest=guest
        )
    if continued:
        _credit_continued(continued, found, columns)
    data.update({f"source_{category}": columns[category] for category in lex.categories})
    return pd.DataFrame(data, index=pd.RangeIndex(n), columns=lex.columns)


def _continued(
    written: pa.Array, doc_ids: Sequence[object] | None, guests: Sequence[str | None] | None
) -> list[ContinuedQuotation]:
    """The quotations over several sentences of a document (:func:`continued_quotations`),
    found in the sentences as written (a single quotation mark inside one is a quotation
    within it, not one of its own); none without ``doc_ids``, and none through a transcript
    guest's sentence (already all quoted)."""
    if doc_ids is None or not double_marked(written).any():
        return []
    if len(doc_ids) != len(written):
        raise ValueError(f"sourcing_matrix: {len(doc_ids)} doc_ids for {len(written)} sentences")
    found = continued_quotations(written.to_pylist(), list(doc_ids))
    if guests is not None:
        found = [
            q for q in found if not any(guests[row] for row in (q.opening, *q.inside, q.closing))
        ]
    return found


def _quoted_inside(
    written: pa.Array, texts: pa.Array, continued: list[ContinuedQuotation]
) -> pa.Array:
    """``texts`` with each sentence inside a continued quotation rewritten as written, whole in
    curly quotation marks (its own opening mark, a new paragraph's, dropped), so that its words
    are read as what is said: no verb of its own, no speaker."""
    rows = np.array(sorted(row for q in continued for row in q.inside), dtype=np.int64)
    if not len(rows):
        return texts
    inside = written.take(pa.array(rows, type=pa.int64())).to_pylist()
    opening_marks = '“"'
    quoted = pa.array(["“" + (text or "").strip().lstrip(opening_marks) + "”" for text in inside])
    return _spliced(texts, rows, quoted)


def _credit_continued(
    continued: list[ContinuedQuotation], verbs: list[str | None], columns: dict[str, np.ndarray]
) -> None:
    """Credit in ``columns`` (changed in place) the opening and inside sentences of each
    continued quotation with the kinds of its speaker: named where it opens (an attribution
    verb outside the quotation there), else where it closes, else the opening's own credit
    (a follow-up of an earlier speaker). Rows naming their own speaker keep their credit."""
    for quotation in continued:
        opening, closing = quotation.opening, quotation.closing
        said_by = closing if verbs[opening] is None and verbs[closing] is not None else opening
        for row in (opening, *quotation.inside):
            if row == said_by or (row == opening and verbs[row] is not None):
                continue
            for column in columns.values():
                column[row] = column[said_by]


def _credit_follow_ups(
    doc_ids: Sequence[object],
    unquoted: pa.Array,
    attributed: np.ndarray,
    speakers: pa.Array,
    verbs: list[str | None],
    columns: dict[str, np.ndarray],
    lex: SourceLexicon,
    *,
    guest: np.ndarray | None = None,
) -> None:
    """Credit in ``columns`` (one array per kind, changed in place) the attributions by
    surname, pronoun or a quotation alone (:mod:`analysis.framing.follow_ups`); ``speakers`` are
    the speaker spans of the attributed rows, in order. A transcript's guest's sentences
    (``guest``) are credited by their label alone, never as a follow-up."""
    from analysis.framing.follow_ups import follow_up_credits, follow_up_speaker

    if len(doc_ids) != len(unquoted):
        raise ValueError(f"sourcing_matrix: {len(doc_ids)} doc_ids for {len(unquoted)} sentences")
    credited = np.flatnonzero(attributed)
    none = ~np.logical_or.reduce([columns[c][credited] for c in lex.categories])
    if guest is not None:
        none &= ~guest[credited]
    rows = credited[none]
    if not len(rows):
        return
    spans = speakers.filter(pa.array(none)).to_pylist()
    follow_ups = {}
    for row, span in zip(rows.tolist(), spans, strict=True):
        speaker = follow_up_speaker(span, verbs[row])
        if speaker is not None:
            follow_ups[row] = speaker
    if not follow_ups:
        return
    # the documents holding a follow-up, as Python strings (their sentences only)
    ids = np.asarray(doc_ids, dtype=object)
    # (an object index: inferring a string dtype for it cost more than the lookup)
    keep = np.flatnonzero(pd.Index(ids, dtype=object).isin({ids[row] for row in follow_ups}))
    at = dict(zip(follow_ups, np.searchsorted(keep, list(follow_ups)).tolist(), strict=True))
    texts = without_datelines(unquoted.take(pa.array(keep, type=pa.int64()))).to_pylist()
    local = follow_up_credits(
        ids[keep],
        texts,
        {at[row]: speaker for row, speaker in follow_ups.items()},
        {c: columns[c][keep] for c in lex.categories},
        attributed[keep],
        lex.category_patterns,
        lex.sentence_scope,
        lex.category_exclusions,
    )
    for c in lex.categories:
        columns[c][keep] = local[c]


def sourcing_table(
    sentences: pd.DataFrame,
    group_col: str = "outlet",
    *,
    doc_col: str = "doc_id",
    lexicon: str | Path | None = None,
    n_boot: int | None = None,
    seed: int = SEED,
) -> pd.DataFrame:
    """Per group, how many sentences credit each source, quote directly, or use each verb.

    Long format: ``<group_col>, measure ("source" | "quote" | "attribution_verb"), item,
    n_sentences_with, share, n_sentences, n_docs, ci_low, ci_high``. Every group gets every
    item (zeros included) so groups can be compared; rows sorted by group, measure, item. With
    ``n_boot`` each source's and quotation's share gets its 95% interval, the hierarchical
    bootstrap of :func:`analysis.stats.bootstrap.bootstrap_ci` with ``seed`` (the summary's
    quotation finding quotes the same interval; a tester found it in no table); verbs' are
    left empty.
    """
    lex = load_sources(str(lexicon) if lexicon is not None else None)
    needed = [
        group_col,
        doc_col,
        "has_quote",
        "attribution_verb",
        "attributed",
        *(f"source_{c}" for c in lex.categories),
    ]
    missing = [c for c in needed if c not in sentences.columns]
    if missing:
        raise KeyError(f"sourcing_table: missing columns {missing}; run sourcing_matrix first")
    verbs_seen = sorted({v for v in sentences["attribution_verb"].dropna().astype(str) if v})
    rows = []
    for group, part in sentences.groupby(group_col, sort=True, observed=True):
        n_sent, n_docs = len(part), int(part[doc_col].nunique())
        items: list[tuple[str, str, int]] = [
            ("source", c, int(part[f"source_{c}"].sum())) for c in lex.categories
        ]
        items.append(("quote", "direct_quote", int(part["has_quote"].sum())))
        items.append(("quote", "attributed", int(part["attributed"].sum())))
        counts = part["attribution_verb"].dropna().astype(str).value_counts()
        items.extend(("attribution_verb", v, int(counts.get(v, 0))) for v in verbs_seen)
        for measure, item, k in items:
            rows.append((group, measure, item, k, k / n_sent if n_sent else np.nan, n_sent, n_docs))
    table = pd.DataFrame(rows, columns=[group_col, *SOURCING_TABLE_COLUMNS[:-2]])
    table["ci_low"] = table["ci_high"] = np.nan
    if n_boot:
        columns = {("source", c): f"source_{c}" for c in lex.categories}
        columns |= {("quote", "direct_quote"): "has_quote", ("quote", "attributed"): "attributed"}
        for (measure, item), column in columns.items():
            values = sentences[[group_col, doc_col]].assign(_v=sentences[column].astype(float))
            ci = bootstrap_ci(values, "_v", group_col, doc_col=doc_col, n_boot=n_boot, seed=seed)
            at = (table["measure"] == measure) & (table["item"] == item)
            by_group = ci.set_index(group_col)
            for bound in ("ci_low", "ci_high"):
                table.loc[at, bound] = table.loc[at, group_col].map(by_group[bound]).to_numpy()
    order = {"source": 0, "quote": 1, "attribution_verb": 2}
    return (
        table.assign(_m=table["measure"].map(order))
        .sort_values([group_col, "_m", "item"], kind="stable")
        .drop(columns="_m")
        .reset_index(drop=True)
    )
