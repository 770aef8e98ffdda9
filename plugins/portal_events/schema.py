"""Schema of an event (wydarzenie): content/wydarzenia/<rok>/<adres>.md, the body is the description."""

from __future__ import annotations

from portal_content.schema import DateTime, Day, EasyText, Image, Line, Slug, Strict, Text, choice, etr_field
from portal_directory.schema import Email, Phone, PostalCode, Url
from pydantic import Field

EVENT_TYPES = {
    "spotkanie-grupy-roboczej": "spotkanie grupy roboczej",
    "szkolenie": "szkolenie",
    "konferencja": "konferencja",
    "gala": "gala",
    "wizyta-studyjna": "wizyta studyjna",
    "targi": "targi",
    "posiedzenie": "posiedzenie",
}
EventType = choice(EVENT_TYPES, "kategoria wydarzenia", show_labels=True)
ROPS = "rops"  # the organiser value that names the portal's owner (OWNER in the settings)


class Place(Strict):
    name: Line = Field(description="Nazwa miejsca.", examples=["Sala konferencyjna ROPS"])
    street: Text = Field(description="Ulica i numer.", examples=["ul. Feliksa Nowowiejskiego 11"])
    postal_code: PostalCode = Field(description="Kod pocztowy NN-NNN.", examples=["61-731"])
    city: Text = Field(description="Miejscowość.", examples=["Poznań"])
    accessibility: Text | None = Field(
        None,
        description="Dostępność miejsca (winda, pętla indukcyjna, toaleta...).",
        examples=["Wejście bez schodów, winda, pętla indukcyjna w sali."],
    )


class Registration(Strict):
    url: Url | None = Field(None, description="Formularz zapisów (https://...).")
    email: Email | None = Field(None, description="Zapisy e-mailem.", examples=["es@rops.poznan.pl"])
    phone: Phone | None = Field(None, description="Zapisy telefonicznie.", examples=["61 856 73 43"])
    deadline: Day | None = Field(None, description="Zapisy do (RRRR-MM-DD).", examples=["2026-12-01"])
    note: Text | None = Field(None, description="Uwagi, np. liczba miejsc.", examples=["Liczba miejsc: 40."])


class EventMeta(Strict):
    """An event: content/wydarzenia/<rok>/<adres>.md; the text below the header describes it."""

    title: Line = Field(
        description="Nazwa wydarzenia.", max_length=140, examples=["Gala Zakup Prospołeczny 2026"]
    )
    slug: Slug | None = Field(None, description="Adres w URL; domyślnie nazwa pliku.")
    type: EventType = Field(
        description="Rodzaj: " + ", ".join(EVENT_TYPES.values()) + ".", examples=["szkolenie"]
    )
    start: DateTime = Field(
        description="Początek: RRRR-MM-DD GG:MM, czas polski (Europe/Warsaw).", examples=["2026-12-03 10:00"]
    )
    end: DateTime = Field(description="Koniec: RRRR-MM-DD GG:MM, czas polski.", examples=["2026-12-03 14:00"])
    summary: Text = Field(description="Zapowiedź w 1–2 zdaniach (do 300 znaków).", max_length=300)
    place: Place | None = Field(None, description="Adres miejsca; pomiń, gdy wydarzenie jest tylko online.")
    online: Url | None = Field(None, description="Link do transmisji lub spotkania online.")
    organiser: Slug = Field(
        description="Organizator: nazwa pliku profilu podmiotu (content/podmioty/) lub OWES "
        "(content/owes/) bez .md, albo rops.",
        examples=["rops", "owes-poznanski"],
    )
    registration: Registration | None = Field(None, description="Zapisy: link, e-mail lub telefon, termin.")
    group: Slug | None = Field(
        None,
        description="Posiedzenie: komitet albo grupa robocza - nazwa pliku z content/koordynacja/ bez .md.",
        examples=["grupa-promocji"],
    )
    agenda: list[Text] = Field(
        default_factory=list, description="Porządek obrad (posiedzenie), punkt po punkcie."
    )
    minutes: Slug | None = Field(
        None,
        description="Protokół: nazwa pliku publikacji z content/wiedza/ bez .md.",
        examples=["protokol-komitetu-2025-03"],
    )
    image: Image | None = Field(None, description="Zdjęcie z tekstem alternatywnym (jak w aktualności).")
    tags: list[Text] = Field(default_factory=list, description="Tagi (opcjonalne).")
    etr: EasyText | None = etr_field()
    sample: bool = Field(False, description="true: treść przykładowa (zmyślona).")
