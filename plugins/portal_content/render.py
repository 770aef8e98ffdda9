"""Markdown rendering shared by every plugin: bodies, structured fields, transcripts.

Every conversion is cleaned to the HTML allow-list (safety.clean) before it is returned."""

from __future__ import annotations

from typing import Any

from markdown import Markdown
from markupsafe import Markup
from portal_core import compat

from .safety import clean
from .store import store


def markdown_options(settings: dict[str, Any]) -> dict[str, Any]:
    """Pelican's MARKDOWN settings with every configured extension, minus Pelican's meta
    extension (front matter is YAML here). Computed on use, so extensions other plugins
    add after start-up (e.g. portal_films' [film: ...]) are included."""
    md = settings["MARKDOWN"]
    extensions = [e for e in md.get("extensions", []) if e != "markdown.extensions.meta"]
    extensions += [name for name in md.get("extension_configs", {}) if name not in extensions]
    return {**md, "extensions": extensions}


# Python-Markdown's inline patterns that begin with a lookbehind make `re` try them at every
# position of every paragraph: about a third of the time it takes to convert a news item.
# ``(?<!Y)X`` matches exactly where ``X(?<!YX)`` does when X is one character, and the
# second form lets `re` jump from one X to the next. Keys are Python-Markdown 3's patterns
# (code spans, links, and smarty's dashes and ellipses); a pattern not listed is kept.
FASTER_PATTERNS = {
    r"(?:(?<!\\)((?:\\{2})+)(?=`+)|(?<!\\)`)": r"(?:(\\(?<!\\\\)\\(?:\\{2})*)(?=`+)|`(?<!\\`))",
    r"(?<!\!)\[": r"\[(?<!\!\[)",
    r"(?<!\.)\.{3}(?!\.)": r"\.(?<!\.\.)\.\.(?!\.)",
    r"(?<!-)--(?!-)": r"-(?<!--)-(?!-)",
    r"(?<!-)---(?!-)": r"-(?<!--)--(?!-)",
}


def new_converter(options: dict[str, Any]) -> Markdown:
    """A Markdown converter for ``options`` whose inline patterns match faster, with the
    same matches (see FASTER_PATTERNS)."""
    converter = Markdown(**options)
    compat.replace_inline_patterns(converter, FASTER_PATTERNS)
    return converter


# One converter per configuration, reset between texts (Python-Markdown's documented way):
# building a converter with its extensions costs more than converting a short news item.
_converter: dict[str, Any] = {"key": None, "markdown": None, "busy": False}


def _key(settings: dict[str, Any], options: dict[str, Any]) -> tuple:
    extensions = tuple(e if isinstance(e, str) else id(e) for e in options["extensions"])
    return id(settings), extensions, repr(options.get("extension_configs")), options.get("output_format")


def config_key(settings: dict[str, Any]) -> tuple:
    return _key(settings, markdown_options(settings))


def render_markdown(text: str, settings: dict[str, Any]) -> Markup:
    options = markdown_options(settings)
    ready = store.html(_key(settings, options), text)  # converted ahead by preload's workers
    if ready is not None:
        return Markup(ready)  # noqa: S704 - converted by this same function in a worker
    if _converter["busy"]:  # called from inside a conversion (an extension rendering Markdown)
        return Markup(clean(new_converter(options).convert(text or ""), settings.get("SITEURL", "")))  # noqa: S704
    key = _key(settings, options)
    if _converter["key"] != key:
        _converter.update(key=key, markdown=new_converter(options))
    converter = _converter["markdown"]
    _converter["busy"] = True
    try:
        converter.reset()
        # Markdown written by the working group, cleaned to the allow-list (safety.py)
        return Markup(clean(converter.convert(text or ""), settings.get("SITEURL", "")))  # noqa: S704
    finally:
        _converter["busy"] = False
