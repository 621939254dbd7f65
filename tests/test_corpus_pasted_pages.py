"""Text pasted from a news page (a browser's copy of the Guardian's, CNN's, the BBC's, Reuters',
the New York Times', the Washington Post's, Al Jazeera's, Fox News', the Financial Times',
Bloomberg's or the Wall Street Journal's article layout; AP's menu over the headline, the
ABC's "By political reporter ...", Axios' name over the date): the
widgets that stayed in it (an advert's feedback prompt, "Link Copied!", a newsletter's label and
fine print, "Most viewed", captions and credits in each site's form, a dateline split over lines,
link text, topic lists) are removed or moved to metadata, and the article's sentences are kept.
Made-up articles in each layout."""

from __future__ import annotations

import pytest

from analysis.corpus.cleaning import clean_text

GUARDIAN = "\n".join(
    [
        "Cyclists ride along a protected bike lane in central London. Photograph: Jill "
        "Mead/The Guardian",
        "London bike lanes cut collisions by a quarter, study finds",
        "Protected cycle lanes on London’s main roads have cut collisions by about a quarter, "
        "according to a study that will fuel debate over the capital’s traffic policy.",
        "“This is strong evidence that protected lanes save lives,” said Dr Rachel Aldred, who "
        "led the study.",
        "Free weekly newsletter",
        "Privacy Notice: Newsletters may contain info about charities, online ads, and content "
        "funded by outside parties. For more information see our Privacy Policy.",
        "after newsletter promotion",
        "Transport for London said it would publish its own data next year.",
        "Explore more on these topics",
        "Reuse this content",
        "Most viewed",
    ]
)

CNN = "\n".join(
    [
        "CNN values your feedback",
        "1. How relevant is this ad to you?",
        "Bike lane fight heads to court",
        "Link Copied!",
        "A group of Manhattan business owners sued the city on Monday to stop a new protected "
        "bike lane on Fifth Avenue, arguing the project would devastate their sales.",
        "Ad Feedback",
        "The lawsuit comes as traffic deaths in the city reached a decade high last year.",
    ]
)


_BODY = [
    "The harbour authority raised port fees by 12% on Tuesday, citing the cost of dredging.",
    "Shipping firms said the rise would be passed on to importers within weeks.",
    "“It is a blow to every small exporter,” said Ana Ruiz, who runs a timber yard.",
]
BBC = "\n".join(
    [
        "Harbour fees rise as dredging costs mount",
        "3 hours ago",
        "Share",
        "Save",
        "Jane Doe",
        "Business reporter, BBC News",
        "Image source, Getty Images",
        "Image caption, Container ships at the harbour entrance on Monday",
        *_BODY,
        "Related topics",
        "Shipping",
        "Ports",
        "More on this story",
        "Port strike ends after two weeks",
        "Published 2 days ago",
    ]
)
REUTERS = "\n".join(
    [
        "Harbour fees rise as dredging costs mount",
        "By Jane Doe",
        "October 21, 2025 4:32 PM UTC Updated 2 hours ago",
        "Container ships wait at the harbour entrance in Freeport, October 20, 2025. "
        "REUTERS/John Roe Purchase Licensing Rights, opens new tab",
        *_BODY,
        "Reporting by Jane Doe; Editing by John Roe",
        "Our Standards: The Thomson Reuters Trust Principles., opens new tab",
        "Suggested Topics:",
        "Shipping",
    ]
)
NYT = "\n".join(
    [
        "Supported by",
        "SKIP ADVERTISEMENT",
        "Harbour Fees Rise as Dredging Costs Mount",
        "Share full article",
        "Container ships at the harbour entrance on Monday.Credit...John Roe for The Times",
        "By Jane Doe",
        "Oct. 21, 2025",
        *_BODY,
        "A version of this article appears in print on Oct. 22, 2025, Section B, Page 1 of the "
        "New York edition with the headline: Harbour Fees Rise. Order Reprints | Today’s Paper "
        "| Subscribe",
        "See more on: Freeport Harbour Authority",
        "Share full article",
    ]
)
WAPO = "\n".join(
    [
        "Harbour fees rise as dredging costs mount",
        "Listen",
        "4 min",
        "Gift Article",
        "Share",
        "Container ships wait at the harbour entrance on Monday. (John Roe/Reuters)",
        "By Jane Doe",
        "October 21, 2025 at 4:32 p.m. EDT",
        *_BODY,
        "Comments",
    ]
)
ALJAZEERA = "\n".join(
    [
        "Harbour fees rise as dredging costs mount",
        "Published On 21 Oct 2025",
        "Save articles to read later and create your own reading list.",
        "Container ships wait at the harbour entrance on Monday [File: John Roe/Reuters]",
        *_BODY,
        "Source: Al Jazeera and news agencies",
    ]
)
FOX = "\n".join(
    [
        "Harbour fees rise as dredging costs mount",
        "Published October 21, 2025 4:32pm EDT",
        "close",
        "Video",
        "NEWYou can now listen to Fox News articles!",
        _BODY[0],
        "Container ships wait at the harbour entrance on Monday. (Getty Images)",
        *_BODY[1:],
        "CLICK HERE TO GET THE FOX NEWS APP",
    ]
)
FT = "\n".join(
    [
        "Harbour fees rise as dredging costs mount",
        "Jane Doe in London",
        "Published October 21 2025",
        "Unlock the Editor’s Digest for free",
        "Roula Khalaf, Editor of the FT, selects her favourite stories in this weekly newsletter.",
        *_BODY,
        "Stay informed with free updates",
        "Simply sign up to the Shipping myFT Digest -- delivered directly to your inbox.",
        "Copyright The Financial Times Limited 2025. All rights reserved.",
        "Reuse this content",
    ]
)
BLOOMBERG = "\n".join(
    [
        "Harbour Fees Rise as Dredging Costs Mount",
        "Gift this article",
        "By Jane Doe",
        "October 21, 2025 at 4:32 PM UTC",
        "Save",
        "Translate",
        *_BODY,
        "Have a confidential tip for our reporters? Get in Touch",
        "LEARN MORE",
    ]
)
WSJ = "\n".join(
    [
        "Harbour Fees Rise as Dredging Costs Mount",
        "By Jane Doe",
        "Follow",
        "Oct. 21, 2025 4:32 pm ET",
        "Share",
        "Resize",
        "Listen (2 min)",
        *_BODY,
        "Write to Jane Doe at jane.doe@example.com",
        "Appeared in the October 22, 2025, print edition as 'Harbour Fees Rise As Costs Mount'.",
        "Copyright ©2025 Dow Jones & Company, Inc. All Rights Reserved. 87990cbe856818d5",
    ]
)
CNN_OPENING = "\n".join(
    [
        "Harbour fees rise as dredging costs mount",
        "By Jane Doe, CNN",
        "Updated 10:32 AM EDT, Tue October 21, 2025",
        "Freeport",
        "CNN",
        " — ",
        *_BODY[:2],
        "Container ships at the harbour entrance on October 20, 2025.",
        "John Roe/Getty Images",
        _BODY[2],
    ]
)

