"""Clean one article's raw text: repair its encoding, drop boilerplate, keep an audit trail.

:func:`clean_text` turns a scraped article into a clean body, one paragraph, heading, bullet or
timeline entry per line, and records every line it removed, changed or moved to metadata as an
:class:`AuditEntry` (the raw line, its 1-based line number, the rule, the result). Nothing is
removed silently except empty lines.

A raw line holding several HTML blocks (a content-management export's ``<p>…</p><p>…</p>``)
is first cut into one line per block, where a browser would break it. Each line is then
normalised (mojibake repair, invisible characters, Unicode NFC, ligatures, whitespace,
bullet markers, HTML entities and debris, link annotations, emphasis markers), then judged:

* metadata lines move to ``metadata``: the title repeated as the first line, "Original article:
  <URL>", a dateline near the top, a byline, wire credits;
* boilerplate goes: site chrome, sign-in/subscribe/audio prompts, comment sections, related
  article lists, author bios, CMS debris, table-of-contents markers, platform disclaimers,
  paragraph markers, bare section labels, a press release's furniture (the rules: :data:`RULES`;
  the code: :mod:`analysis.corpus.normalisers`, :mod:`~analysis.corpus.line_rules`,
  :mod:`~analysis.corpus.block_rules`, :mod:`~analysis.corpus.metadata_rules`,
  :mod:`~analysis.corpus.press_releases`; the vocabularies:
  ``analysis/data/boilerplate_patterns.toml``);
* everything else is kept, and a line that continues a hard-wrapped paragraph is joined to it.

Rules anchor on whole-line shapes and block structure, never on a word inside a sentence, so
prose that mentions "subscribe" or "comment" stays. ``clean_text`` is idempotent: when a round
could leave something for a next round to do (it joined hard-wrapped lines, or removed the only
genuine Thai so Thai-letter mojibake becomes repairable), cleaning runs again on its own output
until nothing changes; the audit of every round refers to the raw line numbers.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache, partial
from itertools import pairwise
from operator import attrgetter

import numpy as np
import pandas as pd

from analysis.corpus import normalisers
from analysis.corpus.block_rules import (
    HEADING_WORDS,
    comment_block_end,
    continues_previous,
    is_about_author_heading,
    is_bio,
    is_bio_of,
    is_comment_heading,
    is_related_heading,
    may_be_continued,
    related_block_end,
)
from analysis.corpus.boilerplate_model import BoilerplateModel, default_model
from analysis.corpus.detokenise import (
    collapse_punctuation_runs,
    detokenise,
    may_need_detokenising,
    remove_caption_boilerplate,
)
from analysis.corpus.encoding import (
    find_repairs,
    has_genuine_thai,
    may_hold_mojibake,
    repair_lost_continuation,
)
from analysis.corpus.hard_wraps import (
    NARROWEST_COLUMN,
    WordForms,
    Wrapping,
    joined_words,
    read_wrapping,
)
from analysis.corpus.headline_furniture import RULES as HEADLINE_RULES
from analysis.corpus.headline_furniture import (
    cut_headline_label,
    cut_outlet_suffix,
    is_short_text,
    outlet_keys,
)
from analysis.corpus.letters import (
    LETTERS_RULES,
    is_letters_page,
    is_letters_title,
    letters_title,
    signature_end,
)
from analysis.corpus.line_rules import LineView, cached_attribute, line_rules, match_line_rule
from analysis.corpus.live_blogs import (
    LIVE_BLOG_RULES,
    is_entry_time,
    is_key_events_heading,
    is_live_blog,
    key_events_end,
)
from analysis.corpus.metadata_rules import (
    BYLINE_WORDS,
    has_date_prefix,
    is_credit_line,
    is_person_name,
    name_before_role,
    parse_author_role,
    parse_byline,
    parse_dateline,
    parse_name_in_place,
    parse_name_list,
    parse_name_with_role,
    parse_source_name,
    parse_source_url,
    split_wire_dateline,
    title_key,
)
from analysis.corpus.normalisers import SUPERSCRIPTS
from analysis.corpus.page_furniture import (
    footnote_markers,
    has_date_part,
    header_key,
    is_footnote,
    is_masthead,
    is_page_number,
    may_be_numbered_footnote,
    running_header_keys,
)
from analysis.corpus.page_metadata import tidy_author
from analysis.corpus.press_releases import RULE_DESCRIPTIONS as RELEASE_RULE_DESCRIPTIONS
from analysis.corpus.press_releases import (
    ReleaseBlock,
    release_block,
    release_line_rule,
    split_release_dateline,
    strip_stock_tickers,
)
from analysis.corpus.transcripts import (
    TRANSCRIPT_RULES,
    TranscriptLine,
    cut_inline_directions,
    is_transcript,
    is_transcript_only,
    nexis_field,
    show_name,
    speaker_label,
    transcript_line,
    turn_speakers,
)
from analysis.corpus.wire_copy import RULES as WIRE_RULES
from analysis.corpus.wire_copy import (
    cut_contributor_tail,
    parse_correction_note,
    remove_wire_signoff,
    wire_note_rule,
)

__all__ = [
    "RULES",
    "AuditEntry",
    "CleanedText",
    "audit_frame",
    "clean_text",
    "line_key",
    "template_lines",
]

AUDIT_COLUMNS = ["doc_id", "line_no", "original", "rule", "action", "result"]
# the action of an audit entry for a corpus file's row, or a document, left out of the analysis
# (analysis.loading: a row without text, a document cleaning left without text)
LEFT_OUT = "document_left_out"
# the action of an audit entry for a block of a saved page that the extraction of its article
# left out (analysis.corpus.page_blocks): a record of the page, not a line of the text removed,
# so not counted with the lines cleaning removed, changed or moved (the summary, lines_removed)
NOT_EXTRACTED = "not_extracted"
ACTIONS = ("removed", "changed", "moved_to_metadata")  # the values of AuditEntry.action
TOP_LINES = 3  # a dateline or byline counts as "at the top" before this many kept lines
# a wire dateline ("NEW YORK (AP) — ...") opens the first paragraph within this many kept lines:
# a photo's caption, a headline, a gallery's "1 / 5" may stand above it
WIRE_DATELINE_LINES = 10
_MAX_ROUNDS = 8


@dataclass(frozen=True)
class AuditEntry:
    """One line that cleaning removed, changed or moved to metadata."""

    doc_id: str
    line_no: int  # 1-based line number in the raw text (after decoding, before any change)
    original: str  # the raw line as it was
    rule: str  # a key of RULES
    action: str  # "removed" | "changed" | "moved_to_metadata" (| LEFT_OUT, NOT_EXTRACTED)
    result: str  # the new line for "changed" ("" for removed); the value for moved_to_metadata


@dataclass(frozen=True)
class CleanedText:
    """The clean body of one document, with what was taken out of it."""

    text: str  # one paragraph/heading/bullet/timeline entry per line, no blank lines
    audit: tuple[AuditEntry, ...]
    metadata: dict[str, str]  # e.g. {"url": ..., "author": ..., "dateline": ...}
    n_encoding_repairs: int
    # a broadcast transcript's speakers: per non-blank line of ``text``, ``(label, role)`` of
    # who speaks it (analysis.corpus.transcripts.turn_speakers; ("", "") above the first turn);
    # empty for a text that is no transcript
    speakers: tuple[tuple[str, str], ...] = ()


def _rules_listing() -> dict[str, str]:
    listing = {
        "mojibake_repair": "UTF-8 text that was read as cp1252 or cp874 (Thai) and saved again is "
        "decoded back ('โ€™'/'â€™' to ’, 'รฉ'/'Ã©' to é); lossy forms are completed from context.",
        "invisible_chars": "Zero-width characters, soft hyphens, byte-order marks and control "
        "characters are dropped.",
        "unicode_nfc": "Text is put in Unicode NFC form (a letter and its combining accent become "
        "one character).",
        "ligature": "A Latin ligature a PDF's text keeps ('ﬁ', 'ﬀ', 'ﬃ', 'ﬂ': U+FB00–FB06) "
        "becomes the letters it joins ('oﬃcials' to 'officials').",
        "whitespace": "Tabs, no-break and other spaces become one plain space; leading and "
        "trailing spaces go.",
        "blank_line": "A line holding only whitespace is dropped (empty lines are dropped "
        "without an entry).",
        "bullet_normalise": "Bullet markers ('  • x', '* x', '▪ x') become the one convention "
        "'- x'.",
        "lost_byte_repair": "A lone 'â' left by UTF-8 punctuation whose continuation bytes "
        "were lost ('wasnât') becomes ’, — or a quote by its place, in lines that show it "
        "inside a contraction.",
        "detokenise": "Text tokenised the Penn Treebank way is rejoined: 'U . S .' to 'U.S.', "
        '-LRB-/-RRB- to brackets, "won \' t" to "won\'t", "world \'s" to "world\'s", spaces '
        "before punctuation in tokenised lines.",
        "punctuation_run": "A run of spaced sentence-final marks (' . .' from tokenised text) "
        "keeps its first mark, so no sentence of punctuation alone is split off.",
        "punctuation_only": "A line without a letter or digit ('.', '...', '\u201d') left by "
        "tokenised or split text, or a separator ('___', AP's between its story and its "
        "notes): it would become a sentence of punctuation alone.",
        "caption_boilerplate": "An image widget's 'Enlarge this image toggle caption' and the "
        "photo credit it prints twice are removed.",
        "footnote_mark": "A footnote's marker glued to the text is cut: superscript digits "
        "after a word or a mark ('by 2025.¹ Critics', 'Sgt.¹ Jim'), not a unit's exponent "
        "('50 m²'); a number of one or two digits glued after a sentence's end and before the "
        "next sentence ('thought out.2 Patients'), not after 'No.' or 'Vol.'.",
        "footnote": "A footnote at a page's foot: a line opening with a superscript number "
        "('¹ Figures from the ministry's annual report.'), or with a number the text used as a "
        "footnote's marker above it ('2 Survey by the Patients Association.' under 'thought "
        "out.2 Patients').",
        "html_entity": "HTML entities ('&amp;', '&#8217;') become the characters they stand for.",
        "author_by": "'By' at the start of an export's author ('By Jane Roe', or 'By' alone) is "
        "taken off the author.",
        "date_iso": "A given published date written otherwise than ISO ('February 16, 2017', "
        "'30/09/2018') is written as its ISO date when it can be only one day; date_note keeps "
        "what was written.",
        "published_time": "A published day given the time of day the text's 'Updated' line "
        "(else its dateline) gives ('2024-10-11' and 'UPDATED 11:20 a.m.': "
        "'2024-10-11T11:20'), when the line names no other day; date_note says so.",
        "language_code": "A given language written as a name ('English', 'ENGLISH', 'Deutsch', "
        "'anglais') is written as its ISO 639-1 code ('en', 'de'), so one language has one value.",
        "link_text": "Link annotations such as '(opens in a new tab)' or Reuters' ', opens new "
        "tab' are cut out of the line.",
        "truncation_mark": "The mark a news API leaves where it cut an article short "
        "('… [+2712 chars]', NewsAPI) is cut from the end of the line; the article stays cut.",
        "excerpt_mark": "The mark a news feed leaves where an excerpt ends ('[…]', 'Continue "
        "reading →') is cut from the end of the text's last line; the article stays cut.",
        "feed_footer": "WordPress's feed footer ('The post <title> appeared first on <site>.') "
        "is cut from the end of the text, or its last line removed when it is nothing else.",
        "read_more_link": "A 'Read more »' link after the text's last sentence (a feed item's "
        "link to the rest) is cut.",
        "rights_notice": "A rights notice run into the text's last paragraph ('(c) 2018 Example "
        "Times. All Rights Reserved. This material may not be published, broadcast, rewritten or "
        "redistributed.', as a database export leaves it) is cut from its end.",
        "emphasis_markup": "Markdown emphasis debris is unwrapped: '_Reuters_' becomes 'Reuters'.",
        "markdown_markup": "Markdown structure is unwrapped: '## Title' and '> quote' lose their "
        "markers, '[text](url)' keeps its text, an image '![alt](url)' goes.",
        "title_line": "The first line of text (chrome removed above it does not count), when "
        "it repeats the document's title, moves to metadata['title'].",
        "headline_line": "Without a known title, the first line of text shaped as a headline "
        "(3–25 words, no closing punctuation) above a byline or dateline, or above a paragraph "
        "opening with a wire dateline ('(Reuters) - ...', as a paper runs a wire story without "
        "a byline), moves to metadata['title']: one line of text (a standfirst) may stand "
        "between a byline and it, and lines the rules remove or move anyway (a share button, a "
        "photo's caption); so may they above it ('BREAKING NEWS', a correction note). A "
        "Markdown text's first line of text, when it is a heading of level 1 ('# Title') of "
        "3–25 words, moves there too.",
        "menu_above_headline": "The lines kept above a headline found under a site's menu, "
        "each as short as a menu item ('LOCAL NEWS', 'Health Business', 'Opinion'): the menu's "
        "last items and section labels, which the line classifier may have left.",
        "source_url": "'Original article: <URL>', 'Source: <URL>' or a bare URL line moves to "
        "metadata['url'].",
        "source_line": "A short 'Source: <name>' credit line moves to metadata['source'].",
        "dateline": "A standalone date near the top ('Oct. 21, 2025', '3 hours ago', "
        "'<date> Updated 2 hours ago'), or a 'Published/Updated: <date>' line, moves to "
        "metadata['dateline'] (or ['updated']).",
        "place_dateline": "Where the text opens, one or two short lines (1–4 words each) over "
        "a line holding only a dash ('New York' / 'CNN' / '—', as a browser copies CNN's "
        "opening) are the place and source of a dateline split over lines: they move to "
        "metadata['dateline_place'] and the dash line goes.",
        "wire_dateline": "A wire dateline opening the article's first paragraph ('NEW YORK "
        "(AP) — ', 'LONDON, Oct 21 (Reuters) - ', 'WASHINGTON — '; once per text, within its "
        "first 10 lines kept) moves to metadata['dateline_place']; the paragraph stays.",
        "byline": "A 'By <Name>' line moves to metadata['author']; near the top, so does a "
        "name over a role line ('Jane Doe' / 'Business reporter, BBC News', the role to "
        "metadata['author_role']), a name with its place or alone over a dateline ('Jane Doe in "
        "London' / 'Published October 21 2025'; a '+ FOLLOW' button may stand between), a "
        "name with a role ('Jane Doe, Senior Business Reporter') over one and a name alone "
        "under one.",
        "image_credit": "A short image credit line ('Photo: Jane Roe/Reuters', 'Image credit: "
        "NASA', 'Jane Roe | Getty Images', '(AP Photo/Jane Roe)', 'Image source, Getty Images', "
        "'Illustration by Jane Roe. Sources: Getty.') moves to metadata['image_credits'].",
        "caption": "A photo caption that ends with its credit ('... on Monday. (AP Photo/Evan "
        "Vucci)', '... (Jane Roe/Reuters)', '... REUTERS/Jane Roe', '...Credit...Jane Roe', "
        "'... (Photo: Jane Roe AP)'), says it is one ('Image caption, ...') or opens as AP's "
        "caption of an archive photo ('FILE - In this ... file photo, ...') moves to "
        "metadata['captions'].",
        "caption_over_credit": "A line of 5–40 words right above a credit line that names a "
        "photo ('Photo: Jane Roe, AP', 'Jane Roe/Getty Images'; not a bare 'Reuters') is that "
        "photo's caption, as a page copied from a browser lays it out; it moves to "
        "metadata['captions'], unless the credit line holds a caption of its own ('Photo: "
        "Cyclists ride on Monday. (Jane Roe/Herald)'). A short paragraph right above a photo "
        "credited without a caption is taken for one too. When the credit has its own caption "
        "under it (see caption_under_credit, or a labelled 'Image caption, ...'), the line above "
        "stays.",
        "caption_under_credit": "The text's last line (only lines a rule removes or moves "
        "under it), of 5–40 words, right under a credit line that names a photo, as a page that "
        "puts the credit first lays it out ('Photograph: Jane Roe/Agency' / 'Teachers on the "
        "picket line in Manchester on Wednesday.'): one sentence ending in a full stop, without "
        "quotation marks or the words a body sentence has ('is', 'said', 'will', 'we', a word in "
        "-ed), and not over a credit of its own; it moves to metadata['captions'].",
        "credit_line": "A wire credit line '(Reporting by ...; Editing by ...)' moves to "
        "metadata['credits'].",
        "author_bio": "An author bio: the paragraph after a trailing byline or an 'About the "
        "author' heading (the name and a 'Follow' button may stand between), or under the "
        "author's name alone when it opens with the name (or surname) and says the job ('Jane "
        "Doe joined the Post in 2016. She covers ...'), or, with no name over it, when it opens "
        "with the byline's author and says the job.",
        "comment_section": "Reader comments: the 'N Comments' heading, commenter names, their "
        "comments up to the 'Reply' line, and comment forms ('Submit a Comment', 'Your email "
        "address will not be published').",
        "related_list": "Lists of other articles: a 'Related Articles' / 'Most Read' / 'Recent "
        "... News' heading and the headlines under it (a tabloid's kickers, a headline cut short "
        "with '...'), 'Read more: <headline>' lines, and a page's tags under 'Topics' or 'Tags'.",
        "boilerplate_model": "A line that the boilerplate classifier scores as page chrome "
        "(menus, share prompts, related links, footers, captions) from shallow text features of "
        "the line and its neighbours (Kohlschütter et al. 2010; jusText's stop-word density); "
        "the audit's result holds its score.",
        "repeated_line": "A line that recurs across documents (template: menus, footers, "
        "sign-up prompts): a short or non-sentence line in 2+ documents of the same outlet or "
        "3+ of the corpus, any line in 3+ documents of the same outlet (see template_lines); "
        "not a line that opens in lower case and continues the line above it ('... a fire "
        "officer' / 'said.'), a wrapped paragraph's last words, nor a line of a short text (at "
        "most 2 lines and 80 words: a row export's headline, or headline and lede).",
        "html_blocks": "A line holding several HTML blocks (a content-management export's "
        "'<p>…</p><p>…</p>') is cut where a browser starts a new block (before opening block "
        "tags such as <p>, <div>, <li>, after closing ones); the pieces, one per line in the "
        "result, are then cleaned as lines (their tags cut as cms_debris).",
        "pull_quote": "A quotation of 6-60 words set apart from the paragraph it repeats: a line "
        "opening with a quotation mark whose sentences stand again, in order, in a longer line "
        "of the same text (which keeps the words).",
        "labels_only": "A text left with only a few short label lines (each of at most 3 "
        "words and 30 characters, none ending like a sentence, 12 words in all: a menu, a "
        "failed scrape) has no article: its lines are removed, and the document is left out "
        "with a warning.",
        "gallery_title": "A photo gallery's title left alone: a text whose every other line "
        "was a photo's caption or credit (2 captions or more) and whose one line left is shaped "
        "as a headline (3–25 words, no closing punctuation) has no article; that line moves to "
        "metadata['title'], and the document is left out with a warning saying it looks like a "
        "photo gallery, as one whose title was found above its byline or date is.",
        "page_number": "A printed page's number alone on its line ('Page 3 of 7', 'Page 3', "
        "'- 3 -'), as text copied out of a PDF keeps it; a paragraph goes on over it, the "
        "page's header and the blank lines around them (a page break), as it does over a "
        "number alone (site_chrome's).",
        "page_header": "A printed page's running header or footer: a short line that is no "
        "sentence (at most 12 words, no closing punctuation, not opening in lower case) that "
        "recurs in the text, digits aside ('THE DAILY STAR | Tuesday, March 12, 2024' over "
        "each page), in a text holding a page's number ('Page 1 of 3') or shaped as a masthead "
        "(a paper's name and a date: 'HARBOUR POST — Tuesday 19 March 2024 — NEWS'); or a "
        "masthead as the text's first line. A line the metadata rules read (a byline, a "
        "credit) is left to them.",
        "hard_wrap_join": "A line that continues a hard-wrapped paragraph (the previous line "
        "stops mid-sentence, this one opens in lower case, or with a capital after a comma or a "
        "word a clause cannot end on, 'a blow to' / 'Johnson', and no blank line stands "
        "between them but a page's furniture) is joined to it. The previous line must be 40 "
        "characters long, or less in a text wrapped narrower (read from its lines that stop "
        "mid-sentence over a lower-case line; never under 20). A word hyphenated at the line's "
        "end is rejoined without the hyphen ('gov-' / 'ernment': 'government'), unless it is "
        "a compound split at its own hyphen ('well-' / 'known': 'well-known'): a number or a "
        "letter before the hyphen, the pair written with a hyphen elsewhere in the text, a "
        "common first or second part of compounds, or a capital after it keeps the hyphen; "
        "the joined word written elsewhere in the text drops it.",
    }
    for rule in line_rules():
        listing[rule.name] = rule.description
    listing.update(TRANSCRIPT_RULES)  # analysis.corpus.transcripts
    listing.update(RELEASE_RULE_DESCRIPTIONS)  # a press release's furniture (press_releases)
    listing.update(LIVE_BLOG_RULES)  # a live blog's entry times, key events, sign-offs
    listing.update(WIRE_RULES)  # wire copy's furniture (analysis.corpus.wire_copy)
    listing.update(LETTERS_RULES)  # a letters page's signatures and heading (letters)
    listing.update(HEADLINE_RULES)  # a headline's furniture (analysis.corpus.headline_furniture)
    for name in ("cms_debris", "para_marker"):
        listing.setdefault(name, name)
    return dict(sorted(listing.items()))


RULES: dict[str, str] = _rules_listing()
"""Every rule name that can appear in an :class:`AuditEntry`, with a one-line description."""


# --------------------------------------------------------------------------------------------
# Normalising one line.
# --------------------------------------------------------------------------------------------

_STEPS: tuple[tuple[str, Callable[[str], str]], ...] = (
    ("invisible_chars", normalisers.remove_invisible),
    ("unicode_nfc", normalisers.normalise_unicode),
    ("ligature", normalisers.expand_ligatures),
    ("bullet_normalise", normalisers.normalise_bullet),
    ("whitespace", normalisers.normalise_whitespace),
    ("footnote_mark", normalisers.remove_footnote_marks),
    ("html_entity", normalisers.unescape_entities),
    ("cms_debris", normalisers.remove_cms_debris),
    ("link_text", normalisers.remove_link_text),
    ("truncation_mark", normalisers.remove_truncation_mark),
    ("para_marker", normalisers.remove_para_markers),
    ("markdown_markup", normalisers.remove_markdown),
    ("emphasis_markup", normalisers.remove_emphasis),
    ("lost_byte_repair", repair_lost_continuation),
    ("detokenise", detokenise),
    ("punctuation_run", collapse_punctuation_runs),
    ("caption_boilerplate", remove_caption_boilerplate),
)
_WHITESPACE_STEP = [name for name, _ in _STEPS].index("whitespace")
# Inline rules that, when they leave nothing of a line, are the reason the line went.
_CONTENT_REMOVING = frozenset(
    {
        "cms_debris",
        "link_text",
        "truncation_mark",
        "para_marker",
        "markdown_markup",
        "caption_boilerplate",
    }
)


@dataclass
class _Normalised:
    text: str
    changes: dict[str, str] = field(default_factory=dict)  # rule -> line after its last change
    n_repairs: int = 0


# Every test of _may_change needs one of these characters or pairs in the line (or a bullet or
# space at its start, a space at its end, or a character NFC changes): the characters and
# inline markup of may_need_normalising (its _NEEDS_WORK_RE holds every whitespace character
# but the space, and "\n"), "â"; the pairs of may_need_detokenising (" '", " .", " ,", " !",
# " ?", "'t" of " n't", "-L"/"-R" of the bracket tokens, "gg" of "toggle"), "  ", "!--" and a
# comma before "opens" (Reuters' ", opens new tab" of link text).
# Two searches whose patterns start with literal characters skip most of a line at C speed.
_QUIET_CHARS_RE = re.compile("[&<\\[¶_*(â" + normalisers._NEEDS_WORK_RE.pattern[1:-1] + "]")
# " ’" too: a clitic split off with a curly apostrophe ("Bitcoin ’s") is detokenised, and a
# line whose only sign of it was that pair was taken for quiet (hypothesis found "x ’s")
_QUIET_PAIRS_RE = re.compile(r" [ .,'’!?]|'[tT]|-[LRlr]|g[gG]|G[gG]|!--|,\s*(?i:opens)")
# a footnote's number glued after a sentence's end ("out.2 Patients"): a search of its own,
# which opens on the mark (in the alternation above, its look-behind made every branch be tried
# at every character)
_QUIET_GLUED_RE = normalisers._GLUED_NUMBER_HINT_RE


def _is_quiet(text: str) -> bool:
    """True when no step can change ``text``, by a test cheaper than :func:`_may_change`'s
    (False says nothing: the line may still need no change)."""
    if text[:1] in normalisers._BULLET_OR_SPACE and not normalisers._is_dash_bullet(text):
        return False
    if text[:1] in ("#", ">"):  # a Markdown heading or quotation
        return False
    if (
        text[-1:].isspace()
        or _QUIET_CHARS_RE.search(text)
        or _QUIET_PAIRS_RE.search(text)
        or _QUIET_GLUED_RE.search(text)
    ):
        return False
    return text.isascii() or unicodedata.is_normalized("NFC", text)


def _may_change(text: str) -> bool:
    """False when none of the steps of :data:`_STEPS` can change ``text`` (a fast test)."""
    if _is_quiet(text):
        return False
    return normalisers.may_need_normalising(text) or "â" in text or may_need_detokenising(text)


def _normalise(text: str, thai_ok: bool) -> _Normalised:
    """Apply the character and inline rules until the line stops changing.

    A round repairs mojibake, then applies every step of :data:`_STEPS` in order. Rounds that
    are certain to change nothing are not run: a round is skipped when the line holds no
    mojibake and no step can change it (:func:`_may_change`), and after a round in which the
    steps changed nothing (the repair already left nothing to repair, so the next round would
    see the same line and do the same nothing).

    After a round in which the whitespace step alone changed the line (most lines of text
    whose commas were taken out, "said  the"), the next round runs only for a repair: the
    steps after it have seen its result and left it, and the steps before it (invisible
    characters, NFC, bullets) leave it as they left the line before it, since turning spaces
    into one space and stripping the ends adds no character they act on
    (``test_corpus_cleaning_fast_paths`` checks this against the plain definition).
    """
    out = _Normalised(text)
    if not text:
        return out
    spaces_only = False  # whether only the whitespace step changed the line in the last round
    for _ in range(_MAX_ROUNDS):
        before = out.text
        repaired, repairs = (
            find_repairs(before, thai_ok=thai_ok) if may_hold_mojibake(before) else (before, [])
        )
        # "  " is a change for the whitespace step, so _may_change need not be asked
        if not repairs and (spaces_only or ("  " not in before and not _may_change(before))):
            break
        if repairs:
            out.n_repairs += len(repairs)
            out.changes["mojibake_repair"] = out.text = repaired
            if not _may_change(repaired):
                break  # the steps would change nothing, so the next round neither
        after_repair = out.text
        changed_by = []
        for k, (name, step) in enumerate(_STEPS):
            new = step(out.text)
            if new != out.text:
                out.changes[name] = out.text = new
                changed_by.append(name)
                # a line that only wanted its spaces made single ("said  the", a text whose
                # commas were taken out) is quiet now: no step after this one can change it
                # (what _is_quiet promises of every step), so they are not called
                if k == _WHITESPACE_STEP and _is_quiet(new):
                    break
        if out.text == before or out.text == after_repair:
            break
        spaces_only = changed_by == ["whitespace"]
    return out


# --------------------------------------------------------------------------------------------
# One round of cleaning.
# --------------------------------------------------------------------------------------------


@dataclass
class _Line:
    """A line of the current round, tied to the raw line it came from."""

    line_no: int
    original: str
    text: str
    # Lines joined to this one in the current round (hard-wrapped paragraph), kept as parts so
    # that joining n lines costs O(n), and so the audit records the paragraph once, not n times;
    # each part with what goes before it: a space, or nothing after a hyphenated word's first
    # part ("gov" / "ernment", "well-" / "known")
    joined: list[str] = field(default_factory=list)
    length: int = -1  # len() of text plus its joined parts; -1 until a part is joined
    last_no: int = -1  # the raw line number of the last line joined into this one (-1: none)

    def __post_init__(self) -> None:
        if self.last_no < 0:
            self.last_no = self.line_no

    @property
    def last_part(self) -> str:
        """The last line joined into this one (the line itself when none was)."""
        return self.joined[-1] if self.joined else self.text

    def join(self, part: str, line_no: int, forms: WordForms | None = None) -> None:
        """Join ``part`` (raw line ``line_no``) to this line, after one space, or after nothing
        when this line ends on a hyphenated word's first part (:func:`joined_words`: the
        hyphen goes, "gov-" / "ernment", or stays, "well-" / "known"). ``forms``: the words of
        the whole text, which decide a hyphen."""
        if not self.joined:
            self.length = len(self.text)
        last, glue = joined_words(self.last_part, part, forms)
        if len(last) != len(self.last_part):  # the hyphen went
            self.length -= len(self.last_part) - len(last)
            if self.joined:
                self.joined[-1] = last
            else:
                self.text = last
        self.joined.append(glue + part)
        self.length += len(glue) + len(part)
        self.last_no = line_no

    def finish_join(self) -> bool:
        """Make ``text`` the joined paragraph; whether anything was joined."""
        if not self.joined:
            return False
        self.text = "".join([self.text, *self.joined])
        self.joined = []
        self.length = -1
        return True


@dataclass
class _Candidate:
    line: _Line
    view: _View
    norm: _Normalised


@dataclass
class _Round:
    doc_id: str
    metadata: dict[str, str]
    audit: list[AuditEntry] = field(default_factory=list)
    kept: list[_Line] = field(default_factory=list)
    n_repairs: int = 0
    thai_ok: bool = True  # whether Thai-letter runs may be repaired in this round
    template: Collection[str] = frozenset()  # line_key()s of lines repeated across documents
    context: _Context = field(default_factory=lambda: _Context())  # what the whole text says
    joined: bool = False  # whether a hard-wrapped line was joined in this round
    titled: bool = False  # whether a line of this round went to the title
    # kept lines above the headline (a site's menu): the top, where bylines and datelines are
    # read, starts under it
    top_from: int = 0

    def entry(self, line: _Line, rule: str, action: str, result: str = "") -> None:
        self.audit.append(
            AuditEntry(self.doc_id, line.line_no, line.original, rule, action, result)
        )

    def drop(self, cand: _Candidate, rule: str) -> None:
        self._repair_entry(cand)
        self.entry(cand.line, rule, "removed")
        # a number alone (site chrome's: a gallery's count) is a page's number there too
        if rule in FURNITURE_RULES or (rule == "site_chrome" and cand.view.text.isdigit()):
            self.context.furniture.add(cand.line.line_no)

    def move(self, cand: _Candidate, rule: str, key: str, value: str) -> None:
        self._repair_entry(cand)
        self.metadata.setdefault(key, value)
        self.entry(cand.line, rule, "moved_to_metadata", value)

    def keep(self, cand: _Candidate, opening: bool = False) -> None:
        """Keep the line (joined to the line before when it continues it); ``opening``: the
        line may open the article's first paragraph, so a wire dateline it opens with moves to
        the metadata (:func:`split_wire_dateline`, once per text)."""
        for rule, result in cand.norm.changes.items():
            self.entry(cand.line, rule, "changed", result)
        previous = self.kept[-1] if self.kept else None
        if previous is not None and self.continues_kept(previous, cand):
            previous.join(cand.view.text, cand.line.last_no, self.context.forms)
            self.entry(cand.line, "hard_wrap_join", "removed")
            self.joined = True
            return
        text = cand.view.text
        opening = opening and "dateline_place" not in self.metadata
        # a press release's wire dateline first: "SAN FRANCISCO--(BUSINESS WIRE)--" opens
        # with what a news agency's would be read as ("SAN FRANCISCO--")
        release = split_release_dateline(text) if opening else None
        wire = release or (split_wire_dateline(text) if opening else None)
        if wire:
            self.metadata["dateline_place"], text = wire
            self.entry(
                cand.line, "release_dateline" if release else "wire_dateline", "changed", text
            )
            self.joined = True  # new text: another round looks at it
        untickered = strip_stock_tickers(text)
        if untickered != text:
            text = untickered
            self.entry(cand.line, "stock_ticker", "changed", text)
        cut = cut_contributor_tail(text)
        if cut != text:  # "... said. Courier staff writer Jane Roe contributed to this report."
            text = cut
            self.entry(cand.line, "contributor_note", "changed", text)
            self.joined = True
        line = cand.line
        self.kept.append(_Line(line.line_no, line.original, text, last_no=line.last_no))

    def continues_kept(self, previous: _Line, cand: _Candidate) -> bool:
        """Whether ``cand`` continues the hard-wrapped paragraph of the line kept before it,
        ``previous``: no paragraph starts at it (:meth:`_Context.starts_paragraph`) and its
        text continues the previous line's (:func:`continues_previous`, with the text's own
        wrap width)."""
        if self.context.starts_paragraph(previous.last_no, cand.line.line_no):
            return False
        minimum, wrapped = self.context.wrapping.minimum, self.context.wrapping.wrapped
        if not previous.joined:
            return continues_previous(previous.text, cand.view, min_length=minimum, wrapped=wrapped)
        return continues_previous(
            previous.joined[-1],
            cand.view,
            length=previous.length,
            min_length=minimum,
            wrapped=wrapped,
        )

    def finish(self) -> None:
        """Close the round: each joined paragraph becomes one line, with one audit entry.

        The entry holds the whole paragraph once (not once per joined line), so the audit stays
        linear in the size of the text; each joined line has its own "removed" entry.
        """
        for line in self.kept:
            if line.finish_join():
                self.entry(line, "hard_wrap_join", "changed", line.text)

    def _repair_entry(self, cand: _Candidate) -> None:
        if "mojibake_repair" in cand.norm.changes:
            self.entry(
                cand.line, "mojibake_repair", "changed", cand.norm.changes["mojibake_repair"]
            )


class _View(LineView):
    """A :class:`LineView` with the verdicts of the rules that look at the line alone, each
    computed on first use and kept, so a line that recurs (template lines, syndicated copy,
    the lines kept by one round and judged again by the next) is judged once per process."""

    @cached_attribute
    def meta_top(self) -> tuple[str, str, str] | None:
        """:func:`_metadata_rule` of the line among the first :data:`TOP_LINES` kept lines."""
        return _metadata_rule(self, True)

    @cached_attribute
    def meta_rest(self) -> tuple[str, str, str] | None:
        """:func:`_metadata_rule` of the line anywhere below the top."""
        return _metadata_rule(self, False)

    @cached_attribute
    def photo_credit(self) -> bool:
        """Whether the line is an image credit that names a photo ("Photo: Jane Roe, AP",
        "Jane Roe/Getty Images", "(Image: NASA)"), not a bare agency name ("Reuters", "The
        Associated Press"), which also closes wire stories."""
        meta = self.meta_rest
        return (
            meta is not None
            and meta[0] == "image_credit"
            and bool(_PHOTO_MARK_RE.search(self.bare))
        )

    @cached_attribute
    def line_rule(self) -> str | None:
        """:func:`match_line_rule` of the line, else a press release's line
        (:func:`~analysis.corpus.press_releases.release_line_rule`), else the rule of wire
        copy's furniture (:func:`~analysis.corpus.wire_copy.wire_note_rule`: "This is a
        developing story.")."""
        return match_line_rule(self) or release_line_rule(self) or wire_note_rule(self)

    @cached_attribute
    def wire_dateline(self) -> bool:
        """Whether the line opens with a wire dateline ("(Reuters) - Florida utilities ...",
        :func:`split_wire_dateline`)."""
        return split_wire_dateline(self.text) is not None

    @cached_attribute
    def has_word(self) -> bool:
        """Whether the line holds a letter or digit (else it is punctuation only)."""
        return _HAS_WORD_RE.search(self.text) is not None

    @cached_attribute
    def head_of(self) -> str | None:
        """The block the line heads as a heading ("comment_section", "related_list",
        "about_author"), or None; a byline heads an author bio too (:attr:`byline`)."""
        if self.n_words > _BLOCK_HEAD_WORDS:
            return None  # too long for any heading: skip the tests below
        if is_comment_heading(self):
            return "comment_section"
        if is_related_heading(self):
            return "related_list"
        return "about_author" if is_about_author_heading(self) else None

    @cached_attribute
    def page_number(self) -> bool:
        """:func:`~analysis.corpus.page_furniture.is_page_number` of the line."""
        return is_page_number(self.text)

    @cached_attribute
    def furniture_key(self) -> str | None:
        """:func:`~analysis.corpus.page_furniture.header_key` of the line: the form it is
        compared in as a running header (None: it cannot be one)."""
        return header_key(self.text)

    @cached_attribute
    def masthead(self) -> bool:
        """:func:`~analysis.corpus.page_furniture.is_masthead` of the line."""
        return is_masthead(self.text)

    @cached_attribute
    def byline(self) -> str | None:
        """:func:`parse_byline` of the line: the author it names, or None."""
        return parse_byline(self)

    @cached_attribute
    def transcript_own(self) -> TranscriptLine | None:
        """:func:`~analysis.corpus.transcripts.transcript_line` of the line (in any text)."""
        return transcript_line(self.text)

    @cached_attribute
    def nexis_field(self) -> tuple[str, str] | None:
        """:func:`~analysis.corpus.transcripts.nexis_field` of the line."""
        return nexis_field(self.text)


@lru_cache(maxsize=1 << 14)
def _prepared(text: str, thai_ok: bool) -> tuple[_Normalised, _View]:
    """:func:`_normalise` of a line and the :class:`_View` of its result, cached per process
    (both are pure functions of the line; the objects are shared, so never modified). The
    16,384 most recently used lines are kept, a bound on memory (an entry holds its line a few
    times over: about 15 MiB for lines of 300 characters); recurring lines stay in it."""
    norm = _normalise(text, thai_ok)
    return norm, _View.of(norm.text)


def _candidates(lines: list[_Line], state: _Round, thai_ok: bool) -> list[_Candidate]:
    out = []
    for line in lines:
        norm, view = _prepared(line.text, thai_ok)
        state.n_repairs += norm.n_repairs
        if norm.text:
            out.append(_Candidate(line, view, norm))
        elif line.text:  # something was there: whitespace, or debris cut out inline
            cand = _Candidate(line, view, norm)
            removers = [r for r in norm.changes if r in _CONTENT_REMOVING]
            state.drop(cand, removers[-1] if removers else "blank_line")
    return out


_AGENCY = (
    r"(?:AP|AFP|Reuters|EPA(?:-EFE)?|Getty Images|Getty|Shutterstock|Alamy|Bloomberg|PA|"
    r"The Associated Press|Associated Press|Xinhua|ANP|dpa|picture alliance)"
)
# a photographer's name in a credit: two or three capitalised words ("Erin Bormett")
_PHOTOGRAPHER = r"(?-i:[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,2})"
_CREDIT_RE = re.compile(
    # a browser's copy may keep the bar that set a credit beside its caption: "| Jane Roe/AP"
    r"(?:\|\s*)?\(?\s*(?:"
    # "Photo: Jane Roe/Reuters", "Image credit: NASA", "Photograph by Jane Roe"
    r"(?:photo|image|picture|photograph|illustration|graphic|video|foto|фото)s?"
    r"(?:\s+(?:credit|courtesy)s?)?(?:\s*[:|/–—]\s*|\s+(?:by|via|courtesy of|from)\s+)\S.{0,80}"
    # the BBC's "Image source, Getty Images"
    r"|(?:image|photo|picture|video|media) source\s*[,:]\s*\S.{0,80}"
    # "Jane Roe/Getty Images", "Jane Roe | Reuters", "Getty Images", "AP Photo/Jane Roe"
    rf"|(?:[\w.'’ -]{{1,50}}\s*[/|]\s*)?{_AGENCY}(?:\s+(?:photo|images|pool))?"
    r"(?:\s*/\s*[\w.'’ -]{1,50})?"
    # a photographer's name and the paper's, as a browser copies a local paper's figure:
    # "Erin Bormett / Sioux Falls Courier" (2-3 capitalised words, a slash, 1-5 more)
    rf"|{_PHOTOGRAPHER}\s*/\s*(?-i:[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){{0,4}})"
    # a local paper's "Christopher Battin Submitted photo" under each photo of a gallery
    rf"|{_PHOTOGRAPHER}\s+(?:submitted|contributed|courtesy|staff|file) photo"
    r")\s*\)?",
    re.IGNORECASE,
)
# a credit naming its image's sources, which ends as a sentence does: the Atlantic's
# "Illustration by The Atlantic. Sources: Getty; Bettmann."
_SOURCE_NAME = r"[A-Z][\w'’&.-]*(?:\s+(?:of|the|and|de|[A-Z][\w'’&.-]*))*"
_CREDIT_SOURCES_RE = re.compile(
    rf"\.\s+(?i:sources?)\s*:\s*{_SOURCE_NAME}(?:\s*[;,]\s*{_SOURCE_NAME})*\.$"
)
# what makes a credit line a photo's: a word for one, or a name and an agency ("Jane Roe/AP")
_PHOTO_MARK_RE = re.compile(
    r"\b(?:photo|image|picture|photograph|illustration|graphic|foto|фото)s?\b|[/|]", re.IGNORECASE
)
# "... on Monday. (AP Photo/Evan Vucci)": a caption that ends with its credit; the Guardian's
# "... in London. Photograph: Jill Mead/The Guardian" names any source after the slash
_CAPTION_TAIL_RE = re.compile(
    rf"\((?:{_AGENCY})\s*(?:photo|images|pool)[^()]{{0,60}}\)\s*$"
    # the New York Times' "... on Tuesday.Credit...Spencer Platt/Getty Images"
    r"|\bcredit\s*(?:\.{2,}|…)\s*\S[^.…]{0,80}$"
    # the Washington Post's "... on Monday. (Brendan McDermid/Reuters)", Al Jazeera's "... on
    # Monday [File: Brendan McDermid/Reuters]": a photographer's name (2-4 capitalised words, so
    # "(Reuters/Ipsos)" after a poll's figure is not one) and a source in brackets at the end
    r"|[(\[](?:file(?: photo)?\s*:\s*)?(?-i:[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3})"
    r"\s*/\s*(?-i:[A-Z])[^()\[\]/]{1,40}[)\]]\s*$"
    # Reuters' "... October 20, 2025. REUTERS/Brendan McDermid Purchase Licensing Rights"
    r"|(?-i:\b(?:REUTERS|AFP|EPA|AP)\s*/\s*[A-Z][^./|]{1,60}(?:/\s*File Photo)?)"
    r"(?:\s+purchase licensing rights)?\s*$"
    rf"|\b(?:photo|image|picture)\s*(?:credit)?\s*:\s*[^.]{{1,60}}(?:/|\|)\s*{_AGENCY}\s*\)?\s*$"
    r"|\b(?:photograph|illustration|composite)\s*:\s*[^.:/|]{1,60}/\s*[^.:/|]{1,40}$"
    # the same after a sentence's end with "Photo:" ("... on Tuesday. Photo: Sam Holt/The
    # Ledger"), and Politico's "... on Monday. | Francis Chung/POLITICO": a name, a slash and
    # the source, set apart by a bar
    r"|[.!?][\"'”’)]?\s+(?:photo|picture|image)\s*:\s*[^.:/|]{1,60}/\s*[^.:/|]{1,40}$"
    rf"|[.!?][\"'”’)]?\s*\|\s*{_PHOTOGRAPHER}\s*/\s*"
    r"(?-i:[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,4})$"
    # The Hindu's "... in Bengaluru. | Photo Credit: K. MURALI KUMAR"
    r"|\|\s*(?:photo|image|picture)\s+credit\s*:\s*[^|:]{1,60}$"
    # Sky News' "... on Tuesday. Pic: PA", the South China Morning Post's "... on Monday.
    # Photo: Sun Yeung": after a sentence's end, a credit of 1-4 capitalised words
    r"|[.!?][\"'”’)]?\s+(?:pic|photo)\s*:\s*(?-i:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})$"
    # USA Today's (Gannett's) "... at Oracle Arena. (Photo: Kyle Terada USA TODAY Sports)": the
    # word for the image, a colon and the credit, in brackets at the end
    r"|\((?:photo|photos|image|video|photograph|illustration)\s*:\s*[^()]{1,80}\)\s*$"
    # Getty's "... on Tuesday. (Photo by John Smith/Getty Images)" (a tester's saved pages)
    r"|[.!?][\"'”’]?\s*\((?:photo|image|picture)\s+by\s+[^()]{1,80}\)\s*$"
    # NBC News' "... on Tuesday.Alex Wong / Getty Images file": a name, a slash and an agency
    # right after the caption's last sentence
    rf"|[.!?][\"'”’]?\s*{_PHOTOGRAPHER}\s*/\s*{_AGENCY}(?:\s+file)?\s*$"
    # a caption labelled as one, its credit after its last sentence, as NPR's member stations
    # write it: "Photo: A sign for the reservation. Tom Greer/Dakota Public Radio"
    rf"|^(?:photo|image|picture)\s*:\s*\S.{{0,300}}[.!?][\"'”’]?\s+{_PHOTOGRAPHER}\s*/\s*"
    r"(?-i:[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,4})$"
    # The Sun's "... after eating a rabbit Credit: Getty - Contributor", "... marmots Credit:
    # Vesti/The Siberian Times": "Credit:" in its capital and 1-6 capitalised words end the line
    # (a space or a mark between the names: two names side by side could be cut anywhere, and
    # a long run of capitals took the search polynomial time)
    r"|\s(?-i:Credit)\s*:\s*(?-i:[A-Z][\w'’&.-]*(?:(?:\s+|\s*[-–/]\s*)[A-Z][\w'’&.-]*){0,5})$"
    # ABC News' (Australia) "... a year to prepare. (ABC News: Matt Roberts)"
    rf"|[.!?][\"'”’]?\s+\((?:{_AGENCY}|(?-i:[A-Z][\w&'’.-]*\s+)?(?-i:News))\s*:\s*"
    r"(?-i:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3})\)$",
    re.IGNORECASE,
)
# AP's caption of a photo from its archive, which only a caption opens with: "FILE - In this
# Dec. 17, 2017, file photo, ...", "FILE PHOTO - ... is seen in this ..." (AP Stylebook); these
# run longer than other captions
_FILE_PHOTO_RE = re.compile(r"FILE(?: PHOTO)?\s*[-–—]+\s*(?:In this\b.{0,80}?\bphoto\b|\S)")
MAX_FILE_PHOTO_WORDS = 150
# the BBC's "Image caption, Traders on the floor of the New York Stock Exchange on Tuesday"
_LABELLED_CAPTION_RE = re.compile(
    r"(?:image|photo|picture|video|media) caption\s*[,:]\s*\S", re.IGNORECASE
)
# "Updated 3:45 p.m. ET", "Published 10.12 am GMT, Tuesday"


def _time_stamp(stops: str) -> str:
    """A time stamp ("Updated 3:45 p.m. ET") whose text around the time holds none of
    ``stops``."""
    return (
        rf"(?:last\s+)?(?:updated|published|posted|first published)\b:?\s*[^{stops}]{{0,40}}?"
        rf"\b\d{{1,2}}[:.]\d{{2}}\s*(?:a\.?m\.?|p\.?m\.?)?[^{stops}]{{0,30}}"
    )


_TIME_LINE_RE = re.compile(_time_stamp("."), re.IGNORECASE)
# the Express's "PUBLISHED: 00:01, Tue, Nov 19, 2019 | UPDATED: 10:43, Tue, Nov 19, 2019": two
# such stamps, each up to the bar
_TIME_LINES_RE = re.compile(rf"{_time_stamp('.|')}\s*\|\s*{_time_stamp('.|')}", re.IGNORECASE)
MAX_CREDIT_WORDS = 12  # a credit line is short; a caption ending in a credit may be longer
MAX_CAPTION_WORDS = 60


# a letter or a digit: "___", AP's separator between its story and its notes, holds neither
_HAS_WORD_RE = re.compile(r"[^\W_]")


def _may_end_in_credit(text: str) -> bool:
    """False when :data:`_CAPTION_TAIL_RE` cannot match ``text``: its first form ends the line
    with ")" (then only whitespace, which str.rstrip strips like \\s), the photo, photograph
    and agency forms hold "/" (or the photo form ":" and "|"), the credit form an ellipsis and
    "credit" as the pattern matches it in any case (:func:`normalisers.fold`), The Sun's form
    "Credit" and a colon. A quick test:
    the search tries every form at every position of a line; "Pic:" and "Photo:" forms hold
    those words and a colon."""
    return (
        text.rstrip().endswith(")")
        or "/" in text
        or (":" in text and "|" in text)
        or ((".." in text or "…" in text) and "credit" in normalisers.fold(text))
        or ("Credit" in text and ":" in text)
        or (":" in text and _PIC_OR_PHOTO_RE.search(text) is not None)
    )


_PIC_OR_PHOTO_RE = re.compile(r"\b(?:pic|photo)\s*:", re.IGNORECASE)


def _caption_rule(view: LineView) -> tuple[str, str, str] | None:
    """``(rule, metadata key, value)`` for an image credit, a caption ending in its credit, or
    a time stamp line ("Updated 3:45 p.m."); whole-line shapes only, so prose that mentions a
    photo or an agency stays (caption and credit conventions: AP Stylebook, "Captions")."""
    text = view.bare
    short = view.n_words <= MAX_CREDIT_WORDS
    if (
        short
        and (not text.endswith((".", "!", "?")) or _CREDIT_SOURCES_RE.search(text))
        and _CREDIT_RE.fullmatch(text)
        # a name over a job is a byline ("Helen Marsh / Consumer Affairs Correspondent"), not a
        # photographer's credit ("Erin Bormett / Sioux Falls Courier")
        and not parse_name_with_role(view)
    ):
        return "image_credit", "image_credits", text
    if view.n_words <= MAX_CAPTION_WORDS and (
        (_may_end_in_credit(text) and _CAPTION_TAIL_RE.search(text))
        or _LABELLED_CAPTION_RE.match(text)
    ):
        return "caption", "captions", text
    if view.n_words <= MAX_FILE_PHOTO_WORDS and _FILE_PHOTO_RE.match(text):
        return "caption", "captions", text
    if view.n_words <= MAX_CREDIT_WORDS and _TIME_LINE_RE.fullmatch(text):
        return "dateline", "updated", text
    if "|" in text and view.n_words <= 2 * MAX_CREDIT_WORDS and _TIME_LINES_RE.fullmatch(text):
        return "dateline", "updated", text
    return None


def _metadata_rule(view: LineView, at_top: bool) -> tuple[str, str, str] | None:
    """``(rule, metadata key, value)`` when the line is a metadata line."""
    correction = parse_correction_note(view)
    if correction:
        return "correction_note", "correction", correction
    caption = _caption_rule(view)
    if caption:
        return caption
    url = parse_source_url(view)
    if url:
        return "source_url", "url", url
    dateline = parse_dateline(view)
    if dateline and (at_top or has_date_prefix(view)):
        return "dateline", *dateline
    if is_credit_line(view):
        return "credit_line", "credits", view.bare
    source = parse_source_name(view)
    if source:
        return "source_line", "source", source
    if at_top:
        author = parse_byline(view)
        if author:
            return "byline", "author", author
        # "Priya Nair Health reporter": a role of capitalised words would take the name too
        named = name_before_role(view.bare) if view.n_words <= BYLINE_WORDS else None
        if named:
            return "byline", "author", named
        role = parse_author_role(view)
        if role:
            return "byline", "author_role", role
    return None


# a headline: a few words to a long line's worth, not ending as a sentence or a clause does
HEADLINE_WORDS = (3, 25)
# "# Title": a Markdown heading of level 1 (not "## Section")
_MARKDOWN_TITLE_RE = re.compile(r"^ {0,3}#[ \t]+\S")
_CLAUSE_END_RE = re.compile(r"[.!?:;,…][\"'”’)\]]*$")
_LIST_NUMBER_RE = re.compile(r"\d{1,2}[.)]\s")
# a headline in title case may end as a sentence ("The Office Is Never Coming Back. Downtowns
# Have to Change.", "Where Did the Office Workers Go?"): each word of 4+ letters capitalised
_HEADLINE_SENTENCE_END_RE = re.compile(r"[.!?][\"'”’)\]]*$")
_LONG_WORD_RE = re.compile(r"[^\W\d_][\w'’-]{3,}")
TITLE_CASE_WORDS = 3  # the fewest capitalised long words that make a line title case


def _is_title_case(text: str) -> bool:
    """Whether every word of four letters or more in ``text`` starts with a capital, and there
    are at least :data:`TITLE_CASE_WORDS` of them: a headline's case, which prose does not use,
    so a headline written as sentences (the Atlantic's) is still told from a standfirst."""
    words = _LONG_WORD_RE.findall(text)
    return len(words) >= TITLE_CASE_WORDS and all(word[0].isupper() for word in words)


# a line ending on a word that must be followed by more: a label, not a headline
_OPEN_END_RE = re.compile(
    r"\b(?:by|of|from|in|on|at|to|for|with|and|or|the|a|an|via|about)$", re.IGNORECASE
)
# a line of this many words ending on "about" is a headline's clause ("The bus budget nobody
# wants to talk about"), not a label ("Read more about", "Everything you need to know about")
ABOUT_HEADLINE_WORDS = 7


def _is_open_ended(view: _View) -> bool:
    """Whether the line ends on a word that must be followed by more (:data:`_OPEN_END_RE`), as
    a label does; a long line ending on "about" is a headline (:data:`ABOUT_HEADLINE_WORDS`)."""
    match = _OPEN_END_RE.search(view.text)
    if match is None:
        return False
    return not (match.group().casefold() == "about" and view.n_words >= ABOUT_HEADLINE_WORDS)


# how many lines a headline may stand above its byline that the rules remove or move anyway
# (a page's "Listen to this article", "Share full article", a photo's caption and credit)
HEADLINE_SKIPPED_LINES = 8


def _is_removed_at_top(view: _View) -> bool:
    """Whether the rules take the line off the top of a text whatever its neighbours: a line
    rule's chrome, a metadata line other than a byline or dateline, punctuation only."""
    return bool(view.line_rule or view.meta_top or not view.has_word)


MENU_ITEM_WORDS = 5  # "Fact Check", "Keyboard shortcuts for audio player": a menu item
MENU_LINES = 40  # the most menu items kept above a headline


def _is_menu_item(text: str) -> bool:
    """Whether ``text`` is as short as a menu item: at most :data:`MENU_ITEM_WORDS` words split
    at spaces, not counting a dash or bullet standing alone ("Sky News - back to home" has
    five). The words are counted only up to one too many (a paragraph has hundreds), and not at
    all when the tokens are few enough (a word is a token)."""
    tokens = text.split()
    if len(tokens) <= MENU_ITEM_WORDS:
        return True
    words = 0
    for token in tokens:
        if _HAS_WORD_RE.search(token):
            words += 1
            if words > MENU_ITEM_WORDS:
                return False
    return True


def _only_menu_kept(state: _Round, headline: str) -> bool:
    """Whether every line the round kept so far is as short as a menu item
    (:data:`MENU_ITEM_WORDS` words, at most :data:`MENU_LINES` of them): a site's navigation,
    which the classifier removes after the rules, above the first line of text. A line that
    repeats ``headline`` counts as one too (a share widget or a breadcrumb names the article
    above its headline, as Quanta's pages do), though the headline alone above itself is no
    menu."""
    if len(state.kept) > MENU_LINES:
        return False
    headline = headline.strip()
    menu = False  # the headline alone above itself is no menu
    for line in state.kept:
        if line.text.strip() == headline:
            continue
        if not _is_menu_item(line.text):
            return False
        menu = True
    return menu


def _is_headline_over_byline(
    views: Sequence[_View], i: int = 0, *, loose_standfirst: bool = True
) -> bool:
    """Whether ``views[i]`` is a headline: shaped as one (:data:`HEADLINE_WORDS` words, no
    closing punctuation unless it is in title case, :func:`_is_title_case`; no rule of its
    own) and followed by a byline or a dateline with at most one line of text between (a
    standfirst: the top, :data:`TOP_LINES`), as an article copied from a browser or an export
    without a title field opens ("Markets slide as tariff fears return / By Jane Doe, CNN /
    Updated 10:32 AM EDT ..."), or by a paragraph opening with a wire dateline right under it
    ("(Reuters) - Florida utilities had ...": a Reuters or AFP story as a paper runs it, with no
    byline; a tester's were read with the headline as their first sentence). Lines the rules
    remove or move in any case (:func:`_is_removed_at_top`: "Share full article", a photo's
    caption) may stand between too, up to :data:`HEADLINE_SKIPPED_LINES` of them, as the New
    York Times' and the Washington Post's pages put them; above the headline, such lines ("THIS
    IS A BREAKING NEWS UPDATE.", a correction note) leave it the first line of text. Only
    there: a byline or a dateline at the top of a cleaned text has moved to the metadata, and a
    wire dateline has left its paragraph, so cleaning the result again finds no headline
    (cleaning stays idempotent). Without ``loose_standfirst`` the line of text between must end
    a sentence, as a standfirst does, or be longer than a headline that is longer than a menu
    item (:data:`MENU_ITEM_WORDS`): under a site's menu, a menu item shaped as a headline would
    otherwise take the headline below it for its standfirst, and a gallery's first caption the
    next."""
    if i >= len(views):
        return False
    first = views[i]
    low, high = HEADLINE_WORDS
    if not low <= first.n_words <= high:
        return False
    if _CLAUSE_END_RE.search(first.text) and not (
        (_HEADLINE_SENTENCE_END_RE.search(first.text) and _is_title_case(first.text))
        or _is_question_over_byline(views, i)
    ):
        return False
    if _is_open_ended(first) or _LIST_NUMBER_RE.match(first.text):
        return False  # "News provided by": a label; "3. Sweden Drops ...": a list's item
    if _is_removed_at_top(first):
        return False
    text_lines = skipped = names = 0
    for j in range(i + 1, len(views)):
        view = views[j]
        if view.meta_top is not None and view.meta_top[0] in ("byline", "dateline"):
            return True
        # a name alone counts only right under the headline: a gallery's captions are names too
        if _author_over_dateline(views, j, name_alone=not (text_lines or names)):
            return True
        if _is_removed_at_top(view):
            skipped += 1
            if skipped > HEADLINE_SKIPPED_LINES:
                return False
            continue
        # the first paragraph opening with a wire dateline ("(Reuters) - Florida utilities had
        # ..."): a Reuters or AFP story as a paper runs it has no byline under its headline
        if not text_lines and view.wire_dateline:
            return True
        # the author's name alone (Axios: "Emily Peck" over the date); one only, as a gallery's
        # captions may be names too ("Miguel Bernal North Diving")
        if not names and not view.line_rule and is_person_name(view) and _over_top_meta(views, j):
            names += 1
            continue
        text_lines += 1
        if text_lines > TOP_LINES - 2 or not (
            loose_standfirst
            or _SENTENCE_END_RE.search(view.text)
            # the Hindu's standfirst ends without a full stop: longer than a headline that is
            # itself longer than any menu item, it is no headline under a menu item
            or MENU_ITEM_WORDS < first.n_words < view.n_words
        ):
            return False
    return False


_QUESTION_END_RE = re.compile(r"\?[\"'”’)\]]*$")


def _is_question_over_byline(views: Sequence[_View], i: int) -> bool:
    """Whether ``views[i]`` ends in a question mark and the line right under it is a byline or
    a dateline: an explainer's headline written as a question, in sentence case ("Explained:
    who decides teachers' pay?" over "By Priya Shah"), which no paragraph of text is, there.
    A tester's explainer kept it as its first sentence, counted as attributed ("explain")."""
    if i + 1 >= len(views) or not _QUESTION_END_RE.search(views[i].text):
        return False
    under = views[i + 1].meta_top
    return under is not None and under[0] in ("byline", "dateline")


def _over_top_meta(views: Sequence[_View], j: int) -> bool:
    """Whether the next line after ``views[j]`` that the rules keep is a byline or a dateline
    at the top: a name alone stands right over it. A section label shaped as a name ("Health
    Business") over the headline is no author's name, and counted as one, it let a menu line
    over it pass for the headline."""
    for view in views[j + 1 : j + 2 + HEADLINE_SKIPPED_LINES]:
        if view.meta_top is not None and view.meta_top[0] in ("byline", "dateline"):
            return True
        if not _is_removed_at_top(view):
            return False
    return False


def _clean_round(
    lines: list[_Line], state: _Round, title: str | None, headline: bool = False
) -> None:
    state.thai_ok = not has_genuine_thai("\n".join(line.text for line in lines))
    cands = _transcript_turns(_candidates(lines, state, state.thai_ok), state)
    cands = _headline_furniture(cands, state)
    views = [c.view for c in cands]
    context = state.context
    context.live_blog = context.live_blog or is_live_blog(view.text for view in views)
    wanted_title = title_key(_normalise(title, True).text) if title else ""
    keys = getattr(state.template, "key_of", None)  # line keys found with the template
    # a letters page (analysis.corpus.letters), read by the text's first round, whose
    # signatures and heading later rounds no longer see
    context.letters = context.letters or is_letters_page(views, _LINE_RULE)
    context.paginated = context.paginated or any(view.page_number for view in views)
    headers = running_header_keys(
        (c.line.line_no, c.view.furniture_key, c.view.text) for c in cands if c.view.furniture_key
    )
    # a footnote numbered as its marker in the text ("2 Survey by ..."): most texts hold no
    # line that could be one, and then their markers are not looked for
    numbered = any(may_be_numbered_footnote(view.text) for view in views)
    markers = footnote_markers((c.line.line_no, c.line.text) for c in cands) if numbered else {}
    under_blank = partial(_under_blank, cands, context)
    i = 0
    while i < len(cands):
        cand, view = cands[i], views[i]
        at_top = len(state.kept) - state.top_from < TOP_LINES
        # the first line kept would be the title: chrome above it (removed) does not count
        first_text = not state.kept and not state.titled
        # the known title at the top, and again right under it (a page that repeats its
        # headline): a second copy kept would be the first line of the cleaned text, and go
        # when it is cleaned again with its title (Hypothesis found the text not idempotent)
        if (
            not state.kept
            and (first_text or state.metadata.get("title"))
            and wanted_title
            and title_key(view.text) == wanted_title
        ):
            state.move(cand, "title_line", "title", view.text)
            state.titled = True
            i += 1
            continue
        # a transcript's own lines and a Nexis record's fields (analysis.corpus.transcripts),
        # before the headline is looked for: "Aired March 3, 2025 - 18:00 ET" is none
        own = _transcript_rule(view, context.transcript, at_top=at_top)
        if own is None and context.transcript and i + 1 < len(views):
            own = show_name(view.text, views[i + 1].transcript_own)
        if own is not None:
            _apply_transcript_rule(state, cand, own)
            i += 1
            continue
        # a printed page's furniture, before the headline is looked for: a masthead over it
        # was taken for the headline, or kept the known title from being recognised (a
        # running header without a date may be the headline, repeated: looked for after it)
        furniture = _furniture_rule(
            view,
            cand.line.line_no,
            headers,
            markers,
            first_text=first_text,
            at_top=at_top,
            paginated=context.paginated,
        )
        if furniture and (furniture != "page_header" or has_date_part(view.text)):
            state.drop(cand, furniture)
            i += 1
            continue
        # a Markdown text's first heading of level 1 ("# Title") is its title, as a clipped
        # note and a site generator's post write it (no byline needs to follow)
        if (
            headline
            and first_text
            and not wanted_title
            and _MARKDOWN_TITLE_RE.match(cand.line.original)
            and HEADLINE_WORDS[0] <= view.n_words <= HEADLINE_WORDS[1]
        ):
            state.titled = True
            state.top_from = len(state.kept)
            state.move(cand, "headline_line", "title", view.text)
            i += 1
            continue
        # the headline may also stand under a site's menu, which the classifier removes later
        # ("AP News / Menu / World / U.S. / ... / Arizona towns ration water ... / By ...")
        # (only in a round that looks for a headline: the menu test reads the kept lines)
        under_menu = (
            headline and not first_text and not state.titled and _only_menu_kept(state, view.text)
        )
        if (
            headline
            and (first_text or under_menu)
            # a line other articles of the outlet have too is its masthead or a section, not a
            # headline ("Sioux Falls Courier" over the menu took the headline for a standfirst)
            and not (state.template and _key_of(cand.line.original, keys) in state.template)
            and _is_headline_over_byline(views, i, loose_standfirst=not under_menu)
        ):
            state.titled = True
            if under_menu:  # what the round kept above the headline is the site's menu
                for line in state.kept:
                    state.entry(line, "menu_above_headline", "removed")
                state.kept.clear()
            state.top_from = len(state.kept)
            state.move(cand, "headline_line", "title", view.text)
            i += 1
            continue
        if furniture:  # a running header that is not the headline
            state.drop(cand, furniture)
            i += 1
            continue
        if context.letters:  # a letters page's heading and its letters' signatures
            end = _letters_lines(state, cands, i, first_text=first_text)
            if end is not None:
                i = end
                continue
        # a live blog's own lines (analysis.corpus.live_blogs), before the metadata rules: an
        # entry's time is no dateline, its writer's name closing it no byline
        end = _key_events_end(views, i)
        if end is not None:
            for k in range(i, end):
                state.drop(cands[k], views[k].line_rule or "key_events")
            i = end
            continue
        live = _live_blog_rule(views, i) if context.live_blog else None
        if live:
            state.drop(cand, live)
            i += 1
            continue
        meta = view.meta_top if at_top else view.meta_rest
        if meta:
            state.move(cand, *meta)
            i += 1
            continue
        if at_top and _is_name_over_role(views, i):
            state.move(cand, "byline", "author", view.bare)
            i += 1
            continue
        # not the first line of text: there, "Protests Erupt in Paris" is a headline
        after_first = state.kept or state.titled
        authors = _author_over_dateline(views, i) if at_top and after_first else None
        if authors is None and at_top and after_first and _is_name_under_dateline(views, i):
            authors = view.bare
        if authors:
            state.move(cand, "byline", "author", authors)
            i += 1
            continue
        end = None if state.kept else _place_dateline_end(views, i)
        if end is not None:
            place = ", ".join(view.bare for view in views[i : end - 1])
            for k in range(i, end - 1):
                state.move(cands[k], "place_dateline", "dateline_place", place)
            state.drop(cands[end - 1], "place_dateline")
            i = end
            continue
        if not at_top and (
            _is_authors_bio(view, state.metadata.get("author"))
            or _is_closing_bio(views, i, state.metadata.get("author"))
        ):
            state.drop(cand, "author_bio")
            i += 1
            continue
        end = _block_end(views, i, at_top)
        if end is not None:
            i = _drop_block(cands, i, end, state)
            continue
        release = release_block(views, i, under_blank, _LINE_RULE)
        if release is not None:
            i = _drop_release_block(cands, i, release, state)
            continue
        rule = view.line_rule
        if (
            not rule
            and state.template
            and _key_of(cand.line.original, keys) in state.template
            and not _wrapped_fragment(state, cand)
        ):
            rule = "repeated_line"
        if not rule and not view.has_word:
            rule = "punctuation_only"
        if rule:
            state.drop(cand, rule)
        elif _is_caption_over_credit(views, i):
            state.move(cand, "caption_over_credit", "captions", view.text)
        elif _is_caption_under_credit(views, i):
            state.move(cand, "caption_under_credit", "captions", view.text)
        else:
            state.keep(cand, opening=len(state.kept) < WIRE_DATELINE_LINES)
        i += 1
    state.finish()


LETTER_SIGNATURES = "letter_signatures"  # the metadata key of a letters page's signatures


def _letters_lines(
    state: _Round, cands: Sequence[_Candidate], i: int, *, first_text: bool
) -> int | None:
    """In a letters page (:func:`~analysis.corpus.letters.is_letters_page`), move its heading
    at ``cands[i]`` to the title (rule ``letters_heading``: "Letters: Readers on the strike", or
    the first short line of text under a "Letters to the Editor" label, which its line rule
    removes), or the signature starting there, with its lines of address or role, to
    ``metadata["letter_signatures"]``, one signature after another (rule
    ``letter_signature``). The end (exclusive) of the lines taken, or None: none is."""
    views = [c.view for c in cands]
    view = views[i]
    if view.line_rule:
        return None
    if first_text and not state.titled:
        heading = letters_title(view)
        if heading or (heading is None and is_letters_title(view)):
            state.titled = True
            state.top_from = len(state.kept)
            state.move(cands[i], "letters_heading", "title", view.text)
            return i + 1
    end = signature_end(views, i, _LINE_RULE)
    if end is None:
        return None
    signature = ", ".join(v.text.strip().rstrip(".") for v in views[i:end])
    earlier = state.metadata.get(LETTER_SIGNATURES)
    state.metadata[LETTER_SIGNATURES] = f"{earlier} | {signature}" if earlier else signature
    for k in range(i, end):
        state._repair_entry(cands[k])
        state.entry(cands[k].line, "letter_signature", "moved_to_metadata", signature)
    return end


def _key_events_end(views: Sequence[_View], i: int) -> int | None:
    """End (exclusive) of a live blog's key events block headed by ``views[i]``
    (:func:`~analysis.corpus.live_blogs.key_events_end`; a widget's line between its items is
    one a line rule removes), else None."""
    if views[i].n_words > 3 or not is_key_events_heading(views[i].text):
        return None
    texts = [view.text for view in views]
    return key_events_end(texts, i, lambda k: bool(views[k].line_rule))


def _live_blog_rule(views: Sequence[_View], i: int) -> str | None:
    """In a text recognised as a live blog, ``live_entry_time`` for a line holding only the
    time an entry was posted, ``live_signoff`` for a name alone (2-4 capitalised words,
    :func:`is_person_name`; not in capitals) closing an entry: under a line of the entry's
    text that ends like a sentence and over the next entry's time, or ending the text, past
    lines a rule removes or moves ("Share", "Updated at 16.34 GMT"). Else None."""
    view = views[i]
    if is_entry_time(view.text):
        return "live_entry_time"
    if view.line_rule or view.bare.isupper() or not is_person_name(view):
        return None
    k = i - 1
    while k >= 0 and (views[k].line_rule or views[k].meta_rest):
        k -= 1
    if k < 0 or not _SENTENCE_END_RE.search(views[k].text):
        return None  # no entry's text above it: a heading, a menu's item
    k = i + 1
    while k < len(views) and views[k].line_rule and not is_entry_time(views[k].text):
        k += 1
    return "live_signoff" if k == len(views) or is_entry_time(views[k].text) else None


def _transcript_turns(cands: list[_Candidate], state: _Round) -> list[_Candidate]:
    """``cands`` with what :mod:`analysis.corpus.transcripts` cuts out of a line: a stage
    direction inside it ("We will (inaudible) do it", rule ``stage_direction``), a Nexis
    "HIGHLIGHT:" field's name (``nexis_field``), and, in a text recognised as a transcript
    (:func:`~analysis.corpus.transcripts.is_transcript`, read once and kept for the text's
    later rounds), the speaker's label opening a turn (``speaker_label``: "TOM REYES, CBN
    CORRESPONDENT: Maria, ..." keeps "Maria, ..."; a label alone on its line is removed)."""
    context = state.context
    context.transcript = context.transcript or is_transcript(c.view.text for c in cands)
    out = []
    for cand in cands:
        text = cand.view.text
        cut = cut_inline_directions(text) or text  # a direction alone goes whole, below
        if cut != text:
            state.entry(cand.line, "stage_direction", "changed", cut)
        field = nexis_field(cut) if cut[:10] == "HIGHLIGHT:" else None
        if field is not None and field[0] == "text":
            cut = field[1]
            state.entry(cand.line, "nexis_field", "changed", cut)
        label = speaker_label(cut) if context.transcript else None
        if label is not None:
            context.turns[cand.line.line_no] = label[0]
            cut = label[1]
            state.entry(cand.line, "speaker_label", "removed" if not cut else "changed", cut)
            if not cut:
                continue
        if cut != text:
            cand = _Candidate(cand.line, _prepared(cut, state.thai_ok)[1], cand.norm)
        out.append(cand)
    return out


def _headline_furniture(cands: list[_Candidate], state: _Round) -> list[_Candidate]:
    """``cands`` without a headline's furniture (:mod:`analysis.corpus.headline_furniture`):
    the outlet's own name after a separator at the end of any line ("Buses return - Bayview
    Herald", rule ``outlet_suffix``), and a short text's headline (its first line) without the
    labels opening it ("WATCH: Buses return" keeps "Buses return", rule ``headline_label``). In
    a row export of headlines the label is the headline's furniture, and the line rules would
    take the labelled line whole as a page's teaser ("WATCH: ..."); in a longer text (a page)
    such a line is one, and goes."""
    context = state.context
    if not (context.outlets or context.short):
        return cands
    out = []
    for k, cand in enumerate(cands):
        text = cut = cand.view.text
        if context.outlets:
            cut = cut_outlet_suffix(cut, context.outlets)
            if cut != text:
                state.entry(cand.line, "outlet_suffix", "changed", cut)
        if context.short and k == 0:
            label_cut = cut_headline_label(cut)
            if label_cut != cut:
                cut = label_cut
                state.entry(cand.line, "headline_label", "changed", cut)
        if cut != text:
            cand = _Candidate(cand.line, _prepared(cut, state.thai_ok)[1], cand.norm)
        out.append(cand)
    return out


def _transcript_rule(view: _View, transcript: bool, *, at_top: bool) -> TranscriptLine | None:
    """What :mod:`analysis.corpus.transcripts` does with the line: a transcript's own line
    (:func:`~analysis.corpus.transcripts.transcript_line`; ``transcript``: the text is one), or
    a Nexis "HEADLINE:" or "BYLINE:" field (to the title or the author), or its date line with
    the weekday after it (to the dateline, only at the top, ``at_top``, where the header stands:
    further down, "March 4, 2025 Tuesday" may head a timeline's entry), or None."""
    own = view.transcript_own
    if own is None and transcript and is_transcript_only(view.text):
        own = TranscriptLine("transcript_notice")
    field = view.nexis_field
    if own is None and field is not None and field[0] != "text":
        if field[0] == "dateline" and not at_top:
            return None
        key, value = field
        value = tidy_author(value) if key == "author" else value
        own = TranscriptLine("nexis_field", key or None, value)
    return own


def _apply_transcript_rule(state: _Round, cand: _Candidate, own: TranscriptLine) -> None:
    """Remove the line, or move its value to the metadata, as ``own`` says; a title so found
    is the text's title (no headline is looked for under it)."""
    if own.key is None:
        state.drop(cand, own.rule)
        return
    state.move(cand, own.rule, own.key, own.value)
    if own.key == "title":
        state.titled = True


def _furniture_rule(
    view: _View,
    line_no: int,
    headers: frozenset[str],
    markers: dict[str, int],
    *,
    first_text: bool,
    at_top: bool,
    paginated: bool,
) -> str | None:
    """``page_number``, ``footnote`` or ``page_header`` when the line (raw line ``line_no``)
    is a printed page's furniture (:mod:`analysis.corpus.page_furniture`): a page's number
    alone ("Page 3 of 7", "- 3 -"), a footnote (its number first: a superscript, or one of the
    text's footnote ``markers`` above it), a line of ``headers`` (the text's running headers
    and footers: in a text that holds a page's number, or shaped as a masthead), or its first
    line of text shaped as a masthead ("THE DAILY STAR | Tuesday, March 12, 2024"); else None.
    A line the metadata rules read (a byline, a credit, a dateline) is left to them."""
    if view.page_number:
        return "page_number"
    first = view.text[:1]
    if (first.isdigit() or first in SUPERSCRIPTS) and is_footnote(view.text, line_no, markers):
        return "footnote"
    key = view.furniture_key
    if key is None or not (first_text or key in headers):
        return None
    # a line recurring in a web page (an embedded post's "— Jane Roe (@jroe) May 1, 2019", a
    # shop's "See it now: Amazon") is a running header only in a text printed on pages
    running = key in headers and (paginated or view.masthead)
    if not (running or (first_text and view.masthead)):
        return None
    meta = view.meta_top if at_top else view.meta_rest
    return None if meta else "page_header"


def _wrapped_fragment(state: _Round, cand: _Candidate) -> bool:
    """Whether ``cand`` opens in lower case and continues the line kept before it, a
    hard-wrapped paragraph's last words ("... a fire officer" / "said."): other articles of the
    outlet may end a line the same way, which makes no template of it. A tester's two e-paper
    articles of one paper lost "said." and "one of them said." as repeated lines, and with
    them who said the quotation."""
    if not (state.kept and cand.view.text[:1].islower()):
        return False
    return state.continues_kept(state.kept[-1], cand)


BUTTONS_UNDER_NAME = 2  # lines a line rule removes ("+ FOLLOW") between a byline and its date


def _past_buttons(views: Sequence[_View], i: int, step: int) -> int | None:
    """The index of the line next to ``views[i]`` in the direction ``step`` (1 below, -1
    above) past at most :data:`BUTTONS_UNDER_NAME` lines a line rule removes, or None at the
    text's edge."""
    k = i + step
    while 0 <= k < len(views) and abs(k - i) <= BUTTONS_UNDER_NAME and views[k].line_rule:
        k += step
    return k if 0 <= k < len(views) else None


def _author_over_dateline(views: Sequence[_View], i: int, *, name_alone: bool = True) -> str | None:
    """The authors of ``views[i]`` when it is a byline without "By" right above a dateline
    ("Published October 21 2025"), else None: as the Financial Times writes one ("Jane Doe in
    London", :func:`parse_name_in_place`), a list of names as a live blog's ("Jane Doe, John
    Roe and Ann Poe", :func:`parse_name_list`), or the name alone, as Axios and Substack do ("Jane
    Doe", :func:`is_person_name`; not a line in capitals, which may be a place). The caller
    looks only at the top; ``name_alone=False`` accepts only the first form."""
    view = views[i]
    if view.line_rule or view.meta_top:
        return None
    # a "Follow" button may stand between them (the South China Morning Post's "+ FOLLOW")
    k = _past_buttons(views, i, 1)
    meta = views[k].meta_top if k is not None else None
    if meta is None or meta[0] != "dateline":
        return None
    authors = parse_name_in_place(view) or parse_name_with_role(view) or parse_name_list(view)
    if authors is None and name_alone and is_person_name(view) and not view.bare.isupper():
        authors = view.bare
    return authors


def _is_name_under_dateline(views: Sequence[_View], i: int) -> bool:
    """Whether ``views[i]`` is the author's name alone right under the dateline, as the Hindu
    signs an article ("Updated - October 21, 2025 10:12 pm IST - BENGALURU" / "Dinesh Rao" /
    "Read Comments"): a line of 2-4 capitalised words (:func:`is_person_name`; not in capitals,
    which may be a place), with at most :data:`BUTTONS_UNDER_NAME` lines a line rule removes
    between it and the dateline. The caller looks only at the top, under the headline."""
    view = views[i]
    if view.line_rule or view.bare.isupper() or not is_person_name(view):
        return False
    k = _past_buttons(views, i, -1)
    meta = views[k].meta_top if k is not None else None
    return meta is not None and meta[0] == "dateline"


def _is_name_over_role(views: Sequence[_View], i: int) -> bool:
    """Whether ``views[i]`` is the author's name over the author's role, as the BBC signs an
    article ("Jane Doe" / "Business reporter, BBC News"): a line of 2-4 capitalised words and
    no rule of its own, over a role line (its :attr:`_View.meta_top`, which the next step reads
    anyway, is the role). The caller looks only at the top."""
    view = views[i]
    if i + 1 >= len(views) or view.line_rule or not is_person_name(view):
        return False
    meta = views[i + 1].meta_top
    return meta is not None and meta[1] == "author_role"


PLACE_LINE_WORDS = 4  # "New York", "CNN Business", "Rio de Janeiro"
_DASH_LINES = frozenset({"-", "--", "–", "—", "―"})


def _is_place_part(view: _View) -> bool:
    return (
        1 <= view.n_words <= PLACE_LINE_WORDS
        and view.has_word
        and not view.line_rule
        and not _CLAUSE_END_RE.search(view.text)
    )


def _place_dateline_end(views: Sequence[_View], i: int) -> int | None:
    """End (exclusive, the dash line included) of a dateline split over lines that starts at
    ``views[i]``, or None: one or two short lines (:data:`PLACE_LINE_WORDS` words, no closing
    punctuation, no rule of their own) and then a line holding only a dash. A browser copies
    CNN's opening "New York (CNN) —" so ("New York" / "CNN" / "—"); the place went to the
    boilerplate model and "CNN" stayed, a one-word sentence of the article. Only where the
    article's text opens (the caller's test: no line kept yet), where a dateline stands."""
    if not _is_place_part(views[i]):
        return None
    for k in (i + 1, i + 2):
        if k >= len(views):
            return None
        if views[k].text in _DASH_LINES:
            return k + 1
        if not _is_place_part(views[k]):
            return None
    return None


# a caption above its credit line: a phrase to a short paragraph (the benchmark's were 8-36 words)
CAPTION_OVER_CREDIT_WORDS = (5, 40)


def _is_caption_over_credit(views: Sequence[_View], i: int) -> bool:
    """Whether ``views[i]``, a line no other rule took, is the caption of the photo credited on
    the next line: :data:`CAPTION_OVER_CREDIT_WORDS` words and a next line that is a photo
    credit saying so (:attr:`_View.photo_credit`). A browser copies CNN's and many other
    sites' figures as a caption line over a credit line ("Traders on the floor of the New York
    Stock Exchange on October 20, 2025." / "Spencer Platt/Getty Images"); the credit went to
    the metadata and the caption stayed as a sentence of the article. On the extraction
    benchmark's 120 pages (html-text and inscriptis renderings) the 37 lines so placed were all
    outside the human-marked bodies; a body paragraph right above a credit was either longer
    (127 words) or over a bare agency name ("Reuters"), which wire stories also end with."""
    low, high = CAPTION_OVER_CREDIT_WORDS
    view = views[i]
    if not (i + 1 < len(views) and low <= view.n_words <= high and views[i + 1].photo_credit):
        return False
    if _STANDALONE_CREDIT_RE.match(views[i + 1].bare):
        return False  # "Photo by Jane Roe on Unsplash" is the whole caption of its image
    if _holds_own_caption(views[i + 1].bare):
        return False  # "Photo: Cyclists ride on Monday. (Jane Roe/Herald)" is its own caption
    if _has_caption_under(views, i + 1):
        return False  # the BBC's "Image source, ..." / "Image caption, ...": the line above is body
    # a paragraph of several sentences right under another paragraph is the article's, whatever
    # follows it (Der Spiegel's "... filed for insolvency." over "Graphic: ..."); the captions
    # of the benchmark that hold several sentences stand under a headline or their own copy
    above = views[i - 1] if i else None
    return not (
        _SENTENCE_BREAK_RE.search(view.text)
        and above is not None
        and above.bare != view.bare  # a slideshow's caption stands over its own copy
        and above.n_words >= PROSE_WORDS
        and _SENTENCE_END_RE.search(above.text) is not None
    )


def _has_caption_under(views: Sequence[_View], k: int) -> bool:
    """Whether the photo credit ``views[k]`` has its caption on the line under it: a caption
    that says so ("Image caption, Teachers on the picket line ...", as the BBC's pages copy:
    its credit "Image source, Getty Images" stands first) or one
    :func:`_is_caption_under_credit` reads as a caption. The line above such a credit is then
    the article's: a tester's BBC page and a paper's page lost their body sentence above the
    credit as its caption, and kept the real caption as a sentence."""
    if k + 1 >= len(views):
        return False
    meta = views[k + 1].meta_rest
    return (meta is not None and meta[0] == "caption") or _is_caption_under_credit(views, k + 1)


def _is_caption_under_credit(views: Sequence[_View], i: int) -> bool:
    """Whether ``views[i]``, a line no other rule took, is the caption of the photo credited on
    the line above it, as pages that print the credit first lay it out ("Photograph: Jane
    Roe/The Standard" / "Teachers on the picket line outside the school on Wednesday
    morning."): the text's last line (only lines a rule removes or moves under it), of
    :data:`CAPTION_OVER_CREDIT_WORDS` words in one sentence ending in a full stop, without
    quotation marks and without the words a body sentence holds (:data:`_BODY_VERB_RE`: a
    caption describes the picture, "Teachers on the picket line ..."; "Critics said the rise
    ..." under a credit is the article going on). Higher up, a short paragraph under a photo
    is too often the article's (the extraction benchmark's "Below, we analyze the snap counts
    ..." under a lead photo's credit); there, only a caption that says so is read as one."""
    low, high = CAPTION_OVER_CREDIT_WORDS
    view = views[i]
    if not (i and views[i - 1].photo_credit and low <= view.n_words <= high):
        return False
    # the text's last line: under a photo at the top or in the middle, a short first paragraph
    # ("Below, we analyze the snap counts ...") stood so on the benchmark's pages; only lines a
    # rule removes or moves may follow
    if any(not (later.line_rule or later.meta_rest) for later in views[i + 1 :]):
        return False
    if i + 1 < len(views) and views[i + 1].photo_credit:
        return False  # a gallery's last caption, over its own credit
    text = view.text
    return (
        text.endswith(".")
        and not _SENTENCE_BREAK_RE.search(text)
        and not any(mark in text for mark in _QUOTE_MARKS)
        and _BODY_VERB_RE.search(text) is None
    )


# what a body sentence holds and a caption phrase seldom does: an auxiliary or modal verb, a
# reporting verb or one of stance ("officials argue"), a pronoun ("we analyze"), a negation, a
# word in -ed ("Teachers on the picket line in Manchester." has none; "Days are planned." has two)
_BODY_VERB_RE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|has|have|had|will|would|shall|should|can|could|may|"
    r"might|must|do|does|did|said|says?|told|tells?|according|(?:argue|claim|warn|insist|add|"
    r"note|explain|believe|think|expect|want|plan|hope|fear|need)s?|i|we|you|he|she|they|our)\b"
    r"|\w{2,}ed\b|n['’]t\b",
    re.IGNORECASE,
)
_QUOTE_MARKS = ('"', "“", "”", "‘", "«", "»")


