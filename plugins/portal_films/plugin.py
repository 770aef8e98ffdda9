"""portal_films: privacy-first, accessible film embeds and a film library.

Why our own plugin: the Pelican embed plugins (e.g. pelican-youtube) write the host's
iframe straight into the page, so the host gets a request (and may set cookies or storage)
before anyone presses play, and they give the player no accessible name.

Handlers (wired by portal_site):
- ``setup`` (``initialized``): the ``film_player`` template global and the Markdown
  extension for ``[film: adres]`` lines.
- ``get_generators``: adds FilmGenerator (library, film pages, self-hosted files).
A film declares the entities it features (``Film.RELATIONS``); portal_content.relations
links them. Declares the content kind ``film`` (content/filmy/*.md; the body is the
transcript); the rules of ``check_films`` validate provider ids, posters, caption files, featured entities
and every ``[film: ...]`` line in every Markdown file.
Settings read: FILMS_URL, FILM_URL, FILM_MEDIA_URL, MARKDOWN, PATH, SITEURL.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from portal_content import files
from portal_content.problems import Problem, display_path, nearest
from portal_content.validate import Kind, Record, Rules, check_named_image, rule

from . import plugin_state
from .embed import FilmExtension, embeds_in
from .generator import FilmGenerator
from .model import film_player
from .schema import FilmMeta, provider_problems


@dataclass
class FilmFacts:
    films: set[str]
    entities: set[str]
    root: Path  # the content folder
    settings: dict[str, Any]
    signed: set[str] = field(default_factory=set)  # films in PJM or with an interpreter


@rule("film")
def hosted_or_local_as_its_provider_needs(record: Record, facts: FilmFacts) -> Iterator[Problem]:
    for name, message in provider_problems(record.meta):
        yield record.problem((name,), message)


@rule("film")
def poster_is_usable(record: Record, facts: FilmFacts) -> Iterator[Problem]:
    poster = record.meta.poster
    if poster is not None:
        message = check_named_image(facts.root, poster.src, facts.settings)
        if message:
            yield record.problem(("poster", "src"), message)


@rule("film")
def local_file_and_captions_exist(record: Record, facts: FilmFacts) -> Iterator[Problem]:
    meta: Any = record.meta
    if meta.provider != "local":
        return
    video = files.contained(facts.root, meta.file) if meta.file else None
    if meta.file and (video is None or not video.is_file()):
        yield record.problem(
            ("file",), f"nie ma pliku wideo {meta.file}; ścieżka liczy się od folderu content/"
        )
    if isinstance(meta.captions, str):
        vtt = files.contained(facts.root, meta.captions)
        if vtt is None or not vtt.is_file():
            yield record.problem(
                ("captions",), f"nie ma pliku napisów {meta.captions}; dodaj plik WebVTT (.vtt)"
            )
        elif not vtt.read_text(encoding="utf-8", errors="replace").startswith("WEBVTT"):
            yield record.problem(
                ("captions",),
                f"plik {meta.captions} nie jest w formacie WebVTT (musi zaczynać się od WEBVTT)",
            )


@rule("film")
def entities_exist(record: Record, facts: FilmFacts) -> Iterator[Problem]:
    for index, slug in enumerate(record.meta.entities):
        if slug not in facts.entities:
            yield record.problem(
                ("entities", index),
                f"nie ma podmiotu „{slug}” w content/podmioty/; {nearest(slug, facts.entities)}"
                "wpisz nazwę pliku profilu bez .md",
            )


@rule("film")
def pjm_version_is_a_signed_film(record: Record, facts: FilmFacts) -> Iterator[Problem]:
    version = record.meta.pjm_version
    if version is None:
        return
    if version == record.slug:
        yield record.problem(
            ("pjm_version",), "film nie może być własną wersją w PJM; wpisz inny film albo usuń pole"
        )
    elif version not in facts.films:
        yield record.problem(
            ("pjm_version",),
            f"nie ma filmu „{version}” w content/filmy/; {nearest(version, facts.films)}wpisz nazwę pliku filmu bez .md",
        )
    elif version not in facts.signed:
        yield record.problem(
            ("pjm_version",),
            f"film „{version}” nie jest w polskim języku migowym; w jego pliku wpisz language: pjm "
            "albo pjm_interpreter: true (jeśli ma tłumacza na ekranie)",
        )


@rule("edition")
def gala_film_exists(record: Record, facts: FilmFacts) -> Iterator[Problem]:
    film = getattr(record.meta, "film", None)
    if film and film not in facts.films:
        yield record.problem(
            ("film",),
            f"nie ma filmu „{film}” w content/filmy/; {nearest(film, facts.films)}wpisz nazwę pliku filmu bez .md",
        )


@rule()
def embedded_films_exist(record: Record, facts: FilmFacts) -> Iterator[Problem]:
    if record.path.suffix != ".md" or not record.doc.body:
        return
    for index, slug in embeds_in(record.doc.body):
        if slug not in facts.films:
            yield Problem(
                display_path(record.path),
                record.doc.body_line + index,
                "(treść)",
                f"[film: {slug}]: nie ma takiego filmu; wpisz nazwę pliku z content/filmy/ bez .md",
            )


check_films = Rules(
    lambda records, settings: FilmFacts(
        films={r.slug for r in records if r.kind == "film"},
        entities={r.slug for r in records if r.kind == "entity"},
        root=Path(settings["PATH"]),
        settings=settings,
        signed={
            r.slug
            for r in records
            if r.kind == "film" and (r.meta.language == "pjm" or r.meta.pjm_interpreter)
        },
    ),
    (
        hosted_or_local_as_its_provider_needs,
        poster_is_usable,
        local_file_and_captions_exist,
        entities_exist,
        pjm_version_is_a_signed_film,
        gala_film_exists,
        embedded_films_exist,
    ),
)


def setup(pelican) -> None:
    settings = pelican.settings

    def render(slug: str):
        film = plugin_state.by_slug(settings).get(slug)
        return film_player(film) if film else None

    settings.setdefault("JINJA_GLOBALS", {})["film_player"] = film_player
    extensions = settings["MARKDOWN"].setdefault("extensions", [])
    extensions[:] = [e for e in extensions if not isinstance(e, FilmExtension)]
    extensions.append(FilmExtension(render))


def get_generators(pelican):
    return FilmGenerator


# What films declare (the wiring, portal_site, registers it)
KINDS = [Kind("film", "filmy", FilmMeta, "film", body_required=True)]
CHECKERS = [check_films]
