"""portal_publish: site search index, sitemap.xml, robots.txt and the production finish.

Why our own plugin:
- pelican-plugins/sitemap (1.2.2) stamps every page that is not an article or page with
  the time of the build as ``lastmod``, so two builds of the same commit differ; it also
  lists the 404 page. Here the sitemap is built from the same ``content_written`` signal
  but gives ``lastmod`` only where the content has a date, and leaves out pages marked
  ``noindex``.
- No maintained Pelican plugin runs Pagefind; pelican-search (pelican-plugins/search)
  runs Stork, which is unmaintained. Pagefind runs here through its Python package (the
  binary comes from PyPI in ``pagefind-bin``), with Polish stemming.
- Asset fingerprinting, minification and precompression are done by webassets plugins in
  other themes; they need templates written around their bundles and do not write
  ``.br`` files. Here the rendered output is finished in place after Pelican wrote it.

Handlers (wired by portal_site, plugins/portal_site/__init__.py):
- ``setup`` (``initialized``): stops a search index a failed build left running.
- ``content_written``: remembers every page and its content object for the sitemap.
- ``pages_rendered`` (portal_build.render's): starts Pagefind in the background.
- ``finish`` (``finalized``, last, after portal_images and portal_share wrote their files):
  waits for the Pagefind index (SEARCH_INDEX; made of the pages as rendered, since the
  minifier takes out the line breaks that keep words of adjacent elements apart),
  fingerprints CSS/JS (PUBLISH_FINGERPRINT), minifies HTML/CSS/JS (PUBLISH_MINIFY),
  writes sitemap.xml and robots.txt,
  copies PUBLISH_HEADERS_FILE to ``_headers`` and precompresses text files into ``.gz``
  and ``.br`` (PUBLISH_PRECOMPRESS). Every step is deterministic: two builds of the same
  sources with the same build date are byte-identical.
"""

from __future__ import annotations

import atexit
import logging
import os
import re
import shutil
import time
from pathlib import Path
from typing import Any

from portal_build import carry
from portal_core.address import site_address
from portal_theme.filters import plural_pl

from . import finishing

log = logging.getLogger(__name__)

_pages: list[tuple[str, Any]] = []
_search: dict[str, Any] = {"running": None}
_NOINDEX = re.compile(rb'<meta name="?robots"? content="?noindex')


def setup(pelican) -> None:
    stop_search()  # left by a build that failed after it started (devserver: same process)
    _search.pop("reused", None)


def start_search(pelican) -> None:
    """The pages are written: index them now, while photos and share cards are still being
    copied (Pagefind works on its own cores; ``finish`` waits for it before it fingerprints
    and minifies the pages).

    When the build carried pages over from the last one (portal_build.carry: only the date
    changed) and no searched page differs from the last build's, its index is the index of
    these pages: it is taken over (hard links) instead of being made again."""
    settings = pelican.settings
    if settings["SEARCH_INDEX"]:
        stop_search()
        output = Path(pelican.output_path)
        plan = carry.active()
        last_index = plan.previous / "pagefind" if plan is not None else None
        if last_index is not None and last_index.is_dir() and carry.search_input_unchanged(output):
            shutil.copytree(last_index, output / "pagefind", copy_function=os.link)
            _search["reused"] = True
            return
        _search["running"] = finishing.SearchIndexing(output, settings["SEARCH_LANGUAGE"])


def search_running() -> finishing.SearchIndexing | None:
    """The search index this process started and has not waited for or stopped yet."""
    return _search["running"]


@atexit.register
def stop_search() -> None:
    """End a search index started by a build that then failed (its folder is deleted)."""
    running, _search["running"] = _search["running"], None
    if running is not None:
        running.stop()


def remember(path: str, context: dict[str, Any]) -> None:
    _pages.append((path, context.get("article") or context.get("page")))


def _lastmod(item: Any) -> str:
    when = getattr(item, "modified", None) or getattr(item, "date", None)
    return when.date().isoformat() if when is not None else ""


def write_sitemap(output: Path, settings: dict[str, Any]) -> int:
    base = site_address(settings)
    excluded = set(settings["SITEMAP_EXCLUDE"])
    entries: dict[str, str] = {}
    root = os.path.abspath(output) + os.sep
    for path, item in _pages:
        written = os.path.abspath(path)
        if not written.startswith(root) or not os.path.isfile(written):
            continue  # left from an earlier run of the same process (or an incremental update)
        relative = written[len(root) :].replace(os.sep, "/")
        if relative in excluded or not relative.endswith(".html"):
            continue
        if _NOINDEX.search(Path(path).read_bytes()[:4096]):
            continue
        entries[finishing.page_url(relative)] = _lastmod(item)
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ]
    for url in sorted(entries):
        lastmod = f"<lastmod>{entries[url]}</lastmod>" if entries[url] else ""
        lines.append(f"<url><loc>{finishing.xml_escape(base + url)}</loc>{lastmod}</url>")
    lines.append("</urlset>")
    (output / "sitemap.xml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (output / "robots.txt").write_text(
        f"User-agent: *\nDisallow: /pagefind/\n\nSitemap: {base}/sitemap.xml\n", encoding="utf-8"
    )
    return len(entries)


def finish(pelican) -> None:
    settings = pelican.settings
    output = Path(pelican.output_path)
    steps: list[str] = []
    started = time.perf_counter()
    # the pages' own files exist now: only files written in this run are listed
    pages = write_sitemap(output, settings)
    steps.append(f"mapa witryny: {pages} {plural_pl(pages, 'adres', 'adresy', 'adresów')}")
    _pages.clear()
    # the index is made of the pages as rendered, before minifying takes out the line
    # breaks that keep words of adjacent elements apart (portal_build.render.separate_blocks)
    if settings["SEARCH_INDEX"] and _search.pop("reused", False):
        steps.append("indeks wyszukiwarki: strony bez zmian, indeks poprzedniego budowania")
    elif settings["SEARCH_INDEX"]:
        running, _search["running"] = _search["running"], None
        pages = (running or finishing.SearchIndexing(output, settings["SEARCH_LANGUAGE"])).wait()
        steps.append(f"indeks wyszukiwarki: {pages} stron")
    if settings["PUBLISH_FINGERPRINT"]:
        renamed = finishing.fingerprint(output, settings["SITEURL"])
        steps.append(f"odciski nazw: {renamed} {plural_pl(renamed, 'plik', 'pliki', 'plików')} CSS/JS")
    if settings["PUBLISH_MINIFY"]:
        minified = finishing.minify_tree(output)
        steps.append(f"minifikacja: {minified} {plural_pl(minified, 'plik', 'pliki', 'plików')}")
    if settings["PUBLISH_HEADERS_FILE"]:
        shutil.copyfile(settings["PUBLISH_HEADERS_FILE"], output / "_headers")
    if settings["PUBLISH_PRECOMPRESS"]:
        workers = os.cpu_count() or 1
        written = finishing.precompress(output, workers, settings["PUBLISH_BROTLI_QUALITY"])
        steps.append(f"kompresja .gz/.br: {written} {plural_pl(written, 'plik', 'pliki', 'plików')}")
    log.info("[portal_publish] %s (%.1f s)", "; ".join(steps), time.perf_counter() - started)
