"""portal_certification: the "Zakup Prospołeczny" mark — editions, badges, verification.

Why our own plugin: certificates are data with rules (dates, scope, renewals) that must be
checked against the directory and the catalogue, and whose status depends on the day.

Handlers (wired by portal_site):
- ``setup`` (``initialized``): template globals (status labels).
- ``get_generators``: adds CertificationGenerator (edition and verification pages, QR codes,
  embeddable badges, /dane/certyfikaty.csv and .json).
Certificates declare their entity and products, editions their gala report and film
(``RELATIONS``); portal_content.relations links them, and entities and products show the
valid certificate. Declares the content kind ``edition`` (content/zakup-prospoleczny/*.yaml)
and the rules of ``check_editions``. Settings read: BUILD_DATE (portal_theme; PORTAL_BUILD_DATE fixes
it), EDITION_URL, CERTIFICATE_URL, OPEN_DATA_URL, SITE_ADDRESS.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from portal_content.problems import Problem, display_path, nearest
from portal_content.validate import Kind, Record, Rules, rule

from .generator import CertificationGenerator
from .schema import EditionMeta, scope_missing
from .status import EXPIRING_DAYS, LABELS


@dataclass
class EditionFacts:
    entities: set[str]
    products: dict[str, Any]  # slug -> product front matter
    news: set[str]
    numbers: dict[str, tuple[str, Any]]  # certificate number -> (first file, certificate)
    first: dict[str, tuple[Path, int]]  # certificate number -> (file, index) of its first use


def edition_facts(records: list[Record], settings: dict[str, Any]) -> EditionFacts:
    facts = EditionFacts(
        entities={r.slug for r in records if r.kind == "entity"},
        products={r.slug: r.meta for r in records if r.kind == "product"},
        news={r.slug for r in records if r.kind == "news"},
        numbers={},
        first={},
    )
    for record in records:
        if record.kind == "edition":
            for index, certificate in enumerate(record.meta.certificates):
                facts.numbers.setdefault(certificate.number, (display_path(record.path), certificate))
                facts.first.setdefault(certificate.number, (record.path, index))
    return facts


@rule("edition")
def dates_in_the_editions_year(record: Record, facts: EditionFacts) -> Iterator[Problem]:
    meta: Any = record.meta
    for loc, day in ((("decision_date",), meta.decision_date), (("gala", "date"), meta.gala.date)):
        if day.year != meta.year:
            yield record.problem(
                loc,
                f"data {day.isoformat()} nie jest z roku edycji {meta.year}; popraw datę albo pole 'year'",
            )


@rule("edition")
def gala_report_exists(record: Record, facts: EditionFacts) -> Iterator[Problem]:
    report = record.meta.report
    if report and report not in facts.news:
        yield record.problem(
            ("report",),
            f"nie ma aktualności „{report}”; {nearest(report, facts.news)}"
            "wpisz nazwę pliku relacji z gali bez .md (content/aktualnosci/)",
        )


@rule("edition")
def numbers_are_unique_and_of_the_year(record: Record, facts: EditionFacts) -> Iterator[Problem]:
    meta: Any = record.meta
    for index, c in enumerate(meta.certificates):
        if facts.first[c.number] != (record.path, index):
            yield record.problem(
                ("certificates", index, "number"),
                f"numer {c.number} jest już użyty w {facts.numbers[c.number][0]}; każdy certyfikat ma inny numer",
            )
        if int(c.number.split("-")[1]) != meta.year:
            yield record.problem(
                ("certificates", index, "number"),
                f"numer {c.number} nie pasuje do edycji {meta.year}; wpisz ZP-{meta.year}-...",
            )


@rule("edition")
def entity_and_its_own_products(record: Record, facts: EditionFacts) -> Iterator[Problem]:
    for index, c in enumerate(record.meta.certificates):
        known_entity = c.entity in facts.entities
        if not known_entity:
            yield record.problem(
                ("certificates", index, "entity"),
                f"nie ma podmiotu „{c.entity}” w content/podmioty/; {nearest(c.entity, facts.entities)}"
                "wpisz nazwę pliku profilu bez .md",
            )
        for p_index, slug in enumerate(c.products):
            where = ("certificates", index, "products", p_index)
            if slug not in facts.products:
                yield record.problem(
                    where,
                    f"nie ma produktu „{slug}” w catalogue/; {nearest(slug, facts.products)}"
                    "wpisz nazwę pliku produktu bez .yaml",
                )
            elif known_entity and facts.products[slug].maker != c.entity:
                yield record.problem(
                    where,
                    f"produkt „{slug}” wytwarza {facts.products[slug].maker}, nie {c.entity}; certyfikat obejmuje tylko produkty certyfikowanego podmiotu",
                )


@rule("edition")
def scope_and_dates(record: Record, facts: EditionFacts) -> Iterator[Problem]:
    for index, c in enumerate(record.meta.certificates):
        if scope_missing(c):
            yield record.problem(
                ("certificates", index),
                "certyfikat nie mówi, co obejmuje; dopisz 'products:' (produkty z katalogu) albo 'services:' (usługi)",
            )
        if c.valid_until < c.valid_from:
            yield record.problem(
                ("certificates", index, "valid_until"),
                f"koniec ważności ({c.valid_until.isoformat()}) jest przed początkiem ({c.valid_from.isoformat()}); popraw daty",
            )


@rule("edition")
def renews_its_own_earlier_certificate(record: Record, facts: EditionFacts) -> Iterator[Problem]:
    for index, c in enumerate(record.meta.certificates):
        if not c.renews:
            continue
        if c.renews not in facts.numbers or c.renews == c.number:
            yield record.problem(
                ("certificates", index, "renews"),
                f"nie ma certyfikatu {c.renews} do odnowienia; wpisz numer wcześniejszego certyfikatu tego podmiotu",
            )
        elif facts.numbers[c.renews][1].entity != c.entity:
            yield record.problem(
                ("certificates", index, "renews"),
                f"certyfikat {c.renews} należy do innego podmiotu ({facts.numbers[c.renews][1].entity}); odnowić można tylko własny certyfikat",
            )


check_editions = Rules(
    edition_facts,
    (
        dates_in_the_editions_year,
        gala_report_exists,
        numbers_are_unique_and_of_the_year,
        entity_and_its_own_products,
        scope_and_dates,
        renews_its_own_earlier_certificate,
    ),
)


def setup(pelican) -> None:
    pelican.settings.setdefault("JINJA_GLOBALS", {}).update(
        CERT_STATUS_LABELS=LABELS, CERT_EXPIRING_DAYS=EXPIRING_DAYS
    )


def get_generators(pelican):
    return CertificationGenerator


# What certification declares (the wiring, portal_site, registers it)
KINDS = [Kind("edition", "zakup-prospoleczny", EditionMeta, "edition", suffix=".yaml")]
CHECKERS = [check_editions]
