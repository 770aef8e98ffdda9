"""End-to-end: the easy-to-read section of the real content (portal_etr): its pages, the
"W prostych słowach" summaries and their own pages, the header's links (easy-to-read and
sign language) on every page."""

from __future__ import annotations

from htmlscan import html_files, scan
from portal_content.validate import content_files, load
from portal_etr.generator import paragraphs
from portal_etr.plugin import SUMMARY_KINDS, notices
from portal_site import register_content
from sitebuild import ROOT

register_content()

RECORDS = [load(p, k) for p, k in content_files(ROOT / "content") if k in (*SUMMARY_KINDS, "etr")]
PAGES = sorted((r for r in RECORDS if r.kind == "etr"), key=lambda r: r.meta.order)
SUMMARISED = [r for r in RECORDS if r.kind != "etr" and r.meta.etr]


def test_the_sample_easy_to_read_text_keeps_the_rules():
    assert len(PAGES) >= 5 and {r.kind for r in SUMMARISED} == set(SUMMARY_KINDS)
    assert notices(RECORDS, {"PATH": str(ROOT / "content")}) == []


def test_every_page_links_to_easy_to_read_text_and_sign_language_from_its_header(site):
    pages = [p for p in html_files(site) if p.name == "index.html"]
    assert len(pages) > 500
    for path in pages:
        links = [a for a in scan(path).all("a") if a.get("class") == "pl-header__access-link"]
        assert [a["href"] for a in links][:2] == ["/tekst-latwy/", "/pjm/"], path  # then the language switch


def test_the_section_lists_its_pages_in_order_and_every_summary(site):
    index = scan(site / "tekst-latwy" / "index.html")
    hrefs = [a.get("href") for a in index.all("a")]
    pages = [h for h in hrefs if h and h.startswith("/tekst-latwy/") and h != "/tekst-latwy/"]
    assert pages[: len(PAGES)] == [f"/tekst-latwy/{r.slug}/" for r in PAGES]
    for record in PAGES:
        page = scan(site / "tekst-latwy" / record.slug / "index.html")
        assert record.meta.title in page.text
    html = (site / "tekst-latwy" / "pomoc-rops" / "index.html").read_text(encoding="utf-8")
    assert "Regionalny Ośrodek Polityki Społecznej jest w Poznaniu.<br>\nW skrócie ROPS.</p>" in html


def url_of(record) -> str:
    """The item's address (pelicanconf.py's ENTITY_URL, OWES_URL, FILM_URL, EVENT_URL,
    ARTICLE_URL), from the file's place."""
    folder = {
        "entity": "podmioty",
        "owes": "owes",
        "film": "filmy",
        "event": "wydarzenia",
        "news": "aktualnosci",
    }
    year = f"{record.path.parent.name}/" if record.kind in ("event", "news") else ""
    return f"{folder[record.kind]}/{year}{record.slug}/"


def test_each_summary_is_on_its_item_and_on_a_page_of_its_own(site):
    index = {a.get("href") for a in scan(site / "tekst-latwy" / "index.html").all("a")}
    for record in SUMMARISED:
        url = url_of(record)
        html = (site / url / "index.html").read_text(encoding="utf-8")
        expected = str(paragraphs(record.meta.etr))
        assert 'id="w-prostych-slowach">W prostych słowach</h2>' in html and expected in html, url
        short = site / url / "tekst-latwy" / "index.html"
        short_html = short.read_text(encoding="utf-8")
        assert expected in short_html and f'href="/{url}"' in short_html
        assert f"/{url}tekst-latwy/" in index
