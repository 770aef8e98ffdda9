"""Buyer tools in Chromium: filters, sorting, URL state, the enquiry list and its e-mails."""

from __future__ import annotations

import csv
import io
import re
from decimal import Decimal
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

from browsertools import REFLOW, WIDE, run_axe
from portal_content.validate import content_files, load
from portal_directory.region import load_region
from portal_site import register_content
from portal_theme.filters import money_pl
from sitebuild import ROOT

register_content()
SETTINGS = {"PATH": ROOT / "content", "CATALOGUE_PATH": ROOT / "catalogue"}
FILES = content_files(SETTINGS)
PRODUCTS = {r.slug: r for r in (load(p, k) for p, k in FILES if k == "product")}
MAKERS = {r.slug: r for r in (load(p, k) for p, k in FILES if k == "entity")}
REGION, _ = load_region(ROOT / "content")


def price_from(r):
    return min([r.meta.price_net, *(t.price_net for t in r.meta.price_tiers)])


def price_at(r, qty, personalised=False):
    """The unit net price of r for qty pieces as the buyer gets it: the price tier qty
    reaches, plus the cheapest logo surcharge qty allows when asked; None when r cannot be
    ordered so. Worked out here from the YAML, apart from the scripts that do it."""
    m = r.meta
    if qty < m.min_order:
        return None
    tiers = sorted([(m.min_order, m.price_net)] + [(t.min_quantity, t.price_net) for t in m.price_tiers])
    base = [net for q, net in tiers if q <= qty][-1]
    if not personalised:
        return base
    options = [o for o in m.personalisation if o.min_order <= qty]
    if not options:
        return None
    known = [o.price_net_extra for o in options if o.price_net_extra is not None]
    return base + (min(known) if known else 0)


def subregion(r):
    return REGION.powiat(MAKERS[r.meta.maker].meta.powiat).subregion.slug


def visible(page):
    return page.locator(
        ".pl-product-card:visible .pl-product-card__title a"
    ).evaluate_all(
        "links => links.map(a => new URL(a.href).pathname.split('/')[2])"  # the site's address may be absolute
    )


def test_filters_and_sorting(context, server):
    page = context.new_page()
    page.goto(server + "/katalog/")
    status = page.get_by_role("status")
    assert status.text_content() == f"Wszystkie produkty: {len(PRODUCTS)}."
    page.get_by_label("Kategoria", exact=True).select_option("ceramika")
    page.get_by_label("Sortuj", exact=True).select_option("cena")
    want = sorted(
        (r for r in PRODUCTS.values() if r.meta.category == "ceramika"), key=lambda r: price_from(r)
    )
    assert visible(page) == [r.slug for r in want]
    page.get_by_label("Sortuj", exact=True).select_option("cena-malejaco")
    assert visible(page) == [r.slug for r in reversed(want)]
    assert "kategoria=ceramika" in page.url and "sort=cena-malejaco" in page.url
    page.get_by_role("button", name="Wyczyść filtry").click()
    price = page.get_by_role("group", name="Cena netto za sztukę (zł)")
    price.get_by_label("od", exact=True).fill("20")
    price.get_by_label("do", exact=True).fill("40")
    price.get_by_label("do", exact=True).press("Enter")
    page.get_by_label("Liczba sztuk").fill("100")
    page.get_by_label("z personalizacją (logo): cena z dopłatą").check()
    expected = {
        r.slug
        for r in PRODUCTS.values()
        if price_at(r, 100, True) is not None and Decimal(20) <= price_at(r, 100, True) <= Decimal(40)
    }
    assert expected and set(visible(page)) == expected
    page.get_by_role("button", name="Wyczyść filtry").click()
    page.get_by_label("z materiałów z odzysku").check()
    page.get_by_label("Subregion wytwórcy").select_option("poznanski")
    expected = {r.slug for r in PRODUCTS.values() if r.meta.upcycled and subregion(r) == "poznanski"}
    assert expected and set(visible(page)) == expected
    page.get_by_role("button", name="Wyczyść filtry").click()
    page.get_by_label("Czas realizacji").select_option("14")
    page.get_by_label("Materiał", exact=True).select_option(label="len")
    expected = {
        r.slug for r in PRODUCTS.values() if r.meta.lead_time_days <= 14 and "len" in r.meta.materials
    }
    assert expected and set(visible(page)) == expected


