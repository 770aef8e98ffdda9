"""Schema of an English page: content/en/<adres>.md (the text below the header is the page).
``home.md`` is the English home page (/en/)."""

from __future__ import annotations

from portal_content.schema import Line, Slug, Strict, Text
from pydantic import Field


class EnglishPageMeta(Strict):
    """A page in English: content/en/<adres>.md"""

    title: Line = Field(description="Tytuł po angielsku.", max_length=120, examples=["Contact"])
    summary: Text | None = Field(
        None, description="Jedno zdanie po angielsku (opis w wynikach wyszukiwania)."
    )
    counterpart: Slug | None = Field(
        None,
        description="Polska strona z tą samą treścią: nazwa jej pliku z content/strony/ bez .md "
        "(puste dla home.md: polska strona główna).",
        examples=["kontakt"],
    )
    order: int = Field(50, description="Kolejność w menu angielskim (mniejsza wyżej).", ge=1, le=99)
    slug: Slug | None = Field(None, description="Adres w URL; domyślnie nazwa pliku.")
    sample: bool = Field(False, description="true: treść przykładowa.")
