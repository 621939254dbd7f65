"""The summary's Methods bullets for the word-list measures: actors, sourcing, hedging.

The summary reports findings on the tone around actors, on whom sentences credit and on hedges
and certainty markers; a reader citing them needs to know how each was counted, from which list,
and what such a count cannot see. Each bullet is written from the list the run used (the
corpus's own, a parameter's, or the package's), so its numbers and examples are that list's.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from analysis.framing.sourcing import SourceLexicon, load_sources
from analysis.lexicon import LexiconError, read_toml
from analysis.report.html import escape_text
from analysis.sentiment.actors import load_actor_lexicon
from analysis.sentiment.discover import MAX_ACTORS, MIN_DOCS
from analysis.settings import Lexicons, lexicon_file, shown_path

# how many of a list's terms a bullet quotes as examples
N_EXAMPLES = 3


def _quoted(terms: list[str]) -> str:
    return ", ".join(f"“{escape_text(t)}”" for t in terms[:N_EXAMPLES])


def _shown(lexicons: Lexicons, kind: str, corpus_dir: Path | str | None) -> str:
    file = lexicon_file(lexicons, kind)
    if getattr(lexicons, kind) is None:
        return f"analysis/data/{file.name}"
    return shown_path(file, corpus_dir)


# Agreement of the whole sentence's tone (what actor_tone.csv averages) with human judgements
# of the tone towards a person or body the sentence names: NewsMTSC's held-out test sets
# (Hamborg & Donnay 2021), three classes, macro-F1, as `python -m analysis bench sentiment`
# measures them (analysis/bench/sentiment.py, evaluate_newsmtsc, its "sentence" rows) and the
# README's table "Target-level sentiment in news" gives: split -> (n targets, vader,
# vader-news). The paper's fine-tuned models reach 0.80-0.83 on the same sets.
NEWSMTSC_SENTENCE_F1 = {"devtest_rw": (1146, 0.511, 0.526), "devtest_mt": (1476, 0.491, 0.501)}
NEWSMTSC_FINE_TUNED = "0.80–0.83"


def actor_tone_reliability() -> str:
    """A sentence on how well a sentence's tone agrees with human judgements of the tone
    towards the actor it names (:data:`NEWSMTSC_SENTENCE_F1`): a tester's summary gave the tone
    around each actor with no measure of it."""
    (n_rw, rw, rw_news), (n_mt, mt, mt_news) = (
        NEWSMTSC_SENTENCE_F1["devtest_rw"],
        NEWSMTSC_SENTENCE_F1["devtest_mt"],
    )
    return (
        " How far it tells the tone towards the actor was measured on NewsMTSC (Hamborg & "
        "Donnay 2021), news sentences whose tone towards a person or body they name was judged "
        f"by people: the sentence's tone agrees with those judgements at a macro-F1 of {rw:.2f} "
        f"and {mt:.2f} over three classes on its two test sets, on which nothing was tuned "
        f"({n_rw:,} and {n_mt:,} targets; vader-news {rw_news:.2f} and {mt_news:.2f}), where "
        f"the paper's fine-tuned models reach {NEWSMTSC_FINE_TUNED} (`python -m analysis bench "
        "sentiment`): one sentence's tone is weak evidence of the tone towards the actor it names."
    )


def actors_method(lexicons: Lexicons, corpus_dir: Path | str | None = None) -> str:
    """How actors were found (a list given, or names discovered in the corpus), what the tone
    around them is not, and how well it agrees with human judgements of the tone towards an
    actor (:func:`actor_tone_reliability`)."""
    stance = (
        " The tone around an actor is the mean VADER score of the sentences that name it: the "
        "wording around the mention, not the outlet's stance towards the actor (“The "
        "company's profits fell sharply” is a negative sentence that names the company)."
        + actor_tone_reliability()
    )
    if lexicons.actors is None:
        return (
            f"- **Actors.** No actor list was given, so the actors are names found in the corpus: "
            f"runs of capitalised words that at least {MIN_DOCS} articles in English use, at most "
            f"{MAX_ACTORS}, those in most sentences (notebook 01 lists them with their other "
            f"spellings). Telling people from places and bodies without a model of names is a "
            f"guess, and a pronoun or a description (“he”, “the ministry”) is not a mention; "
            f"give an actor list (`-p actors`) to decide." + stance
        )
    try:
        n = len(load_actor_lexicon(lexicons.actors))
    except (LexiconError, OSError):
        n = 0
    counted = f"The {n} actors" if n else "The actors"
    return (
        f"- **Actors.** {counted} of the actor list "
        f"`{escape_text(_shown(lexicons, 'actors', corpus_dir))}` are found by their names and "
        f"short forms, as whole words; a pronoun or a description (“he”, “the ministry”) is "
        f"not a mention." + stance
    )


def run_source_lexicon(lexicons: Lexicons) -> SourceLexicon | None:
    """The source lexicon a run read (its own, else the package's), or None when it cannot be
    loaded: the notebooks have said why, and the summary then names no kinds."""
    try:
        return load_sources(str(lexicon_file(lexicons, "sources")))
    except (LexiconError, OSError, TypeError, ValueError):
        return None


def sourcing_method(lexicons: Lexicons, corpus_dir: Path | str | None = None) -> str:
    """How attribution, quotation and the kind of source were counted, and their limits."""
    lexicon = run_source_lexicon(lexicons)
    labels = list(lexicon.labels.values()) if lexicon else []
    min_words = lexicon.min_words if lexicon else 3
    kinds = f" ({escape_text(', '.join(labels))})" if labels else ""
    return (
        f"- **Sourcing.** A sentence is attributed when it has an attribution verb (“said”, "
        f"“told”, “according to”…) or a direct quotation ({min_words} or more words in "
        f"quotation marks, unless they read as a title: words in title case, the film “The "
        f"Lord of the Rings”, are none); it credits a kind of source{kinds} when its speaker is "
        f"named as one, "
        f"by the words of `{escape_text(_shown(lexicons, 'sources', corpus_dir))}`: the words "
        f"before the attribution verb back to the start of its clause (“Health officials said "
        f"patients waited” credits officials, not citizens), or after it for “according to …”, "
        f"a passive “by …” and ““…,” said the minister”; words inside quotation marks never "
        f"count. Limits: the speaker is found by position, not by parsing, so a description "
        f"next to the name counts (“X, who met the president, said”), a speaker far from the "
        f"verb is missed unless only a description between commas stands between them (“The "
        f"mayor, who …, said”: 12 words from the subject on are read); the kind is read from "
        f"words (“officials”, “analysts”), so a role the list lacks credits no kind and a word "
        f"it has in another sense can credit the wrong one (a union's “president” reads as a "
        f"politician unless the list masks that use, as the generic list does). Within an "
        f"article, a follow-up is credited as its speaker was named before: a surname "
        f"(“Whitfield said”) by the role written at its first mention (“Council member Dana "
        f"Whitfield”), a pronoun (“she said”) by the nearest speaker or person named within "
        f"two sentences, whoever that is, and a quotation standing alone by the sentence "
        f"before it; so a credit can be carried to the wrong person, and a wrong credit to "
        f"the next sentence."
    )


def _hedge_terms(file: Path) -> tuple[list[str], list[str]]:
    try:
        data: dict[str, Any] = read_toml(file, "hedging lexicon")
    except (LexiconError, OSError):
        return [], []
    out = []
    for measure in ("hedges", "certainty"):
        spec = data.get(measure) if isinstance(data.get(measure), dict) else {}
        terms = [*spec.get("terms", []), *spec.get("case_sensitive", [])]
        out.append([str(t) for t in terms])
    return out[0], out[1]


def hedging_method(lexicons: Lexicons, corpus_dir: Path | str | None = None) -> str:
    """What the hedge and certainty lists hold, where they come from, and their limits."""
    file = lexicon_file(lexicons, "hedges")
    hedges, certainty = _hedge_terms(file)
    counts_will = any(term.casefold() == "will" for term in certainty)
    will = (
        ""
        if counts_will
        else " Future “will” is not a certainty marker: in news it mostly states a schedule."
    )
    # the package's lists follow Hyland; a list of one's own is credited to no one (a tester's
    # nine hedges were said to be "after Hyland's hedges and boosters")
    source = ", after Hyland's hedges and boosters (2005)," if lexicons.hedges is None else ""
    return (
        f"- **Hedging and certainty.** Hedges ({len(hedges)} words and phrases such as "
        f"{_quoted(hedges)}) and certainty markers ({len(certainty)}, such as "
        f"{_quoted(certainty)}){source} are counted per "
        f"1,000 words from `{escape_text(_shown(lexicons, 'hedges', corpus_dir))}`.{will} "
        f"Limits: a word list cannot tell a hedge in the outlet's own voice from one in a "
        f"quotation it prints (both count for the outlet), nor a modal's sense (“could” of "
        f"possibility and of past ability)."
    )
