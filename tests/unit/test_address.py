"""portal_core.address: the site's public address, made in one place."""

from __future__ import annotations

from types import SimpleNamespace

from portal_core.address import absolute, setup, site_address


def test_development_uses_the_public_address_and_production_its_own():
    public = {"SITEURL": "", "PUBLIC_SITEURL": "https://wielkopolskaes.pl"}
    assert site_address(public) == "https://wielkopolskaes.pl"
    production = {"SITEURL": "https://es.example.pl/", "PUBLIC_SITEURL": "https://wielkopolskaes.pl"}
    assert site_address(production) == "https://es.example.pl"


def test_absolute_takes_urls_relative_to_the_site_or_the_root_and_keeps_absolute_ones():
    settings = {"SITEURL": "", "PUBLIC_SITEURL": "https://wielkopolskaes.pl"}
    assert absolute("katalog/", settings) == "https://wielkopolskaes.pl/katalog/"
    assert absolute("/obrazy/a-800.jpg", settings) == "https://wielkopolskaes.pl/obrazy/a-800.jpg"
    assert absolute("https://cdn.example.pl/a.jpg", settings) == "https://cdn.example.pl/a.jpg"


def test_setup_gives_templates_the_address_and_the_filter():
    settings = {"SITEURL": "", "PUBLIC_SITEURL": "https://wielkopolskaes.pl"}
    setup(SimpleNamespace(settings=settings))
    assert settings["SITE_ADDRESS"] == "https://wielkopolskaes.pl"
    assert settings["JINJA_FILTERS"]["absolute"]("/a/") == "https://wielkopolskaes.pl/a/"
