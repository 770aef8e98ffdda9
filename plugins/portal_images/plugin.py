"""portal_images: responsive <picture> elements from source photos, cached and parallel.

Why our own plugin and not pelican-plugins/image-process: image-process rewrites <img>
tags in already-rendered HTML, derives nothing from a source hash (it re-checks output
files), and emits no AVIF; we need width/height and a placeholder colour at render time
for templates (product cards, news photos, film posters), a cache keyed by source bytes and
settings, and encoding spread over all cores.

Handlers (wired by portal_site, plugins/portal_site/__init__.py):
- ``setup`` (``initialized``): creates the pipeline and adds the Jinja global ``picture``.
- ``finish`` (``finalized``): encodes what the cache lacks and copies derivatives into the output.
Settings read: ``IMAGES_*`` (pelicanconf.py), ``PATH``, ``SITEURL``.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from markupsafe import Markup
from portal_theme import components

from .pipeline import MIME, Pipeline

log = logging.getLogger(__name__)
PREFIX = "[portal_images]"
_state: dict[str, Pipeline] = {}


def current() -> Pipeline:
    return _state["pipeline"]


def describe_image(image: Any):
    """The pipeline's description of ``image``: an object with ``path`` (catalogue photos
    carry the file itself), one with ``src``, or a path relative to the content folder."""
    pipeline = current()
    path = getattr(image, "path", None) or Path(pipeline.settings["PATH"]) / getattr(image, "src", image)
    return pipeline.image(path)


def picture(
    image: Any,
    alt: str | None = None,
    sizes: str = "100vw",
    eager: bool = False,
    css_class: str = "",
) -> Markup:
    """Render a <picture> for a content image (the component components/picture.html).

    Parameters: ``image``: a path relative to the content folder, or an object with
    ``src`` and ``alt`` (and optionally ``path``, the file itself); ``alt``: overrides the object's alt; ``sizes``: the CSS sizes
    attribute; ``eager``: True for the first image above the fold (no lazy loading, high
    fetch priority); ``css_class``: extra classes on the <img>.
    """
    text = alt if alt is not None else getattr(image, "alt", "")
    info = describe_image(image)
    middle = info.widths[len(info.widths) // 2]
    return components.macro("picture.html", "picture_element")(
        sources=[(MIME[fmt], info.srcset(fmt)) for fmt in info.formats if fmt != "jpeg"],
        src=info.url(middle, info.fallback),
        srcset=info.srcset(info.fallback),
        sizes=sizes,
        width=info.width,
        height=info.height,
        alt=text,
        classes=" ".join(c for c in ("pl-img", info.placeholder_class, css_class) if c),
        eager=eager,
    )


def image_url(image: Any, width: int | None = None) -> str:
    """URL of the JPEG derivative of ``image``: the smallest made at least ``width`` wide
    (the largest when ``width`` is not given or none is that wide)."""
    info = describe_image(image)
    chosen = min((w for w in info.widths if width and w >= width), default=info.widths[-1])
    return info.url(chosen, info.fallback)


def setup(pelican) -> None:
    _state["pipeline"] = Pipeline(pelican.settings)
    pelican.settings.setdefault("JINJA_GLOBALS", {})["picture"] = picture
    pelican.settings.setdefault("JINJA_FILTERS", {}).update(image_url=image_url)


def finish(pelican) -> None:
    pipeline = current()
    pipeline.run(Path(pelican.output_path))
    log.info(
        "%s %d zdjęć, zakodowano %d plików (reszta z pamięci podręcznej)",
        PREFIX,
        len(pipeline.requested),
        pipeline.encoded,
    )
    # devserver reruns the same Pelican object: start the next build with a clean list
    pipeline.requested.clear()
    pipeline.encoded = 0


def take_requested() -> dict:
    """Photos asked for by pages rendered in this (worker) process."""
    return dict(current().requested)


def merge_requested(requested: dict) -> None:
    current().requested.update(requested)
