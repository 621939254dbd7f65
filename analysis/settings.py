"""Which lexicons a run uses: the package's generic defaults, a corpus's ``analysis.toml``, or
files given on the command line.

A corpus folder may hold ``analysis.toml`` (the bundled ``seeds/`` does)::

    [lexicons]
    codebook = "lexicons/frames.toml"
    actors = "lexicons/actors.toml"
    sources = "lexicons/sources.toml"
    hedges = "lexicons/hedges.toml"
    news_terms = "lexicons/news_terms.csv"

Paths are relative to that file and must stay inside its folder. A lexicon given with
``-p codebook FILE`` (relative to the working directory) wins over the settings file; a lexicon
given nowhere is the package default (``analysis/data/``), except actors, which are then
discovered from the corpus
(:mod:`analysis.sentiment.discover`).
"""

from __future__ import annotations

import hashlib
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path

from analysis.config import DATA_DIR

SETTINGS_NAME = "analysis.toml"
LEXICON_KINDS = ("codebook", "actors", "sources", "hedges", "news_terms")
DEFAULT_FILES = {
    "codebook": DATA_DIR / "frames.toml",
    "actors": None,  # discovered from the corpus
    "sources": DATA_DIR / "sources.toml",
    "hedges": DATA_DIR / "hedges.toml",
    "news_terms": DATA_DIR / "vader_news_terms.csv",
}


class SettingsError(ValueError):
    """A settings file or a lexicon path that cannot be used (one line, naming the file)."""


@dataclass(frozen=True)
class Lexicons:
    """The lexicon files of a run; ``None`` means the package default (actors: discovered)."""

    codebook: Path | None = None
    actors: Path | None = None
    sources: Path | None = None
    hedges: Path | None = None
    news_terms: Path | None = None

    def given(self) -> dict[str, Path]:
        """The lexicons that are not the package default, by kind."""
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name)}

    def replace(self, **files: Path | str | None) -> Lexicons:
        """A copy with the non-empty ``files`` (absolute paths) put in."""
        current = {f.name: getattr(self, f.name) for f in fields(self)}
        for kind, value in files.items():
            if kind not in LEXICON_KINDS:
                raise SettingsError(f"unknown lexicon {kind!r}; known: {', '.join(LEXICON_KINDS)}")
            if value:
                current[kind] = Path(value).expanduser().resolve()
        return Lexicons(**current)


def settings_path(corpus: Path | str | None) -> Path | None:
    """``analysis.toml`` of a corpus folder when it has one (a corpus file has none)."""
    if corpus is None:
        return None
    path = Path(corpus) / SETTINGS_NAME
    return path if path.is_file() else None


def read_settings(path: Path | str) -> Lexicons:
    """The lexicons a settings file names, as absolute paths; a :class:`SettingsError` for an
    unreadable file, an unknown key or a lexicon file that does not exist."""
    path = Path(path).resolve()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise SettingsError(f"settings file {path}: cannot be read: {err}") from None
    unknown = sorted(set(data) - {"lexicons"})
    table = data.get("lexicons", {})
    if unknown or not isinstance(table, dict):
        raise SettingsError(f"settings file {path}: expected one [lexicons] table, got {unknown}")
    bad = sorted(set(table) - set(LEXICON_KINDS))
    if bad:
        raise SettingsError(
            f"settings file {path}: unknown lexicons {bad}; known: {', '.join(LEXICON_KINDS)}"
        )
    files: dict[str, Path] = {}
    for kind, value in table.items():
        if not isinstance(value, str) or not value.strip():
            raise SettingsError(f"settings file {path}: {kind} must be a path (a string)")
        file = (path.parent / Path(value).expanduser()).resolve()
        if not file.is_relative_to(path.parent):
            # as a manifest may not name an article outside its folder: a corpus someone sent
            # must not have a run read files elsewhere on the machine (a tester's named
            # "/tmp/.../outside/frames.toml", and "../" paths were read)
            raise SettingsError(
                f"settings file {path}: {kind} names a file outside the corpus folder "
                f"({value}); keep it in the folder, or take it out of {SETTINGS_NAME} and "
                f"give it with `-p {kind} FILE`"
            )
        if not file.is_file():
            raise SettingsError(f"settings file {path}: {kind} file not found: {file}")
        files[kind] = file
    return Lexicons(**files)


