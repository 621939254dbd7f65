"""The site of a web address, the outlet of an export without an outlet column."""

from __future__ import annotations

import pytest

from analysis.corpus.sites import site_of


@pytest.mark.parametrize(
    ("url", "site"),
    [
        ("https://www.latimes.com/nation/story.html", "latimes.com"),
        ("http://beta.latimes.com/nation/story.html", "latimes.com"),  # one outlet, two hosts
        ("HTTPS://WWW.BBC.CO.UK/news/x", "bbc.co.uk"),  # a two-part public suffix
        ("https://www.abc.net.au/news", "abc.net.au"),
        ("https://foo.blogspot.com/post", "foo.blogspot.com"),  # a private suffix: each blog
        ("www.nytimes.com/2020/01/01/x.html", "nytimes.com"),  # no scheme
        ("//cdn.cnn.com/x", "cnn.com"),  # scheme-relative
        ("  https://user:pw@www.ft.com:443/content/x?y=1#z  ", "ft.com"),
        ("/news/relative.html", ""),
        ("https://1.2.3.4/x", ""),
        ("http://localhost:8000/x", ""),
        ("https://www.example.notasuffix/x", ""),
        ("not a web address", ""),
        ("", ""),
    ],
)
def test_site_of(url: str, site: str) -> None:
    assert site_of(url) == site
