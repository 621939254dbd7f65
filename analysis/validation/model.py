"""A trainable frame (and tone) coder: TF-IDF word and character n-grams, logistic regression.

One classifier per frame, trained on a human-coded sheet: the features are TF-IDF word 1–2-grams
and character 2–5-grams within word boundaries (sublinear term frequency), fitted once on the
sheet's texts (the IDF sees no labels); each frame gets a logistic regression with balanced
class weights. The regularisation ``C`` is chosen by stratified k-fold cross-validation: one C
for all frames, the one with the best mean F1 over frames (per-frame choice overfits the folds
of rare frames).
Tone, when the sheet has tone codes, gets one multinomial logistic regression chosen on
macro-F1. The reported ``cv_f1`` is the mean F1 over the folds at the chosen ``C``: C was
chosen on those same folds, so it is optimistic; held-out figures come from
``python -m analysis bench frames``.

Saved format and trust: a model folder holds ``model.json`` (settings, vocabularies, frame keys,
cross-validated F1, the SHA-256 of the training sheet) and ``weights.npz`` (IDF and coefficient
arrays, read with ``allow_pickle=False``). Loading parses JSON and numeric arrays only and never
unpickles, so opening a model folder from someone else cannot run code; it can still code
badly, which is why ``python -m analysis validate --model`` measures it against your sheet.

Supervised coders are the validated alternative to dictionaries recommended by Grimmer &
Stewart (2013), Political Analysis 21(3), 267–297.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.config import SEED
from analysis.io import write_bytes, write_text
from analysis.user_warnings import warn_user

FORMAT_VERSION = 1
C_GRID = (0.3, 1.0, 3.0, 10.0, 30.0)
WORD_PARAMS = {"analyzer": "word", "ngram_range": (1, 2), "sublinear_tf": True, "min_df": 1}
CHAR_PARAMS = {"analyzer": "char_wb", "ngram_range": (2, 5), "sublinear_tf": True, "min_df": 2}
MIN_PER_CLASS = 2


class ModelError(ValueError):
    """A model folder or training sheet that cannot be used."""


def _vectorizers(vocab: Mapping[str, Mapping[str, int]] | None = None):
    from sklearn.feature_extraction.text import TfidfVectorizer

    word = TfidfVectorizer(
        lowercase=True, vocabulary=None if vocab is None else vocab["word"], **WORD_PARAMS
    )
    char = TfidfVectorizer(
        lowercase=True, vocabulary=None if vocab is None else vocab["char"], **CHAR_PARAMS
    )
    return word, char


def _stack(word, char, texts: Sequence[str]):
    from scipy.sparse import hstack

    return hstack([word.transform(texts), char.transform(texts)]).tocsr()


@dataclass
class FrameModel:
    """A trained coder: ``predict(texts)`` gives one boolean column per frame (as
    :func:`analysis.frame_matrix` does) and ``predict_tone(texts)`` −1/0/1 classes."""

    keys: list[str]
    word_vocab: dict[str, int]
    char_vocab: dict[str, int]
    word_idf: np.ndarray
    char_idf: np.ndarray
    coef: np.ndarray  # (n_frames, n_features)
    intercept: np.ndarray  # (n_frames,)
    metrics: pd.DataFrame
    sheet_sha256: str = ""
    # text_digest of every training text: validation on the same items is in-sample
    training_digests: list[str] = field(default_factory=list)
    # the doc_id of every training item's article (a sheet from code-sample): an item of another
    # sheet from one of them is not in-sample, yet not held out either (the model knows the
    # article's names, places and wording)
    training_articles: list[str] = field(default_factory=list)
    tone_coef: np.ndarray | None = None  # (3, n_features), classes TONE_CLASSES
    tone_intercept: np.ndarray | None = None
    tone_classes: list[int] = field(default_factory=lambda: [-1, 0, 1])
    settings: dict = field(default_factory=dict)
    _vectors: tuple | None = field(default=None, repr=False)

    @property
    def has_tone(self) -> bool:
        """Whether the model was trained with tone codes."""
        return self.tone_coef is not None

    def version(self) -> str:
        """A short fingerprint of the trained coder (its frames, vocabularies, weights and
        settings): an agreement table records it (``coder_version``), so that a run with
        another model does not quote the agreement measured with this one."""
        digest = hashlib.sha256()
        meta = [self.keys, sorted(self.word_vocab.items()), sorted(self.char_vocab.items())]
        digest.update(json.dumps([meta, self.settings], sort_keys=True, default=str).encode())
        for array in (self.word_idf, self.char_idf, self.coef, self.intercept):
            digest.update(np.ascontiguousarray(array).tobytes())
        return digest.hexdigest()[:12]

    def tone_version(self) -> str:
        """A short fingerprint of the trained tone coder (:meth:`version` and the tone
        weights), or "" for a model without tone: an agreement table's tone row records it,
        so that a run with another tone coder does not quote this one's agreement."""
        if self.tone_coef is None:
            return ""
        digest = hashlib.sha256(self.version().encode())
        for array in (self.tone_coef, self.tone_intercept):
            if array is not None:
                digest.update(np.ascontiguousarray(array).tobytes())
        return digest.hexdigest()[:12]

    def _features(self, texts: Sequence[str] | pd.Series):
        if isinstance(texts, str):
            raise TypeError("pass a sequence of texts, not a single string")
        if self._vectors is None:
            word, char = _vectorizers({"word": self.word_vocab, "char": self.char_vocab})
            word.idf_ = self.word_idf
            char.idf_ = self.char_idf
            self._vectors = (word, char)
        values = ["" if not isinstance(t, str) else t for t in list(texts)]
        return _stack(*self._vectors, values)

    def decision(self, texts: Sequence[str] | pd.Series) -> pd.DataFrame:
        """The logistic regressions' decision values (log-odds minus the frame's tuned
        threshold: a text has the frame when it is above 0), one column per frame."""
        x = self._features(texts)
        scores = np.asarray(x @ self.coef.T) + self.intercept
        return pd.DataFrame(scores, columns=self.keys)

    def predict(self, texts: Sequence[str] | pd.Series) -> pd.DataFrame:
        """One boolean column per frame key, one row per text, in order (fresh RangeIndex)."""
        return (self.decision(texts) > 0).astype(bool)

    def predict_tone(self, texts: Sequence[str] | pd.Series) -> np.ndarray:
        """Tone class per text: −1, 0 or 1 (needs a model trained with tone codes)."""
        if not self.has_tone:
            raise ModelError("this model was trained without tone codes")
        scores = np.asarray(self._features(texts) @ self.tone_coef.T) + self.tone_intercept
        return np.asarray(self.tone_classes)[scores.argmax(axis=1)]

    def save(self, folder: Path | str) -> Path:
        """Write ``model.json`` and ``weights.npz`` into ``folder`` (no pickle; see module)."""
        import io

        import sklearn

        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        arrays = {
            "word_idf": self.word_idf,
            "char_idf": self.char_idf,
            "coef": self.coef,
            "intercept": self.intercept,
        }
        if self.has_tone:
            arrays.update(tone_coef=self.tone_coef, tone_intercept=self.tone_intercept)
        buffer = io.BytesIO()
        np.savez_compressed(buffer, **arrays)
        write_bytes(buffer.getvalue(), folder / "weights.npz")
        meta = {
            "format": FORMAT_VERSION,
            "kind": "newsframe-analysis frame coder",
            "keys": self.keys,
            "tone_classes": self.tone_classes if self.has_tone else None,
            "sheet_sha256": self.sheet_sha256,
            "training_text_digests": self.training_digests,
            "training_doc_ids": self.training_articles,
            "scikit_learn": sklearn.__version__,
            "settings": self.settings,
            "metrics": json.loads(self.metrics.to_json(orient="records")),
            "word_vocabulary": self.word_vocab,
            "char_vocabulary": self.char_vocab,
        }
        write_text(
            json.dumps(meta, ensure_ascii=False, sort_keys=True, indent=1) + "\n",
            folder / "model.json",
        )
        return folder


