"""End-to-end: the knowledge library (/wiedza/) of the real content - the sample is varied,
every publication has its page with citation data and its files (copied whole, described
by kind, pages and size), the listing and the pages by type, the feed, the powiats' pages
list their diagnoses, and the accessibility statement lists exactly the files that are not
fully accessible."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections import Counter

import pytest
from htmlscan import scan
from portal_content.validate import content_files, load
from portal_directory.region import load_region
from portal_publications import documents
from portal_publications.schema import PUBLICATION_TYPES
from portal_site import register_content
from sitebuild import ROOT

register_content()
REGION, _ = load_region(ROOT / "content")
PUBLICATIONS = [load(p, k) for p, k in content_files(ROOT / "content") if k == "publication"]


def facts(record):
    return [documents.inspect(ROOT / "content" / f.document) for f in record.meta.files]


def test_the_sample_library_is_varied():
    assert len(PUBLICATIONS) >= 20 and all(r.meta.sample for r in PUBLICATIONS)
    assert len(Counter(r.meta.type for r in PUBLICATIONS)) == len(PUBLICATION_TYPES)
    kinds = Counter(f.kind for r in PUBLICATIONS for f in facts(r))
    assert kinds["PDF"] >= 18 and kinds["ODT"] >= 1
    pdfs = [f for r in PUBLICATIONS for f in facts(r) if f.kind == "PDF"]
    assert any(f.tagged for f in pdfs) and any(not f.tagged for f in pdfs)
    assert any(f.title is None for f in pdfs)
    assert {r.meta.date.year for r in PUBLICATIONS} >= {2024, 2025, 2026}
    assert any(r.meta.language == "en" for r in PUBLICATIONS)


@pytest.mark.parametrize("record", PUBLICATIONS, ids=lambda r: r.slug)
def test_a_publication_page_has_its_summary_files_and_citation_data(site, record):
    meta = record.meta
    path = site / "wiedza" / record.slug / "index.html"
    page = scan(path)
    html = path.read_text(encoding="utf-8")
    assert meta.title in page.text
    first = record.doc.body.strip().split("\n\n")[0]
    assert " ".join(first.split()) in " ".join(page.text.split())
    ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert ld["name"] == meta.title and ld["datePublished"] == meta.date.isoformat()
    assert ld["@type"] in ("Report", "CreativeWork") and ld["inLanguage"] == meta.language
    assert [a["name"] for a in ld["author"]] == list(meta.authors)
    assert f'<meta name="citation_title" content="{meta.title}">' in html.replace("&#34;", '"')
    assert f'<meta name="citation_publication_date" content="{meta.date:%Y/%m/%d}">' in html
    hrefs = {a.get("href") for a in page.all("a")}
    for item, found in zip(meta.files, facts(record), strict=True):
        name = item.document.rsplit("/", 1)[1]
        assert f"/wiedza/pliki/{name}" in hrefs
        assert (site / "wiedza" / "pliki" / name).read_bytes() == (
            ROOT / "content" / item.document
        ).read_bytes()
        assert found.kind in page.text and found.size_label in page.text
        if found.pages:
            assert re.search(rf"\b{found.pages} stron", page.text)
        assert ("Ten plik nie jest w pełni dostępny" in page.text) or not found.shortcomings
    if meta.area:
        for powiat in meta.area.powiaty:
            assert f"/podmioty/powiat/{REGION.powiat(powiat).slug}/" in hrefs
        for gmina in meta.area.gminy:
            assert f"/podmioty/{REGION.gmina(gmina).path}" in hrefs


def test_the_listing_and_the_pages_by_type_hold_every_publication(site):
    listing = scan(site / "wiedza" / "index.html")
    hrefs = [a.get("href") for a in listing.all("a")]
    for record in PUBLICATIONS:
        assert f"/wiedza/{record.slug}/" in hrefs
    cards = [
        attrs for tag, attrs in listing.tags if tag == "li" and attrs.get("class") == "pl-publication-card"
    ]
    assert len(cards) == len(PUBLICATIONS)
    assert all(card["data-rodzaj"] in PUBLICATION_TYPES and card["data-rok"].isdigit() for card in cards)
    for kind in PUBLICATION_TYPES:
        page = scan(site / "wiedza" / "rodzaj" / kind / "index.html")
        listed = {a.get("href") for a in page.all("a")}
        members = {f"/wiedza/{r.slug}/" for r in PUBLICATIONS if r.meta.type == kind}
        others = {f"/wiedza/{r.slug}/" for r in PUBLICATIONS if r.meta.type != kind}
        assert members <= listed and not (others & listed), kind
        assert f"/wiedza/rodzaj/{kind}/" in hrefs


def test_the_feed_lists_the_newest_publications(site):
    root = ET.parse(site / "wiedza" / "kanal.atom.xml").getroot()
    atom = "{http://www.w3.org/2005/Atom}"
    titles = [entry.find(f"{atom}title").text for entry in root.iter(f"{atom}entry")]
    newest = sorted(PUBLICATIONS, key=lambda r: (r.meta.date, r.slug), reverse=True)
    assert titles == [r.meta.title for r in newest][: len(titles)] and len(titles) == len(PUBLICATIONS)


def test_powiat_pages_list_the_diagnoses_about_them(site):
    for powiat in REGION.powiaty:
        about = {
            f"/wiedza/{r.slug}/"
            for r in PUBLICATIONS
            if r.meta.area
            and (
                any(REGION.powiat(p) is powiat for p in r.meta.area.powiaty)
                or any(REGION.gmina(g).powiat is powiat for g in r.meta.area.gminy)
            )
        }
        page = scan(site / "podmioty" / "powiat" / powiat.slug / "index.html")
        listed = {a.get("href") for a in page.all("a") if (a.get("href") or "").startswith("/wiedza/")}
        listed.discard("/wiedza/")  # the footer's link to the library
        assert listed == about, powiat.slug


def test_gmina_pages_list_the_diagnoses_about_them(site):
    concerned = {REGION.gmina(g) for r in PUBLICATIONS if r.meta.area for g in r.meta.area.gminy}
    assert len(concerned) >= 5
    for gmina in REGION.gminy:
        if gmina.powiat.type == "grodzki":
            continue  # its page is its powiat's, tested above
        about = {
            f"/wiedza/{r.slug}/"
            for r in PUBLICATIONS
            if r.meta.area and any(REGION.gmina(g) is gmina for g in r.meta.area.gminy)
        }
        page = scan(site / "podmioty" / gmina.path / "index.html")
        listed = {a.get("href") for a in page.all("a") if (a.get("href") or "").startswith("/wiedza/")}
        listed.discard("/wiedza/")
        assert listed == about, gmina.slug


def test_the_accessibility_statement_lists_exactly_the_files_not_fully_accessible(site):
    page = scan(site / "deklaracja-dostepnosci" / "index.html")
    html = (site / "deklaracja-dostepnosci" / "index.html").read_text(encoding="utf-8")
    section = html[html.index('id="niedostepne-dokumenty"') :]
    section = section[: section.index("</ul>")]
    expected = {
        item.document.rsplit("/", 1)[1]
        for record in PUBLICATIONS
        for item, found in zip(record.meta.files, facts(record), strict=True)
        if found.shortcomings
    }
    assert expected  # the sample has some
    assert set(re.findall(r"plik ([\w.-]+):", section)) == expected
    assert "PDF bez znaczników struktury" in page.text
