"""End-to-end: the directory of the real content, its listings and open data."""

from __future__ import annotations

import csv
import json
import re
from collections import Counter

import openpyxl
import pytest
from htmlscan import scan
from portal_content.validate import content_files, load
from portal_directory.region import load_region
from portal_procurement import cpv, shortlist
from portal_procurement.facts import PS_REGISTER_URL
from portal_site import register_content
from sitebuild import ROOT

register_content()

REGION, _ = load_region(ROOT / "content")
VOCABULARY, _ = cpv.load_vocabulary(ROOT / "content")
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
        REGION.gmina(meta.gmina, powiat).path.rstrip("/"),
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
    # CPV: every sample entity has codes; the profile names them and links to their suppliers
    assert meta.offer.cpv
    assert row["kody_cpv"].split(" | ") == item["kody_cpv"] == list(meta.offer.cpv)
    names = [VOCABULARY.get(code).name for code in meta.offer.cpv]
    assert row["kody_cpv_nazwy"].split(" | ") == item["kody_cpv_nazwy"] == names
    for code, name in zip(meta.offer.cpv, names, strict=True):
        assert f"/podmioty/cpv/#cpv-{code[:8]}" in hrefs and f"{code} {name}" in page.text
    _buyer_facts_are_shown_only_where_written(record, page, hrefs, row, item)


def _buyer_facts_are_shown_only_where_written(record, page, hrefs, row, item):
    """The profile's "Dla zamawiających publicznych" block and its open-data columns."""
    meta, procurement = record.meta, record.meta.procurement
    text = page.text
    assert (PS_REGISTER_URL in hrefs) == (meta.ps is not None)
    if meta.ps and meta.ps.decision_number:
        assert f"decyzją wojewody nr {meta.ps.decision_number} z" in text
        assert row["ps_numer_decyzji"] == item["ps_numer_decyzji"] == meta.ps.decision_number
    protected = bool(procurement and procurement.protected_workplace)
    named = meta.legal_form == "spoldzielnia-socjalna" or protected
    assert ("wprost w art. 94 ust. 1 Pzp wśród wykonawców" in text) == named
    assert ("nie jest wymieniona wprost w art. 94 ust. 1 Pzp" in text) == (not named)
    assert ("(art. 15a ustawy o spółdzielniach socjalnych)" in text) == (
        meta.legal_form == "spoldzielnia-socjalna"
    )
    assert len(item["zamowienia_zastrzezone"]) == 1 + (meta.legal_form == "spoldzielnia-socjalna")
    assert item["zaklad_pracy_chronionej"] is protected
    share = procurement.at_risk_share if procurement else None
    assert ("Zatrudnieni z grup zagrożonych wykluczeniem" in text) == (share is not None)
    if share:
        assert f"{share.percent}% zatrudnionych (stan na" in text
        assert item["zatrudnieni_z_grup_zagrozonych_proc"] == share.percent
        assert item["zatrudnieni_z_grup_zagrozonych_stan_na"] == share.as_of.isoformat()
    else:
        assert item["zatrudnieni_z_grup_zagrozonych_proc"] == row["zatrudnieni_z_grup_zagrozonych_proc"] == ""
    areas = [REGION.area(a) for a in procurement.area_served] if procurement else []
    assert ("Obszar realizacji zamówień" in text) == bool(areas)
    assert item["obszar_realizacji"] == [a.label for a in areas]
    for area in areas:
        assert area.label in text
        if area.path:
            assert f"/podmioty/{area.path}" in hrefs
    contact = procurement.contact if procurement else None
    assert ("Kontakt w sprawie ofert" in text) == (contact is not None)
    if contact and contact.email:
        assert f"mailto:{contact.email}" in hrefs and item["kontakt_oferty_email"] == contact.email
    assert "/dla-zamawiajacych/" in hrefs


def test_sample_buyer_facts_cover_every_case():
    """Some sample profiles give each fact and some give none, so both ways are shown."""
    procurements = [r.meta.procurement for r in ENTITIES]
    given = [p for p in procurements if p]
    assert 5 <= len(given) < len(ENTITIES)
    assert any(p.protected_workplace for p in given)
    assert any(p.at_risk_share for p in given) and any(not p.at_risk_share for p in given)
    assert any(p.contact for p in given) and any(not p.contact for p in given)
    assert {REGION.area(a).path is None for p in given for a in p.area_served} == {True, False}
    assert any(r.meta.ps and r.meta.ps.decision_number for r in ENTITIES)


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


