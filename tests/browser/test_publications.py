"""The knowledge library's filters (/wiedza/): type, year, subregion or powiat and topic
combine, the count is announced, the URL keeps the state, empty years hide; without
JavaScript the pages by type list the same publications."""

from __future__ import annotations

from playwright.sync_api import expect
from portal_content.validate import content_files, load
from portal_directory.region import load_region
from portal_site import register_content
from sitebuild import ROOT

register_content()
REGION, _ = load_region(ROOT / "content")
PUBLICATIONS = [load(p, k) for p, k in content_files(ROOT / "content") if k == "publication"]


def shown(page) -> list[str]:
    return sorted(
        page.locator(".pl-publication-card:visible .pl-publication-card__title a").evaluate_all(
            "links => links.map(a => new URL(a.href).pathname)"
        )
    )


def test_filters_combine_announce_and_keep_the_state_in_the_address(context, server):
    page = context.new_page()
    page.goto(server + "/wiedza/")
    status = page.get_by_role("form", name="Filtruj publikacje").get_by_role("status")
    expect(status).to_have_text(f"Wszystkie publikacje: {len(PUBLICATIONS)}.")
    page.get_by_label("Rodzaj", exact=True).select_option(label="Diagnozy lokalne")
    want = sorted(f"/wiedza/{r.slug}/" for r in PUBLICATIONS if r.meta.type == "diagnoza-lokalna")
    assert shown(page) == want and len(want) >= 4
    expect(status).to_have_text(f"Znaleziono {len(want)} publikacji z {len(PUBLICATIONS)}.")
    page.get_by_label("Subregion lub powiat").select_option(label="powiat złotowski")
    want = sorted(
        f"/wiedza/{r.slug}/"
        for r in PUBLICATIONS
        if r.meta.type == "diagnoza-lokalna" and r.meta.area and "złotowski" in r.meta.area.powiaty
    )
    assert shown(page) == want == ["/wiedza/diagnoza-lokalna-zlotow/"]
    expect(status).to_have_text(f"Znaleziono 1 publikację z {len(PUBLICATIONS)}.")
    assert "rodzaj=diagnoza-lokalna" in page.url and "obszar=powiat-zlotowski" in page.url
    # only the year that holds it stays on screen
    expect(page.locator("[data-pl-year-group]:visible h2")).to_have_text(["2025"])
    page.reload()
    assert shown(page) == want
    page.get_by_role("button", name="Wyczyść filtry").click()
    expect(status).to_have_text(f"Wszystkie publikacje: {len(PUBLICATIONS)}.")
    page.get_by_label("Rok", exact=True).select_option("2024")
    assert shown(page) == sorted(f"/wiedza/{r.slug}/" for r in PUBLICATIONS if r.meta.date.year == 2024)


def test_without_javascript_the_pages_by_type_lead_to_the_same_publications(browser, server):
    context = browser.new_context(java_script_enabled=False, locale="pl-PL")
    page = context.new_page()
    page.goto(server + "/wiedza/")
    expect(page.get_by_role("form", name="Filtruj publikacje")).to_be_hidden()
    page.get_by_role("navigation", name="Przeglądaj według rodzaju").get_by_role(
        "link", name="Uchwały", exact=False
    ).click()
    expect(page.locator("h1")).to_have_text("Uchwały")
    assert shown(page) == sorted(f"/wiedza/{r.slug}/" for r in PUBLICATIONS if r.meta.type == "uchwala")
    context.close()
