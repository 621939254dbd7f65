"""A pasted page's comment thread, share row, credits, byline without "By" and pull quotes.

Written after a tester's pastes of three made-up sites (five pages each): the comments under
"Comments (128)" became the summary's tone and certainty evidence, "Facebook Twitter Email
Print" became the author, "| Francis Chung/POLITICO" a sentence, "Marcus Reyes | Staff writer"
a sentence (so the headline and date above and below it were missed), and every pull quote a
second direct quotation. Each case is a kind of line, not one site's.
"""

from __future__ import annotations

import pytest
from cleaning_cases import PROSE, assert_kept, assert_removed, clean_lines

from analysis.corpus.cleaning import clean_text


def test_a_thread_with_its_notices_and_button_rows_goes_whole() -> None:
    cleaned = clean_lines(
        PROSE[0],
        PROSE[1],
        "Comments (128)",
        "Join the discussion. Comments on this article are premoderated. Community standards",
        "RiverWatcher62",
        "Twenty years of profits and not one new reservoir. Absolutely shameful.",
        "14 Jul 2025 07:10 · Reply · Report",
        "pragmatist",
        "Nobody wants to pay for infrastructure until it fails. Great reporting as always.",
        "14 Jul 2025 09:12 | Reply | Report",
        "Load more comments",
    )
    assert cleaned.text.splitlines() == [PROSE[0], PROSE[1]]
    assert {e.rule for e in cleaned.audit} <= {"comment_section", "site_chrome"}
    assert "comment_section" in {e.rule for e in cleaned.audit}


@pytest.mark.parametrize(
    "line",
    [
        "The council voted 7-2 · Reply to critics came later, the mayor said.",
        "Reply · Report",  # no comment above it: not in a thread
    ],
)
def test_a_row_of_buttons_is_a_closer_only_inside_a_thread(line: str) -> None:
    assert_kept(line)


@pytest.mark.parametrize(
    "line",
    [
        "Facebook Twitter Email Print",
        "Facebook Twitter LinkedIn",
        "Email Print",
        # a share bar flattened to one line, its buttons "Share on …" and "Share by …"
        "Share on Facebook Share on X Share by email",
        "Share by email Share with WhatsApp",
    ],
)
def test_share_buttons_with_only_spaces_between_go(line: str) -> None:
    assert_removed(line, "site_chrome")


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("| Francis Chung/POLITICO", "image_credit"),
        ("Sen. Laura Pike speaks to reporters on Monday. | Francis Chung/POLITICO", "caption"),
        ("Campaigners outside the court on Tuesday. Photo: Sam Holt/The Harbour Ledger", "caption"),
    ],
)
def test_a_credit_set_apart_by_a_bar_or_after_a_caption_moves(line: str, rule: str) -> None:
    cleaned = clean_lines(PROSE[0], PROSE[1], line, PROSE[2])
    assert line not in cleaned.text and PROSE[2] in cleaned.text
    assert [e.rule for e in cleaned.audit if e.line_no == 3] == [rule]


@pytest.mark.parametrize(
    "byline",
    [
        "Marcus Reyes | Staff writer",
        "Helen Marsh / Consumer Affairs Correspondent",
        "Kyle Brandt, Senior Business Reporter",
    ],
)
def test_a_name_over_a_role_above_the_date_is_the_byline(byline: str) -> None:
    cleaned = clean_text(
        "Senators unveil $3 billion drought aid package for Western states\n\n"
        f"{byline}\n\n07/14/2025 05:00 PM EDT\n\n{PROSE[0]}\n{PROSE[1]}",
        doc_id="t",
    )
    assert cleaned.metadata["author"] == byline.split(",")[0].split(" |")[0].split(" /")[0]
    assert cleaned.metadata["title"].startswith("Senators unveil")
    assert cleaned.text.splitlines() == [PROSE[0], PROSE[1]]


def test_a_name_over_a_role_is_no_photographers_credit() -> None:
    cleaned = clean_lines(PROSE[0], "Helen Marsh / Consumer Affairs Correspondent", PROSE[1])
    assert "image_credit" not in {e.rule for e in cleaned.audit}
    credit = clean_lines(PROSE[0], "Erin Bormett / Sioux Falls Courier", PROSE[1])
    assert [e.rule for e in credit.audit if e.line_no == 2] == ["image_credit"]  # a credit still


