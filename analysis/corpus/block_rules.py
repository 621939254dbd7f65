"""Block rules: boilerplate that only its neighbours reveal, and hard-wrapped paragraphs.

Comment threads (a heading, then form lines, thread furniture and whole comments), lists of
related articles (a heading, then headline-like lines), author bios (after a trailing byline or
an "About the author" heading), and a line that continues the paragraph of the line before it.
Each block ends at the first line that does not fit it, so article text after a widget survives.
"""

from __future__ import annotations

import re

from analysis.corpus.line_rules import LineView, is_comment_form, match_line_rule
from analysis.corpus.metadata_rules import is_date_line, parse_byline

# The longest line (in words) that each kind of block heading can be.
COMMENT_HEADING_WORDS = 12
RELATED_HEADING_WORDS = 6
ABOUT_AUTHOR_WORDS = 5
HEADING_WORDS = max(COMMENT_HEADING_WORDS, RELATED_HEADING_WORDS, ABOUT_AUTHOR_WORDS)
"""No line of more words heads a comment section, a related list or an author bio."""

# --------------------------------------------------------------------------------------------
# Comment sections.
# --------------------------------------------------------------------------------------------

_COMMENT_HEADING_RE = re.compile(
    r"(?:\d{1,6}|no|zero|one) comments?(?: so far| feed for comments)?"
    r"(?: (?:on|to) [“\"'‘].{1,120})?"
    r"|(?:\d{1,6}|no|one) (?:responses?|replies|thoughts) (?:on|to) [“\"'‘].{1,120}"
    r"|comments?(?: \(\d{1,6}\))?"
    r"|(?:leave|post|add|write) a (?:comment|reply)(?: cancel reply)?"
    r"|(?:join|start) the (?:discussion|conversation)"
    r"|discussion about this (?:post|article|story)"  # Substack's, over its comments
    r"|(?:show|view|load|read|see|hide) (?:all |more )?(?:\d{1,6} )?(?:more )?(?:comments|replies)"
    r"|comments are closed\.?",
    re.IGNORECASE,
)
# What closes one comment ("Reply") and the furniture around it (counts, times, form labels).
_COMMENT_CLOSER_RE = re.compile(
    r"reply|reply to this comment|log ?in to reply|report|report comment|flag|like|share"
    r"|upvote|downvote|↳ reply|reply ↓",
    re.IGNORECASE,
)
_COMMENT_FURNITURE_RE = re.compile(
    r"\d{1,6} (?:likes?|repl(?:y|ies)|votes?|points?)(?: by .{1,80})?|name|email|website"
    r"|comments?|\d{1,3} (?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?) ago"
    # Substack's thread: "Restacks", "Liked by Maya Okafor", its sort tabs "Top", "Latest"
    r"|restacks?|liked by [^.!?]{1,60}|top|latest|newest|oldest",
    re.IGNORECASE,
)
_INITIAL_END_RE = re.compile(r"\s[A-Z]\.$")  # a name with its surname's initial: "Daniel R."
_NAME_LIKE_RE = re.compile(
    r"(?:\d{1,3}[.)]\s+)?@?[^\W\d_][\w'’.@-]*(?:\s+[\w'’.-]+){0,3}(?:\s+says:?)?"
    r"|@?[^\W_][\w'’.@-]*(?:\s+[\w'’.-]+){0,3}\s+says:?"  # "4hourelection says:"
)
_MAX_COMMENT_BODY = 6  # lines between a commenter's name and the "Reply" that closes it


def is_comment_heading(line: LineView) -> bool:
    """A comment-section heading: "1 Comment", "Comments (12)", "Leave a Reply"."""
    return line.n_words <= COMMENT_HEADING_WORDS and bool(_COMMENT_HEADING_RE.fullmatch(line.bare))


def is_comment_closer(line: LineView) -> bool:
    """The line that closes one comment: "Reply", "Report", "Like", or its time and buttons
    on one line, "14 Jul 2025 07:10 · Reply · Report" (a tester's pasted comment thread kept
    every comment: no line was "Reply" alone)."""
    if line.n_words <= 4 and _COMMENT_CLOSER_RE.fullmatch(line.bare):
        return True
    return line.n_words <= 12 and _is_closer_row(line.bare)


