"""The catalogue as downloads: /dane/katalog.csv and /dane/katalog.json.

The JSON file is also what the enquiry list reads (same origin), so it carries what an
e-mail to a maker needs: the maker's name and address, variants and personalisation.
"""

from __future__ import annotations

import json
from typing import Any

from portal_content.opendata import csv_text

from .model import Product

COLUMNS: dict[str, str] = {
    "id": "stały identyfikator produktu (część adresu strony)",
    "nazwa": "nazwa produktu",
    "linia_marki": "linia marki",
    "kategoria": "kategoria (kod)",
    "motyw": "motyw",
    "materialy": "materiały (nie dla żywności)",
    "grupy_materialow": "grupy materiałów ze słownika katalogu (kody, np. bawelna)",
    "sklad": "skład (tylko żywność)",
    "upcykling": "czy z materiałów z odzysku (tak/nie)",
    "wymiary": "wymiary",
    "warianty": "warianty: nazwa: możliwości",
    "wytworca_id": "identyfikator wytwórcy w katalogu podmiotów",
    "wytworca": "nazwa wytwórcy",
    "wytworca_email": "e-mail wytwórcy",
    "subregion_wytworcy": "subregion OWES wytwórcy (kod)",
    "projektant": "projektant",
    "cena_netto": "cena netto za sztukę w zł (kropka dziesiętna)",
    "vat": "stawka VAT w %",
    "cena_brutto": "cena brutto za sztukę w zł",
    "cena_od_netto": "najniższa cena netto przy większym zamówieniu",
    "progi_cenowe": "cena netto za sztukę od danej liczby sztuk (pierwszy próg: minimalne zamówienie)",
    "minimalne_zamowienie": "minimalne zamówienie w sztukach",
    "czas_realizacji_dni": "czas realizacji w dniach",
    "personalizacja": "możliwości personalizacji (minimalne zamówienie)",
    "opakowanie": "opakowanie",
    "dostepnosc": "dostępność (kod)",
    "adres": "adres strony produktu",
    "dane_przykladowe": "czy to produkt przykładowy, zmyślony (tak/nie)",
}


def record(p: Product, siteurl: str) -> dict[str, Any]:
    m = p.meta
    maker = p.maker
    return {
        "id": p.slug,
        "nazwa": m.name,
        "linia_marki": m.brand_line,
        "kategoria": m.category,
        "motyw": m.motif,
        "materialy": list(m.materials),
        "grupy_materialow": [slug for slug, _ in p.material_groups],
        "sklad": list(m.ingredients),
        "upcykling": m.upcycled,
        "wymiary": m.dimensions,
        "warianty": [{"nazwa": v.name, "opcje": list(v.options)} for v in m.variants],
        "wytworca_id": maker.slug,
        "wytworca": maker.meta.name,
        "wytworca_email": maker.meta.contact.email or "",
        "subregion_wytworcy": maker.subregion.slug,
        "projektant": m.designer,
        "cena_netto": f"{m.price_net:.2f}",
        "vat": m.vat,
        "cena_brutto": f"{p.price_gross:.2f}",
        "cena_od_netto": f"{p.price_from:.2f}",
        "progi_cenowe": [{"od_sztuk": q, "cena_netto": f"{net:.2f}"} for q, net, _ in p.tiers],
        "minimalne_zamowienie": m.min_order,
        "czas_realizacji_dni": m.lead_time_days,
        "personalizacja": [
            {
                "nazwa": x.name,
                "minimalne_zamowienie": x.min_order,
                "doplata_netto": f"{x.price_net_extra:.2f}" if x.price_net_extra is not None else "",
            }
            for x in m.personalisation
        ],
        "opakowanie": m.packaging,
        "dostepnosc": m.availability,
        "adres": f"{siteurl}/{p.url}",
        "dane_przykladowe": m.sample,
    }


def to_json(products: list[Product], siteurl: str, built: str) -> str:
    document = {
        "opis": "Katalog pamiątek i upominków marki społecznie odpowiedzialnego designu — Wielkopolska",
        "licencja": "CC BY 4.0",
        "data_zbudowania": built,
        "liczba_produktow": len(products),
        "kolumny": COLUMNS,
        "produkty": [record(p, siteurl) for p in products],
    }
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def _cell(value: Any) -> str:
    if isinstance(value, bool):
        return "tak" if value else "nie"
    if isinstance(value, list):
        parts = []
        for item in value:
            if isinstance(item, dict) and "od_sztuk" in item:
                parts.append(f"od {item['od_sztuk']} szt.: {item['cena_netto']}")
            elif isinstance(item, dict) and "opcje" in item:
                parts.append(f"{item['nazwa']}: {', '.join(item['opcje'])}")
            elif isinstance(item, dict):
                parts.append(f"{item['nazwa']} (od {item['minimalne_zamowienie']} szt.)")
            else:
                parts.append(str(item))
        return " | ".join(parts)
    return str(value)


def to_csv(products: list[Product], siteurl: str) -> str:
    table = ([_cell(row[c]) for c in COLUMNS] for row in (record(p, siteurl) for p in products))
    return csv_text(list(COLUMNS), table)
