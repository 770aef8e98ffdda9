"""The public address of the site and of its pages, computed in one place.

In development SITEURL is empty (pages link from the root, so `make serve` works on any
port), yet open data, feeds' ids, share previews and JSON-LD need absolute addresses:
they use PUBLIC_SITEURL then. In production SITEURL is the address. ``setup`` (the first
``initialized`` step) stores the result as the setting ``SITE_ADDRESS``, which templates
read as a variable; Python code calls ``site_address``/``absolute``.
"""

from __future__ import annotations

from typing import Any


def site_address(settings: dict[str, Any]) -> str:
    """The site's absolute address without a trailing slash."""
    return (settings.get("SITEURL") or settings["PUBLIC_SITEURL"]).rstrip("/")


def absolute(url: str, settings: dict[str, Any]) -> str:
    """``url`` as an absolute address: a page's URL relative to the site (``katalog/``)
    or a path from the root (``/obrazy/...``, what links look like in development); an
    address that already is absolute is returned as it is."""
    if url.startswith(("http://", "https://")):
        return url
    return f"{site_address(settings)}/{url.lstrip('/')}"


def setup(pelican) -> None:
    """The setting SITE_ADDRESS and the Jinja filter ``absolute``."""
    settings = pelican.settings
    settings["SITE_ADDRESS"] = site_address(settings)
    settings.setdefault("JINJA_FILTERS", {})["absolute"] = lambda url: absolute(str(url), settings)