_HEADLINE = "Harbour fees rise as dredging costs mount"
# a site's menu above the headline, which the classifier (not a rule) removes: the headline is
# still the title (before, it was judged after the menu, as a line of text, and lost)
AP_MENU = "\n".join(
    [
        "AP News",
        "Menu",
        "World",
        "U.S.",
        "Fact Check",
        "Keyboard shortcuts for audio player",
        "Harbour fees rise as dredging costs mount",
        "By Jane Doe",
        "Updated 3:14 PM EDT, October 21, 2025",
        *_BODY,
    ]
)
# the ABC's (Australia) byline names a role first
ABC_BYLINE = "\n".join(
    [
        "Harbour fees rise as dredging costs mount",
        "By business reporter Jane Doe",
        "Tue 21 Oct 2025 at 5:37am",
        *_BODY,
    ]
)
# Axios and Substack put the author's name alone between the headline and the date
NAME_OVER_DATE = "\n".join(
    ["Harbour fees rise as dredging costs mount", "Jane Doe", "Oct 21, 2025", *_BODY]
)


@pytest.mark.parametrize(
    ("raw", "metadata"),
    [
        (ABC_BYLINE, {"title": "Harbour fees rise as dredging costs mount", "author": "Jane Doe"}),
        (
            NAME_OVER_DATE,
            {"title": "Harbour fees rise as dredging costs mount", "author": "Jane Doe"},
        ),
        (
            BBC,
            {
                "title": "Harbour fees rise as dredging costs mount",
                "dateline": "3 hours ago",
                "author": "Jane Doe",
                "author_role": "Business reporter, BBC News",
                "image_credits": "Image source, Getty Images",
                "captions": "Image caption, Container ships at the harbour entrance on Monday",
            },
        ),
        (
            REUTERS,
            {
                "title": "Harbour fees rise as dredging costs mount",
                "author": "Jane Doe",
                "dateline": "October 21, 2025 4:32 PM UTC Updated 2 hours ago",
                "captions": "Container ships wait at the harbour entrance in Freeport, October 20,"
                " 2025. REUTERS/John Roe Purchase Licensing Rights",
                "credits": "Reporting by Jane Doe; Editing by John Roe",
            },
        ),
        (
            NYT,
            {
                "title": "Harbour Fees Rise as Dredging Costs Mount",
                "captions": "Container ships at the harbour entrance on Monday.Credit...John Roe "
                "for The Times",
                "author": "Jane Doe",
                "dateline": "Oct. 21, 2025",
            },
        ),
        (
            WAPO,
            {
                "title": "Harbour fees rise as dredging costs mount",
                "captions": "Container ships wait at the harbour entrance on Monday. (John "
                "Roe/Reuters)",
                "dateline": "October 21, 2025 at 4:32 p.m. EDT",
            },
        ),
        (
            ALJAZEERA,
            {
                "title": "Harbour fees rise as dredging costs mount",
                "dateline": "Published On 21 Oct 2025",
                "captions": "Container ships wait at the harbour entrance on Monday [File: John "
                "Roe/Reuters]",
            },
        ),
        (
            FOX,
            {
                "title": "Harbour fees rise as dredging costs mount",
                "updated": "Published October 21, 2025 4:32pm EDT",
                "captions": "Container ships wait at the harbour entrance on Monday. (Getty "
                "Images)",
            },
        ),
        (
            FT,
            {
                "title": "Harbour fees rise as dredging costs mount",
                "author": "Jane Doe",
                "dateline": "Published October 21 2025",
            },
        ),
        (
            BLOOMBERG,
            {
                "title": "Harbour Fees Rise as Dredging Costs Mount",
                "author": "Jane Doe",
                "dateline": "October 21, 2025 at 4:32 PM UTC",
            },
        ),
        (
            WSJ,
            {
                "title": "Harbour Fees Rise as Dredging Costs Mount",
                "author": "Jane Doe",
                "dateline": "Oct. 21, 2025 4:32 pm ET",
            },
        ),
        (
            CNN_OPENING,
            {
                "title": "Harbour fees rise as dredging costs mount",
                "author": "Jane Doe",
                "dateline_place": "Freeport, CNN",
                "captions": "Container ships at the harbour entrance on October 20, 2025.",
                "image_credits": "John Roe/Getty Images",
            },
        ),
    ],
)
def test_a_pasted_page_keeps_only_its_article(raw: str, metadata: dict[str, str]) -> None:
    cleaned = clean_text(raw, "p1")
    assert cleaned.text.splitlines() == _BODY
    assert {k: cleaned.metadata.get(k) for k in metadata} == metadata
    again = clean_text(cleaned.text, "p1")
    assert again.text == cleaned.text and not again.audit


