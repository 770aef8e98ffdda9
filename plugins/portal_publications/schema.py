"""Schema of a publication: content/wiedza/<adres>.md; the text below the header is its
summary (required: the page readers and search engines read), its files are in
content/pliki/wiedza/."""

from __future__ import annotations

from portal_content.schema import Day, Line, Slug, Strict, Text, choice, media_path
from pydantic import Field

PUBLICATION_TYPES = {
    "raport-z-monitoringu": "raport z monitoringu",
    "diagnoza-lokalna": "diagnoza lokalna",
    "ewaluacja": "ewaluacja",
    "program": "program",
    "uchwala": "uchwała",
    "protokol": "protokół",
    "poradnik": "poradnik",
    "prezentacja": "prezentacja",
}
# plural headings of the listing pages by type
PUBLICATION_TYPES_PLURAL = {
    "raport-z-monitoringu": "Raporty z monitoringu",
    "diagnoza-lokalna": "Diagnozy lokalne",
    "ewaluacja": "Ewaluacje",
    "program": "Programy",
    "uchwala": "Uchwały",
    "protokol": "Protokoły",
    "poradnik": "Poradniki",
    "prezentacja": "Prezentacje",
}
TOPICS = {
    "monitoring": "monitoring sektora",
    "zatrudnienie": "zatrudnienie i reintegracja",
    "wsparcie-owes": "wsparcie OWES",
    "zamowienia": "zakupy i zamówienia społeczne",
    "uslugi-spoleczne": "usługi społeczne",
    "koordynacja": "koordynacja regionalna",
    "finansowanie": "finansowanie",
    "edukacja": "edukacja i animacja",
}
LANGUAGES = {"pl": "polski", "en": "angielski"}

PublicationType = choice(PUBLICATION_TYPES, "rodzaj publikacji", show_labels=True)
Topic = choice(TOPICS, "temat", show_labels=True)
Language = choice(LANGUAGES, "język")


class PublicationFile(Strict):
    document: media_path("document") = Field(
        description="Plik w content/pliki/wiedza/ (PDF, ODT, DOCX, XLSX, ODS, CSV).",
        examples=["pliki/wiedza/raport-2025.pdf"],
    )
    label: Line | None = Field(
        None,
        description="Co to za plik, jeśli jest ich kilka.",
        examples=["Aneks: tabele (XLSX)"],
        max_length=120,
    )


class Area(Strict):
    subregion: Text | None = Field(
        None, description="Subregion OWES (nazwa albo kod z pliku regionu).", examples=["pilski"]
    )
    powiaty: list[Text] = Field(
        default_factory=list, description="Powiaty, których dotyczy.", examples=["[złotowski]"]
    )
    gminy: list[Line] = Field(
        default_factory=list,
        description="Gminy, których dotyczy (nazwy z pliku region/wielkopolska.yaml; „Złotów” to miasto, „gmina wiejska Złotów” – gmina wokół niego).",
        examples=["[Złotów]"],
    )


class PublicationMeta(Strict):
    """A publication: content/wiedza/<adres>.md; the text below the header summarises it."""

    title: Line = Field(
        description="Tytuł.",
        max_length=200,
        examples=["Ekonomia społeczna w Wielkopolsce. Raport z monitoringu 2025"],
    )
    slug: Slug | None = Field(None, description="Adres w URL; domyślnie nazwa pliku.")
    type: PublicationType = Field(
        description="Rodzaj: " + ", ".join(PUBLICATION_TYPES.values()) + ".",
        examples=["raport-z-monitoringu"],
    )
    date: Day = Field(description="Data wydania (RRRR-MM-DD).", examples=["2025-06-30"])
    authors: list[Line] = Field(
        min_length=1,
        description="Autorzy: osoby lub instytucje.",
        examples=["[Regionalny Ośrodek Polityki Społecznej w Poznaniu]"],
    )
    publisher: Line = Field(
        description="Wydawca.", examples=["Regionalny Ośrodek Polityki Społecznej w Poznaniu"]
    )
    area: Area | None = Field(None, description="Obszar, którego dotyczy: subregion, powiaty, gminy.")
    language: Language = Field("pl", description="Język publikacji: pl albo en.", examples=["pl"])
    topics: list[Topic] = Field(
        default_factory=list, description="Tematy (do filtrów).", examples=["[monitoring]"]
    )
    files: list[PublicationFile] = Field(
        min_length=1,
        description="Pliki do pobrania.",
        examples=["\n  - document: pliki/wiedza/raport-2025.pdf"],
    )
    group: Slug | None = Field(
        None,
        description="Kto wydał, jeśli komitet albo grupa robocza: nazwa pliku z content/koordynacja/ bez .md.",
        examples=["regionalny-komitet"],
    )
    sample: bool = Field(False, description="true: publikacja przykładowa (zmyślona).")
