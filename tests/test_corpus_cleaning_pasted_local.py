"""Pages of local outlets pasted from a browser: the masthead, the station's byline, the
captions and credits, the footer's links and the author's address are not the article.

Texts written for these tests after a tester's pasted pages of a local paper and a public radio
station; each line below was kept as article text, or the masthead taken for the headline."""

from __future__ import annotations

from analysis.corpus.cleaning import clean_text, line_key, template_lines

PAPER = """Sioux Falls Courier
Menu
Search
Sign in
Meth help line calls triple after controversial ads
By Karen Olsen
Courier staff writer
Nov. 26, 2019
Calls to the state's help line tripled in the week after the campaign launched, officials said.
The Department of Social Services said the line received 236 calls, against about 70 a week.
A counselor talks with a client at a treatment center in Sioux Falls.
Erin Bormett / Sioux Falls Courier
Critics said the rise was no evidence that the campaign worked, and waiting lists stayed long.
Have a tip? Karen Olsen may be reached at kolsen@siouxfallscourier.com. Follow her on X.
Terms of Use | Privacy Policy | Contact Us"""

STATION = """Meth. We're On It: Noem's Ad Campaign Sparks Debate Over Treatment Funding
Dakota Public Radio | By Tom Greer
Published November 20, 2019 at 6:00 AM CST
Photo: A sign for the Pine Ridge Indian Reservation. Tom Greer/Dakota Public Radio
The governor's new campaign has become a national punchline, but in Pierre the debate is money.
Advocates for people in recovery say the state still lacks enough treatment beds on reservations.
"Awareness without beds is a billboard," said Jessica Two Bulls, who runs a recovery program.
Republican legislators largely backed the governor's campaign and its contract with the agency.
Public health experts said the state should measure whether the campaign reduces drug use.
Tom Greer is a reporter for Dakota Public Radio based in Pierre."""


def _rules(cleaned) -> dict[str, str]:
    return {entry.original: entry.rule for entry in cleaned.audit}


def test_a_local_papers_pasted_page() -> None:
    # the masthead recurs in the outlet's other articles: it is no headline
    other = (
        "Sioux Falls Courier\nMenu\nStorm closes I-90\nBy Jo Lee\nSnow fell all day, the city said."
    )
    template = template_lines([PAPER, other], ["Courier", "Courier"])[0]
    cleaned = clean_text(PAPER, "c1", template=template)
    assert cleaned.metadata["title"] == "Meth help line calls triple after controversial ads"
    assert cleaned.metadata["author"] == "Karen Olsen"
    rules = _rules(cleaned)
    assert rules["Courier staff writer"] == "byline"  # the author's role, under the byline
    assert rules["Erin Bormett / Sioux Falls Courier"] == "image_credit"
    caption = "A counselor talks with a client at a treatment center in Sioux Falls."
    assert rules[caption] == "caption_over_credit"
    assert rules["Terms of Use | Privacy Policy | Contact Us"] == "site_chrome"
    assert "may be reached at" not in cleaned.text
    assert cleaned.text.splitlines() == [
        "Calls to the state's help line tripled in the week after the campaign launched, "
        "officials said.",
        "The Department of Social Services said the line received 236 calls, against about 70 "
        "a week.",
        "Critics said the rise was no evidence that the campaign worked, and waiting lists "
        "stayed long.",
    ]
    assert line_key("Sioux Falls Courier") in template


def test_a_public_radio_stations_pasted_page() -> None:
    cleaned = clean_text(STATION, "d1")
    assert cleaned.metadata["title"].startswith("Meth. We're On It:")
    assert cleaned.metadata["author"] == "Tom Greer"  # after the station's name and a bar
    rules = _rules(cleaned)
    assert rules[STATION.splitlines()[3]] == "caption"  # "Photo: ... Tom Greer/Dakota Public Radio"
    assert rules["Tom Greer is a reporter for Dakota Public Radio based in Pierre."] == "author_bio"
    assert len(cleaned.text.splitlines()) == 5