def _is_closer_row(text: str) -> bool:
    """Whether ``text`` is a comment's buttons and time in a row, with "·", "|" or "•"
    between: at least one button ("Reply"), the rest buttons, counts or times."""
    parts = [part for part in _ROW_SEPARATOR_RE.split(text) if part]
    if len(parts) < 2 or not any(_COMMENT_CLOSER_RE.fullmatch(part) for part in parts):
        return False
    return all(
        _COMMENT_CLOSER_RE.fullmatch(part)
        or _COMMENT_FURNITURE_RE.fullmatch(part)
        or _CLOCK_RE.fullmatch(part)
        or is_date_line(part)
        for part in parts
    )


_ROW_SEPARATOR_RE = re.compile(r"\s*[·|•]\s*")
_CLOCK_RE = re.compile(r"\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?", re.IGNORECASE)


def is_comment_thread_line(line: LineView) -> bool:
    """Thread furniture, removed only inside a comment block: "Reply", "3 hours ago", a date."""
    return is_comment_closer(line) or (
        line.n_words <= 8
        and (bool(_COMMENT_FURNITURE_RE.fullmatch(line.bare)) or is_date_line(line.bare))
    )


def is_commenter_name(line: LineView) -> bool:
    """A short name-like line that may open a comment ("1. Jane Roe", "jdoe says:")."""
    return (
        line.n_words <= 6
        and not line.is_bullet
        and len(line.bare) <= 50
        and (not line.bare.endswith((".", "?", "!")) or bool(_INITIAL_END_RE.search(line.bare)))
        and bool(_NAME_LIKE_RE.fullmatch(line.bare))
    )


def comment_block_end(lines: list[LineView], start: int) -> int:
    """End (exclusive) of the comment block whose heading is ``lines[start]``.

    The block holds the form lines, thread furniture, and whole comments: a commenter's name,
    the comment, and the "Reply" (or "Report"/"Like") line that closes it. It stops at the first
    line that fits none of these, so article text after a mid-page comment widget survives.
    """
    j, n = start + 1, len(lines)
    while j < n:
        line = lines[j]
        if is_comment_form(line) or is_comment_thread_line(line):
            j += 1
            continue
        if is_commenter_name(line):
            close = _comment_close(lines, j)
            if close is None:
                close = _comment_without_closer(lines, j)
            if close is not None:
                j = close + 1
                continue
        break
    return j


def _comment_without_closer(lines: list[LineView], name_at: int) -> int | None:
    """Index of the comment under the name at ``name_at`` in a thread that has no "Reply"
    lines (a tester's paste: "geordie_gran" / "My flat was 31C at midnight. ..."), or None:
    one line that is not a heading, a bullet or boilerplate, followed by the next commenter's
    name over a comment, by the end of the text, or by boilerplate (the site's footer). A time
    stamp under a name ("jdoe says:" / "November 19, 2019 at 6:34 am" / the comment, as
    WordPress threads paste) is thread furniture between the name and its comment: a tester's
    34 comments under "34 responses to ..." had all stayed as the article's text."""
    body = _after_stamps(lines, name_at + 1)
    if body >= len(lines):
        return None
    if _ends_comment(lines[body]):
        return None
    if body > name_at + 1:  # stamped: the comment may run to the next stamped name
        return _stamped_comment_end(lines, body)
    after = body + 1
    if after >= len(lines) or match_line_rule(lines[after]):
        return body
    nxt = lines[after]
    following_at = _after_stamps(lines, after + 1)
    if is_commenter_name(nxt) and following_at < len(lines):
        following = lines[following_at]
        if not (following.is_bullet or _is_heading_like(following) or match_line_rule(following)):
            return body
    return None


def _stamped_comment_end(lines: list[LineView], body: int) -> int | None:
    """Last index of a comment whose name had a time stamp under it: up to
    :data:`_MAX_COMMENT_BODY` lines of text, ended by the next name with a stamp under it, by
    the end of the text or by boilerplate; None when article-like structure comes first."""
    for k in range(body, min(len(lines), body + _MAX_COMMENT_BODY)):
        if k > body and _ends_comment(lines[k]):
            return None
        after = k + 1
        if after >= len(lines) or match_line_rule(lines[after]):
            return k
        if is_commenter_name(lines[after]) and _after_stamps(lines, after + 1) > after + 1:
            return k
    return None


