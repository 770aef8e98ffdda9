"""portal_certification: the "Zakup Prospołeczny" mark — editions, badges, verification.

Why our own plugin: certificates are data with rules (dates, scope, renewals) that must be
checked against the directory and the catalogue, and whose status depends on the day.

Signals:
- ``initialized``: URL settings' defaults.
- ``get_generators``: adds CertificationGenerator (edition and verification pages, QR codes,
  embeddable badges, /dane/certyfikaty.csv and .json).
- ``all_generators_finalized``: links certificates to entities, products and gala reports,
  and gives every entity and product its badges.
Content kind registered with portal_content: ``edition`` (content/zakup-prospoleczny/*.yaml),
with a cross-file checker. Settings read: BUILD_DATE (portal_theme; PORTAL_BUILD_DATE fixes
it), EDITION_URL, CERTIFICATE_URL, OPEN_DATA_URL, SITE_ADDRESS.
"""

from __future__ import annotations

from typing import Any

from portal_content.problems import Problem, display_path
from portal_content.validate import Kind, Record

from .generator import CertificationGenerator
from .schema import EditionMeta, scope_missing
from .status import EXPIRING_DAYS, LABELS


def check_editions(records: list[Record], settings: dict[str, Any]) -> list[Problem]:
    entities = {r.slug for r in records if r.kind == "entity"}
    products = {r.slug: r.meta for r in records if r.kind == "product"}
    news = {r.slug for r in records if r.kind == "news"}
    editions = [r for r in records if r.kind == "edition"]
    problems: list[Problem] = []
    numbers: dict[str, tuple[str, Any]] = {}
    for record in editions:
        for certificate in record.meta.certificates:
            numbers.setdefault(certificate.number, (display_path(record.path), certificate))
    seen: set[str] = set()
    for record in editions:
        meta: Any = record.meta
        shown = display_path(record.path)

        def add(loc: tuple, message: str, shown: str = shown, record: Record = record) -> None:
            field = ".".join(p if isinstance(p, str) else f"[{p}]" for p in loc).replace(".[", "[")
            problems.append(Problem(shown, record.doc.line_for(loc), field, message))

        for loc, day in ((("decision_date",), meta.decision_date), (("gala", "date"), meta.gala.date)):
            if day.year != meta.year:
                add(
                    loc,
                    f"data {day.isoformat()} nie jest z roku edycji {meta.year}; popraw datę albo pole 'year'",
                )
        if meta.report and meta.report not in news:
            add(
                ("report",),
                f"nie ma aktualności „{meta.report}”; wpisz nazwę pliku relacji z gali bez .md (content/aktualnosci/)",
            )
        for index, c in enumerate(meta.certificates):
            where = ("certificates", index)
            if c.number in seen:
                add(
                    (*where, "number"),
                    f"numer {c.number} jest już użyty w {numbers[c.number][0]}; każdy certyfikat ma inny numer",
                )
            seen.add(c.number)
            if int(c.number.split("-")[1]) != meta.year:
                add(
                    (*where, "number"),
                    f"numer {c.number} nie pasuje do edycji {meta.year}; wpisz ZP-{meta.year}-...",
                )
            known_entity = c.entity in entities
            if not known_entity:
                add(
                    (*where, "entity"),
                    f"nie ma podmiotu „{c.entity}” w content/podmioty/; wpisz nazwę pliku profilu bez .md",
                )
            for p_index, slug in enumerate(c.products):
                if slug not in products:
                    add(
                        (*where, "products", p_index),
                        f"nie ma produktu „{slug}” w catalogue/; wpisz nazwę pliku produktu bez .yaml",
                    )
                elif known_entity and products[slug].maker != c.entity:
                    add(
                        (*where, "products", p_index),
                        f"produkt „{slug}” wytwarza {products[slug].maker}, nie {c.entity}; certyfikat obejmuje tylko produkty certyfikowanego podmiotu",
                    )
            if scope_missing(c):
                add(
                    where,
                    "certyfikat nie mówi, co obejmuje; dopisz 'products:' (produkty z katalogu) albo 'services:' (usługi)",
                )
            if c.valid_until < c.valid_from:
                add(
                    (*where, "valid_until"),
                    f"koniec ważności ({c.valid_until.isoformat()}) jest przed początkiem ({c.valid_from.isoformat()}); popraw daty",
                )
            if c.renews:
                if c.renews not in numbers or c.renews == c.number:
                    add(
                        (*where, "renews"),
                        f"nie ma certyfikatu {c.renews} do odnowienia; wpisz numer wcześniejszego certyfikatu tego podmiotu",
                    )
                elif numbers[c.renews][1].entity != c.entity:
                    add(
                        (*where, "renews"),
                        f"certyfikat {c.renews} należy do innego podmiotu ({numbers[c.renews][1].entity}); odnowić można tylko własny certyfikat",
                    )
    return problems


def setup(pelican) -> None:
    pelican.settings.setdefault("JINJA_GLOBALS", {}).update(
        CERT_STATUS_LABELS=LABELS, CERT_EXPIRING_DAYS=EXPIRING_DAYS
    )


def get_generators(pelican):
    return CertificationGenerator


# What certification declares (the wiring, portal_site, registers it)
KINDS = [Kind("edition", "zakup-prospoleczny", EditionMeta, "edition", suffix=".yaml")]
CHECKERS = [check_editions]