@pytest.mark.parametrize(
    "line",
    [
        "Support for the plan stood at 41%, according to a Reuters/Ipsos poll",
        "Support for the plan rose to 41% in the latest poll (Reuters/Ipsos)",
        "The findings appeared in two journals (Nature/Science)",
        "The minister said the figures were credible... and then left the room",
        "The caption of the image, he said, was wrong.",
        "A reporter, Jane Doe, asked the minister about the fees.",
        # prose ending like a credit
        "Prices rose 3% on Monday, the figures showed. (Source: Federal Reserve)",
        "The court heard the case on Monday. (Reuters: Jane Doe contributed.)",
        "The minister spoke on Tuesday. Photo: the ministry said no pictures were allowed.",
    ],
)
def test_prose_like_a_site_caption_or_role_is_kept(line: str) -> None:
    lines = [*_BODY[:2], line, _BODY[2]]
    assert clean_text("\n".join(lines), "p1").text.splitlines() == lines


@pytest.mark.parametrize(
    ("raw", "kept", "gone"),
    [
        (
            GUARDIAN,
            [
                "London bike lanes cut collisions by a quarter, study finds",
                "“This is strong evidence that protected lanes save lives,” said Dr Rachel "
                "Aldred, who led the study.",
                "Transport for London said it would publish its own data next year.",
            ],
            [
                "Photograph:",
                "Free weekly newsletter",
                "Privacy Notice",
                "after newsletter promotion",
                "Explore more",
                "Reuse this content",
                "Most viewed",
            ],
        ),
        (
            CNN,
            [
                "Bike lane fight heads to court",
                "The lawsuit comes as traffic deaths in the city reached a decade high last year.",
            ],
            ["values your feedback", "How relevant", "Link Copied!", "Ad Feedback"],
        ),
    ],
)
def test_pasted_page_widgets_go_and_the_article_stays(
    raw: str, kept: list[str], gone: list[str]
) -> None:
    cleaned = clean_text(raw, "p1")
    lines = cleaned.text.splitlines()
    for line in kept:
        assert line in lines
    for fragment in gone:
        assert fragment not in cleaned.text, fragment
    assert clean_text(cleaned.text, "p1").text == cleaned.text


def test_a_guardian_caption_goes_to_metadata_with_its_credit() -> None:
    raw = "Cyclists ride in London. Photograph: Jill Mead/The Guardian\n" + GUARDIAN.splitlines()[2]
    cleaned = clean_text(raw, "p1")
    assert cleaned.metadata["captions"].endswith("Photograph: Jill Mead/The Guardian")
    assert [e.rule for e in cleaned.audit] == ["caption"]


