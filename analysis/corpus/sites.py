"""The site of a web address, named by its registrable domain (internal).

Exports from news databases often carry each article's address but no outlet name (a column
``url``, ``article_url``, ``SOURCEURL``...). Such a file is still a corpus that can be compared
by outlet: the outlet of an article is then the site its address belongs to. The site is the
*registrable* domain (``latimes.com`` for ``beta.latimes.com``, ``bbc.co.uk`` for
``www.bbc.co.uk``), found with the Public Suffix List that the ``tld`` package ships (a
dependency of trafilatura's URL library, courlan), so two sub-domains of one outlet are one
outlet and ``co.uk``-style suffixes are not mistaken for a site.

Limits: a site is not an outlet's name (``yahoo.com`` syndicates many outlets' stories; an
aggregator's link names the aggregator); an address without a host (``/news/a.html``) or with an
IP address names no site.
"""

from __future__ import annotations

import re

# A value that is a web address and nothing else ("https://...", "www.example.com/a")
_ADDRESS_RE = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$", re.IGNORECASE)


def is_address(value: str) -> bool:
    """Whether ``value`` is a web address alone (a scheme or ``www.`` first, no spaces inside):
    a scraper's ``source`` column, a note's ``source:`` field, as opposed to a site's name."""
    return bool(_ADDRESS_RE.match(value))


def outlet_from_address(row: dict[str, str]) -> bool:
    """Give a document ``row`` whose outlet is empty or ``"unknown"`` the site of its ``url``
    (:func:`site_of`), as for an export with addresses but no outlets; True when it did."""
    if str(row.get("outlet", "") or "") not in ("", "unknown"):
        return False
    site = site_of(str(row.get("url", "") or ""))
    if site:
        row["outlet"] = site
    return bool(site)


def site_of(url: str) -> str:
    """The registrable domain of ``url`` in lower case (``"latimes.com"``), or ``""`` when the
    address names no site (blank, no host, an IP address, an unknown suffix).

    An address written without its scheme (``www.nytimes.com/2020/x``) is read as ``http://``.
    """
    from tld import get_fld

    address = url.strip()
    if not address or any(c.isspace() for c in address):
        return ""
    if address.startswith("//"):
        address = "http:" + address
    site = get_fld(address, fix_protocol=True, fail_silently=True)
    return str(site).lower() if site else ""