def resolve_lexicons(
    corpus: Path | str | None = None, **given: Path | str | Lexicons | None
) -> Lexicons:
    """The lexicons of a run on ``corpus``: its ``analysis.toml`` (if any), then every non-empty
    lexicon in ``given`` (``codebook=``, ``actors=``, ...; relative to the working directory)."""
    found = settings_path(corpus)
    lexicons = read_settings(found) if found is not None else Lexicons()
    files = {k: v for k, v in given.items() if not isinstance(v, Lexicons)}
    for kind, value in files.items():
        if value and not Path(value).expanduser().is_file():
            raise SettingsError(f"{kind} file not found: {Path(value).expanduser().resolve()}")
    return lexicons.replace(**files)


def check_lexicons(lexicons: Lexicons) -> None:
    """Load every given lexicon, so that a bad one fails (one line naming the file) before any
    notebook starts.

    A given codebook is also compiled for :func:`analysis.framing.frames.frame_matrix`
    (:func:`analysis.framing.frames.frame_matcher`, kept for the rest of the process), so that
    workers forked afterwards (``process``, ``bench throughput``) inherit the compiled patterns
    instead of each compiling them before its first chunk."""
    from analysis.framing.frames import frame_matcher
    from analysis.framing.hedging import load_hedges
    from analysis.framing.sourcing import load_sources
    from analysis.sentiment.actors import load_actor_lexicon
    from analysis.sentiment.scoring import load_news_terms

    loaders = {
        "codebook": frame_matcher,
        "actors": load_actor_lexicon,
        "sources": lambda p: load_sources(str(p)),
        "hedges": lambda p: load_hedges(str(p)),
        "news_terms": load_news_terms,
    }
    for kind, path in lexicons.given().items():
        try:
            loaders[kind](path)
        except (ValueError, OSError) as err:
            # one line per problem (a list's problems come all at once)
            message = "\n    ".join(" ".join(line.split()) for line in str(err).splitlines())
            # the loaders' messages mostly name the file already ("actor lexicon PATH: ...")
            named = str(path) in message
            raise SettingsError(message if named else f"{kind} lexicon {path}: {message}") from None


def lexicon_warnings(lexicons: Lexicons) -> list[str]:
    """Mistakes in the given lexicons that do not stop a run but make an entry match nothing:
    a codebook indicator or an actor's name written as a regular expression ("gun|rifle",
    "N.R.A.*"). A tester's run with five such indicators and two such actor patterns finished
    without a word, its summary saying "No actor is mentioned"; ``run`` now prints these
    before it starts. (The codebook's warnings about redundant indicators are left to
    ``codebook check``: they change no count.)"""
    from analysis.framing.codebook import CodebookError, read_codebook_mapping
    from analysis.framing.codebook_check import check_codebook_data, regex_syntax
    from analysis.sentiment.actors import load_actor_lexicon

    out: list[str] = []
    if lexicons.codebook is not None:
        try:
            data = read_codebook_mapping(Path(lexicons.codebook))
        except (CodebookError, OSError):
            data = None  # check_lexicons said so already
        if data is not None:
            report = check_codebook_data(data, str(lexicons.codebook), redundancy=False)
            out.extend(report.warnings)
    if lexicons.actors is not None:
        for actor in load_actor_lexicon(lexicons.actors):
            for field_name in ("patterns", "cased", "exclusions"):
                for name in getattr(actor, field_name):
                    marks = regex_syntax(name)
                    if marks:
                        out.append(
                            f"actor lexicon {lexicons.actors}: actor {actor.key!r}: {field_name} "
                            f"entry {name!r} holds {marks}: an actor's names are matched as "
                            "written, not as regular expressions (unlike the patterns of a "
                            "source or hedge list), so it matches nothing but those characters; "
                            "list each alternative as an entry of its own"
                        )
    return out


def file_sha256(path: Path | str) -> str:
    """SHA-256 of a file's bytes."""
    with Path(path).open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _shown(path: Path, corpus: Path | None) -> str:
    """A lexicon path as the summary shows it: under the corpus folder's name
    (``seeds/lexicons/frames.toml``) or the package's (``analysis/data/hedges.toml``)."""
    bases = ((corpus, f"{corpus.name}/" if corpus else ""), (DATA_DIR.parent, "analysis/"))
    for base, prefix in bases:
        if base is None:
            continue
        try:
            return prefix + path.resolve().relative_to(base.resolve()).as_posix()
        except ValueError:
            continue
    return path.name