@pytest.mark.parametrize(
    "line",
    [
        # prose that only looks like the widgets: kept
        "The paper's free weekly newsletter reached two million readers last year.",
        "Readers told the council that it values your feedback on the plan.",
        "He said the photograph: a crowd at the gate, was taken in 1989.",
        "Most viewed videos on the site were about the strike, the company said.",
        "Got a tip from a neighbour, the police searched the warehouse on Tuesday.",
        "Sign up for free school meals rose by a third in March.",
        "Sign up to the scheme closed in May after 40,000 firms had applied.",
        "The editor selects her favourite stories for the front page every evening.",
        "Write to the council at its office in the town hall before Friday.",
        "Listen (carefully) to what the minister said about the harbour.",
    ],
)
def test_prose_like_the_widgets_is_kept(line: str) -> None:
    assert clean_text(line, "p1").text == line


@pytest.mark.parametrize(
    "credit",
    [
        "Photo by Jane Roe on Unsplash",  # a stock photo's credit is its whole caption
        "Graphic: Hospital insolvencies in Germany",
        "Getty Images",
    ],
)
def test_a_paragraph_of_prose_over_a_credit_is_the_articles(credit: str) -> None:
    # a paragraph of two sentences under another paragraph was moved to the captions when a
    # credit followed it (a Medium post lost its lead, Der Spiegel a paragraph over a graphic)
    paragraph = (
        "But the new payments do not start until 2027, and many clinics will not survive that "
        "long. According to the federation, 24 hospitals filed for insolvency this year."
    )
    cleaned = clean_text("\n".join([*_BODY[:2], paragraph, credit, _BODY[2]]), "p1")
    assert cleaned.text.splitlines() == [*_BODY[:2], paragraph, _BODY[2]]


def test_a_long_headline_ending_on_about_is_the_title() -> None:
    # Substack's "The bus budget nobody wants to talk about": a clause, not a label
    headline = "The harbour fee nobody wants to talk about"
    cleaned = clean_text("\n".join([headline, "By Jane Doe", "October 21, 2025", *_BODY]), "p1")
    assert cleaned.metadata.get("title") == headline


@pytest.mark.parametrize(
    "label",
    [
        "News provided by",  # PR Newswire's label over the company's name
        "Everything you need to know about",  # a label: too short for a headline's clause
        "3. Sweden Drops Its Investigation Into the Case",  # an item of a "most read" list
    ],
)
def test_a_label_or_a_list_item_over_a_byline_is_not_the_title(label: str) -> None:
    cleaned = clean_text("\n".join([label, "By Jane Doe", "October 21, 2025", *_BODY]), "p1")
    assert cleaned.metadata.get("title") is None


def test_a_headline_under_a_sites_menu_is_the_title() -> None:
    cleaned = clean_text(AP_MENU, "p1")
    assert cleaned.metadata.get("title") == "Harbour fees rise as dredging costs mount"
    assert cleaned.metadata.get("author") == "Jane Doe"
    assert cleaned.text.splitlines()[-3:] == _BODY  # the menu's items are the classifier's


_MENU = ["Popular", "Latest", "Newsletters", "Sections", "Ideas"]


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("Illustration by The Atlantic. Sources: Getty; Bettmann.", True),
        ("Illustration by Jane Roe. Sources: Library of Congress.", True),
        ("Photo by the author was the first he took.", False),  # a sentence, no sources named
        ("Illustration by hand is slow. Sources: the artists we asked, she said.", False),
    ],
)
def test_an_image_credit_naming_its_sources_goes_to_metadata(line: str, credit: bool) -> None:
    cleaned = clean_text("\n".join([*_BODY[:2], line, _BODY[2]]), "p1")
    assert (cleaned.metadata.get("image_credits") == line) is credit
    assert (line in cleaned.text.splitlines()) is not credit


def test_a_title_case_headline_written_as_sentences_is_the_title() -> None:
    # the Atlantic: two sentences in title case over a standfirst, the byline and the hour
    headline = "The Office Is Never Coming Back. Downtowns Have to Change."
    standfirst = "Cities that wait for workers to return are making a costly mistake."
    raw = "\n".join(
        [*_MENU, headline, standfirst, "By Jane Doe", "October 21, 2025, 6 AM ET", *_BODY]
    )
    cleaned = clean_text(raw, "p1")
    assert cleaned.metadata.get("title") == headline
    assert cleaned.metadata.get("author") == "Jane Doe"
    assert cleaned.metadata.get("dateline") == "October 21, 2025, 6 AM ET"
    assert cleaned.text.splitlines()[-4:] == [standfirst, *_BODY]


@pytest.mark.parametrize(
    "first",
    [
        "The office is never coming back, the mayor said.",  # a sentence in sentence case
        "Tariffs Rise Again,",  # a clause's opening, even in title case
        "Ports Reopen.",  # too few long words to tell title case
    ],
)
def test_a_line_ending_as_a_sentence_is_no_headline_unless_in_title_case(first: str) -> None:
    cleaned = clean_text("\n".join([first, "By Jane Doe", "October 21, 2025", *_BODY]), "p1")
    assert cleaned.metadata.get("title") is None