_MAX_STAMP_LINES = 2  # time stamps ("November 19, 2019 at 6:34 am", "3 hours ago") under a name


def _after_stamps(lines: list[LineView], k: int) -> int:
    """``k`` moved past up to :data:`_MAX_STAMP_LINES` thread lines that are not a closer."""
    stop = min(len(lines), k + _MAX_STAMP_LINES)
    while k < stop and is_comment_thread_line(lines[k]) and not is_comment_closer(lines[k]):
        k += 1
    return k


def _comment_close(lines: list[LineView], name_at: int) -> int | None:
    """Index of the "Reply" closing the comment opened at ``name_at``; None when article-like
    structure (a bullet, a heading, other boilerplate) comes first."""
    for k in range(name_at + 1, min(len(lines), name_at + 2 + _MAX_COMMENT_BODY)):
        line = lines[k]
        if is_comment_closer(line):
            return k
        if is_comment_thread_line(line):
            continue
        if _ends_comment(line):
            return None
    return None


def _ends_comment(line: LineView) -> bool:
    """Article-like structure (a bullet, a heading) or other boilerplate: not a comment's text."""
    return (
        line.is_bullet
        or _is_heading_like(line)
        or is_comment_heading(line)
        or is_related_heading(line)
        or bool(match_line_rule(line))
    )


def _is_heading_like(line: LineView) -> bool:
    """A Title Case line without final punctuation: an article's section heading."""
    return (
        line.n_words >= 3
        and not line.bare.endswith((".", "?", "!", "”", '"'))
        and line.title_case_share >= 0.6
    )


# --------------------------------------------------------------------------------------------
# Related / recent / most-read lists.
# --------------------------------------------------------------------------------------------

_RELATED_HEADING_RE = re.compile(
    r"(?:recent|latest|more|related|similar|recommended|popular|trending|top|further|other"
    r"|suggested)"
    r"(?: [\w'’&.-]+){0,2} (?:news|posts|stories|articles|reads?|reading|coverage|links|topics"
    r"|headlines|videos|content|analysis|from us|on this topic)"
    r"|related|related content|related (?:article|story|video|link)|read next|read also"
    r"|read more"
    r"|also read|see also|up next"
    r"|more from [\w'’&. -]{1,40}|more on (?:this|the) (?:story|topic)"
    r"|you (?:may|might) (?:also )?(?:like|be interested in|have missed)"
    r"|recommended(?: for you)?|we recommend"
    r"|most (?:popular|read|viewed|shared|watched|emailed|commented)(?: (?:stories|articles|news))?"
    r"(?: (?:in|on|from) [\w'’&. -]{1,30})?"
    r"|(?:top|latest|more) (?:stories|news|headlines) (?:in|on|from) [\w'’&. -]{1,30}"
    r"|trending(?: now| today)?|editor'?s picks|popular (?:now|today)|don'?t miss"
    r"|in other news|what to read next|further reading|top picks|also on [\w'’&. -]{1,30}",
    re.IGNORECASE,
)
_SENTENCE_END_RE = re.compile(r"[.;,:]$")


# a heading over the page's tags: "Topics", "Tags", "Filed under", "Related topics"
_TAG_HEADING_RE = re.compile(
    r"(?:related |more |popular |article |story )?(?:topics|tags|categories)|filed under"
    r"|tagged(?: with)?|(?:explore )?more on these topics",
    re.IGNORECASE,
)
_TAG_WORDS = 4  # a tag under such a heading: "Health", "Inner Mongolia", "Public health"


def _is_tag_heading(line: LineView) -> bool:
    """A heading over the page's tags ("Topics", "Tags"): its items are one to four words."""
    return line.n_words <= RELATED_HEADING_WORDS and bool(_TAG_HEADING_RE.fullmatch(line.bare))


