"""The production build (`make publish`): every page checked for what a public site needs.

Fingerprinted and minified assets, .gz/.br copies, sitemap and robots, share previews,
structured data and the search index; and two builds of one commit are byte-identical.
"""

from __future__ import annotations

import filecmp
import gzip
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import brotli
from htmlscan import broken_links, check_structured_data, html_files, scan
from PIL import Image
from portal_publish import finishing
from sitebuild import CMS_HOST, ROOT, run_build

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def noindex(page) -> bool:
    return any(m.get("name") == "robots" and "noindex" in (m.get("content") or "") for m in page.all("meta"))


def meta_of(page) -> dict[str, str]:
    found = {}
    for attrs in page.all("meta"):
        key = attrs.get("property") or attrs.get("name")
        if key:
            found[key] = attrs.get("content") or ""
    return found


def test_assets_are_fingerprinted_and_every_reference_resolves(published):
    css = sorted(p.name for p in (published.output / "theme" / "css").glob("*.css"))
    js = sorted(p.name for p in (published.output / "theme" / "js").glob("*.js"))
    assert css and js
    assert all(re.fullmatch(r"[a-z0-9-]+\.[0-9a-f]{10}\.(css|js)", name) for name in css + js)
    assert not (published.output / "theme" / "css" / "portal.css").exists()
    checked, broken = broken_links(published.output, published.url)
    assert checked > 5000
    assert broken == []


def test_links_within_the_site_spell_out_its_address(published):
    # the README promises absolute URLs; cards, breadcrumbs and pagination are macros that
    # see only the template globals, where the address was once missing
    root_relative = re.compile(r'(?:href|src|srcset|content|data-url)=["\']?/(?!/)')
    pages = html_files(published.output)
    assert len(pages) > 250
    offenders = [
        str(p.relative_to(published.output)) for p in pages if root_relative.search(p.read_text("utf-8"))
    ]
    assert offenders == []
    home = (published.output / "index.html").read_text(encoding="utf-8")
    assert re.search(f'class="?pl-news-card__link"? href="?{re.escape(published.url)}/aktualnosci/', home)


def test_html_css_and_js_are_minified(published):
    for relative in (
        "index.html",
        "katalog/index.html",
        "aktualnosci/2025/gala-zakup-prospoleczny-2025/index.html",
    ):
        text = (published.output / relative).read_text(encoding="utf-8")
        assert "\n  <" not in text and text.count("\n") < 20, relative  # no indentation left
        assert finishing.minify_page(text) == text, relative  # nothing more to take out
    (stylesheet,) = (published.output / "theme" / "css").glob("portal.*.css")
    assert stylesheet.stat().st_size < (ROOT / "theme" / "static" / "css" / "portal.css").stat().st_size * 0.9


def test_text_files_have_gzip_and_brotli_copies_of_the_same_bytes(published):
    admin = published.output / "admin"  # the CMS: gzip only (brotli of 6 MB would cost a minute)
    texts = [p for p in published.output.rglob("*") if p.suffix in {".html", ".css", ".js", ".xml", ".json"}]
    big = [p for p in texts if p.stat().st_size >= 512 and admin not in p.parents]
    assert all(gzip.decompress(Path(f"{p}.gz").read_bytes()) == p.read_bytes() for p in admin.glob("*.js"))
    assert len(big) > 250
    for path in big:
        data = path.read_bytes()
        assert gzip.decompress(Path(f"{path}.gz").read_bytes()) == data, path
        assert brotli.decompress(Path(f"{path}.br").read_bytes()) == data, path
    home = published.output / "index.html"
    assert Path(f"{home}.br").stat().st_size < Path(f"{home}.gz").stat().st_size < home.stat().st_size / 3


def test_feeds_are_absolute(published):
    ns = {"a": "http://www.w3.org/2005/Atom"}
    feed = ET.parse(published.output / "feeds" / "aktualnosci.atom.xml").getroot()
    links = [e.find("a:link", ns).get("href") for e in feed.findall("a:entry", ns)]
    assert len(links) >= 10 and all(link.startswith(published.url + "/aktualnosci/") for link in links)


def test_sitemap_lists_every_indexable_page_and_robots_points_to_it(published):
    root = ET.parse(published.output / "sitemap.xml").getroot()
    locations = [e.findtext("s:loc", namespaces=SITEMAP_NS) for e in root.findall("s:url", SITEMAP_NS)]
    assert len(locations) == len(set(locations))
    pages = set()
    for path in html_files(published.output):
        relative = path.relative_to(published.output).as_posix()
        if noindex(scan(path)):
            continue  # marked noindex: a gmina with nothing of its own yet
        pages.add(published.url + "/" + relative.removesuffix("index.html"))
    assert set(locations) == pages and len(pages) > 300
    dated = {
        e.findtext("s:loc", namespaces=SITEMAP_NS): e.findtext("s:lastmod", namespaces=SITEMAP_NS)
        for e in root.findall("s:url", SITEMAP_NS)
    }
    assert dated[published.url + "/aktualnosci/2025/gala-zakup-prospoleczny-2025/"] == "2025-11-20"
    robots = (published.output / "robots.txt").read_text()
    assert f"Sitemap: {published.url}/sitemap.xml" in robots.splitlines()
    assert (published.output / "_headers").read_bytes() == (ROOT / "deploy" / "_headers").read_bytes()


