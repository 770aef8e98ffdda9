"""portal_films: privacy-first, accessible film embeds and a film library.

Why our own plugin: the Pelican embed plugins (e.g. pelican-youtube) write the host's
iframe straight into the page, so the host gets a request (and may set cookies or storage)
before anyone presses play, and they give the player no accessible name.

Signals:
- ``initialized``: URL settings, the ``film_player`` template global and the Markdown
  extension for ``[film: adres]`` lines.
- ``get_generators``: adds FilmGenerator (library, film pages, self-hosted files).
- ``all_generators_finalized``: films on the profiles of the entities they feature, the
  gala film of a certification edition.
Content kind registered with portal_content: ``film`` (content/filmy/*.md; the body is the
transcript); the checker validates provider ids, posters, caption files, featured entities
and every ``[film: ...]`` line in every Markdown file.
Settings read: FILMS_URL, FILM_URL, FILM_MEDIA_URL, MARKDOWN, PATH, SITEURL.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from portal_content import files
from portal_content.problems import Problem, display_path
from portal_content.validate import Kind, Record, check_named_image

from . import plugin_state
from .embed import FilmExtension, embeds_in
from .generator import FilmGenerator
from .model import film_player
from .schema import FilmMeta, provider_problems


def check_films(records: list[Record], settings: dict[str, Any]) -> list[Problem]:
    content_root = Path(settings["PATH"])
    films = {r.slug for r in records if r.kind == "film"}
    entities = {r.slug for r in records if r.kind == "entity"}
    problems = []
    for record in records:
        shown = display_path(record.path)
        if record.kind == "film":
            meta: Any = record.meta
            for field, message in provider_problems(meta):
                problems.append(Problem(shown, record.doc.line_for((field,)), field, message))
            if meta.poster is not None:
                message = check_named_image(content_root, meta.poster.src, settings)
                if message:
                    problems.append(
                        Problem(shown, record.doc.line_for(("poster", "src")), "poster.src", message)
                    )
            video = files.contained(content_root, meta.file) if meta.file else None
            if meta.provider == "local" and meta.file and (video is None or not video.is_file()):
                problems.append(
                    Problem(
                        shown,
                        record.doc.line_for(("file",)),
                        "file",
                        f"nie ma pliku wideo {meta.file}; ścieżka liczy się od folderu content/",
                    )
                )
            if meta.provider == "local" and isinstance(meta.captions, str):
                vtt = files.contained(content_root, meta.captions)
                if vtt is None or not vtt.is_file():
                    problems.append(
                        Problem(
                            shown,
                            record.doc.line_for(("captions",)),
                            "captions",
                            f"nie ma pliku napisów {meta.captions}; dodaj plik WebVTT (.vtt)",
                        )
                    )
                elif not vtt.read_text(encoding="utf-8", errors="replace").startswith("WEBVTT"):
                    problems.append(
                        Problem(
                            shown,
                            record.doc.line_for(("captions",)),
                            "captions",
                            f"plik {meta.captions} nie jest w formacie WebVTT (musi zaczynać się od WEBVTT)",
                        )
                    )
            for index, slug in enumerate(meta.entities):
                if slug not in entities:
                    problems.append(
                        Problem(
                            shown,
                            record.doc.line_for(("entities", index)),
                            f"entities[{index}]",
                            f"nie ma podmiotu „{slug}” w content/podmioty/; wpisz nazwę pliku profilu bez .md",
                        )
                    )
        if record.kind == "edition" and getattr(record.meta, "film", None) and record.meta.film not in films:
            problems.append(
                Problem(
                    shown,
                    record.doc.line_for(("film",)),
                    "film",
                    f"nie ma filmu „{record.meta.film}” w content/filmy/; wpisz nazwę pliku filmu bez .md",
                )
            )
        if record.path.suffix == ".md" and record.doc.body:
            for index, slug in embeds_in(record.doc.body):
                if slug not in films:
                    problems.append(
                        Problem(
                            shown,
                            record.doc.body_line + index,
                            "(treść)",
                            f"[film: {slug}]: nie ma takiego filmu; wpisz nazwę pliku z content/filmy/ bez .md",
                        )
                    )
    return problems


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
