"""A saved page's title, author and site name as a reader would write them down.

trafilatura reads both from the page's markup (``<title>``, Open Graph and schema.org fields,
bylines), where sites keep their own name after the headline ("Best tech gadgets of 2019 |
ZDNet") and run roles, credentials and dates into the byline ("Phil Helsel is a reporter",
"Mike Wuerthele; Malcolm Owen Monday; November", "STEVE PEOPLES; AP National Political
Writer", "Ilana Muhlstein; MS; RDN"). :func:`tidy_title` and :func:`tidy_author` cut them,
and nothing else: a headline's own "Opinion |" stays, and so does a wire ("Associated Press")
or a desk ("Telegraph Sport") named as the author. On the extraction benchmark's 120 pages they
changed 19 titles and 11 author fields; read one by one, each change cut only what the
docstrings name. The site name, which becomes a page's outlet in every figure, comes from
``og:site_name``, a Twitter handle or the title; :func:`tidy_site_name` cuts a tagline after a
separator, a handle's underscores and a copyright notice (on the same 120 pages it changed the
names of 7 pages, 5 names: "LinkNaija | Nigeria's popular news platform", "Autoracing | F1 |
Indy | MotoGP | StockCar", "Remember 80/90 - Memorabilia anni 80/90", "Wday_" and "Copyright
2014", the last now the page's address's site).
"""

from __future__ import annotations

import re

from analysis.corpus.metadata_rules import BYLINE_GENRES, JOB_TITLES

# "Headline | ZDNet", "Headline - Digg", "Headline — Site": a separator and a name at the end
_TITLE_TAIL_RE = re.compile(r"\s+[|\-–—·:]\s+(?P<tail>[^|\-–—·:]{2,60}?)\s*$")
_NAME_KEY_RE = re.compile(r"[\W_]+")
_WEB_SUFFIX_RE = re.compile(r"\.(?:com|org|net|co\.uk|ca|in|ru|de|fr)$", re.IGNORECASE)
# the shortest site name matched by its start ("Inexhibit" for "Inexhibit magazine")
_PREFIX_CHARS = 5


def _name_key(name: str) -> str:
    """A site's name as compared: lower case, no ``.com``, letters and digits only."""
    return _NAME_KEY_RE.sub("", _WEB_SUFFIX_RE.sub("", name.strip())).lower()


def tidy_title(title: str, site: str) -> str:
    """``title`` without the ``site``'s name after it ("Best tech gadgets of 2019 | ZDNet" with
    site "ZDNet" → "Best tech gadgets of 2019"); the tail is the site's when the two read the
    same without case, spaces and punctuation, or the tail starts the site's name ("| Inexhibit"
    for "Inexhibit magazine"). Any other tail stays ("... | Editorial")."""
    match = _TITLE_TAIL_RE.search(title)
    if match is None or not site.strip():
        return title
    tail, name = _name_key(match["tail"]), _name_key(site)
    if not tail or not name:
        return title
    # a tail that only starts with the site's name is a headline's own ("Take C.A.R.E. -
    # comwrap auf der DMEXCO 2018" on comwrap's site)
    same = tail == name or (len(tail) >= _PREFIX_CHARS and name.startswith(tail))
    head = title[: match.start()].strip()
    return head if same and head else title


_DAY_OR_MONTH = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april"
    r"|may|june|july|august|september|october|november|december)"
)
# "Malcolm Owen Monday", "Carrie Arnold November": a date's word run on after the name; not
# May or March, which are surnames too ("Tiffany May")
_RUN_ON = _DAY_OR_MONTH.replace("|march", "").replace("|may", "")
_DATE_WORDS_RE = re.compile(rf"(?:\s+{_RUN_ON})+\s*$", re.IGNORECASE)
_ONLY_DATE_WORD_RE = re.compile(rf"{_DAY_OR_MONTH}", re.IGNORECASE)
# "Phil Helsel is a reporter for NBC News": the bio after the name
_BIO_RE = re.compile(r"\s+(?:is|was)\s+(?:a|an|the)\s.*$", re.IGNORECASE)
# "Analysis by Chris Cillizza", "By Jane Roe"
_BY_RE = re.compile(rf"^(?:(?:{BYLINE_GENRES}|story|words|text)\s+)?by\s+", re.IGNORECASE)
# "AP National Political Writer", "Staff writer", "CNN Editor-at-large": a role, not a name
_ROLE_RE = re.compile(rf"\b(?:{JOB_TITLES}|contributor)s?\b", re.IGNORECASE)
# "Jordan Fields, Staff Writer", "Jane Roe, AP National Political Writer": a role after a comma
_COMMA_ROLE_RE = re.compile(
    rf",\s*(?:[\w.&'-]+\s+){{0,4}}(?:{JOB_TITLES}|contributor)s?(?:-[a-z-]+)?\s*$",
    re.IGNORECASE,
)
# "MS", "RDN", "PhD": a credential after the name
_CREDENTIAL_RE = re.compile(r"(?:[A-Z]{2,4}|Ph\.?D\.?|M\.?D\.?|Jr\.?|Sr\.?)")


