"""Front-matter schemas of news items and pages.

Typed pydantic models that reject unknown keys. Each field carries a Polish description and
an example: the description goes into the exported JSON Schema (editor completion), the
example into the "what to write instead" part of error messages.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from . import files
from .problems import nearest

# The portal's task areas (DOMAIN: zadania ROPS w zakresie ES). Slug -> name shown to readers.
CATEGORIES: dict[str, str] = {
    "koordynacja-es": "Koordynacja ES",
    "promocja": "Promocja",
    "reintegracja": "Reintegracja",
    "animacja": "Animacja",
    "edukacja": "Edukacja",
    "potencjal-pes-ps": "Potencjał PES/PS",
    "monitoring-i-ewaluacja": "Monitoring i ewaluacja",
}

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_DATE_RE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DATETIME_RE = re.compile(
    r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?"
    r"\s*(?P<zone>Z|[+-]\d{2}(?::?\d{2})?)?$"
)
WARSAW = ZoneInfo("Europe/Warsaw")


def _impossible(year: int, month: int, day: int, value: Any) -> PydanticCustomError | None:
    """The error for a date that does not exist (30 February, 31 September, month 13)."""
    try:
        dt.date(year, month, day)
    except ValueError:
        if 1 <= month <= 12:
            last = calendar.monthrange(year, month)[1] if 1 <= year <= 9999 else 31
            return PydanticCustomError(
                "portal_no_such_day",
                "data „{value}” nie istnieje: miesiąc {month} roku {year} ma {last} dni; popraw dzień",
                {"value": value, "month": month, "year": year, "last": last},
            )
        return PydanticCustomError(
            "portal_no_such_month",
            "data „{value}” nie istnieje: miesiąc {month}; wpisz RRRR-MM-DD z miesiącem od 01 do 12",
            {"value": value, "month": month},
        )
    return None


def _to_datetime(value: Any) -> dt.datetime:
    """A date, optionally with a time, in Polish time (Europe/Warsaw). A time written with an
    offset (+01:00, Z) is converted to Polish time, never cut off."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(WARSAW)
        return value.replace(tzinfo=None)
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    match = _DATETIME_RE.match(value.strip()) if isinstance(value, str) else None
    if match:
        year, month, day = (int(g) for g in match.groups()[:3])
        impossible = _impossible(year, month, day, value)
        if impossible:
            raise impossible
        hour, minute, second = (int(g or 0) for g in match.groups()[3:6])
        if hour > 23 or minute > 59 or second > 59:
            raise PydanticCustomError(
                "portal_time",
                "godzina w „{value}” nie istnieje; wpisz ją jako GG:MM, od 00:00 do 23:59",
                {"value": value},
            )
        moment = dt.datetime(year, month, day, hour, minute, second)
        zone = match.group("zone")
        if zone:
            if match.group(4) is None:
                raise PydanticCustomError(
                    "portal_zone_without_time",
                    "„{value}”: strefa czasowa bez godziny; wpisz datę z godziną albo samą datę",
                    {"value": value},
                )
            if zone == "Z":
                offset = dt.timedelta(0)
            else:
                digits = zone[1:].replace(":", "")
                hours, minutes = int(digits[:2]), int(digits[2:] or 0)
                if hours > 14 or minutes > 59:
                    raise PydanticCustomError(
                        "portal_zone",
                        "„{value}”: nieprawidłowa strefa czasowa {zone}; najprościej wpisz czas polski "
                        "bez strefy, np. 2026-11-27 10:00",
                        {"value": value, "zone": zone},
                    )
                offset = dt.timedelta(hours=hours, minutes=minutes) * (-1 if zone[0] == "-" else 1)
            moment = moment.replace(tzinfo=dt.timezone(offset)).astimezone(WARSAW).replace(tzinfo=None)
        return moment
    raise PydanticCustomError(
        "portal_date",
        "„{value}” to nie jest data; wpisz datę jako RRRR-MM-DD, np. 2026-11-27 "
        "(można dodać godzinę czasu polskiego: 2026-11-27 10:30)",
        {"value": value},
    )