def test_bawelna_finds_every_cotton_product_and_food_is_not_a_material(context, server):
    """The material filter offers the vocabulary's groups: "bawełna" finds every product
    whose materials mention cotton in any form ("bawełna 100%", "taśma bawełniana",
    "bawełna organiczna 180 g/m²"); ingredients of food are no material."""
    page = context.new_page()
    page.goto(server + "/katalog/")
    options = page.locator("#k-material option").all_text_contents()
    assert "bawełna" in options and "wiśnie" not in options and "słoik szklany" not in options
    assert not [o for o in options if "%" in o or "g/m²" in o]  # groups, not the editors' wording
    page.get_by_label("Materiał", exact=True).select_option(label="bawełna")
    cotton = {r.slug for r in PRODUCTS.values() if any("bawełn" in m for m in r.meta.materials)}
    assert len(cotton) >= 5 and set(visible(page)) == cotton


def test_the_price_at_the_stated_quantity_is_shown_filtered_sorted_and_described(context, server):
    """A key ring priced "od 10,90 zł" only from 300 pieces does not pass "do 11 zł" at
    200 pieces; every card shows its unit price at 200, with the logo where asked; sorting
    follows it; the heading and the count say which filters are on."""
    page = context.new_page()
    page.goto(server + "/katalog/?cena_do=11")
    assert "brelok-pyra" in visible(page)  # without a quantity: the "od" price, 10,90 zł
    page.get_by_label("Liczba sztuk").fill("200")
    page.get_by_label("Liczba sztuk").press("Enter")
    assert "brelok-pyra" not in visible(page)  # 12,50 zł at 200 pieces
    expected = {r.slug for r in PRODUCTS.values() if price_at(r, 200) is not None and price_at(r, 200) <= 11}
    assert set(visible(page)) == expected
    heading = page.locator("#produkty")
    count = len(expected)
    noun = (
        "produkt"
        if count == 1
        else "produkty"
        if count % 10 in (2, 3, 4) and count % 100 not in (12, 13, 14)
        else "produktów"
    )
    assert heading.text_content() == f"{count} {noun}: do 11,00 zł netto/szt. przy 200 szt."
    page.goto(server + "/katalog/?ilosc=200&cena_do=50&certyfikat=1&personalizacja=1&sort=cena")
    shown = visible(page)
    want = sorted(
        (
            r
            for r in PRODUCTS.values()
            if price_at(r, 200, True) is not None
            and price_at(r, 200, True) <= 50
            and page.locator(f".pl-product-card:has(a[href$='/katalog/{r.slug}/'])").get_attribute(
                "data-certyfikat"
            )
            == "1"
        ),
        key=lambda r: (price_at(r, 200, True), list(PRODUCTS).index(r.slug)),
    )
    assert [price_at(PRODUCTS[slug], 200, True) for slug in shown] == [price_at(r, 200, True) for r in want]
    assert set(shown) == {r.slug for r in want} and shown
    first = PRODUCTS[shown[0]]
    card = page.locator(f".pl-product-card:has(a[href$='/katalog/{first.slug}/']) [data-pl-price]")
    assert card.text_content().startswith(f"{money_pl(price_at(first, 200, True))} netto/szt. przy 200 szt.")
    assert (
        page.get_by_role("status")
        .text_content()
        .endswith("do 50,00 zł netto/szt. przy 200 szt., z logo, z certyfikatem.")
    )
    assert heading.text_content().endswith(": do 50,00 zł netto/szt. przy 200 szt., z logo, z certyfikatem")
    # the quantity stated once carries to the product pages
    page.goto(server + f"/katalog/{first.slug}/")
    assert page.get_by_label("Liczba sztuk", exact=False).input_value() == "200"
    assert (
        page.locator("[data-pl-enquiry-price]")
        .text_content()
        .startswith(f"Przy 200 szt.: {money_pl(price_at(first, 200))} netto za sztukę")
    )


def test_state_restores_from_the_url(context, server):
    page = context.new_page()
    page.goto(server + "/katalog/?wytworca=zaz-zlotow&sort=czas&upcykling=")
    assert page.get_by_label("Wytwórca", exact=True).input_value() == "zaz-zlotow"
    want = sorted(
        (r for r in PRODUCTS.values() if r.meta.maker == "zaz-zlotow"), key=lambda r: r.meta.lead_time_days
    )
    shown = visible(page)
    assert set(shown) == {r.slug for r in want}
    times = [PRODUCTS[slug].meta.lead_time_days for slug in shown]
    assert times == sorted(times)
    assert page.get_by_role("status").text_content().startswith(f"Znaleziono {len(want)} ")


def add(page, server, slug, qty=None, variants=None, personalisation=None):
    page.goto(f"{server}/katalog/{slug}/")
    form = page.locator("[data-pl-enquiry-add]")
    if qty is not None:
        form.get_by_label("Liczba sztuk", exact=False).fill(str(qty))
    for label, value in (variants or {}).items():
        form.get_by_label(label, exact=True).select_option(value)
    if personalisation:
        form.get_by_label("Personalizacja").select_option(personalisation)
    form.get_by_role("button", name="Dodaj do zapytania").click()
    return form.get_by_role("status").text_content()


