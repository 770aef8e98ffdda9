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
NEWS = "Gala „Zakup Prospołeczny” 2025 – certyfikaty dla 26 podmiotów"


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
