"""A film as pages see it, and the one player component (facade or <video>)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from markupsafe import Markup
from pelican.utils import slugify
from portal_content.model import Item
from portal_content.relations import Backref, Ref
from portal_core.address import absolute
from portal_theme import components

from .schema import FilmMeta

HOSTS = {
    "youtube": (
        "https://www.youtube-nocookie.com/embed/{id}?autoplay=1&rel=0",
        "https://www.youtube.com/watch?v={id}",
        "YouTube",
    ),
    "vimeo": ("https://player.vimeo.com/video/{id}?dnt=1&autoplay=1", "https://vimeo.com/{id}", "Vimeo"),
}


def duration_words(seconds: int) -> str:
    minutes, sec = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    parts = (
        ([f"{hours} godz."] if hours else [])
        + ([f"{minutes} min"] if minutes else [])
        + ([f"{sec} s"] if sec else [])
    )
    return " ".join(parts)


def duration_clock(seconds: int) -> str:
    minutes, sec = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{sec:02d}" if hours else f"{minutes}:{sec:02d}"


class Film(Item):
    KIND = "film"
    URL_SETTING = "FILM_URL"
    RELATIONS = {
        "entities": Ref("entity", "entities", many=True),
        "pjm_film": Ref("film", "pjm_version"),  # the same film in Polish Sign Language
        "pjm_of": Backref("film", "pjm_film"),  # the films this one is the PJM version of
    }

    meta: FilmMeta

    @property
    def transcript_html(self) -> Markup:
        """The transcript: the film file's Markdown body."""
        return self.content

    @property
    def in_pjm(self) -> bool:
        """Signed: in Polish Sign Language, or with an interpreter on screen."""
        return self.meta.language == "pjm" or self.meta.pjm_interpreter

    @property
    def has_pjm(self) -> bool:
        """Whoever reads Polish Sign Language can follow it: signed, or with a PJM version."""
        return self.in_pjm or self.pjm_film is not None

    @property
    def duration_words(self) -> str:
        return duration_words(self.meta.duration)

    @property
    def duration_clock(self) -> str:
        return duration_clock(self.meta.duration)

    @property
    def iso_duration(self) -> str:
        minutes, sec = divmod(self.meta.duration, 60)
        hours, minutes = divmod(minutes, 60)
        return f"PT{hours}H{minutes}M{sec}S" if hours else f"PT{minutes}M{sec}S"

    @property
    def embed_url(self) -> str | None:
        host = HOSTS.get(self.meta.provider)
        return host[0].format(id=self.meta.video_id) if host else None

    @property
    def watch_url(self) -> str | None:
        host = HOSTS.get(self.meta.provider)
        return host[1].format(id=self.meta.video_id) if host else None

    @property
    def host_name(self) -> str:
        return HOSTS[self.meta.provider][2] if self.meta.provider in HOSTS else ""

    @property
    def tag_slugs(self) -> list[str]:
        return [slugify(t) for t in self.meta.tags]

    def file_url(self, path: str) -> str:
        return f"{self.settings.get('SITEURL', '')}/{self.settings['FILM_MEDIA_URL']}{Path(path).name}"

    def jsonld(self, siteurl: str, poster_url: str | None) -> dict[str, Any]:
        data: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "VideoObject",
            "name": self.title,
            "description": self.meta.description,
            "uploadDate": self.meta.published.isoformat(),
            "duration": self.iso_duration,
            # BCP 47: Polish Sign Language is "pso" (ISO 639-3), not the portal's "pjm"
            "inLanguage": {"pjm": "pso"}.get(self.meta.language, self.meta.language),
            "url": f"{siteurl}/{self.url}",
        }
        if poster_url:
            data["thumbnailUrl"] = [poster_url]
        if self.embed_url:
            data["embedUrl"] = self.embed_url
        else:
            data["contentUrl"] = absolute(self.file_url(self.meta.file), self.settings)
        return data  # written into the page by the `jsonld` filter (portal_theme), escaped there


def film_player(film: Film, heading: str | None = None) -> Markup:
    """The film player (the component components/film-player.html): a privacy facade for
    hosted films, <video> for our own files. Jinja global ``film_player``; the
    ``[film: ...]`` Markdown extension renders the same."""
    from portal_images.plugin import image_url, picture

    poster, poster_url = None, None
    if film.embed_url:
        poster = picture(film.meta.poster, alt="", sizes="(min-width: 48rem) 46rem, 100vw")
    elif film.meta.poster is not None:
        poster_url = image_url(film.meta.poster, 800)
    return components.macro("film-player.html", "film_player_element")(film, poster, poster_url, heading)
