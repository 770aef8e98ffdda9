"""End-to-end: the film library, film pages, embeds in news, pages and profiles."""

from __future__ import annotations

import json
import re

import pytest
from htmlscan import scan
from portal_content.validate import content_files, load
from portal_site import register_content
from sitebuild import ROOT

register_content()
FILMS = [load(p, k) for p, k in content_files({"PATH": ROOT / "content"}) if k == "film"]


def test_sample_films():
    assert len(FILMS) >= 6
    assert any(f.meta.provider == "local" for f in FILMS)
    assert {f.meta.provider for f in FILMS} == {"youtube", "vimeo", "local"}
    assert all(f.meta.sample for f in FILMS)


@pytest.mark.parametrize("record", FILMS, ids=lambda r: r.slug)
def test_film_page(site, record):
    path = site / "filmy" / record.slug / "index.html"
    html = path.read_text(encoding="utf-8")
    page = scan(path)
    assert record.meta.title in page.text and "Transkrypcja" in page.text
    for line in record.doc.body.splitlines():
        words = re.sub(r"[*\[\]]", "", line).strip()
        if words:
            assert words.split(":")[-1].strip()[:40] in page.text
    ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert (
        ld["@type"] == "VideoObject" and ld["name"] == record.meta.title and ld["duration"].startswith("PT")
    )
    assert "<iframe" not in html  # nothing from the host before a click
    if record.meta.provider == "local":
        assert 'preload="none"' in html and '<track kind="captions"' in html
        assert (site / "filmy" / "pliki" / "minuta-w-szwalni.pl.vtt").read_text().startswith("WEBVTT")
    else:
        assert f'href="/filmy/{record.slug}/#transkrypcja"' in html
    for entity in record.meta.entities:
        profile = (site / "podmioty" / entity / "index.html").read_text(encoding="utf-8")
        assert f'href="/filmy/{record.slug}/"' in profile


def test_embeds_render_players(site):
    for path in (
        "aktualnosci/2025/gala-zakup-prospoleczny-2025/index.html",
        "o-ekonomii-spolecznej/index.html",
        "podmioty/kgw-czarnkowianki/index.html",
    ):
        html = (site / path).read_text(encoding="utf-8")
        assert '<figure class="pl-film" data-pagefind-ignore' in html and "[film:" not in html, path
    edition = (site / "zakup-prospoleczny" / "edycja-2025" / "index.html").read_text(encoding="utf-8")
    assert 'href="/filmy/gala-zakup-prospoleczny-2025/"' in edition


def test_library_lists_every_film(site):
    page = scan(site / "filmy" / "index.html")
    hrefs = {a.get("href") for a in page.all("a")}
    assert {f"/filmy/{r.slug}/" for r in FILMS} <= hrefs


def test_the_sign_language_section_and_the_films_in_pjm(site):
    """/pjm/ (linked from every page's header, tests/e2e/test_etr_site.py) plays the film
    about the portal and ROPS with Polish captions; /filmy/pjm/ lists exactly the films a
    reader of Polish Sign Language can follow, the library marks them for its filter."""
    signed = {f.slug for f in FILMS if f.meta.language == "pjm" or f.meta.pjm_interpreter}
    with_pjm = signed | {f.slug for f in FILMS if f.meta.pjm_version}
    assert "portal-w-pjm" in signed and len(with_pjm) >= 2
    html = (site / "pjm" / "index.html").read_text(encoding="utf-8")
    assert '<source src="/filmy/pliki/portal-w-pjm.webm"' in html
    assert '<track kind="captions" src="/filmy/pliki/portal-w-pjm.pl.vtt" srclang="pl"' in html
    assert 'href="/filmy/portal-w-pjm/#transkrypcja"' in html or 'href="/filmy/portal-w-pjm/"' in html
    listed = {
        a["href"].split("/")[2]
        for a in scan(site / "filmy" / "pjm" / "index.html").all("a")
        if re.fullmatch(r"/filmy/[^/]+/", a.get("href") or "") and a["href"] != "/filmy/pjm/"
    }
    assert listed == with_pjm
    library = scan(site / "filmy" / "index.html")
    cards = [attrs for tag, attrs in library.tags if tag == "li" and attrs.get("class") == "pl-film-card"]
    assert sum(card["data-pjm"] == "1" for card in cards) == len(with_pjm)
