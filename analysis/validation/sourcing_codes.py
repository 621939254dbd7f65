"""Sourcing on a coding sheet: the columns, the coding guide's part, the machine's codes.

The summary reports which kinds of source each outlet's sentences credit
(:func:`analysis.framing.sourcing.sourcing_matrix`): a sentence is ``attributed`` when it has
an attribution verb or a direct quotation, and credits a kind (``source_<kind>``) when the
speaker it names is of that kind by the words of the run's source lexicon. Those are word
rules, and a reader who cites the shares needs to know how often they agree with a careful
reader on their own articles ("validate, validate, validate": Grimmer & Stewart 2013). With
``code-sample --sourcing`` a sheet of sentences gets those columns to fill;
``validate`` then measures the rules against the human codes like the frames, as the coder
``"sources"`` of ``agreement.csv``.

What is measured is the reading of **one sentence alone**, which is all a coder sees on the
sheet: a follow-up whose speaker was named in an earlier sentence ("she said", "Whitfield
said"), which a run credits from the article (:mod:`analysis.framing.follow_ups`), credits no
kind here, for the coder as for the machine. How often those follow-up credits are right was
checked by hand on PerSenT (``python -m analysis bench sourcing``), not by this sheet. Nor are
sentences whose speaker only the context gives (transcript turns, Q&A answers, quotation
continuations, block quotes): coded "no source" by coder and machine alike, they count as
agreement, as the guide and the summary say (a tester found them so on her sheet); the run's
credits to a transcript's guests, read from the speakers' labels, are not checked here.

Grimmer, J. & Stewart, B. M. (2013). Text as data. Political Analysis 21(3), 267–297.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from analysis.framing.sourcing import SourceLexicon, load_sources
from analysis.lexicon import read_toml
from analysis.validation.agreement import SOURCING_METHOD

__all__ = [
    "ATTRIBUTED",
    "SOURCING_METHOD",  # the coder's name in agreement.csv
    "is_sourcing_column",
    "machine_sourcing_codes",
    "sourcing_columns",
    "sourcing_guide",
    "sourcing_lexicon",
]

ATTRIBUTED = "attributed"


def is_sourcing_column(name: str) -> bool:
    """Whether a sheet's column is one of the sourcing columns of some source lexicon
    (``attributed`` or ``source_<kind>``), which ``train`` does not take for a frame."""
    return name == ATTRIBUTED or name.startswith("source_")


def sourcing_lexicon(lexicon: SourceLexicon | str | Path | None = None) -> SourceLexicon:
    """``lexicon`` loaded (a path, or None/"" for the bundled ``sources.toml``)."""
    if isinstance(lexicon, SourceLexicon):
        return lexicon
    return load_sources(str(lexicon) if lexicon else None)


def sourcing_columns(lexicon: SourceLexicon | str | Path | None = None) -> list[str]:
    """The sheet's sourcing columns: ``attributed``, then ``source_<kind>`` for each kind of
    the lexicon, in its order."""
    lex = sourcing_lexicon(lexicon)
    return [ATTRIBUTED, *(f"source_{kind}" for kind in lex.categories)]


def machine_sourcing_codes(
    texts: Sequence[str] | pd.Series, lexicon: SourceLexicon | str | Path | None = None
) -> pd.DataFrame:
    """The source lexicon's codes for ``texts``, each sentence read alone: one 0/1 column per
    :func:`sourcing_columns`, one row per text."""
    from analysis.framing.sourcing import sourcing_matrix

    lex = sourcing_lexicon(lexicon)
    columns = sourcing_columns(lex)
    table = sourcing_matrix(list(texts), lex.path)
    return table[columns].astype(int).reset_index(drop=True)


def _kind_words(lex: SourceLexicon) -> dict[str, list[str]]:
    """Each kind's words and names as the lexicon file lists them (its patterns left out)."""
    data = read_toml(Path(lex.path), "sourcing lexicon").get("sources", {})
    out = {}
    for kind in lex.categories:
        entry = data.get(kind, {}) if isinstance(data, dict) else {}
        if not isinstance(entry, dict):
            entry = {}
        out[kind] = [str(w) for w in [*entry.get("terms", []), *entry.get("names", [])]]
    return out


def sourcing_guide(
    lexicon: SourceLexicon | str | Path | None = None, *, show_words: bool = False
) -> list[str]:
    """The coding guide's part on the sourcing columns (Markdown lines). The words the machine
    reads as each kind are listed only with ``show_words``: a tester found the guide's
    "Politicians (president, ...)" would have a coder code a union's president as the machine
    does, and so flatter its agreement (the frames' indicators are hidden so too)."""
    lex = sourcing_lexicon(lexicon)
    words = _kind_words(lex)
    lines = [
        "## Sourcing: `attributed` and the `source_` columns",
        "",
        "Judge each sentence **alone**, as it stands on the sheet. The sheet shows no sentence "
        "around it, not even the one before, on purpose: it measures the machine's reading of "
        "one sentence. So a sentence whose speaker is known only from the text around it — a "
        "transcript's turn after its speaker's label, an answer in a Q&A interview, a "
        "quotation carried on from an earlier sentence, a block quote under its introduction — "
        "is coded as it reads alone: no `source_` kind, and `attributed` only for a verb of "
        "saying or quotation marks of its own. The machine reads it so too, so such sentences "
        "count as agreement: how many sources the run misses in them, and whether its credits "
        "to a transcript's guests (read from the speakers' labels) are right, is not measured "
        "here.",
        "",
        "- `attributed`: `1` if the sentence attributes words or a claim to someone, by a verb "
        "of saying (“said”, “told”, “according to”, “announced”…) or by quoting them directly, "
        "`0` if the sentence speaks in the outlet's own voice.",
        "- `source_<kind>`: `1` if the sentence attributes words or a claim to a speaker that "
        "the sentence itself names as of that kind (below), `0` if not. A sentence may have "
        "several kinds, or none (“she said”, “Whitfield said”, “a statement said”: who is "
        "speaking is not said in this sentence). Someone only mentioned, or someone the "
        "speaker talks about or to (“told reporters”, “criticised the minister”), is not a "
        "source. An unattributed sentence has `0` in every `source_` column.",
        "",
        (
            f"Source lexicon: `{lex.path}`. The kinds, with the words the machine reads as each "
            "(judge the meaning, not the words):"
            if show_words
            else f"Source lexicon: `{lex.path}`. The kinds (judge who the speaker is, by the "
            "meaning: a union's president speaks for the union, not as a politician; the words "
            "the machine reads are left out, so as not to steer you towards its reading, and "
            "listed with `--show-indicators`):"
        ),
        "",
    ]
    for kind in lex.categories:
        listed = ", ".join(words.get(kind, [])[:25])
        if listed and len(words.get(kind, [])) > 25:
            listed += ", …"
        shown = f" ({listed or 'by patterns'})" if show_words else ""
        lines.append(f"- `source_{kind}`: {lex.labels.get(kind, kind)}{shown}")
    lines += [
        "",
        "The machine reads only this one sentence too; in a run, a follow-up (“she said”) is "
        "credited from the article, which this sheet does not check.",
        "",
    ]
    return lines