# "More Washington Examiner", "More Smithsonian": "More" and a name in capitals, over a site's
# cards of its other stories (a tester's paste kept 34 sentences of them as the article's)
_MORE_NAME_RE = re.compile(r"More(?: [A-Z][\w'’&.-]*){1,4}")


def is_related_heading(line: LineView) -> bool:
    """A heading over a list of other articles: "Related Articles", "Most Read", "Recent X News",
    "More Washington Examiner"; or over the page's tags ("Topics", then "Health", "China")."""
    if line.n_words > RELATED_HEADING_WORDS:
        return False
    return (
        bool(_RELATED_HEADING_RE.fullmatch(line.bare))
        or bool(_MORE_NAME_RE.fullmatch(line.bare))
        or _is_tag_heading(line)
    )


def is_headline_like(line: LineView, min_words: int = 2) -> bool:
    """Shaped like a linked headline: ``min_words``-30 words, no final full stop or comma, and
    short or mostly Title Case."""
    if not min_words <= line.n_words <= 30 or _SENTENCE_END_RE.search(line.text):
        return False
    return line.title_case_share >= 0.5 or (line.n_words <= 12 and not line.is_bullet)


def related_block_end(lines: list[LineView], start: int) -> int:
    """End (exclusive) of the list under the related-articles heading ``lines[start]``:
    the headline-like lines (and their dates) that follow it; under a heading of topics
    ("Related topics", "Suggested Topics") a one-word tag too ("Tariffs"); under a heading of
    tags alone ("Topics", "Tags") only tags of up to :data:`_TAG_WORDS` words, so a headline
    under tags at the top stays (a pasted page's "Topics / Health / China" was kept)."""
    if _is_tag_heading(lines[start]):
        j = start + 1
        while j < len(lines) and _is_tag(lines[j]):
            j += 1
        return j
    min_words = 1 if "topic" in lines[start].bare.casefold() else 2
    j, rank = start + 1, 1
    while j < len(lines):
        line = lines[j]
        # a one-word label between two items of a tabloid's list ("Warning", "Comment" over a
        # kicker); a kicker over its item's headline ("SCORCHER" over "Dec takes baby Isla …");
        # a headline cut short ("…") over another item
        nxt = lines[j + 1] if j + 1 < len(lines) else None
        label = nxt is not None and (
            (line.n_words == 1 and _is_kicker(nxt))
            or (
                (_is_kicker(line) or _is_cut_headline(line, min_words))
                and _listed(nxt, min_words, line)
            )
        )
        if label:
            j += 1
            continue
        if match_line_rule(line) or is_comment_heading(line) or parse_byline(line) is not None:
            break
        # a "Most read" list's items open with their rank ("1 Hosepipe ban for two million homes
        # from Friday as reservoirs hit record low", "4 Could a new reservoir ... cycle?"): a
        # long headline, or one asking a question, is an item there too
        if _is_ranked_item(line, rank):
            j, rank = j + 1, rank + 1
            continue
        if not (
            _listed(line, min_words, lines[j - 1])
            or is_date_line(line.text)
            or _card_lead(lines, j, min_words)
            or _card_headline(lines, j)
        ):
            break
        j += 1
    return j


def _card_lead(lines: list[LineView], j: int, min_words: int) -> bool:
    """Whether ``lines[j]``, in a related list, is a teaser card's lead: the paragraph under the
    card's date line ("What made Joker so popular?" / "Madeline Fry" / "Wednesday November 20,
    2019" / "Joker killed at the box office.") with another card's headline, a line a rule
    removes, or the end of the text after it. A paragraph of the article's own after a list
    is followed by more prose, and ends the list."""
    if j < 2 or not is_date_line(lines[j - 1].text):
        return False
    nxt = lines[j + 1] if j + 1 < len(lines) else None
    return (
        nxt is None
        or is_headline_like(nxt, min_words)
        or _card_headline(lines, j + 1)
        or bool(match_line_rule(nxt))
        or is_related_heading(nxt)
    )


