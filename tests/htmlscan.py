"""Tiny HTML scanner for tests: tags with attributes and text, no third-party parser."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path


@dataclass
class Page:
    path: Path
    tags: list[tuple[str, dict[str, str | None]]] = field(default_factory=list)
    text: str = ""
    inline_scripts: int = 0

    def all(self, name: str) -> list[dict[str, str | None]]:
        return [attrs for tag, attrs in self.tags if tag == name]

    def ids(self) -> set[str]:
        return {attrs["id"] for _, attrs in self.tags if attrs.get("id")}


class _Scanner(HTMLParser):
    def __init__(self, page: Page) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.chunks: list[str] = []
        self._script: dict | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.page.tags.append((tag, attributes))
        if tag == "script":
            self._script = attributes

    def handle_endtag(self, tag):
        if tag == "script":
            self._script = None

    def handle_data(self, data):
        if self._script is not None:
            if data.strip() and self._script.get("type") != "application/ld+json":
                self.page.inline_scripts += 1
            return
        self.chunks.append(data)


def scan(path: Path) -> Page:
    page = Page(path)
    scanner = _Scanner(page)
    scanner.feed(path.read_text(encoding="utf-8"))
    page.text = " ".join(" ".join(scanner.chunks).split())
    return page


def html_files(root: Path) -> list[Path]:
    """The portal's pages. Not /admin/: the CMS's one page is no page of the portal (its own
    policy, never indexed; tests/browser/test_served.py and test_cms.py check it)."""
    return sorted(p for p in root.rglob("*.html") if p.relative_to(root).parts[0] != "admin")


def resolve(root: Path, page: Path, url: str, siteurl: str = "") -> Path | None:
    """The file an internal URL points to, or None for external/special URLs.

    ``siteurl``: the site's absolute address in a publish build; URLs under it are internal.
    """
    if siteurl and url.startswith(siteurl + "/"):
        url = url[len(siteurl) :]
    if url.startswith(("http://", "https://", "mailto:", "tel:", "data:", "#", "//")):
        return None
    url = url.split("#", 1)[0].split("?", 1)[0]
    if not url:
        return None
    target = root / url.lstrip("/") if url.startswith("/") else page.parent / url
    if url.endswith("/"):
        target = target / "index.html"
    return target


def referenced_urls(page: Page) -> list[str]:
    """Every link, stylesheet, script, image and source a page refers to."""
    urls = [a.get("href") for a in page.all("a")] + [a.get("href") for a in page.all("link")]
    urls += [a.get("src") for a in page.all("img")] + [a.get("src") for a in page.all("script")]
    urls += [a.get("src") for a in page.all("track")] + [a.get("src") for a in page.all("video")]
    urls += [a.get("poster") for a in page.all("video")] + [a.get("action") for a in page.all("form")]
    urls += [
        part.split()[0]
        for s in page.all("source") + page.all("img")
        for part in (s.get("srcset") or "").split(",")
        if part.strip()
    ]
    return [u for u in urls if u]


def broken_links(root: Path, siteurl: str = "") -> tuple[int, list[tuple[str, str]]]:
    """Crawl every HTML file under ``root``: (links checked, [(page, url) that lead nowhere]).

    Fragments (#id) are checked too: on the same page and on the page linked to.
    """
    broken: list[tuple[str, str]] = []
    checked = 0
    ids: dict[Path, set[str]] = {}

    def ids_of(path: Path) -> set[str]:
        if path not in ids:
            ids[path] = scan(path).ids()
        return ids[path]

    for path in html_files(root):
        page = scan(path)
        ids[path] = page.ids()
        for url in referenced_urls(page):
            checked += 1
            fragment = url.split("#", 1)[1] if "#" in url else ""
            if url.startswith("#"):
                if fragment and fragment not in ids[path]:
                    broken.append((str(path.relative_to(root)), url))
                continue
            target = resolve(root, path, url, siteurl)
            if target is None:
                continue
            if (
                not target.is_file()
                or fragment
                and target.suffix == ".html"
                and fragment not in ids_of(target)
            ):
                broken.append((str(path.relative_to(root)), url))
    return checked, broken


JSONLD = re.compile(r'<script type="?application/ld\+json"?>(.*?)</script>', re.S)
REQUIRED = {
    "WebSite": {"name", "url"},
    "NewsArticle": {"headline", "datePublished", "image", "author", "publisher"},
    "BreadcrumbList": {"itemListElement"},
    "ListItem": {"position", "name", "item"},
    "Organization": {"name"},
    "GovernmentOrganization": {"name"},
    "Product": {"name", "image", "offers"},
    "Offer": {"price", "priceCurrency", "availability"},
    "VideoObject": {"name", "description", "uploadDate", "thumbnailUrl"},
    "PostalAddress": {"addressCountry"},
    "PropertyValue": {"propertyID", "value"},
    "UnitPriceSpecification": {"price", "priceCurrency"},
    "QuantitativeValue": set(),
    "SearchAction": {"target", "query-input"},
    "EntryPoint": {"urlTemplate"},
    "Brand": {"name"},
    "Event": {"name", "startDate", "endDate", "location", "organizer", "eventAttendanceMode"},
    "Place": {"name", "address"},
    "VirtualLocation": {"url"},
    "Report": {"name", "datePublished", "author", "publisher", "encoding"},
    "CreativeWork": {"name", "datePublished", "author", "publisher", "encoding"},
    "MediaObject": {"contentUrl", "encodingFormat"},
    "AdministrativeArea": {"name"},
}


def _typed_nodes(node):
    if isinstance(node, dict):
        if "@type" in node:
            yield node
        for value in node.values():
            yield from _typed_nodes(value)
    elif isinstance(node, list):
        for value in node:
            yield from _typed_nodes(value)


def check_structured_data(root: Path) -> None:
    """Every JSON-LD block of every page parses, names schema.org, uses only known types with
    their required properties and absolute addresses; each main type appears."""
    counts: dict[str, int] = {}
    for path in html_files(root):
        where = path.relative_to(root).as_posix()
        for block in JSONLD.findall(path.read_text(encoding="utf-8")):
            data = json.loads(block)
            assert data["@context"] == "https://schema.org", where
            for node in _typed_nodes(data):
                kind = node["@type"]
                assert kind in REQUIRED, (where, kind)
                assert REQUIRED[kind] <= set(node), (where, kind, REQUIRED[kind] - set(node))
                counts[kind] = counts.get(kind, 0) + 1
                for key, value in node.items():
                    if key in {"url", "item", "mainEntityOfPage", "contentUrl"}:
                        assert str(value).startswith(("https://", "http://127.0.0.1")), (where, key, value)
    for kind in (
        "WebSite",
        "NewsArticle",
        "BreadcrumbList",
        "Organization",
        "Product",
        "VideoObject",
        "Event",
        "Report",
        "CreativeWork",
    ):
        assert counts.get(kind, 0) >= 1, kind
    assert counts["NewsArticle"] == 18
