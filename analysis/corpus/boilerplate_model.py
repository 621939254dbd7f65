"""Line classifier for boilerplate in plain text of a rendered web page (numpy only at run time).

Why: rules written for the chrome seen in a few pasted pages do not generalise; menus, share
prompts, related-article lists, footers and captions of other sites stay. Kohlschütter, Fankhauser
and Nejdl (2010, "Boilerplate detection using shallow text features", WSDM) show that a few
shallow features of a text block and of its neighbours (number of words, text density, position)
separate article text from boilerplate almost as well as any DOM-based method; jusText
(Pomikálek 2011) adds the share of stop words, high in prose and low in menus and headlines.

What: :func:`line_features` gives, for each line of a document, such features of the line, of
its neighbours and of its place in the document; :class:`BoilerplateModel` holds a logistic
regression in two stages (the second stage also sees the first stage's scores of neighbouring
lines, so a short line amid prose is judged with its context) and scores lines with numpy. The
fitted parameters (feature means and scales, coefficients, threshold) are the JSON file
``analysis/data/boilerplate_model.json``, written by ``python -m analysis bench cleaning --fit``
(scikit-learn at fit time only; no pickle).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from operator import itemgetter
from pathlib import Path

import numpy as np

from analysis.config import DATA_DIR
from analysis.lexicon import english_stop_words

__all__ = [
    "FEATURES",
    "MODEL_FILE",
    "BoilerplateModel",
    "continued_list",
    "default_model",
    "line_features",
    "rescue_runs",
    "stage2_features",
]

MODEL_FILE = DATA_DIR / "boilerplate_model.json"

_WORD_RE = re.compile(r"\w+")
_END_RE = re.compile(r"[.!?…][\"'”’»)\]]*$")
_LINKISH_RE = re.compile(r"https?://|www\.|\.com\b|@\w|#\w|[|›»]|\s[/•·]\s")
_ENGLISH = 0.12  # a text with fewer English stop words than this share is not English
_LONG_WORDS = 10  # a line with this many words that reads as prose anchors the article


_OWN = (
    "log_words",
    "stop_share",
    "ends_sentence",
    "title_share",
    "digit_share",
    "linkish",
    "upper_share",
    "comma_per_word",
    "mean_word_len",
    "is_prose",
)
_NEIGHBOURS = ("log_words", "stop_share", "ends_sentence", "is_prose")
_NEIGHBOUR_COLUMNS = [_OWN.index(name) for name in _NEIGHBOURS]
_PROSE_COLUMN = _OWN.index("is_prose")
_LOG_WORDS_COLUMN = _OWN.index("log_words")
_PAD3 = np.zeros(3)
_WINDOW = np.ones(7) / 7.0  # the mean over a line and the three on either side
_WINDOW11 = np.ones(11) / 11.0  # the mean over a line and the five on either side
FEATURES: tuple[str, ...] = (
    *_OWN,
    *(f"prev_{n}" for n in _NEIGHBOURS),
    *(f"next_{n}" for n in _NEIGHBOURS),
    *(f"prev2_{n}" for n in _NEIGHBOURS),
    *(f"next2_{n}" for n in _NEIGHBOURS),
    "window_prose",
    "words_before",
    "words_after",
    "log_dist_prose",
    "in_prose_span",
    "share_of_max",
    "log_doc_words",
    "log_doc_lines",
)
"""Names of the stage-1 features, in the column order of :func:`line_features`."""


def _is_short_word(word: str) -> bool:
    """The stand-in for a function word in a text that is not English: at most 3 letters."""
    return len(word) <= 3 and not word.isdigit()


@lru_cache(maxsize=1 << 16)
def _word_counts(line: str) -> tuple[int, int, int, int, int, int]:
    """Counts over the words of ``line``: words, English stop words, words whose first
    character is upper case, all-upper words of 2+ characters, characters in words; and the
    line's digits (``sum(map(str.isdigit, line))``, counted here from the same pass over the
    line's bytes or characters outside ASCII instead of a second one).

    Cached per process: whether a document is English is decided on every classifier pass
    over its lines. Counted with map/filter over builtins: the same counts as per-word Python
    loops, at a fraction of their cost; the characters in words counted in one joined string
    (one call instead of one per word).
    """
    if line.isascii():
        return _ascii_word_counts(line.encode("ascii"))
    outside = _NON_ASCII_RE.findall(line)
    if not _WORD_RE.search("".join(outside)):
        # no character outside ASCII is a word character ("’", "—", "“"): the same words in
        # the line with each of them a "?", which is not one either; nor is any of them a
        # digit (every character str.isdigit accepts is a word character)
        return _ascii_word_counts(line.encode("ascii", "replace"))
    words = _WORD_RE.findall(line)
    data = line.encode("ascii", "replace")  # the ASCII digits, each other character a "?"
    return (
        len(words),
        sum(map(english_stop_words().__contains__, map(str.casefold, words))),
        sum(map(str.isupper, map(_FIRST, words))),
        sum(1 for w in filter(str.isupper, words) if len(w) > 1),
        len("".join(words)),
        len(data) - len(data.translate(None, _DIGIT_BYTES)) + sum(map(str.isdigit, outside)),
    )


# ASCII bytes with every byte that is not a word character (\w: letters, digits, "_") a space
_ASCII_WORD_BYTES = bytes(b if chr(b).isalnum() or b == 0x5F else 0x20 for b in range(128))
_ASCII_WORD_BYTES += b" " * 128


@lru_cache(maxsize=1)
def _ascii_stop_words() -> frozenset[bytes]:
    """The English stop words that are ASCII, as bytes (an ASCII word can equal no other)."""
    return frozenset(w.encode("ascii") for w in english_stop_words() if w.isascii())


def _ascii_word_counts(data: bytes) -> tuple[int, int, int, int, int, int]:
    """:func:`_word_counts` of an ASCII line (its bytes), without a string made for each word.

    With the word bytes kept (lower-cased) and every other byte a space, the words (runs of
    \\w) are what bytes.split() returns, and an ASCII word's casefold is its lower(). The
    line's shape (A-Z "U", a-z "l", digits and "_" "d", the rest spaces) gives the rest: a
    word starts with an upper case letter where "U" is at its start or after a space; the
    characters in words are the bytes that are not spaces; an all-upper word of 2+ characters
    (bytes.isupper: a cased byte and no lower case one, as str.isupper) holds "UU", "Ud" or
    "dU", so without them there is none and the words are not split a second time. The
    digits are the shape's "d" bytes that are no "_" (0-9 are the only ASCII characters
    str.isdigit accepts).
    """
    lower_words = data.translate(_ASCII_LOWER_WORD_BYTES).split()
    shape = data.translate(_ASCII_SHAPE_BYTES)
    if b"UU" in shape or b"Ud" in shape or b"dU" in shape:
        words = data.translate(_ASCII_WORD_BYTES).split()
        n_upper = sum(1 for w in filter(bytes.isupper, words) if len(w) > 1)
    else:
        n_upper = 0
    return (
        len(lower_words),
        sum(map(_ascii_stop_words().__contains__, lower_words)),
        shape.count(b" U") + shape.startswith(b"U"),
        n_upper,
        len(shape) - shape.count(b" "),
        shape.count(b"d") - data.count(b"_"),
    )


def _shape_byte(b: int) -> int:
    if not (chr(b).isalnum() or b == 0x5F) or b >= 0x80:
        return 0x20
    return 0x55 if chr(b).isupper() else 0x6C if chr(b).islower() else 0x64


# the shape of a line's bytes (see _ascii_word_counts): A-Z "U", a-z "l", 0-9 and "_" "d"
_ASCII_SHAPE_BYTES = bytes(map(_shape_byte, range(256)))
# _ASCII_WORD_BYTES with the upper case letters lower-cased
_ASCII_LOWER_WORD_BYTES = _ASCII_WORD_BYTES.lower()
_FIRST = itemgetter(0)
_NON_ASCII_RE = re.compile(r"[^\x00-\x7f]")
# _LINKISH_RE cannot match without one of these characters, "www." or ".com"
_LINKISH_CHARS = "/@#|›»•·"  # each looked for with str.__contains__, faster than a class search


_DIGIT_BYTES = b"0123456789"  # deleted from a line's bytes to count its ASCII digits


def _n_linkish(line: str) -> int:
    """``len(_LINKISH_RE.findall(line))``, skipping the search in a line that lacks every
    character or string the pattern needs (its alternatives start anywhere, so a search tries
    them all at every position)."""
    if not ("www." in line or ".com" in line or any(map(line.__contains__, _LINKISH_CHARS))):
        return 0
    return len(_LINKISH_RE.findall(line))


_CLOSERS = "\"'”’»)]"  # what may follow the sentence-final mark in _END_RE


def _ends_sentence(line: str) -> bool:
    """``bool(_END_RE.search(line))``: the line, its closing quotes and brackets stripped,
    ends with a sentence-final mark (the search tries the pattern at every mark of the line;
    with a final "\\n", where "$" also matches, the pattern itself decides)."""
    if line.endswith("\n"):
        return bool(_END_RE.search(line))
    return line.rstrip(_CLOSERS).endswith((".", "!", "?", "…"))


@lru_cache(maxsize=1 << 16)
def _own(line: str, english: bool) -> tuple[float, ...]:
    """Own features of one line (cached per process: the classifier rescores the lines left
    after each pass, and template lines recur across documents)."""
    n, n_stop, n_title, n_upper, n_letters, n_digits = _word_counts(line)
    if n == 0:
        return (0.0,) * len(_OWN)
    if not english:
        n_stop = sum(map(_is_short_word, _WORD_RE.findall(line)))
    n_chars = len(line)
    stop_share = n_stop / n
    ends = 1.0 if _ends_sentence(line) else 0.0
    prose = 1.0 if n >= _LONG_WORDS and ends and stop_share >= 0.2 else 0.0
    return (
        math.log1p(n),
        stop_share,
        ends,
        n_title / n,
        n_digits / max(n_chars, 1),
        float(min(_n_linkish(line), 3)),
        n_upper / n,
        line.count(",") / n,
        n_letters / n,
        prose,
    )


def line_features(lines: Sequence[str]) -> np.ndarray:
    """Stage-1 features of each line (rows) in the order of :data:`FEATURES`.

    Own shallow features (words, stop-word share after jusText (in a text that is not English:
    the share of words of at most 3 letters, a language-blind stand-in), sentence-final punctuation,
    capitalisation, digits, link-like text; of the line without its bullet marker, which one
    renderer writes for every list item and another for none), the same of the two lines before
    and after
    (Kohlschütter et al. 2010: the neighbours' features carry most of the signal), and the
    line's place in the document: share of words before and after it,
    distance to the nearest prose line, whether it lies between the first and last prose line.
    """
    n = len(lines)
    if n == 0:
        return np.zeros((0, len(FEATURES)))
    # Words never span the space that joins two lines, so the words of the whole text are
    # those of its lines: count them per line (cached) instead of once more for the text.
    counts = [_word_counts(line) for line in lines]
    n_words = sum(c[0] for c in counts)
    english = sum(c[1] for c in counts) >= _ENGLISH * max(n_words, 1)
    # One array filled in place, column block by column block: the values of stacking the
    # blocks (own, prev, next, prev2, next2, document) with fewer numpy calls.
    k, m = len(_OWN), len(_NEIGHBOURS)
    out = np.zeros((n, len(FEATURES)))
    own = out[:, :k]
    # A list item's marker is the renderer's, not the page's: inscriptis writes one for every
    # <li> ("* x", normalised to "- x"), html-text none, so the features never see it.
    # (read from one flat iterator: the same values as assigning the list of row tuples, without
    # numpy inspecting each tuple as a nested sequence)
    rows = chain.from_iterable([_own(line.removeprefix("- "), english) for line in lines])
    own[:] = np.fromiter(rows, dtype=float, count=n * k).reshape(n, k)
    neigh = own[:, _NEIGHBOUR_COLUMNS]
    out[1:, k : k + m] = neigh[:-1]  # previous line (zeros before the first)
    out[:-1, k + m : k + 2 * m] = neigh[1:]  # next line
    out[2:, k + 2 * m : k + 3 * m] = neigh[:-2]  # two lines before
    out[:-2, k + 3 * m : k + 4 * m] = neigh[2:]  # two lines after
    doc = out[:, k + 4 * m :]
    prose = own[:, _PROSE_COLUMN]
    doc[:, 0] = np.convolve(np.concatenate([_PAD3, prose, _PAD3]), _WINDOW, "valid")
    # ufunc methods called directly (the values of words.sum(), np.cumsum, np.flatnonzero,
    # .min(axis=1) and words.max(), without their Python-level wrappers)
    words = np.expm1(own[:, _LOG_WORDS_COLUMN])
    total = max(np.add.reduce(words), 1.0)
    before = (np.add.accumulate(words) - words) / total
    doc[:, 1] = before
    doc[:, 2] = 1.0 - before - words / total
    prose_at = prose.nonzero()[0]
    if prose_at.size:
        at = np.arange(n)
        doc[:, 3] = np.log1p(np.minimum.reduce(np.abs(at[:, None] - prose_at[None, :]), axis=1))
        doc[:, 4] = (at >= prose_at[0]) & (at <= prose_at[-1])
    else:
        doc[:, 3] = np.log1p(np.full(n, float(n)))
    doc[:, 5] = words / max(np.maximum.reduce(words), 1.0)
    doc[:, 6] = math.log1p(total)
    doc[:, 7] = math.log1p(n)
    return out


def stage2_features(base: np.ndarray, scores: np.ndarray) -> np.ndarray:
    """Stage-2 features: stage-1 features plus stage-1 scores of the line and its neighbours
    (±1, ±2, and the mean over ±5 lines), a cheap stand-in for a sequence model."""
    n, k = base.shape
    padded = np.full(n + 10, 0.5)
    padded[5:-5] = scores
    # One array filled in place: the values of stacking base and the six columns.
    out = np.empty((n, k + 6))
    out[:, :k] = base
    for j, shift in enumerate((0, -1, 1, -2, 2)):
        out[:, k + j] = padded[5 + shift : 5 + shift + n]
    out[:, k + 5] = np.convolve(padded, _WINDOW11, mode="valid")
    return out


@dataclass(frozen=True)
class _Stage:
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float

    def score(self, x: np.ndarray) -> np.ndarray:
        z = ((x - self.mean) / self.scale) @ self.coef + self.intercept
        # np.clip(z, -30.0, 30.0) as two ufuncs, without np.clip's Python-level dispatch
        return 1.0 / (1.0 + np.exp(-np.minimum(np.maximum(z, -30.0), 30.0)))


# the share of a text's characters the classifier may take at most, unless a model says
# otherwise (models written before the share was chosen on the fitting pages)
DEFAULT_MAX_SHARE = 0.8


@dataclass(frozen=True)
class BoilerplateModel:
    """Two-stage logistic regression over :func:`line_features`; scores are P(boilerplate)."""

    stages: tuple[_Stage, _Stage]
    threshold: float  # a line goes when its score is at least this
    info: dict
    max_rescued_run: int = 0  # runs of at most this many lines between kept lines stay
    min_list_items: int = 0  # a parallel list of at least this many lines after the last kept
    # line stays when that line introduces it (0: off; see continued_list)
    max_share: float = DEFAULT_MAX_SHARE  # the most of a text's characters the model may take:
    # when its lines would take more, the text does not look like article + chrome, and stays

    @classmethod
    def from_dict(cls, data: dict) -> BoilerplateModel:
        """Build the model from its JSON form (see :meth:`to_dict`)."""
        if list(data["features"]) != list(FEATURES):
            raise ValueError("boilerplate model was fitted on other features; refit it")
        stages = tuple(
            _Stage(
                np.asarray(s["mean"], dtype=float),
                np.asarray(s["scale"], dtype=float),
                np.asarray(s["coef"], dtype=float),
                float(s["intercept"]),
            )
            for s in data["stages"]
        )
        return cls(
            stages,  # type: ignore[arg-type]
            float(data["threshold"]),
            dict(data.get("info", {})),
            int(data.get("max_rescued_run", 0)),
            int(data.get("min_list_items", 0)),
            float(data.get("max_share", DEFAULT_MAX_SHARE)),
        )

    @classmethod
    def load(cls, path: Path) -> BoilerplateModel:
        """Read a model written by ``python -m analysis bench cleaning --fit PATH``."""
        return cls.from_dict(json.loads(Path(path).read_text(encoding="utf-8")))

    def to_dict(self) -> dict:
        """The JSON form: feature names, threshold, rescued run length, shortest continued
        list, largest share of a text taken, per stage mean/scale/coef/intercept."""
        return {
            "features": list(FEATURES),
            "threshold": self.threshold,
            "max_rescued_run": self.max_rescued_run,
            "min_list_items": self.min_list_items,
            "max_share": self.max_share,
            "stages": [
                {
                    "mean": [round(float(v), 6) for v in s.mean],
                    "scale": [round(float(v), 6) for v in s.scale],
                    "coef": [round(float(v), 6) for v in s.coef],
                    "intercept": round(s.intercept, 6),
                }
                for s in self.stages
            ],
            "info": self.info,
        }

    def scores(self, lines: Sequence[str]) -> np.ndarray:
        """P(boilerplate) of each line, judged in the context of the whole sequence."""
        if not lines:
            return np.zeros(0)
        base = line_features(lines)
        first = self.stages[0].score(base)
        return self.stages[1].score(stage2_features(base, first))

    def drop_mask(self, scores: np.ndarray, lines: Sequence[str] | None = None) -> np.ndarray:
        """Which lines go, given their :meth:`scores`: those scoring at least the threshold,
        except a parallel list that a heading or a line ending in a colon introduces right
        after the last kept line (:func:`continued_list`, when ``lines`` are given and
        ``min_list_items`` is set) and runs of at most ``max_rescued_run`` of them between two
        kept lines (:func:`rescue_runs`)."""
        drop = np.asarray(scores) >= self.threshold
        if not drop.any():
            return drop  # the exceptions below only ever keep lines that would go
        if lines is not None and self.min_list_items > 0:
            drop = drop & ~continued_list(drop, lines, self.min_list_items)
        return drop & ~rescue_runs(drop, self.max_rescued_run)


@lru_cache(maxsize=1)
def default_model() -> BoilerplateModel | None:
    """The shipped model (``analysis/data/boilerplate_model.json``), or None if absent."""
    if not MODEL_FILE.exists():
        return None
    return BoilerplateModel.load(MODEL_FILE)


def rescue_runs(drop: np.ndarray, max_run: int) -> np.ndarray:
    """The lines of ``drop`` that lie in a run of at most ``max_run`` consecutive dropped lines
    with a kept line right before and right after it.

    Inside an article, the lines a line classifier misjudges are short ones between kept
    paragraphs: list items, names under photos, table rows, headings. Block classifiers smooth
    such runs by their neighbours (jusText's context-sensitive pass, Pomikálek 2011, ch. 3.3:
    short and near-boilerplate blocks between good blocks become good); chrome sits mostly
    before the first and after the last article line, where no run is rescued. ``max_run`` is
    chosen on the fitting pages (``python -m analysis bench cleaning --fit``).
    """
    drop = np.asarray(drop, dtype=bool)
    out = np.zeros(len(drop), dtype=bool)
    if max_run <= 0 or not drop.any():
        return out
    # run boundaries: starts and ends (exclusive) of maximal runs of True
    edges = np.diff(np.concatenate([[0], drop.astype(np.int8), [0]]))
    starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
    for start, end in zip(starts, ends, strict=True):
        if start > 0 and end < len(drop) and end - start <= max_run:
            out[start:end] = True
    return out


_SKELETON_RE = re.compile(r"[\w\s]+")
_INTRO_WORDS = 8  # a line of at most this many words without sentence-final punctuation heads
_LIST_ITEM_WORDS = 12  # an item of a continued list has at most this many words


def _skeleton(line: str) -> str:
    """The punctuation of a line once its words, spaces and bullet marker are taken out:
    ``"England (Group A): 10th appearance"`` gives ``"():"``. Items of one list share it."""
    return _SKELETON_RE.sub("", line.removeprefix("- "))


def _introduces(line: str) -> bool:
    """Whether ``line`` announces what follows: it ends in a colon, or it is a heading (a few
    words, no sentence-final punctuation). An article does not end on such a line."""
    text = line.rstrip()
    if text.endswith(":"):
        return True
    return not _END_RE.search(text) and len(_WORD_RE.findall(text)) <= _INTRO_WORDS


def continued_list(drop: np.ndarray, lines: Sequence[str], min_items: int) -> np.ndarray:
    """The dropped lines that form a list continuing the article after its last kept line.

    A classifier of single lines drops a closing table or list (the qualified teams under
    "Qualified teams", one line per team): short items without sentences look like a menu.
    Two signs separate such a list from the chrome after an article: the last kept line
    introduces it (a heading or a line ending in a colon; an article does not end
    on one), and its items are parallel, each with the same non-empty punctuation (the same
    ``"(…): …"`` pattern) and at most :data:`_LIST_ITEM_WORDS` words. A menu or a list of
    related headlines has no shared punctuation, so it does not qualify. When the list holds
    at least ``min_items`` such lines (counting items already kept right before its dropped
    part, as after a rescoring pass), its dropped part right after the last kept line is
    returned; ``min_items`` is chosen on the fitting pages
    (``python -m analysis bench cleaning --fit``). Cost: the lines of that list only.
    """
    drop = np.asarray(drop, dtype=bool)
    out = np.zeros(len(drop), dtype=bool)
    kept = np.flatnonzero(~drop)
    if min_items <= 0 or not kept.size or kept[-1] + 1 >= len(lines):
        return out
    start = int(kept[-1]) + 1
    shape = _skeleton(lines[start])
    if not shape:
        return out

    def is_item(k: int) -> bool:
        return _skeleton(lines[k]) == shape and len(_WORD_RE.findall(lines[k])) <= _LIST_ITEM_WORDS

    head = start - 1  # items the classifier kept (a rescoring pass after this one) come first
    while head >= 0 and is_item(head):
        head -= 1
    if head < 0 or not _introduces(lines[head]):
        return out
    end = start
    while end < len(lines) and is_item(end):
        end += 1
    if end - head - 1 >= min_items:
        out[start:end] = True
    return out
