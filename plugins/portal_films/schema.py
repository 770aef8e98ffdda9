"""Schema of a film record: content/filmy/<adres>.md (front matter + transcript as the body)."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from portal_content import files
from portal_content.schema import Day, EasyText, Image, Line, Slug, Strict, Text, etr_field, media_path
from pydantic import BeforeValidator, Field, PlainValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

ID_FORMATS = {
    "youtube": (re.compile(r"^[A-Za-z0-9_-]{11}$"), "11 znaków: litery, cyfry, - lub _, np. dQw4w9WgXcQ"),
    "vimeo": (re.compile(r"^[0-9]{6,11}$"), "same cyfry (6–11), np. 76979871"),
}


def _seconds(value: Any) -> int:
    """3:25, 1:02:03, PT3M25S or a number of seconds."""
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    if isinstance(value, str):
        text = value.strip()
        match = re.fullmatch(r"(?:(\d+):)?(\d{1,2}):(\d{2})", text)
        if match:
            hours, minutes, seconds = (int(g or 0) for g in match.groups())
            if minutes < 60 and seconds < 60 and (hours or minutes or seconds):
                return hours * 3600 + minutes * 60 + seconds
        match = re.fullmatch(r"PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?", text)
        if match and any(match.groups()):
            hours, minutes, seconds = (int(g or 0) for g in match.groups())
            return hours * 3600 + minutes * 60 + seconds
    raise PydanticCustomError(
        "portal_duration",
        "„{value}” to nie jest czas trwania; wpisz minuty i sekundy, np. 3:25 (albo 1:02:03)",
        {"value": str(value)},
    )


Duration = Annotated[
    int,
    BeforeValidator(_seconds),
    WithJsonSchema({"type": ["string", "integer"], "pattern": r"^(\d+:)?\d{1,2}:\d{2}$"}),
]


def _captions(value: Any) -> bool | str:
    """true/false (a hosted film has captions or not), or the path of a WebVTT file."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip():
        problem = files.path_problem(value.strip(), ("captions",))
        if problem:
            raise PydanticCustomError("portal_path", problem)
        return value.strip()
    raise PydanticCustomError(
        "portal_captions",
        "wpisz true albo false (film z serwisu) albo ścieżkę pliku napisów, np. filmy/pliki/klip.pl.vtt",
    )


Captions = Annotated[
    bool | str,
    PlainValidator(_captions),
    WithJsonSchema({"type": ["boolean", "string"], "pattern": r"^filmy/pliki/.+\.vtt$"}),
]


class Credit(Strict):
    role: Text = Field(description="Funkcja, np. reżyseria.", examples=["reżyseria"])
    name: Text = Field(description="Imię i nazwisko lub nazwa.", examples=["Anna Nowak"])


class FilmMeta(Strict):
    """A film: content/filmy/<adres>.md; the body below the header is the transcript."""

    title: Line = Field(description="Tytuł filmu.", examples=["Pyrlandia od kuchni"], max_length=140)
    slug: Slug | None = Field(None, description="Adres w URL; domyślnie nazwa pliku.")
    description: Text = Field(
        description="Opis filmu (1–3 zdania).",
        max_length=500,
        examples=["Jeden dzień w kuchni spółdzielni socjalnej."],
    )
    provider: Literal["youtube", "vimeo", "local"] = Field(
        description="youtube, vimeo albo local (plik w repozytorium).", examples=["youtube"]
    )
    video_id: Text | None = Field(
        None, description="Identyfikator filmu w serwisie (dla youtube i vimeo).", examples=["dQw4w9WgXcQ"]
    )
    file: media_path("video") | None = Field(
        None,
        description="Plik wideo względem content/ (dla local), WebM lub MP4.",
        examples=["filmy/pliki/klip.webm"],
    )
    duration: Duration = Field(description="Czas trwania, np. 3:25.", examples=["3:25"])
    published: Day = Field(description="Data publikacji RRRR-MM-DD.", examples=["2025-11-21"])
    poster: Image | None = Field(
        None,
        description="Kadr z filmu (plik w content/) z tekstem alternatywnym; wymagany dla youtube i vimeo.",
    )
    language: Literal["pl", "en", "pjm"] = Field(
        "pl", description="Język: pl, en albo pjm (polski język migowy)."
    )
    pjm_interpreter: bool = Field(
        False, description="true: na ekranie jest tłumacz polskiego języka migowego (PJM)."
    )
    pjm_version: Slug | None = Field(
        None,
        description="Ten sam film w polskim języku migowym: nazwa jego pliku z content/filmy/ bez .md.",
        examples=["portal-w-pjm"],
    )
    captions: Captions = Field(
        description="youtube/vimeo: true/false (czy film ma napisy); local: plik WebVTT względem content/.",
        examples=["true"],
    )
    credits: list[Credit] = Field(default_factory=list, description="Twórcy.")
    entities: list[Slug] = Field(
        default_factory=list, description="Podmioty pokazane w filmie (nazwy plików z content/podmioty/)."
    )
    tags: list[Text] = Field(default_factory=list, description="Tagi.")
    etr: EasyText | None = etr_field()
    sample: bool = Field(False, description="true = film przykładowy (identyfikator zmyślony).")


def provider_problems(meta: FilmMeta) -> list[tuple[str, str]]:
    """(field, message) pairs for the fields a provider requires."""
    found = []
    if meta.provider in ID_FORMATS:
        pattern, example = ID_FORMATS[meta.provider]
        if not meta.video_id:
            found.append(
                (
                    "video_id",
                    f"film z serwisu {meta.provider} potrzebuje identyfikatora; dopisz 'video_id:' ({example})",
                )
            )
        elif not pattern.match(meta.video_id):
            found.append(
                (
                    "video_id",
                    f"„{meta.video_id}” to nie jest identyfikator filmu {meta.provider}; wpisz {example}",
                )
            )
        if meta.poster is None:
            found.append(
                (
                    "poster",
                    "film z serwisu zewnętrznego potrzebuje kadru z naszego serwera; dopisz 'poster:' z polami src i alt",
                )
            )
        if not isinstance(meta.captions, bool):
            found.append(("captions", "dla filmu z serwisu wpisz true albo false (czy film ma napisy)"))
    else:
        if not meta.file:
            found.append(("file", "film z pliku potrzebuje pola 'file:' (np. filmy/pliki/klip.webm)"))
        if isinstance(meta.captions, bool):
            found.append(
                (
                    "captions",
                    "film z pliku potrzebuje napisów: wpisz ścieżkę pliku WebVTT, np. filmy/pliki/klip.pl.vtt",
                )
            )
    return found