def test_every_gmina_has_a_page_with_its_entities_and_support_centres(site):
    seats = Counter(REGION.gmina(e.meta.gmina, REGION.powiat(e.meta.powiat)) for e in ENTITIES)
    also = {REGION.gmina(s.gmina, REGION.powiat(s.powiat)): o for o in OWES for s in o.meta.also_serves}
    assert also, "the sample has an OWES serving gminas outside its subregion"
    pages = 0
    for gmina in REGION.gminy:
        if gmina.powiat.type == "grodzki":
            assert gmina.path == f"powiat/{gmina.powiat.slug}/"
            continue
        path = site / "podmioty" / gmina.path / "index.html"
        page, html = scan(path), path.read_text(encoding="utf-8")
        pages += 1
        assert f'<h1 class="pl-page-title">Podmioty: {gmina.label}</h1>' in html
        hrefs = {a.get("href") for a in page.all("a")}
        assert f"/podmioty/{gmina.powiat.path}" in hrefs
        members = {
            f"/podmioty/{e.slug}/"
            for e in ENTITIES
            if REGION.gmina(e.meta.gmina, REGION.powiat(e.meta.powiat)) is gmina
        }
        assert len(members) == seats[gmina] and members <= hrefs
        centres = {
            f"/owes/{o.slug}/" for o in OWES if REGION.subregion(o.meta.subregion) is gmina.powiat.subregion
        }
        if gmina in also:
            centres.add(f"/owes/{also[gmina].slug}/")
        assert centres <= hrefs and len(centres) == 1 + (gmina in also)
        # a gmina with nothing of its own is kept out of search engines and the sitemap
        empty = not members and "Diagnozy i publikacje o tej gminie" not in page.text
        assert ('<meta name="robots" content="noindex' in html) == empty
    assert pages == 222
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "/podmioty/gmina/gniezno/" in sitemap and "/podmioty/gmina/kwilcz/" not in sitemap
    # the powiat pages lead to their gminas
    page = scan(site / "podmioty" / "powiat" / "gnieznienski" / "index.html")
    hrefs = {a.get("href") for a in page.all("a")}
    assert {
        "/podmioty/gmina/gniezno/",
        "/podmioty/gmina/gniezno-gmina-wiejska/",
        "/podmioty/gmina/kiszkowo/",
    } <= hrefs
    assert "gmina wiejska Gniezno" in page.text


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


def _under(code: str, group: str) -> bool:
    return code[:8].startswith(cpv.significant(group))


@pytest.mark.parametrize("group", ["55500000", "55000000", "90900000", "77300000", "18000000", "85300000"])
def test_a_cpv_group_lists_every_supplier_of_a_code_under_it(site, group):
    """Under a group's code on /podmioty/cpv/ are exactly the entities with a code in that
    group (the parent finds the children's suppliers), each once, by subregion."""
    expected = [r for r in ENTITIES if any(_under(code, group) for code in r.meta.offer.cpv)]
    assert expected  # the sample has suppliers of every group asked here
    html = (site / "podmioty" / "cpv" / "index.html").read_text(encoding="utf-8")
    item = html[html.index(f'<li id="cpv-{group}">') :]
    suppliers = item[item.index('<ul class="pl-cpv-suppliers"') : item.index("</ul>")]
    listed = re.findall(r'<a href="/podmioty/([^/"]+)/">', suppliers)
    assert sorted(listed) == sorted(r.slug for r in expected)
    order = [s.slug for s in REGION.subregions]
    place = {r.slug: order.index(REGION.powiat(r.meta.powiat).subregion.slug) for r in expected}
    shown = [place[slug] for slug in listed]
    assert shown == sorted(shown)  # by subregion, in the region file's order
    # the shortlist of the same suppliers, pre-built for buyers without JavaScript
    files = re.findall(
        r'href="(/podmioty/wykaz/wykaz-cpv-\d{8}\.(?:xlsx|csv))"', item[: item.index("</ul>") + 400]
    )
    assert files == [f"/podmioty/wykaz/wykaz-cpv-{group}.xlsx", f"/podmioty/wykaz/wykaz-cpv-{group}.csv"]
    _shortlist_files_hold_exactly(site, site / files[0].lstrip("/"), site / files[1].lstrip("/"), listed)


