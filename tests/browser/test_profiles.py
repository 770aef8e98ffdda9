"""Profiles of entities and support centres on a phone and on a desktop: the contact comes
before the products and films on a phone, and stands beside the text on a wide screen."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect


@pytest.mark.parametrize("address", ["/podmioty/pyrlandia/", "/owes/owes-poznanski/"])
def test_contact_is_near_the_top_on_a_phone_and_beside_the_text_on_a_desktop(browser, server, address):
    phone = browser.new_context(locale="pl-PL", viewport={"width": 390, "height": 844})
    page = phone.new_page()
    page.goto(server + address)
    contact = page.locator("#kontakt").bounding_box()
    main = page.locator(".pl-profile__main").bounding_box()
    assert contact["y"] < main["y"]  # before the text, products and films
    assert contact["y"] < 2 * 844  # within the first two screens
    phone.close()
    desktop = browser.new_context(locale="pl-PL", viewport={"width": 1366, "height": 900})
    page = desktop.new_page()
    page.goto(server + address)
    aside = page.locator(".pl-profile__aside").bounding_box()
    main = page.locator(".pl-profile__main").bounding_box()
    assert aside["x"] > main["x"] + main["width"] - 1 and abs(aside["y"] - main["y"]) < 5
    desktop.close()


def test_a_profiles_buyer_facts_lead_to_the_guide_whose_clause_copies_whole(browser, server):
    """Issue 21: from a profile's "Dla zamawiających publicznych" to the guide; "Kopiuj
    treść" puts the clause's paragraphs on the clipboard and says so."""
    context = browser.new_context(locale="pl-PL", viewport={"width": 390, "height": 844})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    page = context.new_page()
    page.goto(server + "/podmioty/pyrlandia/")
    facts = page.locator("section.pl-buyer-facts")
    expect(facts.get_by_role("heading", level=2)).to_have_text("Dla zamawiających publicznych")
    expect(facts).to_contain_text("wprost w art. 94 ust. 1 Pzp")
    facts.get_by_role("link", name="Jak kupować od podmiotów ekonomii społecznej", exact=False).click()
    expect(page.locator("h1")).to_have_text("Dla zamawiających: kupuj od podmiotów ekonomii społecznej")
    clause = page.locator("section.pl-clause").first
    clause.get_by_role("button", name="Kopiuj treść", exact=False).click()
    expect(clause.get_by_role("status")).to_have_text("Skopiowano do schowka.")
    copied = page.evaluate("navigator.clipboard.readText()")
    shown = clause.locator(".pl-clause__text p").all_text_contents()
    assert copied == "\n\n".join(part.strip() for part in shown) and len(shown) >= 2
    context.close()