def test_under_a_menu_a_long_standfirst_without_a_full_stop_still_gives_the_title() -> None:
    # the Hindu: the standfirst ends without a full stop; longer than the headline, which is
    # longer than any menu item, it is not taken for the headline
    headline = "Namma Metro ridership dips after fare hike, BMRCL data show"
    standfirst = (
        "Average daily ridership fell by nearly 80,000 in the month after fares were raised by "
        "up to 71%; commuters shift back to buses and two-wheelers"
    )
    raw = "\n".join(
        [
            *_MENU,
            headline,
            standfirst,
            "Updated - October 21, 2025 10:12 pm IST - BENGALURU",
            *_BODY,
        ]
    )
    assert clean_text(raw, "p1").metadata.get("title") == headline


@pytest.mark.parametrize(
    ("top", "metadata"),
    [
        # Axios: the section after the date; the author's name alone over it
        (
            [
                *["Axios", "Sign up", "Log in", "Smart Brevity", "Latest stories", "Economy"],
                *["Politics", "Technology", "Health", "Local", "Axios Pro", _HEADLINE],
                *["Jane Doe", "Oct 21, 2025 - Economy"],
            ],
            {"author": "Jane Doe", "dateline": "Oct 21, 2025 - Economy"},
        ),
        # Sky News: a menu item with a dash standing alone, the zone after a comma
        (
            [
                *["Skip to content", "Sky News - back to home", "Watch Live", "Home", "UK"],
                *["Politics", "World", _HEADLINE, "Tuesday 21 October 2025 16:05, UK"],
            ],
            {"dateline": "Tuesday 21 October 2025 16:05, UK"},
        ),
        # a local paper's byline with the author's address
        (
            ["Home", "Local News", _HEADLINE, "By Jane Doe jdoe@rivertowngazette.com"],
            {"author": "Jane Doe"},
        ),
        # a share widget repeating the headline above it (Quanta, Substack)
        (
            ["All Articles", _HEADLINE, "Read Later", "Share", _HEADLINE, "By Jane Doe"],
            {"author": "Jane Doe"},
        ),
    ],
)
def test_more_sites_headlines_under_their_menus_are_the_title(
    top: list[str], metadata: dict[str, str]
) -> None:
    cleaned = clean_text("\n".join([*top, *_BODY]), "p1")
    assert cleaned.metadata.get("title") == _HEADLINE
    assert {k: cleaned.metadata.get(k) for k in metadata} == metadata


@pytest.mark.parametrize(
    "line",
    [
        "Oct 21, 2025 - the council voted to delay the budget",  # prose after the date
        "Oct 21, 2025 - Economy Policy Now Today",  # more than a section's three words
    ],
)
def test_a_date_followed_by_more_than_a_section_name_is_no_dateline(line: str) -> None:
    cleaned = clean_text("\n".join([line, *_BODY]), "p1")
    assert cleaned.metadata.get("dateline") is None


def test_under_a_menu_a_menu_item_over_the_headline_is_not_the_title() -> None:
    # a menu item shaped as a headline (three to five words) takes the headline under it for
    # its standfirst only when that ends a sentence; a longer one would still be the headline
    raw = "\n".join([*_MENU, "Keyboard shortcuts for audio", _HEADLINE, "By Jane Doe", *_BODY])
    assert clean_text(raw, "p1").metadata.get("title") == _HEADLINE


@pytest.mark.parametrize(
    "caption",
    [
        "Commuters at the metro station in Bengaluru. | Photo Credit: K. MURALI KUMAR",  # Hindu
        "Flooding on the A9 near Perth on Tuesday. Pic: PA",  # Sky News
        "Workers at the container terminals on Monday. Photo: Sun Yeung",  # SCMP
        "The minister says platforms have had a year to prepare. (ABC News: Matt Roberts)",
        # USA Today's (Gannett's): the word for the image and the credit in brackets
        "Ships wait at the harbour entrance on Monday. (Photo: Jane Roe USA TODAY)",
        "Harbour master Jane Roe (Photo: The Associated Press)",
        # AP's caption of an archive photo, which runs long
        "FILE - In this Dec. 17, 2017, file photo, harbour master Jane Roe speaks to reporters "
        "at the port in Freeport. " + " ".join(["The port has handled more ships since."] * 8),
        "FILE PHOTO - Harbour master Jane Roe is seen in this handout photo.",
    ],
)
def test_a_caption_ending_in_its_sites_credit_goes_to_metadata(caption: str) -> None:
    cleaned = clean_text("\n".join([*_BODY[:2], caption, _BODY[2]]), "p1")
    assert cleaned.text.splitlines() == _BODY
    assert cleaned.metadata.get("captions") == caption


def test_under_a_menu_the_top_starts_at_the_headline() -> None:
    # NPR: the date under the headline was read as a line far from the top, kept, and then
    # removed by the classifier, so the article had no date
    raw = "\n".join(
        ["NPR Shop", "Home", "News", "Health", _HEADLINE, "October 21, 20255:00 AM ET", *_BODY]
    )
    cleaned = clean_text(raw, "p1")
    assert cleaned.metadata.get("title") == _HEADLINE
    assert cleaned.metadata.get("dateline") == "October 21, 20255:00 AM ET"


