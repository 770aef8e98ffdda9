"""The films of the current build, read once from content/filmy/ (validated records)."""

from __future__ import annotations

from typing import Any

from portal_content.validate import content_files, load

from .model import Film

_cache: dict[str, Any] = {}


def films(settings: dict[str, Any]) -> list[Film]:
    found = []
    for path, kind in content_files(settings):
        if kind != "film":
            continue
        record = load(path, kind)
        if isinstance(record, list):  # reported by the checker; never built
            continue
        found.append(Film(record.meta, record.slug, record.doc.body, settings))
    return sorted(found, key=lambda f: (f.meta.published, f.slug), reverse=True)


def by_slug(settings: dict[str, Any]) -> dict[str, Film]:
    return {film.slug: film for film in films(settings)}