def _card_headline(lines: list[LineView], j: int) -> bool:
    """Whether ``lines[j]`` opens a teaser card: up to 30 words without a final full stop, with
    a date line right under it or under its author's line ("Surprise! Report claiming US has
    the ‘world's highest rate of children in detention’ is bogus" / "Becket Adams" / "Tuesday
    November 19, 2019"), however it is cased."""
    line = lines[j]
    if not 2 <= line.n_words <= 30 or _SENTENCE_END_RE.search(line.text) or line.text.endswith("."):
        return False
    below = lines[j + 1 : j + 3]
    if below and is_date_line(below[0].text):
        return True
    # an author's line between: a name, short
    return len(below) == 2 and below[0].n_words <= 8 and is_date_line(below[1].text)


_RANK_RE = re.compile(r"(\d{1,2})[.)]?\s+\S")


def _is_ranked_item(line: LineView, rank: int) -> bool:
    """Whether ``line`` is item ``rank`` of a ranked list of headlines: it opens with that
    number, holds at most :data:`_LISTED_MAX_WORDS` words and does not end with a full stop."""
    match = _RANK_RE.match(line.text)
    return (
        match is not None
        and int(match.group(1)) == rank
        and line.n_words <= _LISTED_MAX_WORDS + 1
        and not line.text.rstrip().endswith((".", ","))
    )


def _is_cut_headline(line: LineView, min_words: int) -> bool:
    """A headline the list cut short: "Major health warning issued after DEADLY PLAGUE
    confirmed in wild a..." (the Express), whose "..." reads as a full stop. Only with a listed
    line after it, so the article's own sentence that trails off after such a heading stays."""
    return line.text.endswith(("...", "…")) and is_headline_like(
        LineView.of(line.text.rstrip(".… ")), min_words
    )


def _is_tag(line: LineView) -> bool:
    """A tag under a heading of tags: one to :data:`_TAG_WORDS` words, no final punctuation,
    not a line another rule knows (a heading of its own list, a byline): the BBC's "Related
    topics / Shipping / Ports" runs on into "More on this story" and its list."""
    return (
        1 <= line.n_words <= _TAG_WORDS
        and not _SENTENCE_END_RE.search(line.text)
        and not line.bare.endswith(("!", "?"))
        and not is_comment_heading(line)
        and not is_related_heading(line)
        and parse_byline(line) is None
    )


def _listed(line: LineView, min_words: int, after: LineView | None = None) -> bool:
    """A line of a related list: headline-like, or, under a tabloid's capitalised kicker
    (``after``: "DRIVEN TO DESPAIR"), a long headline of up to :data:`_LISTED_MAX_WORDS` words
    without a final full stop: a tester's "Most read in world news" list kept "Pregnant girl,
    13, 'jumps to her death …'" in a plague story's tone. (Any long line without a full stop
    lost 1.5% of the extraction benchmark's body lines, held out: so only under a kicker.)"""
    if is_headline_like(line, min_words):
        return True
    return (
        after is not None
        and _is_kicker(after)
        and min_words <= line.n_words <= _LISTED_MAX_WORDS
        and not line.is_bullet
        and not _SENTENCE_END_RE.search(line.text)
    )


def _is_kicker(line: LineView) -> bool:
    """A tabloid's kicker over a headline: one to four words in capitals ("RANDY ANDY")."""
    text = line.text.strip()
    return 1 <= line.n_words <= 4 and text.isupper()


_LISTED_MAX_WORDS = 30


# --------------------------------------------------------------------------------------------
# Author bios.
# --------------------------------------------------------------------------------------------

_ABOUT_AUTHOR_RE = re.compile(
    r"about (?:the )?(?:author|authors|writer|contributor|columnist)s?|author bio(?:graphy)?"
    r"|about me|meet the author",
    re.IGNORECASE,
)
_BIO_CUE_RE = re.compile(
    r"^(?:inspired|a former|an? (?:award-winning|veteran|seasoned|independent|freelance|senior))\b"
    r"|^(?:he|she|they)\s+(?:is|was|has|covers|writes|reports|joined|serves|leads|founded)\b"
    r"|\b(?:his|her|their) (?:lifelong|career|passion|work|reporting|writing|background|experience"
    r"|research|book|books)\b"
    r"|\b(?:is|was) (?:a|an|the) (?:\w+ ){0,3}(?:founder|co-founder|editor|journalist|reporter"
    r"|correspondent|columnist|contributor|analyst|writer|author|fellow|professor|economist)\b",
    re.IGNORECASE,
)
_MAX_BIO_WORDS = 120


