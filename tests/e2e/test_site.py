"""End-to-end: the real content/ built into a temporary folder, checked page by page."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest
from htmlscan import broken_links, check_structured_data, html_files, scan
from portal_content.schema import CATEGORIES
from portal_content.validate import content_files, load
from sitebuild import ROOT, build_in_process, copy_fixture_site

NEWS = [p for p, kind in content_files(ROOT / "content") if kind == "news"]
PAGES = [p for p, kind in content_files(ROOT / "content") if kind == "page"]


def record(path, kind="news"):
    result = load(path, kind)
    assert not isinstance(result, list), result
    return result


def test_sample_content_is_big_enough():
    records = [record(p) for p in NEWS]
    assert len(records) >= 15
    assert {r.meta.category for r in records} == set(CATEGORIES)
    assert len({r.meta.date.year for r in records}) >= 3
    assert sum(1 for r in records if r.meta.image) >= 10


@pytest.mark.parametrize("path", NEWS, ids=lambda p: p.stem)
def test_every_news_item_has_its_page(site, path):
    rec = record(path)
    page = site / "aktualnosci" / str(rec.meta.date.year) / rec.slug / "index.html"
    assert page.is_file()
    scanned = scan(page)
    assert rec.meta.title in scanned.text
    tag_links = {a.get("href") for a in scanned.all("a") if a.get("class") == "pl-tag"}
    assert len(tag_links) == len(rec.meta.tags)
    assert all((site / href.lstrip("/") / "index.html").is_file() for href in tag_links)
    if rec.meta.image:
        img = [i for i in scanned.all("img") if i.get("alt") == rec.meta.image.alt]
        assert img and img[0]["width"] and img[0]["height"] and img[0]["srcset"]
        stem = rec.meta.image.src.rsplit("/", 1)[-1].removesuffix(".jpg")
        own = [s for s in scanned.all("source") if f"/obrazy/{stem}-" in s.get("srcset", "")]
        assert sorted(s.get("type") for s in own) == ["image/avif", "image/webp"]
    if rec.meta.sample:
        assert "Treść przykładowa" in scanned.text


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.stem)
def test_every_page_has_its_page(site, path):
    rec = record(path, "page")
    page = scan(site / rec.slug / "index.html")
    assert rec.meta.title in page.text
    if rec.meta.placeholder:
        assert "Sekcja w przygotowaniu" in page.text


def test_news_listing_paginates_and_archives_exist(site):
    total = len(NEWS)
    pages = -(-total // 10)
    assert (site / "aktualnosci" / "index.html").is_file()
    for number in range(2, pages + 1):
        assert (site / "aktualnosci" / "strona" / str(number) / "index.html").is_file()
    assert not (site / "aktualnosci" / "strona" / str(pages + 1)).exists()
    listed = sum(
        len(scan(p).all("article"))
        for p in [site / "aktualnosci" / "index.html"]
        + list((site / "aktualnosci" / "strona").rglob("index.html"))
    )
    assert listed == total
    for year in {record(p).meta.date.year for p in NEWS}:
        assert (site / "aktualnosci" / str(year) / "index.html").is_file()
    assert (site / "aktualnosci" / "archiwum" / "index.html").is_file()
    for slug in CATEGORIES:
        assert (site / "aktualnosci" / "kategoria" / slug / "index.html").is_file()


def test_feeds_are_valid_atom(site):
    ns = {"a": "http://www.w3.org/2005/Atom"}
    main = ET.parse(site / "feeds" / "aktualnosci.atom.xml").getroot()
    assert len(main.findall("a:entry", ns)) == min(20, len(NEWS))
    for slug in CATEGORIES:
        feed = ET.parse(site / "feeds" / f"kategoria-{slug}.atom.xml").getroot()
        expected = sum(1 for p in NEWS if record(p).meta.category == slug)
        assert len(feed.findall("a:entry", ns)) == expected
        for entry in feed.findall("a:entry", ns):
            href = entry.find("a:link", ns).get("href")
            assert (site / href.lstrip("/") / "index.html").is_file(), href


def test_every_page_follows_the_house_rules(site):
    files = html_files(site)
    assert len(files) > 50
    for path in files:
        page = scan(path)
        html = path.read_text(encoding="utf-8")
        where = path.relative_to(site)
        lang = "en" if str(where).startswith("en/") else "pl"  # /en/: portal_english
        assert html.startswith(f'<!DOCTYPE html>\n<html lang="{lang}"'), where
        assert len(page.all("h1")) == 1, where
        assert page.all("main") and page.all("main")[0].get("id") == "tresc", where
        assert page.all("a")[0].get("href") == "#tresc", where  # skip link comes first
        assert page.inline_scripts == 0, where
        assert not page.all("style"), where
        assert not any("style" in attrs for _, attrs in page.tags), where
        assert not re.search(r"\son[a-z]+=", html), where  # no inline event handlers
        for tag, attribute in (("script", "src"), ("link", "href"), ("img", "src"), ("source", "srcset")):
            for attrs in page.all(tag):
                value = attrs.get(attribute) or ""
                if tag == "link" and attrs.get("rel") in ("alternate", "canonical"):
                    continue
                assert not value.startswith(("http:", "https:", "//")), (where, value)


def test_structured_data_is_valid_json_with_known_schema_org_types(site):
    check_structured_data(site)  # the published build: tests/e2e/test_publish.py


def test_no_broken_internal_links_or_resources(site):
    checked, broken = broken_links(site)
    assert checked > 5000
    assert broken == []


def test_navigation_marks_the_current_section(site):
    def current(page):
        return {
            a.get("href"): a.get("aria-current")
            for a in scan(page).all("a")
            if a.get("class") == "pl-nav__link" and a.get("aria-current")
        }

    assert current(site / "aktualnosci" / "index.html") == {"/aktualnosci/": "page"}
    article = next((site / "aktualnosci" / "2025").glob("*/index.html"))
    assert current(article) == {"/aktualnosci/": "true"}
    assert current(site / "kontakt" / "index.html") == {"/kontakt/": "page"}
    assert current(site / "index.html") == {}


def test_polish_dates_on_articles(site):
    page = scan(site / "aktualnosci" / "2025" / "gala-zakup-prospoleczny-2025" / "index.html")
    assert "Opublikowano 20 listopada 2025" in page.text
    assert page.all("time")[0]["datetime"] == "2025-11-20T19:00:00"


def test_accessibility_statement_has_every_required_id(site):
    page = scan(site / "deklaracja-dostepnosci" / "index.html")
    required = {
        "a11y-wstep",
        "a11y-podmiot",
        "a11y-url",
        "a11y-data-publikacja",
        "a11y-data-aktualizacja",
        "a11y-status",
        "a11y-data-sporzadzenie",
        "a11y-ocena",
        "a11y-kontakt",
        "a11y-osoba",
        "a11y-email",
        "a11y-telefon",
        "a11y-procedura",
        "a11y-architektura",
    }
    assert required <= page.ids()
    html = (site / "deklaracja-dostepnosci" / "index.html").read_text()
    for element in ("a11y-data-publikacja", "a11y-data-aktualizacja", "a11y-data-sporzadzenie"):
        assert re.search(
            rf'id="{element}" datetime="\d{{4}}-\d{{2}}-\d{{2}}">\d{{4}}-\d{{2}}-\d{{2}}<', html
        ), element


def test_eu_sign_bar_and_footer(site):
    page = scan(site / "index.html")
    signs = [i for i in page.all("img") if "pl-eu-bar__sign" in (i.get("class") or "")]
    assert 1 <= len(signs) <= 4 and all(s.get("alt") for s in signs)
    assert "61 856 73 43" in page.text and "Dział Koordynacji Integracji Społecznej" in page.text
    hrefs = {a.get("href") for a in page.all("a")}
    assert {"/deklaracja-dostepnosci/", "/polityka-prywatnosci/"} <= hrefs


def attribute_names(html: str) -> set[str]:
    """The names of every attribute of every element of a page, as a browser parses it."""
    names: set[str] = set()

    class Collect(HTMLParser):
        def handle_starttag(self, tag, attrs):
            names.update(name for name, _ in attrs)

    Collect().feed(html)
    return names


def test_templates_escape_content_fields(tmp_path):
    content = copy_fixture_site("ok-minimal", tmp_path)
    evil = content / "aktualnosci" / "zly.md"
    evil.write_text(
        '---\ntitle: "<script>alert(1)</script> tytuł"\ndate: 2026-01-12\ncategory: Promocja\n'
        'summary: "<img src=x onerror=alert(2)> streszczenie"\ntags: ["<b>tag</b>"]\n'
        "image:\n  src: images/foto.jpg\n  alt: '\" onload=\"alert(3)'\n---\nTreść.\n",
        encoding="utf-8",
    )
    result = build_in_process(content, tmp_path / "output", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    for path in html_files(tmp_path / "output"):
        html = path.read_text(encoding="utf-8")
        assert "<script>alert" not in html and "<img src=x" not in html and "<b>tag</b>" not in html, path
        # no element carries an event attribute (the text itself may say "onerror=", escaped)
        assert not [name for name in attribute_names(html) if name.startswith("on")], path
    article = (tmp_path / "output" / "aktualnosci" / "2026" / "zly" / "index.html").read_text()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; tytuł" in article


REFERENCE = ROOT / "tests" / "e2e" / "reference"
REFERENCE_PAGES = {
    "home.html": "index.html",
    "news-list.html": "aktualnosci/index.html",
    "article.html": "aktualnosci/2025/gala-zakup-prospoleczny-2025/index.html",
    "category.html": "aktualnosci/kategoria/promocja/index.html",
    "accessibility-statement.html": "deklaracja-dostepnosci/index.html",
    "directory.html": "podmioty/index.html",
    "entity.html": "podmioty/pyrlandia/index.html",
    "owes.html": "owes/owes-pilski/index.html",
    "catalogue.html": "katalog/index.html",
    "product.html": "katalog/fartuch-gzik/index.html",
}


@pytest.mark.parametrize("name", sorted(REFERENCE_PAGES))
def test_reference_pages(site, name):
    """Compare with saved HTML; `make reference` refreshes it after a deliberate change."""
    import os

    built = (site / REFERENCE_PAGES[name]).read_text(encoding="utf-8")
    saved = REFERENCE / name
    if os.environ.get("PORTAL_UPDATE_REFERENCE"):
        REFERENCE.mkdir(exist_ok=True)
        saved.write_text(built, encoding="utf-8")
    assert built == saved.read_text(encoding="utf-8"), (
        f"{name} differs; run `make reference` if the change is intended"
    )


def test_contact_page_gives_each_way_of_contact_on_its_own_line(site):
    html = (site / "kontakt" / "index.html").read_text(encoding="utf-8")
    items = [re.sub(r"<[^>]+>|\s+", " ", item).split() for item in re.findall(r"<li>(.*?)</li>", html, re.S)]
    lines = {" ".join(words) for words in items}
    assert "Adres: ul. Feliksa Nowowiejskiego 11, 61-731 Poznań" in lines
    assert "Telefon: 61 856 73 43" in lines and "E-mail: es@rops.poznan.pl" in lines
    hrefs = {a.get("href") for a in scan(site / "kontakt" / "index.html").all("a")}
    assert {"tel:+48618567343", "mailto:es@rops.poznan.pl", "/owes/", "/podmioty/"} <= hrefs
    # every support centre's contact, from its profile
    assert sum(href.startswith("/owes/owes-") for href in hrefs) == 5
    assert sum(line.startswith("Telefon: ") for line in lines) >= 5


def test_the_404_page_has_a_search_box_and_the_main_sections(site):
    page = scan(site / "404.html")
    assert [f.get("action") for f in page.all("form")] == ["/szukaj/", "/szukaj/"]  # the header's and its own
    assert any(i.get("id") == "szukaj-404" and i.get("name") == "q" for i in page.all("input"))
    hrefs = {a.get("href") for a in page.all("a")}
    sections = {
        "/podmioty/",
        "/owes/",
        "/katalog/",
        "/zakup-prospoleczny/",
        "/wydarzenia/",
        "/filmy/",
        "/mapa-strony/",
    }
    assert sections <= hrefs


def test_film_cards_show_a_play_cue_with_the_duration(site):
    html = (site / "filmy" / "index.html").read_text(encoding="utf-8")
    cards = html.count('<li class="pl-film-card"')
    cues = re.findall(r'<span class="pl-film-card__play" aria-hidden="true">▶ (\d+:\d\d)</span>', html)
    assert cards > 0 and len(cues) == cards


def test_news_without_a_photo_keep_their_place_in_a_list(site):
    """Every card of a news list has its media slot: a photo, or an empty block of the same
    size on wider screens (portal.css), so the titles line up."""
    for page in sorted((site / "aktualnosci").glob("**/index.html")):
        html = page.read_text(encoding="utf-8")
        assert html.count('<article class="pl-news-card">') == html.count(
            '<div class="pl-news-card__media'
        ), page
    html = "".join(p.read_text(encoding="utf-8") for p in (site / "aktualnosci").glob("**/index.html"))
    assert "pl-news-card__media--none" in html  # the sample content has news without photos
