"""The boilerplate line classifier: features, the JSON model, and its use in clean_text."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from sample_text import ARTICLE

from analysis.corpus.boilerplate_model import (
    FEATURES,
    BoilerplateModel,
    continued_list,
    default_model,
    line_features,
    rescue_runs,
    stage2_features,
)
from analysis.corpus.cleaning import RULES, clean_text

CHROME_TOP = ["Home", "World", "Business", "Sport", "Opinion", "Culture", "Newsletters"]
CHROME_END = [
    "More from this section",
    "Bus Fares Rise Again In Capital",
    "Ten Things To Do This Weekend",
    "Contact | Advertise | Careers | Privacy",
    "© 2024 Example Media Group",
]
PAGE = "\n".join([*CHROME_TOP, *ARTICLE, *CHROME_END])


def test_features_one_row_per_line_in_declared_order() -> None:
    x = line_features(["Home", ARTICLE[0], ""])
    assert x.shape == (3, len(FEATURES))
    col = {name: k for k, name in enumerate(FEATURES)}
    assert x[1, col["stop_share"]] > 0.3 > x[0, col["stop_share"]]
    assert x[1, col["ends_sentence"]] == 1.0 and x[0, col["ends_sentence"]] == 0.0
    assert x[0, col["next_is_prose"]] == 1.0 and x[1, col["prev_is_prose"]] == 0.0
    assert line_features([]).shape == (0, len(FEATURES))


def test_features_ignore_the_bullet_marker_only_some_renderers_write() -> None:
    # inscriptis renders <li> as "* x" (normalised to "- x"), html-text as "x": same features
    plain = ["Qualified teams:", "England (Group A): 10th appearance", "Spain 2024", *ARTICLE]
    marked = [plain[0], *(f"- {line}" for line in plain[1:3]), *ARTICLE]
    assert np.array_equal(line_features(marked), line_features(plain))


def test_stage2_adds_six_context_scores() -> None:
    base = line_features(ARTICLE)
    assert stage2_features(base, np.zeros(len(ARTICLE))).shape == (4, len(FEATURES) + 6)


def test_model_round_trips_through_json_form_and_checks_features() -> None:
    model = default_model()
    assert model is not None
    again = BoilerplateModel.from_dict(model.to_dict())
    lines = PAGE.split("\n")
    np.testing.assert_allclose(again.scores(lines), model.scores(lines), atol=1e-4)
    bad = model.to_dict()
    bad["features"] = ["something_else"]
    with pytest.raises(ValueError, match="refit"):
        BoilerplateModel.from_dict(bad)


def test_scores_are_probabilities_and_article_lines_score_low() -> None:
    model = default_model()
    assert model is not None
    scores = model.scores(PAGE.split("\n"))
    assert ((scores >= 0) & (scores <= 1)).all()
    article = scores[len(CHROME_TOP) : len(CHROME_TOP) + len(ARTICLE)]
    assert (article < model.threshold).all()


def test_clean_text_removes_menus_and_footers_with_scored_audit_entries() -> None:
    out = clean_text(PAGE, doc_id="d1")
    lines = out.text.split("\n")
    assert [line for line in lines if line in ARTICLE] == ARTICLE
    assert len(lines) <= len(ARTICLE) + 1  # at most the label right above the article stays
    model_entries = [e for e in out.audit if e.rule == "boilerplate_model"]
    assert len(model_entries) >= 4  # "Home" and "Newsletters" are already rule-removed
    for entry in model_entries:
        assert entry.action == "removed" and entry.result.startswith("score=")
        assert float(entry.result.removeprefix("score=")) >= default_model().threshold
        assert entry.original not in ARTICLE
    assert "boilerplate_model" in RULES
    removed = {e.original for e in out.audit if e.action == "removed"}
    assert removed | set(lines) == set(PAGE.split("\n"))  # every line kept or in the audit


def test_clean_text_with_classifier_is_idempotent() -> None:
    out = clean_text(PAGE)
    assert clean_text(out.text).text == out.text


def test_model_none_is_rules_only() -> None:
    out = clean_text(PAGE, model=None)
    assert "World" in out.text and "Business" in out.text
    assert not any(e.rule == "boilerplate_model" for e in out.audit)


def test_article_without_chrome_comes_out_whole() -> None:
    text = "\n".join(ARTICLE)
    assert clean_text(text).text == text


def test_classifier_never_takes_most_of_a_text() -> None:
    listing = "\n".join(f"Item number {k}" for k in range(12))
    assert clean_text(listing).text == listing


def test_the_share_a_model_may_take_is_its_own_and_round_trips() -> None:
    # one short article line under a long menu: the menu is most of the text's characters
    sections = ["World", "Business", "Politics", "Economy", "Science", "Health", "Travel"]
    sections += ["Markets", "Climate", "Education", "Books", "Music", "Film", "Food", "Cars"]
    sections += ["Jobs", "Property", "Puzzles", "Crosswords", "Obituaries", "Letters", "Archive"]
    menu = [*sections, *(f"{w} Today" for w in sections), *(f"Local {w}" for w in sections)]
    page = "\n".join([*menu, ARTICLE[0]])
    shipped = default_model()
    assert shipped is not None
    taken = sum(len(line) for line in menu) / len(page.replace("\n", ""))
    assert 0.8 < taken < 0.95
    kept = clean_text(page, model=replace(shipped, max_share=0.8)).text.split("\n")
    cleaned = clean_text(page, model=replace(shipped, max_share=0.95)).text
    assert "Local Archive" in kept  # more than 80% would go: the menu stays
    assert cleaned == ARTICLE[0]
    again = BoilerplateModel.from_dict(replace(shipped, max_share=0.9).to_dict())
    assert again.max_share == 0.9
    older = shipped.to_dict()
    del older["max_share"]  # a model written before the share was fitted
    assert BoilerplateModel.from_dict(older).max_share == 0.8


def test_rescue_runs_only_short_runs_between_kept_lines() -> None:
    drop = np.array([1, 1, 0, 1, 0, 1, 1, 1, 0, 1], dtype=bool)
    # leading and trailing runs never; the run of 1 and (with max 3) the run of 3 inside
    assert rescue_runs(drop, 1).tolist() == [0, 0, 0, 1, 0, 0, 0, 0, 0, 0]
    assert rescue_runs(drop, 3).tolist() == [0, 0, 0, 1, 0, 1, 1, 1, 0, 0]
    assert not rescue_runs(drop, 0).any()
    assert not rescue_runs(np.zeros(0, dtype=bool), 5).any()


def test_list_items_between_paragraphs_stay_and_run_length_round_trips() -> None:
    shipped = default_model()
    assert shipped is not None
    model = replace(shipped, threshold=0.15)  # strict enough to misjudge the list items
    items = ["England (Group A): 10th appearance", "Spain (Group F): 11th appearance"]
    page = "\n".join([*CHROME_TOP, ARTICLE[0], ARTICLE[1], *items, ARTICLE[2], *CHROME_END])
    without = clean_text(page, model=replace(model, max_rescued_run=0)).text.split("\n")
    with_rescue = clean_text(page, model=replace(model, max_rescued_run=5)).text.split("\n")
    assert all(item in with_rescue for item in items)
    assert not any(item in without for item in items)  # the classifier alone drops them
    assert "Home" not in with_rescue and "© 2024 Example Media Group" not in with_rescue
    again = BoilerplateModel.from_dict(replace(model, max_rescued_run=7).to_dict())
    assert again.max_rescued_run == 7


TEAMS = [
    "England (Group A): 10th appearance",
    "Spain (Group F): 11th appearance",
    "Sweden (Group F): Seventh appearance",
    "Poland (Group G): Fourth appearance",
    "France (Group H): 10th appearance",
]


def _drop_after(lines: list[str], last_kept: int) -> np.ndarray:
    drop = np.ones(len(lines), dtype=bool)
    drop[: last_kept + 1] = False
    return drop


def test_continued_list_keeps_a_parallel_list_under_a_heading() -> None:
    lines = [ARTICLE[0], "Qualified teams", *TEAMS, "Jane Roe", "Sports Writer"]
    got = continued_list(_drop_after(lines, 1), lines, 4)
    assert got.tolist() == [False, False, *[True] * len(TEAMS), False, False]
    colon = [ARTICLE[0], "These teams are through:", *TEAMS]
    assert continued_list(_drop_after(colon, 1), colon, 4)[2:].all()
    bullets = [ARTICLE[0], "Qualified teams", *(f"- {t}" for t in TEAMS)]  # inscriptis' bullets
    assert continued_list(_drop_after(bullets, 1), bullets, 4)[2:].all()


def test_continued_list_needs_an_introduction_shared_punctuation_and_enough_items() -> None:
    after_sentence = [ARTICLE[0], *TEAMS]  # the article ended on a sentence: chrome may follow
    assert not continued_list(_drop_after(after_sentence, 0), after_sentence, 4).any()
    menu = [ARTICLE[0], "More from this section", *CHROME_TOP]  # no shared punctuation
    assert not continued_list(_drop_after(menu, 1), menu, 4).any()
    short = [ARTICLE[0], "Qualified teams", *TEAMS[:3]]
    assert not continued_list(_drop_after(short, 1), short, 4).any()
    assert continued_list(_drop_after(short, 1), short, 3)[2:].all()
    lines = [ARTICLE[0], "Qualified teams", *TEAMS]
    assert not continued_list(_drop_after(lines, 1), lines, 0).any()  # off
    assert not continued_list(np.ones(len(lines), dtype=bool), lines, 4).any()  # nothing kept
    mixed = [ARTICLE[0], "Qualified teams", TEAMS[0], TEAMS[1], "Spain: 11th", *TEAMS[2:]]
    assert not continued_list(_drop_after(mixed, 1), mixed, 4).any()  # the run breaks at 2


def test_closing_list_stays_in_clean_text_and_setting_round_trips() -> None:
    shipped = default_model()
    assert shipped is not None
    page = "\n".join([*CHROME_TOP, *ARTICLE, "Qualified teams", *TEAMS, *CHROME_END])
    # strict enough to drop every team, lenient enough to keep the heading: a threshold between
    # the shipped model's scores of the two on the lines the rules leave
    lines = clean_text(page, model=None).text.split("\n")
    score = dict(zip(lines, shipped.scores(lines), strict=True))
    heading, teams = score["Qualified teams"], min(score[team] for team in TEAMS)
    assert heading < teams
    model = replace(shipped, threshold=(heading + teams) / 2, max_rescued_run=0)
    without = clean_text(page, model=replace(model, min_list_items=0))
    with_lists = clean_text(page, model=replace(model, min_list_items=4))
    assert not all(team in without.text.split("\n") for team in TEAMS)  # the classifier alone
    assert all(team in with_lists.text.split("\n") for team in TEAMS)
    removed = {e.original for e in with_lists.audit if e.action == "removed"}
    assert set(CHROME_END) <= removed  # the chrome after the list still goes, in the audit
    assert not any(line in with_lists.text.split("\n") for line in CHROME_END)
    again = BoilerplateModel.from_dict(replace(model, min_list_items=6).to_dict())
    assert again.min_list_items == 6
