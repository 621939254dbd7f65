"""Document quality flags: what a reader should check before trusting a document's figures.

Pasted page text and exports hold documents that are not whole articles: a page that was mostly
menus (many lines removed by cleaning), a teaser or paywalled page (very short, or ending
mid-sentence), a list of captions or headlines (mostly fragments), and the same agency story
syndicated by several outlets (near-duplicates, which count one story several times). Each
check gives a column of the documents table; ``quality_flags`` names the ones raised.

Near-duplicates are found with MinHash over word shingles (Broder 1997, "On the resemblance and
containment of documents") and locality-sensitive hashing (:class:`DuplicateFinder`); a
document whose estimated Jaccard similarity to an earlier one reaches
:data:`DUPLICATE_THRESHOLD` names that earlier document in ``duplicate_of``.

Jaccard similarity is low when one text is a part of the other: a tester's outlets ran the wire
story's first three paragraphs (Jaccard 0.36 with the whole, all of its text in it), trimmed it
to four paragraphs of six (0.72), or ran an update that the later one grew from (0.59), and
none was found. So a document is also a copy when most of the smaller of the two is contained in
the other (Broder's containment, estimated as he does from a deterministic sample of the
shingles): a shingle is sampled when the top :data:`SAMPLE_BITS` bits of its hash are 0 (one in
8), and an index from each sampled shingle to the first and the latest document holding it
finds, for each document, the earlier ones it shares sampled shingles with. A pair whose smaller
document has at least :data:`MIN_SAMPLES` sampled shingles (about 80 words, the ``short``
flag's bound) and shares :data:`CONTAINMENT_THRESHOLD` of them with the other is a copy, named
in ``duplicate_of`` with its figure in ``duplicate_similarity`` ("containment 0.96": the share of
the smaller document's shingles found in the other; "jaccard 0.91" for a copy found by its
Jaccard similarity). Why these numbers: 0.8 is the Jaccard threshold's, so a copy with a new
headline or a changed paragraph still passes; from a sample of 10 shingles a pair whose true
containment is 0.6 passes 17% of the time (a story that shares most of its text with another:
a rewrite), 0.5 5%, and a true copy at 0.95 is missed 1% of the time; at 30 samples (a
240-word story) 2%, 0.1% and 0.1%. The sample keeps memory bounded and the pass streaming:
an index entry per distinct sampled shingle (16 bytes: its first and latest holder) and each
document's sampled shingles (8 bytes each), 57 MB and 32 MB for 50,000 articles of 600 words
with no shingle shared (measured: the finder's whole growth, signatures and LSH buckets
included, was 286 MB, and its serial CPU 6 s), and each document is compared with every earlier
one, whatever the batches. Candidates are the earlier documents that first or last held a
quarter of the smaller one's sampled shingles; each is checked on the two documents' samples.
Limit: a text whose shingles were each held first and last by other documents than the one it
copies (a story run in many versions) may be missed; an exact copy is still found by its
Jaccard similarity.

Which copy of a group is its original is chosen afterwards, over the documents table
(:func:`kept_copies`, through :func:`apply_duplicates` in every mode): ``duplicate_of`` as found
names an earlier document of the same story, whichever holds the other; a run's
``duplicate_of`` names the original that ``drop`` keeps (a wire service's own article when the
group holds one, :func:`wire_services`, else the one that holds the others), so that the flags
and ``drop`` agree on it.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import compress, repeat
from operator import and_, eq, is_, not_
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from analysis.corpus.language import not_english
from analysis.corpus.live_blogs import LIVE_BLOG_RULES
from analysis.corpus.metadata_rules import split_wire_dateline
from analysis.corpus.press_releases import PRESS_RELEASE_RULES
from analysis.corpus.wire_copy import RULES as WIRE_RULES

SHORT_WORDS = 80  # a body under this many words is flagged "short"
# a text of one line under this many words is a headline or a short post, whose missing full
# stop says nothing of a cut (is_headline): a tester's 3,868 headlines were all "truncated"
HEADLINE_WORDS = 25
FRAGMENT_WORDS = 4  # a sentence under this many words is a fragment
FRAGMENT_SHARE = 0.3  # flagged when more than this share of sentences are fragments...
FRAGMENT_MIN_SENTENCES = 5  # ...and the document has at least this many sentences
REMOVED_SHARE = 0.5  # flagged when cleaning removed more than this share of the lines
SHINGLE_WORDS = 5  # words per shingle for MinHash
NUM_PERM = 128  # MinHash hash functions (datasketch's default)
MINHASH_SEED = 1  # fixed, so the same corpus gives the same flags
DUPLICATE_THRESHOLD = 0.8  # estimated Jaccard similarity from which a copy is flagged
# LSH banding: a pair of Jaccard similarity J is a candidate with P = 1 - (1 - J**8)**16: 0.95
# at J = 0.8, 0.99 at 0.85, 0.24 at 0.6, 0.06 at 0.5 (see DuplicateFinder).
LSH_BANDS, LSH_ROWS = 16, 8
# Containment (see the module docstring): a shingle is sampled when the top SAMPLE_BITS bits of
# its hash are 0 (1 shingle in 8); a pair whose smaller document (in sampled shingles) has at
# least MIN_SAMPLES of them, and shares CONTAINMENT_THRESHOLD of them with the other, is a copy
CONTAINMENT_THRESHOLD = 0.8
SAMPLE_BITS = 3
MIN_SAMPLES = 10
# "drop_within" drops a copy only where its original is of the same outlet: a syndicated story
# other outlets ran is part of their coverage, and "drop" kept whichever copy came first in the
# file (a tester's wire service lost 28 of its own stories to copies listed before them)
DUPLICATE_MODES = ("keep", "flag", "drop", "drop_within")
# A wire service's own article is the original of a group of copies that holds it
# (:func:`wire_services`): the agency's name as the document's outlet ("AP", "The Associated
# Press", "Reuters", "AFP", "Agence France-Presse"; "AP News", "Reuters.com" too) or in its
# text's wire dateline ("TALLAHASSEE, Fla. (AP) —", which cleaning moves to the metadata and
# the audit keeps). A tester's AP story went under "drop" because an outlet's rework of it,
# with a local paragraph added, was longer.
_WIRE_NAMES = r"(?:the\s+)?(?P<name>associated\s+press|ap|reuters|afp|agence\s+france[-\s]presse)"
_WIRE_OUTLET_RE = re.compile(rf"{_WIRE_NAMES}(?:\s+news|\.com)?", re.IGNORECASE)
_WIRE_CREDIT_RE = re.compile(rf"\({_WIRE_NAMES}\)", re.IGNORECASE)
_WIRE_PLACE_RE = re.compile(rf"\(?{_WIRE_NAMES}\)?", re.IGNORECASE)
_WIRE_SHORT = {"associated press": "AP", "ap": "AP", "reuters": "Reuters", "afp": "AFP"}
# The flags of ``quality_flags``, in the order they are listed there.
FLAG_ORDER = (
    "lines_removed",
    "menus",
    "short",
    "truncated",
    "fragments",
    "duplicate",
    "language",
    "mojibake",
    "transcript",
    "press_release",
    "letters",
    "long",
    "live_blog",
)
QUALITY_COLUMNS = [
    "share_lines_removed",
    "flag_short",
    "flag_truncated",
    "flag_fragments",
    "duplicate_of",
    "duplicate_similarity",
    "quality_flags",
]
# What the summary says of a "truncated" flag: a guess from the last character, not a fact.
TRUNCATED_NOTE = (
    "A text is flagged truncated when its last line of text does not end like a sentence, as a "
    "text cut short does; a complete article whose page left a line without a full stop below "
    "it (a related headline, a poll, a note) is flagged too (18 of the 120 complete, "
    "human-marked bodies of the extraction benchmark were): read the end of such a text before "
    f"leaving it out. A text of one line under {HEADLINE_WORDS} words (a headline, a short "
    "post) is not flagged: headlines end without a full stop."
)
_WORD_RE = re.compile(r"\w+")
# A body that ends like a sentence: final punctuation, possibly followed by quotes or brackets.
SENTENCE_END = frozenset(".!?…:;。！？；：")
CLOSING_MARKS = "\"'”’»)]」』）》"


# Audit rules that remove a file format's own lines, not the page's chrome: a clipped note's
# front matter and excerpt (analysis.corpus.front_matter), a news database's header, footer and
# cover page (analysis.corpus.database_exports) and its fields left in a corpus file's text
# (rule database_field). A clean article in such a file lost no text,
# so they do not count towards ``lines_removed``, which asks for its extraction to be checked.
FORMAT_RULES = frozenset(
    {
        "front_matter",
        "clipper_excerpt",
        "export_header",
        "export_footer",
        "export_cover",
        "database_field",
        # a broadcast transcript's own lines (analysis.corpus.transcripts): its stage
        # directions, notices and Nexis fields are no page chrome lost with the article
        "stage_direction",
        "transcript_notice",
        "transcript_title",
        "nexis_field",
        # a press release's own furniture (analysis.corpus.press_releases): its markers, wire
        # dateline, About section, contact block and notices; a tester's releases were each
        # flagged lines_removed beside press_release, though nothing of the release was lost
        # ("release_line" is left out: its "Follow us on ..." lines close ordinary pages too)
        "release_marker",
        "release_end",
        "release_dateline",
        "about_boilerplate",
        "press_contact",
        "release_notice",
        # a live blog's entry times, writers' sign-offs and key events list
        # (analysis.corpus.live_blogs): the blog's own lines, none of its reporting; a tester's
        # live blogs were flagged lines_removed for their times alone
        *LIVE_BLOG_RULES,
    }
)
# The audit rule that says a text was read as a broadcast transcript (flag ``transcript``)
SPEAKER_LABEL_RULE = "speaker_label"
# The audit rule that says a text was read as a letters page (flag ``letters``;
# analysis.corpus.letters)
LETTER_SIGNATURE_RULE = "letter_signature"


# What metadata_note says of a text the boilerplate classifier scored as mostly page furniture
# and left whole (analysis.corpus.cleaning: its max_share); its first words find it again.
FURNITURE_NOTE = "The line classifier scored"


def furniture_note(share: str) -> str:
    """``metadata_note``'s words for a text whose lines the classifier scored as page furniture
    for ``share`` ("0.86") of its characters, too much to remove: kept whole, to be checked."""
    return (
        f"{FURNITURE_NOTE} {float(share):.0%} of the text as page furniture (menus, link lists, "
        "teasers), too much to remove, and kept it whole: check it"
    )


def furniture_warning(documents: pd.DataFrame) -> str | None:
    """The warning naming the documents of :func:`furniture_note`, or None: a tester's page
    pasted with its whole site menu kept 124 menu lines of 128, silently, and the site's name
    became its group's most distinctive word."""
    if "metadata_note" not in documents.columns or "doc_id" not in documents.columns:
        return None
    found = documents["metadata_note"].astype(str).str.contains(FURNITURE_NOTE, regex=False)
    if not found.any():
        return None
    from analysis.user_warnings import first_ids

    ids = documents.loc[found, "doc_id"].astype(str).tolist()
    return (
        f"{len(ids)} of {len(documents)} documents look mostly like page furniture "
        f"({first_ids(ids)}): the line classifier scored most of their text as menus, link "
        "lists or teasers, too much to remove, so they were kept whole (metadata_note in "
        "documents.csv says how much). Read them: a page pasted with its whole site menu, or "
        "saved without its article, should be left out or cleaned by hand; an article the "
        "classifier misread can stay."
    )


URLS_SHOWN = 2  # repeated web addresses named in the warning


def repeated_urls_warning(documents: pd.DataFrame, duplicates: str = "flag") -> str | None:
    """A warning when one web address (``url``, the same but for spaces around it and a final
    "/") is given to more than one article: an export that saved each update of a story (a
    changed headline) as a row of its own counts the story once per version, and only the
    versions whose text is alike are flagged as near-copies. None without a ``url`` column or
    a repeated address. A tester's headlines export held 187 addresses twice, unsaid. What it
    advises depends on the ``duplicates`` mode (:func:`repeated_urls_advice`)."""
    repeated, sharing, unflagged = repeated_urls(documents)
    if repeated.empty:
        return None
    shown = ", ".join(f"{url} ×{n}" for url, n in repeated.sort_index().head(URLS_SHOWN).items())
    return (
        f"{len(repeated)} url(s) appear more than once ({len(sharing)} articles: {shown}"
        f"{', …' if len(repeated) > URLS_SHOWN else ''}): updated versions of one story? Each "
        "version counts as an article in every estimate; of these articles "
        f"{unflagged} are not flagged as near-copies (their text differs). "
        + repeated_urls_advice(duplicates)
    )


