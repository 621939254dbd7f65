"""Actors found in the corpus itself, for a run that gives no actor list.

A name is a sequence of capitalised words ("Maria Lopez", "Harbour Council", "NASA"), joined by
at most one lower-case connector ("Bank of England") or by a surname's particles, several in a
row ("Pieter van der Berg", "Rafael de la Cruz", "the van der Berg plan", "Omar al-Sayed";
:func:`_joins`), and by nothing but spaces: a comma, a
parenthesis or a dash ends it ("Parkland, Fla." is two names, "Washington (CNN)" too). A single
capitalised word that opens a sentence, or the part of a headline after a label or a separator
("LIVE: Hopeful signs …", "Port Alder: State board …", "… | Chaos at stations"), is capitalised
because it opens it: it counts as a name only where the corpus also writes it as a one-word name
elsewhere (:func:`_at_opening`, which also takes a sentence the splitter left inside a text,
"No. Ministers can ..."; a tester's headlines had made actors of "Hopeful", "Chaos",
"Critics", "Residents" and "State"). A one-word name the corpus writes in lower case, as a
word, in more sentences than it writes it capitalised after an opening is that word
("ministers"), not a name. An acronym opening a sentence ("SEIU Local 721 endorsed
…", "PHPD officers …") is in capitals whatever it opens, and counts as a name there, unless a
label's colon, bar or dash follows it ("LIVE: …"; :func:`_acronym_opening`). A sentence written
in capitals
(:func:`analysis.sentiment.scoring.in_capitals`) gives no name: its capitals tell none ("SOURCES
SAY", "UPDATE"). Left out: words of a stop list (months, weekdays, titles and their
abbreviations, sentence openers and pronouns with their contractions, "I'm", "It's"; "AM", "PM"
and "AD"; a few roles written before a name, "Mediator", "Spokeswoman", "Councillor"), which are
also stripped from the ends of a name ("Gov. Andrew Cuomo" counts as "Andrew Cuomo", "Mediator
Ruth Calloway" as "Ruth Calloway", "Councillor Derek Fane" as "Derek Fane"), and a
single letter ("D" of "3D"). A capitalised word followed by a number labels a numbered thing
("Year 11", "Grade 9", "Stage 2", "Level 3", "Page 4", "Section 5") and is left out of the name
it ends ("Malaysia Airlines Flight 370" counts as "Malaysia Airlines"). The capitalised words an
office's title takes are the office's, not
an actor's: before the title ("Prime Minister", "Foreign Minister", "Treasury Secretary", "White
House Press Secretary" leaves "White House"), after it ("Chief Executive Tim Cook") and the field
after "<title> of" ("Secretary of State Marco Rubio", "Minister of Foreign Affairs Wang Yi",
"Chief of Staff John Kelly" leave the person; "Secretary of State" alone leaves nothing, where
0.1 read an actor "State"). The words are a list (:data:`OFFICE_WORDS`), so a field it lacks
stays in the name ("Secretary of Health and Human Services" leaves "Human Services"), as does
a place or a body ("Mayor of London Sadiq Khan", "Mayor of New York City").

Two spellings of one name count as one (:func:`name_aliases`; the table's ``aliases`` column
lists the others): an abbreviation with full stops and without ("N.R.A." and "NRA"), and an
abbreviation that an article of the corpus defines in brackets after its long form ("National
Rifle Association (NRA)"), the definitions that Schwartz & Hearst (2003, "A simple algorithm for
identifying abbreviation definitions in biomedical text", PSB) find, kept here only when the
short form's letters are the initials of the long form's words. A surname standing alone counts
as a full name it ends ("Trump" as "Donald Trump") when the corpus leaves little doubt
(:func:`_surname_aliases`): the full name has a person's shape (two or three capitalised
words, the first neither a title nor a place's first word, "Judge", "North"), is in at least
three sentences, rarely after "the" ("the White House"), and not only opening a sentence; of
the full names of a person's shape the surname ends (those written after "the" too), it is in
at least 80% of their sentences (so "Clinton" stays apart where "Hillary Clinton" and "Bill
Clinton" both are, even where "the Hillary Clinton campaign" is written); and the surname is
neither a word the corpus writes in lower case half as often ("Page", "Hunt") nor another name's
first word more often than the full name is written ("Washington" of "Washington Post"). A
surname left alone that ends two or more such full names ("Delgado" of Maria Delgado and Tomás
Delgado) says so (the table's ``surname_of`` column, the actor's finding:
:func:`shared_surnames`): its sentences may be about any of them. A name
also counts as the one name that adds a kind of body to it ("Mercy Lakeside" as "Mercy Lakeside
Hospital": :func:`_kind_aliases`), and a people's or a party's plural as its name ("Republicans"
as "Republican", "Israelis" as "Israeli": :func:`_group_plurals`). Telling people from places
and bodies without a model of names stays a guess: the table lists each name's other spellings
(``aliases``) for review, and an actor list decides.

Each group's most frequent names, counted in sentences, become the actors, among the names that
at least two articles of the corpus use (:data:`MIN_DOCS`): a name only one article uses (its
witness, its café, a caption's photographer) is that article's detail, not an actor of the
story, and without the rule a corpus of many small outlets got dozens of them. Of those, at most
:data:`MAX_ACTORS` are kept, the ones in most sentences of the corpus.
:func:`discovered_names` is the table to review them (notebook 01 shows it).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from itertools import pairwise

import pandas as pd

from analysis.sentiment.actors import DISCOVERED, Actor
from analysis.sentiment.scoring import in_capitals

TOP_PER_GROUP = 8  # names kept per group
# actors kept in all at most: those in most sentences of the corpus. Without a cap a corpus of
# many outlets got eight from each: PerSenT's 1,984 articles grouped by their 838 target
# entities got 1,075 actors, a column of each in a 356 MB sentences table and a finding of each
# in a summary of 134,000 words; the actor heatmap shows 20 rows (sentiment.plots).
MAX_ACTORS = 20
MIN_SENTENCES = 2  # a name must occur in at least this many sentences of the group
MIN_DOCS = 2  # ...and in at least this many articles of the corpus
# Short forms news writes without defining them (AP Stylebook: "U.S.", "U.N.", "EU" stand
# alone in copy), each counted as its long form when the corpus writes that too: a tester's
# actors listed "US" and "United States" apart, each with half the sentences. ("WHO" is no name
# here: "who" is a stop word.)
WELL_KNOWN_SHORT_FORMS = {
    "US": "United States",
    "USA": "United States",
    "UK": "United Kingdom",
    "EU": "European Union",
    "UN": "United Nations",
    "UAE": "United Arab Emirates",
    "NATO": "North Atlantic Treaty Organization",
    "IMF": "International Monetary Fund",
    "WTO": "World Trade Organization",
}
# lower-case words that join capitalised words into one name: "of" and "for" ("Bank of
# England"), and the particles of surnames, which may follow one another ("Pieter van der
# Berg", "Rafael de la Cruz", "Ursula von der Leyen", "Osama bin Laden"); see _joins
LINKS = frozenset({"of", "for"})
PARTICLES = frozenset(
    """de du la le les des del della dei da di dos das los las van von der den ter zu bin
    ibn""".split()  # noqa: SIM905 ("do" and "ten" are English words: "Iowa ten Democrats")
)
CONNECTORS = LINKS | PARTICLES
# particles that may open a name written inside a sentence ("the van der Berg plan")
LEADING_PARTICLES = frozenset("de du da di del della des dos das van von bin ibn".split())  # noqa: SIM905
MAX_PARTICLES = 3  # particles in a row ("de los", "van der", "von und zu" has a fourth word)
# a lower-case particle written with a hyphen or an apostrophe before a capitalised surname,
# which makes the word a name's ("al-Sayed", "el-Sisi", "bin-Salman", "d'Alembert")
_PARTICLE_PREFIX = re.compile(r"(?:al|el|ad|as|ash|at|ar|ud|bin|ibn|abu|ben)-|[dl]['’]")
STOP_WORDS = frozenset(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    saturday sunday today yesterday tomorrow mr mrs ms miss dr prof sir madam mayor president
    minister senator governor chairman chairwoman chief director professor secretary pope
    cardinal archbishop princess sheikh emir the a an
    this that these those his her its their our my your we he she it they i you in on at by
    for from to of and or but if when while after before as with without about there here
    what who why how yet so also however meanwhile although though since because according
    last next one two three four five first second third many some most more all every
    each no not both other another such only once then now still gov sen rep gen lt sgt capt
    col cmdr rev det atty supt am pm ad mediator negotiator spokesperson spokesman
    spokeswoman councillor councilor councilman councilwoman alderman alderwoman assemblyman
    assemblywoman congressman congresswoman sheriff ambassador superintendent
    commissioner member councilmember""".split()  # noqa: SIM905
)
# a word starting with a letter, not inside another word ("D" of "3D", "s" of "it's")
_TOKEN = re.compile(r"(?<![\w'’])[^\W\d_][\w'’.&-]*")
NAME_COLUMNS = ["name", "aliases", "n_sentences", "n_docs", "surname_of"]
# what may come before a sentence's first word: quotes, brackets, dashes, spaces
_OPENS = re.compile(r"[\s\"'“‘«(\[—–-]*")
# a full name takes its surname when it has at least this share of the full names ending so
SURNAME_SHARE = 0.8
MIN_FULL_NAME = 3  # ...and is in at least this many sentences
AFTER_THE_SHARE = 0.1  # ...and fewer than this share of them write it after "the"
COMMON_WORD_SHARE = 0.5  # see _read_names
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z]+(?![\w'’-])")
# a word of letters of any alphabet, apostrophes and hyphens (its first a capital: see
# _is_person_word)
_PERSON_WORD = re.compile(r"(?:[^\W\d_]|['’-])+")
# first words of places' names, which have a person's shape ("South Africa", "New Jersey")
PLACE_WORDS = frozenset(
    """north south east west northern southern eastern western central upper lower greater new
    old latin saint st san santa los las el la le fort port mount lake cape""".split()  # noqa: SIM905
)
# last words naming a kind of body, which a story often drops after the first mention
# ("Mercy Lakeside Hospital", then "Mercy Lakeside"); see _kind_aliases
KIND_WORDS = frozenset(
    """Hospital Clinic University College Foundation Institute Association Group Holdings
    Company Corporation Party""".split()  # noqa: SIM905
)
# words between a name and its kind that a story drops with the kind ("Mercy General Hospital")
KIND_QUALIFIERS = frozenset(
    "General Memorial Medical Community Regional Children's Children’s Teaching State".split()  # noqa: SIM905
)
# companies' legal forms, after which even a one-word name is the same company ("Tesla Inc")
LEGAL_FORMS = frozenset("Inc Corp Ltd LLC PLC AG SA GmbH Co".split())  # noqa: SIM905
# first words of titles and descriptions the stop list leaves in a name ("Judge Roy Moore")
TITLE_WORDS = frozenset(
    """judge justice attorney general pres former late republican democrat democratic
    conservative liberal special counsel lord lady king queen prince princess pope bishop
    father sister brother coach captain officer agent detective sergeant lieutenant
    commissioner chancellor premier ambassador representative congressman congresswoman
    hurricane storm tropical typhoon cyclone operation magic man woman merry happy""".split()  # noqa: SIM905
)
# stop-listed titles of an office, whose neighbouring capitalised words name the office, not
# an actor: "Treasury Secretary Scott Bessent", "Secretary of State Marco Rubio"
OFFICE_TITLES = frozenset(
    """president minister secretary governor mayor chairman chairwoman chief director
    spokesperson spokesman spokeswoman member councilmember""".split()  # noqa: SIM905
)
# the bodies whose "Member" is a title before a name ("Council Member Dana Whitfield")
MEMBER_BODIES = frozenset(
    "council board assembly committee cabinet commission staff faculty".split()  # noqa: SIM905
)
# words that make a title of an office ("Prime Minister", "Foreign Minister", "Vice President",
# "Press Secretary", "Chief Executive Officer") or name its field after "of" ("Minister of
# Foreign Affairs"); see _name_spans
OFFICE_WORDS = frozenset(
    """prime vice deputy acting assistant under associate interim foreign home state defense
    defence treasury commerce finance trade interior energy health education justice labor
    labour agriculture transport transportation environment housing economy economic press
    security homeland affairs intelligence development executive operating financial
    officer staff""".split()  # noqa: SIM905
)
# a picture agency's credit, left in a text from a caption: a tester's discovered actors held
# "Getty Images"; the words that end one, and the agencies' names before them
CREDIT_WORDS = frozenset({"Images", "Photo", "Photos", "Photography", "Pool"})
CREDIT_BRANDS = frozenset({"Getty", "AP", "AFP", "EPA", "NurPhoto", "Sipa", "Shutterstock",
                           "iStock", "iStockphoto", "Alamy", "Stock", "File", "View"})  # fmt: skip
_APOSTROPHE = re.compile(r"['’]")
# an abbreviation written with full stops ("N.R.A", the last stop taken off by _clean)
_DOTTED = re.compile(r"[A-Z](?:\.[A-Z])+\.?")
# a word ending in one full stop, as an abbreviation inside a name does ("St.", "F.", "U.S.")
_ABBREVIATION_STOP = re.compile(r"(?<!\.)\.$")
_OPENS_BRACKET = re.compile(r"\s*\(\s*")
_CLOSES_BRACKET = re.compile(r"\s*\)")


def _clean(word: str) -> str:
    """A token without its possessive and the stops, dashes and ampersands that end it
    ("D.C.'s" -> "D.C")."""
    for suffix in ("'s", "’s"):
        if word.endswith(suffix):
            word = word[: -len(suffix)]
    return word.rstrip(".-'’&")


def _joins(word: str, run: Sequence[str]) -> bool:
    """Whether the lower-case ``word`` joins the name being read (its words so far, ``run``):
    one connector after a name's word ("Bank of England"), or a surname's particle after a
    name's word or after other particles, up to :data:`MAX_PARTICLES` in a row ("Pieter van der
    Berg", "Van der Berg" opening a headline, "Rafael de la Cruz"). Without the rule only one
    joined: a tester's "Pieter van der Berg" was read as two names, "Pieter" and "Berg"."""
    if not run or word not in CONNECTORS:
        return False
    trailing = 0
    for previous in reversed(run):
        if previous not in CONNECTORS:
            break
        trailing += 1
    if trailing == 0:
        return True
    return word in PARTICLES and run[-1] in PARTICLES and trailing < MAX_PARTICLES


def _opens_surname(sentence: str, word: str, end: int) -> bool:
    """Whether ``word``, ending at ``end`` of ``sentence``, is a lower-case particle opening a
    surname written without its first name: other particles may follow, then a capitalised
    word, with only spaces between ("the van der Berg plan", "said de la Cruz")."""
    if word not in LEADING_PARTICLES:
        return False
    if not sentence[end : end + 1].isspace():
        return False
    for k, after in enumerate(sentence[end:].split(None, MAX_PARTICLES)):
        if after in PARTICLES and k < MAX_PARTICLES - 1:
            continue
        return _is_name_word(_clean(after))
    return False


def _is_name_word(word: str) -> bool:
    """A capitalised word that is not a stop word, nor a stop word's contraction ("I'm",
    "It's", "We've": the part before the apostrophe is the stop word), nor a letter prefixed to
    a word with a hyphen ("D-printed" of "3-D-printed", "X-ray", "T-shirt"); or a surname
    written after a lower-case particle and a hyphen or an apostrophe ("al-Sayed", "d'Estaing")."""
    prefix = _PARTICLE_PREFIX.match(word)
    if prefix and word[prefix.end() : prefix.end() + 1].isupper():
        return True
    return (
        bool(word)
        and word[0].isupper()
        and word.lower() not in STOP_WORDS
        and _APOSTROPHE.split(word, maxsplit=1)[0].lower() not in STOP_WORDS
        and not (len(word) > 1 and word[1] == "-")
    )


# what follows a word that labels a numbered thing: spaces, then a figure ("Year 11", "Grade
# 9", "Page 4", "Section 5", "Flight 370"); the word is the label's, not a name's (see
# _name_spans: a tester's discovered actor "Year" was pupils' "Year 11" and "Year 13")
_NUMBER_AFTER = re.compile(r"[^\S\n]+\d")

# More capitalised words in a row than a name has: a title-case headline or a page's tag list
# ("Generational Dynamics Syria Russia Vladimir Putin Sochi Sergei Lavrov Syrian National
# Dialogue Congress Staffan", a copy editor's discovered "actor", quoted in the summary)
MAX_NAME_WORDS = 7


def _name_spans(sentence: str, first_word: bool = False) -> list[tuple[int, int, str]]:
    """The names of one sentence as ``(start, end, name)``: where the name's first and last
    words start and end in the sentence, and the name (see the module docstring). A single
    word opening the sentence is left out, unless ``first_word``
    (:func:`_read_names` keeps it where the corpus writes it as a name elsewhere)."""
    names: list[tuple[int, int, str]] = []
    # (token position, start, end, word, the word as written inside a name: "St." of "St.
    # Brennan", whose full stop the name keeps so that it matches the text it came from)
    run: list[tuple[int, int, int, str, str]] = []
    # how the run opened: right after "<title> of" ("Secretary of State Marco Rubio"), its first
    # office words name the office's field; right after a title ("Chief Executive Tim Cook"),
    # they belong to the title. Neither is an actor. A place or a body after "of" stays a name
    # ("Mayor of New York City", "director of Human Rights Watch").
    field_of_office = after_title = False
    before: list[tuple[str, int]] = []  # the last two words read (lower case, where they end)

    def close() -> None:
        nonlocal field_of_office, after_title
        # a capitalised word followed by a number labels a numbered thing ("Year 11", "Stage 2",
        # "Malaysia Airlines Flight 370" leaves "Malaysia Airlines"): no part of a name
        if run and _NUMBER_AFTER.match(sentence, run[-1][2]):
            run.pop()
        if field_of_office or after_title:
            while run and run[0][3].lower() in OFFICE_WORDS:
                del run[0]
        field_of_office = after_title = False
        while run and (run[-1][3] in CONNECTORS or run[-1][3].lower() in LINKS):
            run.pop()
        # a photo's credit at the name's end, no actor: "Chip Somodevilla Getty Images"
        if run and run[-1][3] in CREDIT_WORDS:
            run.pop()
            while run and run[-1][3] in CREDIT_BRANDS:
                run.pop()
        if len(run) > MAX_NAME_WORDS:  # a title-case headline or a tag list, not a name
            run.clear()
        opener = run and run[0][0] == 0 and not _acronym_opening(sentence, run[0])
        if run and not (len(run) == 1 and ((opener and not first_word) or len(run[0][3]) < 2)):
            words = [inside for *_, inside in run[:-1]] + [run[-1][3]]
            names.append((run[0][1], run[-1][2], " ".join(words)))
        run.clear()

    for position, match in enumerate(_TOKEN.finditer(sentence)):
        word = _clean(match.group(0))
        if run and not sentence[run[-1][2] : match.start()].isspace():
            close()  # a comma, a bracket or a dash between two words ends a name
        joins = _joins(word, [w for *_, w, _ in run]) or (
            not run and _opens_surname(sentence, word, match.end())
        )
        if _is_name_word(word) or joins:
            if not run:
                field_of_office = _after_title_of(sentence, before, match.start())
                after_title = _after_title(sentence, before, match.start())
            stop = _ABBREVIATION_STOP.search(match.group(0)) is not None
            run.append((position, match.start(), match.end(), word, word + "." if stop else word))
        else:
            if word.lower() in OFFICE_TITLES:  # "Foreign Minister", "White House Press Secretary"
                while run and run[-1][3].lower() in OFFICE_WORDS:
                    run.pop()
                # "Council Member Dana Whitfield": the body a member sits on is the title's
                if word.lower() == "member" and run and run[-1][3].lower() in MEMBER_BODIES:
                    run.pop()
            close()
        before = [*before[-1:], (word.lower(), match.end())]
    close()
    return names


# a word wholly in capitals, of two letters or more ("SEIU", "PHPD", "NATO")
_ACRONYM = re.compile(r"[^\W\d_]{2,}")
# words in capitals that open a sentence as words, not as names ("OK, the vote is on")
NOT_ACRONYMS = frozenset({"OK", "TV"})
# what ends a headline's label after a word ("LIVE:", "WATCH |", "UPDATE -")
_LABEL_END = re.compile(r"\s*(?:[:|•·]|\s[-–—]\s)")


def _acronym_opening(sentence: str, token: tuple[int, int, int, str, str]) -> bool:
    """Whether the word of ``token`` (as :func:`_name_spans` reads it), opening ``sentence``, is
    an acronym, which is in capitals whatever word it opens ("SEIU Local 721 endorsed ...",
    "PHPD officers kept watch"), and not a headline's label ("LIVE: ...", "WATCH | ...")."""
    word = token[3]
    return (
        word not in NOT_ACRONYMS
        and _ACRONYM.fullmatch(word) is not None
        and word.isupper()
        and _LABEL_END.match(sentence, token[2]) is None
    )


def _after_title(sentence: str, before: list[tuple[str, int]], start: int) -> bool:
    """Whether the word at ``start`` comes right after an office's title, with only spaces
    between ("Chief Executive", "Prime Minister")."""
    if not before:
        return False
    title, title_end = before[-1]
    return title in OFFICE_TITLES and sentence[title_end:start].isspace()


def _after_title_of(sentence: str, before: list[tuple[str, int]], start: int) -> bool:
    """Whether the word at ``start`` comes right after an office's title and "of", with only
    spaces between ("Secretary of State", "Minister of Foreign Affairs", "Mayor of London")."""
    if len(before) < 2:
        return False
    (title, title_end), (connector, connector_end) = before
    return (
        title in OFFICE_TITLES
        and connector == "of"
        and sentence[title_end : connector_end - 2].isspace()
        and sentence[connector_end:start].isspace()
    )


# What ends a headline's label or part, after which its next word is capitalised as a
# sentence's first word is: "LIVE: Hopeful signs …", "Port Alder: State board …", "… | Chaos …"
_PART_ENDS = frozenset(":|–—•·")
# what may stand between such a mark and the word: spaces, quotation marks, brackets
_BEFORE_WORD = " \t\"'“‘«(["


# a sentence's end inside a text, after which the next word is capitalised as a sentence's
# first is: a full stop, a question or an exclamation mark, closing quotes or brackets, spaces,
# then perhaps the next sentence's opening quotes or bracket
_ENDS_SENTENCE = re.compile(r"([^\s.!?]*)[.!?]+[\"'”’»)\]]*\s+[\s\"'“‘«(\[]*$")
# words that end in a full stop inside a sentence, before a name: titles' abbreviations
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st mt ft gov sen rep gen lt sgt capt col cmdr rev det atty supt jr sr
    messrs mme mlle hon adm maj cpl pvt insp""".split()  # noqa: SIM905
)


def _at_opening(text: str, start: int) -> bool:
    """Whether the word at ``start`` of ``text`` opens it, or a part of it after a label or a
    separator (a colon, a bar, a dash set off by spaces: :data:`_PART_ENDS`), or a sentence the
    sentence splitter left inside it, after a full stop, a question or an exclamation mark that
    ends no abbreviation ("No. Ministers can accept ...", split as one sentence because "No."
    may be a number's: a tester's actors held "Ministers", which her corpus wrote in lower case
    everywhere else), so that it is capitalised whether or not it is a name. A title's
    abbreviation ("Dr. Kebede", :data:`ABBREVIATIONS`), an initial ("John F. Kennedy") or an
    abbreviation with full stops ("the U.S. Senate") does not end a sentence."""
    before = text[:start].rstrip(_BEFORE_WORD)
    if not before:
        return True
    if before[-1] in _PART_ENDS or (before[-1] == "-" and before[-2:-1].isspace()):
        return True
    end = _ENDS_SENTENCE.search(text[:start])
    if end is None:
        return False
    word = end.group(1).lstrip("\"'“‘«([")
    return (
        len(word) > 1
        and word.lower() not in ABBREVIATIONS
        and _DOTTED.fullmatch(word.rstrip(".")) is None
        and "." not in word
    )


def names_in(sentence: str) -> list[str]:
    """The capitalised names in one sentence, in order (see the module docstring)."""
    return [name for _, _, name in _name_spans(sentence)]


def _undotted(name: str) -> str:
    """An abbreviation without its full stops ("N.R.A" -> "NRA"), a name without those of the
    abbreviations inside it ("St. Brennan" -> "St Brennan", "U.S. Steel" -> "US Steel"); any
    other name as it is."""
    if _DOTTED.fullmatch(name):
        return name.replace(".", "")
    if "." not in name:
        return name
    return " ".join(_undotted_word(word) for word in name.split())


def _undotted_word(word: str) -> str:
    """One word of a name without the full stop that ends it ("St." -> "St") and, when it is
    an abbreviation, without its inner ones ("U.S." -> "US"); a word with a stop inside that is
    no abbreviation stays so ("Amazon.com")."""
    word = word.rstrip(".")
    return word.replace(".", "") if _DOTTED.fullmatch(word) else word


def _initials(long_form: str) -> set[str]:
    """The initials a long form's abbreviation may have: of every word, or of every word but
    its connectors ("DoD", "DD"), taking hyphenated parts as words or not ("ADL" of
    "Anti-Defamation League", "AL")."""
    found = set()
    for words in (long_form.split(), re.split(r"[\s-]+", long_form)):
        words = [w for w in words if w]
        found.add("".join(w[0] for w in words).upper())
        found.add("".join(w[0] for w in words if w.lower() not in CONNECTORS).upper())
    return found


def _is_short_form(name: str) -> bool:
    """One word of 2-10 letters, at least two of them, and half, capitals ("NRA", "DoD")."""
    letters = re.sub(r"[^A-Za-z]", "", name)
    capitals = sum(c.isupper() for c in letters)
    return " " not in name and 2 <= len(letters) <= 10 and capitals >= max(2, len(letters) / 2)


def _definitions(sentence: str, spans: list[tuple[int, int, str]]) -> list[tuple[str, str]]:
    """``(short form, long form)`` for each "Long Form (LF)" of the sentence whose short form's
    letters are the initials of the long form's words."""
    found = []
    for (_, end, long_form), (start, short_end, short) in pairwise(spans):
        if (
            " " in long_form
            and _OPENS_BRACKET.fullmatch(sentence[end:start])
            and _CLOSES_BRACKET.match(sentence, short_end)
            and _is_short_form(short)
            and re.sub(r"[^A-Za-z]", "", short).upper() in _initials(long_form)
        ):
            found.append((short, long_form))
    return found


def _read_names(texts: Iterable[str]) -> tuple[list[list[str]], dict[str, str], set[str]]:
    """The names of each text, in order, the corpus's aliases (:func:`name_aliases`) and the
    names some text writes after its first word, from one pass over the texts."""
    per_text: list[list[str]] = []
    defined: dict[str, set[str]] = {}
    after_the: Counter[str] = Counter()  # sentences writing a name after "the" ("the White House")
    inside: set[str] = set()  # names some sentence writes after its first word
    # one-word names written somewhere not at an opening (:func:`_at_opening`), and, per text,
    # the one-word names it writes only at one ("Hopeful signs …", "LIVE: Hopeful signs …"):
    # those count where the corpus writes the word as a name elsewhere
    named_inside: Counter[str] = Counter()  # ...in how many sentences
    at_opening: list[set[str]] = []
    texts = [str(text) for text in texts]  # read twice: the surnames' lower-case uses, below
    for text in texts:
        # in a sentence in capitals ("MAYOR ACCUSED, SOURCES SAY | Valley Courier"), capitals
        # tell no name: a tester's headlines gave "SOURCES SAY", "UPDATE" and "ENDS"
        every = [] if in_capitals(text) else _name_spans(text, first_word=True)
        openers = {
            n
            for start, end, n in every
            if " " not in n
            and _at_opening(text, start)
            and not _acronym_opening(text, (0, start, end, n, n))
        }
        named_inside.update(
            {n for start, _, n in every if " " not in n and not _at_opening(text, start)}
        )
        at_opening.append(openers)
        per_text.append([name for *_, name in every])
        # the names as names_in has them: without a one-word name opening the text
        head = _TOKEN.search(text)
        spans = [s for s in every if " " in s[2] or head is None or s[0] != head.start()]
        for short, long_form in _definitions(text, spans):
            defined.setdefault(_undotted(short), set()).add(long_form)
        if spans:
            after_the.update({name for start, _, name in spans if _after_the(text, start)})
            opening = _OPENS.match(text)
            first = opening.end() if opening else 0
            inside.update(name for start, _, name in spans if start > first)
    # a one-word name in lower case letters the corpus writes as a word, in lower case, in more
    # sentences than it writes it capitalised after an opening is that word ("ministers"; a
    # tester's actors held "Ministers"), not a name; an acronym is not one ("US" and "us")
    cased = {n for n in named_inside if not n.isupper() and n[1:] == n[1:].lower()}
    lower = _lower_case_uses(texts, cased)
    words_not_names = {n for n in cased if lower[n.lower()] > named_inside[n]}
    per_text = [
        [
            name
            for name in names
            if name not in words_not_names and (name not in openers or name in named_inside)
        ]
        for names, openers in zip(per_text, at_opening, strict=True)
    ]
    counts = Counter(name for names in per_text for name in set(names))  # sentences, each name
    seen = set(counts)
    # a short form news writes without defining it ("US", "EU"), when the corpus also writes the
    # long form; a short form the corpus defines otherwise keeps its own definition
    known = {
        short: long_form
        for short, long_form in WELL_KNOWN_SHORT_FORMS.items()
        if long_form in seen and short not in defined
    }
    # "N.R.A" counts as "NRA" when the corpus also writes "NRA" (or defines it, below)
    plain = {name: _undotted(name) for name in seen if _undotted(name) != name}
    aliases = {
        name: known.get(bare, bare)
        for name, bare in plain.items()
        if bare in seen or bare in defined or bare in known
    }
    aliases.update({short: long_form for short, long_form in known.items() if short in seen})
    for short, long_forms in defined.items():
        if len(long_forms) == 1:
            (long_form,) = long_forms
            if long_form not in defined:
                aliases[short] = long_form
    for name, target in list(aliases.items()):
        if target in aliases and aliases[target] != target:
            aliases[name] = aliases[target]  # "N.R.A" -> "NRA" -> "National Rifle Association"
    # before the people: a body's short form is no one's name, and its last word no surname
    for short, long_form in _kind_aliases(seen, counts).items():
        if short not in aliases:  # "Mercy Lakeside" counts as "Mercy Lakeside Hospital"
            aliases[short] = aliases.get(long_form, long_form)
    people = {
        name
        for name in inside
        if counts[name] >= MIN_FULL_NAME
        and after_the[name] < AFTER_THE_SHARE * counts[name]  # "the White House", not a person
        and _is_person_like(name)
        and name not in aliases
    }
    # every full name of a person's shape competes for its surname, not only those taken for
    # people: "the Hillary Clinton campaign" kept Hillary Clinton out of them, and "Clinton"
    # became Bill Clinton's, half as often named (a tester's 48 articles on Russia)
    shaped = {name for name in inside if _is_person_like(name) and name not in aliases}
    surnames = _surname_aliases(counts, people, shaped)
    common = _lower_case_uses(texts, surnames)
    for surname, full in surnames.items():
        # a surname that is also a word ("Page", "Hunt", "Wars") is left alone when the corpus
        # writes the word in at least half as many sentences as the name alone
        if common[surname.lower()] < COMMON_WORD_SHARE * counts[surname]:
            aliases.setdefault(surname, full)
    # a surname opening on a particle is capitalised at a sentence's start ("Van der Berg
    # said", "Pete van der Berg said"): one name, counted as its capitalised spelling
    for name in sorted(seen):
        capitalised = name[0].upper() + name[1:]
        if name.split()[0] in PARTICLES and capitalised in seen:
            aliases.setdefault(name, aliases.get(capitalised, capitalised))
    for plural, singular in _group_plurals(seen).items():
        aliases.setdefault(plural, aliases.get(singular, singular))
    # "Maria Okafor of Save Harlow Creek" is two names where Maria Okafor is one of the
    # corpus's people: a tester's actors listed her twice, once with her group
    split = {name: parts for name in seen if (parts := _person_of(name, people, seen))}
    if split:
        per_text = [
            [part for name in names for part in split.get(name, [name])] for names in per_text
        ]
        inside |= {part for parts in split.values() for part in parts}
    return per_text, aliases, inside


def _person_of(name: str, people: set[str], names: set[str]) -> list[str] | None:
    """``[person, rest]`` for a name read as a person, a connector and a body ("Priya Raman of
    Central State University") whose person is one of the corpus's ``people`` (a full name
    written alone in several sentences, :func:`_read_names`), or has a person's shape and a
    surname the corpus writes alone as a name (news names "Priya Raman of ..." once, then
    "Raman"), else None: "Bank of England" and "Marston Chamber of Commerce" stay one name."""
    words = name.split()
    for k, word in enumerate(words[:-1]):
        if word in CONNECTORS:
            head = " ".join(words[:k])
            person = head in people or (k >= 2 and _is_person_like(head) and words[k - 1] in names)
            return [head, " ".join(words[k + 1 :])] if person else None
    return None


# A people's or a party's name, whose plural names its members: "Republican(s)", "Democrat(s)",
# "Israeli(s)", "Russian(s)"; a surname's plural-looking form ("Roberts" of "Robert") is not one
_GROUP_NAME = re.compile(r"[A-Z][a-z]+(?:an|at|i)")


def _group_plurals(names: set[str]) -> dict[str, str]:
    """Each one-word name of the corpus ending like a people's or a party's ("Republicans",
    "Israelis") whose singular is a name of the corpus too, to that singular: a reviewer's
    discovered actors listed "Republican" and "Republicans" apart."""
    return {
        f"{name}s": name for name in names if _GROUP_NAME.fullmatch(name) and f"{name}s" in names
    }


# A short form counts as its long form ("Mercy Lakeside" as "Mercy Lakeside Hospital") only when
# the long form is written at least once for this many sentences of the short form: a long form
# written once beside a short one written hundreds of times is a sentence's run-on ("the White
# House Party gains ground", then "White House" everywhere), not the body's full name
KIND_SHORT_PER_LONG = 10


def _kind_aliases(names: Iterable[str], counts: Counter[str] | None = None) -> dict[str, str]:
    """``{short form: long form}``: a name counts as the one name of ``names`` that adds a word
    for the kind of body to it ("Mercy Lakeside" as "Mercy Lakeside Hospital", "Ohio State" as
    "Ohio State University", "Tesla" as "Tesla Inc"). The short form has at least two words,
    or one before a legal form of a company (:data:`LEGAL_FORMS`); a place's first word
    (:data:`PLACE_WORDS`) never starts it ("New York" is not "New York University"), and a
    short form two long forms share ("Mercy Lakeside Clinic" too) is left as it is. Bodies
    often named after a bare place ("Kansas City Council") are not among the kinds. With the
    sentences' ``counts`` of each name, a short form in more than :data:`KIND_SHORT_PER_LONG`
    times as many sentences as its long form is left as it is: a tester's export credited its 859
    sentences of "White House" to "White House Party", written once in a run-on sentence."""
    names = set(names)
    longer: dict[str, set[str]] = {}
    for name in names:
        *head, last = name.split()
        kind = last.rstrip(".")
        if not head or head[0].lower().rstrip(".") in PLACE_WORDS:
            continue
        if kind in LEGAL_FORMS or (kind in KIND_WORDS and len(head) >= 2):
            longer.setdefault(" ".join(head), set()).add(name)
        if kind in KIND_WORDS and len(head) >= 3 and head[-1] in KIND_QUALIFIERS:
            longer.setdefault(" ".join(head[:-1]), set()).add(name)  # "... General Hospital"
    return {
        short: next(iter(forms))
        for short, forms in sorted(longer.items())
        if short in names
        and len(forms) == 1
        and (counts is None or counts[short] <= KIND_SHORT_PER_LONG * counts[next(iter(forms))])
    }


def _after_the(text: str, start: int) -> bool:
    """Whether the word "the" (any case) and spaces come right before ``start`` of ``text``."""
    before = text[max(0, start - 8) : start]
    head = before.rstrip()
    return (
        len(head) < len(before)
        and head[-3:].lower() == "the"
        and ((len(head) == 3 and start <= 8) or (len(head) > 3 and not head[-4].isalnum()))
    )


def _lower_case_uses(texts: list[str], words: Iterable[str]) -> Counter[str]:
    """In how many of ``texts`` each of ``words`` is written in lower case, as a word."""
    lowered = {word.lower() for word in words}
    if not lowered:
        return Counter()
    return Counter(
        word for text in texts for word in lowered.intersection(_LOWER_WORD.findall(text))
    )


def _surname_of(words: Sequence[str]) -> tuple[list[str], str]:
    """A name's words without its surname's particles, and its surname with them:
    "Pieter van der Berg" is (["Pieter", "Berg"], "van der Berg")."""
    for k in range(1, len(words) - 1):
        if all(word in PARTICLES for word in words[k:-1]):
            return [*words[:k], words[-1]], " ".join(words[k:])
    return list(words), words[-1]


def _is_person_like(name: str) -> bool:
    """Whether ``name`` has the shape of a person's full name: two or three capitalised words
    with lower-case letters of any alphabet ("Tomás Delgado", "Zoë Søren"; a middle initial
    allowed), the last one's particles allowed
    before it ("Pieter van der Berg", "Omar al-Sayed"), no other connector, the first not a
    place's ("North", "New", "San") or a title's or a kind's ("Judge", "Former",
    "Hurricane")."""
    words, _ = _surname_of(name.split())
    first = words[0].lower().rstrip(".")
    if not 2 <= len(words) <= 3 or first in PLACE_WORDS | TITLE_WORDS:
        return False
    for k, word in enumerate(words):
        word = word.rstrip(".")  # a middle initial keeps its full stop ("John F. Kennedy")
        initial = 0 < k < len(words) - 1 and len(word) == 1 and word.isupper()
        if not initial and not _is_person_word(word):
            return False
    return True


def _is_person_word(word: str) -> bool:
    """A word of a person's name: a capital, then letters of any alphabet, apostrophes and
    hyphens, some in lower case ("Tomás", "Nguyễn", "O'Neill", "Moreau-Diallo", "al-Sayed"
    after its particle). ASCII letters alone left out "Tomás Delgado", so that a tester's
    "Delgado" went to Maria Delgado, a different person."""
    prefix = _PARTICLE_PREFIX.match(word)
    if prefix:
        word = word[prefix.end() :]
    return (
        _PERSON_WORD.fullmatch(word) is not None
        and word[0].isupper()
        and any(c.islower() for c in word)
    )


def _surname_aliases(
    counts: Counter[str], people: set[str], shaped: Iterable[str] = ()
) -> dict[str, str]:
    """``{surname: full name}``: a one-word name of ``counts`` (names by the sentences they
    are in) counts as the full name of ``people`` it ends when that full name is in at least
    :data:`SURNAME_SHARE` of the sentences naming any of ``people`` or of ``shaped`` (the
    corpus's other names of a person's shape, :func:`_is_person_like`) with that last word
    ("Donald Trump" against "Ivanka Trump"; a middle initial's spelling counted with the
    other), its first word is a name alone in fewer sentences than the full name ("Britain
    Brexit" is no one's name), and the surname is written with lower-case letters (not an
    abbreviation) and is another name's first or middle word in fewer sentences than the full
    name ("Washington" of "Washington Post" and "George Washington"). A surname with particles
    is the particles and the last word, written in lower case or capitalised ("van der Berg" and
    "Van der Berg" of "Pieter van der Berg")."""
    inner: Counter[str] = Counter()  # sentences naming a word as a name's first or middle word
    for name, n in counts.items():
        inner.update(dict.fromkeys(_surname_of(name.split())[0][:-1], n))
    by_last: dict[str, Counter[str]] = {}
    spelling: dict[str, str] = {}  # "Donald Trump" or, if only so written, "Donald J Trump"
    eligible: set[str] = set()  # the plain spellings of people, which may take a surname
    candidates = set(people) | set(shaped)
    for name in sorted(candidates, key=lambda name: (-counts[name], name)):
        words, surname = _surname_of(name.split())
        plain = f"{words[0]} {surname}"  # a middle initial's spelling counts with the other
        by_last.setdefault(surname, Counter())[plain] += counts[name]
        spelling.setdefault(plain, plain if plain in candidates else name)
        if name in people:
            eligible.add(plain)
    aliases = {}
    for surname, fulls in sorted(by_last.items()):
        forms = [surname]  # a surname with particles capitalised too, opening a sentence
        if " " in surname:
            forms.append(surname[0].upper() + surname[1:])
        written = [form for form in dict.fromkeys(forms) if form in counts]
        if not written or surname.isupper():
            continue
        full, n = min(fulls.items(), key=lambda item: (-item[1], item[0]))  # most, then name
        mostly = n >= SURNAME_SHARE * sum(fulls.values())
        last = surname.split()[-1]
        if full in eligible and mostly and counts[full.split()[0]] < n and inner[last] < n:
            aliases.update(dict.fromkeys(written, spelling[full]))
    return aliases


def name_aliases(sentences: Iterable[str]) -> dict[str, str]:
    """The spelling each name of ``sentences`` counts as, for the names that have another: an
    abbreviation with full stops counts as the same without them when the sentences also write
    it so (or define it), an abbreviation defined in brackets after its long form as that long
    form, and a surname standing alone as the one full name it ends when the sentences leave
    little doubt (all in the module docstring). A short form defined with two long forms is
    left as it is; so is a long form that is itself defined as another's abbreviation. Names
    not in the mapping count as themselves."""
    return _read_names(sentences)[1]


def discovered_names(
    sentences: pd.DataFrame,
    group_col: str = "outlet",
    *,
    top_n: int = TOP_PER_GROUP,
    min_sentences: int = MIN_SENTENCES,
    min_docs: int = MIN_DOCS,
    text_col: str = "sentence",
) -> pd.DataFrame:
    """Per group, its ``top_n`` most frequent names with counts: columns ``<group_col>, name,
    aliases, n_sentences, n_docs, surname_of`` (the other spellings counted as the name,
    ``"; "``-joined; counts in the group's sentences and articles; the full names a surname
    standing alone ends when they are two or more, ``"; "``-joined, its sentences may be about
    any of them: :func:`shared_surnames`), sorted by group, then most sentences first,
    then name. A name counts when the group has ``min_sentences`` sentences with it and the
    corpus ``min_docs`` articles."""
    return _names_and_others(sentences, group_col, top_n, min_sentences, min_docs, text_col)[0]


def _names_and_others(
    sentences: pd.DataFrame,
    group_col: str,
    top_n: int,
    min_sentences: int,
    min_docs: int,
    text_col: str,
) -> tuple[pd.DataFrame, dict[str, str], set[str]]:
    """:func:`discovered_names`' table, the corpus's aliases (spelling to the name it counts as)
    and the corpus's names of two words or more, however rare (:func:`_name_parts`)."""
    per_text, aliases, inside = _read_names(sentences[text_col])
    owners = shared_surnames(per_text, aliases, inside)
    parts = {part for name in inside for part in _name_parts(name)}
    rows = []
    for doc_id, group, names in zip(
        sentences["doc_id"], sentences[group_col].astype(str), per_text, strict=True
    ):
        for name in dict.fromkeys(aliases.get(name, name) for name in names):
            rows.append((group, name, doc_id))
    columns = [group_col, *NAME_COLUMNS]
    if not rows:
        return pd.DataFrame(columns=columns), aliases, parts
    found = pd.DataFrame(rows, columns=[group_col, "name", "doc_id"])
    corpus_docs = found.groupby("name")["doc_id"].nunique()
    found = found[found["name"].map(corpus_docs) >= min_docs]
    table = (
        found.groupby([group_col, "name"], sort=True)
        .agg(n_sentences=("doc_id", "size"), n_docs=("doc_id", "nunique"))
        .reset_index()
    )
    table = table[table["n_sentences"] >= min_sentences]
    others: dict[str, list[str]] = {}
    for name, canonical in sorted(aliases.items()):
        others.setdefault(canonical, []).append(name)
    table["aliases"] = table["name"].map(lambda name: "; ".join(others.get(name, [])))
    table["surname_of"] = table["name"].map(lambda name: "; ".join(owners.get(name, ())))
    table = table.sort_values(
        [group_col, "n_sentences", "name"], ascending=[True, False, True], kind="stable"
    )
    table = table.groupby(group_col, sort=True).head(top_n).reset_index(drop=True)[columns]
    return table, aliases, parts


def shared_surnames(
    per_text: Sequence[Sequence[str]], aliases: Mapping[str, str], inside: Iterable[str]
) -> dict[str, tuple[str, ...]]:
    """``{surname: full names}`` for each name standing alone as a surname (one word, or a
    surname on particles, "van der Berg" and "Van der Berg") that ends two or more full names
    of a person's shape (:func:`_is_person_like`) the corpus writes after a sentence's first
    word (``inside``), each full name in its most written spelling, by sentences of
    ``per_text`` (a middle initial's spelling counted with the other), sorted. Such a surname
    stays a name of its own (:func:`_surname_aliases` gives it to no one), and its sentences
    may be about any of them: a tester's summary reported the tone around "Delgado" as if
    about one person, where Maria Delgado, the mayor, and Tomás Delgado, a union's president,
    both were."""
    counts = Counter(name for names in per_text for name in set(names))
    spellings: dict[str, dict[str, str]] = {}  # surname -> plain spelling -> most written one
    for name in sorted(set(inside), key=lambda name: (-counts[name], name)):
        if name in aliases or not _is_person_like(name):
            continue
        words, surname = _surname_of(name.split())
        spellings.setdefault(surname, {}).setdefault(f"{words[0]} {surname}", name)
    out = {}
    for surname, fulls in sorted(spellings.items()):
        if len(fulls) < 2:
            continue
        owners = tuple(sorted(fulls.values()))
        for form in dict.fromkeys([surname, surname[0].upper() + surname[1:]]):
            if form in counts and form not in aliases:
                out[form] = owners
    return out


def _name_parts(name: str) -> list[str]:
    """The parts of a name between its connectors, of two words or more: "Helen Marsh of
    Millbrook State University", read as one name, is two ("Helen Marsh", "Millbrook State
    University"), and "Bank of England" none, so that no actor is hidden inside another's
    name by a connector that joined two."""
    parts, words = [], []
    for word in [*name.split(), "of"]:
        if word in CONNECTORS:
            if len(words) > 1:
                parts.append(" ".join(words))
            words = []
        else:
            words.append(word)
    return parts


def _names_another(whole: str, part: str) -> bool:
    """Whether name ``whole`` names something else that holds name ``part``: words after it
    ("Millbrook Tenants Union", "Trump Tower", "USA Gymnastics"), or only a place's first words
    before it ("Latin America", "North Millbrook"). Other words before a name are mostly a
    title or a description the stop list leaves ("Special Counsel Robert Mueller", "Republican
    Roy Moore", "Candidate Trump") or two names read as one ("Davos Trump"): the same actor."""
    words, inner = whole.split(), part.split()
    size = len(inner)
    for start in range(len(words) - size + 1):
        if words[start : start + size] != inner:
            continue
        before = words[:start]
        if before and all(word.lower() in PLACE_WORDS for word in before):
            return True
        if not before and len(words) > size:
            return True
    return False


def longer_names(
    spellings: Mapping[str, Sequence[str]],
    names: Iterable[str],
    aliases: Mapping[str, str],
) -> dict[str, tuple[str, ...]]:
    """For each actor (name → its spellings), the ``names`` of the corpus that name something
    else holding one of its spellings (:func:`_names_another`: "Millbrook Tenants Union" of
    "Millbrook", "Trump Tower" of "Donald Trump", whose spellings include "Trump", "Latin
    America" of "America") and do not count as the actor itself: their words are not a mention
    of the actor (:class:`~analysis.sentiment.actors.Actor`'s
    ``exclusions``), even where only one sentence writes them. The names are those some
    sentence writes after its first word, cut at their connectors (:func:`_name_parts`): a
    name only ever read at a sentence's opening may be a title-case headline ("Trump Says
    Tariffs Will Rise") or have taken the opening word with it ("Later Donald Trump")."""
    names = sorted(set(names))
    out = {}
    for name, others in spellings.items():
        own = {name, *others}
        out[name] = tuple(
            other
            for other in names
            if other not in own
            and aliases.get(other, other) != name
            and any(_names_another(other, spelling) for spelling in own)
        )
    return out


# Latin letters that Unicode does not decompose into a letter and a mark (ß is two letters)
_UNDECOMPOSED = str.maketrans(
    {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th"}
)


def ascii_name(name: str) -> str:
    """``name`` lower-cased in ASCII letters: accents dropped (NFKD, without its combining
    marks), ß as "ss", æ as "ae"... A column key of [a-z0-9_] lost every other letter: a
    tester's "Düsseldorf" became actor_d_sseldorf, and Jürgen Möller and Jürgen Müller both
    actor_j_rgen_m_ller (the second with a "_2")."""
    decomposed = unicodedata.normalize("NFKD", name.lower().translate(_UNDECOMPOSED))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _key(name: str, taken: set[str]) -> str:
    """The actor's column key (``actor_<key>``): its name in ASCII (:func:`ascii_name`), every
    run of other characters as "_", numbered after the first actor of that key."""
    base = re.sub(r"[^a-z0-9]+", "_", ascii_name(name)).strip("_") or "actor"
    if not base[0].isalpha():
        base = f"a_{base}"
    key, k = base, 2
    while key in taken:
        key, k = f"{base}_{k}", k + 1
    taken.add(key)
    return key


def actors_from_names(
    names: Iterable[str],
    aliases: Mapping[str, Sequence[str]] | None = None,
    exclusions: Mapping[str, Sequence[str]] | None = None,
    surname_of: Mapping[str, Sequence[str]] | None = None,
) -> tuple[Actor, ...]:
    """One :class:`~analysis.sentiment.actors.Actor` per name, matched with exact case as the
    name and as each of its ``aliases`` (other spellings, by name), so that a sentence that
    writes "NRA" mentions the actor "National Rifle Association", except inside its
    ``exclusions`` (longer names that are not the actor, by name: :func:`longer_names`); with
    ``surname_of``, the full names a surname standing alone ends (:func:`shared_surnames`)."""
    taken: set[str] = set()
    aliases = aliases or {}
    exclusions = exclusions or {}
    surname_of = surname_of or {}
    actors = []
    for name in names:
        others = tuple(aliases.get(name, ()))
        note = DISCOVERED + (f"; also {', '.join(others)}" if others else "")
        actors.append(
            Actor(
                _key(name, taken),
                name,
                "other",
                (),
                (name, *others),
                note,
                tuple(exclusions.get(name, ())),
                tuple(surname_of.get(name, ())),
            )
        )
    return tuple(actors)


def outlet_forms(outlets: Iterable[str]) -> set[str]:
    """The forms (in lower case) in which articles name the corpus's ``outlets``: each whole,
    without "The" and a channel's number ("KMBR News 7": "KMBR News"), its closing words
    ("Riverton Herald": "Herald", as "told the Herald" writes it; "The Washington Post": "Post",
    "Washington Post") and an opening acronym ("KMBR"). A tester's actors were "Herald",
    "Gazette" and "KMBR News", three outlets of her corpus; the outlet's place ("Riverton")
    stays a name of its own."""
    forms: set[str] = set()
    for outlet in outlets:
        words = outlet.split()
        if words and words[0].casefold() == "the":
            words = words[1:]
        while words and words[-1].isdigit():
            words = words[:-1]
        if not words:
            continue
        forms.add(outlet.casefold())
        forms.update(" ".join(words[k:]).casefold() for k in range(len(words)))
        if len(words) > 1 and words[0].isupper() and len(words[0]) >= 2:
            forms.add(words[0].casefold())
    return forms


def discover_actors(
    sentences: pd.DataFrame,
    group_col: str = "outlet",
    *,
    top_n: int = TOP_PER_GROUP,
    min_sentences: int = MIN_SENTENCES,
    min_docs: int = MIN_DOCS,
    max_actors: int = MAX_ACTORS,
) -> tuple[Actor, ...]:
    """An actor lexicon of each group's most frequent names (usable by ``actor_matrix``),
    ordered by the number of sentences across the corpus, then by name; the first
    ``max_actors`` of them (a corpus of hundreds of outlets would otherwise get thousands). The
    corpus's own outlets are not actors, in any of the forms articles name them
    (:func:`outlet_forms`): a tester's "The Valley Courier understands ..." made the outlet an
    actor of its own coverage."""
    table, aliases, parts = _names_and_others(
        sentences, group_col, top_n, min_sentences, min_docs, "sentence"
    )
    outlets = outlet_forms(
        str(name)
        for column in dict.fromkeys(["outlet", group_col])
        if column in sentences.columns
        for name in sentences[column].dropna().unique()
    )
    table = table[~table["name"].str.casefold().isin(outlets)]
    if table.empty:
        return ()
    totals = table.groupby("name")["n_sentences"].sum().reset_index()
    totals = totals.sort_values(["n_sentences", "name"], ascending=[False, True], kind="stable")
    totals = totals.head(max(max_actors, 0))
    spellings = {
        name: [a for a in others.split("; ") if a]
        for name, others in zip(table["name"], table["aliases"], strict=True)
    }
    kept = {name: spellings.get(name, []) for name in totals["name"]}
    owners = {
        name: [full for full in fulls.split("; ") if full]
        for name, fulls in zip(table["name"], table["surname_of"], strict=True)
    }
    return actors_from_names(totals["name"], spellings, longer_names(kept, parts, aliases), owners)
