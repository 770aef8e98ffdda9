"""Site search in Chromium against the published site: Polish queries with and without
diacritics, filters, the header box, the page without JavaScript."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from playwright.sync_api import expect

ENTITY = "Spółdzielnia Socjalna „Pyrlandia”"
PRODUCT = "Fartuch „Gzik”"
DONE = re.compile("^(Znaleziono|Brak wyników|Pokazujemy)")
NEWS = "Gala „Zakup Prospołeczny” 2025 – certyfikaty dla 8 podmiotów"


def results(page, query: str, **filters: str) -> list[tuple[str, str]]:
    """(section, title) of the results shown for ``query``, in order."""
    params = "&".join(f"{k}={quote(v)}" for k, v in {"q": query, **filters}.items())
    page.goto(f"{page.context.server}/szukaj/?{params}")
    expect(page.locator(".pl-search__status")).to_have_text(DONE)
    items = page.locator(".pl-result")
    return [
        (item.locator(".pl-result__section").text_content(), item.locator(".pl-result__title").text_content())
        for item in items.all()
    ]


@pytest.fixture
def page(context, server):
    context.server = server
    return context.new_page()


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("Spółdzielnia Pyrlandia", ("Podmioty", ENTITY)),
        ("spoldzielnia pyrlandia", ("Podmioty", ENTITY)),
        ("Wolsztyńska Szczotka", ("Podmioty", "Spółdzielnia Niewidomych „Wolsztyńska Szczotka”")),
        ("wolsztynska szczotka", ("Podmioty", "Spółdzielnia Niewidomych „Wolsztyńska Szczotka”")),
        ("fartuch gzik", ("Katalog", PRODUCT)),
        ("kubek chodzieski", ("Katalog", "Kubek „Chodzieski”")),
        ("gala zakup prospołeczny", ("Aktualności", NEWS)),
        ("gala zakup prospoleczny", ("Aktualności", NEWS)),
        (
            "zakład aktywności ceramika",
            ("Aktualności", "Zakład aktywności zawodowej otwiera pracownię ceramiki"),
        ),
        (
            "zaklad aktywnosci ceramika",
            ("Aktualności", "Zakład aktywności zawodowej otwiera pracownię ceramiki"),
        ),
    ],
)
def test_expected_result_comes_first(page, query, first):
    assert results(page, query)[0] == first


def found(page) -> int:
    return int(re.search(r"Znaleziono (\d+)", page.locator(".pl-search__status").text_content()).group(1))


def test_query_without_polish_letters_finds_as_much_as_with_them(page):
    with_letters = results(page, "spółdzielnia socjalna")
    count_with = found(page)
    without = results(page, "spoldzielnia socjalna")
    assert count_with >= 20
    assert found(page) >= count_with
    # the same kind of pages on top, whatever the exact order
    assert sum("spółdziel" in title.lower() for _, title in without[:10]) >= 8
    assert sum("spółdziel" in title.lower() for _, title in with_letters[:10]) >= 8


def test_product_results_show_photo_and_price(page):
    results(page, "fartuch gzik")
    first = page.locator(".pl-result").first
    image = first.locator("img.pl-result__image")
    assert image.get_attribute("alt") == "Fartuch „Gzik”: produkt na jasnym tle"
    assert image.evaluate("img => img.complete && img.naturalWidth > 0")
    assert first.locator(".pl-result__price").text_content() == "od 52,00\u00a0zł netto"
    assert first.locator(".pl-result__excerpt mark").count() >= 1


def test_filters_by_section_subregion_and_category(page):
    assert {section for section, _ in results(page, "pyrlandia", sekcja="Katalog")} == {"Katalog"}
    subregion = results(page, "spółdzielnia", podregion="leszczyński")
    assert subregion and all(section in {"Podmioty", "Katalog"} for section, _ in subregion)
    assert ("Podmioty", "Spółdzielnia Niewidomych „Wolsztyńska Szczotka”") in subregion
    assert ("Podmioty", ENTITY) not in subregion  # poznański
    ceramics = results(page, "kubek", kategoria="Ceramika")
    assert ceramics and {section for section, _ in ceramics} == {"Katalog"}
    assert page.locator("#szukaj-kategoria").input_value() == "Ceramika"  # state restored from the URL
    # changing a filter searches again and writes the state into the address
    page.locator("#szukaj-sekcja").select_option("Podmioty")
    page.wait_for_url("**sekcja=Podmioty**")
    expect(page.locator(".pl-search__status")).to_have_text(re.compile("^Brak wyników"))


def test_header_search_box_leads_to_results(page):
    page.goto(page.context.server + "/")
    page.get_by_role("searchbox", name="Szukaj w portalu").fill("wolsztynska szczotka")
    page.keyboard.press("Enter")
    page.wait_for_url("**/szukaj/?q=wolsztynska+szczotka")
    page.wait_for_selector(".pl-result")
    assert (
        page.locator(".pl-result__title").first.text_content()
        == "Spółdzielnia Niewidomych „Wolsztyńska Szczotka”"
    )
    assert page.locator(".pl-search__status").get_attribute("role") == "status"


def test_without_javascript_the_page_explains_and_links_to_lists(browser, server):
    context = browser.new_context(locale="pl-PL", java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "/szukaj/?q=pyrlandia")
    note = page.locator(".pl-search__nojs")
    assert note.is_visible()
    assert "potrzebuje JavaScriptu" in note.text_content()
    links = note.locator("a")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert {server + "/podmioty/", server + "/katalog/", server + "/mapa-strony/"} <= set(hrefs)
    assert not page.locator(".pl-search__filters").is_visible()
    context.close()


def test_with_javascript_the_no_script_note_is_hidden(page):
    results(page, "pyrlandia")
    assert not page.locator(".pl-search__nojs").is_visible()


def test_more_results_are_reachable_with_focus_on_the_first_new_one(page):
    titles = results(page, "spółdzielnia socjalna")
    total = found(page)
    assert total > 10 and len(titles) == 10
    expect(page.locator(".pl-search__status")).to_contain_text("pokazujemy 10.")
    page.get_by_role("button", name="Pokaż więcej wyników").click()
    expect(page.locator(".pl-result")).to_have_count(min(total, 20))
    assert page.evaluate("document.activeElement === document.querySelectorAll('.pl-result__title a')[10]")
    expect(page.locator(".pl-search__status")).to_contain_text(f"Znaleziono {total} ")
    while page.get_by_role("button", name="Pokaż więcej wyników").is_visible():
        page.get_by_role("button", name="Pokaż więcej wyników").click()
        page.wait_for_timeout(200)
    expect(page.locator(".pl-result")).to_have_count(total)
    expect(page.locator(".pl-search__status")).to_have_text(
        f"Znaleziono {total} wyników dla „spółdzielnia socjalna”."
    )
    links = [a.get_attribute("href") for a in page.locator(".pl-result__title a").all()]
    assert len(set(links)) == total  # each result once


def test_certificates_are_found_by_number_and_by_their_entity(page):
    assert results(page, "ZP-2025-04")[0] == ("Zakup Prospołeczny", "Weryfikacja certyfikatu ZP-2025-04")
    assert results(page, "zp-2025-04")[0] == ("Zakup Prospołeczny", "Weryfikacja certyfikatu ZP-2025-04")
    by_entity = results(page, "Glina i Ogień", sekcja="Zakup Prospołeczny")
    assert ("Zakup Prospołeczny", "Weryfikacja certyfikatu ZP-2025-04") in by_entity


def test_excerpts_keep_words_apart(page):
    results(page, "Zofia Grzelak")
    excerpts = [e.text_content() for e in page.locator(".pl-result__excerpt").all()]
    assert excerpts and not any(re.search(r"ProjektZofia|GrzelakMotyw", text) for text in excerpts)


@pytest.mark.parametrize(
    ("query", "wanted", "below"),
    [
        ("zakład", "Zakład Aktywności Zawodowej", "Zakładki"),
        ("zakład aktywności", "Zakład Aktywności Zawodowej", "Zakładki"),
        ("zaklad aktywnosci zawodowej", "Zakład Aktywności Zawodowej", "Zakładki"),
    ],
)
def test_a_query_finds_the_thing_before_a_word_inside_another(page, query, wanted, below):
    titles = [title for _, title in results(page, query)]
    first_wanted = next(i for i, title in enumerate(titles) if wanted.lower() in title.lower())
    later = [i for i, title in enumerate(titles) if below.lower() in title.lower()]
    assert first_wanted == 0, titles
    assert all(first_wanted < i for i in later), titles


def test_a_certificate_number_opens_its_page_and_a_wrong_one_is_explained(page):
    page.goto(page.context.server + "/zakup-prospoleczny/certyfikat/ZP-2025-04/")
    field = page.get_by_label("Numer z dyplomu, np. ZP-2025-04")
    field.fill("ZP-2099-01")
    page.get_by_role("button", name="Sprawdź").click()
    expect(page.locator("[data-pl-cert-lookup-status]")).to_contain_text(
        "Nie ma certyfikatu o numerze ZP-2099-01"
    )
    assert page.evaluate("document.activeElement.id") == "numer-certyfikatu"
    field.fill("zp 2026 06")
    page.get_by_role("button", name="Sprawdź").click()
    page.wait_for_url("**/zakup-prospoleczny/certyfikat/ZP-2026-06/")
    expect(page.locator("h1")).to_contain_text("ZP-2026-06")


def test_without_javascript_the_certificate_box_opens_the_register(browser, server):
    context = browser.new_context(locale="pl-PL", java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "/zakup-prospoleczny/certyfikat/ZP-2025-04/")
    page.get_by_label("Numer z dyplomu, np. ZP-2025-04").fill("ZP-2025-04")
    page.get_by_role("button", name="Sprawdź").click()
    page.wait_for_url("**/zakup-prospoleczny/?numer=ZP-2025-04#rejestr")
    register = page.locator("#rejestr")
    expect(register.get_by_role("link", name="ZP-2025-04")).to_be_visible()
    assert page.locator("#numery-certyfikatow option[value='ZP-2025-04']").count() == 1
    context.close()


def test_on_a_phone_the_filters_fold_and_the_results_come_first(phone, server):
    page = phone
    page.goto(server + "/szukaj/?q=spoldzielnia")
    toggle = page.get_by_role("button", name="Zawęź wyniki (0)")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(page.get_by_label("Sekcja")).to_be_hidden()
    first = page.locator(".pl-result").first
    expect(first).to_be_visible()
    assert first.bounding_box()["y"] < 664  # a result on the first screen
    toggle.click()
    page.get_by_label("Sekcja").select_option("Podmioty")
    expect(page.get_by_role("button", name="Zawęź wyniki (1)")).to_be_visible()
    expect(page.locator(".pl-search__status")).to_contain_text("przy wybranych filtrach")
    assert page.locator(".pl-search__status").bounding_box()["y"] < 664  # the new count in view


def test_english_pages_have_their_own_search_in_english(page):
    """/en/search/ loads Pagefind's English index (picked by <html lang>): it finds English
    pages only, and says so in English; the Polish search does not return them."""
    page.goto(f"{page.context.server}/en/search/?q=key%20ring")
    status = page.locator(".pl-search__status")
    expect(status).to_have_text(re.compile(r"^Found \d+ results? for “key ring”"))
    links = page.locator(".pl-result__title a").evaluate_all(
        "links => links.map(a => new URL(a.href).pathname)"
    )
    assert links and all(link.startswith("/en/") for link in links)
    assert page.locator(".pl-result").first.locator(".pl-result__section").text_content() == "Souvenirs"
    assert page.locator(".pl-result__price").first.text_content().startswith("from PLN")
    polish = results(page, "key ring")
    assert not any(title == "“Pyra” key ring" for _, title in polish)
