"""The paragraphs of a saved page that the extraction of its article did not keep.

trafilatura keeps the article and drops the page's furniture; now and then it drops part of the
article too. A tester's saved Wired page kept 619 of its 1,378 body words, with no flag and an
audit row saying only how many characters of HTML went in and came out. The page's own long
paragraphs (``<p>`` of :data:`LONG_PARAGRAPH_WORDS` words or more, outside comment sections,
sidebars, related lists, cookie notices, links and the page's header and footer) are where an
article's text sits, so those missing from the text are counted (:func:`unkept_paragraphs`), and
a page that lost at least :data:`MIN_PARAGRAPHS` of them holding at least :data:`PARTIAL_SHARE`
of the words kept is said to be perhaps partly read (:func:`partly_read`).

Chosen on the 120 pages of the article-extraction benchmark (so in-sample): counting every long
paragraph flagged nine pages, five of them whole (the missing paragraphs were comments, a
sidebar's teasers and a cookie notice); leaving out those inside such containers (their tag, or
a class or id naming them, within five levels) flagged one page, the Wired page, and none of the
pages extracted whole. It misses pages whose lost text is not in ``<p>`` paragraphs (one page
of the benchmark, recall 0.20), and a real article's long paragraphs set in a container with
such a name would be left out of the count.
"""

from __future__ import annotations

import re

LONG_PARAGRAPH_WORDS = 25
MIN_PARAGRAPHS = 2
PARTIAL_SHARE = 0.5
PROBE_WORDS = 12  # a paragraph is kept when its first words are in the text, in order
ANCESTOR_LEVELS = 5
_WORD_RE = re.compile(r"\w+")
_OUTSIDE_RE = re.compile(
    r"comment|sidebar|widget|related|cookie|consent|gdpr|promo|recommend|newsletter|footer"
    r"|teaser|popular|trending|outbrain|taboola|\bnav|menu|share|subscribe|modal|\bcli-|disqus"
    r"|reply|signup|advert|sponsor",
    re.IGNORECASE,
)
_OUTSIDE_TAGS = frozenset(
    {"aside", "nav", "footer", "a", "form", "header", "figure", "figcaption", "button", "label"}
)


def _words(text: str) -> list[str]:
    return _WORD_RE.findall(text.casefold())


def _outside_article(element: object) -> bool:
    """Whether a paragraph sits in a page's furniture: one of its nearest ancestors is such a
    tag, or names one in its class or id."""
    for level, parent in enumerate(element.iterancestors()):  # type: ignore[attr-defined]
        if level >= ANCESTOR_LEVELS:
            return False
        if parent.tag in _OUTSIDE_TAGS:
            return True
        named = f"{parent.get('class') or ''} {parent.get('id') or ''}"
        if _OUTSIDE_RE.search(named):
            return True
    return False


def unkept_paragraphs(html: str, text: str, page: object | None = None) -> tuple[int, int]:
    """How many of the page's long paragraphs (outside its furniture) are not in ``text`` (the
    extracted article), and their words; (0, 0) for markup lxml cannot read. ``page``, when
    given, is ``html`` already parsed (:func:`~analysis.corpus.page_blocks.page_tree`), so that
    a page is parsed once."""
    from analysis.corpus.page_blocks import page_tree

    page = page_tree(html) if page is None else page
    if page is None:
        return 0, 0
    kept = " ".join(_words(text))
    count = words = 0
    for paragraph in page.xpath("//p"):  # type: ignore[attr-defined]
        found = _words(paragraph.text_content())
        if len(found) < LONG_PARAGRAPH_WORDS or _outside_article(paragraph):
            continue
        if " ".join(found[:PROBE_WORDS]) not in kept:
            count, words = count + 1, words + len(found)
    return count, words


def partly_read(unkept: tuple[int, int], text: str) -> bool:
    """Whether a page whose :func:`unkept_paragraphs` are ``unkept`` was perhaps read only in
    part: at least :data:`MIN_PARAGRAPHS` of them, holding at least :data:`PARTIAL_SHARE` of
    the words of the extracted ``text``."""
    count, words = unkept
    return count >= MIN_PARAGRAPHS and words >= PARTIAL_SHARE * max(1, len(_words(text)))