def _holds_own_caption(credit: str) -> bool:
    """Whether a credit line carries its photo's caption itself ("Photo: Cyclists ride along
    Main Street on Monday. (Jane Roe/The Herald)"): :data:`CAPTION_OVER_CREDIT_WORDS`' least
    words before a sentence's end inside the line or before a credit in brackets that closes
    it. The line above such a credit is then the article's, not a caption (a tester's page lost
    a body sentence so). The credits under the extraction benchmark's 36 captions hold neither
    ("Photo: Meg Kinnard, AP", "(Reed Saxon / Associated Press)", "Images by Getty Images and
    US Presswire")."""
    label = _CREDIT_LABEL_RE.match(credit)
    rest = credit[label.end() :] if label else credit
    cut = _OWN_CAPTION_END_RE.search(rest)
    return cut is not None and len(rest[: cut.start()].split()) >= CAPTION_OVER_CREDIT_WORDS[0]


# "Photo: ", "Image credit: ": the label a credit line opens with
_CREDIT_LABEL_RE = re.compile(
    r"\s*(?:photo|image|picture|photograph|illustration|graphic|foto)s?(?:\s+credit)?\s*:\s*",
    re.IGNORECASE,
)
# a sentence's end with more after it, or a credit in brackets closing the line
_OWN_CAPTION_END_RE = re.compile(r"[.!?][\"'”’]*\s+\S|\s*[(\[][^()\[\]]{1,80}[)\]]\s*$")


