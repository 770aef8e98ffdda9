"""End-to-end: the directory of the real content, its listings and open data."""

from __future__ import annotations

import csv
import json
import re
from collections import Counter

import pytest
from htmlscan import scan
from portal_content.validate import content_files, load
from portal_directory.region import load_region
from portal_site import register_content
from sitebuild import ROOT

register_content()

REGION, _ = load_region(ROOT / "content")
ENTITIES = [load(p, k) for p, k in content_files(ROOT / "content") if k == "entity"]
OWES = [load(p, k) for p, k in content_files(ROOT / "content") if k == "owes"]


def test_sample_directory_is_big_and_varied():
    assert all(not isinstance(r, list) for r in ENTITIES + OWES)
    assert len(ENTITIES) >= 25
    assert len({r.meta.legal_form for r in ENTITIES}) >= 6
    assert {REGION.powiat(r.meta.powiat).subregion.slug for r in ENTITIES} == {
        s.slug for s in REGION.subregions
    }
    assert sorted(REGION.subregion(o.meta.subregion).slug for o in OWES) == sorted(
        s.slug for s in REGION.subregions
    )
    assert all(r.meta.sample for r in ENTITIES + OWES)


@pytest.fixture(scope="module")
def open_data(site):
    with open(site / "dane" / "podmioty.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    document = json.loads((site / "dane" / "podmioty.json").read_text(encoding="utf-8"))
    return {r["id"]: r for r in rows}, {r["id"]: r for r in document["podmioty"]}, document


@pytest.mark.parametrize("record", ENTITIES, ids=lambda r: r.slug)
def test_entity_page_listings_and_open_data(site, open_data, record):
    meta = record.meta
    powiat = REGION.powiat(meta.powiat)
    page_path = site / "podmioty" / record.slug / "index.html"
    page = scan(page_path)
    assert meta.name in page.text
    hrefs = {a.get("href") for a in page.all("a")}
    if meta.contact.phone:
        assert "tel:+48" + re.sub(r"\D", "", meta.contact.phone) in hrefs
    if meta.contact.email:
        assert f"mailto:{meta.contact.email}" in hrefs
    owes = next(o for o in OWES if REGION.subregion(o.meta.subregion) is powiat.subregion)
    assert f"/owes/{owes.slug}/" in hrefs
    html = page_path.read_text(encoding="utf-8")
    ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert (
        ld["@type"] == "Organization"
        and ld["name"] == meta.name
        and ld["address"]["postalCode"] == meta.address.postal_code
    )
    assert f'datetime="{meta.verified.isoformat()}"' in html
    for listing in (
        f"subregion/{powiat.subregion.slug}",
        f"powiat/{powiat.slug}",
        f"forma/{meta.legal_form}",
        "",
        *[f"oferta/{c}" for c in meta.offer.categories],
    ):
        listed = {a.get("href") for a in scan(site / "podmioty" / listing / "index.html").all("a")}
        assert f"/podmioty/{record.slug}/" in listed, listing
    in_ps_listing = f"/podmioty/{record.slug}/" in {
        a.get("href") for a in scan(site / "podmioty" / "przedsiebiorstwa-spoleczne" / "index.html").all("a")
    }
    assert in_ps_listing == (meta.ps is not None)
    csv_rows, json_rows, _ = open_data
    row, item = csv_rows[record.slug], json_rows[record.slug]
    expected = {
        "nazwa": meta.name,
        "forma_prawna": meta.legal_form,
        "nip": meta.nip or "",
        "regon": meta.regon or "",
        "krs": meta.krs or "",
        "powiat": powiat.name,
        "subregion": powiat.subregion.slug,
        "gmina": meta.gmina,
        "kod_pocztowy": meta.address.postal_code,
        "data_weryfikacji": meta.verified.isoformat(),
    }
    for key, value in expected.items():
        assert row[key] == value and item[key] == value, key
    assert row["przedsiebiorstwo_spoleczne"] == ("tak" if meta.ps else "nie")
    assert item["przedsiebiorstwo_spoleczne"] is (meta.ps is not None)
    assert row["kategorie_oferty"].split(" | ") == item["kategorie_oferty"] == list(meta.offer.categories)


def test_open_data_files_have_one_row_per_entity_and_documented_columns(open_data):
    csv_rows, json_rows, document = open_data
    assert len(csv_rows) == len(json_rows) == document["liczba_podmiotow"] == len(ENTITIES)
    assert (
        list(next(iter(json_rows.values())))
        == list(document["kolumny"])
        == list(next(iter(csv_rows.values())))
    )
    assert all(document["kolumny"].values())


def test_open_data_page_documents_every_column(site, open_data):
    _, _, document = open_data
    text = scan(site / "dane" / "index.html").text
    for column, description in document["kolumny"].items():
        assert column in text and description in text


def test_statistics_match_the_data(site):
    page = scan(site / "dane" / "statystyki" / "index.html")
    html = (site / "dane" / "statystyki" / "index.html").read_text(encoding="utf-8")
    assert html.count('role="img"') == 2 and html.count("<table") == 2
    counts = Counter(r.meta.legal_form for r in ENTITIES)
    from portal_directory.vocabulary import LEGAL_FORMS

    for form, count in counts.items():
        assert re.search(
            rf"<th scope=\"row\">{re.escape(LEGAL_FORMS[form])}</th>\s*<td class=\"pl-num\">{count}</td>",
            html,
        ), form
    assert f"W katalogu jest {len(ENTITIES)} podmiotów" in page.text


def test_owes_pages_list_their_subregion(site):
    for record in OWES:
        subregion = REGION.subregion(record.meta.subregion)
        page = scan(site / "owes" / record.slug / "index.html")
        hrefs = {a.get("href") for a in page.all("a")}
        members = [e for e in ENTITIES if REGION.powiat(e.meta.powiat).subregion is subregion]
        assert {f"/podmioty/{e.slug}/" for e in members} <= hrefs
        assert {f"/podmioty/powiat/{p.slug}/" for p in subregion.powiaty} <= hrefs


def test_every_powiat_has_a_listing(site):
    for powiat in REGION.powiaty:
        assert (site / "podmioty" / "powiat" / powiat.slug / "index.html").is_file()


def test_directory_cards_carry_filter_facets(site):
    page = scan(site / "podmioty" / "index.html")
    cards = [attrs for tag, attrs in page.tags if tag == "li" and attrs.get("class") == "pl-entity-card"]
    assert len(cards) == len(ENTITIES)
    by_slug = {r.slug: r for r in ENTITIES}
    links = [
        a.get("href")
        for a in page.all("a")
        if (a.get("href") or "").count("/") == 3 and a.get("href").startswith("/podmioty/")
    ]
    assert {href.split("/")[2] for href in links} >= set(by_slug)
    assert all(
        card["data-subregion"] and card["data-powiat"] and card["data-forma"] and card["data-oferta"]
        for card in cards
    )