def run_lexicons(corpus: Path | str | None, params: Mapping[str, object] | None = None) -> Lexicons:
    """The lexicons a run with ``params`` on ``corpus`` used (its ``analysis.toml``, then the
    ``codebook``, ``actors``, ... parameters); a :class:`SettingsError` if one cannot be found."""
    params = params or {}
    given = {k: params.get(k) for k in LEXICON_KINDS if isinstance(params.get(k), str)}
    return resolve_lexicons(corpus, **given)


def lexicon_file(lexicons: Lexicons, kind: str) -> Path | None:
    """The file of lexicon ``kind`` a run reads: the one given, else the package default
    (``None`` for actors: discovered from the corpus)."""
    return getattr(lexicons, kind) or DEFAULT_FILES[kind]


def shown_path(path: Path, corpus: Path | str | None) -> str:
    """A lexicon path as the summary shows it: relative to the corpus folder or the package."""
    corpus_dir = Path(corpus) if corpus is not None and Path(corpus).is_dir() else None
    return _shown(path, corpus_dir)


def lexicon_lines(
    corpus: Path | str | None, params: Mapping[str, object] | None = None
) -> list[str]:
    """Markdown lines listing each lexicon a run used with its SHA-256 (for the summary)."""
    try:
        lexicons = run_lexicons(corpus, params)
    except SettingsError as err:
        return ["", f"Lexicons: {err}", ""]
    corpus_dir = Path(corpus) if corpus is not None and Path(corpus).is_dir() else None
    lines = ["", "| lexicon | file | SHA-256 |", "|---|---|---|"]
    for kind in LEXICON_KINDS:
        path = getattr(lexicons, kind) or DEFAULT_FILES[kind]
        if path is None:
            from analysis.sentiment.discover import MAX_ACTORS, MIN_DOCS, TOP_PER_GROUP

            lines.append(
                f"| {kind} | discovered from the corpus (each group's {TOP_PER_GROUP} most "
                f"frequent capitalised names among those {MIN_DOCS} or more articles use, at "
                f"most {MAX_ACTORS} in all, those in most sentences; an abbreviation counted "
                "with the long form an article defines it by; review them in notebook 01) | – |"
            )
            continue
        origin = "" if getattr(lexicons, kind) else " (package default)"
        lines.append(f"| {kind} | `{_shown(path, corpus_dir)}`{origin} | `{file_sha256(path)}` |")
    return [*lines, *_validation_rows(params or {}), ""]


# The parameters naming a validation table or a trained coder, which a run's numbers rest on as
# much as on its lexicons: listed with their digests (the table named the agreement file alone)
VALIDATION_FILES = ("validation", "frame_coder", "tone_coder")


def _validation_rows(params: Mapping[str, object]) -> list[str]:
    """Rows of the lexicon table for the run's agreement table and trained coders, each with
    its SHA-256 (a coder's folder: :func:`folder_sha256`)."""
    rows = []
    for name in VALIDATION_FILES:
        value = params.get(name)
        if not isinstance(value, str) or not value:
            continue
        path = Path(value)
        if path.is_file():
            digest = f"`{file_sha256(path)}`"
        elif path.is_dir():
            digest = f"`{folder_sha256(path)}` (its files)"
        else:
            digest = "– (not found when the summary was written)"
        rows.append(f"| {name} | `{path.name}` | {digest} |")
    return rows


def folder_sha256(folder: Path | str) -> str:
    """One SHA-256 for a folder's files: of each file's path within it and SHA-256, in path
    order, one line each (a trained coder is a folder of files)."""
    folder = Path(folder)
    lines = [
        f"{p.relative_to(folder).as_posix()}  {file_sha256(p)}\n"
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    ]
    return hashlib.sha256("".join(lines).encode("utf-8")).hexdigest()


def with_lexicons(markdown: str, corpus: Path | str | None, params: Mapping[str, object]) -> str:
    """``markdown`` (the summary) with the lexicon table appended."""
    return markdown.rstrip("\n") + "\n" + "\n".join(lexicon_lines(corpus, params))