def is_about_author_heading(line: LineView) -> bool:
    """An "About the author" heading: the next paragraph is a bio."""
    return line.n_words <= ABOUT_AUTHOR_WORDS and bool(_ABOUT_AUTHOR_RE.fullmatch(line.bare))


def is_bio(line: LineView, author: str | None = None) -> bool:
    """A short paragraph describing the author (cue phrases, or it opens with the author's name)."""
    if line.n_words > _MAX_BIO_WORDS or line.is_bullet or line.reports_speech:
        return False
    if _BIO_CUE_RE.search(line.bare):
        return True
    if author:
        first = author.split()[0]
        return bool(
            re.match(rf"{re.escape(first)}\b.{{0,60}}\b(?:is|was|has|covers|writes)\b", line.bare)
        )
    return False


# what a journalist's bio says of the job, beyond _BIO_CUE_RE ("joined the Post in 2016. She
# covers the Hong Kong economy")
_JOB_CUE_RE = re.compile(
    r"\b(?:joined|joins)\s+(?:the|our)\b|\b(?:covers|writes about|reports on)\b"
    r"|\bis an? former\b|\breach (?:him|her|them) at\b",
    re.IGNORECASE,
)


def is_bio_of(line: LineView, name: str) -> bool:
    """Whether ``line`` is the bio of the person named ``name`` alone on the line above it, as
    the South China Morning Post and others close an article ("Lilian Zhang" / "Lilian Zhang
    joined the Post in 2016. She covers ..."; AP: "JOHN HANNA" / "Hanna covers politics ..."):
    it opens with the whole name or the surname and says what the
    person's job is (:data:`_BIO_CUE_RE` or :data:`_JOB_CUE_RE`). A profile's paragraph under a
    name ("Maria Lopez" / "Maria Lopez, 54, has lived in the town ...") names no job, so stays."""
    bare = line.bare
    surname = name.split()[-1]  # AP: "JOHN HANNA" / "Hanna covers politics and water ..."
    # the cheap test first: the caller asks this of every line under the top
    if not (bare.startswith(name) or bare[: len(surname)].casefold() == surname.casefold()):
        return False
    if not re.match(rf"(?:{re.escape(name)}|(?i:{re.escape(surname)}))\b", bare):
        return False
    if line.n_words > _MAX_BIO_WORDS or line.is_bullet or line.reports_speech:
        return False
    return bool(_BIO_CUE_RE.search(bare) or _JOB_CUE_RE.search(bare))


# --------------------------------------------------------------------------------------------
# Hard-wrapped paragraphs.
# --------------------------------------------------------------------------------------------

# a lower-case word opening a line, followed by a space, punctuation, a closing quote ('straw"'
# of "the last" / 'straw" after ...') or a hyphen ("semi-Solomonic"), not "iPhone"
_LOWER_START_RE = re.compile(r"[a-z][a-z'’-]*(?=[\s,;:.!?)\"”’-]|$)")
# a capitalised word opening a line: "Johnson", "Washington", "U.S."
_UPPER_START_RE = re.compile(r"[A-Z][\w'’.-]*(?=[\s,;:.!?)]|$)")
_TERMINAL = ".!?:;…"
_CLOSERS = "”’\"')]}»"
_OPENERS = "“‘\"'([{«"
MIN_WRAPPED_LEN = 40
"""The shortest previous line (or paragraph) a line joins as its hard-wrapped continuation,
unless the text's own wrap width says otherwise
(:func:`analysis.corpus.hard_wraps.wrap_minimum`)."""
# Words a clause cannot end on: a line ending on one goes on, even when the next line opens with
# a capital ("... a blow to" / "Johnson and his supporters ...": a name, a place). These end no
# headline either ...
FUNCTION_WORDS = frozenset(
    {"a", "an", "the", "to", "of", "and", "or", "nor", "but", "than", "into", "onto", "via"}
    | {"per", "his", "their", "its", "our", "your", "my", "whose"}
)  # fmt: skip
# ... where these may ("What he wishes for", "Log in"): a line ending on one goes on over a
# capital only inside a text known to be hard-wrapped, or a paragraph already joined over lines
# ("... who had campaigned for months for" / "Washington to intervene ..."); a web page's list of
# headlines ran one into the next
WEAK_FUNCTION_WORDS = frozenset(
    {"for", "in", "on", "at", "with", "from", "by", "about", "over", "under", "after", "before"}
    | {"that", "this", "these", "those", "her", "is", "are", "was", "were", "be", "been", "as"}
    | {"has", "have", "had", "will", "would", "between", "among", "against", "during", "which"}
)  # fmt: skip
# a word hyphenated at the end of the line: a letter or digit, then the hyphen ("gov-", "1.36-")
_HYPHEN_END_RE = re.compile(r"[^\W_]-$")


