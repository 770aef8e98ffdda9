"""Everyday tasks, step by step, on a 390 px phone and on a 1366 px desktop (issues 19 and
21): a company buyer, a resident looking for a cooperative and their support centre, a
journalist checking a certificate, and a public buyer making a shortlist of suppliers. Each step is asserted as the person would see it."""

from __future__ import annotations

import csv
import re
from urllib.parse import parse_qs, urlparse

import openpyxl
import pytest
from browsertools import run_axe, unnamed_storage
from playwright.sync_api import expect
from portal_procurement import shortlist

# (name, viewport): a phone with its browser's bars taken off the screen, and a laptop
SCREENS = [("390px", {"width": 390, "height": 664}), ("1366px", {"width": 1366, "height": 668})]


@pytest.fixture(params=SCREENS, ids=[name for name, _ in SCREENS])
def screen(request, browser):
    name, viewport = request.param
    context = browser.new_context(locale="pl-PL", viewport=viewport)
    page = context.new_page()
    problems = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    yield name, page
    assert context.cookies() == []
    context.close()
    assert problems == []


def open_menu_on_a_phone(page, name):
    """The header's menu is folded on a phone: the search and the navigation are behind
    "Menu"; on a desktop they are in view."""
    button = page.get_by_role("button", name="Menu")
    if name == "390px":
        expect(page.get_by_role("navigation", name="Menu główne")).to_be_hidden()
        button.click()
        expect(button).to_have_attribute("aria-expanded", "true")
    else:
        expect(button).to_be_hidden()
    expect(page.get_by_role("navigation", name="Menu główne")).to_be_visible()


def open_filters_on_a_phone(page, name, label):
    toggle = page.get_by_role("button", name=label)
    if name == "390px":
        expect(toggle).to_have_attribute("aria-expanded", "false")
        toggle.click()
    else:
        expect(toggle).to_be_hidden()


def in_view(page, locator) -> bool:
    box = locator.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= page.viewport_size["height"] + 1


def test_a_buyer_finds_200_branded_souvenirs_under_50_zl_in_4_weeks_and_asks_for_a_quote(screen, server):
    name, page = screen
    page.goto(server + "/")
    open_menu_on_a_phone(page, name)
    page.get_by_role("navigation", name="Menu główne").get_by_role("link", name="Katalog").click()
    expect(page).to_have_url(re.compile(r"/katalog/$"))
    open_filters_on_a_phone(page, name, "Filtruj (0)")
    page.get_by_label("Liczba sztuk").fill("200")
    page.get_by_role("group", name="Cena netto za sztukę (zł)").get_by_label("do", exact=True).fill("50")
    page.get_by_label("Czas realizacji").select_option(label="do 4 tygodni")
    page.get_by_label("z personalizacją (logo): cena z dopłatą").check()
    page.get_by_label("z certyfikatem Zakup Prospołeczny (produkt lub wytwórca)").check()
    count = page.locator("[data-pl-count]")
    expect(count).to_have_text(
        re.compile(
            r"^Znaleziono \d+ produkt\S* z \d+: do 50,00\szł netto/szt\. przy 200 szt\., "
            r"realizacja do 4 tygodni, z logo, z certyfikatem\.$"
        )
    )
    assert in_view(page, count)  # the change brought the count into view
    if name == "390px":
        expect(page.get_by_role("button", name="Filtruj (5)")).to_be_visible()
    heading = page.locator("#produkty")
    expect(heading).to_have_text(re.compile(r"^\d+ produkt\S*: do 50,00\szł netto/szt\. przy 200 szt\."))
    cards = page.locator(".pl-product-card:visible")
    assert cards.count() >= 1
    first = cards.first
    price = first.locator("[data-pl-price]").text_content()
    unit = float(re.match(r"([\d ,]+)\u00a0zł", price).group(1).replace("\u00a0", "").replace(",", "."))
    assert unit <= 50 and "przy 200 szt." in price and "w tym logo" in price
    title = first.locator(".pl-product-card__title a").text_content()
    first.locator(".pl-product-card__title a").click()
    # the product page: name, price and "add" before the second photo; the quantity carried
    expect(page.locator("h1")).to_have_text(title)
    add = page.get_by_role("button", name="Dodaj do zapytania")
    second_photo = page.locator(".pl-product__gallery figure").first
    if second_photo.count() and name == "390px":
        assert add.bounding_box()["y"] < second_photo.bounding_box()["y"]
    expect(page.get_by_label("Liczba sztuk (co najmniej", exact=False)).to_have_value("200")
    personalisation = page.get_by_role("form", name="Dodaj do zapytania ofertowego").get_by_label(
        "Personalizacja"
    )
    options = personalisation.locator("option").all_text_contents()
    personalisation.select_option(label=options[1])
    add.click()
    expect(page.locator("[data-pl-enquiry-status]")).to_contain_text(
        "Dodano do zapytania. Pozycji na liście: 1."
    )
    # the list's count is in the header's first row: in view with the menu folded on a phone
    expect(page.locator("[data-pl-enquiry-count]")).to_have_text("Zapytanie ofertowe (1)")
    expect(page.locator("[data-pl-enquiry-count]")).to_be_visible()
    header = page.locator(".pl-header").bounding_box()
    assert header["y"] + header["height"] <= page.viewport_size["height"] / 3
    page.locator("[data-pl-enquiry-count]").click()
    expect(page.locator("[data-pl-enquiry-summary]")).to_contain_text("Pozycji na liście: 1, u 1 wytwórcy")
    page.get_by_label("Firma lub instytucja").fill("Hurtownia Przykładowa sp. z o.o.")
    page.get_by_label("Osoba do kontaktu").fill("Jan Kowalski")
    page.get_by_label("E-mail").fill("zakupy@hurtownia.example")
    page.get_by_label("Miejsce dostawy").fill("Poznań, ul. Głogowska 1")
    mail = page.locator("[data-pl-enquiry-mail] a").first
    body = parse_qs(urlparse(mail.get_attribute("href")).query)["body"][0]
    assert f"1. {title}: 200 szt." in body and "cena z katalogu przy 200 szt.:" in body
    assert "Zamawiający: Hurtownia Przykładowa sp. z o.o." in body
    wide = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert wide <= 0
    # what the browser keeps is named in the privacy policy, the buyer's details included
    kept = page.evaluate("Object.keys(localStorage)")
    assert {"pl-enquiry", "pl-enquiry-buyer", "pl-ilosc"} <= set(kept)
    assert unnamed_storage(page) == []