def test_under_a_menu_a_standfirst_that_ends_a_sentence_may_stand_under_the_headline() -> None:
    standfirst = "Small hospitals in the east are closing faster than the reform can help them."
    raw = "\n".join(["Menu", "International", _HEADLINE, standfirst, "By Jane Doe", *_BODY])
    assert clean_text(raw, "p1").metadata.get("title") == _HEADLINE
    # a menu item shaped as a headline does not take the headline under it for its standfirst
    raw = "\n".join(
        ["NPR Shop", "Keyboard shortcuts for audio player", _HEADLINE, "By Jane Doe", *_BODY]
    )
    assert clean_text(raw, "p1").metadata.get("title") == _HEADLINE


@pytest.mark.parametrize(
    "top",
    [
        # the South China Morning Post: a follow button between the name and the date
        [_HEADLINE, "Jane Doe", "+ FOLLOW", "Published: 6:00pm, 21 Oct 2025"],
        # the Hindu: the name alone under the date line
        [_HEADLINE, "Updated - October 21, 2025 10:12 pm IST - BENGALURU", "Jane Doe"],
        [_HEADLINE, "Oct 21, 2025", "Jane Doe", "Read Comments"],
    ],
)
def test_a_name_next_to_the_date_past_a_button_is_the_author(top: list[str]) -> None:
    cleaned = clean_text("\n".join([*top, *_BODY]), "p1")
    assert cleaned.text.splitlines() == _BODY
    assert cleaned.metadata.get("author") == "Jane Doe"


@pytest.mark.parametrize(
    "tail",
    [
        # the Atlantic: the name and a follow button between the heading and the bio
        [
            "About the Author",
            "Jane Doe",
            "Follow",
            "Jane Doe is a staff writer at The Harbour Review and the author of Tides.",
        ],
        # the South China Morning Post: the name alone over a bio naming the job
        ["Jane Doe", "Jane Doe joined the Post in 2016. She covers shipping and trade."],
        ["About the author", "Jane Doe is a freelance reporter based in Freeport."],
    ],
)
def test_an_author_bio_at_the_end_goes(tail: list[str]) -> None:
    cleaned = clean_text("\n".join([_HEADLINE, "By Jane Doe", *_BODY, *tail]), "p1")
    assert cleaned.text.splitlines() == _BODY
    assert {e.rule for e in cleaned.audit if e.line_no > 2 + len(_BODY)} <= {
        "author_bio",
        "site_chrome",
    }


@pytest.mark.parametrize(
    "tail",
    [
        # a profile's paragraph under the person's name names no job: the article's
        ["Ana Ruiz", "Ana Ruiz, 54, has run the timber yard by the harbour for thirty years."],
        # the heading over a name, then prose that is not about the author
        ["About the Author", "Jane Doe", "The harbour will reopen on Monday, officials said."],
    ],
)
def test_prose_under_a_name_that_is_no_bio_is_kept(tail: list[str]) -> None:
    cleaned = clean_text("\n".join([_HEADLINE, "By Jane Doe", *_BODY, *tail]), "p1")
    assert cleaned.text.splitlines()[-1] == tail[-1]


def test_a_section_label_kept_above_a_headline_under_a_menu_goes() -> None:
    # a tester's local paper: "LOCAL NEWS" over the headline stayed as a one-word sentence
    raw = "\n".join(["Home", "News", "Sport", "LOCAL NEWS", _HEADLINE, "By Jane Doe", *_BODY])
    cleaned = clean_text(raw, "p1")
    assert cleaned.metadata.get("title") == _HEADLINE
    assert cleaned.text.splitlines() == _BODY
    assert "menu_above_headline" in {e.rule for e in cleaned.audit}


def test_a_section_label_shaped_as_a_name_does_not_make_a_menu_line_the_headline() -> None:
    # "Health Business" over the headline counted as an author's name, so the menu line above
    # ("Markets  Companies  Economy ...") passed for the headline over a byline
    raw = "\n".join(
        [
            "Markets  Companies  Economy  Real Estate  Health Business  Opinion",
            "Health Business",
            _HEADLINE,
            "Jane Doe, Senior Business Reporter",
            "March 4, 2025",
            *_BODY,
        ]
    )
    assert clean_text(raw, "p1").metadata.get("title") != raw.splitlines()[0].replace("  ", " ")
    # a name and a role, with no "By", over the date is the byline
    raw = "\n".join([_HEADLINE, "Jane Doe, Senior Business Reporter", "March 4, 2025", *_BODY])
    cleaned = clean_text(raw, "p1")
    assert cleaned.metadata.get("title") == _HEADLINE
    assert cleaned.metadata.get("author") == "Jane Doe"
    assert cleaned.text.splitlines() == _BODY


