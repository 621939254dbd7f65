"""Furniture that pages pasted from a browser kept after 0.1's rules: paywalls, reader appeals,
consent banners, relative time stamps, newsletter blurbs, buttons of other languages.

Lines written after a tester's pastes of pages modelled on a local paper's paywall, the
Guardian's and the Independent's appeals and consent banners, Yahoo's portal, a Sky live blog,
Politico's newsletter box, El País and Substack; each is a kind, not one site's line."""

from __future__ import annotations

import pytest
from cleaning_cases import PROSE, assert_kept, assert_removed, clean_lines

HITS = {
    "subscribe_prompt": [
        "You've reached your limit of free articles.",
        "Please log in, or sign up for a new account and purchase a subscription to continue "
        "reading.",
        "Print subscribers get free unlimited digital access.",
        "Your current subscription does not provide access to this content.",
        "Please click here to upgrade your subscription.",
        "Suscríbete para seguir leyendo",
        "A weekly rundown of the biggest stories and news in global trade.",
        "Sign up to This is Europe",
        "Your support helps us to tell the story",
        "Your donation allows us to keep sending journalists to speak to both sides of the story.",
        "Your support makes all the difference.",
        "But that means we rely on readers like you to support us.",
        "Before you move on, I was hoping you would consider taking the step of supporting the "
        "Herald's journalism.",
        "I hope you appreciated this article.",
    ],
    "cookie_notice": [
        "With your permission we and our partners may use precise geolocation data and "
        "identification through device scanning.",
        "You may click to consent to our and our 857 partners’ processing as described above.",
        "Your preferences will apply to this website only.",
        "If you do not want us and our partners to use cookies and personal data for these "
        "additional purposes, click 'Reject all'.",
        "When you use our sites and apps, we use cookies to:",
    ],
    "site_chrome": [
        "Just now",
        "Last modified on Tue 1 Jul 2025 16.05 BST",
        "Compartir en Whatsapp", "Partager sur Facebook", "Copiar enlace",
        "Your notification has been saved.", "There was a problem saving your notification.",
        "WATCH: The moment the bridge gave way",
        "Storm Darragh: Watch the moment waves crash over the seafront",
        "Harbourside is part of the Harbourside family of brands.",
        "We value your privacy", "Story continues", "Search the web",
        "Privacy ∙ Terms ∙ Collection notice", "Get the app",
    ],
    "audio_prompt": ["Listen to the Harbour Daily on Apple Podcasts, Spotify, Spreaker"],
    "sign_in_prompt": ["Please log in to use this feature"],
}  # fmt: skip

NEAR_MISSES = [
    # news that uses the same words
    "Patients must give their consent before their personal data is shared, the regulator said.",
    "The daily briefing from the ministry was cancelled on Monday.",
    "Subscribers to the service rose 12% in the quarter, the company reported.",
    "The council said it would rely on volunteers to keep the library open.",
    "Readers wrote in their thousands to support the campaign, the editor said.",
    "Your support for the bill will matter in November, she told the crowd.",
    "Three people were rescued 17 minutes after the alarm was raised.",
    "Watch the moment, the coach told his players before the final.",
    "Officials said the archive was last updated in 2019 and had gaps.",
    "Sign up to vote by Friday, election officials urged residents.",
]


@pytest.mark.parametrize(
    ("rule", "line"), [(r, line) for r, lines in HITS.items() for line in lines]
)
def test_furniture_of_pasted_pages_goes(rule: str, line: str) -> None:
    assert_removed(line, rule)


@pytest.mark.parametrize("line", NEAR_MISSES)
def test_news_with_its_words_stays(line: str) -> None:
    assert_kept(line)


@pytest.mark.parametrize("stamp", ["17 minutes ago", "1 hour ago", "32M ago", "2 days ago"])
def test_a_relative_time_stamp_leaves_the_text(stamp: str) -> None:
    # a live blog's entries: one goes to the metadata as the dateline, the rest as chrome
    lines = clean_lines(PROSE[0], stamp, PROSE[1], stamp, PROSE[2]).text.splitlines()
    assert lines == [PROSE[0], PROSE[1], PROSE[2]]


def test_a_substack_thread_goes_with_its_heading() -> None:
    body = "Rents rose faster than wages for a decade, and tenants are angry about it."
    cleaned = clean_lines(
        body,
        "Discussion about this post",
        "Comments",
        "Restacks",
        "Daniel R.",
        "Mar 3",
        "Liked by Maya Okafor",
        "Great piece. The zoning point is exactly right.",
        "Reply",
    )
    assert cleaned.text.splitlines() == [body]
