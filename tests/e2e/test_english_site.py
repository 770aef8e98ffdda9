"""End-to-end: the English pages of the real content (portal_english): every page in
English is declared so, links to its Polish counterpart and back, with symmetric hreflang
pairs; a profile shows its English fields and marks Polish text that has none."""

from __future__ import annotations

import re

from htmlscan import html_files, scan
from portal_content.validate import content_files, load
from portal_site import register_content
from sitebuild import ROOT

register_content()

ENTITIES = [load(p, k) for p, k in content_files(ROOT / "content") if k == "entity"]
OWES = [load(p, k) for p, k in content_files(ROOT / "content") if k == "owes"]
PRODUCTS = [
    load(p, k)
    for p, k in content_files({"PATH": ROOT / "content", "CATALOGUE_PATH": ROOT / "catalogue"})
    if k == "product"
]
SITE_ADDRESS = "https://wielkopolskaes.pl"


def html_lang(path) -> str:
    return re.search(r'<html lang="([a-z]+)"', path.read_text(encoding="utf-8")).group(1)


def alternates(page) -> dict[str, str]:
    return {
        link["hreflang"]: link["href"].removeprefix(SITE_ADDRESS)
        for link in page.all("link")
        if link.get("rel") == "alternate" and link.get("hreflang")
    }


def switch(page) -> str:
    return next(a["href"] for a in page.all("a") if "data-pl-language" in a)


def test_the_sample_has_english_for_every_entity_and_centre_and_half_the_products():
    assert all(r.meta.en and r.meta.en.summary and r.meta.en.offer for r in ENTITIES)
    assert all(r.meta.en and r.meta.en.name for r in OWES)
    assert len(PRODUCTS) > 30 and sum(bool(r.meta.en and r.meta.en.name) for r in PRODUCTS) * 2 >= len(
        PRODUCTS
    )


def test_english_pages_are_english_and_lead_to_their_counterparts_and_back(site):
    english = [p for p in html_files(site) if p.relative_to(site).parts[0] == "en"]
    assert len(english) >= 4 + 2 + len(ENTITIES) + len(OWES)
    for path in english:
        page = scan(path)
        here = "/" + path.relative_to(site).as_posix().removesuffix("index.html")
        assert html_lang(path) == "en", here
        pairs = alternates(page)
        assert pairs["en"] == here, here
        polish = site / pairs["pl"].lstrip("/") / "index.html"
        assert html_lang(polish) == "pl", pairs["pl"]
        # the switch leads to the counterpart, not to the home page, and the counterpart
        # declares the same pair (hreflang is symmetric) and switches back
        assert switch(page) == pairs["pl"], here
        back = scan(polish)
        assert alternates(back) == pairs and switch(back) == here, pairs["pl"]


def test_a_polish_page_without_english_offers_the_english_home(site):
    page = scan(site / "aktualnosci" / "index.html")
    assert alternates(page) == {} and switch(page) == "/en/"


def test_a_profile_shows_english_fields_and_marks_what_is_polish(site):
    record = next(r for r in ENTITIES if r.slug == "pyrlandia")
    html = (site / "en" / "directory" / "pyrlandia" / "index.html").read_text(encoding="utf-8")
    assert record.meta.en.summary in html and record.meta.en.offer in html
    assert "Catering and food service" in html  # the offer categories in English
    # no English name: the Polish one, marked as Polish
    assert f'<h1 class="pl-page-title"><span lang="pl">{record.meta.name}</span></h1>' in html
    assert 'lang="pl">spółdzielnia socjalna</span>' in html
    listed = {a.get("href") for a in scan(site / "en" / "directory" / "index.html").all("a")}
    assert {f"/en/directory/{r.slug}/" for r in ENTITIES} <= listed
    owes = scan(site / "en" / "support-centres" / "index.html")
    assert {f"/en/support-centres/{r.slug}/" for r in OWES} <= {a.get("href") for a in owes.all("a")}


def test_the_catalogue_in_english_gives_prices_in_pln_net_and_gross(site):
    on_offer = [r for r in PRODUCTS if r.meta.availability != "wycofany"]
    listed = {a.get("href") for a in scan(site / "en" / "catalogue" / "index.html").all("a")}
    assert {f"/en/catalogue/{r.slug}/" for r in on_offer} <= listed
    assert not (site / "en" / "catalogue" / "torba-papierowa-pyra").exists()  # withdrawn
    record = next(r for r in PRODUCTS if r.slug == "brelok-pyra")
    html = (site / "en" / "catalogue" / "brelok-pyra" / "index.html").read_text(encoding="utf-8")
    assert record.meta.en.name in html and record.meta.en.description in html
    net = f"PLN\u00a0{record.meta.price_net:,.2f}"
    assert f'<td class="pl-num">{net}</td>' in html and "gross includes 23% Polish VAT" in html
    untranslated = next(r for r in PRODUCTS if not r.meta.en and r.meta.availability != "wycofany")
    other = (site / "en" / "catalogue" / untranslated.slug / "index.html").read_text(encoding="utf-8")
    assert (
        f'<span lang="pl">{untranslated.meta.name}</span>' in other and "not been fully translated" in other
    )


def test_certificates_are_verified_in_english_too(site):
    html = (site / "en" / "certificate" / "ZP-2024-06" / "index.html").read_text(encoding="utf-8")
    assert 'data-status="expired"' in html and ">expired</strong> on the day this page was updated" in html
    polish = scan(site / "zakup-prospoleczny" / "certyfikat" / "ZP-2024-06" / "index.html")
    assert switch(polish) == "/en/certificate/ZP-2024-06/"
    valid = scan(site / "en" / "certificate" / "index.html")
    listed = {a["href"] for a in valid.all("a") if (a.get("href") or "").startswith("/en/certificate/ZP-")}
    assert listed and "/en/certificate/ZP-2024-06/" not in listed  # only those valid on the build date


def test_the_sitemap_lists_both_languages(site):
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    for address in ("/en/", "/en/directory/pyrlandia/", "/podmioty/pyrlandia/", "/en/support-centres/"):
        assert f"{SITE_ADDRESS}{address}</loc>" in sitemap, address