@pytest.mark.parametrize(
    "tail",
    [
        # the byline's author, with no heading and no name line over the bio
        ["Jane Doe covers shipping for the Harbour Review. Reach her at jdoe@example.com."],
        ["Jane Doe is a former harbour pilot and a fellow at the Maritime Institute."],
        # AP: the name in capitals over a bio opening with the surname
        ["JOHN ROE", "Roe covers ports and trade for The Associated Press."],
        ["Read more:", "Dredging costs double at the harbour", "Opinion: The port must pay"],
        ["The views expressed are the author's own."],
        ["Enter your email"],
    ],
)
def test_a_local_papers_tail_goes(tail: list[str]) -> None:
    cleaned = clean_text("\n".join([_HEADLINE, "By Jane Doe", *_BODY, *tail]), "p1")
    assert cleaned.text.splitlines() == _BODY


@pytest.mark.parametrize(
    "tail",
    [
        # the author named in the article's own prose, saying no job
        ["Jane Doe said the harbour would reopen on Monday."],
        # a "Read more" link over a paragraph of the article
        ["Read more:", "The authority said the fees would be reviewed in the spring."],
        ["The views expressed by the minister were widely shared, the survey found."],
    ],
)
def test_prose_like_a_local_papers_tail_is_kept(tail: list[str]) -> None:
    cleaned = clean_text("\n".join([_HEADLINE, "By Jane Doe", *_BODY, *tail]), "p1")
    assert cleaned.text.splitlines()[-1] == tail[-1]


_TABLOID_TAIL = [
    "Most read in world news",
    "RANDY ANDY",
    "Prince parties in unearthed pics despite claiming he avoids the cameras",
    "Warning",
    "EYE POPPING",
    "Bodybuilder has 'rotting' arm removed after injecting oil to look muscly",
    "DRIVEN TO DESPAIR",
    "Pregnant girl, 13, 'jumps to her death after she was attacked by six men in a park'",
    "Authorities in western Mongolia instituted a quarantine to stop the disease spreading.",
]


def test_a_most_read_list_with_kickers_and_long_headlines_goes() -> None:
    story = "A hunter who ate a wild rabbit in China has been hit by the bubonic plague."
    cleaned = clean_text("\n".join([story, *_TABLOID_TAIL]), "sun")
    assert cleaned.text.splitlines() == [story, _TABLOID_TAIL[-1]]
    assert {e.original for e in cleaned.audit} == set(_TABLOID_TAIL[:-1])


def test_a_sentence_after_a_most_read_heading_stays() -> None:
    story = "A hunter who ate a wild rabbit in China has been hit by the bubonic plague."
    line = "Officials said the risk of an outbreak is low."
    cleaned = clean_text("\n".join([story, "Most read in world news", line]), "sun")
    assert cleaned.text.splitlines() == [story, line]


_STORY = [
    "A hunter who ate a wild rabbit in China has been hit by the bubonic plague.",
    "Health officials said 28 people in close contact with him were quarantined.",
    "The man told doctors he ate the rabbit meat in Inner Mongolia on November 5.",
]


@pytest.mark.parametrize(
    "line",
    [
        "Beijing Chaoyang Hospital, where plague patients sought treatment Credit: EPA",
        "The latest case was reported after a hunter ate a rabbit Credit: Getty - Contributor",
        "The city was closed earlier this year due to marmots Credit: Vesti/The Siberian Times",
    ],
)
def test_a_tabloids_caption_ending_in_credit_moves_to_metadata(line: str) -> None:
    cleaned = clean_text("\n".join([_STORY[0], line, *_STORY[1:]]), "sun")
    assert cleaned.text.splitlines() == _STORY
    assert cleaned.metadata["captions"] == line


def test_prose_giving_credit_stays() -> None:
    line = "The minister gave the nurses full credit: they had worked through the night."
    cleaned = clean_text("\n".join([*_STORY, line]), "sun")
    assert cleaned.text.splitlines() == [*_STORY, line]


_SUN_FOOTER = [
    "Topics",
    "Health",
    "China",
    "Comments are subject to our community guidelines, which can be viewed here.",
    "Popular Articles",
    "SCORCHER",
    "Dec takes baby Isla for walk in the Oz sunshine after revealing burn from dad duty",
    "Comment",
    "FAT CHANCE",
    "There's NO excuse for sending your kids to school with cold McDonald's",
    "This feature allows The Sun to personalise your experience so that you get the most out "
    "of your visit. You can find out more about personalisation in our privacy policy here.",
    "©News Group Newspapers Limited in England No. 679215 Registered office: 1 London Bridge "
    'Street, London, SE1 9GF. "The Sun", "Sun", "Sun Online" are registered trademarks or trade '
    "names of News Group Newspapers Limited. The Sun website is regulated by the Independent "
    "Press Standards Organisation (IPSO)",
    "Our journalists strive for accuracy but on occasion we make mistakes. For further details "
    "of our complaints policy and to make a complaint please click here.",
]


