"""Buyer tools in Chromium: filters, sorting, URL state, the enquiry list and its e-mails."""

from __future__ import annotations

from decimal import Decimal
from urllib.parse import parse_qs, unquote, urlparse

from browsertools import run_axe
from portal_content.validate import content_files, load
from portal_directory.region import load_region
from portal_site import register_content
from sitebuild import ROOT

register_content()
SETTINGS = {"PATH": ROOT / "content", "CATALOGUE_PATH": ROOT / "catalogue"}
FILES = content_files(SETTINGS)
PRODUCTS = {r.slug: r for r in (load(p, k) for p, k in FILES if k == "product")}
MAKERS = {r.slug: r for r in (load(p, k) for p, k in FILES if k == "entity")}
REGION, _ = load_region(ROOT / "content")


def price_from(r):
    return min([r.meta.price_net, *(t.price_net for t in r.meta.price_tiers)])


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
    page.get_by_label("Cena netto od (zł)").fill("20")
    page.get_by_label("Cena netto do (zł)").fill("40")
    page.get_by_label("Cena netto do (zł)").press("Enter")
    page.get_by_label("z personalizacją (np. logo)").check()
    page.get_by_label("Minimalne zamówienie").select_option("30")
    expected = {
        r.slug
        for r in PRODUCTS.values()
        if Decimal(20) <= price_from(r) <= Decimal(40) and r.meta.personalisation and r.meta.min_order <= 30
    }
    assert expected and set(visible(page)) == expected
    page.get_by_role("button", name="Wyczyść filtry").click()
    page.get_by_label("z materiałów z odzysku").check()
    page.get_by_label("Subregion wytwórcy").select_option("poznanski")
    expected = {r.slug for r in PRODUCTS.values() if r.meta.upcycled and subregion(r) == "poznanski"}
    assert expected and set(visible(page)) == expected
    page.get_by_role("button", name="Wyczyść filtry").click()
    page.get_by_label("Czas realizacji").select_option("14")
    page.get_by_label("Materiał", exact=True).select_option("len")
    expected = {
        r.slug for r in PRODUCTS.values() if r.meta.lead_time_days <= 14 and "len" in r.meta.materials
    }
    assert set(visible(page)) == expected


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
    page.goto(server + "/katalog/zapytanie/")
    page.reload()  # the list survives a reload
    assert page.get_by_role("status").text_content() == "Pozycji na liście: 3."
    links = page.locator("[data-pl-enquiry-mail] a")
    assert links.count() == 2  # the apron and the bag come from one maker, the mug from another
    first = urlparse(links.nth(0).get_attribute("href"))
    assert first.scheme == "mailto" and first.path == "kontakt@szwalniadobrychrzeczy.example"
    query = parse_qs(first.query)
    assert query["subject"] == ["Zapytanie ofertowe z katalogu: 2 produkty"]
    assert query["body"][0] == (
        "Dzień dobry,\n\n"
        "proszę o ofertę na poniższe produkty z katalogu portalu Ekonomia społeczna w Wielkopolsce:\n\n"
        "1. Fartuch „Gzik” – 40 szt.; kolor: musztardowy; personalizacja: haft logo\n"
        "   wytwórca: Fundacja „Szwalnia Dobrych Rzeczy”; cena katalogowa od 52,00\u00a0zł netto; "
        + server
        + "/katalog/fartuch-gzik/\n"
        "2. Torba z banera „Miasto” – 10 szt.\n"
        "   wytwórca: Fundacja „Szwalnia Dobrych Rzeczy”; cena katalogowa od 89,00\u00a0zł netto; "
        + server
        + "/katalog/torba-baner-miasto/\n\n"
        "Proszę o informację o cenie, terminie realizacji i kosztach dostawy.\n\n"
        "Z poważaniem\n"
    )
    portal = unquote(page.locator("[data-pl-enquiry-portal]").get_attribute("href"))
    assert portal.startswith("mailto:es@rops.poznan.pl?") and "3. Kubek „Gzik” – 30 szt." in portal
    # change a quantity below the minimum: flagged; then remove an item
    quantity = page.get_by_label("Liczba sztuk: Kubek „Gzik”")
    quantity.fill("5")
    quantity.press("Tab")
    assert page.get_by_label("Liczba sztuk: Kubek „Gzik”").get_attribute("aria-invalid") == "true"
    assert run_axe(page, axe_source) == []
    assert errors == []  # no CSP violation while the list is built
    page.get_by_role("button", name="Usuń: Torba z banera „Miasto”").click()
    assert page.get_by_role("status").text_content() == "Pozycji na liście: 2."
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
