"""Wire copy's furniture: the notes a news agency's story carries around what it reports.

AP, Reuters and AFP stories, and the papers that run them, print lines that say nothing the
article says: who contributed ("Associated Press writers Kate Payne and Jeff Amy contributed to
this report.", "Material from the Associated Press was used in this report."), a correction
("This story has been corrected to show that ...", "An earlier version of this story misstated
..."), the page's notes ("THIS IS A BREAKING NEWS UPDATE. AP's earlier story follows below.",
"Follow AP's coverage of hurricanes at https://...", "This is a developing story. Check back for
updates."), the agency's "about" paragraph ("The Associated Press is an independent global news
organization ...") and AFP's sign-off under the text ("bur-jm/des", "Agence France-Presse"). A
tester (a journalism scholar comparing how outlets rework wire copy) found each scored as a
sentence of the article, AFP's sign-off flagging its articles "truncated", in copies of one
story and in stories printed once alike, so these rules read a line's shape, not its
recurrence across documents.

Each test takes a whole line (a :class:`~analysis.corpus.line_rules.LineView`); cleaning
(:mod:`analysis.corpus.cleaning`) removes the line, or moves a correction to the metadata.
"""

from __future__ import annotations

import re
from functools import lru_cache

from analysis.corpus.line_rules import LineView

# the rules of this module, with what each removes (cleaning.RULES lists them)
RULES = {
    "contributor_note": "A wire story's note on who contributed ('Associated Press writers "
    "Jane Roe in Tampa and John Doe contributed to this report.', 'The Associated Press "
    "contributed to this report.', 'Material from the Associated Press and Reuters was used in "
    "this report.', 'Contributing: Jane Roe'), as a line of its own, or as the last sentence of "
    "a paragraph ('... officials said. Courier staff writer Jane Roe contributed to this "
    "report.': cut from its end, the paragraph stays).",
    "correction_note": "A correction or update note ('This story has been corrected to show "
    "that ...', 'This story has been updated to ...', 'Correction: An earlier version of this "
    "story misstated ...') moves to metadata['correction'] (documents.csv's metadata_note "
    "says it).",
    "wire_page_note": "A news page's notes around a wire story: 'THIS IS A BREAKING NEWS "
    "UPDATE.', 'BREAKING NEWS', 'AP's earlier story follows below.', 'This is a developing "
    "story.', 'Check back for updates.', 'Follow AP's coverage of hurricanes at "
    "https://apnews.com/hub/hurricanes', 'Follow Jane Roe on X: @janeroe'.",
    "wire_about": "A news agency's paragraph about itself under its story ('The Associated "
    "Press is an independent global news organization dedicated to factual reporting. Founded "
    "in 1846, ...', 'Reuters, the news and media division of Thomson Reuters, is the world's "
    "largest multimedia news provider ...').",
    "wire_signoff": "AFP's sign-off at the end of the text: its editors' initials alone on a "
    "line ('jm/des', 'bur-jm/des', 'mlm/acb') and the agency's name alone ('Agence "
    "France-Presse'); looked for on the text's last lines only.",
}

NOTE_WORDS = 60  # the longest contributor or page note line, in words
CORRECTION_WORDS = 120  # a correction may say what was wrong and what is right
ABOUT_WORDS = 150