def test_a_pasted_tabloid_pages_tags_lists_and_legal_footer_go() -> None:
    # a tester's pasted Sun page kept its footer, and its trademark line was quoted as the
    # article's sourcing evidence ("registered trademarks ... regulated by ...")
    cleaned = clean_text("\n".join([*_STORY, "6", *_SUN_FOOTER]), "sun")
    assert cleaned.text.splitlines() == _STORY
    assert {e.original for e in cleaned.audit} == {"6", *_SUN_FOOTER}


@pytest.mark.parametrize(
    "line",
    [
        "Copyright law in the United States protects the photographs, the court said.",
        "Copyrights on the images were held by the agency, officials said.",
        "The site said it would personalise your experience in future, officials said.",
    ],
)
def test_prose_about_copyright_or_personalising_stays(line: str) -> None:
    cleaned = clean_text("\n".join([*_STORY, line]), "sun")
    assert cleaned.text.splitlines() == [*_STORY, line]


def test_a_headline_under_tags_at_the_top_stays() -> None:
    headline = "Hunter diagnosed with bubonic plague after eating a rabbit in Inner Mongolia"
    cleaned = clean_text("\n".join(["Tags", "Health", "China", headline, *_STORY]), "sun")
    assert headline in cleaned.text.splitlines() or cleaned.metadata.get("title") == headline
    assert cleaned.text.splitlines()[-3:] == _STORY
    assert "Health" not in cleaned.text.splitlines()


def test_a_published_and_updated_stamp_on_one_line_moves_to_metadata() -> None:
    # the Express's stamp stayed in a pasted article's first paragraph, and its date unread
    stamp = "PUBLISHED: 00:01, Tue, Nov 19, 2019 | UPDATED: 10:43, Tue, Nov 19, 2019"
    cleaned = clean_text("\n".join([_STORY[0], stamp, *_STORY[1:]]), "express")
    assert cleaned.text.splitlines() == _STORY
    assert cleaned.metadata["updated"] == stamp


def test_a_related_list_of_headlines_cut_short_goes() -> None:
    tail = [
        "Related articles",
        "Major health warning issued after DEADLY PLAGUE confirmed in wild a...",
        "Plague blamed on Madagascar ritual of digging up dead relatives",
        "Major cities face plague of vicious bloodthirsty SUPER-RATS",
    ]
    cleaned = clean_text("\n".join([*_STORY, *tail]), "express")
    assert cleaned.text.splitlines() == _STORY
    # a sentence of the article that ends in an ellipsis, after such a heading, stays
    line = "The health commission said more tests would follow..."
    kept = clean_text("\n".join([*_STORY, "Related articles", line, _STORY[0]]), "express")
    assert line in kept.text.splitlines()


@pytest.mark.parametrize(
    "tail",
    [
        # Advance Local's (NJ.com's) legal footer
        [
            "Registration on or use of this site constitutes acceptance of our User Agreement "
            "and Privacy Policy",
            "The material on this site may not be reproduced, distributed, transmitted, cached "
            "or otherwise used, except with the prior written permission of NJ.com.",
            "Community Rules apply to all content you upload or otherwise submit to this site.",
        ],
        # the Spokesman-Review's furniture and lists
        [
            "Wordcount: 717",
            "Tags: ads, advertisement, awareness, meth, methamphetamine, nation, news",
            "You have been successfully subscribed!",
            "There was a problem subscribing you to the newsletter. Double check your email and "
            "try again.",
            "Top stories in Nation",
            "Trump impeachment hearings enter their second week",
            "Most read stories",
            "Spokane council approves new budget",
        ],
        # Smithsonian's and Forbes' author links and prompts, a gallery's counters and credits
        [
            "Like this article?",
            "Read more from this author | Follow @brigitkatz",
            "We Recommend",
            "These Atomic Bomb Tests Used U.S. Troops as Guinea Pigs",
            "Follow me on Twitter or LinkedIn. Check out my website.",
        ],
        [
            "438.3K",
            "1 of 6",
            "Christopher Battin Submitted photo",
            "Jonathan P. Blair Submitted photo",
        ],
        [
            "Welcome to USA TODAY NETWORK’S EUROPEAN UNION EXPERIENCE",
            "Terms of Service Privacy Notice",
        ],
    ],
)
def test_more_page_furniture_a_tester_found_pasted_goes(tail: list[str]) -> None:
    cleaned = clean_text("\n".join([*_STORY, *tail]), "p")
    assert cleaned.text.splitlines() == _STORY
    assert {e.original for e in cleaned.audit} >= set(tail)


@pytest.mark.parametrize(
    "line",
    [
        "Use of this site's data constitutes a breach, the court said on Monday.",
        "Tags on the cattle were read by officials: three of the herd were lost.",
        "Like this article, the report found that prices rose by 6 of 10 measures.",
        "The material on this site is reviewed weekly by editors, officials said.",
    ],
)
def test_prose_like_that_furniture_stays(line: str) -> None:
    cleaned = clean_text("\n".join([*_STORY, line]), "p")
    assert cleaned.text.splitlines() == [*_STORY, line]