# a stock photo's credit, which is its image's whole caption: the line above is not one
_STANDALONE_CREDIT_RE = re.compile(
    r"\(?\s*(?:photo|image|picture)s?\s+by\s+.{1,60}?\s+on\s+"
    r"(?:unsplash|pexels|pixabay|flickr|shutterstock|istock|getty images|canva)\b",
    re.IGNORECASE,
)
_SENTENCE_BREAK_RE = re.compile(r"[.!?][\"'”’)\]]*\s+[\"'“‘(]?[A-Z]")  # "long. According"


def _block_end(views: list[_View], i: int, at_top: bool) -> int | None:
    """End (exclusive) of a boilerplate block starting at ``views[i]``, or None."""
    view = views[i]
    if view.n_words > _BLOCK_HEAD_WORDS:
        return None  # too long for any heading or byline: skip the tests below
    head = view.head_of
    if head == "comment_section":
        return comment_block_end(views, i)
    if head == "related_list":
        return related_block_end(views, i)
    author = None if at_top else view.byline
    if author:
        nxt = i + 1
        has_bio = nxt < len(views) and is_bio(views[nxt], author)
        return nxt + 1 if has_bio else nxt
    if head == "about_author":
        return _about_author_end(views, i)
    # the author's name alone over a bio naming the job, at the end (no heading)
    if not at_top and i + 1 < len(views) and is_person_name(view):
        return i + 2 if is_bio_of(views[i + 1], view.bare) else None
    return None


