"""The films of the current build, read from content/filmy/ (validated records).

Film objects (with their transcript rendered) are kept per record: portal_content returns
the same record object while a file is unchanged, so each embed in each page does not
render every transcript again, and the devserver still sees edited films.
"""

from __future__ import annotations

from typing import Any

from portal_content.validate import records_of

from .model import Film

_built: dict[int, tuple[Any, Film]] = {}


def films(settings: dict[str, Any]) -> list[Film]:
    found = []
    for record in records_of(settings, "film"):
        cached = _built.get(id(record))
        if cached is None or cached[0] is not record:
            cached = (record, Film(record.meta, record.slug, record.doc.body, settings, str(record.path)))
            _built[id(record)] = cached
        found.append(cached[1])
    return sorted(found, key=lambda f: (f.meta.published, f.slug), reverse=True)


def by_slug(settings: dict[str, Any]) -> dict[str, Film]:
    return {film.slug: film for film in films(settings)}