def repeated_urls_advice(duplicates: str = "flag") -> str:
    """What to do about web addresses given to more than one article, under the
    ``duplicates`` mode the run used: ``drop_within`` has already kept one version of each
    outlet's (:func:`url_versions`), so the articles left sharing an address are of different
    outlets; any other mode counts every version."""
    if duplicates == "drop_within":
        return (
            "`-p duplicates drop_within` kept each outlet's latest version of an address, so "
            "these are articles of different outlets (a syndicated story saved with its "
            "source's address?)"
        )
    return (
        "Keep one version of each in the corpus file, or rerun with `-p duplicates "
        "drop_within` (each outlet's latest version of an address stays), to count each "
        "story once"
    )


def repeated_urls(documents: pd.DataFrame) -> tuple[pd.Series, pd.Series, int]:
    """The web addresses (``url``, the same but for spaces around it and a final "/") given to
    more than one article, each with its number of articles (empty without a ``url`` column or
    a repeated address); the address of each article sharing one (by the documents' index);
    and how many of those articles carry no ``duplicate`` flag (their text differs)."""
    if "url" not in documents.columns or documents.empty:
        return pd.Series(dtype="int64"), pd.Series(dtype="string"), 0
    urls = documents["url"].astype("string").fillna("").str.strip().str.rstrip("/")
    given = urls[urls != ""]
    counts = given.value_counts()
    repeated = counts[counts > 1]
    sharing = given[given.isin(repeated.index)]
    unflagged = int((~has_flag(documents.loc[sharing.index], "duplicate")).sum())
    return repeated, sharing, unflagged


def repeated_urls_note(documents: pd.DataFrame, duplicates: str = "flag") -> str:
    """The summary's sentence on the web addresses given to more than one article
    (:func:`repeated_urls`), with their counts, or "": the loading warning
    (:func:`repeated_urls_warning`) scrolls past at the terminal, and a tester's summary of a
    headlines export with 187 addresses given twice said nothing of it. Addresses are code
    spans (:mod:`analysis.report.html`): they come from the user's corpus."""
    from analysis.report.html import escape_code

    repeated, sharing, unflagged = repeated_urls(documents)
    if repeated.empty:
        return ""
    shown = ", ".join(
        f"`{escape_code(url)}` ×{n}" for url, n in repeated.sort_index().head(URLS_SHOWN).items()
    )
    more = ", …" if len(repeated) > URLS_SHOWN else ""
    return (
        f"{len(repeated)} web address(es) (`url`) are each given to more than one article: "
        f"{len(sharing)} articles share them ({shown}{more}), {len(sharing) - len(repeated)} "
        "more than the addresses. Such articles are likely updated versions of one story (a "
        "changed headline), each counted as an article in every estimate; of these, "
        f"{unflagged} are not flagged as near-copies (their text differs). "
        f"{repeated_urls_advice(duplicates)}."
    )


def has_flag(documents: pd.DataFrame, name: str) -> pd.Series:
    """Per document, whether ``quality_flags`` raises the flag ``name`` (all False without the
    column): the one reading of the ``;``-separated flags for the warnings and the modes that
    leave flagged documents out."""
    if "quality_flags" not in documents.columns:
        return pd.Series(False, index=documents.index)
    flags = documents["quality_flags"].fillna("").astype(str).str.split(";")
    return flags.map(lambda raised: name in raised).astype(bool)


def menus_warning(documents: pd.DataFrame) -> str | None:
    """The warning naming the documents flagged ``menus`` (:func:`keeps_menu_lines`), or None:
    a journalist's CBS paste, 13% of it the article, ran with no word at the terminal."""
    if "doc_id" not in documents.columns:
        return None
    flagged = has_flag(documents, "menus")
    if not flagged.any():
        return None
    from analysis.user_warnings import first_ids

    ids = documents.loc[flagged, "doc_id"].astype(str).tolist()
    return (
        f"{len(ids)} of {len(documents)} documents are still mostly short label lines after "
        f"cleaning ({first_ids(ids)}): a page's menus and teasers kept, so their tone, frames "
        "and words may describe the page, not the article (flag 'menus' in quality_flags). "
        "Read them in documents.csv; clean them by hand, save the page as .html instead of "
        "pasting it, or leave them out."
    )


# Audit rules whose "removed" rows are lines joined to the line above them (a hard-wrapped
# paragraph's lines), not lost: their words are in the paragraph. A tester's e-paper pastes, a
# column's lines joined into paragraphs, were flagged lines_removed though nothing was lost.
JOIN_RULES = frozenset({"hard_wrap_join"})
# Audit rules that remove a wire story's own notes (analysis.corpus.wire_copy: who contributed,
# "This is a developing story.", AFP's sign-off), which say nothing about how the page was
# copied: a tester's AP story with four such lines, a separator and its copyright line under
# five paragraphs was flagged lines_removed.
WIRE_NOTE_RULES = frozenset(WIRE_RULES)


def removed_line_counts(audit: pd.DataFrame) -> pd.DataFrame:
    """Per ``doc_id`` (the index), the lines the cleaning removed (``removed``: audit rows with
    action ``removed``; not those of a file format's own lines, :data:`FORMAT_RULES`, nor a wire
    story's notes, :data:`WIRE_NOTE_RULES`, nor lines joined to the line above them,
    :data:`JOIN_RULES`, when the audit has its rules), the lines it joined to the line above
    them (``joined``), which are kept, the speaker's labels it cut off a transcript's turns
    (``speaker_labels``: flag ``transcript``) and the audit rows that recognise a press release
    (``release``: :func:`release_documents`) and the letters' signatures it moved out of a
    letters page (``letters``: :func:`letters_from_counts`)."""
    gone = audit["action"] == "removed"
    if "rule" in audit.columns:
        joined = gone & audit["rule"].isin(JOIN_RULES)
        removed = gone & ~audit["rule"].isin(FORMAT_RULES | JOIN_RULES | WIRE_NOTE_RULES)
        labels = audit["rule"] == SPEAKER_LABEL_RULE
    else:
        joined, removed, labels = gone & False, gone, gone & False
    # a press release's marker, wire dateline or "About" section (flag press_release)
    release = audit["rule"].isin(PRESS_RELEASE_RULES) if "rule" in audit.columns else gone & False
    # a letter's signature moved out of a letters page (flag letters)
    letters = audit["rule"] == LETTER_SIGNATURE_RULE if "rule" in audit.columns else gone & False
    # a live blog's entry times, sign-offs or key events (flag live_blog)
    live = audit["rule"].isin(LIVE_BLOG_RULES) if "rule" in audit.columns else gone & False
    counts = pd.DataFrame(
        {
            "removed": removed,
            "joined": joined,
            "speaker_labels": labels,
            "release": release,
            "letters": letters,
            "live": live,
        }
    )
    counts = counts.astype(int)
    return counts.groupby(audit["doc_id"]).sum()


def release_documents(documents: pd.DataFrame, counts: pd.DataFrame) -> pd.Series:
    """Per document (row order of ``documents``), whether cleaning recognised it as a press
    release (:data:`~analysis.corpus.press_releases.PRESS_RELEASE_RULES`), from the counts per
    ``doc_id`` of :func:`removed_line_counts`."""
    if "release" not in counts.columns:
        return pd.Series(False, index=documents.index)
    return documents["doc_id"].map(counts["release"]).fillna(0).astype(int).gt(0)


def letters_from_counts(documents: pd.DataFrame, counts: pd.DataFrame) -> list[bool]:
    """Per document (row order), whether cleaning read it as a letters page: it moved letters'
    signatures out of it (``letters`` of :func:`removed_line_counts`;
    :mod:`analysis.corpus.letters`)."""
    if "letters" not in counts.columns:
        return [False] * len(documents)
    found = documents["doc_id"].map(counts["letters"]).fillna(0)
    return (found.to_numpy() > 0).tolist()


def live_blog_documents(documents: pd.DataFrame, counts: pd.DataFrame) -> pd.Series:
    """Per document (row order of ``documents``), whether cleaning recognised it as a live
    blog (:data:`~analysis.corpus.live_blogs.LIVE_BLOG_RULES`), from the counts per ``doc_id``
    of :func:`removed_line_counts`."""
    if "live" not in counts.columns:
        return pd.Series(False, index=documents.index)
    return documents["doc_id"].map(counts["live"]).fillna(0).astype(int).gt(0)


def share_removed_from_counts(
    documents: pd.DataFrame, counts: pd.DataFrame, kept: pd.Series
) -> pd.Series:
    """Per document, lines removed by cleaning / (lines removed + lines kept in the body +
    lines joined into them), from the counts per ``doc_id`` computed once
    (:func:`removed_line_counts`: a corpus processed in batches counts the audit once, not once
    per batch) and the lines kept in each body (:func:`lines_kept`, row order of
    ``documents``). A line joined to the one above it is kept, not removed: a hard-wrapped
    column joined into 3 paragraphs kept its 30 lines."""
    ids = documents["doc_id"]
    n_removed = ids.map(counts["removed"]).fillna(0).astype(float)
    n_joined = ids.map(counts["joined"]).fillna(0).astype(float)
    total = n_removed + kept.to_numpy() + n_joined
    return (n_removed / total.where(total > 0, 1)).round(3)


def transcripts_from_counts(documents: pd.DataFrame, counts: pd.DataFrame) -> list[bool]:
    """Per document (row order), whether cleaning read it as a broadcast transcript: it cut
    speakers' labels off its turns (``speaker_labels`` of :func:`removed_line_counts`;
    :mod:`analysis.corpus.transcripts`)."""
    if "speaker_labels" not in counts.columns:
        return [False] * len(documents)
    found = documents["doc_id"].map(counts["speaker_labels"]).fillna(0)
    return (found.to_numpy() > 0).tolist()


def lines_kept(text: str) -> int:
    """The non-blank lines of a body."""
    return sum(map(bool, map(str.strip, str(text).splitlines())))


def text_checks(texts: Sequence[str]) -> pd.DataFrame:
    """What the flags read from each text, the per-document part of :func:`flag_documents`
    (so that worker processes can compute it): its non-blank lines (:func:`lines_kept`),
    whether it ends mid-sentence (:func:`ends_mid_sentence`; a headline, :func:`is_headline`,
    does not) and whether it holds a stray lead
    byte (:func:`has_stray_lead_byte`; the flag is raised only for English text). One row per
    text, in order."""
    # each text's non-blank lines, stripped, split once for lines_kept and keeps_menu_lines
    lines = [[line for line in map(str.strip, str(text).splitlines()) if line] for text in texts]
    return pd.DataFrame(
        {
            "lines_kept": [len(kept) for kept in lines],
            "truncated": [ends_mid_sentence(text) and not is_headline(text) for text in texts],
            "stray_lead_byte": [has_stray_lead_byte(text) for text in texts],
            "menu_lines": [_menu_lines(kept) for kept in lines],
        }
    )


# A kept line that reads as a menu's or a section's label: three words at most, no sentence
# punctuation ("Lions", "All Sports", "Station Info")
_LABEL_MAX_CHARS = 40
_LABEL_LINE_RE = re.compile(rf"[^.!?:;,\"“”]{{1,{_LABEL_MAX_CHARS}}}")
MENU_LINES = 10  # label lines kept, at least ...
MENU_SHARE = 0.4  # ... and this share of the kept lines: the text is likely still a page's menus


def keeps_menu_lines(text: str) -> bool:
    """Whether a cleaned ``text`` still holds at least :data:`MENU_LINES` short label lines
    making up :data:`MENU_SHARE` of its lines: a page pasted with its site's menus and
    teasers, which cleaning left mostly in place (a journalist's CBS paste kept 32 such lines
    of 65, and 13% of its words were the article's). On the 120 pages of the extraction
    benchmark rendered as pasted text (html-text and inscriptis, 240 texts), it flags 13 texts,
    10 of them with under half their kept words in the human-marked body, and finds 10 of the
    26 texts so poorly cleaned; the thresholds were chosen on those pages (in-sample)."""
    return _menu_lines([line.strip() for line in text.splitlines() if line.strip()])


def _menu_lines(lines: list[str]) -> bool:
    """:func:`keeps_menu_lines` of a text's non-blank ``lines``, stripped."""
    if len(lines) < MENU_LINES:  # fewer lines than the labels needed
        return False
    # a line longer than a label's _LABEL_MAX_CHARS is none: not split into words
    short = [line for line in lines if len(line) <= _LABEL_MAX_CHARS]
    labels = sum(1 for line in short if len(line.split()) <= 3 and _LABEL_LINE_RE.fullmatch(line))
    return labels >= MENU_LINES and labels >= MENU_SHARE * len(lines)


_STRAY_LEAD_RE = re.compile(r"[A-Za-z]{4,}â[a-z]{2,}|\sâ\s|[A-Za-z]â(?=\s|$)|(?<!\w)â(?=[A-Za-z])")