_LINE_RULE = attrgetter("line_rule")


def _under_blank(cands: Sequence[_Candidate], context: _Context, k: int) -> bool:
    """Whether a blank line stands above ``cands[k]`` in the raw text."""
    return cands[k].line.line_no in context.paragraph_starts


def _drop_release_block(
    cands: list[_Candidate], start: int, block: ReleaseBlock, state: _Round
) -> int:
    """Remove a press release's block (:func:`~analysis.corpus.press_releases.release_block`),
    each line by the rule that removes it on its own, if any (a forward-looking statement's
    ``platform_disclaimer``), else by the block's; a marker's date moves to the metadata."""
    for k in range(start, block.end):
        if k == start and block.dateline:
            state.move(cands[k], block.rule, "dateline", block.dateline)
        else:
            state.drop(cands[k], cands[k].view.line_rule or block.rule)
    return block.end


_AUTHORS_SPLIT_RE = re.compile(r"\s*(?:,|&|\band\b)\s*")


def _is_authors_bio(view: _View, authors: str | None) -> bool:
    """Whether ``view`` is the bio of an author the byline named, anywhere below the top: it
    opens with that author's whole name and says the job (:func:`is_bio_of`), as a local paper
    closes an article ("Marisol Okafor covers health care and labour for the Ardell Gazette.
    ... Reach her at ..."), with no heading and no name line over it."""
    if not authors or view.n_words < 4:
        return False
    return any(is_bio_of(view, name) for name in _author_names(authors))


