"""The site of a web address, the outlet of an export without an outlet column."""

from __future__ import annotations

import pytest

from analysis.corpus.sites import is_address, outlet_from_address, site_of


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


@pytest.mark.parametrize(
    ("value", "address"),
    [
        ("https://www.harbourtimes.com/a", True),
        ("www.citypost.org/b", True),
        (" http://x.com ", True),
        ("Reuters", False),
        ("see https://x.com", False),  # a sentence holding an address is not one
        ("", False),
    ],
)
def test_is_address(value: str, address: bool) -> None:
    assert is_address(value) is address


def test_outlet_from_address_fills_only_an_empty_or_unknown_outlet() -> None:
    row = {"outlet": "unknown", "url": "https://beta.latimes.com/x"}
    assert outlet_from_address(row) and row["outlet"] == "latimes.com"
    given = {"outlet": "LA Times", "url": "https://beta.latimes.com/x"}
    assert not outlet_from_address(given) and given["outlet"] == "LA Times"
    no_site = {"outlet": "", "url": "/news/a.html"}
    assert not outlet_from_address(no_site) and no_site["outlet"] == ""
