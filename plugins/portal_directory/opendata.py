"""The directory as open data: /dane/podmioty.csv and /dane/podmioty.json.

One row per entity; the column list below is the documentation shown on /dane/ and kept
in the JSON file, so the three never disagree. Identifiers are stable: ``id`` is the
profile's slug, and KRS/NIP/REGON are given as digits only.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from portal_content.opendata import csv_text

from .model import Entity
from .vocabulary import BENEFICIARIES, LEGAL_FORMS, OFFER_CATEGORIES


@dataclass(frozen=True)
class Column:
    name: str
    description: str
    value: Callable[[Entity, str], Any]
    is_list: bool = False
    # the value's JSON Schema in podmioty.json (a list's: of its items)
    schema: dict[str, Any] = field(default_factory=lambda: {"type": "string"})


BOOLEAN = {"type": "boolean"}
DAY = {"type": "string", "format": "date"}
OR_EMPTY = {"const": ""}  # an optional value the entity did not give


def _contact(field: str):
    return lambda e, _: getattr(e.meta.contact, field) or ""


def _offers(field: str):
    def value(entity: Entity, _: str) -> str:
        procurement = entity.meta.procurement
        return (getattr(procurement.contact, field) or "") if procurement and procurement.contact else ""

    return value


def _at_risk(entity: Entity) -> Any:
    return entity.meta.procurement.at_risk_share if entity.meta.procurement else None


COLUMNS: list[Column] = [
    Column("id", "stały identyfikator podmiotu w portalu (część adresu profilu)", lambda e, _: e.slug),
    Column("nazwa", "pełna nazwa", lambda e, _: e.meta.name),
    Column("forma_prawna", f"forma prawna, kod: {', '.join(LEGAL_FORMS)}", lambda e, _: e.meta.legal_form),
    Column("forma_prawna_nazwa", "forma prawna słownie", lambda e, _: LEGAL_FORMS[e.meta.legal_form]),
    Column(
        "podmiot_prowadzacy",
        "jednostka tworząca (dla CIS, KIS, WTZ, ZAZ)",
        lambda e, _: e.meta.parent_body.name if e.meta.parent_body else "",
    ),
    Column(
        "przedsiebiorstwo_spoleczne",
        "czy ma status przedsiębiorstwa społecznego (tak/nie)",
        lambda e, _: e.is_ps,
        schema=BOOLEAN,
    ),
    Column(
        "ps_data_decyzji",
        "data decyzji wojewody o statusie PS (RRRR-MM-DD)",
        lambda e, _: e.meta.ps.decision_date.isoformat() if e.meta.ps else "",
        schema={"anyOf": [DAY, OR_EMPTY]},
    ),
    Column(
        "ps_numer_decyzji",
        "znak decyzji wojewody o statusie PS (jeśli podany)",
        lambda e, _: (e.meta.ps.decision_number or "") if e.meta.ps else "",
    ),
    Column(
        "zaklad_pracy_chronionej",
        "czy ma status zakładu pracy chronionej (tak/nie)",
        lambda e, _: bool(e.meta.procurement and e.meta.procurement.protected_workplace),
        schema=BOOLEAN,
    ),
    Column(
        "zamowienia_zastrzezone",
        "podstawy zamówień zastrzeżonych wynikające z formy prawnej i statusu (art. 94 Pzp; art. 15a ustawy o spółdzielniach socjalnych)",
        lambda e, _: [basis.short for basis in e.reservations],
        True,
    ),
    Column(
        "zatrudnieni_z_grup_zagrozonych_proc",
        "odsetek zatrudnionych z grup zagrożonych wykluczeniem, jeśli podmiot go publikuje",
        lambda e, _: _at_risk(e).percent if _at_risk(e) else "",
        schema={"anyOf": [{"type": "integer", "minimum": 0, "maximum": 100}, OR_EMPTY]},
    ),
    Column(
        "zatrudnieni_z_grup_zagrozonych_stan_na",
        "data, której dotyczy ten odsetek (RRRR-MM-DD)",
        lambda e, _: _at_risk(e).as_of.isoformat() if _at_risk(e) else "",
        schema={"anyOf": [DAY, OR_EMPTY]},
    ),
    Column(
        "obszar_realizacji",
        "gdzie podmiot realizuje zamówienia (powiaty, subregiony, województwo, cała Polska), jeśli podał",
        lambda e, _: [area.label for area in e.areas_served],
        True,
    ),
    Column(
        "certyfikat_zakup_prospoleczny_wazny_do",
        "data ważności certyfikatu „Zakup Prospołeczny” ważnego w dniu wygenerowania danych (RRRR-MM-DD)",
        lambda e, _: e.current_certificate.valid_until.isoformat() if e.current_certificate else "",
        schema={"anyOf": [DAY, OR_EMPTY]},
    ),
    Column("kontakt_oferty_osoba", "osoba do zapytań ofertowych", _offers("person")),
    Column("kontakt_oferty_email", "e-mail do zapytań ofertowych", _offers("email")),
    Column("kontakt_oferty_telefon", "telefon do zapytań ofertowych", _offers("phone")),
    Column("krs", "numer KRS (10 cyfr)", lambda e, _: e.meta.krs or "", schema={"pattern": r"^(\d{10})?$"}),
    Column("nip", "NIP (10 cyfr)", lambda e, _: e.meta.nip or "", schema={"pattern": r"^(\d{10})?$"}),
    Column(
        "regon",
        "REGON (9 lub 14 cyfr)",
        lambda e, _: e.meta.regon or "",
        schema={"pattern": r"^(\d{9}|\d{14})?$"},
    ),
    Column("ulica", "ulica i numer siedziby", lambda e, _: e.meta.address.street),
    Column("kod_pocztowy", "kod pocztowy", lambda e, _: e.meta.address.postal_code),
    Column("miejscowosc", "miejscowość", lambda e, _: e.meta.address.city),
    Column("gmina", "gmina", lambda e, _: e.meta.gmina),
    Column("powiat", "powiat (nazwa)", lambda e, _: e.powiat_obj.name),
    Column("powiat_id", "powiat (kod w portalu)", lambda e, _: e.powiat_obj.slug),
    Column("subregion", "subregion OWES (kod)", lambda e, _: e.subregion.slug),
    Column("telefon", "telefon", _contact("phone")),
    Column("email", "e-mail", _contact("email")),
    Column("www", "strona internetowa", _contact("website")),
    Column(
        "kategorie_oferty",
        f"kategorie oferty, kody: {', '.join(OFFER_CATEGORIES)}",
        lambda e, _: list(e.meta.offer.categories),
        True,
    ),
    Column("produkty", "produkty", lambda e, _: list(e.meta.offer.products), True),
    Column("uslugi", "usługi", lambda e, _: list(e.meta.offer.services), True),
    Column(
        "kody_cpv",
        "kody CPV oferty (Wspólny Słownik Zamówień, z cyfrą kontrolną)",
        lambda e, _: list(e.meta.offer.cpv),
        True,
        {"type": "string", "pattern": r"^\d{8}-\d$"},
    ),
    Column(
        "kody_cpv_nazwy",
        "nazwy tych kodów CPV, w tej samej kolejności",
        lambda e, _: [code.name for code in e.cpv],
        True,
    ),
    Column(
        "grupy_odbiorcow",
        f"z kim pracuje, kody: {', '.join(BENEFICIARIES)}",
        lambda e, _: list(e.meta.beneficiaries),
        True,
    ),
    Column(
        "liczba_zatrudnionych",
        "liczba zatrudnionych osób (jeśli podana)",
        lambda e, _: e.meta.employees if e.meta.employees is not None else "",
        schema={"anyOf": [{"type": "integer", "minimum": 0}, OR_EMPTY]},
    ),
    Column(
        "data_weryfikacji",
        "data ostatniej weryfikacji danych (RRRR-MM-DD)",
        lambda e, _: e.meta.verified.isoformat(),
        schema=DAY,
    ),
    Column(
        "profil",
        "adres profilu w portalu",
        lambda e, site: f"{site}/{e.url}",
        schema={"type": "string", "format": "uri"},
    ),
    Column(
        "dane_przykladowe",
        "czy to dane przykładowe, zmyślone (tak/nie)",
        lambda e, _: e.meta.sample,
        schema=BOOLEAN,
    ),
]


def rows(entities: list[Entity], siteurl: str) -> list[dict[str, Any]]:
    return [{c.name: c.value(e, siteurl) for c in COLUMNS} for e in entities]


def to_csv(entities: list[Entity], siteurl: str) -> str:
    """UTF-8 with BOM (so spreadsheet programs detect it), comma-separated, lists joined by ' | '."""

    def cell(column: Column, value: Any) -> Any:
        if column.is_list:
            return " | ".join(value)
        if isinstance(value, bool):
            return "tak" if value else "nie"
        return value

    table = ([cell(c, row[c.name]) for c in COLUMNS] for row in rows(entities, siteurl))
    return csv_text([c.name for c in COLUMNS], table)


def to_json(entities: list[Entity], siteurl: str, built: str) -> str:
    document = {
        "opis": "Podmioty ekonomii społecznej w Wielkopolsce — katalog portalu ROPS w Poznaniu",
        "licencja": "CC BY 4.0",
        "data_zbudowania": built,
        "liczba_podmiotow": len(entities),
        "kolumny": {c.name: c.description for c in COLUMNS},
        "podmioty": rows(entities, siteurl),
    }
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


SCHEMA_NAME = "podmioty.schema.json"


def json_schema(siteurl: str, data_url: str) -> str:
    """The JSON Schema (2020-12) of podmioty.json, published beside it: every column with
    its description and type, so a buyer's or a researcher's program can check the file."""

    def column(c: Column) -> dict[str, Any]:
        value = {"type": "array", "items": c.schema} if c.is_list else dict(c.schema)
        return {"description": c.description, **value}

    document = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{siteurl}/{data_url}{SCHEMA_NAME}",
        "title": "Podmioty ekonomii społecznej w Wielkopolsce (podmioty.json)",
        "type": "object",
        "required": ["opis", "licencja", "data_zbudowania", "liczba_podmiotow", "kolumny", "podmioty"],
        "properties": {
            "opis": {"type": "string"},
            "licencja": {"type": "string"},
            "data_zbudowania": DAY,
            "liczba_podmiotow": {"type": "integer", "minimum": 0},
            "kolumny": {
                "type": "object",
                "description": "opis każdej kolumny słownie",
                "properties": {c.name: {"type": "string"} for c in COLUMNS},
                "required": [c.name for c in COLUMNS],
            },
            "podmioty": {
                "type": "array",
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": [c.name for c in COLUMNS],
                    "properties": {c.name: column(c) for c in COLUMNS},
                },
            },
        },
    }
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"
