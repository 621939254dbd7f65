"""Article-body extraction benchmark of the text cleaner, and the fitting of its line classifier.

``python -m analysis bench cleaning --data DIR`` reads a folder in the layout of the Zyte
article-extraction benchmark (``html/<id>.html.gz`` + ``ground-truth.json``), renders every
page to plain text with ``html-text`` and with ``inscriptis`` (two renderers, so the classifier
does not learn one), and scores, with the benchmark's own metric (word 4-gram shingle
precision/recall/F1 per page, averaged over pages; ported from its ``evaluate.py``):

* the whole rendered text; our cleaner with rules only; our cleaner with rules + classifier;
* trafilatura and jusText on the HTML (when installed); our HTML path,
  ``analysis.corpus.html.extract_article`` then :func:`clean_text`.
* the html-text rendering joined into one line, as exports that drop line breaks give articles,
  cleaned as that line and cut at sentence ends into one sentence per line
  (:func:`joined_variants`): what cutting such text would give cleaning (little: a page's menus
  and prompts end without a full stop, so they stay in the sentence they were joined to).

The classifier is fitted on these very pages, so its figures are **held out**: pages are split
in k folds (by page, both renderings of a page in the same fold); the model fitted on k−1 folds
cleans the pages of the remaining fold. ``--fit OUT.json`` fits on all pages and writes the
model that ships as ``analysis/data/boilerplate_model.json``. Needs the ``bench`` extra
(scikit-learn, html-text, inscriptis; trafilatura and jusText optional).
"""

from __future__ import annotations

import argparse
import gzip
import importlib
import importlib.util
import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from analysis.commands.options import folder_problem
from analysis.corpus.boilerplate_model import (
    FEATURES,
    BoilerplateModel,
    _Stage,
    line_features,
    stage2_features,
)
from analysis.corpus.cleaning import CleanedText, clean_text

RENDERERS = ("html-text", "inscriptis")
JOINED = "one line (html-text joined)"
JOINED_SPLIT = "one line cut at sentence ends"
TARGET_LINES_LOST = 0.015  # the threshold is set on the fitting pages to lose at most this
RESCUE_RUNS = (0, 5, 10, 20, 30, 50)  # candidate max_rescued_run values, tried in this order
LIST_ITEMS = (0, 4)  # candidate min_list_items values (0: no continued lists)
# candidate max_share values: the most of a text's characters the classifier may take (0.8 was
# set by hand before session 57; lower values keep whole texts more often, losing no body)
MAX_SHARES = (0.8, 0.9)
INNER_FOLDS = 0  # >1: smoothing chosen on fitting pages cleaned by models not fitted on them
METADATA_RULES = frozenset({"image_credit", "caption", "caption_over_credit", "credit_line"})
_TOKEN_RE = re.compile(r"\w+")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``python -m analysis bench cleaning``."""
    parser.add_argument(
        "--data",
        type=Path,
        required=True,
        help="benchmark folder: html/<id>.html.gz and ground-truth.json (required)",
    )
    parser.add_argument("--folds", type=int, default=5, help="folds by page (5)")
    parser.add_argument(
        "--fit",
        type=Path,
        default=None,
        help="fit on all pages and write the model (JSON) here (default: no fitting)",
    )
    parser.add_argument("--limit", type=int, default=0, help="use the first N pages (0: all)")
    parser.add_argument(
        "--inner-folds",
        type=int,
        default=INNER_FOLDS,
        help="choose the smoothing on the fitting pages by this many inner folds"
        " (0: on the fitting pages as the model is fitted on them)",
    )


# -- the benchmark's metric (ported from its evaluate.py, MIT) -------------------------------


def tokens(text: str) -> list[str]:
    """The benchmark's tokens: runs of word characters."""
    return _TOKEN_RE.findall(text or "")


def shingles(text: str, n: int = 4) -> Counter:
    """Counts of word n-gram shingles; a text shorter than n is one shingle (as the benchmark)."""
    toks = tokens(text)
    return Counter(tuple(toks[i : i + n]) for i in range(max(1, len(toks) - n + 1)) if toks)


def shingle_tp_fp_fn(true: str, pred: str) -> tuple[float, float, float]:
    """Normalised (tp, fp, fn) of the predicted body's shingles against the true body's."""
    t, p = shingles(true), shingles(pred)
    tp = float(sum((t & p).values()))
    fp = float(sum((p - t).values()))
    fn = float(sum((t - p).values()))
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s else (0.0, 0.0, 0.0)


