"""Markdown rendering shared by every plugin: bodies, structured fields, transcripts."""

from __future__ import annotations

from typing import Any

from markdown import Markdown
from markupsafe import Markup


def markdown_options(settings: dict[str, Any]) -> dict[str, Any]:
    """Pelican's MARKDOWN settings with every configured extension, minus Pelican's meta
    extension (front matter is YAML here). Computed on use, so extensions other plugins
    add after start-up (e.g. portal_films' [film: ...]) are included."""
    md = settings["MARKDOWN"]
    extensions = [e for e in md.get("extensions", []) if e != "markdown.extensions.meta"]
    extensions += [name for name in md.get("extension_configs", {}) if name not in extensions]
    return {**md, "extensions": extensions}


# One converter per configuration, reset between texts (Python-Markdown's documented way):
# building a converter with its extensions costs more than converting a short news item.
_converter: dict[str, Any] = {"key": None, "markdown": None, "busy": False}


def _key(settings: dict[str, Any], options: dict[str, Any]) -> tuple:
    extensions = tuple(e if isinstance(e, str) else id(e) for e in options["extensions"])
    return id(settings), extensions, repr(options.get("extension_configs")), options.get("output_format")


# HTML converted ahead by preload's worker processes: (config_key, text) -> HTML
prerendered: dict[tuple, str] = {}


def config_key(settings: dict[str, Any]) -> tuple:
    return _key(settings, markdown_options(settings))


def render_markdown(text: str, settings: dict[str, Any]) -> Markup:
    options = markdown_options(settings)
    ready = prerendered.get((_key(settings, options), text)) if prerendered else None
    if ready is not None:
        return Markup(ready)  # noqa: S704 - converted by this same function in a worker
    if _converter["busy"]:  # called from inside a conversion (an extension rendering Markdown)
        return Markup(Markdown(**options).convert(text or ""))  # noqa: S704
    key = _key(settings, options)
    if _converter["key"] != key:
        _converter.update(key=key, markdown=Markdown(**options))
    converter = _converter["markdown"]
    _converter["busy"] = True
    try:
        converter.reset()
        # Markdown written by the working group, like every content body Pelican renders
        return Markup(converter.convert(text or ""))  # noqa: S704
    finally:
        _converter["busy"] = False
