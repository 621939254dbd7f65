"""A synthetic news corpus of any size, grown from a handful of seed articles.

For benchmarks and for trying the large-corpus path without a licensed news export. Each
synthetic outlet (default 30, with made-up names) takes the style of one seed outlet; each of its
documents starts from one of that outlet's seed articles and is varied the way real coverage
varies: paragraphs dropped, repeated, re-ordered, or swapped in from the outlet's other articles
(and, rarely, from another outlet's); sentences within a paragraph re-ordered; numbers, months,
weekdays and a few names changed; length from a quarter to one and a half times the seed's.
Everything is drawn from one seeded generator, so the same ``seed`` gives the same corpus.

The documents carry raw text (boilerplate lines included), so cleaning has its real work to do.
"""

from __future__ import annotations

import random
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pandas as pd

SYNTHETIC_COLUMNS = ["doc_id", "outlet", "origin", "title", "published", "url", "text"]
_PREFIXES = (
    "Pacific", "Northern", "Capital", "Metro", "Global", "Eastern", "Coastal", "Central",
    "Union", "Harbour", "Summit", "Delta", "Prairie", "Bay", "Atlas",
)  # fmt: skip
_SUFFIXES = (
    "Times", "Post", "Herald", "Ledger", "Review", "Wire", "Observer", "Tribune", "Dispatch",
    "Journal", "Courier", "Gazette",
)  # fmt: skip
_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
_PEOPLE = (
    "Lena Ortiz", "Marcus Hale", "Wei Lin", "Priya Nair", "Tomas Berg", "Aiko Sato",
    "Daniel Mensah", "Sofia Rossi",
)  # fmt: skip
_NUMBER_RE = re.compile(r"\b\d+(?:\.\d+)?\b")
_MONTH_RE = re.compile(r"\b(?:" + "|".join(_MONTHS) + r")\b")
_WEEKDAY_RE = re.compile(r"\b(?:" + "|".join(_WEEKDAYS) + r")\b")
_NAME_RE = re.compile(
    r"\b(?:Treasury Secretary|spokesperson|analyst|said) ([A-Z][a-z]+ [A-Z][a-z]+)"
)
_SENTENCE_BREAK_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")
_START = date(2025, 10, 1)


@dataclass(frozen=True)
class _Style:
    """A seed outlet: its origin and the paragraphs of each of its articles."""

    outlet: str
    origin: str
    articles: tuple[tuple[str, ...], ...]


def load_seed_articles(corpus_dir: Path | str | None = None) -> pd.DataFrame:
    """The seed articles as raw text: columns ``outlet, origin, raw_text`` (default: ``seeds/``)."""
    from analysis.corpus.documents import read_raw_documents

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # a folder without manifest still works
        raw = read_raw_documents(corpus_dir)
    outlet = raw["outlet"].where(raw["outlet"] != "unknown", raw["doc_id"])
    return pd.DataFrame({"outlet": outlet, "origin": raw["origin"], "raw_text": raw["raw_text"]})


def _styles(seeds: pd.DataFrame) -> list[_Style]:
    missing = {"outlet", "raw_text"} - set(seeds.columns)
    if missing:
        raise ValueError(f"seed articles need columns outlet and raw_text; missing {missing}")
    if seeds.empty:
        raise ValueError("no seed articles to grow a synthetic corpus from")
    origin = seeds["origin"] if "origin" in seeds.columns else pd.Series("unknown", seeds.index)
    styles = []
    for outlet in sorted(seeds["outlet"].unique()):
        rows = seeds[seeds["outlet"] == outlet]
        articles = tuple(
            tuple(line for line in str(text).splitlines() if line.strip())
            for text in rows["raw_text"]
        )
        articles = tuple(a for a in articles if a)
        if articles:
            styles.append(_Style(str(outlet), str(origin[rows.index[0]]), articles))
    if not styles:
        raise ValueError("the seed articles hold no text")
    return styles