# a sentence's end inside a line of notes, and after its last
_END = r"[.!]?[\"”’)]?"
# a character of a page's note: a full stop only inside a word or an address ("apnews.com"),
# so no note runs on into the next one, and a line of many notes is read in linear time (a
# free "." let a note end at any of them: a line of 15 made-up notes took 77 s)
_NOTE_CHAR = r"(?:[^.!?]|[.!?](?=[^\s\"”’)]))"
_STORY = r"(?:report|story|article|dispatch)"
_AGENCIES = (
    r"(?:the )?(?:associated press|ap|reuters|afp|agence france-presse|bloomberg(?: news)?"
    r"|(?:the )?canadian press|dpa|xinhua|ansa|efe|kyodo(?: news)?|press association|pa media)"
)
_JOBS = (
    r"(?:staff |senior |contributing |special |chief )?(?:writers?|reporters?|correspondents?"
    r"|journalists?|researchers?|photographers?|videographers?|producers?)"
)
_CONTRIBUTOR = (
    # "Associated Press writers Kate Payne in Tallahassee and Curt Anderson contributed.",
    # "Courier staff writer Maria Gonzalez contributed to this report."
    rf"(?:(?:{_AGENCIES}|[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*){{0,3}})\s+)?{_JOBS}\s+.{{2,300}}?"
    rf"\s+contributed(?:\s+reporting)?(?:\s+(?:to|for) this {_STORY})?(?:\s+from\s+.{{2,60}}?)?"
    # "The Associated Press contributed to this report.", "Reuters contributed."
    rf"|{_AGENCIES}\s+contributed(?:\s+reporting)?(?:\s+(?:to|for) this {_STORY})?"
    # anyone else "contributed to this report" (a whole line: the report is this one)
    rf"|.{{2,300}}?\s+contributed(?:\s+reporting)?\s+(?:to|for) this {_STORY}"
    # "Material from the Associated Press and Reuters was used in this report."
    rf"|(?:material|information|reporting|content|details) from .{{2,200}}? (?:was|were|has been"
    rf"|have been|is) (?:used|included) in this {_STORY}"
    rf"|this {_STORY} (?:includes|contains|uses|used) (?:material|information|reporting) from"
    r" .{2,200}?"
    # USA Today's "Contributing: Jane Roe, USA TODAY"
    r"|contributing(?: reporting)?\s*:\s*.{2,300}?"
)
# one note a line: a reporter's place may hold a full stop ("in St. Petersburg"), so notes run
# together could be cut in many ways, and trying them took exponential time
_CONTRIBUTOR_LINE_RE = re.compile(rf"(?:{_CONTRIBUTOR}){_END}", re.IGNORECASE)
# a contributor note closing a paragraph of the article: "... officials said. Courier staff
# writer Maria Gonzalez contributed to this report." (only a note that names a job or an
# agency and says "to this report": any sentence may end in "contributed")
_CONTRIBUTOR_TAIL_RE = re.compile(
    rf"(?<=[.!?\"”’])\s+(?P<note>(?:(?:{_AGENCIES}|(?-i:[A-Z][\w'’.&-]*)(?:\s+(?-i:[A-Z][\w'’.&-]*))"
    rf"{{0,3}})\s+)?{_JOBS}\s+(?-i:[A-Z])[^.!?]{{2,200}}?\s+contributed(?:\s+reporting)?"
    rf"\s+(?:to|for) this {_STORY}\.?)$",
    re.IGNORECASE,
)

_PAGE_NOTE = (
    r"(?:this is (?:a|an) )?breaking(?: news)?(?: (?:update|alert))?"
    r"|(?:ap's|the ap's|reuters'|afp's|the|our|an?) (?:earlier|previous|original) (?:story|version"
    r"|report)(?: of this (?:story|report))? (?:follows|is|appears) (?:below|beneath)"
    r"|this (?:is a )?developing (?:news )?story"
    r"|this (?:story|article|report) is (?:developing|still developing|being updated)"
    rf"|this (?:story|article|report) will be updated(?: as {_NOTE_CHAR}{{1,60}}?)?"
    r"|(?:please )?check back (?:later |soon |here )?for (?:updates|more(?: details| information)?)"
    r"|(?:please )?refresh (?:this page )?for (?:the latest|updates)"
    r"|more to come"
    # "Follow AP's coverage of hurricanes at https://apnews.com/hub/hurricanes"
    r"|(?:follow|see|read|find) (?:more of )?(?:ap's|the ap's|reuters'|afp's|our|all of ap's)"
    rf" (?:full |complete |latest |ongoing )?coverage (?:of|on|at)\b{_NOTE_CHAR}{{0,120}}?"
    # "Follow Jane Roe on X: @janeroe", "Follow her on Twitter at @jroe": a handle or an
    # address ends the line, so a sentence about following someone on Twitter stays (the name
    # holds none, so one note does not run on into the next)
    r"|follow [^.!?@:/]{1,60}? on (?:twitter|x|twitter/x|x/twitter|threads|bluesky"
    r"|instagram|facebook|mastodon|tiktok)(?:\s*(?:at|:|-))?\s*(?:@\w{1,40}(?:\.\w{1,40})*"
    r"|https?://\S*[^\s.!?,\"”’)])"
)
# notes one after another, a space between: where one ends is then where a space follows its
# end, so a line of many is read in linear time
_PAGE_NOTE_LINE_RE = re.compile(
    rf"(?:{_PAGE_NOTE}){_END}(?:\s+(?:{_PAGE_NOTE}){_END})*", re.IGNORECASE
)

_ABOUT_RE = re.compile(
    r"(?:the )?associated press is an independent,? global news organi[sz]ation\b.*"
    r"|(?:reuters|thomson reuters), the news and media division of thomson reuters, is\b.*"
    r"|(?:agence france-presse(?: \(afp\))?|afp) is a (?:leading )?global news agency\b.*",
    re.IGNORECASE | re.DOTALL,
)

