"""Schema of an easy-to-read page: content/tekst-latwy/<adres>.md. The text below the
header is the page, written to the easy-to-read rules (portal_etr.readability)."""

from __future__ import annotations

from portal_content.schema import Line, Slug, Strict
from pydantic import Field


class EtrPageMeta(Strict):
    """An easy-to-read page (tekst łatwy do czytania): content/tekst-latwy/<adres>.md"""

    title: Line = Field(
        description="Tytuł: krótki, prosty, najlepiej pytanie.",
        max_length=80,
        examples=["Co to jest ekonomia społeczna?"],
    )
    order: int = Field(description="Kolejność na liście (1 = pierwsza).", ge=1, le=99, examples=[1])
    slug: Slug | None = Field(None, description="Adres w URL; domyślnie nazwa pliku.")
    sample: bool = Field(False, description="true: treść przykładowa, do sprawdzenia z czytelnikami.")