def tidy_author(author: str) -> str:
    """``author`` (trafilatura's, its names joined by "; ") without the parts that name no one:
    a bio after the name ("Phil Helsel is a reporter"), a genre or "By" before it ("Analysis by
    Chris Cillizza"), a day or month run on after it ("Malcolm Owen Monday") or standing alone
    ("November"), a role ("AP National Political Writer", "Staff writer") or a credential ("MS")
    beside a name or after its comma ("Jordan Fields, Staff Writer"). A part that is the only
    one stays whatever it is (a wire, "PTI", as author)."""
    parts = [p.strip() for p in author.split(";") if p.strip()]
    kept = []
    for part in parts:
        name = _DATE_WORDS_RE.sub("", _BIO_RE.sub("", _BY_RE.sub("", part))).strip()
        name = _COMMA_ROLE_RE.sub("", name).strip() or name
        if not name or _ONLY_DATE_WORD_RE.fullmatch(name):
            continue
        kept.append(name)
    if len(kept) > 1:
        named = [p for p in kept if not (_ROLE_RE.search(p) or _CREDENTIAL_RE.fullmatch(p))]
        kept = named or kept[:1]
    if len(kept) > 1:  # beside a person's name: the publisher, and the name again
        people = [p for p in kept if not _ORGANISATION_RE.search(p)]
        kept = _without_repeated_names(people or kept[:1])
    return "; ".join(kept) if kept else author.strip()


# what names a publisher, not a person, beside an author's name: "NJ Advance Media", "Cleveland
# com" (an address that lost its dot), "Gannett Co"; a news agency ("Associated Press") stays:
# it says the text is wire copy
_ORGANISATION_RE = re.compile(
    r"\b(?:Media|Newspapers?|Network|Group|Digital|Publishing|Communications|Inc|LLC|Ltd|Co)$"
    r"|^[\w-]+ (?:com|net|org|co uk|com au)$",
    re.IGNORECASE,
)


def _without_repeated_names(names: list[str]) -> list[str]:
    """``names`` without one that repeats an earlier one with a middle name or initial ("Troy
    Smith; Troy L Smith"): the same first and last word."""
    seen: set[tuple[str, str]] = set()
    out = []
    for name in names:
        words = name.casefold().split()
        key = (words[0], words[-1]) if len(words) >= 2 else (name.casefold(), "")
        if key not in seen:
            seen.add(key)
            out.append(name)
    return out


# "Name | tagline", "Name - tagline", "Name — tagline": a separator with spaces on both sides
_SITE_SEPARATOR_RE = re.compile(r"\s+(?:[|\-–—·•]|::)\s+")
# "Copyright 2014", "© 2019 Example Media", "(c) 2001-2019 X. All rights reserved."
_COPYRIGHT_RE = re.compile(
    r"^(?:copyright|©|\(c\))(?:\s*(?:©|\(c\)))?\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?[\s,.]*",
    re.IGNORECASE,
)
_RIGHTS_RE = re.compile(r"[\s,.]*all rights reserved\.?\s*$", re.IGNORECASE)
_SHORTEST_MATCH = 3  # a segment read as the address's site has at least this many characters


def _matches_site(segment: str, label: str) -> bool:
    """Whether a site name's ``segment`` names the address's ``label`` (its registrable domain
    without the suffix, letters and digits only): one holds the other ("LinkNaija" and
    "linknaija")."""
    key = _name_key(segment)
    if len(key) < _SHORTEST_MATCH or len(label) < _SHORTEST_MATCH:
        return False
    return key in label or label in key


def tidy_site_name(name: str, url: str = "") -> str:
    """A page's site ``name`` as an outlet is written, or ``""`` when it names no site.

    Cut: a copyright notice ("Copyright 2014", "© 2019 Example Media. All rights reserved."),
    leaving ``""`` when no letter is left, so that the outlet is the address's site instead
    (:func:`analysis.corpus.sites.outlet_from_address`); a Twitter handle's ``@`` and outer
    underscores ("Wday_"); and a tagline after a separator with spaces around it
    ("LinkNaija | Nigeria's popular news platform" → "LinkNaija"): of the parts, the one that
    names the page's address (``url``) is kept, else the first. A name without these is
    returned as it is; a hyphen inside a name ("Express-News") is no separator.
    """
    tidy = " ".join(name.split())
    tidy = _RIGHTS_RE.sub("", _COPYRIGHT_RE.sub("", tidy)).strip()
    if not any(ch.isalpha() for ch in tidy):
        return ""
    parts = [part.strip() for part in _SITE_SEPARATOR_RE.split(tidy) if part.strip()]
    if len(parts) > 1:
        from analysis.corpus.sites import site_of

        label = _name_key(site_of(url).split(".", 1)[0]) if url else ""
        named = [part for part in parts if label and _matches_site(part, label)]
        tidy = (named or parts)[0]
    return tidy.lstrip("@").strip("_ ") or tidy