# "Helen Marsh is a former ...", "Graham Pike was ...": the author's whole name, then "is" or "was"
_CLOSING_BIO_WORDS = 40  # the longest closing bio, in words


def _is_closing_bio(views: Sequence[_View], i: int, authors: str | None) -> bool:
    """Whether ``views[i]`` is an opinion piece's closing line about its author: it opens with
    the whole name of an author the byline named, then "is" or "was" ("Graham Pike is a
    Conservative peer and former education minister.", "Joanne Whitley is headteacher of a
    secondary school in South Yorkshire."), in at most :data:`_CLOSING_BIO_WORDS` words, and
    is the text's last line but for lines the rules remove anyway (a "Follow ..." line, a
    comment count, a call for letters). A tester's three columnists' bios, naming no job
    :func:`~analysis.corpus.block_rules.is_bio_of` knows or saying "writes", were kept as
    sentences (one counted as attributed); the same sentence inside the text stays."""
    if not authors or not 4 <= views[i].n_words <= _CLOSING_BIO_WORDS:
        return False
    bare = views[i].bare
    if not any(
        bare.startswith(name) and re.match(rf"{re.escape(name)},?\s+(?:is|was)\s", bare)
        for name in _author_names(authors)
    ):
        return False
    return all(view.line_rule or view.head_of or not view.has_word for view in views[i + 1 :])


