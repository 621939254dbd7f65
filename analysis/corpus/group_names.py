"""Group names that differ only in letter case, spacing, invisible or look-alike characters, a
leading "The" or a web address's form: likely one outlet spelled two ways.

Exports gathered from several sources spell the same outlet differently ("Reuters", "reuters",
"Al  Jazeera", "AlJazeera"). Every comparison treats each spelling as its own outlet, which
splits one outlet's articles and compares it with itself. Merging them silently would be worse (two
outlets may really differ only in case), so :func:`similar_names` finds them and
:func:`similar_names_warning` says so, with the articles under each spelling, for the user to
decide; nothing is changed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

MAX_LISTED = 5  # sets of spellings named in one warning; the rest are counted


# A site's address written as a name: "theguardian.com", "www.scmp.com", "https://bbc.co.uk/"
_ADDRESS_RE = re.compile(
    r"^(?:https?://)?(?:www\.)?(?P<name>[^/\s]+?)\.(?:com|org|net|news|co\.uk|co|uk|info|us)"
    r"/?$"
)


# Greek and Cyrillic letters drawn like Latin ones ("Harbοur" with a Greek omicron): a name
# copied from a web page can carry one, and prints as the other spelling
_LOOK_ALIKES = str.maketrans(
    "οαικνρτυχΟΑΒΕΖΗΙΚΜΝΡΤΥΧаеорсухіјѕԁАВЕКМНОРСТХ",
    "oaikvptuxOABEZHIKMNPTYXaeopcyxijsdABEKMHOPCTX",
)


def _visible(name: str) -> str:
    """``name`` as a reader sees it: in NFKC, without invisible format characters (zero-width
    spaces and joiners, soft hyphens), look-alike Greek and Cyrillic letters as Latin ones."""
    text = unicodedata.normalize("NFKC", name)
    text = "".join(c for c in text if unicodedata.category(c) != "Cf" and c != "\u00ad")
    return text.translate(_LOOK_ALIKES)


def name_key(name: str) -> str:
    """``name`` in lower case (Unicode case folding) without its spaces, a leading "the" or the
    dressing of a web address: "Inexhibit magazine" and "Inexhibitmagazine", two pages of one
    site, are one name spelled two ways, and so are "The Guardian" and "Guardian", and
    "scmp.com" and "SCMP" (a tester's notes clipped from the web named sites by their address;
    :func:`similar_names` also joins "theguardian.com" to "Guardian")."""
    words = _visible(str(name)).split()
    if len(words) > 1 and words[0].casefold() == "the":
        words = words[1:]
    key = "".join(words).casefold()
    address = _ADDRESS_RE.match(key)
    return address.group("name") if address else key


def spacing_note(name: str) -> str:
    """What a reader cannot see of ``name``'s spacing once Markdown or HTML collapses it: " (with
    a double space)", " (with a leading space)", …, or "" for a name spaced plainly. A tester's
    summary listed 'Fox  News' as 'Fox News', twice, with two counts."""
    name = str(name)
    notes = []
    if name != name.lstrip():
        notes.append("a leading space")
    if name != name.rstrip():
        notes.append("a trailing space")
    if re.search(r"\S\s{2,}\S", name):
        notes.append("a double space")
    if re.search(r"[^\S ]", name.strip()):
        notes.append("a tab or other blank")
    invisible = [c for c in dict.fromkeys(name) if unicodedata.category(c) == "Cf" or c == "\u00ad"]
    if invisible:
        notes.append(f"an invisible character: {', '.join(map(_character, invisible))}")
    look_alikes = [c for c in dict.fromkeys(name) if c.translate(_LOOK_ALIKES) != c]
    if look_alikes:
        # which letter: a retester could not find the one that differed in a name that looked
        # the same as the other
        shown = ", ".join(f"{_character(c)} for {c.translate(_LOOK_ALIKES)!r}" for c in look_alikes)
        notes.append(f"a Greek or Cyrillic letter drawn like a Latin one: {shown}")
    return f" (with {' and '.join(notes)})" if notes else ""


def _character(c: str) -> str:
    """One character as a reader can find it: its Unicode code point and name."""
    return f"U+{ord(c):04X} {unicodedata.name(c, 'unnamed').lower()}"


def similar_names(counts: Mapping[str, int]) -> list[list[tuple[str, int]]]:
    """Each set of two or more names of ``counts`` (name → articles) with the same
    :func:`name_key`, most articles first (then by name), sets in the order of their first."""
    keys = {name: name_key(name) for name in counts}
    known = set(keys.values())
    for name, key in keys.items():
        # "theguardian.com" beside "Guardian": an address's "the" runs into the name, so it is
        # dropped only where that meets another name ("theatre.com" stays whole)
        written = "".join(str(name).split()).casefold()
        if _ADDRESS_RE.match(written) and key.startswith("the") and key[3:] in known:
            keys[name] = key[3:]
    by_key: dict[str, list[tuple[str, int]]] = {}
    for name, n in counts.items():
        by_key.setdefault(keys[name], []).append((str(name), int(n)))
    sets = [sorted(names, key=lambda nn: (-nn[1], nn[0])) for names in by_key.values()]
    return sorted((s for s in sets if len(s) > 1), key=lambda s: (-s[0][1], s[0][0]))


def similar_names_warning(counts: Mapping[str, int], column: str = "outlet") -> str | None:
    """The sentence a user is warned with when ``counts`` holds :func:`similar_names`, or
    None: "outlets that differ only in letter case, spacing, ... are compared as different
    outlets: 'Reuters' (18 articles) and 'reuters' (9); ..."."""
    sets = similar_names(counts)
    if not sets:
        return None
    described = [
        " and ".join(
            f"{name!r}{spacing_note(name)} ({n} article{'s' if n != 1 else ''})"
            if k == 0
            else f"{name!r}{spacing_note(name)} ({n})"
            for k, (name, n) in enumerate(names)
        )
        for names in sets[:MAX_LISTED]
    ]
    more = len(sets) - MAX_LISTED
    listed = "; ".join(described) + (f"; and {more} more such sets" if more > 0 else "")
    return (
        f"{column} values that differ only in letter case, spacing, invisible or look-alike "
        "characters, a leading 'The' or a web address's form are compared as different "
        f"{column}s: {listed}. If they are one {column}, give it one spelling in the corpus."
    )
