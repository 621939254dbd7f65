"""The visible text blocks of a saved page that the extraction of its article left out.

Every removal is in the cleaning audit, but for a saved page the audit had one row per page
("4942 characters of HTML in, 940 characters of text kept"): what trafilatura dropped was
nowhere, an op-ed's standfirst ("Parents who endured the pandemic…") with the menus and the
cookie notice. :func:`unextracted_blocks` lists those blocks, each once, in page order, for the
audit (rule :data:`RULE`, action :data:`~analysis.corpus.cleaning.NOT_EXTRACTED`), which
counts no line of the text as removed (the summary's and ``lines_removed``'s counts are of the
text's lines).

A page's blocks are its text cut where a browser starts a new block (:data:`BLOCK_TAGS`: a
paragraph, a heading, a list item, a cell, a ``<div>``, a ``<br>``...), outside ``<head>``,
scripts, styles, SVG and elements marked ``hidden`` or ``display:none``, with runs of
whitespace made one space. A block counts as extracted when its words (case-folded runs of
letters and digits, so punctuation and spacing do not matter) are those of a line of the text,
or, holding :data:`MIN_PART_WORDS` words or more, stand together within one line (a block cut
finer than the text's lines). A short block must match a whole line, so that a menu's "News"
is not taken for extracted because the word stands in a paragraph. The page is parsed once
(the parse :func:`~analysis.corpus.page_paragraphs.unkept_paragraphs` reads too) and walked
once; each block is looked up in the text's lines.
"""

from __future__ import annotations

import re
from typing import Any

RULE = "html_not_extracted"
MIN_PART_WORDS = 4
SHOWN_CHARS = 500  # a block's text in the audit, at most (longer ones are cut, with "…")
BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "br", "button", "caption", "dd", "details",
        "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1",
        "h2", "h3", "h4", "h5", "h6", "header", "hr", "label", "legend", "li", "main", "nav",
        "ol", "option", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
        "thead", "tr", "ul",
    }
)  # fmt: skip
# never shown: the head's title and metadata, and drawings (an SVG's <title>)
_SKIP_TAGS = frozenset({"head", "svg", "math", "title", "meta", "link"})
_DROPPED = "//script|//style|//noscript|//template"
_HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_WORD_RE = re.compile(r"\w+")


def page_tree(html: str) -> Any | None:
    """The page parsed by lxml, its scripts, styles, ``<noscript>`` and ``<template>`` dropped
    (their tails kept), or ``None`` for markup lxml cannot read. Parsed once per page, for
    :func:`unextracted_blocks` and :func:`~analysis.corpus.page_paragraphs.unkept_paragraphs`."""
    import lxml.html
    from lxml.etree import ParserError

    try:
        page = lxml.html.fromstring(html)
    except (ParserError, ValueError):
        return None
    for hidden in page.xpath(_DROPPED):
        hidden.drop_tree()
    return page


def _words(text: str) -> str:
    """The words of ``text``, case-folded, one space between them."""
    return " ".join(_WORD_RE.findall(text.casefold()))


def _unseen(element: Any) -> bool:
    """Whether a browser does not show ``element``'s text: a comment, a processing
    instruction, a tag of :data:`_SKIP_TAGS`, or one marked ``hidden``/``display:none``."""
    tag = element.tag
    if not isinstance(tag, str):
        return True
    if tag.lower() in _SKIP_TAGS or element.get("hidden") is not None:
        return True
    return bool(_HIDDEN_STYLE_RE.search(element.get("style") or ""))


def visible_blocks(page: Any) -> list[tuple[int, str]]:
    """The blocks of text of a parsed ``page`` (:func:`page_tree`), in page order: each its
    source line in the HTML (0 when unknown) and its text, whitespace made one space; blocks
    without a letter or digit are left out."""
    root = page.find(".//body")
    root = page if root is None else root
    blocks: list[tuple[int, str]] = []
    parts: list[str] = []
    line = -1  # the source line of the block's first words (-1: none yet)

    def add(text: str | None, element: Any) -> None:
        nonlocal line
        if not text:
            return
        if line < 0 and text.strip():  # the block's first words
            line = int(element.sourceline or 0)
        parts.append(text)  # spaces too: "<a>Log in</a> <a>Subscribe</a>" are two words

    def flush() -> None:
        nonlocal line
        text = " ".join("".join(parts).split())
        if _WORD_RE.search(text):
            blocks.append((max(line, 0), text))
        parts.clear()
        line = -1

    # a walk of the tree in document order (lxml's iterwalk passes over comments, whose tails
    # are text); an element not shown is not entered, its tail is read
    stack = [iter(root)]
    parents = [root]
    add(root.text, root)
    while stack:
        child = next(stack[-1], None)
        if child is None:  # the end of parents[-1]
            stack.pop()
            ended = parents.pop()
            if isinstance(ended.tag, str) and ended.tag.lower() in BLOCK_TAGS:
                flush()
            if stack:
                add(ended.tail, ended)  # the text after it, in its parent
            continue
        if _unseen(child):
            add(child.tail, child)
            continue
        if child.tag.lower() in BLOCK_TAGS:
            flush()
        add(child.text, child)
        stack.append(iter(child))
        parents.append(child)
    flush()
    return blocks


def unextracted_blocks(
    page: Any | None, text: str, title: str = ""
) -> tuple[tuple[int, str, str], ...]:
    """The visible blocks of ``page`` (:func:`visible_blocks`) that the extracted ``text``
    left out (see the module's note), in page order: its source line, its text (cut to
    :data:`SHOWN_CHARS`) and a note, "" or what it is: the page's ``title`` (read as its
    metadata), or a block part of whose text is a line of ``text``."""
    if page is None:
        return ()
    lines = [_words(line) for line in text.splitlines()]
    whole = {line for line in lines if line}
    within = "\n".join(f" {line} " for line in lines if line)
    long_lines = [f" {line} " for line in lines if line.count(" ") + 1 >= MIN_PART_WORDS]
    title_words = _words(title)
    out: list[tuple[int, str, str]] = []
    for line_no, block in visible_blocks(page):
        words = _words(block)
        if words in whole:
            continue
        if words.count(" ") + 1 >= MIN_PART_WORDS and f" {words} " in within:
            continue
        note = ""
        if title_words and words == title_words:
            note = "the page's title, read as its metadata"
        elif any(line in f" {words} " for line in long_lines):
            note = "partly extracted: a line of the text is part of it"
        shown = block if len(block) <= SHOWN_CHARS else block[: SHOWN_CHARS - 1].rstrip() + "…"
        out.append((line_no, shown, note))
    return tuple(out)