def test_every_page_has_a_share_preview(published):
    generated = set()
    for path in html_files(published.output):
        page = scan(path)
        meta = meta_of(page)
        where = path.relative_to(published.output).as_posix()
        for key in (
            "og:title",
            "og:description",
            "og:url",
            "og:image",
            "og:image:alt",
            "twitter:image",
            "twitter:image:alt",
        ):
            assert meta.get(key, "").strip(), (where, key)
        english = where.startswith("en/")
        locale, name = (
            ("en_GB", "Social economy in Wielkopolska")
            if english
            else ("pl_PL", "Ekonomia społeczna w Wielkopolsce")
        )
        assert meta["og:locale"] == locale and meta["og:site_name"] == name, where
        assert meta["twitter:card"] == "summary_large_image", where
        assert meta["og:image"].startswith(published.url + "/obrazy/"), where
        image = published.output / meta["og:image"].removeprefix(published.url + "/")
        assert image.is_file(), (where, meta["og:image"])
        with Image.open(image) as opened:
            assert opened.size == (int(meta["og:image:width"]), int(meta["og:image:height"])), where
        if "/udostepnij/" in meta["og:image"]:
            generated.add(image)
        if noindex(page):
            assert not [a for a in page.all("link") if a.get("rel") == "canonical"], where
        else:
            canonical = [a["href"] for a in page.all("link") if a.get("rel") == "canonical"]
            assert canonical == [meta["og:url"]], where
            assert canonical[0] == published.url + "/" + where.removesuffix("index.html"), where
    assert len(generated) > 150
    for image in generated:
        with Image.open(image) as opened:
            assert opened.size == (1200, 630) and opened.format == "PNG"


def test_pages_with_photos_use_them_in_their_preview(published):
    meta = meta_of(scan(published.output / "katalog" / "fartuch-gzik" / "index.html"))
    assert re.search(r"/obrazy/fartuch-gzik-1-[0-9a-f]{10}-1200\.jpg$", meta["og:image"])
    assert meta["og:image:alt"] == "Fartuch „Gzik”: produkt na jasnym tle"
    news = meta_of(
        scan(published.output / "aktualnosci" / "2025" / "gala-zakup-prospoleczny-2025" / "index.html")
    )
    assert news["og:type"] == "article" and news["article:published_time"].startswith("2025-11-20")


# schema.org types used on the portal and the properties each must have
def test_structured_data_is_valid_json_with_known_schema_org_types(published):
    check_structured_data(published.output)  # the development build: tests/e2e/test_site.py


def test_search_index_covers_the_content_pages(published):
    entry = json.loads((published.output / "pagefind" / "pagefind-entry.json").read_text())
    assert list(entry["languages"]) == ["en", "pl"]  # English pages (/en/) have their own index
    indexed = [
        p for p in html_files(published.output) if "data-pagefind-body" in p.read_text(encoding="utf-8")
    ]
    english = [p for p in indexed if p.relative_to(published.output).parts[0] == "en"]
    assert entry["languages"]["pl"]["page_count"] == len(indexed) - len(english) >= 90
    assert entry["languages"]["en"]["page_count"] == len(english) >= 50
    for language in ("pl", "en"):
        wasm = entry["languages"][language]["wasm"]
        assert (published.output / "pagefind" / f"wasm.{wasm}.pagefind").is_file()


def test_search_excerpts_keep_the_words_of_adjacent_elements_apart(published):
    """The index is made before the pages are minified: a product's price table and
    details, an entity's identifiers (table headers, definition lists) read as words."""
    texts = {}
    for fragment in (published.output / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = json.loads(gzip.decompress(fragment.read_bytes())[len(b"pagefind_dcd") :])
        texts[data["url"]] = data["content"]
    product = next(text for url, text in texts.items() if url.startswith("/katalog/") and "Netto" in text)
    assert "Zamówienie Netto Brutto" in product and "Projekt " in product
    entity = next(text for url, text in texts.items() if url.startswith("/podmioty/") and "REGON" in text)
    assert re.search(r"NIP \d{10} REGON \d{9}", entity), entity
    glued = [
        url
        for url, text in texts.items()
        if re.search(r"(NIP|REGON|Projekt|Motyw|Organizator)[A-ZĄĆĘŁŃÓŚŹŻ0-9]", text)
    ]
    assert glued == []


def test_two_publish_builds_are_byte_identical(tmp_path, published):
    """A second `make publish` of the same content (at the same address as the session's
    build) gives the same bytes in every file."""
    again = tmp_path / "again"
    second = run_build(
        None, again, settings="publishconf.py", env={**CMS_HOST, "PORTAL_SITEURL": published.url}
    )
    assert second.returncode == 0, second.stderr
    first_files = sorted(p.relative_to(published.output) for p in published.output.rglob("*") if p.is_file())
    second_files = sorted(p.relative_to(again) for p in again.rglob("*") if p.is_file())
    assert first_files == second_files and len(first_files) > 1000
    _, mismatch, errors = filecmp.cmpfiles(
        published.output, again, [str(f) for f in first_files], shallow=False
    )
    assert mismatch == [] and errors == []
    # absolute everywhere; without PORTAL_SITEURL the address is the portal's public one
    assert f"{published.url}/theme/css/portal." in (again / "index.html").read_text()
    from pelican.settings import read_settings

    assert read_settings(str(ROOT / "publishconf.py"))["SITEURL"] == "https://wielkopolskaes.pl"
