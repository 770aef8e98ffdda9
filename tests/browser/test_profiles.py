"""Profiles of entities and support centres on a phone and on a desktop: the contact comes
before the products and films on a phone, and stands beside the text on a wide screen."""

from __future__ import annotations

import pytest


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
