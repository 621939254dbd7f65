"""Live blogs pasted as text: entry times, the "Key events" summary and entries' sign-offs.

A live blog, copied from a browser, is a run of entries, each under the time it was posted
("12:55 GMT"), often signed off with its writer's name alone on a line ("Aisha Rahman"), and
opened by a "Key events" list that repeats the headings of the main entries with their times
("12:55 GMT — Kebede: 'We will not be bullied'"). A tester's pasted live blogs kept the list, so
every key event counted two or three times as sentences, and kept the writers' names as
one-sentence paragraphs.

:mod:`analysis.corpus.cleaning` recognises a live blog by its entry times
(:data:`LIVE_BLOG_TIMES` lines holding only a time of day or more, in one order:
:func:`is_live_blog`, read once per text), removes those lines (rule ``live_entry_time``; in
another text, a time alone goes as ``site_chrome``) and a name alone closing an entry
(``live_signoff``), and in any text removes a "Key events" heading with the time-stamped items
under it (``key_events``). A document in which any of them fired is flagged ``live_blog``
(:data:`LIVE_BLOG_RULES`, :mod:`analysis.corpus.quality`): its entries are many short reports
of one day, written as the news came.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from itertools import pairwise

__all__ = [
    "LIVE_BLOG_RULES",
    "LIVE_BLOG_TIMES",
    "is_entry_time",
    "is_key_event_item",
    "is_key_events_heading",
    "is_live_blog",
    "key_events_end",
]

LIVE_BLOG_RULES: dict[str, str] = {
    "live_entry_time": "In a text recognised as a live blog (3 lines or more holding only a "
    "time of day, '13:20 GMT', '9:41 am', '16.05 BST', latest first or earliest first; a video "
    "playlist's durations are in no order), each of those lines, the time an entry "
    "was posted, goes (in another text, a time alone goes as site_chrome).",
    "key_events": "A live blog's summary list: a 'Key events' (or 'Key updates', 'Key "
    "moments') heading with the time-stamped one-line items under it ('12:55 GMT — Kebede: "
    "'We will not be bullied''), which repeat the entries' own headings; a widget's line between "
    "them ('Show key events only') goes with them. The heading with no such item under it "
    "stays.",
    "live_signoff": "In a text recognised as a live blog, a name alone on its line (2-4 "
    "capitalised words) closing an entry, under a line of its text ending like a sentence and "
    "over the next entry's time or ending the text ('Aisha Rahman'), is its writer's sign-off: "
    "it goes (the blog's authors are in its byline).",
}

LIVE_BLOG_TIMES = 3  # the fewest lines of a time alone that make a text a live blog

# a time of day, as a live blog stamps its entries: "13:20", "13:20 GMT", "9:41 am ET",
# "16.05 BST", "1.20pm" (hours and minutes only: a transcript's "[18:12:40]" has seconds)
_TIME = (
    r"(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s*[ap]\.?m\.?)?"
    r"(?:\s+(?-i:[A-Z]{2,4}))?"
)
_ENTRY_TIME_RE = re.compile(_TIME, re.IGNORECASE)
# a key event's item: its time, a dash or colon, its heading ("12:55 GMT — Kebede: '...'")
# (its heading opens with no digit: "18:12:40" is a time with seconds)
_KEY_EVENT_ITEM_RE = re.compile(rf"{_TIME}\s*(?:[—–-]+|:)\s*[^\d\s].{{0,200}}", re.IGNORECASE)
_KEY_EVENTS_HEADING_RE = re.compile(r"key (?:events|updates|moments|points)", re.IGNORECASE)


def is_entry_time(text: str) -> bool:
    """Whether the (normalised) line holds only a time of day, as a live blog's entry opens."""
    return len(text) <= 20 and _ENTRY_TIME_RE.fullmatch(text.strip()) is not None


def is_live_blog(texts: Iterable[str]) -> bool:
    """Whether the (normalised) lines of a text are a live blog's: at least
    :data:`LIVE_BLOG_TIMES` of them hold only a time of day (:func:`is_entry_time`), in one
    order (latest first, or earliest first), as a blog's entries are. A video playlist's
    durations ("1:41", "18:08", "10:18", two of the extraction benchmark's pages) are in
    none, and their pages are no live blogs."""
    minutes = [_minute_of_day(text) for text in texts if is_entry_time(text)]
    if len(minutes) < LIVE_BLOG_TIMES:
        return False
    pairs = list(pairwise(minutes))
    return all(a >= b for a, b in pairs) or all(a <= b for a, b in pairs)


def _minute_of_day(text: str) -> int:
    """The minute of the day of an entry time ("1.20pm" is 800, "13:20 GMT" too)."""
    hours, minutes = (int(part) for part in re.findall(r"\d+", text)[:2])
    marker = re.search(r"([ap])\.?m\b", text, re.IGNORECASE)
    if marker:
        hours = hours % 12 + (12 if marker.group(1).lower() == "p" else 0)
    return hours * 60 + minutes


def is_key_events_heading(text: str) -> bool:
    """Whether the line is a live blog's "Key events" heading."""
    return len(text) <= 20 and _KEY_EVENTS_HEADING_RE.fullmatch(text.strip(" :")) is not None


def is_key_event_item(text: str) -> bool:
    """Whether the line is an item of a live blog's key events: its time, a dash, its heading."""
    return _KEY_EVENT_ITEM_RE.fullmatch(text.strip()) is not None


def key_events_end(
    texts: Sequence[str], i: int, removed_anyway: Callable[[int], bool]
) -> int | None:
    """End (exclusive) of the key events block whose heading is ``texts[i]``
    (:func:`is_key_events_heading`): the heading, then items (:func:`is_key_event_item`) and
    lines a rule removes anyway (``removed_anyway(k)``: "Show key events only"), up to the last
    item; None when no item follows."""
    if not is_key_events_heading(texts[i]):
        return None
    end = None
    k = i + 1
    while k < len(texts):
        if is_key_event_item(texts[k]):
            end = k + 1
        elif not removed_anyway(k):
            break
        k += 1
    return end
