"""Tiny HTML scanner for tests: tags with attributes and text, no third-party parser."""

from __future__ import annotations

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
    return sorted(root.rglob("*.html"))


def resolve(root: Path, page: Path, url: str) -> Path | None:
    """The file an internal URL points to, or None for external/special URLs."""
    if url.startswith(("http://", "https://", "mailto:", "tel:", "data:", "#", "//")):
        return None
    url = url.split("#", 1)[0].split("?", 1)[0]
    if not url:
        return None
    target = root / url.lstrip("/") if url.startswith("/") else page.parent / url
    if url.endswith("/"):
        target = target / "index.html"
    return target
