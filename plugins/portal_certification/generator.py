"""CertificationGenerator: edition pages, verification pages with QR codes, badges, open data."""

from __future__ import annotations

import functools
import hashlib
import json
from importlib import metadata
from pathlib import Path

import qrcode
import qrcode.constants
from pelican.generators import Generator
from portal_build import carry
from portal_build.render import write_data
from portal_content.opendata import csv_text
from portal_content.validate import records_of
from portal_core.address import site_address
from portal_core.atomic import write_atomic

from .badge import certificate_badge_svg
from .model import CertificateRecord, Edition, status_now


class CertificationGenerator(Generator):
    def __init__(self, *args, **kwargs):
        self.editions: list[Edition] = []
        self.certificates: list[CertificateRecord] = []
        super().__init__(*args, **kwargs)

    def generate_context(self) -> None:
        day = self.settings["BUILD_DATE"]
        editions = []
        for record in records_of(self.settings, "edition"):
            edition = Edition.from_record(record, self.settings)
            edition.certificates = [
                CertificateRecord(c, edition, day, self.settings) for c in record.meta.certificates
            ]
            editions.append(edition)
        self.editions = sorted(editions, key=lambda e: -e.year)
        self.certificates = [c for e in self.editions for c in e.certificates]
        by_number = {c.number: c for c in self.certificates}
        for certificate in self.certificates:
            if certificate.meta.renews:
                certificate.renews = by_number[certificate.meta.renews]
                certificate.renews.renewed_by = certificate
        self.context["certification"] = self
        # how a build on another day knows whether a page showing a status must change
        carry.date_value("certyfikat", functools.partial(status_now, by_number))

    def content_items(self) -> dict[str, list]:
        """The items this generator made, by kind (portal_content.relations links them)."""
        return {"edition": self.editions, "certificate": self.certificates}

    @property
    def current(self) -> list[CertificateRecord]:
        """Certificates valid on the build day, each entity once per scope: where a renewal
        already runs while the certificate it renews still does, the one that lasts longer
        stands for both (a list would otherwise show the entity twice for one thing)."""
        chosen: dict[tuple, CertificateRecord] = {}
        for certificate in self.certificates:
            if not certificate.status.current:
                continue
            key = (
                certificate.meta.entity,
                frozenset(certificate.meta.products),
                frozenset(certificate.services),
            )
            held = chosen.get(key)
            if held is None or (certificate.valid_until, certificate.number) > (
                held.valid_until,
                held.number,
            ):
                chosen[key] = certificate
        kept = {id(c) for c in chosen.values()}
        return [c for c in self.certificates if id(c) in kept]

    def count(self, code: str) -> int:
        return sum(1 for c in self.certificates if c.status.code == code)

    def current_by_subregion(self, region) -> list[tuple[object, list[CertificateRecord]]]:
        groups = []
        for subregion in region.subregions:
            members = sorted(
                (c for c in self.current if c.entity.subregion is subregion),
                key=lambda c: c.entity.display_name,
            )
            groups.append((subregion, members))
        return groups

    def generate_output(self, writer) -> None:
        public = site_address(self.settings)
        for edition in self.editions:
            writer.write_file(
                edition.save_as, self.get_template("edition"), self.context, edition=edition, url=edition.url
            )
        for certificate in self.certificates:
            badge_snippet = (
                f'<a href="{public}/{certificate.url}"><img src="{public}/{certificate.url}znak.svg" width="320" height="100" '
                f'alt="Zakup Prospołeczny {certificate.year}: certyfikat {certificate.number}, sprawdź ważność"></a>'
            )
            writer.write_file(
                certificate.save_as,
                self.get_template("certificate"),
                self.context,
                certificate=certificate,
                url=certificate.url,
                badge_snippet=badge_snippet,
            )
            folder = Path(self.output_path) / certificate.url
            folder.mkdir(parents=True, exist_ok=True)  # the page itself may be rendered later
            # drawn with the pages (in parallel): ~15 ms a code, hundreds of certificates
            write_data(writer, folder / "qr.svg", qr_svg, f"{public}/{certificate.url}", self.settings)
            # at a fixed address: copies embedded on other sites show "wygasł" the day after
            # the end (the site is rebuilt daily), never a valid-looking mark
            (folder / "znak.svg").write_text(
                certificate_badge_svg(
                    certificate.number,
                    certificate.year,
                    certificate.valid_from,
                    certificate.valid_until,
                    certificate.entity.meta.name,
                    certificate.status.code,
                ),
                encoding="utf-8",
            )
        self._open_data(public)

    def _rows(self, public: str) -> list[dict]:
        return [
            {
                "numer": c.number,
                "edycja": c.year,
                "podmiot_id": c.entity.slug,
                "podmiot": c.entity.meta.name,
                "produkty": [p.slug for p in c.products],
                "uslugi": c.services,
                "wazny_od": c.valid_from.isoformat(),
                "wazny_do": c.valid_until.isoformat(),
                "status_w_dniu_zbudowania": c.status.code,
                "odnawia": c.renews.number if c.renews else "",
                "weryfikacja": f"{public}/{c.url}",
            }
            for c in self.certificates
        ]

    def _open_data(self, public: str) -> None:
        folder = Path(self.output_path) / self.settings["OPEN_DATA_URL"]
        folder.mkdir(parents=True, exist_ok=True)
        rows = self._rows(public)
        built = str(self.settings["BUILD_DATE"])
        document = {
            "opis": "Certyfikaty „Zakup Prospołeczny” przyznane w Wielkopolsce",
            "licencja": "CC BY 4.0",
            "data_zbudowania": built,
            "uwaga": "status_w_dniu_zbudowania obowiązuje w dniu zbudowania; o ważności dziś rozstrzygają daty wazny_od i wazny_do",
            "certyfikaty": rows,
        }
        (folder / "certyfikaty.json").write_text(
            json.dumps(document, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        header = list(rows[0]) if rows else []
        table = ([" | ".join(v) if isinstance(v, list) else v for v in row.values()] for row in rows)
        (folder / "certyfikaty.csv").write_text(csv_text(header, table), encoding="utf-8", newline="")


QR_DRAWING = "3"  # part of the cache key: a change of qr_matrix_svg draws every code again


QUIET_ZONE = 4  # modules


def qr_matrix_svg(matrix: list[list[bool]]) -> str:
    """A QR code's modules (quiet zone included) as one SVG path of horizontal runs, on
    white: scanners need the light margin, also where a high-contrast theme darkens the page.
    (The qrcode package's own SVG writes a square per module: twice the bytes, and a
    quarter of the time it takes to make a code.)"""
    size = len(matrix)
    runs = []
    for y, row in enumerate(matrix):
        x = 0
        while x < size:
            if not row[x]:
                x += 1
                continue
            start = x
            while x < size and row[x]:
                x += 1
            runs.append(f"M{start} {y}h{x - start}v1h-{x - start}z")
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" width="{size * 10}" '
        f'height="{size * 10}" shape-rendering="crispEdges"><rect width="{size}" height="{size}" fill="#fff"/>'
        f'<path fill="#000" d="{"".join(runs)}"/></svg>\n'
    )


def qr_svg(url: str, settings) -> bytes:
    """The QR code of ``url`` as SVG, drawn once and kept beside the image cache (making a
    code takes about 12 ms, and the portal has hundreds of certificates over the years)."""
    cache = Path(settings["IMAGES_CACHE_PATH"]).parent / "qr"
    key = hashlib.sha256(f"{metadata.version('qrcode')}|{QR_DRAWING}|{url}".encode()).hexdigest()[:20]
    cached = cache / f"{key}.svg"
    try:
        known = cached.read_bytes()
    except OSError:
        known = b""
    if known.endswith(b"</svg>\n"):  # written whole (write_atomic), by any process
        return known
    # the quiet zone ISO/IEC 18004 asks for: four light modules on every side
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=QUIET_ZONE)
    code.add_data(url)
    code.make(fit=True)
    data = qr_matrix_svg(code.get_matrix()).encode()
    write_atomic(cached, data)
    return data
