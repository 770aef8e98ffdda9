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


def render_markdown(text: str, settings: dict[str, Any]) -> Markup:
    # Markdown written by the working group, like every content body Pelican renders
    return Markup(Markdown(**markdown_options(settings)).convert(text or ""))  # noqa: S704