def starts_in_lower_case(text: str) -> bool:
    """Whether ``text`` opens with a lower-case word, as the rest of a wrapped sentence does
    (:data:`_LOWER_START_RE`); not a letter alone other than "a" ("o Traffic": inscriptis's
    mark of a sub-menu's items)."""
    return bool(_LOWER_START_RE.match(text)) and not _LONE_LETTER_RE.match(text)


_LONE_LETTER_RE = re.compile(r"[b-z](?:\s|$)")


def may_be_continued(previous: str, min_length: int = MIN_WRAPPED_LEN) -> bool:
    """Whether some line may continue ``previous`` (:func:`continues_previous`'s tests of the
    previous line alone, ``length`` not given): it is ``min_length`` characters or more and
    does not end a sentence. A caller asks it first to skip making the next line's view."""
    if len(previous) < min_length:
        return False
    core = previous.rstrip(_CLOSERS)
    return bool(core) and core[-1] not in _TERMINAL


def continues_previous(
    previous: str,
    line: LineView,
    length: int | None = None,
    min_length: int = MIN_WRAPPED_LEN,
    wrapped: bool = False,
) -> bool:
    """``line`` continues a hard-wrapped paragraph: the previous line is long (``min_length``
    characters or more) and stops mid-sentence, and this one opens with a lower-case word (not a
    bullet); or it opens with a capitalised word and the previous line ends on a comma or a word
    a clause cannot end on (:data:`FUNCTION_WORDS`: "... a blow to" / "Johnson and his
    supporters ...", a tester's e-paper paste; :data:`WEAK_FUNCTION_WORDS` too in a text known
    to be ``wrapped`` or a paragraph already joined), or on a hyphen after a letter ("Franco-" /
    "German").

    ``length`` is the length of the whole previous paragraph when ``previous`` is only its last
    joined part (the caller keeps the parts apart so that joining stays linear).
    """
    size = len(previous) if length is None else length
    if line.is_bullet or size < min_length:
        return False
    core = previous.rstrip(_CLOSERS)
    if not core or core[-1] in _TERMINAL:
        return False
    if starts_in_lower_case(line.text):
        return True
    weak = wrapped or length is not None
    return bool(_UPPER_START_RE.match(line.text)) and _open_ended(core, line.text, weak)


def _open_ended(core: str, line: str, weak: bool = False) -> bool:
    """Whether a line (without closing quotes) ends where its clause cannot, before ``line``,
    which opens with a capitalised word: on a comma, on a word of :data:`FUNCTION_WORDS` (or of
    :data:`WEAK_FUNCTION_WORDS` when ``weak``), or on
    a hyphen after a letter or digit when ``line``'s first word is not in capitals ("Franco-" /
    "German", not "photo-" / "THE DAILY STAR", a page's header that no rule took)."""
    if core[-1] == ",":
        return True
    if _HYPHEN_END_RE.search(core):
        first = line.split(" ", 1)[0]
        return not (first.isupper() and len(first) > 1)
    last = core.rsplit(" ", 1)[-1].lstrip(_OPENERS)  # '"The' of 'to watch "The' / 'Tonight ...'
    if not last.isalpha():
        return False
    word = last.casefold()
    return word in FUNCTION_WORDS or (weak and word in WEAK_FUNCTION_WORDS)
