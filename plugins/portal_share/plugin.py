"""portal_share: sharing previews (Open Graph, Twitter cards) and generated share images.

Why our own plugin: pelican-plugins/seo adds Open Graph tags to articles and pages only (it
knows nothing of the directory, catalogue, certification and film pages our generators
write) and draws no images; a page shared on Facebook without an image shows as a bare
link. Here every page gets a preview: its own photo where it has one, otherwise a
1200×630 card with its title and section drawn with Pillow at build time, cached by a hash
of what is drawn (as portal_images caches photos) and written only when it changes.

Handlers (wired by portal_site, plugins/portal_site/__init__.py):
- ``setup`` (``initialized``): the Jinja global ``share_image`` and the filter ``quote_all``.
- ``finish`` (``finalized``): draws the cards the cache lacks (over all cores) and copies the cards
  used by this build into the output.
Settings read: SHARE_IMAGE_URL, SHARE_SECTIONS, SITENAME, SITE_ADDRESS,
IMAGES_CACHE_PATH.
"""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from markupsafe import Markup
from portal_build.render import Requests
from portal_core.address import absolute, site_address
from portal_core.parallel import Parallel
from portal_images.plugin import describe_image

from .card import HEIGHT, WIDTH, Card, render

log = logging.getLogger(__name__)

_state: dict[str, Any] = {"cards": {}}


def _plain(text: Any) -> str:
    value = text.unescape() if isinstance(text, Markup) else str(text)
    return " ".join(value.split())


def section_of(url: str, settings: dict[str, Any]) -> str:
    first = url.strip("/").split("/", 1)[0]
    return settings["SHARE_SECTIONS"].get(first, settings["SHARE_DEFAULT_SECTION"])


def share_image(title: Any, url: str, photo: Any = None) -> dict[str, Any]:
    """The preview image of a page: its photo (1200 px JPEG) or its generated card.

    Returns ``url`` (absolute), ``width``, ``height``, ``alt`` and ``type`` for the
    og:image tags. ``title`` is the page's title, ``url`` its URL relative to the site.
    """
    settings = _state["settings"]
    base = site_address(settings)
    if photo is not None:
        info = describe_image(photo)
        width = max((w for w in info.widths if w <= 1200), default=info.widths[0])
        return {
            "url": absolute(info.url(width, "jpeg" if "jpeg" in info.formats else info.fallback), settings),
            "width": width,
            "height": round(info.height * width / info.width),
            "alt": _plain(getattr(photo, "alt", "")),
            "type": "image/jpeg",
        }
    name = _plain(title)
    section = section_of(url, settings)
    card = Card(name, section, settings["SITENAME"], urlsplit(base).netloc or base)
    _state["cards"][card.key] = card
    return {
        "url": f"{base}/{settings['SHARE_IMAGE_URL']}{card.key}.png",
        "width": WIDTH,
        "height": HEIGHT,
        "alt": f"{name} – {section}, {settings['SITENAME']}",
        "type": "image/png",
    }


def quote_all(value: Any) -> str:
    """Percent-encode every reserved character (for a URL inside another URL's query)."""
    return quote(str(value), safe="")


def setup(pelican) -> None:
    _state["settings"] = pelican.settings
    _state["cards"] = Requests("portal_share")  # noted against the page that asks
    pelican.settings.setdefault("JINJA_GLOBALS", {})["share_image"] = share_image
    pelican.settings.setdefault("JINJA_FILTERS", {})["quote_all"] = quote_all


def _render_one(job: tuple[Card, str]) -> None:
    card, target = job
    render(card, Path(target))


def finish(pelican) -> None:
    settings = pelican.settings
    cache = Path(settings["IMAGES_CACHE_PATH"]) / "udostepnij"
    cards: dict[str, Card] = _state["cards"]
    missing = [
        (card, str(cache / f"{key}.png"))
        for key, card in cards.items()
        if not (cache / f"{key}.png").exists()
    ]
    Parallel(
        _render_one, missing, int(settings.get("RENDER_WORKERS") or 1), chunk=4, serial_below=5
    ).results()
    target = Path(pelican.output_path) / settings["SHARE_IMAGE_URL"]
    target.mkdir(parents=True, exist_ok=True)
    for key in sorted(cards):
        try:  # a link, as for photos: thousands of cards on a large portal
            os.link(cache / f"{key}.png", target / f"{key}.png")
        except OSError:
            shutil.copyfile(cache / f"{key}.png", target / f"{key}.png")
    log.info("[portal_share] %d kart udostępniania, narysowano %d", len(cards), len(missing))
    _state["cards"] = Requests("portal_share")  # devserver reruns the same Pelican object


def take_cards() -> dict:
    """Share cards asked for by pages rendered in this (worker) process."""
    return dict(_state["cards"])


def merge_cards(cards: dict) -> None:
    _state["cards"].update(cards)