def test_enquiry_list_builds_one_email_per_maker(context, server, axe_source):
    page = context.new_page()
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    message = add(page, server, "fartuch-gzik", qty=5)
    assert message == "Minimalne zamówienie to 20 szt.; popraw liczbę sztuk."
    assert add(
        page, server, "fartuch-gzik", qty=40, variants={"Kolor": "musztardowy"}, personalisation="haft logo"
    ).startswith("Dodano do zapytania. Pozycji na liście: 1.")
    assert add(page, server, "torba-baner-miasto", qty=10).startswith(
        "Dodano do zapytania. Pozycji na liście: 2."
    )
    assert add(page, server, "kubek-gzik", qty=30).startswith("Dodano do zapytania. Pozycji na liście: 3.")
    assert page.locator("[data-pl-enquiry-count]").text_content() == "Zapytanie ofertowe (3)"
    page.goto(server + "/katalog/zapytanie/")
    page.reload()  # the list survives a reload
    apron, bag, mug = (PRODUCTS[slug] for slug in ("fartuch-gzik", "torba-baner-miasto", "kubek-gzik"))
    apron_unit = price_at(apron, 40) + apron.meta.personalisation[0].price_net_extra  # haft logo
    total = apron_unit * 40 + price_at(bag, 10) * 10 + price_at(mug, 30) * 30
    assert page.get_by_role("status").text_content() == (
        f"Pozycji na liście: 3, u 2 wytwórców; razem wg cen katalogu {money_pl(total)} netto."
    )
    links = page.locator("[data-pl-enquiry-mail] a")
    assert links.count() == 2  # the apron and the bag come from one maker, the mug from another
    # the buyer's details are asked for before a message opens, in a summary that links to each field
    links.nth(0).click()
    summary = page.locator("[data-pl-enquiry-errors]")
    assert summary.is_visible() and page.evaluate("document.activeElement.dataset.plEnquiryErrors") == ""
    assert "Wpisz nazwę firmy lub instytucji." in summary.text_content()
    page.get_by_label("Firma lub instytucja").fill("Urząd Gminy Kłecko")
    page.get_by_label("NIP").fill("784-123-45-67")
    page.get_by_label("Osoba do kontaktu").fill("Anna Nowak")
    page.get_by_label("E-mail").fill("a.nowak@klecko.example")
    page.get_by_label("Telefon").fill("61 427 00 00")
    page.get_by_label("Miejsce dostawy").fill("ul. Dworcowa 14, 62-270 Kłecko")
    page.get_by_label("Potrzebne do dnia").fill("2099-03-02")
    page.get_by_label("Personalizacja i uwagi").fill("Logo w jednym kolorze; plik wektorowy wyślemy.")
    links.nth(0).click()
    assert "NIP ma 10 cyfr" in summary.text_content()  # 7841234567 fails the control digit
    assert page.get_by_label("NIP").get_attribute("aria-invalid") == "true"
    page.get_by_label("NIP").fill("PL 784-000-00-00")  # 7*6+8*5+4*7 = 110, 110 mod 11 = 0
    first = urlparse(links.nth(0).get_attribute("href"))
    assert first.scheme == "mailto" and first.path == "kontakt@szwalniadobrychrzeczy.example"
    query = parse_qs(first.query)
    assert query["subject"] == ["Zapytanie ofertowe: Fartuch „Gzik”, Torba z banera „Miasto”"]
    assert query["body"][0] == (
        "Dzień dobry,\n\n"
        "proszę o ofertę na poniższe produkty z katalogu portalu Ekonomia społeczna w Wielkopolsce"
        f" ({server}):\n\n"
        "1. Fartuch „Gzik”: 40 szt.; kolor: musztardowy; personalizacja: haft logo\n"
        f"   cena z katalogu przy 40 szt.: {money_pl(apron_unit)} (w tym personalizacja 8,00\u00a0zł) netto za sztukę,"
        f" razem {money_pl(apron_unit * 40)} netto (VAT 23%)\n"
        f"   czas realizacji wg katalogu: 21 dni; {server}/katalog/fartuch-gzik/\n"
        "2. Torba z banera „Miasto”: 10 szt.\n"
        f"   cena z katalogu przy 10 szt.: {money_pl(price_at(bag, 10))} netto za sztukę,"
        f" razem {money_pl(price_at(bag, 10) * 10)} netto (VAT 23%)\n"
        f"   czas realizacji wg katalogu: {bag.meta.lead_time_days} dni; {server}/katalog/torba-baner-miasto/\n\n"
        "Dostawa: ul. Dworcowa 14, 62-270 Kłecko, potrzebne do 2099-03-02\n"
        "Personalizacja i uwagi: Logo w jednym kolorze; plik wektorowy wyślemy.\n\n"
        "Proszę o ofertę z ceną, terminem realizacji i kosztami dostawy.\n\n"
        "Zamawiający: Urząd Gminy Kłecko, NIP PL 784-000-00-00\n"
        "Osoba do kontaktu: Anna Nowak, a.nowak@klecko.example, tel. 61 427 00 00\n\n"
        "Z poważaniem\nAnna Nowak"
    )
    portal = unquote(page.locator("[data-pl-enquiry-portal]").get_attribute("href"))
    assert portal.startswith("mailto:es@rops.poznan.pl?") and "3. Kubek „Gzik”: 30 szt." in portal
    # the printable summary and the CSV for the procurement file
    sheet = page.locator("[data-pl-enquiry-sheet]")
    assert "Urząd Gminy Kłecko" in sheet.text_content() and "Stan na dzień" in sheet.text_content()
    assert (
        f"Kubek „Gzik”: 30 szt. (szkliwo: biały); {money_pl(price_at(mug, 30))} netto/szt."
        in sheet.text_content()
    )
    with page.expect_download() as download:
        page.get_by_role("button", name="Pobierz CSV").click()
    assert re.fullmatch(r"zapytanie-ofertowe-\d{4}-\d{2}-\d{2}\.csv", download.value.suggested_filename)
    rows = list(csv.reader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8-sig"))))
    assert rows[0][:3] == ["wytwórca", "e-mail wytwórcy", "produkt"] and len(rows) == 4
    assert rows[1][2:9] == [
        "Fartuch „Gzik”",
        f"{server}/katalog/fartuch-gzik/",
        "kolor: musztardowy; personalizacja: haft logo",
        "40",
        f"{apron_unit:.2f}",
        "8.00",
        f"{apron_unit * 40:.2f}",
    ]
    # change a quantity below the minimum: flagged; then remove an item
    quantity = page.get_by_label("Liczba sztuk: Kubek „Gzik”")
    quantity.fill("5")
    quantity.press("Tab")
    assert page.get_by_label("Liczba sztuk: Kubek „Gzik”").get_attribute("aria-invalid") == "true"
    assert run_axe(page, axe_source) == []
    assert errors == []  # no CSP violation while the list is built
    # the filled list, the form and the summary fit a phone at every text size (rows as cards)
    for layout, width, text in REFLOW:
        page.set_viewport_size({"width": width, "height": 800})
        assert page.evaluate(WIDE, text) <= 0, layout
    assert (
        page.locator(".pl-table--cards tbody tr").first.evaluate("e => getComputedStyle(e).display")
        == "block"
    )
    assert page.get_by_role("table").count() == 2  # still tables to a screen reader
    page.set_viewport_size({"width": 1280, "height": 720})
    page.get_by_role("button", name="Usuń: Torba z banera „Miasto”").click()
    assert page.get_by_role("status").text_content().startswith("Pozycji na liście: 2, u 2 wytwórców;")
    assert page.locator("[data-pl-enquiry-count]").text_content() == "Zapytanie ofertowe (2)"
    assert context.cookies() == []


def test_catalogue_and_enquiry_without_javascript(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "/katalog/")
    assert not page.locator("[data-pl-catalogue-filter]").is_visible()
    assert page.locator(".pl-product-card:visible").count() == len(PRODUCTS)
    page.get_by_role("link", name="Ceramika").first.click()
    assert page.url == server + "/katalog/kategoria/ceramika/"
    page.goto(server + "/katalog/fartuch-gzik/")
    assert not page.locator("[data-pl-enquiry-add]").is_visible()
    assert (
        page.get_by_role("link", name="napisać do wytwórcy e-mail z zapytaniem")
        .get_attribute("href")
        .startswith("mailto:kontakt@szwalniadobrychrzeczy.example?subject=")
    )
    page.goto(server + "/katalog/zapytanie/")
    assert page.get_by_text(
        "Lista zapytania ofertowego działa w przeglądarce z włączonym JavaScriptem."
    ).is_visible()
    context.close()


def test_lead_time_in_weeks_and_checkbox_targets_on_a_phone(browser, server):
    context = browser.new_context(locale="pl-PL", viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(server + "/katalog/")
    page.get_by_role("button", name="Filtruj (0)").click()  # folded on a phone
    options = page.locator("#k-czas option").all_text_contents()
    assert options == [
        "dowolny",
        "do tygodnia",
        "do 2 tygodni",
        "do 3 tygodni",
        "do 4 tygodni",
        "do 6 tygodni",
    ]
    page.select_option("#k-czas", label="do 2 tygodni")
    page.wait_for_url("**czas=14**")
    for box in page.locator(".pl-filters .pl-field__check").all():
        size = box.bounding_box()
        assert size["width"] >= 24 and size["height"] >= 24  # WCAG 2.5.8, whatever the label's length
    context.close()
