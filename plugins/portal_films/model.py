"""A film as pages see it, and the one player component (facade or <video>)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from markupsafe import Markup, escape
from pelican.utils import slugify
from portal_content.relations import Ref, Related
from portal_content.render import render_markdown
from portal_core.address import absolute

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


class Film(Related):
    RELATIONS = {"entities": Ref("entity", "entities", many=True)}

    def __init__(
        self, meta: FilmMeta, slug: str, transcript: str, settings: dict[str, Any], source_path: str = ""
    ) -> None:
        self.meta = meta
        self.source_path = source_path  # the content file (named when its page fails)
        self.slug = slug
        self.title = meta.title
        self.url = settings["FILM_URL"].format(slug=slug)
        self.save_as = self.url + "index.html"
        self.transcript_html = render_markdown(transcript, settings)
        self.settings = settings

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
            "inLanguage": self.meta.language,
            "url": f"{siteurl}/{self.url}",
        }
        if poster_url:
            data["thumbnailUrl"] = [poster_url]
        if self.embed_url:
            data["embedUrl"] = self.embed_url
        else:
            data["contentUrl"] = absolute(self.file_url(self.meta.file), self.settings)
        return data  # written into the page by the `jsonld` filter (portal_theme), escaped there


def player(film: Film, picture, heading: str | None = None) -> Markup:
    """The film player: a privacy facade for hosted films, <video> for our own files.

    Hosted: without JavaScript a link to the film on its host (marked as an external
    service); film-player.js turns it into a button named "Odtwórz film: <title>, <duration>"
    that loads the iframe only when pressed. Nothing is requested from the host before.
    """
    meta = film.meta
    site = film.settings.get("SITEURL", "")
    transcript = f"{site}/{film.url}#transkrypcja"
    caption_note = ""
    if meta.provider in HOSTS:
        poster = picture(meta.poster, alt="", sizes="(min-width: 48rem) 46rem, 100vw")
        caption_note = "napisy: tak" if meta.captions is True else "bez napisów (jest transkrypcja)"
        body = (
            f'<div class="pl-film__frame" data-pl-film data-embed="{escape(film.embed_url)}" '
            f'data-title="{escape("Film: " + film.title)}" data-label="{escape(f"Odtwórz film: {film.title}, {film.duration_words}")}">'
            f'<a class="pl-film__facade" href="{escape(film.watch_url)}" rel="noopener">{poster}'
            f'<span class="pl-film__play" aria-hidden="true"></span>'
            f'<span class="pl-film__label">Obejrzyj w serwisie {film.host_name}: {escape(film.title)} ({film.duration_clock})</span></a>'
            f"</div>"
            f'<p class="pl-film__privacy">Film jest w serwisie {film.host_name}. Połączymy się z nim dopiero, gdy włączysz odtwarzanie'
            f"{' (tryb youtube-nocookie)' if meta.provider == 'youtube' else ' (z wyłączonym śledzeniem)'}. Kadr: {escape(meta.poster.alt)}.</p>"
        )
    else:
        poster_attr = ""
        if meta.poster is not None:
            from portal_images.plugin import image_url

            poster_attr = f' poster="{escape(image_url(meta.poster, 800))}"'
        source_type = "video/webm" if meta.file.endswith(".webm") else "video/mp4"
        body = (
            f'<div class="pl-film__frame"><video class="pl-film__video" controls preload="none"{poster_attr} width="1280" height="720">'
            f'<source src="{escape(film.file_url(meta.file))}" type="{source_type}">'
            f'<track kind="captions" src="{escape(film.file_url(meta.captions))}" srclang="{meta.language}" label="polski" default>'
            f'<p>Twoja przeglądarka nie odtwarza wideo: <a href="{escape(film.file_url(meta.file))}">pobierz film</a>.</p></video></div>'
        )
        caption_note = "napisy: tak"
    heading_html = f'<p class="pl-film__title">{escape(heading)}</p>' if heading else ""
    return Markup(  # noqa: S704 - every value above is escaped or built from validated fields
        f'<figure class="pl-film" data-pagefind-ignore>{heading_html}{body}'
        f'<figcaption class="pl-film__caption"><a href="{site}/{film.url}">{escape(film.title)}</a> · '
        f'<span>{film.duration_words}</span> · <span>{caption_note}</span> · <a href="{transcript}">Transkrypcja<span class="pl-visually-hidden"> filmu {escape(film.title)}</span></a></figcaption></figure>'
    )
