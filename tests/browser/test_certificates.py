"""Badges in Chromium: the reader's clock switches them, text says it, filters use them."""

from __future__ import annotations

import datetime as dt

from playwright.sync_api import expect
from portal_content.validate import content_files, load
from portal_site import register_content
from sitebuild import ROOT

register_content()
EDITIONS = [load(p, k) for p, k in content_files({"PATH": ROOT / "content"}) if k == "edition"]


def test_badges_switch_to_expired_by_the_readers_clock(browser, server):
    # the site was built on 2026-11-27; the 2025 certificates end on 2026-12-31
    context = browser.new_context()
    page = context.new_page()
    page.clock.set_fixed_time(dt.datetime(2027, 1, 5, 12, 0))
    page.goto(server + "/zakup-prospoleczny/certyfikat/ZP-2025-02/")
    badge = page.locator("[data-pl-cert]").first
    assert "pl-cert--expired" in badge.get_attribute("class")
    assert badge.locator("[data-pl-cert-status]").text_content() == "wygasł (według daty w Twoim urządzeniu)"
    assert (
        page.locator("[data-pl-cert-status-page]").text_content() == "wygasł (według daty w Twoim urządzeniu)"
    )
    page.goto(server + "/zakup-prospoleczny/")
    statuses = page.locator(".pl-cert--expired [data-pl-cert-status]").all_text_contents()
    expiring_2025 = sum(1 for e in EDITIONS if e.meta.year == 2025 for c in e.meta.certificates)
    assert len(statuses) == expiring_2025  # every 2025 badge on the page, none of the 2026 ones
    # the English verification page says it in English
    page.goto(server + "/en/certificate/ZP-2025-02/")
    assert page.locator("[data-pl-cert-status-page]").text_content() == "expired (by the date on your device)"
    context.close()


def test_badges_as_built_on_the_build_day(browser, server):
    context = browser.new_context()
    page = context.new_page()
    page.clock.set_fixed_time(dt.datetime(2026, 11, 27, 12, 0))
    page.goto(server + "/zakup-prospoleczny/certyfikat/ZP-2025-02/")
    assert page.locator("[data-pl-cert-status]").first.text_content() == "ważny, wygasa wkrótce"
    assert page.locator("[data-pl-cert-status-page]").text_content() == "ważny, wygasa wkrótce"
    context.close()


def test_badges_say_their_status_in_words(context, server):
    page = context.new_page()
    page.goto(server + "/podmioty/pracownia-pod-kasztanami/")
    texts = page.locator(".pl-cert").all_inner_texts()
    assert any("Zakup Prospołeczny 2026" in t and "ważny" in t for t in texts)
    assert any("Zakup Prospołeczny 2024" in t and "wygasł" in t for t in texts)
    # current first, history below
    assert texts.index(next(t for t in texts if "2026" in t)) < texts.index(
        next(t for t in texts if "2024" in t)
    )


def test_certified_now_filters(context, server):
    page = context.new_page()
    page.goto(server + "/podmioty/")
    page.get_by_label("z ważnym certyfikatem Zakup Prospołeczny").check()
    cards = page.locator(".pl-entity-card:visible")
    assert cards.count() == cards.locator(".pl-cert").count() > 0
    assert "certyfikat=1" in page.url
    page.goto(server + "/katalog/?certyfikat=1")
    products = page.locator(".pl-product-card:visible")
    assert products.count() == products.locator(".pl-cert").count() > 0


def test_copy_badge_code(browser, server):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(server + "/zakup-prospoleczny/certyfikat/ZP-2026-01/")
    page.get_by_role("button", name="Kopiuj kod").click()
    # the clipboard answers asynchronously: wait for the message instead of looking once
    expect(page.get_by_role("status").filter(has_text="Skopiowano")).to_have_count(1)
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith(f'<a href="{server}/zakup-prospoleczny/certyfikat/ZP-2026-01/"><img src=')
    context.close()
