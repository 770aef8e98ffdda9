"""Editions and certificates as pages see them, with their status on the build date."""

from __future__ import annotations

import datetime as dt
from typing import Any

from portal_build.render import note_date_read
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


class ShownStatus:
    """A certificate's status on the build date, as pages read it: every read is noted with
    what it gave (portal_build.render.note_date_read), so a build on another day renders a
    page again only when what it showed changed (``status_now`` answers for that day)."""

    def __init__(self, number: str, status: Status) -> None:
        self._number, self._status = number, status

    def _shown(self, what: str, depends_on: str = "code") -> Any:
        """``what`` of the status, noting the field it is made from (label and current are
        made from the code)."""
        note_date_read(("certyfikat", self._number, depends_on), getattr(self._status, depends_on))
        return getattr(self._status, what)

    code = property(lambda self: self._shown("code"))
    label = property(lambda self: self._shown("label"))
    current = property(lambda self: self._shown("current"))
    days_left = property(lambda self: self._shown("days_left", "days_left"))


def status_now(certificates: dict[str, Any], key: tuple) -> Any:
    """The value a ``ShownStatus`` read of ``key`` gives in this build."""
    _, number, what = key
    return getattr(certificates[number]._status, what)


class CertificateRecord(Related):
    RELATIONS = {"entity": Ref("entity", "entity"), "products": Ref("product", "products", many=True)}

    def __init__(self, meta: Certificate, edition: Edition, day: dt.date, settings: dict[str, Any]) -> None:
        self.meta = meta
        self.number = meta.number
        self.edition = edition
        self.year = edition.year
        self.valid_from = meta.valid_from
        self.valid_until = meta.valid_until
        self._status: Status = status_on(day, meta.valid_from, meta.valid_until)
        self.url = settings["CERTIFICATE_URL"].format(number=meta.number)
        self.save_as = self.url + "index.html"
        self.renews: CertificateRecord | None = None
        self.renewed_by: CertificateRecord | None = None

    @property
    def status(self) -> ShownStatus:
        """The status on the build date, as a page reads it (each read noted)."""
        return ShownStatus(self.number, self._status)

    @property
    def services(self) -> list[str]:
        return list(self.meta.services)

    @property
    def scope(self) -> list[str]:
        return [p.meta.name for p in self.products] + self.services

    def sort_key(self) -> tuple:
        """Current certificates first (latest end first), then history (latest first)."""
        return (0 if self.status.current else 1, -self.valid_until.toordinal(), self.number)