@lru_cache(maxsize=1024)
def _author_names(authors: str) -> tuple[str, ...]:
    """The names of two words or more in a byline's ``authors`` ("Jane Doe and John Roe")."""
    return tuple(n for n in _AUTHORS_SPLIT_RE.split(authors) if len(n.split()) >= 2)


BIO_SKIPPED_LINES = 3  # the name and buttons ("Follow") between "About the Author" and the bio


def _about_author_end(views: Sequence[_View], i: int) -> int:
    """End (exclusive) of the block an "About the Author" heading at ``views[i]`` opens: the
    heading and the bio under it. The Atlantic puts the author's name and a "Follow" button
    between them ("About the Author" / "Derek Thompson" / "Follow" / "Derek Thompson is a staff
    writer ..."); up to :data:`BIO_SKIPPED_LINES` such lines (the name alone, or lines a line
    rule removes anyway) go with the bio. Without a bio within them, the heading alone."""
    name = None
    for k in range(i + 1, min(i + 2 + BIO_SKIPPED_LINES, len(views))):
        view = views[k]
        if is_bio(view, name):
            return k + 1
        if name is None and is_person_name(view):
            name = view.bare
        elif not view.line_rule:
            break
    return i + 1


_BLOCK_HEAD_WORDS = max(HEADING_WORDS, BYLINE_WORDS)


def _drop_block(cands: list[_Candidate], start: int, end: int, state: _Round) -> int:
    head = cands[start].view
    rule = head.head_of if head.head_of in ("comment_section", "related_list") else "author_bio"
    author = head.byline
    for k in range(start, end):
        if k == start and author:
            state.move(cands[k], "byline", "author", author)
        else:
            state.drop(cands[k], rule)
    return end


# --------------------------------------------------------------------------------------------
# Public API.
# --------------------------------------------------------------------------------------------


def _split_raw(raw: str, doc_id: str, audit: list[AuditEntry]) -> list[_Line]:
    """The raw text's lines, a line holding several HTML blocks cut into one line per block
    (:func:`~analysis.corpus.normalisers.split_block_tags`; rule ``html_blocks`` in the audit,
    its result the pieces one per line). The pieces keep the raw line's number."""
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    lines = []
    for n, line in enumerate(raw.split("\n"), start=1):
        if "<" not in line:  # no tag, so one piece: the line itself (most lines)
            lines.append(_Line(n, line, line))
            continue
        pieces = normalisers.split_block_tags(line)
        if len(pieces) > 1:
            audit.append(AuditEntry(doc_id, n, line, "html_blocks", "changed", "\n".join(pieces)))
        lines.extend(_Line(n, piece, piece) for piece in pieces)
    return lines


# Rules that remove a printed page's furniture: a paragraph goes on over the lines they remove
# and the blank lines around them (a page break), as a column's text does on the next page
FURNITURE_RULES = frozenset({"page_number", "page_header", "footnote"})


