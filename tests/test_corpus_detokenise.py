"""Tokenised text, lost mojibake bytes and caption boilerplate, repaired with an audit."""

from __future__ import annotations

from analysis.corpus.cleaning import clean_text
from analysis.corpus.detokenise import detokenise, remove_caption_boilerplate
from analysis.corpus.encoding import repair_lost_continuation


def test_detokenise_rejoins_abbreviations_brackets_and_contractions():
    assert (
        detokenise("The U . S . team met at 5 p . m . today") == "The U.S. team met at 5 p.m. today"
    )
    assert detokenise("-LRB- CHIP -RRB- and -lsb- x -rsb-") == "(CHIP) and [x]"
    assert detokenise("Children ' s fund won ' t close") == "Children's fund won't close"


def test_detokenise_rejoins_clitics_split_off_their_word():
    assert detokenise("the world 's attention") == "the world's attention"
    assert detokenise("They 're sure I 'm right; we 've seen it.") == (
        "They're sure I'm right; we've seen it."
    )
    assert detokenise("St. Peter 's Square and Bogota 's park.") == (
        "St. Peter's Square and Bogota's park."
    )
    for prose in ("press the 'd' key", "a 'so-called' plan", "He said 'stop' now"):
        assert detokenise(prose) == prose  # an opening quote, not a clitic
    cleaned = clean_text("The union 's leader spoke to the press on Monday.\n", doc_id="u")
    assert cleaned.text == "The union's leader spoke to the press on Monday."
    assert [e.rule for e in cleaned.audit] == ["detokenise"]


def test_a_curly_apostrophe_clitic_and_a_split_decimal_are_rejoined():
    # a tester's export held "Bitcoin ’s" 696 times; PerSenT's "growth of 6 . 5 percent"
    # became two sentences, "growth of 6." and "5 percent"
    assert detokenise("It ’s Bitcoin ’s turn , he said .") == "It’s Bitcoin’s turn, he said."
    assert detokenise("Growth of 6 . 5 percent , up 3 . 2 % .") == "Growth of 6.5 percent, up 3.2%."
    # a year before the point, or a capital after: two sentences, left apart
    assert detokenise("It fell in 2019 . 5 people died .") == "It fell in 2019. 5 people died."
    assert detokenise("He won 3 . 2 Others lost .") == "He won 3. 2 Others lost."


def test_a_contraction_split_on_both_sides_of_a_curly_apostrophe_is_rejoined():
    # a tester's PerSenT articles held 20: "Trump ’ s", "Mueller ’ s", "he ’ d"
    assert detokenise("Trump ’ s lawyer said he ’ d go.") == "Trump’s lawyer said he’d go."
    assert detokenise("Children ' s fund") == "Children's fund"  # the straight one as before
    for prose in ("the ‘big’ sale", "They said ’ so what’ then"):
        assert detokenise(prose) == prose
    cleaned = clean_text("Mueller ’ s team met the president on Monday.\n", doc_id="m")
    assert cleaned.text == "Mueller’s team met the president on Monday."
    # a lost byte before a split-off clitic is its apostrophe, not an opening quote
    assert repair_lost_continuation("Hillary âs campaign") == "Hillary ’s campaign"
    cleaned = clean_text("The Hillary âs campaign said on Monday that it would go on.\n", "h")
    assert cleaned.text == "The Hillary’s campaign said on Monday that it would go on."
    assert repair_lost_continuation("He said âso whatâ.") == "He said “so what”."


def test_ordinary_prose_is_left_alone():
    prose = "Plan B . That was odd, he said; prices rose 5 % (roughly)."
    assert detokenise("He said it was fine. Then he left.") == "He said it was fine. Then he left."
    assert detokenise(prose) == prose


def test_lost_continuation_bytes():
    assert repair_lost_continuation("It wasnât easy â really") == "It wasn’t easy — really"
    assert repair_lost_continuation("Le château, la pâte") == "Le château, la pâte"


def test_caption_boilerplate_and_audit():
    raw = (
        "Enlarge this image toggle caption Al Ho/AP Al Ho/AP The vote passed.\n"
        "The U . S . won ' t.\n"
    )
    cleaned = clean_text(raw, doc_id="d")
    assert cleaned.text.splitlines() == ["The vote passed.", "The U.S. won't."]
    rules = (
        set(cleaned.audit_frame()["rule"])
        if hasattr(cleaned, "audit_frame")
        else {e.rule for e in cleaned.audit}
    )
    assert {"caption_boilerplate", "detokenise"} <= rules
    assert remove_caption_boilerplate("toggle caption") == ""


def test_punctuation_runs_keep_their_first_mark_and_a_spaced_ellipsis_is_joined() -> None:
    from analysis.corpus.detokenise import collapse_punctuation_runs

    assert collapse_punctuation_runs("so far . . Next") == "so far . Next"
    assert collapse_punctuation_runs("so far . ? !") == "so far ."
    assert collapse_punctuation_runs("He paused . . . then") == "He paused ... then"
    assert collapse_punctuation_runs("Fine. Then.") == "Fine. Then."


def test_clean_text_leaves_no_sentence_of_punctuation_only() -> None:
    from analysis.corpus.cleaning import clean_text

    out = clean_text("He has won 3 races so far . . The next race is in May .", model=None)
    assert ". ." not in out.text
    assert "punctuation_run" in {e.rule for e in out.audit}