def page_metrics(rows: Sequence[tuple[float, float, float]]) -> dict[str, float]:
    """Precision and recall averaged over pages, F1 of the two averages (as the benchmark)."""

    def prec(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else 0.0 if tp == fp == 0 else tp / (tp + fp)

    def rec(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else 0.0 if tp == fn == 0 else tp / (tp + fn)

    p = float(np.mean([prec(*r) for r in rows if r[0] + r[1] > 0]))
    r = float(np.mean([rec(*r) for r in rows if r[0] + r[2] > 0]))
    return {"f1": 2 * p * r / (p + r) if p + r else 0.0, "precision": p, "recall": r}


def body_lines_lost(true: str, pred: str) -> tuple[int, int]:
    """(lost, total) true-body lines: a line is lost when under half of its shingles
    (its tokens, for lines under 4 tokens) appear in the prediction."""
    pred_sh = set(shingles(pred))
    pred_tok = set(tokens(pred))
    lost = total = 0
    for line in true.split("\n"):
        toks = tokens(line)
        if not toks:
            continue
        total += 1
        if len(toks) < 4:
            found = sum(t in pred_tok for t in toks) / len(toks)
        else:
            sh = list(shingles(line))
            found = sum(s in pred_sh for s in sh) / len(sh)
        lost += found < 0.5
    return lost, total


# -- labelling lines --------------------------------------------------------------------------


def label_lines(lines: Sequence[str], body: str) -> np.ndarray:
    """1 for boilerplate, 0 for article: a line is article when at least half of the 4-gram
    shingles it takes part in (with up to 3 tokens of its neighbours, for short lines) are in
    the true body."""
    body_sh = set(shingles(body))
    toks = [tokens(line) for line in lines]
    out = np.ones(len(lines), dtype=int)
    for i, own in enumerate(toks):
        if not own:
            continue
        if len(own) >= 4:
            sh = [tuple(own[k : k + 4]) for k in range(len(own) - 3)]
        else:
            before = toks[i - 1][-3:] if i else []
            after = toks[i + 1][:3] if i + 1 < len(toks) else []
            ext = before + own + after
            lo, hi = len(before), len(before) + len(own)
            sh = [
                tuple(ext[k : k + 4]) for k in range(max(0, len(ext) - 3)) if k < hi and k + 4 > lo
            ] or [tuple(own)]
        out[i] = 0 if sum(s in body_sh for s in sh) >= 0.5 * len(sh) else 1
    return out


# -- data --------------------------------------------------------------------------------------


@dataclass
class Page:
    """One benchmark page: its id, HTML, true body and renderings."""

    page_id: str
    html: str
    body: str
    texts: dict[str, str]


def _renderers() -> dict[str, Callable[[str], str]]:
    import html_text
    import inscriptis

    return {
        "html-text": lambda h: html_text.extract_text(h, guess_layout=True),
        "inscriptis": inscriptis.get_text,
    }


def load_pages(folder: Path, limit: int = 0) -> list[Page]:
    """The benchmark's pages in id order, each rendered with every renderer."""
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth)[: limit or None]
    render = _renderers()
    pages = []
    for page_id in ids:
        html = gzip.decompress((folder / "html" / f"{page_id}.html.gz").read_bytes())
        text = html.decode("utf-8", errors="replace")
        body = truth[page_id].get("articleBody", "") or ""
        pages.append(Page(page_id, text, body, {name: f(text) for name, f in render.items()}))
    return pages


def _rule_lines(text: str) -> list[str]:
    cleaned = clean_text(text, model=None).text
    return [line for line in cleaned.split("\n") if line]


@dataclass
class _Doc:
    page: int
    x: np.ndarray
    y: np.ndarray
    words: np.ndarray


def training_docs(pages: Sequence[Page]) -> list[_Doc]:
    """Stage-1 features and labels of the lines the rules keep, per page and renderer, plus the
    true body alone (every line article: a text without chrome must come out whole)."""
    docs = []
    for k, page in enumerate(pages):
        variants = [_rule_lines(page.texts[name]) for name in RENDERERS]
        body_lines = _rule_lines(page.body)
        for lines in variants:
            if lines:
                y = label_lines(lines, page.body)
                w = np.array([len(tokens(line)) for line in lines], dtype=float)
                docs.append(_Doc(k, line_features(lines), y, w))
        if body_lines:
            w = np.array([len(tokens(line)) for line in body_lines], dtype=float)
            docs.append(_Doc(k, line_features(body_lines), np.zeros(len(body_lines), int), w))
    return docs


# -- fitting ------------------------------------------------------------------------------------


def _fit_stage(x: np.ndarray, y: np.ndarray, weight: np.ndarray) -> _Stage:
    from sklearn.linear_model import LogisticRegression

    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    lr = LogisticRegression(C=1.0, max_iter=2000)
    lr.fit((x - mean) / scale, y, sample_weight=weight)
    return _Stage(mean, scale, lr.coef_[0].astype(float), float(lr.intercept_[0]))


def fit_model(
    docs: Sequence[_Doc],
    target_lost: float = TARGET_LINES_LOST,
    pages: Sequence[Page] | Mapping[int, Page] = (),
    inner_folds: int = INNER_FOLDS,
) -> BoilerplateModel:
    """Fit both stages on ``docs``; the threshold keeps the article words lost on them at
    ``target_lost`` at most (precision on article text first). With ``pages`` (the pages the
    docs come from, by the docs' page index: a sequence is indexed by position), the smoothing
    settings are chosen on them too (:func:`choose_rescue`): cleaned by this model, or, with
    ``inner_folds`` > 1, each by a model fitted on the other inner folds."""
    model = _fit_stages(docs, target_lost)
    if pages:
        by_index = pages if isinstance(pages, Mapping) else dict(enumerate(pages))
        inner = _inner_models(docs, target_lost, inner_folds) if inner_folds > 1 else None
        model = choose_rescue(model, by_index, inner)
    return model


def _fit_stages(docs: Sequence[_Doc], target_lost: float) -> BoilerplateModel:
    """Both stages and the threshold fitted on ``docs``, without smoothing."""
    x = np.vstack([d.x for d in docs])
    y = np.concatenate([d.y for d in docs])
    words = np.concatenate([d.words for d in docs])
    weight = 1.0 + np.log1p(words)
    first = _fit_stage(x, y, weight)
    x2 = np.vstack([stage2_features(d.x, first.score(d.x)) for d in docs])
    second = _fit_stage(x2, y, weight)
    scores = second.score(x2)
    article = y == 0
    order = np.sort(scores[article])[::-1]
    cum = np.cumsum(words[article][np.argsort(scores[article])[::-1]])
    allowed = target_lost * words[article].sum()
    k = int(np.searchsorted(cum, allowed, side="right"))
    threshold = float(order[k]) + 1e-6 if k < len(order) else 0.5
    threshold = max(threshold, 0.5)
    info = {
        "fitted_on": f"{len({d.page for d in docs})} pages x {RENDERERS} + true bodies",
        "target_article_words_lost": target_lost,
        "cite": "Kohlschütter et al. 2010; jusText stop-word density (Pomikálek 2011)",
    }
    return BoilerplateModel((first, second), round(threshold, 6), info)


def _inner_models(
    docs: Sequence[_Doc], target_lost: float, folds: int
) -> dict[int, BoilerplateModel]:
    """For each page index of ``docs``, a model (stages and threshold) fitted on the docs of
    the other ``folds - 1`` inner folds: the smoothing is chosen on how the classifier treats
    pages it has not seen, as it will at run time. (Chosen on pages the model was fitted on,
    the classifier already keeps their lists and tables, and the smoothing looks useless.)"""
    ids = sorted({d.page for d in docs})
    out: dict[int, BoilerplateModel] = {}
    for j in range(folds):
        held = set(ids[j::folds])
        if not held:
            continue
        inner = _fit_stages([d for d in docs if d.page not in held], target_lost)
        out.update(dict.fromkeys(held, inner))
    return out


def rescue_key(
    share: float, f1: float, run: int, items: int, most: float
) -> tuple[float, bool, float, int, float]:
    """The order of :func:`choose_rescue`'s candidates (the largest key wins): fewest body
    lines lost, then continued lists on, then F1, then the shorter run, then the smaller
    share. Session 69 put continued lists before F1 (they came after it): a fold whose fitting
    pages lost as many lines either way turned them off for a thousandth of F1, and its
    held-out page lost a 20-line list of Euro 2020 teams (the baseline's folds never met such
    a tie, so its figures stayed as they were)."""
    return (-share, items > 0, f1, -run, -most)


def choose_rescue(
    model: BoilerplateModel,
    pages: Mapping[int, Page],
    page_models: Mapping[int, BoilerplateModel] | None = None,
) -> BoilerplateModel:
    """``model`` with the smoothing settings chosen on ``pages`` (the fitting pages, every
    renderer; each page cleaned by ``page_models[index]``, a model not fitted on it, else by
    ``model``) among the combinations of ``max_rescued_run`` (:data:`RESCUE_RUNS`) and
    ``min_list_items`` (:data:`LIST_ITEMS`) and ``max_share`` (:data:`MAX_SHARES`): the one
    losing fewest body lines (precision first on article lines, the issue's priority); ties go
    to continued lists on (a structural rule that the fitting pages give no reason to turn off
    stays on), then the higher F1, then the shorter run, then the smaller share
    (:func:`rescue_key`)."""
    page_models = page_models or {}
    truth = [page for page in pages.values() for _ in RENDERERS]
    best: tuple[float, float, int, bool, float] | None = None
    chosen: tuple[float, float, int, int, float] = (0.0, 0.0, 0, 0, MAX_SHARES[0])
    for most in MAX_SHARES:
        for items in LIST_ITEMS:
            for run in RESCUE_RUNS:
                preds = []
                for k, page in pages.items():
                    base = page_models.get(k, model)
                    candidate = replace(
                        base, max_rescued_run=run, min_list_items=items, max_share=most
                    )
                    preds.extend(clean_text(page.texts[n], model=candidate).text for n in RENDERERS)
                scored = _score(truth, preds)
                share, f1 = scored["lines_lost"], scored["f1"]
                key = rescue_key(share, f1, run, items, most)
                if best is None or key > best:
                    best, chosen = key, (share, f1, run, items, most)
    info = {
        **model.info,
        "smoothing_chosen_on": "fitting pages, each cleaned by a model fitted on the others"
        if page_models
        else "fitting pages",
        "fit_lines_lost": round(chosen[0], 6),
        "fit_f1": round(chosen[1], 6),
    }
    return replace(
        model,
        max_rescued_run=chosen[2],
        min_list_items=chosen[3],
        max_share=chosen[4],
        info=info,
    )


# -- scoring ------------------------------------------------------------------------------------


def moved_lines(cleaned: CleanedText) -> str:
    """The raw lines that the caption and credit rules (:data:`METADATA_RULES`) moved to
    metadata, one per line: they left the body on purpose (captions, credits and bylines go
    to metadata, never into sentences), so they are counted apart from the lines lost."""
    return "\n".join(
        e.original
        for e in cleaned.audit
        if e.action == "moved_to_metadata" and e.rule in METADATA_RULES
    )


def _score(
    pages: Sequence[Page], preds: Sequence[str], moved: Sequence[str] | None = None
) -> dict[str, float]:
    """Metrics of ``preds`` against the pages' bodies; with ``moved`` (per page, the lines
    moved to metadata), also ``lines_lost_body``: lines neither in the body nor moved."""
    metrics = page_metrics([shingle_tp_fp_fn(p.body, t) for p, t in zip(pages, preds, strict=True)])
    lost = total = lost_body = 0
    for k, (p, t) in enumerate(zip(pages, preds, strict=True)):
        a, b = body_lines_lost(p.body, t)
        lost, total = lost + a, total + b
        if moved is not None:
            lost_body += body_lines_lost(p.body, f"{t}\n{moved[k]}")[0]
    metrics["lines_lost"] = lost / total if total else 0.0
    metrics["lines_lost_body"] = lost_body / total if total and moved is not None else np.nan
    return metrics


def _optional_extractors() -> dict[str, Callable[[str], str]]:
    out: dict[str, Callable[[str], str]] = {}
    if importlib.util.find_spec("trafilatura"):
        import trafilatura

        out["trafilatura (HTML)"] = lambda h: trafilatura.extract(h) or ""
    if importlib.util.find_spec("justext"):
        import justext

        stop = justext.get_stoplist("English")

        def jt(h: str) -> str:
            paras = justext.justext(h.encode("utf-8"), stop)
            return "\n".join(p.text for p in paras if not p.is_boilerplate)

        out["jusText (HTML)"] = jt
    from analysis.corpus.html import extract_article

    def ours(h: str) -> str:  # what a .html file in a corpus folder becomes: extract, then clean
        return clean_text(extract_article(h).text).text

    out["ours (HTML path)"] = ours
    return out


def held_out(
    pages: Sequence[Page], folds: int, inner_folds: int = INNER_FOLDS
) -> dict[str, list[CleanedText]]:
    """Our cleaner's output per renderer, each page cleaned by a model not fitted on it (whose
    threshold and smoothing were chosen on the other folds only)."""
    docs = training_docs(pages)
    empty = CleanedText("", (), {}, 0)
    out = {name: [empty] * len(pages) for name in RENDERERS}
    for fold in range(folds):
        fitting = {k: p for k, p in enumerate(pages) if k % folds != fold}
        fitting_docs = [d for d in docs if d.page % folds != fold]
        model = fit_model(fitting_docs, pages=fitting, inner_folds=inner_folds)
        print(
            f"fold {fold + 1}: threshold {model.threshold:.3f}, runs up to"
            f" {model.max_rescued_run}, continued lists from {model.min_list_items} items,"
            f" at most {model.max_share:.0%} of a text"
            f" (on its fitting pages: F1 {model.info['fit_f1']:.3f},"
            f" lines lost {model.info['fit_lines_lost']:.2%})"
        )
        for k, page in enumerate(pages):
            if k % folds == fold:
                for name in RENDERERS:
                    out[name][k] = clean_text(page.texts[name], model=model)
                for name, text in joined_variants(page.texts[RENDERERS[0]]).items():
                    out.setdefault(name, [empty] * len(pages))[k] = clean_text(text, model=model)
    return out


def joined_variants(text: str) -> dict[str, str]:
    """A rendered page as an export that joins each article's lines gives it (one line), and
    that line cut at sentence ends (one sentence per line): the two ways to clean such text."""
    from analysis.corpus.sentences import split_sentences

    one_line = " ".join(line.strip() for line in text.split("\n") if line.strip())
    return {
        JOINED: one_line,
        JOINED_SPLIT: "\n".join(split_sentences(one_line)),
    }


def data_problem(folder: Path) -> str | None:
    """Why ``--data`` is not a benchmark folder (one line naming it), or None: it must be a
    folder holding ``ground-truth.json`` and ``html/``."""
    problem = folder_problem("--data", folder, "the benchmark (html/, ground-truth.json)")
    if problem:
        return problem
    missing = [
        name
        for name, found in (
            ("ground-truth.json", (folder / "ground-truth.json").is_file()),
            ("html/", (folder / "html").is_dir()),
        )
        if not found
    ]
    if missing:
        return f"--data {folder}: no {' and no '.join(missing)} in it; give the benchmark folder"
    return None


def main(args: argparse.Namespace) -> int:
    """Print the table (or, with --fit, write the model fitted on all pages); exit code 2 on a
    --data that is not a benchmark folder."""
    problem = data_problem(args.data)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    pages = load_pages(args.data, args.limit)
    if args.fit:
        model = fit_model(training_docs(pages), pages=pages, inner_folds=args.inner_folds)
        args.fit.write_text(json.dumps(model.to_dict(), indent=1) + "\n", encoding="utf-8")
        print(
            f"wrote {args.fit} ({len(FEATURES)} features, threshold {model.threshold:.3f},"
            f" rescued runs up to {model.max_rescued_run} lines,"
            f" continued lists from {model.min_list_items} items,"
            f" at most {model.max_share:.0%} of a text)"
        )
        return 0
    rows: list[tuple[str, dict[str, float]]] = []
    for name in RENDERERS:
        rows.append((f"whole text ({name})", _score(pages, [p.texts[name] for p in pages])))
        rules = [clean_text(p.texts[name], model=None).text for p in pages]
        rows.append((f"rules only ({name})", _score(pages, rules)))
    ours = held_out(pages, args.folds, args.inner_folds)
    for name in RENDERERS:
        texts = [c.text for c in ours[name]]
        moved = [moved_lines(c) for c in ours[name]]
        rows.append((f"rules + classifier ({name}), held out", _score(pages, texts, moved)))
    for name in (JOINED, JOINED_SPLIT):
        texts = [c.text for c in ours[name]]
        rows.append((f"{name}, held out", _score(pages, texts)))
    for name, extract in _optional_extractors().items():
        rows.append((name, _score(pages, [extract(p.html) for p in pages])))
    print(f"{len(pages)} pages; classifier figures: {args.folds}-fold by page, each page cleaned")
    print("by a model fitted on the other folds (the shipped model is fitted on all pages).")
    print("lines lost: true-body lines under half found in the output; (excl. moved): not")
    print("counting lines the caption/credit rules moved to metadata.")
    print(f"{'':46} {'F1':>6} {'prec':>6} {'recall':>6} {'lines lost':>10} {'(excl. moved)':>13}")
    for label, m in rows:
        body = m.get("lines_lost_body", np.nan)
        print(
            f"{label:46} {m['f1']:6.3f} {m['precision']:6.3f} {m['recall']:6.3f}"
            f" {m['lines_lost']:10.2%} {'' if np.isnan(body) else f'{body:.2%}':>13}"
        )
    return 0