def test_a_resident_of_powiat_gnieznienski_finds_a_cooperative_nearby_and_their_support_centre(
    screen, server
):
    name, page = screen
    page.goto(server + "/")
    open_menu_on_a_phone(page, name)
    page.get_by_role("navigation", name="Menu główne").get_by_role("link", name="Podmioty").click()
    open_filters_on_a_phone(page, name, "Filtruj (0)")
    page.get_by_label("Powiat").select_option(label="gnieźnieński")
    page.get_by_label("Forma prawna").select_option(label="spółdzielnia socjalna")
    # none in the powiat: the same search nearby, with counts, and the powiat's centre
    expect(page.locator("[data-pl-empty]")).to_be_visible()
    centre = page.locator("[data-pl-owes-for]:visible")
    expect(centre.locator("h2")).to_have_text("Ośrodek wsparcia ekonomii społecznej – subregion koniński")
    expect(centre.locator("a[href^='tel:']")).to_have_count(1)
    nearby = page.locator("[data-pl-nearby-list] a").first
    expect(nearby).to_be_visible()
    nearby.click()
    expect(page.locator("[data-pl-count]")).to_have_text(re.compile(r"^Znaleziono [1-9]\d* "))
    entity = page.locator(".pl-entity-card:visible a").first
    entity.click()
    # the profile: contact before the description, within the first two screens
    contact = page.locator("#kontakt")
    expect(contact).to_be_visible()
    assert (
        contact.bounding_box()["y"] < page.locator(".pl-profile__main").bounding_box()["y"]
        or name == "1366px"
    )
    assert contact.bounding_box()["y"] < 2 * page.viewport_size["height"]
    expect(page.locator(".pl-contact a[href^='mailto:'], .pl-contact a[href^='tel:']").first).to_be_visible()


def test_a_journalist_checks_a_certificate_from_its_qr_code_and_finds_it_by_number(screen, server):
    name, page = screen
    # the QR code on a product's tag leads to the certificate's page
    page.goto(server + "/zakup-prospoleczny/certyfikat/ZP-2025-04/")
    expect(page.locator("h1")).to_contain_text("ZP-2025-04")
    expect(page.locator("main")).to_contain_text("Zakład Aktywności Zawodowej „Glina i Ogień”")
    # the box on the page takes another number
    page.get_by_label("Numer z dyplomu", exact=False).fill("zp 2025 02")
    page.get_by_label("Numer z dyplomu", exact=False).press("Enter")
    expect(page).to_have_url(re.compile(r"/zakup-prospoleczny/certyfikat/ZP-2025-02/$"))
    # and the site's search finds it by number, first
    open_menu_on_a_phone(page, name)
    page.get_by_label("Szukaj w portalu").fill("ZP-2025-04")
    page.get_by_label("Szukaj w portalu").press("Enter")
    first = page.locator(".pl-result__title a").first
    expect(first).to_have_text("Weryfikacja certyfikatu ZP-2025-04")
    first.click()
    expect(page).to_have_url(re.compile(r"/zakup-prospoleczny/certyfikat/ZP-2025-04/$"))