def synthetic_outlets(n_outlets: int, seed: int = 0) -> list[str]:
    """``n_outlets`` distinct made-up outlet names ("Harbour Ledger"), seeded."""
    names = [f"{p} {s}" for p in _PREFIXES for s in _SUFFIXES]
    if n_outlets > len(names):
        names += [f"{n} {i}" for i in range(2, n_outlets // len(names) + 2) for n in names]
    return random.Random(seed).sample(names, n_outlets)


def _vary_numbers(text: str, rng: random.Random) -> str:
    def swap(match: re.Match[str]) -> str:
        token = match.group(0)
        if rng.random() > 0.5:
            return token
        if "." in token:
            whole = token.split(".")[0]
            return f"{rng.randint(0, max(1, int(whole) * 2))}.{rng.randint(0, 9)}"
        value = int(token)
        if 1990 <= value <= 2035:  # a year: stay near it
            return str(value + rng.choice((-1, 0, 0, 1)))
        low, high = (10 ** (len(token) - 1) if len(token) > 1 else 0), 10 ** len(token) - 1
        return str(rng.randint(low, high))

    return _NUMBER_RE.sub(swap, text)


def _vary_words(text: str, rng: random.Random) -> str:
    text = _vary_numbers(text, rng)
    if rng.random() < 0.3:
        text = _MONTH_RE.sub(lambda m: rng.choice(_MONTHS), text)
    if rng.random() < 0.3:
        text = _WEEKDAY_RE.sub(lambda m: rng.choice(_WEEKDAYS), text)
    if rng.random() < 0.2:
        person = rng.choice(_PEOPLE)
        text = _NAME_RE.sub(lambda m: m.group(0).replace(m.group(1), person), text)
    return text


def _shuffle_sentences(paragraph: str, rng: random.Random) -> str:
    parts = _SENTENCE_BREAK_RE.split(paragraph)
    if len(parts) > 2:
        head, rest = parts[0], parts[1:]
        rng.shuffle(rest)
        return " ".join([head, *rest])
    return paragraph


def _document_text(style: _Style, others: list[_Style], rng: random.Random) -> str:
    base = rng.choice(style.articles)
    pool = [p for article in style.articles for p in article]
    foreign = [p for other in others for article in other.articles for p in article]
    title, body = base[0], list(base[1:])
    paragraphs: list[str] = []
    for paragraph in body:
        roll = rng.random()
        if roll < 0.12:
            continue  # dropped
        if roll < 0.30:
            paragraph = rng.choice(pool)  # swapped in from the outlet's other coverage
        elif roll < 0.33 and foreign:
            paragraph = rng.choice(foreign)  # a wire paragraph shared across outlets
        if rng.random() < 0.15:
            paragraph = _shuffle_sentences(paragraph, rng)
        paragraphs.append(paragraph)
        if rng.random() < 0.04:
            paragraphs.append(paragraph)  # repeated, as syndicated copy often is
    target = max(1, round(len(body) * rng.uniform(0.25, 1.5)))
    if len(paragraphs) > target:
        paragraphs = paragraphs[:target]
    while len(paragraphs) < target:
        paragraphs.append(rng.choice(pool))
    return "\n".join(_vary_words(p, rng) for p in [title, *paragraphs])


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def iter_synthetic_corpus(
    n_docs: int,
    *,
    seed: int = 0,
    n_outlets: int = 30,
    seeds: pd.DataFrame | None = None,
    batch_size: int = 5000,
) -> Iterator[pd.DataFrame]:
    """Batches of a synthetic corpus of ``n_docs`` documents (:data:`SYNTHETIC_COLUMNS`).

    ``seeds`` holds the seed articles (``outlet, origin, raw_text``; default: the bundled
    ``seeds/`` folder). Memory holds one batch at a time.
    """
    if n_docs < 0:
        raise ValueError(f"n_docs must be zero or more, got {n_docs}")
    styles = _styles(seeds if seeds is not None else load_seed_articles())
    rng = random.Random(seed)
    outlets = synthetic_outlets(n_outlets, seed)
    outlet_style = {name: styles[i % len(styles)] for i, name in enumerate(outlets)}
    others = {s.outlet: [o for o in styles if o.outlet != s.outlet] for s in styles}
    # a few outlets publish much more than the rest, as in real news samples
    weights = [1.0 / (rank + 1) ** 0.6 for rank in range(len(outlets))]
    rows: list[tuple[str, ...]] = []
    for i in range(n_docs):
        outlet = rng.choices(outlets, weights)[0]
        style = outlet_style[outlet]
        text = _document_text(style, others[style.outlet], rng)
        first_line = text.split("\n", 1)[0]
        title = first_line if len(first_line) <= 200 else ""  # a lede, not a headline
        published = (_START + timedelta(days=rng.randrange(92))).isoformat()
        doc_id = f"syn{i:08d}"
        url = f"https://example.org/{_slug(outlet)}/{doc_id}"
        rows.append((doc_id, outlet, style.origin, title, published, url, text))
        if len(rows) >= batch_size:
            yield pd.DataFrame(rows, columns=SYNTHETIC_COLUMNS)
            rows = []
    if rows:
        yield pd.DataFrame(rows, columns=SYNTHETIC_COLUMNS)


def synthetic_corpus(
    n_docs: int, *, seed: int = 0, n_outlets: int = 30, seeds: pd.DataFrame | None = None
) -> pd.DataFrame:
    """The whole synthetic corpus in memory (see :func:`iter_synthetic_corpus`)."""
    batches = list(iter_synthetic_corpus(n_docs, seed=seed, n_outlets=n_outlets, seeds=seeds))
    if not batches:
        return pd.DataFrame({c: pd.Series([], dtype=str) for c in SYNTHETIC_COLUMNS})
    return pd.concat(batches, ignore_index=True)


def write_synthetic_corpus(
    path: Path | str,
    n_docs: int,
    *,
    seed: int = 0,
    n_outlets: int = 30,
    seeds: pd.DataFrame | None = None,
) -> Path:
    """Write a synthetic corpus to ``path`` as Parquet, CSV or JSON Lines (by extension)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from analysis.corpus.files import detect_format
    from analysis.io import atomic_path

    path = Path(path)
    fmt = detect_format(path)
    batches = iter_synthetic_corpus(n_docs, seed=seed, n_outlets=n_outlets, seeds=seeds)
    with atomic_path(path) as tmp:
        if fmt == "parquet":
            schema = pa.schema([(c, pa.string()) for c in SYNTHETIC_COLUMNS])
            with pq.ParquetWriter(tmp, schema) as writer:
                for batch in batches:
                    writer.write_table(pa.Table.from_pandas(batch, schema, preserve_index=False))
            return path
        with open(tmp, "w", encoding="utf-8", newline="") as handle:
            for i, batch in enumerate(batches):
                if fmt == "jsonl":
                    lines = batch.to_json(orient="records", lines=True, force_ascii=False)
                    handle.write(lines if lines.endswith("\n") else lines + "\n")
                else:
                    sep = "\t" if fmt == "tsv" else ","
                    batch.to_csv(handle, index=False, header=i == 0, sep=sep)
            if n_docs == 0 and fmt != "jsonl":
                handle.write(("\t" if fmt == "tsv" else ",").join(SYNTHETIC_COLUMNS) + "\n")
    return path