_CORRECTION_RE = re.compile(
    # "Correction: An earlier version of this story misstated ... It is 17, not 27."
    r"[(\[*]?\s*(?:correction|corrections|clarification|editor'?s note|editor’s note)s?\s*"
    r"[:—–-]\s*.{0,900}"
    # "An earlier version of this story misstated the number of ..."
    rf"|[(\[*]?\s*(?:an?|the) (?:earlier|previous|prior) version of this {_STORY}\b.{{0,900}}"
    # "This story has been corrected to show that ...", "This story has been updated to ..."
    rf"|[(\[*]?\s*this {_STORY} (?:has been|was|is being) (?:corrected|updated|amended|clarified"
    r"|changed|revised)\b.{0,900}",
    re.IGNORECASE | re.DOTALL,
)
# what a note says, for it to correct or update the story: "Correction: stocks slide" is a
# headline about markets, "Editor's note: This story contains graphic details" a warning
_CORRECTION_SAYS_RE = re.compile(
    r"\b(?:(?:earlier|previous|prior) version|misstated|misspelled|misidentified|misquoted"
    r"|incorrectly|erroneously|wrongly|mistakenly|(?:has been|was) (?:corrected|updated|amended"
    r"|clarified|changed|revised))\b",
    re.IGNORECASE,
)

# the words one of which every line these rules take holds (a quick test, on the folded line)
_HINTS = (
    "contribut", "this report", "this story", "this article", "breaking", "developing",
    "check back", "follow", "coverage", "news organi", "thomson reuters", "news agency",
    "more to come", "refresh", "version", "correction", "clarification", "editor",
)  # fmt: skip


@lru_cache(maxsize=1 << 12)
def _has_hint(folded: str) -> bool:
    """Whether a line's folded form holds one of :data:`_HINTS`. Cached per process (bounded):
    a line's view is asked three times (its line rule, and its metadata rule at the top and
    below it), and the test reads the whole line. One ``in`` per word (a C substring search)
    is about twice as fast as one regex search of the alternation of the same literal words,
    which tries every word at every position, and finds the same lines."""
    return any(hint in folded for hint in _HINTS)


def wire_note_rule(line: LineView) -> str | None:
    """The rule of a line of wire furniture that goes whole (``contributor_note``,
    ``wire_page_note``, ``wire_about``), else None. A line may hold several notes of one kind
    ("This is a developing story. Check back for updates.")."""
    if line.n_words > ABOUT_WORDS or line.is_bullet or not _has_hint(line.folded):
        return None
    if line.n_words <= NOTE_WORDS:
        if _PAGE_NOTE_LINE_RE.fullmatch(line.bare):
            return "wire_page_note"
        if _CONTRIBUTOR_LINE_RE.fullmatch(line.bare) and not line.reports_speech:
            return "contributor_note"
    if _ABOUT_RE.fullmatch(line.bare):
        return "wire_about"
    return None


def parse_correction_note(line: LineView) -> str | None:
    """The note of a line that corrects or updates the story ("This story has been corrected to
    show that ...", "Correction: An earlier version of this story misstated ..."), else None."""
    if line.n_words > CORRECTION_WORDS or line.is_bullet or not _has_hint(line.folded):
        return None
    match = _CORRECTION_RE.fullmatch(line.bare)
    if match is None or not _CORRECTION_SAYS_RE.search(line.bare):
        return None
    return line.bare


def cut_contributor_tail(text: str) -> str:
    """``text`` without a contributor note closing it as its last sentence ("... the Florida
    Department of Transportation said. Courier staff writer Maria Gonzalez contributed to this
    report." keeps its first sentence); ``text`` itself when none closes it."""
    if "contributed" not in text:
        return text
    match = _CONTRIBUTOR_TAIL_RE.search(text)
    return text[: match.start()] if match else text


# AFP's sign-off: the initials of its writers and editors, lower case, joined by slashes, perhaps
# after its bureau's "bur-" ("jm/des", "bur-jm/des", "sst/jm/rlp")
_SIGNOFF_RE = re.compile(r"(?:bur-)?[a-z]{2,5}(?:[-/][a-z]{2,5}){1,5}")
_AGENCY_NAME_RE = re.compile(r"(?:agence france-presse|agence france presse)", re.IGNORECASE)


def remove_wire_signoff(text: str) -> str:
    """The line ``text`` without AFP's sign-off: nothing when it is the sign-off ("jm/des",
    "bur-jm/des") or the agency's name alone ("Agence France-Presse"), else ``text`` as it is.
    Applied to a text's last lines only, where AFP puts them (a line of initials elsewhere could
    be anything)."""
    bare = text.strip()
    if _SIGNOFF_RE.fullmatch(bare) or _AGENCY_NAME_RE.fullmatch(bare.rstrip(". ")):
        return ""
    return text
