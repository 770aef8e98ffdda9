"""End-to-end: the catalogue of the real catalogue/, its pages and downloads."""

from __future__ import annotations

import csv
import json
import re

import pytest
from htmlscan import scan
from PIL import Image
from portal_catalogue.model import gross
from portal_catalogue.schema import MATERIALS
from portal_content.validate import content_files, load
from portal_site import register_content
from portal_theme.filters import money_pl
from sitebuild import ROOT

register_content()
SETTINGS = {"PATH": ROOT / "content", "CATALOGUE_PATH": ROOT / "catalogue"}
PRODUCTS = [load(p, k) for p, k in content_files(SETTINGS) if k == "product"]


def test_sample_catalogue_is_big_and_varied():
    assert all(not isinstance(p, list) for p in PRODUCTS)
    assert len(PRODUCTS) >= 30
    assert len({p.meta.maker for p in PRODUCTS}) >= 6
    assert len({p.meta.category for p in PRODUCTS}) >= 6
    assert all(p.meta.sample and len(p.meta.photos) >= 2 for p in PRODUCTS)
    for product in PRODUCTS:
        for photo in product.meta.photos:
            with Image.open(product.path.parent / photo.src) as image:
                assert image.format == "JPEG" and max(image.size) >= 1800


@pytest.fixture(scope="module")
def downloads(site):
    with open(site / "dane" / "katalog.csv", encoding="utf-8-sig", newline="") as handle:
        rows = {r["id"]: r for r in csv.DictReader(handle)}
    document = json.loads((site / "dane" / "katalog.json").read_text(encoding="utf-8"))
    return rows, {p["id"]: p for p in document["produkty"]}, document


@pytest.mark.parametrize("record", PRODUCTS, ids=lambda r: r.slug)
def test_product_page_cards_and_downloads(site, downloads, record):
    meta = record.meta
    path = site / "katalog" / record.slug / "index.html"
    html = path.read_text(encoding="utf-8")
    page = scan(path)
    assert meta.name in page.text
    text = page.text  # the scanner folds non-breaking spaces into plain ones
    assert money_pl(meta.price_net).replace("\xa0", " ") in text
    assert money_pl(gross(meta.price_net, meta.vat)).replace("\xa0", " ") in text
    assert len([i for i in page.all("img") if i.get("alt") in {p.alt for p in meta.photos}]) == len(
        meta.photos
    )
    ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert ld["@type"] == "Product" and ld["name"] == meta.name and ld["sku"] == record.slug
    assert (
        ld["offers"]["priceCurrency"] == "PLN"
        and ld["offers"]["price"] == f"{gross(meta.price_net, meta.vat):.2f}"
    )
    assert ld["offers"]["eligibleQuantity"]["minValue"] == meta.min_order
    assert all(url.startswith("https://") and url.endswith(".jpg") for url in ld["image"])
    assert f"/podmioty/{meta.maker}/" in {a.get("href") for a in page.all("a")}
    href = f"/katalog/{record.slug}/"
    for listing in (
        "katalog/index.html",
        f"katalog/kategoria/{meta.category}/index.html",
        f"podmioty/{meta.maker}/index.html",
    ):
        assert href in {a.get("href") for a in scan(site / listing).all("a")}, listing
    rows, items, _ = downloads
    row, item = rows[record.slug], items[record.slug]
    expected = {
        "nazwa": meta.name,
        "kategoria": meta.category,
        "wytworca_id": meta.maker,
        "cena_netto": f"{meta.price_net:.2f}",
        "cena_brutto": f"{gross(meta.price_net, meta.vat):.2f}",
        "dostepnosc": meta.availability,
    }
    for key, value in expected.items():
        assert row[key] == value and item[key] == value, key
    assert int(row["minimalne_zamowienie"]) == item["minimalne_zamowienie"] == meta.min_order
    assert int(row["czas_realizacji_dni"]) == item["czas_realizacji_dni"] == meta.lead_time_days


def test_downloads_have_one_row_per_product(downloads):
    rows, items, document = downloads
    assert len(rows) == len(items) == document["liczba_produktow"] == len(PRODUCTS)
    assert list(document["kolumny"]) == list(next(iter(rows.values())))


def test_print_page_lists_every_product(site):
    text = scan(site / "katalog" / "druk" / "index.html").text
    assert all(r.meta.name in text for r in PRODUCTS)
    assert "Kubek „Gzik”" in text


def test_catalogue_cards_carry_every_facet(site):
    page = scan(site / "katalog" / "index.html")
    cards = [attrs for tag, attrs in page.tags if tag == "li" and attrs.get("class") == "pl-product-card"]
    assert len(cards) == len(PRODUCTS)
    for card in cards:
        for facet in (
            "kategoria",
            "wytworca",
            "subregion",
            "cena",
            "ceny",
            "min",
            "czas",
            "personalizacja",
            "upcykling",
        ):
            assert card.get(f"data-{facet}"), facet
        # materials as the vocabulary's groups; food has ingredients instead, in no group
        assert bool(card.get("data-materialy")) == (card["data-kategoria"] != "zywnosc")
        assert set(filter(None, card["data-materialy"].split("|"))) <= set(MATERIALS)
        # the tiers as the filter reads them: the first at the minimum order
        assert card["data-ceny"].split(" ")[0].split(":")[0] == card["data-min"]
