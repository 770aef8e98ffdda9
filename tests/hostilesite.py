"""A small site with one file of every content type, whose every text and URL field holds
the same marker: a hostile one (script tags, attribute breakers, </script>, <!--<script>,
formula prefixes) or a plain word of the same shape. Built both ways, the two sites must
have the same elements and attributes on every page (tests/security/test_hostile.py).

``FIELDS`` lists, per kind, where each text field is; a test walks every schema and fails
when a free-text field is missing here, so a new field cannot skip the security tests.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
# one line: every free-text field; starts with "=" (a formula in a spreadsheet)
HOSTILE = "=1+1\"'><script>alert(1)</script><!--<script>&amp;</title>"
# several lines, for fields that may hold them
HOSTILE_LINES = HOSTILE + "\n@SUM(1) -2+3 <img src=x onerror=alert(2)></textarea>"
# an address that passes the URL rules (no < > " or space) yet breaks a single-quoted
# attribute and carries a script-like query
HOSTILE_URL = "https://example.org/?q='onmouseover=alert(1)//&x=%3C/script%3E"
MATERIAL_WORD = "filc "  # catalogue materials begin with a word of portal_catalogue's MATERIALS
PLAIN = "ZWYKLYTEKST"
PLAIN_LINES = "ZWYKLYTEKST\nDRUGALINIA"
PLAIN_URL = "https://example.org/zwykly-adres"
REGION_POWIATS = [
    p["name"]
    for p in yaml.safe_load((ROOT / "content" / "region" / "wielkopolska.yaml").read_text(encoding="utf-8"))[
        "powiaty"
    ]
]


def markers(hostile: bool) -> tuple[str, str, str]:
    return (HOSTILE, HOSTILE_LINES, HOSTILE_URL) if hostile else (PLAIN, PLAIN_LINES, PLAIN_URL)


def documents(hostile: bool) -> dict[str, dict]:
    """Front matter (or YAML) of each file, by its path under the site folder."""
    t, m, u = markers(hostile)
    photo = {"src": "images/foto.jpg", "alt": t, "caption": t, "credit": t}
    return {
        # the CPV vocabulary is data the working group edits: a code's name is content too
        "content/zamowienia/cpv.yaml": {"codes": [{"code": "55520000-1", "name": t}]},
        # the buyers' guide: every text on /dla-zamawiajacych/ and in the clause documents
        "content/zamowienia/dla-zamawiajacych.yaml": {
            "intro": t,
            "bases": [
                {
                    "slug": "podstawa",
                    "title": t,
                    "provision": t,
                    "summary": m,
                    "source": u,
                    "checked": "2026-11-29",
                    "unverified": t,
                }
            ],
            "clauses": [{"slug": "klauzula", "title": t, "basis": "podstawa", "use": t, "text": m}],
            "examples": [
                {
                    "buyer": t,
                    "bought": t,
                    "supplier": "proba",
                    "year": 2025,
                    "basis": "podstawa",
                    "sample": True,
                }
            ],
            "contact": {
                "unit": t,
                "person": t,
                "email": "es@example.org",
                "phone": "61 856 73 43",
                "hours": t,
            },
        },
        "content/aktualnosci/2026/wiadomosc.md": {
            "etr": m,  # easy-to-read summary: escaped paragraphs (portal_etr)
            "title": t,
            "date": "2026-11-02 10:00",
            "category": "Promocja",
            "summary": t,
            "tags": [t],
            "author": t,
            "image": photo,
        },
        "content/strony/deklaracja.md": {
            "title": t,
            "summary": t,
            "accessibility": {
                "entity": t,
                "url": u,
                "published": "2026-11-01",
                "updated": "2026-11-01",
                "status": "częściowo zgodna",
                "status_notes": "Tekst w Markdown.",
                "prepared": "2026-11-01",
                "assessment": t,
                "auditor": t,
                "contact_person": t,
                "contact_email": "dostepnosc@example.org",
                "contact_phone": "61 856 73 43",
                "procedure": "Tekst w Markdown.",
                "architecture": "Tekst w Markdown.",
                "sign_language": "Tekst w Markdown.",
            },
        },
        "content/podmioty/proba.md": {
            "etr": m,  # easy-to-read summary: escaped paragraphs (portal_etr)
            "en": {"name": t, "summary": t, "description": m, "offer": t},  # the /en/ profile
            "name": t,
            "short_name": t,
            "legal_form": "zaz",
            "parent_body": {"name": t},
            "ps": {"decision_date": "2023-05-10", "decision_number": t},
            "krs": "0000123456",
            "nip": "123-456-32-18",
            "regon": "123456785",
            "address": {"street": t, "postal_code": "61-001", "city": t},
            "gmina": "Poznań",
            "powiat": "Poznań",
            "contact": {
                "person": t,
                "email": "biuro@proba.example",
                "phone": "61 000 00 01",
                "website": u,
                "facebook": u,
                "instagram": u,
                "linkedin": u,
                "youtube": u,
            },
            "offer": {"categories": ["gastronomia"], "products": [t], "services": [t], "cpv": ["55520000-1"]},
            "procurement": {
                "protected_workplace": True,
                "at_risk_share": {"percent": 40, "as_of": "2026-06-30"},
                "area_served": ["Poznań", "cała Polska"],
                "contact": {"person": t, "email": "oferty@proba.example", "phone": "61 000 00 02"},
            },
            "beneficiaries": [],
            "summary": t,
            "mission": m,
            "founded": 2010,
            "employees": 12,
            "photos": [{"src": "images/foto.jpg", "alt": t, "caption": t, "credit": t}],
            "verified": "2026-11-01",
        },
        "content/owes/owes-proba.md": {
            "etr": m,  # easy-to-read summary: escaped paragraphs (portal_etr)
            "en": {"name": t, "summary": t},
            "name": t,
            "operator": t,
            "subregion": "poznanski",
            "address": {"street": t, "postal_code": "61-001", "city": t},
            "contact": {
                "person": t,
                "email": "owes@proba.example",
                "website": u,
                "facebook": u,
                "instagram": u,
                "linkedin": u,
                "youtube": u,
            },
            "support": [t],
            "summary": t,
            "also_serves": [{"gmina": "Kwilcz", "powiat": "międzychodzki"}],
            "verified": "2026-11-01",
        },
        "catalogue/brelok-proba.yaml": {
            "en": {"name": t, "description": m},
            "name": t,
            "brand_line": t,
            "category": "breloki",
            "motif": t,
            "description": m,
            "materials": [MATERIAL_WORD + t],  # a material begins with a word of the vocabulary
            "upcycled": False,
            "dimensions": t,
            "variants": [{"name": t, "options": [t]}],
            "maker": "proba",
            "designer": t,
            "story": m,
            "photos": [{"src": "brelok-proba-1.jpg", "alt": t}],
            "price_net": "12.50",
            "vat": 23,
            "price_tiers": [{"min_quantity": 200, "price_net": "9.90"}],
            "min_order": 50,
            "lead_time_days": 14,
            "personalisation": [{"name": t, "description": t, "min_order": 100, "price_net_extra": "1.50"}],
            "packaging": t,
            "availability": "dostepny",
        },
        "catalogue/konfitura-proba.yaml": {  # food: ingredients instead of materials
            "name": t,
            "brand_line": t,
            "category": "zywnosc",
            "motif": t,
            "description": m,
            "ingredients": [t],
            "upcycled": False,
            "dimensions": t,
            "maker": "proba",
            "designer": t,
            "story": m,
            "photos": [{"src": "konfitura-proba-1.jpg", "alt": t}],
            "price_net": "18.00",
            "vat": 5,
            "min_order": 20,
            "lead_time_days": 10,
            "packaging": t,
            "availability": "sezonowy",
        },
        "content/zakup-prospoleczny/2025.yaml": {
            "year": 2025,
            "decision_date": "2025-11-05",
            "gala": {"date": "2025-11-20", "place": t},
            "board": [t],
            "certificates": [
                {
                    "number": "ZP-2025-01",
                    "entity": "proba",
                    "products": ["brelok-proba"],
                    "services": [t],
                    "valid_from": "2025-12-01",
                    "valid_until": "2026-12-31",
                }
            ],
        },
        "content/filmy/film-proba.md": {
            "etr": m,  # easy-to-read summary: escaped paragraphs (portal_etr)
            "title": t,
            "description": t,
            "provider": "youtube",
            "video_id": "dQw4w9WgXcQ",
            "duration": "3:25",
            "published": "2026-01-01",
            "poster": {"src": "images/foto.jpg", "alt": t, "caption": t, "credit": t},
            "captions": True,
            "credits": [{"role": t, "name": t}],
            "entities": ["proba"],
            "tags": [t],
        },
        # monitoring data: numbers, and the texts of its source and definitions
        "content/monitoring/2025.yaml": {
            "year": 2025,
            "as_of": "2025-12-31",
            "source": t,
            "definition": m,
            "by_form": {"fundacja": 35 * 3},
            "powiaty": [
                {"powiat": name, "es_entities": 3, "social_enterprises": 1, "jobs": 5, "supported": 2}
                for name in REGION_POWIATS
            ],
        },
        "content/koordynacja/grupa.md": {
            "name": t,
            "kind": "grupa-robocza",
            "purpose": t,
            "chair": t,
            "members": [{"institution": t, "role": t}],
        },
        "content/tekst-latwy/strona.md": {"title": t, "order": 1},
        "content/en/home.md": {"title": t, "summary": t},
        "content/en/strona.md": {"title": t, "summary": t, "counterpart": "deklaracja"},
        "content/wiedza/publikacja.md": {
            "title": t,
            "type": "diagnoza-lokalna",
            "date": "2026-05-05",
            "authors": [t],
            "publisher": t,
            "area": {"subregion": "poznanski", "powiaty": ["szamotulski"], "gminy": ["Szamotuły"]},
            "language": "pl",
            "topics": ["monitoring"],
            "files": [{"document": "pliki/wiedza/diagnoza.pdf", "label": t}],
            "group": "grupa",
        },
        "content/wydarzenia/2026/spotkanie.md": {
            "etr": m,  # easy-to-read summary: escaped paragraphs (portal_etr)
            "title": t,
            "type": "szkolenie",
            "start": "2026-12-03 10:00",
            "end": "2026-12-03 14:00",
            "summary": m,
            "place": {"name": t, "street": t, "postal_code": "61-731", "city": t, "accessibility": t},
            "online": u,
            "organiser": "proba",
            "registration": {
                "url": u,
                "email": "zapisy@example.org",
                "phone": "61 856 73 43",
                "deadline": "2026-12-01",
                "note": t,
            },
            "image": photo,
            "tags": [t],
            "group": "grupa",
            "agenda": [t],
            "minutes": "publikacja",
        },
    }


# Kinds whose files are Markdown (front matter + body); the rest are YAML.
BODIES = {
    "content/aktualnosci/2026/wiadomosc.md": "Treść aktualności.\n\n[film: film-proba]\n",
    "content/strony/deklaracja.md": "Treść strony.\n",
    "content/podmioty/proba.md": "Opis podmiotu.\n",
    "content/owes/owes-proba.md": "Opis ośrodka.\n",
    "content/filmy/film-proba.md": "Transkrypcja filmu.\n",
    "content/wydarzenia/2026/spotkanie.md": "Opis wydarzenia.\n",
    "content/wiedza/publikacja.md": "Streszczenie publikacji.\n",
    "content/koordynacja/grupa.md": "Opis grupy.\n",
    "content/tekst-latwy/strona.md": "Tekst strony.\nDruga linia.\n",
    "content/en/home.md": "English home page.\n",
    "content/en/strona.md": "An English page.\n",
}


def write_site(folder: Path, hostile: bool) -> Path:
    """The site in ``folder`` (content/ and catalogue/); returns the content folder."""
    for relative, data in documents(hostile).items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
        if relative.endswith(".md"):
            text = f"---\n{text}---\n{BODIES[relative]}"
        path.write_text(text, encoding="utf-8")
    photo = ROOT / "tests" / "fixtures" / "images" / "foto.jpg"
    (folder / "content" / "images").mkdir(parents=True, exist_ok=True)
    shutil.copy(photo, folder / "content" / "images" / "foto.jpg")
    shutil.copy(photo, folder / "catalogue" / "brelok-proba-1.jpg")
    shutil.copy(photo, folder / "catalogue" / "konfitura-proba-1.jpg")
    # a real sample PDF (tagged): the publication's download
    (folder / "content" / "pliki" / "wiedza").mkdir(parents=True, exist_ok=True)
    shutil.copy(
        ROOT / "content" / "pliki" / "wiedza" / "diagnoza-lokalna-gniezno.pdf",
        folder / "content" / "pliki" / "wiedza" / "diagnoza.pdf",
    )
    (folder / "content" / "region").mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "content" / "region" / "wielkopolska.yaml", folder / "content" / "region")
    return folder / "content"
