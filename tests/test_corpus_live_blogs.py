"""Live blogs pasted as text: the "Key events" list, its widgets, the entries' times and their
writers' sign-offs go (analysis.corpus.live_blogs), and the document is flagged ``live_blog``.

Texts written for these tests after a tester's pasted live blogs, whose key events counted every
event two or three times and whose writers' names were kept as one-line sentences."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.corpus.cleaning import RULES, clean_text
from analysis.corpus.live_blogs import is_entry_time, is_key_event_item, is_live_blog
from analysis.corpus.quality import FLAG_MEANINGS, has_flag, quality_table

FIRST = "The harbour workers walked out at dawn, the union said, and the gates stayed shut."
SECOND = "The port authority said ships would be turned away until the dispute was settled."
THIRD = "Talks between the union and the port's owners are due to resume on Friday morning."

LIVE = f"""Port strike live: dockers walk out as talks collapse – latest updates
Jane Roe, John Poe and Ann Moe
Updated 3 minutes ago
Key events
Show key events only
12:55 GMT — Union: 'We will not back down'
11:30 GMT — Port owners say offer is final
Please turn on JavaScript to use this feature
13:20 GMT
{THIRD}
Jane Roe
12:55 GMT
Union: 'We will not back down'
{FIRST}
Share
John Poe
11:30 GMT
Port owners say offer is final
{SECOND}
Ann Moe"""


def _rules(cleaned) -> dict[str, str]:
    return {entry.original: entry.rule for entry in cleaned.audit}


def test_a_pasted_live_blog_keeps_each_entry_once() -> None:
    cleaned = clean_text(LIVE, "live", model=None)
    rules = _rules(cleaned)
    assert rules["Key events"] == "key_events"
    assert rules["12:55 GMT — Union: 'We will not back down'"] == "key_events"
    assert rules["11:30 GMT — Port owners say offer is final"] == "key_events"
    assert rules["Show key events only"] == "site_chrome"
    assert rules["Please turn on JavaScript to use this feature"] == "site_chrome"
    assert [e.original for e in cleaned.audit if e.rule == "live_entry_time"] == [
        "13:20 GMT",
        "12:55 GMT",
        "11:30 GMT",
    ]
    assert [e.original for e in cleaned.audit if e.rule == "live_signoff"] == [
        "Jane Roe",
        "John Poe",
        "Ann Moe",
    ]
    assert cleaned.metadata["author"] == "Jane Roe, John Poe and Ann Moe"
    assert cleaned.text.splitlines() == [
        THIRD,
        "Union: 'We will not back down'",
        FIRST,
        "Port owners say offer is final",
        SECOND,
    ]
    assert {"live_entry_time", "live_signoff", "key_events"} <= set(RULES)
    assert clean_text(cleaned.text, "live", model=None).text == cleaned.text


def test_a_name_inside_an_entry_stays() -> None:
    # a name alone not closing an entry (text follows it in the same entry) is no sign-off
    text = LIVE.replace(f"{FIRST}\nShare", f"Jane Doe\n{FIRST}\nShare")
    cleaned = clean_text(text, "live", model=None)
    assert "Jane Doe" in cleaned.text.splitlines()


def test_an_article_is_no_live_blog() -> None:
    # one time alone and a name closing the text: site chrome as before, and the name stays
    article = "\n".join([FIRST, "12:55 GMT", SECOND, THIRD, "Jane Roe"])
    cleaned = clean_text(article, "a", model=None)
    assert _rules(cleaned) == {"12:55 GMT": "site_chrome"}
    assert cleaned.text.splitlines() == [FIRST, SECOND, THIRD, "Jane Roe"]
    assert not is_live_blog(article.splitlines())


def test_a_video_playlists_durations_make_no_live_blog() -> None:
    # durations in no order, each over a video's title, under the player's name
    playlist = [FIRST, "Harbour TV", "1:41", "Dockers walk out", "18:08", "Talks collapse"]
    playlist += ["10:18", "Ships turned away", SECOND]
    assert not is_live_blog(playlist)
    cleaned = clean_text("\n".join(playlist), "a", model=None)
    assert {e.rule for e in cleaned.audit} == {"site_chrome"}
    assert is_live_blog(["13:20 GMT", "12:55 GMT", "12:55 GMT", "9.10am"])
    assert is_live_blog(["9.10am", "12:55 GMT", "1.20pm"])  # earliest first, a 12-hour clock


def test_a_key_events_heading_without_its_items_stays() -> None:
    text = "\n".join([FIRST, "Key events", SECOND, THIRD])
    cleaned = clean_text(text, "a", model=None)
    assert cleaned.text.splitlines() == [FIRST, "Key events", SECOND, THIRD]


@pytest.mark.parametrize(
    ("line", "time", "item"),
    [
        ("13:20 GMT", True, False),
        ("9.41am", True, False),
        ("16.05 BST", True, False),
        ("18:12:40", False, False),  # a transcript's time has seconds
        ("12:55 GMT — Union: 'We will not back down'", False, True),
        ("9.41am - Ships turned away", False, True),
        ("The meeting ended at 12:55 GMT.", False, False),
    ],
)
def test_entry_times_and_key_event_items(line: str, time: bool, item: bool) -> None:
    assert is_entry_time(line) is time
    assert is_key_event_item(line) is item


def test_a_live_blog_is_flagged_and_its_own_lines_are_not_lines_removed() -> None:
    cleaned = clean_text(LIVE, "live", model=None)
    audit = pd.DataFrame(
        [
            {
                "doc_id": e.doc_id,
                "line_no": e.line_no,
                "original": e.original,
                "rule": e.rule,
                "action": e.action,
                "result": e.result,
            }
            for e in cleaned.audit
        ]
    )
    documents = pd.DataFrame(
        {
            "doc_id": ["live", "news"],
            "outlet": ["Herald", "Herald"],
            "language": ["en", "en"],
            "text": [cleaned.text, "\n".join([FIRST, SECOND, THIRD])],
            "n_words": [len(cleaned.text.split()), 45],
        }
    )
    sentences = pd.DataFrame({"doc_id": ["live", "news"], "n_words": [12, 12]})
    table = quality_table(documents, sentences, audit)
    assert has_flag(table, "live_blog").tolist() == [True, False]
    # removed: the widget lines (site_chrome) only, against 5 kept lines
    assert table.loc[0, "share_lines_removed"] == round(3 / 8, 3)
    assert "live_blog" in FLAG_MEANINGS