QUOTE = "“This is not a red state or a blue state problem.”"


def test_a_pull_quote_repeating_a_line_goes_and_its_words_stay() -> None:
    paragraph = f"“The West is running out of time,” Pike said. {QUOTE}"
    cleaned = clean_lines(PROSE[0], paragraph, QUOTE, PROSE[1])
    assert cleaned.text.splitlines() == [PROSE[0], paragraph, PROSE[1]]
    assert [(e.line_no, e.rule) for e in cleaned.audit] == [(3, "pull_quote")]
    assert clean_text(cleaned.text, doc_id="t").text == cleaned.text  # idempotent


@pytest.mark.parametrize(
    "lines",
    [
        [PROSE[0], PROSE[1], PROSE[1]],  # a paragraph repeated whole: not a pull quote
        [PROSE[0], "Prices fell.", "Traders said prices fell sharply."],  # too short to tell
    ],
)
def test_lines_that_are_no_pull_quote_stay(lines: list[str]) -> None:
    assert clean_lines(*lines).text.splitlines() == lines


def test_a_thread_without_reply_lines_goes_to_the_footer() -> None:
    cleaned = clean_lines(
        PROSE[0],
        PROSE[1],
        "Comments",
        "Sign in or create your Northern Courier account to join the discussion.",
        "geordie_gran",
        "My flat was 31C at midnight. The council should have done this a week ago.",
        "TynesideTom",
        "Thank you for covering this. Please check on your neighbours, folks.",
        "About us",
    )
    assert cleaned.text.splitlines() == [PROSE[0], PROSE[1]]


def test_a_thread_with_time_stamps_under_the_names_goes_whole() -> None:
    # a tester's ProFootballTalk paste: all 34 comments under "34 responses to ..." stayed,
    # the time stamp between each name and its comment breaking the thread
    cleaned = clean_lines(
        PROSE[0],
        PROSE[1],
        "Permalink",
        "34 Comments Feed for comments",
        "Back to top",
        "34 responses to “Anthony Lynn: “We needed to win this game””",
        "thelastchargersfan says:",
        "November 19, 2019 at 6:34 am",
        "It’s a good thing we have no fans left because this is a dumpster fire.",
        "joetoronto says:",
        "November 19, 2019 at 6:44 am",
        "It’s time for both Chargers fans to come to grips with reality, it’s over yet again.",
        "4hourelection says:",
        "November 19, 2019 at 7:06 am",
        "Feckless Chargers. Always the same.",
        "MortimerInMiami says:",
        "November 19, 2019 at 7:23 am",
        "Chargers are on the clock!",
        "grumpysal says:",
        "November 19, 2019 at 12:39 pm",
        "Watching last night’s game was like re-watching their game from a few weeks ago.",
        "After being IN that game, did the coaches think a different outcome would happen?",
    )
    assert cleaned.text.splitlines() == [PROSE[0], PROSE[1]]
    assert {e.rule for e in cleaned.audit} <= {"comment_section", "site_chrome"}
    assert "comment_section" in {e.rule for e in cleaned.audit}


def test_a_comments_heading_over_article_text_leaves_the_text() -> None:
    # a heading alone over prose, with no commenter's name: the prose stays
    cleaned = clean_lines(PROSE[0], "Comments", PROSE[1], PROSE[2])
    assert cleaned.text.splitlines() == [PROSE[0], PROSE[1], PROSE[2]]