def text_digest(text: str) -> str:
    """A short SHA-256 digest of ``text`` with its whitespace collapsed (16 hex digits): how a
    model remembers its training items without storing their text, so that validating it on
    those same items can be told apart from validating it on new ones."""
    return hashlib.sha256(" ".join(str(text).split()).encode("utf-8")).hexdigest()[:16]


def in_training(model: FrameModel, texts: Sequence[str] | pd.Series) -> np.ndarray:
    """Which of ``texts`` the ``model`` was trained on (by :func:`text_digest`; all False for a
    model saved before the digests were kept)."""
    known = set(model.training_digests)
    return np.array([text_digest(t) in known for t in list(texts)], dtype=bool)


def same_article_as_training(
    model: FrameModel, texts: Sequence[str] | pd.Series, doc_ids: Sequence[str] | pd.Series
) -> np.ndarray:
    """Which items (``texts`` with their articles' ``doc_ids``) come from an article of the
    ``model``'s training items without being one of them (:func:`in_training` counts those):
    all False for a model that recorded no articles (trained on a sheet without doc_id, or
    before they were kept). A tester's held-out sheet had 22 of 28 such sentences, reported as
    n_in_training 0."""
    known = set(model.training_articles)
    ids = [str(d).strip() for d in list(doc_ids)]
    same = np.array([bool(d) and d in known for d in ids], dtype=bool)
    return same & ~in_training(model, texts)