@dataclass
class _Context:
    """What cleaning reads from a whole text before its rounds, and what its rounds learn about
    it: where its paragraphs start, the width it is wrapped at, its words (for a hyphen at a
    line's end), and the page furniture found in it."""

    # raw line numbers of lines under a blank line: a paragraph starts there, so no line joins
    # the one before it (a pasted page's 46 "icon ..." lines, each between blank lines, were
    # joined to its headline, which stops mid-sentence)
    paragraph_starts: Collection[int] = frozenset()
    blank: Collection[int] = frozenset()  # raw line numbers of blank lines
    # the shortest line a next line may continue, and whether the text is hard-wrapped
    # (hard_wraps.read_wrapping)
    wrapping: Wrapping = field(default_factory=Wrapping)
    forms: WordForms | None = None  # the text's words, which decide a line-end hyphen
    # raw line numbers of the lines removed as a page's furniture (FURNITURE_RULES), by any round
    furniture: set[int] = field(default_factory=set)
    paginated: bool = False  # whether a round saw a page's number ("Page 3 of 7") in the text
    # whether the text is a broadcast transcript (analysis.corpus.transcripts.is_transcript),
    # read by its first round, whose speaker labels later rounds no longer see
    transcript: bool = False
    # raw line number -> the speaker's label cut off it (rule speaker_label), in a transcript
    turns: dict[int, str] = field(default_factory=dict)
    # whether the text is a letters page (analysis.corpus.letters.is_letters_page)
    letters: bool = False
    # whether the text is a row export's headline, or headline and lede (is_short_text)
    short: bool = False
    # the outlet's names (headline_furniture.outlet_keys), cut from the end of a line
    outlets: frozenset[str] = frozenset()
    # whether the text is a live blog (analysis.corpus.live_blogs.is_live_blog), read by its
    # first round, whose entry times later rounds no longer see
    live_blog: bool = False

    @classmethod
    def of(cls, raw: str, lines: list[_Line]) -> _Context:
        """The context of the raw text ``raw``, cut into ``lines``."""
        blank = frozenset(line.line_no for line in lines if not line.text.strip())
        starts = frozenset(
            line.line_no
            for previous, line in pairwise(lines)
            if previous.line_no in blank
            and line.line_no not in blank
            and previous.line_no != line.line_no
        )
        wrapping = read_wrapping([line.text for line in lines])
        short = is_short_text(line.text for line in lines)
        return cls(starts, blank, wrapping, WordForms(raw), short=short)

    def starts_paragraph(self, previous_no: int, line_no: int) -> bool:
        """Whether a paragraph starts at raw line ``line_no``, the line kept before it ending
        at raw line ``previous_no``: a blank line stands above it, and more than a page break
        between them (the page's furniture with the blank lines around it: a paragraph of an
        e-paper goes on over "Page 1 of 3" and the next page's running header)."""
        if line_no not in self.paragraph_starts:
            return False
        between = range(previous_no + 1, line_no)
        return not (
            any(n in self.furniture for n in between)
            and all(n in self.blank or n in self.furniture for n in between)
        )


def _is_fixed_point(state: _Round) -> bool:
    """Whether another round is certain to change nothing.

    Every kept line is a fixed point of the line normalisation, and every context-free rule
    already declined it; the context of a kept line (lines kept before it) is the same in the
    next round. Only a join (the joined line is new text) or a change in whether the text holds
    genuine Thai (a Thai line was removed) can make the next round differ.
    """
    if state.joined:
        return False
    return state.thai_ok == (not has_genuine_thai("\n".join(line.text for line in state.kept)))


_DEFAULT = "default"
# metadata key: the share of a text's characters the classifier scored as chrome when that
# share was too large to remove (the text was kept whole)
CHROME_SHARE = "chrome_share"
_MAX_MODEL_PASSES = 8


def _rule_rounds(
    lines: list[_Line],
    doc_id: str,
    title: str | None,
    metadata: dict[str, str],
    audit: list[AuditEntry],
    template: Collection[str] = frozenset(),
    *,
    headline: bool = False,
    context: _Context | None = None,
) -> tuple[list[_Line], int]:
    """Rule rounds until the text stops changing; the kept lines and the encoding repairs.
    ``headline``: the first round may take a headline over its byline as the title (the text's
    first rounds, when no title is known; :func:`_is_headline_over_byline`). ``context``: what
    the whole text says (:class:`_Context`)."""
    n_repairs = 0
    context = context if context is not None else _Context()
    for round_no in range(_MAX_ROUNDS):
        state = _Round(doc_id, metadata, template=template, context=context)
        first = round_no == 0
        _clean_round(lines, state, title if first else None, headline=headline and first)
        audit.extend(state.audit)
        n_repairs += state.n_repairs
        changed = [line.text for line in state.kept] != [line.text for line in lines]
        lines = state.kept
        if not changed or _is_fixed_point(state):
            break
    return lines, n_repairs


def _repeated(audit: list[AuditEntry]) -> list[tuple[int, str]]:
    """``(line_no, original)`` of the lines the audit says went as repeated across the corpus."""
    return [(e.line_no, e.original) for e in audit if e.rule == "repeated_line"]


def _model_pass(
    lines: list[_Line],
    model: BoilerplateModel,
    doc_id: str,
    audit: list[AuditEntry],
    repeated: Sequence[tuple[int, str]] = (),
    metadata: dict[str, str] | None = None,
) -> list[_Line]:
    """Drop the lines the classifier scores as boilerplate, rescoring the rest until none goes.

    ``repeated`` (``(line_no, text)`` of lines already gone as repeated across the corpus) are
    scored back in their places, as context only: the classifier was fitted on whole pages,
    and its features read a line's neighbours and place. Without them, once a site's menus
    had gone as repeated lines, the teasers and footers left among the article's lines scored
    as article: a tester's two CNN and two Fox pages under one outlet each kept 206 sentences
    where, under four outlets, they kept 137."""
    for _ in range(_MAX_MODEL_PASSES):
        texts, own = _in_context(lines, repeated)
        scores = model.scores(texts)
        every = model.drop_mask(scores, texts)
        drop = every[own]
        if not drop.any():
            break
        sizes = np.array([len(text) for text in texts], dtype=float)
        if sizes[every].sum() > model.max_share * sizes.sum():
            # the text does not look like article + chrome: keep it (precision first), and say
            # so, for a page that is mostly menu is kept whole too (a tester's inscriptis paste
            # of a broadcaster's page kept 124 menu lines of 128)
            if metadata is not None:
                metadata.setdefault(CHROME_SHARE, f"{sizes[every].sum() / sizes.sum():.2f}")
            break
        scores = scores[own]
        kept = []
        for line, score, gone in zip(lines, scores, drop, strict=True):
            if gone:
                audit.append(
                    AuditEntry(
                        doc_id,
                        line.line_no,
                        line.original,
                        "boilerplate_model",
                        "removed",
                        f"score={score:.3f}",
                    )
                )
            else:
                kept.append(line)
        lines = kept
    return lines


def _in_context(
    lines: list[_Line], repeated: Sequence[tuple[int, str]]
) -> tuple[list[str], np.ndarray]:
    """The texts of ``lines`` (in their order) with the ``repeated`` lines placed among them by
    raw line number (each before the first of ``lines`` numbered after it), and which of the
    texts are ``lines``'."""
    if not repeated:
        return [line.text for line in lines], np.ones(len(lines), dtype=bool)
    pending = sorted(repeated)
    texts: list[str] = []
    own: list[bool] = []
    k = 0
    for line in lines:
        while k < len(pending) and pending[k][0] < line.line_no:
            texts.append(pending[k][1])
            own.append(False)
            k += 1
        texts.append(line.text)
        own.append(True)
    texts.extend(text for _, text in pending[k:])
    own.extend([False] * (len(pending) - k))
    return texts, np.array(own, dtype=bool)


def clean_text(
    raw: str,
    doc_id: str = "",
    title: str | None = None,
    *,
    model: BoilerplateModel | str | None = _DEFAULT,
    template: Collection[str] = frozenset(),
    outlet_names: Collection[str] = (),
) -> CleanedText:
    """Clean one article's raw text (see the module docstring); never raises on any ``str``.

    ``title`` (optional) is the document's known title: a first line repeating it goes to
    ``metadata["title"]``. ``model`` is the boilerplate line classifier applied after the rules
    (default: the shipped one, :func:`analysis.corpus.boilerplate_model.default_model`; None:
    rules only). Rules and classifier alternate until neither changes anything, so the result
    is idempotent: cleaning ``result.text`` again (with the same model) gives it back.
    ``template`` holds the :func:`line_key` of lines found repeated across the corpus
    (:func:`template_lines`); a line with such a key that no other rule takes is removed as
    ``repeated_line``. ``outlet_names`` are the document's outlet's names: one after a
    separator at the end of a line ("Buses return - Bayview Herald") is cut (``outlet_suffix``).
    """
    if not isinstance(raw, str):
        hint = " (decode bytes first, e.g. raw.decode('utf-8'))" if isinstance(raw, bytes) else ""
        raise TypeError(f"clean_text expects str, got {type(raw).__name__}{hint}")
    if title is not None and not isinstance(title, str):
        raise TypeError(f"title must be str or None, got {type(title).__name__}")
    classifier = default_model() if model == _DEFAULT else model
    metadata: dict[str, str] = {}
    audit: list[AuditEntry] = []
    raw_lines = _split_raw(raw, doc_id, audit)
    context = _Context.of(raw, raw_lines)
    context.outlets = outlet_keys([outlet_names] if isinstance(outlet_names, str) else outlet_names)
    lines, n_repairs = _rule_rounds(
        raw_lines,
        doc_id,
        title,
        metadata,
        audit,
        template,
        headline=not title,
        context=context,
    )
    while True:
        if isinstance(classifier, BoilerplateModel):
            for _ in range(_MAX_MODEL_PASSES):
                before = len(lines)
                lines = _model_pass(lines, classifier, doc_id, audit, _repeated(audit), metadata)
                if len(lines) == before:
                    break
                lines, more = _rule_rounds(
                    lines, doc_id, None, metadata, audit, template, context=context
                )
                n_repairs += more
        # a feed's marks end the text, and a pull quote repeats a line of it: once either is
        # cut, the rules and the classifier see the rest again
        cut = _cut_feed_marks(lines, doc_id, audit)
        if not (_drop_pull_quotes(lines, doc_id, audit) or cut):
            break
        lines, more = _rule_rounds(lines, doc_id, None, metadata, audit, template, context=context)
        n_repairs += more
    lines = _drop_labels_only(lines, doc_id, audit)
    lines = _gallery_title_only(lines, doc_id, audit, metadata)
    audit.sort(key=lambda e: e.line_no)  # stable: within a line, the order rules were applied
    speakers = _line_speakers(lines, context.turns)
    return CleanedText(_joined_text(lines), tuple(audit), metadata, n_repairs, speakers)


def _line_speakers(lines: Sequence[_Line], turns: dict[int, str]) -> tuple[tuple[str, str], ...]:
    """Who speaks each kept line of a transcript: the speaker of the last turn (``turns``: raw
    line number -> label) opening at or above the line (:func:`turn_speakers`: the fullest
    label and the role), ``("", "")`` above the first; ``()`` without turns (no transcript)."""
    if not turns:
        return ()
    starts = sorted(turns)
    speakers = turn_speakers([turns[n] for n in starts])
    out = []
    for line in lines:
        k = bisect_right(starts, line.line_no) - 1
        out.append(speakers[k] if k >= 0 else ("", ""))
    return tuple(out)


# A text left with only a few short label lines ("World", "Business", "Sports", "Opinion") is a
# menu, not an article: a tester's failed scrape kept four such words as a 4-sentence article
# that carried the economic frame (from "Business") into its outlet's article-level shares.
LABEL_MAX_WORDS = 3  # words of a line that reads as a label, not prose
LABEL_MAX_CHARS = 30  # and characters (a line of Chinese, unspaced, is one "word")
LABELS_MAX_WORDS = 12  # words of the whole text, for it to be only labels
_SENTENCE_END = (".", "!", "?", "…", "。", "！", "？", '"', "”", "’", "'", ")")


def _drop_labels_only(lines: list[_Line], doc_id: str, audit: list[AuditEntry]) -> list[_Line]:
    """``lines``, or none of them when they are only short labels (each of at most
    :data:`LABEL_MAX_WORDS` words and :data:`LABEL_MAX_CHARS` characters, none ending like a
    sentence, :data:`LABELS_MAX_WORDS` words in all), each removed as ``labels_only``: the text
    then has no article left and is left out as such, with a warning."""
    # a line too long for a label keeps them all: most texts are dismissed here, before any
    # line's words are counted (the test below returns ``lines`` for it too)
    if not lines or any(len(line.text.rstrip()) > LABEL_MAX_CHARS for line in lines):
        return lines
    words = [_count_words(line.text) for line in lines]
    if sum(words) > LABELS_MAX_WORDS:
        return lines
    for line, n in zip(lines, words, strict=True):
        text = line.text.rstrip()
        if n > LABEL_MAX_WORDS or len(text) > LABEL_MAX_CHARS or text.endswith(_SENTENCE_END):
            return lines
    for line in lines:
        audit.append(AuditEntry(doc_id, line.line_no, line.original, "labels_only", "removed", ""))
    return []


# A photo gallery pasted as text is its title and its photos' captions and credits, which go
# to the metadata: a tester's two galleries came out differently, one left out with "no article
# text left after cleaning" (its title above its date was found), the other (no date under its
# title) kept as an article of its title alone, one 6-word sentence.
CAPTION_RULES = frozenset({"caption", "caption_over_credit", "caption_under_credit"})
GALLERY_CAPTIONS = 2  # the fewest captions that make a text without other text a gallery
# the lines a gallery holds besides its captions and credits: its title, date and author, its
# page's chrome ("1 of 5"), a line's whitespace or encoding repaired
_GALLERY_OTHER_RULES = frozenset(
    {
        "image_credit",
        "headline_line",
        "title_line",
        "gallery_title",
        "dateline",
        "byline",
        "published_time",
        "site_chrome",
        "boilerplate_model",
        "punctuation_only",
    }
)
GALLERY_NOTE = "every line was a photo caption or credit (a photo gallery?)"


def is_photo_gallery(rules: Iterable[str]) -> bool:
    """Whether the audit rules of a text's removed and moved lines (not those only changed)
    are a photo gallery's: :data:`GALLERY_CAPTIONS` captions or more
    (:data:`CAPTION_RULES`), and otherwise only credits, its title, date, byline and page
    chrome. Asked of a text cleaning left without text, to say why (:data:`GALLERY_NOTE`)."""
    captions = 0
    for rule in rules:
        if rule in CAPTION_RULES:
            captions += 1
        elif rule not in _GALLERY_OTHER_RULES:
            return False
    return captions >= GALLERY_CAPTIONS


def _gallery_title_only(
    lines: list[_Line], doc_id: str, audit: list[AuditEntry], metadata: dict[str, str]
) -> list[_Line]:
    """``lines``, or none when the one line left is a photo gallery's title: every other line
    was a caption or credit (:func:`is_photo_gallery`) and it is shaped as a headline
    (:data:`HEADLINE_WORDS`, no closing punctuation). It moves to ``metadata["title"]`` (rule
    ``gallery_title``) and the text, with no article, is left out as a gallery whose title was
    found above its date is, rather than kept as one short sentence."""
    if len(lines) != 1:
        return lines
    line = lines[0]
    text = line.text.strip()
    low, high = HEADLINE_WORDS
    if not low <= _count_words(text) <= high or text.endswith(_SENTENCE_END):
        return lines
    if not is_photo_gallery(e.rule for e in audit if e.action != "changed"):
        return lines
    metadata.setdefault("title", text)
    audit.append(
        AuditEntry(doc_id, line.line_no, line.original, "gallery_title", "moved_to_metadata", text)
    )
    return []


def _joined_text(lines: Sequence[_Line]) -> str:
    """The kept lines, one per line of the text; a blank line before a paragraph that would
    read as the previous one's hard-wrapped continuation (the previous stops mid-sentence, this
    one opens in lower case) once the blank line that parted them is gone. Without it, cleaning
    the cleaned text again joined them: two paragraphs "... forty characters" and "a long line
    ..." became one (the idempotence property test found it). The test takes the narrowest
    column a text may be wrapped at (:data:`~analysis.corpus.hard_wraps.NARROWEST_COLUMN`):
    the cleaned text, whose lines are paragraphs, gives no wrap width of its own."""
    parts: list[str] = []
    for k, line in enumerate(lines):
        # the previous line's own tests first: most end a sentence, and then no view is made
        if (
            k
            and may_be_continued(lines[k - 1].text, NARROWEST_COLUMN)
            and continues_previous(
                lines[k - 1].text, LineView.of(line.text), min_length=NARROWEST_COLUMN
            )
        ):
            parts.append("")
        parts.append(line.text)
    return "\n".join(parts)


