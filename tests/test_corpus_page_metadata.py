"""A saved page's title and author tidied (:mod:`analysis.corpus.page_metadata`): the site's name
after a headline, and the roles, credentials and dates a byline field runs into the names, are
cut; nothing else is. Cases from the extraction benchmark's pages."""

from __future__ import annotations

import pytest

from analysis.corpus.page_metadata import tidy_author, tidy_site_name, tidy_title


@pytest.mark.parametrize(
    ("title", "site", "tidy"),
    [
        ("Best tech gadgets of 2019 | ZDNet", "ZDNet", "Best tech gadgets of 2019"),
        ("Stadia reviews are here - Digg", "Digg", "Stadia reviews are here"),
        ("MacBook sale at Amazon - 9to5Mac", "9To5Mac", "MacBook sale at Amazon"),
        ("Light festival | Inexhibit", "Inexhibit magazine", "Light festival"),
        ("Só quem se Ama... — Mensagens de Reflexão", "Mensagens de Reflexão", "Só quem se Ama..."),
        ("Fact check - News Nation", "newsnation.com", "Fact check"),
    ],
)
def test_the_sites_name_after_a_headline_is_cut(title: str, site: str, tidy: str) -> None:
    assert tidy_title(title, site) == tidy


@pytest.mark.parametrize(
    ("title", "site"),
    [
        ("The Guardian view on Hong Kong: a city on the brink | Editorial", "The Guardian"),
        ("Take C.A.R.E. - comwrap auf der DMEXCO 2018", "Comwrap"),  # starts with the name
        ("Opinion | Republicans Are Following Trump to Nowhere", "NYTimes"),
        ("Harbour fees rise | ZDNet", ""),  # no site name known
        ("ZDNet", "ZDNet"),  # nothing would be left
    ],
)
def test_other_tails_and_heads_stay(title: str, site: str) -> None:
    assert tidy_title(title, site) == title


@pytest.mark.parametrize(
    ("author", "tidy"),
    [
        ("Phil Helsel is a reporter", "Phil Helsel"),
        ("Mike Wuerthele; Malcolm Owen Monday; November", "Mike Wuerthele; Malcolm Owen"),
        ("Carrie Arnold November", "Carrie Arnold"),
        ("STEVE PEOPLES; AP National Political Writer", "STEVE PEOPLES"),
        ("Paul Takahashi; Staff writer", "Paul Takahashi"),
        ("Ilana Muhlstein; MS; RDN", "Ilana Muhlstein"),
        ("Analysis by Chris Cillizza; CNN Editor-at-large", "Chris Cillizza"),
        ("Lisa Kaczke; Trevor J Mitchell", "Lisa Kaczke; Trevor J Mitchell"),
        ("Jordan Fields, Staff Writer", "Jordan Fields"),
        ("Jane Roe, AP National Political Writer", "Jane Roe"),
        ("Ana Ruiz, Editor-at-large", "Ana Ruiz"),
        # the publisher and the name again beside the person (a tester's saved pages)
        ("Amy Kuperinsky; NJ Advance Media", "Amy Kuperinsky"),
        ("Troy Smith; Troy L Smith; Cleveland com", "Troy Smith"),
        (
            "Meg Kinnard; Errin Haines; Associated Press",
            "Meg Kinnard; Errin Haines; Associated Press",
        ),
    ],
)
def test_roles_credentials_and_dates_beside_a_name_are_cut(author: str, tidy: str) -> None:
    assert tidy_author(author) == tidy


@pytest.mark.parametrize(
    "author",
    [
        "Associated Press",
        "PTI",
        "Telegraph Sport",
        "Staff writer",
        "Tiffany May",
        "Jane March",
        "Smith, John",  # surname first
        "Jane Roe, Reuters",  # a wire after the comma is not a role
    ],
)
def test_a_wire_a_desk_or_a_role_alone_stays(author: str) -> None:
    assert tidy_author(author) == author


@pytest.mark.parametrize(
    ("name", "url", "tidy"),
    [
        # the extraction benchmark's pages
        (
            "LinkNaija | Nigeria's popular news platform",
            "http://www.linknaija.com/a.html",
            "LinkNaija",
        ),
        ("Autoracing | F1 | Indy | MotoGP | StockCar", "", "Autoracing"),
        (
            "Remember 80/90 - Memorabilia anni 80/90",
            "http://www.remember8090.it/a/",
            "Remember 80/90",
        ),
        ("Wday_", "https://www.wday.ru/a/", "Wday"),
        ("Copyright 2014", "https://www.jaraguadosul.sc.gov.br/news/a", ""),
        # the part naming the address is kept, wherever it stands
        ("News | Reuters", "https://www.reuters.com/world/a", "Reuters"),
        ("© 2019 Harbour Media. All rights reserved.", "", "Harbour Media"),
        ("(c) 2001-2019", "", ""),
        ("@HarbourTimes", "", "HarbourTimes"),
        # names left as they are
        ("San Antonio Express-News", "https://www.mysanantonio.com/a", "San Antonio Express-News"),
        ("Mensagens de Reflexão", "", "Mensagens de Reflexão"),
        ("Copycat Weekly", "", "Copycat Weekly"),
        ("The  Hill", "", "The Hill"),
    ],
)
def test_a_site_names_tagline_handle_and_copyright_are_cut(name: str, url: str, tidy: str) -> None:
    assert tidy_site_name(name, url) == tidy


@pytest.mark.parametrize(
    ("og_site_name", "expected"),
    [
        ("nj", "nj.com"),  # trafilatura capitalised it "Nj": the address's site as written
        ("NJ.com", "NJ.com"),
    ],
)
def test_a_lower_case_site_name_that_is_the_address_gives_the_address(
    og_site_name: str, expected: str
) -> None:
    from analysis.corpus.html import extract_metadata

    html = (
        f'<html><head><meta property="og:site_name" content="{og_site_name}">'
        '<meta property="og:url" content="https://www.nj.com/news/2019/11/a.html">'
        "<title>Meth campaign draws ridicule</title></head><body><p>Text.</p></body></html>"
    )
    found = extract_metadata(html)
    assert found.get("outlet", "nj.com") == expected


@pytest.mark.parametrize(
    ("publisher", "og_site_name", "expected"),
    [
        ("Associated Press", "SFGate", "SFGate"),  # a reviewer's 12 sites counted as 13 outlets
        ("DH News Service", "Deccan Herald", "Deccan Herald"),
        ("The Spokesman-Review", "Spokesman.com", "The Spokesman-Review"),  # not a wire: kept
        ("Reuters", "Reuters", "Reuters"),  # the wire's own page
    ],
)
def test_a_wire_named_as_the_publisher_gives_way_to_the_pages_own_site_name(
    publisher: str, og_site_name: str, expected: str
) -> None:
    from analysis.corpus.html import extract_metadata

    html = (
        f'<html><head><meta property="og:site_name" content="{og_site_name}">'
        '<script type="application/ld+json">{"@context": "https://schema.org", "@type": '
        f'"NewsArticle", "headline": "Seven key questions", "publisher": {{"@type": '
        f'"Organization", "name": "{publisher}"}}}}</script>'
        "<title>Seven key questions</title></head><body><p>Text.</p></body></html>"
    )
    assert extract_metadata(html)["outlet"] == expected