def _to_date(value: Any) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    match = _DATE_RE.match(value.strip()) if isinstance(value, str) else None
    if match:
        year, month, day = (int(g) for g in match.groups())
        impossible = _impossible(year, month, day, value)
        if impossible:
            raise impossible
        return dt.date(year, month, day)
    raise PydanticCustomError(
        "portal_day",
        "„{value}” to nie jest data; wpisz datę jako RRRR-MM-DD, np. 2026-03-31",
        {"value": value},
    )


def choice(vocabulary: dict[str, str], what: str, *, show_labels: bool = False) -> Any:
    """A type for one value of a controlled vocabulary (slug -> label shown to readers).

    Editors may write the slug or the label in any case; the value becomes the slug. The
    error lists the choices (the labels where ``show_labels``, else the slugs).
    """

    def validate(value: Any) -> str:
        if isinstance(value, str):
            wanted = value.strip().casefold()
            for slug, label in vocabulary.items():
                if wanted in (slug, label.casefold()):
                    return slug
        choices = vocabulary.values() if show_labels else vocabulary.keys()
        shown = {**{label: (label if show_labels else slug) for slug, label in vocabulary.items()}}
        shown.update({slug: (label if show_labels else slug) for slug, label in vocabulary.items()})
        guess = nearest(value, [*vocabulary, *vocabulary.values()], shown) if isinstance(value, str) else ""
        raise PydanticCustomError(
            "portal_choice",
            "nieznana {what} „{value}”; {guess}wpisz jedną z: {choices}",
            {"what": what, "value": value, "guess": guess, "choices": ", ".join(choices)},
        )

    schema = {
        "enum": sorted(set(vocabulary) | set(vocabulary.values())),
        # the choices as the CMS form offers them (portal_cms): the label shown, the slug written
        "x-options": [{"value": slug, "label": label} for slug, label in vocabulary.items()],
    }
    return Annotated[str, BeforeValidator(validate), WithJsonSchema(schema)]


def _to_slug(value: Any) -> str:
    if isinstance(value, str) and SLUG_RE.match(value):
        return value
    raise PydanticCustomError(
        "portal_slug",
        "„{value}” nie nadaje się na adres; użyj małych liter bez polskich znaków, cyfr "
        "i myślników, np. gala-zakup-prospoleczny-2025",
        {"value": value},
    )


def _to_tags(value: Any) -> Any:
    # Editors often write "tagi: a, b"; accept it as the list they meant.
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    return value


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _printable(value: str) -> str:
    """No control characters but line breaks and tabs: feeds, calendars and SVG are XML
    or line-based formats, and a stray escape character makes the whole file unreadable."""
    found = _CONTROL.search(value)
    if found is not None:
        bad = found.group(0)
        raise PydanticCustomError(
            "portal_control",
            "tekst zawiera niewidoczny znak sterujący (kod {code}), zwykle wklejony z innego programu; "
            "przepisz ten fragment",
            {"code": ord(bad)},
        )
    return value


def _one_line(value: str) -> str:
    if "\n" in value or "\t" in value:
        raise PydanticCustomError(
            "portal_one_line",
            "tytuł lub nazwa musi być w jednej linii (trafia do kalendarzy, kanałów RSS i kart); "
            "usuń złamanie linii",
        )
    return value


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(_printable)]
Line = Annotated[Text, AfterValidator(_one_line)]  # titles and names: one line
# Easy-to-read Polish (tekst łatwy do czytania): plain paragraphs, no markup (portal_etr)
EasyText = Annotated[Text, StringConstraints(max_length=1500)]


def etr_field() -> Any:
    """The optional ``etr:`` field of an entity, OWES, film, news item or event: its summary
    in easy-to-read Polish, shown as "W prostych słowach" and on a short page of its own."""
    return Field(
        None,
        description="W prostych słowach: krótki opis w tekście łatwym do czytania (krótkie zdania, proste słowa, "
        "bez skrótów; akapity oddziel pustą linią). make check podpowie, co poprawić.",
        examples=["|\n  Pomagamy ludziom znaleźć pracę.\n  Gotujemy obiady dla szkół."],
    )


