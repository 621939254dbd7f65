"""The article-extraction benchmark's metric (ported), line labels, and fitting on made-up pages."""

from __future__ import annotations

import numpy as np
import pytest

from analysis.bench import cleaning as bench
from analysis.corpus.boilerplate_model import BoilerplateModel
from analysis.corpus.cleaning import clean_text


def test_shingles_follow_the_benchmark() -> None:
    assert bench.shingles("a b c d e") == {("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1}
    assert bench.shingles("a b") == {("a", "b"): 1}  # shorter than 4: one shingle
    assert bench.shingles("") == {}


def test_tp_fp_fn_and_page_metrics_by_hand() -> None:
    true = "one two three four five"  # shingles: 1234, 2345
    pred = "one two three four six"  # shingles: 1234, 2346
    assert bench.shingle_tp_fp_fn(true, pred) == pytest.approx((1 / 3, 1 / 3, 1 / 3))
    m = bench.page_metrics([(1 / 3, 1 / 3, 1 / 3), (1.0, 0.0, 0.0)])
    assert m["precision"] == pytest.approx(0.75) and m["recall"] == pytest.approx(0.75)
    assert m["f1"] == pytest.approx(0.75)


def test_body_lines_lost_counts_missing_lines() -> None:
    true = "alpha beta gamma delta epsilon\nshort one\nzeta eta theta iota kappa"
    pred = "alpha beta gamma delta epsilon\nshort one"
    assert bench.body_lines_lost(true, pred) == (1, 3)


def test_label_lines_marks_body_lines_zero() -> None:
    body = "Heading\nThe minister said the talks would resume next week in Geneva."
    lines = [
        "Menu",
        "Heading",
        "The minister said the talks would resume next week in Geneva.",
        "Share on Facebook",
    ]
    assert bench.label_lines(lines, body).tolist() == [1, 0, 0, 1]


def _made_up_pages(n: int) -> list[bench.Page]:
    rng = np.random.default_rng(0)
    words = [
        "the",
        "a",
        "of",
        "and",
        "to",
        "in",
        "council",
        "said",
        "would",
        "that",
        "was",
        "for",
        "on",
        "city",
        "plan",
    ]
    pages = []
    for k in range(n):
        body = "\n".join(
            " ".join(rng.choice(words, 25)).capitalize() + f" item{k}x{j}." for j in range(5)
        )
        chrome_top = "\n".join(f"Section{j}" for j in range(6))
        chrome_end = "\n".join(f"Other Story Number {j} Here" for j in range(4))
        text = f"{chrome_top}\n{body}\n{chrome_end}"
        pages.append(bench.Page(f"p{k}", "", body, {name: text for name in bench.RENDERERS}))
    return pages


def test_fit_model_writes_a_usable_model() -> None:
    pytest.importorskip("sklearn")
    pages = _made_up_pages(6)
    model = bench.fit_model(bench.training_docs(pages))
    again = BoilerplateModel.from_dict(model.to_dict())
    assert 0.5 <= again.threshold < 1
    lines = pages[0].texts["html-text"].split("\n")
    drop = again.scores(lines) >= again.threshold
    assert not drop[6:11].any()  # the article lines stay
    assert drop[:6].sum() + drop[11:].sum() >= 6  # most chrome goes


def test_score_counts_lines_moved_to_metadata_apart() -> None:
    body = "A first line of the body text here.\nPhoto: Jane Roe/Reuters\nA last line of it."
    page = bench.Page("p", "", body, {})
    pred = "A first line of the body text here.\nA last line of it."
    # the credit first: a line right above it would be taken for its caption
    cleaned = clean_text("Photo: Jane Roe/Reuters\nA first line of the body text here.", model=None)
    moved = bench.moved_lines(cleaned)
    assert moved == "Photo: Jane Roe/Reuters"
    scored = bench._score([page], [pred], [moved])
    assert scored["lines_lost"] == pytest.approx(1 / 3)
    assert scored["lines_lost_body"] == 0.0
    assert np.isnan(bench._score([page], [pred])["lines_lost_body"])


def test_smoothing_is_chosen_on_pages_each_cleaned_by_a_model_not_fitted_on_it() -> None:
    pytest.importorskip("sklearn")
    pages = _made_up_pages(6)
    docs = bench.training_docs(pages)
    inner = bench._inner_models(docs, bench.TARGET_LINES_LOST, 3)
    assert sorted(inner) == list(range(6))
    for k, model in inner.items():  # fitted on the 4 pages of the other two inner folds
        assert model.info["fitted_on"].startswith("4 pages")
        assert inner[(k + 3) % 6] is model  # ids[j::3]: pages k and k+3 share an inner fold
    model = bench.fit_model(docs, pages=pages, inner_folds=3)
    assert model.max_rescued_run in bench.RESCUE_RUNS
    assert model.min_list_items in bench.LIST_ITEMS
    assert "each cleaned by a model fitted on the others" in model.info["smoothing_chosen_on"]
    assert 0.0 <= model.info["fit_lines_lost"] <= 1.0


def test_joined_variants_join_lines_and_cut_at_sentence_ends() -> None:
    text = "Home\nNews\n\nThe council met on Monday. It approved the budget.\nShare this\n"
    variants = bench.joined_variants(text)
    assert variants[bench.JOINED] == (
        "Home News The council met on Monday. It approved the budget. Share this"
    )
    # a menu without a full stop stays in the sentence it was joined to
    assert variants[bench.JOINED_SPLIT].split("\n") == [
        "Home News The council met on Monday.",
        "It approved the budget.",
        "Share this",
    ]


def test_smoothing_keeps_continued_lists_unless_turning_them_off_loses_fewer_lines() -> None:
    # a fold turned continued lists off for a thousandth of F1 on its fitting pages, and its
    # held-out page lost a 20-line list (session 69)
    on = bench.rescue_key(share=0.02, f1=0.870, run=20, items=4, most=0.9)
    off = bench.rescue_key(share=0.02, f1=0.871, run=20, items=0, most=0.9)
    assert on > off
    # fewer lines lost still comes first, and F1 decides between settings with lists alike
    assert bench.rescue_key(0.019, 0.86, 20, 0, 0.9) > on
    assert bench.rescue_key(0.02, 0.871, 50, 4, 0.9) > on