def run_sentences_in_training(tables_dir: Path | str, model: FrameModel | None) -> tuple[int, int]:
    """``(in training, all)``: how many of a run's sentences (``sentences.csv`` in
    ``tables_dir``) the trained ``model`` was trained on (:func:`in_training`), and how many
    there are; ``(0, 0)`` without a model or the table. A coder codes its training items as its
    coders did, so a share over them repeats the human codes rather than measures."""
    from analysis.io import read_table

    path = Path(tables_dir) / "sentences.csv"
    if model is None or not path.is_file():
        return 0, 0
    sentences = read_table(path, usecols=["sentence"])["sentence"].astype(str)
    return int(in_training(model, sentences).sum()), len(sentences)


def sheet_hash(path: Path | str) -> str:
    """SHA-256 of a file's bytes (the training sheet a model came from)."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _classifier(c: float, multi: bool):
    from sklearn.linear_model import LogisticRegression

    solver = "lbfgs" if multi else "liblinear"
    return LogisticRegression(C=c, class_weight="balanced", max_iter=2000, solver=solver)


def _cv_scores(x, y: np.ndarray, scoring: str, folds: int, seed: int, multi: bool):
    """Mean cross-validated score for each C of :data:`C_GRID` (NaN without two folds)."""
    from sklearn.model_selection import StratifiedKFold, cross_val_score

    k = int(min(folds, np.bincount(pd.factorize(y)[0]).min()))
    if k < 2:
        return np.full(len(C_GRID), np.nan), k
    cv = StratifiedKFold(n_splits=k, shuffle=True, random_state=seed)
    scores = [
        float(np.mean(cross_val_score(_classifier(c, multi), x, y, cv=cv, scoring=scoring)))
        for c in C_GRID
    ]
    return np.asarray(scores), k


def _best_threshold(scores: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """The decision threshold that maximises F1 on (out-of-fold) ``scores`` for labels ``y``,
    and that F1. Every cut between two distinct scores is tried (exactly, by cumulative
    counts); the threshold is the midpoint of the best cut, so it generalises to scores between
    the ones seen. Returns ``(0.0, F1 at 0)`` when ``y`` has no positive."""
    y = np.asarray(y, dtype=int)
    n_pos = int(y.sum())
    if n_pos == 0 or scores.size == 0:
        return 0.0, float(f1_at(scores, y, 0.0))
    order = np.argsort(-scores, kind="stable")
    ranked, hits = scores[order], y[order]
    tp = np.cumsum(hits)
    n_pred = np.arange(1, len(ranked) + 1)
    last = np.r_[ranked[1:] != ranked[:-1], True]  # a cut only after the last of equal scores
    f1 = np.where(last, 2 * tp / (n_pred + n_pos), -1.0)
    i = int(np.argmax(f1))
    below = ranked[i + 1] if i + 1 < len(ranked) else ranked[i] - 1.0
    return float((ranked[i] + below) / 2), float(f1[i])


def f1_at(scores: np.ndarray, y: np.ndarray, threshold: float) -> float:
    """Binary F1 of ``scores > threshold`` against ``y`` (0 when undefined)."""
    pred = np.asarray(scores) > threshold
    y = np.asarray(y, dtype=bool)
    denom = pred.sum() + y.sum()
    return float(2 * (pred & y).sum() / denom) if denom else 0.0


def _oof_decisions(x, y: np.ndarray, c: float, folds: int, seed: int) -> np.ndarray | None:
    """Out-of-fold decision values of the binary classifier at ``C = c`` (None without two
    folds)."""
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    k = int(min(folds, np.bincount(y).min()))
    if k < 2:
        return None
    cv = StratifiedKFold(n_splits=k, shuffle=True, random_state=seed)
    return cross_val_predict(_classifier(c, False), x, y, cv=cv, method="decision_function")


def train_frame_model(
    texts: Sequence[str] | pd.Series,
    labels: pd.DataFrame,
    *,
    tone: Sequence[float] | pd.Series | None = None,
    folds: int = 5,
    seed: int = SEED,
    sheet_sha256: str = "",
    tune_thresholds: bool = True,
    drop_uninformative: bool = True,
    codebook_f1: Mapping[str, float] | None = None,
    training_articles: Sequence[str] = (),
) -> FrameModel:
    """Train one classifier per frame column of ``labels`` (1/0, NaN = not coded).

    ``training_articles`` (the ``doc_id`` of the sheet's items, when it has them) is recorded
    with the model, so that ``validate --model`` counts the items of a sheet that come from the
    same articles as its training items (:func:`same_article_as_training`).

    Each frame is trained on the texts coded for it; a frame needs at least
    :data:`MIN_PER_CLASS` coded 1s and 0s: one with fewer is left out with a warning when
    ``drop_uninformative`` (a run's codebook codes it), else a :class:`ModelError` names it.
    ``tone`` (−1/0/1, NaN = not coded) adds a tone classifier. Deterministic for a ``seed``.
    Returns a :class:`FrameModel` whose ``metrics`` table holds, per frame, the chosen ``C``,
    the cross-validated F1 (tone: macro-F1) at that C, the folds and the class counts.

    With ``tune_thresholds`` (the default) each frame gets its own decision threshold: for every
    C of :data:`C_GRID` the out-of-fold decision values of each frame are computed, each frame's
    threshold is the one maximising F1 on them, and the C with the best mean of those F1s over
    the frames is kept. Everything is chosen on ``texts`` only (cross-validation); the
    threshold is folded into the intercept, so :meth:`FrameModel.predict` stays
    ``decision > 0`` and the saved format is unchanged (``metrics`` gains ``threshold``).

    A frame whose cross-validated F1 is no better than marking every item with it
    (:func:`marks_every_item`: a rare frame whose best threshold lies below every score) has
    learned nothing: with ``drop_uninformative`` (the default) it is left out of the model, so a
    run's codebook codes it, and its ``metrics`` row says ``kept`` False. A tester's model had two
    such frames, which a run then reported in 100% of sentences. So is a frame whose
    cross-validated F1 is below ``codebook_f1[frame]``, the codebook's F1 on the same coded
    items (in ``baseline_f1``): a tester's model kept a frame at 0.31 beside the codebook's
    0.41, and a run coded it with the worse coder (the model's figure is the optimistic one, so
    a frame it drops is worse still). The benchmarks pass False, to score every frame the
    classifier was trained for. A :class:`ModelError` when no frame is kept and there is no
    tone to code.
    """
    values = ["" if not isinstance(t, str) else t for t in list(texts)]
    if len(values) != len(labels):
        raise ModelError(f"{len(values)} texts but {len(labels)} label rows")
    if folds < 2:
        raise ModelError(f"cross-validation needs at least 2 folds, got {folds}")
    if len(values) < 2 * MIN_PER_CLASS:
        raise ModelError(
            f"{len(values)} coded items are too few to train on: at least {2 * MIN_PER_CLASS}"
        )
    too_few = []
    for key in labels.columns:  # before the vocabulary, which a sheet of one item cannot give
        y = labels[key].to_numpy(dtype=float)
        yk = y[~np.isnan(y)]
        n_pos, n_neg = int((yk == 1).sum()), int((yk == 0).sum())
        if n_pos < MIN_PER_CLASS or n_neg < MIN_PER_CLASS:
            message = (
                f"frame {key!r}: needs at least {MIN_PER_CLASS} items coded 1 and "
                f"{MIN_PER_CLASS} coded 0 to train; the sheet has {n_pos} and {n_neg}"
            )
            if not drop_uninformative:
                raise ModelError(message)
            too_few.append((key, message))
    if too_few:
        # a scholar's sheet had one item of one of her six frames, and `train` stopped: that
        # frame is left to the codebook, as a frame the model learns nothing of is
        if len(too_few) == len(labels.columns) and tone is None:
            raise ModelError("no frame can be trained: " + "; ".join(m for _, m in too_few))
        warn_user(
            "left out of the model (a run codes them with the codebook): "
            + "; ".join(message for _, message in too_few)
        )
        labels = labels.drop(columns=[key for key, _ in too_few])
    word, char = _vectorizers()
    word.fit(values)
    char.fit(values)
    x_all = _stack(word, char, values)
    coded_masks, targets, cv_table, ks, counts = {}, {}, {}, {}, {}
    thresholds: dict[str, list[float]] = {}
    for key in labels.columns:
        y = labels[key].to_numpy(dtype=float)
        coded = ~np.isnan(y)
        yk = y[coded].astype(int)
        n_pos, n_neg = int((yk == 1).sum()), int((yk == 0).sum())
        coded_masks[key], targets[key], counts[key] = coded, yk, n_pos
        if tune_thresholds:
            tuned = []
            for c_value in C_GRID:
                oof = _oof_decisions(x_all[coded], yk, c_value, folds, seed)
                tuned.append((np.nan, 0.0) if oof is None else _best_threshold(oof, yk)[::-1])
            cv_table[key] = np.array([f for f, _ in tuned])
            thresholds[key] = [t for _, t in tuned]
            ks[key] = int(min(folds, n_pos, n_neg))
        else:
            cv_table[key], ks[key] = _cv_scores(x_all[coded], yk, "f1", folds, seed, multi=False)
            thresholds[key] = [0.0] * len(C_GRID)
    # One C for all frames, the one with the best mean cross-validated F1 over the frames:
    # choosing per frame overfits the folds of rare frames (a handful of positives).
    grid = np.vstack([*cv_table.values(), np.full(len(C_GRID), np.nan)])
    mean = np.nanmean(grid, axis=0) if np.isfinite(grid).any() else np.zeros(len(C_GRID))
    best = int(np.nanargmax(np.where(np.isfinite(mean), mean, -1.0)))
    c = C_GRID[best]
    coefs, intercepts, rows, kept_keys = [], [], [], []
    for key in labels.columns:
        n_coded = int(coded_masks[key].sum())
        cv_f1 = float(cv_table[key][best])
        baseline = float((codebook_f1 or {}).get(key, np.nan))
        worse = bool(np.isfinite(baseline) and cv_f1 < baseline)
        kept = not (drop_uninformative and (marks_every_item(cv_f1, counts[key], n_coded) or worse))
        threshold = float(thresholds[key][best])
        threshold = threshold if np.isfinite(threshold) else 0.0
        if kept:
            clf = _classifier(c, multi=False).fit(x_all[coded_masks[key]], targets[key])
            coefs.append(clf.coef_[0])
            intercepts.append(float(clf.intercept_[0]) - threshold)
            kept_keys.append(key)
        rows.append(
            {
                "frame": key,
                "C": c,
                "cv_f1": cv_f1,
                "folds": ks[key],
                "n": n_coded,
                "n_positive": counts[key],
                "threshold": threshold,
                "kept": kept,
                "baseline_f1": baseline,
            }
        )
    if not kept_keys and tone is None:
        raise ModelError(
            "no frame was learned: for every frame the cross-validated F1 is no better than "
            "marking every item with it (the sheet has too few items coded 1) or than the "
            "codebook's on the same items; code more items"
        )
    model = FrameModel(
        keys=kept_keys,
        word_vocab={t: int(i) for t, i in word.vocabulary_.items()},
        char_vocab={t: int(i) for t, i in char.vocabulary_.items()},
        word_idf=word.idf_.astype(float),
        char_idf=char.idf_.astype(float),
        coef=np.asarray(coefs, dtype=float).reshape(len(coefs), x_all.shape[1]),
        intercept=np.asarray(intercepts, dtype=float),
        metrics=pd.DataFrame(),
        sheet_sha256=sheet_sha256,
        training_digests=sorted({text_digest(v) for v in values}),
        training_articles=sorted({str(a).strip() for a in training_articles} - {""}),
        settings={
            "word": WORD_PARAMS,
            "char": CHAR_PARAMS,
            "C_grid": list(C_GRID),
            "folds": folds,
            "seed": seed,
            "tune_thresholds": tune_thresholds,
        },
    )
    if tone is not None:
        t = np.asarray(tone, dtype=float)
        coded = ~np.isnan(t)
        yt = t[coded].astype(int)
        present = sorted(set(yt.tolist()))
        if len(present) < 2:
            raise ModelError(f"tone: needs at least two different coded classes; found {present}")
        scores, k = _cv_scores(x_all[coded], yt, "f1_macro", folds, seed, multi=True)
        best_t = int(np.nanargmax(np.where(np.isfinite(scores), scores, -1.0)))
        c, f1 = C_GRID[best_t], float(scores[best_t])
        baseline = vader_macro_f1([v for v, keep in zip(values, coded, strict=True) if keep], yt)
        tone_kept = not (drop_uninformative and f1 < baseline)  # worse than VADER
        rows.append(
            {
                "frame": "tone",
                "C": c,
                "cv_f1": f1,
                "folds": k,
                "n": int(coded.sum()),
                "n_positive": int((yt != 0).sum()),
                "threshold": np.nan,
                "kept": tone_kept,
                "baseline_f1": baseline,
            }
        )
        if not tone_kept and not kept_keys:
            raise ModelError(
                f"nothing was learned: no frame beats marking every item, and tone's "
                f"cross-validated macro-F1 {f1:.2f} is below VADER's {baseline:.2f} on "
                "the same items; code more items"
            )
    if tone is not None and tone_kept:
        clf = _classifier(c, multi=True).fit(x_all[coded], yt)
        coef = np.zeros((3, x_all.shape[1]))
        intercept = np.full(3, -np.inf)
        for row, cls in enumerate(clf.classes_):
            pos = [-1, 0, 1].index(int(cls))
            if len(clf.classes_) == 2:  # binary: one coefficient row for classes_[1]
                coef[pos] = clf.coef_[0] if row == 1 else -clf.coef_[0]
                intercept[pos] = clf.intercept_[0] if row == 1 else -clf.intercept_[0]
            else:
                coef[pos], intercept[pos] = clf.coef_[row], clf.intercept_[row]
        model.tone_coef, model.tone_intercept = coef, intercept
    model.metrics = pd.DataFrame(rows, columns=METRICS_COLUMNS)
    return model


METRICS_COLUMNS = [
    "frame",
    "C",
    "cv_f1",
    "folds",
    "n",
    "n_positive",
    "threshold",
    "kept",
    # what the trained coder must beat on the same coded items: tone, VADER's macro-F1; a
    # frame, the codebook's F1 (when train was given the codebook)
    "baseline_f1",
]


def vader_macro_f1(texts: Sequence[str], tone: np.ndarray) -> float:
    """VADER's macro-F1 (its classes as a run reads them, over the classes either side used) on
    ``texts`` coded ``tone`` (−1/0/1): what a trained tone coder must beat to be worth using.
    A tester's coder, cross-validated at 0.35, was kept beside VADER's 0.21 kappa and 0.49 F1."""
    from analysis.sentiment.scoring import score_sentences, tone_class
    from analysis.validation.agreement import tone_agreement

    if not len(texts):
        return float("nan")
    vader = tone_class(score_sentences(list(texts), "vader")["compound"])
    return float(tone_agreement(tone, vader, n_boot=0)["f1"])


def marks_every_item(cv_f1: float, n_positive: int, n: int) -> bool:
    """Whether a frame's cross-validated F1 is no better than marking every one of the ``n``
    items with it, ``n_positive`` of them rightly: 2p / (1 + p) with p = ``n_positive`` / ``n``
    (the F1 of the threshold below every score, which :func:`_best_threshold` picks when the
    classifier ranks nothing better)."""
    if n <= 0 or n_positive <= 0:
        return False
    share = n_positive / n
    return bool(cv_f1 <= 2 * share / (1 + share) + 1e-9)


def load_frame_model(folder: Path | str) -> FrameModel:
    """Load a model saved by :meth:`FrameModel.save` (JSON and numeric arrays only; never
    unpickles, so a folder from elsewhere cannot run code when loaded)."""
    folder = Path(folder)
    meta_path, weights_path = folder / "model.json", folder / "weights.npz"
    for path in (meta_path, weights_path):
        if not path.is_file():
            raise ModelError(
                f"model {folder}: {path.name} not found (train one with `python -m analysis train`)"
            )
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ModelError(f"model {folder}: model.json is not valid JSON: {exc}") from exc
    if meta.get("format") != FORMAT_VERSION:
        raise ModelError(f"model {folder}: unknown format {meta.get('format')!r}")
    with np.load(weights_path, allow_pickle=False) as data:
        arrays = {k: data[k] for k in data.files}
    has_tone = "tone_coef" in arrays
    return FrameModel(
        keys=list(meta["keys"]),
        word_vocab=dict(meta["word_vocabulary"]),
        char_vocab=dict(meta["char_vocabulary"]),
        word_idf=arrays["word_idf"],
        char_idf=arrays["char_idf"],
        coef=arrays["coef"],
        intercept=arrays["intercept"],
        metrics=pd.DataFrame(meta.get("metrics", [])),
        sheet_sha256=meta.get("sheet_sha256", ""),
        training_digests=list(meta.get("training_text_digests", [])),
        training_articles=list(meta.get("training_doc_ids", [])),
        tone_coef=arrays.get("tone_coef") if has_tone else None,
        tone_intercept=arrays.get("tone_intercept") if has_tone else None,
        tone_classes=list(meta.get("tone_classes") or [-1, 0, 1]),
        settings=meta.get("settings", {}),
    )
