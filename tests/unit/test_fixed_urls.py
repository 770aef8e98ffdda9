"""portal_build.render.fix_urls: each article's URL is formatted once, as Pelican's own
override, and overrides from the metadata are left alone."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from pelican.contents import Article, Category
from pelican.settings import read_settings
from portal_build.render import fix_urls
from sitebuild import ROOT


def article(settings, slug: str, **metadata) -> Article:
    metadata = {
        "title": slug,
        "slug": slug,
        "date": dt.datetime(2026, 5, 4),
        "category": Category("Wydarzenia", settings),
        **metadata,
    }
    return Article("<p>Treść</p>", metadata=metadata, settings=settings)


def test_urls_are_formatted_once_and_metadata_overrides_kept():
    settings = read_settings(str(ROOT / "pelicanconf.py"))
    plain, overridden = article(settings, "targi"), article(settings, "gala", url="gala-2026/")
    fix_urls([SimpleNamespace(articles=[plain, overridden])])
    assert (plain.override_url, plain.override_save_as) == (
        "aktualnosci/2026/targi/",
        "aktualnosci/2026/targi/index.html",
    )
    assert overridden.url == "gala-2026/"  # the editor's own address wins
    # the fixed value is what Pelican returns from now on, whatever the metadata says
    plain.slug = "inny"
    assert plain.url == "aktualnosci/2026/targi/"