def _shortlist_files_hold_exactly(site, xlsx_path, csv_path, slugs):
    """The XLSX (opened with openpyxl) and the CSV: the columns the shortlist page documents,
    one row per supplier in ``slugs`` order, each value the open data's."""
    documented = [
        (attrs["data-header"], attrs["data-key"])
        for tag, attrs in scan(site / "podmioty" / "wykaz" / "index.html").tags
        if tag == "li" and "data-key" in attrs
    ]
    assert [header for header, _ in documented] == [c.header for c in shortlist.COLUMNS]
    data = {row["id"]: row for row in json.loads((site / "dane" / "podmioty.json").read_text())["podmioty"]}
    expected = [
        [index if not key else shortlist.cell(data[slug][key]) for _, key in documented]
        for index, slug in enumerate(slugs, start=1)
    ]
    book = openpyxl.load_workbook(xlsx_path)
    assert book.sheetnames == ["Wykaz", "Informacje"]
    rows = [[("" if v is None else v) for v in row] for row in book["Wykaz"].iter_rows(values_only=True)]
    assert rows[0] == [header for header, _ in documented]
    assert rows[1:] == expected
    info = [row for row in book["Informacje"].iter_rows(values_only=True) if any(row)]
    assert info[0][0].startswith("Wykaz potencjalnych wykonawców — stan na dzień ") and info[0][0].endswith(
        " r."
    )
    assert dict(info[1:])["Liczba wykonawców"] == str(len(slugs))
    with csv_path.open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))
    assert table[0] == [header for header, _ in documented]
    assert table[1:] == [[str(value) for value in row] for row in expected]


def test_every_subregion_has_a_catering_and_a_gift_supplier():
    """The sample data lets the buyer's journey find real-looking suppliers everywhere."""
    for group in ("55500000", "18530000"):
        found = {
            REGION.powiat(r.meta.powiat).subregion.slug
            for r in ENTITIES
            if any(_under(code, group) for code in r.meta.offer.cpv)
        }
        assert found == {s.slug for s in REGION.subregions}, group


def test_the_cpv_index_shows_the_tree_of_known_codes_with_their_suppliers(site):
    page = scan(site / "podmioty" / "cpv" / "index.html")
    assert {f"cpv-{code.digits}" for code in VOCABULARY.codes} <= page.ids()
    for code in VOCABULARY.codes:
        suppliers = [r for r in ENTITIES if any(_under(c, code.digits) for c in r.meta.offer.cpv)]
        named = "brak dostawcy w katalogu" if not suppliers else f"{len(suppliers)} dostaw"
        assert f"{code.code} {code.name} ({named}" in page.text, code.code


def test_the_open_data_has_a_json_schema_that_holds_and_can_fail(site, open_data):
    """/dane/podmioty.schema.json, beside the data: every column with its description and
    type; the built podmioty.json is valid against it, and a wrong value is not."""
    from jsonschema import Draft202012Validator

    schema = json.loads((site / "dane" / "podmioty.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    _, _, document = open_data
    columns = schema["properties"]["podmioty"]["items"]["properties"]
    assert list(columns) == list(document["kolumny"])
    assert all(columns[name]["description"] == text for name, text in document["kolumny"].items())
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    assert list(validator.iter_errors(document)) == []
    broken = json.loads(json.dumps(document))
    broken["podmioty"][0]["kody_cpv"] = ["55520000"]
    broken["podmioty"][1]["przedsiebiorstwo_spoleczne"] = "tak"
    broken["podmioty"][2]["data_weryfikacji"] = "30.09.2026"
    assert len(list(validator.iter_errors(broken))) == 3
    assert "podmioty.schema.json" in (site / "dane" / "index.html").read_text(encoding="utf-8")