def test_a_ranked_most_read_list_goes_whatever_its_headlines_length() -> None:
    items = [
        "1 Hosepipe ban for two million homes from Friday as reservoirs hit record low",
        "2 Water bills to rise by £86 a year, regulator confirms",
        "3 Could a new reservoir at Elsham end the drought cycle?",
    ]
    cleaned = clean_lines(PROSE[0], PROSE[1], "Most read", *items, "About us")
    assert cleaned.text.splitlines() == [PROSE[0], PROSE[1]]


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Our free daily email with the biggest stories of the day, in your inbox at 7am.",
         "subscribe_prompt"),
        ("Get the latest on energy policy, straight to your inbox every weekday morning.",
         "subscribe_prompt"),
        ("We will only use your email to send you newsletters.", "subscribe_prompt"),
        ("Email address Sign up", "subscribe_prompt"),
        ("See our privacy notice.", "site_chrome"),
        ("Topics Water Drought Consumer affairs", "site_chrome"),
    ],
)  # fmt: skip
def test_a_newsletter_box_and_a_topics_row_go(line: str, rule: str) -> None:
    assert_removed(line, rule)


@pytest.mark.parametrize(
    "line",
    [
        "A weekly email to residents went to your inbox and mine, the mayor joked.",
        "Topics discussed included rents, repairs and the new licensing scheme.",
    ],
)
def test_news_about_email_and_topics_stays(line: str) -> None:
    assert_kept(line)


def test_a_date_line_with_its_last_modified_time_is_the_date() -> None:
    cleaned = clean_text(
        "GPs urged to check on elderly patients during heatwave\n\nPriya Nair Health reporter\n"
        "Wed 16 Jul 2025 11.40 BST Last modified on Thu 17 Jul 2025 13.43 BST\n\n"
        f"{PROSE[0]}\n{PROSE[1]}",
        doc_id="t",
    )
    assert cleaned.metadata["author"] == "Priya Nair"
    assert cleaned.metadata["dateline"].startswith("Wed 16 Jul 2025")
    assert cleaned.text.splitlines() == [PROSE[0], PROSE[1]]


def test_a_pull_quote_above_the_paragraph_that_attributes_it_goes() -> None:
    quote = "“This was not an accident. It was a choice.”"
    paragraph = "“This was not an accident. It was a choice,” said the prosecutor, Daniel Frost."
    cleaned = clean_lines(PROSE[0], quote, paragraph, PROSE[1])
    assert cleaned.text.splitlines() == [PROSE[0], paragraph, PROSE[1]]


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Home Page | Local News | Weather | Traffic | Sports | Watch Live | Contests",
         "site_chrome"),  # eight items: the bars made it too many words for the menu's shape
        ("Sign in | Subscribe", "sign_in_prompt"),
        ("Subscribe · Log in", "subscribe_prompt"),
        ("LOCAL NEWS", "site_chrome"),
        ("Email this story", "site_chrome"),
    ],
)  # fmt: skip
def test_a_local_broadcasters_menu_and_buttons_go(line: str, rule: str) -> None:
    assert_removed(line, rule)


def test_the_headline_under_a_sign_in_row_is_the_title_not_the_row() -> None:
    # a tester's paste had "Sign in | Subscribe" as its title and the headline as sentence 0
    cleaned = clean_text(
        "Sign in | Subscribe\nLOCAL NEWS\n"
        "Families in Older Buildings Wait to See If Rent Cap Will Help\n"
        "By Jasmine Okafor, KMBR News 7\nPublished Oct. 21, 2025 at 6:14 PM\n"
        f"Email this story\n{PROSE[0]}\n{PROSE[1]}",
        doc_id="t",
    )
    assert (
        cleaned.metadata["title"] == "Families in Older Buildings Wait to See If Rent Cap Will Help"
    )
    assert cleaned.text.splitlines() == [PROSE[0], PROSE[1]]


def test_a_comment_heading_under_a_list_heads_its_thread_not_a_ranked_item() -> None:
    # "1 Comment" under a related list was read as the list's item 1, and the comment under it
    # stayed (the benchmark's synthetic corpus)
    cleaned = clean_lines(
        PROSE[0],
        PROSE[1],
        "Related Articles",
        "Harbour fees rise again in the spring",
        "1 Comment",
        "1. Ian Brown",
        "Question is, why did the minister feel the need to go on eight networks on Sunday?",
        "Reply",
    )
    assert cleaned.text.splitlines() == [PROSE[0], PROSE[1]]
    assert {e.rule for e in cleaned.audit if e.line_no >= 5} == {"comment_section"}