_URL_RE = re.compile(r"^https?://[^\s/$.?#<>\"][^\s<>\"]*$", re.IGNORECASE)


def _url(value: str) -> str:
    """A web address for a link: http(s) only (never javascript: or data:), and no space,
    < > or " (nothing that could end the attribute or the element it is written into)."""
    if not _URL_RE.match(value):
        raise PydanticCustomError(
            "portal_url",
            "„{value}” to nie jest adres strony; wpisz pełny adres zaczynający się od https:// "
            '(bez spacji i znaków < > ")',
            {"value": value},
        )
    return value


Url = Annotated[str, AfterValidator(_url), WithJsonSchema({"type": "string", "pattern": _URL_RE.pattern})]


def media_path(*media: str) -> Any:
    """A field that names a file of one of the ``media`` kinds (see files.MEDIA): relative
    to its root, inside the kind's folder, of an allowed type. Checked on the text alone."""

    def validate(value: str) -> str:
        problem = files.path_problem(value, media)
        if problem:
            raise PydanticCustomError("portal_path", problem)
        return value

    return Annotated[Text, AfterValidator(validate)]


PhotoPath = media_path("photo")
DateTime = Annotated[
    dt.datetime,
    BeforeValidator(_to_datetime),
    WithJsonSchema({"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?)?$"}),
]
Day = Annotated[
    dt.date,
    BeforeValidator(_to_date),
    WithJsonSchema({"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}),
]
CategorySlug = choice(CATEGORIES, "kategoria", show_labels=True)
Slug = Annotated[
    str, BeforeValidator(_to_slug), WithJsonSchema({"type": "string", "pattern": SLUG_RE.pattern})
]


class Strict(BaseModel):
    """Unknown keys are errors: a misspelt field must never be silently ignored."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Image(Strict):
    src: PhotoPath = Field(
        description="Ścieżka zdjęcia względem folderu content/ (JPEG lub PNG, najlepiej 1600–2400 px szerokości).",
        examples=["images/aktualnosci/gala-2025.jpg"],
    )
    alt: Text = Field(
        description="Tekst alternatywny: co widać na zdjęciu, dla osób niewidomych (1–2 zdania).",
        examples=["Laureaci odbierają certyfikaty na scenie"],
        max_length=250,
    )
    caption: Text | None = Field(None, description="Podpis pod zdjęciem (opcjonalny).")
    credit: Text | None = Field(None, description="Autor lub źródło zdjęcia (opcjonalne).")


class NewsMeta(Strict):
    """A news item (aktualność): content/aktualnosci/<rok>/<adres>.md"""

    title: Line = Field(
        description="Tytuł aktualności.", examples=["Gala Zakup Prospołeczny 2025"], max_length=160
    )
    date: DateTime = Field(
        description="Data publikacji RRRR-MM-DD (opcjonalnie z godziną).", examples=["2026-11-27"]
    )
    category: CategorySlug = Field(description="Jeden z obszarów zadań portalu.", examples=["Promocja"])
    tags: Annotated[list[Text], BeforeValidator(_to_tags)] = Field(
        default_factory=list, description="Słowa kluczowe.", examples=["[gala, certyfikacja]"]
    )
    summary: Text = Field(
        description="Krótkie streszczenie (do 300 znaków): lista aktualności i podgląd w mediach społecznościowych.",
        examples=["Dwadzieścia osiem podmiotów otrzymało znak Zakup Prospołeczny."],
        max_length=300,
    )
    image: Image | None = Field(
        None,
        description="Zdjęcie główne z tekstem alternatywnym.",
        examples=["\n  src: images/aktualnosci/zdjecie.jpg\n  alt: Opis zdjęcia"],
    )
    author: Text | None = Field(None, description="Autor lub autorka (opcjonalnie).", examples=["Anna Nowak"])
    slug: Slug | None = Field(
        None, description="Adres w URL; domyślnie nazwa pliku bez .md.", examples=["gala-2025"]
    )
    modified: DateTime | None = Field(
        None, description="Data ostatniej zmiany RRRR-MM-DD.", examples=["2026-11-28"]
    )
    status: Literal["published", "draft"] = Field(
        "published", description="draft = szkic, niepublikowany.", examples=["published"]
    )
    etr: EasyText | None = etr_field()
    sample: bool = Field(
        False, description="true = przykładowa (zmyślona) treść, oznaczana na stronie.", examples=["true"]
    )


class AccessibilityStatement(Strict):
    """Fields of the deklaracja dostępności with the element ids the regulations fix."""

    entity: Text = Field(
        description="Nazwa podmiotu publicznego (a11y-podmiot).",
        examples=["Regionalny Ośrodek Polityki Społecznej w Poznaniu"],
    )
    url: Url = Field(description="Adres strony (a11y-url).", examples=["https://wielkopolskaes.pl"])
    published: Day = Field(
        description="Data publikacji strony (a11y-data-publikacja).", examples=["2026-11-27"]
    )
    updated: Day = Field(
        description="Data ostatniej istotnej aktualizacji (a11y-data-aktualizacja).", examples=["2026-11-27"]
    )
    status: Literal["zgodna", "częściowo zgodna", "niezgodna"] = Field(
        description="Status zgodności z ustawą (a11y-status).", examples=["częściowo zgodna"]
    )
    status_notes: Text | None = Field(None, description="Treści niedostępne i wyłączenia (Markdown).")
    prepared: Day = Field(
        description="Data sporządzenia deklaracji (a11y-data-sporzadzenie).", examples=["2026-11-27"]
    )
    assessment: Text = Field(
        description="Sposób oceny (a11y-ocena).",
        examples=["samoocena przeprowadzona przez podmiot publiczny"],
    )
    auditor: Text | None = Field(None, description="Audytor zewnętrzny, jeśli był (a11y-audytor).")
    contact_person: Text = Field(description="Osoba kontaktowa (a11y-osoba).", examples=["Jan Kowalski"])
    contact_email: Text = Field(description="E-mail (a11y-email).", examples=["dostepnosc@rops.poznan.pl"])
    contact_phone: Text = Field(description="Telefon (a11y-telefon).", examples=["61 856 73 43"])
    procedure: Text = Field(description="Procedura wnioskowo-skargowa (a11y-procedura), Markdown.")
    architecture: Text = Field(description="Dostępność architektoniczna (a11y-architektura), Markdown.")
    sign_language: Text | None = Field(None, description="Tłumacz języka migowego (Markdown).")


class PageMeta(Strict):
    """A static page: content/strony/<adres>.md"""

    title: Line = Field(description="Tytuł strony.", examples=["O ekonomii społecznej"], max_length=160)
    slug: Slug | None = Field(
        None, description="Adres w URL; domyślnie nazwa pliku bez .md.", examples=["o-ekonomii-spolecznej"]
    )
    summary: Text | None = Field(None, description="Krótki opis strony (do 300 znaków).", max_length=300)
    nav_order: int | None = Field(
        None, description="Pozycja w menu głównym (puste = poza menu).", examples=["3"], ge=1, le=99
    )
    placeholder: bool = Field(False, description="true = sekcja w przygotowaniu (strona zastępcza).")
    template: Literal["certification", "contact", "pjm"] | None = Field(
        None,
        description="Szablon specjalny: certification = strona znaku Zakup Prospołeczny; contact = strona"
        " kontaktu (pod treścią dopisuje kontakty wszystkich OWES); pjm = strona polskiego języka migowego"
        " (pod treścią dopisuje filmy w PJM).",
    )
    accessibility: AccessibilityStatement | None = Field(None, description="Dane deklaracji dostępności.")
    modified: DateTime | None = Field(
        None, description="Data ostatniej zmiany RRRR-MM-DD.", examples=["2026-11-28"]
    )
    status: Literal["published", "hidden", "draft"] = Field(
        "published", description="hidden = strona poza menu i listami."
    )
    sample: bool = Field(False, description="true = przykładowa (zmyślona) treść, oznaczana na stronie.")
