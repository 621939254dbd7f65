"""The boilerplate classifier scores a page with its repeated lines in place (clean_text).

A tester's two CNN and two Fox pages under one outlet each kept 206 sentences, where under four
outlets they kept 137: the site's menus went first as lines repeated across the outlet's pages,
and the classifier, whose features read a line's neighbours and place, then scored the teasers
and footers left among the article's lines as article."""

from __future__ import annotations

import numpy as np

from analysis.corpus.boilerplate_model import BoilerplateModel, default_model
from analysis.corpus.cleaning import clean_text, template_lines

MENU = ["Home", "World", "Politics", "Sign in", "Top clips for you"]
ARTICLE = [
    "The council approved the new budget on Monday after a long debate, officials said.",
    "Tornado rips through Oklahoma town",
    "Critics said the plan would leave the city's libraries short of money for years.",
]
OTHER = [
    "Storm closes the highway for a second day as snow keeps falling, police said.",
    "Schools stay shut while crews clear the roads, the district said on Tuesday.",
]


class _AfterVideos(BoilerplateModel):
    """Drops a short line (under 8 words) below "Top clips for you" in the texts it is given: a
    score that depends on a line's context, as the shipped model's features do."""

    def scores(self, texts):
        below = np.cumsum([text == "Top clips for you" for text in texts]) > 0
        short = np.array([len(text.split()) < 8 for text in texts])
        return (below & short).astype(float)

    def drop_mask(self, scores, texts):
        return np.asarray(scores) > 0.5


def _model() -> _AfterVideos:
    return _AfterVideos.from_dict(default_model().to_dict())


def _kept(outlets: list[str]) -> list[str]:
    page = "\n".join([*MENU, *ARTICLE])
    other = "\n".join([*MENU, *OTHER])
    template = template_lines([page, other], outlets)[0]
    return clean_text(page, "p1", model=_model(), template=template).text.splitlines()


def test_a_teaser_goes_whether_the_menu_repeats_in_the_outlet_or_not() -> None:
    apart = _kept(["CNN", "Fox News"])  # the menu is no outlet's template
    together = _kept(["CNN", "CNN"])  # the menu goes first, as repeated lines
    assert "Tornado rips through Oklahoma town" not in together
    assert "Tornado rips through Oklahoma town" not in apart
    assert [line for line in together if line in ARTICLE] == [ARTICLE[0], ARTICLE[2]]
    assert "Top clips for you" not in together  # the repeated lines themselves still go
