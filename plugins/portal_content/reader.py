"""Markdown reader for YAML front matter, registered for ``.md`` files.

Pelican's own generators read news and pages with it; every other kind is an Item its
generator makes from the validated record (portal_content.model)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from markupsafe import escape
from pelican.readers import MarkdownReader
from pelican.urlwrappers import Author, Category, Tag
from pelican.utils import SafeDatetime

from .problems import ContentError, Problem, display_path
from .render import render_markdown
from .schema import CATEGORIES
from .validate import kind_of, load


def _safe(value):
    return SafeDatetime(value.year, value.month, value.day, value.hour, value.minute, value.second)


class PortalMarkdownReader(MarkdownReader):
    file_extensions = ["md"]

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        path = Path(source_path)
        kind = kind_of(path, Path(self.settings["PATH"]))
        if kind not in ("news", "page"):  # every content folder is a kind: nothing is read unchecked
            message = (
                "plik poza folderami treści nie jest czytany"
                if kind is None
                else f"plik rodzaju „{kind}” czyta jego generator, nie czytnik aktualności i stron"
            )
            raise ContentError([Problem(display_path(path), 1, "(plik)", message)])
        record = load(path, kind)
        if isinstance(record, list):
            raise ContentError(record)
        meta: Any = record.meta
        content = str(render_markdown(record.doc.body, self.settings))
        metadata: dict[str, Any] = {
            "title": meta.title,
            "slug": record.slug,
            "sample": meta.sample,
            "meta": meta,  # the validated model, for plugins' content classes
        }
        if getattr(meta, "status", None):
            metadata["status"] = meta.status
        if getattr(meta, "modified", None):
            metadata["modified"] = _safe(meta.modified)
        if meta.summary:
            # Pelican treats a summary as HTML (feeds mark it type="html"); ours is plain text
            # from the front matter, so it is escaped here once and for all
            metadata["summary"] = escape(meta.summary)
        if kind == "news":
            metadata["date"] = _safe(meta.date)
            category = Category(CATEGORIES[meta.category], self.settings)
            category.slug = meta.category
            metadata["category"] = category
            metadata["tags"] = [Tag(tag, self.settings) for tag in meta.tags]
            if meta.author:
                metadata["author"] = Author(meta.author, self.settings)
            if meta.image:
                metadata["image"] = meta.image
        elif kind == "page":
            metadata["nav_order"] = meta.nav_order
            metadata["placeholder"] = meta.placeholder
            if meta.template:
                metadata["template"] = meta.template
            if meta.accessibility:
                metadata["template"] = "deklaracja"
                metadata["accessibility"] = meta.accessibility
        return content, metadata
