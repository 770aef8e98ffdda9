"""Editions and certificates as pages see them, with their status on the build date."""

from __future__ import annotations

import datetime as dt
from typing import Any

from portal_content.model import Item
from portal_content.relations import Ref, Related

from .schema import Certificate, EditionMeta
from .status import Status, status_on


class Edition(Item):
    KIND = "edition"
    URL_SETTING = "EDITION_URL"
    RELATIONS = {"report": Ref("news", "report"), "film": Ref("film", "film")}

    meta: EditionMeta

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.certificates: list[CertificateRecord] = []

    @property
    def year(self) -> int:
        return self.meta.year

    @property
    def title(self) -> str:
        return f"Zakup Prospołeczny {self.meta.year}"

    def address_fields(self) -> dict[str, Any]:
        return {"year": self.meta.year}


class CertificateRecord(Related):
    RELATIONS = {"entity": Ref("entity", "entity"), "products": Ref("product", "products", many=True)}

    def __init__(self, meta: Certificate, edition: Edition, day: dt.date, settings: dict[str, Any]) -> None:
        self.meta = meta
        self.number = meta.number
        self.edition = edition
        self.year = edition.year
        self.valid_from = meta.valid_from
        self.valid_until = meta.valid_until
        self.status: Status = status_on(day, meta.valid_from, meta.valid_until)
        self.url = settings["CERTIFICATE_URL"].format(number=meta.number)
        self.save_as = self.url + "index.html"
        self.renews: CertificateRecord | None = None
        self.renewed_by: CertificateRecord | None = None

    @property
    def services(self) -> list[str]:
        return list(self.meta.services)

    @property
    def scope(self) -> list[str]:
        return [p.meta.name for p in self.products] + self.services

    def sort_key(self) -> tuple:
        """Current certificates first (latest end first), then history (latest first)."""
        return (0 if self.status.current else 1, -self.valid_until.toordinal(), self.number)