def test_a_procurement_officer_finds_catering_suppliers_by_cpv_and_powiat_and_downloads_a_shortlist(
    screen, server, axe_source, tmp_path
):
    """Issue 21: search by CPV code and powiat -> pick suppliers -> the dated shortlist with
    its criteria -> XLSX and CSV holding exactly the picked suppliers, axe clean."""
    name, page = screen
    page.goto(server + "/podmioty/")
    open_filters_on_a_phone(page, name, "Filtruj (0)")
    page.get_by_label("Kod CPV albo nazwa z kodu").fill("55500000")
    page.get_by_label("Powiat").select_option(label="Poznań")
    expect(page.locator("[data-pl-count]")).to_have_text("Znaleziono 1 podmiot z 27.")
    first = page.locator(".pl-entity-card:visible .pl-entity-card__title").first.text_content()
    page.get_by_role("button", name="Dodaj wszystkie wyniki do wykazu").click()
    expect(page.locator("[data-pl-shortlist-status]")).to_have_text("W wykazie: 1 podmiot.")
    # a neighbouring powiat: one more supplier, ticked on its card
    page.get_by_label("Powiat").select_option(label="śremski")
    card = page.locator(".pl-entity-card:visible").first
    second = card.locator(".pl-entity-card__title").text_content()
    card.get_by_label("Dodaj do wykazu", exact=False).check()
    expect(page.locator("[data-pl-shortlist-status]")).to_have_text("W wykazie: 2 podmioty.")
    page.get_by_role("link", name="Pokaż wykaz wykonawców").click()
    # the shortlist: dated, with the criteria of the search and the two suppliers
    expect(page.locator("h1")).to_have_text(
        re.compile(r"^Wykaz potencjalnych wykonawców — stan na dzień \d{1,2} \w+ 20\d\d r\.$")
    )
    criteria = page.locator("[data-pl-shortlist-criteria] li")
    expect(criteria).to_have_text(
        [
            "powiat śremski",
            "kod CPV: 55500000-5 Usługi stołówek i cateringu (z kodami węższymi)",
            "wybrane przez zamawiającego: 2 podmioty",
        ]
    )
    names = page.locator(".pl-shortlist__name").all_text_contents()
    assert sorted(names) == sorted([first.strip(), second.strip()])
    assert run_axe(page, axe_source) == []
    wide = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert wide <= 0
    # printed (or saved as PDF) for the procurement file: the dated title, the criteria and
    # the suppliers, without the site's navigation and the buttons
    page.emulate_media(media="print")
    for shown in ("h1", "[data-pl-shortlist-criteria]", ".pl-shortlist__list", "[data-pl-shortlist-notes]"):
        expect(page.locator(shown).first).to_be_visible()
    for hidden in (".pl-header", ".pl-footer", ".pl-shortlist__actions", ".pl-breadcrumbs"):
        expect(page.locator(hidden).first).to_be_hidden()
    page.emulate_media(media="screen")
    files = {}
    for label in ("Pobierz XLSX", "Pobierz CSV"):
        with page.expect_download() as download:
            page.get_by_role("button", name=label).click()
        files[label] = tmp_path / download.value.suggested_filename
        download.value.save_as(files[label])
    assert (
        files["Pobierz XLSX"].name.startswith("wykaz-wykonawcow-") and files["Pobierz XLSX"].suffix == ".xlsx"
    )
    book = openpyxl.load_workbook(files["Pobierz XLSX"])
    rows = list(book["Wykaz"].iter_rows(values_only=True))
    assert rows[0][:3] == ("Lp.", "Nazwa", "Forma prawna") and len(rows[0]) == len(shortlist.COLUMNS)
    assert [row[1] for row in rows[1:]] == names and [row[0] for row in rows[1:]] == [1, 2]
    info = dict(row for row in book["Informacje"].iter_rows(values_only=True) if row[1])
    assert (
        info["Kryteria"].startswith("powiat śremski; kod CPV: 55500000-5")
        and info["Liczba wykonawców"] == "2"
    )
    with files["Pobierz CSV"].open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))
    assert table[0] == [c.header for c in shortlist.COLUMNS]
    assert [row[1] for row in table[1:]] == names
    assert unnamed_storage(page) == []
