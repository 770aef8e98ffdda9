"""The sector in numbers in a browser: the map's squares are links reached with Tab in
reading order (north first), each named in full, Enter opens the powiat's page; a chart's
numbers are in a table; the other measures' maps are one link away."""

from __future__ import annotations

import re

from playwright.sync_api import expect


def test_the_map_works_with_the_keyboard_and_leads_to_the_powiat(context, server):
    page = context.new_page()
    page.goto(server + "/dane/sektor/")
    links = page.locator("#mapa-es-entities a")
    expect(links).to_have_count(35)
    expect(page.get_by_role("link", name=re.compile(r"^powiat złotowski: \d+ podmiot"))).to_have_count(1)
    # Tab from the element before the map reaches its first square, then the next one
    page.locator("nav[aria-label='Miara na mapie'] a").last.focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.querySelector('title').textContent").startswith(
        "powiat złotowski:"
    )
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.querySelector('title').textContent")
    assert focused.startswith("powiat czarnkowsko-trzcianecki:")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/podmioty/powiat/czarnkowsko-trzcianecki/$"))
    expect(page.locator("h1")).to_have_text("Podmioty: powiat czarnkowsko-trzcianecki")


def test_each_chart_has_its_numbers_in_a_table_and_the_maps_of_other_measures(context, server):
    page = context.new_page()
    page.goto(server + "/dane/sektor/")
    chart = page.locator("#seria-podmioty")
    expect(chart).to_have_attribute("role", "img")
    described = page.locator("#seria-podmioty-d").text_content()
    table = page.get_by_role("table", name="Podmioty ekonomii społecznej w kolejnych latach")
    for year, count in re.findall(r"(\d{4}): (\d+)", described):
        expect(table.get_by_role("row", name=f"{year} {count}")).to_have_count(1)
    page.get_by_role("navigation", name="Miara na mapie").get_by_role(
        "link", name="Przedsiębiorstwa społeczne"
    ).click()
    expect(page.locator("h1")).to_have_text("Przedsiębiorstwa społeczne w powiatach")
    expect(
        page.get_by_role("link", name=re.compile(r"^powiat złotowski: \d+ przedsiębiorstw"))
    ).to_have_count(1)