def has_stray_lead_byte(text: str) -> bool:
    """Whether ``text`` holds an ``â`` next to an ASCII letter ("economyâone", "âthe"): in
    English text, the first byte of a UTF-8 dash or quote (E2 80 xx) read as cp1252 after its
    other two bytes were lost. French or Portuguese words with â are not English text, which
    is what the caller checks (the ``language`` column)."""
    return "â" in text and bool(_STRAY_LEAD_RE.search(text))


# A story's closing credit line, which ends without a full stop: "Contributing: Kristine
# Phillips", "(Reporting by Jane Doe; Editing by Tom Hogue)", "Additional reporting by …".
# What follows the credit's word is names: capitalised words and these lower-case ones.
_CREDIT_LINE = re.compile(
    r"\W*(?:(?:additional|contributing)\s+reporting|reporting|contributing|contributors?|"
    r"writing|editing|edited|compiled|research|graphics?)\b(?:\s+by)?\s*[:;,]?\s+(\S.*)",
    re.IGNORECASE,
)
_CREDIT_LINE_JOINERS = frozenset(
    {"and", "in", "by", "from", "of", "at", "for", "with", "the", "staff", "writer", "writers"}
    | {"contributed", "to", "this", "report", "de", "van", "von", "da", "del", "der", "la", "le"}
)
_CREDIT_LINE_MAX_WORDS = 30


# A line a page puts below a story's last sentence, with no full stop of its own: a rule
# ("___"), an embedded post's attribution ("— Name (@handle) November 18, 2019"), a source tag
# ("[ Wired ]"), a copyright line, an address, "Provided by …".
_TRAILER_LINE = re.compile(
    r"(?:[-—–_=*•·\s]*$|[—–-]\s*\S|\[\s*[^\]]{1,40}\]$|©|\(c\)\s|copyright\b"
    r"|.*(?:https?://|www\.|pic\.twitter\.com)\S*$|provided by\b|(?:source|photo|image|credit):)",
    re.IGNORECASE,
)
_TRAILER_LINES_MAX = 3


def _is_credit_line(line: str) -> bool:
    """Whether ``line`` is a story's closing credit (:data:`_CREDIT_LINE`): its word, then
    names ("Research by the council shows that" is not one)."""
    found = _CREDIT_LINE.match(line)
    if not found or len(line.split()) > _CREDIT_LINE_MAX_WORDS:
        return False
    words = re.findall(r"[^\W\d_][\w'’.-]*", found.group(1))
    return all(w[0].isupper() or w.lower() in _CREDIT_LINE_JOINERS for w in words)


