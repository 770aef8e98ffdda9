"""Schema of a "Zakup Prospołeczny" edition: content/zakup-prospoleczny/<rok>.yaml"""

from __future__ import annotations

import re
from typing import Annotated, Any

from portal_content.schema import Day, Slug, Strict, Text
from pydantic import AfterValidator, Field
from pydantic_core import PydanticCustomError

NUMBER_RE = re.compile(r"^ZP-\d{4}-\d{2,3}$")


def _number(value: str) -> str:
    if not NUMBER_RE.match(value):
        raise PydanticCustomError(
            "portal_cert_number",
            "„{value}” to nie jest numer certyfikatu; wpisz go jako ZP-ROK-NUMER, np. ZP-2025-07",
            {"value": value},
        )
    return value


CertificateNumber = Annotated[str, AfterValidator(_number)]


class Gala(Strict):
    date: Day = Field(description="Data gali RRRR-MM-DD.", examples=["2025-11-20"])
    place: Text = Field(description="Miejsce gali.", examples=["Sala Ziemi, Poznań Congress Center"])


class Certificate(Strict):
    number: CertificateNumber = Field(
        description="Numer certyfikatu, niepowtarzalny: ZP-ROK-NUMER.", examples=["ZP-2025-07"]
    )
    entity: Slug = Field(
        description="Podmiot: nazwa pliku profilu z content/podmioty/ bez .md.", examples=["pyrlandia"]
    )
    products: list[Slug] = Field(
        default_factory=list, description="Produkty z katalogu objęte certyfikatem (nazwy plików bez .yaml)."
    )
    services: list[Text] = Field(default_factory=list, description="Usługi objęte certyfikatem (opis).")
    valid_from: Day = Field(description="Ważny od RRRR-MM-DD.", examples=["2025-12-01"])
    valid_until: Day = Field(description="Ważny do RRRR-MM-DD (włącznie).", examples=["2026-12-31"])
    renews: CertificateNumber | None = Field(
        None, description="Numer certyfikatu, który ten odnawia.", examples=["ZP-2024-03"]
    )


class EditionMeta(Strict):
    """One yearly edition of the certification: content/zakup-prospoleczny/<rok>.yaml"""

    year: int = Field(ge=2010, le=2100, description="Rok edycji.", examples=["2025"])
    decision_date: Day = Field(description="Data uchwały kapituły RRRR-MM-DD.", examples=["2025-11-05"])
    gala: Gala = Field(
        description="Gala wręczenia certyfikatów.", examples=["\n  date: 2025-11-20\n  place: Poznań"]
    )
    board: list[Text] = Field(
        min_length=1,
        description="Skład kapituły (instytucje lub osoby).",
        examples=["[ROPS w Poznaniu, OWES subregionu pilskiego]"],
    )
    report: Slug | None = Field(
        None,
        description="Relacja z gali: nazwa pliku aktualności bez .md.",
        examples=["gala-zakup-prospoleczny-2025"],
    )
    film: Slug | None = Field(None, description="Film z gali (adres filmu w filmotece, gdy powstanie).")
    certificates: list[Certificate] = Field(min_length=1, description="Przyznane certyfikaty.")
    sample: bool = Field(False, description="true = dane przykładowe.")


def scope_missing(certificate: Any) -> bool:
    return not certificate.products and not certificate.services
