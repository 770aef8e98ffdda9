"""portal_publish (plugin.py and finishing.py) on small folders: the sitemap and robots.txt,
fingerprints, minifying, precompression and the search index's failure message."""

from __future__ import annotations

import datetime as dt
import gzip
from pathlib import Path
from types import SimpleNamespace

import brotli
import pytest
from portal_publish import finishing
from portal_publish import plugin as publish

SETTINGS = {"SITEURL": "", "PUBLIC_SITEURL": "https://wielkopolskaes.pl", "SITEMAP_EXCLUDE": ["404.html"]}


def page(output: Path, relative: str, text: str = "<!DOCTYPE html><title>x</title>") -> str:
    path = output / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_sitemap_lists_pages_written_now_with_their_dates_only(tmp_path):
    news = SimpleNamespace(date=dt.datetime(2026, 3, 2, 10), modified=None)
    changed = SimpleNamespace(date=dt.datetime(2025, 1, 1), modified=dt.datetime(2026, 5, 6))
    publish._pages.clear()
    publish.remember(page(tmp_path, "index.html"), {})
    publish.remember(page(tmp_path, "aktualnosci/2026/a/index.html"), {"article": news})
    publish.remember(page(tmp_path, "o-nas/index.html"), {"page": changed})
    publish.remember(page(tmp_path, "szukaj/a&b.html"), {})
    publish.remember(page(tmp_path, "404.html"), {})  # excluded by setting
    publish.remember(page(tmp_path, "szkic/index.html", '<meta name="robots" content="noindex">'), {})
    publish.remember(page(tmp_path, "dane/podmioty.csv", "a;b"), {})  # not a page
    publish.remember(str(tmp_path.parent / "elsewhere" / "index.html"), {})  # another build's
    try:
        assert publish.write_sitemap(tmp_path, SETTINGS) == 4
    finally:
        publish._pages.clear()
    sitemap = (tmp_path / "sitemap.xml").read_text(encoding="utf-8")
    assert "<url><loc>https://wielkopolskaes.pl/</loc></url>" in sitemap
    assert "<loc>https://wielkopolskaes.pl/aktualnosci/2026/a/</loc><lastmod>2026-03-02</lastmod>" in sitemap
    assert "<loc>https://wielkopolskaes.pl/o-nas/</loc><lastmod>2026-05-06</lastmod>" in sitemap
    assert "szukaj/a&amp;b.html" in sitemap and "404" not in sitemap and "szkic" not in sitemap
    robots = (tmp_path / "robots.txt").read_text(encoding="utf-8")
    assert robots.endswith("Sitemap: https://wielkopolskaes.pl/sitemap.xml\n")


def test_fingerprints_rename_assets_and_every_reference(tmp_path):
    css = tmp_path / "theme" / "css" / "portal.css"
    css.parent.mkdir(parents=True)
    css.write_text("body{color:#000}")
    page(tmp_path, "index.html", '<link rel="stylesheet" href="https://e.pl/theme/css/portal.css">')
    assert finishing.fingerprint(tmp_path, "https://e.pl") == 1
    (renamed,) = (tmp_path / "theme" / "css").iterdir()
    assert renamed.name.startswith("portal.") and len(renamed.name) == len("portal.0123456789.css")
    assert f'href="https://e.pl/theme/css/{renamed.name}"' in (tmp_path / "index.html").read_text()


def test_minified_pages_keep_escaped_angle_brackets():
    text = '<!DOCTYPE html><html><head><title>a &lt;b&gt;</title></head><body>  <p title="&lt;x&gt;">  1 &lt; 2  </p></body></html>'
    result = finishing.minify_page(text)
    assert len(result) < len(text)
    assert "a &lt;b&gt;" in result and "&lt;x&gt;" in result and "1 &lt; 2" in result
    assert finishing.minify_page("\ue000" + text) == "\ue000" + text  # never confused with our stand-ins


def test_precompressed_copies_hold_the_same_bytes(tmp_path):
    big = page(tmp_path, "index.html", "<p>Ekonomia społeczna w Wielkopolsce.</p>\n" * 40)
    page(tmp_path, "maly.html", "<p>x</p>")  # too small to gain anything
    (tmp_path / "foto.jpg").write_bytes(b"\xff\xd8" * 600)  # not text
    assert finishing.precompress(tmp_path, workers=1) == 1
    data = Path(big).read_bytes()
    assert gzip.decompress(Path(big + ".gz").read_bytes()) == data
    assert brotli.decompress(Path(big + ".br").read_bytes()) == data
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "foto.jpg",
        "index.html",
        "index.html.br",
        "index.html.gz",
        "maly.html",
    ]


def test_a_failed_search_index_says_so_in_polish(tmp_path):
    with pytest.raises(finishing.PublishError, match="Indeks wyszukiwarki"):
        finishing.search_index(tmp_path / "nie-ma", "pl")


def test_blocks_pagefind_would_glue_are_separated_by_a_line_break():
    from portal_build.render import separate_blocks

    html = "<dl><dt>Projekt</dt><dd>Zofia</dd></dl><table><tr><th>A</th><th>B</th><td>1</td></tr></table>"
    assert separate_blocks(html) == (
        "<dl><dt>Projekt</dt>\n<dd>Zofia</dd>\n</dl>\n<table><tr><th>A</th>\n<th>B</th>\n<td>1</td></tr></table>"
    )
    assert (
        separate_blocks("<dl><dt>x</dt> <dd>y</dd> </dl>") == "<dl><dt>x</dt> <dd>y</dd> </dl>"
    )  # already apart


def test_the_live_site_gets_brotli_at_its_smallest_unless_asked_otherwise(monkeypatch, tmp_path):
    """publishconf.py: level 11 by default; PORTAL_BROTLI_QUALITY (the test suite's quicker
    builds) changes the level and so the bytes, never what they decode to."""
    import importlib.util

    from sitebuild import ROOT

    def quality() -> int:
        spec = importlib.util.spec_from_file_location("publishconf_probe", ROOT / "publishconf.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module.PUBLISH_BROTLI_QUALITY

    monkeypatch.delenv("PORTAL_BROTLI_QUALITY", raising=False)
    assert quality() == 11
    monkeypatch.setenv("PORTAL_BROTLI_QUALITY", "5")
    assert quality() == 5
    big = page(tmp_path, "index.html", "<p>Zakup prospołeczny, ekonomia społeczna.</p>\n" * 400)
    sizes = []
    for level in (11, 5):
        finishing.precompress(tmp_path, workers=1, brotli_quality=level)
        packed = Path(big + ".br").read_bytes()
        assert brotli.decompress(packed) == Path(big).read_bytes()
        sizes.append(packed)
    assert sizes[0] != sizes[1]