_CJK_RE = re.compile("[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def is_headline(text: str) -> bool:
    """Whether ``text`` is one line of fewer than :data:`HEADLINE_WORDS` words, as a headline
    or a short post is (a text in Chinese, Japanese or Korean, written without spaces, never
    is): it ends without a full stop because headlines do, not because it was cut, so it is
    not flagged ``truncated``."""
    body = str(text).strip()
    if not body or "\n" in body or _CJK_RE.search(body):
        return False
    return len(_WORD_RE.findall(body)) < HEADLINE_WORDS


def ends_mid_sentence(text: str) -> bool:
    """True when the body does not end with sentence-final punctuation (truncated, paywalled):
    its last character that is not white space nor one of :data:`CLOSING_MARKS` (quotes,
    brackets) is not in :data:`SENTENCE_END`. Up to three closing lines without a full stop of
    their own are passed over and the line before them read: a credit line ("Contributing:
    Kristine Phillips", "(Reporting by …; Editing by …)") or one of :data:`_TRAILER_LINE`. A
    tester's complete USA Today story was flagged as cut short; 27 of the 120 complete,
    human-marked bodies of the extraction benchmark were, 18 now (random cuts inside them:
    96% flagged before, 95% now). Read from the end with ``rpartition``, not with a regular
    expression searched over the whole text."""
    body = str(text).rstrip()
    for _ in range(_TRAILER_LINES_MAX):
        head, _, last = body.rpartition("\n")
        last = last.strip()
        if not head.strip() or not (_is_credit_line(last) or _TRAILER_LINE.match(last)):
            break
        body = head.rstrip()
    ending = body.rstrip(CLOSING_MARKS)
    return bool(body) and not (ending and ending[-1] in SENTENCE_END)


def fragment_share(sentences: pd.DataFrame, doc_ids: pd.Series) -> pd.Series:
    """Per document, the share of its sentences under :data:`FRAGMENT_WORDS` words."""
    if sentences.empty:
        return pd.Series(0.0, index=doc_ids.index)
    return doc_ids.map(fragment_share_by_doc(sentences)).fillna(0.0)


def fragment_share_by_doc(sentences: pd.DataFrame) -> pd.Series:
    """The share of fragment sentences per ``doc_id`` (0 for documents under
    :data:`FRAGMENT_MIN_SENTENCES` sentences); needs only ``doc_id`` and ``n_words``."""
    grouped = sentences.assign(frag=sentences["n_words"] < FRAGMENT_WORDS).groupby("doc_id")
    share = grouped["frag"].mean()
    return share.where(grouped.size() >= FRAGMENT_MIN_SENTENCES, 0.0)


# Odd 64-bit multipliers that mix a shingle's word hashes into one (positions matter).
_MIX = (
    0x9E3779B97F4A7C15,
    0xC2B2AE3D27D4EB4F,
    0x165667B19E3779F9,
    0xD6E8FEB86659FD93,
    0xFF51AFD7ED558CCD,
)


def shingle_hashes(text: str) -> np.ndarray:
    """The 64-bit hashes of the word :data:`SHINGLE_WORDS`-grams of ``text``, in text order,
    repeats included (MinHash takes minima, which repeats do not change; lower-cased ``\\w+``
    words; a text of fewer words is one shingle).

    Each word is hashed once (pandas' ``hash_array``: SipHash with a fixed key, in C) and each
    window of word hashes is mixed into one value with numpy, instead of hashing every
    shingle's bytes with SHA-1 one by one (datasketch's default, several times slower): MinHash
    only needs distinct shingles to get unrelated values. Deterministic across processes and
    platforms.
    """
    words = _WORD_RE.findall(str(text).lower())
    if not words:
        return np.empty(0, dtype=np.uint64)
    ids = pd.util.hash_array(np.asarray(words, dtype=object), categorize=False)
    if len(ids) < SHINGLE_WORDS:
        ids = np.concatenate([ids, np.zeros(SHINGLE_WORDS - len(ids), dtype=np.uint64)])
    windows = np.lib.stride_tricks.sliding_window_view(ids, SHINGLE_WORDS)
    mixed = np.zeros(len(windows), dtype=np.uint64)
    for k, factor in enumerate(_MIX[:SHINGLE_WORDS]):
        mixed = (mixed ^ windows[:, k]) * np.uint64(factor)  # wraps modulo 2**64 on purpose
    return mixed


_BLOCK = 4096  # shingles per block: bounds the (shingles × permutations) array of a long text
_BATCH_BLOCK = 8192  # the same for sign_batch (8 MiB: few numpy calls, still cache-sized)
SIGN_BATCH_TEXTS = 500  # texts find_duplicates signs at once (bounds the words held)
_PAIRS_AT_ONCE = 4096  # candidate pairs DuplicateFinder checks at once (bounds the arrays)
_FIRST_CANDIDATES = 8  # a document's earliest candidates, checked before the others
# a document's containment candidates: the earlier documents that first or last held at least
# this share of the smaller one's sampled shingles, at most this many, the most shared first
_CANDIDATE_SHARE = 0.25
_CONTAINMENT_CANDIDATES = 4


@functools.cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """The ``(a, b)`` of the :data:`NUM_PERM` hash functions, fixed by :data:`MINHASH_SEED`
    (``a`` odd)."""
    rng = np.random.default_rng(MINHASH_SEED)
    a = rng.integers(0, 1 << 64, NUM_PERM, dtype=np.uint64, endpoint=False) | np.uint64(1)
    b = rng.integers(0, 1 << 64, NUM_PERM, dtype=np.uint64, endpoint=False)
    return a, b


def minhash_signature(text: str) -> np.ndarray | None:
    """The MinHash signature of ``text``'s :func:`shingle_hashes` (``None`` without words):
    for each of :data:`NUM_PERM` hash functions, the least value it gives a shingle.

    The functions are multiply-shift hashes, ``((a * x + b) mod 2**64) >> 32`` with ``a`` odd
    (Dietzfelbinger et al. 1997, "A reliable randomized algorithm for the closest-pair
    problem"), in numpy: no per-shingle Python call and no modulo by a prime, several times
    faster than datasketch's ``MinHash.update_batch``. Per document and independent of the rest
    of the corpus, so it can be computed anywhere (a worker process); :class:`DuplicateFinder`
    compares signatures in corpus order. Values fit 32 bits.

    This and :func:`shingle_hashes` are the definition, one text at a time; the pipeline signs
    texts by the batch with :func:`sign_batch`, which must give the same values (tested).
    """
    hashes = shingle_hashes(text)
    if hashes.size == 0:
        return None
    a, b = _permutations()
    signature = np.full(NUM_PERM, np.iinfo(np.uint64).max, dtype=np.uint64)
    for start in range(0, hashes.size, _BLOCK):
        block = hashes[start : start + _BLOCK, np.newaxis]
        signature = np.minimum(signature, ((block * a + b) >> np.uint64(32)).min(axis=0))
    return signature.astype(np.uint32)


_ASCII_BYTES = bytes(range(128))
# ASCII word characters (``\w`` in ASCII) kept, capitals lower-cased, every other byte a space
_LOWER_WORD_BYTES = bytes(
    ord(chr(c).lower()) if c < 128 and _WORD_RE.fullmatch(chr(c)) else 0x20 for c in range(256)
)


def spaced_words(text: str) -> bytes:
    """The lower-cased ``\\w+`` words of ``text`` (``_WORD_RE.findall(text.lower())``, the
    words of :func:`shingle_hashes`) in UTF-8, separated by runs of spaces, for
    :func:`sign_batch` to split; found faster when no letter or digit outside ASCII is in the
    text (English prose whose only non-ASCII characters are quotes and dashes).

    Such a text's words are the runs of ASCII word bytes of its UTF-8 form, lower-cased: one
    ``bytes.translate`` lower-cases capitals and makes every other byte a space, in C, several
    times faster than lower-casing the text and the regular expression. (Lower-casing a
    character that is not a word character never gives one, and the only rule of ``str.lower``
    that depends on context is about a Greek letter: tested.) Any other text (accented or
    non-Latin letters) goes through the regular expression.
    """
    text = str(text)
    encoded = text.encode("utf-8", "surrogatepass")
    beyond_ascii = encoded.translate(None, _ASCII_BYTES)  # whole characters: valid UTF-8
    if beyond_ascii and _WORD_RE.search(beyond_ascii.decode("utf-8", "surrogatepass")):
        return " ".join(_WORD_RE.findall(text.lower())).encode("utf-8")
    return encoded.translate(_LOWER_WORD_BYTES)


@dataclass(frozen=True)
class Samples:
    """The sampled shingles of a batch of texts (:func:`sampled_shingles`): each text's
    distinct sampled shingle hashes, sorted, the texts' laid end to end (``values``), and how
    many each text has (``counts``, one per text, 0 for a text without words)."""

    values: np.ndarray
    counts: np.ndarray


def sampled_shingles(text: str) -> np.ndarray:
    """The distinct :func:`shingle_hashes` of ``text`` whose top :data:`SAMPLE_BITS` bits are
    0, sorted: Broder's deterministic sample, from which the containment of one text in another
    is estimated (the same shingle is sampled in every text that holds it). The definition, one
    text at a time; :func:`sign_and_sample` gives the same for a batch (tested)."""
    hashes = shingle_hashes(text)
    return np.unique(hashes[(hashes >> np.uint64(64 - SAMPLE_BITS)) == 0])


def sign_batch(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """The signatures and the mask of texts with words of :func:`sign_and_sample`."""
    signatures, has_words, _ = sign_and_sample(texts)
    return signatures, has_words


def sign_and_sample(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray, Samples]:
    """The :func:`minhash_signature` of each text at once: a ``(len(texts), NUM_PERM)``
    ``uint32`` matrix, bit-identical row by row, and a mask of the texts with words (the row of
    a text without words is zeros, where :func:`minhash_signature` gives ``None``); and the
    texts' :func:`sampled_shingles` (:class:`Samples`), picked from the same shingles.

    The same computation as :func:`shingle_hashes` and :func:`minhash_signature`, done for the
    whole batch in a few numpy and Arrow calls instead of a dozen per text (most of the cost
    for texts of a few hundred words): the words of every text (:func:`spaced_words`) are split
    and dictionary-encoded by Arrow, without a Python string per word, and the distinct ones
    hashed in one ``hash_array`` call (the same values); each text's hashes are laid end to
    end, a text of fewer than :data:`SHINGLE_WORDS` words padded with zeros as before, the
    windows are mixed over the whole row at once and those that straddle two texts dropped;
    the hash functions run over blocks of shingles of any texts, one row per function, and
    each text's minima are taken with ``np.minimum.reduceat`` at its boundaries. The shift by
    32 is applied to the minima, not to every value (it keeps the order, so the minimum is the
    same).
    """
    spaced = pa.array([spaced_words(text) for text in texts], type=pa.large_binary())
    lists = pc.ascii_split_whitespace(spaced.cast(pa.large_string()))
    words = pc.list_flatten(lists)
    real = pc.not_equal(words, "")  # spaces at either end of a text give empty words
    words = words.filter(real)
    parents = pc.list_parent_indices(lists).filter(real).to_numpy()
    counts = np.bincount(parents, minlength=len(texts))
    has_words = counts > 0
    signatures = np.zeros((len(texts), NUM_PERM), dtype=np.uint32)
    total = len(words)
    if total == 0:
        return signatures, has_words, Samples(np.empty(0, np.uint64), np.zeros(len(texts), int))
    coded = words.dictionary_encode()  # each distinct word hashed once
    distinct = pd.util.hash_array(coded.dictionary.to_numpy(zero_copy_only=False))
    ids = distinct[coded.indices.to_numpy()]
    # each text's word hashes in a stretch of its own length, at least SHINGLE_WORDS (zero-padded)
    lengths = np.where(has_words, np.maximum(counts, SHINGLE_WORDS), 0)
    ends = np.cumsum(lengths)
    shift = np.repeat(ends - lengths - (np.cumsum(counts) - counts), counts)  # word -> padded
    padded = np.zeros(int(ends[-1]), dtype=np.uint64)
    padded[np.arange(total) + shift] = ids
    span = padded.size - SHINGLE_WORDS + 1  # windows starting at every position
    mixed = padded[:span] * np.uint64(_MIX[0])
    for k in range(1, SHINGLE_WORDS):
        mixed ^= padded[k : k + span]
        mixed *= np.uint64(_MIX[k])  # wraps modulo 2**64 on purpose
    inside = np.ones(padded.size, dtype=bool)  # False: a window starting in a text's last words
    inside[(ends[has_words, np.newaxis] - np.arange(1, SHINGLE_WORDS)).ravel()] = False
    shingles = mixed[inside[:span]]
    signed = np.flatnonzero(has_words)
    stops = np.cumsum(lengths[signed] - (SHINGLE_WORDS - 1))
    starts = stops - (lengths[signed] - (SHINGLE_WORDS - 1))
    a, b = _permutations()
    minima = np.full((NUM_PERM, signed.size), np.iinfo(np.uint64).max, dtype=np.uint64)
    values = np.empty((NUM_PERM, _BATCH_BLOCK), dtype=np.uint64)
    for start in range(0, shingles.size, _BATCH_BLOCK):
        block = shingles[start : start + _BATCH_BLOCK]
        columns = values[:, : block.size]  # one row per hash function: reduceat runs along rows
        np.multiply(a[:, np.newaxis], block, out=columns)
        columns += b[:, np.newaxis]
        # the texts with shingles in this block: the first may have begun in an earlier one
        first = int(np.searchsorted(stops, start, side="right"))
        last = int(np.searchsorted(starts, start + block.size, side="left"))
        cuts = np.maximum(starts[first:last] - start, 0)
        part = minima[:, first:last]
        np.minimum(part, np.minimum.reduceat(columns, cuts, axis=1), out=part)
    signatures[signed] = (minima >> np.uint64(32)).T
    return signatures, has_words, _samples(shingles, np.repeat(signed, stops - starts), len(texts))


def _samples(shingles: np.ndarray, owners: np.ndarray, n_texts: int) -> Samples:
    """The :class:`Samples` of ``n_texts`` texts from their shingles laid end to end and the
    text each belongs to (in order)."""
    sampled = (shingles >> np.uint64(64 - SAMPLE_BITS)) == 0
    values, owners = shingles[sampled], owners[sampled]
    order = np.lexsort((values, owners))  # by text, then value
    values, owners = values[order], owners[order]
    distinct = np.ones(values.size, dtype=bool)
    distinct[1:] = (values[1:] != values[:-1]) | (owners[1:] != owners[:-1])
    return Samples(values[distinct], np.bincount(owners[distinct], minlength=n_texts))


class SampleIndex:
    """From each sampled shingle (:func:`sampled_shingles`) to the positions of the first and of
    the latest document holding it, in sorted runs of numpy arrays (16 bytes an entry, not a
    Python dict's ~150): a new run per batch, merged with the last while that is no larger than
    twice it, so that there are few runs (log of the entries) and each entry is merged few
    times."""

    def __init__(self) -> None:
        # (sorted hashes, first holders, latest holders)
        self._runs: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []

    def _find(self, values: np.ndarray) -> Iterator[tuple[int, np.ndarray, np.ndarray]]:
        """Per run, which of ``values`` it holds (a mask) and where."""
        for run, (keys, _, _) in enumerate(self._runs):
            at = np.minimum(np.searchsorted(keys, values), keys.size - 1)
            yield run, keys[at] == values, at

    def holders(self, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The first and the latest holder of each of ``values``, -1 for one not indexed."""
        first = np.full(values.size, -1, dtype=np.int64)
        latest = first.copy()
        for run, hit, at in self._find(values):
            first[hit] = self._runs[run][1][at[hit]]
            latest[hit] = self._runs[run][2][at[hit]]
        return first, latest

    def update(self, values: np.ndarray, first: np.ndarray, latest: np.ndarray) -> None:
        """Record ``latest`` as the latest holder of ``values`` (distinct), ``first`` as the
        first of those not indexed yet."""
        if not values.size:
            return
        known = np.zeros(values.size, dtype=bool)
        for run, hit, at in self._find(values):
            self._runs[run][2][at[hit]] = latest[hit]
            known |= hit
        new = np.flatnonzero(~known)
        if not new.size:
            return
        order = new[np.argsort(values[new], kind="stable")]
        self._runs.append(
            (values[order], first[order].astype(np.int32), latest[order].astype(np.int32))
        )
        while len(self._runs) > 1 and self._runs[-2][0].size <= 2 * self._runs[-1][0].size:
            merged = [np.concatenate(pair) for pair in zip(*self._runs[-2:], strict=True)]
            order = np.argsort(merged[0], kind="stable")
            self._runs[-2:] = [(merged[0][order], merged[1][order], merged[2][order])]


class DuplicateFinder:
    """Near-duplicate detection in corpus order, a batch of documents at a time.

    MinHash signatures (:func:`sign_batch`) are indexed by locality-sensitive hashing
    (Indyk & Motwani 1998; Leskovec, Rajaraman & Ullman, *Mining of Massive Datasets*, ch. 3):
    the signature is cut into :data:`LSH_BANDS` bands of :data:`LSH_ROWS` values, and an earlier
    document that agrees with it on a whole band is a candidate. Each candidate is confirmed on
    its estimated Jaccard similarity (the share of equal signature values) and the earliest (in
    corpus order) is named. The first copy of a story is the original and later ones point to it
    (a chain of copies points to its first member). A document is compared with every earlier
    one, in earlier batches or earlier in its own, so the batches' size does not change the
    result; only the signatures are kept (a corpus too large to hold its texts at once), ~0.5 KB
    per document.

    Every candidate is checked on its estimate, so a false candidate costs one comparison of
    two signatures while a missed one is a copy counted twice: the bands favour recall (16 × 8:
    a pair at J = 0.8 is a candidate 95% of the time, 99.4% at 0.85). datasketch's
    ``MinHashLSH(threshold=0.8)``, used before, balances the two errors with 9 × 13 bands,
    which makes a pair at 0.8 a candidate 40% of the time and one at 0.85 69%. Written out here
    (a few lines of numpy) also because importing datasketch imports SciPy's integration
    routines, ~0.8 s of CPU in every process that flags documents.

    A document with no copy by Jaccard similarity is then checked for containment (the module's
    docstring) when the batch comes with its :class:`Samples`: the earlier document with which
    it shares the largest share of the smaller one's sampled shingles, at least
    :data:`CONTAINMENT_THRESHOLD`, is named (itself, not the first of its chain: the figure is
    that pair's). :meth:`similarities` gives each document's figure.
    """

    def __init__(self) -> None:
        # per band, a key's documents: a position, or a list of them once there are several
        self._buckets: list[dict[bytes, int | list[int]]] = [{} for _ in range(LSH_BANDS)]
        # one row per document (a document without words keeps a row it never uses)
        self._signatures = np.zeros((1024, NUM_PERM), dtype=np.uint32)
        self._matches: list[str] = []
        self._doc_ids: list[str] = []
        self._named_at: list[int] = []  # the position of the document each one names, or -1
        self._similarities: list[str] = []  # "jaccard 0.91", "containment 0.96" or ""
        self._samples = SampleIndex()
        # each document's sampled shingles, laid end to end from _sample_start[position]
        self._sample_values = np.zeros(1 << 16, dtype=np.uint64)
        self._sample_start = np.zeros(1025, dtype=np.int64)

    def similarities(self, start: int = 0) -> list[str]:
        """Each document's figure from position ``start`` on: "jaccard 0.91" (estimated from
        the signatures, with the document named) or "containment 0.96" (of the smaller
        document's sampled shingles, the share found in the other), ``""`` for no copy."""
        return self._similarities[start:]

    def candidates(self, signature: np.ndarray) -> list[int]:
        """Positions (corpus order) of earlier documents sharing a band with ``signature``."""
        columns = _band_columns(np.asarray(signature)[np.newaxis])
        return self._candidates([keys[0] for keys in columns])

    def _candidates(self, keys: list[bytes]) -> list[int]:
        found: set[int] = set()
        for band, key in enumerate(keys):
            bucket = self._buckets[band].get(key, ())
            found.update((bucket,) if isinstance(bucket, int) else bucket)
        return sorted(found)

    def add_batch(
        self,
        doc_ids: Sequence[str],
        signatures: np.ndarray,
        signed: np.ndarray,
        samples: Samples | None = None,
    ) -> list[str]:
        """Index the next documents in order, from their signatures and the mask of those with
        words (as :func:`sign_batch` gives them; a text without words is never a copy nor an
        original) and their sampled shingles (:func:`sign_and_sample`; without them, Jaccard
        similarity only); for each, the id of its first earlier near-copy (before or in this
        batch), else the earlier document it shares most of its text with
        (:meth:`_contained`), else ``""``.

        Only the earliest candidate that passes matters, so each document's
        :data:`_FIRST_CANDIDATES` earliest candidates are checked first, and the others only
        when none of those passes. In a story copied hundreds of times every copy is a
        candidate of the next, and this is the part of the flags that runs in corpus order, in
        the process that writes: on 20,000 synthetic documents (4,725 copies) 1.80 s checking
        every candidate, 1.23 s so (same copies named). A document with no close candidate
        still has them all checked."""
        signatures = np.asarray(signatures, dtype=np.uint32)
        first = len(self._doc_ids)
        while first + len(doc_ids) > len(self._signatures):
            self._signatures = np.concatenate([self._signatures, np.zeros_like(self._signatures)])
        self._signatures[first : first + len(doc_ids)] = signatures
        self._doc_ids.extend(doc_ids)
        self._matches.extend([""] * len(doc_ids))
        self._similarities.extend([""] * len(doc_ids))
        self._named_at.extend([-1] * len(doc_ids))
        rows = np.flatnonzero(signed)
        positions = (rows + first).tolist()
        # each row's buckets as they were before it joined them: earlier positions only
        shared_by: dict[int, list[tuple[list[int], int]]] = {}
        for band, keys in enumerate(_band_columns(signatures[rows])):
            self._index_band(self._buckets[band], keys, positions, shared_by)
        earliest: tuple[list[int], list[int]] = ([], [])  # (position, candidate), in order
        others: dict[int, tuple[list[tuple[list[int], int]], list[int]]] = {}
        for position in sorted(shared_by):
            shared = shared_by[position]
            heads = {j for bucket, n in shared for j in bucket[: min(n, _FIRST_CANDIDATES)]}
            block = sorted(heads)[:_FIRST_CANDIDATES]  # the earliest of all its candidates
            earliest[0].extend([position] * len(block))
            earliest[1].extend(block)
            if len(heads) > len(block) or any(n > _FIRST_CANDIDATES for _, n in shared):
                others[position] = (shared, block)
        named = self._first_passing(*earliest)
        rest: tuple[list[int], list[int]] = ([], [])
        for position, (shared, block) in others.items():
            if position in named:
                continue
            every = {j for bucket, n in shared for j in bucket[:n]}
            more = sorted(every.difference(block))
            rest[0].extend([position] * len(more))
            rest[1].extend(more)
        named.update(self._first_passing(*rest))
        if samples is None:  # Jaccard similarity only
            samples = Samples(np.empty(0, np.uint64), np.zeros(len(doc_ids), dtype=np.int64))
        contained = self._contained(first, samples)
        for position in sorted(named):  # in corpus order: an earlier copy is named first
            original = named[position]
            self._matches[position] = self._matches[original] or self._doc_ids[original]
            root = self._named_at[original] if self._matches[original] else original
            self._named_at[position] = root
            self._similarities[position] = self._similarity(position, root)
        for position, (held_by, share) in contained.items():
            if position not in named:
                self._matches[position] = self._doc_ids[held_by]
                self._named_at[position] = held_by
                self._similarities[position] = f"containment {share:.2f}"
        return self._matches[first:]

    def _similarity(self, one: int, other: int) -> str:
        """The figure of a pair of documents: the containment of their sampled shingles when
        the smaller has :data:`MIN_SAMPLES` of them, else their estimated Jaccard similarity
        (a pair named through a chain of copies may fall below the threshold)."""
        n_samples = self._sample_start[[one + 1, other + 1]] - self._sample_start[[one, other]]
        if n_samples.min() >= MIN_SAMPLES:
            return f"containment {self._n_shared(one, other) / n_samples.min():.2f}"
        equal = np.count_nonzero(self._signatures[one] == self._signatures[other])
        return f"jaccard {equal / NUM_PERM:.2f}"

    def _contained(self, first: int, samples: Samples) -> dict[int, tuple[int, float]]:
        """Index the sampled shingles of the batch starting at position ``first``; for each of
        its documents that shares :data:`CONTAINMENT_THRESHOLD` of the smaller document's
        sampled shingles with an earlier one (the smaller holding :data:`MIN_SAMPLES` at
        least), that earlier document and the share (the largest share; the earliest document
        of equal share).

        A sampled shingle counts for the first document that held it (the original) and the
        latest (a story's latest version): a tester's update shared 22 of its 27 sampled
        shingles with the wire story's final version, but some of them were first in the wire's
        earlier story on the same storm, and only its first holder counted, 0.7 of them."""
        counts = np.asarray(samples.counts, dtype=np.int64)
        values = np.asarray(samples.values, dtype=np.uint64)
        self._keep_samples(first, counts, values)
        owners = np.repeat(np.arange(first, first + counts.size), counts)
        order = np.lexsort((owners, values))  # by value, then position
        values, owners = values[order], owners[order]
        starts = np.ones(values.size, dtype=bool)
        starts[1:] = values[1:] != values[:-1]
        ends = np.roll(starts, -1)
        first_held, latest_held = self._samples.holders(values[starts])
        group = np.cumsum(starts) - 1  # each sample's value, among the batch's distinct ones
        in_batch = owners[np.flatnonzero(starts)][group]  # the value's first owner in the batch
        first_holder = np.where(first_held[group] >= 0, first_held[group], in_batch)
        previous = np.where(starts, latest_held[group], np.roll(owners, 1))
        self._samples.update(values[starts], first_holder[starts], owners[ends])
        pairs = np.concatenate(
            [
                np.stack([owners, np.where(first_holder < owners, first_holder, -1)]),
                np.stack([owners, np.where(previous != first_holder, previous, -1)]),
            ],
            axis=1,
        )
        pairs, n_held = _distinct_pairs_counted(pairs[:, pairs[1] >= 0])
        n_samples = np.diff(self._sample_start)
        smaller = np.minimum(n_samples[pairs[0]], n_samples[pairs[1]])
        likely = (smaller >= MIN_SAMPLES) & (n_held >= _CANDIDATE_SHARE * smaller)
        found: dict[int, tuple[int, float]] = {}
        checked: Counter[int] = Counter()
        ranked = np.lexsort((pairs[1][likely], -n_held[likely], pairs[0][likely]))
        for position, held_by, n in zip(
            pairs[0][likely][ranked].tolist(),
            pairs[1][likely][ranked].tolist(),
            smaller[likely][ranked].tolist(),
            strict=True,
        ):
            checked[position] += 1
            if checked[position] > _CONTAINMENT_CANDIDATES:
                continue
            ratio = self._n_shared(position, held_by) / n
            best = found.get(position, (held_by, 0.0))[1]
            if ratio >= CONTAINMENT_THRESHOLD and ratio > best:
                found[position] = (held_by, ratio)
        return found

    def _keep_samples(self, first: int, counts: np.ndarray, values: np.ndarray) -> None:
        """Keep the sampled shingles of the documents from position ``first`` (in order)."""
        while first + counts.size + 1 > self._sample_start.size:
            grown = np.zeros(2 * self._sample_start.size, dtype=np.int64)
            grown[: self._sample_start.size] = self._sample_start
            self._sample_start = grown
        begin = int(self._sample_start[first])
        while begin + values.size > self._sample_values.size:
            self._sample_values = np.concatenate(
                [self._sample_values, np.zeros_like(self._sample_values)]
            )
        self._sample_values[begin : begin + values.size] = values
        self._sample_start[first + 1 : first + counts.size + 1] = begin + np.cumsum(counts)

    def _n_shared(self, one: int, other: int) -> int:
        """How many sampled shingles the documents at positions ``one`` and ``other`` share.

        Each document's are distinct and sorted (:class:`Samples`), so the count is that of
        ``one``'s found in ``other``'s by binary search: the size of their intersection, in
        four numpy calls where ``np.intersect1d`` sorts the two laid end to end (thousands of
        pairs per batch, in the process that writes every chunk)."""
        bounds = self._sample_start
        mine = self._sample_values[bounds[one] : bounds[one + 1]]
        theirs = self._sample_values[bounds[other] : bounds[other + 1]]
        if not mine.size or not theirs.size:
            return 0
        at = np.searchsorted(theirs, mine)
        np.minimum(at, theirs.size - 1, out=at)
        return int(np.count_nonzero(theirs[at] == mine))

    @staticmethod
    def _index_band(
        buckets: dict[bytes, int | list[int]],
        keys: list[bytes],
        positions: list[int],
        shared_by: dict[int, list[tuple[list[int], int]]],
    ) -> None:
        """Add the documents at ``positions`` (in order) to one band's buckets under their
        ``keys``; record in ``shared_by[position]`` each bucket a document joined that held
        earlier documents, with how many it held then.

        Most keys are new and unique in the batch: those are added at once, each with its
        position alone rather than a list (dictionary calls in C, not a Python step per
        document and band, and a tenth of the memory); only the others, in order."""
        counts = Counter(keys)
        new = map(is_, map(buckets.get, keys), repeat(None))
        alone = list(map(and_, new, map(eq, map(counts.__getitem__, keys), repeat(1))))
        buckets.update(zip(compress(keys, alone), compress(positions, alone), strict=True))
        for key, position in compress(zip(keys, positions, strict=True), map(not_, alone)):
            bucket = buckets.get(key)
            if bucket is None:
                buckets[key] = position
                continue
            if isinstance(bucket, int):
                bucket = buckets[key] = [bucket]
            shared_by.setdefault(position, []).append((bucket, len(bucket)))
            bucket.append(position)

    def _first_passing(self, positions: list[int], candidates: list[int]) -> dict[int, int]:
        """For each position, its earliest candidate whose estimated similarity reaches
        :data:`DUPLICATE_THRESHOLD`, if any (pairs in order of position, then of candidate;
        checked :data:`_PAIRS_AT_ONCE` at a time)."""
        found: dict[int, int] = {}
        for start in range(0, len(candidates), _PAIRS_AT_ONCE):
            these = np.asarray(candidates[start : start + _PAIRS_AT_ONCE])
            at = np.asarray(positions[start : start + _PAIRS_AT_ONCE])
            equal = np.count_nonzero(self._signatures[these] == self._signatures[at], 1)
            close = equal / NUM_PERM >= DUPLICATE_THRESHOLD
            for position, candidate in zip(at[close].tolist(), these[close].tolist(), strict=True):
                found.setdefault(position, candidate)
        return found


def _distinct_pairs_counted(pairs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct columns of ``pairs`` (two rows of positions, each at least 0 and below
    2**31) in order, and how often each occurs: ``np.unique(pairs, axis=1,
    return_counts=True)``.

    Each column is packed into one integer (first row in the high 32 bits) and those are
    counted instead: the same pairs and counts in the same order (lexicographic, as both rows
    are non-negative), without ``np.unique``'s sort over a structured view of the columns,
    several times slower (two thirds of :meth:`DuplicateFinder.add_batch` on the synthetic
    corpus, in the process that writes every chunk)."""
    keys = (pairs[0].astype(np.int64) << 32) | pairs[1].astype(np.int64)
    keys, counts = np.unique(keys, return_counts=True)
    return np.stack([keys >> 32, keys & 0xFFFFFFFF]), counts


def _band_columns(signatures: np.ndarray) -> list[list[bytes]]:
    """For each of the :data:`LSH_BANDS` bands, the key of each signature (a row) in that band:
    the bytes of the band's :data:`LSH_ROWS` values (the signature's first bands × rows
    values, cut in order)."""
    values = np.ascontiguousarray(signatures[:, : LSH_BANDS * LSH_ROWS], dtype=np.uint32)
    width = LSH_ROWS * values.itemsize
    bands = values.view(np.dtype((np.void, width)))  # one void item per (row, band)
    return [bands[:, band].tolist() for band in range(LSH_BANDS)]


def find_duplicates(doc_ids: list[str], texts: list[str]) -> list[str]:
    """For each document, the id of the first earlier near-duplicate, else ``""``
    (:func:`find_copies`)."""
    return find_copies(doc_ids, texts)[0]


def find_copies(doc_ids: list[str], texts: list[str]) -> tuple[list[str], list[str]]:
    """For each document, the id of the earlier document it copies (a near-duplicate, or
    contained in it or containing it), else ``""``, and its similarity figure
    (:meth:`DuplicateFinder.similarities`): :class:`DuplicateFinder` over the documents in
    order, signed :data:`SIGN_BATCH_TEXTS` at a time."""
    finder = DuplicateFinder()
    matches: list[str] = []
    for start in range(0, len(texts), SIGN_BATCH_TEXTS):
        stop = start + SIGN_BATCH_TEXTS
        matches += finder.add_batch(doc_ids[start:stop], *sign_and_sample(texts[start:stop]))
    return matches, finder.similarities()


def quality_table(
    documents: pd.DataFrame, sentences: pd.DataFrame, audit: pd.DataFrame
) -> pd.DataFrame:
    """The documents with the :data:`QUALITY_COLUMNS` added (replaced if present).

    ``quality_flags`` lists the raised flags, ``;``-separated: ``lines_removed`` (cleaning
    removed more than :data:`REMOVED_SHARE` of the lines), ``menus`` (the cleaned text still
    mostly short label lines: :func:`keeps_menu_lines`), ``short`` (under
    :data:`SHORT_WORDS` words), ``truncated`` (ends mid-sentence), ``fragments`` (over
    :data:`FRAGMENT_SHARE` of sentences are under :data:`FRAGMENT_WORDS` words),
    ``duplicate`` (a near-copy of ``duplicate_of``), ``language`` (not English) and
    ``mojibake`` (an English text still holding a stray ``â`` glued to a word, the lead byte
    of UTF-8 punctuation whose continuation bytes were lost that cleaning could not place:
    :func:`has_stray_lead_byte`) and ``transcript`` (a broadcast transcript, whose speakers'
    labels cleaning cut: :func:`transcripts_from_counts`). ``duplicate_similarity`` is the
    figure of each copy with the document it names (:meth:`DuplicateFinder.similarities`).
    ``press_release``: cleaning recognised a press release (:func:`release_documents`).
    ``letters``: cleaning read a letters page and moved its signatures out
    (:func:`letters_from_counts`).
    ``long``: far longer than the corpus's median article (:func:`long_documents`).
    ``live_blog``: cleaning recognised a live blog (:func:`live_blog_documents`).
    """
    out = documents.reset_index(drop=True)
    texts = out["text"].astype(str).tolist()
    checks = text_checks(texts)
    duplicate_of, similarity = find_copies(out["doc_id"].astype(str).tolist(), texts)
    counts = removed_line_counts(audit)
    return flag_documents(
        out,
        removed=share_removed_from_counts(out, counts, checks["lines_kept"]),
        fragments=fragment_share(sentences, out["doc_id"]),
        duplicate_of=duplicate_of,
        checks=checks,
        similarity=similarity,
        transcripts=transcripts_from_counts(out, counts),
        releases=release_documents(out, counts).tolist(),
        letters=letters_from_counts(out, counts),
        live_blogs=live_blog_documents(out, counts).tolist(),
    )


# A body over LONG_WORDS words and over LONG_FACTOR times the median body of the documents
# flagged together (the corpus, in ``run``) is flagged "long". A tester's 40,000-word report
# pasted as one article (or an export's articles joined into one) gave its outlet 94% of its
# sentences, unflagged. News articles run to a few hundred words and long-form features to a
# few thousand: 5,000 words leaves a corpus of short briefs' ordinary features unflagged (10
# times a median of 150 words is 1,500), and the factor a corpus of long reports, which are
# all alike (a median of 8,000 words puts the bar at 80,000).
LONG_WORDS = 5_000
LONG_FACTOR = 10


# What each flag means to a reader of the summary, who must judge whether to worry (a
# journalist's "lines_removed" was said with no word on what it meant)
FLAG_MEANINGS = {
    "lines_removed": "cleaning removed over half its lines (check that what is left is the "
    "article)",
    "menus": "what is left is still mostly short label lines, a page's menus or teasers, so its "
    "figures may describe the page rather than the article (read it; clean it by hand or leave "
    "it out)",
    "short": f"under {SHORT_WORDS} words",
    "truncated": "it ends mid-sentence",
    "fragments": "many of its sentences are under 4 words",
    "duplicate": "a near-copy of another document",
    "language": "not in English, which the English lexicons cannot read",
    "mojibake": "it still holds a character garbled by a wrong encoding",
    "transcript": "a broadcast transcript: its speakers' labels, stage directions and notices "
    "were cut; what its speakers say is counted as no quotation by the sourcing measures",
    "press_release": "a press release (cleaning found its 'FOR IMMEDIATE RELEASE' marker, a "
    "wire service's dateline such as '/PRNewswire/' or an 'About …' section, and removed "
    "them): what it says is the organisation's own words, not reporting about it",
    "letters": "a letters page (cleaning moved its letters' signatures, the writers' names and "
    "towns, out of the text and removed the page's notices): what it says is its readers' "
    "views, not the outlet's reporting or its own opinion",
    "long": f"over {LONG_WORDS:,} words and over {LONG_FACTOR} times the median article's "
    "length: a whole report pasted as one article, or several articles an export joined, "
    "whose sentences weigh in its outlet's figures as much as many ordinary articles' (kept; "
    "read it, and split it into its articles or leave it out)",
    "live_blog": "a live blog (cleaning removed its entries' times, its 'Key events' list or "
    "its writers' sign-offs): many short updates of one day, each counted as the article's "
    "text",
}


def long_documents(n_words: pd.Series) -> pd.Series:
    """Per document, whether its body is over :data:`LONG_WORDS` words and over
    :data:`LONG_FACTOR` times the median of ``n_words`` (the documents flagged together): an
    outlier whose sentences outweigh its outlet's other articles (flag ``long``)."""
    words = pd.to_numeric(n_words, errors="coerce").fillna(0)
    median = float(words.median()) if len(words) else 0.0
    return (words > LONG_WORDS) & (words > LONG_FACTOR * median)


def long_descriptions(documents: pd.DataFrame) -> list[tuple[str, str]]:
    """(doc_id, description) of each document flagged ``long``: its words, the median
    article's, and its share of its outlet's sentences ("40,036 words (the median article:
    502); 1,842 of Daily Post's 1,961 sentences (94%)"), which is what it distorts."""
    flagged = has_flag(documents, "long")
    if not flagged.any() or "n_words" not in documents.columns:
        return []
    words = pd.to_numeric(documents["n_words"], errors="coerce").fillna(0).astype(int)
    median = int(words.median())
    has_sentences = {"n_sentences", "outlet"} <= set(documents.columns)
    if has_sentences:
        sentences = pd.to_numeric(documents["n_sentences"], errors="coerce").fillna(0)
        per_outlet = sentences.groupby(documents["outlet"].astype(str)).sum()
    out = []
    for row in documents.index[flagged]:
        said = f"{words[row]:,} words (the median article: {median:,})"
        if has_sentences:
            outlet = str(documents.at[row, "outlet"])
            own, total = int(sentences[row]), int(per_outlet[outlet])
            share = own / total if total else 0.0
            said += f"; {own:,} of {outlet}'s {total:,} sentences ({share:.0%})"
        out.append((str(documents.at[row, "doc_id"]), said))
    return out


def long_warning(documents: pd.DataFrame) -> str | None:
    """The warning naming the documents flagged ``long`` (:func:`long_documents`), each with
    its share of its outlet's sentences (:func:`long_descriptions`), or None."""
    described = long_descriptions(documents)
    if not described:
        return None
    shown = "; ".join(f"{doc_id}: {said}" for doc_id, said in described[:5])
    if len(described) > 5:
        shown += f"; and {len(described) - 5} more"
    return (
        f"{len(described)} of {len(documents)} documents are far longer than the others "
        f"({shown}): a whole report pasted as one article, or several articles an export "
        "joined, whose sentences weigh in its outlet's tone, frames and words as much as many "
        "ordinary articles'. They are kept (flag 'long' in quality_flags): read them, and "
        "split each into its articles or leave it out."
    )


def add_flag(flags: str, name: str) -> str:
    """A ``quality_flags`` value with flag ``name`` raised too, in its place in
    :data:`FLAG_ORDER` (how the near-copies found in corpus order are added to flags the rest
    of which were raised elsewhere: :mod:`analysis.measure.document_quality`)."""
    raised = {flag for flag in flags.split(";") if flag} | {name}
    return ";".join(flag for flag in FLAG_ORDER if flag in raised)


def flag_documents(
    documents: pd.DataFrame,
    removed: pd.Series,
    fragments: pd.Series,
    duplicate_of: list[str],
    checks: pd.DataFrame,
    similarity: list[str] | None = None,
    transcripts: Sequence[bool] | None = None,
    releases: Sequence[bool] | None = None,
    letters: Sequence[bool] | None = None,
    live_blogs: Sequence[bool] | None = None,
) -> pd.DataFrame:
    """:func:`quality_table` from its parts, computed by the caller: the share of lines
    removed, the share of fragment sentences and the near-copy named for each document (with
    its ``similarity`` figure; none when not given), and its :func:`text_checks` (row order of
    ``documents``); ``transcripts``, whether each is a broadcast transcript
    (:func:`transcripts_from_counts`; none when not given); ``releases``, whether each is a
    press release (:func:`release_documents`; None: none is); ``letters``, whether each is a
    letters page (:func:`letters_from_counts`; None: none is); ``live_blogs``, whether each is
    a live blog (:func:`live_blog_documents`; None: none is). A corpus processed in batches
    computes the first three once over the whole corpus and flags each batch with this (the
    ``long`` flag compares each body with the median of ``documents``: the batch's)."""
    out = documents.drop(columns=[c for c in QUALITY_COLUMNS if c in documents.columns])
    out = out.reset_index(drop=True)
    short = (out["n_words"].astype(int) < SHORT_WORDS).to_numpy()
    truncated = checks["truncated"].tolist()
    stray = checks["stray_lead_byte"].tolist()
    many_fragments = (pd.Series(fragments).to_numpy() > FRAGMENT_SHARE).tolist()
    foreign = not_english(out["language"]).tolist()
    lines_removed = (pd.Series(removed).to_numpy() > REMOVED_SHARE).tolist()
    raised_by = {
        "lines_removed": lines_removed,
        "menus": checks["menu_lines"].astype(bool).tolist(),
        "short": short,
        "truncated": truncated,
        "fragments": many_fragments,
        "duplicate": [bool(copy_of) for copy_of in duplicate_of],
        "language": foreign,
        "mojibake": [not f and s for f, s in zip(foreign, stray, strict=True)],
        "transcript": list(transcripts) if transcripts is not None else [False] * len(out),
        "press_release": [False] * len(out) if releases is None else list(map(bool, releases)),
        "letters": [False] * len(out) if letters is None else list(map(bool, letters)),
        "long": long_documents(out["n_words"]).tolist(),
        "live_blog": [False] * len(out) if live_blogs is None else list(map(bool, live_blogs)),
    }
    columns = [raised_by[name] for name in FLAG_ORDER]
    flags = [
        ";".join(name for name, on in zip(FLAG_ORDER, row, strict=True) if on)
        for row in zip(*columns, strict=True)
    ]
    return out.assign(
        share_lines_removed=pd.Series(removed).to_numpy(),
        flag_short=short,
        flag_truncated=pd.Series(truncated, dtype=bool).to_numpy(),
        flag_fragments=pd.Series(many_fragments, dtype=bool).to_numpy(),
        duplicate_of=list(duplicate_of),
        duplicate_similarity=list(similarity) if similarity is not None else [""] * len(out),
        quality_flags=flags,
    )


# what a run does with the documents flagged "language" (not in English by their language,
# given or guessed): keep them (flagged, and noted at each finding naming their group) or leave
# them out. A database export's German article could not be left out without editing the export.
LANGUAGE_MODES = ("keep", "drop")


def apply_other_languages(
    documents: pd.DataFrame, sentences: pd.DataFrame, mode: str
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Keep or drop the documents flagged ``language`` (``mode`` in :data:`LANGUAGE_MODES`) and,
    with them, their sentences. ``"keep"`` returns both tables unchanged."""
    if mode not in LANGUAGE_MODES:
        raise ValueError(
            f"other_languages must be one of {', '.join(LANGUAGE_MODES)}, got {mode!r}"
        )
    if mode == "keep" or "quality_flags" not in documents.columns:
        return documents, sentences
    other = has_flag(documents, "language")
    dropped = set(documents.loc[other, "doc_id"])
    kept_sentences = sentences.loc[~sentences["doc_id"].isin(dropped)].reset_index(drop=True)
    return documents.loc[~other].reset_index(drop=True), kept_sentences


def apply_duplicates(
    documents: pd.DataFrame,
    sentences: pd.DataFrame,
    mode: str,
    wire: Mapping[str, str] | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Keep, flag or drop near-duplicate documents (``mode`` in :data:`DUPLICATE_MODES`).

    ``"flag"`` (the default of a run) keeps them, each copy naming in ``duplicate_of`` the
    original of its group that ``"drop"`` keeps (:func:`kept_copies`: a wire service's own
    article, ``wire``: :func:`wire_services`, else the one that holds the others, the
    longest), so that flagging, reading and then dropping keeps the original the flags named;
    ``"keep"`` does the same without the ``duplicate`` flag (copies counted on purpose);
    ``"drop"`` keeps that original of each group of copies and removes the others
    and their sentences, each naming the one kept in ``duplicate_of``; ``"drop_within"`` does
    so within each outlet only (an outlet that ran a story twice, or updated it: its latest
    version stays) and keeps and flags the copies of another outlet's article (syndication).
    """
    if mode not in DUPLICATE_MODES:
        raise ValueError(f"duplicates must be one of {', '.join(DUPLICATE_MODES)}, got {mode!r}")
    if "duplicate_of" not in documents.columns:
        return documents, sentences
    if mode in ("flag", "keep"):
        named, _ = kept_copies(documents, wire=wire)
        named.index = documents.index
        if mode == "flag":
            return named, sentences
        flags = named["quality_flags"].astype(str).str.split(";")
        kept = flags.map(lambda f: ";".join(x for x in f if x and x != "duplicate"))
        return named.assign(quality_flags=kept), sentences
    kept, gone = split_duplicates(documents, mode, wire)
    kept_sentences = sentences.loc[~sentences["doc_id"].isin(set(gone["doc_id"]))]
    return kept, kept_sentences.reset_index(drop=True)


def split_duplicates(
    documents: pd.DataFrame, mode: str, wire: Mapping[str, str] | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The documents ``"drop"`` or ``"drop_within"`` (``mode``) keeps and those it leaves out,
    each naming the document kept in its place (:func:`kept_copies`, with the wire services'
    own articles ``wire``); ``"drop_within"`` also leaves out all but one of an outlet's
    articles sharing one web address (:func:`url_versions`)."""
    documents, copies = kept_copies(documents, within_outlet=mode == "drop_within", wire=wire)
    if mode == "drop_within":
        documents, copies = url_versions(documents, copies, wire)
    return documents.loc[~copies].reset_index(drop=True), documents.loc[copies]


def url_versions(
    documents: pd.DataFrame, gone: pd.Series, wire: Mapping[str, str] | None = None
) -> tuple[pd.DataFrame, pd.Series]:
    """For ``-p duplicates drop_within``: the articles of one outlet sharing one web address
    (``url``, the same but for spaces around it and a final "/", as :func:`repeated_urls`
    reads it) are versions of one story, an export's row per update (a tester's headlines
    export held 187 addresses twice, the versions' texts too unlike to be near-copies). Of the
    versions not already ``gone`` (left out as near-copies, positions of ``documents`` as
    :func:`kept_copies` returns them), the one kept is chosen as for near-copies within an
    outlet (:func:`_preferred`: the latest by ``published``, then a wire service's own, then
    the longest); each other one is left out naming it in ``duplicate_of``, with
    ``duplicate_similarity`` "same url ADDRESS" (the audit's reason). A document naming a
    version left out (``duplicate_of``) names the one kept instead. Returns the documents and
    whether each is to be left out; both unchanged without ``url`` and ``outlet`` columns."""
    if not {"url", "outlet"} <= set(documents.columns) or documents.empty:
        return documents, gone
    urls = documents["url"].astype("string").fillna("").str.strip().str.rstrip("/").tolist()
    outlets = documents["outlet"].astype(str).tolist()
    left = gone.tolist()
    parts: dict[tuple[str, str], list[int]] = {}
    for row, (outlet, url) in enumerate(zip(outlets, urls, strict=True)):
        if url and not left[row]:
            parts.setdefault((outlet, url), []).append(row)
    ids = documents["doc_id"].astype(str).tolist()
    services = wire_services(documents) if wire is None else wire
    wired = {row for row, doc_id in enumerate(ids) if doc_id in services}
    named = documents["duplicate_of"].astype(str).tolist()
    figures = documents["duplicate_similarity"].astype(str).tolist()
    instead: dict[str, str] = {}
    for (_, url), rows in parts.items():
        if len(rows) < 2:
            continue
        kept, *versions = _preferred(documents, rows, True, wired)
        for row in versions:
            left[row] = True
            instead[ids[row]] = ids[kept]
            named[row], figures[row] = ids[kept], f"same url {url}"
    if not instead:
        return documents, gone
    shingles = _ShingleSets(documents)
    at = {doc_id: row for row, doc_id in enumerate(ids)}
    for row, of in enumerate(named):
        if of in instead:  # the versions name one kept, never one in ``instead``
            named[row] = instead[of]
            figures[row] = f"containment {shingles.share(row, at[instead[of]]):.2f}"
    out = documents.assign(duplicate_of=named, duplicate_similarity=figures)
    return out, pd.Series(left, index=documents.index)


def _wire_name(found: re.Match[str] | None) -> str:
    """The short name (AP, Reuters, AFP) of a wire service a match of :data:`_WIRE_NAMES`
    names, or ""."""
    if found is None:
        return ""
    name = " ".join(found.group("name").casefold().replace("-", " ").split())
    return _WIRE_SHORT.get(name, "AFP")  # the one left: agence france presse


def _dateline_credit(line: str) -> str:
    """The wire service credited in the wire dateline ``line`` opens with ("TALLAHASSEE,
    Fla. (AP) — ..."), or ""."""
    split = split_wire_dateline(line.strip())
    return _wire_name(_WIRE_CREDIT_RE.search(split[0])) if split else ""


def wire_services(documents: pd.DataFrame, audit: pd.DataFrame | None = None) -> dict[str, str]:
    """doc_id -> the wire service (``AP``, ``Reuters``, ``AFP``) whose own article the
    document is, for the documents that are one: its ``outlet`` is the agency's name
    (:data:`_WIRE_OUTLET_RE`), or its text opens with a wire dateline crediting it ("NEW YORK
    (AP) — ..."): in the text's first line, or, as cleaning moved it to the metadata, in the
    ``audit``'s rows ``wire_dateline`` (the line as it was) and ``place_dateline`` (a line "AP"
    or "(Reuters)" over a dash). Such an article is the original of a group of copies that
    holds it (:func:`kept_copies`)."""
    ids = documents["doc_id"].astype(str).tolist()
    found: dict[str, str] = {}
    if "outlet" in documents.columns:
        for doc_id, outlet in zip(ids, documents["outlet"].astype(str), strict=True):
            name = _wire_name(_WIRE_OUTLET_RE.fullmatch(" ".join(outlet.split())))
            if name:
                found[doc_id] = name
    if "text" in documents.columns:
        for doc_id, text in zip(ids, documents["text"].astype(str), strict=True):
            # the first line's opening: a dateline is its first 80 characters at most
            line = text.lstrip()[:400].partition("\n")[0]
            name = "" if doc_id in found else _dateline_credit(line)
            if name:
                found[doc_id] = name
    if audit is not None and {"doc_id", "rule", "original"} <= set(audit.columns):
        rows = audit.loc[audit["rule"].isin(("wire_dateline", "place_dateline"))]
        present = set(ids)
        for doc_id, rule, original in rows[["doc_id", "rule", "original"]].astype(str).values:
            if doc_id in found or doc_id not in present:
                continue
            name = (
                _dateline_credit(original)
                if rule == "wire_dateline"
                else _wire_name(_WIRE_PLACE_RE.fullmatch(" ".join(original.split())))
            )
            if name:
                found[doc_id] = name
    return found


def copy_groups(documents: pd.DataFrame) -> list[list[int]]:
    """The groups of copies of ``documents`` (row positions, in order; two rows or more): the
    rows linked by ``duplicate_of``, directly or through others."""
    ids = documents["doc_id"].astype(str).tolist()
    parent = list(range(len(ids)))
    at = {doc_id: row for row, doc_id in enumerate(ids)}

    def root(row: int) -> int:
        while parent[row] != row:
            parent[row] = parent[parent[row]]
            row = parent[row]
        return row

    for row, original in enumerate(documents["duplicate_of"].astype(str)):
        if original in at:
            parent[max(root(row), root(at[original]))] = min(root(row), root(at[original]))
    groups: dict[int, list[int]] = {}
    for row in range(len(ids)):
        groups.setdefault(root(row), []).append(row)
    return [rows for rows in groups.values() if len(rows) > 1]


def kept_copies(
    documents: pd.DataFrame, within_outlet: bool = False, wire: Mapping[str, str] | None = None
) -> tuple[pd.DataFrame, pd.Series]:
    """``documents`` with, in each group of copies (:func:`copy_groups`), the documents to keep
    chosen and every other copy naming the one it copies among them (``duplicate_of``, with
    its ``duplicate_similarity``: the share of the smaller one's shingles found in the other,
    all of them counted, from the texts).

    The one kept, the group's original, is a wire service's own article when the group holds
    one (``wire``, doc_id -> the service, :func:`wire_services`; None: read from the
    documents' outlets and texts alone), the longest of several: the source the others copy,
    though an outlet's rework with a local paragraph holds it (a tester's AP story went under
    "drop" to a longer rework). Else it is the one that holds the others: the longest (most
    words), the earliest of equal length; a tester's "drop" kept whichever copy came first, so
    the wire service's own story went when an outlet's copy was listed before it, and an
    outlet's version with a local paragraph found nowhere else went when the wire's came first.
    Every mode names this original (``flag`` and ``keep`` through :func:`apply_duplicates`):
    a tester who flagged copies, read them and then dropped them found another "original"
    kept than the one the flags named. ``within_outlet`` (mode ``drop_within``) chooses
    within each outlet's documents of a group: its latest version when their ``published``
    dates or times differ (an update supersedes: a tester's corrected version was dropped as a
    copy of the earlier one), else the longest; a copy of another outlet's article names the
    group's original, or, when that one was left out within its outlet, the one kept in its
    place. A document of the group that is not a copy of one kept (under
    :data:`CONTAINMENT_THRESHOLD` of the smaller found in it: two stories that quote the same
    wire paragraphs) is kept too, and the others may name it. A document kept and no longer a
    copy of one kept loses its ``duplicate`` flag. Returns the documents and whether each is to
    be left out."""
    out = documents.reset_index(drop=True).copy()
    if "duplicate_similarity" not in out.columns:
        out["duplicate_similarity"] = ""
    shingles = _ShingleSets(out)
    groups = copy_groups(out)
    services = wire_services(out) if wire is None else wire
    wired = {row for row, doc_id in enumerate(out["doc_id"].astype(str)) if doc_id in services}
    # the group's original for each copy, as "drop" chooses: every mode names it
    original, figure = _choose_kept(out, groups, shingles, False, wired)
    replaced = original
    if within_outlet and "outlet" in out.columns:
        outlets = out["outlet"].astype(str)
        parts = [
            [row for row in group if outlets[row] == o]
            for group in groups
            for o in dict.fromkeys(outlets[group])
        ]
        replaced, figure = _choose_kept(out, parts, shingles, True, wired)
    ids = out["doc_id"].astype(str).tolist()
    found: list[int | None] = [original.get(row) for row in range(len(out))]
    outlet = out["outlet"].astype(str).tolist() if "outlet" in out.columns else [""] * len(out)
    named = [""] * len(out)
    for row in range(len(out)):
        if row in replaced:
            named[row] = ids[replaced[row]]
            continue
        target = _kept_in_place(row, found, replaced) if within_outlet else None
        if target is not None and outlet[target] != outlet[row]:
            named[row], figure[row] = ids[target], shingles.share(row, target)
    similarity = [
        f"containment {figure[row]:.2f}" if row in figure else (old if named[row] else "")
        for row, old in enumerate(out["duplicate_similarity"].astype(str))
    ]
    flags = [
        add_flag(raised, "duplicate")
        if copy_of
        else ";".join(f for f in str(raised).split(";") if f and f != "duplicate")
        for raised, copy_of in zip(out["quality_flags"].astype(str), named, strict=True)
    ]
    out = out.assign(duplicate_of=named, duplicate_similarity=similarity, quality_flags=flags)
    return out, pd.Series([row in replaced for row in range(len(out))], index=out.index)


def _choose_kept(
    documents: pd.DataFrame,
    parts: list[list[int]],
    shingles: _ShingleSets,
    by_date: bool,
    wire: set[int],
) -> tuple[dict[int, int], dict[int, float]]:
    """In each of ``parts`` (rows of copies), the documents kept, in :func:`_preferred`'s
    order (``wire``: the rows of a wire service's own article), each one not a copy of one
    kept before it: returns each copy left out -> the document kept that holds it most, and
    its share."""
    replaced: dict[int, int] = {}
    figure: dict[int, float] = {}
    for part in parts:
        kept: list[int] = []
        for row in _preferred(documents, part, by_date, wire):
            share = {keep: shingles.share(row, keep) for keep in kept}
            best = max(share, key=share.__getitem__, default=None)
            if best is None or share[best] < CONTAINMENT_THRESHOLD:
                kept.append(row)
            else:
                replaced[row] = best
                figure[row] = share[best]
    return replaced, figure


def _kept_in_place(row: int, found: list[int | None], replaced: dict[int, int]) -> int | None:
    """The document kept that the kept document ``row`` copies: the one it was found to copy
    (``found``, a row or None), or, when that one was left out, the one kept in its place
    (``replaced``), else the one that the document left out was found to copy; None for none."""
    target = found[row]
    for _ in range(len(found)):
        if target is None or target not in replaced:
            break
        target = replaced[target] if replaced[target] != row else found[target]
    return None if target == row or target in replaced else target


def _preferred(
    documents: pd.DataFrame, rows: list[int], by_date: bool, wire: set[int] = frozenset()
) -> list[int]:
    """``rows`` in the order a copy is kept: latest ``published`` first when ``by_date`` and
    their dates or times differ (all read), then a wire service's own article (a row of
    ``wire``), then most words, then corpus order."""
    words = documents["n_words"].astype(int) if "n_words" in documents.columns else None
    key: dict[int, tuple[float, ...]] = {
        row: (float(row not in wire), -float(words[row]) if words is not None else 0.0, row)
        for row in rows
    }
    if by_date and "published" in documents.columns:
        dates = pd.to_datetime(
            documents["published"].astype(str)[rows], errors="coerce", utc=True, format="mixed"
        )
        if dates.notna().all() and dates.nunique() > 1:
            stamp = dates.astype("int64") // 10**9
            key = {row: (-float(stamp[row]), *key[row]) for row in rows}
    return sorted(rows, key=key.__getitem__)


class _ShingleSets:
    """The distinct shingles of documents' texts, computed when first asked for."""

    def __init__(self, documents: pd.DataFrame) -> None:
        self._texts = documents["text"].astype(str) if "text" in documents.columns else None
        self._sets: dict[int, np.ndarray] = {}

    def _of(self, row: int) -> np.ndarray:
        if row not in self._sets:
            self._sets[row] = np.unique(shingle_hashes(self._texts[row]))
        return self._sets[row]

    def share(self, one: int, other: int) -> float:
        """The share of the smaller one's shingles found in the other (1 without texts: the
        copies as found are kept as copies)."""
        if self._texts is None:
            return 1.0
        a, b = self._of(one), self._of(other)
        if not min(a.size, b.size):
            return 0.0
        return np.intersect1d(a, b, assume_unique=True).size / min(a.size, b.size)


def same_outlet_copies(documents: pd.DataFrame) -> pd.Series:
    """Whether each document is a copy (``duplicate_of``) of an article of its own outlet."""
    if "duplicate_of" not in documents.columns or "outlet" not in documents.columns:
        return pd.Series(False, index=documents.index)
    outlet_of = dict(
        zip(documents["doc_id"].astype(str), documents["outlet"].astype(str), strict=True)
    )
    original = documents["duplicate_of"].astype(str).map(outlet_of)
    return (documents["duplicate_of"].astype(str) != "") & (
        original == documents["outlet"].astype(str)
    )


def quality_lines(documents: pd.DataFrame, duplicates: str = "flag", limit: int = 10) -> list[str]:
    """Markdown lines for the summary naming flagged documents and what was done with them,
    and the web addresses given to more than one article (:func:`repeated_urls_note`).

    Empty when nothing is flagged (or the table has no quality columns) and no address is
    repeated. At most ``limit`` documents are named; the rest are counted. Ids are code spans
    and outlets escaped text (:mod:`analysis.report.html`): both come from the user's corpus,
    and the summary is also an HTML page.
    """
    from analysis.report.html import escape_code, escape_text

    urls_note = repeated_urls_note(documents, duplicates)
    alone = [f"**Document quality.** {urls_note}", ""] if urls_note else []
    if "quality_flags" not in documents.columns:
        return alone
    flagged = documents.loc[documents["quality_flags"].astype(str) != ""]
    if flagged.empty:
        return alone
    action = {
        "flag": "kept in the analysis and flagged",
        "keep": "kept in the analysis",
        "drop": "kept, except near-duplicates, which were dropped",
        "drop_within": "kept, except near-duplicates of an article of the same outlet and "
        "the earlier versions of an outlet's article at one web address, which were dropped",
    }.get(duplicates, "kept in the analysis and flagged")
    counts: dict[str, int] = {}
    for flags in flagged["quality_flags"].astype(str):
        for flag in filter(None, flags.split(";")):
            counts[flag] = counts.get(flag, 0) + 1
    n_docs = len(documents)
    # a flag every document carries is said so ("short: all 3868"), not as a count to compare
    by_flag = ", ".join(
        f"{flag} {f'(all {n})' if n == n_docs else n}"
        for flag, n in sorted(counts.items(), key=lambda c: -c[1])
    )
    copies = counts.get("duplicate", 0)
    # a tester's 253 copies (9% of the articles) counted in every estimate, unsaid
    within = int(same_outlet_copies(documents).sum())
    across = copies - within if duplicates != "drop_within" else copies
    counted = (
        f" The {copies} duplicates (copies, exact or near, of another document of the corpus: "
        f"{within} of an article of the same outlet, {copies - within} of another outlet's, as "
        "a syndicated story is) count in every estimate, so an outlet that ran a story twice "
        "weighs it twice; rerun with `-p duplicates drop_within` to leave out the copies within "
        "an outlet and keep each outlet's syndicated stories, or `-p duplicates drop` to leave "
        "out every copy but one of each story (a wire service's own article when the story has "
        "one, else the one that holds the others, the longest, stays, whichever outlet ran it)."
        if copies and duplicates in ("flag", "keep")
        else f" The {across} duplicates left are copies of another outlet's article (syndicated "
        "stories), kept as each outlet's coverage."
        if across and duplicates == "drop_within"
        else ""
    )
    meanings = "; ".join(f"{flag}: {FLAG_MEANINGS[flag]}" for flag in FLAG_ORDER if flag in counts)
    every = len(flagged) == n_docs > limit
    # every document flagged, more than a list names: its first ten say nothing (a tester's
    # headlines listed ten of 3,868 "short, truncated", then "… and 3858 more")
    how_many = f"All {n_docs}" if every else f"{len(flagged)} of {n_docs}"
    lines = [
        f"**Document quality.** {how_many} documents are flagged "
        f"({action}; see the `quality_flags` column of documents.csv): {by_flag}.{counted}"
        f" What each flag means: {meanings}.",
        "",
    ]
    if counts.get("truncated"):
        lines[0] += f" {TRUNCATED_NOTE}"
    if urls_note:
        lines[0] += f" {urls_note}"
    if every:
        lines[0] += " As every document carries a flag, none is listed here."
        return lines
    for row in flagged.head(limit).itertuples(index=False):
        note = str(row.quality_flags).replace(";", ", ")
        if str(row.duplicate_of):
            note += f" (copy of `{escape_code(row.duplicate_of)}`)"
        lines.append(f"- `{escape_code(row.doc_id)}` ({escape_text(row.outlet)}): {note}")
    if len(flagged) > limit:
        lines.append(f"- … and {len(flagged) - limit} more")
    described = long_descriptions(documents)
    if described:  # what a "long" document weighs in its outlet's figures
        listed = "; ".join(f"`{escape_code(d)}`: {escape_text(said)}" for d, said in described)
        lines[0] += f" What the long documents weigh in their outlets' figures: {listed}."
    return lines


def quality_summary(tables_dir: Path | str, params: Mapping[str, Any]) -> list[str]:
    """:func:`quality_lines` for the summary, from ``documents.csv`` in ``tables_dir``.

    ``params`` are the run's shown parameters (``duplicates`` says what was done with copies;
    with ``outlets`` chosen, the documents of the others, which the run left out, are not
    counted: a tester's summary listed them as "kept in the analysis and flagged").
    Empty when the table is missing or has no quality columns (tables of an older run).
    """
    from analysis.io import read_table

    path = Path(tables_dir) / "documents.csv"
    if not path.is_file():
        return []
    documents = read_table(path, dtype={"doc_id": str})
    # a column empty in every row reads as float NaN; fill each empty cell with "" (a float
    # column's fillna("") is deprecated in pandas)
    documents = documents.astype(
        {c: object for c in documents.columns if documents[c].isna().any()}
    ).fillna("")
    # only the documents the run compared: those of the outlets chosen (-p outlets), if any
    from analysis.selection import keep_outlets

    documents = keep_outlets(documents, params.get("outlets"), strict=False)
    lines = quality_lines(documents, str(params.get("duplicates") or "flag"))
    return [*lines, ""] if lines else []


# A Q&A interview: at least this many sentences open on a question label ("Q:", "Question:")
# and as many on an answer label ("A:", "Answer:"). Two of each tells an interview's turns from
# a lone "Q:" in a FAQ box or an "A: " list item.
QA_MIN_TURNS = 2
_QUESTION_RE = re.compile(r"\s*(?:Q|Question)\s*:", re.IGNORECASE)
_ANSWER_RE = re.compile(r"\s*(?:A|Answer)\s*:", re.IGNORECASE)


def qa_documents(sentences: pd.DataFrame) -> list[str]:
    """The ``doc_id`` of each document of ``sentences`` (columns ``doc_id, sentence``) written
    as a Q&A interview: :data:`QA_MIN_TURNS` or more sentences opening on "Q:" or "Question:"
    and as many on "A:" or "Answer:", in order of first appearance."""
    if sentences.empty or not {"doc_id", "sentence"} <= set(sentences.columns):
        return []
    text = sentences["sentence"].astype(str)
    asked = text.map(lambda t: _QUESTION_RE.match(t) is not None)
    answered = text.map(lambda t: _ANSWER_RE.match(t) is not None)
    ids = sentences["doc_id"].astype(str)
    counts = (
        pd.DataFrame({"doc_id": ids, "q": asked, "a": answered})
        .groupby("doc_id", sort=False)[["q", "a"]]
        .sum()
    )
    found = counts[(counts["q"] >= QA_MIN_TURNS) & (counts["a"] >= QA_MIN_TURNS)]
    return [str(i) for i in found.index]


def _outlets_of(documents: pd.DataFrame, found: pd.Series) -> str:
    """ ", of A, B": the outlets of the ``found`` rows of ``documents``, for a note naming
    documents; ``""`` without an outlet column."""
    from analysis.report.html import escape_text

    if "outlet" not in documents.columns:
        return ""
    outlets = sorted(set(documents.loc[found, "outlet"].astype(str)))
    return f", of {', '.join(escape_text(o) for o in outlets)}" if outlets else ""


def qa_sourcing_lines(tables_dir: Path | str, params: Mapping[str, Any]) -> list[str]:
    """Markdown lines closing the summary's sourcing findings when documents of the run are Q&A
    interviews (:func:`qa_documents`, from ``sentences.csv`` and ``documents.csv`` in
    ``tables_dir``; only the outlets chosen, ``params["outlets"]``), else none. An answer
    stands after "A:" in no quotation marks and names no speaker, so the sourcing measures
    count it as no quotation and credit it to no one, as they do a transcript's turns
    (:func:`transcript_sourcing_lines`): a tester's interview with a hydrologist counted none
    of her answers, and the summary said nothing."""
    from analysis.io import read_table
    from analysis.report.html import escape_code
    from analysis.selection import keep_outlets
    from analysis.user_warnings import first_ids

    folder = Path(tables_dir)
    if not (folder / "sentences.csv").is_file() or not (folder / "documents.csv").is_file():
        return []
    documents = read_table(folder / "documents.csv", dtype={"doc_id": str})
    documents = keep_outlets(documents, params.get("outlets"), strict=False)
    sentences = read_table(
        folder / "sentences.csv", dtype={"doc_id": str}, usecols=["doc_id", "sentence"]
    )
    kept = set(documents["doc_id"].astype(str))
    ids = [i for i in qa_documents(sentences) if i in kept]
    if not ids:
        return []
    found = documents["doc_id"].astype(str).isin(ids)
    where = _outlets_of(documents, found)
    return [
        f"**Q&A interviews.** {len(ids)} of {len(documents)} documents are written as questions "
        f"and answers (`{escape_code(first_ids(ids))}`{where}: {QA_MIN_TURNS} or more sentences "
        "each opening on “Q:” and on “A:”). An answer stands in no quotation marks and names "
        "no speaker, so the sourcing measures count the answers in a Q&A interview as no "
        "quotation and credit them to no one: a lower share of quotation or attribution for a "
        "group holding them says how an interview is written, not that its coverage quoted "
        "fewer people.",
        "",
    ]


def transcript_sourcing_lines(tables_dir: Path | str, params: Mapping[str, Any]) -> list[str]:
    """Markdown lines closing the summary's sourcing findings when documents of the run are
    broadcast transcripts (flag ``transcript``, from ``documents.csv`` in ``tables_dir``; only
    the outlets chosen, ``params["outlets"]``), else none. Their speakers' turns stand in no
    quotation marks: until cleaning kept who speaks each sentence, the sourcing measures
    counted none of them as a quotation (a tester's four CBN transcripts, mostly named people
    speaking, had 0% direct quotation against a newspaper's 35%, and the summary gave it as a
    difference between the outlets). The lines say how their turns are counted now: a guest's
    as a quotation of the speaker the label names, the show's own people's as its voice
    (:func:`analysis.corpus.transcripts.turn_speakers`,
    :func:`analysis.framing.sourcing.sourcing_matrix`)."""
    from analysis.io import read_table
    from analysis.report.html import escape_code
    from analysis.selection import keep_outlets
    from analysis.user_warnings import first_ids

    path = Path(tables_dir) / "documents.csv"
    if not path.is_file():
        return []
    documents = read_table(path, dtype={"doc_id": str, "quality_flags": str})
    documents = keep_outlets(documents, params.get("outlets"), strict=False)
    found = has_flag(documents, "transcript")
    if not found.any():
        return []
    ids = documents.loc[found, "doc_id"].astype(str).tolist()
    where = _outlets_of(documents, found)
    return [
        f"**Transcripts.** {len(ids)} of {len(documents)} documents are broadcast transcripts "
        f"(`{escape_code(first_ids(ids))}`{where}; flag `transcript` in documents.csv). What "
        "their speakers say stands in no quotation marks; each sentence keeps who says it "
        "(`transcript_speaker`, `transcript_role` in sentences.csv). A guest's turn counts as a "
        "direct quotation attributed to the guest, credited to the kinds of source the "
        "speaker's label names as a printed attribution's words would be (\"DR. ALAN CHU, "
        'EPIDEMIOLOGIST": an expert; a bare name, "PRIYA NAND", none). The show\'s own '
        "people speak as the outlet, as a reporter's own sentences do in print: a speaker whose "
        "label says host, anchor, correspondent, reporter, moderator or presenter, and, when "
        "no label names a host, anchor, moderator or presenter, the speaker with the most "
        "turns. Limits: another outlet's reporter as a guest counts as the show's own, and "
        "two speakers of one surname as one.",
        "",
    ]