# What a news feed leaves at the end of an item, looked for on a text's last line only (see
# analysis.corpus.normalisers): the rule named in the audit and the cut.
_FEED_MARKS: tuple[tuple[str, Callable[[str], str]], ...] = (
    ("feed_footer", normalisers.remove_feed_footer),
    ("excerpt_mark", normalisers.remove_excerpt_mark),
    ("read_more_link", normalisers.remove_read_more),
    ("rights_notice", normalisers.remove_rights_notice),
    ("wire_signoff", remove_wire_signoff),
)


def _feed_mark(text: str) -> tuple[str, str] | None:
    """``(rule, text without it)`` for the first of :data:`_FEED_MARKS` ending ``text``."""
    for rule, cut in _FEED_MARKS:
        rest = cut(text).rstrip()
        if rest != text:
            return rule, rest
    return None


def _cut_feed_marks(lines: list[_Line], doc_id: str, audit: list[AuditEntry]) -> bool:
    """Cut a news feed's marks from the end of the text (the last of ``lines``, in place),
    auditing each; a last line that is nothing but a mark (WordPress's footer) is removed and
    the line before it looked at. Whether anything changed."""
    changed = False
    while lines:
        last = lines[-1]
        hit = _feed_mark(last.text)
        if hit is None:
            return changed
        changed = True
        rule, text = hit
        if text:
            audit.append(AuditEntry(doc_id, last.line_no, last.original, rule, "changed", text))
            last.text = text
        else:
            audit.append(AuditEntry(doc_id, last.line_no, last.original, rule, "removed", ""))
            lines.pop()
    return changed


# the fewest and the most words of a pull quote: a sentence or two of the article again
PULL_QUOTE_WORDS = (6, 60)
_SENTENCE_CUT_RE = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+")
_OPENING_QUOTE = ("“", '"', "‘", "'", "«", "„")


def _sentence_keys(text: str) -> tuple[str, ...]:
    """The sentences of ``text`` (cut after ". ", "! ", "? "), each as its words in lower case."""
    parts = _SENTENCE_CUT_RE.split(text)
    keys = (" ".join(_KEY_WORD_RE.findall(part.casefold())) for part in parts)
    return tuple(key for key in keys if key)


def _repeats(quote: tuple[str, ...], sentences: tuple[str, ...]) -> bool:
    """Whether the sentences of ``quote`` stand in ``sentences`` in order, its first perhaps the
    end of one and its last the start of one ("“This was not an accident. It was a choice.”"
    in "“This was not an accident. It was a choice,” said the prosecutor."), or a one-sentence
    quote inside one, at word boundaries."""
    m = len(quote)
    for p in range(len(sentences) - m + 1):
        if m == 1:
            if f" {quote[0]} " in f" {sentences[p]} ":
                return True
            continue
        first, last = sentences[p], sentences[p + m - 1]
        if (
            f" {first}".endswith(f" {quote[0]}")
            and f"{last} ".startswith(f"{quote[-1]} ")
            and sentences[p + 1 : p + m - 1] == quote[1:-1]
        ):
            return True
    return False


def _drop_pull_quotes(lines: list[_Line], doc_id: str, audit: list[AuditEntry]) -> bool:
    """Remove (in place, each in the audit as ``pull_quote``) the quotations set apart from the
    paragraph they repeat: a line that opens with a quotation mark and whose sentences stand
    again, in order, in a longer line of the text (:func:`_repeats`: "“This is not a red state
    or a blue state problem.”" under the paragraph quoting it). A tester's pasted
    pages kept every pull quote as a second direct quotation. The longer line keeps the words,
    so no text is lost; lines repeated whole are left alone. Whether any line went."""
    low, high = PULL_QUOTE_WORDS
    # a line opening with a quotation mark, of a pull quote's length: most texts have none,
    # and then no line is read further
    candidates = [
        k
        for k, line in enumerate(lines)
        if line.text.lstrip().startswith(_OPENING_QUOTE)
        and low - 3 <= len(line.text.split()) <= high + 10  # a loose bound, checked below
    ]
    if not candidates:
        return False
    keys: dict[int, tuple[str, ...]] = {}  # _sentence_keys of the lines read, by index
    words: dict[int, int] = {}

    def read(j: int) -> None:
        if j not in keys:
            keys[j] = _sentence_keys(lines[j].text)
            words[j] = sum(key.count(" ") + 1 for key in keys[j])

    for k in candidates:
        read(k)
    candidates = [k for k in candidates if keys[k] and low <= words[k] <= high]
    # A line repeating a quote holds each of its words (the words of a sentence key are runs
    # of word characters of the case-folded line, and str.casefold folds each character on its
    # own, so they stand in the line's casefold too): a line without the quote's longest word
    # cannot repeat it, and only the others are split into sentences and words.
    folded = [line.text.casefold() for line in lines] if candidates else []
    gone = set()
    for k in candidates:
        longest = max((word for key in keys[k] for word in key.split(" ")), key=len)
        for j in range(len(lines)):
            if j == k or longest not in folded[j]:
                continue
            read(j)
            if words[j] > words[k] and _repeats(keys[k], keys[j]):
                gone.add(k)
                break
    for k in sorted(gone):
        line = lines[k]
        audit.append(AuditEntry(doc_id, line.line_no, line.original, "pull_quote", "removed", ""))
    if gone:
        lines[:] = [line for k, line in enumerate(lines) if k not in gone]
    return bool(gone)


_AUDIT_ROW = attrgetter(*AUDIT_COLUMNS)  # an entry's fields as a tuple, in column order


def audit_frame(entries: Iterable[AuditEntry]) -> pd.DataFrame:
    """The audit entries as a DataFrame, one row per entry in the order given, with columns
    ``doc_id, line_no, original, rule, action, result`` (``line_no`` int64, the rest text)."""
    frame = pd.DataFrame(list(map(_AUDIT_ROW, entries)), columns=AUDIT_COLUMNS)
    return frame.astype({"line_no": "int64"})


# --------------------------------------------------------------------------------------------
# Lines repeated across documents (a corpus-level pass before per-document cleaning).
# --------------------------------------------------------------------------------------------

_KEY_WORD_RE = re.compile(r"\w+")
_SENTENCE_END_RE = re.compile(r"[.!?…][\"'”’»)\]]*$")
PROSE_WORDS = 10  # a line of at least this many words that ends a sentence reads as prose
MAX_TEMPLATE_SHARE = 0.5  # a document losing more of its words than this is a near-duplicate
# A line longer than this is never template: disclaimers and footers are shorter (Fox News'
# "This material may not be published, broadcast, rewritten, or redistributed. ©2019 FOX News
# Network, LLC. ..." is 25 words), and a tester's export of edited copies of one article lost a
# 717-word paragraph as "repeated" from one copy, depending on which chunk its copies fell in.
MAX_TEMPLATE_WORDS = 80
# Copies of one article (a saved page and a paste of it): documents sharing at least this many
# prose lines, and this share of the prose lines of the one with fewer, count once in the
# template pass. A prose line in more than COPY_MAX_DOCS documents is not evidence of a copy
# (a disclaimer, a syndicated story).
COPY_MIN_LINES = 3
COPY_MIN_SHARE = 0.3
COPY_MAX_DOCS = 10
# An outlet name that names no outlet: the documents of a folder without a manifest.
NO_OUTLET = frozenset({"", "unknown"})


# ASCII bytes with every byte that is not a word character (\w: letters, digits, "_") a space
_ASCII_WORD_BYTES = bytes(b if chr(b).isalnum() or b == 0x5F else 0x20 for b in range(128))
_ASCII_WORD_BYTES += b" " * 128


@lru_cache(maxsize=1 << 16)
def _count_words(text: str) -> int:
    """``len(_KEY_WORD_RE.findall(text))``: the runs of word characters. In ASCII text, the
    word bytes kept and the others made spaces, the runs are what bytes.split() returns,
    without a string made for each word. Cached per process: a key recurs in every document
    (and chunk) that holds its line."""
    if text.isascii():
        return len(text.encode("ascii").translate(_ASCII_WORD_BYTES).split())
    return len(_KEY_WORD_RE.findall(text))


@lru_cache(maxsize=1 << 16)
def line_key(line: str) -> str:
    """The form in which lines are compared across documents: whitespace collapsed, casefolded
    (cached per process: the lines it is asked about are those that recur)."""
    # A printable line has no whitespace but " " (the others are separators or control
    # characters); without double, leading or trailing spaces, splitting and joining it again
    # gives it back.
    if line.isprintable() and "  " not in line and line[:1] != " " and line[-1:] != " ":
        return line.casefold()
    return " ".join(line.split()).casefold()


class _Template(frozenset):
    """The template keys of one document (a frozenset of :func:`line_key`), with the key of
    each of the document's lines, computed when the template was found, so that cleaning
    does not compute them again."""

    key_of: dict[str, str]


def _key_of(line: str, keys: dict[str, str] | None) -> str:
    """:func:`line_key` of ``line``, from ``keys`` (line -> key) when it holds the line."""
    if keys is not None:
        key = keys.get(line)
        if key is not None:
            return key
    return line_key(line)


def _is_prose(key: str) -> bool:
    """Whether a line (its key) reads as prose: a sentence of :data:`PROSE_WORDS` words or more."""
    return bool(_SENTENCE_END_RE.search(key)) and _count_words(key) >= PROSE_WORDS


def copy_groups(doc_keys: Sequence[set[str]], counts: Counter[str]) -> list[int]:
    """For each document, the index of the first document of its group of copies (itself when
    it has none): documents that share :data:`COPY_MIN_LINES` prose lines or more, and at least
    :data:`COPY_MIN_SHARE` of the prose lines of the one with fewer, are copies of one article,
    transitively. Only prose lines in 2 to :data:`COPY_MAX_DOCS` documents (``counts``) are
    evidence, so a corpus without such lines costs one pass over its distinct lines."""
    evidence = {k for k, n in counts.items() if 2 <= n <= COPY_MAX_DOCS and _is_prose(k)}
    group = list(range(len(doc_keys)))
    if not evidence:
        return group
    shared = [keys & evidence for keys in doc_keys]
    holders: dict[str, list[int]] = defaultdict(list)
    for i, keys in enumerate(shared):
        if len(keys) >= COPY_MIN_LINES:
            for key in keys:
                holders[key].append(i)
    pairs: Counter[tuple[int, int]] = Counter()
    for docs in holders.values():
        for a, i in enumerate(docs):
            for j in docs[a + 1 :]:
                pairs[i, j] += 1
    prose: dict[int, int] = {}

    def root(i: int) -> int:
        while group[i] != i:
            group[i] = group[group[i]]
            i = group[i]
        return i

    for (i, j), n in sorted(pairs.items()):
        if n < COPY_MIN_LINES:
            continue
        for d in (i, j):
            if d not in prose:
                prose[d] = sum(map(_is_prose, doc_keys[d]))
        if n >= COPY_MIN_SHARE * min(prose[i], prose[j]):
            a, b = root(i), root(j)
            group[max(a, b)] = min(a, b)
    return [root(i) for i in range(len(doc_keys))]


def template_lines(texts: Sequence[str], outlets: Sequence[str]) -> list[frozenset[str]]:
    """For each document, the :func:`line_key` of its lines that are page template rather than
    article, found by their recurrence across documents (deterministic).

    Site-level templates repeat across a site's pages while article text does not
    (Bar-Yossef and Rajagopalan 2002, "Template detection via data mining and its
    applications", WWW). A line (at least one word character) of a document is template when
    it also occurs in other documents so that it is in

    * 2+ documents of the document's (named) outlet and is short or not a sentence (under
      :data:`PROSE_WORDS` words, or no sentence-final punctuation): menus, footers, prompts;
    * 3+ documents of the document's outlet, whatever it looks like (a standard disclaimer);
    * 3+ documents of the corpus and is short or not a sentence.

    So a sentence two outlets both quote stays, and so does a sentence one outlet repeats
    once. Documents without an outlet (:data:`NO_OUTLET`: a folder without a manifest) are
    not one outlet: a tester's two papers sharing a quotation lost it from both. Copies of one
    article (:func:`copy_groups`: a saved page, a paste of it and a tidied copy) count once,
    as identical texts of an outlet do: a tester's pasted page lost its whole article, 29
    lines, to its two other copies. A document that would lose more than
    :data:`MAX_TEMPLATE_SHARE` of its words loses none (a near-duplicate of another document is
    flagged by the quality step, not emptied here), and so does a short text
    (:func:`~analysis.corpus.headline_furniture.is_short_text`: a row export's headline, or
    headline and lede), whose lines are most of what it says: a tester's export of headlines
    and ledes lost 177 of them (a wire's lede several outlets ran, a lede kept under an
    updated headline) where the near-copy check is what tells a repeated story.
    """
    if len(texts) != len(outlets):
        raise ValueError("texts and outlets must have the same length")
    names = [(outlet or "").strip() for outlet in outlets]
    names = ["" if name.casefold() in NO_OUTLET else name for name in names]
    doc_keys = []
    key_maps = []
    short = []  # a row export's headline, or headline and lede: no template (is_short_text)
    for text in texts:
        pieces = text.splitlines()
        if "<" in text:  # the lines cleaning sees (clean_text): one per HTML block
            pieces = [piece for line in pieces for piece in normalisers.split_block_tags(line)]
        short.append(is_short_text(pieces))
        lines = set(pieces)
        key_of = dict(zip(lines, map(line_key, lines), strict=True))
        key_maps.append(key_of)
        doc_keys.append({k for k in set(key_of.values()) if _KEY_WORD_RE.search(k)})
    in_corpus: Counter[str] = Counter()
    in_outlet: dict[str, Counter[str]] = defaultdict(Counter)
    seen: set[tuple[str, str]] = set()
    counted: list[int] = []  # the documents counted (identical texts of an outlet once)
    for i, (text, outlet, keys) in enumerate(zip(texts, names, doc_keys, strict=True)):
        if (outlet, text) in seen:
            continue
        seen.add((outlet, text))
        counted.append(i)
        in_corpus.update(keys)
        if outlet:
            in_outlet[outlet].update(keys)
    groups = copy_groups([doc_keys[i] for i in counted], in_corpus)
    if any(g != k for k, g in enumerate(groups)):  # copies: counted again, each group once
        merged: dict[int, set[str]] = defaultdict(set)
        merged_outlet: dict[tuple[int, str], set[str]] = defaultdict(set)
        for k, g in enumerate(groups):
            merged[g] |= doc_keys[counted[k]]
            if names[counted[k]]:
                merged_outlet[g, names[counted[k]]] |= doc_keys[counted[k]]
        in_corpus = Counter()
        in_outlet = defaultdict(Counter)
        for keys in merged.values():
            in_corpus.update(keys)
        for (_, outlet), keys in merged_outlet.items():
            in_outlet[outlet].update(keys)

    def is_template(key: str, outlet: str) -> bool:
        same = in_outlet[outlet][key] if outlet else 0
        if same >= 3:
            return True
        if not (same >= 2 or in_corpus[key] >= 3):
            return False
        return not _is_prose(key)

    out: list[frozenset[str]] = []
    for outlet, keys, key_of, headline in zip(names, doc_keys, key_maps, short, strict=True):
        if headline:  # its lines are most of what it says: a repeated story is a near-copy
            out.append(frozenset())
            continue
        found = {k for k in keys if in_corpus[k] >= 2 and is_template(k, outlet)}
        if not found:  # nothing lost, so nothing to weigh against the document's words
            out.append(frozenset())
            continue
        words = sum(map(_count_words, keys))
        lost = sum(map(_count_words, found))
        if lost > MAX_TEMPLATE_SHARE * words:
            out.append(frozenset())
            continue
        # a paragraph of an article its copies share is no page's template (after the share
        # is weighed with it, so that a copy it tips over half of stays whole, as before)
        found = {k for k in found if _count_words(k) <= MAX_TEMPLATE_WORDS}
        if not found:
            out.append(frozenset())
            continue
        template = _Template(found)
        template.key_of = key_of
        out.append(template)
    return out
